//! Which mixins and functions a piece of SCSS calls, read from its text,
//! and the trace filter predicted from it while the files are read.
//!
//! A warning's stack trace needs trace probes (see [`crate::trace`]) in
//! every callable that can be on the stack when it is raised. Which
//! warnings are shown is only known after the run, so hyde predicts the
//! callables as grass reads the files: every mixin (`mixed-decls`, colour
//! names and `@warn` can be raised in any mixin body or content block), the
//! functions holding a `slash-div` candidate or a `@warn`, and the functions
//! that call one of those. The run then carries the trace probes of the
//! prediction, and a second run is needed only when a warning shown
//! reaches a callable the prediction missed when a file was read (a caller
//! read before its callee).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::listing::Listings;
use crate::mixed_decls::TraceFilter;

/// A name's character (Sass identifiers, `_` read as `-` by the callers).
fn ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '_'
}

/// The names `text` calls as functions: an identifier right before `(`,
/// not the tail of a longer name or of a `$variable` (a namespaced
/// `ns.name(` counts as `name`), with `_` read as `-`.
pub(crate) fn called_names(text: &str) -> impl Iterator<Item = String> + '_ {
    let bytes = text.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(p) = text[from..].find('(') {
            let open = from + p;
            from = open + 1;
            let start = text[..open]
                .char_indices()
                .rev()
                .take_while(|(_, c)| ident_char(*c))
                .last()
                .map_or(open, |(i, _)| i);
            if start == open || (start > 0 && bytes[start - 1] == b'$') {
                continue;
            }
            return Some(text[start..open].replace('_', "-"));
        }
        None
    })
}

/// The mixins and functions `text` refers to: the functions it calls and
/// the mixins it includes (`@include ns.name` as `name`), `_` read as `-`.
pub(crate) fn references(text: &str) -> HashSet<String> {
    let mut out: HashSet<String> = called_names(text).collect();
    for (at, _) in text.match_indices("@include") {
        let name = included_name(&text[at + 8..]);
        if !name.is_empty() {
            out.insert(name);
        }
    }
    out
}

/// The mixin an `@include` names, from the text after the keyword:
/// `ns.name` as `name`, `_` read as `-` (empty when there is none). The
/// trace probes and the prediction read includes with this one function,
/// so that a prediction never misses an include the probes follow.
pub(crate) fn included_name(after_keyword: &str) -> String {
    let name: String = after_keyword
        .trim_start()
        .chars()
        .take_while(|c| ident_char(*c) || *c == '.')
        .collect();
    name.rsplit('.').next().unwrap_or("").replace('_', "-")
}

/// A `@mixin` or `@function` found by [`callables`].
#[derive(Debug)]
pub(crate) struct Callable<'a> {
    /// Its name, `_` read as `-`.
    pub(crate) name: String,
    pub(crate) function: bool,
    /// Its body, between the braces.
    pub(crate) body: &'a str,
}

/// The mixins and functions a stylesheet defines, with their bodies (a
/// quick scan: strings, comments and interpolation are skipped when
/// matching braces).
pub(crate) fn callables(text: &str) -> Vec<Callable<'_>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(p) = text[from..].find(['@']) {
        let at = from + p;
        from = at + 1;
        let rest = &text[at + 1..];
        let function = rest.starts_with("function");
        if !function && !rest.starts_with("mixin") {
            continue;
        }
        let keyword = if function { 8 } else { 5 };
        let after = &rest[keyword..];
        if !after.starts_with(char::is_whitespace) {
            continue;
        }
        let name: String = after
            .trim_start()
            .chars()
            .take_while(|c| ident_char(*c))
            .collect();
        let (open, c) = crate::slash_div::statement_end(text, at + 1 + keyword);
        if name.is_empty() || c != Some(b'{') {
            continue;
        }
        let close = block_end(text, open + 1);
        out.push(Callable {
            name: name.replace('_', "-"),
            function,
            body: &text[open + 1..close],
        });
        from = close.min(text.len());
    }
    out
}

/// Whether `body` holds a `/` outside strings and comments (a possible
/// division).
fn divides(body: &str) -> bool {
    let bytes = body.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' | b'\'' => {
                let q = bytes[i];
                i += 1;
                while i < bytes.len() && bytes[i] != q && bytes[i] != b'\n' {
                    i += 1 + (bytes[i] == b'\\') as usize;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = body[i + 2..].find("*/").map_or(bytes.len(), |e| i + 3 + e);
            }
            b'/' => return true,
            _ => {}
        }
        i += 1;
    }
    false
}

