//! jekyll-redirect-from 0.16: a redirect page for each `redirect_from` URL,
//! `redirect_to` turning a document into a redirect, and `redirects.json`.
//!
//! Redirect pages use the site's `redirect` layout when it has one, else
//! the built-in page below. Targets are made absolute with the site's
//! `url` and `baseurl`, as the plugin does.

use std::sync::Arc;

use hyde_liquid::{Map, Value};

use super::util;
use crate::document::Document;
use crate::site::{Layout, Site};

/// The built-in redirect page, with `page.redirect.to` as its target.
fn builtin_layout() -> String {
    let to = "{{ page.redirect.to }}";
    let lines = [
        "<!DOCTYPE html>".to_string(),
        "<html lang=\"en-US\">".to_string(),
        "  <meta charset=\"utf-8\">".to_string(),
        "  <title>Redirecting&hellip;</title>".to_string(),
        format!("  <link rel=\"canonical\" href=\"{to}\">"),
        format!("  <script>location=\"{to}\"</script>"),
        format!("  <meta http-equiv=\"refresh\" content=\"0; url={to}\">"),
        "  <meta name=\"robots\" content=\"noindex\">".to_string(),
        "  <h1>Redirecting&hellip;</h1>".to_string(),
        format!("  <a href=\"{to}\">Click here if you are not redirected.</a>"),
        "</html>".to_string(),
    ];
    let mut s = lines.join("\n");
    s.push('\n');
    s
}

fn leading_slash(s: &str) -> String {
    if s.starts_with('/') {
        s.to_string()
    } else {
        format!("/{s}")
    }
}

/// The redirect data a page gets: `{from, to}` with `to` made absolute.
fn redirect_data(site: &Site, from: &str, to: &str) -> Map {
    let from = leading_slash(from);
    let to = if to.starts_with("http://") || to.starts_with("https://") {
        to.to_string()
    } else {
        util::absolute_url(site, to)
    };
    util::hash(vec![
        ("sitemap", Value::Bool(false)),
        ("layout", Value::str("redirect")),
        ("permalink", Value::str(from.as_str())),
        (
            "redirect",
            Value::hash(util::hash(vec![
                ("from", Value::str(from)),
                ("to", Value::str(to)),
            ])),
        ),
    ])
}

/// `redirect_from` as a list of strings.
fn redirect_from(doc: &Document) -> Vec<String> {
    match doc.get("redirect_from") {
        None | Some(Value::Nil) => Vec::new(),
        Some(Value::Array(a)) => a
            .iter()
            .filter(|v| !v.is_nil())
            .map(Value::to_liquid_string)
            .collect(),
        Some(v) => vec![v.to_liquid_string()],
    }
}

/// `redirect_to`: the first non-nil entry of a list, or the value.
fn redirect_to(doc: &Document) -> Option<String> {
    match doc.get("redirect_to") {
        None | Some(Value::Nil) => None,
        Some(Value::Array(a)) => a.iter().find(|v| !v.is_nil()).map(Value::to_liquid_string),
        Some(v) => Some(v.to_liquid_string()),
    }
}

/// Runs the generator.
pub fn generate(site: &mut Site) -> crate::error::Result<()> {
    if !site.layouts.contains_key("redirect") {
        site.layouts.insert(
            "redirect".into(),
            Arc::new(Layout {
                name: "redirect".into(),
                relative_path: "_layouts/redirect.html".into(),
                data: Map::new(),
                content: builtin_layout(),
                content_line: 1,
            }),
        );
    }
    let mut redirects: Vec<(String, String)> = Vec::new();
    let mut new_pages = Vec::new();
    // Documents written, then pages, as the plugin walks them.
    let mut targets: Vec<(usize, usize)> = Vec::new();
    for (ci, c) in site.collections.iter().enumerate() {
        for (di, d) in c.docs.iter().enumerate() {
            if d.write {
                targets.push((ci, di));
            }
        }
    }
    let page_count = site.pages.len();
    let walk: Vec<Option<(usize, usize)>> = targets
        .into_iter()
        .map(Some)
        .chain((0..page_count).map(|i| Some((usize::MAX, i))))
        .collect();
    for (ci, i) in walk.into_iter().flatten() {
        let doc = if ci == usize::MAX {
            &site.pages[i]
        } else {
            &site.collections[ci].docs[i]
        };
        for from in redirect_from(doc) {
            let data = redirect_data(site, &from, &doc.url);
            let mut page = util::page_without_file(site, "redirect.html", data, String::new())?;
            page.path = site.settings.source.join("redirect.html");
            record(&mut redirects, leading_slash(&from), redirect_target(&page));
            new_pages.push(page);
        }
        if let Some(to) = redirect_to(doc) {
            let data = redirect_data(site, &doc.url, &to);
            let target = match data.get(&Value::str("redirect")) {
                Some(r) => util::get(r, "to").to_liquid_string(),
                None => to.clone(),
            };
            record(&mut redirects, leading_slash(&doc.url), target);
            let slot = if ci == usize::MAX {
                &mut site.pages[i]
            } else {
                &mut site.collections[ci].docs[i]
            };
            if let Some(d) = Arc::get_mut(slot) {
                for (k, v) in data {
                    d.data.insert(k, v);
                }
                d.content = String::new();
            }
        }
    }
    site.pages.extend(new_pages.into_iter().map(Arc::new));
    let json_off = matches!(
        util::config_in(site, "redirect_from", "json"),
        Some(Value::Bool(false))
    );
    if !json_off && !util::source_has(site, "redirects.json") {
        let mut json = String::from("{");
        for (i, (from, to)) in redirects.iter().enumerate() {
            if i > 0 {
                json.push(',');
            }
            crate::liquid_ext::json::write_json_str(&mut json, from);
            json.push(':');
            crate::liquid_ext::json::write_json_str(&mut json, to);
        }
        json.push('}');
        let data = util::hash(vec![("layout", Value::Nil)]);
        let page = util::page_without_file(site, "redirects.json", data, json)?;
        site.pages.push(Arc::new(page));
    }
    Ok(())
}

/// A Ruby hash assignment: a repeated key keeps its place, takes the new value.
fn record(redirects: &mut Vec<(String, String)>, from: String, to: String) {
    match redirects.iter_mut().find(|(f, _)| *f == from) {
        Some(slot) => slot.1 = to,
        None => redirects.push((from, to)),
    }
}

fn redirect_target(page: &Document) -> String {
    page.get("redirect")
        .map(|r| util::get(r, "to").to_liquid_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_layout_names_the_target_four_times() {
        let l = builtin_layout();
        assert_eq!(l.matches("{{ page.redirect.to }}").count(), 4);
        assert!(l.ends_with("</html>\n"));
    }
}
