//! Span constructs that do not nest other spans: footnote markers,
//! extensions and span IALs, entities, typographic symbols, and the matchers
//! for autolinks and GFM strikethrough.

use super::attr::{update_attr_with_ial, update_ial_with_ial};
use super::{add_text, Parser, Src};
use crate::scan::*;
use crate::tree::{El, Ial, Kind, Sym};

/// A parsed extension tag `{::name attrs/}` or stop tag `{:/name}`.
pub(crate) struct ExtStart {
    pub name: String,
    pub attrs: String,
    pub self_closing: bool,
    pub is_stop: bool,
    pub end: usize,
    pub start_pos: usize,
}

/// `EXT_START_STR | EXT_STOP_STR` at `pos`; with `block`, also `\s*?\n` after it.
pub(crate) fn ext_start(s: &str, pos: usize, block: bool) -> Option<ExtStart> {
    let b = s.as_bytes();
    let r = &s[pos..];
    let (name, attrs, self_closing, is_stop, mut end) = if let Some(rest) = r.strip_prefix("{::") {
        let n = rest.bytes().take_while(|&c| is_word_byte(c)).count();
        if n == 0 {
            return None;
        }
        let mut i = pos + 3 + n;
        let mut attrs = String::new();
        if b.get(i).is_some_and(|&c| is_ws(c)) {
            let st = i + 1;
            let mut j = st;
            loop {
                if j >= b.len() {
                    return None;
                }
                if s[j..].starts_with("/}") || b[j] == b'}' {
                    break;
                }
                if s[j..].starts_with("\\}") {
                    j += 2;
                } else {
                    j += char_len(s, j);
                }
            }
            attrs = s[st..j].to_string();
            i = j;
        }
        let sc = b.get(i) == Some(&b'/');
        if sc {
            i += 1;
        }
        if b.get(i) != Some(&b'}') {
            return None;
        }
        (s[pos + 3..pos + 3 + n].to_string(), attrs, sc, false, i + 1)
    } else if let Some(rest) = r.strip_prefix("{:/") {
        let n = ald_id_end(rest, 0).unwrap_or(0);
        if rest.as_bytes().get(n) != Some(&b'}') {
            return None;
        }
        (
            rest[..n].to_string(),
            String::new(),
            false,
            true,
            pos + 3 + n + 1,
        )
    } else {
        return None;
    };
    if block {
        end = ws_to_nl(s, end)?;
    }
    Some(ExtStart {
        name,
        attrs,
        self_closing,
        is_stop,
        end,
        start_pos: pos,
    })
}

