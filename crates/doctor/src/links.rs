//! Links inside the site: every `href`, `src` and `srcset` that stays on the
//! site must name a file that was written, and its fragment an element id.
//! Links that leave out the `baseurl` of a project site are named as such.
//! External links are never fetched.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use crate::config::Settings;
use crate::html::{tags, Tag};
use crate::report::{Finding, Report, Severity};
use crate::{Input, Output};

/// Checks links page by page, remembering the ids of pages already read.
#[derive(Default)]
pub(crate) struct Links {
    ids: HashMap<PathBuf, HashSet<String>>,
}

enum Target {
    Found(PathBuf),
    Missing,
}

impl Links {
    pub(crate) fn check_page(
        &mut self,
        input: &Input<'_>,
        settings: &Settings<'_>,
        output: &Output,
        html: &str,
        report: &mut Report,
    ) {
        let base = settings.base_prefix();
        let page_url = format!("{base}/{}", output.path);
        let page_dir = &page_url[..page_url.rfind('/').map_or(0, |i| i + 1)];
        let found = tags(html);
        for tag in &found {
            for (name, value, offset) in links_of(tag) {
                let finding = |severity, check, message: String, hint: &str| {
                    let mut f = Finding::new(severity, check, message, hint)
                        .in_file(format!("_site/{}", output.path))
                        .at_offset(html, offset);
                    if let Some(source) = &output.source {
                        f.hint = format!("{} (the page comes from {})", f.hint, source.display());
                    }
                    f
                };
                let Some((path, fragment)) = local_link(&value, settings.url.as_deref()) else {
                    continue;
                };
                if path.is_empty() {
                    if let Some(fragment) = fragment {
                        if !fragment.is_empty() && !ids_of(html).contains(&fragment) {
                            report.push(finding(
                                Severity::Warning,
                                "link-fragment",
                                format!("`{name}=\"{value}\"`: this page has no element with id `{fragment}`"),
                                "fix the fragment or add the id",
                            ));
                        }
                    }
                    continue;
                }
                let absolute = normalize(&if path.starts_with('/') {
                    path.clone()
                } else {
                    format!("{page_dir}{path}")
                });
                let Some(within) = strip_base(&absolute, &base) else {
                    let hint = "link with `{{ '/path' | relative_url }}` or `{{ base_path }}/path` so the baseurl is included";
                    let message = if matches!(self.resolve(input, &absolute), Target::Found(_)) {
                        format!("`{name}=\"{value}\"` leaves out the baseurl `{base}`: it will break on the published site")
                    } else {
                        format!("`{name}=\"{value}\"` points outside the site's baseurl `{base}`")
                    };
                    report.push(finding(Severity::Error, "link-baseurl", message, hint));
                    continue;
                };
                match self.resolve(input, within) {
                    Target::Missing => report.push(finding(
                        Severity::Error,
                        "link-target",
                        format!("`{name}=\"{value}\"` points to no file in the built site"),
                        "fix the path, or add the missing file",
                    )),
                    Target::Found(file) => {
                        let Some(fragment) = fragment.filter(|f| !f.is_empty()) else {
                            continue;
                        };
                        if !is_html(&file) {
                            continue;
                        }
                        let ids = self.ids.entry(file.clone()).or_insert_with(|| {
                            std::fs::read_to_string(&file)
                                .map(|t| ids_of(&t))
                                .unwrap_or_default()
                        });
                        if !ids.contains(&fragment) {
                            report.push(finding(
                                Severity::Warning,
                                "link-fragment",
                                format!("`{name}=\"{value}\"`: the target page has no element with id `{fragment}`"),
                                "fix the fragment; heading ids come from the heading text",
                            ));
                        }
                    }
                }
            }
        }
    }

    fn resolve(&self, input: &Input<'_>, path: &str) -> Target {
        let rel = percent_decode(path.trim_start_matches('/'));
        let candidate = input.destination.join(&rel);
        if rel.is_empty() || rel.ends_with('/') || candidate.is_dir() {
            let index = candidate.join("index.html");
            return if index.is_file() {
                Target::Found(index)
            } else {
                Target::Missing
            };
        }
        if candidate.is_file() {
            return Target::Found(candidate);
        }
        let with_html = input.destination.join(format!("{rel}.html"));
        if with_html.is_file() {
            Target::Found(with_html)
        } else {
            Target::Missing
        }
    }
}

fn is_html(file: &std::path::Path) -> bool {
    matches!(
        file.extension().and_then(|e| e.to_str()),
        Some("html" | "htm")
    )
}

