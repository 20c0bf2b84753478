//! A progress bar on standard error for long runs (bytes read, rate, time left), shown only
//! when standard error is a terminal and the input is large.

use std::io::{self, IsTerminal, Read};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Below this many bytes of input a run ends too soon for a bar to help.
const MIN_BYTES: u64 = 16 << 20;

/// A bar for `total` bytes of input, hidden when `quiet`, when the input is small or
/// unknown (0), or when standard error is not a terminal.
pub fn bar(total: u64, quiet: bool) -> ProgressBar {
    if quiet || total < MIN_BYTES || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template(
            "{bar:40} {bytes}/{total_bytes} {binary_bytes_per_sec}, {eta} left",
        )
        .expect("a valid template"),
    );
    bar
}

/// A reader that moves the bar by the bytes it reads.
pub struct Counting<R> {
    inner: R,
    bar: ProgressBar,
}

impl<R> Counting<R> {
    pub fn new(inner: R, bar: ProgressBar) -> Counting<R> {
        Counting { inner, bar }
    }
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let read = self.inner.read(buf)?;
        self.bar.inc(read as u64);
        Ok(read)
    }
}
