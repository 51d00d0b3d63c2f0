//! `jsonify` (Ruby's `to_json` of the value's Liquid form) and `inspect`.
//!
//! Ruby's JSON generator escapes `"`, `\` and control characters only: `/`,
//! non-ASCII text and DEL are written as they are. Floats print as Ruby's
//! `Float#to_s` (`1.0`, `1.0e+20`); times, dates and ranges as their `to_s`
//! strings; drops as their hash.

use std::fmt::Write as _;
use std::sync::OnceLock;

use hyde_liquid::value::{format_float, inspect};
use hyde_liquid::{Context, Error, FilterArgs, Value};
use regex::Regex;

use super::ruby;
use super::text::xml_escape;

/// Appends `s` as a JSON string the way Ruby's generator writes it.
pub fn write_json_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\x08' => out.push_str("\\b"),
            '\x0c' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Appends the JSON form of `v` (`as_liquid(v).to_json`).
pub fn write_json(out: &mut String, v: &Value) -> Result<(), Error> {
    match v {
        Value::Nil => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(i) => {
            let _ = write!(out, "{i}");
        }
        Value::BigInt(i) => {
            let _ = write!(out, "{i}");
        }
        Value::Float(f) if f.is_finite() => out.push_str(&format_float(*f)),
        Value::Float(f) => {
            return Err(Error::runtime(format!(
                "JSON::GeneratorError: {} not allowed in JSON",
                format_float(*f)
            )))
        }
        Value::Str(s) => write_json_str(out, s),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json(out, item)?;
            }
            out.push(']');
        }
        Value::Hash(map) => {
            out.push('{');
            for (i, (k, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json_str(out, &ruby::to_s(k));
                out.push(':');
                write_json(out, item)?;
            }
            out.push('}');
        }
        Value::Object(o) => match o.to_value() {
            Value::Object(_) => write_json_str(out, &o.to_liquid_string()),
            plain => write_json(out, &plain)?,
        },
        Value::Range(..) | Value::BigRange(_) | Value::Time(_) | Value::Date(_) => {
            write_json_str(out, &v.to_liquid_string())
        }
    }
    Ok(())
}

/// The JSON text of `v`.
pub fn to_json(v: &Value) -> Result<String, Error> {
    let mut out = String::new();
    write_json(&mut out, v)?;
    Ok(out)
}

/// Appends `JSON.pretty_generate` of `v` at nesting `depth` (two spaces per
/// level). Ruby's generator (json 2.6) writes an empty array as `[`, two
/// newlines and the indented `]`, and an empty hash as `{`, a newline and
/// the indented `}`.
pub fn write_pretty_json(out: &mut String, v: &Value, depth: usize) -> Result<(), Error> {
    let indent = |out: &mut String, d: usize| {
        for _ in 0..d {
            out.push_str("  ");
        }
    };
    match v {
        Value::Array(items) if !items.is_empty() => {
            out.push_str("[\n");
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(",\n");
                }
                indent(out, depth + 1);
                write_pretty_json(out, item, depth + 1)?;
            }
            out.push('\n');
            indent(out, depth);
            out.push(']');
        }
        Value::Hash(map) if !map.is_empty() => {
            out.push_str("{\n");
            for (i, (k, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push_str(",\n");
                }
                indent(out, depth + 1);
                write_json_str(out, &ruby::to_s(k));
                out.push_str(": ");
                write_pretty_json(out, item, depth + 1)?;
            }
            out.push('\n');
            indent(out, depth);
            out.push('}');
        }
        Value::Array(_) => {
            out.push_str("[\n\n");
            indent(out, depth);
            out.push(']');
        }
        Value::Hash(_) => {
            out.push_str("{\n");
            indent(out, depth);
            out.push('}');
        }
        Value::Object(o) => match o.to_value() {
            Value::Object(_) => write_json_str(out, &o.to_liquid_string()),
            plain => write_pretty_json(out, &plain, depth)?,
        },
        other => write_json(out, other)?,
    }
    Ok(())
}

