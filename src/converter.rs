//! [`Converter`] and its builder: the public face of conversion.

use std::collections::HashSet;
use std::fmt;
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, OnceLock};

use crate::builtin;
use crate::config_file::{self, ConfigFile};
use crate::ids;
use crate::inspect::{self, Inspection};
use crate::lexicon;
use crate::parallel;
use crate::segment::{Scratch, Stage};
use crate::stream::{self, Batching};
use crate::trie::Replacement;
use crate::trie::builder::{MAX_KEY_BYTES, RankedEntry};
use crate::user_words::UserWords;
use crate::{Config, Error};

/// Whether dictionaries marked `may_output_tofu` are used.
///
/// OpenCC 1.4.2 marks one dictionary so, `TSCharactersExt` (in t2s, tw2s, tw2sp, hk2s and
/// hk2sp): it maps some Traditional characters to Simplified forms that many fonts lack
/// ("tofu"). OpenCC's library uses it, its command-line tool does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum TofuRisk {
    /// Use them, as OpenCC's library does (the default).
    #[default]
    Include,
    /// Leave them out, as OpenCC's command-line tool does.
    Exclude,
}

/// Converts Chinese text as one OpenCC configuration does, byte for byte.
///
/// Built once, used through `&self` from any number of threads; cloning is cheap (the
/// dictionaries are shared). Building a converter for a built-in configuration parses
/// nothing and cannot fail.
///
/// ```
/// use fanjian::{Config, Converter};
///
/// let s2t = Converter::new(Config::S2T);
/// assert_eq!(s2t.convert("我的头发，干部们的意见"), "我的頭髮，幹部們的意見");
/// let s2twp = Converter::new(Config::S2TWP);
/// assert_eq!(s2twp.convert("鼠标和软件"), "滑鼠和軟體");
/// ```
#[derive(Clone)]
pub struct Converter {
    engine: Arc<Engine>,
}

/// The stages of a configuration.
pub(crate) struct Engine {
    origin: Origin,
    pub(crate) tofu_risk: TofuRisk,
    /// OpenCC's normalization stage (compatibility ideographs), run over the whole text.
    pub(crate) normalization: Stage,
    /// The segmentation and the conversion chain.
    pub(crate) conversion: Stage,
    /// User phrases and protected words, found before anything else.
    pub(crate) user: Option<UserWords>,
    /// What inspection reads, built the first time it is needed (built-in configurations
    /// read their embedded dictionary text then).
    inspection: OnceLock<inspect::Tables>,
}

/// Where a converter's configuration comes from.
#[derive(Clone)]
enum Origin {
    Builtin(Config),
    File(ConfigFile),
}

/// Builds a [`Converter`] with options: tofu-risk dictionaries, user phrases and
/// protected words.
///
/// ```
/// use fanjian::{Config, Converter, TofuRisk};
///
/// let library = Converter::new(Config::T2S);
/// let cli_like = Converter::builder(Config::T2S).tofu_risk(TofuRisk::Exclude).build();
/// assert_eq!(library.convert("殢"), "𣨼");
/// assert_eq!(cli_like.convert("殢"), "殢");
/// ```
///
/// # User phrases and protected words
///
/// User phrases and protected words come first: the text is scanned for them alone, left
/// to right, taking the longest one that starts at each position (OpenCC's forward longest
/// match, over the user's words only). Each one found is written as given (a protected
/// word unchanged), and never goes through the configuration's dictionaries. The stretches
/// between them are converted by the configuration as usual, each on its own. So a user
/// phrase wins even where a built-in phrase would have matched longer, or would have
/// started earlier and covered part of it.
///
/// A word given both as a user phrase and as protected stays protected; a phrase given
/// twice keeps the later value. User phrases are matched in the text as given, before
/// OpenCC's normalization of compatibility ideographs.
///
/// ```
/// use fanjian::{Config, Converter};
///
/// let text = "我们在干净的干锅里做干锅鸡";
/// assert_eq!(Converter::new(Config::S2TW).convert(text), "我們在乾淨的乾鍋裡做乾鍋雞");
/// let custom = Converter::builder(Config::S2TW)
///     .user_phrases([("干锅", "乾鍋"), ("干锅鸡", "干鍋雞")])?
///     .protect(["们"])?
///     .build();
/// assert_eq!(custom.convert(text), "我们在乾淨的乾鍋裡做干鍋雞");
/// # Ok::<(), fanjian::Error>(())
/// ```
#[derive(Clone)]
pub struct ConverterBuilder {
    origin: Origin,
    tofu_risk: TofuRisk,
    /// User phrases in the order given.
    phrases: Vec<(String, String)>,
    protected: Vec<String>,
    /// Every character in a user key, and the bytes of the values: the trie's limits are
    /// checked as words are added, so that `build` cannot fail.
    key_chars: HashSet<char>,
    value_bytes: usize,
}

