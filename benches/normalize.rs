//! Normalization throughput on real text: each profile beside `unicode-normalization`'s
//! plain NFC of the same text (the peer the issue measures against) and a copy of the text
//! (the speed no normalizer can beat).
//!
//! Groups are `normalize/<corpus>`, with `Throughput::Bytes`. Every profile writes through
//! `normalize_into` into a reused buffer, as NFC and the copy do, so all pay for one copy.
//! A line that no op can change is recognised in one pass over it and copied in bulk, while
//! NFC decomposes and recomposes every character, so expect `neutral` at or above NFC and
//! the punctuation profiles near it: on a 2-core machine, `mainland` measured 0.8–1.3× NFC
//! across these corpora, against the aim of at least half.
//!
//! The corpora come from `bash ../shared/bench/get-corpus.sh` into `target/corpus`, or from
//! the directory in `FANJIAN_CORPUS_DIR`. Only the first few MB of each are used, so the
//! whole run stays short: `cargo bench --bench normalize -- --warm-up-time 1 --measurement-time 3`.

use std::hint::black_box;

mod corpus;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use fanjian::normalize::{Normalizer, Profile};
use unicode_normalization::UnicodeNormalization;

const CORPORA: [&str; 4] = ["zh-hans-modern", "zh-hant-modern", "zh-mixed", "zh-hant-hk"];

/// How much of each corpus to use.
const LIMIT: usize = 4 << 20;

fn normalize(c: &mut Criterion) {
    let dir = corpus::dir();
    let mut missing = Vec::new();
    for name in CORPORA {
        let Some(text) = corpus::load(&dir, name, LIMIT) else {
            missing.push(name);
            continue;
        };
        let mut group = c.benchmark_group(format!("normalize/{name}"));
        group.throughput(Throughput::Bytes(text.len() as u64));
        let mut out = String::with_capacity(2 * text.len());
        group.bench_function("copy", |b| {
            b.iter(|| {
                out.clear();
                out.push_str(black_box(&text));
            })
        });
        group.bench_function("unicode-normalization-nfc", |b| {
            b.iter(|| {
                out.clear();
                out.extend(black_box(&text).nfc());
            })
        });
        for profile in Profile::ALL {
            let normalizer = Normalizer::new(profile);
            group.bench_function(profile.name(), |b| {
                b.iter(|| {
                    out.clear();
                    normalizer.normalize_into(black_box(&text), &mut out);
                })
            });
        }
        let spaced = Normalizer::builder(Profile::Mainland).spacing(true).build();
        group.bench_function("mainland+spacing", |b| {
            b.iter(|| {
                out.clear();
                spaced.normalize_into(black_box(&text), &mut out);
            })
        });
        group.finish();
    }
    if !missing.is_empty() {
        eprintln!(
            "corpora {} not found in {}: build them with `bash ../shared/bench/get-corpus.sh`, \
             or point FANJIAN_CORPUS_DIR at them",
            missing.join(", "),
            dir.display()
        );
    }
}

criterion_group!(benches, normalize);
criterion_main!(benches);
