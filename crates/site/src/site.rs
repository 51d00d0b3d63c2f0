//! The site model and its reading stage: configuration, layouts, pages,
//! collections (posts included), static files and data, as Jekyll's
//! `Site#read` leaves them (sorted, filtered for publication, linked).
//!
//! The model is immutable once read; the renderer only fills each document's
//! `rendered` cell once.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset};
use hyde_liquid::value::map_get;
use hyde_liquid::{Map, Value};
use rayon::prelude::*;

use crate::config::{BuildOptions, CollectionConfig, RawConfig, Settings};
use crate::convert::SassAhead;
use crate::dates;
use crate::defaults::FrontMatterDefaults;
use crate::document::{self, Converter, Document, Kind, PageInit};
use crate::error::{Error, ErrorKind, Result, Span, Warning};
use crate::frontmatter;
use crate::incremental::read_cache::{copy_document, FileStamp, ReadCache};
use crate::incremental::SassMemo;
use crate::reader::{self, Entry};
use crate::static_file::StaticFile;
use crate::value::{self, deep_merge, utf8_error};

/// A layout: front matter and template text.
#[derive(Debug)]
pub struct Layout {
    /// Name (`default`, `sub/post`).
    pub name: String,
    /// Path relative to the source.
    pub relative_path: String,
    /// Front matter.
    pub data: Map,
    /// Template text after the front matter.
    pub content: String,
    /// Line where the content starts.
    pub content_line: usize,
}

/// A collection and its documents.
#[derive(Debug)]
pub struct Collection {
    /// Settings from `collections:`.
    pub config: CollectionConfig,
    /// Documents in Jekyll's order (date/path, `sort_by` or `order`).
    pub docs: Vec<Arc<Document>>,
    /// Static files inside the collection folder.
    pub files: Vec<Arc<StaticFile>>,
}

impl Collection {
    /// The label.
    pub fn label(&self) -> &str {
        &self.config.label
    }
}

/// The whole site, read.
#[derive(Debug)]
pub struct Site {
    /// The merged configuration (what `site.*` shows).
    pub raw: RawConfig,
    /// The resolved settings.
    pub settings: Settings,
    /// `site.time`.
    pub time: DateTime<FixedOffset>,
    /// `jekyll.environment`.
    pub environment: String,
    /// Layouts by name.
    pub layouts: HashMap<String, Arc<Layout>>,
    /// Pages, sorted by name.
    pub pages: Vec<Arc<Document>>,
    /// Collections, `posts` first.
    pub collections: Vec<Collection>,
    /// Static files outside collections, sorted by relative path.
    pub static_files: Vec<Arc<StaticFile>>,
    /// `site.data`.
    pub data: Value,
    /// Front-matter defaults.
    pub defaults: FrontMatterDefaults,
    /// Warnings gathered while reading.
    pub warnings: Vec<Warning>,
    /// What the generators logged at info level, as (topic, message) in
    /// order: jekyll-feed's "Jekyll Feed: Generating feed for posts".
    pub notes: Vec<(String, String)>,
    /// Sass pages' compilations, started while reading.
    pub(crate) sass_ahead: SassAhead,
}

impl Site {
    /// Loads the configuration and reads the source tree.
    pub fn load(opts: &BuildOptions) -> Result<Site> {
        let raw = RawConfig::load(opts)?;
        let settings = Settings::resolve(&raw)?;
        check_destination(&settings)?;
        let time = dates::now(settings.timezone);
        let env = opts
            .environment
            .clone()
            .unwrap_or_else(|| "development".into());
        Site::read(raw, settings, time, env)
    }

    /// Reads the source with fixed configuration and build time.
    pub fn read(
        raw: RawConfig,
        settings: Settings,
        time: DateTime<FixedOffset>,
        environment: String,
    ) -> Result<Site> {
        Site::read_cached(raw, settings, time, environment, None, None)
    }

