//! jekyll-paginate 1.1: `paginate` posts per page on the pagination index
//! (the `index.html` page nearest the folder of `paginate_path`), with a
//! copy of that page for each further page at `paginate_path`, and the
//! `paginator` variable on each of them.

use std::sync::{Arc, OnceLock};

use hyde_liquid::{Map, Value};

use super::util;
use crate::document::{Document, Kind, PageInit};
use crate::drops::{doc_value, Phase};
use crate::error::Warning;
use crate::renderer::Build;
use crate::site::Site;

/// `paginate` as Ruby's `to_i` reads it; `None` when pagination is off.
fn per_page(site: &Site) -> Option<i64> {
    let v = util::config(site, "paginate")?;
    Some(match v {
        Value::Int(i) => *i,
        Value::Float(f) => *f as i64,
        other => {
            let s = other.to_liquid_string();
            let t = s.trim_start();
            let digits: String = t
                .chars()
                .enumerate()
                .take_while(|(i, c)| c.is_ascii_digit() || (*i == 0 && *c == '-'))
                .map(|(_, c)| c)
                .collect();
            digits.parse().unwrap_or(0)
        }
    })
}

/// `paginate_path`, `/page:num` by default.
fn paginate_path(site: &Site) -> String {
    util::config(site, "paginate_path")
        .map(Value::to_liquid_string)
        .unwrap_or_else(|| "/page:num".into())
}

/// Folder (relative to the source, no slashes around) of `path` as
/// `File.dirname(File.expand_path(path))` would give it.
fn parent_of(rel: &str) -> Option<String> {
    let parts: Vec<&str> = rel
        .split('/')
        .filter(|s| !s.is_empty() && *s != ".")
        .collect();
    let mut stack: Vec<&str> = Vec::new();
    for p in parts {
        if p == ".." {
            stack.pop()?;
        } else {
            stack.push(p);
        }
    }
    stack.pop()?;
    Some(stack.join("/"))
}

/// Whether `page_dir` is the folder of `paginate_path` or one of its parents
/// inside the source (`Pager.in_hierarchy`).
fn in_hierarchy(page_dir: &str, pag_dir: &str) -> bool {
    let mut cur = pag_dir.to_string();
    loop {
        if cur == page_dir {
            return true;
        }
        if cur.is_empty() {
            return false;
        }
        cur = match cur.rfind('/') {
            Some(i) => cur[..i].to_string(),
            None => String::new(),
        };
    }
}

/// The pagination index: the candidate `index.html` with the longest path.
fn template_page(site: &Site) -> Option<&Arc<Document>> {
    let pag = paginate_path(site);
    let pag_dir = parent_of(pag.trim_start_matches('/'))?;
    let mut best: Option<&Arc<Document>> = None;
    for p in &site.pages {
        if p.name != "index.html" || !matches!(p.kind, Kind::Page) {
            continue;
        }
        let path = p
            .get("path")
            .map(Value::to_liquid_string)
            .unwrap_or_else(|| p.relative_path.clone());
        let Some(dir) = parent_of(path.trim_start_matches('/')) else {
            continue;
        };
        if in_hierarchy(&dir, &pag_dir) && best.is_none_or(|b| path_len(b) < path.len()) {
            best = Some(p);
        }
    }
    best
}

fn path_len(d: &Document) -> usize {
    d.get("path")
        .map(Value::to_liquid_string)
        .unwrap_or_else(|| d.relative_path.clone())
        .len()
}

/// `Pager.paginate_path`: the URL of page `num`.
fn page_path(site: &Site, template: Option<&Arc<Document>>, num: i64) -> Option<String> {
    if num <= 1 {
        return template.map(|p| p.url.clone());
    }
    let p = paginate_path(site).replacen(":num", &num.to_string(), 1);
    Some(if p.starts_with('/') {
        p
    } else {
        format!("/{p}")
    })
}

/// What every paginated page shares, found once per build: the page being
/// paginated and the posts it lists (searching them per page made the build
/// quadratic in the number of posts).
#[derive(Debug)]
pub(crate) struct Pagination {
    template: Option<Arc<Document>>,
    posts: Vec<Arc<Document>>,
    /// Each page's `paginator` by phase, made on first use: a paginated
    /// page renders its content and then each of its layouts.
    made: Vec<[OnceLock<Value>; PHASES]>,
}

const PHASES: usize = 4;

fn phase_index(phase: Phase) -> usize {
    match phase {
        Phase::Documents => 0,
        Phase::DocumentLayouts => 1,
        Phase::Pages => 2,
        Phase::Layouts => 3,
    }
}

impl Pagination {
    fn of(site: &Site, per: i64) -> Pagination {
        let posts: Vec<Arc<Document>> = visible_posts(site).into_iter().cloned().collect();
        let pages = usize::try_from(total_pages(posts.len(), per)).unwrap_or(0);
        Pagination {
            template: template_page(site).cloned(),
            posts,
            made: (0..pages).map(|_| Default::default()).collect(),
        }
    }
}

fn visible_posts(site: &Site) -> Vec<&Arc<Document>> {
    site.posts()
        .iter()
        .rev()
        .filter(|p| !p.get("hidden").is_some_and(Value::is_truthy))
        .collect()
}

fn total_pages(posts: usize, per: i64) -> i64 {
    let posts = posts as i64;
    posts / per + i64::from(posts % per != 0)
}

