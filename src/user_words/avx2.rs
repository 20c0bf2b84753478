//! The start filter's test for eight positions at once, where ten three-byte characters
//! follow: the scan's fast path on x86-64 processors with AVX2.
//!
//! Chinese text is mostly three-byte characters, and at 10,000 common words 95 to 98% of
//! its positions start none. One at a time, each position costs its hashes, a load and a
//! branch; here eight positions share them, and the scan stops only where some position
//! may start a word. The lanes compute exactly `StartFilter::may_start` (a test compares
//! them at every position).
//!
//! This file allows `unsafe` for the intrinsics: reading 32 bytes from the text and
//! gathering the filter's words, each block with its `SAFETY` argument.
#![allow(unsafe_code)]

use std::arch::x86_64::{
    __m256i, _mm_cvtsi32_si128, _mm256_and_si256, _mm256_castsi256_ps, _mm256_cmpeq_epi32,
    _mm256_i32gather_epi32, _mm256_loadu_si256, _mm256_movemask_ps, _mm256_mullo_epi32,
    _mm256_or_si256, _mm256_permutevar8x32_epi32, _mm256_set1_epi32, _mm256_setr_epi8,
    _mm256_setr_epi32, _mm256_shuffle_epi8, _mm256_sllv_epi32, _mm256_srl_epi32, _mm256_srli_epi32,
    _mm256_xor_si256,
};

use super::start_filter::{
    BIT_CHOICE_BITS, CHAR_IN_PAIR_FIRST, CHAR_IN_PAIR_SECOND, CHAR_IN_TRIPLE_THIRD, SINGLE_MIX,
    StartFilter, TRIPLE_MIX,
};

/// Proof that this processor has AVX2: made only by `Avx2::detect`.
#[derive(Clone, Copy)]
pub(super) struct Avx2(());

impl Avx2 {
    pub(super) fn detect() -> Option<Avx2> {
        is_x86_feature_detected!("avx2").then_some(Avx2(()))
    }
}

/// Where a run of positions that start no word ends.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum RunEnd {
    /// At a position that may start a word, or holds an IDS operator (which takes the plain
    /// step).
    Maybe(usize),
    /// Where fewer than three three-byte characters follow, or too close to the end for
    /// eight more positions: the scan goes on one position at a time.
    Elsewhere(usize),
}

/// How far eight positions at once need the text to go on from the first: three loads of
/// 32 bytes, from the first, second and third characters.
pub(super) const BYTES_AHEAD: usize = 38;

impl StartFilter {
    /// Skips, from `at`, the positions that start no user word, eight at a time.
    ///
    /// `at` must be a character boundary of valid UTF-8 `text`.
    pub(super) fn quiet_run(&self, _: Avx2, text: &[u8], at: usize) -> RunEnd {
        // SAFETY: an `Avx2` exists only where the processor has AVX2.
        unsafe {
            if self.singles {
                self.quiet_run_avx2::<true>(text, at)
            } else {
                self.quiet_run_avx2::<false>(text, at)
            }
        }
    }

