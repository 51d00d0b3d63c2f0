//! Ruby's `Date._parse` (the heuristic, non-strict date parser) and the part of
//! `Time.parse` that turns its fields into a time, which is what Jekyll's
//! `Utils.parse_date` calls for every front-matter date.
//!
//! `Date._parse` runs a fixed series of pattern matchers over the string; each one
//! that matches blanks out what it consumed, so later ones see the rest. The order,
//! the patterns and the year/month/day shuffling (`s3e`) follow Ruby's, so odd
//! inputs (`1/5/2024` is 1 May, `2024` alone is month 20) come out as in Jekyll.
//! `Time.parse` then fills missing leading fields from "now", applies a zone only
//! when `Time.zone_offset` knows it (`+05:30`, `EST`, `Z`, the local zone's own
//! abbreviation; `CET` elsewhere, `+5` or `GMT+2` mean local time), and normalises
//! overflowing days as `Time.local` does (`2024-02-30` is 1 March).
//!
//! The local zone is whatever [`Zone`] the caller passes (Ruby's `TZ`).

use std::sync::OnceLock;

use chrono::{
    DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Timelike,
};
use num_bigint::BigInt;
use regex::bytes::{Captures, Regex};

use super::Zone;
use crate::value::{far_offset, Time, TimeMode, Wide};

/// The fields `Date._parse` found (only those `Time.parse` uses).
#[derive(Debug, Default, Clone, PartialEq)]
struct Fields {
    /// Wide: Ruby's years have no bound (`Time.parse("Jan 5 123456789012345678901")`).
    year: Option<Wide>,
    yday: Option<i64>,
    mon: Option<i64>,
    mday: Option<i64>,
    hour: Option<i64>,
    min: Option<i64>,
    sec: Option<i64>,
    /// Fraction of a second, in nanoseconds (Ruby keeps a rational; `%N` truncates).
    nanos: Option<i64>,
    zone: Option<String>,
    bc: bool,
    /// Two-digit years get a century (`_comp`); cleared by signed or long years.
    comp: bool,
}

const MONTHS: &str = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec";
const ERA: &str = r"c(?:e|\.e\.)|b(?:ce|\.c\.e\.)|a(?:d|\.d\.)|b(?:c|\.c\.)";

macro_rules! pattern {
    ($name:ident, $src:expr) => {
        fn $name() -> &'static Regex {
            static RE: OnceLock<Regex> = OnceLock::new();
            RE.get_or_init(|| Regex::new(&$src).expect("valid date pattern"))
        }
    };
}

// Ruby's `\d`, `\s` and `\b` are ASCII here; `(?-u)` gives the same on bytes.
pattern!(re_blank, r"(?-u)[^-+',./:@0-9A-Za-z\x80-\xff\[\]]+");
pattern!(re_day, r"(?i-u)\b(sun|mon|tue|wed|thu|fri|sat)[^-/\d\s]*");
pattern!(
    re_time,
    r"(?i-u)((?:\d+\s*:\s*\d+(?:\s*:\s*\d+(?:[,.]\d*)?)?|\d+\s*h(?:\s*\d+m?(?:\s*\d+s?)?)?)(?:\s*[ap](?:m\b|\.m\.))?|\d+\s*[ap](?:m\b|\.m\.))(?:\s*((?:gmt|utc?)?[-+]\d+(?:[,.:]\d+(?::\d+)?)?|(?-i:[[:alpha:].\s]+)(?:standard|daylight)\stime\b|(?-i:[[:alpha:]]+)(?:\sdst)?\b))?"
);
pattern!(
    re_time_parts,
    r"(?i-u)\A(\d+)h?(?:\s*:?\s*(\d+)m?(?:\s*:?\s*(\d+)(?:[,.](\d+))?s?)?)?(?:\s*([ap])(?:m\b|\.m\.))?"
);
pattern!(
    re_eu,
    format!(
        r"(?i-u)('?\d+)[^-\d\s]*\s*({MONTHS})[^-\d\s']*(?:\s*({ERA})?\s*('?-?\d+(?:(?:st|nd|rd|th)\b)?))?"
    )
);
pattern!(
    re_us,
    format!(r"(?i-u)\b({MONTHS})[^-\d\s']*\s*('?\d+)[^-\d\s']*(?:\s*,?\s*({ERA})?\s*('?-?\d+))?")
);
pattern!(re_iso, r"(?-u)('?[-+]?\d+)-(\d+)-('?-?\d+)");
pattern!(re_jis, r"(?i-u)\b([mtsh])(\d+)\.(\d+)\.(\d+)");
pattern!(
    re_vms11,
    format!(r"(?i-u)('?-?\d+)-({MONTHS})[^-/.]*-('?-?\d+)")
);
pattern!(
    re_vms12,
    format!(r"(?i-u)\b({MONTHS})[^-/.]*-('?-?\d+)(?:-('?-?\d+))?")
);
pattern!(re_sla, r"(?i-u)('?-?\d+)/\s*('?\d+)(?:\D\s*('?-?\d+))?");
pattern!(re_dot, r"(?i-u)('?-?\d+)\.\s*('?\d+)\.\s*('?-?\d+)");
pattern!(re_iso21, r"(?i-u)\b(\d{2}|\d{4})?-?w(\d{2})(?:-?(\d))?\b");
pattern!(re_iso22, r"(?i-u)-w-(\d)\b");
pattern!(re_iso23, r"(?-u)--(\d{2})?-(\d{2})\b");
pattern!(re_iso24, r"(?-u)--(\d{2})(\d{2})?\b");
pattern!(re_iso25_not, r"(?-u)[,.](\d{2}|\d{4})-\d{3}\b");
pattern!(re_iso25, r"(?-u)\b(\d{2}|\d{4})-(\d{3})\b");
pattern!(re_iso26_not, r"(?-u)\d-\d{3}\b");
pattern!(re_iso26, r"(?-u)\b-(\d{3})\b");
pattern!(re_year, r"(?-u)'(\d+)\b");
pattern!(re_mon, format!(r"(?i-u)\b({MONTHS})\S*"));
pattern!(re_mday, r"(?i-u)(\d+)(st|nd|rd|th)\b");
pattern!(
    re_ddd,
    r"(?i-u)([-+]?)(\d{2,14})(?:\s*t?\s*(\d{2,6})?(?:[,.](\d*))?)?(?:\s*(z\b|[-+]\d{1,4}\b|\[[-+]?\d[^\]]*\]))?"
);
pattern!(re_bc, r"(?i-u)\b(bc\b|bce\b|b\.c\.|b\.c\.e\.)");
pattern!(re_frag, r"(?i-u)\A\s*(\d{1,2})\s*\z");

