//! The engine against `naive`, a slow and obviously-correct reference implementation of
//! OpenCC 1.4.2's semantics. The reference is itself checked against OpenCC: it passes
//! testcases.json below, and when it was written it agreed with the python `opencc` 1.4.2
//! library on 92,000 random strings built like the ones here and on 90,000 corpus lines and
//! IDS edge cases, under all 16 configs with and without the tofu-risk dictionaries.
//!
//! Random text is built from the pieces where converters go wrong: dictionary keys and
//! values of the config, their prefixes, suffixes and concatenations (phrases that overlap
//! and straddle each other), ASCII, punctuation, line breaks, NUL, IDS operators, 4-byte
//! characters and CJK compatibility ideographs. Every config is tested with the tofu-risk
//! dictionaries both included and left out.
//!
//! The same text drives the API properties: `convert_into` appends, a stream read in any
//! chunking equals converting the whole, and invalid UTF-8 is reported at its offset.
//!
//! Each property runs proptest's default 256 cases; set `PROPTEST_CASES=100000` for a long
//! local run.

mod naive;
mod testcases;

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::io::{self, Read, Write};
use std::sync::OnceLock;

use fanjian::{Config, Converter, Error, TofuRisk};
use proptest::prelude::*;
use proptest::sample::{Index, select};

const DATA_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/opencc");

const TOFU_RISKS: [TofuRisk; 2] = [TofuRisk::Include, TofuRisk::Exclude];

/// One config under one tofu-risk setting: the reference and the engine.
struct Pair {
    config: Config,
    tofu_risk: TofuRisk,
    naive: naive::Naive,
    converter: Converter,
}

/// Everything the tests share, built once: 32 reference/engine pairs, and per config the
/// words (keys and values) of each of its dictionaries, sorted so that proptest runs
/// reproduce.
struct Fixture {
    pairs: Vec<Pair>,
    words: Vec<Vec<Vec<String>>>,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let mut loader = naive::Loader::new(DATA_DIR);
        let mut pairs = Vec::new();
        for config in Config::ALL {
            for tofu_risk in TOFU_RISKS {
                pairs.push(Pair {
                    config,
                    tofu_risk,
                    naive: loader.load(config.name(), tofu_risk),
                    converter: Converter::builder(config).tofu_risk(tofu_risk).build(),
                });
            }
        }
        let words = Config::ALL
            .iter()
            .map(|&config| {
                // The dictionaries of the config and of its inverse: the inverse's values
                // are text in the script this config converts from, such as the mainland
                // words that TWPhrasesRev gives, which s2twp's TWPhrases step meets.
                // The tofu-risk setting only removes dictionaries, so Include has all.
                let mut lexicons: Vec<&naive::Lexicon> = [config, inverse(config)]
                    .into_iter()
                    .flat_map(|config| pairs.iter().find(|pair| pair.config == config))
                    .flat_map(|pair| pair.naive.lexicons())
                    .collect();
                lexicons.sort_by_key(|lexicon| std::ptr::from_ref(*lexicon));
                lexicons.dedup_by_key(|lexicon| std::ptr::from_ref(*lexicon));
                let mut words: Vec<Vec<String>> = lexicons
                    .into_iter()
                    .map(|lexicon| {
                        let words: BTreeSet<&str> = lexicon
                            .entries()
                            .flat_map(|(key, value)| [key, value])
                            .filter(|word| !word.is_empty())
                            .collect();
                        words.into_iter().map(str::to_owned).collect()
                    })
                    .collect();
                // Sorted by content, not by address, for reproducible runs.
                words.sort();
                words
            })
            .collect();
        Fixture { pairs, words }
    })
}

/// The config that converts back.
fn inverse(config: Config) -> Config {
    use Config::*;
    match config {
        S2T => T2S,
        T2S => S2T,
        S2TW => TW2S,
        TW2S => S2TW,
        S2TWP => TW2SP,
        TW2SP => S2TWP,
        S2HK => HK2S,
        HK2S => S2HK,
        S2HKP => HK2SP,
        HK2SP => S2HKP,
        T2TW => TW2T,
        TW2T => T2TW,
        T2HK => HK2T,
        HK2T => T2HK,
        T2JP => JP2T,
        JP2T => T2JP,
        _ => unreachable!("a config added to fanjian needs its inverse here"),
    }
}

