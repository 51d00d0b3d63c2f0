//! The date filters: `date_to_xmlschema`, `date_to_rfc822`,
//! `date_to_string` and `date_to_long_string` (with `"ordinal"` and `"US"`).
//!
//! Jekyll turns the input into a time with `Liquid::Utils.to_date`, then
//! shows it in the site's local time zone (`Time#localtime`: the context's
//! zone, which the site sets from `timezone`); an input it
//! cannot read is an `InvalidDateError`. Empty input (nil, `""`) passes
//! through unchanged. Ruby's `Time` holds any Integer year; a time past
//! chrono's years is formatted with the engine's `Time::strftime`, which
//! prints such years as Ruby does.

use chrono::{DateTime, Datelike, FixedOffset, TimeZone, Timelike};
use hyde_liquid::value::inspect;
use hyde_liquid::{to_date, to_time, Context, Error, FilterArgs, Time, Value};

use super::ruby;

/// `Liquid::Utils.to_date(input)` followed by `to_time.localtime`, in the
/// context's zone (the site's `timezone`); `None` when Liquid cannot read
/// the input as a date. A `Date` becomes local midnight, as `Date#to_time`.
pub fn to_local_time(ctx: &Context, input: &Value) -> Option<DateTime<FixedOffset>> {
    let zone = ctx.zone();
    let time = match input {
        Value::Date(d) => {
            let midnight = d.and_hms_opt(0, 0, 0)?;
            zone.offset_at_local(&midnight)
                .from_local_datetime(&midnight)
                .single()?
        }
        other => to_date(other, ctx)?,
    };
    let utc = time.naive_utc();
    Some(zone.offset_at_utc(&utc).from_utc_datetime(&utc))
}

/// A time past chrono's years (`Time.at(10**40)`), in the context's zone
/// as Ruby's `Time#localtime` guesses it there.
fn far_local_time(ctx: &Context, input: &Value) -> Option<Time> {
    Some(to_time(input, ctx)?.localtime(ctx.zone()))
}

fn invalid_date(input: &Value) -> Error {
    Error::runtime(format!(
        "Invalid Date: '{}' is not a valid datetime.",
        inspect(input)
    ))
}

/// `return date if date.to_s.empty?`
fn passes_through(input: &Value) -> bool {
    match input {
        Value::Nil => true,
        Value::Str(s) => s.is_empty(),
        // Never empty: no need to format them.
        Value::Time(_) | Value::Date(_) => false,
        other => ruby::to_s(other).is_empty(),
    }
}

/// Ruby's `Time#xmlschema` (no fraction): `2011-04-24T20:34:46+08:00`.
pub fn xmlschema(t: &DateTime<FixedOffset>) -> String {
    let offset = t.offset().local_minus_utc();
    if !(0..=9999).contains(&t.year()) || offset % 60 != 0 {
        return t.format(XMLSCHEMA).to_string();
    }
    // Written digit by digit: this runs for every date in feeds and pages.
    let mut out = String::with_capacity(25);
    let year = t.year() as u32;
    push_digits(&mut out, year / 100);
    push_digits(&mut out, year % 100);
    for (sep, n) in [('-', t.month()), ('-', t.day()), ('T', t.hour())] {
        out.push(sep);
        push_digits(&mut out, n);
    }
    for n in [t.minute(), t.second()] {
        out.push(':');
        push_digits(&mut out, n);
    }
    out.push(if offset < 0 { '-' } else { '+' });
    let minutes = offset.unsigned_abs() / 60;
    push_digits(&mut out, minutes / 60);
    out.push(':');
    push_digits(&mut out, minutes % 60);
    out
}

/// Appends `n` (below 100) as two digits.
fn push_digits(out: &mut String, n: u32) {
    out.push(char::from(b'0' + (n / 10 % 10) as u8));
    out.push(char::from(b'0' + (n % 10) as u8));
}

/// `Time#xmlschema` as a strftime format (what [`xmlschema`] writes).
const XMLSCHEMA: &str = "%Y-%m-%dT%H:%M:%S%:z";

