//! The public API: values, drops, registered filters and tags.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use hyde_liquid::{
    Block, Body, BodyKind, Condition, Context, Engine, Error, Expression, FilterArgs, Object,
    Render, Tag, TagInput, Template, Value, Variable,
};

use crate::common::{fs, render, render_with};

#[test]
fn floats_print_like_ruby() {
    assert_eq!(
        render(
            "{{ 1.0 }} {{ 0.3 }} {{ 100000000000000000000.0 }} {{ 0.00001 }} {{ 0.1 | plus: 0.2 }}"
        )
        .unwrap(),
        "1.0 0.3 1.0e+20 1.0e-05 0.3"
    );
}

#[test]
fn hashes_print_as_ruby_inspect_in_insertion_order() {
    let mut m = hyde_liquid::Map::new();
    m.insert(Value::str("b"), Value::Int(1));
    m.insert(Value::str("a"), Value::Nil);
    m.insert(Value::str("q"), Value::str("say \"hi\""));
    assert_eq!(
        render_with("{{ h }}", &[("h", Value::hash(m))]).unwrap(),
        r#"{"b"=>1, "a"=>nil, "q"=>"say \"hi\""}"#
    );
}

#[test]
fn dates_print_like_ruby() {
    let d = chrono::NaiveDate::from_ymd_opt(2024, 1, 5).unwrap();
    assert_eq!(
        render_with("{{ d }} {{ d | date: '%b %-d' }}", &[("d", Value::Date(d))]).unwrap(),
        "2024-01-05 Jan 5"
    );
}

/// A post whose title reads count how often the drop is asked.
struct Post {
    title: String,
    reads: Arc<AtomicUsize>,
}

impl Object for Post {
    fn get(&self, key: &str) -> Option<Value> {
        self.reads.fetch_add(1, Ordering::Relaxed);
        (key == "title").then(|| Value::str(self.title.as_str()))
    }
    fn keys(&self) -> Vec<hyde_liquid::Str> {
        vec!["title".into()]
    }
}

#[test]
fn drops_are_read_lazily_and_by_reference() {
    let reads = Arc::new(AtomicUsize::new(0));
    let posts: Vec<Value> = (0..5000)
        .map(|i| {
            Value::object(Post {
                title: format!("p{i}"),
                reads: reads.clone(),
            })
        })
        .collect();
    let posts = Value::array(posts);
    let Value::Array(shared) = &posts else {
        unreachable!()
    };
    let before = Arc::strong_count(shared);
    let out = render_with(
        "{% for p in posts limit: 2 %}{{ p.title }} {% endfor %}{{ posts.size }}",
        &[("posts", posts.clone())],
    )
    .unwrap();
    assert_eq!(out, "p0 p1 5000");
    // Only the two rendered posts were asked for their title.
    assert_eq!(reads.load(Ordering::Relaxed), 2);
    assert_eq!(Arc::strong_count(shared), before);
}

#[test]
fn drops_work_with_where_and_map() {
    let reads = Arc::new(AtomicUsize::new(0));
    let posts = Value::array(vec![
        Value::object(Post {
            title: "a".into(),
            reads: reads.clone(),
        }),
        Value::object(Post {
            title: "b".into(),
            reads,
        }),
    ]);
    assert_eq!(
        render_with(
            "{{ posts | where: 'title', 'b' | map: 'title' | join }}",
            &[("posts", posts)]
        )
        .unwrap(),
        "b"
    );
}

#[test]
fn registered_filter_receives_positional_and_keyword_arguments() {
    let mut engine = Engine::new();
    engine.register_filter(
        "wrap",
        |input: &Value, args: &FilterArgs<'_>, _: &mut Context| {
            let left = args.get(0).map(Value::to_liquid_string).unwrap_or_default();
            let right = args
                .keyword("right")
                .map(Value::to_liquid_string)
                .unwrap_or_default();
            Ok(Value::str(format!("{left}{input}{right}")))
        },
    );
    let t = Template::parse("{{ 'x' | wrap: '<', right: '>' }}", &engine).unwrap();
    assert_eq!(t.render(&mut Context::new(&engine)).unwrap(), "<x>");
}

struct Upper;
struct UpperNode(String);

impl Tag for Upper {
    fn body(&self) -> BodyKind {
        BodyKind::Raw
    }
    fn parse(&self, _: TagInput<'_>, body: Body) -> Result<Box<dyn Render>, Error> {
        let Body::Raw(text) = body else {
            return Err(Error::syntax("expected a raw body"));
        };
        Ok(Box::new(UpperNode(text)))
    }
}

