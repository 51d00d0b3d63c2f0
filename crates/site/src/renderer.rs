//! The renderer: Liquid → converter → layouts, in Jekyll's order.
//!
//! Jekyll renders documents one after another, each seeing the state the
//! previous ones left. hyde renders in passes so that the work can run in
//! parallel and still give one answer: first every collection document's
//! content (others' `content` reads raw), then every page's content
//! (documents read converted; pages before the reader converted on demand,
//! the others raw), then every layout chain.
//! Layouts are parsed once and shared by all threads.

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use hyde_liquid::value::map_get;
use hyde_liquid::{Context, Engine, Map, Template, Value};
use rayon::prelude::*;

use crate::document::{Converter, Document};
use crate::drops::{doc_value, DocDrop, JekyllDrop, Phase, SiteDrop, SiteWithCurrent};
use crate::error::{Error, ErrorKind, Result, Span, Warning};
use crate::incremental::deps::{self as record, recording, Deps};
use crate::incremental::Plan;
use crate::liquid_ext::SiteRef;
use crate::site::Site;
use crate::value::{deep_merge, StrMap};
use crate::writer::{Contents, OutputFile};

/// Everything rendering needs, shared by all threads.
pub struct Build {
    /// The site model.
    pub site: Site,
    /// The Liquid engine with Jekyll's tags and filters.
    pub engine: Engine,
    /// Layouts, parsed once, each with the most its output has added to
    /// the content so far (to size the next output's buffer).
    layouts: StrMap<(Arc<Template>, AtomicUsize)>,
    /// `site.url` and `site.baseurl` when they are strings, read once (the
    /// URL filters ask for them on every call).
    pub(crate) url: Option<String>,
    pub(crate) baseurl: Option<String>,
    /// For each layout, the `layout` hash of every step of the chain it
    /// starts (its front matter, then each enclosing layout's merged under
    /// it), made once: every document with that layout sees the same ones.
    layout_data: StrMap<Vec<Value>>,
    /// The globals map each render starts from (see [`Build::context`]),
    /// by which of `content` and `layout` it sets: names, `jekyll`,
    /// `paginator` and `theme` are made once and each render fills in the
    /// rest, instead of hashing nine names into a new map every time.
    globals: [Map; 4],
    /// `highlighter_prefix` / `highlighter_suffix` for Markdown and for
    /// other converters.
    around: [Value; 2],
    /// The site's time zone for dates, made once.
    zone: Arc<dyn hyde_liquid::Zone>,
    /// Kramdown options from the configuration.
    pub(crate) markdown: crate::convert::Markdown,
    /// Where `{% include %}` looks.
    pub(crate) includes_load_paths: Vec<std::path::PathBuf>,
    /// Includes, parsed once.
    pub(crate) includes: crate::site_context::IncludeCache,
    /// jekyll-sass-converter's source-map pages, with the render order of
    /// their CSS page: pages rendered after it see them in `site.pages`.
    pub(crate) source_map_pages: Vec<(usize, Arc<Document>)>,
    /// Source maps written next to Sass pages: (output path, JSON).
    source_maps: std::sync::Mutex<Vec<(String, String)>>,
    /// Per-template render statistics, when `--profile` is on.
    profiler: Option<std::sync::Mutex<HashMap<String, ProfileRow>>>,
    /// jekyll-paginate's shared state, found on first use.
    pub(crate) pagination: std::sync::OnceLock<crate::plugins::paginate::Pagination>,
    /// Sass conversions kept between the builds of a `hyde serve` session.
    sass_memo: Option<Arc<crate::incremental::SassMemo>>,
    /// A digest of the Sass folders, taken on first use.
    sass_folders: std::sync::OnceLock<u64>,
    /// Each read page's converted content and what rendering it read, by
    /// render order: set by the pages' pass or, sooner, by a later page
    /// reading it (see [`page_content`]).
    page_contents: HashMap<usize, std::sync::OnceLock<PageContent>>,
}

/// A page's converted content, rendered once (see [`page_slot`]), and what
/// rendering it read. The pages' pass moves the text into the page's
/// `rendered` (a page listing the whole site is megabytes long: it is not
/// kept twice); whoever reads it later finds it there.
struct PageContent {
    text: std::sync::Mutex<Option<Result<String>>>,
    deps: Deps,
}

/// One row of the `--profile` table: a template, how often it rendered, the
/// bytes it produced and the time it took.
#[derive(Debug, Clone, Default)]
pub struct ProfileRow {
    /// The template (a page, document or layout).
    pub template: String,
    /// Renders.
    pub count: usize,
    /// Bytes produced.
    pub bytes: usize,
    /// Time spent.
    pub time: std::time::Duration,
}

/// The rendered site: files to write and warnings.
pub struct Rendered {
    /// Every output file, pages and documents first, then static files.
    pub files: Vec<OutputFile>,
    /// Warnings (missing layouts, permalink collisions, …).
    pub warnings: Vec<Warning>,
    /// The `--profile` table, slowest first (empty unless profiling).
    pub profile: Vec<ProfileRow>,
}

