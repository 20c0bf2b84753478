//! The `convert` and `normalize` examples as a user runs them: flags, output, and one-line
//! errors with a non-zero exit status that leave an existing output file untouched.

mod example_binaries;

use std::process::Output;

use example_binaries::{run_example, temp_dir};
use fanjian::{Config, Converter};

/// Runs the `convert` example.
fn run(args: &[&str], stdin: &[u8]) -> Output {
    run_example("convert", args, stdin)
}

fn one_line_error(output: &Output) -> String {
    assert!(!output.status.success());
    let stderr = String::from_utf8(output.stderr.clone()).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    stderr
}

#[test]
fn converts_the_sample_file_and_standard_input() {
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/sample-hans.txt");
    let expected = Converter::new(Config::S2TWP).convert(&std::fs::read_to_string(sample).unwrap());
    let output = run(&["-c", "s2twp", "-i", sample], b"");
    assert!(output.status.success());
    assert_eq!(String::from_utf8(output.stdout).unwrap(), expected);

    let output = run(&[], "头发干了\n".as_bytes());
    assert!(output.status.success());
    assert_eq!(String::from_utf8(output.stdout).unwrap(), "頭髮幹了\n");

    let output = run(
        &["--config", "T2S.json", "--tofu-risk", "exclude"],
        "殢".as_bytes(),
    );
    assert_eq!(String::from_utf8(output.stdout).unwrap(), "殢");
}

#[test]
fn normalizes_before_converting() {
    use fanjian::normalize::{Normalizer, Profile};
    let text = "他说:\"头发干了...\"\n```\na,b\n```\n最后--没有换行";
    for (flag, profile) in [
        ("auto", Profile::for_config(Config::S2TW)),
        ("mainland", Profile::Mainland),
    ] {
        let expected =
            Normalizer::new(profile).convert_normalized(&Converter::new(Config::S2TW), text);
        let output = run(&["-c", "s2tw", "--normalize", flag], text.as_bytes());
        assert!(output.status.success());
        assert_eq!(
            String::from_utf8(output.stdout).unwrap(),
            expected,
            "--normalize {flag}"
        );
    }
    let stderr = one_line_error(&run(&["--normalize", "martian"], b""));
    assert!(
        stderr.contains("martian") && stderr.contains("hongkong"),
        "{stderr}"
    );
}

#[test]
fn writes_the_output_file_whole() {
    let dir = temp_dir("output");
    let input = dir.join("in.txt");
    let output_path = dir.join("out.txt");
    std::fs::write(&input, "软件\n".repeat(100_000)).unwrap();
    let output = run(
        &[
            "-c",
            "s2twp",
            "-i",
            input.to_str().unwrap(),
            "-o",
            output_path.to_str().unwrap(),
        ],
        b"",
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(&output_path).unwrap(),
        "軟體\n".repeat(100_000)
    );
    // Converting a file onto itself works too: the input is read whole before the rename.
    let output = run(
        &[
            "-c",
            "tw2sp",
            "-i",
            output_path.to_str().unwrap(),
            "-o",
            output_path.to_str().unwrap(),
        ],
        b"",
    );
    assert!(output.status.success());
    assert_eq!(
        std::fs::read_to_string(&output_path).unwrap(),
        "软件\n".repeat(100_000)
    );
    std::fs::remove_dir_all(dir).unwrap();
}

/// A device given as the output is written, not replaced by a renamed file.
#[cfg(unix)]
#[test]
fn writes_to_a_device_in_place() {
    use std::os::unix::fs::FileTypeExt;
    let output = run(&["-c", "s2t", "-o", "/dev/null"], "头发".as_bytes());
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let kind = std::fs::metadata("/dev/null").unwrap().file_type();
    assert!(kind.is_char_device(), "/dev/null is now {kind:?}");
}

