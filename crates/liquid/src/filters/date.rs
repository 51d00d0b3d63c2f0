//! The `date` filter: Liquid's `Utils.to_date` (times, `now`/`today`,
//! epoch seconds, `Time.parse`-able strings) and Ruby's `strftime`.

use chrono::{DateTime, FixedOffset, NaiveTime, Offset};

use super::add;
use crate::context::Context;
use crate::date::{parse_time_with_mode, strftime_checked};
use crate::engine::Engine;
use crate::error::Error;
use crate::value::{Time, TimeMode, Value};

pub(super) fn register(e: &mut Engine) {
    add(e, "date", 1, 1, date);
}

fn date(v: &Value, a: &[Value], ctx: &mut Context) -> Result<Value, Error> {
    let format = super::to_s(&a[0]);
    if format.is_empty() {
        return Ok(v.clone());
    }
    let range_error = || Error::runtime(format!("Numerical result out of range - {format}"));
    if let Value::Date(d) = v {
        if crate::date::output_too_long(&format) {
            return Err(range_error());
        }
        let t = d.and_time(NaiveTime::MIN).and_utc().fixed_offset();
        return Ok(Value::str(crate::date::strftime_date(&t, &format)));
    }
    let Some(t) = to_time(v, ctx) else {
        return Ok(v.clone());
    };
    if crate::date::output_too_long(&format) {
        return Err(range_error());
    }
    // Only `%Z` (alone or inside `%+`) prints the zone's name.
    let zone = if format.contains(['Z', '+']) {
        time_zone_name(&t, ctx)
    } else {
        String::new()
    };
    let mut too_long = None;
    let out = super::build_str(|out| too_long = strftime_checked(&t, &format, &zone, out).err());
    match too_long {
        Some(named) => Err(Error::runtime(format!(
            "Numerical result out of range - {named}"
        ))),
        None => Ok(out),
    }
}

/// What `%Z` prints for `t`, by its mode: `UTC` for a UTC time, nothing for
/// a fixed offset, and for a local time what [`zone_name`] says.
pub fn time_zone_name(t: &Time, ctx: &Context) -> String {
    match t.mode {
        TimeMode::Utc => "UTC".into(),
        TimeMode::Fixed => String::new(),
        TimeMode::Local => match t.to_chrono() {
            Some(at) => zone_name(&at, ctx),
            None if t.offset().local_minus_utc() == 0 => "UTC".into(),
            None => String::new(),
        },
    }
}

/// What `%Z` prints for a local time `t`: the local zone's abbreviation
/// when `t` is at the local offset; otherwise `UTC` for offset zero and
/// nothing for other offsets (times that are not really local).
pub fn zone_name(t: &DateTime<FixedOffset>, ctx: &Context) -> String {
    let utc = t.naive_utc();
    let zone = ctx.zone();
    if zone.offset_at_utc(&utc) == t.offset().fix() {
        zone.abbreviation(&utc)
    } else if t.offset().local_minus_utc() == 0 {
        "UTC".into()
    } else {
        String::new()
    }
}

/// `Utils.to_date`: a time for the value, or `None`.
pub fn to_date(v: &Value, ctx: &Context) -> Option<DateTime<FixedOffset>> {
    to_time(v, ctx).and_then(|t| t.to_chrono())
}

/// [`to_date`] with the time's zone mode: a time keeps its own, a parsed
/// string's is what Ruby's `Time.parse` gives (UTC for `Z`/`UTC`, fixed for
/// an offset, local otherwise), epoch seconds and `now` are local.
pub fn to_time(v: &Value, ctx: &Context) -> Option<Time> {
    match v {
        Value::Time(t) => Some(Time::clone(t)),
        Value::Date(d) => Some(Time::utc(d.and_time(NaiveTime::MIN).and_utc())),
        Value::Int(i) => epoch((*i).into(), ctx),
        // `Time.at` takes any Bignum (10**40 is in the year 3 * 10^32).
        Value::BigInt(b) => epoch_big(b, ctx),
        Value::Str(s) => {
            if s.is_empty() {
                return None;
            }
            // Ruby downcases first; no non-ASCII character lowercases to a
            // letter of "now"/"today" or to a digit, so ASCII folding agrees.
            if s.eq_ignore_ascii_case("now") || s.eq_ignore_ascii_case("today") {
                return Some(Time::new(ctx.now(), TimeMode::Local));
            }
            if s.bytes().all(|b| b.is_ascii_digit()) {
                return match s.parse() {
                    Ok(secs) => epoch(secs, ctx),
                    Err(_) => epoch_big(&s.parse().ok()?, ctx),
                };
            }
            parse_time_with_mode(s, ctx.zone(), ctx.now())
        }
        _ => None,
    }
}

/// `Time.at(secs)` in the local zone (see [`Time::localtime`] for times
/// past chrono's years).
fn epoch(secs: i128, ctx: &Context) -> Option<Time> {
    let utc = FixedOffset::east_opt(0)?;
    Some(Time::from_epoch(secs, 0, utc, TimeMode::Local)?.localtime(ctx.zone()))
}

/// [`epoch`] for a Bignum of seconds.
fn epoch_big(secs: &num_bigint::BigInt, ctx: &Context) -> Option<Time> {
    let utc = FixedOffset::east_opt(0)?;
    Some(Time::from_epoch_big(secs, utc, TimeMode::Local)?.localtime(ctx.zone()))
}