impl fmt::Debug for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Builtin(config) => write!(f, "{config}"),
            Origin::File(file) => write!(f, "{}", file.path().display()),
        }
    }
}

impl fmt::Debug for ConverterBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ConverterBuilder")
            .field("config", &self.origin)
            .field("tofu_risk", &self.tofu_risk)
            .field("user_phrases", &self.phrases.len())
            .field("protected", &self.protected.len())
            .finish()
    }
}

impl ConverterBuilder {
    fn new(origin: Origin) -> ConverterBuilder {
        ConverterBuilder {
            origin,
            tofu_risk: TofuRisk::default(),
            phrases: Vec::new(),
            protected: Vec::new(),
            key_chars: HashSet::new(),
            value_bytes: 0,
        }
    }

    /// Whether to use the dictionaries that may output characters fonts lack; see
    /// [`TofuRisk`].
    pub fn tofu_risk(&mut self, tofu_risk: TofuRisk) -> &mut Self {
        self.tofu_risk = tofu_risk;
        self
    }

    /// Adds user phrases: each key is written as its value wherever the scan for user
    /// words finds it (see the type's documentation). Empty keys are ignored. An error
    /// only when the words exceed the matcher's limits (a key over 16 MiB, more than
    /// 65,534 distinct characters in keys, 4 GiB of values).
    pub fn user_phrases<K: AsRef<str>, V: AsRef<str>>(
        &mut self,
        phrases: impl IntoIterator<Item = (K, V)>,
    ) -> Result<&mut Self, Error> {
        for (key, value) in phrases {
            let (key, value) = (key.as_ref(), value.as_ref());
            if !key.is_empty() {
                self.check_limits(key, value)?;
                self.phrases.push((key.to_owned(), value.to_owned()));
            }
        }
        Ok(self)
    }

    /// Adds user phrases written in OpenCC's text dictionary format (a key, a tab, the
    /// value; `#` comment lines; the first of several space-separated candidates is
    /// used). A malformed line is an error naming it, as "user phrases".
    pub fn user_phrases_str(&mut self, text: &str) -> Result<&mut Self, Error> {
        self.user_phrases_text("user phrases", text.as_bytes())
    }

