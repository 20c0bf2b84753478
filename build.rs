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
use std::path::{Path, PathBuf};
use std::{env, fs};

#[path = "src/trie/builder.rs"]
#[allow(dead_code)]
mod builder;
#[path = "build/detect_tables.rs"]
mod detect_tables;
#[path = "src/dict_tree.rs"]
#[allow(dead_code)]
mod dict_tree;
#[path = "src/lexicon.rs"]
#[allow(dead_code)]
mod lexicon;

use dict_tree::{DictTree, MatchPolicy};

/// The configurations in the order of `Config::ALL` in `src/config.rs`.
const CONFIGS: [&str; 16] = [
    "s2t", "t2s", "s2tw", "tw2s", "s2twp", "tw2sp", "s2hk", "hk2s", "s2hkp", "hk2sp", "t2tw",
    "tw2t", "t2hk", "hk2t", "t2jp", "jp2t",
];

type Tree = DictTree<String>;

/// A configuration's stages, as trees of dictionary file names.
struct ConfigTrees {
    normalization: Vec<Tree>,
    segmentation: Option<Tree>,
    conversion_chain: Vec<Tree>,
}

fn main() {
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap());
    let data = root.join("data/opencc");
    for path in [
        "data/opencc",
        "src/dict_tree.rs",
        "src/lexicon.rs",
        "src/trie/builder.rs",
    ] {
        println!("cargo::rerun-if-changed={path}");
    }
    let out_dir = PathBuf::from(env::var("OUT_DIR").unwrap());
    let big_endian = env::var("CARGO_CFG_TARGET_ENDIAN").as_deref() == Ok("big");

    detect_tables::write(&data, &out_dir);

    let mut compiler = Compiler {
        data: data.clone(),
        lexicons: HashMap::new(),
        tries: Vec::new(),
        ids: HashMap::new(),
    };
    let mut plans = String::new();
    for name in CONFIGS {
        let trees = read_config(&data.join("config").join(format!("{name}.json")));
        plans.push_str("    [\n");
        for exclude_tofu in [false, true] {
            let keep = |tree: &Tree| {
                if exclude_tofu {
                    tree.without_tofu_risk()
                } else {
                    Some(tree.clone())
                }
            };
            let normalization: Vec<usize> = trees
                .normalization
                .iter()
                .filter_map(keep)
                .map(|tree| compiler.trie(&tree))
                .collect();
            // OpenCC always loads the segmentation dictionary with its tofu-risk parts.
            let segmentation = trees.segmentation.as_ref().map(|tree| compiler.trie(tree));
            let chain_trees: Vec<Tree> = trees.conversion_chain.iter().filter_map(keep).collect();
            let chain: Vec<usize> = chain_trees.iter().map(|tree| compiler.trie(tree)).collect();
            let segment_ranks = match (&trees.segmentation, chain_trees.first()) {
                (Some(segmentation), Some(first_step)) => {
                    compiler.segment_ranks(segmentation, first_step)
                }
                _ => 0,
            };
            writeln!(
                plans,
                "        Plan {{ normalization: &{normalization:?}, segmentation: {segmentation:?}, chain: &{chain:?}, \
                 segment_ranks: {segment_ranks} }},"
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
        fs::write(out_dir.join(format!("values_{id}.txt")), &tables.values).unwrap();
        writeln!(
            layouts,
            "    // {description}\n    TrieLayout {{ blocks: {blocks:?}, codes: {codes:?}, nodes: {nodes:?}, \
             value_offsets: {offsets:?}, values: include_str!(concat!(env!(\"OUT_DIR\"), \"/values_{id}.txt\")), \
             first_bytes: &{:?}, stops: {stops:?} }},",
            tables.first_bytes
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

struct Compiler {
    data: PathBuf,
    lexicons: HashMap<String, Vec<lexicon::Entry>>,
    /// Each distinct trie: its description and tables.
    tries: Vec<(String, builder::TrieTables)>,
    ids: HashMap<String, usize>,
}

impl Compiler {
    /// The id of the trie for `tree`, compiling it the first time.
    fn trie(&mut self, tree: &Tree) -> usize {
        let description = describe(tree);
        if let Some(&id) = self.ids.get(&description) {
            return id;
        }
        let leaves = tree.ranked_leaves().unwrap_or_else(|| {
            panic!("{description}: a built-in group that one trie cannot express")
        });
        for (file, _) in &leaves {
            self.lexicon(file);
        }
        let mut entries = Vec::new();
        for (file, rank) in &leaves {
            for entry in &self.lexicons[*file] {
                let value = &entry.candidates[0];
                // Cutting a stream or a parallel conversion at a character that no key
                // holds relies on no conversion creating an ideographic description
                // sequence (see src/cut.rs).
                assert!(
                    !value
                        .chars()
                        .any(|c| ('\u{2FF0}'..='\u{2FFF}').contains(&c)),
                    "{file}: the value of {:?} holds an ideographic description operator",
                    entry.key
                );
                entries.push(builder::RankedEntry {
                    key: &entry.key,
                    value,
                    rank: *rank,
                });
            }
        }
        let tables = builder::build(&entries).unwrap_or_else(|e| panic!("{description}: {e}"));
        let id = self.tries.len();
        self.tries.push((description.clone(), tables));
        self.ids.insert(description, id);
        id
    }

    /// Whether the first conversion step can segment the text too, and with which ranks.
    ///
    /// OpenCC segments with a dictionary S, then runs each segment through the steps. When
    /// the first step is `short_circuit[S, M...]` where the later members M hold only
    /// single characters that are no IDS operators, one walk of the first step's trie does
    /// both: its matches of S's ranks are exactly the segmenter's matches, and everywhere
    /// else it advances by one character or IDS, as the segmenter does, with M's output
    /// for the unmatched run. Returns the number of S's ranks, or 0 when this does not hold.
    fn segment_ranks(&mut self, segmentation: &Tree, first_step: &Tree) -> u32 {
        let DictTree::Group {
            policy: MatchPolicy::ShortCircuit,
            members,
            ..
        } = first_step
        else {
            return 0;
        };
        if members.len() < 2 || describe(&members[0]) != describe(segmentation) {
            return 0;
        }
        let single_characters = members[1..].iter().all(|member| {
            member.ranked_leaves().into_iter().flatten().all(|(file, _)| {
                self.lexicon(file).iter().all(|entry| {
                    let mut chars = entry.key.chars();
                    matches!((chars.next(), chars.next()), (Some(c), None) if !('\u{2FF0}'..='\u{2FFF}').contains(&c))
                })
            })
        });
        if !single_characters {
            return 0;
        }
        members[0].ranked_leaves().map_or(0, |leaves| {
            leaves.iter().map(|&(_, rank)| rank + 1).max().unwrap_or(0)
        })
    }

    fn lexicon(&mut self, file: &str) -> &[lexicon::Entry] {
        if !self.lexicons.contains_key(file) {
            let path = self.data.join(file);
            let bytes = fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let entries =
                lexicon::parse(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            self.lexicons.insert(file.to_owned(), entries);
        }
        &self.lexicons[file]
    }
}

fn describe(tree: &Tree) -> String {
    match tree {
        DictTree::Leaf { leaf, .. } => leaf.clone(),
        DictTree::Group {
            policy, members, ..
        } => {
            let policy = match policy {
                MatchPolicy::ShortCircuit => "short_circuit",
                MatchPolicy::Union => "union",
            };
            let members: Vec<String> = members.iter().map(describe).collect();
            format!("{policy}[{}]", members.join(", "))
        }
    }
}

fn read_config(path: &Path) -> ConfigTrees {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let json: serde_json::Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let chain = |key: &str| -> Vec<Tree> {
        json.get(key)
            .and_then(|steps| steps.as_array())
            .map(|steps| {
                steps
                    .iter()
                    .filter(|step| step.is_object())
                    .map(|step| read_dict(&step["dict"]))
                    .collect()
            })
            .unwrap_or_default()
    };
    ConfigTrees {
        normalization: chain("normalization"),
        segmentation: json.get("segmentation").map(|segmentation| {
            assert_eq!(
                segmentation["type"],
                "mmseg",
                "{}: only mmseg segmentation is built in",
                path.display()
            );
            read_dict(&segmentation["dict"])
        }),
        conversion_chain: chain("conversion_chain"),
    }
}

fn read_dict(json: &serde_json::Value) -> Tree {
    let may_output_tofu = json
        .get("may_output_tofu")
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    match json["type"].as_str() {
        Some("text") => DictTree::Leaf {
            leaf: json["file"].as_str().unwrap().to_owned(),
            may_output_tofu,
        },
        Some("group") => DictTree::Group {
            policy: match json.get("match_policy").and_then(|v| v.as_str()) {
                None | Some("short_circuit") => MatchPolicy::ShortCircuit,
                Some("union") => MatchPolicy::Union,
                Some(other) => panic!("unknown match_policy {other:?}"),
            },
            members: json["dicts"]
                .as_array()
                .unwrap()
                .iter()
                .map(read_dict)
                .collect(),
            may_output_tofu,
        },
        other => panic!("a built-in configuration has a dictionary of type {other:?}"),
    }
}
