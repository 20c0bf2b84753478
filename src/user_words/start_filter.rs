//! Which positions may start a user word, from the raw bytes there. It may say yes wrongly
//! (a hash collision), never no wrongly.
//!
//! It records the one-character words, the two-character words, and the first three
//! characters of longer words. A position passes when its character is a word, its two
//! characters are a word, or its three characters start a longer word.
//!
//! The facts live in a blocked Bloom filter of 32-bit words: a fact's hash (of its one, two
//! or three characters) picks one word and sets two bits in it. A test of a position hashes
//! its pair and its three characters (and its character, where some words have one) and
//! checks each hash's two bits, with no branch on which kind of word might start here.
//! (With the longer words' bits in their pair's word, a pair that starts many words filled
//! its word, and common text stopped there for nothing twice as often.) All arithmetic is
//! on 32-bit lanes, so that `avx2.rs` computes exactly the same answer for eight positions
//! at once.
//!
//! A character enters the hashes as its key: its UTF-8 bytes read as a little-endian
//! `u32` (the unused high bytes zero).

/// The multipliers of the hashes: odd, with their bits spread.
pub(super) const CHAR_IN_PAIR_FIRST: u32 = 0x9E37_79B1;
pub(super) const CHAR_IN_PAIR_SECOND: u32 = 0x85EB_CA77;
pub(super) const CHAR_IN_TRIPLE_THIRD: u32 = 0x27D4_EB2F;
pub(super) const TRIPLE_MIX: u32 = 0x1656_67B1;
pub(super) const SINGLE_MIX: u32 = 0xD3A2_646D;

/// Bits of a hash that choose a fact's two bits in its word: the ten just below the ones
/// that choose the word, so that the two choices are independent.
pub(super) const BIT_CHOICE_BITS: u32 = 10;

pub(super) struct StartFilter {
    pub(super) words: Vec<u32>,
    /// `32 - log2(words.len())`: a hash's top bits choose its word.
    pub(super) shift: u32,
    /// Whether some words are one character long (most sets have none, and then their test
    /// is left out).
    pub(super) singles: bool,
}

/// What the filter records of a word's start: its first one, two or three characters'
/// keys.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
enum Fact {
    Single(u32),
    Pair(u32, u32),
    Triple(u32, u32, u32),
}

impl StartFilter {
    pub(super) fn new<'a>(keys: impl Iterator<Item = &'a str>) -> StartFilter {
        let mut facts: Vec<Fact> = keys
            .filter_map(|key| {
                let mut chars = key.chars().map(char_key);
                let first = chars.next()?;
                Some(match (chars.next(), chars.next()) {
                    (None, _) => Fact::Single(first),
                    (Some(second), None) => Fact::Pair(first, second),
                    (Some(second), Some(third)) => Fact::Triple(first, second, third),
                })
            })
            .collect();
        facts.sort_unstable();
        facts.dedup();
        // 32 to 64 bits per fact (64 KiB for 10,000 facts): every wrong "yes" costs a
        // trie walk.
        let words = facts.len().next_power_of_two().clamp(8, 1 << 22);
        let mut filter = StartFilter {
            words: vec![0; words],
            shift: 32 - words.trailing_zeros(),
            singles: facts.iter().any(|fact| matches!(fact, Fact::Single(_))),
        };
        for fact in facts {
            let hash = match fact {
                Fact::Single(first) => single_hash(first),
                Fact::Pair(first, second) => pair_hash(first, second),
                Fact::Triple(first, second, third) => triple_hash(pair_hash(first, second), third),
            };
            let index = filter.word_index(hash);
            filter.words[index] |= filter.two_bits(hash);
        }
        filter
    }

    /// Whether a word may start at a position whose first three characters have the keys
    /// `first`, `second` and `third`.
    #[inline(always)]
    pub(super) fn may_start(&self, first: u32, second: u32, third: u32) -> bool {
        let pair = pair_hash(first, second);
        self.holds(pair)
            || self.holds(triple_hash(pair, third))
            || self.singles && self.holds(single_hash(first))
    }

    /// Whether the fact of `hash` may have been recorded.
    #[inline(always)]
    fn holds(&self, hash: u32) -> bool {
        let bits = self.two_bits(hash);
        self.words[self.word_index(hash)] & bits == bits
    }

    #[inline(always)]
    fn word_index(&self, hash: u32) -> usize {
        (hash >> self.shift) as usize
    }

    /// The two bits of a fact within its word.
    #[inline(always)]
    fn two_bits(&self, hash: u32) -> u32 {
        let choice = hash >> (self.shift - BIT_CHOICE_BITS);
        1 << (choice & 31) | 1 << (choice >> 5 & 31)
    }
}