/// Where `config` is in `Config::ALL`.
fn position(config: Config) -> usize {
    Config::ALL.iter().position(|&c| c == config).unwrap()
}

fn pairs(config: Config) -> impl Iterator<Item = &'static Pair> {
    fixture()
        .pairs
        .iter()
        .filter(move |pair| pair.config == config)
}

fn converter(config: Config) -> &'static Converter {
    &pairs(config).next().unwrap().converter
}

/// Characters that are not dictionary words but meet the matcher's edge cases.
#[rustfmt::skip]
const SPECIALS: &[&str] = &[
    // Punctuation, full and half width.
    "，", "。", "、", "；", "：", "？", "！", "「", "」", "『", "』", "（", "）", "…", "—", "·",
    ",", ".", " ",
    // Line breaks, tab and NUL (kept by this crate; OpenCC cuts segments there).
    "\n", "\r\n", "\r", "\t", "\0",
    // BOM, zero-width joiner, variation selectors: ordinary unmatched characters.
    "\u{FEFF}", "\u{200D}", "\u{FE00}", "\u{E0100}",
    // 4-byte characters: with and without dictionary entries (s2t: 𫟼→鐽, 𫠜→齯).
    "𠮷", "𫟼", "𫠜", "𪢮", "𣨼", "\u{20000}", "\u{2A6DF}",
];

/// A text for `config`, built from its dictionary words and the characters above.
fn text(config: Config) -> impl Strategy<Value = String> {
    let lexicons: &'static [Vec<String>] = &fixture().words[position(config)];
    // A dictionary first, then a word of it, so that the small dictionaries, where the
    // phrase-level and regional rules live, are drawn as often as the big STPhrases.
    let word = move || {
        (any::<Index>(), any::<Index>()).prop_map(move |(lexicon, word)| {
            let words = &lexicons[lexicon.index(lexicons.len())];
            words[word.index(words.len())].clone()
        })
    };
    let piece = prop_oneof![
        8 => word(),
        2 => (word(), any::<Index>()).prop_map(|(word, cut)| prefix(&word, cut)),
        2 => (word(), any::<Index>()).prop_map(|(word, cut)| suffix(&word, cut)),
        2 => prop::collection::vec(word(), 2..=3).prop_map(|words| words.concat()),
        3 => "[ -~]{1,4}",
        3 => select(SPECIALS).prop_map(str::to_owned),
        // IDS operators U+2FF0..=U+2FFF, and U+31EF, which is not one.
        4 => prop_oneof![0x2FF0u32..=0x2FFF, Just(0x31EF)].prop_map(char_string),
        // CJK compatibility ideographs, rewritten by the normalization stage.
        2 => prop_oneof![0xF900u32..=0xFAD9, 0x2F800u32..=0x2FA1D].prop_map(char_string),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|pieces| pieces.concat())
}

/// A config with a text for it.
fn config_and_text() -> impl Strategy<Value = (Config, String)> {
    select(Config::ALL.to_vec()).prop_flat_map(|config| (Just(config), text(config)))
}

fn prefix(word: &str, cut: Index) -> String {
    word.chars()
        .take(cut.index(word.chars().count()) + 1)
        .collect()
}

fn suffix(word: &str, cut: Index) -> String {
    word.chars().skip(cut.index(word.chars().count())).collect()
}

fn char_string(code_point: u32) -> String {
    char::from_u32(code_point).unwrap().to_string()
}

/// Compares the engine with the reference for every tofu-risk setting of `config`.
fn check_against_naive(config: Config, text: &str) -> Result<(), TestCaseError> {
    for pair in pairs(config) {
        let expected = pair.naive.convert(text);
        let got = pair.converter.convert(text);
        prop_assert_eq!(
            got,
            expected,
            "{} {:?} on {:?}",
            config,
            pair.tofu_risk,
            text
        );
    }
    Ok(())
}

macro_rules! engine_equals_naive {
    ($($test:ident: $config:ident,)*) => {
        proptest! {
            $(
                #[test]
                fn $test(text in text(Config::$config)) {
                    check_against_naive(Config::$config, &text)?;
                }
            )*
        }
    };
}