impl Build {
    /// Prepares the engine and parses the layouts.
    pub fn new(site: Site) -> Result<Build> {
        let engine = crate::convert::engine_for(&site);
        // Parsed in parallel; the first error in name order is reported.
        let mut parsed: Vec<(&String, Result<Arc<Template>>)> = site
            .layouts
            .par_iter()
            .map(|(name, l)| {
                let t =
                    Template::parse_shared(&l.content, &l.relative_path, &engine).map_err(|e| {
                        liquid_error(e, &l.relative_path, l.content_line, &site.settings.source)
                    });
                (name, t)
            })
            .collect();
        parsed.sort_by(|a, b| a.0.cmp(b.0));
        let mut layouts = StrMap::with_capacity_and_hasher(parsed.len(), Default::default());
        for (name, t) in parsed {
            layouts.insert(name.as_str().into(), (t?, AtomicUsize::new(0)));
        }
        let markdown = crate::convert::Markdown::new(&site.settings);
        let includes_load_paths = site.settings.includes_load_paths();
        let profiling = site.raw.get("profile").is_some_and(Value::is_truthy);
        let source_map_pages = crate::convert::source_map_pages(&site);
        let page_contents = site
            .pages
            .iter()
            .filter(|p| p.order != 0)
            .map(|p| (p.order, Default::default()))
            .collect();
        let config_str = |key| {
            site.raw
                .get(key)
                .and_then(Value::as_str)
                .map(str::to_string)
        };
        let (url, baseurl) = (config_str("url"), config_str("baseurl"));
        let theme = site.settings.theme.as_ref().map(|t| t.to_liquid());
        let jekyll = Value::object(JekyllDrop {
            environment: site.environment.clone(),
        });
        let globals =
            std::array::from_fn(|i| base_globals(&jekyll, &theme, i & 1 != 0, i & 2 != 0));
        let zone: Arc<dyn hyde_liquid::Zone> =
            Arc::new(crate::site_context::TzZone(site.settings.timezone));
        let layout_data = site
            .layouts
            .keys()
            .map(|name| (name.as_str().into(), merged_layout_data(&site, name)))
            .collect();
        Ok(Build {
            layout_data,
            globals,
            around: [Value::str("\n"), Value::str("")],
            zone,
            url,
            baseurl,
            site,
            engine,
            layouts,
            markdown,
            includes_load_paths,
            includes: Default::default(),
            profiler: profiling.then(Default::default),
            source_maps: Default::default(),
            source_map_pages,
            pagination: Default::default(),
            sass_memo: None,
            sass_folders: Default::default(),
            page_contents,
        })
    }

    /// Whether `--profile` statistics are being gathered.
    pub(crate) fn profiling(&self) -> bool {
        self.profiler.is_some()
    }

    /// Records one render for `--profile`.
    pub(crate) fn profile(&self, template: &str, bytes: usize, time: std::time::Duration) {
        if let Some(p) = &self.profiler {
            if let Ok(mut m) = p.lock() {
                let row = m.entry(template.to_string()).or_insert_with(|| ProfileRow {
                    template: template.to_string(),
                    ..Default::default()
                });
                row.count += 1;
                row.bytes += bytes;
                row.time += time;
            }
        }
    }

    /// What every render of `doc` shares (its content, its excerpt, each
    /// layout of its chain), made once for all of them.
    fn doc_globals(
        self: &Arc<Self>,
        site: &Arc<SiteDrop>,
        doc: &Arc<Document>,
        page: Value,
    ) -> DocGlobals {
        DocGlobals {
            site: Value::object(SiteWithCurrent::new(site.clone(), doc.clone())),
            page,
            host: Arc::new(SiteRef(self.clone())),
        }
    }

    /// A render context for `doc` with `site`, `page`, `jekyll` (and, when
    /// given, `content` and `layout`) set.
    fn context(
        self: &Arc<Self>,
        g: &DocGlobals,
        doc: &Arc<Document>,
        phase: Phase,
        content: Option<Value>,
        layout: Option<Value>,
    ) -> Context {
        let mut ctx = Context::new(&self.engine);
        // jekyll-paginate's paginator lists posts.
        if doc.collection().is_none()
            && record::is_recording()
            && crate::plugins::is_enabled(&self.site, crate::plugins::Plugin::Paginate)
        {
            record::record_list("posts");
        }
        // Jekyll's Markdown converter sets both to "\n" (kramdown then sees the
        // `{% highlight %}` block as a block of its own); other converters leave them nil.
        let around = match converter_for(&self.site, &doc.extname) {
            Converter::Markdown => &self.around[0],
            _ => &self.around[1],
        };
        // The slots follow [`base_globals`]' order.
        let variant = usize::from(content.is_some()) | usize::from(layout.is_some()) << 1;
        let mut globals = self.globals[variant].clone();
        globals[0] = g.site.clone();
        globals[1] = g.page.clone();
        globals[4] = around.clone();
        globals[5] = around.clone();
        for (slot, v) in (6..).zip(content.into_iter().chain(layout)) {
            globals[slot] = v;
        }
        ctx.set_globals(globals);
        // Host state for Jekyll's tags and filters: the site (Jekyll's
        // `registers[:site]`), the `page` register and the zone.
        ctx.set_host(g.host.clone());
        ctx.set_register("page", g.page.clone());
        ctx.set_zone(self.zone.clone());
        crate::plugins::prepare_context(self, &mut ctx, doc, phase);
        ctx
    }

