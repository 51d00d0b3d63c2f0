//! GitHub Pages' content plugins: jekyll-optional-front-matter,
//! jekyll-readme-index, jekyll-titles-from-headings, jekyll-default-layout,
//! jekyll-relative-links (generators, run after reading) and jekyll-mentions
//! (after rendering).

use std::sync::{Arc, OnceLock};

use hyde_liquid::{Context, Map, Value};
use regex::Regex;

use super::util;
use crate::document::{Converter, Document, Kind, PageInit};
use crate::error::{Result, Warning};
use crate::site::Site;
use crate::static_file::StaticFile;

/// Files optional-front-matter leaves alone (their names, upper-cased, without extension).
const FILENAME_BLACKLIST: &[&str] = &[
    "README",
    "LICENSE",
    "LICENCE",
    "COPYING",
    "CODE_OF_CONDUCT",
    "CONTRIBUTING",
    "ISSUE_TEMPLATE",
    "PULL_REQUEST_TEMPLATE",
];

/// `site.config[section][key]`.
fn option<'a>(site: &'a Site, section: &str, key: &str) -> Option<&'a Value> {
    util::config_in(site, section, key)
}

fn is_markdown(site: &Site, ext: &str) -> bool {
    site.settings.is_markdown_ext(ext)
}

/// A page read from a static file's source, as `Jekyll::Page.new` reads a
/// file without front matter: the whole file is the content.
fn page_from_static(site: &Site, f: &StaticFile, extra: Map) -> Result<Option<Document>> {
    let Ok(bytes) = std::fs::read(&f.path) else {
        return Ok(None);
    };
    let Ok(text) = String::from_utf8(bytes) else {
        return Ok(None);
    };
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text);
    let rel = f.relative_path.trim_start_matches('/');
    let (dir, name) = match rel.rfind('/') {
        Some(i) => (format!("/{}", &rel[..i]), rel[i + 1..].to_string()),
        None => (String::new(), rel.to_string()),
    };
    let mut data = site.defaults.all(rel, "pages");
    crate::value::deep_merge(&mut data, &extra);
    let doc = Document::page(PageInit {
        dir,
        name,
        path: f.path.clone(),
        data,
        content: text,
        content_line: 1,
        converter: Converter::Markdown,
        permalink_style: &site.settings.permalink_style,
    })?;
    Ok(Some(doc))
}

/// jekyll-optional-front-matter: Markdown files without front matter become
/// pages (and stay static files unless `remove_originals`).
pub fn optional_front_matter(site: &mut Site, _warnings: &mut Vec<Warning>) -> Result<()> {
    let require = util::config(site, "require_front_matter").is_some_and(Value::is_truthy);
    if matches!(
        option(site, "optional_front_matter", "enabled"),
        Some(Value::Bool(false))
    ) || require
    {
        return Ok(());
    }
    let cleanup = matches!(
        option(site, "optional_front_matter", "remove_originals"),
        Some(Value::Bool(true))
    );
    let includes: Vec<String> = match util::config(site, "include") {
        Some(Value::Array(a)) => a.iter().map(Value::to_liquid_string).collect(),
        _ => Vec::new(),
    };
    let mut pages = Vec::new();
    let mut removed = Vec::new();
    for f in &site.static_files {
        if !is_markdown(site, &f.extname) {
            continue;
        }
        let rel = f.relative_path.trim_start_matches('/');
        let whitelisted = includes
            .iter()
            .any(|i| crate::fnmatch::fnmatch(i, rel) || i == rel);
        if !whitelisted && FILENAME_BLACKLIST.contains(&f.basename.to_uppercase().as_str()) {
            continue;
        }
        if let Some(p) = page_from_static(site, f, Map::new())? {
            pages.push(Arc::new(p));
            removed.push(f.relative_path.clone());
        }
    }
    site.pages.extend(pages);
    if cleanup {
        site.static_files
            .retain(|f| !removed.contains(&f.relative_path));
    }
    Ok(())
}

/// Whether a folder already has an index, by the plugin's test: a page or
/// static file whose URL is the folder, or any URL ending in `index.html`
/// (or `.htm`, `.xhtml`, `.xml`), as its regular expression reads.
fn dir_has_index(site: &Site, dir: &str) -> bool {
    let dir = if dir.ends_with('/') {
        dir.to_string()
    } else {
        format!("{dir}/")
    };
    let urls = site
        .pages
        .iter()
        .map(|p| p.url.as_str())
        .chain(site.static_files.iter().map(|f| f.url.as_str()));
    for url in urls {
        let lower = url.to_lowercase();
        if lower == dir.to_lowercase() {
            return true;
        }
        if ["index.htm", "index.html", "index.xhtml", "index.xml"]
            .iter()
            .any(|s| lower.ends_with(s))
        {
            return true;
        }
    }
    false
}

