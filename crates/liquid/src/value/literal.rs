//! The `empty` and `blank` literals as values. Liquid 5 evaluates them to
//! `""` outside conditions; Liquid 4 evaluated them to method-literal
//! objects, and Jekyll 4 patches Liquid 5 to do so again, so that its
//! filters can tell them apart (Jekyll's `where` matches nil and `[]` to
//! `empty`). [`crate::Engine::set_method_literal_values`] chooses.

use std::any::Any;
use std::sync::{Arc, LazyLock};

use super::{Object, Value};

/// Which method literal a value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MethodLiteral {
    /// `empty` (`empty?`).
    Empty,
    /// `blank` (`blank?`).
    Blank,
}

struct LiteralObject(MethodLiteral);

impl Object for LiteralObject {
    fn get(&self, _key: &str) -> Option<Value> {
        None
    }
    fn contains_key(&self, _key: &str) -> bool {
        false
    }
    /// Its `to_s` (and `to_liquid`) is `""`.
    fn to_liquid_string(&self) -> String {
        String::new()
    }
    fn to_value(&self) -> Value {
        Value::str("")
    }
    fn type_name(&self) -> &'static str {
        "Liquid::Expression::MethodLiteral"
    }
    fn as_any(&self) -> Option<&dyn Any> {
        Some(self)
    }
}

static EMPTY: LazyLock<Value> =
    LazyLock::new(|| Value::Object(Arc::new(LiteralObject(MethodLiteral::Empty))));
static BLANK: LazyLock<Value> =
    LazyLock::new(|| Value::Object(Arc::new(LiteralObject(MethodLiteral::Blank))));

impl MethodLiteral {
    /// The literal's value: one shared, frozen object per literal, as in
    /// Ruby (so `a == b` holds for two variables assigned `empty`).
    pub fn value(self) -> &'static Value {
        match self {
            MethodLiteral::Empty => &EMPTY,
            MethodLiteral::Blank => &BLANK,
        }
    }

    /// Which literal `v` is, if it is one.
    pub fn of(v: &Value) -> Option<MethodLiteral> {
        match v {
            Value::Object(o) => o
                .as_any()
                .and_then(|a| a.downcast_ref::<LiteralObject>())
                .map(|l| l.0),
            _ => None,
        }
    }
}
