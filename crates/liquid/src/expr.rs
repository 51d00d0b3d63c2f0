//! Expressions: literals, variable lookups and ranges, plus `{{ }}` output
//! markup with filters, parsed the lax way Ruby Liquid does.

use std::borrow::Cow;
use std::sync::Arc;

use crate::context::Context;
use crate::engine::{Engine, Filter, FilterArgs};
use crate::error::{Error, ErrorKind};
use crate::lex;
use crate::value::{map_get, MethodLiteral, Str, Value};

const MAX_EXPR_DEPTH: usize = 64;

/// A parsed expression (`a.b[0]`, `"x"`, `(1..n)`, `nil`...).
#[derive(Clone, Debug)]
pub enum Expression {
    /// A literal value.
    Literal(Value),
    /// A variable lookup.
    Lookup(Box<Lookup>),
    /// A range with at least one non-literal bound.
    Range(Box<Expression>, Box<Expression>),
    /// `empty` or `blank`: `""`, or the literal's object when the engine
    /// asks for method-literal values (Jekyll's setting).
    MethodLiteral(MethodLiteral),
}

/// A variable lookup: a name (possibly `[expr]`) and a chain of keys.
#[derive(Clone, Debug)]
pub struct Lookup {
    name: Option<Expression>,
    /// The scope filter bit of a literal name, computed once.
    name_bit: u64,
    keys: Vec<Key>,
}

