//! Single-construct block parsers: blank lines, code blocks, blockquotes,
//! headers, rules, math, end-of-block markers and paragraphs. Definitions
//! and extensions are in `defs`.

use super::{add_text, Parser, Src};
use crate::scan::*;
use crate::tree::{El, EobKind, Kind};

impl Parser<'_> {
    fn after_block_boundary(&self, tree: &El) -> bool {
        match tree.children.last() {
            None => true,
            Some(l) => {
                l.kind == Kind::Blank
                    || (l.kind == Kind::Eob && *l.eob() == EobKind::Plain)
                    || self.block_ial.is_some()
            }
        }
    }

    pub(super) fn parse_blank_line(&mut self, sc: &mut Src, tree: &mut El) -> bool {
        let Some(end) = blank_end(sc.s, sc.pos) else {
            return false;
        };
        let text = &sc.s[sc.pos..end];
        sc.pos = end;
        if let Some(last) = tree.children.last_mut() {
            if last.kind == Kind::Blank {
                last.value.push_str(text);
                return true;
            }
        }
        let mut el = self.new_block_el(Kind::Blank);
        el.value = text.to_string();
        tree.children.push(el);
        true
    }

    pub(super) fn parse_eob_marker(&mut self, sc: &mut Src, tree: &mut El) -> bool {
        let Some(end) = eob_marker(sc.s, sc.pos) else {
            return false;
        };
        sc.pos = end;
        let el = self.new_block_el(Kind::Eob);
        tree.children.push(el);
        true
    }

    /// `CODEBLOCK_MATCH` from `pos`: returns its end.
    pub(super) fn codeblock_match_end(s: &str, pos: usize) -> usize {
        let b = s.as_bytes();
        let mut i = pos;
        loop {
            let start = i;
            let mut j = blank_end(s, i).unwrap_or(i);
            let mut n = 0;
            while let Some(e) = indented_line(s, j) {
                j = e;
                n += 1;
            }
            if n == 0 {
                return start;
            }
            while j < b.len() {
                if ial_block_start(s, j).is_some() || eob_marker(s, j).is_some() {
                    break;
                }
                let p = j + spaces(s, j, 3);
                if lazy_html_stop(s, p) || lazy_html_start(s, p) {
                    break;
                }
                match nonblank_line(s, j) {
                    Some(e) => j = e,
                    None => break,
                }
            }
            i = j;
        }
    }

    pub(super) fn parse_codeblock(&mut self, sc: &mut Src, tree: &mut El) -> bool {
        let b = sc.s.as_bytes();
        if !(b.get(sc.pos) == Some(&b'\t') || sc.s[sc.pos..].starts_with("    ")) {
            return false;
        }
        let end = Self::codeblock_match_end(sc.s, sc.pos);
        if end == sc.pos {
            return false;
        }
        let data = &sc.s[sc.pos..end];
        sc.pos = end;
        let data = join_lazy_lines(data);
        let data = strip_indent(&data);
        let mut el = self.new_block_el(Kind::Codeblock);
        el.value = data;
        tree.children.push(el);
        true
    }

    pub(super) fn parse_codeblock_fenced(&mut self, sc: &mut Src, tree: &mut El) -> bool {
        if !fence_start(sc.s, sc.pos, self.gfm) {
            return false;
        }
        let Some(m) = fenced_match(sc.s, sc.pos, self.gfm) else {
            return false;
        };
        sc.pos = m.end;
        let mut el = self.new_block_el(Kind::Codeblock);
        el.value = m.body.to_string();
        let lang = m.info.trim();
        if !lang.is_empty() {
            el.extra_mut().lang = Some(lang.to_string());
            el.attr.set("class", format!("language-{}", m.lang));
        }
        tree.children.push(el);
        true
    }

    pub(super) fn parse_blockquote(&mut self, sc: &mut Src, tree: &mut El) -> bool {
        if !blockquote_start(sc.s, sc.pos) || self.depth_exceeded() {
            return false;
        }
        let start = sc.pos;
        sc.pos = line_end(sc.s, sc.pos).unwrap_or(sc.s.len());
        while !sc.eos() && !lazy_end(sc.s, sc.pos) {
            sc.pos = line_end(sc.s, sc.pos).unwrap_or(sc.s.len());
        }
        let mut result = String::with_capacity(sc.pos - start);
        for line in sc.s[start..sc.pos].split_inclusive('\n') {
            let sp = spaces(line, 0, 3);
            if line.as_bytes().get(sp) == Some(&b'>') {
                let mut k = sp + 1;
                if line.as_bytes().get(k) == Some(&b' ') {
                    k += 1;
                }
                result.push_str(&line[k..]);
            } else {
                result.push_str(line);
            }
        }
        let mut el = self.new_block_el(Kind::Blockquote);
        self.parse_blocks(&result, &mut el);
        tree.children.push(el);
        true
    }

    pub(super) fn parse_atx_header(&mut self, sc: &mut Src, tree: &mut El) -> bool {
        let b = sc.s.as_bytes();
        let mut level = b[sc.pos..].iter().take_while(|&&c| c == b'#').count();
        if level == 0 || (self.gfm && level > 6) {
            return false;
        }
        level = level.min(6);
        let Some(end) = line_end(sc.s, sc.pos) else {
            return false;
        };
        let after = sc.pos + level;
        let line = &sc.s[after..end - 1];
        if self.gfm && self.opts.gfm_paragraph_end {
            if !matches!(b.get(after), Some(b' ' | b'\t')) {
                return false;
            }
            let contents = line.trim_start_matches([' ', '\t']);
            let (mut text, id) = header_contents(contents);
            if let Some(t) = strip_trailing_hashes_gfm(&text) {
                text = t.trim_end_matches(is_ruby_ws).to_string();
            }
            if text.is_empty() {
                return false;
            }
            sc.pos = end;
            self.add_header(tree, level as u8, text, id);
            return true;
        }
        if self.gfm && !matches!(b.get(after), Some(b' ' | b'\t')) {
            return false;
        }
        let mut end = end;
        let mut contents = line.trim_start_matches([' ', '\t']).to_string();
        if contents.is_empty() && !self.gfm {
            // `[^ \t].*\n` lets the newline be the first content character:
            // the header then takes the next line too.
            match line_end(sc.s, end) {
                Some(e2) => {
                    contents = format!("\n{}", &sc.s[end..e2 - 1]);
                    end = e2;
                }
                None => return false,
            }
        }
        if contents.is_empty() || !self.after_block_boundary(tree) {
            return false;
        }
        let (mut text, id) = header_contents(&contents);
        let trimmed = text.trim_end_matches('#');
        if trimmed.len() != text.len() {
            let cut = trimmed.len();
            let escaped = cut > 0 && text.as_bytes()[cut - 1] == b'\\';
            let keep = if escaped { cut + 1 } else { cut };
            if keep < text.len() {
                text.truncate(keep);
                text = text.trim_end_matches(is_ruby_ws).to_string();
            }
        }
        if text.is_empty() {
            return false;
        }
        sc.pos = end;
        self.add_header(tree, level as u8, text, id);
        true
    }

    pub(super) fn parse_setext_header(&mut self, sc: &mut Src, tree: &mut El) -> bool {
        let s = sc.s;
        let p = sc.pos + spaces(s, sc.pos, 3);
        if matches!(s.as_bytes().get(p), None | Some(b' ' | b'\t' | b'\n')) {
            return false;
        }
        let Some(l1) = line_end(s, p) else {
            return false;
        };
        let b = s.as_bytes();
        let c = match b.get(l1) {
            Some(&c @ (b'-' | b'=')) => c,
            _ => return false,
        };
        let mut j = l1;
        while j < b.len() && (b[j] == b'-' || b[j] == b'=') {
            j += 1;
        }
        while j < b.len() && matches!(b[j], b' ' | b'\t' | b'\r' | 0x0b | 0x0c) {
            j += 1;
        }
        if b.get(j) != Some(&b'\n') || !self.after_block_boundary(tree) {
            return false;
        }
        let (text, id) = header_contents(&s[p..l1 - 1]);
        if text.is_empty() {
            return false;
        }
        sc.pos = j + 1;
        self.add_header(tree, if c == b'-' { 2 } else { 1 }, text, id);
        true
    }

    fn add_header(&mut self, tree: &mut El, level: u8, text: String, id: Option<String>) {
        let mut el = self.new_block_el(Kind::Header);
        el.level = level;
        el.extra_mut().raw_text = text.clone();
        add_text(&mut el, &text, Kind::RawText);
        if let Some(id) = id {
            el.attr.set("id", id);
        }
        tree.children.push(el);
    }

    pub(super) fn parse_horizontal_rule(&mut self, sc: &mut Src, tree: &mut El) -> bool {
        let Some(end) = hr_end(sc.s, sc.pos) else {
            return false;
        };
        sc.pos = end;
        let el = self.new_block_el(Kind::Hr);
        tree.children.push(el);
        true
    }

    pub(super) fn parse_block_math(&mut self, sc: &mut Src, tree: &mut El) -> bool {
        let s = sc.s;
        let mut p = sc.pos + spaces(s, sc.pos, 3);
        let escaped = s.as_bytes().get(p) == Some(&b'\\');
        if escaped {
            p += 1;
        }
        if !s[p..].starts_with("$$") {
            return false;
        }
        let Some(close) = find_str(&s[p + 2..], "$$").map(|i| p + 2 + i) else {
            return false;
        };
        let after = close + 2;
        let nl_end = ws_to_nl_multi(s, after);
        if !self.after_block_boundary(tree) {
            return false;
        }
        if escaped {
            if nl_end.is_some() {
                // kramdown consumes the indentation and backslash, leaving `$$…` for the paragraph.
                sc.pos = sc.pos + spaces(s, sc.pos, 3) + 1;
            }
            return false;
        }
        let end = nl_end.unwrap_or(after);
        if !block_boundary(s, end) {
            return false;
        }
        sc.pos = end;
        let mut el = self.new_block_el(Kind::Math);
        el.value = s[p + 2..close].trim_matches(is_ruby_ws).to_string();
        tree.children.push(el);
        true
    }

    pub(super) fn parse_paragraph(&mut self, sc: &mut Src, tree: &mut El) -> bool {
        let s = sc.s;
        let p = sc.pos + spaces(s, sc.pos, 3);
        if matches!(s.as_bytes().get(p), None | Some(b' ' | b'\t')) {
            return false;
        }
        let start = sc.pos;
        let Some(mut end) = line_end(s, p) else {
            return false;
        };
        while end < s.len() && !self.paragraph_end(s, end) {
            end = line_end(s, end).unwrap_or(s.len());
        }
        sc.pos = end;
        let result = s[start..end].trim_end_matches(is_ruby_ws_or_nul);
        if let Some(last) = tree.children.last_mut() {
            if last.kind == Kind::P {
                let joiner = if start >= 3 && &s.as_bytes()[start - 3..start] == b"  \n" {
                    "  \n"
                } else {
                    "\n"
                };
                if let Some(li) = last.children.last_mut() {
                    if li.kind == Kind::RawText {
                        li.value.push_str(joiner);
                        li.value.push_str(result);
                        return true;
                    }
                }
                add_text(last, result, Kind::RawText);
                return true;
            }
        }
        let mut el = self.new_block_el(Kind::P);
        add_text(
            &mut el,
            result.trim_start_matches(is_ruby_ws),
            Kind::RawText,
        );
        tree.children.push(el);
        true
    }

    fn paragraph_end(&self, s: &str, pos: usize) -> bool {
        if lazy_end(s, pos) || list_start(s, pos, Marker::Dl, 3).is_some() {
            return true;
        }
        self.gfm
            && self.opts.gfm_paragraph_end
            && (any_list_start(s, pos)
                || gfm_atx_start(s, pos)
                || blockquote_start(s, pos)
                || fence_start(s, pos, true))
    }
}

