//! The spec's test vectors (`tests/data/norm-vectors.jsonl`, a copy of
//! `shared/data/norm-vectors.jsonl`): every one must pass, and a failure lists them all.
//!
//! Each vector is run through `normalize`, `normalize_into` and a stream fed one char at a
//! time, and an unchanged vector must come back borrowed.

use std::borrow::Cow;

use fanjian::normalize::{Normalizer, Op, Profile};
use serde_json::Value;

const VECTORS: &str = include_str!("data/norm-vectors.jsonl");

/// The outputs of every entry point for `input`, each with its name.
fn outputs(normalizer: &Normalizer, input: &str) -> Vec<(&'static str, String)> {
    let whole = normalizer.normalize(input);
    let borrowed = matches!(whole, Cow::Borrowed(_));
    let mut appended = String::from("前");
    normalizer.normalize_into(input, &mut appended);
    let mut streamed = String::new();
    let mut stream = normalizer.stream();
    let mut piece = [0; 4];
    for c in input.chars() {
        stream.push_into(c.encode_utf8(&mut piece), &mut streamed);
    }
    stream.finish_into(&mut streamed);
    let mut found = vec![
        ("normalize", whole.into_owned()),
        (
            "normalize_into",
            appended
                .strip_prefix('前')
                .unwrap_or("<prefix lost>")
                .to_owned(),
        ),
        ("stream", streamed),
    ];
    if borrowed && found[0].1 != input {
        found.push(("borrowed", "<Cow::Borrowed but changed>".to_owned()));
    }
    if !borrowed && found[0].1 == input {
        found.push(("borrowed", format!("<Cow::Owned but unchanged>{input}")));
    }
    found
}

#[test]
fn every_vector_passes() {
    let mut failures = Vec::new();
    let mut count = 0;
    for (index, line) in VECTORS
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
    {
        count += 1;
        let vector: Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("line {}: {e}", index + 1));
        let field = |name: &str| {
            vector[name]
                .as_str()
                .unwrap_or_else(|| panic!("line {}: no {name}", index + 1))
        };
        let (what, normalizer) = match (vector["op"].as_str(), vector["profile"].as_str()) {
            (Some(op), None) => (
                format!("op {op}"),
                Normalizer::from_ops([op.parse::<Op>().unwrap()]),
            ),
            (None, Some(profile)) => (
                format!("profile {profile}"),
                Normalizer::new(profile.parse::<Profile>().unwrap()),
            ),
            _ => panic!("line {}: needs exactly one of op and profile", index + 1),
        };
        let (input, expected) = (field("input"), field("expected"));
        for (entry, got) in outputs(&normalizer, input) {
            if got != expected {
                failures.push(format!(
                    "line {} ({what}, {entry}):\n  input    {input:?}\n  expected {expected:?}\n  got      {got:?}\n  why      {}",
                    index + 1,
                    field("why")
                ));
            }
        }
    }
    assert!(count >= 160, "only {count} vectors found");
    assert!(
        failures.is_empty(),
        "{} of {count} vectors failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
