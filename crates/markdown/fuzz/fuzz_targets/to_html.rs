//! Fuzzes the kramdown converter: any UTF-8 input, in both parsers and with
//! the options that change parsing, must convert without panicking.
#![no_main]

use hyde_markdown::{to_html, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let Ok(src) = std::str::from_utf8(rest) else { return };
    let mut opts = Options::jekyll_default();
    if selector & 1 != 0 {
        let _ = opts.set("input", "kramdown");
    }
    if selector & 2 != 0 {
        let _ = opts.set("parse_block_html", "true");
    }
    if selector & 4 != 0 {
        let _ = opts.set("hard_wrap", "true");
    }
    if selector & 8 != 0 {
        let _ = opts.set("gfm_quirks", "");
    }
    let _ = to_html(src, &opts);
});
