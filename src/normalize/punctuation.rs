//! `zh_punct` (spec §3.9): ASCII punctuation in Chinese sentences to fullwidth, and no
//! spaces around fullwidth punctuation.
//!
//! The rules look at the nearest letter before a mark, so `iPhone,很好` widens while
//! `Hello, world.`, `3.14`, `1,000`, `12:30`, `a.txt` and `Mr.王` stay as they are.

use super::class::{is_alnum, is_cjk, is_curly, is_fw_punct, is_hspace, is_letter};
use super::line::Line;

/// Z1 (`!?,;:`), Z2 (`.`) and Z3 (parentheses) read the op's input and change chars one
/// for one; Z4 (spaces) then reads their result.
pub(crate) fn zh_punct(line: &Line, out: &mut Vec<char>) -> bool {
    let chars = line.chars;
    let mut marks = chars.to_vec();
    widen_marks(line, &mut marks);
    widen_full_stops(line, &mut marks);
    widen_parentheses(line, &mut marks);
    let widened = marks != chars;
    let spaces_deleted = delete_spaces(line, &marks, out);
    widened || spaces_deleted
}

/// Z1: a run of `!`/`?`, or a lone `,` `;` `:`, widens when the nearest letter before it is
/// CJK, or is alphanumeric with CJK as the nearest non-space after it (`iPhone,很好`).
fn widen_marks(line: &Line, marks: &mut [char]) {
    let chars = line.chars;
    let mut i = 0;
    while i < chars.len() {
        let is_mark = |j: usize, set: &[char]| set.contains(&chars[j]) && !line.is_protected(j);
        let set: &[char] = match chars[i] {
            '!' | '?' => &['!', '?'],
            ',' | ';' | ':' => &[',', ';', ':'],
            _ => {
                i += 1;
                continue;
            }
        };
        if line.is_protected(i) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && is_mark(i, set) {
            i += 1;
        }
        // `::` and `,;` are code or notation, not prose punctuation.
        let lone_or_exclamations = set.len() == 2 || i - start == 1;
        let exception = match chars[start] {
            ':' => chars.get(i) == Some(&'/'),
            ';' => ends_character_reference(chars, start),
            _ => false,
        };
        let before = line.letter_before(start);
        let after = line.non_space_after(i - 1);
        let context =
            before.is_some_and(is_cjk) || before.is_some_and(is_alnum) && after.is_some_and(is_cjk);
        if lone_or_exclamations && !exception && context {
            for mark in &mut marks[start..i] {
                *mark = fullwidth(*mark);
            }
        }
    }
}

/// Whether the `;` at `semicolon` ends an HTML character reference: `&amp;`, `&#38;` or
/// `&#x26;`.
fn ends_character_reference(chars: &[char], semicolon: usize) -> bool {
    let mut start = semicolon;
    while start > 0 && chars[start - 1].is_ascii_alphanumeric() {
        start -= 1;
    }
    let name = &chars[start..semicolon];
    if name.is_empty() || start == 0 {
        return false;
    }
    match chars[start - 1] {
        '&' => name[0].is_ascii_alphabetic(),
        '#' if start >= 2 && chars[start - 2] == '&' => match name {
            ['x' | 'X', hex @ ..] if !hex.is_empty() => hex.iter().all(char::is_ascii_hexdigit),
            digits => digits.iter().all(char::is_ascii_digit),
        },
        _ => false,
    }
}

/// Z2: a `.` ends a Chinese sentence when the nearest letter before it is CJK and what
/// follows is CJK, not a letter, or nothing, and no other dot is beside it. So `文件.txt`,
/// `Mr.王` and `3.14` stay, and `你好. Hello` stays too: a false 。 is worse than a missed one.
fn widen_full_stops(line: &Line, marks: &mut [char]) {
    let chars = line.chars;
    let is_dot_like = |c: char| matches!(c, '.' | '．' | '。' | '…' | '⋯');
    for i in 0..chars.len() {
        if chars[i] != '.' || line.is_protected(i) {
            continue;
        }
        let before = line.non_space_before(i);
        let after = line.non_space_after(i);
        let ends_sentence = line.letter_before(i).is_some_and(is_cjk)
            && after.is_none_or(|c| is_cjk(c) || !is_letter(c));
        if ends_sentence && !before.is_some_and(is_dot_like) && !after.is_some_and(is_dot_like) {
            marks[i] = '。';
        }
    }
}

/// Z3: parentheses matched on the line (mixed widths match) become （） when one side
/// already is, when they hold CJK, or when CJK is the nearest letter before and CJK or
/// nothing the nearest after. So `成像(NMRI)是` widens, while `f(x)`, `(1)第一条` and
/// `中文 (English) text` stay.
fn widen_parentheses(line: &Line, marks: &mut [char]) {
    let chars = line.chars;
    if !chars.iter().any(|&c| c == '(' || c == ')') {
        return;
    }
    // CJK counts before each index, so that nested pairs do not rescan their content.
    let mut cjk_before = Vec::with_capacity(chars.len() + 1);
    cjk_before.push(0u32);
    for &c in chars {
        cjk_before.push(cjk_before.last().copied().unwrap_or(0) + u32::from(is_cjk(c)));
    }
    let mut open = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        if line.is_protected(i) {
            continue;
        }
        match c {
            '(' | '（' => open.push(i),
            ')' | '）' => {
                let Some(o) = open.pop() else { continue };
                let fullwidth_sides = [chars[o] == '（', c == '）'];
                if fullwidth_sides == [true, true] {
                    continue;
                }
                let holds_cjk = cjk_before[i] > cjk_before[o + 1];
                let between_cjk = line.letter_before(o).is_some_and(is_cjk)
                    && line.letter_after(i).is_none_or(is_cjk);
                if fullwidth_sides.contains(&true) || holds_cjk || between_cjk {
                    marks[o] = '（';
                    marks[i] = '）';
                }
            }
            _ => {}
        }
    }
}

/// Z4: deletes each run of spaces between two non-space chars on the line when one side is
/// fullwidth punctuation, or one side is a curly quote and the other CJK. U+3000, tabs and
/// NBSP are never deleted: they are indents and deliberate layout.
fn delete_spaces(line: &Line, marks: &[char], out: &mut Vec<char>) -> bool {
    let mut deleted = false;
    let mut i = 0;
    while i < marks.len() {
        if marks[i] != ' ' || line.is_protected(i) {
            out.push(marks[i]);
            i += 1;
            continue;
        }
        let start = i;
        while i < marks.len() && marks[i] == ' ' && !line.is_protected(i) {
            i += 1;
        }
        let before = start
            .checked_sub(1)
            .map(|j| marks[j])
            .filter(|&c| !is_hspace(c));
        let after = marks.get(i).copied().filter(|&c| !is_hspace(c));
        let delete = match (before, after) {
            (Some(x), Some(y)) => {
                is_fw_punct(x)
                    || is_fw_punct(y)
                    || is_curly(x) && is_cjk(y)
                    || is_curly(y) && is_cjk(x)
            }
            _ => false,
        };
        if delete {
            deleted = true;
        } else {
            out.extend_from_slice(&marks[start..i]);
        }
    }
    deleted
}

fn fullwidth(mark: char) -> char {
    match mark {
        '!' => '！',
        '?' => '？',
        ',' => '，',
        ';' => '；',
        ':' => '：',
        other => other,
    }
}
