//! Converts files, folders or standard input with one of OpenCC's configurations, like
//! OpenCC's command-line tool, and safely in place.
//!
//! ```text
//! cargo run --release --example convert -- -c s2twp -i input.txt -o output.txt
//! echo 头发干了 | cargo run --release --example convert -- -c s2t
//! cargo run --release --example convert -- -c t2s --in-place notes/ README.md
//! cargo run --release --example convert -- -c s2tw --from-encoding gbk --output-dir out/ in/
//! ```
//!
//! Options:
//! - `-c`, `--config NAME`: one of the 16 configurations (`s2t`, `s2twp.json`, ...);
//!   default `s2t`;
//! - `-i`, `--input FILE`, or plain arguments: files and folders to convert (folders
//!   recursively, in name order, skipping names that start with a dot); `-` or none:
//!   standard input;
//! - `-o`, `--output FILE`: where to write one input's output; default standard output;
//! - `--output-dir DIR`: for many inputs, each output at the input's place in a copy of
//!   the tree under `DIR`;
//! - `--in-place`: each output over its input;
//! - `--from-encoding NAME`: the inputs' encoding (`utf-8`, `utf-16le`, `utf-16be`,
//!   `gb18030`, `gbk`, `big5`, or any WHATWG label); by default a byte order mark decides,
//!   else valid UTF-8 is UTF-8, else chardetng guesses;
//! - `--to-encoding NAME`: the output's encoding; default UTF-8 (a UTF-8 input's byte
//!   order mark is kept);
//! - `--threads N`: threads to use (default: one per core): several files convert at
//!   once, a single large one in parallel pieces, with the same output;
//! - `--quiet`: no progress bar (it shows only on a terminal, for large inputs) and no
//!   warnings;
//! - `--tofu-risk include|exclude`: whether to use dictionaries that may output characters
//!   fonts lack (default `include`, as OpenCC's library; its command-line tool excludes);
//! - `--normalize PROFILE`: normalize punctuation, width and Unicode with a profile
//!   (`neutral`, `mainland`, `taiwan`, `hongkong`) before converting, as
//!   `Normalizer::convert_normalized_into` does; `auto` picks the profile that suits the
//!   configuration's output;
//! - `--to hans|hant|tw|twp|hk|jp`: instead of `-c`, detect each input's script and region
//!   and pick the configuration, or repair Traditional input (see `support/target.rs`);
//! - `--repair t|tw|hk`: instead of `-c`, repair Traditional text that a naive converter
//!   left with Simplified leftovers (關于 → 關於) toward that standard;
//! - `--config-file FILE.json`: an OpenCC configuration file instead of `-c` (its
//!   dictionaries are found beside it, or built in);
//! - `--dict FILE` (repeatable): user phrases in OpenCC's text format, which win over the
//!   configuration's dictionaries; `--protect FILE` (repeatable): words never converted,
//!   one a line;
//! - `--inspect`: instead of the conversion, one JSON object a line per segment
//!   (`source`, `output`, `dictionaries`); `--ambiguities`: one per match of an entry
//!   with several candidates (`segment`, `key`, `candidates`, `dictionary`). Both read each
//!   input whole first.
//!
//! Every output file is written beside its final place, flushed and synced, given the
//! permissions of the file it replaces, and renamed over it only once complete: a run
//! killed at any moment leaves each file either as it was or fully converted. Input is
//! converted as a stream, so files larger than memory work.
//!
//! Files that look binary (NUL bytes) are skipped with a warning. A file that does not
//! decode gets a one-line error naming it and the byte offset, stays untouched, and makes
//! the exit status 1 once the other files are done. Bad options exit with status 2.

