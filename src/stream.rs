//! Converting a stream piece by piece, with the output of converting it whole.

use std::io::{ErrorKind, Read, Write};

use crate::cut::last_cut;
use crate::{Converter, Error, IoOperation};

/// How much is read at a time.
const READ_SIZE: usize = 64 * 1024;

pub(crate) fn convert<R: Read, W: Write>(
    converter: &Converter,
    mut reader: R,
    mut writer: W,
) -> Result<u64, Error> {
    // `pending[..valid]` is checked UTF-8 not yet converted; the rest is read but unchecked.
    let mut pending: Vec<u8> = Vec::with_capacity(READ_SIZE * 2);
    let mut valid = 0;
    // The offset in the whole input of `pending[0]`, and the newlines before it, for errors.
    let mut consumed: u64 = 0;
    let mut lines: u64 = 0;
    // No cut exists in `pending[..no_cut_before]`: the next search starts there.
    let mut no_cut_before = 0;
    let mut converted = String::new();
    let mut written: u64 = 0;
    let is_inert = |c| converter.is_inert(c);
    loop {
        let start = pending.len();
        pending.resize(start + READ_SIZE, 0);
        let read = loop {
            match reader.read(&mut pending[start..]) {
                Ok(read) => break read,
                Err(error) if error.kind() == ErrorKind::Interrupted => continue,
                Err(error) => return Err(Error::io(IoOperation::Read, &error)),
            }
        };
        pending.truncate(start + read);
        let at_end = read == 0;

        match std::str::from_utf8(&pending[valid..]) {
            Ok(_) => valid = pending.len(),
            Err(error) => {
                valid += error.valid_up_to();
                // A character cut by the end of this read completes with the next one.
                if error.error_len().is_some() || at_end {
                    return Err(Error::invalid_utf8(&pending, valid, consumed, lines));
                }
            }
        }
        let text = std::str::from_utf8(&pending[..valid]).expect("checked above");
        let cut = if at_end {
            Some(text.len())
        } else {
            last_cut(text, no_cut_before, is_inert)
        };
        match cut {
            Some(cut) => {
                converted.clear();
                converter.convert_into(&text[..cut], &mut converted);
                writer
                    .write_all(converted.as_bytes())
                    .map_err(|error| Error::io(IoOperation::Write, &error))?;
                written += converted.len() as u64;
                lines += text.as_bytes()[..cut]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count() as u64;
                pending.drain(..cut);
                valid -= cut;
                consumed += cut as u64;
                no_cut_before = 0;
            }
            None => no_cut_before = text.len().saturating_sub(1),
        }
        if at_end {
            writer
                .flush()
                .map_err(|error| Error::io(IoOperation::Write, &error))?;
            return Ok(written);
        }
    }
}
