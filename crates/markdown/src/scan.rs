//! Byte-level matchers for the fragments of kramdown's regular expressions
//! that recur across parsers (blank lines, HTML names, attribute lists).
//! Every function is anchored at `pos` and runs in time linear in what it reads.

/// Ruby's `\s`: space, tab, newline, vertical tab, form feed, carriage return.
pub(crate) fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// Ruby's ASCII `\w`.
pub(crate) fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// A word character for `\b` (Onigmo treats Unicode letters and digits as word).
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

pub(crate) fn char_at(s: &str, pos: usize) -> Option<char> {
    s.get(pos..).and_then(|r| r.chars().next())
}

pub(crate) fn char_before(s: &str, pos: usize) -> Option<char> {
    s.get(..pos).and_then(|r| r.chars().next_back())
}

/// Length of the UTF-8 char starting at `pos` (1 when out of range).
pub(crate) fn char_len(s: &str, pos: usize) -> usize {
    char_at(s, pos).map_or(1, char::len_utf8)
}

/// `hay.find(needle)` for a needle whose first byte is rare (`$$`,
/// `<code`): memchr on that byte, where `str::find` sets up a two-way
/// searcher on every call.
pub(crate) fn find_str(hay: &str, needle: &str) -> Option<usize> {
    find_bytes(hay.as_bytes(), needle.as_bytes())
}

/// [`find_str`] over bytes.
pub(crate) fn find_bytes(h: &[u8], n: &[u8]) -> Option<usize> {
    let &first = n.first()?;
    memchr::memchr_iter(first, h).find(|&i| h[i..].starts_with(n))
}

/// Index just past the next `\n` at or after `pos`, if any.
pub(crate) fn line_end(s: &str, pos: usize) -> Option<usize> {
    memchr::memchr(b'\n', &s.as_bytes()[pos.min(s.len())..]).map(|i| pos + i + 1)
}

/// Index of the next `\n` at or after `pos`, or the length.
pub(crate) fn eol(s: &str, pos: usize) -> usize {
    memchr::memchr(b'\n', &s.as_bytes()[pos.min(s.len())..]).map_or(s.len(), |i| pos + i)
}

/// `BLANK_LINE`: the longest run of whitespace ending in a newline. Returns its end.
pub(crate) fn blank_end(s: &str, pos: usize) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = pos;
    let mut last_nl = None;
    while i < b.len() && is_ws(b[i]) {
        if b[i] == b'\n' {
            last_nl = Some(i + 1);
        }
        i += 1;
    }
    last_nl
}

/// Number of leading spaces, at most `max`.
pub(crate) fn spaces(s: &str, pos: usize, max: usize) -> usize {
    s.as_bytes()[pos.min(s.len())..]
        .iter()
        .take(max)
        .take_while(|&&b| b == b' ')
        .count()
}

/// `\Z`: at the end, or before a final newline.
pub(crate) fn at_end_z(s: &str, pos: usize) -> bool {
    pos >= s.len() || (pos + 1 == s.len() && s.as_bytes()[pos] == b'\n')
}

/// `[^\n]*` up to the newline: whitespace-only rest of line then `\n` (`\s*?\n`).
pub(crate) fn ws_to_nl(s: &str, pos: usize) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = pos;
    while i < b.len() && is_ws(b[i]) && b[i] != b'\n' {
        i += 1;
    }
    (i < b.len() && b[i] == b'\n').then_some(i + 1)
}

fn is_name_start(c: char) -> bool {
    c.is_alphabetic() || c == '_'
}

fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '.' | '_')
}

fn ncname_end(s: &str, pos: usize) -> Option<usize> {
    let mut it = s.get(pos..)?.char_indices();
    let (_, c) = it.next()?;
    if !is_name_start(c) {
        return None;
    }
    let mut end = pos + c.len_utf8();
    for (i, c) in it {
        if !is_name_char(c) {
            break;
        }
        end = pos + i + c.len_utf8();
    }
    Some(end)
}

/// REXML's `UNAME_STR` (an optionally prefixed XML name), matched atomically.
pub(crate) fn uname_end(s: &str, pos: usize) -> Option<usize> {
    let e = ncname_end(s, pos)?;
    if s.as_bytes().get(e) == Some(&b':') {
        if let Some(e2) = ncname_end(s, e + 1) {
            return Some(e2);
        }
    }
    Some(e)
}

