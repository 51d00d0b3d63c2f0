//! Syntax errors in libyaml's words and at libyaml's position.
//!
//! `saphyr-parser` words its errors like yaml-rust ("while parsing a block
//! mapping, did not find expected key") and points at the problem. Psych
//! reports libyaml's `problem` + `context` and the *context* mark (the start
//! of the enclosing block mapping, sequence, flow collection or quoted
//! scalar; 1:1 for parser errors that have no context). This module
//! translates the message and finds that mark, using the loader's stack of
//! open collections.

use saphyr_parser::ScanError;

use crate::error::{ErrorKind, YamlError};
use crate::loader::alias_name;
use crate::value::Pos;

/// What the loader knows about one open collection.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Open {
    pub start: Pos,
    /// Written with `[` or `{`.
    pub flow: bool,
    pub map: bool,
    /// A mapping whose key has been read and whose value has not.
    pub key_pending: bool,
}

fn char_at(src: &str, at: Pos) -> Option<char> {
    let line = src.split('\n').nth(at.line.checked_sub(1)?)?;
    line.chars().nth(at.column.checked_sub(1)?)
}

pub(crate) type Msg = (String, Option<String>, Pos);

fn msg(problem: &str, context: Option<&str>, at: Pos) -> Msg {
    (problem.to_string(), context.map(str::to_string), at)
}

/// The error libyaml gives when a block collection meets something that is
/// neither a key/entry nor a node where one is expected.
///
/// libyaml first closes the block collections indented deeper than the
/// line's first token, so the one that complains is the innermost block
/// collection starting at or left of that column.
fn block_expectation(open: &[Open], at: Pos, src: &str) -> Msg {
    // The line of the offending token: saphyr may point past it, at a blank
    // line or the end of the input.
    let lines: Vec<&str> = src.split('\n').collect();
    let mut l = at.line.min(lines.len()).max(1);
    while l > 1 && lines[l - 1].trim().is_empty() {
        l -= 1;
    }
    let first = lines
        .get(l - 1)
        .map_or(0, |t| t.chars().take_while(|c| *c == ' ').count())
        + 1;
    match open
        .iter()
        .rev()
        .find(|o| !o.flow && o.start.column <= first)
    {
        Some(o) if o.map && o.key_pending => msg(
            "did not find expected node content",
            Some("while parsing a block node"),
            at,
        ),
        Some(o) if o.map => msg(
            "did not find expected key",
            Some("while parsing a block mapping"),
            o.start,
        ),
        Some(o) => msg(
            "did not find expected '-' indicator",
            Some("while parsing a block collection"),
            o.start,
        ),
        None => msg(
            "did not find expected node content",
            Some("while parsing a block node"),
            at,
        ),
    }
}

/// The innermost collection written in flow style, and libyaml's error for it.
pub(crate) fn flow_expectation(open: &[Open], src: &str) -> Option<Msg> {
    let o = open.iter().rev().find(|o| o.flow)?;
    Some(if char_at(src, o.start) == Some('{') {
        msg(
            "did not find expected ',' or '}'",
            Some("while parsing a flow mapping"),
            o.start,
        )
    } else {
        msg(
            "did not find expected ',' or ']'",
            Some("while parsing a flow sequence"),
            o.start,
        )
    })
}

/// The outermost flow collection still open at `at`, by a rough scan of
/// the text (quotes and comments skipped), for errors raised before saphyr
/// reported the collection.
fn unclosed_flow(src: &str, at: Pos) -> Option<Msg> {
    let mut stack: Vec<(Pos, char)> = Vec::new();
    for (i, line) in src.split('\n').enumerate().take(at.line) {
        let mut quote: Option<char> = None;
        let mut prev = ' ';
        for (j, c) in line.chars().enumerate() {
            if i + 1 == at.line && j + 1 >= at.column {
                break;
            }
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') if !prev.is_alphanumeric() => quote = Some(c),
                (None, '#') if prev == ' ' || j == 0 => break,
                (None, '[' | '{') => stack.push((
                    Pos {
                        line: i + 1,
                        column: j + 1,
                    },
                    c,
                )),
                (None, ']' | '}') => {
                    stack.pop();
                }
                _ => {}
            }
            prev = c;
        }
    }
    let &(p, c) = stack.first()?;
    Some(if c == '{' {
        msg(
            "did not find expected ',' or '}'",
            Some("while parsing a flow mapping"),
            p,
        )
    } else {
        msg(
            "did not find expected ',' or ']'",
            Some("while parsing a flow sequence"),
            p,
        )
    })
}

