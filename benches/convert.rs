//! Conversion speed of fanjian against OpenCC 1.4.2 itself, in the same process.
//!
//! Groups, each with its peers side by side:
//! - `convert/<config>/<corpus>`: converting real text (`Throughput::Bytes`), for the
//!   config/corpus pairs that make sense (Simplified text for `s2*`, Traditional for the
//!   others, Japanese for `t2jp`/`jp2t`). Peers: `fanjian` (`Converter::convert`),
//!   `opencc` (OpenCC 1.4.2's library through the `opencc-rust` binding), and `copy`
//!   (`String::from` of the input: the floor no converter can beat).
//! - `construct/<config>`: building a converter. fanjian's tables are compiled in, so this
//!   takes well under a microsecond; OpenCC loads and indexes its dictionary files (milliseconds).
//! - `convert_short/<config>`: one 30-character sentence, where per-call costs dominate.
//!
//! What to expect: fanjian a few times to ten times OpenCC's throughput, the most on the
//! `s2*` configs, where OpenCC is slowest (the goals are 10x for s2t and t2s and 8x for
//! s2twp); `copy` in GiB/s, far above both; construction thousands of times faster.
//!
//! Before measuring, each `convert` group asserts that fanjian's output equals OpenCC's on
//! the whole input, so the bench also guards exactness.
//!
//! Running (from the crate root):
//!
//! ```text
//! eval "$(../shared/bench/setup-opencc-ffi.sh)"    # OpenCC 1.4.2 from its PyPI wheel
//! cargo bench --features opencc-ffi --bench convert
//! cargo bench --bench convert                        # fanjian and copy only
//! cargo bench --features opencc-ffi --bench convert -- 'convert/s2t/'   # one group
//! ```
//!
//! A whole run takes about ten minutes.
//!
//! Corpora come from `$FANJIAN_CORPUS_DIR` (default `target/corpus`, built by
//! `OUT=target/corpus ../shared/bench/get-corpus.sh`) and `../shared/bench/zuozhuan.txt`;
//! each is cut to its first `$FANJIAN_BENCH_BYTES` (default 4 MiB) at a line break, so
//! that a run stays short.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use fanjian::{Config, Converter};

const DEFAULT_BENCH_BYTES: usize = 4 << 20;

/// Which corpora each config converts: text written in the script it converts from.
const PAIRS: &[(Config, &[&str])] = &[
    (Config::S2T, &["zh-hans-modern", "zuozhuan"]),
    (Config::S2TW, &["zh-hans-modern", "zuozhuan"]),
    (Config::S2TWP, &["zh-hans-modern", "zuozhuan"]),
    (Config::S2HK, &["zh-hans-modern", "zuozhuan"]),
    (Config::S2HKP, &["zh-hans-modern", "zuozhuan"]),
    (Config::T2S, &["zh-hant-modern"]),
    (Config::TW2S, &["zh-hant-modern"]),
    (Config::TW2SP, &["zh-hant-modern"]),
    (Config::HK2S, &["zh-hant-modern", "zh-hant-hk"]),
    (Config::HK2SP, &["zh-hant-modern", "zh-hant-hk"]),
    (Config::T2TW, &["zh-hant-modern"]),
    (Config::TW2T, &["zh-hant-modern"]),
    (Config::T2HK, &["zh-hant-modern", "zh-hant-hk"]),
    (Config::HK2T, &["zh-hant-modern", "zh-hant-hk"]),
    (Config::T2JP, &["ja"]),
    (Config::JP2T, &["ja"]),
];

/// Where a corpus is: `zuozhuan` is shared by the workspace, the others are built.
fn corpus_path(name: &str) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if name == "zuozhuan" {
        return root.join("../shared/bench/zuozhuan.txt");
    }
    let dir = std::env::var_os("FANJIAN_CORPUS_DIR")
        .map_or_else(|| root.join("target/corpus"), PathBuf::from);
    dir.join(format!("{name}.txt"))
}

/// The first `$FANJIAN_BENCH_BYTES` of a corpus, cut after a line break; `None`, with a
/// note on how to build it, when the file is missing.
fn load_corpus(name: &str) -> Option<String> {
    let path = corpus_path(name);
    let Ok(mut text) = std::fs::read_to_string(&path) else {
        eprintln!(
            "skipping corpus {name}: cannot read {}. Build the corpora with \
             `OUT=target/corpus ../shared/bench/get-corpus.sh` from the crate root, \
             or point FANJIAN_CORPUS_DIR at them.",
            path.display()
        );
        return None;
    };
    let cap = std::env::var("FANJIAN_BENCH_BYTES")
        .map(|bytes| {
            bytes
                .parse()
                .expect("FANJIAN_BENCH_BYTES is a number of bytes")
        })
        .unwrap_or(DEFAULT_BENCH_BYTES);
    if text.len() > cap {
        let cut = text.as_bytes()[..cap]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |at| at + 1);
        text.truncate(cut);
    }
    Some(text)
}

