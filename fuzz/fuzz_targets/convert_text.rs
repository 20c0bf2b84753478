//! Any text under any configuration (picked by the first byte, with the tofu-risk setting):
//! conversion does not panic, and `convert_into`, a stream read in pieces (their length
//! from the second byte) and `convert_parallel` all give what `convert` gives.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod conversion;

fuzz_target!(|data: &[u8]| {
    let [pick, piece, rest @ ..] = data else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let converter = conversion::converter(*pick);
    let whole = converter.convert(&text);

    let mut appended = String::from("x");
    converter.convert_into(&text, &mut appended);
    assert_eq!(&appended[1..], whole);

    let reader = conversion::Pieces::new(text.as_bytes(), usize::from(*piece));
    let mut streamed = Vec::new();
    let written = converter.convert_stream(reader, &mut streamed).unwrap();
    assert_eq!(written, streamed.len() as u64);
    assert_eq!(String::from_utf8(streamed).unwrap(), whole);

    assert_eq!(converter.convert_parallel(&text, 2), whole);
});
