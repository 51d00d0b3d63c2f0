//! The writer: one output interface for build, serve and tests.
//!
//! The renderer produces a list of [`OutputFile`]s (a rendered page or a static
//! file to copy). An [`Output`] receives them: [`DiskOutput`] writes the
//! destination folder (skipping unchanged files, copying static files only when
//! size or mtime changed, then removing files no longer produced except
//! `keep_files`); [`MemoryOutput`] keeps everything in a map. Every path is
//! checked to stay inside the destination before anything is written or deleted.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::time::SystemTime;

use rayon::prelude::*;

/// What one output file holds.
#[derive(Debug, Clone)]
pub enum Contents {
    /// Rendered bytes.
    Bytes(Vec<u8>),
    /// A document's rendered output, shared with its `output` (not copied).
    Output(std::sync::Arc<crate::document::Document>),
    /// A static file copied from this source path, keeping its mtime.
    Copy(PathBuf),
}

impl Contents {
    /// The rendered bytes; `None` for a copied static file.
    pub fn rendered(&self) -> Option<&[u8]> {
        match self {
            Contents::Bytes(b) => Some(b),
            Contents::Output(d) => Some(d.output.get().map_or(&[][..], |s| s.as_bytes())),
            Contents::Copy(_) => None,
        }
    }
}

/// One file of the built site.
#[derive(Debug, Clone)]
pub struct OutputFile {
    /// Path relative to the destination, with `/` separators, no leading `/`.
    pub path: String,
    /// Its contents.
    pub contents: Contents,
}

/// Where a build goes. Implemented for disk and memory.
pub trait Output {
    /// Writes (or keeps) every file, then removes what is no longer produced.
    fn write_all(
        &mut self,
        files: &[OutputFile],
        keep_files: &[String],
    ) -> Result<WriteStats, WriteError>;
}

/// Counts from a write.
#[derive(Debug, Default, Clone, Copy)]
pub struct WriteStats {
    /// Files written or copied.
    pub written: usize,
    /// Files left as they were because they were unchanged.
    pub unchanged: usize,
    /// Stale files removed.
    pub removed: usize,
}

/// A failure while writing the destination.
#[derive(Debug)]
pub enum WriteError {
    /// An output path would leave the destination.
    OutsideDestination(String),
    /// An I/O error on this path.
    Io(PathBuf, io::Error),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::OutsideDestination(p) => {
                write!(f, "refusing to write '{p}': it is outside the destination")
            }
            WriteError::Io(p, e) => write!(f, "{}: {e}", p.display()),
        }
    }
}

impl std::error::Error for WriteError {}

/// Whether a relative output path stays inside its root (no `..`, not absolute).
pub fn is_safe_relative(path: &str) -> bool {
    !path.is_empty()
        && Path::new(path)
            .components()
            .all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
}

/// Writes the site into a folder on disk.
#[derive(Debug)]
pub struct DiskOutput {
    dest: PathBuf,
    /// Write new files through a temporary name too (while a server reads
    /// the destination, a file must never be seen half-written).
    atomic_new: bool,
}

/// What writing one file did.
pub(crate) enum Wrote {
    Written,
    Unchanged,
}

impl DiskOutput {
    /// An output writing into `dest` (created when missing).
    pub fn new(dest: impl Into<PathBuf>) -> DiskOutput {
        DiskOutput {
            dest: dest.into(),
            atomic_new: false,
        }
    }

    /// An output for a destination that is being served: every file, new or
    /// replaced, is written to a temporary name and renamed into place.
    pub fn served(dest: impl Into<PathBuf>) -> DiskOutput {
        DiskOutput {
            dest: dest.into(),
            atomic_new: true,
        }
    }

    /// Writes one file, making its folder first (replacing a file or
    /// symlink where a folder must be).
    pub(crate) fn write_file(&self, file: &OutputFile) -> Result<Wrote, WriteError> {
        if let Some(parent) = self.dest.join(&file.path).parent() {
            ensure_dir(&self.dest, parent)?;
        }
        self.write_one(file, false)
    }

