//! Malformed configuration files and dictionaries: each is an error naming the file, the
//! line and (for configurations) the JSON path, and nothing panics.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use fanjian::{Config, ConfigFile, Converter, Error};

/// A fresh folder holding `files`; returns the path of `config.json` in it.
fn folder(files: &[(&str, &[u8])]) -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "fanjian-config-errors-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, bytes) in files {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    dir.join("config.json")
}

/// Loads `config` (with `files` beside it) and returns the error's message, checking that
/// it names `expected` pieces (file, line, JSON path, what).
fn load_error(config: &str, files: &[(&str, &[u8])], expected: &[&str]) -> Error {
    let mut all = files.to_vec();
    all.push(("config.json", config.as_bytes()));
    let path = folder(&all);
    let error = ConfigFile::load(&path).expect_err(config);
    let message = error.to_string();
    for piece in expected {
        assert!(
            message.contains(piece),
            "{piece:?} is not in the message {message:?}"
        );
    }
    assert!(!message.contains('\n'), "one line: {message:?}");
    std::fs::remove_dir_all(path.parent().unwrap()).unwrap();
    error
}

/// A configuration whose one conversion step is `dict`.
fn step(dict: &str) -> String {
    format!("{{\n  \"conversion_chain\": [\n    {{\"dict\": {dict}}}\n  ]\n}}\n")
}

#[test]
fn json_syntax_errors_name_line_and_column() {
    load_error(
        "{\n  \"conversion_chain\": []\n  \"name\": \"x\"\n}",
        &[],
        &["config.json", "line 3", "column 3", "expected ',' or '}'"],
    );
    load_error(
        "{\"conversion_chain\": [\"open]}",
        &[],
        &["config.json", "line 1", "never closed"],
    );
    load_error(
        "{\"conversion_chain\": []} /* open",
        &[],
        &["line 1", "comment is never closed"],
    );
    load_error("", &[], &["config.json", "line 1", "end of the text"]);
    let deep = format!(
        "{{\"conversion_chain\": [], \"x\": {}{}}}",
        "[".repeat(70),
        "]".repeat(70)
    );
    load_error(&deep, &[], &["line 1", "deeper than 64"]);
}

#[test]
fn structure_errors_name_the_json_path() {
    let cases: &[(&str, &[&str])] = &[
        ("[]", &["line 1", "at $", "must be an object"]),
        (
            "{\"name\": \"x\"}",
            &["at $", "conversion_chain", "missing"],
        ),
        (
            "{\"conversion_chain\": {}}",
            &["at conversion_chain", "expected an array"],
        ),
        (
            "{\"conversion_chain\": [{\"dictionary\": {}}]}",
            &["at conversion_chain[0]", "\"dict\" is missing"],
        ),
        (
            "{\"normalization\": 3, \"conversion_chain\": []}",
            &["at normalization", "expected an array"],
        ),
        (
            "{\"segmentation\": {\"type\": \"jieba\"}, \"conversion_chain\": []}",
            &["at segmentation.type", "\"jieba\"", "mmseg"],
        ),
        (
            "{\"segmentation\": {\"type\": \"mmseg\"}, \"conversion_chain\": []}",
            &["at segmentation", "\"dict\" is missing"],
        ),
    ];
    for (config, expected) in cases {
        load_error(config, &[], expected);
    }
}

