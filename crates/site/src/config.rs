//! Configuration, in two stages as Jekyll reads it.
//!
//! Stage one, [`RawConfig`]: Jekyll's full default configuration, deep-merged
//! with each `--config` file left to right (YAML or TOML), then with the
//! command-line overrides. This hash is what templates see as `site.*`.
//! Stage two, [`Settings`]: the typed, validated values the build uses, with
//! collections normalised (list or map form, `posts` always present) and the
//! permalink style resolved to a template.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use hyde_liquid::value::map_get;
use hyde_liquid::{Map, Value};

use crate::error::{Error, ErrorKind, Result, Span, Warning};
use crate::permalink::style_to_template;
use crate::theme::{GemEnv, Theme};
use crate::value::{deep_merge, parse_toml, parse_yaml, str_list, truthy};

/// Jekyll's `DEFAULT_EXCLUDES`, appended to every `exclude` list.
const DEFAULT_EXCLUDES: &[&str] = &[
    ".sass-cache",
    ".jekyll-cache",
    "gemfiles",
    "Gemfile",
    "Gemfile.lock",
    "node_modules",
    "vendor/bundle/",
    "vendor/cache/",
    "vendor/gems/",
    "vendor/ruby/",
];

/// Options from the command line (or the caller), applied over the files.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// `-s/--source` (default: current directory).
    pub source: Option<PathBuf>,
    /// `-d/--destination` (default: `<source>/_site`).
    pub destination: Option<PathBuf>,
    /// `--config a.yml,b.yml`; relative paths are taken from the current directory.
    pub config_files: Vec<PathBuf>,
    /// `--baseurl`.
    pub baseurl: Option<String>,
    /// Overrides `url` (as `jekyll serve` does in development: `http://host:port`).
    pub url: Option<String>,
    /// `--drafts`.
    pub drafts: bool,
    /// `--future`.
    pub future: bool,
    /// `--unpublished`.
    pub unpublished: bool,
    /// `--limit_posts`.
    pub limit_posts: Option<i64>,
    /// `--safe`.
    pub safe: bool,
    /// `-q/--quiet`.
    pub quiet: bool,
    /// `-V/--verbose`.
    pub verbose: bool,
    /// `--profile`.
    pub profile: bool,
    /// `--layouts DIR`: `layouts_dir`.
    pub layouts_dir: Option<String>,
    /// `-p/--plugins DIR1,DIR2`: `plugins_dir` (hyde runs no Ruby plugins;
    /// the setting is kept, as `site.plugins_dir` shows it).
    pub plugins_dir: Vec<String>,
    /// `--strict_front_matter`: front matter that does not parse is an error.
    pub strict_front_matter: bool,
    /// `-I/--incremental`.
    pub incremental: bool,
    /// `-w/--watch`.
    pub watch: bool,
    /// `--force_polling`.
    pub force_polling: bool,
    /// `--lsi`.
    pub lsi: bool,
    /// `JEKYLL_ENV` (default `development`).
    pub environment: Option<String>,
    /// `--github-pages`: build as GitHub Pages would (its forced settings,
    /// default plugins and plugin whitelist; safe mode).
    pub github_pages: bool,
}

fn s(v: &str) -> Value {
    Value::str(v)
}

fn strs(items: &[&str]) -> Value {
    Value::array(items.iter().map(|x| s(x)).collect())
}

fn hash(pairs: Vec<(&str, Value)>) -> Value {
    let mut m = Map::new();
    for (k, v) in pairs {
        m.insert(s(k), v);
    }
    Value::hash(m)
}

