//! Converts a file or standard input with one of OpenCC's configurations, like OpenCC's
//! command-line tool.
//!
//! ```text
//! cargo run --release --example convert -- -c s2twp -i input.txt -o output.txt
//! echo 头发干了 | cargo run --release --example convert -- -c s2t
//! ```
//!
//! Options:
//! - `-c`, `--config NAME`: one of the 16 configurations (`s2t`, `s2twp.json`, ...);
//!   default `s2t`;
//! - `-i`, `--input FILE`: the file to convert; default standard input;
//! - `-o`, `--output FILE`: where to write; default standard output. The file is written
//!   beside its final place and renamed over it only once complete, so an existing file is
//!   never left half-written, even when it is also the input;
//! - `--tofu-risk include|exclude`: whether to use dictionaries that may output characters
//!   fonts lack (default `include`, as OpenCC's library; its command-line tool excludes);
//! - `--normalize PROFILE`: normalize punctuation, width and Unicode with a profile
//!   (`neutral`, `mainland`, `taiwan`, `hongkong`) before converting, as
//!   `Normalizer::convert_normalized_into` does; `auto` picks the profile that suits the
//!   configuration's output;
//! - `--to hans|hant|tw|twp|hk|jp`: instead of `-c`, detect the input's script and region
//!   and pick the configuration, or repair Traditional input (see `support/target.rs`);
//! - `--repair t|tw|hk`: instead of `-c`, repair Traditional text that a naive converter
//!   left with Simplified leftovers (關于 → 關於) toward that standard.
//!
//! The input is converted as a stream, so files larger than memory work. Any error (unknown
//! configuration, unreadable input, invalid UTF-8 with its line and byte offset) prints one
//! line on standard error and exits with status 1.

use std::fs::File;
use std::io::{self, BufReader};
use std::path::PathBuf;
use std::process::ExitCode;

#[path = "support/output.rs"]
mod output;
#[path = "support/target.rs"]
mod target;

use fanjian::normalize::{Normalizer, Profile};
use fanjian::{Config, Converter, TofuRisk};

struct Options {
    config: Config,
    tofu_risk: TofuRisk,
    /// `Some(None)`: `--normalize auto`, the configuration's profile.
    normalize: Option<Option<Profile>>,
    input: Option<PathBuf>,
    output: Option<PathBuf>,
    /// `--to` or `--repair`, which replace `-c`.
    request: Option<target::Request>,
}

fn main() -> ExitCode {
    match parse_args(std::env::args().skip(1)).and_then(|options| run(&options)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("convert: {message}");
            ExitCode::FAILURE
        }
    }
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
    let mut options = Options {
        config: Config::S2T,
        tofu_risk: TofuRisk::Include,
        normalize: None,
        input: None,
        output: None,
        request: None,
    };
    let mut config_given = false;
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "-c" | "--config" => {
                options.config = value(&arg)?.parse().map_err(|e| format!("{e}"))?;
                config_given = true;
            }
            "-i" | "--input" => options.input = Some(PathBuf::from(value(&arg)?)),
            "-o" | "--output" => options.output = Some(PathBuf::from(value(&arg)?)),
            "--tofu-risk" => {
                options.tofu_risk = match value(&arg)?.as_str() {
                    "include" => TofuRisk::Include,
                    "exclude" => TofuRisk::Exclude,
                    other => {
                        return Err(format!(
                            "--tofu-risk takes include or exclude, not {other:?}"
                        ));
                    }
                }
            }
            "--normalize" => {
                options.normalize = match value(&arg)?.as_str() {
                    "auto" => Some(None),
                    name => Some(Some(name.parse().map_err(|e| format!("{e}"))?)),
                }
            }
            "--to" => options.request = Some(target::Request::to(&value(&arg)?)?),
            "--repair" => {
                options.request = Some(target::Request::Repair(
                    value(&arg)?.parse().map_err(|e| format!("{e}"))?,
                ))
            }
            "-h" | "--help" => {
                return Err("usage: convert [-c CONFIG] [-i INPUT] [-o OUTPUT] [--tofu-risk include|exclude] [--normalize PROFILE|auto] [--to hans|hant|tw|twp|hk|jp] [--repair t|tw|hk]".into());
            }
            other => return Err(format!("unknown argument {other:?} (try --help)")),
        }
    }
    if config_given && options.request.is_some() {
        return Err("-c and --to or --repair exclude each other".into());
    }
    Ok(options)
}

fn run(options: &Options) -> Result<(), String> {
    if let Some(request) = options.request {
        return run_request(options, request);
    }
    let converter = Converter::builder(options.config)
        .tofu_risk(options.tofu_risk)
        .build();
    let input_name = options
        .input
        .as_deref()
        .map_or("standard input".into(), |path| path.display().to_string());
    let input: Box<dyn io::Read> = match &options.input {
        Some(path) => Box::new(File::open(path).map_err(|e| format!("{}: {e}", path.display()))?),
        None => Box::new(io::stdin().lock()),
    };
    let normalizer = options.normalize.map(|profile| {
        Normalizer::new(profile.unwrap_or_else(|| Profile::for_config(options.config)))
    });
    let input: Box<dyn io::Read + '_> = match &normalizer {
        Some(normalizer) => Box::new(normalizer.reader(BufReader::with_capacity(1 << 16, input))),
        None => input,
    };
    output::write_to(options.output.as_deref(), |out| {
        converter
            .convert_stream(input, out)
            .map(drop)
            .map_err(|e| format!("{input_name}: {e}"))
    })
}

/// `--to` or `--repair`.
fn run_request(options: &Options, request: target::Request) -> Result<(), String> {
    let (input, name): (Box<dyn io::Read>, String) = match &options.input {
        Some(path) => (
            Box::new(File::open(path).map_err(|e| format!("{}: {e}", path.display()))?),
            path.display().to_string(),
        ),
        None => (Box::new(io::stdin().lock()), "standard input".into()),
    };
    let input = BufReader::with_capacity(1 << 16, input);
    output::write_to(options.output.as_deref(), |out| {
        target::run(
            request,
            options.tofu_risk,
            options.normalize,
            input,
            &name,
            out,
        )
    })
}
