//! String filters: case, escaping and encoding, whitespace, replacement,
//! slicing and splitting, with Ruby's `String` semantics.

use super::{add, add_writing, build_str, to_s};
use crate::context::Context;
use crate::engine::Engine;
use crate::error::Error;
use crate::expr::to_integer;
use crate::lex::{find_ascii, is_space};
use crate::value::{str_of, Value};

pub(super) fn register(e: &mut Engine) {
    add(e, "downcase", 0, 0, |v, _, _| {
        Ok(Value::str(downcase(&to_s(v))))
    });
    add(e, "upcase", 0, 0, |v, _, _| {
        Ok(Value::str(upcase(&to_s(v))))
    });
    add(e, "capitalize", 0, 0, |v, _, _| {
        Ok(Value::str(capitalize(&to_s(v))))
    });
    add(e, "escape", 0, 0, escape);
    add(e, "h", 0, 0, escape);
    add(e, "escape_once", 0, 0, |v, _, _| {
        Ok(Value::str(escape_once(&to_s(v))))
    });
    add(e, "url_encode", 0, 0, |v, _, _| {
        Ok(if v.is_nil() {
            Value::Nil
        } else {
            Value::str(url_encode(&to_s(v)))
        })
    });
    add(e, "url_decode", 0, 0, url_decode);
    add(e, "base64_encode", 0, 0, |v, _, _| {
        Ok(Value::str(base64_encode(to_s(v).as_bytes(), false)))
    });
    add(e, "base64_decode", 0, 0, |v, _, _| {
        base64_decode(&to_s(v), false)
    });
    add(e, "base64_url_safe_encode", 0, 0, |v, _, _| {
        Ok(Value::str(base64_encode(to_s(v).as_bytes(), true)))
    });
    add(e, "base64_url_safe_decode", 0, 0, |v, _, _| {
        base64_decode(&to_s(v), true)
    });
    add(e, "slice", 1, 2, slice);
    add(e, "truncate", 0, 2, truncate);
    add(e, "truncatewords", 0, 2, truncatewords);
    add(e, "split", 1, 1, |v, a, _| {
        let s = to_s(v);
        let parts = split_map(&s, &to_s(&a[0]), |p| Value::Str(str_of(p)));
        // A pattern that does not occur leaves the string whole (the
        // compress layout splits pages on "<pre" and "<!--"): share it.
        let parts = parts.unwrap_or_else(|| match v {
            Value::Str(_) => vec![v.clone()],
            _ => vec![Value::str(&*s)],
        });
        Ok(Value::array(parts))
    });
    // Printed, a stripped string is a slice of the input: the compress
    // layout prints its whole page so.
    add_writing(
        e,
        "strip",
        0,
        0,
        |v, _, _| Ok(same_or_new(v, to_s(v).trim_matches(is_strip_char))),
        |v, _, out| out.push_str(to_s(v).trim_matches(is_strip_char)),
    );
    add_writing(
        e,
        "lstrip",
        0,
        0,
        |v, _, _| Ok(same_or_new(v, to_s(v).trim_start_matches(is_strip_char))),
        |v, _, out| out.push_str(to_s(v).trim_start_matches(is_strip_char)),
    );
    add_writing(
        e,
        "rstrip",
        0,
        0,
        |v, _, _| Ok(same_or_new(v, to_s(v).trim_end_matches(is_strip_char))),
        |v, _, out| out.push_str(to_s(v).trim_end_matches(is_strip_char)),
    );
    add(e, "strip_html", 0, 0, |v, _, _| Ok(strip_html(v)));
    add(e, "strip_newlines", 0, 0, |v, _, _| {
        let s = to_s(v);
        if s.contains('\n') {
            Ok(Value::str(s.replace("\r\n", "").replace('\n', "")))
        } else {
            Ok(same_or_new(v, &s))
        }
    });
    add(e, "newline_to_br", 0, 0, |v, _, _| {
        Ok(Value::str(newline_to_br(&to_s(v))))
    });
    add(e, "replace", 1, 2, |v, a, _| {
        Ok(replaced(v, &a[0], &rep(a), true))
    });
    add(e, "replace_first", 1, 2, |v, a, _| {
        Ok(replaced(v, &a[0], &rep(a), false))
    });
    add(e, "replace_last", 2, 2, |v, a, _| {
        Ok(Value::str(replace_last(
            &to_s(v),
            &to_s(&a[0]),
            &to_s(&a[1]),
        )))
    });
    add(e, "remove", 1, 1, |v, a, _| {
        Ok(replaced(v, &a[0], "", true))
    });
    add(e, "remove_first", 1, 1, |v, a, _| {
        Ok(replaced(v, &a[0], "", false))
    });
    add(e, "remove_last", 1, 1, |v, a, _| {
        Ok(Value::str(replace_last(&to_s(v), &to_s(&a[0]), "")))
    });
    add(e, "append", 1, 1, |v, a, _| {
        Ok(concat(&to_s(v), &to_s(&a[0])))
    });
    add(e, "prepend", 1, 1, |v, a, _| {
        Ok(concat(&to_s(&a[0]), &to_s(v)))
    });
}

