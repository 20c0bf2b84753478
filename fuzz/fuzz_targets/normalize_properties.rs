//! Any text through any op or profile (picked by the first byte): no panic, and the spec's
//! properties hold. P1: a second pass changes nothing, except on the known edges, and
//! even there the passes soon stop changing anything. P2: ASCII text is unchanged. P3: ops other than nfc, nfc_svs and
//! radicals change no Han char. P5: `.`, `,` and `:` between ASCII digits stay.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod common;
mod properties;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    properties::check_properties(&common::normalizer(pick), &String::from_utf8_lossy(rest));
});
