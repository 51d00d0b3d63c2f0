//! kramdown's HTML converter: block elements indented by two spaces per
//! level, span elements inline, blank lines kept as newlines, raw HTML
//! re-serialised, code highlighted with Rouge, math written for MathJax.

use std::collections::HashMap;

use super::escape::{entity_into, escape, escape_into, Esc};
use super::ids::basic_generate_id;
use crate::entities;
use crate::options::Options;
use crate::parser::{Doc, FootnoteDef};
use crate::tree::{Align, Attrs, El, Kind, Model, Sym};

/// Converter state (kramdown's `Converter::Html` instance).
pub(crate) struct Html<'d> {
    pub opts: &'d Options,
    /// Taken from the document: each definition is moved into the footnote
    /// list when it is written (once: one entry per name).
    pub footnote_defs: HashMap<String, FootnoteDef>,
    pub abbrev_defs: &'d HashMap<String, String>,
    pub abbrev_attrs: &'d HashMap<String, Attrs>,
    /// (name, number, repeat count) in order of first reference.
    pub footnotes: Vec<(String, i64, usize)>,
    /// Prefixed name -> (index in `footnotes`, definition name).
    pub footnote_index: HashMap<String, (usize, String)>,
    pub footnote_counter: i64,
    pub used_ids: HashMap<String, usize>,
    /// (level, id, header children) for the table of contents.
    pub toc: Vec<(u8, String, Vec<El>)>,
    pub toc_code: Option<(Kind, Attrs, String)>,
    pub footnote_location: Option<String>,
    /// Parent elements: kind, content model, IAL refs.
    stack: Vec<(Kind, Model, Vec<String>)>,
    aligns: Vec<Vec<Align>>,
    in_thead: bool,
    src_len: usize,
    /// Whether the document may hold a `{:toc}` list.
    toc_ref: bool,
    pub warnings: Vec<String>,
}

pub(crate) fn attrs_into(out: &mut String, attr: &Attrs) {
    for (k, v) in &attr.0 {
        attr_into(out, k, v);
    }
}

/// One ` key="value"` of [`attrs_into`] (an empty id is left out).
fn attr_into(out: &mut String, k: &str, v: &str) {
    if k == "id" && v.trim().is_empty() {
        return;
    }
    out.push(' ');
    out.push_str(k);
    out.push_str("=\"");
    escape_into(out, v, Esc::Attribute);
    out.push('"');
}

pub(super) fn attrs(attr: &Attrs) -> String {
    let mut s = String::new();
    attrs_into(&mut s, attr);
    s
}

pub(super) fn push_sp(out: &mut String, n: i64) {
    for _ in 0..n.max(0) {
        out.push(' ');
    }
}

pub(super) fn sp(n: i64) -> String {
    " ".repeat(n.max(0) as usize)
}

/// `<name attrs>` + `between` + `body` + `</name>` + `after`, indented, in one
/// string sized up front (these wrap whole bodies: footnotes, figures, math).
fn wrap_html(
    name: &str,
    attr: &Attrs,
    body: &str,
    indent: i64,
    between: &str,
    after: &str,
) -> String {
    let pad = usize::try_from(indent).unwrap_or(0);
    let mut out = String::with_capacity(body.len() + 2 * (name.len() + pad) + 40);
    push_sp(&mut out, indent);
    out.push('<');
    out.push_str(name);
    attrs_into(&mut out, attr);
    out.push('>');
    out.push_str(between);
    out.push_str(body);
    if !between.is_empty() {
        push_sp(&mut out, indent);
    }
    out.push_str("</");
    out.push_str(name);
    out.push('>');
    out.push_str(after);
    out
}

pub(crate) fn block_html(name: &str, attr: &Attrs, body: &str, indent: i64) -> String {
    wrap_html(name, attr, body, indent, "", "\n")
}

