//! The reader: which files of the source become layouts, pages, posts,
//! drafts, collection documents and static files, by Jekyll's rules.
//!
//! Entry filtering follows Jekyll's EntryFilter: names ending in `.` are
//! skipped; `exclude` globs (File.fnmatch semantics, also matching as path
//! prefixes) drop entries unless `include` names them; otherwise names starting
//! with `_ . # ~` or ending in `~` are skipped. Directories are read in name
//! order; the destination folder is never read.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::config::Settings;
use crate::fnmatch::{fnmatch, matches_rest};
use crate::frontmatter::has_front_matter;
use crate::incremental::read_cache::FileStamp;

/// A file found by the reader, relative to the source.
#[derive(Debug)]
pub struct Entry {
    /// Absolute path.
    pub path: PathBuf,
    /// Path relative to the source, `/`-separated, no leading slash.
    pub rel: String,
    /// The file starts with front matter.
    pub has_front_matter: bool,
    /// The file's bytes when the reader has read them all already: a
    /// collection's document, read whole with the open that looked for its
    /// front matter (it is read next anyway). Taken by that read.
    pub bytes: Mutex<Option<Vec<u8>>>,
}

/// A post or draft found in a `_posts` / `_drafts` folder.
#[derive(Debug)]
pub struct PostEntry {
    /// The file.
    pub entry: Entry,
    /// The folder containing `_posts` (relative, may be empty): its parts are categories.
    pub dir: String,
    /// Read from `_drafts`.
    pub draft: bool,
}

/// Everything the reader found.
#[derive(Debug, Default)]
pub struct Entries {
    /// `_layouts` files: (name without extension, entry).
    pub layouts: Vec<(String, Entry)>,
    /// Files with front matter outside special folders.
    pub pages: Vec<Entry>,
    /// Files without front matter outside special folders.
    pub static_files: Vec<Entry>,
    /// Posts and drafts.
    pub posts: Vec<PostEntry>,
    /// For each collection other than posts: its files, relative to the collection folder.
    pub collections: Vec<(String, Vec<Entry>)>,
    /// How many of the last `pages` come from the theme's `assets` (Jekyll
    /// appends them after sorting the site's pages).
    pub theme_pages: usize,
    /// How many of the last `static_files` come from the theme's `assets`.
    pub theme_static_files: usize,
}

/// Jekyll's EntryFilter for a site.
pub struct EntryFilter {
    source: String,
    /// Answers kept from the last read of a serve session.
    cache: Option<std::cell::RefCell<ReaderCache>>,
    /// `include` patterns, prefixed with the source.
    include: Vec<String>,
    /// `exclude` patterns not also included, prefixed with the source.
    exclude: Vec<String>,
    /// The source has no glob characters: a pattern and an entry then share
    /// it as a literal prefix, and only what follows it is matched.
    literal_source: bool,
}

impl EntryFilter {
    /// A filter for `settings.source`.
    pub fn new(settings: &Settings) -> EntryFilter {
        let source = settings
            .source
            .to_string_lossy()
            .trim_end_matches('/')
            .to_string();
        let with_source = |p: &String| format!("{source}/{}", p.trim_start_matches('/'));
        let include = settings.include.iter().map(with_source).collect();
        let exclude = settings
            .exclude
            .iter()
            .filter(|e| !settings.include.contains(e))
            .map(with_source)
            .collect();
        EntryFilter {
            cache: None,
            literal_source: !source.contains(['*', '?', '[', '\\']),
            source,
            include,
            exclude,
        }
    }

    /// Whether `entry` matches one of `patterns` (given with the source).
    fn glob_include(&self, patterns: &[String], entry: &str) -> bool {
        if patterns.is_empty() {
            return false;
        }
        if self.literal_source {
            return self.glob_include_rest(patterns, entry.trim_start_matches('/'));
        }
        let entry_with_source = format!("{}/{}", self.source, entry.trim_start_matches('/'));
        // Asked only when a pattern names the entry as a folder (one `stat` less per file).
        let is_dir = std::cell::OnceCell::new();
        patterns.iter().any(|pattern_with_source| {
            fnmatch(pattern_with_source, &entry_with_source)
                || entry_with_source.starts_with(pattern_with_source.as_str())
                || (pattern_with_source.len() == entry_with_source.len() + 1
                    && pattern_with_source.ends_with('/')
                    && pattern_with_source.starts_with(entry_with_source.as_str())
                    && *is_dir.get_or_init(|| Path::new(&entry_with_source).is_dir()))
        })
    }

