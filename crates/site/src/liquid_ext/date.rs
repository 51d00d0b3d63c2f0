//! The date filters: `date_to_xmlschema`, `date_to_rfc822`,
//! `date_to_string` and `date_to_long_string` (with `"ordinal"` and `"US"`).
//!
//! Jekyll turns the input into a time with `Liquid::Utils.to_date`, then
//! shows it in the site's local time zone (`Time#localtime`); an input it
//! cannot read is an `InvalidDateError`. Empty input (nil, `""`) passes
//! through unchanged.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, TimeZone};
use hyde_liquid::value::inspect;
use hyde_liquid::{Context, Error, FilterArgs, Value};

use super::host::{site, SiteContext};
use super::ruby;

/// `Liquid::Utils.to_date(input)` followed by `to_time.localtime`; `None`
/// when Liquid cannot read the input as a date.
pub fn to_local_time(site: &dyn SiteContext, input: &Value) -> Option<DateTime<FixedOffset>> {
    let time = match input {
        Value::Time(t) => *t,
        Value::Date(d) => local_midnight(site, *d)?,
        Value::Int(i) => at(*i)?,
        Value::Str(s) => {
            let lower = s.to_lowercase();
            if lower.is_empty() {
                return None;
            }
            if lower == "now" || lower == "today" {
                chrono::Utc::now().fixed_offset()
            } else if lower.bytes().all(|b| b.is_ascii_digit()) {
                at(lower.parse().ok()?)?
            } else {
                parse_time(site, &lower)?
            }
        }
        _ => return None,
    };
    Some(site.localtime(time))
}

fn at(secs: i64) -> Option<DateTime<FixedOffset>> {
    DateTime::from_timestamp(secs, 0).map(|t| t.fixed_offset())
}

fn local_midnight(site: &dyn SiteContext, date: NaiveDate) -> Option<DateTime<FixedOffset>> {
    local(site, date.and_hms_opt(0, 0, 0)?)
}

fn local(site: &dyn SiteContext, naive: NaiveDateTime) -> Option<DateTime<FixedOffset>> {
    site.local_offset(naive)
        .from_local_datetime(&naive)
        .single()
}

/// The shapes of `Time.parse` input that sites use: `YYYY-MM-DD`, optionally
/// followed by `[T ]HH:MM[:SS[.frac]]` and a zone (`Z`, `UTC`, `+HH:MM`,
/// `+HHMM`, `+HH`).
pub fn parse_time(site: &dyn SiteContext, text: &str) -> Option<DateTime<FixedOffset>> {
    let text = text.trim();
    let (date_part, rest) = text.split_at(text.find([' ', 't']).unwrap_or(text.len()));
    let mut fields = date_part.splitn(3, ['-', '/']);
    let year: i32 = fields.next()?.parse().ok()?;
    let month: u32 = fields.next()?.parse().ok()?;
    let day: u32 = fields.next()?.parse().ok()?;
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    let rest = rest.trim_start_matches([' ', 't']);
    if rest.is_empty() {
        return local_midnight(site, date);
    }
    let time_end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.'))
        .unwrap_or(rest.len());
    let (clock, zone) = rest.split_at(time_end);
    let mut parts = clock.split(':');
    let hour: u32 = parts.next()?.parse().ok()?;
    let minute: u32 = parts.next().map_or(Some(0), |m| m.parse().ok())?;
    let (sec, nanos) = match parts.next() {
        Some(s) => {
            let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
            let mut digits: String = frac.chars().take(9).collect();
            while digits.len() < 9 {
                digits.push('0');
            }
            (whole.parse::<u32>().ok()?, digits.parse::<u32>().ok()?)
        }
        None => (0, 0),
    };
    let naive = date.and_hms_nano_opt(hour, minute, sec, nanos)?;
    let zone = zone.trim();
    if zone.is_empty() {
        return local(site, naive);
    }
    let offset = parse_zone(zone)?;
    offset.from_local_datetime(&naive).single()
}

