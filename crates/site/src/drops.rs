//! Drops: lazy, read-only views of the model for Liquid (`site`, `page`,
//! documents, excerpts, collections, static files, `jekyll`).
//!
//! Each drop holds an `Arc` of the build and of the object it shows, so a
//! template looping over `site.posts` clones pointers, never posts. What a
//! document's `content` shows depends on the render [`Phase`], so that parallel
//! rendering always gives what a sequential build gives.

use std::sync::{Arc, OnceLock};

use hyde_liquid::value::map_get;
use hyde_liquid::{Map, Object, Str, Value};

use crate::document::{Document, Kind};
use crate::incremental::deps as record;
use crate::renderer::Build;
use crate::static_file::StaticFile;
use crate::value::StrMap;

thread_local! {
    /// The render order of the document whose layouts are being applied on
    /// this thread: documents before it show converted content, as in Jekyll.
    static VIEWER: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Runs `f` with `order` as the viewing document (see [`Phase::DocumentLayouts`]).
pub fn with_viewer<R>(order: usize, f: impl FnOnce() -> R) -> R {
    let prev = VIEWER.with(|v| v.replace(order));
    let r = f();
    VIEWER.with(|v| v.set(prev));
    r
}

/// Which pass is running; decides what other documents' `content` shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Converting collection documents: every `content` is the raw text.
    Documents,
    /// Applying documents' layouts: documents Jekyll renders before the one
    /// being laid out (and itself) show converted content, later ones raw,
    /// pages raw.
    DocumentLayouts,
    /// Converting pages: documents show converted content, pages Jekyll
    /// renders before the viewing one converted (on demand), the others raw.
    Pages,
    /// Applying pages' layouts: documents, earlier pages and the viewing
    /// page show converted content, later pages raw.
    Layouts,
}

/// `site`: configuration keys plus the site's collections and files.
pub struct SiteDrop {
    b: Arc<Build>,
    phase: Phase,
    posts: OnceLock<Value>,
    pages: OnceLock<Value>,
    html_pages: OnceLock<Value>,
    static_files: OnceLock<Value>,
    documents: OnceLock<Value>,
    collections: OnceLock<Value>,
    categories: OnceLock<Value>,
    tags: OnceLock<Value>,
    /// The configuration's string keys and the collections' documents,
    /// indexed with a fast hasher: a template reads `site.KEY` in every
    /// loop iteration (the pager's page numbers), and the configuration
    /// hash is large.
    index: OnceLock<StrMap<Indexed>>,
    /// The document being rendered, for `site.related_posts`.
    current: Option<Arc<Document>>,
}

impl SiteDrop {
    /// The site drop for a phase.
    pub fn new(b: Arc<Build>, phase: Phase) -> SiteDrop {
        SiteDrop {
            b,
            phase,
            posts: OnceLock::new(),
            pages: OnceLock::new(),
            html_pages: OnceLock::new(),
            static_files: OnceLock::new(),
            documents: OnceLock::new(),
            collections: OnceLock::new(),
            categories: OnceLock::new(),
            tags: OnceLock::new(),
            index: OnceLock::new(),
            current: None,
        }
    }

    fn doc(&self, d: &Arc<Document>) -> Value {
        doc_value(&self.b, d, self.phase)
    }

    /// `site.posts`, newest first, made on first use and shared by every
    /// render of the phase.
    fn posts(&self) -> &Value {
        self.posts.get_or_init(|| {
            Value::array(
                self.b
                    .site
                    .posts()
                    .iter()
                    .rev()
                    .map(|d| self.doc(d))
                    .collect(),
            )
        })
    }

    /// [`SiteDrop::index`], made on first use: a collection's label shadows
    /// a configuration key of the same name.
    fn index(&self) -> &StrMap<Indexed> {
        self.index.get_or_init(|| {
            let site = &self.b.site;
            let mut index = StrMap::default();
            for (k, v) in site.raw.map.iter() {
                if let Value::Str(k) = k {
                    index.insert(k.clone(), Indexed::Config(v.clone()));
                }
            }
            for c in site.collections.iter().filter(|c| c.label() != "posts") {
                let docs = Value::array(c.docs.iter().map(|d| self.doc(d)).collect());
                index.insert(c.label().into(), Indexed::Collection(docs));
            }
            index
        })
    }

