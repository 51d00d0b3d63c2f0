//! The file system grass sees, and import resolution where grass and
//! dart-sass differ.
//!
//! The entry path reads as the Liquid-rendered source. Every other read goes
//! to the disk and is recorded. `@import "x.scss"` finds the partial
//! `_x.scss` as dart-sass does, and unquoted imports of the indented syntax
//! (`@import variables`) are quoted before grass sees them.

use std::cell::RefCell;
use std::collections::HashSet;
use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;

use crate::deprecation::Probes;
use crate::error::SassError;
use crate::listing::Listings;
use crate::options::Syntax;
use crate::{fixes, instrument, sourcemap};

/// Records every file read; when a source list is given, SCSS files are
/// instrumented with source-map markers as they are read.
#[derive(Debug)]
pub(crate) struct HydeFs<'a> {
    entry: PathBuf,
    entry_src: String,
    entry_syntax: Syntax,
    load_paths: &'a [PathBuf],
    loaded: RefCell<Vec<PathBuf>>,
    /// Directories of the stylesheets read so far, entry's first, once each.
    /// With each, whether it [`is_plain`].
    dirs: RefCell<Vec<(PathBuf, bool)>>,
    /// Comments trailing another node, when collected (see
    /// [`HydeFs::with_trailing_comments`]).
    trailing: RefCell<Option<HashSet<String>>>,
    interpolated_custom_props: std::cell::Cell<bool>,
    /// Told (once) when a stylesheet read interpolates a custom property.
    on_interpolated_custom_prop: RefCell<Option<Sender<()>>>,
    implicit: RefCell<HashSet<PathBuf>>,
    /// Which paths are files, as asked so far, by the paths' text (hashing
    /// a `Path` walks its components, and grass asks thousands of times).
    exists: RefCell<std::collections::HashMap<OsString, bool>>,
    /// The directories asked about, each listed once.
    listings: Listings,
    read_error: RefCell<Option<SassError>>,
    sources: Option<&'a RefCell<Vec<sourcemap::Source>>>,
    /// A stylesheet grass read carries no markers (see [`HydeFs::marks_every_rule`]).
    markers_lost: std::cell::Cell<bool>,
    probes: Option<&'a Probes>,
}

impl<'a> HydeFs<'a> {
    pub(crate) fn new(
        entry: &Path,
        entry_src: String,
        entry_syntax: Syntax,
        load_paths: &'a [PathBuf],
        sources: Option<&'a RefCell<Vec<sourcemap::Source>>>,
    ) -> Self {
        HydeFs {
            entry: entry.to_path_buf(),
            entry_src,
            entry_syntax,
            load_paths,
            loaded: RefCell::new(Vec::new()),
            dirs: RefCell::new(vec![plain_dir(entry.parent().unwrap_or(Path::new("")))]),
            trailing: RefCell::new(None),
            interpolated_custom_props: std::cell::Cell::new(false),
            on_interpolated_custom_prop: RefCell::new(None),
            implicit: RefCell::new(HashSet::new()),
            exists: RefCell::new(std::collections::HashMap::new()),
            listings: Listings::default(),
            read_error: RefCell::new(None),
            sources,
            markers_lost: std::cell::Cell::new(false),
            probes: None,
        }
    }

    /// With a source list: every SCSS stylesheet grass read carried
    /// source-map markers.
    pub(crate) fn marks_every_rule(&self) -> bool {
        self.sources.is_some() && !self.markers_lost.get()
    }

    /// The directory listings: the probes' when there are probes (they
    /// read imports ahead), else this file system's own.
    fn listings(&self) -> &Listings {
        self.probes.map_or(&self.listings, Probes::listings)
    }

