//! Tags without branches: `assign`, `capture`, `echo`, `increment`,
//! `decrement`, `cycle`, `break`, `continue`, `comment`, `#` and `raw`.

use crate::ast::Block;
use crate::context::{self, Context};
use crate::engine::Render;
use crate::error::Error;
use crate::expr::{Expression, Variable};
use crate::lex;
use crate::parser::Parser;
use crate::value::{inspect, Str, Value};

/// `\(?[\w\-\.\[\]]\)?` repeated, greedy, from `i`; returns the end.
fn signature_run(s: &[u8], i: usize) -> usize {
    let sig = |b: u8| lex::is_word(b) || matches!(b, b'-' | b'.' | b'[' | b']');
    let mut j = i;
    loop {
        let mut k = j;
        if s.get(k) == Some(&b'(') && s.get(k + 1).is_some_and(|&b| sig(b)) {
            k += 1;
        }
        if !s.get(k).is_some_and(|&b| sig(b)) {
            return j;
        }
        k += 1;
        if s.get(k) == Some(&b')') {
            k += 1;
        }
        j = k;
    }
}

/// `{% assign x = value | filters %}`
pub(crate) struct Assign {
    to: Str,
    from: Variable,
}

impl Assign {
    pub(crate) fn parse(p: &mut Parser<'_>, markup: &str, offset: usize) -> Result<Assign, Error> {
        let s = markup.as_bytes();
        let mut i = 0;
        while i < s.len() {
            let end = signature_run(s, i);
            if end > i {
                let eq = lex::skip_space(s, end);
                if s.get(eq) == Some(&b'=') {
                    let v = lex::skip_space(s, eq + 1);
                    let from = crate::strict::variable(p, &markup[v..], offset)?;
                    return Ok(Assign {
                        to: markup[i..end].into(),
                        from,
                    });
                }
                i = end;
            } else {
                i += 1;
            }
        }
        Err(Error::syntax(
            "Syntax Error in 'assign' - Valid syntax: assign [var] = [source]",
        ))
    }
}

impl Render for Assign {
    fn render(&self, ctx: &mut Context, _out: &mut String) -> Result<(), Error> {
        let v = self.from.evaluate(ctx)?;
        ctx.assign_str(&self.to, v);
        Ok(())
    }
    fn is_blank(&self) -> bool {
        true
    }
}

/// `{% capture x %}...{% endcapture %}`
pub(crate) struct Capture {
    to: Str,
    body: Block,
}

impl Capture {
    pub(crate) fn parse(p: &mut Parser<'_>, markup: &str, offset: usize) -> Result<Capture, Error> {
        let s = markup.as_bytes();
        let found = (0..s.len()).find_map(|i| {
            let e = signature_run(s, i);
            (e > i).then(|| Str::from(&markup[i..e]))
        });
        let Some(to) = found else {
            return Err(Error::syntax(
                "Syntax Error in 'capture' - Valid syntax: capture [var]",
            ));
        };
        let body = p.parse_block_to_end("capture", offset)?;
        Ok(Capture { to, body })
    }
}

impl Render for Capture {
    fn render(&self, ctx: &mut Context, _out: &mut String) -> Result<(), Error> {
        let value = self.body.render_to_value(ctx)?;
        ctx.assign_str(&self.to, value);
        Ok(())
    }
    fn is_blank(&self) -> bool {
        true
    }
}

/// `{% echo x | filters %}`
pub(crate) struct Echo(Variable);

impl Echo {
    pub(crate) fn parse(p: &mut Parser<'_>, markup: &str, offset: usize) -> Result<Echo, Error> {
        crate::strict::variable(p, markup, offset).map(Echo)
    }
}

impl Render for Echo {
    fn render(&self, ctx: &mut Context, out: &mut String) -> Result<(), Error> {
        self.0.render(ctx, out)
    }
}

/// `{% increment x %}` / `{% decrement x %}`: counters live in the globals.
pub(crate) struct Counter {
    name: String,
    up: bool,
}

impl Counter {
    pub(crate) fn new(markup: &str, up: bool) -> Counter {
        Counter {
            name: markup
                .trim_matches(|c: char| c.is_ascii_whitespace() || c == '\0')
                .to_string(),
            up,
        }
    }
}