/// Ruby's `Time#rfc822` as a strftime format.
const RFC822: &str = "%a, %d %b %Y %H:%M:%S %z";

/// Ruby's `Time#rfc822`: `Sun, 24 Apr 2011 12:34:46 +0000`.
pub fn rfc822(t: &DateTime<FixedOffset>) -> String {
    t.format(RFC822).to_string()
}

fn ordinal(day: u32) -> &'static str {
    if (11..=13).contains(&day) {
        return "th";
    }
    match day % 10 {
        1 => "st",
        2 => "nd",
        3 => "rd",
        _ => "th",
    }
}

/// Jekyll's `stringify_date` as a strftime format for a time on `day`:
/// `27 Jan 2011`, `27th Jan 2011` or `Jan 27th, 2011` (`month` is `%b` or
/// `%B`).
fn stringify_format(day: u32, month: &str, kind: Option<&str>, style: Option<&str>) -> String {
    if kind == Some("ordinal") {
        let ordinal_day = format!("{day}{}", ordinal(day));
        if style == Some("US") {
            return format!("{month} {ordinal_day}, %Y");
        }
        return format!("{ordinal_day} {month} %Y");
    }
    format!("%d {month} %Y")
}

/// Jekyll's `stringify_date`: `27 Jan 2011`, `27th Jan 2011` or
/// `Jan 27th, 2011` (`month` is `%b` or `%B`).
pub fn stringify(
    t: &DateTime<FixedOffset>,
    month: &str,
    kind: Option<&str>,
    style: Option<&str>,
) -> String {
    t.format(&stringify_format(t.day(), month, kind, style))
        .to_string()
}

/// Applies a date filter: `format` for a time in chrono's years, else the
/// strftime format `far_format(day)` gives, through the engine's Ruby
/// strftime.
fn date_filter(
    input: &Value,
    ctx: &Context,
    format: impl Fn(&DateTime<FixedOffset>) -> String,
    far_format: impl Fn(u32) -> String,
) -> Result<Value, Error> {
    if passes_through(input) {
        return Ok(input.clone());
    }
    if let Some(t) = to_local_time(ctx, input) {
        return Ok(format(&t).into());
    }
    let t = far_local_time(ctx, input).ok_or_else(|| invalid_date(input))?;
    let day = t.strftime("%-d", "").parse().unwrap_or(1);
    Ok(t.strftime(&far_format(day), "").into())
}

fn str_arg<'a>(args: &FilterArgs<'a>, i: usize) -> Option<&'a str> {
    args.get(i).and_then(Value::as_str)
}

/// The `date_to_xmlschema` filter.
pub fn date_to_xmlschema(
    input: &Value,
    args: &FilterArgs<'_>,
    ctx: &mut Context,
) -> Result<Value, Error> {
    args.check_arity(0, 0)?;
    date_filter(input, ctx, xmlschema, |_| XMLSCHEMA.to_owned())
}

/// The `date_to_rfc822` filter.
pub fn date_to_rfc822(
    input: &Value,
    args: &FilterArgs<'_>,
    ctx: &mut Context,
) -> Result<Value, Error> {
    args.check_arity(0, 0)?;
    date_filter(input, ctx, rfc822, |_| RFC822.to_owned())
}

/// The `date_to_string` filter: `27 Jan 2011`, with `"ordinal"` and `"US"`.
pub fn date_to_string(
    input: &Value,
    args: &FilterArgs<'_>,
    ctx: &mut Context,
) -> Result<Value, Error> {
    args.check_arity(0, 2)?;
    let (kind, style) = (str_arg(args, 0), str_arg(args, 1));
    date_filter(
        input,
        ctx,
        |t| stringify(t, "%b", kind, style),
        |day| stringify_format(day, "%b", kind, style),
    )
}