#[test]
fn errors_are_one_line_and_leave_the_output_untouched() {
    let stderr = one_line_error(&run(&["-c", "s2x"], b""));
    assert!(
        stderr.contains("s2x") && stderr.contains("s2twp") && stderr.contains("jp2t"),
        "{stderr}"
    );

    let stderr = one_line_error(&run(&["-i", "/no/such/file.txt"], b""));
    assert!(stderr.contains("/no/such/file.txt"), "{stderr}");

    let stderr = one_line_error(&run(&["--frobnicate"], b""));
    assert!(stderr.contains("--frobnicate"), "{stderr}");

    let dir = temp_dir("invalid");
    let input = dir.join("bad.txt");
    let output_path = dir.join("out.txt");
    let mut bad = "头发\n".repeat(30_000).into_bytes();
    let offset = bad.len() + 3;
    bad.extend_from_slice(b"ok\nab\xFFcd\n");
    std::fs::write(&input, &bad).unwrap();
    std::fs::write(&output_path, "precious").unwrap();
    let stderr = one_line_error(&run(
        &[
            "-i",
            input.to_str().unwrap(),
            "-o",
            output_path.to_str().unwrap(),
        ],
        b"",
    ));
    assert!(stderr.contains("bad.txt"), "{stderr}");
    assert!(
        stderr.contains(&format!("byte offset {}", offset + 2)),
        "{stderr}"
    );
    assert!(stderr.contains("line 30002"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&output_path).unwrap(), "precious");
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .collect();
    assert_eq!(
        leftovers.len(),
        2,
        "a temporary file was left behind: {leftovers:?}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn normalize_example_streams_lines_and_reports_bad_input() {
    use fanjian::normalize::{Normalizer, Op, Profile};
    let text = "他说:\"你好,世界...\"\nHello, world...\n最后一行--没有换行";
    for (args, profile) in [
        (vec![], Profile::Mainland),
        (vec!["--profile", "taiwan"], Profile::Taiwan),
    ] {
        let output = run_example("normalize", &args, text.as_bytes());
        assert!(output.status.success());
        assert_eq!(
            String::from_utf8(output.stdout).unwrap(),
            Normalizer::new(profile).normalize(text)
        );
    }
    let text = "Ｗｉｎｄｏｗｓ很好－－真的";
    let output = run_example("normalize", &["--ops", "fold_width,dash"], text.as_bytes());
    let expected = Normalizer::from_ops([Op::FoldWidth, Op::Dash]).normalize(text);
    assert_ne!(expected, text);
    assert_eq!(String::from_utf8(output.stdout).unwrap(), expected);

    let dir = temp_dir("normalize");
    let output_path = dir.join("out.txt");
    std::fs::write(&output_path, "precious").unwrap();
    let output = run_example(
        "normalize",
        &["-o", output_path.to_str().unwrap()],
        b"ok\nab\xFFc\n",
    );
    let stderr = one_line_error(&output);
    assert!(stderr.contains("line 2, byte offset 5"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&output_path).unwrap(), "precious");
    let stderr = one_line_error(&run_example("normalize", &["--profile", "martian"], b""));
    assert!(stderr.contains("martian"), "{stderr}");
    std::fs::remove_dir_all(dir).unwrap();
}

fn stdout(output: Output) -> String {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn detect_example_labels_each_line_and_each_file() {
    let text = "这里是简体中文，我们都在这里。\n這裡是繁體中文，我們都在這裡。\nhello world\n这是简体的部分。這是繁體的部分。\n";
    let out = stdout(run_example("detect", &["--lines"], text.as_bytes()));
    let words: Vec<&str> = out
        .lines()
        .map(|line| line.split('\t').next().unwrap())
        .collect();
    assert_eq!(words, ["simplified", "traditional", "unknown", "mixed"]);
    assert!(
        out.lines().nth(1).unwrap().contains("region=taiwan"),
        "{out}"
    );

    // Every line of a real Taiwan localisation, as the library detects it.
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/detect/hant-tw-vscode.txt"
    );
    let file = std::fs::read_to_string(path).unwrap();
    let out = stdout(run_example("detect", &["--lines", "-i", path], b""));
    assert_eq!(out.lines().count(), file.lines().count());
    for (line, detected) in file.lines().zip(out.lines()) {
        assert!(
            detected.starts_with(&format!("{}\t", fanjian::detect(line).script)),
            "{line}: {detected}"
        );
    }

    // One line per file, in order, naming it.
    let hans = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/detect/hans-vscode.txt"
    );
    let out = stdout(run_example("detect", &["-i", hans, path], b""));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(lines[0].starts_with("simplified\t") && lines[0].ends_with(&format!("file={hans}")));
    assert!(lines[1].starts_with("traditional\t") && lines[1].contains("region=taiwan"));
}