impl Render for Counter {
    fn render(&self, ctx: &mut Context, out: &mut String) -> Result<(), Error> {
        let env = ctx.environment_mut();
        let current = crate::value::map_get(env, &self.name)
            .cloned()
            .unwrap_or_default();
        let current = if current.is_truthy() {
            current
        } else {
            Value::Int(0)
        };
        let next = match (&current, self.up) {
            (Value::Int(i), true) => i
                .checked_add(1)
                .map_or_else(|| Value::from(*i as i128 + 1), Value::Int),
            (Value::Int(i), false) => i
                .checked_sub(1)
                .map_or_else(|| Value::from(*i as i128 - 1), Value::Int),
            (Value::BigInt(i), true) => Value::integer(&**i + 1),
            (Value::BigInt(i), false) => Value::integer(&**i - 1),
            (Value::Float(f), true) => Value::Float(f + 1.0),
            (Value::Float(f), false) => Value::Float(f - 1.0),
            (other, up) => {
                let op = if up { '+' } else { '-' };
                let msg = match other {
                    Value::Str(_) if up => {
                        "no implicit conversion of Integer into String".to_string()
                    }
                    Value::Array(_) if up => {
                        "no implicit conversion of Integer into Array".to_string()
                    }
                    _ => format!(
                        "undefined method `{op}' for {}:{}",
                        other.inspect(),
                        other.type_name()
                    ),
                };
                return Err(Error::runtime(msg));
            }
        };
        env.insert(Value::str(self.name.as_str()), next.clone());
        if self.up {
            current.write_to(out);
        } else {
            next.write_to(out);
        }
        Ok(())
    }
}

/// `{% cycle 'a', 'b' %}` and `{% cycle name: 'a', 'b' %}`
pub(crate) struct Cycle {
    name: CycleName,
    values: Vec<Expression>,
}

enum CycleName {
    Fixed(String),
    Expr(Expression),
}

impl Cycle {
    pub(crate) fn parse(markup: &str) -> Result<Cycle, Error> {
        let s = markup.as_bytes();
        // NamedSyntax: `\A(QuotedFragment)\s*:\s*(.*)`, trying each possible
        // fragment end as the regex would.
        for end in quoted_fragment_ends(s, 0) {
            let c = lex::skip_space(s, end);
            if s.get(c) == Some(&b':') {
                let v = lex::skip_space(s, c + 1);
                let values = values_from(&markup[v..]);
                return Ok(Cycle {
                    name: CycleName::Expr(Expression::parse(&markup[..end])),
                    values,
                });
            }
        }
        if lex::quoted_fragment_at(s, 0).is_none() {
            return Err(Error::syntax(
                "Syntax Error in 'cycle' - Valid syntax: cycle [name :] var [, var2, var3 ...]",
            ));
        }
        let values = values_from(markup);
        // Ruby keys unnamed cycles by `@variables.to_s`: equal literal lists
        // share a counter; lookups print with object ids, so never do.
        let literal =
            |v: &Expression| matches!(v, Expression::Literal(_) | Expression::MethodLiteral(_));
        let key = if values.iter().all(literal) {
            let parts: Vec<String> = values
                .iter()
                .map(|v| match v {
                    Expression::Literal(l) => inspect(l),
                    _ => "\"\"".to_string(),
                })
                .collect();
            format!("[{}]", parts.join(", "))
        } else {
            format!("#<{:p}>", markup.as_ptr())
        };
        Ok(Cycle {
            name: CycleName::Fixed(key),
            values,
        })
    }
}

/// Every end of a `QuotedFragment` match at `i`, in the order a
/// backtracking regex tries them.
fn quoted_fragment_ends(s: &[u8], i: usize) -> Vec<usize> {
    let mut ends = Vec::new();
    if let Some(e) = lex::quoted_string_at(s, i) {
        ends.push(e);
    }
    let mut steps = Vec::new();
    let mut j = i;
    while j < s.len() {
        let b = s[j];
        if b == b'"' || b == b'\'' {
            match lex::quoted_string_at(s, j) {
                Some(e) => j = e,
                None => break,
            }
        } else if lex::is_space(b) || b == b',' || b == b'|' {
            break;
        } else {
            j += 1;
        }
        steps.push(j);
    }
    ends.extend(steps.into_iter().rev());
    ends
}