/// How far a lookup got by reference ([`Lookup::walk`]).
enum Walk<'a> {
    /// The value, found without copying anything.
    Done(&'a Value),
    /// Key `usize` must be read from this value by the general steps (an
    /// object, an index, `size`/`first`/`last`).
    Stuck(&'a Value, usize),
    /// The lookup needs [`Lookup::evaluate`]'s general path.
    General,
}

#[derive(Clone, Debug)]
enum Key {
    /// `.name` (and whether it is `size`/`first`/`last`).
    Name(Str, bool),
    /// `[expr]`.
    Index(Expression),
}

impl Expression {
    /// Parses an expression as Ruby's `Expression.parse` does. Never fails:
    /// anything unrecognised becomes a variable lookup.
    pub fn parse(markup: &str) -> Expression {
        Expression::parse_at(markup, 0)
    }

    /// Nesting (ranges in ranges, brackets in brackets) is capped so that
    /// hostile input cannot exhaust the stack.
    fn parse_at(markup: &str, depth: usize) -> Expression {
        if depth > MAX_EXPR_DEPTH {
            return Expression::Literal(Value::Nil);
        }
        let m = markup.trim_matches(|c: char| c.is_ascii_whitespace() || c == '\0');
        let b = m.as_bytes();
        if b.len() >= 2
            && ((b[0] == b'"' && b[b.len() - 1] == b'"')
                || (b[0] == b'\'' && b[b.len() - 1] == b'\''))
        {
            return Expression::Literal(Value::str(&m[1..m.len() - 1]));
        }
        if b.len() == 1 && (b[0] == b'"' || b[0] == b'\'') {
            // Ruby's `markup[1..-2]` on a one-character string is "".
            return Expression::Literal(Value::str(""));
        }
        if is_integer(m) {
            return Expression::Literal(parse_int_literal(m));
        }
        if let Some((a, z)) = range_parts(m) {
            let start = Expression::parse_at(a, depth + 1);
            let end = Expression::parse_at(z, depth + 1);
            return match (&start, &end) {
                (Expression::Literal(x), Expression::Literal(y)) => {
                    Expression::Literal(Value::range(&literal_to_i(x), &literal_to_i(y)))
                }
                _ => Expression::Range(Box::new(start), Box::new(end)),
            };
        }
        if is_float(m) {
            return Expression::Literal(Value::Float(ruby_str_to_f(m)));
        }
        match m {
            "" | "nil" | "null" => Expression::Literal(Value::Nil),
            "true" => Expression::Literal(Value::Bool(true)),
            "false" => Expression::Literal(Value::Bool(false)),
            "blank" => Expression::MethodLiteral(MethodLiteral::Blank),
            "empty" => Expression::MethodLiteral(MethodLiteral::Empty),
            _ => Expression::Lookup(Box::new(Lookup::parse(m, depth))),
        }
    }

    /// Evaluates the expression.
    pub fn evaluate(&self, ctx: &Context) -> Result<Value, Error> {
        match self {
            Expression::Literal(v) => Ok(v.clone()),
            Expression::Lookup(l) => l.evaluate(ctx),
            Expression::Range(a, z) => {
                let a = range_bound(a.evaluate(ctx)?)?;
                let z = range_bound(z.evaluate(ctx)?)?;
                Ok(Value::range(&a, &z))
            }
            Expression::MethodLiteral(m) => Ok(method_literal(*m, ctx).clone()),
        }
    }

    /// The value, borrowed when that needs no copy (literals, and
    /// variables reached through plain `.key` steps into hashes), computed
    /// otherwise; a lookup that reaches a host object goes on from there
    /// instead of starting over.
    pub(crate) fn evaluate_cow<'a>(&'a self, ctx: &'a Context) -> Result<Cow<'a, Value>, Error> {
        match self {
            Expression::Literal(v) => Ok(Cow::Borrowed(v)),
            Expression::Lookup(l) => match l.walk(ctx) {
                Walk::Done(v) => Ok(Cow::Borrowed(v)),
                Walk::Stuck(cur, i) => l.finish(ctx, cur, i).map(Cow::Owned),
                Walk::General => l.evaluate(ctx).map(Cow::Owned),
            },
            Expression::Range(..) => self.evaluate(ctx).map(Cow::Owned),
            Expression::MethodLiteral(m) => Ok(Cow::Borrowed(method_literal(*m, ctx))),
        }
    }

    /// The literal `nil` expression.
    pub fn nil() -> Expression {
        Expression::Literal(Value::Nil)
    }
}

/// A variable's value as Ruby's lookups see it (`to_liquid`): a method
/// literal stored in a variable reads back as its `to_s`, `""`.
#[inline(always)]
fn to_liquid(v: &Value) -> &Value {
    static EMPTY_STRING: std::sync::LazyLock<Value> = std::sync::LazyLock::new(|| Value::str(""));
    match v {
        Value::Object(_) if MethodLiteral::of(v).is_some() => &EMPTY_STRING,
        _ => v,
    }
}

/// [`to_liquid`] of a value the caller owns: the value itself, without the
/// copy (and the drop of the original) that cloning the borrow costs.
#[inline(always)]
fn into_liquid(v: Value) -> Value {
    match v {
        Value::Object(_) if MethodLiteral::of(&v).is_some() => to_liquid(&v).clone(),
        _ => v,
    }
}

/// What `empty`/`blank` evaluate to with this engine.
fn method_literal(m: MethodLiteral, ctx: &Context) -> &'static Value {
    static EMPTY_STRING: std::sync::LazyLock<Value> = std::sync::LazyLock::new(|| Value::str(""));
    if ctx.engine().reg.method_literal_values {
        m.value()
    } else {
        &EMPTY_STRING
    }
}

fn is_integer(m: &str) -> bool {
    let d = m.strip_prefix('-').unwrap_or(m);
    !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit())
}

fn parse_int_literal(m: &str) -> Value {
    match m.parse::<i64>() {
        Ok(i) => Value::Int(i),
        // Past 64 bits Ruby's literal is a Bignum.
        Err(_) => m
            .parse::<num_bigint::BigInt>()
            .map_or(Value::Nil, Value::integer),
    }
}

/// `\A(-?\d[\d\.]+)\z`
fn is_float(m: &str) -> bool {
    let d = m.strip_prefix('-').unwrap_or(m).as_bytes();
    d.len() >= 2 && d[0].is_ascii_digit() && d[1..].iter().all(|b| b.is_ascii_digit() || *b == b'.')
}

/// Ruby's `String#to_f` for the `-?\d[\d.]+` shapes the parser accepts.
pub(crate) fn ruby_str_to_f(m: &str) -> f64 {
    let b = m.as_bytes();
    let mut end = 0;
    if end < b.len() && (b[end] == b'-' || b[end] == b'+') {
        end += 1;
    }
    while end < b.len() && b[end].is_ascii_digit() {
        end += 1;
    }
    if end + 1 < b.len() && b[end] == b'.' && b[end + 1].is_ascii_digit() {
        end += 1;
        while end < b.len() && b[end].is_ascii_digit() {
            end += 1;
        }
    }
    m[..end].parse().unwrap_or(0.0)
}

