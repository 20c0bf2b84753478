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

use std::collections::HashSet;

use crate::segment;
use crate::trie::builder::{self, RankedEntry};
use crate::trie::{Match, Trie, decode};

/// User phrases and protected words in one trie (a protected word maps to itself).
pub(crate) struct UserWords {
    pub(crate) trie: Trie,
    pub(crate) protected: HashSet<String>,
    filter: StartFilter,
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
            // Two positions at once, where four three-byte characters follow: the two
            // tests are independent, and one branch decides for both.
            if at < two_at_once_end {
                let ahead: &[u8; 16] = text[at..at + 16].try_into().expect("16 bytes");
                let first = u64::from_le_bytes(ahead[..8].try_into().expect("8 bytes"));
                let second = u64::from_le_bytes(ahead[3..11].try_into().expect("8 bytes"));
                if three_three_byte_chars(first)
                    && three_three_byte_chars(second)
                    && !starts_with_ids_operator(first)
                    && !starts_with_ids_operator(second)
                {
                    let third = |from: usize| {
                        let bytes = ahead[from..from + 4].try_into().expect("4 bytes");
                        u64::from(u32::from_le_bytes(bytes)) & low_bytes(3)
                    };
                    let here = self
                        .filter
                        .may_start(first & low_bytes(6), third(6), text, at);
                    let next = self
                        .filter
                        .may_start(second & low_bytes(6), third(9), text, at + 3);
                    if !(here | next) {
                        at += 6;
                        continue;
                    }
                    if !here {
                        at += 3;
                    }
                    match trie.longest_match(&text[at..]) {
                        Some(found) => return Ok((at, found)),
                        None => {
                            at += 3;
                            continue;
                        }
                    }
                }
            }
            let ahead: &[u8; 12] = text[at..at + 12].try_into().expect("12 bytes");
            let first_eight = u64::from_le_bytes(ahead[..8].try_into().expect("8 bytes"));
            // Most Chinese text is three-byte characters. Three of them in a row, none an
            // IDS operator (all encoded E2 BF Bx), take a path of constant lengths, tested
            // with one mask: a branch the processor predicts lets it run ahead to the next
            // character, where a length computed from each lead byte would make every
            // character wait for the one before.
            let char_len =
                if three_three_byte_chars(first_eight) && !starts_with_ids_operator(first_eight) {
                    let pair = first_eight & low_bytes(6);
                    let third = u32::from_le_bytes(ahead[6..10].try_into().expect("4 bytes"));
                    if !self
                        .filter
                        .may_start(pair, u64::from(third) & low_bytes(3), text, at)
                    {
                        at += 3;
                        continue;
                    }
                    3
                } else {
                    let char_len = utf8_len(ahead[0]);
                    // Where no word matches an IDS operator, the unit is the whole sequence:
                    // such a position takes the plain step.
                    if !starts_with_ids_operator(first_eight) {
                        // Two characters take at most eight bytes, three at most twelve.
                        let pair_len = char_len + utf8_len(ahead[char_len]);
                        let third_len = utf8_len(ahead[pair_len]);
                        let pair = first_eight & low_bytes(pair_len);
                        let third = ahead[pair_len..pair_len + 4].try_into().expect("4 bytes");
                        let third = u64::from(u32::from_le_bytes(third)) & low_bytes(third_len);
                        if !self.filter.may_start(pair, third, text, at) {
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

/// Which positions may start a user word, from the raw bytes there. It may say yes
/// wrongly (a hash collision), never no wrongly.
///
/// It records the one-character words, the two-character words, and the first three
/// characters of longer words. A position passes when its character is a word, its two
/// characters are a word, or its three characters start a longer word.
///
/// The facts live in a blocked Bloom filter: the first two characters pick one 64-bit
/// word, and a fact sets two bits in it (from the pair's hash for a two-character word,
/// from the three characters' hash for a longer one). A test is one load and a few bit
/// operations, with no branch on which kind of word might start here; a wrong "yes" needs
/// both bits set by other facts (a few percent of tests at 32 bits per fact).
struct StartFilter {
    words: Vec<u64>,
    /// `64 - log2(words.len())`.
    shift: u32,
    /// The one-character words: most sets have none, and a test for them costs a branch
    /// that is then always predicted.
    singles: HashSet<u32>,
}

/// What the filter records of a word's start: its first two characters as a
/// little-endian word, and the third for a word of three or more.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct Fact {
    pair: u64,
    third: Option<u64>,
}

impl StartFilter {
    fn new<'a>(keys: impl Iterator<Item = &'a str>) -> StartFilter {
        let mut facts = Vec::new();
        let mut singles = HashSet::new();
        for key in keys {
            let ends: Vec<usize> = key
                .char_indices()
                .map(|(at, c)| at + c.len_utf8())
                .take(3)
                .collect();
            let bytes = key.as_bytes();
            match ends[..] {
                [_] => {
                    singles.extend(key.chars().map(|c| c as u32));
                }
                [_, two] => facts.push(Fact {
                    pair: word(&bytes[..two]),
                    third: None,
                }),
                [_, two, three] => facts.push(Fact {
                    pair: word(&bytes[..two]),
                    third: Some(word(&bytes[two..three])),
                }),
                _ => {}
            }
        }
        facts.sort_unstable();
        facts.dedup();
        // About 32 bits per fact (64 KiB for 16,000 facts): the facts of a common pair
        // crowd its word, and every wrong "yes" costs a trie walk.
        let words = (facts.len() / 2).next_power_of_two().clamp(8, 1 << 20);
        let mut filter = StartFilter {
            words: vec![0; words],
            shift: 64 - words.trailing_zeros(),
            singles,
        };
        for fact in facts {
            let (index, pair_bits, pair_hash) = filter.pair(fact.pair);
            filter.words[index] |= match fact.third {
                None => pair_bits,
                Some(third) => triple_bits(pair_hash, third),
            };
        }
        filter
    }

    /// The word of a pair, the two bits that say "a word of these two characters", and
    /// the pair's hash.
    #[inline(always)]
    fn pair(&self, pair: u64) -> (usize, u64, u64) {
        let hash = pair.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        // The word from the top bits, the bits from the middle (a product's low bits
        // depend only on the input's low bits).
        let index = (hash >> self.shift) as usize;
        (index, two_bits(hash >> 20), hash)
    }

    /// Whether a word may start at `at` of `text`, where the first two characters are
    /// `pair` and the third is `third` (as little-endian words of their bytes).
    #[inline(always)]
    fn may_start(&self, pair: u64, third: u64, text: &[u8], at: usize) -> bool {
        let (index, pair_bits, pair_hash) = self.pair(pair);
        let long_bits = triple_bits(pair_hash, third);
        let facts = self.words[index];
        facts & pair_bits == pair_bits
            || facts & long_bits == long_bits
            || !self.singles.is_empty() && self.singles.contains(&decode(text, at).0)
    }
}

/// The two bits of a three-character start within its pair's word.
#[inline(always)]
fn triple_bits(pair_hash: u64, third: u64) -> u64 {
    two_bits((pair_hash ^ third).wrapping_mul(0xC2B2_AE3D_27D4_EB4F) >> 20)
}

/// Two bits of a word, chosen by the low twelve bits of `hash`.
#[inline(always)]
fn two_bits(hash: u64) -> u64 {
    1 << (hash & 63) | 1 << (hash >> 6 & 63)
}

/// Up to eight bytes as a little-endian word, as `may_start` reads them from the text.
fn word(bytes: &[u8]) -> u64 {
    let mut word = [0; 8];
    word[..bytes.len()].copy_from_slice(bytes);
    u64::from_le_bytes(word)
}

/// A mask of the low `len` bytes of a word, `len` from 1 to 8.
#[inline(always)]
fn low_bytes(len: usize) -> u64 {
    u64::MAX >> (64 - 8 * len)
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

    #[test]
    fn the_filter_admits_every_word_start() {
        let keys = ["干锅", "a𠮷b", "𠮷x", "们", "é", "中文字", "𠮷𠮷𠮷𠮷", "ab"];
        let filter = StartFilter::new(keys.iter().copied());
        for key in keys {
            let text = format!("{key}............");
            let bytes = text.as_bytes();
            let pair_len = bytes.len() - text.chars().skip(2).collect::<String>().len();
            let third_len = text.chars().nth(2).unwrap().len_utf8();
            let pair = word(&bytes[..pair_len]);
            let third = word(&bytes[pair_len..pair_len + third_len]);
            assert!(filter.may_start(pair, third, bytes, 0), "{key}");
        }
    }

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
            ],
        ) {
            let words = words(&keys);
            proptest::prop_assert_eq!(scan(&words, &text), plain_walk(&words, &text));
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
