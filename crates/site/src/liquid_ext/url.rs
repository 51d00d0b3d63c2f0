//! The URL filters: `relative_url`, `absolute_url`, `strip_index` (Jekyll's
//! `URLFilters`), `cgi_escape` and `uri_escape`.
//!
//! Both URL filters prefix `site.baseurl` (and `site.url`) unless the input
//! already has a scheme, then normalise the result as Addressable does
//! (percent-encoding, dot segments, lower-case scheme and host).

use std::borrow::Cow;

use hyde_liquid::{Context, Error, FilterArgs, Value};

use super::host::{site_ref, SiteContext};
use super::ruby;
use super::uri;

/// `input.url` for objects with a `url` method (document and excerpt
/// drops), else the input itself. Pages reach Liquid as hashes and static
/// files as `StaticFileDrop`s, neither of which has the method, so they keep
/// their `to_s`, as in Jekyll.
fn url_of(input: &Value) -> Cow<'_, Value> {
    if let Value::Object(o) = input {
        let has_url_method = matches!(
            o.type_name(),
            "Jekyll::Drops::DocumentDrop" | "Jekyll::Drops::ExcerptDrop"
        );
        if has_url_method && o.contains_key("url") {
            return Cow::Owned(o.get("url").unwrap_or(Value::Nil));
        }
    }
    Cow::Borrowed(input)
}

/// `site.baseurl` as the URL filters prefix it: without its trailing `/`.
fn base_path(site: &dyn SiteContext) -> &str {
    let baseurl = site.baseurl().unwrap_or("");
    baseurl.strip_suffix('/').unwrap_or(baseurl)
}

fn push_with_leading_slash(out: &mut String, s: &str) {
    if !s.is_empty() && !s.starts_with('/') {
        out.push('/');
    }
    out.push_str(s);
}

fn invalid(e: uri::InvalidUri) -> Error {
    Error::runtime(format!("Addressable::URI::InvalidURIError: {e}"))
}

/// Jekyll's `compute_relative_url` for a URL string.
pub fn relative_url_str(site: &dyn SiteContext, input: &str) -> Result<String, Error> {
    let baseurl = base_path(site);
    let mut joined = String::with_capacity(baseurl.len() + input.len() + 2);
    push_with_leading_slash(&mut joined, baseurl);
    push_with_leading_slash(&mut joined, input);
    if uri::is_normal_path(&joined) {
        return Ok(joined);
    }
    uri::normalize(&joined).map_err(invalid)
}

/// Jekyll's `relative_url` on any value; `None` for nil.
pub fn relative_url_value(site: &dyn SiteContext, input: &Value) -> Result<Value, Error> {
    if input.is_nil() {
        return Ok(Value::Nil);
    }
    let input = url_of(input);
    let text = match &*input {
        Value::Str(s) => Cow::Borrowed(&**s),
        other => Cow::Owned(ruby::to_s(other)),
    };
    if uri::checked_is_absolute(&text).map_err(invalid)? {
        return Ok(input.into_owned());
    }
    // Without a base URL an already-normal path is its own result (the
    // usual `'/assets/x' | relative_url` on a site served from the root):
    // share the input's string instead of copying it.
    if let Value::Str(s) = &*input {
        if base_path(site).is_empty() && uri::is_normal_path(s) {
            return Ok(Value::Str(s.clone()));
        }
    }
    relative_url_str(site, &text).map(Value::from)
}

/// Jekyll's `absolute_url` on any value.
pub fn absolute_url_value(site: &dyn SiteContext, input: &Value) -> Result<Value, Error> {
    if input.is_nil() {
        return Ok(Value::Nil);
    }
    let input = url_of(input);
    let text = match &*input {
        Value::Str(s) => Cow::Borrowed(&**s),
        other => Cow::Owned(ruby::to_s(other)),
    };
    if uri::checked_is_absolute(&text).map_err(invalid)? {
        return Ok(input.into_owned());
    }
    let relative = relative_url_str(site, &text)?;
    match site.url() {
        None | Some("") => Ok(Value::from(relative)),
        Some(site_url) => {
            let mut joined = String::with_capacity(site_url.len() + relative.len());
            joined.push_str(site_url);
            joined.push_str(&relative);
            if uri::is_normal_origin(site_url) && uri::is_normal_path(&relative) {
                return Ok(Value::from(joined));
            }
            uri::normalize(&joined).map(Value::from).map_err(invalid)
        }
    }
}

/// The `relative_url` filter.
pub fn relative_url(
    input: &Value,
    args: &FilterArgs<'_>,
    ctx: &mut Context,
) -> Result<Value, Error> {
    args.check_arity(0, 0)?;
    relative_url_value(site_ref(ctx)?, input)
}

/// The `absolute_url` filter.
pub fn absolute_url(
    input: &Value,
    args: &FilterArgs<'_>,
    ctx: &mut Context,
) -> Result<Value, Error> {
    args.check_arity(0, 0)?;
    absolute_url_value(site_ref(ctx)?, input)
}

/// The `strip_index` filter: a trailing `/index.html` (or `.htm`) becomes `/`.
pub fn strip_index(
    input: &Value,
    args: &FilterArgs<'_>,
    _ctx: &mut Context,
) -> Result<Value, Error> {
    args.check_arity(0, 0)?;
    if ruby::to_s(input).is_empty() {
        return Ok(Value::Nil);
    }
    let s = ruby::expect_str("sub", input)?;
    // Ruby's `$` also matches before a line break: the first line that ends
    // in `/index.html` is the one replaced.
    let mut start = 0;
    for line in s.split_inclusive('\n') {
        let body = line.strip_suffix('\n').unwrap_or(line);
        for suffix in ["/index.html", "/index.htm"] {
            if let Some(stem) = body.strip_suffix(suffix) {
                let end = start + stem.len();
                return Ok(format!("{}/{}", &s[..end], &s[start + body.len()..]).into());
            }
        }
        start += line.len();
    }
    Ok(input.clone())
}

/// Ruby's `TypeError` for a non-string where a string is needed.
fn no_implicit_string(v: &Value) -> Error {
    let class = match v {
        Value::Nil => "nil",
        Value::Bool(true) => "true",
        Value::Bool(false) => "false",
        _ => v.type_name(),
    };
    Error::runtime(format!("no implicit conversion of {class} into String"))
}

/// The `cgi_escape` filter: Ruby's `CGI.escape`.
pub fn cgi_escape(
    input: &Value,
    args: &FilterArgs<'_>,
    _ctx: &mut Context,
) -> Result<Value, Error> {
    args.check_arity(0, 0)?;
    let s = input.as_str().ok_or_else(|| no_implicit_string(input))?;
    Ok(uri::cgi_escape(s).into())
}

/// The `uri_escape` filter: `Addressable::URI.normalize_component`.
pub fn uri_escape(
    input: &Value,
    args: &FilterArgs<'_>,
    _ctx: &mut Context,
) -> Result<Value, Error> {
    args.check_arity(0, 0)?;
    match input {
        Value::Nil => Ok(Value::Nil),
        Value::Str(s) => Ok(uri::uri_escape(s).into()),
        other => Err(Error::runtime(format!(
            "Can't convert {} into String.",
            other.type_name()
        ))),
    }
}
