//! OpenCC's conversion algorithm over a whole text (semantics spec, sections 1 and 5).
//!
//! A stage optionally cuts the text into segments with the segmentation dictionary
//! (forward longest match: each match is a segment, each run of unmatched characters is
//! one), then runs every segment through the whole chain of dictionaries on its own, so a
//! later step never sees across a segment boundary. Each step walks its text: the longest
//! key here is replaced by its value; otherwise a complete ideographic description
//! sequence, or else one character, is copied.

use crate::char_writer::{Appender, push_char};
use crate::ids;
use crate::trie::builder::{KIND_CHAR, KIND_MASK, KIND_TEXT, NO_MATCH, RANK_MASK, RANK_SHIFT};
use crate::trie::{CharTable, KeyStarts, Match, Replacement, Trie, TrieView, decode, decode_word};

/// Reusable buffers for the steps of a chain.
#[derive(Default)]
pub(crate) struct Scratch {
    first: String,
    second: String,
    /// The first step's output for the current unmatched run, when the first step also
    /// segments.
    run: String,
}

/// One stage: an optional segmentation dictionary and a chain of conversion steps.
#[derive(Debug, Clone)]
pub(crate) struct Stage {
    pub(crate) segmentation: Option<Trie>,
    pub(crate) chain: Vec<Trie>,
    /// When not 0, the first step's trie also segments: its matches of a rank below this
    /// are exactly the segmentation dictionary's matches, and its other keys are single
    /// characters (checked by `build.rs`). One walk then does the work of two.
    pub(crate) segment_ranks: u32,
}

impl Stage {
    /// Converts `text`, appending to `out`.
    pub(crate) fn run(&self, text: &str, out: &mut String, scratch: &mut Scratch) {
        match &self.segmentation {
            None => run_chain(&self.chain, text, out, scratch),
            Some(_) if self.segment_ranks > 0 => {
                run_segmenting_first_step(self, text, out, scratch)
            }
            Some(segmentation) => {
                run_segmented(segmentation.view(), &self.chain, text, out, scratch)
            }
        }
    }

    /// The text after this stage, or `None` where the stage leaves it as it is.
    ///
    /// A stage of one step visited sparsely (the normalization stage's compatibility
    /// ideographs) finds that out in the same pass that converts: the output is allocated
    /// at the first replacement, and the positions are scanned once, where asking
    /// `may_change` first scanned them up to the first key, then again from the start.
    pub(crate) fn run_if_changing(&self, text: &str, scratch: &mut Scratch) -> Option<String> {
        if let (None, [step]) = (&self.segmentation, &self.chain[..])
            && let Some(starts) = sparse_starts(step, text)
        {
            let mut out = String::new();
            return convert_sparse(step.view(), starts, text, &mut out).then_some(out);
        }
        self.may_change(text).then(|| {
            let mut out = String::with_capacity(text.len());
            self.run(text, &mut out, scratch);
            out
        })
    }

    /// Whether the stage may change `text` at all. When no key of the chain's dictionaries
    /// starts at any character of the text, every step copies it unchanged.
    pub(crate) fn may_change(&self, text: &str) -> bool {
        self.chain
            .iter()
            .any(|trie| trie.may_occur_in(text.as_bytes()))
    }
}

fn run_segmented(
    segmentation: TrieView<'_>,
    chain: &[Trie],
    text: &str,
    out: &mut String,
    scratch: &mut Scratch,
) {
    let mut unmatched_start = 0;
    for_each_match(segmentation, text.as_bytes(), |at, found| {
        if unmatched_start < at {
            run_chain(chain, &text[unmatched_start..at], out, scratch);
        }
        run_chain(chain, &text[at..at + found.len], out, scratch);
        unmatched_start = at + found.len;
    });
    if unmatched_start < text.len() {
        run_chain(chain, &text[unmatched_start..], out, scratch);
    }
}

