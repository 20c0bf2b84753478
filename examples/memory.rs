//! Resident memory of the built-in converters: the process's resident set before and after
//! building every built-in converter and converting one sentence with each (Linux: it
//! reads `/proc/self/status`).
//!
//! ```text
//! cargo run --release --example memory                                    # fanjian
//! eval "$(../shared/bench/setup-opencc-ffi.sh)"
//! cargo run --release --features opencc-ffi --example memory -- opencc    # OpenCC 1.4.2
//! ```
//!
//! Each engine runs in a process of its own, so that one's memory never counts for the
//! other. Output: one line per figure of `/proc/self/status` (`VmRSS`, and its `RssAnon`
//! heap and `RssFile` mapped-file parts), each `<engine> <figure>: <before> kB before,
//! <after> kB after 16 converters (+<growth> kB)`. fanjian's tables are compiled into the
//! binary, so what it touches of them shows in `RssFile`; OpenCC reads its dictionary files
//! into the heap (`RssAnon`).
//!
//! An unknown engine, or `opencc` without the feature `opencc-ffi`, prints one line on
//! standard error and exits with status 1.

use fanjian::{Config, Converter};

/// Both scripts, so that every config finds something of its own to convert.
const SENTENCE: &str = "头发干了以后，我們在裡面用鼠標看了一本歷史书和旧報紙。";

/// The figures of `/proc/self/status` that make up the resident set.
const FIGURES: [&str; 3] = ["VmRSS", "RssAnon", "RssFile"];

/// The current value in kB of each of `FIGURES`.
fn resident() -> Result<[u64; 3], String> {
    let status = std::fs::read_to_string("/proc/self/status")
        .map_err(|error| format!("cannot read /proc/self/status: {error}"))?;
    let mut values = [0; 3];
    for (figure, value) in FIGURES.iter().zip(&mut values) {
        *value = status
            .lines()
            .find_map(|line| line.strip_prefix(figure)?.strip_prefix(':'))
            .and_then(|rest| rest.trim().strip_suffix("kB")?.trim().parse().ok())
            .ok_or_else(|| format!("/proc/self/status has no {figure} line in kB"))?;
    }
    Ok(values)
}

/// Builds every built-in converter, converts `SENTENCE` with each, and returns them all so
/// that they stay alive until the memory is read.
fn build_fanjian() -> Result<Vec<Converter>, String> {
    let converters: Vec<Converter> = Config::ALL.into_iter().map(Converter::new).collect();
    for converter in &converters {
        std::hint::black_box(converter.convert(SENTENCE));
    }
    Ok(converters)
}

/// The same for OpenCC 1.4.2, from the dictionaries in `$OPENCC_SHARE`.
#[cfg(feature = "opencc-ffi")]
fn build_opencc() -> Result<Vec<opencc_rust::OpenCC>, String> {
    let share = std::env::var_os("OPENCC_SHARE").ok_or(
        "OPENCC_SHARE is not set: run `eval \"$(../shared/bench/setup-opencc-ffi.sh)\"` first",
    )?;
    let mut converters = Vec::new();
    for config in Config::ALL {
        let path = std::path::Path::new(&share).join(format!("{}.json", config.name()));
        let converter = opencc_rust::OpenCC::new(&path)
            .map_err(|error| format!("{}: {error}", path.display()))?;
        std::hint::black_box(
            converter
                .convert(SENTENCE)
                .map_err(|error| format!("{}: {error}", path.display()))?,
        );
        converters.push(converter);
    }
    Ok(converters)
}

#[cfg(not(feature = "opencc-ffi"))]
fn build_opencc() -> Result<Vec<()>, String> {
    Err("this build has no OpenCC: build with `--features opencc-ffi`".to_string())
}

/// Measures `build` and prints one line per figure.
fn report<T>(engine: &str, build: impl FnOnce() -> Result<Vec<T>, String>) -> Result<(), String> {
    let before = resident()?;
    let converters = build()?;
    let after = resident()?;
    for ((figure, before), after) in FIGURES.iter().zip(before).zip(after) {
        println!(
            "{engine} {figure}: {before} kB before, {after} kB after {} converters ({:+} kB)",
            converters.len(),
            after as i64 - before as i64
        );
    }
    Ok(())
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let engine = args.next().unwrap_or_else(|| "fanjian".to_string());
    if let Some(extra) = args.next() {
        return Err(format!(
            "unexpected argument {extra:?}: give one engine at most"
        ));
    }
    match engine.as_str() {
        "fanjian" => report("fanjian", build_fanjian),
        "opencc" => report("opencc", build_opencc),
        other => Err(format!(
            "unknown engine {other:?}: expected fanjian or opencc"
        )),
    }
}

fn main() {
    if let Err(message) = run() {
        eprintln!("memory: {message}");
        std::process::exit(1);
    }
}
