//! Normalizing text that arrives in pieces.

use super::Normalizer;
use super::pipeline::{Pipeline, end_of_complete_lines};

/// Normalizes text that arrives in pieces, such as the lines of a large file, with the same
/// result as normalizing it whole. Made by [`Normalizer::stream`].
///
/// Each rule of the spec looks no further than the current line, but fenced code spans
/// lines: the stream carries that state from one piece to the next, and holds back an
/// incomplete last line until the piece that completes it (or [`finish_into`]).
///
/// [`finish_into`]: NormalizeStream::finish_into
///
/// ```
/// use fanjian::normalize::{Normalizer, Profile};
///
/// let normalizer = Normalizer::new(Profile::Mainland);
/// let mut stream = normalizer.stream();
/// let mut out = String::new();
/// for piece in ["```\n", "a,b\n", "```\n", "他说", ",好\n"] {
///     stream.push_into(piece, &mut out);
/// }
/// stream.finish_into(&mut out);
/// assert_eq!(out, "```\na,b\n```\n他说，好\n");
/// ```
#[derive(Debug)]
pub struct NormalizeStream<'n> {
    pipeline: Pipeline<'n>,
    /// The start of a line whose end has not arrived yet.
    partial: String,
}

impl<'n> NormalizeStream<'n> {
    pub(crate) fn new(normalizer: &'n Normalizer) -> NormalizeStream<'n> {
        NormalizeStream {
            pipeline: Pipeline::new(normalizer.ops()),
            partial: String::new(),
        }
    }

    /// Normalizes the complete lines that `text` ends, appending them to `out`; the text
    /// after the last line break waits for the next piece.
    pub fn push_into(&mut self, text: &str, out: &mut String) {
        let Some(end) = end_of_complete_lines(text) else {
            self.partial.push_str(text);
            return;
        };
        let (complete, rest) = text.split_at(end);
        if self.partial.is_empty() {
            self.pipeline.run(complete, out, true);
        } else {
            self.partial.push_str(complete);
            self.pipeline.run(&self.partial, out, true);
            self.partial.clear();
        }
        self.partial.push_str(rest);
    }

    /// Normalizes what is left, the last line if it had no line break, appending it to
    /// `out`.
    pub fn finish_into(mut self, out: &mut String) {
        self.pipeline.run(&self.partial, out, true);
    }
}
