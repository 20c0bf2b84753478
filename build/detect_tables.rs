//! Compiles the tables behind `fanjian::detect` and `fanjian::repair` from OpenCC's character
//! dictionaries, so that detection is one table look-up per character.
//!
//! Output in `OUT_DIR`:
//! - `detect_dense.bin`: one byte of flags per character from U+3400 to U+9FFF;
//! - `detect_tables.rs`: the flags of the characters outside that block, and each
//!   one-to-many Simplified character with the character a naive converter writes for it.
//!
//! The flags (their meaning is documented in `src/detect.rs`, which reads them):
//! - `SIMPLIFIED`: a key of `STCharacters` that is not among its own candidates, is no
//!   candidate of any key (no Traditional form of anything), no key of `TSCharacters` and
//!   no regional form (first candidate of `TWVariants` or `HKVariants`);
//! - `TRADITIONAL`: the same with the two dictionaries swapped;
//! - `LEANS_SIMPLIFIED`, `LEANS_TRADITIONAL`: one-to-many characters among their own
//!   candidates that conversion to the other script still changes by default (于, 后;
//!   乾), the Simplified ones no regional form;
//! - `NOT_STANDARD`, `NOT_TAIWAN`, `NOT_HONG_KONG`: a character that OpenCC's output in
//!   that standard never holds: a form the region's variant dictionary replaces, or a
//!   variant form of another region that a character dictionary converts and that is no
//!   candidate of `STCharacters`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use crate::lexicon;

const SIMPLIFIED: u8 = 1;
const TRADITIONAL: u8 = 2;
const NOT_STANDARD: u8 = 4;
const NOT_TAIWAN: u8 = 8;
const NOT_HONG_KONG: u8 = 16;
const LEANS_SIMPLIFIED: u8 = 32;
const LEANS_TRADITIONAL: u8 = 64;

/// The block stored densely: CJK Extension A and the Unified Ideographs.
const DENSE_FIRST: u32 = 0x3400;
const DENSE_LAST: u32 = 0x9FFF;

/// A single-character dictionary: each key with its candidates.
type CharMap = BTreeMap<char, Vec<char>>;