engine_equals_naive! {
    s2t_equals_naive: S2T,
    t2s_equals_naive: T2S,
    s2tw_equals_naive: S2TW,
    tw2s_equals_naive: TW2S,
    s2twp_equals_naive: S2TWP,
    tw2sp_equals_naive: TW2SP,
    s2hk_equals_naive: S2HK,
    hk2s_equals_naive: HK2S,
    s2hkp_equals_naive: S2HKP,
    hk2sp_equals_naive: HK2SP,
    t2tw_equals_naive: T2TW,
    tw2t_equals_naive: TW2T,
    t2hk_equals_naive: T2HK,
    hk2t_equals_naive: HK2T,
    t2jp_equals_naive: T2JP,
    jp2t_equals_naive: JP2T,
}

/// The reference must itself give OpenCC's output on OpenCC's test cases, or the
/// comparisons above prove nothing.
#[test]
fn naive_passes_opencc_testcases() {
    // Its own loader, not the fixture, so that this runs without the engine.
    let mut loader = naive::Loader::new(DATA_DIR);
    let references: Vec<naive::Naive> = Config::ALL
        .iter()
        .map(|config| loader.load(config.name(), TofuRisk::Include))
        .collect();
    let cases = testcases::load();
    assert_eq!(cases.len(), testcases::CASE_COUNT);
    let mut failures = String::new();
    for case in cases {
        for (config, expected) in &case.expected {
            let got = references[position(*config)].convert(&case.input);
            if got != *expected {
                writeln!(
                    failures,
                    "{} {config}: {:?} -> {got:?}, expected {expected:?}",
                    case.id, case.input
                )
                .unwrap();
            }
        }
    }
    assert!(failures.is_empty(), "the reference is wrong:\n{failures}");
}

/// The spec's worked examples (IDS, NUL, normalization, segment boundaries, union groups,
/// tofu risk) and every testcases.json input, under all 16 configs, both tofu settings.
#[test]
fn engine_equals_naive_on_spec_examples_and_testcase_inputs() {
    #[rustfmt::skip]
    const SPEC_EXAMPLES: &[&str] = &[
        // IDS (§7.2) and normalization (§6).
        "⿰讠吾说", "⿰讠", "说⿰讠说", "⿰头发", "⿰a说话", "⿰⿰讠讠", "\u{2FFE}说", "\u{31EF}说话",
        "⿰讠\u{F900}", "\u{F900}\u{F901}", "\u{F967}并",
        // NUL (§7.3): kept here, unlike OpenCC.
        "汉\0字", "a\0头发", "x头发\0y头发z", "\0汉",
        // Segment boundaries (§5), union groups (§3), greedy matching, tofu risk (§8).
        "一台式机", "仇视频", "万众一心室颤动", "乾元件", "布雷顿", "布雷顿森林", "心理发展",
        "殢云尤雨 團圞", "头发干了，后来发现",
        // Ordinary unmatched characters (§7.4).
        "\u{FEFF}汉\u{200D}字 \t", "汉\r\n字", "",
    ];
    let inputs: Vec<String> = SPEC_EXAMPLES
        .iter()
        .map(|example| example.to_string())
        .chain(testcases::load().into_iter().map(|case| case.input))
        .collect();
    let mut failures = String::new();
    for pair in &fixture().pairs {
        for input in &inputs {
            let expected = pair.naive.convert(input);
            let got = pair.converter.convert(input);
            if got != expected {
                writeln!(
                    failures,
                    "{} {:?}: {input:?} -> {got:?}, naive {expected:?}",
                    pair.config, pair.tofu_risk
                )
                .unwrap();
            }
        }
    }
    assert!(
        failures.is_empty(),
        "the engine differs from the reference:\n{failures}"
    );
}

/// IDS at the parser's limits, where a too deep or too long sequence makes its first
/// operator an ordinary character and the `发` after it converts: 15 nested operators
/// parse and 16 do not (the limit of 16 counts the leaf operands), 64 code points parse
/// and 65 do not.
#[test]
fn engine_equals_naive_at_ids_limits() {
    let mut inputs = Vec::new();
    for depth in 13..=18 {
        inputs.push(format!("{}话头发", "⿰发".repeat(depth)));
    }
    for leaves in 28..=33 {
        // `⿰发` and a shallow tree: 2 + (2 * leaves - 1) code points, or one fewer when
        // the tree's root is the ternary `⿲`.
        inputs.push(format!("⿰发{}头发", binary_ids(leaves)));
        let third = leaves / 3;
        let middle = leaves - 2 * third;
        inputs.push(format!(
            "⿰发⿲{}{}{}头发",
            binary_ids(third),
            binary_ids(middle),
            binary_ids(third)
        ));
    }
    for input in &inputs {
        for config in [Config::S2T, Config::S2TWP, Config::TW2SP] {
            check_against_naive(config, input).unwrap();
        }
    }
}

