//! [`Converter`] and its builder: the public face of conversion.

use std::fmt;
use std::io::{Read, Write};
use std::sync::Arc;

use crate::builtin;
use crate::ids;
use crate::parallel;
use crate::segment::{Scratch, Stage};
use crate::stream::{self, Batching};
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
struct Engine {
    config: Config,
    tofu_risk: TofuRisk,
    /// OpenCC's normalization stage (compatibility ideographs), run over the whole text.
    normalization: Stage,
    /// The segmentation and the conversion chain.
    conversion: Stage,
}

/// Builds a [`Converter`] with options.
///
/// ```
/// use fanjian::{Config, Converter, TofuRisk};
///
/// let library = Converter::new(Config::T2S);
/// let cli_like = Converter::builder(Config::T2S).tofu_risk(TofuRisk::Exclude).build();
/// assert_eq!(library.convert("殢"), "𣨼");
/// assert_eq!(cli_like.convert("殢"), "殢");
/// ```
#[derive(Debug, Clone)]
pub struct ConverterBuilder {
    config: Config,
    tofu_risk: TofuRisk,
}

impl ConverterBuilder {
    /// Whether to use the dictionaries that may output characters fonts lack; see
    /// [`TofuRisk`].
    pub fn tofu_risk(&mut self, tofu_risk: TofuRisk) -> &mut Self {
        self.tofu_risk = tofu_risk;
        self
    }

    /// Builds the converter.
    pub fn build(&self) -> Converter {
        let plan = &builtin::PLANS[self.config.index()][match self.tofu_risk {
            TofuRisk::Include => 0,
            TofuRisk::Exclude => 1,
        }];
        let tries = |ids: &[usize]| ids.iter().map(|&id| builtin::trie(id)).collect();
        Converter {
            engine: Arc::new(Engine {
                config: self.config,
                tofu_risk: self.tofu_risk,
                normalization: Stage {
                    segmentation: None,
                    chain: tries(plan.normalization),
                    segment_ranks: 0,
                },
                conversion: Stage {
                    segmentation: plan.segmentation.map(builtin::trie),
                    chain: tries(plan.chain),
                    segment_ranks: plan.segment_ranks,
                },
            }),
        }
    }
}

impl Converter {
    /// A converter for one of OpenCC's configurations, with OpenCC's library defaults.
    pub fn new(config: Config) -> Converter {
        Converter::builder(config).build()
    }

    /// A builder, to set options before building.
    pub fn builder(config: Config) -> ConverterBuilder {
        ConverterBuilder {
            config,
            tofu_risk: TofuRisk::default(),
        }
    }

    /// The configuration this converter follows.
    pub fn config(&self) -> Config {
        self.engine.config
    }

    /// Converts `text`.
    pub fn convert(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + text.len() / 8);
        self.convert_into(text, &mut out);
        out
    }

    /// Converts `text`, appending the result to `out` (which is not cleared).
    pub fn convert_into(&self, text: &str, out: &mut String) {
        let engine = &*self.engine;
        let mut scratch = Scratch::default();
        if engine.normalization.may_change(text) {
            let mut normalized = String::with_capacity(text.len());
            engine
                .normalization
                .run(text, &mut normalized, &mut scratch);
            engine.conversion.run(&normalized, out, &mut scratch);
        } else {
            engine.conversion.run(text, out, &mut scratch);
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
                .all(|trie| trie.never_holds(c))
    }
}

impl fmt::Debug for Converter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Converter")
            .field("config", &self.engine.config)
            .field("tofu_risk", &self.engine.tofu_risk)
            .finish()
    }
}
