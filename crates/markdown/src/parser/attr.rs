//! Inline attribute lists and attribute definition lists (`{: #id .class key="v" ref}`).

use std::collections::HashMap;

use super::Parser;
use crate::scan::{ald_id_end, is_word_byte, is_ws};
use crate::tree::{Attrs, Ial};

/// `update_attr_with_ial`: applies referenced ALDs, then the IAL's own attributes.
pub(crate) fn update_attr_with_ial(alds: &HashMap<String, Ial>, attr: &mut Attrs, ial: &Ial) {
    apply(alds, attr, ial, 0);
}

fn apply(alds: &HashMap<String, Ial>, attr: &mut Attrs, ial: &Ial, depth: usize) {
    if depth < 20 {
        for r in &ial.refs {
            if let Some(ald) = alds.get(r) {
                apply(alds, attr, ald, depth + 1);
            }
        }
    }
    for (k, v) in &ial.attrs.0 {
        if k == "class" {
            let joined = format!("{} {}", attr.get("class").unwrap_or(""), v);
            attr.set("class", joined.trim_start().to_string());
        } else {
            attr.set(k, v.clone());
        }
    }
}

/// `update_ial_with_ial`: merges `other` into `ial`.
pub(crate) fn update_ial_with_ial(ial: &mut Ial, other: &Ial) {
    ial.refs.extend(other.refs.iter().cloned());
    for (k, v) in &other.attrs.0 {
        if k == "class" {
            let joined = format!("{} {}", ial.attrs.get("class").unwrap_or(""), v);
            ial.attrs.set("class", joined.trim_start().to_string());
        } else {
            ial.attrs.set(k, v.clone());
        }
    }
}

enum Item {
    KeyValue(String, String),
    Ref(String),
    IdClass(Vec<(bool, String)>),
}

fn ends_token(s: &str, i: usize) -> bool {
    i >= s.len() || is_ws(s.as_bytes()[i]) || (i + 1 == s.len() && s.as_bytes()[i] == b'\n')
}

/// `(\w[\w-]*)=("|')((?:\\\}|\\\2|[^\}\2])*?)\2` followed by a token end.
fn key_value(s: &str, pos: usize) -> Option<(String, String, usize)> {
    let b = s.as_bytes();
    let ke = ald_id_end(s, pos)?;
    if b.get(ke) != Some(&b'=') {
        return None;
    }
    let q = *b.get(ke + 1)?;
    if q != b'"' && q != b'\'' {
        return None;
    }
    let mut i = ke + 2;
    loop {
        if i >= b.len() {
            return None;
        }
        if b[i] == q && ends_token(s, i + 1) {
            let raw = &s[ke + 2..i];
            let mut val = String::with_capacity(raw.len());
            let rb = raw.as_bytes();
            let mut j = 0;
            while j < rb.len() {
                if rb[j] == b'\\' && j + 1 < rb.len() && (rb[j + 1] == b'}' || rb[j + 1] == q) {
                    val.push(rb[j + 1] as char);
                    j += 2;
                } else {
                    let c = raw[j..].chars().next().unwrap_or(' ');
                    val.push(c);
                    j += c.len_utf8();
                }
            }
            return Some((s[pos..ke].to_string(), val, i + 1));
        }
        if b[i] == b'\\' && (b.get(i + 1) == Some(&b'}') || b.get(i + 1) == Some(&q)) {
            i += 2;
        } else if b[i] == b'}' || b[i] == 2 {
            return None;
        } else {
            i += 1;
        }
    }
}

fn id_class_multi(s: &str, pos: usize) -> Option<(Vec<(bool, String)>, usize)> {
    let b = s.as_bytes();
    let mut i = pos;
    let mut items = Vec::new();
    loop {
        match b.get(i) {
            Some(b'#') if b.get(i + 1).is_some_and(|c| c.is_ascii_alphabetic()) => {
                let mut j = i + 2;
                while j < b.len() && (is_word_byte(b[j]) || b[j] == b':' || b[j] == b'-') {
                    j += 1;
                }
                items.push((true, s[i + 1..j].to_string()));
                i = j;
            }
            Some(b'.') => {
                let mut j = i + 1;
                while j < b.len() && !is_ws(b[j]) && b[j] != b'.' && b[j] != b'#' {
                    j += 1;
                }
                if j == i + 1 {
                    break;
                }
                items.push((false, s[i + 1..j].to_string()));
                i = j;
            }
            _ => break,
        }
    }
    // The whole run must end at a token boundary; backtracking to a shorter
    // run cannot reach one, because ids and classes stop only at `.`, `#` or space.
    (!items.is_empty() && ends_token(s, i)).then_some((items, i))
}

fn item_at(s: &str, pos: usize) -> Option<(Item, usize)> {
    if let Some((k, v, e)) = key_value(s, pos) {
        return Some((Item::KeyValue(k, v), e));
    }
    if let Some(e) = ald_id_end(s, pos) {
        if ends_token(s, e) {
            return Some((Item::Ref(s[pos..e].to_string()), e));
        }
    }
    id_class_multi(s, pos).map(|(v, e)| (Item::IdClass(v), e))
}

impl Parser<'_> {
    /// `parse_attribute_list`: adds the attributes found in `s` to `ial`.
    pub(crate) fn parse_attribute_list(&mut self, s: &str, ial: &mut Ial) {
        let t = s.trim_matches(|c: char| c.is_ascii() && is_ws(c as u8));
        if t.is_empty() || t == ":" {
            return;
        }
        let b = s.as_bytes();
        let mut found = false;
        let mut i = 0;
        while i <= b.len() {
            let m = if i == 0 { item_at(s, 0) } else { None }.or_else(|| {
                (i < b.len() && is_ws(b[i]))
                    .then(|| item_at(s, i + 1))
                    .flatten()
            });
            match m {
                Some((item, end)) => {
                    found = true;
                    match item {
                        Item::KeyValue(k, v) => ial.attrs.set(&k, v),
                        Item::Ref(r) => {
                            self.toc_ref |= r == "toc";
                            ial.refs.push(r);
                        }
                        Item::IdClass(items) => {
                            for (is_id, v) in items {
                                if is_id {
                                    ial.attrs.set("id", v);
                                } else {
                                    let joined =
                                        format!("{} {}", ial.attrs.get("class").unwrap_or(""), v);
                                    ial.attrs.set("class", joined.trim_start().to_string());
                                }
                            }
                        }
                    }
                    i = end.max(i + 1);
                }
                None => i += crate::scan::char_len(s, i).max(1),
            }
        }
        if !found {
            self.warning(format!(
                "No or invalid attributes found in IAL/ALD content: {s}"
            ));
        }
    }
}
