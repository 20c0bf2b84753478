//! The property checks that the normalization property tests and the fuzz targets share
//! (`fuzz/fuzz_targets/properties.rs` includes this file): which characters count as Han,
//! the known second-pass edges, and the digit separators that must survive.

use fanjian::normalize::{Normalizer, Op};

/// The Han characters of `text`, in order.
pub fn han(text: &str) -> Vec<char> {
    let is_han = |c: char| {
        matches!(
            c,
            '\u{2E80}'..='\u{2FDF}'
                | '\u{3005}'..='\u{3007}'
                | '\u{3021}'..='\u{3029}'
                | '\u{3038}'..='\u{303B}'
                | '\u{3400}'..='\u{4DBF}'
                | '\u{4E00}'..='\u{9FFF}'
                | '\u{F900}'..='\u{FAFF}'
                | '\u{20000}'..='\u{3FFFF}'
        )
    };
    text.chars().filter(|&c| is_han(c)).collect()
}

/// Why a second pass may change `once`, the first pass's output of `text`, or `None`.
///
/// The spec (§6) documents one such edge. The property tests found three more, which come
/// from the spec's own definitions (each op finds protected spans on its input, and the
/// profile order), so an implementation that follows the spec has them too:
pub fn known_second_pass_change(
    normalizer: &Normalizer,
    text: &str,
    once: &str,
) -> Option<&'static str> {
    let ops = normalizer.ops();
    let position = |op: Op| ops.iter().position(|&o| o == op);
    let chars: Vec<char> = once.chars().collect();
    let apostrophe_shaped = chars
        .windows(3)
        .any(|w| w[1] == '’' && w[0].is_ascii_alphabetic() && w[2].is_ascii_alphabetic());
    let fold = position(Op::FoldWidth);
    let nfc = position(Op::Nfc).or(position(Op::NfcSvs));
    if ops.contains(&Op::QuotesCurly) && apostrophe_shaped {
        // §6: a level-2 closer written as ’ between two ASCII letters reads as an
        // apostrophe on the next pass (`「『w』w」` → `“‘w’w”`).
        Some("a curly closer is shaped like an apostrophe")
    } else if fold.is_some() && text.contains('｀') && once.contains('`') {
        // fold_width turns ｀ into `, which changes how backtick runs pair into code spans:
        // `｀`ａ`` has the code span `ａ` on the first pass, and none on the second, where
        // fold_width then folds ａ.
        Some("fold_width made a backtick")
    } else if fold > nfc && nfc.is_some() && !unicode_normalization::is_nfc(once) {
        // nfc runs before fold_width, which can make a letter or kana that composes with
        // the combining mark after it (`ａ\u{301}` → `a\u{301}`, `ｶ\u{3099}` → `カ\u{3099}`):
        // the second pass's nfc composes it.
        Some("fold_width made a base for a combining mark")
    } else if matches!((position(Op::Ellipsis), position(Op::ZhPunct)), (Some(e), Some(z)) if e < z)
        && once.contains("。。。")
    {
        // zh_punct runs after ellipsis and deletes the spaces in `。 。。`, making a run of
        // three 。 that the second pass's ellipsis turns into ……
        Some("zh_punct joined a run of 。")
    } else {
        None
    }
}

/// Every `[0-9][.,:][0-9]` of `text`, in order.
pub fn digit_separators(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    chars
        .windows(3)
        .filter(|w| {
            w[0].is_ascii_digit() && matches!(w[1], '.' | ',' | ':') && w[2].is_ascii_digit()
        })
        .map(|w| w.iter().collect())
        .collect()
}
