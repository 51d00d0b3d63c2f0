//! The entry point, and the places where libyaml accepts what
//! `saphyr-parser` (a YAML 1.2 parser) rejects.
//!
//! Rather than fork the parser, [`load`] parses, and when saphyr stops at
//! something libyaml would have read on, patches the text the way libyaml
//! reads it and parses again: a tab after a mapping's `:` becomes a space;
//! a plain scalar inside a flow collection indented too little is indented;
//! a continuation line of a quoted scalar indented less than its mapping is
//! indented (libyaml does not check); an alias to an unknown anchor becomes
//! a quoted scalar so a later syntax error still wins (Psych parses the whole
//! document before it resolves aliases). Columns reported on an indented
//! line are shifted back.

use std::borrow::Cow;

use crate::error::{ErrorKind, YamlError};
use crate::loader::{byte_index, tab_after_colon, LoadOptions, Loader};
use crate::value::{Node, Pos};

/// Why a parse stopped early.
pub(crate) enum Retry {
    /// Replace `len` bytes at `index` with `with` (edits in ascending
    /// order); `shifts` records inserted spaces (line, after column, count).
    Replace {
        edits: Vec<(usize, usize, String)>,
        shifts: Vec<(usize, usize, usize)>,
        fallback: Box<YamlError>,
    },
    /// An alias to an undefined anchor at byte `index`.
    BadAlias { at: Pos, name: String, index: usize },
    /// A real error.
    Fail(Box<YamlError>),
}

impl From<YamlError> for Retry {
    fn from(e: YamlError) -> Retry {
        Retry::Fail(Box::new(e))
    }
}

fn syntax(problem: &str, context: &str, at: Pos, src: &str) -> Retry {
    let kind = ErrorKind::Syntax {
        problem: problem.into(),
        context: Some(context.into()),
    };
    Retry::Fail(Box::new(YamlError::new(kind, at.line, at.column, src)))
}

/// Is saphyr's error one libyaml would not raise (or would raise differently)?
pub(crate) fn lenient_retry(
    info: &str,
    at: Pos,
    src: &str,
    fallback: Box<YamlError>,
) -> Option<Retry> {
    match info {
        "':' must be followed by a valid YAML whitespace" => {
            let index = tab_after_colon(src, at)?;
            Some(Retry::Replace {
                edits: vec![(index, 1, " ".into())],
                shifts: Vec::new(),
                fallback,
            })
        }
        "invalid indentation in quoted scalar" => {
            let (edits, shifts) = reindent_quoted(src, at)?;
            Some(Retry::Replace {
                edits,
                shifts,
                fallback,
            })
        }
        // libyaml does not check indentation inside a flow collection
        // (`tools: [a,` then `b]` at column 0); saphyr wants a plain scalar
        // there indented past the block collection around it. One more space
        // per retry until it is: the index moves, so it is never the same patch.
        "invalid indentation in flow construct" => {
            let index = byte_index(src, at)?;
            Some(Retry::Replace {
                edits: vec![(index, 0, " ".into())],
                shifts: vec![(at.line, at.column - 1, 1)],
                fallback,
            })
        }
        // The same for a quoted scalar, for which saphyr says only "invalid
        // indentation": patched when it opens a line inside a flow collection.
        "invalid indentation" => {
            let index = byte_index(src, at)?;
            let line_start = src[..index].rfind('\n').map_or(0, |i| i + 1);
            let opens_line = src[line_start..index].bytes().all(|b| b == b' ');
            let quoted = src[index..].starts_with(['"', '\'']);
            (opens_line && quoted && in_flow_collection(&src[..index])).then(|| Retry::Replace {
                edits: vec![(index, 0, " ".into())],
                shifts: vec![(at.line, at.column - 1, 1)],
                fallback,
            })
        }
        // Inside a quoted scalar libyaml takes tabs before a continuation
        // line as whitespace; they are dropped by line folding anyway.
        "tab cannot be used as indentation" => {
            let start = byte_index(
                src,
                Pos {
                    line: at.line,
                    column: 1,
                },
            )?;
            let lead = src[start..]
                .bytes()
                .take_while(|b| *b == b'\t' || *b == b' ')
                .count();
            let edits = src[start..start + lead]
                .bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\t')
                .map(|(i, _)| (start + i, 1, " ".to_string()))
                .collect();
            Some(Retry::Replace {
                edits,
                shifts: Vec::new(),
                fallback,
            })
        }
        // libyaml lets a comment follow a quoted scalar or flow indicator
        // directly (`"x"# note`).
        "comments must be separated from other tokens by whitespace" => {
            let index = byte_index(src, at)?;
            src[index..].starts_with('#').then(|| Retry::Replace {
                edits: vec![(index, 0, " ".into())],
                shifts: vec![(at.line, at.column - 1, 1)],
                fallback,
            })
        }
        "while parsing node, found unknown anchor" => {
            let index = byte_index(src, at)?;
            let after = src[index..].strip_prefix('*')?;
            let name: String = after
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                .collect();
            let next = after[name.len()..].chars().next();
            let ends_ok = next.is_none_or(|c| c.is_whitespace() || "?:,]}%@`".contains(c));
            if name.is_empty() || !ends_ok {
                return Some(syntax(
                    "did not find expected alphabetic or numeric character",
                    "while scanning an alias",
                    at,
                    src,
                ));
            }
            Some(Retry::BadAlias { at, name, index })
        }
        _ => None,
    }
}

