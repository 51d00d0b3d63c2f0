//! jekyll-seo-tag 2.8: `{% seo %}` (and `{% seo title=false %}`) prints the
//! title, description, canonical URL, Open Graph and Twitter metadata,
//! verification tags and a JSON-LD object for the page being rendered.
//!
//! Each text goes through the plugin's clean-up (`markdownify`, `strip_html`,
//! `normalize_whitespace`, `escape_once`, using the engine's filters) and is
//! then printed as is, as the plugin's template prints it.

use hyde_liquid::{Body, Context, Engine, Error, Map, Render, Tag, TagInput, Value};

use super::util::{filter, get, var};

/// The plugin version printed in the opening comment.
const VERSION: &str = "2.8.0";

/// Registers `seo`.
pub fn register(engine: &mut Engine) {
    engine.register_tag("seo", SeoTag);
}

struct SeoTag;

struct SeoNode {
    show_title: bool,
}

impl Tag for SeoTag {
    fn parse(&self, tag: TagInput<'_>, _body: Body) -> Result<Box<dyn Render>, Error> {
        let show_title = !tag.markup.to_ascii_lowercase().contains("title=false");
        Ok(Box::new(SeoNode { show_title }))
    }
}

/// A Ruby truthy test (`nil` and `false` are false).
fn present(v: &Value) -> bool {
    v.is_truthy()
}

fn opt(v: Value) -> Option<Value> {
    present(&v).then_some(v)
}

fn hash_or_empty(v: Value) -> Value {
    if matches!(v, Value::Hash(_)) {
        v
    } else {
        Value::Nil
    }
}

/// What the tag works out for one page.
struct Seo<'c> {
    ctx: &'c mut Context,
    site: Value,
    page: Value,
}

impl Seo<'_> {
    fn f(&mut self, name: &str, v: &Value) -> Result<Value, Error> {
        filter(self.ctx, name, v, &[])
    }

    /// The plugin's `format_string`: `None` when the result is empty.
    fn format(&mut self, v: &Value) -> Result<Option<String>, Error> {
        let mut cur = v.clone();
        for name in [
            "markdownify",
            "strip_html",
            "normalize_whitespace",
            "escape_once",
        ] {
            cur = self.f(name, &cur)?;
        }
        let s = cur.to_liquid_string();
        Ok((!s.is_empty()).then_some(s))
    }

    fn format_opt(&mut self, v: Value) -> Result<Option<String>, Error> {
        match opt(v) {
            Some(v) => self.format(&v),
            None => self.format(&Value::Nil),
        }
    }

    fn site_title(&mut self) -> Result<Option<String>, Error> {
        let t = get(&self.site, "title");
        let t = if present(&t) {
            t
        } else {
            get(&self.site, "name")
        };
        self.format_opt(t)
    }

    fn page_title(&mut self, site_title: &Option<String>) -> Result<Option<String>, Error> {
        let t = get(&self.page, "title");
        Ok(self.format_opt(t)?.or_else(|| site_title.clone()))
    }

    fn homepage_or_about(&self) -> bool {
        let url = get(&self.page, "url").to_liquid_string();
        let rest = url.strip_prefix('/');
        let Some(rest) = rest else { return false };
        let rest = rest.strip_prefix("about/").unwrap_or(rest);
        matches!(rest, "" | "index.htm" | "index.html")
    }
}

/// The resolved author hash (`AuthorDrop#author_hash`).
fn author_hash(site: &Value, page: &Value) -> Map {
    let mut sources = vec![get(page, "author")];
    if let Value::Array(a) = get(page, "authors") {
        sources.push(a.first().cloned().unwrap_or(Value::Nil));
    }
    sources.push(get(site, "author"));
    let resolved = sources
        .into_iter()
        .find(|s| !s.is_nil() && !s.to_liquid_string().is_empty());
    match resolved {
        Some(Value::Hash(h)) => (*h).clone(),
        Some(Value::Str(name)) => {
            let mut m = Map::new();
            m.insert(Value::str("name"), Value::Str(name.clone()));
            if let Value::Hash(authors) = super::util::dig(site, &["data", "authors"]) {
                if let Some(Value::Hash(extra)) = authors.get(&Value::Str(name)) {
                    for (k, v) in extra.iter() {
                        m.insert(k.clone(), v.clone());
                    }
                }
            }
            m
        }
        Some(Value::Object(o)) => match o.to_value() {
            Value::Hash(h) => (*h).clone(),
            _ => Map::new(),
        },
        _ => Map::new(),
    }
}

