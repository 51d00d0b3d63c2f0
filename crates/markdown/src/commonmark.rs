//! The converter for sites with `markdown: CommonMark` (jekyll-commonmark),
//! on pulldown-cmark.

use crate::Options;

/// Converts CommonMark to HTML. Only a placeholder until pulldown-cmark is wired in:
/// it escapes the text into one paragraph per block.
pub fn commonmark_to_html(src: &str, _opts: &Options) -> String {
    let mut out = String::new();
    for block in src.split("\n\n").filter(|b| !b.trim().is_empty()) {
        out.push_str("<p>");
        for c in block.trim().chars() {
            match c {
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '&' => out.push_str("&amp;"),
                _ => out.push(c),
            }
        }
        out.push_str("</p>\n");
    }
    out
}
