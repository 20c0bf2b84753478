//! [`Normalizer`], its builder, and its pairing with [`Converter`].

use std::borrow::Cow;

use super::op::Op;
use super::pipeline::Pipeline;
use super::profile::{Profile, QuoteStyle};
use super::stream::NormalizeStream;
use crate::{Config, Converter};

/// Normalizes punctuation, width and Unicode representation of Chinese text: a chain of
/// [`Op`]s, built once and used through `&self`.
///
/// It never changes which Han characters are used, except to unify compatibility
/// ideographs and Kangxi radicals; it leaves code, URLs, e-mail addresses, numbers such as
/// `3.14`, `1,000` and `12:30`, and text without CJK context as they are.
///
/// ```
/// use fanjian::normalize::{Normalizer, Profile};
///
/// let mainland = Normalizer::new(Profile::Mainland);
/// assert_eq!(mainland.normalize("他说:\"你好,世界...\""), "他说：“你好，世界……”");
/// assert_eq!(mainland.normalize("Ｗｉｎｄｏｗｓ１０很好用!"), "Windows10很好用！");
///
/// let taiwan = Normalizer::new(Profile::Taiwan);
/// assert_eq!(taiwan.normalize("他說：“你好‘世界’”"), "他說：「你好『世界』」");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Normalizer {
    ops: Vec<Op>,
}

impl Normalizer {
    /// The normalizer of a profile, with the profile's defaults.
    pub fn new(profile: Profile) -> Normalizer {
        Normalizer::builder(profile).build()
    }

    /// A builder that starts from a profile and can change its options.
    pub fn builder(profile: Profile) -> NormalizerBuilder {
        NormalizerBuilder {
            profile,
            interpunct: '\u{00B7}',
            quotes: profile.quotes(),
            nfc_svs: false,
            spacing: false,
        }
    }

    /// A normalizer that applies `ops` in the given order, each reading the previous one's
    /// output.
    ///
    /// ```
    /// use fanjian::normalize::{Normalizer, Op};
    ///
    /// let dashes = Normalizer::from_ops([Op::FoldWidth, Op::Dash]);
    /// assert_eq!(dashes.normalize("他说－－我不去"), "他说——我不去");
    /// ```
    pub fn from_ops(ops: impl IntoIterator<Item = Op>) -> Normalizer {
        Normalizer {
            ops: ops.into_iter().collect(),
        }
    }

    /// The normalizer for the output of a conversion configuration, per
    /// [`Profile::for_config`].
    pub fn for_config(config: Config) -> Normalizer {
        Normalizer::new(Profile::for_config(config))
    }

    /// The ops, in the order they are applied.
    pub fn ops(&self) -> &[Op] {
        &self.ops
    }

    /// Normalizes `text`, borrowing it when nothing changes.
    pub fn normalize<'t>(&self, text: &'t str) -> Cow<'t, str> {
        let mut out = String::new();
        if Pipeline::new(&self.ops).run(text, &mut out, false) {
            Cow::Owned(out)
        } else {
            Cow::Borrowed(text)
        }
    }

    /// Normalizes `text`, appending the result to `out`.
    pub fn normalize_into(&self, text: &str, out: &mut String) {
        Pipeline::new(&self.ops).run(text, out, true);
    }

    /// A stream that normalizes text arriving in pieces, such as lines read from a file.
    pub fn stream(&self) -> NormalizeStream<'_> {
        NormalizeStream::new(self)
    }

    /// Normalizes `text` and converts the result, returning it.
    pub fn convert_normalized(&self, converter: &Converter, text: &str) -> String {
        let mut out = String::new();
        self.convert_normalized_into(converter, text, &mut out);
        out
    }

    /// Normalizes `text` and converts the result with `converter`, appending it to `out`.
    ///
    /// Normalizing comes first. Its `nfc` and `radicals` ops turn compatibility ideographs
    /// and Kangxi radicals into the unified ideographs that the conversion dictionaries are
    /// keyed on (OpenCC converts `長城` but not `⾧城`), and its other ops never change a Han
    /// character, so the converter sees the characters it knows. Normalizing afterwards
    /// would miss those matches and would run NFC over the converter's output, which is
    /// meant to be OpenCC's byte for byte. Text that needs no normalizing is borrowed, so it
    /// is only copied once, by the converter.
    pub fn convert_normalized_into(&self, converter: &Converter, text: &str, out: &mut String) {
        converter.convert_into(&self.normalize(text), out);
    }
}

/// Builds a [`Normalizer`] from a [`Profile`] and options (spec §4). Made by
/// [`Normalizer::builder`].
///
/// ```
/// use fanjian::normalize::{Normalizer, Profile, QuoteStyle};
///
/// let normalizer = Normalizer::builder(Profile::Mainland)
///     .quotes(QuoteStyle::Corner)
///     .interpunct('\u{2027}')
///     .spacing(true)
///     .build();
/// assert_eq!(normalizer.normalize("“麦克・阿瑟”用iPhone"), "「麦克‧阿瑟」用 iPhone");
/// ```
#[derive(Debug, Clone)]
pub struct NormalizerBuilder {
    profile: Profile,
    interpunct: char,
    quotes: QuoteStyle,
    nfc_svs: bool,
    spacing: bool,
}

