//! What one output read while it rendered, recorded through a thread-local
//! recorder that the drops and the renderer report to.
//!
//! Recording is off during `hyde build`: [`record`] is then one thread-local
//! check. The renderer turns it on around one document's content or layouts
//! (see [`recording`]); everything rendered on that thread meanwhile (an
//! excerpt rendered on first use, say) is charged to that document, which can
//! only make it re-render more often, never less.

use std::cell::RefCell;
use std::collections::BTreeSet;

use crate::document::Document;

/// The inputs of one rendering, beyond the document itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Deps {
    /// Read something no finer dependency describes (`site` enumerated).
    pub everything: bool,
    /// Lists read: a collection label, `pages` or `static_files`. A list
    /// changes when a member is added, removed, reordered or has new data.
    pub lists: BTreeSet<String>,
    /// Documents whose content or output was read (by [`key`]).
    pub docs: BTreeSet<String>,
    /// Documents whose rendered excerpt was read.
    pub excerpts: BTreeSet<String>,
    /// Layouts applied or asked for (asked-for ones may not exist yet).
    pub layouts: BTreeSet<String>,
    /// `site.data`.
    pub data: bool,
}

impl Deps {
    /// Adds what `other` read.
    pub fn merge(&mut self, other: Deps) {
        self.everything |= other.everything;
        self.data |= other.data;
        self.lists.extend(other.lists);
        self.docs.extend(other.docs);
        self.excerpts.extend(other.excerpts);
        self.layouts.extend(other.layouts);
    }
}

thread_local! {
    static RECORDER: RefCell<Option<Deps>> = const { RefCell::new(None) };
}

/// Runs `f`, returning what it read when `on` (an empty record otherwise).
pub fn recording<R>(on: bool, f: impl FnOnce() -> R) -> (R, Deps) {
    if !on {
        return (f(), Deps::default());
    }
    let outer = RECORDER.with(|r| r.replace(Some(Deps::default())));
    let result = f();
    let deps = RECORDER.with(|r| r.replace(None)).unwrap_or_default();
    // A nested recording is also charged to the enclosing one.
    if let Some(mut outer) = outer {
        outer.merge(deps.clone());
        RECORDER.with(|r| r.replace(Some(outer)));
    }
    (result, deps)
}

/// Notes a read in the current recording, if any.
pub fn record(f: impl FnOnce(&mut Deps)) {
    RECORDER.with(|r| {
        if let Ok(mut r) = r.try_borrow_mut() {
            if let Some(deps) = r.as_mut() {
                f(deps);
            }
        }
    });
}

/// Whether a recording is on (so callers can skip building a key).
pub fn is_recording() -> bool {
    RECORDER.with(|r| r.try_borrow().map(|r| r.is_some()).unwrap_or(false))
}

/// Notes a read of another document's content or output.
pub fn record_doc(d: &Document) {
    if is_recording() {
        let k = key(d);
        record(|deps| {
            deps.docs.insert(k);
        });
    }
}

/// Notes a read of another document's rendered excerpt.
pub fn record_excerpt(d: &Document) {
    if is_recording() {
        let k = key(d);
        record(|deps| {
            deps.excerpts.insert(k);
        });
    }
}

/// Notes a read of a list.
pub fn record_list(name: &str) {
    record(|deps| {
        if !deps.lists.contains(name) {
            deps.lists.insert(name.to_string());
        }
    });
}

/// Notes a read of `site.<key>`.
pub fn record_site_key(key: &str, labels: impl Iterator<Item = String>) {
    if !is_recording() {
        return;
    }
    match key {
        "posts" | "categories" | "tags" | "related_posts" => record_list("posts"),
        "pages" | "html_pages" => record_list(PAGES),
        "static_files" => record_list(STATIC_FILES),
        "documents" | "collections" => {
            let labels: Vec<String> = labels.collect();
            record(|deps| deps.lists.extend(labels));
        }
        "data" => record(|deps| deps.data = true),
        // Another key is a collection label (its list) or configuration
        // (a configuration change rebuilds everything).
        other => record_list(other),
    }
}

/// The list name of `site.pages`.
pub const PAGES: &str = " pages";
/// The list name of `site.static_files`.
pub const STATIC_FILES: &str = " static_files";

/// The identity of a document across rebuilds: collection, source path and URL
/// (generated pages such as pagination share a source path).
pub fn key(d: &Document) -> String {
    // Built by hand: `format!` costs more than the copies, and a rebuild
    // takes several keys per document.
    let parts = [d.collection().unwrap_or(""), &d.relative_path, &d.url];
    let mut k = String::with_capacity(parts.iter().map(|p| p.len() + 1).sum());
    for (i, p) in parts.into_iter().enumerate() {
        if i > 0 {
            k.push('|');
        }
        k.push_str(p);
    }
    k
}