    /// [`Site::read`], taking pages and documents whose file is unchanged
    /// from `cache` (valid while the configuration and time are the same);
    /// Sass pages start compiling as soon as they are read ([`SassAhead`]),
    /// unless `sass_memo` holds them.
    pub(crate) fn read_cached(
        raw: RawConfig,
        settings: Settings,
        time: DateTime<FixedOffset>,
        environment: String,
        cache: Option<&mut ReadCache>,
        sass_memo: Option<&Arc<SassMemo>>,
    ) -> Result<Site> {
        let (defaults, dwarn) =
            FrontMatterDefaults::new(raw.get("defaults"), &settings.collections_dir);
        let mut warnings: Vec<Warning> = raw.warnings.clone();
        warnings.extend(dwarn.into_iter().map(Warning::plain));
        let mut cache = cache;
        let entries = match cache.as_deref_mut() {
            Some(c) => {
                let (entries, kept) =
                    reader::read_with(&settings, Some(c.reader.take().unwrap_or_default()));
                c.reader = kept;
                entries
            }
            None => reader::read(&settings),
        };
        let mut ctx = ReadCtx {
            settings: &settings,
            defaults: &defaults,
            time,
            warnings: &mut warnings,
            cache,
        };

        let mut layouts = HashMap::new();
        for (name, e) in &entries.layouts {
            let (text, _) = ctx.read_text(e)?;
            let (data, content, line) = ctx.split(&text, &e.rel)?;
            layouts.insert(
                name.clone(),
                Arc::new(Layout {
                    name: name.clone(),
                    relative_path: e.rel.clone(),
                    data,
                    content,
                    content_line: line,
                }),
            );
        }

        // The theme's assets are the last entries of each list: Jekyll reads
        // them after sorting the site's own pages and static files, so they
        // keep their reading order after the site's.
        let mut pages = ctx.read_all(&entries.pages, |ctx, e| {
            ctx.cached(e, "", false, |ctx| ctx.page(e))
        })?;
        let theme_pages: Vec<Document> = pages
            .split_off(pages.len() - entries.theme_pages)
            .into_iter()
            .flatten()
            .collect();
        let mut pages: Vec<Document> = pages.into_iter().flatten().collect();
        let sass_ahead = SassAhead::start(
            &raw,
            &settings,
            &environment,
            pages.iter().chain(&theme_pages),
            sass_memo,
        );
        let mut static_files: Vec<Arc<StaticFile>> = ctx
            .read_all(&entries.static_files, |ctx, e| ctx.static_file(e, None))?
            .into_iter()
            .map(Arc::new)
            .collect();
        let theme_static_files =
            static_files.split_off(static_files.len() - entries.theme_static_files);

        let mut collections = Vec::new();
        let mut render_order = 0;
        for c in &settings.collections {
            let mut docs = Vec::new();
            let mut files = Vec::new();
            if c.label == "posts" {
                let read = |ctx: &mut ReadCtx, pe: &reader::PostEntry| {
                    let read = |ctx: &mut ReadCtx| ctx.document(&pe.entry, c, pe.draft);
                    ctx.cached(&pe.entry, &c.label, pe.draft, read)
                };
                docs.extend(ctx.read_all(&entries.posts, read)?.into_iter().flatten());
            } else if let Some((_, list)) = entries.collections.iter().find(|(l, _)| *l == c.label)
            {
                let read = |ctx: &mut ReadCtx, e: &Entry| {
                    if e.has_front_matter {
                        let read = |ctx: &mut ReadCtx| ctx.document(e, c, false);
                        Ok(Ok(ctx.cached(e, &c.label, false, read)?))
                    } else {
                        Ok(Err(ctx.static_file(e, Some(c))?))
                    }
                };
                for item in ctx.read_all(list, read)? {
                    match item {
                        Ok(doc) => docs.extend(doc),
                        Err(file) => files.push(Arc::new(file)),
                    }
                }
            }
            sort_docs(&mut docs, c, ctx.time);
            if c.label == "posts" && settings.limit_posts > 0 && docs.len() > settings.limit_posts {
                let cut = docs.len() - settings.limit_posts;
                docs.drain(..cut);
            }
            for d in docs.iter_mut() {
                render_order += 1;
                d.order = render_order;
            }
            collections.push(Collection {
                config: c.clone(),
                docs: docs.into_iter().map(Arc::new).collect(),
                files,
            });
        }

        pages.sort_by(|a, b| a.name.cmp(&b.name));
        pages.extend(theme_pages);
        // Jekyll renders pages after every document, in this order.
        for p in pages.iter_mut() {
            render_order += 1;
            p.order = render_order;
        }
        let pages: Vec<Arc<Document>> = pages.into_iter().map(Arc::new).collect();
        static_files.sort_by(|a, b| a.relative_path.cmp(&b.relative_path));
        static_files.extend(theme_static_files);

        let data = read_data(&settings)?;
        Ok(Site {
            raw,
            settings,
            time,
            environment,
            layouts,
            pages,
            collections,
            static_files,
            data,
            defaults,
            warnings,
            notes: Vec::new(),
            sass_ahead,
        })
    }

    /// A collection by label.
    pub fn collection(&self, label: &str) -> Option<&Collection> {
        self.collections.iter().find(|c| c.label() == label)
    }

    /// The posts, oldest first.
    pub fn posts(&self) -> &[Arc<Document>] {
        self.collection("posts")
            .map(|c| c.docs.as_slice())
            .unwrap_or(&[])
    }

