//! The crate's one error type.

use std::fmt;

/// Everything that can go wrong in this crate.
///
/// Converting a `&str` never fails; errors come from bytes that are not UTF-8, from I/O in
/// the streaming API, from names that are not OpenCC configurations, and from configuration
/// files and dictionaries that cannot be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input is not valid UTF-8: the first byte that is not part of a valid UTF-8
    /// sequence is at `offset` (from the start of the whole input, across every chunk of a
    /// stream), on line `line`.
    #[error("invalid UTF-8 at line {line}, byte offset {offset}")]
    InvalidUtf8 {
        /// Byte offset of the first invalid byte, counted from 0.
        offset: u64,
        /// The line it is on, counted from 1.
        line: u64,
    },
    /// Reading the input or writing the output failed.
    #[error("{operation} failed: {message}")]
    Io {
        /// What was being done: "reading the input" or "writing the output".
        operation: IoOperation,
        /// The operating system's description of the failure.
        message: String,
        /// The kind of I/O failure.
        kind: std::io::ErrorKind,
    },
    /// A configuration name that is not one of OpenCC's 16.
    #[error("unknown configuration {name:?}; valid names are: {valid}")]
    UnknownConfig {
        /// The name that was given.
        name: String,
        /// The valid names, comma-separated.
        valid: String,
    },
    /// An OpenCC configuration file that cannot be used: not JSON, a member of the wrong
    /// kind, a dictionary file that cannot be found or read, a limit of this crate.
    #[error("{file}{}: {message}", location(*.line, .json_path.as_deref()))]
    Config {
        /// The configuration file.
        file: String,
        /// The line of the offending value, counted from 1, where known.
        line: Option<usize>,
        /// The JSON path of the offending value (`conversion_chain[0].dict.type`), where
        /// known.
        json_path: Option<String>,
        /// What is wrong.
        message: String,
    },
    /// A text dictionary (named by a configuration, or user phrases) with a line that
    /// cannot be read: no tab, a key defined twice, invalid UTF-8.
    #[error("{file}: {}{message}", line.map_or(String::new(), |line| format!("line {line}: ")))]
    Dictionary {
        /// The dictionary file (or "user phrases" for text given as a string).
        file: String,
        /// The line, counted from 1; `None` when the file as a whole cannot be read or a
        /// limit of this crate is exceeded.
        line: Option<usize>,
        /// What is wrong, and which configuration named the file.
        message: String,
    },
    /// A normalization profile name that is not one of the spec's.
    #[error("unknown normalization profile {name:?}; valid names are: {valid}")]
    UnknownProfile {
        /// The name that was given.
        name: String,
        /// The valid names, comma-separated.
        valid: String,
    },
    /// A repair target name that is not `t`, `tw` or `hk`.
    #[error("unknown repair target {name:?}; valid names are: t, tw, hk")]
    UnknownRepairTarget {
        /// The name that was given.
        name: String,
    },
    /// A normalization op name that is not one of the spec's op ids.
    #[error("unknown normalization op {name:?}; valid names are: {valid}")]
    UnknownOp {
        /// The name that was given.
        name: String,
        /// The valid names, comma-separated.
        valid: String,
    },
}

/// `", line N, at PATH"` as far as known, for [`Error::Config`].
fn location(line: Option<usize>, json_path: Option<&str>) -> String {
    let mut at = String::new();
    if let Some(line) = line {
        at.push_str(&format!(", line {line}"));
    }
    if let Some(path) = json_path.filter(|path| !path.is_empty()) {
        at.push_str(&format!(", at {path}"));
    }
    at
}

/// Which side of a stream an [`Error::Io`] happened on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum IoOperation {
    /// Reading the input.
    Read,
    /// Writing the output.
    Write,
}

impl fmt::Display for IoOperation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            IoOperation::Read => "reading the input",
            IoOperation::Write => "writing the output",
        })
    }
}

impl Error {
    /// The error for `bytes`, whose first `valid` bytes are valid UTF-8 and hold
    /// `lines_before` newlines, starting at `offset` in the whole input.
    pub(crate) fn invalid_utf8(
        bytes: &[u8],
        valid: usize,
        offset: u64,
        lines_before: u64,
    ) -> Error {
        let newlines = bytes[..valid].iter().filter(|&&b| b == b'\n').count() as u64;
        Error::InvalidUtf8 {
            offset: offset + valid as u64,
            line: lines_before + newlines + 1,
        }
    }

    pub(crate) fn io(operation: IoOperation, error: &std::io::Error) -> Error {
        Error::Io {
            operation,
            message: error.to_string(),
            kind: error.kind(),
        }
    }
}