use std::fs::File;
use std::io::{self, BufReader, Cursor, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

#[path = "support/encoding.rs"]
mod encoding;
#[path = "support/inputs.rs"]
mod inputs;
#[path = "support/output.rs"]
mod output;
#[path = "support/progress.rs"]
mod progress;
#[path = "support/target.rs"]
mod target;

use encoding::{DecodingReader, EncodingWriter, Sniffed};
use encoding_rs::{Encoding, UTF_8};
use fanjian::normalize::{Normalizer, Profile};
use fanjian::{Config, ConfigFile, Converter, Error, TofuRisk};
use indicatif::ProgressBar;
use inputs::{Job, Source, Target};

const USAGE: &str = "usage: convert [-c CONFIG | --config-file FILE.json | --to hans|hant|tw|twp|hk|jp | --repair t|tw|hk] [--dict FILE]... [--protect FILE]... [-i INPUT]... [INPUT]... [-o OUTPUT | --output-dir DIR | --in-place] [--from-encoding NAME] [--to-encoding NAME] [--threads N] [--quiet] [--tofu-risk include|exclude] [--normalize PROFILE|auto] [--inspect] [--ambiguities]";

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
    inputs: Vec<PathBuf>,
    target: Target,
    from_encoding: Option<&'static Encoding>,
    to_encoding: &'static Encoding,
    threads: usize,
    quiet: bool,
    /// `--to` or `--repair`, which replace `-c`.
    request: Option<target::Request>,
}

/// What one run shares between its jobs.
struct Run {
    options: Options,
    converter: Converter,
    normalizer: Option<Normalizer>,
    bar: ProgressBar,
}

/// How one job ended, when it did not fail.
enum Done {
    Converted,
    Skipped(String),
}

fn main() -> ExitCode {
    let options = match parse_args(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("convert: {message}");
            return ExitCode::from(2);
        }
    };
    match run(options) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(message) => {
            eprintln!("convert: {message}");
            ExitCode::from(2)
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
        inputs: Vec::new(),
        target: Target::Stdout,
        from_encoding: None,
        to_encoding: UTF_8,
        threads: 0,
        quiet: false,
        request: None,
    };
    let mut targets = 0;
    let mut config_given = false;
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "-c" | "--config" => {
                options.config = value(&arg)?.parse().map_err(|e| format!("{e}"))?;
                config_given = true;
            }
            "--config-file" => options.config_file = Some(PathBuf::from(value(&arg)?)),
            "--dict" => options.dicts.push(PathBuf::from(value(&arg)?)),
            "--protect" => options.protect.push(PathBuf::from(value(&arg)?)),
            "--inspect" => options.inspect = true,
            "--ambiguities" => options.ambiguities = true,
            "--to" => options.request = Some(target::Request::to(&value(&arg)?)?),
            "--repair" => {
                options.request = Some(target::Request::Repair(
                    value(&arg)?.parse().map_err(|e| format!("{e}"))?,
                ))
            }
            "-i" | "--input" => options.inputs.push(PathBuf::from(value(&arg)?)),
            "-o" | "--output" => {
                options.target = Target::File(PathBuf::from(value(&arg)?));
                targets += 1;
            }
            "--output-dir" => {
                options.target = Target::Dir(PathBuf::from(value(&arg)?));
                targets += 1;
            }
            "--in-place" => {
                options.target = Target::InPlace;
                targets += 1;
            }
            "--from-encoding" => options.from_encoding = Some(encoding::by_label(&value(&arg)?)?),
            "--to-encoding" => {
                options.to_encoding = encoding::by_label(&value(&arg)?)?.output_encoding()
            }
            "--threads" => {
                options.threads = value(&arg)?
                    .parse()
                    .map_err(|_| "--threads takes a number".to_string())?
            }
            "--quiet" | "-q" => options.quiet = true,
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
            "-h" | "--help" => return Err(USAGE.into()),
            "-" => options.inputs.push(PathBuf::from(arg)),
            other if other.starts_with('-') => {
                return Err(format!("unknown argument {other:?} (try --help)"));
            }
            _ => options.inputs.push(PathBuf::from(arg)),
        }
    }
    if targets > 1 {
        return Err("-o, --output-dir and --in-place exclude each other".into());
    }
    let choices = [
        config_given,
        options.config_file.is_some(),
        options.request.is_some(),
    ];
    if choices.into_iter().filter(|&given| given).count() > 1 {
        return Err("-c, --config-file and --to or --repair exclude each other".into());
    }
    Ok(options)
}

