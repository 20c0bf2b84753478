//! OpenCC's JSON configuration format, read into trees of dictionary descriptions with the
//! rules of OpenCC 1.4.2's `Config.cpp` (semantics spec, section 2).
//!
//! This file uses only `std` (and `jsonc`): `build.rs` includes it to read the 16 built-in
//! configurations, and the crate uses it for configurations given at run time, so both read
//! the format the same way.
//!
//! What OpenCC 1.4.2 does, and so do we:
//! - `conversion_chain` is required and must be an array; `normalization` is optional;
//!   elements of either that are no objects are skipped, and an element without `dict` is
//!   an error;
//! - `segmentation` is optional; only `"type": "mmseg"` is built in (other types load
//!   plugins in OpenCC, which we do not have);
//! - a dictionary is `text` (a file), `inline` (`entries`: an object of non-empty strings,
//!   each value used verbatim, no `may_output_tofu`), `group` (`dicts`, an array of
//!   objects; `match_policy` `short_circuit`, the default, or `union`), or `ocd2`/`ocd`
//!   (binary formats, which we do not read: the error says to use the `.txt` form);
//! - `may_output_tofu`, where present, must be a boolean.
//!
//! Unknown members are ignored, as OpenCC ignores them (it only warns about the schema).

use std::fmt;

use crate::dict_tree::{DictTree, MatchPolicy};
use crate::jsonc::{self, Kind, Value};

/// How deep groups may nest. OpenCC has no limit; ours keeps ranks (one per member of a
/// `short_circuit` group) within what a trie node records.
pub const MAX_GROUP_DEPTH: usize = 16;

/// Where a dictionary's entries come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A text dictionary file, named as the configuration names it.
    Text(String),
    /// Entries written in the configuration (`"type": "inline"`), in order.
    Inline(Vec<(String, String)>),
}

/// One dictionary of a configuration and where the configuration describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DictSpec {
    /// Where the entries come from.
    pub source: Source,
    /// The JSON path of the dictionary's object, such as `conversion_chain[0].dict.dicts[1]`.
    pub json_path: String,
    /// The line where the dictionary's object starts.
    pub line: usize,
}

/// A configuration's stages, as trees of leaves of type `L`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigTrees<L> {
    /// The `normalization` chain, run over the whole text first.
    pub normalization: Vec<DictTree<L>>,
    /// The `segmentation` dictionary, if any.
    pub segmentation: Option<DictTree<L>>,
    /// The `conversion_chain`.
    pub conversion_chain: Vec<DictTree<L>>,
}

impl<L> ConfigTrees<L> {
    /// The same trees with every leaf mapped, stopping at the first error.
    pub fn try_map<M, E>(self, f: &mut impl FnMut(L) -> Result<M, E>) -> Result<ConfigTrees<M>, E> {
        let mut chain = |trees: Vec<DictTree<L>>| -> Result<Vec<DictTree<M>>, E> {
            trees.into_iter().map(|tree| tree.try_map(f)).collect()
        };
        let normalization = chain(self.normalization)?;
        let conversion_chain = chain(self.conversion_chain)?;
        Ok(ConfigTrees {
            normalization,
            segmentation: self.segmentation.map(|tree| tree.try_map(f)).transpose()?,
            conversion_chain,
        })
    }
}

/// Why a configuration cannot be read: what, and where (line and JSON path).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The 1-based line.
    pub line: usize,
    /// The JSON path of the offending value (`$` for the whole document); empty when the
    /// text is not JSON at all.
    pub json_path: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.json_path.is_empty() {
            write!(f, "line {}: {}", self.line, self.message)
        } else {
            write!(
                f,
                "line {}, at {}: {}",
                self.line, self.json_path, self.message
            )
        }
    }
}