/// The same as `run_segmented`, with one walk for the segmentation and the first step.
///
/// A match of the segmentation's ranks is a segment of its own: its first-step output is
/// the match's replacement. Everything between two such matches is one unmatched run: its
/// first-step output is the text with the other (single-character) matches replaced, as
/// the first step's own walk over the run would give. Each segment's first-step output
/// then goes through the rest of the chain on its own.
fn run_segmenting_first_step(stage: &Stage, text: &str, out: &mut String, scratch: &mut Scratch) {
    let (first, rest) = stage
        .chain
        .split_first()
        .expect("a segmenting first step exists");
    let mut run = std::mem::take(&mut scratch.run);
    run.clear();
    if first.writes_each_character() {
        write_each_character(
            first.view(),
            text,
            &mut run,
            stage.segment_ranks,
            |run, at, found| segmenting_match(stage, run, text, at, found, out, scratch),
        );
    } else {
        let mut copied = 0;
        for_each_match(first.view(), text.as_bytes(), |at, found| {
            run.push_str(&text[copied..at]);
            copied = at + found.len;
            segmenting_match(stage, &mut run, text, at, found, out, scratch);
        });
        run.push_str(&text[copied..]);
    }
    if !run.is_empty() {
        run_chain(rest, &run, out, scratch);
    }
    scratch.run = run;
}

/// A match of the segmenting first step: a segment of its own when its rank is the
/// segmentation's (the unmatched run before it, `run`, goes through the rest of the chain
/// first, then the match's replacement), else part of the run.
fn segmenting_match(
    stage: &Stage,
    run: &mut String,
    text: &str,
    at: usize,
    found: Match<'_>,
    out: &mut String,
    scratch: &mut Scratch,
) {
    if found.rank >= stage.segment_ranks {
        return write_replacement(run, text, at, found);
    }
    let rest = &stage.chain[1..];
    if !run.is_empty() {
        run_chain(rest, run, out, scratch);
        run.clear();
    }
    match found.replacement {
        Replacement::Keep => run_chain(rest, &text[at..at + found.len], out, scratch),
        Replacement::Char(c) => run_chain(rest, c.encode_utf8(&mut [0; 4]), out, scratch),
        Replacement::Text(value) => run_chain(rest, value, out, scratch),
    }
}

/// Runs `segment` through every step of the chain, appending the last step's output.
fn run_chain(chain: &[Trie], segment: &str, out: &mut String, scratch: &mut Scratch) {
    let steps = chain.len();
    if steps == 0 {
        out.push_str(segment);
        return;
    }
    if steps == 1 {
        convert_step(&chain[0], segment, out);
        return;
    }
    let Scratch { first, second, .. } = scratch;
    first.clear();
    convert_step(&chain[0], segment, first);
    for step in &chain[1..steps - 1] {
        second.clear();
        convert_step(step, first, second);
        std::mem::swap(first, second);
    }
    convert_step(&chain[steps - 1], first, out);
}

/// One step: replaces the longest key at each position, copying everything else.
/// Unchanged stretches are copied in one go, except where most characters change
/// (`write_each_character`).
pub(crate) fn convert_step(trie: &Trie, text: &str, out: &mut String) {
    // Where keys start with at most three distinct bytes (the compatibility ideographs of
    // the normalization stage), `memchr` finds every position a key can start. Without
    // ideographic description operators (all encoded E2 BF xx) in the text, every other
    // character is a unit of its own, so visiting only those positions is the same walk.
    if let Some(starts) = sparse_starts(trie, text) {
        if !convert_sparse(trie.view(), starts, text, out) {
            out.push_str(text);
        }
        return;
    }
    let writes_each_character = trie.writes_each_character();
    let trie = trie.view();
    if writes_each_character {
        return write_each_character(trie, text, out, 0, |out, at, found| {
            write_replacement(out, text, at, found);
        });
    }
    let mut copied = 0;
    for_each_match(trie, text.as_bytes(), |at, found| {
        // A key kept as it is stays in the unchanged stretch.
        if found.replacement == Replacement::Keep {
            return;
        }
        if copied < at {
            out.push_str(&text[copied..at]);
        }
        write_replacement(out, text, at, found);
        copied = at + found.len;
    });
    out.push_str(&text[copied..]);
}

