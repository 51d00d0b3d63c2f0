//! Byte-level scanners for the lax grammar: Liquid's `QuotedFragment`,
//! `VariableParser` and `TagAttributes` patterns, written by hand so they run
//! in linear time. `\w`, `\s` and `\d` are ASCII-only, as in Ruby regexps.

/// Ruby's `\w` (ASCII).
pub(crate) fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Ruby's `\s`.
#[inline]
pub(crate) fn is_space(b: u8) -> bool {
    // One comparison rejects the usual printable byte.
    b <= b' ' && (b == b' ' || (b'\t'..=b'\r').contains(&b))
}

/// The first position of the ASCII byte `c` in `s` (a character
/// boundary: UTF-8 never uses ASCII bytes inside a character): a plain
/// loop for short strings (`memchr`'s setup costs more there), the memchr
/// crate's vector search otherwise (`str::find` with a `char` searches a
/// word at a time; `strip_html` looks for every `<` and `>` of a page).
#[inline]
pub(crate) fn find_ascii(s: &str, c: u8) -> Option<usize> {
    debug_assert!(c.is_ascii());
    if s.len() <= 64 {
        s.bytes().position(|b| b == c)
    } else {
        memchr::memchr(c, s.as_bytes())
    }
}

/// Ruby's `\b` at byte position `i`.
pub(crate) fn word_boundary(s: &[u8], i: usize) -> bool {
    let before = i > 0 && is_word(s[i - 1]);
    let after = i < s.len() && is_word(s[i]);
    before != after
}

/// Skips `\s*` from `i`.
pub(crate) fn skip_space(s: &[u8], mut i: usize) -> usize {
    while i < s.len() && is_space(s[i]) {
        i += 1;
    }
    i
}

/// Matches `"[^"]*"|'[^']*'` at `i`; returns the end.
pub(crate) fn quoted_string_at(s: &[u8], i: usize) -> Option<usize> {
    let q = *s.get(i)?;
    if q != b'"' && q != b'\'' {
        return None;
    }
    let close = s[i + 1..].iter().position(|&b| b == q)?;
    Some(i + 1 + close + 1)
}

/// Matches `QuotedFragment` anchored at `i`; returns the end.
pub(crate) fn quoted_fragment_at(s: &[u8], i: usize) -> Option<usize> {
    if let Some(end) = quoted_string_at(s, i) {
        return Some(end);
    }
    let mut j = i;
    while j < s.len() {
        let b = s[j];
        if b == b'"' || b == b'\'' {
            match quoted_string_at(s, j) {
                Some(end) => j = end,
                None => break,
            }
        } else if is_space(b) || b == b',' || b == b'|' {
            break;
        } else {
            j += 1;
        }
    }
    (j > i).then_some(j)
}

/// Searches for the first `QuotedFragment` at or after `from`.
pub(crate) fn find_quoted_fragment(s: &[u8], from: usize) -> Option<(usize, usize)> {
    (from..s.len()).find_map(|i| quoted_fragment_at(s, i).map(|end| (i, end)))
}

/// Matches `QuotedFragment+` (repeated, no separators) at `i`.
pub(crate) fn quoted_fragments_at(s: &[u8], i: usize) -> Option<usize> {
    let mut end = quoted_fragment_at(s, i)?;
    while let Some(e) = quoted_fragment_at(s, end) {
        end = e;
    }
    Some(end)
}

