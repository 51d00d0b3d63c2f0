//! Arithmetic filters. Liquid converts floats to `BigDecimal` before doing
//! arithmetic (so `0.1 | plus: 0.2` is `0.3`), then back to a float; this
//! module reproduces that with a small exact decimal type.

use std::cmp::Ordering;
use std::sync::Arc;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{FromPrimitive, Signed, ToPrimitive, Zero};

use crate::error::{Error, ErrorKind};
use crate::lex;
use crate::value::{format_float, Value};

/// An exact decimal `mantissa * 10^-scale`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Decimal {
    m: i128,
    scale: u32,
    /// BigDecimal keeps the sign of zero (`-2.5 * 0` is `-0.0`).
    neg_zero: bool,
}

/// A number as `Utils.to_number` produces it.
#[derive(Clone, Debug)]
pub(crate) enum Num {
    Int(i64),
    /// An Integer beyond `i64` (a Bignum).
    Big(Arc<BigInt>),
    Dec(Decimal),
    /// A whole BigDecimal beyond `i128` (from a huge float or string).
    BigDec(Arc<BigInt>),
    /// A non-finite float (BigDecimal infinity/NaN).
    Special(f64),
}

const MAX_SCALE: u32 = 60;

impl Decimal {
    fn new(m: i128, scale: u32) -> Decimal {
        Decimal {
            m,
            scale,
            neg_zero: false,
        }
    }

    fn from_int(i: i64) -> Decimal {
        Decimal::new(i as i128, 0)
    }

    /// Parses `-?digits(.digits)?(e[+-]?digits)?`.
    pub(crate) fn parse(s: &str) -> Option<Decimal> {
        let (neg, int, frac, exp) = decimal_parts(s)?;
        let exp = i32::try_from(exp).ok()?;
        if int.is_empty()
            || !int.bytes().all(|b| b.is_ascii_digit())
            || !frac.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let digits = format!("{int}{frac}");
        let digits = digits.trim_start_matches('0');
        let mut m: i128 = if digits.is_empty() {
            0
        } else {
            digits.parse().ok()?
        };
        let mut scale = frac.len() as i32 - exp;
        while scale < 0 {
            m = m.checked_mul(10)?;
            scale += 1;
        }
        if scale as u32 > MAX_SCALE {
            return None;
        }
        Some(
            Decimal {
                m: if neg { -m } else { m },
                scale: scale as u32,
                neg_zero: neg && m == 0,
            }
            .normalize(),
        )
    }

    fn normalize(mut self) -> Decimal {
        while self.scale > 0 && self.m % 10 == 0 {
            self.m /= 10;
            self.scale -= 1;
        }
        self
    }

    fn align(a: Decimal, b: Decimal) -> Option<(i128, i128, u32)> {
        let scale = a.scale.max(b.scale);
        let am = a.m.checked_mul(10i128.checked_pow(scale - a.scale)?)?;
        let bm = b.m.checked_mul(10i128.checked_pow(scale - b.scale)?)?;
        Some((am, bm, scale))
    }

    pub(crate) fn to_f64(self) -> f64 {
        if self.m == 0 && self.neg_zero {
            return -0.0;
        }
        format!("{}e-{}", self.m, self.scale).parse().unwrap_or(0.0)
    }

    fn is_neg(self) -> bool {
        self.m < 0 || (self.m == 0 && self.neg_zero)
    }

    fn cmp(a: Decimal, b: Decimal) -> Ordering {
        match Decimal::align(a, b) {
            Some((x, y, _)) => x.cmp(&y),
            None => a
                .to_f64()
                .partial_cmp(&b.to_f64())
                .unwrap_or(Ordering::Equal),
        }
    }

    /// Rounds to `n` decimal places, half away from zero (BigDecimal's default).
    fn round(self, n: i64, mode: Rounding) -> Decimal {
        let target = n.clamp(-38, MAX_SCALE as i64);
        if target >= self.scale as i64 {
            return self;
        }
        let drop = (self.scale as i64 - target) as u32;
        let Some(p) = 10i128.checked_pow(drop) else {
            return Decimal::new(0, 0);
        };
        let q = self.m / p;
        let r = self.m % p;
        let q = match mode {
            Rounding::HalfUp => {
                if r.abs() * 2 >= p {
                    q + self.m.signum()
                } else {
                    q
                }
            }
            Rounding::Floor => {
                if r < 0 {
                    q - 1
                } else {
                    q
                }
            }
            Rounding::Ceil => {
                if r > 0 {
                    q + 1
                } else {
                    q
                }
            }
        };
        if target >= 0 {
            Decimal::new(q, target as u32).normalize()
        } else {
            let back = 10i128.checked_pow((-target) as u32).unwrap_or(1);
            Decimal::new(q.saturating_mul(back), 0)
        }
    }

