//! GitHub Pages mode (`--github-pages`): the configuration GitHub Pages
//! builds with, as the `github-pages` gem (v232) forces it: its defaults
//! under the site's configuration, its overrides over it, its default
//! plugins always on, and only its whitelisted plugins allowed.
//!
//! Call [`apply`] on the raw configuration hash before resolving settings.

use hyde_liquid::{Map, Value};

use crate::error::Warning;

/// Plugins GitHub Pages always runs.
pub const DEFAULT_PLUGINS: &[&str] = super::GITHUB_PAGES_DEFAULTS;

/// Plugins GitHub Pages allows (themes named `jekyll-theme-*` are allowed too).
pub const WHITELIST: &[&str] = &[
    "jekyll-avatar",
    "jekyll-coffeescript",
    "jekyll-commonmark-ghpages",
    "jekyll-default-layout",
    "jekyll-feed",
    "jekyll-gist",
    "jekyll-github-metadata",
    "jekyll-include-cache",
    "jekyll-mentions",
    "jekyll-octicons",
    "jekyll-optional-front-matter",
    "jekyll-paginate",
    "jekyll-readme-index",
    "jekyll-redirect-from",
    "jekyll-relative-links",
    "jekyll-remote-theme",
    "jekyll-seo-tag",
    "jekyll-sitemap",
    "jekyll-titles-from-headings",
    "jemoji",
];

fn s(v: &str) -> Value {
    Value::str(v)
}

fn hash(pairs: Vec<(&str, Value)>) -> Value {
    Value::hash(super::util::hash(pairs))
}

/// What GitHub Pages sets unless the site does. pages-gem merges its
/// `DEFAULTS` under the configuration Jekyll has already loaded, Jekyll's own
/// defaults included, so only the keys Jekyll has no default for come
/// through: `future`, `plugins`, `markdown`, kramdown's `input` and
/// `hard_wrap` stay Jekyll's (pages-gem's spec: `effective_config["future"]`
/// is false). `exclude` is handled in [`apply`].
fn defaults(production: bool) -> Map {
    let mut m = super::util::hash(vec![
        ("jailed", Value::Bool(false)),
        ("theme", s("jekyll-theme-primer")),
        (
            "kramdown",
            hash(vec![
                ("gfm_quirks", s("paragraph_end")),
                (
                    "syntax_highlighter_opts",
                    hash(vec![("default_lang", s("plaintext"))]),
                ),
            ]),
        ),
    ]);
    if production {
        m.insert(s("sass"), hash(vec![("style", s("compressed"))]));
    }
    m
}

/// What GitHub Pages sets whatever the site says.
fn overrides() -> Map {
    super::util::hash(vec![
        ("lsi", Value::Bool(false)),
        ("safe", Value::Bool(true)),
        ("highlighter", s("rouge")),
        (
            "kramdown",
            hash(vec![
                ("template", s("")),
                ("math_engine", s("mathjax")),
                ("syntax_highlighter", s("rouge")),
            ]),
        ),
        ("gist", hash(vec![("noscript", Value::Bool(false))])),
        (
            "whitelist",
            Value::array(WHITELIST.iter().map(|p| s(p)).collect()),
        ),
    ])
}

/// Whether GitHub Pages loads the plugin `name`.
pub fn is_allowed(name: &str) -> bool {
    WHITELIST.contains(&name) || name.starts_with("jekyll-theme-")
}