    /// Converts `text` with the document's converter.
    fn convert(&self, doc: &Document, text: &str) -> Result<String> {
        match converter_for(&self.site, &doc.extname) {
            Converter::Identity => Ok(text.to_string()),
            Converter::Markdown => self.markdown.convert(text, &doc.relative_path),
            Converter::Sass => {
                let (css, map) = self.sass(doc, text)?;
                if let Some(map) = map {
                    if let Ok(mut maps) = self.source_maps.lock() {
                        let dir = doc
                            .output_path
                            .rsplit_once('/')
                            .map(|(d, _)| format!("{d}/"))
                            .unwrap_or_default();
                        maps.push((format!("{dir}{}.css.map", doc.basename), map));
                    }
                }
                Ok(css)
            }
        }
    }
}

impl Build {
    /// Sass conversion, memoised across a serve session's builds: the same
    /// file with the same text and unchanged Sass folders is not compiled again.
    fn sass(&self, doc: &Document, text: &str) -> Result<(String, Option<String>)> {
        let Some(memo) = &self.sass_memo else {
            return crate::convert::sass(&self.site, doc, text);
        };
        let folders = *self
            .sass_folders
            .get_or_init(|| crate::incremental::sass_folders_digest(&self.site));
        let key = (doc.path.clone(), crate::incremental::text_digest(text));
        let hit = memo
            .entries
            .lock()
            .ok()
            .and_then(|m| m.get(&key).filter(|e| e.folders == folders).cloned());
        if let Some(e) = hit {
            return Ok((e.css, e.map));
        }
        memo.compilations
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let (css, map) = crate::convert::sass(&self.site, doc, text)?;
        if let Ok(mut m) = memo.entries.lock() {
            m.insert(
                key,
                crate::incremental::SassEntry {
                    folders,
                    css: css.clone(),
                    map: map.clone(),
                },
            );
        }
        Ok((css, map))
    }
}

/// The globals one document's renders share (see [`Build::doc_globals`]).
struct DocGlobals {
    /// `site`, knowing the document (for `site.related_posts`).
    site: Value,
    page: Value,
    /// The site as Jekyll's tags and filters reach it.
    host: Arc<SiteRef>,
}

/// A render's globals in the order Jekyll's payload has them, with `site`,
/// `page` and the highlighter strings left nil for [`Build::context`] to
/// set: `site`, `page`, `jekyll`, `paginator`, `highlighter_prefix`,
/// `highlighter_suffix`, then `content` and `layout` when the render sets
/// them, then `theme` when the site has one.
fn base_globals(jekyll: &Value, theme: &Option<Value>, content: bool, layout: bool) -> Map {
    let mut names = vec![
        "site",
        "page",
        "jekyll",
        "paginator",
        "highlighter_prefix",
        "highlighter_suffix",
    ];
    names.extend(content.then_some("content"));
    names.extend(layout.then_some("layout"));
    let mut globals = Map::with_capacity(names.len() + 1);
    for name in names {
        globals.insert(Value::str(name), Value::Nil);
    }
    globals[2] = jekyll.clone();
    if let Some(theme) = theme {
        globals.insert(Value::str("theme"), theme.clone());
    }
    globals
}

/// The converter for an extension.
pub fn converter_for(site: &Site, ext: &str) -> Converter {
    if site.settings.is_markdown_ext(ext) {
        Converter::Markdown
    } else if ext == ".scss" || ext == ".sass" {
        Converter::Sass
    } else {
        Converter::Identity
    }
}

/// A Liquid error as a build error, with lines counted in the source file.
pub fn liquid_error(
    e: hyde_liquid::Error,
    file: &str,
    first_line: usize,
    source: &std::path::Path,
) -> Error {
    // Includes are named by absolute path; show them relative to the source.
    let prefix = format!("{}/", source.display());
    let rel = |f: &str| f.strip_prefix(&prefix).unwrap_or(f).to_string();
    // Lines in the document itself count from the top of the file.
    let line_in = |f: Option<&str>, line: usize| {
        if f.is_none_or(|f| f == file) {
            line + first_line.saturating_sub(1)
        } else {
            line
        }
    };
    let loc = e.location().cloned();
    let mut span = Span::file(file);
    if let Some(l) = &loc {
        let same_file = l.file.as_deref().is_none_or(|f| f == file);
        span.file = rel(l.file.as_deref().unwrap_or(file));
        span.line = if same_file {
            l.line + first_line.saturating_sub(1)
        } else {
            l.line
        };
        span.column = l.column;
        span.source_line = Some(l.source_line.clone());
    }
    let mut message = format!("{}: {}", e.kind().prefix(), e.message());
    for frame in e.include_stack() {
        message.push_str(&format!("\n  in include '{}'", rel(&frame.name)));
        if let Some(from) = &frame.from {
            message.push_str(&format!(
                ", included from {}:{}",
                rel(from.file.as_deref().unwrap_or(file)),
                line_in(from.file.as_deref(), from.line)
            ));
        }
    }
    // A tag that only a Ruby plugin defines: name the plugin.
    let foreign = e
        .message()
        .split_once("Unknown tag '")
        .and_then(|(_, rest)| rest.split_once('\''))
        .and_then(|(name, _)| Some((name, crate::plugins::plugin_defining(name)?)));
    if let Some((name, gem)) = foreign {
        let hint = format!(
            "the tag '{name}' comes from the plugin {gem}: list it under plugins: in _config.yml if hyde builds it in, or remove the tag"
        );
        return Error::new(ErrorKind::Liquid, span, message, hint);
    }
    let hint = match e.kind() {
        _ if e.message().contains("Could not locate the included file") => {
            "create the file in _includes, or fix the name in the include tag"
        }
        hyde_liquid::ErrorKind::Syntax => "check that every tag is known and every block is closed",
        hyde_liquid::ErrorKind::FileSystem => "check that the included file exists in _includes",
        _ => "check the Liquid tag or filter at this position",
    };
    Error::new(ErrorKind::Liquid, span, message, hint)
}