/// Ruby's `String#to_i`-like conversion of a digit run (saturating).
fn num(b: &[u8]) -> i64 {
    let (neg, digits) = match b.first() {
        Some(b'-') => (true, &b[1..]),
        Some(b'+') => (false, &b[1..]),
        _ => (false, b),
    };
    let mut v: i64 = 0;
    for &c in digits.iter().take_while(|c| c.is_ascii_digit()) {
        v = v.saturating_mul(10).saturating_add(i64::from(c - b'0'));
    }
    if neg {
        -v
    } else {
        v
    }
}

/// [`num`] for a year, which has no bound.
fn wide_num(b: &[u8]) -> Wide {
    let (neg, digits) = match b.first() {
        Some(b'-') => (true, &b[1..]),
        Some(b'+') => (false, &b[1..]),
        _ => (false, b),
    };
    let len = digits.iter().take_while(|c| c.is_ascii_digit()).count();
    let digits = &digits[..len];
    let v = if len <= 38 {
        Wide::Small(digits.iter().fold(0, |v, c| v * 10 + i128::from(c - b'0')))
    } else {
        Wide::big(BigInt::parse_bytes(digits, 10).unwrap_or_default())
    };
    if neg {
        v.neg()
    } else {
        v
    }
}

fn group<'a>(c: &Captures<'a>, i: usize) -> Option<&'a [u8]> {
    c.get(i).map(|m| m.as_bytes())
}

fn mon_num(b: &[u8]) -> i64 {
    let lower = b[..3].to_ascii_lowercase();
    MONTHS
        .split('|')
        .position(|m| m.as_bytes() == lower.as_slice())
        .map_or(13, |i| i as i64 + 1)
}

