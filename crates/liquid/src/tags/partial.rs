//! Partials: standard Liquid's `include` (shares variables) and `render`
//! (isolated). Templates come from the context's [`crate::FileSystem`].

use std::sync::Arc;

use crate::context::Context;
use crate::engine::Render;
use crate::error::Error;
use crate::expr::Expression;
use crate::lex;
use crate::value::{Str, Value};

use super::ForloopDrop;

/// The parts of `(name)(\s+(with|for)\s+(var))?(\s+as\s+(alias))?`.
struct PartialSyntax<'a> {
    name: &'a str,
    with_or_for: Option<&'a str>,
    variable: Option<&'a str>,
    alias: Option<&'a str>,
}

/// Matches the partial syntax at `i`, where the name ends at `name_end`.
fn partial_tail<'a>(markup: &'a str, i: usize, name_end: usize) -> PartialSyntax<'a> {
    let s = markup.as_bytes();
    let mut out = PartialSyntax {
        name: &markup[i..name_end],
        with_or_for: None,
        variable: None,
        alias: None,
    };
    let mut pos = name_end;
    let ws = lex::skip_space(s, pos);
    if ws > pos {
        for word in ["with", "for"] {
            if s.get(ws..ws + word.len()) == Some(word.as_bytes()) {
                let v = lex::skip_space(s, ws + word.len());
                if v > ws + word.len() {
                    if let Some(e) = lex::quoted_fragments_at(s, v) {
                        out.with_or_for = Some(&markup[ws..ws + word.len()]);
                        out.variable = Some(&markup[v..e]);
                        pos = e;
                        break;
                    }
                }
            }
        }
    }
    let ws = lex::skip_space(s, pos);
    if ws > pos && s.get(ws..ws + 2) == Some(b"as") {
        let v = lex::skip_space(s, ws + 2);
        if v > ws + 2 {
            let mut e = v;
            while e < s.len() && (lex::is_word(s[e]) || s[e] == b'-') {
                e += 1;
            }
            if e > v {
                out.alias = Some(&markup[v..e]);
            }
        }
    }
    out
}

fn attributes(markup: &str) -> Vec<(Str, Expression)> {
    lex::tag_attributes(markup)
        .into_iter()
        .map(|(k, v)| (k.into(), Expression::parse(v)))
        .collect()
}

/// `{% include 'name' with x as y key: value %}`
pub(crate) struct Include {
    name: Expression,
    variable: Option<Expression>,
    alias: Option<Str>,
    /// The variable name when it is known at parse time (an alias, or a
    /// literal template name): made once, not on every render.
    fixed_var: Option<Str>,
    attrs: Vec<(Str, Expression)>,
}

/// The variable an include binds: the alias, else the template name's last
/// path segment.
fn include_var(alias: Option<&Str>, name: &Str) -> Str {
    match alias {
        Some(a) => a.clone(),
        None => match name.rsplit_once('/') {
            Some((_, tail)) => tail.into(),
            None => name.clone(),
        },
    }
}

impl Include {
    pub(crate) fn parse(markup: &str) -> Result<Include, Error> {
        let s = markup.as_bytes();
        let Some((i, _)) = lex::find_quoted_fragment(s, 0) else {
            return Err(Error::syntax(
                "Error in tag 'include' - Valid syntax: include '[template]' (with|for) [object|collection]",
            ));
        };
        let end = lex::quoted_fragments_at(s, i).unwrap_or(i);
        let syn = partial_tail(markup, i, end);
        let name = Expression::parse(syn.name);
        let alias = syn.alias.map(Str::from);
        let fixed_var = match (&alias, &name) {
            (Some(a), _) => Some(a.clone()),
            (None, Expression::Literal(Value::Str(n))) => Some(include_var(None, n)),
            _ => None,
        };
        Ok(Include {
            name,
            variable: syn.variable.map(Expression::parse),
            alias,
            fixed_var,
            attrs: attributes(markup),
        })
    }
}