    /// Every document that is written: collection documents, then pages.
    pub fn documents_to_render(&self) -> impl Iterator<Item = &Arc<Document>> {
        self.collections
            .iter()
            .flat_map(|c| c.docs.iter())
            .filter(|d| d.write)
            .chain(self.pages.iter())
    }
}

/// Refuses a destination that is the source or contains it.
pub fn check_destination(s: &Settings) -> Result<()> {
    let src = crate::config::normalize(&s.source);
    let dest = crate::config::normalize(&s.destination);
    if src.starts_with(&dest) {
        return Err(Error::new(
            ErrorKind::Destination,
            Span::file(dest.to_string_lossy()),
            format!(
                "the destination {} is the source or contains it",
                dest.display()
            ),
            "choose a destination folder inside the source (like _site) or elsewhere with -d",
        ));
    }
    Ok(())
}

/// Jekyll's `Document#<=>`: by date, then by path. A document without a date of
/// its own still has a nil date when Jekyll sorts (it gets `site.time` later), and
/// nil compares with nothing, so such a document is placed by path alone.
fn jekyll_doc_cmp(a: &Document, b: &Document, time: DateTime<FixedOffset>) -> std::cmp::Ordering {
    let dated = |d: &Document| d.date.filter(|t| *t != time);
    let by_path = || {
        a.path
            .as_os_str()
            .as_encoded_bytes()
            .cmp(b.path.as_os_str().as_encoded_bytes())
    };
    match (dated(a), dated(b)) {
        (Some(x), Some(y)) => x.cmp(&y).then_with(by_path),
        _ => by_path(),
    }
}

/// Ruby's `Array#sort!` as Debian's Ruby runs it: glibc's `qsort_r`, a top-down
/// merge sort (left half `n / 2`) that takes from the left unless it compares
/// greater. `Document#<=>` is not a total order, so the algorithm decides the
/// result (and Rust's own sorts must not be given such a comparison).
///
/// Sorts `v` in place, merging each pair of runs through `scratch` (one
/// buffer for the whole sort).
fn ruby_sort<T: Copy>(
    v: &mut [T],
    scratch: &mut Vec<T>,
    cmp: &impl Fn(&T, &T) -> std::cmp::Ordering,
) {
    if v.len() <= 1 {
        return;
    }
    let mid = v.len() / 2;
    ruby_sort(&mut v[..mid], scratch, cmp);
    ruby_sort(&mut v[mid..], scratch, cmp);
    scratch.clear();
    let (mut left, mut right) = (0, mid);
    while left < mid && right < v.len() {
        if cmp(&v[left], &v[right]) == std::cmp::Ordering::Greater {
            scratch.push(v[right]);
            right += 1;
        } else {
            scratch.push(v[left]);
            left += 1;
        }
    }
    scratch.extend_from_slice(&v[left..mid]);
    // What is left of the right run is already in place.
    v[..scratch.len()].copy_from_slice(scratch);
}

fn sort_docs(docs: &mut Vec<Document>, c: &CollectionConfig, time: DateTime<FixedOffset>) {
    let by_date = |a: &Document, b: &Document| jekyll_doc_cmp(a, b, time);
    if !c.order.is_empty() {
        ruby_sort_docs(docs, &by_date);
        let rel = |d: &Document| d.relative_path.clone();
        let pos = |d: &Document| {
            c.order
                .iter()
                .position(|o| format!("_{}/{}", c.label, o) == rel(d))
                .unwrap_or(usize::MAX)
        };
        docs.sort_by_key(pos);
    } else if let Some(key) = &c.sort_by {
        let by_key = |a: &Document, b: &Document| {
            let (x, y) = (
                a.get(key).filter(|v| !v.is_nil()),
                b.get(key).filter(|v| !v.is_nil()),
            );
            let ord = match (x, y) {
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (Some(_), None) => std::cmp::Ordering::Less,
                (Some(x), Some(y)) => {
                    hyde_liquid::value::compare(x, y).unwrap_or(std::cmp::Ordering::Equal)
                }
                (None, None) => std::cmp::Ordering::Equal,
            };
            ord.then_with(|| by_date(a, b))
        };
        ruby_sort_docs(docs, &by_key);
    } else {
        ruby_sort_docs(docs, &by_date);
    }
}

/// [`ruby_sort`] of documents: sorts their positions, then moves each
/// document once (a document is large, and the merge sort moves every
/// element at each of its levels).
fn ruby_sort_docs(
    docs: &mut Vec<Document>,
    cmp: &impl Fn(&Document, &Document) -> std::cmp::Ordering,
) {
    let mut order: Vec<usize> = (0..docs.len()).collect();
    let mut scratch = Vec::with_capacity(docs.len());
    ruby_sort(&mut order, &mut scratch, &|&a: &usize, &b: &usize| {
        cmp(&docs[a], &docs[b])
    });
    let mut slots: Vec<Option<Document>> = std::mem::take(docs).into_iter().map(Some).collect();
    *docs = order.into_iter().filter_map(|i| slots[i].take()).collect();
}