    #[target_feature(enable = "avx2")]
    fn quiet_run_avx2<const SINGLES: bool>(&self, text: &[u8], mut at: usize) -> RunEnd {
        // Character k of the 32 bytes read (k from 0 to 7, three bytes each) into lane k:
        // first the upper half takes bytes 12 to 27, then each half's four characters go to
        // their lanes, with a zero high byte.
        let halves = _mm256_setr_epi32(0, 1, 2, 3, 3, 4, 5, 6);
        #[rustfmt::skip]
        let spread = _mm256_setr_epi8(
            0, 1, 2, -128, 3, 4, 5, -128, 6, 7, 8, -128, 9, 10, 11, -128,
            0, 1, 2, -128, 3, 4, 5, -128, 6, 7, 8, -128, 9, 10, 11, -128,
        );
        let chars = |from: usize| {
            debug_assert!(from + 32 <= text.len());
            // SAFETY: `from + 32 <= text.len()`: the loop runs while `at + BYTES_AHEAD`
            // does, and `from` is at most `at + 6`.
            let bytes = unsafe { _mm256_loadu_si256(text.as_ptr().add(from).cast::<__m256i>()) };
            _mm256_shuffle_epi8(_mm256_permutevar8x32_epi32(bytes, halves), spread)
        };
        let splat = |value: u32| _mm256_set1_epi32(value as i32);
        let lanes_where = |mask: __m256i| _mm256_movemask_ps(_mm256_castsi256_ps(mask)) as u32;
        let fold = |hash: __m256i| _mm256_xor_si256(hash, _mm256_srli_epi32::<16>(hash));
        let word_shift = _mm_cvtsi32_si128(self.shift as i32);
        let bit_shift = _mm_cvtsi32_si128((self.shift - BIT_CHOICE_BITS) as i32);
        let two_bits = |hash: __m256i| {
            let choice = _mm256_srl_epi32(hash, bit_shift);
            let low = _mm256_and_si256(choice, splat(31));
            let high = _mm256_and_si256(_mm256_srli_epi32::<5>(choice), splat(31));
            _mm256_or_si256(
                _mm256_sllv_epi32(splat(1), low),
                _mm256_sllv_epi32(splat(1), high),
            )
        };
        // `StartFilter::holds` in each lane.
        let holds = |hash: __m256i| {
            let index = _mm256_srl_epi32(hash, word_shift);
            // SAFETY: `index` is a hash shifted right by `32 - log2(words.len())`, below
            // `words.len()`.
            let facts =
                unsafe { _mm256_i32gather_epi32::<4>(self.words.as_ptr().cast::<i32>(), index) };
            let bits = two_bits(hash);
            _mm256_cmpeq_epi32(_mm256_and_si256(facts, bits), bits)
        };

        while at + BYTES_AHEAD <= text.len() {
            let first = chars(at);
            let second = chars(at + 3);
            let third = chars(at + 6);

            // Lead bytes 1110xxxx: characters 0 to 7 from `first`, 8 and 9 from `third`.
            let three_byte = |chars: __m256i| {
                lanes_where(_mm256_cmpeq_epi32(
                    _mm256_and_si256(chars, splat(0xF0)),
                    splat(0xE0),
                ))
            };
            let leads = three_byte(first) | (three_byte(third) >> 6) << 8;
            // A position is tested when its three characters are three-byte ones.
            let run = (!leads).trailing_zeros();
            let tested = (1u32 << run.saturating_sub(2).min(8)) - 1;
            // IDS operators are encoded E2 BF Bx.
            let ids = lanes_where(_mm256_cmpeq_epi32(
                _mm256_and_si256(first, splat(0xFFFF)),
                splat(0xBFE2),
            ));

            let first_factor = _mm256_mullo_epi32(first, splat(CHAR_IN_PAIR_FIRST));
            let pair = fold(_mm256_xor_si256(
                first_factor,
                _mm256_mullo_epi32(second, splat(CHAR_IN_PAIR_SECOND)),
            ));
            let triple = fold(_mm256_mullo_epi32(
                _mm256_xor_si256(pair, _mm256_mullo_epi32(third, splat(CHAR_IN_TRIPLE_THIRD))),
                splat(TRIPLE_MIX),
            ));
            let mut hits = _mm256_or_si256(holds(pair), holds(triple));
            if SINGLES {
                hits = _mm256_or_si256(
                    hits,
                    holds(fold(_mm256_mullo_epi32(first_factor, splat(SINGLE_MIX)))),
                );
            }
            let maybe = (lanes_where(hits) | ids) & tested;
            if maybe != 0 {
                return RunEnd::Maybe(at + 3 * maybe.trailing_zeros() as usize);
            }
            if tested != 0xFF {
                return RunEnd::Elsewhere(at + 3 * tested.count_ones() as usize);
            }
            at += 24;
        }
        RunEnd::Elsewhere(at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The filter's key of the character at `at`, as the scalar scan reads it.
    fn key(text: &[u8], at: usize) -> u32 {
        let len = match text[at] {
            0x00..0x80 => 1,
            0xC0..0xE0 => 2,
            0xE0..0xF0 => 3,
            _ => 4,
        };
        let mut bytes = [0; 4];
        bytes[..len].copy_from_slice(&text[at..at + len]);
        u32::from_le_bytes(bytes)
    }

    /// Whether three three-byte characters start at `at`.
    fn three_three_byte(text: &[u8], at: usize) -> bool {
        (0..3).all(|i| text.get(at + 3 * i).is_some_and(|&b| b & 0xF0 == 0xE0))
    }

    proptest::proptest! {
        /// Where eight positions at once end their run, every position before holds three
        /// three-byte characters that `StartFilter::may_start` turns away, and none starts
        /// with an IDS operator; at the end, the position may start a word, holds an IDS
        /// operator, or does not hold three three-byte characters, or is near the text's end.
        #[test]
        fn the_lanes_answer_as_the_scalar_filter(
            words in proptest::collection::vec("[一二三四五六七八⿰é]{1,4}", 1..40),
            text in "[一二三四五六七八九十⿰é a]{40,200}",
        ) {
            let Some(avx2) = Avx2::detect() else {
                return Ok(());
            };
            let filter = StartFilter::new(words.iter().map(String::as_str));
            let text = text.as_bytes();
            let may_start = |at: usize| {
                let second = at + 3;
                let third = second + 3;
                filter.may_start(key(text, at), key(text, second), key(text, third))
            };
            let ids = |at: usize| text[at] == 0xE2 && text[at + 1] == 0xBF;
            for start in (0..text.len()).filter(|&at| three_three_byte(text, at)) {
                if start + BYTES_AHEAD > text.len() || ids(start) {
                    continue;
                }
                let end = match filter.quiet_run(avx2, text, start) {
                    RunEnd::Maybe(end) => {
                        proptest::prop_assert!(may_start(end) || ids(end), "{start} {end}");
                        end
                    }
                    RunEnd::Elsewhere(end) => {
                        // Three three-byte characters at `start`: one position at least.
                        proptest::prop_assert!(end > start);
                        proptest::prop_assert!(
                            !three_three_byte(text, end) || end + BYTES_AHEAD > text.len(),
                            "{start} {end}"
                        );
                        end
                    }
                };
                proptest::prop_assert!(end >= start && (end - start) % 3 == 0);
                for at in (start..end).step_by(3) {
                    proptest::prop_assert!(three_three_byte(text, at) && !ids(at));
                    proptest::prop_assert!(!may_start(at), "{start} {at}");
                }
            }
        }
    }
}