/// `\w[\w-]*` (kramdown's ALD id name).
pub(crate) fn ald_id_end(s: &str, pos: usize) -> Option<usize> {
    let b = s.as_bytes();
    if pos >= b.len() || !is_word_byte(b[pos]) {
        return None;
    }
    let mut i = pos + 1;
    while i < b.len() && (is_word_byte(b[i]) || b[i] == b'-') {
        i += 1;
    }
    Some(i)
}

/// Positions of `}` that may close `(\\\}|[^\}])+` started at `pos`:
/// escaped braces first, then the first unescaped one (all in order).
pub(crate) fn ald_close_candidates(s: &str, pos: usize) -> Vec<usize> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = pos;
    while i < b.len() {
        if b[i] == b'\\' && b.get(i + 1) == Some(&b'}') {
            out.push(i + 1);
            i += 2;
        } else if b[i] == b'}' {
            out.push(i);
            break;
        } else {
            i += 1;
        }
    }
    out
}

const SPAN_ELEMENTS: &[&str] = &[
    "a", "abbr", "acronym", "b", "big", "bdo", "br", "button", "cite", "code", "del", "dfn", "em",
    "i", "img", "input", "ins", "kbd", "label", "mark", "option", "q", "rb", "rbc", "rp", "rt",
    "rtc", "ruby", "samp", "select", "small", "span", "strong", "sub", "sup", "tt", "u", "var",
];

/// `HTML_SPAN_ELEMENTS`.
pub(crate) fn is_span_element(name: &str) -> bool {
    SPAN_ELEMENTS.contains(&name)
}

/// `(?!(?:span elements|script)\b)` at `pos`.
fn starts_with_lazy_span_name(s: &str, pos: usize) -> bool {
    let rest = &s[pos..];
    SPAN_ELEMENTS
        .iter()
        .chain(std::iter::once(&"script"))
        .any(|e| rest.starts_with(e) && !char_at(rest, e.len()).is_some_and(is_word_char))
}

/// `LAZY_END_HTML_START` at `pos` (after optional indentation was skipped).
pub(crate) fn lazy_html_start(s: &str, pos: usize) -> bool {
    s.as_bytes().get(pos) == Some(&b'<')
        && !starts_with_lazy_span_name(s, pos + 1)
        && uname_end(s, pos + 1).is_some()
}

/// `LAZY_END_HTML_STOP` at `pos`.
pub(crate) fn lazy_html_stop(s: &str, pos: usize) -> bool {
    if !s[pos..].starts_with("</") || starts_with_lazy_span_name(s, pos + 2) {
        return false;
    }
    let Some(mut e) = uname_end(s, pos + 2) else {
        return false;
    };
    let b = s.as_bytes();
    while e < b.len() && is_ws(b[e]) {
        e += 1;
    }
    b.get(e) == Some(&b'>')
}

/// `IAL_BLOCK` at `pos`: `{:` (not `{::` / `{:/`), content, `}`, blanks, newline.
/// Returns (content, end).
pub(crate) fn ial_block(s: &str, pos: usize) -> Option<(&str, usize)> {
    if !s[pos..].starts_with("{:") {
        return None;
    }
    let start = pos + 2;
    if matches!(s.as_bytes().get(start), Some(b':') | Some(b'/')) {
        return None;
    }
    for &c in ald_close_candidates(s, start).iter().rev() {
        if c > start {
            if let Some(e) = ws_to_nl(s, c + 1) {
                return Some((&s[start..c], e));
            }
        }
    }
    None
}

/// `IAL_BLOCK_START`: optional indentation then an IAL block.
pub(crate) fn ial_block_start(s: &str, pos: usize) -> Option<(&str, usize)> {
    ial_block(s, pos + spaces(s, pos, 3))
}

/// `EOB_MARKER`: `^` alone on a line. Returns the end.
pub(crate) fn eob_marker(s: &str, pos: usize) -> Option<usize> {
    if s.as_bytes().get(pos) != Some(&b'^') {
        return None;
    }
    ws_to_nl(s, pos + 1)
}

