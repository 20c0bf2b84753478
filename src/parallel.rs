//! Converting a large text on several threads: the text is cut where converting the pieces
//! apart gives the conversion of the whole (see `cut.rs`), the pieces are converted at
//! once, and their outputs are joined in order.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::thread;

use crate::Converter;
use crate::converter::output_capacity;
use crate::cut::last_cut;

/// The smallest piece worth a thread: below this, starting and joining cost more than the
/// conversion.
pub(crate) const MIN_PIECE_BYTES: usize = 256 * 1024;

/// Pieces per thread: more pieces than threads, so that a thread slowed by its text (or by
/// the machine, or by joining the outputs) does not hold the others up; with 4, the
/// calling thread waited for the last piece for a tenth of the time.
pub(crate) const PIECES_PER_THREAD: usize = 16;

/// Converts `text` on up to `threads` threads (0: one per available core), in pieces of
/// at least `min_piece` bytes.
pub(crate) fn convert(
    converter: &Converter,
    text: &str,
    threads: usize,
    min_piece: usize,
) -> String {
    let threads = thread_count(threads);
    let piece = min_piece
        .max(text.len() / (threads * PIECES_PER_THREAD))
        .max(1);
    let cuts = cuts(converter, text, piece);
    if threads == 1 || cuts.len() <= 2 {
        return converter.convert(text);
    }
    let pieces: Vec<&str> = cuts.windows(2).map(|w| &text[w[0]..w[1]]).collect();
    let next = AtomicUsize::new(0);
    let (sender, receiver) = mpsc::channel();
    let mut out = String::with_capacity(output_capacity(text.len()));
    thread::scope(|scope| {
        // Each helper takes the next piece until none is left.
        for _ in 1..threads.min(pieces.len()) {
            let sender = sender.clone();
            let (next, pieces) = (&next, &pieces);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(piece) = pieces.get(i) else {
                        return;
                    };
                    if sender.send((i, converter.convert(piece))).is_err() {
                        return;
                    }
                }
            });
        }
        drop(sender);
        join_in_order(converter, &pieces, &next, &receiver, &mut out);
    });
    out
}

/// The calling thread's part of `convert`: it takes pieces as the helpers do, and appends
/// the outputs to `out` in order as they become ready. So the joining, whose copying and
/// fresh memory cost about a tenth of a conversion, overlaps the helpers' work; and a piece
/// it takes when its turn to be joined has come converts straight into `out`.
fn join_in_order(
    converter: &Converter,
    pieces: &[&str],
    next: &AtomicUsize,
    done: &mpsc::Receiver<(usize, String)>,
    out: &mut String,
) {
    let mut outputs: Vec<Option<String>> = vec![None; pieces.len()];
    let mut joined = 0;
    while joined < pieces.len() {
        while let Ok((i, output)) = done.try_recv() {
            outputs[i] = Some(output);
        }
        while let Some(output) = outputs.get_mut(joined).and_then(Option::take) {
            out.push_str(&output);
            joined += 1;
        }
        if joined == pieces.len() {
            break;
        }
        let i = next.fetch_add(1, Ordering::Relaxed);
        match pieces.get(i) {
            Some(piece) if i == joined => {
                converter.convert_into(piece, out);
                joined += 1;
            }
            Some(piece) => outputs[i] = Some(converter.convert(piece)),
            // Nothing left to take: wait for the helpers. A helper that panicked sends
            // nothing more; the scope then passes its panic on.
            None => match done.recv() {
                Ok((i, output)) => outputs[i] = Some(output),
                Err(_) => return,
            },
        }
    }
}

/// The number of threads to use for a request of `threads` (0: one per available core).
pub(crate) fn thread_count(threads: usize) -> usize {
    match threads {
        0 => thread::available_parallelism().map_or(1, usize::from),
        n => n,
    }
}

/// Where to cut `text` into pieces of about `piece` bytes: 0, the cuts, and the text's
/// length. A stretch without a cut stays in one piece, however long.
fn cuts(converter: &Converter, text: &str, piece: usize) -> Vec<usize> {
    let is_inert = |c| converter.is_inert(c);
    let mut cuts = vec![0];
    let mut start = 0;
    let mut reach = piece;
    while text.len() - start > reach {
        let mut end = start + reach;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        match last_cut(&text[..end], start, is_inert) {
            Some(cut) => {
                cuts.push(cut);
                start = cut;
                reach = piece;
            }
            // No cut within reach: look twice as far.
            None => reach *= 2,
        }
    }
    cuts.push(text.len());
    cuts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Config;
    use proptest::prelude::*;

    /// Text that puts every kind of cut and non-cut next to the pieces' edges: phrases,
    /// characters that convert, inert characters, IDS operators and 4-byte characters.
    fn text() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "头发",
            "干了",
            "后来",
            "发现",
            "台湾",
            "软件",
            "鼠标",
            "打印机",
            "\n",
            " ",
            "，",
            "。",
            "a",
            "⿰讠",
            "⿰",
            "𠮷",
            "说",
            "著",
            "裡",
            "\u{F900}",
            "了",
            "的",
        ]);
        prop::collection::vec(pieces, 0..400).prop_map(|pieces| pieces.concat())
    }

    proptest! {
        /// Pieces of any size, on 1 to 4 threads, give the sequential output.
        #[test]
        fn parallel_equals_sequential(
            text in text(),
            config in prop::sample::select(Config::ALL.to_vec()),
            threads in 1usize..=4,
            min_piece in 1usize..64,
        ) {
            let converter = Converter::new(config);
            prop_assert_eq!(
                convert(&converter, &text, threads, min_piece),
                converter.convert(&text)
            );
        }
    }

    #[test]
    fn cuts_are_ordered_and_before_inert_characters() {
        let converter = Converter::new(Config::S2T);
        let text = "头发干了。\n后来发现\n".repeat(50);
        let cuts = cuts(&converter, &text, 16);
        assert!(cuts.len() > 10, "{cuts:?}");
        assert!(cuts.windows(2).all(|w| w[0] < w[1]));
        for &cut in &cuts[1..cuts.len() - 1] {
            let next = text[cut..].chars().next().unwrap();
            assert!(converter.is_inert(next), "{next:?} at {cut}");
        }
        // No inert character: one piece.
        assert_eq!(cuts_of("头发".repeat(40)), vec![0, 240]);
    }

    fn cuts_of(text: String) -> Vec<usize> {
        cuts(&Converter::new(Config::S2T), &text, 8)
    }
}
