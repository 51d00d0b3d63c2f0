//! Converts stdin like Jekyll's kramdown converter:
//! `cargo run --example kd -- [key=value...] [--repeat=N]` (repeat to time it).

use std::io::Read;

fn main() {
    let mut opts = hyde_markdown::Options::jekyll_default();
    let mut repeat = 1;
    for arg in std::env::args().skip(1) {
        if let Some(n) = arg.strip_prefix("--repeat=") {
            repeat = n.parse().unwrap_or(1);
        } else if let Some((k, v)) = arg.split_once('=') {
            if let Err(e) = opts.set(k, v) {
                eprintln!("{e}");
                std::process::exit(2);
            }
        }
    }
    let mut src = String::new();
    if std::io::stdin().read_to_string(&mut src).is_err() {
        eprintln!("input is not UTF-8");
        std::process::exit(1);
    }
    for _ in 1..repeat {
        let _ = hyde_markdown::to_html(&src, &opts);
    }
    match hyde_markdown::to_html(&src, &opts) {
        Ok(out) => print!("{}", out.html),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
}
