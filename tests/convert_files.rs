//! The `convert` example on trees of real files: several encodings in, UTF-8 or another
//! encoding out, `--output-dir` and `--in-place`, binary and undecodable files, and a run
//! killed part way that must leave every file either as it was or fully converted.
//!
//! Expected outputs come from the library (itself checked against OpenCC by the other
//! tests) and from encoding_rs, so every byte of every output is checked.

mod example_binaries;

use std::path::{Path, PathBuf};

use encoding_rs::{BIG5, Encoding, GB18030, GBK};
use example_binaries::{run_example, temp_dir};
use fanjian::{Config, Converter};

const SIMPLIFIED: &str =
    "头发干了，后来发现软件和鼠标。\n这台式机的内存条需要升级，于是去了一趟电脑商店。\n";
const TRADITIONAL: &str = "頭髮乾了，後來發現軟體和滑鼠。\n這臺桌上型電腦的記憶體需要升級。\n";

/// One input file: where it goes in the tree, its text and how it is stored.
struct Input {
    path: &'static str,
    text: &'static str,
    bytes: Vec<u8>,
}

fn encoded(text: &str, encoding: &'static Encoding) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding.encode(text);
    assert!(!unmappable, "{text} in {}", encoding.name());
    bytes.into_owned()
}

fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
    let mut bytes = if little_endian {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for unit in text.encode_utf16() {
        let pair = if little_endian {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        };
        bytes.extend_from_slice(&pair);
    }
    bytes
}

/// The text files of the tree, each in its own encoding.
fn inputs() -> Vec<Input> {
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), SIMPLIFIED.as_bytes()].concat();
    vec![
        Input {
            path: "plain.txt",
            text: SIMPLIFIED,
            bytes: SIMPLIFIED.as_bytes().to_vec(),
        },
        Input {
            path: "bom.txt",
            text: SIMPLIFIED,
            bytes: with_bom,
        },
        Input {
            path: "utf16le.txt",
            text: SIMPLIFIED,
            bytes: utf16(SIMPLIFIED, true),
        },
        Input {
            path: "utf16be.txt",
            text: SIMPLIFIED,
            bytes: utf16(SIMPLIFIED, false),
        },
        Input {
            path: "gb18030.txt",
            text: SIMPLIFIED,
            bytes: encoded(SIMPLIFIED, GB18030),
        },
        Input {
            path: "nested/big5.txt",
            text: TRADITIONAL,
            bytes: encoded(TRADITIONAL, BIG5),
        },
        Input {
            path: "nested/deeper/gbk.txt",
            text: SIMPLIFIED,
            bytes: encoded(SIMPLIFIED, GBK),
        },
    ]
}

/// Files that must be left alone: binary, hidden, and UTF-8 with a bad byte at offset
/// `BAD_OFFSET` on line 2.
const BAD_OFFSET: usize = "头发\n后".len();

fn others() -> Vec<(&'static str, Vec<u8>)> {
    let mut bad = "头发\n后".as_bytes().to_vec();
    bad.push(0xFF);
    bad.extend_from_slice("来\n".as_bytes());
    vec![
        (
            "binary.bin",
            b"\x7FELF\x02\x01\x01\x00\x00\x00\x00\x00".repeat(50),
        ),
        (".hidden.txt", SIMPLIFIED.as_bytes().to_vec()),
        ("nested/bad.txt", bad),
    ]
}

fn write_tree(root: &Path) {
    for input in inputs() {
        write(&root.join(input.path), &input.bytes);
    }
    for (path, bytes) in others() {
        write(&root.join(path), &bytes);
    }
}

fn write(path: &Path, bytes: &[u8]) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

/// What the example must write for an input under `config`: the library's conversion, in
/// UTF-8, keeping a UTF-8 byte order mark.
fn expected(input: &Input, config: Config) -> Vec<u8> {
    let converted = Converter::new(config).convert(input.text);
    let bom: &[u8] = if input.bytes.starts_with(b"\xEF\xBB\xBF") {
        b"\xEF\xBB\xBF"
    } else {
        b""
    };
    [bom, converted.as_bytes()].concat()
}

