//! The spec's properties that every normalizer must keep, checked on any text.

use fanjian::normalize::{Normalizer, Op};

/// Normalizes `text` and checks the spec's properties on the result, panicking when one
/// fails. P1: a second pass changes nothing, except on the known edges, and even there the
/// passes soon stop changing anything. P2: ASCII text is unchanged. P3: ops other than
/// nfc, nfc_svs and radicals change no Han char. P5: `.`, `,` and `:` between ASCII digits
/// stay.
pub fn check_properties(normalizer: &Normalizer, text: &str) {
    let once = normalizer.normalize(text).into_owned();

    let twice = normalizer.normalize(&once).into_owned();
    if twice != once {
        assert!(
            known_second_pass_change(normalizer, text, &once),
            "not idempotent: {text:?} -> {once:?} -> {twice:?}"
        );
        // Even then, the passes soon stop changing anything: each further pass that changes
        // the text folds a ｀ that the code span of the last pass protected.
        let limit = text.matches('｀').count() + 4;
        let mut passes = 2;
        let mut last = twice;
        loop {
            let next = normalizer.normalize(&last).into_owned();
            if next == last {
                break;
            }
            passes += 1;
            assert!(passes <= limit, "never settles: {text:?}");
            last = next;
        }
    }

    if text.is_ascii() {
        assert_eq!(once, text, "ASCII changed");
    }

    // Only nfc, nfc_svs and radicals may change Han, so with the others left out the Han
    // chars must come out the same.
    let unifying = normalizer
        .ops()
        .iter()
        .copied()
        .filter(|op| matches!(op, Op::Nfc | Op::NfcSvs | Op::Radicals));
    let unified = Normalizer::from_ops(unifying).normalize(text).into_owned();
    assert_eq!(
        han(&once),
        han(&unified),
        "Han changed: {text:?} -> {once:?}"
    );

    let mut after = digit_separators(&once).into_iter();
    for triple in digit_separators(text) {
        assert!(
            after.any(|t| t == triple),
            "{triple:?} changed: {text:?} -> {once:?}"
        );
    }
}

/// Whether a second pass may change `once`, the first pass's output of `text`: the spec's
/// §6 edge and the three edges that follow from its definitions (see
/// `tests/normalize_properties.rs`, `known_second_pass_change`).
fn known_second_pass_change(normalizer: &Normalizer, text: &str, once: &str) -> bool {
    let ops = normalizer.ops();
    let position = |op: Op| ops.iter().position(|&o| o == op);
    let chars: Vec<char> = once.chars().collect();
    let apostrophe_shaped = chars
        .windows(3)
        .any(|w| w[1] == '’' && w[0].is_ascii_alphabetic() && w[2].is_ascii_alphabetic());
    let fold = position(Op::FoldWidth);
    let nfc = position(Op::Nfc).or(position(Op::NfcSvs));
    ops.contains(&Op::QuotesCurly) && apostrophe_shaped
        || fold.is_some() && text.contains('｀') && once.contains('`')
        || fold > nfc && nfc.is_some() && !unicode_normalization::is_nfc(once)
        || matches!((position(Op::Ellipsis), position(Op::ZhPunct)), (Some(e), Some(z)) if e < z)
            && once.contains("。。。")
}

fn han(text: &str) -> Vec<char> {
    text.chars()
        .filter(|&c| {
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
        })
        .collect()
}

fn digit_separators(text: &str) -> Vec<[char; 3]> {
    let chars: Vec<char> = text.chars().collect();
    chars
        .windows(3)
        .filter(|w| {
            w[0].is_ascii_digit() && matches!(w[1], '.' | ',' | ':') && w[2].is_ascii_digit()
        })
        .map(|w| [w[0], w[1], w[2]])
        .collect()
}
