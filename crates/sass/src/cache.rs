//! A compilation cache for `hyde serve`: a stylesheet is compiled again only
//! when its source text, its options or one of the files it loaded changed.
//!
//! Loaded files are compared by content (a hash), not by modification time,
//! so an edit within the same second is still seen. A partial that did not
//! exist at the last compilation and would now shadow another is not seen.

use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::path::PathBuf;

use crate::compile::{compile, CompiledCss};
use crate::error::SassError;
use crate::options::SassOptions;

/// Compiled stylesheets by entry file and options.
#[derive(Debug, Default)]
pub struct SassCache {
    entries: HashMap<String, Entry>,
    compilations: usize,
}

#[derive(Debug)]
struct Entry {
    source: u64,
    dependencies: Vec<(PathBuf, Option<u64>)>,
    output: CompiledCss,
}

impl SassCache {
    /// An empty cache.
    pub fn new() -> Self {
        SassCache::default()
    }

    /// The CSS for `src` with `opts`, compiled only if something changed
    /// since the last call for the same entry file and options.
    pub fn compile(&mut self, src: &str, opts: &SassOptions) -> Result<&CompiledCss, SassError> {
        let key = format!("{opts:?}");
        let source = hash(src.as_bytes());
        let fresh = self.entries.get(&key).is_some_and(|entry| {
            entry.source == source
                && entry
                    .dependencies
                    .iter()
                    .all(|(path, digest)| file_digest(path) == *digest)
        });
        if !fresh {
            self.compilations += 1;
            let output = compile(src, opts)?;
            let dependencies = output
                .loaded_files
                .iter()
                .map(|path| (path.clone(), file_digest(path)))
                .collect();
            self.entries.insert(
                key.clone(),
                Entry {
                    source,
                    dependencies,
                    output,
                },
            );
        }
        match self.entries.get(&key) {
            Some(entry) => Ok(&entry.output),
            None => Err(SassError::unlocated(
                "stdin",
                "cache entry missing".to_string(),
            )),
        }
    }

    /// How many times this cache has run the compiler.
    pub fn compilations(&self) -> usize {
        self.compilations
    }
}

fn hash(bytes: &[u8]) -> u64 {
    let mut hasher = DefaultHasher::new();
    bytes.hash(&mut hasher);
    hasher.finish()
}

fn file_digest(path: &PathBuf) -> Option<u64> {
    std::fs::read(path).ok().map(|bytes| hash(&bytes))
}
