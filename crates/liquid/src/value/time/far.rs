//! The era count of a [`super::Time`]: four bytes inline, or for the rare
//! time past about 2 * 10^14 years (Ruby's `Time.at(10**40)`) a handle to
//! a Bignum held in a process-wide, reference-counted table.
//!
//! A pointer would not fit: the chrono time, this count and the zone mode
//! fill the 24 bytes that every [`crate::Value`] is allowed, and the time's
//! fields are public. A 32-bit handle does fit, and the table is touched
//! only by far times, so the common path stays a copy of an `i32`.

use std::cmp::Ordering;
use std::hash::{Hash, Hasher};
use std::sync::{Mutex, MutexGuard, PoisonError};

use num_bigint::BigInt;
use num_traits::ToPrimitive;

/// Inline counts are below this in magnitude; handles are this plus their
/// slot number.
const INLINE_LIMIT: i32 = 1 << 30;

/// A count of eras: `-INLINE_LIMIT..INLINE_LIMIT` is the count itself,
/// `INLINE_LIMIT..` a handle to a Bignum (whose magnitude is never below
/// `INLINE_LIMIT`, so every count has one form).
#[derive(Debug)]
pub(super) struct Era(i32);

/// An era count read out: the inline value or the Bignum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum EraValue {
    Small(i32),
    Big(BigInt),
}

struct Slot {
    era: BigInt,
    /// Live handles to this slot; 0 when free.
    refs: usize,
}

struct Table {
    slots: Vec<Slot>,
    free: Vec<u32>,
}

static TABLE: Mutex<Table> = Mutex::new(Table {
    slots: Vec::new(),
    free: Vec::new(),
});

fn table() -> MutexGuard<'static, Table> {
    // The table stays consistent between statements, so a panic elsewhere
    // while it was held leaves it usable.
    TABLE.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Era {
    pub(super) const ZERO: Era = Era(0);

    /// The count `era`; `None` only when 2^30 far times are alive at once.
    pub(super) fn new(era: &BigInt) -> Option<Era> {
        if let Some(small) = era
            .to_i32()
            .filter(|e| (-INLINE_LIMIT..INLINE_LIMIT).contains(e))
        {
            return Some(Era(small));
        }
        let mut t = table();
        let index = match t.free.pop() {
            Some(i) => i,
            None => {
                let i = u32::try_from(t.slots.len()).ok()?;
                if i >= INLINE_LIMIT as u32 {
                    return None;
                }
                t.slots.push(Slot {
                    era: BigInt::ZERO,
                    refs: 0,
                });
                i
            }
        };
        let slot = &mut t.slots[index as usize];
        slot.era = era.clone();
        slot.refs = 1;
        Some(Era(INLINE_LIMIT + index as i32))
    }

    /// The inline count, cheaply; `None` for a far one.
    pub(super) fn small(&self) -> Option<i32> {
        (self.0 < INLINE_LIMIT).then_some(self.0)
    }

    fn slot(&self) -> Option<usize> {
        (self.0 >= INLINE_LIMIT).then(|| (self.0 - INLINE_LIMIT) as usize)
    }

    /// The count.
    pub(super) fn value(&self) -> EraValue {
        match self.slot() {
            None => EraValue::Small(self.0),
            Some(i) => EraValue::Big(table().slots[i].era.clone()),
        }
    }
}

impl Clone for Era {
    fn clone(&self) -> Era {
        if let Some(i) = self.slot() {
            table().slots[i].refs += 1;
        }
        Era(self.0)
    }
}

impl Drop for Era {
    fn drop(&mut self) {
        let Some(i) = self.slot() else { return };
        let freed = {
            let mut t = table();
            let slot = &mut t.slots[i];
            slot.refs -= 1;
            if slot.refs > 0 {
                return;
            }
            let era = std::mem::take(&mut slot.era);
            t.free.push(i as u32);
            era
        };
        drop(freed);
    }
}

impl PartialEq for Era {
    fn eq(&self, other: &Era) -> bool {
        // Each count has one form: two inline counts or two handles to the
        // same slot are equal without a look at the table.
        self.0 == other.0
            || (self.slot().is_some() && other.slot().is_some() && self.value() == other.value())
    }
}

impl Eq for Era {}

impl PartialOrd for Era {
    fn partial_cmp(&self, other: &Era) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Era {
    fn cmp(&self, other: &Era) -> Ordering {
        match (self.small(), other.small()) {
            (Some(a), Some(b)) => a.cmp(&b),
            _ => self.value().to_big().cmp(&other.value().to_big()),
        }
    }
}

impl Hash for Era {
    fn hash<H: Hasher>(&self, state: &mut H) {
        match self.value() {
            EraValue::Small(e) => e.hash(state),
            EraValue::Big(b) => b.hash(state),
        }
    }
}

impl EraValue {
    pub(super) fn to_big(&self) -> BigInt {
        match self {
            EraValue::Small(e) => BigInt::from(*e),
            EraValue::Big(b) => b.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn far_eras_are_shared_and_freed() {
        let big = BigInt::from(10).pow(30) + 12_345;
        let a = Era::new(&big).unwrap();
        let b = a.clone();
        let c = Era::new(&big).unwrap();
        assert_eq!(a, b);
        assert_eq!(a, c);
        assert_eq!(a.value(), EraValue::Big(big.clone()));
        let slot = a.slot().unwrap();
        drop(a);
        drop(c);
        // `b` still holds the slot.
        let t = table();
        assert_eq!((&t.slots[slot].era, t.slots[slot].refs), (&big, 1));
        drop(t);
        drop(b);
        // Freed (another test may have taken it since, for another count).
        let t = table();
        assert!(t.slots[slot].refs == 0 || t.slots[slot].era != big);
        drop(t);
        // Counts that fit inline never take a slot, whatever their source.
        assert_eq!(Era::new(&BigInt::from(-5)).unwrap().small(), Some(-5));
        let edge = Era::new(&BigInt::from(INLINE_LIMIT)).unwrap();
        assert!(edge.small().is_none());
        let low = Era::new(&BigInt::from(-INLINE_LIMIT)).unwrap();
        assert_eq!(low.small(), Some(-INLINE_LIMIT));
        assert!(low < edge);
        let lower = Era::new(&BigInt::from(-INLINE_LIMIT - 1)).unwrap();
        assert!(lower.small().is_none());
        assert!(lower < low);
    }
}
