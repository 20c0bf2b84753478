//! `Converter::convert_stream` holds a bounded amount of text, whatever the input's size,
//! and still gives the output of converting the whole.

use std::io::{self, Read, Write};

use fanjian::{Config, Converter};

/// Endless lines of real sentences, up to `remaining` bytes.
struct Lines {
    remaining: usize,
    line: &'static [u8],
    at: usize,
}

impl Read for Lines {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = buf.len().min(self.remaining);
        for byte in &mut buf[..n] {
            *byte = self.line[self.at];
            self.at = (self.at + 1) % self.line.len();
        }
        self.remaining -= n;
        Ok(n)
    }
}

/// Counts what is written and remembers the largest single write.
#[derive(Default)]
struct Measure {
    total: usize,
    largest_write: usize,
    whole: Vec<u8>,
}

impl Write for Measure {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.total += buf.len();
        self.largest_write = self.largest_write.max(buf.len());
        if self.whole.len() < 1 << 20 {
            self.whole.extend_from_slice(buf);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_large_stream_is_converted_in_bounded_pieces() {
    const LINE: &str = "我的头发干了，干部们在会议室里开会，讨论软件和鼠标的发展。\n";
    let size = (16 << 20) / LINE.len() * LINE.len();
    let converter = Converter::new(Config::S2TWP);
    let mut out = Measure::default();
    let reader = Lines {
        remaining: size,
        line: LINE.as_bytes(),
        at: 0,
    };
    let written = converter.convert_stream(reader, &mut out).unwrap();
    assert_eq!(written as usize, out.total);
    // Each piece is at most one read block (64 KiB) plus the text held back from the one
    // before, converted: far below the input's size.
    assert!(
        out.largest_write < 512 * 1024,
        "a write of {} bytes",
        out.largest_write
    );
    // The pieces are those of converting the whole.
    let lines = size / LINE.len();
    let whole_lines = converter.convert(LINE).repeat(lines);
    assert!(
        whole_lines
            .as_bytes()
            .starts_with(&out.whole[..out.whole.len().min(whole_lines.len())])
    );
}

#[test]
fn a_stream_without_any_cut_is_held_whole_and_still_exact() {
    // No newline, space or punctuation: nothing to cut at, so the stream is converted in
    // one piece at the end, as documented.
    let text = "头发发展干部".repeat(50_000);
    let converter = Converter::new(Config::S2T);
    let mut out = Measure::default();
    converter.convert_stream(text.as_bytes(), &mut out).unwrap();
    assert_eq!(out.total, converter.convert(&text).len());
}
