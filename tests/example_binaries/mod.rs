//! The example binaries, built once per test run, and a way to run them.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

/// An example's binary. The examples are built once (a plain `cargo test` builds them, but
/// a filtered run such as `cargo test --test examples` does not).
pub fn example(name: &str) -> PathBuf {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    let examples = BUILT.get_or_init(|| {
        let mut args = vec!["build", "--quiet", "--examples"];
        if !cfg!(debug_assertions) {
            args.push("--release");
        }
        let status = Command::new(env!("CARGO"))
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .status()
            .unwrap();
        assert!(status.success(), "cargo build --examples failed");
        let test_binary = std::env::current_exe().unwrap();
        test_binary
            .parent()
            .unwrap()
            .parent()
            .unwrap()
            .join("examples")
    });
    examples.join(format!("{name}{}", std::env::consts::EXE_SUFFIX))
}

/// Runs an example with `args`, giving it `stdin`.
pub fn run_example(name: &str, args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(example(name))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

/// A fresh folder for one test.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("fanjian-example-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