/// The SCSS file an import URL resolved at `base` names.
fn find_import(base: &Path, listings: &Listings) -> Option<PathBuf> {
    let name = base.file_name()?.to_str()?;
    let partial = |p: &Path| {
        let file = p.file_name()?.to_str()?;
        Some(p.with_file_name(format!("_{file}")))
    };
    let with_ext = |ext: &str| base.with_file_name(format!("{name}.{ext}"));
    let tries: Vec<PathBuf> = if name.ends_with(".scss") {
        vec![base.to_path_buf()]
    } else {
        vec![
            with_ext("scss"),
            base.join("_index.scss"),
            base.join("index.scss"),
        ]
    };
    tries
        .into_iter()
        .flat_map(|p| [partial(&p), Some(p)])
        .flatten()
        .find(|p| listings.is_file(p))
}

/// The offset of the `}` closing the block whose body starts at `from`.
fn block_end(text: &str, from: usize) -> usize {
    let mut depth = 0usize;
    let mut pos = from;
    loop {
        let (end, c) = crate::slash_div::statement_end(text, pos);
        match c {
            Some(b'{') => depth += 1,
            Some(b'}') if depth == 0 => return end,
            Some(b'}') => depth -= 1,
            Some(_) => {}
            None => return text.len(),
        }
        pos = end + 1;
    }
}

/// The trace filter predicted as files are read, and when each name
/// joined it.
#[derive(Debug, Default)]
pub(crate) struct Prediction {
    filter: TraceFilter,
    /// The file (by index, in reading order) whose reading added a name.
    joined: HashMap<String, usize>,
    /// Functions not in the filter yet, with the names they refer to.
    functions: Vec<(String, HashSet<String>)>,
    /// The names each file defines or refers to, by file index.
    file_names: Vec<HashSet<String>>,
    /// Files read ahead and not yet read by grass: their text and names.
    ahead: HashMap<PathBuf, (String, HashSet<String>)>,
    /// Every file read, or read ahead, so far.
    seen: HashSet<PathBuf>,
}

impl Prediction {
    /// A prediction with nothing read yet: content blocks are followed
    /// from the start.
    pub(crate) fn new() -> Prediction {
        let mut p = Prediction::default();
        p.filter.content = true;
        p
    }

    /// The filter to instrument the file being read with.
    pub(crate) fn filter(&self) -> &TraceFilter {
        &self.filter
    }

    /// The paths and texts of the stylesheets `text` (at `path`) imports,
    /// and theirs in turn, leaving out those read ahead before: found as
    /// grass would find them, next to the importer or in a load path, near
    /// enough for a prediction (a file missed only costs a second run).
    pub(crate) fn read_ahead(
        &mut self,
        path: &Path,
        text: &str,
        load_paths: &[PathBuf],
        listings: &Listings,
    ) -> Vec<(PathBuf, String)> {
        let mut out = Vec::new();
        self.seen.insert(path.to_path_buf());
        let mut queue = vec![(path.to_path_buf(), text.to_string())];
        while let Some((path, text)) = queue.pop() {
            let dir = path.parent().unwrap_or(Path::new(""));
            for (_, url, _) in crate::deprecation::import_urls(&text) {
                let Some(found) = std::iter::once(dir)
                    .chain(load_paths.iter().map(PathBuf::as_path))
                    .find_map(|base| find_import(&base.join(url), listings))
                else {
                    continue;
                };
                if !self.seen.insert(found.clone()) {
                    continue;
                }
                if let Ok(imported) = std::fs::read_to_string(&found) {
                    out.push((found.clone(), imported.clone()));
                    queue.push((found, imported));
                }
            }
        }
        out
    }

    /// The text of the stylesheet at `path`, if it was read ahead and has
    /// not been read in order yet.
    pub(crate) fn text_read_ahead(&self, path: &Path) -> Option<&str> {
        self.ahead.get(path).map(|(text, _)| text.as_str())
    }