/// Whether Ruby's `String#inspect` shows `c` as it is (Onigmo's `print`
/// class): not for ASCII controls, DEL, the line and paragraph separators
/// and unassigned code points.
fn ruby_printable(c: char) -> bool {
    static UNASSIGNED: OnceLock<Regex> = OnceLock::new();
    let cp = c as u32;
    if cp < 0x20 || cp == 0x7f || cp == 0x2028 || cp == 0x2029 {
        return false;
    }
    if c.is_ascii() {
        return true;
    }
    let unassigned = UNASSIGNED.get_or_init(|| Regex::new(r"\p{Cn}").expect("valid regex"));
    let mut buf = [0u8; 4];
    !unassigned.is_match(c.encode_utf8(&mut buf))
}

/// Ruby's `String#inspect` for a UTF-8 string.
pub fn inspect_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\x0c' => out.push_str("\\f"),
            '\x0b' => out.push_str("\\v"),
            '\x08' => out.push_str("\\b"),
            '\x07' => out.push_str("\\a"),
            '\x1b' => out.push_str("\\e"),
            '#' if matches!(chars.peek(), Some('{' | '$' | '@')) => out.push_str("\\#"),
            c if ruby_printable(c) => out.push(c),
            c if (c as u32) < 0x10000 => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => {
                let _ = write!(out, "\\u{{{:X}}}", c as u32);
            }
        }
    }
    out.push('"');
    out
}

/// Ruby's `inspect`, where drops inspect as Jekyll's `Drop#inspect` does
/// (`JSON.pretty_generate(to_h)`).
pub fn inspect_value(v: &Value) -> Result<String, Error> {
    Ok(match v {
        Value::Object(_) => {
            let mut out = String::new();
            write_pretty_json(&mut out, v, 0)?;
            out
        }
        Value::Str(s) => inspect_str(s),
        Value::Array(items) => {
            let parts: Result<Vec<String>, Error> = items.iter().map(inspect_value).collect();
            format!("[{}]", parts?.join(", "))
        }
        Value::Hash(map) => {
            let mut parts = Vec::with_capacity(map.len());
            for (k, item) in map.iter() {
                parts.push(format!("{}=>{}", inspect_value(k)?, inspect_value(item)?));
            }
            format!("{{{}}}", parts.join(", "))
        }
        other => inspect(other),
    })
}

/// The `jsonify` filter.
pub fn jsonify(input: &Value, args: &FilterArgs<'_>, _ctx: &mut Context) -> Result<Value, Error> {
    args.check_arity(0, 0)?;
    to_json(input).map(Value::from)
}

/// The `inspect` filter: `xml_escape(input.inspect)`.
pub fn inspect_filter(
    input: &Value,
    args: &FilterArgs<'_>,
    _ctx: &mut Context,
) -> Result<Value, Error> {
    args.check_arity(0, 0)?;
    Ok(xml_escape(&inspect_value(input)?).into())
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values produced by Ruby 3.1's JSON (json 2.6).
    #[test]
    fn json_strings_escape_like_ruby() {
        let mut out = String::new();
        write_json_str(&mut out, "a/b\u{2028}\u{e9}\u{1}\u{7f}\"\\\x08\x0c\n\r\t");
        assert_eq!(
            out,
            "\"a/b\u{2028}\u{e9}\\u0001\u{7f}\\\"\\\\\\b\\f\\n\\r\\t\""
        );
    }

    // Expected value produced by Ruby 3.1's JSON.pretty_generate.
    #[test]
    fn pretty_json_like_ruby() {
        let mut map = hyde_liquid::Map::new();
        map.insert(
            Value::str("a"),
            Value::array(vec![Value::Int(1), Value::array(vec![])]),
        );
        map.insert(Value::str("b"), Value::hash(hyde_liquid::Map::new()));
        let mut out = String::new();
        write_pretty_json(&mut out, &Value::hash(map), 0).unwrap();
        assert_eq!(
            out,
            "{\n  \"a\": [\n    1,\n    [\n\n    ]\n  ],\n  \"b\": {\n  }\n}"
        );
    }

    #[test]
    fn json_floats_like_ruby() {
        assert_eq!(to_json(&Value::Float(1.0)).unwrap(), "1.0");
        assert_eq!(to_json(&Value::Float(1e20)).unwrap(), "1.0e+20");
        assert!(to_json(&Value::Float(f64::INFINITY)).is_err());
    }
}
