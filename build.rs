//! Compiles OpenCC's dictionaries (`data/opencc/*.txt`) into the tries of the 16 built-in
//! configurations (`data/opencc/config/*.json`), so that building a converter at run time
//! parses nothing and cannot fail.
//!
//! Output in `OUT_DIR`:
//! - `tries.bin`: every trie's integer tables, each section 8-byte aligned, in the
//!   target's byte order;
//! - `values_N.txt`: trie N's values, concatenated (embedded with `include_str!`, so they
//!   are `&str` without a run-time check);
//! - `builtin.rs`: where each section lies, and each configuration's plan of tries.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::{env, fs};

// The crate's own modules for reading configurations and dictionaries and compiling them,
// so that a configuration file loaded at run time gives the same tries.
#[allow(dead_code)]
#[path = "src/trie/builder.rs"]
mod builder;
#[allow(dead_code)]
#[path = "src/compile.rs"]
mod compile;
#[path = "build/detect_tables.rs"]
mod detect_tables;
#[allow(dead_code)]
#[path = "src/dict_tree.rs"]
mod dict_tree;
#[allow(dead_code)]
#[path = "src/jsonc.rs"]
mod jsonc;
#[allow(dead_code)]
#[path = "src/lexicon.rs"]
mod lexicon;
#[allow(dead_code)]
#[path = "src/opencc_config.rs"]
mod opencc_config;
/// The crate's path to the builder, which `compile.rs` uses.
mod trie {
    pub(crate) use super::builder;
}

use compile::{Compiler, Lexicon};
use opencc_config::Source;

/// The configurations in the order of `Config::ALL` in `src/config.rs`.
const CONFIGS: [&str; 16] = [
    "s2t", "t2s", "s2tw", "tw2s", "s2twp", "tw2sp", "s2hk", "hk2s", "s2hkp", "hk2sp", "t2tw",
    "tw2t", "t2hk", "hk2t", "t2jp", "jp2t",
];

fn main() {
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap());
    let data = root.join("data/opencc");
    for path in [
        "data/opencc",
        "src/compile.rs",
        "src/dict_tree.rs",
        "src/jsonc.rs",
        "src/lexicon.rs",
        "src/opencc_config.rs",
        "src/trie/builder.rs",
    ] {
        println!("cargo::rerun-if-changed={path}");
    }
    let out_dir = PathBuf::from(env::var("OUT_DIR").unwrap());
    let big_endian = env::var("CARGO_CFG_TARGET_ENDIAN").as_deref() == Ok("big");

    detect_tables::write(&data, &out_dir);

    // Read every configuration, and each dictionary file once.
    let mut lexicons: Vec<Lexicon> = Vec::new();
    let mut by_file: HashMap<String, usize> = HashMap::new();
    let mut configs = Vec::new();
    for name in CONFIGS {
        let path = data.join("config").join(format!("{name}.json"));
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let trees =
            opencc_config::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let trees = trees
            .try_map(&mut |spec| match spec.source {
                Source::Text(file) => {
                    let next = lexicons.len();
                    let id = *by_file.entry(file.clone()).or_insert(next);
                    if id == next {
                        let path = data.join(&file);
                        let bytes =
                            fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                        let entries = lexicon::parse(&bytes)
                            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                        lexicons.push(Lexicon {
                            name: file,
                            entries,
                        });
                    }
                    Ok::<usize, String>(id)
                }
                Source::Inline(_) => Err(format!("{name}: a built-in inline dictionary")),
            })
            .unwrap_or_else(|e| panic!("{e}"));
        configs.push(trees);
    }

    let mut compiler = Compiler::new(&lexicons);
    let mut plans = String::new();
    for trees in &configs {
        plans.push_str("    [\n");
        for exclude_tofu in [false, true] {
            let plan = compiler
                .plan(trees, exclude_tofu)
                .unwrap_or_else(|e| panic!("{e}"));
            writeln!(
                plans,
                "        Plan {{ normalization: &{:?}, segmentation: {:?}, chain: &{:?}, \
                 segment_ranks: {} }},",
                plan.normalization, plan.segmentation, plan.chain, plan.segment_ranks
            )
            .unwrap();
        }
        plans.push_str("    ],\n");
    }

    let mut blob: Vec<u8> = Vec::new();
    let mut layouts = String::new();
    for (id, (description, tables)) in compiler.tries.iter().enumerate() {
        let blocks = append(
            &mut blob,
            tables.blocks.iter().map(|&v| u32::from(v)),
            2,
            big_endian,
        );
        let codes = append(
            &mut blob,
            tables.codes.iter().map(|&v| u32::from(v)),
            2,
            big_endian,
        );
        let nodes = append(
            &mut blob,
            tables.nodes.iter().flatten().copied(),
            4,
            big_endian,
        );
        let offsets = append(
            &mut blob,
            tables.value_offsets.iter().copied(),
            4,
            big_endian,
        );
        let stops = append(&mut blob, tables.stops.iter().copied(), 4, big_endian);
        let char_results = append(
            &mut blob,
            tables.char_results.iter().copied(),
            4,
            big_endian,
        );
        let char_pairs = append(&mut blob, tables.char_pairs.iter().copied(), 4, big_endian);
        fs::write(out_dir.join(format!("values_{id}.txt")), &tables.values).unwrap();
        writeln!(
            layouts,
            "    // {description}\n    TrieLayout {{ blocks: {blocks:?}, codes: {codes:?}, nodes: {nodes:?}, \
             value_offsets: {offsets:?}, values: include_str!(concat!(env!(\"OUT_DIR\"), \"/values_{id}.txt\")), \
             first_bytes: &{:?}, openings: &{:?}, stops: {stops:?}, writes_each_character: {}, \
             char_results: {char_results:?}, char_pairs: {char_pairs:?} }},",
            tables.first_bytes, tables.openings, tables.writes_each_character
        )
        .unwrap();
    }
    fs::write(out_dir.join("tries.bin"), &blob).unwrap();
    let generated = format!(
        "/// Every built-in trie's sections in `tries.bin`.\n\
         pub(crate) static TRIES: [TrieLayout; {}] = [\n{layouts}];\n\n\
         /// The tries of each configuration (in `Config::ALL` order), with tofu-risk dictionaries\n\
         /// included, then excluded.\n\
         pub(crate) static PLANS: [[Plan; 2]; 16] = [\n{plans}];\n",
        compiler.tries.len()
    );
    fs::write(out_dir.join("builtin.rs"), generated).unwrap();
}

/// Appends `values` as `width`-byte integers at an 8-byte-aligned offset; returns the
/// (offset, count) of the section.
fn append(
    blob: &mut Vec<u8>,
    values: impl Iterator<Item = u32>,
    width: usize,
    big_endian: bool,
) -> (usize, usize) {
    blob.resize(blob.len().next_multiple_of(8), 0);
    let start = blob.len();
    let mut count = 0;
    for value in values {
        let bytes = if big_endian {
            value.to_be_bytes()
        } else {
            value.to_le_bytes()
        };
        let bytes = if width == 2 {
            assert!(value <= u32::from(u16::MAX));
            if big_endian { &bytes[2..] } else { &bytes[..2] }
        } else {
            &bytes[..]
        };
        blob.extend_from_slice(bytes);
        count += 1;
    }
    (start, count)
}
