//! Dates and times as Ruby handles them: `strftime` with every directive and
//! flag, Ruby's `Time.parse` (with `Date._parse`'s heuristics), and the
//! local time zone.

mod ruby_parse;
mod strftime;

use chrono::{DateTime, Duration, FixedOffset, NaiveDateTime, Offset, TimeZone as _, Utc};

pub use ruby_parse::time_parse;
pub use strftime::strftime;

use crate::value::Time;
pub(crate) use strftime::{
    output_too_long, strftime_checked, strftime_date, strftime_into, strftime_time,
};

/// The process's local time zone as Ruby sees it (`ENV["TZ"]`): Jekyll sets
/// it from the site's `timezone`. Used for times without an explicit offset
/// and for `%Z`.
pub trait Zone: Send + Sync {
    /// The offset in effect at a UTC instant.
    fn offset_at_utc(&self, utc: &NaiveDateTime) -> FixedOffset;
    /// The offset for a wall-clock time in this zone.
    fn offset_at_local(&self, local: &NaiveDateTime) -> FixedOffset;
    /// The abbreviation (`%Z`) at a UTC instant, e.g. `CET`.
    fn abbreviation(&self, utc: &NaiveDateTime) -> String;
}

/// UTC, the default zone.
#[derive(Debug, Clone, Copy, Default)]
pub struct UtcZone;

impl Zone for UtcZone {
    fn offset_at_utc(&self, _: &NaiveDateTime) -> FixedOffset {
        Utc.fix()
    }
    fn offset_at_local(&self, _: &NaiveDateTime) -> FixedOffset {
        Utc.fix()
    }
    fn abbreviation(&self, _: &NaiveDateTime) -> String {
        "UTC".into()
    }
}

/// Parses `s` as Ruby's `Time.parse(s, now)` with `zone` as the local
/// zone; `None` where Ruby raises.
pub fn parse_time(
    s: &str,
    zone: &dyn Zone,
    now: DateTime<FixedOffset>,
) -> Option<DateTime<FixedOffset>> {
    time_parse(s, zone, now).ok().and_then(|t| t.to_chrono())
}

/// [`parse_time`] with the zone mode Ruby gives the result (see
/// [`time_parse`]).
pub fn parse_time_with_mode(s: &str, zone: &dyn Zone, now: DateTime<FixedOffset>) -> Option<Time> {
    time_parse(s, zone, now).ok()
}

/// A wall-clock time in `zone`, as `Time.local` makes it: when the clock
/// goes back and the time occurs twice, the later one (standard time);
/// in a gap, moved forward by the gap. Decided from the zone's offsets at
/// UTC instants, so every [`Zone`] gets Ruby's choice.
pub(crate) fn local_time(zone: &dyn Zone, local: NaiveDateTime) -> Option<DateTime<FixedOffset>> {
    let at = |off: FixedOffset| {
        local.checked_sub_signed(Duration::seconds(off.local_minus_utc().into()))
    };
    let day = Duration::days(1);
    let (Some(before), Some(after)) =
        (local.checked_sub_signed(day), local.checked_add_signed(day))
    else {
        let off = zone.offset_at_local(&local);
        return off.from_local_datetime(&local).single();
    };
    let (before, after) = (zone.offset_at_utc(&before), zone.offset_at_utc(&after));
    // No change of offset within a day either side: the common case.
    if before == after {
        return at(before).map(|utc| before.from_utc_datetime(&utc));
    }
    let fits = |off: FixedOffset| at(off).is_some_and(|utc| zone.offset_at_utc(&utc) == off);
    // The later instant is the one at the smaller offset.
    let mut candidates = [before, after];
    candidates.sort_by_key(|o| o.local_minus_utc());
    let utc = match candidates.into_iter().find(|o| fits(*o)) {
        Some(off) => at(off)?,
        None => at(before)?,
    };
    Some(at_utc(zone, utc))
}

/// A UTC instant in `zone`.
pub(crate) fn at_utc(zone: &dyn Zone, utc: NaiveDateTime) -> DateTime<FixedOffset> {
    let off = zone.offset_at_utc(&utc);
    off.from_utc_datetime(&utc)
}
