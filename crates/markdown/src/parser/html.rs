//! Raw HTML in Markdown: block-level tags (with `parse_block_html` and the
//! `markdown` attribute), kramdown's raw-HTML tree builder, and span-level tags.

use std::borrow::Cow;

use super::{add_text, Parser, Src};
use crate::scan::*;
use crate::tree::{Attrs, El, Kind, Model};

/// `HTML_CONTENT_MODEL[name]`.
pub(crate) fn content_model(name: &str) -> Model {
    model_of(element_flags(name))
}

/// The content model in an element's flags.
fn model_of(f: u8) -> Model {
    if f & elem::CONTENT_BLOCK != 0 {
        Model::Block
    } else if f & elem::CONTENT_SPAN != 0 {
        Model::Span
    } else {
        Model::Raw
    }
}

/// `HTML_ELEMENT[name]`: a name kramdown knows as HTML.
pub(crate) fn is_known(name: &str) -> bool {
    element_flags(name) != 0
}

/// `HTML_BLOCK_ELEMENTS`.
pub(crate) fn is_block_element(name: &str) -> bool {
    element_flags(name) & elem::BLOCK != 0
}

/// `HTML_ELEMENTS_WITHOUT_BODY`.
pub(crate) fn without_body(name: &str) -> bool {
    element_flags(name) & elem::NO_BODY != 0
}

/// A matched start tag.
pub(crate) struct Tag<'a> {
    pub name: &'a str,
    pub attrs: &'a str,
    pub self_closed: bool,
    pub end: usize,
}

/// `HTML_TAG_RE` at `pos`.
pub(crate) fn tag_at(s: &str, pos: usize) -> Option<Tag<'_>> {
    let b = s.as_bytes();
    if b.get(pos) != Some(&b'<') {
        return None;
    }
    let ne = uname_end(s, pos + 1)?;
    let mut i = ne;
    while i < b.len() && is_ws(b[i]) {
        i += 1;
    }
    let astart = i;
    let mut aend = i;
    // `(?>\s+NAME(?:\s*=\s*(?:\p{Word}+|("|').*?\3))?)*` — the first attribute may follow the name directly
    // because the `\s*` before the group already consumed the separating space.
    let mut first = true;
    loop {
        let mut j = aend;
        let ws_start = j;
        while j < b.len() && is_ws(b[j]) {
            j += 1;
        }
        if j == ws_start && !(first && j == astart && j > ne) {
            break;
        }
        let Some(an) = uname_end(s, j) else { break };
        let mut k = an;
        let mut m = k;
        while m < b.len() && is_ws(b[m]) {
            m += 1;
        }
        if b.get(m) == Some(&b'=') {
            m += 1;
            while m < b.len() && is_ws(b[m]) {
                m += 1;
            }
            match b.get(m) {
                Some(&q @ (b'"' | b'\'')) => {
                    if let Some(close) = memchr::memchr(q, &b[m + 1..]) {
                        k = m + 1 + close + 1;
                    }
                }
                _ => {
                    let we = word_run(s, m);
                    if we > m {
                        k = we;
                    }
                }
            }
        }
        aend = k;
        first = false;
    }
    let mut i = aend;
    while i < b.len() && is_ws(b[i]) {
        i += 1;
    }
    let mut self_closed = false;
    if b.get(i) == Some(&b'/') {
        self_closed = true;
        i += 1;
    }
    if b.get(i) != Some(&b'>') {
        return None;
    }
    Some(Tag {
        name: &s[pos + 1..ne],
        attrs: &s[astart..aend],
        self_closed,
        end: i + 1,
    })
}

/// `\p{Word}+` from `pos`.
fn word_run(s: &str, pos: usize) -> usize {
    let mut e = pos;
    for (i, c) in s[pos..].char_indices() {
        if !super::is_unicode_word(c) {
            break;
        }
        e = pos + i + c.len_utf8();
    }
    e
}

/// `HTML_TAG_CLOSE_RE` at `pos`: (name, end).
pub(crate) fn close_tag_at(s: &str, pos: usize) -> Option<(&str, usize)> {
    if !s[pos.min(s.len())..].starts_with("</") {
        return None;
    }
    let ne = uname_end(s, pos + 2)?;
    let b = s.as_bytes();
    let mut i = ne;
    while i < b.len() && is_ws(b[i]) {
        i += 1;
    }
    (b.get(i) == Some(&b'>')).then(|| (&s[pos + 2..ne], i + 1))
}

/// `HTML_COMMENT_RE` at `pos`: end.
pub(crate) fn comment_at(sc: &Src, pos: usize) -> Option<usize> {
    if !sc.s[pos.min(sc.s.len())..].starts_with("<!--") {
        return None;
    }
    sc.comment_end_from(pos + 4)
}

