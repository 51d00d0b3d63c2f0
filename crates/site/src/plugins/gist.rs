//! jekyll-gist 1.5: `{% gist [user/]id [file] %}` renders the gist's script
//! tag. The `<noscript>` fallback needs the gist fetched over the network,
//! which hyde never does: it is left out, with one warning per build.

use hyde_liquid::{Body, Context, Engine, Error, Expression, Render, Tag, TagInput, Value};

use super::util;
use crate::error::Warning;
use crate::site::Site;

/// Registers `gist`.
pub fn register(engine: &mut Engine, _site: &Site) {
    engine.register_tag("gist", GistTag);
}

/// Whether the site asks for the `<noscript>` fallback (`gist.noscript` is not false).
fn wants_noscript(site: &Site) -> bool {
    !matches!(
        util::config_in(site, "gist", "noscript"),
        Some(Value::Bool(false))
    )
}

/// The one warning, when some page or layout uses `{% gist %}` and the
/// fallback is wanted.
pub fn warnings(site: &Site) -> Vec<Warning> {
    if !wants_noscript(site) {
        return Vec::new();
    }
    let uses = |text: &str| {
        text.match_indices("{%").any(|(i, _)| {
            text[i + 2..]
                .trim_start_matches('-')
                .trim_start()
                .starts_with("gist ")
        })
    };
    let any = site.pages.iter().any(|p| uses(&p.content))
        || site
            .collections
            .iter()
            .flat_map(|c| c.docs.iter())
            .any(|d| uses(&d.content))
        || site.layouts.values().any(|l| uses(&l.content));
    if !any {
        return Vec::new();
    }
    vec![Warning::plain(
        "jekyll-gist: the <noscript> fallback of {% gist %} needs the gist fetched from GitHub; hyde does not fetch it, \
         so gists render as script tags only (set gist.noscript: false to silence this)",
    )]
}

struct GistTag;

struct GistNode {
    id: String,
    file: String,
}

/// Splits the markup as the plugin does: an id, then an optional file name.
fn arguments(markup: &str) -> Option<(String, String)> {
    let parts: Vec<&str> = markup.split_whitespace().collect();
    match parts.as_slice() {
        [id] => Some((id.to_string(), String::new())),
        [id, file] => Some((id.to_string(), file.to_string())),
        _ => None,
    }
}

impl Tag for GistTag {
    fn parse(&self, tag: TagInput<'_>, _body: Body) -> Result<Box<dyn Render>, Error> {
        let markup = tag.markup.trim();
        match arguments(markup) {
            Some((id, file)) => Ok(Box::new(GistNode { id, file })),
            None => Err(Error::syntax(format!(
                "Syntax Error in tag 'gist' while parsing the following markup:\n\n  {markup}\n\nValid syntax:\n  \
                 {{% gist user/1234567 %}}\n  {{% gist user/1234567 foo.js %}}\n  {{% gist 28949e1d5ee2273f9fd3 %}}\n  \
                 {{% gist 28949e1d5ee2273f9fd3 best.md %}}\n"
            ))),
        }
    }
}

/// The value of `name` when the context has it, else the text itself.
fn resolve(ctx: &Context, name: &str) -> String {
    if name.is_empty() {
        return String::new();
    }
    match Expression::parse(name).evaluate(ctx) {
        Ok(v) if !v.is_nil() => v.to_liquid_string(),
        _ => name.to_string(),
    }
}

impl Render for GistNode {
    fn render(&self, ctx: &mut Context, out: &mut String) -> Result<(), Error> {
        let id = resolve(ctx, &self.id);
        let file = resolve(ctx, &self.file);
        out.push_str("<script src=\"https://gist.github.com/");
        out.push_str(&id);
        out.push_str(".js");
        if !file.is_empty() {
            out.push_str("?file=");
            out.push_str(&file);
        }
        out.push_str("\"> </script>");
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gist_arguments() {
        assert_eq!(arguments("abc"), Some(("abc".into(), "".into())));
        assert_eq!(
            arguments("u/abc f.md"),
            Some(("u/abc".into(), "f.md".into()))
        );
        assert_eq!(arguments("a b c"), None);
    }
}
