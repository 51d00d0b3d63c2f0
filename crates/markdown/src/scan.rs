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

/// An XML NCName from `pos`: its end. ASCII bytes are tested directly (tag
/// and attribute names nearly always are); other characters one by one.
fn ncname_end(s: &str, pos: usize) -> Option<usize> {
    let b = s.as_bytes();
    let mut end = match *b.get(pos)? {
        c if c.is_ascii_alphabetic() || c == b'_' => pos + 1,
        c if c.is_ascii() => return None,
        _ => {
            let c = s.get(pos..)?.chars().next()?;
            if !is_name_start(c) {
                return None;
            }
            pos + c.len_utf8()
        }
    };
    loop {
        match b.get(end) {
            Some(&c) if c.is_ascii_alphanumeric() || matches!(c, b'-' | b'.' | b'_') => end += 1,
            Some(&c) if !c.is_ascii() => match s[end..].chars().next() {
                Some(c) if is_name_char(c) => end += c.len_utf8(),
                _ => break,
            },
            _ => break,
        }
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

/// Flags of an HTML element name in kramdown's tables.
pub(crate) mod elem {
    /// `HTML_SPAN_ELEMENTS`.
    pub const SPAN: u8 = 1;
    /// `HTML_BLOCK_ELEMENTS`.
    pub const BLOCK: u8 = 2;
    /// `HTML_ELEMENTS_WITHOUT_BODY`.
    pub const NO_BODY: u8 = 4;
    /// `HTML_CONTENT_MODEL`: `:block`, `:span` or `:raw`.
    pub const CONTENT_BLOCK: u8 = 8;
    pub const CONTENT_SPAN: u8 = 16;
    pub const CONTENT_RAW: u8 = 32;
}

/// Every name in kramdown's HTML tables with its flags, sorted by name.
const ELEMENTS: &[(&str, u8)] = {
    use elem::*;
    &[
        ("a", SPAN | CONTENT_SPAN),
        ("abbr", SPAN | CONTENT_SPAN),
        ("acronym", SPAN | CONTENT_SPAN),
        ("address", BLOCK | CONTENT_BLOCK),
        ("applet", BLOCK | CONTENT_BLOCK),
        ("area", NO_BODY),
        ("article", BLOCK | CONTENT_BLOCK),
        ("aside", BLOCK | CONTENT_BLOCK),
        ("b", SPAN | CONTENT_SPAN),
        ("base", NO_BODY),
        ("bdo", SPAN | CONTENT_SPAN),
        ("big", SPAN | CONTENT_SPAN),
        ("blockquote", BLOCK | CONTENT_BLOCK),
        ("body", BLOCK | CONTENT_BLOCK),
        ("br", SPAN | NO_BODY),
        ("button", SPAN | CONTENT_SPAN),
        ("caption", BLOCK | CONTENT_SPAN),
        ("cite", SPAN | CONTENT_SPAN),
        ("code", SPAN | CONTENT_RAW),
        ("col", BLOCK | NO_BODY),
        ("colgroup", BLOCK),
        ("command", NO_BODY),
        ("dd", BLOCK | CONTENT_BLOCK),
        ("del", SPAN | CONTENT_SPAN),
        ("details", CONTENT_BLOCK),
        ("dfn", SPAN | CONTENT_SPAN),
        ("div", BLOCK | CONTENT_BLOCK),
        ("dl", BLOCK | CONTENT_BLOCK),
        ("dt", BLOCK | CONTENT_SPAN),
        ("em", SPAN | CONTENT_SPAN),
        ("embed", NO_BODY),
        ("fieldset", BLOCK | CONTENT_BLOCK),
        ("figcaption", BLOCK | CONTENT_BLOCK),
        ("figure", CONTENT_BLOCK),
        ("footer", BLOCK | CONTENT_BLOCK),
        ("form", BLOCK | CONTENT_BLOCK),
        ("h1", BLOCK | CONTENT_SPAN),
        ("h2", BLOCK | CONTENT_SPAN),
        ("h3", BLOCK | CONTENT_SPAN),
        ("h4", BLOCK | CONTENT_SPAN),
        ("h5", BLOCK | CONTENT_SPAN),
        ("h6", BLOCK | CONTENT_SPAN),
        ("head", BLOCK),
        ("header", BLOCK | CONTENT_BLOCK),
        ("hgroup", BLOCK | CONTENT_BLOCK),
        ("hr", BLOCK | NO_BODY),
        ("html", BLOCK),
        ("i", SPAN | CONTENT_SPAN),
        ("iframe", BLOCK | CONTENT_BLOCK),
        ("img", SPAN | NO_BODY),
        ("input", SPAN | NO_BODY),
        ("ins", SPAN | CONTENT_SPAN),
        ("kbd", SPAN | CONTENT_RAW),
        ("keygen", NO_BODY),
        ("label", SPAN | CONTENT_SPAN),
        ("legend", BLOCK | CONTENT_SPAN),
        ("li", BLOCK | CONTENT_BLOCK),
        ("link", NO_BODY),
        ("main", BLOCK | CONTENT_BLOCK),
        ("map", BLOCK | CONTENT_BLOCK),
        ("mark", SPAN),
        ("math", CONTENT_RAW),
        ("menu", BLOCK | CONTENT_BLOCK),
        ("meta", NO_BODY),
        ("nav", BLOCK | CONTENT_BLOCK),
        ("noscript", CONTENT_BLOCK),
        ("object", CONTENT_BLOCK),
        ("ol", BLOCK),
        ("optgroup", BLOCK | CONTENT_SPAN),
        ("option", SPAN | CONTENT_RAW),
        ("p", BLOCK | CONTENT_SPAN),
        ("param", NO_BODY),
        ("pre", BLOCK | CONTENT_RAW),
        ("q", SPAN | CONTENT_SPAN),
        ("rb", SPAN | CONTENT_SPAN),
        ("rbc", SPAN | CONTENT_SPAN),
        ("rp", SPAN | CONTENT_SPAN),
        ("rt", SPAN | CONTENT_SPAN),
        ("rtc", SPAN | CONTENT_SPAN),
        ("ruby", SPAN | CONTENT_SPAN),
        ("samp", SPAN | CONTENT_RAW),
        ("script", CONTENT_RAW),
        ("section", BLOCK | CONTENT_BLOCK),
        ("select", SPAN | CONTENT_SPAN),
        ("small", SPAN | CONTENT_SPAN),
        ("source", NO_BODY),
        ("span", SPAN | CONTENT_SPAN),
        ("strong", SPAN | CONTENT_SPAN),
        ("style", CONTENT_RAW),
        ("sub", SPAN | CONTENT_SPAN),
        ("summary", BLOCK | CONTENT_BLOCK),
        ("sup", SPAN | CONTENT_SPAN),
        ("table", BLOCK),
        ("tbody", BLOCK),
        ("td", BLOCK | CONTENT_BLOCK),
        ("textarea", CONTENT_RAW),
        ("tfoot", BLOCK),
        ("th", BLOCK | CONTENT_SPAN),
        ("thead", BLOCK),
        ("tr", BLOCK),
        ("track", NO_BODY),
        ("tt", SPAN | CONTENT_SPAN),
        ("u", SPAN),
        ("ul", BLOCK),
        ("var", SPAN | CONTENT_RAW),
        ("wbr", NO_BODY),
    ]
};

/// A name of at most 15 bytes as one number: its bytes big-endian, then its
/// length. Numbers sort as the names do, so [`element_flags`] binary-searches
/// numbers instead of comparing strings (block HTML asks for every tag).
const fn name_key(name: &[u8]) -> Option<u128> {
    if name.len() > 15 {
        return None;
    }
    let mut buf = [0u8; 16];
    let mut i = 0;
    while i < name.len() {
        buf[i] = name[i];
        i += 1;
    }
    buf[15] = name.len() as u8;
    Some(u128::from_be_bytes(buf))
}

/// The keys of [`ELEMENTS`], in the same (strictly increasing) order.
const ELEMENT_KEYS: [u128; ELEMENTS.len()] = {
    let mut keys = [0; ELEMENTS.len()];
    let mut i = 0;
    while i < keys.len() {
        keys[i] = match name_key(ELEMENTS[i].0.as_bytes()) {
            Some(k) => k,
            None => panic!("element name too long"),
        };
        assert!(i == 0 || keys[i - 1] < keys[i], "ELEMENTS out of order");
        i += 1;
    }
    keys
};

/// The flags of an HTML element name (0 for a name kramdown does not know).
pub(crate) fn element_flags(name: &str) -> u8 {
    name_key(name.as_bytes())
        .and_then(|k| ELEMENT_KEYS.binary_search(&k).ok())
        .map_or(0, |i| ELEMENTS[i].1)
}

/// `HTML_SPAN_ELEMENTS`.
pub(crate) fn is_span_element(name: &str) -> bool {
    element_flags(name) & elem::SPAN != 0
}

/// `name.downcase` without a copy when it has no capital letter (tag names
/// nearly always are lowercase ASCII).
pub(crate) fn lowercase(name: &str) -> std::borrow::Cow<'_, str> {
    if name
        .bytes()
        .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
    {
        std::borrow::Cow::Owned(name.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(name)
    }
}

/// `(?!(?:span elements|script)\b)` at `pos`: every such name is a run of
/// ASCII word characters, so it is the whole word there or not at all.
fn starts_with_lazy_span_name(s: &str, pos: usize) -> bool {
    let rest = &s[pos..];
    let word = rest
        .char_indices()
        .find(|&(_, c)| !is_word_char(c))
        .map_or(rest, |(i, _)| &rest[..i]);
    word == "script" || is_span_element(word)
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