impl Parser<'_> {
    pub(super) fn parse_footnote_marker(&mut self, sc: &mut Src, el: &mut El, end: usize) {
        let s = sc.s;
        let name = &s[sc.pos + 2..end - 1];
        match self.footnotes.get_mut(name) {
            Some(def) => {
                def.referenced = true;
                let mut f = El::with_value(Kind::Footnote, name);
                if let Some(ial) = def.ial.clone() {
                    update_attr_with_ial(&self.alds, &mut f.attr, &ial);
                }
                el.children.push(f);
            }
            None => {
                self.warning(format!("Footnote definition for '{name}' not found"));
                add_text(el, &s[sc.pos..end], Kind::Text);
            }
        }
        sc.pos = end;
    }

    pub(super) fn parse_span_extensions(&mut self, sc: &mut Src, el: &mut El) {
        let s = sc.s;
        let i = sc.pos;
        if let Some(ext) = ext_start(s, i, false).filter(|_| sc.index().brace_after(i)) {
            if ext.is_stop {
                self.warning("Invalid extension stop tag found - ignoring it");
                add_text(el, "{", Kind::Text);
                sc.pos = i + 1;
                return;
            }
            let mut opts = Ial::default();
            self.parse_attribute_list(&ext.attrs, &mut opts);
            let mut body = None;
            let mut end = ext.end;
            if !ext.self_closing {
                let stop = if sc.ext_stop_after(end) {
                    find_span_ext_stop(s, end, &ext.name)
                } else {
                    None
                };
                match stop {
                    Some((bs, be)) => {
                        body = Some(s[end..bs].to_string());
                        end = be;
                    }
                    None => {
                        self.warning(format!(
                            "No stop tag for extension '{}' found - ignoring it",
                            ext.name
                        ));
                        add_text(el, "{", Kind::Text);
                        sc.pos = i + 1;
                        return;
                    }
                }
            }
            sc.pos = end;
            if !self.handle_extension(&ext.name, &opts, body, false, el) {
                self.warning(format!(
                    "Invalid extension with name '{}' specified - ignoring it",
                    ext.name
                ));
                sc.pos = i + 1;
                add_text(el, "{", Kind::Text);
            }
            return;
        }
        // IAL_SPAN_START
        let cands = if sc.index().brace_after(i + 2) {
            ald_close_candidates(s, i + 2)
        } else {
            Vec::new()
        };
        if let Some(&c) = cands.last().filter(|&&c| c > i + 2) {
            if el.children.last().is_some_and(|l| l.kind != Kind::Text) {
                let mut attr = Ial::default();
                self.parse_attribute_list(&s[i + 2..c], &mut attr);
                sc.pos = c + 1;
                let alds = &self.alds;
                if let Some(last) = el.children.last_mut() {
                    let mut ial = last.take_ial().unwrap_or_default();
                    update_ial_with_ial(&mut ial, &attr);
                    last.set_ial(Some(ial));
                    update_attr_with_ial(alds, &mut last.attr, &attr);
                }
                return;
            }
            self.warning("Found span IAL after text - ignoring it");
        }
        add_text(el, "{", Kind::Text);
        sc.pos = i + 1;
    }

    /// `handle_extension`.
    pub(super) fn handle_extension(
        &mut self,
        name: &str,
        opts: &Ial,
        body: Option<String>,
        block: bool,
        tree: &mut El,
    ) -> bool {
        match name {
            "comment" => {
                if let Some(b) = body {
                    let mut c = El::with_value(Kind::Comment, b);
                    c.block = block;
                    tree.children.push(c);
                }
                true
            }
            "nomarkdown" => {
                if let Some(b) = body {
                    let mut r = El::with_value(Kind::Raw, b);
                    r.block = block;
                    r.extra_mut().raw_types = opts
                        .attrs
                        .get("type")
                        .unwrap_or("")
                        .split_whitespace()
                        .map(String::from)
                        .collect();
                    tree.children.push(r);
                }
                true
            }
            "options" => {
                for (k, v) in &opts.attrs.0 {
                    if self.opts.forbidden_inline_options.iter().any(|f| f == k)
                        || k == "forbidden_inline_options"
                    {
                        self.warning(format!("Option {k} may not be set inline"));
                        continue;
                    }
                    if crate::options::is_known_option(k) {
                        let _ = self.opts.to_mut().set(k, v);
                        if k == "auto_id_stripping" {
                            self.auto_id_stripping = self.opts.auto_id_stripping;
                        }
                    } else {
                        self.warning(format!("Unknown kramdown option '{k}'"));
                    }
                }
                if block {
                    let mut e = self.new_block_el(Kind::Eob);
                    e.extra_mut().eob = crate::tree::EobKind::Extension;
                    tree.children.push(e);
                }
                true
            }
            _ => false,
        }
    }

    pub(super) fn parse_html_entity(&mut self, sc: &mut Src, el: &mut El) -> Option<bool> {
        let s = sc.s;
        let i = sc.pos;
        let (m_end, ent) = entity_at(s, i)?;
        let matched = &s[i..m_end];
        sc.pos = m_end;
        match ent {
            Some(e) => {
                let mut en = El::new(Kind::Entity);
                en.num = e.code_point;
                en.extra_mut().original = Some(matched.to_string());
                el.children.push(en);
            }
            None => {
                let mut en = El::new(Kind::Entity);
                en.num = 38;
                el.children.push(en);
                add_text(el, &matched[1..], Kind::Text);
            }
        }
        Some(true)
    }

    pub(super) fn parse_typographic(&mut self, sc: &mut Src, el: &mut El) -> Option<bool> {
        let r = sc.rest();
        let table: [(&str, Option<Sym>); 9] = [
            ("---", Some(Sym::Mdash)),
            ("--", Some(Sym::Ndash)),
            ("...", Some(Sym::Hellip)),
            ("\\<<", None),
            ("\\>>", None),
            ("<< ", Some(Sym::LaquoSpace)),
            (" >>", Some(Sym::RaquoSpace)),
            ("<<", Some(Sym::Laquo)),
            (">>", Some(Sym::Raquo)),
        ];
        for (pat, sym) in table {
            if r.starts_with(pat) {
                sc.pos += pat.len();
                match sym {
                    Some(sym) => {
                        let mut t = El::new(Kind::TypoSym);
                        t.num = sym as u32;
                        el.children.push(t);
                    }
                    None => {
                        let cp = if pat == "\\<<" { 60 } else { 62 };
                        for _ in 0..2 {
                            let mut en = El::new(Kind::Entity);
                            en.num = cp;
                            el.children.push(en);
                        }
                    }
                }
                return Some(true);
            }
        }
        None
    }
}