fn parse_zone(zone: &str) -> Option<FixedOffset> {
    if matches!(zone, "z" | "utc" | "gmt") {
        return FixedOffset::east_opt(0);
    }
    let (sign, digits) = match zone.as_bytes().first()? {
        b'+' => (1, &zone[1..]),
        b'-' => (-1, &zone[1..]),
        _ => return None,
    };
    let digits: String = digits.chars().filter(|c| *c != ':').collect();
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (h, m) = match digits.len() {
        1 | 2 => (digits.parse::<i32>().ok()?, 0),
        4 => (
            digits[..2].parse::<i32>().ok()?,
            digits[2..].parse::<i32>().ok()?,
        ),
        _ => return None,
    };
    FixedOffset::east_opt(sign * (h * 3600 + m * 60))
}

fn time_or_error(site: &dyn SiteContext, input: &Value) -> Result<DateTime<FixedOffset>, Error> {
    to_local_time(site, input).ok_or_else(|| {
        Error::runtime(format!(
            "Invalid Date: '{}' is not a valid datetime.",
            inspect(input)
        ))
    })
}

/// `return date if date.to_s.empty?`
fn passes_through(input: &Value) -> bool {
    ruby::to_s(input).is_empty()
}

/// Ruby's `Time#xmlschema` (no fraction): `2011-04-24T20:34:46+08:00`.
pub fn xmlschema(t: &DateTime<FixedOffset>) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

/// Ruby's `Time#rfc822`: `Sun, 24 Apr 2011 12:34:46 +0000`.
pub fn rfc822(t: &DateTime<FixedOffset>) -> String {
    t.format("%a, %d %b %Y %H:%M:%S %z").to_string()
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

/// Jekyll's `stringify_date`: `27 Jan 2011`, `27th Jan 2011` or
/// `Jan 27th, 2011` (`month` is `%b` or `%B`).
pub fn stringify(
    t: &DateTime<FixedOffset>,
    month: &str,
    kind: Option<&str>,
    style: Option<&str>,
) -> String {
    if kind == Some("ordinal") {
        let day = t.day();
        let ordinal_day = format!("{day}{}", ordinal(day));
        if style == Some("US") {
            return t.format(&format!("{month} {ordinal_day}, %Y")).to_string();
        }
        return t.format(&format!("{ordinal_day} {month} %Y")).to_string();
    }
    t.format(&format!("%d {month} %Y")).to_string()
}

fn date_filter(
    input: &Value,
    ctx: &Context,
    format: impl Fn(&DateTime<FixedOffset>) -> String,
) -> Result<Value, Error> {
    if passes_through(input) {
        return Ok(input.clone());
    }
    let site = site(ctx)?;
    let t = time_or_error(&*site, input)?;
    Ok(format(&t).into())
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
    date_filter(input, ctx, xmlschema)
}

/// The `date_to_rfc822` filter.
pub fn date_to_rfc822(
    input: &Value,
    args: &FilterArgs<'_>,
    ctx: &mut Context,
) -> Result<Value, Error> {
    args.check_arity(0, 0)?;
    date_filter(input, ctx, rfc822)
}

/// The `date_to_string` filter: `27 Jan 2011`, with `"ordinal"` and `"US"`.
pub fn date_to_string(
    input: &Value,
    args: &FilterArgs<'_>,
    ctx: &mut Context,
) -> Result<Value, Error> {
    args.check_arity(0, 2)?;
    let (kind, style) = (str_arg(args, 0), str_arg(args, 1));
    date_filter(input, ctx, |t| stringify(t, "%b", kind, style))
}

/// The `date_to_long_string` filter: `27 January 2011`, with `"ordinal"` and `"US"`.
pub fn date_to_long_string(
    input: &Value,
    args: &FilterArgs<'_>,
    ctx: &mut Context,
) -> Result<Value, Error> {
    args.check_arity(0, 2)?;
    let (kind, style) = (str_arg(args, 0), str_arg(args, 1));
    date_filter(input, ctx, |t| stringify(t, "%B", kind, style))
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
}
