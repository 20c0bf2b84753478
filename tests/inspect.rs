//! Inspection agrees with conversion on real text, and what it reports can be checked
//! against the dictionaries' own files.

use std::collections::HashMap;

use fanjian::{Config, ConfigFile, Converter};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn real_text() -> String {
    let mut text =
        std::fs::read_to_string(format!("{ROOT}/examples/data/sample-hans.txt")).unwrap();
    if let Ok(bytes) = std::fs::read(format!("{ROOT}/../shared/bench/zuozhuan.txt")) {
        let mut end = bytes.len().min(5_000);
        while std::str::from_utf8(&bytes[..end]).is_err() {
            end -= 1;
        }
        text.push_str(std::str::from_utf8(&bytes[..end]).unwrap());
    }
    text.push_str("⿰讠吾说 \u{F900}头发 繁體中文，乾隆年間的頭髮。");
    text
}

/// Every key's candidates in a dictionary file of `data/opencc` or of
/// `tests/opencc-configs/dicts`.
fn dictionary(name: &str) -> HashMap<String, Vec<String>> {
    std::fs::read_to_string(format!("{ROOT}/data/opencc/{name}"))
        .or_else(|_| std::fs::read_to_string(format!("{ROOT}/tests/opencc-configs/dicts/{name}")))
        .unwrap()
        .lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| {
            let (key, values) = line.split_once('\t').unwrap();
            (
                key.to_owned(),
                values.split(' ').map(str::to_owned).collect(),
            )
        })
        .collect()
}

fn check(converter: &Converter, text: &str, label: &str) {
    let inspection = converter.inspect(text);
    let output: String = inspection
        .segments
        .iter()
        .map(|s| s.output.as_str())
        .collect();
    assert_eq!(output, converter.convert(text), "{label}: outputs differ");
    for segment in &inspection.segments {
        if segment.dictionaries.is_empty() {
            assert_eq!(segment.output, segment.source, "{label}: {segment:?}");
        }
    }
    for ambiguity in &inspection.ambiguities {
        assert!(ambiguity.candidates.len() > 1, "{label}: {ambiguity:?}");
        let segment = &inspection.segments[ambiguity.segment];
        assert!(
            segment.dictionaries.contains(&ambiguity.dictionary),
            "{label}: {ambiguity:?}"
        );
        if ambiguity.dictionary.ends_with(".txt") {
            let candidates = &dictionary(&ambiguity.dictionary)[&ambiguity.key];
            let listed: Vec<&String> = candidates.iter().filter(|c| !c.is_empty()).collect();
            assert_eq!(
                listed,
                ambiguity.candidates.iter().collect::<Vec<_>>(),
                "{label}"
            );
        }
    }
}

#[test]
fn inspection_agrees_with_conversion_on_real_text() {
    let text = real_text();
    for config in [Config::S2TWP, Config::TW2SP, Config::JP2T] {
        check(&Converter::new(config), &text, config.name());
    }
    let custom = Converter::builder(Config::S2TWP)
        .user_phrases([("软件", "軟件"), ("的", "の")])
        .unwrap()
        .protect(["头发"])
        .unwrap()
        .build();
    check(&custom, &text, "s2twp with user words");
    // A short_circuit group inside a union, with custom dictionaries.
    let name = "short-circuit-in-union-custom";
    let file = ConfigFile::load(format!("{ROOT}/tests/opencc-configs/{name}.json")).unwrap();
    check(&Converter::from_file(&file), &text, name);
}

#[test]
fn segments_name_the_deciding_dictionaries() {
    let inspection = Converter::new(Config::S2TW).inspect("头发里");
    let seen: Vec<(&str, &str, Vec<&str>)> = inspection
        .segments
        .iter()
        .map(|s| {
            (
                s.source.as_str(),
                s.output.as_str(),
                s.dictionaries.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("头发", "頭髮", vec!["STPhrases.txt"]),
            ("里", "裡", vec!["STCharacters.txt", "TWVariants.txt"]),
        ]
    );
    let custom = Converter::builder(Config::S2TW)
        .user_phrases([("头", "首")])
        .unwrap()
        .protect(["里"])
        .unwrap()
        .build();
    let names: Vec<Vec<String>> = custom
        .inspect("头发里")
        .segments
        .into_iter()
        .map(|s| s.dictionaries)
        .collect();
    assert_eq!(
        names,
        [vec!["user"], vec!["STCharacters.txt"], vec!["protected"]]
    );
}
