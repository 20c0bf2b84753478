//! User phrases against a naive reading of their precedence: the first line of the input
//! lists words separated by spaces (each maps to itself in brackets), the rest is the
//! text. The converter's output must equal the naive reading of their precedence in
//! `tests/support/naive_user_scan.rs`. Texts with IDS operators are skipped: their units
//! need the IDS parser, which the unit tests cover.
#![no_main]

use std::collections::HashMap;

use fanjian::{Config, Converter};
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/naive_user_scan.rs"]
mod naive_user_scan;

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
    let builtin = Converter::new(Config::S2TW);
    let custom = Converter::builder(Config::S2TW)
        .user_phrases(phrases.iter().map(|(word, value)| (*word, value.as_str())))
        .expect("short words")
        .build();
    let (expected, _) = naive_user_scan::convert(text, &phrases, &builtin);
    assert_eq!(custom.convert(text), expected);
});
