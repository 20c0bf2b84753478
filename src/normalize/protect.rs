//! Protected spans inside one line: inline code, URLs and e-mail addresses (spec §2).
//!
//! Every op copies these byte for byte but still sees them as neighbours. Fenced code is
//! the fourth kind; it is whole lines, so it lives in `fence.rs` and never reaches here.

use std::collections::HashMap;

/// What a protected span is. Only code spans are told apart: their backticks start and end
/// words for `cjk_spacing`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SpanKind {
    /// Inline code, backticks included.
    Code,
    /// A URL or an e-mail address.
    Link,
}

/// A protected span, as a half-open range of char indices into its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    pub(crate) kind: SpanKind,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// Finds the protected spans of `line`, which holds no line break, into `spans` in order.
pub(crate) fn find(line: &[char], spans: &mut Vec<Span>) {
    spans.clear();
    // Most lines hold none of the marks every kind needs: a backtick, "://", "www." or "@".
    let mut backtick = false;
    let mut link = false;
    for (i, &c) in line.iter().enumerate() {
        match c {
            '`' => backtick = true,
            '@' => link = true,
            ':' => link |= line[i + 1..].starts_with(&['/', '/']),
            '.' => link |= i >= 3 && line[i - 3..i].iter().all(|c| c.eq_ignore_ascii_case(&'w')),
            _ => {}
        }
    }
    let code = if backtick {
        code_spans(line)
    } else {
        Vec::new()
    };
    if !link {
        spans.extend(code);
        return;
    }
    // URLs and addresses cannot contain a backtick, so they never cross a code span, and a
    // left-to-right scan of the gaps between code spans finds each at its leftmost start.
    let mut next_code = code.iter().peekable();
    let mut links = LinkScanner::default();
    let mut i = 0;
    while i < line.len() {
        if let Some(span) = next_code.next_if(|span| span.start == i) {
            spans.push(*span);
            i = span.end;
            continue;
        }
        if let Some(end) = links.url_at(line, i).or_else(|| links.email_at(line, i)) {
            spans.push(Span {
                kind: SpanKind::Link,
                start: i,
                end,
            });
            i = end;
            continue;
        }
        i += 1;
    }
}

/// Inline code: a run of n backticks up to the next run of exactly n backticks. An opening
/// run without a partner is literal text, and the next run may open instead.
fn code_spans(line: &[char]) -> Vec<Span> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < line.len() {
        if line[i] == '`' {
            let start = i;
            while i < line.len() && line[i] == '`' {
                i += 1;
            }
            runs.push((start, i));
        } else {
            i += 1;
        }
    }
    if runs.len() < 2 {
        return Vec::new();
    }
    // The next run of the same length, found once from the right so that many unmatched
    // runs do not make the search quadratic.
    let mut next_same = vec![usize::MAX; runs.len()];
    let mut last_of_length: HashMap<usize, usize> = HashMap::new();
    for (index, &(start, end)) in runs.iter().enumerate().rev() {
        if let Some(&next) = last_of_length.get(&(end - start)) {
            next_same[index] = next;
        }
        last_of_length.insert(end - start, index);
    }
    let mut spans = Vec::new();
    let mut index = 0;
    while index < runs.len() {
        let close = next_same[index];
        if close == usize::MAX {
            index += 1;
        } else {
            spans.push(Span {
                kind: SpanKind::Code,
                start: runs[index].0,
                end: runs[close].1,
            });
            index = close + 1;
        }
    }
    spans
}

/// Finds URLs and e-mail addresses. It remembers where the last failed scheme and local
/// part ended, so that a long run of candidate characters is scanned once, not once per
/// position.
#[derive(Default)]
struct LinkScanner {
    no_scheme_before: usize,
    no_email_before: usize,
}

impl LinkScanner {
    /// A URL starting at `i`: `scheme://` or `www.`, not preceded by `[A-Za-z0-9.]`, then
    /// the longest run of URL characters, less trailing punctuation.
    fn url_at(&mut self, line: &[char], i: usize) -> Option<usize> {
        if !line[i].is_ascii_alphabetic() || i > 0 && is_url_boundary_blocker(line[i - 1]) {
            return None;
        }
        let prefix_end = if i >= self.no_scheme_before {
            let mut j = i + 1;
            while j < line.len() && is_scheme_char(line[j]) {
                j += 1;
            }
            if line[j..].starts_with(&[':', '/', '/']) {
                Some(j + 3)
            } else {
                // Every later start inside this run ends at the same j without "://".
                self.no_scheme_before = j;
                None
            }
        } else {
            None
        };
        let prefix_end = prefix_end.or_else(|| {
            let www = line.get(i..i + 4)?;
            let is_www = www[..3].iter().all(|c| c.eq_ignore_ascii_case(&'w')) && www[3] == '.';
            is_www.then_some(i + 4)
        })?;
        let mut end = prefix_end;
        while end < line.len() && is_url_char(line[end]) {
            end += 1;
        }
        Some(strip_url_tail(&line[i..end], prefix_end - i) + i)
    }