/// Blanks the first match of `re` in `s` (replacing it by one space) and returns
/// its captures, as Ruby's `subx` does.
fn subs(s: &mut Vec<u8>, re: &Regex, f: impl FnOnce(&Captures<'_>)) -> bool {
    let copy = s.clone();
    let Some(caps) = re.captures(&copy) else {
        return false;
    };
    let whole = caps.get(0).expect("group 0");
    s.splice(whole.start()..whole.end(), [b' ']);
    f(&caps);
    true
}

/// Which classes of character the (partly blanked) string still holds.
#[derive(Clone, Copy)]
struct Classes {
    alpha: bool,
    digit: bool,
    dash: bool,
    dot: bool,
    slash: bool,
}

fn classes(s: &[u8]) -> Classes {
    Classes {
        alpha: s.iter().any(u8::is_ascii_alphabetic),
        digit: s.iter().any(u8::is_ascii_digit),
        dash: s.contains(&b'-'),
        dot: s.contains(&b'.'),
        slash: s.contains(&b'/'),
    }
}

/// Ruby's `s3e`: sorts three date parts (strings as written) into year, month, day.
fn s3e(f: &mut Fields, y: Option<&[u8]>, m: Option<Vec<u8>>, d: Option<&[u8]>, bc: bool) {
    let mut y: Option<Vec<u8>> = y.map(<[u8]>::to_vec);
    let mut m = m;
    let mut d: Option<Vec<u8>> = d.map(<[u8]>::to_vec);
    if y.is_some() && m.is_some() && d.is_none() {
        let (oy, om) = (y.take(), m.take());
        m = oy;
        d = om;
    }
    if y.is_none() {
        if d.as_ref().is_some_and(|d| d.len() > 2) {
            y = d.take();
        }
        if d.as_ref().is_some_and(|d| d.first() == Some(&b'\'')) {
            y = d.take();
        }
    }
    if let Some(yv) = y.clone() {
        let start = yv
            .iter()
            .position(|c| c.is_ascii_digit() || *c == b'-' || *c == b'+');
        if let Some(bp) = start {
            let mut s = bp;
            if yv[s] == b'-' || yv[s] == b'+' {
                s += 1;
            }
            let ep = s + yv[s..].iter().take_while(|c| c.is_ascii_digit()).count();
            if ep < yv.len() {
                y = d.take();
                d = Some(yv[bp..ep].to_vec());
            }
        }
    }
    if let Some(mv) = &m {
        if mv.first() == Some(&b'\'') || mv.len() > 2 {
            let (oy, om, od) = (y.take(), m.take(), d.take());
            y = om;
            m = od;
            d = oy;
        }
    }
    if let Some(dv) = &d {
        if dv.first() == Some(&b'\'') || dv.len() > 2 {
            std::mem::swap(&mut y, &mut d);
        }
    }
    if let Some(yv) = &y {
        if let Some(bp) = yv
            .iter()
            .position(|c| c.is_ascii_digit() || *c == b'-' || *c == b'+')
        {
            let signed = yv[bp] == b'-' || yv[bp] == b'+';
            let digits = yv[bp + usize::from(signed)..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            if signed || digits > 2 {
                f.comp = false;
            }
            f.year = Some(wide_num(&yv[bp..]));
        }
    }
    if bc {
        f.bc = true;
    }
    let digits_of = |v: &[u8]| -> Option<i64> {
        let p = v.iter().position(u8::is_ascii_digit)?;
        Some(num(&v[p..]))
    };
    if let Some(mv) = &m {
        if let Some(n) = digits_of(mv) {
            f.mon = Some(n);
        }
    }
    if let Some(dv) = &d {
        if let Some(n) = digits_of(dv) {
            f.mday = Some(n);
        }
    }
}

fn is_bc(era: Option<&[u8]>) -> bool {
    era.is_some_and(|b| matches!(b.first(), Some(b'b' | b'B')))
}

/// `s3e(y, m, d)` from groups 1, 2 and 3 as written (ISO `y-m-d`,
/// `y/m/d`, `y.m.d`: the month not a name).
fn s3e_in_order(f: &mut Fields, c: &Captures<'_>) {
    s3e(
        f,
        group(c, 1),
        group(c, 2).map(<[u8]>::to_vec),
        group(c, 3),
        false,
    );
}

fn month_field(c: &Captures<'_>, i: usize) -> Option<Vec<u8>> {
    group(c, i).map(|m| mon_num(m).to_string().into_bytes())
}

fn parse_time(s: &mut Vec<u8>, f: &mut Fields) {
    subs(s, re_time(), |c| {
        if let Some(zone) = group(c, 2) {
            f.zone = Some(String::from_utf8_lossy(zone).into_owned());
        }
        let Some(t) = re_time_parts().captures(group(c, 1).unwrap_or_default()) else {
            return;
        };
        let mut hour = num(group(&t, 1).unwrap_or_default());
        if let Some(p) = group(&t, 5) {
            hour %= 12;
            if matches!(p[0], b'p' | b'P') {
                hour += 12;
            }
        }
        f.hour = Some(hour);
        f.min = group(&t, 2).map(num);
        f.sec = group(&t, 3).map(num);
        f.nanos = group(&t, 4).map(fraction_nanos);
    });
}

/// Digits after the decimal point as nanoseconds, truncated as `%N` prints them.
fn fraction_nanos(digits: &[u8]) -> i64 {
    let mut n: i64 = 0;
    for i in 0..9 {
        n = n * 10 + digits.get(i).map_or(0, |c| i64::from(c - b'0'));
    }
    n
}

fn parse_ddd(s: &mut Vec<u8>, f: &mut Fields) -> bool {
    subs(s, re_ddd(), |c| {
        let neg = group(c, 1) == Some(b"-");
        let s2 = group(c, 2).unwrap_or_default();
        let s3 = group(c, 3);
        let s4 = group(c, 4);
        let time_only = s3.is_none() && s4.is_some();
        let n = |from: usize, w: usize| num(&s2[from..from + w]);
        let l2 = s2.len();
        let year = |v: i64| if neg { -v } else { v };
        match l2 {
            2 => {
                if time_only {
                    f.sec = Some(n(0, 2));
                } else {
                    f.mday = Some(n(0, 2));
                }
            }
            4 => {
                if time_only {
                    f.sec = Some(n(2, 2));
                    f.min = Some(n(0, 2));
                } else {
                    f.mon = Some(n(0, 2));
                    f.mday = Some(n(2, 2));
                }
            }
            6 => {
                if time_only {
                    f.sec = Some(n(4, 2));
                    f.min = Some(n(2, 2));
                    f.hour = Some(n(0, 2));
                } else {
                    f.year = Some(Wide::Small(year(n(0, 2)).into()));
                    f.mon = Some(n(2, 2));
                    f.mday = Some(n(4, 2));
                }
            }
            8 | 10 | 12 | 14 => {
                if time_only {
                    f.sec = Some(n(l2 - 2, 2));
                    f.min = Some(n(l2 - 4, 2));
                    f.hour = Some(n(l2 - 6, 2));
                    f.mday = Some(n(l2 - 8, 2));
                    if l2 >= 10 {
                        f.mon = Some(n(l2 - 10, 2));
                    }
                    if l2 == 12 {
                        f.year = Some(Wide::Small(year(n(0, 2)).into()));
                    }
                    if l2 == 14 {
                        f.year = Some(Wide::Small(year(n(0, 4)).into()));
                        f.comp = false;
                    }
                } else {
                    f.year = Some(Wide::Small(year(n(0, 4)).into()));
                    f.mon = Some(n(4, 2));
                    f.mday = Some(n(6, 2));
                    if l2 >= 10 {
                        f.hour = Some(n(8, 2));
                    }
                    if l2 >= 12 {
                        f.min = Some(n(10, 2));
                    }
                    if l2 >= 14 {
                        f.sec = Some(n(12, 2));
                    }
                    f.comp = false;
                }
            }
            3 => {
                if time_only {
                    f.sec = Some(n(1, 2));
                    f.min = Some(n(0, 1));
                } else {
                    f.yday = Some(n(0, 3));
                }
            }
            5 => {
                if time_only {
                    f.sec = Some(n(3, 2));
                    f.min = Some(n(1, 2));
                    f.hour = Some(n(0, 1));
                } else {
                    f.year = Some(Wide::Small(year(n(0, 2)).into()));
                    f.yday = Some(n(2, 3));
                }
            }
            7 => {
                if time_only {
                    f.sec = Some(n(5, 2));
                    f.min = Some(n(3, 2));
                    f.hour = Some(n(1, 2));
                    f.mday = Some(n(0, 1));
                } else {
                    f.year = Some(Wide::Small(year(n(0, 4)).into()));
                    f.yday = Some(n(4, 3));
                }
            }
            _ => {}
        }
        if let Some(s3) = s3 {
            let l3 = s3.len();
            if matches!(l3, 2 | 4 | 6) {
                let m = |from: usize| num(&s3[from..from + 2]);
                if s4.is_some() {
                    f.sec = Some(m(l3 - 2));
                    if l3 >= 4 {
                        f.min = Some(m(l3 - 4));
                    }
                    if l3 >= 6 {
                        f.hour = Some(m(l3 - 6));
                    }
                } else {
                    f.hour = Some(m(0));
                    if l3 >= 4 {
                        f.min = Some(m(2));
                    }
                    if l3 >= 6 {
                        f.sec = Some(m(4));
                    }
                }
            }
        }
        if let Some(s4) = s4 {
            f.nanos = Some(fraction_nanos(s4));
        }
        if let Some(z) = group(c, 5) {
            let z = String::from_utf8_lossy(z).into_owned();
            // `[+9:JST]`: the zone is the name after the colon (or the whole).
            f.zone = Some(
                match z.strip_prefix('[').and_then(|z| z.strip_suffix(']')) {
                    Some(inner) => inner
                        .split_once(':')
                        .map_or(inner, |(_, name)| name)
                        .to_string(),
                    None => z,
                },
            );
        }
    })
}

/// Ruby's `Date._parse(str, true)`, reduced to the fields `Time.parse` reads.
fn date_parse(input: &str) -> Fields {
    let mut s = re_blank()
        .replace_all(input.as_bytes(), &b" "[..])
        .into_owned();
    let mut f = Fields {
        comp: true,
        ..Fields::default()
    };
    let has = |s: &[u8]| classes(s);

    if has(&s).alpha {
        subs(&mut s, re_day(), |_| {});
    }
    if has(&s).digit {
        parse_time(&mut s, &mut f);
    }
    let found = 'found: {
        let k = has(&s);
        if k.alpha && k.digit {
            let eu = subs(&mut s, re_eu(), |c| {
                s3e(
                    &mut f,
                    group(c, 4),
                    month_field(c, 2),
                    group(c, 1),
                    is_bc(group(c, 3)),
                )
            });
            if eu {
                break 'found true;
            }
            let us = subs(&mut s, re_us(), |c| {
                s3e(
                    &mut f,
                    group(c, 4),
                    month_field(c, 1),
                    group(c, 2),
                    is_bc(group(c, 3)),
                )
            });
            if us {
                break 'found true;
            }
        }
        let k = has(&s);
        if k.digit && k.dash && subs(&mut s, re_iso(), |c| s3e_in_order(&mut f, c)) {
            break 'found true;
        }
        let k = has(&s);
        if k.digit
            && k.dot
            && subs(&mut s, re_jis(), |c| {
                let era = match group(c, 1).map(|e| e[0].to_ascii_lowercase()) {
                    Some(b'm') => 1867,
                    Some(b't') => 1911,
                    Some(b's') => 1925,
                    Some(b'h') => 1988,
                    _ => 0,
                };
                f.year = Some(wide_num(group(c, 2).unwrap_or_default()).plus(era));
                f.mon = group(c, 3).map(num);
                f.mday = group(c, 4).map(num);
            })
        {
            break 'found true;
        }
        let k = has(&s);
        if k.alpha && k.digit && k.dash {
            if subs(&mut s, re_vms11(), |c| {
                s3e(&mut f, group(c, 3), month_field(c, 2), group(c, 1), false)
            }) {
                break 'found true;
            }
            if subs(&mut s, re_vms12(), |c| {
                s3e(&mut f, group(c, 3), month_field(c, 1), group(c, 2), false)
            }) {
                break 'found true;
            }
        }
        let k = has(&s);
        if k.digit && k.slash && subs(&mut s, re_sla(), |c| s3e_in_order(&mut f, c)) {
            break 'found true;
        }
        let k = has(&s);
        if k.digit && k.dot && subs(&mut s, re_dot(), |c| s3e_in_order(&mut f, c)) {
            break 'found true;
        }
        if has(&s).digit && parse_iso2(&mut s, &mut f) {
            break 'found true;
        }
        if has(&s).digit && subs(&mut s, re_year(), |c| f.year = group(c, 1).map(wide_num)) {
            break 'found true;
        }
        if has(&s).alpha && subs(&mut s, re_mon(), |c| f.mon = group(c, 1).map(mon_num)) {
            break 'found true;
        }
        if has(&s).digit && subs(&mut s, re_mday(), |c| f.mday = group(c, 1).map(num)) {
            break 'found true;
        }
        has(&s).digit && parse_ddd(&mut s, &mut f)
    };
    let _ = found;

    if has(&s).alpha {
        subs(&mut s, re_bc(), |_| f.bc = true);
    }
    if has(&s).digit {
        subs(&mut s, re_frag(), |c| {
            let n = num(group(c, 1).unwrap_or_default());
            if f.hour.is_some() && f.mday.is_none() && (1..=31).contains(&n) {
                f.mday = Some(n);
            }
            if f.mday.is_some() && f.hour.is_none() && (0..=24).contains(&n) {
                f.hour = Some(n);
            }
        });
    }
    if f.bc {
        f.year = f.year.map(|y| y.neg().plus(1));
    }
    if f.comp {
        f.year = f.year.map(|y| match y.within(0, 99) {
            Some(y @ 0..=68) => Wide::Small(y + 2000),
            Some(y) => Wide::Small(y + 1900),
            None => y,
        });
    }
    f
}

fn parse_iso2(s: &mut Vec<u8>, f: &mut Fields) -> bool {
    // Week dates set only commercial-calendar fields, which `Time.parse` ignores.
    if subs(s, re_iso21(), |_| {}) || subs(s, re_iso22(), |_| {}) {
        return true;
    }
    if subs(s, re_iso23(), |c| {
        if let Some(m) = group(c, 1) {
            f.mon = Some(num(m));
        }
        f.mday = group(c, 2).map(num);
    }) {
        return true;
    }
    if subs(s, re_iso24(), |c| {
        f.mon = group(c, 1).map(num);
        if let Some(d) = group(c, 2) {
            f.mday = Some(num(d));
        }
    }) {
        return true;
    }
    if !re_iso25_not().is_match(s)
        && subs(s, re_iso25(), |c| {
            f.year = group(c, 1).map(wide_num);
            f.yday = group(c, 2).map(num);
        })
    {
        return true;
    }
    !re_iso26_not().is_match(s) && subs(s, re_iso26(), |c| f.yday = group(c, 1).map(num))
}

/// `Time.zone_offset`: numeric offsets with two-digit hours, the RFC 822 and
/// military names, or the local zone's own abbreviation in January or July.
fn zone_offset(zone: &str, year: &Wide, tz: &dyn Zone) -> Option<i32> {
    let z = zone.to_ascii_uppercase();
    let b = z.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<i32> {
        let part = b.get(r)?;
        part.iter()
            .all(u8::is_ascii_digit)
            .then(|| num(part) as i32)
    };
    if b.len() >= 5 && matches!(b[0], b'+' | b'-') {
        let sign = if b[0] == b'-' { -1 } else { 1 };
        let colon = b[3] == b':';
        let m_at = if colon { 4 } else { 3 };
        let (h, m) = (digits(1..3), digits(m_at..m_at + 2));
        // `-00:0` is too short for its minutes (and no offset).
        let rest = b.get(m_at + 2..).unwrap_or_default();
        let s = match rest {
            [] => Some(0),
            [sep, ..] if colon && *sep == b':' && rest.len() == 3 => digits(m_at + 3..m_at + 5),
            [..] if !colon && rest.len() == 2 => digits(m_at + 2..m_at + 4),
            _ => None,
        };
        if let (Some(h), Some(m), Some(s)) = (h, m, s) {
            return Some(sign * ((h * 60 + m) * 60 + s));
        }
    }
    if b.len() == 3 && matches!(b[0], b'+' | b'-') {
        if let Some(h) = digits(1..3) {
            return Some(if b[0] == b'-' { -h } else { h } * 3600);
        }
    }
    let named = match z.as_str() {
        "UTC" | "Z" | "UT" | "GMT" => Some(0),
        "EST" => Some(-5),
        "EDT" => Some(-4),
        "CST" => Some(-6),
        "CDT" => Some(-5),
        "MST" => Some(-7),
        "MDT" => Some(-6),
        "PST" => Some(-8),
        "PDT" => Some(-7),
        _ if b.len() == 1 && b[0].is_ascii_uppercase() && b[0] != b'J' => {
            let c = i32::from(b[0]);
            Some(match b[0] {
                b'A'..=b'I' => c - i32::from(b'A') + 1,
                b'K'..=b'M' => c - i32::from(b'K') + 10,
                b'N'..=b'Y' => -(c - i32::from(b'N') + 1),
                _ => 0,
            })
        }
        _ => None,
    };
    if let Some(h) = named {
        return Some(h * 3600);
    }
    let year = year.within(i32::MIN.into(), i32::MAX.into())? as i32;
    for month in [1, 7] {
        let naive = NaiveDate::from_ymd_opt(year, month, 1)?.and_time(NaiveTime::MIN);
        let t = super::local_time(tz, naive)?;
        if tz.abbreviation(&t.naive_utc()).eq_ignore_ascii_case(&z) {
            return Some(t.offset().local_minus_utc());
        }
    }
    None
}

fn month_days(y: &Wide, m: i64) -> Option<i64> {
    // The calendar repeats every 400 years.
    let y = y.mod_floor(400);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    usize::try_from(m - 1)
        .ok()
        .and_then(|i| days.get(i).copied())
}

/// Wall-clock fields, as `Time.local`/`Time.utc` take them.
struct Civil {
    year: Wide,
    mon: i64,
    day: i64,
    hour: i64,
    min: i64,
    sec: i64,
    nanos: i64,
}

/// `Time.parse`'s `apply_offset`: wall clock at `off` to UTC wall clock, with its
/// one-step day carry.
fn apply_offset(c: &mut Civil, off: i64) {
    fn carry(v: &mut i64, o: i64, base: i64) -> i64 {
        *v += o;
        let q = v.div_euclid(base);
        *v = v.rem_euclid(base);
        q
    }
    let sign = if off < 0 { 1 } else { -1 };
    let mut off = off.abs();
    let o = off % 60;
    off /= 60;
    if o != 0 {
        off += sign * carry(&mut c.sec, sign * o, 60);
    }
    let o = off % 60;
    off /= 60;
    if o != 0 {
        off += sign * carry(&mut c.min, sign * o, 60);
    }
    let o = off % 24;
    off /= 24;
    if o != 0 {
        off += sign * carry(&mut c.hour, sign * o, 24);
    }
    if off == 0 {
        return;
    }
    if sign > 0 {
        c.day += off;
        if month_days(&c.year, c.mon).is_some_and(|days| days < c.day) {
            c.mon += 1;
            if c.mon > 12 {
                c.mon = 1;
                c.year = c.year.plus(1);
            }
            c.day = 1;
        }
    } else {
        c.day -= off;
        if c.day < 1 {
            c.mon -= 1;
            if c.mon < 1 {
                c.year = c.year.plus(-1);
                c.mon = 12;
            }
            c.day = month_days(&c.year, c.mon).unwrap_or(31);
        }
    }
}

/// `Time.local`/`Time.utc`'s argument checks and normalisation: day 31 of a
/// 30-day month and days past February's end roll into the next month, hour 24
/// and second 60 roll forward.
fn civil_to_naive(c: Civil) -> Result<NaiveDateTime, String> {
    if !(1..=12).contains(&c.mon) {
        return Err("mon out of range".into());
    }
    if !(1..=31).contains(&c.day) {
        return Err("mday out of range".into());
    }
    if !(0..=24).contains(&c.hour) || !(0..=59).contains(&c.min) || !(0..=60).contains(&c.sec) {
        return Err("argument out of range".into());
    }
    if c.hour == 24 && (c.min > 0 || c.sec > 0) {
        return Err("min out of range".into());
    }
    let (mut mon, mut day) = (c.mon, c.day);
    let feb = month_days(&c.year, 2).unwrap_or(28);
    if mon == 2 && day > feb {
        day -= feb;
        mon += 1;
    } else if matches!(mon, 4 | 6 | 9 | 11) && day == 31 {
        mon += 1;
        day = 1;
    }
    let year = c
        .year
        .within(i32::MIN.into(), i32::MAX.into())
        .ok_or_else(|| "year out of range".to_string())? as i32;
    let date = NaiveDate::from_ymd_opt(year, mon as u32, day as u32)
        .ok_or_else(|| "argument out of range".to_string())?;
    let t = date.and_time(NaiveTime::MIN)
        + chrono::Duration::hours(c.hour)
        + chrono::Duration::minutes(c.min)
        + chrono::Duration::seconds(c.sec)
        + chrono::Duration::nanoseconds(c.nanos);
    Ok(t)
}

/// `Time.zone_utc?`: the zones that make `Time.parse` return a UTC time.
fn zone_utc(zone: &str) -> bool {
    ["-00:00", "-0000", "-00", "UTC", "Z", "UT"]
        .iter()
        .any(|z| z.eq_ignore_ascii_case(zone))
}

/// Ruby's `Time.parse(input, now)` with `zone` as the local zone, in the
/// zone mode Ruby gives the result: UTC for `Z`/`UTC`/`-00:00`, the local
/// zone when it has the parsed offset at that instant, a fixed offset
/// otherwise, and local time when the string names no zone Ruby knows.
/// The error is Ruby's `ArgumentError` message.
pub fn time_parse(
    input: &str,
    zone: &dyn Zone,
    now: DateTime<FixedOffset>,
) -> Result<Time, String> {
    // `Date._parse`'s `limit:` (128 bytes by default) guards its patterns.
    if input.len() > 128 {
        return Err(format!(
            "string length ({}) exceeds the limit 128",
            input.len()
        ));
    }
    if let Some(local) = iso_fast(input.as_bytes()) {
        return Ok(Time::new(
            super::local_time(zone, local).ok_or("argument out of range")?,
            TimeMode::Local,
        ));
    }
    let mut f = date_parse(input);
    if f.year.is_none()
        && f.yday.is_none()
        && f.mon.is_none()
        && f.mday.is_none()
        && f.hour.is_none()
        && f.min.is_none()
        && f.sec.is_none()
        && f.nanos.is_none()
    {
        return Err(format!("no time information in {input:?}"));
    }
    if let Some(yday) = f.yday.take() {
        // Ruby guesses month and day from the day of the year, then corrects.
        if !(1..=366).contains(&yday) {
            return Err(format!("yday {yday} out of range"));
        }
        let year = f.year.take().unwrap_or(Wide::Small(now.year().into()));
        let first = year
            .within(i32::MIN.into(), i32::MAX.into())
            .and_then(|y| i32::try_from(y).ok())
            .and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1))
            .ok_or("year out of range")?;
        let date = first + chrono::Duration::days(yday - 1);
        if Wide::Small(date.year().into()) != year {
            return Err(format!("yday {yday} out of range"));
        }
        f.year = Some(year);
        f.mon = Some(i64::from(date.month()));
        f.mday = Some(i64::from(date.day()));
    }
    let off_year = f.year.clone().unwrap_or(Wide::Small(now.year().into()));
    let mut off = f
        .zone
        .as_deref()
        .and_then(|z| zone_offset(z, &off_year, zone));
    let now_here = match off {
        Some(o) => now.with_timezone(&FixedOffset::east_opt(o).ok_or("bad offset")?),
        None => super::at_utc(zone, now.naive_utc()),
    };
    // Fields before the first one given come from now; later ones default to zero.
    // The year is wider than the other fields; its place counts here.
    let given = [
        f.year.as_ref().map(|_| 0),
        f.mon,
        f.mday,
        f.hour,
        f.min,
        f.sec,
        f.nanos,
    ];
    let from_now = [
        0,
        i64::from(now_here.month()),
        i64::from(now_here.day()),
        i64::from(now_here.hour()),
        i64::from(now_here.minute()),
        i64::from(now_here.second()),
        i64::from(now_here.nanosecond() / 1000 * 1000),
    ];
    let first_given = given
        .iter()
        .position(Option::is_some)
        .unwrap_or(given.len());
    let mut v = [0i64; 7];
    for i in 0..7 {
        v[i] = match given[i] {
            Some(x) => x,
            None if i < first_given => from_now[i],
            None => [1970, 1, 1, 0, 0, 0, 0][i],
        };
    }
    let mut c = Civil {
        // Before every other field: given or now's.
        year: f.year.take().unwrap_or(Wide::Small(now_here.year().into())),
        mon: v[1],
        day: v[2],
        hour: v[3],
        min: v[4],
        sec: v[5],
        nanos: v[6],
    };
    if c.year != off_year {
        off = f
            .zone
            .as_deref()
            .and_then(|z| zone_offset(z, &c.year, zone));
    }
    // Past chrono's years, the date is worked out in a year of the same
    // calendar and moved by whole eras; the local zone's offset there is
    // the one at the edge of chrono's range, as for `Time.at`.
    let (eras, year) = Time::split_year(&c.year);
    c.year = Wide::Small(year.into());
    let shift = |at: DateTime<FixedOffset>, mode: TimeMode| match eras {
        Wide::Small(0) => Ok(Time::new(at, mode)),
        _ => Time::shifted(at, &eras, mode).ok_or_else(|| "year out of range".to_string()),
    };
    match off {
        Some(o) => {
            apply_offset(&mut c, i64::from(o));
            let utc = civil_to_naive(c)?;
            let z = f.zone.as_deref().unwrap_or_default();
            // Ruby's `force_zone!`; a time at the local zone's offset reads
            // as local (its `%Z` names the zone).
            let (shown, mode) = if zone_utc(z) {
                (FixedOffset::east_opt(0), TimeMode::Utc)
            } else if local_offset(zone, utc, &eras).local_minus_utc() == o {
                (FixedOffset::east_opt(o), TimeMode::Local)
            } else {
                (FixedOffset::east_opt(o), TimeMode::Fixed)
            };
            let shown = shown.ok_or("bad offset")?;
            shift(shown.from_utc_datetime(&utc), mode)
        }
        None => {
            let local = civil_to_naive(c)?;
            let at = match eras {
                Wide::Small(0) => super::local_time(zone, local),
                _ => local_offset(zone, local, &eras)
                    .from_local_datetime(&local)
                    .single(),
            };
            shift(at.ok_or("argument out of range")?, TimeMode::Local)
        }
    }
}

