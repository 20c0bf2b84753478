//! The public API: the traits the types promise, config names and their errors, the
//! builder, errors from bytes and streams, and real sentences with OpenCC's output.

use std::fmt::{Debug, Display};
use std::hash::Hash;
use std::io::{self, Read, Write};
use std::str::FromStr;

use fanjian::{Config, Converter, ConverterBuilder, Error, IoOperation, TofuRisk};

#[test]
fn types_have_the_promised_traits() {
    fn shared_between_threads<T: Send + Sync + Clone + Debug + 'static>() {}
    fn plain_value<T: Copy + Eq + Hash + Debug + Send + Sync>() {}
    fn error_type<T: std::error::Error + Send + Sync + 'static>() {}
    shared_between_threads::<Converter>();
    shared_between_threads::<ConverterBuilder>();
    plain_value::<Config>();
    fn option<T: Copy + Eq + Default + Debug + Send + Sync>() {}
    option::<TofuRisk>();
    error_type::<Error>();
    fn named<T: FromStr<Err = Error> + Display>() {}
    named::<Config>();
}

#[test]
fn configs_parse_from_opencc_names() {
    assert_eq!(Config::ALL.len(), 16);
    for config in Config::ALL {
        let name = config.name();
        assert_eq!(config.to_string(), name);
        for spelling in [
            name.to_owned(),
            format!("{name}.json"),
            name.to_uppercase(),
            format!("{}.JSON", name.to_uppercase()),
        ] {
            assert_eq!(spelling.parse::<Config>().unwrap(), config, "{spelling}");
        }
    }
    assert_eq!("s2twp".parse::<Config>().unwrap(), Config::S2TWP);
}

#[test]
fn unknown_config_names_list_the_valid_ones() {
    for bad in ["s2x", "", "s2t.txt", "s2t.json.json", "zh-hans", "头发"] {
        let error = bad.parse::<Config>().unwrap_err();
        let message = error.to_string();
        let Error::UnknownConfig { name, valid } = error else {
            panic!("{bad:?}: expected UnknownConfig, got {error:?}");
        };
        assert_eq!(name, bad);
        for config in Config::ALL {
            assert!(
                valid.split(", ").any(|listed| listed == config.name()),
                "{valid}"
            );
            assert!(message.contains(config.name()), "{message}");
        }
        assert!(message.contains(&format!("{bad:?}")), "{message}");
    }
}

/// Real sentences with OpenCC 1.4.2's output, from the python `opencc` 1.4.2 library
/// (`opencc.OpenCC(config + '.json').convert(input)`), copied here literally.
const OPENCC_1_4_2_OUTPUTS: &[(Config, &str, &str)] = &[
    // 干 has three traditional forms, chosen by phrase: 乾 (dry), 幹 (trunk, do), 干 (interfere).
    (Config::S2T, "头发", "頭髮"),
    (Config::S2T, "干杯", "乾杯"),
    (Config::S2T, "干部", "幹部"),
    (Config::S2T, "树干", "樹幹"),
    (Config::S2T, "干燥", "乾燥"),
    (Config::S2T, "干涉", "干涉"),
    // Greedy longest match from the left: 发干 is no phrase, 干了 is, so 幹 where 乾 is meant.
    (Config::S2T, "头发干了，后来发现", "頭髮幹了，後來發現"),
    (
        Config::S2T,
        "我们在里面看了一本历史书",
        "我們在裏面看了一本歷史書",
    ),
    (
        Config::S2TW,
        "我们在里面看了一本历史书",
        "我們在裡面看了一本歷史書",
    ),
    (
        Config::S2HK,
        "我们在里面看了一本历史书",
        "我們在裏面看了一本歷史書",
    ),
    (
        Config::S2TWP,
        "鼠标和软件都在内存里",
        "滑鼠和軟體都在記憶體裡",
    ),
    (
        Config::S2HKP,
        "鼠标和软件都在内存里",
        "滑鼠和軟件都在內存裏",
    ),
    (Config::T2S, "頭髮乾了，後來發現", "头发干了，后来发现"),
    (Config::TW2S, "著名的臺灣", "著名的台湾"),
    (
        Config::TW2SP,
        "滑鼠和軟體都在記憶體裡",
        "鼠标和软件都在内存里",
    ),
    (Config::HK2S, "為賦新詞強説愁", "为赋新词强说愁"),
    (Config::HK2SP, "我哋嘅軟件", "我哋嘅软件"),
    (Config::T2TW, "為賦新詞強說愁", "為賦新詞強說愁"),
    (Config::TW2T, "為賦新詞強說愁", "爲賦新詞強說愁"),
    (Config::T2HK, "為賦新詞強說愁", "為賦新詞強説愁"),
    (Config::HK2T, "為賦新詞強説愁", "爲賦新詞強說愁"),
    (Config::T2JP, "舊字體歷史假名遣", "旧字体歴史仮名遣"),
    (Config::JP2T, "旧字体歴史仮名遣", "舊字體歷史假名遣"),
    // Segments first, then the chain on each segment: 一台|式机, so no 桌上型電腦.
    (Config::S2TWP, "一台式机", "一臺式機"),
    // The segment 室颤动 meets TWPhrases 室顫→心室顫動 on its own: OpenCC's known quirk.
    (Config::S2TWP, "万众一心室颤动", "萬眾一心心室顫動動"),
    // The union of STPhrases and the generated regional phrases takes the longer match.
    (Config::S2T, "布雷顿森林", "布雷頓森林"),
    // An ideographic description sequence is copied as a unit.
    (Config::S2T, "⿰讠吾说", "⿰讠吾說"),
    // CJK compatibility ideographs are normalized first, even by s2t.
    (Config::S2T, "\u{F900}\u{F901}", "\u{8C48}\u{66F4}"),
    (Config::S2T, "𫟼𫠜𠮷", "鐽齯𠮷"),
    (Config::S2T, "Hello, 世界!\r\n", "Hello, 世界!\r\n"),
];

