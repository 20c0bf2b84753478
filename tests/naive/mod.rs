//! A slow, obviously-correct reference implementation of OpenCC 1.4.2's conversion, written
//! from `../shared/spec/opencc-1.4-semantics.md` and independent of the engine in `src/`.
//!
//! It reads the vendored configs and text dictionaries at run time, keeps every dictionary
//! as a `HashMap` from key to first candidate, and finds the longest match by looking up
//! every prefix of the remaining text. Nothing here is shared with the engine, so that the
//! property tests compare two implementations that can only agree by both being right.
//!
//! The one deliberate difference from OpenCC is also the engine's: a NUL byte is an
//! ordinary character. OpenCC cuts every segment of a segmented config at its first NUL
//! (spec §7.3); this reference does not.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use fanjian::TofuRisk;
use serde_json::Value;

/// The IDS limits of `UTF8Util::NextIdeographicDescriptionSequenceLength` (spec §7.2).
const MAX_IDS_DEPTH: usize = 16;
const MAX_IDS_CODE_POINTS: usize = 64;

/// One text dictionary: each key with its first candidate.
#[derive(Debug)]
pub struct Lexicon {
    entries: HashMap<String, String>,
    /// The byte length of the longest key, so that matching tries no longer prefix.
    longest_key: usize,
}

impl Lexicon {
    /// Parses OpenCC's text dictionary format exactly as `Lexicon::ParseLexiconFromBuffer`
    /// does (spec §4), panicking where OpenCC would refuse to load the file.
    pub fn parse(text: &str) -> Lexicon {
        // A BOM is skipped at the start of the file only; anywhere else it is part of a key.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut entries = HashMap::new();
        for (number, line) in text.split('\n').enumerate() {
            let line = line.strip_suffix('\r').unwrap_or(line);
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            // OpenCC parses the line as a C string in which `\r` and NUL also end the line:
            // `a\tA\rb\tB` reads as `a -> A`, and a line starting with `\r` is skipped.
            let line = &line[..line.find(['\r', '\0']).unwrap_or(line.len())];
            if line.is_empty() {
                continue;
            }
            let Some((key, candidates)) = line.split_once('\t') else {
                panic!("line {}: Tabular not found: {line:?}", number + 1);
            };
            // Every single space starts a new candidate, so the first one may be empty (the
            // key is then deleted from the output), and may contain a tab.
            let first = candidates.split(' ').next().unwrap_or_default();
            if entries.insert(key.to_owned(), first.to_owned()).is_some() {
                panic!("line {}: duplicated key {key:?}", number + 1);
            }
        }
        let longest_key = entries.keys().map(String::len).max().unwrap_or(0);
        Lexicon {
            entries,
            longest_key,
        }
    }

    /// Every key with its value, in no particular order.
    pub fn entries(&self) -> impl Iterator<Item = (&str, &str)> {
        self.entries
            .iter()
            .map(|(key, value)| (key.as_str(), value.as_str()))
    }

    /// The longest key that is a prefix of `text`, with its value. An empty key never
    /// matches, because prefixes are tried from one character up.
    fn longest_prefix<'a>(&'a self, text: &str) -> Option<Match<'a>> {
        (1..=self.longest_key.min(text.len()))
            .rev()
            .filter(|&len| text.is_char_boundary(len))
            .find_map(|len| {
                self.entries.get(&text[..len]).map(|value| Match {
                    key_len: len,
                    value,
                })
            })
    }
}

/// A dictionary match: how many bytes of the text it covers and what replaces them.
#[derive(Debug, Clone, Copy)]
struct Match<'a> {
    key_len: usize,
    value: &'a str,
}

/// How a group chooses among its children's matches (spec §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MatchPolicy {
    /// The first child that matches anything wins, even if a later one matches more.
    ShortCircuit,
    /// The longest match over all children wins; on equal length, the earlier child.
    Union,
}

/// A dictionary of a config: a text file, or a group of dictionaries.
#[derive(Debug)]
enum Dict {
    Leaf(Arc<Lexicon>),
    Group(MatchPolicy, Vec<Dict>),
}