/// Jekyll's `Configuration::DEFAULTS`, for a site at `source`.
pub fn defaults(source: &Path) -> Map {
    let src = source.to_string_lossy();
    let dest = source.join("_site");
    let pairs = vec![
        ("source", s(&src)),
        ("destination", s(&dest.to_string_lossy())),
        ("collections_dir", s("")),
        ("cache_dir", s(".jekyll-cache")),
        ("plugins_dir", s("_plugins")),
        ("layouts_dir", s("_layouts")),
        ("data_dir", s("_data")),
        ("includes_dir", s("_includes")),
        ("collections", Value::hash(Map::new())),
        ("safe", Value::Bool(false)),
        ("include", strs(&[".htaccess"])),
        ("exclude", strs(&[])),
        ("keep_files", strs(&[".git", ".svn"])),
        ("encoding", s("utf-8")),
        ("markdown_ext", s("markdown,mkdown,mkdn,mkd,md")),
        ("strict_front_matter", Value::Bool(false)),
        ("show_drafts", Value::Nil),
        ("limit_posts", Value::Int(0)),
        ("future", Value::Bool(false)),
        ("unpublished", Value::Bool(false)),
        ("whitelist", strs(&[])),
        ("plugins", strs(&[])),
        ("markdown", s("kramdown")),
        ("highlighter", s("rouge")),
        ("lsi", Value::Bool(false)),
        ("excerpt_separator", s("\n\n")),
        ("incremental", Value::Bool(false)),
        ("detach", Value::Bool(false)),
        ("port", s("4000")),
        ("host", s("127.0.0.1")),
        ("baseurl", Value::Nil),
        ("show_dir_listing", Value::Bool(false)),
        ("permalink", s("date")),
        ("paginate_path", s("/page:num")),
        ("timezone", Value::Nil),
        ("quiet", Value::Bool(false)),
        ("verbose", Value::Bool(false)),
        ("defaults", strs(&[])),
        (
            "liquid",
            hash(vec![
                ("error_mode", s("warn")),
                ("strict_filters", Value::Bool(false)),
                ("strict_variables", Value::Bool(false)),
            ]),
        ),
        (
            "kramdown",
            hash(vec![
                ("auto_ids", Value::Bool(true)),
                (
                    "toc_levels",
                    Value::array((1..=6).map(Value::Int).collect()),
                ),
                ("entity_output", s("as_char")),
                ("smart_quotes", s("lsquo,rsquo,ldquo,rdquo")),
                ("input", s("GFM")),
                ("hard_wrap", Value::Bool(false)),
                ("guess_lang", Value::Bool(true)),
                ("footnote_nr", Value::Int(1)),
                ("show_warnings", Value::Bool(false)),
            ]),
        ),
    ];
    let mut m = Map::new();
    for (k, v) in pairs {
        m.insert(s(k), v);
    }
    m
}

/// Stage one: the merged configuration hash, as `site.*` sees it.
#[derive(Debug, Clone)]
pub struct RawConfig {
    /// The merged hash.
    pub map: Map,
    /// The configuration files read, in order (for the "Configuration file:" line).
    pub files: Vec<PathBuf>,
    /// What reading the configuration found to warn about (`--github-pages`,
    /// a theme that cannot be found).
    pub warnings: Vec<Warning>,
    /// The gem theme `theme:` names, when it was found.
    pub theme: Option<Arc<Theme>>,
}

/// Reads one configuration file (YAML, or TOML by extension) into a hash.
pub fn read_config_file(path: &Path, display: &str) -> Result<Map> {
    let bytes = std::fs::read(path).map_err(|e| {
        Error::new(
            ErrorKind::Config,
            Span::file(display),
            format!("the configuration file could not be read: {e}"),
            "check the path given to --config",
        )
    })?;
    let text = String::from_utf8(bytes).map_err(|e| crate::value::utf8_error(display, &e))?;
    let value = if path.extension().is_some_and(|e| e == "toml") {
        parse_toml(&text, display)?
    } else {
        parse_yaml(&text, display, ErrorKind::Config)?
    };
    match value {
        Value::Hash(h) => Ok((*h).clone()),
        Value::Nil => Ok(Map::new()),
        Value::Str(s) if s.trim().is_empty() => Ok(Map::new()),
        other => Err(Error::new(
            ErrorKind::Config,
            Span::file(display),
            format!(
                "the configuration file is not a hash (it is a {})",
                other.type_name()
            ),
            "a configuration file holds `key: value` pairs",
        )),
    }
}

