//! Conversion time on hostile input, over growing sizes: if the throughput stays flat as the
//! input grows, the time is linear in the size.
//!
//! Inputs (each cut to the size of the run, `pathological/<input>/<size>`):
//! - `phrase-prefix`: the longest key of `STPhrases.txt` without its last character,
//!   repeated: every position walks deep into the trie and fails;
//! - `one-line`: real text without a single line break (no cut for a stream);
//! - `four-byte`: only characters outside the Basic Multilingual Plane, some of them keys;
//! - `ids-operators`: only ideographic description operators, each of which starts a parse;
//! - `ids-almost`: operators with one operand too few, so that every parse runs to its
//!   limit and fails.
//!
//! Run with `cargo bench --bench pathological`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use fanjian::{Config, Converter};

const SIZES: [usize; 4] = [64 << 10, 256 << 10, 1 << 20, 4 << 20];

/// The longest key of the s2t phrase dictionary.
fn longest_phrase() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/opencc/STPhrases.txt");
    std::fs::read_to_string(path)
        .expect("the vendored dictionary")
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| line.split('\t').next())
        .max_by_key(|key| key.chars().count())
        .expect("keys")
        .to_owned()
}

/// A line of real text for `one-line`: the sample shipped with the examples.
fn sample_line() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/sample-hans.txt");
    std::fs::read_to_string(path)
        .expect("the sample text")
        .replace(['\n', '\r'], "")
}

/// The inputs, each as a unit to repeat.
fn units() -> Vec<(&'static str, String)> {
    let phrase = longest_phrase();
    let prefix: String = phrase.chars().take(phrase.chars().count() - 1).collect();
    vec![
        ("phrase-prefix", prefix),
        ("one-line", sample_line()),
        ("four-byte", "𠮷𡈽𤆬𩸽𧾷𪘀".to_owned()),
        ("ids-operators", "⿰⿱⿲⿳⿴⿵⿶⿷⿸⿹⿺⿻".to_owned()),
        ("ids-almost", "⿰⿰⿰⿰讠".to_owned()),
    ]
}

/// `unit` repeated to `size` bytes (cut at a character boundary).
fn repeat_to(unit: &str, size: usize) -> String {
    let mut text = unit.repeat(size / unit.len() + 1);
    let mut end = size;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
    text
}

fn pathological(c: &mut Criterion) {
    let converter = Converter::new(Config::S2TWP);
    for (name, unit) in units() {
        let mut group = c.benchmark_group(format!("pathological/{name}"));
        group
            .sampling_mode(SamplingMode::Flat)
            .sample_size(10)
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(2));
        for size in SIZES {
            let text = repeat_to(&unit, size);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_function(format!("{}KiB", size >> 10), |b| {
                b.iter(|| converter.convert(black_box(&text)))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, pathological);
criterion_main!(benches);
