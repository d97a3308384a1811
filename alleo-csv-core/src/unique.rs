//! Email uniqueness in constant memory per address.
//!
//! A million employees must not mean a million `String`s: each address is kept as a
//! 96-bit hash of its lower-cased form plus the row it was first seen on (16 bytes),
//! in a hash table that is keyed by the hash itself. Two different addresses share a
//! hash with a chance of about n^2 / 2^97 (1e-17 for a million rows).

use std::collections::HashMap;
use std::collections::hash_map::{DefaultHasher, Entry};
use std::hash::{BuildHasherDefault, Hash, Hasher};

/// Remembers which emails were seen, and on which row first.
#[derive(Debug, Default)]
pub(crate) struct EmailIndex {
    seen: HashMap<Key, u32, BuildHasherDefault<KeyHasher>>,
    scratch: String,
}

/// 96 bits of address hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Key([u32; 3]);

impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        // The key is already a good hash; hand 64 bits of it to the table as is.
        state.write_u64(u64::from(self.0[0]) << 32 | u64::from(self.0[1]));
    }
}

/// Passes a `u64` through; only [`Key`] is hashed with it.
#[derive(Debug, Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

impl EmailIndex {
    /// Records `email` (compared case-insensitively, surrounding spaces ignored) on
    /// `row`. Returns the row it was first seen on if it was seen before.
    pub fn insert(&mut self, email: &str, row: u64) -> Option<u64> {
        let key = self.key(email);
        let row = u32::try_from(row).unwrap_or(u32::MAX);
        match self.seen.entry(key) {
            Entry::Occupied(first) => Some(u64::from(*first.get())),
            Entry::Vacant(slot) => {
                slot.insert(row);
                None
            }
        }
    }

    fn key(&mut self, email: &str) -> Key {
        let email = email.trim();
        let folded: &str = if email.is_ascii() {
            self.scratch.clear();
            self.scratch.push_str(email);
            self.scratch.make_ascii_lowercase();
            &self.scratch
        } else {
            self.scratch = email.to_lowercase();
            &self.scratch
        };
        let mut a = DefaultHasher::new();
        a.write(folded.as_bytes());
        let mut b = DefaultHasher::new();
        b.write_u8(0xA1);
        b.write(folded.as_bytes());
        let (a, b) = (a.finish(), b.finish());
        Key([(a >> 32) as u32, a as u32, (b >> 32) as u32])
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use proptest::prelude::*;

    use super::*;

    #[test]
    fn case_and_spaces_do_not_matter() {
        let mut idx = EmailIndex::default();
        assert_eq!(idx.insert("Jan@Example.nl", 2), None);
        assert_eq!(idx.insert(" jan@example.NL ", 9), Some(2));
        assert_eq!(idx.insert("JÖRG@beispiel.de", 10), None);
        assert_eq!(idx.insert("jörg@beispiel.de", 11), Some(10));
        assert_eq!(idx.insert("piet@example.nl", 12), None);
    }

    proptest! {
        #[test]
        fn agrees_with_a_map_of_lowercased_strings(emails in prop::collection::vec("[a-cA-C]{1,3}@x\\.nl", 0..60)) {
            let mut idx = EmailIndex::default();
            let mut reference: HashMap<String, u64> = HashMap::new();
            for (i, e) in emails.iter().enumerate() {
                let row = i as u64 + 2;
                let expected = reference.get(&e.to_lowercase()).copied();
                reference.entry(e.to_lowercase()).or_insert(row);
                prop_assert_eq!(idx.insert(e, row), expected);
            }
        }
    }
}
