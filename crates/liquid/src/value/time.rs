//! Ruby's `Time`: an instant shown at an offset, in one of Ruby's three
//! zone modes, which decide how `to_s` and `%Z` print it.
//!
//! Ruby's times have no range limit (`Time.at(10**20)` is in the year
//! 3168873852651) but chrono's stop at ±262143. The Gregorian calendar
//! repeats every 400 years (146,097 days, a whole number of weeks), so a
//! far time is a chrono time plus a count of 204,800-year eras: every field
//! but the year reads straight from chrono. The count is four bytes inline
//! and, past 2^30 eras, a handle to a Bignum (`far.rs`), so a [`Time`]
//! holds any year Ruby's does and still keeps [`super::Value`] at 24 bytes.

mod far;

use std::cmp::Ordering;
use std::hash::{Hash, Hasher};

use chrono::{DateTime, Datelike, FixedOffset, Timelike, Utc};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive};

use far::Era;

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
///
/// Cloning is a copy, except for a time past about 2 * 10^14 years, whose
/// era count lives in a shared table (see `far.rs`).
#[derive(Clone, Debug)]
pub struct Time {
    /// The chrono time: the time itself, or for a time past chrono's years
    /// (`era` not 0) the same moment that many eras of 204,800 years
    /// earlier or later. [`Time::to_chrono`] tells the two apart.
    pub at: DateTime<FixedOffset>,
    /// Eras of 204,800 years to add to `at` (0 within chrono's years).
    era: Era,
    /// How the zone prints.
    pub mode: TimeMode,
}

/// An integer that may pass 128 bits: a year or a count of seconds of a
/// far [`Time`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Wide {
    Small(i128),
    Big(BigInt),
}

impl Wide {
    /// `b`, as `Small` when it fits.
    pub(crate) fn big(b: BigInt) -> Wide {
        match b.to_i128() {
            Some(i) => Wide::Small(i),
            None => Wide::Big(b),
        }
    }

    /// `self + d`.
    pub(crate) fn plus(&self, d: i128) -> Wide {
        match self {
            Wide::Small(v) => match v.checked_add(d) {
                Some(r) => Wide::Small(r),
                None => Wide::big(BigInt::from(*v) + d),
            },
            Wide::Big(b) => Wide::big(b + d),
        }
    }

    /// `-self`.
    pub(crate) fn neg(&self) -> Wide {
        match self {
            Wide::Small(v) => v
                .checked_neg()
                .map_or_else(|| Wide::big(-BigInt::from(*v)), Wide::Small),
            Wide::Big(b) => Wide::big(-b),
        }
    }

    /// `self` divided by `d`, rounded down (Ruby's `div`).
    pub(crate) fn div_floor(&self, d: i128) -> Wide {
        match self {
            Wide::Small(v) => Wide::Small(v.div_euclid(d)),
            Wide::Big(b) => Wide::big(b.div_floor(&BigInt::from(d))),
        }
    }

    /// `self` modulo `d` (positive), as Ruby's `%`.
    pub(crate) fn mod_floor(&self, d: i128) -> i128 {
        match self {
            Wide::Small(v) => v.rem_euclid(d),
            Wide::Big(b) => b.mod_floor(&BigInt::from(d)).to_i128().unwrap_or(0),
        }
    }

    /// The value when it is in `min..=max`.
    pub(crate) fn within(&self, min: i128, max: i128) -> Option<i128> {
        match self {
            Wide::Small(v) if (min..=max).contains(v) => Some(*v),
            _ => None,
        }
    }

    /// Whether the value is below zero.
    pub(crate) fn is_negative(&self) -> bool {
        match self {
            Wide::Small(v) => *v < 0,
            Wide::Big(b) => b.is_negative(),
        }
    }

    /// The fewest decimal digits the magnitude can have, from its bit count
    /// alone (`|v| >= 2^(bits-1)`, with log10(2) rounded down to 0.301029995).
    pub(crate) fn min_digit_len(&self) -> usize {
        let bits = match self {
            Wide::Small(v) => u64::from(128 - v.unsigned_abs().leading_zeros()),
            Wide::Big(b) => b.bits(),
        };
        let low = u128::from(bits.saturating_sub(1)) * 301_029_995 / 1_000_000_000;
        usize::try_from(low).unwrap_or(usize::MAX - 1) + 1
    }

    /// The digits of the magnitude.
    pub(crate) fn magnitude_digits(&self) -> String {
        match self {
            Wide::Small(v) => v.unsigned_abs().to_string(),
            Wide::Big(b) => b.magnitude().to_string(),
        }
    }
}

