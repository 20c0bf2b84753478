//! Normalizing a byte stream as it is read, so that it can feed another reader's consumer,
//! such as [`Converter::convert_stream`](crate::Converter::convert_stream).

use std::io::{self, BufRead, Read};

use super::{NormalizeStream, Normalizer};

/// A reader that gives the normalized text of the reader it wraps. Made by
/// [`Normalizer::reader`].
///
/// The text is normalized line by line as it is read, with the same result as normalizing
/// it whole. Bytes that are not UTF-8 make `read` fail with [`io::ErrorKind::InvalidData`]
/// and a message naming their line and byte offset in the input.
///
/// ```
/// use fanjian::normalize::{Normalizer, Profile};
/// use fanjian::{Config, Converter};
///
/// let normalizer = Normalizer::new(Profile::Taiwan);
/// let converter = Converter::new(Config::S2TW);
/// let input = "他说:\"头发干了...\"\n".as_bytes();
/// let mut out = Vec::new();
/// converter.convert_stream(normalizer.reader(input), &mut out).unwrap();
/// assert_eq!(String::from_utf8(out).unwrap(), "他說：「頭髮幹了……」\n");
/// ```
#[derive(Debug)]
pub struct NormalizingReader<'n, R> {
    input: R,
    stream: Option<NormalizeStream<'n>>,
    /// Normalized text not yet handed out, from `served` on.
    normalized: String,
    served: usize,
    line: Vec<u8>,
    /// Bytes and lines of the input read so far, for error messages.
    offset: u64,
    lines: u64,
}

impl Normalizer {
    /// Wraps `input` in a reader that gives its normalized text; see [`NormalizingReader`].
    pub fn reader<R: BufRead>(&self, input: R) -> NormalizingReader<'_, R> {
        NormalizingReader {
            input,
            stream: Some(self.stream()),
            normalized: String::new(),
            served: 0,
            line: Vec::new(),
            offset: 0,
            lines: 0,
        }
    }
}

impl<R: BufRead> NormalizingReader<'_, R> {
    /// Reads and normalizes one more line; false at the end of the input.
    fn refill(&mut self) -> io::Result<bool> {
        let Some(stream) = self.stream.as_mut() else {
            return Ok(false);
        };
        self.normalized.clear();
        self.served = 0;
        self.line.clear();
        if self.input.read_until(b'\n', &mut self.line)? == 0 {
            if let Some(stream) = self.stream.take() {
                stream.finish_into(&mut self.normalized);
            }
            return Ok(!self.normalized.is_empty());
        }
        let text = std::str::from_utf8(&self.line).map_err(|error| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!(
                    "invalid UTF-8 at line {}, byte offset {}",
                    self.lines + 1,
                    self.offset + error.valid_up_to() as u64
                ),
            )
        })?;
        stream.push_into(text, &mut self.normalized);
        self.offset += self.line.len() as u64;
        self.lines += 1;
        Ok(true)
    }
}

impl<R: BufRead> Read for NormalizingReader<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.served == self.normalized.len() {
            if !self.refill()? {
                return Ok(0);
            }
        }
        let pending = &self.normalized.as_bytes()[self.served..];
        let n = pending.len().min(buf.len());
        buf[..n].copy_from_slice(&pending[..n]);
        self.served += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::Profile;

    #[test]
    fn reads_the_normalized_whole_in_small_pieces() {
        let normalizer = Normalizer::new(Profile::Mainland);
        let text = "他说:\"你好,世界...\"\n```\na,b\n```\n最后一行--没有换行";
        let mut reader = normalizer.reader(text.as_bytes());
        let mut out = Vec::new();
        let mut buf = [0u8; 3];
        loop {
            let n = reader.read(&mut buf).unwrap();
            if n == 0 {
                break;
            }
            out.extend_from_slice(&buf[..n]);
        }
        assert_eq!(String::from_utf8(out).unwrap(), normalizer.normalize(text));
    }

    #[test]
    fn names_the_line_and_offset_of_invalid_utf8() {
        let normalizer = Normalizer::new(Profile::Neutral);
        let mut reader = normalizer.reader(&b"ok\nab\xFFc\n"[..]);
        let error = reader.read_to_end(&mut Vec::new()).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::InvalidData);
        assert_eq!(error.to_string(), "invalid UTF-8 at line 2, byte offset 5");
    }
}
