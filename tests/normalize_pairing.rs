//! Normalization paired with conversion: `Normalizer::convert_normalized_into` must equal
//! converting what `normalize` returns, for every configuration and the profile that
//! `Profile::for_config` gives it. This test needs the conversion engine; it was written
//! while `Converter::convert_into` was still `todo!()`, to pass once the engine landed.

use fanjian::normalize::{Normalizer, Profile};
use fanjian::{Config, Converter};

const TEXTS: [&str; 6] = [
    "",
    "Hello, world...",
    "\u{2FA7}城\u{F91F}花开了.",
    "他说:\"头发干了...\"--然后走了",
    "「鼠标」和‘软件’,麥克‧阿瑟(1880-1964)",
    "```\n头发,干了\n```\n`代码,头发`与https://a.com/头发",
];

#[test]
fn convert_normalized_equals_converting_the_normalized_text() {
    for config in Config::ALL {
        let converter = Converter::new(config);
        let normalizer = Normalizer::for_config(config);
        assert_eq!(normalizer, Normalizer::new(Profile::for_config(config)));
        for text in TEXTS {
            let expected = converter.convert(&normalizer.normalize(text));
            let mut out = String::from("前");
            normalizer.convert_normalized_into(&converter, text, &mut out);
            assert_eq!(
                out.strip_prefix('前'),
                Some(expected.as_str()),
                "{config} on {text:?}"
            );
            assert_eq!(
                normalizer.convert_normalized(&converter, text),
                expected,
                "{config}"
            );
        }
    }
}

#[test]
fn normalizing_first_lets_the_dictionaries_match_radicals_and_compatibility_ideographs() {
    let t2s = Converter::new(Config::T2S);
    let normalizer = Normalizer::for_config(Config::T2S);
    // OpenCC converts 長城 but leaves the Kangxi radical ⾧ (U+2FA7) alone.
    assert_eq!(t2s.convert("\u{2FA7}城"), "\u{2FA7}城");
    assert_eq!(
        normalizer.convert_normalized(&t2s, "\u{2FA7}城:\"長城\""),
        "长城：“长城”"
    );
}
