//! Span parsing: kramdown's loop that finds the next span start, then tries
//! the span parsers in order (emphasis, code spans, autolinks, HTML, footnote
//! markers, links, smart quotes, math, extensions, entities, typographic
//! symbols, line breaks, escapes, GFM strikethrough).

use super::attr::{update_attr_with_ial, update_ial_with_ial};
use super::html::{close_tag_at, comment_at, content_model, tag_at, WITHOUT_BODY};
use super::{add_text, Parser, Src};
use crate::scan::*;
use crate::tree::{El, Ial, Kind, Model, Sym};

/// Which span parsers are active (kramdown passes subsets for tables and raw HTML).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Set {
    All,
    Codespan,
    CodespanHtml,
    Html,
    /// Jekyll's SmartyPants parser: smart quotes, entities, typographic symbols, HTML.
    Smarty,
}

/// A stop condition of `parse_spans` together with its block.
pub(super) enum Stop {
    /// Emphasis closing delimiter.
    Delim {
        delim: &'static str,
        em: bool,
        underscore: bool,
    },
    /// Link text brackets, with kramdown's counter.
    Bracket { count: i64 },
    /// `</name\s*>`.
    Close { name: String, ci: bool },
}

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

const ESCAPABLE: &[u8] = b"\\.*_+`<>()[]{}#!:|\"'$=-";

impl Parser {
    /// Span-parses `text` into `holder` from a fresh environment (`reset_env`).
    pub(super) fn parse_spans_root(&mut self, text: &str, holder: &mut El) {
        let saved = std::mem::take(&mut self.span_stack);
        let saved_raw = std::mem::replace(&mut self.in_raw_html, false);
        let mut sc = Src::new(text);
        self.span_budget = super::guard::budget_for(text.len());
        let set = if self.smarty { Set::Smarty } else { Set::All };
        self.parse_spans(&mut sc, holder, None, set);
        self.span_stack = saved;
        self.in_raw_html = saved_raw;
    }

    fn typographic_on(&self) -> bool {
        !(self.gfm && self.opts.gfm_no_auto_typographic)
    }

    fn line_break_on(&self) -> bool {
        !(self.gfm && self.opts.hard_wrap)
    }

    /// Whether some span parser's start pattern matches at `i`.
    fn is_span_start(&self, s: &str, i: usize, set: Set) -> bool {
        let b = s.as_bytes();
        let c = b[i];
        let next = b.get(i + 1).copied();
        let after_char = if c < 0x80 {
            next
        } else {
            b.get(i + char_len(s, i)).copied()
        };
        match set {
            Set::Codespan => return c == b'`',
            Set::CodespanHtml => return c == b'`' || c == b'<',
            Set::Html => return c == b'<',
            Set::Smarty => {
                return (c != b'\\' && matches!(after_char, Some(b'"' | b'\'')))
                    || matches!(c, b'"' | b'\'' | b'&' | b'<')
                    || (c == b'-' && next == Some(b'-'))
                    || (c == b'.' && s[i..].starts_with("..."))
                    || (c == b'>' && next == Some(b'>'))
                    || (matches!(c, b' ' | b'\\')
                        && (s[i + 1..].starts_with("<<") || s[i + 1..].starts_with(">>")));
            }
            Set::All => {}
        }
        if c != b'\\' && matches!(after_char, Some(b'"' | b'\'')) {
            return true;
        }
        match c {
            b'*' | b'_' | b'`' | b'<' | b'[' | b'"' | b'\'' | b'$' | b'&' | b'\\' => true,
            b'!' => next == Some(b'['),
            b'{' => next == Some(b':'),
            b'~' => self.gfm && next == Some(b'~'),
            b'-' => self.typographic_on() && next == Some(b'-'),
            b'.' => self.typographic_on() && s[i..].starts_with("..."),
            b'>' => self.typographic_on() && next == Some(b'>'),
            b' ' => {
                (self.typographic_on()
                    && (s[i + 1..].starts_with("<<") || s[i + 1..].starts_with(">>")))
                    || (self.line_break_on() && s[i..].starts_with("  \n"))
            }
            _ => false,
        }
    }