/// Renders a document's (or page's) content: Liquid, then its converter.
fn render_content(
    b: &Arc<Build>,
    site: &Arc<SiteDrop>,
    doc: &Arc<Document>,
    phase: Phase,
) -> Result<String> {
    crate::drops::with_viewer(doc.order, || render_content_inner(b, site, doc, phase))
}

/// A page's converted content (before layouts) and what rendering it read,
/// rendered once: by the pages' pass, or sooner by a later page reading it.
///
/// Jekyll renders pages one after another, so a page reading another
/// page's `content` sees the converted text of the pages rendered before it.
/// Only strictly earlier pages are read this way, so the on-demand renders
/// cannot wait on each other in a cycle; and rendering starts no rayon work,
/// so a thread waiting here never has its own page's pass stolen onto it.
fn page_slot<'a>(
    b: &'a Arc<Build>,
    site: Option<&Arc<SiteDrop>>,
    page: &Arc<Document>,
    record: bool,
) -> Option<&'a PageContent> {
    let slot = b.page_contents.get(&page.order)?;
    Some(slot.get_or_init(|| {
        let own;
        let site = match site {
            Some(s) => s,
            None => {
                own = Arc::new(SiteDrop::new(b.clone(), Phase::Pages));
                &own
            }
        };
        let (text, deps) = recording(record, || render_content(b, site, page, Phase::Pages));
        PageContent {
            text: std::sync::Mutex::new(Some(text)),
            deps,
        }
    }))
}

/// The text of a page's slot, whoever holds the lock last.
fn slot_text(slot: &PageContent) -> std::sync::MutexGuard<'_, Option<Result<String>>> {
    slot.text
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The converted content of `page`, as a page rendered after it sees it, and
/// what rendering it read (empty when no recording is on).
pub(crate) fn page_content(b: &Arc<Build>, page: &Arc<Document>) -> (String, Deps) {
    let record = record::is_recording();
    if !record {
        if let Some(done) = page.rendered.get() {
            return (done.clone(), Deps::default());
        }
    }
    let Some(slot) = page_slot(b, None, page, record) else {
        return (page.current_content().to_string(), Deps::default());
    };
    let text = match &*slot_text(slot) {
        Some(Ok(s)) => s.clone(),
        Some(Err(_)) => page.content.clone(),
        // Moved into the page's `rendered` by the pages' pass.
        None => page.current_content().to_string(),
    };
    (text, slot.deps.clone())
}

/// Moves a page's converted content out of its slot, with what rendering
/// it read (`None` when the slot was never filled or is already empty).
fn take_page_content(b: &Build, page: &Document) -> Option<Converted> {
    let slot = b.page_contents.get(&page.order)?.get()?;
    let text = slot_text(slot).take()?;
    Some((text, slot.deps.clone()))
}

fn render_content_inner(
    b: &Arc<Build>,
    site: &Arc<SiteDrop>,
    doc: &Arc<Document>,
    phase: Phase,
) -> Result<String> {
    let rendered;
    let mut text = doc.content.as_str();
    if doc.render_with_liquid() {
        let layout = first_layout(b, doc)
            .and_then(|l| b.layout_data.get(l.name.as_str()))
            .and_then(|chain| chain.first().cloned());
        let g = b.doc_globals(site, doc, doc_value(b, doc, phase));
        let mut ctx = b.context(&g, doc, phase, None, layout);
        if let Some(name) = doc.get("layout").filter(|v| !v.is_nil()) {
            // The name is built only when a recording is on.
            record::record(|d| {
                d.layouts.insert(name.to_liquid_string());
            });
        }
        let t =
            Template::parse_named(&doc.content, &doc_display(b, doc), &b.engine).map_err(|e| {
                liquid_error(
                    e,
                    &doc_display(b, doc),
                    doc.content_line,
                    &b.site.settings.source,
                )
            })?;
        let started = std::time::Instant::now();
        let mut out = String::with_capacity(doc.content.len() + doc.content.len() / 4);
        let result = t.render_to(&mut ctx, &mut out).map(|()| out);
        if let Ok(out) = &result {
            b.profile(&doc_display(b, doc), out.len(), started.elapsed());
        }
        rendered = result.map_err(|e| {
            liquid_error(
                e,
                &doc_display(b, doc),
                doc.content_line,
                &b.site.settings.source,
            )
        })?;
        text = &rendered;
    }
    b.convert(doc, text)
}

