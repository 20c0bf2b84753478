//! Script and region detection: is a text Simplified, Traditional, mixed or not Chinese, and
//! which regional standard do its Traditional forms follow?
//!
//! Evidence is counted per character from tables compiled out of OpenCC's own character
//! dictionaries (`build/detect_tables.rs`): characters only one script writes (们/們) and
//! variant forms that one regional standard never writes (裏 in Taiwan, 裡 in Hong Kong).
//! Counting is one table look-up and one add per Han character, so detection runs within
//! a small factor of decoding the text. Only text without any script-only character but
//! with characters that conversion may change (于, 后, 乾) is also converted both ways, to
//! see which of them its phrases really change. The verdict is a few comparisons over the
//! counts.

use std::fmt;
use std::sync::OnceLock;

use crate::script_tables::{
    self, LEANS_SIMPLIFIED, LEANS_TRADITIONAL, NOT_HONG_KONG, NOT_STANDARD, NOT_TAIWAN, SIMPLIFIED,
    TRADITIONAL,
};
use crate::{Config, Converter};

/// The script a text is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Script {
    /// Simplified Chinese: Simplified-only characters, no or hardly any Traditional ones.
    Simplified,
    /// Traditional Chinese: Traditional-only characters, no or hardly any Simplified ones
    /// (at most as many: classical Traditional texts write old variants such as 来 and 却
    /// that OpenCC counts as Simplified).
    Traditional,
    /// Both scripts in earnest: clauses written in each, with at least [`MIXED_MINIMUM`]
    /// script characters of each in clauses of one script alone. A Traditional name kept
    /// in a Simplified sentence (as editions of the classics keep 穀 or 蔿) shares its
    /// clause with Simplified characters, and does not make the text mixed.
    Mixed,
    /// Nothing tells: no Chinese, Japanese (kana), or Chinese written only with characters
    /// both scripts share (人, 大, 中), which reads the same in either. Without a
    /// script-only character, shared characters that conversion changes by default (于 and
    /// 后 lean Simplified, 乾 Traditional) decide when they all lean one way.
    Unknown,
}

/// Mixed text holds at least this many script characters of each script in clauses of
/// that script alone: a single stray character is more often a typo or a quoted name than
/// a change of script.
pub const MIXED_MINIMUM: usize = 2;

impl Script {
    /// The lowercase name: `simplified`, `traditional`, `mixed` or `unknown`.
    pub const fn name(self) -> &'static str {
        match self {
            Script::Simplified => "simplified",
            Script::Traditional => "traditional",
            Script::Mixed => "mixed",
            Script::Unknown => "unknown",
        }
    }
}

impl fmt::Display for Script {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The regional standard a text follows, as far as its characters tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Region {
    /// Mainland China: Simplified text (the script of the mainland, and of Singapore and
    /// Malaysia too; their vocabulary is not told apart).
    Mainland,
    /// Taiwan: Traditional text with Taiwan's variant forms (裡, 著 for 着, 為).
    Taiwan,
    /// Hong Kong: Traditional text with Hong Kong's variant forms (裏, 説, 温, 台 for 臺).
    HongKong,
}

impl Region {
    /// The lowercase name: `mainland`, `taiwan` or `hongkong`.
    pub const fn name(self) -> &'static str {
        match self {
            Region::Mainland => "mainland",
            Region::Taiwan => "taiwan",
            Region::HongKong => "hongkong",
        }
    }
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The counts a detection rests on. Counts of several texts add up ([`Evidence::add`]),
/// so a long text can be counted piece by piece.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub struct Evidence {
    /// Han characters (CJK Unified Ideographs and their extensions, compatibility
    /// ideographs).
    pub han: usize,
    /// Hiragana and katakana letters: Japanese, not Chinese, when frequent.
    pub kana: usize,
    /// Characters only Simplified text writes (们, 国).
    pub simplified: usize,
    /// Characters only Traditional text writes (們, 國).
    pub traditional: usize,
    /// Simplified-only characters in clauses without a Traditional-only one. Clauses end
    /// at punctuation, spaces and line ends (and at the end of each [`Evidence::add`]).
    pub simplified_alone: usize,
    /// Traditional-only characters in clauses without a Simplified-only one.
    pub traditional_alone: usize,
    /// In pieces of text without a script-only character: the characters that `s2t`
    /// changes there, phrases considered (于 → 於, 后 → 後, but 皇后 stays). A weaker sign
    /// of Simplified text, used only when no script-only character is found.
    pub leans_simplified: usize,
    /// Likewise the characters that `t2s` changes (乾 → 干, but 乾坤 stays).
    pub leans_traditional: usize,
    /// Characters OpenCC's standard Traditional never writes (裡, 為).
    pub not_standard: usize,
    /// Characters OpenCC's Taiwan standard never writes (裏, 着).
    pub not_taiwan: usize,
    /// Characters OpenCC's Hong Kong standard never writes (裡, 臺, 說).
    pub not_hong_kong: usize,
}

