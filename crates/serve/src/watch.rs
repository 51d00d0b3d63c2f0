//! Watching a site's source for changes, for `hyde serve`.
//!
//! Only folders the caller does not ignore are watched — the destination,
//! `.git` and `exclude`d folders never get a watch — and new folders are
//! picked up as they appear. Editor temp and swap files are dropped.
//! Events are debounced: a batch ends once the source has been quiet for a
//! short while, so one save (often several events) gives one rebuild. The
//! wait is shorter once every changed file of the batch is complete — closed
//! after writing, renamed into place, or removed — since a save then has
//! nothing left to say; a file still being written (or just created) waits
//! for the full quiet time.

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::sync::Arc;
use std::time::{Duration, Instant};

use notify::event::{AccessKind, AccessMode, ModifyKind};
use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher as _};

/// Decides which paths (relative to the root, `/`-separated) the watcher ignores.
pub type IgnoreFn = Arc<dyn Fn(&str) -> bool + Send + Sync>;

/// What to watch.
pub struct WatchOptions {
    /// The site's source folder.
    pub root: PathBuf,
    /// Paths to ignore besides editor files and `.git`: the caller passes the
    /// destination, `exclude` patterns and the like.
    pub ignore: IgnoreFn,
    /// How long the source must be quiet before a batch is delivered (while
    /// a file of the batch may still be written to; see [`SETTLE`]).
    pub quiet: Duration,
    /// The longest a batch may keep growing while events keep coming.
    pub max_wait: Duration,
}

/// The files that changed in one batch (created, modified, removed or renamed),
/// relative to the root.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ChangeSet {
    /// Changed paths, sorted.
    pub paths: BTreeSet<PathBuf>,
}

/// How long the source must be quiet before a batch whose files are all
/// complete is delivered (at most [`WatchOptions::quiet`]): long enough to
/// take in the events that follow a save at once (a `chmod`, the backup
/// file's removal), short next to a rebuild.
pub const SETTLE: Duration = Duration::from_millis(3);

/// A running watch.
pub struct Watcher {
    inner: RecommendedWatcher,
    events: Receiver<notify::Result<Event>>,
    options: WatchOptions,
}

/// Editor temp, backup and swap files, and OS litter.
pub fn is_editor_file(name: &str) -> bool {
    name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".swo")
        || name.ends_with('~')
        || name.ends_with(".tmp")
        || name.ends_with("___jb_tmp___")
        || name.ends_with("___jb_old___")
        || name.starts_with(".#")
        || (name.starts_with('#') && name.ends_with('#'))
        || name.starts_with(".goutputstream-")
        || name == "4913"
        || name == ".DS_Store"
}

impl Watcher {
    /// Starts watching `options.root`.
    pub fn new(options: WatchOptions) -> notify::Result<Watcher> {
        let (tx, events) = channel();
        let inner = notify::recommended_watcher(move |event| {
            let _ = tx.send(event);
        })?;
        let mut watcher = Watcher {
            inner,
            events,
            options,
        };
        let root = watcher.options.root.clone();
        watcher.watch_tree(&root);
        Ok(watcher)
    }

    fn relative(&self, path: &Path) -> Option<String> {
        let rel = path.strip_prefix(&self.options.root).ok()?;
        Some(
            rel.components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/"),
        )
    }

    fn ignored(&self, path: &Path) -> bool {
        let Some(rel) = self.relative(path) else {
            return true;
        };
        if rel.is_empty() {
            return false;
        }
        rel.split('/')
            .any(|segment| segment == ".git" || is_editor_file(segment))
            || (self.options.ignore)(&rel)
    }

    /// Watches `dir` and every folder below it that is not ignored.
    fn watch_tree(&mut self, dir: &Path) {
        if self.ignored(dir) || self.inner.watch(dir, RecursiveMode::NonRecursive).is_err() {
            return;
        }
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            if entry.file_type().map(|t| t.is_dir()).unwrap_or(false) {
                self.watch_tree(&entry.path());
            }
        }
    }

    /// Waits up to `timeout` for changes, then gathers the rest of the batch.
    /// `None` when nothing changed in time.
    pub fn next_batch(&mut self, timeout: Duration) -> Option<ChangeSet> {
        let deadline = Instant::now() + timeout;
        let mut batch = Batch::default();
        // Wait for the first relevant event.
        while batch.changes.paths.is_empty() {
            let left = deadline.checked_duration_since(Instant::now())?;
            match self.events.recv_timeout(left) {
                Ok(event) => self.absorb(event, &mut batch),
                Err(RecvTimeoutError::Timeout) => return None,
                Err(RecvTimeoutError::Disconnected) => return None,
            }
        }
        // Then until the source is quiet, or the batch has waited long enough.
        let started = Instant::now();
        while started.elapsed() < self.options.max_wait {
            let quiet = if batch.writing.is_empty() {
                SETTLE.min(self.options.quiet)
            } else {
                self.options.quiet
            };
            match self.events.recv_timeout(quiet) {
                Ok(event) => self.absorb(event, &mut batch),
                Err(_) => break,
            }
        }
        Some(batch.changes)
    }

    fn absorb(&mut self, event: notify::Result<Event>, batch: &mut Batch) {
        let Ok(event) = event else { return };
        let complete = match event.kind {
            // A file closed after writing: its save is done.
            EventKind::Access(AccessKind::Close(AccessMode::Write)) => {
                for path in &event.paths {
                    if let Ok(rel) = path.strip_prefix(&self.options.root) {
                        batch.writing.remove(rel);
                    }
                }
                return;
            }
            EventKind::Access(_) => return,
            EventKind::Remove(_)
            | EventKind::Modify(ModifyKind::Name(_) | ModifyKind::Metadata(_)) => true,
            EventKind::Create(_) | EventKind::Modify(_) | EventKind::Any | EventKind::Other => {
                false
            }
        };
        for path in event.paths {
            if self.ignored(&path) {
                continue;
            }
            if matches!(event.kind, EventKind::Create(_) | EventKind::Modify(_)) && path.is_dir() {
                self.watch_tree(&path);
                // A folder moved in brings its files along: report each one.
                let mut files = Vec::new();
                collect_files(&path, &mut files);
                for file in files {
                    if !self.ignored(&file) {
                        if let Ok(rel) = file.strip_prefix(&self.options.root) {
                            batch.changes.paths.insert(rel.to_path_buf());
                        }
                    }
                }
            }
            if let Ok(rel) = path.strip_prefix(&self.options.root) {
                if !rel.as_os_str().is_empty() {
                    batch.changes.paths.insert(rel.to_path_buf());
                    if complete {
                        batch.writing.remove(rel);
                    } else {
                        batch.writing.insert(rel.to_path_buf());
                    }
                }
            }
        }
    }
}

/// A batch being gathered.
#[derive(Default)]
struct Batch {
    changes: ChangeSet,
    /// Files created or written to and not closed since.
    writing: HashSet<PathBuf>,
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        match entry.file_type() {
            Ok(t) if t.is_dir() => collect_files(&path, out),
            Ok(_) => out.push(path),
            Err(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::is_editor_file;

    #[test]
    fn editor_files() {
        for name in [
            ".post.md.swp",
            "post.md~",
            ".#post.md",
            "#post.md#",
            "4913",
            "x___jb_tmp___",
            ".DS_Store",
        ] {
            assert!(is_editor_file(name), "{name}");
        }
        for name in ["post.md", "main.scss", "_config.yml", "tmp.md"] {
            assert!(!is_editor_file(name), "{name}");
        }
    }
}
