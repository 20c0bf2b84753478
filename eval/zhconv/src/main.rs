//! `fanjian::detect` beside zhconv 0.4.2's `is_hans` and `infer_variant`, on the lines and
//! labels of `tests/detect_eval.rs` (see `tests/support/detect_eval.rs`).
//!
//! zhconv answers only Simplified or Traditional (`is_hans`) or a variant
//! (`infer_variant`): neither has a mixed or unknown answer, so they are scored as they are.

#[path = "../../../tests/support/detect_eval.rs"]
mod detect_eval;

use std::path::{Path, PathBuf};

use detect_eval::{Label, Source, cases, evaluate, fanjian};
use zhconv::Variant;

fn is_hans(text: &str) -> (Label, Option<&'static str>) {
    let script = if zhconv::is_hans(text) {
        "simplified"
    } else {
        "traditional"
    };
    (script, None)
}

fn infer_variant(text: &str) -> (Label, Option<&'static str>) {
    match zhconv::infer_variant(text) {
        Variant::ZhCN => ("simplified", Some("mainland")),
        Variant::ZhHans | Variant::ZhSG | Variant::ZhMY => ("simplified", None),
        Variant::ZhTW => ("traditional", Some("taiwan")),
        Variant::ZhHK | Variant::ZhMO => ("traditional", Some("hongkong")),
        Variant::ZhHant => ("traditional", None),
        _ => ("unknown", None),
    }
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let full = std::env::args().any(|arg| arg == "--full");
    let files: Vec<(PathBuf, Label, Option<&'static str>)> = if full {
        let dir = std::env::var_os("FANJIAN_CORPUS_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| root.join("target/corpus"));
        vec![
            (
                dir.join("zh-hans-modern.txt"),
                "simplified",
                Some("mainland"),
            ),
            (dir.join("zh-hans-classical.txt"), "simplified", None),
            (dir.join("zh-hant-classical.txt"), "traditional", None),
            (
                dir.join("zh-hant-modern.txt"),
                "traditional",
                Some("taiwan"),
            ),
            (dir.join("zh-hant-hk.txt"), "traditional", Some("hongkong")),
        ]
    } else {
        let dir = root.join("tests/data/detect");
        vec![
            (dir.join("hans-zuozhuan.txt"), "simplified", None),
            (dir.join("hans-poetry.txt"), "simplified", None),
            (dir.join("hans-vscode.txt"), "simplified", Some("mainland")),
            (dir.join("hant-poetry.txt"), "traditional", None),
            (
                dir.join("hant-tw-vscode.txt"),
                "traditional",
                Some("taiwan"),
            ),
            (
                dir.join("hant-hk-ctcpc.txt"),
                "traditional",
                Some("hongkong"),
            ),
        ]
    };
    let sources: Vec<Source> = files
        .iter()
        .map(|(path, script, region)| Source {
            path,
            script,
            region: *region,
        })
        .collect();
    let (max_bytes, mixed) = if full {
        (600, 20_000)
    } else {
        (usize::MAX, 600)
    };
    let cases = cases(&sources, max_bytes, mixed);
    println!("{} labelled lines\n", cases.len());
    println!("== fanjian::detect\n{}", evaluate(&cases, fanjian));
    println!("== zhconv::is_hans\n{}", evaluate(&cases, is_hans));
    println!(
        "== zhconv::infer_variant\n{}",
        evaluate(&cases, infer_variant)
    );
}
