//! OpenCC's conversion algorithm over a whole text (semantics spec, sections 1 and 5).
//!
//! A stage optionally cuts the text into segments with the segmentation dictionary
//! (forward longest match: each match is a segment, each run of unmatched characters is
//! one), then runs every segment through the whole chain of dictionaries on its own, so a
//! later step never sees across a segment boundary. Each step walks its text: the longest
//! key here is replaced by its value; otherwise a complete ideographic description
//! sequence, or else one character, is copied.

use crate::ids;
use crate::trie::{Trie, TrieView};

/// Reusable buffers for the steps of a chain.
#[derive(Default)]
pub(crate) struct Scratch {
    first: String,
    second: String,
}

/// One stage: an optional segmentation dictionary and a chain of conversion steps.
#[derive(Debug, Clone)]
pub(crate) struct Stage {
    pub(crate) segmentation: Option<Trie>,
    pub(crate) chain: Vec<Trie>,
}

impl Stage {
    /// Converts `text`, appending to `out`.
    pub(crate) fn run(&self, text: &str, out: &mut String, scratch: &mut Scratch) {
        match &self.segmentation {
            None => run_chain(&self.chain, text, out, scratch),
            Some(segmentation) => {
                run_segmented(segmentation.view(), &self.chain, text, out, scratch)
            }
        }
    }

    /// Whether the stage may change `text` at all. When no key of the chain's dictionaries
    /// starts at any character of the text, every step copies it unchanged.
    pub(crate) fn may_change(&self, text: &str) -> bool {
        self.chain
            .iter()
            .any(|trie| trie.occurs_in(text.as_bytes()))
    }
}

fn run_segmented(
    segmentation: TrieView<'_>,
    chain: &[Trie],
    text: &str,
    out: &mut String,
    scratch: &mut Scratch,
) {
    let bytes = text.as_bytes();
    let mut unmatched_start = 0;
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        if byte < 0x80 && !segmentation.ascii_starts_key(byte) {
            at += 1;
            continue;
        }
        match segmentation.longest_match(&bytes[at..]) {
            Some(found) => {
                if unmatched_start < at {
                    run_chain(chain, &text[unmatched_start..at], out, scratch);
                }
                run_chain(chain, &text[at..at + found.len], out, scratch);
                at += found.len;
                unmatched_start = at;
            }
            None => at += unit_len(bytes, at),
        }
    }
    if unmatched_start < bytes.len() {
        run_chain(chain, &text[unmatched_start..], out, scratch);
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
        convert_step(chain[0].view(), segment, out);
        return;
    }
    let Scratch { first, second } = scratch;
    first.clear();
    convert_step(chain[0].view(), segment, first);
    for step in 1..steps - 1 {
        second.clear();
        convert_step(chain[step].view(), first, second);
        std::mem::swap(first, second);
    }
    convert_step(chain[steps - 1].view(), first, out);
}

/// One step: replaces the longest key at each position, copying everything else.
/// Unchanged stretches are copied in one go.
pub(crate) fn convert_step(trie: TrieView<'_>, text: &str, out: &mut String) {
    let bytes = text.as_bytes();
    let mut copied = 0;
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        if byte < 0x80 && !trie.ascii_starts_key(byte) {
            at += 1;
            continue;
        }
        match trie.longest_match(&bytes[at..]) {
            Some(found) => {
                if let Some(value) = found.value {
                    out.push_str(&text[copied..at]);
                    out.push_str(value);
                    copied = at + found.len;
                }
                at += found.len;
            }
            None => at += unit_len(bytes, at),
        }
    }
    out.push_str(&text[copied..]);
}

/// The length of the unit copied where no key matches: a complete ideographic description
/// sequence, or one character.
#[inline]
fn unit_len(bytes: &[u8], at: usize) -> usize {
    let lead = bytes[at];
    // Every IDS operator (U+2FF0..U+2FFF) is encoded as E2 BF Bx.
    if lead == 0xE2
        && let Some(len) = ids::sequence_len(&bytes[at..])
    {
        return len;
    }
    utf8_len(lead)
}

/// The length of a UTF-8 sequence from its first byte (valid UTF-8 only).
#[inline(always)]
fn utf8_len(lead: u8) -> usize {
    match lead {
        0x00..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}
