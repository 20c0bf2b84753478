//! OpenCC configuration files loaded at run time: [`ConfigFile`].

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::builtin_text;
use crate::compile::{Compiler, Lexicon, Plan};
use crate::lexicon;
use crate::opencc_config::{self, ConfigTrees, DictSpec, Source};
use crate::trie::Trie;
use crate::{Config, Error};

/// An OpenCC 1.4.2 configuration file (`s2twp.json`, or one of your own), loaded with its
/// dictionaries and compiled, ready to build converters from.
///
/// Everything an OpenCC 1.4.2 configuration can hold is read: `normalization`,
/// `segmentation` (`mmseg`), `conversion_chain`, dictionaries of type `text` (OpenCC's text
/// format, its quirks included), `inline` and `group` (`match_policy` `short_circuit`, the
/// default, or `union`), and `may_output_tofu`. Comments and trailing commas are allowed.
/// Binary `ocd2`/`ocd` dictionaries are not read: the error says to use the `.txt` form.
///
/// A text dictionary's `file` is looked for, in order: as given if it is an absolute path;
/// in the configuration file's folder; in each search path, in order; and last, when its
/// name is one of OpenCC's own dictionaries (`STPhrases.txt`, `TWVariants.txt`, ...), the
/// copy built into this crate. A file beside the configuration therefore overrides the
/// built-in copy of the same name.
///
/// ```
/// use fanjian::{Config, ConfigFile, Converter};
///
/// let file = ConfigFile::load("data/opencc/config/s2twp.json")?;
/// let converter = Converter::from_file(&file);
/// assert_eq!(converter.convert("鼠标和软件"), Converter::new(Config::S2TWP).convert("鼠标和软件"));
/// # Ok::<(), fanjian::Error>(())
/// ```
#[derive(Clone)]
pub struct ConfigFile {
    pub(crate) loaded: Arc<Loaded>,
}

/// A configuration's trees, dictionaries and compiled tries.
pub(crate) struct Loaded {
    pub(crate) path: PathBuf,
    pub(crate) resolved: Arc<Resolved>,
    pub(crate) tries: Vec<Trie>,
    /// With tofu-risk dictionaries, then without.
    pub(crate) plans: [Plan; 2],
}

/// A configuration's trees over its dictionaries, read and parsed.
pub(crate) struct Resolved {
    pub(crate) trees: ConfigTrees<usize>,
    pub(crate) lexicons: Vec<Lexicon>,
}

impl ConfigFile {
    /// Loads a configuration file, finding its dictionaries beside it (or built in).
    pub fn load(path: impl AsRef<Path>) -> Result<ConfigFile, Error> {
        ConfigFile::load_with_search_paths(path, &[] as &[&Path])
    }

    /// Loads a configuration file, finding its dictionaries beside it, then in each of
    /// `search_paths` in order (or built in).
    pub fn load_with_search_paths<P: AsRef<Path>>(
        path: impl AsRef<Path>,
        search_paths: &[P],
    ) -> Result<ConfigFile, Error> {
        let path = path.as_ref();
        let name = path.display().to_string();
        let text = std::fs::read(path)
            .map_err(|e| config_error(&name, None, None, format!("cannot read it: {e}")))?;
        let text = String::from_utf8(text)
            .map_err(|_| config_error(&name, None, None, "the file is not valid UTF-8".into()))?;
        let mut dirs: Vec<PathBuf> = Vec::new();
        dirs.push(
            path.parent()
                .filter(|dir| !dir.as_os_str().is_empty())
                .unwrap_or(Path::new("."))
                .to_path_buf(),
        );
        dirs.extend(search_paths.iter().map(|dir| dir.as_ref().to_path_buf()));
        let source = resolve(&name, &text, &dirs)?;
        let mut compiler = Compiler::new(&source.lexicons);
        let compile_error =
            |e: crate::compile::CompileError| config_error(&name, None, None, e.to_string());
        let plans = [
            compiler.plan(&source.trees, false).map_err(compile_error)?,
            compiler.plan(&source.trees, true).map_err(compile_error)?,
        ];
        let tries = compiler
            .tries
            .into_iter()
            .map(|(_, tables)| Trie::from_tables(tables))
            .collect();
        Ok(ConfigFile {
            loaded: Arc::new(Loaded {
                path: path.to_path_buf(),
                resolved: Arc::new(source),
                tries,
                plans,
            }),
        })
    }

