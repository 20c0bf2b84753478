//! OpenCC configuration files loaded at run time: the 16 shipped ones give exactly the
//! built-in converters' output, on OpenCC's test cases and real text.

// Only the inputs are used here.
#[allow(dead_code)]
mod testcases;

use fanjian::{Config, ConfigFile, Converter, TofuRisk};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Real text to compare on: OpenCC's test inputs, the example's sample, and a slice of
/// each corpus that is present (the shared Zuozhuan, the real-text corpora of CI).
fn real_text() -> Vec<(String, String)> {
    let mut texts = vec![(
        "testcases.json".to_owned(),
        testcases::load()
            .into_iter()
            .map(|case| case.input)
            .collect::<Vec<_>>()
            .join("\n"),
    )];
    let mut paths = vec![
        format!("{ROOT}/examples/data/sample-hans.txt"),
        format!("{ROOT}/../shared/bench/zuozhuan.txt"),
    ];
    if let Ok(dir) = std::fs::read_dir(format!("{ROOT}/target/corpus")) {
        let mut corpora: Vec<String> = dir
            .filter_map(|entry| entry.ok())
            .map(|entry| entry.path().display().to_string())
            .filter(|path| path.ends_with(".txt"))
            .collect();
        corpora.sort();
        paths.extend(corpora);
    }
    for path in paths {
        let Ok(bytes) = std::fs::read(&path) else {
            eprintln!("not present, skipped: {path}");
            continue;
        };
        let mut end = bytes.len().min(15_000);
        while std::str::from_utf8(&bytes[..end]).is_err() {
            end -= 1;
        }
        texts.push((path, String::from_utf8(bytes[..end].to_vec()).unwrap()));
    }
    texts
}

#[test]
fn shipped_config_files_give_the_builtin_output() {
    let texts = real_text();
    let mut failures = Vec::new();
    for config in Config::ALL {
        let path = format!("{ROOT}/data/opencc/config/{}.json", config.name());
        let file = ConfigFile::load(&path).unwrap();
        for tofu_risk in [TofuRisk::Include, TofuRisk::Exclude] {
            let loaded = Converter::builder_from_file(&file)
                .tofu_risk(tofu_risk)
                .build();
            let builtin = Converter::builder(config).tofu_risk(tofu_risk).build();
            for (name, text) in &texts {
                if loaded.convert(text) != builtin.convert(text) {
                    failures.push(format!("{config} {tofu_risk:?} on {name}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "differ: {failures:#?}");
}
