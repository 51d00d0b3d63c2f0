//! Ruby's `Time`: an instant shown at an offset, in one of Ruby's three
//! zone modes, which decide how `to_s` and `%Z` print it.
//!
//! Ruby's times have no range limit (`Time.at(10**20)` is in the year
//! 3168873852651), so the instant is kept as days in an `i128` and the
//! second of that day rather than as a chrono time, whose years stop at
//! ±262143; [`Time::to_chrono`] gives the chrono time where one exists.

use std::cmp::Ordering;
use std::hash::{Hash, Hasher};

use chrono::{DateTime, FixedOffset, Utc};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::ToPrimitive;

/// How a [`Time`] shows its zone, as Ruby's time modes do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum TimeMode {
    /// A local time (`Time.now`, `Time.at`, a time without an offset): `%Z`
    /// prints the local zone's abbreviation (Ruby's `TZ`), `to_s` the offset.
    #[default]
    Local,
    /// A UTC time (`Time.utc`, YAML's `...Z`, `Time.parse("... UTC")`):
    /// `to_s` ends in `UTC` and `%Z` prints `UTC`.
    Utc,
    /// A time at an explicit offset (`+05:30`): `%Z` prints nothing.
    Fixed,
}

/// A Ruby `Time`. Two times are equal when they are the same instant,
/// whatever their offsets or modes (Ruby's `==`/`eql?`).
#[derive(Clone, Copy, Debug)]
pub struct Time {
    /// The chrono time. A time past chrono's years (±262143) holds the
    /// nearest one here; [`Time::to_chrono`] tells the two apart, and
    /// formatting and comparisons use the exact instant.
    pub at: DateTime<FixedOffset>,
    /// Days since 1970-01-01 (UTC).
    days: i128,
    /// Seconds into that day (UTC).
    sod: u32,
    /// Nanoseconds into that second.
    nanos: u32,
    /// The offset the time is shown at.
    offset: FixedOffset,
    /// How the zone prints.
    pub mode: TimeMode,
}

/// The wall-clock fields of a [`Time`] at its offset (Ruby's `Time#to_a`
/// and what `strftime` prints), for any year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Civil {
    pub(crate) year: i128,
    /// 1..=12
    pub(crate) month: u32,
    /// 1..=31
    pub(crate) day: u32,
    pub(crate) hour: u32,
    pub(crate) minute: u32,
    pub(crate) second: u32,
    pub(crate) nanos: u32,
    /// Days since Sunday, 0..=6.
    pub(crate) wday: u32,
    /// Day of the year, 1..=366.
    pub(crate) yday: u32,
    /// The ISO 8601 week-based year and week (`%G`, `%V`).
    pub(crate) iso_year: i128,
    pub(crate) iso_week: u32,
}

/// Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's
/// algorithm, exact for every `i128` year we meet).
fn days_from_civil(y: i128, m: u32, d: u32) -> i128 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i128::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i128::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date `days` after 1970-01-01: (year, month, day).
fn civil_from_days(days: i128) -> (i128, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i128::from(m <= 2);
    (y, m, d)
}

impl Time {
    /// A time in `mode`.
    pub fn new(at: DateTime<FixedOffset>, mode: TimeMode) -> Time {
        Time::from_epoch(
            at.timestamp().into(),
            at.timestamp_subsec_nanos(),
            *at.offset(),
            mode,
        )
    }

    /// A UTC time (`Time.utc`).
    pub fn utc(at: DateTime<Utc>) -> Time {
        Time::new(at.fixed_offset(), TimeMode::Utc)
    }

    /// `Time.at(secs)` shown at `offset`, for any number of seconds
    /// (`nanos` past a billion carry into the seconds).
    pub fn from_epoch(secs: i128, nanos: u32, offset: FixedOffset, mode: TimeMode) -> Time {
        let secs = secs.saturating_add(i128::from(nanos / 1_000_000_000));
        Time {
            at: nearest_chrono(secs, nanos % 1_000_000_000, offset),
            days: secs.div_euclid(86_400),
            sod: secs.rem_euclid(86_400) as u32,
            nanos: nanos % 1_000_000_000,
            offset,
            mode,
        }
    }

    /// [`Time::from_epoch`] for a Bignum of seconds; `None` past `i128`
    /// days (a year beyond 10^35).
    pub fn from_epoch_big(secs: &BigInt, offset: FixedOffset, mode: TimeMode) -> Option<Time> {
        let (days, sod) = secs.div_mod_floor(&BigInt::from(86_400));
        let nearest = if secs.sign() == num_bigint::Sign::Minus {
            i128::MIN
        } else {
            i128::MAX
        };
        Some(Time {
            at: nearest_chrono(nearest, 0, offset),
            days: days.to_i128()?,
            sod: sod.to_u32()?,
            nanos: 0,
            offset,
            mode,
        })
    }

    /// The chrono time, or `None` past chrono's years (±262143).
    pub fn to_chrono(&self) -> Option<DateTime<FixedOffset>> {
        let secs = i64::try_from(self.timestamp_i128()?).ok()?;
        DateTime::from_timestamp(secs, self.nanos).map(|t| t.with_timezone(&self.offset))
    }

    /// Seconds since the Unix epoch (`Time#to_i`), unless past `i128`.
    pub fn timestamp_i128(&self) -> Option<i128> {
        self.days
            .checked_mul(86_400)?
            .checked_add(i128::from(self.sod))
    }

    /// Seconds since the Unix epoch, for any time.
    pub fn timestamp_big(&self) -> BigInt {
        BigInt::from(self.days) * 86_400 + self.sod
    }

