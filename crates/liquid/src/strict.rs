//! The strict parser for `{{ }}` markup, `if` conditions and `for` headers.
//!
//! In `warn` mode Ruby Liquid tries the strict grammar first and falls back
//! to the lax one (recording a warning) only when it fails. The two can read
//! valid-looking markup differently (`a==b` is a comparison strictly but a
//! lookup laxly), so both exist here.

use crate::condition::{Condition, Operand};
use crate::engine::ErrorMode;
use crate::error::Error;
use crate::expr::Variable;
use crate::parser::Parser;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum K {
    Comparison,
    Str,
    Num,
    Id,
    DotDot,
    Pipe,
    Dot,
    Colon,
    Comma,
    OpenSquare,
    CloseSquare,
    OpenRound,
    CloseRound,
    Question,
    Dash,
    End,
}

impl K {
    fn name(self) -> &'static str {
        match self {
            K::Comparison => "comparison",
            K::Str => "string",
            K::Num => "number",
            K::Id => "id",
            K::DotDot => "dotdot",
            K::Pipe => "pipe",
            K::Dot => "dot",
            K::Colon => "colon",
            K::Comma => "comma",
            K::OpenSquare => "open_square",
            K::CloseSquare => "close_square",
            K::OpenRound => "open_round",
            K::CloseRound => "close_round",
            K::Question => "question",
            K::Dash => "dash",
            K::End => "end_of_string",
        }
    }
}

fn lex(src: &str) -> Result<Vec<(K, &str)>, String> {
    let s = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    loop {
        i = crate::lex::skip_space(s, i);
        if i >= s.len() {
            break;
        }
        let rest = &s[i..];
        let start = i;
        let kind = if rest.starts_with(b"==") || rest.starts_with(b"!=") || rest.starts_with(b"<>")
        {
            i += 2;
            K::Comparison
        } else if rest[0] == b'<' || rest[0] == b'>' {
            i += if rest.get(1) == Some(&b'=') { 2 } else { 1 };
            K::Comparison
        } else if rest.starts_with(b"contains")
            && rest.get(8).is_some_and(|&b| crate::lex::is_space(b))
        {
            i += 8;
            K::Comparison
        } else if rest[0] == b'\'' || rest[0] == b'"' {
            match crate::lex::quoted_string_at(s, i) {
                Some(e) => {
                    i = e;
                    K::Str
                }
                None => return Err(format!("Unexpected character {}", rest[0] as char)),
            }
        } else if let Some(e) = number_at(s, i) {
            i = e;
            K::Num
        } else if rest[0].is_ascii_alphabetic() || rest[0] == b'_' {
            i += 1;
            while i < s.len() && (crate::lex::is_word(s[i]) || s[i] == b'-') {
                i += 1;
            }
            if s.get(i) == Some(&b'?') {
                i += 1;
            }
            K::Id
        } else if rest.starts_with(b"..") {
            i += 2;
            K::DotDot
        } else {
            let k = match rest[0] {
                b'|' => K::Pipe,
                b'.' => K::Dot,
                b':' => K::Colon,
                b',' => K::Comma,
                b'[' => K::OpenSquare,
                b']' => K::CloseSquare,
                b'(' => K::OpenRound,
                b')' => K::CloseRound,
                b'?' => K::Question,
                b'-' => K::Dash,
                _ => {
                    let c = src[i..].chars().next().unwrap_or('?');
                    return Err(format!("Unexpected character {c}"));
                }
            };
            i += 1;
            k
        };
        out.push((kind, &src[start..i]));
    }
    out.push((K::End, ""));
    Ok(out)
}

/// `-?\d+(\.\d+)?`
fn number_at(s: &[u8], i: usize) -> Option<usize> {
    let mut j = i;
    if s.get(j) == Some(&b'-') {
        j += 1;
    }
    let d = j;
    while j < s.len() && s[j].is_ascii_digit() {
        j += 1;
    }
    if j == d {
        return None;
    }
    if s.get(j) == Some(&b'.') && s.get(j + 1).is_some_and(u8::is_ascii_digit) {
        j += 1;
        while j < s.len() && s[j].is_ascii_digit() {
            j += 1;
        }
    }
    Some(j)
}

struct P<'a> {
    toks: Vec<(K, &'a str)>,
    p: usize,
    depth: usize,
}

