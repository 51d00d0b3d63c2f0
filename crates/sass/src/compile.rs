//! The compilation driver: runs grass over an in-memory entry file, tracks
//! every stylesheet it loads, collects warnings, and hands grass's CSS to the
//! dart-sass re-serialiser (and, when asked, to the source-map builder).

use std::cell::RefCell;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc;

use crate::error::SassError;
use crate::loader::HydeFs;
use crate::options::{SassOptions, Style, Syntax};
use crate::{deprecation, fixes, format, instrument, slash_div, sourcemap, trace, tree};

/// The result of a successful compilation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompiledCss {
    /// The CSS exactly as dart-sass's `compileString` returns it: no
    /// trailing newline, no `sourceMappingURL` comment (Jekyll appends them).
    pub css: String,
    /// The v3 source map as JSON, when [`SassOptions::source_map`] was set.
    /// Its sources are relative to [`SassOptions::source_map_root`] when
    /// that is set, and its `file` is the entry's name with `.css`.
    pub source_map: Option<String>,
    /// Every stylesheet read besides the entry, in load order (for serve's
    /// change tracking).
    pub loaded_files: Vec<PathBuf>,
    /// What dart-sass would print, in its order: `@warn` and `@debug`
    /// messages (each distinct message once) and deprecation warnings (each
    /// place once, at most five per kind unless [`SassOptions::verbose`]).
    pub warnings: Vec<Warning>,
    /// Deprecation warnings left out beyond five per kind: dart-sass's
    /// "N repetitive deprecation warnings omitted".
    pub omitted_deprecations: usize,
}

/// What raised a [`Warning`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WarningKind {
    /// `@warn`.
    Warn,
    /// `@debug`.
    Debug,
    /// A deprecation, by dart-sass's id (`slash-div`).
    Deprecation(&'static str),
}

/// A message from `@warn`, `@debug` or a deprecation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// `true` for `@debug`.
    pub debug: bool,
    /// `@warn`, `@debug` or the deprecation's kind.
    pub kind: WarningKind,
    /// The message text.
    pub message: String,
    /// Where it was raised: `file:line:column`.
    pub location: String,
    /// The text dart-sass prints for it (as jekyll-sass-converter shows it),
    /// ending in a newline; paths relative to [`SassOptions::warning_root`].
    pub formatted: String,
}

/// Compiles `src` (SCSS or indented Sass, already Liquid-rendered) to CSS
/// written as dart-sass writes it.
pub fn compile(src: &str, opts: &SassOptions) -> Result<CompiledCss, SassError> {
    let entry = entry_path(opts);
    // Compressed, the source-map markers ride in the warnings run instead of
    // a run of their own: a rule only its marker kept in grass's output is
    // empty once the markers are taken out, and goes with the other empty
    // rules, as grass would have left it out. (Expanded, grass's blank
    // lines around such rules would differ.)
    let sources = RefCell::new(Vec::new());
    let marking = opts.source_map && opts.style == Style::Compressed;
    let PlainSheet {
        sheet,
        loaded,
        warnings,
        omitted,
        marked,
    } = plain_sheet(src, &entry, opts, marking.then_some(&sources))?;
    let (css, source_map) = if marked {
        let (css, spans) = format::write_with_spans(&sheet, opts.style);
        let file_name = map_file_name(&entry);
        let naming = sourcemap::Naming {
            root: opts.source_map_root.as_deref(),
            file: &file_name,
        };
        (
            css,
            Some(sourcemap::build(&spans, &sources.into_inner(), naming)),
        )
    } else if opts.source_map {
        // The map is laid over the tree the warnings run made (its probes
        // print nothing into the CSS), so grass does not run a third time.
        let (css, map) = source_map(src, &entry, opts, sheet);
        (css, Some(map))
    } else {
        (format::write(&sheet, opts.style), None)
    };
    Ok(CompiledCss {
        css,
        source_map,
        loaded_files: loaded,
        warnings,
        omitted_deprecations: omitted,
    })
}

