//! Compiles a configuration's trees of dictionaries into tries and a plan of which trie runs
//! where.
//!
//! This file uses only `std`: `build.rs` compiles the 16 built-in configurations with it,
//! and the crate compiles configurations loaded at run time with it, so a configuration
//! file gives the same tries either way.
//!
//! A tree whose groups reduce to ranks (`DictTree::ranked_leaves`) becomes one trie of
//! ranked entries. A tree that does not (a `short_circuit` group inside a `union`) is
//! evaluated: for every prefix of every key, the tree's answer under OpenCC's policies is
//! worked out directly and stored as that node's result, so one trie still answers for the
//! whole tree.

use std::collections::{HashMap, HashSet};
use std::fmt;

use crate::dict_tree::{DictTree, MatchPolicy};
use crate::lexicon::Entry;
use crate::opencc_config::ConfigTrees;
use crate::trie::builder::{self, BuildError, RankedEntry, TrieTables};

/// A dictionary's entries and the name it is known by in messages and inspection.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// A name unique among the lexicons compiled together (a file name, or where an inline
    /// dictionary is written).
    pub name: String,
    /// The entries, in the file's order.
    pub entries: Vec<Entry>,
}

/// The tries of one configuration's stages, as indices into [`Compiler::tries`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// The normalization chain.
    pub normalization: Vec<usize>,
    /// The segmentation dictionary.
    pub segmentation: Option<usize>,
    /// The conversion chain.
    pub chain: Vec<usize>,
    /// When not 0, the first step's trie also segments (see [`Compiler::segment_ranks`]).
    pub segment_ranks: u32,
}

/// Why a tree cannot be compiled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompileError {
    /// The trie builder's limits.
    Build {
        /// The tree, described by its leaves' names.
        tree: String,
        /// What limit was hit.
        error: BuildError,
    },
    /// A value holds an ideographic description operator (U+2FF0..U+2FFF): cutting streams
    /// safely relies on no conversion creating one (see `src/cut.rs`).
    IdsInValue {
        /// The lexicon's name.
        lexicon: String,
        /// The entry's key.
        key: String,
    },
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CompileError::Build { tree, error } => write!(f, "{tree}: {error}"),
            CompileError::IdsInValue { lexicon, key } => write!(
                f,
                "{lexicon}: the value of {key:?} holds an ideographic description operator \
                 (U+2FF0..U+2FFF), which dictionary values may not hold"
            ),
        }
    }
}

/// Compiles trees over a table of lexicons, sharing one trie among equal trees.
pub struct Compiler<'l> {
    lexicons: &'l [Lexicon],
    /// Each distinct trie: its description and tables.
    pub tries: Vec<(String, TrieTables)>,
    ids: HashMap<String, usize>,
}

