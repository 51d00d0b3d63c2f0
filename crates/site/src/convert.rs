//! Converters and engine set-up: Markdown (kramdown options from the
//! configuration), Sass, and the Liquid engine with Jekyll's tags and filters.

use std::path::PathBuf;
use std::sync::Arc;

use hyde_liquid::value::map_get;
use hyde_liquid::{Context, Engine, Value};

use crate::config::Settings;
use crate::document::Document;
use crate::drops::Phase;
use crate::error::{Error, ErrorKind, Result, Span};
use crate::renderer::Build;
use crate::site::Site;

/// The Markdown converter configured from `markdown:` and `kramdown:`.
pub struct Markdown {
    options: hyde_markdown::Options,
    commonmark: bool,
}

impl Markdown {
    /// Reads the settings; bad option values are reported by [`Markdown::check`].
    pub fn new(settings: &Settings) -> Markdown {
        let mut options = hyde_markdown::Options::jekyll_default();
        for (k, v) in settings.kramdown.iter() {
            let key = k.to_liquid_string();
            match v {
                Value::Hash(h) if key == "syntax_highlighter_opts" => {
                    for (hk, hv) in h.iter() {
                        let _ = options
                            .set_highlighter_opt(&hk.to_liquid_string(), &hv.to_liquid_string());
                    }
                }
                Value::Hash(h) if key == "typographic_symbols" => {
                    for (hk, hv) in h.iter() {
                        options
                            .set_typographic_symbol(&hk.to_liquid_string(), &hv.to_liquid_string());
                    }
                }
                Value::Array(a) => {
                    let joined: Vec<String> = a.iter().map(Value::to_liquid_string).collect();
                    let _ = options.set(&key, &joined.join(","));
                }
                Value::Nil => {}
                other => {
                    let _ = options.set(&key, &other.to_liquid_string());
                }
            }
        }
        let commonmark = settings.markdown.eq_ignore_ascii_case("commonmark");
        Markdown {
            options,
            commonmark,
        }
    }

    /// Converts Markdown to HTML.
    pub fn convert(&self, text: &str, file: &str) -> Result<String> {
        if self.commonmark {
            return Ok(hyde_markdown::commonmark_to_html(text, &self.options));
        }
        hyde_markdown::to_html(text, &self.options)
            .map(|o| o.html)
            .map_err(|e| {
                Error::new(
                    ErrorKind::Conversion,
                    Span::file(file),
                    e.to_string(),
                    "fix the kramdown: settings in _config.yml",
                )
            })
    }
}

/// The Liquid engine for a site: standard Liquid plus Jekyll's tags and filters.
pub fn engine_for(site: &Site) -> Engine {
    let mut engine = Engine::new();
    let mode = match site.settings.liquid_error_mode.as_str() {
        "strict" => hyde_liquid::ErrorMode::Strict,
        "lax" => hyde_liquid::ErrorMode::Lax,
        _ => hyde_liquid::ErrorMode::Warn,
    };
    engine.set_error_mode(mode);
    crate::liquid_ext::register(&mut engine);
    crate::plugins::register(&mut engine, site);
    if let Some(Value::Hash(l)) = site.raw.get("liquid") {
        engine.set_strict_filters(map_get(l, "strict_filters").is_some_and(Value::is_truthy));
        engine.set_strict_variables(map_get(l, "strict_variables").is_some_and(Value::is_truthy));
    }
    engine
}

/// Host state for Jekyll's tags and filters, set on every render context:
/// the site (Jekyll's `registers[:site]`), the `page` register and the zone.
pub fn prepare_context(
    b: &Arc<Build>,
    ctx: &mut Context,
    page: &Value,
    doc: &Arc<Document>,
    phase: Phase,
) {
    crate::liquid_ext::install(ctx, b.clone());
    ctx.set_register("page", page.clone());
    ctx.set_zone(Arc::new(crate::site_context::TzZone(
        b.site.settings.timezone,
    )));
    crate::plugins::prepare_context(b, ctx, doc, phase);
}

