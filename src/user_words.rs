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
use crate::trie::{Match, Trie};

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
        let trie = self.trie.view();
        // Positions with twelve bytes ahead read them whole; the rest go the plain way.
        let filtered_end = text.len().saturating_sub(11);
        let mut at = 0;
        while at < filtered_end {
            let lead = text[at];
            let char_len = utf8_len(lead);
            // Every IDS operator is encoded E2 BF Bx: where no word matches it, the unit is
            // the whole sequence, so such a position takes the plain step.
            if lead != 0xE2 && !self.filter.may_start(text, at, char_len) {
                at += char_len;
                continue;
            }
            match trie.longest_match(&text[at..]) {
                Some(found) => {
                    on_match(at, found);
                    at += found.len;
                }
                None => at += segment::unit_len(text, at, char_len),
            }
        }
        if at < text.len() {
            segment::for_each_match(trie, &text[at..], |start, found| {
                on_match(at + start, found);
            });
        }
    }
}

/// Which positions may start a user word, from the raw bytes there. It may say yes
/// wrongly (a hash collision), never no wrongly.
///
/// One table of bits holds four kinds of facts: the one-character words, the
/// two-character words, and for longer words their first two and first three characters.
/// A position passes when its character is a word, its two characters are a word, or its
/// three characters start a longer word.
struct StartFilter {
    bits: Vec<u64>,
    /// `64 - log2(bits.len() * 64)`.
    shift: u32,
    /// Whether any word has one character (most sets have none: a cheaper test).
    has_singles: bool,
}

const SINGLE: u64 = 0x5A5A_0000_0000_0001;
const TRIPLE: u64 = 0x5A5A_0000_0000_0002;
/// A pair's two facts share a hash and sit side by side: the bit of the even index says
/// "a word of two characters", the next one "the start of a longer word".
const WORD_PAIR: usize = 0;
const LONG_PAIR: usize = 1;

impl StartFilter {
    fn new<'a>(keys: impl Iterator<Item = &'a str>) -> StartFilter {
        let mut facts = Vec::new();
        let mut has_singles = false;
        for key in keys {
            let ends: Vec<usize> = key
                .char_indices()
                .map(|(at, c)| at + c.len_utf8())
                .take(3)
                .collect();
            let bytes = key.as_bytes();
            match ends[..] {
                [one] => {
                    has_singles = true;
                    facts.push(Fact::Hashed(word(&bytes[..one]) ^ SINGLE));
                }
                [_, two] => facts.push(Fact::Pair(word(&bytes[..two]), WORD_PAIR)),
                [_, two, three] => {
                    let pair = word(&bytes[..two]);
                    facts.push(Fact::Pair(pair, LONG_PAIR));
                    facts.push(Fact::Hashed(
                        triple(pair, word(&bytes[two..three])) ^ TRIPLE,
                    ));
                }
                _ => {}
            }
        }
        facts.sort_unstable();
        facts.dedup();
        // About 16 bits per fact: few collisions, and a table that stays in the cache
        // (32 KiB for 16,000 facts).
        let len = (facts.len() * 16)
            .next_power_of_two()
            .clamp(1 << 9, 1 << 24);
        let mut filter = StartFilter {
            bits: vec![0; len / 64],
            shift: 64 - len.trailing_zeros(),
            has_singles,
        };
        for fact in facts {
            let bit = match fact {
                Fact::Pair(pair, kind) => filter.pair_bits(pair) + kind,
                Fact::Hashed(fact) => filter.bit(fact),
            };
            filter.bits[bit / 64] |= 1 << (bit % 64);
        }
        filter
    }

    #[inline(always)]
    fn bit(&self, fact: u64) -> usize {
        (fact.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// The index of a pair's first fact (even: its second fact is the next bit).
    #[inline(always)]
    fn pair_bits(&self, pair: u64) -> usize {
        self.bit(pair) & !1
    }

    #[inline(always)]
    fn holds(&self, fact: u64) -> bool {
        let bit = self.bit(fact);
        self.bits[bit / 64] >> (bit % 64) & 1 != 0
    }

    /// Whether a word may start at `at`, where a character of `char_len` bytes starts and
    /// at least twelve bytes remain (three characters, whatever they are).
    #[inline(always)]
    fn may_start(&self, text: &[u8], at: usize, char_len: usize) -> bool {
        let ahead = u64::from_le_bytes(text[at..at + 8].try_into().expect("8 bytes"));
        // Two characters take at most eight bytes.
        let pair_len = char_len + utf8_len(text[at + char_len]);
        let pair = ahead & low_bytes(pair_len);
        let bit = self.pair_bits(pair);
        let facts = self.bits[bit / 64] >> (bit % 64) & 3;
        if facts == 0 {
            return self.has_singles && self.holds(ahead & low_bytes(char_len) ^ SINGLE);
        }
        if facts >> WORD_PAIR & 1 != 0 {
            return true;
        }
        let third_at = at + pair_len;
        let third = u32::from_le_bytes(text[third_at..third_at + 4].try_into().expect("4 bytes"));
        let third = u64::from(third) & low_bytes(utf8_len(text[third_at]));
        self.holds(triple(pair, third) ^ TRIPLE)
            || self.has_singles && self.holds(ahead & low_bytes(char_len) ^ SINGLE)
    }
}

/// What the filter records of a word's start.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
enum Fact {
    /// Two characters, as a word, with `WORD_PAIR` or `LONG_PAIR`.
    Pair(u64, usize),
    /// Anything else, already tagged.
    Hashed(u64),
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

/// One word for three characters: the first two (`pair`) and the third.
#[inline(always)]
fn triple(pair: u64, third: u64) -> u64 {
    pair.wrapping_mul(0xC2B2_AE3D_27D4_EB4F) ^ third
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
            let first = utf8_len(text.as_bytes()[0]);
            assert!(filter.may_start(text.as_bytes(), 0, first), "{key}");
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
        /// four characters of every UTF-8 length, IDS operators and texts of any length.
        #[test]
        fn the_scan_equals_the_plain_walk(
            keys in proptest::collection::vec("[ab干锅é𠮷⿰氵]{1,4}", 0..12),
            text in "[ab干锅é𠮷⿰氵\\n]{0,80}",
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
