//! Ruby's `Date` and `Time` as Psych builds them, without a date library.
//!
//! `Date` follows Ruby's default calendar (Julian before the 1582-10-15
//! reform, so 1582-10-05..14 do not exist). `Time` is an instant plus the
//! UTC offset it is shown in, and remembers whether Ruby would print it as
//! `UTC` (a `Z` suffix), a fixed offset, or local time.

use std::fmt;

/// A calendar date (Ruby `Date`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    /// Year (may be 0 or negative).
    pub year: i32,
    /// Month, 1..=12.
    pub month: u8,
    /// Day of month, 1..=31.
    pub day: u8,
}

fn is_julian(y: i64, m: i64, d: i64) -> bool {
    (y, m, d) < (1582, 10, 15)
}

fn month_days(y: i64, m: i64, julian: bool) -> i64 {
    let leap = if julian {
        y.rem_euclid(4) == 0
    } else {
        (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
    };
    match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Date {
    /// A valid date in Ruby's default (Italian reform) calendar, or None.
    pub fn new(year: i64, month: i64, day: i64) -> Option<Date> {
        if !(1..=12).contains(&month) || day < 1 || year.abs() > 1_000_000 {
            return None;
        }
        let julian = is_julian(year, month, day);
        if day > month_days(year, month, julian) {
            return None;
        }
        if (year, month) == (1582, 10) && (5..15).contains(&day) {
            return None;
        }
        Some(Date {
            year: year as i32,
            month: month as u8,
            day: day as u8,
        })
    }

    /// The chronological Julian Day Number, as Ruby's `Date#jd`.
    pub fn jd(&self) -> i64 {
        let (y, m, d) = (self.year as i64, self.month as i64, self.day as i64);
        if is_julian(y, m, d) {
            let a = (14 - m).div_euclid(12);
            let yy = y + 4800 - a;
            let mm = m + 12 * a - 3;
            d + (153 * mm + 2).div_euclid(5) + 365 * yy + yy.div_euclid(4) - 32083
        } else {
            days_from_civil(y, m, d) + 2_440_588
        }
    }

    /// Day of week, 0 = Sunday (Ruby's `wday`).
    pub fn wday(&self) -> u32 {
        (self.jd() + 1).rem_euclid(7) as u32
    }
}

impl fmt::Display for Date {
    /// Ruby's `Date#to_s` (`%Y-%m-%d`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_year(f, self.year as i64)?;
        write!(f, "-{:02}-{:02}", self.month, self.day)
    }
}

fn write_year(f: &mut fmt::Formatter<'_>, y: i64) -> fmt::Result {
    if y < 0 {
        write!(f, "-{:04}", -y)
    } else {
        write!(f, "{y:04}")
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
pub fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The proleptic Gregorian date of a day count since 1970-01-01.
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// How Ruby shows a `Time`'s zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Zone {
    /// A `Z` suffix: `Time.utc`, printed as `UTC`.
    Utc,
    /// An explicit offset (`+01:00`), printed as `+0100`.
    Fixed,
    /// No offset in the YAML: the instant is read as UTC and shown in the
    /// local zone (Jekyll's `timezone`), printed as `+0100`.
    Local,
}

/// A Ruby `Time`: an instant and the offset it is displayed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Time {
    /// Seconds since the Unix epoch (UTC).
    pub unix: i64,
    /// Nanoseconds within the second.
    pub nanos: u32,
    /// Offset from UTC in seconds used to display it.
    pub offset: i32,
    /// How the zone prints.
    pub zone: Zone,
}

/// The local wall-clock fields of a [`Time`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Civil {
    /// Year.
    pub year: i64,
    /// Month 1..=12.
    pub month: u32,
    /// Day 1..=31.
    pub day: u32,
    /// Hour 0..=23.
    pub hour: u32,
    /// Minute.
    pub minute: u32,
    /// Second.
    pub second: u32,
}

impl Time {
    /// The wall-clock fields in this time's offset.
    pub fn civil(&self) -> Civil {
        let local = self.unix + self.offset as i64;
        let days = local.div_euclid(86_400);
        let secs = local.rem_euclid(86_400);
        let (year, month, day) = civil_from_days(days);
        Civil {
            year,
            month,
            day,
            hour: (secs / 3600) as u32,
            minute: (secs / 60 % 60) as u32,
            second: (secs % 60) as u32,
        }
    }

    /// Ruby's `%z` rendering of the offset (`+0130`).
    pub fn offset_z(&self) -> String {
        let sign = if self.offset < 0 { '-' } else { '+' };
        let a = self.offset.unsigned_abs();
        format!("{sign}{:02}{:02}", a / 3600, a / 60 % 60)
    }
}

impl fmt::Display for Time {
    /// Ruby's `Time#to_s`: `2024-01-05 10:00:00 +0100` or `... UTC`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = self.civil();
        write_year(f, c.year)?;
        write!(
            f,
            "-{:02}-{:02} {:02}:{:02}:{:02} ",
            c.month, c.day, c.hour, c.minute, c.second
        )?;
        match self.zone {
            Zone::Utc => f.write_str("UTC"),
            _ => f.write_str(&self.offset_z()),
        }
    }
}
