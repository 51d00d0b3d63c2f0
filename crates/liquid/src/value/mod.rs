//! The value model: what Liquid variables hold, with Ruby's semantics.
//!
//! Cloning a [`Value`] is O(1): strings, arrays, hashes and host objects sit
//! behind an `Arc`, so a template that loops over `site.posts` reads the
//! host's data by reference instead of copying it.

pub(crate) mod compare;
mod format;
mod int;
mod literal;
mod map;
mod object;
mod sort;
mod time;

use std::hash::{Hash as StdHash, Hasher};
use std::sync::Arc;

use chrono::NaiveDate;
use num_bigint::BigInt;

pub use compare::{compare, liquid_eq};
pub use format::{format_float, inspect};
pub(crate) use int::{cmp_int_float, IntRef};
pub use literal::MethodLiteral;
pub use map::{Map, MapHasher};
pub use object::Object;
pub use sort::ruby_sort;
pub(crate) use time::{far_offset, Civil, Wide};
pub use time::{Time, TimeMode};

/// An immutable string that is cheap to clone. Templates make many short
/// strings (`split` cuts a page into words; keys, slugs and dates are a few
/// bytes long): up to 23 bytes are kept inside the value itself, so making
/// one allocates nothing, and longer ones are shared behind an `Arc`.
/// `Value` stays 24 bytes.
pub type Str = smol_str::SmolStr;

/// A [`Str`] copy of `s`. smol_str's `new` is an out-of-line call that also
/// looks for its whitespace-only forms; a short string is copied inline here
/// instead, which halves the cost of the words `split` cuts a page into.
pub(crate) fn str_of(s: &str) -> Str {
    // smol_str's inline capacity (`new_inline` panics beyond it).
    const INLINE_CAP: usize = 23;
    if s.len() <= INLINE_CAP {
        Str::new_inline(s)
    } else {
        Str::new(s)
    }
}

/// A Liquid value.
#[derive(Default)]
pub enum Value {
    /// Ruby's `nil`.
    #[default]
    Nil,
    /// `true` or `false`.
    Bool(bool),
    /// An integer that fits in 64 bits (Ruby's Fixnum range, and then some).
    Int(i64),
    /// An integer beyond `i64` (Ruby's Bignum). Never holds a value that
    /// fits in `i64`: build it with [`Value::integer`], which picks the
    /// variant, so `Int` and `BigInt` never describe the same number.
    BigInt(Arc<BigInt>),
    /// A float, printed as Ruby prints it (`1.0`, `0.3`, `1.0e+20`).
    Float(f64),
    /// A string.
    Str(Str),
    /// An array.
    Array(Arc<Vec<Value>>),
    /// An insertion-ordered hash; prints as Ruby's `inspect` form.
    Hash(Arc<Map>),
    /// An inclusive integer range `(a..b)`.
    Range(i64, i64),
    /// An inclusive range with a bound beyond `i64` (Ruby ranges take
    /// Bignums); built by [`Value::range`], which picks the variant.
    BigRange(Arc<(BigInt, BigInt)>),
    /// A time with a UTC offset and a zone mode (Ruby's `Time`). Shared
    /// behind an `Arc`: a `Time` is as wide as a whole `Value`, and inline
    /// it would leave no room for the tag beside an inline [`Str`].
    Time(Arc<Time>),
    /// A calendar date (Ruby's `Date`, as YAML produces for `2024-01-05`).
    Date(NaiveDate),
    /// A host object ("drop"), read lazily and by reference.
    Object(Arc<dyn Object>),
}

impl Value {
    /// A string value.
    pub fn str(s: impl Into<Str>) -> Value {
        Value::Str(s.into())
    }

    /// An array value.
    pub fn array(items: Vec<Value>) -> Value {
        Value::Array(Arc::new(items))
    }

    /// A hash value.
    pub fn hash(map: Map) -> Value {
        Value::Hash(Arc::new(map))
    }

    /// A time value; a chrono time is a local time (see [`Time`]).
    pub fn time(t: impl Into<Time>) -> Value {
        Value::Time(Arc::new(t.into()))
    }

