//! The known gaps between grass's CSS and dart-sass's, closed on the tree.
//!
//! Each function here names one behaviour of dart-sass (1.78) that grass
//! 0.13 does not reproduce; `tests/sass/gaps.rs` pins each with a test.

use std::collections::HashSet;

use crate::options::Style;
use crate::tree::{Item, Node, Sheet};
use crate::{calc, colour, value};

/// Applies every style-independent and style-specific fix.
pub(crate) fn apply(sheet: &mut Sheet, style: Style) {
    drop_charset(&mut sheet.items);
    sheet.bom = false;
    fix_items(&mut sheet.items, style, None);
    drop_empty_rules(&mut sheet.items);
}

/// dart-sass writes `@charset` (or a BOM) itself, exactly when the output is
/// not ASCII; grass adds it for escapes it decoded. The writer re-adds it.
fn drop_charset(items: &mut Vec<Item>) {
    items.retain(|item| {
        !matches!(&item.node, Node::Statement(s) if s.to_ascii_lowercase().starts_with("@charset"))
    });
}

fn fix_items(items: &mut [Item], style: Style, parent: Option<&str>) {
    let in_keyframes = parent.is_some_and(is_keyframes);
    for item in items.iter_mut() {
        match &mut item.node {
            Node::Decl { prop, value } => {
                if !prop.starts_with("--") {
                    if style == Style::Expanded {
                        *value = value::escape_private_use(value);
                        *value = colour::hsl_hue_without_unit(value);
                        *value = colour::hex_alpha_as_rgba(value);
                    }
                    *value = value::shortest_numbers(value);
                    *value = calc::rewrite(value, style);
                    if style == Style::Compressed {
                        *value = value::plain_call_leading_zeros(value);
                        *value = value::negative_leading_zero(value);
                    }
                }
            }
            Node::Block {
                prelude, children, ..
            } => {
                if style == Style::Expanded {
                    *prelude = value::escape_private_use(prelude);
                } else {
                    if in_keyframes {
                        *prelude = prelude.replace(", ", ",");
                    }
                    if let Some(query) = prelude.strip_prefix("@media ") {
                        *prelude = compressed_media(query);
                    } else if let Some(cond) = prelude.strip_prefix("@supports (") {
                        *prelude = format!("@supports({cond}");
                    }
                }
                let name = prelude.clone();
                fix_items(children, style, Some(&name));
            }
            Node::Statement(text) => {
                if style == Style::Compressed {
                    if let Some(rest) = text.strip_prefix("@import ") {
                        *text = compressed_import(rest);
                    }
                }
            }
            Node::Comment(_) => {}
        }
    }
}

fn is_keyframes(prelude: &str) -> bool {
    prelude.starts_with('@')
        && prelude
            .split_whitespace()
            .next()
            .is_some_and(|name| name.ends_with("keyframes"))
}

/// dart-sass writes `@media(` before a query that starts with a condition,
/// joins conditions with `)and (` and queries with `,` when compressed.
fn compressed_media(query: &str) -> String {
    let queries: Vec<String> = value::split_top_level(query, b',')
        .into_iter()
        .map(|q| q.trim().replace(") and (", ")and ("))
        .collect();
    let joined = queries.join(",");
    if joined.starts_with('(') {
        format!("@media{joined}")
    } else {
        format!("@media {joined}")
    }
}

/// Compressed dart-sass writes `@import"url"media`, turning `url(x)` into a
/// quoted string.
fn compressed_import(rest: &str) -> String {
    let rest = rest.trim();
    let (url, media) = if let Some(inner) = rest.strip_prefix("url(") {
        match inner.find(')') {
            Some(end) => {
                let u = inner[..end].trim();
                let quoted = if u.starts_with('"') || u.starts_with('\'') {
                    u.to_string()
                } else {
                    format!("\"{u}\"")
                };
                (quoted, inner[end + 1..].trim())
            }
            None => (rest.to_string(), ""),
        }
    } else {
        let end = value::quoted_end(rest).unwrap_or(rest.len());
        (rest[..end].to_string(), rest[end..].trim())
    };
    format!("@import{url}{media}")
}

/// dart-sass never writes a style rule without children; grass sometimes
/// does (`nav{}`). At-rules emptied that way go too.
fn drop_empty_rules(items: &mut Vec<Item>) {
    for item in items.iter_mut() {
        if let Node::Block { children, .. } = &mut item.node {
            drop_empty_rules(children);
        }
    }
    items.retain(|item| match &item.node {
        Node::Block {
            prelude, children, ..
        } => !children.is_empty() || is_kept_empty(prelude),
        _ => true,
    });
}

