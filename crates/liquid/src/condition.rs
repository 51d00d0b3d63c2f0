//! Conditions of `if`, `unless`, `elsif` and `when`: comparisons joined by
//! `and`/`or`, which Liquid evaluates right to left.

use std::borrow::Cow;
use std::cmp::Ordering;

use crate::context::Context;
use crate::error::Error;
use crate::expr::Expression;
use crate::lex;
use crate::value::{compare, liquid_eq, Value};

/// One side of a comparison: an expression or the `empty`/`blank` literals.
#[derive(Clone, Debug)]
pub(crate) enum Operand {
    Expr(Expression),
    Empty,
    Blank,
}

impl Operand {
    pub(crate) fn parse(markup: Option<&str>) -> Operand {
        match markup {
            Some("empty") => Operand::Empty,
            Some("blank") => Operand::Blank,
            Some(m) => Operand::Expr(Expression::parse(m)),
            None => Operand::Expr(Expression::nil()),
        }
    }
}

#[derive(Clone, Debug)]
struct Comparison {
    left: Operand,
    /// The operator as written (`None`: a lone operand), for messages.
    op: Option<String>,
    /// The operator, decoded once when parsing.
    kind: OpKind,
    right: Operand,
}

/// Liquid's comparison operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum OpKind {
    None,
    Eq,
    Ne,
    Contains,
    Ordering,
    Unknown,
}

impl Comparison {
    fn new(left: Operand, op: Option<String>, right: Operand) -> Comparison {
        let kind = match op.as_deref() {
            None => OpKind::None,
            Some("==") => OpKind::Eq,
            Some("!=" | "<>") => OpKind::Ne,
            Some("contains") => OpKind::Contains,
            Some("<" | ">" | "<=" | ">=") => OpKind::Ordering,
            Some(_) => OpKind::Unknown,
        };
        Comparison {
            left,
            op,
            kind,
            right,
        }
    }
}

/// A parsed condition.
#[derive(Clone, Debug)]
pub struct Condition {
    /// Comparisons in source order with the relation to the next one.
    parts: Vec<(Comparison, Option<bool>)>,
}

/// An evaluated operand (variables are borrowed when possible).
enum Val<'a> {
    V(Cow<'a, Value>),
    Empty,
    Blank,
}

impl Condition {
    /// Parses an `if` condition the lax way.
    pub fn parse(markup: &str) -> Result<Condition, Error> {
        let tokens = split_and_or(markup);
        let err = || Error::syntax("Syntax Error in tag 'if' - Valid syntax: if [expression]");
        if tokens.is_empty() {
            return Err(err());
        }
        // Tokens alternate expression, operator, expression...; Ruby pops
        // from the end, so a stray trailing operator is read as an expression.
        let mut parts: Vec<(Comparison, Option<bool>)> = Vec::new();
        let mut rest = tokens.as_slice();
        let last = rest.last().copied().unwrap_or("");
        rest = &rest[..rest.len() - 1];
        let mut chain = vec![(parse_comparison(last).ok_or_else(err)?, None)];
        while !rest.is_empty() {
            let op = rest[rest.len() - 1].trim_matches(|c: char| c.is_ascii_whitespace());
            rest = &rest[..rest.len() - 1];
            let expr = rest.last().copied().unwrap_or("");
            if !rest.is_empty() {
                rest = &rest[..rest.len() - 1];
            }
            let cmp = parse_comparison(expr).ok_or_else(err)?;
            let rel = match op {
                "and" => true,
                "or" => false,
                _ => return Err(err()),
            };
            chain.push((cmp, Some(rel)));
        }
        // `chain` is innermost-first; flip it into evaluation order.
        chain.reverse();
        for (cmp, rel) in chain {
            parts.push((cmp, rel));
        }
        // Relations sit on the left comparison of each pair.
        Ok(Condition { parts })
    }