impl Evidence {
    /// The counts for `text`.
    pub fn of(text: &str) -> Evidence {
        let mut evidence = Evidence::default();
        evidence.add(text);
        evidence
    }

    /// Adds the counts for `text`.
    ///
    /// When `text` holds no script-only character but characters that conversion may
    /// change (于, 后, 乾), it is converted both ways to count the ones that conversion
    /// really changes in their phrases; text with script-only characters costs one table
    /// look-up per character.
    pub fn add(&mut self, text: &str) {
        let mut piece = Evidence::default();
        piece.scan(text);
        if piece.simplified + piece.traditional == 0
            && piece.leans_simplified + piece.leans_traditional > 0
        {
            piece.leans_simplified = changed(text, Config::S2T);
            piece.leans_traditional = changed(text, Config::T2S);
        }
        self.merge(&piece);
    }

    /// Counts `text` by the tables alone.
    fn scan(&mut self, text: &str) {
        let bytes = text.as_bytes();
        let mut tally = Tally::default();
        let mut at = 0;
        while at < bytes.len() {
            let lead = bytes[at];
            if lead < 0x80 {
                // A run of ASCII ends the clause once if it holds anything but letters
                // and digits.
                let mut ends = false;
                while let Some(&byte) = bytes.get(at).filter(|byte| byte.is_ascii()) {
                    ends |= !byte.is_ascii_alphanumeric();
                    at += 1;
                }
                if ends {
                    tally.end_clause();
                }
            } else if lead < 0xE0 {
                at += 2;
            } else if lead < 0xF0 {
                // A `&str` is valid UTF-8, so the two continuation bytes are there.
                let code = (u32::from(lead & 0x0F) << 12)
                    | (u32::from(bytes[at + 1] & 0x3F) << 6)
                    | u32::from(bytes[at + 2] & 0x3F);
                at += 3;
                match code {
                    0x3400..=0x9FFF => tally.han(script_tables::dense_flags(code)),
                    0xF900..=0xFAFF => tally.han(0),
                    0x3041..=0x3096 | 0x30A1..=0x30FA => tally.kana += 1,
                    // Ideographic punctuation and spaces, fullwidth punctuation.
                    0x3000..=0x303F | 0xFF00..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF5B..=0xFF65 => {
                        tally.end_clause()
                    }
                    _ => {}
                }
            } else {
                let code = (u32::from(lead & 0x07) << 18)
                    | (u32::from(bytes[at + 1] & 0x3F) << 12)
                    | (u32::from(bytes[at + 2] & 0x3F) << 6)
                    | u32::from(bytes[at + 3] & 0x3F);
                at += 4;
                if (0x20000..=0x3FFFF).contains(&code) {
                    // Every supplementary code point of this range is a `char`.
                    tally.han(char::from_u32(code).map_or(0, script_tables::sparse_flags));
                }
            }
        }
        tally.add_to(self);
    }

    /// Adds another text's counts.
    pub fn merge(&mut self, other: &Evidence) {
        self.han += other.han;
        self.kana += other.kana;
        self.simplified += other.simplified;
        self.traditional += other.traditional;
        self.simplified_alone += other.simplified_alone;
        self.traditional_alone += other.traditional_alone;
        self.leans_simplified += other.leans_simplified;
        self.leans_traditional += other.leans_traditional;
        self.not_standard += other.not_standard;
        self.not_taiwan += other.not_taiwan;
        self.not_hong_kong += other.not_hong_kong;
    }
}

/// How many characters of `text` the built-in configuration `config` changes.
fn changed(text: &str, config: Config) -> usize {
    static CONVERTERS: [OnceLock<Converter>; 2] = [OnceLock::new(), OnceLock::new()];
    let slot = usize::from(config == Config::T2S);
    let converter = CONVERTERS[slot].get_or_init(|| Converter::new(config));
    let converted = converter.convert(text);
    text.chars()
        .zip(converted.chars())
        .filter(|(a, b)| a != b)
        .count()
}