impl<'l> Compiler<'l> {
    /// A compiler for trees whose leaves index `lexicons`.
    pub fn new(lexicons: &'l [Lexicon]) -> Compiler<'l> {
        Compiler {
            lexicons,
            tries: Vec::new(),
            ids: HashMap::new(),
        }
    }

    /// The plan of a configuration, with or without its tofu-risk dictionaries.
    pub fn plan(
        &mut self,
        trees: &ConfigTrees<usize>,
        exclude_tofu: bool,
    ) -> Result<Plan, CompileError> {
        let keep = |tree: &DictTree<usize>| {
            if exclude_tofu {
                tree.without_tofu_risk()
            } else {
                Some(tree.clone())
            }
        };
        let normalization = trees
            .normalization
            .iter()
            .filter_map(keep)
            .map(|tree| self.trie(&tree))
            .collect::<Result<_, _>>()?;
        // OpenCC always loads the segmentation dictionary with its tofu-risk parts.
        let segmentation = trees
            .segmentation
            .as_ref()
            .map(|tree| self.trie(tree))
            .transpose()?;
        let chain_trees: Vec<DictTree<usize>> =
            trees.conversion_chain.iter().filter_map(keep).collect();
        let chain = chain_trees
            .iter()
            .map(|tree| self.trie(tree))
            .collect::<Result<_, _>>()?;
        let segment_ranks = match (&trees.segmentation, chain_trees.first()) {
            (Some(segmentation), Some(first_step)) => self.segment_ranks(segmentation, first_step),
            _ => 0,
        };
        Ok(Plan {
            normalization,
            segmentation,
            chain,
            segment_ranks,
        })
    }

    /// The id of the trie for `tree`, compiling it the first time.
    fn trie(&mut self, tree: &DictTree<usize>) -> Result<usize, CompileError> {
        let description = self.describe(tree);
        if let Some(&id) = self.ids.get(&description) {
            return Ok(id);
        }
        let lexicons = self.lexicons;
        for &leaf in tree.leaves() {
            let lexicon = &lexicons[leaf];
            if let Some(entry) = lexicon.entries.iter().find(|entry| {
                entry.candidates[0]
                    .chars()
                    .any(|c| ('\u{2FF0}'..='\u{2FFF}').contains(&c))
            }) {
                return Err(CompileError::IdsInValue {
                    lexicon: lexicon.name.clone(),
                    key: entry.key.clone(),
                });
            }
        }
        let built = match tree.ranked_leaves() {
            Some(leaves) => {
                let entries: Vec<RankedEntry<'_>> = leaves
                    .iter()
                    .flat_map(|&(&leaf, rank)| {
                        lexicons[leaf].entries.iter().map(move |entry| RankedEntry {
                            key: &entry.key,
                            value: &entry.candidates[0],
                            len: entry.key.len(),
                            rank,
                        })
                    })
                    .collect();
                builder::build(&entries)
            }
            None => builder::build(&evaluated_entries(tree, lexicons)),
        };
        let tables = built.map_err(|error| CompileError::Build {
            tree: description.clone(),
            error,
        })?;
        let id = self.tries.len();
        self.tries.push((description.clone(), tables));
        self.ids.insert(description, id);
        Ok(id)
    }

    /// Whether the first conversion step can segment the text too, and with which ranks.
    ///
    /// OpenCC segments with a dictionary S, then runs each segment through the steps. When
    /// the first step is `short_circuit[S, M...]` where the later members M hold only
    /// single characters that are no IDS operators, one walk of the first step's trie does
    /// both: its matches of S's ranks are exactly the segmenter's matches, and everywhere
    /// else it advances by one character or IDS, as the segmenter does, with M's output
    /// for the unmatched run. Returns the number of S's ranks, or 0 when this does not hold.
    pub fn segment_ranks(
        &self,
        segmentation: &DictTree<usize>,
        first_step: &DictTree<usize>,
    ) -> u32 {
        let DictTree::Group {
            policy: MatchPolicy::ShortCircuit,
            members,
            ..
        } = first_step
        else {
            return 0;
        };
        if members.len() < 2
            || self.describe(&members[0]) != self.describe(segmentation)
            || first_step.ranked_leaves().is_none()
        {
            return 0;
        }
        let single_characters = members[1..].iter().all(|member| {
            member.leaves().into_iter().all(|&leaf| {
                self.lexicons[leaf].entries.iter().all(|entry| {
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

    /// A description that equal trees share: policies and leaf names.
    pub fn describe(&self, tree: &DictTree<usize>) -> String {
        match tree {
            DictTree::Leaf { leaf, .. } => self.lexicons[*leaf].name.clone(),
            DictTree::Group {
                policy, members, ..
            } => {
                let policy = match policy {
                    MatchPolicy::ShortCircuit => "short_circuit",
                    MatchPolicy::Union => "union",
                };
                let members: Vec<String> = members.iter().map(|m| self.describe(m)).collect();
                format!("{policy}[{}]", members.join(", "))
            }
        }
    }
}

/// One entry per prefix of every key of `tree`: the tree's own answer for a text that
/// starts with that prefix and matches no longer key. Each entry covers the bytes of the
/// key that answered (`len`), which may be shorter than the prefix.
fn evaluated_entries<'a>(tree: &DictTree<usize>, lexicons: &'a [Lexicon]) -> Vec<RankedEntry<'a>> {
    let maps = LeafMaps::new(tree, lexicons);
    let mut prefixes: HashSet<&str> = HashSet::new();
    for &leaf in tree.leaves() {
        for entry in &lexicons[leaf].entries {
            for (at, c) in entry.key.char_indices() {
                prefixes.insert(&entry.key[..at + c.len_utf8()]);
            }
        }
    }
    let mut entries = Vec::new();
    for prefix in prefixes {
        if let Some(found) = maps.evaluate(tree, lexicons, prefix) {
            entries.push(RankedEntry {
                key: prefix,
                value: &found.entry.candidates[0],
                len: found.len,
                rank: 0,
            });
        }
    }
    entries
}

/// A tree's leaves as hash maps: slow, but answers which leaf and entry decided a match.
pub struct LeafMaps {
    /// Each leaf's entry indices by key, and its longest key's length in bytes.
    maps: HashMap<usize, (HashMap<String, usize>, usize)>,
}

/// A tree's answer at a position: the key's length in bytes, its leaf and its entry.
#[derive(Debug, Clone, Copy)]
pub struct Found<'a> {
    /// Bytes of text the key covers.
    pub len: usize,
    /// The lexicon the entry is from.
    pub leaf: usize,
    /// The entry.
    pub entry: &'a Entry,
}

impl LeafMaps {
    /// Maps of every leaf of `tree`.
    pub fn new(tree: &DictTree<usize>, lexicons: &[Lexicon]) -> LeafMaps {
        let maps = tree
            .leaves()
            .into_iter()
            .map(|&leaf| {
                let entries = &lexicons[leaf].entries;
                let map = entries
                    .iter()
                    .enumerate()
                    .map(|(i, entry)| (entry.key.clone(), i))
                    .collect();
                let longest = entries.iter().map(|entry| entry.key.len()).max();
                (leaf, (map, longest.unwrap_or(0)))
            })
            .collect();
        LeafMaps { maps }
    }

    /// OpenCC's prefix match of `tree` (whose leaves these maps hold, over `lexicons`) at
    /// the start of `text` (semantics spec, section 3).
    pub fn evaluate<'a>(
        &self,
        tree: &DictTree<usize>,
        lexicons: &'a [Lexicon],
        text: &str,
    ) -> Option<Found<'a>> {
        match tree {
            DictTree::Leaf { leaf, .. } => {
                let (map, longest) = &self.maps[leaf];
                let mut ends: Vec<usize> = text
                    .char_indices()
                    .map(|(at, c)| at + c.len_utf8())
                    .take_while(|end| end <= longest)
                    .collect();
                ends.reverse();
                ends.into_iter().find_map(|end| {
                    map.get(&text[..end]).map(|&i| Found {
                        len: end,
                        leaf: *leaf,
                        entry: &lexicons[*leaf].entries[i],
                    })
                })
            }
            DictTree::Group {
                policy: MatchPolicy::ShortCircuit,
                members,
                ..
            } => members
                .iter()
                .find_map(|member| self.evaluate(member, lexicons, text)),
            DictTree::Group {
                policy: MatchPolicy::Union,
                members,
                ..
            } => members
                .iter()
                .filter_map(|member| self.evaluate(member, lexicons, text))
                .fold(None, |best: Option<Found<'a>>, found| match best {
                    Some(best) if best.len >= found.len => Some(best),
                    _ => Some(found),
                }),
        }
    }
}
