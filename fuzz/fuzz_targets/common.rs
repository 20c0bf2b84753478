//! What the fuzz targets share: the normalizers under test, picked by an input byte.

use fanjian::normalize::{Normalizer, Op, Profile, QuoteStyle};

/// How many normalizers [`normalizer`] picks from.
pub const NORMALIZERS: usize = Op::ALL.len() + Profile::ALL.len() + 3;

/// Every op alone, every profile, and the profile options: 19 normalizers.
pub fn normalizer(pick: u8) -> Normalizer {
    let ops = Op::ALL.len();
    let pick = usize::from(pick) % NORMALIZERS;
    if pick < ops {
        return Normalizer::from_ops([Op::ALL[pick]]);
    }
    match pick - ops {
        profile if profile < Profile::ALL.len() => Normalizer::new(Profile::ALL[profile]),
        4 => Normalizer::builder(Profile::Mainland).spacing(true).build(),
        5 => Normalizer::builder(Profile::Taiwan)
            .nfc_svs(true)
            .interpunct('\u{2027}')
            .spacing(true)
            .build(),
        _ => Normalizer::builder(Profile::Neutral)
            .quotes(QuoteStyle::Corner)
            .build(),
    }
}
