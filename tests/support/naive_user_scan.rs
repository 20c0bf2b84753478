//! A naive reading of how user phrases take precedence, shared by `tests/user_phrases.rs`
//! and the `user_scan` fuzz target: a forward longest match over the user's words alone by
//! hash-map lookups, each one found written as its value, and each stretch between them
//! converted by the built-in converter on its own. (IDS sequences are not parsed: texts
//! given to it hold no IDS operator.)

use std::collections::HashMap;

use fanjian::Converter;

/// `text` converted as above, and how many user phrases it found.
pub fn convert(
    text: &str,
    phrases: &HashMap<&str, String>,
    builtin: &Converter,
) -> (String, usize) {
    let longest = phrases
        .keys()
        .map(|key| key.chars().count())
        .max()
        .unwrap_or(0);
    let mut converted = String::new();
    let (mut gap_start, mut at, mut found) = (0, 0, 0);
    while at < text.len() {
        let ends = text[at..]
            .char_indices()
            .skip(1)
            .map(|(end, _)| at + end)
            .chain([text.len()])
            .take(longest);
        match ends
            .filter(|&end| phrases.contains_key(&text[at..end]))
            .last()
        {
            Some(end) => {
                converted.push_str(&builtin.convert(&text[gap_start..at]));
                converted.push_str(&phrases[&text[at..end]]);
                found += 1;
                (gap_start, at) = (end, end);
            }
            None => at += text[at..].chars().next().expect("a character").len_utf8(),
        }
    }
    converted.push_str(&builtin.convert(&text[gap_start..]));
    (converted, found)
}
