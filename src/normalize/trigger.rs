//! One pass over a line that says which ops could change it.
//!
//! Most lines of real text need few of the ops: a line without ASCII punctuation cannot be
//! touched by `zh_punct`, one without quotation marks not by the quote ops. Finding that
//! out for all ops at once, with a table look-up for most chars, is what lets a profile
//! keep pace with plain NFC.

use super::class::{is_cjk, is_fw_punct, is_han};
use super::interpunct::is_interpunct;
use super::nfc::is_nfc_inert;
use super::radicals::is_mapped_radical;
use super::width::step_a;

/// A set of the bits below.
pub(crate) type Triggers = u32;

pub(crate) const INVISIBLE: Triggers = 1;
pub(crate) const NOT_NFC_INERT: Triggers = 1 << 1;
pub(crate) const RADICAL: Triggers = 1 << 2;
/// A char that `fold_width` maps on its own (step A).
pub(crate) const WIDTH: Triggers = 1 << 3;
/// ．／：，, which `fold_width` folds next to alphanumerics (step B).
pub(crate) const NUMERIC_MARK: Triggers = 1 << 4;
pub(crate) const ALNUM: Triggers = 1 << 5;
pub(crate) const DASH: Triggers = 1 << 6;
/// An ellipsis character, or a run of three dots or three 。.
pub(crate) const ELLIPSIS: Triggers = 1 << 7;
pub(crate) const INTERPUNCT: Triggers = 1 << 8;
pub(crate) const QUOTE: Triggers = 1 << 9;
pub(crate) const HAN: Triggers = 1 << 10;
pub(crate) const CJK: Triggers = 1 << 11;
/// ASCII `!?,;:.()`, which `zh_punct` widens.
pub(crate) const ASCII_PUNCT: Triggers = 1 << 12;
pub(crate) const FW_PUNCT: Triggers = 1 << 13;
pub(crate) const CURLY: Triggers = 1 << 14;
/// A char that can start or end a word for `cjk_spacing`.
pub(crate) const WORD: Triggers = 1 << 15;
/// A line break other than LF: the text is cut at LF first, and then again at these.
pub(crate) const LINE_BREAK: Triggers = 1 << 16;
/// Any char outside ASCII. Without one, no op can change a line.
pub(crate) const NON_ASCII: Triggers = 1 << 17;
/// `.` or `．`, counted in runs for [`ELLIPSIS`].
const DOT: Triggers = 1 << 18;
/// `。`, counted in runs for [`ELLIPSIS`].
const CIRCLE: Triggers = 1 << 19;
/// U+0020.
const SPACE: Triggers = 1 << 20;
/// A space right beside fullwidth punctuation or a curly quote, which `zh_punct` may
/// delete.
pub(crate) const SPACE_BESIDE_WIDE: Triggers = 1 << 21;

/// The triggers of a line, and of its runs of dots.
pub(crate) fn scan_str(line: &str) -> Triggers {
    let bytes = line.as_bytes();
    let mut runs = Runs::default();
    let mut i = 0;
    while i < bytes.len() {
        let lead = bytes[i];
        let (bits, length) = match lead {
            0x00..=0x7F => (LATIN[lead as usize], 1),
            // U+5000–U+9FFF, all unified ideographs: most of Chinese text, decided on the
            // lead byte alone.
            0xE5..=0xE9 => (HAN | CJK | NON_ASCII, 3),
            _ => {
                let c = line[i..].chars().next().unwrap_or('\0');
                (triggers(c), c.len_utf8())
            }
        };
        runs.add(bits);
        i += length;
    }
    runs.found
}

/// The triggers of a line's chars, and of their runs of dots.
pub(crate) fn scan(chars: impl Iterator<Item = char>) -> Triggers {
    let mut runs = Runs::default();
    for c in chars {
        runs.add(triggers(c));
    }
    runs.found
}

/// Collects triggers, counts runs of dots and of 。 for [`ELLIPSIS`], and looks at pairs of
/// neighbours for [`SPACE_BESIDE_WIDE`].
#[derive(Default)]
struct Runs {
    found: Triggers,
    previous: Triggers,
    dots: u32,
    circles: u32,
}

impl Runs {
    #[inline]
    fn add(&mut self, bits: Triggers) {
        self.found |= bits;
        let pair = self.previous | bits;
        if pair & SPACE != 0 && pair & (FW_PUNCT | CURLY) != 0 {
            self.found |= SPACE_BESIDE_WIDE;
        }
        self.previous = bits;
        if bits & (DOT | CIRCLE) == 0 {
            self.dots = 0;
            self.circles = 0;
            return;
        }
        if bits & DOT != 0 {
            self.dots += 1;
            self.circles = 0;
        } else {
            self.circles += 1;
            self.dots = 0;
        }
        if self.dots >= 3 || self.circles >= 3 {
            self.found |= ELLIPSIS;
        }
    }
}

