//! The public API: values, drops, registered filters and tags, errors.

use hyde_liquid::Value;

use crate::common::{render, render_with};

#[test]
fn floats_print_like_ruby() {
    assert_eq!(
        render("{{ 1.0 }} {{ 0.3 }} {{ 100000000000000000000.0 }} {{ 0.00001 }}").unwrap(),
        "1.0 0.3 1.0e+20 1.0e-05"
    );
}

#[test]
fn hashes_print_as_ruby_inspect() {
    let mut m = hyde_liquid::Map::new();
    m.insert(Value::str("a"), Value::Int(1));
    m.insert(Value::str("b"), Value::Nil);
    assert_eq!(
        render_with("{{ h }}", &[("h", Value::hash(m))]).unwrap(),
        r#"{"a"=>1, "b"=>nil}"#
    );
}