fn first_layout<'a>(b: &'a Build, doc: &Document) -> Option<&'a Arc<crate::site::Layout>> {
    let name = doc.get("layout")?;
    if name.is_nil() {
        return None;
    }
    b.site.layouts.get(&name.to_liquid_string())
}

/// The `layout` hash at each step of the layout chain starting at `start`,
/// following the chain as [`place_in_layouts`] does (stopping where it would
/// come back to a layout already applied).
fn merged_layout_data(site: &Site, start: &str) -> Vec<Value> {
    let mut steps = Vec::new();
    let mut data = Map::new();
    let mut used: Vec<&str> = Vec::new();
    let mut layout = site.layouts.get(start);
    while let Some(l) = layout {
        let mut merged = l.data.clone();
        deep_merge(&mut merged, &data);
        data = merged;
        steps.push(Value::hash(data.clone()));
        used.push(&l.name);
        let next = match l.data.get(&Value::str("layout")) {
            Some(Value::Nil) | None => None,
            Some(v) => Some(v.to_liquid_string()),
        };
        layout = next.as_ref().and_then(|n| site.layouts.get(n));
        if next.is_some_and(|n| used.contains(&n.as_str())) {
            break;
        }
    }
    steps
}

/// The name `--profile` gives the template at `path` (absolute): Jekyll's
/// `LiquidRenderer#normalize_path`. A file in the source is named relative
/// to it; one in a gem from the gem's folder on (`minima-2.5.1/_includes/x`);
/// one under a `lib` folder from the folder above it; one in the theme as
/// `<theme folder>/<rest>`; anything else without its leading slash.
pub(crate) fn profile_name(source: &Path, theme: Option<&Path>, path: &Path) -> String {
    if let Ok(rest) = path.strip_prefix(source) {
        return rest.to_string_lossy().into_owned();
    }
    let full = path.to_string_lossy();
    // `(/gems/.*)*/gems/(?<dirname>[^/]+)(?<rest>.*)`: the match starts at
    // the first `/gems/` it can; the greedy repetition then ends on the last
    // `/gems/` past that one (not overlapping it) that a folder name follows.
    const GEMS: &str = "/gems/";
    let at: Vec<usize> = (0..full.len())
        .filter(|&i| full.as_bytes()[i..].starts_with(GEMS.as_bytes()))
        .collect();
    let named = |i: usize| {
        full[i + GEMS.len()..]
            .chars()
            .next()
            .is_some_and(|c| c != '/')
    };
    for &first in &at {
        let last = at
            .iter()
            .rev()
            .copied()
            .find(|&i| i >= first + GEMS.len() && named(i));
        if let Some(i) = last.or(named(first).then_some(first)) {
            return full[i + GEMS.len()..].to_string();
        }
    }
    // `(?<dirname>[^/]+/lib)(?<rest>.*)`: from the first folder that `/lib`
    // follows.
    for (i, _) in full.match_indices("/lib") {
        let folder = full[..i].rfind('/').map_or(0, |j| j + 1);
        if folder < i {
            return full[folder..].to_string();
        }
    }
    if let Some(rest) = theme.and_then(|t| path.strip_prefix(t).ok()) {
        let name = theme.and_then(Path::file_name).unwrap_or_default();
        return Path::new(name).join(rest).to_string_lossy().into_owned();
    }
    full.strip_prefix('/').unwrap_or(&full).to_string()
}

/// How a document is named in messages: its path relative to the source.
fn doc_display(b: &Build, doc: &Document) -> String {
    crate::config::display_path(&b.site.settings.source, &doc.path)
}

/// The rendered excerpt of a document (rendered once, on first use).
pub fn excerpt_output(b: &Arc<Build>, doc: &Arc<Document>) -> String {
    if let Some(s) = doc.rendered_excerpt.get() {
        return s.clone();
    }
    let out = render_excerpt(b, doc).unwrap_or_default();
    doc.rendered_excerpt.get_or_init(|| out).clone()
}

fn render_excerpt(b: &Arc<Build>, doc: &Arc<Document>) -> Result<String> {
    let Some(raw) = &doc.excerpt else {
        return Ok(String::new());
    };
    let mut text = raw.clone();
    let no_liquid = matches!(doc.get("render_with_liquid"), Some(Value::Bool(false)));
    if !no_liquid && (raw.contains("{%") || raw.contains("{{")) {
        let site = Arc::new(SiteDrop::new(b.clone(), Phase::Documents));
        let page = Value::object(DocDrop::new(b.clone(), doc.clone(), Phase::Documents));
        let g = b.doc_globals(&site, doc, page);
        let mut ctx = b.context(&g, doc, Phase::Documents, None, None);
        let name = format!("{}/#excerpt", doc_display(b, doc));
        let t = Template::parse_named(raw, &name, &b.engine)
            .map_err(|e| liquid_error(e, &name, doc.content_line, &b.site.settings.source))?;
        text = t
            .render(&mut ctx)
            .map_err(|e| liquid_error(e, &name, doc.content_line, &b.site.settings.source))?;
    }
    b.convert(doc, &text)
}

