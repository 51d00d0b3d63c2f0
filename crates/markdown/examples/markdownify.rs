//! Converts short texts (titles, excerpts, citations: what a site's
//! `markdownify` and `smartify` filters see) many times, to measure the fixed
//! cost of one conversion: `cargo run --release -p hyde-markdown --example
//! markdownify -- [--repeat=N] [--print]`. Prints the bytes in and out.

const TEXTS: &[&str] = &[
    "Optimal transport: part 372",
    "High an while how into networks study high optimisation trades.",
    "Rivera, J. (2010). &quot;Attention sinks: part 89.&quot; <i>Journal of Representation Learning</i>.",
    "This paper is about the number 1. The number 2 is left for future work.",
    "Talk at the *Workshop on Mechanistic Interpretability*, Vienna, Austria",
    "A [link](https://example.org/) and `code` in an excerpt -- with \"quotes\"...",
];

fn main() {
    let mut opts = hyde_markdown::Options::jekyll_default();
    for (k, v) in [
        ("input", "GFM"),
        ("hard_wrap", "false"),
        ("footnote_nr", "1"),
        ("smart_quotes", "lsquo,rsquo,ldquo,rdquo"),
    ] {
        opts.set(k, v).expect("option");
    }
    let (mut repeat, mut print) = (1000, false);
    for arg in std::env::args().skip(1) {
        if let Some(n) = arg.strip_prefix("--repeat=") {
            repeat = n.parse().unwrap_or(1000);
        } else if arg == "--print" {
            print = true;
        }
    }
    let (mut bytes_in, mut bytes_out) = (0, 0);
    for _ in 0..repeat {
        for text in TEXTS {
            let html = hyde_markdown::to_html(text, &opts).expect("convert").html;
            let smart = hyde_markdown::smartypants(text, &opts).html;
            bytes_in += 2 * text.len();
            bytes_out += html.len() + smart.len();
            if print {
                println!("{html}{smart}");
            }
        }
    }
    eprintln!(
        "{} texts x{repeat}: {bytes_in} bytes in, {bytes_out} bytes out",
        TEXTS.len()
    );
}