impl Render for UpperNode {
    fn render(&self, _: &mut Context, out: &mut String) -> Result<(), Error> {
        out.push_str(&self.0.to_uppercase());
        Ok(())
    }
}

#[test]
fn block_tag_with_raw_body_sees_unparsed_text() {
    let mut engine = Engine::new();
    engine.register_tag("upper", Upper);
    let t = Template::parse(
        "{% upper %}{{ not liquid }} {% if %}{% endupper %}!",
        &engine,
    )
    .unwrap();
    assert_eq!(
        t.render(&mut Context::new(&engine)).unwrap(),
        "{{ NOT LIQUID }} {% IF %}!"
    );
}

struct Repeat;
struct RepeatNode {
    times: Expression,
    body: Block,
}

impl Tag for Repeat {
    fn body(&self) -> BodyKind {
        BodyKind::Block
    }
    fn parse(&self, tag: TagInput<'_>, body: Body) -> Result<Box<dyn Render>, Error> {
        let Body::Block(body) = body else {
            return Err(Error::syntax("expected a body"));
        };
        Ok(Box::new(RepeatNode {
            times: Expression::parse(tag.markup),
            body,
        }))
    }
}

impl Render for RepeatNode {
    fn render(&self, ctx: &mut Context, out: &mut String) -> Result<(), Error> {
        let n = match self.times.evaluate(ctx)? {
            Value::Int(n) => n,
            _ => 1,
        };
        ctx.with_scope(|ctx| {
            for i in 0..n {
                ctx.set_local("i", Value::Int(i));
                self.body.render(ctx, out)?;
            }
            Ok(())
        })
    }
}

#[test]
fn block_tag_renders_its_parsed_body_in_a_scope() {
    let mut engine = Engine::new();
    engine.register_tag("repeat", Repeat);
    let t = Template::parse("{% repeat n %}[{{ i }}]{% endrepeat %}{{ i }}", &engine).unwrap();
    let mut ctx = Context::new(&engine);
    ctx.set_global("n", Value::Int(3));
    assert_eq!(t.render(&mut ctx).unwrap(), "[0][1][2]");
}

#[test]
fn unclosed_registered_block_is_a_syntax_error() {
    let mut engine = Engine::new();
    engine.register_tag("repeat", Repeat);
    let err = Template::parse("{% repeat 2 %}x", &engine).err().unwrap();
    assert_eq!(err.message(), "'repeat' tag was never closed");
}

#[test]
fn expressions_and_conditions_evaluate_against_a_context() {
    let engine = Engine::new();
    let mut ctx = Context::new(&engine);
    let mut post = hyde_liquid::Map::new();
    post.insert(Value::str("tags"), Value::array(vec![Value::str("rust")]));
    ctx.set_local("post", Value::hash(post));
    assert_eq!(
        Expression::parse("post.tags.first").evaluate(&ctx).unwrap(),
        Value::str("rust")
    );
    let cond = Condition::parse("post.tags contains 'rust' and post.tags.size == 1").unwrap();
    assert!(cond.evaluate(&ctx).unwrap());
    let v = Variable::parse("post.tags | join: ',' | upcase", &engine);
    assert_eq!(v.evaluate(&mut ctx).unwrap(), Value::str("RUST"));
}

#[test]
fn templates_render_in_parallel_from_one_parse() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Template>();
    assert_send_sync::<Value>();
    assert_send_sync::<Engine>();
    let engine = Engine::new();
    let t = Arc::new(Template::parse("{{ n | times: 2 }}", &engine).unwrap());
    let handles: Vec<_> = (0..4)
        .map(|n| {
            let (t, engine) = (t.clone(), engine.clone());
            std::thread::spawn(move || {
                let mut ctx = Context::new(&engine);
                ctx.set_global("n", Value::Int(n));
                t.render(&mut ctx).unwrap()
            })
        })
        .collect();
    let outs: Vec<String> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    assert_eq!(outs, ["0", "2", "4", "6"]);
}

#[test]
fn include_shares_variables_and_render_isolates_them() {
    let engine = Engine::new();
    let t = Template::parse(
        "{% assign x = 1 %}{% include 'a' %}|{% render 'a' %}",
        &engine,
    )
    .unwrap();
    let mut ctx = Context::new(&engine);
    ctx.set_file_system(fs(&[("a", "x={{ x }}")]));
    assert_eq!(t.render(&mut ctx).unwrap(), "x=1|x=");
}