impl<'a> P<'a> {
    fn new(src: &'a str) -> Result<P<'a>, String> {
        Ok(P {
            toks: lex(src)?,
            p: 0,
            depth: 0,
        })
    }

    fn kind(&self, ahead: usize) -> Option<K> {
        self.toks.get(self.p + ahead).map(|t| t.0)
    }

    fn look(&self, k: K) -> bool {
        self.kind(0) == Some(k)
    }

    fn consume(&mut self, k: K) -> Result<&'a str, String> {
        match self.toks.get(self.p) {
            Some(&(kind, text)) if kind == k => {
                self.p += 1;
                Ok(text)
            }
            Some(&(kind, _)) => Err(format!("Expected {} but found {}", k.name(), kind.name())),
            None => Err(format!("Expected {} but found nil", k.name())),
        }
    }

    fn consume_any(&mut self) -> &'a str {
        let t = self.toks.get(self.p).map_or("", |t| t.1);
        self.p += 1;
        t
    }

    fn try_consume(&mut self, k: K) -> Option<&'a str> {
        if self.look(k) {
            Some(self.consume_any())
        } else {
            None
        }
    }

    fn id(&mut self, word: &str) -> bool {
        match self.toks.get(self.p) {
            Some(&(K::Id, t)) if t == word => {
                self.p += 1;
                true
            }
            _ => false,
        }
    }

    fn expression(&mut self) -> Result<String, String> {
        if self.depth > 50 {
            return Err("Nesting too deep".into());
        }
        self.depth += 1;
        let r = self.expression_inner();
        self.depth -= 1;
        r
    }

    fn expression_inner(&mut self) -> Result<String, String> {
        let Some(&(kind, text)) = self.toks.get(self.p) else {
            return Err("nil is not a valid expression".into());
        };
        match kind {
            K::Id => {
                self.p += 1;
                let mut s = text.to_string();
                s.push_str(&self.lookups()?);
                Ok(s)
            }
            K::OpenSquare => {
                self.p += 1;
                let mut s = String::from("[");
                s.push_str(&self.expression()?);
                s.push_str(self.consume(K::CloseSquare)?);
                s.push_str(&self.lookups()?);
                Ok(s)
            }
            K::Str | K::Num => {
                self.p += 1;
                Ok(text.to_string())
            }
            K::OpenRound => {
                self.p += 1;
                let first = self.expression()?;
                self.consume(K::DotDot)?;
                let last = self.expression()?;
                self.consume(K::CloseRound)?;
                Ok(format!("({first}..{last})"))
            }
            K::End => Err("[:end_of_string] is not a valid expression".into()),
            k => Err(format!(
                "[:{}, {:?}] is not a valid expression",
                k.name(),
                text
            )),
        }
    }

    fn lookups(&mut self) -> Result<String, String> {
        let mut s = String::new();
        loop {
            if self.look(K::OpenSquare) {
                s.push_str(self.consume_any());
                s.push_str(&self.expression()?);
                s.push_str(self.consume(K::CloseSquare)?);
            } else if self.look(K::Dot) {
                s.push_str(self.consume_any());
                s.push_str(self.consume(K::Id)?);
            } else {
                return Ok(s);
            }
        }
    }

    fn argument(&mut self) -> Result<String, String> {
        let mut s = String::new();
        if self.look(K::Id) && self.kind(1) == Some(K::Colon) {
            s.push_str(self.consume_any());
            s.push_str(self.consume_any());
            s.push(' ');
        }
        s.push_str(&self.expression()?);
        Ok(s)
    }
}

/// Output markup: strict first, then lax with a warning (per error mode).
pub(crate) fn variable(p: &mut Parser<'_>, markup: &str, offset: usize) -> Result<Variable, Error> {
    // Ruby parses output markup strictly first in every mode; lax mode only
    // skips the warning when it falls back.
    let mode = p.engine.error_mode();
    match strict_variable(markup) {
        Ok((expr, filters)) => Ok(Variable::from_parts(expr.as_deref(), &filters, p.engine)),
        Err(msg) => {
            let msg = format!("{msg} in \"{{{{{markup}}}}}\"");
            match mode {
                ErrorMode::Strict => return Err(p.error_at(Error::syntax(msg), offset)),
                ErrorMode::Warn => p.warn(msg, offset),
                ErrorMode::Lax => {}
            }
            Ok(Variable::parse(markup, p.engine))
        }
    }
}

