//! Any bytes under any configuration: `convert_bytes` and a stream read in pieces accept
//! exactly the valid UTF-8, report invalid bytes at the offset and line `std` finds, and
//! otherwise give what `convert` gives.
#![no_main]

use fanjian::Error;
use libfuzzer_sys::fuzz_target;

mod conversion;

fuzz_target!(|data: &[u8]| {
    let [pick, piece, bytes @ ..] = data else {
        return;
    };
    let converter = conversion::converter(*pick);
    let from_bytes = converter.convert_bytes(bytes);
    let mut streamed = Vec::new();
    let from_stream = converter.convert_stream(
        conversion::Pieces::new(bytes, usize::from(*piece)),
        &mut streamed,
    );
    match std::str::from_utf8(bytes) {
        Ok(text) => {
            let whole = converter.convert(text);
            assert_eq!(from_bytes.unwrap(), whole);
            from_stream.unwrap();
            assert_eq!(String::from_utf8(streamed).unwrap(), whole);
        }
        Err(error) => {
            let valid = error.valid_up_to();
            let line = 1 + bytes[..valid].iter().filter(|&&b| b == b'\n').count() as u64;
            for result in [from_bytes.map(|_| 0), from_stream] {
                match result {
                    Err(Error::InvalidUtf8 { offset, line: at }) => {
                        assert_eq!((offset, at), (valid as u64, line));
                    }
                    other => panic!("invalid UTF-8 at {valid} gave {other:?}"),
                }
            }
        }
    }
});