#[test]
fn detect_example_errors_are_one_line() {
    let message = one_line_error(&run_example("detect", &["-i", "/nonexistent/x.txt"], b""));
    assert!(message.contains("/nonexistent/x.txt"), "{message}");
    let message = one_line_error(&run_example("detect", &["--lines"], b"ok\nab\xffcd\n"));
    assert!(message.contains("line 2, byte offset 5"), "{message}");
    one_line_error(&run_example("detect", &["--frobnicate"], b""));
}

#[test]
fn convert_to_picks_the_configuration_from_the_input() {
    let simplified = "关于干部的头发，今后并不理会鼠标和软件。\n";
    let converted = |config| Converter::new(config).convert(simplified);
    for (to, config) in [
        ("hant", Config::S2T),
        ("tw", Config::S2TW),
        ("twp", Config::S2TWP),
        ("hk", Config::S2HK),
    ] {
        let out = stdout(run(&["--to", to], simplified.as_bytes()));
        assert_eq!(out, converted(config), "--to {to}");
    }
    let japanese = Converter::new(Config::T2JP).convert(&converted(Config::S2T));
    assert_eq!(
        stdout(run(&["--to", "jp"], simplified.as_bytes())),
        japanese
    );

    // Traditional input goes back through t2s, or tw2s and hk2s when its forms show the
    // region.
    let taiwan = converted(Config::S2TW);
    let out = stdout(run(&["--to", "hans"], taiwan.as_bytes()));
    assert_eq!(out, Converter::new(Config::TW2S).convert(&taiwan));

    // Traditional input already in the target passes through unchanged.
    assert_eq!(stdout(run(&["--to", "tw"], taiwan.as_bytes())), taiwan);
}

#[test]
fn convert_repair_fixes_naive_conversion() {
    let simplified = "关于干部的头发，今后并不理会。这里面只有一只猫。\n";
    // What a character-by-character converter makes of it.
    let naive = "關于幹部的頭發，今后并不理會。這里面只有一只貓。\n";
    for (target, config) in [
        ("t", Config::S2T),
        ("tw", Config::S2TW),
        ("hk", Config::S2HK),
    ] {
        let out = stdout(run(&["--repair", target], naive.as_bytes()));
        assert_eq!(
            out,
            Converter::new(config).convert(simplified),
            "--repair {target}"
        );
    }
    // The same through --to, which detects the Traditional input.
    let out = stdout(run(&["--to", "tw"], naive.as_bytes()));
    assert_eq!(out, Converter::new(Config::S2TW).convert(simplified));

    let message = one_line_error(&run(&["--repair", "twp"], b""));
    assert!(message.contains("\"twp\""), "{message}");
    let message = one_line_error(&run(&["--to", "klingon"], b""));
    assert!(message.contains("\"klingon\""), "{message}");
    let message = one_line_error(&run(&["-c", "s2t", "--to", "tw"], b""));
    assert!(message.contains("exclude"), "{message}");
    let message = one_line_error(&run(&["--repair", "tw"], b"ok\n\xff\n"));
    assert!(message.contains("line 2, byte offset 3"), "{message}");
}

