//! Render benchmarks; `ruby_bench.rb` runs the same workloads with Ruby
//! Liquid for the speed ratio:
//! - a layout with nested includes,
//! - a Liquid-only HTML compressor over a 100 KB page,
//! - a loop over 5,000 posts with `where` and `sort`.
//!
//! On a shared machine wall time measures the neighbours, so by default
//! both sides report the CPU time of the rendering thread
//! (`BENCH_CLOCK=wall` for wall time, in both).

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use hyde_liquid::{Context, Engine, Error, ErrorKind, FileSystem, Map, Template, Value};

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("benches/workload")
}

/// Includes parsed once and shared by every render, as a site build does.
#[derive(Default)]
struct Includes(Mutex<HashMap<String, Arc<Template>>>);

impl FileSystem for Includes {
    fn read_template_file(&self, name: &str) -> Result<String, Error> {
        std::fs::read_to_string(dir().join("_includes").join(name))
            .map_err(|e| Error::new(ErrorKind::FileSystem, e.to_string()))
    }

    fn load(&self, name: &str, engine: &Engine) -> Result<Arc<Template>, Error> {
        let mut cache = self.0.lock().map_err(|_| Error::runtime("poisoned"))?;
        if let Some(t) = cache.get(name) {
            return Ok(t.clone());
        }
        let t = Arc::new(Template::parse_named(
            &self.read_template_file(name)?,
            name,
            engine,
        )?);
        cache.insert(name.to_string(), t.clone());
        Ok(t)
    }
}

thread_local! {
    static KEYS: std::cell::RefCell<HashMap<String, Value>> = Default::default();
}

/// Ruby stores a string hash key as a deduplicated frozen string, so all
/// 5,000 posts share one `"title"` object; share the key strings the same way.
fn key(k: &str) -> Value {
    KEYS.with(|keys| {
        keys.borrow_mut()
            .entry(k.to_string())
            .or_insert_with(|| Value::str(k))
            .clone()
    })
}

fn hash(pairs: Vec<(&str, Value)>) -> Value {
    let mut m = Map::new();
    for (k, v) in pairs {
        m.insert(key(k), v);
    }
    Value::hash(m)
}

fn s(x: impl Into<String>) -> Value {
    Value::str(x.into())
}

/// The same data as `workload/site.rb`.
fn site() -> Value {
    let posts = (0..5000)
        .map(|i| {
            hash(vec![
                ("title", s(format!("Post {i} & more"))),
                ("url", s(format!("/blog/post-{i}/"))),
                ("category", s(["news", "blog", "misc"][i % 3])),
                ("date", s(format!("20{:02}-{:02}-{:02} 10:00:00", 10 + i % 13, i % 12 + 1, i % 28 + 1))),
                ("tags", Value::array(if i % 5 == 0 { vec![s("rust"), s("web")] } else { vec![s("misc")] })),
                ("excerpt", s(format!("<p>Excerpt number {i} with <em>some</em> words to strip and truncate here.</p>"))),
            ])
        })
        .collect();
    let links = (0..5)
        .map(|i| {
            hash(vec![
                ("label", s(format!("L{i}"))),
                ("url", s(format!("https://l{i}.example/"))),
                ("title", s(format!("L{i}"))),
            ])
        })
        .collect();
    hash(vec![
        ("title", s("Bench Site")),
        ("baseurl", s("/base")),
        ("lang", s("en")),
        ("analytics", s("google")),
        ("ga_id", s("UA-1")),
        ("time", s("2024-06-01 12:00:00")),
        (
            "meta",
            Value::array(
                (0..5)
                    .map(|i| {
                        hash(vec![
                            ("name", s(format!("m{i}"))),
                            ("content", s(format!("value \"{i}\""))),
                        ])
                    })
                    .collect(),
            ),
        ),
        (
            "nav",
            Value::array(
                (0..8)
                    .map(|i| {
                        hash(vec![
                            ("title", s(format!("Nav {i}"))),
                            ("url", s(format!("/n{i}/"))),
                        ])
                    })
                    .collect(),
            ),
        ),
        (
            "sidebar",
            Value::array(
                (0..3)
                    .map(|k| {
                        let items = (0..6)
                            .map(|i| {
                                let url = if i % 2 == 0 {
                                    s(format!("/i{i}/"))
                                } else {
                                    Value::Nil
                                };
                                hash(vec![("title", s(format!("Item {i}"))), ("url", url)])
                            })
                            .collect();
                        hash(vec![
                            ("title", s(format!("Section {k}"))),
                            ("items", Value::array(items)),
                        ])
                    })
                    .collect(),
            ),
        ),
        (
            "author",
            hash(vec![
                ("name", s("A. Author")),
                ("avatar", s("/a.png")),
                ("bio", s(vec!["word"; 30].join(" "))),
                ("links", Value::array(links)),
            ]),
        ),
        ("posts", Value::array(posts)),
    ])
}

