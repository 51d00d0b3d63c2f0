//! Conversion options: kramdown's option set with Jekyll's defaults, settable
//! from the string keys and values of a site's `kramdown:` configuration.

use std::fmt;

/// Which kramdown parser reads the source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    /// kramdown's own syntax (`input: kramdown`).
    Kramdown,
    /// kramdown-parser-gfm 1.1 (`input: GFM`, Jekyll's default).
    Gfm,
    /// Jekyll's SmartyPants parser (the `smartify` filter): typography only.
    SmartyPants,
}

/// kramdown's `entity_output` option.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntityOutput {
    AsChar,
    AsInput,
    Numeric,
    Symbolic,
}

/// Options of the Rouge syntax highlighter (`syntax_highlighter_opts`).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct HighlighterOpts {
    /// Language used when a code block names none (Jekyll: `plaintext`).
    pub default_lang: Option<String>,
    /// Highlight even when only the plaintext lexer applies (Jekyll: `guess_lang`).
    pub guess_lang: bool,
    /// Turn highlighting off.
    pub disable: bool,
    /// Formatter options for both code blocks and spans (top level).
    pub lines: FormatterOpts,
    /// Overrides for code blocks (`block:`).
    pub block: FormatterOpts,
    /// Overrides for code spans (`span:`).
    pub span: FormatterOpts,
}

/// Rouge's `HTMLLegacy` formatter options, and the `block:`/`span:`
/// overrides of the highlighter's own options (kramdown merges the
/// sub-hash over the top level). `None` means "not given here".
#[derive(Clone, Debug, PartialEq, Default)]
pub struct FormatterOpts {
    /// Wrap the code in Rouge's `HTMLTable` with a line-number gutter.
    pub line_numbers: Option<bool>,
    /// First line number of the gutter (Rouge: 1).
    pub start_line: Option<i64>,
    /// The class of the `<pre>` Rouge wraps a block in (kramdown: `highlight`).
    pub css_class: Option<String>,
    /// Whether code blocks get Rouge's `<div class="highlight"><pre>` wrapper.
    pub wrap: Option<bool>,
    /// `default_lang` for this kind of code only.
    pub default_lang: Option<String>,
    /// `disable` for this kind of code only.
    pub disable: Option<bool>,
    /// `guess_lang` for this kind of code only.
    pub guess_lang: Option<bool>,
}

/// Ruby truthiness of a value as a string: only `false` and `nil` are false
/// (a YAML `0` or `""` is true); an empty value is YAML's null.
fn truthy(v: &str) -> bool {
    !matches!(v, "" | "false" | "nil")
}

impl FormatterOpts {
    fn set(&mut self, key: &str, value: &str) {
        let v = value.trim().trim_matches('"');
        match key.trim().trim_matches('"').trim_start_matches(':') {
            "line_numbers" => self.line_numbers = Some(truthy(v)),
            "start_line" => {
                if let Ok(n) = v.parse() {
                    self.start_line = Some(n)
                }
            }
            "css_class" => self.css_class = truthy(v).then(|| v.to_string()),
            "wrap" => self.wrap = Some(truthy(v)),
            "default_lang" => self.default_lang = truthy(v).then(|| v.to_string()),
            "disable" => self.disable = Some(truthy(v)),
            "guess_lang" => self.guess_lang = Some(truthy(v)),
            _ => {}
        }
    }

    /// Reads a hash in Ruby's `inspect` form: `{"line_numbers"=>true, "start_line"=>10}`.
    fn set_from_hash(&mut self, text: &str) {
        let inner = text.trim().trim_start_matches('{').trim_end_matches('}');
        for pair in inner.split(',') {
            if let Some((k, v)) = pair.split_once("=>").or_else(|| pair.split_once(':')) {
                self.set(k, v);
            }
        }
    }
}

/// Every kramdown option Jekyll passes; see [`Options::jekyll_default`].
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    pub input: Input,
    pub auto_ids: bool,
    pub auto_id_stripping: bool,
    pub auto_id_prefix: String,
    pub transliterated_header_ids: bool,
    pub parse_block_html: bool,
    pub parse_span_html: bool,
    /// Predefined link definitions: (id, url, title).
    pub link_defs: Vec<(String, String, Option<String>)>,
    pub footnote_nr: i64,
    pub footnote_backlink: String,
    pub footnote_backlink_inline: bool,
    pub footnote_prefix: String,
    pub entity_output: EntityOutput,
    pub toc_levels: Vec<u8>,
    /// Entity names for lsquo, rsquo, ldquo, rdquo.
    pub smart_quotes: [String; 4],
    /// Replacements for typographic symbols, keyed by kramdown's names (`mdash`, `laquo_space`…).
    pub typographic_symbols: Vec<(String, String)>,
    pub header_offset: i64,
    /// `None` disables highlighting (kramdown `syntax_highlighter: nil`).
    pub syntax_highlighter: Option<String>,
    pub syntax_highlighter_opts: HighlighterOpts,
    /// `None` writes math as kramdown does without an engine.
    pub math_engine: Option<String>,
    pub remove_line_breaks_for_cjk: bool,
    /// GFM parser: treat newlines as hard line breaks.
    pub hard_wrap: bool,
    /// GFM `paragraph_end` quirk.
    pub gfm_paragraph_end: bool,
    /// GFM `no_auto_typographic` quirk.
    pub gfm_no_auto_typographic: bool,
    pub forbidden_inline_options: Vec<String>,
}

