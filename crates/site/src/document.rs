//! Documents: pages, posts, drafts and collection documents, read into the
//! model with their data (front matter over defaults, plus what Jekyll derives:
//! title, slug, ext, date, categories, tags), URL, output path and excerpt.

use std::path::PathBuf;
use std::sync::OnceLock;

use chrono::{DateTime, FixedOffset};
use hyde_liquid::value::map_get;
use hyde_liquid::{Map, Value};

use crate::error::{Error, ErrorKind, Result, Span};
use crate::permalink::{fill_template, slugify, titleize_slug, SlugMode};

/// What kind of document this is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// A page (`Jekyll::Page`): a file with front matter outside collections.
    Page,
    /// A collection document (`Jekyll::Document`), posts and drafts included.
    Document {
        /// The collection label.
        collection: String,
    },
}

/// A page or document of the site.
#[derive(Debug)]
pub struct Document {
    /// Page or collection document.
    pub kind: Kind,
    /// Absolute path of the source file.
    pub path: PathBuf,
    /// Path relative to the source (pages) or to the collections folder (documents).
    pub relative_path: String,
    /// The file name.
    pub name: String,
    /// The extension, with its dot.
    pub extname: String,
    /// Name without extension (trailing dots removed for pages).
    pub basename: String,
    /// Page folder as Jekyll keeps it (`""` or `/about`); unused for documents.
    pub dir: String,
    /// Front matter over defaults, plus derived keys.
    pub data: Map,
    /// The content after the front matter, as read.
    pub content: String,
    /// 1-based line of the file where the content starts (for error positions).
    pub content_line: usize,
    /// The document's date (documents only).
    pub date: Option<DateTime<FixedOffset>>,
    /// Read from `_drafts`.
    pub draft: bool,
    /// The URL.
    pub url: String,
    /// The output extension (`.html`, `.css`, or the file's own).
    pub output_ext: String,
    /// Path inside the destination when written.
    pub output_path: String,
    /// Whether the document is written.
    pub write: bool,
    /// The raw excerpt (documents, when the separator is not empty).
    pub excerpt: Option<String>,
    /// The converted content (Liquid + converter), set by the renderer's first pass.
    pub rendered: OnceLock<String>,
    /// The rendered excerpt, set by the renderer's first pass.
    pub rendered_excerpt: OnceLock<String>,
    /// The final output (documents), set after their layouts.
    pub output: OnceLock<String>,
    /// Position in Jekyll's render order (collections in order, documents in
    /// collection order), from 1; 0 for generated pages and pages.
    pub order: usize,
}

/// What the converter chain does with an extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Converter {
    /// Markdown → HTML.
    Markdown,
    /// Sass/SCSS → CSS.
    Sass,
    /// Passed through unchanged.
    Identity,
}

impl Converter {
    /// The output extension for a file with `ext`.
    pub fn output_ext(self, ext: &str) -> String {
        match self {
            Converter::Markdown => ".html".into(),
            Converter::Sass => ".css".into(),
            Converter::Identity => ext.to_string(),
        }
    }
}

/// Jekyll's `Utils.add_permalink_suffix`.
pub fn add_permalink_suffix(template: &str, style: &str) -> String {
    let mut t = template.to_string();
    match style {
        "pretty" => t.push('/'),
        "date" | "ordinal" | "none" => t.push_str(":output_ext"),
        other => {
            if other.ends_with('/') {
                t.push('/');
            }
            if other.ends_with(":output_ext") {
                t.push_str(":output_ext");
            }
        }
    }
    t
}

/// Splits a file name into (extname, name without it) like `File.extname`.
pub fn split_ext(name: &str) -> (&str, &str) {
    let trimmed = name.trim_start_matches('.');
    let lead = name.len() - trimmed.len();
    match trimmed.rfind('.') {
        Some(i) if i + 1 < trimmed.len() => (&name[lead + i..], &name[..lead + i]),
        _ => ("", name),
    }
}

fn permalink_ext(permalink: Option<&str>) -> Option<String> {
    let p = permalink?;
    if p.ends_with('/') {
        return None;
    }
    let last = p.rsplit('/').next().unwrap_or(p);
    let (ext, _) = split_ext(last);
    (!ext.is_empty()).then(|| ext.to_string())
}

/// The permalink in the data, when it is a non-empty string.
pub fn data_permalink(data: &Map) -> Option<String> {
    match map_get(data, "permalink") {
        Some(Value::Nil) | None | Some(Value::Bool(false)) => None,
        Some(v) => Some(v.to_liquid_string()),
    }
}