impl RawConfig {
    /// Defaults, then each config file, then the overrides in `opts`.
    pub fn load(opts: &BuildOptions) -> Result<RawConfig> {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        let source = opts.source.clone().unwrap_or_else(|| cwd.clone());
        let source = absolute(&cwd, &source);
        let files: Vec<PathBuf> = if opts.config_files.is_empty() {
            ["_config.yml", "_config.yaml", "_config.toml"]
                .iter()
                .map(|n| source.join(n))
                .find(|p| p.is_file())
                .into_iter()
                .collect()
        } else {
            opts.config_files
                .iter()
                .map(|p| absolute(&cwd, p))
                .collect()
        };
        let mut user = Map::new();
        for f in &files {
            let display = display_path(&source, f);
            let file_map = read_config_file(f, &display)?;
            deep_merge(&mut user, &file_map);
        }
        // GitHub Pages rewrites the site's own settings (its defaults under
        // them, its overrides over them); Jekyll's defaults lie beneath all.
        let mut warnings = Vec::new();
        if opts.github_pages {
            let production = opts.environment.as_deref() == Some("production");
            warnings = crate::plugins::github_pages::apply(&mut user, production);
        }
        let mut map = defaults(&source);
        deep_merge(&mut map, &user);
        let mut set = |k: &str, v: Value| {
            map.insert(s(k), v);
        };
        set("source", s(&source.to_string_lossy()));
        let dest = match &opts.destination {
            Some(d) => absolute(&cwd, d),
            None => {
                let d = map_get(&map, "destination")
                    .and_then(Value::as_str)
                    .unwrap_or("_site")
                    .to_string();
                absolute(&source, Path::new(&d))
            }
        };
        let mut set = |k: &str, v: Value| {
            map.insert(s(k), v);
        };
        set("destination", s(&dest.to_string_lossy()));
        if let Some(b) = &opts.baseurl {
            set("baseurl", s(b));
        }
        if let Some(u) = &opts.url {
            set("url", s(u));
        }
        if opts.drafts {
            set("show_drafts", Value::Bool(true));
        }
        if opts.future {
            set("future", Value::Bool(true));
        }
        if opts.unpublished {
            set("unpublished", Value::Bool(true));
        }
        if let Some(n) = opts.limit_posts {
            set("limit_posts", Value::Int(n));
        }
        if opts.safe {
            set("safe", Value::Bool(true));
        }
        if opts.quiet {
            set("quiet", Value::Bool(true));
        }
        if opts.verbose {
            set("verbose", Value::Bool(true));
        }
        if opts.profile {
            set("profile", Value::Bool(true));
        }
        if let Some(dir) = &opts.layouts_dir {
            set("layouts_dir", s(dir));
        }
        if !opts.plugins_dir.is_empty() {
            set(
                "plugins_dir",
                Value::array(opts.plugins_dir.iter().map(|d| s(d)).collect()),
            );
        }
        for (on, key) in [
            (opts.strict_front_matter, "strict_front_matter"),
            (opts.incremental, "incremental"),
            (opts.watch, "watch"),
            (opts.force_polling, "force_polling"),
            (opts.lsi, "lsi"),
        ] {
            if on {
                set(key, Value::Bool(true));
            }
        }
        // `jekyll build` runs with serving off.
        set("serving", Value::Bool(false));
        add_default_collections(&mut map);
        add_default_excludes(&mut map);
        setup_kramdown(&mut map);
        let theme = configure_theme(&map, &source, &GemEnv::from_process(), &mut warnings);
        if let Some(t) = &theme {
            load_theme_configuration(&mut map, t, &source)?;
        }
        Ok(RawConfig {
            map,
            files,
            warnings,
            theme: theme.map(Arc::new),
        })
    }

