//! Punctuation, width and Unicode normalization for Chinese text.
//!
//! Chinese text arrives with its punctuation in every state: ASCII commas between Han,
//! “” where a Taiwan publisher needs 「」, `...` and `--` for `……` and `——`, interpuncts
//! from the Big5 and GB2312 eras, fullwidth letters and digits, halfwidth katakana,
//! compatibility ideographs from PDFs and zero-width characters. NFKC, the usual fix,
//! turns ，！？ into ASCII for good. A [`Normalizer`] instead applies small, context-gated
//! [`Op`]s, grouped into regional [`Profile`]s, and touches nothing else: URLs, code,
//! e-mail addresses, numbers such as `3.14`, `1,000` and `12:30`, and English sentences
//! come out as they went in.
//!
//! ```
//! use fanjian::normalize::{Normalizer, Profile};
//!
//! let normalizer = Normalizer::new(Profile::Mainland);
//! assert_eq!(normalizer.normalize("他停了一下--然后说......"), "他停了一下——然后说……");
//! assert_eq!(normalizer.normalize("时间:12:30,见`a,b`"), "时间：12:30，见`a,b`");
//! assert_eq!(normalizer.normalize("Hello, world..."), "Hello, world...");
//! ```
//!
//! With conversion, [`Normalizer::convert_normalized_into`] normalizes and then converts in
//! one call, and [`Profile::for_config`] picks the profile that suits a configuration's
//! output.
//!
//! The rules are those of the spec `normalization.md` (v1), kept as test vectors in
//! `tests/data/norm-vectors.jsonl`. Every rule stays within one line, and only fenced code
//! carries over from one line to the next, which [`NormalizeStream`] uses to normalize
//! large inputs piece by piece.

mod class;
mod dash;
mod ellipsis;
mod fence;
mod interpunct;
mod invisible;
mod line;
mod nfc;
mod normalizer;
mod op;
mod pipeline;
mod profile;
mod protect;
mod punctuation;
mod quotes;
mod radicals;
mod reader;
mod spacing;
mod stream;
mod trigger;
mod width;

pub use normalizer::{Normalizer, NormalizerBuilder};
pub use op::Op;
pub use profile::{Profile, QuoteStyle};
pub use reader::NormalizingReader;
pub use stream::NormalizeStream;