impl CompiledCss {
    /// Every warning as Jekyll shows it on stderr (sass-embedded writes each
    /// of dart-sass's formatted messages with `Kernel#warn`), then the
    /// repetition summary when warnings were left out.
    pub fn warning_log(&self) -> String {
        let mut out: String = self.warnings.iter().map(|w| w.formatted.as_str()).collect();
        if let Some(summary) = self.omitted_summary() {
            out.push_str(&summary);
        }
        out
    }

    /// dart-sass's line for the deprecation warnings left out, if any.
    pub fn omitted_summary(&self) -> Option<String> {
        (self.omitted_deprecations > 0).then(|| {
            format!(
                "WARNING: {} repetitive deprecation warnings omitted.\nRun in verbose mode to see all warnings.\n",
                self.omitted_deprecations
            )
        })
    }

    /// The file Jekyll writes: the CSS, then either a newline or, when a map
    /// is written next to it, an empty line and the `sourceMappingURL`
    /// comment naming `map_file` (e.g. `main.css.map`). Jekyll removes the
    /// byte-order mark dart-sass puts before non-ASCII compressed CSS, or
    /// replaces it with `@charset "UTF-8";` when `sass.add_charset` is set.
    pub fn jekyll_output(&self, map_file: Option<&str>, add_charset: bool) -> String {
        let css = match self.css.strip_prefix('\u{feff}') {
            Some(rest) if add_charset => format!("@charset \"UTF-8\";{rest}"),
            Some(rest) => rest.to_string(),
            None => self.css.clone(),
        };
        match map_file {
            Some(name) => format!("{css}\n\n/*# sourceMappingURL={} */", url_encode(name)),
            None => format!("{css}\n"),
        }
    }
}

/// Percent-encodes what `Addressable::URI.encode` encodes in a file name.
fn url_encode(name: &str) -> String {
    let mut out = String::new();
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

struct PlainSheet {
    sheet: tree::Sheet,
    loaded: Vec<PathBuf>,
    warnings: Vec<Warning>,
    omitted: usize,
    /// The rules carry their origins (from the markers of a source list).
    marked: bool,
}

/// Compiles with deprecation probes in the SCSS (see [`crate::deprecation`]);
/// they print nothing into the CSS. Should that run fail, the error comes
/// from a run without probes, as do the CSS and messages if that one passes.
/// With `sources`, the probed run carries source-map markers too (see
/// [`crate::instrument`]) and lists the sources they name there.
fn plain_sheet(
    src: &str,
    entry: &Path,
    opts: &SassOptions,
    sources: Option<&RefCell<Vec<sourcemap::Source>>>,
) -> Result<PlainSheet, SassError> {
    if opts.skip_deprecations {
        let marked = sources.and_then(|sources| marked_sheet(src, entry, opts, None, sources));
        let SheetRun {
            sheet,
            loaded,
            events,
            marked,
        } = match marked {
            Some(run) => run,
            None => sheet_with(src, entry, opts, None, None)?,
        };
        let probes = deprecation::Probes::new(entry, Vec::new(), &opts.load_paths);
        let (warnings, omitted, _) = deprecation_warnings(events, &probes, opts, None);
        return Ok(PlainSheet {
            sheet,
            loaded,
            warnings,
            omitted,
            marked,
        });
    }
    let skip = if opts.quiet_deps {
        opts.load_paths.clone()
    } else {
        Vec::new()
    };
    let new_probes =
        || deprecation::Probes::new(entry, skip.clone(), &opts.load_paths).predicting();
    let mut probes = new_probes();
    let mut probed =
        sources.and_then(|sources| marked_sheet(src, entry, opts, Some(&probes), sources));
    if probed.is_none() {
        if sources.is_some() {
            // The probes hold the marked texts: start afresh.
            probes = new_probes();
        }
        probed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            sheet_with(src, entry, opts, Some(&probes), None)
        }))
        .ok()
        .and_then(Result::ok);
    }
    let (sheet, loaded, events, marked, probes_ran) = match probed {
        Some(run) => (run.sheet, run.loaded, run.events, run.marked, true),
        _ => {
            let run = sheet_with(src, entry, opts, None, None)?;
            (run.sheet, run.loaded, run.events, false, false)
        }
    };
    let mut stack = trace::Stack::new();
    let (mut warnings, mut omitted, needs_trace) =
        deprecation_warnings(events, &probes, opts, Some(&mut stack));
    if !needs_trace.is_empty() && probes_ran && !probes.covers(&needs_trace) {
        // Stack traces: once more, with the trace probes the prediction
        // missed (only stylesheets that warn from a callable read before a
        // file it calls get here).
        let traced = probes.for_trace(&needs_trace);
        if let Some(events) = trace_events(src, entry, opts, &traced) {
            let mut stack = trace::Stack::new();
            (warnings, omitted, _) = deprecation_warnings(events, &traced, opts, Some(&mut stack));
        }
    }
    Ok(PlainSheet {
        sheet,
        loaded,
        warnings,
        omitted,
        marked,
    })
}

