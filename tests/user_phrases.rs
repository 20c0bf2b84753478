//! User phrases and protected words on top of a built-in configuration: each test shows the
//! built-in result first and the changed result second.

use fanjian::{Config, Converter};

#[path = "support/naive_user_scan.rs"]
mod naive_user_scan;

fn s2tw() -> Converter {
    Converter::new(Config::S2TW)
}

#[test]
fn a_user_phrase_replaces_the_builtin_conversion() {
    let text = "我们在干锅里做干锅鸡";
    assert_eq!(s2tw().convert(text), "我們在乾鍋裡做乾鍋雞");
    let custom = Converter::builder(Config::S2TW)
        .user_phrases([("干锅", "乾鍋"), ("干锅鸡", "干鍋雞")])
        .unwrap()
        .build();
    assert_eq!(custom.convert(text), "我們在乾鍋裡做干鍋雞");
}

#[test]
fn a_user_phrase_wins_over_a_longer_builtin_phrase_at_the_same_place() {
    // STPhrases has 头发 → 頭髮; the user's 头 is shorter and still wins.
    assert_eq!(s2tw().convert("头发"), "頭髮");
    let custom = Converter::builder(Config::S2TW)
        .user_phrases([("头", "首")])
        .unwrap()
        .build();
    assert_eq!(custom.convert("头发"), "首發");
}

#[test]
fn a_user_phrase_wins_over_a_builtin_phrase_that_starts_earlier() {
    // 头发 would cover the 发 the user phrase starts with: the text before it converts on
    // its own.
    assert_eq!(s2tw().convert("白头发"), "白頭髮");
    let custom = Converter::builder(Config::S2TW)
        .user_phrases([("发型", "髮型!")])
        .unwrap()
        .build();
    assert_eq!(s2tw().convert("头发型"), "頭髮型");
    assert_eq!(custom.convert("头发型"), "頭髮型!");
    assert_eq!(custom.convert("白头发型"), "白頭髮型!");
}

#[test]
fn among_user_words_the_longest_at_the_leftmost_place_wins() {
    let custom = Converter::builder(Config::S2TW)
        .user_phrases([("头", "A"), ("头发", "B"), ("发型", "C")])
        .unwrap()
        .build();
    // Forward longest match over the user's words: 头发 at 0, then 型 alone.
    assert_eq!(custom.convert("头发型"), "B型");
}

#[test]
fn user_phrases_are_final_output() {
    // s2tw's second step turns 台 into 臺; a user phrase's value skips every step.
    assert_eq!(s2tw().convert("台风"), "颱風");
    let custom = Converter::builder(Config::S2TW)
        .user_phrases([("台风", "台风")])
        .unwrap()
        .build();
    assert_eq!(custom.convert("台风来了"), "台风來了");
}

#[test]
fn protected_words_and_characters_stay_as_they_are() {
    let text = "关系到头发的系统";
    assert_eq!(
        Converter::new(Config::S2T).convert(text),
        "關係到頭髮的系統"
    );
    let custom = Converter::builder(Config::S2T)
        .protect(["系", "头发"])
        .unwrap()
        .build();
    assert_eq!(custom.convert(text), "關系到头发的系統");
    // Protection beats a user phrase with the same key.
    let both = Converter::builder(Config::S2T)
        .user_phrases([("头发", "X")])
        .unwrap()
        .protect(["头发"])
        .unwrap()
        .build();
    assert_eq!(both.convert("头发"), "头发");
}

#[test]
fn a_phrase_given_again_keeps_the_later_value() {
    let custom = Converter::builder(Config::S2T)
        .user_phrases([("头发", "A")])
        .unwrap()
        .user_phrases_str("# later\n头发\tB C\n")
        .unwrap()
        .build();
    assert_eq!(custom.convert("头发"), "B");
}

