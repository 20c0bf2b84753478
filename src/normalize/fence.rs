//! Fenced code blocks, the one protected span that spans lines (spec §2).
//!
//! Each op keeps its own [`Fence`], because each op detects protected spans on its own
//! input: `fold_width` turns `｀｀｀` into a fence that only the ops after it see.

/// Whether an op's input is inside a fenced code block.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Fence {
    /// The fence character and run length of the open block.
    open: Option<(char, usize)>,
}

impl Fence {
    /// Feeds the next line, without its line break. Returns whether the line belongs to a
    /// fenced block (the fence lines included), and so must be copied unchanged.
    pub(crate) fn step(&mut self, line: impl Iterator<Item = char>) -> bool {
        let mut chars = line.peekable();
        // Outside a block, only a line that starts with a space or a fence character can
        // open one.
        if self.open.is_none() && !chars.peek().is_some_and(|c| matches!(c, ' ' | '`' | '~')) {
            return false;
        }
        let mut indent = 0;
        while indent < 3 && chars.next_if_eq(&' ').is_some() {
            indent += 1;
        }
        match self.open {
            Some((fence, length)) => {
                let mut run = 0;
                while chars.next_if_eq(&fence).is_some() {
                    run += 1;
                }
                // A closing line holds only the fence character; trailing blanks are
                // invisible and tolerated, as CommonMark does.
                if run >= length && chars.all(|c| c == ' ' || c == '\t') {
                    self.open = None;
                }
                true
            }
            None => {
                let Some(fence) = chars.next_if(|&c| c == '`' || c == '~') else {
                    return false;
                };
                let mut run = 1;
                while chars.next_if_eq(&fence).is_some() {
                    run += 1;
                }
                if run < 3 {
                    return false;
                }
                self.open = Some((fence, run));
                true
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fenced(lines: &[&str]) -> Vec<bool> {
        let mut fence = Fence::default();
        lines.iter().map(|line| fence.step(line.chars())).collect()
    }

    #[test]
    fn a_fence_closes_on_a_line_of_at_least_as_many_fence_characters() {
        assert_eq!(
            fenced(&["a", "```rust", "x", "``", "~~~", "````", "b"]),
            [false, true, true, true, true, true, false]
        );
        assert_eq!(
            fenced(&["   ~~~~", "~~~", "~~~~ x", "  ~~~~~  "]),
            [true; 4]
        );
        assert_eq!(fenced(&["    ```", "`` x", "中```"]), [false; 3]);
    }

    #[test]
    fn an_unclosed_fence_runs_to_the_end() {
        assert_eq!(fenced(&["```", "a", "b"]), [true; 3]);
    }
}
