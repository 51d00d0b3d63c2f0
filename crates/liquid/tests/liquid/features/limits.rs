//! Hostile input: deep nesting and long inputs fail cleanly and quickly.

use std::time::{Duration, Instant};

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

/// CPU time this thread has used (from the scheduler's own count, so
/// neighbours on a shared machine do not inflate it), or wall time where
/// `/proc` has no such count.
fn thread_cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// The time one run of `f` takes, averaged over as many runs as fill
/// 40 ms (the scheduler's count moves in ticks of a few milliseconds).
fn time_per_run(mut f: impl FnMut()) -> Duration {
    let (wall, cpu) = (Instant::now(), thread_cpu_time());
    let mut runs = 0;
    loop {
        f();
        runs += 1;
        let spent = match (cpu, thread_cpu_time()) {
            (Some(a), Some(b)) => b.saturating_sub(a),
            _ => wall.elapsed(),
        };
        if spent >= Duration::from_millis(40) {
            return spent / runs;
        }
    }
}

/// A named generator of templates of size `n`.
type Shape = (&'static str, fn(usize) -> String);

/// Renders each pathological template at two sizes, sixteen times apart,
/// and compares the times: linear work grows about 16x, quadratic 256x.
/// The bound (64x) leaves a factor of four either way (cache and allocator
/// effects on a loaded machine reach about 2x), and each time is an average
/// over enough runs that the clock's resolution does not matter.
#[test]
fn pathological_inputs_render_in_linear_time() {
    let shapes: Vec<Shape> = vec![
        ("unclosed {%", |n| "{%".repeat(n)),
        ("unclosed {{", |n| "{{".repeat(n)),
        ("unclosed quotes", |n| "{{ '".repeat(n)),
        ("stray }}", |n| "x }}".repeat(n)),
        ("and/or chain", |n| {
            format!("{{% if {}true %}}x{{% endif %}}", "a and b or ".repeat(n))
        }),
        ("filter chain", |n| {
            format!("{{{{ 'a' {} }}}}", "| upcase ".repeat(n))
        }),
        ("dot chain", |n| format!("{{{{ a{} }}}}", ".b".repeat(n))),
        ("brackets", |n| {
            format!("{{{{ a{}{} }}}}", "[".repeat(n), "]".repeat(n))
        }),
        ("parentheses", |n| {
            format!("{{{{ {}1..2{} }}}}", "(".repeat(n), ")".repeat(n))
        }),
        // `append: 'b'` would grow the string, whose copying is quadratic in Ruby too.
        ("assign chain", |n| {
            format!("{{% assign x = 'a' {} %}}", "| append: '' ".repeat(n))
        }),
        ("cycle values", |n| {
            format!("{{% cycle {} %}}", "'a', ".repeat(n))
        }),
        ("case branches", |n| {
            format!(
                "{{% case x %}}{}{{% endcase %}}",
                "{% when 1, 2 or 3 %}x".repeat(n)
            )
        }),
        ("nested ifs", |n| "{% if a %}".repeat(n)),
        ("nested fors", |n| "{% for a in b %}".repeat(n)),
        ("raw with openers", |n| {
            format!("{{% raw %}}{}", "{% x %}{%".repeat(n))
        }),
        ("comment with openers", |n| {
            format!("{{% comment %}}{}", "{% comment %}{%".repeat(n))
        }),
        ("many outputs", |n| "{{ a }}".repeat(n)),
        ("long text", |n| "text without tags ".repeat(n)),
        ("whitespace control", |n| "{{- a -}}  \n  ".repeat(n)),
        ("date directives", |n| {
            format!("{{{{ 0 | date: '{}' }}}}", "%Y-%m-%d %-I%p ".repeat(n))
        }),
        ("liquid tag lines", |n| {
            format!("{{% liquid\n{}%}}", "assign x = 1\n".repeat(n))
        }),
    ];
    let mut slow = Vec::new();
    for (name, shape) in shapes {
        let n = 2_000;
        let small = time_per_run(|| drop(render(&shape(n))));
        let large = time_per_run(|| drop(render(&shape(16 * n))));
        let ratio = large.as_secs_f64() / small.as_secs_f64().max(1e-9);
        eprintln!("linear time: {name}: {small:?} -> {large:?} ({ratio:.1}x for 16x the input)");
        if ratio > 64.0 {
            slow.push(format!(
                "{name}: n={n} {small:?}, 16n {large:?} ({ratio:.1}x)"
            ));
        }
    }
    assert!(slow.is_empty(), "super-linear: {slow:#?}");
}

#[test]
fn long_pathological_inputs_give_ruby_results() {
    let and_chain = format!(
        "{{% if {}true %}}x{{% endif %}}",
        "a and b or ".repeat(20_000)
    );
    assert_eq!(render(&and_chain).unwrap(), "");
    let filters = format!("{{{{ 'a' {} }}}}", "| upcase ".repeat(20_000));
    assert_eq!(render(&filters).unwrap(), "A");
    let long = "{{ a }}".repeat(100_000);
    assert_eq!(render(&long).unwrap(), "");
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
