//! Syntax errors in libyaml's words and at libyaml's position.
//!
//! `saphyr-parser` words its errors like yaml-rust ("while parsing a block
//! mapping, did not find expected key") and points at the problem. Psych
//! reports libyaml's `problem` + `context` and the *context* mark (the start
//! of the enclosing block mapping, sequence, flow collection or quoted
//! scalar). This module translates the message and finds that mark.

use saphyr_parser::ScanError;

use crate::error::{ErrorKind, YamlError};
use crate::loader::{alias_name, Frame};
use crate::value::Pos;

/// Translate a parser error into Psych's `SyntaxError` (or `BadAlias`).
pub(crate) fn syntax_error(e: &ScanError, frames: &[Frame], src: &str) -> YamlError {
    let m = e.marker();
    let at = Pos {
        line: m.line(),
        column: m.col() + 1,
    };
    let info = e.info();
    if info == "while parsing node, found unknown anchor" {
        return YamlError::new(
            ErrorKind::BadAlias(alias_name(src, at)),
            at.line,
            at.column,
            src,
        );
    }
    let (context, problem) = match info.split_once(", ") {
        Some((c, p)) if c.starts_with("while ") => (Some(c.to_string()), p.to_string()),
        _ => (None, info.to_string()),
    };
    let (problem, context) = reword(&problem, context, frames);
    let at = match context.as_deref() {
        Some(
            "while parsing a block mapping"
            | "while parsing a block collection"
            | "while parsing a flow sequence"
            | "while parsing a flow mapping",
        ) => frames.last().map_or(at, |f| f.start),
        Some("while scanning a quoted scalar" | "while parsing a quoted scalar") => {
            quote_start(src, at).unwrap_or(at)
        }
        _ => at,
    };
    YamlError::new(
        ErrorKind::Syntax { problem, context },
        at.line,
        at.column,
        src,
    )
}

fn reword(problem: &str, context: Option<String>, frames: &[Frame]) -> (String, Option<String>) {
    let ctx = |s: &str| Some(s.to_string());
    if problem.starts_with("unexpected character") {
        return (
            "found character that cannot start any token".into(),
            ctx("while scanning for the next token"),
        );
    }
    match (context.as_deref(), problem) {
        (Some("while parsing a node"), p) => {
            let c = if frames.last().is_some_and(|f| f.flow) {
                "while parsing a flow node"
            } else {
                "while parsing a block node"
            };
            (p.to_string(), ctx(c))
        }
        (Some("while parsing a flow sequence"), "expected ',' or ']'") => {
            ("did not find expected ',' or ']'".into(), context)
        }
        (_, "did not find expected <document-start>") => {
            ("did not find expected <document start>".into(), context)
        }
        (Some("while scanning a plain scalar"), "found a tab") => (
            "found a tab character that violates indentation".into(),
            context,
        ),
        (None, "simple key expect ':'") => (
            "could not find expected ':'".into(),
            ctx("while scanning a simple key"),
        ),
        _ => (problem.to_string(), context),
    }
}

/// The opening quote of the quoted scalar that contains `at`: the last
/// unescaped quote character before it.
fn quote_start(src: &str, at: Pos) -> Option<Pos> {
    let lines: Vec<&str> = src.split('\n').collect();
    let mut line = at.line.min(lines.len()).max(1);
    let mut limit = Some(at.column.saturating_sub(1));
    loop {
        let chars: Vec<char> = lines[line - 1].chars().collect();
        let end = limit.map_or(chars.len(), |l| l.min(chars.len()));
        for i in (0..end).rev() {
            if chars[i] == '"' {
                let backslashes = chars[..i].iter().rev().take_while(|c| **c == '\\').count();
                if backslashes % 2 == 0 {
                    return Some(Pos {
                        line,
                        column: i + 1,
                    });
                }
            }
            if chars[i] == '\''
                && (i == 0 || chars[i - 1] != '\'')
                && chars.get(i + 1) != Some(&'\'')
            {
                return Some(Pos {
                    line,
                    column: i + 1,
                });
            }
        }
        if line == 1 {
            return None;
        }
        line -= 1;
        limit = None;
    }
}
