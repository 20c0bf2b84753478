//! User phrases against a naive reading of their precedence: the first line of the input
//! lists words separated by spaces (each maps to itself in brackets), the rest is the
//! text. The converter's output must equal a forward longest match over the words by
//! hash-map lookups, with the stretches between converted by the built-in converter. Texts
//! with IDS operators are skipped: their units need the IDS parser, which the unit tests
//! cover.
#![no_main]

use std::collections::HashMap;

use fanjian::{Config, Converter};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let Some((words, text)) = input.split_once('\n') else {
        return;
    };
    if text.chars().any(|c| ('\u{2FF0}'..='\u{2FFF}').contains(&c)) {
        return;
    }
    let phrases: HashMap<&str, String> = words
        .split(' ')
        .filter(|word| !word.is_empty() && word.len() <= 64)
        .map(|word| (word, format!("[{word}]")))
        .collect();
    let longest = phrases
        .keys()
        .map(|word| word.chars().count())
        .max()
        .unwrap_or(0);
    let builtin = Converter::new(Config::S2TW);
    let custom = Converter::builder(Config::S2TW)
        .user_phrases(phrases.iter().map(|(word, value)| (*word, value.as_str())))
        .expect("short words")
        .build();

    let mut expected = String::new();
    let (mut gap_start, mut at) = (0, 0);
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
                expected.push_str(&builtin.convert(&text[gap_start..at]));
                expected.push_str(&phrases[&text[at..end]]);
                (gap_start, at) = (end, end);
            }
            None => at += text[at..].chars().next().expect("a character").len_utf8(),
        }
    }
    expected.push_str(&builtin.convert(&text[gap_start..]));
    assert_eq!(custom.convert(text), expected);
});
