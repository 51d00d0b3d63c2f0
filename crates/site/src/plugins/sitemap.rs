//! jekyll-sitemap 1.4: `sitemap.xml` (output collections' documents, HTML
//! pages, and static `.htm/.html/.xhtml/.pdf` files) and `robots.txt`, unless
//! the site has its own.
//!
//! The pages are generated after reading and filled while pages render (the
//! `jekyll_sitemap` tag), so they see every page the other generators added
//! and format dates and URLs with Jekyll's own filters.

use hyde_liquid::{Body, Context, Error, Render, Tag, TagInput, Value};

use super::util::{self, filter, filter_str, get, is_false, var};
use crate::liquid_ext::host::site_ref;
use crate::liquid_ext::ruby;
use crate::liquid_ext::text::xml_escape;
use crate::liquid_ext::url::absolute_url_value;
use crate::site::Site;

/// Extensions of static files the sitemap lists.
const STATIC_EXTENSIONS: &[&str] = &[".htm", ".html", ".xhtml", ".pdf"];

/// Adds `sitemap.xml` and `robots.txt` unless a page or static file already has that URL.
pub fn generate(site: &mut Site) -> crate::error::Result<()> {
    let exists = |site: &Site, url: &str| {
        site.pages.iter().any(|p| p.url == url) || site.static_files.iter().any(|f| f.url == url)
    };
    let xsl = exists(site, "/sitemap.xsl");
    let make_sitemap = !exists(site, "/sitemap.xml");
    let make_robots = !exists(site, "/robots.txt");
    if make_sitemap {
        let data = util::hash(vec![("layout", Value::Nil), ("xsl", Value::Bool(xsl))]);
        let page =
            util::page_without_file(site, "sitemap.xml", data, "{% jekyll_sitemap %}".into())?;
        site.pages.push(page.into());
    }
    if make_robots {
        let data = util::hash(vec![("layout", Value::Nil)]);
        let page = util::page_without_file(site, "robots.txt", data, "{% jekyll_robots %}".into())?;
        site.pages.push(page.into());
    }
    Ok(())
}

/// The tags that fill the generated pages.
pub fn register(engine: &mut hyde_liquid::Engine) {
    engine.register_tag("jekyll_sitemap", SitemapTag);
    engine.register_tag("jekyll_robots", RobotsTag);
}

struct SitemapTag;
struct RobotsTag;
struct SitemapNode;
struct RobotsNode;

impl Tag for SitemapTag {
    fn parse(&self, _tag: TagInput<'_>, _body: Body) -> Result<Box<dyn Render>, Error> {
        Ok(Box::new(SitemapNode))
    }
}

impl Tag for RobotsTag {
    fn parse(&self, _tag: TagInput<'_>, _body: Body) -> Result<Box<dyn Render>, Error> {
        Ok(Box::new(RobotsNode))
    }
}

impl Render for RobotsNode {
    fn render(&self, ctx: &mut Context, out: &mut String) -> Result<(), Error> {
        out.push_str("Sitemap: ");
        out.push_str(&filter_str(ctx, "absolute_url", "sitemap.xml")?);
        out.push('\n');
        Ok(())
    }
}

/// `url | replace: '/index.html', '/' | absolute_url | xml_escape`, with
/// Jekyll's filters called directly (one entry per document and page).
fn loc(ctx: &Context, url: &Value) -> Result<String, Error> {
    let url = url.to_liquid_string().replace("/index.html", "/");
    let abs = absolute_url_value(site_ref(ctx)?, &Value::from(url))?;
    Ok(match &abs {
        Value::Str(s) => xml_escape(s),
        other => xml_escape(&ruby::to_s(other)),
    })
}

fn entry(
    ctx: &mut Context,
    out: &mut String,
    url: &Value,
    lastmod: Option<Value>,
) -> Result<(), Error> {
    out.push_str("<url>\n<loc>");
    out.push_str(&loc(ctx, url)?);
    out.push_str("</loc>\n");
    if let Some(t) = lastmod {
        out.push_str("<lastmod>");
        out.push_str(&filter(ctx, "date_to_xmlschema", &t, &[])?.to_liquid_string());
        out.push_str("</lastmod>\n");
    }
    out.push_str("</url>\n");
    Ok(())
}

fn list(v: &Value) -> Vec<Value> {
    match v {
        Value::Array(a) => a.to_vec(),
        Value::Object(o) => match o.to_array() {
            Some(Value::Array(a)) => a.to_vec(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

impl Render for SitemapNode {
    fn render(&self, ctx: &mut Context, out: &mut String) -> Result<(), Error> {
        let site = var(ctx, "site");
        let page = var(ctx, "page");
        out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        if get(&page, "xsl").is_truthy() {
            let href = filter_str(ctx, "absolute_url", "/sitemap.xsl")?;
            out.push_str(&format!(
                "<?xml-stylesheet type=\"text/xsl\" href=\"{href}\"?>\n"
            ));
        }
        out.push_str(concat!(
            "<urlset xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ",
            "xsi:schemaLocation=\"http://www.sitemaps.org/schemas/sitemap/0.9 ",
            "http://www.sitemaps.org/schemas/sitemap/0.9/sitemap.xsd\" ",
            "xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        ));
        for coll in list(&get(&site, "collections")) {
            if is_false(&get(&coll, "output")) {
                continue;
            }
            for doc in list(&get(&coll, "docs")) {
                if is_false(&get(&doc, "sitemap")) {
                    continue;
                }
                let modified = get(&doc, "last_modified_at");
                let date = get(&doc, "date");
                let lastmod = if modified.is_truthy() || date.is_truthy() {
                    Some(util::or_default(modified, date))
                } else {
                    None
                };
                entry(ctx, out, &get(&doc, "url"), lastmod)?;
            }
        }
        for p in list(&get(&site, "html_pages")) {
            let url = get(&p, "url");
            if is_false(&get(&p, "sitemap")) || url.as_str() == Some("/404.html") {
                continue;
            }
            let modified = get(&p, "last_modified_at");
            let lastmod = modified.is_truthy().then_some(modified);
            entry(ctx, out, &url, lastmod)?;
        }
        for f in list(&get(&site, "static_files")) {
            let ext = get(&f, "extname").to_liquid_string();
            if !STATIC_EXTENSIONS.contains(&ext.as_str())
                || is_false(&get(&f, "sitemap"))
                || get(&f, "name").as_str() == Some("404.html")
            {
                continue;
            }
            entry(ctx, out, &get(&f, "path"), Some(get(&f, "modified_time")))?;
        }
        out.push_str("</urlset>\n");
        Ok(())
    }
}
