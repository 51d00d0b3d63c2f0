//! A canonical, typed JSON dump of a value, used by the differential corpus
//! (the Ruby generator writes the same shape with `JSON.generate`).
//!
//! Every value is `{"t":type,"v":...}`; integers and floats are written as
//! Ruby's `to_s` strings, times as `%Y-%m-%d %H:%M:%S.%N %z` plus a `utc`
//! flag, hashes as ordered `[key, value]` pairs.

use std::fmt::Write;

use crate::chrono_lite::Zone;
use crate::rubyfmt::float_to_s;
use crate::value::Yaml;

/// The canonical JSON dump of `v`.
pub fn to_json(v: &Yaml) -> String {
    let mut out = String::new();
    write_value(&mut out, v);
    out
}

fn write_value(out: &mut String, v: &Yaml) {
    let tv = |out: &mut String, t: &str, s: &str| {
        out.push_str("{\"t\":\"");
        out.push_str(t);
        out.push_str("\",\"v\":");
        write_str(out, s);
        out.push('}');
    };
    match v {
        Yaml::Null => out.push_str("{\"t\":\"null\"}"),
        Yaml::Bool(b) => {
            let _ = write!(out, "{{\"t\":\"bool\",\"v\":{b}}}");
        }
        Yaml::Int(i) => tv(out, "int", &i.to_string()),
        Yaml::BigInt(s) => tv(out, "int", s),
        Yaml::Float(f) => tv(out, "float", &float_to_s(*f)),
        Yaml::Str(s) => tv(out, "str", s),
        Yaml::Date(d) => tv(out, "date", &d.to_string()),
        Yaml::Time(t) => {
            let c = t.civil();
            let year = if c.year < 0 {
                format!("-{:04}", -c.year)
            } else {
                format!("{:04}", c.year)
            };
            let s = format!(
                "{year}-{:02}-{:02} {:02}:{:02}:{:02}.{:09} {}",
                c.month,
                c.day,
                c.hour,
                c.minute,
                c.second,
                t.nanos,
                t.offset_z()
            );
            tv(out, "time", &s);
            out.pop();
            let _ = write!(out, ",\"utc\":{}}}", t.zone == Zone::Utc);
        }
        Yaml::Seq(items) => {
            out.push_str("{\"t\":\"seq\",\"v\":[");
            for (i, n) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_value(out, &n.value);
            }
            out.push_str("]}");
        }
        Yaml::Map(m) => {
            out.push_str("{\"t\":\"map\",\"v\":[");
            for (i, (k, val)) in m.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push('[');
                write_value(out, &k.value);
                out.push(',');
                write_value(out, &val.value);
                out.push(']');
            }
            out.push_str("]}");
        }
    }
}

/// A JSON string as Ruby's `JSON.generate` writes it.
pub fn write_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}