/// `convert_step` visiting only the positions where a key can start. Writes nothing and
/// returns false where nothing is replaced; at the first replacement, reserves room for
/// the whole text.
fn convert_sparse(trie: TrieView<'_>, starts: KeyStarts<'_>, text: &str, out: &mut String) -> bool {
    let mut copied = None;
    for_each_sparse_replacement(trie, starts, text.as_bytes(), |at, found| {
        let from = *copied.get_or_insert_with(|| {
            out.reserve(text.len());
            0
        });
        out.push_str(&text[from..at]);
        write_replacement(out, text, at, found);
        copied = Some(at + found.len);
    });
    match copied {
        Some(from) => {
            out.push_str(&text[from..]);
            true
        }
        None => false,
    }
}

/// The positions where a key can start, when visiting only those is the same walk: where
/// keys open in a few ways or start with a few bytes (`Trie::key_starts`), in a text
/// without ideographic description operators (all encoded E2 BF xx), where every other
/// character is a unit of its own.
fn sparse_starts<'t>(trie: &'t Trie, text: &'t str) -> Option<KeyStarts<'t>> {
    trie.key_starts(text.as_bytes())
        .filter(|_| memchr::memmem::find(text.as_bytes(), b"\xE2\xBF").is_none())
}

/// Calls `on_replacement(start, match)` for every match of the walk that visits only
/// `starts`, in order, except those that keep their text.
fn for_each_sparse_replacement<'a>(
    trie: TrieView<'a>,
    starts: KeyStarts<'_>,
    bytes: &[u8],
    mut on_replacement: impl FnMut(usize, Match<'a>),
) {
    // The walk's position: a start inside the last match is no unit boundary.
    let mut resume = 0;
    for at in starts {
        if at < resume {
            continue;
        }
        let Some(found) = trie.longest_match(&bytes[at..]) else {
            continue;
        };
        resume = at + found.len;
        // A key kept as it is stays in the unchanged stretch.
        if found.replacement != Replacement::Keep {
            on_replacement(at, found);
        }
    }
}

/// Walks `text` (valid UTF-8) as OpenCC does and calls `on_match(start, match)` for every
/// longest match, in order. Between matches lie the unmatched units: single characters,
/// and complete ideographic description sequences, which are skipped whole.
///
/// A failed walk has looked up the character after the one it started from; that
/// character's code is kept for the next position, so most characters are decoded and
/// looked up once.
#[inline(always)]
pub(crate) fn for_each_match<'a>(
    trie: TrieView<'a>,
    bytes: &[u8],
    on_match: impl FnMut(usize, Match<'a>),
) {
    // Two copies of the walk, so that the ASCII skip costs nothing where it cannot apply
    // (s2t's trie has keys that start with ASCII letters).
    if trie.ascii_never_stops() {
        walk::<true, _>(trie, bytes, on_match);
    } else {
        walk::<false, _>(trie, bytes, on_match);
    }
}

/// `for_each_match`, with the ASCII skip compiled in or out.
#[inline(always)]
fn walk<'a, const SKIP_ASCII: bool, F: FnMut(usize, Match<'a>)>(
    trie: TrieView<'a>,
    bytes: &[u8],
    mut on_match: F,
) {
    let mut next = Lookahead::NONE;
    let mut at = 0;
    while at < bytes.len() {
        let here = match look_or_skip(trie, bytes, at, next, SKIP_ASCII) {
            Ok(here) => here,
            Err(skipped_to) => {
                at = skipped_to;
                continue;
            }
        };
        at = here.at;
        let found = trie
            .root_child(here.code)
            .and_then(|node| trie.result(deepest_node(trie, bytes, here, node, &mut next)));
        match found {
            Some(found) => {
                on_match(at, found);
                at += found.len;
            }
            None => at += unit_len(bytes, at, here.len),
        }
    }
}

