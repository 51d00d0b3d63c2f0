//! Deprecation warnings as dart-sass 1.78 prints them, for the kinds hyde can
//! decide exactly (today `slash-div`).
//!
//! [`crate::slash_div`] finds the candidates in the SCSS text. Whether one
//! warns depends on evaluation (is the mixin included, the branch taken, is
//! `$a` a number?), so the compilation carries a probe in front of each
//! statement that holds a candidate: `@debug "<marker> <file> <n>
//! #{type-of((operand))}…";`. The probes run exactly when the statement
//! does, in evaluation order, and report the operands' types; they print
//! nothing into the CSS. Should that run fail, hyde compiles again without
//! probes, and nothing is reported.
//!
//! As in dart-sass, a warning is shown once per place (message and span),
//! at most five times per kind unless `verbose`, followed by "N repetitive
//! deprecation warnings omitted." With `quiet_deps`, nothing is reported in
//! files found through a load path (dart-sass's dependencies); `@warn` and
//! `@debug` are not deprecations and are never silenced.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::callgraph::{self, Prediction};
use crate::compile::{Warning, WarningKind};
use crate::listing::Listings;
use crate::mixed_decls::{self, Member, SiteKind};
use crate::slash_div::{self, Candidate};
use crate::trace::{self, Callee, Stack};

const MARKER: &str = "hyde-probe-slash-div";

/// What all probes' `@debug` messages start with.
const PROBE_PREFIX: &str = "hyde-probe-";

/// dart-sass's repetition limit per deprecation kind.
pub(crate) const MAX_REPETITIONS: usize = 5;

/// Candidates of every instrumented file, filled in as grass reads them.
#[derive(Debug)]
pub(crate) struct Probes {
    entry: PathBuf,
    /// User-defined function names met so far, in any file.
    user_functions: RefCell<HashSet<String>>,
    /// A module may be configured in a way hyde cannot tell (`load-css`):
    /// any `!default` assignment may then be skipped without hyde seeing it.
    configured: std::cell::Cell<bool>,
    /// Variables `@use … with` configures: their `!default` assignments
    /// are skipped.
    configured_names: RefCell<HashSet<String>>,
    /// Files not to instrument (dependencies under `quiet_deps`).
    skip: Vec<PathBuf>,
    files: RefCell<Vec<ProbedFile>>,
    by_path: RefCell<HashMap<PathBuf, usize>>,
    /// `mixed-decls` counters are in place (the entry is SCSS and no file
    /// of the module system has been read).
    mixed: std::cell::Cell<bool>,
    /// The entry defines the colour-name probes' mixin (it loads no module).
    colour_mixin: std::cell::Cell<bool>,
    /// A trace run: the callables it follows.
    trace: Option<mixed_decls::TraceFilter>,
    /// A first run predicting the trace filter as it reads the files.
    predict: Option<RefCell<Prediction>>,
    /// The load paths (to name files as dart-sass does in stack frames).
    load_paths: Vec<PathBuf>,
    /// Colour-name warnings given: (file, place, name); dart-sass gives
    /// each message at each place once.
    colours_seen: RefCell<HashSet<(usize, usize, String)>>,
    /// How each file was loaded, when not by `@import`: `@use`, `@forward`.
    load_rules: RefCell<HashMap<usize, &'static str>>,
    /// Mixin parameter defaults with `slash-div` candidates, so far.
    mixin_defaults: RefCell<slash_div::MixinDefaults>,
    /// Each file's name in stack frames when found through a load path
    /// (else its path is shown).
    frame_urls: RefCell<HashMap<usize, String>>,
    /// Where the statement at (file, offset) calls the function whose
    /// body begins at trace site (file, site), if it does: a function is
    /// called from the same few statements thousands of times.
    calls: RefCell<HashMap<CallKey, Option<usize>>>,
    /// What the disk holds, for reading imports ahead and naming frames.
    listings: Listings,
}

/// A statement (file, offset) and a function's trace site (file, site).
type CallKey = ((usize, usize), (usize, usize));

#[derive(Debug)]
struct ProbedFile {
    path: PathBuf,
    text: String,
    candidates: Vec<Candidate>,
    mixed: mixed_decls::Plan,
    /// `text` with `_` read as `-` (same offsets), to find calls in.
    dashed: String,
    /// The whole instrumented text.
    probed: String,
    /// Where probes went: (byte offset in `text`, length inserted).
    inserted: Vec<(usize, usize)>,
    /// `probed` carries source-map markers too (and `inserted` them).
    marked: bool,
}