/// Whether `text` (a document up to some point) ends inside an unclosed flow
/// collection: brackets are counted outside quoted scalars and comments.
fn in_flow_collection(text: &str) -> bool {
    let mut depth = 0usize;
    let mut chars = text.chars().peekable();
    let mut prev = '\n';
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                while let Some(q) = chars.next() {
                    match q {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        _ => {}
                    }
                }
            }
            '\'' if depth > 0 || matches!(prev, ' ' | '\n' | ':' | '-' | ',') => {
                while let Some(q) = chars.next() {
                    if q == '\'' {
                        if chars.peek() == Some(&'\'') {
                            chars.next();
                        } else {
                            break;
                        }
                    }
                }
            }
            '#' if matches!(prev, ' ' | '\t' | '\n') => {
                for q in chars.by_ref() {
                    if q == '\n' {
                        break;
                    }
                }
                prev = '\n';
                continue;
            }
            '[' | '{' => depth += 1,
            ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        prev = c;
    }
    depth > 0
}

/// Indent the continuation lines of the quoted scalar opening at `quote`
/// past its line's indentation, which saphyr requires and libyaml does not.
#[allow(clippy::type_complexity)]
fn reindent_quoted(
    src: &str,
    quote: Pos,
) -> Option<(Vec<(usize, usize, String)>, Vec<(usize, usize, usize)>)> {
    let start = byte_index(src, quote)?;
    let line_start = byte_index(
        src,
        Pos {
            line: quote.line,
            column: 1,
        },
    )?;
    let need = src[line_start..].chars().take_while(|c| *c == ' ').count() + 1;
    let q = src[start..].chars().next()?;
    let (mut edits, mut shifts) = (Vec::new(), Vec::new());
    let mut line = quote.line;
    let mut chars = src[start..].char_indices().skip(1).peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' if q == '"' => {
                chars.next();
            }
            '\'' if q == '\'' && chars.peek().map(|x| x.1) == Some('\'') => {
                chars.next();
            }
            c if c == q => break,
            '\n' => {
                line += 1;
                let rest = &src[start + i + 1..];
                let lead = rest.chars().take_while(|c| *c == ' ').count();
                let blank = rest[lead..].starts_with(['\n', '\r']) || rest[lead..].is_empty();
                let marker = rest.starts_with("---") || rest.starts_with("...");
                if lead < need && !blank && !marker {
                    edits.push((start + i + 1, 0, " ".repeat(need - lead)));
                    shifts.push((line, 0, need - lead));
                }
            }
            _ => {}
        }
    }
    Some((edits, shifts))
}

