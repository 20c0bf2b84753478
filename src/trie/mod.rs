//! The matcher: OpenCC's "longest key that is a prefix of the text here", answered by a
//! double-array trie over character codes.
//!
//! Layout (built by [`builder`], embedded for the built-in dictionaries by `build.rs`):
//! - a character's code is `codes[blocks[cp >> 8] * 256 + (cp & 0xFF)]`, 0 when the
//!   character occurs in no key;
//! - node 0 is the root; the child of node `n` for code `c` is `t = base[n] + c` when
//!   `check[t] == n`; `base` 0 means a node without children;
//! - each node's `result` is the match to report when the walk along the text ends at that
//!   node: the best key among the node's path and its prefixes (so the walk never looks
//!   back), as the key's length in bytes (top 8 bits) and the value (low 24 bits: 0 for "the
//!   key itself", else the value's index plus one).
//!
//! Ranks (OpenCC's `short_circuit` groups) are resolved into `result` at build time, so a
//! whole built-in dictionary group is one trie and one walk.

// `build.rs` builds the built-in tries with this module; the crate builds the tries of
// configuration files and user phrases with it.
pub mod builder;
mod openings;

use std::borrow::Cow;

use builder::TrieTables;
use builder::{KIND_CHAR, KIND_KEEP, KIND_MASK, NO_MATCH, RANK_MASK, RANK_SHIFT};

/// A compiled dictionary (or group of dictionaries), owned or borrowed from the tables
/// embedded in the crate.
#[derive(Debug, Clone)]
pub(crate) struct Trie {
    blocks: Cow<'static, [u16]>,
    codes: Cow<'static, [u16]>,
    nodes: Cow<'static, [[u32; 4]]>,
    value_offsets: Cow<'static, [u32]>,
    values: Cow<'static, str>,
    /// Bit `b` set: some key starts with the byte `b`.
    first_bytes: Cow<'static, [u8]>,
    /// How keys begin (see `builder::TrieTables::openings`).
    openings: Cow<'static, [[u8; 3]]>,
    /// Where a walk must stop and look (see `builder::TrieTables::stops`).
    stops: Cow<'static, [u32]>,
    /// See `builder::TrieTables::writes_each_character`.
    writes_each_character: bool,
    /// See `builder::TrieTables::char_results`.
    char_results: Cow<'static, [u32]>,
    /// See `builder::TrieTables::char_pairs`.
    char_pairs: Cow<'static, [u32]>,
}

/// The longest match at a position: how many bytes of the text it covers and what to
/// write for them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Match<'t> {
    /// Bytes of the text covered by the key.
    pub len: usize,
    /// What replaces them.
    pub replacement: Replacement<'t>,
    /// The rank of the dictionary the key came from: its position in the trie's
    /// `short_circuit` groups (0 for the first member).
    pub rank: u32,
}

/// What replaces a matched key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Replacement<'t> {
    /// The key itself: the text is copied as it is.
    Keep,
    /// One character, the most common replacement, written without a table lookup.
    Char(char),
    /// Any other string.
    Text(&'t str),
}

/// A trie's tables as embedded in the crate.
pub(crate) struct StaticTables {
    pub(crate) blocks: &'static [u16],
    pub(crate) codes: &'static [u16],
    pub(crate) nodes: &'static [[u32; 4]],
    pub(crate) value_offsets: &'static [u32],
    pub(crate) values: &'static str,
    pub(crate) first_bytes: &'static [u8],
    pub(crate) openings: &'static [[u8; 3]],
    pub(crate) stops: &'static [u32],
    pub(crate) writes_each_character: bool,
    pub(crate) char_results: &'static [u32],
    pub(crate) char_pairs: &'static [u32],
}