/// A balanced IDS of `⿰` with `leaves` times `发`: 2 * leaves - 1 code points.
fn binary_ids(leaves: usize) -> String {
    match leaves {
        1 => "发".to_owned(),
        _ => format!(
            "⿰{}{}",
            binary_ids(leaves / 2),
            binary_ids(leaves - leaves / 2)
        ),
    }
}

proptest! {
    /// Text without Chinese passes through unchanged: no dictionary key is ASCII.
    #[test]
    fn ascii_is_unchanged(bytes in prop::collection::vec(0u8..0x80, 0..200)) {
        let text = String::from_utf8(bytes).unwrap();
        for pair in &fixture().pairs {
            let got = pair.converter.convert(&text);
            prop_assert_eq!(&got, &text, "{} {:?}", pair.config, pair.tofu_risk);
        }
    }

    /// `convert_into` appends to what the buffer holds, and adds what `convert` returns.
    #[test]
    fn convert_into_appends((config, text) in config_and_text(), held in ".{0,8}") {
        let mut out = held.clone();
        converter(config).convert_into(&text, &mut out);
        prop_assert_eq!(out, held + &converter(config).convert(&text));
    }

    /// A stream read in random small chunks, written through a writer that takes random
    /// small amounts, gives what converting the whole text gives.
    #[test]
    fn stream_in_any_chunking_equals_whole(
        (config, text) in config_and_text(),
        reads in prop::collection::vec(1usize..=9, 1..12),
        writes in prop::collection::vec(1usize..=9, 1..12),
    ) {
        let mut out = ChunkedWriter { written: Vec::new(), sizes: writes, next: 0 };
        let reader = ChunkedReader::new(text.as_bytes(), reads);
        let written = converter(config).convert_stream(reader, &mut out).unwrap();
        prop_assert_eq!(written, out.written.len() as u64, "the count of bytes written");
        prop_assert_eq!(String::from_utf8(out.written).unwrap(), converter(config).convert(&text));
    }

    /// Invalid UTF-8 anywhere is an error at the offset `std::str::from_utf8` reports (and
    /// on the line it is on), both from `convert_bytes` and from a stream in any chunking;
    /// valid bytes convert as text.
    #[test]
    fn invalid_utf8_is_reported_at_its_offset(
        (config, text) in config_and_text(),
        insertions in prop::collection::vec((any::<Index>(), select(INVALID)), 0..3),
        reads in prop::collection::vec(1usize..=9, 1..12),
    ) {
        let mut bytes = text.into_bytes();
        for (at, invalid) in insertions {
            let at = at.index(bytes.len() + 1);
            bytes.splice(at..at, invalid.iter().copied());
        }
        let converter = converter(config);
        let streamed = converter.convert_stream(ChunkedReader::new(&bytes, reads), io::sink());
        match std::str::from_utf8(&bytes) {
            Ok(text) => {
                prop_assert_eq!(converter.convert_bytes(&bytes).unwrap(), converter.convert(text));
                prop_assert!(streamed.is_ok(), "{:?}", streamed);
            }
            Err(error) => {
                let offset = error.valid_up_to();
                let line = 1 + bytes[..offset].iter().filter(|&&b| b == b'\n').count() as u64;
                let expected = Some((offset as u64, line));
                let from_bytes = converter.convert_bytes(&bytes);
                prop_assert_eq!(invalid_utf8_at(&from_bytes), expected, "convert_bytes: {:?}", from_bytes);
                prop_assert_eq!(invalid_utf8_at(&streamed), expected, "convert_stream: {:?}", streamed);
            }
        }
    }
}

