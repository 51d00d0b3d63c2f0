//! commonmarker's Ruby `HtmlRenderer` (with jekyll-commonmark's
//! `code_block`), over pulldown-cmark's events.
//!
//! The renderer's block rule is `cr; write; cr`, where `cr` adds a newline
//! unless the output is empty or already ends with one; tables and inline
//! content are written without it. Footnote definitions are moved to the
//! end and numbered in the order of their first reference, as cmark-gfm
//! does; definitions nobody references are dropped.

use std::collections::HashMap;

use pulldown_cmark::{
    Alignment, CodeBlockKind, Event, LinkType, Options as Flags, Parser, Tag, TagEnd,
};

use super::autolink;
use super::CommonMarkOptions;

pub(super) fn render(src: &str, opts: &CommonMarkOptions) -> String {
    // cmark skips a byte-order mark at the start of the document.
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    let mut flags = Flags::empty();
    if opts.table {
        flags.insert(Flags::ENABLE_TABLES);
    }
    if opts.strikethrough {
        flags.insert(Flags::ENABLE_STRIKETHROUGH);
        if opts.strikethrough_double_tilde {
            // Single tildes then parse as subscript, written back as text.
            flags.insert(Flags::ENABLE_SUBSCRIPT);
        }
    }
    if opts.tasklist {
        flags.insert(Flags::ENABLE_TASKLISTS);
    }
    if opts.footnotes {
        flags.insert(Flags::ENABLE_FOOTNOTES);
    }
    if opts.smart {
        flags.insert(Flags::ENABLE_SMART_PUNCTUATION);
    }
    let mut escaped_bracket = Vec::new();
    let mut events: Vec<Event<'_>> = Vec::new();
    for (ev, range) in Parser::new_ext(src, flags).into_offset_iter() {
        // pulldown-cmark starts a text after the backslash that escapes it.
        let after_backslash = range.start > 0 && src.as_bytes()[range.start - 1] == b'\\';
        let ev = match ev {
            Event::TaskListMarker(_) => task_marker(src, range.start),
            Event::Text(t) if t.contains("&#") && src[range] == *t => {
                match long_numeric_refs(&t, after_backslash) {
                    Some(decoded) => Event::Text(decoded.into()),
                    None => Event::Text(t),
                }
            }
            other => other,
        };
        // A backslash-escaped bracket opens no link (autolinks care).
        escaped_bracket
            .push(after_backslash && matches!(&ev, Event::Text(t) if t.starts_with(['[', ']'])));
        events.push(ev);
    }
    if opts.autolink {
        events = autolink::apply(events, &escaped_bracket);
    }
    let (body, notes) = split_footnotes(events);
    let mut r = Renderer {
        opts,
        out: String::with_capacity(src.len() * 3 / 2),
        notes: HashMap::new(),
        plain: 0,
        in_header: false,
        align: Vec::new(),
        column: 0,
        open_tbody: false,
        backref_at: None,
        note_ix: 0,
        written_note: 0,
    };
    // Number the referenced footnotes in order of first reference.
    let mut order: Vec<String> = Vec::new();
    let all_refs = body
        .iter()
        .chain(notes.iter().flat_map(|(_, evs)| evs.iter()));
    for ev in all_refs {
        if let Event::FootnoteReference(label) = ev {
            let key = normalize_label(label);
            if notes.iter().any(|(l, _)| *l == key) && !order.contains(&key) {
                order.push(key);
            }
        }
    }
    for (i, key) in order.iter().enumerate() {
        r.notes.insert(key.clone(), i + 1);
    }
    r.events(&body);
    for key in &order {
        if let Some((_, evs)) = notes.iter().find(|(l, _)| l == key) {
            r.footnote_definition(evs);
        }
    }
    if r.written_note > 0 {
        r.out.push_str("</ol>\n</section>\n");
    }
    r.out
}