impl Trie {
    /// Wraps tables embedded in the crate.
    pub(crate) fn from_static(tables: StaticTables) -> Trie {
        Trie {
            blocks: Cow::Borrowed(tables.blocks),
            codes: Cow::Borrowed(tables.codes),
            nodes: Cow::Borrowed(tables.nodes),
            value_offsets: Cow::Borrowed(tables.value_offsets),
            values: Cow::Borrowed(tables.values),
            first_bytes: Cow::Borrowed(tables.first_bytes),
            openings: Cow::Borrowed(tables.openings),
            stops: Cow::Borrowed(tables.stops),
            writes_each_character: tables.writes_each_character,
            char_results: Cow::Borrowed(tables.char_results),
            char_pairs: Cow::Borrowed(tables.char_pairs),
        }
    }

    /// Wraps tables built at run time.
    pub(crate) fn from_tables(tables: TrieTables) -> Trie {
        Trie {
            blocks: Cow::Owned(tables.blocks),
            codes: Cow::Owned(tables.codes),
            nodes: Cow::Owned(tables.nodes),
            value_offsets: Cow::Owned(tables.value_offsets),
            values: Cow::Owned(tables.values),
            first_bytes: Cow::Owned(tables.first_bytes),
            openings: Cow::Owned(tables.openings),
            stops: Cow::Owned(tables.stops),
            writes_each_character: tables.writes_each_character,
            char_results: Cow::Owned(tables.char_results),
            char_pairs: Cow::Owned(tables.char_pairs),
        }
    }

    /// The positions in `text` (valid UTF-8) where a key may start: every position whose
    /// first two bytes open some key, when keys open in a few ways (OpenCC's
    /// compatibility-ideograph keys open in two), else every position whose byte starts
    /// some key, found with `memchr`. `None` when keys start with more than three distinct
    /// bytes.
    pub(crate) fn key_starts<'t>(&'t self, text: &'t [u8]) -> Option<KeyStarts<'t>> {
        if !self.openings.is_empty() && self.openings.len() <= openings::MAX_SCANNED {
            return Some(KeyStarts::Openings(openings::Positions::new(
                text,
                &self.openings,
            )));
        }
        match self.first_bytes[..] {
            [] => Some(KeyStarts::None),
            [a] => Some(KeyStarts::One(memchr::memchr_iter(a, text))),
            [a, b] => Some(KeyStarts::Two(memchr::memchr2_iter(a, b, text))),
            [a, b, c] => Some(KeyStarts::Three(memchr::memchr3_iter(a, b, c, text))),
            _ => None,
        }
    }

    /// Whether some key may occur in `text`: false only when no position where a key
    /// could start holds one.
    pub(crate) fn may_occur_in(&self, text: &[u8]) -> bool {
        let view = self.view();
        match self.key_starts(text) {
            Some(mut starts) => starts.any(|at| view.longest_match(&text[at..]).is_some()),
            None => true,
        }
    }

    /// Whether a walk should write each one-character result as it goes (see
    /// `builder::WRITES_EACH_CHARACTER_FROM`).
    pub(crate) fn writes_each_character(&self) -> bool {
        self.writes_each_character
    }

    /// Whether the character `c` occurs in no key.
    pub(crate) fn never_holds(&self, c: char) -> bool {
        self.view().code(c as u32) == 0
    }

    /// Plain slices for the hot loop, so that no access goes through `Cow`'s enum.
    #[inline]
    pub(crate) fn view(&self) -> TrieView<'_> {
        TrieView {
            blocks: &self.blocks,
            codes: &self.codes,
            nodes: &self.nodes,
            value_offsets: &self.value_offsets,
            values: &self.values,
            stops: &self.stops,
            char_results: &self.char_results,
            char_pairs: &self.char_pairs,
        }
    }
}

