//! The GitHub Pages plugin set, built in: what the Ruby gems named in
//! `plugins:` would do, done natively (Jekyll 4 ignores the old `gems:`).
//!
//! Plugins meet the build at four points, as Jekyll's do:
//! - [`generate`] runs after reading, in Jekyll's generator priority order:
//!   it adds pages (feeds, sitemap, redirects, pagination) and adjusts
//!   documents (`redirect_to`, titles from headings, default layouts);
//! - [`register`] installs the plugins' Liquid tags (`{% seo %}`,
//!   `{% feed_meta %}`, `{% include_cached %}`, `{% gist %}`);
//! - [`prepare_context`] sets per-page variables (`paginator`);
//! - [`post_render`] rewrites rendered HTML (jemoji, jekyll-mentions).
//!
//! A plugin hyde does not implement, and every `_plugins/*.rb` file, is named
//! in one warning and skipped, as GitHub Pages' safe mode skips them.

pub mod content;
pub mod feed;
pub mod gist;
pub mod github;
pub mod github_pages;
mod html_format;
pub mod include_cache;
pub mod jemoji;
pub mod paginate;
pub mod redirect;
pub mod seo;
pub mod sitemap;
mod util;

use std::sync::Arc;

use hyde_liquid::{Context, Engine};

use crate::document::Document;
use crate::drops::Phase;
use crate::error::{Result, Warning};
use crate::renderer::Build;
use crate::site::Site;

/// A plugin hyde implements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plugin {
    /// jekyll-feed 0.17.
    Feed,
    /// jekyll-sitemap 1.4.
    Sitemap,
    /// jekyll-redirect-from 0.16.
    RedirectFrom,
    /// jekyll-paginate 1.1.
    Paginate,
    /// jekyll-seo-tag 2.8.
    SeoTag,
    /// jekyll-include-cache 0.2.
    IncludeCache,
    /// jekyll-gist 1.5.
    Gist,
    /// jemoji 0.13.
    Jemoji,
    /// jekyll-github-metadata 2.15 (offline).
    GithubMetadata,
    /// jekyll-relative-links 0.7.
    RelativeLinks,
    /// jekyll-optional-front-matter 0.3.
    OptionalFrontMatter,
    /// jekyll-titles-from-headings 0.5.
    TitlesFromHeadings,
    /// jekyll-default-layout 0.1.
    DefaultLayout,
    /// jekyll-readme-index 0.3.
    ReadmeIndex,
    /// jekyll-mentions 1.6.
    Mentions,
}

impl Plugin {
    /// The plugin for a gem name.
    pub fn from_name(name: &str) -> Option<Plugin> {
        Some(match name {
            "jekyll-feed" => Plugin::Feed,
            "jekyll-sitemap" => Plugin::Sitemap,
            "jekyll-redirect-from" => Plugin::RedirectFrom,
            "jekyll-paginate" => Plugin::Paginate,
            "jekyll-seo-tag" => Plugin::SeoTag,
            "jekyll-include-cache" => Plugin::IncludeCache,
            "jekyll-gist" => Plugin::Gist,
            "jemoji" => Plugin::Jemoji,
            "jekyll-github-metadata" => Plugin::GithubMetadata,
            "jekyll-relative-links" => Plugin::RelativeLinks,
            "jekyll-optional-front-matter" => Plugin::OptionalFrontMatter,
            "jekyll-titles-from-headings" => Plugin::TitlesFromHeadings,
            "jekyll-default-layout" => Plugin::DefaultLayout,
            "jekyll-readme-index" => Plugin::ReadmeIndex,
            "jekyll-mentions" => Plugin::Mentions,
            _ => return None,
        })
    }
}

/// Gems that change nothing hyde does differently (hyde already converts
/// CommonMark and CoffeeScript itself, or the gem only adds a theme).
const HARMLESS: &[&str] = &[
    "jekyll-commonmark-ghpages",
    "jekyll-commonmark",
    "jekyll-seo",
    "jekyll-remote-theme",
];

