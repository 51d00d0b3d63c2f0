//! Links and images: inline (`[text](url "title")`), reference (`[text][id]`,
//! `[text]`) and angle-bracket URLs, with kramdown's bracket counting.

use super::attr::update_attr_with_ial;
use super::span::{Set, Stop};
use super::{add_text, normalize_link_id, Parser, Src};
use crate::scan::is_ws;
use crate::tree::{El, Ial, Kind};

/// kramdown's (not GFM's) `ESCAPED_CHARS` removal, used for link alt text.
fn unescape(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    let mut i = 0;
    while i + 1 < b.len() {
        if b[i] == b'\\' && b"\\.*_+`<>()[]{}#!:|\"'$=-".contains(&b[i + 1]) {
            out.push_str(&s[last..i]);
            last = i + 1;
            i += 2;
        } else {
            i += 1;
        }
    }
    out.push_str(&s[last..]);
    out
}

impl Parser<'_> {
    fn add_link(
        &self,
        mut el: El,
        href: String,
        title: Option<String>,
        alt: &str,
        ial: Option<Ial>,
        tree: &mut El,
    ) {
        if let Some(ial) = &ial {
            update_attr_with_ial(&self.alds, &mut el.attr, ial);
        }
        el.set_ial(ial);
        if el.kind == Kind::A {
            el.attr.set("href", href);
        } else {
            el.attr.set("src", href);
            el.attr.set("alt", alt.to_string());
            el.children.clear();
        }
        if let Some(t) = title {
            el.attr.set("title", t);
        }
        tree.children.push(el);
    }

    pub(super) fn parse_link(&mut self, sc: &mut Src, tree: &mut El) {
        let s = sc.s;
        let b = s.as_bytes();
        let start = sc.pos;
        let is_img = b[start] == b'!';
        let result = if is_img { "![" } else { "[" };
        sc.pos += result.len();
        let cur_pos = sc.pos;
        let kind = if is_img { Kind::Img } else { Kind::A };
        if kind == Kind::A
            && (tree.kind == Kind::A
                || tree.kind == Kind::Img
                || self
                    .span_stack
                    .iter()
                    .any(|k| *k == Kind::A || *k == Kind::Img))
        {
            add_text(tree, result, Kind::Text);
            return;
        }
        if self.span_budget < 0 || !sc.index().bracket_after(sc.pos) {
            add_text(tree, result, Kind::Text);
            return;
        }
        let mut el = El::new(kind);
        let mut stop = Stop::Bracket { count: 1 };
        self.span_stack.push(tree.kind);
        let found = self.parse_spans(sc, &mut el, Some(&mut stop), Set::All);
        self.span_stack.pop();
        let revert = |sc: &mut Src, tree: &mut El| {
            sc.pos = cur_pos;
            add_text(tree, result, Kind::Text);
        };
        if !found {
            revert(sc, tree);
            return;
        }
        let alt = unescape(&s[cur_pos..sc.pos]);
        sc.pos += 1; // the closing bracket
                     // LINK_INLINE_ID_RE: `\s*?\[([^\]]+)?\]`
        let mut j = sc.pos;
        while j < b.len() && is_ws(b[j]) {
            j += 1;
        }
        let mut ref_id: Option<Option<String>> = None;
        if b.get(j) == Some(&b'[') {
            if let Some(close) = s[j + 1..].find(']') {
                let inner = &s[j + 1..j + 1 + close];
                ref_id = Some((!inner.is_empty()).then(|| inner.to_string()));
                sc.pos = j + 1 + close + 1;
            }
        }
        if ref_id.is_some() || b.get(sc.pos) != Some(&b'(') {
            let id = normalize_link_id(ref_id.flatten().as_deref().unwrap_or(&alt));
            match self.link_defs.get(&id).cloned() {
                Some(def) => self.add_link(el, def.url, def.title, &alt, def.ial, tree),
                None => {
                    self.warning(format!("No link definition for link ID '{id}' found"));
                    revert(sc, tree);
                }
            }
            return;
        }
        if !sc.index().paren_after(sc.pos) {
            // Neither the URL loop nor the title can close without a `)`.
            revert(sc, tree);
            return;
        }
        let mut link_url = String::new();
        let mut angle = false;
        if s[sc.pos..].starts_with("(<") {
            let st = sc.pos + 2;
            let line_end = s[st..].find('\n').map_or(s.len(), |i| st + i);
            if let Some(gt) = s[st..line_end].find('>') {
                angle = true;
                link_url = s[st..st + gt].to_string();
                sc.pos = st + gt + 1;
                if b.get(sc.pos) == Some(&b')') {
                    sc.pos += 1;
                    self.add_link(el, link_url, None, &alt, None, tree);
                    return;
                }
            }
        }
        if !angle && self.paren_url(sc, &mut link_url, tree, el.clone(), &alt, result, cur_pos) {
            return;
        }
        self.title_or_revert(sc, el, link_url, &alt, tree, result, cur_pos);
    }

    /// The parenthesised URL loop; true when the link was added or reverted.
    #[allow(clippy::too_many_arguments)]
    fn paren_url(
        &mut self,
        sc: &mut Src,
        link_url: &mut String,
        tree: &mut El,
        el: El,
        alt: &str,
        result: &str,
        cur_pos: usize,
    ) -> bool {
        let s = sc.s;
        let b = s.as_bytes();
        let mut depth: i64 = 0;
        let from = sc.pos;
        let mut i = sc.pos;
        loop {
            if i >= b.len() {
                break;
            }
            let c = b[i];
            if c == b'(' {
                depth += 1;
                i += 1;
            } else if c == b')' {
                depth -= 1;
                i += 1;
                if depth == 0 {
                    break;
                }
            } else if is_ws(c) && matches!(b.get(i + 1), Some(b'"' | b'\'')) {
                i += 1;
                break;
            } else {
                i += 1;
            }
        }
        let scanned = &s[from..i];
        sc.pos = i;
        // Ruby's `link_url[1..-2]`: without the first and last characters
        // (the last one is any character when the `(` is never closed).
        let inner = scanned.get(1..).map_or("", |rest| {
            let mut chars = rest.chars();
            chars.next_back();
            chars.as_str()
        });
        *link_url = inner
            .trim_matches(|c: char| c.is_ascii() && is_ws(c as u8) || c == '\0')
            .to_string();
        if depth == 0 {
            let url = std::mem::take(link_url);
            self.add_link(el, url, None, alt, None, tree);
            return true;
        }
        let _ = (result, cur_pos);
        false
    }

    #[allow(clippy::too_many_arguments)]
    fn title_or_revert(
        &mut self,
        sc: &mut Src,
        el: El,
        link_url: String,
        alt: &str,
        tree: &mut El,
        result: &str,
        cur_pos: usize,
    ) {
        let s = sc.s;
        let b = s.as_bytes();
        // LINK_INLINE_TITLE_RE: `\s*?(["'])(.+?)\1\s*?\)`
        let mut j = sc.pos;
        while j < b.len() && is_ws(b[j]) && b[j] != b'"' {
            j += 1;
        }
        if let Some(&q) = b.get(j).filter(|&&q| q == b'"' || q == b'\'') {
            let mut k = j + 2;
            while k < b.len() {
                if b[k] == q {
                    let mut m = k + 1;
                    while m < b.len() && is_ws(b[m]) {
                        m += 1;
                    }
                    if b.get(m) == Some(&b')') {
                        let title = s[j + 1..k].to_string();
                        sc.pos = m + 1;
                        self.add_link(el, link_url, Some(title), alt, None, tree);
                        return;
                    }
                }
                k += 1;
            }
        }
        sc.pos = cur_pos;
        add_text(tree, result, Kind::Text);
    }
}
