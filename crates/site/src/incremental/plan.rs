//! The state one build leaves for the next, and the plan that decides,
//! output by output, what the next build can reuse.
//!
//! A [`Snapshot`] holds signatures of the read model (each document's data
//! and text, each list's members, layouts, data, includes). The plan diffs
//! the new snapshot against the last one to find what changed ("facts"),
//! then, as the renderer goes through its passes, reuses every content and
//! output whose recorded [`Deps`] miss those facts. A re-rendered content or
//! output that came out different becomes a fact itself, so that readers of
//! it (an index showing a post's content) re-render in the later passes.

use std::collections::BTreeSet;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use rayon::prelude::*;

use crate::document::{Converter, Document};
use crate::error::Warning;
use crate::incremental::deps::{key, Deps, PAGES, STATIC_FILES};
use crate::incremental::digest::{debug_hash, hash_map, hash_tree, FastMap, FastSet, Fingerprint};
use crate::incremental::sass_memo::SassMemo;
use crate::site::Site;

/// Signatures of one document: what templates see of it besides its
/// content, and its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct DocSig {
    meta: u64,
    raw: u64,
    excerpt: u64,
}

fn doc_sig(d: &Document) -> DocSig {
    let mut meta = Fingerprint::default();
    (
        d.collection(),
        &d.relative_path,
        &d.name,
        &d.extname,
        &d.basename,
        &d.dir,
    )
        .hash(&mut meta);
    let date = d.date.map(|t| {
        (
            t.timestamp(),
            t.timestamp_subsec_nanos(),
            t.offset().local_minus_utc(),
        )
    });
    (date, d.draft, &d.url, &d.output_ext).hash(&mut meta);
    (&d.output_path, d.write).hash(&mut meta);
    hash_map(&d.data, &mut meta);
    let mut raw = Fingerprint::default();
    (&d.content, d.content_line).hash(&mut raw);
    let mut excerpt = Fingerprint::default();
    d.excerpt.hash(&mut excerpt);
    DocSig {
        meta: meta.finish(),
        raw: raw.finish(),
        excerpt: excerpt.finish(),
    }
}

/// Signatures of a read site.
#[derive(Debug, Default)]
pub(crate) struct Snapshot {
    docs: FastMap<String, DocSig>,
    lists: FastMap<String, u64>,
    layouts: FastMap<String, u64>,
    data: u64,
    includes: u64,
    urls: u64,
    /// Something hyde cannot follow is used (`include_relative`, `scssify`,
    /// `include_cached`, two documents with one identity): every change
    /// re-renders everything.
    opaque: bool,
}

impl Snapshot {
    /// The signatures of `site` (after the generators ran).
    pub(crate) fn of(site: &Site) -> Snapshot {
        let mut s = Snapshot::default();
        let mut opaque = crate::plugins::needs_ordered_rendering(site);
        let mut urls = Fingerprint::default();
        let mut add_docs = |docs: &[Arc<Document>], s: &mut Snapshot| -> u64 {
            let mut list = Fingerprint::default();
            // The signatures are the costly part: take them in parallel.
            let sigs: Vec<(String, DocSig, bool)> = docs
                .par_iter()
                .map(|d| (key(d), doc_sig(d), risky(&d.content)))
                .collect();
            for (d, (k, sig, risky)) in docs.iter().zip(sigs) {
                opaque |= risky;
                (k.as_str(), sig.meta).hash(&mut list);
                (&d.relative_path, &d.url, d.write).hash(&mut urls);
                if s.docs.insert(k, sig).is_some() {
                    opaque = true;
                }
            }
            list.finish()
        };
        for c in &site.collections {
            let mut h = add_docs(&c.docs, &mut s);
            for f in &c.files {
                h ^= debug_hash(&[f.as_ref()]);
            }
            s.lists.insert(c.label().to_string(), h);
        }
        let pages = add_docs(&site.pages, &mut s);
        s.lists.insert(PAGES.to_string(), pages);
        s.lists
            .insert(STATIC_FILES.to_string(), debug_hash(&[&site.static_files]));
        for f in site
            .static_files
            .iter()
            .chain(site.collections.iter().flat_map(|c| c.files.iter()))
        {
            (&f.relative_path, &f.url, f.write).hash(&mut urls);
        }
        for (name, l) in &site.layouts {
            opaque |= risky(&l.content);
            s.layouts
                .insert(name.clone(), debug_hash(&[&l.content, &l.data]));
        }
        s.data = debug_hash(&[&site.data]);
        let mut inc = Fingerprint::default();
        for includes in site.settings.includes_load_paths() {
            hash_tree(&includes, &includes, true, &mut inc, &mut |bytes| {
                opaque |= risky(&String::from_utf8_lossy(bytes));
            });
        }
        s.includes = inc.finish();
        s.urls = urls.finish();
        s.opaque = opaque;
        s
    }
}