/// Numeric character references with eight decimal or seven or eight hex
/// digits, which cmark 0.29 decodes (invalid ones to U+FFFD) and CommonMark
/// 0.31, hence pulldown-cmark, leaves as text. `escaped`: the text follows a
/// backslash, so a reference at its very start is literal.
fn long_numeric_refs(t: &str, escaped: bool) -> Option<String> {
    let mut out = String::new();
    let mut last = 0;
    let mut from = 0;
    while let Some(rel) = t[from..].find("&#") {
        let at = from + rel;
        from = at + 2;
        if at == 0 && escaped {
            continue;
        }
        let rest = &t[at + 2..];
        let (hex, digits) = match rest.as_bytes().first() {
            Some(b'x' | b'X') => (true, &rest[1..]),
            _ => (false, rest),
        };
        let n = digits
            .bytes()
            .take_while(|b| {
                if hex {
                    b.is_ascii_hexdigit()
                } else {
                    b.is_ascii_digit()
                }
            })
            .count();
        let long = if hex { (7..=8).contains(&n) } else { n == 8 };
        if !long || digits.as_bytes().get(n) != Some(&b';') {
            continue;
        }
        let value = u32::from_str_radix(&digits[..n], if hex { 16 } else { 10 }).unwrap_or(0);
        let c = char::from_u32(value)
            .filter(|&c| c != '\0')
            .unwrap_or('\u{fffd}');
        out.push_str(&t[last..at]);
        out.push(c);
        last = at + 2 + usize::from(hex) + n + 1;
        from = last;
    }
    if last == 0 {
        return None;
    }
    out.push_str(&t[last..]);
    Some(out)
}

/// cmark-gfm 0.29.0.gfm.6's task list item at `at` (the `[`): a marker
/// only when a space or tab follows the `]`, and checked when its first line
/// contains `[x]` or `[X]` anywhere (the extension searches the line).
fn task_marker(src: &str, at: usize) -> Event<'_> {
    let marker = src.get(at..at + 3).unwrap_or("[ ]");
    if !matches!(src.as_bytes().get(at + 3), Some(b' ' | b'\t')) {
        return Event::Text(marker.into());
    }
    let line = src[at..].split('\n').next().unwrap_or("");
    Event::TaskListMarker(line.contains("[x]") || line.contains("[X]"))
}

/// cmark's reference label normalisation: case-folded, inner whitespace collapsed.
fn normalize_label(label: &str) -> String {
    label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

type Notes<'a> = Vec<(String, Vec<Event<'a>>)>;

/// Takes the footnote definitions out of the event stream (the first
/// definition of a label wins).
fn split_footnotes(events: Vec<Event<'_>>) -> (Vec<Event<'_>>, Notes<'_>) {
    let mut body = Vec::with_capacity(events.len());
    let mut notes: Notes<'_> = Vec::new();
    let mut current: Option<(String, Vec<Event<'_>>, usize)> = None;
    for ev in events {
        if let Some((_, evs, depth)) = current.as_mut() {
            match &ev {
                Event::Start(Tag::FootnoteDefinition(_)) => *depth += 1,
                Event::End(TagEnd::FootnoteDefinition) => {
                    *depth -= 1;
                    if *depth == 0 {
                        if let Some((label, evs, _)) = current.take() {
                            if !notes.iter().any(|(l, _)| *l == label) {
                                notes.push((label, evs));
                            }
                        }
                        continue;
                    }
                }
                _ => {}
            }
            evs.push(ev);
            continue;
        }
        match ev {
            Event::Start(Tag::FootnoteDefinition(label)) => {
                current = Some((normalize_label(&label), Vec::new(), 1));
            }
            other => body.push(other),
        }
    }
    (body, notes)
}

struct Renderer<'o> {
    opts: &'o CommonMarkOptions,
    out: String,
    notes: HashMap<String, usize>,
    /// Inside an image: only text is written (the `alt`).
    plain: usize,
    in_header: bool,
    align: Vec<Alignment>,
    column: usize,
    open_tbody: bool,
    /// Index of the `End(Paragraph)` that carries the footnote backlink.
    backref_at: Option<usize>,
    note_ix: usize,
    written_note: usize,
}