/// The positions where a key may start; see [`Trie::key_starts`]. A key's first byte is
/// never a UTF-8 continuation byte, so every position is a character boundary.
pub(crate) enum KeyStarts<'t> {
    None,
    One(memchr::Memchr<'t>),
    Two(memchr::Memchr2<'t>),
    Three(memchr::Memchr3<'t>),
    Openings(openings::Positions<'t>),
}

impl Iterator for KeyStarts<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        match self {
            KeyStarts::None => None,
            KeyStarts::One(positions) => positions.next(),
            KeyStarts::Two(positions) => positions.next(),
            KeyStarts::Three(positions) => positions.next(),
            KeyStarts::Openings(positions) => positions.next(),
        }
    }
}

/// A trie's `char_results` and `char_pairs` (see `builder::TrieTables`), for a walk whose
/// one-character matches below some rank are segments.
#[derive(Clone, Copy)]
pub(crate) struct CharTable<'a> {
    results: &'a [u32; 0x10000],
    pairs: &'a [u32],
    /// See `builder::pair_bit`.
    pair_shift: u32,
    /// Entries below it are written as they are; see `builder::char_results`.
    limit: u32,
}

impl CharTable<'_> {
    /// The character to write for the three-byte character `cp` at the start of `word`
    /// (eight bytes of text, little-endian), when the walk from it goes no further and its
    /// match, if any, is no segment: a character of three bytes, as the little-endian word
    /// of its UTF-8 bytes. Else `None`, and the trie decides.
    #[inline(always)]
    pub(crate) fn result_alone(&self, cp: u32, word: u64) -> Option<u32> {
        let result = self.results[cp as usize];
        let alone = result < self.limit
            || result.wrapping_sub(builder::STARTS_LONGER_KEYS << 24) < self.limit
                && word >> 24 & 0xF0 == 0xE0
                && !self.may_start_key(word);
        alone.then_some(result & 0xFF_FFFF)
    }

    /// Whether some key may start with the two three-byte characters whose six bytes are
    /// the low bytes of `pair` (little-endian): false only where none does.
    #[inline(always)]
    fn may_start_key(&self, pair: u64) -> bool {
        let bit = builder::pair_bit(pair, self.pair_shift);
        // `get`, never out of range, but without a panic's path: a loop that might unwind
        // from here keeps its appender's length in memory, for the drop.
        self.pairs
            .get(bit / 32)
            .is_none_or(|word| word >> (bit % 32) & 1 != 0)
    }
}

/// A [`Trie`] as plain slices.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TrieView<'a> {
    blocks: &'a [u16],
    codes: &'a [u16],
    nodes: &'a [[u32; 4]],
    value_offsets: &'a [u32],
    values: &'a str,
    stops: &'a [u32],
    char_results: &'a [u32],
    char_pairs: &'a [u32],
}

