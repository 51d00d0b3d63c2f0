//! Print saphyr-parser's raw events for a file (debugging aid).
fn main() {
    let src =
        std::fs::read_to_string(std::env::args().nth(1).unwrap_or_default()).unwrap_or_default();
    let mut p = saphyr_parser::Parser::new_from_str(&src);
    while let Some(ev) = p.next_event() {
        match ev {
            Ok((e, span)) => println!("{e:?} @{}:{}", span.start.line(), span.start.col() + 1),
            Err(e) => {
                println!(
                    "ERR {:?} @{}:{}",
                    e.info(),
                    e.marker().line(),
                    e.marker().col() + 1
                );
                break;
            }
        }
    }
}
