//! Code blocks and code spans: the Rouge syntax highlighter as kramdown's
//! `syntax_highlighter: rouge` calls it (lexers from `hyde-highlight`), the
//! `language-x highlighter-rouge` class rules, and the unhighlighted fallback.

use super::escape::{escape, escape_into, Esc};
use super::html::{attrs, attrs_into, push_sp, sp, Html};
use crate::options::Options;
use crate::tree::{Attrs, El};

/// kramdown's `SyntaxHighlighter::Rouge.call`: the highlighted HTML, or
/// `None` when kramdown would fall back to a plain `<pre><code>`.
pub(crate) fn rouge(opts: &Options, text: &str, lang: Option<&str>, block: bool) -> Option<String> {
    let (body, wrap) = rouge_parts(opts, text, lang, block)?;
    Some(match wrap {
        Some(css_class) => format!(
            "<div class=\"highlight\"><pre class=\"{css_class}\"><code>{body}</code></pre></div>"
        ),
        None => body,
    })
}

/// [`rouge`] in two parts: the highlighted code, and the `<pre>` class of
/// Rouge's wrapper when it wraps.
fn rouge_parts<'o>(
    opts: &'o Options,
    text: &str,
    lang: Option<&str>,
    block: bool,
) -> Option<(String, Option<&'o str>)> {
    let plan = rouge_plan(opts, text, lang, block)?;
    let mut body = hyde_highlight::highlight(plan.language, text);
    if let Some(start) = plan.line_start {
        body = line_table(body, text, start);
    }
    Some((body, plan.wrap))
}

/// How kramdown's Rouge call highlights a text.
struct RougePlan<'o> {
    language: &'static hyde_highlight::Language,
    /// The first line number, when lines are numbered in a table.
    line_start: Option<i64>,
    /// The `<pre>` class of Rouge's wrapper, when it wraps.
    wrap: Option<&'o str>,
}

/// The options of [`rouge`], resolved; `None` when kramdown falls back to
/// a plain `<pre><code>`.
fn rouge_plan<'o>(
    opts: &'o Options,
    text: &str,
    lang: Option<&str>,
    block: bool,
) -> Option<RougePlan<'o>> {
    if opts.syntax_highlighter.as_deref() != Some("rouge") {
        return None;
    }
    let h = &opts.syntax_highlighter_opts;
    // kramdown merges the `block:` or `span:` hash over the top level.
    let sub = if block { &h.block } else { &h.span };
    let guess_lang = sub.guess_lang.unwrap_or(h.guess_lang);
    let name = lang.or_else(|| default_lang(opts, block));
    if name.is_none() && !guess_lang {
        return None;
    }
    let language = match name {
        Some(n) => hyde_highlight::find_fancy(n, text)?,
        None => hyde_highlight::plaintext(),
    };
    if sub.disable.unwrap_or(h.disable) || (language.tag() == "plaintext" && !guess_lang) {
        return None;
    }
    let line_start = sub
        .line_numbers
        .or(h.lines.line_numbers)
        .unwrap_or(false)
        .then(|| sub.start_line.or(h.lines.start_line).unwrap_or(1));
    // Rouge's HTMLLegacy wraps unless `wrap` is false; kramdown never wraps spans.
    let wrap = (block && sub.wrap.or(h.lines.wrap).unwrap_or(true)).then(|| {
        sub.css_class
            .as_deref()
            .or(h.lines.css_class.as_deref())
            .unwrap_or("highlight")
    });
    Some(RougePlan {
        language,
        line_start,
        wrap,
    })
}

/// The `default_lang` in effect for a code block or span.
fn default_lang(opts: &Options, block: bool) -> Option<&str> {
    let h = &opts.syntax_highlighter_opts;
    let sub = if block { &h.block } else { &h.span };
    sub.default_lang.as_deref().or(h.default_lang.as_deref())
}

/// Rouge's `HTMLTable` formatter: a gutter of line numbers beside the code.
fn line_table(mut body: String, text: &str, start: i64) -> String {
    let mut lines = text.matches('\n').count() as i64;
    if !text.ends_with('\n') {
        lines += 1;
        body.push('\n');
    }
    let mut gutter = String::new();
    for i in start..start + lines {
        gutter.push_str(&i.to_string());
        gutter.push('\n');
    }
    if lines == 0 {
        gutter.push('\n');
    }
    format!(
        "<table class=\"rouge-table\"><tbody><tr><td class=\"rouge-gutter gl\"><pre class=\"lineno\">{gutter}</pre></td><td class=\"rouge-code\"><pre>{body}</pre></td></tr></tbody></table>"
    )
}

