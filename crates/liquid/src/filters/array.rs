//! Array filters. Inputs go through Liquid's `InputIterator` (arrays are
//! flattened, a hash is one item, other values are wrapped), and item
//! properties are read with Ruby's `[]`, quirks included.

use std::cmp::Ordering;
use std::sync::Arc;

use num_traits::ToPrimitive;

use super::{add, add_owned, add_writing, to_s};

use crate::context::Context;
use crate::engine::Engine;
use crate::error::Error;
use crate::value::{compare, liquid_eq, Value};

pub(super) fn register(e: &mut Engine) {
    add(e, "size", 0, 0, |v, _, _| Ok(size(v)));
    add(e, "first", 0, 0, |v, _, _| Ok(first_last(v, true)));
    add(e, "last", 0, 0, |v, _, _| Ok(first_last(v, false)));
    add_writing(e, "join", 0, 1, |v, a, _| Ok(join(v, a)), join_into);
    add_owned(
        e,
        "reverse",
        0,
        0,
        |v, _, _| {
            let mut items = input_items(v);
            items.reverse();
            Ok(Value::array(items))
        },
        |v, _, _| {
            // An array no one else holds is reversed in place.
            let mut items = unique_flat_items(v)?;
            items.reverse();
            Ok(Value::array(items))
        },
    );
    add_owned(e, "sort", 0, 1, sort, sort_owned);
    add(e, "sort_natural", 0, 1, sort_natural);
    add(e, "where", 1, 2, where_filter);
    add(e, "uniq", 0, 1, uniq);
    add(e, "map", 1, 1, map);
    add(e, "compact", 0, 1, compact);
    add(e, "concat", 1, 1, |v, a, _| {
        let Value::Array(extra) = &a[0] else {
            return Err(Error::argument("concat filter requires an array argument"));
        };
        let mut items = input_items(v);
        items.extend(extra.iter().cloned());
        Ok(Value::array(items))
    });
}

/// `join`: the items' `to_s` with `glue` (a space by default) between them.
fn join(v: &Value, a: &[Value]) -> Value {
    let items = items_ref(v);
    if let [item @ Value::Str(_)] = &items[..] {
        // One string is its own join (the compress layout joins what
        // follows each comment): share it.
        return item.clone();
    }
    let mut out = String::new();
    join_items(&items, a, &mut out);
    Value::str(out)
}

/// [`join`], appended to `out` (the compress layout prints a page's
/// words joined: they go straight into the page).
fn join_into(v: &Value, a: &[Value], out: &mut String) {
    join_items(&items_ref(v), a, out);
}

fn join_items(items: &[Value], a: &[Value], out: &mut String) {
    let glue = a.first().map_or(std::borrow::Cow::Borrowed(" "), to_s);
    // Sized for string items up front: joining a page's words grew the
    // string a dozen times.
    let size: usize = items
        .iter()
        .map(|x| match x {
            Value::Str(s) => s.len() + glue.len(),
            _ => glue.len(),
        })
        .sum();
    out.reserve(size);
    let Some((first, rest)) = items.split_first() else {
        return;
    };
    push_item(first, out);
    match glue.as_bytes() {
        // A one-byte glue (the compress layout joins a page's words with a
        // space) is pushed as a character rather than copied as a string.
        &[b] if b.is_ascii() => {
            let glue = char::from(b);
            for item in rest {
                out.push(glue);
                push_item(item, out);
            }
        }
        _ => {
            for item in rest {
                out.push_str(&glue);
                push_item(item, out);
            }
        }
    }
}

/// Appends a joined item's `to_s`.
#[inline(always)]
fn push_item(item: &Value, out: &mut String) {
    match item {
        Value::Str(s) => out.push_str(s),
        _ => item.write_to(out),
    }
}

