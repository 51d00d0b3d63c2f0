//! A direct reader for the YAML most front matter is: one `key: value` pair
//! per line, at column 0.
//!
//! Going through `saphyr-parser`'s scanner, parser and events cost some
//! 80,000 instructions for a ten-line front matter. Lines of this shape are
//! read here instead: a plain key; a plain, single-quoted or double-quoted
//! value without escapes, or a one-line flow sequence of plain words; blank
//! and comment lines. Scalars are typed by the same code the loader uses,
//! and the nodes carry the spans the loader gives them. Anything else (an
//! indented line, a tab, a `\r`, an anchor, a tag, a block scalar, a
//! character that is not plain) and the whole text goes to the loader, so
//! this path decides nothing about YAML it did not fully read. A unit test
//! loads every corpus case both ways.

use crate::loader::LoadOptions;
use crate::scalar::scalar_value;
use crate::value::{Map, Node, Pos, Span, Yaml};

/// The node the loader would build for `src`, when `src` is flat front
/// matter; `None` means "ask the loader".
pub(crate) fn load(src: &str, opts: &LoadOptions<'_>) -> Option<Node> {
    if opts.max_depth == 0 {
        return None;
    }
    let (body, first_line) = match src.strip_prefix("---") {
        Some(rest) => (rest.strip_prefix('\n')?, 2),
        None => (src, 1),
    };
    // Without a final line break the loader's positions at the end differ.
    let body = body.strip_suffix('\n')?;
    let mut map = Map::new();
    let mut start = None;
    let mut lines = 0;
    for line in body.split('\n') {
        let line_no = first_line + lines;
        lines += 1;
        if line.is_empty() || line.starts_with('#') {
            if !all_plain(line) {
                return None;
            }
            continue;
        }
        let (key, value) = pair(line, line_no, opts)?;
        start.get_or_insert(key.span.start);
        map.insert(key, value);
    }
    let start = start?;
    // The mapping ends where the stream does, after the last line break.
    let end = Pos {
        line: first_line + lines,
        column: 1,
    };
    Some(Node {
        value: Yaml::Map(map),
        span: Span { start, end },
    })
}

/// A character libyaml reads as content in a one-line scalar: printable
/// and not a line break (`\u{85}`, `\u{2028}`, `\u{2029}`) or a byte order
/// mark.
fn plain_char(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{a0}'..='\u{2027}' | '\u{202a}'..='\u{d7ff}' | '\u{e000}'..='\u{fefe}' | '\u{ff00}'..='\u{fffd}' | '\u{10000}'..)
}

/// Whether every character of `s` is [`plain_char`]; ASCII text, nearly
/// all of it, is checked by bytes without decoding.
fn all_plain(s: &str) -> bool {
    if s.is_ascii() {
        s.bytes().all(|b| (b' '..=b'~').contains(&b))
    } else {
        s.chars().all(plain_char)
    }
}

/// One `key: value` line.
fn pair(line: &str, line_no: usize, opts: &LoadOptions<'_>) -> Option<(Node, Node)> {
    let key_len = line
        .bytes()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.')))?;
    let first = line.as_bytes()[0];
    if key_len == 0 || key_len > 128 || !(first.is_ascii_alphanumeric() || first == b'_') {
        return None;
    }
    let key_text = &line[..key_len];
    let rest = line[key_len..].strip_prefix(':')?;
    let key = typed(key_text, line_no, 1, 1 + key_len, opts)?;
    if rest.is_empty() {
        // `key:` at the end of its line: an empty plain scalar, which the
        // loader places where the next token starts.
        return None;
    }
    let text = rest.strip_prefix(' ')?;
    let lead = text.len() - text.trim_start_matches(' ').len();
    let text = &text[lead..];
    // Column (1-based, in characters) where the value starts: the key is
    // ASCII, then `:` and the spaces.
    let col = key_len + 2 + lead + 1;
    // A quoted scalar or flow sequence ends, for the loader, after the
    // spaces and comment that follow it: at the end of the line.
    let line_end = key_len + 2 + lead + text.chars().count() + 1;
    let value = match text.as_bytes().first()? {
        b'"' => {
            let close = text[1..].find('"')? + 1;
            let inner = &text[1..close];
            if inner.contains('\\') || !all_plain(inner) {
                return None;
            }
            trailer(&text[close + 1..])?;
            node(Yaml::Str(inner.into()), line_no, col, line_end)
        }
        b'\'' => {
            let (inner, used) = single_quoted(&text[1..])?;
            trailer(&text[1 + used..])?;
            node(Yaml::Str(inner), line_no, col, line_end)
        }
        b'[' => flow_seq(text, line_no, col, line_end, opts)?,
        _ => {
            let plain = plain_scalar(text)?;
            let end = col + plain.chars().count();
            typed(plain, line_no, col, end, opts)?
        }
    };
    Some((key, value))
}

