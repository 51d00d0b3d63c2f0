//! The `date` filter: Liquid's `Utils.to_date` (times, `now`/`today`,
//! epoch seconds, `Time.parse`-able strings) and Ruby's `strftime`.

use chrono::{DateTime, FixedOffset, NaiveTime, Offset};

use super::add;
use crate::context::Context;
use crate::date::{at_utc, parse_time_with_mode, strftime_into};
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
    Ok(super::build_str(|out| {
        strftime_into(&t, &format, &zone, out)
    }))
}

/// What `%Z` prints for `t`, by its mode: `UTC` for a UTC time, nothing for
/// a fixed offset, and for a local time what [`zone_name`] says.
pub fn time_zone_name(t: &Time, ctx: &Context) -> String {
    match t.mode {
        TimeMode::Utc => "UTC".into(),
        TimeMode::Fixed => String::new(),
        TimeMode::Local => zone_name(t, ctx),
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
    to_time(v, ctx).map(|t| t.at)
}

/// [`to_date`] with the time's zone mode: a time keeps its own, a parsed
/// string's is what Ruby's `Time.parse` gives (UTC for `Z`/`UTC`, fixed for
/// an offset, local otherwise), epoch seconds and `now` are local.
pub fn to_time(v: &Value, ctx: &Context) -> Option<Time> {
    let local = |t: DateTime<FixedOffset>| Time::new(t, TimeMode::Local);
    match v {
        Value::Time(t) => Some(*t),
        Value::Date(d) => Some(Time::utc(d.and_time(NaiveTime::MIN).and_utc())),
        Value::Int(i) => epoch(*i, ctx).map(local),
        Value::Str(s) => {
            if s.is_empty() {
                return None;
            }
            // Ruby downcases first; no non-ASCII character lowercases to a
            // letter of "now"/"today" or to a digit, so ASCII folding agrees.
            if s.eq_ignore_ascii_case("now") || s.eq_ignore_ascii_case("today") {
                return Some(local(ctx.now()));
            }
            if s.bytes().all(|b| b.is_ascii_digit()) {
                return epoch(s.parse().ok()?, ctx).map(local);
            }
            parse_time_with_mode(s, ctx.zone(), ctx.now())
        }
        _ => None,
    }
}

fn epoch(secs: i64, ctx: &Context) -> Option<DateTime<FixedOffset>> {
    let utc = DateTime::from_timestamp(secs, 0)?.naive_utc();
    Some(at_utc(ctx.zone(), utc))
}
