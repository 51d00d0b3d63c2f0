//! Dates as Jekyll reads them: `Time.parse(input).localtime`, where "local"
//! is the site's `timezone` (Jekyll sets `TZ` from it).
//!
//! Front-matter dates arrive as strings, YAML dates or YAML times; filename
//! dates as `YYYY-M-D`. Every result is a time in the site zone, shown with
//! that zone's offset at that instant.

use chrono::{
    DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Utc,
};
use chrono_tz::Tz;
use hyde_liquid::Value;

/// Converts an instant to the site zone, as `Time#localtime` does.
pub fn localtime(t: DateTime<FixedOffset>, tz: Tz) -> DateTime<FixedOffset> {
    let local = t.with_timezone(&tz);
    let offset = local.offset().fix();
    local.with_timezone(&offset)
}

/// A wall-clock time in the site zone (`Time.local`), the earlier one when ambiguous.
pub fn local(naive: NaiveDateTime, tz: Tz) -> DateTime<FixedOffset> {
    let dt = match tz.from_local_datetime(&naive) {
        chrono::LocalResult::Single(d) => d,
        chrono::LocalResult::Ambiguous(a, _) => a,
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
/// `Utils.parse_date` does. `None` means "invalid date".
pub fn parse_value(v: &Value, tz: Tz) -> Option<DateTime<FixedOffset>> {
    match v {
        Value::Time(t) => Some(localtime(*t, tz)),
        Value::Date(d) => Some(local(d.and_time(NaiveTime::MIN), tz)),
        Value::Str(s) => parse_str(s, tz),
        Value::Int(_) | Value::Float(_) => None,
        _ => None,
    }
}

/// A subset of Ruby's `Time.parse` covering the forms Jekyll sites use:
/// `YYYY-MM-DD`, with an optional time (`HH:MM[:SS[.frac]]`, separated by
/// space or `T`) and an optional zone (`Z`, `UTC`, `GMT`, `±HH:MM`, `±HHMM`,
/// `±HH`). Without a zone the time is local; the result is converted to local.
pub fn parse_str(s: &str, tz: Tz) -> Option<DateTime<FixedOffset>> {
    let s = s.trim();
    let b = s.as_bytes();
    let mut i = 0;
    let num = |i: &mut usize, max: usize| -> Option<u32> {
        let start = *i;
        while *i < b.len() && b[*i].is_ascii_digit() && *i - start < max {
            *i += 1;
        }
        if *i == start {
            None
        } else {
            s[start..*i].parse().ok()
        }
    };
    let year = num(&mut i, 4)? as i32;
    if i >= b.len() || !(b[i] == b'-' || b[i] == b'/') {
        return None;
    }
    let sep = b[i];
    i += 1;
    let month = num(&mut i, 2)?;
    if i >= b.len() || b[i] != sep {
        return None;
    }
    i += 1;
    let day = num(&mut i, 2)?;
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    let mut time = NaiveTime::MIN;
    let mut nanos = 0u32;
    if i < b.len() && (b[i] == b' ' || b[i] == b'T' || b[i] == b't') {
        let mut j = i + 1;
        while j < b.len() && b[j] == b' ' {
            j += 1;
        }
        let save = j;
        if let Some(h) = num(&mut j, 2) {
            if j < b.len() && b[j] == b':' {
                j += 1;
                let m = num(&mut j, 2)?;
                let mut sec = 0;
                if j < b.len() && b[j] == b':' {
                    j += 1;
                    sec = num(&mut j, 2)?;
                    if j < b.len() && b[j] == b'.' {
                        j += 1;
                        let fs = j;
                        while j < b.len() && b[j].is_ascii_digit() {
                            j += 1;
                        }
                        let frac = &s[fs..j];
                        let padded: String =
                            frac.chars().chain(std::iter::repeat('0')).take(9).collect();
                        nanos = padded.parse().unwrap_or(0);
                    }
                }
                time = NaiveTime::from_hms_nano_opt(h, m, sec, nanos)?;
                i = j;
            } else {
                i = save.saturating_sub(1).max(i);
                let _ = h;
            }
        }
    }
    while i < b.len() && b[i] == b' ' {
        i += 1;
    }
    let naive = date.and_time(time);
    let rest = &s[i..];
    if rest.is_empty() {
        return Some(local(naive, tz));
    }
    let offset_secs = match rest {
        "Z" | "z" | "UTC" | "GMT" | "UT" => 0,
        _ => {
            let (sign, digits) = match rest.as_bytes()[0] {
                b'+' => (1, &rest[1..]),
                b'-' => (-1, &rest[1..]),
                _ => return None,
            };
            let digits: String = digits.chars().filter(|c| *c != ':').collect();
            if !digits.bytes().all(|c| c.is_ascii_digit()) || digits.is_empty() || digits.len() > 4
            {
                return None;
            }
            let (h, m) = if digits.len() <= 2 {
                (digits.parse::<i32>().ok()?, 0)
            } else {
                let split = digits.len() - 2;
                (
                    digits[..split].parse::<i32>().ok()?,
                    digits[split..].parse::<i32>().ok()?,
                )
            };
            sign * (h * 3600 + m * 60)
        }
    };
    let off = FixedOffset::east_opt(offset_secs)?;
    let t = off.from_local_datetime(&naive).single()?;
    Some(localtime(t, tz))
}

/// The `YYYY-MM-DD` date at the start of a post's filename, in the site zone.
pub fn from_filename(date: &str, tz: Tz) -> Option<DateTime<FixedOffset>> {
    let mut parts = date.split('-');
    let y: i32 = parts.next()?.parse().ok()?;
    let m: u32 = parts.next()?.parse().ok()?;
    let d: u32 = parts.next()?.parse().ok()?;
    let date = NaiveDate::from_ymd_opt(y, m, d)?;
    Some(local(date.and_time(NaiveTime::MIN), tz))
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