/// `InputIterator`: the items a filter iterates.
pub fn input_items(v: &Value) -> Vec<Value> {
    match v {
        Value::Array(a) => {
            let mut out = Vec::with_capacity(a.len());
            flatten_into(a, &mut out, 0);
            out
        }
        Value::Nil => vec![],
        Value::Range(a, b) => {
            if b >= a && b.saturating_sub(*a) < 10_000_000 {
                (*a..=*b).map(Value::Int).collect()
            } else {
                vec![]
            }
        }
        Value::BigRange(r) => {
            let n = (&r.1 - &r.0).to_i64().unwrap_or(-1);
            (0..if (0..10_000_000).contains(&n) {
                n + 1
            } else {
                0
            })
                .map(|k| Value::integer(&r.0 + k))
                .collect()
        }
        Value::Object(o) => match o.to_array() {
            Some(arr) => input_items(&arr),
            None => vec![v.clone()],
        },
        // `Kernel#Array(time)` is `time.to_a`.
        Value::Time(t) => time_to_a(t),
        other => vec![other.clone()],
    }
}

/// Ruby's `Time#to_a`: sec, min, hour, day, month, year, wday, yday, isdst, zone.
fn time_to_a(t: &crate::value::Time) -> Vec<Value> {
    use crate::value::TimeMode;
    // A fixed offset has no zone name; a local time's is the local zone's,
    // known here only when that is UTC.
    let zone = match t.mode {
        TimeMode::Utc => Value::str("UTC"),
        TimeMode::Local if t.offset().local_minus_utc() == 0 => Value::str("UTC"),
        _ => Value::Nil,
    };
    let c = t.civil();
    vec![
        Value::Int(c.second.into()),
        Value::Int(c.minute.into()),
        Value::Int(c.hour.into()),
        Value::Int(c.day.into()),
        Value::Int(c.month.into()),
        Value::from(c.year),
        Value::Int(c.wday.into()),
        Value::Int(c.yday.into()),
        Value::Bool(false),
        zone,
    ]
}

/// The items of an array no one else holds and that needs no flattening,
/// taken without touching them; otherwise `input_items`.
fn unique_flat_items(v: Value) -> Result<Vec<Value>, Error> {
    match v {
        Value::Array(mut a) if !a.iter().any(|x| matches!(x, Value::Array(_))) => {
            match Arc::get_mut(&mut a) {
                Some(items) => Ok(std::mem::take(items)),
                None => Ok(a.to_vec()),
            }
        }
        other => Ok(input_items(&other)),
    }
}

/// `sort` consuming its input: sorting by a string property reorders the
/// items in place of copying them.
fn sort_owned(v: Value, a: &[Value], ctx: &mut Context) -> Result<Value, Error> {
    let Some(p) = a.first().filter(|p| !p.is_nil()) else {
        return sort(&v, a, ctx);
    };
    let order = match &v {
        Value::Array(items) if !items.is_empty() && Arc::strong_count(items) == 1 => {
            let items_ref: &[Value] = items;
            if items_ref.iter().any(|x| matches!(x, Value::Array(_))) {
                None
            } else {
                match keyed(items_ref, p)? {
                    Some(keys) => string_key_order(&keys),
                    None => return Ok(Value::Nil),
                }
            }
        }
        _ => None,
    };
    let Some(order) = order else {
        return sort(&v, a, ctx);
    };
    let mut items = unique_flat_items(v)?;
    Ok(Value::array(
        order
            .into_iter()
            .map(|i| std::mem::take(&mut items[i]))
            .collect(),
    ))
}

/// The stable order of string keys, or `None` unless every key is a string.
fn string_key_order(keys: &[std::borrow::Cow<'_, Value>]) -> Option<Vec<usize>> {
    let mut pairs = Vec::with_capacity(keys.len());
    for (i, k) in keys.iter().enumerate() {
        match &**k {
            Value::Str(s) => pairs.push((s.as_bytes(), i)),
            _ => return None,
        }
    }
    pairs.sort_by(|a, b| a.0.cmp(b.0));
    Some(pairs.into_iter().map(|(_, i)| i).collect())
}

/// The items without copying when the input is already a flat array.
fn items_ref(v: &Value) -> std::borrow::Cow<'_, [Value]> {
    match v {
        Value::Array(a) if !a.iter().any(|x| matches!(x, Value::Array(_))) => {
            std::borrow::Cow::Borrowed(&a[..])
        }
        _ => std::borrow::Cow::Owned(input_items(v)),
    }
}

fn flatten_into(items: &[Value], out: &mut Vec<Value>, depth: usize) {
    for item in items {
        match item {
            Value::Array(inner) if depth < 100 => flatten_into(inner, out, depth + 1),
            other => out.push(other.clone()),
        }
    }
}

