//! The parser: dart-sass's `_expression` state machine (operators, space and
//! comma lists, `allowSlash`, `_inParentheses`) over the subset hyde reads.

use super::ast::{is_opaque_function, Args, BinOp, Expr};

/// Parses SassScript; the parser stops where an expression ends.
pub(crate) struct Parser<'a> {
    src: &'a str,
    bytes: &'a [u8],
    pub(crate) pos: usize,
    in_parens: bool,
    depth: usize,
}

type PResult<T> = Option<T>;

impl<'a> Parser<'a> {
    pub(crate) fn new(src: &'a str, pos: usize) -> Parser<'a> {
        Parser {
            src,
            bytes: src.as_bytes(),
            pos,
            in_parens: false,
            depth: 0,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn peek_at(&self, n: usize) -> Option<u8> {
        self.bytes.get(self.pos + n).copied()
    }

    /// Skips whitespace and comments.
    pub(crate) fn whitespace(&mut self) {
        loop {
            match self.peek() {
                Some(b' ' | b'\t' | b'\n' | b'\r' | b'\x0c') => self.pos += 1,
                Some(b'/') if self.peek_at(1) == Some(b'/') => {
                    while self.peek().is_some_and(|c| c != b'\n') {
                        self.pos += 1;
                    }
                }
                Some(b'/') if self.peek_at(1) == Some(b'*') => {
                    match self.src[self.pos + 2..].find("*/") {
                        Some(e) => self.pos += 2 + e + 2,
                        None => self.pos = self.bytes.len(),
                    }
                }
                _ => return,
            }
        }
    }

    fn scan(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// `_expression`: a full expression (comma and space lists, operators).
    /// `until_comma` stops at a top-level comma.
    pub(crate) fn expression(&mut self, until_comma: bool, bracket: bool) -> PResult<Expr> {
        self.depth += 1;
        if self.depth > 64 {
            return None;
        }
        let before_bracket = self.pos;
        if bracket {
            self.pos += 1;
            self.whitespace();
            if self.scan(b']') {
                self.depth -= 1;
                return Some(Expr::List {
                    items: Vec::new(),
                    comma: false,
                    brackets: true,
                    span: (before_bracket, self.pos),
                });
            }
        }
        let start = self.pos;
        let was_in_parens = self.in_parens;
        let result = self.expression_body(until_comma, bracket, start, before_bracket);
        self.in_parens = was_in_parens;
        self.depth -= 1;
        result
    }

    fn expression_body(
        &mut self,
        until_comma: bool,
        bracket: bool,
        start: usize,
        before_bracket: usize,
    ) -> PResult<Expr> {
        let mut st = State {
            comma: None,
            space: None,
            operators: Vec::new(),
            operands: Vec::new(),
            allow_slash: true,
            single: Some(self.single_expression()?),
        };
        loop {
            self.whitespace();
            if until_comma && self.peek() == Some(b',') {
                break;
            }
            let Some(c) = self.peek() else { break };
            match c {
                b'(' => {
                    let e = self.parentheses()?;
                    if self.add_single(&mut st, e, start)? {
                        continue;
                    }
                }
                b'[' => {
                    let e = self.expression(false, true)?;
                    self.add_single(&mut st, e, start)?;
                }
                b'$' | b'&' | b'\'' | b'"' | b'#' => {
                    let e = self.single_expression()?;
                    self.add_single(&mut st, e, start)?;
                }
                b'=' => {
                    if self.peek_at(1) != Some(b'=') {
                        return None;
                    }
                    self.pos += 2;
                    self.add_operator(&mut st, BinOp::Eq)?;
                }
                b'!' => match self.peek_at(1) {
                    Some(b'=') => {
                        self.pos += 2;
                        self.add_operator(&mut st, BinOp::Ne)?;
                    }
                    Some(b'i' | b'I') | None | Some(b' ' | b'\t' | b'\n' | b'\r') => {
                        let e = self.important()?;
                        self.add_single(&mut st, e, start)?;
                    }
                    _ => break,
                },
                b'<' | b'>' => {
                    self.pos += 1;
                    let eq = self.scan(b'=');
                    let op = match (c, eq) {
                        (b'<', false) => BinOp::Lt,
                        (b'<', true) => BinOp::Le,
                        (_, false) => BinOp::Gt,
                        (_, true) => BinOp::Ge,
                    };
                    self.add_operator(&mut st, op)?;
                }
                b'*' => {
                    self.pos += 1;
                    self.add_operator(&mut st, BinOp::Times)?;
                }
                b'+' if st.single.is_none() => {
                    let e = self.unary()?;
                    self.add_single(&mut st, e, start)?;
                }
                b'+' => {
                    self.pos += 1;
                    self.add_operator(&mut st, BinOp::Plus)?;
                }
                b'-' => {
                    let next = self.peek_at(1);
                    let prev_ws = self.pos > 0
                        && matches!(self.bytes[self.pos - 1], b' ' | b'\t' | b'\n' | b'\r');
                    if next.is_some_and(|n| n.is_ascii_digit() || n == b'.')
                        && (st.single.is_none() || prev_ws)
                    {
                        let e = self.number()?;
                        self.add_single(&mut st, e, start)?;
                    } else if self.looking_at_identifier() {
                        let e = self.identifier_like()?;
                        self.add_single(&mut st, e, start)?;
                    } else if st.single.is_none() {
                        let e = self.unary()?;
                        self.add_single(&mut st, e, start)?;
                    } else {
                        self.pos += 1;
                        self.add_operator(&mut st, BinOp::Minus)?;
                    }
                }
                b'/' if st.single.is_none() => return None,
                b'/' => {
                    self.pos += 1;
                    self.add_operator(&mut st, BinOp::Div)?;
                }
                b'%' => {
                    self.pos += 1;
                    self.add_operator(&mut st, BinOp::Mod)?;
                }
                b'0'..=b'9' => {
                    let e = self.number()?;
                    self.add_single(&mut st, e, start)?;
                }
                b'.' if self.peek_at(1) == Some(b'.') => break,
                b'.' => {
                    let e = self.number()?;
                    self.add_single(&mut st, e, start)?;
                }
                b'a' if self.scan_keyword("and") => self.add_operator(&mut st, BinOp::And)?,
                b'o' if self.scan_keyword("or") => self.add_operator(&mut st, BinOp::Or)?,
                b'u' | b'U' if self.peek_at(1) == Some(b'+') => return None,
                c if c.is_ascii_alphabetic() || c == b'_' || c == b'\\' || c >= 0x80 => {
                    let e = self.identifier_like()?;
                    self.add_single(&mut st, e, start)?;
                }
                b',' => {
                    if self.in_parens {
                        self.in_parens = false;
                        if st.allow_slash {
                            self.reset(&mut st, start)?;
                            continue;
                        }
                    }
                    st.single.as_ref()?;
                    self.resolve_space(&mut st)?;
                    let single = st.single.take()?;
                    st.comma.get_or_insert_with(Vec::new).push(single);
                    self.pos += 1;
                    st.allow_slash = true;
                }
                _ => break,
            }
        }
        if bracket && !self.scan(b']') {
            return None;
        }
        if let Some(mut items) = st.comma.take() {
            self.resolve_space(&mut st)?;
            if let Some(single) = st.single.take() {
                items.push(single);
            }
            let begin = if bracket { before_bracket } else { start };
            return Some(Expr::List {
                items,
                comma: true,
                brackets: bracket,
                span: (begin, self.pos),
            });
        }
        if bracket && st.space.is_some() {
            self.resolve_ops(&mut st)?;
            let mut items = st.space.take()?;
            items.push(st.single.take()?);
            return Some(Expr::List {
                items,
                comma: false,
                brackets: true,
                span: (before_bracket, self.pos),
            });
        }
        self.resolve_space(&mut st)?;
        let single = st.single.take()?;
        if bracket {
            return Some(Expr::List {
                items: vec![single],
                comma: false,
                brackets: true,
                span: (before_bracket, self.pos),
            });
        }
        Some(single)
    }

    fn reset(&mut self, st: &mut State, start: usize) -> PResult<()> {
        st.comma = None;
        st.space = None;
        st.operators.clear();
        st.operands.clear();
        self.pos = start;
        st.allow_slash = true;
        st.single = Some(self.single_expression()?);
        Some(())
    }

    /// Returns `Some(true)` when the state was reset (re-parse from start).
    fn add_single(&mut self, st: &mut State, e: Expr, start: usize) -> PResult<bool> {
        if st.single.is_some() {
            if self.in_parens {
                self.in_parens = false;
                if st.allow_slash {
                    self.reset(st, start)?;
                    return Some(true);
                }
            }
            self.resolve_ops(st)?;
            let single = st.single.take()?;
            st.space.get_or_insert_with(Vec::new).push(single);
            st.allow_slash = true;
        }
        st.single = Some(e);
        Some(false)
    }

    fn add_operator(&mut self, st: &mut State, op: BinOp) -> PResult<()> {
        st.allow_slash = st.allow_slash && op == BinOp::Div;
        while st
            .operators
            .last()
            .is_some_and(|last| last.precedence() >= op.precedence())
        {
            self.resolve_one(st)?;
        }
        st.operators.push(op);
        st.operands.push(st.single.take()?);
        self.whitespace();
        st.single = Some(self.single_expression()?);
        Some(())
    }

    fn resolve_one(&mut self, st: &mut State) -> PResult<()> {
        let op = st.operators.pop()?;
        let left = st.operands.pop()?;
        let right = st.single.take()?;
        if st.allow_slash
            && !self.in_parens
            && op == BinOp::Div
            && is_slash_operand(&left)
            && is_slash_operand(&right)
        {
            st.single = Some(Expr::Binary {
                op,
                left: Box::new(left),
                right: Box::new(right),
                allows_slash: true,
            });
        } else {
            st.single = Some(Expr::Binary {
                op,
                left: Box::new(left),
                right: Box::new(right),
                allows_slash: false,
            });
            st.allow_slash = false;
        }
        Some(())
    }

    fn resolve_ops(&mut self, st: &mut State) -> PResult<()> {
        while !st.operators.is_empty() {
            self.resolve_one(st)?;
        }
        Some(())
    }

    fn resolve_space(&mut self, st: &mut State) -> PResult<()> {
        self.resolve_ops(st)?;
        if let Some(mut items) = st.space.take() {
            items.push(st.single.take()?);
            let span = (items.first()?.span().0, items.last()?.span().1);
            st.single = Some(Expr::List {
                items,
                comma: false,
                brackets: false,
                span,
            });
        }
        Some(())
    }

    fn single_expression(&mut self) -> PResult<Expr> {
        // `- - - …` and `not not …` recurse here without `expression`.
        self.depth += 1;
        let result = if self.depth > 64 {
            None
        } else {
            self.single_expression_inner()
        };
        self.depth -= 1;
        result
    }

    fn single_expression_inner(&mut self) -> PResult<Expr> {
        match self.peek()? {
            b'(' => self.parentheses(),
            b'/' => None,
            b'.' => self.number(),
            b'[' => self.expression(false, true),
            b'$' => self.variable(None, self.pos),
            b'&' => {
                self.pos += 1;
                Some(Expr::Other {
                    span: (self.pos - 1, self.pos),
                    inner: Vec::new(),
                })
            }
            b'\'' | b'"' => self.string(),
            b'#' => self.hash(),
            b'+' => self.plus_or_minus(),
            b'-' => self.plus_or_minus(),
            b'!' => self.important(),
            b'u' | b'U' if self.peek_at(1) == Some(b'+') => None,
            b'0'..=b'9' => self.number(),
            c if c.is_ascii_alphabetic() || c == b'_' || c == b'\\' || c >= 0x80 => {
                self.identifier_like()
            }
            _ => None,
        }
    }

    fn plus_or_minus(&mut self) -> PResult<Expr> {
        let next = self.peek_at(1);
        if next.is_some_and(|n| n.is_ascii_digit() || n == b'.') {
            return self.number();
        }
        if self.peek() == Some(b'-') && self.looking_at_identifier() {
            return self.identifier_like();
        }
        self.unary()
    }

    fn unary(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let op = match self.peek()? {
            b'+' => "+",
            b'-' => "-",
            _ => return None,
        };
        self.pos += 1;
        self.whitespace();
        let operand = self.single_expression()?;
        Some(Expr::Unary {
            op,
            span: (start, operand.span().1),
            operand: Box::new(operand),
        })
    }

    fn important(&mut self) -> PResult<Expr> {
        let start = self.pos;
        self.pos += 1;
        self.whitespace();
        let word = self.identifier_text()?;
        if !word.eq_ignore_ascii_case("important") {
            return None;
        }
        Some(Expr::Other {
            span: (start, self.pos),
            inner: Vec::new(),
        })
    }

    fn parentheses(&mut self) -> PResult<Expr> {
        let was = self.in_parens;
        self.in_parens = true;
        let result = self.parentheses_body();
        self.in_parens = was;
        result
    }

    fn parentheses_body(&mut self) -> PResult<Expr> {
        let start = self.pos;
        self.pos += 1;
        self.whitespace();
        if self.scan(b')') {
            return Some(Expr::List {
                items: Vec::new(),
                comma: false,
                brackets: false,
                span: (start, self.pos),
            });
        }
        let first = self.expression(true, false)?;
        if self.scan(b':') {
            self.whitespace();
            let mut pairs = vec![(first, self.expression(true, false)?)];
            while self.scan(b',') {
                self.whitespace();
                if self.peek() == Some(b')') {
                    break;
                }
                let key = self.expression(true, false)?;
                if !self.scan(b':') {
                    return None;
                }
                self.whitespace();
                pairs.push((key, self.expression(true, false)?));
            }
            if !self.scan(b')') {
                return None;
            }
            return Some(Expr::Map {
                pairs,
                span: (start, self.pos),
            });
        }
        if !self.scan(b',') {
            if !self.scan(b')') {
                return None;
            }
            return Some(Expr::Paren {
                inner: Box::new(first),
                span: (start, self.pos),
            });
        }
        self.whitespace();
        let mut items = vec![first];
        while self.peek().is_some_and(|c| c != b')') {
            items.push(self.expression(true, false)?);
            if !self.scan(b',') {
                break;
            }
            self.whitespace();
        }
        if !self.scan(b')') {
            return None;
        }
        Some(Expr::List {
            items,
            comma: true,
            brackets: false,
            span: (start, self.pos),
        })
    }

    fn number(&mut self) -> PResult<Expr> {
        let start = self.pos;
        if matches!(self.peek(), Some(b'+' | b'-')) {
            self.pos += 1;
        }
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.pos += 1;
        }
        if self.peek() == Some(b'.') {
            if !self.peek_at(1).is_some_and(|c| c.is_ascii_digit()) {
                return None;
            }
            self.pos += 1;
            while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                self.pos += 1;
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            let next = self.peek_at(1);
            let after = self.peek_at(2);
            if next.is_some_and(|c| c.is_ascii_digit())
                || (matches!(next, Some(b'+' | b'-')) && after.is_some_and(|c| c.is_ascii_digit()))
            {
                self.pos += 2;
                while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                    self.pos += 1;
                }
            }
        }
        let value: f64 = self.src[start..self.pos].parse().ok()?;
        let unit_start = self.pos;
        if self.scan(b'%') {
        } else if self.looking_at_identifier()
            && !(self.peek() == Some(b'-') && self.peek_at(1) == Some(b'-'))
        {
            self.unit()?;
        }
        Some(Expr::Number {
            value,
            unit: self.src[unit_start..self.pos].to_string(),
            span: (start, self.pos),
        })
    }

    /// A unit: an identifier that stops before `-` and a digit.
    fn unit(&mut self) -> PResult<()> {
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        while let Some(c) = self.peek() {
            let dash_in_unit = c == b'-'
                && !self
                    .peek_at(1)
                    .is_some_and(|n| n.is_ascii_digit() || n == b'.');
            if c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80 || dash_in_unit {
                self.pos += 1;
            } else if c == b'\\' {
                return None;
            } else {
                break;
            }
        }
        Some(())
    }

    fn looking_at_identifier(&self) -> bool {
        let first = match self.peek() {
            Some(b'-') => match self.peek_at(1) {
                Some(b'-') => return true,
                Some(c) => c,
                None => return false,
            },
            Some(c) => c,
            None => return false,
        };
        first.is_ascii_alphabetic()
            || first == b'_'
            || first == b'\\'
            || first >= 0x80
            || (first == b'#' && self.peek() == Some(b'-'))
    }

    fn identifier_text(&mut self) -> PResult<&'a str> {
        let start = self.pos;
        while let Some(c) = self.peek() {
            if c.is_ascii_alphanumeric() || c == b'_' || c == b'-' || c >= 0x80 {
                self.pos += 1;
            } else if c == b'\\' {
                return None;
            } else {
                break;
            }
        }
        (self.pos > start).then(|| &self.src[start..self.pos])
    }

    fn scan_keyword(&mut self, word: &str) -> bool {
        let end = self.pos + word.len();
        if self.src.get(self.pos..end) != Some(word) {
            return false;
        }
        if self.bytes.get(end).is_some_and(|c| {
            c.is_ascii_alphanumeric() || *c == b'_' || *c == b'-' || *c >= 0x80 || *c == b'\\'
        }) {
            return false;
        }
        self.pos = end;
        true
    }

    fn variable(&mut self, namespace: Option<&str>, start: usize) -> PResult<Expr> {
        let _ = namespace;
        self.pos += 1;
        self.identifier_text()?;
        Some(Expr::Var {
            span: (start, self.pos),
        })
    }

    /// Identifiers, keywords, function calls, interpolated identifiers.
    fn identifier_like(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let mut inner = Vec::new();
        loop {
            match self.peek() {
                Some(c) if c.is_ascii_alphanumeric() || c == b'_' || c == b'-' || c >= 0x80 => {
                    self.pos += 1
                }
                Some(b'#') if self.peek_at(1) == Some(b'{') => inner.push(self.interpolation()?),
                Some(b'\\') => return None,
                _ => break,
            }
        }
        if self.pos == start {
            return None;
        }
        let name = &self.src[start..self.pos];
        if !inner.is_empty() {
            if self.peek() == Some(b'(') {
                // An interpolated function name: a plain CSS function.
                let args = self.arguments(name)?;
                inner.extend(args.positional);
                return Some(Expr::Other {
                    span: (start, self.pos),
                    inner,
                });
            }
            return Some(Expr::Other {
                span: (start, self.pos),
                inner,
            });
        }
        if name == "not" {
            self.whitespace();
            let operand = self.single_expression()?;
            return Some(Expr::Unary {
                op: "not",
                span: (start, operand.span().1),
                operand: Box::new(operand),
            });
        }
        if self.peek() == Some(b'.') && self.peek_at(1) != Some(b'.') {
            // A namespaced member: `ns.$var` or `ns.fn()`.
            self.pos += 1;
            if self.peek() == Some(b'$') {
                return self.variable(Some(name), start);
            }
            let fn_start = self.pos;
            self.identifier_text()?;
            let fn_name = &self.src[fn_start..self.pos];
            if self.peek() != Some(b'(') {
                return None;
            }
            let args = self.arguments(fn_name)?;
            return Some(Expr::Func {
                namespace: Some(name.to_string()),
                name: fn_name.to_string(),
                args,
                span: (start, self.pos),
            });
        }
        if self.peek() == Some(b'(') {
            if name.eq_ignore_ascii_case("url") || is_special_plain(name) {
                self.skip_balanced()?;
                return Some(Expr::Other {
                    span: (start, self.pos),
                    inner: Vec::new(),
                });
            }
            let args = self.arguments(name)?;
            return Some(Expr::Func {
                namespace: None,
                name: name.to_string(),
                args,
                span: (start, self.pos),
            });
        }
        Some(Expr::Other {
            span: (start, self.pos),
            inner: Vec::new(),
        })
    }

    /// `(args)` after a function name.
    fn arguments(&mut self, name: &str) -> PResult<Args> {
        if is_opaque_function(name) {
            let open = self.pos;
            self.skip_balanced()?;
            return Some(Args {
                positional: Vec::new(),
                named: Vec::new(),
                rest: None,
                opaque: Some((open + 1, self.pos - 1)),
            });
        }
        self.pos += 1;
        self.whitespace();
        let mut args = Args {
            positional: Vec::new(),
            named: Vec::new(),
            rest: None,
            opaque: None,
        };
        while self.peek().is_some_and(|c| c != b')') {
            // `$name: value`
            let save = self.pos;
            if self.peek() == Some(b'$') {
                self.pos += 1;
                let ident = self.identifier_text();
                self.whitespace();
                if let (Some(ident), true) = (ident, self.peek() == Some(b':')) {
                    self.pos += 1;
                    self.whitespace();
                    let value = self.expression(true, false)?;
                    args.named.push((ident.to_string(), value));
                    self.whitespace();
                    if !self.scan(b',') {
                        break;
                    }
                    self.whitespace();
                    continue;
                }
                self.pos = save;
            }
            let value = self.expression(true, false)?;
            self.whitespace();
            if self.src[self.pos..].starts_with("...") {
                self.pos += 3;
                args.rest = Some(Box::new(value));
                self.whitespace();
                if !self.scan(b',') {
                    break;
                }
                self.whitespace();
                continue;
            }
            if args.rest.is_some() || !args.named.is_empty() {
                return None;
            }
            args.positional.push(value);
            if !self.scan(b',') {
                break;
            }
            self.whitespace();
        }
        self.whitespace();
        if !self.scan(b')') {
            return None;
        }
        Some(args)
    }

    /// Skips `( ... )`, strings and interpolations included.
    fn skip_balanced(&mut self) -> PResult<()> {
        let mut depth = 0usize;
        while let Some(c) = self.peek() {
            match c {
                b'(' => depth += 1,
                b')' => {
                    depth = depth.checked_sub(1)?;
                    if depth == 0 {
                        self.pos += 1;
                        return Some(());
                    }
                }
                b'"' | b'\'' => {
                    self.string()?;
                    continue;
                }
                b'\\' => self.pos += 1,
                b';' | b'{' | b'}' if depth <= 1 => return None,
                _ => {}
            }
            self.pos += 1;
        }
        None
    }

    fn interpolation(&mut self) -> PResult<Expr> {
        self.pos += 2;
        self.whitespace();
        let was = self.in_parens;
        self.in_parens = false;
        let e = self.expression(false, false);
        self.in_parens = was;
        let e = e?;
        self.whitespace();
        if !self.scan(b'}') {
            return None;
        }
        Some(e)
    }

    fn string(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let quote = self.peek()?;
        self.pos += 1;
        let mut inner = Vec::new();
        loop {
            match self.peek()? {
                c if c == quote => {
                    self.pos += 1;
                    break;
                }
                b'\\' => self.pos += 2,
                b'\n' => return None,
                b'#' if self.peek_at(1) == Some(b'{') => inner.push(self.interpolation()?),
                _ => self.pos += 1,
            }
        }
        Some(Expr::Other {
            span: (start, self.pos),
            inner,
        })
    }

    fn hash(&mut self) -> PResult<Expr> {
        let start = self.pos;
        if self.peek_at(1) == Some(b'{') {
            let e = self.interpolation()?;
            // `#{...}` may continue as an identifier: `#{$a}px`.
            let mut inner = vec![e];
            loop {
                match self.peek() {
                    Some(c) if c.is_ascii_alphanumeric() || c == b'_' || c == b'-' => self.pos += 1,
                    Some(b'#') if self.peek_at(1) == Some(b'{') => {
                        inner.push(self.interpolation()?)
                    }
                    _ => break,
                }
            }
            if self.peek() == Some(b'(') {
                return None;
            }
            return Some(Expr::Other {
                span: (start, self.pos),
                inner,
            });
        }
        self.pos += 1;
        while self.peek().is_some_and(|c| c.is_ascii_alphanumeric()) {
            self.pos += 1;
        }
        Some(Expr::Other {
            span: (start, self.pos),
            inner: Vec::new(),
        })
    }
}

/// Functions whose argument text is not SassScript at all.
fn is_special_plain(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    matches!(lower.as_str(), "element" | "expression") || lower.starts_with("progid:")
}

struct State {
    comma: Option<Vec<Expr>>,
    space: Option<Vec<Expr>>,
    operators: Vec<BinOp>,
    operands: Vec<Expr>,
    allow_slash: bool,
    single: Option<Expr>,
}

/// `_isSlashOperand`.
fn is_slash_operand(e: &Expr) -> bool {
    matches!(
        e,
        Expr::Number { .. }
            | Expr::Func { .. }
            | Expr::Binary {
                allows_slash: true,
                ..
            }
    )
}
