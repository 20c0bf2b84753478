//! Detection throughput on real text, beside a copy of the text (the speed floor no pass
//! over the text can beat) and a plain decoding of every character (`str::chars()`,
//! summing a few bits of each), the least any per-character pass does.
//!
//! Groups are `detect/<corpus>`, with `Throughput::Bytes`. Detection decodes each
//! character, loads one flag byte per Han character and adds it into a word that counts
//! all flags at once, so expect it within a small factor of the plain decoding: several
//! hundred MB/s on every corpus on an idle machine.
//!
//! The corpora come from `bash ../shared/bench/get-corpus.sh` into `target/corpus`, or from
//! the directory in `FANJIAN_CORPUS_DIR`; only the first 4 MB of each are used:
//! `cargo bench --bench detect -- --warm-up-time 1 --measurement-time 3`.

use std::hint::black_box;

mod corpus;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const CORPORA: [&str; 5] = [
    "zh-hans-modern",
    "zh-hant-modern",
    "zh-hant-classical",
    "zh-hant-hk",
    "zh-mixed",
];

/// How much of each corpus to use.
const LIMIT: usize = 4 << 20;

fn detect(c: &mut Criterion) {
    let dir = corpus::dir();
    let mut missing = Vec::new();
    for name in CORPORA {
        let Some(text) = corpus::load(&dir, name, LIMIT) else {
            missing.push(name);
            continue;
        };
        let mut group = c.benchmark_group(format!("detect/{name}"));
        group.throughput(Throughput::Bytes(text.len() as u64));
        let mut copy = String::with_capacity(text.len());
        group.bench_function("copy", |b| {
            b.iter(|| {
                copy.clear();
                copy.push_str(black_box(&text));
                black_box(copy.len())
            })
        });
        group.bench_function("chars-decode", |b| {
            b.iter(|| {
                black_box(&text)
                    .chars()
                    .map(|c| u32::from(c) as usize & 7)
                    .sum::<usize>()
            })
        });
        group.bench_function("fanjian-detect", |b| {
            b.iter(|| black_box(fanjian::detect(black_box(&text))))
        });
        group.finish();
    }
    if !missing.is_empty() {
        eprintln!(
            "detect bench: no corpus {missing:?} in {}; run ../shared/bench/get-corpus.sh",
            dir.display()
        );
    }
}

criterion_group!(benches, detect);
criterion_main!(benches);