/// What some well-known gems hyde does not build in would have done, for the
/// warning that names them.
const FOREIGN_GEMS: &[(&str, &str)] = &[
    (
        "jekyll-archives",
        "it would have generated the year, category and tag archive pages",
    ),
    (
        "jekyll-scholar",
        "it would have rendered the bibliography and cite tags",
    ),
    (
        "jekyll-last-modified-at",
        "it would have set page.last_modified_at from file times",
    ),
    ("jekyll-toc", "it would have added the toc filter"),
    (
        "jekyll-assets",
        "it would have processed assets and the asset tag",
    ),
    ("jekyll-admin", "it only adds an admin UI to jekyll serve"),
    ("jekyll-avatar", "it would have rendered the avatar tag"),
    (
        "jekyll-compose",
        "it only adds commands to the jekyll binary",
    ),
    (
        "jekyll-polyglot",
        "it would have generated one copy of the site per language",
    ),
    ("jekyll-tagging", "it would have generated tag pages"),
];

/// The plugins GitHub Pages always enables.
pub const GITHUB_PAGES_DEFAULTS: &[&str] = &[
    "jekyll-coffeescript",
    "jekyll-commonmark-ghpages",
    "jekyll-default-layout",
    "jekyll-gist",
    "jekyll-github-metadata",
    "jekyll-optional-front-matter",
    "jekyll-paginate",
    "jekyll-readme-index",
    "jekyll-titles-from-headings",
    "jekyll-relative-links",
];

/// The plugins a site enables, in the order named.
pub fn enabled(site: &Site) -> Vec<Plugin> {
    let mut out = Vec::new();
    for name in &site.settings.plugins {
        if let Some(p) = Plugin::from_name(name) {
            if !out.contains(&p) {
                out.push(p);
            }
        }
    }
    out
}

/// Whether `plugin` is enabled for `site`.
pub fn is_enabled(site: &Site, plugin: Plugin) -> bool {
    site.settings
        .plugins
        .iter()
        .any(|n| Plugin::from_name(n) == Some(plugin))
}

/// Where `plugins:` first names the plugin (`usize::MAX` when it does not).
fn first_mention(site: &Site, plugin: Plugin) -> usize {
    site.settings
        .plugins
        .iter()
        .position(|n| Plugin::from_name(n) == Some(plugin))
        .unwrap_or(usize::MAX)
}

/// One warning per plugin that cannot run: unknown gems and `_plugins/*.rb`.
pub fn unknown_plugin_warnings(site: &Site) -> Vec<Warning> {
    let mut out = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for name in &site.settings.plugins {
        if Plugin::from_name(name).is_some()
            || HARMLESS.contains(&name.as_str())
            || seen.contains(&name.as_str())
        {
            continue;
        }
        seen.push(name);
        if name.starts_with("jekyll-theme-") || name == "jekyll-coffeescript" {
            continue;
        }
        let what = FOREIGN_GEMS
            .iter()
            .find(|(g, _)| *g == name.as_str())
            .map(|(_, w)| (*w).to_string())
            .unwrap_or_else(|| {
                "any pages it generates, and the tags and filters it defines, are missing".into()
            });
        out.push(Warning::plain(format!(
            "Plugin '{name}' is not built into hyde and was skipped: {what}"
        )));
    }
    let dir = site
        .raw
        .get("plugins_dir")
        .map(|v| v.to_liquid_string())
        .unwrap_or_else(|| "_plugins".into());
    let dir = site.settings.source.join(dir);
    if let Ok(rd) = std::fs::read_dir(&dir) {
        let mut files: Vec<String> = rd
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".rb"))
            .collect();
        files.sort();
        for f in files {
            out.push(Warning::plain(format!(
                "Plugin '_plugins/{f}' is Ruby and cannot run in hyde: it was skipped, so any pages it \
                 generates, and the tags and filters it defines, are missing"
            )));
        }
    }
    out
}

/// One warning for a `remote_theme`: jekyll-remote-theme fetches it from
/// GitHub, which hyde does not do, so its layouts, includes, Sass and assets
/// are missing. (A gem `theme:` is looked up while the configuration loads,
/// which warns when it is not installed.)
pub fn theme_warnings(site: &Site) -> Vec<Warning> {
    util::config(site, "remote_theme")
        .map(|remote| {
            Warning::plain(format!(
                "remote_theme '{}' is fetched from GitHub by jekyll-remote-theme, which hyde does not do: \
                 its layouts, includes, _sass and assets are missing",
                remote.to_liquid_string()
            ))
        })
        .into_iter()
        .collect()
}