impl Render for Include {
    fn render(&self, ctx: &mut Context, out: &mut String) -> Result<(), Error> {
        if ctx.state.include_disabled > 0 {
            return Err(Error::new(
                crate::error::ErrorKind::Argument,
                "include usage is not allowed in this context",
            ));
        }
        let name = match self.name.evaluate(ctx)? {
            Value::Nil | Value::Bool(false) => {
                return Err(Error::argument(
                    "Argument error in tag 'include' - Illegal template name",
                ))
            }
            other => other,
        };
        // Ruby loads the partial before it needs the name as a string.
        let partial = match &name {
            Value::Str(s) => ctx.load_partial(s)?,
            other => ctx.load_partial(&other.to_liquid_string())?,
        };
        let Value::Str(name) = name else {
            return Err(Error::runtime(format!(
                "undefined method `split' for {}:{}",
                name.inspect(),
                name.type_name()
            )));
        };
        let var_name = match &self.fixed_var {
            Some(v) => v.clone(),
            None => include_var(self.alias.as_ref(), &name),
        };
        let variable = match &self.variable {
            Some(e) => e.evaluate(ctx)?,
            None => ctx.get(&name).unwrap_or_default(),
        };
        ctx.push_scope()?;
        let r = (|| {
            for (k, e) in &self.attrs {
                let v = e.evaluate(ctx)?;
                ctx.set_local_str(k, v);
            }
            match &variable {
                Value::Array(items) => {
                    for item in items.iter() {
                        ctx.set_local_str(&var_name, item.clone());
                        ctx.render_nested(&partial, out)?;
                    }
                }
                v => {
                    ctx.set_local_str(&var_name, v.clone());
                    ctx.render_nested(&partial, out)?;
                }
            }
            Ok(())
        })();
        ctx.pop_scope();
        r
    }
}

/// `{% render 'name' with x as y, key: value %}`
pub(crate) struct RenderTag {
    name: String,
    is_for: bool,
    variable: Option<Expression>,
    alias: Option<String>,
    attrs: Vec<(Str, Expression)>,
}

impl RenderTag {
    pub(crate) fn parse(markup: &str) -> Result<RenderTag, Error> {
        let s = markup.as_bytes();
        // `(QuotedString+)`, searched.
        let found = (0..s.len()).find_map(|i| {
            let mut e = lex::quoted_string_at(s, i)?;
            while let Some(n) = lex::quoted_string_at(s, e) {
                e = n;
            }
            Some((i, e))
        });
        let Some((i, end)) = found else {
            return Err(Error::syntax(
                "Syntax error in tag 'render' - Template name must be a quoted string",
            ));
        };
        let syn = partial_tail(markup, i, end);
        let name = match Expression::parse(syn.name) {
            Expression::Literal(Value::Str(s)) => s.to_string(),
            _ => String::new(),
        };
        Ok(RenderTag {
            name,
            is_for: syn.with_or_for == Some("for"),
            variable: syn.variable.map(Expression::parse),
            alias: syn.alias.map(str::to_string),
            attrs: attributes(markup),
        })
    }

    fn render_one(
        &self,
        ctx: &mut Context,
        partial: &Arc<crate::Template>,
        var_name: &str,
        item: Value,
        forloop: Option<Value>,
        out: &mut String,
    ) -> Result<(), Error> {
        let mut inner = ctx.isolated()?;
        inner.state.include_disabled += 1;
        if let Some(f) = forloop {
            inner.set_local("forloop", f);
        }
        for (k, e) in &self.attrs {
            let v = e.evaluate(ctx)?;
            inner.set_local_str(k, v);
        }
        if !item.is_nil() {
            inner.set_local(var_name, item);
        }
        let r = inner.render_nested(partial, out);
        ctx.steps = inner.steps;
        r
    }
}

impl Render for RenderTag {
    fn render(&self, ctx: &mut Context, out: &mut String) -> Result<(), Error> {
        let partial = ctx.load_partial(&self.name)?;
        let var_name = match &self.alias {
            Some(a) => a.clone(),
            None => self.name.rsplit('/').next().unwrap_or("").to_string(),
        };
        let variable = match &self.variable {
            Some(e) => e.evaluate(ctx)?,
            None => Value::Nil,
        };
        let items: Option<Vec<Value>> = if self.is_for {
            match &variable {
                Value::Array(a) => Some(a.to_vec()),
                Value::Hash(_) | Value::Range(..) | Value::BigRange(_) => {
                    Some(super::iteration::slice(&variable, 0, None)?)
                }
                _ => None,
            }
        } else {
            None
        };
        match items {
            Some(items) => {
                let forloop = Arc::new(ForloopDrop::new(
                    self.name.as_str().into(),
                    items.len() as i64,
                    Value::Nil,
                ));
                for item in items {
                    self.render_one(
                        ctx,
                        &partial,
                        &var_name,
                        item,
                        Some(Value::Object(forloop.clone())),
                        out,
                    )?;
                    forloop.advance();
                }
                Ok(())
            }
            None => self.render_one(ctx, &partial, &var_name, variable, None, out),
        }
    }
}