/// The triggers of one char: from a table for ASCII and the blocks of CJK and general
/// punctuation and of fullwidth forms, which are most of the non-Han chars of Chinese text.
#[inline]
fn triggers(c: char) -> Triggers {
    let code = c as u32;
    match code >> 8 {
        0x00 => LATIN[code as usize],
        0x20 => GENERAL_PUNCTUATION[code as usize & 0xFF],
        0x30 => CJK_PUNCTUATION[code as usize & 0xFF],
        0x4E..=0x9F => HAN | CJK | NON_ASCII,
        0xFF => HALFWIDTH_AND_FULLWIDTH[code as usize & 0xFF],
        _ => classify_rare(c),
    }
}

/// [`classify`] kept out of line, so that the common paths of [`triggers`] inline.
#[inline(never)]
fn classify_rare(c: char) -> Triggers {
    classify(c)
}

const LATIN: [Triggers; 256] = block(0x00);
const GENERAL_PUNCTUATION: [Triggers; 256] = block(0x20);
const CJK_PUNCTUATION: [Triggers; 256] = block(0x30);
const HALFWIDTH_AND_FULLWIDTH: [Triggers; 256] = block(0xFF);

/// The triggers of the 256 chars from `high << 8`.
const fn block(high: u32) -> [Triggers; 256] {
    let mut table = [0; 256];
    let mut low = 0;
    while low < 256 {
        if let Some(c) = char::from_u32(high << 8 | low as u32) {
            table[low] = classify(c);
        }
        low += 1;
    }
    table
}

/// The triggers of one char, worked out from the classes.
const fn classify(c: char) -> Triggers {
    if c.is_ascii() {
        return match c {
            'A'..='Z' | 'a'..='z' | '0'..='9' => ALNUM | WORD,
            '-' => DASH,
            '.' => ASCII_PUNCT | DOT,
            '!' | '?' | ',' | ';' | ':' | '(' | ')' => ASCII_PUNCT,
            ' ' => SPACE,
            '"' => QUOTE,
            '`' | '%' => WORD,
            '\r' => LINE_BREAK,
            _ => 0,
        };
    }
    let mut found = NON_ASCII;
    if !is_nfc_inert(c) {
        found |= NOT_NFC_INERT;
    }
    if is_han(c) {
        found |= HAN;
    }
    if is_cjk(c) {
        found |= CJK;
    }
    if is_fw_punct(c) {
        found |= FW_PUNCT;
    }
    if is_interpunct(c) {
        found |= INTERPUNCT;
    }
    if is_mapped_radical(c) {
        found |= RADICAL;
    }
    if matches!(c, '\u{FE10}'..='\u{FF9F}') && (step_a(c).is_some() || c as u32 >= 0xFF66) {
        found |= WIDTH;
    }
    found
        | match c {
            '\u{200B}' | '\u{2060}' | '\u{FEFF}' => INVISIBLE,
            '．' => NUMERIC_MARK | DOT,
            '／' | '：' | '，' => NUMERIC_MARK,
            '—' | '―' | '─' | '⸺' => DASH,
            '…' | '⋯' => ELLIPSIS,
            '“' | '”' | '‘' | '’' => QUOTE | CURLY,
            '「' | '」' | '『' | '』' => QUOTE,
            '。' => CIRCLE,
            '°' => WORD,
            '\u{2028}' | '\u{2029}' => LINE_BREAK,
            _ => 0,
        }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_agree_with_the_classes() {
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            assert_eq!(triggers(c), classify(c), "{c:?}");
        }
    }

    #[test]
    fn both_scans_agree() {
        let text = "“中文”，ｱﾞ\u{200B}…a.b 〇\u{2F08}\u{F91F}😀\u{4DC0}\u{20000}—。 “";
        assert_eq!(scan_str(text), scan(text.chars()));
        for c in (0..0x11_0000).step_by(7).filter_map(char::from_u32) {
            assert_eq!(
                scan_str(c.encode_utf8(&mut [0; 4])),
                scan(std::iter::once(c)),
                "{c:?}"
            );
        }
    }

    #[test]
    fn spaces_beside_wide_punctuation_are_found() {
        for text in ["你好 ，", "“ 好", "a”  b", "， "] {
            assert_ne!(scan_str(text) & SPACE_BESIDE_WIDE, 0, "{text}");
        }
        for text in ["你 好", "a , b", "，\u{3000}a", "“\t"] {
            assert_eq!(scan_str(text) & SPACE_BESIDE_WIDE, 0, "{text}");
        }
    }

    #[test]
    fn runs_of_three_dots_or_circles_are_ellipses() {
        for text in ["a...", "好．.．", "好。。。", "…", "⋯"] {
            assert_ne!(scan(text.chars()) & ELLIPSIS, 0, "{text}");
            assert_ne!(scan_str(text) & ELLIPSIS, 0, "{text}");
        }
        for text in ["a..b.", "。。.", ".。.", "。。", "好"] {
            assert_eq!(scan(text.chars()) & ELLIPSIS, 0, "{text}");
            assert_eq!(scan_str(text) & ELLIPSIS, 0, "{text}");
        }
    }
}
