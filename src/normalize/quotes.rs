//! `quotes_curly` and `quotes_corner` (spec §3.8): quotation marks by nesting depth.
//!
//! Glyph-for-glyph maps (“ → 「, ’ → 』) turn `Tom’s` into `Tom』s` and keep badly nested
//! input badly nested. Here the depth decides: odd depths get the primary marks, even
//! depths the secondary ones, and a closer always closes the innermost open quote.

use super::class::{is_alnum, is_cjk, is_han};
use super::line::Line;

/// The two quotation styles an op can produce.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Marks {
    /// “” outside, ‘’ inside: mainland China (GB/T 15834).
    Curly,
    /// 「」 outside, 『』 inside: Taiwan and Hong Kong.
    Corner,
}

impl Marks {
    fn open(self, depth: usize) -> char {
        match (self, depth % 2 == 1) {
            (Marks::Curly, true) => '“',
            (Marks::Curly, false) => '‘',
            (Marks::Corner, true) => '「',
            (Marks::Corner, false) => '『',
        }
    }

    fn close(self, depth: usize) -> char {
        match (self, depth % 2 == 1) {
            (Marks::Curly, true) => '”',
            (Marks::Curly, false) => '’',
            (Marks::Corner, true) => '」',
            (Marks::Corner, false) => '』',
        }
    }
}

/// What a char does in the depth algorithm.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    Text,
}

/// Rewrites the quotation marks of a line that holds Han; other lines (English paragraphs)
/// are left alone. The depth starts at zero on every line, because a quotation that runs
/// over several paragraphs opens each of them.
pub(crate) fn quotes(line: &Line, marks: Marks, out: &mut Vec<char>) -> bool {
    let chars = line.chars;
    if !chars.iter().any(|&c| is_han(c)) {
        return false;
    }
    let mut roles: Vec<Role> = (0..chars.len()).map(|i| role(line, i)).collect();
    pair_straight_quotes(line, &mut roles);

    let mut changed = false;
    let mut depth = 0;
    let mut replaced_previous = false;
    for (i, &c) in chars.iter().enumerate() {
        // A variation selector picks a glyph of the quote before it, which is gone.
        if replaced_previous && ('\u{FE00}'..='\u{FE0F}').contains(&c) && !line.is_protected(i) {
            replaced_previous = false;
            changed = true;
            continue;
        }
        let emitted = match roles[i] {
            Role::Open => {
                depth += 1;
                marks.open(depth)
            }
            Role::Close if depth > 0 => {
                depth -= 1;
                marks.close(depth + 1)
            }
            // An orphan closer after CJK is a quote whose opener is on an earlier line:
            // it keeps the level its glyph shows.
            Role::Close if line.letter_before(i).is_some_and(is_cjk) => match c {
                '”' | '」' => marks.close(1),
                '’' | '』' => marks.close(2),
                _ => c,
            },
            Role::Close | Role::Text => c,
        };
        replaced_previous = emitted != c;
        changed |= replaced_previous;
        out.push(emitted);
    }
    changed
}

/// The role of char `i` on its glyph alone; straight quotes are paired afterwards.
fn role(line: &Line, i: usize) -> Role {
    if line.is_protected(i) {
        return Role::Text;
    }
    match line.chars[i] {
        '“' | '‘' | '「' | '『' => Role::Open,
        '’' if is_apostrophe(line.chars, i) => Role::Text,
        '”' | '’' | '」' | '』' => Role::Close,
        _ => Role::Text,
    }
}

/// A ’ between two ASCII letters (`It’s`, `Tom’s`) is an apostrophe, never a quote.
fn is_apostrophe(chars: &[char], i: usize) -> bool {
    i > 0
        && chars[i - 1].is_ascii_alphabetic()
        && chars.get(i + 1).is_some_and(|c| c.is_ascii_alphabetic())
}

/// Pairs the line's unprotected `"` in order (1st with 2nd, 3rd with 4th, …) and makes a
/// pair an opener and a closer when it reads as a quotation in CJK context: non-empty, no
/// other quotation mark inside, no alphanumeric outside (`27"` is an inch mark), and CJK
/// as the nearest letter outside or anywhere inside.
fn pair_straight_quotes(line: &Line, roles: &mut [Role]) {
    let chars = line.chars;
    let straight: Vec<usize> = (0..chars.len())
        .filter(|&i| chars[i] == '"' && !line.is_protected(i))
        .collect();
    for pair in straight.chunks_exact(2) {
        let (a, b) = (pair[0], pair[1]);
        let content = a + 1..b;
        let quotes_inside = content.clone().any(|i| roles[i] != Role::Text);
        let alnum_outside =
            a > 0 && is_alnum(chars[a - 1]) || chars.get(b + 1).is_some_and(|&c| is_alnum(c));
        let cjk_context = line.letter_before(a).is_some_and(is_cjk)
            || line.letter_after(b).is_some_and(is_cjk)
            || chars[content.clone()].iter().any(|&c| is_cjk(c));
        if !content.is_empty() && !quotes_inside && !alnum_outside && cjk_context {
            roles[a] = Role::Open;
            roles[b] = Role::Close;
        }
    }
}