/// Liquid tags and filters that plugins hyde does not build in define, with
/// the gem that defines each (for the hint of an unknown-tag error).
const FOREIGN_TAGS: &[(&str, &str)] = &[
    ("asset", "jekyll-assets"),
    ("asset_path", "jekyll-assets"),
    ("bibliography", "jekyll-scholar"),
    ("cite", "jekyll-scholar"),
    ("reference", "jekyll-scholar"),
    ("cloudinary", "jekyll-cloudinary"),
    ("responsive_image", "jekyll-responsive-image"),
    ("picture", "jekyll_picture_tag"),
    ("img", "jekyll_picture_tag"),
    ("youtube", "jekyll-youtube"),
    ("twitter", "jekyll-twitter-plugin"),
    ("tweet", "jekyll-twitter-plugin"),
    ("octicon", "jekyll-octicons"),
    ("avatar", "jekyll-avatar"),
    ("github_edit_link", "jekyll-github-edit-link"),
    ("svg", "jekyll-inline-svg"),
    ("t", "jekyll-multiple-languages-plugin"),
    ("translate", "jekyll-multiple-languages-plugin"),
    ("toc", "jekyll-toc"),
    ("archives", "jekyll-archives"),
    ("seo", "jekyll-seo-tag"),
    ("feed_meta", "jekyll-feed"),
    ("include_cached", "jekyll-include-cache"),
    ("gist", "jekyll-gist"),
];

/// The gem that defines the Liquid tag `name`, when hyde knows it.
pub fn plugin_defining(name: &str) -> Option<&'static str> {
    FOREIGN_TAGS
        .iter()
        .find(|(t, _)| *t == name)
        .map(|(_, p)| *p)
}

/// A hint for a Liquid error about an unknown tag (`Unknown tag 'seo'`):
/// which plugin defines it, and whether it is enabled or not built in.
pub fn unknown_tag_hint(site: &Site, message: &str) -> Option<String> {
    let start = message.find("Unknown tag '")? + "Unknown tag '".len();
    let name = &message[start..start + message[start..].find('\'')?];
    let gem = plugin_defining(name)?;
    Some(match Plugin::from_name(gem) {
        Some(p) if !is_enabled(site, p) => {
            format!("the tag '{name}' comes from {gem}: add it to plugins: in _config.yml")
        }
        Some(_) => return None,
        None => {
            format!("the tag '{name}' comes from the plugin {gem}, which hyde does not build in")
        }
    })
}

/// Runs the enabled generators on a read site, in Jekyll's priority order
/// (normal, then low, then lowest; within a priority, the order GitHub Pages
/// loads them). Returns warnings.
pub fn generate(site: &mut Site) -> Result<Vec<Warning>> {
    let mut warnings = unknown_plugin_warnings(site);
    warnings.extend(theme_warnings(site));
    let on = |p| is_enabled(site, p);
    let (github, redirect, optional, readme, paginate, titles, layout, links, feed, map) = (
        on(Plugin::GithubMetadata),
        on(Plugin::RedirectFrom),
        on(Plugin::OptionalFrontMatter),
        on(Plugin::ReadmeIndex),
        on(Plugin::Paginate),
        on(Plugin::TitlesFromHeadings),
        on(Plugin::DefaultLayout),
        on(Plugin::RelativeLinks),
        on(Plugin::Feed),
        on(Plugin::Sitemap),
    );
    if github {
        github::generate(site);
    }
    if optional {
        content::optional_front_matter(site, &mut warnings)?;
    }
    if redirect {
        redirect::generate(site)?;
    }
    if readme {
        content::readme_index(site)?;
    }
    if paginate {
        paginate::generate(site, &mut warnings)?;
    }
    if titles {
        content::titles_from_headings(site);
    }
    if layout {
        content::default_layout(site);
    }
    if links {
        content::relative_links(site);
    }
    // Feed and sitemap share the lowest priority; Jekyll then runs them in
    // the order their gems were loaded, which is the order `plugins:` names
    // them, and their pages join `site.pages` in that order.
    let mut lowest = [(Plugin::Feed, feed), (Plugin::Sitemap, map)];
    lowest.sort_by_key(|(p, _)| first_mention(site, *p));
    for (plugin, enabled) in lowest {
        match plugin {
            Plugin::Feed if enabled => feed::generate(site)?,
            Plugin::Sitemap if enabled => sitemap::generate(site)?,
            _ => {}
        }
    }
    if is_enabled(site, Plugin::Gist) {
        warnings.extend(gist::warnings(site));
    }
    Ok(warnings)
}