impl<'a> TrieView<'a> {
    /// The table of what a walk from each character writes when it goes no further (see
    /// `builder::char_results`), for a walk whose one-character matches below
    /// `segment_ranks` are segments; `None` for a trie without one.
    #[inline(always)]
    pub(crate) fn char_table(&self, segment_ranks: u32) -> Option<CharTable<'a>> {
        Some(CharTable {
            results: self.char_results.try_into().ok()?,
            pairs: self.char_pairs,
            pair_shift: builder::pair_shift(self.char_pairs.len()),
            limit: (65 - segment_ranks.min(64)) << 24,
        })
    }

    /// Whether no ASCII character starts a key (so a walk can skip ASCII in bulk).
    #[inline(always)]
    pub(crate) fn ascii_never_stops(&self) -> bool {
        self.stops[..4].iter().all(|&word| word == 0)
    }

    /// Whether a walk must look at the character `cp`: it starts a key, is an ideographic
    /// description operator, or lies outside the Basic Multilingual Plane (where no bits are
    /// kept). Every other character is copied without a lookup.
    #[inline(always)]
    pub(crate) fn stops_at(&self, cp: u32) -> bool {
        match self.stops.get((cp >> 5) as usize) {
            Some(word) => word >> (cp & 31) & 1 != 0,
            None => true,
        }
    }

    /// The code of a character; 0 when it occurs in no key.
    #[inline(always)]
    pub(crate) fn code(&self, cp: u32) -> u32 {
        // `blocks` covers every code point up to U+10FFFF.
        let block = self.blocks[(cp >> 8) as usize];
        u32::from(self.codes[usize::from(block) * 256 + (cp & 0xFF) as usize])
    }

    /// The root's child for a character code: the node of the one-character path.
    #[inline(always)]
    pub(crate) fn root_child(&self, code: u32) -> Option<usize> {
        self.child(0, code)
    }

    /// The root's child for a character code, or the trie's dead end
    /// (`builder::DEAD_END`, no children and no match) where no key starts with the
    /// character: chosen without a branch.
    #[inline(always)]
    pub(crate) fn root_child_or_dead_end(&self, code: u32) -> usize {
        let slot = (self.nodes[0][0] + code) as usize;
        if self.nodes[slot][1] == 0 {
            slot
        } else {
            self.nodes.len() - 1
        }
    }

    /// The child of `node` for a character code, or `None`.
    ///
    /// No check for code 0 or a node without children is needed: codes start at 1, so the
    /// slot `base + 0` is never a child of `node`, and a node without children (`base` 0)
    /// is the `check` of no slot. The builder sizes the array so that `base + code` is
    /// always in bounds.
    #[inline(always)]
    pub(crate) fn child(&self, node: usize, code: u32) -> Option<usize> {
        let slot = (self.nodes[node][0] + code) as usize;
        (self.nodes[slot][1] == node as u32).then_some(slot)
    }

    /// Whether `node` has children: whether a walk can go deeper.
    #[inline(always)]
    pub(crate) fn has_children(&self, node: usize) -> bool {
        self.nodes[node][0] != 0
    }

    /// A node's result as stored: `meta` (`NO_MATCH`, or the kind, rank and length) and
    /// `payload`.
    #[inline(always)]
    pub(crate) fn raw_result(&self, node: usize) -> (u32, u32) {
        let [_, _, meta, payload] = self.nodes[node];
        (meta, payload)
    }

    /// The match to report when the walk along the text ends at `node`.
    #[inline(always)]
    pub(crate) fn result(&self, node: usize) -> Option<Match<'a>> {
        let [_, _, meta, payload] = self.nodes[node];
        if meta == NO_MATCH {
            return None;
        }
        let replacement = match meta & KIND_MASK {
            KIND_KEEP => Replacement::Keep,
            KIND_CHAR => {
                Replacement::Char(char::from_u32(payload).unwrap_or(char::REPLACEMENT_CHARACTER))
            }
            _ => {
                let i = payload as usize;
                Replacement::Text(
                    &self.values
                        [self.value_offsets[i] as usize..self.value_offsets[i + 1] as usize],
                )
            }
        };
        Some(Match {
            len: (meta >> 8) as usize,
            replacement,
            rank: (meta >> RANK_SHIFT) & RANK_MASK,
        })
    }

    /// The longest match of a key at the start of `text`, or `None`.
    #[inline]
    pub(crate) fn longest_match(&self, text: &[u8]) -> Option<Match<'a>> {
        let mut node = 0;
        let mut at = 0;
        while at < text.len() {
            let (cp, len) = decode(text, at);
            match self.child(node, self.code(cp)) {
                Some(child) => node = child,
                None => break,
            }
            at += len;
        }
        self.result(node)
    }
}

/// Decodes the character at byte `at` of valid UTF-8, returning it and its length.
#[inline(always)]
pub(crate) fn decode(text: &[u8], at: usize) -> (u32, usize) {
    let lead = text[at];
    // Valid UTF-8 holds the whole sequence; one slice check covers all its bytes.
    // Three-byte characters first: Chinese text is nearly all of them.
    if lead & 0xF0 == 0xE0 {
        let bytes = &text[at..at + 3];
        return (
            u32::from(lead & 0x0F) << 12
                | u32::from(bytes[1] & 0x3F) << 6
                | u32::from(bytes[2] & 0x3F),
            3,
        );
    }
    if lead < 0x80 {
        return (u32::from(lead), 1);
    }
    let continuation = |i: usize| u32::from(text[at + i] & 0x3F);
    if lead < 0xE0 {
        (u32::from(lead & 0x1F) << 6 | continuation(1), 2)
    } else {
        let bytes = &text[at..at + 4];
        (
            u32::from(lead & 0x07) << 18
                | u32::from(bytes[1] & 0x3F) << 12
                | u32::from(bytes[2] & 0x3F) << 6
                | u32::from(bytes[3] & 0x3F),
            4,
        )
    }
}