/// Each flag byte spread over a word, one bit per byte: adding it counts every flag of a
/// character at once, with no branch on flags that are unpredictable from one character
/// to the next.
const SPREAD: [u64; 128] = {
    let mut table = [0u64; 128];
    let mut flags = 0;
    while flags < 128 {
        let mut bit = 0;
        while bit < 7 {
            if flags & (1 << bit) != 0 {
                table[flags] |= 1 << (8 * bit);
            }
            bit += 1;
        }
        flags += 1;
    }
    table
};

/// The counts of one scan. Han characters are counted in `packed`, one byte per flag
/// (bit i of the flags in byte i), which is flushed into the totals before a byte can
/// overflow and at the end. A clause's script characters are the difference of the
/// packed word since the clause began.
#[derive(Default)]
struct Tally {
    packed: u64,
    /// `packed` when the current clause began.
    clause_start: u64,
    /// Han characters counted in `packed`.
    pending: usize,
    /// Each flag's count, in flag-bit order, flushed from `packed`.
    flags: [usize; 7],
    han: usize,
    kana: usize,
    simplified_alone: usize,
    traditional_alone: usize,
    /// The current clause's script characters flushed from `packed` before it ended.
    clause_simplified: usize,
    clause_traditional: usize,
}

impl Tally {
    #[inline]
    fn han(&mut self, flags: u8) {
        self.packed += SPREAD[usize::from(flags & 0x7F)];
        self.pending += 1;
        if self.pending == 255 {
            self.flush();
        }
    }

    /// The current clause's (Simplified-only, Traditional-only) counts.
    #[inline]
    fn clause(&self) -> (usize, usize) {
        let since = self.packed - self.clause_start;
        (
            self.clause_simplified + (since & 0xFF) as usize,
            self.clause_traditional + (since >> 8 & 0xFF) as usize,
        )
    }

    fn flush(&mut self) {
        (self.clause_simplified, self.clause_traditional) = self.clause();
        for (count, byte) in self.flags.iter_mut().zip(self.packed.to_le_bytes()) {
            *count += usize::from(byte);
        }
        self.han += self.pending;
        self.packed = 0;
        self.clause_start = 0;
        self.pending = 0;
    }

    /// Credits a clause of one script to that script's `_alone` count, and starts anew.
    #[inline]
    fn end_clause(&mut self) {
        let (simplified, traditional) = self.clause();
        self.simplified_alone += if traditional == 0 { simplified } else { 0 };
        self.traditional_alone += if simplified == 0 { traditional } else { 0 };
        self.clause_start = self.packed;
        self.clause_simplified = 0;
        self.clause_traditional = 0;
    }

    fn add_to(&mut self, evidence: &mut Evidence) {
        self.end_clause();
        self.flush();
        let bit = |flag: u8| self.flags[flag.trailing_zeros() as usize];
        evidence.han += self.han;
        evidence.kana += self.kana;
        evidence.simplified += bit(SIMPLIFIED);
        evidence.traditional += bit(TRADITIONAL);
        evidence.simplified_alone += self.simplified_alone;
        evidence.traditional_alone += self.traditional_alone;
        evidence.leans_simplified += bit(LEANS_SIMPLIFIED);
        evidence.leans_traditional += bit(LEANS_TRADITIONAL);
        evidence.not_standard += bit(NOT_STANDARD);
        evidence.not_taiwan += bit(NOT_TAIWAN);
        evidence.not_hong_kong += bit(NOT_HONG_KONG);
    }
}

/// What [`detect`] found.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct Detection {
    /// The script.
    pub script: Script,
    /// How sure the script is, from 0 to 1: the share of the script evidence that agrees
    /// with the verdict, times 1 − 2<sup>−n</sup> for n agreeing characters (one
    /// character gives at most 0.5, five about 0.97). For [`Script::Mixed`] it is
    /// 1 − 2<sup>−n</sup> for the smaller of the two `_alone` counts; for
    /// [`Script::Unknown`] it is 0. A verdict from leaning characters alone gets half.
    pub confidence: f32,
    /// The regional standard, when the characters tell one: [`Region::Mainland`] for
    /// Simplified text; for Traditional or mixed text the one standard that its variant
    /// forms contradict least, when exactly one does and some form contradicts another.
    /// OpenCC's own standard, which no region follows fully, gives `None`.
    pub region: Option<Region>,
    /// The counts behind the verdict.
    pub evidence: Evidence,
}

