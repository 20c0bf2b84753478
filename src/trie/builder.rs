//! Compiles a set of ranked dictionary entries into the tables of a [double-array trie].
//!
//! This file uses only `std`: `build.rs` includes it to compile the built-in dictionaries
//! into bytes embedded in the crate, and the crate uses it for dictionaries given at run
//! time. The layout is described in `src/trie/mod.rs`, which reads it.
//!
//! [double-array trie]: https://linux.thai.net/~thep/datrie/datrie.html

use std::collections::{HashMap, HashSet};

/// A node's `meta` when no key ends on the path to it.
pub const NO_MATCH: u32 = 0;
/// `meta & KIND_MASK` when the value equals the key: the text is kept as it is.
pub const KIND_KEEP: u32 = 1;
/// `meta & KIND_MASK` when the value is one character, whose code point is `payload`.
pub const KIND_CHAR: u32 = 2;
/// `meta & KIND_MASK` when the value is a string, the value numbered `payload`.
pub const KIND_TEXT: u32 = 3;
/// The bits of `meta` that hold the kind.
pub const KIND_MASK: u32 = 0b11;
/// `(meta >> RANK_SHIFT) & RANK_MASK` is the rank of the dictionary the key came from;
/// the key's length in bytes is `meta >> 8`.
pub const RANK_SHIFT: u32 = 2;
/// See [`RANK_SHIFT`].
pub const RANK_MASK: u32 = 0b11_1111;
/// The longest key, in UTF-8 bytes.
pub const MAX_KEY_BYTES: usize = 0xFF_FFFF;
/// A node slot not used by any node has this `check`.
pub const FREE: u32 = u32::MAX;

/// The last node of every trie: no children, no match, the child of nothing. A walk goes
/// there, without a branch, from a character that starts no key.
pub const DEAD_END: [u32; 4] = [0, FREE, NO_MATCH, 0];

/// One key and its value, with the rank of the dictionary it came from.
///
/// Ranks implement OpenCC's `short_circuit` groups: at a position, the match whose rank is
/// lowest wins, and among matches of that rank the longest. Entries of one rank behave as
/// a `union` group. For a key given twice, the first entry of the lowest rank is kept.
#[derive(Debug, Clone)]
pub struct RankedEntry<'a> {
    /// The text to match; an empty key never matches.
    pub key: &'a str,
    /// The replacement.
    pub value: &'a str,
    /// The bytes of text the match covers: the key's length, except for an entry that
    /// stands for a whole tree's answer at this key, which may be a shorter key's (see
    /// `compile.rs`). At most `key.len()`, on a character boundary.
    pub len: usize,
    /// The rank of the dictionary the entry comes from.
    pub rank: u32,
}

/// The compiled tables of one matcher.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrieTables {
    /// For each block of 256 code points (`cp >> 8`), the index of its block in `codes`.
    pub blocks: Vec<u16>,
    /// Blocks of 256 character codes; 0 means the character occurs in no key. Block 0 is
    /// all zeros.
    pub codes: Vec<u16>,
    /// `[base, check, meta, payload]` per node; node 0 is the root. `meta` and `payload`
    /// are the match to report when a walk ends at the node (see `KIND_*`).
    pub nodes: Vec<[u32; 4]>,
    /// Value `i` is `values[value_offsets[i]..value_offsets[i + 1]]`.
    pub value_offsets: Vec<u32>,
    /// Every distinct value, concatenated.
    pub values: String,
    /// The distinct first bytes of the keys, in order. A text without any holds no key.
    /// (The first bytes of `openings`, kept apart: `memchr` searches for them where the
    /// openings are too many to test, on every segment.)
    pub first_bytes: Vec<u8>,
    /// How keys begin: `[first byte, lowest second byte, highest second byte]`, in order,
    /// each a run of second bytes that follow the first byte in some key (0 to 255 after
    /// the byte of a one-byte key). A text where no byte pair falls in one holds no key.
    pub openings: Vec<[u8; 3]>,
    /// One bit per code point of the Basic Multilingual Plane (bit `cp % 32` of word
    /// `cp / 32`): set where a walk must stop and look, because the character starts a key
    /// or is an ideographic description operator. A walk skips every other character
    /// without a lookup.
    pub stops: Vec<u32>,
    /// Whether a walk should write each one-character result as it goes (see
    /// [`WRITES_EACH_CHARACTER_FROM`]).
    pub writes_each_character: bool,
    /// For a trie that writes each character, where few characters start longer keys
    /// ([`DECIDED_BY_TABLE_UNTIL`]): what a walk from each three-byte character writes
    /// when it goes no further than the character, indexed by code point (see
    /// [`char_results`]). Empty for other tries.
    pub char_results: Vec<u32>,
    /// With `char_results`: one bit per pair of three-byte characters (a hash of their
    /// bytes, [`pair_bit`]), set where some key starts with such a pair. Where the bit of
    /// a character and the next is clear, a walk goes no further than the character.
    pub char_pairs: Vec<u32>,
}