    /// Writes one file whose folder exists. A file that is not there yet is
    /// written in place (unless the destination is served); one that is
    /// there is replaced atomically. `fresh`: the destination was made by
    /// this write, so nothing is there yet (and nothing is looked up).
    fn write_one(&self, file: &OutputFile, fresh: bool) -> Result<Wrote, WriteError> {
        let target = self.dest.join(&file.path);
        let io = |e| WriteError::Io(target.clone(), e);
        let old = if fresh {
            None
        } else {
            fs::symlink_metadata(&target).ok()
        };
        match &file.contents {
            Contents::Copy(src) => {
                let meta = fs::metadata(src).map_err(|e| WriteError::Io(src.clone(), e))?;
                let mtime = meta.modified().ok();
                if let Some(old) = &old {
                    if old.is_file() && old.len() == meta.len() && old.modified().ok() == mtime {
                        return Ok(Wrote::Unchanged);
                    }
                    if old.is_dir() {
                        fs::remove_dir_all(&target).map_err(io)?;
                    }
                }
                copy_atomically(src, &target, &meta, mtime).map_err(io)?;
            }
            rendered => {
                let bytes = rendered.rendered().unwrap_or_default();
                // Nothing to replace (and nobody reading): no temporary and rename needed.
                if old.is_none() && !self.atomic_new && write_new(&target, bytes).map_err(io)? {
                    return Ok(Wrote::Written);
                }
                match &old {
                    None => {}
                    Some(m) if m.file_type().is_symlink() => {
                        fs::remove_file(&target).map_err(io)?
                    }
                    Some(m) if m.is_dir() => fs::remove_dir_all(&target).map_err(io)?,
                    Some(m) => {
                        let same = m.len() == bytes.len() as u64
                            && fs::read(&target).is_ok_and(|old| old == *bytes);
                        if same {
                            return Ok(Wrote::Unchanged);
                        }
                    }
                }
                write_atomically(&target, bytes).map_err(io)?;
            }
        }
        Ok(Wrote::Written)
    }
}

/// Creates `target` and writes `bytes`; `false` (nothing written) when
/// something appeared there meanwhile.
fn write_new(target: &Path, bytes: &[u8]) -> io::Result<bool> {
    use std::io::Write as _;
    let mut f = match fs::File::create_new(target) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => return Ok(false),
        Err(e) => return Err(e),
    };
    if let Err(e) = f.write_all(bytes) {
        drop(f);
        let _ = fs::remove_file(target);
        return Err(e);
    }
    Ok(true)
}

/// Creates `dir` (inside `root`), replacing any file that sits where a folder must be.
/// A symlink inside the destination is replaced, never followed, so nothing
/// is written outside the destination.
fn ensure_dir(root: &Path, dir: &Path) -> Result<(), WriteError> {
    let mut cur = root.to_path_buf();
    let rel = dir.strip_prefix(root).unwrap_or(dir);
    for c in rel.components() {
        cur.push(c);
        match fs::symlink_metadata(&cur) {
            Ok(m) if m.is_dir() => {}
            Ok(_) => {
                fs::remove_file(&cur).map_err(|e| WriteError::Io(cur.clone(), e))?;
                fs::create_dir(&cur).map_err(|e| WriteError::Io(cur.clone(), e))?;
            }
            Err(_) => fs::create_dir_all(&cur).map_err(|e| WriteError::Io(cur.clone(), e))?,
        }
    }
    Ok(())
}

/// Makes every folder of `folders` (paths relative to `root`, closed under
/// parents), shallowest first; the folders of one depth in parallel.
fn make_folders(root: &Path, folders: &HashSet<&str>) -> Result<(), WriteError> {
    let mut by_depth: Vec<Vec<&str>> = Vec::new();
    for f in folders {
        let depth = f.bytes().filter(|&b| b == b'/').count();
        if by_depth.len() <= depth {
            by_depth.resize_with(depth + 1, Vec::new);
        }
        by_depth[depth].push(f);
    }
    for level in by_depth {
        level
            .par_iter()
            .try_for_each(|f| make_folder(&root.join(f)))?;
    }
    Ok(())
}

/// Makes the folder `dir` whose parent exists, replacing a file or symlink
/// that is there (a symlink is never followed).
fn make_folder(dir: &Path) -> Result<(), WriteError> {
    let io = |e| WriteError::Io(dir.to_path_buf(), e);
    match fs::create_dir(dir) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            if fs::symlink_metadata(dir).map_err(io)?.is_dir() {
                return Ok(());
            }
            fs::remove_file(dir).map_err(io)?;
            fs::create_dir(dir).map_err(io)
        }
        Err(e) => Err(io(e)),
    }
}

/// Writes to a temporary name in the same folder, then renames into place, so
/// a reader (the dev server) never sees a half-written file.
fn write_atomically(target: &Path, bytes: &[u8]) -> io::Result<()> {
    let tmp = temp_name(target);
    fs::write(&tmp, bytes)?;
    fs::rename(&tmp, target).inspect_err(|_| {
        let _ = fs::remove_file(&tmp);
    })
}

