//! A `Time.parse`-like reader for date strings: ISO 8601 and its variants,
//! RFC 2822, `5 January 2024`, `Jan 5, 2024 3pm`, `25/12/2024`,
//! `2024/01/05`, `05.01.2024`, `20240105`, with times, `am`/`pm` and zones.
//! Missing leading parts come from `now`, as in Ruby.

use chrono::{
    DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone,
};

use super::Zone;
use crate::value::{Time, TimeMode};

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];
const WEEKDAYS: [&str; 7] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

#[derive(Default, Debug)]
struct Parts {
    year: Option<i64>,
    mon: Option<i64>,
    day: Option<i64>,
    hour: Option<i64>,
    min: i64,
    sec: i64,
    nanos: i64,
    offset: Option<i32>,
    /// The zone makes a UTC time (`Z`, `UTC`, `UT`, `-00:00`), as Ruby's
    /// `zone_utc?` decides; `GMT` and `+00:00` are fixed offsets.
    utc: bool,
    /// `2024-005`: `day` is the day of the year.
    ordinal: bool,
}

/// Parses `s` as Ruby's `Time.parse` would; `None` where Ruby raises.
pub fn parse_time(
    s: &str,
    zone: &dyn Zone,
    now: DateTime<FixedOffset>,
) -> Option<DateTime<FixedOffset>> {
    parse_time_with_mode(s, zone, now).map(|t| t.at)
}

/// [`parse_time`] with the zone mode Ruby's `Time.parse` gives the result.
pub fn parse_time_with_mode(s: &str, zone: &dyn Zone, now: DateTime<FixedOffset>) -> Option<Time> {
    if let Some(local) = iso_fast(s.as_bytes()) {
        return super::local_time(zone, local).map(|t| Time::new(t, TimeMode::Local));
    }
    let mut text: Vec<u8> = s.to_ascii_lowercase().into_bytes();
    let mut p = Parts::default();
    parse_clock(&mut text, &mut p);
    strip_weekdays(&mut text);
    parse_date(&mut text, &mut p);
    if p.year.is_none() && p.mon.is_none() && p.day.is_none() && p.hour.is_none() {
        return None;
    }
    // Fill the missing leading parts from `now`.
    let (year, mon, day) = match (p.year, p.mon, p.day) {
        (None, None, None) => (now.year() as i64, now.month() as i64, now.day() as i64),
        (None, None, Some(d)) => (now.year() as i64, now.month() as i64, d),
        (None, Some(m), d) => (now.year() as i64, m, d.unwrap_or(1)),
        (Some(y), m, d) => (y, m.unwrap_or(1), d.unwrap_or(1)),
    };
    if !(1..=12).contains(&mon) || !(1..=if p.ordinal { 366 } else { 31 }).contains(&day) {
        return None;
    }
    if p.ordinal && NaiveDate::from_yo_opt(i32::try_from(year).ok()?, day as u32).is_none() {
        return None;
    }
    let hour = p.hour.unwrap_or(0);
    if !(0..=24).contains(&hour) || !(0..=59).contains(&p.min) || !(0..=60).contains(&p.sec) {
        return None;
    }
    // Ruby's Time rolls `Feb 30` over into March.
    let first = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, mon as u32, 1)?;
    let date = first.checked_add_signed(Duration::days(day - 1))?;
    let time = NaiveTime::from_hms_nano_opt(0, 0, 0, 0)?;
    let local = NaiveDateTime::new(date, time)
        + Duration::hours(hour)
        + Duration::minutes(p.min)
        + Duration::seconds(p.sec)
        + Duration::nanoseconds(p.nanos);
    let (at, mode) = match p.offset {
        Some(off) => {
            let at = FixedOffset::east_opt(off)?
                .from_local_datetime(&local)
                .single()?;
            // Ruby's `force_zone!`: a UTC zone makes a UTC time; otherwise the
            // local zone is preferred when it has the offset at that instant.
            let mode = if p.utc {
                TimeMode::Utc
            } else if zone.offset_at_utc(&at.naive_utc()).local_minus_utc() == off {
                TimeMode::Local
            } else {
                TimeMode::Fixed
            };
            (at, mode)
        }
        None => (super::local_time(zone, local)?, TimeMode::Local),
    };
    Some(Time::new(at, mode))
}

