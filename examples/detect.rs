//! Tells the script (Simplified, Traditional, mixed or unknown) and regional standard of
//! each input file, or of each of its lines.
//!
//! ```text
//! cargo run --release --example detect -- -i a.txt -i b.txt
//! cargo run --release --example detect -- --lines -i mixed.txt
//! echo 这里是简体 | cargo run --release --example detect -- --lines
//! ```
//!
//! Options:
//! - `-i`, `--input FILE`: a file to read; repeat it for several files (any argument that
//!   is not an option is an input file too); default standard input;
//! - `--lines`: one output line per input line instead of one per file.
//!
//! Each output line begins with exactly one of `simplified`, `traditional`, `mixed` or
//! `unknown`, then a tab and `key=value` fields separated by spaces: `confidence` (0 to 1),
//! `region` (`mainland`, `taiwan`, `hongkong` or `none`), and the evidence counts `han`,
//! `simplified` and `traditional` (characters only that script writes), `not-standard`,
//! `not-taiwan`, `not-hongkong` (forms that standard never writes); per file, a last field
//! `file` names the input. Any error (unreadable input, invalid UTF-8 with its line and byte
//! offset) prints one line on standard error and exits with status 1.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[path = "support/output.rs"]
mod output;

use fanjian::{Detection, Evidence};

struct Options {
    inputs: Vec<PathBuf>,
    lines: bool,
}

fn main() -> ExitCode {
    match parse_args(std::env::args().skip(1)).and_then(|options| run(&options)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("detect: {message}");
            ExitCode::FAILURE
        }
    }
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
    let mut options = Options {
        inputs: Vec::new(),
        lines: false,
    };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-i" | "--input" => {
                let path = args.next().ok_or_else(|| format!("{arg} needs a value"))?;
                options.inputs.push(PathBuf::from(path));
            }
            "--lines" => options.lines = true,
            "-h" | "--help" => {
                return Err("usage: detect [--lines] [-i FILE]... [FILE]...".into());
            }
            other if other.starts_with('-') && other != "-" => {
                return Err(format!("unknown argument {other:?} (try --help)"));
            }
            file => options.inputs.push(PathBuf::from(file)),
        }
    }
    Ok(options)
}

fn run(options: &Options) -> Result<(), String> {
    output::write_to(None, |out| {
        if options.inputs.is_empty() {
            return detect(io::stdin().lock(), "standard input", options.lines, out);
        }
        for path in &options.inputs {
            let name = path.display().to_string();
            let file = File::open(path).map_err(|e| format!("{name}: {e}"))?;
            detect(
                BufReader::with_capacity(1 << 16, file),
                &name,
                options.lines,
                out,
            )?;
        }
        Ok(())
    })
}

/// Reads `input` line by line, printing each line's detection or, at the end, the whole
/// input's.
fn detect(
    mut input: impl BufRead,
    name: &str,
    lines: bool,
    out: &mut dyn Write,
) -> Result<(), String> {
    let write_error = |e: io::Error| format!("standard output: {e}");
    let mut total = Evidence::default();
    let mut line = Vec::new();
    let (mut number, mut offset) = (0u64, 0u64);
    loop {
        line.clear();
        let read = input
            .read_until(b'\n', &mut line)
            .map_err(|e| format!("{name}: {e}"))?;
        if read == 0 {
            break;
        }
        number += 1;
        let text = std::str::from_utf8(&line).map_err(|e| {
            format!(
                "{name}: invalid UTF-8 at line {number}, byte offset {}",
                offset + e.valid_up_to() as u64
            )
        })?;
        offset += read as u64;
        let evidence = Evidence::of(text);
        if lines {
            let detection = Detection::from_evidence(evidence);
            writeln!(out, "{}", describe(&detection)).map_err(write_error)?;
        }
        total.merge(&evidence);
    }
    if !lines {
        let detection = Detection::from_evidence(total);
        writeln!(out, "{} file={name}", describe(&detection)).map_err(write_error)?;
    }
    Ok(())
}

fn describe(detection: &Detection) -> String {
    let evidence = &detection.evidence;
    format!(
        "{}\tconfidence={:.2} region={} han={} simplified={} traditional={} not-standard={} not-taiwan={} not-hongkong={}",
        detection.script,
        detection.confidence,
        detection.region.map_or("none", |region| region.name()),
        evidence.han,
        evidence.simplified,
        evidence.traditional,
        evidence.not_standard,
        evidence.not_taiwan,
        evidence.not_hong_kong,
    )
}