/// Reads a configuration's text.
pub fn parse(text: &str) -> Result<ConfigTrees<DictSpec>, ConfigError> {
    let root = jsonc::parse(text).map_err(|e| ConfigError {
        line: e.line,
        json_path: String::new(),
        message: format!("column {}: {}", e.column, e.message),
    })?;
    let root = Node {
        value: &root,
        path: "$".to_owned(),
    };
    if !matches!(root.value.kind, Kind::Object(_)) {
        return Err(root.error(format!(
            "a configuration must be an object, not {}",
            root.value.kind.describe()
        )));
    }
    let chain = root
        .member("conversion_chain")
        .ok_or_else(|| root.error("the required member conversion_chain is missing"))?;
    Ok(ConfigTrees {
        normalization: match root.member("normalization") {
            Some(steps) => read_chain(&steps)?,
            None => Vec::new(),
        },
        segmentation: root
            .member("segmentation")
            .map(|node| read_segmentation(&node))
            .transpose()?,
        conversion_chain: read_chain(&chain)?,
    })
}

/// A value and its JSON path.
struct Node<'a> {
    value: &'a Value,
    path: String,
}

impl<'a> Node<'a> {
    fn error(&self, message: impl Into<String>) -> ConfigError {
        ConfigError {
            line: self.value.line,
            json_path: self.path.clone(),
            message: message.into(),
        }
    }

    fn member(&self, name: &str) -> Option<Node<'a>> {
        self.value.get(name).map(|value| Node {
            value,
            path: if self.path == "$" {
                name.to_owned()
            } else {
                format!("{}.{name}", self.path)
            },
        })
    }

    fn required(&self, name: &str) -> Result<Node<'a>, ConfigError> {
        self.member(name)
            .ok_or_else(|| self.error(format!("the required member {name:?} is missing")))
    }

    fn string(&self) -> Result<&'a str, ConfigError> {
        match &self.value.kind {
            Kind::String(s) => Ok(s),
            other => Err(self.error(format!("expected a string, found {}", other.describe()))),
        }
    }

    fn items(&self) -> Result<Vec<Node<'a>>, ConfigError> {
        match &self.value.kind {
            Kind::Array(items) => Ok(items
                .iter()
                .enumerate()
                .map(|(i, value)| Node {
                    value,
                    path: format!("{}[{i}]", self.path),
                })
                .collect()),
            other => Err(self.error(format!("expected an array, found {}", other.describe()))),
        }
    }
}

fn read_chain(steps: &Node<'_>) -> Result<Vec<DictTree<DictSpec>>, ConfigError> {
    steps
        .items()?
        .iter()
        .filter(|step| matches!(step.value.kind, Kind::Object(_)))
        .map(|step| read_dict(&step.required("dict")?, 0))
        .collect()
}

fn read_segmentation(node: &Node<'_>) -> Result<DictTree<DictSpec>, ConfigError> {
    let kind = node.required("type")?;
    match kind.string()? {
        "mmseg" => read_dict(&node.required("dict")?, 0),
        other => Err(kind.error(format!(
            "segmentation type {other:?} is not supported: only \"mmseg\" (forward longest \
             match) is built in"
        ))),
    }
}

