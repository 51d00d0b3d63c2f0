//! jekyll-feed 0.17: an Atom feed of the latest posts (`feed.xml` or
//! `feed.path`), one per listed category, per configured collection and per
//! tag, and the `{% feed_meta %}` tag.
//!
//! Feed pages are generated after reading and filled while pages render
//! (the `jekyll_feed` tag), when posts show their converted content, as in
//! Jekyll. Text goes through the engine's Jekyll filters (`smartify`,
//! `strip_html`, `xml_escape`, `absolute_url`, …) so it is escaped as the
//! plugin's template escapes it.

use hyde_liquid::value::map_get;
use hyde_liquid::{Body, Context, Engine, Error, Map, Render, Tag, TagInput, Value};

use super::util::{self, dig, filter, get, or_default, var};
use crate::site::Site;

/// One feed to generate.
#[derive(Debug, Clone, PartialEq)]
struct FeedSpec {
    path: String,
    collection: String,
    category: Option<String>,
    tag: Option<String>,
}

fn feed_config(site: &Site) -> Map {
    match util::config(site, "feed") {
        Some(Value::Hash(h)) => (**h).clone(),
        _ => Map::new(),
    }
}

fn str_list(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::Array(a)) => a.iter().map(Value::to_liquid_string).collect(),
        Some(Value::Nil) | None => Vec::new(),
        Some(v) => vec![v.to_liquid_string()],
    }
}

/// The feeds the configuration asks for, in the plugin's order.
fn feeds(site: &Site, tags: &[String]) -> Vec<FeedSpec> {
    let cfg = feed_config(site);
    // collection name -> (path, categories)
    let mut colls: Vec<(String, Option<String>, Vec<String>)> = match map_get(&cfg, "collections") {
        Some(Value::Array(a)) => a
            .iter()
            .map(|c| (c.to_liquid_string(), None, Vec::new()))
            .collect(),
        Some(Value::Hash(h)) => h
            .iter()
            .map(|(k, meta)| {
                let path = meta
                    .get("path")
                    .filter(|v| !v.is_nil())
                    .map(|v| v.to_liquid_string());
                let cats = str_list(meta.get("categories").as_ref());
                (k.to_liquid_string(), path, cats)
            })
            .collect(),
        _ => Vec::new(),
    };
    if !colls.iter().any(|(n, _, _)| n == "posts") {
        colls.push(("posts".into(), None, Vec::new()));
    }
    for c in colls.iter_mut().filter(|c| c.0 == "posts") {
        if c.1.is_none() {
            c.1 = map_get(&cfg, "path")
                .filter(|v| !v.is_nil())
                .map(Value::to_liquid_string);
        }
        if c.2.is_empty() {
            c.2 = str_list(map_get(&cfg, "categories"));
        }
    }
    let mut out = Vec::new();
    for (name, path, cats) in &colls {
        let prefix = if name == "posts" {
            "/feed".to_string()
        } else {
            format!("/feed/{name}")
        };
        let mut seen: Vec<&String> = Vec::new();
        for cat in cats {
            if seen.contains(&cat) {
                continue;
            }
            seen.push(cat);
            out.push(FeedSpec {
                path: format!("{prefix}/{cat}.xml"),
                collection: name.clone(),
                category: Some(cat.clone()),
                tag: None,
            });
        }
        out.push(FeedSpec {
            path: path.clone().unwrap_or_else(|| format!("{prefix}.xml")),
            collection: name.clone(),
            category: None,
            tag: None,
        });
    }
    if let Some(tcfg) = map_get(&cfg, "tags").filter(|v| v.is_truthy()) {
        if !tags.is_empty() {
            let h = match tcfg {
                Value::Hash(h) => (**h).clone(),
                _ => Map::new(),
            };
            let except = str_list(map_get(&h, "except"));
            let only = match map_get(&h, "only") {
                Some(v) if !v.is_nil() => str_list(Some(v)),
                _ => tags.to_vec(),
            };
            let path = map_get(&h, "path")
                .filter(|v| !v.is_nil())
                .map(Value::to_liquid_string);
            let path = path.unwrap_or_else(|| "/feed/by_tag/".into());
            for tag in only.iter().filter(|t| !except.contains(t)) {
                if tag.is_empty() || !tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                    continue;
                }
                out.push(FeedSpec {
                    path: format!("{path}{tag}.xml"),
                    collection: "posts".into(),
                    category: None,
                    tag: Some(tag.clone()),
                });
            }
        }
    }
    out
}

/// The site's tags, in the order `site.tags` lists them.
fn site_tags(site: &Site) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for p in site.posts() {
        if let Some(Value::Array(tags)) = p.get("tags") {
            for t in tags.iter() {
                let t = t.to_liquid_string();
                if !out.contains(&t) {
                    out.push(t);
                }
            }
        }
    }
    out
}