/// libyaml does not skip a tab where a block token may start: at the start
/// of a line, or after a `- ` or `? ` indicator ("found character that
/// cannot start any token"); saphyr does. Lines inside multi-line scalars
/// and flow collections are `protected`. Blank lines are checked only
/// before the first token.
pub(crate) fn leading_tab_error(
    src: &str,
    protected: &[(usize, usize)],
    last_line: usize,
) -> Option<YamlError> {
    let mut is_protected = vec![false; src.len() + 2];
    for &(a, b) in protected {
        for flag in is_protected
            .iter_mut()
            .take(b.saturating_add(1).min(src.len() + 2))
            .skip(a)
        {
            *flag = true;
        }
    }
    let mut seen_content = false;
    for (i, raw) in src.split('\n').enumerate() {
        let line = i + 1;
        if line > last_line && seen_content {
            break;
        }
        if is_protected[line] {
            continue;
        }
        let text = raw.trim_end_matches('\r');
        let blank = text.trim().is_empty();
        // Before the first token, even a blank line's tab is refused.
        if blank && !seen_content {
            if let Some(col) = text.find('\t') {
                let kind = ErrorKind::Syntax {
                    problem: "found character that cannot start any token".into(),
                    context: Some("while scanning for the next token".into()),
                };
                return Some(YamlError::new(
                    kind,
                    line,
                    text[..col].chars().count() + 1,
                    src,
                ));
            }
        }
        seen_content |= !blank && !text.trim_start().starts_with('#');
        let mut chars = text.char_indices().peekable();
        let mut at_token_start = true;
        while let Some(&(_, c)) = chars.peek() {
            match c {
                ' ' => {
                    chars.next();
                }
                '\t' if at_token_start => {
                    let (col, _) = chars.next()?;
                    let rest = text[col..].trim_start_matches([' ', '\t']);
                    if rest.is_empty() {
                        break;
                    }
                    let column = text[..col].chars().count() + 1;
                    let kind = ErrorKind::Syntax {
                        problem: "found character that cannot start any token".into(),
                        context: Some("while scanning for the next token".into()),
                    };
                    return Some(YamlError::new(kind, line, column, src));
                }
                '-' | '?' => {
                    chars.next();
                    match chars.peek() {
                        Some(&(_, ' ' | '\t')) => at_token_start = true,
                        _ => break,
                    }
                }
                _ => break,
            }
        }
    }
    None
}

/// A stream that starts with `...` is an error in libyaml.
fn leading_document_end(src: &str) -> Option<Pos> {
    for (i, line) in src.split('\n').enumerate() {
        let t = line.trim_end_matches('\r');
        if t.trim().is_empty() || t.trim_start().starts_with('#') {
            continue;
        }
        let rest = t.strip_prefix("...")?;
        return (rest.is_empty() || rest.starts_with([' ', '\t'])).then_some(Pos {
            line: i + 1,
            column: 1,
        });
    }
    None
}

/// Load the first document of `src` as Jekyll does
/// (`Psych.safe_load(src, permitted_classes: [Date, Time], aliases: true)`).
/// An empty stream or empty document gives `Yaml::Null` (Ruby `nil`).
pub fn load(src: &str, opts: &LoadOptions<'_>) -> Result<Node, YamlError> {
    // A substring search rather than a walk over every character: this runs
    // for all front matter and data.
    let after_first = src.strip_prefix('\u{feff}').unwrap_or(src);
    if after_first.contains('\u{feff}') {
        return crate::bom::load_with_boms(src, opts, load_bom_free);
    }
    load_bom_free(src, opts)
}

