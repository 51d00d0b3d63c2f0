//! Jekyll's `{% include %}` and `{% include_relative %}`.
//!
//! `{% include file.html key="value" key2=variable %}` renders
//! `_includes/file.html` (or the theme's) with the parameters readable as
//! `include.key`. The name may hold `{{ variables }}` and slashes; it is
//! validated as Jekyll validates it. `include_relative` looks next to the
//! page being rendered instead.

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use hyde_liquid::{
    Body, BodyKind, Context, Error, Expression, Map, Render, Tag, TagInput, Template, Value,
};
use regex::Regex;

use crate::liquid_ext::host::{site, SiteContext};

/// Which directories the tag searches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IncludeKind {
    /// `include`: the site's includes load paths.
    Includes,
    /// `include_relative`: the directory of the page being rendered.
    Relative,
}

/// The `include` / `include_relative` tag.
pub struct IncludeTag(pub IncludeKind);

enum Param {
    /// A quoted string, kept as a value so each render shares it.
    Literal(Value),
    Variable(Expression),
}

struct ParsedInclude {
    tag_name: String,
    kind: IncludeKind,
    file: String,
    /// The file name as a template, when it holds `{{ }}`.
    file_template: Option<Result<Template, Error>>,
    params: Option<Params>,
    /// Whether `file` is a fixed name that `validate_file_name` accepts.
    fixed_name_valid: bool,
}

/// An include's `key=value` parameters, ready to fill the `include` hash.
struct Params {
    /// Each distinct key once, in the order first written, with nil values:
    /// cloned and filled in by every render instead of hashing the keys
    /// into a new map each time.
    keys: Map,
    /// The parameters as written, each with its key's slot in `keys`: a
    /// key written twice keeps its first place and its last value, as
    /// inserting them one by one would.
    values: Vec<(usize, Param)>,
}

impl Params {
    fn new(params: Vec<(Value, Param)>) -> Params {
        let mut keys = Map::with_capacity(params.len());
        let values = params
            .into_iter()
            .map(|(key, param)| (keys.insert_full(key, Value::Nil).0, param))
            .collect();
        Params { keys, values }
    }
}

fn variable_syntax() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?s)(?P<variable>[^{]*(?:\{\{[\t\n\x0B\x0C\r ]*[A-Za-z0-9_\-.]+[\t\n\x0B\x0C\r ]*(?:\|.*)?\}\}[^\t\n\x0B\x0C\r {}]*)+)(?P<params>.*)",
        )
        .expect("valid regex")
    })
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r')
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Reads `"…"` or `'…'` (with backslash escapes) at `i`; returns the end.
fn quoted_end(s: &[u8], i: usize, quote: u8) -> Option<usize> {
    let mut j = i + 1;
    while j < s.len() {
        match s[j] {
            b'\\' => j += 2,
            c if c == quote => return Some(j + 1),
            _ => j += 1,
        }
    }
    None
}

/// Jekyll's `FULL_VALID_SYNTAX` check and `VALID_SYNTAX` scan in one pass:
/// `key=value` pairs separated by whitespace; `None` when invalid.
fn parse_params(params: &str) -> Option<Vec<(Value, Param)>> {
    let s = params.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    loop {
        while i < s.len() && is_space(s[i]) {
            i += 1;
        }
        if i == s.len() {
            return Some(out);
        }
        let key_start = i;
        while i < s.len() && (is_word(s[i]) || s[i] == b'-') {
            i += 1;
        }
        if i == key_start {
            return None;
        }
        let key = &params[key_start..i];
        while i < s.len() && is_space(s[i]) {
            i += 1;
        }
        if s.get(i) != Some(&b'=') {
            return None;
        }
        i += 1;
        while i < s.len() && is_space(s[i]) {
            i += 1;
        }
        let value = match s.get(i)? {
            &q @ (b'"' | b'\'') => {
                let end = quoted_end(s, i, q)?;
                let inner = &params[i + 1..end - 1];
                i = end;
                let escaped = if q == b'"' { "\\\"" } else { "\\'" };
                Param::Literal(Value::str(inner.replace(escaped, &(q as char).to_string())))
            }
            _ => {
                let start = i;
                while i < s.len() && (is_word(s[i]) || s[i] == b'.' || s[i] == b'-') {
                    i += 1;
                }
                if i == start {
                    return None;
                }
                Param::Variable(Expression::parse(&params[start..i]))
            }
        };
        if i < s.len() && !is_space(s[i]) {
            return None;
        }
        out.push((Value::str(key), value));
    }
}