/// What `item[property]` does in Ruby.
enum Prop {
    /// The item has no `[]` (nil, numbers other than integers, booleans...).
    NoMethod,
    /// `[]` raised a `TypeError`.
    TypeError,
    Value(Value),
}

fn prop(item: &Value, key: &Value) -> Prop {
    match item {
        Value::Hash(h) => Prop::Value(match key {
            Value::Str(s) => crate::value::map_get(h, s).cloned().unwrap_or_default(),
            k => h.get(k).cloned().unwrap_or_default(),
        }),
        Value::Object(o) => Prop::Value(o.get(&key.to_liquid_string()).unwrap_or_default()),
        Value::Str(s) => match key {
            Value::Str(k) => Prop::Value(if s.contains(&**k) {
                Value::Str(k.clone())
            } else {
                Value::Nil
            }),
            Value::Int(i) => Prop::Value(char_at(s, *i)),
            Value::Float(f) => Prop::Value(char_at(s, *f as i64)),
            _ => Prop::TypeError,
        },
        Value::Int(n) => match key {
            Value::Int(i) => Prop::Value(Value::Int(if (0..64).contains(i) {
                (n >> i) & 1
            } else {
                i64::from(*n < 0 && *i >= 64)
            })),
            _ => Prop::TypeError,
        },
        // `Integer#[]` reads a bit of the two's complement form.
        Value::BigInt(n) => match key {
            Value::Int(i) if *i < 0 => Prop::Value(Value::Int(0)),
            Value::Int(i) => {
                let shift = usize::try_from(*i).unwrap_or(usize::MAX);
                Prop::Value(Value::Int(if shift > n.bits() as usize + 1 {
                    i64::from(n.sign() == num_bigint::Sign::Minus)
                } else {
                    i64::from(((&**n >> shift) & num_bigint::BigInt::from(1)) == 1.into())
                }))
            }
            _ => Prop::TypeError,
        },
        Value::Array(_) => match key {
            Value::Int(i) => Prop::Value(crate::expr::lookup_key(item, &Value::Int(*i), false)),
            _ => Prop::TypeError,
        },
        _ => Prop::NoMethod,
    }
}

fn char_at(s: &str, i: i64) -> Value {
    let n = s.chars().count() as i64;
    let idx = if i < 0 { n + i } else { i };
    if (0..n).contains(&idx) {
        s.chars()
            .nth(idx as usize)
            .map_or(Value::Nil, |c| Value::str(c.to_string()))
    } else {
        Value::Nil
    }
}

fn property_error(property: &Value) -> Error {
    Error::argument(format!("cannot select the property '{}'", to_s(property)))
}

fn size(v: &Value) -> Value {
    Value::Int(match v {
        Value::Str(s) => s.chars().count() as i64,
        Value::Array(a) => a.len() as i64,
        Value::Hash(h) => h.len() as i64,
        Value::Int(_) => 8,
        Value::BigInt(_) => crate::value::IntRef::of(v).map_or(8, |i| i.size()),
        Value::Range(..) | Value::BigRange(_) => return v.range_size().unwrap_or_default(),
        Value::Object(o) => return o.get("size").unwrap_or(Value::Int(0)),
        _ => 0,
    })
}

fn first_last(v: &Value, first: bool) -> Value {
    match v {
        Value::Array(a) => (if first { a.first() } else { a.last() })
            .cloned()
            .unwrap_or_default(),
        Value::Hash(h) if first => h
            .first()
            .map(|(k, v)| Value::array(vec![k.clone(), v.clone()]))
            .unwrap_or_default(),
        Value::Range(a, b) => Value::Int(if first { *a } else { *b }),
        Value::BigRange(r) => Value::integer(if first { r.0.clone() } else { r.1.clone() }),
        Value::Object(o) => o
            .get(if first { "first" } else { "last" })
            .unwrap_or_default(),
        _ => Value::Nil,
    }
}

