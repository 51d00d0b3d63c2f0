//! hyde-markdown: Markdown to HTML the way kramdown 2.4 does it, for the
//! `input: GFM` (kramdown-parser-gfm 1.1, Jekyll's default) and
//! `input: kramdown` parsers, with every option Jekyll passes.
//!
//! ```
//! let opts = hyde_markdown::Options::jekyll_default();
//! let out = hyde_markdown::to_html("# Hi\n\nSome *text*.", &opts).unwrap();
//! assert_eq!(out.html, "<h1 id=\"hi\">Hi</h1>\n\n<p>Some <em>text</em>.</p>\n");
//! ```
//!
//! Configuring from a site: start from [`Options::jekyll_default`], then call
//! [`Options::set`] for each scalar (or comma-joined list) under `kramdown:`,
//! [`Options::set_highlighter_opt`] for `syntax_highlighter_opts` entries and
//! [`Options::set_typographic_symbol`] for `typographic_symbols`. When the
//! site sets a top-level `highlighter:` but no `kramdown.syntax_highlighter`,
//! Jekyll passes the former: `set("syntax_highlighter", highlighter)`.
//!
//! The parser reads blocks into a tree of raw text (`parser`), span-parses
//! every raw text, and the converter (`convert`) writes kramdown's HTML; code
//! is highlighted by `hyde-highlight`. [`smartypants`] is Jekyll's `smartify`;
//! [`commonmark_to_html_with`] serves sites that set `markdown: CommonMark`,
//! as jekyll-commonmark converts them, with the site's `commonmark:` settings
//! read by [`CommonMarkOptions::from_config`].

mod commonmark;
mod convert;
mod entities;
mod entities_table;
mod options;
mod parser;
mod scan;
mod tree;

pub use commonmark::{commonmark_to_html, commonmark_to_html_with, CommonMarkOptions};
pub use options::{EntityOutput, FormatterOpts, HighlighterOpts, Input, OptionError, Options};

use std::fmt;

/// The result of a conversion: HTML plus kramdown's warnings (which never abort).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Output {
    pub html: String,
    pub warnings: Vec<String>,
    /// The headers kramdown's `{:toc}` would list (with an id, a level in
    /// `toc_levels`, no `no_toc` class), in document order.
    pub toc: Vec<TocEntry>,
}

/// One header for a table of contents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TocEntry {
    pub level: u8,
    pub id: String,
}

/// A conversion that cannot be done at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// An option value kramdown would reject.
    Option(OptionError),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Option(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for Error {}

impl From<OptionError> for Error {
    fn from(e: OptionError) -> Self {
        Error::Option(e)
    }
}

/// Converts Markdown to HTML exactly as `Kramdown::Document.new(src, opts).to_html`.
pub fn to_html(src: &str, opts: &Options) -> Result<Output, Error> {
    Ok(convert_as(src, opts, opts.input))
}

/// Parses `src` with the parser `input` names and converts it to HTML.
fn convert_as(src: &str, opts: &Options, input: Input) -> Output {
    let mut doc = parser::Parser::parse(src, opts, input);
    let mut warnings = std::mem::take(&mut doc.warnings);
    let footnote_defs = std::mem::take(&mut doc.footnotes);
    let mut conv = convert::Html::new(&doc, footnote_defs);
    let html = conv.convert_root(&doc.root);
    let toc = std::mem::take(&mut conv.toc)
        .into_iter()
        .map(|(level, id, _)| TocEntry { level, id })
        .collect();
    warnings.extend(conv.warnings);
    Output {
        html,
        warnings,
        toc,
    }
}

/// Jekyll's `smartify` filter: the SmartyPants parser (smart quotes, dashes,
/// ellipses and entities; HTML kept) with the site's kramdown options, and the
/// trailing newline removed as Jekyll removes it.
pub fn smartypants(src: &str, opts: &Options) -> Output {
    let mut out = convert_as(src, opts, Input::SmartyPants);
    if out.html.ends_with('\n') {
        out.html.pop();
    }
    out
}
