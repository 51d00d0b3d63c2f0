//! Writing a serve session's builds to disk. The first build (and any build
//! after a failed write) goes through [`DiskOutput`], which compares every
//! file and cleans the whole destination. Later builds skip the outputs the
//! plan knows are unchanged, as long as the file on disk still has the size
//! and modification time this writer left; everything else is compared,
//! written to a temporary name and renamed into place, and the files of the
//! last build that are no longer produced are removed.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::incremental::read_cache::FileStamp;
use crate::writer::{
    is_safe_relative, Contents, DiskOutput, Output, OutputFile, WriteError, WriteStats,
};

/// The destination of a serve session.
#[derive(Debug)]
pub struct DiskWriter {
    dest: PathBuf,
    /// Every file written by the last build, with the stamp it left.
    written: Option<Stamps>,
    /// Paths two outputs shared in the last build: never skipped, since
    /// which one the file holds may change.
    shared: HashSet<String>,
}

impl DiskWriter {
    /// A writer for `dest`; its first write is a full one.
    pub fn new(dest: impl Into<PathBuf>) -> DiskWriter {
        DiskWriter {
            dest: dest.into(),
            written: None,
            shared: HashSet::new(),
        }
    }

    /// Writes `files`; `unchanged` names outputs equal to the last build's.
    pub(crate) fn write(
        &mut self,
        files: &[OutputFile],
        keep_files: &[String],
        unchanged: Option<&HashSet<String>>,
    ) -> Result<WriteStats, WriteError> {
        let prev = self.written.take();
        let (stats, stamps) = match (prev, unchanged) {
            (Some(prev), Some(unchanged)) if !unchanged.is_empty() => {
                self.write_changed(files, keep_files, unchanged, prev)?
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
        let mut seen = HashSet::with_capacity(files.len());
        self.shared = files
            .iter()
            .filter(|f| !seen.insert(f.path.as_str()))
            .map(|f| f.path.clone())
            .collect();
        Ok(stats)
    }

    fn write_changed(
        &self,
        files: &[OutputFile],
        keep_files: &[String],
        unchanged: &HashSet<String>,
        prev: Stamps,
    ) -> Result<(WriteStats, Stamps), WriteError> {
        let mut stats = WriteStats::default();
        let mut stamps: Stamps = HashMap::with_capacity(files.len());
        let mut seen: HashSet<&str> = HashSet::with_capacity(files.len());
        let mut twice: HashSet<&str> = HashSet::new();
        for f in files {
            if !is_safe_relative(&f.path) {
                return Err(WriteError::OutsideDestination(f.path.clone()));
            }
            if !seen.insert(&f.path) {
                twice.insert(&f.path);
            }
        }
        // Whether each file is an unchanged output that the disk still holds
        // as this writer left it (a stat each, in parallel).
        let left: Vec<bool> = files
            .par_iter()
            .map(|f| {
                let known = prev.get(&f.path).copied().flatten();
                matches!(f.contents, Contents::Bytes(_))
                    && unchanged.contains(&f.path)
                    && !twice.contains(f.path.as_str())
                    && !self.shared.contains(&f.path)
                    && known.is_some()
                    && stamp(&self.dest.join(&f.path)) == known
            })
            .collect();
        for (f, same_as_left) in files.iter().zip(left) {
            let target = self.dest.join(&f.path);
            let io = |e| WriteError::Io(target.clone(), e);
            let known = prev.get(&f.path).copied().flatten();
            match &f.contents {
                Contents::Bytes(bytes) => {
                    if same_as_left {
                        stats.unchanged += 1;
                        stamps.insert(f.path.clone(), known);
                        continue;
                    }
                    if is_file(&target) && fs::read(&target).is_ok_and(|old| old == *bytes) {
                        stats.unchanged += 1;
                        stamps.insert(f.path.clone(), stamp(&target));
                        continue;
                    }
                    ensure_dir(&self.dest, &target)?;
                    replace(&target, |tmp| fs::write(tmp, bytes)).map_err(io)?;
                }
                Contents::Copy(src) => {
                    let meta = fs::metadata(src).map_err(|e| WriteError::Io(src.clone(), e))?;
                    let mtime = meta.modified().ok();
                    if let Ok(old) = fs::symlink_metadata(&target) {
                        if old.is_file() && old.len() == meta.len() && old.modified().ok() == mtime
                        {
                            stats.unchanged += 1;
                            stamps.insert(f.path.clone(), stamp(&target));
                            continue;
                        }
                    }
                    ensure_dir(&self.dest, &target)?;
                    replace(&target, |tmp| {
                        fs::copy(src, tmp)?;
                        let f = fs::OpenOptions::new().write(true).open(tmp)?;
                        if let Some(m) = mtime {
                            f.set_modified(m)?;
                        }
                        Ok(())
                    })
                    .map_err(io)?;
                }
            }
            stats.written += 1;
            stamps.insert(f.path.clone(), stamp(&target));
        }
        for path in prev.keys().filter(|p| !seen.contains(p.as_str())) {
            let kept = keep_files
                .iter()
                .any(|k| !k.is_empty() && path.starts_with(k.as_str()));
            if kept || !is_safe_relative(path) {
                continue;
            }
            let target = self.dest.join(path);
            if fs::symlink_metadata(&target).is_ok_and(|m| !m.is_dir()) {
                fs::remove_file(&target).map_err(|e| WriteError::Io(target.clone(), e))?;
                stats.removed += 1;
                prune_empty(&self.dest, &target);
            }
        }
        Ok((stats, stamps))
    }
}

type Stamps = HashMap<String, Option<FileStamp>>;

/// The stamp of a regular file (not of what a symlink points to).
fn stamp(path: &Path) -> Option<FileStamp> {
    FileStamp::of_file(path)
}

fn is_file(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.is_file())
}

/// Creates the folders above `target` inside `root`, replacing a file or a
/// symlink that sits where a folder must be (never following it), and
/// removes a folder that sits where the file must go.
fn ensure_dir(root: &Path, target: &Path) -> Result<(), WriteError> {
    let io = |p: &Path, e| WriteError::Io(p.to_path_buf(), e);
    let mut cur = root.to_path_buf();
    if let Some(dir) = target.parent() {
        for c in dir.strip_prefix(root).unwrap_or(dir).components() {
            cur.push(c);
            match fs::symlink_metadata(&cur) {
                Ok(m) if m.is_dir() => {}
                Ok(_) => {
                    fs::remove_file(&cur).map_err(|e| io(&cur, e))?;
                    fs::create_dir(&cur).map_err(|e| io(&cur, e))?;
                }
                Err(_) => fs::create_dir_all(&cur).map_err(|e| io(&cur, e))?,
            }
        }
    }
    if fs::symlink_metadata(target).is_ok_and(|m| m.is_dir()) {
        fs::remove_dir_all(target).map_err(|e| io(target, e))?;
    }
    Ok(())
}

/// Fills a temporary file beside `target` with `fill`, then renames it into
/// place: a reader never sees a half-written file, and a symlink at `target`
/// is replaced, not followed.
fn replace(target: &Path, fill: impl FnOnce(&Path) -> io::Result<()>) -> io::Result<()> {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = target.with_file_name(format!(".{name}.hyde-tmp"));
    let _ = fs::remove_file(&tmp);
    let result = fill(&tmp).and_then(|()| fs::rename(&tmp, target));
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
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