struct ReadCtx<'a> {
    settings: &'a Settings,
    defaults: &'a FrontMatterDefaults,
    time: DateTime<FixedOffset>,
    warnings: &'a mut Vec<Warning>,
    cache: Option<&'a mut ReadCache>,
}

impl ReadCtx<'_> {
    /// `read` for every entry, results and warnings in entry order. The
    /// entries are read in parallel, each with its own warnings, unless a
    /// serve session's read cache is in use (it is filled in order).
    fn read_all<E: Sync, T: Send>(
        &mut self,
        entries: &[E],
        read: impl Fn(&mut ReadCtx<'_>, &E) -> Result<T> + Sync,
    ) -> Result<Vec<T>> {
        if self.cache.is_some() {
            return entries.iter().map(|e| read(self, e)).collect();
        }
        let (settings, defaults, time) = (self.settings, self.defaults, self.time);
        let done: Vec<(Result<T>, Vec<Warning>)> = entries
            .par_iter()
            .map(|e| {
                let mut warnings = Vec::new();
                let mut ctx = ReadCtx {
                    settings,
                    defaults,
                    time,
                    warnings: &mut warnings,
                    cache: None,
                };
                let r = read(&mut ctx, e);
                (r, warnings)
            })
            .collect();
        let mut out = Vec::with_capacity(done.len());
        for (r, w) in done {
            self.warnings.extend(w);
            out.push(r?);
        }
        Ok(out)
    }

    /// `read(self)`, or what it gave last time for the same unchanged file.
    fn cached(
        &mut self,
        e: &Entry,
        label: &str,
        draft: bool,
        read: impl FnOnce(&mut Self) -> Result<Option<Document>>,
    ) -> Result<Option<Document>> {
        let Some(stamp) = self
            .cache
            .is_some()
            .then(|| FileStamp::of(&e.path))
            .flatten()
        else {
            return read(self);
        };
        let id = (e.path.clone(), label.to_string(), draft);
        if let Some(hit) = self.cache.as_ref().and_then(|c| c.get(&id, stamp)) {
            self.warnings.extend(hit.1.iter().cloned());
            return Ok(hit.0.as_ref().map(copy_document));
        }
        let before = self.warnings.len();
        let doc = read(self)?;
        let warnings = self.warnings[before..].to_vec();
        if let Some(c) = self.cache.as_mut() {
            c.put(id, stamp, doc.as_ref().map(copy_document), warnings);
        }
        Ok(doc)
    }

    fn read_text(&self, e: &Entry) -> Result<(String, ())> {
        let read_ahead = e.bytes.lock().ok().and_then(|mut b| b.take());
        let bytes = match read_ahead {
            Some(b) => b,
            None => std::fs::read(&e.path)
                .map_err(|err| crate::error::io_error(&e.path, &e.rel, &err))?,
        };
        let text = String::from_utf8(bytes).map_err(|err| utf8_error(&e.rel, &err))?;
        Ok((
            text.strip_prefix('\u{feff}')
                .map(str::to_string)
                .unwrap_or(text),
            (),
        ))
    }

    /// Front matter (as a hash) and content. Broken YAML is a warning (the
    /// file is read without front matter), or an error with `strict_front_matter`.
    fn split(&mut self, text: &str, rel: &str) -> Result<(Map, String, usize)> {
        match frontmatter::split(text) {
            Some(s) => {
                let v = match value::parse_yaml_in(
                    s.yaml,
                    rel,
                    ErrorKind::FrontMatter,
                    Some(self.settings.timezone),
                ) {
                    Ok(v) => v,
                    Err(e) if !self.settings.strict_front_matter => {
                        self.warnings.push(Warning::at(
                            e.span,
                            format!("YAML Exception reading {rel}: {}", e.message),
                            e.hint,
                        ));
                        Value::Nil
                    }
                    Err(e) => return Err(e),
                };
                let map = match v {
                    Value::Hash(h) => Arc::unwrap_or_clone(h),
                    _ => Map::new(),
                };
                Ok((map, s.content.to_string(), s.content_line))
            }
            None => Ok((Map::new(), text.to_string(), 1)),
        }
    }

    fn converter(&self, ext: &str) -> Converter {
        if self.settings.is_markdown_ext(ext) {
            Converter::Markdown
        } else if ext == ".scss" || ext == ".sass" {
            Converter::Sass
        } else {
            Converter::Identity
        }
    }

    /// Reads a page or document's text; invalid UTF-8 is a warning and the file is skipped.
    fn read_doc_text(&mut self, e: &Entry) -> Result<Option<String>> {
        match self.read_text(e) {
            Ok((t, _)) => Ok(Some(t)),
            Err(err) if err.kind == ErrorKind::InvalidUtf8 => {
                self.warnings.push(Warning::at(
                    err.span,
                    format!("Skipping {}: {}", e.rel, err.message),
                    err.hint,
                ));
                Ok(None)
            }
            Err(err) => Err(err),
        }
    }

    fn page(&mut self, e: &Entry) -> Result<Option<Document>> {
        let Some(text) = self.read_doc_text(e)? else {
            return Ok(None);
        };
        let (fm, content, line) = self.split(&text, &e.rel)?;
        let mut data = self.defaults.all(&e.rel, "pages");
        deep_merge(&mut data, &fm);
        // A page's front matter is its data; defaults only fill missing keys,
        // so an explicit nil (`layout: null`) stays nil.
        for (k, v) in fm.iter() {
            if v.is_nil() {
                data.insert(k.clone(), Value::Nil);
            }
        }
        let published = !matches!(map_get(&data, "published"), Some(Value::Bool(false)));
        if !published && !self.settings.unpublished {
            return Ok(None);
        }
        let (dir, name) = match e.rel.rfind('/') {
            Some(i) => (format!("/{}", &e.rel[..i]), e.rel[i + 1..].to_string()),
            None => (String::new(), e.rel.clone()),
        };
        let (ext, _) = document::split_ext(&name);
        let converter = self.converter(ext);
        let style = self.permalink_style();
        let doc = Document::page(PageInit {
            dir,
            name,
            path: e.path.clone(),
            data,
            content,
            content_line: line,
            converter,
            permalink_style: &style,
        })?;
        Ok(Some(doc))
    }

    fn permalink_style(&self) -> String {
        // The raw style name (`date`, `pretty`) or the template.
        self.settings.permalink_style.clone()
    }

    fn document(
        &mut self,
        e: &Entry,
        c: &CollectionConfig,
        draft: bool,
    ) -> Result<Option<Document>> {
        let coll_dir = &self.settings.collections_dir;
        let relative_path = if coll_dir.is_empty() {
            e.rel.clone()
        } else {
            e.rel
                .strip_prefix(&format!("{coll_dir}/"))
                .unwrap_or(&e.rel)
                .to_string()
        };
        let name = relative_path
            .rsplit('/')
            .next()
            .unwrap_or(&relative_path)
            .to_string();
        let (ext, stem) = document::split_ext(&name);
        let (ext, stem) = (ext.to_string(), stem.to_string());
        let rel_dir = format!("_{}", c.label);
        let special = if draft {
            "_drafts".to_string()
        } else {
            rel_dir.clone()
        };

        let mut data = Map::new();
        // `draft?` is asked first, in Document#initialize.
        data.insert(Value::str("draft"), Value::Bool(draft));
        // Categories from the folders above the special folder.
        let superdirs: Vec<Value> = if relative_path.starts_with(&special) {
            Vec::new()
        } else {
            let cut = relative_path.find(&special).unwrap_or(relative_path.len());
            relative_path[..cut]
                .split('/')
                .filter(|s| !s.is_empty() && *s != special && *s != name)
                .map(Value::str)
                .collect()
        };
        data.insert(Value::str("categories"), Value::array(superdirs));
        let kind = c.label.as_str();
        let defaults = self.defaults.all(&relative_path, kind);
        merge_data(&mut data, defaults);

        let Some(text) = self.read_doc_text(e)? else {
            return Ok(None);
        };
        let (fm, content, line) = self.split(&text, &e.rel)?;
        merge_data(&mut data, fm);
        let tz = self.settings.timezone;
        let invalid_date = |v: &Value, source: &str| {
            Error::new(
                ErrorKind::InvalidDate,
                Span::file(&e.rel),
                format!(
                    "Invalid date '{}': Document '{}' does not have a valid date in the {source}.",
                    v.to_liquid_string(),
                    relative_path
                ),
                "write the date as YYYY-MM-DD or YYYY-MM-DD HH:MM:SS +/-TTTT",
            )
        };
        let mut date = match map_get(&data, "date") {
            Some(v) if !v.is_nil() => Some(dates::parse_value(v, tz).ok_or_else(|| {
                let mut err = invalid_date(v, "YAML front matter");
                if let Some((l, c, t)) = find_key_line(&text, "date") {
                    err.span = Span::at(&e.rel, &t, l, c);
                }
                err
            })?),
            _ => None,
        };

        // populate_title: date and slug from the file name.
        let (slug, fext) = match reader::split_dated_name(&name) {
            Some((d, slug, x)) => {
                if date.is_none() || date.map(|t| t.timestamp()) == Some(self.time.timestamp()) {
                    let fd = dates::from_filename(d, tz)
                        .ok_or_else(|| invalid_date(&Value::str(d), "filename"))?;
                    date = Some(fd);
                }
                (slug.to_string(), x.to_string())
            }
            None => (stem.clone(), ext.clone()),
        };
        let slug = slug.trim_end_matches('.').to_string();
        let date = date.unwrap_or(if draft {
            std::fs::metadata(&e.path)
                .and_then(|m| m.modified())
                .map(|t| dates::localtime(DateTime::<chrono::Utc>::from(t).fixed_offset(), tz))
                .unwrap_or(self.time)
        } else {
            self.time
        });
        data.insert(Value::str("date"), Value::time(date));
        set_default(
            &mut data,
            "title",
            Value::str(document::title_from_slug(&slug)),
        );
        set_default(&mut data, "slug", Value::str(slug.as_str()));
        set_default(&mut data, "ext", Value::str(fext.as_str()));
        // populate_categories / populate_tags.
        let mut cats: Vec<Value> = Vec::new();
        let mut push = |v: Value| {
            let s = Value::str(v.to_liquid_string());
            if !cats.contains(&s) {
                cats.push(s);
            }
        };
        if let Some(Value::Array(a)) = map_get(&data, "categories") {
            a.iter().cloned().for_each(&mut push);
        }
        for v in pluralized(&data, "category", "categories") {
            push(v);
        }
        data.insert(Value::str("categories"), Value::array(cats));
        let tags = pluralized(&data, "tag", "tags");
        data.insert(Value::str("tags"), Value::array(tags));

        let converter = self.converter(&ext);
        let permalink = document::data_permalink(&data);
        let output_ext = permalink
            .as_deref()
            .filter(|p| !p.ends_with('/'))
            .map(|p| {
                document::split_ext(p.rsplit('/').next().unwrap_or(p))
                    .0
                    .to_string()
            })
            .filter(|x| !x.is_empty())
            .unwrap_or_else(|| converter.output_ext(&ext));
        let template = c.permalink.clone().unwrap_or_else(|| {
            document::add_permalink_suffix("/:collection/:path", &self.settings.permalink_style)
        });
        let no_ext = &relative_path[..relative_path.len() - ext.len()];
        let cleaned = no_ext
            .replacen(&rel_dir, "", 1)
            .trim_end_matches('.')
            .to_string();
        let lookup = |k: &str| {
            document::doc_placeholder(k, &data, &c.label, &cleaned, &stem, &date, &output_ext)
        };
        let url = document::url_from(permalink.as_deref(), &template, &lookup, &e.rel, false)?;
        let output_path = crate::permalink::output_path(&url, &output_ext);

        let published = !matches!(map_get(&data, "published"), Some(Value::Bool(false)));
        if !published && !self.settings.unpublished {
            return Ok(None);
        }
        let future = date.timestamp() > self.time.timestamp() && !self.settings.future;
        if kind == "posts" && future {
            self.warnings.push(Warning::at(
                Span::file(&e.rel),
                format!("Skipping: {relative_path} has a future date"),
                "build with --future to publish it",
            ));
            return Ok(None);
        }
        let write = c.output && !future;
        let sep = map_get(&data, "excerpt_separator")
            .map(Value::to_liquid_string)
            .unwrap_or_else(|| self.settings.excerpt_separator.clone());
        let excerpt = (!sep.is_empty()).then(|| document::extract_excerpt(&content, &sep));
        Ok(Some(Document {
            kind: Kind::Document {
                collection: c.label.clone(),
            },
            path: e.path.clone(),
            relative_path,
            name,
            extname: ext,
            basename: stem,
            dir: String::new(),
            data,
            content,
            content_line: line,
            date: Some(date),
            draft,
            url,
            output_ext,
            output_path,
            write,
            excerpt,
            rendered: Default::default(),
            rendered_excerpt: Default::default(),
            output: Default::default(),
            order: 0,
        }))
    }

    fn static_file(&mut self, e: &Entry, c: Option<&CollectionConfig>) -> Result<StaticFile> {
        let name = e.rel.rsplit('/').next().unwrap_or(&e.rel).to_string();
        let (ext, stem) = document::split_ext(&name);
        let (ext, stem) = (ext.to_string(), stem.trim_end_matches('.').to_string());
        let coll_dir = &self.settings.collections_dir;
        let rel_in_colls = if c.is_some() && !coll_dir.is_empty() {
            e.rel
                .strip_prefix(&format!("{coll_dir}/"))
                .unwrap_or(&e.rel)
                .to_string()
        } else {
            e.rel.clone()
        };
        // Static files outside collections keep Jekyll's leading slash (`/dir/name`).
        let relative_path = if c.is_some() {
            rel_in_colls.clone()
        } else {
            format!("/{rel_in_colls}")
        };
        let cleaned = {
            let no_ext = &relative_path[..relative_path.len() - ext.len()];
            let t = no_ext.trim_end_matches('.').to_string();
            match c {
                Some(c) => t.replacen(&format!("_{}", c.label), "", 1),
                None => t,
            }
        };
        let url = match c {
            None => format!("{cleaned}{ext}"),
            Some(c) => {
                let template = c.permalink.clone().unwrap_or_else(|| {
                    document::add_permalink_suffix(
                        "/:collection/:path",
                        &self.settings.permalink_style,
                    )
                });
                let lookup = |k: &str| -> Option<String> {
                    match k {
                        "collection" => Some(c.label.clone()),
                        "path" => Some(cleaned.clone()),
                        "output_ext" => Some(String::new()),
                        "name" => Some(stem.clone()),
                        "title" => Some(String::new()),
                        _ => None,
                    }
                };
                let u = document::url_from(None, &template, &lookup, &e.rel, true)?;
                format!("{}{ext}", u.trim_end_matches('/'))
            }
        };
        let kind = c.map(|c| c.label.as_str()).unwrap_or("");
        let data = self.defaults.all(&relative_path, kind);
        let published = !matches!(map_get(&data, "published"), Some(Value::Bool(false)));
        let write = published && c.is_none_or(|c| c.output);
        let mtime = std::fs::metadata(&e.path)
            .and_then(|m| m.modified())
            .map(|t| {
                dates::localtime(
                    DateTime::<chrono::Utc>::from(t).fixed_offset(),
                    self.settings.timezone,
                )
            })
            .unwrap_or(self.time);
        Ok(StaticFile {
            path: e.path.clone(),
            relative_path,
            name,
            extname: ext,
            basename: stem,
            collection: c.map(|c| c.label.clone()),
            output_path: crate::permalink::unescape_path(&url)
                .trim_start_matches('/')
                .to_string(),
            url,
            modified_time: mtime,
            data,
            write,
        })
    }
}

