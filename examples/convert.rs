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
//! - `--config-file FILE.json`: an OpenCC configuration file instead of `-c` (its
//!   dictionaries are found beside it, or built in);
//! - `--dict FILE` (repeatable): user phrases in OpenCC's text format, which win over the
//!   configuration's dictionaries; `--protect FILE` (repeatable): words never converted,
//!   one a line;
//! - `--inspect`: instead of the conversion, one JSON object a line per segment
//!   (`source`, `output`, `dictionaries`); `--ambiguities`: one per match of an entry
//!   with several candidates (`segment`, `key`, `candidates`, `dictionary`). Both read the
//!   whole input first.
//!
//! The input is converted as a stream, so files larger than memory work. Any error (unknown
//! configuration, unreadable input, invalid UTF-8 with its line and byte offset) prints one
//! line on standard error and exits with status 1.

use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::PathBuf;
use std::process::ExitCode;

#[path = "support/output.rs"]
mod output;

use fanjian::normalize::{Normalizer, Profile};
use fanjian::{Config, ConfigFile, Converter, TofuRisk};

struct Options {
    config: Config,
    config_file: Option<PathBuf>,
    dicts: Vec<PathBuf>,
    protect: Vec<PathBuf>,
    inspect: bool,
    ambiguities: bool,
    tofu_risk: TofuRisk,
    /// `Some(None)`: `--normalize auto`, the configuration's profile.
    normalize: Option<Option<Profile>>,
    input: Option<PathBuf>,
    output: Option<PathBuf>,
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
        config_file: None,
        dicts: Vec::new(),
        protect: Vec::new(),
        inspect: false,
        ambiguities: false,
        tofu_risk: TofuRisk::Include,
        normalize: None,
        input: None,
        output: None,
    };
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "-c" | "--config" => {
                options.config = value(&arg)?.parse().map_err(|e| format!("{e}"))?
            }
            "--config-file" => options.config_file = Some(PathBuf::from(value(&arg)?)),
            "--dict" => options.dicts.push(PathBuf::from(value(&arg)?)),
            "--protect" => options.protect.push(PathBuf::from(value(&arg)?)),
            "--inspect" => options.inspect = true,
            "--ambiguities" => options.ambiguities = true,
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
            "-h" | "--help" => {
                return Err("usage: convert [-c CONFIG | --config-file FILE.json] [-i INPUT] [-o OUTPUT] [--tofu-risk include|exclude] [--normalize PROFILE|auto] [--dict FILE]... [--protect FILE]... [--inspect] [--ambiguities]".into());
            }
            other => return Err(format!("unknown argument {other:?} (try --help)")),
        }
    }
    Ok(options)
}

fn run(options: &Options) -> Result<(), String> {
    let mut builder = match &options.config_file {
        Some(path) => {
            Converter::builder_from_file(&ConfigFile::load(path).map_err(|e| e.to_string())?)
        }
        None => Converter::builder(options.config),
    };
    builder.tofu_risk(options.tofu_risk);
    for path in &options.dicts {
        builder.user_phrases_file(path).map_err(|e| e.to_string())?;
    }
    for path in &options.protect {
        builder.protect_file(path).map_err(|e| e.to_string())?;
    }
    let converter = builder.build();
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
    if options.inspect || options.ambiguities {
        return inspect(&converter, input, &input_name, options);
    }
    output::write_to(options.output.as_deref(), |out| {
        converter
            .convert_stream(input, out)
            .map(drop)
            .map_err(|e| format!("{input_name}: {e}"))
    })
}

/// Writes the inspection of the whole input as JSON lines.
fn inspect(
    converter: &Converter,
    mut input: Box<dyn io::Read + '_>,
    input_name: &str,
    options: &Options,
) -> Result<(), String> {
    let mut bytes = Vec::new();
    input
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{input_name}: {e}"))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        format!("{input_name}: invalid UTF-8 at line {line}, byte offset {offset}")
    })?;
    let inspection = converter.inspect(&text);
    output::write_to(options.output.as_deref(), |out| {
        let mut lines = Vec::new();
        if options.inspect {
            lines.extend(inspection.segments.iter().map(|segment| {
                serde_json::json!({
                    "source": segment.source,
                    "output": segment.output,
                    "dictionaries": segment.dictionaries,
                })
            }));
        }
        if options.ambiguities {
            lines.extend(inspection.ambiguities.iter().map(|ambiguity| {
                serde_json::json!({
                    "segment": ambiguity.segment,
                    "key": ambiguity.key,
                    "candidates": ambiguity.candidates,
                    "dictionary": ambiguity.dictionary,
                })
            }));
        }
        lines
            .iter()
            .try_for_each(|line| writeln!(out, "{line}"))
            .map_err(|e| format!("writing the output: {e}"))
    })
}