/// [`sheet_with`] with source-map markers listing their sources in
/// `sources`; `None` when it failed, panicked or a stylesheet went without
/// markers (the caller then compiles without markers, so that an error or
/// the compressed-mode workaround comes from such a run).
fn marked_sheet(
    src: &str,
    entry: &Path,
    opts: &SassOptions,
    probes: Option<&deprecation::Probes>,
    sources: &RefCell<Vec<sourcemap::Source>>,
) -> Option<SheetRun> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        sheet_with(src, entry, opts, probes, Some(sources))
    }))
    .ok()?
    .ok()
    .filter(|run| run.marked)
}

/// The logger's events of a run with `probes` (CSS unused), if it passes.
fn trace_events(
    src: &str,
    entry: &Path,
    opts: &SassOptions,
    probes: &deprecation::Probes,
) -> Option<Vec<Event>> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let fs = HydeFs::new(entry, src.to_string(), opts.syntax, &opts.load_paths, None)
            .with_probes(probes);
        run_grass(&fs, entry, opts, Style::Expanded).ok()
    }))
    .ok()
    .flatten()
    .map(|run| run.events)
}

/// The messages of a run in dart-sass's order: `@warn`/`@debug` as they
/// came, each probe that fired as its deprecation warning, each place once,
/// at most five per kind unless `verbose`; and whether one shown needs a
/// stack trace. With `stack` (a trace run), warnings carry all frames.
fn deprecation_warnings(
    events: Vec<Event>,
    probes: &deprecation::Probes,
    opts: &SassOptions,
    mut stack: Option<&mut trace::Stack>,
) -> (Vec<Warning>, usize, Vec<crate::mixed_decls::Member>) {
    let root = warning_root(opts);
    let root = root.as_deref();
    let mut out = Vec::new();
    let mut counts: std::collections::HashMap<&'static str, usize> = Default::default();
    let mut omitted = 0;
    let mut seen = HashSet::new();
    let mut needs_trace = Vec::new();
    for event in events {
        match event {
            Event::User(mut w) => {
                // A `@warn` grass reported itself (in a file without probes).
                if let (WarningKind::Warn, Some(stack)) = (w.kind, stack.as_deref_mut()) {
                    if let Some(frames) = probes.warn_frames(&w.location, stack, root) {
                        w.formatted = format!("WARNING: {}\n{frames}", w.message);
                    }
                }
                out.push(w)
            }
            Event::Probe(payload) => {
                if let Some(stack) = stack.as_deref_mut() {
                    if probes.trace_event(stack, &payload) {
                        continue;
                    }
                }
                let Some(fired) = probes.fired(&payload, &mut seen) else {
                    continue;
                };
                if let Some(kind) = fired.deprecation() {
                    let n = counts.entry(kind).or_default();
                    *n += 1;
                    if *n > deprecation::MAX_REPETITIONS && !opts.verbose {
                        omitted += 1;
                        continue;
                    }
                }
                needs_trace.extend(probes.needs_frames(&fired));
                out.extend(probes.warning(&fired, root, stack.as_deref_mut()));
            }
        }
    }
    (out, omitted, needs_trace)
}