    /// [`EntryFilter::glob_include`] for a source without glob characters,
    /// matching what follows `source/` in the pattern and the entry: the
    /// same answers without a copy of the source per entry and pattern.
    fn glob_include_rest(&self, patterns: &[String], entry: &str) -> bool {
        let skip = self.source.len() + 1;
        let is_dir = std::cell::OnceCell::new();
        patterns.iter().any(|pattern| {
            let pattern = &pattern[skip..];
            matches_rest(pattern, entry)
                || entry.starts_with(pattern)
                || (pattern.len() == entry.len() + 1
                    && pattern.ends_with('/')
                    && pattern.starts_with(entry)
                    && *is_dir
                        .get_or_init(|| Path::new(&format!("{}/{entry}", self.source)).is_dir()))
        })
    }

    /// Whether `rel` (relative to the source) matches `exclude` and not
    /// `include`: Jekyll's `EntryFilter#excluded?`.
    pub fn excluded(&self, rel: &str) -> bool {
        self.glob_include(&self.exclude, rel)
    }

    /// Whether `name` (in folder `rel_dir`, relative to the source) is kept.
    pub fn keep(&self, rel_dir: &str, name: &str) -> bool {
        let Some(cache) = &self.cache else {
            return self.decide(rel_dir, name);
        };
        let id = format!("{rel_dir}\u{0}{name}");
        if let Some(k) = cache.borrow().keep.get(&id) {
            return *k;
        }
        let k = self.decide(rel_dir, name);
        cache.borrow_mut().keep.insert(id, k);
        k
    }

    /// Whether a file with front matter is at `path` (asked again only when
    /// its size or modification time changed, with a cache).
    fn front_matter(&self, path: &Path) -> bool {
        let Some(cache) = &self.cache else {
            return front_matter_of(path);
        };
        let Some(stamp) = FileStamp::of(path) else {
            return front_matter_of(path);
        };
        if let Some((s, fm)) = cache.borrow().front_matter.get(path) {
            if *s == stamp {
                return *fm;
            }
        }
        let fm = front_matter_of(path);
        cache
            .borrow_mut()
            .front_matter
            .insert(path.to_path_buf(), (stamp, fm));
        fm
    }

    fn entry(&self, source: &Path, rel: String) -> Entry {
        let path = source.join(&rel);
        let has_front_matter = self.front_matter(&path);
        Entry {
            path,
            rel,
            has_front_matter,
            bytes: Mutex::new(None),
        }
    }

    fn decide(&self, rel_dir: &str, name: &str) -> bool {
        if name.ends_with('.') {
            return false;
        }
        let base = name.rsplit('/').next().unwrap_or(name);
        let included =
            self.glob_include(&self.include, name) || self.glob_include(&self.include, base);
        let rel = join_rel(rel_dir, name);
        if !included && self.glob_include(&self.exclude, &rel) {
            return false;
        }
        if included {
            return true;
        }
        let special = |s: &str| s.starts_with(['.', '_', '#', '~']);
        !(special(name) || special(base) || name.ends_with('~'))
    }
}

fn sorted_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = match fs::read_dir(dir) {
        Ok(rd) => rd
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect(),
        Err(_) => Vec::new(),
    };
    names.sort();
    names
}

/// The names in `dir`, sorted, each with whether it is a folder (a symlink
/// by what it points to), told by the listing itself where it can be: one
/// `stat` less per file.
fn sorted_entries(dir: &Path) -> Vec<(String, bool)> {
    let mut entries: Vec<(String, bool)> = match fs::read_dir(dir) {
        Ok(rd) => rd
            .flatten()
            .map(|e| {
                let is_dir = match e.file_type() {
                    Ok(t) if !t.is_symlink() => t.is_dir(),
                    _ => e.path().is_dir(),
                };
                (e.file_name().to_string_lossy().into_owned(), is_dir)
            })
            .collect(),
        Err(_) => Vec::new(),
    };
    entries.sort();
    entries
}

/// `dir/name`, or `name` at the top. Pushed, not formatted: the reader
/// joins every path it finds (on the main thread).
fn join_rel(dir: &str, name: &str) -> String {
    if dir.is_empty() {
        return name.to_string();
    }
    let mut rel = String::with_capacity(dir.len() + 1 + name.len());
    rel.push_str(dir);
    rel.push('/');
    rel.push_str(name);
    rel
}

fn front_matter_of(path: &Path) -> bool {
    front_matter_and_bytes(path, false).0
}