    /// The whole part (the value is whole after rounding to 0 digits).
    fn int_part(self) -> i128 {
        let p = 10i128.checked_pow(self.scale).unwrap_or(i128::MAX);
        self.m / p
    }

    fn to_i64(self) -> i64 {
        let p = 10i128.checked_pow(self.scale).unwrap_or(i128::MAX);
        (self.m / p).clamp(i64::MIN as i128, i64::MAX as i128) as i64
    }
}

#[derive(Clone, Copy)]
enum Rounding {
    HalfUp,
    Floor,
    Ceil,
}

/// `Utils.to_number`.
pub(crate) fn to_number(v: &Value) -> Num {
    match v {
        Value::Int(i) => Num::Int(*i),
        Value::BigInt(b) => Num::Big(b.clone()),
        Value::Float(f) if !f.is_finite() => Num::Special(*f),
        // `BigDecimal(float.to_s)`
        Value::Float(f) => decimal_num(&format_float(*f)).unwrap_or(Num::Special(*f)),
        Value::Str(s) => {
            let t = s.trim_matches(|c: char| c.is_ascii_whitespace() || c == '\0');
            if is_decimal_str(t) {
                decimal_num(t).unwrap_or_else(|| Num::Special(t.parse().unwrap_or(0.0)))
            } else {
                str_to_i(s)
            }
        }
        _ => Num::Int(0),
    }
}

/// A decimal string as a BigDecimal: exact in `i128`, or an integral value
/// beyond it; `None` for a fraction too long to hold.
fn decimal_num(s: &str) -> Option<Num> {
    match Decimal::parse(s) {
        Some(d) => Some(Num::Dec(d)),
        None => integral_big(s).map(|b| Num::BigDec(Arc::new(b))),
    }
}

/// The parts of `-?digits(.digits)?(e[+-]?digits)?` (surrounding
/// whitespace trimmed): the sign, the integer and fraction digits (not
/// checked) and the exponent.
fn decimal_parts(s: &str) -> Option<(bool, &str, &str, i64)> {
    let s = s.trim();
    let (neg, s) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let (num, exp) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], s[i + 1..].parse::<i64>().ok()?),
        None => (s, 0),
    };
    let (int, frac) = num.split_once('.').unwrap_or((num, ""));
    Some((neg, int, frac, exp))
}

/// `-?digits(.digits)?(e[+-]?digits)?` as an integer when its value is
/// whole (a float's `to_s` past 1e16 always is).
fn integral_big(s: &str) -> Option<BigInt> {
    let (neg, int, frac, exp) = decimal_parts(s)?;
    let frac = frac.trim_end_matches('0');
    let zeros = exp - frac.len() as i64;
    // A float reaches 1e308; longer strings are not worth the work.
    if !(0..=400).contains(&zeros) || int.len() + frac.len() > 4000 {
        return None;
    }
    let digits = format!("{int}{frac}");
    let m = BigInt::parse_bytes(digits.as_bytes(), 10)? * BigInt::from(10).pow(zeros as u32);
    Some(if neg { -m } else { m })
}

/// Ruby's `String#to_i`, which grows into a Bignum.
fn str_to_i(s: &str) -> Num {
    let i = lex::ruby_to_i(s);
    if i != i64::MAX && i != -i64::MAX {
        return Num::Int(i);
    }
    // Saturated (or exactly at the edge): read the digits again in full.
    let t = s.trim_start_matches(|c: char| c.is_ascii_whitespace());
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let mut digits = Vec::new();
    let mut prev_digit = false;
    for b in t.bytes() {
        if b.is_ascii_digit() {
            digits.push(b);
            prev_digit = true;
        } else if b == b'_' && prev_digit {
            prev_digit = false;
        } else {
            break;
        }
    }
    let m = BigInt::parse_bytes(&digits, 10).unwrap_or_default();
    Num::integer(if neg { -m } else { m })
}

/// Ruby's `String#to_i` as a value (a Bignum when it overflows).
pub(crate) fn str_to_int_value(s: &str) -> Value {
    str_to_i(s).into_value()
}