/// A compiled stylesheet read back as a tree (fixes applied), the
/// stylesheets read, and the logger's events.
struct SheetRun {
    sheet: tree::Sheet,
    loaded: Vec<PathBuf>,
    events: Vec<Event>,
    /// Its rules carry their origins: the run had markers in every SCSS
    /// stylesheet.
    marked: bool,
}

/// Compiles `src` with `probes` and, with `sources`, source-map markers
/// (whose run fails at once rather than retry with the compressed
/// workaround below: the caller compiles again without markers).
///
/// Compressed output may need grass's expanded output of the same source
/// as well (see [`fixes::wants_expanded_patch`]). That run starts on a
/// second thread as soon as a stylesheet read interpolates a custom
/// property, the usual reason (themes read first define their colours so),
/// and runs beside this one; for the other reasons it runs afterwards.
fn sheet_with(
    src: &str,
    entry: &Path,
    opts: &SassOptions,
    probes: Option<&deprecation::Probes>,
    sources: Option<&RefCell<Vec<sourcemap::Source>>>,
) -> Result<SheetRun, SassError> {
    if opts.style == Style::Expanded {
        return styled_sheet(src, entry, opts, probes, sources, None);
    }
    std::thread::scope(|scope| {
        let (notice, noticed) = mpsc::channel();
        let ahead = scope.spawn(move || {
            noticed.recv().ok()?;
            // A panic left in a thread nobody joins would reach the scope's
            // caller: this run ends as not run instead (and runs again if
            // needed).
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                expanded_run(src, entry, opts)
            }))
            .ok()
        });
        styled_sheet(src, entry, opts, probes, sources, Some((notice, ahead)))
    })
}

/// The expanded run read ahead for a compressed one: told to start by the
/// sender, its result from the handle (`None` when it never started).
type ExpandedAhead<'scope> = (
    mpsc::Sender<()>,
    std::thread::ScopedJoinHandle<'scope, Option<Result<GrassRun, SassError>>>,
);

/// [`sheet_with`]; `ahead` (compressed only) is the expanded run to patch
/// from, started early.
fn styled_sheet(
    src: &str,
    entry: &Path,
    opts: &SassOptions,
    probes: Option<&deprecation::Probes>,
    sources: Option<&RefCell<Vec<sourcemap::Source>>>,
    ahead: Option<ExpandedAhead<'_>>,
) -> Result<SheetRun, SassError> {
    let new_fs = |sources| {
        let fs = HydeFs::new(
            entry,
            src.to_string(),
            opts.syntax,
            &opts.load_paths,
            sources,
        );
        let fs = match opts.style {
            Style::Expanded => fs.with_trailing_comments(),
            Style::Compressed => fs,
        };
        match probes {
            Some(p) => fs.with_probes(p),
            None => fs,
        }
    };
    let (notice, ahead) = ahead.unzip();
    let fs = match notice {
        Some(notice) => new_fs(sources).with_notice(notice),
        None => new_fs(sources),
    };
    let result = run_grass(&fs, entry, opts, opts.style);
    // Unless it started, the run ahead is not wanted.
    fs.stop_notice();
    let run = match result {
        Ok(run) => run,
        Err(_) if opts.style == Style::Compressed && sources.is_none() => {
            // grass's compressed mode interpolates colours compressed
            // (`.fw-#{black}` -> `.fw-#000`), which can make valid input
            // fail. dart-sass interpolates the expanded form: compile
            // expanded, then let grass compress that CSS. (Colours keep
            // their expanded spelling then; see docs/compat.md.)
            let again = new_fs(None);
            let expanded = run_grass(&again, entry, opts, Style::Expanded)?;
            match recompress(&expanded.css) {
                Some(css) => GrassRun {
                    css,
                    events: expanded.events,
                },
                None => run_grass(&fs, entry, opts, opts.style)?,
            }
        }
        Err(err) => return Err(err),
    };
    let mut sheet = tree::parse(&run.css);
    if sources.is_some() {
        // Rules left empty go with the other empty rules in `fixes::apply`.
        instrument::take_markers(&mut sheet);
    }
    if opts.style == Style::Compressed
        && fixes::wants_expanded_patch(&sheet, fs.interpolated_custom_props())
    {
        let started = ahead.and_then(|ahead| ahead.join().ok().flatten());
        let expanded = match started {
            Some(run) => run?,
            None => expanded_run(src, entry, opts)?,
        };
        fixes::patch_from_expanded(&mut sheet, &tree::parse(&expanded.css));
    }
    fixes::apply(&mut sheet, opts.style);
    if opts.style == Style::Expanded {
        fixes::mark_trailing_comments(&mut sheet.items, &fs.trailing_comments());
    }
    Ok(SheetRun {
        sheet,
        loaded: fs.loaded(),
        events: run.events,
        marked: fs.marks_every_rule(),
    })
}

