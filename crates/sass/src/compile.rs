//! The compilation driver: runs grass over an in-memory entry file, tracks
//! every stylesheet it loads, collects warnings, and hands grass's CSS to the
//! dart-sass re-serialiser (and, when asked, to the source-map builder).

use std::cell::RefCell;
use std::collections::HashSet;
use std::io;
use std::path::{Path, PathBuf};

use crate::error::SassError;
use crate::options::{SassOptions, Style, Syntax};
use crate::{format, instrument, sourcemap, tree};

/// The result of a successful compilation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompiledCss {
    /// The CSS exactly as dart-sass's `compileString` returns it: no
    /// trailing newline, no `sourceMappingURL` comment (Jekyll appends them).
    pub css: String,
    /// The v3 source map as JSON, when [`SassOptions::source_map`] was set.
    /// Sources are the paths of the loaded files as given (make them
    /// site-relative with [`CompiledCss::source_map_relative_to`]).
    pub source_map: Option<String>,
    /// Every stylesheet read besides the entry, in load order (for serve's
    /// change tracking).
    pub loaded_files: Vec<PathBuf>,
    /// `@warn` and `@debug` messages, each distinct message once.
    pub warnings: Vec<Warning>,
}

/// A message from `@warn` or `@debug`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// `true` for `@debug`, `false` for `@warn`.
    pub debug: bool,
    /// The message text.
    pub message: String,
    /// Where it was raised: `file:line:column`.
    pub location: String,
}

/// Compiles `src` (SCSS or indented Sass, already Liquid-rendered) to CSS
/// written as dart-sass writes it.
pub fn compile(src: &str, opts: &SassOptions) -> Result<CompiledCss, SassError> {
    let entry = entry_path(opts);
    let mut compiled = if opts.source_map && opts.syntax == Syntax::Scss {
        match compile_with_map(src, &entry, opts) {
            Ok(done) => done,
            // Markers shift columns; report errors from the plain source.
            Err(_) => run_plain(src, &entry, opts)?,
        }
    } else {
        run_plain(src, &entry, opts)?
    };
    if opts.source_map && compiled.source_map.is_none() {
        compiled.source_map = Some(sourcemap::empty_map(&entry));
    }
    Ok(compiled)
}

fn run_plain(src: &str, entry: &Path, opts: &SassOptions) -> Result<CompiledCss, SassError> {
    let fs = HydeFs::new(entry, src.to_string(), None);
    let run = run_grass(&fs, entry, opts)?;
    let sheet = tree::parse(&run.css);
    Ok(CompiledCss {
        css: format::write(&sheet, opts.style),
        source_map: None,
        loaded_files: fs.loaded(),
        warnings: run.warnings,
    })
}

fn compile_with_map(src: &str, entry: &Path, opts: &SassOptions) -> Result<CompiledCss, SassError> {
    let sources = RefCell::new(Vec::new());
    let fs = HydeFs::new(entry, src.to_string(), Some(&sources));
    let run = run_grass(&fs, entry, opts)?;
    let mut sheet = tree::parse(&run.css);
    let marks = instrument::take_markers(&mut sheet);
    let (css, spans) = format::write_with_spans(&sheet, opts.style);
    let map = sourcemap::build(&css, &spans, &marks, &sources.borrow());
    Ok(CompiledCss {
        css,
        source_map: Some(map),
        loaded_files: fs.loaded(),
        warnings: run.warnings,
    })
}

struct GrassRun {
    css: String,
    warnings: Vec<Warning>,
}

