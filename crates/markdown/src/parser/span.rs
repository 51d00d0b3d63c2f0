//! Span parsing: kramdown's loop that finds the next span start, then tries
//! the span parsers in order (emphasis, code spans, autolinks, HTML, footnote
//! markers, links, smart quotes, math, extensions, entities, typographic
//! symbols, line breaks, escapes, GFM strikethrough).

use super::html::{close_tag_at, comment_at, content_model, tag_at, without_body};
use super::inline::{autolink_at, strikethrough_end};
use super::{add_text, Parser, Src};
use crate::scan::*;
use crate::tree::{El, Kind, Model};

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

const ESCAPABLE: &[u8] = b"\\.*_+`<>()[]{}#!:|\"'$=-";

/// Bytes no span parser of [`Set::All`] starts with, whatever follows. A
/// space before a letter or digit starts none either; any byte before a
/// quote may start a smart quote.
const PLAIN: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 128 {
        t[c] = (c as u8).is_ascii_alphanumeric();
        c += 1;
    }
    let more = b",;:?()/=+%#@^|]}\t\n\r";
    let mut k = 0;
    while k < more.len() {
        t[more[k] as usize] = true;
        k += 1;
    }
    t
};

/// [`PLAIN`] for [`Set::Smarty`]: every ASCII byte but those its parsers
/// (quotes, entities, HTML, dashes, ellipses, guillemets) start with.
const PLAIN_SMARTY: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 128 {
        t[c] = !matches!(
            c as u8,
            b'"' | b'\'' | b'&' | b'<' | b'-' | b'.' | b'>' | b' ' | b'\\'
        );
        c += 1;
    }
    t
};

impl Parser<'_> {
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
        // The first byte the stop pattern can match at; never skipped.
        let stop_byte = stop.as_deref().map(|st| match st {
            Stop::Delim { delim, .. } => delim.as_bytes().first().copied().unwrap_or(0),
            Stop::Bracket { .. } => b']',
            Stop::Close { .. } => b'<',
        });
        // PLAIN without the stop byte, which is never skipped.
        let skip = matches!(set, Set::All | Set::Smarty);
        let mut plain = if set == Set::Smarty {
            PLAIN_SMARTY
        } else {
            PLAIN
        };
        if let Some(c) = stop_byte {
            plain[usize::from(c)] = false;
        }
        let space_plain = stop_byte != Some(b' ');
        // The bytes that can start a span of the other sets, when the stop
        // pattern (if any) starts with one of them too.
        let few_starts = match set {
            Set::Codespan => Some((b'`', None)),
            Set::CodespanHtml => Some((b'`', Some(b'<'))),
            Set::Html => Some((b'<', None)),
            Set::All | Set::Smarty => None,
        }
        .filter(|&(x, y): &(u8, Option<u8>)| stop_byte.is_none_or(|c| c == x || Some(c) == y));
        // The next quote at or after the scan (the byte before one is never
        // plain: it may start a smart quote); found again once passed.
        let mut quote: Option<usize> = None;
        self.depth += 1;
        while !sc.eos() && !found_stop {
            let mut i = sc.pos;
            let hit = loop {
                // Plain text: bytes that start no span (and no stop), not
                // followed by a quote (see PLAIN). Same budget as the full
                // test.
                if skip {
                    let from = i;
                    let q = match quote {
                        Some(q) if q >= i => q,
                        _ => memchr::memchr2(b'"', b'\'', &b[i..]).map_or(b.len(), |n| i + n),
                    };
                    quote = Some(q);
                    // Up to the byte before the quote, or to the end.
                    let end = if q < b.len() {
                        q.saturating_sub(1)
                    } else {
                        b.len()
                    };
                    // Table first: only the bytes it rejects look further.
                    let seg = &b[i.min(end)..end];
                    let mut n = 0;
                    while n < seg.len() {
                        let c = seg[n];
                        let plain_space = || {
                            space_plain
                                && c == b' '
                                && b.get(i + n + 1).is_some_and(u8::is_ascii_alphanumeric)
                        };
                        if !(plain[usize::from(c)] || plain_space()) {
                            break;
                        }
                        n += 1;
                    }
                    i += n;
                    self.span_budget -= (i - from) as i64;
                } else if let Some(start_bytes) = few_starts {
                    // Sets that start at one or two bytes: jump to the next
                    // one, charging the budget per character as the test of
                    // each position would.
                    let rest = &b[i..];
                    let n = match start_bytes {
                        (x, None) => memchr::memchr(x, rest),
                        (x, Some(y)) => memchr::memchr2(x, y, rest),
                    }
                    .unwrap_or(rest.len());
                    let chars = rest[..n].iter().filter(|&&c| (c as i8) >= -0x40).count();
                    self.span_budget -= chars as i64;
                    i += n;
                }
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
            if let Some(close) = find_str(&s[i + 2..], "$$") {
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
        // Attempts that cannot find a closer are skipped: they would fail anyway.
        let mut found = false;
        let mut child = El::new(kind);
        if kind == Kind::Em || sc.index().strong_closer(d, sc.pos) {
            let mut stop = Stop::Delim {
                delim,
                em: kind == Kind::Em,
                underscore,
            };
            found = self.sub_spans(sc, el, &mut child, Some(&mut stop), Set::All);
        }
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
        let lower = lowercase(tag.name);
        let known = super::html::is_known(&lower);
        let name = if known {
            lower.into_owned()
        } else {
            tag.name.to_string()
        };
        if super::html::is_block_element(&name) {
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
        if !tag.self_closed && !without_body(&name) {
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