/// grass's expanded output of `src`, without probes or markers.
fn expanded_run(src: &str, entry: &Path, opts: &SassOptions) -> Result<GrassRun, SassError> {
    let fs = HydeFs::new(entry, src.to_string(), opts.syntax, &opts.load_paths, None);
    run_grass(&fs, entry, opts, Style::Expanded)
}

/// grass's compressed rendering of plain CSS.
fn recompress(css: &str) -> Option<String> {
    let options = grass::Options::default()
        .fs(&grass::NullFs)
        .logger(&grass::NullLogger)
        .style(grass::OutputStyle::Compressed)
        .input_syntax(grass::InputSyntax::Css);
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        grass::from_string(css.to_string(), &options).ok()
    }))
    .ok()
    .flatten()
}

/// Compiles once more with a marker in every SCSS rule, carries the rules'
/// origins over to the plain tree and maps them. The CSS is rewritten from
/// the same tree, so it cannot differ from the plain output.
/// The CSS of `plain` and its source map: positions come from a run whose
/// output carries markers naming each rule's origin.
fn source_map(
    src: &str,
    entry: &Path,
    opts: &SassOptions,
    mut plain: tree::Sheet,
) -> (String, String) {
    let file_name = map_file_name(entry);
    let naming = sourcemap::Naming {
        root: opts.source_map_root.as_deref(),
        file: &file_name,
    };
    let sources = RefCell::new(Vec::new());
    let marked = {
        let fs = HydeFs::new(
            entry,
            src.to_string(),
            opts.syntax,
            &opts.load_paths,
            Some(&sources),
        );
        run_grass(&fs, entry, opts, opts.style)
    };
    let Ok(marked) = marked else {
        return (
            format::write(&plain, opts.style),
            sourcemap::empty_map(&file_name),
        );
    };
    let mut marked_sheet = tree::parse(&marked.css);
    instrument::take_markers(&mut marked_sheet);
    fixes::apply(&mut marked_sheet, opts.style);
    instrument::copy_origins(&mut plain, &marked_sheet);
    let (css, spans) = format::write_with_spans(&plain, opts.style);
    let sources = sources.into_inner();
    (css, sourcemap::build(&spans, &sources, naming))
}

/// The map's `file`: the entry's name with `.css`.
fn map_file_name(entry: &Path) -> String {
    format!(
        "{}.css",
        entry
            .file_stem()
            .map_or("stdin".into(), |s| s.to_string_lossy())
    )
}

struct GrassRun {
    css: String,
    events: Vec<Event>,
}

/// What grass's logger saw, in order.
enum Event {
    /// A `@warn` or `@debug` message (each distinct message once).
    User(Warning),
    /// A deprecation probe's payload.
    Probe(String),
}

