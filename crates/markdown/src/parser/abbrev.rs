//! Abbreviations: after parsing, every text outside raw HTML is searched for
//! the defined abbreviations (longest first, on word boundaries).

use super::Parser;
use crate::tree::{El, Kind, Model};

fn is_w(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
}

impl Parser<'_> {
    pub(super) fn replace_abbreviations_root(&mut self, el: &mut El) {
        if self.abbrev_defs.is_empty() {
            return;
        }
        let mut keys: Vec<String> = self.abbrev_order.clone();
        keys.sort_by_key(|k| std::cmp::Reverse(k.len()));
        replace(el, &keys);
    }
}

/// The first abbreviation matching at `p` (optionally also not followed by a word char).
fn abbr_at<'k>(s: &str, p: usize, keys: &'k [String], boundary: bool) -> Option<&'k str> {
    keys.iter()
        .find(|k| {
            s[p..].starts_with(k.as_str()) && (!boundary || !is_w(s[p + k.len()..].chars().next()))
        })
        .map(String::as_str)
}

fn split_text(s: &str, keys: &[String]) -> Option<Vec<El>> {
    if !keys.iter().any(|k| s.contains(k.as_str())) {
        return None;
    }
    let mut out = Vec::new();
    let mut pos = 0;
    let mut text = String::new();
    loop {
        // scan_until(/(?=(?:\W|^)ABBR(?!\w))/)
        let mut found = None;
        let mut p = pos;
        while p <= s.len() {
            let line_start = p == pos || (p > 0 && s.as_bytes()[p - 1] == b'\n');
            if line_start && abbr_at(s, p, keys, true).is_some() {
                found = Some((p, false));
                break;
            }
            if let Some(c) = s[p..].chars().next() {
                if !(c.is_ascii_alphanumeric() || c == '_')
                    && abbr_at(s, p + c.len_utf8(), keys, true).is_some()
                {
                    found = Some((p, true));
                    break;
                }
                p += c.len_utf8();
            } else {
                break;
            }
        }
        let Some((p, _)) = found else { break };
        text.push_str(&s[pos..p]);
        let mut q = p;
        let abbr = match abbr_at(s, q, keys, false) {
            Some(a) => a,
            None => {
                let c = s[q..].chars().next().unwrap_or(' ');
                text.push(c);
                q += c.len_utf8();
                match abbr_at(s, q, keys, false) {
                    Some(a) => a,
                    None => break,
                }
            }
        };
        out.push(El::with_value(Kind::Text, std::mem::take(&mut text)));
        out.push(El::with_value(Kind::Abbreviation, abbr));
        pos = q + abbr.len();
    }
    text.push_str(&s[pos..]);
    out.push(El::with_value(Kind::Text, text));
    Some(out)
}

fn replace(el: &mut El, keys: &[String]) {
    let raw = el.kind == Kind::Html && el.model == Model::Raw;
    let mut splits: Vec<(usize, Vec<El>)> = Vec::new();
    for (i, c) in el.children.iter_mut().enumerate() {
        if c.kind == Kind::Text && !raw {
            if let Some(parts) = split_text(&c.value, keys) {
                splits.push((i, parts));
            }
        } else {
            replace(c, keys);
        }
    }
    if splits.is_empty() {
        return;
    }
    // Rebuild once: each split text expands into its parts, in order.
    let children = std::mem::take(&mut el.children);
    let mut result = Vec::with_capacity(children.len() + 2 * splits.len());
    let mut splits = splits.into_iter().peekable();
    for (i, c) in children.into_iter().enumerate() {
        match splits.next_if(|(j, _)| *j == i) {
            Some((_, parts)) => result.extend(parts),
            None => result.push(c),
        }
    }
    el.children = result;
}