/// The offset and line of an `InvalidUtf8` error; `None` for any other result.
fn invalid_utf8_at<T>(result: &Result<T, Error>) -> Option<(u64, u64)> {
    match result {
        Err(Error::InvalidUtf8 { offset, line, .. }) => Some((*offset, *line)),
        _ => None,
    }
}

/// Streams far longer than the engine's read buffer, read in chunks that are large, tiny
/// and of odd sizes, equal converting the whole: real-looking text, a long stretch with no
/// character that ends a phrase, and 4-byte characters cut by every read boundary.
#[test]
fn long_stream_equals_whole() {
    let mixed_reads = vec![65_536 + 7, 1, 4093, 100_000, 3];
    for config in [Config::S2TWP, Config::TW2SP, Config::T2S, Config::JP2T] {
        let cases = [
            (random_text(config, 300_000), mixed_reads.clone()),
            (random_text(config, 300_000), vec![1 << 20]),
            (random_text(config, 20_000), vec![5]),
            ("头发".repeat(50_000), mixed_reads.clone()),
            ("𫟼𫠜a".repeat(30_000), mixed_reads.clone()),
        ];
        for (text, reads) in cases {
            let expected = converter(config).convert(&text);
            let mut out = Vec::new();
            converter(config)
                .convert_stream(ChunkedReader::new(text.as_bytes(), reads), &mut out)
                .unwrap();
            // Not assert_eq: a megabyte diff is useless; report where they part.
            if out != expected.as_bytes() {
                let at = out
                    .iter()
                    .zip(expected.as_bytes())
                    .take_while(|(a, b)| a == b)
                    .count();
                panic!("{config}: the stream differs from the whole from output byte {at} on");
            }
        }
    }
}

/// About `len` bytes of the dictionary words of `config`, with punctuation, line breaks
/// and IDS operators between them, from a fixed pseudo-random sequence.
fn random_text(config: Config, len: usize) -> String {
    let lexicons = &fixture().words[position(config)];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |bound: usize| {
        // xorshift64: deterministic, and good enough to pick words.
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % bound as u64) as usize
    };
    let mut text = String::with_capacity(len + 64);
    while text.len() < len {
        match next(10) {
            0 => text.push_str(SPECIALS[next(SPECIALS.len())]),
            1 => text.push(char::from_u32(0x2FF0 + next(16) as u32).unwrap()),
            _ => {
                let words = &lexicons[next(lexicons.len())];
                text.push_str(&words[next(words.len())]);
            }
        }
    }
    text
}

/// Byte sequences that are not UTF-8, or break the sequence they land in: stray
/// continuation bytes, bytes never used, overlong forms, surrogates, code points past
/// U+10FFFF, and truncated sequences (`E4 B8` is the first two bytes of `丸`).
const INVALID: &[&[u8]] = &[
    b"\x80",
    b"\xBF",
    b"\xFE",
    b"\xFF",
    b"\xC0\x80",
    b"\xE0\x80\x80",
    b"\xED\xA0\x80",
    b"\xF4\x90\x80\x80",
    b"\xF8\x88\x80\x80\x80",
    b"\xE4",
    b"\xE4\xB8",
    b"\xF0\xA0\xAE",
];

/// A reader that returns at most the next of `sizes` bytes per call, cycling through them.
struct ChunkedReader<'a> {
    bytes: &'a [u8],
    sizes: Vec<usize>,
    next: usize,
}

impl<'a> ChunkedReader<'a> {
    fn new(bytes: &'a [u8], sizes: Vec<usize>) -> ChunkedReader<'a> {
        ChunkedReader {
            bytes,
            sizes,
            next: 0,
        }
    }
}

impl Read for ChunkedReader<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let size = self.sizes[self.next % self.sizes.len()];
        self.next += 1;
        let len = size.min(buf.len()).min(self.bytes.len());
        buf[..len].copy_from_slice(&self.bytes[..len]);
        self.bytes = &self.bytes[len..];
        Ok(len)
    }
}

/// A writer that accepts at most the next of `sizes` bytes per call, cycling through them.
struct ChunkedWriter {
    written: Vec<u8>,
    sizes: Vec<usize>,
    next: usize,
}

impl Write for ChunkedWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let size = self.sizes[self.next % self.sizes.len()];
        self.next += 1;
        let len = size.min(buf.len());
        self.written.extend_from_slice(&buf[..len]);
        Ok(len)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
