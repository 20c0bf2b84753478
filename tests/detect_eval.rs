//! Detection accuracy on labelled real text (`tests/data/detect/`, see its README for the
//! sources and the labels), with the thresholds: at least 99% right on evident
//! lines of 10 or more Han characters, and no single-script line of 20 or more called the
//! other script.
//!
//! `full_corpora` runs the same evaluation over the whole local corpora (`target/corpus`,
//! not committed): `cargo test --release --test detect_eval -- --ignored --nocapture`.

#[path = "support/detect_eval.rs"]
mod detect_eval;

use std::path::{Path, PathBuf};

use detect_eval::{Case, Report, Source, cases, evaluate, fanjian};

fn check(cases: &[Case], name: &str) -> Report {
    let report = evaluate(cases, fanjian);
    println!("fanjian::detect on {name}:\n{report}");
    report
}

#[test]
fn committed_lines() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/detect");
    let file = |name: &str| dir.join(name);
    let files = [
        (file("hans-zuozhuan.txt"), "simplified", None),
        (file("hans-poetry.txt"), "simplified", None),
        (file("hans-vscode.txt"), "simplified", Some("mainland")),
        (file("hant-poetry.txt"), "traditional", None),
        (file("hant-tw-vscode.txt"), "traditional", Some("taiwan")),
        (file("hant-hk-ctcpc.txt"), "traditional", Some("hongkong")),
    ];
    let sources: Vec<Source> = files
        .iter()
        .map(|(path, script, region)| Source {
            path,
            script,
            region: *region,
        })
        .collect();
    let cases = cases(&sources, usize::MAX, 600);
    let report = check(&cases, "tests/data/detect");
    let (right, all) = (report.long.correct(), report.long.total());
    assert!(all >= 3000, "{all} evident lines of >= 10 Han");
    assert!(right * 100 >= all * 99, "{right}/{all} right");
    assert_eq!(report.crossed_20, 0);
    assert_eq!(report.ambiguous_acceptable(), report.ambiguous.total());
    for (region, least) in [("mainland", 99), ("taiwan", 95)] {
        let (right, all) = report.regions[region];
        assert!(right * 100 >= all * least, "{region}: {right}/{all} right");
    }
}

#[test]
#[ignore = "needs the local corpora in target/corpus; run in release"]
fn full_corpora() {
    let dir = std::env::var_os("FANJIAN_CORPUS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target/corpus"));
    let files = [
        ("zh-hans-modern.txt", "simplified", Some("mainland")),
        ("zh-hans-classical.txt", "simplified", None),
        ("zh-hant-classical.txt", "traditional", None),
        ("zh-hant-modern.txt", "traditional", Some("taiwan")),
        ("zh-hant-hk.txt", "traditional", Some("hongkong")),
    ];
    let paths: Vec<PathBuf> = files.iter().map(|(name, ..)| dir.join(name)).collect();
    let sources: Vec<Source> = files
        .iter()
        .zip(&paths)
        .map(|((_, script, region), path)| Source {
            path,
            script,
            region: *region,
        })
        .collect();
    let cases = cases(&sources, 600, 20_000);
    check(&cases, "the full corpora");
}
