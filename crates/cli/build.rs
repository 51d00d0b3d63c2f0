//! Links the `hyde` binary at a fixed address (not position-independent).
//!
//! A position-independent executable has ~70,000 pointers in its tables
//! (lexer rules, entity names, Unicode data) that the dynamic loader must
//! relocate, touching every page of them, on every start: about a third of
//! the start-up of a command that takes a few milliseconds.

fn main() {
    let target = std::env::var("TARGET").unwrap_or_default();
    if target.contains("linux") && target.contains("gnu") {
        println!("cargo:rustc-link-arg-bin=hyde=-no-pie");
    }
}
