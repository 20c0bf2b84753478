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

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::PathBuf;
use std::process::ExitCode;

#[path = "support/output.rs"]
mod output;

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
    let mut normalized = options.normalizer.reader(input);
    output::write_to(options.output.as_deref(), |out| {
        let mut buffer = vec![0; 1 << 16];
        loop {
            let read = normalized
                .read(&mut buffer)
                .map_err(|e| format!("{input_name}: {e}"))?;
            if read == 0 {
                return Ok(());
            }
            out.write_all(&buffer[..read])
                .map_err(|e| format!("writing the output: {e}"))?;
        }
    })
}