/// `File.dirname` of a URL path.
fn dirname(url: &str) -> String {
    let t = url.trim_end_matches('/');
    match t.rfind('/') {
        Some(0) | None => "/".into(),
        Some(i) => t[..i].to_string(),
    }
}

/// jekyll-readme-index: a folder's README becomes its index when it has none.
pub fn readme_index(site: &mut Site) -> Result<()> {
    if matches!(
        option(site, "readme_index", "enabled"),
        Some(Value::Bool(false))
    ) {
        return Ok(());
    }
    let cleanup = matches!(
        option(site, "readme_index", "remove_originals"),
        Some(Value::Bool(true))
    );
    let readmes: Vec<Arc<StaticFile>> = site
        .static_files
        .iter()
        .filter(|f| f.basename.eq_ignore_ascii_case("readme") && is_markdown(site, &f.extname))
        .cloned()
        .collect();
    for f in readmes {
        let dir = dirname(&f.url);
        if dir_has_index(site, &dir) {
            continue;
        }
        let permalink = format!("{}/", if dir == "/" { "" } else { dir.as_str() });
        let extra = util::hash(vec![("permalink", Value::str(permalink))]);
        if let Some(p) = page_from_static(site, &f, extra)? {
            site.pages.push(Arc::new(p));
            if cleanup {
                site.static_files.retain(|s| !Arc::ptr_eq(s, &f));
            }
        }
    }
    if matches!(
        option(site, "readme_index", "with_frontmatter"),
        Some(Value::Bool(true))
    ) {
        for p in site.pages.iter_mut() {
            let is_readme = p.basename.eq_ignore_ascii_case("readme")
                && site.settings.is_markdown_ext(&p.extname);
            if !is_readme {
                continue;
            }
            let dir = dirname(&p.url);
            let url = if dir == "/" {
                "/".to_string()
            } else {
                format!("{dir}/")
            };
            if let Some(d) = Arc::get_mut(p) {
                d.data
                    .insert(Value::str("permalink"), Value::str(url.as_str()));
                d.output_path = format!("{}index.html", url.trim_start_matches('/'));
                d.url = url;
            }
        }
    }
    Ok(())
}

fn title_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?m)\A[ \t\r\n\f\v]*(?:#{1,3}[ \t\r\n\f\v]+(.*)(?:[ \t\r\n\f\v]+#{1,3})?|(.*)\r?\n[-=]+[ \t\r\n\f\v]*)$")
            .expect("title regex")
    })
}

/// Markdown → text, as the plugin's `markdownify | strip_html | normalize_whitespace`.
fn strip_markup(
    site: &Site,
    md: &crate::convert::Markdown,
    ctx: &mut Context,
    text: &str,
) -> String {
    let html = md.convert(text, "").unwrap_or_else(|_| text.to_string());
    let stripped = util::filter(ctx, "strip_html", &Value::str(html), &[])
        .map(|v| v.to_liquid_string())
        .unwrap_or_default();
    let _ = site;
    let t = crate::liquid_ext::text::normalize_whitespace(&stripped);
    static FOOTNOTE: OnceLock<Regex> = OnceLock::new();
    let re = FOOTNOTE.get_or_init(|| Regex::new(r"\[\^[^\]]*\]").expect("footnote regex"));
    re.replace_all(&t, "").into_owned()
}

