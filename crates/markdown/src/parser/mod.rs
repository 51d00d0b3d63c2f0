//! The kramdown parser (and its GFM variant): block parsing into a tree of
//! raw text, then span parsing of every raw text (`update_tree`), then the
//! GFM post-pass (hard breaks, GitHub header ids). Block parsers live in
//! `block`, `list`, `table` and `html`; span parsers in `span`.

mod abbrev;
mod attr;
mod block;
mod defs;
mod guard;
mod html;
mod inline;
mod link;
mod list;
mod smart_quotes;
mod span;
mod table;

use std::borrow::Cow;
use std::collections::HashMap;

use crate::options::{Input, Options};
use crate::tree::{Attrs, El, EobKind, Ial, Kind};

pub(crate) use attr::update_attr_with_ial;

pub(crate) use html::without_body;

/// A scanner over one source string.
pub(crate) struct Src<'a> {
    pub s: &'a str,
    pub pos: usize,
    index: std::cell::OnceCell<guard::SpanIndex>,
    /// `-->` and `{:/`, looked up from the scanner without indexing the
    /// whole string (block-level scanners hold the whole document).
    comment_close: guard::NextMatch,
    ext_stop: guard::NextMatch,
}

impl<'a> Src<'a> {
    pub fn new(s: &'a str) -> Src<'a> {
        Src {
            s,
            pos: 0,
            index: std::cell::OnceCell::new(),
            comment_close: guard::NextMatch::new("-->"),
            ext_stop: guard::NextMatch::new("{:/"),
        }
    }
    /// Closer positions of this string (built on first use).
    pub fn index(&self) -> &guard::SpanIndex {
        self.index.get_or_init(|| guard::SpanIndex::build(self.s))
    }
    /// The end of the first `-->` at or after `p`.
    pub fn comment_end_from(&self, p: usize) -> Option<usize> {
        self.comment_close.from(self.s, p).map(|x| x + 3)
    }
    /// Whether a `{:/` starts at or after `p`.
    pub fn ext_stop_after(&self, p: usize) -> bool {
        self.ext_stop.from(self.s, p).is_some()
    }
    pub fn eos(&self) -> bool {
        self.pos >= self.s.len()
    }
    pub fn rest(&self) -> &'a str {
        &self.s[self.pos.min(self.s.len())..]
    }
}

/// A link definition: url, title and the IAL written after it.
#[derive(Clone, Debug, Default)]
pub(crate) struct LinkDef {
    pub url: String,
    pub title: Option<String>,
    pub ial: Option<Ial>,
}

/// A footnote definition.
#[derive(Clone, Debug)]
pub(crate) struct FootnoteDef {
    pub content: El,
    pub ial: Option<Ial>,
    pub referenced: bool,
}

/// The parse result handed to the converter.
pub(crate) struct Doc<'o> {
    pub root: El,
    /// The caller's options, copied only if `{::options}` changed them.
    pub options: Cow<'o, Options>,
    /// The length of the source, to size the output.
    pub src_len: usize,
    /// Whether some list may be a `{:toc}` (the converter then keeps each
    /// header's content for the table).
    pub toc_ref: bool,
    pub footnotes: HashMap<String, FootnoteDef>,
    pub abbrev_defs: HashMap<String, String>,
    pub abbrev_attrs: HashMap<String, Attrs>,
    pub warnings: Vec<String>,
}

/// Block parsers, in kramdown's order.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum BlockParser {
    BlankLine,
    Codeblock,
    CodeblockFenced,
    Blockquote,
    AtxHeader,
    HorizontalRule,
    List,
    DefinitionList,
    BlockHtml,
    SetextHeader,
    BlockMath,
    Table,
    FootnoteDefinition,
    LinkDefinition,
    AbbrevDefinition,
    BlockExtensions,
    EobMarker,
    Paragraph,
}

const BLOCK_PARSERS: [BlockParser; 18] = [
    BlockParser::BlankLine,
    BlockParser::Codeblock,
    BlockParser::CodeblockFenced,
    BlockParser::Blockquote,
    BlockParser::AtxHeader,
    BlockParser::HorizontalRule,
    BlockParser::List,
    BlockParser::DefinitionList,
    BlockParser::BlockHtml,
    BlockParser::SetextHeader,
    BlockParser::BlockMath,
    BlockParser::Table,
    BlockParser::FootnoteDefinition,
    BlockParser::LinkDefinition,
    BlockParser::AbbrevDefinition,
    BlockParser::BlockExtensions,
    BlockParser::EobMarker,
    BlockParser::Paragraph,
];