/// The link-bearing attributes of a tag: (name, value, offset).
fn links_of(tag: &Tag) -> Vec<(&'static str, String, usize)> {
    let mut out = Vec::new();
    for attr in &tag.attrs {
        match attr.name.as_str() {
            "href" if matches!(tag.name.as_str(), "a" | "link" | "area") => {
                out.push(("href", attr.value.clone(), attr.offset))
            }
            "src"
                if matches!(
                    tag.name.as_str(),
                    "img"
                        | "script"
                        | "iframe"
                        | "source"
                        | "audio"
                        | "video"
                        | "embed"
                        | "track"
                        | "input"
                ) =>
            {
                out.push(("src", attr.value.clone(), attr.offset))
            }
            "srcset" if matches!(tag.name.as_str(), "img" | "source") => {
                for candidate in attr.value.split(',') {
                    if let Some(url) = candidate.split_whitespace().next() {
                        out.push(("srcset", url.to_string(), attr.offset));
                    }
                }
            }
            "poster" if tag.name == "video" => {
                out.push(("poster", attr.value.clone(), attr.offset))
            }
            _ => {}
        }
    }
    out
}

/// The path and fragment of a link that stays on this site; `None` for
/// external links, other schemes and empty values.
fn local_link(value: &str, site_url: Option<&str>) -> Option<(String, Option<String>)> {
    let value = value.trim();
    if value.is_empty() || value.starts_with("//") || value.contains("{{") || value.contains("{%") {
        return None;
    }
    let mut rest = value;
    if has_scheme(value) {
        let own = site_url
            .map(|u| u.trim_end_matches('/'))
            .filter(|u| !u.is_empty())?;
        rest = value
            .strip_prefix(own)
            .filter(|r| r.is_empty() || r.starts_with(['/', '#', '?']))?;
    }
    let (before_fragment, fragment) = match rest.split_once('#') {
        Some((p, f)) => (p, Some(percent_decode(f))),
        None => (rest, None),
    };
    let path = before_fragment.split('?').next().unwrap_or("");
    Some((path.to_string(), fragment))
}

fn has_scheme(value: &str) -> bool {
    let Some(colon) = value.find(':') else {
        return false;
    };
    let scheme = &value[..colon];
    !scheme.is_empty()
        && scheme.as_bytes()[0].is_ascii_alphabetic()
        && scheme
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
}

/// Resolves `.` and `..` segments of an absolute path.
fn normalize(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for segment in path.split('/').skip(1) {
        match segment {
            "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    let mut out = format!("/{}", parts.join("/"));
    if path.ends_with("/.") || path.ends_with("/..") {
        out.push('/');
    }
    out.replace("//", "/")
}

/// The part of `path` under `base`, or `None` when it is not under it.
fn strip_base<'p>(path: &'p str, base: &str) -> Option<&'p str> {
    if base.is_empty() {
        return Some(path);
    }
    let rest = path.strip_prefix(base)?;
    (rest.is_empty() || rest.starts_with('/')).then_some(rest)
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Every `id`, and every `name` of an `<a>`, in a page.
fn ids_of(html: &str) -> HashSet<String> {
    let mut ids = HashSet::new();
    for tag in tags(html) {
        if let Some(id) = tag.attr("id") {
            ids.insert(id.value.clone());
        }
        if tag.name == "a" {
            if let Some(name) = tag.attr("name") {
                ids.insert(name.value.clone());
            }
        }
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_links() {
        assert_eq!(
            local_link("/a/b?x#c", None),
            Some(("/a/b".into(), Some("c".into())))
        );
        assert_eq!(
            local_link("https://other.org/x", Some("https://me.io")),
            None
        );
        assert_eq!(
            local_link("https://me.io/x/", Some("https://me.io/")),
            Some(("/x/".into(), None))
        );
        assert_eq!(local_link("https://me.iox/", Some("https://me.io")), None);
        assert_eq!(local_link("mailto:a@b", None), None);
        assert_eq!(local_link("//cdn.org/x.js", None), None);
        assert_eq!(
            local_link("#top", None),
            Some(("".into(), Some("top".into())))
        );
    }

    #[test]
    fn normalising_paths() {
        assert_eq!(normalize("/a/b/../c"), "/a/c");
        assert_eq!(normalize("/a/./b/"), "/a/b/");
        assert_eq!(normalize("/../x"), "/x");
        assert_eq!(normalize("/a/.."), "/");
    }

    #[test]
    fn baseurl_prefix() {
        assert_eq!(strip_base("/proj/x", "/proj"), Some("/x"));
        assert_eq!(strip_base("/proj", "/proj"), Some(""));
        assert_eq!(strip_base("/project/x", "/proj"), None);
        assert_eq!(strip_base("/x", ""), Some("/x"));
    }
}