#[test]
fn files_strings_and_iterators_give_the_same_converter() {
    let dir = std::env::temp_dir().join(format!("fanjian-user-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let phrases = dir.join("phrases.txt");
    let protected = dir.join("protected.txt");
    std::fs::write(&phrases, "\u{FEFF}# mine\r\n软件\t軟件\r\n鼠标\t滑鼠標\r\n").unwrap();
    std::fs::write(
        &protected,
        "# names\n\n邓丽君\r\n干部\t(a dictionary line works too)\n",
    )
    .unwrap();
    let text = "邓丽君的干部用鼠标装软件";
    assert_eq!(
        Converter::new(Config::S2TWP).convert(text),
        "鄧麗君的幹部用滑鼠裝軟體"
    );
    let from_files = Converter::builder(Config::S2TWP)
        .user_phrases_file(&phrases)
        .unwrap()
        .protect_file(&protected)
        .unwrap()
        .build();
    let from_iterators = Converter::builder(Config::S2TWP)
        .user_phrases([("软件", "軟件"), ("鼠标", "滑鼠標")])
        .unwrap()
        .protect(["邓丽君", "干部"])
        .unwrap()
        .build();
    assert_eq!(from_files.convert(text), "邓丽君的干部用滑鼠標裝軟件");
    assert_eq!(from_iterators.convert(text), from_files.convert(text));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn streams_with_user_words_convert_as_the_whole() {
    let custom = Converter::builder(Config::S2TWP)
        .user_phrases([("软件", "軟件"), ("。\n", "。")])
        .unwrap()
        .protect(["头发"])
        .unwrap()
        .build();
    let text = "我的头发，软件的图标。\n".repeat(20_000);
    let mut streamed = Vec::new();
    custom
        .convert_stream(text.as_bytes(), &mut streamed)
        .unwrap();
    let whole = custom.convert(&text);
    assert!(
        whole.starts_with("我的头发，軟件的圖示。我的"),
        "{}",
        &whole[..60]
    );
    assert_eq!(String::from_utf8(streamed).unwrap(), whole);
}

/// `config` with `phrases` as user phrases.
fn with_phrases(config: Config, phrases: &std::collections::HashMap<&str, String>) -> Converter {
    Converter::builder(config)
        .user_phrases(phrases.iter().map(|(key, value)| (*key, value.as_str())))
        .unwrap()
        .build()
}

/// Ten thousand real phrases (every fourth of OpenCC's `STPhrases.txt`, with a made-up
/// value) on real text: the converter's output equals a naive reading of the documented
/// precedence (`support/naive_user_scan.rs`).
#[test]
fn many_user_phrases_on_real_text_match_a_naive_scan() {
    use std::collections::HashMap;
    let root = env!("CARGO_MANIFEST_DIR");
    let dictionary = std::fs::read_to_string(format!("{root}/data/opencc/STPhrases.txt")).unwrap();
    let phrases: HashMap<&str, String> = dictionary
        .lines()
        .filter(|line| !line.starts_with('#') && !line.is_empty())
        .step_by(4)
        .take(10_000)
        .map(|line| {
            let key = line.split('\t').next().unwrap();
            (key, format!("<{key}>"))
        })
        .collect();
    let text: String = ["hans-vscode.txt", "hans-zuozhuan.txt"]
        .iter()
        .map(|name| std::fs::read_to_string(format!("{root}/tests/data/detect/{name}")).unwrap())
        .collect();

    for config in [Config::S2T, Config::S2TW, Config::S2TWP, Config::S2HK] {
        let builtin = Converter::new(config);
        let custom = with_phrases(config, &phrases);
        let (expected, found) = naive_user_scan::convert(&text, &phrases, &builtin);
        assert!(found > 200, "the sample holds user phrases ({found} found)");
        assert_eq!(custom.convert(&text), expected, "{config:?}");
    }
}

proptest::proptest! {
    #![proptest_config(proptest::test_runner::Config::with_cases(512))]

    /// Random user words over characters of built-in phrases (头发, 里面, 后台, 台湾, 软件),
    /// in random text of them, on every configuration: the converter equals the naive
    /// reading. User words starting inside a built-in phrase, at its start and right after
    /// it, and texts shorter and longer than the walk's eight-byte window all occur.
    #[test]
    fn user_words_in_random_text_match_a_naive_scan(
        config in proptest::sample::select(Config::ALL.to_vec()),
        keys in proptest::collection::vec("[头发面里后台湾软件干锅a]{1,3}", 1..6),
        text in "[头发面里后台湾软件干锅a，\n]{0,40}",
    ) {
        use std::collections::HashMap;
        let phrases: HashMap<&str, String> =
            keys.iter().map(|key| (key.as_str(), format!("<{key}>"))).collect();
        let builtin = Converter::new(config);
        let custom = with_phrases(config, &phrases);
        let (expected, _) = naive_user_scan::convert(&text, &phrases, &builtin);
        proptest::prop_assert_eq!(custom.convert(&text), expected);
    }
}