/// `\A-?\d+\.\d+\z`
fn is_decimal_str(t: &str) -> bool {
    let t = t.strip_prefix('-').unwrap_or(t);
    match t.split_once('.') {
        Some((a, b)) => {
            !a.is_empty()
                && !b.is_empty()
                && a.bytes().all(|c| c.is_ascii_digit())
                && b.bytes().all(|c| c.is_ascii_digit())
        }
        None => false,
    }
}

impl Num {
    /// An Integer result: `Int` when it fits, `Big` otherwise.
    fn integer(b: BigInt) -> Num {
        match b.to_i64() {
            Some(i) => Num::Int(i),
            None => Num::Big(Arc::new(b)),
        }
    }

    fn from_i128(i: i128) -> Num {
        match i64::try_from(i) {
            Ok(i) => Num::Int(i),
            Err(_) => Num::Big(Arc::new(BigInt::from(i))),
        }
    }

    fn as_f64(&self) -> f64 {
        match self {
            Num::Int(i) => *i as f64,
            Num::Big(b) | Num::BigDec(b) => b.to_f64().unwrap_or(f64::NAN),
            Num::Dec(d) => d.to_f64(),
            Num::Special(f) => *f,
        }
    }

    fn as_dec(&self) -> Option<Decimal> {
        match self {
            Num::Int(i) => Some(Decimal::from_int(*i)),
            Num::Big(b) | Num::BigDec(b) => b.to_i128().map(|m| Decimal::new(m, 0)),
            Num::Dec(d) => Some(*d),
            Num::Special(_) => None,
        }
    }

    /// The value as an exact `mantissa * 10^-scale`; `None` for non-finite.
    fn as_big_dec(&self) -> Option<(BigInt, u32)> {
        match self {
            Num::Int(i) => Some((BigInt::from(*i), 0)),
            Num::Big(b) | Num::BigDec(b) => Some(((**b).clone(), 0)),
            Num::Dec(d) => Some((BigInt::from(d.m), d.scale)),
            Num::Special(_) => None,
        }
    }

    /// The value as an exact integer, for Integers and whole BigDecimals.
    fn as_big(&self) -> Option<BigInt> {
        match self {
            Num::Int(i) => Some(BigInt::from(*i)),
            Num::Big(b) | Num::BigDec(b) => Some((**b).clone()),
            _ => None,
        }
    }

    /// A BigDecimal (its results go back to floats), not an Integer.
    fn is_decimal(&self) -> bool {
        matches!(self, Num::Dec(_) | Num::BigDec(_) | Num::Special(_))
    }

    /// Back to a Liquid value: decimals become floats.
    pub(crate) fn into_value(self) -> Value {
        match self {
            Num::Int(i) => Value::Int(i),
            Num::Big(b) => Value::BigInt(b),
            Num::BigDec(b) => Value::Float(b.to_f64().unwrap_or(f64::NAN)),
            Num::Dec(d) => Value::Float(d.to_f64()),
            Num::Special(f) => Value::Float(f),
        }
    }

    fn cmp(&self, other: &Num) -> Option<Ordering> {
        match (self, other) {
            (Num::Int(a), Num::Int(b)) => Some(a.cmp(b)),
            (Num::Special(_), _) | (_, Num::Special(_)) => {
                self.as_f64().partial_cmp(&other.as_f64())
            }
            (Num::Dec(_), Num::Dec(_)) => Some(Decimal::cmp(self.as_dec()?, other.as_dec()?)),
            (Num::Dec(_), _) | (_, Num::Dec(_)) => match (self.as_dec(), other.as_dec()) {
                (Some(a), Some(b)) => Some(Decimal::cmp(a, b)),
                // The whole number is beyond i128, so past any decimal we hold.
                _ => {
                    let big_neg = |n: &Num| n.as_big().is_some_and(|b| b.is_negative());
                    Some(if matches!(self, Num::Dec(_)) {
                        if big_neg(other) {
                            Ordering::Greater
                        } else {
                            Ordering::Less
                        }
                    } else if big_neg(self) {
                        Ordering::Less
                    } else {
                        Ordering::Greater
                    })
                }
            },
            _ => Some(self.as_big()?.cmp(&other.as_big()?)),
        }
    }
}

/// Ruby's RangeError when a Bignum reaches a C `long` parameter.
pub(crate) fn bignum_range_error() -> Error {
    Error::runtime("bignum too big to convert into `long'")
}

fn zero_div() -> Error {
    Error::new(ErrorKind::ZeroDivision, "divided by 0")
}

