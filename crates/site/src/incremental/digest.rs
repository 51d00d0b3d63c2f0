//! Digests for change detection: a fast fingerprint hasher, hashing of
//! values and `Debug` text without building strings, and the digest of a
//! folder's files.
//!
//! A serve rebuild signs every document of the site again, so the hasher
//! matters: SipHash (std's default) spends most of its time on the many
//! small writes a document's fields make. [`Fingerprint`] takes a word per
//! step, and every step is a bijection of the state for a given word, so two
//! inputs that differ in one word never collide; change detection needs no
//! defence against crafted inputs, only against accidents.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::path::Path;

use hyde_liquid::{Map, Value};

/// A fast, non-cryptographic 64-bit hasher for signatures and for maps
/// keyed by our own strings. Long inputs go through two lanes (even and odd
/// words), which the processor runs side by side.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fingerprint {
    a: u64,
    b: u64,
}

impl Default for Fingerprint {
    fn default() -> Self {
        Fingerprint {
            a: 0x243f_6a88_85a3_08d3,
            b: 0x1319_8a2e_0370_7344,
        }
    }
}

const K: u64 = 0x9e37_79b9_7f4a_7c15;

/// One step: a bijection of the state for a given word.
#[inline]
fn step(state: u64, w: u64) -> u64 {
    let x = (state ^ w).wrapping_mul(K);
    x ^ (x >> 29)
}

#[inline]
fn word(bytes: &[u8]) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(&bytes[..8]);
    u64::from_le_bytes(w)
}

impl Hasher for Fingerprint {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut pairs = bytes.chunks_exact(16);
        for c in &mut pairs {
            self.a = step(self.a, word(c));
            self.b = step(self.b, word(&c[8..]));
        }
        let mut rest = pairs.remainder();
        if rest.len() >= 8 {
            self.a = step(self.a, word(rest));
            rest = &rest[8..];
        }
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        // The length in the top byte tells "a" from "a\0".
        w[7] = rest.len() as u8 | 0x80;
        self.b = step(self.b, u64::from_le_bytes(w));
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.a = step(self.a, u64::from(i) | 0x100);
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.a = step(self.a, u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.a = step(self.a, i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.a = step(self.a, i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        // Lane b through a bijection, so that a change in either lane
        // changes the sum; then murmur3's finaliser.
        let mut h = self.a ^ step(self.b, K).rotate_left(32);
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

/// A map keyed by our own strings, hashed with [`Fingerprint`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fingerprint>>;
/// A set hashed with [`Fingerprint`].
pub(crate) type FastSet<K> = HashSet<K, BuildHasherDefault<Fingerprint>>;

/// Feeds what `Debug` prints to a hasher, without building the string.
struct DebugHasher<'a, H: Hasher>(&'a mut H);

impl<H: Hasher> std::fmt::Write for DebugHasher<'_, H> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.write(s.as_bytes());
        Ok(())
    }
}

/// Hashes what `Debug` prints of `v`.
pub(crate) fn hash_debug(v: &dyn std::fmt::Debug, h: &mut impl Hasher) {
    let _ = std::fmt::write(&mut DebugHasher(h), format_args!("{v:?}\u{1}"));
}

/// A digest of what `Debug` prints of each part.
pub(crate) fn debug_hash(parts: &[&dyn std::fmt::Debug]) -> u64 {
    let mut h = Fingerprint::default();
    for p in parts {
        hash_debug(*p, &mut h);
    }
    h.finish()
}

/// A digest of `text`.
pub(crate) fn text_digest(text: &str) -> u64 {
    let mut h = Fingerprint::default();
    text.hash(&mut h);
    h.finish()
}

/// Hashes a value by walking it (much cheaper than printing it); rarer
/// kinds are hashed as printed.
pub(crate) fn hash_value(v: &Value, h: &mut Fingerprint) {
    match v {
        Value::Nil => h.write_u8(0),
        Value::Bool(b) => (1u8, b).hash(h),
        Value::Int(i) => (2u8, i).hash(h),
        Value::Float(f) => (3u8, f.to_bits()).hash(h),
        Value::Str(s) => (4u8, s.as_ref() as &str).hash(h),
        Value::Array(a) => {
            (5u8, a.len()).hash(h);
            a.iter().for_each(|x| hash_value(x, h));
        }
        Value::Hash(m) => hash_map(m, h),
        Value::Date(d) => (8u8, d).hash(h),
        Value::Time(t) => (
            9u8,
            t.at.timestamp(),
            t.at.timestamp_subsec_nanos(),
            t.at.offset().local_minus_utc(),
            t.mode,
        )
            .hash(h),
        other => {
            h.write_u8(6);
            hash_debug(other, h);
        }
    }
}

/// Hashes a hash's keys and values, in order.
pub(crate) fn hash_map(m: &Map, h: &mut Fingerprint) {
    (7u8, m.len()).hash(h);
    for (k, v) in m.iter() {
        hash_value(k, h);
        hash_value(v, h);
    }
}

/// Hashes the files below `dir` (folders below it too when `recurse`): each
/// one's path relative to `root` and its content, in name order. `inspect`
/// sees each file's bytes.
pub(crate) fn hash_tree(
    root: &Path,
    dir: &Path,
    recurse: bool,
    h: &mut impl Hasher,
    inspect: &mut dyn FnMut(&[u8]),
) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            if recurse {
                hash_tree(root, &p, true, h, inspect);
            }
        } else if let Ok(bytes) = std::fs::read(&p) {
            p.strip_prefix(root).unwrap_or(&p).hash(h);
            bytes.hash(h);
            inspect(&bytes);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digest(parts: &[&[u8]]) -> u64 {
        let mut h = Fingerprint::default();
        parts.iter().for_each(|p| h.write(p));
        h.finish()
    }

    #[test]
    fn fingerprint_tells_near_inputs_apart() {
        let base = b"The quick brown fox jumps over the lazy dog".to_vec();
        let mut seen = std::collections::HashSet::new();
        assert!(seen.insert(digest(&[&base])));
        assert!(seen.insert(digest(&[&base[..base.len() - 1]])));
        assert!(seen.insert(digest(&[&base, b"\0"])));
        assert!(seen.insert(digest(&[b""])));
        assert!(seen.insert(digest(&[])));
        for i in 0..base.len() {
            for bit in 0..8 {
                let mut v = base.clone();
                v[i] ^= 1 << bit;
                assert!(seen.insert(digest(&[&v])), "byte {i} bit {bit}");
            }
        }
        assert_ne!(digest(&[b"ab", b"c"]), digest(&[b"a", b"bc"]));
        // Long inputs: a change in either lane, or in the tail, tells.
        let long: Vec<u8> = (0..100u8).collect();
        let mut seen = std::collections::HashSet::new();
        assert!(seen.insert(digest(&[&long])));
        for i in 0..long.len() {
            let mut v = long.clone();
            v[i] ^= 0x40;
            assert!(seen.insert(digest(&[&v])), "byte {i}");
            assert!(seen.insert(digest(&[&long[..i]])), "prefix {i}");
        }
    }
}