/// `HTML_ENTITY_RE` at `pos`: (end, entity or None when the name is unknown).
pub(crate) fn entity_at(s: &str, pos: usize) -> Option<(usize, Option<crate::entities::Entity>)> {
    let b = s.as_bytes();
    if b.get(pos) != Some(&b'&') {
        return None;
    }
    let i = pos + 1;
    if b.get(i) == Some(&b'#') {
        if b.get(i + 1) == Some(&b'x') {
            let n = b[i + 2..]
                .iter()
                .take_while(|c| c.is_ascii_hexdigit())
                .count();
            if n > 0 && b.get(i + 2 + n) == Some(&b';') {
                let cp = u32::from_str_radix(&s[i + 2..i + 2 + n], 16).unwrap_or(u32::MAX);
                return Some((i + 3 + n, Some(crate::entities::by_code_point(cp))));
            }
        }
        let n = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if n > 0 && b.get(i + 1 + n) == Some(&b';') {
            let cp = s[i + 1..i + 1 + n].parse::<u32>().unwrap_or(u32::MAX);
            return Some((i + 2 + n, Some(crate::entities::by_code_point(cp))));
        }
        return None;
    }
    let first = *b.get(i)?;
    if !(is_word_byte(first) || first == b':') {
        return None;
    }
    let n = b[i..]
        .iter()
        .take_while(|&&c| is_word_byte(c) || matches!(c, b'-' | b'.' | b':'))
        .count();
    if b.get(i + n) != Some(&b';') {
        return None;
    }
    Some((i + n + 1, crate::entities::by_name(&s[i..i + n])))
}

/// `AUTOLINK_START` at `pos`: (href, text, end).
pub(super) fn autolink_at(s: &str, pos: usize) -> Option<(String, String, usize)> {
    let r = &s[pos + 1..];
    for scheme in ["mailto:", "https:", "http:", "ftps:", "ftp:"] {
        if let Some(body) = r.strip_prefix(scheme) {
            let line = &body[..body.find('\n').unwrap_or(body.len())];
            if let Some(gt) = line.get(1..).and_then(|l| l.find('>')) {
                let inner = &r[..scheme.len() + 1 + gt];
                let text = inner.strip_prefix("mailto:").unwrap_or(inner).to_string();
                return Some((inner.to_string(), text, pos + 1 + inner.len() + 1));
            }
        }
    }
    let is_a = |c: char| c.is_alphanumeric() || matches!(c, '-' | '_' | '.');
    let at = r.find(|c: char| !is_a(c))?;
    if at == 0 || !r[at..].starts_with('@') {
        return None;
    }
    let rest = &r[at + 1..];
    let dom = rest.find(|c: char| !is_a(c))?;
    if dom == 0 || !rest[dom..].starts_with('>') {
        return None;
    }
    let inner = &r[..at + 1 + dom];
    Some((
        format!("mailto:{inner}"),
        inner.to_string(),
        pos + 1 + inner.len() + 1,
    ))
}

/// `STRIKETHROUGH_MATCH` at `pos`: end.
pub(super) fn strikethrough_end(
    s: &str,
    pos: usize,
    idx: &super::guard::SpanIndex,
) -> Option<usize> {
    let b = s.as_bytes();
    let first = *b.get(pos + 2)?;
    if is_ws(first) || first == b'~' {
        return None;
    }
    idx.strike_from(pos + 2).map(|k| k + 3)
}

/// `\{:/(name)?\}` after `from`: (start, end).
fn find_span_ext_stop(s: &str, from: usize, name: &str) -> Option<(usize, usize)> {
    let mut i = from;
    while let Some(off) = s[i..].find("{:/") {
        let q = i + off;
        let r = &s[q + 3..];
        if r.starts_with('}') {
            return Some((q, q + 4));
        }
        if r.starts_with(name) && r[name.len()..].starts_with('}') {
            return Some((q, q + 4 + name.len()));
        }
        i = q + 3;
    }
    None
}