/// The span of `key:` in a file's front matter (the whole file when absent).
pub fn key_span(path: &Path, display: &str, key: &str) -> Span {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    match find_key_line(&text, key) {
        Some((l, c, t)) => Span::at(display, &t, l, c),
        None => Span::file(display),
    }
}

/// The line and column of `key:` in front matter, for date errors.
fn find_key_line(text: &str, key: &str) -> Option<(usize, usize, String)> {
    for (i, l) in text.lines().enumerate().skip(1) {
        if l.starts_with("---") {
            break;
        }
        if let Some(rest) = l.strip_prefix(key) {
            if let Some(v) = rest.strip_prefix(':') {
                let col = key.len() + 2 + (v.len() - v.trim_start().len());
                return Some((i + 1, col, text.to_string()));
            }
        }
    }
    None
}

fn set_default(data: &mut Map, key: &str, v: Value) {
    if map_get(data, key).is_none_or(|x| x.is_nil()) {
        data.insert(Value::str(key), v);
    }
}

/// Jekyll's `merge_data!`: categories given as a string are split, and
/// unioned with those already there; hashes deep-merge.
fn merge_data(data: &mut Map, mut other: Map) {
    if let Some(c) = map_get(&other, "categories").cloned() {
        if !c.is_nil() {
            let new: Vec<Value> = match &c {
                Value::Str(s) => s.split_whitespace().map(Value::str).collect(),
                Value::Array(a) => (**a).clone(),
                v => vec![v.clone()],
            };
            let merged = match map_get(data, "categories") {
                Some(Value::Array(old)) => {
                    let mut m = (**old).clone();
                    for v in new {
                        if !m.contains(&v) {
                            m.push(v);
                        }
                    }
                    m
                }
                _ => new,
            };
            other.insert(Value::str("categories"), Value::array(merged));
        }
    }
    deep_merge(data, &other);
}