    /// A key of the merged hash.
    pub fn get(&self, key: &str) -> Option<&Value> {
        map_get(&self.map, key)
    }
}

/// Jekyll's `configure_theme`: a string `theme` names a gem, found as
/// [`crate::theme::locate`] finds it; another value is ignored with Jekyll's
/// warning. A gem that cannot be found is a warning (Jekyll stops).
fn configure_theme(
    map: &Map,
    source: &Path,
    env: &GemEnv,
    warnings: &mut Vec<Warning>,
) -> Option<Theme> {
    match map_get(map, "theme") {
        None | Some(Value::Nil) => None,
        Some(Value::Str(name)) => match crate::theme::locate(name, source, env) {
            Ok(theme) => Some(theme),
            Err(missing) => {
                warnings.push(Warning::plain(missing.message()));
                None
            }
        },
        Some(other) => {
            warnings.push(Warning::plain(format!(
                "Theme: value of 'theme' in config should be String to use gem-based themes, but got {}",
                other.type_name()
            )));
            None
        }
    }
}

/// Jekyll's `load_theme_configuration`: the theme's `_config.yml` (not a
/// symlink, a hash), without the keys of Jekyll's defaults, goes under the
/// site's configuration (`ignore_theme_config: true` turns it off).
fn load_theme_configuration(map: &mut Map, theme: &Theme, source: &Path) -> Result<()> {
    if map_get(map, "ignore_theme_config") == Some(&Value::Bool(true)) {
        return Ok(());
    }
    let file = theme.root.join("_config.yml");
    let is_symlink = std::fs::symlink_metadata(&file).is_ok_and(|m| m.file_type().is_symlink());
    if !file.is_file() || is_symlink {
        return Ok(());
    }
    let mut theme_config = read_config_file(&file, &display_path(source, &file))?;
    if theme_config.is_empty() {
        return Ok(());
    }
    let jekyll_defaults = defaults(source);
    theme_config.retain(|k, _| !jekyll_defaults.contains_key(k));
    deep_merge(&mut theme_config, map);
    *map = theme_config;
    Ok(())
}

fn absolute(base: &Path, p: &Path) -> PathBuf {
    let joined = if p.is_absolute() {
        p.to_path_buf()
    } else {
        base.join(p)
    };
    normalize(&joined)
}

/// Removes `.` and resolves `..` lexically.
pub fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// A path as shown in messages: relative to the source when inside it.
pub fn display_path(source: &Path, p: &Path) -> String {
    p.strip_prefix(source)
        .map(|r| r.to_string_lossy().into_owned())
        .unwrap_or_else(|_| p.to_string_lossy().into_owned())
}

/// Jekyll's `add_default_collections`: list form to map form, `posts` always
/// present with `output: true` and the site permalink as its template.
fn add_default_collections(map: &mut Map) {
    let coll = map_get(map, "collections").cloned().unwrap_or(Value::Nil);
    let mut colls = match coll {
        Value::Nil => return,
        Value::Array(items) => {
            let mut m = Map::new();
            for i in items.iter() {
                m.insert(Value::str(i.to_liquid_string()), Value::hash(Map::new()));
            }
            m
        }
        Value::Hash(h) => (*h).clone(),
        _ => Map::new(),
    };
    let mut posts = match map_get(&colls, "posts") {
        Some(Value::Hash(h)) => (**h).clone(),
        _ => Map::new(),
    };
    posts.insert(s("output"), Value::Bool(true));
    if let Some(p) = map_get(map, "permalink").filter(|v| v.is_truthy()) {
        if map_get(&posts, "permalink").is_none_or(|v| !v.is_truthy()) {
            posts.insert(s("permalink"), s(&style_to_template(&p.to_liquid_string())));
        }
    }
    let mut ordered = Map::new();
    // `deep_merge({"posts" => {}}, collections)`: posts first unless already listed.
    if map_get(&colls, "posts").is_none() {
        ordered.insert(s("posts"), Value::hash(posts.clone()));
    }
    for (k, v) in colls.drain(..) {
        if k.as_str() == Some("posts") {
            ordered.insert(k, Value::hash(posts.clone()));
        } else {
            ordered.insert(
                k,
                if matches!(v, Value::Hash(_)) {
                    v
                } else {
                    Value::hash(Map::new())
                },
            );
        }
    }
    map.insert(s("collections"), Value::hash(ordered));
}

