//! Eight bytes at a time in one `u64` ("SIMD within a register"): how the reader
//! of plain lines and the writer of the Alleo file look at every byte of a file
//! without a test per byte.

/// The eight bytes of `chunk` (of eight) as one word, the first the lowest.
pub(crate) fn word(chunk: &[u8]) -> u64 {
    u64::from_le_bytes(chunk.try_into().unwrap_or_default())
}

/// The high bit of each byte of `word` that is `byte`, and no other bit: exact,
/// since no borrow runs from one byte into the next.
pub(crate) fn equal_bytes(word: u64, byte: u8) -> u64 {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    let x = word ^ (0x0101_0101_0101_0101 * u64::from(byte));
    !(((x & LOW7).wrapping_add(LOW7)) | x) & !LOW7
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #[test]
        fn equal_bytes_marks_each_byte_that_is_equal_and_no_other(
            bytes in prop::array::uniform8(prop_oneof![Just(b','), Just(0u8), Just(0x80u8), any::<u8>()]),
            byte in prop_oneof![Just(b','), any::<u8>()],
        ) {
            let expected = bytes
                .iter()
                .enumerate()
                .filter(|&(_, &b)| b == byte)
                .fold(0u64, |mask, (i, _)| mask | 0x80 << (i * 8));
            prop_assert_eq!(equal_bytes(word(&bytes), byte), expected);
        }
    }
}