#[test]
fn warnings_are_collected_not_printed() {
    let engine = Engine::new();
    let src = "x\n{{ a | | b }}\n{% if a = b %}{% endif %}{% for x in y z %}{% endfor %}{{ a b }}";
    let t = Template::parse(src, &engine).unwrap();
    let warnings: Vec<String> = t.warnings().iter().map(|w| w.to_string()).collect();
    // Ruby Liquid 5.4's messages for the same template.
    assert_eq!(
        warnings,
        [
            r#"Liquid syntax error (line 2): Expected id but found pipe in "{{ a | | b }}""#,
            r#"Liquid syntax error (line 3): Unexpected character = in "a = b""#,
            r#"Liquid syntax error (line 3): Expected end_of_string but found id in "x in y z""#,
            r#"Liquid syntax error (line 3): Expected end_of_string but found id in "{{ a b }}""#,
        ]
    );
}

#[test]
fn inspect_escapes_control_characters_like_ruby() {
    let mut m = hyde_liquid::Map::new();
    m.insert(
        Value::str("k"),
        Value::str("\u{1}\u{7f}\u{1b}\n#{x} #$ \u{2028}é"),
    );
    assert_eq!(
        render_with("{{ h }}", &[("h", Value::hash(m))]).unwrap(),
        r#"{"k"=>"\u0001\u007F\e\n\#{x} \#$ \u2028é"}"#
    );
}

#[test]
fn filters_can_tell_empty_and_blank_literals_apart_when_the_engine_asks() {
    let mut engine = Engine::new();
    engine.register_filter(
        "literal",
        |_: &Value, args: &FilterArgs<'_>, _: &mut Context| {
            Ok(Value::str(format!(
                "{:?}",
                args.get(0).and_then(hyde_liquid::MethodLiteral::of)
            )))
        },
    );
    let t = "{{ 1 | literal: empty }} {{ 1 | literal: blank }} {{ 1 | literal: '' }}";
    let plain = Template::parse(t, &engine).unwrap();
    assert_eq!(
        plain.render(&mut Context::new(&engine)).unwrap(),
        "None None None"
    );
    engine.set_method_literal_values(true);
    let jekyll = Template::parse(t, &engine).unwrap();
    assert_eq!(
        jekyll.render(&mut Context::new(&engine)).unwrap(),
        "Some(Empty) Some(Blank) None"
    );
}

#[test]
fn times_print_their_zone_as_ruby_does() {
    use chrono::DateTime;
    use hyde_liquid::{Time, TimeMode};
    let at = DateTime::parse_from_rfc3339("2024-01-02T03:04:05+00:00").unwrap();
    let mut ctx = Context::new(&Engine::new());
    ctx.set_global("utc", Value::time(Time::new(at, TimeMode::Utc)));
    ctx.set_global("fixed", Value::time(Time::new(at, TimeMode::Fixed)));
    ctx.set_global("local", Value::time(at));
    let t = Template::parse(
        "{{ utc }} [{{ utc | date: '%Z' }}] {{ fixed }} [{{ fixed | date: '%Z' }}] {{ local }} [{{ local | date: '%Z' }}]",
        &Engine::new(),
    )
    .unwrap();
    assert_eq!(
        t.render(&mut ctx).unwrap(),
        "2024-01-02 03:04:05 UTC [UTC] 2024-01-02 03:04:05 +0000 [] 2024-01-02 03:04:05 +0000 [UTC]"
    );
}

#[test]
fn a_last_filter_prints_what_its_value_would() {
    // `join` and `strip` print straight into the output when they end a
    // `{{ }}`; the text must be that of the value they return.
    let data = [
        ("words", "[\"a\", \"bb\", \" c \"]"),
        ("nested", "[[1, [2.5, null]], \"x\", true]"),
        ("one", "[\"only\"]"),
        ("none", "[]"),
        ("text", "\" \\t padded \\n\""),
        ("hash", "{\"k\": \" v \"}"),
        ("number", "42"),
        ("nil", "null"),
    ];
    let globals: Vec<(&str, Value)> = data
        .iter()
        .map(|(k, json)| {
            (
                *k,
                crate::common::from_json(&serde_json::from_str(json).unwrap()),
            )
        })
        .collect();
    for (name, _) in &data {
        for filter in [
            "join",
            "join: \", \"",
            "join: \"-\"",
            "strip",
            "lstrip",
            "rstrip",
            "no_such_filter",
            "strip | join: \"+\"",
        ] {
            let printed = format!("[{{{{ {name} | {filter} }}}}]");
            let assigned = format!("{{% assign v = {name} | {filter} %}}[{{{{ v }}}}]");
            assert_eq!(
                render_with(&printed, &globals).unwrap(),
                render_with(&assigned, &globals).unwrap(),
                "{name} | {filter}"
            );
        }
    }
}
