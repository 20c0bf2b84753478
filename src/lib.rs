//! Placeholder: crate docs are written with the engine.
#![deny(missing_docs)]

mod config;
mod converter;
mod error;

pub use config::Config;
pub use converter::{Converter, ConverterBuilder, TofuRisk};
pub use error::{Error, IoOperation};