/// Decodes the character that starts `word`, eight bytes of valid UTF-8 read little-endian
/// (a character's bytes are all there), returning it and its length.
#[inline(always)]
pub(crate) fn decode_word(word: u64) -> (u32, usize) {
    let byte = |i: u32| (word >> (8 * i)) as u32 & 0xFF;
    let lead = byte(0);
    if lead & 0xF0 == 0xE0 {
        return (
            (lead & 0x0F) << 12 | (byte(1) & 0x3F) << 6 | (byte(2) & 0x3F),
            3,
        );
    }
    if lead < 0x80 {
        return (lead, 1);
    }
    if lead < 0xE0 {
        return ((lead & 0x1F) << 6 | (byte(1) & 0x3F), 2);
    }
    (
        (lead & 0x07) << 18 | (byte(1) & 0x3F) << 12 | (byte(2) & 0x3F) << 6 | (byte(3) & 0x3F),
        4,
    )
}

#[cfg(test)]
mod tests {
    use super::builder::{RankedEntry, build};
    use super::*;

    fn trie(entries: &[(&str, &str, u32)]) -> Trie {
        let entries: Vec<RankedEntry<'_>> = entries
            .iter()
            .map(|&(key, value, rank)| RankedEntry {
                key,
                value,
                len: key.len(),
                rank,
            })
            .collect();
        Trie::from_tables(build(&entries).unwrap())
    }

    fn matched(trie: &Trie, text: &str) -> Option<(usize, String)> {
        let view = trie.view();
        view.longest_match(text.as_bytes()).map(|m| {
            let value = match m.replacement {
                Replacement::Keep => text[..m.len].to_owned(),
                Replacement::Char(c) => c.to_string(),
                Replacement::Text(value) => value.to_owned(),
            };
            (m.len, value)
        })
    }

    #[test]
    fn longest_key_wins_within_a_rank() {
        let t = trie(&[("头", "頭", 0), ("头发", "頭髮", 0), ("头发长", "X", 0)]);
        assert_eq!(matched(&t, "头发短"), Some((6, "頭髮".into())));
        assert_eq!(matched(&t, "头发长了"), Some((9, "X".into())));
        assert_eq!(matched(&t, "头"), Some((3, "頭".into())));
        assert_eq!(matched(&t, "发"), None);
        assert_eq!(matched(&t, ""), None);
    }

    #[test]
    fn lower_rank_wins_over_longer() {
        // short_circuit[A = {ab→X, a→1}, B = {abc→Y, b→2, c→3}], the semantics spec's table.
        let t = trie(&[
            ("ab", "X", 0),
            ("a", "1", 0),
            ("abc", "Y", 1),
            ("b", "2", 1),
            ("c", "3", 1),
        ]);
        assert_eq!(matched(&t, "abc"), Some((2, "X".into())));
        assert_eq!(matched(&t, "bc"), Some((1, "2".into())));
        // union: one rank.
        let t = trie(&[
            ("ab", "X", 0),
            ("a", "1", 0),
            ("abc", "Y", 0),
            ("b", "2", 0),
            ("c", "3", 0),
        ]);
        assert_eq!(matched(&t, "abcd"), Some((3, "Y".into())));
    }

    #[test]
    fn first_entry_of_a_duplicate_key_wins() {
        let t = trie(&[
            ("a", "first", 0),
            ("a", "second", 0),
            ("b", "later", 1),
            ("b", "earlier", 0),
        ]);
        assert_eq!(matched(&t, "a"), Some((1, "first".into())));
        assert_eq!(matched(&t, "b"), Some((1, "earlier".into())));
    }