    fn attr_hash(&self, attr: &str) -> Value {
        let posts = self.b.site.posts();
        let mut groups: Vec<(Value, Vec<&Arc<Document>>)> = Vec::new();
        for p in posts {
            if let Some(Value::Array(items)) = p.get(attr) {
                for t in items.iter() {
                    match groups.iter_mut().find(|(k, _)| k == t) {
                        Some((_, v)) => v.push(p),
                        None => groups.push((t.clone(), vec![p])),
                    }
                }
            }
        }
        let mut m = Map::new();
        for (k, v) in groups {
            m.insert(
                k,
                Value::array(v.iter().rev().map(|d| self.doc(d)).collect()),
            );
        }
        Value::hash(m)
    }
}

/// What [`SiteDrop::index`] holds for a key.
enum Indexed {
    Config(Value),
    Collection(Value),
}

/// `site` as a drop that also knows the current document.
pub struct SiteWithCurrent {
    base: Arc<SiteDrop>,
    current: Arc<Document>,
    /// `site.related_posts`, made on first use: a layout tests its size,
    /// then loops over it.
    related: OnceLock<Option<Value>>,
}

impl SiteWithCurrent {
    /// `site` while rendering `current`.
    pub fn new(base: Arc<SiteDrop>, current: Arc<Document>) -> SiteWithCurrent {
        SiteWithCurrent {
            base,
            current,
            related: OnceLock::new(),
        }
    }
}

impl Object for SiteWithCurrent {
    fn get(&self, key: &str) -> Option<Value> {
        if key == "related_posts" {
            record::record_list("posts");
            return self
                .related
                .get_or_init(|| related_posts(&self.base, &self.current))
                .clone();
        }
        self.base.get(key)
    }
    fn keys(&self) -> Vec<Str> {
        self.base.keys()
    }
    fn type_name(&self) -> &'static str {
        "Jekyll::Drops::SiteDrop"
    }
    fn to_liquid_string(&self) -> String {
        self.base.to_liquid_string()
    }
}

/// Jekyll's default related posts: the ten most recent other posts, as
/// `site.posts` shows them (the same drops).
fn related_posts(site: &SiteDrop, current: &Arc<Document>) -> Option<Value> {
    current.collection()?;
    let posts = site.b.site.posts();
    let Value::Array(newest_first) = site.posts() else {
        return None;
    };
    let list: Vec<Value> = posts
        .iter()
        .rev()
        .zip(newest_first.iter())
        .take(11)
        .filter(|(p, _)| !Arc::ptr_eq(p, current))
        .take(10)
        .map(|(_, drop)| drop.clone())
        .collect();
    Some(Value::array(list))
}

impl Object for SiteDrop {
    fn get(&self, key: &str) -> Option<Value> {
        let site = &self.b.site;
        record::record_site_key(key, site.collections.iter().map(|c| c.label().to_string()));
        let indexed = self.index().get(key);
        // Jekyll's SiteDrop looks a collection up before its own methods.
        if let Some(Indexed::Collection(docs)) = indexed {
            return Some(docs.clone());
        }
        Some(match key {
            "posts" => self.posts().clone(),
            "pages" if !self.b.source_map_pages.is_empty() => {
                // Source-map pages join `site.pages` once their CSS page has rendered.
                let viewer = VIEWER.with(|v| v.get());
                let maps = self
                    .b
                    .source_map_pages
                    .iter()
                    .filter(|(css, _)| viewer != 0 && *css < viewer);
                Value::array(
                    site.pages
                        .iter()
                        .chain(maps.map(|(_, p)| p))
                        .map(|d| self.doc(d))
                        .collect(),
                )
            }
            "pages" => self
                .pages
                .get_or_init(|| Value::array(site.pages.iter().map(|d| self.doc(d)).collect()))
                .clone(),
            "html_pages" => self
                .html_pages
                .get_or_init(|| {
                    Value::array(
                        site.pages
                            .iter()
                            .filter(|p| {
                                matches!(p.output_ext.as_str(), ".html" | ".htm" | ".xhtml")
                                    || p.url.ends_with('/')
                            })
                            .map(|d| self.doc(d))
                            .collect(),
                    )
                })
                .clone(),
            "static_files" => self
                .static_files
                .get_or_init(|| Value::array(site.static_files.iter().map(static_value).collect()))
                .clone(),
            "documents" => self
                .documents
                .get_or_init(|| {
                    let mut v = Vec::new();
                    for c in &site.collections {
                        v.extend(c.docs.iter().map(|d| self.doc(d)));
                        v.extend(c.files.iter().map(static_value));
                    }
                    Value::array(v)
                })
                .clone(),
            "collections" => self
                .collections
                .get_or_init(|| {
                    let mut idx: Vec<usize> = (0..site.collections.len()).collect();
                    idx.sort_by(|a, b| {
                        site.collections[*a]
                            .label()
                            .cmp(site.collections[*b].label())
                    });
                    Value::array(
                        idx.into_iter()
                            .map(|i| {
                                Value::object(CollectionDrop {
                                    b: self.b.clone(),
                                    index: i,
                                    phase: self.phase,
                                })
                            })
                            .collect(),
                    )
                })
                .clone(),
            "categories" => self
                .categories
                .get_or_init(|| self.attr_hash("categories"))
                .clone(),
            "tags" => self.tags.get_or_init(|| self.attr_hash("tags")).clone(),
            "data" => site.data.clone(),
            "time" => Value::time(site.time),
            "related_posts" => match &self.current {
                Some(c) => return related_posts(self, c),
                None => Value::Nil,
            },
            "config" => Value::Nil,
            _ => {
                return match indexed {
                    Some(Indexed::Config(v)) => Some(v.clone()),
                    _ => None,
                }
            }
        })
    }

