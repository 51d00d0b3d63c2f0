//! Comparing a built tree with an expected tree.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use crate::css::canonical;

/// The outcome for one fixture.
#[derive(Debug, Default)]
pub struct Comparison {
    /// Files equal to the expected ones.
    pub matching: usize,
    /// Files in the expected tree.
    pub expected: usize,
    /// One line per difference: `path: what`.
    pub diffs: Vec<String>,
}

impl Comparison {
    /// Everything matches, no file missing or extra.
    pub fn is_match(&self) -> bool {
        self.diffs.is_empty()
    }
}

/// Reads every file below `dir` as (relative path → bytes).
pub fn read_tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    walk(dir, "", &mut out);
    out
}

fn walk(dir: &Path, rel: &str, out: &mut BTreeMap<String, Vec<u8>>) {
    let Ok(rd) = fs::read_dir(dir) else { return };
    for e in rd.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let r = if rel.is_empty() {
            name
        } else {
            format!("{rel}/{name}")
        };
        let p = e.path();
        if p.is_dir() {
            walk(&p, &r, out);
        } else if let Ok(b) = fs::read(&p) {
            out.insert(r, b);
        }
    }
}

/// Masks the build time: the first `<updated>` of an Atom feed, before its first `<entry>`.
pub fn mask_build_time(path: &str, text: &str) -> String {
    if !(path.ends_with(".xml") || path.ends_with(".atom")) || !text.contains("<feed") {
        return text.to_string();
    }
    let entry = text.find("<entry").unwrap_or(text.len());
    if let Some(start) = text[..entry].find("<updated>") {
        if let Some(end) = text[start..].find("</updated>") {
            return format!("{}<updated>MASKED{}", &text[..start], &text[start + end..]);
        }
    }
    text.to_string()
}

fn first_difference(a: &str, b: &str) -> String {
    for (i, (x, y)) in a.lines().zip(b.lines()).enumerate() {
        if x != y {
            // Show the neighbourhood of the first differing character.
            let xc: Vec<char> = x.chars().collect();
            let yc: Vec<char> = y.chars().collect();
            let at = xc.iter().zip(&yc).take_while(|(a, b)| a == b).count();
            let from = at.saturating_sub(60);
            let cut = |s: &[char]| s.iter().skip(from).take(160).collect::<String>();
            return format!(
                "line {}, column {}:\n      expected: {}\n      hyde:     {}",
                i + 1,
                at + 1,
                cut(&xc),
                cut(&yc)
            );
        }
    }
    format!(
        "length differs ({} expected lines, {} from hyde)",
        a.lines().count(),
        b.lines().count()
    )
}

/// Compares hyde's files with the expected tree.
/// CSS is compared canonically, with dart-sass's output (`dart`) when the
/// fixture carries it.
pub fn compare(
    actual: &BTreeMap<String, Vec<u8>>,
    expected: &BTreeMap<String, Vec<u8>>,
    dart: &BTreeMap<String, Vec<u8>>,
) -> Comparison {
    let mut c = Comparison {
        expected: expected.len(),
        ..Default::default()
    };
    for (path, exp) in expected {
        let Some(act) = actual.get(path) else {
            c.diffs.push(format!("{path}: missing from hyde's output"));
            continue;
        };
        if path.ends_with(".css") {
            let exp = dart.get(path).unwrap_or(exp);
            let e = canonical(&String::from_utf8_lossy(exp));
            let a = canonical(&String::from_utf8_lossy(act));
            if e == a {
                c.matching += 1;
            } else {
                c.diffs.push(format!(
                    "{path} (canonical CSS): {}",
                    first_difference(&e, &a)
                ));
            }
            continue;
        }
        let same = if act == exp {
            true
        } else {
            let (e, a) = (String::from_utf8_lossy(exp), String::from_utf8_lossy(act));
            mask_build_time(path, &e) == mask_build_time(path, &a)
        };
        if same {
            c.matching += 1;
        } else {
            let (e, a) = (String::from_utf8_lossy(exp), String::from_utf8_lossy(act));
            let (e, a) = (mask_build_time(path, &e), mask_build_time(path, &a));
            c.diffs
                .push(format!("{path}: {}", first_difference(&e, &a)));
        }
    }
    for path in actual.keys() {
        if !expected.contains_key(path) {
            c.diffs
                .push(format!("{path}: extra file not produced by Jekyll"));
        }
    }
    c
}
