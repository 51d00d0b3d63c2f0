//! Source Map v3 output: each style rule's selector maps to the file, line
//! and column of the rule in the Sass source. The JSON has the keys in the
//! order Jekyll writes them after dart-sass (`version`, `sourceRoot`,
//! `sources`, `names`, `mappings`, `sourcesContent`, `file`).

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use crate::format::Span;

/// A stylesheet grass read, as it was before instrumentation.
#[derive(Debug, Clone)]
pub(crate) struct Source {
    pub(crate) path: PathBuf,
    /// `path` made canonical, or as it is when it cannot be.
    pub(crate) canonical: PathBuf,
    pub(crate) content: String,
}

/// How sources and the output file are named in the map.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Naming<'a> {
    /// Sources are written relative to this directory (Jekyll: the site
    /// source); absolute otherwise.
    pub(crate) root: Option<&'a Path>,
    /// The `file` entry: the CSS file's name.
    pub(crate) file: &'a str,
}

/// Builds the map for `spans` (positions in the written CSS).
pub(crate) fn build(spans: &[Span], sources: &[Source], naming: Naming<'_>) -> String {
    let mut spans: Vec<Span> = spans.to_vec();
    spans.sort_by_key(|s| (s.line, s.column));
    // A file read twice (imported twice) is one source: its first reading.
    let mut firsts: HashMap<&Path, u32> = HashMap::new();
    let first_reading: Vec<u32> = (0u32..)
        .zip(sources)
        .map(|(index, source)| *firsts.entry(&source.path).or_insert(index))
        .collect();
    for span in &mut spans {
        if let Some(&first) = first_reading.get(span.origin.source as usize) {
            span.origin.source = first;
        }
    }
    // Only sources that rules point at are listed, in order of first use;
    // `slot` is each source's place in that list.
    let mut used: Vec<u32> = Vec::new();
    let mut slot: Vec<Option<usize>> = vec![None; sources.len()];
    for span in &spans {
        if let Some(entry @ None) = slot.get_mut(span.origin.source as usize) {
            *entry = Some(used.len());
            used.push(span.origin.source);
        }
    }
    let mut mappings = String::new();
    let (mut line, mut prev_col, mut prev_src, mut prev_line, mut prev_src_col) =
        (0u32, 0i64, 0i64, 0i64, 0i64);
    let mut first_in_line = true;
    for span in &spans {
        let Some(&Some(src)) = slot.get(span.origin.source as usize) else {
            continue;
        };
        while line < span.line {
            mappings.push(';');
            line += 1;
            prev_col = 0;
            first_in_line = true;
        }
        if !first_in_line {
            mappings.push(',');
        }
        first_in_line = false;
        let (col, src, src_line, src_col) = (
            i64::from(span.column),
            src as i64,
            i64::from(span.origin.line),
            i64::from(span.origin.column),
        );
        vlq(&mut mappings, col - prev_col);
        vlq(&mut mappings, src - prev_src);
        vlq(&mut mappings, src_line - prev_line);
        vlq(&mut mappings, src_col - prev_src_col);
        (prev_col, prev_src, prev_line, prev_src_col) = (col, src, src_line, src_col);
    }
    let root = naming.root.map(absolute);
    let names: Vec<String> = used
        .iter()
        .map(|&u| json_string(&source_name(&sources[u as usize], root.as_deref())))
        .collect();
    let contents: Vec<String> = used
        .iter()
        .map(|&u| json_string(&sources[u as usize].content))
        .collect();
    format!(
        "{{\"version\":3,\"sourceRoot\":\"\",\"sources\":[{}],\"names\":[],\"mappings\":{},\"sourcesContent\":[{}],\"file\":{}}}",
        names.join(","),
        json_string(&mappings),
        contents.join(","),
        json_string(naming.file)
    )
}

/// A map without mappings (no rule could be traced).
pub(crate) fn empty_map(file: &str) -> String {
    format!(
        "{{\"version\":3,\"sourceRoot\":\"\",\"sources\":[],\"names\":[],\"mappings\":\"\",\"sourcesContent\":[],\"file\":{}}}",
        json_string(file)
    )
}

/// `path` canonical, or as it is when it cannot be.
fn absolute(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// The source's path relative to `root` (already [`absolute`]; with `..`
/// when outside it), `/`-separated.
fn source_name(source: &Source, root: Option<&Path>) -> String {
    let Some(root) = root else {
        return source.path.to_string_lossy().replace('\\', "/");
    };
    let p: Vec<Component> = source.canonical.components().collect();
    let r: Vec<Component> = root.components().collect();
    let common = p.iter().zip(&r).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".to_string(); r.len() - common];
    parts.extend(
        p[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    parts.join("/")
}

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Appends one Base64 VLQ number.
fn vlq(out: &mut String, value: i64) {
    let mut v: u64 = if value < 0 {
        ((value.unsigned_abs()) << 1) | 1
    } else {
        (value as u64) << 1
    };
    loop {
        let mut digit = (v & 31) as usize;
        v >>= 5;
        if v > 0 {
            digit |= 32;
        }
        out.push(BASE64[digit] as char);
        if v == 0 {
            break;
        }
    }
}

fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