    /// A host object.
    pub fn object(obj: impl Object + 'static) -> Value {
        Value::Object(Arc::new(obj))
    }

    /// Ruby truthiness: everything except `nil` and `false` is true.
    pub fn is_truthy(&self) -> bool {
        !matches!(self, Value::Nil | Value::Bool(false))
    }

    /// `true` for `nil`.
    pub fn is_nil(&self) -> bool {
        matches!(self, Value::Nil)
    }

    /// The string slice when this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    /// Ruby's `empty?`, or `None` when the value has no such method.
    pub fn is_empty_value(&self) -> Option<bool> {
        match self {
            Value::Str(s) => Some(s.is_empty()),
            Value::Array(a) => Some(a.is_empty()),
            Value::Hash(h) => Some(h.is_empty()),
            _ => None,
        }
    }

    /// Liquid's `blank?` (ActiveSupport-like): nil, false, empty or
    /// whitespace-only strings, empty arrays and hashes.
    pub fn is_blank(&self) -> bool {
        match self {
            Value::Nil | Value::Bool(false) => true,
            Value::Str(s) => s.chars().all(char::is_whitespace),
            Value::Array(a) => a.is_empty(),
            Value::Hash(h) => h.is_empty(),
            _ => false,
        }
    }

    /// How `{{ value }}` prints it (Ruby's `to_s`, arrays joined).
    pub fn to_liquid_string(&self) -> String {
        let mut out = String::new();
        format::write_to_s(self, &mut out);
        out
    }

    /// Appends `{{ value }}` output to `out`.
    pub fn write_to(&self, out: &mut String) {
        format::write_to_s(self, out);
    }

    /// Ruby's `inspect` form, as a hash prints its values.
    pub fn inspect(&self) -> String {
        inspect(self)
    }

    /// Reads `self[key]` for hashes and objects (the `a.b` / `a["b"]` lookup).
    pub fn get(&self, key: &str) -> Option<Value> {
        match self {
            Value::Hash(h) => map_get(h, key).cloned(),
            Value::Object(o) => o.get(key),
            _ => None,
        }
    }

    /// Ruby's class name for this value, as used in error messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Nil => "NilClass",
            Value::Bool(true) => "TrueClass",
            Value::Bool(false) => "FalseClass",
            Value::Int(_) | Value::BigInt(_) => "Integer",
            Value::Float(_) => "Float",
            Value::Str(_) => "String",
            Value::Array(_) => "Array",
            Value::Hash(_) => "Hash",
            Value::Range(..) | Value::BigRange(_) => "Range",
            Value::Time(_) => "Time",
            Value::Date(_) => "Date",
            Value::Object(o) => o.type_name(),
        }
    }
}

/// Looks a string key up in a [`Map`] without allocating.
#[inline]
pub fn map_get<'m>(map: &'m Map, key: &str) -> Option<&'m Value> {
    // Small hashes (most front matter and data) are faster to scan than to
    // hash: hashing a short key costs about as much as 30 comparisons that
    // mostly stop at the length.
    if map.len() <= 24 {
        return map
            .iter()
            .find(|(k, _)| matches!(k, Value::Str(s) if s.len() == key.len() && str_eq(s, key)))
            .map(|(_, v)| v);
    }
    map_get_hashed(map, key)
}

/// [`map_get`] in a large map, kept out of line so that the scan inlines
/// into the lookups that call it.
#[inline(never)]
fn map_get_hashed<'m>(map: &'m Map, key: &str) -> Option<&'m Value> {
    map.get(&StrKey(key))
}

/// String equality for the short names that lookups compare (variable
/// names, hash keys): up to 16 bytes it compares two overlapping words
/// instead of calling `memcmp`, whose call costs more than the comparison.
#[inline]
pub(crate) fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let n = a.len();
    if n != b.len() {
        return false;
    }
    match n {
        0 => true,
        1..=3 => a[0] == b[0] && a[n - 1] == b[n - 1] && a[n / 2] == b[n / 2],
        4..=7 => word4(a, 0) == word4(b, 0) && word4(a, n - 4) == word4(b, n - 4),
        8..=16 => word8(a, 0) == word8(b, 0) && word8(a, n - 8) == word8(b, n - 8),
        _ => word8(a, 0) == word8(b, 0) && a == b,
    }
}