    /// Builds a condition from `(left, operator, right, relation to next)`.
    pub(crate) fn from_chain(
        chain: Vec<(Operand, Option<String>, Operand, Option<bool>)>,
    ) -> Condition {
        let parts = chain
            .into_iter()
            .map(|(left, op, right, rel)| (Comparison::new(left, op, right), rel))
            .collect();
        Condition { parts }
    }

    /// A single comparison `left == right` (used by `case`/`when`).
    pub(crate) fn equals(left: Expression, right: Operand) -> Condition {
        Condition {
            parts: vec![(
                Comparison::new(Operand::Expr(left), Some("==".into()), right),
                None,
            )],
        }
    }

    /// Evaluates the condition to Ruby truthiness.
    pub fn evaluate(&self, ctx: &Context) -> Result<bool, Error> {
        let mut result = false;
        for (cmp, rel) in &self.parts {
            result = cmp.evaluate(ctx)?;
            match rel {
                Some(true) if !result => break,
                Some(false) if result => break,
                Some(_) => continue,
                None => break,
            }
        }
        Ok(result)
    }
}

impl Comparison {
    /// The comparison's truthiness.
    fn evaluate(&self, ctx: &Context) -> Result<bool, Error> {
        let left = eval_operand(&self.left, ctx)?;
        if self.kind == OpKind::None {
            // A method literal alone is its `to_s`, "", which is truthy.
            return Ok(match left {
                Val::V(v) => v.is_truthy(),
                _ => true,
            });
        }
        let op = self.op.as_deref().unwrap_or_default();
        let right = eval_operand(&self.right, ctx)?;
        match self.kind {
            OpKind::Eq => Ok(equal(&left, &right).is_truthy()),
            OpKind::Ne => Ok(!equal(&left, &right).is_truthy()),
            OpKind::Contains => Ok(contains(&left, &right)),
            OpKind::Ordering => Ok(ordering(op, &left, &right)?.is_truthy()),
            OpKind::None | OpKind::Unknown => {
                Err(Error::argument(format!("Unknown operator {op}")))
            }
        }
    }
}

fn eval_operand<'a>(o: &'a Operand, ctx: &'a Context) -> Result<Val<'a>, Error> {
    Ok(match o {
        Operand::Expr(e) => Val::V(e.evaluate_cow(ctx)?),
        Operand::Empty => Val::Empty,
        Operand::Blank => Val::Blank,
    })
}

/// `equal_variables`: a method literal asks the other side `empty?`/`blank?`.
fn equal(left: &Val, right: &Val) -> Value {
    match (left, right) {
        (Val::Empty, other) | (other, Val::Empty) => match other {
            Val::V(v) => v.is_empty_value().map_or(Value::Nil, Value::Bool),
            _ => Value::Nil,
        },
        // Plain Ruby has no `blank?`, so comparing with `blank` is nil.
        (Val::Blank, _) | (_, Val::Blank) => Value::Nil,
        (Val::V(a), Val::V(b)) => Value::Bool(liquid_eq(a, b)),
    }
}

fn contains(left: &Val, right: &Val) -> bool {
    let (Val::V(l), r) = (left, right) else {
        return false;
    };
    let l: &Value = l;
    let r: &Value = match r {
        Val::V(v) => v,
        // A method literal prints as "", which every string includes.
        _ => return matches!(l, Value::Str(_)),
    };
    if !l.is_truthy() || !r.is_truthy() {
        return false;
    }
    match l {
        Value::Str(s) => s.contains(&*crate::filters::to_s(r)),
        Value::Array(a) => a.iter().any(|x| liquid_eq(x, r)),
        Value::Hash(h) => h.keys().any(|k| liquid_eq(k, r)),
        Value::Range(a, z) => match *r {
            Value::Int(i) => (*a..=*z).contains(&i),
            Value::Float(f) => (*a as f64) <= f && f <= (*z as f64),
            _ => false,
        },
        // `Range#include?` compares with the bounds (`<=>`).
        Value::BigRange(_) => l.range_bounds().is_some_and(|(a, z)| {
            matches!(r, Value::Int(_) | Value::BigInt(_) | Value::Float(_))
                && compare(&a, r).is_some_and(|o| o != Ordering::Greater)
                && compare(r, &z).is_some_and(|o| o != Ordering::Greater)
        }),
        _ => false,
    }
}

