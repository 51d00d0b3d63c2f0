//! HTML escaping as kramdown does it: `:all`, `:text` (entity references are
//! left alone) and `:attribute` (also quotes), and entity output.

use crate::entities::Entity;
use crate::options::EntityOutput;

/// Escaping flavours of `escape_html`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Esc {
    All,
    Text,
    Attribute,
}

/// REXML's `REFERENCE_RE` at `i` (which holds `&`): the reference length.
fn reference_len(s: &str, i: usize) -> Option<usize> {
    let b = s.as_bytes();
    let mut j = i + 1;
    if b.get(j) == Some(&b'#') {
        j += 1;
        if b.get(j) == Some(&b'x') {
            let n = b[j + 1..]
                .iter()
                .take_while(|c| c.is_ascii_hexdigit())
                .count();
            if n > 0 && b.get(j + 1 + n) == Some(&b';') {
                return Some(j + 2 + n - i);
            }
        }
        let n = b[j..].iter().take_while(|c| c.is_ascii_digit()).count();
        return (n > 0 && b.get(j + n) == Some(&b';')).then(|| j + n + 1 - i);
    }
    let first = *b.get(j)?;
    if !(first.is_ascii_alphanumeric() || first == b'_' || first == b':') {
        return None;
    }
    let n = b[j..]
        .iter()
        .take_while(|&&c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b':' | b'-' | b'.'))
        .count();
    (b.get(j + n) == Some(&b';')).then(|| j + n + 1 - i)
}

/// The next byte at or after `i` that `escape_into` may replace.
fn next_special(b: &[u8], i: usize, how: Esc) -> usize {
    let rest = &b[i..];
    let found = match how {
        Esc::Attribute => rest
            .iter()
            .position(|c| matches!(c, b'<' | b'>' | b'&' | b'"')),
        _ => memchr::memchr3(b'<', b'>', b'&', rest),
    };
    found.map_or(b.len(), |n| i + n)
}

/// kramdown's `escape_html`.
pub(crate) fn escape_into(out: &mut String, s: &str, how: Esc) {
    let b = s.as_bytes();
    let mut last = 0;
    let mut i = 0;
    loop {
        i = next_special(b, i, how);
        if i >= b.len() {
            break;
        }
        let rep = match b[i] {
            b'<' => Some("&lt;"),
            b'>' => Some("&gt;"),
            b'"' if how == Esc::Attribute => Some("&quot;"),
            b'&' => {
                if how != Esc::All {
                    if let Some(n) = reference_len(s, i) {
                        i += n;
                        continue;
                    }
                }
                Some("&amp;")
            }
            _ => None,
        };
        if let Some(r) = rep {
            out.push_str(&s[last..i]);
            out.push_str(r);
            last = i + 1;
        }
        i += 1;
    }
    out.push_str(&s[last..]);
}

pub(crate) fn escape(s: &str, how: Esc) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    escape_into(&mut out, s, how);
    out
}

/// kramdown's `entity_to_str`.
pub(crate) fn entity_to_str(e: Entity, original: Option<&str>, mode: EntityOutput) -> String {
    let mut out = String::new();
    entity_into(&mut out, e, original, mode);
    out
}

/// [`entity_to_str`] written onto `out`.
pub(crate) fn entity_into(out: &mut String, e: Entity, original: Option<&str>, mode: EntityOutput) {
    let c = e.char();
    if mode == EntityOutput::AsChar {
        if let Some(c) = c {
            if c == '"' || !matches!(c, '<' | '>' | '&') {
                out.push(c);
                return;
            }
        }
    }
    if matches!(mode, EntityOutput::AsInput | EntityOutput::AsChar) {
        if let Some(o) = original {
            out.push_str(o);
            return;
        }
    }
    let escapable = matches!(c, Some('<' | '>' | '&' | '"'));
    if let (true, Some(name)) = (mode == EntityOutput::Symbolic || escapable, e.name) {
        out.push('&');
        out.push_str(name);
        out.push(';');
        return;
    }
    out.push_str("&#");
    out.push_str(itoa(e.code_point).as_str());
    out.push(';');
}

/// A code point in decimal, without the formatting machinery.
pub(super) fn itoa(mut n: u32) -> Itoa {
    let mut buf = [0u8; 10];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    Itoa { buf, start: i }
}

pub(super) struct Itoa {
    buf: [u8; 10],
    start: usize,
}

impl Itoa {
    pub(super) fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[self.start..]).unwrap_or("")
    }
}