    /// Adds user phrases from a file in OpenCC's text dictionary format.
    pub fn user_phrases_file(&mut self, path: impl AsRef<Path>) -> Result<&mut Self, Error> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|e| Error::Dictionary {
            file: path.display().to_string(),
            line: None,
            message: format!("cannot read it: {e}"),
        })?;
        self.user_phrases_text(&path.display().to_string(), &bytes)
    }

    fn user_phrases_text(&mut self, name: &str, bytes: &[u8]) -> Result<&mut Self, Error> {
        let entries = lexicon::parse(bytes).map_err(|e| Error::Dictionary {
            file: name.to_owned(),
            line: Some(e.line),
            message: e.kind.to_string(),
        })?;
        self.user_phrases(
            entries
                .into_iter()
                .map(|mut entry| (entry.key, entry.candidates.swap_remove(0))),
        )
    }

    /// Adds protected words and characters, which are never converted (names, brands,
    /// Cantonese 係). Empty words are ignored; limits as for [`Self::user_phrases`].
    pub fn protect<S: AsRef<str>>(
        &mut self,
        words: impl IntoIterator<Item = S>,
    ) -> Result<&mut Self, Error> {
        for word in words {
            let word = word.as_ref();
            if !word.is_empty() {
                self.check_limits(word, "")?;
                self.protected.push(word.to_owned());
            }
        }
        Ok(self)
    }

    /// Adds protected words from a file: one per line (a line's text before a tab, if it
    /// has one, so a dictionary file works too); empty lines and lines starting with `#`
    /// are skipped, and a line's final carriage return is dropped.
    pub fn protect_file(&mut self, path: impl AsRef<Path>) -> Result<&mut Self, Error> {
        let path = path.as_ref();
        let dictionary_error = |line: Option<usize>, message| Error::Dictionary {
            file: path.display().to_string(),
            line,
            message,
        };
        let bytes = std::fs::read(path)
            .map_err(|e| dictionary_error(None, format!("cannot read it: {e}")))?;
        let text = match std::str::from_utf8(&bytes) {
            Ok(text) => text,
            Err(e) => {
                let line = bytes[..e.valid_up_to()]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count()
                    + 1;
                return Err(dictionary_error(Some(line), "invalid UTF-8".into()));
            }
        };
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        let words = text
            .split('\n')
            .map(|line| line.strip_suffix('\r').unwrap_or(line))
            .filter(|line| !line.starts_with('#'))
            .map(|line| line.split('\t').next().unwrap_or(line));
        self.protect(words)
    }

    fn check_limits(&mut self, key: &str, value: &str) -> Result<(), Error> {
        let limit = |what: &str| Error::Dictionary {
            file: "user phrases".into(),
            line: None,
            message: format!(
                "{what} (key {:?})",
                key.chars().take(20).collect::<String>()
            ),
        };
        if key.len() > MAX_KEY_BYTES {
            return Err(limit("a key longer than 16 MiB"));
        }
        self.key_chars.extend(key.chars());
        if self.key_chars.len() >= usize::from(u16::MAX) {
            return Err(limit("more than 65,534 distinct characters in keys"));
        }
        self.value_bytes += value.len();
        if self.value_bytes >= u32::MAX as usize {
            return Err(limit("more than 4 GiB of values"));
        }
        Ok(())
    }

    /// Builds the converter.
    pub fn build(&self) -> Converter {
        let tofu = match self.tofu_risk {
            TofuRisk::Include => 0,
            TofuRisk::Exclude => 1,
        };
        let (normalization, conversion) = match &self.origin {
            Origin::Builtin(config) => {
                let plan = &builtin::PLANS[config.index()][tofu];
                let tries = |ids: &[usize]| ids.iter().map(|&id| builtin::trie(id)).collect();
                (
                    Stage {
                        segmentation: None,
                        chain: tries(plan.normalization),
                        segment_ranks: 0,
                    },
                    Stage {
                        segmentation: plan.segmentation.map(builtin::trie),
                        chain: tries(plan.chain),
                        segment_ranks: plan.segment_ranks,
                    },
                )
            }
            Origin::File(file) => {
                let loaded = &file.loaded;
                let plan = &loaded.plans[tofu];
                let tries =
                    |ids: &[usize]| ids.iter().map(|&id| loaded.tries[id].clone()).collect();
                (
                    Stage {
                        segmentation: None,
                        chain: tries(&plan.normalization),
                        segment_ranks: 0,
                    },
                    Stage {
                        segmentation: plan.segmentation.map(|id| loaded.tries[id].clone()),
                        chain: tries(&plan.chain),
                        segment_ranks: plan.segment_ranks,
                    },
                )
            }
        };
        Converter {
            engine: Arc::new(Engine {
                origin: self.origin.clone(),
                tofu_risk: self.tofu_risk,
                normalization,
                conversion,
                user: self.user_words(),
                inspection: OnceLock::new(),
            }),
        }
    }

    /// The user phrases and protected words in one trie, or `None` without any.
    fn user_words(&self) -> Option<UserWords> {
        if self.phrases.is_empty() && self.protected.is_empty() {
            return None;
        }
        // The builder keeps the first entry of a key: protected words first, then the
        // phrases from the last given.
        let entries: Vec<RankedEntry<'_>> = self
            .protected
            .iter()
            .map(|word| (word.as_str(), word.as_str()))
            .chain(
                self.phrases
                    .iter()
                    .rev()
                    .map(|(key, value)| (key.as_str(), value.as_str())),
            )
            .map(|(key, value)| RankedEntry {
                key,
                value,
                len: key.len(),
                rank: 0,
            })
            .collect();
        Some(UserWords::new(
            &entries,
            self.protected.iter().cloned().collect(),
        ))
    }
}