fn read_chars(data: &Path, file: &str) -> CharMap {
    let path = data.join(file);
    let bytes = fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let entries = lexicon::parse(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    entries
        .iter()
        .filter_map(|entry| {
            let mut key = entry.key.chars();
            let (Some(c), None) = (key.next(), key.next()) else {
                return None;
            };
            let candidates = entry
                .candidates
                .iter()
                .filter_map(|candidate| {
                    let mut chars = candidate.chars();
                    match (chars.next(), chars.next()) {
                        (Some(v), None) => Some(v),
                        _ => None,
                    }
                })
                .collect();
            Some((c, candidates))
        })
        .collect()
}

fn values(map: &CharMap) -> BTreeSet<char> {
    map.values().flatten().copied().collect()
}

/// Writes the detection and repair tables for the dictionaries in `data` into `out_dir`.
pub fn write(data: &Path, out_dir: &Path) {
    println!("cargo::rerun-if-changed=build/detect_tables.rs");
    let st = read_chars(data, "STCharacters.txt");
    let ts = read_chars(data, "TSCharacters.txt");
    let tw = read_chars(data, "TWVariants.txt");
    let hk = read_chars(data, "HKVariants.txt");
    let (st_values, ts_values) = (values(&st), values(&ts));
    // OpenCC writes the first candidate: the others of a regional variant (HK's 啓 → 啓 啟)
    // are not that region's forms.
    let first = |map: &CharMap| -> BTreeSet<char> { map.values().map(|v| v[0]).collect() };
    let (tw_values, hk_values) = (first(&tw), first(&hk));

    let mut flags: BTreeMap<char, u8> = BTreeMap::new();
    let set = |flags: &mut BTreeMap<char, u8>, c: char, flag: u8| {
        *flags.entry(c).or_default() |= flag;
    };
    for (&c, candidates) in &st {
        // A regional form is Traditional there (Taiwan writes 秘 and 灶, which `s2t`
        // makes 祕 and 竈).
        let regional = tw_values.contains(&c) || hk_values.contains(&c);
        if !candidates.contains(&c) && !st_values.contains(&c) && !ts.contains_key(&c) && !regional
        {
            set(&mut flags, c, SIMPLIFIED);
        }
    }
    for (&c, candidates) in &ts {
        if !candidates.contains(&c) && !ts_values.contains(&c) && !st.contains_key(&c) {
            set(&mut flags, c, TRADITIONAL);
        }
    }
    // Characters both scripts write but that conversion changes by default: a weaker
    // sign, used only when no character of one script alone is found (于 → 於 and 后 → 後
    // in `s2t`; 乾 → 干 in `t2s`).
    for (map, leans) in [(&st, LEANS_SIMPLIFIED), (&ts, LEANS_TRADITIONAL)] {
        for (&c, candidates) in map {
            let regional = tw_values.contains(&c) || hk_values.contains(&c);
            let flag = flags.get(&c).copied().unwrap_or(0);
            if candidates[0] != c && !regional && flag & (SIMPLIFIED | TRADITIONAL) == 0 {
                set(&mut flags, c, leans);
            }
        }
    }
    // A standard form that a region's variants replace is never in that region's output.
    for (map, flag) in [(&tw, NOT_TAIWAN), (&hk, NOT_HONG_KONG)] {
        for (&c, candidates) in map {
            if candidates[0] != c {
                set(&mut flags, c, flag);
            }
        }
    }
    // A regional form that a character dictionary converts (HK's 説 and 揾, Taiwan's 裡)
    // but that is no candidate of `STCharacters` is never in OpenCC's standard output, nor
    // in another region's unless that region's variants write it too. A regional form that
    // no character dictionary converts (著) passes through every conversion unchanged and
    // tells nothing.
    for (own, other, other_flag) in [
        (&tw_values, &hk_values, NOT_HONG_KONG),
        (&hk_values, &tw_values, NOT_TAIWAN),
    ] {
        for &c in own {
            if !st_values.contains(&c) && (ts.contains_key(&c) || st.contains_key(&c)) {
                set(&mut flags, c, NOT_STANDARD);
                if !other.contains(&c) {
                    set(&mut flags, c, other_flag);
                }
            }
        }
    }

    let mut dense = vec![0u8; (DENSE_LAST - DENSE_FIRST + 1) as usize];
    let mut sparse = String::new();
    for (&c, &flag) in &flags {
        let code = u32::from(c);
        if (DENSE_FIRST..=DENSE_LAST).contains(&code) {
            dense[(code - DENSE_FIRST) as usize] = flag;
        } else {
            // The scanner in src/detect.rs looks only supplementary characters up here.
            assert!(
                code > 0xFFFF,
                "{c:?}: a flagged BMP character outside the dense block"
            );
            writeln!(sparse, "    ({c:?}, {flag}),").unwrap();
        }
    }
    fs::write(out_dir.join("detect_dense.bin"), &dense).unwrap();

    // One-to-many Simplified characters and what a naive converter writes for each: the
    // character itself when it is among its candidates, else its first candidate.
    let mut ambiguous = String::new();
    let mut ambiguous_count = 0;
    for (&c, candidates) in &st {
        if candidates.len() > 1 {
            let naive = if candidates.contains(&c) {
                c
            } else {
                candidates[0]
            };
            writeln!(ambiguous, "    ({c:?}, {naive:?}),").unwrap();
            ambiguous_count += 1;
        }
    }

    let generated = format!(
        "/// Flags of U+{DENSE_FIRST:04X}..=U+{DENSE_LAST:04X}, one byte per character.\n\
         static DENSE: &[u8; {}] = include_bytes!(concat!(env!(\"OUT_DIR\"), \"/detect_dense.bin\"));\n\n\
         /// The first character of `DENSE`.\n\
         const DENSE_FIRST: u32 = {DENSE_FIRST:#X};\n\n\
         /// Flags of the characters outside `DENSE`, sorted.\n\
         static SPARSE: [(char, u8); {}] = [\n{sparse}];\n\n\
         /// Each one-to-many Simplified character of `STCharacters`, sorted, with the character\n\
         /// a naive character-by-character converter writes for it.\n\
         pub(crate) static NAIVE: [(char, char); {ambiguous_count}] = [\n{ambiguous}];\n",
        dense.len(),
        flags.len() - dense.iter().filter(|&&f| f != 0).count(),
    );
    fs::write(out_dir.join("detect_tables.rs"), generated).unwrap();
}
