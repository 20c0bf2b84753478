//! The text of OpenCC's dictionary files and configurations, embedded in the crate: a
//! configuration file that names a built-in dictionary (`STPhrases.txt`) without shipping
//! it gets this copy, and inspection reads the built-in configurations' dictionaries here.

use crate::Config;

macro_rules! files {
    ($($name:literal),* $(,)?) => {
        /// Every built-in dictionary, by file name.
        const DICTIONARIES: &[(&str, &str)] = &[
            $(($name, include_str!(concat!("../data/opencc/", $name)))),*
        ];
    };
}

files!(
    "CJK_Compatibility_Ideographs.txt",
    "HKPhrases.txt",
    "HKPhrasesRev.txt",
    "HKVariants.txt",
    "HKVariantsPhrases.txt",
    "HKVariantsRev.txt",
    "HKVariantsRevPhrases.txt",
    "JPShinjitaiCharacters.txt",
    "JPShinjitaiCharactersRev.txt",
    "JPShinjitaiPhrases.txt",
    "STCharacters.txt",
    "STPhrases.txt",
    "STPhrases_GeneratedFromRegionalPhrases.txt",
    "TSCharacters.txt",
    "TSCharactersExt.txt",
    "TSPhrases.txt",
    "TWPhrases.txt",
    "TWPhrasesRev.txt",
    "TWVariants.txt",
    "TWVariantsPhrases.txt",
    "TWVariantsRev.txt",
    "TWVariantsRevPhrases.txt",
);

/// The text of the built-in dictionary file `name` (exactly as OpenCC names it,
/// `STPhrases.txt`), if there is one.
pub(crate) fn dictionary(name: &str) -> Option<&'static str> {
    DICTIONARIES
        .iter()
        .find(|(file, _)| *file == name)
        .map(|(_, text)| *text)
}

/// The configuration file of a built-in configuration.
pub(crate) fn config_json(config: Config) -> &'static str {
    match config {
        Config::S2T => include_str!("../data/opencc/config/s2t.json"),
        Config::T2S => include_str!("../data/opencc/config/t2s.json"),
        Config::S2TW => include_str!("../data/opencc/config/s2tw.json"),
        Config::TW2S => include_str!("../data/opencc/config/tw2s.json"),
        Config::S2TWP => include_str!("../data/opencc/config/s2twp.json"),
        Config::TW2SP => include_str!("../data/opencc/config/tw2sp.json"),
        Config::S2HK => include_str!("../data/opencc/config/s2hk.json"),
        Config::HK2S => include_str!("../data/opencc/config/hk2s.json"),
        Config::S2HKP => include_str!("../data/opencc/config/s2hkp.json"),
        Config::HK2SP => include_str!("../data/opencc/config/hk2sp.json"),
        Config::T2TW => include_str!("../data/opencc/config/t2tw.json"),
        Config::TW2T => include_str!("../data/opencc/config/tw2t.json"),
        Config::T2HK => include_str!("../data/opencc/config/t2hk.json"),
        Config::HK2T => include_str!("../data/opencc/config/hk2t.json"),
        Config::T2JP => include_str!("../data/opencc/config/t2jp.json"),
        Config::JP2T => include_str!("../data/opencc/config/jp2t.json"),
    }
}