    /// Seconds since the Unix epoch, saturated to `i64`.
    pub fn timestamp(&self) -> i64 {
        match self.timestamp_i128() {
            Some(s) => i64::try_from(s).unwrap_or(if s < 0 { i64::MIN } else { i64::MAX }),
            None if self.days < 0 => i64::MIN,
            None => i64::MAX,
        }
    }

    /// Nanoseconds into the second.
    pub fn subsec_nanos(&self) -> u32 {
        self.nanos
    }

    /// The offset the time is shown at.
    pub fn offset(&self) -> FixedOffset {
        self.offset
    }

    /// The same instant shown at `offset` (`Time#localtime(offset)`).
    pub fn with_offset(self, offset: FixedOffset, mode: TimeMode) -> Time {
        Time {
            offset,
            mode,
            ..self
        }
    }

    /// The wall-clock fields at the time's offset.
    pub(crate) fn civil(&self) -> Civil {
        let local = i64::from(self.sod) + i64::from(self.offset.local_minus_utc());
        let days = self.days + i128::from(local.div_euclid(86_400));
        let sod = local.rem_euclid(86_400) as u32;
        let (year, month, day) = civil_from_days(days);
        let wday = (days + 4).rem_euclid(7) as u32;
        let yday = (days - days_from_civil(year, 1, 1) + 1) as u32;
        // The ISO week belongs to the year of its Thursday.
        let monday_based = (wday + 6) % 7;
        let thursday = days - i128::from(monday_based) + 3;
        let (iso_year, _, _) = civil_from_days(thursday);
        let iso_week = ((thursday - days_from_civil(iso_year, 1, 1)) / 7 + 1) as u32;
        Civil {
            year,
            month,
            day,
            hour: sod / 3600,
            minute: sod / 60 % 60,
            second: sod % 60,
            nanos: self.nanos,
            wday,
            yday,
            iso_year,
            iso_week,
        }
    }
}

/// The chrono time at `secs`, or the nearest one chrono has.
fn nearest_chrono(secs: i128, nanos: u32, offset: FixedOffset) -> DateTime<FixedOffset> {
    let utc = i64::try_from(secs)
        .ok()
        .and_then(|s| DateTime::from_timestamp(s, nanos))
        // A day inside chrono's edge, so any offset still has a local date.
        .unwrap_or(if secs < 0 {
            DateTime::<Utc>::MIN_UTC + chrono::Duration::days(1)
        } else {
            DateTime::<Utc>::MAX_UTC - chrono::Duration::days(1)
        });
    utc.with_timezone(&offset)
}

/// A chrono time becomes a local time (the mode Ruby's `Time.now` and
/// Jekyll's dates have).
impl From<DateTime<FixedOffset>> for Time {
    fn from(at: DateTime<FixedOffset>) -> Time {
        Time::new(at, TimeMode::Local)
    }
}

impl PartialEq for Time {
    fn eq(&self, other: &Time) -> bool {
        (self.days, self.sod, self.nanos) == (other.days, other.sod, other.nanos)
    }
}

impl Eq for Time {}

impl PartialOrd for Time {
    fn partial_cmp(&self, other: &Time) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Time {
    fn cmp(&self, other: &Time) -> Ordering {
        (self.days, self.sod, self.nanos).cmp(&(other.days, other.sod, other.nanos))
    }
}

impl Hash for Time {
    fn hash<H: Hasher>(&self, state: &mut H) {
        (self.days, self.sod, self.nanos).hash(state);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Datelike, TimeZone, Timelike};

    #[test]
    fn civil_fields_agree_with_chrono_across_its_range() {
        let mut secs: i64 = -8_000_000_000_000;
        while secs < 8_000_000_000_000 {
            let at = FixedOffset::east_opt(19_800)
                .unwrap()
                .timestamp_opt(secs, 7)
                .unwrap();
            let c = Time::new(at, TimeMode::Fixed).civil();
            let iso = at.iso_week();
            assert_eq!(
                (c.year, c.month, c.day, c.hour, c.minute, c.second, c.wday, c.yday),
                (
                    i128::from(at.year()),
                    at.month(),
                    at.day(),
                    at.hour(),
                    at.minute(),
                    at.second(),
                    at.weekday().num_days_from_sunday(),
                    at.ordinal()
                ),
                "{at}"
            );
            assert_eq!(
                (c.iso_year, c.iso_week),
                (i128::from(iso.year()), iso.week()),
                "{at}"
            );
            secs += 86_400 * 997 + 3_607;
        }
    }

    #[test]
    fn times_past_chrono_have_ruby_dates() {
        // Ruby: Time.at(10**20).utc => 3168873852651-02-22 09:46:40 UTC
        let t = Time::from_epoch(
            10i128.pow(20),
            0,
            FixedOffset::east_opt(0).unwrap(),
            TimeMode::Utc,
        );
        let c = t.civil();
        assert_eq!(
            (c.year, c.month, c.day, c.hour, c.minute),
            (3_168_873_852_651, 2, 22, 9, 46)
        );
        assert!(t.to_chrono().is_none());
        // Ruby: Time.at(10**40).utc.year => 316887385068114309645621034631676
        let utc = FixedOffset::east_opt(0).unwrap();
        let t = Time::from_epoch_big(&BigInt::from(10).pow(40), utc, TimeMode::Utc).unwrap();
        assert_eq!(t.civil().year, 316_887_385_068_114_309_645_621_034_631_676);
        assert_eq!(t.timestamp_big(), BigInt::from(10).pow(40));
    }
}
