//! Converters and engine set-up: Markdown (kramdown options from the
//! configuration), Sass, and the Liquid engine with Jekyll's tags and filters.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

use hyde_liquid::value::map_get;
use hyde_liquid::{Engine, Str, Value};

use crate::config::{RawConfig, Settings};
use crate::document::Document;
use crate::error::{Error, ErrorKind, Result, Span};
use crate::site::Site;
use crate::value::KeyHasher;

mod sass_ahead;
pub(crate) use sass_ahead::SassAhead;

/// The Markdown converter configured from `markdown:` and `kramdown:`.
pub struct Markdown {
    options: hyde_markdown::Options,
    /// jekyll-commonmark's settings, when `markdown: CommonMark`.
    commonmark: Option<hyde_markdown::CommonMarkOptions>,
    /// Jekyll's warnings for `commonmark:` names it does not know.
    warnings: Vec<String>,
    /// `markdownify` results by input, for the whole build (inputs are
    /// whole excerpts: hashed with the crate's word-at-a-time hasher,
    /// not SipHash).
    converted: RwLock<HashMap<Box<str>, Str, BuildHasherDefault<KeyHasher>>>,
}

impl Markdown {
    /// Reads the settings: a kramdown value it cannot use keeps that option's
    /// default; unknown CommonMark names are listed by [`Markdown::warnings`].
    pub fn new(settings: &Settings) -> Markdown {
        let mut options = hyde_markdown::Options::jekyll_default();
        for (k, v) in settings.kramdown.iter() {
            let key = k.to_liquid_string();
            match v {
                Value::Hash(h) if key == "syntax_highlighter_opts" => {
                    for (hk, hv) in h.iter() {
                        let hk = hk.to_liquid_string();
                        match hv {
                            // `block:`/`span:` entries one by one, not as inspect text.
                            Value::Hash(inner) => {
                                for (k, v) in inner.iter() {
                                    let key = format!("{hk}.{}", k.to_liquid_string());
                                    let _ =
                                        options.set_highlighter_opt(&key, &v.to_liquid_string());
                                }
                            }
                            _ => {
                                let _ = options.set_highlighter_opt(&hk, &hv.to_liquid_string());
                            }
                        }
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
        let (commonmark, warnings) = if settings.markdown.eq_ignore_ascii_case("commonmark") {
            let names = |key: &str| -> Vec<String> {
                match map_get(&settings.commonmark, key) {
                    Some(Value::Array(a)) => a.iter().map(Value::to_liquid_string).collect(),
                    _ => Vec::new(),
                }
            };
            let (options, extensions) = (names("options"), names("extensions"));
            let (opts, warnings) = hyde_markdown::CommonMarkOptions::from_config(
                options.iter().map(String::as_str),
                extensions.iter().map(String::as_str),
            );
            (Some(opts), warnings)
        } else {
            (None, Vec::new())
        };
        Markdown {
            options,
            commonmark,
            warnings,
            converted: Default::default(),
        }
    }

    /// Warnings about the converter's settings (unknown CommonMark options
    /// and extensions), as Jekyll logs them.
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// [`Markdown::convert`] for `markdownify`, each distinct input once per
    /// build: archive and index pages convert the same titles and excerpts.
    pub fn convert_cached(&self, text: &str) -> Result<Str> {
        if let Some(hit) = self
            .converted
            .read()
            .ok()
            .and_then(|m| m.get(text).cloned())
        {
            return Ok(hit);
        }
        let html: Str = self.convert(text, "markdownify")?.into();
        if let Ok(mut m) = self.converted.write() {
            m.insert(text.into(), html.clone());
        }
        Ok(html)
    }

    /// Jekyll's `smartify`: kramdown's SmartyPants parser with the site's options.
    pub fn smartify(&self, text: &str) -> String {
        hyde_markdown::smartypants(text, &self.options).html
    }

    /// Converts Markdown to HTML.
    pub fn convert(&self, text: &str, file: &str) -> Result<String> {
        if let Some(cm) = &self.commonmark {
            return Ok(hyde_markdown::commonmark_to_html_with(text, cm));
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

/// Compiles Sass text with the site's `sass:` settings (for `scssify`).
pub fn sass_string(site: &Site, text: &str, syntax: hyde_sass::Syntax) -> Result<String> {
    let mut opts = sass_options(&site.raw, &site.settings);
    opts.syntax = syntax;
    hyde_sass::compile(text, &opts)
        .map(|c| {
            print_sass_warnings(&c);
            format!("{}\n", c.css)
        })
        .map_err(|e| sass_error(&site.settings.source, &e))
}

/// dart-sass's warnings (`@warn`, `@debug`, deprecations), printed on stderr
/// in its format as jekyll-sass-converter lets sass-embedded print them.
fn print_sass_warnings(compiled: &hyde_sass::CompiledCss) {
    let log = compiled.warning_log();
    if !log.is_empty() {
        eprint!("{log}");
    }
}

fn sass_options(raw: &RawConfig, settings: &Settings) -> hyde_sass::SassOptions {
    let cfg = raw.get("sass");
    let get = |k: &str| cfg.and_then(|c| c.get(k));
    hyde_sass::SassOptions {
        style: get("style")
            .map(|v| hyde_sass::Style::from_config(&v.to_liquid_string()))
            .unwrap_or_default(),
        load_paths: settings.sass_load_paths.clone(),
        quiet_deps: get("quiet_deps").is_some_and(|v| v.is_truthy()),
        verbose: get("verbose").is_some_and(|v| v.is_truthy()),
        source_map_root: Some(settings.source.clone()),
        ..Default::default()
    }
}

/// jekyll-sass-converter's `sass_load_paths`: the user's `sass.load_paths`,
/// then `sass_dir`, each expanded as `Dir.glob` from the source (kept inside
/// it in safe mode); duplicates and anything that is not a folder left out;
/// then the theme's `_sass`. [`Settings`] computes this once per build.
pub(crate) fn sass_load_paths(
    raw: &crate::config::RawConfig,
    source: &std::path::Path,
    safe: bool,
    theme_sass: Option<&std::path::Path>,
) -> Vec<PathBuf> {
    let cfg = raw.get("sass");
    let get = |k: &str| cfg.and_then(|c| c.get(k));
    let sass_dir = get("sass_dir")
        .map(|v| v.to_liquid_string())
        .filter(|d| !d.is_empty())
        .unwrap_or_else(|| "_sass".into());
    let mut patterns: Vec<String> = match get("load_paths") {
        Some(Value::Array(extra)) => extra.iter().map(Value::to_liquid_string).collect(),
        Some(Value::Nil) | None => Vec::new(),
        Some(one) => vec![one.to_liquid_string()],
    };
    patterns.push(sass_dir);
    let mut load_paths: Vec<PathBuf> = Vec::new();
    for pattern in &patterns {
        // In safe mode the paths are kept inside the source (`sanitized_path`).
        let pattern = if safe {
            pattern
                .split('/')
                .filter(|s| *s != "..")
                .collect::<Vec<_>>()
                .join("/")
                .trim_start_matches('/')
                .to_string()
        } else {
            pattern.clone()
        };
        for path in glob_dirs(source, &pattern) {
            if !load_paths.contains(&path) {
                load_paths.push(path);
            }
        }
    }
    // Appended after the de-duplication, as the converter does.
    load_paths.extend(theme_sass.map(std::path::Path::to_path_buf));
    load_paths
}

/// The folders `Dir.glob(pattern)` finds from `base` (`*`, `?`, `[...]` within
/// one path segment, `**/` for any depth; names starting with `.` only when
/// the segment does), sorted as Ruby sorts them.
fn glob_dirs(base: &std::path::Path, pattern: &str) -> Vec<PathBuf> {
    let root = if pattern.starts_with('/') {
        PathBuf::from("/")
    } else {
        base.to_path_buf()
    };
    let mut found = vec![root];
    for segment in pattern.split('/').filter(|s| !s.is_empty() && *s != ".") {
        let mut next = Vec::new();
        for dir in &found {
            if segment == "**" {
                collect_dirs(dir, &mut next);
            } else if !segment.contains(['*', '?', '[']) {
                let p = dir.join(segment);
                if p.exists() {
                    next.push(p);
                }
            } else if let Ok(entries) = std::fs::read_dir(dir) {
                let mut names: Vec<String> = entries
                    .flatten()
                    .filter_map(|e| e.file_name().into_string().ok())
                    .filter(|n| crate::fnmatch::fnmatch(segment, n))
                    .collect();
                names.sort();
                next.extend(names.into_iter().map(|n| dir.join(n)));
            }
        }
        found = next;
    }
    found.retain(|p| p.is_dir());
    found
}

/// `dir` and every folder below it whose name does not start with `.`, in order.
fn collect_dirs(dir: &std::path::Path, out: &mut Vec<PathBuf>) {
    out.push(dir.to_path_buf());
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut subdirs: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| e.path())
        .collect();
    subdirs.sort();
    for d in subdirs {
        collect_dirs(&d, out);
    }
}

fn sass_error(source: &Path, e: &hyde_sass::SassError) -> Error {
    let file = crate::config::display_path(source, Path::new(&e.file));
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
    if !sourcemap_required(&site.raw, &site.environment) {
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
fn sourcemap_required(raw: &RawConfig, environment: &str) -> bool {
    let opt = raw
        .get("sass")
        .and_then(|s| s.get("sourcemap"))
        .map(|v| v.to_liquid_string().trim_start_matches(':').to_string())
        .unwrap_or_else(|| "always".into());
    match opt.as_str() {
        "never" => false,
        "development" => environment == "development",
        _ => true,
    }
}

/// How one Sass page is compiled: jekyll-sass-converter's options for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SassSetup {
    opts: hyde_sass::SassOptions,
    /// Whether a source map is written next to the CSS, and its name.
    map: Option<String>,
    add_charset: bool,
}

impl SassSetup {
    /// The options for the `.scss`/`.sass` page `doc`.
    pub(crate) fn new(
        raw: &RawConfig,
        settings: &Settings,
        environment: &str,
        doc: &Document,
    ) -> SassSetup {
        let mut opts = sass_options(raw, settings);
        opts.syntax = hyde_sass::Syntax::from_extension(doc.extname.trim_start_matches('.'))
            .unwrap_or_default();
        opts.file = Some(doc.path.clone());
        let map = sourcemap_required(raw, environment);
        opts.source_map = map;
        let add_charset = raw
            .get("sass")
            .and_then(|s| s.get("add_charset"))
            .is_some_and(|v| v.is_truthy());
        SassSetup {
            opts,
            map: map.then(|| format!("{}.css.map", doc.basename)),
            add_charset,
        }
    }

    /// Compiles the page's text (its Liquid output), printing nothing.
    pub(crate) fn compile(&self, text: &str) -> Compiled {
        hyde_sass::compile(text, &self.opts)
    }

    /// The page's CSS and source map from a compilation, printing its
    /// warnings now (where the page's conversion is in the build).
    pub(crate) fn finish(
        &self,
        source: &Path,
        compiled: Compiled,
    ) -> Result<(String, Option<String>)> {
        let compiled = compiled.map_err(|e| sass_error(source, &e))?;
        print_sass_warnings(&compiled);
        let css = compiled.jekyll_output(self.map.as_deref(), self.add_charset);
        Ok((css, self.map.as_ref().and(compiled.source_map)))
    }
}

/// One Sass compilation's result.
pub(crate) type Compiled = std::result::Result<hyde_sass::CompiledCss, hyde_sass::SassError>;

/// Compiles a `.scss`/`.sass` page after its Liquid pass: the CSS, and the
/// source map written next to it when one is required. A compilation started
/// ahead for the same text ([`SassAhead`]) is taken instead of compiling again.
pub fn sass(site: &Site, doc: &Document, text: &str) -> Result<(String, Option<String>)> {
    let setup = SassSetup::new(&site.raw, &site.settings, &site.environment, doc);
    let compiled = match site.sass_ahead.take(doc, text, &setup) {
        Some(done) => done,
        None => setup.compile(text),
    };
    setup.finish(&site.settings.source, compiled)
}

#[cfg(test)]
mod tests {
    use crate::config::BuildOptions;
    use crate::writer::MemoryOutput;

    /// Builds a one-page site with `config` and returns `page.html` and the
    /// build's warnings.
    fn build_page(name: &str, config: &str, page: &str) -> (String, Vec<String>) {
        let dir = std::env::temp_dir().join(format!("hyde-convert-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("_config.yml"), config).unwrap();
        std::fs::write(dir.join("page.md"), format!("---\n---\n{page}")).unwrap();
        let opts = BuildOptions {
            source: Some(dir.clone()),
            destination: Some(dir.join("_site")),
            ..Default::default()
        };
        let mut out = MemoryOutput::default();
        let report = crate::build(&opts, &mut out).expect("builds");
        let _ = std::fs::remove_dir_all(&dir);
        let html = String::from_utf8(out.files["page.html"].clone()).unwrap();
        (html, report.warnings.iter().map(|w| w.report()).collect())
    }

    #[test]
    fn sass_load_paths_expand_globs_and_keep_folders_only() {
        let dir = std::env::temp_dir().join(format!("hyde-glob-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for d in [
            "vendor/a/scss",
            "vendor/b/scss",
            "vendor/.hidden/scss",
            "_sass",
        ] {
            std::fs::create_dir_all(dir.join(d)).unwrap();
        }
        std::fs::write(dir.join("vendor/file.scss"), "").unwrap();
        let got = |p: &str| super::glob_dirs(&dir, p);
        assert_eq!(
            got("vendor/*/scss"),
            vec![dir.join("vendor/a/scss"), dir.join("vendor/b/scss")]
        );
        assert_eq!(got("vendor/*.scss"), Vec::<std::path::PathBuf>::new());
        assert_eq!(got("_sass"), vec![dir.join("_sass")]);
        assert_eq!(got("missing"), Vec::<std::path::PathBuf>::new());
        assert!(got("vendor/**").contains(&dir.join("vendor/b/scss")));
        assert!(!got("vendor/**").contains(&dir.join("vendor/.hidden/scss")));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn commonmark_settings_reach_the_converter() {
        let page = "<b>raw</b>\n\n| a |\n|---|\n| 1 |\n";
        let (plain, _) = build_page("cm-default", "markdown: CommonMark\n", page);
        assert!(plain.contains("<!-- raw HTML omitted -->"), "{plain}");
        assert!(!plain.contains("<table"), "{plain}");
        let config =
            "markdown: CommonMark\ncommonmark:\n  options: [UNSAFE, NOPE]\n  extensions: [table]\n";
        let (html, warnings) = build_page("cm-options", config, page);
        assert!(html.contains("<b>raw</b>"), "{html}");
        assert!(html.contains("<table"), "{html}");
        assert!(
            warnings
                .iter()
                .any(|w| w.contains("NOPE is not a valid option")),
            "{warnings:?}"
        );
    }
}
