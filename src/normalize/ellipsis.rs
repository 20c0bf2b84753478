//! `ellipsis` (spec §3.6): `...`, `。。。`, `…` and `⋯` to the six-dot `……`.

use super::class::{is_cjk, is_hspace};
use super::line::Line;

/// E1 turns each run of three or more unprotected `。` into `……`. E2 then takes each run
/// of `.．…⋯` that holds an ellipsis character or is three long, and when a nearest
/// non-space neighbour is CJK, makes it `……`: an all-ellipsis run keeps its length rounded
/// up to pairs (the twelve-dot form is allowed), a run with dots becomes one pair.
///
/// Runs without CJK beside them are English (`Wait...`), ranges (`1...10`) or paths (`..`).
pub(crate) fn ellipsis(line: &Line, out: &mut Vec<char>) -> bool {
    let chars = line.chars;
    let mut changed = false;

    // E1, keeping which chars are protected, because E2 reads E1's output.
    let mut e1 = Vec::with_capacity(chars.len());
    let mut protected = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '。' || line.is_protected(i) {
            e1.push(chars[i]);
            protected.push(line.is_protected(i));
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i] == '。' && !line.is_protected(i) {
            i += 1;
        }
        if i - start >= 3 {
            e1.extend(['…', '…']);
            protected.extend([false, false]);
            changed = true;
        } else {
            e1.extend_from_slice(&chars[start..i]);
            protected.resize(e1.len(), false);
        }
    }

    // E2.
    let mut i = 0;
    while i < e1.len() {
        if !is_dot(e1[i]) || protected[i] {
            out.push(e1[i]);
            i += 1;
            continue;
        }
        let start = i;
        while i < e1.len() && is_dot(e1[i]) && !protected[i] {
            i += 1;
        }
        let run = &e1[start..i];
        let all_ellipses = run.iter().all(|&c| c == '…' || c == '⋯');
        let has_ellipsis = run.iter().any(|&c| c == '…' || c == '⋯');
        let before = e1[..start].iter().rev().copied().find(|&c| !is_hspace(c));
        let after = e1[i..].iter().copied().find(|&c| !is_hspace(c));
        if (has_ellipsis || run.len() >= 3)
            && (before.is_some_and(is_cjk) || after.is_some_and(is_cjk))
        {
            let length = if all_ellipses {
                run.len().div_ceil(2) * 2
            } else {
                2
            };
            changed |= run.len() != length || run.iter().any(|&c| c != '…');
            out.extend(std::iter::repeat_n('…', length));
        } else {
            out.extend_from_slice(run);
        }
    }
    changed
}

fn is_dot(c: char) -> bool {
    matches!(c, '.' | '．' | '…' | '⋯')
}