/// Whether the file at `path` starts with front matter (told by its first
/// 512 bytes) and, if it does and `whole` is set, all its bytes (`None`
/// when they could not be read: the document's own read reports why).
fn front_matter_and_bytes(path: &Path, whole: bool) -> (bool, Option<Vec<u8>>) {
    use std::io::Read;
    let mut head = [0u8; 512];
    let Ok(mut f) = fs::File::open(path) else {
        return (false, None);
    };
    let mut n = 0;
    let mut at_end = false;
    while n < head.len() {
        match f.read(&mut head[n..]) {
            Ok(0) => {
                at_end = true;
                break;
            }
            Ok(k) => n += k,
            Err(_) => return (has_front_matter(&head[..n]), None),
        }
    }
    let front_matter = has_front_matter(&head[..n]);
    if !(front_matter && whole) {
        return (front_matter, None);
    }
    let mut bytes = head[..n].to_vec();
    // (`read_to_end` sizes the buffer by the file's length.)
    if !at_end && f.read_to_end(&mut bytes).is_err() {
        return (front_matter, None);
    }
    (front_matter, Some(bytes))
}

/// What the reader learnt about the source's files, kept between the reads
/// of a serve session (valid while the settings are the same).
#[derive(Debug, Default)]
pub struct ReaderCache {
    keep: std::collections::HashMap<String, bool>,
    front_matter: std::collections::HashMap<PathBuf, (FileStamp, bool)>,
}

/// `Dir["**/*"]` under `base`, filtered, files only, as paths relative to `base`.
fn files_below(filter: &EntryFilter, base: &Path, base_rel: &str, dotmatch: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![String::new()];
    let mut all = Vec::new();
    while let Some(sub) = stack.pop() {
        let dir = if sub.is_empty() {
            base.to_path_buf()
        } else {
            base.join(&sub)
        };
        for (name, is_dir) in sorted_entries(&dir) {
            if !dotmatch && name.starts_with('.') {
                continue;
            }
            let rel = join_rel(&sub, &name);
            if is_dir {
                stack.push(rel.clone());
            }
            all.push((rel, is_dir));
        }
    }
    all.sort();
    for (rel, is_dir) in all {
        if is_dir {
            continue;
        }
        if filter.keep(base_rel, &rel) {
            out.push(rel);
        }
    }
    out
}

/// Reads the whole source tree.
pub fn read(settings: &Settings) -> Entries {
    read_with(settings, None).0
}

/// [`read`], with what the last read of a serve session learnt.
pub fn read_with(
    settings: &Settings,
    cache: Option<ReaderCache>,
) -> (Entries, Option<ReaderCache>) {
    let mut filter = EntryFilter::new(settings);
    filter.cache = cache.map(std::cell::RefCell::new);
    let entries = read_all(settings, &filter);
    (entries, filter.cache.map(std::cell::RefCell::into_inner))
}

fn read_all(settings: &Settings, filter: &EntryFilter) -> Entries {
    let mut entries = Entries::default();
    let source = &settings.source;

    let layouts_dir = source.join(&settings.layouts_dir);
    for rel in files_below(filter, &layouts_dir, &settings.layouts_dir, false) {
        let name = match rel.rfind('.') {
            Some(i) if !rel[..i].is_empty() => rel[..i].to_string(),
            _ => rel.clone(),
        };
        let path = layouts_dir.join(&rel);
        entries.layouts.push((
            name,
            Entry {
                path,
                rel: join_rel(&settings.layouts_dir, &rel),
                has_front_matter: true,
                bytes: Mutex::new(None),
            },
        ));
    }

    read_theme_layouts(settings, filter, &mut entries);

    read_directory(settings, filter, "", &mut entries);

    // `include` entries that are files at the root but were filtered out.
    for inc in &settings.include {
        let rel = inc.trim_start_matches('/').to_string();
        let path = source.join(&rel);
        if !path.is_file() {
            continue;
        }
        if entries
            .pages
            .iter()
            .chain(&entries.static_files)
            .any(|e| e.rel == rel)
        {
            continue;
        }
        let e = filter.entry(source, rel);
        if e.has_front_matter {
            entries.pages.push(e);
        } else {
            entries.static_files.push(e);
        }
    }

    let coll_root = settings.collections_path();
    for c in &settings.collections {
        if c.label == "posts" {
            continue;
        }
        let dir = coll_root.join(format!("_{}", c.label));
        let dir_rel = join_rel(&settings.collections_dir, &format!("_{}", c.label));
        let files = if dir.is_dir() {
            files_below(filter, &dir, &dir_rel, true)
        } else {
            Vec::new()
        };
        let list = if filter.cache.is_none() {
            // Each file's first bytes read in parallel (no cache to share).
            use rayon::prelude::*;
            files
                .into_par_iter()
                .map(|rel| {
                    let rel = join_rel(&dir_rel, &rel);
                    let path = source.join(&rel);
                    let (has_front_matter, bytes) = front_matter_and_bytes(&path, true);
                    Entry {
                        has_front_matter,
                        bytes: Mutex::new(bytes),
                        path,
                        rel,
                    }
                })
                .collect()
        } else {
            files
                .into_iter()
                .map(|rel| filter.entry(source, join_rel(&dir_rel, &rel)))
                .collect()
        };
        entries.collections.push((c.label.clone(), list));
    }
    read_theme_assets(settings, &mut entries);
    entries
}

