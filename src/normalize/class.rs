//! The character classes of the spec (§2).
//!
//! HAN, KANA and BOPO are fixed code point ranges, so that the rules do not move with the
//! Unicode version of whatever property table a platform ships. LETTER alone is a General
//! Category, taken from the standard library's tables.

use unicode_normalization::char::is_combining_mark;

/// HAN: CJK ideographs, radicals and the ideographic iteration and number marks.
pub(crate) const fn is_han(c: char) -> bool {
    matches!(
        c,
        '\u{4E00}'..='\u{9FFF}'
            | '\u{3400}'..='\u{4DBF}'
            | '\u{2E80}'..='\u{2FDF}'
            | '\u{3005}'..='\u{3007}'
            | '\u{3021}'..='\u{3029}'
            | '\u{3038}'..='\u{303B}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{20000}'..='\u{3FFFF}'
    )
}

/// KANA: hiragana and katakana, without U+30FB KATAKANA MIDDLE DOT, which is punctuation.
pub(crate) const fn is_kana(c: char) -> bool {
    matches!(
        c,
        '\u{3041}'..='\u{309F}'
            | '\u{30A0}'..='\u{30FA}'
            | '\u{30FC}'..='\u{30FF}'
            | '\u{31F0}'..='\u{31FF}'
            | '\u{FF66}'..='\u{FF9F}'
    )
}

/// BOPO: bopomofo and its extension.
pub(crate) const fn is_bopomofo(c: char) -> bool {
    matches!(c, '\u{3100}'..='\u{312F}' | '\u{31A0}'..='\u{31BF}')
}

/// CJK = HAN ∪ KANA ∪ BOPO.
pub(crate) const fn is_cjk(c: char) -> bool {
    // Everything below U+2E80 is outside all three classes; most text is below it or Han.
    c as u32 >= 0x2E80 && (is_han(c) || is_kana(c) || is_bopomofo(c))
}

/// ALNUM: ASCII letters and digits.
pub(crate) const fn is_alnum(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

/// DIGIT: ASCII digits.
pub(crate) const fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
}

/// LETTER: General Category L* or N*.
///
/// `char::is_alphanumeric` is Alphabetic ∪ Numeric, and Alphabetic adds Other_Alphabetic to
/// L* and Nl. Other_Alphabetic is combining marks plus four blocks of enclosed Latin letters
/// (General Category So), which are taken out again here.
pub(crate) fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // The standard library's look-up is slow above U+2000, and most of Chinese text is in
    // these two blocks of letters (General Category Lo).
    match c {
        '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' => return true,
        // The punctuation blocks of Chinese text, whose few letters are listed; a test
        // holds these lists to the standard library's tables.
        '\u{2000}'..='\u{206F}' => {
            return matches!(c, '\u{2071}' | '\u{207F}' | '\u{2090}'..='\u{209C}');
        }
        '\u{3000}'..='\u{303F}' => {
            return matches!(
                c,
                '\u{3005}'..='\u{3007}' | '\u{3021}'..='\u{3029}' | '\u{3031}'..='\u{3035}' | '\u{3038}'..='\u{303C}'
            );
        }
        '\u{FF00}'..='\u{FF65}' => {
            return matches!(c, '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}');
        }
        _ => {}
    }
    c.is_alphanumeric()
        && !is_combining_mark(c)
        && !matches!(
            c,
            '\u{24B6}'..='\u{24E9}'
                | '\u{1F130}'..='\u{1F149}'
                | '\u{1F150}'..='\u{1F169}'
                | '\u{1F170}'..='\u{1F189}'
        )
}

/// FW_PUNCT: the fullwidth CJK punctuation that never takes a space beside it.
pub(crate) const fn is_fw_punct(c: char) -> bool {
    matches!(
        c,
        '、' | '。'
            | '〈'
            | '〉'
            | '《'
            | '》'
            | '「'
            | '」'
            | '『'
            | '』'
            | '【'
            | '】'
            | '〔'
            | '〕'
            | '〖'
            | '〗'
            | '！'
            | '（'
            | '）'
            | '，'
            | '：'
            | '；'
            | '？'
            | '［'
            | '］'
            | '｛'
            | '｝'
    )
}

/// CURLY: the four curly quotation marks.
pub(crate) const fn is_curly(c: char) -> bool {
    matches!(c, '“' | '”' | '‘' | '’')
}

/// Line breaks: LF, CR, U+2028 and U+2029. A CR LF pair is two breaks with an empty line
/// between them, which no rule can see.
pub(crate) const fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

/// HSPACE: the horizontal spaces skipped when looking for a nearest non-space neighbour.
pub(crate) const fn is_hspace(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_follow_the_spec_examples() {
        assert!(is_han('中') && is_han('〇') && is_han('\u{2F08}') && is_han('\u{20000}'));
        assert!(!is_han('・') && !is_han('ア') && !is_han('，'));
        assert!(is_kana('ア') && is_kana('ー') && is_kana('ｱ') && !is_kana('・'));
        assert!(is_bopomofo('ㄅ') && is_cjk('ㄅ') && is_cjk('あ') && is_cjk('文'));
        assert!(!is_cjk('A') && !is_cjk('。') && !is_cjk('“'));
    }

    #[test]
    fn fast_paths_agree_with_the_standard_library() {
        let slow = |c: char| {
            c.is_alphanumeric()
                && !is_combining_mark(c)
                && !matches!(
                    c,
                    '\u{24B6}'..='\u{24E9}'
                        | '\u{1F130}'..='\u{1F149}'
                        | '\u{1F150}'..='\u{1F169}'
                        | '\u{1F170}'..='\u{1F189}'
                )
        };
        for c in (0x80..0x11_0000).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), slow(c), "{c:?}");
        }
    }

    #[test]
    fn letters_are_general_category_l_and_n() {
        for c in ['a', 'Z', '7', 'é', 'ß', '中', 'ア', 'Ⅻ', '½', '٣'] {
            assert!(is_letter(c), "{c:?} is a letter");
        }
        // Marks, symbols, punctuation, spaces and format characters are skipped.
        for c in [
            '\u{0301}', '\u{0345}', 'Ⓐ', '🄰', '，', '“', ' ', '\u{FE00}', '\u{200B}', '°',
        ] {
            assert!(!is_letter(c), "{c:?} is not a letter");
        }
    }
}
