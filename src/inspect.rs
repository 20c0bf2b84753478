//! Inspection: how a text converts, piece by piece, for proofreading (like OpenCC's
//! `--inspect` and `--ambiguities`).
//!
//! This is a slow, separate walk of OpenCC's algorithm over hash maps of the dictionaries'
//! text, so that it can say which dictionary decided each match and list every candidate.
//! Its segments' outputs add up to [`Converter::convert`](crate::Converter::convert)'s
//! output (a test checks this on real text).

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use crate::compile::{LeafMaps, Lexicon};
use crate::config_file::Resolved;
use crate::converter::{Engine, TofuRisk};
use crate::dict_tree::DictTree;
use crate::ids;
use crate::lexicon::Entry;
use crate::segment::{self, Scratch};
use crate::trie::Replacement;

/// How a text converts: its segments in order, and the ambiguous spots.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Inspection {
    /// The text in pieces; their sources add up to the text (after OpenCC's normalization
    /// of compatibility ideographs) and their outputs to the conversion.
    pub segments: Vec<Segment>,
    /// Every match of a dictionary entry that has more than one candidate.
    pub ambiguities: Vec<Ambiguity>,
}

/// A piece of the text that converts on its own.
///
/// Pieces follow OpenCC's segmentation (each match of the segmentation dictionary, each
/// run of unmatched characters), cut further wherever every conversion step has a match
/// boundary at the same place, so that a piece is as small as the conversion allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// The text of the piece.
    pub source: String,
    /// What it converts to.
    pub output: String,
    /// The dictionaries whose entries matched in it, in the order of the conversion steps:
    /// file names (`STPhrases.txt`), `inline at <JSON path>` for inline dictionaries,
    /// `user` for a user phrase and `protected` for a protected word. Empty when nothing
    /// matched and the piece is copied unchanged.
    pub dictionaries: Vec<String>,
}

/// A match of an entry with more than one candidate: the first one was used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ambiguity {
    /// The index of the segment it is in.
    pub segment: usize,
    /// The key that matched (in the text as its conversion step saw it).
    pub key: String,
    /// The entry's candidates, the first being the one used; empty candidates (from
    /// repeated spaces in a text dictionary) are left out.
    pub candidates: Vec<String>,
    /// The dictionary of the entry.
    pub dictionary: String,
}

/// What inspection reads, built on the first call and kept by the converter: the
/// configuration's dictionaries and a hash map of each.
pub(crate) struct Tables {
    resolved: Arc<Resolved>,
    segmentation: Option<(DictTree<usize>, LeafMaps)>,
    chain: Vec<(DictTree<usize>, LeafMaps)>,
}

impl Tables {
    pub(crate) fn new(resolved: Arc<Resolved>, tofu_risk: TofuRisk) -> Tables {
        let lexicons = &resolved.lexicons;
        let with_maps = |tree: DictTree<usize>| {
            let maps = LeafMaps::new(&tree, lexicons);
            (tree, maps)
        };
        let segmentation = resolved.trees.segmentation.clone().map(with_maps);
        let chain = resolved
            .trees
            .conversion_chain
            .iter()
            .filter_map(|tree| match tofu_risk {
                TofuRisk::Exclude => tree.without_tofu_risk(),
                TofuRisk::Include => Some(tree.clone()),
            })
            .map(with_maps)
            .collect();
        Tables {
            resolved,
            segmentation,
            chain,
        }
    }
}

pub(crate) fn inspect(engine: &Engine, tables: &Tables, text: &str) -> Inspection {
    let lexicons = &tables.resolved.lexicons;
    let mut inspector = Inspector {
        engine,
        lexicons,
        segmentation: tables
            .segmentation
            .as_ref()
            .map(|(tree, maps)| (tree, maps)),
        chain: tables
            .chain
            .iter()
            .map(|(tree, maps)| (tree, maps))
            .collect(),
        result: Inspection::default(),
    };
    match &engine.user {
        None => inspector.configured(text),
        Some(user) => {
            let mut gap_start = 0;
            segment::for_each_match(user.trie.view(), text.as_bytes(), |at, found| {
                if gap_start < at {
                    inspector.configured(&text[gap_start..at]);
                }
                let source = &text[at..at + found.len];
                gap_start = at + found.len;
                let output = match found.replacement {
                    Replacement::Keep => source.to_owned(),
                    Replacement::Char(c) => c.to_string(),
                    Replacement::Text(value) => value.to_owned(),
                };
                let name = if user.protected.contains(source) {
                    "protected"
                } else {
                    "user"
                };
                inspector.push(source, output, vec![name.to_owned()]);
            });
            if gap_start < text.len() {
                inspector.configured(&text[gap_start..]);
            }
        }
    }
    inspector.result
}

struct Inspector<'a> {
    engine: &'a Engine,
    lexicons: &'a [Lexicon],
    segmentation: Option<(&'a DictTree<usize>, &'a LeafMaps)>,
    chain: Vec<(&'a DictTree<usize>, &'a LeafMaps)>,
    result: Inspection,
}

/// One step's handling of a stretch of its input.
struct Unit<'a> {
    input: Range<usize>,
    output: Range<usize>,
    /// The lexicon and entry that matched, or `None` for a copied character or IDS.
    matched: Option<(usize, &'a Entry)>,
}