/// Scans `\[[^\]]+\]|[\w-]+\??` items (a variable lookup's parts).
pub(crate) fn variable_parts(markup: &str) -> Vec<&str> {
    let s = markup.as_bytes();
    let mut parts = Vec::new();
    let mut i = 0;
    // Next `]` after the scan position, cached to stay linear.
    let mut next_close: Option<Option<usize>> = None;
    while i < s.len() {
        if s[i] == b'[' {
            let close = match next_close {
                Some(Some(c)) if c > i => Some(c),
                Some(None) => None,
                _ => s[i + 1..]
                    .iter()
                    .position(|&b| b == b']')
                    .map(|p| p + i + 1),
            };
            next_close = Some(close);
            if let Some(c) = close {
                if c > i + 1 {
                    parts.push(&markup[i..c + 1]);
                    i = c + 1;
                    continue;
                }
            }
        }
        if is_word(s[i]) || s[i] == b'-' {
            let start = i;
            while i < s.len() && (is_word(s[i]) || s[i] == b'-') {
                i += 1;
            }
            if i < s.len() && s[i] == b'?' {
                i += 1;
            }
            parts.push(&markup[start..i]);
            continue;
        }
        i += 1;
    }
    parts
}

/// Scans `(\w[\w-]*)\s*:\s*(QuotedFragment)` pairs, as `markup.scan(TagAttributes)`.
pub(crate) fn tag_attributes(markup: &str) -> Vec<(&str, &str)> {
    let s = markup.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        if let Some((key_end, val_start, val_end)) = tag_attribute_at(s, i) {
            out.push((&markup[i..key_end], &markup[val_start..val_end]));
            i = val_end;
        } else if is_word(s[i]) {
            // Every later start inside this word ends at the same place and fails too.
            while i < s.len() && (is_word(s[i]) || s[i] == b'-') {
                i += 1;
            }
        } else {
            i += 1;
        }
    }
    out
}

/// Matches one `TagAttributes` at `i`: (key end, value start, value end).
/// Regex backtracking can shorten the key, so each key end is tried.
pub(crate) fn tag_attribute_at(s: &[u8], i: usize) -> Option<(usize, usize, usize)> {
    if i >= s.len() || !is_word(s[i]) {
        return None;
    }
    let mut key_end = i + 1;
    while key_end < s.len() && (is_word(s[key_end]) || s[key_end] == b'-') {
        key_end += 1;
    }
    // `[\w-]*` is greedy; after it only `\s*:` may follow, and a shorter key
    // cannot be followed by `:` unless the key contains none, so greedy suffices.
    let j = skip_space(s, key_end);
    if j >= s.len() || s[j] != b':' {
        return None;
    }
    let v = skip_space(s, j + 1);
    let end = quoted_fragment_at(s, v)?;
    Some((key_end, v, end))
}

/// Ruby's `String#to_i`: leading whitespace, sign, digits and underscores.
pub(crate) fn ruby_to_i(s: &str) -> i64 {
    let t = s.trim_start_matches(|c: char| c.is_ascii_whitespace());
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let mut n: i64 = 0;
    let mut prev_digit = false;
    for b in t.bytes() {
        if b.is_ascii_digit() {
            n = n.saturating_mul(10).saturating_add((b - b'0') as i64);
            prev_digit = true;
        } else if b == b'_' && prev_digit {
            prev_digit = false;
        } else {
            break;
        }
    }
    if neg {
        -n
    } else {
        n
    }
}

/// Ruby's `Kernel#Integer(string)`: strict, with `0x`/`0b`/`0o`/`0` prefixes.
pub(crate) fn ruby_integer(s: &str) -> Option<i64> {
    let t = s.trim_matches(|c: char| c.is_ascii_whitespace());
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = t.to_ascii_lowercase();
    let (radix, digits) = if let Some(r) = lower.strip_prefix("0x") {
        (16, r)
    } else if let Some(r) = lower.strip_prefix("0b") {
        (2, r)
    } else if let Some(r) = lower.strip_prefix("0o") {
        (8, r)
    } else if lower.len() > 1 && lower.starts_with('0') {
        (8, &lower[1..])
    } else {
        (10, lower.as_str())
    };
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
    {
        return None;
    }
    let clean: String = digits.chars().filter(|&c| c != '_').collect();
    let n = i64::from_str_radix(&clean, radix).ok()?;
    Some(if neg { -n } else { n })
}
