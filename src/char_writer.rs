//! Appending one character to a `String` with a single store (one of the two files that
//! allow `unsafe` code, with `user_words/avx2.rs`).
//!
//! The per-character walk (`segment::write_each_character`) writes most characters one by
//! one. `String::push` branches on the character's length to encode it and again to store
//! it; here a three-byte character (nearly all Chinese text) is encoded without a branch,
//! and every character is stored as one unaligned four-byte word into capacity reserved
//! past the end, the length growing by the character's length only. The bytes stored past
//! it lie outside the string until the next write overwrites them.
#![allow(unsafe_code)]

use crate::trie::builder::three_byte_word;

/// Appends the character `cp` to `out`, as `String::push` does, or U+FFFD where `cp` is
/// no character.
///
/// For a loop that hands the string to other code between characters (s2t's walk calls
/// `on_match` at every phrase): there an [`Appender`], given up and made again around each
/// call, made s2t 5% slower.
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

/// Appends to a string character by character, for a loop that writes many: the room is
/// reserved ahead, and the length and the end of the room are kept in registers, the
/// string's own length being set when the appender is dropped.
pub(crate) struct Appender<'s> {
    bytes: &'s mut Vec<u8>,
    /// `bytes.as_mut_ptr()`, kept apart so that it stays in a register (the compiler
    /// cannot know that no store changes the vector's own fields).
    start: *mut u8,
    /// The length written so far: `bytes[..len]` is valid UTF-8.
    len: usize,
    /// `bytes.capacity()`, kept apart so that it stays in a register.
    capacity: usize,
}

impl<'s> Appender<'s> {
    /// An appender to `out`, with room reserved for `expected_bytes` bytes more.
    #[inline(always)]
    pub(crate) fn new(out: &'s mut String, expected_bytes: usize) -> Appender<'s> {
        out.reserve(expected_bytes + 8);
        // SAFETY: the bytes are only ever written past `len` (see `store`), and `len`
        // only grows by whole UTF-8 sequences, so `bytes[..len]` stays valid UTF-8; the
        // string's length becomes `len` in `drop`.
        let bytes = unsafe { out.as_mut_vec() };
        Appender {
            start: bytes.as_mut_ptr(),
            len: bytes.len(),
            capacity: bytes.capacity(),
            bytes,
        }
    }

    /// Appends a character of three bytes, given as the little-endian word of its UTF-8
    /// bytes.
    #[inline(always)]
    pub(crate) fn push_three_bytes(&mut self, word: u32) {
        debug_assert!(std::str::from_utf8(&word.to_le_bytes()[..3]).is_ok());
        self.store(u64::from(word), 3);
    }

    /// Appends the ASCII bytes that `word` (eight bytes of text, little-endian) starts
    /// with, and returns how many there are (0 to 8).
    #[inline(always)]
    pub(crate) fn push_ascii_prefix(&mut self, word: u64) -> usize {
        let non_ascii = word & 0x8080_8080_8080_8080;
        let len = (non_ascii.trailing_zeros() / 8) as usize;
        self.store(word, len);
        len
    }

    /// Stores the eight bytes of `word` at the end and keeps the first `len`, which are
    /// the UTF-8 encoding of whole characters.
    #[inline(always)]
    fn store(&mut self, word: u64, len: usize) {
        if self.len + 8 > self.capacity {
            (self.start, self.capacity) = grow(self.bytes, self.len);
        }
        // SAFETY: the eight bytes at `len` lie within the capacity (checked above), so
        // the store stays in the allocation, and no byte before `len` changes.
        unsafe {
            self.start
                .add(self.len)
                .cast::<[u8; 8]>()
                .write_unaligned(word.to_le_bytes());
        }
        self.len += len;
    }
}

/// Makes room in `bytes`, of which `len` are written, for a store of eight bytes, and for
/// half as much again as is written; returns the new start and capacity.
///
/// A function of its own, apart from the appender: where the appender's address is taken,
/// its loop keeps its fields in memory.
#[cold]
fn grow(bytes: &mut Vec<u8>, len: usize) -> (*mut u8, usize) {
    // SAFETY: `bytes[..len]` is valid UTF-8 (see `Appender::new`).
    unsafe { bytes.set_len(len) };
    bytes.reserve(8 + len / 2);
    (bytes.as_mut_ptr(), bytes.capacity())
}

impl Drop for Appender<'_> {
    fn drop(&mut self) {
        // SAFETY: `bytes[..len]` is valid UTF-8 (see `new`) and within the capacity.
        unsafe { self.bytes.set_len(self.len) };
    }
}

/// The UTF-8 encoding of the character `cp` (U+FFFD where it is none) as the low bytes of
/// a little-endian word, and its length.
#[inline(always)]
fn encode(cp: u32) -> (u32, usize) {
    // Three bytes, and no surrogate.
    if (0x800..0x10000).contains(&cp) && cp & 0xF800 != 0xD800 {
        return (three_byte_word(cp), 3);
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

    #[test]
    fn the_appender_writes_what_string_writes() {
        let text = "ab汉字, 词\u{FFFF}xyz 123456789 末\u{800}";
        for capacity in 0..20 {
            let mut ours = String::with_capacity(capacity);
            ours.push('前');
            let mut std = ours.clone();
            {
                let mut appender = Appender::new(&mut ours, 0);
                for (at, c) in text.char_indices() {
                    let rest = &text.as_bytes()[at..];
                    let mut window = [0xE6u8; 8];
                    window[..rest.len().min(8)].copy_from_slice(&rest[..rest.len().min(8)]);
                    let word = u64::from_le_bytes(window);
                    if c.is_ascii() {
                        let ascii = rest.iter().take(8).take_while(|b| b.is_ascii()).count();
                        assert_eq!(appender.push_ascii_prefix(word), ascii);
                        std.push_str(&text[at..at + ascii]);
                    } else {
                        assert_eq!(c.len_utf8(), 3);
                        appender.push_three_bytes(word as u32 & 0xFF_FFFF);
                        std.push(c);
                    }
                }
            }
            assert_eq!(ours, std);
        }
    }
}
