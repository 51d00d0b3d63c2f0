//! Jekyll's array filters: its own `sort` (by property, nils first or
//! last), `where`, `find`, `group_by`, `pop`, `push`, `shift`, `unshift`
//! and `sample`.
//!
//! Properties are read as Jekyll's `item_property` reads them (dotted paths,
//! numeric strings compared as numbers); inputs Ruby cannot enumerate pass
//! through unchanged, as in Jekyll.

use std::cmp::Ordering;

use hyde_liquid::value::{compare, inspect};
use hyde_liquid::{Context, Error, FilterArgs, Map, Value};

use super::ruby::{self, item_property};

/// A stable top-down merge sort that takes from the left run on ties and
/// stops at the first failing comparison: the order (and the first failing
/// pair) of glibc's `qsort_r`, which Ruby's `sort` uses on Linux.
pub fn merge_sort<T: Clone>(
    items: &mut [T],
    cmp: &mut dyn FnMut(&T, &T) -> Result<Ordering, Error>,
) -> Result<(), Error> {
    let n = items.len();
    if n <= 1 {
        return Ok(());
    }
    let mid = n / 2;
    merge_sort(&mut items[..mid], cmp)?;
    merge_sort(&mut items[mid..], cmp)?;
    let left = items[..mid].to_vec();
    let right = items[mid..].to_vec();
    let (mut i, mut j, mut k) = (0, 0, 0);
    while i < left.len() && j < right.len() {
        if cmp(&left[i], &right[j])? != Ordering::Greater {
            items[k] = left[i].clone();
            i += 1;
        } else {
            items[k] = right[j].clone();
            j += 1;
        }
        k += 1;
    }
    for item in left[i..].iter().chain(&right[j..]) {
        items[k] = item.clone();
        k += 1;
    }
    Ok(())
}

const DOCUMENT: &str = "Jekyll::Drops::DocumentDrop";

/// `Jekyll::Document#<=>`: by date, then by path.
fn compare_documents(a: &Value, b: &Value) -> Option<Ordering> {
    let (Value::Object(x), Value::Object(y)) = (a, b) else {
        return None;
    };
    if x.type_name() != DOCUMENT || y.type_name() != DOCUMENT {
        return None;
    }
    let field = |o: &Value, k: &str| o.get(k).unwrap_or(Value::Nil);
    match compare(&field(a, "date"), &field(b, "date")) {
        Some(Ordering::Equal) | None => compare(&field(a, "path"), &field(b, "path")),
        order => order,
    }
}

/// Ruby's `a <=> b` inside `Array#sort`, failing as Ruby does.
fn sort_cmp(a: &Value, b: &Value) -> Result<Ordering, Error> {
    compare(a, b)
        .or_else(|| compare_documents(a, b))
        .ok_or_else(|| {
            Error::argument(format!(
                "comparison of {} with {} failed",
                a.type_name(),
                inspect(b)
            ))
        })
}

/// Liquid's `Utils.to_integer`: integers as they are, anything else through
/// Ruby's `Integer(obj.to_s)`, or "invalid integer".
pub fn liquid_to_integer(v: &Value) -> Result<i64, Error> {
    if let Value::Int(i) = v {
        return Ok(*i);
    }
    kernel_integer(&ruby::to_s(v)).ok_or_else(|| Error::argument("invalid integer"))
}

