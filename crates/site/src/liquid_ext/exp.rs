//! The expression filters: `where_exp`, `find_exp` and `group_by_exp`.
//!
//! Each binds every item to a variable in a new innermost scope (Jekyll's
//! `context.stack`) and evaluates a Liquid condition (`where_exp`,
//! `find_exp`) or output expression with filters (`group_by_exp`) against it.

use hyde_liquid::{Condition, Context, Error, FilterArgs, Value, Variable};

use super::array::{add_to_group, grouped};
use super::ruby;

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
    let condition = Condition::parse(&expression)?;
    let selected = ctx.with_scope(|ctx| {
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
    let condition = Condition::parse(&expression)?;
    ctx.with_scope(|ctx| {
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