/// Inputs to build a page.
pub struct PageInit<'a> {
    /// Folder as Jekyll keeps it: `""` or `/sub`.
    pub dir: String,
    /// File name.
    pub name: String,
    /// Absolute path.
    pub path: PathBuf,
    /// Front matter merged over defaults.
    pub data: Map,
    /// Content after front matter.
    pub content: String,
    /// Line where it starts.
    pub content_line: usize,
    /// The converter for the extension.
    pub converter: Converter,
    /// The site's permalink style (`date`, `pretty`, or a template).
    pub permalink_style: &'a str,
}

impl Document {
    /// Builds a page, computing its URL and output path as `Jekyll::Page` does.
    pub fn page(init: PageInit<'_>) -> Result<Document> {
        let (ext, stem) = split_ext(&init.name);
        let basename = stem.trim_end_matches('.').to_string();
        let permalink = data_permalink(&init.data);
        let output_ext =
            permalink_ext(permalink.as_deref()).unwrap_or_else(|| init.converter.output_ext(ext));
        let html = matches!(output_ext.as_str(), ".html" | ".xhtml" | ".htm");
        let template = if !html {
            "/:path/:basename:output_ext".to_string()
        } else if basename == "index" {
            "/:path/".to_string()
        } else {
            add_permalink_suffix("/:path/:basename", init.permalink_style)
        };
        let relative_path = format!("{}/{}", init.dir, init.name)
            .trim_start_matches('/')
            .to_string();
        let lookup = |k: &str| -> Option<String> {
            match k {
                "path" => Some(init.dir.clone()),
                "basename" => Some(basename.clone()),
                "output_ext" => Some(output_ext.clone()),
                _ => None,
            }
        };
        let url = url_from(
            permalink.as_deref(),
            &template,
            &lookup,
            &relative_path,
            true,
        )?;
        let mut output_path = crate::permalink::unescape_path(&url);
        if url.ends_with('/') {
            output_path.push_str("index");
        }
        if !output_path.ends_with(&output_ext) {
            output_path.push_str(&output_ext);
        }
        Ok(Document {
            kind: Kind::Page,
            path: init.path,
            relative_path,
            extname: ext.to_string(),
            basename,
            dir: init.dir,
            name: init.name,
            data: init.data,
            content: init.content,
            content_line: init.content_line,
            date: None,
            draft: false,
            url,
            output_ext,
            output_path: output_path.trim_start_matches('/').to_string(),
            write: true,
            excerpt: None,
            rendered: OnceLock::new(),
            rendered_excerpt: OnceLock::new(),
            output: OnceLock::new(),
            order: 0,
        })
    }

    /// The collection label, for documents.
    pub fn collection(&self) -> Option<&str> {
        match &self.kind {
            Kind::Document { collection } => Some(collection),
            Kind::Page => None,
        }
    }

    /// Whether this is a post (or draft).
    pub fn is_post(&self) -> bool {
        self.collection() == Some("posts")
    }

    /// A data key.
    pub fn get(&self, key: &str) -> Option<&Value> {
        map_get(&self.data, key)
    }

    /// The content as other templates see it: converted once rendered.
    pub fn current_content(&self) -> &str {
        self.rendered
            .get()
            .map(String::as_str)
            .unwrap_or(&self.content)
    }

    /// Jekyll's `Document#id`: URL folder plus slug.
    pub fn id(&self) -> String {
        let trimmed = self.url.trim_end_matches('/');
        let dir = match trimmed.rfind('/') {
            Some(0) | None => "/",
            Some(i) => &trimmed[..i],
        };
        // Built by hand: `format!` costs more than the rest (an archive
        // asks every post for its id).
        let mut id = String::with_capacity(dir.len() + 1 + self.basename.len());
        id.push_str(dir);
        if !dir.ends_with('/') {
            id.push('/');
        }
        match self.get("slug") {
            Some(v) => v.write_to(&mut id),
            None => id.push_str(&self.basename),
        }
        id
    }

    /// Whether Liquid runs on the content (Jekyll's `render_with_liquid?`).
    pub fn render_with_liquid(&self) -> bool {
        if matches!(self.get("render_with_liquid"), Some(Value::Bool(false))) {
            return false;
        }
        if matches!(self.extname.as_str(), ".yaml" | ".yml" | ".coffee")
            && self.collection().is_some()
        {
            return false;
        }
        self.content.contains("{%") || self.content.contains("{{")
    }