/// The theme's `_layouts` (Jekyll's `LayoutReader`): `**/*.*`, filtered as the
/// site's are (Jekyll's filter sees the names relative to the layouts folder),
/// each used only when the site has no layout of that name.
fn read_theme_layouts(settings: &Settings, filter: &EntryFilter, entries: &mut Entries) {
    let Some(dir) = settings
        .theme
        .as_ref()
        .and_then(|t| t.layouts_path.as_ref())
    else {
        return;
    };
    for rel in files_below(filter, dir, "", false) {
        let base = rel.rsplit('/').next().unwrap_or(&rel);
        if !base.contains('.') {
            continue;
        }
        let name = rel.split('.').collect::<Vec<_>>();
        let name = name[..name.len() - 1].join(".");
        if entries.layouts.iter().any(|(n, _)| *n == name) {
            continue;
        }
        let path = dir.join(&rel);
        entries.layouts.push((
            name,
            Entry {
                rel: crate::config::display_path(&settings.source, &path),
                path,
                has_front_matter: true,
                bytes: Mutex::new(None),
            },
        ));
    }
}

/// The theme's `assets` (Jekyll's `ThemeAssetsReader`): every file, in
/// `Find.find` order, with no entry filter; front matter makes a page, else a
/// static file, each at `assets/…` as if in the site, skipped when the site
/// has a page (or static file) at that path. Symlinks are skipped.
fn read_theme_assets(settings: &Settings, entries: &mut Entries) {
    let Some(theme) = settings.theme.as_ref() else {
        return;
    };
    let Some(assets) = theme.assets_path.as_ref() else {
        return;
    };
    let mut files = Vec::new();
    find_files(assets, &mut files);
    for path in files {
        let Ok(rel) = path.strip_prefix(&theme.root) else {
            continue;
        };
        let rel = rel.to_string_lossy().into_owned();
        let entry = Entry {
            has_front_matter: front_matter_of(&path),
            bytes: Mutex::new(None),
            path,
            rel,
        };
        let haystack = if entry.has_front_matter {
            &mut entries.pages
        } else {
            &mut entries.static_files
        };
        if !haystack.iter().any(|e| e.rel == entry.rel) {
            if entry.has_front_matter {
                entries.theme_pages += 1;
            } else {
                entries.theme_static_files += 1;
            }
            haystack.push(entry);
        }
    }
}

/// Files below `dir`, depth first in name order, not following symlinks
/// (symlinked files are left out, as Jekyll ignores them with a warning).
fn find_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for name in sorted_names(dir) {
        let path = dir.join(&name);
        let Ok(meta) = fs::symlink_metadata(&path) else {
            continue;
        };
        if meta.is_dir() {
            find_files(&path, out);
        } else if meta.is_file() {
            out.push(path);
        }
    }
}