impl Probes {
    pub(crate) fn new(entry: &Path, mut skip: Vec<PathBuf>, load_paths: &[PathBuf]) -> Probes {
        // grass reads imports by their canonical paths (see `HydeFs`).
        let canonical: Vec<PathBuf> = skip
            .iter()
            .filter_map(|d| std::fs::canonicalize(d).ok())
            .collect();
        skip.extend(canonical);
        Probes {
            entry: entry.to_path_buf(),
            user_functions: RefCell::new(HashSet::new()),
            configured: std::cell::Cell::new(false),
            configured_names: RefCell::new(HashSet::new()),
            skip,
            files: RefCell::new(Vec::new()),
            by_path: RefCell::new(HashMap::new()),
            mixed: std::cell::Cell::new(false),
            colour_mixin: std::cell::Cell::new(false),
            trace: None,
            predict: None,
            load_paths: load_paths.to_vec(),
            colours_seen: RefCell::new(HashSet::new()),
            load_rules: RefCell::new(HashMap::new()),
            calls: RefCell::new(HashMap::new()),
            listings: Listings::default(),
            mixin_defaults: RefCell::new(HashMap::new()),
            frame_urls: RefCell::new(HashMap::new()),
        }
    }

    /// What the disk holds (shared with the file system grass reads
    /// through).
    pub(crate) fn listings(&self) -> &Listings {
        &self.listings
    }

    /// The text of the stylesheet at `path` if the prediction read it
    /// ahead (so the loader does not read it again).
    pub(crate) fn text_read_ahead(&self, path: &Path) -> Option<String> {
        let predict = self.predict.as_ref()?.borrow();
        predict.text_read_ahead(path).map(str::to_string)
    }

    /// Probes for a trace run after this one (see [`crate::trace`]).
    pub(crate) fn for_trace(&self, seeds: &[Member]) -> Probes {
        let mut traced = Probes::new(&self.entry, self.skip.clone(), &self.load_paths);
        traced.trace = Some(self.trace_filter(seeds));
        traced
    }

    /// Predicts the trace filter as files are read, and puts its trace
    /// probes in (see [`crate::callgraph`]), so that a second run is needed
    /// only when [`Probes::covers`] says no.
    pub(crate) fn predicting(mut self) -> Probes {
        self.predict = Some(RefCell::new(Prediction::new()));
        self
    }

    /// Whether this (predicting) run's trace probes give the stack traces
    /// of warnings raised in `seeds`.
    pub(crate) fn covers(&self, seeds: &[Member]) -> bool {
        self.predict
            .as_ref()
            .is_some_and(|p| p.borrow().covers(&self.trace_filter(seeds)))
    }

    /// The callables a trace run follows: `seeds`, the members the warnings
    /// shown were raised in, and every callable (or content block's mixin)
    /// whose body calls or includes one, as this run's files show.
    fn trace_filter(&self, seeds: &[Member]) -> mixed_decls::TraceFilter {
        let mut filter = mixed_decls::TraceFilter::default();
        for seed in seeds {
            match seed {
                Member::Callable(name) => {
                    filter.callables.insert(name.replace('_', "-"));
                }
                Member::Content => filter.content = true,
                Member::TopLevel => {}
            }
        }
        let files = self.files.borrow();
        let mut bodies: Vec<(&str, HashSet<String>)> = files
            .iter()
            .flat_map(|f| {
                f.mixed
                    .callables
                    .iter()
                    .chain(&f.mixed.contents)
                    .map(|(name, (start, end))| {
                        (name.as_str(), callgraph::references(&f.text[*start..*end]))
                    })
            })
            .collect();
        loop {
            let callables = &filter.callables;
            let grew: Vec<String> = bodies
                .iter()
                .filter(|(name, refs)| {
                    !callables.contains(*name) && refs.iter().any(|r| callables.contains(r))
                })
                .map(|(name, _)| name.to_string())
                .collect();
            if grew.is_empty() {
                break;
            }
            bodies.retain(|(name, _)| !grew.iter().any(|g| g == name));
            filter.callables.extend(grew);
        }
        filter
    }

    /// Records the functions a stylesheet (of any syntax) defines.
    pub(crate) fn note_functions(&self, text: &str) {
        self.user_functions
            .borrow_mut()
            .extend(slash_div::function_names(text));
        match slash_div::configured_variables(text) {
            Ok(names) => self.configured_names.borrow_mut().extend(names),
            Err(()) => self.configured.set(true),
        }
    }

