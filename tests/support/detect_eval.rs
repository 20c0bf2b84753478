//! The labelled evaluation of script and region detection, shared by `tests/detect_eval.rs`
//! and the zhconv comparison in `eval/zhconv`.
//!
//! Labels come from each line's source (a Simplified corpus, a Taiwan localisation, Hong
//! Kong Cantonese), checked against OpenCC's conversion rather than against the detector's
//! tables:
//! - a line is *evident* when converting it to the other script changes it (`s2t` for a
//!   Simplified source, `t2s` for a Traditional one). A line that conversion leaves as it
//!   is reads the same in both scripts: it is *ambiguous*, and either its source's script
//!   or `unknown` counts as right for it. A line that only conversion into its own script
//!   changes holds only the other script's characters: such stray lines are left out and
//!   counted;
//! - a mixed line joins an evident Simplified line and an evident Traditional line, each
//!   with at least 5 Han characters of which conversion changes at least 2;
//! - a line's region (Taiwan, Hong Kong) is evident when it is neither what OpenCC's
//!   standard nor what the other region writes for it: converting it to the standard
//!   (`tw2t`, `hk2t`) changes it, and converting that to the other region (`t2hk`, `t2tw`)
//!   does not give it back. Evident Simplified lines of a mainland source have the
//!   mainland region.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use fanjian::{Config, Converter, Region, Script};

/// A script label or answer, by its name in the `detect` example's output.
pub type Label = &'static str;

/// The names, in the order the matrices print them.
pub const LABELS: [Label; 4] = ["simplified", "traditional", "mixed", "unknown"];

/// One source file: its path, its script (`simplified` or `traditional`) and region.
pub struct Source<'a> {
    /// The file, one text per line.
    pub path: &'a Path,
    /// `simplified` or `traditional`.
    pub script: Label,
    /// `mainland`, `taiwan` or `hongkong` when the source tells.
    pub region: Option<&'static str>,
}

/// One labelled line.
pub struct Case {
    /// The text.
    pub text: String,
    /// The script it is in.
    pub script: Label,
    /// Whether conversion to the other script changes it (always true for mixed lines).
    pub evident: bool,
    /// Its region, when the source tells and its forms show it.
    pub region: Option<&'static str>,
    /// Its number of Han characters.
    pub han: usize,
    /// How many characters conversion to the other script changes.
    changed: usize,
}

/// `fanjian::detect`'s answer for `text`, as labels.
pub fn fanjian(text: &str) -> (Label, Option<&'static str>) {
    let detection = fanjian::detect(text);
    let script = match detection.script {
        Script::Simplified => "simplified",
        Script::Traditional => "traditional",
        Script::Mixed => "mixed",
        _ => "unknown",
    };
    let region = detection.region.map(|region| match region {
        Region::Mainland => "mainland",
        Region::Taiwan => "taiwan",
        _ => "hongkong",
    });
    (script, region)
}

fn is_han(c: char) -> bool {
    matches!(u32::from(c), 0x3400..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
}

fn changed(text: &str, converted: &str) -> usize {
    text.chars()
        .zip(converted.chars())
        .filter(|(a, b)| a != b)
        .count()
        .max(usize::from(text != converted))
}

/// The labelled lines of `sources` (each with at least one Han character and at most
/// `max_bytes` bytes), then up to `mixed` composed mixed lines.
pub fn cases(sources: &[Source], max_bytes: usize, mixed: usize) -> Vec<Case> {
    let s2t = Converter::new(Config::S2T);
    let t2s = Converter::new(Config::T2S);
    let tw2t = Converter::new(Config::TW2T);
    let hk2t = Converter::new(Config::HK2T);
    let t2tw = Converter::new(Config::T2TW);
    let t2hk = Converter::new(Config::T2HK);
    let mut cases = Vec::new();
    let mut contrary = 0;
    for source in sources {
        let text = std::fs::read_to_string(source.path)
            .unwrap_or_else(|e| panic!("{}: {e}", source.path.display()));
        for line in text.lines() {
            let han = line.chars().filter(|&c| is_han(c)).count();
            if han == 0 || line.len() > max_bytes {
                continue;
            }
            let (other, own) = match source.script {
                "simplified" => (s2t.convert(line), t2s.convert(line)),
                _ => (t2s.convert(line), s2t.convert(line)),
            };
            let evident = other != line;
            if !evident && own != line {
                // Only the other script's characters: a stray line of its source.
                contrary += 1;
                continue;
            }
            let region = source
                .region
                .filter(|_| evident)
                .filter(|region| match *region {
                    "taiwan" => {
                        let standard = tw2t.convert(line);
                        standard != line && t2hk.convert(&standard) != line
                    }
                    "hongkong" => {
                        let standard = hk2t.convert(line);
                        standard != line && t2tw.convert(&standard) != line
                    }
                    _ => true,
                });
            cases.push(Case {
                text: line.to_owned(),
                script: source.script,
                evident,
                region,
                han,
                changed: changed(line, &other),
            });
        }
    }
    let part = |case: &&Case, script| {
        case.script == script && case.evident && case.han >= 5 && case.changed >= 2
    };
    let simplified: Vec<&Case> = cases.iter().filter(|c| part(c, "simplified")).collect();
    let traditional: Vec<&Case> = cases.iter().filter(|c| part(c, "traditional")).collect();
    let count = mixed.min(simplified.len()).min(traditional.len());
    let mut composed = Vec::with_capacity(count);
    for k in 0..count {
        // Spread the pairs over both lists, alternating which script comes first.
        let a = simplified[k * simplified.len() / count.max(1)];
        let b = traditional[(k * 7919 + 13) % traditional.len()];
        let (first, second) = if k % 2 == 0 { (a, b) } else { (b, a) };
        composed.push(Case {
            text: format!("{} {}", first.text, second.text),
            script: "mixed",
            evident: true,
            region: None,
            han: a.han + b.han,
            changed: a.changed + b.changed,
        });
    }
    cases.extend(composed);
    println!("left out: {contrary} lines that only conversion into their own script changes");
    cases
}

/// A confusion matrix: counts by (label, answer).
#[derive(Default)]
pub struct Matrix {
    counts: BTreeMap<(Label, Label), usize>,
}

impl Matrix {
    fn add(&mut self, label: Label, answer: Label) {
        *self.counts.entry((label, answer)).or_default() += 1;
    }

    /// The number of lines with this label and answer.
    pub fn get(&self, label: Label, answer: Label) -> usize {
        self.counts.get(&(label, answer)).copied().unwrap_or(0)
    }

    /// All lines.
    pub fn total(&self) -> usize {
        self.counts.values().sum()
    }

    /// Lines whose answer is their label.
    pub fn correct(&self) -> usize {
        LABELS.iter().map(|&label| self.get(label, label)).sum()
    }
}

impl fmt::Display for Matrix {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:>14}", "label \\ answer")?;
        for answer in LABELS {
            write!(f, " {answer:>11}")?;
        }
        writeln!(f)?;
        for label in LABELS {
            if LABELS.iter().all(|&answer| self.get(label, answer) == 0) {
                continue;
            }
            write!(f, "{label:>14}")?;
            for answer in LABELS {
                write!(f, " {:>11}", self.get(label, answer))?;
            }
            writeln!(f)?;
        }
        Ok(())
    }
}