/// `nil_safe_compare`: `<=>` with nils last.
fn nil_safe_compare(a: &Value, b: &Value) -> Result<Ordering, Error> {
    if let Some(o) = compare(a, b) {
        return Ok(o);
    }
    if liquid_eq(a, b) {
        return Ok(Ordering::Equal);
    }
    if a.is_nil() {
        return Ok(Ordering::Greater);
    }
    if b.is_nil() {
        return Ok(Ordering::Less);
    }
    Err(Error::argument("cannot sort values of incompatible types"))
}

/// Sorts with a fallible comparator (stable, like glibc's merge sort that
/// Ruby's `sort` uses), stopping at the first error.
fn try_sort<T>(
    items: &mut [T],
    mut cmp: impl FnMut(&T, &T) -> Result<Ordering, Error>,
) -> Result<(), Error> {
    let mut err = None;
    items.sort_by(|a, b| {
        if err.is_some() {
            return Ordering::Equal;
        }
        cmp(a, b).unwrap_or_else(|e| {
            err = Some(e);
            Ordering::Equal
        })
    });
    err.map_or(Ok(()), Err)
}

/// Whether Ruby's value has a `[]` method (see [`prop`]).
fn has_index_method(item: &Value) -> bool {
    matches!(
        item,
        Value::Hash(_)
            | Value::Object(_)
            | Value::Str(_)
            | Value::Int(_)
            | Value::BigInt(_)
            | Value::Array(_)
    )
}

/// `item[property]` borrowed from a hash with a string key (the common
/// case: no refcount traffic); `None` for every other case.
fn hash_prop<'a>(item: &'a Value, key: &Value) -> Option<&'a Value> {
    match (item, key) {
        (Value::Hash(h), Value::Str(k)) => Some(crate::value::map_get(h, k).unwrap_or(&Value::Nil)),
        _ => None,
    }
}

/// The property values of all items, or `None` if one has no `[]`.
fn keyed<'a>(
    items: &'a [Value],
    property: &Value,
) -> Result<Option<Vec<std::borrow::Cow<'a, Value>>>, Error> {
    use std::borrow::Cow;
    if !items.iter().all(has_index_method) {
        return Ok(None);
    }
    let lazy = items.len() < 2;
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        if let Some(k) = hash_prop(item, property) {
            out.push(Cow::Borrowed(k));
            continue;
        }
        match prop(item, property) {
            Prop::Value(k) => out.push(Cow::Owned(k)),
            Prop::TypeError if lazy => out.push(Cow::Owned(Value::Nil)),
            _ => return Err(property_error(property)),
        }
    }
    Ok(Some(out))
}

fn sort(v: &Value, a: &[Value], _: &mut Context) -> Result<Value, Error> {
    match a.first().filter(|p| !p.is_nil()) {
        None => {
            let mut items = input_items(v);
            try_sort(&mut items, nil_safe_compare)?;
            Ok(Value::array(items))
        }
        Some(p) => {
            let items = items_ref(v);
            if items.is_empty() {
                return Ok(Value::array(vec![]));
            }
            let Some(keys) = keyed(&items, p)? else {
                return Ok(Value::Nil);
            };
            if let Some(sorted) = sort_by_string_keys(&items, &keys) {
                return Ok(sorted);
            }
            // Sort positions, not the items: moving indices is cheaper.
            let mut order: Vec<usize> = (0..keys.len()).collect();
            try_sort(&mut order, |&x, &y| nil_safe_compare(&keys[x], &keys[y]))?;
            Ok(Value::array(
                order.into_iter().map(|i| items[i].clone()).collect(),
            ))
        }
    }
}

