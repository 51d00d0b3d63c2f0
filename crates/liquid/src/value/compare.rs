//! Ruby's `==` and `<=>` between values.

use std::cmp::Ordering;

use super::{cmp_int_float, map_get, IntRef, Value};

/// Ruby's `==`: numbers compare by value across Integer and Float, arrays
/// element-wise, hashes regardless of key order, host objects by identity.
pub fn liquid_eq(a: &Value, b: &Value) -> bool {
    use Value::*;
    match (a, b) {
        (Nil, Nil) => true,
        (Bool(x), Bool(y)) => x == y,
        (Int(x), Int(y)) => x == y,
        (BigInt(x), BigInt(y)) => x == y,
        (Int(_) | BigInt(_), Float(y)) => {
            IntRef::of(a).and_then(|x| cmp_int_float(x, *y)) == Some(Ordering::Equal)
        }
        (Float(x), Int(_) | BigInt(_)) => {
            IntRef::of(b).and_then(|y| cmp_int_float(y, *x)) == Some(Ordering::Equal)
        }
        (Float(x), Float(y)) => x == y,
        (Str(x), Str(y)) => super::str_eq(x, y),
        (Array(x), Array(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| liquid_eq(p, q))
        }
        (Hash(x), Hash(y)) => {
            x.len() == y.len()
                && x.iter().all(|(k, v)| {
                    let other = match k {
                        Str(s) => map_get(y, s),
                        k => y.get(k),
                    };
                    other.is_some_and(|o| liquid_eq(v, o))
                })
        }
        (Range(a1, b1), Range(a2, b2)) => a1 == a2 && b1 == b2,
        (BigRange(x), BigRange(y)) => x == y,
        (Time(x), Time(y)) => x == y,
        (Date(x), Date(y)) => x == y,
        (Object(x), Object(y)) => std::sync::Arc::ptr_eq(x, y),
        _ => false,
    }
}

/// Whether Ruby's value has the `<` family of methods (Comparable).
pub(crate) fn is_comparable(v: &Value) -> bool {
    matches!(
        v,
        Value::Int(_)
            | Value::BigInt(_)
            | Value::Float(_)
            | Value::Str(_)
            | Value::Time(_)
            | Value::Date(_)
    )
}

/// Ruby's `<=>`; `None` when Ruby would return nil (different types, NaN).
pub fn compare(a: &Value, b: &Value) -> Option<Ordering> {
    use Value::*;
    match (a, b) {
        (Int(x), Int(y)) => Some(x.cmp(y)),
        (Int(_) | BigInt(_), Int(_) | BigInt(_)) => Some(IntRef::of(a)?.cmp(IntRef::of(b)?)),
        // Ruby compares an Integer with a Float exactly.
        (Int(_) | BigInt(_), Float(y)) => cmp_int_float(IntRef::of(a)?, *y),
        (Float(x), Int(_) | BigInt(_)) => cmp_int_float(IntRef::of(b)?, *x).map(Ordering::reverse),
        (Float(x), Float(y)) => x.partial_cmp(y),
        (Str(x), Str(y)) => Some(x.as_bytes().cmp(y.as_bytes())),
        (Time(x), Time(y)) => Some(x.cmp(y)),
        (Date(x), Date(y)) => Some(x.cmp(y)),
        (Bool(x), Bool(y)) if x == y => Some(Ordering::Equal),
        (Nil, Nil) => Some(Ordering::Equal),
        (Array(x), Array(y)) => {
            for (p, q) in x.iter().zip(y.iter()) {
                match compare(p, q)? {
                    Ordering::Equal => continue,
                    o => return Some(o),
                }
            }
            Some(x.len().cmp(&y.len()))
        }
        _ => None,
    }
}