#[inline(always)]
fn word4(s: &[u8], at: usize) -> u32 {
    let mut w = [0u8; 4];
    w.copy_from_slice(&s[at..at + 4]);
    u32::from_ne_bytes(w)
}

#[inline(always)]
fn word8(s: &[u8], at: usize) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(&s[at..at + 8]);
    u64::from_ne_bytes(w)
}

/// A borrowed string that hashes and compares like `Value::Str`.
#[derive(Debug)]
pub struct StrKey<'a>(pub &'a str);

impl StdHash for StrKey<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(fold_str(self.0));
    }
}

/// A string key folded into one word, which the map's hasher then hashes:
/// a hasher costs per `write`, and a string is otherwise written as its
/// bytes plus a terminator. Up to 16 bytes the
/// words cover every byte, so distinct short keys of one length fold
/// apart. The fold has no key of its own; flooding a map with colliding
/// keys is not a concern for a build tool that reads its own sites.
#[inline]
fn fold_str(s: &str) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mix = |h: u64, w: u64| (h ^ w).wrapping_mul(K).rotate_left(29);
    let b = s.as_bytes();
    let n = b.len();
    let h = (n as u64).wrapping_mul(K);
    match n {
        0 => h,
        1..=3 => mix(
            h,
            u64::from(b[0]) | u64::from(b[n / 2]) << 8 | u64::from(b[n - 1]) << 16,
        ),
        4..=7 => mix(h, u64::from(word4(b, 0)) | u64::from(word4(b, n - 4)) << 32),
        8..=16 => mix(mix(h, word8(b, 0)), word8(b, n - 8)),
        _ => {
            let mut h = h;
            let mut chunks = b.chunks_exact(8);
            for c in &mut chunks {
                h = mix(h, word8(c, 0));
            }
            mix(h, word8(b, n - 8))
        }
    }
}

impl indexmap::Equivalent<Value> for StrKey<'_> {
    fn equivalent(&self, key: &Value) -> bool {
        matches!(key, Value::Str(s) if &**s == self.0)
    }
}