impl NormalizerBuilder {
    /// The character that interpuncts between Han become; U+00B7 by default, U+2027 for
    /// Big5- and MOE-faithful Taiwan text. The neutral profile has no interpunct op, and
    /// a line break as target leaves interpuncts unchanged.
    pub fn interpunct(&mut self, target: char) -> &mut Self {
        self.interpunct = target;
        self
    }

    /// The quotation style, replacing the profile's. [`QuoteStyle::Keep`] drops the quote
    /// op; a style on the neutral profile adds one after `fold_width`.
    pub fn quotes(&mut self, style: QuoteStyle) -> &mut Self {
        self.quotes = style;
        self
    }

    /// Whether to use `nfc_svs` instead of `nfc`, so that compatibility ideographs keep
    /// their glyph as a standardized variation sequence. Off by default, because the
    /// conversion dictionaries are keyed on unified ideographs.
    pub fn nfc_svs(&mut self, yes: bool) -> &mut Self {
        self.nfc_svs = yes;
        self
    }

    /// Whether to append `cjk_spacing`, which puts spaces between CJK and Latin words.
    /// Off by default.
    pub fn spacing(&mut self, yes: bool) -> &mut Self {
        self.spacing = yes;
        self
    }

    /// Builds the normalizer.
    pub fn build(&self) -> Normalizer {
        let mut ops = vec![
            Op::StripInvisible,
            if self.nfc_svs { Op::NfcSvs } else { Op::Nfc },
            Op::Radicals,
            Op::FoldWidth,
        ];
        let chinese = self.profile != Profile::Neutral;
        if chinese {
            ops.extend([Op::Dash, Op::Ellipsis, Op::Interpunct(self.interpunct)]);
        }
        // Quotes come before zh_punct, so that its space rule also sees the new 「」.
        match self.quotes {
            QuoteStyle::Keep => {}
            QuoteStyle::Curly => ops.push(Op::QuotesCurly),
            QuoteStyle::Corner => ops.push(Op::QuotesCorner),
        }
        if chinese {
            ops.push(Op::ZhPunct);
        }
        if self.spacing {
            ops.push(Op::CjkSpacing);
        }
        Normalizer { ops }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profiles_have_the_spec_ops() {
        let names = |normalizer: Normalizer| {
            normalizer
                .ops()
                .iter()
                .map(|op| op.name())
                .collect::<Vec<_>>()
                .join(",")
        };
        assert_eq!(
            names(Normalizer::new(Profile::Neutral)),
            "strip_invisible,nfc,radicals,fold_width"
        );
        assert_eq!(
            names(Normalizer::new(Profile::Mainland)),
            "strip_invisible,nfc,radicals,fold_width,dash,ellipsis,interpunct,quotes_curly,zh_punct"
        );
        assert_eq!(
            names(
                Normalizer::builder(Profile::Taiwan)
                    .nfc_svs(true)
                    .spacing(true)
                    .build()
            ),
            "strip_invisible,nfc_svs,radicals,fold_width,dash,ellipsis,interpunct,quotes_corner,zh_punct,cjk_spacing"
        );
        assert_eq!(
            Normalizer::new(Profile::HongKong),
            Normalizer::new(Profile::Taiwan)
        );
    }

    #[test]
    fn unchanged_text_is_borrowed_and_into_appends() {
        let normalizer = Normalizer::new(Profile::Mainland);
        assert!(matches!(
            normalizer.normalize("你好，世界。\nHello, world..."),
            Cow::Borrowed(_)
        ));
        let mut out = String::from("前：");
        normalizer.normalize_into("你好,世界", &mut out);
        normalizer.normalize_into("\n不变。", &mut out);
        assert_eq!(out, "前：你好，世界\n不变。");
    }

    #[test]
    fn fenced_code_is_copied_and_line_breaks_are_kept() {
        let normalizer = Normalizer::new(Profile::Mainland);
        let text = "他说,好\r\n```\r\n他说,好\r\n```\r\n他说,好\u{2028}他说,好";
        assert_eq!(
            normalizer.normalize(text),
            "他说，好\r\n```\r\n他说,好\r\n```\r\n他说，好\u{2028}他说，好"
        );
    }

    #[test]
    fn a_fence_made_by_one_op_protects_from_the_next() {
        let normalizer = Normalizer::from_ops([Op::FoldWidth, Op::ZhPunct]);
        assert_eq!(
            normalizer.normalize("｀｀｀\n他说,好\n｀｀｀"),
            "```\n他说,好\n```"
        );
        assert_eq!(
            Normalizer::from_ops([Op::ZhPunct, Op::FoldWidth]).normalize("｀｀｀\n他说,好\n｀｀｀"),
            "```\n他说，好\n```"
        );
    }
}