/// `\A\(\s*(?>(\S+)\s*\.\.)\s*(\S+)\s*\)\z`
fn range_parts(m: &str) -> Option<(&str, &str)> {
    let inner = m.strip_prefix('(')?.strip_suffix(')')?;
    let s = inner.as_bytes();
    let i = lex::skip_space(s, 0);
    let start_begin = i;
    let mut j = i;
    while j < s.len() && !lex::is_space(s[j]) {
        j += 1;
    }
    // Atomic group: `\S+` greedy, then backtrack to find `\s*..`.
    let mut k = j;
    let (start_end, after_dots) = loop {
        if k <= start_begin {
            return None;
        }
        let sp = lex::skip_space(s, k);
        if k == j && s.get(sp..sp + 2) == Some(b"..") {
            break (k, sp + 2);
        }
        if k < j && s.get(k..k + 2) == Some(b"..") {
            break (k, k + 2);
        }
        k -= 1;
    };
    if start_end <= start_begin {
        return None;
    }
    let e = lex::skip_space(s, after_dots);
    let mut f = e;
    while f < s.len() && !lex::is_space(s[f]) {
        f += 1;
    }
    if f == e || lex::skip_space(s, f) != s.len() {
        return None;
    }
    Some((&inner[start_begin..start_end], &inner[e..f]))
}

/// `to_i` of a literal range bound (Ruby's `Float#to_i` and
/// `String#to_i` grow into Bignums).
fn literal_to_i(v: &Value) -> Value {
    match v {
        Value::Int(_) | Value::BigInt(_) => v.clone(),
        Value::Float(f) => {
            num_traits::FromPrimitive::from_f64(f.trunc()).map_or(Value::Int(0), Value::integer)
        }
        Value::Str(s) => crate::filters::number::str_to_int_value(s),
        _ => Value::Int(0),
    }
}

/// `RangeLookup#to_integer`: integers as they are, nil and strings by
/// `to_i`, anything else by `Utils.to_integer`.
fn range_bound(v: Value) -> Result<Value, Error> {
    match v {
        Value::Int(_) | Value::BigInt(_) => Ok(v),
        Value::Nil => Ok(Value::Int(0)),
        Value::Str(s) => Ok(crate::filters::number::str_to_int_value(&s)),
        other => to_integer(&other).map(Value::Int),
    }
}

/// Liquid's `Utils.to_integer`: `Integer(value.to_s)` or "invalid integer".
///
/// A Bignum saturates to `i64`'s range: every caller only compares it
/// with lengths and counts, where the two agree.
pub(crate) fn to_integer(v: &Value) -> Result<i64, Error> {
    match v {
        Value::Int(i) => return Ok(*i),
        Value::BigInt(b) => {
            return Ok(if b.sign() == num_bigint::Sign::Minus {
                i64::MIN
            } else {
                i64::MAX
            })
        }
        _ => {}
    }
    lex::ruby_integer(&v.to_liquid_string()).ok_or_else(|| Error::argument("invalid integer"))
}

impl Lookup {
    fn parse(markup: &str, depth: usize) -> Lookup {
        let mut parts = lex::variable_parts(markup).into_iter();
        let name = parts.next().map(|p| {
            if p.starts_with('[') && p.ends_with(']') {
                Expression::parse_at(&p[1..p.len() - 1], depth + 1)
            } else {
                Expression::Literal(Value::str(p))
            }
        });
        let keys = parts
            .map(|p| {
                if p.starts_with('[') && p.ends_with(']') {
                    Key::Index(Expression::parse_at(&p[1..p.len() - 1], depth + 1))
                } else {
                    Key::Name(p.into(), matches!(p, "size" | "first" | "last"))
                }
            })
            .collect();
        let name_bit = match &name {
            Some(Expression::Literal(Value::Str(n))) => crate::context::name_bit(n),
            _ => 0,
        };
        Lookup {
            name,
            name_bit,
            keys,
        }
    }