/// `a + b` as one allocation.
fn concat(a: &str, b: &str) -> Value {
    if b.is_empty() {
        return Value::str(a);
    }
    build_str(|buf| {
        buf.push_str(a);
        buf.push_str(b);
    })
}

/// The input itself when a string filter left it unchanged (no copy).
fn same_or_new(v: &Value, result: &str) -> Value {
    match v {
        Value::Str(s) if s.len() == result.len() => v.clone(),
        _ => Value::str(result),
    }
}

fn rep(a: &[Value]) -> std::borrow::Cow<'_, str> {
    a.get(1).map(to_s).unwrap_or_default()
}

fn is_strip_char(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c' | '\0')
}

/// Ruby's `downcase`: per character, without context-sensitive rules.
pub fn downcase(s: &str) -> String {
    s.chars().flat_map(char::to_lowercase).collect()
}

/// Ruby's `upcase`.
pub fn upcase(s: &str) -> String {
    s.chars().flat_map(char::to_uppercase).collect()
}

/// Ruby's `capitalize`: titlecase the first character, downcase the rest.
pub fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let mut out = match first {
        'Ǆ' | 'ǅ' | 'ǆ' => "ǅ".to_string(),
        'Ǉ' | 'ǈ' | 'ǉ' => "ǈ".to_string(),
        'Ǌ' | 'ǋ' | 'ǌ' => "ǋ".to_string(),
        'Ǳ' | 'ǲ' | 'ǳ' => "ǲ".to_string(),
        c => c.to_uppercase().collect(),
    };
    out.extend(chars.flat_map(char::to_lowercase));
    out
}

fn escape(v: &Value, _: &[Value], _: &mut Context) -> Result<Value, Error> {
    if v.is_nil() {
        return Ok(Value::Nil);
    }
    let s = to_s(v);
    if !s.contains(['&', '<', '>', '"', '\'']) {
        return Ok(same_or_new(v, &s));
    }
    Ok(build_str(|out| escape_html_into(&s, out)))
}

/// `CGI.escapeHTML`.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    escape_html_into(s, &mut out);
    out
}

/// `CGI.escapeHTML`, appended to `out`; unescaped runs are copied whole.
pub(crate) fn escape_html_into(s: &str, out: &mut String) {
    out.reserve(s.len());
    let mut last = 0;
    for (i, &c) in s.as_bytes().iter().enumerate() {
        let rep = match c {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&s[last..i]);
        out.push_str(rep);
        last = i + 1;
    }
    out.push_str(&s[last..]);
}

/// Escapes except for existing entities (`&amp;`, `&#39;`).
fn escape_once(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    for (i, &c) in b.iter().enumerate() {
        let rep = match c {
            b'"' => "&quot;",
            b'>' => "&gt;",
            b'<' => "&lt;",
            b'\'' => "&#39;",
            b'&' if !is_entity(&b[i + 1..]) => "&amp;",
            _ => continue,
        };
        out.push_str(&s[last..i]);
        out.push_str(rep);
        last = i + 1;
    }
    out.push_str(&s[last..]);
    out
}

/// `([a-zA-Z]+|#\d+);` at the start.
fn is_entity(b: &[u8]) -> bool {
    let n = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    if n > 0 && b.get(n) == Some(&b';') {
        return true;
    }
    if b.first() == Some(&b'#') {
        let d = b[1..].iter().take_while(|c| c.is_ascii_digit()).count();
        return d > 0 && b.get(1 + d) == Some(&b';');
    }
    false
}