/// The number of one-character keys that change their character from which a walk writes
/// each one-character result as it goes, rather than copying unchanged stretches in one
/// go: with a dictionary of characters as large as OpenCC's `STCharacters` (4,013 keys) or
/// `TSCharacters` (4,149), a quarter of a text's characters or more change, and a branch on
/// whether each did is mispredicted often. The next largest (`JPShinjitaiCharactersRev`,
/// 477) change few.
pub const WRITES_EACH_CHARACTER_FROM: usize = 2000;

/// The number of characters that start keys of two characters or more up to which a trie
/// that writes each character gets [`TrieTables::char_results`]: a walk then reads one
/// table entry at most characters and the trie only at those. `TSPhrases` starts with
/// 210 characters, a tenth of the characters of real Traditional text; `STPhrases` with
/// 3,534, most of Simplified text, where looking at the table first only adds to the walk.
pub const DECIDED_BY_TABLE_UNTIL: usize = 1000;

/// The words of [`TrieTables::stops`].
pub const STOP_WORDS: usize = 0x10000 / 32;

/// Why a set of entries cannot be compiled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BuildError {
    /// A key longer than [`MAX_KEY_BYTES`].
    KeyTooLong(String),
    /// More distinct characters in keys than 16-bit codes can number.
    TooManyCharacters,
    /// More distinct values, or more bytes of them, than 32 bits can number.
    TooManyValues,
    /// More ranks (members of nested `short_circuit` groups) than a node can record.
    TooManyRanks,
}

impl std::fmt::Display for BuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BuildError::KeyTooLong(key) => {
                write!(f, "the key {key:?} is longer than {MAX_KEY_BYTES} bytes")
            }
            BuildError::TooManyCharacters => {
                f.write_str("more than 65,535 distinct characters in keys")
            }
            BuildError::TooManyValues => f.write_str("more than 4 GiB of distinct values"),
            BuildError::TooManyRanks => write!(
                f,
                "more than {} dictionaries in short_circuit groups",
                RANK_MASK + 1
            ),
        }
    }
}

/// The winning entry for one key, as it will be stored.
struct Resolved {
    codes: Vec<u16>,
    rank: u32,
    /// `[meta, payload]` as stored in a node.
    result: [u32; 2],
}