/// The walk of a step whose one-character results change most characters (see
/// `builder::WRITES_EACH_CHARACTER_FROM`), writing its output to `written`: each
/// one-character result is written as the walk goes, the character itself or its
/// replacement chosen without a branch, where copying the unchanged stretches in one go
/// would branch on every character whether it changed. Other matches go to `on_match`;
/// so do one-character matches of a rank below `segment_ranks` (the segmentation's, see
/// `Stage::segment_ranks`).
///
/// Not inlined: its loops made the code of the walks around it slower when they shared
/// a function (s2tw: 67.2M instructions per MB against 65.7M, and 64.2M apart).
#[inline(never)]
fn write_each_character<'a>(
    trie: TrieView<'a>,
    text: &str,
    written: &mut String,
    segment_ranks: u32,
    mut on_match: impl FnMut(&mut String, usize, Match<'a>),
) {
    let bytes = text.as_bytes();
    let skips_ascii = trie.ascii_never_stops();
    let char_table = trie.char_table(segment_ranks);
    let mut at = 0;
    while at < bytes.len() {
        at = match char_table {
            Some(table) => write_decided_characters(table, text, at, written, skips_ascii),
            None if skips_ascii => {
                write_characters::<true, _>(trie, bytes, at, written, segment_ranks, &mut on_match)
            }
            None => {
                write_characters::<false, _>(trie, bytes, at, written, segment_ranks, &mut on_match)
            }
        };
        if at == bytes.len() {
            break;
        }
        // What the fast loop leaves: ASCII to skip, an IDS operator, the last few bytes.
        if skips_ascii && bytes[at] < 0x80 {
            let end = skip_ascii_bytes(bytes, at);
            written.push_str(&text[at..end]);
            at = end;
            continue;
        }
        let (_, char_len) = decode(bytes, at);
        match trie.longest_match(&bytes[at..]) {
            Some(found) => {
                on_match(written, at, found);
                at += found.len;
            }
            None => {
                let end = at + unit_len(bytes, at, char_len);
                written.push_str(&text[at..end]);
                at = end;
            }
        }
    }
}

/// The loop of `write_each_character` while eight bytes are left from `at` (the
/// character there and the next one, read as one word: no bounds checks, no general
/// decoding). Every character is looked up, none skipped: one that starts no key leads to
/// the trie's dead end and is written as it is, by the same path as any other. Returns
/// where it stops: at ASCII to skip (`SKIP_ASCII`), an IDS operator (which may start a
/// longer unit), or eight bytes from the end.
#[inline(always)]
fn write_characters<'a, const SKIP_ASCII: bool, F: FnMut(&mut String, usize, Match<'a>)>(
    trie: TrieView<'a>,
    bytes: &[u8],
    mut at: usize,
    written: &mut String,
    segment_ranks: u32,
    on_match: &mut F,
) -> usize {
    'from_here: loop {
        let Some(window) = bytes.get(at..at + 8) else {
            return at;
        };
        let (mut cp, mut len) =
            decode_word(u64::from_le_bytes(window.try_into().expect("8 bytes")));
        let mut code = trie.code(cp);
        while let Some(window) = bytes.get(at..at + 8) {
            if (SKIP_ASCII && cp < 0x80) || ids::is_operator_code(cp) {
                return at;
            }
            let word = u64::from_le_bytes(window.try_into().expect("8 bytes"));
            let first = trie.root_child_or_dead_end(code);
            // The next character: most walks stop there, and the next position starts there.
            let (next_cp, next_len) = decode_word(word >> (8 * len));
            let next_code = trie.code(next_cp);
            let node = match trie.child(first, next_code) {
                Some(second) => deepest_node_from(trie, bytes, at + len + next_len, second),
                None => first,
            };
            let (meta, payload) = trie.raw_result(node);
            let kind = meta & KIND_MASK;
            // No match, or a match of this one character that keeps it or replaces it with
            // one character and is no segment.
            // (Bitwise operators: no branch on which case this is.)
            let no_match = meta == NO_MATCH;
            let one_character = (no_match | (meta >> 8 == len as u32))
                & (kind != KIND_TEXT)
                & (no_match | (meta >> RANK_SHIFT & RANK_MASK >= segment_ranks));
            if !one_character {
                let found = trie
                    .result(node)
                    .expect("only a match writes something else");
                on_match(written, at, found);
                at += found.len;
                continue 'from_here;
            }
            push_char(written, if kind == KIND_CHAR { payload } else { cp });
            at += len;
            (cp, len, code) = (next_cp, next_len, next_code);
        }
        return at;
    }
}