type Filters = Vec<(String, Vec<String>)>;

fn strict_variable(markup: &str) -> Result<(Option<String>, Filters), String> {
    let mut p = P::new(markup)?;
    if p.look(K::End) {
        return Ok((None, Vec::new()));
    }
    let expr = p.expression()?;
    let mut filters = Vec::new();
    while p.try_consume(K::Pipe).is_some() {
        let name = p.consume(K::Id)?.to_string();
        let mut args = Vec::new();
        if p.try_consume(K::Colon).is_some() {
            args.push(p.argument()?);
            while p.try_consume(K::Comma).is_some() {
                args.push(p.argument()?);
            }
        }
        filters.push((name, args));
    }
    p.consume(K::End)?;
    Ok((Some(expr), filters))
}

/// An `if`/`elsif`/`unless` condition: strict first, then lax.
pub(crate) fn condition(
    p: &mut Parser<'_>,
    markup: &str,
    offset: usize,
) -> Result<Condition, Error> {
    let mode = p.engine.error_mode();
    if mode == ErrorMode::Lax {
        return Condition::parse(markup);
    }
    match strict_condition(markup) {
        Ok(c) => Ok(c),
        Err(msg) => {
            let msg = format!("{msg} in \"{}\"", markup.trim());
            if mode == ErrorMode::Strict {
                return Err(p.error_at(Error::syntax(msg), offset));
            }
            p.warn(msg, offset);
            Condition::parse(markup)
        }
    }
}

fn strict_condition(markup: &str) -> Result<Condition, String> {
    let mut p = P::new(markup)?;
    let mut chain = Vec::new();
    loop {
        let left = p.expression()?;
        let (op, right) = match p.try_consume(K::Comparison) {
            Some(op) => (Some(op.to_string()), Some(p.expression()?)),
            None => (None, None),
        };
        let rel = if p.id("and") {
            Some(true)
        } else if p.id("or") {
            Some(false)
        } else {
            None
        };
        chain.push((
            Operand::parse(Some(&left)),
            op,
            Operand::parse(right.as_deref()),
            rel,
        ));
        if rel.is_none() {
            break;
        }
    }
    p.consume(K::End)?;
    Ok(Condition::from_chain(chain))
}

/// A parsed `for`/`tablerow` header.
pub(crate) struct ForHeader {
    pub(crate) var: String,
    pub(crate) collection: String,
    pub(crate) reversed: bool,
    pub(crate) attrs: Vec<(String, String)>,
}

/// The `for` header: strict first, then lax (`None` means the lax parser
/// should run).
pub(crate) fn for_header(
    p: &mut Parser<'_>,
    markup: &str,
    offset: usize,
) -> Result<Option<ForHeader>, Error> {
    let mode = p.engine.error_mode();
    if mode == ErrorMode::Lax {
        return Ok(None);
    }
    match strict_for(markup) {
        Ok(h) => Ok(Some(h)),
        Err(msg) => {
            let msg = format!("{msg} in \"{}\"", markup.trim());
            if mode == ErrorMode::Strict {
                return Err(p.error_at(Error::syntax(msg), offset));
            }
            p.warn(msg, offset);
            Ok(None)
        }
    }
}

fn strict_for(markup: &str) -> Result<ForHeader, String> {
    let mut p = P::new(markup)?;
    let var = p.consume(K::Id)?.to_string();
    if !p.id("in") {
        return Err("For loops require an 'in' clause".into());
    }
    let collection = p.expression()?;
    let reversed = p.id("reversed");
    let mut attrs = Vec::new();
    while p.look(K::Id) && p.kind(1) == Some(K::Colon) {
        let attr = if p.id("limit") {
            "limit"
        } else if p.id("offset") {
            "offset"
        } else {
            return Err(
                "Invalid attribute in for loop. Valid attributes are limit and offset".into(),
            );
        };
        p.consume_any();
        attrs.push((attr.to_string(), p.expression()?));
    }
    p.consume(K::End)?;
    Ok(ForHeader {
        var,
        collection,
        reversed,
        attrs,
    })
}