/// Compiles `entries`.
pub fn build(entries: &[RankedEntry<'_>]) -> Result<TrieTables, BuildError> {
    // Keep, for each key, the first entry of the lowest rank.
    let mut winners: HashMap<&str, &RankedEntry<'_>> = HashMap::new();
    for entry in entries.iter().filter(|entry| !entry.key.is_empty()) {
        if entry.key.len() > MAX_KEY_BYTES {
            return Err(BuildError::KeyTooLong(entry.key.to_owned()));
        }
        if entry.rank > RANK_MASK {
            return Err(BuildError::TooManyRanks);
        }
        winners
            .entry(entry.key)
            .and_modify(|kept| {
                if entry.rank < kept.rank {
                    *kept = entry;
                }
            })
            .or_insert(entry);
    }
    let mut winners: Vec<&RankedEntry<'_>> = winners.into_values().collect();
    winners.sort_by(|a, b| a.key.cmp(b.key));

    let mut first_bytes: Vec<u8> = winners
        .iter()
        .map(|entry| entry.key.as_bytes()[0])
        .collect();
    first_bytes.sort_unstable();
    first_bytes.dedup();
    let openings = openings(winners.iter().map(|entry| entry.key.as_bytes()));
    let mut stops = vec![0u32; STOP_WORDS];
    let first_chars = winners.iter().filter_map(|entry| entry.key.chars().next());
    for cp in first_chars
        .chain('\u{2FF0}'..='\u{2FFF}')
        .map(|c| c as usize)
        .filter(|&cp| cp < 0x10000)
    {
        stops[cp / 32] |= 1 << (cp % 32);
    }
    let one_character_changes = winners
        .iter()
        .filter(|entry| entry.key.chars().nth(1).is_none() && entry.value != entry.key)
        .count();
    let writes_each_character = one_character_changes >= WRITES_EACH_CHARACTER_FROM;
    let alphabet = Alphabet::new(winners.iter().map(|entry| entry.key))?;
    let mut values = ValuePool::default();
    let mut resolved = Vec::with_capacity(winners.len());
    for entry in &winners {
        let mut value_chars = entry.value.chars();
        let (kind, payload) = match (value_chars.next(), value_chars.next()) {
            _ if entry.value == &entry.key[..entry.len] => (KIND_KEEP, 0),
            (Some(c), None) => (KIND_CHAR, c as u32),
            _ => (KIND_TEXT, values.intern(entry.value)?),
        };
        resolved.push(Resolved {
            codes: entry.key.chars().map(|c| alphabet.code(c)).collect(),
            rank: entry.rank,
            result: [
                (entry.len as u32) << 8 | entry.rank << RANK_SHIFT | kind,
                payload,
            ],
        });
    }
    resolved.sort_by(|a, b| a.codes.cmp(&b.codes));

    let mut array = DoubleArray::new(alphabet.size());
    array.place_subtree(0, &resolved, 0, None);
    let (blocks, codes) = alphabet.into_tables();
    let nodes = array.finish();
    let starting_longer_keys: HashSet<char> = winners
        .iter()
        .filter(|entry| entry.key.chars().nth(1).is_some())
        .filter_map(|entry| entry.key.chars().next())
        .collect();
    let (char_results, char_pairs) =
        if writes_each_character && starting_longer_keys.len() <= DECIDED_BY_TABLE_UNTIL {
            (
                char_results(&blocks, &codes, &nodes),
                char_pairs(winners.iter().map(|entry| entry.key)),
            )
        } else {
            (Vec::new(), Vec::new())
        };
    Ok(TrieTables {
        blocks,
        codes,
        nodes,
        value_offsets: values.offsets,
        values: values.text,
        first_bytes,
        openings,
        stops,
        writes_each_character,
        char_results,
        char_pairs,
    })
}

/// [`TrieTables::char_results`] entries: a character whose walk must look further has
/// this entry (its match writes no single character of three bytes, or it is an
/// ideographic description operator, or not three bytes long).
pub const LOOK_FURTHER: u32 = u32::MAX;

/// The top byte of a [`TrieTables::char_results`] entry of a character that starts longer
/// keys: the entry holds the result of a walk that stops after it.
pub const STARTS_LONGER_KEYS: u32 = 0x80;

/// What a walk from each three-byte character writes when it goes no further than that
/// character: the character written, always one of three bytes, as the little-endian word
/// of its UTF-8 bytes in the low 24 bits (so that the walk stores it as it is); in the top
/// byte, [`STARTS_LONGER_KEYS`] or not, plus 0 where no key matches (the character is
/// copied) or `64 - rank` for the rank of the match that writes it. [`LOOK_FURTHER`] where
/// the trie must decide.
///
/// So for a walk whose one-character matches below rank `r` are segments (see
/// `Stage::segment_ranks`), an entry below `(65 - r) << 24` is written as it is, and one
/// whose top byte minus [`STARTS_LONGER_KEYS`] is at most `64 - r` is written unless the
/// next character continues a key (see [`char_pairs`]).
pub fn char_results(blocks: &[u16], codes: &[u16], nodes: &[[u32; 4]]) -> Vec<u32> {
    (0..0x10000u32)
        .map(|cp| {
            let three_bytes = char::from_u32(cp).is_some_and(|c| c.len_utf8() == 3);
            if !three_bytes || (0x2FF0..=0x2FFF).contains(&cp) {
                return LOOK_FURTHER;
            }
            let block = usize::from(blocks[(cp >> 8) as usize]);
            let code = u32::from(codes[block * 256 + (cp & 0xFF) as usize]);
            let slot = (nodes[0][0] + code) as usize;
            if code == 0 || nodes[slot][1] != 0 {
                return three_byte_word(cp);
            }
            let [base, _, meta, payload] = nodes[slot];
            let starts_longer_keys = if base != 0 { STARTS_LONGER_KEYS } else { 0 };
            if meta == NO_MATCH {
                return starts_longer_keys << 24 | three_byte_word(cp);
            }
            let rank = meta >> RANK_SHIFT & RANK_MASK;
            let written = match meta & KIND_MASK {
                KIND_KEEP => cp,
                KIND_CHAR => payload,
                _ => return LOOK_FURTHER,
            };
            if meta >> 8 == 3 && char::from_u32(written).is_some_and(|c| c.len_utf8() == 3) {
                (starts_longer_keys + 64 - rank) << 24 | three_byte_word(written)
            } else {
                LOOK_FURTHER
            }
        })
        .collect()
}

/// The UTF-8 bytes of a three-byte character, as a little-endian word.
#[inline(always)]
pub fn three_byte_word(cp: u32) -> u32 {
    (0xE0 | cp >> 12) | (0x80 | (cp >> 6 & 0x3F)) << 8 | (0x80 | (cp & 0x3F)) << 16
}

/// The bit of [`TrieTables::char_pairs`] (of `1 << (64 - shift)` bits) for two
/// three-byte characters, given as the little-endian word of their six bytes.
#[inline(always)]
pub fn pair_bit(pair: u64, shift: u32) -> usize {
    ((pair & 0xFFFF_FFFF_FFFF).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> shift) as usize
}

/// The bits of the first two characters of every key that starts with two three-byte
/// characters (see [`TrieTables::char_pairs`]): 16 to 32 bits per pair, so that 3 to 6%
/// of the pairs that start no key find their bit set by another.
pub fn char_pairs<'k>(keys: impl Iterator<Item = &'k str> + Clone) -> Vec<u32> {
    let pairs = keys.filter_map(|key| {
        let mut chars = key.chars();
        let (first, second) = (chars.next()?, chars.next()?);
        (first.len_utf8() == 3 && second.len_utf8() == 3).then(|| {
            let mut pair = [0; 8];
            pair[..6].copy_from_slice(&key.as_bytes()[..6]);
            u64::from_le_bytes(pair)
        })
    });
    let bits = (pairs.clone().count() * 16)
        .next_power_of_two()
        .max(1 << 10);
    let mut words = vec![0; bits / 32];
    for pair in pairs {
        let bit = pair_bit(pair, pair_shift(words.len()));
        words[bit / 32] |= 1 << (bit % 32);
    }
    words
}