impl Detection {
    /// The verdict on counted evidence.
    pub fn from_evidence(evidence: Evidence) -> Detection {
        let Evidence {
            han,
            kana,
            simplified,
            traditional,
            ..
        } = evidence;
        let japanese = kana * 4 > han;
        // Without a script-only character, the characters that conversion changes by
        // default decide, at half the confidence.
        let leaning = simplified + traditional == 0;
        let (simplified, traditional) = if leaning {
            (evidence.leans_simplified, evidence.leans_traditional)
        } else {
            (simplified, traditional)
        };
        // Leaning characters decide only when they all lean one way.
        let undecided = leaning && simplified.min(traditional) > 0;
        let script = if han == 0 || japanese || simplified + traditional == 0 || undecided {
            Script::Unknown
        } else if evidence.simplified_alone.min(evidence.traditional_alone) >= MIXED_MINIMUM {
            Script::Mixed
        } else if simplified > traditional {
            Script::Simplified
        } else if traditional > simplified || !leaning {
            // A tie of script-only characters goes to Traditional: many Simplified forms
            // are old variants that Traditional texts write too (来, 黄, 却, 并), while
            // Traditional-only forms are rare in Simplified text.
            Script::Traditional
        } else {
            Script::Unknown
        };
        let saturation = |n: usize| 1.0 - 0.5f32.powi(n.min(64) as i32);
        let total = (simplified + traditional) as f32;
        let weight = if leaning { 0.5 } else { 1.0 };
        let confidence = weight
            * match script {
                Script::Simplified => simplified as f32 / total * saturation(simplified),
                Script::Traditional => traditional as f32 / total * saturation(traditional),
                Script::Mixed => {
                    saturation(evidence.simplified_alone.min(evidence.traditional_alone))
                }
                Script::Unknown => 0.0,
            };
        let region = match script {
            Script::Simplified => Some(Region::Mainland),
            Script::Traditional | Script::Mixed => traditional_region(&evidence),
            Script::Unknown => None,
        };
        Detection {
            script,
            confidence,
            region,
            evidence,
        }
    }
}

/// The regional standard that the variant forms contradict least, when it is the only one
/// and another is contradicted; `None` for OpenCC's standard or when nothing tells.
fn traditional_region(evidence: &Evidence) -> Option<Region> {
    let standard = evidence.not_standard;
    let taiwan = evidence.not_taiwan;
    let hong_kong = evidence.not_hong_kong;
    if taiwan < standard.min(hong_kong) {
        Some(Region::Taiwan)
    } else if hong_kong < standard.min(taiwan) {
        Some(Region::HongKong)
    } else {
        None
    }
}