    fn contains_key(&self, key: &str) -> bool {
        matches!(
            key,
            "posts"
                | "pages"
                | "html_pages"
                | "static_files"
                | "html_files"
                | "documents"
                | "collections"
                | "categories"
                | "tags"
                | "data"
                | "time"
                | "related_posts"
        ) || self.b.site.collection(key).is_some()
            || map_get(&self.b.site.raw.map, key).is_some()
    }

    fn keys(&self) -> Vec<Str> {
        // Enumerating the site reads everything it holds.
        record::record(|d| d.everything = true);
        let mut k: Vec<Str> = [
            "data",
            "documents",
            "time",
            "pages",
            "static_files",
            "tags",
            "categories",
            "posts",
            "html_pages",
            "collections",
            "related_posts",
        ]
        .iter()
        .map(|s| Str::from(*s))
        .collect();
        for key in self.b.site.raw.map.keys() {
            let s: Str = key.to_liquid_string().into();
            if !k.contains(&s) {
                k.push(s);
            }
        }
        k
    }

    fn type_name(&self) -> &'static str {
        "Jekyll::Drops::SiteDrop"
    }
}

/// Where a page comes in Jekyll's render order: generated pages (order 0)
/// come after the pages read from the source.
fn page_position(order: usize) -> usize {
    if order == 0 {
        usize::MAX
    } else {
        order
    }
}

/// A document or page as a Liquid value.
pub fn doc_value(b: &Arc<Build>, d: &Arc<Document>, phase: Phase) -> Value {
    Value::object(DocDrop::new(b.clone(), d.clone(), phase))
}

/// `page` / a document: data keys plus Jekyll's computed fields.
pub struct DocDrop {
    b: Arc<Build>,
    doc: Arc<Document>,
    phase: Phase,
    shown: Shown,
}

/// Computed values a drop hands out again and again (`page.url` in every
/// turn of a navigation loop, `entry.collection` and `entry.id` in every
/// listing that reuses `site.posts`, `page.next`), made once per drop and
/// then shared. None depends on the viewer or the recording.
#[derive(Default)]
struct Shown {
    url: OnceLock<Str>,
    relative_path: OnceLock<Str>,
    collection: OnceLock<Str>,
    id: OnceLock<Str>,
    /// `date` (a time value is allocated: an archive reads it up to three
    /// times per entry).
    date: OnceLock<Value>,
    next: OnceLock<Value>,
    previous: OnceLock<Value>,
    /// A document's `excerpt` (an archive tests it, then prints it).
    excerpt: OnceLock<Value>,
}

fn shown(cell: &OnceLock<Str>, make: impl FnOnce() -> Str) -> Value {
    Value::Str(cell.get_or_init(make).clone())
}

impl DocDrop {
    /// The drop for `doc` during `phase`.
    pub fn new(b: Arc<Build>, doc: Arc<Document>, phase: Phase) -> DocDrop {
        DocDrop {
            b,
            doc,
            phase,
            shown: Shown::default(),
        }
    }

    fn url(&self) -> Value {
        shown(&self.shown.url, || self.doc.url.as_str().into())
    }

