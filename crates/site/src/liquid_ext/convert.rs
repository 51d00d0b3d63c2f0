//! The converter filters: `markdownify`, `smartify`, `scssify` and
//! `sassify`, which hand their input to the site's converters.

use std::borrow::Cow;

use hyde_liquid::{Context, Error, FilterArgs, Value};

use super::host::{site, site_ref, SiteContext};
use super::ruby;

fn convert(
    input: &Value,
    args: &FilterArgs<'_>,
    ctx: &Context,
    run: fn(&dyn SiteContext, &str) -> Result<String, Error>,
) -> Result<Value, Error> {
    args.check_arity(0, 0)?;
    let site = site(ctx)?;
    run(&*site, &ruby::to_s(input)).map(Value::from)
}

/// The `markdownify` filter: the site's Markdown converter.
pub fn markdownify(
    input: &Value,
    args: &FilterArgs<'_>,
    ctx: &mut Context,
) -> Result<Value, Error> {
    args.check_arity(0, 0)?;
    let site = site_ref(ctx)?;
    let text = match input {
        Value::Str(s) => Cow::Borrowed(&**s),
        other => Cow::Owned(ruby::to_s(other)),
    };
    site.markdownify_str(&text).map(Value::Str)
}

/// The `smartify` filter: SmartyPants quotes and dashes.
pub fn smartify(input: &Value, args: &FilterArgs<'_>, ctx: &mut Context) -> Result<Value, Error> {
    convert(input, args, ctx, |s, text| s.smartify(text))
}

/// The `scssify` filter: SCSS to CSS with the site's Sass settings.
pub fn scssify(input: &Value, args: &FilterArgs<'_>, ctx: &mut Context) -> Result<Value, Error> {
    convert(input, args, ctx, |s, text| s.scssify(text))
}

/// The `sassify` filter: indented Sass to CSS with the site's Sass settings.
pub fn sassify(input: &Value, args: &FilterArgs<'_>, ctx: &mut Context) -> Result<Value, Error> {
    convert(input, args, ctx, |s, text| s.sassify(text))
}