/// `CGI.escape`.
pub fn url_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_' | b'.' | b'-' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn url_decode(v: &Value, _: &[Value], _: &mut Context) -> Result<Value, Error> {
    if v.is_nil() {
        return Ok(Value::Nil);
    }
    let s = to_s(v);
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() && hex(b[i + 1]).is_some() && hex(b[i + 2]).is_some() => {
                out.push(hex(b[i + 1]).unwrap_or(0) * 16 + hex(b[i + 2]).unwrap_or(0));
                i += 2;
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8(out)
        .map(Value::str)
        .map_err(|_| Error::argument("invalid byte sequence in UTF-8"))
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn base64_encode(input: &[u8], url_safe: bool) -> String {
    let mut out = String::with_capacity(input.len().div_ceil(3) * 4);
    for chunk in input.chunks(3) {
        let n = (chunk[0] as u32) << 16
            | (*chunk.get(1).unwrap_or(&0) as u32) << 8
            | *chunk.get(2).unwrap_or(&0) as u32;
        for k in 0..4 {
            if k <= chunk.len() {
                let mut c = B64[((n >> (18 - 6 * k)) & 63) as usize];
                if url_safe {
                    c = match c {
                        b'+' => b'-',
                        b'/' => b'_',
                        c => c,
                    };
                }
                out.push(c as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn base64_decode(s: &str, url_safe: bool) -> Result<Value, Error> {
    let name = if url_safe {
        "base64_url_safe_decode"
    } else {
        "base64_decode"
    };
    let err = || Error::argument(format!("invalid base64 provided to {name}"));
    let mut s = s.to_string();
    if url_safe {
        if !s.ends_with('=') && s.len() % 4 != 0 {
            while s.len() % 4 != 0 {
                s.push('=');
            }
        }
        s = s.replace('-', "+").replace('_', "/");
    }
    let b = s.as_bytes();
    if b.len() % 4 != 0 {
        return Err(err());
    }
    let mut out = Vec::with_capacity(b.len() / 4 * 3);
    for (ci, chunk) in b.chunks(4).enumerate() {
        let last = ci == b.len() / 4 - 1;
        let mut n = 0u32;
        let mut pad = 0;
        for (k, &c) in chunk.iter().enumerate() {
            let v = if c == b'=' && last && k >= 2 {
                pad += 1;
                0
            } else if pad > 0 {
                return Err(err());
            } else {
                B64.iter().position(|&x| x == c).ok_or_else(err)? as u32
            };
            n = n << 6 | v;
        }
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        // Strict decoding rejects non-zero bits in the padding.
        if (pad == 1 && bytes[2] != 0) || (pad == 2 && (bytes[1] != 0 || bytes[2] != 0)) {
            return Err(err());
        }
        out.extend_from_slice(&bytes[..3 - pad]);
    }
    String::from_utf8(out).map(Value::str).map_err(|_| err())
}

/// Ruby's `slice(offset, length)` on characters or array items.
pub(crate) fn slice_range(len: usize, offset: i64, length: i64) -> Option<(usize, usize)> {
    let len = len as i64;
    let start = if offset < 0 { len + offset } else { offset };
    if start < 0 || start > len || length < 0 {
        return None;
    }
    let end = start.saturating_add(length).min(len);
    Some((start as usize, end as usize))
}

fn slice(v: &Value, a: &[Value], _: &mut Context) -> Result<Value, Error> {
    // `String#slice` and `Array#slice` take C longs.
    if a.iter().any(|x| matches!(x, Value::BigInt(_))) {
        return Err(crate::filters::number::bignum_range_error());
    }
    let offset = to_integer(&a[0])?;
    let length = match a.get(1) {
        Some(l) if l.is_truthy() => to_integer(l)?,
        _ => 1,
    };
    if let Value::Array(items) = v {
        return Ok(match slice_range(items.len(), offset, length) {
            Some((s, e)) => Value::array(items[s..e].to_vec()),
            None => Value::array(vec![]),
        });
    }
    let s = to_s(v);
    Ok(match char_slice(&s, offset, length) {
        Some(part) => same_or_new(v, part),
        None => Value::str(String::new()),
    })
}

/// `String#slice(offset, length)` in characters. The offsets are found by
/// walking from the nearer end, without counting or copying the whole string
/// (the compress layout takes the first and last character of every page).
fn char_slice(s: &str, offset: i64, length: i64) -> Option<&str> {
    if length < 0 {
        return None;
    }
    let start = if offset >= 0 {
        let n = usize::try_from(offset).unwrap_or(usize::MAX);
        match s.char_indices().nth(n) {
            Some((i, _)) => i,
            // Just past the last character is an empty slice; further, none.
            None => (s.chars().count() == n).then_some(s.len())?,
        }
    } else {
        let k = usize::try_from(offset.unsigned_abs()).unwrap_or(usize::MAX);
        s.char_indices().rev().nth(k - 1)?.0
    };
    let rest = &s[start..];
    let length = usize::try_from(length).unwrap_or(usize::MAX);
    let end = rest
        .char_indices()
        .nth(length)
        .map_or(rest.len(), |(i, _)| i);
    Some(&rest[..end])
}

fn truncate(v: &Value, a: &[Value], _: &mut Context) -> Result<Value, Error> {
    if v.is_nil() {
        return Ok(Value::Nil);
    }
    let s = to_s(v);
    let length = match a.first() {
        Some(l) => to_integer(l)?,
        None => 50,
    };
    let ellipsis = a.get(1).map_or(std::borrow::Cow::Borrowed("..."), to_s);
    let l = length
        .saturating_sub(ellipsis.chars().count() as i64)
        .max(0) as usize;
    // Ruby: `input.length > length`; a negative length always truncates.
    let longer = match usize::try_from(length) {
        // No more bytes than `length` means no more characters either.
        Ok(n) => s.len() > n && char_start(&s, n).is_some(),
        Err(_) => true,
    };
    if !longer {
        // The input string itself, shared, when it is one.
        return Ok(match v {
            Value::Str(_) => v.clone(),
            _ => Value::str(s),
        });
    }
    let end = char_start(&s, l).unwrap_or(s.len());
    let mut out = String::with_capacity(end + ellipsis.len());
    out.push_str(&s[..end]);
    out.push_str(&ellipsis);
    Ok(Value::str(out))
}

/// Where character `n` (from 0) of `s` starts, if `s` has that many
/// characters: `s.char_indices().nth(n)`, without decoding an ASCII
/// prefix character by character (`truncate: 160` of every excerpt).
fn char_start(s: &str, n: usize) -> Option<usize> {
    match s.as_bytes().get(..=n) {
        Some(prefix) if prefix.is_ascii() => Some(n),
        _ => s.char_indices().nth(n).map(|(i, _)| i),
    }
}

fn truncatewords(v: &Value, a: &[Value], _: &mut Context) -> Result<Value, Error> {
    if v.is_nil() {
        return Ok(Value::Nil);
    }
    let s = to_s(v);
    let mut words = match a.first() {
        Some(w) => to_integer(w)?,
        None => 15,
    };
    if words <= 0 {
        words = 1;
    }
    if words >= i32::MAX as i64 {
        let shown = match a.first() {
            Some(big @ Value::BigInt(_)) => big.to_liquid_string(),
            _ => words.to_string(),
        };
        return Err(Error::argument(format!(
            "integer {shown} too big for truncatewords"
        )));
    }
    // `split(" ", words + 1)` has more than `words` items exactly when
    // `words` fields each end in whitespace; the result joins those fields.
    let words = words as usize;
    let b = s.as_bytes();
    let (mut i, mut ended, mut first, mut single_spaced) = (0, 0, 0, true);
    while ended < words {
        let gap = i;
        while i < b.len() && is_space(b[i]) {
            i += 1;
        }
        if ended == 0 {
            first = i;
        } else if i - gap != 1 || b[gap] != b' ' {
            single_spaced = false;
        }
        while i < b.len() && !is_space(b[i]) {
            i += 1;
        }
        if i == b.len() {
            return Ok(same_or_new(v, &s));
        }
        ended += 1;
    }
    let ellipsis = a.get(1).map_or(std::borrow::Cow::Borrowed("..."), to_s);
    Ok(build_str(|out| {
        if single_spaced {
            // The joined words are a slice of the input.
            out.reserve(i - first + ellipsis.len());
            out.push_str(&s[first..i]);
        } else {
            for (n, word) in s[first..i]
                .split(|c: char| c.is_ascii() && is_space(c as u8))
                .filter(|w| !w.is_empty())
                .enumerate()
            {
                if n > 0 {
                    out.push(' ');
                }
                out.push_str(word);
            }
        }
        out.push_str(&ellipsis);
    }))
}

/// Ruby's `split(" ", limit)`: fields separated by ASCII whitespace runs.
/// Leading whitespace is skipped; trailing whitespace gives an empty last
/// field only when there is a limit; the field the limit is reached at runs
/// to the end of the string.
pub fn awk_split(s: &str, limit: Option<usize>) -> Vec<&str> {
    let mut out = Vec::new();
    awk_fields(s, limit, |field| out.push(field));
    out
}

/// [`awk_split`]'s fields, handed to `field` in order.
fn awk_fields<'a>(s: &'a str, limit: Option<usize>, mut field: impl FnMut(&'a str)) {
    if limit == Some(1) {
        if !s.is_empty() {
            field(s);
        }
        return;
    }
    let b = s.as_bytes();
    let mut fields = 0;
    let mut i = 0;
    loop {
        while i < b.len() && is_space(b[i]) {
            i += 1;
        }
        if i == b.len() {
            if limit.is_some() && !b.is_empty() {
                field("");
            }
            return;
        }
        let start = i;
        fields += 1;
        if limit.is_some_and(|l| l <= fields) {
            field(&s[start..]);
            return;
        }
        i = field_end(b, i);
        field(&s[start..i]);
        if i == b.len() {
            return;
        }
    }
}

/// The position of the first ASCII whitespace byte at or after `i`, or the
/// end. Words are scanned eight bytes at a time: splitting each page into
/// words was the largest cost of the compress layout.
fn field_end(b: &[u8], mut i: usize) -> usize {
    const ONES: u64 = u64::from_le_bytes([0x21; 8]);
    const HIGH: u64 = u64::from_le_bytes([0x80; 8]);
    while let Some(chunk) = b.get(i..i + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        // Marks the bytes below 0x21 (and maybe some after the first: a
        // borrow runs upward, so only the lowest mark is exact).
        let low = x.wrapping_sub(ONES) & !x & HIGH;
        if low == 0 {
            i += 8;
            continue;
        }
        let at = i + (low.trailing_zeros() / 8) as usize;
        if is_space(b[at]) {
            return at;
        }
        // A control byte that is not whitespace.
        i = at + 1;
    }
    while i < b.len() && !is_space(b[i]) {
        i += 1;
    }
    i
}

/// Ruby's `String#split(pattern)` with a string pattern, each part mapped
/// by `part` as it is found; `None` when a pattern other than `" "` does
/// not occur in a non-empty `s`, which is then its own only part.
pub(crate) fn split_map<'a, T>(
    s: &'a str,
    pat: &str,
    mut part: impl FnMut(&'a str) -> T,
) -> Option<Vec<T>> {
    if s.is_empty() {
        return Some(Vec::new());
    }
    if pat == " " {
        // Room for the words of HTML text (about 14 bytes a word with its
        // space) so that splitting a page grows the array once at most.
        let mut parts = Vec::with_capacity(s.len() / 8);
        // No word is empty: nothing to drop at the end.
        awk_fields(s, None, |p| parts.push(part(p)));
        return Some(parts);
    }
    let mut parts = Vec::new();
    // Ruby drops trailing empty parts.
    let mut trailing_empty = 0;
    let mut push = |p: &'a str| {
        trailing_empty = if p.is_empty() { trailing_empty + 1 } else { 0 };
        parts.push(part(p));
    };
    match pat {
        "" => {
            for (i, c) in s.char_indices() {
                push(&s[i..i + c.len_utf8()]);
            }
        }
        p => {
            // memchr's searcher: std's two-way search was 5% of a
            // production build (the compress layout splits every page).
            // Matches do not overlap, as with `str::split`.
            let mut found = memchr::memmem::find_iter(s.as_bytes(), p.as_bytes()).peekable();
            found.peek()?;
            let mut last = 0;
            for at in found {
                push(&s[last..at]);
                last = at + p.len();
            }
            push(&s[last..]);
        }
    }
    parts.truncate(parts.len() - trailing_empty);
    Some(parts)
}

/// Removes `<script>`, `<style>` and comment blocks, then all tags.
fn strip_html(v: &Value) -> Value {
    let s = to_s(v);
    let s: &str = &s;
    // Most inputs have no script, comment or style block: no copy then.
    let mut out = String::new();
    let mut i = 0;
    let mut last = 0;
    'outer: while let Some(p) = find_ascii(&s[i..], b'<') {
        let at = i + p;
        // Every block opener starts `<s` or `<!`.
        if !matches!(s.as_bytes().get(at + 1), Some(b's' | b'!')) {
            i = at + 1;
            continue;
        }
        for (open, close) in [
            ("<script", "</script>"),
            ("<!--", "-->"),
            ("<style", "</style>"),
        ] {
            if s[at..].starts_with(open) {
                if let Some(e) = s[at + open.len()..].find(close) {
                    if out.capacity() == 0 {
                        out.reserve(s.len());
                    }
                    out.push_str(&s[last..at]);
                    i = at + open.len() + e + close.len();
                    last = i;
                    continue 'outer;
                }
            }
        }
        i = at + 1;
    }
    let text = if last == 0 {
        s
    } else {
        out.push_str(&s[last..]);
        out.as_str()
    };
    build_str(|result| {
        result.reserve(text.len());
        let mut rest = text;
        while let Some(p) = find_ascii(rest, b'<') {
            match find_ascii(&rest[p..], b'>') {
                Some(e) => {
                    result.push_str(&rest[..p]);
                    rest = &rest[p + e + 1..];
                }
                None => break,
            }
        }
        result.push_str(rest);
    })
}

fn newline_to_br(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('\n') {
        let line = rest[..p].strip_suffix('\r').unwrap_or(&rest[..p]);
        out.push_str(line);
        out.push_str("<br />\n");
        rest = &rest[p + 1..];
    }
    out.push_str(rest);
    out
}

/// `gsub`/`sub` with a string pattern; the replacement's `\0`, `\&`,
/// `` \` ``, `\'` and `\\` are expanded as Ruby does.
/// `replace`/`remove` and their `_first` forms: the input itself, shared,
/// when the pattern does not occur in it. A compressing layout runs a page
/// through a hundred such filters that mostly find nothing.
fn replaced(v: &Value, pat: &Value, rep: &str, all: bool) -> Value {
    let pat = to_s(pat);
    if let Value::Str(s) = v {
        if !pat.is_empty() && memchr::memmem::find(s.as_bytes(), pat.as_bytes()).is_none() {
            return v.clone();
        }
    }
    Value::str(gsub(&to_s(v), &pat, rep, all))
}

fn gsub(s: &str, pat: &str, rep: &str, all: bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pos = 0;
    let finder = memchr::memmem::Finder::new(pat);
    loop {
        let found = if pat.is_empty() {
            (pos <= s.len()).then_some(pos)
        } else {
            finder.find(&s.as_bytes()[pos..]).map(|p| pos + p)
        };
        let Some(at) = found else { break };
        out.push_str(&s[pos..at]);
        expand(rep, s, at, at + pat.len(), &mut out);
        if pat.is_empty() {
            match s[at..].chars().next() {
                Some(c) => {
                    out.push(c);
                    pos = at + c.len_utf8();
                }
                None => {
                    pos = s.len() + 1;
                }
            }
        } else {
            pos = at + pat.len();
        }
        if !all {
            break;
        }
    }
    if pos <= s.len() {
        out.push_str(&s[pos..]);
    }
    out
}

fn expand(rep: &str, s: &str, a: usize, b: usize, out: &mut String) {
    if !rep.contains('\\') {
        out.push_str(rep);
        return;
    }
    let mut chars = rep.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.peek().copied() {
            Some('0' | '&') => {
                chars.next();
                out.push_str(&s[a..b]);
            }
            Some('1'..='9') => {
                chars.next();
            }
            Some('`') => {
                chars.next();
                out.push_str(&s[..a]);
            }
            Some('\'') => {
                chars.next();
                out.push_str(&s[b..]);
            }
            Some('\\') => {
                chars.next();
                out.push('\\');
            }
            _ => out.push('\\'),
        }
    }
}

fn replace_last(s: &str, pat: &str, rep: &str) -> String {
    match s.rfind(pat) {
        Some(at) => format!("{}{}{}", &s[..at], rep, &s[at + pat.len()..]),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every string of up to `n` characters over `alphabet`.
    fn strings(alphabet: &[char], n: usize) -> Vec<String> {
        let mut all = vec![String::new()];
        let mut level = vec![String::new()];
        for _ in 0..n {
            level = level
                .iter()
                .flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}")))
                .collect();
            all.extend(level.iter().cloned());
        }
        all
    }

    #[test]
    fn char_start_is_the_nth_char_index() {
        for s in strings(&['a', 'é', '€', '😀'], 6) {
            for n in 0..=s.len() + 1 {
                let want = s.char_indices().nth(n).map(|(i, _)| i);
                assert_eq!(char_start(&s, n), want, "{s:?} {n}");
            }
        }
    }

    #[test]
    fn split_on_a_pattern_is_strs_split() {
        for s in strings(&['a', 'b'], 8) {
            for p in strings(&['a', 'b'], 3).iter().filter(|p| !p.is_empty()) {
                let mut want: Vec<&str> = s.split(p.as_str()).collect();
                while want.last() == Some(&"") {
                    want.pop();
                }
                if s.is_empty() {
                    want.clear();
                }
                let got = split_map(&s, p, |x| x).unwrap_or_else(|| vec![&s]);
                assert_eq!(got, want, "{s:?}.split({p:?})");
            }
        }
    }

    /// A byte-at-a-time statement of Ruby's `rb_str_split_m` for `" "`.
    fn reference(s: &str, limit: Option<usize>) -> Vec<&str> {
        if limit == Some(1) {
            return if s.is_empty() { vec![] } else { vec![s] };
        }
        let b = s.as_bytes();
        let mut out = Vec::new();
        let (mut beg, mut end, mut skip, mut fields) = (0, 0, true, 1usize);
        for (p, &c) in b.iter().enumerate() {
            if skip {
                if is_space(c) {
                    beg = p + 1;
                } else {
                    end = p + 1;
                    skip = false;
                    if limit.is_some_and(|l| l <= fields) {
                        break;
                    }
                }
            } else if is_space(c) {
                out.push(&s[beg..end]);
                skip = true;
                beg = p + 1;
                fields += 1;
            } else {
                end = p + 1;
            }
        }
        if !b.is_empty() && (limit.is_some() || b.len() > beg) {
            out.push(&s[beg.min(s.len())..]);
        }
        out
    }

    #[test]
    fn awk_split_keeps_ruby_fields() {
        for s in strings(&['a', ' ', '\n', 'é'], 7) {
            assert_splits_as_reference(&s, &[None, Some(0), Some(1), Some(2), Some(3), Some(5)]);
        }
    }

    fn assert_splits_as_reference(s: &str, limits: &[Option<usize>]) {
        for &limit in limits {
            assert_eq!(awk_split(s, limit), reference(s, limit), "{s:?} {limit:?}");
        }
    }

    #[test]
    fn awk_split_scans_long_words_eight_bytes_at_a_time() {
        // Pseudo-random strings long enough for whole eight-byte chunks,
        // with control bytes that are not whitespace and multi-byte
        // characters on either side of the chunk edges.
        let alphabet = [
            'a', 'b', ' ', '\n', '\t', '\x0b', '\x0c', '\r', '\x01', '\x1f', '!', 'é', '€', '\x7f',
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..20_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let len = (seed % 40) as usize;
            let mut r = seed;
            let s: String = (0..len)
                .map(|i| {
                    r = r.rotate_left(5) ^ i as u64;
                    // Mostly word characters, as in text.
                    if r % 3 == 0 {
                        alphabet[(r / 3 % alphabet.len() as u64) as usize]
                    } else {
                        'a'
                    }
                })
                .collect();
            assert_splits_as_reference(&s, &[None, Some(2), Some(4)]);
        }
    }

    #[test]
    fn char_slice_counts_characters() {
        for s in strings(&['a', 'é', '€'], 4) {
            let chars: Vec<char> = s.chars().collect();
            for offset in -6..6 {
                for length in -1..5 {
                    let want = slice_range(chars.len(), offset, length)
                        .map(|(a, b)| chars[a..b].iter().collect::<String>());
                    let got = char_slice(&s, offset, length).map(str::to_string);
                    assert_eq!(got, want, "{s:?}.slice({offset}, {length})");
                }
            }
        }
    }
}