    fn evaluate(&self, ctx: &Context) -> Result<Value, Error> {
        let strict = ctx.engine().reg.strict_variables;
        match self.walk(ctx) {
            Walk::Done(v) => return Ok(v.clone()),
            Walk::Stuck(cur, i) => return self.finish(ctx, cur, i),
            Walk::General => {}
        }
        let undefined = |name: &str| {
            Error::new(
                ErrorKind::UndefinedVariable,
                format!("undefined variable {name}"),
            )
        };
        let found = match &self.name {
            None => return Ok(Value::Nil),
            Some(Expression::Literal(Value::Str(n))) => ctx.get(n).ok_or_else(|| undefined(n)),
            Some(e) => match e.evaluate(ctx)? {
                Value::Str(n) => ctx.get(&n).ok_or_else(|| undefined(&n)),
                other => Err(undefined(&other.to_liquid_string())),
            },
        };
        let mut obj = match found {
            Ok(v) => into_liquid(v),
            Err(e) if strict => return Err(e),
            Err(_) => Value::Nil,
        };
        for key in &self.keys {
            let k = match key {
                Key::Name(k, _) => Value::Str(k.clone()),
                Key::Index(e) => e.evaluate(ctx)?,
            };
            let command = matches!(key, Key::Name(_, true));
            if strict && !has_key(&obj, &k, command) {
                return Err(undefined(&k.to_liquid_string()));
            }
            check_index(&obj, &k)?;
            obj = lookup_key(&obj, &k, command);
            if obj.is_nil() && !strict {
                return Ok(Value::Nil);
            }
        }
        Ok(into_liquid(obj))
    }

    /// Follows the lookup by reference as far as it can (non-strict mode):
    /// a named variable, then plain `.key` steps through hashes.
    #[inline]
    fn walk<'a>(&'a self, ctx: &'a Context) -> Walk<'a> {
        static NIL: Value = Value::Nil;
        if ctx.engine().reg.strict_variables {
            return Walk::General;
        }
        let Some(Expression::Literal(Value::Str(name))) = &self.name else {
            return Walk::General;
        };
        let mut cur: &Value = match ctx.get_ref_with_bit(name, self.name_bit) {
            Some(v) => to_liquid(v),
            None => return Walk::Done(&NIL),
        };
        for (i, key) in self.keys.iter().enumerate() {
            let Key::Name(k, false) = key else {
                return Walk::Stuck(cur, i);
            };
            cur = match cur {
                Value::Hash(h) => match map_get(h, k) {
                    Some(v) => v,
                    None => return Walk::Done(&NIL),
                },
                _ => return Walk::Stuck(cur, i),
            };
        }
        Walk::Done(to_liquid(cur))
    }

    /// Continues a lookup from `start` at key index `from` (non-strict).
    fn finish(&self, ctx: &Context, start: &Value, from: usize) -> Result<Value, Error> {
        let Some(first) = self.keys.get(from) else {
            return Ok(to_liquid(start).clone());
        };
        let mut obj = step(ctx, start, first)?;
        for key in &self.keys[from + 1..] {
            if obj.is_nil() {
                return Ok(Value::Nil);
            }
            obj = step(ctx, &obj, key)?;
        }
        Ok(into_liquid(obj))
    }
}

/// One non-strict lookup step: `obj.name`, `obj[expr]`, `size`...
#[inline]
fn step(ctx: &Context, obj: &Value, key: &Key) -> Result<Value, Error> {
    Ok(match key {
        Key::Name(k, command) => lookup_name(obj, k, *command),
        Key::Index(e) => {
            let k = e.evaluate(ctx)?;
            check_index(obj, &k)?;
            lookup_key(obj, &k, false)
        }
    })
}

/// `Array#[]` takes a C long: a Bignum index raises Ruby's RangeError.
fn check_index(obj: &Value, key: &Value) -> Result<(), Error> {
    match (obj, key) {
        (Value::Array(_), Value::BigInt(_)) => Err(crate::filters::number::bignum_range_error()),
        _ => Ok(()),
    }
}

