//! Where a text can be cut so that converting the pieces apart gives the conversion of the
//! whole: what lets a stream be converted piece by piece (and a large text in parallel).
//!
//! A cut before a character that occurs in no key of any dictionary of the configuration
//! (an "inert" character: a newline, a space, most punctuation) is such a place, unless an
//! ideographic description sequence may reach across it. At an inert character every walk
//! of every step is at a unit boundary: no key can cover it, so it is a unit of its own,
//! copied unchanged, and the same holds again in the next step. A segmentation's unmatched
//! run cut there gives the same chain output in two pieces for the same reason.
//!
//! An IDS is at most 64 code points long, but a step that shortens the text (a key longer
//! than its value) can bring an operator that did not start a complete sequence in the
//! input within reach of the cut in a later step. Keys are at most 15 characters and no
//! built-in value is empty, so an operator more than 16 × 64 code points before the cut can
//! never reach it: the window below is that many bytes of the longest characters and more.

use crate::ids;

/// No IDS operator may stand within this many bytes before a cut.
const IDS_WINDOW: usize = ids::MAX_BYTES * 16;

/// The last cut in `text` after byte `floor`: a character boundary `x > floor` before an
/// inert character with no IDS operator in the `IDS_WINDOW` bytes before it. `None` when
/// there is none.
pub(crate) fn last_cut(text: &str, floor: usize, is_inert: impl Fn(char) -> bool) -> Option<usize> {
    let mut end = text.len();
    loop {
        let (cut, _) = text[..end]
            .char_indices()
            .rev()
            .take_while(|&(at, _)| at > floor)
            .find(|&(_, c)| is_inert(c))?;
        let window_start = cut.saturating_sub(IDS_WINDOW);
        match last_operator(&text.as_bytes()[window_start..cut]) {
            None => return Some(cut),
            // Every candidate after the operator has it within its window: look before it.
            Some(operator) => end = window_start + operator,
        }
    }
}

/// The byte offset of the last IDS operator (U+2FF0..U+2FFF, encoded E2 BF B0..BF).
fn last_operator(bytes: &[u8]) -> Option<usize> {
    bytes
        .windows(3)
        .rposition(|w| w[0] == 0xE2 && w[1] == 0xBF && w[2] >= 0xB0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inert(c: char) -> bool {
        c == '\n' || c == ' '
    }

    #[test]
    fn cuts_before_the_last_inert_character() {
        assert_eq!(
            last_cut("头发\n干了 吗", 0, inert),
            Some("头发\n干了".len())
        );
        assert_eq!(last_cut("头发\n干了", 0, inert), Some("头发".len()));
        assert_eq!(last_cut("头发干了", 0, inert), None);
        // Never at the floor or before it.
        assert_eq!(last_cut("\n头发", 0, inert), None);
        assert_eq!(last_cut("a\nb\nc", 3, inert), None);
    }

    #[test]
    fn no_cut_where_an_ids_may_reach() {
        let text = format!("a\n⿰{}", "讠\n".repeat(10));
        assert_eq!(last_cut(&text, 0, inert), Some(1));
        let far = format!("⿰{}\nb", "x".repeat(IDS_WINDOW));
        assert_eq!(last_cut(&far, 0, inert), Some(far.len() - 2));
    }
}