    /// The SCSS text grass is to read for `path`: probes inserted.
    pub(crate) fn instrument(&self, path: &Path, text: &str) -> String {
        let mut by_path = self.by_path.borrow_mut();
        let mut files = self.files.borrow_mut();
        if let Some(&index) = by_path.get(path) {
            let file = &files[index];
            // Read again with other contents: leave this copy alone.
            return if file.text == text {
                file.probed.clone()
            } else {
                text.to_string()
            };
        }
        let index = files.len();
        let skipped = self.skipped(path);
        let entry = path == self.entry;
        if entry {
            self.mixed.set(true);
        }
        let planned = self.mixed.get();
        let modules = planned && mixed_decls::uses_modules(text);
        if modules {
            // Files read from now on may have their own global scope.
            self.mixed.set(false);
        }
        if entry && !modules {
            self.colour_mixin.set(true);
        }
        let colour_mixin = planned && self.colour_mixin.get();
        let candidates = if skipped {
            Vec::new()
        } else {
            slash_div::candidates_with(text, index, &mut self.mixin_defaults.borrow_mut())
        };
        let mixed = match &self.predict {
            Some(predict) => {
                let mut predict = predict.borrow_mut();
                let ahead = predict.read_ahead(path, text, &self.load_paths, &self.listings);
                predict.read(
                    index,
                    path,
                    text,
                    candidates.iter().filter_map(|c| c.member.clone()),
                    ahead,
                );
                mixed_decls::plan(
                    text,
                    index,
                    !skipped,
                    planned,
                    colour_mixin,
                    Some(predict.filter()),
                )
            }
            None => mixed_decls::plan(
                text,
                index,
                !skipped,
                planned,
                colour_mixin,
                self.trace.as_ref(),
            ),
        };
        let mut insertions = mixed.insertions.clone();
        insertions.extend(slash_probes(text, index, &candidates));
        if entry && planned {
            // Before the first statement: a loud comment in front keeps its
            // column (dart-sass re-indents multi-line comments by it).
            let mut p = crate::script::Parser::new(text, text.starts_with('\u{feff}') as usize * 3);
            p.whitespace();
            insertions.push((p.pos, 0, mixed_decls::PRELUDE.to_string()));
            if colour_mixin {
                // After `@use "sass:…"` and friends, which come first.
                let begin = past_module_rules(text);
                insertions.push((begin, 0, mixed_decls::COLOUR_MIXIN.to_string()));
            }
        }
        if !entry {
            // Where the file begins (after `@use` and friends) and ends:
            // the import frames of every warning's stack trace.
            let begin = past_module_rules(text);
            insertions.push((begin, 0, format!("@debug hyde-probe-tb-{index};")));
            insertions.push((text.len(), 9, format!("\n@debug hyde-probe-te-{index};")));
        }
        insertions.sort_by_key(|(at, order, _)| (*at, *order));
        let (probed, inserted) = insert(text, &insertions);
        by_path.insert(path.to_path_buf(), index);
        files.push(ProbedFile {
            path: path.to_path_buf(),
            text: text.to_string(),
            dashed: text.replace('_', "-"),
            candidates,
            mixed,
            probed: probed.clone(),
            inserted,
            marked: false,
        });
        probed
    }

    /// The text [`Probes::instrument`] gave for `path` (read as `text`)
    /// with source-map markers for source `source` besides the probes (see
    /// [`crate::instrument`]): each right after its rule's `{`, before any
    /// probe there. `None` when `text` was not instrumented (the file was
    /// read again with other contents). A file read again keeps the
    /// markers of its first reading.
    pub(crate) fn with_markers(&self, path: &Path, text: &str, source: usize) -> Option<String> {
        let index = *self.by_path.borrow().get(path)?;
        let mut files = self.files.borrow_mut();
        let file = files.get_mut(index).filter(|f| f.text == text)?;
        if !file.marked {
            let markers = crate::instrument::markers(&file.text, source);
            let (probed, inserted) = add_markers(&file.probed, &file.inserted, &markers);
            file.probed = probed;
            file.inserted = inserted;
            file.marked = true;
        }
        Some(file.probed.clone())
    }

    /// The original text of line `line` (0-based) of `file` and the byte
    /// column `column` of the instrumented line maps to.
    pub(crate) fn original_position(
        &self,
        file: &str,
        line: usize,
        column: usize,
    ) -> Option<(String, usize)> {
        let index = *self.by_path.borrow().get(Path::new(file))?;
        let files = self.files.borrow();
        let f = files.get(index)?;
        let line_start: usize = f.text.split_inclusive('\n').take(line).map(str::len).sum();
        let original = f.text[line_start..].lines().next().unwrap_or("");
        let line_end = line_start + original.len();
        let mut shift = 0;
        for &(at, len) in &f.inserted {
            if at < line_start || at > line_end {
                continue;
            }
            if at - line_start + shift + len <= column {
                shift += len;
            }
        }
        Some((original.to_string(), column.saturating_sub(shift)))
    }

    /// A dependency under `quiet_deps`: a file found through a load path.
    fn skipped(&self, path: &Path) -> bool {
        path != self.entry && self.skip.iter().any(|s| path.starts_with(s))
    }