impl From<Wide> for super::Value {
    fn from(w: Wide) -> super::Value {
        match w {
            Wide::Small(i) => super::Value::from(i),
            Wide::Big(b) => super::Value::integer(b),
        }
    }
}

/// The wall-clock fields of a [`Time`] at its offset (Ruby's `Time#to_a`
/// and what `strftime` prints), for any year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Civil {
    pub(crate) year: Wide,
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
    pub(crate) iso_year: Wide,
    pub(crate) iso_week: u32,
}

impl Time {
    /// A time in `mode`.
    pub fn new(at: DateTime<FixedOffset>, mode: TimeMode) -> Time {
        Time {
            at,
            era: Era::ZERO,
            mode,
        }
    }

    /// A UTC time (`Time.utc`).
    pub fn utc(at: DateTime<Utc>) -> Time {
        Time::new(at.fixed_offset(), TimeMode::Utc)
    }

    /// `Time.at(secs)` shown at `offset`, for any year (`None` only when
    /// 2^30 times past about 2 * 10^14 years are alive at once).
    pub fn from_epoch(secs: i128, nanos: u32, offset: FixedOffset, mode: TimeMode) -> Option<Time> {
        let secs = secs.checked_add(i128::from(nanos / 1_000_000_000))?;
        let nanos = nanos % 1_000_000_000;
        if let Some(at) = i64::try_from(secs)
            .ok()
            .and_then(|s| DateTime::from_timestamp(s, nanos))
        {
            return Some(Time::new(at.with_timezone(&offset), mode));
        }
        Time::far(
            &BigInt::from(secs.div_euclid(ERA_SECS)),
            secs.rem_euclid(ERA_SECS),
            nanos,
            offset,
            mode,
        )
    }

    /// [`Time::from_epoch`] for a Bignum of seconds (Ruby's `Time.at`
    /// takes any Integer: `Time.at(10**40)` is in the year 3 * 10^32).
    pub fn from_epoch_big(secs: &BigInt, offset: FixedOffset, mode: TimeMode) -> Option<Time> {
        if let Some(s) = secs.to_i128() {
            return Time::from_epoch(s, 0, offset, mode);
        }
        let (era, rest) = secs.div_mod_floor(&BigInt::from(ERA_SECS));
        Time::far(&era, rest.to_i128()?, 0, offset, mode)
    }

    /// Splits a year into whole eras and a year chrono holds (`year` itself
    /// within ±200,000): the calendar repeats every era, so a far date is
    /// worked out in the second part and shifted with [`Time::shifted`].
    pub(crate) fn split_year(year: &Wide) -> (Wide, i64) {
        if let Some(y) = year.within(-200_000, 200_000) {
            return (Wide::Small(0), y as i64);
        }
        (year.div_floor(ERA_YEARS), year.mod_floor(ERA_YEARS) as i64)
    }

    /// `at` moved `eras` eras of 204,800 years later, in `mode`.
    pub(crate) fn shifted(at: DateTime<FixedOffset>, eras: &Wide, mode: TimeMode) -> Option<Time> {
        let (secs, nanos) = (i128::from(at.timestamp()), at.timestamp_subsec_nanos());
        let eras = match eras {
            Wide::Small(e) => {
                if let Some(total) = e.checked_mul(ERA_SECS).and_then(|s| s.checked_add(secs)) {
                    return Time::from_epoch(total, nanos, *at.offset(), mode);
                }
                BigInt::from(*e)
            }
            Wide::Big(b) => b.clone(),
        };
        let era = eras + secs.div_euclid(ERA_SECS);
        Time::far(&era, secs.rem_euclid(ERA_SECS), nanos, *at.offset(), mode)
    }

    /// The time `era` eras and `rest` seconds (`0..ERA_SECS`) after the epoch.
    fn far(
        era: &BigInt,
        rest: i128,
        nanos: u32,
        offset: FixedOffset,
        mode: TimeMode,
    ) -> Option<Time> {
        let at = DateTime::from_timestamp(i64::try_from(rest).ok()?, nanos)?.with_timezone(&offset);
        Some(Time {
            at,
            era: Era::new(era)?,
            mode,
        })
    }

    /// The chrono time, or `None` past chrono's years (±262143).
    pub fn to_chrono(&self) -> Option<DateTime<FixedOffset>> {
        (self.era.small() == Some(0)).then_some(self.at)
    }

    /// Seconds since the Unix epoch (`Time#to_i`), for any year.
    pub fn timestamp_big(&self) -> BigInt {
        match self.timestamp_wide() {
            Wide::Small(s) => BigInt::from(s),
            Wide::Big(b) => b,
        }
    }