impl<'a> Inspector<'a> {
    /// Adds a segment, merging it into the previous one when neither had any match.
    fn push(&mut self, source: &str, output: String, dictionaries: Vec<String>) {
        let segments = &mut self.result.segments;
        if let Some(last) = segments.last_mut()
            && last.dictionaries.is_empty()
            && dictionaries.is_empty()
        {
            last.source.push_str(source);
            last.output.push_str(&output);
            return;
        }
        segments.push(Segment {
            source: source.to_owned(),
            output,
            dictionaries,
        });
    }

    /// Inspects a text with the configuration alone: normalization, segmentation, chain.
    fn configured(&mut self, text: &str) {
        let mut normalized = String::new();
        let text = if self.engine.normalization.may_change(text) {
            self.engine
                .normalization
                .run(text, &mut normalized, &mut Scratch::default());
            normalized.as_str()
        } else {
            text
        };
        let Some((tree, maps)) = &self.segmentation else {
            return self.segment(text);
        };
        let mut pieces = Vec::new();
        let (mut at, mut run_start) = (0, 0);
        while at < text.len() {
            match maps.evaluate(tree, self.lexicons, &text[at..]) {
                Some(found) => {
                    if run_start < at {
                        pieces.push(run_start..at);
                    }
                    pieces.push(at..at + found.len);
                    at += found.len;
                    run_start = at;
                }
                None => at += unit_len(text, at),
            }
        }
        if run_start < text.len() {
            pieces.push(run_start..text.len());
        }
        for piece in pieces {
            self.segment(&text[piece]);
        }
    }

    /// Runs one OpenCC segment through the chain, recording each step's units, and splits
    /// it where every step has a unit boundary.
    fn segment(&mut self, source: &str) {
        let mut texts = vec![source.to_owned()];
        let mut steps: Vec<Vec<Unit<'a>>> = Vec::new();
        for (tree, maps) in &self.chain {
            let input = texts.last().expect("the source is there");
            let mut output = String::new();
            let mut units = Vec::new();
            let mut at = 0;
            while at < input.len() {
                let start = output.len();
                let (len, matched) = match maps.evaluate(tree, self.lexicons, &input[at..]) {
                    Some(found) => {
                        output.push_str(&found.entry.candidates[0]);
                        (found.len, Some((found.leaf, found.entry)))
                    }
                    None => {
                        let len = unit_len(input, at);
                        output.push_str(&input[at..at + len]);
                        (len, None)
                    }
                };
                units.push(Unit {
                    input: at..at + len,
                    output: start..output.len(),
                    matched,
                });
                at += len;
            }
            texts.push(output);
            steps.push(units);
        }

        // Boundaries of the source that stay unit boundaries through every step, with
        // their position in each step's input and in the final output.
        let starts: Vec<HashMap<usize, usize>> = steps
            .iter()
            .map(|units| {
                units
                    .iter()
                    .map(|u| (u.input.start, u.output.start))
                    .collect()
            })
            .collect();
        let mut cuts: Vec<Vec<usize>> = Vec::new();
        let candidates: Vec<usize> = match steps.first() {
            Some(units) => units.iter().map(|u| u.input.start).collect(),
            None => vec![0],
        };
        for start in candidates.into_iter().chain([source.len()]) {
            let mut positions = vec![start];
            let mut position = start;
            let mut kept = true;
            for (k, step_starts) in starts.iter().enumerate() {
                position = match step_starts.get(&position) {
                    Some(&out) => out,
                    None if position == texts[k].len() => texts[k + 1].len(),
                    None => {
                        kept = false;
                        break;
                    }
                };
                positions.push(position);
            }
            if kept {
                cuts.push(positions);
            }
        }

        let last = texts.len() - 1;
        for pair in cuts.windows(2) {
            let (from, to) = (&pair[0], &pair[1]);
            let mut dictionaries: Vec<String> = Vec::new();
            let mut ambiguities = Vec::new();
            for (k, units) in steps.iter().enumerate() {
                for unit in units
                    .iter()
                    .filter(|u| u.input.start >= from[k] && u.input.end <= to[k])
                {
                    let Some((leaf, entry)) = unit.matched else {
                        continue;
                    };
                    let name = &self.lexicons[leaf].name;
                    if !dictionaries.contains(name) {
                        dictionaries.push(name.clone());
                    }
                    let candidates: Vec<String> = entry
                        .candidates
                        .iter()
                        .filter(|c| !c.is_empty())
                        .cloned()
                        .collect();
                    if candidates.len() > 1 {
                        ambiguities.push((
                            texts[k][unit.input.clone()].to_owned(),
                            candidates,
                            name.clone(),
                        ));
                    }
                }
            }
            self.push(
                &source[from[0]..to[0]],
                texts[last][from[last]..to[last]].to_owned(),
                dictionaries,
            );
            let segment = self.result.segments.len() - 1;
            self.result.ambiguities.extend(ambiguities.into_iter().map(
                |(key, candidates, dictionary)| Ambiguity {
                    segment,
                    key,
                    candidates,
                    dictionary,
                },
            ));
        }
    }
}

/// The length of the unit a step copies where nothing matches: a complete ideographic
/// description sequence, or one character.
fn unit_len(text: &str, at: usize) -> usize {
    ids::sequence_len(&text.as_bytes()[at..])
        .unwrap_or_else(|| text[at..].chars().next().map_or(1, char::len_utf8))
}
