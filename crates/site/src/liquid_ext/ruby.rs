//! Ruby's conversions on Liquid values, as Jekyll's filters apply them:
//! `to_s` (arrays and hashes in `inspect` form), `to_i`, `Kernel#Array`,
//! and the `NoMethodError`s Ruby raises when a filter gets the wrong type.

use hyde_liquid::value::{format_float, inspect};
use hyde_liquid::{Error, Value};

/// Ruby's `obj.to_s` (what `"#{obj}"` interpolates).
pub fn to_s(v: &Value) -> String {
    match v {
        Value::Array(_) | Value::Hash(_) => inspect(v),
        Value::Float(f) => format_float(*f),
        _ => v.to_liquid_string(),
    }
}

/// Ruby's `inspect` form of a value's class with the value, as
/// `NoMethodError` messages show it (`42:Integer`, `nil:NilClass`).
pub fn receiver(v: &Value) -> String {
    match v {
        Value::Nil => "nil:NilClass".to_owned(),
        Value::Bool(true) => "true:TrueClass".to_owned(),
        Value::Bool(false) => "false:FalseClass".to_owned(),
        Value::Object(_) => format!("#<{}>", v.type_name()),
        _ => format!("{}:{}", inspect(v), v.type_name()),
    }
}

/// The `NoMethodError` Ruby raises for `v.method`.
pub fn no_method(method: &str, v: &Value) -> Error {
    Error::runtime(format!("undefined method `{method}' for {}", receiver(v)))
}

/// The string a filter that calls String methods on its input works on:
/// strings as they are, anything else a `NoMethodError`.
pub fn expect_str<'v>(method: &str, v: &'v Value) -> Result<&'v str, Error> {
    v.as_str().ok_or_else(|| no_method(method, v))
}

/// Reads the integer prefix `String#to_i` reads: leading whitespace, a
/// sign, digits (with single underscores between them). Calls `digit` with
/// each digit's value and returns whether the sign was `-`.
fn scan_integer(s: &str, mut digit: impl FnMut(u8)) -> bool {
    let s = s.trim_start_matches(|c: char| c.is_ascii_whitespace());
    let (negative, digits) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let mut prev_digit = false;
    for b in digits.bytes() {
        if b.is_ascii_digit() {
            digit(b - b'0');
            prev_digit = true;
        } else if b == b'_' && prev_digit {
            prev_digit = false;
        } else {
            break;
        }
    }
    negative
}

/// Ruby's `String#to_i`, saturating at 64 bits; 0 when there are no digits.
pub fn str_to_i(s: &str) -> i64 {
    let mut n: i64 = 0;
    let negative = scan_integer(s, |d| {
        n = n.saturating_mul(10).saturating_add(i64::from(d));
    });
    if negative {
        -n
    } else {
        n
    }
}

/// Ruby's `String#to_i` as an Integer of any size (a Bignum past 64 bits).
pub fn str_to_integer(s: &str) -> Value {
    let mut digits = String::new();
    let negative = scan_integer(s, |d| digits.push(char::from(b'0' + d)));
    match digits.parse::<hyde_liquid::BigInt>() {
        Ok(n) if negative => Value::from(-n),
        Ok(n) => Value::from(n),
        Err(_) => Value::Int(0),
    }
}

/// Ruby's `obj.to_i` for the values Liquid has.
pub fn to_i(v: &Value) -> Result<i64, Error> {
    match v {
        Value::Nil => Ok(0),
        Value::Int(i) => Ok(*i),
        Value::Float(f) if f.is_finite() => Ok(f.trunc() as i64),
        Value::Float(f) => Err(Error::runtime(format_float(*f))),
        Value::Str(s) => Ok(str_to_i(s)),
        Value::Time(t) => Ok(t.timestamp()),
        _ => Err(no_method("to_i", v)),
    }
}

/// Ruby's `Kernel#Array(obj)`: nil is `[]`, an array itself, a hash its
/// `[key, value]` pairs, anything else `[obj]`.
pub fn to_array(v: &Value) -> Vec<Value> {
    match v {
        Value::Nil => Vec::new(),
        Value::Array(items) => items.to_vec(),
        Value::Hash(map) => map
            .iter()
            .map(|(k, v)| Value::array(vec![k.clone(), v.clone()]))
            .collect(),
        Value::Range(a, b) => (*a..=*b).map(Value::Int).collect(),
        other => vec![other.clone()],
    }
}

