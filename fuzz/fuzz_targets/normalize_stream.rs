//! Any text, cut into pieces, through any op or profile (picked by the first byte, the piece
//! length by the second): the stream, `normalize_into` and `normalize` agree, and unchanged
//! text comes back borrowed.
#![no_main]

use std::borrow::Cow;

use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let [pick, piece, rest @ ..] = data else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let normalizer = common::normalizer(*pick);
    let whole = normalizer.normalize(&text);
    if let Cow::Borrowed(borrowed) = whole {
        assert_eq!(borrowed, &*text);
    }

    let mut appended = String::from("x");
    normalizer.normalize_into(&text, &mut appended);
    assert_eq!(&appended[1..], &*whole);

    let piece = usize::from(*piece).max(1);
    let mut streamed = String::new();
    let mut stream = normalizer.stream();
    let mut start = 0;
    while start < text.len() {
        let mut end = (start + piece).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        stream.push_into(&text[start..end], &mut streamed);
        start = end;
    }
    stream.finish_into(&mut streamed);
    assert_eq!(streamed, whole, "stream with pieces of {piece} bytes");
});