/// The local zone's offset at `t` (a UTC time, or a wall-clock one far
/// away), `eras` eras from it: Ruby's guess past chrono's years.
fn local_offset(zone: &dyn Zone, t: NaiveDateTime, eras: &Wide) -> FixedOffset {
    match eras {
        Wide::Small(0) => zone.offset_at_utc(&t),
        _ => far_offset(zone, t, !eras.is_negative()),
    }
}

/// `YYYY-MM-DD` or `YYYY-MM-DD HH:MM:SS` exactly (the common front-matter
/// shapes), without the pattern matchers.
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
    // Month-end rollover and validation take the general path.
    if !(1..=12).contains(&m) || !(1..=28).contains(&day) {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(y as i32, m, day)?;
    let (h, mi, sec) = if b.len() == 19 {
        (d(11, 2)?, d(14, 2)?, d(17, 2)?)
    } else {
        (0, 0, 0)
    };
    date.and_hms_opt(h, mi, sec)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_parse_fields_like_ruby() {
        let f = date_parse("1/5/2024");
        assert_eq!(
            (f.year, f.mon, f.mday),
            (Some(Wide::Small(2024)), Some(5), Some(1))
        );
        let f = date_parse("2024");
        assert_eq!((f.year, f.mon, f.mday), (None, Some(20), Some(24)));
        let f = date_parse("Jan 5, '24");
        assert_eq!(
            (f.year, f.mon, f.mday),
            (Some(Wide::Small(2024)), Some(1), Some(5))
        );
    }
}
