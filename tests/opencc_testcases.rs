//! OpenCC 1.4.2's own conformance suite: every case of `tests/data/testcases.json` under
//! every config it names must give exactly OpenCC's output. The test runs them all and
//! reports every failure, not just the first.

mod testcases;

use std::collections::HashMap;
use std::fmt::Write;

use fanjian::{Config, Converter};

#[test]
fn every_opencc_testcase_passes() {
    let cases = testcases::load();
    assert_eq!(
        cases.len(),
        testcases::CASE_COUNT,
        "testcases.json has changed"
    );

    let mut converters = HashMap::new();
    let mut passed = 0;
    let mut failures = String::new();
    let mut failed = 0;
    for case in &cases {
        for (config, expected) in &case.expected {
            let converter = converters
                .entry(*config)
                .or_insert_with(|| Converter::new(*config));
            let got = converter.convert(&case.input);
            if got == *expected {
                passed += 1;
            } else {
                failed += 1;
                writeln!(
                    failures,
                    "{} {config}\n  input:    {}\n  expected: {expected}\n  got:      {got}",
                    case.id, case.input
                )
                .unwrap();
            }
        }
    }
    println!("{passed} passed, {failed} failed");
    assert!(failed == 0, "{passed} passed, {failed} failed:\n{failures}");
}

/// The loader's trailing-comma removal must not touch commas inside strings, and the
/// file it reads does need it.
#[test]
fn trailing_commas_are_removed_outside_strings_only() {
    let json = r#"{"a": ["x,]", "y\",}", 1,], "b": {"c": 2 , },}"#;
    assert_eq!(
        testcases::strip_trailing_commas(json),
        r#"{"a": ["x,]", "y\",}", 1], "b": {"c": 2  }}"#
    );

    let raw = include_str!("data/testcases.json");
    assert!(serde_json::from_str::<serde_json::Value>(raw).is_err());
}

/// The expected outputs cover every config at least once, so a config that is wired
/// wrongly cannot pass unnoticed.
#[test]
fn testcases_cover_every_config() {
    let cases = testcases::load();
    for config in Config::ALL {
        let count = cases
            .iter()
            .filter(|case| case.expected.iter().any(|(c, _)| *c == config))
            .count();
        assert!(count > 0, "no case for {config}");
    }
}
