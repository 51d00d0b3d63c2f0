//! Footnote references (`<sup>` links) and the footnote list written after
//! the document, with kramdown's numbering and back-links.

use super::escape::{entity_to_str, escape, itoa, Esc};
use super::html::Html;
use crate::entities;
use crate::tree::{Attrs, El, Kind};

impl Html<'_> {
    /// kramdown's `convert_footnote`, written onto `out`.
    pub(super) fn footnote_into(&mut self, el: &El, out: &mut String) {
        let mut name = String::with_capacity(self.opts.footnote_prefix.len() + el.value.len());
        name.push_str(&self.opts.footnote_prefix);
        name.push_str(&el.value);
        let (i, repeat) = match self.footnote_index.get(&name) {
            Some(&(i, _)) => {
                let entry = &mut self.footnotes[i];
                entry.2 += 1;
                (i, entry.2)
            }
            None => {
                let i = self.footnotes.len();
                let n = self.footnote_counter;
                self.footnote_counter += 1;
                self.footnote_index
                    .insert(name.clone(), (i, el.value.clone()));
                self.footnotes.push((name, n, 0));
                (i, 0)
            }
        };
        let (name, number, _) = &self.footnotes[i];
        out.push_str("<sup id=\"fnref:");
        out.push_str(name);
        if repeat > 0 {
            out.push(':');
            push_int(out, repeat);
        }
        out.push_str("\" role=\"doc-noteref\"><a href=\"#fn:");
        out.push_str(name);
        out.push_str("\" class=\"footnote\" rel=\"footnote\">");
        push_int(out, *number);
        out.push_str("</a></sup>");
    }

    /// kramdown's `footnote_content`, written onto `out` (nothing when no
    /// referenced footnote has a definition).
    pub(super) fn footnote_content_into(&mut self, out: &mut String) {
        if self.footnotes.is_empty() {
            return;
        }
        let start = out.len();
        out.push_str("<div class=\"footnotes\" role=\"doc-endnotes\">\n  <ol");
        if self.opts.footnote_nr != 1 {
            out.push_str(" start=\"");
            out.push_str(&self.opts.footnote_nr.to_string());
            out.push('"');
        }
        out.push_str(">\n");
        let items_start = out.len();
        let backlink_text = escape(&self.opts.footnote_backlink, Esc::Text);
        let nbsp = entity_to_str(entities::by_code_point(160), None, self.opts.entity_output);
        let mut i = 0;
        while i < self.footnotes.len() {
            let (name, _, repeat) = self.footnotes[i].clone();
            let source = self
                .footnote_index
                .get(&name)
                .map(|(_, src)| src.clone())
                .unwrap_or_default();
            let Some(def) = self.footnote_defs.remove(&source) else {
                i += 1;
                continue;
            };
            let mut li = El::new(Kind::Li);
            li.block = true;
            li.attr = Attrs(vec![
                ("id".into(), ["fn:", name.as_str()].concat()),
                ("role".into(), "doc-endnote".into()),
            ]);
            li.children = def.content.children;
            let mut insert_space = false;
            let mut path: Option<Vec<usize>> = None;
            if li.children.last().is_some_and(|c| c.kind == Kind::P)
                || self.opts.footnote_backlink_inline
            {
                let mut p = Vec::new();
                let mut cur = &li;
                while !cur.children.is_empty()
                    && !matches!(
                        cur.children.last().map(|c| c.kind),
                        Some(Kind::P | Kind::Header)
                    )
                {
                    p.push(cur.children.len() - 1);
                    cur = cur.children.last().expect("non-empty");
                }
                if !cur.children.is_empty() {
                    p.push(cur.children.len() - 1);
                    path = Some(p);
                    insert_space = true;
                }
            }
            let para: &mut El = match path {
                Some(p) => {
                    let mut cur = &mut li;
                    for idx in p {
                        cur = &mut cur.children[idx];
                    }
                    cur
                }
                None => {
                    let mut p = El::new(Kind::P);
                    p.block = true;
                    li.children.push(p);
                    li.children.last_mut().expect("just pushed")
                }
            };
            if !self.opts.footnote_backlink.is_empty() {
                let first = [
                    if insert_space { nbsp.as_str() } else { "" },
                    "<a href=\"#fnref:",
                    &name,
                    "\" class=\"reversefootnote\" role=\"doc-backlink\">",
                    &backlink_text,
                    "</a>",
                ]
                .concat();
                para.children.push(El::with_value(Kind::Raw, first));
                for index in 1..=repeat {
                    let v = format!(
                        "{nbsp}<a href=\"#fnref:{name}:{index}\" class=\"reversefootnote\" role=\"doc-backlink\">{backlink_text}<sup>{}</sup></a>",
                        index + 1
                    );
                    para.children.push(El::with_value(Kind::Raw, v));
                }
            }
            self.convert_into(&li, 4, out);
            i += 1;
        }
        if out.len() == items_start {
            out.truncate(start);
            return;
        }
        out.push_str("  </ol>\n</div>\n");
    }
}

/// A footnote number in decimal, without the formatting machinery.
fn push_int<N: TryInto<u32> + ToString + Copy>(out: &mut String, n: N) {
    match n.try_into() {
        Ok(n) => out.push_str(itoa(n).as_str()),
        Err(_) => out.push_str(&n.to_string()),
    }
}