pub(crate) fn is_ruby_ws(c: char) -> bool {
    c.is_ascii() && is_ws(c as u8)
}

fn is_ruby_ws_or_nul(c: char) -> bool {
    c == '\0' || is_ruby_ws(c)
}

/// `(\s*?\n)?` after math: lazy whitespace then a newline.
fn ws_to_nl_multi(s: &str, pos: usize) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = pos;
    while i < b.len() && is_ws(b[i]) {
        if b[i] == b'\n' {
            return Some(i + 1);
        }
        i += 1;
    }
    None
}

/// `INDENT[ \t]*\S.*\n`.
fn indented_line(s: &str, pos: usize) -> Option<usize> {
    let b = s.as_bytes();
    let i = if b.get(pos) == Some(&b'\t') {
        pos + 1
    } else if s[pos.min(s.len())..].starts_with("    ") {
        pos + 4
    } else {
        return None;
    };
    nonblank_line(s, i)
}

/// `[ \t]*\S.*\n`.
fn nonblank_line(s: &str, pos: usize) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = pos;
    while i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
        i += 1;
    }
    if i >= b.len() || is_ws(b[i]) {
        return None;
    }
    line_end(s, i)
}

/// `gsub(/\n( {0,3}\S)/, ' \1')`: lazy continuation lines join with a space.
fn join_lazy_lines(data: &str) -> String {
    let b = data.as_bytes();
    let mut out = String::with_capacity(data.len());
    let mut last = 0;
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\n' {
            let sp = spaces(data, i + 1, 3);
            if b.get(i + 1 + sp).is_some_and(|&c| !is_ws(c)) {
                out.push_str(&data[last..i]);
                out.push(' ');
                last = i + 1;
            }
        }
        i += 1;
    }
    out.push_str(&data[last..]);
    out
}

