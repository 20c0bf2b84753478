//! What the conversion fuzz targets share: a converter picked by an input byte, and a
//! reader that gives its input in pieces.

use std::io::Read;

use fanjian::{Config, Converter, TofuRisk};

/// One of the 16 configurations, with the tofu-risk dictionaries included or left out.
pub fn converter(pick: u8) -> Converter {
    let config = Config::ALL[usize::from(pick) % Config::ALL.len()];
    let tofu_risk = if pick & 0x80 == 0 {
        TofuRisk::Include
    } else {
        TofuRisk::Exclude
    };
    Converter::builder(config).tofu_risk(tofu_risk).build()
}

/// Reads `bytes` at most `piece` (at least 1) bytes at a time.
pub struct Pieces<'a> {
    bytes: &'a [u8],
    piece: usize,
}

impl<'a> Pieces<'a> {
    pub fn new(bytes: &'a [u8], piece: usize) -> Pieces<'a> {
        Pieces {
            bytes,
            piece: piece.max(1),
        }
    }
}

impl Read for Pieces<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.piece.min(buf.len()).min(self.bytes.len());
        buf[..n].copy_from_slice(&self.bytes[..n]);
        self.bytes = &self.bytes[n..];
        Ok(n)
    }
}
