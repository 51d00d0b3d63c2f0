//! Hostile input: deep nesting and long inputs fail cleanly and quickly.

use std::time::Instant;

use hyde_liquid::{Context, Engine, ErrorKind, Template, Value};

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
    let and_chain = format!(
        "{{% if {}true %}}x{{% endif %}}",
        "a and b or ".repeat(20_000)
    );
    assert_eq!(render(&and_chain).unwrap(), "");
    let filters = format!("{{{{ 'a' {} }}}}", "| upcase ".repeat(20_000));
    assert_eq!(render(&filters).unwrap(), "A");
    let _ = render(&format!("{{{{ a{} }}}}", ".b".repeat(50_000)));
    let _ = render(&format!(
        "{{% assign x = 'a' {} %}}",
        "| append: 'b' ".repeat(20_000)
    ));
    let _ = render(&format!("{{% cycle {} %}}", "'a', ".repeat(20_000)));
    let _ = render(&format!(
        "{{% case x %}}{}{{% endcase %}}",
        "{% when 1, 2 or 3 %}x".repeat(5_000)
    ));
    let long = "{{ a }}".repeat(100_000);
    assert_eq!(render(&long).unwrap(), "");
    // Generous: quadratic behaviour would take minutes.
    assert!(started.elapsed().as_secs() < 20);
}

#[test]
fn spliced_corpus_templates_never_panic() {
    // A deterministic poor man's fuzzer: glue random slices of corpus
    // templates together and render them with the corpus data.
    let doc: serde_json::Value =
        serde_json::from_str(include_str!("../../corpus/cases.json")).unwrap();
    let sources: Vec<&str> = doc["cases"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["template"].as_str())
        .collect();
    let data = crate::common::from_json(&doc["data"]["main"]);
    let Value::Hash(globals) = data else {
        panic!("corpus data is a hash")
    };
    let engine = Engine::new();
    let mut seed: u64 = std::env::var("LIQUID_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x2545_f491_4f6c_dd1d);
    let mut next = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n.max(1) as u64) as usize
    };
    let rounds = std::env::var("LIQUID_FUZZ_ROUNDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3000);
    for _ in 0..rounds {
        let mut src = String::new();
        for _ in 0..1 + next(4) {
            let s = sources[next(sources.len())];
            let (a, b) = (next(s.len() + 1), next(s.len() + 1));
            let (a, b) = (a.min(b), a.max(b));
            if let Some(piece) = s.get(a..b) {
                src.push_str(piece);
            }
        }
        // Sprinkle syntax fragments in at random places.
        const BITS: [&str; 16] = [
            "{%", "%}", "{{", "}}", "|", "'", "\"", "-", "..", "(", ")", "[", "]", ":", ",",
            "endif",
        ];
        for _ in 0..next(4) {
            let at = next(src.len() + 1);
            if src.is_char_boundary(at) {
                src.insert_str(at, BITS[next(BITS.len())]);
            }
        }
        if let Ok(t) = Template::parse(&src, &engine) {
            let mut ctx = Context::new(&engine);
            ctx.set_globals((*globals).clone());
            ctx.set_file_system(fs(&[
                ("item", "[{{ item }}]"),
                ("self", "{% include 'self' %}"),
            ]));
            ctx.limits_mut().max_render_steps = Some(100_000);
            let _ = t.render(&mut ctx);
        }
    }
}

#[test]
fn resource_limits_stop_huge_loops_without_allocating_them() {
    let engine = Engine::new();
    let t = Template::parse(
        "{% for i in (1..1000000000000) %}{{ i }}{% endfor %}",
        &engine,
    )
    .unwrap();
    let mut ctx = Context::new(&engine);
    ctx.limits_mut().max_render_steps = Some(10_000);
    assert_eq!(
        t.render(&mut ctx).err().unwrap().kind(),
        ErrorKind::ResourceLimit
    );
    let mut ctx = Context::new(&engine);
    ctx.limits_mut().max_output_bytes = Some(1000);
    assert_eq!(
        t.render(&mut ctx).err().unwrap().kind(),
        ErrorKind::ResourceLimit
    );
}

#[test]
fn extreme_integers_never_overflow() {
    let cases = [
        "{{ MAX | plus: 1 }}{{ MIN | minus: 1 }}{{ MIN | abs }}{{ MAX | times: 2 }}",
        "{{ MIN | divided_by: -1 }}{{ MIN | modulo: -1 }}",
        "{{ MAX | round: -30 }}{{ 1.5 | round: MAX }}{{ 1.5 | round: MIN }}",
        "{{ (1..MAX) | size }}{% assign r = (MIN..MAX) %}{{ r.size }}{{ r | size }}{{ r | join }}",
        "{% tablerow i in (MIN..MAX) limit: 2 %}{{ i }}{% endtablerow %}{% render 'x' for (MIN..MAX) %}",
        "{% for i in (MIN..MAX) limit: 2 %}{{ i }}{% endfor %}",
        "{% for i in (MIN..MAX) reversed limit: 2 offset: MAX %}{{ i }}{% endfor %}",
        "{% for i in (1..3) limit: MAX offset: MAX %}{{ i }}{% endfor %}",
        "{% for i in (1..3) limit: MIN offset: MIN %}{{ i }}{% endfor %}",
        "{{ 'abc' | truncate: MIN }}{{ 'abc' | truncate: MAX }}",
        "{{ 'a b c' | truncatewords: MIN }}{{ 'a b c' | truncatewords: MAX }}",
        "{{ 'abc' | slice: MIN, MAX }}{{ 'abc' | slice: MAX, MIN }}{{ 'abc' | slice: -1, MAX }}",
        "{{ MAX | date: '%Y' }}{{ MIN | date: '%Y' }}",
        "{% tablerow i in (1..3) cols: MAX limit: MAX offset: MAX %}{{ i }}{% endtablerow %}",
        "{% tablerow i in (1..3) cols: MIN limit: MIN offset: MIN %}{{ i }}{% endtablerow %}",
        "{{ MAX | at_least: MIN | at_most: 1e400 }}{{ 1e400 }}{{ 99999999999999999999999 | plus: 1 }}",
        "{{ 5.5 | modulo: 0 }}{{ MAX.5 | ceil }}{{ 1.0 | divided_by: 0 | round }}",
        "{% assign a = (1..MAX) %}{{ a | first }}",
        "{% increment MAX %}{% decrement MIN %}",
    ];
    for src in cases {
        let src = src
            .replace("MAX", &i64::MAX.to_string())
            .replace("MIN", &i64::MIN.to_string());
        let _ = render(&src);
    }
}