/// Converts every job; `Ok(false)` when some failed (each is reported as it fails).
fn run(options: Options) -> Result<bool, String> {
    let (jobs, errors) = inputs::jobs(&options.inputs, &options.target)?;
    for error in &errors {
        eprintln!("convert: {error}");
    }
    let total: u64 = jobs
        .iter()
        .filter_map(|job| match &job.source {
            Source::File(path) => std::fs::metadata(path).ok().map(|m| m.len()),
            Source::Stdin => None,
        })
        .sum();
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
    let normalizer = options.normalize.map(|profile| {
        Normalizer::new(profile.unwrap_or_else(|| Profile::for_config(options.config)))
    });
    let bar = progress::bar(total, options.quiet);
    let run = Run {
        options,
        converter,
        normalizer,
        bar,
    };
    let threads = match run.options.threads {
        0 => std::thread::available_parallelism().map_or(1, usize::from),
        n => n,
    };
    let failed = AtomicUsize::new(errors.len());
    let report = |job: &Job, result: Result<Done, String>| match result {
        Ok(Done::Converted) => {}
        Ok(Done::Skipped(why)) => {
            if !run.options.quiet {
                run.bar
                    .suspend(|| eprintln!("convert: {}: skipped: {why}", job.source.name()));
            }
        }
        Err(message) => {
            failed.fetch_add(1, Ordering::Relaxed);
            run.bar
                .suspend(|| eprintln!("convert: {}: {message}", job.source.name()));
        }
    };
    // Outputs to standard output keep the inputs' order; files convert side by side,
    // or, for a single one, in parallel pieces.
    let to_stdout = jobs.iter().any(|job| job.destination.is_none());
    if jobs.len() == 1 || to_stdout || threads == 1 {
        let threads_per_job = if jobs.len() == 1 { threads } else { 1 };
        for job in &jobs {
            report(job, convert_job(&run, job, threads_per_job));
        }
    } else {
        let next = AtomicUsize::new(0);
        let report = Mutex::new(report);
        std::thread::scope(|scope| {
            for _ in 0..threads.min(jobs.len()) {
                scope.spawn(|| {
                    while let Some(job) = jobs.get(next.fetch_add(1, Ordering::Relaxed)) {
                        let result = convert_job(&run, job, 1);
                        (report.lock().expect("no panic while reporting"))(job, result);
                    }
                });
            }
        });
    }
    run.bar.finish_and_clear();
    Ok(failed.into_inner() == 0)
}

