//! Rouge's HTML formatters: `Formatters::HTML` (spans, no wrapper) and
//! `Formatters::HTMLTable` with the options Jekyll's highlight tag passes.

use crate::language::Language;
use crate::token::{Tok, TEXT};

/// The token sink. Consecutive tokens of one type are merged, as Rouge's
/// `Lexer#continue_lex` does, and written as Rouge's HTML formatter writes
/// them: a span opens when the type changes and text is escaped straight
/// into the output.
#[derive(Default)]
pub(crate) struct Out {
    html: String,
    tok: Option<Tok>,
    last_ends_nl: bool,
}

impl Out {
    pub(crate) fn push(&mut self, tok: Tok, val: &str) {
        if val.is_empty() {
            return;
        }
        // Token types are constants: the same one is the same pointer.
        if !self.tok.is_some_and(|t| std::ptr::eq(t, tok) || t == tok) {
            self.flush();
            if tok != TEXT {
                self.html.push_str("<span class=\"");
                push_short(&mut self.html, tok);
                self.html.push_str("\">");
            }
            self.tok = Some(tok);
        }
        self.last_ends_nl = val.ends_with('\n');
        escape_into(&mut self.html, val);
    }

    /// Closes the open token's span.
    fn flush(&mut self) {
        if self.tok.take().is_some_and(|t| t != TEXT) {
            self.html.push_str("</span>");
        }
    }

    pub(crate) fn finish(mut self) -> String {
        self.flush();
        self.html
    }
}

/// Lexes `code` onto the end of `html`.
fn lex(lang: &Language, code: &str, mut html: String) -> Out {
    // Spans roughly double the text; growing from empty copies it repeatedly.
    html.reserve(code.len() * 2 + 64);
    let mut out = Out {
        html,
        ..Out::default()
    };
    lang.lex_into(code, &mut out);
    out.flush();
    out
}

/// Rouge's `Formatters::HTML` output for `code`: `<span class="k">def</span>`…,
/// escaped as Rouge escapes (`&`, `<`, `>` only), with no wrapper.
pub fn highlight(lang: &Language, code: &str) -> String {
    lex(lang, code, String::new()).finish()
}

/// [`highlight`] appended to `html` (no intermediate string to copy).
pub fn highlight_into(lang: &Language, code: &str, html: &mut String) {
    *html = lex(lang, code, std::mem::take(html)).finish();
}

/// Rouge's `Formatters::HTMLTable` wrapped around `Formatters::HTML`, with the
/// options Jekyll 4.3 passes for `linenos` (gutter class `gutter`, code class
/// `code`; the table keeps Rouge's default class `rouge-table`). Jekyll wraps
/// the result in `<figure class="highlight"><pre><code …>…</code></pre></figure>`.
pub fn highlight_table(lang: &Language, code: &str) -> String {
    let out = lex(lang, code, String::new());
    let ends_nl = out.last_ends_nl;
    let mut formatted = out.finish();
    // Escaping and spans add no newlines: the text's are the output's.
    let mut lines = formatted.bytes().filter(|&b| b == b'\n').count();
    if !ends_nl {
        lines += 1;
        formatted.push('\n');
    }
    let mut html = String::with_capacity(formatted.len() + 200 + lines * 4);
    html.push_str(concat!(
        "<table class=\"rouge-table\"><tbody><tr>",
        "<td class=\"gutter gl\"><pre class=\"lineno\">"
    ));
    for i in 1..=lines {
        html.push_str(&i.to_string());
        html.push('\n');
    }
    html.push_str("</pre></td><td class=\"code\"><pre>");
    html.push_str(&formatted);
    html.push_str("</pre></td></tr></tbody></table>");
    html
}

/// Appends `text`, a character at a time when it is short: most tokens
/// and every class name are a few bytes, which copying as a slice (a call
/// to `memcpy`) costs several times over.
fn push_short(out: &mut String, text: &str) {
    if text.len() > 8 {
        out.push_str(text);
        return;
    }
    for c in text.chars() {
        out.push(c);
    }
}

/// Escapes `&`, `<` and `>` exactly as Rouge's HTML formatter does.
pub(crate) fn escape_into(out: &mut String, text: &str) {
    if text.len() <= 8 {
        for c in text.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                _ => out.push(c),
            }
        }
        return;
    }
    let mut from = 0;
    for (i, b) in text.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            _ => continue,
        };
        out.push_str(&text[from..i]);
        out.push_str(entity);
        from = i + 1;
    }
    out.push_str(&text[from..]);
}
