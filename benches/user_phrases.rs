//! What user phrases cost: building a converter with 10,000 of them, and converting with
//! them, against the same built-in converter without.
//!
//! Groups:
//! - `user_phrases/build/s2tw`: `Converter::builder(Config::S2TW).user_phrases(..).build()`
//!   with 10,000 phrases (peer `builtin`: the same without phrases). The phrases are every
//!   fourth entry of OpenCC's `STPhrases.txt`, each mapped to its first candidate: real
//!   words, which real text holds often, so the scan for them finds many and the built-in
//!   conversion runs on many short stretches between them (the costly case).
//! - `user_phrases/convert/<config>/<corpus>` (`Throughput::Bytes`), for s2tw and s2t
//!   (the faster configuration, where the scan weighs more): peers `builtin` and
//!   `user-10000`. Each group then prints the throughput ratio measured in turns (`benches/paired`),
//!   which holds on a machine whose speed drifts, where the two estimates' ratio may not.
//!
//! What to expect: building in a few milliseconds (the goal is well under 0.1 s);
//! converting with the phrases at no less than 80% of the built-in throughput.
//!
//! ```text
//! cargo bench --bench user_phrases
//! ```
//!
//! Corpora as in `benches/convert.rs`: `$FANJIAN_CORPUS_DIR` (default `target/corpus`) and
//! `../shared/bench/zuozhuan.txt`, cut to the first 4 MiB at a line break.

use std::cell::Cell;
use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use fanjian::{Config, Converter};

mod paired;

const PHRASES: usize = 10_000;

fn phrases() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("data/opencc/STPhrases.txt")).unwrap();
    let phrases: Vec<(String, String)> = text
        .lines()
        .filter(|line| !line.starts_with('#') && !line.is_empty())
        .step_by(4)
        .take(PHRASES)
        .map(|line| {
            let (key, values) = line.split_once('\t').unwrap();
            (key.to_owned(), values.split(' ').next().unwrap().to_owned())
        })
        .collect();
    assert_eq!(phrases.len(), PHRASES);
    phrases
}

fn corpus(name: &str) -> Option<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let path = if name == "zuozhuan" {
        root.join("../shared/bench/zuozhuan.txt")
    } else {
        std::env::var_os("FANJIAN_CORPUS_DIR")
            .map_or_else(|| root.join("target/corpus"), Into::into)
            .join(format!("{name}.txt"))
    };
    let Ok(mut text) = std::fs::read_to_string(&path) else {
        eprintln!("skipped {name}: {} is missing", path.display());
        return None;
    };
    if text.len() > 4 << 20 {
        let cut = text[..4 << 20].rfind('\n').map_or(4 << 20, |i| i + 1);
        text.truncate(cut);
    }
    Some(text)
}

fn bench(c: &mut Criterion) {
    let phrases = phrases();
    let with_phrases = |config| {
        Converter::builder(config)
            .user_phrases(phrases.iter().map(|(k, v)| (k, v)))
            .unwrap()
            .build()
    };
    let mut group = c.benchmark_group("user_phrases/build/s2tw");
    group.bench_function("builtin", |b| {
        b.iter(|| Converter::builder(Config::S2TW).build())
    });
    group.bench_function("user-10000", |b| b.iter(|| with_phrases(Config::S2TW)));
    group.finish();

    let corpora: Vec<(&str, String)> = ["zh-hans-modern", "zuozhuan"]
        .into_iter()
        .filter_map(|name| Some((name, corpus(name)?)))
        .collect();
    for config in [Config::S2TW, Config::S2T] {
        let builtin = Converter::new(config);
        let custom = with_phrases(config);
        for (name, text) in &corpora {
            let group_name = format!("user_phrases/convert/{config}/{name}");
            let mut group = c.benchmark_group(&group_name);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.sample_size(20);
            group.bench_function("builtin", |b| b.iter(|| builtin.convert(black_box(text))));
            // The paired ratio once, and only when this benchmark is selected.
            let printed = Cell::new(false);
            group.bench_function("user-10000", |b| {
                if !printed.replace(true) {
                    let ratio = paired::median_ratio(
                        31,
                        [
                            &|| drop(black_box(builtin.convert(black_box(text)))),
                            &|| drop(black_box(custom.convert(black_box(text)))),
                        ],
                    );
                    println!(
                        "{group_name}: user-10000 at {ratio:.3} of builtin's throughput (paired)"
                    );
                }
                b.iter(|| custom.convert(black_box(text)))
            });
            group.finish();
        }
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