fn instruction_at(s: &str, pos: usize) -> Option<usize> {
    if !s[pos.min(s.len())..].starts_with("<?") {
        return None;
    }
    s[pos + 2..].find("?>").map(|i| pos + 2 + i + 2)
}

/// `parse_html_attributes`.
pub(crate) fn parse_attrs(s: &str, lower_names: bool) -> Attrs {
    let mut attrs = Attrs::default();
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && is_ws(b[i]) {
            i += 1;
        }
        let Some(ne) = uname_end(s, i) else {
            i += char_len(s, i);
            continue;
        };
        let name = if lower_names {
            lowercase(&s[i..ne])
        } else {
            Cow::Borrowed(&s[i..ne])
        };
        let mut val = String::new();
        let mut k = ne;
        let mut m = ne;
        while m < b.len() && is_ws(b[m]) {
            m += 1;
        }
        if b.get(m) == Some(&b'=') {
            m += 1;
            while m < b.len() && is_ws(b[m]) {
                m += 1;
            }
            match b.get(m) {
                Some(&q @ (b'"' | b'\'')) => {
                    if let Some(close) = memchr::memchr(q, &b[m + 1..]) {
                        val = s[m + 1..m + 1 + close].to_string();
                        k = m + 1 + close + 1;
                    }
                }
                _ => {
                    let we = word_run(s, m);
                    if we > m {
                        val = s[m..we].to_string();
                        k = we;
                    }
                }
            }
        }
        attrs.set(name, val);
        i = k;
    }
    attrs
}

/// Outcome of the block HTML parser.
pub(super) enum BlockHtml {
    Handled,
    No,
    Stop,
}

fn markdown_attr(v: Option<String>) -> Option<Option<Model>> {
    match v.as_deref() {
        Some("0") => Some(Some(Model::Raw)),
        Some("1") => Some(None),
        Some("span") => Some(Some(Model::Span)),
        Some("block") => Some(Some(Model::Block)),
        _ => None,
    }
}