    fn relative_path(&self) -> Value {
        shown(&self.shown.relative_path, || {
            self.doc.relative_path.as_str().into()
        })
    }

    /// The document shown.
    pub fn document(&self) -> &Arc<Document> {
        &self.doc
    }

    fn content(&self) -> Value {
        let d = &self.doc;
        record::record_doc(d);
        let viewer = VIEWER.with(|v| v.get());
        let converted = match self.phase {
            Phase::Documents => false,
            Phase::Pages if d.collection().is_some() => true,
            Phase::Pages => {
                if page_position(d.order) < page_position(viewer) {
                    // Rendered before the viewer in Jekyll: converted, and
                    // whatever that rendering read is read by the viewer too.
                    let (text, deps) = crate::renderer::page_content(&self.b, d);
                    record::record(|r| r.merge(deps));
                    return Value::str(text);
                }
                false
            }
            Phase::DocumentLayouts => {
                d.collection().is_some() && (d.order == 0 || viewer == 0 || d.order <= viewer)
            }
            Phase::Layouts => {
                d.collection().is_some() || page_position(d.order) <= page_position(viewer)
            }
        };
        if converted {
            Value::str(d.current_content())
        } else {
            Value::str(d.content.as_str())
        }
    }

    fn neighbour(&self, delta: isize) -> Value {
        let Some(label) = self.doc.collection() else {
            return Value::Nil;
        };
        // Recorded on every read: a shared drop serves many renders.
        record::record_list(label);
        let cell = if delta < 0 {
            &self.shown.previous
        } else {
            &self.shown.next
        };
        // `{% if page.next %}…{{ page.next.url }}…{{ page.next.title }}`
        // finds the neighbour once.
        cell.get_or_init(|| self.find_neighbour(label, delta))
            .clone()
    }

    fn find_neighbour(&self, label: &str, delta: isize) -> Value {
        let Some(c) = self.b.site.collection(label) else {
            return Value::Nil;
        };
        let Some(pos) = c.docs.iter().position(|d| Arc::ptr_eq(d, &self.doc)) else {
            return Value::Nil;
        };
        let n = pos as isize + delta;
        if n < 0 || n as usize >= c.docs.len() {
            return Value::Nil;
        }
        doc_value(&self.b, &c.docs[n as usize], self.phase)
    }

    fn excerpt(&self) -> Value {
        match self.doc.kind {
            Kind::Page => self.doc.get("excerpt").cloned().unwrap_or(Value::Nil),
            Kind::Document { .. } => self
                .shown
                .excerpt
                .get_or_init(|| {
                    if let Some(v) = self.doc.get("excerpt") {
                        // A front-matter excerpt is shown as written.
                        return Value::str(v.to_liquid_string());
                    }
                    if self.doc.excerpt.is_none() {
                        return Value::str("");
                    }
                    Value::object(ExcerptDrop {
                        drop: DocDrop::new(self.b.clone(), self.doc.clone(), self.phase),
                    })
                })
                .clone(),
        }
    }
}

const DOC_KEYS: &[&str] = &[
    "content",
    "output",
    "id",
    "url",
    "relative_path",
    "path",
    "collection",
    "excerpt",
    "name",
    "next",
    "previous",
    "date",
    "title",
    "categories",
    "tags",
];

const PAGE_KEYS: &[&str] = &["content", "dir", "excerpt", "name", "path", "url"];

impl Object for DocDrop {
    fn get(&self, key: &str) -> Option<Value> {
        let d = &self.doc;
        if let Kind::Page = d.kind {
            return match key {
                "content" => Some(self.content()),
                "dir" => Some(Value::str(page_dir(&d.url))),
                "excerpt" => Some(self.excerpt()),
                "name" => Some(Value::str(d.name.as_str())),
                "path" => Some(
                    d.get("path")
                        .cloned()
                        .unwrap_or_else(|| self.relative_path()),
                ),
                "url" => Some(self.url()),
                "output" => Some(Value::Nil),
                _ => d.get(key).cloned(),
            };
        }
        if key == "output" {
            record::record_doc(d);
        }
        Some(match key {
            "content" => self.content(),
            "output" => match (self.phase, d.output.get()) {
                (Phase::Pages | Phase::Layouts, Some(o)) => Value::str(o.as_str()),
                _ => Value::Nil,
            },
            "id" => shown(&self.shown.id, || d.id().into()),
            "url" => self.url(),
            "relative_path" | "path" => self.relative_path(),
            "collection" => shown(&self.shown.collection, || {
                d.collection().unwrap_or_default().into()
            }),
            "excerpt" => self.excerpt(),
            "name" => d
                .get("name")
                .cloned()
                .unwrap_or_else(|| Value::str(d.name.as_str())),
            "next" => self.neighbour(1),
            "previous" => self.neighbour(-1),
            "date" => self
                .shown
                .date
                .get_or_init(|| d.date.map(Value::time).unwrap_or(Value::Nil))
                .clone(),
            _ => return d.get(key).cloned(),
        })
    }