fn node(value: Yaml, line: usize, start: usize, end: usize) -> Node {
    Node {
        value,
        span: Span {
            start: Pos {
                line,
                column: start,
            },
            end: Pos { line, column: end },
        },
    }
}

/// A plain scalar typed as the loader types it (`None` when typing fails:
/// the loader then reports the error).
fn typed(
    text: &str,
    line: usize,
    start: usize,
    end: usize,
    opts: &LoadOptions<'_>,
) -> Option<Node> {
    let value = scalar_value(text, false, None, opts.local_offset).ok()?;
    Some(node(value, line, start, end))
}

/// What may follow a scalar on its line: spaces, then the end of the line
/// or a comment.
fn trailer(rest: &str) -> Option<()> {
    let t = rest.trim_start_matches(' ');
    let ok = t.is_empty() || (t.starts_with('#') && t.len() < rest.len() && all_plain(t));
    ok.then_some(())
}

/// The text of a single-quoted scalar after its opening quote (`''` is a
/// quote), and the bytes used up to and including the closing quote.
fn single_quoted(text: &str) -> Option<(String, usize)> {
    let mut out = String::new();
    let mut rest = text;
    loop {
        let q = rest.find('\'')?;
        let part = &rest[..q];
        if !all_plain(part) {
            return None;
        }
        out.push_str(part);
        if rest[q + 1..].starts_with('\'') {
            out.push('\'');
            rest = &rest[q + 2..];
        } else {
            return Some((out, text.len() - rest.len() + q + 1));
        }
    }
}

/// A plain scalar in block context that runs to its line's end or a
/// comment: its text, trailing spaces dropped.
fn plain_scalar(text: &str) -> Option<&str> {
    let b = text.as_bytes();
    let first_ok = match b[0] {
        b'-' => b
            .get(1)
            .is_some_and(|n| n.is_ascii_alphanumeric() || *n == b'.'),
        c => !matches!(
            c,
            b',' | b'['
                | b']'
                | b'{'
                | b'}'
                | b'#'
                | b'&'
                | b'*'
                | b'!'
                | b'|'
                | b'>'
                | b'\''
                | b'"'
                | b'%'
                | b'@'
                | b'`'
                | b'?'
                | b':'
        ),
    };
    if !first_ok || !all_plain(text) {
        return None;
    }
    let mut end = text.len();
    for (i, w) in b.windows(2).enumerate() {
        if w == b" #" {
            end = i;
            break;
        }
        // A value indicator inside the value: YAML would read a mapping.
        if w == b": " {
            return None;
        }
    }
    let plain = text[..end].trim_end_matches(' ');
    if plain.ends_with(':') {
        return None;
    }
    Some(plain)
}