/// Jekyll's `Utils.pluralized_array_from_hash`.
fn pluralized(data: &Map, singular: &str, plural: &str) -> Vec<Value> {
    let v = match map_get(data, singular) {
        Some(v) => Some(vec![v.clone()]),
        None => match map_get(data, plural) {
            Some(Value::Str(s)) => Some(s.split_whitespace().map(Value::str).collect()),
            Some(Value::Array(a)) => Some(a.iter().filter(|x| !x.is_nil()).cloned().collect()),
            _ => None,
        },
    };
    let mut out = Vec::new();
    for x in v.unwrap_or_default() {
        flatten_into(&x, &mut out);
    }
    out
}

fn flatten_into(v: &Value, out: &mut Vec<Value>) {
    match v {
        Value::Array(a) => a.iter().for_each(|x| flatten_into(x, out)),
        Value::Nil => {}
        x => out.push(x.clone()),
    }
}

/// Reads `_data` into the `site.data` hash. With a theme that has `_data`,
/// Jekyll reads both trees and deep-merges the site's over the theme's.
fn read_data(settings: &Settings) -> Result<Value> {
    let site = read_data_tree(settings, reader::site_data_files(settings))?;
    let theme_files = reader::theme_data_files(settings);
    if theme_files.is_empty() {
        return Ok(Value::hash(site));
    }
    let mut theme = read_data_tree(settings, theme_files)?;
    value::deep_merge(&mut theme, &site);
    Ok(Value::hash(theme))
}