/// The temporary name `target` is first written under, in its own folder.
fn temp_name(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}.hyde-tmp"))
}

/// Copies `src` to a temporary name beside `target`, gives it the source's
/// mtime and permissions, then renames it into place: a reader never sees a
/// half-copied file, and a symlink at `target` is replaced, not followed.
fn copy_atomically(
    src: &Path,
    target: &Path,
    meta: &fs::Metadata,
    mtime: Option<SystemTime>,
) -> io::Result<()> {
    let tmp = temp_name(target);
    let _ = fs::remove_file(&tmp);
    let result = (|| {
        let mut from = fs::File::open(src)?;
        let mut to = fs::File::create(&tmp)?;
        io::copy(&mut from, &mut to)?;
        if let Some(m) = mtime {
            to.set_modified(m)?;
        }
        drop(to);
        fs::set_permissions(&tmp, meta.permissions())?;
        fs::rename(&tmp, target)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

impl Output for DiskOutput {
    fn write_all(
        &mut self,
        files: &[OutputFile],
        keep_files: &[String],
    ) -> Result<WriteStats, WriteError> {
        let mut stats = WriteStats::default();
        for f in files {
            if !is_safe_relative(&f.path) {
                return Err(WriteError::OutsideDestination(f.path.clone()));
            }
        }
        // A destination that did not exist holds nothing stale to clean.
        let fresh = fs::symlink_metadata(&self.dest).is_err();
        fs::create_dir_all(&self.dest).map_err(|e| WriteError::Io(self.dest.clone(), e))?;
        // On a shared path the last file wins, as if written in order.
        let mut last: HashMap<&str, usize> = HashMap::with_capacity(files.len());
        for (i, f) in files.iter().enumerate() {
            last.insert(f.path.as_str(), i);
        }
        let files_to_write: Vec<&OutputFile> = files
            .iter()
            .enumerate()
            .filter(|(i, f)| last.get(f.path.as_str()) == Some(i))
            .map(|(_, f)| f)
            .collect();
        // Folders first, each once; then the files, in parallel (no two
        // share a path, and none is a folder another one needs).
        let mut folders: HashSet<&str> = HashSet::new();
        for f in &files_to_write {
            let mut p = f.path.as_str();
            while let Some((up, _)) = p.rsplit_once('/') {
                if !folders.insert(up) {
                    break;
                }
                p = up;
            }
        }
        let clash = files_to_write
            .iter()
            .any(|f| folders.contains(f.path.as_str()));
        if !clash {
            make_folders(&self.dest, &folders)?;
        }
        let results: Vec<Result<Wrote, WriteError>> = if clash {
            // A file where another file's folder goes: write in order, making
            // the folders again as needed, as a sequential writer would.
            let mut out = Vec::new();
            for f in files {
                let target = self.dest.join(&f.path);
                if let Some(parent) = target.parent() {
                    ensure_dir(&self.dest, parent)?;
                }
                out.push(self.write_one(f, false));
            }
            out
        } else {
            files_to_write
                .par_iter()
                .map(|f| self.write_one(f, fresh))
                .collect()
        };
        for r in results {
            match r? {
                Wrote::Written => stats.written += 1,
                Wrote::Unchanged => stats.unchanged += 1,
            }
        }
        if !fresh {
            stats.removed = clean_stale(&self.dest, files, keep_files)?;
        }
        Ok(stats)
    }
}

/// Jekyll's Cleaner: removes files and folders in `dest` that this build did not
/// produce, except those under a `keep_files` entry. Never follows symlinks.
fn clean_stale(
    dest: &Path,
    files: &[OutputFile],
    keep_files: &[String],
) -> Result<usize, WriteError> {
    let mut wanted: BTreeSet<String> = BTreeSet::new();
    for f in files {
        let mut p = f.path.as_str();
        wanted.insert(p.to_string());
        while let Some(i) = p.rfind('/') {
            p = &p[..i];
            wanted.insert(p.to_string());
        }
    }
    // Jekyll matches keep_files as prefixes of the path inside the destination.
    let kept = |rel: &str| {
        keep_files
            .iter()
            .any(|k| !k.is_empty() && rel.starts_with(k.as_str()))
    };
    let holds_kept = |rel: &str| {
        let prefix = format!("{rel}/");
        keep_files.iter().any(|k| k.starts_with(&prefix))
    };
    let mut removed = 0;
    let mut stack = vec![String::new()];
    while let Some(rel_dir) = stack.pop() {
        let dir = if rel_dir.is_empty() {
            dest.to_path_buf()
        } else {
            dest.join(&rel_dir)
        };
        let entries = match fs::read_dir(&dir) {
            Ok(e) => e,
            Err(_) => continue,
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let rel = if rel_dir.is_empty() {
                name
            } else {
                format!("{rel_dir}/{name}")
            };
            if kept(&rel) {
                continue;
            }
            let path = entry.path();
            let is_dir = entry.file_type().map(|t| t.is_dir()).unwrap_or(false);
            if wanted.contains(&rel) || (is_dir && holds_kept(&rel)) {
                if is_dir {
                    stack.push(rel);
                }
                continue;
            }
            let r = if is_dir {
                fs::remove_dir_all(&path)
            } else {
                fs::remove_file(&path)
            };
            r.map_err(|e| WriteError::Io(path.clone(), e))?;
            removed += 1;
        }
    }
    Ok(removed)
}

/// Keeps the built site in memory: path → bytes. Used by serve and tests.
#[derive(Debug, Default)]
pub struct MemoryOutput {
    /// Every file of the last build.
    pub files: BTreeMap<String, Vec<u8>>,
}

impl Output for MemoryOutput {
    fn write_all(
        &mut self,
        files: &[OutputFile],
        _keep: &[String],
    ) -> Result<WriteStats, WriteError> {
        let mut stats = WriteStats::default();
        let before = std::mem::take(&mut self.files);
        for f in files {
            if !is_safe_relative(&f.path) {
                return Err(WriteError::OutsideDestination(f.path.clone()));
            }
            let bytes = match &f.contents {
                Contents::Copy(src) => fs::read(src).map_err(|e| WriteError::Io(src.clone(), e))?,
                rendered => rendered.rendered().unwrap_or_default().to_vec(),
            };
            if before.get(&f.path) == Some(&bytes) {
                stats.unchanged += 1;
            } else {
                stats.written += 1;
            }
            self.files.insert(f.path.clone(), bytes);
        }
        stats.removed = before
            .keys()
            .filter(|k| !self.files.contains_key(*k))
            .count();
        Ok(stats)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn bytes(path: &str, text: &str) -> OutputFile {
        OutputFile {
            path: path.into(),
            contents: Contents::Bytes(text.as_bytes().to_vec()),
        }
    }

    #[test]
    fn parallel_writes_end_as_writing_in_order_would() {
        let dir = std::env::temp_dir().join(format!("hyde-writer-order-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let mut out = DiskOutput::new(&dir);
        // The last of two files with one path wins.
        let files = [bytes("x/a.html", "first"), bytes("x/a.html", "second")];
        out.write_all(&files, &[]).expect("writes");
        assert_eq!(fs::read(dir.join("x/a.html")).expect("read"), b"second");
        // A file where another file's folder goes: the later one wins.
        let files = [bytes("x", "file"), bytes("x/b.html", "inside")];
        out.write_all(&files, &[]).expect("writes");
        assert_eq!(fs::read(dir.join("x/b.html")).expect("read"), b"inside");
        let files = [bytes("x/b.html", "inside"), bytes("x", "file")];
        out.write_all(&files, &[]).expect("writes");
        assert_eq!(fs::read(dir.join("x")).expect("read"), b"file");
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn copy_is_atomic_keeps_mtime_and_replaces_read_only_targets() {
        let dir = std::env::temp_dir().join(format!("hyde-writer-copy-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("mkdir");
        let src = dir.join("src.bin");
        fs::write(&src, b"new bytes").expect("write");
        let old = SystemTime::UNIX_EPOCH + Duration::from_secs(1_600_000_000);
        fs::File::options()
            .write(true)
            .open(&src)
            .and_then(|f| f.set_modified(old))
            .expect("mtime");
        let target = dir.join("out.bin");
        fs::write(&target, b"old").expect("write");
        let mut perms = fs::metadata(&target).expect("meta").permissions();
        perms.set_readonly(true);
        fs::set_permissions(&target, perms).expect("chmod");
        let meta = fs::metadata(&src).expect("meta");
        copy_atomically(&src, &target, &meta, Some(old)).expect("copies");
        assert_eq!(fs::read(&target).expect("read"), b"new bytes");
        assert_eq!(
            fs::metadata(&target).and_then(|m| m.modified()).ok(),
            Some(old)
        );
        assert!(!temp_name(&target).exists());
        let _ = fs::remove_dir_all(&dir);
    }
}
