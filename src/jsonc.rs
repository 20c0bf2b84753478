//! A small JSON parser that accepts what OpenCC's configuration reader (RapidJSON with
//! comments and trailing commas) accepts, and remembers the line of every value so that a
//! configuration error can name it.
//!
//! This file uses only `std`: `build.rs` includes it to read the built-in configurations,
//! and the crate uses it for configurations given at run time.
//!
//! Accepted beyond strict JSON: `//` line comments, `/* */` block comments, a trailing
//! comma before `]` or `}`, and a UTF-8 byte-order mark at the start. Object members keep
//! their order, and a repeated name is kept twice (the configuration reader decides).

use std::fmt;

/// How deep arrays and objects may nest: deeper input is an error, not a stack overflow.
pub const MAX_DEPTH: usize = 64;

/// A parsed value and the line (from 1) where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    /// The 1-based line of the value's first character.
    pub line: usize,
    /// What the value is.
    pub kind: Kind,
}

/// The kinds of JSON values.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as written (configurations hold none that matter).
    Number(String),
    /// A string, unescaped.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object's members in order, repeated names included.
    Object(Vec<(String, Value)>),
}

impl Kind {
    /// The JSON name of the kind, for messages: "a string", "an object".
    pub fn describe(&self) -> &'static str {
        match self {
            Kind::Null => "null",
            Kind::Bool(_) => "a boolean",
            Kind::Number(_) => "a number",
            Kind::String(_) => "a string",
            Kind::Array(_) => "an array",
            Kind::Object(_) => "an object",
        }
    }
}

impl Value {
    /// The member `name` of an object (the first, if repeated); `None` for a missing
    /// member or a value that is no object.
    pub fn get(&self, name: &str) -> Option<&Value> {
        match &self.kind {
            Kind::Object(members) => members
                .iter()
                .find(|(member, _)| member == name)
                .map(|(_, value)| value),
            _ => None,
        }
    }
}

/// Why a text is not JSON: what and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// The 1-based line.
    pub line: usize,
    /// The 1-based column, in characters.
    pub column: usize,
    /// What was expected or found.
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.line, self.column, self.message
        )
    }
}

/// Parses a whole text as one JSON value.
pub fn parse(text: &str) -> Result<Value, ParseError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut parser = Parser {
        text,
        at: 0,
        depth: 0,
    };
    let value = parser.value()?;
    parser.skip_blank()?;
    if parser.at < text.len() {
        return Err(parser.error("unexpected text after the end of the JSON value"));
    }
    Ok(value)
}

struct Parser<'a> {
    text: &'a str,
    at: usize,
    depth: usize,
}

