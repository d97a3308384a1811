//! Email uniqueness in constant memory per address.
//!
//! A million employees must not mean a million `String`s: each address is kept as a
//! 96-bit hash of its lower-cased form plus the row it was first seen on (16 bytes),
//! in a hash table that is keyed by the hash itself. Two different addresses share a
//! hash with a chance of about n^2 / 2^97 (1e-17 for a million rows).

/// How many addresses are queued before their slots are looked up together.
const BATCH: usize = 32;

/// Remembers which emails were seen, and on which row first.
///
/// An open-addressing table of 16-byte slots: 96 bits of hash and the 32-bit row in
/// one `u128` (zero marks an empty slot), probed linearly and kept at most half
/// full. At a million addresses nearly every lookup is a cache miss, so addresses
/// are queued and looked up in batches: the batch's slots are first read all
/// together (the processor overlaps those independent misses), then probed and
/// filled in order, so duplicates within a batch are still found in row order.
#[derive(Debug)]
pub(crate) struct EmailIndex {
    slots: Vec<u128>,
    len: usize,
    scratch: String,
    /// Queued (hash, row, end of the value in `values`).
    queue: Vec<(u128, u32, usize)>,
    /// The queued addresses as written, back to back, for duplicate messages.
    values: String,
}

/// An address used again.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Duplicate<'a> {
    /// The row of this use.
    pub row: u64,
    /// The row of the first use.
    pub first_row: u64,
    /// The address as written on `row`.
    pub value: &'a str,
}

impl Default for EmailIndex {
    fn default() -> Self {
        EmailIndex {
            slots: vec![0; 1024],
            len: 0,
            scratch: String::new(),
            queue: Vec::with_capacity(BATCH),
            values: String::new(),
        }
    }
}

impl EmailIndex {
    /// Queues `email` (compared case-insensitively, surrounding spaces ignored),
    /// used on `row`. Returns true when the queue is full and should be flushed.
    pub fn push(&mut self, email: &str, row: u64) -> bool {
        let hash = self.hash(email);
        self.push_hashed(hash, email, row)
    }

    /// Queues `email`, used on `row`, as [`EmailIndex::push`] does, when its
    /// [`hash_of`] is known already.
    pub fn push_hashed(&mut self, hash: u128, email: &str, row: u64) -> bool {
        self.values.push_str(email);
        self.queue.push((
            hash,
            u32::try_from(row).unwrap_or(u32::MAX),
            self.values.len(),
        ));
        self.queue.len() >= BATCH
    }

    /// Drops the queued addresses unrecorded (a row checked on its own).
    pub fn forget_queued(&mut self) {
        self.queue.clear();
        self.values.clear();
    }

