//! Values of the model: YAML, JSON, TOML and CSV turned into Liquid values,
//! and the hash helpers Jekyll uses on them (deep merge, pluralised keys).

use std::sync::Arc;

use chrono::{FixedOffset, NaiveDate, TimeZone};
use hyde_liquid::value::map_get;
use hyde_liquid::{Map, Str, Time, TimeMode, Value};

use crate::error::{Error, ErrorKind, Result, Span};

/// A map keyed by short strings (configuration and front-matter keys),
/// hashed with [`KeyHasher`] instead of SipHash.
pub(crate) type StrMap<V> =
    std::collections::HashMap<Str, V, std::hash::BuildHasherDefault<KeyHasher>>;

/// A multiply-rotate hash over 8-byte words: fast on keys of a few bytes;
/// the keys come from the site's own files, so no flooding defence is needed.
#[derive(Default, Clone, Copy)]
pub(crate) struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Ruby truthiness.
pub fn truthy(v: &Value) -> bool {
    v.is_truthy()
}

/// A value as a list of strings: an array's items, or a string split on commas
/// and whitespace-trimmed; nil gives an empty list.
pub fn str_list(v: &Value) -> Vec<String> {
    match v {
        Value::Array(a) => a
            .iter()
            .filter(|x| !x.is_nil())
            .map(Value::to_liquid_string)
            .collect(),
        Value::Nil => Vec::new(),
        other => vec![other.to_liquid_string()],
    }
}

/// Jekyll's `Utils.deep_merge_hashes!`: hashes merge recursively, a nil new
/// value keeps the old one, anything else replaces it.
pub fn deep_merge(target: &mut Map, over: &Map) {
    // One hash of each key (every document merges its defaults and data).
    for (k, new) in over.iter() {
        let mut inserted = false;
        let slot = target.entry(k.clone()).or_insert_with(|| {
            inserted = true;
            new.clone()
        });
        if inserted || new.is_nil() {
            continue;
        }
        match (slot, new) {
            // Copied only when another value shares the old hash.
            (Value::Hash(old), Value::Hash(newh)) => deep_merge(Arc::make_mut(old), newh),
            (slot, _) => *slot = new.clone(),
        }
    }
}

/// Converts a YAML node, as Psych typed it, to a Liquid value.
pub fn from_yaml(node: &hyde_yaml::Node) -> Value {
    use hyde_yaml::Yaml;
    match &node.value {
        Yaml::Null => Value::Nil,
        Yaml::Bool(b) => Value::Bool(*b),
        Yaml::Int(i) => Value::Int(*i),
        // Psych makes a Bignum of an integer past 64 bits (its digits are
        // Ruby's `to_s`, so they always parse).
        Yaml::BigInt(s) => s
            .parse::<hyde_liquid::BigInt>()
            .map_or_else(|_| Value::str(s.as_str()), Value::from),
        Yaml::Float(f) => Value::Float(*f),
        Yaml::Str(s) => Value::str(s.as_str()),
        Yaml::Date(d) => NaiveDate::from_ymd_opt(d.year, d.month.into(), d.day.into())
            .map(Value::Date)
            .unwrap_or(Value::Nil),
        Yaml::Time(t) => {
            let off = FixedOffset::east_opt(t.offset)
                .unwrap_or(FixedOffset::east_opt(0).expect("zero offset"));
            // Psych's modes: `Z` makes a UTC time, an offset a fixed one,
            // no offset a local one.
            let mode = match t.zone {
                hyde_yaml::Zone::Utc => TimeMode::Utc,
                hyde_yaml::Zone::Fixed => TimeMode::Fixed,
                hyde_yaml::Zone::Local => TimeMode::Local,
            };
            match off.timestamp_opt(t.unix, t.nanos) {
                chrono::LocalResult::Single(dt) => Value::time(Time::new(dt, mode)),
                _ => Value::Nil,
            }
        }
        Yaml::Seq(items) => Value::array(items.iter().map(from_yaml).collect()),
        Yaml::Map(m) => {
            let mut out = Map::with_capacity(m.len());
            for (k, v) in m.iter() {
                out.insert(from_yaml(k), from_yaml(v));
            }
            Value::hash(out)
        }
    }
}

