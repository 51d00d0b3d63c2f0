//! Dates and times as Ruby handles them: `strftime` with every directive and
//! flag, `Time.parse`-like string parsing, and the local time zone.

mod parse;
mod strftime;

use chrono::{DateTime, FixedOffset, NaiveDateTime, Offset, TimeZone as _, Utc};

pub use parse::{parse_time, parse_time_with_mode};
pub use strftime::strftime;
pub(crate) use strftime::{strftime_date, strftime_into};

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

/// A wall-clock time in `zone`.
pub(crate) fn local_time(zone: &dyn Zone, local: NaiveDateTime) -> Option<DateTime<FixedOffset>> {
    let off = zone.offset_at_local(&local);
    off.from_local_datetime(&local).single()
}

/// A UTC instant in `zone`.
pub(crate) fn at_utc(zone: &dyn Zone, utc: NaiveDateTime) -> DateTime<FixedOffset> {
    let off = zone.offset_at_utc(&utc);
    off.from_utc_datetime(&utc)
}
