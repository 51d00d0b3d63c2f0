//! Converts Markdown from stdin as jekyll-commonmark would, for comparing
//! against the Ruby converter while developing:
//! `cargo run --example commonmark -- [OPTION…] [+extension…]`.

use std::io::Read;

fn main() {
    let mut opts = hyde_markdown::CommonMarkOptions::default();
    for arg in std::env::args().skip(1) {
        match arg.strip_prefix('+') {
            Some(ext) => opts.set_extension(ext),
            None => opts.set_option(&arg),
        };
    }
    let mut src = String::new();
    if std::io::stdin().read_to_string(&mut src).is_ok() {
        print!("{}", hyde_markdown::commonmark_to_html_with(&src, &opts));
    }
}
