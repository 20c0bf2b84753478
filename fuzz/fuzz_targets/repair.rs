//! Any text through `repair` toward each standard: no panic, and the same number of
//! characters, each line kept in place.
#![no_main]

use fanjian::{RepairTarget, repair};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for target in [
        RepairTarget::Standard,
        RepairTarget::Taiwan,
        RepairTarget::HongKong,
    ] {
        let repaired = repair(&text, target);
        assert_eq!(repaired.chars().count(), text.chars().count());
        assert_eq!(repaired.lines().count(), text.lines().count());
    }
});
