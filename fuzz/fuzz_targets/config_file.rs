//! Any bytes as an OpenCC configuration file (beside it a small dictionary, `d.txt`, that
//! configurations may name): loading fails with an error or succeeds, never panics, and a
//! converter built from what loads converts and streams consistently.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use fanjian::{ConfigFile, Converter};
use libfuzzer_sys::fuzz_target;

/// This process's folder with `d.txt` in it.
fn folder() -> &'static PathBuf {
    static FOLDER: OnceLock<PathBuf> = OnceLock::new();
    FOLDER.get_or_init(|| {
        let folder =
            std::env::temp_dir().join(format!("fanjian-fuzz-config-{}", std::process::id()));
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(folder.join("d.txt"), "头\t頭\n头发\t頭髮 头发\n发\t發 髮\n").unwrap();
        folder
    })
}

fuzz_target!(|data: &[u8]| {
    let path = folder().join("config.json");
    std::fs::write(&path, data).unwrap();
    let Ok(file) = ConfigFile::load(&path) else {
        return;
    };
    let converter = Converter::from_file(&file);
    let text = "头发干了，头发\n⿰发头";
    let whole = converter.convert(text);
    let mut streamed = Vec::new();
    converter
        .convert_stream(text.as_bytes(), &mut streamed)
        .unwrap();
    assert_eq!(String::from_utf8(streamed).unwrap(), whole);
});