/// A bad option value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptionError {
    pub key: String,
    pub message: String,
}

impl fmt::Display for OptionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "kramdown option '{}': {}", self.key, self.message)
    }
}

impl std::error::Error for OptionError {}

impl Default for Options {
    fn default() -> Self {
        Options::jekyll_default()
    }
}

impl Options {
    /// kramdown 2.4's own defaults (`input: kramdown`, no Jekyll overrides).
    pub fn kramdown_default() -> Options {
        Options {
            input: Input::Kramdown,
            auto_ids: true,
            auto_id_stripping: false,
            auto_id_prefix: String::new(),
            transliterated_header_ids: false,
            parse_block_html: false,
            parse_span_html: true,
            link_defs: Vec::new(),
            footnote_nr: 1,
            footnote_backlink: "&#8617;".to_string(),
            footnote_backlink_inline: false,
            footnote_prefix: String::new(),
            entity_output: EntityOutput::AsChar,
            toc_levels: (1..=6).collect(),
            smart_quotes: ["lsquo", "rsquo", "ldquo", "rdquo"].map(String::from),
            typographic_symbols: Vec::new(),
            header_offset: 0,
            syntax_highlighter: Some("rouge".to_string()),
            syntax_highlighter_opts: HighlighterOpts::default(),
            math_engine: Some("mathjax".to_string()),
            remove_line_breaks_for_cjk: false,
            hard_wrap: true,
            gfm_paragraph_end: true,
            gfm_no_auto_typographic: false,
            forbidden_inline_options: vec!["template".to_string()],
        }
    }

    /// What Jekyll 4.3 passes to kramdown for a site with no `kramdown:` settings.
    pub fn jekyll_default() -> Options {
        let mut o = Options::kramdown_default();
        o.input = Input::Gfm;
        o.hard_wrap = false;
        o.syntax_highlighter_opts = HighlighterOpts {
            default_lang: Some("plaintext".to_string()),
            guess_lang: true,
            ..HighlighterOpts::default()
        };
        o
    }