impl Dict {
    fn longest_prefix(&self, text: &str) -> Option<Match<'_>> {
        match self {
            Dict::Leaf(lexicon) => lexicon.longest_prefix(text),
            Dict::Group(MatchPolicy::ShortCircuit, children) => {
                children.iter().find_map(|child| child.longest_prefix(text))
            }
            Dict::Group(MatchPolicy::Union, children) => {
                let mut best: Option<Match<'_>> = None;
                for found in children
                    .iter()
                    .filter_map(|child| child.longest_prefix(text))
                {
                    // Strictly longer: on a tie the earlier child keeps the match.
                    if best.is_none_or(|best| found.key_len > best.key_len) {
                        best = Some(found);
                    }
                }
                best
            }
        }
    }

    fn lexicons<'a>(&'a self, out: &mut Vec<&'a Lexicon>) {
        match self {
            Dict::Leaf(lexicon) => out.push(lexicon),
            Dict::Group(_, children) => children.iter().for_each(|child| child.lexicons(out)),
        }
    }
}

/// A config read from OpenCC's JSON: the normalization stage, then the main stage.
#[derive(Debug)]
pub struct Naive {
    normalization: Vec<Dict>,
    segmentation: Option<Dict>,
    conversion_chain: Vec<Dict>,
}

/// Reads configs and dictionaries from a data folder, parsing each dictionary once.
#[derive(Debug)]
pub struct Loader {
    dir: PathBuf,
    lexicons: HashMap<String, Arc<Lexicon>>,
}

impl Loader {
    /// A loader for the folder that holds the `.txt` dictionaries and `config/`.
    pub fn new(dir: impl Into<PathBuf>) -> Loader {
        Loader {
            dir: dir.into(),
            lexicons: HashMap::new(),
        }
    }

    /// Loads `config/<name>.json` as OpenCC's library would, with the tofu-risk
    /// dictionaries included or left out (spec §2, §8).
    pub fn load(&mut self, name: &str, tofu_risk: TofuRisk) -> Naive {
        let path = self.dir.join("config").join(format!("{name}.json"));
        let json: Value = serde_json::from_str(&read(&path)).unwrap_or_else(|error| {
            panic!("{}: {error}", path.display());
        });
        let include_tofu = tofu_risk == TofuRisk::Include;
        let normalization = match json.get("normalization") {
            Some(chain) => self.chain(chain, include_tofu),
            None => Vec::new(),
        };
        let segmentation = json.get("segmentation").map(|segmentation| {
            let kind = segmentation["type"].as_str();
            assert_eq!(
                kind,
                Some("mmseg"),
                "{name}: only mmseg segmentation is built in"
            );
            // OpenCC always loads the segmentation dictionary with the tofu-risk ones.
            self.dict(&segmentation["dict"], true)
                .unwrap_or_else(|| panic!("{name}: the segmentation dictionary is empty"))
        });
        let conversion_chain = self.chain(&json["conversion_chain"], include_tofu);
        Naive {
            normalization,
            segmentation,
            conversion_chain,
        }
    }

    /// A chain: its steps in order, leaving out non-object elements and the steps whose
    /// dictionary was dropped.
    fn chain(&mut self, chain: &Value, include_tofu: bool) -> Vec<Dict> {
        let steps = chain.as_array().expect("a chain is an array");
        steps
            .iter()
            .filter(|step| step.is_object())
            .filter_map(|step| self.dict(&step["dict"], include_tofu))
            .collect()
    }

    /// A dictionary, or `None` when it is dropped: marked `may_output_tofu` while those
    /// are left out, or a group left with no children.
    fn dict(&mut self, dict: &Value, include_tofu: bool) -> Option<Dict> {
        if !include_tofu && dict["may_output_tofu"].as_bool() == Some(true) {
            return None;
        }
        match dict["type"].as_str() {
            Some("text") => {
                let file = dict["file"]
                    .as_str()
                    .expect("a text dictionary names its file");
                Some(Dict::Leaf(self.lexicon(file)))
            }
            Some("group") => {
                let policy = match dict.get("match_policy").map(Value::as_str) {
                    None | Some(Some("short_circuit")) => MatchPolicy::ShortCircuit,
                    Some(Some("union")) => MatchPolicy::Union,
                    Some(other) => panic!("unknown match_policy {other:?}"),
                };
                let members = dict["dicts"].as_array().expect("a group has `dicts`");
                let children: Vec<Dict> = members
                    .iter()
                    .filter_map(|member| self.dict(member, include_tofu))
                    .collect();
                (!children.is_empty()).then_some(Dict::Group(policy, children))
            }
            other => panic!("dictionary type {other:?} is not used by the built-in configs"),
        }
    }

