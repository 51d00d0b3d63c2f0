//! Sass conversions kept between the builds of a serve session: the same
//! stylesheet with the same text is not compiled again while every folder it
//! can import from holds the same files.
//!
//! The memo is keyed by what a Sass page can reach, not by what it did
//! reach: a digest of the Sass folder, the load paths and the page's own
//! folder, every file's path and content. That also sees a new partial that
//! would shadow the one an earlier compilation loaded, which a list of
//! loaded files would miss. Hashing those folders costs well under a
//! millisecond on a theme's ~100 KB of Sass.

use std::collections::HashMap;
use std::hash::Hasher;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicUsize;
use std::sync::Mutex;

use crate::config::RawConfig;
use crate::incremental::digest::{hash_debug, hash_tree, Fingerprint};
use crate::site::Site;

/// Sass output by source file and text, valid while the Sass folders hold
/// the same files.
#[derive(Debug, Default)]
pub(crate) struct SassMemo {
    pub(crate) entries: Mutex<HashMap<(PathBuf, u64), SassEntry>>,
    /// Compilations run, for tests.
    pub(crate) compilations: AtomicUsize,
}

/// One memoised Sass conversion.
#[derive(Debug, Clone)]
pub(crate) struct SassEntry {
    pub(crate) folders: u64,
    pub(crate) css: String,
    pub(crate) map: Option<String>,
}

/// A digest of everything a Sass page can import: the Sass folder and load
/// paths (a globbed one from the folder above its first pattern), the folders
/// of the Sass pages themselves and below them (a page at the top of the
/// source: that folder alone), and the `sass:` settings.
pub(crate) fn sass_folders_digest(site: &Site) -> u64 {
    let sass_pages = site
        .pages
        .iter()
        .filter(|p| matches!(p.extname.as_str(), ".scss" | ".sass"))
        .map(|p| p.path.as_path());
    folders_digest(
        &site.raw,
        &site.environment,
        &site.settings.source,
        sass_pages,
    )
}

/// [`sass_folders_digest`] from the parts of the site it reads (before the
/// site is whole): the Sass pages' files among them.
pub(crate) fn folders_digest<'a>(
    raw: &RawConfig,
    environment: &str,
    source: &Path,
    sass_pages: impl Iterator<Item = &'a Path>,
) -> u64 {
    let mut h = Fingerprint::default();
    hash_debug(&(raw.get("sass"), environment), &mut h);
    let cfg = raw.get("sass");
    let sass_dir = cfg
        .and_then(|c| c.get("sass_dir"))
        .map(|v| v.to_liquid_string())
        .unwrap_or_else(|| "_sass".into());
    let mut dirs = vec![sass_dir];
    match cfg.and_then(|c| c.get("load_paths")) {
        Some(hyde_liquid::Value::Array(extra)) => {
            dirs.extend(extra.iter().map(|p| p.to_liquid_string()))
        }
        Some(hyde_liquid::Value::Nil) | None => {}
        Some(one) => dirs.push(one.to_liquid_string()),
    }
    for d in &dirs {
        let dir = source.join(above_globs(d));
        hash_tree(source, &dir, true, &mut h, &mut |_| {});
    }
    for page in sass_pages {
        if let Some(dir) = page.parent() {
            let below = dir != source;
            hash_tree(source, dir, below, &mut h, &mut |_| {});
        }
    }
    h.finish()
}

/// The folders of `pattern` before its first glob segment.
fn above_globs(pattern: &str) -> &Path {
    let cut = pattern
        .find(['*', '?', '[', '{'])
        .map(|i| pattern[..i].rfind('/').unwrap_or(0))
        .unwrap_or(pattern.len());
    Path::new(&pattern[..cut])
}

#[cfg(test)]
mod tests {
    use super::above_globs;
    use std::path::Path;

    #[test]
    fn globbed_load_paths_are_watched_from_above_the_glob() {
        assert_eq!(above_globs("vendor/*/scss"), Path::new("vendor"));
        assert_eq!(above_globs("_sass"), Path::new("_sass"));
        assert_eq!(above_globs("a/b/c?"), Path::new("a/b"));
        assert_eq!(above_globs("*/scss"), Path::new(""));
    }
}
