//! Ruby's `Time`: an instant shown at an offset, in one of Ruby's three
//! zone modes, which decide how `to_s` and `%Z` print it.

use std::cmp::Ordering;
use std::hash::{Hash, Hasher};
use std::ops::Deref;

use chrono::{DateTime, FixedOffset, Utc};

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

/// A Ruby `Time`. It dereferences to the chrono time, so `t.timestamp()`,
/// `t.offset()` and so on work directly. Two times are equal when they are
/// the same instant, whatever their offsets or modes (Ruby's `==`/`eql?`).
#[derive(Clone, Copy, Debug)]
pub struct Time {
    /// The instant, at the offset it is shown in.
    pub at: DateTime<FixedOffset>,
    /// How the zone prints.
    pub mode: TimeMode,
}

impl Time {
    /// A time in `mode`.
    pub fn new(at: DateTime<FixedOffset>, mode: TimeMode) -> Time {
        Time { at, mode }
    }

    /// A UTC time (`Time.utc`).
    pub fn utc(at: DateTime<Utc>) -> Time {
        Time::new(at.fixed_offset(), TimeMode::Utc)
    }
}

/// A chrono time becomes a local time (the mode Ruby's `Time.now` and
/// Jekyll's dates have).
impl From<DateTime<FixedOffset>> for Time {
    fn from(at: DateTime<FixedOffset>) -> Time {
        Time::new(at, TimeMode::Local)
    }
}

impl Deref for Time {
    type Target = DateTime<FixedOffset>;
    fn deref(&self) -> &DateTime<FixedOffset> {
        &self.at
    }
}

impl PartialEq for Time {
    fn eq(&self, other: &Time) -> bool {
        self.at == other.at
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
        self.at.cmp(&other.at)
    }
}

impl Hash for Time {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.at.hash(state);
    }
}