    fn lexicon(&mut self, file: &str) -> Arc<Lexicon> {
        let dir = &self.dir;
        let lexicon = self
            .lexicons
            .entry(file.to_owned())
            .or_insert_with(|| Arc::new(Lexicon::parse(&read(&dir.join(file)))));
        Arc::clone(lexicon)
    }
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

impl Naive {
    /// Converts `text`: the normalization chain over the whole text, then the main stage.
    pub fn convert(&self, text: &str) -> String {
        let normalized = run_chain(&self.normalization, text);
        match &self.segmentation {
            None => run_chain(&self.conversion_chain, &normalized),
            // Every segment goes through the whole chain on its own (spec §5).
            Some(dict) => segment(dict, &normalized)
                .into_iter()
                .map(|segment| run_chain(&self.conversion_chain, segment))
                .collect(),
        }
    }

    /// Every dictionary of the config, in both stages and the segmentation, with repeats.
    pub fn lexicons(&self) -> Vec<&Lexicon> {
        let mut out = Vec::new();
        let dicts = self
            .normalization
            .iter()
            .chain(&self.segmentation)
            .chain(&self.conversion_chain);
        dicts.for_each(|dict| dict.lexicons(&mut out));
        out
    }
}

fn run_chain(chain: &[Dict], text: &str) -> String {
    chain
        .iter()
        .fold(text.to_owned(), |text, dict| convert_step(dict, &text))
}

/// One chain step: the longest match is replaced by its value; at a position without a
/// match, a complete IDS or else one character is copied.
fn convert_step(dict: &Dict, text: &str) -> String {
    let mut out = String::new();
    let mut at = 0;
    while at < text.len() {
        let rest = &text[at..];
        match dict.longest_prefix(rest) {
            Some(found) => {
                out.push_str(found.value);
                at += found.key_len;
            }
            None => {
                let len = unmatched_len(rest);
                out.push_str(&rest[..len]);
                at += len;
            }
        }
    }
    out
}

/// Forward longest-match segmentation: every match is a segment of its own, and each run
/// of unmatched characters and IDS between matches is one segment.
fn segment<'a>(dict: &Dict, text: &'a str) -> Vec<&'a str> {
    let mut segments = Vec::new();
    let mut run_start = 0;
    let mut at = 0;
    while at < text.len() {
        match dict.longest_prefix(&text[at..]) {
            Some(found) => {
                if run_start < at {
                    segments.push(&text[run_start..at]);
                }
                segments.push(&text[at..at + found.key_len]);
                at += found.key_len;
                run_start = at;
            }
            None => at += unmatched_len(&text[at..]),
        }
    }
    if run_start < at {
        segments.push(&text[run_start..]);
    }
    segments
}

/// The length of the unit copied where nothing matches: a complete IDS, or one character.
fn unmatched_len(text: &str) -> usize {
    let first = text.chars().next().expect("unmatched_len on empty text");
    if operator_arity(first) > 0 {
        let mut code_points = 0;
        if let Ids::Complete(len) = consume_ids(text, MAX_IDS_DEPTH, &mut code_points) {
            return len;
        }
    }
    first.len_utf8()
}

/// The result of parsing an ideographic description sequence.
enum Ids {
    /// A complete sequence of this many bytes.
    Complete(usize),
    /// The text ends before the sequence does.
    Incomplete,
    /// The sequence is too deep or too long.
    Invalid,
}

/// A line-by-line port of `UTF8Util::ConsumeIdeographicDescriptionSequence`: an operator
/// followed by its operands, each an IDS or any single character. `code_points` counts
/// across the whole sequence, and its limit is checked before each code point.
fn consume_ids(text: &str, depth_left: usize, code_points: &mut usize) -> Ids {
    let Some(first) = text.chars().next() else {
        return Ids::Incomplete;
    };
    if depth_left == 0 || *code_points >= MAX_IDS_CODE_POINTS {
        return Ids::Invalid;
    }
    *code_points += 1;
    let mut len = first.len_utf8();
    for _ in 0..operator_arity(first) {
        if len >= text.len() {
            return Ids::Incomplete;
        }
        match consume_ids(&text[len..], depth_left - 1, code_points) {
            Ids::Complete(operand) => len += operand,
            not_complete => return not_complete,
        }
    }
    Ids::Complete(len)
}

/// How many operands an IDS operator takes; 0 for every other character. U+31EF is not
/// an operator for OpenCC 1.4.2.
fn operator_arity(c: char) -> usize {
    match c {
        '\u{2FF2}' | '\u{2FF3}' => 3,
        '\u{2FFE}' | '\u{2FFF}' => 1,
        '\u{2FF0}'..='\u{2FFF}' => 2,
        _ => 0,
    }
}
