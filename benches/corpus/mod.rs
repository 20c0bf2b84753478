//! The real-text corpora the benches read: `$FANJIAN_CORPUS_DIR`, by default
//! `target/corpus` (built by `OUT=target/corpus ../shared/bench/get-corpus.sh`).

use std::env;
use std::fs;
use std::path::{Path, PathBuf};

/// Where the corpora are.
pub fn dir() -> PathBuf {
    env::var_os("FANJIAN_CORPUS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/corpus"))
}

/// The first `limit` bytes of corpus `name` in `dir`, cut after a line; `None` when the
/// file is missing.
pub fn load(dir: &Path, name: &str, limit: usize) -> Option<String> {
    let mut text = fs::read_to_string(dir.join(format!("{name}.txt"))).ok()?;
    if text.len() > limit {
        let cut = text.as_bytes()[..limit]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |at| at + 1);
        text.truncate(cut);
    }
    Some(text)
}
