//! Helpers shared by the tests: JSON data as Liquid values and an in-memory
//! file system for partials.

use std::collections::HashMap;
use std::sync::Arc;

use hyde_liquid::{
    Context, Engine, Error, ErrorKind, FileSystem, Map, Template, Time, TimeMode, Value,
};

/// Converts JSON into a Liquid value (hash order preserved).
pub fn from_json(v: &serde_json::Value) -> Value {
    match v {
        serde_json::Value::Null => Value::Nil,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => match n.as_i64() {
            Some(i) => Value::Int(i),
            None => Value::Float(n.as_f64().unwrap_or(0.0)),
        },
        serde_json::Value::String(s) => Value::str(s.as_str()),
        serde_json::Value::Array(a) => Value::array(a.iter().map(from_json).collect()),
        serde_json::Value::Object(o) if o.contains_key("$time") => {
            // Corpus marker for a Ruby Time; local times use the test zone
            // (UTC). Others are what `Time.iso8601` makes: UTC for `Z`,
            // local for the local offset (zero), a fixed offset otherwise.
            let text = o["$time"].as_str().unwrap_or("");
            let Ok(t) = chrono::DateTime::parse_from_rfc3339(text) else {
                return Value::Nil;
            };
            let mode = if text.ends_with('Z') && o["local"].as_bool() != Some(true) {
                TimeMode::Utc
            } else if o["local"].as_bool() == Some(true) || t.offset().local_minus_utc() == 0 {
                TimeMode::Local
            } else {
                TimeMode::Fixed
            };
            Value::time(Time::new(t, mode))
        }
        serde_json::Value::Object(o) if o.contains_key("$int") => o["$int"]
            .as_str()
            .and_then(|s| s.parse::<hyde_liquid::BigInt>().ok())
            .map_or(Value::Nil, Value::integer),
        // 10**n (`sign` -1 for its negative): Bignums too long to write out.
        serde_json::Value::Object(o) if o.contains_key("$pow10") => {
            let n = o["$pow10"].as_u64().and_then(|n| u32::try_from(n).ok());
            let sign = o["sign"].as_i64().unwrap_or(1);
            n.map_or(Value::Nil, |n| {
                Value::integer(hyde_liquid::BigInt::from(10).pow(n) * sign)
            })
        }
        serde_json::Value::Object(o) if o.contains_key("$date") => {
            let d = o["$date"]
                .as_str()
                .and_then(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok());
            d.map_or(Value::Nil, Value::Date)
        }
        serde_json::Value::Object(o) => {
            let mut m = Map::new();
            for (k, v) in o {
                m.insert(Value::str(k.as_str()), from_json(v));
            }
            Value::hash(m)
        }
    }
}

/// Partials served from memory.
pub struct MemoryFs(pub HashMap<String, String>);

impl FileSystem for MemoryFs {
    fn read_template_file(&self, name: &str) -> Result<String, Error> {
        self.0
            .get(name)
            .cloned()
            .ok_or_else(|| Error::new(ErrorKind::FileSystem, format!("No such template '{name}'")))
    }
}

/// Renders `src` with `globals` and the standard engine.
pub fn render_with(src: &str, globals: &[(&str, Value)]) -> Result<String, Error> {
    let engine = Engine::new();
    let t = Template::parse(src, &engine)?;
    let mut ctx = Context::new(&engine);
    for (k, v) in globals {
        ctx.set_global(k, v.clone());
    }
    t.render(&mut ctx)
}

/// Renders `src` with no data.
pub fn render(src: &str) -> Result<String, Error> {
    render_with(src, &[])
}

/// An in-memory file system from pairs.
#[allow(dead_code)]
pub fn fs(pairs: &[(&str, &str)]) -> Arc<MemoryFs> {
    Arc::new(MemoryFs(
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
    ))
}