pub(crate) fn indented_block_html(name: &str, attr: &Attrs, body: &str, indent: i64) -> String {
    wrap_html(name, attr, body, indent, "\n", "\n")
}

pub(super) fn span_html(name: &str, attr: &Attrs, body: &str) -> String {
    wrap_html(name, attr, body, 0, "", "")
}

fn random_token() -> String {
    // A placeholder that cannot occur in converted text (kramdown uses random letters).
    "\u{1}hyde-placeholder\u{1}".to_string()
}

impl<'d> Html<'d> {
    pub fn new(doc: &'d Doc, footnote_defs: HashMap<String, FootnoteDef>) -> Html<'d> {
        Html {
            opts: &doc.options,
            footnote_defs,
            abbrev_defs: &doc.abbrev_defs,
            abbrev_attrs: &doc.abbrev_attrs,
            footnotes: Vec::new(),
            footnote_index: HashMap::new(),
            footnote_counter: doc.options.footnote_nr,
            used_ids: HashMap::new(),
            toc: Vec::new(),
            toc_code: None,
            footnote_location: None,
            stack: Vec::new(),
            aligns: Vec::new(),
            in_thead: false,
            src_len: doc.src_len,
            toc_ref: doc.toc_ref,
            warnings: Vec::new(),
        }
    }

    /// Converts the whole document.
    pub fn convert_root(&mut self, root: &El) -> String {
        // HTML is typically under twice the Markdown.
        let mut result = String::with_capacity(2 * self.src_len + 64);
        self.inner_into(root, -2, &mut result);
        match self.footnote_location.take() {
            Some(token) => {
                let mut fn_html = String::new();
                self.footnote_content_into(&mut fn_html);
                result = result.replacen(&token, &fn_html, 1);
            }
            None => self.footnote_content_into(&mut result),
        }
        if let Some((kind, attr, token)) = self.toc_code.take() {
            let tree = super::toc::generate_toc_tree(&self.toc, kind, &attr);
            let text = if tree.children.is_empty() {
                String::new()
            } else {
                self.convert(&tree, 0)
            };
            result = result.replacen(&token, &text, 1);
        }
        // The document keeps this string for the whole build: drop the
        // capacity reserved up front.
        result.shrink_to_fit();
        result
    }

    /// `inner`: the children of `el`, one level deeper.
    pub fn inner(&mut self, el: &El, indent: i64) -> String {
        let mut out = String::new();
        self.inner_into(el, indent, &mut out);
        out
    }

    fn inner_into(&mut self, el: &El, indent: i64, out: &mut String) {
        let indent = indent + 2;
        let refs = el.ial().map(|i| i.refs.clone()).unwrap_or_default();
        self.stack.push((el.kind, el.model, refs));
        for (i, c) in el.children.iter().enumerate() {
            if c.kind == Kind::Td {
                self.convert_td(c, indent, i, out);
            } else {
                self.convert_into(c, indent, out);
            }
        }
        self.stack.pop();
    }

    fn parent_raw_html(&self) -> bool {
        self.stack
            .last()
            .is_some_and(|(k, m, _)| *k == Kind::Html && *m == Model::Raw)
    }

    pub fn convert(&mut self, el: &El, indent: i64) -> String {
        let mut out = String::new();
        self.convert_into(el, indent, &mut out);
        out
    }

    fn open_tag(out: &mut String, indent: i64, name: &str, attr: &Attrs) {
        push_sp(out, indent);
        out.push('<');
        out.push_str(name);
        attrs_into(out, attr);
        out.push('>');
    }

    fn block_into(&mut self, el: &El, name: &str, attr: &Attrs, indent: i64, out: &mut String) {
        Self::open_tag(out, indent, name, attr);
        self.inner_into(el, indent, out);
        out.push_str("</");
        out.push_str(name);
        out.push_str(">\n");
    }

    fn indented_block_into(&mut self, el: &El, name: &str, indent: i64, out: &mut String) {
        Self::open_tag(out, indent, name, &el.attr);
        out.push('\n');
        self.inner_into(el, indent, out);
        push_sp(out, indent);
        out.push_str("</");
        out.push_str(name);
        out.push_str(">\n");
    }

    fn span_into(&mut self, el: &El, name: &str, indent: i64, out: &mut String) {
        out.push('<');
        out.push_str(name);
        attrs_into(out, &el.attr);
        out.push('>');
        self.inner_into(el, indent, out);
        out.push_str("</");
        out.push_str(name);
        out.push('>');
    }

    pub fn convert_into(&mut self, el: &El, indent: i64, out: &mut String) {
        match el.kind {
            Kind::Blank => out.push('\n'),
            Kind::Text | Kind::RawText => {
                if self.opts.remove_line_breaks_for_cjk {
                    out.push_str(&fix_cjk_line_break(&escape(&el.value, Esc::Text)));
                } else {
                    escape_into(out, &el.value, Esc::Text);
                }
            }
            Kind::P => {
                if el.transparent {
                    self.inner_into(el, indent, out)
                } else if el.children.len() == 1
                    && el.children[0].kind == Kind::Img
                    && el.children[0]
                        .ial()
                        .is_some_and(|i| i.has_ref("standalone"))
                {
                    out.push_str(&self.standalone_image(el, indent))
                } else {
                    self.block_into(el, "p", &el.attr, indent, out)
                }
            }
            Kind::Codeblock => self.codeblock_into(el, indent, out),
            Kind::Blockquote => self.indented_block_into(el, "blockquote", indent, out),
            Kind::Header => self.convert_header(el, indent, out),
            Kind::Hr => {
                push_sp(out, indent);
                out.push_str("<hr");
                attrs_into(out, &el.attr);
                out.push_str(" />\n");
            }
            Kind::Ul | Kind::Ol => self.convert_list(el, indent, out),
            Kind::Dl => self.indented_block_into(el, "dl", indent, out),
            Kind::Li | Kind::Dd => {
                let name = if el.kind == Kind::Li { "li" } else { "dd" };
                Self::open_tag(out, indent, name, &el.attr);
                if el.children.is_empty()
                    || (el.children[0].kind == Kind::P && el.children[0].transparent)
                {
                    let start = out.len();
                    self.inner_into(el, indent, out);
                    if out.len() > start && out.ends_with('\n') {
                        push_sp(out, indent);
                    }
                } else {
                    out.push('\n');
                    self.inner_into(el, indent, out);
                    push_sp(out, indent);
                }
                out.push_str("</");
                out.push_str(name);
                out.push_str(">\n");
            }
            Kind::Dt => self.convert_dt(el, indent, out),
            Kind::Html => self.html_element_into(el, indent, out),
            Kind::XmlComment | Kind::XmlPi => {
                if el.block && !self.parent_raw_html() {
                    push_sp(out, indent);
                    out.push_str(&el.value);
                    out.push('\n');
                } else {
                    out.push_str(&el.value);
                }
            }
            Kind::Table | Kind::Thead | Kind::Tbody | Kind::Tfoot | Kind::Tr => {
                let name = match el.kind {
                    Kind::Table => "table",
                    Kind::Thead => "thead",
                    Kind::Tbody => "tbody",
                    Kind::Tfoot => "tfoot",
                    _ => "tr",
                };
                if el.kind == Kind::Table {
                    self.aligns.push(el.align().to_vec());
                }
                let saved = self.in_thead;
                if matches!(el.kind, Kind::Thead | Kind::Tbody | Kind::Tfoot) {
                    self.in_thead = el.kind == Kind::Thead;
                }
                self.indented_block_into(el, name, indent, out);
                self.in_thead = saved;
                if el.kind == Kind::Table {
                    self.aligns.pop();
                }
            }
            Kind::Td => self.convert_td(el, indent, 0, out),
            Kind::Comment => {
                if el.block {
                    push_sp(out, indent);
                    out.push_str(&format!("<!-- {} -->\n", el.value));
                } else {
                    out.push_str(&format!("<!-- {} -->", el.value));
                }
            }
            Kind::Br => out.push_str("<br />"),
            Kind::A => self.span_into(el, "a", indent, out),
            Kind::Img => {
                out.push_str("<img");
                attrs_into(out, &el.attr);
                out.push_str(" />");
            }
            Kind::Codespan => self.codespan_into(el, out),
            Kind::Footnote => self.footnote_into(el, out),
            Kind::Raw => {
                if el.raw_types().is_empty() || el.raw_types().iter().any(|t| t == "html") {
                    out.push_str(&el.value);
                    if el.block {
                        out.push('\n');
                    }
                }
            }
            Kind::Em => self.span_into(el, "em", indent, out),
            Kind::Strong => self.span_into(el, "strong", indent, out),
            Kind::Entity => {
                let e = entities::by_code_point(el.num);
                entity_into(out, e, el.original(), self.opts.entity_output)
            }
            Kind::TypoSym => self.typographic_sym_into(el, out),
            Kind::SmartQuote => {
                let name = &self.opts.smart_quotes[el.num as usize % 4];
                match entities::by_name(name) {
                    Some(e) => entity_into(out, e, None, self.opts.entity_output),
                    None => out.push_str(&format!("&{name};")),
                }
            }
            Kind::Math => self.math_into(el, indent, out),
            Kind::Abbreviation => {
                let title = self.abbrev_defs.get(&el.value).cloned().unwrap_or_default();
                let mut attr = self
                    .abbrev_attrs
                    .get(&el.value)
                    .cloned()
                    .unwrap_or_default();
                if !title.is_empty() {
                    attr.set("title", title);
                }
                out.push_str(&span_html("abbr", &attr, &el.value))
            }
            Kind::Root | Kind::Temp => self.inner_into(el, indent, out),
            Kind::Eob => {}
        }
    }

    fn standalone_image(&mut self, el: &El, indent: i64) -> String {
        let mut figure_attr = el.attr.clone();
        let mut image_attr = el.children[0].attr.clone();
        if image_attr.contains("class") && !figure_attr.contains("class") {
            let c = image_attr.remove("class").unwrap_or_default();
            figure_attr.set("class", c);
        }
        if image_attr.contains("id") && !figure_attr.contains("id") {
            let c = image_attr.remove("id").unwrap_or_default();
            figure_attr.set("id", c);
        }
        let alt = image_attr.get("alt").unwrap_or("").to_string();
        let body = format!(
            "{}<img{} />\n{}<figcaption>{}</figcaption>\n",
            sp(indent + 2),
            attrs(&image_attr),
            sp(indent + 2),
            alt
        );
        indented_block_html("figure", &figure_attr, &body, indent)
    }

    fn convert_header(&mut self, el: &El, indent: i64, out: &mut String) {
        // A generated id goes last, where `Attrs::set` would put it.
        let generated = (self.opts.auto_ids && !el.attr.contains("id"))
            .then(|| self.generate_id(el.raw_text()));
        let id = generated.as_deref().or_else(|| el.attr.get("id"));
        if let Some(id) = id {
            let no_toc = el.attr.get("class").is_some_and(|c| {
                c.split(|ch: char| !(ch.is_alphanumeric() || ch == '_'))
                    .any(|w| w == "no_toc")
                    && has_word(c, "no_toc")
            });
            if self.opts.toc_levels.contains(&el.level) && !no_toc {
                // The content is needed only to build a `{:toc}` list.
                let content = if self.toc_ref {
                    el.children.clone()
                } else {
                    Vec::new()
                };
                self.toc.push((el.level, id.to_string(), content));
            }
        }
        const NAMES: [&str; 6] = ["h1", "h2", "h3", "h4", "h5", "h6"];
        let level = (el.level as i64 + self.opts.header_offset).clamp(1, 6);
        let name = NAMES[(level - 1) as usize];
        push_sp(out, indent);
        out.push('<');
        out.push_str(name);
        attrs_into(out, &el.attr);
        if let Some(id) = &generated {
            attr_into(out, "id", id);
        }
        out.push('>');
        self.inner_into(el, indent, out);
        out.push_str("</");
        out.push_str(name);
        out.push_str(">\n");
    }

    fn convert_list(&mut self, el: &El, indent: i64, out: &mut String) {
        let refs = el.ial().map(|i| i.refs.clone()).unwrap_or_default();
        if self.toc_code.is_none() && refs.iter().any(|r| r == "toc") {
            let token = format!("{}toc", random_token());
            self.toc_code = Some((el.kind, el.attr.clone(), token.clone()));
            out.push_str(&token);
            return;
        }
        if self.footnote_location.is_none() && refs.iter().any(|r| r == "footnotes") {
            let token = format!("{}footnotes", random_token());
            self.footnote_location = Some(token.clone());
            out.push_str(&token);
            return;
        }
        self.indented_block_into(
            el,
            if el.kind == Kind::Ul { "ul" } else { "ol" },
            indent,
            out,
        );
    }

    fn convert_dt(&mut self, el: &El, indent: i64, out: &mut String) {
        let mut attr = el.attr.clone();
        if !attr.contains("id") {
            if let Some((_, _, refs)) = self.stack.last() {
                for r in refs {
                    if let Some(rest) = r.strip_prefix("auto_ids") {
                        let prefix = rest.strip_prefix('-').unwrap_or("");
                        let id = format!("{prefix}{}", basic_generate_id(el.raw_text()));
                        attr.set("id", id.trim_start().to_string());
                        break;
                    }
                }
            }
        }
        self.block_into(el, "dt", &attr, indent, out);
    }

    fn convert_td(&mut self, el: &El, indent: i64, index: usize, out: &mut String) {
        let name = if self.in_thead { "th" } else { "td" };
        let align = self
            .aligns
            .last()
            .and_then(|a| a.get(index))
            .copied()
            .unwrap_or(Align::Default);
        let mut attr = std::borrow::Cow::Borrowed(&el.attr);
        if align != Align::Default {
            let a = match align {
                Align::Left => "left",
                Align::Right => "right",
                _ => "center",
            };
            let style = match attr.get("style") {
                Some(s) => [s, "; text-align: ", a].concat(),
                None => ["text-align: ", a].concat(),
            };
            attr.to_mut().set("style", style);
        }
        Self::open_tag(out, indent, name, &attr);
        let start = out.len();
        self.inner_into(el, indent, out);
        if out.len() == start {
            entity_into(
                out,
                entities::by_code_point(160),
                None,
                self.opts.entity_output,
            );
        }
        out.push_str("</");
        out.push_str(name);
        out.push_str(">\n");
    }

    /// An HTML element, written straight onto `out` (kramdown builds the
    /// body first, then the tags around it).
    fn html_element_into(&mut self, el: &El, indent: i64, out: &mut String) {
        let name = el.value.as_str();
        let without_body = crate::parser::without_body(name);
        if !el.block {
            out.push('<');
            out.push_str(name);
            attrs_into(out, &el.attr);
            let start = out.len();
            out.push('>');
            self.inner_into(el, indent, out);
            if out.len() == start + 1 && without_body {
                out.truncate(start);
                out.push_str(" />");
            } else {
                out.push_str("</");
                out.push_str(name);
                out.push('>');
            }
            return;
        }
        let parent_raw = self.parent_raw_html();
        if !parent_raw {
            push_sp(out, indent);
        }
        out.push('<');
        out.push_str(name);
        attrs_into(out, &el.attr);
        if el.is_closed && el.model == Model::Raw {
            // The body is converted all the same (footnote numbers, ids).
            let _ = self.inner(el, indent);
            out.push_str(" />");
        } else {
            let start = out.len();
            let block_model = el.model == Model::Block;
            out.push('>');
            if block_model {
                out.push('\n');
            }
            let body_start = out.len();
            self.inner_into(el, indent, out);
            if out.len() == body_start {
                out.truncate(start);
                if without_body {
                    out.push_str(" />");
                } else {
                    out.push_str("></");
                    out.push_str(name);
                    out.push('>');
                }
            } else {
                if block_model {
                    if out.ends_with('\n') {
                        out.pop();
                    }
                    out.push('\n');
                    push_sp(out, indent);
                }
                out.push_str("</");
                out.push_str(name);
                out.push('>');
            }
        }
        if !parent_raw {
            out.push('\n');
        }
    }

    fn typographic_sym_into(&self, el: &El, out: &mut String) {
        let sym = Sym::from_num(el.num);
        if let Some((_, v)) = self
            .opts
            .typographic_symbols
            .iter()
            .find(|(k, _)| k == sym.name())
        {
            escape_into(out, v, Esc::Text);
            return;
        }
        let cps: &[u32] = match sym {
            Sym::Mdash => &[8212],
            Sym::Ndash => &[8211],
            Sym::Hellip => &[8230],
            Sym::LaquoSpace => &[171, 160],
            Sym::RaquoSpace => &[160, 187],
            Sym::Laquo => &[171],
            Sym::Raquo => &[187],
        };
        for &cp in cps {
            entity_into(
                out,
                entities::by_code_point(cp),
                None,
                self.opts.entity_output,
            );
        }
    }

    /// kramdown's `convert_math`, written onto `out`.
    fn math_into(&mut self, el: &El, indent: i64, out: &mut String) {
        if self.opts.math_engine.as_deref() == Some("mathjax") {
            let (open, close) = if el.block {
                ("\\[", "\\]\n")
            } else {
                ("\\(", "\\)")
            };
            if el.attr.is_empty() {
                // The usual case: in place, no copy of the formula.
                out.push_str(open);
                escape_into(out, &el.value, Esc::All);
                out.push_str(close);
            } else if el.block {
                let mut result = String::from(open);
                escape_into(&mut result, &el.value, Esc::All);
                result.push_str(close);
                out.push_str(&block_html("div", &el.attr, &result, indent));
            } else {
                out.push_str(&span_html("span", &el.attr, &format!("${}$", el.value)));
            }
            return;
        }
        if let Some(e) = &self.opts.math_engine {
            self.warnings
                .push(format!("The configured math engine {e} is not available."));
        }
        let mut attr = el.attr.clone();
        let class = format!("{} kdmath", attr.get("class").unwrap_or(""))
            .trim_start()
            .to_string();
        attr.set("class", class);
        out.push_str(&if el.block {
            block_html("div", &attr, &format!("$$\n{}\n$$", el.value), indent)
        } else {
            span_html("span", &attr, &format!("${}$", el.value))
        });
    }
}

fn has_word(s: &str, w: &str) -> bool {
    s.match_indices(w).any(|(i, _)| {
        let before = s[..i].chars().next_back();
        let after = s[i + w.len()..].chars().next();
        !before.is_some_and(crate::scan::is_word_char)
            && !after.is_some_and(crate::scan::is_word_char)
    })
}

fn fix_cjk_line_break(s: &str) -> String {
    let is_cjk = |c: char| matches!(c, '\u{2E80}'..='\u{2FDF}' | '\u{3005}'..='\u{3007}' | '\u{3021}'..='\u{3029}' | '\u{3038}'..='\u{303B}' | '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3FFFF}');
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == '\n' && i > 0 && i + 1 < chars.len() && is_cjk(chars[i - 1]) && is_cjk(chars[i + 1])
        {
            continue;
        }
        out.push(c);
    }
    out
}