    fn contains_key(&self, key: &str) -> bool {
        let fixed = if matches!(self.doc.kind, Kind::Page) {
            PAGE_KEYS
        } else {
            DOC_KEYS
        };
        fixed.contains(&key) || self.doc.get(key).is_some()
    }

    fn keys(&self) -> Vec<Str> {
        let d = &self.doc;
        let mut k: Vec<Str> = Vec::new();
        let mut push = |s: Str| {
            if !k.contains(&s) {
                k.push(s);
            }
        };
        if let Kind::Page = d.kind {
            for key in d.data.keys() {
                push(key.to_liquid_string().into());
            }
            PAGE_KEYS.iter().for_each(|s| push((*s).into()));
        } else {
            DOC_KEYS.iter().for_each(|s| push((*s).into()));
            for key in d.data.keys() {
                push(key.to_liquid_string().into());
            }
        }
        k
    }

    fn to_value(&self) -> Value {
        // Like Jekyll's `hash_for_json`, neighbours are shown collapsed so that
        // materialising a document never recurses along next/previous.
        let mut map = Map::new();
        for k in self.keys() {
            let v = match &*k {
                "next" | "previous" => match self.get(&k) {
                    Some(Value::Object(o)) => {
                        let mut m = Map::new();
                        for key in o.keys() {
                            if !matches!(
                                &*key,
                                "content" | "output" | "excerpt" | "next" | "previous"
                            ) {
                                m.insert(
                                    Value::Str(key.clone()),
                                    o.get(&key).unwrap_or(Value::Nil),
                                );
                            }
                        }
                        Value::hash(m)
                    }
                    other => other.unwrap_or(Value::Nil),
                },
                "excerpt" => match self.get(&k) {
                    Some(Value::Object(o)) => Value::str(o.to_liquid_string()),
                    other => other.unwrap_or(Value::Nil),
                },
                _ => self.get(&k).unwrap_or(Value::Nil),
            };
            map.insert(Value::Str(k), v);
        }
        Value::hash(map)
    }

    fn to_liquid_string(&self) -> String {
        match self.doc.kind {
            Kind::Page => self.to_value().inspect(),
            Kind::Document { .. } => self.content().to_liquid_string(),
        }
    }

    fn type_name(&self) -> &'static str {
        match self.doc.kind {
            Kind::Page => "Hash",
            Kind::Document { .. } => "Jekyll::Drops::DocumentDrop",
        }
    }

    fn as_any(&self) -> Option<&dyn std::any::Any> {
        Some(self)
    }
}

/// `page.dir` for pages: the URL when it ends in `/`, else its folder with `/`.
fn page_dir(url: &str) -> String {
    if url.ends_with('/') {
        return url.to_string();
    }
    match url.rfind('/') {
        Some(i) => url[..=i].to_string(),
        None => "/".to_string(),
    }
}

/// `post.excerpt`: prints as the rendered excerpt; reads like the document.
pub struct ExcerptDrop {
    /// The document's own drop, for the keys the excerpt shares with it.
    drop: DocDrop,
}

impl ExcerptDrop {
    fn rendered(&self) -> String {
        let d = &self.drop;
        record::record_excerpt(&d.doc);
        crate::renderer::excerpt_output(&d.b, &d.doc)
    }
}

