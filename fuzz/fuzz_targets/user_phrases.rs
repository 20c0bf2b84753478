//! Any bytes as a user-phrase dictionary (OpenCC's text format) on top of s2tw: loading
//! fails with an error or succeeds, never panics; then the same text converts and streams
//! consistently. (Inspection is left to the tests: it reads every dictionary's text per
//! call, which would slow the fuzzer a hundredfold.)
#![no_main]

use fanjian::{Config, Converter};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut builder = Converter::builder(Config::S2TW);
    if builder.user_phrases_str(&text).is_err() {
        return;
    }
    let _ = builder.protect(text.split('\n').filter(|line| line.len() < 8));
    let converter = builder.build();
    let whole = converter.convert(&text);
    let mut streamed = Vec::new();
    converter
        .convert_stream(text.as_bytes(), &mut streamed)
        .unwrap();
    assert_eq!(String::from_utf8(streamed).unwrap(), whole);
});