fn run_grass(
    fs: &HydeFs<'_>,
    entry: &Path,
    opts: &SassOptions,
    style: Style,
) -> Result<GrassRun, SassError> {
    #[cfg(test)]
    tests::GRASS_RUNS.with(|n| n.set(n.get() + 1));
    let logger = Collector {
        probes: fs.probes(),
        ..Collector::default()
    };
    let options = grass::Options::default()
        .fs(fs)
        .logger(&logger)
        .style(match style {
            Style::Expanded => grass::OutputStyle::Expanded,
            Style::Compressed => grass::OutputStyle::Compressed,
        })
        .load_paths(&opts.load_paths)
        .input_syntax(match opts.syntax {
            Syntax::Scss => grass::InputSyntax::Scss,
            Syntax::Sass => grass::InputSyntax::Sass,
        });
    // grass is not known to panic on bad input, but a panic must never reach
    // a user: turn one into an error at the entry file.
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        grass::from_path(entry, &options)
    }));
    let name = display_name(entry);
    if let Some(err) = fs.take_read_error() {
        return Err(err);
    }
    match result {
        Ok(Ok(css)) => Ok(GrassRun {
            css,
            events: logger.into_events(warning_root(opts).as_deref(), entry),
        }),
        Ok(Err(err)) => Err(convert_error(*err, &name)),
        Err(_) => Err(SassError::unlocated(
            &name,
            "internal error in the Sass compiler".to_string(),
        )),
    }
}

/// The directory warnings show paths relative to.
fn warning_root(opts: &SassOptions) -> Option<PathBuf> {
    opts.warning_root
        .clone()
        .or_else(|| std::env::current_dir().ok())
}

fn entry_path(opts: &SassOptions) -> PathBuf {
    match &opts.file {
        Some(file) => file.clone(),
        None => PathBuf::from(match opts.syntax {
            Syntax::Scss => "stdin.scss",
            Syntax::Sass => "stdin.sass",
        }),
    }
}

fn display_name(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

fn convert_error(err: grass::Error, entry: &str) -> SassError {
    match err.kind() {
        grass::ErrorKind::ParseError { message, loc, .. } => {
            let line_text = loc
                .file
                .source_line(loc.begin.line)
                .trim_end_matches(['\r', '\n']);
            let column = char_column(line_text, loc.begin.column);
            let width = if loc.end.line == loc.begin.line {
                char_column(line_text, loc.end.column).saturating_sub(column)
            } else {
                line_text.chars().count().saturating_sub(column - 1)
            };
            SassError {
                message,
                file: loc.file.name().to_string(),
                line: loc.begin.line + 1,
                column,
                source_line: line_text.to_string(),
                width: width.max(1),
            }
        }
        grass::ErrorKind::IoError(io) => SassError::unlocated(entry, io.to_string()),
        grass::ErrorKind::FromUtf8Error(msg) => SassError::unlocated(entry, msg),
        _ => SassError::unlocated(entry, "unknown Sass error".to_string()),
    }
}

/// 1-based character column of a 0-based byte offset in `line`.
fn char_column(line: &str, byte: usize) -> usize {
    let mut end = byte.min(line.len());
    while !line.is_char_boundary(end) {
        end -= 1;
    }
    line[..end].chars().count() + 1
}

/// One logger call: a probe's payload, or a message.
#[derive(Debug)]
enum Call {
    Probe(String),
    Message(Logged),
}

/// A `@warn` or `@debug` message, where it was raised.
#[derive(Debug)]
struct Logged {
    debug: bool,
    message: String,
    file: String,
    line: usize,
    column: usize,
    /// The mixin or function a `@warn` is in.
    member: Option<String>,
}

/// Collects `@warn`/`@debug` messages and the probes' messages, every one,
/// in order (dart-sass limits only deprecations, see
/// [`deprecation::MAX_REPETITIONS`]).
#[derive(Debug, Default)]
struct Collector<'a> {
    events: RefCell<Vec<Call>>,
    /// Probes in the sources: positions are mapped back past them.
    probes: Option<&'a deprecation::Probes>,
}