/// [`load`] for a text with no byte order mark past its first character.
fn load_bom_free(src: &str, opts: &LoadOptions<'_>) -> Result<Node, YamlError> {
    match src.strip_prefix('\u{feff}') {
        // libyaml counts the byte order mark as a column of line 1.
        Some(rest) => load_text(rest, opts).map_err(|mut e| {
            if e.line == 1 && matches!(e.kind, ErrorKind::Syntax { .. }) {
                e.column += 1;
            }
            e
        }),
        None => load_text(src, opts),
    }
}

/// libyaml's reader refuses non-printable characters anywhere in the input
/// (reported at 1:1, where Psych's context mark stays).
fn control_character(src: &str) -> Option<YamlError> {
    let printable = |c: char| matches!(c, '\t' | '\n' | '\r' | '\u{85}' | ' '..='\u{7e}' | '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..);
    src.chars().any(|c| !printable(c)).then(|| {
        let kind = ErrorKind::Syntax {
            problem: "control characters are not allowed".into(),
            context: None,
        };
        YamlError::new(kind, 1, 1, src)
    })
}

fn load_text(src: &str, opts: &LoadOptions<'_>) -> Result<Node, YamlError> {
    if let Some(node) = crate::flat::load(src, opts) {
        return Ok(node);
    }
    if let Some(e) = control_character(src) {
        return Err(e);
    }
    if let Some(at) = leading_document_end(src) {
        let kind = ErrorKind::Syntax {
            problem: "did not find expected node content".into(),
            context: Some("while parsing a block node".into()),
        };
        return Err(YamlError::new(kind, at.line, at.column, src));
    }
    let mut text: Cow<'_, str> = Cow::Borrowed(src);
    let mut shifts: Vec<(usize, usize, usize)> = Vec::new();
    let mut bad_alias: Option<YamlError> = None;
    let mut patched_at = std::collections::HashSet::new();
    // Each retry reparses; files needing many patches (a tab after every
    // colon) are rare and small.
    for _ in 0..100_000 {
        let result = Loader::new(&text, opts).run();
        let fail = match result {
            Ok(node) => return bad_alias.map_or(Ok(node), Err),
            Err(Retry::Replace {
                edits,
                shifts: more,
                fallback,
            }) => {
                // The same patch twice means it did not help: report the error.
                if edits.is_empty() || !patched_at.insert(edits[0].0) {
                    fallback
                } else {
                    for (index, len, with) in edits.into_iter().rev() {
                        text.to_mut().replace_range(index..index + len, &with);
                    }
                    shifts.extend(more);
                    continue;
                }
            }
            Err(Retry::BadAlias { at, name, index }) => {
                let width = name.len() + 1;
                let quoted = if width >= 2 {
                    format!("'{}'", &name[..width - 2])
                } else {
                    "x".into()
                };
                if bad_alias.is_none() {
                    let at = unshift(at, &shifts);
                    bad_alias = Some(YamlError::new(
                        ErrorKind::BadAlias(name),
                        at.line,
                        at.column,
                        src,
                    ));
                }
                // A quoted scalar of the same width: like the alias, it
                // does not run on into the following words.
                text.to_mut().replace_range(index..index + width, &quoted);
                continue;
            }
            Err(Retry::Fail(e)) => e,
        };
        let at = unshift(
            Pos {
                line: fail.line,
                column: fail.column,
            },
            &shifts,
        );
        let fail = YamlError::new(fail.kind, at.line, at.column, src);
        if let Some(b) = bad_alias {
            if !matches!(fail.kind, ErrorKind::Syntax { .. })
                && (b.line, b.column) < (fail.line, fail.column)
            {
                return Err(b);
            }
        }
        return Err(fail);
    }
    Err(YamlError::new(ErrorKind::TooLarge, 1, 1, src))
}

fn unshift(mut at: Pos, shifts: &[(usize, usize, usize)]) -> Pos {
    for &(line, after, n) in shifts.iter().rev() {
        if at.line == line && at.column > after + n {
            at.column -= n;
        }
    }
    at
}
