//! The loaded value tree: what `Psych.safe_load` would hand to Jekyll, as an
//! ordered, spanned Rust enum.
//!
//! Ruby keeps every scalar's type, also for hash keys (`1: a` has the Integer
//! key 1, not "1"). [`Map`] therefore keys on [`Yaml`] values with Ruby's
//! `eql?` equality, keeps first-insertion order like Ruby's `Hash`, and offers
//! [`Map::get`] for the usual string-key lookup. [`Yaml::to_ruby_s`] gives a
//! scalar's Ruby `to_s`, which is what Liquid prints.

use std::collections::HashMap;

use crate::chrono_lite::{Date, Time};
use crate::rubyfmt::float_to_s;

/// A position in the source: 1-based line and 1-based column (in characters).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pos {
    /// Line, counting from 1.
    pub line: usize,
    /// Column, counting from 1, in characters.
    pub column: usize,
}

/// The source range a node was read from (end is exclusive).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Span {
    /// Where the node starts.
    pub start: Pos,
    /// Where the node ends.
    pub end: Pos,
}

/// A value together with the span it was read from. Values copied through an
/// alias keep the span of the anchored node.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// The typed value.
    pub value: Yaml,
    /// Where it was written.
    pub span: Span,
}

impl Node {
    /// The value under String key `key`, when this node is a map.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.value.as_map()?.get(key)
    }
}

/// A YAML value typed as Psych types it.
#[derive(Clone, Debug, PartialEq)]
pub enum Yaml {
    /// `~`, `null`, an empty value (Ruby `nil`).
    Null,
    /// `true`/`yes`/`on` and `false`/`no`/`off`, any case.
    Bool(bool),
    /// An Integer that fits in i64.
    Int(i64),
    /// An Integer beyond i64 (Ruby Bignum), as its decimal digits with an
    /// optional leading `-` (exactly Ruby's `to_s`).
    BigInt(String),
    /// A Float (incl. infinities and NaN).
    Float(f64),
    /// A String. `!!binary` data that is not UTF-8 is converted lossily.
    Str(String),
    /// A Ruby `Date` (`2024-01-05`).
    Date(Date),
    /// A Ruby `Time` (`2024-01-05 10:00:00 +01:00`).
    Time(Time),
    /// An Array.
    Seq(Vec<Node>),
    /// A Hash.
    Map(Map),
}

impl Yaml {
    /// Ruby's `to_s` for scalars (`nil` → "", `1.0e+20`, `2024-01-05 10:00:00 +0100`).
    /// Arrays and hashes give Ruby's `inspect`-like `to_s`.
    pub fn to_ruby_s(&self) -> String {
        match self {
            Yaml::Null => String::new(),
            Yaml::Bool(b) => b.to_string(),
            Yaml::Int(i) => i.to_string(),
            Yaml::BigInt(s) | Yaml::Str(s) => s.clone(),
            Yaml::Float(f) => float_to_s(*f),
            Yaml::Date(d) => d.to_string(),
            Yaml::Time(t) => t.to_string(),
            Yaml::Seq(_) | Yaml::Map(_) => self.inspect(),
        }
    }

    /// Ruby's `inspect`, used for arrays and hashes printed whole.
    pub fn inspect(&self) -> String {
        match self {
            Yaml::Null => "nil".into(),
            Yaml::Str(s) => inspect_str(s),
            Yaml::Date(d) => format!("#<Date: {d} (({}j,0s,0n),+0s,2299161j)>", d.jd()),
            Yaml::Time(t) if t.nanos > 0 => {
                // Ruby shows the fraction with its significant digits.
                let text = t.to_string();
                let frac = format!("{:09}", t.nanos);
                let (clock, zone) = text.split_at(19);
                format!("{clock}.{}{zone}", frac.trim_end_matches('0'))
            }
            Yaml::Seq(items) => {
                let parts: Vec<String> = items.iter().map(|n| n.value.inspect()).collect();
                format!("[{}]", parts.join(", "))
            }
            Yaml::Map(m) => {
                let parts: Vec<String> = m
                    .iter()
                    .map(|(k, v)| format!("{}=>{}", k.value.inspect(), v.value.inspect()))
                    .collect();
                format!("{{{}}}", parts.join(", "))
            }
            other => other.to_ruby_s(),
        }
    }

    /// The string inside a `Str`.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Yaml::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The map inside a `Map`.
    pub fn as_map(&self) -> Option<&Map> {
        match self {
            Yaml::Map(m) => Some(m),
            _ => None,
        }
    }

    /// The items inside a `Seq`.
    pub fn as_seq(&self) -> Option<&[Node]> {
        match self {
            Yaml::Seq(s) => Some(s),
            _ => None,
        }
    }

    /// The boolean inside a `Bool`.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Yaml::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The integer inside an `Int`.
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Yaml::Int(i) => Some(*i),
            _ => None,
        }
    }

    /// Ruby truthiness: everything but `nil` and `false` is true.
    pub fn is_truthy(&self) -> bool {
        !matches!(self, Yaml::Null | Yaml::Bool(false))
    }

    /// Ruby's class name of this value (for messages).
    pub fn ruby_class(&self) -> &'static str {
        match self {
            Yaml::Null => "NilClass",
            Yaml::Bool(true) => "TrueClass",
            Yaml::Bool(false) => "FalseClass",
            Yaml::Int(_) | Yaml::BigInt(_) => "Integer",
            Yaml::Float(_) => "Float",
            Yaml::Str(_) => "String",
            Yaml::Date(_) => "Date",
            Yaml::Time(_) => "Time",
            Yaml::Seq(_) => "Array",
            Yaml::Map(_) => "Hash",
        }
    }
}

