//! `fold_width` (spec §3.4): fullwidth Latin to ASCII, halfwidth kana and presentation forms
//! to the ordinary CJK marks, and numeric separators to ASCII.
//!
//! This is the part of NFKC that is safe for Chinese. Fullwidth ，！？：；（） and U+3000
//! are Chinese punctuation, not width variants, and only change in step B's numeric
//! contexts.

use unicode_normalization::char::{compose, decompose_compatible};

use super::class::{is_alnum, is_digit, is_hspace};
use super::line::Line;

/// Step A maps characters one by one; step B then folds ．／：， that sit in numbers and
/// names, looking past spaces so that a later `zh_punct` deleting a space cannot create a
/// new match.
pub(crate) fn fold_width(line: &Line, out: &mut Vec<char>) -> bool {
    let chars = line.chars;
    if !may_fold(chars) {
        return false;
    }
    let mut changed = false;
    let mut protected = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        if line.is_protected(i - 1) {
            out.push(c);
            protected.push(true);
            continue;
        }
        let mapped = match c {
            '\u{FF66}'..='\u{FF9D}' => {
                let kana = compatibility_image(c);
                let composed = chars
                    .get(i)
                    .and_then(|&mark| voicing(mark))
                    .filter(|_| !line.is_protected(i))
                    .and_then(|mark| compose(kana, mark));
                if composed.is_some() {
                    i += 1;
                }
                composed.unwrap_or(kana)
            }
            '\u{FF9E}' | '\u{FF9F}' => {
                let mark = voicing(c).unwrap_or(c);
                let previous = out
                    .last()
                    .copied()
                    .filter(|_| protected.last() == Some(&false));
                match previous.and_then(|base| compose(base, mark)) {
                    Some(composed) => {
                        out.pop();
                        protected.pop();
                        composed
                    }
                    // The spacing marks ゛゜, not the combining U+3099/U+309A of NFKC, which
                    // would attach to whatever comes before.
                    None if c == '\u{FF9E}' => '\u{309B}',
                    None => '\u{309C}',
                }
            }
            _ if is_form(c) => step_a(c).unwrap_or(c),
            _ => c,
        };
        changed |= mapped != c;
        out.push(mapped);
        protected.push(false);
    }

    for i in 0..out.len() {
        if protected[i] {
            continue;
        }
        let folded = match out[i] {
            '．' => '.',
            '／' => '/',
            '：' => ':',
            '，' => ',',
            _ => continue,
        };
        let before = out[..i].iter().rev().copied().find(|&c| !is_hspace(c));
        let after = out[i + 1..]
            .iter()
            .position(|&c| !is_hspace(c))
            .map(|at| i + 1 + at);
        let fold = match folded {
            '.' | '/' => before.is_some_and(is_alnum) && after.is_some_and(|j| is_alnum(out[j])),
            ':' => before.is_some_and(is_digit) && after.is_some_and(|j| is_digit(out[j])),
            _ => {
                before.is_some_and(is_digit)
                    && after.is_some_and(|j| starts_thousands_group(&out[j..]))
            }
        };
        if fold {
            out[i] = folded;
            changed = true;
        }
    }
    changed
}

/// Whether step A maps a char of `chars`, or step B may fold one: a ．／：， whose nearest
/// non-space char before it is alphanumeric. Lines with numbers and ， are common, and this
/// spares them the two passes below.
fn may_fold(chars: &[char]) -> bool {
    let mut after_alnum = false;
    for &c in chars {
        if is_form(c) && (step_a(c).is_some() || c >= '\u{FF66}') {
            return true;
        }
        if matches!(c, '．' | '／' | '：' | '，') && after_alnum {
            return true;
        }
        if !is_hspace(c) {
            after_alnum = is_alnum(c);
        }
    }
    false
}

/// Whether `c` is in the blocks of presentation forms and of halfwidth and fullwidth
/// forms, where all of step A's sources are.
fn is_form(c: char) -> bool {
    ('\u{FE10}'..='\u{FFEF}').contains(&c)
}

/// Whether `digits` starts with a run of exactly three ASCII digits.
fn starts_thousands_group(digits: &[char]) -> bool {
    digits.len() >= 3
        && digits[..3].iter().all(|&c| is_digit(c))
        && !digits.get(3).is_some_and(|&c| is_digit(c))
}

