//! Each distinct column, value and detail of a report kept once, behind a number,
//! and the fast keyed hashes the tables use.

use std::collections::HashMap;
use std::hash::{BuildHasher, BuildHasherDefault, Hash, Hasher, RandomState};

use super::NONE;

/// Values kept once however often they are added; each distinct one is numbered.
#[derive(Debug, Clone)]
pub(super) struct Interner<T> {
    pub(super) items: Vec<T>,
    /// 32 bits of the hash of each value -> its number. A value whose hash
    /// another value already has is kept again rather than found: equal values
    /// then take more room, never the wrong number. The table's values are
    /// [`Texts`]'s, holding no text here (the items are compared): one kind of
    /// table, compiled once, keeps the WebAssembly package under its budget.
    pub(super) numbers: HashMap<u32, Numbered, BuildHasherDefault<Passed>>,
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
        if let Some(found) = self.numbers.get(&hash)
            && self.items.get(found.number as usize) == Some(&item)
        {
            return found.number;
        }
        let n = number(self.items.len());
        self.numbers.entry(hash).or_insert(Numbered::alone(n));
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
    /// 32 bits of each text's hash -> its number, and the text itself when it is
    /// short (see [`Numbered`]): a date or a code is told found or not by the
    /// table alone, without reading `ends` and `bytes` far away in memory.
    pub(super) numbers: HashMap<u32, Numbered, BuildHasherDefault<Passed>>,
    pub(super) hasher: Keyed,
}

/// A number in [`Texts`] (or an [`Interner`]), and the text numbered when it has
/// at most [`Numbered::SHORT`] bytes.
#[derive(Debug, Clone, Copy)]
pub(super) struct Numbered {
    number: u32,
    /// The text's length, or `u8::MAX` when the text is not kept here (longer
    /// than [`Numbered::SHORT`], or an interner's item).
    len: u8,
    short: [u8; Numbered::SHORT],
}

impl Numbered {
    /// The longest text kept in the table: a date, a language code or a short
    /// name, the values a whole workforce's warnings repeat.
    const SHORT: usize = 11;

    /// `number`, with `text` when it is short.
    fn new(number: u32, text: &str) -> Numbered {
        let mut short = [0; Numbered::SHORT];
        match short.get_mut(..text.len()) {
            Some(head) => {
                head.copy_from_slice(text.as_bytes());
                Numbered {
                    number,
                    len: text.len() as u8,
                    short,
                }
            }
            None => Numbered::alone(number),
        }
    }

    /// `number` without a text.
    fn alone(number: u32) -> Numbered {
        Numbered {
            number,
            len: u8::MAX,
            short: [0; Numbered::SHORT],
        }
    }

    /// Whether the text numbered is `text`: `None` when it is not kept here.
    fn holds(&self, text: &str) -> Option<bool> {
        let short = self.short.get(..usize::from(self.len))?;
        Some(short == text.as_bytes())
    }
}

impl Texts {
    pub(super) fn add(&mut self, text: &str) -> u32 {
        let hash = self.hasher.hash_one(text) as u32;
        if let Some(found) = self.numbers.get(&hash)
            && found
                .holds(text)
                .unwrap_or_else(|| self.get(found.number) == Some(text))
        {
            return found.number;
        }
        let n = number(self.ends.len());
        self.numbers.entry(hash).or_insert(Numbered::new(n, text));
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

#[cfg(test)]
mod tests {
    use super::*;

    /// `texts` as if `taken`'s hash were `text`'s too: the slot `text` finds is
    /// `taken`'s.
    fn collide(texts: &mut Texts, taken: &str, text: &str) {
        let n = texts.add(taken);
        let hash = texts.hasher.hash_one(text) as u32;
        texts.numbers.insert(hash, Numbered::new(n, taken));
    }

    #[test]
    fn a_text_whose_hash_another_has_gets_its_own_number() {
        for (taken, text) in [
            ("2020-01-01", "2020-01-02"),
            ("2020-01-01", "2020-01-0"),
            ("", "x"),
            ("a value longer than a slot", "a value longer than a slot!"),
            ("a value longer than a slot", "2020-01-01"),
        ] {
            let mut texts = Texts::default();
            collide(&mut texts, taken, text);
            let n = texts.add(text);
            assert_ne!(n, 0, "{text:?} took {taken:?}'s number");
            assert_eq!(texts.get(n), Some(text));
            assert_eq!(texts.get(0), Some(taken));
        }
    }

    #[test]
    fn a_short_text_is_kept_in_the_table_a_long_one_is_not() {
        let mut texts = Texts::default();
        for (text, kept) in [
            ("2020-01-01", true),
            ("", true),
            ("11 bytes ok", true),
            ("twelve bytes", false),
        ] {
            texts.add(text);
            let hash = texts.hasher.hash_one(text) as u32;
            assert_eq!(texts.numbers[&hash].holds(text).is_some(), kept, "{text:?}");
        }
        assert_eq!(Numbered::alone(7).holds(""), None);
    }

    proptest::proptest! {
        /// Equal texts get one number, and each number gives its text back.
        #[test]
        fn texts_are_numbered_once(
            pool in proptest::collection::vec("[a-c0-9é-]{0,14}", 1..12),
            picks in proptest::collection::vec(0usize..12, 0..80),
        ) {
            let mut texts = Texts::default();
            let mut numbers = HashMap::new();
            for text in picks.iter().map(|&i| &pool[i % pool.len()]) {
                let n = texts.add(text);
                proptest::prop_assert_eq!(texts.get(n), Some(text.as_str()));
                proptest::prop_assert_eq!(*numbers.entry(text.clone()).or_insert(n), n);
            }
            proptest::prop_assert_eq!(texts.ends.len(), numbers.len());
        }
    }
}
