//! The spec's properties that every normalizer must keep, checked on any text.

use fanjian::normalize::{Normalizer, Op};

#[path = "../../tests/normalize_edges/mod.rs"]
mod edges;

use edges::{digit_separators, han, known_second_pass_change};

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
            known_second_pass_change(normalizer, text, &once).is_some(),
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