impl Collector<'_> {
    fn push(&self, debug: bool, loc: &codemap::SpanLoc, message: &str) {
        // grass passes quoted strings with their quotes; dart-sass prints
        // the text.
        let message = match message.strip_prefix('"').and_then(|m| m.strip_suffix('"')) {
            Some(inner) if !inner.contains('"') => inner,
            _ => message,
        };
        if let Some(payload) = debug.then(|| deprecation::probe_payload(message)).flatten() {
            self.events
                .borrow_mut()
                .push(Call::Probe(payload.to_string()));
            return;
        }
        // grass points at the value; dart-sass at the `@warn` rule itself.
        let line = loc.file.source_line(loc.begin.line);
        let at = match line.get(..loc.begin.column).and_then(|l| l.rfind("@warn")) {
            Some(at) if !debug => at,
            _ => loc.begin.column,
        };
        // The stack frame's member: the mixin or function the rule is in.
        let line_start: usize = loc
            .file
            .source()
            .split_inclusive('\n')
            .take(loc.begin.line)
            .map(str::len)
            .sum();
        let member = if debug {
            None
        } else {
            slash_div::callable_at(loc.file.source(), line_start + at)
        };
        // Columns as in the file, without the probes inserted before them.
        let (line, at) = self
            .probes
            .and_then(|p| p.original_position(loc.file.name(), loc.begin.line, at))
            .unwrap_or((line.to_string(), at));
        let line = line.as_str();
        self.events.borrow_mut().push(Call::Message(Logged {
            debug,
            message: message.to_string(),
            file: loc.file.name().to_string(),
            line: loc.begin.line + 1,
            column: char_column(line, at),
            member,
        }));
    }

    fn into_events(self, root: Option<&Path>, entry: &Path) -> Vec<Event> {
        self.events
            .into_inner()
            .into_iter()
            .map(|call| {
                let logged = match call {
                    Call::Probe(payload) => return Event::Probe(payload),
                    Call::Message(logged) => logged,
                };
                let Logged {
                    debug,
                    message,
                    file,
                    line,
                    column,
                    member,
                } = logged;
                let shown = deprecation::display_path(Path::new(&file), root);
                let formatted = if debug {
                    format!("{shown}:{line} DEBUG: {message}\n")
                } else {
                    let member = match member {
                        Some(name) => format!("{name}()"),
                        None if Path::new(&file) == entry => "root stylesheet".into(),
                        None => "@import".into(),
                    };
                    format!("WARNING: {message}\n    {shown} {line}:{column}  {member}\n")
                };
                Event::User(Warning {
                    debug,
                    kind: if debug {
                        WarningKind::Debug
                    } else {
                        WarningKind::Warn
                    },
                    message,
                    location: format!("{file}:{line}:{column}"),
                    formatted,
                })
            })
            .collect()
    }
}