/// What Jekyll's kramdown converter writes back into `site.kramdown` when
/// it sets itself up: the highlighter, its options and the legacy `coderay` hash.
fn setup_kramdown(map: &mut Map) {
    let engine = map_get(map, "markdown")
        .map(Value::to_liquid_string)
        .unwrap_or_default();
    if !engine.eq_ignore_ascii_case("kramdown") {
        return;
    }
    let fallback = map_get(map, "highlighter")
        .filter(|v| v.is_truthy())
        .map(Value::to_liquid_string)
        .unwrap_or_else(|| "rouge".into());
    let mut k = match map_get(map, "kramdown") {
        Some(Value::Hash(h)) => (**h).clone(),
        _ => Map::new(),
    };
    if map_get(&k, "syntax_highlighter").is_none_or(|v| !v.is_truthy()) {
        let coderay = map_get(&k, "enable_coderay").is_some_and(Value::is_truthy);
        k.insert(
            s("syntax_highlighter"),
            s(if coderay { "coderay" } else { &fallback }),
        );
    }
    let mut opts = match map_get(&k, "syntax_highlighter_opts") {
        Some(Value::Hash(h)) => (**h).clone(),
        _ => Map::new(),
    };
    if map_get(&opts, "default_lang").is_none_or(|v| !v.is_truthy()) {
        opts.insert(s("default_lang"), s("plaintext"));
    }
    let guess = map_get(&k, "guess_lang").cloned().unwrap_or(Value::Nil);
    opts.insert(s("guess_lang"), guess);
    k.insert(s("syntax_highlighter_opts"), Value::hash(opts));
    if map_get(&k, "coderay").is_none_or(|v| !v.is_truthy()) {
        k.insert(s("coderay"), Value::hash(Map::new()));
    }
    map.insert(s("kramdown"), Value::hash(k));
}

fn add_default_excludes(map: &mut Map) {
    let mut ex = match map_get(map, "exclude") {
        Some(Value::Array(a)) => (**a).clone(),
        Some(Value::Nil) => return,
        _ => Vec::new(),
    };
    for d in DEFAULT_EXCLUDES {
        let v = s(d);
        if !ex.contains(&v) {
            ex.push(v);
        }
    }
    let mut seen = Vec::new();
    ex.retain(|v| {
        if seen.contains(v) {
            false
        } else {
            seen.push(v.clone());
            true
        }
    });
    map.insert(s("exclude"), Value::array(ex));
}

/// One collection's settings.
#[derive(Debug, Clone)]
pub struct CollectionConfig {
    /// The label (`posts`, `publications`).
    pub label: String,
    /// Whether its documents are written.
    pub output: bool,
    /// Its permalink template, if any.
    pub permalink: Option<String>,
    /// `sort_by` front-matter key.
    pub sort_by: Option<String>,
    /// `order`: explicit ordering of filenames.
    pub order: Vec<String>,
    /// The whole metadata hash (exposed on the collection drop).
    pub metadata: Map,
}