/// Converts one input to its destination on `threads` threads.
fn convert_job(run: &Run, job: &Job, threads: usize) -> Result<Done, String> {
    let mut input: Box<dyn Read + Send> = match &job.source {
        Source::Stdin => Box::new(io::stdin()),
        Source::File(path) => Box::new(File::open(path).map_err(|e| e.to_string())?),
    };
    // The first bytes decide the encoding; they are read again through a cursor.
    let mut prefix = Vec::with_capacity(encoding::SNIFF_BYTES);
    (&mut input)
        .take(encoding::SNIFF_BYTES as u64)
        .read_to_end(&mut prefix)
        .map_err(|e| e.to_string())?;
    let complete = prefix.len() < encoding::SNIFF_BYTES;
    let (encoding, bom) = match run.options.from_encoding {
        Some(given) => {
            let bom = Encoding::for_bom(&prefix)
                .filter(|&(found, _)| found == given)
                .map_or(0, |(_, len)| len);
            (given, bom)
        }
        None => match encoding::sniff(&prefix, complete) {
            Sniffed::Text { encoding, bom } => (encoding, bom),
            // Piped input is converted whatever it holds: it was given on purpose.
            Sniffed::Binary if job.source == Source::Stdin => (UTF_8, 0),
            Sniffed::Binary => return Ok(Done::Skipped("it looks binary (NUL bytes)".into())),
        },
    };
    if let Some(parent) = job.destination.as_deref().and_then(Path::parent) {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    run.bar.inc(prefix.len() as u64);
    let rest = progress::Counting::new(input, run.bar.clone());
    // A UTF-8 input keeps its byte order mark in a UTF-8 output, and the library's error
    // offsets then count from the file's start.
    let keep_bom = encoding == UTF_8 && run.options.to_encoding == UTF_8;
    let skipped = if keep_bom { 0 } else { bom };
    let bytes = Cursor::new(prefix).chain(rest);
    let mut bytes: Box<dyn Read + Send> = Box::new(bytes);
    io::copy(&mut (&mut bytes).take(skipped as u64), &mut io::sink()).map_err(|e| e.to_string())?;
    let text: Box<dyn Read + Send> = if encoding == UTF_8 {
        bytes
    } else {
        Box::new(DecodingReader::new(bytes, encoding, bom as u64))
    };
    let to_encoding = run.options.to_encoding;
    output::write_to(job.destination.as_deref(), |out| {
        let mut encoded = None;
        let sink: &mut dyn Write = if to_encoding == UTF_8 {
            out
        } else {
            encoded.insert(EncodingWriter::new(out, to_encoding))
        };
        match run.options.request {
            // The configuration (or repair) depends on the input: `target` picks it, and
            // normalizes with the profile that suits it.
            Some(request) => target::run(
                request,
                run.options.tofu_risk,
                run.options.normalize,
                BufReader::with_capacity(1 << 16, text),
                sink,
            )?,
            None if run.options.inspect || run.options.ambiguities => {
                inspect(run, text, sink, skipped)?
            }
            None => {
                let text: Box<dyn Read + Send + '_> = match &run.normalizer {
                    Some(normalizer) => {
                        Box::new(normalizer.reader(BufReader::with_capacity(1 << 16, text)))
                    }
                    None => text,
                };
                run.converter
                    .convert_stream_parallel(text, sink, threads)
                    .map_err(|error| describe(&error, skipped))?;
            }
        }
        match encoded {
            Some(encoded) => encoded
                .finish()
                .map(drop)
                .map_err(|e| format!("writing the output failed: {e}")),
            None => Ok(()),
        }
    })?;
    Ok(Done::Converted)
}

/// Writes the inspection of the whole input as JSON lines: its segments (`--inspect`),
/// then its ambiguous matches (`--ambiguities`).
fn inspect(
    run: &Run,
    text: Box<dyn Read + Send + '_>,
    out: &mut dyn Write,
    skipped: usize,
) -> Result<(), String> {
    let mut text: Box<dyn Read + '_> = match &run.normalizer {
        Some(normalizer) => Box::new(normalizer.reader(BufReader::with_capacity(1 << 16, text))),
        None => text,
    };
    let mut bytes = Vec::new();
    text.read_to_end(&mut bytes).map_err(|e| e.to_string())?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let line = 1 + e.as_bytes()[..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        format!(
            "invalid UTF-8 at line {line}, byte offset {}",
            offset + skipped
        )
    })?;
    let inspection = run.converter.inspect(&text);
    let mut lines = Vec::new();
    if run.options.inspect {
        lines.extend(inspection.segments.iter().map(|segment| {
            serde_json::json!({
                "source": segment.source,
                "output": segment.output,
                "dictionaries": segment.dictionaries,
            })
        }));
    }
    if run.options.ambiguities {
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
        .map_err(|e| format!("writing the output failed: {e}"))
}

/// An error's message, with offsets counted from the start of the file (`skipped` bytes
/// of byte order mark were not given to the converter).
fn describe(error: &Error, skipped: usize) -> String {
    match error {
        Error::InvalidUtf8 { offset, line } => format!(
            "invalid UTF-8 at line {line}, byte offset {}",
            offset + skipped as u64
        ),
        other => other.to_string(),
    }
}