    pub(crate) fn timestamp_wide(&self) -> Wide {
        let s = i128::from(self.at.timestamp());
        match self.era.small() {
            Some(e) => Wide::Small(s + i128::from(e) * ERA_SECS),
            None => Wide::big(self.era.value().to_big() * ERA_SECS + s),
        }
    }

    /// Seconds since the Unix epoch, saturated to `i128`.
    pub fn timestamp_i128(&self) -> i128 {
        match self.timestamp_wide() {
            Wide::Small(s) => s,
            Wide::Big(b) if b.is_negative() => i128::MIN,
            Wide::Big(_) => i128::MAX,
        }
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

    /// Ruby's `Time#strftime` for any year; `zone` is what `%Z` prints.
    pub fn strftime(&self, fmt: &str, zone: &str) -> String {
        crate::date::strftime_time(self, fmt, zone)
    }

    /// Ruby's `Time#localtime`: the same instant at `zone`'s offset then,
    /// as a local time. Past chrono's years the offset is Ruby's guess:
    /// before them, the zone's earliest offset (its local mean time); after
    /// them, the offset on the same day of a year before 2038 whose month
    /// starts on the same weekday (so daylight saving time follows today's
    /// rules).
    pub fn localtime(&self, zone: &dyn crate::date::Zone) -> Time {
        let utc = self.at.naive_utc();
        let offset = match self.era.small() {
            Some(0) => zone.offset_at_utc(&utc),
            // The era keeps the year modulo 400, so the calendar is right.
            _ => far_offset(zone, utc, self.era > Era::ZERO),
        };
        Time {
            at: self.at.with_timezone(&offset),
            era: self.era.clone(),
            mode: TimeMode::Local,
        }
    }

    /// The wall-clock fields at the time's offset.
    pub(crate) fn civil(&self) -> Civil {
        let l = self.at.naive_local();
        let iso = l.iso_week();
        let (year, iso_year) = match self.era.small() {
            Some(e) => {
                let shift = i128::from(e) * ERA_YEARS;
                (
                    Wide::Small(i128::from(l.year()) + shift),
                    Wide::Small(i128::from(iso.year()) + shift),
                )
            }
            None => {
                let shift = self.era.value().to_big() * ERA_YEARS;
                (Wide::big(&shift + l.year()), Wide::big(shift + iso.year()))
            }
        };
        Civil {
            year,
            month: l.month(),
            day: l.day(),
            hour: l.hour(),
            minute: l.minute(),
            second: l.second(),
            nanos: l.nanosecond(),
            wday: l.weekday().num_days_from_sunday(),
            yday: l.ordinal(),
            iso_year,
            iso_week: iso.week(),
        }
    }
}

/// Ruby's guess of `zone`'s offset at a time past chrono's years, given
/// by its fields in a year of the same calendar (see [`Time::localtime`]).
pub(crate) fn far_offset(
    zone: &dyn crate::date::Zone,
    t: chrono::NaiveDateTime,
    future: bool,
) -> FixedOffset {
    let at = match future {
        false => chrono::NaiveDateTime::MIN,
        true => compat_year(t).unwrap_or(chrono::NaiveDateTime::MAX),
    };
    zone.offset_at_utc(&at)
}

/// `t` moved to the latest year up to 2037 with the same calendar month:
/// the month starts on the same weekday and, for February, the year is
/// leap alike (Ruby's guess for a zone's offset in the far future).
fn compat_year(t: chrono::NaiveDateTime) -> Option<chrono::NaiveDateTime> {
    use chrono::NaiveDate;
    let leap = |y: i32| NaiveDate::from_ymd_opt(y, 2, 29).is_some();
    let month = t.month();
    let weekday = NaiveDate::from_ymd_opt(t.year(), month, 1)?.weekday();
    let year = (1970..=2037).rev().find(|&y| {
        NaiveDate::from_ymd_opt(y, month, 1).is_some_and(|d| d.weekday() == weekday)
            && (month != 2 || leap(y) == leap(t.year()))
    })?;
    t.with_year(year)
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
        self.at == other.at && self.era == other.era
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
        self.era.cmp(&other.era).then(self.at.cmp(&other.at))
    }
}