/// Stage two: the settings the build uses.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Absolute source folder.
    pub source: PathBuf,
    /// Absolute destination folder.
    pub destination: PathBuf,
    /// `collections_dir`.
    pub collections_dir: String,
    /// `layouts_dir`.
    pub layouts_dir: String,
    /// `data_dir`.
    pub data_dir: String,
    /// `includes_dir`.
    pub includes_dir: String,
    /// `safe`.
    pub safe: bool,
    /// `include` patterns.
    pub include: Vec<String>,
    /// `exclude` patterns.
    pub exclude: Vec<String>,
    /// `keep_files`.
    pub keep_files: Vec<String>,
    /// Extensions (without dots) handled by the Markdown converter.
    pub markdown_ext: Vec<String>,
    /// `markdown` (engine name).
    pub markdown: String,
    /// Drafts are read.
    pub show_drafts: bool,
    /// `limit_posts` (0: no limit).
    pub limit_posts: usize,
    /// Future-dated documents are published.
    pub future: bool,
    /// `published: false` documents are published.
    pub unpublished: bool,
    /// Site-wide excerpt separator.
    pub excerpt_separator: String,
    /// `baseurl` (may be empty).
    pub baseurl: String,
    /// The zone dates are read and shown in.
    pub timezone: chrono_tz::Tz,
    /// Collections, `posts` first as Jekyll orders them.
    pub collections: Vec<CollectionConfig>,
    /// `strict_front_matter`.
    pub strict_front_matter: bool,
    /// `liquid.error_mode`.
    pub liquid_error_mode: String,
    /// The `kramdown` hash.
    pub kramdown: Map,
    /// The `commonmark` hash (jekyll-commonmark's `options` and `extensions`).
    pub commonmark: Map,
    /// `plugins` (Jekyll 4 ignores the old `gems`).
    pub plugins: Vec<String>,
    /// `permalink` as written (`date`, `pretty`, or a template).
    pub permalink_style: String,
    /// The gem theme, when `theme:` names one that was found.
    pub theme: Option<Arc<Theme>>,
    /// Where Sass `@import`/`@use` look, computed once per build
    /// (jekyll-sass-converter's `sass_load_paths`): `sass.load_paths`
    /// expanded as globs, `sass_dir`, then the theme's `_sass`.
    pub sass_load_paths: Vec<PathBuf>,
}