/// Template text that reads files or the site in ways no drop sees.
fn risky(text: &str) -> bool {
    text.contains("include_relative") || text.contains("ssify")
}

/// A document's converted content, as the first passes left it.
#[derive(Debug)]
struct Content {
    content: String,
    excerpt: Option<String>,
    deps: Deps,
}

/// A document's final output.
#[derive(Debug)]
struct Laid {
    output: String,
    warnings: Vec<Warning>,
    deps: Deps,
}

/// What a build leaves for the next one.
#[derive(Debug, Default)]
pub struct State {
    snapshot: Snapshot,
    contents: FastMap<String, Content>,
    outputs: FastMap<String, Laid>,
}

/// What changed since the last build.
#[derive(Debug, Default)]
struct Facts {
    everything: bool,
    docs: BTreeSet<String>,
    excerpts: BTreeSet<String>,
    lists: BTreeSet<String>,
    layouts: BTreeSet<String>,
    data: bool,
}

fn changed_keys<V: PartialEq>(
    old: &FastMap<String, V>,
    new: &FastMap<String, V>,
    out: &mut BTreeSet<String>,
) {
    for (k, v) in new {
        if old.get(k) != Some(v) {
            out.insert(k.clone());
        }
    }
    for k in old.keys() {
        if !new.contains_key(k) {
            out.insert(k.clone());
        }
    }
}

/// Decides what one build re-renders, and records what it rendered.
#[derive(Debug)]
pub struct Plan {
    prev: State,
    next: State,
    facts: Facts,
    pending: FastMap<String, Deps>,
    sass: Arc<SassMemo>,
    /// Output paths whose bytes are the same as the last build's.
    unchanged: FastSet<String>,
    /// Copies of the last build's contents and outputs that were fresh when
    /// first asked for, made in one parallel sweep (see [`Plan::copy_fresh`]).
    content_copies: Option<FastMap<String, (String, Option<String>)>>,
    output_copies: Option<FastMap<String, (String, Vec<Warning>)>>,
    /// Contents and outputs rendered in this build.
    pub rendered: usize,
    /// Contents and outputs reused from the last build.
    pub reused: usize,
}

impl Plan {
    /// A plan for rendering `site`, given what the last build left (`None`:
    /// render everything, and record).
    pub(crate) fn new(prev: Option<State>, site: &Site, sass: Arc<SassMemo>) -> Plan {
        let snapshot = Snapshot::of(site);
        let mut facts = Facts::default();
        let prev = match prev {
            Some(p) => p,
            None => {
                facts.everything = true;
                State::default()
            }
        };
        let (old, new) = (&prev.snapshot, &snapshot);
        facts.everything |=
            new.opaque || old.opaque || old.includes != new.includes || old.urls != new.urls;
        changed_keys(&old.docs, &new.docs, &mut facts.docs);
        // A document added, removed, or with a new raw excerpt.
        for (k, sig) in &new.docs {
            if old.docs.get(k).is_none_or(|o| o.excerpt != sig.excerpt) {
                facts.excerpts.insert(k.clone());
            }
        }
        for k in old.docs.keys().filter(|k| !new.docs.contains_key(*k)) {
            facts.excerpts.insert(k.clone());
        }
        changed_keys(&old.lists, &new.lists, &mut facts.lists);
        changed_keys(&old.layouts, &new.layouts, &mut facts.layouts);
        facts.data = old.data != new.data;
        // An excerpt with Liquid renders against the site: treat it as new.
        for d in site.documents_to_render() {
            if d.excerpt
                .as_deref()
                .is_some_and(|e| e.contains("{{") || e.contains("{%"))
            {
                facts.docs.insert(key(d));
                facts.excerpts.insert(key(d));
            }
        }
        let next = State {
            snapshot,
            contents: FastMap::with_capacity_and_hasher(prev.contents.len(), Default::default()),
            outputs: FastMap::with_capacity_and_hasher(prev.outputs.len(), Default::default()),
        };
        Plan {
            prev,
            next,
            facts,
            pending: FastMap::default(),
            sass,
            unchanged: FastSet::default(),
            content_copies: None,
            output_copies: None,
            rendered: 0,
            reused: 0,
        }
    }

