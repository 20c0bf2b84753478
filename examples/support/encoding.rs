//! Text in other encodings than UTF-8, through encoding_rs: which encoding a file is in
//! (its BOM, or valid UTF-8, or chardetng's guess), a reader that decodes it to UTF-8 and a
//! writer that encodes UTF-8 into it. A byte that does not decode is an error naming its
//! offset in the file; a character the output encoding lacks is an error naming it.

use std::io::{self, Read, Write};

use encoding_rs::{
    BIG5, Decoder, DecoderResult, EUC_JP, EUC_KR, Encoder, EncoderResult, Encoding, GB18030, GBK,
    SHIFT_JIS, UTF_8,
};

/// How many bytes of a file decide its encoding.
pub const SNIFF_BYTES: usize = 64 * 1024;

/// The encoding a name on the command line stands for (any WHATWG label: `utf-8`,
/// `utf-16le`, `gb18030`, `gbk`, `big5`, ...).
pub fn by_label(label: &str) -> Result<&'static Encoding, String> {
    Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| {
        format!("unknown encoding {label:?} (try utf-8, utf-16le, utf-16be, gb18030, gbk or big5)")
    })
}

/// What the first bytes of a file say it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    /// Text in `encoding`, after a byte order mark of `bom` bytes (0 without one).
    Text {
        encoding: &'static Encoding,
        bom: usize,
    },
    /// NUL bytes, which text does not hold.
    Binary,
}

/// The encoding of a file that starts with `prefix` (the whole file when `complete`): its
/// byte order mark if any; binary if it holds a NUL byte (as grep and git judge); UTF-8 if
/// the prefix is UTF-8 but for a few bad bytes (so that their offset is reported rather
/// than the text misread); otherwise chardetng's guess if it is an East Asian encoding
/// (GBK, Big5, Shift_JIS, EUC-JP, EUC-KR), else UTF-8, whose bad bytes are then reported.
pub fn sniff(prefix: &[u8], complete: bool) -> Sniffed {
    if let Some((encoding, bom)) = Encoding::for_bom(prefix) {
        return Sniffed::Text { encoding, bom };
    }
    if prefix.contains(&0) {
        return Sniffed::Binary;
    }
    let encoding = if mostly_utf8(prefix, complete) {
        UTF_8
    } else {
        let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        detector.feed(prefix, complete);
        let guess = detector.guess(None, chardetng::Utf8Detection::Allow);
        // A Chinese converter's legacy input is East Asian; any other guess is more likely
        // broken UTF-8 than, say, Latin-1.
        if [GBK, GB18030, BIG5, SHIFT_JIS, EUC_JP, EUC_KR].contains(&guess) {
            guess
        } else {
            UTF_8
        }
    };
    Sniffed::Text { encoding, bom: 0 }
}

/// Whether `prefix` reads as UTF-8 with at most one bad sequence per two good non-ASCII
/// characters. Text in a legacy encoding fails far more often: its two-byte characters
/// seldom form UTF-8 by chance.
fn mostly_utf8(prefix: &[u8], complete: bool) -> bool {
    let (mut good, mut bad) = (0usize, 0usize);
    let mut after_bad = false;
    let mut chunks = prefix.utf8_chunks().peekable();
    while let Some(chunk) = chunks.next() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        // A character cut by the end of the prefix is no evidence against UTF-8, and bad
        // bytes one after the other count once.
        let cut_at_end = chunks.peek().is_none() && !complete;
        let is_bad = !chunk.invalid().is_empty() && !cut_at_end;
        if is_bad && !(after_bad && chunk.valid().is_empty()) {
            bad += 1;
        }
        after_bad = is_bad;
    }
    bad == 0 || good >= 2 * bad
}

/// Reads a file in some encoding (its byte order mark already consumed) as UTF-8.
pub struct DecodingReader<R> {
    inner: R,
    decoder: Decoder,
    encoding: &'static Encoding,
    /// Undecoded input is `input[start..end]`.
    input: Box<[u8]>,
    start: usize,
    end: usize,
    /// Bytes of the file before `input[start]`.
    consumed: u64,
    /// Decoded output not read yet is `output[given..decoded]`.
    output: Box<[u8]>,
    given: usize,
    decoded: usize,
    at_eof: bool,
    finished: bool,
}