fn ordering(op: &str, left: &Val, right: &Val) -> Result<Value, Error> {
    use crate::value::compare::is_comparable;
    let (Val::V(l), Val::V(r)) = (left, right) else {
        return Ok(Value::Nil);
    };
    // Ruby only calls `<` when both sides have it (Comparable values).
    if !is_comparable(l) || !is_comparable(r) {
        return Ok(Value::Nil);
    }
    let numeric = |v: &Value| matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Float(_));
    match compare(l, r) {
        Some(o) => Ok(Value::Bool(match op {
            "<" => o == Ordering::Less,
            ">" => o == Ordering::Greater,
            "<=" => o != Ordering::Greater,
            _ => o != Ordering::Less,
        })),
        None if numeric(l) && numeric(r) => Ok(Value::Bool(false)),
        None => Err(Error::argument(format!(
            "comparison of {} with {} failed",
            l.type_name(),
            describe(r)
        ))),
    }
}

fn describe(v: &Value) -> String {
    match v {
        Value::Int(_) | Value::BigInt(_) | Value::Float(_) | Value::Nil => v.inspect(),
        _ => v.type_name().to_string(),
    }
}

/// `(QuotedFragment)\s*([=!<>a-z_]+)?\s*(QuotedFragment)?`, searched.
fn parse_comparison(token: &str) -> Option<Comparison> {
    let s = token.as_bytes();
    let (ls, le) = lex::find_quoted_fragment(s, 0)?;
    let left = &token[ls..le];
    let i = lex::skip_space(s, le);
    let mut j = i;
    while j < s.len() && matches!(s[j], b'=' | b'!' | b'<' | b'>' | b'a'..=b'z' | b'_') {
        j += 1;
    }
    let (op, after) = if j > i {
        (Some(&token[i..j]), j)
    } else {
        (None, le)
    };
    let k = lex::skip_space(s, after);
    let right = lex::quoted_fragment_at(s, k).map(|e| &token[k..e]);
    Some(Comparison::new(
        Operand::parse(Some(left)),
        op.map(str::to_string),
        Operand::parse(right),
    ))
}

/// Liquid's `ExpressionsAndOperators` scan: expression chunks and the
/// `and`/`or` words between them.
fn split_and_or(markup: &str) -> Vec<&str> {
    let s = markup.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        if let Some(end) = and_or_at(s, i) {
            out.push(&markup[i..end]);
            i = end;
            continue;
        }
        // Fragment run: (\s* (?!and/or) (QuotedFragment|\S+) \s*)+
        let mut j = i;
        let mut matched = false;
        loop {
            let k = lex::skip_space(s, j);
            if k >= s.len() || and_or_at(s, k).is_some() {
                break;
            }
            let end = match lex::quoted_fragment_at(s, k) {
                Some(e) => e,
                None => {
                    let mut e = k;
                    while e < s.len() && !lex::is_space(s[e]) {
                        e += 1;
                    }
                    e
                }
            };
            if end == k {
                break;
            }
            j = lex::skip_space(s, end);
            matched = true;
        }
        if matched {
            out.push(&markup[i..j]);
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// `\b(?:\s?and\s?|\s?or\s?)\b` anchored at `i`.
fn and_or_at(s: &[u8], i: usize) -> Option<usize> {
    if !lex::word_boundary(s, i) {
        return None;
    }
    let leads: &[usize] = if i < s.len() && lex::is_space(s[i]) {
        &[1, 0]
    } else {
        &[0]
    };
    for &lead in leads {
        let w = i + lead;
        for word in [&b"and"[..], &b"or"[..]] {
            if s.get(w..w + word.len()) == Some(word) {
                let e = w + word.len();
                if e < s.len() && lex::is_space(s[e]) && lex::word_boundary(s, e + 1) {
                    return Some(e + 1);
                }
                if lex::word_boundary(s, e) {
                    return Some(e);
                }
            }
        }
    }
    None
}
