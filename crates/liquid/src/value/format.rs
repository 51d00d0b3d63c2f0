//! Printing values the way Ruby does: `to_s` for output, `inspect` inside
//! hashes and arrays, and Ruby's float formatting.

use std::fmt::Write;

use chrono::{Datelike, NaiveDate};

use super::Value;

/// Formats a float as Ruby's `Float#to_s`: shortest round-trip digits,
/// fixed notation unless the decimal point would sit more than 16 digits
/// right (15 for whole numbers) or 4 zeros left, otherwise `1.0e+20`.
pub fn format_float(f: f64) -> String {
    if f.is_nan() {
        return "NaN".into();
    }
    if f.is_infinite() {
        return if f > 0.0 {
            "Infinity".into()
        } else {
            "-Infinity".into()
        };
    }
    if f == 0.0 {
        return if f.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    // `{:e}` gives the shortest round-trip digits as d.ddddde±x.
    let sci = format!("{:e}", f);
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let negative = mantissa.starts_with('-');
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    let decpt = exp + 1;
    let digs = digits.len() as i32;
    let fixed = if decpt > 0 {
        decpt <= if digs > decpt { 16 } else { 15 }
    } else {
        decpt > -4
    };
    if fixed {
        if exp < 0 {
            out.push_str("0.");
            for _ in 0..(-exp - 1) {
                out.push('0');
            }
            out.push_str(&digits);
        } else {
            let point = exp as usize + 1;
            if digits.len() <= point {
                out.push_str(&digits);
                for _ in digits.len()..point {
                    out.push('0');
                }
                out.push_str(".0");
            } else {
                out.push_str(&digits[..point]);
                out.push('.');
                out.push_str(&digits[point..]);
            }
        }
    } else {
        out.push_str(&digits[..1]);
        out.push('.');
        if digits.len() > 1 {
            out.push_str(&digits[1..]);
        } else {
            out.push('0');
        }
        let _ = write!(out, "e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs());
    }
    out
}

/// Appends Ruby's `to_s` of a value (arrays are joined, as Liquid prints them).
pub(crate) fn write_to_s(v: &Value, out: &mut String) {
    match v {
        Value::Nil => {}
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(i) => push_int(*i, out),
        Value::BigInt(i) => {
            let _ = write!(out, "{i}");
        }
        Value::Float(f) => out.push_str(&format_float(*f)),
        Value::Str(s) => out.push_str(s),
        Value::Array(items) => {
            for item in items.iter() {
                write_to_s(item, out);
            }
        }
        Value::Hash(_) => write_inspect(v, out),
        Value::Range(a, b) => {
            let _ = write!(out, "{a}..{b}");
        }
        Value::BigRange(r) => {
            let _ = write!(out, "{}..{}", r.0, r.1);
        }
        Value::Time(t) => {
            let fmt = match t.mode {
                super::TimeMode::Utc => "%Y-%m-%d %H:%M:%S UTC",
                _ => "%Y-%m-%d %H:%M:%S %z",
            };
            crate::date::strftime_into(t, fmt, "", out);
        }
        Value::Date(d) => write_date(*d, out),
        Value::Object(o) => out.push_str(&o.to_liquid_string()),
    }
}

/// Appends an integer in decimal, as Ruby's `Integer#to_s` (and Rust's
/// `Display`) print it, without going through `core::fmt`: pages print
/// many small numbers (years, counts, page numbers).
pub(crate) fn push_int(i: i64, out: &mut String) {
    let mut buf = [0u8; 20];
    let mut at = buf.len();
    let mut n = i.unsigned_abs();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if i < 0 {
        out.push('-');
    }
    // Only ASCII digits were written.
    out.push_str(std::str::from_utf8(&buf[at..]).unwrap_or_default());
}

fn write_date(d: NaiveDate, out: &mut String) {
    let y = d.year();
    if y < 0 {
        let _ = write!(out, "-{:04}-{:02}-{:02}", -y, d.month(), d.day());
    } else {
        let _ = write!(out, "{:04}-{:02}-{:02}", y, d.month(), d.day());
    }
}

/// Ruby's `inspect` of a value.
pub fn inspect(v: &Value) -> String {
    let mut out = String::new();
    write_inspect(v, &mut out);
    out
}

fn write_inspect(v: &Value, out: &mut String) {
    match v {
        Value::Nil => out.push_str("nil"),
        Value::Str(s) => inspect_str(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_inspect(item, out);
            }
            out.push(']');
        }
        Value::Hash(map) => {
            out.push('{');
            for (i, (k, val)) in map.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_inspect(k, out);
                out.push_str("=>");
                write_inspect(val, out);
            }
            out.push('}');
        }
        Value::Date(d) => {
            out.push_str("#<Date: ");
            write_date(*d, out);
            let jd = d.num_days_from_ce() as i64 + 1_721_425;
            let _ = write!(out, " (({jd}j,0s,0n),+0s,2299161j)>");
        }
        Value::Object(o) => out.push_str(&o.to_value_inspect()),
        other => write_to_s(other, out),
    }
}

/// Ruby's `String#inspect` for UTF-8 strings.
fn inspect_str(s: &str, out: &mut String) {
    out.push('"');
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\x0c' => out.push_str("\\f"),
            '\x0b' => out.push_str("\\v"),
            '\x08' => out.push_str("\\b"),
            '\x07' => out.push_str("\\a"),
            '\x1b' => out.push_str("\\e"),
            '#' if matches!(chars.peek(), Some('{' | '$' | '@')) => out.push_str("\\#"),
            c if (c as u32) < 0x20 || matches!(c as u32, 0x7f | 0x2028 | 0x2029) => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Inspect form of host objects.
trait InspectObject {
    fn to_value_inspect(&self) -> String;
}

impl<T: super::Object + ?Sized> InspectObject for T {
    fn to_value_inspect(&self) -> String {
        match self.to_value() {
            Value::Object(_) => format!("#<{}>", self.type_name()),
            v => inspect(&v),
        }
    }
}
