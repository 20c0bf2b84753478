//! Ideographic description sequences (IDS), which OpenCC 1.3.2+ copies as one unit.
//!
//! An IDS such as `⿰讠吾` describes a character that Unicode may not encode; converting its
//! components would change what it describes. Where no key matches and an operator
//! (U+2FF0..U+2FFF) starts a complete sequence, the whole sequence is copied unchanged.
//! This follows `UTF8Util::ConsumeIdeographicDescriptionSequence` exactly: operands may be
//! any character (a newline too), nesting stops at depth 16 and a sequence has at most 64
//! code points; an incomplete or too-deep sequence leaves the operator an ordinary
//! character.

use crate::trie::decode;

const MAX_DEPTH: usize = 16;
const MAX_CODE_POINTS: usize = 64;

/// The number of bytes in the longest stretch before a position that can hold the start of
/// an IDS reaching that position: 64 code points of at most 4 bytes.
pub(crate) const MAX_BYTES: usize = MAX_CODE_POINTS * 4;

/// The number of operands an operator takes, or 0 for a character that is no operator.
pub(crate) fn arity(cp: u32) -> usize {
    match cp {
        0x2FF2 | 0x2FF3 => 3,
        0x2FFE | 0x2FFF => 1,
        0x2FF0..=0x2FFD => 2,
        _ => 0,
    }
}

/// Whether the code point is an IDS operator, with no branch.
#[inline(always)]
pub(crate) fn is_operator_code(cp: u32) -> bool {
    cp & !0xF == 0x2FF0
}

/// Whether the character is an IDS operator.
pub(crate) fn is_operator(c: char) -> bool {
    arity(c as u32) != 0
}

enum Parse {
    Complete(usize),
    Incomplete,
    Invalid,
}

/// The length in bytes of the complete IDS at the start of `text` (valid UTF-8), or `None`
/// when `text` does not start with one.
pub(crate) fn sequence_len(text: &[u8]) -> Option<usize> {
    if text.is_empty() || arity(decode(text, 0).0) == 0 {
        return None;
    }
    let mut code_points = 0;
    match consume(text, MAX_DEPTH, &mut code_points) {
        Parse::Complete(len) => Some(len),
        Parse::Incomplete | Parse::Invalid => None,
    }
}

fn consume(text: &[u8], depth_left: usize, code_points: &mut usize) -> Parse {
    if text.is_empty() {
        return Parse::Incomplete;
    }
    if depth_left == 0 || *code_points >= MAX_CODE_POINTS {
        return Parse::Invalid;
    }
    let (cp, len) = decode(text, 0);
    *code_points += 1;
    let mut offset = len;
    for _ in 0..arity(cp) {
        if offset >= text.len() {
            return Parse::Incomplete;
        }
        match consume(&text[offset..], depth_left - 1, code_points) {
            Parse::Complete(operand) => offset += operand,
            failed => return failed,
        }
    }
    Parse::Complete(offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn len(text: &str) -> Option<usize> {
        sequence_len(text.as_bytes())
    }

    #[test]
    fn complete_sequences() {
        assert_eq!(len("⿰讠吾说"), Some(9));
        assert_eq!(len("⿰a说话"), Some(7));
        assert_eq!(len("⿲a\nb!"), Some(6));
        assert_eq!(len("\u{2FFE}说"), Some(6));
        assert_eq!(len("⿰⿱ab⿳cde"), Some(3 + 3 + 2 + 3 + 3));
    }

    #[test]
    fn incomplete_or_no_sequence() {
        assert_eq!(len("⿰讠"), None);
        assert_eq!(len("⿰⿰讠讠"), None);
        assert_eq!(len("\u{31EF}说话"), None);
        assert_eq!(len("说"), None);
        assert_eq!(len(""), None);
    }

    #[test]
    fn depth_and_length_limits() {
        // 15 nested unary operators and a leaf: depth 16 is the limit.
        let at_limit = format!("{}x", "\u{2FFE}".repeat(15));
        assert_eq!(len(&at_limit), Some(at_limit.len()));
        let too_deep = format!("{}x", "\u{2FFE}".repeat(16));
        assert_eq!(len(&too_deep), None);
        // ⿰ then a chain of binary operators: count the code points.
        let wide = |n: usize| format!("{}{}", "⿰a".repeat(n), "b");
        assert_eq!(len(&wide(10)), Some(wide(10).len()));
    }
}