/// Whether `obj[key]` exists, for strict variables.
fn has_key(obj: &Value, key: &Value, command: bool) -> bool {
    let exists = match (obj, key) {
        (Value::Hash(h), Value::Str(k)) => map_get(h, k).is_some(),
        (Value::Hash(h), k) => h.get(k).is_some(),
        (Value::Array(a), Value::Int(i)) => {
            let len = a.len() as i64;
            (-len..len).contains(i)
        }
        (Value::Object(o), k) => o.contains_key(&k.to_liquid_string()),
        _ => false,
    };
    exists || (command && !lookup_key(obj, key, true).is_nil())
}

/// One step of a variable lookup: `obj[key]`, or `size`/`first`/`last`.
pub(crate) fn lookup_key(obj: &Value, key: &Value, command: bool) -> Value {
    match (obj, key) {
        (_, Value::Str(k)) => lookup_name(obj, k, command),
        (Value::Hash(h), k) => h.get(k).cloned().unwrap_or_default(),
        (Value::Array(a), Value::Int(i)) => {
            let len = a.len() as i64;
            let idx = if *i < 0 { len + i } else { *i };
            if (0..len).contains(&idx) {
                a[idx as usize].clone()
            } else {
                Value::Nil
            }
        }
        (Value::Object(o), k) => {
            let k = k.to_liquid_string();
            o.get(&k).unwrap_or_default()
        }
        _ => Value::Nil,
    }
}

/// [`lookup_key`] with a string key (`.name` steps and `["name"]`).
fn lookup_name(obj: &Value, k: &str, command: bool) -> Value {
    match obj {
        Value::Hash(h) => {
            if let Some(v) = map_get(h, k) {
                return v.clone();
            }
        }
        Value::Object(o) => return o.get(k).unwrap_or_default(),
        _ => {}
    }
    if !command {
        return Value::Nil;
    }
    match (k, obj) {
        ("size", Value::Str(s)) => Value::Int(s.chars().count() as i64),
        ("size", Value::Array(a)) => Value::Int(a.len() as i64),
        ("size", Value::Hash(h)) => Value::Int(h.len() as i64),
        ("size", Value::Int(_) | Value::BigInt(_)) => {
            Value::Int(crate::value::IntRef::of(obj).map_or(8, |i| i.size()))
        }
        ("size", Value::Range(..) | Value::BigRange(_)) => obj.range_size().unwrap_or_default(),
        ("first", Value::Array(a)) => a.first().cloned().unwrap_or_default(),
        ("last", Value::Array(a)) => a.last().cloned().unwrap_or_default(),
        ("first", Value::Hash(h)) => h
            .first()
            .map(|(k, v)| Value::array(vec![k.clone(), v.clone()]))
            .unwrap_or_default(),
        ("first", Value::Range(..) | Value::BigRange(_)) => {
            obj.range_bounds().map(|b| b.0).unwrap_or_default()
        }
        ("last", Value::Range(..) | Value::BigRange(_)) => {
            obj.range_bounds().map(|b| b.1).unwrap_or_default()
        }
        _ => Value::Nil,
    }
}

/// What an unknown filter does when filters are not strict: nothing.
struct PassThrough;

impl Filter for PassThrough {
    fn call(&self, input: &Value, _: &FilterArgs<'_>, _: &mut Context) -> Result<Value, Error> {
        Ok(input.clone())
    }

    fn call_owned(
        &self,
        input: Value,
        _: &FilterArgs<'_>,
        _: &mut Context,
    ) -> Result<Value, Error> {
        Ok(input)
    }
}

/// A filter application inside output markup.
#[derive(Clone)]
pub(crate) struct FilterCall {
    name: Str,
    filter: Option<Arc<dyn Filter>>,
    args: Vec<Expression>,
    kwargs: Vec<(Str, Expression)>,
    /// The argument values when every argument is a literal (most calls:
    /// `date: "%Y"`, `split: " "`), lent to the filter without copies.
    literal_args: Option<Vec<Value>>,
}

/// Output markup: an expression followed by filters (`x | upcase`).
#[derive(Clone)]
pub struct Variable {
    expr: Option<Expression>,
    filters: Vec<FilterCall>,
    strict_filters: bool,
}