fn convert(args: &[&str]) -> (bool, String) {
    let output = run_example("convert", args, b"");
    (
        output.status.success(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

fn path(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// The error for the bad file, the warning for the binary one, nothing for the others.
fn check_messages(stderr: &str) {
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert!(
        lines.iter().any(|line| line.contains("bad.txt")
            && line.contains(&format!("byte offset {BAD_OFFSET}"))
            && line.contains("line 2")),
        "{stderr}"
    );
    assert!(
        lines
            .iter()
            .any(|line| line.contains("binary.bin") && line.contains("skipped")),
        "{stderr}"
    );
}

#[test]
fn output_dir_mirrors_the_tree_in_utf8() {
    let dir = temp_dir("tree-output-dir");
    let (input_root, output_root) = (dir.join("in"), dir.join("out"));
    write_tree(&input_root);
    let (success, stderr) = convert(&[
        "-c",
        "s2tw",
        "--output-dir",
        path(&output_root),
        path(&input_root),
    ]);
    assert!(!success, "the bad file makes the exit status non-zero");
    check_messages(&stderr);
    for input in inputs() {
        let got = std::fs::read(output_root.join(input.path)).unwrap();
        assert_eq!(got, expected(&input, Config::S2TW), "{}", input.path);
    }
    let mut written = files_under(&output_root);
    written.sort();
    let mut wanted: Vec<PathBuf> = inputs().iter().map(|i| PathBuf::from(i.path)).collect();
    wanted.sort();
    assert_eq!(written, wanted, "only the converted files are written");
    std::fs::remove_dir_all(dir).unwrap();
}

#[cfg(unix)]
#[test]
fn in_place_converts_text_and_leaves_the_rest() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp_dir("tree-in-place");
    write_tree(&dir);
    let plain = dir.join("plain.txt");
    std::fs::set_permissions(&plain, std::fs::Permissions::from_mode(0o640)).unwrap();
    let (success, stderr) = convert(&["-c", "s2twp", "--in-place", "--threads", "3", path(&dir)]);
    assert!(!success);
    check_messages(&stderr);
    for input in inputs() {
        let got = std::fs::read(dir.join(input.path)).unwrap();
        assert_eq!(got, expected(&input, Config::S2TWP), "{}", input.path);
    }
    for (name, bytes) in others() {
        assert_eq!(
            std::fs::read(dir.join(name)).unwrap(),
            bytes,
            "{name} untouched"
        );
    }
    let mode = std::fs::metadata(&plain).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640, "permissions kept");
    let mut left: Vec<PathBuf> = files_under(&dir);
    left.retain(|file| file.to_string_lossy().contains(".tmp"));
    assert!(left.is_empty(), "temporary files left: {left:?}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn output_in_another_encoding() {
    let dir = temp_dir("to-encoding");
    let source = dir.join("in.txt");
    let target = dir.join("out.txt");
    write(&source, SIMPLIFIED.as_bytes());
    let to_big5 = [
        "-c",
        "s2tw",
        "--to-encoding",
        "big5",
        "-i",
        path(&source),
        "-o",
        path(&target),
    ];
    let (success, stderr) = convert(&to_big5);
    assert!(success, "{stderr}");
    let converted = Converter::new(Config::S2TW).convert(SIMPLIFIED);
    assert_eq!(std::fs::read(&target).unwrap(), encoded(&converted, BIG5));

    // A character Big5 lacks: an error naming it and its line, and the output untouched.
    write(&source, "头发\n干了𠮷\n".as_bytes());
    let (success, stderr) = convert(&to_big5);
    assert!(!success);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("U+20BB7") && stderr.contains("line 2"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(&target).unwrap(), encoded(&converted, BIG5));

    // The input's encoding, given, and a byte that does not decode in it.
    write(&source, &encoded(SIMPLIFIED, GBK));
    let (success, stderr) = convert(&["-c", "s2t", "--from-encoding", "gbk", path(&source)]);
    assert!(success, "{stderr}");
    let mut bad = encoded("头发", GBK);
    let offset = bad.len();
    bad.extend_from_slice(b"\xFF\x20");
    write(&source, &bad);
    let (success, stderr) = convert(&["--from-encoding", "gbk", path(&source)]);
    assert!(!success);
    assert!(
        stderr.contains(&format!("byte offset {offset}")) && stderr.contains("in.txt"),
        "{stderr}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

/// Kills in-place runs at several moments: every file must then hold either its original
/// bytes or its whole conversion, never a part.
#[cfg(unix)]
#[test]
fn a_killed_in_place_run_leaves_every_file_whole() {
    use std::process::{Command, Stdio};
    let converter = Converter::new(Config::S2T);
    let originals: Vec<String> = (0..40).map(|i| SIMPLIFIED.repeat(1500 + 37 * i)).collect();
    let converted: Vec<String> = originals
        .iter()
        .map(|text| converter.convert(text))
        .collect();
    let write_tree = |dir: &Path| {
        for (i, text) in originals.iter().enumerate() {
            write(&dir.join(format!("{i:02}.txt")), text.as_bytes());
        }
    };
    let start = |dir: &Path| {
        Command::new(example_binaries::example("convert"))
            .args(["-c", "s2t", "--in-place", "--threads", "2", path(dir)])
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
    };
    // How long a whole run takes here, so that the kills land inside one.
    let dir = temp_dir("killed-timing");
    write_tree(&dir);
    let began = std::time::Instant::now();
    assert!(start(&dir).wait().unwrap().success());
    let whole = began.elapsed();
    std::fs::remove_dir_all(dir).unwrap();

    let mut outcomes = Vec::new();
    for fifths in 1..=4 {
        let dir = temp_dir(&format!("killed-{fifths}"));
        write_tree(&dir);
        let mut child = start(&dir);
        std::thread::sleep(whole * fifths / 5);
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let mut converted_now = 0;
        for (i, (original, done)) in originals.iter().zip(&converted).enumerate() {
            let now = std::fs::read_to_string(dir.join(format!("{i:02}.txt"))).unwrap();
            if now == *done {
                converted_now += 1;
            } else {
                assert!(
                    now == *original,
                    "file {i:02} after a kill at {fifths}/5 is neither"
                );
            }
        }
        outcomes.push(converted_now);
        std::fs::remove_dir_all(dir).unwrap();
    }
    eprintln!(
        "a whole run took {whole:?}; of 40 files, converted when killed at 1/5 to 4/5 of it: {outcomes:?}"
    );
}

/// Every file below `root`, relative to it.
fn files_under(root: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut folders = vec![root.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else {
                files.push(path.strip_prefix(root).unwrap().to_path_buf());
            }
        }
    }
    files
}