/// `gsub(INDENT, '')`: removes one tab or four spaces at each line start.
pub(super) fn strip_indent(data: &str) -> String {
    let mut out = String::with_capacity(data.len());
    for line in data.split_inclusive('\n') {
        if let Some(r) = line.strip_prefix('\t') {
            out.push_str(r);
        } else if let Some(r) = line.strip_prefix("    ") {
            out.push_str(r);
        } else {
            out.push_str(line);
        }
    }
    out
}

/// `HEADER_ID` split: (text, id).
fn header_contents(contents: &str) -> (String, Option<String>) {
    let text = contents.trim_end_matches(is_ruby_ws);
    if text.ends_with('}') {
        if let Some(open) = text.rfind("{#") {
            let id = &text[open + 2..text.len() - 1];
            let before = &text[..open];
            let valid = !id.is_empty()
                && id.chars().next().is_some_and(is_xml_name_start)
                && id.chars().all(is_xml_name_char)
                && before.ends_with([' ', '\t']);
            if valid {
                let t = before[..before.len() - 1].trim_end_matches(is_ruby_ws);
                return (t.to_string(), Some(id.to_string()));
            }
        }
    }
    (text.to_string(), None)
}

fn is_xml_name_start(c: char) -> bool {
    matches!(c, ':' | 'A'..='Z' | '_' | 'a'..='z' | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{2FF}' | '\u{370}'..='\u{37D}' | '\u{37F}'..='\u{1FFF}' | '\u{200C}'..='\u{200D}' | '\u{2070}'..='\u{218F}' | '\u{2C00}'..='\u{2FEF}' | '\u{3001}'..='\u{D7FF}' | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFFD}' | '\u{10000}'..='\u{EFFFF}')
}

