//! One row of the Alleo file as the bytes written: comma-separated, a field quoted
//! only when it must be (a comma, a quote, a line break), quotes doubled, `\n` at
//! the end. The csv crate writes the same bytes (a property test holds them equal);
//! encoding the row here first lets the transform tell a row it wrote before by
//! those bytes, with one hash over the line instead of one per value.

use crate::swar::{equal_bytes, word};

/// The bytes of one row, reused from row to row.
#[derive(Debug, Default)]
pub(super) struct Line {
    bytes: Vec<u8>,
    fields: usize,
}

impl Line {
    /// Starts a new row.
    pub fn clear(&mut self) {
        self.bytes.clear();
        self.fields = 0;
    }

    /// Appends a field.
    pub fn push(&mut self, field: &[u8]) {
        if self.fields > 0 {
            self.bytes.push(b',');
        }
        self.fields += 1;
        if needs_quotes(field) {
            self.bytes.push(b'"');
            for part in field.split_inclusive(|&b| b == b'"') {
                self.bytes.extend_from_slice(part);
                if part.ends_with(b"\"") {
                    self.bytes.push(b'"');
                }
            }
            self.bytes.push(b'"');
        } else {
            self.bytes.extend_from_slice(field);
        }
    }

    /// The row, ended: a row of no value, or of one empty value, is written `""`,
    /// or it would read as a blank line.
    pub fn ended(&mut self) -> &[u8] {
        if self.bytes.is_empty() {
            self.bytes.extend_from_slice(b"\"\"");
        }
        self.bytes.push(b'\n');
        &self.bytes
    }

    /// A hash of the row's bytes so far: rows of the same values have the same
    /// bytes, and rows of different values different bytes, so a different hash
    /// but for a chance of 2^-64.
    pub fn hash(&self) -> u64 {
        let h = crate::unique::hash_bytes(&self.bytes);
        (h ^ (h >> 64)) as u64
    }
}

/// Whether `field` holds a comma, a quote or a line break: eight bytes at a time,
/// since this looks at every byte of the file.
fn needs_quotes(field: &[u8]) -> bool {
    let mut words = field.chunks_exact(8);
    for chunk in &mut words {
        let word = word(chunk);
        let special = [b',', b'"', b'\n', b'\r'].map(|b| equal_bytes(word, b));
        if special.iter().any(|&s| s != 0) {
            return true;
        }
    }
    let special = |b: &u8| matches!(b, b',' | b'"' | b'\n' | b'\r');
    words.remainder().iter().any(special)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// The bytes the csv crate writes for `record`, as the transform set it up.
    fn csv_crate(record: &[String]) -> Vec<u8> {
        let mut out = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .flexible(true)
            .from_writer(Vec::new());
        out.write_record(record).unwrap();
        out.into_inner().unwrap()
    }

    fn ours(record: &[String]) -> Vec<u8> {
        let mut line = Line::default();
        for field in record {
            line.push(field.as_bytes());
        }
        line.ended().to_vec()
    }

    #[test]
    fn quoted_only_when_it_must_be() {
        let record: Vec<String> = ["jan@example.nl", "a,b", "say \"hi\"", "two\nlines", "", "é"]
            .map(str::to_owned)
            .into();
        assert_eq!(
            ours(&record),
            b"jan@example.nl,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,\xC3\xA9\n"
        );
        assert_eq!(ours(&[String::new()]), b"\"\"\n");
        assert_eq!(ours(&[]), csv_crate(&[]), "a row of no value");
        assert_eq!(ours(&[String::new(), String::new()]), b",\n");
    }

    #[test]
    fn a_line_is_reused() {
        let mut line = Line::default();
        line.push(b"a");
        line.push(b"b");
        assert_eq!(line.ended(), b"a,b\n");
        line.clear();
        line.push(b"");
        assert_eq!(line.ended(), b"\"\"\n");
    }

    proptest! {
        #[test]
        fn the_csv_crate_writes_the_same_bytes(
            record in prop::collection::vec("[a-c ,;\"\r\n\t'é\u{80}-\u{10FFFF}]{0,20}", 0..6)
        ) {
            prop_assert_eq!(ours(&record), csv_crate(&record));
        }

        #[test]
        fn rows_of_other_values_hash_apart(
            a in prop::collection::vec("[a-c,\"]{0,3}", 1..4),
            b in prop::collection::vec("[a-c,\"]{0,3}", 1..4),
        ) {
            let hash = |record: &[String]| {
                let mut line = Line::default();
                for field in record {
                    line.push(field.as_bytes());
                }
                line.hash()
            };
            prop_assert_eq!(hash(&a) == hash(&b), a == b);
        }
    }
}