    /// The warning a probe's payload stands for, if it warns: a
    /// `slash-div` probe's if its operands are all numbers and its place
    /// has not warned yet (`seen`); a `mixed-decls` probe's every time
    /// (dart-sass compares their spans by identity). Its text is written
    /// by [`Probes::warning`], only for the warnings that are shown.
    pub(crate) fn fired(
        &self,
        payload: &str,
        seen: &mut HashSet<(usize, usize, usize)>,
    ) -> Option<Fired> {
        if let Some(rest) = payload.strip_prefix("md ") {
            // `<file> <declaration> f<file>n<node>`: the declaration, and
            // the node last added next to its rule.
            let mut parts = rest.split_whitespace();
            let file = parts.next()?.parse::<usize>().ok()?;
            let decl = parts.next()?.parse::<usize>().ok()?;
            let (node_file, node) = parts.next()?.strip_prefix('f')?.split_once('n')?;
            return Some(Fired::MixedDecls {
                file,
                decl,
                node: (node_file.parse().ok()?, node.parse().ok()?),
            });
        }
        if let Some(rest) = payload.strip_prefix("w ") {
            // `<file> <warn> <message>`
            let mut parts = rest.splitn(3, ' ');
            return Some(Fired::Warn {
                file: parts.next()?.parse().ok()?,
                index: parts.next()?.parse().ok()?,
                message: parts.next().unwrap_or("").to_string(),
            });
        }
        if let Some(rest) = payload.strip_prefix("cn ") {
            // `<file> <place> <#AARRGGBB> <the value as inspect shows it>`
            let mut parts = rest.splitn(4, ' ');
            let file = parts.next()?.parse::<usize>().ok()?;
            let place = parts.next()?.parse::<usize>().ok()?;
            let name = crate::colour::name_of_ie_hex(parts.next()?)?;
            let shown = parts.next()?.to_string();
            if !self
                .colours_seen
                .borrow_mut()
                .insert((file, place, format!("{name} {shown}")))
            {
                return None;
            }
            return Some(Fired::ColourName {
                file,
                place,
                name,
                shown,
            });
        }
        let payload = payload.strip_prefix("slash-div")?;
        let files = self.files.borrow();
        let mut parts = payload.split_whitespace();
        let file = parts.next()?.parse::<usize>().ok()?;
        let cand = parts.next()?.parse::<usize>().ok()?;
        if !parts.all(|t| t == "number") {
            return None;
        }
        let f = files.get(file)?;
        let c = f.candidates.get(cand)?;
        if let Some(name) = &c.guard {
            if self.configured.get()
                || self
                    .configured_names
                    .borrow()
                    .contains(&name.replace('_', "-"))
            {
                return None;
            }
        }
        if let Some(name) = &c.requires_function {
            if !self.user_functions.borrow().contains(name) {
                return None;
            }
        }
        let home = c.origin.as_ref().map_or(file, |(f, _)| *f);
        if !seen.insert((home, c.span.0, c.span.1)) {
            return None;
        }
        Some(Fired::SlashDiv { file, cand })
    }

    /// Replays a trace probe (`t…` payloads) on `stack`; `false` for
    /// other payloads.
    pub(crate) fn trace_event(&self, stack: &mut Stack, payload: &str) -> bool {
        let Some(rest) = payload.strip_prefix('t') else {
            return false;
        };
        // `<tag>-<file>-<site>`: an identifier (see `mixed_decls`).
        let mut parts = rest.split('-');
        let tag = parts.next().unwrap_or("");
        let file = parts.next().and_then(|f| f.parse::<usize>().ok());
        let index = parts.next().and_then(|f| f.parse::<usize>().ok());
        let files = self.files.borrow();
        let site = file
            .zip(index)
            .and_then(|(f, i)| files.get(f)?.mixed.sites.get(i));
        match (tag, file, site) {
            ("x", _, _) => stack.leave(),
            ("i", Some(f), Some(site)) => {
                let callee = if site.kind == SiteKind::Content {
                    Callee::Content
                } else {
                    Callee::Mixin
                };
                stack.enter(f, site.offset, site.member.clone(), callee);
            }
            ("s", Some(f), Some(site)) => stack.statement(f, site.offset, site.member.clone()),
            ("f", Some(function_file), Some(site)) => {
                if let SiteKind::Function(name) = &site.kind {
                    let function = (function_file, index.unwrap_or(0));
                    stack.function(name, |file, offset| {
                        *self
                            .calls
                            .borrow_mut()
                            .entry(((file, offset), function))
                            .or_insert_with(|| {
                                let f = files.get(file)?;
                                let end = slash_div::statement_end(&f.text, offset).0;
                                let call = mixed_decls::call_offset(&f.dashed[offset..end], name)?;
                                Some(offset + call)
                            })
                    });
                }
            }
            ("b", Some(f), _) => {
                let importer = stack.current_file();
                let (at, url) = self.import_of(&files, importer, f);
                if let Some(url) = url {
                    self.frame_urls.borrow_mut().insert(f, url);
                }
                stack.begin_file(f, (importer, at));
            }
            ("e", Some(f), _) => stack.end_file(f),
            _ => {}
        }
        true
    }

    /// Where `importer` imports `file` (the URL's offset) and the name
    /// dart-sass gives `file` in stack frames: found through a load path,
    /// the URL as written with the file's own name; relative to the
    /// importer, its path.
    fn import_of(
        &self,
        files: &[ProbedFile],
        importer: usize,
        file: usize,
    ) -> (usize, Option<String>) {
        let (Some(q), Some(p)) = (files.get(importer), files.get(file)) else {
            return (0, None);
        };
        let load_paths = &self.load_paths;
        for (at, url, rule) in import_urls(&q.text) {
            let found_here = q
                .path
                .parent()
                .is_some_and(|dir| same_target(&dir.join(url), &p.path, &self.listings));
            let found_in_load_path = !found_here
                && load_paths
                    .iter()
                    .any(|l| same_target(&l.join(url), &p.path, &self.listings));
            if found_here || found_in_load_path {
                self.load_rules.borrow_mut().insert(file, rule);
            }
            if found_here {
                return (at, None);
            }
            if found_in_load_path {
                let name = p
                    .path
                    .file_name()
                    .map_or(String::new(), |n| n.to_string_lossy().into_owned());
                let dir = url.rsplit_once('/').map_or("", |(d, _)| d);
                let url = if dir.is_empty() {
                    name
                } else {
                    format!("{dir}/{name}")
                };
                return (at, Some(url));
            }
        }
        (0, None)
    }