/// The elements an Enumerable filter (`where`, `sort`, `group_by`…) walks:
/// arrays as they are, hashes as `[key, value]` pairs (`Hash#map`), ranges
/// expanded, enumerable host objects through `to_array`. `None` when Ruby's
/// value does not respond to the method.
pub fn enumerate(v: &Value) -> Option<Vec<Value>> {
    match v {
        Value::Array(items) => Some(items.to_vec()),
        Value::Hash(_) | Value::Range(..) => Some(to_array(v)),
        Value::Object(o) => match o.to_array()? {
            Value::Array(items) => Some(items.to_vec()),
            _ => None,
        },
        _ => None,
    }
}

/// Hash input as Jekyll's `where`/`find`/`where_exp` reads it: its values.
pub fn values_or_items(v: &Value) -> Option<Vec<Value>> {
    match v {
        Value::Hash(map) => Some(map.values().cloned().collect()),
        _ => enumerate(v),
    }
}

/// `obj[key]` with a string key, as Ruby answers it for each type:
/// hashes and drops look the key up, strings return the key if they
/// contain it, arrays and integers raise `TypeError`, others have no `[]`.
pub fn index(obj: &Value, key: &str) -> Result<Value, Error> {
    match obj {
        Value::Hash(_) | Value::Object(_) => Ok(obj.get(key).unwrap_or(Value::Nil)),
        Value::Str(s) => Ok(if s.contains(key) {
            Value::str(key)
        } else {
            Value::Nil
        }),
        Value::Array(_) | Value::Int(_) => Err(Error::runtime(
            "no implicit conversion of String into Integer",
        )),
        _ => Err(no_method("[]", obj)),
    }
}

/// Whether Ruby's value has a `[]` method.
fn responds_to_index(v: &Value) -> bool {
    matches!(
        v,
        Value::Hash(_) | Value::Object(_) | Value::Str(_) | Value::Array(_) | Value::Int(_)
    )
}

/// Jekyll's `item_property` before numeric parsing: `item[property]`, or
/// for a dotted property each step as `data.respond_to?(:[]) && data[key]`
/// (so a missing step gives `false`, as in Ruby).
pub fn read_property(item: &Value, property: &str) -> Result<Value, Error> {
    if !property.contains('.') {
        return index(item, property);
    }
    let mut data = item.clone();
    for key in property.split('.') {
        if !responds_to_index(&data) {
            data = Value::Bool(false);
            continue;
        }
        data = index(&data, key)?;
    }
    Ok(data)
}

/// Jekyll's `parse_sort_input`: integer-like and float-like values (by
/// their `to_s`) become numbers, for proper sorting.
pub fn parse_sort_input(v: Value) -> Value {
    // Their `to_s` is never a number (`2024-01-02 00:00:00 +0000`, `true`,
    // ``): skip printing them (dates are the usual sort key).
    if matches!(
        v,
        Value::Time(_) | Value::Date(_) | Value::Nil | Value::Bool(_)
    ) {
        return v;
    }
    let s = to_s(&v);
    let t = s.trim_matches(|c: char| c.is_ascii_whitespace());
    let body = t.strip_prefix('-').unwrap_or(t);
    if body.is_empty() {
        return v;
    }
    if body.bytes().all(|b| b.is_ascii_digit()) {
        return Value::Int(str_to_i(t));
    }
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    let float_like = int.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit())
        && !(int.is_empty() && frac.is_empty());
    if float_like {
        return Value::Float(t.parse::<f64>().unwrap_or(0.0));
    }
    v
}

/// Jekyll's `item_property(item, property)`.
pub fn item_property(item: &Value, property: &str) -> Result<Value, Error> {
    read_property(item, property).map(parse_sort_input)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn str_to_i_like_ruby() {
        assert_eq!(str_to_i(" -12.9x"), -12);
        assert_eq!(str_to_i("1_000"), 1000);
        assert_eq!(str_to_i("1__0"), 1);
        assert_eq!(str_to_i("abc"), 0);
    }

    #[test]
    fn parse_sort_input_numbers() {
        assert!(matches!(parse_sort_input(Value::str(" 3 ")), Value::Int(3)));
        assert!(matches!(parse_sort_input(Value::str("2.5")), Value::Float(f) if f == 2.5));
        assert!(matches!(parse_sort_input(Value::str(".5")), Value::Float(f) if f == 0.5));
        assert!(matches!(parse_sort_input(Value::str("x")), Value::Str(_)));
    }
}