fn syntax_example(tag: &str) -> String {
    format!("{{% {tag} file.ext param='value' param2='value' %}}")
}

impl Tag for IncludeTag {
    fn body(&self) -> BodyKind {
        BodyKind::None
    }

    fn parse(&self, tag: TagInput<'_>, _body: Body) -> Result<Box<dyn Render>, Error> {
        let markup = tag
            .markup
            .trim_matches(|c: char| c.is_ascii_whitespace() || c == '\0');
        let (file, params) = match variable_syntax().captures(markup) {
            Some(c) => (
                c["variable"].trim().to_owned(),
                Some(c["params"].trim().to_owned()),
            ),
            None => {
                let mut parts = markup.splitn(2, |c: char| c.is_ascii_whitespace());
                let file = parts.next().unwrap_or("").to_owned();
                let rest = parts.next().map(|p| p.trim_start().to_owned());
                (file, rest)
            }
        };
        let params = match params {
            None => None,
            Some(p) => Some(Params::new(parse_params(&p).ok_or_else(|| {
                Error::runtime(format!(
                    "Invalid syntax for include tag:\n\n{p}\n\nValid syntax:\n\n{}\n\n",
                    syntax_example(tag.name)
                ))
            })?)),
        };
        let file_template = variable_syntax()
            .is_match(&file)
            .then(|| Template::parse(&file, tag.engine));
        let fixed_name_valid =
            file_template.is_none() && validate_file_name(tag.name, &file).is_ok();
        Ok(Box::new(ParsedInclude {
            fixed_name_valid,
            tag_name: tag.name.to_owned(),
            kind: self.0,
            file,
            file_template,
            params,
        }))
    }
}

/// Jekyll's `validate_file_name`.
fn validate_file_name(tag: &str, file: &str) -> Result<(), Error> {
    let bad_sequence = file
        .as_bytes()
        .windows(2)
        .any(|w| matches!(w[0], b'.' | b'/') && matches!(w[1], b'.' | b'/'));
    let bad_char = file.is_empty()
        || !file
            .bytes()
            .all(|b| is_word(b) || b"/.-()+~#@".contains(&b));
    if bad_sequence || bad_char {
        return Err(Error::runtime(format!(
            "Invalid syntax for include tag. File contains invalid characters or sequences:\n\n  {file}\n\nValid syntax:\n\n  {}\n\n",
            syntax_example(tag)
        )));
    }
    Ok(())
}

/// Ruby's `inspect` of an array of paths, as the not-found message shows it.
fn inspect_dirs(dirs: &[PathBuf]) -> String {
    let items: Vec<String> = dirs
        .iter()
        .map(|d| hyde_liquid::value::inspect(&Value::from(d.to_string_lossy().into_owned())))
        .collect();
    format!("[{}]", items.join(", "))
}

/// Jekyll's `locate_include_file`: the first directory holding `file` as a
/// regular file (in safe mode, one that does not resolve outside it).
pub(crate) fn locate<S: SiteContext + ?Sized>(
    site: &S,
    dirs: &[PathBuf],
    file: &str,
) -> Result<PathBuf, Error> {
    // Ruby's File.join keeps `dir` for a name with a leading `/` (`{% include
    // /x.html %}`, common in academicpages); Path::join would replace it.
    let relative = file.trim_start_matches('/');
    for dir in dirs {
        let path = dir.join(relative);
        if !path.is_file() {
            continue;
        }
        if site.safe() {
            let inside = std::fs::canonicalize(&path)
                .map(|real| real.to_string_lossy().starts_with(&*dir.to_string_lossy()))
                .unwrap_or(false);
            if !inside {
                continue;
            }
        }
        return Ok(path);
    }
    let tail = if site.safe() {
        " is not a symlink as those are not allowed in safe mode."
    } else {
        ", if it is a symlink, does not point outside your site source."
    };
    Err(Error::runtime(format!(
        "Could not locate the included file '{file}' in any of {}. Ensure it exists in one of those directories and{tail}",
        inspect_dirs(dirs)
    )))
}

