//! Permalinks: Jekyll's URL templates, placeholders, slugify and URL escaping.
//!
//! A URL is a template (`/:categories/:year/:month/:day/:title:output_ext`) whose
//! `:name` placeholders are filled from the document, each value escaped as
//! Addressable does; the result is then sanitised (`..` removed, slashes
//! squeezed). The output path is the URL, unescaped, plus `index.html` when it
//! ends in `/`, or plus the output extension when it lacks it.

/// The permalink template for a named style (`date`, `pretty`, …), or the
/// string itself when it is not a style name.
pub fn style_to_template(style: &str) -> String {
    match style {
        "none" => "/:categories/:title:output_ext",
        "date" => "/:categories/:year/:month/:day/:title:output_ext",
        "ordinal" => "/:categories/:year/:y_day/:title:output_ext",
        "pretty" => "/:categories/:year/:month/:day/:title/",
        "weekdate" => "/:categories/:year/W:week/:short_day/:title:output_ext",
        other => other,
    }
    .to_string()
}

/// Fills `:placeholders` the way Jekyll's UrlDrop-based generator does: each
/// `:[a-z_]+` is looked up (a trailing `_` may be dropped); unknown names are
/// an error carrying the name.
pub fn fill_template(
    template: &str,
    lookup: &dyn Fn(&str) -> Option<String>,
) -> Result<String, String> {
    let bytes = template.as_bytes();
    let mut out = String::with_capacity(template.len() + 16);
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b':' {
            let start = i + 1;
            let mut end = start;
            while end < bytes.len() && (bytes[end].is_ascii_lowercase() || bytes[end] == b'_') {
                end += 1;
            }
            if end > start {
                let name = &template[start..end];
                if let Some(v) = lookup(name) {
                    out.push_str(&escape_path(&v));
                } else if let Some(v) = name.strip_suffix('_').and_then(lookup) {
                    out.push_str(&escape_path(&v));
                    out.push('_');
                } else {
                    return Err(name.to_string());
                }
                i = end;
                continue;
            }
        }
        let ch = template[i..].chars().next().unwrap_or(':');
        out.push(ch);
        i += ch.len_utf8();
    }
    Ok(sanitize_url(&out))
}

/// Jekyll's `URL#sanitize_url`: prefix `/`, turn `..` into `/`, drop `./`,
/// squeeze repeated slashes.
pub fn sanitize_url(s: &str) -> String {
    let mut with_slash = String::with_capacity(s.len() + 1);
    with_slash.push('/');
    with_slash.push_str(s);
    // Most URLs need none of the three steps: each is skipped when it
    // would change nothing.
    if with_slash.contains('.') && (with_slash.contains("..") || with_slash.contains("./")) {
        with_slash = with_slash.replace("..", "/").replace("./", "");
    }
    if !with_slash.as_bytes().windows(2).any(|w| w == b"//") {
        return with_slash;
    }
    let mut out = String::with_capacity(with_slash.len());
    let mut prev_slash = false;
    for c in with_slash.chars() {
        if c == '/' {
            if prev_slash {
                continue;
            }
            prev_slash = true;
        } else {
            prev_slash = false;
        }
        out.push(c);
    }
    out
}

/// Jekyll's `URL.escape_path` (Addressable::URI.encode, then `#` → `%23`).
pub fn escape_path(path: &str) -> String {
    if path.is_empty()
        || path
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'/' || b == b'-')
    {
        return path.to_string();
    }
    let mut out = String::with_capacity(path.len() + 8);
    let mut seen_hash = false;
    for &b in path.as_bytes() {
        let keep = b.is_ascii_alphanumeric()
            || b"-._~!$&'()*+,;=:@/?".contains(&b)
            || (b == b'#' && !seen_hash);
        if b == b'#' && !seen_hash {
            seen_hash = true;
            out.push_str("%23");
            continue;
        }
        if keep {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Jekyll's `URL.unescape_path`: percent-decoding, for output paths.
pub fn unescape_path(path: &str) -> String {
    if !path.contains('%') {
        return path.to_string();
    }
    let b = path.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push(h * 16 + l);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

/// The output path (relative to the destination) of a URL: `index.html` for a
/// trailing slash, `output_ext` appended when the path lacks it.
pub fn output_path(url: &str, output_ext: &str) -> String {
    let mut path = unescape_path(url);
    if path.ends_with('/') {
        path.push_str("index.html");
    } else if !path.ends_with(output_ext) {
        path.push_str(output_ext);
    }
    path.trim_start_matches('/').to_string()
}

/// Jekyll's `Utils.slugify`, shared with the `slugify` filter (one
/// implementation, checked against Jekyll's output in liquid_ext's corpus).
pub use crate::liquid_ext::slug::{slugify, SlugMode};

/// Jekyll's `Utils.titleize_slug`: split on `-`, capitalize each word, join with spaces.
pub fn titleize_slug(slug: &str) -> String {
    slug.split('-')
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                // Ruby's `capitalize`: first letter up, the rest down.
                Some(f) => f.to_uppercase().collect::<String>() + &cs.as_str().to_lowercase(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugify_modes() {
        assert_eq!(
            slugify("Hello, World!", SlugMode::Default, false),
            "hello-world"
        );
        assert_eq!(
            slugify("The _config.yml file", SlugMode::Pretty, false),
            "the-_config.yml-file"
        );
        assert_eq!(slugify("Hello World", SlugMode::Raw, true), "Hello-World");
        assert_eq!(slugify("Café", SlugMode::Ascii, false), "caf");
        assert_eq!(slugify("Café", SlugMode::Latin, false), "cafe");
    }

    #[test]
    fn urls() {
        let f = |t: &str| {
            fill_template(t, &|k| match k {
                "title" => Some("a b".into()),
                "categories" => Some(String::new()),
                "output_ext" => Some(".html".into()),
                _ => None,
            })
        };
        assert_eq!(f("/:categories/:title:output_ext").unwrap(), "/a%20b.html");
        assert!(f("/:nope").is_err());
        assert_eq!(output_path("/a%20b/", ".html"), "a b/index.html");
        assert_eq!(output_path("/feed.xml", ".html"), "feed.xml.html");
        assert_eq!(output_path("/about", ".html"), "about.html");
    }
}
