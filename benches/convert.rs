//! Conversion speed of fanjian against OpenCC 1.4.2 itself and the other Rust converters,
//! in the same process.
//!
//! Groups, each with its peers side by side:
//! - `convert/<config>/<corpus>`: converting real text (`Throughput::Bytes`), for the
//!   config/corpus pairs that make sense (Simplified text for `s2*`, Traditional for the
//!   others, Japanese for `t2jp`/`jp2t`). Peers: `fanjian` (`Converter::convert`),
//!   `opencc` (OpenCC 1.4.2's library through the `opencc-rust` binding, feature
//!   `opencc-ffi`), the Rust converters of feature `peers` (below), and `copy`
//!   (`String::from` of the input: the floor no converter can beat).
//! - `construct/<config>`: building a converter. fanjian's tables are compiled in, so this
//!   takes well under a microsecond; OpenCC loads and indexes its dictionary files (milliseconds).
//! - `convert_short/<config>`: one 30-character sentence, where per-call costs dominate.
//! - `convert_parallel/<config>/<corpora>`: `fanjian` (sequential) against
//!   `fanjian-2-threads` (`Converter::convert_parallel(text, 2)`) on about 50 MB: the
//!   config's corpora (whole files, not cut) one after the other, repeated until 50 MB.
//!   Each group then prints the speed-up measured in turns (`benches/paired`), which holds
//!   on a machine whose speed drifts, where the two estimates' ratio may not.
//!
//! The peers of feature `peers`, each on the configs it has an equivalent of:
//! - `zhconv` 0.4.2 with its default tables (MediaWiki's). It has one converter per target
//!   variant, not per OpenCC config: s2t→zh-Hant; t2s, tw2s, hk2s→zh-Hans; tw2sp,
//!   hk2sp→zh-CN; s2tw, s2twp, t2tw→zh-TW; s2hk, s2hkp, t2hk→zh-HK; tw2t, hk2t→zh-Hant;
//!   none for t2jp/jp2t. Its `opencc` feature is not benched: Cargo unifies a crate's
//!   features in one build, so with it on, the same converters would merge OpenCC's
//!   dictionaries into MediaWiki's and the default tables could not run beside them.
//! - `ferrous-opencc` 0.4 (feature `full`), the same-named config; it has no s2hkp/hk2sp.
//! - `opencc-fmmseg` 0.13, the same-named config, with `set_parallel(false)` (it converts
//!   on Rayon's threads by default) and without punctuation conversion, as OpenCC.
//!
//! The peers give other output than OpenCC by design (other dictionaries, or OpenCC's
//! dictionaries without its segmentation), so the bench does not assert their output; it
//! prints, once per group, on how many of the first 1,000 lines each differs from fanjian
//! (which is OpenCC's output: checked when `opencc-ffi` is on).
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
//! cargo bench --features opencc-ffi,peers --bench convert   # and the Rust peers
//! cargo bench --bench convert                        # fanjian and copy only
//! cargo bench --features opencc-ffi --bench convert -- 'convert/s2t/'   # one group
//! ```
//!
//! A whole run takes about ten minutes without the peers. `scripts/bench-table.py` turns
//! the results into the tables of README.md and BENCHMARKS.md.
//!
//! Corpora come from `$FANJIAN_CORPUS_DIR` (default `target/corpus`, built by
//! `OUT=target/corpus ../shared/bench/get-corpus.sh`) and `../shared/bench/zuozhuan.txt`;
//! each is cut to its first `$FANJIAN_BENCH_BYTES` (default 4 MiB) at a line break, so
//! that a run stays short.

use std::cell::Cell;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use fanjian::{Config, Converter};

mod paired;

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

/// A whole corpus; `None`, with a note on how to build it, when the file is missing.
fn read_corpus(name: &str) -> Option<String> {
    let path = corpus_path(name);
    let text = std::fs::read_to_string(&path);
    if text.is_err() {
        eprintln!(
            "skipping corpus {name}: cannot read {}. Build the corpora with \
             `OUT=target/corpus ../shared/bench/get-corpus.sh` from the crate root, \
             or point FANJIAN_CORPUS_DIR at them.",
            path.display()
        );
    }
    text.ok()
}

/// Cuts `text` to at most `cap` bytes, after its last line break within them.
fn truncate_at_line(text: &mut String, cap: usize) {
    if text.len() > cap {
        let cut = text.as_bytes()[..cap]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |at| at + 1);
        text.truncate(cut);
    }
}