    /// The Sass memo shared by every build of a session.
    pub(crate) fn sass(&self) -> Arc<SassMemo> {
        Arc::clone(&self.sass)
    }

    /// Whether something `deps` (or the document `k` itself) depends on changed.
    fn stale(&self, k: &str, deps: &Deps) -> bool {
        let f = &self.facts;
        f.everything
            || deps.everything
            || f.docs.contains(k)
            || (deps.data && f.data)
            || deps.docs.iter().any(|d| f.docs.contains(d))
            || deps.excerpts.iter().any(|d| f.excerpts.contains(d))
            || deps.lists.iter().any(|l| f.lists.contains(l))
            || deps.layouts.iter().any(|l| f.layouts.contains(l))
    }

    /// Sass converts on every build (through the memo): its inputs are files
    /// no drop sees, and its source maps are pages of their own.
    fn always_renders(d: &Document, site: &Site) -> bool {
        crate::renderer::converter_for(site, &d.extname) == Converter::Sass
    }

    /// Sets `d`'s converted content (and excerpt) from the last build when
    /// nothing it read changed; returns whether it did.
    pub(crate) fn reuse_content(&mut self, d: &Document, site: &Site) -> bool {
        let k = key(d);
        let fresh = self
            .prev
            .contents
            .get(&k)
            .is_some_and(|c| !self.stale(&k, &c.deps))
            && !Plan::always_renders(d, site);
        if !fresh {
            return false;
        }
        if self.content_copies.is_none() {
            let copies = self.copy_fresh(
                &self.prev.contents,
                |c| &c.deps,
                |c| (c.content.clone(), c.excerpt.clone()),
            );
            self.content_copies = Some(copies);
        }
        let Some(c) = self.prev.contents.remove(&k) else {
            return false;
        };
        let (content, excerpt) = self
            .content_copies
            .as_mut()
            .and_then(|m| m.remove(&k))
            .unwrap_or_else(|| (c.content.clone(), c.excerpt.clone()));
        let _ = d.rendered.set(content);
        if let Some(e) = excerpt {
            let _ = d.rendered_excerpt.set(e);
        }
        self.next.contents.insert(k, c);
        self.reused += 1;
        true
    }

    /// Copies, in parallel, every entry of `kept` that nothing it read has
    /// changed, as `copy` makes it. The renderer asks for the entries one by
    /// one on one thread, and copying some 80 MB there was a good part of a
    /// rebuild. Facts only grow during a build, so an entry stale now never
    /// becomes fresh again; one that goes stale later just wastes its copy,
    /// and one asked for but not copied here is copied when asked.
    fn copy_fresh<V: Sync, T: Send>(
        &self,
        kept: &FastMap<String, V>,
        deps: impl Fn(&V) -> &Deps + Sync,
        copy: impl Fn(&V) -> T + Sync,
    ) -> FastMap<String, T> {
        kept.par_iter()
            .filter(|(k, v)| !self.stale(k, deps(v)))
            .map(|(k, v)| (k.clone(), copy(v)))
            .collect()
    }