impl Html<'_> {
    /// A code block, written onto `out`.
    pub(super) fn codeblock_into(&mut self, el: &El, indent: i64, out: &mut String) {
        let mut attr = el.attr.clone();
        let lang = extract_code_language(&attr);
        if lang.is_some() {
            if let Some(c) = attr.get("class") {
                let stripped = remove_language_class(c);
                if stripped.is_empty() {
                    attr.remove("class");
                } else {
                    attr.set("class", stripped);
                }
            }
        }
        let hl_lang = el.lang().map(String::from).or_else(|| lang.clone());
        if let Some(plan) = rouge_plan(self.opts, &el.value, hl_lang.as_deref(), true) {
            let class_lang = lang.or_else(|| default_lang(self.opts, true).map(String::from));
            self.add_highlighter_class(&mut attr, class_lang.as_deref());
            push_sp(out, indent);
            out.push_str("<div");
            attrs_into(out, &attr);
            out.push('>');
            if let Some(css_class) = plan.wrap {
                out.push_str("<div class=\"highlight\"><pre class=\"");
                out.push_str(css_class);
                out.push_str("\"><code>");
            }
            // The highlighted code goes straight onto the output.
            match plan.line_start {
                None => hyde_highlight::highlight_into(plan.language, &el.value, out),
                Some(start) => {
                    let body = hyde_highlight::highlight(plan.language, &el.value);
                    out.push_str(&line_table(body, &el.value, start));
                }
            }
            if plan.wrap.is_some() {
                out.push_str("</code></pre></div>");
            }
            push_sp(out, indent);
            out.push_str("</div>\n");
            return;
        }
        let mut result = escape(&el.value, Esc::All);
        if result.ends_with('\n') {
            result.pop();
        }
        let mut code_attr = Attrs::default();
        if let Some(l) = &lang {
            code_attr.set("class", format!("language-{l}"));
        }
        out.push_str(&format!(
            "{}<pre{}><code{}>{}\n</code></pre>\n",
            sp(indent),
            attrs(&attr),
            attrs(&code_attr),
            result
        ));
    }

    fn add_highlighter_class(&self, attr: &mut Attrs, lang: Option<&str>) {
        // One string, edited in place: `"#{class} highlighter-#{name}"`,
        // stripped, with the language class replaced or put first.
        let name = self.opts.syntax_highlighter.as_deref().unwrap_or("");
        let old = attr.get("class").unwrap_or("");
        let extra = lang.map_or(0, |l| l.len() + 10);
        let mut class = String::with_capacity(old.len() + name.len() + 13 + extra);
        class.push_str(old);
        class.push_str(" highlighter-");
        class.push_str(name);
        let lead = class.len() - class.trim_start().len();
        class.drain(..lead);
        if let Some(lang) = lang {
            let at = match find_language_class(&class) {
                Some((a, b)) => {
                    class.replace_range(a..b, "");
                    a
                }
                None => {
                    class.insert(0, ' ');
                    0
                }
            };
            class.insert_str(at, lang);
            class.insert_str(at, "language-");
        }
        attr.set("class", class);
    }

    /// A code span, written onto `out`.
    pub(super) fn codespan_into(&mut self, el: &El, out: &mut String) {
        let mut attr = el.attr.clone();
        let lang = extract_code_language(&attr);
        let result = match rouge(self.opts, &el.value, lang.as_deref(), false) {
            Some(r) => {
                let class_lang = lang
                    .clone()
                    .or_else(|| default_lang(self.opts, false).map(String::from));
                self.add_highlighter_class(&mut attr, class_lang.as_deref());
                r
            }
            None => {
                out.push_str("<code");
                attrs_into(out, &attr);
                out.push('>');
                escape_into(out, &el.value, Esc::All);
                out.push_str("</code>");
                return;
            }
        };
        out.push_str("<code");
        attrs_into(out, &attr);
        out.push('>');
        out.push_str(&result);
        out.push_str("</code>");
    }
}

/// `\blanguage-\S+` in a class attribute: byte range.
fn find_language_class(class: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(at) = crate::scan::find_str(&class[from..], "language-") {
        let i = from + at;
        from = i + 1;
        let before = class[..i].chars().next_back();
        if before.is_some_and(crate::scan::is_word_char) {
            continue;
        }
        let rest = &class[i + 9..];
        let n = rest
            .find(|c: char| c.is_ascii() && crate::scan::is_ws(c as u8))
            .unwrap_or(rest.len());
        if n > 0 {
            return Some((i, i + 9 + n));
        }
    }
    None
}

/// `extract_code_language`.
pub(crate) fn extract_code_language(attr: &Attrs) -> Option<String> {
    let c = attr.get("class")?;
    find_language_class(c).map(|(a, b)| c[a + 9..b].to_string())
}

fn remove_language_class(c: &str) -> String {
    match find_language_class(c) {
        Some((a, b)) => format!("{}{}", &c[..a], &c[b..])
            .trim_matches(|ch: char| ch.is_ascii() && crate::scan::is_ws(ch as u8))
            .to_string(),
        None => c.to_string(),
    }
}
