//! Normalizes the punctuation, width and Unicode representation of a file or standard input
//! with a profile or a list of ops.
//!
//! ```text
//! cargo run --release --example normalize -- --profile taiwan -i input.txt -o output.txt
//! echo '他说:"你好,世界..."' | cargo run --release --example normalize
//! echo 'Ｗｉｎｄｏｗｓ１０很好－－真的' | cargo run --release --example normalize -- --ops fold_width,dash
//! ```
//!
//! Options:
//! - `-p`, `--profile NAME`: `neutral`, `mainland`, `taiwan` or `hongkong`; default
//!   `mainland`;
//! - `--ops A,B,C`: the ops to apply, in order, instead of a profile (`strip_invisible`,
//!   `nfc`, `nfc_svs`, `radicals`, `fold_width`, `dash`, `ellipsis`, `interpunct`,
//!   `quotes_curly`, `quotes_corner`, `zh_punct`, `cjk_spacing`);
//! - `--interpunct CHAR`: what interpuncts between Han become, as the character itself or
//!   as `U+2027`; default U+00B7;
//! - `--quotes keep|curly|corner`, `--svs` (`nfc_svs` for `nfc`) and `--spacing` (append
//!   `cjk_spacing`): a profile's options;
//! - `-i`, `--input FILE`: the file to read; default standard input;
//! - `-o`, `--output FILE`: where to write; default standard output. The file is written
//!   beside its final place and renamed over it only once complete, so an existing file is
//!   never left half-written, even when it is also the input.
//!
//! The input is read and normalized line by line, with line endings kept, so files larger
//! than memory work. Any error (unknown name, unreadable input, invalid UTF-8 with its line
//! and byte offset) prints one line on standard error and exits with status 1.

use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use fanjian::normalize::{Normalizer, Op, Profile, QuoteStyle};

const USAGE: &str = "usage: normalize [-p PROFILE | --ops A,B,C] [--interpunct CHAR] \
                     [--quotes keep|curly|corner] [--svs] [--spacing] [-i INPUT] [-o OUTPUT]";

struct Options {
    normalizer: Normalizer,
    input: Option<PathBuf>,
    output: Option<PathBuf>,
}

fn main() -> ExitCode {
    match parse_args(std::env::args().skip(1)).and_then(|options| run(&options)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("normalize: {message}");
            ExitCode::FAILURE
        }
    }
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
    let mut profile = None;
    let mut ops: Option<Vec<Op>> = None;
    let mut interpunct = None;
    let mut quotes = None;
    let mut svs = false;
    let mut spacing = false;
    let mut input = None;
    let mut output = None;
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "-p" | "--profile" => {
                profile = Some(value(&arg)?.parse::<Profile>().map_err(|e| e.to_string())?)
            }
            "--ops" => {
                let list = value(&arg)?;
                let parsed = list
                    .split(',')
                    .map(str::parse::<Op>)
                    .collect::<Result<_, _>>();
                ops = Some(parsed.map_err(|e| e.to_string())?);
            }
            "--interpunct" => interpunct = Some(parse_char(&value(&arg)?)?),
            "--quotes" => {
                quotes = Some(match value(&arg)?.as_str() {
                    "keep" => QuoteStyle::Keep,
                    "curly" => QuoteStyle::Curly,
                    "corner" => QuoteStyle::Corner,
                    other => {
                        return Err(format!(
                            "--quotes takes keep, curly or corner, not {other:?}"
                        ));
                    }
                })
            }
            "--svs" => svs = true,
            "--spacing" => spacing = true,
            "-i" | "--input" => input = Some(PathBuf::from(value(&arg)?)),
            "-o" | "--output" => output = Some(PathBuf::from(value(&arg)?)),
            "-h" | "--help" => return Err(USAGE.into()),
            other => return Err(format!("unknown argument {other:?} (try --help)")),
        }
    }
    let normalizer = match ops {
        Some(_) if profile.is_some() => return Err("give --profile or --ops, not both".into()),
        Some(_) if quotes.is_some() || svs || spacing => {
            return Err(
                "--quotes, --svs and --spacing go with a profile; with --ops, name the ops".into(),
            );
        }
        Some(ops) => Normalizer::from_ops(ops.into_iter().map(|op| match (op, interpunct) {
            (Op::Interpunct(_), Some(target)) => Op::Interpunct(target),
            _ => op,
        })),
        None => {
            let mut builder = Normalizer::builder(profile.unwrap_or(Profile::Mainland));
            builder.nfc_svs(svs).spacing(spacing);
            if let Some(target) = interpunct {
                builder.interpunct(target);
            }
            if let Some(style) = quotes {
                builder.quotes(style);
            }
            builder.build()
        }
    };
    Ok(Options {
        normalizer,
        input,
        output,
    })
}

