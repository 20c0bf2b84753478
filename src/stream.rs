//! Converting a stream piece by piece, with the output of converting it whole.

use std::io::{ErrorKind, Read, Write};

use crate::cut::last_cut;
use crate::parallel;
use crate::{Converter, Error, IoOperation};

/// How much is read at a time.
const READ_SIZE: usize = 64 * 1024;

/// How a stream is converted: on how many threads, in batches of how many bytes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Batching {
    threads: usize,
    /// Text gathered before a conversion (0: whatever a read gives).
    batch: usize,
    /// The smallest piece a batch is cut into for a thread.
    min_piece: usize,
}

impl Batching {
    /// This thread only, converting after every read.
    pub(crate) fn sequential() -> Batching {
        Batching {
            threads: 1,
            batch: 0,
            min_piece: 0,
        }
    }

    /// `threads` threads, each batch big enough for four pieces per thread: a few MiB.
    pub(crate) fn parallel(threads: usize) -> Batching {
        if threads <= 1 {
            return Batching::sequential();
        }
        Batching {
            threads,
            batch: threads * 4 * parallel::MIN_PIECE_BYTES,
            min_piece: parallel::MIN_PIECE_BYTES,
        }
    }
}

/// Converts `reader` to `writer` as `batching` says, reading and converting in turn.
pub(crate) fn convert<R: Read, W: Write>(
    converter: &Converter,
    reader: R,
    writer: W,
    batching: Batching,
) -> Result<u64, Error> {
    let mut output = Output::new(writer);
    let mut failed = None;
    read_pieces(converter, reader, batching.batch, |piece| {
        failed = output.write(converter, &piece, batching).err();
        failed.is_none()
    })?;
    failed.map_or_else(|| output.finish(), Err)
}

/// [`convert`], with the next batch read and checked on a thread of its own while this
/// one converts (on every thread of `batching`) and writes, in order.
pub(crate) fn convert_overlapped<R: Read + Send, W: Write>(
    converter: &Converter,
    reader: R,
    writer: W,
    batching: Batching,
) -> Result<u64, Error> {
    if batching.threads <= 1 {
        return convert(converter, reader, writer, batching);
    }
    let mut output = Output::new(writer);
    std::thread::scope(|scope| {
        let (send, receive) = std::sync::mpsc::sync_channel::<String>(1);
        let reading = scope.spawn(move || {
            read_pieces(converter, reader, batching.batch, |piece| {
                send.send(piece).is_ok()
            })
        });
        let written = receive
            .iter()
            .try_for_each(|piece| output.write(converter, &piece, batching));
        // After a write error, dropping the receiver stops the reader.
        drop(receive);
        let read = reading
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        written?;
        read?;
        output.finish()
    })
}

/// Where converted pieces go.
struct Output<W> {
    writer: W,
    written: u64,
    /// Reused for each piece.
    converted: String,
}

impl<W: Write> Output<W> {
    fn new(writer: W) -> Output<W> {
        Output {
            writer,
            written: 0,
            converted: String::new(),
        }
    }

    fn write(
        &mut self,
        converter: &Converter,
        piece: &str,
        batching: Batching,
    ) -> Result<(), Error> {
        self.converted.clear();
        if batching.threads > 1 {
            self.converted =
                parallel::convert(converter, piece, batching.threads, batching.min_piece);
        } else {
            converter.convert_into(piece, &mut self.converted);
        }
        self.writer
            .write_all(self.converted.as_bytes())
            .map_err(|error| Error::io(IoOperation::Write, &error))?;
        self.written += self.converted.len() as u64;
        Ok(())
    }

    fn finish(mut self) -> Result<u64, Error> {
        self.writer
            .flush()
            .map_err(|error| Error::io(IoOperation::Write, &error))?;
        Ok(self.written)
    }
}

/// Reads `reader` to its end, checking it as UTF-8, and gives `emit` the text in pieces
/// that convert apart as they would together: each ends at a safe cut (`cut.rs`) once at
/// least `batch` bytes are held, the last at the end. Stops early when `emit` returns
/// false.
fn read_pieces<R: Read>(
    converter: &Converter,
    mut reader: R,
    batch: usize,
    mut emit: impl FnMut(String) -> bool,
) -> Result<(), Error> {
    // `block[..carried]` holds the first bytes of a character that the last read cut off;
    // the next read goes after them, so every byte is checked as UTF-8 once.
    let mut block = vec![0u8; READ_SIZE + 4];
    let mut carried = 0;
    // Checked text not given out yet, its offset in the whole input and the newlines
    // before it (for error messages).
    let mut text = String::new();
    let mut offset: u64 = 0;
    let mut lines: u64 = 0;
    // No cut exists in `text[..no_cut_before]`: the next search starts there.
    let mut no_cut_before = 0;
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
        } else if text.len() < batch {
            None
        } else {
            last_cut(&text, no_cut_before, is_inert)
        };
        match cut {
            Some(cut) => {
                lines += memchr::memchr_iter(b'\n', &text.as_bytes()[..cut]).count() as u64;
                offset += cut as u64;
                let rest = text.split_off(cut);
                if !emit(std::mem::replace(&mut text, rest)) {
                    return Ok(());
                }
                no_cut_before = 0;
            }
            None if text.len() < batch => {}
            None => no_cut_before = text.len().saturating_sub(1),
        }
        if at_end {
            return Ok(());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Config;
    use proptest::prelude::*;

    /// Reads its bytes `piece` at a time.
    struct Pieces<'a>(&'a [u8], usize);

    impl Read for Pieces<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.1.min(buf.len()).min(self.0.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    proptest! {
        /// Batches and pieces of any size, on 1 to 4 threads, read in any chunking, give
        /// what converting the whole gives.
        #[test]
        fn batched_parallel_stream_equals_whole(
            pieces in prop::collection::vec(prop::sample::select(vec![
                "头发", "干了", "后来", "台湾", "软件", "打印机", "\n", " ", "，", "a", "⿰讠",
                "⿰", "𠮷", "说", "著", "裡", "\u{F900}",
            ]), 0..300),
            config in prop::sample::select(Config::ALL.to_vec()),
            threads in 1usize..=4,
            batch in 0usize..200,
            min_piece in 1usize..40,
            read in 1usize..50,
        ) {
            let text = pieces.concat();
            let converter = Converter::new(config);
            let mut out = Vec::new();
            let batching = Batching { threads, batch, min_piece };
            let whole = converter.convert(&text);
            let written =
                convert(&converter, Pieces(text.as_bytes(), read), &mut out, batching).unwrap();
            prop_assert_eq!(written, out.len() as u64);
            prop_assert_eq!(&String::from_utf8(out).unwrap(), &whole);
            let mut out = Vec::new();
            let reader = Pieces(text.as_bytes(), read);
            let written = convert_overlapped(&converter, reader, &mut out, batching).unwrap();
            prop_assert_eq!(written, out.len() as u64);
            prop_assert_eq!(String::from_utf8(out).unwrap(), whole);
        }
    }
}