/// OpenCC 1.4.2 through `opencc-rust`, reading the wheel's compiled dictionaries.
#[cfg(feature = "opencc-ffi")]
mod opencc {
    use std::path::PathBuf;

    use fanjian::Config;
    pub use opencc_rust::OpenCC;

    pub fn open(config: Config) -> OpenCC {
        let share = std::env::var_os("OPENCC_SHARE").map(PathBuf::from).expect(
            "OPENCC_SHARE is not set: run `eval \"$(../shared/bench/setup-opencc-ffi.sh)\"` first",
        );
        let path = share.join(format!("{}.json", config.name()));
        OpenCC::new(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
    }
}

fn convert(c: &mut Criterion) {
    for &(config, corpora) in PAIRS {
        let converter = Converter::new(config);
        #[cfg(feature = "opencc-ffi")]
        let opencc = opencc::open(config);
        for corpus in corpora {
            let Some(text) = load_corpus(corpus) else {
                continue;
            };
            let text = text.as_str();
            #[cfg(feature = "opencc-ffi")]
            assert!(
                converter.convert(text) == opencc.convert(text).unwrap(),
                "{config}/{corpus}: fanjian's output differs from OpenCC's; run scripts/differential.py"
            );

            let mut group = c.benchmark_group(format!("convert/{config}/{corpus}"));
            // Megabytes per iteration: a few flat samples measure well enough.
            group
                .throughput(Throughput::Bytes(text.len() as u64))
                .sampling_mode(SamplingMode::Flat)
                .sample_size(10)
                .warm_up_time(Duration::from_secs(1))
                .measurement_time(Duration::from_secs(3));
            group.bench_function("fanjian", |b| b.iter(|| converter.convert(black_box(text))));
            #[cfg(feature = "opencc-ffi")]
            group.bench_function("opencc", |b| {
                b.iter(|| opencc.convert(black_box(text)).unwrap())
            });
            group.bench_function("copy", |b| b.iter(|| String::from(black_box(text))));
            group.finish();
        }
    }
}

fn construct(c: &mut Criterion) {
    for config in Config::ALL {
        let mut group = c.benchmark_group(format!("construct/{config}"));
        group
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(2));
        group.bench_function("fanjian", |b| b.iter(|| Converter::new(black_box(config))));
        // Each OpenCC instance is dropped before the next is built, so OpenCC's
        // process-wide dictionary cache (weak pointers) cannot serve it: every
        // iteration loads the dictionaries, as a fresh process would. A load takes up to
        // a tenth of a second: a few flat samples suffice.
        #[cfg(feature = "opencc-ffi")]
        group
            .sampling_mode(SamplingMode::Flat)
            .sample_size(10)
            .bench_function("opencc", |b| b.iter(|| opencc::open(black_box(config))));
        group.finish();
    }
}

/// 30 characters in the script each config converts from.
fn short_sentence(config: Config) -> &'static str {
    match config {
        Config::S2T | Config::S2TW | Config::S2TWP | Config::S2HK | Config::S2HKP => {
            "头发干了以后，我们在里面用鼠标和软件看了一本历史书和旧报纸。"
        }
        Config::HK2S | Config::HK2SP | Config::HK2T => {
            "頭髮乾了以後，我們在裏面用滑鼠和軟件看了一本歷史書和舊報紙。"
        }
        Config::T2JP | Config::JP2T => {
            "旧字体と新字体の違いを歴史的仮名遣いの短い文章で説明します。"
        }
        _ => "頭髮乾了以後，我們在裡面用滑鼠和軟體看了一本歷史書和舊報紙。",
    }
}

fn convert_short(c: &mut Criterion) {
    for config in Config::ALL {
        let text = short_sentence(config);
        let converter = Converter::new(config);
        #[cfg(feature = "opencc-ffi")]
        let opencc = opencc::open(config);
        #[cfg(feature = "opencc-ffi")]
        assert_eq!(
            converter.convert(text),
            opencc.convert(text).unwrap(),
            "{config}"
        );

        let mut group = c.benchmark_group(format!("convert_short/{config}"));
        group
            .throughput(Throughput::Bytes(text.len() as u64))
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(2));
        group.bench_function("fanjian", |b| b.iter(|| converter.convert(black_box(text))));
        #[cfg(feature = "opencc-ffi")]
        group.bench_function("opencc", |b| {
            b.iter(|| opencc.convert(black_box(text)).unwrap())
        });
        group.bench_function("copy", |b| b.iter(|| String::from(black_box(text))));
        group.finish();
    }
}

criterion_group!(benches, convert, construct, convert_short);
criterion_main!(benches);
