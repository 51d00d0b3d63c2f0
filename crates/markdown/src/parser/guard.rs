//! Guards that keep span parsing near-linear on hostile input. kramdown tries
//! an emphasis or link, scans ahead for its closer and backtracks on failure,
//! which is quadratic (or exponential, for nested attempts) on runs of
//! unclosed `*`, `[`, `~~` or `{:`. The index below proves cheaply that no
//! closer exists, and a work budget bounds what is left.

use crate::scan::{is_word_char, is_ws};

/// Positions of possible closers in one span-level string, sorted.
#[derive(Default, Debug)]
pub(crate) struct SpanIndex {
    /// `*` after a non-space character.
    star: Vec<usize>,
    /// `_` after a non-space character.
    under: Vec<usize>,
    /// `**` / `__` after a non-space character.
    star2: Vec<usize>,
    under2: Vec<usize>,
    /// `]`.
    bracket: Vec<usize>,
    /// `)`.
    paren: Vec<usize>,
    /// `}`.
    brace: Vec<usize>,
    /// A non-space, non-`~` character followed by `~~`.
    strike: Vec<usize>,
}

/// The first occurrence of a needle at or after a position, remembered:
/// a scanner asks from positions that only grow, so each stretch of the
/// string is searched once however many openers wait for a closer.
pub(crate) struct NextMatch {
    needle: &'static str,
    /// (from, first occurrence at or after `from`).
    last: std::cell::Cell<Option<(usize, Option<usize>)>>,
}

impl NextMatch {
    pub fn new(needle: &'static str) -> NextMatch {
        NextMatch {
            needle,
            last: std::cell::Cell::new(None),
        }
    }

    /// The start of the first occurrence in `s` at or after `p`.
    pub fn from(&self, s: &str, p: usize) -> Option<usize> {
        if let Some((from, found)) = self.last.get() {
            if p >= from && found.is_none_or(|f| p <= f) {
                return found;
            }
        }
        let found = s
            .as_bytes()
            .get(p..)
            .and_then(|rest| crate::scan::find_bytes(rest, self.needle.as_bytes()))
            .map(|i| p + i);
        self.last.set(Some((p, found)));
        found
    }
}

fn any_at_or_after(v: &[usize], p: usize) -> bool {
    v.last().is_some_and(|&l| l >= p)
}

impl SpanIndex {
    pub fn build(s: &str) -> SpanIndex {
        let b = s.as_bytes();
        let mut idx = SpanIndex::default();
        for (i, &c) in b.iter().enumerate() {
            match c {
                b'*' | b'_' if i > 0 && !is_ws(b[i - 1]) => {
                    let double = b.get(i + 1) == Some(&c);
                    match (c, double) {
                        (b'*', true) => {
                            idx.star.push(i);
                            idx.star2.push(i)
                        }
                        (b'*', false) => idx.star.push(i),
                        (_, true) => {
                            idx.under.push(i);
                            idx.under2.push(i)
                        }
                        _ => idx.under.push(i),
                    }
                }
                b']' => idx.bracket.push(i),
                b')' => idx.paren.push(i),
                b'}' => idx.brace.push(i),
                b'~' if i > 0
                    && b[i - 1] != b'~'
                    && !is_ws(b[i - 1])
                    && b.get(i + 1) == Some(&b'~') =>
                {
                    idx.strike.push(i - 1)
                }
                _ => {}
            }
        }
        let _ = is_word_char;
        idx
    }
    /// Could an emphasis closer `d` appear at or after `p`?
    pub fn emphasis_closer(&self, d: u8, p: usize) -> bool {
        any_at_or_after(if d == b'*' { &self.star } else { &self.under }, p)
    }
    /// Could a strong closer `dd` appear at or after `p`?
    pub fn strong_closer(&self, d: u8, p: usize) -> bool {
        any_at_or_after(if d == b'*' { &self.star2 } else { &self.under2 }, p)
    }
    pub fn bracket_after(&self, p: usize) -> bool {
        any_at_or_after(&self.bracket, p)
    }
    pub fn paren_after(&self, p: usize) -> bool {
        any_at_or_after(&self.paren, p)
    }
    pub fn brace_after(&self, p: usize) -> bool {
        any_at_or_after(&self.brace, p)
    }
    /// The first strikethrough closer start at or after `p`.
    pub fn strike_from(&self, p: usize) -> Option<usize> {
        let i = self.strike.partition_point(|&x| x < p);
        self.strike.get(i).copied()
    }
}

/// Work allowed for one span-level string: generous for any real document.
pub(crate) fn budget_for(len: usize) -> i64 {
    64 * len as i64 + 200_000
}