    /// The deprecation probes in the sources, if any.
    pub(crate) fn probes(&self) -> Option<&'a Probes> {
        self.probes
    }

    /// Sends on `notice` as soon as a stylesheet read interpolates a custom
    /// property (see [`HydeFs::interpolated_custom_props`]), then drops it;
    /// [`HydeFs::stop_notice`] drops it unused.
    pub(crate) fn with_notice(self, notice: Sender<()>) -> Self {
        *self.on_interpolated_custom_prop.borrow_mut() = Some(notice);
        self
    }

    /// Drops the sender given to [`HydeFs::with_notice`], if it was not used.
    pub(crate) fn stop_notice(&self) {
        self.on_interpolated_custom_prop.borrow_mut().take();
    }

    /// Inserts deprecation probes into every SCSS file grass reads.
    pub(crate) fn with_probes(mut self, probes: &'a Probes) -> Self {
        self.probes = Some(probes);
        self
    }

    /// Every file read besides the entry, in load order, once each.
    pub(crate) fn loaded(&self) -> Vec<PathBuf> {
        let mut seen = std::collections::HashSet::new();
        self.loaded
            .borrow()
            .iter()
            .filter(|p| seen.insert(p.to_path_buf()))
            .cloned()
            .collect()
    }

    /// Whether a stylesheet read so far may interpolate into a custom
    /// property (its name or value).
    pub(crate) fn interpolated_custom_props(&self) -> bool {
        self.interpolated_custom_props.get()
    }

    /// The first unreadable (non-UTF-8) stylesheet met, as an error.
    pub(crate) fn take_read_error(&self) -> Option<SassError> {
        self.read_error.borrow_mut().take()
    }

    /// Comments that trail another node on their source line.
    pub(crate) fn trailing_comments(&self) -> HashSet<String> {
        self.trailing.borrow_mut().take().unwrap_or_default()
    }

    /// Collects the comments that trail another node on their line, for
    /// [`HydeFs::trailing_comments`] (only expanded output places them).
    pub(crate) fn with_trailing_comments(self) -> Self {
        *self.trailing.borrow_mut() = Some(HashSet::new());
        self
    }

    /// The file a path grass asks for stands for: itself, or for
    /// `dir/x.scss` that does not exist, the partial `dir/_x.scss`, or the
    /// same name under a load path (grass looks up URLs with an explicit
    /// extension only next to the importing file; dart-sass also searches
    /// the load paths).
    fn resolve(&self, path: &Path) -> Option<PathBuf> {
        if self.file_exists(path) {
            return Some(path.to_path_buf());
        }
        let ext = path.extension()?.to_str()?;
        if !matches!(ext, "scss" | "sass" | "css") {
            return None;
        }
        if let Some(found) = self.with_partial(path) {
            return Some(found);
        }
        // grass searches the load paths itself for URLs without an
        // extension, whose lookup starts with `x.import.sass`; only an
        // explicit `x.scss` needs this, and must not jump the queue.
        if self.implicit.borrow().contains(&path.with_extension("")) {
            return None;
        }
        let dirs = self.dirs.borrow();
        let plain = is_plain(path);
        for (dir, dir_plain) in dirs.iter() {
            let Some(rel) = relative_to(path, plain && *dir_plain, dir) else {
                continue;
            };
            for load_path in self.load_paths {
                let candidate = load_path.join(rel);
                if candidate.as_os_str() == path.as_os_str() {
                    // Asked above (and remembered): neither it nor its
                    // partial is there.
                    continue;
                }
                if self.file_exists(&candidate) {
                    return Some(candidate);
                }
                if let Some(found) = self.with_partial(&candidate) {
                    return Some(found);
                }
            }
        }
        None
    }

    /// Whether `path` is a file, found once per compilation (grass asks
    /// about the same candidates several times per import), from its
    /// directory's listing.
    fn file_exists(&self, path: &Path) -> bool {
        if let Some(&known) = self.exists.borrow().get(path.as_os_str()) {
            return known;
        }
        let found = self.listings().is_file(path);
        self.exists
            .borrow_mut()
            .insert(path.as_os_str().to_owned(), found);
        found
    }

    /// `dir/_name` for `dir/name`, when that partial exists.
    fn with_partial(&self, path: &Path) -> Option<PathBuf> {
        let name = path.file_name()?.to_str()?;
        if name.starts_with('_') {
            return None;
        }
        let partial = path.with_file_name(format!("_{name}"));
        self.file_exists(&partial).then_some(partial)
    }

    fn syntax_of(&self, path: &Path) -> Syntax {
        if path == self.entry {
            return self.entry_syntax;
        }
        match path.extension().and_then(|e| e.to_str()) {
            Some(ext) if ext.eq_ignore_ascii_case("sass") => Syntax::Sass,
            _ => Syntax::Scss,
        }
    }

    fn prepared(&self, path: &Path, text: String) -> Vec<u8> {
        let is_css = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("css"));
        let text = match self.syntax_of(path) {
            Syntax::Sass => quote_indented_imports(&text),
            Syntax::Scss => {
                if let Some(trailing) = self.trailing.borrow_mut().as_mut() {
                    fixes::collect_trailing_comments(&text, trailing);
                }
                text
            }
        };
        if let Some(probes) = self.probes.filter(|_| !is_css) {
            probes.note_functions(&text);
        }
        let scss = !is_css && self.syntax_of(path) == Syntax::Scss;
        let probed = match self.probes {
            Some(probes) if scss => Some(probes.instrument(path, &text)),
            _ => None,
        };
        let read = probed.as_deref().unwrap_or(&text);
        if !self.interpolated_custom_props.get() && interpolates_custom_property(read) {
            self.interpolated_custom_props.set(true);
        }
        if self.on_interpolated_custom_prop.borrow().is_some()
            && declares_interpolated_custom_property(&text)
        {
            if let Some(notice) = self.on_interpolated_custom_prop.borrow_mut().take() {
                // The receiver is gone when its run is no longer wanted.
                let _ = notice.send(());
            }
        }
        let Some(sources) = self.sources else {
            return probed.unwrap_or(text).into_bytes();
        };
        let mut sources = sources.borrow_mut();
        let index = sources.len();
        let out = match (probed, self.probes) {
            (Some(probed), Some(probes)) => {
                probes.with_markers(path, &text, index).unwrap_or_else(|| {
                    self.markers_lost.set(true);
                    probed
                })
            }
            _ if scss => instrument::insert_markers(&text, index),
            _ => text.clone(),
        };
        sources.push(sourcemap::Source {
            path: path.to_path_buf(),
            canonical: self
                .listings()
                .canonicalize(path)
                .unwrap_or_else(|_| path.to_path_buf()),
            content: text,
        });
        out.into_bytes()
    }
}

