//! Footnote references (`<sup>` links) and the footnote list written after
//! the document, with kramdown's numbering and back-links.

use super::escape::{entity_to_str, escape, Esc};
use super::html::Html;
use crate::entities;
use crate::tree::{Attrs, El, Kind};

impl Html<'_> {
    pub(super) fn convert_footnote(&mut self, el: &El) -> String {
        let name = format!("{}{}", self.opts.footnote_prefix, el.value);
        let (number, repeat) = match self.footnote_index.get(&name) {
            Some(&(i, _)) => {
                let entry = &mut self.footnotes[i];
                entry.2 += 1;
                (entry.1, format!(":{}", entry.2))
            }
            None => {
                let n = self.footnote_counter;
                self.footnote_counter += 1;
                self.footnote_index
                    .insert(name.clone(), (self.footnotes.len(), el.value.clone()));
                self.footnotes.push((name.clone(), n, 0));
                (n, String::new())
            }
        };
        format!(
            "<sup id=\"fnref:{name}{repeat}\" role=\"doc-noteref\"><a href=\"#fn:{name}\" class=\"footnote\" rel=\"footnote\">{number}</a></sup>"
        )
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
                ("id".into(), format!("fn:{name}")),
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
                let first = format!(
                    "{}<a href=\"#fnref:{name}\" class=\"reversefootnote\" role=\"doc-backlink\">{backlink_text}</a>",
                    if insert_space { nbsp.as_str() } else { "" }
                );
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