/// `+ - * / %` with Ruby's Integer/BigDecimal rules.
pub(crate) fn apply(a: Num, b: Num, op: char) -> Result<Num, Error> {
    if let (Num::Int(x), Num::Int(y)) = (&a, &b) {
        let (x, y) = (*x, *y);
        let r = match op {
            '+' => x.checked_add(y),
            '-' => x.checked_sub(y),
            '*' => x.checked_mul(y),
            '/' => {
                if y == 0 {
                    return Err(zero_div());
                }
                x.checked_div_euclid(y).map(|_| floor_div(x, y))
            }
            _ => {
                if y == 0 {
                    return Err(zero_div());
                }
                // `i64::MIN % -1` overflows in Rust; it is 0 in Ruby.
                Some(x.checked_rem(y).map_or(0, |r| {
                    if r != 0 && (r < 0) != (y < 0) {
                        r + y
                    } else {
                        r
                    }
                }))
            }
        };
        return Ok(match r {
            Some(r) => Num::Int(r),
            // Ruby promotes to a Bignum; two i64s always fit in i128.
            None => Num::from_i128(match op {
                '+' => x as i128 + y as i128,
                '-' => x as i128 - y as i128,
                '*' => x as i128 * y as i128,
                _ => (x as i128).div_euclid(y as i128),
            }),
        });
    }
    let decimal = a.is_decimal() || b.is_decimal();
    if !decimal {
        // Integer op Integer with a Bignum on one side.
        let (x, y) = (
            a.as_big().unwrap_or_default(),
            b.as_big().unwrap_or_default(),
        );
        if matches!(op, '/' | '%') && y.is_zero() {
            return Err(zero_div());
        }
        return Ok(Num::integer(match op {
            '+' => x + y,
            '-' => x - y,
            '*' => x * y,
            '/' => x.div_floor(&y),
            _ => x.mod_floor(&y),
        }));
    }
    if let (Some(x), Some(y)) = (a.as_dec(), b.as_dec()) {
        if let Some(r) = dec_op(x, y, op)? {
            return Ok(r);
        }
    }
    if let (Some(x), Some(y)) = (a.as_big_dec(), b.as_big_dec()) {
        return big_dec_op(x, y, op);
    }
    let (x, y) = (a.as_f64(), b.as_f64());
    if op == '%' && y == 0.0 {
        return Err(zero_div());
    }
    Ok(Num::Special(float_op(x, y, op)))
}

/// BigDecimal arithmetic past `i128`: exact for `+ - * %`, the quotient
/// to the same 40 digits as [`divide`]. The result is a float, as the
/// filters turn every BigDecimal back into one.
fn big_dec_op(x: (BigInt, u32), y: (BigInt, u32), op: char) -> Result<Num, Error> {
    let ((xm, xs), (ym, ys)) = (x, y);
    let align = |m: BigInt, from: u32, to: u32| m * BigInt::from(10).pow(to - from);
    let scale = xs.max(ys);
    let (m, s) = match op {
        '+' => (align(xm, xs, scale) + align(ym, ys, scale), scale),
        '-' => (align(xm, xs, scale) - align(ym, ys, scale), scale),
        '*' => (xm * ym, xs + ys),
        '/' => {
            if ym.is_zero() {
                return Ok(Num::Special(if xm.is_zero() {
                    f64::NAN
                } else if xm.is_negative() {
                    f64::NEG_INFINITY
                } else {
                    f64::INFINITY
                }));
            }
            return Ok(Num::Special(big_divide(&xm, xs, &ym, ys)));
        }
        _ => {
            if ym.is_zero() {
                return Err(zero_div());
            }
            (align(xm, xs, scale).mod_floor(&align(ym, ys, scale)), scale)
        }
    };
    Ok(Num::Special(
        format!("{m}e-{s}").parse().unwrap_or(f64::NAN),
    ))
}

/// [`divide`] for big mantissas: `(xm / 10^xs) / (ym / 10^ys)` to 40
/// significant digits (all of the whole part), then rounded to a float.
fn big_divide(xm: &BigInt, xs: u32, ym: &BigInt, ys: u32) -> f64 {
    let neg = xm.is_negative() != ym.is_negative();
    let (a, b) = (xm.magnitude(), ym.magnitude());
    let digits = |n: &num_bigint::BigUint| n.to_string().len() as i64;
    // Enough extra digits for 40 significant ones in the quotient.
    let k = (40 - (digits(a) - digits(b))).max(0) as u32 + 1;
    let q = (a * num_bigint::BigUint::from(10u32).pow(k)) / b;
    let q = q.to_string();
    let whole = q.len() as i64 - k as i64;
    let keep = q.len().min(40.max(whole.max(0) as usize));
    let exp = q.len() as i64 - keep as i64 - k as i64 + ys as i64 - xs as i64;
    format!("{}{}e{}", if neg { "-" } else { "" }, &q[..keep], exp)
        .parse()
        .unwrap_or(f64::NAN)
}