    /// Looks up and records every queued address, in the order queued, calling
    /// `duplicate` for each one seen before.
    pub fn flush(&mut self, mut duplicate: impl FnMut(Duplicate<'_>)) {
        while (self.len + self.queue.len()) * 2 > self.slots.len() {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        // Read every target slot first: independent loads, so their misses overlap.
        let touched = self
            .queue
            .iter()
            .fold(0u128, |acc, &(hash, ..)| acc ^ self.slots[home(hash, mask)]);
        std::hint::black_box(touched);
        let mut start = 0;
        for &(hash, row, end) in &self.queue {
            match probe(&self.slots, hash) {
                Ok(first) => duplicate(Duplicate {
                    row: u64::from(row),
                    first_row: u64::from(first),
                    value: &self.values[start..end],
                }),
                Err(index) => {
                    self.slots[index] = hash << 32 | u128::from(row);
                    self.len += 1;
                }
            }
            start = end;
        }
        self.queue.clear();
        self.values.clear();
    }

    /// The value stored for `email` (compared case-insensitively), if any.
    pub fn get(&self, email: &str) -> Option<u32> {
        self.get_hashed(hash_of(email))
    }

    /// The value stored for an address with this [`hash_of`].
    pub fn get_hashed(&self, hash: u128) -> Option<u32> {
        probe(&self.slots, hash).ok()
    }

    /// Reads the slots these hashes start at, all together, so that the cache
    /// misses of the lookups that follow overlap.
    #[cfg(not(target_family = "wasm"))]
    pub fn touch(&self, hashes: impl Iterator<Item = u128>) {
        let mask = self.slots.len() - 1;
        let touched = hashes.fold(0u128, |acc, hash| acc ^ self.slots[home(hash, mask)]);
        std::hint::black_box(touched);
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
        if email.is_ascii() {
            return hash96(email.as_bytes(), fold_ascii_upper);
        }
        self.scratch = email.to_lowercase();
        hash96(self.scratch.as_bytes(), |word| word)
    }
}

/// The hash an address is kept under: of its trimmed, lower-cased form.
pub(crate) fn hash_of(email: &str) -> u128 {
    let email = email.trim();
    if email.is_ascii() {
        hash96(email.as_bytes(), fold_ascii_upper)
    } else {
        hash96(email.to_lowercase().as_bytes(), |word| word)
    }
}

/// A 96-bit hash of `bytes` as they are (no case folded), never zero.
pub(crate) fn hash_bytes(bytes: &[u8]) -> u128 {
    hash96(bytes, |word| word)
}

/// Turns the ASCII capitals among eight ASCII bytes into small letters at once.
fn fold_ascii_upper(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // For a byte b < 0x80: b + 0x3F has its top bit set when b >= b'A', b + 0x25
    // when b > b'Z'; no sum carries into the next byte.
    let upper = (word + 0x3F * ONES) & !(word + 0x25 * ONES) & (0x80 * ONES);
    word | (upper >> 2)
}

/// A 96-bit hash of `bytes` (each 8-byte word passed through `fold` first), never
/// zero: two multiply-mix lanes over little-endian words, the length in the seed
/// (so zero padding is unambiguous).
fn hash96(bytes: &[u8], fold: impl Fn(u64) -> u64) -> u128 {
    const K: [u64; 4] = [
        0xa076_1d64_78bd_642f,
        0xe703_7ed1_a0b4_28db,
        0x8ebc_6af0_9c88_c6e3,
        0x5899_65cc_7537_4cc3,
    ];
    let mix = |a: u64, b: u64| {
        let product = u128::from(a) * u128::from(b);
        (product as u64) ^ (product >> 64) as u64
    };
    let len = bytes.len() as u64;
    let (mut a, mut b) = (K[0] ^ len, K[1] ^ len.rotate_left(32));
    let mut chunks = bytes.chunks_exact(8);
    let mut absorb = |word: u64| {
        let word = fold(word);
        a = mix(a ^ word, K[2]);
        b = mix(b ^ word.rotate_left(29), K[3]);
    };
    for chunk in &mut chunks {
        absorb(u64::from_le_bytes(chunk.try_into().unwrap_or_default()));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut last = [0u8; 8];
        last[..rest.len()].copy_from_slice(rest);
        absorb(u64::from_le_bytes(last));
    }
    let high = mix(a ^ K[1], b ^ K[0]);
    let low = mix(b ^ K[3], high ^ K[2]);
    (u128::from(high) << 32 | u128::from(low >> 32)) | 1
}

/// The first slot to look at for `hash`.
fn home(hash: u128, mask: usize) -> usize {
    (hash >> 64) as usize & mask
}

/// The slot holding `hash` (`Ok` with its row) or the empty slot where it goes.
fn probe(slots: &[u128], hash: u128) -> Result<u32, usize> {
    let mask = slots.len() - 1;
    let mut index = home(hash, mask);
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

    /// Pushes every address (flushing when asked, and at the end) and returns the
    /// duplicates as (row, first row, value).
    fn duplicates(emails: &[&str]) -> Vec<(u64, u64, String)> {
        let mut idx = EmailIndex::default();
        let mut found = Vec::new();
        for (i, e) in emails.iter().enumerate() {
            if idx.push(e, i as u64 + 2) {
                idx.flush(|d| found.push((d.row, d.first_row, d.value.to_owned())));
            }
        }
        idx.flush(|d| found.push((d.row, d.first_row, d.value.to_owned())));
        found
    }

    #[test]
    fn folding_eight_bytes_at_once_is_ascii_lowercasing() {
        for word in [*b"AZaz@[`{", *b"J.DeVrie", *b"0123 _-."] {
            let folded = fold_ascii_upper(u64::from_le_bytes(word)).to_le_bytes();
            assert_eq!(folded, word.map(|b| b.to_ascii_lowercase()));
        }
    }

    proptest! {
        #[test]
        fn folding_agrees_with_to_ascii_lowercase(word in prop::array::uniform8(0u8..0x80)) {
            let folded = fold_ascii_upper(u64::from_le_bytes(word)).to_le_bytes();
            prop_assert_eq!(folded, word.map(|b| b.to_ascii_lowercase()));
        }

        #[test]
        fn hashes_differ_for_different_addresses(a in "[a-z0-9.@]{0,40}", b in "[a-z0-9.@]{0,40}") {
            prop_assume!(a != b);
            prop_assert_ne!(hash96(a.as_bytes(), |w| w), hash96(b.as_bytes(), |w| w));
        }
    }

    #[test]
    fn a_table_of_addresses() {
        let mut index = EmailIndex::default();
        for i in 0..5000u64 {
            index.push(&format!("User{i}@Example.nl"), i);
        }
        index.push("user7@example.nl", 99);
        let mut repeats = Vec::new();
        index.flush(|d| repeats.push((d.row, d.first_row)));
        assert_eq!(repeats, [(99, 7)]);
        assert_eq!(index.get(" USER4999@example.NL "), Some(4999));
        assert_eq!(index.get("user5000@example.nl"), None);
    }

    #[test]
    fn case_and_spaces_do_not_matter() {
        let found = duplicates(&[
            "Jan@Example.nl",
            " jan@example.NL ",
            "JÖRG@beispiel.de",
            "jörg@beispiel.de",
            "piet@example.nl",
        ]);
        assert_eq!(
            found,
            [
                (3, 2, " jan@example.NL ".to_owned()),
                (5, 4, "jörg@beispiel.de".to_owned())
            ]
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        // Up to 700 addresses from a small alphabet: repeats in any case, across and
        // within batches, and more than the 512 that make the table grow.
        #[test]
        fn agrees_with_a_map_of_lowercased_strings(emails in prop::collection::vec("[a-dA-D]{1,5}@x\\.nl", 0..700)) {
            let refs: Vec<&str> = emails.iter().map(String::as_str).collect();
            let mut reference: HashMap<String, u64> = HashMap::new();
            let mut expected = Vec::new();
            for (i, e) in emails.iter().enumerate() {
                let row = i as u64 + 2;
                match reference.get(&e.to_lowercase()) {
                    Some(&first) => expected.push((row, first, e.clone())),
                    None => { reference.insert(e.to_lowercase(), row); }
                }
            }
            prop_assert_eq!(duplicates(&refs), expected);
        }
    }
}
