//! Repair of Traditional text that a naive character-by-character converter made from
//! Simplified text: 關于 → 關於, 干部 → 幹部, 今后 → 今後, 頭發 → 頭髮.
//!
//! The method: convert the text back to Simplified (`t2s`), convert that with OpenCC's
//! phrase-aware configuration for the target (`s2t`, `s2tw`, `s2hk`), and walk the three
//! texts side by side. A character is replaced by the reconverted one only when it is what
//! a naive converter writes for a Simplified character (于 or 并 left as they are, 发 made
//! 發 where 髮 was meant), or, for a regional target, when it is the same character in
//! OpenCC's standard form (裏 for Taiwan's 裡).
//! Every other character is kept as it was, so text that was right stays right even where
//! the round trip through Simplified would change it.

use std::fmt;
use std::str::FromStr;

use crate::script_tables;
use crate::{Config, Converter, Error};

/// The Traditional standard that [`Repairer`] brings text to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RepairTarget {
    /// OpenCC's standard Traditional forms (as `s2t` writes them); name `t`.
    Standard,
    /// Taiwan's forms (as `s2tw` writes them); name `tw`.
    Taiwan,
    /// Hong Kong's forms (as `s2hk` writes them); name `hk`.
    HongKong,
}

impl RepairTarget {
    /// The short name: `t`, `tw` or `hk`.
    pub const fn name(self) -> &'static str {
        match self {
            RepairTarget::Standard => "t",
            RepairTarget::Taiwan => "tw",
            RepairTarget::HongKong => "hk",
        }
    }

    /// The configuration that converts Simplified text to this standard.
    pub const fn from_simplified(self) -> Config {
        match self {
            RepairTarget::Standard => Config::S2T,
            RepairTarget::Taiwan => Config::S2TW,
            RepairTarget::HongKong => Config::S2HK,
        }
    }
}

impl fmt::Display for RepairTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for RepairTarget {
    type Err = Error;

    /// Parses `t`, `tw` or `hk`, in any letter case.
    fn from_str(name: &str) -> Result<RepairTarget, Error> {
        [
            RepairTarget::Standard,
            RepairTarget::Taiwan,
            RepairTarget::HongKong,
        ]
        .into_iter()
        .find(|target| target.name().eq_ignore_ascii_case(name.trim()))
        .ok_or_else(|| Error::UnknownRepairTarget {
            name: name.to_owned(),
        })
    }
}

/// Repairs Traditional text with leftovers of naive conversion, toward one standard.
///
/// Built once, used through `&self`; cloning is cheap.
///
/// ```
/// use fanjian::{RepairTarget, Repairer};
///
/// let repairer = Repairer::new(RepairTarget::Taiwan);
/// assert_eq!(repairer.repair("關于幹部的頭發，今后并不理會"), "關於幹部的頭髮，今後並不理會");
/// // Right text stays as it is.
/// assert_eq!(repairer.repair("天干物燥的日子裡，頭髮乾了"), "天乾物燥的日子裡，頭髮乾了");
/// ```
#[derive(Debug, Clone)]
pub struct Repairer {
    target: RepairTarget,
    to_simplified: Converter,
    from_simplified: Converter,
    /// The converter from OpenCC's standard forms to the target's, for single characters.
    to_target_forms: Option<Converter>,
    /// The converter from the target's forms to OpenCC's standard ones.
    from_target_forms: Option<Converter>,
}

impl Repairer {
    /// A repairer toward `target`.
    pub fn new(target: RepairTarget) -> Repairer {
        // Regional forms are not brought back to the standard: the reverse variant
        // dictionaries also map characters that the standard itself writes (`tw2t` makes
        // 蔿 of 蒍, which `s2t` keeps), so that would change right text.
        let (to_target_forms, from_target_forms) = match target {
            RepairTarget::Standard => (None, None),
            RepairTarget::Taiwan => (
                Some(Converter::new(Config::T2TW)),
                Some(Converter::new(Config::TW2T)),
            ),
            RepairTarget::HongKong => (
                Some(Converter::new(Config::T2HK)),
                Some(Converter::new(Config::HK2T)),
            ),
        };
        Repairer {
            target,
            to_simplified: Converter::new(Config::T2S),
            from_simplified: Converter::new(target.from_simplified()),
            to_target_forms,
            from_target_forms,
        }
    }

    /// The standard this repairer brings text to.
    pub fn target(&self) -> RepairTarget {
        self.target
    }

    /// Repairs `text`.
    pub fn repair(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        self.repair_into(text, &mut out);
        out
    }