#[test]
fn dictionary_errors_name_the_json_path() {
    let cases: &[(&str, &[&str])] = &[
        (
            "{\"type\": \"trie\", \"file\": \"x.txt\"}",
            &[
                "line 3",
                "at conversion_chain[0].dict.type",
                "unknown dictionary type \"trie\"",
            ],
        ),
        (
            "{\"file\": \"x.txt\"}",
            &[
                "line 3",
                "at conversion_chain[0].dict",
                "\"type\" is missing",
            ],
        ),
        (
            "{\"type\": \"text\"}",
            &["at conversion_chain[0].dict", "\"file\" is missing"],
        ),
        (
            "{\"type\": \"text\", \"file\": 7}",
            &["at conversion_chain[0].dict.file", "expected a string"],
        ),
        (
            "{\"type\": \"group\", \"match_policy\": \"longest\", \"dicts\": []}",
            &[
                "at conversion_chain[0].dict.match_policy",
                "unknown match_policy \"longest\"",
            ],
        ),
        (
            "{\"type\": \"group\", \"match_policy\": 1, \"dicts\": []}",
            &[
                "at conversion_chain[0].dict.match_policy",
                "expected a string",
            ],
        ),
        (
            "{\"type\": \"group\", \"dicts\": {}}",
            &["at conversion_chain[0].dict.dicts", "expected an array"],
        ),
        (
            "{\"type\": \"group\", \"dicts\": [\"STPhrases.txt\"]}",
            &["at conversion_chain[0].dict.dicts[0]", "must be an object"],
        ),
        (
            "{\"type\": \"text\", \"file\": \"STPhrases.txt\", \"may_output_tofu\": \"yes\"}",
            &[
                "at conversion_chain[0].dict.may_output_tofu",
                "true or false",
            ],
        ),
        (
            "{\"type\": \"inline\", \"entries\": {\"a\": \"A\"}, \"may_output_tofu\": false}",
            &[
                "at conversion_chain[0].dict",
                "inline dictionary cannot have may_output_tofu",
            ],
        ),
        (
            "{\"type\": \"inline\", \"entries\": {\"a\": \"\"}}",
            &[
                "at conversion_chain[0].dict.entries[\"a\"]",
                "must not be empty",
            ],
        ),
        (
            "{\"type\": \"inline\", \"entries\": {\"\": \"A\"}}",
            &[
                "at conversion_chain[0].dict.entries[\"\"]",
                "must not be empty",
            ],
        ),
        (
            "{\"type\": \"inline\", \"entries\": {\"a\": \"A\", \"a\": \"B\"}}",
            &[
                "at conversion_chain[0].dict.entries[\"a\"]",
                "defined twice",
            ],
        ),
        (
            "{\"type\": \"inline\", \"entries\": [\"a\"]}",
            &["at conversion_chain[0].dict.entries", "must be an object"],
        ),
        (
            "{\"type\": \"inline\", \"entries\": {\"a\": 1}}",
            &[
                "at conversion_chain[0].dict.entries[\"a\"]",
                "expected a string",
            ],
        ),
        (
            "{\"type\": \"ocd2\", \"file\": \"STPhrases.ocd2\"}",
            &[
                "at conversion_chain[0].dict.type",
                "ocd2",
                "STPhrases.ocd2",
                "text",
                ".txt",
            ],
        ),
        (
            "{\"type\": \"ocd\", \"file\": \"old.ocd\"}",
            &[
                "at conversion_chain[0].dict.type",
                "ocd dictionaries",
                ".txt",
            ],
        ),
        (
            "{\"type\": \"text\", \"file\": \"missing.txt\"}",
            &[
                "line 3",
                "at conversion_chain[0].dict.file",
                "\"missing.txt\" not found",
                "missing.txt",
            ],
        ),
    ];
    for (dict, expected) in cases {
        load_error(&step(dict), &[], expected);
    }
}

#[test]
fn groups_nested_too_deep_are_an_error() {
    let mut dict = "{\"type\": \"text\", \"file\": \"STCharacters.txt\"}".to_owned();
    for _ in 0..17 {
        dict = format!("{{\"type\": \"group\", \"dicts\": [{dict}]}}");
    }
    load_error(
        &step(&dict),
        &[],
        &["config.json", "line 3", ".dicts[0]", "deeper than 16"],
    );
    // A cycle cannot be written: OpenCC's format has no references, only nesting.
}