/// The `shift` of [`pair_bit`] for [`TrieTables::char_pairs`] of `words` words.
pub fn pair_shift(words: usize) -> u32 {
    64 - (words * 32).trailing_zeros()
}

/// The openings of `keys` (see [`TrieTables::openings`]): their first two bytes, merged
/// into runs of consecutive second bytes.
fn openings<'k>(keys: impl Iterator<Item = &'k [u8]>) -> Vec<[u8; 3]> {
    let mut pairs: Vec<[u8; 3]> = keys
        .map(|key| match *key {
            [first] => [first, 0, u8::MAX],
            [first, second, ..] => [first, second, second],
            [] => unreachable!("keys are not empty"),
        })
        .collect();
    pairs.sort_unstable();
    let mut openings: Vec<[u8; 3]> = Vec::new();
    for [first, low, high] in pairs {
        match openings.last_mut() {
            Some(last) if last[0] == first && u16::from(low) <= u16::from(last[2]) + 1 => {
                last[2] = last[2].max(high);
            }
            _ => openings.push([first, low, high]),
        }
    }
    openings
}

/// Numbers the characters that occur in keys, most frequent first, from 1.
struct Alphabet {
    codes: HashMap<char, u16>,
}

impl Alphabet {
    fn new<'a>(keys: impl Iterator<Item = &'a str>) -> Result<Alphabet, BuildError> {
        let mut counts: HashMap<char, usize> = HashMap::new();
        for c in keys.flat_map(str::chars) {
            *counts.entry(c).or_default() += 1;
        }
        let mut by_count: Vec<(char, usize)> = counts.into_iter().collect();
        by_count.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        if by_count.len() >= usize::from(u16::MAX) {
            return Err(BuildError::TooManyCharacters);
        }
        let codes = by_count
            .iter()
            .enumerate()
            .map(|(i, &(c, _))| (c, i as u16 + 1))
            .collect();
        Ok(Alphabet { codes })
    }

    fn code(&self, c: char) -> u16 {
        self.codes[&c]
    }

    /// One more than the largest code.
    fn size(&self) -> u32 {
        self.codes.len() as u32 + 1
    }

    fn into_tables(self) -> (Vec<u16>, Vec<u16>) {
        let mut blocks = vec![0u16; 0x110000 >> 8];
        let mut codes = vec![0u16; 256];
        let mut chars: Vec<(char, u16)> = self.codes.into_iter().collect();
        chars.sort();
        for (c, code) in chars {
            let block = (c as usize) >> 8;
            if blocks[block] == 0 {
                blocks[block] = (codes.len() / 256) as u16;
                codes.resize(codes.len() + 256, 0);
            }
            codes[usize::from(blocks[block]) * 256 + (c as usize & 0xFF)] = code;
        }
        (blocks, codes)
    }
}