/// The first `$FANJIAN_BENCH_BYTES` of a corpus, cut after a line break.
fn load_corpus(name: &str) -> Option<String> {
    let mut text = read_corpus(name)?;
    let cap = std::env::var("FANJIAN_BENCH_BYTES")
        .map(|bytes| {
            bytes
                .parse()
                .expect("FANJIAN_BENCH_BYTES is a number of bytes")
        })
        .unwrap_or(DEFAULT_BENCH_BYTES);
    truncate_at_line(&mut text, cap);
    Some(text)
}

/// The size of the input of the `convert_parallel` groups: large enough that the threads'
/// start and the joining of the pieces weigh little, as in the use parallelism is for.
const PARALLEL_BYTES: usize = 50_000_000;

/// The whole `corpora`, one after the other (each ending in a line break), repeated until
/// `PARALLEL_BYTES` and cut there after a line break.
fn load_large(corpora: &[&str]) -> Option<String> {
    let whole = corpora
        .iter()
        .map(|name| read_corpus(name))
        .collect::<Option<Vec<_>>>()?;
    if whole.iter().all(String::is_empty) {
        return None;
    }
    let mut text = String::with_capacity(
        PARALLEL_BYTES + whole.iter().map(String::len).sum::<usize>() + whole.len(),
    );
    while text.len() < PARALLEL_BYTES {
        for part in &whole {
            text.push_str(part);
            if !part.ends_with('\n') {
                text.push('\n');
            }
        }
    }
    truncate_at_line(&mut text, PARALLEL_BYTES);
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

/// The Rust converters of feature `peers`, each on its equivalent of a config (see the
/// file's head for the mapping).
#[cfg(feature = "peers")]
mod peers {
    use fanjian::Config;
    use zhconv::Variant;

    /// A peer's conversion, boxed so that the peers of a config sit in one list.
    pub type Convert = Box<dyn Fn(&str) -> String>;

    /// Every peer that has an equivalent of `config`, with its bench name.
    pub fn for_config(config: Config) -> Vec<(&'static str, Convert)> {
        let mut peers: Vec<(&'static str, Convert)> = Vec::new();
        if let Some(variant) = zhconv_variant(config) {
            let converter = zhconv::get_builtin_converter(variant);
            peers.push(("zhconv", Box::new(|text| converter.convert(text))));
        }
        if let Some(builtin) = ferrous_config(config) {
            let converter = ferrous_opencc::OpenCC::from_config(builtin)
                .unwrap_or_else(|error| panic!("ferrous-opencc {config}: {error}"));
            peers.push((
                "ferrous-opencc",
                Box::new(move |text| converter.convert(text)),
            ));
        }
        let fmmseg_config = opencc_fmmseg::OpenccConfig::parse(config.name())
            .unwrap_or_else(|| panic!("opencc-fmmseg has no config {config}"));
        let mut converter = opencc_fmmseg::OpenCC::new();
        converter.set_parallel(false);
        peers.push((
            "opencc-fmmseg",
            Box::new(move |text| converter.convert_with_config(text, fmmseg_config, false)),
        ));
        peers
    }

    /// zhconv converts to a target variant, whatever the source: the variant whose output
    /// the config asks for.
    fn zhconv_variant(config: Config) -> Option<Variant> {
        match config {
            Config::S2T | Config::TW2T | Config::HK2T => Some(Variant::ZhHant),
            Config::T2S | Config::TW2S | Config::HK2S => Some(Variant::ZhHans),
            Config::TW2SP | Config::HK2SP => Some(Variant::ZhCN),
            Config::S2TW | Config::S2TWP | Config::T2TW => Some(Variant::ZhTW),
            Config::S2HK | Config::S2HKP | Config::T2HK => Some(Variant::ZhHK),
            _ => None,
        }
    }

    fn ferrous_config(config: Config) -> Option<ferrous_opencc::config::BuiltinConfig> {
        use ferrous_opencc::config::BuiltinConfig as Builtin;
        Some(match config {
            Config::S2T => Builtin::S2t,
            Config::T2S => Builtin::T2s,
            Config::S2TW => Builtin::S2tw,
            Config::TW2S => Builtin::Tw2s,
            Config::S2HK => Builtin::S2hk,
            Config::HK2S => Builtin::Hk2s,
            Config::S2TWP => Builtin::S2twp,
            Config::TW2SP => Builtin::Tw2sp,
            Config::T2TW => Builtin::T2tw,
            Config::TW2T => Builtin::Tw2t,
            Config::T2HK => Builtin::T2hk,
            Config::HK2T => Builtin::Hk2t,
            Config::JP2T => Builtin::Jp2t,
            Config::T2JP => Builtin::T2jp,
            _ => return None,
        })
    }

    /// Prints on how many of the first 1,000 lines of `text` each peer's output differs
    /// from fanjian's (which is OpenCC's), to put the peers' speed beside their accuracy.
    pub fn print_differences(
        group: &str,
        text: &str,
        converter: &fanjian::Converter,
        peers: &[(&str, Convert)],
    ) {
        let lines: Vec<(&str, String)> = text
            .lines()
            .take(1000)
            .map(|line| (line, converter.convert(line)))
            .collect();
        for (name, convert) in peers {
            let differing = lines
                .iter()
                .filter(|(line, ours)| convert(line) != *ours)
                .count();
            println!(
                "{group}: {name} differs from fanjian (OpenCC's output) on {differing} of the first {} lines",
                lines.len()
            );
        }
    }
}

fn convert(c: &mut Criterion) {
    for &(config, corpora) in PAIRS {
        let converter = Converter::new(config);
        #[cfg(feature = "opencc-ffi")]
        let opencc = opencc::open(config);
        #[cfg(feature = "peers")]
        let peers = peers::for_config(config);
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

            let name = format!("convert/{config}/{corpus}");
            #[cfg(feature = "peers")]
            peers::print_differences(&name, text, &converter, &peers);

            let mut group = c.benchmark_group(name);
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
            #[cfg(feature = "peers")]
            for (peer, convert) in &peers {
                group.bench_function(*peer, |b| b.iter(|| convert(black_box(text))));
            }
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

        let name = format!("convert_short/{config}");
        #[cfg(feature = "peers")]
        let peers = peers::for_config(config);
        #[cfg(feature = "peers")]
        peers::print_differences(&name, text, &converter, &peers);

        let mut group = c.benchmark_group(name);
        group
            .throughput(Throughput::Bytes(text.len() as u64))
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(2));
        group.bench_function("fanjian", |b| b.iter(|| converter.convert(black_box(text))));
        #[cfg(feature = "opencc-ffi")]
        group.bench_function("opencc", |b| {
            b.iter(|| opencc.convert(black_box(text)).unwrap())
        });
        #[cfg(feature = "peers")]
        for (peer, convert) in &peers {
            group.bench_function(*peer, |b| b.iter(|| convert(black_box(text))));
        }
        group.bench_function("copy", |b| b.iter(|| String::from(black_box(text))));
        group.finish();
    }
}

fn convert_parallel(c: &mut Criterion) {
    // Consecutive configs mostly share their corpora: build each 50 MB input once.
    let mut large: Option<(&[&str], String)> = None;
    for &(config, corpora) in PAIRS {
        if large.as_ref().is_none_or(|(built, _)| *built != corpora) {
            large = load_large(corpora).map(|text| (corpora, text));
        }
        let Some((_, text)) = &large else {
            continue;
        };
        let text = text.as_str();
        let converter = Converter::new(config);
        assert!(
            converter.convert_parallel(text, 2) == converter.convert(text),
            "{config}: the parallel conversion differs from the sequential one"
        );

        let name = format!("convert_parallel/{config}/{}", corpora.join("+"));
        let mut group = c.benchmark_group(&name);
        group
            .throughput(Throughput::Bytes(text.len() as u64))
            .sampling_mode(SamplingMode::Flat)
            .sample_size(10)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(5));
        group.bench_function("fanjian", |b| b.iter(|| converter.convert(black_box(text))));
        // The paired speed-up once, and only when this benchmark is selected.
        let printed = Cell::new(false);
        group.bench_function("fanjian-2-threads", |b| {
            if !printed.replace(true) {
                let speedup = paired::median_ratio(
                    9,
                    [
                        &|| drop(black_box(converter.convert(black_box(text)))),
                        &|| drop(black_box(converter.convert_parallel(black_box(text), 2))),
                    ],
                );
                println!("{name}: fanjian-2-threads {speedup:.2}x fanjian (paired)");
            }
            b.iter(|| converter.convert_parallel(black_box(text), 2))
        });
        group.finish();
    }
}

criterion_group!(benches, convert, construct, convert_short, convert_parallel);
criterion_main!(benches);
