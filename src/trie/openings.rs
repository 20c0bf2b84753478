//! Finding where a key may start from its first two bytes, 64 positions at a time.
//!
//! Every conversion first asks whether the normalization stage's keys occur in the text at
//! all. Those keys, the CJK compatibility ideographs, all begin EF A4..EF AB or F0 AF, but
//! Chinese text holds EF in every full-width comma, colon and bracket: looking for the
//! first byte alone (`memchr`) stops every few characters, and took a tenth of an s2t
//! conversion. Testing both bytes of 64 positions at once, in a loop of fixed length that
//! the compiler turns into vector instructions, passes over such text several times faster.

/// The most openings `Positions` tests: each costs one pass of vector instructions.
pub(crate) const MAX_SCANNED: usize = 4;

/// Positions tested at once.
const BLOCK: usize = 64;

/// The positions of `text` whose byte and the byte after it fall in one of the `openings`
/// (`[first byte, lowest second byte, highest second byte]`, see
/// `builder::TrieTables::openings`), in order. At the last byte, where no byte follows,
/// the second byte counts as 0.
pub(crate) struct Positions<'t> {
    text: &'t [u8],
    openings: &'t [[u8; 3]],
    /// The start of the next block to test.
    next_block: usize,
    /// The positions found in the block at `found_base` and not yet given: bit `i` for
    /// position `found_base + i`.
    found: u64,
    found_base: usize,
}

impl<'t> Positions<'t> {
    pub(crate) fn new(text: &'t [u8], openings: &'t [[u8; 3]]) -> Positions<'t> {
        Positions {
            text,
            openings,
            next_block: 0,
            found: 0,
            found_base: 0,
        }
    }

    fn opens_at(&self, at: usize) -> bool {
        let second = self.text.get(at + 1).copied().unwrap_or(0);
        self.openings
            .iter()
            .any(|&[first, low, high]| self.text[at] == first && (low..=high).contains(&second))
    }

    /// The positions from `start` to `end` (at most 64) that open a key, as bits.
    fn found_in(&self, start: usize, end: usize) -> u64 {
        (start..end)
            .filter(|&at| self.opens_at(at))
            .fold(0, |found, at| found | 1 << (at - start))
    }
}

impl Iterator for Positions<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        loop {
            if self.found != 0 {
                let offset = self.found.trailing_zeros() as usize;
                self.found &= self.found - 1;
                return Some(self.found_base + offset);
            }
            let (text, start) = (self.text, self.next_block);
            if start >= text.len() {
                return None;
            }
            let end = (start + BLOCK).min(text.len());
            self.next_block = end;
            // The block and the byte after it. The last bytes (all of a short text) are
            // padded with zeros, whose positions are never looked at.
            let padded;
            let window = match text.get(start..start + BLOCK + 1) {
                Some(window) => window,
                None => {
                    padded = zero_padded(&text[start..]);
                    &padded[..]
                }
            };
            let here = window[..BLOCK].try_into().expect("a block");
            let next = window[1..].try_into().expect("a block");
            if block_may_open(here, next, self.openings) {
                self.found = self.found_in(start, end);
                self.found_base = start;
            }
        }
    }
}

/// `tail` (at most a block) followed by zeros, a block and one byte long.
fn zero_padded(tail: &[u8]) -> [u8; BLOCK + 1] {
    let mut padded = [0; BLOCK + 1];
    padded[..tail.len()].copy_from_slice(tail);
    padded
}

/// Whether some position of the block opens a key: `here` are its bytes, `next` the bytes
/// one further on.
///
/// Written for the vectorizer: fixed lengths, no early exit, and byte masks combined with
/// `&` and `|` rather than `&&` and `||`.
#[inline(always)]
fn block_may_open(here: &[u8; BLOCK], next: &[u8; BLOCK], openings: &[[u8; 3]]) -> bool {
    let mut opens = [0u8; BLOCK];
    for &[first, low, high] in openings {
        let span = high.wrapping_sub(low);
        for ((open, &byte), &second) in opens.iter_mut().zip(here).zip(next) {
            let first_matches = if byte == first { u8::MAX } else { 0 };
            let second_matches = if second.wrapping_sub(low) <= span {
                u8::MAX
            } else {
                0
            };
            *open |= first_matches & second_matches;
        }
    }
    opens.chunks_exact(16).fold(0, |any, chunk| {
        any | u128::from_le_bytes(chunk.try_into().expect("16 bytes"))
    }) != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(text: &[u8], openings: &[[u8; 3]]) -> Vec<usize> {
        (0..text.len())
            .filter(|&at| {
                let second = text.get(at + 1).copied().unwrap_or(0);
                openings
                    .iter()
                    .any(|&[first, low, high]| text[at] == first && low <= second && second <= high)
            })
            .collect()
    }

    proptest::proptest! {
        /// Every position in order, whatever the block boundaries, with openings of one
        /// second byte, of a run, of every byte (a one-byte key) and ranges that end at 255.
        #[test]
        fn visits_exactly_the_opening_positions(
            text in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::sample::select(vec![0xEFu8, 0xF0, 0xA4, 0xAB, 0xAF, 0xFF, 0x00, b'a']),
                    proptest::num::u8::ANY,
                ],
                0..300,
            ),
            openings in proptest::collection::vec(
                proptest::sample::select(vec![
                    [0xEFu8, 0xA4, 0xAB],
                    [0xF0, 0xAF, 0xAF],
                    [b'a', 0, 0xFF],
                    [0xFF, 0xF0, 0xFF],
                    [0x00, 0x00, 0x00],
                ]),
                0..=MAX_SCANNED,
            ),
        ) {
            proptest::prop_assert_eq!(
                Positions::new(&text, &openings).collect::<Vec<_>>(),
                plain(&text, &openings)
            );
        }
    }
}