    /// Does the stop pattern match at the scanner position?
    fn stop_matches(stop: &Stop, s: &str, i: usize) -> bool {
        match stop {
            Stop::Delim { delim, .. } => s[i..].starts_with(delim),
            Stop::Bracket { .. } => {
                let r = &s[i..];
                r.starts_with(']') || r.starts_with('[') || r.starts_with("![")
            }
            Stop::Close { name, ci } => close_tag_at(s, i).is_some_and(|(n, _)| {
                if *ci {
                    n.eq_ignore_ascii_case(name)
                } else {
                    n == name
                }
            }),
        }
    }

    /// The block given to `parse_spans` for each stop kind.
    fn stop_block(&self, stop: &mut Stop, s: &str, i: usize, el: &El) -> bool {
        match stop {
            Stop::Delim {
                delim,
                em,
                underscore,
            } => {
                let d = delim.as_bytes()[0];
                let prev_ws = char_before(s, i).is_some_and(|c| c.is_ascii() && is_ws(c as u8));
                let r = &s[i..];
                let double = r.len() >= 2
                    && r.as_bytes()[0] == d
                    && r.as_bytes()[1] == d
                    && r.as_bytes().get(2) != Some(&d);
                let intraword =
                    *underscore && char_at(r, delim.len()).is_some_and(|c| c.is_alphanumeric());
                !prev_ws && (!*em || !double) && !intraword && !el.children.is_empty()
            }
            Stop::Bracket { count } => {
                if s.as_bytes()[i] == b']' {
                    *count -= 1;
                } else {
                    *count += 1;
                }
                let imgs = el.children.iter().filter(|c| c.kind == Kind::Img).count() as i64;
                *count - imgs == 0
            }
            Stop::Close { .. } => true,
        }
    }

    /// kramdown's `parse_spans`: true when the stop condition was found.
    pub(super) fn parse_spans(
        &mut self,
        sc: &mut Src,
        el: &mut El,
        mut stop: Option<&mut Stop>,
        set: Set,
    ) -> bool {
        let s = sc.s;
        let b = s.as_bytes();
        let mut found_stop = false;
        self.depth += 1;
        while !sc.eos() && !found_stop {
            let mut i = sc.pos;
            let hit = loop {
                if i >= b.len() {
                    break None;
                }
                if stop
                    .as_deref()
                    .is_some_and(|st| Self::stop_matches(st, s, i))
                    || self.is_span_start(s, i, set)
                {
                    break Some(i);
                }
                i += if b[i] < 0x80 { 1 } else { char_len(s, i) };
                self.span_budget -= 1;
            };
            let Some(i) = hit else {
                if stop.is_none() {
                    add_text(el, sc.rest(), Kind::Text);
                    sc.pos = s.len();
                }
                break;
            };
            add_text(el, &s[sc.pos..i], Kind::Text);
            sc.pos = i;
            if let Some(st) = stop.as_deref_mut() {
                if Self::stop_matches(st, s, i) {
                    found_stop = self.stop_block(st, s, i, el);
                }
            }
            if found_stop {
                break;
            }
            let processed = if self.depth_exceeded() {
                false
            } else {
                self.try_span_parsers(sc, el, set)
            };
            if !processed {
                let l = char_len(s, sc.pos);
                add_text(el, &s[sc.pos..sc.pos + l], Kind::Text);
                sc.pos += l;
            }
        }
        self.depth -= 1;
        found_stop
    }