/// Adds the pages after the first.
pub fn generate(site: &mut Site, warnings: &mut Vec<Warning>) -> crate::error::Result<()> {
    let Some(per) = per_page(site) else {
        return Ok(());
    };
    if site.pages.is_empty() {
        return Ok(());
    }
    if per <= 0 {
        warnings.push(Warning::plain(format!(
            "Pagination: paginate is {per}; it must be a positive number. Skipping pagination."
        )));
        return Ok(());
    }
    let Some(template) = template_page(site).cloned() else {
        warnings.push(Warning::plain(
            "Pagination: Pagination is enabled, but I couldn't find an index.html page to use as the pagination template. Skipping pagination.",
        ));
        return Ok(());
    };
    let pages = total_pages(visible_posts(site).len(), per);
    let mut added = Vec::new();
    for num in 2..=pages {
        let Some(dir) = page_path(site, Some(&template), num) else {
            break;
        };
        let page = Document::page(PageInit {
            dir: dir.trim_end_matches('/').to_string(),
            name: template.name.clone(),
            path: template.path.clone(),
            data: template.data.clone(),
            content: template.content.clone(),
            content_line: template.content_line,
            converter: crate::renderer::converter_for(site, &template.extname),
            permalink_style: &site.settings.permalink_style,
        })?;
        let mut page = page;
        page.relative_path = template.relative_path.clone();
        added.push(Arc::new(page));
    }
    site.pages.extend(added);
    Ok(())
}

/// Whether `doc` can be the pagination index or one of its copies: only
/// `index.html` pages can.
pub fn may_be_paginated(doc: &Document) -> bool {
    doc.name == "index.html" && matches!(doc.kind, Kind::Page)
}

/// The page number a document shows, when it is the pagination index or one of its copies.
fn page_number(site: &Site, template: Option<&Arc<Document>>, doc: &Document) -> Option<i64> {
    if !may_be_paginated(doc) {
        return None;
    }
    let template = template?;
    if doc.path != template.path {
        return None;
    }
    if doc.url == template.url {
        return Some(1);
    }
    let format = paginate_path(site);
    let format = format.trim_end_matches('/');
    let format = if format.starts_with('/') {
        format.to_string()
    } else {
        format!("/{format}")
    };
    let (prefix, suffix) = format.split_once(":num")?;
    let url = doc.url.trim_end_matches('/');
    let middle = url
        .strip_prefix(prefix)?
        .strip_suffix(suffix.trim_end_matches('/'))?;
    middle.parse().ok().filter(|n| *n >= 2)
}

/// The `paginator` hash for a document, when it has one.
pub fn paginator(b: &Arc<Build>, doc: &Arc<Document>, phase: Phase) -> Option<Value> {
    if !may_be_paginated(doc) {
        return None;
    }
    let site = &b.site;
    let per = per_page(site).filter(|p| *p > 0)?;
    let cached = b.pagination.get_or_init(|| Pagination::of(site, per));
    let template = cached.template.as_ref();
    let num = page_number(site, template, doc)?;
    let posts = &cached.posts;
    let total = total_pages(posts.len(), per);
    if num > total {
        return None;
    }
    let slot = usize::try_from(num - 1)
        .ok()
        .and_then(|i| cached.made.get(i))
        .map(|phases| &phases[phase_index(phase)]);
    match slot {
        Some(slot) => Some(
            slot.get_or_init(|| make_paginator(b, cached, num, per, phase))
                .clone(),
        ),
        None => Some(make_paginator(b, cached, num, per, phase)),
    }
}

/// The `paginator` hash of page `num`.
fn make_paginator(b: &Arc<Build>, cached: &Pagination, num: i64, per: i64, phase: Phase) -> Value {
    let site = &b.site;
    let template = cached.template.as_ref();
    let posts = &cached.posts;
    let total = total_pages(posts.len(), per);
    let init = usize::try_from((num - 1).saturating_mul(per)).unwrap_or(usize::MAX);
    let end = init
        .saturating_add(usize::try_from(per).unwrap_or(usize::MAX))
        .min(posts.len());
    let slice: Vec<Value> = posts
        .get(init..end)
        .unwrap_or(&[])
        .iter()
        .map(|p| doc_value(b, p, phase))
        .collect();
    let int_or_nil = |n: Option<i64>| n.map(Value::Int).unwrap_or(Value::Nil);
    let path_or_nil = |n: Option<i64>| {
        n.and_then(|n| page_path(site, template, n))
            .map(Value::str)
            .unwrap_or(Value::Nil)
    };
    let previous = (num != 1).then_some(num - 1);
    let next = (num != total).then_some(num + 1);
    let mut m = Map::new();
    m.insert(Value::str("page"), Value::Int(num));
    m.insert(Value::str("per_page"), Value::Int(per));
    m.insert(Value::str("posts"), Value::array(slice));
    m.insert(Value::str("total_posts"), Value::Int(posts.len() as i64));
    m.insert(Value::str("total_pages"), Value::Int(total));
    m.insert(Value::str("previous_page"), int_or_nil(previous));
    m.insert(Value::str("previous_page_path"), path_or_nil(previous));
    m.insert(Value::str("next_page"), int_or_nil(next));
    m.insert(Value::str("next_page_path"), path_or_nil(next));
    Value::hash(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paginate_path_folder_and_hierarchy() {
        assert_eq!(parent_of("blog/page:num/").as_deref(), Some("blog"));
        assert_eq!(parent_of("page:num").as_deref(), Some(""));
        assert!(in_hierarchy("", "blog"));
        assert!(in_hierarchy("blog", "blog"));
        assert!(!in_hierarchy("docs", "blog"));
    }

    #[test]
    fn total_pages_rounds_up() {
        assert_eq!(total_pages(5, 2), 3);
        assert_eq!(total_pages(0, 2), 0);
        assert_eq!(total_pages(6, 3), 2);
        assert_eq!(total_pages(6, i64::MAX), 1);
    }
}
