//! The `--to` and `--repair` options of the `convert` example: the configuration (or
//! repair) is chosen from the input's detected script and region.
//!
//! `--to` picks, for the detected script of the input's first 64 KiB:
//!
//! | `--to` | Traditional input | Simplified, mixed or unknown input |
//! |---|---|---|
//! | `hans` | `tw2s` or `hk2s` when the region is Taiwan or Hong Kong, else `t2s` | the same (converts the Traditional parts, leaves the rest) |
//! | `hant` | repair toward `t` | `s2t` |
//! | `tw` | repair toward `tw` | `s2tw` |
//! | `twp` | repair toward `tw` (vocabulary is left as it is) | `s2twp` |
//! | `hk` | repair toward `hk` | `s2hk` |
//! | `jp` | `t2jp` | `s2t`, then `t2jp` (the intermediate text is held in memory) |
//!
//! Repair (see `fanjian::Repairer`) fixes leftovers of naive conversion and keeps what is
//! right, so text already in the target passes through unchanged.

use std::io::{self, BufRead, Read, Write};

use fanjian::normalize::{Normalizer, Profile};
use fanjian::{Config, Converter, RepairTarget, Repairer, Script, TofuRisk, detect};

/// How much of the input the script is detected from.
const SAMPLE: u64 = 64 << 10;

/// What `--to` or `--repair` asks for.
#[derive(Clone, Copy)]
pub enum Request {
    /// `--to`: a script or standard, with the choice made from the input.
    To(&'static str),
    /// `--repair`: repair Traditional input toward this standard.
    Repair(RepairTarget),
}

impl Request {
    /// Parses the value of `--to`.
    pub fn to(name: &str) -> Result<Request, String> {
        ["hans", "hant", "tw", "twp", "hk", "jp"]
            .into_iter()
            .find(|target| target.eq_ignore_ascii_case(name))
            .map(Request::To)
            .ok_or_else(|| format!("--to takes hans, hant, tw, twp, hk or jp, not {name:?}"))
    }
}

/// What is done to the input.
enum Plan {
    Convert(Config),
    ConvertTwice(Config, Config),
    Repair(RepairTarget),
}

fn plan(request: Request, sample: &str) -> Plan {
    let target = match request {
        Request::Repair(target) => return Plan::Repair(target),
        Request::To(target) => target,
    };
    let detection = detect(sample);
    let traditional = detection.script == Script::Traditional;
    let region = detection.region.map(|region| region.name());
    match (target, traditional) {
        ("hans", _) => Plan::Convert(match region {
            Some("taiwan") => Config::TW2S,
            Some("hongkong") => Config::HK2S,
            _ => Config::T2S,
        }),
        ("hant", true) => Plan::Repair(RepairTarget::Standard),
        ("tw" | "twp", true) => Plan::Repair(RepairTarget::Taiwan),
        ("hk", true) => Plan::Repair(RepairTarget::HongKong),
        ("jp", true) => Plan::Convert(Config::T2JP),
        ("hant", false) => Plan::Convert(Config::S2T),
        ("tw", false) => Plan::Convert(Config::S2TW),
        ("twp", false) => Plan::Convert(Config::S2TWP),
        ("hk", false) => Plan::Convert(Config::S2HK),
        _ => Plan::ConvertTwice(Config::S2T, Config::T2JP),
    }
}

/// Converts or repairs `input` into `out` as `request` asks; `normalize` is as the
/// `--normalize` option (`Some(None)` for `auto`).
pub fn run(
    request: Request,
    tofu_risk: TofuRisk,
    normalize: Option<Option<Profile>>,
    mut input: impl BufRead,
    out: &mut dyn Write,
) -> Result<(), String> {
    let read_error = |e: io::Error| e.to_string();
    let mut sample = Vec::new();
    input
        .by_ref()
        .take(SAMPLE)
        .read_to_end(&mut sample)
        .map_err(read_error)?;
    let valid = match std::str::from_utf8(&sample) {
        Ok(text) => text,
        // An invalid byte is reported with its place when the input is converted.
        Err(error) => std::str::from_utf8(&sample[..error.valid_up_to()]).unwrap_or_default(),
    };
    let plan = plan(request, valid);
    let output_config = match plan {
        Plan::Convert(config) | Plan::ConvertTwice(_, config) => config,
        Plan::Repair(target) => target.from_simplified(),
    };
    let normalizer = normalize.map(|profile| {
        Normalizer::new(profile.unwrap_or_else(|| Profile::for_config(output_config)))
    });
    let whole = io::Cursor::new(sample).chain(input);
    let input: Box<dyn BufRead + '_> = match &normalizer {
        Some(normalizer) => Box::new(io::BufReader::new(normalizer.reader(whole))),
        None => Box::new(whole),
    };
    let converter = |config| Converter::builder(config).tofu_risk(tofu_risk).build();
    let convert_error = |e: fanjian::Error| e.to_string();
    match plan {
        Plan::Convert(config) => converter(config)
            .convert_stream(input, out)
            .map(drop)
            .map_err(convert_error),
        Plan::ConvertTwice(first, second) => {
            let mut middle = Vec::new();
            converter(first)
                .convert_stream(input, &mut middle)
                .map_err(convert_error)?;
            converter(second)
                .convert_stream(&middle[..], out)
                .map(drop)
                .map_err(convert_error)
        }
        Plan::Repair(target) => repair(&Repairer::new(target), input, out),
    }
}

/// Repairs `input` line by line.
fn repair(repairer: &Repairer, mut input: impl BufRead, out: &mut dyn Write) -> Result<(), String> {
    let (mut line, mut repaired) = (Vec::new(), String::new());
    let (mut number, mut offset) = (0u64, 0u64);
    loop {
        line.clear();
        let read = input
            .read_until(b'\n', &mut line)
            .map_err(|e| e.to_string())?;
        if read == 0 {
            return Ok(());
        }
        number += 1;
        let text = std::str::from_utf8(&line).map_err(|e| {
            format!(
                "invalid UTF-8 at line {number}, byte offset {}",
                offset + e.valid_up_to() as u64
            )
        })?;
        offset += read as u64;
        repaired.clear();
        repairer.repair_into(text, &mut repaired);
        out.write_all(repaired.as_bytes())
            .map_err(|e| format!("output: {e}"))?;
    }
}
