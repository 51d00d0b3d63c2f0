//! Ruby's `File.fnmatch?` without flags, as Jekyll's `include`/`exclude` use it.
//!
//! Without `FNM_PATHNAME`, `*` and `?` also match `/`; `**` is just two stars;
//! `[...]` is a character class (`!` or `^` negates, `a-z` ranges) and `\`
//! escapes the next character. Braces are literal (no `FNM_EXTGLOB`). A leading
//! `.` of the whole string is only matched by a literal dot (no `FNM_DOTMATCH`).

/// Whether `text` matches the glob `pattern` the way `File.fnmatch?(pattern, text)` does.
pub fn fnmatch(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    if t.first() == Some(&'.') && p.first() != Some(&'.') {
        // A leading period must be matched explicitly.
        if !(p.first() == Some(&'\\') && p.get(1) == Some(&'.')) {
            return false;
        }
    }
    matches(&p, &t)
}

/// Iterative wildcard matching with single-star backtracking (linear-ish).
fn matches(p: &[char], t: &[char]) -> bool {
    let (mut pi, mut ti) = (0usize, 0usize);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() {
            match p[pi] {
                '*' => {
                    while pi < p.len() && p[pi] == '*' {
                        pi += 1;
                    }
                    star = Some((pi, ti));
                    continue;
                }
                '?' => {
                    pi += 1;
                    ti += 1;
                    continue;
                }
                '[' => {
                    if let Some((ok, next)) = class(p, pi, t[ti]) {
                        if ok {
                            pi = next;
                            ti += 1;
                            continue;
                        }
                    } else if t[ti] == '[' {
                        // Unterminated class: `[` is literal.
                        pi += 1;
                        ti += 1;
                        continue;
                    }
                }
                '\\' if pi + 1 < p.len() => {
                    if p[pi + 1] == t[ti] {
                        pi += 2;
                        ti += 1;
                        continue;
                    }
                }
                c => {
                    if c == t[ti] {
                        pi += 1;
                        ti += 1;
                        continue;
                    }
                }
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
    while pi < p.len() && p[pi] == '*' {
        pi += 1;
    }
    pi == p.len()
}

/// Matches `c` against the class starting at `p[start] == '['`.
/// Returns (matched, index after `]`), or None when the class is unterminated.
fn class(p: &[char], start: usize, c: char) -> Option<(bool, usize)> {
    let mut i = start + 1;
    let negate = matches!(p.get(i), Some('!') | Some('^'));
    if negate {
        i += 1;
    }
    let mut matched = false;
    let mut first = true;
    loop {
        let mut lo = *p.get(i)?;
        if lo == ']' && !first {
            return Some((matched != negate, i + 1));
        }
        first = false;
        if lo == '\\' {
            i += 1;
            lo = *p.get(i)?;
        }
        i += 1;
        if p.get(i) == Some(&'-') && p.get(i + 1).is_some_and(|&h| h != ']') {
            let mut hi = p[i + 1];
            i += 2;
            if hi == '\\' {
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
}