    /// Notes what rendering `d`'s content read.
    pub(crate) fn content_rendered(&mut self, d: &Document, deps: Deps) {
        self.rendered += 1;
        self.pending.insert(key(d), deps);
    }

    /// Adds what rendering each excerpt read to its document's content.
    pub(crate) fn excerpts_rendered(&mut self, docs: &[Arc<Document>], deps: Vec<Deps>) {
        for (d, deps) in docs.iter().zip(deps) {
            if deps == Deps::default() {
                continue;
            }
            let k = key(d);
            match self.pending.get_mut(&k) {
                Some(p) => p.merge(deps),
                // A reused content whose excerpt had to render: keep it
                // from being reused with a stale excerpt next time.
                None => {
                    self.next.contents.remove(&k);
                }
            }
        }
    }

    /// After a content pass (and its excerpts): a content that came out
    /// different is a fact for the passes that follow.
    pub(crate) fn contents_done(&mut self, docs: &[Arc<Document>]) {
        for d in docs {
            // Usually a handful rendered: stop looking once all are found.
            if self.pending.is_empty() {
                break;
            }
            let k = key(d);
            let Some(deps) = self.pending.remove(&k) else {
                continue;
            };
            let content = d.rendered.get().cloned().unwrap_or_default();
            let excerpt = d.rendered_excerpt.get().cloned();
            let old = self.prev.contents.remove(&k);
            if old.as_ref().is_none_or(|o| o.content != content) {
                self.facts.docs.insert(k.clone());
            }
            if old.as_ref().is_none_or(|o| o.excerpt != excerpt) {
                self.facts.excerpts.insert(k.clone());
            }
            self.next.contents.insert(
                k,
                Content {
                    content,
                    excerpt,
                    deps,
                },
            );
        }
    }

    /// The last build's output of `d` when nothing it read changed.
    pub(crate) fn reuse_output(
        &mut self,
        d: &Document,
        site: &Site,
    ) -> Option<(String, Vec<Warning>)> {
        let k = key(d);
        let fresh = self
            .prev
            .outputs
            .get(&k)
            .is_some_and(|o| !self.stale(&k, &o.deps))
            && !Plan::always_renders(d, site);
        if !fresh {
            return None;
        }
        if self.output_copies.is_none() {
            let copies = self.copy_fresh(
                &self.prev.outputs,
                |o| &o.deps,
                |o| (o.output.clone(), o.warnings.clone()),
            );
            self.output_copies = Some(copies);
        }
        let o = self.prev.outputs.remove(&k)?;
        let result = self
            .output_copies
            .as_mut()
            .and_then(|m| m.remove(&k))
            .unwrap_or_else(|| (o.output.clone(), o.warnings.clone()));
        self.unchanged.insert(d.output_path.clone());
        self.next.outputs.insert(k, o);
        self.reused += 1;
        Some(result)
    }

    /// Records a rendered output; a different one is a fact for later passes.
    pub(crate) fn output_rendered(
        &mut self,
        d: &Document,
        output: &str,
        warnings: &[Warning],
        deps: Deps,
    ) {
        self.rendered += 1;
        let k = key(d);
        let same = self
            .prev
            .outputs
            .remove(&k)
            .is_some_and(|old| old.output == output);
        if same {
            self.unchanged.insert(d.output_path.clone());
        } else {
            self.facts.docs.insert(k.clone());
        }
        self.next.outputs.insert(
            k,
            Laid {
                output: output.to_string(),
                warnings: warnings.to_vec(),
                deps,
            },
        );
    }

    /// Output paths whose bytes are the same as the last build's (when the
    /// last build rendered everything, none).
    pub(crate) fn unchanged_outputs(&self) -> &FastSet<String> {
        &self.unchanged
    }

    /// What this build leaves for the next.
    pub fn finish(self) -> State {
        // What the last build left and this one did not take is freed off
        // the rebuild's path.
        let prev = self.prev;
        std::thread::spawn(move || drop(prev));
        self.next
    }
}