/// The directory `include_relative` searches: the page's own directory
/// (inside `collections_dir` for documents), or the source without a page.
fn page_dir(site: &dyn SiteContext, ctx: &Context) -> PathBuf {
    let Some(page) = ctx.register("page") else {
        return site.source().to_path_buf();
    };
    let path = page
        .get("path")
        .map(|p| p.to_liquid_string())
        .unwrap_or_default();
    let path = path.strip_suffix("/#excerpt").unwrap_or(&path);
    let mut rel = PathBuf::new();
    if page.get("collection").is_some_and(|c| c.is_truthy()) {
        rel.push(site.collections_dir());
    }
    rel.push(path);
    let dir = rel.parent().map(Path::to_path_buf).unwrap_or_default();
    site.source().join(dir)
}

impl ParsedInclude {
    fn file_name(&self, ctx: &mut Context) -> Result<Cow<'_, str>, Error> {
        match &self.file_template {
            Some(Ok(t)) => t.render(ctx).map(Cow::Owned),
            Some(Err(e)) => Err(e.clone()),
            None => Ok(Cow::Borrowed(&self.file)),
        }
    }

    fn params_value(&self, ctx: &Context, params: &Params) -> Result<Value, Error> {
        let mut map = params.keys.clone();
        for (slot, param) in &params.values {
            map[*slot] = match param {
                Param::Literal(v) => v.clone(),
                Param::Variable(e) => e.evaluate(ctx)?,
            };
        }
        Ok(Value::hash(map))
    }
}

impl Render for ParsedInclude {
    fn render(&self, ctx: &mut Context, out: &mut String) -> Result<(), Error> {
        let site = site(ctx)?;
        let file = self.file_name(ctx)?;
        // A fixed name that passed once passes on every render; Jekyll
        // still checks only when the tag renders.
        if !self.fixed_name_valid {
            validate_file_name(&self.tag_name, &file)?;
        }
        let (path, template) = match self.kind {
            IncludeKind::Includes => site.include(&file, ctx.engine())?,
            IncludeKind::Relative => {
                let path = locate(&*site, &[page_dir(&*site, ctx)], &file)?;
                let template: Arc<Template> = site.load_include(&path, ctx.engine())?;
                (path.into(), template)
            }
        };
        site.add_include_dependency(&path);
        let started = site
            .profiling()
            .then(|| (std::time::Instant::now(), out.len()));
        let rendered = ctx.with_scope(|ctx| {
            if let Some(params) = &self.params {
                let value = self.params_value(ctx, params)?;
                ctx.set_local("include", value);
            }
            ctx.render_nested(&template, out)
        });
        if let (Some((t0, before)), Ok(())) = (started, &rendered) {
            site.profile_include(&path, out.len() - before, t0.elapsed());
        }
        rendered
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn include_params_syntax() {
        assert_eq!(
            parse_params(r#"a="1" b='2' c=x.y d-e = "q\"r""#).map(|p| p.len()),
            Some(4)
        );
        assert!(parse_params("name").is_none());
        assert!(parse_params(r#"name="x" junk"#).is_none());
        assert!(parse_params(r#"a="1"b="2""#).is_none());
        assert_eq!(parse_params("").map(|p| p.len()), Some(0));
    }

    #[test]
    fn include_params_repeated_key_keeps_first_place_and_last_value() {
        let params = Params::new(parse_params(r#"a="1" b=x a="3""#).unwrap());
        let keys: Vec<String> = params.keys.keys().map(Value::to_liquid_string).collect();
        assert_eq!(keys, ["a", "b"]);
        let slots: Vec<usize> = params.values.iter().map(|(slot, _)| *slot).collect();
        assert_eq!(slots, [0, 1, 0]);
    }

    #[test]
    fn include_file_name_validation() {
        assert!(validate_file_name("include", "sub/with-dash_1.2.html").is_ok());
        assert!(validate_file_name("include", "../secret.html").is_err());
        assert!(validate_file_name("include", "a b.html").is_err());
    }
}