/// Parses YAML text (a config file, front matter or a data file).
pub fn parse_yaml(text: &str, file: &str, kind: ErrorKind) -> Result<Value> {
    parse_yaml_in(text, file, kind, None)
}

/// Parses YAML with times that carry no offset shown in `tz` (Psych reads
/// them as UTC and shows them in the local zone, which Jekyll sets from `timezone`).
pub fn parse_yaml_in(
    text: &str,
    file: &str,
    kind: ErrorKind,
    tz: Option<chrono_tz::Tz>,
) -> Result<Value> {
    use chrono::{Offset, TimeZone};
    let local = move |unix: i64| -> i32 {
        match (tz, chrono::DateTime::from_timestamp(unix, 0)) {
            (Some(z), Some(t)) => z
                .offset_from_utc_datetime(&t.naive_utc())
                .fix()
                .local_minus_utc(),
            _ => 0,
        }
    };
    let opts = hyde_yaml::LoadOptions {
        local_offset: &local,
        ..Default::default()
    };
    match hyde_yaml::load(text, &opts) {
        Ok(node) => Ok(from_yaml(&node)),
        Err(e) => {
            let mut span = Span::at(file, text, e.line, e.column);
            if span.source_line.is_none() && !e.source_line.is_empty() {
                span.source_line = Some(e.source_line.clone());
            }
            Err(Error::new(
                kind.clone(),
                span,
                e.problem(),
                yaml_hint(&kind),
            ))
        }
    }
}

fn yaml_hint(kind: &ErrorKind) -> &'static str {
    match kind {
        ErrorKind::Config => {
            "fix the YAML syntax of the configuration file (quote values containing ': ' or '#')"
        }
        ErrorKind::FrontMatter => {
            "fix the YAML between the --- lines (quote values containing ': ' or '#')"
        }
        _ => "fix the YAML syntax (quote values containing ': ' or '#')",
    }
}

/// Parses a TOML configuration file.
pub fn parse_toml(text: &str, file: &str) -> Result<Value> {
    let table: toml::Table = text.parse().map_err(|e: toml::de::Error| {
        let (line, col) = e
            .span()
            .map(|r| {
                let before = &text[..r.start.min(text.len())];
                let line = before.matches('\n').count() + 1;
                let col = before.len() - before.rfind('\n').map(|i| i + 1).unwrap_or(0) + 1;
                (line, col)
            })
            .unwrap_or((0, 0));
        Error::new(
            ErrorKind::Config,
            Span::at(file, text, line, col),
            e.message().to_string(),
            "fix the TOML syntax",
        )
    })?;
    Ok(from_toml(&toml::Value::Table(table)))
}

fn from_toml(v: &toml::Value) -> Value {
    match v {
        toml::Value::String(s) => Value::str(s.as_str()),
        toml::Value::Integer(i) => Value::Int(*i),
        toml::Value::Float(f) => Value::Float(*f),
        toml::Value::Boolean(b) => Value::Bool(*b),
        toml::Value::Datetime(d) => Value::str(d.to_string()),
        toml::Value::Array(a) => Value::array(a.iter().map(from_toml).collect()),
        toml::Value::Table(t) => {
            let mut m = Map::new();
            for (k, v) in t {
                m.insert(Value::str(k.as_str()), from_toml(v));
            }
            Value::hash(m)
        }
    }
}

/// Parses a JSON data file, keeping key order.
pub fn parse_json(text: &str, file: &str) -> Result<Value> {
    let v: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        Error::new(
            ErrorKind::Data,
            Span::at(file, text, e.line(), e.column()),
            e.to_string(),
            "fix the JSON syntax",
        )
    })?;
    Ok(from_json(&v))
}

fn from_json(v: &serde_json::Value) -> Value {
    match v {
        serde_json::Value::Null => Value::Nil,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => match n.as_i64() {
            Some(i) => Value::Int(i),
            None => Value::Float(n.as_f64().unwrap_or(0.0)),
        },
        serde_json::Value::String(s) => Value::str(s.as_str()),
        serde_json::Value::Array(a) => Value::array(a.iter().map(from_json).collect()),
        serde_json::Value::Object(o) => {
            let mut m = Map::new();
            for (k, v) in o {
                m.insert(Value::str(k.as_str()), from_json(v));
            }
            Value::hash(m)
        }
    }
}