/// Registers the Liquid tags of the enabled plugins (and the internal tags
/// that fill generated pages).
pub fn register(engine: &mut Engine, site: &Site) {
    feed::register(engine, site);
    sitemap::register(engine);
    if is_enabled(site, Plugin::SeoTag) {
        seo::register(engine);
    }
    if is_enabled(site, Plugin::IncludeCache) {
        include_cache::register(engine);
    }
    if is_enabled(site, Plugin::Gist) {
        gist::register(engine, site);
    }
}

/// Whether pages must render one after another for Jekyll's answer:
/// `include_cached` keeps the first rendering of each call, and "first" is
/// only well defined when pages render in order.
pub fn needs_ordered_rendering(site: &Site) -> bool {
    is_enabled(site, Plugin::IncludeCache)
}

/// Sets the per-document variables plugins provide (`paginator`).
pub fn prepare_context(b: &Arc<Build>, ctx: &mut Context, doc: &Arc<Document>, phase: Phase) {
    // Only an `index.html` page can be paginated: every other render skips
    // the plugin list and the configuration.
    if paginate::may_be_paginated(doc) && is_enabled(&b.site, Plugin::Paginate) {
        if let Some(p) = paginate::paginator(b, doc, phase) {
            ctx.set_global("paginator", p);
        }
    }
}

/// Rewrites a document's rendered output (jemoji, jekyll-mentions).
pub fn post_render(site: &Site, doc: &Document, output: String) -> String {
    let mut output = output;
    if is_enabled(site, Plugin::Jemoji) && jemoji::emojiable(doc) {
        output = jemoji::emojify(site, &output);
    }
    let html =
        matches!(doc.output_ext.as_str(), ".html" | ".htm" | ".xhtml") || doc.url.ends_with('/');
    if !html {
        return output;
    }
    if is_enabled(site, Plugin::Mentions) {
        output = content::mentionify(site, doc, &output);
    }
    output
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plugins_are_known_by_gem_name() {
        assert_eq!(Plugin::from_name("jekyll-feed"), Some(Plugin::Feed));
        assert_eq!(Plugin::from_name("jemoji"), Some(Plugin::Jemoji));
        assert_eq!(Plugin::from_name("jekyll-scholar"), None);
    }

    #[test]
    fn unknown_plugins_and_ruby_files_warn_once_each() {
        let dir = std::env::temp_dir().join(format!("hyde-plugins-unknown-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("_plugins")).unwrap();
        std::fs::write(
            dir.join("_config.yml"),
            "plugins: [jekyll-feed, jekyll-archives, jekyll-archives, jekyll-made-up]\n",
        )
        .unwrap();
        std::fs::write(dir.join("_plugins/shout.rb"), "# a filter\n").unwrap();
        let opts = crate::config::BuildOptions {
            source: Some(dir.clone()),
            ..Default::default()
        };
        let site = Site::load(&opts).unwrap();
        let messages: Vec<String> = unknown_plugin_warnings(&site)
            .into_iter()
            .map(|w| w.message)
            .collect();
        let _ = std::fs::remove_dir_all(&dir);
        assert_eq!(messages.len(), 3, "{messages:?}");
        assert!(messages[0].contains("'jekyll-archives'") && messages[0].contains("archive pages"));
        assert!(messages[1].contains("'jekyll-made-up'"));
        assert!(messages[2].contains("'_plugins/shout.rb'"));
    }

    #[test]
    fn unknown_tags_name_their_plugin() {
        assert_eq!(plugin_defining("bibliography"), Some("jekyll-scholar"));
        assert_eq!(plugin_defining("seo"), Some("jekyll-seo-tag"));
        assert_eq!(plugin_defining("if"), None);
    }

    #[test]
    fn a_remote_theme_warns_that_its_files_are_missing() {
        let dir = std::env::temp_dir().join(format!("hyde-plugins-theme-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let load = |config: &str, github_pages: bool| {
            std::fs::write(dir.join("_config.yml"), config).unwrap();
            let opts = crate::config::BuildOptions {
                source: Some(dir.clone()),
                github_pages,
                ..Default::default()
            };
            let site = Site::load(&opts).unwrap();
            theme_warnings(&site)
                .into_iter()
                .map(|w| w.message)
                .collect::<Vec<_>>()
        };
        // A gem theme, found or not, is the configuration's business.
        assert!(load("title: x\n", true).is_empty());
        assert!(load("theme: minima\n", false).is_empty());
        let remote = load("remote_theme: owner/theme\n", true);
        assert_eq!(remote.len(), 1, "{remote:?}");
        assert!(remote[0].contains("owner/theme"));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