impl std::fmt::Debug for Variable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Variable")
            .field("expr", &self.expr)
            .finish_non_exhaustive()
    }
}

impl Variable {
    /// Parses `{{ ... }}` markup the lax way; never fails.
    pub fn parse(markup: &str, engine: &Engine) -> Variable {
        let s = markup.as_bytes();
        let Some((start, end)) = lex::find_quoted_fragment(s, 0) else {
            return Variable::from_parts(None, &[], engine);
        };
        let expr = &markup[start..end];
        let rest = &markup[end..];
        let mut filters = Vec::new();
        if let Some(pipe) = rest.find('|') {
            let filters_src =
                rest[pipe + 1..].trim_start_matches(|c: char| c.is_ascii_whitespace());
            for chunk in filter_chunks(filters_src) {
                let cb = chunk.as_bytes();
                let Some(ns) = cb.iter().position(|&b| lex::is_word(b)) else {
                    continue;
                };
                let ne = cb[ns..]
                    .iter()
                    .position(|&b| !lex::is_word(b))
                    .map_or(cb.len(), |p| ns + p);
                let args = filter_args(chunk).into_iter().map(str::to_string).collect();
                filters.push((chunk[ns..ne].to_string(), args));
            }
        }
        Variable::from_parts(Some(expr), &filters, engine)
    }

    /// Builds a variable from its expression and `(filter, raw args)` parts.
    pub(crate) fn from_parts(
        expr: Option<&str>,
        filters: &[(String, Vec<String>)],
        engine: &Engine,
    ) -> Variable {
        let mut v = Variable {
            expr: expr.map(Expression::parse),
            filters: Vec::new(),
            strict_filters: engine.reg.strict_filters,
        };
        for (name, raw_args) in filters {
            let mut call = FilterCall {
                name: name.as_str().into(),
                filter: engine.filter(name).cloned(),
                args: Vec::new(),
                kwargs: Vec::new(),
                literal_args: None,
            };
            for arg in raw_args {
                let ab = arg.as_bytes();
                match lex::tag_attribute_at(ab, 0) {
                    Some((ke, vs, ve)) if ve == ab.len() => {
                        let key: Str = arg[..ke].into();
                        let val = Expression::parse(&arg[vs..ve]);
                        // A repeated keyword keeps its first position, last value.
                        if let Some(slot) = call.kwargs.iter_mut().find(|(k, _)| *k == key) {
                            slot.1 = val;
                        } else {
                            call.kwargs.push((key, val));
                        }
                    }
                    _ => call.args.push(Expression::parse(arg)),
                }
            }
            if call.kwargs.is_empty() {
                call.literal_args = call
                    .args
                    .iter()
                    .map(|a| match a {
                        Expression::Literal(v) => Some(v.clone()),
                        _ => None,
                    })
                    .collect();
            }
            v.filters.push(call);
        }
        v
    }

    /// Evaluates the expression and applies the filters.
    pub fn evaluate(&self, ctx: &mut Context) -> Result<Value, Error> {
        let mut value = self.input(ctx)?;
        for call in &self.filters {
            value = self.call(call, ctx, |f, args, ctx| f.call_owned(value, args, ctx))?;
        }
        Ok(value)
    }

    /// The expression's value, before any filter.
    fn input(&self, ctx: &Context) -> Result<Value, Error> {
        match &self.expr {
            Some(e) => e.evaluate(ctx),
            None => Ok(Value::Nil),
        }
    }