/// `LAZY_END`: where a lazily continued block ends.
pub(crate) fn lazy_end(s: &str, pos: usize) -> bool {
    if blank_end(s, pos).is_some()
        || ial_block_start(s, pos).is_some()
        || eob_marker(s, pos).is_some()
    {
        return true;
    }
    let p = pos + spaces(s, pos, 3);
    lazy_html_stop(s, p) || lazy_html_start(s, p) || at_end_z(s, pos)
}

/// `BLOCK_BOUNDARY`.
pub(crate) fn block_boundary(s: &str, pos: usize) -> bool {
    blank_end(s, pos).is_some()
        || eob_marker(s, pos).is_some()
        || ial_block_start(s, pos).is_some()
        || at_end_z(s, pos)
}

/// `PATTERN_TAIL` (`[\t| ].*?\n`) at `pos`: returns the end of line.
pub(crate) fn pattern_tail(s: &str, pos: usize) -> Option<usize> {
    match s.as_bytes().get(pos) {
        Some(b'\t' | b'|' | b' ') => line_end(s, pos),
        _ => None,
    }
}

/// List marker kinds.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Marker {
    Ul,
    Ol,
    Dl,
}

/// A list-item start with at most `max_indent` leading spaces:
/// returns (marker end, line end).
pub(crate) fn list_start(
    s: &str,
    pos: usize,
    kind: Marker,
    max_indent: usize,
) -> Option<(usize, usize)> {
    let b = s.as_bytes();
    let mut i = pos + spaces(s, pos, max_indent);
    match kind {
        Marker::Ul => {
            if !matches!(b.get(i), Some(b'+' | b'*' | b'-')) {
                return None;
            }
            i += 1;
        }
        Marker::Dl => {
            if b.get(i) != Some(&b':') {
                return None;
            }
            i += 1;
        }
        Marker::Ol => {
            let d = b[i.min(b.len())..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            if d == 0 || b.get(i + d) != Some(&b'.') {
                return None;
            }
            i += d + 1;
        }
    }
    pattern_tail(s, i).map(|e| (i, e))
}

/// `LIST_START` (ul or ol).
pub(crate) fn any_list_start(s: &str, pos: usize) -> bool {
    list_start(s, pos, Marker::Ul, 3).is_some() || list_start(s, pos, Marker::Ol, 3).is_some()
}

/// `HR_START`.
pub(crate) fn hr_end(s: &str, pos: usize) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = pos + spaces(s, pos, 3);
    let c = *b.get(i)?;
    if !matches!(c, b'*' | b'-' | b'_') {
        return None;
    }
    let mut count = 0;
    while i < b.len() && b[i] != b'\n' {
        if b[i] == c {
            count += 1;
        } else if b[i] != b' ' && b[i] != b'\t' {
            return None;
        }
        i += 1;
    }
    (count >= 3 && i < b.len()).then_some(i + 1)
}

/// GFM `FENCED_CODEBLOCK_START` / kramdown `^~{3,}`.
pub(crate) fn fence_start(s: &str, pos: usize, gfm: bool) -> bool {
    let b = s.as_bytes();
    if gfm {
        let i = pos + spaces(s, pos, 3);
        b[i.min(b.len())..]
            .iter()
            .take_while(|c| matches!(c, b'~' | b'`'))
            .count()
            >= 3
    } else {
        b[pos.min(b.len())..]
            .iter()
            .take_while(|&&c| c == b'~')
            .count()
            >= 3
    }
}

/// `^#{1,6}[\t ]+.*\n` (GFM ATX header start).
pub(crate) fn gfm_atx_start(s: &str, pos: usize) -> bool {
    let b = s.as_bytes();
    let n = b[pos.min(b.len())..]
        .iter()
        .take_while(|&&c| c == b'#')
        .count();
    (1..=6).contains(&n)
        && matches!(b.get(pos + n), Some(b' ' | b'\t'))
        && line_end(s, pos).is_some()
}

/// `BLOCKQUOTE_START`.
pub(crate) fn blockquote_start(s: &str, pos: usize) -> bool {
    s.as_bytes().get(pos + spaces(s, pos, 3)) == Some(&b'>')
}