    /// Whether the layout chain applies (`layout: none` and assets skip it).
    pub fn place_in_layout(&self) -> bool {
        if self.collection().is_some() {
            let asset = matches!(self.extname.as_str(), ".sass" | ".scss" | ".coffee");
            let yaml = matches!(self.extname.as_str(), ".yaml" | ".yml");
            let none = self.get("layout").and_then(Value::as_str) == Some("none");
            !(asset || yaml || none)
        } else {
            !matches!(self.extname.as_str(), ".sass" | ".scss" | ".coffee")
        }
    }
}

/// Generates a URL from the permalink (when set) or the template.
pub fn url_from(
    permalink: Option<&str>,
    template: &str,
    lookup: &dyn Fn(&str) -> Option<String>,
    file: &str,
    hash_style: bool,
) -> Result<String> {
    let t = permalink.unwrap_or(template);
    if hash_style {
        // Pages and static files fill a fixed hash; unknown names stay as written.
        let filled = fill_hash(t, lookup);
        return Ok(crate::permalink::sanitize_url(&filled));
    }
    fill_template(t, lookup).map_err(|name| {
        Error::new(
            ErrorKind::Permalink,
            Span::file(file),
            format!("The URL template doesn't have {name} keys. Check your permalink template!"),
            "use one of Jekyll's permalink placeholders (:year, :title, :categories, …)",
        )
    })
}

/// `URL#generate_url_from_hash` over the keys pages and static files use.
fn fill_hash(template: &str, lookup: &dyn Fn(&str) -> Option<String>) -> String {
    let mut result = template.to_string();
    for key in [
        "collection",
        "path",
        "basename",
        "output_ext",
        "name",
        "title",
    ] {
        if !result.contains(':') {
            break;
        }
        if let Some(v) = lookup(key) {
            result = result.replace(&format!(":{key}"), &crate::permalink::escape_path(&v));
        }
    }
    result
}

/// What a document's URL placeholders read (Jekyll's UrlDrop).
pub fn doc_placeholder(
    key: &str,
    data: &Map,
    label: &str,
    cleaned_relative_path: &str,
    basename: &str,
    date: &DateTime<FixedOffset>,
    output_ext: &str,
) -> Option<String> {
    let slug_of = |mode, cased| {
        map_get(data, "slug")
            .filter(|v| !v.is_nil())
            .map(|v| slugify(&v.to_liquid_string(), mode, cased))
            .unwrap_or_else(|| slugify(basename, mode, cased))
    };
    let cats = || -> Vec<String> {
        match map_get(data, "categories") {
            Some(Value::Array(a)) => a.iter().map(Value::to_liquid_string).collect(),
            Some(Value::Nil) | None => Vec::new(),
            Some(v) => vec![v.to_liquid_string()],
        }
    };
    let uniq = |v: Vec<String>| {
        let mut out: Vec<String> = Vec::new();
        for x in v {
            if !out.contains(&x) {
                out.push(x);
            }
        }
        out.join("/")
    };
    Some(match key {
        "collection" => label.to_string(),
        "path" => cleaned_relative_path.to_string(),
        "name" => slugify(basename, SlugMode::Default, false),
        "title" => slug_of(SlugMode::Pretty, true),
        "slug" => slug_of(SlugMode::Default, false),
        "categories" => uniq(cats().into_iter().map(|c| c.to_lowercase()).collect()),
        "slugified_categories" => uniq(
            cats()
                .iter()
                .map(|c| slugify(c, SlugMode::Default, false))
                .collect(),
        ),
        "output_ext" => output_ext.to_string(),
        "year" => date.format("%Y").to_string(),
        "month" => date.format("%m").to_string(),
        "day" => date.format("%d").to_string(),
        "hour" => date.format("%H").to_string(),
        "minute" => date.format("%M").to_string(),
        "second" => date.format("%S").to_string(),
        "i_day" => date.format("%-d").to_string(),
        "i_month" => date.format("%-m").to_string(),
        "short_month" => date.format("%b").to_string(),
        "long_month" => date.format("%B").to_string(),
        "short_year" => date.format("%y").to_string(),
        "w_year" => date.format("%G").to_string(),
        "week" => date.format("%V").to_string(),
        "w_day" => date.format("%u").to_string(),
        "short_day" => date.format("%a").to_string(),
        "long_day" => date.format("%A").to_string(),
        "y_day" => date.format("%j").to_string(),
        _ => return None,
    })
}

