//! Placeholder API, replaced by the engine.
use std::io::{Read, Write};

use crate::{Config, Error};

/// Whether dictionaries marked `may_output_tofu` are used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum TofuRisk {
    /// Use them, as OpenCC's library does (the default).
    #[default]
    Include,
    /// Leave them out, as OpenCC's command-line tool does.
    Exclude,
}

/// A converter.
#[derive(Debug, Clone)]
pub struct Converter {
    config: Config,
}

/// Builds a converter.
#[derive(Debug, Clone)]
pub struct ConverterBuilder {
    config: Config,
    tofu_risk: TofuRisk,
}

impl ConverterBuilder {
    /// Sets the tofu-risk option.
    pub fn tofu_risk(&mut self, tofu_risk: TofuRisk) -> &mut Self {
        self.tofu_risk = tofu_risk;
        self
    }
    /// Builds.
    pub fn build(&self) -> Converter {
        todo!()
    }
}

impl Converter {
    /// New.
    pub fn new(config: Config) -> Converter {
        Converter { config }
    }
    /// Builder.
    pub fn builder(config: Config) -> ConverterBuilder {
        ConverterBuilder { config, tofu_risk: TofuRisk::Include }
    }
    /// Config.
    pub fn config(&self) -> Config {
        self.config
    }
    /// Convert.
    pub fn convert(&self, text: &str) -> String {
        let mut out = String::new();
        self.convert_into(text, &mut out);
        out
    }
    /// Convert into.
    pub fn convert_into(&self, _text: &str, _out: &mut String) {
        todo!()
    }
    /// Bytes.
    pub fn convert_bytes(&self, _bytes: &[u8]) -> Result<String, Error> {
        todo!()
    }
    /// Stream.
    pub fn convert_stream<R: Read, W: Write>(&self, _reader: R, _writer: W) -> Result<u64, Error> {
        todo!()
    }
}