/// The `date_to_long_string` filter: `27 January 2011`, with `"ordinal"` and `"US"`.
pub fn date_to_long_string(
    input: &Value,
    args: &FilterArgs<'_>,
    ctx: &mut Context,
) -> Result<Value, Error> {
    args.check_arity(0, 2)?;
    let (kind, style) = (str_arg(args, 0), str_arg(args, 1));
    date_filter(
        input,
        ctx,
        |t| stringify(t, "%B", kind, style),
        |day| stringify_format(day, "%B", kind, style),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    // Expected values produced by Jekyll 4.3.1 (TZ=UTC, so shown as given).
    #[test]
    fn formats() {
        let time = t("2011-01-27T23:00:00+00:00");
        assert_eq!(xmlschema(&time), "2011-01-27T23:00:00+00:00");
        assert_eq!(
            rfc822(&t("2013-12-22T20:42:00+00:00")),
            "Sun, 22 Dec 2013 20:42:00 +0000"
        );
        assert_eq!(
            stringify(&time, "%b", Some("ordinal"), None),
            "27th Jan 2011"
        );
        assert_eq!(
            stringify(&time, "%b", Some("ordinal"), Some("US")),
            "Jan 27th, 2011"
        );
        assert_eq!(stringify(&time, "%B", None, Some("US")), "27 January 2011");
        assert_eq!(
            stringify(&t("2020-06-11T00:00:00+00:00"), "%b", Some("ordinal"), None),
            "11th Jun 2020"
        );
    }

    #[test]
    fn xmlschema_digit_by_digit_matches_strftime() {
        for s in [
            "0001-02-03T04:05:06+00:00",
            "1999-12-31T23:59:59-08:00",
            "2024-02-29T12:00:00+05:30",
            "2026-11-26T00:11:41-09:30",
            "9999-01-01T00:00:00+14:00",
        ] {
            let time = t(s);
            assert_eq!(xmlschema(&time), time.format(XMLSCHEMA).to_string());
        }
    }

    /// Times past chrono's years, as Jekyll 4.3.1 formats them (TZ=UTC;
    /// rendered with `Liquid::Template.parse(...).render!` on these inputs).
    #[test]
    fn far_times_as_jekyll_formats_them() {
        let mut engine = hyde_liquid::Engine::new();
        super::super::register(&mut engine);
        let big = |s: &str| Value::from(s.parse::<hyde_liquid::BigInt>().unwrap());
        let e40 = big("10000000000000000000000000000000000000000");
        let minus_e30 = big("-1000000000000000000000000000000");
        let e20_digits = Value::str("100000000000000000000");
        let cases = [
            (
                &e40,
                "date_to_xmlschema",
                "316887385068114309645621034631676-12-12T17:46:40+00:00",
            ),
            (
                &minus_e30,
                "date_to_xmlschema",
                "-31688738506811430962593-11-24T22:13:20+00:00",
            ),
            (
                &e20_digits,
                "date_to_xmlschema",
                "3168873852651-02-22T09:46:40+00:00",
            ),
            (
                &e40,
                "date_to_rfc822",
                "Sat, 12 Dec 316887385068114309645621034631676 17:46:40 +0000",
            ),
            (
                &minus_e30,
                "date_to_rfc822",
                "Tue, 24 Nov -31688738506811430962593 22:13:20 +0000",
            ),
            (
                &e40,
                "date_to_string",
                "12 Dec 316887385068114309645621034631676",
            ),
            (
                &minus_e30,
                "date_to_string: \"ordinal\"",
                "24th Nov -31688738506811430962593",
            ),
            (
                &e20_digits,
                "date_to_string: \"ordinal\"",
                "22nd Feb 3168873852651",
            ),
            (
                &e40,
                "date_to_long_string: \"ordinal\", \"US\"",
                "December 12th, 316887385068114309645621034631676",
            ),
            (
                &e20_digits,
                "date_to_long_string: \"ordinal\", \"US\"",
                "February 22nd, 3168873852651",
            ),
        ];
        for (input, filter, want) in cases {
            let source = format!("{{{{ v | {filter} }}}}");
            let template = hyde_liquid::Template::parse(&source, &engine).unwrap();
            let mut ctx = Context::new(&engine);
            ctx.set_global("v", input.clone());
            assert_eq!(
                template.render(&mut ctx).unwrap(),
                want,
                "{source} on {input:?}"
            );
        }
    }
}