/// Distinct values, concatenated.
#[derive(Default)]
struct ValuePool {
    offsets: Vec<u32>,
    text: String,
    index: HashMap<String, u32>,
}

impl ValuePool {
    fn intern(&mut self, value: &str) -> Result<u32, BuildError> {
        if let Some(&index) = self.index.get(value) {
            return Ok(index);
        }
        if self.offsets.is_empty() {
            self.offsets.push(0);
        }
        let index = (self.offsets.len() - 1) as u32;
        if self.text.len() + value.len() > u32::MAX as usize {
            return Err(BuildError::TooManyValues);
        }
        self.text.push_str(value);
        self.offsets.push(self.text.len() as u32);
        self.index.insert(value.to_owned(), index);
        Ok(index)
    }
}

/// The node arrays under construction.
struct DoubleArray {
    base: Vec<u32>,
    check: Vec<u32>,
    result: Vec<[u32; 2]>,
    alphabet_size: u32,
    /// The free slots below the arrays' length, as a list in increasing order (`NONE` ends
    /// it): the search for a base visits only free slots, and finds the same base as a
    /// scan of every slot would.
    next_free: Vec<usize>,
    previous_free: Vec<usize>,
    first_free: usize,
    last_free: usize,
}

/// The end of the free list.
const NONE: usize = usize::MAX;

impl DoubleArray {
    fn new(alphabet_size: u32) -> DoubleArray {
        let mut array = DoubleArray {
            base: Vec::new(),
            check: Vec::new(),
            result: Vec::new(),
            alphabet_size,
            next_free: Vec::new(),
            previous_free: Vec::new(),
            first_free: NONE,
            last_free: NONE,
        };
        // A node without children has `base` 0, and a lookup of its child reads the slot
        // `0 + code`: keep that slot in bounds too.
        array.grow(alphabet_size as usize + 1);
        // The root is node 0; no node names it as a child slot, so its check is unused.
        array.take(0, FREE - 1);
        array
    }