impl Parser<'_> {
    fn error(&self, message: impl Into<String>) -> ParseError {
        let before = &self.text[..self.at];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        ParseError {
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
            message: message.into(),
        }
    }

    fn line(&self) -> usize {
        self.text[..self.at].matches('\n').count() + 1
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn skip_blank(&mut self) -> Result<(), ParseError> {
        loop {
            let rest = &self.text[self.at..];
            if let Some(c) = rest
                .chars()
                .next()
                .filter(|c| matches!(c, ' ' | '\t' | '\n' | '\r'))
            {
                self.at += c.len_utf8();
            } else if rest.starts_with("//") {
                self.at += rest.find('\n').unwrap_or(rest.len());
            } else if let Some(comment) = rest.strip_prefix("/*") {
                match comment.find("*/") {
                    Some(end) => self.at += end + 4,
                    None => return Err(self.error("a /* comment is never closed")),
                }
            } else {
                return Ok(());
            }
        }
    }

    fn value(&mut self) -> Result<Value, ParseError> {
        self.skip_blank()?;
        let line = self.line();
        let kind = match self.peek() {
            Some(b'{') => self.nested(Parser::object)?,
            Some(b'[') => self.nested(Parser::array)?,
            Some(b'"') => Kind::String(self.string()?),
            Some(b't') => self.literal("true", Kind::Bool(true))?,
            Some(b'f') => self.literal("false", Kind::Bool(false))?,
            Some(b'n') => self.literal("null", Kind::Null)?,
            Some(b'-' | b'0'..=b'9') => self.number()?,
            Some(_) => {
                let found = self.text[self.at..].chars().next().unwrap_or(' ');
                return Err(self.error(format!("expected a JSON value, found {found:?}")));
            }
            None => return Err(self.error("expected a JSON value, found the end of the text")),
        };
        Ok(Value { line, kind })
    }

    fn nested(
        &mut self,
        parse: fn(&mut Self) -> Result<Kind, ParseError>,
    ) -> Result<Kind, ParseError> {
        if self.depth == MAX_DEPTH {
            return Err(self.error(format!("arrays and objects nest deeper than {MAX_DEPTH}")));
        }
        self.depth += 1;
        let kind = parse(self);
        self.depth -= 1;
        kind
    }

    fn literal(&mut self, word: &str, kind: Kind) -> Result<Kind, ParseError> {
        if self.text[self.at..].starts_with(word) {
            self.at += word.len();
            Ok(kind)
        } else {
            Err(self.error("expected a JSON value (true, false, null, a number, a string, an array or an object)"))
        }
    }

    fn number(&mut self) -> Result<Kind, ParseError> {
        let start = self.at;
        let rest = &self.text.as_bytes()[start..];
        let len = rest
            .iter()
            .position(|b| !matches!(b, b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9'))
            .unwrap_or(rest.len());
        let number = &self.text[start..start + len];
        if number.parse::<f64>().is_err() || number.starts_with('+') {
            return Err(self.error(format!("{number:?} is not a number")));
        }
        self.at += len;
        Ok(Kind::Number(number.to_owned()))
    }

    fn string(&mut self) -> Result<String, ParseError> {
        self.at += 1;
        let mut out = String::new();
        loop {
            let rest = &self.text[self.at..];
            let Some(c) = rest.chars().next() else {
                return Err(self.error("a string is never closed"));
            };
            match c {
                '"' => {
                    self.at += 1;
                    return Ok(out);
                }
                '\\' => {
                    self.at += 1;
                    out.push(self.escape()?);
                }
                c if (c as u32) < 0x20 => {
                    return Err(
                        self.error("a control character (such as a line break) inside a string")
                    );
                }
                c => {
                    out.push(c);
                    self.at += c.len_utf8();
                }
            }
        }
    }

    fn escape(&mut self) -> Result<char, ParseError> {
        let c = self
            .peek()
            .ok_or_else(|| self.error("a string is never closed"))?;
        self.at += 1;
        Ok(match c {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{C}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let high = self.hex4()?;
                if (0xD800..0xDC00).contains(&high) && self.text[self.at..].starts_with("\\u") {
                    self.at += 2;
                    let low = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&low) {
                        return Err(self.error("a \\u escape holds half of a surrogate pair"));
                    }
                    char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
                        .ok_or_else(|| self.error("an invalid \\u escape"))?
                } else {
                    char::from_u32(high)
                        .ok_or_else(|| self.error("a \\u escape holds half of a surrogate pair"))?
                }
            }
            _ => {
                self.at -= 1;
                return Err(self.error("an unknown escape after a backslash"));
            }
        })
    }

    fn hex4(&mut self) -> Result<u32, ParseError> {
        let digits = self.text.get(self.at..self.at + 4).unwrap_or("");
        let value = u32::from_str_radix(digits, 16)
            .ok()
            .filter(|_| digits.bytes().all(|b| b.is_ascii_hexdigit()))
            .ok_or_else(|| self.error("\\u must be followed by four hexadecimal digits"))?;
        self.at += 4;
        Ok(value)
    }

    fn array(&mut self) -> Result<Kind, ParseError> {
        self.at += 1;
        let mut items = Vec::new();
        loop {
            self.skip_blank()?;
            if self.peek() == Some(b']') {
                self.at += 1;
                return Ok(Kind::Array(items));
            }
            items.push(self.value()?);
            self.skip_blank()?;
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {}
                _ => return Err(self.error("expected ',' or ']' in an array")),
            }
        }
    }

    fn object(&mut self) -> Result<Kind, ParseError> {
        self.at += 1;
        let mut members = Vec::new();
        loop {
            self.skip_blank()?;
            match self.peek() {
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Kind::Object(members));
                }
                Some(b'"') => {}
                _ => return Err(self.error("expected a member name in double quotes or '}'")),
            }
            let name = self.string()?;
            self.skip_blank()?;
            if self.peek() != Some(b':') {
                return Err(self.error(format!("expected ':' after the member name {name:?}")));
            }
            self.at += 1;
            members.push((name, self.value()?));
            self.skip_blank()?;
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {}
                _ => return Err(self.error("expected ',' or '}' in an object")),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_comments_trailing_commas_and_escapes() {
        let value = parse(
            "\u{FEFF}// a config\n{\n  \"a\": [1, -2.5e3, true, null,], /* x */\n  \"b\": \"\\u6c49\\ud83d\\ude00\\n\",\n}",
        )
        .unwrap();
        let Kind::Array(items) = &value.get("a").unwrap().kind else {
            panic!("{value:?}")
        };
        assert_eq!(items.len(), 4);
        assert_eq!(items[0].line, 3);
        let b = value.get("b").unwrap();
        assert_eq!(b.kind, Kind::String("汉😀\n".into()));
        assert_eq!(b.line, 4);
    }

    #[test]
    fn errors_name_line_and_column() {
        let error = parse("{\n  \"a\": 1\n  \"b\": 2\n}").unwrap_err();
        assert_eq!((error.line, error.column), (3, 3), "{error}");
        assert!(parse("[1, 2").is_err());
        assert!(parse("{\"a\" 1}").is_err());
        assert!(parse("/* open").is_err());
        assert!(parse("\"\\x\"").is_err());
        assert!(parse("[1] 2").is_err());
        assert!(parse("+1").is_err());
        let deep = "[".repeat(MAX_DEPTH + 1);
        assert!(parse(&deep).unwrap_err().message.contains("deeper"));
    }
}
