//! Any text through `detect`: no panic, a confidence in 0..=1, counts no larger than the
//! text, no region for unknown text, and the same counts as the text counted line by line
//! when no line needs the leaning conversion.
#![no_main]

use fanjian::{Evidence, Script, detect};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let detection = detect(&text);
    assert!((0.0..=1.0).contains(&detection.confidence));
    let evidence = detection.evidence;
    assert!(evidence.han + evidence.kana <= text.chars().count());
    assert!(evidence.simplified + evidence.traditional <= evidence.han);
    assert!(evidence.simplified_alone <= evidence.simplified);
    assert!(evidence.traditional_alone <= evidence.traditional);
    if detection.script == Script::Unknown {
        assert_eq!(detection.region, None);
    }
    if evidence.simplified + evidence.traditional > 0 {
        let mut by_line = Evidence::default();
        let lines: Vec<Evidence> = text.split_inclusive('\n').map(Evidence::of).collect();
        if lines
            .iter()
            .all(|line| line.simplified + line.traditional > 0)
        {
            lines.iter().for_each(|line| by_line.merge(line));
            assert_eq!(by_line, evidence);
        }
    }
});