/// The key of a character: its UTF-8 bytes as a little-endian `u32`.
fn char_key(c: char) -> u32 {
    let mut bytes = [0; 4];
    c.encode_utf8(&mut bytes);
    u32::from_le_bytes(bytes)
}

/// Mixes a product's high bits into its low ones, which depend only on the factors' low
/// bits.
#[inline(always)]
pub(super) fn fold(hash: u32) -> u32 {
    hash ^ hash >> 16
}

#[inline(always)]
pub(super) fn pair_hash(first: u32, second: u32) -> u32 {
    fold(first.wrapping_mul(CHAR_IN_PAIR_FIRST) ^ second.wrapping_mul(CHAR_IN_PAIR_SECOND))
}

#[inline(always)]
pub(super) fn triple_hash(pair_hash: u32, third: u32) -> u32 {
    fold((pair_hash ^ third.wrapping_mul(CHAR_IN_TRIPLE_THIRD)).wrapping_mul(TRIPLE_MIX))
}

#[inline(always)]
pub(super) fn single_hash(first: u32) -> u32 {
    fold(
        first
            .wrapping_mul(CHAR_IN_PAIR_FIRST)
            .wrapping_mul(SINGLE_MIX),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_filter_admits_every_word_start() {
        let keys = ["干锅", "a𠮷b", "𠮷x", "们", "é", "中文字", "𠮷𠮷𠮷𠮷", "ab"];
        let filter = StartFilter::new(keys.iter().copied());
        for key in keys {
            let mut chars = format!("{key}..").chars().map(char_key).collect::<Vec<_>>();
            chars.truncate(3);
            assert!(filter.may_start(chars[0], chars[1], chars[2]), "{key}");
        }
    }

    #[test]
    fn few_other_positions_pass() {
        // 2,000 words of two to four common characters; then every start of three
        // characters that is none of theirs.
        let alphabet: Vec<char> = ('\u{4E00}'..='\u{4EFF}').collect();
        let mut state = 1u64;
        let mut next = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        let words: Vec<String> = (0..2000)
            .map(|_| {
                (0..2 + next(3))
                    .map(|_| alphabet[next(alphabet.len())])
                    .collect()
            })
            .collect();
        let filter = StartFilter::new(words.iter().map(String::as_str));
        let starts: std::collections::HashSet<Vec<char>> = words
            .iter()
            .flat_map(|word| {
                let chars: Vec<char> = word.chars().collect();
                [chars[..2].to_vec(), chars[..chars.len().min(3)].to_vec()]
            })
            .collect();
        let mut passed = 0;
        let tests = 100_000;
        for _ in 0..tests {
            let three: Vec<char> = (0..3).map(|_| alphabet[next(alphabet.len())]).collect();
            if starts.contains(&three[..2]) || starts.contains(&three[..]) {
                continue;
            }
            passed += usize::from(filter.may_start(
                char_key(three[0]),
                char_key(three[1]),
                char_key(three[2]),
            ));
        }
        assert!(passed < tests / 50, "{passed} of {tests} wrong yeses");
    }
}