fn blank(text: &mut [u8], a: usize, b: usize) {
    for c in &mut text[a..b] {
        *c = b' ';
    }
}

fn digits_at(t: &[u8], i: usize) -> usize {
    t[i.min(t.len())..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count()
}

fn num(t: &[u8], a: usize, n: usize) -> i64 {
    std::str::from_utf8(&t[a..a + n])
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

/// `hh:mm(:ss(.frac))? (am|pm)? zone?` or `hh (am|pm)`.
fn parse_clock(t: &mut [u8], p: &mut Parts) {
    let mut i = 0;
    while i < t.len() {
        if !t[i].is_ascii_digit() || (i > 0 && t[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let hd = digits_at(t, i);
        let after = i + hd;
        if hd <= 2 && t.get(after) == Some(&b':') && digits_at(t, after + 1) == 2 {
            p.hour = Some(num(t, i, hd));
            p.min = num(t, after + 1, 2);
            let mut end = after + 3;
            if t.get(end) == Some(&b':') && digits_at(t, end + 1) == 2 {
                p.sec = num(t, end + 1, 2);
                end += 3;
                if matches!(t.get(end), Some(b'.' | b',')) {
                    let fd = digits_at(t, end + 1);
                    if fd > 0 {
                        let frac = &t[end + 1..end + 1 + fd.min(9)];
                        let mut n = num(frac, 0, frac.len());
                        for _ in frac.len()..9 {
                            n *= 10;
                        }
                        p.nanos = n;
                        end += 1 + fd;
                    }
                }
            }
            end = meridian(t, end, p);
            end = zone_after(t, end, p);
            blank(t, i, end);
            return;
        }
        if hd <= 2 && t.get(after) == Some(&b'h') && digits_at(t, after + 1) == 2 {
            p.hour = Some(num(t, i, hd));
            p.min = num(t, after + 1, 2);
            blank(t, i, after + 3);
            return;
        }
        if hd <= 2 {
            let j = skip_spaces(t, after);
            if t[j..].starts_with(b"am") || t[j..].starts_with(b"pm") {
                p.hour = Some(num(t, i, hd));
                let end = meridian(t, after, p);
                let end = zone_after(t, end, p);
                blank(t, i, end);
                return;
            }
        }
        i = after;
    }
}

fn skip_spaces(t: &[u8], mut i: usize) -> usize {
    while i < t.len() && t[i] == b' ' {
        i += 1;
    }
    i
}

fn meridian(t: &[u8], end: usize, p: &mut Parts) -> usize {
    let j = skip_spaces(t, end);
    for (word, pm) in [
        (&b"a.m."[..], false),
        (b"p.m.", true),
        (b"am", false),
        (b"pm", true),
    ] {
        if t[j..].starts_with(word) {
            if let Some(h) = p.hour {
                let h = h % 12;
                p.hour = Some(if pm { h + 12 } else { h });
            }
            return j + word.len();
        }
    }
    end
}

/// The names Ruby's `Time.zone_offset` knows; other abbreviations are
/// ignored and the time is read as local.
const ZONES: [(&str, i32); 12] = [
    ("utc", 0),
    ("gmt", 0),
    ("ut", 0),
    ("z", 0),
    ("est", -5),
    ("edt", -4),
    ("cst", -6),
    ("cdt", -5),
    ("mst", -7),
    ("mdt", -6),
    ("pst", -8),
    ("pdt", -7),
];

fn zone_after(t: &[u8], end: usize, p: &mut Parts) -> usize {
    let j = skip_spaces(t, end);
    if matches!(t.get(j), Some(b'+' | b'-')) {
        let sign = if t[j] == b'-' { -1 } else { 1 };
        let d = digits_at(t, j + 1);
        let (h, m, e) = match d {
            1 | 2 => {
                let h = num(t, j + 1, d);
                let k = j + 1 + d;
                if t.get(k) == Some(&b':') && digits_at(t, k + 1) >= 2 {
                    (h, num(t, k + 1, 2), k + 3)
                } else {
                    (h, 0, k)
                }
            }
            4 => (num(t, j + 1, 2), num(t, j + 3, 2), j + 5),
            _ => return end,
        };
        p.offset = Some(sign * (h as i32 * 3600 + m as i32 * 60));
        p.utc = sign < 0 && h == 0 && m == 0;
        return e;
    }
    for (name, hours) in ZONES {
        let nb = name.as_bytes();
        if t[j..].starts_with(nb) && !t.get(j + nb.len()).is_some_and(u8::is_ascii_alphabetic) {
            p.offset = Some(hours * 3600);
            p.utc = matches!(name, "utc" | "ut" | "z");
            return j + nb.len();
        }
    }
    end
}

fn strip_weekdays(t: &mut [u8]) {
    for i in 0..t.len() {
        if i > 0 && t[i - 1].is_ascii_alphabetic() {
            continue;
        }
        for w in WEEKDAYS {
            if t[i..].starts_with(w.as_bytes()) {
                let mut e = i + 3;
                while e < t.len() && t[e].is_ascii_alphabetic() {
                    e += 1;
                }
                if t.get(e) == Some(&b',') || t.get(e) == Some(&b'.') {
                    e += 1;
                }
                blank(t, i, e);
            }
        }
    }
}

fn two_digit_year(y: i64, ndigits: usize) -> i64 {
    if ndigits <= 2 {
        if y >= 69 {
            y + 1900
        } else {
            y + 2000
        }
    } else {
        y
    }
}

fn parse_date(t: &mut [u8], p: &mut Parts) {
    // Month names: `5 January 2024` or `January 5, 2024`.
    for i in 0..t.len() {
        if i > 0 && t[i - 1].is_ascii_alphabetic() {
            continue;
        }
        let Some(m) = MONTHS.iter().position(|m| t[i..].starts_with(m.as_bytes())) else {
            continue;
        };
        let mut e = i + 3;
        while e < t.len() && t[e].is_ascii_alphabetic() {
            e += 1;
        }
        if t.get(e) == Some(&b'.') {
            e += 1;
        }
        p.mon = Some(m as i64 + 1);
        // Day before the month (European order)?
        let mut b = i;
        while b > 0 && matches!(t[b - 1], b' ' | b'-' | b'.' | b',') {
            b -= 1;
        }
        let mut ds = b;
        while ds > 0 && t[ds - 1].is_ascii_alphabetic() {
            ds -= 1;
        }
        let suffix_start = ds;
        while ds > 0 && t[ds - 1].is_ascii_digit() {
            ds -= 1;
        }
        let mut consumed_start = i;
        if ds < suffix_start && suffix_start - ds <= 2 {
            p.day = Some(num(t, ds, suffix_start - ds));
            consumed_start = ds;
        } else if ds < suffix_start && suffix_start == b {
            // `2024-Jan-05`: a long number before the month is the year.
            p.year = Some(num(t, ds, suffix_start - ds));
            consumed_start = ds;
        }
        let mut j = skip_spaces(t, e);
        if t.get(j) == Some(&b'-') {
            j += 1;
        }
        let d = digits_at(t, j);
        let mut end = e;
        if d > 0 {
            let v = num(t, j, d);
            let mut k = j + d;
            while k < t.len() && t[k].is_ascii_alphabetic() {
                k += 1;
            }
            if p.day.is_none() && d <= 2 {
                p.day = Some(v);
                end = k;
                let mut y = skip_spaces(t, k);
                if t.get(y) == Some(&b',') {
                    y = skip_spaces(t, y + 1);
                }
                let yd = digits_at(t, y);
                if yd > 0 {
                    p.year = Some(two_digit_year(num(t, y, yd), yd));
                    end = y + yd;
                }
            } else {
                p.year = Some(two_digit_year(v, d));
                end = j + d;
            }
        }
        blank(t, consumed_start, end);
        return;
    }
    // Numeric forms.
    let mut i = 0;
    while i < t.len() {
        if !t[i].is_ascii_digit() || (i > 0 && t[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let a = digits_at(t, i);
        let sep = t.get(i + a).copied();
        if a == 8 && !matches!(sep, Some(b'-' | b'/' | b'.')) {
            p.year = Some(num(t, i, 4));
            p.mon = Some(num(t, i + 4, 2));
            p.day = Some(num(t, i + 6, 2));
            // `20240105T102030`
            if sep == Some(b't') && p.hour.is_none() {
                let td = digits_at(t, i + 9);
                if td == 6 || td == 4 {
                    p.hour = Some(num(t, i + 9, 2));
                    p.min = num(t, i + 11, 2);
                    if td == 6 {
                        p.sec = num(t, i + 13, 2);
                    }
                }
            }
            return;
        }
        if let Some(s @ (b'-' | b'/' | b'.')) = sep {
            let j = i + a + 1;
            let b = digits_at(t, j);
            if b == 0 {
                i += a;
                continue;
            }
            let third = (t.get(j + b) == Some(&s))
                .then(|| digits_at(t, j + b + 1))
                .filter(|&c| c > 0);
            let (x, y) = (num(t, i, a), num(t, j, b));
            match third {
                Some(c) => {
                    let z = num(t, j + b + 1, c);
                    if s != b'-' && c >= 3 {
                        // 25/12/2024, 05.01.2024: day, month, year.
                        p.day = Some(x);
                        p.mon = Some(y);
                        p.year = Some(z);
                    } else {
                        p.year = Some(two_digit_year(x, a));
                        p.mon = Some(y);
                        p.day = Some(z);
                    }
                }
                None if s == b'-' && a == 4 && b == 3 => {
                    // Ordinal date: year and day of the year.
                    p.year = Some(x);
                    p.mon = Some(1);
                    p.day = Some(y);
                    p.ordinal = true;
                }
                None if s == b'-' && a == 4 => {
                    p.year = Some(x);
                    p.mon = Some(y);
                }
                None if s == b'/' => {
                    p.mon = Some(x);
                    p.day = Some(y);
                }
                None => {}
            }
            return;
        }
        i += a;
    }
}

/// `YYYY-MM-DD` or `YYYY-MM-DD HH:MM:SS` exactly (the common front-matter
/// shapes), without the general scanner.
fn iso_fast(b: &[u8]) -> Option<NaiveDateTime> {
    let d = |i: usize, n: usize| -> Option<u32> {
        let part = b.get(i..i + n)?;
        part.iter()
            .all(u8::is_ascii_digit)
            .then(|| part.iter().fold(0, |a, c| a * 10 + (c - b'0') as u32))
    };
    if !(b.len() == 10 || (b.len() == 19 && b[10] == b' ' && b[13] == b':' && b[16] == b':'))
        || b[4] != b'-'
        || b[7] != b'-'
    {
        return None;
    }
    let (y, m, day) = (d(0, 4)?, d(5, 2)?, d(8, 2)?);
    if !(1..=12).contains(&m) || !(1..=28).contains(&day) {
        return None; // month-end rollover and validation take the general path
    }
    let date = NaiveDate::from_ymd_opt(y as i32, m, day)?;
    let (h, mi, sec) = if b.len() == 19 {
        (d(11, 2)?, d(14, 2)?, d(17, 2)?)
    } else {
        (0, 0, 0)
    };
    date.and_hms_opt(h, mi, sec)
}