/// Parser state shared by the block and span parsers.
pub(crate) struct Parser<'o> {
    /// Borrowed from the caller: a conversion copies the options only when
    /// the document sets one with `{::options}`.
    pub opts: Cow<'o, Options>,
    pub gfm: bool,
    /// `auto_id_stripping`, which the GFM parser turns on.
    pub auto_id_stripping: bool,
    /// Jekyll's SmartyPants parser (block HTML and lines of text only).
    pub smarty: bool,
    pub warnings: Vec<String>,
    pub alds: HashMap<String, Ial>,
    pub link_defs: HashMap<String, LinkDef>,
    pub footnotes: HashMap<String, FootnoteDef>,
    pub footnote_order: Vec<String>,
    pub abbrev_defs: HashMap<String, String>,
    pub abbrev_order: Vec<String>,
    pub abbrev_attrs: HashMap<String, Attrs>,
    pub block_ial: Option<Ial>,
    /// Kinds of the span elements enclosing the current span parse.
    pub span_stack: Vec<Kind>,
    /// Whether the innermost enclosing HTML element has a raw content model.
    pub in_raw_html: bool,
    gfm_ids: HashMap<String, i64>,
    depth: usize,
    /// Remaining span-scanning work before backtracking constructs give up.
    pub span_budget: i64,
    /// Whether an attribute list names the `toc` reference (a `{:toc}` list).
    pub toc_ref: bool,
}

/// Nesting limit: deeper structures are kept as text, so that hostile input
/// cannot exhaust the stack.
pub(crate) const MAX_DEPTH: usize = 200;