/// Applies the layout chain to converted content.
fn place_in_layouts(
    b: &Arc<Build>,
    site: &Arc<SiteDrop>,
    doc: &Arc<Document>,
    content: &str,
    phase: Phase,
    warnings: &mut Vec<Warning>,
) -> Result<String> {
    let name = match doc.get("layout") {
        None | Some(Value::Nil) => return Ok(content.to_string()),
        Some(v) => v.to_liquid_string(),
    };
    record::record(|d| {
        d.layouts.insert(name.clone());
    });
    let mut layout = b.site.layouts.get(&name);
    if layout.is_none() {
        if name != "none" || doc.collection().is_none() {
            warnings.push(Warning::at(
                crate::site::key_span(&doc.path, &doc_display(b, doc), "layout"),
                format!(
                    "Build Warning: Layout '{name}' requested in {} does not exist.",
                    doc.relative_path
                ),
                format!("create _layouts/{name}.html or fix the layout name"),
            ));
        }
        return Ok(content.to_string());
    }
    // What the last layout gave; the converted content (borrowed) before.
    let mut output: Option<String> = None;
    let chain = b
        .layout_data
        .get(name.as_str())
        .map_or(&[][..], Vec::as_slice);
    let mut used: Vec<String> = Vec::new();
    // Jekyll's `page` in a page's layouts is a copy taken before the page
    // rendered: its `content` is the source, as while converting pages.
    // (A document's `page` is a live drop: converted.)
    let page_phase = match doc.kind {
        crate::document::Kind::Page => Phase::Pages,
        _ => phase,
    };
    let g = b.doc_globals(site, doc, doc_value(b, doc, page_phase));
    while let Some(l) = layout {
        let inner = output.as_deref().unwrap_or(content);
        let mut ctx = b.context(
            &g,
            doc,
            phase,
            Some(Value::str(inner)),
            chain.get(used.len()).cloned(),
        );
        let (t, added) = &b.layouts[l.name.as_str()];
        let started = std::time::Instant::now();
        // Sized for the content and what this layout added before, so the
        // output is not copied over and over as it grows.
        let mut out = String::with_capacity(inner.len() + added.load(Ordering::Relaxed));
        let rendered = t.render_to(&mut ctx, &mut out).map(|()| out);
        if let Ok(out) = &rendered {
            b.profile(&l.relative_path, out.len(), started.elapsed());
            added.fetch_max(out.len().saturating_sub(inner.len()), Ordering::Relaxed);
        }
        output = Some(rendered.map_err(|e| {
            liquid_error(e, &l.relative_path, l.content_line, &b.site.settings.source)
        })?);
        used.push(l.name.clone());
        let next = match map_get(&l.data, "layout") {
            Some(Value::Nil) | None => None,
            Some(v) => Some(v.to_liquid_string()),
        };
        if let Some(n) = &next {
            record::record(|d| {
                d.layouts.insert(n.clone());
            });
        }
        layout = next.as_ref().and_then(|n| b.site.layouts.get(n));
        if let Some(n) = &next {
            if used.contains(n) {
                break;
            }
        }
    }
    Ok(output.unwrap_or_else(|| content.to_string()))
}

/// A document's final output and the warnings its layouts gave.
type Laid = (String, Vec<Warning>);

/// Applies layouts to every document of `docs` in parallel (those the plan,
/// if any, cannot reuse from the last build).
fn layout_pass(
    b: &Arc<Build>,
    site: &Arc<SiteDrop>,
    docs: &[Arc<Document>],
    phase: Phase,
    mut plan: Option<&mut Plan>,
) -> Vec<Result<(String, Vec<Warning>)>> {
    let reused: Vec<Option<(String, Vec<Warning>)>> = docs
        .iter()
        .map(|d| plan.as_mut().and_then(|p| p.reuse_output(d, &b.site)))
        .collect();
    let record = plan.is_some();
    let results: Vec<(Result<Laid>, Option<Deps>)> = docs
        .par_iter()
        .with_max_len(1)
        .zip(reused)
        .map(|(d, reused)| {
            if let Some(r) = reused {
                return (Ok(r), None);
            }
            let (r, deps) = recording(record, || {
                let mut w = Vec::new();
                let content = d.rendered.get().map_or("", String::as_str);
                let out = if d.place_in_layout() {
                    crate::drops::with_viewer(d.order, || {
                        place_in_layouts(b, site, d, content, phase, &mut w)
                    })?
                } else {
                    content.to_string()
                };
                let mut out = crate::plugins::post_render(&b.site, d, out);
                // Outputs wait in memory until written: no spare capacity.
                out.shrink_to_fit();
                Ok((out, w))
            });
            (r, Some(deps))
        })
        .collect();
    let mut out = Vec::with_capacity(docs.len());
    for (d, (r, deps)) in docs.iter().zip(results) {
        if let (Some(p), Ok((o, w)), Some(deps)) = (plan.as_mut(), &r, deps) {
            p.output_rendered(d, o, w, deps);
        }
        out.push(r);
    }
    out
}

/// A converted content and what rendering it read.
type Converted = (Result<String>, Deps);