fn floor_div(x: i64, y: i64) -> i64 {
    let q = x / y;
    if (x % y != 0) && ((x < 0) != (y < 0)) {
        q - 1
    } else {
        q
    }
}

fn float_op(x: f64, y: f64, op: char) -> f64 {
    match op {
        '+' => x + y,
        '-' => x - y,
        '*' => x * y,
        '/' => x / y,
        _ => {
            let r = x % y;
            if r != 0.0 && (r < 0.0) != (y < 0.0) {
                r + y
            } else {
                r
            }
        }
    }
}

/// Exact decimal arithmetic; `None` when it would overflow (use floats).
fn dec_op(x: Decimal, y: Decimal, op: char) -> Result<Option<Num>, Error> {
    let r = match op {
        '+' | '-' => Decimal::align(x, y).and_then(|(a, b, s)| {
            let m = if op == '+' {
                a.checked_add(b)
            } else {
                a.checked_sub(b)
            }?;
            Some(Decimal::new(m, s))
        }),
        '*' => x.m.checked_mul(y.m).and_then(|m| {
            let scale = x.scale + y.scale;
            let mut d = Decimal::new(m, scale);
            d.neg_zero = m == 0 && x.is_neg() != y.is_neg();
            (scale <= MAX_SCALE).then_some(d)
        }),
        '/' => {
            if y.m == 0 {
                // BigDecimal division by zero gives infinity (or NaN for 0/0).
                let f = if x.m == 0 {
                    f64::NAN
                } else {
                    f64::INFINITY * (x.m.signum() as f64)
                };
                return Ok(Some(Num::Special(f)));
            }
            return Ok(Some(Num::Special(divide(x, y))));
        }
        _ => {
            if y.m == 0 {
                return Err(zero_div());
            }
            Decimal::align(x, y).map(|(a, b, s)| {
                let r = a % b;
                let r = if r != 0 && (r < 0) != (b < 0) {
                    r + b
                } else {
                    r
                };
                Decimal::new(r, s)
            })
        }
    };
    Ok(r.map(|d| Num::Dec(d.normalize())))
}

/// The quotient to ~40 significant digits, then rounded to a float.
fn divide(x: Decimal, y: Decimal) -> f64 {
    let neg = (x.m < 0) != (y.m < 0);
    let (a, b) = (x.m.unsigned_abs(), y.m.unsigned_abs());
    if b > u128::MAX / 20 {
        return big_divide(&BigInt::from(x.m), x.scale, &BigInt::from(y.m), y.scale);
    }
    let int = a / b;
    let mut rem = a % b;
    let mut digits = int.to_string();
    let mut frac = String::new();
    let significant = if int == 0 { 0 } else { digits.len() };
    let mut count = significant;
    let mut leading = int == 0;
    while rem != 0 && count < 40 && frac.len() < 400 {
        rem *= 10;
        let d = (rem / b) as u8;
        rem %= b;
        frac.push((b'0' + d) as char);
        if !(leading && d == 0) {
            leading = false;
            count += 1;
        }
    }
    if !frac.is_empty() {
        digits.push('.');
        digits.push_str(&frac);
    }
    // The scales shift the decimal point.
    let shift = y.scale as i64 - x.scale as i64;
    let s = format!("{}{}e{}", if neg { "-" } else { "" }, digits, shift);
    s.parse().unwrap_or(0.0)
}

/// `abs`
pub(crate) fn abs(v: &Value) -> Value {
    match to_number(v) {
        Num::Int(i) => i
            .checked_abs()
            .map_or_else(|| Value::from((i as i128).abs()), Value::Int),
        Num::Big(b) => Value::BigInt(Arc::new(b.abs())),
        Num::BigDec(b) => Value::Float(b.abs().to_f64().unwrap_or(f64::NAN)),
        Num::Dec(d) => Value::Float(Decimal::new(d.m.abs(), d.scale).to_f64()),
        Num::Special(f) => Value::Float(f.abs()),
    }
}