#[test]
fn memory_example_reports_the_resident_set_and_rejects_unknown_engines() {
    let output = run_example("memory", &[], b"");
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    let figures: Vec<&str> = stdout
        .lines()
        .map(|line| line.split(':').next().unwrap())
        .collect();
    assert_eq!(
        figures,
        ["fanjian VmRSS", "fanjian RssAnon", "fanjian RssFile"]
    );
    for line in stdout.lines() {
        let numbers: Vec<u64> = line
            .split(|c: char| !c.is_ascii_digit())
            .filter_map(|n| n.parse().ok())
            .collect();
        // before, after, the 16 converters, and the growth: after minus before.
        assert_eq!(numbers.len(), 4, "{line}");
        assert_eq!(numbers[2], 16, "{line}");
        assert_eq!(numbers[1].abs_diff(numbers[0]), numbers[3], "{line}");
    }

    let stderr = one_line_error(&run_example("memory", &["martian"], b""));
    assert!(stderr.contains("unknown engine \"martian\""), "{stderr}");
}

#[test]
fn config_files_user_phrases_and_protected_words() {
    let root = env!("CARGO_MANIFEST_DIR");
    let config = format!("{root}/data/opencc/config/s2twp.json");
    let text = "邓丽君用鼠标装软件\n";
    let output = run(&["--config-file", &config], text.as_bytes());
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        Converter::new(Config::S2TWP).convert(text)
    );

    let dir = temp_dir("user");
    let phrases = dir.join("phrases.txt");
    let protected = dir.join("protected.txt");
    let more = dir.join("more.txt");
    std::fs::write(&phrases, "软件\t軟件\n").unwrap();
    std::fs::write(&more, "鼠标\t滑鼠標\n").unwrap();
    std::fs::write(&protected, "邓丽君\n").unwrap();
    let output = run(
        &[
            "-c",
            "s2twp",
            "--dict",
            phrases.to_str().unwrap(),
            "--dict",
            more.to_str().unwrap(),
            "--protect",
            protected.to_str().unwrap(),
        ],
        text.as_bytes(),
    );
    assert!(output.status.success());
    let expected = Converter::builder(Config::S2TWP)
        .user_phrases([("软件", "軟件"), ("鼠标", "滑鼠標")])
        .unwrap()
        .protect(["邓丽君"])
        .unwrap()
        .build()
        .convert(text);
    assert_eq!(expected, "邓丽君用滑鼠標裝軟件\n");
    assert_eq!(String::from_utf8(output.stdout).unwrap(), expected);

    std::fs::write(&phrases, "软件\t軟件\n鼠标 滑鼠\n").unwrap();
    let stderr = one_line_error(&run(&["--dict", phrases.to_str().unwrap()], b""));
    assert!(stderr.contains("phrases.txt: line 2"), "{stderr}");
    let bad_config = dir.join("bad.json");
    std::fs::write(
        &bad_config,
        "{\"conversion_chain\": [{\"dict\": {\"type\": \"ocd2\", \"file\": \"x.ocd2\"}}]}",
    )
    .unwrap();
    let stderr = one_line_error(&run(&["--config-file", bad_config.to_str().unwrap()], b""));
    assert!(
        stderr.contains("bad.json, line 1, at conversion_chain[0].dict.type"),
        "{stderr}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn inspect_and_ambiguities_print_json_lines() {
    let text = "头发干了，后来发现";
    let output = run(&["-c", "s2t", "--inspect"], text.as_bytes());
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    let inspection = Converter::new(Config::S2T).inspect(text);
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(lines.len(), inspection.segments.len());
    let output_text: String = lines
        .iter()
        .map(|l| l["output"].as_str().unwrap())
        .collect();
    assert_eq!(output_text, Converter::new(Config::S2T).convert(text));
    assert_eq!(lines[0]["source"], "头发");
    assert_eq!(lines[0]["dictionaries"][0], "STPhrases.txt");

    let output = run(&["-c", "s2t", "--ambiguities"], text.as_bytes());
    let stdout = String::from_utf8(output.stdout).unwrap();
    let first: serde_json::Value = serde_json::from_str(stdout.lines().next().unwrap()).unwrap();
    assert_eq!(first["key"], "干了");
    assert_eq!(first["candidates"][0], "幹了");
    assert_eq!(first["dictionary"], "STPhrases.txt");
    assert_eq!(stdout.lines().count(), inspection.ambiguities.len());
}