impl grass::Fs for HydeFs<'_> {
    fn is_dir(&self, path: &Path) -> bool {
        self.listings().is_dir(path)
    }

    fn is_file(&self, path: &Path) -> bool {
        if let Some(stem) = path.to_str().and_then(|p| p.strip_suffix(".import.sass")) {
            self.implicit.borrow_mut().insert(PathBuf::from(stem));
        }
        path == self.entry || self.resolve(path).is_some()
    }

    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        if path == self.entry {
            return Ok(self.prepared(path, self.entry_src.clone()));
        }
        let real = self.resolve(path).unwrap_or_else(|| path.to_path_buf());
        // A stylesheet the probes read ahead (see `callgraph`) is not read
        // from the disk again.
        let ahead = self.probes.and_then(|p| p.text_read_ahead(&real));
        let bytes = match ahead.map_or_else(|| std::fs::read(&real), |t| Ok(t.into_bytes())) {
            Ok(bytes) => bytes,
            Err(err) => {
                // Like invalid UTF-8 below: grass would panic on the error.
                self.read_error
                    .borrow_mut()
                    .get_or_insert(SassError::unlocated(
                        &real.to_string_lossy(),
                        format!("Can't read the file: {err}"),
                    ));
                return Ok(Vec::new());
            }
        };
        self.loaded.borrow_mut().push(real.clone());
        // Where grass resolves relative URLs from; kept as files are read,
        // since `resolve` runs for every candidate path grass tries.
        if let Some(dir) = real.parent() {
            let mut dirs = self.dirs.borrow_mut();
            if !dirs.iter().any(|(d, _)| d == dir) {
                dirs.push(plain_dir(dir));
            }
        }
        match String::from_utf8(bytes) {
            Ok(text) => Ok(self.prepared(path, text)),
            Err(err) => {
                // grass panics on a read error inside an import: record the
                // error, hand grass the readable text, report it afterwards.
                let valid = err.utf8_error().valid_up_to();
                let before = String::from_utf8_lossy(&err.as_bytes()[..valid]).into_owned();
                let line_start = before.rfind('\n').map_or(0, |p| p + 1);
                let whole = String::from_utf8_lossy(err.as_bytes()).into_owned();
                let source_line = whole[line_start..].lines().next().unwrap_or("").to_string();
                self.read_error.borrow_mut().get_or_insert(SassError {
                    message: "Invalid UTF-8.".to_string(),
                    file: real.to_string_lossy().into_owned(),
                    line: before.matches('\n').count() + 1,
                    column: before[line_start..].chars().count() + 1,
                    source_line,
                    width: 1,
                });
                Ok(self.prepared(path, whole))
            }
        }
    }

    fn canonicalize(&self, path: &Path) -> io::Result<PathBuf> {
        if path == self.entry {
            return Ok(path.to_path_buf());
        }
        let real = self.resolve(path).unwrap_or_else(|| path.to_path_buf());
        self.listings().canonicalize(&real).or(Ok(real))
    }
}

/// Whether a path's components are exactly its `/`-separated parts: no
/// empty, `.` or `..` part, no trailing slash (`/.` rules out dot files
/// too, which only costs them the slower comparison).
fn is_plain(path: &Path) -> bool {
    let bytes = path.as_os_str().as_encoded_bytes();
    !bytes.is_empty()
        && !bytes.ends_with(b"/")
        && !bytes.starts_with(b"./")
        && !bytes.windows(2).any(|w| w == b"//" || w == b"/.")
}