/// Ruby's `Kernel#Integer(string)`: optional sign, `0x`/`0b`/`0o`/`0`
/// prefixes, single underscores between digits, surrounding whitespace.
fn kernel_integer(s: &str) -> Option<i64> {
    let s = s.trim_matches(|c: char| c.is_ascii_whitespace());
    let (negative, body) = match s.as_bytes().first()? {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    let lower = body.to_ascii_lowercase();
    let (radix, digits) = if let Some(d) = lower.strip_prefix("0x") {
        (16, d)
    } else if let Some(d) = lower.strip_prefix("0b") {
        (2, d)
    } else if let Some(d) = lower.strip_prefix("0o") {
        (8, d)
    } else if lower.len() > 1 && lower.starts_with('0') {
        (8, &lower[1..])
    } else {
        (10, lower.as_str())
    };
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
    {
        return None;
    }
    let clean: String = digits.chars().filter(|c| *c != '_').collect();
    let n = i64::from_str_radix(&clean, radix).ok()?;
    Some(if negative { -n } else { n })
}

/// The `sort` filter (Jekyll's): `input.sort`, or by `property` with nils
/// `"first"` (default) or `"last"`.
pub fn sort(input: &Value, args: &FilterArgs<'_>, _ctx: &mut Context) -> Result<Value, Error> {
    args.check_arity(0, 2)?;
    if input.is_nil() {
        return Err(Error::argument("Cannot sort a null object."));
    }
    let items = ruby::enumerate(input).ok_or_else(|| ruby::no_method("sort", input))?;
    let property = match args.get(0) {
        None | Some(Value::Nil) => {
            let mut items = items;
            merge_sort(&mut items, &mut |a, b| sort_cmp(a, b))?;
            return Ok(Value::array(items));
        }
        Some(p) => ruby::to_s(p),
    };
    let order = match args.get(1).map(ruby::to_s).as_deref() {
        None | Some("first") => Ordering::Less,
        Some("last") => Ordering::Greater,
        Some(other) => {
            return Err(Error::argument(format!(
                "Invalid nils order: '{other}' is not a valid nils order. It must be 'first' or 'last'."
            )))
        }
    };
    let mut keyed = Vec::with_capacity(items.len());
    for item in items {
        keyed.push((item_property(&item, &property)?, item));
    }
    merge_sort(&mut keyed, &mut |(a, _), (b, _)| {
        Ok(match (a.is_nil(), b.is_nil()) {
            (false, true) => order.reverse(),
            (true, false) => order,
            _ => compare(a, b).unwrap_or_else(|| ruby::to_s(a).cmp(&ruby::to_s(b))),
        })
    })?;
    Ok(Value::array(
        keyed.into_iter().map(|(_, item)| item).collect(),
    ))
}

/// Jekyll's `compare_property_vs_target`.
fn property_matches(property: &Value, target: &Value) -> bool {
    if target.is_nil() {
        return property.is_nil();
    }
    // `empty` or `blank` (Jekyll's patch of Liquid passes the literal itself):
    // `property == "" || Array(property).join == ""`, so nil and [] match too.
    if hyde_liquid::MethodLiteral::of(target).is_some() {
        return joins_empty(property);
    }
    let target = ruby::to_s(target);
    match property {
        Value::Str(s) => **s == *target,
        other => ruby::to_array(other)
            .iter()
            .any(|p| ruby::to_s(p) == target),
    }
}

/// Whether `Array(value).join` is `""`. `Array()` applies to the top level
/// only (a range becomes its integers, a hash its pairs); inside, `join`
/// flattens nested arrays and prints everything else with `to_s`.
fn joins_empty(value: &Value) -> bool {
    match value {
        // Integers never print empty, so only an empty range joins to "".
        Value::Range(a, b) => a > b,
        Value::Hash(_) => ruby::to_array(value).iter().all(prints_empty_in_join),
        other => prints_empty_in_join(other),
    }
}

/// Whether `join` prints `value` as nothing: nil, `""`, or an array of such.
/// A nested hash or range prints its `to_s` (`{}`, `1..0`), never empty.
fn prints_empty_in_join(value: &Value) -> bool {
    match value {
        Value::Nil => true,
        Value::Array(items) => items.iter().all(prints_empty_in_join),
        other => ruby::to_s(other).is_empty(),
    }
}

/// Why `where`/`find` return their input untouched: no property, or a
/// target that is an array or a hash.
fn ignores_query(property: Option<&Value>, target: &Value) -> bool {
    matches!(property, None | Some(Value::Nil) | Some(Value::Bool(false)))
        || matches!(target, Value::Array(_) | Value::Hash(_))
}

/// The `where` filter: items whose `property` matches `value`.
pub fn where_filter(
    input: &Value,
    args: &FilterArgs<'_>,
    _ctx: &mut Context,
) -> Result<Value, Error> {
    args.check_arity(2, 2)?;
    let target = args.get(1).cloned().unwrap_or_default();
    if ignores_query(args.get(0), &target) {
        return Ok(input.clone());
    }
    let Some(items) = ruby::values_or_items(input) else {
        return Ok(input.clone());
    };
    let property = args.get(0).map(ruby::to_s).unwrap_or_default();
    let mut out = Vec::new();
    for item in items {
        if property_matches(&item_property(&item, &property)?, &target) {
            out.push(item);
        }
    }
    Ok(Value::array(out))
}

/// The `find` filter: the first item whose `property` matches `value`.
pub fn find(input: &Value, args: &FilterArgs<'_>, _ctx: &mut Context) -> Result<Value, Error> {
    args.check_arity(2, 2)?;
    let target = args.get(1).cloned().unwrap_or_default();
    if ignores_query(args.get(0), &target) {
        return Ok(input.clone());
    }
    let Some(items) = ruby::values_or_items(input) else {
        return Ok(input.clone());
    };
    let property = args.get(0).map(ruby::to_s).unwrap_or_default();
    for item in items {
        if property_matches(&item_property(&item, &property)?, &target) {
            return Ok(item);
        }
    }
    Ok(Value::Nil)
}

/// Jekyll's `grouped_array`: `{"name", "items", "size"}` per group.
pub fn grouped(groups: Vec<(Value, Vec<Value>)>) -> Value {
    let out = groups
        .into_iter()
        .map(|(name, items)| {
            let mut map = Map::new();
            let size = items.len() as i64;
            map.insert(Value::str("name"), name);
            map.insert(Value::str("items"), Value::array(items));
            map.insert(Value::str("size"), Value::Int(size));
            Value::hash(map)
        })
        .collect();
    Value::array(out)
}

/// Adds `item` to the group keyed `key` (Ruby's `group_by`: groups in
/// order of first appearance, keys compared with `eql?`).
pub fn add_to_group(groups: &mut Vec<(Value, Vec<Value>)>, key: Value, item: Value) {
    match groups.iter_mut().find(|(k, _)| *k == key) {
        Some((_, items)) => items.push(item),
        None => groups.push((key, vec![item])),
    }
}

/// The `group_by` filter.
pub fn group_by(input: &Value, args: &FilterArgs<'_>, _ctx: &mut Context) -> Result<Value, Error> {
    args.check_arity(1, 1)?;
    let Some(items) = ruby::enumerate(input) else {
        return Ok(input.clone());
    };
    let property = args.get(0).map(ruby::to_s).unwrap_or_default();
    let mut groups = Vec::new();
    for item in items {
        let key = ruby::to_s(&item_property(&item, &property)?);
        add_to_group(&mut groups, Value::from(key), item);
    }
    Ok(grouped(groups))
}

fn count_arg(args: &FilterArgs<'_>) -> Result<usize, Error> {
    let n = match args.get(0) {
        None => 1,
        Some(v) => liquid_to_integer(v)?,
    };
    usize::try_from(n).map_err(|_| Error::argument("negative array size"))
}

/// The `pop` filter: a copy without the last `num` (1) items.
pub fn pop(input: &Value, args: &FilterArgs<'_>, _ctx: &mut Context) -> Result<Value, Error> {
    args.check_arity(0, 1)?;
    let Value::Array(items) = input else {
        return Ok(input.clone());
    };
    let n = count_arg(args)?;
    Ok(Value::array(
        items[..items.len().saturating_sub(n)].to_vec(),
    ))
}

/// The `shift` filter: a copy without the first `num` (1) items.
pub fn shift(input: &Value, args: &FilterArgs<'_>, _ctx: &mut Context) -> Result<Value, Error> {
    args.check_arity(0, 1)?;
    let Value::Array(items) = input else {
        return Ok(input.clone());
    };
    let n = count_arg(args)?.min(items.len());
    Ok(Value::array(items[n..].to_vec()))
}

/// The `push` filter: a copy with `item` appended.
pub fn push(input: &Value, args: &FilterArgs<'_>, _ctx: &mut Context) -> Result<Value, Error> {
    args.check_arity(1, 1)?;
    let Value::Array(items) = input else {
        return Ok(input.clone());
    };
    let mut out = items.to_vec();
    out.push(args.get(0).cloned().unwrap_or_default());
    Ok(Value::array(out))
}

/// The `unshift` filter: a copy with `item` prepended.
pub fn unshift(input: &Value, args: &FilterArgs<'_>, _ctx: &mut Context) -> Result<Value, Error> {
    args.check_arity(1, 1)?;
    let Value::Array(items) = input else {
        return Ok(input.clone());
    };
    let mut out = Vec::with_capacity(items.len() + 1);
    out.push(args.get(0).cloned().unwrap_or_default());
    out.extend(items.iter().cloned());
    Ok(Value::array(out))
}

/// A small xorshift generator, seeded per call from the standard library's
/// random hasher keys; `sample` needs no reproducibility.
fn random_indices(len: usize, count: usize) -> Vec<usize> {
    use std::collections::hash_map::RandomState;
    use std::hash::BuildHasher;
    let mut state = RandomState::new().hash_one(len) | 1;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut idx: Vec<usize> = (0..len).collect();
    for i in 0..count.min(len) {
        let j = i + (next() as usize) % (len - i);
        idx.swap(i, j);
    }
    idx.truncate(count.min(len));
    idx
}

/// The `sample` filter: one random item, or `num` distinct random items.
pub fn sample(input: &Value, args: &FilterArgs<'_>, _ctx: &mut Context) -> Result<Value, Error> {
    args.check_arity(0, 1)?;
    let Value::Array(items) = input else {
        return Ok(input.clone());
    };
    let n = args.get(0).map_or(Ok(1), liquid_to_integer).unwrap_or(1);
    if n == 1 {
        return Ok(random_indices(items.len(), 1)
            .first()
            .map_or(Value::Nil, |&i| items[i].clone()));
    }
    let n = usize::try_from(n).map_err(|_| Error::argument("negative sample number"))?;
    Ok(Value::array(
        random_indices(items.len(), n)
            .into_iter()
            .map(|i| items[i].clone())
            .collect(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kernel_integer_like_ruby() {
        assert_eq!(kernel_integer(" 12 "), Some(12));
        assert_eq!(kernel_integer("010"), Some(8));
        assert_eq!(kernel_integer("0x1f"), Some(31));
        assert_eq!(kernel_integer("1_000"), Some(1000));
        assert_eq!(kernel_integer("2.5"), None);
        assert_eq!(kernel_integer(""), None);
    }

    struct FakeDoc(i64, &'static str);

    impl hyde_liquid::Object for FakeDoc {
        fn get(&self, key: &str) -> Option<Value> {
            match key {
                "date" => Some(Value::Int(self.0)),
                "path" => Some(Value::str(self.1)),
                _ => None,
            }
        }
        fn type_name(&self) -> &'static str {
            DOCUMENT
        }
    }

    #[test]
    fn sort_documents_by_date_then_path() {
        let docs = vec![
            Value::object(FakeDoc(2, "b")),
            Value::object(FakeDoc(1, "z")),
            Value::object(FakeDoc(2, "a")),
        ];
        let mut sorted = docs.clone();
        merge_sort(&mut sorted, &mut |a, b| sort_cmp(a, b)).unwrap();
        let paths: Vec<String> = sorted
            .iter()
            .map(|d| d.get("path").unwrap().to_liquid_string())
            .collect();
        assert_eq!(paths, ["z", "a", "b"]);
    }

    #[test]
    fn merge_sort_is_stable() {
        let mut v = vec![(1, 'a'), (0, 'b'), (1, 'c'), (0, 'd')];
        merge_sort(&mut v, &mut |a, b| Ok(a.0.cmp(&b.0))).unwrap();
        assert_eq!(v, vec![(0, 'b'), (0, 'd'), (1, 'a'), (1, 'c')]);
    }
}