impl Converter {
    /// A converter for one of OpenCC's configurations, with OpenCC's library defaults.
    pub fn new(config: Config) -> Converter {
        Converter::builder(config).build()
    }

    /// A builder, to set options before building.
    pub fn builder(config: Config) -> ConverterBuilder {
        ConverterBuilder::new(Origin::Builtin(config))
    }

    /// A converter for a configuration file, with OpenCC's library defaults.
    pub fn from_file(file: &ConfigFile) -> Converter {
        Converter::builder_from_file(file).build()
    }

    /// A builder for a configuration file, to set options before building.
    pub fn builder_from_file(file: &ConfigFile) -> ConverterBuilder {
        ConverterBuilder::new(Origin::File(file.clone()))
    }

    /// The built-in configuration this converter follows; `None` for one built from a
    /// [`ConfigFile`].
    pub fn config(&self) -> Option<Config> {
        match &self.engine.origin {
            Origin::Builtin(config) => Some(*config),
            Origin::File(_) => None,
        }
    }

    /// How `text` converts, piece by piece: the segments with the dictionaries that
    /// decided them, and the ambiguous spots. Slower than [`Converter::convert`], whose
    /// output the segments' outputs add up to.
    ///
    /// ```
    /// use fanjian::{Config, Converter};
    ///
    /// let inspection = Converter::new(Config::S2T).inspect("头发干了");
    /// let output: String = inspection.segments.iter().map(|s| s.output.as_str()).collect();
    /// assert_eq!(output, "頭髮幹了");
    /// assert_eq!(inspection.segments[0].source, "头发");
    /// assert_eq!(inspection.segments[0].dictionaries, ["STPhrases.txt"]);
    /// let ambiguity = &inspection.ambiguities[0];
    /// assert_eq!(ambiguity.key, "干了");
    /// assert_eq!(ambiguity.candidates, ["幹了", "乾了"]);
    /// ```
    pub fn inspect(&self, text: &str) -> Inspection {
        let engine = &*self.engine;
        let tables = engine.inspection.get_or_init(|| {
            let resolved = match &engine.origin {
                Origin::Builtin(config) => Arc::new(
                    config_file::resolve_builtin(*config)
                        .expect("the built-in configurations are valid"),
                ),
                Origin::File(file) => Arc::clone(&file.loaded.resolved),
            };
            inspect::Tables::new(resolved, engine.tofu_risk)
        });
        inspect::inspect(engine, tables, text)
    }

    /// Converts `text`.
    pub fn convert(&self, text: &str) -> String {
        let mut out = String::with_capacity(output_capacity(text.len()));
        self.convert_into(text, &mut out);
        out
    }

    /// Converts `text`, appending the result to `out` (which is not cleared).
    pub fn convert_into(&self, text: &str, out: &mut String) {
        let engine = &*self.engine;
        let mut scratch = Scratch::default();
        let Some(user) = &engine.user else {
            return engine.convert_configured(text, out, &mut scratch);
        };
        // When no normalization key occurs in the whole text, none occurs in a stretch of
        // it: one check instead of one per stretch.
        let normalize = engine.normalization.may_change(text);
        let mut convert_gap = |gap: &str, out: &mut String| {
            if normalize {
                engine.convert_configured(gap, out, &mut scratch);
            } else {
                engine.conversion.run(gap, out, &mut scratch);
            }
        };
        let mut gap_start = 0;
        user.for_each_match(text.as_bytes(), |at, found| {
            if gap_start < at {
                convert_gap(&text[gap_start..at], out);
            }
            gap_start = at + found.len;
            match found.replacement {
                Replacement::Keep => out.push_str(&text[at..gap_start]),
                Replacement::Char(c) => out.push(c),
                Replacement::Text(value) => out.push_str(value),
            }
        });
        if gap_start < text.len() {
            convert_gap(&text[gap_start..], out);
        }
    }