    /// Repairs `text`, appending the result to `out` (which is not cleared).
    ///
    /// The three texts are compared character by character, so the round trip must keep
    /// the number of characters. Phrase conversions almost always do; where one does not,
    /// the line is retried piece by piece between characters that are not Han, and a piece
    /// that still does not align is kept unchanged.
    pub fn repair_into(&self, text: &str, out: &mut String) {
        for line in text.split_inclusive('\n') {
            if self.repair_aligned(line, out) {
                continue;
            }
            let mut start = 0;
            for (at, c) in line.char_indices() {
                if !is_han(c) {
                    self.repair_piece(&line[start..at], out);
                    out.push(c);
                    start = at + c.len_utf8();
                }
            }
            self.repair_piece(&line[start..], out);
        }
    }

    fn repair_piece(&self, piece: &str, out: &mut String) {
        if !self.repair_aligned(piece, out) {
            out.push_str(piece);
        }
    }

    /// Repairs `text` into `out` when the round trip keeps its number of characters;
    /// returns false, writing nothing, when it does not.
    fn repair_aligned(&self, text: &str, out: &mut String) -> bool {
        let simplified = self.to_simplified.convert(text);
        let reconverted = self.from_simplified.convert(&simplified);
        let count = text.chars().count();
        if simplified.chars().count() != count || reconverted.chars().count() != count {
            return false;
        }
        for ((original, simple), right) in text
            .chars()
            .zip(simplified.chars())
            .zip(reconverted.chars())
        {
            let keep = original == right
                || !(self.is_naive_rendering(original, simple)
                    || self.is_other_form(original, right));
            out.push(if keep { original } else { right });
        }
        true
    }

    /// Whether `original` is what a naive converter writes for the Simplified character
    /// `simple`: `simple` itself, left unconverted (于, 并, 们), or for a one-to-many
    /// character its first candidate (发 → 發), in OpenCC's standard forms or the target's.
    ///
    /// A form of the target's own (Taiwan's 么 for 幺, also a Simplified character) is
    /// right as it is.
    fn is_naive_rendering(&self, original: char, simple: char) -> bool {
        let rendering = original == simple
            || script_tables::naive(simple).is_some_and(|naive| {
                naive == original || self.in_target_forms(naive).contains(original)
            });
        rendering && !self.is_target_form(original)
    }

    /// Whether the target's variant dictionary writes `c` for another character.
    fn is_target_form(&self, c: char) -> bool {
        let mut buffer = [0; 4];
        let c = c.encode_utf8(&mut buffer);
        self.from_target_forms
            .as_ref()
            .is_some_and(|converter| converter.convert(c) != *c)
    }

    /// Whether `original` is `right` in OpenCC's standard form.
    fn is_other_form(&self, original: char, right: char) -> bool {
        let mut buffer = [0; 4];
        let original = original.encode_utf8(&mut buffer);
        self.to_target_forms
            .iter()
            .any(|converter| converter.convert(original).chars().eq([right]))
    }

    fn in_target_forms(&self, c: char) -> String {
        let mut buffer = [0; 4];
        let c = c.encode_utf8(&mut buffer);
        self.to_target_forms
            .iter()
            .map(|converter| converter.convert(c))
            .collect()
    }
}

/// Repairs `text` toward `target` with a one-off [`Repairer`].
pub fn repair(text: &str, target: RepairTarget) -> String {
    Repairer::new(target).repair(text)
}

fn is_han(c: char) -> bool {
    matches!(u32::from(c), 0x3400..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for target in [
            RepairTarget::Standard,
            RepairTarget::Taiwan,
            RepairTarget::HongKong,
        ] {
            assert_eq!(target.name().parse::<RepairTarget>().unwrap(), target);
        }
        assert!("twp".parse::<RepairTarget>().is_err());
    }

    #[test]
    fn repairs_toward_each_target() {
        let naive = "我們關于這裏的干部會議，今后并不多";
        assert_eq!(
            repair(naive, RepairTarget::Standard),
            "我們關於這裏的幹部會議，今後並不多"
        );
        assert_eq!(
            repair(naive, RepairTarget::Taiwan),
            "我們關於這裡的幹部會議，今後並不多"
        );
    }

    #[test]
    fn leaves_text_without_leftovers_alone() {
        let repairer = Repairer::new(RepairTarget::Standard);
        for text in ["", "abc", "これは日本語", "頭髮乾了，幹部們在開會。\n"] {
            assert_eq!(repairer.repair(text), text);
        }
    }
}
