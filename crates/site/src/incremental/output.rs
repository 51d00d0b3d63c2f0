//! Writing a serve session's builds to disk. The first build (and any build
//! after a failed write) goes through [`DiskOutput`], which compares every
//! file and cleans the whole destination. Later builds skip the outputs the
//! plan knows are unchanged, as long as the file on disk still has the size
//! and modification time this writer left; everything else is compared,
//! written to a temporary name and renamed into place, and the files of the
//! last build that are no longer produced are removed.

use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::incremental::digest::{FastMap, FastSet};
use crate::incremental::read_cache::FileStamp;
use crate::writer::{
    is_safe_relative, Contents, DiskOutput, Output, OutputFile, WriteError, WriteStats, Wrote,
};

/// The destination of a serve session.
#[derive(Debug)]
pub struct DiskWriter {
    dest: PathBuf,
    /// Every file written by the last build, with the stamp it left.
    written: Option<Stamps>,
    /// Paths two outputs shared in the last build: never skipped, since
    /// which one the file holds may change.
    shared: FastSet<String>,
}

impl DiskWriter {
    /// A writer for `dest`; its first write is a full one.
    pub fn new(dest: impl Into<PathBuf>) -> DiskWriter {
        DiskWriter {
            dest: dest.into(),
            written: None,
            shared: FastSet::default(),
        }
    }

    /// Writes `files`; `unchanged` names outputs equal to the last build's.
    pub(crate) fn write(
        &mut self,
        files: &[OutputFile],
        keep_files: &[String],
        unchanged: Option<&FastSet<String>>,
    ) -> Result<WriteStats, WriteError> {
        let prev = self.written.take();
        let mut seen: FastSet<&str> =
            FastSet::with_capacity_and_hasher(files.len(), Default::default());
        let mut twice: FastSet<&str> = FastSet::default();
        for f in files {
            if !seen.insert(&f.path) {
                twice.insert(&f.path);
            }
        }
        let (stats, stamps) = match (prev, unchanged) {
            (Some(prev), Some(unchanged)) if !unchanged.is_empty() => {
                let paths = Paths {
                    seen,
                    twice: &twice,
                };
                self.write_changed(files, keep_files, unchanged, prev, paths)?
            }
            _ => {
                let stats = DiskOutput::served(&self.dest).write_all(files, keep_files)?;
                let stamps = files
                    .iter()
                    .map(|f| (f.path.clone(), stamp(&self.dest.join(&f.path))))
                    .collect();
                (stats, stamps)
            }
        };
        self.written = Some(stamps);
        self.shared = twice.into_iter().map(str::to_string).collect();
        Ok(stats)
    }

    /// Writes what changed, updating the last build's stamps in place (most
    /// files keep theirs: no new map, no copied paths).
    fn write_changed(
        &self,
        files: &[OutputFile],
        keep_files: &[String],
        unchanged: &FastSet<String>,
        mut stamps: Stamps,
        paths: Paths<'_, '_>,
    ) -> Result<(WriteStats, Stamps), WriteError> {
        let mut stats = WriteStats::default();
        if let Some(f) = files.iter().find(|f| !is_safe_relative(&f.path)) {
            return Err(WriteError::OutsideDestination(f.path.clone()));
        }
        // Whether each file is an unchanged output that the disk still holds
        // as this writer left it (a stat each, in parallel).
        let left: Vec<bool> = files
            .par_iter()
            .map(|f| {
                let known = stamps.get(&f.path).copied().flatten();
                !matches!(f.contents, Contents::Copy(_))
                    && unchanged.contains(&f.path)
                    && !paths.twice.contains(f.path.as_str())
                    && !self.shared.contains(&f.path)
                    && known.is_some()
                    && stamp(&self.dest.join(&f.path)) == known
            })
            .collect();
        let disk = DiskOutput::served(&self.dest);
        for (f, same_as_left) in files.iter().zip(left) {
            if same_as_left {
                stats.unchanged += 1;
                continue;
            }
            match disk.write_file(f)? {
                Wrote::Written => stats.written += 1,
                Wrote::Unchanged => stats.unchanged += 1,
            }
            let now = stamp(&self.dest.join(&f.path));
            match stamps.get_mut(&f.path) {
                Some(s) => *s = now,
                None => {
                    stamps.insert(f.path.clone(), now);
                }
            }
        }
        let gone: Vec<String> = stamps
            .keys()
            .filter(|p| !paths.seen.contains(p.as_str()))
            .cloned()
            .collect();
        for path in gone {
            stamps.remove(&path);
            let kept = keep_files
                .iter()
                .any(|k| !k.is_empty() && path.starts_with(k.as_str()));
            if kept || !is_safe_relative(&path) {
                continue;
            }
            let target = self.dest.join(&path);
            if fs::symlink_metadata(&target).is_ok_and(|m| !m.is_dir()) {
                fs::remove_file(&target).map_err(|e| WriteError::Io(target.clone(), e))?;
                stats.removed += 1;
                prune_empty(&self.dest, &target);
            }
        }
        Ok((stats, stamps))
    }
}

/// The output paths of one build: all of them, and those two outputs share.
struct Paths<'a, 'b> {
    seen: FastSet<&'a str>,
    twice: &'b FastSet<&'a str>,
}

type Stamps = FastMap<String, Option<FileStamp>>;

/// The stamp of a regular file (not of what a symlink points to).
fn stamp(path: &Path) -> Option<FileStamp> {
    FileStamp::of_file(path)
}

/// Removes the now empty folders above a removed file, up to `root`.
fn prune_empty(root: &Path, removed: &Path) {
    let mut dir = removed.parent();
    while let Some(d) = dir {
        if d == root || !d.starts_with(root) || fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
}