impl Parser<'_> {
    pub(super) fn parse_block_html(&mut self, sc: &mut Src, tree: &mut El) -> BlockHtml {
        let s = sc.s;
        let p = sc.pos + spaces(s, sc.pos, 3);
        if s.as_bytes().get(p) != Some(&b'<') {
            return BlockHtml::No;
        }
        if let Some(end) = comment_at(sc, sc.pos) {
            let mut el = El::with_value(Kind::XmlComment, &s[sc.pos..end]);
            el.block = true;
            tree.children.push(el);
            sc.pos = end;
            skip_trailing_ws(sc);
            return BlockHtml::Handled;
        }
        if let Some(tag) = tag_at(s, p) {
            if !is_span_element(&lowercase(tag.name)) {
                if self.depth_exceeded() {
                    return BlockHtml::No;
                }
                sc.pos = tag.end;
                let el = self.handle_start_tag(sc, &tag, tree, false);
                tree.children.push(el);
                return BlockHtml::Handled;
            }
            return BlockHtml::No;
        }
        if let Some((name, end)) = close_tag_at(s, p) {
            let name = lowercase(name);
            if !is_span_element(&name) && tree.kind == Kind::Html && tree.value == name {
                sc.pos = end;
                return BlockHtml::Stop;
            }
        }
        BlockHtml::No
    }

    /// `handle_html_start_tag` + `handle_kramdown_html_tag`: builds the element for `tag`.
    fn handle_start_tag(&mut self, sc: &mut Src, tag: &Tag, parent: &El, parent_raw: bool) -> El {
        let lower = lowercase(tag.name);
        // The name as written has these flags too: a name kramdown does not
        // know in lowercase is not known with capitals either.
        let flags = element_flags(&lower);
        let known = flags != 0;
        let name = if known {
            lower
        } else {
            Cow::Borrowed(tag.name)
        };
        let name = &*name;
        let mut closed = tag.self_closed;
        let mut el = El::with_value(Kind::Html, name);
        el.block = true;
        el.attr = parse_attrs(tag.attrs, known);
        if !closed && flags & elem::NO_BODY != 0 {
            closed = true;
        }
        let _ = parent;
        if let Some(ial) = self.block_ial.take() {
            el.set_ial(Some(ial));
        }
        let mut model = if parent_raw {
            Model::Raw
        } else if self.opts.parse_block_html {
            model_of(flags)
        } else {
            Model::Raw
        };
        if let Some(m) = markdown_attr(el.attr.remove("markdown")) {
            model = m.unwrap_or_else(|| model_of(flags));
        }
        if name == "script" || name == "style" {
            // Raw text up to the end tag; the body is kept verbatim.
            el.model = model;
            el.is_closed = false;
            self.raw_tag_body(sc, &mut el, name);
            return el;
        }
        if model == Model::Block {
            skip_trailing_ws(sc);
        }
        el.model = model;
        el.is_closed = closed;
        if !closed {
            match model {
                Model::Block => {
                    let saved = self.in_raw_html;
                    self.in_raw_html = false;
                    if !self.parse_blocks_src(sc, &mut el) {
                        self.warning(format!("Found no end tag for '{name}' - auto-closing it"));
                    }
                    self.in_raw_html = saved;
                }
                Model::Span => {
                    let rest = sc.rest();
                    match find_close_ci(rest, name) {
                        Some((off, end_off)) => {
                            add_text(&mut el, &rest[..off], Kind::RawText);
                            sc.pos += end_off;
                        }
                        None => {
                            add_text(&mut el, rest, Kind::RawText);
                            sc.pos = sc.s.len();
                            self.warning(format!(
                                "Found no end tag for '{name}' - auto-closing it"
                            ));
                        }
                    }
                }
                Model::Raw => self.parse_raw_html(sc, &mut el),
            }
            if !parent_raw {
                skip_trailing_ws(sc);
            }
        }
        el
    }

    fn raw_tag_body(&mut self, sc: &mut Src, el: &mut El, name: &str) {
        let rest = sc.rest();
        match find_close_ci(rest, name) {
            Some((off, end_off)) => {
                add_text(el, &rest[..off], Kind::Raw);
                sc.pos += end_off;
            }
            None => {
                add_text(el, rest, Kind::Raw);
                sc.pos = sc.s.len();
                self.warning(format!("Found no end tag for '{name}' - auto-closing it"));
            }
        }
    }

    /// `parse_raw_html`: nested tags become elements, the rest text.
    fn parse_raw_html(&mut self, sc: &mut Src, el: &mut El) {
        let s = sc.s;
        let b = s.as_bytes();
        self.depth += 1;
        loop {
            if sc.eos() {
                break;
            }
            // scan_until(/(?=<(NAME|\/|!--|\?))/)
            let mut i = sc.pos;
            let found = loop {
                match s[i..].find('<') {
                    None => break None,
                    Some(off) => {
                        let q = i + off;
                        let nb = b.get(q + 1).copied();
                        if matches!(nb, Some(b'/') | Some(b'?'))
                            || s[q..].starts_with("<!--")
                            || uname_end(s, q + 1).is_some()
                        {
                            break Some(q);
                        }
                        i = q + 1;
                    }
                }
            };
            let Some(q) = found else {
                add_text(el, sc.rest(), Kind::Text);
                sc.pos = s.len();
                self.warning(format!(
                    "Found no end tag for '{}' - auto-closing it",
                    el.value
                ));
                break;
            };
            add_text(el, &s[sc.pos..q], Kind::Text);
            sc.pos = q;
            if let Some(end) = comment_at(sc, q) {
                let mut c = El::with_value(Kind::XmlComment, &s[q..end]);
                c.block = true;
                el.children.push(c);
                sc.pos = end;
            } else if let Some(end) = instruction_at(s, q) {
                let mut c = El::with_value(Kind::XmlPi, &s[q..end]);
                c.block = true;
                el.children.push(c);
                sc.pos = end;
            } else if let Some(tag) = tag_at(s, q) {
                sc.pos = tag.end;
                if self.depth_exceeded() {
                    add_text(el, &s[q..tag.end], Kind::Text);
                    continue;
                }
                let child = self.handle_start_tag(sc, &tag, el, true);
                el.children.push(child);
            } else if let Some((name, end)) = close_tag_at(s, q) {
                let matches = if is_known(&el.value) {
                    lowercase(name) == el.value
                } else {
                    name == el.value
                };
                sc.pos = end;
                if matches {
                    break;
                }
                add_text(el, &s[q..end], Kind::Text);
                self.warning(format!(
                    "Found invalidly used HTML closing tag for '{name}' - ignoring it"
                ));
            } else {
                add_text(el, "<", Kind::Text);
                sc.pos = q + 1;
            }
        }
        self.depth -= 1;
    }
}

/// `TRAILING_WHITESPACE`: `[ \t]*\n`.
fn skip_trailing_ws(sc: &mut Src) {
    let b = sc.s.as_bytes();
    let mut i = sc.pos;
    while i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
        i += 1;
    }
    if b.get(i) == Some(&b'\n') {
        sc.pos = i + 1;
    }
}

/// Case-insensitive `</name\s*>` in `s`: (start, end) offsets.
pub(crate) fn find_close_ci(s: &str, name: &str) -> Option<(usize, usize)> {
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(off) = s[i..].find("</") {
        let q = i + off;
        let ns = q + 2;
        let ne = ns + name.len();
        if ne <= b.len() && s.get(ns..ne).is_some_and(|n| n.eq_ignore_ascii_case(name)) {
            let mut k = ne;
            while k < b.len() && is_ws(b[k]) {
                k += 1;
            }
            if b.get(k) == Some(&b'>') {
                return Some((q, k + 1));
            }
        }
        i = q + 2;
    }
    None
}
