//! Small helpers the plugins share: reading Liquid values, calling the
//! engine's Jekyll filters by name, making generated pages, site URLs.

use hyde_liquid::value::map_get;
use hyde_liquid::{Context, Error, FilterArgs, Map, Value};

use crate::document::{Converter, Document, PageInit};
use crate::liquid_ext::uri;
use crate::site::Site;

/// `v[key]`, or nil.
pub fn get(v: &Value, key: &str) -> Value {
    v.get(key).unwrap_or(Value::Nil)
}

/// `a.b.c` on a value, nil when any step is missing.
pub fn dig(v: &Value, path: &[&str]) -> Value {
    let mut cur = v.clone();
    for k in path {
        cur = get(&cur, k);
        if cur.is_nil() {
            break;
        }
    }
    cur
}

/// A Liquid variable of the render context, or nil.
pub fn var(ctx: &Context, name: &str) -> Value {
    ctx.get(name).unwrap_or(Value::Nil)
}

/// Liquid's `default` filter: `v` unless it is nil, false or empty.
pub fn or_default(v: Value, fallback: Value) -> Value {
    if !v.is_truthy() || v.is_empty_value() == Some(true) {
        fallback
    } else {
        v
    }
}

/// Calls a filter registered on the context's engine (Jekyll's own
/// `absolute_url`, `xml_escape`, …), so plugins print exactly what a
/// template using that filter prints. An unknown filter returns its input.
pub fn filter(
    ctx: &mut Context,
    name: &str,
    input: &Value,
    args: &[Value],
) -> Result<Value, Error> {
    let Some(f) = ctx.engine().filter(name).cloned() else {
        return Ok(input.clone());
    };
    f.call(
        input,
        &FilterArgs {
            positional: args,
            keyword: &[],
        },
        ctx,
    )
}

/// [`filter`] on a string, giving a string.
pub fn filter_str(ctx: &mut Context, name: &str, input: &str) -> Result<String, Error> {
    Ok(filter(ctx, name, &Value::str(input), &[])?.to_liquid_string())
}

/// Whether `v` is exactly `false` (the `x != false` tests plugins use).
pub fn is_false(v: &Value) -> bool {
    matches!(v, Value::Bool(false))
}

/// A key of the site configuration.
pub fn config<'a>(site: &'a Site, key: &str) -> Option<&'a Value> {
    map_get(&site.raw.map, key).filter(|v| !v.is_nil())
}

/// A key of a hash-valued configuration entry (`feed.path`).
pub fn config_in<'a>(site: &'a Site, section: &str, key: &str) -> Option<&'a Value> {
    match config(site, section) {
        Some(Value::Hash(h)) => map_get(h, key).filter(|v| !v.is_nil()),
        _ => None,
    }
}

fn ensure_leading_slash(s: &str) -> String {
    if s.is_empty() || s.starts_with('/') {
        s.to_string()
    } else {
        format!("/{s}")
    }
}

/// Jekyll's `relative_url` outside a render (generators need it).
pub fn relative_url(site: &Site, input: &str) -> String {
    if uri::is_absolute(input) {
        return input.to_string();
    }
    let base = config(site, "baseurl")
        .map(Value::to_liquid_string)
        .unwrap_or_default();
    let base = base.strip_suffix('/').unwrap_or(&base);
    let joined = format!(
        "{}{}",
        ensure_leading_slash(base),
        ensure_leading_slash(input)
    );
    uri::normalize(&joined).unwrap_or(joined)
}

/// Jekyll's `absolute_url` outside a render.
pub fn absolute_url(site: &Site, input: &str) -> String {
    if uri::is_absolute(input) {
        return input.to_string();
    }
    let rel = relative_url(site, input);
    match config(site, "url").map(Value::to_liquid_string) {
        Some(u) if !u.is_empty() => {
            let joined = format!("{u}{rel}");
            uri::normalize(&joined).unwrap_or(joined)
        }
        _ => rel,
    }
}

/// A page that has no file (Jekyll's `PageWithoutAFile`) at `path` (`/feed/x.xml`),
/// with `data` over the front-matter defaults for pages.
pub fn page_without_file(
    site: &Site,
    path: &str,
    data: Map,
    content: String,
) -> crate::error::Result<Document> {
    let path = ensure_leading_slash(path);
    let (dir, name) = match path.rfind('/') {
        Some(0) | None => (String::new(), path.trim_start_matches('/').to_string()),
        Some(i) => (path[..i].to_string(), path[i + 1..].to_string()),
    };
    let rel = path.trim_start_matches('/');
    let mut merged = site.defaults.all(rel, "pages");
    crate::value::deep_merge(&mut merged, &data);
    for (k, v) in data.iter() {
        // Explicit nils (`layout: nil`) win over defaults too.
        merged.insert(k.clone(), v.clone());
    }
    let (ext, _) = crate::document::split_ext(&name);
    let converter = crate::renderer::converter_for(site, ext);
    let converter = if converter == Converter::Sass {
        Converter::Identity
    } else {
        converter
    };
    Document::page(PageInit {
        dir,
        name,
        path: site.settings.source.join(rel),
        data: merged,
        content,
        content_line: 1,
        converter,
        permalink_style: &site.settings.permalink_style,
    })
}

/// Whether the site's source has a file at `path` (relative to the source).
pub fn source_has(site: &Site, path: &str) -> bool {
    site.settings
        .source
        .join(path.trim_start_matches('/'))
        .exists()
}

/// Builds a hash from pairs.
pub fn hash(pairs: Vec<(&str, Value)>) -> Map {
    let mut m = Map::new();
    for (k, v) in pairs {
        m.insert(Value::str(k), v);
    }
    m
}