impl Hash for Time {
    fn hash<H: Hasher>(&self, state: &mut H) {
        (&self.era, self.at).hash(state);
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
                (&c.year, c.month, c.day, c.hour, c.minute, c.second, c.wday, c.yday),
                (
                    &Wide::Small(at.year().into()),
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
                (Wide::Small(iso.year().into()), iso.week()),
                "{at}"
            );
            secs += 86_400 * 997 + 3_607;
        }
    }

    #[test]
    fn min_digit_len_never_overestimates() {
        let mut v = BigInt::from(1);
        for _ in 0..400 {
            for w in [v.clone(), &v - 1, -&v, &v * 7 + 3] {
                let w = Wide::big(w);
                let digits = w.magnitude_digits().len();
                let min = w.min_digit_len();
                assert!(min <= digits && digits <= min + 1, "{w:?}");
            }
            v *= 10;
        }
    }

    #[test]
    fn far_times_format_and_move_to_a_zone() {
        struct Plus2;
        impl crate::date::Zone for Plus2 {
            fn offset_at_utc(&self, _: &chrono::NaiveDateTime) -> FixedOffset {
                FixedOffset::east_opt(7200).unwrap()
            }
            fn offset_at_local(&self, _: &chrono::NaiveDateTime) -> FixedOffset {
                FixedOffset::east_opt(7200).unwrap()
            }
            fn abbreviation(&self, _: &chrono::NaiveDateTime) -> String {
                "P2".into()
            }
        }
        let utc = FixedOffset::east_opt(0).unwrap();
        let t = Time::from_epoch_big(&BigInt::from(10).pow(40), utc, TimeMode::Utc).unwrap();
        // Ruby: Time.at(10**40).utc.localtime("+02:00").strftime(...)
        let local = t.localtime(&Plus2);
        assert_eq!(local.mode, TimeMode::Local);
        assert_eq!(local, t);
        assert_eq!(
            local.strftime("%Y-%m-%dT%H:%M:%S%:z %Z", "P2"),
            "316887385068114309645621034631676-12-12T19:46:40+02:00 P2"
        );
    }

    #[test]
    fn values_stay_24_bytes() {
        // Every value is cloned and moved on the hot path; a wider `Value`
        // slowed every benchmark. `Time` sits behind an `Arc` so that an
        // inline `Str` and the tag fit.
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
            (Wide::Small(3_168_873_852_651), 2, 22, 9, 46)
        );
        assert!(t.to_chrono().is_none());
        // Before the epoch too: Time.at(-10**20).utc => -3168873848712-11-08.
        let t = Time::from_epoch(-(10i128.pow(20)), 0, utc, TimeMode::Utc).unwrap();
        let c = t.civil();
        assert_eq!(
            (c.year, c.month, c.day),
            (Wide::Small(-3_168_873_848_712), 11, 8)
        );
        assert!(t < Time::new(DateTime::<Utc>::MIN_UTC.fixed_offset(), TimeMode::Utc));
    }

    #[test]
    fn times_past_2_pow_30_eras_have_ruby_dates() {
        // Ruby: Time.at(10**40).utc => 316887385068114309645621034631676-12-12 17:46:40 UTC
        let utc = FixedOffset::east_opt(0).unwrap();
        let secs = BigInt::from(10).pow(40);
        let t = Time::from_epoch_big(&secs, utc, TimeMode::Utc).unwrap();
        let c = t.civil();
        let year: BigInt = "316887385068114309645621034631676".parse().unwrap();
        assert_eq!(
            (c.year, c.month, c.day, c.hour),
            (Wide::big(year), 12, 12, 17)
        );
        assert_eq!(t.timestamp_big(), secs);
        assert_eq!(t.timestamp_i128(), i128::MAX);
        // Time.at(-10**40).utc => -316887385068114309645621034627737-01-19 06:13:20 UTC
        let early = Time::from_epoch_big(&-&secs, utc, TimeMode::Utc).unwrap();
        let year: BigInt = "-316887385068114309645621034627737".parse().unwrap();
        assert_eq!(early.civil().year, Wide::big(year));
        // Past i128 too: Time.at(2**200).utc is in the year 5.1 * 10^52.
        let huge = Time::from_epoch_big(&BigInt::from(2).pow(200), utc, TimeMode::Utc).unwrap();
        let year: BigInt = "50921839481170116668490736758770701382129775834588049"
            .parse()
            .unwrap();
        assert_eq!(huge.civil().year, Wide::Big(year));
        assert!(early < t);
        assert_eq!(t, t.clone());
        let later = Time::from_epoch_big(&(&secs + 1), utc, TimeMode::Utc).unwrap();
        assert!(t < later);
        let near = Time::from_epoch(10i128.pow(20), 0, utc, TimeMode::Utc).unwrap();
        assert!(early < near && near < t);
        // The year just past 2^30 eras, from i128 and from Bignum seconds.
        let edge = (1i128 << 30) * ERA_SECS;
        let a = Time::from_epoch(edge, 0, utc, TimeMode::Utc).unwrap();
        let b = Time::from_epoch_big(&BigInt::from(edge), utc, TimeMode::Utc).unwrap();
        assert_eq!(a, b);
        assert_eq!(
            a.civil().year,
            Wide::Small((1i128 << 30) * ERA_YEARS + 1970)
        );
    }
}