impl Renderer<'_> {
    fn cr(&mut self) {
        if !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push('\n');
        }
    }

    fn events(&mut self, evs: &[Event<'_>]) {
        let mut i = 0;
        while i < evs.len() {
            i = self.event(evs, i);
        }
    }

    /// Writes event `i` (with what it owns, for code and HTML blocks);
    /// returns the index of the next event to write.
    fn event(&mut self, evs: &[Event<'_>], i: usize) -> usize {
        let ev = &evs[i];
        if self.plain > 0 {
            match ev {
                Event::Text(t) => escape_html(&mut self.out, t),
                Event::SoftBreak => self.softbreak(),
                Event::Start(Tag::Image { .. }) => self.plain += 1,
                Event::End(TagEnd::Image) => {
                    self.plain -= 1;
                    if self.plain == 0 {
                        self.out.push('"');
                        self.image_end(evs, i);
                    }
                }
                _ => {}
            }
            return i + 1;
        }
        match ev {
            Event::Start(tag) => return self.start(tag, evs, i),
            Event::End(tag) => self.end(*tag, evs, i),
            Event::Text(t) => escape_html(&mut self.out, t),
            Event::Code(c) => {
                self.out.push_str("<code>");
                escape_html(&mut self.out, c);
                self.out.push_str("</code>");
            }
            Event::Html(h) | Event::InlineHtml(h) => self.raw_html(h),
            Event::SoftBreak => self.softbreak(),
            Event::HardBreak => self.out.push_str("<br />\n"),
            Event::Rule => {
                self.cr();
                self.out.push_str("<hr />");
                self.cr();
            }
            Event::FootnoteReference(label) => match self.notes.get(&normalize_label(label)) {
                Some(n) => self.out.push_str(&format!(
                    "<sup class=\"footnote-ref\"><a href=\"#fn{n}\" id=\"fnref{n}\">{n}</a></sup>"
                )),
                None => {
                    self.out.push_str("[^");
                    escape_html(&mut self.out, label);
                    self.out.push(']');
                }
            },
            Event::TaskListMarker(_) => {} // written with its item
            Event::InlineMath(m) | Event::DisplayMath(m) => escape_html(&mut self.out, m),
        }
        i + 1
    }

    fn softbreak(&mut self) {
        if self.opts.hardbreaks {
            self.out.push_str("<br />\n");
        } else if self.opts.nobreaks {
            self.out.push(' ');
        } else {
            self.out.push('\n');
        }
    }

    fn raw_html(&mut self, html: &str) {
        if self.opts.unsafe_html {
            if self.opts.tagfilter {
                tagfilter(&mut self.out, html);
            } else {
                self.out.push_str(html);
            }
        } else {
            self.out.push_str("<!-- raw HTML omitted -->");
        }
    }

    fn start(&mut self, tag: &Tag<'_>, evs: &[Event<'_>], i: usize) -> usize {
        match tag {
            Tag::Paragraph => {
                self.cr();
                self.out.push_str("<p>");
            }
            Tag::Heading { level, .. } => {
                self.cr();
                self.out.push_str(&format!("<{level}>"));
            }
            Tag::BlockQuote(_) => {
                self.cr();
                self.out.push_str("<blockquote>\n");
            }
            Tag::CodeBlock(kind) => return self.code_block(kind, evs, i),
            Tag::HtmlBlock => {
                let mut html = String::new();
                let mut j = i + 1;
                while let Some(ev) = evs.get(j) {
                    match ev {
                        Event::Html(h) | Event::Text(h) => html.push_str(h),
                        _ => break,
                    }
                    j += 1;
                }
                self.cr();
                self.raw_html(&html);
                self.cr();
                // Skip the End(HtmlBlock).
                return j + 1;
            }
            Tag::List(start) => {
                self.cr();
                match start {
                    None => self.out.push_str("<ul>\n"),
                    Some(1) => self.out.push_str("<ol>\n"),
                    Some(n) => self.out.push_str(&format!("<ol start=\"{n}\">\n")),
                }
            }
            Tag::Item => {
                self.cr();
                self.out.push_str("<li");
                let marker = evs[i + 1..].iter().take(2).find_map(|e| match e {
                    Event::TaskListMarker(checked) => Some(*checked),
                    _ => None,
                });
                match marker {
                    Some(true) => self
                        .out
                        .push_str("><input type=\"checkbox\" checked=\"\" disabled=\"\" /> "),
                    Some(false) => self
                        .out
                        .push_str("><input type=\"checkbox\" disabled=\"\" /> "),
                    None => self.out.push('>'),
                }
            }
            Tag::Table(align) => {
                self.align = align.clone();
                self.open_tbody = false;
                self.out.push_str("<table>\n");
            }
            Tag::TableHead => {
                self.column = 0;
                self.in_header = true;
                self.out.push_str("<thead>\n<tr>\n");
            }
            Tag::TableRow => {
                self.column = 0;
                if !self.open_tbody {
                    self.open_tbody = true;
                    self.out.push_str("<tbody>\n");
                }
                self.out.push_str("<tr>\n");
            }
            Tag::TableCell => {
                let align = match self.align.get(self.column) {
                    Some(Alignment::Left) => " align=\"left\"",
                    Some(Alignment::Right) => " align=\"right\"",
                    Some(Alignment::Center) => " align=\"center\"",
                    _ => "",
                };
                let cell = if self.in_header { "th" } else { "td" };
                self.out.push_str(&format!("<{cell}{align}>"));
            }
            Tag::Emphasis => self.out.push_str("<em>"),
            Tag::Strong => self.out.push_str("<strong>"),
            Tag::Strikethrough => self.out.push_str("<del>"),
            Tag::Subscript => self.out.push('~'),
            Tag::Superscript => self.out.push('^'),
            Tag::Link {
                link_type,
                dest_url,
                title,
                ..
            } => {
                self.out.push_str("<a href=\"");
                if *link_type == LinkType::Email && !dest_url.starts_with("mailto:") {
                    self.out.push_str("mailto:");
                }
                escape_href(&mut self.out, dest_url);
                self.out.push('"');
                if !title.is_empty() {
                    self.out.push_str(" title=\"");
                    escape_html(&mut self.out, title);
                    self.out.push('"');
                }
                self.out.push('>');
            }
            Tag::Image { dest_url, .. } => {
                self.out.push_str("<img src=\"");
                escape_href(&mut self.out, dest_url);
                self.out.push_str("\" alt=\"");
                self.plain = 1;
            }
            Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::MetadataBlock(_) => {}
        }
        i + 1
    }

    /// The rest of an `<img>` after its `alt`: the title of the image that
    /// the `End(Image)` at `end` closes.
    fn image_end(&mut self, evs: &[Event<'_>], end: usize) {
        let mut depth = 0usize;
        for ev in evs[..end].iter().rev() {
            match ev {
                Event::End(TagEnd::Image) => depth += 1,
                Event::Start(Tag::Image { title, .. }) => {
                    if depth == 0 {
                        if !title.is_empty() {
                            self.out.push_str(" title=\"");
                            escape_html(&mut self.out, title);
                            self.out.push('"');
                        }
                        break;
                    }
                    depth -= 1;
                }
                _ => {}
            }
        }
        self.out.push_str(" />");
    }

    fn end(&mut self, tag: TagEnd, _evs: &[Event<'_>], i: usize) {
        match tag {
            TagEnd::Paragraph => {
                if self.backref_at == Some(i) {
                    self.out.push(' ');
                    self.backref();
                }
                self.out.push_str("</p>");
                self.cr();
            }
            TagEnd::Heading(level) => {
                // cmark drops trailing spaces and tabs of an ATX heading.
                while self.out.ends_with([' ', '\t']) {
                    self.out.pop();
                }
                self.out.push_str(&format!("</{level}>"));
                self.cr();
            }
            TagEnd::BlockQuote(_) => {
                self.out.push_str("</blockquote>");
                self.cr();
            }
            TagEnd::List(ordered) => {
                self.out.push_str(if ordered { "</ol>" } else { "</ul>" });
                self.cr();
            }
            TagEnd::Item => {
                self.out.push_str("</li>");
                self.cr();
            }
            TagEnd::Table => {
                if self.open_tbody {
                    self.out.push_str("</tbody>\n");
                }
                self.out.push_str("</table>\n");
            }
            TagEnd::TableHead => {
                self.in_header = false;
                self.out.push_str("</tr>\n</thead>\n");
            }
            TagEnd::TableRow => self.out.push_str("</tr>\n"),
            TagEnd::TableCell => {
                self.out
                    .push_str(if self.in_header { "</th>\n" } else { "</td>\n" });
                self.column += 1;
            }
            TagEnd::Emphasis => self.out.push_str("</em>"),
            TagEnd::Strong => self.out.push_str("</strong>"),
            TagEnd::Strikethrough => self.out.push_str("</del>"),
            TagEnd::Subscript => self.out.push('~'),
            TagEnd::Superscript => self.out.push('^'),
            TagEnd::Link => self.out.push_str("</a>"),
            _ => {}
        }
    }

    /// jekyll-commonmark's `code_block`: Rouge's spans in the
    /// `highlighter-rouge` wrappers; returns the index after the block.
    fn code_block(&mut self, kind: &CodeBlockKind<'_>, evs: &[Event<'_>], i: usize) -> usize {
        let mut code = String::new();
        let mut j = i + 1;
        while let Some(Event::Text(t)) = evs.get(j) {
            code.push_str(t);
            j += 1;
        }
        // cmark ends the last line of the input with a newline.
        if !code.is_empty() && !code.ends_with('\n') {
            code.push('\n');
        }
        let lang = match kind {
            CodeBlockKind::Fenced(info) => info
                .split([' ', '\t', '\n', '\x0b', '\x0c', '\r'])
                .next()
                .filter(|l| !l.is_empty()),
            CodeBlockKind::Indented => None,
        };
        self.cr();
        self.out.push_str("<div class=\"");
        if let Some(l) = lang {
            self.out.push_str("language-");
            self.out.push_str(l);
            self.out.push(' ');
        }
        self.out
            .push_str("highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\"");
        let data_lang = |out: &mut String| {
            if let Some(l) = lang {
                out.push_str(" data-lang=\"");
                out.push_str(l);
                out.push('"');
            }
        };
        if self.opts.github_pre_lang {
            data_lang(&mut self.out);
            self.out.push_str("><code>");
        } else {
            self.out.push_str("><code");
            data_lang(&mut self.out);
            self.out.push('>');
        }
        let language = match lang {
            Some(l) => {
                hyde_highlight::find_fancy(l, &code).unwrap_or_else(hyde_highlight::plaintext)
            }
            None => hyde_highlight::guess_language(&code),
        };
        self.out
            .push_str(&hyde_highlight::highlight(language, &code));
        self.out.push_str("</code></pre></div></div>");
        self.cr();
        // Skip the End(CodeBlock).
        j + 1
    }

    fn footnote_definition(&mut self, evs: &[Event<'_>]) {
        if self.note_ix == 0 {
            self.out.push_str("<section class=\"footnotes\">\n<ol>\n");
        }
        self.note_ix += 1;
        self.out
            .push_str(&format!("<li id=\"fn{}\">\n", self.note_ix));
        self.backref_at = last_paragraph_end(evs);
        self.events(evs);
        self.backref_at = None;
        if self.backref() {
            self.out.push('\n');
        }
        self.out.push_str("</li>\n");
    }

    /// The backlink of the current footnote, once.
    fn backref(&mut self) -> bool {
        if self.written_note == self.note_ix {
            return false;
        }
        self.written_note = self.note_ix;
        self.out.push_str(&format!(
            "<a href=\"#fnref{}\" class=\"footnote-backref\">↩</a>",
            self.note_ix
        ));
        true
    }
}

/// The index of the `End(Paragraph)` of a definition's last block, when
/// that block is a paragraph.
fn last_paragraph_end(evs: &[Event<'_>]) -> Option<usize> {
    let mut depth = 0usize;
    let mut last = None;
    for (i, ev) in evs.iter().enumerate() {
        match ev {
            Event::Start(_) => depth += 1,
            Event::End(tag) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    last = Some((i, *tag == TagEnd::Paragraph));
                }
            }
            _ if depth == 0 => last = Some((i, false)),
            _ => {}
        }
    }
    last.and_then(|(i, para)| para.then_some(i))
}

/// cmark's `houdini_escape_html0` (not secure): `&`, `<`, `>` and `"`.
pub(super) fn escape_html(out: &mut String, s: &str) {
    let mut last = 0;
    for (i, b) in s.bytes().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => continue,
        };
        out.push_str(&s[last..i]);
        out.push_str(rep);
        last = i + 1;
    }
    out.push_str(&s[last..]);
}

