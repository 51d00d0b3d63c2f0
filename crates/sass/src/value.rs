//! Token-level edits of CSS values: numbers, quoted strings and function
//! calls, found by a scanner that skips strings, `url()` and escapes.

/// The byte index just past the quoted string `s` starts with.
pub(crate) fn quoted_end(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let quote = *bytes.first()?;
    if quote != b'"' && quote != b'\'' {
        return None;
    }
    let mut i = 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            c if c == quote => return Some(i + 1),
            _ => i += 1,
        }
    }
    Some(bytes.len())
}

/// Splits at `sep` outside strings and brackets.
pub(crate) fn split_top_level(s: &str, sep: u8) -> Vec<&str> {
    let bytes = s.as_bytes();
    let mut parts = Vec::new();
    let (mut depth, mut start, mut i) = (0usize, 0usize, 0usize);
    while i < bytes.len() {
        match bytes[i] {
            b'"' | b'\'' => {
                i += quoted_end(&s[i..]).unwrap_or(1);
                continue;
            }
            b'\\' => i += 1,
            b'(' | b'[' => depth += 1,
            b')' | b']' => depth = depth.saturating_sub(1),
            c if c == sep && depth == 0 => {
                parts.push(&s[start..i]);
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    parts.push(&s[start.min(s.len())..]);
    parts
}

/// Expanded dart-sass writes characters of Unicode's private-use areas inside quoted
/// strings as escapes (`"\f101"`), so icon-font CSS stays ASCII; grass writes
/// the character itself.
pub(crate) fn escape_private_use(s: &str) -> String {
    if s.is_ascii() {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut quote: Option<char> = None;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match quote {
            None => {
                if c == '"' || c == '\'' {
                    quote = Some(c);
                }
                out.push(c);
            }
            Some(q) => {
                if c == '\\' {
                    out.push(c);
                    if let Some(next) = chars.next() {
                        out.push(next);
                    }
                } else if c == q {
                    quote = None;
                    out.push(c);
                } else if is_private_use(c) {
                    out.push_str(&format!("\\{:x}", c as u32));
                    if chars
                        .peek()
                        .is_some_and(|n| n.is_ascii_hexdigit() || *n == ' ' || *n == '\t')
                    {
                        out.push(' ');
                    }
                } else {
                    out.push(c);
                }
            }
        }
    }
    out
}

fn is_private_use(c: char) -> bool {
    let c = c as u32;
    (0xE000..=0xF8FF).contains(&c) || (0xF0000..=0x10FFFD).contains(&c)
}

/// A number token found in a value: its byte range.
struct NumberToken {
    start: usize,
    end: usize,
}

/// Every number token outside strings, `url()` and hex colours.
fn numbers(s: &str) -> Vec<NumberToken> {
    let bytes = s.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c == b'"' || c == b'\'' {
            i += quoted_end(&s[i..]).unwrap_or(1);
            continue;
        }
        if c == b'\\' {
            i += 2;
            continue;
        }
        if s[i..].starts_with("url(") {
            i += s[i..].find(')').map_or(s.len() - i, |e| e + 1);
            continue;
        }
        let prev_ident = i > 0 && is_name_byte(bytes[i - 1]);
        if (prev_ident && is_name_byte(c)) || c == b'#' {
            // Inside an identifier or a hex colour: skip the whole word.
            i += 1;
            while i < bytes.len() && is_name_byte(bytes[i]) {
                i += 1;
            }
            continue;
        }
        let start = i;
        let mut j = i;
        if bytes[j] == b'-' || bytes[j] == b'+' {
            j += 1;
        }
        let digits_start = j;
        while j < bytes.len() && bytes[j].is_ascii_digit() {
            j += 1;
        }
        if j < bytes.len() && bytes[j] == b'.' && bytes.get(j + 1).is_some_and(u8::is_ascii_digit) {
            j += 1;
            while j < bytes.len() && bytes[j].is_ascii_digit() {
                j += 1;
            }
        }
        if j > digits_start && bytes[digits_start..j].iter().any(u8::is_ascii_digit) {
            found.push(NumberToken { start, end: j });
            i = j;
        } else {
            i += 1;
        }
    }
    found
}

pub(crate) fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'\\' || b == b'.' || b >= 0x80
}

fn rewrite_numbers(s: &str, mut f: impl FnMut(&str) -> Option<String>) -> String {
    let tokens = numbers(s);
    if tokens.is_empty() {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    for t in tokens {
        if let Some(new) = f(&s[t.start..t.end]) {
            out.push_str(&s[last..t.start]);
            out.push_str(&new);
            last = t.end;
        }
    }
    out.push_str(&s[last..]);
    out
}

/// Compressed dart-sass drops the zero of `0.5` but not of `-0.5`.
pub(crate) fn negative_leading_zero(s: &str) -> String {
    if !s.contains("-.") {
        return s.to_string();
    }
    rewrite_numbers(s, |n| n.strip_prefix("-.").map(|rest| format!("-0.{rest}")))
}

/// dart-sass prints a number's shortest round-trip digits (at most 10
/// decimals); grass prints 10 decimals of the exact binary value, which
/// shows digits beyond double precision (`123456789.123456791`).
pub(crate) fn shortest_numbers(s: &str) -> String {
    rewrite_numbers(s, |n| {
        let digits = n.bytes().filter(u8::is_ascii_digit).count();
        if digits <= 16 || !n.contains('.') {
            return None;
        }
        let value: f64 = n.parse().ok()?;
        let mut text = format!("{value}");
        if let Some(dot) = text.find('.') {
            if text.len() - dot - 1 > 10 {
                text = format!("{value:.10}");
                text = text.trim_end_matches('0').trim_end_matches('.').to_string();
            }
        }
        let leading_dot = !n
            .trim_start_matches(['-', '+'])
            .starts_with(|c: char| c.is_ascii_digit());
        if leading_dot {
            text = text.replacen("0.", ".", 1);
        }
        (text != n).then_some(text)
    })
}

/// Functions whose calls dart-sass evaluates itself and so writes compressed;
/// every other call is plain CSS, written with expanded arguments.
const SASS_WRITTEN: &[&str] = &[
    "rgb", "rgba", "hsl", "hsla", "calc", "min", "max", "clamp", "url",
];

/// The outermost plain-CSS function calls of a value: name and byte range.
fn plain_calls(s: &str) -> Vec<(String, usize, usize)> {
    let bytes = s.as_bytes();
    let mut calls = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c == b'"' || c == b'\'' {
            i += quoted_end(&s[i..]).unwrap_or(1);
            continue;
        }
        if c == b'\\' {
            i += 2;
            continue;
        }
        if c.is_ascii_alphabetic() || c == b'-' || c == b'_' {
            let start = i;
            while i < bytes.len() && (is_name_byte(bytes[i]) && bytes[i] != b'.') {
                i += 1;
            }
            if i < bytes.len() && bytes[i] == b'(' {
                let end = matching_paren(s, i);
                let name = s[start..i].to_ascii_lowercase();
                if !SASS_WRITTEN.contains(&name.as_str()) {
                    calls.push((name, start, end));
                }
                i = end;
            }
            continue;
        }
        if c == b'(' {
            i = matching_paren(s, i);
            continue;
        }
        i += 1;
    }
    calls
}

/// Index just past the `)` matching the `(` at `open`.
fn matching_paren(s: &str, open: usize) -> usize {
    let bytes = s.as_bytes();
    let mut depth = 0usize;
    let mut i = open;
    while i < bytes.len() {
        match bytes[i] {
            b'"' | b'\'' => {
                i += quoted_end(&s[i..]).unwrap_or(1);
                continue;
            }
            b'\\' => i += 1,
            b'(' => depth += 1,
            b')' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    bytes.len()
}

/// Whether a compressed value's plain-CSS calls might read differently in
/// expanded form: a colour (hex, functional or named) or a comma without its
/// space. (Leading zeros are restored in place by
/// [`plain_call_leading_zeros`].)
pub(crate) fn plain_calls_may_differ(compressed: &str) -> bool {
    plain_calls(compressed).iter().any(|(_, start, end)| {
        let call = &compressed[*start..*end];
        let bytes = call.as_bytes();
        let tight_comma = bytes.windows(2).any(|w| w[0] == b',' && w[1] != b' ');
        tight_comma
            || call.contains('#')
            || call.contains("rgb")
            || call.contains("hsl")
            || call
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
                .any(|word| {
                    crate::colour::COLOR_NAMES.contains(&word.to_ascii_lowercase().as_str())
                })
    })
}

/// Puts back the leading zero grass drops from numbers inside plain-CSS
/// calls in compressed output (`scale(.75)`), as dart-sass writes them.
pub(crate) fn plain_call_leading_zeros(value: &str) -> String {
    if !value.contains('.') {
        return value.to_string();
    }
    let calls = plain_calls(value);
    if calls.is_empty() {
        return value.to_string();
    }
    let mut out = String::with_capacity(value.len() + 4);
    let mut last = 0;
    for (_, start, end) in calls {
        out.push_str(&value[last..start]);
        out.push_str(&rewrite_numbers(&value[start..end], |n| {
            if let Some(rest) = n.strip_prefix("-.") {
                Some(format!("-0.{rest}"))
            } else {
                n.strip_prefix('.').map(|rest| format!("0.{rest}"))
            }
        }));
        last = end;
    }
    out.push_str(&value[last..]);
    out
}

/// Replaces each plain-CSS call of the compressed value with the same call
/// from the expanded value, when both values have the same calls.
pub(crate) fn patch_plain_functions(compressed: &str, expanded: &str) -> String {
    let comp = plain_calls(compressed);
    if comp.is_empty() {
        return compressed.to_string();
    }
    let exp = plain_calls(expanded);
    if comp.len() != exp.len() || comp.iter().zip(&exp).any(|(a, b)| a.0 != b.0) {
        return compressed.to_string();
    }
    let mut out = String::with_capacity(compressed.len());
    let mut last = 0;
    for ((_, cs, ce), (_, es, ee)) in comp.iter().zip(&exp) {
        out.push_str(&compressed[last..*cs]);
        out.push_str(&expanded[*es..*ee]);
        last = *ce;
    }
    out.push_str(&compressed[last..]);
    out
}
