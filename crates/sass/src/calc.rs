//! `calc()` written as dart-sass writes calculations: parentheses only where
//! precedence needs them, and in compressed style `*` and `/` without spaces.
//!
//! grass keeps the parentheses of the source (`calc(800px - (30px * 2))`,
//! the pattern of minima's `_layout.scss`); dart-sass prints the calculation
//! tree (`calc(800px - 30px * 2)`). A parenthesised single term stays, as in
//! dart-sass. Anything the small parser does not understand is left as is.

use crate::options::Style;
use crate::value::quoted_end;

/// Rewrites every `calc(...)` of a declaration value.
pub(crate) fn rewrite(value: &str, style: Style) -> String {
    if !value.contains("calc(") {
        return value.to_string();
    }
    let bytes = value.as_bytes();
    let mut out = String::with_capacity(value.len());
    let mut last = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' | b'\'' => {
                i += quoted_end(&value[i..]).unwrap_or(1);
                continue;
            }
            b'c' if value[i..].starts_with("calc(") && (i == 0 || !is_name_byte(bytes[i - 1])) => {
                let open = i + 4;
                let Some(close) = matching(value, open) else {
                    break;
                };
                if let Some(expr) = parse(&value[open + 1..close]) {
                    out.push_str(&value[last..open + 1]);
                    write(&expr, style, &mut out);
                    last = close;
                }
                i = close;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    out.push_str(&value[last..]);
    out
}

fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
}

/// Index of the `)` closing the `(` at `open`.
fn matching(s: &str, open: usize) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut depth = 0usize;
    let mut i = open;
    while i < bytes.len() {
        match bytes[i] {
            b'"' | b'\'' => {
                i += quoted_end(&s[i..]).unwrap_or(1);
                continue;
            }
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

#[derive(Debug)]
enum Expr {
    /// A number, identifier, function call or interpolated text.
    Term(String),
    /// `( term )` around a single term, which dart-sass keeps.
    Group(Box<Expr>),
    Op(u8, Box<Expr>, Box<Expr>),
}

fn precedence(op: u8) -> u8 {
    if op == b'+' || op == b'-' {
        1
    } else {
        2
    }
}

/// Splits on top-level spaces, keeping parenthesised groups whole.
fn tokens(s: &str) -> Option<Vec<&str>> {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut start = None;
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' | b'\'' => {
                start.get_or_insert(i);
                i += quoted_end(&s[i..]).unwrap_or(1);
                continue;
            }
            b'(' => {
                start.get_or_insert(i);
                depth += 1;
            }
            b')' => depth = depth.checked_sub(1)?,
            b' ' | b'\n' | b'\t' if depth == 0 => {
                if let Some(st) = start.take() {
                    out.push(&s[st..i]);
                }
            }
            _ => {
                start.get_or_insert(i);
            }
        }
        i += 1;
    }
    if depth != 0 {
        return None;
    }
    if let Some(st) = start {
        out.push(&s[st..]);
    }
    Some(out)
}

fn parse(s: &str) -> Option<Expr> {
    let toks = tokens(s.trim())?;
    let mut pos = 0;
    let expr = parse_expr(&toks, &mut pos, 0)?;
    (pos == toks.len()).then_some(expr)
}

fn operator(tok: &str) -> Option<u8> {
    match tok {
        "+" | "-" | "*" | "/" => Some(tok.as_bytes()[0]),
        _ => None,
    }
}

fn parse_expr(toks: &[&str], pos: &mut usize, min: u8) -> Option<Expr> {
    let mut left = parse_term(toks, pos)?;
    while let Some(op) = toks.get(*pos).and_then(|t| operator(t)) {
        let prec = precedence(op);
        if prec < min {
            break;
        }
        *pos += 1;
        let right = parse_expr(toks, pos, prec + 1)?;
        left = Expr::Op(op, Box::new(left), Box::new(right));
    }
    Some(left)
}

fn parse_term(toks: &[&str], pos: &mut usize) -> Option<Expr> {
    let tok = *toks.get(*pos)?;
    if operator(tok).is_some() {
        return None;
    }
    *pos += 1;
    if let Some(inner) = tok.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
        let expr = parse(inner)?;
        return Some(match expr {
            Expr::Op(..) => expr,
            single => Expr::Group(Box::new(single)),
        });
    }
    Some(Expr::Term(tok.to_string()))
}

fn write(expr: &Expr, style: Style, out: &mut String) {
    match expr {
        Expr::Term(t) => out.push_str(t),
        Expr::Group(inner) => {
            out.push('(');
            write(inner, style, out);
            out.push(')');
        }
        Expr::Op(op, left, right) => {
            let left_parens = matches!(**left, Expr::Op(l, ..) if precedence(l) < precedence(*op));
            let right_parens = match **right {
                Expr::Op(r, ..) => match op {
                    b'/' => true,
                    b'+' => false,
                    _ => r == b'+' || r == b'-',
                },
                _ => false,
            };
            wrap(left, left_parens, style, out);
            let tight = style == Style::Compressed && (*op == b'*' || *op == b'/');
            if !tight {
                out.push(' ');
            }
            out.push(*op as char);
            if !tight {
                out.push(' ');
            }
            wrap(right, right_parens, style, out);
        }
    }
}

fn wrap(expr: &Expr, parens: bool, style: Style, out: &mut String) {
    if parens {
        out.push('(');
    }
    write(expr, style, out);
    if parens {
        out.push(')');
    }
}
