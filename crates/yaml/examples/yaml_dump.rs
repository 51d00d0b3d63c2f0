//! Print the canonical dump of a YAML file (or stdin) as hyde-yaml loads it.
use std::io::Read;

fn main() {
    let mut src = String::new();
    match std::env::args().nth(1) {
        Some(p) => src = std::fs::read_to_string(p).unwrap_or_default(),
        None => {
            let _ = std::io::stdin().read_to_string(&mut src);
        }
    }
    match hyde_yaml::load(&src, &Default::default()) {
        Ok(n) => println!("{}", hyde_yaml::to_json(&n.value)),
        Err(e) => println!("ERROR {} {}\n{e}", e.ruby_class(), e.ruby_message(None)),
    }
}