/// Converts the content of every document of `docs` in parallel (those the
/// plan, if any, cannot reuse), setting each one's `rendered`.
fn content_pass(
    b: &Arc<Build>,
    site: &Arc<SiteDrop>,
    docs: &[Arc<Document>],
    phase: Phase,
    mut plan: Option<&mut Plan>,
) -> Result<()> {
    let reused: Vec<bool> = docs
        .iter()
        .map(|d| plan.as_mut().is_some_and(|p| p.reuse_content(d, &b.site)))
        .collect();
    let record = plan.is_some();
    // `None`: reused by the plan; `Some(None)`: rendered in the page's slot.
    let results: Vec<Option<Option<Converted>>> = docs
        .par_iter()
        .with_max_len(1)
        .zip(&reused)
        .map(|(d, reused)| {
            if *reused {
                return None;
            }
            if phase == Phase::Pages && page_slot(b, Some(site), d, record).is_some() {
                return Some(None);
            }
            Some(Some(recording(record, || {
                render_content(b, site, d, phase)
            })))
        })
        .collect();
    for (d, r) in docs.iter().zip(results) {
        let Some(r) = r else { continue };
        // Moved out of the slot only now: until every page of the pass is
        // done, a later page may still read it from there.
        let done = r.or_else(|| take_page_content(b, d));
        if let Some((r, deps)) = done {
            let _ = d.rendered.set(r?);
            if let Some(p) = plan.as_mut() {
                p.content_rendered(d, deps);
            }
        }
    }
    Ok(())
}

/// Renders the whole site into output files.
///
/// Documents render in parallel, except when `include_cached` is on: it keeps
/// the first rendering of each call, and Jekyll's "first" is render order, so
/// then the same passes run on one thread, in order.
pub fn render(site: Site) -> Result<Rendered> {
    render_with(site, None)
}

/// [`render`], reusing what `plan` says is unchanged since the last build
/// and recording what each output reads.
pub(crate) fn render_with(site: Site, plan: Option<&mut Plan>) -> Result<Rendered> {
    if crate::plugins::needs_ordered_rendering(&site) {
        if let Ok(pool) = rayon::ThreadPoolBuilder::new().num_threads(1).build() {
            return pool.install(|| render_passes(site, plan));
        }
    }
    render_passes(site, plan)
}

