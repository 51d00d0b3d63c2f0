//! Arithmetic filters. Liquid converts floats to `BigDecimal` before doing
//! arithmetic (so `0.1 | plus: 0.2` is `0.3`), then back to a float; this
//! module reproduces that with a small exact decimal type.

use std::cmp::Ordering;

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
#[derive(Clone, Copy, Debug)]
pub(crate) enum Num {
    Int(i64),
    Dec(Decimal),
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
        let s = s.trim();
        let (neg, s) = match s.as_bytes().first() {
            Some(b'-') => (true, &s[1..]),
            Some(b'+') => (false, &s[1..]),
            _ => (false, s),
        };
        let (num, exp) = match s.find(['e', 'E']) {
            Some(i) => (&s[..i], s[i + 1..].parse::<i32>().ok()?),
            None => (s, 0),
        };
        let (int, frac) = num.split_once('.').unwrap_or((num, ""));
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
        Value::Float(f) if !f.is_finite() => Num::Special(*f),
        Value::Float(f) => Decimal::parse(&format_float(*f)).map_or(Num::Special(*f), Num::Dec),
        Value::Str(s) => {
            let t = s.trim_matches(|c: char| c.is_ascii_whitespace() || c == '\0');
            if is_decimal_str(t) {
                match Decimal::parse(t) {
                    Some(d) => Num::Dec(d),
                    None => Num::Special(t.parse().unwrap_or(0.0)),
                }
            } else {
                Num::Int(lex::ruby_to_i(s))
            }
        }
        _ => Num::Int(0),
    }
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
    fn as_f64(self) -> f64 {
        match self {
            Num::Int(i) => i as f64,
            Num::Dec(d) => d.to_f64(),
            Num::Special(f) => f,
        }
    }

    fn as_dec(self) -> Option<Decimal> {
        match self {
            Num::Int(i) => Some(Decimal::from_int(i)),
            Num::Dec(d) => Some(d),
            Num::Special(_) => None,
        }
    }

    /// Back to a Liquid value: decimals become floats.
    pub(crate) fn to_value(self) -> Value {
        match self {
            Num::Int(i) => Value::Int(i),
            Num::Dec(d) => Value::Float(d.to_f64()),
            Num::Special(f) => Value::Float(f),
        }
    }

    fn cmp(self, other: Num) -> Option<Ordering> {
        match (self, other) {
            (Num::Int(a), Num::Int(b)) => Some(a.cmp(&b)),
            (Num::Special(_), _) | (_, Num::Special(_)) => {
                self.as_f64().partial_cmp(&other.as_f64())
            }
            (a, b) => Some(Decimal::cmp(a.as_dec()?, b.as_dec()?)),
        }
    }
}

fn zero_div() -> Error {
    Error::new(ErrorKind::ZeroDivision, "divided by 0")
}

/// `+ - * / %` with Ruby's Integer/BigDecimal rules.
pub(crate) fn apply(a: Num, b: Num, op: char) -> Result<Num, Error> {
    if let (Num::Int(x), Num::Int(y)) = (a, b) {
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
                x.checked_rem(y).map(|r| {
                    if r != 0 && (r < 0) != (y < 0) {
                        r + y
                    } else {
                        r
                    }
                })
            }
        };
        // Ruby promotes to a Bignum; we fall back to a float.
        return Ok(r.map_or_else(|| Num::Special(float_op(x as f64, y as f64, op)), Num::Int));
    }
    if let (Some(x), Some(y)) = (a.as_dec(), b.as_dec()) {
        if let Some(r) = dec_op(x, y, op)? {
            return Ok(r);
        }
    }
    let (x, y) = (a.as_f64(), b.as_f64());
    if op == '%' && y == 0.0 {
        return Err(zero_div());
    }
    Ok(Num::Special(float_op(x, y, op)))
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
        return x.to_f64() / y.to_f64();
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
            .map_or(Value::Float((i as f64).abs()), Value::Int),
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
        Num::Dec(d) => Value::Int(
            d.round(
                0,
                if ceil {
                    Rounding::Ceil
                } else {
                    Rounding::Floor
                },
            )
            .to_i64(),
        ),
        Num::Special(f) => return Err(float_domain(f)),
    })
}

/// `round: n`: integers stay integers; decimals round half away from
/// zero, giving an integer for `n <= 0` and a float otherwise.
pub(crate) fn round(v: &Value, n: Option<&Value>) -> Result<Value, Error> {
    let digits = match n.map(to_number) {
        None => 0,
        Some(Num::Int(i)) => i,
        Some(Num::Dec(d)) => d.to_i64(),
        Some(Num::Special(_)) => 0,
    };
    Ok(match to_number(v) {
        Num::Int(i) if digits >= 0 => Value::Int(i),
        Num::Int(i) => Value::Int(
            Decimal::from_int(i)
                .round(digits, Rounding::HalfUp)
                .to_i64(),
        ),
        Num::Dec(d) if digits <= 0 => Value::Int(d.round(digits, Rounding::HalfUp).to_i64()),
        Num::Dec(d) => {
            let f = d.round(digits, Rounding::HalfUp).to_f64();
            // `result.to_i if n == 0`: a float zero argument still truncates.
            match n {
                Some(Value::Float(z)) if *z == 0.0 => Value::Int(f as i64),
                _ => Value::Float(f),
            }
        }
        Num::Special(f) => return Err(float_domain(f)),
    })
}

/// `at_least` / `at_most`
pub(crate) fn clamp(v: &Value, bound: &Value, at_least: bool) -> Value {
    let b = to_number(bound);
    let x = to_number(v);
    let replace = match b.cmp(x) {
        Some(Ordering::Greater) => at_least,
        Some(Ordering::Less) => !at_least,
        _ => false,
    };
    if replace {
        b.to_value()
    } else {
        x.to_value()
    }
}

/// Liquid's `Utils.to_number` as a value: integers stay integers, floats and
/// decimal strings become floats, other strings use `to_i`, anything else 0.
pub fn to_number_value(v: &Value) -> Value {
    to_number(v).to_value()
}
