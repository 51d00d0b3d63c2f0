//! Benchmarks: a 1 MB realistic document (the corpus's pages repeated; Ruby's
//! time on the same text comes from `benches/kramdown_speed.rb`) and
//! pathological inputs at growing sizes, to show time grows linearly.

use std::fs;
use std::path::Path;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use hyde_markdown::{to_html, Options};

/// The corpus's realistic pages (default options only), repeated to 1 MB.
fn realistic_document() -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/cases/pages");
    let mut pages: Vec<_> = fs::read_dir(&dir)
        .expect("corpus pages")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "md") && !p.with_extension("opts").exists())
        .collect();
    pages.sort();
    let unit = pages
        .iter()
        .map(|p| fs::read_to_string(p).expect("page"))
        .collect::<Vec<_>>()
        .join("\n");
    let mut doc = String::new();
    while doc.len() < 1_000_000 {
        doc.push_str(&unit);
        doc.push('\n');
    }
    doc
}

fn realistic(c: &mut Criterion) {
    let doc = realistic_document();
    let opts = Options::jekyll_default();
    let mut g = c.benchmark_group("realistic");
    g.throughput(Throughput::Bytes(doc.len() as u64));
    g.sample_size(10);
    g.bench_function("1MB_gfm_jekyll_defaults", |b| {
        b.iter(|| to_html(&doc, &opts).unwrap())
    });
    g.finish();
}

/// A named generator of an input of about `n` units.
type Case = (&'static str, fn(usize) -> String);

fn pathological(c: &mut Criterion) {
    let cases: [Case; 13] = [
        ("stars", |n| "*a ".repeat(n)),
        ("strong_runs", |n| "**a ".repeat(n)),
        ("brackets", |n| "[".repeat(n)),
        ("images", |n| "![a ".repeat(n)),
        ("angles", |n| "<a ".repeat(n)),
        ("backticks", |n| {
            (0..n)
                .map(|i| format!("{}a", "`".repeat(i % 7 + 1)))
                .collect()
        }),
        ("nested_quotes", |n| format!("{}a\n", "> ".repeat(n))),
        ("nested_lists", |n| {
            (0..n)
                .map(|i| format!("{}- a\n", "  ".repeat(i % 64)))
                .collect()
        }),
        ("strikes", |n| "~~a ".repeat(n)),
        ("link_parens", |n| "[a](b ".repeat(n)),
        ("comment_openers", |n| "<!-- a\n\nb <!-- c ".repeat(n / 16)),
        ("extension_openers", |n| {
            "{::comment}\na\n\nb {::comment} c ".repeat(n / 32)
        }),
        ("toc_headers", |n| {
            let headers: String = (0..n / 8)
                .map(|i| format!("{} h{i}\n\n", "#".repeat(i % 3 + 1)))
                .collect();
            format!("* x\n{{:toc}}\n\n{headers}")
        }),
    ];
    let opts = Options::jekyll_default();
    let mut g = c.benchmark_group("pathological");
    g.sample_size(10);
    for (name, make) in cases {
        for n in [2_000usize, 8_000, 32_000] {
            let input = make(n);
            g.throughput(Throughput::Bytes(input.len() as u64));
            g.bench_with_input(BenchmarkId::new(name, n), &input, |b, s| {
                b.iter(|| to_html(s, &opts).unwrap())
            });
        }
    }
    g.finish();
}

criterion_group!(benches, realistic, pathological);
criterion_main!(benches);