/// Empty at-rules dart-sass keeps: unknown ones and `@font-face`-like ones.
fn is_kept_empty(prelude: &str) -> bool {
    let lower = prelude.to_ascii_lowercase();
    lower.starts_with('@')
        && !["@media", "@supports", "@layer", "@container"]
            .iter()
            .any(|p| lower.starts_with(p))
}

/// Replaces, in compressed output, what dart-sass writes in expanded form even
/// when compressing: custom-property values and the arguments of plain CSS
/// functions (`translate(0.5px, -0.25px)`). Both come from grass's expanded
/// output of the same source, whose declarations align one to one.
pub(crate) fn patch_from_expanded(compressed: &mut Sheet, expanded: &Sheet) {
    let mut exp_decls = Vec::new();
    collect_decls(&expanded.items, &mut exp_decls);
    let mut comp_decls = Vec::new();
    collect_decls_mut(&mut compressed.items, &mut comp_decls);
    if exp_decls.len() != comp_decls.len() {
        return;
    }
    for ((prop, value), (exp_prop, exp_value)) in comp_decls.into_iter().zip(exp_decls) {
        if prop.starts_with("--") && exp_prop.starts_with("--") {
            // Names can hold interpolated colours too (`--c-#{grey}`).
            *prop = exp_prop.to_string();
            *value = exp_value.to_string();
        } else if prop.as_str() != exp_prop {
            continue;
        } else {
            *value = value::patch_plain_functions(value, exp_value);
        }
    }
}

fn collect_decls<'a>(items: &'a [Item], out: &mut Vec<(&'a str, &'a str)>) {
    for item in items {
        match &item.node {
            Node::Decl { prop, value } => out.push((prop.trim(), value)),
            Node::Block { children, .. } => collect_decls(children, out),
            _ => {}
        }
    }
}

type DeclRef<'a> = (&'a mut String, &'a mut String);

fn collect_decls_mut<'a>(items: &'a mut [Item], out: &mut Vec<DeclRef<'a>>) {
    for item in items.iter_mut() {
        match &mut item.node {
            Node::Decl { prop, value } => out.push((prop, value)),
            Node::Block { children, .. } => collect_decls_mut(children, out),
            _ => {}
        }
    }
}

/// Whether an expanded run could change anything: a custom property whose
/// source interpolates, or a plain-CSS call whose compressed text differs
/// from its expanded text. Skipping the second run halves the cost of
/// compressed output for most stylesheets.
pub(crate) fn wants_expanded_patch(sheet: &Sheet, interpolated_custom_props: bool) -> bool {
    fn any(items: &[Item], custom: bool) -> bool {
        items.iter().any(|item| match &item.node {
            Node::Decl { prop, value } => {
                if prop.starts_with("--") {
                    custom
                } else {
                    value.contains('(') && value::plain_calls_may_differ(value)
                }
            }
            Node::Block { children, .. } => any(children, custom),
            _ => false,
        })
    }
    any(&sheet.items, interpolated_custom_props)
}

/// Marks the comments that stood on the line of the node before them in a
/// source (by their text), so the writer keeps them there.
pub(crate) fn mark_trailing_comments(items: &mut [Item], trailing: &HashSet<String>) {
    if trailing.is_empty() {
        return;
    }
    for item in items.iter_mut() {
        match &mut item.node {
            Node::Comment(text) => item.trailing = trailing.contains(text.as_str()),
            Node::Block { children, .. } => mark_trailing_comments(children, trailing),
            _ => {}
        }
    }
}

/// The loud comments of a source that follow `;`, `{` or `}` on their line.
pub(crate) fn collect_trailing_comments(text: &str, out: &mut HashSet<String>) {
    let mut rest = text;
    let mut offset = 0;
    while let Some(pos) = rest.find("/*") {
        let at = offset + pos;
        let line_start = text[..at].rfind('\n').map_or(0, |p| p + 1);
        let before = text[line_start..at].trim_end();
        let end = text[at..].find("*/").map_or(text.len(), |e| at + e + 2);
        if !before.contains("//") && before.ends_with([';', '{', '}']) {
            out.insert(text[at..end].to_string());
        }
        offset = end.max(at + 2);
        rest = &text[offset..];
    }
}