/// The data files listed by the reader, parsed into one nested hash.
fn read_data_tree(settings: &Settings, files: Vec<(Vec<String>, reader::Entry)>) -> Result<Map> {
    let mut root = Map::new();
    for (keys, e) in files {
        let value = if e.path.is_dir() {
            Value::hash(Map::new())
        } else {
            let bytes = std::fs::read(&e.path)
                .map_err(|err| crate::error::io_error(&e.path, &e.rel, &err))?;
            let text = String::from_utf8(bytes).map_err(|err| utf8_error(&e.rel, &err))?;
            let ext = Path::new(&e.rel)
                .extension()
                .map(|x| x.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            match ext.as_str() {
                "csv" => value::parse_csv(&text, &e.rel, b',')?,
                "tsv" => value::parse_csv(&text, &e.rel, b'\t')?,
                "json" => value::parse_json(&text, &e.rel)?,
                _ => value::parse_yaml_in(&text, &e.rel, ErrorKind::Data, Some(settings.timezone))?,
            }
        };
        insert_path(&mut root, &keys, value);
    }
    Ok(root)
}

fn insert_path(map: &mut Map, keys: &[String], v: Value) {
    let Some((last, parents)) = keys.split_last() else {
        return;
    };
    if parents.is_empty() {
        map.insert(Value::str(last.as_str()), v);
        return;
    }
    let head = Value::str(parents[0].as_str());
    let mut child = match map.get(&head) {
        Some(Value::Hash(h)) => (**h).clone(),
        _ => Map::new(),
    };
    let mut rest = parents[1..].to_vec();
    rest.push(last.clone());
    insert_path(&mut child, &rest, v);
    map.insert(head, Value::hash(child));
}

#[cfg(test)]
mod tests {
    use std::cmp::Ordering;

    /// glibc's merge sort as written out: a new vector at every level.
    fn reference_sort<T: Copy>(v: &[T], cmp: &impl Fn(&T, &T) -> Ordering) -> Vec<T> {
        if v.len() <= 1 {
            return v.to_vec();
        }
        let (left, right) = v.split_at(v.len() / 2);
        let (left, right) = (reference_sort(left, cmp), reference_sort(right, cmp));
        let (mut i, mut j, mut out) = (0, 0, Vec::new());
        while i < left.len() && j < right.len() {
            if cmp(&left[i], &right[j]) == Ordering::Greater {
                out.push(right[j]);
                j += 1;
            } else {
                out.push(left[i]);
                i += 1;
            }
        }
        out.extend_from_slice(&left[i..]);
        out.extend_from_slice(&right[j..]);
        out
    }

    #[test]
    fn ruby_sort_merges_as_glibc_under_a_partial_order() {
        // Like `Document#<=>`: by date when both have one, else by path alone.
        let cmp = |a: &(Option<u8>, u8), b: &(Option<u8>, u8)| match (a.0, b.0) {
            (Some(x), Some(y)) => x.cmp(&y).then(a.1.cmp(&b.1)),
            _ => a.1.cmp(&b.1),
        };
        let mut seed = 7u32;
        let mut next = || {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (seed >> 16) as u8
        };
        for len in 0..60 {
            for _ in 0..20 {
                let v: Vec<(Option<u8>, u8)> = (0..len)
                    .map(|_| ((next() % 3 > 0).then(|| next() % 5), next() % 7))
                    .collect();
                let mut sorted = v.clone();
                super::ruby_sort(&mut sorted, &mut Vec::new(), &cmp);
                assert_eq!(sorted, reference_sort(&v, &cmp), "{v:?}");
            }
        }
    }
}