    /// Tries the span parsers in order at the scanner position.
    fn try_span_parsers(&mut self, sc: &mut Src, el: &mut El, set: Set) -> bool {
        let s = sc.s;
        let b = s.as_bytes();
        let i = sc.pos;
        let c = b[i];
        let next = b.get(i + 1).copied();
        if set == Set::Smarty {
            return self.try_smarty_parsers(sc, el);
        }
        let all = set == Set::All;
        if all && (c == b'*' || c == b'_') {
            self.parse_emphasis(sc, el);
            return true;
        }
        if set != Set::Html && c == b'`' {
            self.parse_codespan(sc, el);
            return true;
        }
        if all && c == b'<' {
            if let Some((href, text, end)) = autolink_at(s, i) {
                sc.pos = end;
                let mut a = El::new(Kind::A);
                a.attr.set("href", href);
                add_text(&mut a, &text, Kind::Text);
                el.children.push(a);
                return true;
            }
        }
        if set != Set::Codespan
            && c == b'<'
            && (uname_end(s, i + 1).is_some() || s[i..].starts_with("<!--") || next == Some(b'/'))
        {
            self.parse_span_html(sc, el);
            return true;
        }
        if !all {
            return false;
        }
        if c == b'[' && next == Some(b'^') {
            if let Some(ne) = ald_id_end(s, i + 2) {
                if b.get(ne) == Some(&b']') {
                    self.parse_footnote_marker(sc, el, ne + 1);
                    return true;
                }
            }
        }
        if (c == b'[' && next.is_some_and(|n| n != b'^'))
            || (c == b'!' && next == Some(b'[') && b.get(i + 2).is_some_and(|&n| n != b'^'))
        {
            self.parse_link(sc, el);
            return true;
        }
        let after_char = if c < 0x80 {
            next
        } else {
            b.get(i + char_len(s, i)).copied()
        };
        if (c == b'"' || c == b'\'') || (c != b'\\' && matches!(after_char, Some(b'"' | b'\''))) {
            self.parse_smart_quotes(sc, el);
            return true;
        }
        if s[i..].starts_with("$$") {
            if let Some(close) = s[i + 2..].find("$$") {
                let mut m = El::with_value(
                    Kind::Math,
                    s[i + 2..i + 2 + close].trim_matches(super::block::is_ruby_ws),
                );
                m.block = false;
                el.children.push(m);
                sc.pos = i + 2 + close + 2;
                return true;
            }
        }
        if c == b'{' && next == Some(b':') {
            self.parse_span_extensions(sc, el);
            return true;
        }
        if c == b'&' {
            if let Some(done) = self.parse_html_entity(sc, el) {
                return done;
            }
        }
        if self.typographic_on() {
            if let Some(done) = self.parse_typographic(sc, el) {
                return done;
            }
        }
        if self.line_break_on() && (s[i..].starts_with("  \n") || s[i..].starts_with("\\\\\n")) {
            sc.pos = i + 2;
            el.children.push(El::new(Kind::Br));
            return true;
        }
        if c == b'\\' {
            if let Some(&e) = next.as_ref() {
                if ESCAPABLE.contains(&e) || (self.gfm && e == b'~') {
                    sc.pos = i + 2;
                    add_text(el, &s[i + 1..i + 2], Kind::Text);
                    return true;
                }
            }
        }
        if self.gfm && s[i..].starts_with("~~") {
            if let Some(end) = strikethrough_end(s, i, sc.index()) {
                sc.pos = end;
                let mut del = El::with_value(Kind::Html, "del");
                del.model = Model::Span;
                let inner = &s[i + 2..end - 2];
                let saved = std::mem::take(&mut self.span_stack);
                let saved_raw = std::mem::replace(&mut self.in_raw_html, false);
                let mut isc = Src::new(inner);
                self.parse_spans(&mut isc, &mut del, None, Set::All);
                self.span_stack = saved;
                self.in_raw_html = saved_raw;
                el.children.push(del);
                return true;
            }
        }
        false
    }

    /// The SmartyPants parser's span parsers, in its order.
    fn try_smarty_parsers(&mut self, sc: &mut Src, el: &mut El) -> bool {
        let s = sc.s;
        let b = s.as_bytes();
        let i = sc.pos;
        let c = b[i];
        let next = b.get(i + 1).copied();
        let after_char = if c < 0x80 {
            next
        } else {
            b.get(i + char_len(s, i)).copied()
        };
        if (c == b'"' || c == b'\'') || (c != b'\\' && matches!(after_char, Some(b'"' | b'\''))) {
            self.parse_smart_quotes(sc, el);
            return true;
        }
        if c == b'&' {
            if let Some(done) = self.parse_html_entity(sc, el) {
                return done;
            }
        }
        if let Some(done) = self.parse_typographic(sc, el) {
            return done;
        }
        if c == b'<'
            && (uname_end(s, i + 1).is_some() || s[i..].starts_with("<!--") || next == Some(b'/'))
        {
            self.parse_span_html(sc, el);
            return true;
        }
        false
    }