/// The loop of `write_each_character` over the characters from `at` whose walk goes no
/// further than the character itself (`builder::char_results`), each written from one
/// table entry: those that start no longer key, and those that do where the next
/// character continues none (`builder::char_pairs`). Runs of ASCII are copied eight bytes
/// at a time where no key starts with ASCII (`skips_ascii`). Returns where it stops: at a
/// character the trie must decide (about 1% of them in Traditional text, for t2s), a
/// character of two or four bytes, or eight bytes from the end.
///
/// The trie's walk is left to the caller's general step, so that this loop holds few
/// values and keeps them in registers: with the walk here, they went to memory (t2s:
/// 18.0M instructions per MB, against 16.0M).
///
/// Not inlined: it is called once per stretch of such characters, and inlined beside
/// `write_characters` it made s2t's loop slower (45.0M instructions per MB apart, 47.0M
/// together).
#[inline(never)]
fn write_decided_characters(
    table: CharTable<'_>,
    text: &str,
    mut at: usize,
    written: &mut String,
    skips_ascii: bool,
) -> usize {
    let bytes = text.as_bytes();
    let mut appender = Appender::new(written, bytes.len() - at);
    while let Some(window) = bytes.get(at..at + 8) {
        let word = u64::from_le_bytes(window.try_into().expect("8 bytes"));
        if word & 0xF0 != 0xE0 {
            if !(skips_ascii && word & 0x80 == 0) {
                break;
            }
            at += appender.push_ascii_prefix(word);
            continue;
        }
        let lead = word as u32;
        let cp = (lead & 0x0F) << 12 | (lead >> 2 & 0xFC0) | (lead >> 16 & 0x3F);
        // Where the table does not decide, the caller's general step walks the trie.
        let Some(result) = table.result_alone(cp, word) else {
            break;
        };
        appender.push_three_bytes(result);
        at += 3;
    }
    at
}

/// The deepest node that a walk at `node` reaches along `bytes` from `end`.
#[inline(always)]
fn deepest_node_from(trie: TrieView<'_>, bytes: &[u8], mut end: usize, mut node: usize) -> usize {
    while end < bytes.len() && trie.has_children(node) {
        let (cp, len) = decode(bytes, end);
        match trie.child(node, trie.code(cp)) {
            Some(child) => node = child,
            None => break,
        }
        end += len;
    }
    node
}

/// Writes a match's replacement of `text[at..]`.
fn write_replacement(written: &mut String, text: &str, at: usize, found: Match<'_>) {
    match found.replacement {
        Replacement::Keep => written.push_str(&text[at..at + found.len]),
        Replacement::Char(c) => written.push(c),
        Replacement::Text(value) => written.push_str(value),
    }
}

/// A character looked up for a walk: where it is, its length and its code.
#[derive(Clone, Copy)]
struct Lookahead {
    at: usize,
    len: usize,
    code: u32,
}

impl Lookahead {
    /// Nothing looked up yet.
    const NONE: Lookahead = Lookahead {
        at: usize::MAX,
        len: 0,
        code: 0,
    };

