//! `dash` (spec §3.5): typed and legacy-encoded dashes to the Chinese 破折号 `——`.

use super::class::{is_alnum, is_cjk, is_han};
use super::line::Line;

/// Replaces a dash-like run with `——` when it sits in CJK context with no alphanumeric
/// neighbour. The candidates are 2–3 ASCII hyphens (fullwidth ones arrive folded), two of
/// — ― ─ (GB2312 and Shift_JIS decoders give U+2015, Big5 text uses U+2500), and a single
/// U+2E3A, which fonts often lack. A single ― between Han becomes —.
///
/// A single — is the GB/T 15834 一字线 (`北京—上海`) and stays; longer runs are rules and
/// table borders; an alphanumeric neighbour (`1949--1986`, `A--B`) makes intent unknowable.
pub(crate) fn dash(line: &Line, out: &mut Vec<char>) -> bool {
    let chars = line.chars;
    let mut changed = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let in_run: fn(char) -> bool = match c {
            '-' => |c| c == '-',
            '—' | '―' | '─' => |c| matches!(c, '—' | '―' | '─'),
            '⸺' => |c| c == '⸺',
            _ => {
                out.push(c);
                i += 1;
                continue;
            }
        };
        if line.is_protected(i) {
            out.push(c);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && in_run(chars[i]) && !line.is_protected(i) {
            i += 1;
        }
        let run = &chars[start..i];
        let candidate = match c {
            '-' => (2..=3).contains(&run.len()),
            '⸺' => run.len() == 1,
            _ => run.len() == 2 && run != ['—', '—'],
        };
        if candidate && is_dash_context(line, start, i) {
            out.extend(['—', '—']);
            changed = true;
        } else if run == ['―']
            && start > 0
            && is_han(chars[start - 1])
            && chars.get(i).is_some_and(|&n| is_han(n))
        {
            out.push('—');
            changed = true;
        } else {
            out.extend_from_slice(run);
        }
    }
    changed
}

/// Neither nearest non-space neighbour of the run `start..end` is alphanumeric, and at
/// least one is CJK.
fn is_dash_context(line: &Line, start: usize, end: usize) -> bool {
    let before = line.non_space_before(start);
    let after = line.non_space_after(end - 1);
    !before.is_some_and(is_alnum)
        && !after.is_some_and(is_alnum)
        && (before.is_some_and(is_cjk) || after.is_some_and(is_cjk))
}
