//! Highlights stdin as Rouge's HTML formatter would, for comparing with Ruby
//! while developing: `cargo run --example highlight -- LANG < file`.
//! Prints the time taken to stderr.

use std::io::Read;

fn main() {
    let name = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "plaintext".into());
    let mut src = String::new();
    if std::io::stdin().read_to_string(&mut src).is_err() {
        return;
    }
    let lang = hyde_highlight::find_fancy(&name, &src).unwrap_or_else(hyde_highlight::plaintext);
    let t = std::time::Instant::now();
    let html = hyde_highlight::highlight(lang, &src);
    eprintln!("{}: {} ms", lang.tag(), t.elapsed().as_millis());
    print!("{html}");
}