fn page() -> Value {
    hash(vec![
        ("title", s("A <b>page</b>")),
        ("layout", s("single")),
        ("url", s("/n3/")),
        (
            "tags",
            Value::array(vec![s("alpha"), s("beta"), s("gamma")]),
        ),
    ])
}

fn content() -> String {
    let block = "<h2>Heading</h2>\n<p>Some    text with   irregular\n   spacing and <a href=\"/x\">a link</a>.</p>\n<!-- a comment\n spanning lines -->\n<pre><code>keep   this\n   as is</code></pre>\n<ul>\n  <li>one</li>\n  <li>two</li>\n</ul>\n";
    block.repeat(100_000 / block.len() + 1)
}

fn parse(engine: &Engine, file: &str) -> Template {
    let src = std::fs::read_to_string(dir().join(file)).expect("workload file");
    Template::parse_named(&src, file, engine).expect("workload parses")
}

/// CPU time this thread has run, from `/proc/thread-self/schedstat` (no
/// `unsafe` needed; the kernel updates it at least every scheduler tick, a
/// few milliseconds, well below a sample's length).
fn thread_cpu() -> Duration {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap_or_default();
    let ns = stat
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    Duration::from_nanos(ns)
}

/// Times `iters` calls of `f` with the clock `BENCH_CLOCK` names.
fn timed<R>(iters: u64, mut f: impl FnMut() -> R) -> Duration {
    let cpu = std::env::var("BENCH_CLOCK").map_or(true, |c| c != "wall") && !thread_cpu().is_zero();
    let (t0, c0) = (Instant::now(), thread_cpu());
    for _ in 0..iters {
        std::hint::black_box(f());
    }
    if cpu {
        thread_cpu().saturating_sub(c0)
    } else {
        t0.elapsed()
    }
}

fn bench(c: &mut Criterion) {
    let engine = Engine::new();
    let fs: Arc<dyn FileSystem> = Arc::new(Includes::default());
    let (site, page, content) = (site(), page(), s(content()));
    let run = |t: &Template, globals: &[(&str, &Value)]| {
        let mut ctx = Context::new(&engine);
        ctx.set_file_system(fs.clone());
        for (k, v) in globals {
            ctx.set_global(k, (*v).clone());
        }
        t.render(&mut ctx).expect("workload renders")
    };
    let layout = parse(&engine, "layout.liquid");
    let body = s("<p>Body</p>");
    // `HYDE_BENCH_DUMP=dir` writes each output, to compare with Ruby's.
    if let Ok(out) = std::env::var("HYDE_BENCH_DUMP") {
        let dump = |name: &str, text: String| {
            std::fs::write(PathBuf::from(&out).join(name), text).expect("dump")
        };
        dump(
            "layout.html",
            run(
                &layout,
                &[("site", &site), ("page", &page), ("content", &body)],
            ),
        );
        dump(
            "compress.html",
            run(&parse(&engine, "compress.liquid"), &[("content", &content)]),
        );
        dump(
            "posts.html",
            run(&parse(&engine, "posts.liquid"), &[("site", &site)]),
        );
    }
    c.bench_function("layout", |b| {
        b.iter_custom(|n| {
            timed(n, || {
                run(
                    &layout,
                    &[("site", &site), ("page", &page), ("content", &body)],
                )
            })
        })
    });
    let compress = parse(&engine, "compress.liquid");
    c.bench_function("compress", |b| {
        b.iter_custom(|n| timed(n, || run(&compress, &[("content", &content)])))
    });
    let posts = parse(&engine, "posts.liquid");
    c.bench_function("posts", |b| {
        b.iter_custom(|n| timed(n, || run(&posts, &[("site", &site)])))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