fn read_directory(settings: &Settings, filter: &EntryFilter, dir: &str, out: &mut Entries) {
    let source = &settings.source;
    let base = if dir.is_empty() {
        source.clone()
    } else {
        source.join(dir)
    };
    let names: Vec<(String, bool)> = sorted_entries(&base)
        .into_iter()
        .filter(|(n, _)| filter.keep(dir, n))
        .collect();
    let (mut dirs, mut pages, mut statics) = (Vec::new(), Vec::new(), Vec::new());
    for (name, is_dir) in names {
        let rel = join_rel(dir, &name);
        if is_dir {
            dirs.push(rel);
        } else {
            let e = filter.entry(source, rel);
            if e.has_front_matter {
                pages.push(e);
            } else {
                statics.push(e);
            }
        }
    }
    // Posts live in `_posts` of any folder (inside collections_dir when set).
    let in_coll_dir = settings.collections_dir.is_empty()
        || dir == settings.collections_dir
        || dir.starts_with(&format!("{}/", settings.collections_dir));
    if in_coll_dir {
        read_posts(settings, filter, dir, "_posts", false, out);
        if settings.show_drafts {
            read_posts(settings, filter, dir, "_drafts", true, out);
        }
    }
    for d in dirs {
        if source.join(&d) == settings.destination {
            continue;
        }
        read_directory(settings, filter, &d, out);
    }
    out.pages.extend(pages);
    out.static_files.extend(statics);
}

fn read_posts(
    settings: &Settings,
    filter: &EntryFilter,
    dir: &str,
    magic: &str,
    draft: bool,
    out: &mut Entries,
) {
    let base_rel = join_rel(dir, magic);
    let base = settings.source.join(&base_rel);
    if !base.is_dir() {
        return;
    }
    for rel in files_below(filter, &base, &base_rel, false) {
        let name = rel.rsplit('/').next().unwrap_or(&rel);
        let ok = if draft {
            name.contains('.') && !name.starts_with('.')
        } else {
            is_dated_name(name)
        };
        if !ok {
            continue;
        }
        // Jekyll reads posts with or without front matter: no need to look.
        let rel = join_rel(&base_rel, &rel);
        let e = Entry {
            path: settings.source.join(&rel),
            rel,
            has_front_matter: true,
            bytes: Mutex::new(None),
        };
        let coll_dir = &settings.collections_dir;
        let cat_dir = if !coll_dir.is_empty() && (dir == coll_dir.as_str()) {
            String::new()
        } else if !coll_dir.is_empty() {
            dir.strip_prefix(&format!("{coll_dir}/"))
                .unwrap_or(dir)
                .to_string()
        } else {
            dir.to_string()
        };
        out.posts.push(PostEntry {
            entry: e,
            dir: cat_dir,
            draft,
        });
    }
}

/// `YYYY-MM-DD-slug.ext` (Jekyll's DATE_FILENAME_MATCHER on the basename).
pub fn is_dated_name(name: &str) -> bool {
    split_dated_name(name).is_some()
}

/// Splits `YYYY-MM-DD-slug.ext` into (date, slug, ext).
pub fn split_dated_name(name: &str) -> Option<(&str, &str, &str)> {
    let bytes = name.as_bytes();
    let mut i = 0;
    let mut parts = [0usize; 3];
    for (n, (min, max)) in [(2usize, 4usize), (1, 2), (1, 2)].iter().enumerate() {
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        let len = i - start;
        if len < *min || len > *max || i >= bytes.len() || bytes[i] != b'-' {
            return None;
        }
        parts[n] = i;
        i += 1;
    }
    let date = &name[..parts[2]];
    let rest = &name[parts[2] + 1..];
    let dot = rest.rfind('.')?;
    if dot + 1 == rest.len() {
        return None;
    }
    Some((date, &rest[..dot], &rest[dot..]))
}

/// The site's own `_data/**` as (key path, entry), in Jekyll's reading
/// order.
pub fn site_data_files(settings: &Settings) -> Vec<(Vec<String>, Entry)> {
    let mut out = Vec::new();
    let base = settings.source.join(&settings.data_dir);
    data_dir(&base, &settings.data_dir, &mut Vec::new(), &mut out);
    out
}

/// The theme's `_data/**` (Jekyll 4.3 reads it and deep-merges the site's
/// data over it), as [`site_data_files`] lists them; entries are named by
/// their path as shown in messages (relative to the source when the gem is
/// inside it).
pub fn theme_data_files(settings: &Settings) -> Vec<(Vec<String>, Entry)> {
    let mut out = Vec::new();
    if let Some(theme_data) = settings.theme.as_ref().and_then(|t| t.data_path.as_ref()) {
        let rel = crate::config::display_path(&settings.source, theme_data);
        data_dir(theme_data, &rel, &mut Vec::new(), &mut out);
    }
    out
}

