//! The operations a [`Normalizer`](super::Normalizer) chains, and their names.

use std::fmt;
use std::str::FromStr;

use super::line::Line;
use super::quotes::Marks;
use super::trigger::{self, Triggers};
use super::{
    dash, ellipsis, interpunct, invisible, nfc, punctuation, quotes, radicals, spacing, width,
};
use crate::Error;

/// One normalization step (spec §3). Each reads the previous step's output.
///
/// The names are the spec's op ids, as [`Op::name`] returns and [`FromStr`] parses:
///
/// ```
/// use fanjian::normalize::Op;
///
/// assert_eq!("fold_width".parse::<Op>().unwrap(), Op::FoldWidth);
/// assert_eq!("interpunct".parse::<Op>().unwrap(), Op::Interpunct('·'));
/// assert!("nfkc".parse::<Op>().unwrap_err().to_string().contains("nfc_svs"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Op {
    /// `strip_invisible`: delete U+200B ZERO WIDTH SPACE (except beside Thai, Lao, Myanmar
    /// and Khmer), U+2060 WORD JOINER and U+FEFF.
    StripInvisible,
    /// `nfc`: Unicode NFC, which also unifies compatibility ideographs (`\u{F91F}` → `蘭`).
    Nfc,
    /// `nfc_svs`: NFC that first turns compatibility ideographs into base + standardized
    /// variation selector, so that the glyph distinction survives.
    NfcSvs,
    /// `radicals`: Kangxi radicals to the ideographs they look like (`⾧` → `長`).
    Radicals,
    /// `fold_width`: fullwidth Latin to ASCII, halfwidth katakana and presentation forms to
    /// the ordinary marks, and ．／：， inside numbers and names to ASCII.
    FoldWidth,
    /// `dash`: `--`, `――`, `──` and `⸺` in Chinese text to `——`.
    Dash,
    /// `ellipsis`: `...`, `。。。`, `…` and `⋯` in Chinese text to `……`.
    Ellipsis,
    /// `interpunct`: the middle dots of legacy encodings between Han (`爱新觉罗・溥仪`) to
    /// the given character, U+00B7 when parsed from a name.
    Interpunct(char),
    /// `quotes_curly`: quotation marks by depth to “” outside and ‘’ inside.
    QuotesCurly,
    /// `quotes_corner`: quotation marks by depth to 「」 outside and 『』 inside.
    QuotesCorner,
    /// `zh_punct`: ASCII `!?,;:.()` in Chinese sentences to fullwidth, and no spaces around
    /// fullwidth punctuation.
    ZhPunct,
    /// `cjk_spacing`: a space between CJK and Latin words or numbers (`价格 100 元`).
    CjkSpacing,
}

impl Op {
    /// Every op, in the spec's order, with the default interpunct target U+00B7.
    pub const ALL: [Op; 12] = [
        Op::StripInvisible,
        Op::Nfc,
        Op::NfcSvs,
        Op::Radicals,
        Op::FoldWidth,
        Op::Dash,
        Op::Ellipsis,
        Op::Interpunct('\u{00B7}'),
        Op::QuotesCurly,
        Op::QuotesCorner,
        Op::ZhPunct,
        Op::CjkSpacing,
    ];

    /// The spec's id for this op: `"fold_width"`.
    pub const fn name(self) -> &'static str {
        match self {
            Op::StripInvisible => "strip_invisible",
            Op::Nfc => "nfc",
            Op::NfcSvs => "nfc_svs",
            Op::Radicals => "radicals",
            Op::FoldWidth => "fold_width",
            Op::Dash => "dash",
            Op::Ellipsis => "ellipsis",
            Op::Interpunct(_) => "interpunct",
            Op::QuotesCurly => "quotes_curly",
            Op::QuotesCorner => "quotes_corner",
            Op::ZhPunct => "zh_punct",
            Op::CjkSpacing => "cjk_spacing",
        }
    }

    /// Whether a line with these triggers may be changed by this op. A line without the
    /// characters an op acts on, or without the CJK context it needs, is skipped unread.
    pub(crate) fn may_change(self, found: Triggers) -> bool {
        let any = |bits: Triggers| found & bits != 0;
        match self {
            Op::StripInvisible => any(trigger::INVISIBLE),
            Op::Nfc | Op::NfcSvs => any(trigger::NOT_NFC_INERT),
            Op::Radicals => any(trigger::RADICAL),
            Op::FoldWidth => {
                any(trigger::WIDTH) || any(trigger::NUMERIC_MARK) && any(trigger::ALNUM)
            }
            Op::Dash => any(trigger::DASH) && any(trigger::CJK),
            Op::Ellipsis => any(trigger::ELLIPSIS),
            Op::Interpunct(_) => any(trigger::INTERPUNCT) && any(trigger::HAN),
            Op::QuotesCurly | Op::QuotesCorner => any(trigger::QUOTE) && any(trigger::HAN),
            Op::ZhPunct => {
                any(trigger::ASCII_PUNCT) && any(trigger::CJK | trigger::FW_PUNCT)
                    || any(trigger::SPACE_BESIDE_WIDE)
            }
            Op::CjkSpacing => any(trigger::CJK) && any(trigger::WORD),
        }
    }

    /// Applies the op to one line outside fenced code, appending the result to `out` when
    /// it returns `true`. When it returns `false` the line is unchanged and `out` holds
    /// nothing useful.
    pub(crate) fn apply(self, line: &Line, out: &mut Vec<char>) -> bool {
        match self {
            Op::StripInvisible => invisible::strip_invisible(line, out),
            Op::Nfc => nfc::nfc(line, false, out),
            Op::NfcSvs => nfc::nfc(line, true, out),
            Op::Radicals => radicals::radicals(line, out),
            Op::FoldWidth => width::fold_width(line, out),
            Op::Dash => dash::dash(line, out),
            Op::Ellipsis => ellipsis::ellipsis(line, out),
            Op::Interpunct(target) => interpunct::interpunct(line, target, out),
            Op::QuotesCurly => quotes::quotes(line, Marks::Curly, out),
            Op::QuotesCorner => quotes::quotes(line, Marks::Corner, out),
            Op::ZhPunct => punctuation::zh_punct(line, out),
            Op::CjkSpacing => spacing::cjk_spacing(line, out),
        }
    }
}

impl fmt::Display for Op {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Op {
    type Err = Error;

    /// Parses a spec op id, in any letter case. `interpunct` gets the target U+00B7.
    fn from_str(name: &str) -> Result<Op, Error> {
        Op::ALL
            .into_iter()
            .find(|op| op.name().eq_ignore_ascii_case(name.trim()))
            .ok_or_else(|| Error::UnknownOp {
                name: name.to_owned(),
                valid: Op::ALL.map(Op::name).join(", "),
            })
    }
}
