//! Static files: every file without front matter, copied verbatim with its
//! modification time.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};
use hyde_liquid::Map;

/// A file copied as is.
#[derive(Debug, Clone)]
pub struct StaticFile {
    /// Absolute source path.
    pub path: PathBuf,
    /// Jekyll's `relative_path`: `/dir/name` (leading slash), as `page.path` shows it.
    pub relative_path: String,
    /// File name.
    pub name: String,
    /// Extension with dot.
    pub extname: String,
    /// Name without extension.
    pub basename: String,
    /// Owning collection label.
    pub collection: Option<String>,
    /// URL.
    pub url: String,
    /// Path inside the destination.
    pub output_path: String,
    /// Source mtime, in the site zone.
    pub modified_time: DateTime<FixedOffset>,
    /// Front-matter defaults that apply.
    pub data: Map,
    /// Whether it is written.
    pub write: bool,
}
