//! The converter for sites with `markdown: CommonMark` (jekyll-commonmark),
//! on pulldown-cmark: CommonMark with GFM tables, strikethrough and task
//! lists, and fenced code highlighted by Rouge inside the same wrappers the
//! kramdown path writes.

use pulldown_cmark::{
    html, CodeBlockKind, CowStr, Event, Options as CmOptions, Parser, Tag, TagEnd,
};

use crate::Options;

/// Converts CommonMark to HTML.
pub fn commonmark_to_html(src: &str, opts: &Options) -> String {
    let mut flags = CmOptions::empty();
    flags.insert(CmOptions::ENABLE_TABLES);
    flags.insert(CmOptions::ENABLE_STRIKETHROUGH);
    flags.insert(CmOptions::ENABLE_TASKLISTS);
    let mut events = Vec::new();
    let mut code: Option<(Option<String>, String)> = None;
    for ev in Parser::new_ext(src, flags) {
        match ev {
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => {
                        info.split_whitespace().next().map(str::to_string)
                    }
                    CodeBlockKind::Indented => None,
                };
                code = Some((lang, String::new()));
            }
            Event::Text(t) if code.is_some() => {
                if let Some((_, body)) = code.as_mut() {
                    body.push_str(&t);
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((lang, body)) = code.take() {
                    events.push(Event::Html(CowStr::from(code_block(
                        lang.as_deref(),
                        &body,
                        opts,
                    ))));
                }
            }
            other => events.push(other),
        }
    }
    let mut out = String::with_capacity(src.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter());
    out
}

/// A code block in the Rouge wrappers (plain `<pre><code>` when Rouge has no lexer).
fn code_block(lang: Option<&str>, body: &str, opts: &Options) -> String {
    let name = lang
        .or(opts.syntax_highlighter_opts.default_lang.as_deref())
        .unwrap_or("plaintext");
    match hyde_highlight::find_language(name) {
        Some(l) => format!(
            "<div class=\"language-{name} highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\"><code>{}</code></pre></div></div>\n",
            hyde_highlight::highlight(l, body)
        ),
        None => {
            let mut esc = String::with_capacity(body.len());
            for c in body.chars() {
                match c {
                    '<' => esc.push_str("&lt;"),
                    '>' => esc.push_str("&gt;"),
                    '&' => esc.push_str("&amp;"),
                    '"' => esc.push_str("&quot;"),
                    _ => esc.push(c),
                }
            }
            format!("<pre><code class=\"language-{name}\">{esc}</code></pre>\n")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_tables_and_code() {
        let o = Options::jekyll_default();
        assert_eq!(
            commonmark_to_html("Hi *there*\n", &o),
            "<p>Hi <em>there</em></p>\n"
        );
        let html = commonmark_to_html("```text\na < b\n```\n", &o);
        assert!(
            html.starts_with("<div class=\"language-text highlighter-rouge\">"),
            "{html}"
        );
        assert!(html.contains("a &lt; b"));
        assert!(commonmark_to_html("|a|\n|-|\n|1|\n", &o).contains("<table>"));
    }
}