    fn in_span(&self, el: &El, kind: Kind) -> bool {
        el.kind == kind || self.span_stack.contains(&kind)
    }

    /// Runs a nested `parse_spans` for a child element, keeping the ancestor stack.
    fn sub_spans(
        &mut self,
        sc: &mut Src,
        parent: &El,
        child: &mut El,
        stop: Option<&mut Stop>,
        set: Set,
    ) -> bool {
        self.span_stack.push(parent.kind);
        let r = self.parse_spans(sc, child, stop, set);
        self.span_stack.pop();
        r
    }

    fn parse_emphasis(&mut self, sc: &mut Src, el: &mut El) {
        let s = sc.s;
        let start = sc.pos;
        let d = s.as_bytes()[start];
        let len = if s.as_bytes().get(start + 1) == Some(&d) {
            2
        } else {
            1
        };
        let result = &s[start..start + len];
        sc.pos += len;
        let kind = if len == 2 { Kind::Strong } else { Kind::Em };
        let underscore = d == b'_';
        let intraword = underscore && {
            let pre = &s[..start];
            let t = pre.trim_end_matches(|c: char| c.is_alphabetic());
            t.len() < pre.len()
                || (t.ends_with('-')
                    && t[..t.len() - 1]
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_alphabetic()))
        };
        let next_ws = s.as_bytes().get(sc.pos).is_some_and(|&c| is_ws(c));
        if intraword || next_ws || self.in_span(el, kind) {
            add_text(el, result, Kind::Text);
            return;
        }
        let delim: &'static str = match (d, len) {
            (b'*', 2) => "**",
            (b'*', _) => "*",
            (_, 2) => "__",
            _ => "_",
        };
        let single: &'static str = if d == b'*' { "*" } else { "_" };
        if self.span_budget < 0 || !sc.index().emphasis_closer(d, sc.pos) {
            add_text(el, result, Kind::Text);
            return;
        }
        let mut child = El::new(kind);
        let mut stop = Stop::Delim {
            delim,
            em: kind == Kind::Em,
            underscore,
        };
        let mut found = self.sub_spans(sc, el, &mut child, Some(&mut stop), Set::All);
        let mut used = delim;
        if !found && kind == Kind::Strong && el.kind != Kind::Em {
            sc.pos = start + 1;
            child = El::new(Kind::Em);
            let mut stop = Stop::Delim {
                delim: single,
                em: true,
                underscore,
            };
            found = self.sub_spans(sc, el, &mut child, Some(&mut stop), Set::All);
            used = single;
        }
        if found {
            sc.pos += used.len();
            el.children.push(child);
        } else {
            sc.pos = start + len;
            add_text(el, result, Kind::Text);
        }
    }

    fn parse_codespan(&mut self, sc: &mut Src, el: &mut El) {
        let s = sc.s;
        let start = sc.pos;
        let n = s.as_bytes()[start..]
            .iter()
            .take_while(|&&c| c == b'`')
            .count();
        let delim = &s[start..start + n];
        sc.pos += n;
        let simple = n == 1;
        if simple {
            let pre = &s[..start];
            let pre_ok = pre.is_empty() || pre == "\n" || {
                let t = pre.strip_suffix('\n').unwrap_or(pre);
                pre.ends_with(|c: char| c.is_ascii() && is_ws(c as u8))
                    || t.ends_with(|c: char| c.is_ascii() && is_ws(c as u8))
            };
            if pre_ok && s.as_bytes().get(sc.pos).is_some_and(|&c| is_ws(c)) {
                add_text(el, delim, Kind::Text);
                return;
            }
        }
        match s[sc.pos..].find(delim) {
            Some(off) => {
                let mut text = &s[sc.pos..sc.pos + off];
                sc.pos += off + n;
                if !simple {
                    text = text.strip_prefix(' ').unwrap_or(text);
                    text = text.strip_suffix(' ').unwrap_or(text);
                }
                el.children.push(El::with_value(Kind::Codespan, text));
            }
            None => add_text(el, delim, Kind::Text),
        }
    }

    fn parse_span_html(&mut self, sc: &mut Src, el: &mut El) {
        let s = sc.s;
        let i = sc.pos;
        if let Some(end) = comment_at(sc, i) {
            el.children
                .push(El::with_value(Kind::XmlComment, &s[i..end]));
            sc.pos = end;
            return;
        }
        if let Some((name, end)) = close_tag_at(s, i) {
            self.warning(format!(
                "Found invalidly used HTML closing tag for '{name}'"
            ));
            add_text(el, &s[i..end], Kind::Text);
            sc.pos = end;
            return;
        }
        let Some(tag) = tag_at(s, i) else {
            add_text(el, "<", Kind::Text);
            sc.pos = i + 1;
            return;
        };
        let mut name = tag.name.to_string();
        let known = super::html::is_known(&name.to_lowercase());
        if known {
            name = name.to_lowercase();
        }
        if super::html::BLOCK_ELEMENTS.contains(&name.as_str()) {
            self.warning(format!("Found block HTML tag '{name}' in span-level text"));
            add_text(el, &s[i..tag.end], Kind::Text);
            sc.pos = tag.end;
            return;
        }
        sc.pos = tag.end;
        let mut attrs = super::html::parse_attrs(tag.attrs, known);
        for (_, v) in attrs.0.iter_mut() {
            if v.contains('\n') {
                *v = collapse_newlines(v);
            }
        }
        let parent_raw = self.in_raw_html;
        let mut do_parsing = if content_model(&name) == Model::Raw || parent_raw {
            false
        } else {
            self.opts.parse_span_html
        };
        match attrs.remove("markdown").as_deref() {
            Some("block") => self.warning(
                "Cannot use block-level parsing in span-level HTML tag - using default mode",
            ),
            Some("span") => do_parsing = true,
            Some("1") => do_parsing = content_model(&name) != Model::Raw,
            Some("0") => do_parsing = false,
            _ => {}
        }
        let mut h = El::with_value(Kind::Html, name.clone());
        h.attr = attrs;
        h.model = if do_parsing { Model::Span } else { Model::Raw };
        h.is_closed = tag.self_closed;
        if !tag.self_closed && !WITHOUT_BODY.contains(&name.as_str()) {
            let mut stop = Stop::Close {
                name: name.clone(),
                ci: known,
            };
            self.in_raw_html = !do_parsing;
            let found = self.sub_spans(
                sc,
                el,
                &mut h,
                Some(&mut stop),
                if !do_parsing {
                    Set::Html
                } else if self.smarty {
                    Set::Smarty
                } else {
                    Set::All
                },
            );
            self.in_raw_html = parent_raw;
            if found {
                if let Some((_, end)) = close_tag_at(s, sc.pos) {
                    sc.pos = end;
                }
            } else {
                self.warning(format!("Found no end tag for '{name}' - auto-closing it"));
                add_text(&mut h, sc.rest(), Kind::Text);
                sc.pos = s.len();
            }
        }
        el.children.push(h);
    }

    fn parse_footnote_marker(&mut self, sc: &mut Src, el: &mut El, end: usize) {
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

    fn parse_span_extensions(&mut self, sc: &mut Src, el: &mut El) {
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
                let stop = if sc.index().ext_stop_after(end) {
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
                    let mut ial = last.ial.take().map(|b| *b).unwrap_or_default();
                    update_ial_with_ial(&mut ial, &attr);
                    last.ial = Some(Box::new(ial));
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
                        let _ = self.opts.set(k, v);
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

    fn parse_html_entity(&mut self, sc: &mut Src, el: &mut El) -> Option<bool> {
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

    fn parse_typographic(&mut self, sc: &mut Src, el: &mut El) -> Option<bool> {
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
fn autolink_at(s: &str, pos: usize) -> Option<(String, String, usize)> {
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
fn strikethrough_end(s: &str, pos: usize, idx: &super::guard::SpanIndex) -> Option<usize> {
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

fn collapse_newlines(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    let mut in_nl = false;
    for c in v.chars() {
        if c == '\n' {
            if !in_nl {
                out.push(' ');
            }
            in_nl = true;
        } else {
            in_nl = false;
            out.push(c);
        }
    }
    out
}