    /// Reads file `index` (files come in order), at `path`: its mixins,
    /// its functions holding a `@warn` or a `/` and `seeds` (the callables
    /// holding a `slash-div` candidate) join the filter, then every
    /// function read so far that calls a function in it. `ahead` are the
    /// stylesheets it imports (read ahead, so that a caller joins before
    /// its callees' files are read; a file read ahead is not scanned again).
    pub(crate) fn read(
        &mut self,
        index: usize,
        path: &Path,
        text: &str,
        seeds: impl Iterator<Item = String>,
        ahead: Vec<(PathBuf, String)>,
    ) {
        for (ahead_path, ahead_text) in ahead {
            let names = self.scan(&ahead_text, index);
            self.ahead.insert(ahead_path, (ahead_text, names));
        }
        let names = match self.ahead.remove(path) {
            Some((read, names)) if read == text => names,
            _ => self.scan(text, index),
        };
        for seed in seeds {
            self.join(seed.replace('_', "-"), index);
        }
        loop {
            let filter = &self.filter.callables;
            let (grew, rest): (Vec<_>, Vec<_>) = std::mem::take(&mut self.functions)
                .into_iter()
                .partition(|(name, refs)| {
                    !filter.contains(name) && refs.iter().any(|r| filter.contains(r))
                });
            self.functions = rest
                .into_iter()
                .filter(|(name, _)| !filter.contains(name))
                .collect();
            if grew.is_empty() {
                break;
            }
            for (name, _) in grew {
                self.join(name, index);
            }
        }
        if self.file_names.len() <= index {
            self.file_names.resize_with(index + 1, HashSet::new);
        }
        self.file_names[index] = names;
    }

    /// Takes in the callables of a file read with file `index`; the names
    /// it defines or refers to.
    fn scan(&mut self, text: &str, index: usize) -> HashSet<String> {
        let mut names = references(text);
        for c in callables(text) {
            names.insert(c.name.clone());
            if !c.function || c.body.contains("@warn") || divides(c.body) {
                self.join(c.name, index);
            } else if !self.filter.callables.contains(&c.name) {
                self.functions.push((c.name, references(c.body)));
            }
        }
        names
    }

    fn join(&mut self, name: String, index: usize) {
        if self.filter.callables.insert(name.clone()) {
            self.joined.insert(name, index);
        }
    }

    /// Whether every file was instrumented with `needed`: each callable in
    /// it had joined the filter by the time a file defining or naming it
    /// was read.
    pub(crate) fn covers(&self, needed: &TraceFilter) -> bool {
        needed.callables.iter().all(|name| {
            let Some(&joined) = self.joined.get(name) else {
                return false;
            };
            self.file_names
                .iter()
                .enumerate()
                .all(|(index, names)| index >= joined || !names.contains(name))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calls_and_includes_are_references() {
        let refs =
            references("$a: foo_bar(1) + $x(2) + ns.baz(3); @include m.mix-in; @include other(1);");
        let mut refs: Vec<_> = refs.into_iter().collect();
        refs.sort();
        assert_eq!(refs, vec!["baz", "foo-bar", "mix-in", "other"]);
    }

    #[test]
    fn callables_have_their_bodies() {
        let text = "@function f($a) { @if $a { @return \"}\"; } @return 1; }\n@mixin m { a: b; }";
        let found: Vec<_> = callables(text)
            .into_iter()
            .map(|c| (c.name, c.function, c.body.trim().to_string()))
            .collect();
        assert_eq!(
            found,
            vec![
                (
                    "f".into(),
                    true,
                    "@if $a { @return \"}\"; } @return 1;".into()
                ),
                ("m".into(), false, "a: b;".into()),
            ]
        );
    }

    const OUTER: &str = "@function outer() { @return inner(); }";
    const INNER: &str = "@function inner() { @return 1/2; }";

    /// Reads `files` in order (index, path `i.scss`), each with the files
    /// given as read ahead with it.
    fn predict(files: &[(&str, &[&str])]) -> Prediction {
        let mut p = Prediction::new();
        for (i, (text, ahead)) in files.iter().enumerate() {
            let ahead = ahead
                .iter()
                .map(|t| {
                    let at = files.iter().position(|(f, _)| f == t).unwrap();
                    (PathBuf::from(format!("{at}.scss")), t.to_string())
                })
                .collect();
            p.read(
                i,
                Path::new(&format!("{i}.scss")),
                text,
                std::iter::empty(),
                ahead,
            );
        }
        p
    }

    #[test]
    fn a_caller_read_before_its_callee_is_not_covered() {
        let mut needed = TraceFilter::default();
        needed.callables.insert("inner".into());
        let p = predict(&[(OUTER, &[]), (INNER, &[])]);
        assert!(!p.covers(&needed), "file 0 calls inner before it joined");
        let q = predict(&[(INNER, &[]), (OUTER, &[])]);
        needed.callables.insert("outer".into());
        assert!(q.covers(&needed));
        assert!(q.filter().callables.contains("outer"));
        let r = predict(&[(OUTER, &[INNER]), (INNER, &[])]);
        assert!(r.covers(&needed), "inner was read ahead with file 0");
    }

    #[test]
    fn functions_without_division_stay_out() {
        let p = predict(&[(
            "@function a($x) { @return $x * 2; /* a/b */ } // c/d\n@function b($x) { @return \"x/y\"; }",
            &[],
        )]);
        assert!(p.filter().callables.is_empty());
    }
}
