//! libyaml's token-level rules that `saphyr-parser` does not enforce,
//! checked by the loader against the source text: anchor names, where a
//! tab may stand (block scalar indentation), empty implicit keys, and `%`
//! directives in column 1. Also the loader's O(1) position helpers.

use crate::error::{ErrorKind, YamlError};
use crate::loader::{Body, Loader};
use crate::value::Pos;

impl<'s> Loader<'s, '_> {
    pub(crate) fn byte_at(&self, at: Pos) -> Option<usize> {
        let start = *self.line_starts.get(at.line.checked_sub(1)?)?;
        let line = &self.src[start..];
        let line = &line[..line.find('\n').unwrap_or(line.len())];
        line.char_indices()
            .nth(at.column.checked_sub(1)?)
            .map(|(b, _)| start + b)
    }

    pub(crate) fn pos_of(&self, byte: usize) -> Pos {
        let line = self.line_starts.partition_point(|&s| s <= byte);
        let start = self.line_starts[line.saturating_sub(1)];
        Pos {
            line,
            column: self.src[start..byte].chars().count() + 1,
        }
    }

    /// Skip a node's anchor and tag (checking the anchor name as libyaml
    /// does) and return where its content starts.
    pub(crate) fn properties(&self, at: Pos) -> Result<Pos, YamlError> {
        let Some(mut b) = self.byte_at(at) else {
            return Ok(at);
        };
        let bytes = self.src.as_bytes();
        while b < bytes.len() && (bytes[b] == b'&' || bytes[b] == b'!') {
            let token = b;
            b += 1;
            let name_start = b;
            while b < bytes.len() && !matches!(bytes[b], b' ' | b'\t' | b'\r' | b'\n') {
                if bytes[token] == b'&'
                    && !(bytes[b].is_ascii_alphanumeric() || bytes[b] == b'_' || bytes[b] == b'-')
                {
                    break;
                }
                b += 1;
            }
            if bytes[token] == b'&' {
                let ends_ok = b >= bytes.len() || b" \t\r\n?:,]}%@`".contains(&bytes[b]);
                if b == name_start || !ends_ok {
                    let kind = ErrorKind::Syntax {
                        problem: "did not find expected alphabetic or numeric character".into(),
                        context: Some("while scanning an anchor".into()),
                    };
                    return Err(self.err(kind, self.pos_of(token)));
                }
            }
            while b < bytes.len() && matches!(bytes[b], b' ' | b'\t' | b'\r' | b'\n') {
                b += 1;
            }
        }
        Ok(self.pos_of(b))
    }

    /// The text of 1-based line `l`, without its line break.
    pub(crate) fn line_text(&self, l: usize) -> Option<&'s str> {
        let start = *self.line_starts.get(l.checked_sub(1)?)?;
        let rest = &self.src[start..];
        Some(&rest[..rest.find('\n').unwrap_or(rest.len())])
    }

    pub(crate) fn char_at(&self, at: Pos) -> Option<char> {
        self.src[self.byte_at(at)?..].chars().next()
    }

    /// libyaml refuses a tab where a block scalar's indentation spaces are
    /// expected: right after the spaces of the first line when the
    /// indentation is detected, or within the indentation of a later line.
    pub(crate) fn block_scalar_tabs(&self, content: Pos) -> Result<(), YamlError> {
        // Only the few lines above the content can hold the indicator.
        let Some((ind_line, ind_col, explicit)) = (content.line.saturating_sub(64).max(1)
            ..content.line)
            .rev()
            .find_map(|l| {
                let text = self.line_text(l)?.trim_end_matches('\r');
                let head = text.split(" #").next().unwrap_or(text).trim_end();
                let i = head.rfind(['|', '>'])?;
                let tail = &head[i + 1..];
                tail.chars()
                    .all(|c| matches!(c, '-' | '+' | '0'..='9'))
                    .then(|| {
                        (
                            l,
                            head[..i].chars().count() + 1,
                            tail.chars().any(|c| c.is_ascii_digit()),
                        )
                    })
            })
        else {
            return Ok(());
        };
        let indent = content.column - 1;
        let tab_error = || {
            let kind = ErrorKind::Syntax {
                problem: "found a tab character where an indentation space is expected".into(),
                context: Some("while scanning a block scalar".into()),
            };
            Err(self.err(
                kind,
                Pos {
                    line: ind_line,
                    column: ind_col,
                },
            ))
        };
        if !explicit && self.char_at(content) == Some('\t') {
            return tab_error();
        }
        for l in content.line + 1..=self.line_starts.len() {
            let text = self.line_text(l).unwrap_or("").trim_end_matches('\r');
            let spaces = text.chars().take_while(|c| *c == ' ').count();
            if spaces >= indent {
                continue;
            }
            match text[spaces..].chars().next() {
                Some('\t') => return tab_error(),
                None => continue,
                Some(_) => break,
            }
        }
        Ok(())
    }

    /// libyaml has no implicit empty key: `: value` in a block mapping is
    /// "did not find expected key" (an explicit `? ` key may be empty).
    pub(crate) fn check_empty_key(&self, at: Pos) -> Result<(), YamlError> {
        let Some(f) = self.frames.last() else {
            return Ok(());
        };
        let is_key = matches!(f.body, Body::Map { key: None, .. });
        let at_colon = self.char_at(at) == Some(':');
        if f.flow || !is_key || !at_colon {
            return Ok(());
        }
        let before = self.byte_at(at).map_or("", |i| &self.src[..i]);
        if before.trim_end().ends_with('?') {
            return Ok(());
        }
        let kind = ErrorKind::Syntax {
            problem: "did not find expected key".into(),
            context: Some("while parsing a block mapping".into()),
        };
        Err(self.err(kind, f.start))
    }
}

/// libyaml's error for a `%` line that is not a valid directive.
pub(crate) fn directive_error(src: &str, at: Pos) -> YamlError {
    let line = src.split('\n').nth(at.line - 1).unwrap_or("");
    let name: String = line[1..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
        .collect();
    let problem = if name.is_empty() {
        "could not find expected directive name"
    } else {
        "found unexpected non-alphabetical character"
    };
    let kind = ErrorKind::Syntax {
        problem: problem.into(),
        context: Some("while scanning a directive".into()),
    };
    YamlError::new(kind, at.line, 1, src)
}
