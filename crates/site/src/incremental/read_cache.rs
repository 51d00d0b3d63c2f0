//! Pages and documents as read, kept by source file between the builds of a
//! serve session: a file whose size and modification time are unchanged is
//! not read or parsed again. What reading a document derives besides its
//! file (defaults, `site.time`, settings) is fixed for the cache's lifetime:
//! a configuration change starts a new cache.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::document::Document;
use crate::error::Warning;

/// A file's size and modification time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FileStamp {
    len: u64,
    modified: SystemTime,
}

impl FileStamp {
    /// The stamp of the file at `path`, if it can be read.
    pub(crate) fn of(path: &Path) -> Option<FileStamp> {
        FileStamp::from(&std::fs::metadata(path).ok()?)
    }

    /// The stamp of `path` when it is a regular file, not a symlink.
    pub(crate) fn of_file(path: &Path) -> Option<FileStamp> {
        let m = std::fs::symlink_metadata(path).ok()?;
        m.is_file().then(|| FileStamp::from(&m)).flatten()
    }

    fn from(m: &std::fs::Metadata) -> Option<FileStamp> {
        Some(FileStamp {
            len: m.len(),
            modified: m.modified().ok()?,
        })
    }
}

/// A source file read as a page or document of a collection (or as a draft).
pub(crate) type ReadId = (PathBuf, String, bool);

type Entry = (FileStamp, Option<Document>, Vec<Warning>);

/// Read pages and documents by source file.
#[derive(Debug, Default)]
pub struct ReadCache {
    entries: HashMap<ReadId, Entry>,
    /// What the reader learnt about the source's files.
    pub(crate) reader: Option<crate::reader::ReaderCache>,
}

impl ReadCache {
    /// What reading `id` gave when its file had `stamp`: the document (none
    /// when it is not published) and the warnings reading it gave.
    pub(crate) fn get(
        &self,
        id: &ReadId,
        stamp: FileStamp,
    ) -> Option<(&Option<Document>, &Vec<Warning>)> {
        self.entries
            .get(id)
            .filter(|e| e.0 == stamp)
            .map(|e| (&e.1, &e.2))
    }

    /// Keeps what reading `id` gave.
    pub(crate) fn put(
        &mut self,
        id: ReadId,
        stamp: FileStamp,
        doc: Option<Document>,
        warnings: Vec<Warning>,
    ) {
        self.entries.insert(id, (stamp, doc, warnings));
    }
}

/// A copy of a document as read (nothing rendered yet).
pub(crate) fn copy_document(d: &Document) -> Document {
    Document {
        kind: d.kind.clone(),
        path: d.path.clone(),
        relative_path: d.relative_path.clone(),
        name: d.name.clone(),
        extname: d.extname.clone(),
        basename: d.basename.clone(),
        dir: d.dir.clone(),
        data: d.data.clone(),
        content: d.content.clone(),
        content_line: d.content_line,
        date: d.date,
        draft: d.draft,
        url: d.url.clone(),
        output_ext: d.output_ext.clone(),
        output_path: d.output_path.clone(),
        write: d.write,
        excerpt: d.excerpt.clone(),
        rendered: Default::default(),
        rendered_excerpt: Default::default(),
        output: Default::default(),
        order: d.order,
    }
}
