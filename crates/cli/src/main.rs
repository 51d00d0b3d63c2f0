//! The `hyde` binary: a Jekyll-compatible static site builder.

fn main() {
    eprintln!("hyde: not yet implemented");
    std::process::exit(2);
}