/// jekyll-titles-from-headings: a Markdown page without a title takes its
/// first heading's text (and loses the heading with `strip_title`).
pub fn titles_from_headings(site: &mut Site) {
    if matches!(
        option(site, "titles_from_headings", "enabled"),
        Some(Value::Bool(false))
    ) {
        return;
    }
    let collections = matches!(
        option(site, "titles_from_headings", "collections"),
        Some(Value::Bool(true))
    );
    let site_strip = matches!(
        option(site, "titles_from_headings", "strip_title"),
        Some(Value::Bool(true))
    );
    let engine = crate::convert::engine_for(site);
    let mut ctx = Context::new(&engine);
    let md = crate::convert::Markdown::new(&site.settings);
    let mut updates: Vec<(Slot, String, Option<String>)> = Vec::new();
    for (slot, doc) in targets(site, collections) {
        if !is_markdown(site, &doc.extname) {
            continue;
        }
        let has_title =
            matches!(doc.kind, Kind::Page) && doc.get("title").is_some_and(|t| !t.is_nil());
        if has_title {
            continue;
        }
        let Some(caps) = title_regex().captures(&doc.content) else {
            continue;
        };
        let raw = caps
            .get(1)
            .or_else(|| caps.get(2))
            .map(|m| m.as_str())
            .unwrap_or("");
        let title = strip_markup(site, &md, &mut ctx, raw);
        let strip = match doc.get("strip_title") {
            Some(v) => matches!(v, Value::Bool(true)),
            None => site_strip,
        };
        let content = strip.then(|| title_regex().replace(&doc.content, "").trim().to_string());
        updates.push((slot, title, content));
    }
    let sep = site.settings.excerpt_separator.clone();
    for (slot, title, content) in updates {
        if let Some(d) = slot_mut(site, slot) {
            d.data.insert(Value::str("title"), Value::str(title));
            if let Some(c) = content {
                d.content = c;
                if d.is_post() {
                    refresh_excerpt(d, &sep);
                }
            }
        }
    }
}

/// Where a document sits in the site: a page index or (collection, doc).
#[derive(Clone, Copy)]
enum Slot {
    Page(usize),
    Doc(usize, usize),
}

/// Pages, then (when `collections`) written collection documents.
fn targets(site: &Site, collections: bool) -> Vec<(Slot, &Arc<Document>)> {
    let mut out: Vec<(Slot, &Arc<Document>)> = site
        .pages
        .iter()
        .enumerate()
        .map(|(i, p)| (Slot::Page(i), p))
        .collect();
    if collections {
        for (ci, c) in site.collections.iter().enumerate() {
            for (di, d) in c.docs.iter().enumerate() {
                if d.write {
                    out.push((Slot::Doc(ci, di), d));
                }
            }
        }
    }
    out
}

/// A document's excerpt taken again from its (changed) content, as the
/// plugins do by making a new `Jekyll::Excerpt`.
fn refresh_excerpt(doc: &mut Document, site_separator: &str) {
    if doc.excerpt.is_none() {
        return;
    }
    let sep = doc
        .get("excerpt_separator")
        .map(Value::to_liquid_string)
        .unwrap_or_else(|| site_separator.to_string());
    if !sep.is_empty() {
        doc.excerpt = Some(crate::document::extract_excerpt(&doc.content, &sep));
    }
}

fn slot_mut(site: &mut Site, slot: Slot) -> Option<&mut Document> {
    let arc = match slot {
        Slot::Page(i) => site.pages.get_mut(i)?,
        Slot::Doc(c, d) => site.collections.get_mut(c)?.docs.get_mut(d)?,
    };
    Arc::get_mut(arc)
}

/// jekyll-default-layout: Markdown pages and posts without a layout get
/// `home` (the root index), `page`, `post` or `default`, whichever exists.
pub fn default_layout(site: &mut Site) {
    let exists = |name: &str| site.layouts.contains_key(name);
    let mut updates = Vec::new();
    let mut slots: Vec<(Slot, &Arc<Document>)> = site
        .pages
        .iter()
        .enumerate()
        .map(|(i, p)| (Slot::Page(i), p))
        .collect();
    if let Some(ci) = site.collections.iter().position(|c| c.label() == "posts") {
        slots.extend(
            site.collections[ci]
                .docs
                .iter()
                .enumerate()
                .map(|(di, d)| (Slot::Doc(ci, di), d)),
        );
    }
    for (slot, doc) in slots {
        if !is_markdown(site, &doc.extname) || doc.data.contains_key(&Value::str("layout")) {
            continue;
        }
        let layout = if doc.url == "/" && exists("home") {
            Some("home")
        } else if matches!(doc.kind, Kind::Page) && exists("page") {
            Some("page")
        } else if doc.is_post() && exists("post") {
            Some("post")
        } else if exists("default") {
            Some("default")
        } else {
            None
        };
        updates.push((slot, layout));
    }
    for (slot, layout) in updates {
        if let Some(d) = slot_mut(site, slot) {
            d.data.insert(
                Value::str("layout"),
                layout.map(Value::str).unwrap_or(Value::Nil),
            );
        }
    }
}

fn link_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let text = r"(.*?)";
        let frag = r"(#.+?|)?";
        let title = r#"([ \t\r\n\f\v]+"(?:\\"|[^"])*"|[ \t\r\n\f\v]+"(?:\\'|[^'])*')?"#;
        let inline = format!(r"\[{text}\]\(([^)]+?){frag}{title}\)");
        let reference = format!(r"^[ \t\r\n\f\v]*?\[{text}\]: (.+?){frag}{title}[ \t\r\n\f\v]*?$");
        Regex::new(&format!("(?m)({inline}|{reference})")).expect("link regex")
    })
}