fn values_from(markup: &str) -> Vec<Expression> {
    let mut parts: Vec<&str> = markup.split(',').collect();
    while parts.last() == Some(&"") {
        parts.pop();
    }
    parts
        .into_iter()
        .filter_map(|p| {
            lex::find_quoted_fragment(p.as_bytes(), 0).map(|(a, b)| Expression::parse(&p[a..b]))
        })
        .collect()
}

impl Render for Cycle {
    fn render(&self, ctx: &mut Context, out: &mut String) -> Result<(), Error> {
        let named;
        let key = match &self.name {
            CycleName::Fixed(k) => k.as_str(),
            CycleName::Expr(e) => {
                named = format!("n{}", inspect(&e.evaluate(ctx)?));
                named.as_str()
            }
        };
        let iteration = ctx.state.cycles.get(key).copied().unwrap_or(0);
        if let Some(e) = self.values.get(iteration) {
            e.evaluate(ctx)?.write_to(out);
        }
        let mut next = iteration + 1;
        if next >= self.values.len() {
            next = 0;
        }
        // The key is copied only the first time a cycle runs.
        match ctx.state.cycles.get_mut(key) {
            Some(slot) => *slot = next,
            None => {
                ctx.state.cycles.insert(key.to_string(), next);
            }
        }
        Ok(())
    }
}

/// `{% break %}` / `{% continue %}`
pub(crate) struct Interrupt(pub(crate) context::Interrupt);

impl Render for Interrupt {
    fn render(&self, ctx: &mut Context, _out: &mut String) -> Result<(), Error> {
        ctx.interrupt = Some(self.0);
        Ok(())
    }
}

/// `{% comment %}...{% endcomment %}`: the body is parsed (so it must be
/// well formed) but unknown tags are ignored.
pub(crate) struct Comment;

impl Comment {
    pub(crate) fn parse(p: &mut Parser<'_>, offset: usize) -> Result<Comment, Error> {
        loop {
            let (_, stop) = p.parse_body(offset)?;
            match stop {
                Some(s) if s.name == "endcomment" => return Ok(Comment),
                Some(_) => continue,
                None => return Err(p.never_closed("comment", offset)),
            }
        }
    }
}

impl Render for Comment {
    fn render(&self, _ctx: &mut Context, _out: &mut String) -> Result<(), Error> {
        Ok(())
    }
    fn is_blank(&self) -> bool {
        true
    }
}

/// `{% # comment %}`
pub(crate) struct InlineComment;

impl InlineComment {
    pub(crate) fn parse(markup: &str) -> Result<InlineComment, Error> {
        // Every line after a newline must start with `#`.
        for line in markup.split('\n').skip(1) {
            let t = line.trim_start_matches(|c: char| c.is_ascii_whitespace());
            if !t.is_empty() && !t.starts_with('#') {
                return Err(Error::syntax(
                    "Syntax error in tag '#' - Each line of comments must be prefixed by the '#' character",
                ));
            }
        }
        Ok(InlineComment)
    }
}

impl Render for InlineComment {
    fn render(&self, _ctx: &mut Context, _out: &mut String) -> Result<(), Error> {
        Ok(())
    }
    fn is_blank(&self) -> bool {
        true
    }
}

/// `{% raw %}...{% endraw %}`
pub(crate) struct Raw(String);

impl Raw {
    pub(crate) fn parse(p: &mut Parser<'_>, markup: &str, offset: usize) -> Result<Raw, Error> {
        if !markup.bytes().all(lex::is_space) {
            return Err(Error::syntax("Syntax Error in 'raw' - Valid syntax: raw"));
        }
        p.read_raw("raw", offset).map(Raw)
    }
}

impl Render for Raw {
    fn render(&self, _ctx: &mut Context, out: &mut String) -> Result<(), Error> {
        out.push_str(&self.0);
        Ok(())
    }
    fn is_blank(&self) -> bool {
        self.0.is_empty()
    }
}
