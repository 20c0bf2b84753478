//! User phrases and protected words: one trie, and a scan that finds them quickly.
//!
//! The scan is OpenCC's forward longest match over the user's words alone (see
//! [`crate::ConverterBuilder`]): at each unit boundary the longest user word that starts
//! there, else one unit (a character, or a complete ideographic description sequence).
//! The trie walk answers that at every position, but most positions start no user word,
//! and walking the trie there costs about as much as converting. So the scan first asks a
//! filter that reads the raw bytes of the next three characters: a one-character word
//! starts here only if it is this character, a two-character word only if it is these
//! two, a longer word only if it starts with these three. Only where the filter says
//! "maybe" does the trie walk run; its answer is the same as everywhere else, so the scan
//! finds exactly the matches of the plain walk.

#[cfg(target_arch = "x86_64")]
mod avx2;
mod start_filter;

use std::collections::HashSet;

use crate::segment;
use crate::trie::builder::{self, RankedEntry};
use crate::trie::{Match, Trie};
use start_filter::StartFilter;

/// User phrases and protected words in one trie (a protected word maps to itself).
pub(crate) struct UserWords {
    pub(crate) trie: Trie,
    pub(crate) protected: HashSet<String>,
    filter: StartFilter,
    /// The fast path of the scan, where the processor has it.
    #[cfg(target_arch = "x86_64")]
    avx2: Option<avx2::Avx2>,
}

impl UserWords {
    /// Compiles the words: `entries` in order of precedence (the first entry of a key
    /// wins), with the protected words among them.
    pub(crate) fn new(entries: &[RankedEntry<'_>], protected: HashSet<String>) -> UserWords {
        let tables = builder::build(entries).expect("the limits are checked as words are added");
        UserWords {
            trie: Trie::from_tables(tables),
            protected,
            filter: StartFilter::new(entries.iter().map(|entry| entry.key)),
            #[cfg(target_arch = "x86_64")]
            avx2: avx2::Avx2::detect(),
        }
    }

    /// Calls `on_match(start, match)` for every user word found in `text`, in order: the
    /// matches of `segment::for_each_match` over the trie.
    pub(crate) fn for_each_match<'a>(
        &'a self,
        text: &[u8],
        mut on_match: impl FnMut(usize, Match<'a>),
    ) {
        let mut at = 0;
        let tail = loop {
            match self.next_filtered_match(text, at) {
                Ok((start, found)) => {
                    on_match(start, found);
                    at = start + found.len;
                }
                Err(tail) => break tail,
            }
        };
        if tail < text.len() {
            segment::for_each_match(self.trie.view(), &text[tail..], |start, found| {
                on_match(tail + start, found);
            });
        }
    }

    /// The next match from the unit boundary `at` among the positions with twelve bytes
    /// ahead, or, when there is none, `Err` with the first unit boundary after them.
    ///
    /// Not inlined: the loop keeps its tables in registers, apart from the caller's work.
    #[inline(never)]
    fn next_filtered_match(&self, text: &[u8], mut at: usize) -> Result<(usize, Match<'_>), usize> {
        let trie = self.trie.view();
        let filtered_end = text.len().saturating_sub(11);
        let two_at_once_end = text.len().saturating_sub(15);
        while at < filtered_end {
            let ahead: &[u8; 12] = text[at..at + 12].try_into().expect("12 bytes");
            let first_eight = u64::from_le_bytes(ahead[..8].try_into().expect("8 bytes"));
            // Most Chinese text is three-byte characters. Three of them in a row, none an
            // IDS operator (all encoded E2 BF Bx), take a path of constant lengths, tested
            // with one mask: a branch the processor predicts lets it run ahead to the next
            // character, where a length computed from each lead byte would make every
            // character wait for the one before.
            let three_byte_run =
                three_three_byte_chars(first_eight) && !starts_with_ids_operator(first_eight);
            #[cfg(target_arch = "x86_64")]
            if three_byte_run
                && let Some(avx2) = self.avx2
                && at + avx2::BYTES_AHEAD <= text.len()
            {
                match self.filter.quiet_run(avx2, text, at) {
                    avx2::RunEnd::Maybe(maybe) => {
                        at = maybe;
                        match trie.longest_match(&text[at..]) {
                            Some(found) => return Ok((at, found)),
                            None => at += segment::unit_len(text, at, 3),
                        }
                    }
                    avx2::RunEnd::Elsewhere(next) => at = next,
                }
                continue;
            }
            let char_len = if three_byte_run {
                let next_eight = (at < two_at_once_end).then(|| read_u64(text, at + 3));
                // Two positions at once, where four three-byte characters follow: the two
                // tests are independent, and one branch decides for both.
                if let Some(next_eight) = next_eight
                    && three_three_byte_chars(next_eight)
                    && !starts_with_ids_operator(next_eight)
                {
                    let keys = [0, 3, 6, 9].map(|from| char_key(text, at + from, 3));
                    let here = self.filter.may_start(keys[0], keys[1], keys[2]);
                    let next = self.filter.may_start(keys[1], keys[2], keys[3]);
                    if !(here | next) {
                        at += 6;
                        continue;
                    }
                    if !here {
                        at += 3;
                    }
                } else if !self.filter.may_start(
                    char_key(text, at, 3),
                    char_key(text, at + 3, 3),
                    char_key(text, at + 6, 3),
                ) {
                    at += 3;
                    continue;
                }
                3
            } else {
                let char_len = utf8_len(ahead[0]);
                // Where no word matches an IDS operator, the unit is the whole sequence:
                // such a position takes the plain step.
                if !starts_with_ids_operator(first_eight) {
                    // Three characters take at most twelve bytes.
                    let second_at = at + char_len;
                    let second_len = utf8_len(text[second_at]);
                    let third_at = second_at + second_len;
                    let keys = [
                        char_key(text, at, char_len),
                        char_key(text, second_at, second_len),
                        char_key(text, third_at, utf8_len(text[third_at])),
                    ];
                    if !self.filter.may_start(keys[0], keys[1], keys[2]) {
                        at += char_len;
                        continue;
                    }
                }
                char_len
            };
            match trie.longest_match(&text[at..]) {
                Some(found) => return Ok((at, found)),
                None => at += segment::unit_len(text, at, char_len),
            }
        }
        Err(at)
    }
}

/// The filter's key of the character of `len` bytes at `at` (its bytes as a little-endian
/// `u32`), where four bytes follow `at`.
#[inline(always)]
fn char_key(text: &[u8], at: usize, len: usize) -> u32 {
    let bytes = u32::from_le_bytes(text[at..at + 4].try_into().expect("4 bytes"));
    bytes & (u32::MAX >> (32 - 8 * len))
}

#[inline(always)]
fn read_u64(text: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(text[at..at + 8].try_into().expect("8 bytes"))
}

/// Whether bytes 0, 3 and 6 of `word` (text read little-endian) lead three-byte
/// characters, so that it starts with three of them.
#[inline(always)]
fn three_three_byte_chars(word: u64) -> bool {
    word & 0x00F0_0000_F000_00F0 == 0x00E0_0000_E000_00E0
}

/// Whether `word` (text read little-endian) starts with an IDS operator, all of which are
/// encoded E2 BF Bx.
#[inline(always)]
fn starts_with_ids_operator(word: u64) -> bool {
    word & 0xFFFF == 0xBFE2
}

/// The length of the UTF-8 sequence that `lead` starts (valid UTF-8).
#[inline(always)]
fn utf8_len(lead: u8) -> usize {
    // By the lead byte's high four bits: 0xxx ASCII, 10xx never a lead, 110x, 1110, 1111.
    const LENGTHS: [u8; 16] = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 4];
    usize::from(LENGTHS[usize::from(lead >> 4)])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(keys: &[String]) -> UserWords {
        let entries: Vec<RankedEntry<'_>> = keys
            .iter()
            .map(|key| RankedEntry {
                key,
                value: "V",
                len: key.len(),
                rank: 0,
            })
            .collect();
        UserWords::new(&entries, HashSet::new())
    }

