//! Errors name the file, line and column, show the line with a caret and
//! carry the include stack.

use hyde_liquid::{Context, Engine, ErrorKind, Template};

use crate::common::{fs, render};

#[test]
fn syntax_error_shows_file_line_column_and_caret() {
    let engine = Engine::new();
    let err = Template::parse_named("ok\n  {% nosuch %}\n", "page.html", &engine)
        .err()
        .unwrap();
    assert_eq!(err.kind(), ErrorKind::Syntax);
    assert_eq!(
        err.to_string(),
        "page.html:2:3: Liquid syntax error: Unknown tag 'nosuch'\n    {% nosuch %}\n    ^"
    );
    assert_eq!(
        err.ruby_message(),
        "Liquid syntax error (line 2): Unknown tag 'nosuch'"
    );
}

#[test]
fn runtime_errors_abort_like_render_bang() {
    let err = render("a\n{{ 1 | divided_by: 0 }}").err().unwrap();
    assert_eq!(err.kind(), ErrorKind::ZeroDivision);
    assert_eq!(err.location().unwrap().line, 2);
}

#[test]
fn errors_in_nested_includes_carry_the_include_stack() {
    let engine = Engine::new();
    let t = Template::parse_named("top\n{% include 'outer' %}", "layout.html", &engine).unwrap();
    let mut ctx = Context::new(&engine);
    ctx.set_file_system(fs(&[
        ("outer", "\n\n{% include 'inner' %}"),
        ("inner", "{{ x | plus: 1 | modulo: 0 }}"),
    ]));
    let err = t.render(&mut ctx).err().unwrap();
    let text = err.to_string();
    assert!(
        text.starts_with("inner:1:1: Liquid error: divided by 0"),
        "{text}"
    );
    assert!(
        text.contains("in include 'inner', included from outer:3"),
        "{text}"
    );
    assert!(
        text.contains("in include 'outer', included from layout.html:2"),
        "{text}"
    );
}

#[test]
fn unclosed_tag_is_reported_at_the_tag() {
    let err = render("{% if x %}\nabc").err().unwrap();
    assert_eq!(err.message(), "'if' tag was never closed");
    assert_eq!(err.location().unwrap().line, 1);
}

#[test]
fn missing_include_is_a_file_system_error() {
    let engine = Engine::new();
    let t = Template::parse("{% include 'nope' %}", &engine).unwrap();
    let err = t.render(&mut Context::new(&engine)).err().unwrap();
    assert_eq!(err.kind(), ErrorKind::FileSystem);
}
