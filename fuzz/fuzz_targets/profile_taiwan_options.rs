//! Any text through the taiwan profile with SVS-preserving NFC, U+2027 interpuncts and spacing: no panic, and the spec's properties hold.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod common;
mod properties;

fuzz_target!(|data: &[u8]| {
    properties::check_properties(&common::normalizer(17), &String::from_utf8_lossy(data));
});