impl Settings {
    /// Validates and types the merged configuration.
    pub fn resolve(raw: &RawConfig) -> Result<Settings> {
        let get = |k: &str| raw.get(k).cloned().unwrap_or(Value::Nil);
        let string = |k: &str| raw.get(k).map(Value::to_liquid_string).unwrap_or_default();
        for key in ["include", "exclude"] {
            if let Some(v) = raw.get(key) {
                if !matches!(v, Value::Array(_)) {
                    return Err(Error::new(
                        ErrorKind::Config,
                        Span::file("_config.yml"),
                        format!(
                            "'{key}' should be set as an array, but was: {}.",
                            v.inspect()
                        ),
                        format!("write `{key}:` as a YAML list"),
                    ));
                }
            }
        }
        let tz_name = raw
            .get("timezone")
            .and_then(Value::as_str)
            .map(str::to_string)
            .or_else(|| std::env::var("TZ").ok())
            .unwrap_or_else(|| "UTC".to_string());
        let timezone = tz_name
            .trim_start_matches(':')
            .parse::<chrono_tz::Tz>()
            .unwrap_or(chrono_tz::UTC);
        let mut collections = Vec::new();
        if let Some(Value::Hash(h)) = raw.get("collections") {
            for k in h.keys() {
                // Jekyll keeps only `[a-z0-9_.-]` of the name for the label (and the
                // `_label` folder), then looks the settings up under that label: a
                // collection named `reading list` is `readinglist`, without settings.
                let label: String = k
                    .to_liquid_string()
                    .chars()
                    .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
                    .collect();
                let meta = match map_get(h, &label) {
                    Some(Value::Hash(m)) => (**m).clone(),
                    _ => Map::new(),
                };
                collections.push(CollectionConfig {
                    output: map_get(&meta, "output").is_some_and(truthy),
                    permalink: map_get(&meta, "permalink")
                        .filter(|v| v.is_truthy())
                        .map(|v| style_to_template(&v.to_liquid_string())),
                    sort_by: map_get(&meta, "sort_by")
                        .and_then(Value::as_str)
                        .map(str::to_string),
                    order: map_get(&meta, "order").map(str_list).unwrap_or_default(),
                    metadata: meta,
                    label,
                });
            }
        }
        // Jekyll 4 reads only `plugins:`; the old `gems:` key is ignored.
        let mut plugins = raw.get("plugins").map(str_list).unwrap_or_default();
        let safe = truthy(&get("safe"));
        if let Some(theme) = &raw.theme {
            // `require_theme_deps`: the theme's runtime dependencies load
            // before the site's plugins (those hyde builds in; in safe mode
            // only whitelisted ones).
            let whitelist = raw.get("whitelist").map(str_list).unwrap_or_default();
            let deps = theme.runtime_dependencies.iter().filter(|d| {
                crate::plugins::Plugin::from_name(d).is_some() && (!safe || whitelist.contains(d))
            });
            plugins = deps.cloned().chain(plugins).collect();
        }
        let source = PathBuf::from(string("source"));
        let theme_sass = raw.theme.as_ref().and_then(|t| t.sass_path.as_deref());
        let sass_load_paths = crate::convert::sass_load_paths(raw, &source, safe, theme_sass);
        Ok(Settings {
            source,
            destination: PathBuf::from(string("destination")),
            collections_dir: string("collections_dir"),
            layouts_dir: string("layouts_dir"),
            data_dir: string("data_dir"),
            includes_dir: string("includes_dir"),
            safe,
            include: str_list(&get("include")),
            exclude: str_list(&get("exclude")),
            keep_files: str_list(&get("keep_files")),
            markdown_ext: string("markdown_ext")
                .split(',')
                .map(|e| e.trim().to_string())
                .collect(),
            markdown: string("markdown"),
            show_drafts: truthy(&get("show_drafts")),
            limit_posts: match get("limit_posts") {
                Value::Int(n) if n > 0 => n as usize,
                Value::Int(n) if n < 0 => {
                    return Err(Error::new(
                        ErrorKind::Config,
                        Span::file("_config.yml"),
                        "limit_posts must be a non-negative number",
                        "use a number of posts, or 0 for no limit",
                    ))
                }
                _ => 0,
            },
            future: truthy(&get("future")),
            unpublished: truthy(&get("unpublished")),
            excerpt_separator: string("excerpt_separator"),
            baseurl: string("baseurl"),
            timezone,
            collections,
            strict_front_matter: truthy(&get("strict_front_matter")),
            liquid_error_mode: raw
                .get("liquid")
                .and_then(|l| l.get("error_mode"))
                .map(|v| v.to_liquid_string())
                .unwrap_or_else(|| "warn".into()),
            kramdown: match raw.get("kramdown") {
                Some(Value::Hash(h)) => (**h).clone(),
                _ => Map::new(),
            },
            commonmark: match raw.get("commonmark") {
                Some(Value::Hash(h)) => (**h).clone(),
                _ => Map::new(),
            },
            plugins,
            permalink_style: string("permalink"),
            theme: raw.theme.clone(),
            sass_load_paths,
        })
    }

    /// Where `{% include %}` looks, in order (Jekyll's
    /// `site.includes_load_paths`): the site's `includes_dir`, then the
    /// theme's `_includes` when there is a theme.
    pub fn includes_load_paths(&self) -> Vec<PathBuf> {
        let theme = self.theme.as_ref().and_then(|t| t.includes_path.clone());
        std::iter::once(self.source.join(&self.includes_dir))
            .chain(theme)
            .collect()
    }