/// The combining voicing mark that a halfwidth ﾞ or ﾟ stands for.
fn voicing(mark: char) -> Option<char> {
    match mark {
        '\u{FF9E}' => Some('\u{3099}'),
        '\u{FF9F}' => Some('\u{309A}'),
        _ => None,
    }
}

/// The one-character compatibility decomposition of a halfwidth katakana.
fn compatibility_image(c: char) -> char {
    let mut image = c;
    decompose_compatible(c, |d| image = d);
    image
}

/// Step A's one-to-one mappings. Halfwidth katakana and its voicing marks are handled by
/// the caller, because they compose.
pub(crate) const fn step_a(c: char) -> Option<char> {
    Some(match c {
        '０'..='９'
        | 'Ａ'..='Ｚ'
        | 'ａ'..='ｚ'
        | '＂'
        | '＃'
        | '＄'
        | '％'
        | '＆'
        | '＇'
        | '＊'
        | '＋'
        | '－'
        | '＜'
        | '＝'
        | '＞'
        | '＠'
        | '＼'
        | '＾'
        | '＿'
        | '｀'
        | '｜' => return char::from_u32(c as u32 - 0xFEE0),
        '｡' => '。',
        '｢' => '「',
        '｣' => '」',
        '､' => '、',
        '･' => '・',
        // Vertical presentation forms, to their horizontal marks.
        '︐' => '，',
        '︑' => '、',
        '︒' => '。',
        '︓' => '：',
        '︔' => '；',
        '︕' => '！',
        '︖' => '？',
        '︗' => '〖',
        '︘' => '〗',
        '︙' => '…',
        '︰' => '‥',
        '︱' => '—',
        '︲' => '–',
        '︵' => '（',
        '︶' => '）',
        '︷' => '｛',
        '︸' => '｝',
        '︹' => '〔',
        '︺' => '〕',
        '︻' => '【',
        '︼' => '】',
        '︽' => '《',
        '︾' => '》',
        '︿' => '〈',
        '﹀' => '〉',
        '﹁' => '「',
        '﹂' => '」',
        '﹃' => '『',
        '﹄' => '』',
        '﹇' => '［',
        '﹈' => '］',
        // Small forms, which Big5 and CP950 produce, to fullwidth marks, not to ASCII.
        '﹐' => '，',
        '﹑' => '、',
        '﹒' => '．',
        '﹔' => '；',
        '﹕' => '：',
        '﹖' => '？',
        '﹗' => '！',
        '﹘' => '—',
        '﹙' => '（',
        '﹚' => '）',
        '﹛' => '｛',
        '﹜' => '｝',
        '﹝' => '〔',
        '﹞' => '〕',
        '﹟' => '#',
        '﹠' => '&',
        '﹡' => '*',
        '﹢' => '+',
        '﹣' => '-',
        '﹤' => '<',
        '﹥' => '>',
        '﹦' => '=',
        '﹨' => '\\',
        '﹩' => '$',
        '﹪' => '%',
        '﹫' => '@',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nfkc(c: char) -> String {
        let mut image = String::new();
        decompose_compatible(c, |d| image.push(d));
        image
    }

    #[test]
    fn ascii_images_are_the_nfkc_ones() {
        for c in ('\u{FE10}'..='\u{FF65}').filter(|&c| step_a(c).is_some_and(|a| a.is_ascii())) {
            assert_eq!(step_a(c).unwrap().to_string(), nfkc(c), "{c:?}");
        }
        assert_eq!(
            ('\u{FE5F}'..='\u{FE6B}')
                .filter(|&c| step_a(c).is_some())
                .count(),
            12
        );
    }

    #[test]
    fn interlinear_marks_and_fullwidth_signs_are_not_mapped() {
        let kept = "︳︴﹅﹆﹉﹊﹋﹌﹍﹎﹏！（），：；？［］｛｝～￠￡￢￣￤￥￦\u{3000}．／";
        for c in kept.chars() {
            assert_eq!(step_a(c), None, "{c:?}");
        }
    }

    #[test]
    fn halfwidth_katakana_images_are_fullwidth_katakana() {
        for c in '\u{FF66}'..='\u{FF9D}' {
            let image = compatibility_image(c);
            assert!(
                ('\u{30A1}'..='\u{30FC}').contains(&image),
                "{c:?} -> {image:?}"
            );
        }
    }
}