/// `[a, b c, d]` on one line: plain items of words.
fn flow_seq(
    text: &str,
    line: usize,
    col: usize,
    line_end: usize,
    opts: &LoadOptions<'_>,
) -> Option<Node> {
    let close = text.find(']')?;
    trailer(&text[close + 1..])?;
    let inner = &text[1..close];
    if !inner.is_ascii() {
        return None;
    }
    let mut items = Vec::new();
    if !inner.trim_start_matches(' ').is_empty() {
        let mut at = 1;
        for part in inner.split(',') {
            let lead = part.len() - part.trim_start_matches(' ').len();
            let word = part.trim_matches(' ');
            let ok = word
                .bytes()
                .next()
                .is_some_and(|b| b.is_ascii_alphanumeric())
                && word.bytes().all(|b| {
                    b.is_ascii_alphanumeric() || matches!(b, b' ' | b'_' | b'-' | b'.' | b'/')
                });
            if !ok {
                return None;
            }
            let start = col + at + lead;
            items.push(typed(word, line, start, start + word.len(), opts)?);
            at += part.len() + 1;
        }
    }
    Some(node(Yaml::Seq(items), line, col, line_end))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every corpus case this path reads gives the loader's node, spans
    /// included; and it reads a fair share of them.
    #[test]
    fn flat_path_gives_the_loaders_nodes() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/cases");
        let opts = LoadOptions::default();
        let (mut read, mut total, mut differ) = (0, 0, Vec::new());
        let mut check = |name: &str, src: &str| {
            total += 1;
            let Some(fast) = load(src, &opts) else {
                return;
            };
            read += 1;
            let full = crate::loader::Loader::new(src, &opts).run();
            let full = full.as_ref().map_or("error".into(), show);
            if show(&fast) != full {
                differ.push(format!(
                    "{name}: {src:?}\n  flat: {}\n  full: {full}",
                    show(&fast)
                ));
            }
        };
        for entry in std::fs::read_dir(&dir).expect("corpus cases") {
            let path = entry.expect("entry").path();
            if path.extension().is_none_or(|x| x != "yamls") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("case file");
            let mut name = String::new();
            let mut src = String::new();
            for line in text.split_inclusive('\n') {
                if let Some(n) = line.strip_prefix("=== ") {
                    if !name.is_empty() {
                        check(&name, &src);
                    }
                    name = n.trim_end().to_string();
                    src.clear();
                } else {
                    src.push_str(line);
                }
            }
            check(&name, &src);
        }
        for src in FRONT_MATTER {
            check("front matter", src);
        }
        assert!(
            differ.is_empty(),
            "{} of {read} differ:\n{}",
            differ.len(),
            differ[..differ.len().min(5)].join("\n")
        );
        assert!(read * 10 > total, "only {read} of {total} read flat");
    }

    /// A node's values and spans in order, as text (NaN is not equal to
    /// itself, and a map's index prints in hash order).
    fn show(n: &Node) -> String {
        let span = |n: &Node| {
            format!(
                "@{}:{}-{}:{}",
                n.span.start.line, n.span.start.column, n.span.end.line, n.span.end.column
            )
        };
        match &n.value {
            Yaml::Seq(items) => {
                let items: Vec<String> = items.iter().map(show).collect();
                format!("[{}]{}", items.join(", "), span(n))
            }
            Yaml::Map(m) => {
                let pairs: Vec<String> = m
                    .iter()
                    .map(|(k, v)| format!("{}: {}", show(k), show(v)))
                    .collect();
                format!("{{{}}}{}", pairs.join(", "), span(n))
            }
            v => format!("{v:?}{}", span(n)),
        }
    }

    const FRONT_MATTER: &[&str] = &[
        "---\ntitle: \"Optimal transport: part 489\"\ncollection: publications\ncategory: conferences\npermalink: /publication/2005-01-10-optimal-transport-489\nexcerpt: 'While an layer coding study sparsity data high of data.'\ndate: 2005-01-10\nvenue: 'Conference on Neural Structures'\npaperurl: 'https://example.org/optimal-transport-489.pdf'\ncitation: 'Rivera, J. (2005). &quot;Optimal transport: part 489.&quot; <i>Workshop</i>.'\n",
        "---\ntitle: \"Sparse coding: part 963\"\ncategories: [research]\ntags: [llm, teaching]\n",
        "---\ntags: []\nx: [ a ,b,  c d ]   # note\n",
        "---\ntitle: It''s 'x'\nn: 'it''s'\ntime: 2024-01-05 10:00:00 +01:00\nf: 1.5e+3\n",
        "title: Hello  \n\n# comment\nlayout: single\nauthor_profile: true\nredirect_from: \n",
        "---\nx: a:b\ny: -1\nz: ~\nw: null\n'q': 1\n",
        "---\ntitle: Über café — “quotes”\nk: \"naïve\"   \n",
        "---\nk: v\n---\nk2: v\n",
        "---\nk: [a, [b]]\nj: {a: 1}\n",
        "---\nk: v # c\nd: 2001-02-03T04:05:06Z\n",
        "---\nk: \"v\"  # c\nj: 'v' # c'\nl: [a]\nm: \"\"\nn: ''",
        "---\nk: \"v\"  # c\nj: 'v' # c'\nl: [a]\nm: \"\"\nn: ''\n",
        "---\nkey: -x\nk2: 'a''''b'\nk3: x\"y\" 'z'\n\n\n# end\n",
    ];
}