    /// Whether `ext` (with its dot) is a Markdown extension.
    pub fn is_markdown_ext(&self, ext: &str) -> bool {
        let e = ext.trim_start_matches('.');
        !e.is_empty() && self.markdown_ext.iter().any(|m| m.eq_ignore_ascii_case(e))
    }

    /// The collection settings for `label`.
    pub fn collection(&self, label: &str) -> Option<&CollectionConfig> {
        self.collections.iter().find(|c| c.label == label)
    }

    /// The folder holding collections, absolute.
    pub fn collections_path(&self) -> PathBuf {
        if self.collections_dir.is_empty() {
            self.source.clone()
        } else {
            self.source.join(&self.collections_dir)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A site at a fresh temporary folder with `config`, and a theme gem
    /// `t-1.0.0` at Bundler's path whose `_config.yml` is `theme_config`.
    fn site_with_theme(name: &str, config: &str, theme_config: &str) -> (PathBuf, RawConfig) {
        let dir = std::env::temp_dir().join(format!("hyde-config-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let gems = dir.join("vendor/bundle/ruby/3.1.0");
        std::fs::create_dir_all(gems.join("gems/t-1.0.0/_includes")).unwrap();
        std::fs::create_dir_all(gems.join("specifications")).unwrap();
        std::fs::write(gems.join("specifications/t-1.0.0.gemspec"), "").unwrap();
        std::fs::write(gems.join("gems/t-1.0.0/_config.yml"), theme_config).unwrap();
        std::fs::create_dir_all(dir.join(".bundle")).unwrap();
        std::fs::write(
            dir.join(".bundle/config"),
            "BUNDLE_PATH: \"vendor/bundle\"\n",
        )
        .unwrap();
        std::fs::write(dir.join("Gemfile"), "gem \"t\"\n").unwrap();
        std::fs::write(dir.join("_config.yml"), config).unwrap();
        let opts = BuildOptions {
            source: Some(dir.clone()),
            ..Default::default()
        };
        let raw = RawConfig::load(&opts).unwrap();
        (dir, raw)
    }

    #[test]
    fn theme_config_goes_under_the_site_config_without_jekyll_defaults() {
        let theme = "a: theme\nb: {x: 1, y: 2}\npermalink: /theme/\nonly_theme: yes\n";
        let (dir, raw) = site_with_theme("merge", "theme: t\na: site\nb: {x: 3}\n", theme);
        let shown = |k: &str| raw.get(k).map(Value::inspect).unwrap_or_default();
        assert_eq!(shown("a"), "\"site\"");
        assert_eq!(shown("b"), "{\"x\"=>3, \"y\"=>2}");
        assert_eq!(shown("only_theme"), "true");
        assert_eq!(shown("permalink"), "\"date\"");
        let settings = Settings::resolve(&raw).unwrap();
        let includes = settings.includes_load_paths();
        assert_eq!(includes.len(), 2);
        assert!(includes[1].ends_with("gems/t-1.0.0/_includes"));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn ignore_theme_config_keeps_the_theme_config_out() {
        let site = "theme: t\nignore_theme_config: true\n";
        let (dir, raw) = site_with_theme("ignore", site, "only_theme: yes\n");
        assert!(raw.theme.is_some());
        assert!(raw.get("only_theme").is_none());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn theme_that_is_not_a_string_or_not_found_warns() {
        let (dir, raw) = site_with_theme("number", "theme: 5\n", "");
        assert!(raw.theme.is_none());
        assert!(raw.warnings[0].message.contains("should be String"));
        assert!(raw.warnings[0].message.contains("Integer"));
        let _ = std::fs::remove_dir_all(&dir);
        let (dir, raw) = site_with_theme("missing", "theme: hyde-no-such-theme\n", "");
        assert!(raw.theme.is_none());
        assert!(raw.warnings[0]
            .message
            .contains("The hyde-no-such-theme theme could not be found"));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