    #[inline(always)]
    fn new(trie: TrieView<'_>, at: usize, len: usize, cp: u32) -> Lookahead {
        Lookahead {
            at,
            len,
            code: trie.code(cp),
        }
    }
}

/// Where a walk at `at` goes: `Ok` with the character to look up, at `at` or after the
/// ASCII skipped from there (`skip_ascii`, where no key starts with an ASCII byte); or
/// `Err` with the position after the characters skipped, where none starts a key or the
/// text ends. `next` is the character the last walk looked up, if it is at `at`.
#[inline(always)]
fn look_or_skip(
    trie: TrieView<'_>,
    bytes: &[u8],
    mut at: usize,
    next: Lookahead,
    skip_ascii: bool,
) -> Result<Lookahead, usize> {
    if skip_ascii && bytes[at] < 0x80 {
        at = skip_ascii_bytes(bytes, at);
        if at == bytes.len() {
            return Err(at);
        }
    }
    if next.at == at {
        return Ok(next);
    }
    let (cp, len) = decode(bytes, at);
    if !trie.stops_at(cp) {
        return Err(skip_three_byte_non_stops(trie, bytes, at + len));
    }
    Ok(Lookahead::new(trie, at, len, cp))
}

/// The deepest node that a walk from `here`, whose one-character node is `node`, reaches
/// along `bytes`. The character after `here` is kept in `next`, since most walks stop
/// there and the next walk starts there.
#[inline(always)]
fn deepest_node(
    trie: TrieView<'_>,
    bytes: &[u8],
    here: Lookahead,
    node: usize,
    next: &mut Lookahead,
) -> usize {
    let end = here.at + here.len;
    if end == bytes.len() {
        return node;
    }
    // The first step deeper, apart: it keeps the character it looks up, which the next
    // walk starts from when this one ends here; so it is looked up even from a node
    // without children (whose child is no slot's, see `TrieView::child`).
    let (cp, len) = decode(bytes, end);
    *next = Lookahead::new(trie, end, len, cp);
    match trie.child(node, next.code) {
        Some(child) => deepest_node_from(trie, bytes, end + len, child),
        None => node,
    }
}

/// From `at`, past the ASCII bytes there, eight at a time: most Chinese text mixes in
/// some.
#[inline(always)]
fn skip_ascii_bytes(bytes: &[u8], mut at: usize) -> usize {
    while let Some(word) = bytes.get(at..at + 8) {
        let word = u64::from_le_bytes(word.try_into().expect("8 bytes"));
        let non_ascii = word & 0x8080_8080_8080_8080;
        if non_ascii != 0 {
            return at + (non_ascii.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while at < bytes.len() && bytes[at] < 0x80 {
        at += 1;
    }
    at
}

/// From `at`, past the three-byte characters where the walk does not stop. Where a step
/// has few keys (t2tw, the variant steps of tw2s and hk2s), most text is such characters:
/// their constant length spares the general decoding, and the loop stays this small.
#[inline(always)]
fn skip_three_byte_non_stops(trie: TrieView<'_>, bytes: &[u8], mut at: usize) -> usize {
    while let Some(&[lead, second, third]) = bytes.get(at..at + 3) {
        if lead & 0xF0 != 0xE0 {
            break;
        }
        let cp =
            u32::from(lead & 0x0F) << 12 | u32::from(second & 0x3F) << 6 | u32::from(third & 0x3F);
        if trie.stops_at(cp) {
            break;
        }
        at += 3;
    }
    at
}

/// The length of the unit copied where no key matches: a complete ideographic description
/// sequence, or the character of `char_len` bytes.
#[inline(always)]
pub(crate) fn unit_len(bytes: &[u8], at: usize, char_len: usize) -> usize {
    // Every IDS operator (U+2FF0..U+2FFF) is encoded as E2 BF Bx.
    if bytes[at] == 0xE2
        && let Some(len) = ids::sequence_len(&bytes[at..])
    {
        return len;
    }
    char_len
}