impl<'o> Parser<'o> {
    fn new(opts: &'o Options, input: Input) -> Parser<'o> {
        let gfm = input == Input::Gfm;
        let smarty = input == Input::SmartyPants;
        let mut link_defs = HashMap::new();
        for (id, url, title) in &opts.link_defs {
            link_defs.insert(
                normalize_link_id(id),
                LinkDef {
                    url: url.clone(),
                    title: title.clone(),
                    ial: None,
                },
            );
        }
        Parser {
            opts: Cow::Borrowed(opts),
            gfm,
            auto_id_stripping: gfm || opts.auto_id_stripping,
            smarty,
            warnings: Vec::new(),
            alds: HashMap::new(),
            link_defs,
            footnotes: HashMap::new(),
            footnote_order: Vec::new(),
            abbrev_defs: HashMap::new(),
            abbrev_order: Vec::new(),
            abbrev_attrs: HashMap::new(),
            block_ial: None,
            span_stack: Vec::new(),
            in_raw_html: false,
            gfm_ids: HashMap::new(),
            depth: 0,
            span_budget: 0,
            toc_ref: false,
        }
    }

    pub fn warning(&mut self, msg: impl Into<String>) {
        self.warnings.push(msg.into());
    }

    /// Parses a whole document with the parser `input` names (which may
    /// differ from `opts.input`: Jekyll's `smartify` uses SmartyPants).
    pub fn parse(src: &str, opts: &'o Options, input: Input) -> Doc<'o> {
        let mut p = Parser::new(opts, input);
        let text = adapt_source(src);
        let mut root = El::new(Kind::Root);
        p.parse_blocks(&text, &mut root);
        p.update_tree(&mut root);
        p.replace_abbreviations_root(&mut root);
        let order = std::mem::take(&mut p.footnote_order);
        for name in &order {
            // The definition stays registered while its own content is parsed,
            // so a note may refer to itself.
            let Some(def) = p.footnotes.get_mut(name) else {
                continue;
            };
            let mut content = std::mem::replace(&mut def.content, El::new(Kind::Temp));
            p.update_tree(&mut content);
            p.replace_abbreviations_root(&mut content);
            if let Some(def) = p.footnotes.get_mut(name) {
                def.content = content;
            }
        }
        for name in &order {
            if p.footnotes.get(name).is_some_and(|d| !d.referenced) {
                p.warning(format!(
                    "Footnote definition for '{name}' is unreferenced - ignoring"
                ));
            }
        }
        if p.gfm {
            p.update_elements(&mut root);
        }
        Doc {
            root,
            options: p.opts,
            src_len: src.len(),
            toc_ref: p.toc_ref,
            footnotes: p.footnotes,
            abbrev_defs: p.abbrev_defs,
            abbrev_attrs: p.abbrev_attrs,
            warnings: p.warnings,
        }
    }

    /// `parse_blocks(el, text)`: parses `text` into `tree` with a fresh scanner.
    pub fn parse_blocks(&mut self, text: &str, tree: &mut El) -> bool {
        let mut sc = Src::new(text);
        self.parse_blocks_src(&mut sc, tree)
    }

    /// `parse_blocks(el)` on the current scanner; true when an HTML end tag
    /// for `tree` stopped it.
    pub fn parse_blocks_src(&mut self, sc: &mut Src, tree: &mut El) -> bool {
        let saved_ial = self.block_ial.take();
        self.depth += 1;
        let mut stopped = false;
        while !sc.eos() {
            match self.try_block_parsers(sc, tree) {
                Some(true) => {}
                Some(false) => {
                    stopped = true;
                    break;
                }
                None => {
                    self.warning(
                        "Warning: this should not occur - no block parser handled the line",
                    );
                    let end = crate::scan::line_end(sc.s, sc.pos).unwrap_or(sc.s.len());
                    let line = &sc.s[sc.pos..end];
                    sc.pos = end;
                    add_text(tree, line, Kind::RawText);
                }
            }
        }
        self.depth -= 1;
        self.block_ial = saved_ial;
        stopped
    }

    /// Runs the block parsers in order: Some(true) handled, Some(false) stop, None nothing.
    fn try_block_parsers(&mut self, sc: &mut Src, tree: &mut El) -> Option<bool> {
        if self.smarty {
            // SmartyPants: block HTML, else one line of text.
            return match self.parse_block_html(sc, tree) {
                html::BlockHtml::Handled => Some(true),
                html::BlockHtml::Stop => Some(false),
                html::BlockHtml::No => {
                    let end = crate::scan::line_end(sc.s, sc.pos).unwrap_or(sc.s.len());
                    let line = &sc.s[sc.pos..end];
                    sc.pos = end;
                    add_text(tree, line, Kind::RawText);
                    Some(true)
                }
            };
        }
        for bp in BLOCK_PARSERS {
            let handled = match bp {
                BlockParser::BlankLine => self.parse_blank_line(sc, tree),
                BlockParser::Codeblock => self.parse_codeblock(sc, tree),
                BlockParser::CodeblockFenced => self.parse_codeblock_fenced(sc, tree),
                BlockParser::Blockquote => self.parse_blockquote(sc, tree),
                BlockParser::AtxHeader => self.parse_atx_header(sc, tree),
                BlockParser::HorizontalRule => self.parse_horizontal_rule(sc, tree),
                BlockParser::List => self.parse_list(sc, tree),
                BlockParser::DefinitionList => self.parse_definition_list(sc, tree),
                BlockParser::BlockHtml => match self.parse_block_html(sc, tree) {
                    html::BlockHtml::Handled => true,
                    html::BlockHtml::No => false,
                    html::BlockHtml::Stop => return Some(false),
                },
                BlockParser::SetextHeader => self.parse_setext_header(sc, tree),
                BlockParser::BlockMath => self.parse_block_math(sc, tree),
                BlockParser::Table => self.parse_table(sc, tree),
                BlockParser::FootnoteDefinition => self.parse_footnote_definition(sc, tree),
                BlockParser::LinkDefinition => self.parse_link_definition(sc, tree),
                BlockParser::AbbrevDefinition => self.parse_abbrev_definition(sc, tree),
                BlockParser::BlockExtensions => self.parse_block_extensions(sc, tree),
                BlockParser::EobMarker => self.parse_eob_marker(sc, tree),
                BlockParser::Paragraph => self.parse_paragraph(sc, tree),
            };
            if handled {
                return Some(true);
            }
        }
        None
    }

    /// `new_block_el`: a block element carrying any pending block IAL.
    pub fn new_block_el(&mut self, kind: Kind) -> El {
        let mut el = El::new(kind);
        el.block = true;
        if let Some(ial) = self.block_ial.take() {
            el.set_ial(Some(ial));
        }
        el
    }

    pub fn depth_exceeded(&self) -> bool {
        self.depth > MAX_DEPTH
    }

    /// `update_tree`: span-parses raw text, drops end-of-block markers,
    /// merges blank lines and applies IALs.
    pub fn update_tree(&mut self, el: &mut El) {
        if el.children.len() == 1 && el.children[0].kind == Kind::RawText {
            // The common paragraph, header or cell: its one raw text becomes
            // its children, parsed straight into it (as into kramdown's
            // holder element, whose kind the span parsers see).
            let raw = el.children.pop().map(|c| c.value).unwrap_or_default();
            let kind = std::mem::replace(&mut el.kind, Kind::RawText);
            self.parse_spans_root(&raw, el);
            el.kind = kind;
            return;
        }
        if !el
            .children
            .iter()
            .any(|c| matches!(c.kind, Kind::RawText | Kind::Eob | Kind::Blank))
        {
            // Nothing to replace or merge: update the children in place.
            for child in el.children.iter_mut() {
                self.update_child(child);
            }
            return;
        }
        let children = std::mem::take(&mut el.children);
        let mut out: Vec<El> = Vec::with_capacity(children.len());
        let mut last_blank: Option<usize> = None;
        let mut holder = El::new(Kind::RawText);
        for mut child in children {
            match child.kind {
                Kind::RawText => {
                    last_blank = None;
                    self.parse_spans_root(&child.value, &mut holder);
                    out.append(&mut holder.children);
                }
                Kind::Eob => {
                    if let Some(ial) = child.take_ial() {
                        self.apply_eob_ial(child.eob(), &ial);
                    }
                }
                Kind::Blank => {
                    if let Some(i) = last_blank {
                        let v = std::mem::take(&mut child.value);
                        out[i].value.push_str(&v);
                    } else {
                        last_blank = Some(out.len());
                        out.push(child);
                    }
                }
                _ => {
                    last_blank = None;
                    self.update_child(&mut child);
                    out.push(child);
                }
            }
        }
        el.children = out;
    }

    /// `update_tree`'s work on a child that stays: its own children, its
    /// IAL, and the raw text header ids are made from.
    fn update_child(&mut self, child: &mut El) {
        self.update_tree(child);
        if let (attr, Some(ial)) = child.attr_and_ial() {
            update_attr_with_ial(&self.alds, attr, ial);
        }
        if child.kind == Kind::Dt || (child.kind == Kind::Header && self.auto_id_stripping) {
            let t = self.raw_text_of(child);
            child.extra_mut().raw_text = t;
        }
    }

    fn apply_eob_ial(&mut self, kind: &EobKind, ial: &Ial) {
        if let EobKind::AbbrevDef(id) = kind {
            let mut attr = Attrs::default();
            update_attr_with_ial(&self.alds, &mut attr, ial);
            self.abbrev_attrs.insert(id.clone(), attr);
        }
    }

    /// The text of an element for header ids (`update_raw_text`).
    fn raw_text_of(&self, el: &El) -> String {
        let mut out = String::new();
        self.append_raw_text(el, &mut out);
        out
    }

    fn append_raw_text(&self, el: &El, out: &mut String) {
        match el.kind {
            Kind::Text => out.push_str(&el.value),
            Kind::Codespan | Kind::Math if self.gfm => out.push_str(&el.value),
            Kind::Entity if self.gfm => {
                if let Some(c) = char::from_u32(el.num) {
                    out.push(c);
                }
            }
            Kind::SmartQuote if self.gfm => {
                if let Some(e) = crate::entities::by_name(&self.opts.smart_quotes[el.num as usize])
                {
                    out.extend(e.char());
                }
            }
            Kind::TypoSym if self.gfm => out.push_str(match crate::tree::Sym::from_num(el.num) {
                crate::tree::Sym::Mdash => "\u{2014}",
                crate::tree::Sym::Ndash => "\u{2013}",
                crate::tree::Sym::Hellip => "\u{2026}",
                crate::tree::Sym::LaquoSpace => "\u{ab}\u{a0}",
                crate::tree::Sym::RaquoSpace => "\u{a0}\u{bb}",
                crate::tree::Sym::Laquo => "\u{ab}",
                crate::tree::Sym::Raquo => "\u{bb}",
            }),
            _ => {
                for c in &el.children {
                    self.append_raw_text(c, out);
                }
            }
        }
    }

    /// GFM's `update_elements`: hard line breaks and GitHub-style header ids.
    fn update_elements(&mut self, el: &mut El) {
        let hard_wrap = self.opts.hard_wrap;
        let hard = if hard_wrap { "\n" } else { "\\\n" };
        let breaks = |c: &El| c.kind == Kind::Text && has_hard_break(&c.value, hard_wrap);
        if el.children.iter().any(breaks) {
            let el_is_block = crate::convert::is_block_category(el);
            let children = std::mem::take(&mut el.children);
            let n = children.len();
            let mut out = Vec::with_capacity(n + 4);
            for (idx, child) in children.into_iter().enumerate() {
                if breaks(&child) {
                    let lines: Vec<&str> = child.value.split(hard).collect();
                    let omit_trailing_br =
                        lines.last().is_some_and(|l| l.is_empty()) && el_is_block && idx + 1 == n;
                    let count = lines.len();
                    for (i, line) in lines.iter().enumerate() {
                        let v = if i > 0 {
                            format!("\n{line}")
                        } else {
                            line.to_string()
                        };
                        out.push(El::with_value(Kind::Text, v));
                        if i + 2 < count || (i + 2 == count && !omit_trailing_br) {
                            out.push(El::new(Kind::Br));
                        }
                    }
                } else {
                    out.push(child);
                }
            }
            el.children = out;
        }
        for child in el.children.iter_mut() {
            match child.kind {
                Kind::Text | Kind::Html | Kind::Br => {}
                Kind::Header if self.opts.auto_ids && !child.attr.contains("id") => {
                    let id = self.gfm_header_id(child.raw_text());
                    child.attr.set("id", id);
                }
                Kind::Header => self.update_elements(child),
                _ => self.update_elements(child),
            }
        }
    }

    fn gfm_header_id(&mut self, text: &str) -> String {
        let mut result: String = text
            .to_lowercase()
            .chars()
            .filter(|&c| is_unicode_word(c) || c == '-' || c == ' ' || c == '\t')
            .map(|c| if c == ' ' || c == '\t' { '-' } else { c })
            .collect();
        let counter = self.gfm_ids.entry(result.clone()).or_insert(-1);
        *counter += 1;
        if *counter > 0 {
            result.push('-');
            result.push_str(&counter.to_string());
        }
        result.insert_str(0, &self.opts.auto_id_prefix);
        result
    }
}

/// Whether `text` holds a GFM hard line break: any newline with
/// `hard_wrap`, else a backslash before a newline.
fn has_hard_break(text: &str, hard_wrap: bool) -> bool {
    let b = text.as_bytes();
    if hard_wrap {
        memchr::memchr(b'\n', b).is_some()
    } else {
        memchr::memchr_iter(b'\n', b).any(|i| i > 0 && b[i - 1] == b'\\')
    }
}

/// Onigmo's `\p{Word}`: letters, marks, decimal digits, connector punctuation.
pub(crate) fn is_unicode_word(c: char) -> bool {
    c.is_alphabetic()
        || (c.is_numeric() && !is_other_number(c))
        || c == '_'
        || matches!(
            c,
            '\u{203F}' | '\u{2040}' | '\u{2054}' | '\u{FE33}' | '\u{FE34}' | '\u{FE4D}'
                ..='\u{FE4F}' | '\u{FF3F}'
        )
        || is_mark(c)
}

fn is_other_number(c: char) -> bool {
    matches!(c, '\u{B2}' | '\u{B3}' | '\u{B9}' | '\u{BC}'..='\u{BE}' | '\u{2070}'..='\u{2079}' | '\u{2080}'..='\u{2089}' | '\u{2150}'..='\u{215F}' | '\u{2460}'..='\u{249B}' | '\u{24EA}'..='\u{24FF}' | '\u{2776}'..='\u{2793}')
}

/// `General_Category=Mark` (Mn, Mc, Me): the vowel signs and viramas of Indic
/// scripts, Thai tone marks, combining accents.
fn is_mark(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
}

/// `add_text`: appends to the last child when it has the same type.
pub(crate) fn add_text(tree: &mut El, text: &str, kind: Kind) {
    if let Some(last) = tree.children.last_mut() {
        if last.kind == kind {
            last.value.push_str(text);
            return;
        }
    }
    if !text.is_empty() {
        tree.children.push(El::with_value(kind, text));
    }
}

/// kramdown's `normalize_link_id`.
pub(crate) fn normalize_link_id(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    let mut in_ws = false;
    for c in id.chars() {
        if c.is_ascii() && crate::scan::is_ws(c as u8) {
            if !in_ws {
                out.push(' ');
            }
            in_ws = true;
        } else {
            in_ws = false;
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// `adapt_source`: normalises line endings and ends the text with one newline.
fn adapt_source(src: &str) -> Cow<'_, str> {
    let has_cr = memchr::memchr(b'\r', src.as_bytes()).is_some();
    if !has_cr && src.ends_with('\n') {
        // A file's text usually is already in this form.
        return Cow::Borrowed(src);
    }
    let mut s = if !has_cr {
        // The common case: one copy, sized for the final newline.
        let src = src.strip_suffix('\n').unwrap_or(src);
        let mut s = String::with_capacity(src.len() + 1);
        s.push_str(src);
        s
    } else {
        let mut s = src.replace("\r\n", "\n").replace('\r', "\n");
        if s.ends_with('\n') {
            s.pop();
        }
        s
    };
    s.push('\n');
    Cow::Owned(s)
}
