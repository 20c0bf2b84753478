//! Any text through the `taiwan` profile: no panic, and the spec's properties hold.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod common;
mod properties;

fuzz_target!(|data: &[u8]| {
    properties::check_properties(&common::normalizer(14), &String::from_utf8_lossy(data));
});