    /// Evaluates `call`'s arguments and hands them to `run` with the filter
    /// (an unknown filter passes its input through unless filters are
    /// strict).
    #[inline]
    fn call<R>(
        &self,
        call: &FilterCall,
        ctx: &mut Context,
        run: impl FnOnce(&dyn Filter, &FilterArgs<'_>, &mut Context) -> Result<R, Error>,
    ) -> Result<R, Error> {
        // Literal arguments (most calls) are lent as they are.
        if let Some(literal) = &call.literal_args {
            let args = FilterArgs {
                positional: literal,
                keyword: &[],
            };
            return self.with_filter(call, ctx, &args, run);
        }
        // Up to four arguments live on the stack.
        let mut small: [Value; 4] = Default::default();
        let mut heap = Vec::new();
        let positional: &[Value] = if call.args.len() <= small.len() {
            for (slot, a) in small.iter_mut().zip(&call.args) {
                *slot = a.evaluate(ctx)?;
            }
            &small[..call.args.len()]
        } else {
            for a in &call.args {
                heap.push(a.evaluate(ctx)?);
            }
            &heap
        };
        let mut keyword = Vec::new();
        for (k, a) in &call.kwargs {
            keyword.push((k.clone(), a.evaluate(ctx)?));
        }
        let args = FilterArgs {
            positional,
            keyword: &keyword,
        };
        self.with_filter(call, ctx, &args, run)
    }

    /// Finds `call`'s filter (after its arguments were evaluated, as Ruby
    /// does) and runs it.
    #[inline]
    fn with_filter<R>(
        &self,
        call: &FilterCall,
        ctx: &mut Context,
        args: &FilterArgs<'_>,
        run: impl FnOnce(&dyn Filter, &FilterArgs<'_>, &mut Context) -> Result<R, Error>,
    ) -> Result<R, Error> {
        if let Some(f) = &call.filter {
            return run(&**f, args, ctx);
        }
        match ctx.engine().filter(&call.name).cloned() {
            Some(f) => run(&*f, args, ctx),
            None if self.strict_filters => Err(Error::new(
                ErrorKind::UndefinedFilter,
                format!("undefined filter {}", call.name),
            )),
            None => run(&PassThrough, args, ctx),
        }
    }

    /// Appends `{{ ... }}` output to `out`: a variable without filters is
    /// printed by reference, and the last filter prints its result
    /// straight into `out` ([`Filter::write_owned`]), which then is never
    /// kept as a value.
    pub(crate) fn render(&self, ctx: &mut Context, out: &mut String) -> Result<(), Error> {
        let Some((last, first)) = self.filters.split_last() else {
            if let Some(e) = &self.expr {
                e.evaluate_cow(ctx)?.write_to(out);
            }
            return Ok(());
        };
        let mut value = self.input(ctx)?;
        for call in first {
            value = self.call(call, ctx, |f, args, ctx| f.call_owned(value, args, ctx))?;
        }
        self.call(last, ctx, |f, args, ctx| {
            f.write_owned(value, args, ctx, out)
        })
    }

    /// Whether the markup had no expression at all (`{{ }}`).
    pub fn is_empty(&self) -> bool {
        self.expr.is_none()
    }
}

/// `filters_src.scan(/(?:\s+|QuotedFragment|,)+/)`: splits at `|` (and at
/// stray quotes).
fn filter_chunks(src: &str) -> Vec<&str> {
    let s = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        let start = i;
        loop {
            if i < s.len() && (lex::is_space(s[i]) || s[i] == b',') {
                i += 1;
            } else if let Some(e) = lex::quoted_fragment_at(s, i) {
                i = e;
            } else {
                break;
            }
        }
        if i > start {
            out.push(&src[start..i]);
        } else {
            i += 1;
        }
    }
    out
}

/// `chunk.scan(/(?::|,)\s*((?:\w+\s*:\s*)?QuotedFragment)/)`.
fn filter_args(chunk: &str) -> Vec<&str> {
    let s = chunk.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        if s[i] == b':' || s[i] == b',' {
            let a = lex::skip_space(s, i + 1);
            // Optional `\w+\s*:\s*` keyword prefix.
            let mut end = None;
            let mut w = a;
            while w < s.len() && lex::is_word(s[w]) {
                w += 1;
            }
            if w > a {
                let c = lex::skip_space(s, w);
                if c < s.len() && s[c] == b':' {
                    let v = lex::skip_space(s, c + 1);
                    end = lex::quoted_fragment_at(s, v);
                }
            }
            let end = end.or_else(|| lex::quoted_fragment_at(s, a));
            if let Some(e) = end {
                out.push(&chunk[a..e]);
                i = e;
                continue;
            }
        }
        i += 1;
    }
    out
}
