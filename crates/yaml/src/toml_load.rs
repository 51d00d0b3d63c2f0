//! `_config.toml`, read into the same value type as YAML, typed the way
//! Jekyll's TOML reader (tomlrb 1.3) types it: every date or datetime
//! becomes a `Time` with a fixed offset (`+00:00` when none is written, and
//! also for `Z`), tables keep their written order.

use crate::chrono_lite::{days_from_civil, Time, Zone};
use crate::error::{ErrorKind, YamlError};
use crate::value::{Map, Node, Pos, Span, Yaml};

/// Load a TOML document as Jekyll's `Tomlrb.load_file` would. Nodes carry
/// no spans (all 0:0); errors carry the line and column of the problem.
pub fn load_toml(src: &str) -> Result<Node, YamlError> {
    let table: toml::Table = src.parse().map_err(|e: toml::de::Error| {
        let (line, column) = e.span().map_or((1, 1), |r| {
            let before = &src[..r.start.min(src.len())];
            let line = before.matches('\n').count() + 1;
            let column = before[before.rfind('\n').map_or(0, |i| i + 1)..]
                .chars()
                .count()
                + 1;
            (line, column)
        });
        let kind = ErrorKind::Syntax {
            problem: e.message().trim().to_string(),
            context: None,
        };
        YamlError::new(kind, line, column, src)
    })?;
    Ok(node(Yaml::Map(table_map(table))))
}

fn node(value: Yaml) -> Node {
    Node {
        value,
        span: Span {
            start: Pos::default(),
            end: Pos::default(),
        },
    }
}

fn table_map(table: toml::Table) -> Map {
    table
        .into_iter()
        .map(|(k, v)| (node(Yaml::Str(k)), node(value(v))))
        .collect()
}

fn value(v: toml::Value) -> Yaml {
    match v {
        toml::Value::String(s) => Yaml::Str(s),
        toml::Value::Integer(i) => Yaml::Int(i),
        toml::Value::Float(f) => Yaml::Float(f),
        toml::Value::Boolean(b) => Yaml::Bool(b),
        toml::Value::Array(items) => Yaml::Seq(items.into_iter().map(|i| node(value(i))).collect()),
        toml::Value::Table(t) => Yaml::Map(table_map(t)),
        toml::Value::Datetime(dt) => datetime(&dt),
    }
}

/// tomlrb's `Time.new(y, m, d, h, min, s.to_f, offset)`.
fn datetime(dt: &toml::value::Datetime) -> Yaml {
    let Some(date) = dt.date else {
        // A bare local time: tomlrb has no syntax for it; keep the text.
        return Yaml::Str(dt.to_string());
    };
    let (h, m, s, nanos) = dt
        .time
        .map_or((0, 0, 0, 0), |t| (t.hour, t.minute, t.second, t.nanosecond));
    let offset = match dt.offset {
        Some(toml::value::Offset::Custom { minutes }) => i32::from(minutes) * 60,
        _ => 0,
    };
    let wall = days_from_civil(
        i64::from(date.year),
        i64::from(date.month),
        i64::from(date.day),
    ) * 86_400
        + i64::from(h) * 3600
        + i64::from(m) * 60
        + i64::from(s);
    Yaml::Time(Time {
        unix: wall - i64::from(offset),
        nanos,
        offset,
        zone: Zone::Fixed,
    })
}
