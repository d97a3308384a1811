//! Each distinct column, value and detail of a report kept once, behind a number,
//! and the fast keyed hashes the tables use.

use std::collections::HashMap;
use std::hash::{BuildHasher, BuildHasherDefault, Hash, Hasher, RandomState};

use super::NONE;

/// Values kept once however often they are added; each distinct one is numbered.
#[derive(Debug, Clone)]
pub(super) struct Interner<T> {
    pub(super) items: Vec<T>,
    /// 32 bits of the hash of each value -> its number: a small table, which
    /// stays in the processor's caches. A value whose hash another value already
    /// has is kept again rather than found: equal values then take more room,
    /// never the wrong number.
    pub(super) numbers: HashMap<u32, u32, BuildHasherDefault<Passed>>,
    pub(super) hasher: Keyed,
}

impl<T> Default for Interner<T> {
    fn default() -> Self {
        Interner {
            items: Vec::new(),
            numbers: HashMap::default(),
            hasher: Keyed::new(),
        }
    }
}

impl<T: Hash + Eq> Interner<T> {
    pub(super) fn add(&mut self, item: T) -> u32 {
        let hash = self.hasher.hash_one(&item) as u32;
        if let Some(&n) = self.numbers.get(&hash)
            && self.items.get(n as usize) == Some(&item)
        {
            return n;
        }
        let n = number(self.items.len());
        self.numbers.entry(hash).or_insert(n);
        self.items.push(item);
        n
    }

    /// The item numbered `n`, which [`Interner::add`] gave.
    pub(super) fn get(&self, n: u32) -> &T {
        &self.items[n as usize]
    }
}

/// Texts (headers, field names, cell values) back to back in one string.
#[derive(Debug, Clone, Default)]
pub(super) struct Texts {
    pub(super) bytes: String,
    pub(super) ends: Vec<usize>,
    pub(super) numbers: HashMap<u32, u32, BuildHasherDefault<Passed>>,
    pub(super) hasher: Keyed,
}

impl Texts {
    pub(super) fn add(&mut self, text: &str) -> u32 {
        let hash = self.hasher.hash_one(text) as u32;
        if let Some(&n) = self.numbers.get(&hash)
            && self.get(n) == Some(text)
        {
            return n;
        }
        let n = number(self.ends.len());
        self.numbers.entry(hash).or_insert(n);
        self.bytes.push_str(text);
        self.ends.push(self.bytes.len());
        n
    }

    pub(super) fn get(&self, n: u32) -> Option<&str> {
        let i = n as usize;
        let end = *self.ends.get(i)?;
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        self.bytes.get(start..end)
    }
}

/// The number of the next item. Past `u32::MAX - 1` distinct items (billions of
/// distinct values, far beyond any file's memory) the last number is reused, so a
/// late value may show another's text; nothing panics.
pub(super) fn number(len: usize) -> u32 {
    u32::try_from(len).unwrap_or(NONE - 1).min(NONE - 1)
}

/// A fast hash with a secret seed drawn for each store: values come from files,
/// and a seed an outsider cannot know keeps them from choosing values that all
/// land in one place of the table.
#[derive(Debug, Clone)]
pub(super) struct Keyed {
    pub(super) seed: u64,
}

impl Keyed {
    pub(super) fn new() -> Keyed {
        Keyed {
            seed: RandomState::new().hash_one(0x5EED_u64),
        }
    }
}

impl Default for Keyed {
    fn default() -> Keyed {
        Keyed::new()
    }
}

impl BuildHasher for Keyed {
    type Hasher = Folded;

    fn build_hasher(&self) -> Folded {
        Folded(self.seed)
    }
}

/// Folds eight bytes at a time into the state with a multiply; mixed once more at
/// the end (MurmurHash3's finaliser), so every bit of the input reaches every bit
/// of the hash.
#[derive(Debug)]
pub(super) struct Folded(pub(super) u64);

impl Folded {
    pub(super) fn fold(&mut self, word: u64) {
        self.0 = (self.0 ^ word)
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
            .rotate_left(31);
    }
}

impl Hasher for Folded {
    fn finish(&self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
        h ^= h >> 33;
        h = h.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
        h ^ (h >> 33)
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.fold(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        let mut word = [0u8; 8];
        word[..rest.len()].copy_from_slice(rest);
        self.fold(u64::from_le_bytes(word) ^ ((bytes.len() as u64) << 56));
    }

    fn write_u8(&mut self, n: u8) {
        self.fold(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.fold(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.fold(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.fold(n as u64);
    }
}

/// A hasher for keys that are 32-bit hashes already: it only spreads them over
/// the 64 bits the table reads (its low bits choose a slot, its top bits tag it).
#[derive(Debug, Default)]
pub(super) struct Passed(pub(super) u64);

impl Hasher for Passed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.0 = u64::from(n) | (u64::from(n) << 32);
    }
}
