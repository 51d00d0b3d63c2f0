//! Per-render state kept by the standard tags: `cycle` positions, `for`
//! offsets (`offset: continue`), `ifchanged` memory and the loop stack.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::value::{Str, Value};

/// A fast hasher for the tags' small string-keyed tables, which a template
/// consults on every `cycle` (SipHash cost more than the rest of the tag).
/// The keys come from the template, so hash flooding is not a concern.
#[derive(Default, Clone, Copy)]
pub(crate) struct FastHasher(u64);

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }
    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b));
    }
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

impl FastHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

pub(crate) type FastMap<V> = HashMap<String, V, BuildHasherDefault<FastHasher>>;

/// A [`FastMap`] keyed by names the template already shares.
pub(crate) type SharedKeyMap<V> = HashMap<Str, V, BuildHasherDefault<FastHasher>>;

/// Mutable state of one render, owned by the [`crate::Context`].
#[derive(Default)]
pub(crate) struct State {
    pub(crate) cycles: FastMap<usize>,
    /// Keyed by the loop's name, shared with the `for` tag.
    pub(crate) for_offsets: SharedKeyMap<i64>,
    pub(crate) ifchanged: Option<String>,
    pub(crate) loops: Vec<Value>,
    /// Inside `render`, `include` is not allowed.
    pub(crate) include_disabled: usize,
}
