//! The strict syntax check Jekyll's `where_exp` and `find_exp` apply to
//! their condition: Liquid 5.4's strict lexer and parser
//! (`Liquid::Parser#expression`), comparisons joined by `and`/`or`, then the
//! end of the string. Bad syntax is a `Liquid::SyntaxError` with Liquid's
//! wording.

use hyde_liquid::Error;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Tok {
    Comparison(String),
    Str(String),
    Number(String),
    Id(String),
    DotDot,
    Special(&'static str, char),
    End,
}

impl Tok {
    /// The token's type as Liquid names it (`id`, `end_of_string`…).
    fn kind(&self) -> &'static str {
        match self {
            Tok::Comparison(_) => "comparison",
            Tok::Str(_) => "string",
            Tok::Number(_) => "number",
            Tok::Id(_) => "id",
            Tok::DotDot => "dotdot",
            Tok::Special(kind, _) => kind,
            Tok::End => "end_of_string",
        }
    }

    /// Ruby's `inspect` of the token array (`[:id, "x"]`, `[:end_of_string]`).
    fn inspect(&self) -> String {
        let text = match self {
            Tok::Comparison(t) | Tok::Str(t) | Tok::Number(t) | Tok::Id(t) => t.clone(),
            Tok::DotDot => "..".to_owned(),
            Tok::Special(_, c) => c.to_string(),
            Tok::End => return "[:end_of_string]".to_owned(),
        };
        format!(
            "[:{}, {}]",
            self.kind(),
            hyde_liquid::value::inspect(&hyde_liquid::Value::str(text.as_str()))
        )
    }
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r')
}

fn special(c: char) -> Option<&'static str> {
    Some(match c {
        '|' => "pipe",
        '.' => "dot",
        ':' => "colon",
        ',' => "comma",
        '[' => "open_square",
        ']' => "close_square",
        '(' => "open_round",
        ')' => "close_round",
        '?' => "question",
        '-' => "dash",
        _ => return None,
    })
}

fn tokenize(input: &str) -> Result<Vec<Tok>, Error> {
    let s = input.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let scan_digits = |mut j: usize| {
        while j < s.len() && s[j].is_ascii_digit() {
            j += 1;
        }
        j
    };
    loop {
        while i < s.len() && is_space(s[i]) {
            i += 1;
        }
        if i >= s.len() {
            break;
        }
        let rest = &input[i..];
        let ops = ["==", "!=", "<>", "<=", ">=", "<", ">"];
        if let Some(op) = ops.iter().find(|op| rest.starts_with(**op)) {
            out.push(Tok::Comparison((*op).to_owned()));
            i += op.len();
            continue;
        }
        if rest.starts_with("contains") && s.get(i + 8).is_some_and(|c| is_space(*c)) {
            out.push(Tok::Comparison("contains".to_owned()));
            i += 8;
            continue;
        }
        if let Some(q @ (b'\'' | b'"')) = s.get(i).copied() {
            if let Some(len) = rest[1..].find(q as char) {
                out.push(Tok::Str(rest[..len + 2].to_owned()));
                i += len + 2;
                continue;
            }
        }
        let num_start = if s[i] == b'-' { i + 1 } else { i };
        if s.get(num_start).is_some_and(u8::is_ascii_digit) {
            let mut j = scan_digits(num_start);
            if s.get(j) == Some(&b'.') && s.get(j + 1).is_some_and(u8::is_ascii_digit) {
                j = scan_digits(j + 1);
            }
            out.push(Tok::Number(input[i..j].to_owned()));
            i = j;
            continue;
        }
        if s[i].is_ascii_alphabetic() || s[i] == b'_' {
            let mut j = i + 1;
            while j < s.len() && (s[j].is_ascii_alphanumeric() || s[j] == b'_' || s[j] == b'-') {
                j += 1;
            }
            if s.get(j) == Some(&b'?') {
                j += 1;
            }
            out.push(Tok::Id(input[i..j].to_owned()));
            i = j;
            continue;
        }
        if rest.starts_with("..") {
            out.push(Tok::DotDot);
            i += 2;
            continue;
        }
        let c = rest.chars().next().unwrap_or(' ');
        match special(c) {
            Some(kind) => out.push(Tok::Special(kind, c)),
            None => return Err(Error::syntax(format!("Unexpected character {c}"))),
        }
        i += c.len_utf8();
    }
    out.push(Tok::End);
    Ok(out)
}

struct Parser {
    tokens: Vec<Tok>,
    p: usize,
}

impl Parser {
    fn peek(&self) -> &Tok {
        self.tokens.get(self.p).unwrap_or(&Tok::End)
    }

    fn consume(&mut self, kind: &str) -> Result<(), Error> {
        let found = self.peek().kind();
        if found != kind {
            return Err(Error::syntax(format!("Expected {kind} but found {found}")));
        }
        self.p += 1;
        Ok(())
    }

    fn consume_if(&mut self, kind: &str) -> bool {
        let hit = self.peek().kind() == kind;
        if hit {
            self.p += 1;
        }
        hit
    }

    fn expression(&mut self) -> Result<(), Error> {
        match self.peek().clone() {
            Tok::Id(_) => {
                self.p += 1;
                self.variable_lookups()
            }
            Tok::Special("open_square", _) => {
                self.p += 1;
                self.expression()?;
                self.consume("close_square")?;
                self.variable_lookups()
            }
            Tok::Str(_) | Tok::Number(_) => {
                self.p += 1;
                Ok(())
            }
            Tok::Special("open_round", _) => {
                self.p += 1;
                self.expression()?;
                self.consume("dotdot")?;
                self.expression()?;
                self.consume("close_round")
            }
            other => Err(Error::syntax(format!(
                "{} is not a valid expression",
                other.inspect()
            ))),
        }
    }

    fn variable_lookups(&mut self) -> Result<(), Error> {
        loop {
            if self.consume_if("open_square") {
                self.expression()?;
                self.consume("close_square")?;
            } else if self.consume_if("dot") {
                self.consume("id")?;
            } else {
                return Ok(());
            }
        }
    }

    fn comparison(&mut self) -> Result<(), Error> {
        self.expression()?;
        if self.consume_if("comparison") {
            self.expression()?;
        }
        Ok(())
    }

    fn is_id(&self, word: &str) -> bool {
        matches!(self.peek(), Tok::Id(w) if w == word)
    }
}

/// Checks `expression` as Jekyll's `parse_condition` parses it.
pub fn check_condition(expression: &str) -> Result<(), Error> {
    let mut parser = Parser {
        tokens: tokenize(expression)?,
        p: 0,
    };
    parser.comparison()?;
    while parser.is_id("and") || parser.is_id("or") {
        parser.p += 1;
        parser.comparison()?;
    }
    parser.consume("end_of_string")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(expr: &str) -> Option<String> {
        check_condition(expr).err().map(|e| e.message().to_owned())
    }

    #[test]
    fn strict_conditions() {
        assert_eq!(
            message("p.age > 20 and p.tags contains 'x' or p[\"a\"]"),
            None
        );
        assert_eq!(message("(1..n) == x"), None);
        assert_eq!(
            message("p.age >").as_deref(),
            Some("[:end_of_string] is not a valid expression")
        );
        assert_eq!(
            message("p.age 3").as_deref(),
            Some("Expected end_of_string but found number")
        );
        assert_eq!(message("p ; q").as_deref(), Some("Unexpected character ;"));
    }
}