/// Translate a parser error into Psych's `SyntaxError` (or `BadAlias`).
pub(crate) fn syntax_error(e: &ScanError, open: &[Open], src: &str) -> YamlError {
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
    let (problem, context, at) = translate(info, at, open, src);
    YamlError::new(
        ErrorKind::Syntax { problem, context },
        at.line,
        at.column,
        src,
    )
}

fn translate(info: &str, at: Pos, open: &[Open], src: &str) -> Msg {
    let top = Pos { line: 1, column: 1 };
    let (context, problem) = match info.split_once(", ") {
        Some((c, p)) if c.starts_with("while ") => (Some(c), p),
        _ => (None, info),
    };
    if problem.starts_with("unexpected character") {
        return msg(
            "found character that cannot start any token",
            Some("while scanning for the next token"),
            at,
        );
    }
    match (context, problem) {
        (Some("while parsing a block mapping" | "while parsing a block collection"), _) => {
            let o = open.iter().rev().find(|o| !o.flow).map_or(at, |o| o.start);
            msg(problem, context, o)
        }
        (Some("while parsing a flow sequence" | "while parsing a flow mapping"), _) => {
            flow_expectation(open, src).unwrap_or_else(|| msg(problem, context, at))
        }
        (Some("while parsing a node"), p) => {
            let c = if open.last().is_some_and(|o| o.flow) {
                "while parsing a flow node"
            } else {
                "while parsing a block node"
            };
            msg(p, Some(c), at)
        }
        (Some("while scanning an anchor or alias"), p) => {
            let c = if char_at(src, at) == Some('*') {
                "while scanning an alias"
            } else {
                "while scanning an anchor"
            };
            msg(p, Some(c), at)
        }
        (Some(c @ ("while parsing a quoted scalar" | "while scanning a quoted scalar")), p) => {
            let p = if p == "did not find expected hexadecimal number" {
                "did not find expected hexdecimal number"
            } else {
                p
            };
            msg(p, Some(c), quote_start(src, at).unwrap_or(at))
        }
        (None, "invalid indentation in quoted scalar") => msg(
            "found unexpected end of stream",
            Some("while scanning a quoted scalar"),
            quote_start(src, at).unwrap_or(at),
        ),
        (
            None,
            "illegal placement of ':' indicator"
            | "misplaced bracket"
            | "\"-\" is only valid inside a block",
        ) => flow_expectation(open, src)
            .or_else(|| unclosed_flow(src, at))
            .unwrap_or_else(|| block_expectation(open, at, src)),
        (None, "invalid trailing content after double-quoted scalar") => {
            // libyaml first trips over a character no token may start with.
            let line = src.split('\n').nth(at.line.saturating_sub(1)).unwrap_or("");
            let rest = line
                .chars()
                .enumerate()
                .skip(at.column.saturating_sub(1))
                .find(|(_, c)| *c != ' ');
            if let Some((i, '@' | '`')) = rest {
                let at = Pos {
                    line: at.line,
                    column: i + 1,
                };
                return msg(
                    "found character that cannot start any token",
                    Some("while scanning for the next token"),
                    at,
                );
            }
            let closed: Vec<Open> = open
                .iter()
                .map(|o| Open {
                    key_pending: false,
                    ..*o
                })
                .collect();
            block_expectation(&closed, at, src)
        }
        (None, p) if p.starts_with("tabs disallowed") => {
            let line = src.split('\n').nth(at.line.saturating_sub(1)).unwrap_or("");
            let col = line
                .chars()
                .position(|c| c == '\t')
                .map_or(at.column, |i| i + 1);
            msg(
                "found character that cannot start any token",
                Some("while scanning for the next token"),
                Pos {
                    line: at.line,
                    column: col,
                },
            )
        }
        (None, "simple key expect ':'" | "simple key expected") => simple_key_error(open, src, at),
        (Some("while scanning a plain scalar"), "found a tab") => msg(
            "found a tab character that violates indentation",
            context,
            at,
        ),
        (None, "invalid indentation in flow construct") => match open.iter().find(|o| o.flow) {
            Some(o) => flow_expectation(std::slice::from_ref(o), src)
                .unwrap_or_else(|| msg(problem, None, at)),
            None => msg(problem, None, at),
        },
        (Some(c), p)
            if c.starts_with("while scanning a directive")
                || c.starts_with("while scanning a YAML directive")
                || c == "while scanning TAG" =>
        {
            let c = match c {
                "while scanning TAG" => "while scanning a %TAG directive",
                "while scanning a YAML directive" => "while scanning a %YAML directive",
                c => c,
            };
            msg(
                p,
                Some(c),
                Pos {
                    line: at.line,
                    column: 1,
                },
            )
        }
        (None, "invalid indentation") => match open.iter().position(|o| o.flow) {
            // A flow collection opened where the block collection around it
            // wanted a key or entry: libyaml complains when it starts.
            Some(i) => block_expectation(&open[..i], open[i].start, src),
            // A flow collection opening a line is still a pending simple
            // key for saphyr, which complains only on the next line.
            None => {
                let lines: Vec<&str> = src.split('\n').collect();
                let prev = (1..at.line)
                    .rev()
                    .find(|&l| !lines.get(l - 1).is_none_or(|t| t.trim().is_empty()));
                let flow_line = prev.filter(|&l| lines[l - 1].trim_start().starts_with(['{', '[']));
                block_expectation(
                    open,
                    flow_line.map_or(at, |l| Pos { line: l, column: 1 }),
                    src,
                )
            }
        },
        (None, "the handle wasn't declared") => msg(
            "found undefined tag handle",
            Some("while parsing a node"),
            at,
        ),
        (
            None,
            "did not find expected <document-start>" | "did not find expected <document start>",
        ) => msg("did not find expected <document start>", None, top),
        (None, "duplicate version directive") => msg("found duplicate %YAML directive", None, top),
        (None, p) if p.starts_with("the TAG directive") => {
            msg("found duplicate %TAG directive", None, top)
        }
        _ => msg(problem, context, at),
    }
}