/// What a classifier got right and wrong.
#[derive(Default)]
pub struct Report {
    /// Evident lines with at least 10 Han characters.
    pub long: Matrix,
    /// Evident lines with fewer than 10.
    pub short: Matrix,
    /// Ambiguous lines, by their source's script.
    pub ambiguous: Matrix,
    /// Evident single-script lines of at least 20 Han characters called the other script.
    pub crossed_20: usize,
    /// Lines with an evident region: (right, all), by region.
    pub regions: BTreeMap<&'static str, (usize, usize)>,
}

impl Report {
    /// Ambiguous lines called their source's script or unknown.
    pub fn ambiguous_acceptable(&self) -> usize {
        ["simplified", "traditional"]
            .iter()
            .map(|&label| self.ambiguous.get(label, label) + self.ambiguous.get(label, "unknown"))
            .sum()
    }
}

fn percent(part: usize, whole: usize) -> f64 {
    100.0 * part as f64 / whole.max(1) as f64
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "evident lines, >= 10 Han: {}/{} right ({:.2}%)\n{}",
            self.long.correct(),
            self.long.total(),
            percent(self.long.correct(), self.long.total()),
            self.long
        )?;
        writeln!(
            f,
            "evident lines, < 10 Han: {}/{} right ({:.2}%)\n{}",
            self.short.correct(),
            self.short.total(),
            percent(self.short.correct(), self.short.total()),
            self.short
        )?;
        writeln!(
            f,
            "ambiguous lines (no character conversion changes): {}/{} called their source's script or unknown\n{}",
            self.ambiguous_acceptable(),
            self.ambiguous.total(),
            self.ambiguous
        )?;
        writeln!(
            f,
            "single-script lines of >= 20 Han called the other script: {}",
            self.crossed_20
        )?;
        for (region, (right, all)) in &self.regions {
            writeln!(
                f,
                "region {region}: {right}/{all} right ({:.2}%)",
                percent(*right, *all)
            )?;
        }
        Ok(())
    }
}

/// Scores `classify`, which answers a script label and a region name.
pub fn evaluate(
    cases: &[Case],
    classify: impl Fn(&str) -> (Label, Option<&'static str>),
) -> Report {
    let mut report = Report::default();
    for case in cases {
        let (answer, region) = classify(&case.text);
        let matrix = match (case.evident, case.han >= 10) {
            (false, _) => &mut report.ambiguous,
            (true, true) => &mut report.long,
            (true, false) => &mut report.short,
        };
        matrix.add(case.script, answer);
        let crossed = matches!(
            (case.script, answer),
            ("simplified", "traditional") | ("traditional", "simplified")
        );
        if case.evident && case.han >= 20 && crossed {
            report.crossed_20 += 1;
        }
        if let Some(expected) = case.region {
            let entry = report.regions.entry(expected).or_default();
            entry.0 += usize::from(region == Some(expected));
            entry.1 += 1;
        }
    }
    report
}
