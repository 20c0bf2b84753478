//! `radicals` (spec §3.3): Kangxi radicals from PDF extraction back to ideographs.

use unicode_normalization::char::decompose_compatible;

use super::line::Line;

/// Maps U+2F00–2FD5, U+2E9F and U+2EF3 to the ideograph of their compatibility
/// decomposition (`⾧` → `長`), so that conversion dictionaries match them. The other CJK
/// radicals have no decomposition and are left alone.
pub(crate) fn radicals(line: &Line, out: &mut Vec<char>) -> bool {
    let mut changed = false;
    for (i, &c) in line.chars.iter().enumerate() {
        match ideograph(c) {
            Some(ideograph) if !line.is_protected(i) => {
                out.push(ideograph);
                changed = true;
            }
            _ => out.push(c),
        }
    }
    changed
}

/// The ideograph that radical `c` decomposes to, for the radicals this op maps.
pub(crate) fn ideograph(c: char) -> Option<char> {
    if !is_mapped_radical(c) {
        return None;
    }
    let mut ideograph = None;
    decompose_compatible(c, |d| ideograph = Some(d));
    ideograph
}

/// The radicals this op maps: the Kangxi radicals, and the two CJK Radicals Supplement
/// characters that have a compatibility decomposition.
pub(crate) const fn is_mapped_radical(c: char) -> bool {
    matches!(c, '\u{2F00}'..='\u{2FD5}' | '\u{2E9F}' | '\u{2EF3}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::class::is_han;

    #[test]
    fn every_mapped_radical_decomposes_to_one_unified_ideograph() {
        let radicals = ('\u{2F00}'..='\u{2FD5}').chain(['\u{2E9F}', '\u{2EF3}']);
        for radical in radicals {
            let mut parts = Vec::new();
            decompose_compatible(radical, |d| parts.push(d));
            assert_eq!(parts.len(), 1, "{radical:?}");
            assert!(
                is_han(parts[0]) && parts[0] >= '\u{3400}',
                "{radical:?} -> {parts:?}"
            );
            assert_eq!(ideograph(radical), Some(parts[0]));
        }
        assert_eq!(ideograph('\u{2FA7}'), Some('長'));
        assert_eq!(ideograph('\u{2EDF}'), None);
        assert_eq!(ideograph('\u{2E9E}'), None);
    }
}