fn is_xml_name_char(c: char) -> bool {
    is_xml_name_start(c)
        || matches!(c, '-' | '.' | '0'..='9' | '\u{B7}' | '\u{300}'..='\u{36F}' | '\u{203F}'..='\u{2040}')
}

/// GFM quirk header: `sub!(/[\t ]#+\z/, '')`.
fn strip_trailing_hashes_gfm(text: &str) -> Option<String> {
    let t = text.trim_end_matches('#');
    if t.len() < text.len() && t.ends_with([' ', '\t']) {
        Some(t[..t.len() - 1].to_string())
    } else {
        None
    }
}

pub(super) struct Fenced<'a> {
    pub end: usize,
    pub body: &'a str,
    pub info: &'a str,
    pub lang: &'a str,
}

/// kramdown's / GFM's `FENCED_CODEBLOCK_MATCH` at `pos`.
pub(super) fn fenced_match(s: &str, pos: usize, gfm: bool) -> Option<Fenced<'_>> {
    let b = s.as_bytes();
    let mut i = pos;
    if gfm {
        i += spaces(s, i, 3);
    }
    let fstart = i;
    while i < b.len()
        && (if gfm {
            b[i] == b'~' || b[i] == b'`'
        } else {
            b[i] == b'~'
        })
    {
        i += 1;
    }
    if i - fstart < 3 {
        return None;
    }
    let fence = &s[fstart..i];
    let last = *fence.as_bytes().last()?;
    // Info string: optional spaces, one non-space token, optional spaces, newline.
    let le = line_end(s, i)?;
    let rest = &s[i..le - 1];
    let trimmed = rest.trim_matches(is_ruby_ws);
    let (info, body_start) = if trimmed.is_empty() {
        ("", le)
    } else if trimmed.bytes().any(is_ws) {
        return None;
    } else {
        (trimmed, le)
    };
    let lang = match info.get(1..).and_then(|r| r.find('?')) {
        Some(q) => &info[..q + 1],
        None => info,
    };
    // Body: up to the first line that closes the fence.
    let mut j = body_start;
    loop {
        if j > b.len() {
            return None;
        }
        let p = if gfm { j + spaces(s, j, 3) } else { j };
        if s[p.min(s.len())..].starts_with(fence) {
            let mut k = p + fence.len();
            while k < b.len() && b[k] == last {
                k += 1;
            }
            if let Some(e) = ws_to_nl(s, k) {
                return Some(Fenced {
                    end: e,
                    body: &s[body_start..j],
                    info,
                    lang,
                });
            }
        }
        j = line_end(s, j)?;
    }
}