    /// Sets one option from its `kramdown:` config key and a string value
    /// (lists as comma- or space-separated strings). Unknown keys are ignored,
    /// as kramdown ignores them.
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), OptionError> {
        let err = |m: &str| OptionError {
            key: key.to_string(),
            message: m.to_string(),
        };
        let v = value.trim();
        let boolean = || !(v.eq_ignore_ascii_case("false") || v.is_empty());
        let int = || {
            v.parse::<i64>()
                .map_err(|_| err(&format!("invalid integer value '{v}'")))
        };
        let sym = || {
            let s = v.strip_prefix(':').unwrap_or(v);
            (!s.is_empty() && s != "nil").then(|| s.to_string())
        };
        match key {
            "input" => {
                self.input = match v {
                    "GFM" | "gfm" | "Gfm" => Input::Gfm,
                    "kramdown" | "Kramdown" => Input::Kramdown,
                    "SmartyPants" | "smartypants" => Input::SmartyPants,
                    _ => return Err(err("kramdown has no parser for this input format")),
                }
            }
            "auto_ids" => self.auto_ids = boolean(),
            "auto_id_stripping" => self.auto_id_stripping = boolean(),
            "auto_id_prefix" => self.auto_id_prefix = value.to_string(),
            "transliterated_header_ids" => self.transliterated_header_ids = boolean(),
            "parse_block_html" => self.parse_block_html = boolean(),
            "parse_span_html" => self.parse_span_html = boolean(),
            "footnote_nr" => self.footnote_nr = int()?,
            "footnote_backlink" => self.footnote_backlink = value.to_string(),
            "footnote_backlink_inline" => self.footnote_backlink_inline = boolean(),
            "footnote_prefix" => self.footnote_prefix = value.to_string(),
            "entity_output" => {
                self.entity_output = match sym().as_deref() {
                    Some("as_char") => EntityOutput::AsChar,
                    Some("as_input") => EntityOutput::AsInput,
                    Some("numeric") => EntityOutput::Numeric,
                    Some("symbolic") => EntityOutput::Symbolic,
                    _ => return Err(err("invalid entity_output value")),
                }
            }
            "toc_levels" => {
                self.toc_levels = parse_toc_levels(v).ok_or_else(|| err("invalid toc_levels"))?
            }
            "smart_quotes" => {
                let parts: Vec<&str> = split_list(v);
                if parts.len() != 4 {
                    return Err(err("smart_quotes needs four entity names"));
                }
                for (slot, p) in self.smart_quotes.iter_mut().zip(parts) {
                    *slot = p.to_string();
                }
            }
            "header_offset" => self.header_offset = int()?,
            "syntax_highlighter" => self.syntax_highlighter = sym(),
            "math_engine" => self.math_engine = sym(),
            "remove_line_breaks_for_cjk" => self.remove_line_breaks_for_cjk = boolean(),
            "hard_wrap" => self.hard_wrap = boolean(),
            "gfm_quirks" => {
                let parts = split_list(v);
                self.gfm_paragraph_end = parts
                    .iter()
                    .any(|p| p.trim_start_matches(':') == "paragraph_end");
                self.gfm_no_auto_typographic = parts
                    .iter()
                    .any(|p| p.trim_start_matches(':') == "no_auto_typographic");
            }
            "guess_lang" => self.syntax_highlighter_opts.guess_lang = boolean(),
            "default_lang" => self.syntax_highlighter_opts.default_lang = sym(),
            "disable" => self.syntax_highlighter_opts.disable = boolean(),
            _ => {}
        }
        Ok(())
    }

    /// Sets one entry of `syntax_highlighter_opts`.
    pub fn set_highlighter_opt(&mut self, key: &str, value: &str) -> Result<(), OptionError> {
        match key {
            "default_lang" | "guess_lang" | "disable" => self.set(key, value),
            "line_numbers" | "start_line" | "css_class" | "wrap" => {
                self.syntax_highlighter_opts.lines.set(key, value);
                Ok(())
            }
            "block" => {
                self.syntax_highlighter_opts.block.set_from_hash(value);
                Ok(())
            }
            "span" => {
                self.syntax_highlighter_opts.span.set_from_hash(value);
                Ok(())
            }
            // One entry of the `block:` or `span:` hash, for callers that hold it as a map.
            _ => match key.split_once('.') {
                Some(("block", k)) => {
                    self.syntax_highlighter_opts.block.set(k, value);
                    Ok(())
                }
                Some(("span", k)) => {
                    self.syntax_highlighter_opts.span.set(k, value);
                    Ok(())
                }
                _ => Ok(()),
            },
        }
    }

    /// Sets one entry of `typographic_symbols` (`mdash: "---"`).
    pub fn set_typographic_symbol(&mut self, name: &str, value: &str) {
        self.typographic_symbols.retain(|(k, _)| k != name);
        self.typographic_symbols
            .push((name.to_string(), value.to_string()));
    }
}

fn split_list(v: &str) -> Vec<&str> {
    v.trim_matches(|c| c == '[' || c == ']')
        .split(|c: char| c == ',' || c.is_whitespace())
        .map(|s| s.trim().trim_matches('"'))
        .filter(|s| !s.is_empty())
        .collect()
}

fn parse_toc_levels(v: &str) -> Option<Vec<u8>> {
    if let Some((a, b)) = v.split_once("..") {
        let a: u8 = a.trim().parse().ok()?;
        let b: u8 = b.trim().parse().ok()?;
        return Some((a..=b).collect());
    }
    split_list(v).into_iter().map(|p| p.parse().ok()).collect()
}

/// Whether kramdown (with the GFM parser loaded) defines an option of this name.
pub(crate) fn is_known_option(k: &str) -> bool {
    matches!(
        k,
        "template"
            | "auto_ids"
            | "auto_id_stripping"
            | "auto_id_prefix"
            | "transliterated_header_ids"
            | "parse_block_html"
            | "parse_span_html"
            | "html_to_native"
            | "link_defs"
            | "footnote_nr"
            | "entity_output"
            | "toc_levels"
            | "line_width"
            | "latex_headers"
            | "smart_quotes"
            | "typographic_symbols"
            | "remove_block_html_tags"
            | "remove_span_html_tags"
            | "header_offset"
            | "syntax_highlighter"
            | "syntax_highlighter_opts"
            | "math_engine"
            | "math_engine_opts"
            | "footnote_backlink"
            | "footnote_backlink_inline"
            | "footnote_prefix"
            | "remove_line_breaks_for_cjk"
            | "forbidden_inline_options"
            | "list_indent"
            | "hard_wrap"
            | "gfm_quirks"
    )
}
