//! The Rouge syntax highlighter as kramdown's `syntax_highlighter: rouge`
//! calls it, using the Rouge-compatible lexers of `hyde-highlight`.

use crate::options::Options;

/// kramdown's `SyntaxHighlighter::Rouge.call`: the highlighted HTML, or
/// `None` when kramdown would fall back to a plain `<pre><code>`.
pub(crate) fn rouge(opts: &Options, text: &str, lang: Option<&str>, block: bool) -> Option<String> {
    if opts.syntax_highlighter.as_deref() != Some("rouge") {
        return None;
    }
    let h = &opts.syntax_highlighter_opts;
    let name = lang.or(h.default_lang.as_deref());
    if name.is_none() && !h.guess_lang {
        return None;
    }
    let language = match name {
        Some(n) => hyde_highlight::find_language(n)?,
        None => hyde_highlight::plaintext(),
    };
    if h.disable || (language.tag() == "plaintext" && !h.guess_lang) {
        return None;
    }
    let body = hyde_highlight::highlight(language, text);
    Some(if block {
        format!("<div class=\"highlight\"><pre class=\"highlight\"><code>{body}</code></pre></div>")
    } else {
        body
    })
}