    fn scan(words: &UserWords, text: &str) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        words.for_each_match(text.as_bytes(), |at, m| found.push((at, m.len)));
        found
    }

    fn plain_walk(words: &UserWords, text: &str) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        segment::for_each_match(words.trie.view(), text.as_bytes(), |at, m| {
            found.push((at, m.len))
        });
        found
    }

    proptest::proptest! {
        /// The filtered scan finds exactly what the plain walk finds, with words of one to
        /// four characters of every UTF-8 length, IDS operators and texts of any length;
        /// and in text of mostly three-byte characters, where the fast paths run long.
        /// With eight positions at once where the processor can, and without.
        #[test]
        fn the_scan_equals_the_plain_walk(
            (keys, text) in proptest::prop_oneof![
                (
                    proptest::collection::vec("[ab干锅é𠮷⿰氵“]{1,4}", 0..12),
                    "[ab干锅é𠮷⿰氵“\\n]{0,80}",
                ),
                (
                    proptest::collection::vec("[干锅⿰氵“中文a]{1,4}", 0..12),
                    "[干锅⿰氵“中文字词a]{0,120}",
                ),
                (
                    proptest::collection::vec("[干锅中文字词“]{1,4}", 0..40),
                    "[干锅中文字词“，⿰a]{0,300}",
                ),
            ],
        ) {
            let words = words(&keys);
            let expected = plain_walk(&words, &text);
            proptest::prop_assert_eq!(&scan(&words, &text), &expected);
            #[cfg(target_arch = "x86_64")]
            {
                let without_avx2 = UserWords { avx2: None, ..words };
                proptest::prop_assert_eq!(&scan(&without_avx2, &text), &expected);
            }
        }
    }

    #[test]
    fn ids_units_are_kept_whole() {
        // "⿰氵每" is one unit: the user word "每x" must not be found inside it.
        let entries = [RankedEntry {
            key: "每x",
            value: "Y",
            len: "每x".len(),
            rank: 0,
        }];
        let words = UserWords::new(&entries, HashSet::new());
        let text = "⿰氵每x..........每x";
        let mut found = Vec::new();
        words.for_each_match(text.as_bytes(), |at, m| found.push((at, m.len)));
        assert_eq!(found, [(text.rfind("每x").unwrap(), 4)]);
    }
}
