//! The 16 built-in OpenCC configurations and their names.

use std::fmt;
use std::str::FromStr;

use crate::Error;

/// One of OpenCC 1.4.2's 16 built-in conversion configurations.
///
/// The names follow OpenCC's: `s` is Simplified Chinese, `t` is Traditional Chinese in
/// OpenCC's standard forms, `tw`, `hk` and `jp` are the Taiwan, Hong Kong and Japanese
/// (Shinjitai) forms, and a trailing `p` also converts regional vocabulary (phrases).
///
/// ```
/// use fanjian::Config;
///
/// assert_eq!("s2twp".parse::<Config>().unwrap(), Config::S2TWP);
/// assert_eq!("S2T.json".parse::<Config>().unwrap(), Config::S2T);
/// assert!("s2x".parse::<Config>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Config {
    /// Simplified to Traditional (OpenCC standard).
    S2T,
    /// Traditional (OpenCC standard) to Simplified.
    T2S,
    /// Simplified to Traditional, Taiwan character forms.
    S2TW,
    /// Traditional, Taiwan character forms, to Simplified.
    TW2S,
    /// Simplified to Traditional, Taiwan character forms and Taiwan vocabulary.
    S2TWP,
    /// Traditional with Taiwan forms and vocabulary to Simplified with mainland vocabulary.
    TW2SP,
    /// Simplified to Traditional, Hong Kong character forms.
    S2HK,
    /// Traditional, Hong Kong character forms, to Simplified.
    HK2S,
    /// Simplified to Traditional, Hong Kong character forms and Hong Kong vocabulary.
    S2HKP,
    /// Traditional with Hong Kong forms and vocabulary to Simplified with mainland vocabulary.
    HK2SP,
    /// Traditional (OpenCC standard) to Taiwan character forms.
    T2TW,
    /// Taiwan character forms to Traditional (OpenCC standard).
    TW2T,
    /// Traditional (OpenCC standard) to Hong Kong character forms.
    T2HK,
    /// Hong Kong character forms to Traditional (OpenCC standard).
    HK2T,
    /// Traditional (Kyūjitai) to Japanese Shinjitai.
    T2JP,
    /// Japanese Shinjitai to Traditional (Kyūjitai).
    JP2T,
}

impl Config {
    /// All 16 configurations, in OpenCC's documentation order.
    pub const ALL: [Config; 16] = [
        Config::S2T,
        Config::T2S,
        Config::S2TW,
        Config::TW2S,
        Config::S2TWP,
        Config::TW2SP,
        Config::S2HK,
        Config::HK2S,
        Config::S2HKP,
        Config::HK2SP,
        Config::T2TW,
        Config::TW2T,
        Config::T2HK,
        Config::HK2T,
        Config::T2JP,
        Config::JP2T,
    ];

    /// OpenCC's name for this configuration, without `.json`: `"s2twp"`.
    pub const fn name(self) -> &'static str {
        match self {
            Config::S2T => "s2t",
            Config::T2S => "t2s",
            Config::S2TW => "s2tw",
            Config::TW2S => "tw2s",
            Config::S2TWP => "s2twp",
            Config::TW2SP => "tw2sp",
            Config::S2HK => "s2hk",
            Config::HK2S => "hk2s",
            Config::S2HKP => "s2hkp",
            Config::HK2SP => "hk2sp",
            Config::T2TW => "t2tw",
            Config::TW2T => "tw2t",
            Config::T2HK => "t2hk",
            Config::HK2T => "hk2t",
            Config::T2JP => "t2jp",
            Config::JP2T => "jp2t",
        }
    }

    /// The position of this configuration in [`Config::ALL`].
    pub(crate) const fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Config {
    type Err = Error;

    /// Parses OpenCC's names, with or without `.json`, in any letter case.
    fn from_str(name: &str) -> Result<Config, Error> {
        let trimmed = name.trim();
        let stem = match trimmed.len().checked_sub(5) {
            Some(cut)
                if trimmed.is_char_boundary(cut)
                    && trimmed[cut..].eq_ignore_ascii_case(".json") =>
            {
                &trimmed[..cut]
            }
            _ => trimmed,
        };
        Config::ALL
            .into_iter()
            .find(|config| config.name().eq_ignore_ascii_case(stem))
            .ok_or_else(|| Error::UnknownConfig {
                name: name.to_owned(),
                valid: Config::ALL.map(Config::name).join(", "),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_round_trips() {
        for config in Config::ALL {
            assert_eq!(config.name().parse::<Config>().unwrap(), config);
            assert_eq!(
                format!("{}.JSON", config.name().to_uppercase())
                    .parse::<Config>()
                    .unwrap(),
                config
            );
            assert_eq!(Config::ALL[config.index()], config);
        }
    }

    #[test]
    fn unknown_name_lists_the_valid_ones() {
        let message = "s2x".parse::<Config>().unwrap_err().to_string();
        assert!(message.contains("\"s2x\""), "{message}");
        for config in Config::ALL {
            assert!(message.contains(config.name()), "{message}");
        }
        assert!("".parse::<Config>().is_err());
        assert!(".json".parse::<Config>().is_err());
        assert!("汉.json".parse::<Config>().is_err());
    }
}
