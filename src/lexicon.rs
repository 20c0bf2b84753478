//! OpenCC's text dictionary format, parsed with all of OpenCC 1.4.2's quirks.
//!
//! This file uses only `std`: `build.rs` includes it to compile the built-in dictionaries,
//! and the crate uses it for dictionaries loaded at run time, so both read the format the
//! same way.
//!
//! The rules (OpenCC's `Lexicon::ParseLexiconFromBuffer`):
//! - a UTF-8 byte-order mark is skipped at byte 0 of the file only;
//! - lines end at `\n`, and a line ends early at its first `\r`: a lone `\r` is no line
//!   break, but everything after it up to the next `\n` is ignored (checked against the
//!   PyPI `opencc` 1.4.2: `a\tA\rX Y` maps `a` to `A`, and `a\rb\tX` has no tab);
//! - an empty line, or one whose first byte is `#`, is skipped;
//! - the key is everything before the first tab (it may hold spaces); no tab is an error;
//! - the candidates are the rest of the line split on every single space, so repeated or
//!   leading spaces make empty candidates, and the first candidate is the one used;
//! - a key that occurs twice is an error.

use std::collections::HashSet;
use std::fmt;

/// One dictionary entry: a key and its candidates, the first being the default.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The text to match.
    pub key: String,
    /// The replacements, in the file's order; never empty.
    pub candidates: Vec<String>,
}

/// Why a text dictionary could not be read, and on which line (counted from 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconError {
    /// The 1-based line number.
    pub line: usize,
    /// What is wrong with that line.
    pub kind: LexiconErrorKind,
}

/// The ways a line of a text dictionary can be wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LexiconErrorKind {
    /// The line has no tab between key and candidates.
    MissingTab,
    /// The key was already defined on an earlier line.
    DuplicateKey(String),
    /// The line is not valid UTF-8.
    InvalidUtf8,
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.kind)
    }
}

impl fmt::Display for LexiconErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LexiconErrorKind::MissingTab => f.write_str("no tab between the key and its values"),
            LexiconErrorKind::DuplicateKey(key) => write!(f, "the key {key:?} is defined twice"),
            LexiconErrorKind::InvalidUtf8 => f.write_str("invalid UTF-8"),
        }
    }
}

/// Parses a whole text dictionary.
pub fn parse(bytes: &[u8]) -> Result<Vec<Entry>, LexiconError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut entries = Vec::new();
    let mut seen = HashSet::new();
    for (index, raw_line) in bytes.split(|&b| b == b'\n').enumerate() {
        let line_number = index + 1;
        let line = match raw_line.iter().position(|&b| b == b'\r') {
            Some(cr) => &raw_line[..cr],
            None => raw_line,
        };
        if line.is_empty() || line[0] == b'#' {
            continue;
        }
        let error = |kind| LexiconError {
            line: line_number,
            kind,
        };
        let line = std::str::from_utf8(line).map_err(|_| error(LexiconErrorKind::InvalidUtf8))?;
        let (key, values) = line
            .split_once('\t')
            .ok_or(error(LexiconErrorKind::MissingTab))?;
        if !seen.insert(key) {
            return Err(error(LexiconErrorKind::DuplicateKey(key.to_owned())));
        }
        entries.push(Entry {
            key: key.to_owned(),
            candidates: values.split(' ').map(str::to_owned).collect(),
        });
    }
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidates(text: &str) -> Vec<(String, Vec<String>)> {
        parse(text.as_bytes())
            .unwrap()
            .into_iter()
            .map(|entry| (entry.key, entry.candidates))
            .collect()
    }

    fn owned(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn follows_opencc_quirks() {
        assert_eq!(
            candidates("a\tA B\n"),
            vec![("a".into(), owned(&["A", "B"]))]
        );
        assert_eq!(
            candidates("\u{FEFF}a\tA\r\n"),
            vec![("a".into(), owned(&["A"]))]
        );
        // A BOM later than byte 0 belongs to the key.
        assert_eq!(candidates("a\tA\n\u{FEFF}b\tB")[1].0, "\u{FEFF}b");
        // A lone CR is not a line end, but the rest of its line is ignored.
        assert_eq!(
            candidates("a\tA\rb\tB\r"),
            vec![("a".into(), owned(&["A"]))]
        );
        assert_eq!(
            candidates("a\tA B\rX Y\n\rjunk\nc\t\rC"),
            vec![("a".into(), owned(&["A", "B"])), ("c".into(), owned(&[""]))]
        );
        assert_eq!(
            parse(b"a\rb\tX").unwrap_err().kind,
            LexiconErrorKind::MissingTab
        );
        assert_eq!(
            candidates("# c\n\na b\tAB"),
            vec![("a b".into(), owned(&["AB"]))]
        );
        assert_eq!(candidates("a\t A1")[0].1, owned(&["", "A1"]));
        assert_eq!(candidates("a\t")[0].1, owned(&[""]));
        assert_eq!(candidates("a\t\tA")[0].1, owned(&["\tA"]));
        assert_eq!(candidates("a\tA # x")[0].1, owned(&["A", "#", "x"]));
        assert_eq!(candidates("a\tA ")[0].1, owned(&["A", ""]));
    }

    #[test]
    fn reports_the_line_of_an_error() {
        let error = parse(b"a\tA\n\n # x\n").unwrap_err();
        assert_eq!(
            error,
            LexiconError {
                line: 3,
                kind: LexiconErrorKind::MissingTab
            }
        );
        let error = parse(b"a\tA\nb\tB\na\tC").unwrap_err();
        assert_eq!(error.line, 3);
        assert_eq!(error.kind, LexiconErrorKind::DuplicateKey("a".into()));
        assert_eq!(
            parse(b"a\tA\n\xFF\tB").unwrap_err().kind,
            LexiconErrorKind::InvalidUtf8
        );
    }
}
