//! [`Map`], the hash of Liquid values: an `IndexMap` (Ruby hashes keep
//! insertion order) with a fast fixed hasher instead of std's SipHash.
//!
//! Hosts build a map for every render (Jekyll's globals, every include's
//! parameters), and SipHash cost more than the rest of each insert. Keys
//! come from the host's own site, so hash flooding is not a concern, and
//! the order of a map never depends on its hasher.

use std::ops::{Deref, DerefMut};

use indexmap::IndexMap;

use super::Value;

/// The hasher of [`Map`]: foldhash with a fixed seed, so that creating a
/// map reads no random state.
pub type MapHasher = foldhash::fast::FixedState;

/// An insertion-ordered hash, keyed like a Ruby hash (usually by strings).
///
/// It derefs to the `IndexMap` it wraps, so every `IndexMap` method works
/// on it. Look a string key up without allocating with
/// [`map_get`](super::map_get).
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Map(IndexMap<Value, Value, MapHasher>);

impl Map {
    /// An empty map.
    pub fn new() -> Map {
        Map::default()
    }

    /// An empty map with room for `n` entries.
    pub fn with_capacity(n: usize) -> Map {
        Map(IndexMap::with_capacity_and_hasher(n, MapHasher::default()))
    }
}

impl Deref for Map {
    type Target = IndexMap<Value, Value, MapHasher>;

    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl DerefMut for Map {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.0
    }
}

impl std::fmt::Debug for Map {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl FromIterator<(Value, Value)> for Map {
    fn from_iter<I: IntoIterator<Item = (Value, Value)>>(iter: I) -> Map {
        Map(IndexMap::from_iter(iter))
    }
}

impl Extend<(Value, Value)> for Map {
    fn extend<I: IntoIterator<Item = (Value, Value)>>(&mut self, iter: I) {
        self.0.extend(iter);
    }
}

impl IntoIterator for Map {
    type Item = (Value, Value);
    type IntoIter = indexmap::map::IntoIter<Value, Value>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Map {
    type Item = (&'a Value, &'a Value);
    type IntoIter = indexmap::map::Iter<'a, Value, Value>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<'a> IntoIterator for &'a mut Map {
    type Item = (&'a Value, &'a mut Value);
    type IntoIter = indexmap::map::IterMut<'a, Value, Value>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter_mut()
    }
}