/// Title-cased title from a filename slug (`Utils.titleize_slug`).
pub fn title_from_slug(slug: &str) -> String {
    titleize_slug(slug)
}

/// Jekyll's excerpt extraction: the text before the separator, with Liquid
/// blocks left open closed again and link definitions used in it appended.
pub fn extract_excerpt(content: &str, separator: &str) -> String {
    let Some(idx) = find_separator(content, separator) else {
        return content.to_string();
    };
    let mut head = content[..idx].to_string();
    let tail = &content[idx + separator.len()..];
    if tail.is_empty() {
        return head;
    }
    if head.contains("{%") {
        close_open_blocks(&mut head);
    }
    let mut defs = Vec::new();
    for line in definition_candidates(tail) {
        let t = line.trim_start_matches(' ');
        if line.len() - t.len() > 3 || !t.starts_with('[') {
            continue;
        }
        if let Some(close) = t.find("]:") {
            let label = &t[..=close];
            if !label[1..close].contains(']') && head.contains(label) && t.len() > close + 2 {
                defs.push(t.to_string());
            }
        }
    }
    if defs.is_empty() {
        return head;
    }
    head.push_str("\n\n");
    head.push_str(&defs.join("\n"));
    head
}

/// `text.find(separator)`, looking for the separator's first character
/// with memchr: the default `\n\n` is then found in a few steps, where
/// the two-way search reads every byte before it.
fn find_separator(text: &str, separator: &str) -> Option<usize> {
    let Some(first) = separator.chars().next() else {
        return Some(0);
    };
    let mut from = 0;
    while let Some(i) = text[from..].find(first) {
        let at = from + i;
        if text[at..].starts_with(separator) {
            return Some(at);
        }
        from = at + first.len_utf8();
    }
    None
}

/// The lines of `text` (as `str::lines` gives them) whose first non-space
/// character is `[`, found from each `[` rather than line by line: a
/// document's text after its excerpt is long and holds few brackets.
fn definition_candidates(text: &str) -> impl Iterator<Item = &str> {
    let mut from = 0;
    std::iter::from_fn(move || loop {
        let at = from + text[from..].find('[')?;
        let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
        from = (end + 1).min(text.len());
        if text[start..at].bytes().all(|b| b == b' ') {
            // `lines` drops the `\r` of a `\r\n` line end.
            let line = &text[start..end];
            return Some(match end < text.len() {
                true => line.strip_suffix('\r').unwrap_or(line),
                false => line,
            });
        }
        if end == text.len() {
            return None;
        }
    })
}

const BLOCK_TAGS: &[&str] = &[
    "if",
    "unless",
    "case",
    "for",
    "tablerow",
    "capture",
    "comment",
    "raw",
    "highlight",
    "ifchanged",
];

fn close_open_blocks(head: &mut String) {
    let mut names = Vec::new();
    let mut rest = head.as_str();
    while let Some(i) = rest.find("{%") {
        let after = rest[i + 2..].trim_start_matches('-').trim_start();
        let name: String = after
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty() {
            names.push(name);
        }
        rest = &rest[i + 2..];
    }
    let mut added = String::new();
    for name in names.iter().rev() {
        if !BLOCK_TAGS.contains(&name.as_str()) {
            continue;
        }
        let end = format!("end{name}");
        let closed = head.match_indices("{%").any(|(i, _)| {
            let after = head[i + 2..].trim_start_matches('-').trim_start();
            after.starts_with(&end)
        });
        if !closed {
            added.push_str(&format!("\n{{% {end} %}}"));
        }
    }
    head.push_str(&added);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpt_search_helpers_agree_with_std() {
        let texts = [
            "",
            "one\n\ntwo",
            "[a]: x\n  [b]: y\r\n    [c]: z\n x [d]: w\n[e]\r",
            "no brackets\n\n\nat all\n",
            "é[ü]\n\n[x]: y\r\n\r\n",
            "<!--more-->a<!--more--><!--",
        ];
        for text in texts {
            let by_lines: Vec<&str> = text
                .lines()
                .filter(|l| l.trim_start_matches(' ').starts_with('['))
                .collect();
            assert_eq!(
                definition_candidates(text).collect::<Vec<_>>(),
                by_lines,
                "{text:?}"
            );
            for sep in ["", "\n\n", "<!--more-->", "[", "ü", "\r\n\r\n", "zz"] {
                assert_eq!(
                    find_separator(text, sep),
                    text.find(sep),
                    "{text:?} {sep:?}"
                );
            }
        }
    }
}