    fn grow(&mut self, len: usize) {
        let old_len = self.check.len();
        if old_len < len {
            self.base.resize(len, 0);
            self.check.resize(len, FREE);
            self.result.resize(len, [NO_MATCH, 0]);
            self.next_free.resize(len, NONE);
            self.previous_free.resize(len, NONE);
            for slot in old_len..len {
                self.previous_free[slot] = self.last_free;
                match self.last_free {
                    NONE => self.first_free = slot,
                    last => self.next_free[last] = slot,
                }
                self.last_free = slot;
            }
        }
    }

    /// Marks `slot` (free, within the arrays) as the child of `node`.
    fn take(&mut self, slot: usize, node: u32) {
        self.check[slot] = node;
        let (previous, next) = (self.previous_free[slot], self.next_free[slot]);
        match previous {
            NONE => self.first_free = next,
            previous => self.next_free[previous] = next,
        }
        match next {
            NONE => self.last_free = previous,
            next => self.previous_free[next] = previous,
        }
    }

    fn is_free(&self, slot: usize) -> bool {
        slot >= self.check.len() || self.check[slot] == FREE
    }

    /// Places the children of `node`, which stands for the first `depth` codes shared by
    /// every key of `keys` (sorted), then their subtrees. `inherited` is the best match
    /// among the node's proper prefixes, as (rank, result).
    fn place_subtree(
        &mut self,
        node: usize,
        keys: &[Resolved],
        depth: usize,
        inherited: Option<(u32, [u32; 2])>,
    ) {
        // The key equal to this node's path, if any, sorts first.
        let mut best = inherited;
        let mut rest = keys;
        if let Some(first) = keys.first().filter(|key| key.codes.len() == depth) {
            // A lower rank wins; at equal rank the longer key (this one) wins.
            if best.is_none_or(|(rank, _)| first.rank <= rank) {
                best = Some((first.rank, first.result));
            }
            rest = &keys[1..];
        }
        self.result[node] = best.map_or([NO_MATCH, 0], |(_, result)| result);
        if rest.is_empty() {
            return;
        }

        let mut groups: Vec<(u16, &[Resolved])> = Vec::new();
        let mut start = 0;
        for i in 1..=rest.len() {
            if i == rest.len() || rest[i].codes[depth] != rest[start].codes[depth] {
                groups.push((rest[start].codes[depth], &rest[start..i]));
                start = i;
            }
        }
        let labels: Vec<u32> = groups.iter().map(|&(code, _)| u32::from(code)).collect();
        let base = self.find_base(&labels);
        self.base[node] = base;
        for &label in &labels {
            self.take((base + label) as usize, node as u32);
        }
        for (code, group) in groups {
            self.place_subtree((base + u32::from(code)) as usize, group, depth + 1, best);
        }
    }

    /// Finds a base `b >= 1` such that the slot `b + label` is free for every label, and
    /// grows the arrays so that they cover `b + alphabet_size`.
    fn find_base(&mut self, labels: &[u32]) -> u32 {
        let first = labels[0] as usize;
        let mut slot = self.first_free;
        loop {
            if slot == NONE {
                // Every slot from the arrays' end on is free.
                let base = self.check.len().max(first + 1) - first;
                self.grow(base + self.alphabet_size as usize + 1);
                return base as u32;
            }
            if slot > first {
                let base = slot - first;
                if labels[1..]
                    .iter()
                    .all(|&label| self.is_free(base + label as usize))
                {
                    self.grow(base + self.alphabet_size as usize + 1);
                    return base as u32;
                }
            }
            slot = self.next_free[slot];
        }
    }

    fn finish(self) -> Vec<[u32; 4]> {
        (0..self.check.len())
            .map(|i| {
                [
                    self.base[i],
                    self.check[i],
                    self.result[i][0],
                    self.result[i][1],
                ]
            })
            .chain([DEAD_END])
            .collect()
    }
}