/// Rewrites `config` as GitHub Pages would build it. `production` is
/// `JEKYLL_ENV == "production"`. Returns a warning per plugin GitHub Pages
/// would not load.
pub fn apply(config: &mut Map, production: bool) -> Vec<Warning> {
    // Jekyll 3.10 still reads the pre-1.0 names (its `backwards_compatibilize`,
    // before pages-gem sees the config): `gems:` replaces `plugins:`.
    let mut renamed = Vec::new();
    for (old, new) in [
        ("server_port", "port"),
        ("gems", "plugins"),
        ("layouts", "layouts_dir"),
        ("data_source", "data_dir"),
    ] {
        if let Some(v) = config.shift_remove(&s(old)) {
            config.insert(s(new), v);
            renamed.push(Warning::plain(format!(
                "'{old}' is read as '{new}', as GitHub Pages' Jekyll 3.10 does (--github-pages)"
            )));
        }
    }
    let mut merged = defaults(production);
    // `theme` is the site's whenever it has the key, even `theme: null`
    // (pages-gem `configuration.rb:100-101`). hyde also drops the default
    // when a `remote_theme` replaces it.
    if config.contains_key(&s("theme")) || config.contains_key(&s("remote_theme")) {
        merged.shift_remove(&s("theme"));
    }
    crate::value::deep_merge(&mut merged, config);
    // `exclude_cname`: CNAME joins Jekyll's default list when the site has
    // none of its own.
    if !config.contains_key(&s("exclude")) {
        merged.insert(s("exclude"), Value::array(vec![s("CNAME")]));
    }
    crate::value::deep_merge(&mut merged, &overrides());
    // `_plugins` is never read (safe mode).
    merged.insert(s("plugins_dir"), s("_plugins_disabled_by_github_pages"));
    let mut warnings = Vec::new();
    let mut plugins: Vec<String> = Vec::new();
    if let Some(Value::Array(list)) = config.get(&s("plugins")) {
        for p in list.iter() {
            let name = p.to_liquid_string();
            if !is_allowed(&name) {
                warnings.push(Warning::plain(format!(
                    "Plugin '{name}' is not allowed on GitHub Pages and was skipped (--github-pages)"
                )));
                continue;
            }
            if !plugins.contains(&name) {
                plugins.push(name);
            }
        }
    }
    for d in DEFAULT_PLUGINS {
        if !plugins.iter().any(|p| p == d) {
            plugins.push((*d).to_string());
        }
    }
    if config.contains_key(&s("remote_theme")) {
        plugins.push("jekyll-remote-theme".into());
    }
    merged.insert(
        s("plugins"),
        Value::array(plugins.into_iter().map(Value::str).collect()),
    );
    restrict_markdown(&mut merged, &mut warnings);
    *config = merged;
    renamed.extend(warnings);
    renamed
}