/// A directory with whether it [`is_plain`].
fn plain_dir(dir: &Path) -> (PathBuf, bool) {
    (dir.to_path_buf(), is_plain(dir))
}

/// `path.strip_prefix(dir)`. When both paths are plain (see [`is_plain`]),
/// as `both_plain` says, a path not under `dir` is told by its bytes,
/// without walking the components of both.
fn relative_to<'p>(path: &'p Path, both_plain: bool, dir: &Path) -> Option<&'p Path> {
    if both_plain {
        let (p, d) = (
            path.as_os_str().as_encoded_bytes(),
            dir.as_os_str().as_encoded_bytes(),
        );
        if !(p.starts_with(d) && (p.len() == d.len() || p[d.len()] == b'/')) {
            return None;
        }
    }
    path.strip_prefix(dir).ok()
}

/// A `--name: value` declaration (or `--#{...}` name) whose text up to the
/// next `;` or line break holds an interpolation. Errs on the side of yes.
fn interpolates_custom_property(text: &str) -> bool {
    let mut rest = text;
    while let Some(pos) = rest.find("--") {
        let after = &rest[pos + 2..];
        let end = after.find([';', '\n']).unwrap_or(after.len());
        let decl = &after[..end];
        if decl.contains("#{") {
            return true;
        }
        rest = after;
    }
    false
}

/// A custom property declared with an interpolation in its name or value
/// (`--c: #{$c};`, `--#{$p}-c: red;`). Stricter than
/// [`interpolates_custom_property`] (`&--#{$m} {` is a selector): a miss
/// only costs time here.
fn declares_interpolated_custom_property(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(pos) = text[from..].find("--") {
        let at = from + pos;
        from = at + 2;
        let starts_token =
            at == 0 || matches!(bytes[at - 1], b' ' | b'\t' | b'\n' | b'\r' | b'{' | b';');
        if !starts_token {
            continue;
        }
        let rest = &text[at..];
        let statement = rest[..rest.find([';', '\n']).unwrap_or(rest.len())].trim_end();
        if statement.contains("#{") && statement.contains(':') && !statement.ends_with('{') {
            return true;
        }
    }
    false
}

/// The indented syntax allows `@import a, b` without quotes; grass only
/// accepts quoted URLs, so quote each plain name.
fn quote_indented_imports(text: &str) -> String {
    if !text.contains("@import") {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 16);
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\r', '\n']);
        let ending = &line[body.len()..];
        let indent_len = body.len() - body.trim_start().len();
        let rest = body[indent_len..].strip_prefix("@import ");
        match rest {
            Some(urls) if !urls.contains(['"', '\'', '(']) => {
                out.push_str(&body[..indent_len]);
                out.push_str("@import ");
                let quoted: Vec<String> = urls
                    .split(',')
                    .map(|u| format!("\"{}\"", u.trim()))
                    .collect();
                out.push_str(&quoted.join(", "));
                out.push_str(ending);
            }
            _ => out.push_str(line),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quick answer agrees with `Path::strip_prefix` on plain paths and
    /// leaves the others to it.
    #[test]
    fn relative_to_agrees_with_strip_prefix() {
        let paths = [
            "/s/_sass",
            "/s/_sass/a.scss",
            "/s/_sass/vendor/b.scss",
            "/s/_sassy/c.scss",
            "/s/_sass/./d.scss",
            "/s//_sass/e.scss",
            "/s/_sass/../f.scss",
            "/s/_sass/",
            "/s/.x/g.scss",
            "/",
            "rel/h.scss",
            "rel",
            "./rel/i.scss",
            "/s",
        ];
        for path in paths {
            for dir in paths {
                let (path, dir) = (Path::new(path), Path::new(dir));
                assert_eq!(
                    relative_to(path, is_plain(path) && is_plain(dir), dir),
                    path.strip_prefix(dir).ok(),
                    "{path:?} under {dir:?}"
                );
            }
        }
    }

    #[test]
    fn custom_properties_declared_with_interpolation_start_the_expanded_run() {
        assert!(declares_interpolated_custom_property(
            ":root {\n  --c: #{$c};\n}\n"
        ));
        assert!(declares_interpolated_custom_property(
            ".fa { --#{$p}-family: 'x'; }"
        ));
        // A BEM modifier is a selector, not a custom property.
        assert!(!declares_interpolated_custom_property(
            ".btn { &--#{$name} { color: $c; } }"
        ));
        assert!(!declares_interpolated_custom_property(
            ":root { --c: red; }"
        ));
    }
}
