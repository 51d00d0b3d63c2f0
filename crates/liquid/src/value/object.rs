//! Host objects ("drops"): values the host computes lazily and lends by
//! reference, such as Jekyll's `site`, `page` and `paginator`.

use std::any::Any;

use super::{Map, Str, Value};

/// A host object exposed to templates.
///
/// Implement [`Object::get`] for property lookups (`page.title`,
/// `page["title"]`); the other methods have sensible defaults. Return
/// arrays and hashes the host has already built (an `Arc` clone is O(1)) so
/// that loops over large collections copy nothing.
///
/// ```
/// use hyde_liquid::{Object, Value};
///
/// struct Page { title: String }
///
/// impl Object for Page {
///     fn get(&self, key: &str) -> Option<Value> {
///         match key {
///             "title" => Some(Value::str(self.title.as_str())),
///             _ => None,
///         }
///     }
///     fn keys(&self) -> Vec<hyde_liquid::Str> { vec!["title".into()] }
/// }
/// ```
pub trait Object: Send + Sync {
    /// Property lookup; `None` renders as nil. `size`, `first` and `last`
    /// are asked for by name too when the template uses them.
    fn get(&self, key: &str) -> Option<Value>;

    /// The keys, in order, for iteration, `inspect` and serialisation.
    fn keys(&self) -> Vec<Str> {
        Vec::new()
    }

    /// Whether `key` exists (Ruby's `key?`); used by `a.b` lookups before
    /// falling back to `size`/`first`/`last`.
    fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// What `{{ object }}` prints. Defaults to the `inspect` form of
    /// [`Object::to_value`].
    fn to_liquid_string(&self) -> String {
        self.to_value().inspect()
    }

    /// Materialises the object as a plain value (a hash of [`Object::keys`]
    /// by default), for filters that need one.
    fn to_value(&self) -> Value {
        let mut map = Map::new();
        for k in self.keys() {
            let v = self.get(&k).unwrap_or(Value::Nil);
            map.insert(Value::Str(k), v);
        }
        Value::hash(map)
    }

    /// The items a `for` loop visits, when the object is enumerable.
    fn to_array(&self) -> Option<Value> {
        None
    }

    /// The Ruby class name, for messages (`inspect` of unknown objects).
    fn type_name(&self) -> &'static str {
        "Liquid::Drop"
    }

    /// Downcasting hook for hosts that need their concrete type back (for
    /// example a filter that reads a document drop directly).
    fn as_any(&self) -> Option<&dyn Any> {
        None
    }
}
