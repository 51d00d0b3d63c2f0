//! jekyll-include-cache: `{% include_cached %}` renders like `{% include %}`
//! and keeps the output for each distinct file and set of arguments, reusing
//! it on every later call in the build, whatever page makes it.
//!
//! The cache lives in the tag, so one engine (one build) has one cache.
//! Pages render in parallel, so when two pages make the same call at once
//! either rendering may be kept (Jekyll keeps the first in page order).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use hyde_liquid::{
    Body, Context, Engine, Error, Expression, Render, Tag, TagInput, Template, Value,
};

/// Registers `include_cached`.
pub fn register(engine: &mut Engine) {
    engine.register_tag(
        "include_cached",
        IncludeCachedTag {
            cache: Arc::default(),
        },
    );
}

type Cache = Arc<Mutex<HashMap<String, String>>>;

struct IncludeCachedTag {
    cache: Cache,
}

struct IncludeCachedNode {
    include: Template,
    file: String,
    params: Vec<(String, Expression)>,
    cache: Cache,
}

impl Tag for IncludeCachedTag {
    fn parse(&self, tag: TagInput<'_>, _body: Body) -> Result<Box<dyn Render>, Error> {
        let markup = tag.markup.trim();
        let include = Template::parse(&format!("{{% include {markup} %}}"), tag.engine)?;
        let (file, params) = split_markup(markup);
        Ok(Box::new(IncludeCachedNode {
            include,
            file: file.to_string(),
            params: params
                .into_iter()
                .map(|(k, v)| (k, Expression::parse(&v)))
                .collect(),
            cache: self.cache.clone(),
        }))
    }
}

/// The file part and the `key=value` parameters of an include's markup.
fn split_markup(markup: &str) -> (&str, Vec<(String, String)>) {
    let file_end = if markup.starts_with("{{") {
        markup.find("}}").map(|i| i + 2).unwrap_or(markup.len())
    } else {
        markup.find(char::is_whitespace).unwrap_or(markup.len())
    };
    let (file, mut rest) = markup.split_at(file_end);
    let mut params = Vec::new();
    loop {
        rest = rest.trim_start();
        let Some(eq) = rest.find('=') else { break };
        let key = rest[..eq].trim().to_string();
        let after = rest[eq + 1..].trim_start();
        let end = match after.chars().next() {
            Some(q @ ('"' | '\'')) => after[1..].find(q).map(|i| i + 2).unwrap_or(after.len()),
            _ => after.find(char::is_whitespace).unwrap_or(after.len()),
        };
        params.push((key, after[..end].to_string()));
        rest = &after[end..];
    }
    (file, params)
}

impl Render for IncludeCachedNode {
    fn render(&self, ctx: &mut Context, out: &mut String) -> Result<(), Error> {
        let mut key = if self.file.starts_with("{{") {
            Template::parse(&self.file, ctx.engine())?.render(ctx)?
        } else {
            self.file.clone()
        };
        for (name, expr) in &self.params {
            let v: Value = expr.evaluate(ctx)?;
            key.push_str(&format!("\u{0}{name}={}", v.inspect()));
        }
        if let Some(hit) = self.cache.lock().ok().and_then(|c| c.get(&key).cloned()) {
            out.push_str(&hit);
            return Ok(());
        }
        let mut rendered = String::new();
        self.include.render_to(ctx, &mut rendered)?;
        if let Ok(mut c) = self.cache.lock() {
            let kept = c.entry(key).or_insert(rendered);
            out.push_str(kept);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_splits_into_file_and_params() {
        let (f, p) = split_markup("nav.html active=\"a b\" items=page.items");
        assert_eq!(f, "nav.html");
        assert_eq!(
            p,
            vec![
                ("active".into(), "\"a b\"".into()),
                ("items".into(), "page.items".into())
            ]
        );
        let (f, p) = split_markup("{{ page.inc }} x='1'");
        assert_eq!(f, "{{ page.inc }}");
        assert_eq!(p, vec![("x".into(), "'1'".into())]);
    }
}
