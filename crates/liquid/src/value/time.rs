//! Ruby's `Time`: an instant shown at an offset, in one of Ruby's three
//! zone modes, which decide how `to_s` and `%Z` print it.
//!
//! Ruby's times have no range limit (`Time.at(10**20)` is in the year
//! 3168873852651) but chrono's stop at ±262143. The Gregorian calendar
//! repeats every 400 years (146,097 days, a whole number of weeks), so a
//! far time is a chrono time plus a count of 204,800-year eras: every field
//! but the year reads straight from chrono, and a [`Time`] stays as small
//! as the chrono time, which keeps [`super::Value`] at 24 bytes.

use std::cmp::Ordering;
use std::hash::{Hash, Hasher};

use chrono::{DateTime, Datelike, FixedOffset, Timelike, Utc};
use num_bigint::BigInt;
use num_traits::ToPrimitive;

/// Years in an era: a multiple of 400 that chrono holds with room to spare.
const ERA_YEARS: i128 = 204_800;
/// Seconds in an era (512 Gregorian cycles of 146,097 days).
const ERA_SECS: i128 = 512 * 146_097 * 86_400;

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
    /// The chrono time: the time itself, or for a time past chrono's years
    /// (`era` not 0) the same moment that many eras of 204,800 years
    /// earlier or later. [`Time::to_chrono`] tells the two apart.
    pub at: DateTime<FixedOffset>,
    /// Eras of 204,800 years to add to `at` (0 within chrono's years).
    era: i32,
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

impl Time {
    /// A time in `mode`.
    pub fn new(at: DateTime<FixedOffset>, mode: TimeMode) -> Time {
        Time { at, era: 0, mode }
    }

    /// A UTC time (`Time.utc`).
    pub fn utc(at: DateTime<Utc>) -> Time {
        Time::new(at.fixed_offset(), TimeMode::Utc)
    }

    /// `Time.at(secs)` shown at `offset`; `None` past about 4 * 10^14
    /// years (2^31 eras).
    pub fn from_epoch(secs: i128, nanos: u32, offset: FixedOffset, mode: TimeMode) -> Option<Time> {
        let secs = secs.checked_add(i128::from(nanos / 1_000_000_000))?;
        let nanos = nanos % 1_000_000_000;
        if let Some(at) = i64::try_from(secs)
            .ok()
            .and_then(|s| DateTime::from_timestamp(s, nanos))
        {
            return Some(Time::new(at.with_timezone(&offset), mode));
        }
        let era = secs.div_euclid(ERA_SECS);
        let rest = i64::try_from(secs.rem_euclid(ERA_SECS)).ok()?;
        let at = DateTime::from_timestamp(rest, nanos)?.with_timezone(&offset);
        Some(Time {
            at,
            era: i32::try_from(era).ok()?,
            mode,
        })
    }

    /// [`Time::from_epoch`] for a Bignum of seconds.
    pub fn from_epoch_big(secs: &BigInt, offset: FixedOffset, mode: TimeMode) -> Option<Time> {
        Time::from_epoch(secs.to_i128()?, 0, offset, mode)
    }

    /// The chrono time, or `None` past chrono's years (±262143).
    pub fn to_chrono(&self) -> Option<DateTime<FixedOffset>> {
        (self.era == 0).then_some(self.at)
    }

    /// Seconds since the Unix epoch (`Time#to_i`).
    pub fn timestamp_i128(&self) -> i128 {
        i128::from(self.at.timestamp()) + i128::from(self.era) * ERA_SECS
    }

    /// Seconds since the Unix epoch, saturated to `i64`.
    pub fn timestamp(&self) -> i64 {
        let s = self.timestamp_i128();
        i64::try_from(s).unwrap_or(if s < 0 { i64::MIN } else { i64::MAX })
    }

    /// Nanoseconds into the second.
    pub fn subsec_nanos(&self) -> u32 {
        self.at.timestamp_subsec_nanos()
    }

    /// The offset the time is shown at.
    pub fn offset(&self) -> FixedOffset {
        *self.at.offset()
    }

    /// The wall-clock fields at the time's offset.
    pub(crate) fn civil(&self) -> Civil {
        let l = self.at.naive_local();
        let shift = i128::from(self.era) * ERA_YEARS;
        let iso = l.iso_week();
        Civil {
            year: i128::from(l.year()) + shift,
            month: l.month(),
            day: l.day(),
            hour: l.hour(),
            minute: l.minute(),
            second: l.second(),
            nanos: l.nanosecond(),
            wday: l.weekday().num_days_from_sunday(),
            yday: l.ordinal(),
            iso_year: i128::from(iso.year()) + shift,
            iso_week: iso.week(),
        }
    }
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
        (self.era, self.at) == (other.era, other.at)
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
        (self.era, self.at).cmp(&(other.era, other.at))
    }
}

impl Hash for Time {
    fn hash<H: Hasher>(&self, state: &mut H) {
        (self.era, self.at).hash(state);
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
    fn a_time_keeps_values_at_24_bytes() {
        // Every value is cloned and moved on the hot path; a wider `Time`
        // widened them all (and slowed every benchmark).
        assert_eq!(std::mem::size_of::<crate::Value>(), 24);
    }

    #[test]
    fn times_past_chrono_have_ruby_dates() {
        // Ruby: Time.at(10**20).utc => 3168873852651-02-22 09:46:40 UTC
        let utc = FixedOffset::east_opt(0).unwrap();
        let t = Time::from_epoch(10i128.pow(20), 0, utc, TimeMode::Utc).unwrap();
        assert_eq!(t.timestamp_i128(), 10i128.pow(20));
        let c = t.civil();
        assert_eq!(
            (c.year, c.month, c.day, c.hour, c.minute),
            (3_168_873_852_651, 2, 22, 9, 46)
        );
        assert!(t.to_chrono().is_none());
        // Before the epoch too: Time.at(-10**20).utc => -3168873848712-11-08.
        let t = Time::from_epoch(-(10i128.pow(20)), 0, utc, TimeMode::Utc).unwrap();
        let c = t.civil();
        assert_eq!((c.year, c.month, c.day), (-3_168_873_848_712, 11, 8));
        assert!(t < Time::new(DateTime::<Utc>::MIN_UTC.fixed_offset(), TimeMode::Utc));
        // Past 2^31 eras (10**40 s, the year 3 * 10^32) there is no time.
        assert!(Time::from_epoch_big(&BigInt::from(10).pow(40), utc, TimeMode::Utc).is_none());
    }
}