fn map_str(m: &Map, key: &str) -> Value {
    m.get(&Value::str(key)).cloned().unwrap_or(Value::Nil)
}

/// Whether Addressable would call the string an absolute URI (it has a scheme).
fn is_absolute(s: &str) -> bool {
    crate::liquid_ext::uri::is_absolute(s)
}

impl Render for SeoNode {
    fn render(&self, ctx: &mut Context, out: &mut String) -> Result<(), Error> {
        let site = var(ctx, "site");
        let page = var(ctx, "page");
        let paginator = var(ctx, "paginator");
        let jekyll_version = get(&var(ctx, "jekyll"), "version").to_liquid_string();
        let mut s = Seo {
            ctx,
            site: site.clone(),
            page: page.clone(),
        };

        let site_title = s.site_title()?;
        let tagline = s.format_opt(get(&site, "tagline"))?;
        let site_description = s.format_opt(get(&site, "description"))?;
        let page_title = s.page_title(&site_title)?;
        let mut title = match (&site_title, &page_title) {
            (Some(st), Some(pt)) if pt != st => Some(format!("{pt} | {st}")),
            (Some(st), _) if site_description.is_some() => Some(format!(
                "{st} | {}",
                tagline
                    .clone()
                    .or_else(|| site_description.clone())
                    .unwrap_or_default()
            )),
            _ => page_title.clone().or_else(|| site_title.clone()),
        };
        let current = get(&paginator, "page");
        if present(&paginator) && present(&current) {
            if let Value::Int(n) = current {
                if n > 1 {
                    let total = get(&paginator, "total_pages").to_liquid_string();
                    let msg = get(&site, "seo_paginator_message");
                    let prefix = if present(&msg) {
                        msg.to_liquid_string()
                            .replace("%<current>s", &n.to_string())
                            .replace("%<total>s", &total)
                    } else {
                        format!("Page {n} of {total} for ")
                    };
                    title = title.map(|t| format!("{prefix}{t}"));
                }
            }
        }
        let page_seo = hash_or_empty(get(&page, "seo"));
        let social = hash_or_empty(get(&site, "social"));
        let home = s.homepage_or_about();
        let seo_name = get(&page_seo, "name");
        let name = if present(&seo_name) {
            s.format(&seo_name)?
        } else if !home {
            None
        } else if present(&get(&social, "name")) {
            s.format(&get(&social, "name"))?
        } else {
            site_title.clone()
        };
        let desc_src = {
            let d = get(&page, "description");
            if present(&d) {
                d
            } else {
                get(&page, "excerpt")
            }
        };
        let description = s.format_opt(desc_src)?.or_else(|| site_description.clone());
        let author = author_hash(&site, &page);
        let author_name = map_str(&author, "name");
        let author_twitter = {
            let t = map_str(&author, "twitter");
            let t = if present(&t) { t } else { author_name.clone() };
            match t {
                Value::Str(x) => Some(x.strip_prefix('@').unwrap_or(&x).to_string()),
                _ => None,
            }
        };
        let lang = [get(&page, "lang"), get(&site, "lang")]
            .into_iter()
            .find(present)
            .unwrap_or(Value::str("en_US"));
        let locale = [get(&page, "locale"), get(&site, "locale")]
            .into_iter()
            .find(present)
            .unwrap_or(lang);
        let locale = locale.to_liquid_string().replace('-', "_");
        let canonical = {
            let c = get(&page, "canonical_url");
            if c.is_nil() || c.to_liquid_string().is_empty() {
                let abs = s.f("absolute_url", &get(&page, "url"))?.to_liquid_string();
                match abs.strip_suffix("/index.html") {
                    Some(head) => format!("{head}/"),
                    None => abs,
                }
            } else {
                c.to_liquid_string()
            }
        };
        // The image: a string, or a hash with `path` (or `facebook`/`twitter`).
        let image_meta = get(&page, "image");
        let mut image_hash = Map::new();
        image_hash.insert(Value::str("path"), Value::Nil);
        match &image_meta {
            Value::Hash(h) => {
                for (k, v) in h.iter() {
                    image_hash.insert(k.clone(), v.clone());
                }
            }
            Value::Str(p) => {
                image_hash.insert(Value::str("path"), Value::Str(p.clone()));
            }
            _ => {}
        }
        let raw_path = ["path", "facebook", "twitter"]
            .iter()
            .map(|k| map_str(&image_hash, k))
            .find(present);
        let image_path = match raw_path {
            None => None,
            Some(raw) => {
                let abs = match &raw {
                    Value::Str(p) if !is_absolute(p) => s.f("absolute_url", &raw)?,
                    _ => raw.clone(),
                };
                if present(&abs) {
                    Some(s.f("uri_escape", &abs)?.to_liquid_string())
                } else {
                    None
                }
            }
        };
        let image_field = |k: &str| map_str(&image_hash, k);
        let date = get(&page, "date");
        let date_xml = if present(&date) {
            Some(s.f("date_to_xmlschema", &date)?.to_liquid_string())
        } else {
            None
        };
        let modified = [
            get(&page_seo, "date_modified"),
            get(&page, "last_modified_at"),
            date.clone(),
        ]
        .into_iter()
        .find(present);
        let date_modified = match modified {
            Some(m) => Some(s.f("date_to_xmlschema", &m)?.to_liquid_string()),
            None => None,
        };
        let seo_type = get(&page_seo, "type");
        let kind = if present(&seo_type) {
            seo_type.to_liquid_string()
        } else if home {
            "WebSite".into()
        } else if present(&date) {
            "BlogPosting".into()
        } else {
            "WebPage".into()
        };
        let links = {
            let l = get(&page_seo, "links");
            if present(&l) {
                Some(l)
            } else if home && present(&get(&social, "links")) {
                Some(get(&social, "links"))
            } else {
                None
            }
        };
        let logo = {
            let l = get(&site, "logo");
            if present(&l) {
                let abs = if is_absolute(&l.to_liquid_string()) {
                    l
                } else {
                    s.f("absolute_url", &l)?
                };
                Some(s.f("uri_escape", &abs)?.to_liquid_string())
            } else {
                None
            }
        };
        let twitter_cfg = get(&site, "twitter");
        let twitter_card = {
            let pc = super::util::dig(&page, &["twitter", "card"]);
            let sc = super::util::dig(&site, &["twitter", "card"]);
            super::util::or_default(
                super::util::or_default(pc, sc),
                Value::str("summary_large_image"),
            )
        };
        let username = get(&twitter_cfg, "username");
        let username = s.ctx_remove_at(&username)?;

        // Output, one element per line.
        let mut lines: Vec<String> = vec![format!("<!-- Begin Jekyll SEO tag v{VERSION} -->")];
        let t = title.clone();
        if self.show_title {
            if let Some(t) = &t {
                lines.push(format!("<title>{t}</title>"));
            }
        }
        lines.push(format!(
            "<meta name=\"generator\" content=\"Jekyll v{jekyll_version}\" />"
        ));
        if let Some(pt) = &page_title {
            lines.push(format!("<meta property=\"og:title\" content=\"{pt}\" />"));
        }
        if present(&author_name) {
            lines.push(format!(
                "<meta name=\"author\" content=\"{}\" />",
                author_name.to_liquid_string()
            ));
        }
        lines.push(format!(
            "<meta property=\"og:locale\" content=\"{locale}\" />"
        ));
        if let Some(d) = &description {
            lines.push(format!("<meta name=\"description\" content=\"{d}\" />"));
            lines.push(format!(
                "<meta property=\"og:description\" content=\"{d}\" />"
            ));
        }
        if present(&get(&site, "url")) {
            lines.push(format!("<link rel=\"canonical\" href=\"{canonical}\" />"));
            lines.push(format!(
                "<meta property=\"og:url\" content=\"{canonical}\" />"
            ));
        }
        if let Some(st) = &site_title {
            lines.push(format!(
                "<meta property=\"og:site_name\" content=\"{st}\" />"
            ));
        }
        if let Some(p) = &image_path {
            lines.push(format!("<meta property=\"og:image\" content=\"{p}\" />"));
            for (k, prop) in [
                ("height", "og:image:height"),
                ("width", "og:image:width"),
                ("alt", "og:image:alt"),
            ] {
                let v = image_field(k);
                if present(&v) {
                    lines.push(format!(
                        "<meta property=\"{prop}\" content=\"{}\" />",
                        v.to_liquid_string()
                    ));
                }
            }
        }
        match &date_xml {
            Some(d) => {
                lines.push("<meta property=\"og:type\" content=\"article\" />".into());
                lines.push(format!(
                    "<meta property=\"article:published_time\" content=\"{d}\" />"
                ));
            }
            None => lines.push("<meta property=\"og:type\" content=\"website\" />".into()),
        }
        for (key, path_key, rel) in [
            ("previous_page", "previous_page_path", "prev"),
            ("next_page", "next_page_path", "next"),
        ] {
            if present(&get(&paginator, key)) {
                let href = s
                    .f("absolute_url", &get(&paginator, path_key))?
                    .to_liquid_string();
                lines.push(format!("<link rel=\"{rel}\" href=\"{href}\" />"));
            }
        }
        match &image_path {
            Some(p) => {
                lines.push(format!(
                    "<meta name=\"twitter:card\" content=\"{}\" />",
                    twitter_card.to_liquid_string()
                ));
                lines.push(format!(
                    "<meta property=\"twitter:image\" content=\"{p}\" />"
                ));
            }
            None => lines.push("<meta name=\"twitter:card\" content=\"summary\" />".into()),
        }
        if image_path.is_some() && present(&image_field("alt")) {
            lines.push(format!(
                "<meta name=\"twitter:image:alt\" content=\"{}\" />",
                image_field("alt").to_liquid_string()
            ));
        }
        if let Some(pt) = &page_title {
            lines.push(format!(
                "<meta property=\"twitter:title\" content=\"{pt}\" />"
            ));
        }
        if present(&twitter_cfg) {
            lines.push(format!(
                "<meta name=\"twitter:site\" content=\"@{username}\" />"
            ));
            if let Some(tw) = &author_twitter {
                if !tw.is_empty() || present(&Value::str(tw.as_str())) {
                    lines.push(format!(
                        "<meta name=\"twitter:creator\" content=\"@{}\" />",
                        tw.replace('@', "")
                    ));
                }
            }
        }
        let fb = get(&site, "facebook");
        if present(&fb) {
            for (k, line) in [
                ("admins", "<meta property=\"fb:admins\" content=\"{}\" />"),
                (
                    "publisher",
                    "<meta property=\"article:publisher\" content=\"{}\" />",
                ),
                ("app_id", "<meta property=\"fb:app_id\" content=\"{}\" />"),
            ] {
                let v = get(&fb, k);
                if present(&v) {
                    lines.push(line.replace("{}", &v.to_liquid_string()));
                }
            }
        }
        let wv = get(&site, "webmaster_verifications");
        if present(&wv) {
            for (k, name) in [
                ("google", "google-site-verification"),
                ("bing", "msvalidate.01"),
                ("alexa", "alexaVerifyID"),
                ("yandex", "yandex-verification"),
                ("baidu", "baidu-site-verification"),
                ("facebook", "facebook-domain-verification"),
            ] {
                let v = get(&wv, k);
                if present(&v) {
                    lines.push(format!(
                        "<meta name=\"{name}\" content=\"{}\" />",
                        v.to_liquid_string()
                    ));
                }
            }
        } else {
            let g = get(&site, "google_site_verification");
            if present(&g) {
                lines.push(format!(
                    "<meta name=\"google-site-verification\" content=\"{}\" />",
                    g.to_liquid_string()
                ));
            }
        }

        // JSON-LD: keys sorted, nils left out.
        let mut ld: Vec<(&str, Value)> = vec![
            ("@context", Value::str("https://schema.org")),
            ("@type", Value::str(kind.as_str())),
        ];
        let author_type = map_str(&author, "type");
        let valid_type = !present(&author_type)
            || matches!(author_type.as_str(), Some("Organization" | "Person"));
        if present(&author_name) && valid_type {
            let mut a = Map::new();
            a.insert(
                Value::str("@type"),
                if present(&author_type) {
                    author_type.clone()
                } else {
                    Value::str("Person")
                },
            );
            a.insert(Value::str("name"), author_name.clone());
            let url = map_str(&author, "url");
            if present(&url) {
                a.insert(Value::str("url"), url);
            }
            ld.push(("author", Value::hash(a)));
        }
        if let Some(d) = &date_modified {
            ld.push(("dateModified", Value::str(d.as_str())));
        }
        if let Some(d) = &date_xml {
            ld.push(("datePublished", Value::str(d.as_str())));
        }
        if let Some(d) = &description {
            ld.push(("description", Value::str(d.as_str())));
        }
        if let Some(pt) = &page_title {
            ld.push(("headline", Value::str(pt.as_str())));
        }
        if let Some(p) = &image_path {
            if image_hash.len() == 1 {
                ld.push(("image", Value::str(p.as_str())));
            } else {
                let mut h = Map::new();
                for (k, v) in image_hash.iter() {
                    if k.as_str() != Some("path") {
                        h.insert(k.clone(), v.clone());
                    }
                }
                h.insert(Value::str("url"), Value::str(p.as_str()));
                h.insert(Value::str("@type"), Value::str("imageObject"));
                ld.push(("image", Value::hash(h)));
            }
        }
        if matches!(kind.as_str(), "BlogPosting" | "CreativeWork") {
            let mut m = Map::new();
            m.insert(Value::str("@type"), Value::str("WebPage"));
            m.insert(Value::str("@id"), Value::str(canonical.as_str()));
            ld.push(("mainEntityOfPage", Value::hash(m)));
        }
        if let Some(n) = &name {
            ld.push(("name", Value::str(n.as_str())));
        }
        if let Some(l) = &logo {
            let mut logo_obj = Map::new();
            logo_obj.insert(Value::str("@type"), Value::str("ImageObject"));
            logo_obj.insert(Value::str("url"), Value::str(l.as_str()));
            let mut p = Map::new();
            p.insert(Value::str("@type"), Value::str("Organization"));
            p.insert(Value::str("logo"), Value::hash(logo_obj));
            if present(&author_name) {
                p.insert(Value::str("name"), author_name.clone());
            }
            ld.push(("publisher", Value::hash(p)));
        }
        if let Some(l) = links {
            ld.push(("sameAs", l));
        }
        ld.push(("url", Value::str(canonical.as_str())));
        ld.sort_by(|a, b| a.0.cmp(b.0));
        let mut m = Map::new();
        for (k, v) in ld {
            m.insert(Value::str(k), v);
        }
        let json = crate::liquid_ext::json::to_json(&Value::hash(m))?;
        lines.push("<script type=\"application/ld+json\">".into());
        let script = format!("{json}</script>");
        lines.push(script);
        lines.push("<!-- End Jekyll SEO tag -->".into());
        for l in lines {
            out.push_str(&l);
            out.push('\n');
        }
        Ok(())
    }
}

impl Seo<'_> {
    /// `x | remove: '@'`.
    fn ctx_remove_at(&mut self, v: &Value) -> Result<String, Error> {
        Ok(v.to_liquid_string().replace('@', ""))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn author_from_data_file_merges_over_name() {
        let mut ada = Map::new();
        ada.insert(Value::str("name"), Value::str("Ada Lovelace"));
        let mut authors = Map::new();
        authors.insert(Value::str("ada"), Value::hash(ada));
        let mut data = Map::new();
        data.insert(Value::str("authors"), Value::hash(authors));
        let mut site = Map::new();
        site.insert(Value::str("data"), Value::hash(data));
        let mut page = Map::new();
        page.insert(Value::str("author"), Value::str("ada"));
        let a = author_hash(&Value::hash(site), &Value::hash(page));
        assert_eq!(map_str(&a, "name").to_liquid_string(), "Ada Lovelace");
    }
}