    /// The stack-trace lines under a warning raised at `offset` of `file`:
    /// its own frame, then `stack`'s.
    fn frames(
        &self,
        files: &[ProbedFile],
        file: usize,
        offset: usize,
        member: Member,
        stack: Option<&mut Stack>,
        root: Option<&Path>,
    ) -> String {
        let place = |file: usize, offset: usize| -> String {
            let Some(f) = files.get(file) else {
                return String::new();
            };
            let (line, column) = line_col(&f.text, offset);
            let url = self
                .frame_urls
                .borrow()
                .get(&file)
                .cloned()
                .unwrap_or_else(|| display_path(&f.path, root));
            format!("{url} {line}:{column}")
        };
        let named = |file: usize, member: &Member| -> String {
            match member {
                Member::Callable(name) => format!("{name}()"),
                Member::Content => "@content".to_string(),
                Member::TopLevel if file == 0 => "root stylesheet".to_string(),
                Member::TopLevel => self
                    .load_rules
                    .borrow()
                    .get(&file)
                    .copied()
                    .unwrap_or("@import")
                    .to_string(),
            }
        };
        let mut lines = vec![(place(file, offset), named(file, &member))];
        if let Some(stack) = stack {
            stack.at(&member);
            for f in stack.frames() {
                lines.push((place(f.file, f.offset), named(f.file, &f.member)));
            }
        }
        trace::format(&lines)
    }

    /// The warning as dart-sass prints it; with the trace `stack`, with all
    /// its frames.
    pub(crate) fn warning(
        &self,
        fired: &Fired,
        root: Option<&Path>,
        stack: Option<&mut Stack>,
    ) -> Option<Warning> {
        let files = self.files.borrow();
        match *fired {
            Fired::Warn {
                file,
                index,
                ref message,
            } => {
                let f = files.get(file)?;
                let (offset, member) = f.mixed.warns.get(index)?.clone();
                let (line, column) = line_col(&f.text, offset);
                let frames = self.frames(&files, file, offset, member, stack, root);
                Some(Warning {
                    debug: false,
                    kind: WarningKind::Warn,
                    formatted: format!("WARNING: {message}\n{frames}"),
                    message: message.clone(),
                    location: format!("{}:{line}:{column}", f.path.display()),
                })
            }
            Fired::ColourName {
                file,
                place,
                name,
                ref shown,
            } => {
                let f = files.get(file)?;
                let ((start, end), member) = f.mixed.colours.get(place)?.clone();
                let expr = &f.text[start..end];
                let message = format!(
                    "You probably don't mean to use the color value {name} in interpolation here.\n\
                     It may end up represented as {shown}, which will likely produce invalid CSS.\n\
                     Always quote color names when using them as strings or map keys (for example, \"{name}\").\n\
                     If you really want to use the color value here, use '\"\" + {expr}'."
                );
                let (line, column) = line_col(&f.text, start);
                let frames = self.frames(&files, file, start, member, stack, root);
                Some(Warning {
                    debug: false,
                    kind: WarningKind::Warn,
                    formatted: format!(
                        "WARNING: {message}\n\n{}{frames}",
                        highlight(&f.text, (start, end))
                    ),
                    message,
                    location: format!("{}:{line}:{column}", f.path.display()),
                })
            }
            Fired::SlashDiv { file, cand } => {
                let f = files.get(file)?;
                let c = f.candidates.get(cand)?;
                if let Some((home, _)) = &c.origin {
                    // A parameter default: the mixin's frame, then the
                    // `@include` that left the parameter out.
                    let d = files.get(*home)?;
                    let mixin = Member::Callable(c.member.clone().unwrap_or_default());
                    let own = self.frames(&files, *home, c.span.0, mixin, None, root);
                    let call = self.frames(
                        &files,
                        file,
                        c.statement,
                        mixed_decls::member_at(&f.text, c.statement),
                        stack,
                        root,
                    );
                    return Some(warning(d, c, &realign(&format!("{own}{call}"))));
                }
                let member = if stack.is_some() {
                    mixed_decls::member_at(&f.text, c.span.0)
                } else {
                    c.member.clone().map_or(Member::TopLevel, Member::Callable)
                };
                let frames = self.frames(&files, file, c.span.0, member, stack, root);
                Some(warning(f, c, &frames))
            }
            Fired::MixedDecls { file, decl, node } => {
                let f = files.get(file)?;
                let site = f.mixed.decls.get(decl)?;
                let nf = files.get(node.0)?;
                let frames =
                    self.frames(&files, file, site.span.0, site.member.clone(), stack, root);
                Some(self.mixed_warning(f, site, nf, *nf.mixed.nodes.get(node.1)?, root, &frames))
            }
        }
    }

