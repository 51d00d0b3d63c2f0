//! Jekyll's `{% highlight lang [linenos] %}…{% endhighlight %}` block.
//!
//! The body is Liquid (rendered first), stripped of leading and trailing
//! line breaks, highlighted with the Rouge-compatible lexers (a line-number
//! table with `linenos`) and wrapped in
//! `<figure class="highlight"><pre><code class="language-x" data-lang="x">`.
//! Jekyll 4.3 accepts other options such as `mark_lines="1 2"` but ignores
//! them.

use std::sync::OnceLock;

use hyde_liquid::{Block, Body, BodyKind, Context, Error, Render, Tag, TagInput};
use regex::Regex;

use crate::liquid_ext::host::site;

/// The `highlight` tag.
pub struct HighlightTag;

struct Highlight {
    lang: String,
    linenos: bool,
    body: Block,
}

fn syntax() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r#"^([a-zA-Z0-9.+#_-]+)((?:[\t\n\x0B\x0C\r ]+[A-Za-z0-9_]+(?:=(?:[A-Za-z0-9_]+|"(?:[0-9]+[\t\n\x0B\x0C\r ])*[0-9]+"))?)*)$"#,
        )
        .expect("valid regex")
    })
}

fn options() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r#"(?:[A-Za-z0-9_]="[^"]*"|[A-Za-z0-9_]=[A-Za-z0-9_]|[A-Za-z0-9_])+"#)
            .expect("valid regex")
    })
}

impl Tag for HighlightTag {
    fn body(&self) -> BodyKind {
        BodyKind::Block
    }

    fn parse(&self, tag: TagInput<'_>, body: Body) -> Result<Box<dyn Render>, Error> {
        let markup = tag
            .markup
            .trim_matches(|c: char| c.is_ascii_whitespace() || c == '\0');
        let Some(caps) = syntax().captures(markup) else {
            return Err(Error::syntax(format!(
                "Syntax Error in tag 'highlight' while parsing the following markup:\n\n{}\n\nValid syntax: highlight <lang> [linenos]\n",
                tag.markup
            )));
        };
        let linenos = options()
            .find_iter(&caps[2])
            .any(|m| m.as_str().split('=').next() == Some("linenos"));
        let body = match body {
            Body::Block(b) => b,
            _ => return Err(Error::syntax("'highlight' tag was never closed")),
        };
        Ok(Box::new(Highlight {
            lang: caps[1].to_lowercase(),
            linenos,
            body,
        }))
    }
}

/// `CGI.escapeHTML`, for sites whose highlighter is not Rouge.
fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Ruby's `String#chomp`: one trailing `\n`, `\r\n` or `\r`.
fn chomp(s: &str) -> &str {
    s.strip_suffix("\r\n")
        .or_else(|| s.strip_suffix('\n'))
        .or_else(|| s.strip_suffix('\r'))
        .unwrap_or(s)
}

/// Rouge's output for `code` in `lang` (plain text when Rouge has no such
/// lexer), as a line-number table with `linenos`.
pub fn render_rouge(lang: &str, code: &str, linenos: bool) -> String {
    let language = hyde_highlight::find_fancy(lang, code).unwrap_or_else(hyde_highlight::plaintext);
    if linenos {
        hyde_highlight::highlight_table(language, code)
    } else {
        hyde_highlight::highlight(language, code)
    }
}

/// Jekyll's `add_code_tag`.
pub fn wrap(lang: &str, code: &str) -> String {
    format!(
        "<figure class=\"highlight\"><pre><code class=\"language-{}\" data-lang=\"{lang}\">{}</code></pre></figure>",
        lang.replace('+', "-"),
        chomp(code)
    )
}

impl Render for Highlight {
    fn render(&self, ctx: &mut Context, out: &mut String) -> Result<(), Error> {
        let prefix = ctx.get("highlighter_prefix").map(|v| v.to_liquid_string());
        let suffix = ctx.get("highlighter_suffix").map(|v| v.to_liquid_string());
        let body = self.body.render_to_string(ctx)?;
        let code = body.trim_matches(['\n', '\r']);
        let site = site(ctx)?;
        let output = if site.highlighter() == "rouge" {
            render_rouge(&self.lang, code, self.linenos)
        } else {
            escape_html(code).trim().to_owned()
        };
        out.push_str(prefix.as_deref().unwrap_or(""));
        out.push_str(&wrap(&self.lang, &output));
        out.push_str(suffix.as_deref().unwrap_or(""));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlight_markup_syntax() {
        assert!(syntax().is_match("ruby"));
        assert!(syntax().is_match("c++ linenos"));
        assert!(syntax().is_match(r#"text mark_lines="1 2" linenos=table"#));
        assert!(!syntax().is_match("text linenos=x=y"));
        assert!(!syntax().is_match(""));
    }

    #[test]
    fn highlight_wrapper() {
        assert_eq!(
            wrap("c++", "x\n"),
            "<figure class=\"highlight\"><pre><code class=\"language-c--\" data-lang=\"c++\">x</code></pre></figure>"
        );
    }
}