/// Adds the feed pages.
pub fn generate(site: &mut Site) -> crate::error::Result<()> {
    let cfg = feed_config(site);
    let note = |site: &mut Site, message: String| {
        site.notes.push(("Jekyll Feed:".into(), message));
    };
    if map_get(&cfg, "disable_in_development").is_some_and(Value::is_truthy)
        && site.environment == "development"
    {
        note(site, "Skipping feed generation in development".into());
        return Ok(());
    }
    let xsl = util::source_has(site, "feed.xslt.xml");
    let tags = site_tags(site);
    let mut collection = String::new();
    for spec in feeds(site, &tags) {
        // The plugin logs each collection before its feeds, and each tag
        // feed, whether or not a source file takes the feed's place.
        if let Some(tag) = &spec.tag {
            note(site, format!("Generating feed for posts tagged {tag}"));
        } else if collection != spec.collection {
            collection.clone_from(&spec.collection);
            note(site, format!("Generating feed for {collection}"));
        }
        if util::source_has(site, &spec.path) {
            continue;
        }
        let opt = |v: &Option<String>| v.as_deref().map(Value::str).unwrap_or(Value::Nil);
        let data = util::hash(vec![
            ("layout", Value::Nil),
            ("sitemap", Value::Bool(false)),
            ("xsl", Value::Bool(xsl)),
            ("collection", Value::str(spec.collection.as_str())),
            ("category", opt(&spec.category)),
            ("tags", opt(&spec.tag)),
        ]);
        let mut page = util::page_without_file(site, &spec.path, data, "{% jekyll_feed %}".into())?;
        // jekyll-feed hands the path itself to `PageWithoutAFile` as the
        // name, so `page.name` keeps its leading slash (`/feed.xml`).
        page.name = spec.path.clone();
        site.pages.push(page.into());
    }
    Ok(())
}

/// Registers `{% feed_meta %}` (when the plugin is on) and the feed body tag.
pub fn register(engine: &mut Engine, site: &Site) {
    engine.register_tag("jekyll_feed", FeedTag);
    if super::is_enabled(site, super::Plugin::Feed) {
        engine.register_tag("feed_meta", MetaTag);
    }
}

struct FeedTag;
struct FeedNode;
struct MetaTag;
struct MetaNode;

impl Tag for FeedTag {
    fn parse(&self, _tag: TagInput<'_>, _body: Body) -> Result<Box<dyn Render>, Error> {
        Ok(Box::new(FeedNode))
    }
}

impl Tag for MetaTag {
    fn parse(&self, _tag: TagInput<'_>, _body: Body) -> Result<Box<dyn Render>, Error> {
        Ok(Box::new(MetaNode))
    }
}

/// Ruby's `String#encode(xml: :attr)`: escaped and in double quotes.
pub fn xml_attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

impl Render for MetaNode {
    fn render(&self, ctx: &mut Context, out: &mut String) -> Result<(), Error> {
        let site = var(ctx, "site");
        let path = dig(&site, &["feed", "path"]);
        let path = if path.is_truthy() {
            path
        } else {
            Value::str("feed.xml")
        };
        let title = or_nil(get(&site, "title"), get(&site, "name"));
        let href = filter(ctx, "absolute_url", &path, &[])?.to_liquid_string();
        out.push_str("<link type=");
        out.push_str(&xml_attr("application/atom+xml"));
        out.push_str(" rel=");
        out.push_str(&xml_attr("alternate"));
        out.push_str(" href=");
        out.push_str(&xml_attr(&href));
        if title.is_truthy() {
            out.push_str(" title=");
            out.push_str(&xml_attr(&title.to_liquid_string()));
        }
        out.push_str(" />");
        Ok(())
    }
}

/// Ruby's `a || b`.
fn or_nil(a: Value, b: Value) -> Value {
    if a.is_truthy() {
        a
    } else {
        b
    }
}

fn s(ctx: &mut Context, name: &str, v: &Value) -> Result<String, Error> {
    Ok(filter(ctx, name, v, &[])?.to_liquid_string())
}

/// Applies filters in turn.
fn chain(ctx: &mut Context, v: &Value, names: &[&str]) -> Result<Value, Error> {
    let mut cur = v.clone();
    for n in names {
        cur = match filter(ctx, n, &cur, &[]) {
            Ok(x) => x,
            // smartify needs the Markdown converter; without it, keep the text.
            Err(_) if *n == "smartify" => cur,
            Err(e) => return Err(e),
        };
    }
    Ok(cur)
}

fn items(v: &Value) -> Vec<Value> {
    match v {
        Value::Array(a) => a.to_vec(),
        Value::Object(o) => match o.to_array() {
            Some(Value::Array(a)) => a.to_vec(),
            _ => Vec::new(),
        },
        Value::Nil => Vec::new(),
        other => vec![other.clone()],
    }
}

