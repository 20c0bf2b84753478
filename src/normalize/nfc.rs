//! `nfc` and `nfc_svs` (spec §3.2): canonical composition through `unicode-normalization`.
//!
//! Never NFKC: compatibility mappings turn ，！？ into ASCII for good.

use unicode_normalization::UnicodeNormalization;

use super::line::Line;

/// Applies NFC to each unprotected part of the line. With `keep_variants`, compatibility
/// ideographs first become base + standardized variation selector, so that glyph
/// distinctions survive the unification NFC does (`\u{FA5D}\u{FA5E}` → `艹\u{FE00}艹\u{FE01}`).
pub(crate) fn nfc(line: &Line, keep_variants: bool, out: &mut Vec<char>) -> bool {
    let mut changed = false;
    for (range, protected) in line.parts() {
        let part = &line.chars[range];
        if protected {
            out.extend_from_slice(part);
            continue;
        }
        let from = out.len();
        let chars = part.iter().copied();
        if keep_variants {
            out.extend(chars.cjk_compat_variants().nfc());
        } else {
            out.extend(chars.nfc());
        }
        changed |= out[from..] != *part;
    }
    changed
}

/// Whether `c` can be skipped when looking for text that NFC would change: it is a starter
/// (combining class 0) that is NFC_Quick_Check=Yes, so it is unchanged and nothing composes
/// with it from before. The ranges cover the bulk of Chinese text; `unicode-normalization`'s
/// own quick check costs two table look-ups per character, which made it the slowest step.
/// The test below holds these ranges to the crate's tables.
pub(crate) const fn is_nfc_inert(c: char) -> bool {
    matches!(
        c,
        '\0'..='\u{02FF}'
            | '\u{2010}'..='\u{2027}'
            | '\u{2030}'..='\u{205E}'
            | '\u{2460}'..='\u{24FF}'
            | '\u{2500}'..='\u{27BF}'
            | '\u{3000}'..='\u{3029}'
            | '\u{3030}'..='\u{303F}'
            | '\u{3041}'..='\u{3096}'
            | '\u{309B}'..='\u{30FF}'
            | '\u{3400}'..='\u{4DBF}'
            | '\u{4E00}'..='\u{9FFF}'
            | '\u{FF01}'..='\u{FFEF}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::char::canonical_combining_class;
    use unicode_normalization::{IsNormalized, is_nfc_quick};

    #[test]
    fn inert_characters_are_nfc_starters() {
        for c in (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|&c| is_nfc_inert(c))
        {
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
        }
    }
}
