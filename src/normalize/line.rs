//! One line as an op sees it: its characters, its protected spans and its neighbours.
//!
//! Neighbours never cross a line break (spec §2), so an op needs nothing beyond the line.
//! The ops work on `char` slices because every rule looks at neighbours on both sides.

use std::cell::OnceCell;
use std::ops::Range;

use super::class::{is_hspace, is_letter};
use super::protect::{self, Span};

/// A line without its line break, with its protected spans found.
pub(crate) struct Line<'a> {
    pub(crate) chars: &'a [char],
    spans: &'a [Span],
    /// For each char, 1 + the index of its span in `spans`, or 0; empty when no span.
    span_ids: &'a [u32],
    /// The nearest letters before and after each char, tabulated on first use: most lines
    /// an op reads never ask, and most that do ask only about letters before.
    letters_before: OnceCell<Vec<Option<char>>>,
    letters_after: OnceCell<Vec<Option<char>>>,
}

/// Buffers that a [`Line`] borrows, kept between lines so that lines do not allocate.
#[derive(Debug, Default)]
pub(crate) struct SpanBuffers {
    spans: Vec<Span>,
    span_ids: Vec<u32>,
}

impl SpanBuffers {
    /// Finds the protected spans of `chars`, for the lines made with [`Line::new`] until
    /// the next call.
    pub(crate) fn find(&mut self, chars: &[char]) {
        protect::find(chars, &mut self.spans);
        self.span_ids.clear();
        if !self.spans.is_empty() {
            self.span_ids.resize(chars.len(), 0);
            for (index, span) in self.spans.iter().enumerate() {
                self.span_ids[span.start..span.end].fill(index as u32 + 1);
            }
        }
    }
}

impl<'a> Line<'a> {
    /// The line `chars`, whose protected spans `buffers` found last.
    pub(crate) fn new(chars: &'a [char], buffers: &'a SpanBuffers) -> Line<'a> {
        Line {
            chars,
            spans: &buffers.spans,
            span_ids: &buffers.span_ids,
            letters_before: OnceCell::new(),
            letters_after: OnceCell::new(),
        }
    }

    pub(crate) fn is_protected(&self, i: usize) -> bool {
        self.span_id(i) != 0
    }

    /// The protected span that holds char `i`, if any.
    pub(crate) fn span_at(&self, i: usize) -> Option<&Span> {
        match self.span_id(i) {
            0 => None,
            id => Some(&self.spans[id as usize - 1]),
        }
    }

    /// Whether chars `i` and `j` are inside one and the same protected span.
    pub(crate) fn same_span(&self, i: usize, j: usize) -> bool {
        let id = self.span_id(i);
        id != 0 && id == self.span_id(j)
    }

    fn span_id(&self, i: usize) -> u32 {
        self.span_ids.get(i).copied().unwrap_or(0)
    }

    /// The line cut at span boundaries, in order, each part with whether it is protected.
    pub(crate) fn parts(&self) -> Vec<(Range<usize>, bool)> {
        let mut parts = Vec::with_capacity(2 * self.spans.len() + 1);
        let mut at = 0;
        for span in self.spans {
            if at < span.start {
                parts.push((at..span.start, false));
            }
            parts.push((span.start..span.end, true));
            at = span.end;
        }
        if at < self.chars.len() {
            parts.push((at..self.chars.len(), false));
        }
        parts
    }

    /// The nearest LETTER before index `i`.
    pub(crate) fn letter_before(&self, i: usize) -> Option<char> {
        self.letters_before
            .get_or_init(|| nearest_letters(self.chars.iter()))[i]
    }

    /// The nearest LETTER after index `i`.
    pub(crate) fn letter_after(&self, i: usize) -> Option<char> {
        self.letters_after.get_or_init(|| {
            let mut after = nearest_letters(self.chars.iter().rev());
            after.reverse();
            after
        })[i]
    }

    /// The nearest char before index `i` that is not a horizontal space.
    pub(crate) fn non_space_before(&self, i: usize) -> Option<char> {
        non_space_before(self.chars, i)
    }

    /// The nearest char after index `i` that is not a horizontal space.
    pub(crate) fn non_space_after(&self, i: usize) -> Option<char> {
        non_space_after(self.chars, i)
    }
}

/// The nearest char before index `i` of `chars` that is not a horizontal space.
pub(crate) fn non_space_before(chars: &[char], i: usize) -> Option<char> {
    chars[..i].iter().rev().copied().find(|&c| !is_hspace(c))
}

/// The nearest char after index `i` of `chars` that is not a horizontal space.
pub(crate) fn non_space_after(chars: &[char], i: usize) -> Option<char> {
    chars.get(i + 1..)?.iter().copied().find(|&c| !is_hspace(c))
}

/// For each char in the order given, the nearest LETTER before it in that order. A table,
/// because finding it by scanning would make a line of many marks and few letters
/// quadratic.
fn nearest_letters<'c>(chars: impl Iterator<Item = &'c char>) -> Vec<Option<char>> {
    let mut last = None;
    chars
        .map(|&c| {
            let nearest = last;
            if is_letter(c) {
                last = Some(c);
            }
            nearest
        })
        .collect()
}