/// Parses CSV (or TSV) with a header row into an array of hashes, every value a
/// string, as Jekyll's `CSV.read(headers: true)` then `to_hash` gives.
pub fn parse_csv(text: &str, file: &str, delimiter: u8) -> Result<Value> {
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(true)
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = rdr
        .headers()
        .map_err(|e| csv_error(file, text, &e))?
        .iter()
        .map(str::to_string)
        .collect();
    let mut rows = Vec::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| csv_error(file, text, &e))?;
        // Only a record with an empty field needs its raw text scanned for quotes.
        let quoted = if rec.iter().any(str::is_empty) {
            let start = rec.position().map_or(0, |p| p.byte() as usize);
            quoted_fields(&text.as_bytes()[start.min(text.len())..], delimiter)
        } else {
            Vec::new()
        };
        let mut m = Map::new();
        for (i, h) in headers.iter().enumerate() {
            // Ruby's CSV reads an unquoted empty field as nil, a quoted one as "".
            let v = match rec.get(i) {
                Some("") if !quoted.get(i).copied().unwrap_or(false) => Value::Nil,
                Some(f) => Value::str(f),
                None => Value::Nil,
            };
            // `to_hash` keeps the first of duplicated headers.
            if map_get(&m, h).is_none() {
                m.insert(Value::str(h.as_str()), v);
            }
        }
        rows.push(Value::hash(m));
    }
    Ok(Value::array(rows))
}

/// Which fields of the record starting at `raw` are quoted.
fn quoted_fields(raw: &[u8], delimiter: u8) -> Vec<bool> {
    let mut flags = Vec::new();
    let mut i = 0;
    loop {
        let quoted = raw.get(i) == Some(&b'"');
        flags.push(quoted);
        if quoted {
            i += 1;
            while i < raw.len() {
                if raw[i] == b'"' {
                    if raw.get(i + 1) == Some(&b'"') {
                        i += 2;
                        continue;
                    }
                    i += 1;
                    break;
                }
                i += 1;
            }
        }
        while i < raw.len() && raw[i] != delimiter && raw[i] != b'\n' && raw[i] != b'\r' {
            i += 1;
        }
        if i >= raw.len() || raw[i] != delimiter {
            return flags;
        }
        i += 1;
    }
}

fn csv_error(file: &str, text: &str, e: &csv::Error) -> Error {
    let line = e.position().map(|p| p.line() as usize).unwrap_or(0);
    Error::new(
        ErrorKind::Data,
        Span::at(file, text, line, 1),
        e.to_string(),
        "fix the CSV syntax",
    )
}

/// An invalid-UTF-8 error pointing at the first bad byte.
pub fn utf8_error(file: &str, e: &std::string::FromUtf8Error) -> Error {
    let bytes = e.as_bytes();
    let valid = e.utf8_error().valid_up_to();
    let before = String::from_utf8_lossy(&bytes[..valid]);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let column = before[line_start..].chars().count() + 1;
    let line_end = bytes[valid..]
        .iter()
        .position(|&b| b == b'\n')
        .map(|i| valid + i)
        .unwrap_or(bytes.len());
    let text = String::from_utf8_lossy(&bytes[..line_end]).into_owned();
    Error::new(
        ErrorKind::InvalidUtf8,
        Span::at(file, &text, line, column),
        format!("invalid UTF-8 (byte 0x{:02x})", bytes[valid]),
        "save the file as UTF-8",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_past_64_bits_are_bignums_as_in_psych() {
        let data = parse_yaml(
            "big: 12345678901234567890123\nneg: -99999999999999999999\nsmall: 42\n",
            "_data/n.yml",
            ErrorKind::Data,
        )
        .unwrap();
        for (key, digits) in [
            ("big", "12345678901234567890123"),
            ("neg", "-99999999999999999999"),
        ] {
            let v = data.get(key).unwrap();
            assert!(matches!(v, Value::BigInt(_)), "{key}: {v:?}");
            assert_eq!(
                v,
                Value::from(digits.parse::<hyde_liquid::BigInt>().unwrap())
            );
        }
        assert_eq!(data.get("small"), Some(Value::Int(42)));
    }
}