    /// The member a warning shown was raised in when it needs the trace
    /// run: a mixin, a function or a content block (the import frames come
    /// with every run).
    pub(crate) fn needs_frames(&self, fired: &Fired) -> Option<Member> {
        let files = self.files.borrow();
        let member = match *fired {
            Fired::Warn { file, index, .. } => files
                .get(file)
                .and_then(|f| f.mixed.warns.get(index))
                .map(|(_, m)| m.clone()),
            Fired::ColourName { file, place, .. } => files
                .get(file)
                .and_then(|f| f.mixed.colours.get(place))
                .map(|(_, m)| m.clone()),
            Fired::SlashDiv { file, cand } => files.get(file).and_then(|f| {
                let c = f.candidates.get(cand)?;
                if c.origin.is_some() {
                    return Some(Member::Callable(c.member.clone().unwrap_or_default()));
                }
                Some(mixed_decls::member_at(&f.text, c.span.0))
            }),
            Fired::MixedDecls { file, decl, .. } => files
                .get(file)
                .and_then(|f| f.mixed.decls.get(decl))
                .map(|d| d.member.clone()),
        };
        member.filter(|m| *m != Member::TopLevel)
    }

    /// A `@warn`'s stack-trace lines, from its `path:line:column`.
    pub(crate) fn warn_frames(
        &self,
        location: &str,
        stack: &mut Stack,
        root: Option<&Path>,
    ) -> Option<String> {
        let mut parts = location.rsplitn(3, ':');
        let column = parts.next()?.parse::<usize>().ok()?;
        let line = parts.next()?.parse::<usize>().ok()?;
        let index = *self.by_path.borrow().get(Path::new(parts.next()?))?;
        let files = self.files.borrow();
        let text = &files.get(index)?.text;
        let line_start: usize = text
            .split_inclusive('\n')
            .take(line - 1)
            .map(str::len)
            .sum();
        let offset = line_start
            + text[line_start..]
                .chars()
                .take(column - 1)
                .map(char::len_utf8)
                .sum::<usize>();
        let member = mixed_decls::member_at(text, offset);
        Some(self.frames(&files, index, offset, member, Some(stack), root))
    }

    fn mixed_warning(
        &self,
        f: &ProbedFile,
        site: &mixed_decls::Site,
        nf: &ProbedFile,
        node_span: (usize, usize),
        root: Option<&Path>,
        frames: &str,
    ) -> Warning {
        let (line, column) = line_col(&f.text, site.span.0);
        let file_shown = display_path(&f.path, root);
        let highlight = crate::highlight::render(&[
            crate::highlight::Span {
                text: &f.text,
                url: file_shown.clone(),
                range: site.span,
                label: Some("declaration"),
                primary: true,
            },
            crate::highlight::Span {
                text: &nf.text,
                url: display_path(&nf.path, root),
                range: node_span,
                label: Some("nested rule"),
                primary: false,
            },
        ]);
        Warning {
            debug: false,
            kind: WarningKind::Deprecation("mixed-decls"),
            message: MIXED_DECLS.to_string(),
            location: format!("{}:{line}:{column}", f.path.display()),
            formatted: format!("DEPRECATION WARNING: {MIXED_DECLS}\n\n{highlight}{frames}"),
        }
    }
}

/// A probe that warns.
#[derive(Debug, Clone)]
pub(crate) enum Fired {
    /// A `@warn` (a plain warning).
    Warn {
        file: usize,
        index: usize,
        message: String,
    },
    /// A colour with a name interpolated where dart-sass warns (a plain
    /// warning, not a deprecation).
    ColourName {
        file: usize,
        place: usize,
        name: &'static str,
        shown: String,
    },
    SlashDiv {
        file: usize,
        cand: usize,
    },
    MixedDecls {
        file: usize,
        decl: usize,
        node: (usize, usize),
    },
}

impl Fired {
    /// The deprecation's id; `None` for a plain warning (which no limit
    /// applies to).
    pub(crate) fn deprecation(&self) -> Option<&'static str> {
        match self {
            Fired::ColourName { .. } | Fired::Warn { .. } => None,
            other => Some(other.kind()),
        }
    }

    fn kind(&self) -> &'static str {
        match self {
            Fired::ColourName { .. } | Fired::Warn { .. } => "warn",
            Fired::SlashDiv { .. } => "slash-div",
            Fired::MixedDecls { .. } => "mixed-decls",
        }
    }
}

/// Stack-trace lines joined from two lists, padded again to one width.
fn realign(lines: &str) -> String {
    let frames: Vec<(String, String)> = lines
        .lines()
        .filter_map(|l| {
            let l = l.trim_start();
            let (place, member) = l.split_once("  ")?;
            Some((place.to_string(), member.trim_start().to_string()))
        })
        .collect();
    trace::format(&frames)
}

/// dart-sass 1.78's `mixed-decls` message.
const MIXED_DECLS: &str = "Sass's behavior for declarations that appear after nested\n\
rules will be changing to match the behavior specified by CSS in an upcoming\n\
version. To keep the existing behavior, move the declaration above the nested\n\
rule. To opt into the new behavior, wrap the declaration in `& {}`.\n\n\
More info: https://sass-lang.com/d/mixed-decls";