fn read_dict(node: &Node<'_>, depth: usize) -> Result<DictTree<DictSpec>, ConfigError> {
    if !matches!(node.value.kind, Kind::Object(_)) {
        return Err(node.error(format!(
            "a dictionary must be an object, not {}",
            node.value.kind.describe()
        )));
    }
    let may_output_tofu = match node.member("may_output_tofu") {
        None => None,
        Some(flag) => match flag.value.kind {
            Kind::Bool(b) => Some(b),
            ref other => {
                return Err(flag.error(format!(
                    "may_output_tofu must be true or false, not {}",
                    other.describe()
                )));
            }
        },
    };
    let kind = node.required("type")?;
    let spec = |source| DictSpec {
        source,
        json_path: node.path.clone(),
        line: node.value.line,
    };
    Ok(match kind.string()? {
        "text" => DictTree::Leaf {
            leaf: spec(Source::Text(node.required("file")?.string()?.to_owned())),
            may_output_tofu: may_output_tofu.unwrap_or(false),
        },
        "inline" => {
            if may_output_tofu.is_some() {
                return Err(node.error("an inline dictionary cannot have may_output_tofu"));
            }
            DictTree::Leaf {
                leaf: spec(Source::Inline(read_inline(&node.required("entries")?)?)),
                may_output_tofu: false,
            }
        }
        "group" => {
            if depth == MAX_GROUP_DEPTH {
                return Err(node.error(format!("groups nest deeper than {MAX_GROUP_DEPTH}")));
            }
            let policy = match node.member("match_policy") {
                None => MatchPolicy::ShortCircuit,
                Some(policy) => match policy.string()? {
                    "short_circuit" => MatchPolicy::ShortCircuit,
                    "union" => MatchPolicy::Union,
                    other => {
                        return Err(policy.error(format!(
                            "unknown match_policy {other:?}: expected \"short_circuit\" or \"union\""
                        )));
                    }
                },
            };
            let members = node
                .required("dicts")?
                .items()?
                .iter()
                .map(|member| read_dict(member, depth + 1))
                .collect::<Result<_, _>>()?;
            DictTree::Group {
                policy,
                members,
                may_output_tofu: may_output_tofu.unwrap_or(false),
            }
        }
        binary @ ("ocd2" | "ocd") => {
            let file = node
                .member("file")
                .and_then(|f| f.string().ok())
                .unwrap_or("");
            return Err(kind.error(format!(
                "{binary} dictionaries ({file}) are not supported: use the text form, \
                 {{\"type\": \"text\", \"file\": \"NAME.txt\"}} (OpenCC's own dictionaries are \
                 built in under their .txt names; convert others with \
                 `opencc_dict -f {binary} -t text -i {file} -o NAME.txt`)"
            )));
        }
        other => {
            return Err(kind.error(format!(
                "unknown dictionary type {other:?}: expected \"text\", \"inline\" or \"group\""
            )));
        }
    })
}

fn read_inline(node: &Node<'_>) -> Result<Vec<(String, String)>, ConfigError> {
    let Kind::Object(members) = &node.value.kind else {
        return Err(node.error(format!(
            "entries must be an object of strings, not {}",
            node.value.kind.describe()
        )));
    };
    let mut entries: Vec<(String, String)> = Vec::with_capacity(members.len());
    for (key, value) in members {
        let here = Node {
            value,
            path: format!("{}[{key:?}]", node.path),
        };
        if key.is_empty() {
            return Err(here.error("an inline dictionary key must not be empty"));
        }
        let value = here.string()?;
        if value.is_empty() {
            return Err(here.error(format!("the value of {key:?} must not be empty")));
        }
        if entries.iter().any(|(seen, _)| seen == key) {
            return Err(here.error(format!("the key {key:?} is defined twice")));
        }
        entries.push((key.clone(), value.to_owned()));
    }
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_kind_of_dictionary() {
        let trees = parse(
            r#"{ // comment
              "segmentation": {"type": "mmseg", "dict": {"type": "text", "file": "S.txt"}},
              "conversion_chain": [
                7,
                {"dict": {"type": "group", "match_policy": "union", "dicts": [
                  {"type": "inline", "entries": {"a": "X Y"}},
                  {"type": "text", "file": "C.txt", "may_output_tofu": true},
                ]}},
              ],
            }"#,
        )
        .unwrap();
        assert!(trees.normalization.is_empty());
        assert_eq!(trees.conversion_chain.len(), 1);
        let DictTree::Group {
            policy, members, ..
        } = &trees.conversion_chain[0]
        else {
            panic!()
        };
        assert_eq!(*policy, MatchPolicy::Union);
        let DictTree::Leaf { leaf, .. } = &members[0] else {
            panic!()
        };
        assert_eq!(
            leaf.source,
            Source::Inline(vec![("a".into(), "X Y".into())])
        );
        assert_eq!(leaf.json_path, "conversion_chain[1].dict.dicts[0]");
        assert_eq!(leaf.line, 6);
        assert!(matches!(
            &members[1],
            DictTree::Leaf { may_output_tofu: true, leaf } if leaf.source == Source::Text("C.txt".into())
        ));
    }

    #[test]
    fn errors_name_the_json_path() {
        let error = parse("{\"conversion_chain\": [{\"dict\": {\"type\": \"group\", \"match_policy\": \"longest\", \"dicts\": []}}]}").unwrap_err();
        assert_eq!(error.json_path, "conversion_chain[0].dict.match_policy");
        assert!(error.message.contains("longest"));
        let error = parse("{}").unwrap_err();
        assert_eq!(error.json_path, "$");
    }
}