fn is_empty(v: &Value) -> bool {
    v.is_empty_value() == Some(true)
}

impl Render for FeedNode {
    fn render(&self, ctx: &mut Context, out: &mut String) -> Result<(), Error> {
        let site = var(ctx, "site");
        let page = var(ctx, "page");
        let abs = |ctx: &mut Context, v: &Value| s(ctx, "absolute_url", v);
        out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        if get(&page, "xsl").is_truthy() {
            let href = abs(ctx, &Value::str("/feed.xslt.xml"))?;
            out.push_str(&format!(
                "<?xml-stylesheet type=\"text/xml\" href=\"{href}\"?>"
            ));
        }
        let lang = get(&site, "lang");
        out.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\" ");
        if lang.is_truthy() {
            out.push_str(&format!("xml:lang=\"{}\"", lang.to_liquid_string()));
        }
        out.push('>');
        let version = dig(&var(ctx, "jekyll"), &["version"]).to_liquid_string();
        out.push_str(&format!(
            "<generator uri=\"https://jekyllrb.com/\" version=\"{version}\">Jekyll</generator>"
        ));
        let self_url = abs(ctx, &get(&page, "url"))?;
        out.push_str(&format!(
            "<link href=\"{self_url}\" rel=\"self\" type=\"application/atom+xml\" />"
        ));
        let home = abs(ctx, &Value::str("/"))?;
        out.push_str(&format!(
            "<link href=\"{home}\" rel=\"alternate\" type=\"text/html\" "
        ));
        if lang.is_truthy() {
            out.push_str(&format!("hreflang=\"{}\" ", lang.to_liquid_string()));
        }
        out.push_str("/>");
        let now = s(ctx, "date_to_xmlschema", &get(&site, "time"))?;
        out.push_str(&format!("<updated>{now}</updated>"));
        let id =
            chain(ctx, &get(&page, "url"), &["absolute_url", "xml_escape"])?.to_liquid_string();
        out.push_str(&format!("<id>{id}</id>"));

        let mut title = or_default(get(&site, "title"), get(&site, "name"));
        let collection = get(&page, "collection");
        if collection.as_str() != Some("posts") {
            let c = s(ctx, "capitalize", &collection)?;
            title = Value::str(format!("{} | {c}", title.to_liquid_string()));
        }
        let category = get(&page, "category");
        if category.is_truthy() {
            let c = s(ctx, "capitalize", &category)?;
            title = Value::str(format!("{} | {c}", title.to_liquid_string()));
        }
        if title.is_truthy() {
            let t = chain(ctx, &title, &["smartify", "xml_escape"])?.to_liquid_string();
            out.push_str(&format!("<title type=\"html\">{t}</title>"));
        }
        let description = get(&site, "description");
        if description.is_truthy() {
            out.push_str(&format!(
                "<subtitle>{}</subtitle>",
                s(ctx, "xml_escape", &description)?
            ));
        }
        let author = get(&site, "author");
        if author.is_truthy() {
            let name = or_default(get(&author, "name"), author.clone());
            out.push_str(&format!(
                "<author><name>{}</name>",
                s(ctx, "xml_escape", &name)?
            ));
            for key in ["email", "uri"] {
                let v = get(&author, key);
                if v.is_truthy() {
                    out.push_str(&format!("<{key}>{}</{key}>", s(ctx, "xml_escape", &v)?));
                }
            }
            out.push_str("</author>");
        }

        let tag = get(&page, "tags");
        let mut posts = if tag.is_truthy() {
            get(&get(&site, "tags"), &tag.to_liquid_string())
        } else {
            get(&site, &collection.to_liquid_string())
        };
        if category.is_truthy() {
            posts = filter(
                ctx,
                "where",
                &posts,
                &[Value::str("categories"), category.clone()],
            )?;
        }
        let mut list = items(&posts);
        if !get(&site, "show_drafts").is_truthy() {
            list.retain(|p| !matches!(get(p, "draft"), Value::Bool(true)));
        }
        let sorted = filter(ctx, "sort", &Value::array(list), &[Value::str("date")])?;
        let mut list = items(&sorted);
        list.reverse();
        let limit = or_default(dig(&site, &["feed", "posts_limit"]), Value::Int(10));
        let limit = match &limit {
            Value::Int(i) => *i,
            Value::Float(f) => *f as i64,
            v => v.to_liquid_string().trim().parse().unwrap_or(0),
        };
        let site_excerpt_only = dig(&site, &["feed", "excerpt_only"]);
        for post in list.iter().take(limit.max(0) as usize) {
            entry(ctx, out, &site, post, &site_excerpt_only)?;
        }
        out.push_str("</feed>");
        Ok(())
    }
}