fn float_domain(f: f64) -> Error {
    let name = if f.is_nan() {
        "NaN"
    } else if f > 0.0 {
        "Infinity"
    } else {
        "-Infinity"
    };
    Error::new(
        ErrorKind::FloatDomain,
        format!("Computation results in '{name}'"),
    )
}

/// `ceil` / `floor`
pub(crate) fn ceil_floor(v: &Value, ceil: bool) -> Result<Value, Error> {
    Ok(match to_number(v) {
        Num::Int(i) => Value::Int(i),
        Num::Big(b) | Num::BigDec(b) => Value::BigInt(b).normalized(),
        Num::Dec(d) => Value::from(
            d.round(
                0,
                if ceil {
                    Rounding::Ceil
                } else {
                    Rounding::Floor
                },
            )
            .int_part(),
        ),
        Num::Special(f) => whole_float(if ceil { f.ceil() } else { f.floor() })?,
    })
}

/// A whole float as an Integer (a decimal too long for `i128` lands here).
fn whole_float(f: f64) -> Result<Value, Error> {
    BigInt::from_f64(f)
        .map(Value::integer)
        .ok_or_else(|| float_domain(f))
}

/// `round: n`: integers stay integers; decimals round half away from
/// zero, giving an integer for `n <= 0` and a float otherwise.
pub(crate) fn round(v: &Value, n: Option<&Value>) -> Result<Value, Error> {
    let digits = match n.map(to_number) {
        None => 0,
        Some(Num::Int(i)) => i,
        Some(Num::Dec(d)) => d.to_i64(),
        // `round(n)` takes a C long.
        Some(Num::Big(_) | Num::BigDec(_)) => return Err(bignum_range_error()),
        Some(Num::Special(_)) => 0,
    };
    Ok(match to_number(v) {
        Num::Int(i) if digits >= 0 => Value::Int(i),
        Num::Big(b) if digits >= 0 => Value::BigInt(b),
        Num::Int(_) | Num::Big(_) => {
            let x = to_number(v).as_big().unwrap_or_default();
            Value::integer(round_int(&x, digits))
        }
        Num::BigDec(b) if digits <= 0 => Value::integer(round_int(&b, digits)),
        Num::BigDec(b) => Value::Float(b.to_f64().unwrap_or(f64::NAN)),
        Num::Dec(d) if digits <= 0 => Value::from(d.round(digits, Rounding::HalfUp).int_part()),
        Num::Dec(d) => {
            let f = d.round(digits, Rounding::HalfUp).to_f64();
            // `result.to_i if n == 0`: a float zero argument still truncates.
            match n {
                Some(Value::Float(z)) if *z == 0.0 => Value::Int(f as i64),
                _ => Value::Float(f),
            }
        }
        Num::Special(f) if f.is_finite() && digits <= 0 => {
            let p = 10f64.powi(digits.clamp(-400, 0).unsigned_abs() as i32);
            whole_float((f / p).round() * p)?
        }
        Num::Special(f) if f.is_finite() => Value::Float(f),
        Num::Special(f) => return Err(float_domain(f)),
    })
}

/// `Integer#round(digits)` for `digits < 0`: half away from zero.
fn round_int(x: &BigInt, digits: i64) -> BigInt {
    if digits >= 0 {
        return x.clone();
    }
    // Past the number's own length the result is 0 (and 10^n is not built).
    let len = x.magnitude().bits() as i64 * 30103 / 100000 + 2;
    if -digits > len {
        return BigInt::zero();
    }
    let p = BigInt::from(10).pow((-digits) as u32);
    let (q, r) = x.magnitude().div_rem(p.magnitude());
    let mut q = BigInt::from(q);
    if r * 2u32 >= *p.magnitude() {
        q += 1;
    }
    let m = q * p;
    if x.is_negative() {
        -m
    } else {
        m
    }
}

/// `at_least` / `at_most`
pub(crate) fn clamp(v: &Value, bound: &Value, at_least: bool) -> Value {
    let b = to_number(bound);
    let x = to_number(v);
    let replace = match b.cmp(&x) {
        Some(Ordering::Greater) => at_least,
        Some(Ordering::Less) => !at_least,
        _ => false,
    };
    if replace {
        b.into_value()
    } else {
        x.into_value()
    }
}

/// Liquid's `Utils.to_number` as a value: integers stay integers, floats and
/// decimal strings become floats, other strings use `to_i`, anything else 0.
pub fn to_number_value(v: &Value) -> Value {
    to_number(v).into_value()
}