    #[test]
    fn identity_and_empty_values() {
        let t = trie(&[("𠮷", "𠮷", 0), ("x", "", 0), ("", "never", 0)]);
        let view = t.view();
        let keep = Match {
            len: 4,
            replacement: Replacement::Keep,
            rank: 0,
        };
        assert_eq!(view.longest_match("𠮷".as_bytes()), Some(keep));
        let delete = Match {
            len: 1,
            replacement: Replacement::Text(""),
            rank: 0,
        };
        assert_eq!(view.longest_match(b"x"), Some(delete));
        let phrase = Match {
            len: 2,
            replacement: Replacement::Text("AB"),
            rank: 3,
        };
        let ranked = trie(&[("a", "1", 0), ("ab", "AB", 3)]);
        assert_eq!(
            ranked.view().longest_match(b"abc"),
            Some(Match {
                rank: 0,
                len: 1,
                replacement: Replacement::Char('1')
            })
        );
        let ranked = trie(&[("a", "1", 4), ("ab", "AB", 3)]);
        assert_eq!(ranked.view().longest_match(b"abc"), Some(phrase));
        assert!(view.stops_at('x' as u32));
        assert!(!view.stops_at('y' as u32));
        assert!(
            view.stops_at('⿰' as u32),
            "IDS operators always stop a walk"
        );
        assert!(view.stops_at('𠮷' as u32));
    }

    #[test]
    fn decode_word_agrees_with_decode() {
        let text = "a\u{7F}é\u{7FF}\u{800}汉\u{FFFF}𠮷\u{10FFFF}\u{10000}xyz0123456789";
        for (at, _) in text.char_indices().filter(|&(at, _)| at + 8 <= text.len()) {
            let word = u64::from_le_bytes(text.as_bytes()[at..at + 8].try_into().unwrap());
            assert_eq!(decode_word(word), decode(text.as_bytes(), at), "at {at}");
        }
    }

    proptest::proptest! {
        /// Where the character table (`builder::char_results`, `builder::char_pairs`) lets
        /// a walk write a character's result, the trie's own longest match there covers
        /// that character alone and writes that result, with a rank that is no segment's
        /// (or nothing matches, and the character is copied). Keys of every UTF-8 length,
        /// IDS operators, several ranks, and next characters that continue keys or not.
        #[test]
        fn the_char_table_agrees_with_the_walk(
            entries in proptest::collection::vec(
                ("[a汉字词⿰𠮷é]{1,3}", "[a漢字詞𠮷é]{1,2}", 0u32..3),
                0..24,
            ),
        ) {
            let entries: Vec<RankedEntry<'_>> = entries
                .iter()
                .map(|(key, value, rank)| RankedEntry { key, value, len: key.len(), rank: *rank })
                .collect();
            let mut tables = build(&entries).unwrap();
            tables.char_results = builder::char_results(&tables.blocks, &tables.codes, &tables.nodes);
            tables.char_pairs = builder::char_pairs(entries.iter().map(|entry| entry.key));
            let trie = Trie::from_tables(tables);
            let view = trie.view();
            for segment_ranks in 0..3 {
                let table = view.char_table(segment_ranks).unwrap();
                for c in "汉字词⿰中".chars() {
                    for next in "a汉字词⿰𠮷é中\n".chars() {
                        let text = format!("{c}{next}字字");
                        let word = u64::from_le_bytes(text.as_bytes()[..8].try_into().unwrap());
                        let Some(written) = table.result_alone(c as u32, word) else {
                            continue;
                        };
                        proptest::prop_assert!(!crate::ids::is_operator(c));
                        let expected = match view.longest_match(text.as_bytes()) {
                            None => c,
                            Some(found) => {
                                proptest::prop_assert_eq!(found.len, c.len_utf8());
                                proptest::prop_assert!(found.rank >= segment_ranks);
                                match found.replacement {
                                    Replacement::Keep => c,
                                    Replacement::Char(value) => value,
                                    Replacement::Text(_) => unreachable!("one character"),
                                }
                            }
                        };
                        let mut bytes = [0; 4];
                        proptest::prop_assert_eq!(expected.encode_utf8(&mut bytes).len(), 3);
                        proptest::prop_assert_eq!(written, u32::from_le_bytes(bytes));
                    }
                }
            }
        }
    }
}
