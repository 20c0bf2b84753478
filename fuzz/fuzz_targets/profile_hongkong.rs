//! Any text through the `hongkong` profile: no panic, and the spec's properties hold.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod common;
mod properties;

fuzz_target!(|data: &[u8]| {
    properties::check_properties(&common::normalizer(15), &String::from_utf8_lossy(data));
});