    /// An e-mail address starting at `i`: the maximal
    /// `[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+`.
    fn email_at(&mut self, line: &[char], i: usize) -> Option<usize> {
        if i < self.no_email_before
            || !is_local_char(line[i])
            || i > 0 && is_local_char(line[i - 1])
        {
            return None;
        }
        let mut at = i;
        while at < line.len() && is_local_char(line[at]) {
            at += 1;
        }
        self.no_email_before = at;
        if line.get(at) != Some(&'@') {
            return None;
        }
        let label = |from: usize| {
            let mut end = from;
            while end < line.len() && is_domain_char(line[end]) {
                end += 1;
            }
            (end > from).then_some(end)
        };
        let mut end = label(at + 1)?;
        let mut labels = 1;
        while line.get(end) == Some(&'.') {
            match label(end + 1) {
                Some(next) => {
                    end = next;
                    labels += 1;
                }
                None => break,
            }
        }
        (labels >= 2).then_some(end)
    }
}

/// Strips trailing `.,;:!?'"` and unbalanced `)` from a URL candidate, never into its
/// `scheme://` or `www.` prefix. Returns the new length.
fn strip_url_tail(url: &[char], prefix: usize) -> usize {
    let opens = url.iter().filter(|&&c| c == '(').count();
    let mut closes = url.iter().filter(|&&c| c == ')').count();
    let mut end = url.len();
    while end > prefix {
        match url[end - 1] {
            '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '"' => end -= 1,
            ')' if closes > opens => {
                end -= 1;
                closes -= 1;
            }
            _ => break,
        }
    }
    end
}

fn is_url_boundary_blocker(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '.'
}

fn is_scheme_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-')
}

fn is_url_char(c: char) -> bool {
    matches!(c, '\u{21}'..='\u{7E}') && !matches!(c, '<' | '>' | '"' | '`')
}

fn is_local_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')
}

fn is_domain_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<(SpanKind, String)> {
        let chars: Vec<char> = text.chars().collect();
        let mut found = Vec::new();
        find(&chars, &mut found);
        found
            .iter()
            .map(|span| (span.kind, chars[span.start..span.end].iter().collect()))
            .collect()
    }

    fn link(text: &str) -> (SpanKind, String) {
        (SpanKind::Link, text.to_owned())
    }

    #[test]
    fn urls_end_at_non_ascii_and_lose_trailing_punctuation() {
        assert_eq!(spans("访问https://a.com获取"), [link("https://a.com")]);
        assert_eq!(
            spans("见 https://a.com/x?y=1,2. 好"),
            [link("https://a.com/x?y=1,2")]
        );
        assert_eq!(spans("(see www.A.com/x_(y))."), [link("www.A.com/x_(y)")]);
        assert_eq!(spans("(www.a.com)"), [link("www.a.com")]);
        assert_eq!(spans("xwww.a.com 1http://b .www.c"), []);
        assert_eq!(spans("a.http://b"), [link("a.http://b")]);
        assert_eq!(spans("git+ssh://h/p"), [link("git+ssh://h/p")]);
    }

    #[test]
    fn emails_are_maximal() {
        assert_eq!(
            spans("联系abc.def@example.com,谢谢"),
            [link("abc.def@example.com")]
        );
        assert_eq!(spans("a@b 或 a@b.c."), [link("a@b.c")]);
        assert_eq!(spans("x@@y.z"), []);
    }

    #[test]
    fn code_spans_pair_runs_of_equal_length() {
        let code = |text: &str| (SpanKind::Code, text.to_owned());
        assert_eq!(spans("见`a,b`。"), [code("`a,b`")]);
        assert_eq!(spans("``a`b`` ` x"), [code("``a`b``")]);
        assert_eq!(spans("` ``a`` x"), [code("``a``")]);
        assert_eq!(
            spans("`http://a.com` www.b.com"),
            [code("`http://a.com`"), link("www.b.com")]
        );
    }
}