/// kramdown's SmartyPants conversion, for `smartify`: quotes, dashes,
/// ellipses and guillemets become typographic characters; HTML tags and
/// entities pass through, other `& < >` are escaped, and elements left open
/// are closed after a line break, as kramdown does.
pub fn smartify(input: &str) -> String {
    const VOID: &[&str] = &[
        "br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source",
        "track", "wbr",
    ];
    let chars: Vec<char> = input.chars().collect();
    let mut out = String::with_capacity(input.len() + 8);
    let mut open: Vec<String> = Vec::new();
    let mut i = 0;
    let opening_context = |prev: Option<char>| match prev {
        None => true,
        Some(p) => p.is_whitespace() || "([{-\u{2013}\u{2014}".contains(p),
    };
    while i < chars.len() {
        let c = chars[i];
        let rest = |k: usize| chars.get(i + k).copied();
        match c {
            '<' if rest(1).is_some_and(|n| n.is_ascii_alphabetic() || n == '/' || n == '!') => {
                // An HTML tag: copy to its end, remembering open elements.
                let start = out.len();
                while i < chars.len() {
                    out.push(chars[i]);
                    i += 1;
                    if chars[i - 1] == '>' {
                        break;
                    }
                }
                let tag = &out[start + 1..];
                let closing = tag.starts_with('/');
                let name: String = tag
                    .trim_start_matches('/')
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                    .collect();
                if closing {
                    if let Some(p) = open.iter().rposition(|o| *o == name) {
                        open.truncate(p);
                    }
                } else if !name.is_empty()
                    && !tag.ends_with("/>")
                    && !VOID.contains(&name.to_ascii_lowercase().as_str())
                {
                    open.push(name);
                }
                continue;
            }
            '-' if rest(1) == Some('-') && rest(2) == Some('-') => {
                out.push('\u{2014}');
                i += 3;
                continue;
            }
            '-' if rest(1) == Some('-') => {
                out.push('\u{2013}');
                i += 2;
                continue;
            }
            '.' if rest(1) == Some('.') && rest(2) == Some('.') => {
                out.push('\u{2026}');
                i += 3;
                continue;
            }
            '<' if rest(1) == Some('<') => {
                out.push('\u{ab}');
                i += 2;
                continue;
            }
            '>' if rest(1) == Some('>') => {
                out.push('\u{bb}');
                i += 2;
                continue;
            }
            '\'' => {
                let prev = out.chars().last();
                out.push(if opening_context(prev) {
                    '\u{2018}'
                } else {
                    '\u{2019}'
                });
            }
            '"' => {
                let prev = out.chars().last();
                out.push(if opening_context(prev) {
                    '\u{201c}'
                } else {
                    '\u{201d}'
                });
            }
            '&' => {
                // An entity passes through; a bare ampersand is escaped, as
                // kramdown's HTML converter escapes text.
                let ent: String = chars[i + 1..]
                    .iter()
                    .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
                    .collect();
                if !ent.is_empty() && chars.get(i + 1 + ent.chars().count()) == Some(&';') {
                    out.push('&');
                } else {
                    out.push_str("&amp;");
                }
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
        i += 1;
    }
    // kramdown closes the elements left open, after a line break.
    if !open.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    for name in open.iter().rev() {
        out.push_str(&format!("</{name}>"));
    }
    out
}

/// Compiles Sass text with the site's `sass:` settings (for `scssify`).
pub fn sass_string(site: &Site, text: &str, syntax: hyde_sass::Syntax) -> Result<String> {
    let mut opts = sass_options(site);
    opts.syntax = syntax;
    hyde_sass::compile(text, &opts)
        .map(|c| format!("{}\n", c.css))
        .map_err(|e| sass_error(site, &e))
}

fn sass_options(site: &Site) -> hyde_sass::SassOptions {
    let cfg = site.raw.get("sass");
    let get = |k: &str| cfg.and_then(|c| c.get(k));
    let source = &site.settings.source;
    let sass_dir = get("sass_dir")
        .map(|v| v.to_liquid_string())
        .unwrap_or_else(|| "_sass".into());
    let mut load_paths: Vec<PathBuf> = Vec::new();
    if let Some(Value::Array(extra)) = get("load_paths") {
        load_paths.extend(extra.iter().map(|p| source.join(p.to_liquid_string())));
    }
    load_paths.push(source.join(sass_dir));
    hyde_sass::SassOptions {
        style: get("style")
            .map(|v| hyde_sass::Style::from_config(&v.to_liquid_string()))
            .unwrap_or_default(),
        load_paths,
        ..Default::default()
    }
}

fn sass_error(site: &Site, e: &hyde_sass::SassError) -> Error {
    let file = crate::config::display_path(&site.settings.source, std::path::Path::new(&e.file));
    let mut span = Span::file(file);
    span.line = e.line;
    span.column = e.column;
    span.source_line = Some(e.source_line.clone());
    Error::new(
        ErrorKind::Conversion,
        span,
        e.message.clone(),
        "fix the Sass syntax at this position",
    )
}

/// jekyll-sass-converter's `SourceMapPage`s: one per Sass page when maps are
/// written, named `<basename>.css.map` in the CSS page's folder, with its data.
pub fn source_map_pages(site: &Site) -> Vec<(usize, Arc<Document>)> {
    if !sourcemap_required(site) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for p in &site.pages {
        if !(p.extname == ".scss" || p.extname == ".sass") {
            continue;
        }
        let dir = if p.url.ends_with('/') {
            p.url.clone()
        } else {
            p.url
                .rsplit_once('/')
                .map(|(d, _)| format!("{d}/"))
                .unwrap_or_else(|| "/".into())
        };
        let name = format!("{}.css.map", p.basename);
        let url = crate::permalink::sanitize_url(&format!("{dir}{name}"));
        let doc = Document {
            kind: crate::document::Kind::Page,
            path: p.path.with_file_name(&name),
            relative_path: format!("{dir}{name}").trim_start_matches('/').to_string(),
            name: name.clone(),
            extname: ".map".into(),
            basename: format!("{}.css", p.basename),
            dir: dir.clone(),
            data: p.data.clone(),
            content: String::new(),
            content_line: 1,
            date: None,
            draft: false,
            output_path: url.trim_start_matches('/').to_string(),
            url,
            output_ext: ".map".into(),
            write: false,
            excerpt: None,
            rendered: Default::default(),
            rendered_excerpt: Default::default(),
            output: Default::default(),
            order: 0,
        };
        out.push((p.order, Arc::new(doc)));
    }
    out
}

/// Whether jekyll-sass-converter writes a source map (`sass.sourcemap`:
/// `always`, the default; `never`; `development`: only in that environment).
fn sourcemap_required(site: &Site) -> bool {
    let opt = site
        .raw
        .get("sass")
        .and_then(|s| s.get("sourcemap"))
        .map(|v| v.to_liquid_string().trim_start_matches(':').to_string())
        .unwrap_or_else(|| "always".into());
    match opt.as_str() {
        "never" => false,
        "development" => site.environment == "development",
        _ => true,
    }
}

/// Compiles a `.scss`/`.sass` page after its Liquid pass: the CSS, and the
/// source map written next to it when one is required.
pub fn sass(site: &Site, doc: &Document, text: &str) -> Result<(String, Option<String>)> {
    let mut opts = sass_options(site);
    opts.syntax =
        hyde_sass::Syntax::from_extension(doc.extname.trim_start_matches('.')).unwrap_or_default();
    opts.file = Some(doc.path.clone());
    let map = sourcemap_required(site);
    opts.source_map = map;
    opts.source_map_root = Some(site.settings.source.clone());
    let add_charset = site
        .raw
        .get("sass")
        .and_then(|s| s.get("add_charset"))
        .is_some_and(|v| v.is_truthy());
    let compiled = hyde_sass::compile(text, &opts).map_err(|e| sass_error(site, &e))?;
    let map_name = format!("{}.css.map", doc.basename);
    let css = compiled.jekyll_output(map.then_some(map_name.as_str()), add_charset);
    Ok((css, if map { compiled.source_map } else { None }))
}