#[test]
fn real_sentences_give_opencc_output() {
    let mut failures = Vec::new();
    for &(config, input, expected) in OPENCC_1_4_2_OUTPUTS {
        let got = Converter::new(config).convert(input);
        if got != expected {
            failures.push(format!(
                "{config}: {input} -> {got}, OpenCC gives {expected}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn tofu_risk_dictionaries_are_included_by_default() {
    // OpenCC 1.4.2's library includes TSCharactersExt; its command-line tool leaves it out.
    let input = "殢云尤雨 團圞";
    assert_eq!(Converter::new(Config::T2S).convert(input), "𣨼云尤雨 团𪢮");
    assert_eq!(
        Converter::builder(Config::T2S).build().convert(input),
        "𣨼云尤雨 团𪢮"
    );
    assert_eq!(TofuRisk::default(), TofuRisk::Include);
    let excluded = Converter::builder(Config::T2S)
        .tofu_risk(TofuRisk::Exclude)
        .build();
    assert_eq!(excluded.convert(input), "殢云尤雨 团圞");
}

#[test]
fn converters_know_their_config_and_clones_convert_alike() {
    for config in Config::ALL {
        let converter = Converter::new(config);
        assert_eq!(converter.config(), Some(config));
        assert_eq!(
            converter.clone().convert("头发發髮"),
            converter.convert("头发發髮")
        );
    }
}

#[test]
fn one_converter_serves_many_threads() {
    let converter = Converter::new(Config::S2TWP);
    let expected = converter.convert("鼠标和软件都在内存里");
    std::thread::scope(|scope| {
        for _ in 0..4 {
            scope.spawn(|| {
                for _ in 0..100 {
                    assert_eq!(converter.convert("鼠标和软件都在内存里"), expected);
                }
            });
        }
    });
}

#[test]
fn nul_bytes_are_kept() {
    // A deliberate difference: OpenCC 1.4.2's segmented configs cut each segment at its
    // first NUL, so its s2tw gives "漢" here.
    assert_eq!(Converter::new(Config::S2TW).convert("汉\0字"), "漢\0字");
    assert_eq!(Converter::new(Config::S2T).convert("汉\0字"), "漢\0字");
}

#[test]
fn invalid_utf8_names_its_offset_and_line() {
    let error = Converter::new(Config::S2T)
        .convert_bytes(b"ab\n\xE6\xB1\x89\xFFcd")
        .unwrap_err();
    assert!(
        matches!(error, Error::InvalidUtf8 { offset: 6, line: 2 }),
        "{error:?}"
    );
    let message = error.to_string();
    assert!(
        message.contains("byte offset 6") && message.contains("line 2"),
        "{message}"
    );
    assert!(!message.ends_with('.'), "{message}");
}

/// A reader or writer that fails with `kind`.
struct Failing(io::ErrorKind);

impl Read for Failing {
    fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
        Err(self.0.into())
    }
}

impl Write for Failing {
    fn write(&mut self, _: &[u8]) -> io::Result<usize> {
        Err(self.0.into())
    }

    fn flush(&mut self) -> io::Result<()> {
        Err(self.0.into())
    }
}

#[test]
fn stream_io_errors_say_which_side_failed() {
    let converter = Converter::new(Config::S2T);
    let error = converter
        .convert_stream(Failing(io::ErrorKind::PermissionDenied), io::sink())
        .unwrap_err();
    assert!(
        matches!(
            error,
            Error::Io {
                operation: IoOperation::Read,
                kind: io::ErrorKind::PermissionDenied,
                ..
            }
        ),
        "{error:?}"
    );
    assert!(
        error.to_string().starts_with("reading the input failed"),
        "{error}"
    );

    let error = converter
        .convert_stream("头发".as_bytes(), Failing(io::ErrorKind::BrokenPipe))
        .unwrap_err();
    assert!(
        matches!(
            error,
            Error::Io {
                operation: IoOperation::Write,
                kind: io::ErrorKind::BrokenPipe,
                ..
            }
        ),
        "{error:?}"
    );
    assert!(
        error.to_string().starts_with("writing the output failed"),
        "{error}"
    );
}

#[test]
fn stream_retries_interrupted_reads() {
    // `Read` callers retry `Interrupted`, as `read_to_end` does.
    struct InterruptedFirst<'a>(bool, &'a [u8]);
    impl Read for InterruptedFirst<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            self.0 = !self.0;
            if self.0 {
                return Err(io::ErrorKind::Interrupted.into());
            }
            self.1.read(buf)
        }
    }
    let mut out = Vec::new();
    let written = Converter::new(Config::S2T)
        .convert_stream(InterruptedFirst(false, "头发".as_bytes()), &mut out)
        .unwrap();
    assert_eq!(String::from_utf8(out).unwrap(), "頭髮");
    assert_eq!(written, "頭髮".len() as u64);
}

#[test]
fn empty_input_gives_empty_output() {
    for config in Config::ALL {
        let converter = Converter::new(config);
        assert_eq!(converter.convert(""), "");
        assert_eq!(converter.convert_bytes(b"").unwrap(), "");
        let mut out = Vec::new();
        assert_eq!(converter.convert_stream(io::empty(), &mut out).unwrap(), 0);
        assert!(out.is_empty());
    }
}
