//! Mapping a request path to a file inside the destination, as Jekyll's
//! servlet does, and refusing everything that could leave the destination.
//!
//! The rules, in order: the query is dropped; the path must lie under the
//! site's `baseurl`; each segment is percent-decoded on its own, and a segment
//! that decodes to `..`, or contains `/`, `\` or NUL, is refused (so `%2e%2e`
//! and `%2f` tricks fail too); a folder serves its `index.html`, and a missing
//! `/about` serves `about.html`. Finally the real path, with symlinks followed,
//! must still be inside the destination.

use std::path::{Path, PathBuf};

/// What a request path resolves to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// Serve this file (a real path inside the destination).
    File(PathBuf),
    /// The path names a folder but lacks the trailing slash: redirect here.
    Redirect(String),
    /// Nothing to serve.
    NotFound,
    /// The path tries to leave the destination, or is malformed.
    Forbidden,
}

/// Normalises a `baseurl` setting to `""` or `/segment[/segment…]` without a trailing slash.
pub fn normalize_baseurl(baseurl: &str) -> String {
    let trimmed = baseurl.trim_matches('/');
    if trimmed.is_empty() {
        String::new()
    } else {
        format!("/{trimmed}")
    }
}

/// Resolves `request_path` (the raw request target, possibly with a query)
/// against the destination `root`, for a site mounted under `baseurl`.
pub fn resolve(root: &Path, baseurl: &str, request_path: &str) -> Resolved {
    let raw = request_path.split(['?', '#']).next().unwrap_or("");
    if !raw.starts_with('/') || raw.contains('\\') || raw.contains('\0') {
        return Resolved::Forbidden;
    }
    let base = normalize_baseurl(baseurl);
    let rest = match raw.strip_prefix(base.as_str()) {
        Some(rest) if rest.is_empty() || rest.starts_with('/') => rest,
        _ => return Resolved::NotFound,
    };
    let mut segments = Vec::new();
    for raw_segment in rest.split('/') {
        let Some(segment) = percent_decode(raw_segment) else {
            return Resolved::Forbidden;
        };
        if segment == ".." || segment.contains(['/', '\\', '\0']) || is_drive_prefix(&segment) {
            return Resolved::Forbidden;
        }
        if !segment.is_empty() && segment != "." {
            segments.push(segment);
        }
    }
    let mut candidate = root.to_path_buf();
    candidate.extend(&segments);
    let trailing_slash = rest.is_empty() || rest.ends_with('/');

    let target = if candidate.is_dir() {
        if !trailing_slash {
            return Resolved::Redirect(format!("{raw}/"));
        }
        candidate.join("index.html")
    } else if candidate.is_file() {
        candidate
    } else if !trailing_slash && !segments.is_empty() {
        let mut with_html = candidate.into_os_string();
        with_html.push(".html");
        PathBuf::from(with_html)
    } else {
        return Resolved::NotFound;
    };
    if !target.is_file() {
        return Resolved::NotFound;
    }
    match (target.canonicalize(), root.canonicalize()) {
        (Ok(real), Ok(real_root)) if real.starts_with(&real_root) => Resolved::File(real),
        (Ok(_), Ok(_)) => Resolved::Forbidden,
        _ => Resolved::NotFound,
    }
}

/// `C:` and the like: harmless on Unix, but never a legitimate URL segment.
fn is_drive_prefix(segment: &str) -> bool {
    let bytes = segment.as_bytes();
    bytes.len() == 2 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':'
}

/// Decodes `%XX` escapes; `None` for a malformed escape or invalid UTF-8.
fn percent_decode(segment: &str) -> Option<String> {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            let hex = std::str::from_utf8(hex).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::{normalize_baseurl, percent_decode};

    #[test]
    fn baseurl_is_normalised() {
        assert_eq!(normalize_baseurl(""), "");
        assert_eq!(normalize_baseurl("/"), "");
        assert_eq!(normalize_baseurl("blog/"), "/blog");
        assert_eq!(normalize_baseurl("/a/b"), "/a/b");
    }

    #[test]
    fn percent_decoding() {
        assert_eq!(percent_decode("a%20b").as_deref(), Some("a b"));
        assert_eq!(percent_decode("%2e%2E").as_deref(), Some(".."));
        assert_eq!(percent_decode("%zz"), None);
        assert_eq!(percent_decode("%ff"), None);
        assert_eq!(percent_decode("caf%C3%A9").as_deref(), Some("café"));
    }
}
