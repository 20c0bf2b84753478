//! `interpunct` (spec §3.7): one middle dot between Han names, whatever the encoding era.

use super::class::{is_han, is_line_break};
use super::line::Line;

/// Replaces U+00B7, U+2027, U+30FB, U+FF65 and U+2022 that have Han on both sides with
/// `target`. Kana or Latin beside the dot means Japanese or a Latin name, and runs of dots
/// are leaders or masking, so those stay.
pub(crate) fn interpunct(line: &Line, target: char, out: &mut Vec<char>) -> bool {
    // A line break would split the line under the rules of every later op.
    if is_line_break(target) {
        return false;
    }
    let chars = line.chars;
    let mut changed = false;
    for (i, &c) in chars.iter().enumerate() {
        let between_han =
            i > 0 && chars.get(i + 1).is_some_and(|&next| is_han(next)) && is_han(chars[i - 1]);
        if is_interpunct(c) && c != target && between_han && !line.is_protected(i) {
            out.push(target);
            changed = true;
        } else {
            out.push(c);
        }
    }
    changed
}

/// The code points that legacy encodings and tools produce for the interpunct.
pub(crate) const fn is_interpunct(c: char) -> bool {
    matches!(
        c,
        '\u{00B7}' | '\u{2027}' | '\u{30FB}' | '\u{FF65}' | '\u{2022}'
    )
}