fn run_grass(fs: &HydeFs<'_>, entry: &Path, opts: &SassOptions) -> Result<GrassRun, SassError> {
    let logger = Collector::default();
    let options = grass::Options::default()
        .fs(fs)
        .logger(&logger)
        .style(if opts.style == Style::Compressed {
            grass::OutputStyle::Compressed
        } else {
            grass::OutputStyle::Expanded
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
    match result {
        Ok(Ok(css)) => Ok(GrassRun {
            css,
            warnings: logger.into_warnings(),
        }),
        Ok(Err(err)) => Err(convert_error(*err, &name)),
        Err(_) => Err(SassError::unlocated(
            &name,
            "internal error in the Sass compiler".to_string(),
        )),
    }
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

/// The file system grass sees: the disk, except that the entry path reads
/// as the Liquid-rendered source. Records every file read; when a source list
/// is given, SCSS files are instrumented with source-map markers as read.
#[derive(Debug)]
struct HydeFs<'a> {
    entry: PathBuf,
    entry_src: String,
    loaded: RefCell<Vec<PathBuf>>,
    sources: Option<&'a RefCell<Vec<sourcemap::Source>>>,
}

impl<'a> HydeFs<'a> {
    fn new(
        entry: &Path,
        entry_src: String,
        sources: Option<&'a RefCell<Vec<sourcemap::Source>>>,
    ) -> Self {
        HydeFs {
            entry: entry.to_path_buf(),
            entry_src,
            loaded: RefCell::new(Vec::new()),
            sources,
        }
    }

    fn loaded(&self) -> Vec<PathBuf> {
        self.loaded.borrow().clone()
    }

    fn instrumented(&self, path: &Path, text: String) -> Vec<u8> {
        let Some(sources) = self.sources else {
            return text.into_bytes();
        };
        let is_scss = path == self.entry
            || path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("scss"));
        let mut sources = sources.borrow_mut();
        let index = sources.len();
        let out = if is_scss {
            instrument::insert_markers(&text, index)
        } else {
            text.clone()
        };
        sources.push(sourcemap::Source {
            path: path.to_path_buf(),
            content: text,
        });
        out.into_bytes()
    }
}

impl grass::Fs for HydeFs<'_> {
    fn is_dir(&self, path: &Path) -> bool {
        path.is_dir()
    }

    fn is_file(&self, path: &Path) -> bool {
        path == self.entry || path.is_file()
    }

    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        if path == self.entry {
            return Ok(self.instrumented(path, self.entry_src.clone()));
        }
        let bytes = std::fs::read(path)?;
        self.loaded.borrow_mut().push(path.to_path_buf());
        match String::from_utf8(bytes) {
            Ok(text) => Ok(self.instrumented(path, text)),
            Err(err) => Ok(err.into_bytes()),
        }
    }

    fn canonicalize(&self, path: &Path) -> io::Result<PathBuf> {
        if path == self.entry {
            return Ok(path.to_path_buf());
        }
        std::fs::canonicalize(path).or_else(|_| Ok(path.to_path_buf()))
    }
}

/// Collects `@warn`/`@debug` messages, each distinct message once, so a
/// warning raised in a loop or a mixin does not flood the build log.
#[derive(Debug, Default)]
struct Collector {
    seen: RefCell<HashSet<(bool, String)>>,
    warnings: RefCell<Vec<Warning>>,
}

impl Collector {
    fn push(&self, debug: bool, loc: &codemap::SpanLoc, message: &str) {
        if !self.seen.borrow_mut().insert((debug, message.to_string())) {
            return;
        }
        self.warnings.borrow_mut().push(Warning {
            debug,
            message: message.to_string(),
            location: format!(
                "{}:{}:{}",
                loc.file.name(),
                loc.begin.line + 1,
                loc.begin.column + 1
            ),
        });
    }

    fn into_warnings(self) -> Vec<Warning> {
        self.warnings.into_inner()
    }
}

impl grass::Logger for Collector {
    fn debug(&self, location: codemap::SpanLoc, message: &str) {
        self.push(true, &location, message);
    }

    fn warn(&self, location: codemap::SpanLoc, message: &str) {
        self.push(false, &location, message);
    }
}

#[allow(dead_code)]
fn style_name(style: Style) -> &'static str {
    match style {
        Style::Expanded => "expanded",
        Style::Compressed => "compressed",
    }
}
