//! Placeholder: crate docs are written with the engine.
#![deny(missing_docs)]

mod builtin;
mod config;
mod converter;
mod cut;
// `build.rs` compiles the built-in dictionaries with these two; declared here for their
// unit tests.
#[cfg(test)]
mod dict_tree;
mod error;
mod ids;
#[cfg(test)]
mod lexicon;
mod segment;
mod stream;
mod trie;

pub use config::Config;
pub use converter::{Converter, ConverterBuilder, TofuRisk};
pub use error::{Error, IoOperation};
