//! What the disk holds, read once per compilation, one directory at a time.
//!
//! For every `@import` grass asks whether a dozen candidate paths are files
//! (`x.import.sass`, `_x.scss`, … next to the importer and under each load
//! path), and it canonicalises every file it loads. Asked of the disk, that
//! is a `stat` per candidate and a `readlink` per component of every loaded
//! path: some 4,000 system calls for a Minimal Mistakes theme. A listing of
//! each directory asked about answers the same questions for the names in
//! it. Whatever a listing cannot answer exactly still goes to the disk: a
//! symbolic link or an entry of unknown type, a name missing from the
//! listing that matches an entry ignoring ASCII case or is not ASCII (on a
//! case- or normalisation-insensitive file system the disk may find it), a
//! path ending in `.`, `..` or `/`, an unreadable or very large directory.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::ffi::{OsStr, OsString};
use std::io;
use std::path::{Path, PathBuf};

/// Directories with more entries are not listed (asking about a few names
/// costs less than reading them all).
const MAX_ENTRIES: usize = 4096;

/// What a directory entry is, as far as a listing tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    File,
    Dir,
    /// Neither (a FIFO, a socket, a device), or not there.
    Other,
    /// A symbolic link, or an entry whose type could not be read: only the
    /// disk can tell what it leads to.
    AskDisk,
}

#[derive(Debug)]
enum Listing {
    /// The directory does not exist (or is not a directory).
    Missing,
    Entries {
        kinds: HashMap<OsString, Kind>,
        /// The names in ASCII lower case.
        folded: HashSet<String>,
    },
    /// Unreadable or too large.
    Unlisted,
}

/// Directory listings and canonical paths, each read once.
#[derive(Debug, Default)]
pub(crate) struct Listings {
    /// By the directory's path as written.
    dirs: RefCell<HashMap<OsString, Listing>>,
    /// Canonical paths, by the path as written.
    canonical: RefCell<HashMap<OsString, Option<PathBuf>>>,
}

impl Listings {
    /// What `path.is_file()` says.
    pub(crate) fn is_file(&self, path: &Path) -> bool {
        match self.kind(path) {
            Some(kind) => kind == Kind::File,
            None => path.is_file(),
        }
    }

    /// What `path.is_dir()` says.
    pub(crate) fn is_dir(&self, path: &Path) -> bool {
        match self.kind(path) {
            Some(kind) => kind == Kind::Dir,
            None => path.is_dir(),
        }
    }

    /// What `std::fs::canonicalize(path)` gives: for a regular file, its
    /// directory's canonical path (found once) joined with its name.
    pub(crate) fn canonicalize(&self, path: &Path) -> io::Result<PathBuf> {
        if let (Some(Kind::File), Some((dir, name))) = (self.kind(path), split(path)) {
            if let Some(dir) = self.canonical(dir) {
                return Ok(dir.join(name));
            }
        }
        std::fs::canonicalize(path)
    }

    /// `std::fs::canonicalize(path).ok()`, asked of the disk once per path.
    pub(crate) fn canonical(&self, path: &Path) -> Option<PathBuf> {
        self.canonical
            .borrow_mut()
            .entry(path.as_os_str().to_owned())
            .or_insert_with(|| std::fs::canonicalize(path).ok())
            .clone()
    }

    /// What the listing of `path`'s directory says `path` is; `None` when
    /// only the disk can tell.
    fn kind(&self, path: &Path) -> Option<Kind> {
        let (dir, name) = split(path)?;
        let mut dirs = self.dirs.borrow_mut();
        let listing = dirs
            .entry(dir.as_os_str().to_owned())
            .or_insert_with(|| list(dir));
        match listing {
            Listing::Missing => Some(Kind::Other),
            Listing::Unlisted => None,
            Listing::Entries { kinds, folded } => match kinds.get(name) {
                Some(Kind::AskDisk) => None,
                Some(&kind) => Some(kind),
                None if folded.contains(&name.to_str()?.to_ascii_lowercase()) => None,
                None => Some(Kind::Other),
            },
        }
    }
}

/// The directory to list (`.` for a bare name) and the ASCII name to look
/// up in it; `None` for the paths a listing cannot answer.
fn split(path: &Path) -> Option<(&Path, &OsStr)> {
    // `a/.` and `a/` name `a` as a directory; `file_name` would hide that.
    let bytes = path.as_os_str().as_encoded_bytes();
    let separator = |b: &u8| std::path::is_separator(char::from(*b));
    match bytes {
        [.., last] if separator(last) => return None,
        [.., before, b'.'] if separator(before) => return None,
        _ => {}
    }
    let name = path.file_name()?;
    if !name.to_str()?.is_ascii() {
        return None;
    }
    let dir = path.parent()?;
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    Some((dir, name))
}

fn list(dir: &Path) -> Listing {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err)
            if matches!(
                err.kind(),
                io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
            ) =>
        {
            return Listing::Missing
        }
        Err(_) => return Listing::Unlisted,
    };
    let mut kinds = HashMap::new();
    let mut folded = HashSet::new();
    for entry in entries {
        let Ok(entry) = entry else {
            return Listing::Unlisted;
        };
        if kinds.len() == MAX_ENTRIES {
            return Listing::Unlisted;
        }
        let kind = match entry.file_type() {
            Ok(t) if t.is_symlink() => Kind::AskDisk,
            Ok(t) if t.is_file() => Kind::File,
            Ok(t) if t.is_dir() => Kind::Dir,
            Ok(_) => Kind::Other,
            Err(_) => Kind::AskDisk,
        };
        let name = entry.file_name();
        if let Some(name) = name.to_str() {
            folded.insert(name.to_ascii_lowercase());
        }
        kinds.insert(name, kind);
    }
    Listing::Entries { kinds, folded }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every answer agrees with the disk's, for files, folders, symbolic
    /// links, missing names, names in other case, and odd path shapes.
    #[test]
    fn listings_answer_as_the_disk_does() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("sub/deeper")).unwrap();
        std::fs::write(root.join("sub/_a.scss"), "a").unwrap();
        std::fs::write(root.join("sub/B.scss"), "b").unwrap();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(root.join("sub/_a.scss"), root.join("sub/link.scss"))
                .unwrap();
            std::os::unix::fs::symlink(root.join("sub/deeper"), root.join("linked")).unwrap();
        }
        let names = [
            "sub/_a.scss",
            "sub/a.scss",
            "sub/B.scss",
            "sub/b.scss",
            "sub/link.scss",
            "sub/deeper",
            "sub/deeper/",
            "sub/deeper/.",
            "sub/_a.scss/",
            "sub/_a.scss/.",
            "sub/./_a.scss",
            "sub/deeper/../_a.scss",
            "linked",
            "linked/x.scss",
            "missing/x.scss",
            "sub/_a.scss/x.scss",
            "sub",
            "sub/é.scss",
        ];
        let listings = Listings::default();
        for name in names {
            let path = root.join(name);
            assert_eq!(listings.is_file(&path), path.is_file(), "is_file {name}");
            assert_eq!(listings.is_dir(&path), path.is_dir(), "is_dir {name}");
            assert_eq!(
                listings.canonicalize(&path).ok(),
                std::fs::canonicalize(&path).ok(),
                "canonicalize {name}"
            );
        }
    }
}