    /// The path the configuration was loaded from.
    pub fn path(&self) -> &Path {
        &self.loaded.path
    }
}

impl std::fmt::Debug for ConfigFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ConfigFile")
            .field("path", &self.loaded.path)
            .finish()
    }
}

fn config_error(
    file: &str,
    line: Option<usize>,
    json_path: Option<String>,
    message: String,
) -> Error {
    Error::Config {
        file: file.to_owned(),
        line,
        json_path,
        message,
    }
}

/// The trees and dictionaries of a built-in configuration, from the embedded copies.
pub(crate) fn resolve_builtin(config: Config) -> Result<Resolved, Error> {
    resolve(
        &format!("{}.json", config.name()),
        builtin_text::config_json(config),
        &[],
    )
}

/// Parses a configuration's text and reads each dictionary it names once.
fn resolve(name: &str, text: &str, dirs: &[PathBuf]) -> Result<Resolved, Error> {
    let trees = opencc_config::parse(text).map_err(|e| {
        config_error(
            name,
            Some(e.line),
            Some(e.json_path).filter(|p| !p.is_empty()),
            e.message,
        )
    })?;
    let mut lexicons: Vec<Lexicon> = Vec::new();
    // Where each text dictionary was found, so that a file named twice is read once.
    let mut found: Vec<String> = Vec::new();
    let trees = trees.try_map(&mut |spec: DictSpec| -> Result<usize, Error> {
        let named_by = format!("named by {name} line {}, at {}", spec.line, spec.json_path);
        let (location, short_name, entries) = match spec.source {
            Source::Inline(entries) => (
                format!("inline at {}", spec.json_path),
                None,
                entries
                    .into_iter()
                    .map(|(key, value)| lexicon::Entry {
                        key,
                        candidates: vec![value],
                    })
                    .collect(),
            ),
            Source::Text(file) => {
                let (location, bytes) = read_dictionary(&file, dirs).map_err(|message| {
                    config_error(
                        name,
                        Some(spec.line),
                        Some(format!("{}.file", spec.json_path)),
                        message,
                    )
                })?;
                if let Some(id) = found.iter().position(|seen| *seen == location) {
                    return Ok(id);
                }
                let entries = lexicon::parse(&bytes).map_err(|e| Error::Dictionary {
                    file: location.clone(),
                    line: Some(e.line),
                    message: format!("{} ({named_by})", e.kind),
                })?;
                (location, Some(display_name(&file)), entries)
            }
        };
        // Inspection names a dictionary by its file name; the name must be unique, as
        // equal names mean equal dictionaries to the compiler.
        let name = match short_name {
            Some(short) if !lexicons.iter().any(|lexicon| lexicon.name == short) => short,
            _ => location.clone(),
        };
        found.push(location);
        lexicons.push(Lexicon { name, entries });
        Ok(lexicons.len() - 1)
    })?;
    Ok(Resolved { trees, lexicons })
}

/// The name a dictionary goes by in inspection: a file's name without its folder.
fn display_name(file: &str) -> String {
    Path::new(file)
        .file_name()
        .map_or(file.to_owned(), |name| name.to_string_lossy().into_owned())
}

/// Finds and reads a text dictionary: where it was found, and its bytes.
fn read_dictionary(file: &str, dirs: &[PathBuf]) -> Result<(String, Vec<u8>), String> {
    let candidates: Vec<PathBuf> = if Path::new(file).is_absolute() {
        vec![PathBuf::from(file)]
    } else {
        dirs.iter().map(|dir| dir.join(file)).collect()
    };
    for path in &candidates {
        match std::fs::read(path) {
            Ok(bytes) => return Ok((path.display().to_string(), bytes)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
        }
    }
    if let Some(text) = builtin_text::dictionary(file) {
        return Ok((format!("built-in {file}"), text.as_bytes().to_vec()));
    }
    let searched: Vec<String> = candidates.iter().map(|p| p.display().to_string()).collect();
    Err(format!(
        "dictionary file {file:?} not found (looked for {}) and no built-in dictionary has that name",
        searched.join(", ")
    ))
}