fn inspect_str(s: &str) -> String {
    let mut out = String::from("\"");
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '#' if matches!(chars.peek(), Some('{' | '$' | '@')) => out.push_str("\\#"),
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\x1b' => out.push_str("\\e"),
            '\x07' => out.push_str("\\a"),
            '\x08' => out.push_str("\\b"),
            '\x0b' => out.push_str("\\v"),
            '\x0c' => out.push_str("\\f"),
            c if (c as u32) < 0x20 || c == '\x7f' => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Ruby `eql?`/`hash` identity of a key, so duplicate keys collapse as in Ruby.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum KeyId {
    Null,
    Bool(bool),
    Int(i64),
    Big(String),
    Float(u64),
    Str(String),
    Date(Date),
    Time(i64, u32),
    Other(String),
}

impl KeyId {
    fn of(v: &Yaml) -> KeyId {
        match v {
            Yaml::Null => KeyId::Null,
            Yaml::Bool(b) => KeyId::Bool(*b),
            Yaml::Int(i) => KeyId::Int(*i),
            Yaml::BigInt(s) => KeyId::Big(s.clone()),
            // -0.0 eql? 0.0, and Psych's NaN is one shared object.
            Yaml::Float(f) if *f == 0.0 => KeyId::Float(0),
            Yaml::Float(f) if f.is_nan() => KeyId::Float(f64::NAN.to_bits()),
            Yaml::Float(f) => KeyId::Float(f.to_bits()),
            Yaml::Str(s) => KeyId::Str(s.clone()),
            Yaml::Date(d) => KeyId::Date(*d),
            Yaml::Time(t) => KeyId::Time(t.unix, t.nanos),
            other => KeyId::Other(crate::dump::to_json(other)),
        }
    }
}

/// Whether two keys are one for a Ruby Hash (`eql?`), as [`KeyId`] tells,
/// without copying a String key.
fn same_key(a: &Yaml, b: &Yaml) -> bool {
    match (a, b) {
        (Yaml::Str(x), Yaml::Str(y)) => x == y,
        (Yaml::Str(_), _) | (_, Yaml::Str(_)) => false,
        _ => KeyId::of(a) == KeyId::of(b),
    }
}

/// Up to this many entries a map finds a key by a scan: front matter holds
/// a dozen keys, for which hashing each one costs more than comparing.
const SCAN_LIMIT: usize = 16;

/// An ordered Ruby Hash: keys keep their first-insertion position, a repeated
/// key replaces the value in place.
#[derive(Clone, Debug, Default)]
pub struct Map {
    entries: Vec<(Node, Node)>,
    /// Position of each key, once there are more than [`SCAN_LIMIT`].
    index: Option<HashMap<KeyId, usize>>,
}

impl PartialEq for Map {
    fn eq(&self, other: &Map) -> bool {
        self.entries == other.entries
    }
}

impl Map {
    /// An empty map.
    pub fn new() -> Map {
        Map::default()
    }

    /// Ruby's `hash[key] = value`: replace in place, or append.
    pub fn insert(&mut self, key: Node, value: Node) {
        if let Some(i) = self.position(&key.value) {
            self.entries[i].1 = value;
            return;
        }
        if let Some(index) = &mut self.index {
            index.insert(KeyId::of(&key.value), self.entries.len());
        }
        self.entries.push((key, value));
        if self.index.is_none() && self.entries.len() > SCAN_LIMIT {
            let ids = self.entries.iter().enumerate();
            self.index = Some(ids.map(|(i, (k, _))| (KeyId::of(&k.value), i)).collect());
        }
    }

    /// Where `key` is, by Ruby's `eql?`.
    fn position(&self, key: &Yaml) -> Option<usize> {
        match &self.index {
            Some(index) => index.get(&KeyId::of(key)).copied(),
            None => self
                .entries
                .iter()
                .position(|(k, _)| same_key(&k.value, key)),
        }
    }

    /// Ruby's `merge!`: every entry of `other` is inserted in order.
    pub fn merge_from(&mut self, other: &Map) {
        for (k, v) in other.iter() {
            self.insert(k.clone(), v.clone());
        }
    }

    /// Look up a String key (what Liquid does).
    pub fn get(&self, key: &str) -> Option<&Node> {
        if self.index.is_some() {
            return self.get_key(&Yaml::Str(key.to_string()));
        }
        self.entries
            .iter()
            .find(|(k, _)| k.value.as_str() == Some(key))
            .map(|(_, v)| v)
    }

    /// Look up any key with Ruby's `eql?` equality.
    pub fn get_key(&self, key: &Yaml) -> Option<&Node> {
        self.position(key).map(|i| &self.entries[i].1)
    }

    /// Entries in Ruby's order.
    pub fn iter(&self) -> impl Iterator<Item = (&Node, &Node)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Consume into the ordered entries.
    pub fn into_entries(self) -> Vec<(Node, Node)> {
        self.entries
    }
}

impl FromIterator<(Node, Node)> for Map {
    fn from_iter<I: IntoIterator<Item = (Node, Node)>>(iter: I) -> Map {
        let mut m = Map::new();
        for (k, v) in iter {
            m.insert(k, v);
        }
        m
    }
}