/// A character given as itself (`‧`) or as its code point (`U+2027`).
fn parse_char(text: &str) -> Result<char, String> {
    let mut chars = text.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return Ok(c);
    }
    text.strip_prefix("U+")
        .or_else(|| text.strip_prefix("u+"))
        .and_then(|hex| u32::from_str_radix(hex, 16).ok())
        .and_then(char::from_u32)
        .ok_or_else(|| format!("--interpunct takes one character or U+XXXX, not {text:?}"))
}

fn run(options: &Options) -> Result<(), String> {
    let input_name = options
        .input
        .as_deref()
        .map_or("standard input".into(), |path| path.display().to_string());
    let input: Box<dyn BufRead> = match &options.input {
        Some(path) => Box::new(BufReader::with_capacity(
            1 << 16,
            File::open(path).map_err(|e| format!("{}: {e}", path.display()))?,
        )),
        None => Box::new(io::stdin().lock()),
    };
    match &options.output {
        None => {
            let stdout = BufWriter::with_capacity(1 << 16, io::stdout().lock());
            normalize(
                &options.normalizer,
                input,
                &input_name,
                stdout,
                "standard output",
            )
        }
        Some(path) => {
            let temporary = temporary_path(path);
            let output_name = temporary.display().to_string();
            let result = File::create(&temporary)
                .map_err(|e| format!("{output_name}: {e}"))
                .and_then(|file| {
                    let mut writer = BufWriter::with_capacity(1 << 16, file);
                    normalize(
                        &options.normalizer,
                        input,
                        &input_name,
                        &mut writer,
                        &output_name,
                    )?;
                    let file = writer
                        .into_inner()
                        .map_err(|e| format!("{output_name}: {}", e.error()))?;
                    file.sync_all().map_err(|e| format!("{output_name}: {e}"))
                })
                .and_then(|()| {
                    fs::rename(&temporary, path).map_err(|e| format!("{}: {e}", path.display()))
                });
            if result.is_err() {
                // Best effort: the temporary file holds no data worth keeping.
                let _ = fs::remove_file(&temporary);
            }
            result
        }
    }
}

/// Normalizes `input` line by line into `output`, keeping each line's ending.
fn normalize(
    normalizer: &Normalizer,
    mut input: impl BufRead,
    input_name: &str,
    mut output: impl Write,
    output_name: &str,
) -> Result<(), String> {
    let mut stream = normalizer.stream();
    let mut line = Vec::new();
    let mut normalized = String::new();
    let mut offset = 0u64;
    let mut number = 0u64;
    loop {
        line.clear();
        let read = input
            .read_until(b'\n', &mut line)
            .map_err(|e| format!("{input_name}: {e}"))?;
        if read == 0 {
            break;
        }
        number += 1;
        let text = std::str::from_utf8(&line).map_err(|e| {
            format!(
                "{input_name}: invalid UTF-8 at line {number}, byte offset {}",
                offset + e.valid_up_to() as u64
            )
        })?;
        normalized.clear();
        stream.push_into(text, &mut normalized);
        output
            .write_all(normalized.as_bytes())
            .map_err(|e| format!("{output_name}: {e}"))?;
        offset += read as u64;
    }
    normalized.clear();
    stream.finish_into(&mut normalized);
    output
        .write_all(normalized.as_bytes())
        .and_then(|()| output.flush())
        .map_err(|e| format!("{output_name}: {e}"))
}

/// A file beside `path`, on the same file system, so that renaming it over `path` is atomic.
fn temporary_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or("output".into(), |name| name.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}