/// cmark's `houdini_escape_href`: URL-safe bytes kept, `&` and `'` as
/// entities, everything else percent-encoded.
pub(super) fn escape_href(out: &mut String, s: &str) {
    fn safe(b: u8) -> bool {
        b.is_ascii_alphanumeric() || b"-_.+!*(),%#@?=;:/$~".contains(&b)
    }
    for b in s.bytes() {
        match b {
            _ if safe(b) => out.push(char::from(b)),
            b'&' => out.push_str("&amp;"),
            b'\'' => out.push_str("&#x27;"),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
}

/// The `tagfilter` extension: `<script`, `<style`… become `&lt;script`….
fn tagfilter(out: &mut String, html: &str) {
    const TAGS: &[&str] = &[
        "title",
        "textarea",
        "style",
        "xmp",
        "iframe",
        "noembed",
        "noframes",
        "script",
        "plaintext",
    ];
    let bytes = html.as_bytes();
    let mut last = 0;
    for (i, _) in html.match_indices('<') {
        let rest = &bytes[i + 1..];
        let hit = TAGS.iter().find(|t| {
            rest.len() >= t.len()
                && rest[..t.len()].eq_ignore_ascii_case(t.as_bytes())
                && match rest.get(t.len()) {
                    Some(b'>') => true,
                    Some(b'/') => rest.get(t.len() + 1) == Some(&b'>'),
                    Some(c) => matches!(c, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r'),
                    None => false,
                }
        });
        if hit.is_some() {
            out.push_str(&html[last..i]);
            out.push_str("&lt;");
            last = i + 1;
        }
    }
    out.push_str(&html[last..]);
}