/// Detects the script and regional standard of `text`.
///
/// ```
/// use fanjian::{Region, Script, detect};
///
/// assert_eq!(detect("我们的头发干了").script, Script::Simplified);
/// assert_eq!(detect("我們的頭髮乾了").script, Script::Traditional);
/// assert_eq!(detect("这里是简体，這裡是繁體").script, Script::Mixed);
/// assert_eq!(detect("hello").script, Script::Unknown);
/// assert_eq!(detect("這裡的軟體").region, Some(Region::Taiwan));
/// ```
pub fn detect(text: &str) -> Detection {
    Detection::from_evidence(Evidence::of(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_characters_in_every_utf8_length() {
        let evidence = Evidence::of("a é 们們 かな 𠀾 \u{F900}");
        assert_eq!(evidence.han, 4);
        assert_eq!(evidence.kana, 2);
        assert_eq!(evidence.simplified, 2);
        assert_eq!(evidence.traditional, 1);
    }

    #[test]
    fn leaning_characters_decide_only_without_script_characters() {
        let detection = detect("王在于今后");
        assert_eq!(detection.script, Script::Simplified);
        assert!(detection.confidence <= 0.5);
        assert_eq!(detect("天乾").script, Script::Traditional);
        assert_eq!(detect("于乾").script, Script::Unknown);
        assert_eq!(detect("於今後").script, Script::Traditional);
        // Conversion keeps 后 in 皇后, so it tells nothing there.
        assert_eq!(detect("皇后").script, Script::Unknown);
        assert_eq!(detect("皇后").evidence.leans_simplified, 0);
    }

    /// The obvious count, character by character, that the byte scanner must equal.
    fn naive_scan(text: &str) -> Evidence {
        let mut evidence = Evidence::default();
        let (mut clause_s, mut clause_t) = (0, 0);
        let end = |evidence: &mut Evidence, s: &mut usize, t: &mut usize| {
            if *t == 0 {
                evidence.simplified_alone += *s;
            } else if *s == 0 {
                evidence.traditional_alone += *t;
            }
            (*s, *t) = (0, 0);
        };
        for c in text.chars() {
            let code = u32::from(c);
            let flags = match code {
                0x3400..=0x9FFF => script_tables::dense_flags(code),
                0x20000..=0x3FFFF => script_tables::sparse_flags(c),
                _ => 0,
            };
            if matches!(code, 0x3400..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF) {
                evidence.han += 1;
            }
            if matches!(code, 0x3041..=0x3096 | 0x30A1..=0x30FA) {
                evidence.kana += 1;
            }
            let has = |flag: u8| usize::from(flags & flag != 0);
            evidence.simplified += has(SIMPLIFIED);
            evidence.traditional += has(TRADITIONAL);
            evidence.leans_simplified += has(LEANS_SIMPLIFIED);
            evidence.leans_traditional += has(LEANS_TRADITIONAL);
            evidence.not_standard += has(NOT_STANDARD);
            evidence.not_taiwan += has(NOT_TAIWAN);
            evidence.not_hong_kong += has(NOT_HONG_KONG);
            clause_s += has(SIMPLIFIED);
            clause_t += has(TRADITIONAL);
            let ends_clause = (c.is_ascii() && !c.is_ascii_alphanumeric())
                || matches!(code, 0x3000..=0x303F | 0xFF00..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF5B..=0xFF65);
            if ends_clause {
                end(&mut evidence, &mut clause_s, &mut clause_t);
            }
        }
        end(&mut evidence, &mut clause_s, &mut clause_t);
        evidence
    }

    proptest::proptest! {
        #[test]
        fn scan_equals_the_naive_count(
            text in "[a-z .,\\n\u{e9}们們这這国國于后乾裡裏説着臺台𠀾𠁞\u{F900}かナ，。「」　]{0,600}"
        ) {
            let mut evidence = Evidence::default();
            evidence.scan(&text);
            proptest::prop_assert_eq!(evidence, naive_scan(&text));
        }
    }

    #[test]
    fn long_clauses_count_as_short_ones() {
        // Past 255 Han characters the packed counts are flushed mid-clause.
        for length in [254, 255, 256, 510, 1000] {
            let clause = "们".repeat(length);
            let evidence = Evidence::of(&format!("{clause}。這們"));
            assert_eq!(evidence.han, length + 2);
            assert_eq!(evidence.simplified, length);
            assert_eq!(evidence.simplified_alone, length);
            assert_eq!(evidence.traditional_alone, 2);
            let evidence = Evidence::of(&format!("{clause}這"));
            assert_eq!(
                (evidence.simplified_alone, evidence.traditional_alone),
                (0, 0)
            );
        }
    }

    #[test]
    fn japanese_is_unknown() {
        assert_eq!(detect("国語の勉強をしています").script, Script::Unknown);
    }

    #[test]
    fn one_stray_character_does_not_make_text_mixed() {
        let detection = detect("我們今天在這裡開會，討論国家的發展");
        assert_eq!(detection.script, Script::Traditional);
        assert!(detection.confidence > 0.5 && detection.confidence < 1.0);
    }

    #[test]
    fn evidence_adds_up() {
        let mut evidence = Evidence::of("我们都在，");
        evidence.merge(&Evidence::of("這裡說話"));
        assert_eq!(evidence, Evidence::of("我们都在，這裡說話"));
        assert_eq!(evidence.simplified_alone, 1);
        assert_eq!(evidence.traditional_alone, 4);
    }

    #[test]
    fn region_from_variant_forms() {
        assert_eq!(detect("我們在這裏說話").region, None);
        assert_eq!(detect("我們在這裡說話").region, Some(Region::Taiwan));
        assert_eq!(detect("我們在這裏説話").region, Some(Region::HongKong));
        assert_eq!(detect("我们在这里说话").region, Some(Region::Mainland));
    }
}
