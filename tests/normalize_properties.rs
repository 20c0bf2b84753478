//! The spec's properties (§5) over random text from an adversarial alphabet: Han, kana,
//! compatibility ideographs and radicals, every mark the ops touch in ASCII, fullwidth,
//! small and vertical forms, quotes, dashes, dots, invisibles, variation selectors,
//! combining marks and line breaks.
//!
//! - P1: every op and profile is idempotent, except the curly-quote apostrophe edge (§6) and
//!   three more edges that follow from the spec's definitions (`known_second_pass_change`).
//! - P2: ASCII-only text comes back unchanged, and borrowed.
//! - P3: no op except nfc, nfc_svs and radicals inserts, deletes or changes a Han char.
//! - P4: code spans, fenced code, URLs and e-mail addresses come out byte for byte.
//! - P5: an ASCII `.`, `,` or `:` between ASCII digits is never changed.
//!
//! And the entry points agree: `normalize_into` appends what `normalize` returns, and a
//! stream fed any split of the text gives the same result.

use fanjian::normalize::{Normalizer, Op, Profile, QuoteStyle};
use normalize_edges::{digit_separators, han, known_second_pass_change};
use proptest::prelude::*;

mod normalize_edges;

const TOKENS: &[&str] = &[
    // Han, kana, bopomofo, and characters that nfc and radicals unify.
    "中",
    "文",
    "好",
    "說",
    "〇",
    "\u{F91F}",
    "\u{FA5D}",
    "\u{2F08}",
    "\u{2FA7}",
    "\u{2EF3}",
    "\u{2EDF}",
    "ア",
    "か",
    "ー",
    "ㄅ",
    "ｱ",
    "ｶ",
    "ﾍ",
    "ﾞ",
    "ﾟ",
    // ASCII.
    "a",
    "Z",
    "s",
    "t",
    "1",
    "2",
    "0",
    " ",
    "  ",
    "\t",
    ".",
    "..",
    "...",
    ",",
    ";",
    ":",
    "!",
    "?",
    "(",
    ")",
    "\"",
    "'",
    "-",
    "--",
    "---",
    "/",
    "`",
    "``",
    "```",
    "~~~",
    "@",
    "&amp;",
    "#",
    "+",
    "%",
    "<",
    "www.",
    "http://",
    "x@y.com",
    // Fullwidth, halfwidth, small and vertical forms.
    "，",
    "。",
    "．",
    "：",
    "；",
    "！",
    "？",
    "（",
    "）",
    "／",
    "＂",
    "＇",
    "｀",
    "－",
    "１",
    "２",
    "Ａ",
    "ａ",
    "＋",
    "＃",
    "％",
    "～",
    "￥",
    "\u{3000}",
    "｡",
    "｢",
    "｣",
    "､",
    "･",
    "︵",
    "︶",
    "﹁",
    "﹐",
    "﹒",
    "﹕",
    "︙",
    "︱",
    "︲",
    "﹘",
    "﹣",
    // Quotation marks.
    "“",
    "”",
    "‘",
    "’",
    "「",
    "」",
    "『",
    "』",
    "〝",
    "〟",
    "«",
    // Dashes, dots and interpuncts.
    "—",
    "――",
    "─",
    "──",
    "⸺",
    "–",
    "…",
    "⋯",
    "‥",
    "。。。",
    "·",
    "‧",
    "•",
    "・",
    "⋅",
    // Invisibles, marks and other scripts.
    "\u{200B}",
    "\u{2060}",
    "\u{FEFF}",
    "\u{200C}",
    "\u{200D}",
    "\u{FE00}",
    "\u{FE01}",
    "\u{0301}",
    "\u{0304}",
    "\u{3099}",
    "ก",
    "°",
    "é",
    "Ω",
    "\u{00AD}",
    // Line breaks.
    "\n",
    "\r\n",
    "\r",
    "\u{2028}",
];

/// Text that the ops cannot turn into, or out of, a protected span: no backticks, tildes,
/// `://`, `www.` or `@`, nor what fold_width turns into them.
const FILLER: &[&str] = &[
    "中", "文", "好", "說", "\u{F91F}", "\u{2F08}", "ア", "ｶ", "ﾞ", "a", "Z", "1", "2", " ", "\t",
    ".", "...", ",", ";", ":", "!", "?", "(", ")", "\"", "'", "-", "--", "/", "，", "。", "．",
    "：", "！", "（", "）", "＂", "－", "１", "Ａ", "\u{3000}", "﹐", "︵", "“", "”", "‘", "’",
    "「", "」", "—", "――", "…", "·", "・", "\u{200B}", "\u{FE00}", "\u{0301}", "\n",
];

/// Spans that every op must copy. Each is put between spaces, so that nothing next to it can
/// extend it or stop it from starting.
const PROTECTED: &[&str] = &[
    "`a,b。“x”...--`",
    "``中,文`好 ｀ ‘y’``",
    "https://example.com/a,b;c:d!e?f(g)h...i--j_k",
    "www.Example.org/x?y=1,2&z=3#--",
    "first.last+tag@mail.example.co.uk",
    "\n```\n他说,\"好\"...--\n﹐ｱﾞ\u{200B} 「x」\n```\n",
    "\n~~~~\n「x」 ，。 中文ab\u{3000}c\n~~~~\n",
];

fn text_from(tokens: &'static [&'static str], length: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(tokens), 0..length).prop_map(|parts| parts.concat())
}

fn ascii_text() -> impl Strategy<Value = String> {
    let ascii: Vec<&'static str> = TOKENS
        .iter()
        .copied()
        .filter(|token| token.is_ascii())
        .collect();
    prop::collection::vec(prop::sample::select(ascii), 0..40).prop_map(|parts| parts.concat())
}

