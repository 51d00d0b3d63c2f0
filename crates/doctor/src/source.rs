//! Reading what the checks need from the source and destination folders.

use std::path::{Path, PathBuf};

use hyde_yaml::{LoadOptions, Node};

use crate::Output;

/// A source file with front matter.
pub(crate) struct Document {
    /// Path relative to the source.
    pub(crate) path: PathBuf,
    /// Its front matter, parsed (`None` when it does not parse: the build reports that).
    pub(crate) front: Option<Node>,
}

impl Document {
    /// 1-based line in the file of a 1-based line in the front matter.
    pub(crate) fn file_line(&self, front_line: usize) -> usize {
        front_line + 1
    }
}

/// Folders that are never part of a site's source.
fn skipped(name: &str) -> bool {
    matches!(
        name,
        ".git" | "node_modules" | "vendor" | ".jekyll-cache" | ".sass-cache" | "_site" | ".bundle"
    )
}

/// Every file under `dir`, skipping `skip` and folders that are never source.
pub(crate) fn walk_files(dir: &Path, skip: &Path, out: &mut Vec<PathBuf>) {
    walk(dir, skip, out);
}

fn walk(dir: &Path, skip: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            if !skipped(&name) && path != skip {
                walk(&path, skip, out);
            }
        } else if kind.is_file() {
            out.push(path);
        }
    }
}

/// Every file under `destination`, as outputs with no known source.
pub(crate) fn walk_outputs(destination: &Path) -> Vec<Output> {
    let mut files = Vec::new();
    walk(destination, Path::new(""), &mut files);
    files
        .iter()
        .filter_map(|f| f.strip_prefix(destination).ok())
        .map(|rel| Output {
            path: slash_path(rel),
            source: None,
        })
        .collect()
}

/// Every Markdown or HTML source file that has front matter.
pub(crate) fn read_documents(source: &Path, destination: &Path) -> Vec<Document> {
    let mut files = Vec::new();
    walk(source, destination, &mut files);
    files
        .into_iter()
        .filter(|f| {
            matches!(
                f.extension().and_then(|e| e.to_str()),
                Some("md" | "markdown" | "mkd" | "mkdn" | "html" | "htm")
            )
        })
        .filter_map(|f| {
            let text = std::fs::read_to_string(&f).ok()?;
            let front = front_matter(&text)?;
            let front = hyde_yaml::load(front, &LoadOptions::default()).ok();
            Some(Document {
                path: f.strip_prefix(source).ok()?.to_path_buf(),
                front,
            })
        })
        .collect()
}

/// The YAML between the opening `---` line and the closing one.
fn front_matter(text: &str) -> Option<&str> {
    let rest = text
        .strip_prefix("---")
        .filter(|r| r.starts_with('\n') || r.starts_with("\r\n") || r.starts_with(" \n"))?;
    let body = &rest[rest.find('\n')? + 1..];
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            return Some(&body[..offset]);
        }
        offset += line.len();
    }
    None
}

/// `a/b/c.html` on every platform.
pub(crate) fn slash_path(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::front_matter;

    #[test]
    fn front_matter_between_dashes() {
        assert_eq!(front_matter("---\ntitle: a\n---\nbody"), Some("title: a\n"));
        assert_eq!(front_matter("---\n---\n"), Some(""));
        assert_eq!(front_matter("no front matter"), None);
        assert_eq!(front_matter("---\nunclosed: yes\n"), None);
    }
}
