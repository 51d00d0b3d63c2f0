//! The `date` filter: Liquid's `Utils.to_date` (times, `now`/`today`,
//! epoch seconds, `Time.parse`-able strings) and Ruby's `strftime`.

use chrono::{DateTime, FixedOffset, NaiveTime, Offset};

use super::add;
use crate::context::Context;
use crate::date::{at_utc, parse_time, strftime_into};
use crate::engine::Engine;
use crate::error::Error;
use crate::value::Value;

pub(super) fn register(e: &mut Engine) {
    add(e, "date", 1, 1, date);
}

fn date(v: &Value, a: &[Value], ctx: &mut Context) -> Result<Value, Error> {
    let format = super::to_s(&a[0]);
    if format.is_empty() {
        return Ok(v.clone());
    }
    if let Value::Date(d) = v {
        let t = d.and_time(NaiveTime::MIN).and_utc().fixed_offset();
        return Ok(Value::str(crate::date::strftime_date(&t, &format)));
    }
    let Some(t) = to_date(v, ctx) else {
        return Ok(v.clone());
    };
    // Only `%Z` (alone or inside `%+`) prints the zone's name.
    let zone = if format.contains(['Z', '+']) {
        zone_name(&t, ctx)
    } else {
        String::new()
    };
    Ok(super::build_str(|out| {
        strftime_into(&t, &format, &zone, out)
    }))
}

/// What `%Z` prints for `t`: the local zone's abbreviation for local times, `UTC`
/// for UTC, nothing for other fixed offsets (as Ruby prints them).
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
    match v {
        Value::Time(t) => Some(*t),
        Value::Date(d) => Some(d.and_time(NaiveTime::MIN).and_utc().fixed_offset()),
        Value::Int(i) => epoch(*i, ctx),
        Value::Str(s) => {
            if s.is_empty() {
                return None;
            }
            // Ruby downcases first; no non-ASCII character lowercases to a
            // letter of "now"/"today" or to a digit, so ASCII folding agrees.
            if s.eq_ignore_ascii_case("now") || s.eq_ignore_ascii_case("today") {
                return Some(ctx.now());
            }
            if s.bytes().all(|b| b.is_ascii_digit()) {
                return epoch(s.parse().ok()?, ctx);
            }
            parse_time(s, ctx.zone(), ctx.now())
        }
        _ => None,
    }
}

fn epoch(secs: i64, ctx: &Context) -> Option<DateTime<FixedOffset>> {
    let utc = DateTime::from_timestamp(secs, 0)?.naive_utc();
    Some(at_utc(ctx.zone(), utc))
}
