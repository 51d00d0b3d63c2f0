//! Hostile input: deep nesting and long inputs fail cleanly and quickly.

use std::time::Instant;

use hyde_liquid::{Context, Engine, ErrorKind, Template};

use crate::common::{fs, render};

#[test]
fn nesting_too_deep_is_an_error_not_a_crash() {
    let src = "{% if true %}".repeat(5000) + &"{% endif %}".repeat(5000);
    let err = render(&src).err().unwrap();
    assert_eq!(err.kind(), ErrorKind::StackLevel);
}

#[test]
fn recursive_include_stops_with_nesting_too_deep() {
    let engine = Engine::new();
    let t = Template::parse("{% include 'self' %}", &engine).unwrap();
    let mut ctx = Context::new(&engine);
    ctx.set_file_system(fs(&[("self", "x{% include 'self' %}")]));
    assert_eq!(
        t.render(&mut ctx).err().unwrap().kind(),
        ErrorKind::StackLevel
    );
}

#[test]
fn deeply_nested_expressions_do_not_overflow_the_stack() {
    let deep = "[".repeat(20_000) + &"]".repeat(20_000);
    let _ = render(&format!("{{{{ a{deep} }}}}{{% if a{deep} %}}{{% endif %}}"));
    let ranges = "(".repeat(20_000) + "1..2" + &")".repeat(20_000);
    let _ = render(&format!("{{{{ {ranges} }}}}"));
}

#[test]
fn unterminated_openers_parse_in_linear_time() {
    let started = Instant::now();
    for src in [
        "{%".repeat(200_000),
        "{{".repeat(200_000),
        "{{ '".repeat(50_000),
        "x }}".repeat(50_000),
    ] {
        let _ = render(&src);
    }
    let long = "{{ a }}".repeat(100_000);
    assert_eq!(render(&long).unwrap(), "");
    // Generous: quadratic behaviour would take minutes.
    assert!(started.elapsed().as_secs() < 20);
}