fn data_dir(dir: &Path, rel: &str, keys: &mut Vec<String>, out: &mut Vec<(Vec<String>, Entry)>) {
    let names = sorted_names(dir);
    let mut ordered: Vec<String> = Vec::new();
    for ext in ["yaml", "yml", "json", "csv", "tsv"] {
        for n in &names {
            if !n.starts_with('.') && n.ends_with(&format!(".{ext}")) && !ordered.contains(n) {
                ordered.push(n.clone());
            }
        }
    }
    // Then the folders (`Dir["*"].select { File.directory? }`); other files
    // (a README in `_data`) are not data.
    for n in &names {
        if !n.starts_with('.') && !ordered.contains(n) && dir.join(n).is_dir() {
            ordered.push(n.clone());
        }
    }
    for n in ordered {
        let path = dir.join(&n);
        let rel_n = join_rel(rel, &n);
        if path.is_dir() {
            keys.push(sanitize_data_name(&n));
            out.push((
                keys.clone(),
                Entry {
                    path: path.clone(),
                    rel: rel_n.clone(),
                    has_front_matter: false,
                    bytes: Mutex::new(None),
                },
            ));
            data_dir(&path, &rel_n, keys, out);
            keys.pop();
        } else {
            let stem = match n.rfind('.') {
                Some(i) if i > 0 => &n[..i],
                _ => &n,
            };
            let mut k = keys.clone();
            k.push(sanitize_data_name(stem));
            out.push((
                k,
                Entry {
                    path,
                    rel: rel_n,
                    has_front_matter: false,
                    bytes: Mutex::new(None),
                },
            ));
        }
    }
}

/// Jekyll's DataReader `sanitize_filename`: drop characters other than word
/// characters, whitespace and `-`, then turn whitespace runs into `_`.
pub fn sanitize_data_name(name: &str) -> String {
    let kept: String = name
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '_' || *c == '-' || c.is_whitespace())
        .collect();
    let trimmed = kept.trim();
    let mut out = String::new();
    let mut ws = false;
    for c in trimmed.chars() {
        if c.is_whitespace() {
            if !ws {
                out.push('_');
            }
            ws = true;
        } else {
            out.push(c);
            ws = false;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_are_data_extensions_and_folders_only() {
        let dir = std::env::temp_dir().join(format!("hyde-reader-data-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("_data/sub")).unwrap();
        for f in ["README.md", "b.yml", "a.json", ".hidden.yml", "sub/c.csv"] {
            std::fs::write(dir.join("_data").join(f), "").unwrap();
        }
        let opts = crate::BuildOptions {
            source: Some(dir.clone()),
            ..Default::default()
        };
        let settings = Settings::resolve(&crate::RawConfig::load(&opts).unwrap()).unwrap();
        let rels: Vec<String> = site_data_files(&settings)
            .into_iter()
            .map(|(_, e)| e.rel)
            .collect();
        assert_eq!(
            rels,
            [
                "_data/b.yml",
                "_data/a.json",
                "_data/sub",
                "_data/sub/c.csv"
            ]
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn dated_names() {
        assert_eq!(
            split_dated_name("2024-3-1-hello.world.md"),
            Some(("2024-3-1", "hello.world", ".md"))
        );
        assert!(split_dated_name("hello.md").is_none());
        assert!(split_dated_name("2024-01-01.md").is_none());
    }

    #[test]
    fn include_and_exclude_globs_match_after_the_source_as_with_it() {
        let patterns = [
            "*.gemspec",
            "vendor/",
            "node_modules",
            "/Gemfile*",
            "docs/**/*.md",
            ".*rc",
            "a?c",
            "[!_]x*",
            "notes\\*",
            "ünï*",
            "_site/",
            "package.json",
        ];
        let entries = [
            "Gemfile",
            "Gemfile.lock",
            "hyde.gemspec",
            "vendor",
            "vendor/bundle/x.rb",
            "node_modules/a/b.js",
            "docs/a/b.md",
            ".eslintrc",
            "abc",
            "a/c",
            "yx",
            "_x",
            "notes*",
            "notes1",
            "ünïcode.md",
            "package.json",
            "_site",
            "/README.md",
        ];
        let filter = |literal_source: bool| EntryFilter {
            source: "/home/me/site".into(),
            cache: None,
            include: Vec::new(),
            exclude: patterns
                .iter()
                .map(|p| format!("/home/me/site/{}", p.trim_start_matches('/')))
                .collect(),
            literal_source,
        };
        let (fast, full) = (filter(true), filter(false));
        let mut excluded = 0;
        for e in entries {
            assert_eq!(fast.excluded(e), full.excluded(e), "{e}");
            excluded += usize::from(full.excluded(e));
        }
        // Both answers occur.
        assert!(excluded > 5 && excluded < entries.len(), "{excluded}");
    }
}