#[test]
fn text_dictionary_errors_name_the_file_and_line() {
    let config = step("{\"type\": \"text\", \"file\": \"user.txt\"}");
    let cases: &[(&[u8], &[&str])] = &[
        (
            b"a\tA\n# ok\nb B\n",
            &[
                "user.txt: line 3",
                "no tab",
                "config.json line 3",
                "conversion_chain[0].dict",
            ],
        ),
        (
            b"a\tA\nb\tB\r\na\tC\n",
            &["user.txt: line 3", "\"a\" is defined twice"],
        ),
        (b"a\tA\nb\t\xFF\n", &["user.txt: line 2", "invalid UTF-8"]),
        (
            b"a\t\xE2\xBF\xB0bc\n",
            &["user.txt", "ideographic description operator", "\"a\""],
        ),
    ];
    for (dictionary, expected) in cases {
        load_error(&config, &[("user.txt", dictionary)], expected);
    }
}

#[test]
fn unreadable_configuration_files_are_errors() {
    let error = ConfigFile::load("/no/such/dir/config.json").unwrap_err();
    assert!(
        error.to_string().contains("/no/such/dir/config.json"),
        "{error}"
    );
    let path = folder(&[("config.json", b"{\"conversion_chain\": [\xFF]}")]);
    let error = ConfigFile::load(&path).unwrap_err();
    assert!(error.to_string().contains("not valid UTF-8"), "{error}");
}

#[test]
fn user_phrase_and_protected_word_errors_name_the_line() {
    let mut builder = Converter::builder(Config::S2T);
    let error = builder.user_phrases_str("头发\t頭髮\n干\n").err().unwrap();
    assert_eq!(
        error.to_string(),
        "user phrases: line 2: no tab between the key and its values"
    );
    let error = builder.user_phrases_str("干\t幹\n干\t乾\n").err().unwrap();
    assert!(error.to_string().contains("line 2"), "{error}");
    let error = builder
        .user_phrases_file("/no/such/phrases.txt")
        .err()
        .unwrap();
    assert!(
        error.to_string().contains("/no/such/phrases.txt"),
        "{error}"
    );
    let error = builder
        .protect_file("/no/such/protected.txt")
        .err()
        .unwrap();
    assert!(
        error.to_string().contains("/no/such/protected.txt"),
        "{error}"
    );
}

/// Every prefix of a valid configuration, and the configuration with each byte replaced,
/// loads or fails with an error: never a panic.
#[test]
fn broken_configurations_never_panic() {
    let valid = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/opencc-configs/jsonc-comments-trailing-commas.json"
    ))
    .unwrap()
    .replace("STPhrases.txt", "w.txt")
    .replace("STPhrases_GeneratedFromRegionalPhrases.txt", "w.txt")
    .replace("STCharacters.txt", "w.txt")
    .replace("CJK_Compatibility_Ideographs.txt", "w.txt")
    .replace("TWPhrases.txt", "w.txt")
    .replace("TWVariantsPhrases.txt", "w.txt")
    .replace("TWVariants.txt", "w.txt");
    let path = folder(&[("w.txt", "头发\t頭髮\n".as_bytes())]);
    let mut loaded = 0;
    let mut variants: Vec<Vec<u8>> = (0..valid.len())
        .map(|end| valid.as_bytes()[..end].to_vec())
        .collect();
    for (i, replacement) in [(b'"', b'x'), (b'{', b'['), (b',', b' '), (b':', b',')]
        .into_iter()
        .flat_map(|(from, to)| {
            valid
                .bytes()
                .enumerate()
                .filter(move |&(_, b)| b == from)
                .map(move |(i, _)| (i, to))
        })
    {
        let mut bytes = valid.as_bytes().to_vec();
        bytes[i] = replacement;
        variants.push(bytes);
    }
    for bytes in variants {
        std::fs::write(&path, bytes).unwrap();
        if let Ok(file) = ConfigFile::load(&path) {
            loaded += 1;
            Converter::from_file(&file).convert("头发");
        }
    }
    assert!(loaded > 0);
    std::fs::remove_dir_all(path.parent().unwrap()).unwrap();
}
