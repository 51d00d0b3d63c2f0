//! Compiling the theme-sized corpus stylesheet (scholar: ~70 partials,
//! ~100 KB of SCSS) in both styles, and with a source map; and the
//! grid-framework-shaped `benches/gridkit` with and without deprecation
//! detection (what the warnings cost).

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion};
use hyde_sass::{compile, SassOptions, Style};

fn theme(c: &mut Criterion) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/themes/scholar");
    let file = dir.join("main.scss");
    let src = std::fs::read_to_string(&file).expect("theme source");
    let base = SassOptions {
        file: Some(file),
        load_paths: vec![dir.join("_sass")],
        ..SassOptions::default()
    };
    let mut group = c.benchmark_group("scholar_theme");
    group.sample_size(20);
    group.bench_function("expanded", |b| {
        b.iter(|| compile(&src, &base).expect("compiles"))
    });
    let compressed = SassOptions {
        style: Style::Compressed,
        ..base.clone()
    };
    group.bench_function("compressed", |b| {
        b.iter(|| compile(&src, &compressed).expect("compiles"))
    });
    let mapped = SassOptions {
        source_map: true,
        ..base.clone()
    };
    group.bench_function("expanded_with_source_map", |b| {
        b.iter(|| compile(&src, &mapped).expect("compiles"))
    });
    group.finish();
}

fn gridkit(c: &mut Criterion) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/gridkit");
    let file = dir.join("main.scss");
    let src = std::fs::read_to_string(&file).expect("gridkit source");
    let warned = SassOptions {
        file: Some(file),
        load_paths: vec![dir.join("_sass")],
        ..SassOptions::default()
    };
    let bare = SassOptions {
        skip_deprecations: true,
        ..warned.clone()
    };
    let mut group = c.benchmark_group("gridkit");
    group.sample_size(20);
    group.bench_function("with_deprecations", |b| {
        b.iter(|| compile(&src, &warned).expect("compiles"))
    });
    group.bench_function("without_deprecations", |b| {
        b.iter(|| compile(&src, &bare).expect("compiles"))
    });
    group.finish();
}

criterion_group!(benches, theme, gridkit);
criterion_main!(benches);