impl<R: Read> DecodingReader<R> {
    /// Decodes `inner` from `encoding`; `offset` is the position in the file of the first
    /// byte `inner` gives (the length of a byte order mark), for error messages.
    pub fn new(inner: R, encoding: &'static Encoding, offset: u64) -> DecodingReader<R> {
        DecodingReader {
            inner,
            decoder: encoding.new_decoder_without_bom_handling(),
            encoding,
            input: vec![0; 64 * 1024].into_boxed_slice(),
            start: 0,
            end: 0,
            consumed: offset,
            output: vec![0; 64 * 1024].into_boxed_slice(),
            given: 0,
            decoded: 0,
            at_eof: false,
            finished: false,
        }
    }

    /// Decodes more input into `output`, which is empty.
    fn decode_more(&mut self) -> io::Result<()> {
        self.given = 0;
        self.decoded = 0;
        while self.decoded == 0 && !self.finished {
            if self.start == self.end && !self.at_eof {
                let read = loop {
                    match self.inner.read(&mut self.input) {
                        Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                        result => break result?,
                    }
                };
                (self.start, self.end, self.at_eof) = (0, read, read == 0);
            }
            let (result, read, written) = self.decoder.decode_to_utf8_without_replacement(
                &self.input[self.start..self.end],
                &mut self.output,
                self.at_eof,
            );
            self.start += read;
            self.consumed += read as u64;
            self.decoded = written;
            match result {
                DecoderResult::Malformed(bad, after) => {
                    let offset = self.consumed - u64::from(after) - u64::from(bad);
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        format!("invalid {} at byte offset {offset}", self.encoding.name()),
                    ));
                }
                DecoderResult::InputEmpty => self.finished = self.at_eof,
                DecoderResult::OutputFull => {}
            }
        }
        Ok(())
    }
}

impl<R: Read> Read for DecodingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.given == self.decoded {
            self.decode_more()?;
        }
        let n = buf.len().min(self.decoded - self.given);
        buf[..n].copy_from_slice(&self.output[self.given..self.given + n]);
        self.given += n;
        Ok(n)
    }
}

/// Writes UTF-8 into `inner` in another encoding.
pub struct EncodingWriter<W> {
    inner: W,
    encoder: Encoder,
    encoding: &'static Encoding,
    /// The first bytes of a character that the last write cut off.
    pending: Vec<u8>,
    buffer: Box<[u8]>,
    /// Line breaks encoded so far, for error messages.
    lines: u64,
}

impl<W: Write> EncodingWriter<W> {
    pub fn new(inner: W, encoding: &'static Encoding) -> EncodingWriter<W> {
        EncodingWriter {
            inner,
            encoder: encoding.new_encoder(),
            encoding,
            pending: Vec::new(),
            buffer: vec![0; 64 * 1024].into_boxed_slice(),
            lines: 0,
        }
    }

    fn encode(&mut self, text: &str, last: bool) -> io::Result<()> {
        let mut rest = text;
        loop {
            let (result, read, written) =
                self.encoder
                    .encode_from_utf8_without_replacement(rest, &mut self.buffer, last);
            self.inner.write_all(&self.buffer[..written])?;
            self.lines += newlines(&rest[..read]);
            rest = &rest[read..];
            match result {
                EncoderResult::InputEmpty => return Ok(()),
                EncoderResult::OutputFull => {}
                EncoderResult::Unmappable(c) => {
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        format!(
                            "{c:?} (U+{:04X}) on line {} has no {} encoding",
                            u32::from(c),
                            self.lines + 1,
                            self.encoding.name()
                        ),
                    ));
                }
            }
        }
    }

    /// Ends the output (an encoding with state writes what ends it) and flushes.
    pub fn finish(mut self) -> io::Result<W> {
        if !self.pending.is_empty() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "the output ends inside a character",
            ));
        }
        self.encode("", true)?;
        self.inner.flush()?;
        Ok(self.inner)
    }
}

/// The line breaks in `text`. (Conversion keeps every line break, so the output's line is
/// the input's.)
fn newlines(text: &str) -> u64 {
    text.bytes().filter(|&byte| byte == b'\n').count() as u64
}

impl<W: Write> Write for EncodingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        let pending = std::mem::take(&mut self.pending);
        let complete = match std::str::from_utf8(&pending) {
            Ok(text) => text,
            Err(error) if error.error_len().is_none() => {
                std::str::from_utf8(&pending[..error.valid_up_to()]).expect("valid up to here")
            }
            Err(_) => {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    "the output is not UTF-8",
                ));
            }
        };
        self.encode(complete, false)?;
        self.pending = pending[complete.len()..].to_vec();
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}
