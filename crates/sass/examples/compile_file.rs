//! Compiles one Sass file with hyde-sass, optionally many times, and prints
//! the CSS (or, with `--repeat N`, the mean time per compilation). With
//! `--warnings`, the warnings go to stderr as Jekyll prints them.
//!
//! ```text
//! cargo run --release -p hyde-sass --example compile_file -- main.scss [--load-path DIR]... [--compressed] [--quiet-deps] [--no-deprecations] [--verbose] [--warnings] [--repeat N]
//! ```

use std::path::PathBuf;
use std::time::Instant;

use hyde_sass::{compile, SassOptions, Style, Syntax};

fn main() {
    let mut args = std::env::args().skip(1);
    let mut opts = SassOptions::default();
    let mut repeat = 0u32;
    let mut warnings = false;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--load-path" => opts.load_paths.extend(args.next().map(PathBuf::from)),
            "--compressed" => opts.style = Style::Compressed,
            "--source-map" => opts.source_map = true,
            "--quiet-deps" => opts.quiet_deps = true,
            "--verbose" => opts.verbose = true,
            "--no-deprecations" => opts.skip_deprecations = true,
            "--warnings" => warnings = true,
            "--repeat" => repeat = args.next().and_then(|n| n.parse().ok()).unwrap_or(1),
            file => opts.file = Some(PathBuf::from(file)),
        }
    }
    let Some(file) = opts.file.clone() else {
        eprintln!("usage: compile_file FILE [--load-path DIR]... [--compressed] [--quiet-deps] [--no-deprecations] [--verbose] [--warnings] [--repeat N]");
        std::process::exit(2);
    };
    if let Some(syntax) = file
        .extension()
        .and_then(|e| Syntax::from_extension(&e.to_string_lossy()))
    {
        opts.syntax = syntax;
    }
    let src = match std::fs::read_to_string(&file) {
        Ok(src) => src,
        Err(err) => {
            eprintln!("{}: {err}", file.display());
            std::process::exit(1);
        }
    };
    if repeat == 0 {
        match compile(&src, &opts) {
            Ok(out) => {
                if warnings {
                    eprint!("{}", out.warning_log());
                }
                println!("{}", out.css);
            }
            Err(err) => {
                eprintln!("{err}");
                std::process::exit(1);
            }
        }
        return;
    }
    let start = Instant::now();
    for _ in 0..repeat {
        if let Err(err) = compile(&src, &opts) {
            eprintln!("{err}");
            std::process::exit(1);
        }
    }
    let ms = start.elapsed().as_secs_f64() * 1000.0 / f64::from(repeat);
    println!("{ms:.2}");
}
