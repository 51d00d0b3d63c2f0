//! The standard filters, with Ruby Liquid 5.4's semantics. Each is a Ruby
//! method with a fixed arity: keyword arguments arrive as one trailing hash,
//! and a wrong argument count is an error, as in Ruby.

pub(crate) mod array;
pub(crate) mod date;
pub(crate) mod number;
pub(crate) mod string;

use crate::context::Context;
use crate::engine::{Engine, Filter, FilterArgs};
use crate::error::Error;
use crate::value::{Map, Value};

type StdFn = fn(&Value, &[Value], &mut Context) -> Result<Value, Error>;
type OwnedFn = fn(Value, &[Value], &mut Context) -> Result<Value, Error>;
type WriteFn = fn(&Value, &[Value], &mut String);

/// A standard filter: a function plus its Ruby arity (arguments after the
/// input), and optionally a version that consumes its input and one that
/// prints its result (it cannot fail) straight into a `{{ }}` output.
struct Std {
    f: StdFn,
    owned: Option<OwnedFn>,
    write: Option<WriteFn>,
    min: usize,
    max: usize,
}

impl Std {
    /// Whether `args` suit the fast forms: positional only, as many as
    /// the filter takes.
    fn plain_args(&self, args: &FilterArgs<'_>) -> bool {
        args.keyword.is_empty() && (self.min..=self.max).contains(&args.positional.len())
    }
}

impl Filter for Std {
    fn call_owned(
        &self,
        input: Value,
        args: &FilterArgs<'_>,
        ctx: &mut Context,
    ) -> Result<Value, Error> {
        match self.owned {
            Some(owned) if self.plain_args(args) => owned(input, args.positional, ctx),
            _ => self.call(&input, args, ctx),
        }
    }

    fn write_owned(
        &self,
        input: Value,
        args: &FilterArgs<'_>,
        ctx: &mut Context,
        out: &mut String,
    ) -> Result<(), Error> {
        match self.write {
            Some(write) if self.plain_args(args) => write(&input, args.positional, out),
            _ => self.call_owned(input, args, ctx)?.write_to(out),
        }
        Ok(())
    }

    fn call(
        &self,
        input: &Value,
        args: &FilterArgs<'_>,
        ctx: &mut Context,
    ) -> Result<Value, Error> {
        let all: std::borrow::Cow<'_, [Value]> = if args.keyword.is_empty() {
            std::borrow::Cow::Borrowed(args.positional)
        } else {
            let mut all = args.positional.to_vec();
            let mut map = Map::new();
            for (k, v) in args.keyword {
                map.insert(Value::Str(k.clone()), v.clone());
            }
            all.push(Value::hash(map));
            std::borrow::Cow::Owned(all)
        };
        if all.len() < self.min || all.len() > self.max {
            let expected = if self.min == self.max {
                (self.min + 1).to_string()
            } else {
                format!("{}..{}", self.min + 1, self.max + 1)
            };
            return Err(Error::argument(format!(
                "wrong number of arguments (given {}, expected {})",
                all.len() + 1,
                expected
            )));
        }
        (self.f)(input, &all, ctx)
    }
}

fn add(e: &mut Engine, name: &str, min: usize, max: usize, f: StdFn) {
    e.register_filter(
        name,
        Std {
            f,
            owned: None,
            write: None,
            min,
            max,
        },
    );
}

/// [`add`] for a filter that can also consume its input.
fn add_owned(e: &mut Engine, name: &str, min: usize, max: usize, f: StdFn, owned: OwnedFn) {
    e.register_filter(
        name,
        Std {
            f,
            owned: Some(owned),
            write: None,
            min,
            max,
        },
    );
}

/// [`add`] for a filter that can print its result straight into an output.
fn add_writing(e: &mut Engine, name: &str, min: usize, max: usize, f: StdFn, write: WriteFn) {
    e.register_filter(
        name,
        Std {
            f,
            owned: None,
            write: Some(write),
            min,
            max,
        },
    );
}

/// Registers every standard filter on `engine`.
pub(crate) fn register_standard(e: &mut Engine) {
    string::register(e);
    array::register(e);
    date::register(e);
    add(e, "abs", 0, 0, |v, _, _| Ok(number::abs(v)));
    add(e, "plus", 1, 1, |v, a, _| arith(v, &a[0], '+'));
    add(e, "minus", 1, 1, |v, a, _| arith(v, &a[0], '-'));
    add(e, "times", 1, 1, |v, a, _| arith(v, &a[0], '*'));
    add(e, "divided_by", 1, 1, |v, a, _| arith(v, &a[0], '/'));
    add(e, "modulo", 1, 1, |v, a, _| arith(v, &a[0], '%'));
    add(e, "ceil", 0, 0, |v, _, _| number::ceil_floor(v, true));
    add(e, "floor", 0, 0, |v, _, _| number::ceil_floor(v, false));
    add(e, "round", 0, 1, |v, a, _| number::round(v, a.first()));
    add(e, "at_least", 1, 1, |v, a, _| {
        Ok(number::clamp(v, &a[0], true))
    });
    add(e, "at_most", 1, 1, |v, a, _| {
        Ok(number::clamp(v, &a[0], false))
    });
    add(e, "default", 0, 2, default);
}

fn arith(v: &Value, operand: &Value, op: char) -> Result<Value, Error> {
    let r = number::apply(number::to_number(v), number::to_number(operand), op)?;
    Ok(r.into_value())
}

fn default(v: &Value, a: &[Value], _: &mut Context) -> Result<Value, Error> {
    let fallback = a.first().cloned().unwrap_or_else(|| Value::str(""));
    let allow_false = match a.get(1) {
        Some(Value::Hash(h)) => {
            crate::value::map_get(h, "allow_false").is_some_and(Value::is_truthy)
        }
        _ => false,
    };
    let false_check = if allow_false {
        v.is_nil()
    } else {
        !v.is_truthy()
    };
    if false_check || v.is_empty_value() == Some(true) {
        Ok(fallback)
    } else {
        Ok(v.clone())
    }
}

/// Builds a string result in a reused per-thread buffer, so the value
/// costs one allocation (a `String` turned into a [`Value`] is copied into
/// a new `Arc<str>` anyway). `f` may call filters that build strings too.
pub(crate) fn build_str(f: impl FnOnce(&mut String)) -> Value {
    thread_local! {
        static BUF: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    }
    BUF.with(|buf| match buf.try_borrow_mut() {
        Ok(mut buf) => {
            buf.clear();
            f(&mut buf);
            let v = Value::str(buf.as_str());
            // Don't keep a huge page's worth of memory per thread.
            if buf.capacity() > 1 << 20 {
                *buf = String::new();
            }
            v
        }
        Err(_) => {
            let mut s = String::new();
            f(&mut s);
            Value::str(s)
        }
    })
}

/// Ruby's `to_s` of a filter argument or input (arrays print as `inspect`,
/// unlike `{{ }}` output, which joins them). Strings are borrowed.
pub(crate) fn to_s(v: &Value) -> std::borrow::Cow<'_, str> {
    match v {
        Value::Str(s) => std::borrow::Cow::Borrowed(s),
        Value::Array(_) => std::borrow::Cow::Owned(v.inspect()),
        _ => std::borrow::Cow::Owned(v.to_liquid_string()),
    }
}