fn entry(
    ctx: &mut Context,
    out: &mut String,
    site: &Value,
    post: &Value,
    site_excerpt_only: &Value,
) -> Result<(), Error> {
    let lang = get(post, "lang");
    out.push_str("<entry");
    if lang.is_truthy() {
        out.push_str(&format!(" xml:lang=\"{}\"", lang.to_liquid_string()));
    }
    out.push('>');
    let title = chain(
        ctx,
        &get(post, "title"),
        &[
            "smartify",
            "strip_html",
            "normalize_whitespace",
            "xml_escape",
        ],
    )?
    .to_liquid_string();
    out.push_str(&format!("<title type=\"html\">{title}</title>"));
    let url = get(post, "url");
    let href = s(ctx, "absolute_url", &url)?;
    out.push_str(&format!(
        "<link href=\"{href}\" rel=\"alternate\" type=\"text/html\" title=\"{title}\" />"
    ));
    let date = get(post, "date");
    out.push_str(&format!(
        "<published>{}</published>",
        s(ctx, "date_to_xmlschema", &date)?
    ));
    let updated = or_default(get(post, "last_modified_at"), date);
    out.push_str(&format!(
        "<updated>{}</updated>",
        s(ctx, "date_to_xmlschema", &updated)?
    ));
    let id = chain(ctx, &get(post, "id"), &["absolute_url", "xml_escape"])?.to_liquid_string();
    out.push_str(&format!("<id>{id}</id>"));
    let excerpt_only = or_default(
        dig(post, &["feed", "excerpt_only"]),
        site_excerpt_only.clone(),
    );
    if !excerpt_only.is_truthy() {
        let base = chain(ctx, &url, &["absolute_url", "xml_escape"])?.to_liquid_string();
        let content = s(ctx, "strip", &get(post, "content"))?;
        out.push_str(&format!(
            "<content type=\"html\" xml:base=\"{base}\"><![CDATA[{content}]]></content>"
        ));
    }

    let first_author = match get(post, "authors") {
        Value::Array(a) => a.first().cloned().unwrap_or(Value::Nil),
        other => get(&other, "0"),
    };
    let mut author = or_default(
        or_default(get(post, "author"), first_author),
        get(site, "author"),
    );
    let authors = dig(site, &["data", "authors"]);
    let lookup = match &author {
        Value::Str(k) => get(&authors, k),
        _ => Value::Nil,
    };
    author = or_default(lookup, author);
    let email = get(&author, "email");
    let uri = get(&author, "uri");
    let name = or_default(
        or_default(get(&author, "name"), author.clone()),
        Value::str(""),
    );
    out.push_str(&format!(
        "<author><name>{}</name>",
        s(ctx, "xml_escape", &name)?
    ));
    if email.is_truthy() {
        out.push_str(&format!("<email>{}</email>", s(ctx, "xml_escape", &email)?));
    }
    if uri.is_truthy() {
        out.push_str(&format!("<uri>{}</uri>", s(ctx, "xml_escape", &uri)?));
    }
    out.push_str("</author>");

    let category = get(post, "category");
    let categories = get(post, "categories");
    if category.is_truthy() {
        out.push_str(&format!(
            "<category term=\"{}\" />",
            s(ctx, "xml_escape", &category)?
        ));
    } else if categories.is_truthy() {
        for c in items(&categories) {
            out.push_str(&format!(
                "<category term=\"{}\" />",
                s(ctx, "xml_escape", &c)?
            ));
        }
    }
    for t in items(&get(post, "tags")) {
        out.push_str(&format!(
            "<category term=\"{}\" />",
            s(ctx, "xml_escape", &t)?
        ));
    }
    let summary = or_default(get(post, "description"), get(post, "excerpt"));
    if summary.is_truthy() && !is_empty(&summary) {
        let text =
            chain(ctx, &summary, &["strip_html", "normalize_whitespace"])?.to_liquid_string();
        out.push_str(&format!(
            "<summary type=\"html\"><![CDATA[{text}]]></summary>"
        ));
    }
    let image = get(post, "image");
    let mut image = or_default(get(&image, "path"), image);
    if image.is_truthy() {
        if !image.to_liquid_string().contains("://") {
            image = filter(ctx, "absolute_url", &image, &[])?;
        }
        let img = s(ctx, "xml_escape", &image)?;
        out.push_str(&format!(
            "<media:thumbnail xmlns:media=\"http://search.yahoo.com/mrss/\" url=\"{img}\" />"
        ));
        out.push_str(&format!("<media:content medium=\"image\" url=\"{img}\" xmlns:media=\"http://search.yahoo.com/mrss/\" />"));
    }
    out.push_str("</entry>");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_attr_escapes_and_quotes() {
        assert_eq!(
            xml_attr("a & <b> \"c\" 'd'"),
            "\"a &amp; &lt;b&gt; &quot;c&quot; 'd'\""
        );
    }
}
