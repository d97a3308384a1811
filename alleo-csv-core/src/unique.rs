//! Email uniqueness in constant memory per address.
//!
//! A million employees must not mean a million `String`s: each address is kept as a
//! 96-bit hash of its lower-cased form plus the row it was first seen on (16 bytes),
//! in a hash table that is keyed by the hash itself. Two different addresses share a
//! hash with a chance of about n^2 / 2^97 (1e-17 for a million rows).

use std::collections::hash_map::DefaultHasher;
use std::hash::Hasher;

/// Remembers which emails were seen, and on which row first.
///
/// An open-addressing table of 16-byte slots: 96 bits of hash and the 32-bit row in
/// one `u128` (zero marks an empty slot), probed linearly and kept at most half
/// full. One slot is one cache line access, which is what a million random inserts
/// cost: a general-purpose map touches a control byte and a bucket in two places.
#[derive(Debug)]
pub(crate) struct EmailIndex {
    slots: Vec<u128>,
    len: usize,
    scratch: String,
}

impl Default for EmailIndex {
    fn default() -> Self {
        EmailIndex {
            slots: vec![0; 1024],
            len: 0,
            scratch: String::new(),
        }
    }
}

impl EmailIndex {
    /// Records `email` (compared case-insensitively, surrounding spaces ignored) on
    /// `row`. Returns the row it was first seen on if it was seen before.
    pub fn insert(&mut self, email: &str, row: u64) -> Option<u64> {
        let hash = self.hash(email);
        let row = u32::try_from(row).unwrap_or(u32::MAX);
        if (self.len + 1) * 2 > self.slots.len() {
            self.grow();
        }
        match probe(&self.slots, hash) {
            Ok(first) => Some(u64::from(first)),
            Err(index) => {
                self.slots[index] = hash << 32 | u128::from(row);
                self.len += 1;
                None
            }
        }
    }

    fn grow(&mut self) {
        let doubled = vec![0; self.slots.len() * 2];
        let old = std::mem::replace(&mut self.slots, doubled);
        for slot in old.into_iter().filter(|&s| s != 0) {
            if let Err(index) = probe(&self.slots, slot >> 32) {
                self.slots[index] = slot;
            }
        }
    }

    /// 96 bits of hash of the folded address, never zero.
    fn hash(&mut self, email: &str) -> u128 {
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
        let high = u128::from(a.finish()) << 32 | u128::from(b.finish() >> 32);
        high | 1
    }
}

/// The slot holding `hash` (`Ok` with its row) or the empty slot where it goes.
fn probe(slots: &[u128], hash: u128) -> Result<u32, usize> {
    let mask = slots.len() - 1;
    let mut index = (hash >> 64) as usize & mask;
    loop {
        let slot = slots[index];
        if slot == 0 {
            return Err(index);
        }
        if slot >> 32 == hash {
            return Ok(slot as u32);
        }
        index = (index + 1) & mask;
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
        #![proptest_config(ProptestConfig::with_cases(64))]

        // Up to 700 addresses from a small alphabet: repeats in any case, and more
        // than the 512 that make the table grow.
        #[test]
        fn agrees_with_a_map_of_lowercased_strings(emails in prop::collection::vec("[a-dA-D]{1,5}@x\\.nl", 0..700)) {
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
