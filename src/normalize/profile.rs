//! The regional profiles (spec §4) and their pairing with conversion configurations.

use std::fmt;
use std::str::FromStr;

use crate::{Config, Error};

/// A regional set of ops (spec §4).
///
/// | profile | ops, in order |
/// |---|---|
/// | `neutral` | strip_invisible, nfc, radicals, fold_width |
/// | `mainland` | neutral + dash, ellipsis, interpunct(·), quotes_curly, zh_punct |
/// | `taiwan` | neutral + dash, ellipsis, interpunct(·), quotes_corner, zh_punct |
/// | `hongkong` | the same as `taiwan` |
///
/// ```
/// use fanjian::Config;
/// use fanjian::normalize::Profile;
///
/// assert_eq!("taiwan".parse::<Profile>().unwrap(), Profile::Taiwan);
/// assert_eq!(Profile::for_config(Config::S2TWP), Profile::Taiwan);
/// assert_eq!(Profile::for_config(Config::T2S), Profile::Mainland);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Profile {
    /// Width, invisible characters and Unicode representation only, no punctuation style:
    /// safe for Japanese and any CJK text.
    Neutral,
    /// Mainland China (GB/T 15834): “” outside, ‘’ inside.
    Mainland,
    /// Taiwan (MOE): 「」 outside, 『』 inside.
    Taiwan,
    /// Hong Kong: the same ops as [`Profile::Taiwan`], as its own name for `s2hk`.
    HongKong,
}

impl Profile {
    /// Every profile.
    pub const ALL: [Profile; 4] = [
        Profile::Neutral,
        Profile::Mainland,
        Profile::Taiwan,
        Profile::HongKong,
    ];

    /// The profile's name: `"hongkong"`.
    pub const fn name(self) -> &'static str {
        match self {
            Profile::Neutral => "neutral",
            Profile::Mainland => "mainland",
            Profile::Taiwan => "taiwan",
            Profile::HongKong => "hongkong",
        }
    }

    /// The profile for the text that `config` produces: simplified output gets the mainland
    /// style, Taiwan and Hong Kong output their own.
    ///
    /// OpenCC's standard Traditional (`s2t`, `tw2t`, `hk2t`) belongs to no region; it gets
    /// `taiwan`, whose ops are those of `hongkong`, because both regions put 「」 outside.
    /// The Japanese configurations get `neutral`: Chinese punctuation rules would rewrite
    /// Japanese text (`・` between kanji is a nakaguro).
    pub const fn for_config(config: Config) -> Profile {
        match config {
            Config::T2S | Config::TW2S | Config::TW2SP | Config::HK2S | Config::HK2SP => {
                Profile::Mainland
            }
            Config::S2TW | Config::S2TWP | Config::T2TW => Profile::Taiwan,
            Config::S2HK | Config::S2HKP | Config::T2HK => Profile::HongKong,
            Config::S2T | Config::TW2T | Config::HK2T => Profile::Taiwan,
            Config::T2JP | Config::JP2T => Profile::Neutral,
        }
    }

    /// The quotation style the profile uses unless told otherwise.
    pub const fn quotes(self) -> QuoteStyle {
        match self {
            Profile::Neutral => QuoteStyle::Keep,
            Profile::Mainland => QuoteStyle::Curly,
            Profile::Taiwan | Profile::HongKong => QuoteStyle::Corner,
        }
    }
}

impl fmt::Display for Profile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Profile {
    type Err = Error;

    /// Parses a profile name in any letter case.
    fn from_str(name: &str) -> Result<Profile, Error> {
        Profile::ALL
            .into_iter()
            .find(|profile| profile.name().eq_ignore_ascii_case(name.trim()))
            .ok_or_else(|| Error::UnknownProfile {
                name: name.to_owned(),
                valid: Profile::ALL.map(Profile::name).join(", "),
            })
    }
}

/// Which quotation marks a normalizer writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum QuoteStyle {
    /// Leave quotation marks alone.
    #[default]
    Keep,
    /// “” outside and ‘’ inside, as GB/T 15834 prescribes.
    Curly,
    /// 「」 outside and 『』 inside, as in Taiwan and Hong Kong, and as the
    /// chinese-copywriting-guidelines recommend for simplified text too.
    Corner,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_round_trips_and_unknown_names_list_the_valid_ones() {
        for profile in Profile::ALL {
            assert_eq!(
                profile.name().to_uppercase().parse::<Profile>().unwrap(),
                profile
            );
            assert_eq!(profile.to_string(), profile.name());
        }
        let message = "taiwanese".parse::<Profile>().unwrap_err().to_string();
        assert_eq!(
            message,
            "unknown normalization profile \"taiwanese\"; valid names are: neutral, mainland, taiwan, hongkong"
        );
    }

    #[test]
    fn every_config_has_a_profile_matching_its_output() {
        for config in Config::ALL {
            let expected = match config.name() {
                name if name.ends_with("2s") || name.ends_with("2sp") => Profile::Mainland,
                name if name.contains("jp") => Profile::Neutral,
                name if name.contains("2hk") => Profile::HongKong,
                _ => Profile::Taiwan,
            };
            assert_eq!(Profile::for_config(config), expected, "{config}");
        }
    }
}