/// Whether a debug message is a probe's; returns its payload (the kind,
/// then the kind's fields).
pub(crate) fn probe_payload(message: &str) -> Option<&str> {
    let m = message.trim_matches('"');
    m.strip_prefix(PROBE_PREFIX).map(str::trim)
}

/// The offset after a stylesheet's leading `@use`/`@forward`/`@charset`
/// rules (no statement may come before them).
fn past_module_rules(text: &str) -> usize {
    let mut p = crate::script::Parser::new(text, text.starts_with('\u{feff}') as usize * 3);
    loop {
        p.whitespace();
        let rest = &text[p.pos..];
        if !["@use", "@forward", "@charset"]
            .iter()
            .any(|r| rest.starts_with(r))
        {
            return p.pos;
        }
        let (end, _) = slash_div::statement_end(text, p.pos);
        p.pos = (end + 1).min(text.len());
    }
}

/// The stylesheets a stylesheet loads: where its stack frame points (an
/// `@import`'s URL, a `@use`/`@forward` rule's start), the URL, and the
/// rule (the member dart-sass names for the loaded file's top level).
pub(crate) fn import_urls(text: &str) -> Vec<(usize, &str, &'static str)> {
    let mut out = Vec::new();
    for rule in ["@import", "@use", "@forward"] {
        for (at, _) in text.match_indices(rule) {
            let (end, _) = slash_div::statement_end(text, at);
            let mut i = at + rule.len();
            while i < end {
                let c = text.as_bytes()[i];
                if c == b'"' || c == b'\'' {
                    let close = text[i + 1..end].find(c as char).map_or(end, |e| i + 1 + e);
                    let url = &text[i + 1..close];
                    if !url.starts_with("sass:") {
                        out.push((if rule == "@import" { i } else { at }, url, rule));
                    }
                    if rule != "@import" {
                        break;
                    }
                    i = close + 1;
                } else {
                    i += 1;
                }
            }
        }
    }
    out.sort_by_key(|(at, _, _)| *at);
    out
}

/// Whether an import URL resolved at `base` (no extension, maybe a
/// partial, maybe a folder with an index) is the file at `path`. Names are
/// compared first; folders, canonically, only when they match.
fn same_target(base: &Path, path: &Path, listings: &Listings) -> bool {
    let stem = |p: &Path| {
        p.file_stem()
            .map(|s| s.to_string_lossy().trim_start_matches('_').to_string())
    };
    let Some(parent) = path.parent() else {
        return false;
    };
    let same_dir = |a: &Path, b: &Path| {
        a == b
            || listings
                .canonical(a)
                .is_some_and(|a| listings.canonical(b) == Some(a))
    };
    let base_name = base.file_name().map(|n| {
        let n = n.to_string_lossy();
        let n = n
            .strip_suffix(".scss")
            .or_else(|| n.strip_suffix(".sass"))
            .or_else(|| n.strip_suffix(".css"))
            .unwrap_or(&n);
        n.trim_start_matches('_').to_string()
    });
    if base_name == stem(path) && base.parent().is_some_and(|d| same_dir(d, parent)) {
        return true;
    }
    stem(path).as_deref() == Some("index") && same_dir(base, parent)
}

/// The `slash-div` probes: one `@debug` per candidate, all before the
/// statement that holds them.
fn slash_probes(text: &str, file: usize, candidates: &[Candidate]) -> Vec<(usize, u8, String)> {
    let mut out: Vec<(usize, u8, String)> = Vec::new();
    for (i, c) in candidates.iter().enumerate() {
        let stmt = c.statement;
        if stmt > text.len() {
            continue;
        }
        let mut msg = format!("{MARKER} {file} {i}");
        for (k, (s, e)) in c.operands.iter().enumerate() {
            // On one line, so that no line number moves.
            let operand = match &c.origin {
                Some((_, texts)) => texts.get(k).cloned().unwrap_or_default(),
                None => text[*s..*e].replace(['\n', '\r'], " "),
            };
            msg.push_str(&format!(" #{{type-of(({operand}))}}"));
        }
        let mut debug = format!("@debug \"{msg}\";");
        if let Some(cond) = &c.condition {
            debug = format!("@if {cond} {{ {debug} }}");
        }
        let probe = match &c.guard {
            Some(name) => {
                format!("@if not variable-exists({name}) or ${name} == null {{ {debug} }} ")
            }
            None => format!("{debug} "),
        };
        match out.last_mut() {
            Some((at, _, text)) if *at == stmt => text.push_str(&probe),
            _ => out.push((stmt, 3, probe)),
        }
    }
    out
}

