//! Ruby's `File.fnmatch?` without flags, as Jekyll's `include`/`exclude` use it.
//!
//! Without `FNM_PATHNAME`, `*` and `?` also match `/`; `**` is just two stars;
//! `[...]` is a character class (`!` or `^` negates, `a-z` ranges) and `\`
//! escapes the next character. Braces are literal (no `FNM_EXTGLOB`). A leading
//! `.` of the whole string is only matched by a literal dot (no `FNM_DOTMATCH`).

/// Whether `text` matches the glob `pattern` the way `File.fnmatch?(pattern, text)` does.
pub fn fnmatch(pattern: &str, text: &str) -> bool {
    if text.starts_with('.') && !pattern.starts_with('.') && !pattern.starts_with("\\.") {
        // A leading period must be matched explicitly.
        return false;
    }
    matches_rest(pattern, text)
}

/// [`fnmatch`] without the leading-period rule: for the rest of a pattern
/// and a text after a literal prefix they share.
pub(crate) fn matches_rest(pattern: &str, text: &str) -> bool {
    // The usual `exclude` list against every file the reader finds: most
    // patterns are literal at their start, or a star and a literal suffix.
    let wild = |b: &u8| matches!(b, b'*' | b'?' | b'[' | b'\\');
    match pattern.as_bytes() {
        [first, ..] if !wild(first) && text.as_bytes().first() != Some(first) => return false,
        [b'*', suffix @ ..] if !suffix.iter().any(wild) => {
            return text.as_bytes().ends_with(suffix)
        }
        _ => {}
    }
    if pattern.is_ascii() && text.is_ascii() {
        // One byte is one character: no copies.
        matches(pattern.as_bytes(), text.as_bytes())
    } else {
        let p: Vec<char> = pattern.chars().collect();
        let t: Vec<char> = text.chars().collect();
        matches(&p, &t)
    }
}

/// A character of a pattern or text: a byte of ASCII text, or a `char`.
trait Unit: Copy + PartialEq + PartialOrd {
    fn is(self, c: u8) -> bool;
}

impl Unit for u8 {
    fn is(self, c: u8) -> bool {
        self == c
    }
}

impl Unit for char {
    fn is(self, c: u8) -> bool {
        self == char::from(c)
    }
}

/// Iterative wildcard matching with single-star backtracking (linear-ish).
fn matches<U: Unit>(p: &[U], t: &[U]) -> bool {
    let (mut pi, mut ti) = (0usize, 0usize);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() {
            let c = p[pi];
            if c.is(b'*') {
                while pi < p.len() && p[pi].is(b'*') {
                    pi += 1;
                }
                star = Some((pi, ti));
                continue;
            } else if c.is(b'?') {
                pi += 1;
                ti += 1;
                continue;
            } else if c.is(b'[') {
                if let Some((ok, next)) = class(p, pi, t[ti]) {
                    if ok {
                        pi = next;
                        ti += 1;
                        continue;
                    }
                } else if t[ti].is(b'[') {
                    // Unterminated class: `[` is literal.
                    pi += 1;
                    ti += 1;
                    continue;
                }
            } else if c.is(b'\\') && pi + 1 < p.len() {
                if p[pi + 1] == t[ti] {
                    pi += 2;
                    ti += 1;
                    continue;
                }
            } else if c == t[ti] {
                pi += 1;
                ti += 1;
                continue;
            }
        }
        match star {
            Some((sp, st)) => {
                pi = sp;
                ti = st + 1;
                star = Some((sp, st + 1));
            }
            None => return false,
        }
    }
    while pi < p.len() && p[pi].is(b'*') {
        pi += 1;
    }
    pi == p.len()
}

/// Matches `c` against the class starting at `p[start] == '['`.
/// Returns (matched, index after `]`), or None when the class is unterminated.
fn class<U: Unit>(p: &[U], start: usize, c: U) -> Option<(bool, usize)> {
    let mut i = start + 1;
    let negate = p.get(i).is_some_and(|u| u.is(b'!') || u.is(b'^'));
    if negate {
        i += 1;
    }
    let mut matched = false;
    let mut first = true;
    loop {
        let mut lo = *p.get(i)?;
        if lo.is(b']') && !first {
            return Some((matched != negate, i + 1));
        }
        first = false;
        if lo.is(b'\\') {
            i += 1;
            lo = *p.get(i)?;
        }
        i += 1;
        if p.get(i).is_some_and(|u| u.is(b'-')) && p.get(i + 1).is_some_and(|h| !h.is(b']')) {
            let mut hi = p[i + 1];
            i += 2;
            if hi.is(b'\\') {
                hi = *p.get(i)?;
                i += 1;
            }
            if lo <= c && c <= hi {
                matched = true;
            }
        } else if lo == c {
            matched = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fnmatch;

    #[test]
    fn star_crosses_slashes() {
        assert!(fnmatch("/src/*.md", "/src/a/b.md"));
        assert!(fnmatch("/src/**/*.txt", "/src/x/y.txt"));
        assert!(!fnmatch("/src/*.md", "/src/a.markdown"));
    }

    #[test]
    fn classes_and_escapes() {
        assert!(fnmatch("/s/[a-c]x", "/s/bx"));
        assert!(!fnmatch("/s/[!a-c]x", "/s/bx"));
        assert!(fnmatch("/s/a\\*", "/s/a*"));
        assert!(fnmatch("/s/?", "/s/z"));
        assert!(!fnmatch("/s/{a,b}", "/s/a"));
    }

    /// Every string of up to three of `parts`, sorted, each once: the
    /// patterns and texts the matchers are compared on.
    fn up_to_three(parts: &[&str]) -> Vec<String> {
        let mut strings = vec![String::new()];
        for _ in 0..3 {
            let longer: Vec<String> = strings
                .iter()
                .flat_map(|s| parts.iter().map(move |p| format!("{s}{p}")))
                .collect();
            strings.extend(longer);
        }
        strings.sort();
        strings.dedup();
        strings
    }

    #[test]
    fn ascii_text_matches_by_bytes_as_by_characters() {
        let parts = [
            "*", "?", "a", "b", "/", ".", "[a-b]", "[!a]", "[", "]", "\\*", "\\",
        ];
        let strings = up_to_three(&parts);
        let chars = |s: &str| s.chars().collect::<Vec<char>>();
        let mut matched = 0;
        for p in &strings {
            for t in strings.iter().step_by(7) {
                let by_bytes = super::matches(p.as_bytes(), t.as_bytes());
                assert_eq!(by_bytes, super::matches(&chars(p), &chars(t)), "{p} {t}");
                matched += usize::from(by_bytes);
            }
        }
        assert!(matched > 1000, "{matched}");
    }

    #[test]
    fn literal_starts_and_star_suffixes_match_as_the_general_matcher() {
        let parts = ["*", "?", "a", "é", "/", ".", "[a-b]", "\\", ".md", "x.md"];
        let strings = up_to_three(&parts);
        let chars = |s: &str| s.chars().collect::<Vec<char>>();
        for p in &strings {
            for t in strings.iter().step_by(5) {
                let general = super::matches(&chars(p), &chars(t));
                assert_eq!(super::matches_rest(p, t), general, "{p} {t}");
            }
        }
    }

    #[test]
    fn non_ascii_characters_are_one_character_each() {
        assert!(fnmatch("/s/?x", "/s/éx"));
        assert!(fnmatch("/s/[à-ü]", "/s/é"));
        assert!(!fnmatch("/s/??x", "/s/éx"));
        assert!(!fnmatch("*", ".hidden"));
        assert!(fnmatch("\\.*", ".hidden"));
    }
}