    /// Converts `text` on up to `threads` threads (0: one per available core), with the
    /// output of [`Converter::convert`].
    ///
    /// The text is cut into pieces of at least 256 KiB where no dictionary key can reach
    /// across (before characters no key holds, such as line breaks and most punctuation),
    /// and the pieces convert at once. A smaller text, or one without such places, converts
    /// on this thread.
    pub fn convert_parallel(&self, text: &str, threads: usize) -> String {
        parallel::convert(self, text, threads, parallel::MIN_PIECE_BYTES)
    }

    /// Converts UTF-8 bytes. Bytes that are not UTF-8 are an error naming the offset of the
    /// first bad byte (OpenCC instead copies or rejects them by their first byte alone).
    pub fn convert_bytes(&self, bytes: &[u8]) -> Result<String, Error> {
        let text = std::str::from_utf8(bytes)
            .map_err(|error| Error::invalid_utf8(bytes, error.valid_up_to(), 0, 0))?;
        Ok(self.convert(text))
    }

    /// Converts everything `reader` gives, writing to `writer`, in pieces: memory stays
    /// bounded whatever the input's size, and the output equals [`Converter::convert`] of
    /// the whole input. Returns the number of bytes written.
    ///
    /// The input is cut only before characters that no dictionary key holds (newlines,
    /// spaces, most punctuation); a stretch without any is held in memory whole.
    pub fn convert_stream<R: Read, W: Write>(&self, reader: R, writer: W) -> Result<u64, Error> {
        stream::convert(self, reader, writer, Batching::sequential())
    }

    /// [`Converter::convert_stream`] on up to `threads` threads (0: one per available
    /// core): the input is gathered into batches of a few MiB, each cut where no key can
    /// reach across and converted in parallel pieces, while another thread reads and
    /// checks the next batch. Memory stays bounded by a few batches; the output is that of
    /// converting the whole.
    pub fn convert_stream_parallel<R: Read + Send, W: Write>(
        &self,
        reader: R,
        writer: W,
        threads: usize,
    ) -> Result<u64, Error> {
        let batching = Batching::parallel(parallel::thread_count(threads));
        stream::convert_overlapped(self, reader, writer, batching)
    }

    /// Whether `c` occurs in no key of any dictionary of this converter and is no IDS
    /// operator, so that the text can be cut before it (see `cut.rs`).
    pub(crate) fn is_inert(&self, c: char) -> bool {
        let engine = &*self.engine;
        !ids::is_operator(c)
            && engine
                .normalization
                .chain
                .iter()
                .chain(&engine.conversion.chain)
                .chain(&engine.conversion.segmentation)
                .chain(engine.user.as_ref().map(|user| &user.trie))
                .all(|trie| trie.never_holds(c))
    }
}

/// The capacity to reserve for the output of converting `len` bytes: most replacements
/// keep a character's length, and a few are longer.
pub(crate) fn output_capacity(len: usize) -> usize {
    len + len / 8
}

impl Engine {
    /// Converts `text` with the configuration alone (no user words).
    pub(crate) fn convert_configured(&self, text: &str, out: &mut String, scratch: &mut Scratch) {
        match self.normalization.run_if_changing(text, scratch) {
            Some(normalized) => self.conversion.run(&normalized, out, scratch),
            None => self.conversion.run(text, out, scratch),
        }
    }
}

impl fmt::Debug for Converter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Converter")
            .field("config", &self.engine.origin)
            .field("tofu_risk", &self.engine.tofu_risk)
            .field("user_words", &self.engine.user.is_some())
            .finish()
    }
}