impl grass::Logger for Collector<'_> {
    fn debug(&self, location: codemap::SpanLoc, message: &str) {
        self.push(true, &location, message);
    }

    fn warn(&self, location: codemap::SpanLoc, message: &str) {
        self.push(false, &location, message);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        /// grass runs on this thread (each test runs on its own).
        pub(super) static GRASS_RUNS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }

    /// Compiles `main.scss` among `files` (with `_sass` as the load path):
    /// the warnings' text and how many times grass ran.
    fn compile_counting(files: &[(&str, &str)]) -> (String, usize) {
        let (out, runs, _dir) = compile_counting_with(files, |_| {});
        (out.warning_log(), runs)
    }

    /// [`compile_counting`] with options set by `set`: the output, how
    /// many times grass ran, and the folder of the files.
    fn compile_counting_with(
        files: &[(&str, &str)],
        set: impl FnOnce(&mut SassOptions),
    ) -> (CompiledCss, usize, tempfile::TempDir) {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in files {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        let main = dir.path().join("main.scss");
        let mut opts = SassOptions {
            file: Some(main.clone()),
            load_paths: vec![dir.path().join("_sass")],
            warning_root: Some(dir.path().to_path_buf()),
            ..SassOptions::default()
        };
        set(&mut opts);
        GRASS_RUNS.with(|n| n.set(0));
        let out = compile(&std::fs::read_to_string(&main).unwrap(), &opts).unwrap();
        (out, GRASS_RUNS.with(|n| n.get()), dir)
    }

    /// A function dividing, read after the function that calls it (its
    /// file imported by the caller's): the prediction reads the import
    /// ahead, so the stack trace comes from the one run.
    #[test]
    fn a_warning_in_a_function_needs_one_run() {
        let (log, runs) = compile_counting(&[
            ("main.scss", "@import \"grid\";\n.a { width: span(2); }\n"),
            (
                "_sass/_grid.scss",
                "@function span($n) { @return cols($n) * 1%; }\n@import \"grid/math\";\n",
            ),
            (
                "_sass/grid/_math.scss",
                "@function cols($n) {\n  @return $n / 3;\n}\n",
            ),
        ]);
        assert_eq!(runs, 1, "{log}");
        assert!(
            log.contains("DEPRECATION WARNING: Using / for division"),
            "{log}"
        );
        let frames: Vec<&str> = log
            .lines()
            .filter(|l| l.starts_with("    ") && !l.contains('│'))
            .map(|l| l.split_whitespace().last().unwrap_or(""))
            .collect();
        assert_eq!(frames, ["cols()", "span()", "stylesheet"], "{log}");
    }

    /// The colour-name probes' mixin goes after the entry's `@use` of a
    /// built-in module (a mixin may not come first), so the probed run
    /// passes and the warning is given, from the one run.
    #[test]
    fn colour_names_are_reported_after_a_builtin_use() {
        let (log, runs) = compile_counting(&[(
            "main.scss",
            "@use \"sass:math\";\n$c: red;\n.p-#{$c} { q: math.div(1, 2); }\n",
        )]);
        assert_eq!(runs, 1, "{log}");
        assert!(
            log.contains("use the color value red in interpolation"),
            "{log}"
        );
    }

    #[test]
    fn a_stylesheet_without_warnings_needs_one_run() {
        let (log, runs) = compile_counting(&[
            ("main.scss", "@import \"m\";\n.a { @include m; }\n"),
            ("_sass/_m.scss", "@mixin m { width: 1px; .b { c: d; } }\n"),
        ]);
        assert_eq!((log.as_str(), runs), ("", 1));
    }

    /// A theme's custom properties interpolate colours, which compressed
    /// output keeps as written (from an expanded run): that run goes on a
    /// second thread, beside the compressed one.
    #[test]
    fn a_compressed_theme_runs_its_expanded_patch_beside() {
        let (out, runs, _dir) = compile_counting_with(
            &[
                ("main.scss", "@import \"theme\";\n.a { color: var(--c); }\n"),
                (
                    "_sass/_theme.scss",
                    "$c: #FFFFFF;\n:root { --c: #{$c}; --d: #{rgba(0, 0, 0, 0.5)}; }\n",
                ),
            ],
            |opts| opts.style = Style::Compressed,
        );
        assert_eq!(
            out.css,
            ":root{--c: #FFFFFF;--d: rgba(0, 0, 0, 0.5)}.a{color:var(--c)}"
        );
        assert_eq!(runs, 1, "grass runs on this thread");
    }

    /// Compressed, the source map's markers ride in the one run: rules that
    /// only they kept (a parent of nested rules, a rule that only extends,
    /// a `@media` of such rules) still go, and CSS and map are those of a
    /// run of their own.
    #[test]
    fn a_compressed_source_map_needs_one_run() {
        let files = [
            (
                "main.scss",
                "@import \"m\";\n.a {\n  .b { c: d; }\n}\n.e { @extend .x; }\n@media print { .f { @extend .x; } }\n@page { .g { @extend .x; } }\n",
            ),
            ("_sass/_m.scss", ".x { y: z; }\n%p { q: r; }\n.s { @extend %p; }\n"),
        ];
        let mut used = None;
        let (out, runs, _dir) = compile_counting_with(&files, |opts| {
            opts.style = Style::Compressed;
            opts.source_map = true;
            used = Some(opts.clone());
        });
        assert_eq!(runs, 1);
        let opts = used.unwrap();
        let entry = entry_path(&opts);
        let src = files[0].1;
        let sheet = plain_sheet(src, &entry, &opts, None).unwrap().sheet;
        let (css, map) = source_map(src, &entry, &opts, sheet);
        assert_eq!(out.css, css);
        assert_eq!(out.source_map.as_deref(), Some(map.as_str()));
        assert!(css.starts_with(".x,"), "{css}");
        assert!(!css.contains(".a{"), "{css}");
    }
}