impl Object for ExcerptDrop {
    fn get(&self, key: &str) -> Option<Value> {
        let doc = &self.drop.doc;
        match key {
            "content" | "output" => Some(Value::str(self.rendered())),
            "excerpt" => None,
            "layout" => doc.get("layout").cloned(),
            "id" => Some(Value::str(format!("{}#excerpt", doc.id()))),
            "relative_path" | "path" => Some(Value::str(format!("{}/#excerpt", doc.relative_path))),
            _ => self.drop.get(key),
        }
    }
    fn keys(&self) -> Vec<Str> {
        self.drop.keys()
    }
    fn to_value(&self) -> Value {
        let mut v = match self.drop.to_value() {
            Value::Hash(h) => (*h).clone(),
            _ => Map::new(),
        };
        v.insert(Value::str("excerpt"), Value::Nil);
        v.insert(Value::str("content"), Value::str(self.rendered()));
        Value::hash(v)
    }
    fn to_liquid_string(&self) -> String {
        self.rendered()
    }
    fn type_name(&self) -> &'static str {
        "Jekyll::Drops::ExcerptDrop"
    }
}

/// A collection in `site.collections`.
pub struct CollectionDrop {
    b: Arc<Build>,
    index: usize,
    phase: Phase,
}

impl Object for CollectionDrop {
    fn get(&self, key: &str) -> Option<Value> {
        let c = &self.b.site.collections[self.index];
        let s = &self.b.site.settings;
        if matches!(key, "docs" | "files") {
            record::record_list(c.label());
        }
        Some(match key {
            "label" => Value::str(c.label()),
            "docs" => Value::array(
                c.docs
                    .iter()
                    .map(|d| doc_value(&self.b, d, self.phase))
                    .collect(),
            ),
            "files" => Value::array(c.files.iter().map(static_value).collect()),
            "output" => Value::Bool(c.config.output),
            "relative_directory" => Value::str(format!("_{}", c.label())),
            "directory" => Value::str(
                s.collections_path()
                    .join(format!("_{}", c.label()))
                    .to_string_lossy()
                    .as_ref(),
            ),
            _ => return map_get(&c.config.metadata, key).cloned(),
        })
    }
    fn keys(&self) -> Vec<Str> {
        let c = &self.b.site.collections[self.index];
        let mut k: Vec<Str> = [
            "output",
            "label",
            "docs",
            "files",
            "directory",
            "relative_directory",
        ]
        .iter()
        .map(|s| Str::from(*s))
        .collect();
        for key in c.config.metadata.keys() {
            let s: Str = key.to_liquid_string().into();
            if !k.contains(&s) {
                k.push(s);
            }
        }
        k
    }
    fn type_name(&self) -> &'static str {
        "Jekyll::Drops::CollectionDrop"
    }
}

/// A static file as a Liquid value.
pub fn static_value(f: &Arc<StaticFile>) -> Value {
    Value::object(StaticFileDrop { f: f.clone() })
}

/// `site.static_files[i]`.
pub struct StaticFileDrop {
    f: Arc<StaticFile>,
}

impl Object for StaticFileDrop {
    fn get(&self, key: &str) -> Option<Value> {
        let f = &self.f;
        Some(match key {
            "name" => Value::str(f.name.as_str()),
            "extname" => Value::str(f.extname.as_str()),
            "modified_time" => Value::time(f.modified_time),
            "basename" => Value::str(f.basename.as_str()),
            "path" => Value::str(f.relative_path.as_str()),
            "collection" => f
                .collection
                .as_deref()
                .map(Value::str)
                .unwrap_or(Value::Nil),
            _ => return map_get(&f.data, key).cloned(),
        })
    }
    fn keys(&self) -> Vec<Str> {
        let mut k: Vec<Str> = [
            "name",
            "extname",
            "modified_time",
            "basename",
            "path",
            "collection",
        ]
        .iter()
        .map(|s| Str::from(*s))
        .collect();
        for key in self.f.data.keys() {
            k.push(key.to_liquid_string().into());
        }
        k
    }
    fn type_name(&self) -> &'static str {
        "Jekyll::Drops::StaticFileDrop"
    }
}

/// `jekyll`: version and environment.
pub struct JekyllDrop {
    /// `jekyll.environment`.
    pub environment: String,
}

/// The Jekyll version hyde reproduces.
pub const JEKYLL_VERSION: &str = "4.3.1";

impl Object for JekyllDrop {
    fn get(&self, key: &str) -> Option<Value> {
        match key {
            "version" => Some(Value::str(JEKYLL_VERSION)),
            "environment" => Some(Value::str(self.environment.as_str())),
            _ => None,
        }
    }
    fn keys(&self) -> Vec<Str> {
        vec!["version".into(), "environment".into()]
    }
    fn type_name(&self) -> &'static str {
        "Jekyll::Drops::JekyllDrop"
    }
}