/// The text with the insertions (in order), and where they went
/// (original offset, length).
fn insert(text: &str, insertions: &[(usize, u8, String)]) -> (String, Vec<(usize, usize)>) {
    if insertions.is_empty() {
        return (text.to_string(), Vec::new());
    }
    let extra: usize = insertions.iter().map(|(_, _, t)| t.len()).sum();
    let mut out = String::with_capacity(text.len() + extra);
    let mut inserted = Vec::with_capacity(insertions.len());
    let mut copied = 0;
    for (at, _, probe) in insertions {
        if *at < copied || *at > text.len() || !text.is_char_boundary(*at) {
            continue;
        }
        out.push_str(&text[copied..*at]);
        out.push_str(probe);
        inserted.push((*at, probe.len()));
        copied = *at;
    }
    out.push_str(&text[copied..]);
    (out, inserted)
}

/// `probed` (a text with insertions at `inserted`, offsets in the
/// original text) with `markers` (original offsets, in order) inserted too,
/// each before the insertions at its offset; and where all went.
fn add_markers(
    probed: &str,
    inserted: &[(usize, usize)],
    markers: &[(usize, String)],
) -> (String, Vec<(usize, usize)>) {
    let extra: usize = markers.iter().map(|(_, m)| m.len()).sum();
    let mut out = String::with_capacity(probed.len() + extra);
    let mut all = Vec::with_capacity(inserted.len() + markers.len());
    let mut probes = inserted.iter().copied().peekable();
    // Bytes the probes before the current offset added, and how much of
    // `probed` is copied.
    let (mut shift, mut copied) = (0, 0);
    for (at, marker) in markers {
        while let Some((probe_at, len)) = probes.next_if(|(probe_at, _)| probe_at < at) {
            shift += len;
            all.push((probe_at, len));
        }
        out.push_str(&probed[copied..at + shift]);
        copied = at + shift;
        out.push_str(marker);
        all.push((*at, marker.len()));
    }
    all.extend(probes);
    out.push_str(&probed[copied..]);
    (out, all)
}

fn warning(f: &ProbedFile, c: &Candidate, frames: &str) -> Warning {
    let (line, column) = line_col(&f.text, c.span.0);
    let formatted = format!(
        "DEPRECATION WARNING: {}\n\n{}{frames}",
        c.message,
        highlight(&f.text, c.span)
    );
    Warning {
        debug: false,
        kind: WarningKind::Deprecation("slash-div"),
        message: c.message.clone(),
        location: format!("{}:{line}:{column}", f.path.display()),
        formatted,
    }
}

/// A path as dart-sass shows it (`p.prettyUri`): relative to `root` (its
/// working directory), unless that takes more components than the path.
pub(crate) fn display_path(path: &Path, root: Option<&Path>) -> String {
    let (Some(root), true) = (root, path.is_absolute()) else {
        return path.to_string_lossy().into_owned();
    };
    let mut base: Vec<_> = root.components().collect();
    let target: Vec<_> = path.components().collect();
    let common = base.iter().zip(&target).take_while(|(a, b)| a == b).count();
    base.drain(..common);
    let mut rel = PathBuf::new();
    for _ in &base {
        rel.push("..");
    }
    for part in &target[common..] {
        rel.push(part);
    }
    if rel.components().count() > target.len() {
        return path.to_string_lossy().into_owned();
    }
    rel.to_string_lossy().into_owned()
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line_start = before.rfind('\n').map_or(0, |p| p + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

/// source_span's `highlight()` without colour: the lines of `span` with a
/// gutter, carets under a one-line span, `┌`/`└` arms for a longer one.
fn highlight(text: &str, span: (usize, usize)) -> String {
    let (l1, _) = line_col(text, span.0);
    let (l2, _) = line_col(text, span.1);
    let lines: Vec<&str> = text.split('\n').collect();
    let width = l2.to_string().len() + 1;
    let pad = " ".repeat(width);
    let line_text = |n: usize| -> String {
        lines
            .get(n - 1)
            .unwrap_or(&"")
            .trim_end_matches('\r')
            .replace('\t', "    ")
    };
    // Display columns (tabs as four spaces) of a byte offset.
    let display_col = |offset: usize| -> usize {
        let before = &text[..offset.min(text.len())];
        let start = before.rfind('\n').map_or(0, |p| p + 1);
        before[start..]
            .chars()
            .map(|c| if c == '\t' { 4 } else { 1 })
            .sum()
    };
    let mut out = format!("{pad}╷\n");
    let c1 = display_col(span.0);
    let c2 = display_col(span.1);
    if l1 == l2 {
        out.push_str(&format!("{l1:<w$}│ {}\n", line_text(l1), w = width));
        let carets = c2.saturating_sub(c1).max(1);
        out.push_str(&format!(
            "{pad}│ {}{}\n",
            " ".repeat(c1),
            "^".repeat(carets)
        ));
    } else {
        out.push_str(&format!("{l1:<w$}│   {}\n", line_text(l1), w = width));
        out.push_str(&format!("{pad}│ ┌{}^\n", "─".repeat(c1 + 1)));
        for n in l1 + 1..=l2 {
            out.push_str(&format!("{n:<w$}│ │ {}\n", line_text(n), w = width));
        }
        out.push_str(&format!("{pad}│ └{}^\n", "─".repeat(c2)));
    }
    out.push_str(&format!("{pad}╵\n"));
    out
}
