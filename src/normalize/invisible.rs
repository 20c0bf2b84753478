//! `strip_invisible` (spec §3.1): delete zero-width junk, keep meaningful invisibles.

use super::line::Line;

/// Deletes U+200B, U+2060 and U+FEFF, except a U+200B beside Thai, Lao, Myanmar or Khmer,
/// where it marks a word boundary. Joiners, variation selectors, soft hyphens and bidi
/// controls all carry meaning and are never in the set.
pub(crate) fn strip_invisible(line: &Line, out: &mut Vec<char>) -> bool {
    let chars = line.chars;
    let mut changed = false;
    for (i, &c) in chars.iter().enumerate() {
        let delete = !line.is_protected(i)
            && match c {
                '\u{200B}' => {
                    let before = i.checked_sub(1).map(|j| chars[j]);
                    let after = chars.get(i + 1).copied();
                    !before.is_some_and(marks_words_with_zwsp)
                        && !after.is_some_and(marks_words_with_zwsp)
                }
                '\u{2060}' | '\u{FEFF}' => true,
                _ => false,
            };
        if delete {
            changed = true;
        } else {
            out.push(c);
        }
    }
    changed
}

/// Thai, Lao, Myanmar and Khmer: scripts written without spaces, where U+200B is the
/// word separator.
fn marks_words_with_zwsp(c: char) -> bool {
    matches!(c, '\u{0E00}'..='\u{0EFF}' | '\u{1000}'..='\u{109F}' | '\u{1780}'..='\u{17FF}')
}
