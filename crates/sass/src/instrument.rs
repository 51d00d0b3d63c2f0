//! Source-map markers: grass keeps no source positions in its output, so for
//! a source map each SCSS style rule gets a marker declaration
//! (`--hyde-sm: <source> <line> <column>;`) right after its `{`. The markers
//! travel with the rule through nesting, mixins and `@extend`; once grass has
//! run they are taken out of the tree and become the rules' origins.

use crate::tree::{Item, Node, Origin, Sheet};

const MARKER: &str = "--hyde-sm";

/// Inserts a marker into every style rule of an SCSS text.
pub(crate) fn insert_markers(text: &str, source: usize) -> String {
    let markers = markers(text, source);
    let extra: usize = markers.iter().map(|(_, m)| m.len()).sum();
    let mut out = String::with_capacity(text.len() + extra);
    let mut copied = 0;
    for (at, marker) in &markers {
        out.push_str(&text[copied..*at]);
        out.push_str(marker);
        copied = *at;
    }
    out.push_str(&text[copied..]);
    out
}

/// The marker of every style rule of an SCSS text: the byte offset right
/// after the rule's `{`, in order, and the marker's text.
pub(crate) fn markers(text: &str, source: usize) -> Vec<(usize, String)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut lines = LineCounter::default();
    let mut stmt_start = 0;
    let mut parens = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        match c {
            b'"' | b'\'' => {
                i = skip_string(bytes, i);
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                if text[stmt_start..i].trim().starts_with("//") {
                    stmt_start = i;
                }
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                let end = text[i + 2..]
                    .find("*/")
                    .map_or(bytes.len(), |e| i + 2 + e + 2);
                if text[stmt_start..i].trim().is_empty() {
                    stmt_start = end;
                }
                i = end;
                continue;
            }
            b'\\' => {
                i += 2;
                continue;
            }
            b'#' if bytes.get(i + 1) == Some(&b'{') => {
                i = skip_interpolation(bytes, i + 1);
                continue;
            }
            b'u' | b'U'
                if text[i..]
                    .get(..4)
                    .is_some_and(|s| s.eq_ignore_ascii_case("url(")) =>
            {
                i += text[i..].find(')').map_or(bytes.len() - i, |e| e + 1);
                continue;
            }
            b'(' => parens += 1,
            b')' => parens = parens.saturating_sub(1),
            b';' | b'}' => stmt_start = i + 1,
            b'{' if parens == 0 => {
                let prelude = &text[stmt_start..i];
                if is_style_rule(prelude.trim()) {
                    let lead = prelude.len() - prelude.trim_start().len();
                    let (line, column) = lines.line_col(text, stmt_start + lead);
                    out.push((i + 1, format!("{MARKER}: {source} {line} {column};")));
                }
                stmt_start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    out
}

fn skip_string(bytes: &[u8], start: usize) -> usize {
    let quote = bytes[start];
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'\n' => return i,
            c if c == quote => return i + 1,
            b'#' if bytes.get(i + 1) == Some(&b'{') => i = skip_interpolation(bytes, i + 1),
            _ => i += 1,
        }
    }
    bytes.len()
}

/// From the `{` of `#{`, past its matching `}`.
fn skip_interpolation(bytes: &[u8], open: usize) -> usize {
    let mut depth = 0usize;
    let mut i = open;
    while i < bytes.len() {
        match bytes[i] {
            b'"' | b'\'' => {
                i = skip_string(bytes, i);
                continue;
            }
            b'{' => depth += 1,
            b'}' => {
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

/// A block prelude that is a selector: not an at-rule, not a nested
/// property (`font: {`, `border: 1px solid {`).
fn is_style_rule(prelude: &str) -> bool {
    if prelude.is_empty() || prelude.starts_with('@') {
        return false;
    }
    let name_end = prelude
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(prelude.len());
    let rest = prelude[name_end..].trim_start();
    match rest.strip_prefix(':') {
        Some(after) if name_end > 0 => {
            !(after.is_empty() || after.starts_with(char::is_whitespace))
        }
        _ => true,
    }
}

/// 0-based line and character column of byte offsets met in increasing
/// order, counting each part of the text once (a stylesheet has thousands
/// of rules).
#[derive(Default)]
struct LineCounter {
    /// Where counting stopped, the lines before it and where its line starts.
    offset: usize,
    line: usize,
    line_start: usize,
}

impl LineCounter {
    fn line_col(&mut self, text: &str, offset: usize) -> (usize, usize) {
        let passed = &text[self.offset..offset];
        self.line += passed.matches('\n').count();
        if let Some(last) = passed.rfind('\n') {
            self.line_start = self.offset + last + 1;
        }
        self.offset = offset;
        (self.line, text[self.line_start..offset].chars().count())
    }
}

/// Removes the markers, recording each as its block's origin.
pub(crate) fn take_markers(sheet: &mut Sheet) {
    take_from(&mut sheet.items);
}

fn take_from(items: &mut [Item]) {
    for item in items.iter_mut() {
        if let Node::Block {
            children, origin, ..
        } = &mut item.node
        {
            let mut found = None;
            children.retain(|child| match &child.node {
                Node::Decl { prop, value } if prop == MARKER => {
                    if found.is_none() {
                        found = parse_marker(value);
                    }
                    false
                }
                _ => true,
            });
            if origin.is_none() {
                *origin = found;
            }
            take_from(children);
        }
    }
}

fn parse_marker(value: &str) -> Option<Origin> {
    let mut parts = value.split_whitespace().map(|p| p.parse::<u32>().ok());
    Some(Origin {
        source: parts.next()??,
        line: parts.next()??,
        column: parts.next()??,
    })
}

/// Copies origins from the instrumented tree onto the plain one, pairing
/// blocks with equal preludes in document order.
pub(crate) fn copy_origins(plain: &mut Sheet, marked: &Sheet) {
    let mut marked_blocks = Vec::new();
    collect(&marked.items, &mut marked_blocks);
    let mut next = 0;
    assign(&mut plain.items, &marked_blocks, &mut next);
}

fn collect<'a>(items: &'a [Item], out: &mut Vec<(&'a str, Option<Origin>)>) {
    for item in items {
        if let Node::Block {
            prelude,
            children,
            origin,
        } = &item.node
        {
            out.push((prelude, *origin));
            collect(children, out);
        }
    }
}

fn assign(items: &mut [Item], marked: &[(&str, Option<Origin>)], next: &mut usize) {
    for item in items.iter_mut() {
        if let Node::Block {
            prelude,
            children,
            origin,
        } = &mut item.node
        {
            let window = marked.len().min(*next + 64);
            if let Some(offset) = marked[(*next).min(window)..window]
                .iter()
                .position(|(p, _)| *p == prelude.as_str())
            {
                *origin = marked[*next + offset].1;
                *next += offset + 1;
            }
            assign(children, marked, next);
        }
    }
}
