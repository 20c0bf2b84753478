//! The per-character tables that `build/detect_tables.rs` compiles from OpenCC's character
//! dictionaries: which characters belong to one script or are absent from one regional
//! standard, and what a naive converter writes for each one-to-many Simplified character.

include!(concat!(env!("OUT_DIR"), "/detect_tables.rs"));

/// A key of `STCharacters` that is not its own candidate, no candidate of any key and no key
/// of `TSCharacters`: written only in Simplified text (们, 国, 这).
pub(crate) const SIMPLIFIED: u8 = 1;
/// A key of `TSCharacters` that is not its own candidate, no candidate of any key and no key
/// of `STCharacters`: written only in Traditional text (們, 國, 這).
pub(crate) const TRADITIONAL: u8 = 2;
/// Both scripts write it, but `s2t` changes it by default (于 → 於, 后 → 後).
pub(crate) const LEANS_SIMPLIFIED: u8 = 32;
/// Both scripts write it, but `t2s` changes it by default (乾 → 干).
pub(crate) const LEANS_TRADITIONAL: u8 = 64;
/// Never in OpenCC's standard Traditional output (裡, 為, 説).
pub(crate) const NOT_STANDARD: u8 = 4;
/// Never in OpenCC's Taiwan output (裏, 着, 爲).
pub(crate) const NOT_TAIWAN: u8 = 8;
/// Never in OpenCC's Hong Kong output (裡, 臺, 說).
pub(crate) const NOT_HONG_KONG: u8 = 16;

/// The flags of a character outside U+3400..=U+9FFF.
pub(crate) fn sparse_flags(c: char) -> u8 {
    SPARSE
        .binary_search_by_key(&c, |&(key, _)| key)
        .map_or(0, |at| SPARSE[at].1)
}

/// The flags of a character of U+3400..=U+9FFF, given as its code point.
#[inline]
pub(crate) fn dense_flags(code: u32) -> u8 {
    DENSE[(code - DENSE_FIRST) as usize]
}

/// What a naive character-by-character converter writes for `c`, when `c` is a one-to-many
/// Simplified character: `c` itself when it is among its candidates (于, 干, 后), else its
/// first candidate (发 → 發).
pub(crate) fn naive(c: char) -> Option<char> {
    NAIVE
        .binary_search_by_key(&c, |&(key, _)| key)
        .ok()
        .map(|at| NAIVE[at].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flags(c: char) -> u8 {
        match u32::from(c) {
            code @ 0x3400..=0x9FFF => dense_flags(code),
            _ => sparse_flags(c),
        }
    }

    #[test]
    fn script_characters_follow_the_dictionaries() {
        for c in "们国这发个".chars() {
            assert_eq!(flags(c) & (SIMPLIFIED | TRADITIONAL), SIMPLIFIED, "{c}");
        }
        for c in "們國這發後個".chars() {
            assert_eq!(flags(c) & (SIMPLIFIED | TRADITIONAL), TRADITIONAL, "{c}");
        }
        // Shared by both scripts, or one-to-many with itself among the candidates.
        for c in "人大干于著台里只".chars() {
            assert_eq!(flags(c) & (SIMPLIFIED | TRADITIONAL), 0, "{c}");
        }
    }

    #[test]
    fn shared_characters_that_conversion_changes_lean() {
        for c in "于后里".chars() {
            assert_eq!(
                flags(c) & (LEANS_SIMPLIFIED | SIMPLIFIED),
                LEANS_SIMPLIFIED,
                "{c}"
            );
        }
        assert_eq!(flags('乾') & LEANS_TRADITIONAL, LEANS_TRADITIONAL);
        // 只 stays 只 by default; 台 is Hong Kong's form of 臺.
        assert_eq!(flags('只') & LEANS_SIMPLIFIED, 0);
        assert_eq!(flags('台') & LEANS_SIMPLIFIED, 0);
    }

    #[test]
    fn regional_forms_follow_the_variant_dictionaries() {
        assert_eq!(flags('裡') & NOT_STANDARD, NOT_STANDARD);
        assert_eq!(flags('裡') & NOT_HONG_KONG, NOT_HONG_KONG);
        assert_eq!(flags('裡') & NOT_TAIWAN, 0);
        assert_eq!(flags('裏') & NOT_TAIWAN, NOT_TAIWAN);
        assert_eq!(flags('着') & NOT_TAIWAN, NOT_TAIWAN);
        assert_eq!(flags('臺') & NOT_HONG_KONG, NOT_HONG_KONG);
        assert_eq!(flags('著'), 0);
    }

    #[test]
    fn naive_keeps_a_character_among_its_own_candidates() {
        assert_eq!(naive('于'), Some('于'));
        assert_eq!(naive('干'), Some('干'));
        assert_eq!(naive('发'), Some('發'));
        assert_eq!(naive('们'), None);
        assert!(NAIVE.windows(2).all(|pair| pair[0].0 < pair[1].0));
        assert!(SPARSE.windows(2).all(|pair| pair[0].0 < pair[1].0));
    }
}
