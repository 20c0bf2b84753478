//! `cjk_spacing` (spec §3.10, opt-in): pangu-style spaces between CJK and Latin words.

use super::class::{is_alnum, is_cjk};
use super::line::Line;
use super::protect::SpanKind;

/// Inserts one space between a CJK char and an adjacent word (`价格100元` → `价格 100 元`),
/// and turns a single U+3000 in that position into a space. Existing spaces, fullwidth
/// punctuation and the inside of protected spans are left as they are.
pub(crate) fn cjk_spacing(line: &Line, out: &mut Vec<char>) -> bool {
    let chars = line.chars;
    let mut changed = false;
    for (i, &c) in chars.iter().enumerate() {
        if c == '\u{3000}'
            && !line.is_protected(i)
            && i > 0
            && i + 1 < chars.len()
            && wants_space(line, i - 1, i + 1)
        {
            out.push(' ');
            changed = true;
            continue;
        }
        out.push(c);
        if i + 1 < chars.len() && !line.same_span(i, i + 1) && wants_space(line, i, i + 1) {
            out.push(' ');
            changed = true;
        }
    }
    changed
}

/// Whether a space belongs between chars `x` and `y`: CJK then a word, or a word then CJK.
fn wants_space(line: &Line, x: usize, y: usize) -> bool {
    let chars = line.chars;
    is_cjk(chars[x]) && starts_word(line, y) || is_cjk(chars[y]) && ends_word(line, x)
}

/// A word starts with an ASCII letter or digit, or with a code span's opening backtick.
fn starts_word(line: &Line, i: usize) -> bool {
    is_alnum(line.chars[i])
        || line
            .span_at(i)
            .is_some_and(|span| span.kind == SpanKind::Code && span.start == i)
}

/// A word ends with an ASCII letter or digit, `%`, `°`, a `+`/`#` run straight after an
/// alphanumeric (`C++`, `C#`), or a code span's closing backtick.
fn ends_word(line: &Line, i: usize) -> bool {
    let chars = line.chars;
    match chars[i] {
        '%' | '°' => true,
        '+' | '#' => {
            let mut start = i;
            while start > 0 && matches!(chars[start - 1], '+' | '#') {
                start -= 1;
            }
            start > 0 && is_alnum(chars[start - 1])
        }
        c => {
            is_alnum(c)
                || line
                    .span_at(i)
                    .is_some_and(|span| span.kind == SpanKind::Code && span.end == i + 1)
        }
    }
}
