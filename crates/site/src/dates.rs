//! Dates as Jekyll reads them: `Time.parse(input).localtime`, where "local"
//! is the site's `timezone` (Jekyll sets `TZ` from it).
//!
//! Front-matter dates arrive as strings, YAML dates or YAML times; filename
//! dates as `YYYY-M-D`. Every result is a time in the site zone, shown with
//! that zone's offset at that instant.

use chrono::{
    DateTime, Datelike, FixedOffset, NaiveDateTime, NaiveTime, Offset, TimeZone, Timelike, Utc,
};
use chrono_tz::Tz;
use hyde_liquid::Value;

use crate::site_context::TzZone;

/// Converts an instant to the site zone, as `Time#localtime` does.
pub fn localtime(t: DateTime<FixedOffset>, tz: Tz) -> DateTime<FixedOffset> {
    let local = t.with_timezone(&tz);
    let offset = local.offset().fix();
    local.with_timezone(&offset)
}

/// A wall-clock time in the site zone (`Time.local`); when the clock goes back and
/// the time occurs twice, Ruby takes the second (standard time).
pub fn local(naive: NaiveDateTime, tz: Tz) -> DateTime<FixedOffset> {
    let dt = match tz.from_local_datetime(&naive) {
        chrono::LocalResult::Single(d) => d,
        chrono::LocalResult::Ambiguous(_, b) => b,
        // In a gap: Ruby moves forward by the gap; an hour is the usual gap.
        chrono::LocalResult::None => tz
            .from_local_datetime(&(naive + chrono::Duration::hours(1)))
            .earliest()
            .unwrap_or_else(|| tz.from_utc_datetime(&naive)),
    };
    let off = dt.offset().fix();
    dt.with_timezone(&off)
}

/// The current time in the site zone (`site.time`).
pub fn now(tz: Tz) -> DateTime<FixedOffset> {
    localtime(Utc::now().fixed_offset(), tz)
}

/// Reads a date value from front matter (or a filename) as Jekyll's
/// `Utils.parse_date(value.to_s)` does. `None` means "invalid date".
pub fn parse_value(v: &Value, tz: Tz) -> Option<DateTime<FixedOffset>> {
    match v {
        // `Time#to_s` keeps whole seconds only, so the fraction is lost on the way.
        Value::Time(t) => t
            .to_chrono()
            .map(|at| localtime(at.with_nanosecond(0).unwrap_or(at), tz)),
        Value::Date(d) => Some(local(d.and_time(NaiveTime::MIN), tz)),
        Value::Str(s) => parse_str(s, tz),
        Value::Int(_) | Value::Float(_) => parse_str(&v.to_liquid_string(), tz),
        _ => None,
    }
}

/// Ruby's `Time.parse(s).localtime` in the site zone: the heuristic parser Jekyll
/// uses for front-matter dates (`2024-1-5`, `5 Jan 2024`, `Jan 5, 2024 3pm`,
/// `2024-01-05 10:00:00 -0500` …). Parts left out before the first one given
/// (the year of `Jan 5`) come from the current time, as in Ruby.
pub fn parse_str(s: &str, tz: Tz) -> Option<DateTime<FixedOffset>> {
    parse_str_at(s, tz, Utc::now().fixed_offset())
}

/// [`parse_str`] with a given "now" (Ruby's `Time.parse(s, now)`, the
/// engine's [`hyde_liquid::time_parse`] with the site zone as local zone).
pub fn parse_str_at(s: &str, tz: Tz, now: DateTime<FixedOffset>) -> Option<DateTime<FixedOffset>> {
    hyde_liquid::time_parse(s, &TzZone(tz), now)
        .ok()
        .and_then(|t| t.to_chrono())
        .map(|at| localtime(at, tz))
}

/// The date at the start of a post's filename (`YYYY-MM-DD`, or Jekyll's looser
/// `YY-M-D`), read as Jekyll reads it: through `Time.parse`, so `24-1-5` is
/// 2024 and `2023-02-29` is 1 March.
pub fn from_filename(date: &str, tz: Tz) -> Option<DateTime<FixedOffset>> {
    parse_str(date, tz)
}

/// Day of year, 1-based (`%j` without padding).
pub fn yday(t: &DateTime<FixedOffset>) -> u32 {
    t.ordinal()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_like_time_parse() {
        let tz: Tz = "America/New_York".parse().unwrap();
        let d = parse_str("2024-01-05", tz).unwrap();
        assert_eq!(d.to_rfc3339(), "2024-01-05T00:00:00-05:00");
        let d = parse_str("2024-01-05 10:00:00 +0200", tz).unwrap();
        assert_eq!(d.to_rfc3339(), "2024-01-05T03:00:00-05:00");
        let d = parse_str("2024-07-05T10:00:00Z", tz).unwrap();
        assert_eq!(d.to_rfc3339(), "2024-07-05T06:00:00-04:00");
        assert!(parse_str("2024-13-45", tz).is_none());
        assert!(parse_str("not a date", tz).is_none());
    }
}