/// pages-gem's `restrict_and_config_markdown_processor`: anything but
/// kramdown, GFM and CommonMarkGhPages becomes kramdown; GFM means
/// CommonMarkGhPages (cmark-gfm), which hyde approximates with its
/// CommonMark converter.
fn restrict_markdown(config: &mut Map, warnings: &mut Vec<Warning>) {
    let name = config
        .get(&s("markdown"))
        .map(Value::to_liquid_string)
        .unwrap_or_default()
        .to_ascii_lowercase();
    match name.as_str() {
        "kramdown" => {}
        "gfm" | "commonmarkghpages" => {
            warnings.push(Warning::plain(format!(
                "markdown: {name} is CommonMarkGhPages (cmark-gfm) on GitHub Pages; hyde converts \
                 it with its CommonMark converter, which can differ (--github-pages)"
            )));
            config.insert(s("markdown"), s("CommonMark"));
        }
        "" => {
            config.insert(s("markdown"), s("kramdown"));
        }
        _ => {
            warnings.push(Warning::plain(format!(
                "markdown: {name} is converted with kramdown on GitHub Pages, which allows only \
                 kramdown and GFM (--github-pages)"
            )));
            config.insert(s("markdown"), s("kramdown"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_pages_forces_safe_mode_defaults_and_whitelist() {
        let mut c = super::super::util::hash(vec![
            ("future", Value::Bool(false)),
            (
                "plugins",
                Value::array(vec![s("jekyll-feed"), s("jekyll-archives")]),
            ),
            (
                "kramdown",
                hash(vec![
                    ("math_engine", s("katex")),
                    ("hard_wrap", Value::Bool(true)),
                ]),
            ),
        ]);
        let w = apply(&mut c, true);
        assert_eq!(w.len(), 1);
        assert!(w[0].message.contains("jekyll-archives"));
        assert_eq!(c.get(&s("safe")), Some(&Value::Bool(true)));
        assert_eq!(c.get(&s("future")), Some(&Value::Bool(false)));
        assert_eq!(c.get(&s("theme")), Some(&s("jekyll-theme-primer")));
        let k = c.get(&s("kramdown")).unwrap();
        assert_eq!(k.get("math_engine"), Some(s("mathjax")));
        assert_eq!(k.get("hard_wrap"), Some(Value::Bool(true)));
        let plugins = c.get(&s("plugins")).unwrap().to_liquid_string();
        assert!(plugins.starts_with("jekyll-feed"));
        assert!(plugins.contains("jekyll-github-metadata") && !plugins.contains("jekyll-archives"));
    }

    #[test]
    fn github_pages_keeps_jekylls_future_false() {
        // pages-gem's DEFAULTS say `future: true`, but they are merged under
        // Jekyll's own defaults, which already have `future: false`.
        let mut c = Map::new();
        apply(&mut c, true);
        assert_eq!(c.get(&s("future")), None);
        let mut c = super::super::util::hash(vec![("future", Value::Bool(true))]);
        apply(&mut c, true);
        assert_eq!(c.get(&s("future")), Some(&Value::Bool(true)));
    }

    #[test]
    fn github_pages_restricts_the_markdown_processor() {
        for (given, effective) in [
            ("CommonMark", "kramdown"),
            ("redcarpet", "kramdown"),
            ("Kramdown", "Kramdown"),
            ("GFM", "CommonMark"),
        ] {
            let mut c = super::super::util::hash(vec![("markdown", s(given))]);
            let w = apply(&mut c, true);
            assert_eq!(c.get(&s("markdown")), Some(&s(effective)), "{given}");
            assert_eq!(w.len(), usize::from(given != "Kramdown"), "{given}");
        }
    }

    #[test]
    fn github_pages_theme_exclude_and_whitelist() {
        let mut c = super::super::util::hash(vec![("theme", Value::Nil)]);
        apply(&mut c, false);
        assert_eq!(c.get(&s("theme")), Some(&Value::Nil));
        assert_eq!(c.get(&s("exclude")), Some(&Value::array(vec![s("CNAME")])));
        assert_eq!(
            c.get(&s("sass")),
            None,
            "compressed Sass only in production"
        );
        assert_eq!(
            c.get(&s("whitelist")).map(|w| w.to_liquid_string().len()),
            Some(WHITELIST.concat().len())
        );
        let mut c = super::super::util::hash(vec![("exclude", Value::array(vec![s("x")]))]);
        apply(&mut c, true);
        assert_eq!(c.get(&s("exclude")), Some(&Value::array(vec![s("x")])));
        let k = c.get(&s("kramdown")).unwrap();
        assert_eq!(k.get("gfm_quirks"), Some(s("paragraph_end")));
        assert_eq!(k.get("input"), None, "Jekyll's own default");
    }

    #[test]
    fn github_pages_reads_jekyll_3_renamed_keys() {
        let mut c = super::super::util::hash(vec![
            ("plugins", Value::array(vec![s("jekyll-feed")])),
            ("gems", Value::array(vec![s("jekyll-sitemap")])),
            ("layouts", s("_templates")),
            ("data_source", s("_info")),
            ("remote_theme", s("owner/theme")),
        ]);
        let w = apply(&mut c, true);
        assert_eq!(w.len(), 3, "{w:?}");
        assert_eq!(c.get(&s("gems")), None);
        assert_eq!(c.get(&s("layouts_dir")), Some(&s("_templates")));
        assert_eq!(c.get(&s("data_dir")), Some(&s("_info")));
        let plugins = c.get(&s("plugins")).unwrap().to_liquid_string();
        assert!(plugins.starts_with("jekyll-sitemap"), "{plugins}");
        assert!(!plugins.contains("jekyll-feed"), "gems: replaces plugins:");
        assert!(plugins.ends_with("jekyll-remote-theme"), "{plugins}");
    }
}
