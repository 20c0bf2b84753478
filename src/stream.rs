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
    // `block[..carried]` holds the first bytes of a character that the last read cut off;
    // the next read goes after them, so every byte is checked as UTF-8 once.
    let mut block = vec![0u8; READ_SIZE + 4];
    let mut carried = 0;
    // Checked text not converted yet, its offset in the whole input and the newlines
    // before it (for error messages).
    let mut text = String::new();
    let mut offset: u64 = 0;
    let mut lines: u64 = 0;
    // No cut exists in `text[..no_cut_before]`: the next search starts there.
    let mut no_cut_before = 0;
    let mut converted = String::new();
    let mut written: u64 = 0;
    let is_inert = |c| converter.is_inert(c);
    loop {
        let read = loop {
            match reader.read(&mut block[carried..]) {
                Ok(read) => break read,
                Err(error) if error.kind() == ErrorKind::Interrupted => continue,
                Err(error) => return Err(Error::io(IoOperation::Read, &error)),
            }
        };
        let at_end = read == 0;
        let bytes = &block[..carried + read];
        match std::str::from_utf8(bytes) {
            Ok(checked) => {
                text.push_str(checked);
                carried = 0;
            }
            Err(error) => {
                let (valid, rest) = bytes.split_at(error.valid_up_to());
                text.push_str(std::str::from_utf8(valid).expect("valid up to here"));
                // A character cut by the end of this read completes with the next one.
                if error.error_len().is_some() || at_end {
                    return Err(Error::invalid_utf8(
                        text.as_bytes(),
                        text.len(),
                        offset,
                        lines,
                    ));
                }
                carried = rest.len();
                let start = valid.len();
                block.copy_within(start..start + carried, 0);
            }
        }

        let cut = if at_end {
            Some(text.len())
        } else {
            last_cut(&text, no_cut_before, is_inert)
        };
        match cut {
            Some(cut) => {
                converted.clear();
                converter.convert_into(&text[..cut], &mut converted);
                writer
                    .write_all(converted.as_bytes())
                    .map_err(|error| Error::io(IoOperation::Write, &error))?;
                written += converted.len() as u64;
                lines += memchr::memchr_iter(b'\n', &text.as_bytes()[..cut]).count() as u64;
                offset += cut as u64;
                text.drain(..cut);
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
