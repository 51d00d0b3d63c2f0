//! The table of contents that replaces a list marked `{:toc}`.

use crate::tree::{Attrs, El, Kind};

fn fix_for_toc_entry(children: &[El]) -> Vec<El> {
    let mut out = Vec::new();
    for c in children {
        if c.kind == Kind::Footnote {
            continue;
        }
        let mut c = c.clone();
        c.children = fix_for_toc_entry(&c.children);
        if c.kind == Kind::A {
            out.extend(c.children);
        } else {
            out.push(c);
        }
    }
    out
}

/// kramdown's `generate_toc_tree`: nested lists of links to the headers.
pub(crate) fn generate_toc_tree(toc: &[(u8, String, Vec<El>)], kind: Kind, attr: &Attrs) -> El {
    let mut sections = El::new(kind);
    sections.block = true;
    sections.attr = attr.clone();
    if !sections.attr.contains("id") {
        sections.attr.set("id", "markdown-toc".to_string());
    }
    let list_id = sections.attr.get("id").unwrap_or("").to_string();
    // Parent of each entry: the closest earlier entry still open with a lower level.
    // Entries under each entry, and the top-level ones, in document order
    // (found in one pass: a scan per entry made long documents quadratic).
    let mut kids: Vec<Vec<usize>> = vec![Vec::new(); toc.len()];
    let mut top: Vec<usize> = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    for (i, (level, _, _)) in toc.iter().enumerate() {
        while stack.last().is_some_and(|&j| toc[j].0 >= *level) {
            stack.pop();
        }
        match stack.last() {
            Some(&p) => kids[p].push(i),
            None => top.push(i),
        }
        stack.push(i);
    }
    fn build(
        i: usize,
        toc: &[(u8, String, Vec<El>)],
        kids: &[Vec<usize>],
        kind: Kind,
        list_id: &str,
    ) -> El {
        let (_, id, children) = &toc[i];
        let mut li = El::new(Kind::Li);
        li.block = true;
        let mut p = El::new(Kind::P);
        p.transparent = true;
        let mut a = El::new(Kind::A);
        a.attr.set("href", format!("#{id}"));
        a.attr.set("id", format!("{list_id}-{id}"));
        a.children = fix_for_toc_entry(children);
        p.children.push(a);
        li.children.push(p);
        if !kids[i].is_empty() {
            let mut sub = El::new(kind);
            sub.block = true;
            sub.children = kids[i]
                .iter()
                .map(|&j| build(j, toc, kids, kind, list_id))
                .collect();
            li.children.push(sub);
        }
        li
    }
    sections.children = top
        .iter()
        .map(|&j| build(j, toc, &kids, kind, &list_id))
        .collect();
    sections
}