fn render_passes(site: Site, mut plan: Option<&mut Plan>) -> Result<Rendered> {
    let mut build = Build::new(site)?;
    build.sass_memo = plan.as_ref().map(|p| p.sass());
    let b = Arc::new(build);
    // The converter's own settings warnings (unknown CommonMark names).
    let mut warnings: Vec<Warning> = b.markdown.warnings().iter().map(Warning::plain).collect();

    // Pass 1a: collection documents.
    let docs: Vec<Arc<Document>> = b
        .site
        .collections
        .iter()
        .flat_map(|c| c.docs.iter().cloned())
        .collect();
    let site_docs = Arc::new(SiteDrop::new(b.clone(), Phase::Documents));
    content_pass(&b, &site_docs, &docs, Phase::Documents, plan.as_deref_mut())?;
    // Excerpts, with the site as documents saw it.
    let record = plan.is_some();
    let excerpt_deps: Vec<Deps> = docs
        .par_iter()
        .map(|d| {
            if d.rendered_excerpt.get().is_some() {
                return Deps::default();
            }
            recording(record, || excerpt_output(&b, d)).1
        })
        .collect();
    if let Some(p) = plan.as_deref_mut() {
        p.excerpts_rendered(&docs, excerpt_deps);
        p.contents_done(&docs);
    }

    // Pass 2a: documents' layouts (Jekyll renders documents before pages).
    let site_doc_layouts = Arc::new(SiteDrop::new(b.clone(), Phase::DocumentLayouts));
    let doc_results = layout_pass(
        &b,
        &site_doc_layouts,
        &docs,
        Phase::DocumentLayouts,
        plan.as_deref_mut(),
    );
    // A document's output moves into its `output` (pages may read it), and
    // its file is written from there: `None` below. No copy of it is made.
    let mut results: Vec<Result<(Option<String>, Vec<Warning>)>> = Vec::new();
    for (d, r) in docs.iter().zip(doc_results) {
        let (out, w) = r?;
        let kept = d.output.set(out).err();
        if d.write {
            results.push(Ok((kept, w)));
        }
    }
    let mut targets: Vec<Arc<Document>> = docs.iter().filter(|d| d.write).cloned().collect();

    // What the documents' passes cached (a drop for every document of the
    // site in each phase that read `site`) is not read again: freed now, the
    // pages' passes reuse its memory instead of touching new pages.
    free_off_thread((site_docs, site_doc_layouts));

    // Pass 1b: pages' content, seeing documents converted.
    let pages: Vec<Arc<Document>> = b.site.pages.clone();
    let site_pages = Arc::new(SiteDrop::new(b.clone(), Phase::Pages));
    content_pass(&b, &site_pages, &pages, Phase::Pages, plan.as_deref_mut())?;
    if let Some(p) = plan.as_deref_mut() {
        p.contents_done(&pages);
    }

    // Pass 2b: pages' layouts.
    let site_layouts = Arc::new(SiteDrop::new(b.clone(), Phase::Layouts));
    results.extend(
        layout_pass(&b, &site_layouts, &pages, Phase::Layouts, plan)
            .into_iter()
            .map(|r| r.map(|(out, w)| (Some(out), w))),
    );
    targets.extend(pages.iter().cloned());

    // Jekyll writes pages, then static files, then documents: on a collision
    // the last one written wins.
    let mut page_files = Vec::new();
    let mut doc_files = Vec::new();
    let mut files = Vec::new();
    let mut seen: HashMap<String, String> = HashMap::new();
    for (d, r) in targets.iter().zip(results) {
        let (out, w) = r?;
        warnings.extend(w);
        if let Some(prev) = seen.insert(d.output_path.clone(), d.relative_path.clone()) {
            warnings.push(Warning::at(
                crate::site::key_span(&d.path, &doc_display(&b, d), "permalink"),
                format!(
                    "Conflict: The following destination is shared by multiple files. The written file may end up with unexpected contents. {} ← {}, {}",
                    d.output_path, prev, d.relative_path
                ),
                "give each file its own permalink",
            ));
        }
        let f = OutputFile {
            path: d.output_path.clone(),
            contents: match out {
                Some(out) => Contents::Bytes(out.into_bytes()),
                None => Contents::Output(d.clone()),
            },
        };
        if d.collection().is_some() {
            doc_files.push(f);
        } else {
            page_files.push(f);
        }
    }
    files.extend(page_files);
    let page_files_end = files.len();
    let statics = b
        .site
        .static_files
        .iter()
        .chain(b.site.collections.iter().flat_map(|c| c.files.iter()))
        .filter(|f| f.write);
    for f in statics {
        if let Some(prev) = seen.insert(f.output_path.clone(), f.relative_path.clone()) {
            warnings.push(Warning::at(
                Span::file(f.relative_path.trim_start_matches('/')),
                format!(
                    "Conflict: The following destination is shared by multiple files. The written file may end up with unexpected contents. {} ← {}, {}",
                    f.output_path, prev, f.relative_path
                ),
                "give each file its own permalink",
            ));
        }
        files.push(OutputFile {
            path: f.output_path.clone(),
            contents: Contents::Copy(f.path.clone()),
        });
    }
    // jekyll-sass-converter adds each source map as a page.
    let mut maps = b.source_maps.lock().map(|m| m.clone()).unwrap_or_default();
    maps.sort();
    maps.dedup_by(|x, y| x.0 == y.0);
    let map_files: Vec<OutputFile> = maps
        .into_iter()
        .map(|(path, json)| OutputFile {
            path,
            contents: Contents::Bytes(json.into_bytes()),
        })
        .collect();
    files.splice(page_files_end..page_files_end, map_files);
    files.extend(doc_files);
    let mut profile: Vec<ProfileRow> = b
        .profiler
        .as_ref()
        .and_then(|p| p.lock().ok().map(|m| m.values().cloned().collect()))
        .unwrap_or_default();
    profile.sort_by(|x, y| {
        y.time
            .cmp(&x.time)
            .then_with(|| x.template.cmp(&y.template))
    });
    // The files are written (and a serve session answers) sooner if the
    // renderer's drops and caches are freed off their path.
    free_off_thread((b, site_pages, site_layouts, docs, pages, targets));
    Ok(Rendered {
        profile,
        files,
        warnings,
    })
}

/// Drops `parts` on a thread of its own: the renderer's drops and caches
/// hold thousands of small allocations, and the build need not wait for them.
fn free_off_thread<T: Send + 'static>(parts: T) {
    std::thread::spawn(move || drop(parts));
}

#[cfg(test)]
mod tests {
    use super::profile_name;
    use std::path::Path;

    #[test]
    fn profile_names_follow_jekylls_normalize_path() {
        let name = |theme: Option<&str>, path: &str| {
            profile_name(Path::new("/site"), theme.map(Path::new), Path::new(path))
        };
        assert_eq!(
            name(None, "/site/_includes/head.html"),
            "_includes/head.html"
        );
        // From the last `/gems/` a folder name follows.
        assert_eq!(
            name(
                None,
                "/var/lib/gems/3.1.0/gems/minima-2.5.1/_includes/x.html"
            ),
            "minima-2.5.1/_includes/x.html"
        );
        // Ruby's answers for overlapping and empty names.
        assert_eq!(name(None, "/u/gems/gems/m-1/x"), "gems/m-1/x");
        assert_eq!(name(None, "/a/gems//gems/t-1/x"), "t-1/x");
        assert_eq!(name(None, "/a/gems/b/gems/"), "b/gems/");
        assert_eq!(name(None, "/x/mylib/lib"), "mylib/lib");
        // From the first folder `/lib` follows (Debian's library folder).
        assert_eq!(
            name(
                None,
                "/usr/lib/ruby/vendor_ruby/jekyll-redirect-from/redirect.html"
            ),
            "usr/lib/ruby/vendor_ruby/jekyll-redirect-from/redirect.html"
        );
        assert_eq!(name(None, "//lib/x/lib/y"), "x/lib/y");
        assert_eq!(
            name(Some("/opt/themes/mine"), "/opt/themes/mine/_layouts/a.html"),
            "mine/_layouts/a.html"
        );
        assert_eq!(name(None, "/elsewhere/x.html"), "elsewhere/x.html");
    }
}