/// The common case of sorting by a string property (dates, titles): when
/// every key is a string, `<=>` is a byte comparison that cannot fail, so
/// sort (key, position) pairs directly. Stable, like the general path.
fn sort_by_string_keys(items: &[Value], keys: &[std::borrow::Cow<'_, Value>]) -> Option<Value> {
    let order = string_key_order(keys)?;
    Some(Value::array(
        order.into_iter().map(|i| items[i].clone()).collect(),
    ))
}

/// `nil_safe_casecmp`: ASCII case-insensitive, nils last.
fn casecmp(a: &Value, b: &Value) -> Ordering {
    if !a.is_nil() && !b.is_nil() {
        let (x, y) = (to_s(a), to_s(b));
        x.bytes()
            .map(|c| c.to_ascii_lowercase())
            .cmp(y.bytes().map(|c| c.to_ascii_lowercase()))
    } else if a.is_nil() {
        Ordering::Greater
    } else {
        Ordering::Less
    }
}

fn sort_natural(v: &Value, a: &[Value], _: &mut Context) -> Result<Value, Error> {
    match a.first().filter(|p| !p.is_nil()) {
        None => {
            let mut items = input_items(v);
            crate::value::ruby_sort(&mut items, &mut casecmp);
            Ok(Value::array(items))
        }
        Some(p) => {
            let items = items_ref(v);
            if items.is_empty() {
                return Ok(Value::array(vec![]));
            }
            let Some(keys) = keyed(&items, p)? else {
                return Ok(Value::Nil);
            };
            let mut order: Vec<usize> = (0..keys.len()).collect();
            crate::value::ruby_sort(&mut order, &mut |&x, &y| casecmp(&keys[x], &keys[y]));
            Ok(Value::array(
                order.into_iter().map(|i| items[i].clone()).collect(),
            ))
        }
    }
}

fn where_filter(v: &Value, a: &[Value], _: &mut Context) -> Result<Value, Error> {
    let items = items_ref(v);
    if items.is_empty() {
        return Ok(Value::array(vec![]));
    }
    let property = &a[0];
    let target = a.get(1).filter(|t| !t.is_nil());
    let mut out = Vec::new();
    for item in items.iter() {
        if let Some(x) = hash_prop(item, property) {
            if match target {
                None => x.is_truthy(),
                Some(t) => liquid_eq(x, t),
            } {
                out.push(item.clone());
            }
            continue;
        }
        let keep = match prop(item, property) {
            Prop::Value(x) => match target {
                None => x.is_truthy(),
                Some(t) => liquid_eq(&x, t),
            },
            Prop::TypeError => return Err(property_error(property)),
            Prop::NoMethod => return Ok(Value::Nil),
        };
        if keep {
            out.push(item.clone());
        }
    }
    Ok(Value::array(out))
}

fn uniq(v: &Value, a: &[Value], _: &mut Context) -> Result<Value, Error> {
    let items = input_items(v);
    // Ruby's `uniq` with a block never calls it for fewer than two items.
    if items.len() < 2 {
        return Ok(Value::array(items));
    }
    let mut seen = indexmap::IndexSet::new();
    let mut out = Vec::new();
    match a.first().filter(|p| !p.is_nil()) {
        None => {
            for item in items {
                if seen.insert(item.clone()) {
                    out.push(item);
                }
            }
        }
        Some(p) => {
            for item in items {
                match prop(&item, p) {
                    Prop::Value(k) => {
                        if seen.insert(k) {
                            out.push(item);
                        }
                    }
                    Prop::TypeError => return Err(property_error(p)),
                    Prop::NoMethod => return Ok(Value::Nil),
                }
            }
        }
    }
    Ok(Value::array(out))
}

fn map(v: &Value, a: &[Value], _: &mut Context) -> Result<Value, Error> {
    let property = &a[0];
    let items = items_ref(v);
    if matches!(property, Value::Str(s) if &**s == "to_liquid") {
        return Ok(Value::array(items.into_owned()));
    }
    let mut out = Vec::with_capacity(items.len());
    for item in items.iter() {
        out.push(match prop(item, property) {
            Prop::Value(x) => x,
            Prop::NoMethod => Value::Nil,
            Prop::TypeError => return Err(property_error(property)),
        });
    }
    Ok(Value::array(out))
}

fn compact(v: &Value, a: &[Value], _: &mut Context) -> Result<Value, Error> {
    let items = input_items(v);
    match a.first().filter(|p| !p.is_nil()) {
        None => Ok(Value::array(
            items.into_iter().filter(|x| !x.is_nil()).collect(),
        )),
        Some(p) => {
            let mut out = Vec::new();
            for item in items {
                match prop(&item, p) {
                    Prop::Value(x) => {
                        if !x.is_nil() {
                            out.push(item);
                        }
                    }
                    Prop::TypeError => return Err(property_error(p)),
                    Prop::NoMethod => return Ok(Value::Nil),
                }
            }
            Ok(Value::array(out))
        }
    }
}
