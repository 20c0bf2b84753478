//! The driver that runs a chain of ops over text, line by line.
//!
//! Every rule of the spec stays inside one line, except fenced code, whose state each op
//! keeps in its own [`Fence`]. So each line goes through all the ops while it is in cache,
//! and a line that no op changes is never copied on its own: unchanged text is copied in
//! one piece when the next change, or the end, comes.

use super::class::is_line_break;
use super::fence::Fence;
use super::line::{Line, SpanBuffers};
use super::op::Op;
use super::trigger;

/// The state of one pass of ops over a text, which may arrive in pieces.
#[derive(Debug)]
pub(crate) struct Pipeline<'n> {
    ops: &'n [Op],
    /// One fence state per op: each op finds fenced code in its own input.
    fences: Vec<Fence>,
    /// The line as the current op reads it, once some op has needed its chars.
    current: Vec<char>,
    /// The current op's output.
    next: Vec<char>,
    spans: SpanBuffers,
    /// A changed line, encoded again.
    changed_line: String,
}

impl<'n> Pipeline<'n> {
    pub(crate) fn new(ops: &'n [Op]) -> Pipeline<'n> {
        Pipeline {
            ops,
            fences: vec![Fence::default(); ops.len()],
            current: Vec::new(),
            next: Vec::new(),
            spans: SpanBuffers::default(),
            changed_line: String::new(),
        }
    }

    /// Runs the ops over `text`, whose last line must be complete: it ends with a line break
    /// or at the end of the whole input. Returns whether anything changed. The result is
    /// appended to `out` when something changed or `copy_unchanged` is set; otherwise
    /// nothing is appended, and the caller can borrow `text` instead.
    pub(crate) fn run(&mut self, text: &str, out: &mut String, copy_unchanged: bool) -> bool {
        let mut output = Output {
            text,
            out,
            copied: 0,
            changed: false,
        };
        let mut start = 0;
        while start < text.len() {
            // LF first, with the standard library's fast search; the rarer CR, U+2028 and
            // U+2029 show up in the line's triggers.
            let end = text[start..].find('\n').map_or(text.len(), |at| start + at);
            let segment = &text[start..end];
            let found = if segment.is_ascii() {
                if segment.as_bytes().contains(&b'\r') {
                    trigger::LINE_BREAK
                } else {
                    0
                }
            } else {
                trigger::scan_str(segment)
            };
            if found & trigger::LINE_BREAK == 0 {
                self.line(start, segment, found, &mut output);
            } else {
                let mut line_start = 0;
                for (at, c) in segment.char_indices().filter(|&(_, c)| is_line_break(c)) {
                    let line = &segment[line_start..at];
                    self.line(
                        start + line_start,
                        line,
                        trigger::scan_str(line),
                        &mut output,
                    );
                    line_start = at + c.len_utf8();
                }
                let line = &segment[line_start..];
                self.line(
                    start + line_start,
                    line,
                    trigger::scan_str(line),
                    &mut output,
                );
            }
            start = end + 1;
        }
        if output.changed || copy_unchanged {
            output.out.push_str(&text[output.copied..]);
        }
        output.changed
    }

    /// Runs the ops over one line, which starts at byte `start` of the text, has no line
    /// break, and has the triggers `found`.
    fn line(
        &mut self,
        start: usize,
        line: &str,
        mut found: trigger::Triggers,
        output: &mut Output,
    ) {
        let Pipeline {
            ops,
            fences,
            current,
            next,
            spans,
            changed_line,
        } = self;
        if found & trigger::NON_ASCII == 0 {
            // Every rule needs CJK context, so no op changes an ASCII line; it can still
            // open or close fenced code.
            for fence in fences.iter_mut() {
                fence.step(line.chars());
            }
            return;
        }
        let mut decoded = false;
        let mut changed = false;
        // Protected spans depend on the text alone, so they are found again only after a
        // change.
        let mut spans_found = false;
        for (&op, fence) in ops.iter().zip(fences.iter_mut()) {
            let fenced = if decoded {
                fence.step(current.iter().copied())
            } else {
                fence.step(line.chars())
            };
            if fenced || !op.may_change(found) {
                continue;
            }
            if !decoded {
                current.clear();
                current.extend(line.chars());
                decoded = true;
            }
            if !spans_found {
                spans.find(current);
                spans_found = true;
            }
            next.clear();
            if op.apply(&Line::new(current, spans), next) {
                std::mem::swap(current, next);
                found = trigger::scan(current.iter().copied());
                changed = true;
                spans_found = false;
            }
        }
        if changed {
            changed_line.clear();
            changed_line.extend(current.iter());
            output.replace(start, start + line.len(), changed_line);
        }
    }
}

/// Where a run writes: unchanged text is copied only when a change comes after it.
struct Output<'t, 'o> {
    text: &'t str,
    out: &'o mut String,
    /// `text[..copied]` is accounted for in `out`.
    copied: usize,
    changed: bool,
}

impl Output<'_, '_> {
    /// Writes `replacement` for `text[start..end]`, after the unchanged text before it.
    fn replace(&mut self, start: usize, end: usize, replacement: &str) {
        self.out.push_str(&self.text[self.copied..start]);
        self.out.push_str(replacement);
        self.copied = end;
        self.changed = true;
    }
}

/// The end of the last complete line of `text`: just after its last line break.
pub(crate) fn end_of_complete_lines(text: &str) -> Option<usize> {
    text.char_indices()
        .rev()
        .find(|&(_, c)| is_line_break(c))
        .map(|(at, c)| at + c.len_utf8())
}