/// Hash keys follow Ruby's `eql?`: `1` and `1.0` are different keys.
impl PartialEq for Value {
    fn eq(&self, other: &Value) -> bool {
        use Value::*;
        match (self, other) {
            (Nil, Nil) => true,
            (Bool(a), Bool(b)) => a == b,
            (Int(a), Int(b)) => a == b,
            (BigInt(a), BigInt(b)) => a == b,
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            (Str(a), Str(b)) => a == b,
            (Array(a), Array(b)) => a == b,
            // Ruby's `Hash#eql?` ignores insertion order.
            (Hash(a), Hash(b)) => a.len() == b.len() && a.iter().all(|(k, v)| b.get(k) == Some(v)),
            (Range(a, b), Range(c, d)) => a == c && b == d,
            (BigRange(a), BigRange(b)) => a == b,
            (Time(a), Time(b)) => a == b,
            (Date(a), Date(b)) => a == b,
            (Object(a), Object(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }
}

impl Eq for Value {}

/// Written out so that it inlines: values are cloned on every lookup, and
/// the derived version stopped inlining once the Bignum variants arrived
/// (5% of the posts benchmark in a call).
impl Clone for Value {
    #[inline]
    fn clone(&self) -> Value {
        match self {
            Value::Nil => Value::Nil,
            Value::Bool(b) => Value::Bool(*b),
            Value::Int(i) => Value::Int(*i),
            Value::BigInt(i) => Value::BigInt(Arc::clone(i)),
            Value::Float(f) => Value::Float(*f),
            Value::Str(s) => Value::Str(s.clone()),
            Value::Array(a) => Value::Array(Arc::clone(a)),
            Value::Hash(h) => Value::Hash(Arc::clone(h)),
            Value::Range(a, b) => Value::Range(*a, *b),
            Value::BigRange(r) => Value::BigRange(Arc::clone(r)),
            Value::Time(t) => Value::Time(t.clone()),
            Value::Date(d) => Value::Date(*d),
            Value::Object(o) => Value::Object(Arc::clone(o)),
        }
    }
}

impl StdHash for Value {
    fn hash<H: Hasher>(&self, state: &mut H) {
        match self {
            // Must match `StrKey` so string lookups need no allocation.
            Value::Str(s) => state.write_u64(fold_str(s)),
            Value::Nil => state.write_u8(1),
            Value::Bool(b) => {
                state.write_u8(2);
                b.hash(state)
            }
            Value::Int(i) => {
                state.write_u8(3);
                i.hash(state)
            }
            Value::BigInt(i) => {
                state.write_u8(11);
                i.hash(state)
            }
            Value::Float(f) => {
                state.write_u8(4);
                f.to_bits().hash(state)
            }
            Value::Array(a) => {
                state.write_u8(5);
                a.len().hash(state);
                for v in a.iter() {
                    v.hash(state);
                }
            }
            Value::Hash(h) => {
                state.write_u8(6);
                h.len().hash(state)
            }
            Value::Range(a, b) => {
                state.write_u8(7);
                a.hash(state);
                b.hash(state)
            }
            Value::BigRange(r) => {
                state.write_u8(7);
                r.hash(state)
            }
            Value::Time(t) => {
                state.write_u8(8);
                t.hash(state)
            }
            Value::Date(d) => {
                state.write_u8(9);
                d.hash(state)
            }
            Value::Object(o) => {
                state.write_u8(10);
                (Arc::as_ptr(o) as *const () as usize).hash(state)
            }
        }
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.inspect())
    }
}

impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.to_liquid_string())
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::Str(s.into())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::Str(s.into())
    }
}

impl From<i64> for Value {
    fn from(i: i64) -> Value {
        Value::Int(i)
    }
}

impl From<i128> for Value {
    fn from(i: i128) -> Value {
        match i64::try_from(i) {
            Ok(i) => Value::Int(i),
            Err(_) => Value::BigInt(Arc::new(i.into())),
        }
    }
}

impl From<BigInt> for Value {
    fn from(i: BigInt) -> Value {
        Value::integer(i)
    }
}

impl From<f64> for Value {
    fn from(f: f64) -> Value {
        Value::Float(f)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}

impl From<Vec<Value>> for Value {
    fn from(v: Vec<Value>) -> Value {
        Value::array(v)
    }
}

impl From<Map> for Value {
    fn from(m: Map) -> Value {
        Value::hash(m)
    }
}

#[cfg(test)]
mod tests {
    use super::{fold_str, str_eq};

    /// Strings of every length up to 40 that differ in one byte, in the
    /// places the word compares and the fold look at.
    fn near_pairs() -> Vec<(String, String)> {
        let mut pairs = Vec::new();
        for len in 0..=40 {
            let base: String = (0..len).map(|i| (b'a' + (i % 26) as u8) as char).collect();
            pairs.push((base.clone(), base.clone()));
            for at in 0..len {
                let mut other = base.clone().into_bytes();
                other[at] = b'Z';
                pairs.push((base.clone(), String::from_utf8(other).unwrap_or_default()));
            }
            pairs.push((base.clone(), format!("{base}a")));
        }
        pairs
    }

    #[test]
    fn short_string_compare_agrees_with_str_eq() {
        for (a, b) in near_pairs() {
            assert_eq!(str_eq(&a, &b), a == b, "{a:?} vs {b:?}");
        }
    }

    #[test]
    fn short_keys_differing_in_one_byte_fold_apart() {
        for (a, b) in near_pairs() {
            if a != b && a.len() <= 16 && b.len() <= 16 {
                assert_ne!(fold_str(&a), fold_str(&b), "{a:?} vs {b:?}");
            }
        }
    }
}
