//! The expression filters: `where_exp`, `find_exp` and `group_by_exp`.
//!
//! Each binds every item to a variable in a new innermost scope (Jekyll's
//! `context.stack`) and evaluates a Liquid condition (`where_exp`,
//! `find_exp`) or output expression with filters (`group_by_exp`) against it.

use std::sync::Arc;

use hyde_liquid::{Condition, Context, Error, FilterArgs, Object, Value, Variable};

use super::array::{add_to_group, grouped};
use super::ruby;

/// What `empty` and `blank` stand for in these conditions. Jekyll parses
/// them with `Liquid::Expression.parse`, whose method literals are not the
/// ones `Liquid::Condition` recognises: they equal nothing (so `== empty` is
/// always false and `!= empty` always true).
struct MethodLiteral;

impl Object for MethodLiteral {
    fn get(&self, _key: &str) -> Option<Value> {
        None
    }
    fn to_liquid_string(&self) -> String {
        String::new()
    }
}

/// The variable the literals are rewritten to.
const LITERAL_VAR: &str = "__jekyll_method_literal__";

/// Rewrites bare `empty` / `blank` operands (outside quotes) to
/// [`LITERAL_VAR`]; says whether it did.
fn neutralise_method_literals(expression: &str) -> (String, bool) {
    let mut out = String::with_capacity(expression.len());
    let mut changed = false;
    let mut quote: Option<char> = None;
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String, changed: &mut bool| {
        if word == "empty" || word == "blank" {
            out.push_str(LITERAL_VAR);
            *changed = true;
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in expression.chars() {
        if let Some(q) = quote {
            out.push(c);
            if c == q {
                quote = None;
            }
            continue;
        }
        if c.is_ascii_alphanumeric() || c == '_' || c == '.' || c == '-' || c == '[' || c == ']' {
            word.push(c);
            continue;
        }
        flush(&mut word, &mut out, &mut changed);
        if c == '"' || c == '\'' {
            quote = Some(c);
        }
        out.push(c);
    }
    flush(&mut word, &mut out, &mut changed);
    (out, changed)
}

/// Parses a `where_exp`/`find_exp` condition as Jekyll does.
fn parse_condition(expression: &str, ctx: &mut Context) -> Result<Condition, Error> {
    super::strict::check_condition(expression)?;
    let (expression, literals) = neutralise_method_literals(expression);
    if literals {
        ctx.set_local(LITERAL_VAR, Value::Object(Arc::new(MethodLiteral)));
    }
    Condition::parse(&expression)
}

fn variable_and_expression(args: &FilterArgs<'_>) -> (String, String) {
    let variable = args.get(0).map(ruby::to_s).unwrap_or_default();
    let expression = args.get(1).map(ruby::to_s).unwrap_or_default();
    (variable, expression)
}

/// The `where_exp` filter: items for which the condition holds.
pub fn where_exp(input: &Value, args: &FilterArgs<'_>, ctx: &mut Context) -> Result<Value, Error> {
    args.check_arity(2, 2)?;
    let Some(items) = ruby::values_or_items(input) else {
        return Ok(input.clone());
    };
    let (variable, expression) = variable_and_expression(args);
    let selected = ctx.with_scope(|ctx| {
        let condition = parse_condition(&expression, ctx)?;
        let mut out = Vec::new();
        for item in items {
            ctx.set_local(&variable, item.clone());
            if condition.evaluate(ctx)? {
                out.push(item);
            }
        }
        Ok(out)
    })?;
    Ok(Value::array(selected))
}

/// The `find_exp` filter: the first item for which the condition holds.
pub fn find_exp(input: &Value, args: &FilterArgs<'_>, ctx: &mut Context) -> Result<Value, Error> {
    args.check_arity(2, 2)?;
    let Some(items) = ruby::values_or_items(input) else {
        return Ok(input.clone());
    };
    let (variable, expression) = variable_and_expression(args);
    ctx.with_scope(|ctx| {
        let condition = parse_condition(&expression, ctx)?;
        for item in items {
            ctx.set_local(&variable, item.clone());
            if condition.evaluate(ctx)? {
                return Ok(item);
            }
        }
        Ok(Value::Nil)
    })
}

/// The `group_by_exp` filter: groups keyed by the expression's value.
pub fn group_by_exp(
    input: &Value,
    args: &FilterArgs<'_>,
    ctx: &mut Context,
) -> Result<Value, Error> {
    args.check_arity(2, 2)?;
    let Some(items) = ruby::enumerate(input) else {
        return Ok(input.clone());
    };
    let (variable, expression) = variable_and_expression(args);
    let key_expr = Variable::parse(&expression, ctx.engine());
    let groups = ctx.with_scope(|ctx| {
        let mut groups = Vec::new();
        for item in items {
            ctx.set_local(&variable, item.clone());
            let key = key_expr.evaluate(ctx)?;
            add_to_group(&mut groups, key, item);
        }
        Ok(groups)
    })?;
    Ok(grouped(groups))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn method_literals_are_rewritten_outside_quotes() {
        let (s, changed) =
            neutralise_method_literals("p.city == empty or p.x != 'empty' and blank");
        assert!(changed);
        assert_eq!(
            s,
            format!("p.city == {LITERAL_VAR} or p.x != 'empty' and {LITERAL_VAR}")
        );
        assert!(!neutralise_method_literals("p.empty_list").1);
    }
}
