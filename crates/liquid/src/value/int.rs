//! Ruby's unbounded integers. Values that fit in `i64` stay in
//! [`Value::Int`], so the common path never allocates; anything beyond is a
//! [`Value::BigInt`] (Ruby's Bignum), and results that fit again come back
//! to `Int` ([`Value::integer`]), as Ruby demotes a Bignum to a Fixnum.

use std::cmp::Ordering;
use std::sync::Arc;

use num_bigint::BigInt;
use num_traits::{FromPrimitive, Signed, ToPrimitive};

use super::Value;

/// An integer of either width, borrowed from a value.
#[derive(Clone, Copy, Debug)]
pub(crate) enum IntRef<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl IntRef<'_> {
    /// The integer a value holds, if it is one.
    pub(crate) fn of(v: &Value) -> Option<IntRef<'_>> {
        match v {
            Value::Int(i) => Some(IntRef::Small(*i)),
            Value::BigInt(b) => Some(IntRef::Big(b)),
            _ => None,
        }
    }

    pub(crate) fn cmp(self, other: IntRef<'_>) -> Ordering {
        match (self, other) {
            (IntRef::Small(a), IntRef::Small(b)) => a.cmp(&b),
            // A Bignum is out of i64's range, so its sign decides.
            (IntRef::Small(_), IntRef::Big(b)) => {
                if b.is_negative() {
                    Ordering::Greater
                } else {
                    Ordering::Less
                }
            }
            (IntRef::Big(a), IntRef::Small(_)) => {
                if a.is_negative() {
                    Ordering::Less
                } else {
                    Ordering::Greater
                }
            }
            (IntRef::Big(a), IntRef::Big(b)) => a.cmp(b),
        }
    }

    /// Ruby's `Integer#size`: the bytes of the machine representation,
    /// 8 for every value that fits a word, and the bytes of the absolute
    /// value for a Bignum.
    pub(crate) fn size(self) -> i64 {
        match self {
            IntRef::Small(_) => 8,
            IntRef::Big(b) => b.magnitude().bits().div_ceil(8) as i64,
        }
    }
}

impl Value {
    /// The same integer in its canonical variant (a `BigInt` holding a
    /// value that fits in `i64` becomes an `Int`).
    pub(crate) fn normalized(self) -> Value {
        match self {
            Value::BigInt(b) => match b.to_i64() {
                Some(i) => Value::Int(i),
                None => Value::BigInt(b),
            },
            v => v,
        }
    }

    /// An inclusive range between two integers: [`Value::Range`] when both
    /// fit in `i64`, [`Value::BigRange`] otherwise. Non-integers count as 0.
    pub fn range(first: &Value, last: &Value) -> Value {
        match (first, last) {
            (Value::Int(a), Value::Int(b)) => Value::Range(*a, *b),
            _ => {
                let big = |v: &Value| match IntRef::of(v) {
                    Some(IntRef::Small(i)) => BigInt::from(i),
                    Some(IntRef::Big(b)) => b.clone(),
                    None => BigInt::default(),
                };
                Value::BigRange(Arc::new((big(first), big(last))))
            }
        }
    }

    /// A range's bounds as integer values (`first`, `last`).
    pub(crate) fn range_bounds(&self) -> Option<(Value, Value)> {
        match self {
            Value::Range(a, b) => Some((Value::Int(*a), Value::Int(*b))),
            Value::BigRange(r) => Some((Value::integer(r.0.clone()), Value::integer(r.1.clone()))),
            _ => None,
        }
    }

    /// `Range#size`: `last - first + 1`, at least 0; a Bignum when the
    /// count passes `i64`.
    pub(crate) fn range_size(&self) -> Option<Value> {
        match self {
            Value::Range(a, b) => Some(Value::from((*b as i128 - *a as i128 + 1).max(0))),
            Value::BigRange(r) => {
                let n: BigInt = &r.1 - &r.0 + 1;
                Some(Value::integer(if n.is_negative() {
                    BigInt::default()
                } else {
                    n
                }))
            }
            _ => None,
        }
    }

    /// An integer value: [`Value::Int`] when it fits in `i64`,
    /// [`Value::BigInt`] otherwise.
    pub fn integer(i: BigInt) -> Value {
        match i.to_i64() {
            Some(small) => Value::Int(small),
            None => Value::BigInt(Arc::new(i)),
        }
    }
}

/// -2^63, exactly representable.
const I64_MIN_F: f64 = i64::MIN as f64;

/// Ruby's exact `Integer <=> Float` (no rounding of the integer to a
/// float): `None` for NaN.
pub(crate) fn cmp_int_float(i: IntRef<'_>, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    let whole = f.trunc();
    let by_whole = match i {
        // i64's range is [-2^63, 2^63); both bounds are exact floats.
        IntRef::Small(x) if (I64_MIN_F..-I64_MIN_F).contains(&whole) => x.cmp(&(whole as i64)),
        IntRef::Small(_) => {
            if whole > 0.0 {
                Ordering::Less
            } else {
                Ordering::Greater
            }
        }
        IntRef::Big(b) => b.cmp(&BigInt::from_f64(whole)?),
    };
    Some(match by_whole {
        Ordering::Equal => 0.0.partial_cmp(&(f - whole))?,
        o => o,
    })
}