/// libyaml's "could not find expected ':'": a required simple key went
/// stale. The key is an open flow collection, or else the last line that
/// starts with plain text and has no `:` indicator.
fn simple_key_error(open: &[Open], src: &str, at: Pos) -> Msg {
    let key = |p| {
        msg(
            "could not find expected ':'",
            Some("while scanning a simple key"),
            p,
        )
    };
    if let Some(o) = open.iter().find(|o| o.flow) {
        return key(o.start);
    }
    // libyaml complains when the first of the unfinished keys goes stale:
    // the topmost of the candidate lines just above the error.
    let lines: Vec<&str> = src.split('\n').collect();
    let mut found: Vec<(Pos, bool)> = Vec::new();
    for l in (1..=at.line.min(lines.len())).rev() {
        let text = lines[l - 1].trim_end_matches('\r');
        let trimmed = text.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let is_entry = trimmed == "-"
            || trimmed.starts_with("- ")
            || trimmed.starts_with("? ")
            || trimmed == "?";
        let has_indicator = trimmed.contains(": ") || trimmed.ends_with(':');
        let flow_key = trimmed.starts_with(['[', '{']);
        if is_entry || (has_indicator && !flow_key) {
            if !found.is_empty() {
                break;
            }
            continue;
        }
        let p = Pos {
            line: l,
            column: text.chars().count() - trimmed.chars().count() + 1,
        };
        found.push((p, trimmed.starts_with(['>', '|'])));
    }
    // More indented candidates continue a multi-line plain scalar.
    let least = found.iter().map(|(p, _)| p.column).min();
    let found = found
        .into_iter()
        .rev()
        .find(|(p, _)| Some(p.column) == least);
    match found {
        Some((p, true)) => block_expectation(open, p, src),
        Some((p, false)) => key(p),
        None => key(at),
    }
}

/// The opening quote of the quoted scalar that contains `at`: the last
/// unescaped quote character at or before it.
pub(crate) fn quote_start(src: &str, at: Pos) -> Option<Pos> {
    let lines: Vec<&str> = src.split('\n').collect();
    let mut line = at.line.min(lines.len()).max(1);
    let mut limit = Some(at.column);
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