/// Every op alone, every profile, and the options.
fn normalizers() -> Vec<(String, Normalizer)> {
    let mut all: Vec<(String, Normalizer)> = Op::ALL
        .into_iter()
        .map(|op| (format!("op {op}"), Normalizer::from_ops([op])))
        .collect();
    for profile in Profile::ALL {
        all.push((format!("profile {profile}"), Normalizer::new(profile)));
    }
    all.push((
        "mainland + spacing".to_owned(),
        Normalizer::builder(Profile::Mainland).spacing(true).build(),
    ));
    all.push((
        "taiwan + nfc_svs + U+2027 + spacing".to_owned(),
        Normalizer::builder(Profile::Taiwan)
            .nfc_svs(true)
            .interpunct('\u{2027}')
            .spacing(true)
            .build(),
    ));
    all.push((
        "neutral + corner quotes".to_owned(),
        Normalizer::builder(Profile::Neutral)
            .quotes(QuoteStyle::Corner)
            .build(),
    ));
    all
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn p1_idempotent(text in text_from(TOKENS, 40)) {
        for (name, normalizer) in normalizers() {
            let once = normalizer.normalize(&text).into_owned();
            let twice = normalizer.normalize(&once).into_owned();
            if twice != once {
                let known = known_second_pass_change(&normalizer, &text, &once);
                prop_assert!(
                    known.is_some(),
                    "{name} is not idempotent on {text:?}:\n once  {once:?}\n twice {twice:?}"
                );
                // Even then, the passes soon stop changing anything: each further pass that
                // changes the text folds a ｀ that the code span of the last pass protected.
                let mut passes = vec![once.clone(), twice];
                while passes.len() <= text.matches('｀').count() + 4 {
                    let next = normalizer.normalize(&passes[passes.len() - 1]).into_owned();
                    if next == passes[passes.len() - 1] {
                        break;
                    }
                    passes.push(next);
                }
                prop_assert!(
                    passes.len() <= text.matches('｀').count() + 4,
                    "{} ({:?}) never settles on {:?}: {:?}", name, known, text, passes
                );
            }
        }
    }

    #[test]
    fn p2_ascii_is_unchanged_and_borrowed(text in ascii_text()) {
        for (name, normalizer) in normalizers() {
            let result = normalizer.normalize(&text);
            prop_assert!(matches!(result, std::borrow::Cow::Borrowed(_)), "{name} changed {text:?} to {result:?}");
        }
    }

    #[test]
    fn p3_only_nfc_and_radicals_change_han(text in text_from(TOKENS, 40)) {
        for op in Op::ALL {
            if matches!(op, Op::Nfc | Op::NfcSvs | Op::Radicals) {
                continue;
            }
            let result = Normalizer::from_ops([op]).normalize(&text);
            prop_assert_eq!(han(&result), han(&text), "{} on {:?} gave {:?}", op, text, result);
        }
        let unified = han(&Normalizer::from_ops([Op::StripInvisible, Op::Nfc, Op::Radicals]).normalize(&text));
        for profile in Profile::ALL {
            let result = Normalizer::builder(profile).spacing(true).build().normalize(&text).into_owned();
            prop_assert_eq!(han(&result), unified.clone(), "{} on {:?} gave {:?}", profile, text, result);
        }
    }

    #[test]
    fn p4_protected_spans_are_copied(
        parts in prop::collection::vec((text_from(FILLER, 12), prop::sample::select(PROTECTED)), 1..5),
        tail in text_from(FILLER, 12),
    ) {
        let mut text = String::new();
        for (filler, span) in &parts {
            text.push_str(filler);
            text.push(' ');
            text.push_str(span);
            text.push(' ');
        }
        text.push_str(&tail);
        for (name, normalizer) in normalizers() {
            let result = normalizer.normalize(&text);
            let mut from = 0;
            for (_, span) in &parts {
                let found = result[from..].find(span);
                prop_assert!(found.is_some(), "{name} changed {span:?} in {text:?}: {result:?}");
                from += found.unwrap_or(0) + span.len();
            }
        }
    }

    #[test]
    fn p5_digit_separators_are_kept(text in text_from(TOKENS, 40)) {
        let before = digit_separators(&text);
        for (name, normalizer) in normalizers() {
            let result = normalizer.normalize(&text);
            let mut after = digit_separators(&result).into_iter();
            for triple in &before {
                prop_assert!(after.any(|t| &t == triple), "{name} changed {triple:?} in {text:?}: {result:?}");
            }
        }
    }

    #[test]
    fn entry_points_agree(text in text_from(TOKENS, 40), cuts in prop::collection::vec(any::<prop::sample::Index>(), 0..6)) {
        let mut bounds: Vec<usize> = cuts.iter().map(|cut| cut.index(text.len() + 1)).collect();
        bounds.retain(|&at| text.is_char_boundary(at));
        bounds.sort_unstable();
        for (name, normalizer) in normalizers() {
            let whole = normalizer.normalize(&text);
            let mut appended = String::from("x");
            normalizer.normalize_into(&text, &mut appended);
            prop_assert_eq!(&appended[1..], &*whole, "{} normalize_into on {:?}", name, text);
            let mut streamed = String::new();
            let mut stream = normalizer.stream();
            let mut at = 0;
            for &cut in &bounds {
                stream.push_into(&text[at..cut], &mut streamed);
                at = cut;
            }
            stream.push_into(&text[at..], &mut streamed);
            stream.finish_into(&mut streamed);
            prop_assert_eq!(&streamed, &*whole, "{} stream cut at {:?} on {:?}", name, bounds, text);
        }
    }
}
