//! Byte order marks inside the stream.
//!
//! Psych hands libyaml a UTF-8 string with its encoding set, so a BOM is
//! never stripped by the reader; instead libyaml's scanner skips a BOM that
//! starts a line where it looks for the next token (it still counts as a
//! column), and anywhere else a BOM is an ordinary printable character: in
//! plain, quoted and block scalars and in keys (`a: x\u{feff}y` is the
//! String `"x\u{feff}y"`). saphyr-parser follows YAML 1.2 and refuses a BOM
//! inside a document, so [`load_with_boms`] replaces every BOM that starts
//! a line by a space and every other one by a placeholder character the
//! text does not contain, loads that, and puts the BOMs back in the
//! strings of the result and in the error.

use crate::error::{ErrorKind, YamlError};
use crate::loader::LoadOptions;
use crate::value::{Map, Node, Yaml};

const BOM: char = '\u{feff}';

/// A private-use character absent from `src` (saphyr reads it as an
/// ordinary plain-scalar character, as libyaml reads a BOM).
fn placeholder(src: &str) -> char {
    ('\u{f0000}'..='\u{ffffd}')
        .chain('\u{100000}'..='\u{10fffd}')
        .find(|c| !src.contains(*c))
        .unwrap_or('\u{e000}')
}

pub(crate) fn load_with_boms(
    src: &str,
    opts: &LoadOptions<'_>,
    load: fn(&str, &LoadOptions<'_>) -> Result<Node, YamlError>,
) -> Result<Node, YamlError> {
    let p = placeholder(src);
    let mut text = String::with_capacity(src.len());
    let mut prev: Option<char> = None;
    for (i, c) in src.char_indices() {
        let line_start = matches!(prev, None | Some('\n' | '\r'));
        prev = Some(c);
        text.push(match c {
            // The stream's first BOM is left to `load` (it counts as a column).
            BOM if i == 0 => BOM,
            BOM if line_start => ' ',
            BOM => p,
            c => c,
        });
    }
    let back = |s: &str| s.replace(p, "\u{feff}");
    match load(&text, opts) {
        Ok(node) => Ok(restore(node, p)),
        Err(mut e) => {
            e.source_line = src
                .split('\n')
                .nth(e.line.saturating_sub(1))
                .unwrap_or("")
                .trim_end_matches('\r')
                .to_string();
            e.kind = match e.kind {
                ErrorKind::Syntax { problem, context } => ErrorKind::Syntax {
                    problem: back(&problem),
                    context: context.map(|c| back(&c)),
                },
                ErrorKind::DisallowedClass(s) => ErrorKind::DisallowedClass(back(&s)),
                ErrorKind::BadAlias(s) => ErrorKind::BadAlias(back(&s)),
                ErrorKind::Argument(s) => ErrorKind::Argument(back(&s)),
                ErrorKind::Type(s) => ErrorKind::Type(back(&s)),
                ErrorKind::RecursiveAlias(s) => ErrorKind::RecursiveAlias(back(&s)),
                k => k,
            };
            Err(e)
        }
    }
}

/// Put the BOMs back in every String of `node` (keys included).
fn restore(node: Node, p: char) -> Node {
    let value = match node.value {
        Yaml::Str(s) if s.contains(p) => Yaml::Str(s.replace(p, "\u{feff}")),
        Yaml::Seq(items) => Yaml::Seq(items.into_iter().map(|n| restore(n, p)).collect()),
        Yaml::Map(map) => {
            let mut out = Map::new();
            for (k, v) in map.into_entries() {
                out.insert(restore(k, p), restore(v, p));
            }
            Yaml::Map(out)
        }
        v => v,
    };
    Node {
        value,
        span: node.span,
    }
}
