//! Appending one character to a `String` with a single four-byte store: the crate's only
//! `unsafe` code.
//!
//! The per-character walk (`segment::write_each_character`) writes most characters one by
//! one. `String::push` branches on the character's length to encode it and again to store
//! it; here a three-byte character (nearly all Chinese text) is encoded without a branch,
//! and every character is stored as one unaligned four-byte word into capacity reserved
//! past the end, the length growing by the character's length only. The bytes stored past
//! it lie outside the string until the next write overwrites them.
#![allow(unsafe_code)]

/// Appends the character `cp` to `out`, as `String::push` does, or U+FFFD where `cp` is
/// no character.
#[inline(always)]
pub(crate) fn push_char(out: &mut String, cp: u32) {
    let (word, len) = encode(cp);
    out.reserve(4);
    // SAFETY: `reserve(4)` leaves room for four bytes past the end, so the store stays in
    // the string's allocation (`as_mut_vec` gives its bytes; none of them changes). The
    // length grows by `len`, and the first `len` bytes of `word` are the UTF-8 encoding of
    // one character (see `encode`): the string stays valid UTF-8.
    unsafe {
        let bytes = out.as_mut_vec();
        let end = bytes.len();
        bytes
            .as_mut_ptr()
            .add(end)
            .cast::<[u8; 4]>()
            .write_unaligned(word.to_le_bytes());
        bytes.set_len(end + len);
    }
}

/// The UTF-8 encoding of the character `cp` (U+FFFD where it is none) as the low bytes of
/// a little-endian word, and its length.
#[inline(always)]
fn encode(cp: u32) -> (u32, usize) {
    // Three bytes, and no surrogate.
    if (0x800..0x10000).contains(&cp) && cp & 0xF800 != 0xD800 {
        let word = (0xE0 | cp >> 12) | (0x80 | (cp >> 6 & 0x3F)) << 8 | (0x80 | (cp & 0x3F)) << 16;
        return (word, 3);
    }
    let mut buf = [0; 4];
    let c = char::from_u32(cp).unwrap_or(char::REPLACEMENT_CHARACTER);
    let len = c.encode_utf8(&mut buf).len();
    (u32::from_le_bytes(buf), len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_what_string_push_writes() {
        let chars = [
            'a', '\0', '\u{7F}', 'é', '\u{7FF}', '\u{800}', '汉', '\u{FFFF}', '𠮷',
        ];
        let mut std = String::from("前");
        let mut ours = String::from("前");
        for c in chars.iter().chain(&['\u{10FFFF}']) {
            push_char(&mut ours, *c as u32);
            std.push(*c);
            assert_eq!(ours, std);
        }
    }

    #[test]
    fn writes_the_replacement_character_for_no_character() {
        let mut out = String::new();
        for cp in [0xD800, 0xDFFF, 0x11_0000, u32::MAX] {
            push_char(&mut out, cp);
        }
        assert_eq!(out, "\u{FFFD}".repeat(4));
    }

    #[test]
    fn grows_from_any_capacity() {
        for capacity in 0..12 {
            let mut out = String::with_capacity(capacity);
            for c in "一二三四五六七八九十".chars().cycle().take(1000) {
                push_char(&mut out, c as u32);
            }
            assert_eq!(out, "一二三四五六七八九十".repeat(100));
        }
    }
}