/// `File.expand_path(rel, base)` relative to the source; `None` above it.
fn path_from_root(path: &str, base: &str) -> Option<String> {
    let absolute = path.starts_with('/');
    let path = path.strip_prefix('/').unwrap_or(path);
    let base = if absolute { "" } else { base };
    let mut parts: Vec<&str> = Vec::new();
    for seg in base.split('/').chain(path.split('/')) {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

/// `CGI.unescape`: `%XX` and `+`.
fn cgi_unescape(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = |c: u8| (c as char).to_digit(16);
                match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 3;
                        continue;
                    }
                    _ => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// jekyll-relative-links: Markdown links to source files become links to
/// their URLs (pages, and written documents with `collections: true`).
pub fn relative_links(site: &mut Site) {
    if matches!(
        option(site, "relative_links", "enabled"),
        Some(Value::Bool(false))
    ) {
        return;
    }
    let collections = matches!(
        option(site, "relative_links", "collections"),
        Some(Value::Bool(true))
    );
    // Targets: pages, static files, written documents, by relative path.
    let mut by_path: Vec<(String, String)> = Vec::new();
    for p in &site.pages {
        by_path.push((
            p.relative_path.trim_start_matches('/').to_string(),
            p.url.clone(),
        ));
    }
    for f in &site.static_files {
        by_path.push((
            f.relative_path.trim_start_matches('/').to_string(),
            f.url.clone(),
        ));
    }
    for c in &site.collections {
        for d in c.docs.iter().filter(|d| d.write) {
            by_path.push((
                d.relative_path.trim_start_matches('/').to_string(),
                d.url.clone(),
            ));
        }
    }
    let mut updates = Vec::new();
    for (slot, doc) in targets(site, collections) {
        if !is_markdown(site, &doc.extname) {
            continue;
        }
        let base = match doc.relative_path.rfind('/') {
            Some(i) => doc.relative_path[..i].to_string(),
            None => String::new(),
        };
        let new = replace_links(site, &doc.content, &base, &by_path);
        if new != doc.content {
            updates.push((slot, new));
        }
    }
    let sep = site.settings.excerpt_separator.clone();
    for (slot, content) in updates {
        if let Some(d) = slot_mut(site, slot) {
            d.content = content;
            refresh_excerpt(d, &sep);
        }
    }
}

fn replace_links(site: &Site, content: &str, base: &str, targets: &[(String, String)]) -> String {
    link_regex()
        .replace_all(content, |caps: &regex::Captures<'_>| {
            let original = caps.get(0).map(|m| m.as_str()).unwrap_or("").to_string();
            let inline = caps.get(2).is_some();
            let g = |i: usize| caps.get(if inline { i } else { i + 4 }).map(|m| m.as_str());
            let (text, path, fragment, title) = (
                g(2).unwrap_or(""),
                g(3).unwrap_or(""),
                g(4),
                g(5).unwrap_or(""),
            );
            if path.starts_with('#') || crate::liquid_ext::uri::is_absolute(path) {
                return original;
            }
            let Some(rel) = path_from_root(path, base) else {
                return original;
            };
            let rel = cgi_unescape(&rel);
            let Some((_, url)) = targets.iter().find(|(p, _)| *p == rel) else {
                return original;
            };
            let mut link = util::relative_url(site, url);
            if let Some(f) = fragment {
                link.push_str(f);
            }
            if inline {
                format!("[{text}]({link}{title})")
            } else {
                format!("\n[{text}]: {link}{title}")
            }
        })
        .into_owned()
}

/// The base URL mentions link to (`jekyll-mentions` / `jekyll-mentions.base_url`,
/// in the page's front matter or the configuration).
fn mention_base(site: &Site, doc: &Document) -> String {
    let setting = doc
        .get("jekyll-mentions")
        .or_else(|| util::config(site, "jekyll-mentions"));
    match setting {
        Some(Value::Str(s)) => s.to_string(),
        Some(Value::Hash(h)) => hyde_liquid::value::map_get(h, "base_url")
            .map(Value::to_liquid_string)
            .unwrap_or_else(|| "https://github.com".into()),
        _ => match (std::env::var("SSL"), std::env::var("GITHUB_HOSTNAME")) {
            (Ok(ssl), Ok(host)) if !ssl.is_empty() && !host.is_empty() => {
                let scheme = if ssl == "true" { "https://" } else { "http://" };
                format!("{scheme}{}", host.trim_end_matches('/'))
            }
            _ => "https://github.com".into(),
        },
    }
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The mentions in a text: (start of `@`, end of the name).
fn find_mentions(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'@' && (i == 0 || !is_word(b[i - 1])) && i + 1 < b.len() && is_word(b[i + 1]) {
            let mut j = i + 2;
            while j < b.len() && (is_word(b[j]) || b[j] == b'-') {
                j += 1;
            }
            // What may follow a name: the end, a non-word character other than
            // `.` and `/`, or dots followed by a non-word character or the end.
            let ok = match b.get(j) {
                None => true,
                Some(b'/') => false,
                Some(b'.') => {
                    let mut k = j;
                    while k < b.len() && b[k] == b'.' {
                        k += 1;
                    }
                    k == b.len() || b[k] == b'\n' || !is_word(b[k])
                }
                Some(&c) => !is_word(c),
            };
            if ok {
                out.push((i, j));
                i = j;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// jekyll-mentions: `@name` in text (outside `pre`, `code`, `a`, `style`,
/// `script`) links to the user's page. Like the plugin's HTML round trip, a
/// page it processes goes through the same HTML round trip (see `html_format`).
pub fn mentionify(site: &Site, doc: &Document, html: &str) -> String {
    if !html.contains('@') || matches!(doc.get("jekyll-mentions"), Some(Value::Bool(false))) {
        return html.to_string();
    }
    let base = mention_base(site, doc);
    let (head, body, tail) = super::html_format::split_body(html);
    if find_mentions(body).is_empty() {
        return html.to_string();
    }
    let body = body.to_string();
    let mut out = String::with_capacity(html.len() + 64);
    out.push_str(head);
    let mut ignored = 0usize;
    let mut rest = body.as_str();
    while !rest.is_empty() {
        if rest.starts_with('<') {
            let end = rest.find('>').map(|i| i + 1).unwrap_or(rest.len());
            let tag = &rest[..end];
            let name: String = tag
                .trim_start_matches('<')
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase();
            if matches!(name.as_str(), "pre" | "code" | "a" | "style" | "script")
                && !tag.ends_with("/>")
            {
                if tag.starts_with("</") {
                    ignored = ignored.saturating_sub(1);
                } else {
                    ignored += 1;
                }
            }
            out.push_str(tag);
            rest = &rest[end..];
            continue;
        }
        let end = rest.find('<').unwrap_or(rest.len());
        let text = &rest[..end];
        if ignored > 0 {
            out.push_str(text);
        } else {
            let mut copied = 0;
            for (s, e) in find_mentions(text) {
                let login = &text[s + 1..e];
                out.push_str(&text[copied..s]);
                out.push_str(&format!(
                    "<a href=\"{}/{login}\" class=\"user-mention\">@{login}</a>",
                    base.trim_end_matches('/')
                ));
                copied = e;
            }
            out.push_str(&text[copied..]);
        }
        rest = &rest[end..];
    }
    // The plugin prints the body (or the whole page) back through Nokogiri.
    let processed = super::html_format::round_trip(&out[head.len()..]);
    out.truncate(head.len());
    out.push_str(&processed);
    out.push_str(tail);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_regex_reads_atx_and_setext_headings() {
        let c = title_regex().captures("# Project readme\n\nText").unwrap();
        assert_eq!(c.get(1).unwrap().as_str(), "Project readme");
        let c = title_regex()
            .captures("Introduction\n============\n\nText")
            .unwrap();
        assert_eq!(c.get(2).unwrap().as_str(), "Introduction");
        assert!(title_regex().captures("#### Too deep\n").is_none());
    }

    #[test]
    fn relative_paths_resolve_from_the_document_folder() {
        assert_eq!(
            path_from_root("../README.md", "guide").as_deref(),
            Some("README.md")
        );
        assert_eq!(
            path_from_root("/guide/intro.md", "_posts").as_deref(),
            Some("guide/intro.md")
        );
        assert_eq!(path_from_root("../../x.md", "a"), None);
        assert_eq!(cgi_unescape("a%20b+c"), "a b c");
    }

    #[test]
    fn mentions_follow_the_plugin_pattern() {
        let t = "Thanks @octocat and @jekyll/core! me@example.com @end.";
        let found: Vec<&str> = find_mentions(t)
            .iter()
            .map(|(s, e)| &t[s + 1..*e])
            .collect();
        assert_eq!(found, vec!["octocat", "end"]);
    }
}
