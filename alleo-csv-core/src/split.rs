//! A check in two halves, for fronts that run them where memory is not shared: the
//! browser's two Web Workers. [`Parser`] turns the file's bytes into encoded batches
//! of records; [`Checker`] applies the rules to those batches. Handed every batch in
//! order, it gives the report a [`Validator`](crate::Validator) gives for the same
//! file, wherever the chunks were cut.
//!
//! This is how the CLI's check overlaps parsing and checking on two threads; here
//! the batches travel as bytes (a `Uint8Array` transferred between workers).
//!
//! ```
//! use alleo_csv_core::{Config, Options, split};
//! let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
//! let mut parser = split::Parser::new();
//! let mut checker = split::Checker::new(&Config::default(), Options::new(as_of));
//! let mut batch = Vec::new();
//! for chunk in [&b"Email,First name,Last name\njan@exa"[..], b"mple.nl,Jan,Jansen\n"] {
//!     parser.feed(chunk, &mut batch);
//!     checker.check(&batch)?;
//! }
//! parser.finish(&mut batch);
//! checker.check(&batch)?;
//! assert!(checker.finish().valid());
//! # Ok::<(), alleo_csv_core::Error>(())
//! ```

use crate::read::{Record, RecordReader};
use crate::validate::Checker as Rules;
use crate::{Config, Error, Options, Report, Result};

/// The first half: parses pushed chunks into encoded batches of records.
#[derive(Debug)]
pub struct Parser {
    reader: RecordReader,
}

impl Default for Parser {
    fn default() -> Parser {
        Parser::new()
    }
}

impl Parser {
    /// A parser of one comma-separated file, as Alleo reads it.
    pub fn new() -> Parser {
        Parser {
            reader: RecordReader::new(),
        }
    }

    /// Parses the next piece of the file; fills `batch` (replacing what it held)
    /// with the records it completes, encoded (a batch of no records when it
    /// completes none).
    pub fn feed(&mut self, chunk: &[u8], batch: &mut Vec<u8>) {
        EncodedBatch::start(batch);
        self.reader
            .feed(chunk, &mut |r| EncodedBatch::push(r, batch));
    }

    /// Ends the file: fills `batch` with the last records.
    pub fn finish(&mut self, batch: &mut Vec<u8>) {
        EncodedBatch::start(batch);
        self.reader.finish(&mut |r| EncodedBatch::push(r, batch));
    }
}

/// The second half: applies the rules to the batches a [`Parser`] made.
#[derive(Debug)]
pub struct Checker {
    rules: Rules,
    batch: EncodedBatch,
}

impl Checker {
    /// A check of one file under `config`.
    pub fn new(config: &Config, options: Options) -> Checker {
        Checker {
            rules: Rules::new(config, options),
            batch: EncodedBatch::default(),
        }
    }

    /// Checks the records of one batch, exactly as [`Parser`] wrote it.
    ///
    /// # Errors
    /// [`Error::Batch`] for bytes that are not one whole batch; the check then goes
    /// on as if they had not been given.
    pub fn check(&mut self, batch: &[u8]) -> Result<()> {
        let rules = &mut self.rules;
        self.batch
            .for_each(batch, &mut |r| rules.record(r))
            .ok_or(Error::Batch)
    }

    /// Ends the check and returns the report.
    pub fn finish(self) -> Report {
        self.rules.into_report()
    }
}

/// The first bytes of an encoded batch of records (format 2: with the open quote).
const BATCH_MAGIC: &[u8; 4] = b"ARB2";

/// Records as bytes, for a check whose two halves do not share memory (see
/// [`crate::split`]): `ARB2`, then each record back to back: its row, blank lines
/// before, start, end and first bad byte (`u64::MAX` for none) as `u64`, whether
/// the file ended inside one of its quoted values (a byte, 0 or 1), its field
/// count and byte length as `u32`, each field's end (`u32`, counted from the
/// record's first byte), and its field bytes. Little-endian throughout.
#[derive(Debug, Default)]
struct EncodedBatch {
    /// The decoded field ends of the record being given out.
    ends: Vec<usize>,
}

impl EncodedBatch {
    /// Starts a batch in `out`, replacing what it held.
    fn start(out: &mut Vec<u8>) {
        out.clear();
        out.extend_from_slice(BATCH_MAGIC);
    }

    /// Appends `record` to the batch in `out`.
    fn push(record: &Record<'_>, out: &mut Vec<u8>) {
        let n32 = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let bad = record.first_bad_byte.unwrap_or(u64::MAX);
        for value in [
            record.row,
            record.blank_lines_before,
            record.start,
            record.end,
            bad,
        ] {
            out.extend_from_slice(&value.to_le_bytes());
        }
        out.push(u8::from(record.open_quote));
        out.extend_from_slice(&n32(record.ends.len()).to_le_bytes());
        out.extend_from_slice(&n32(record.bytes.len()).to_le_bytes());
        for &end in record.ends {
            out.extend_from_slice(&n32(end).to_le_bytes());
        }
        out.extend_from_slice(record.bytes);
    }

    /// Calls `sink` for each record of `encoded`, in order; `None`, without calling
    /// it at all, for bytes that are not one whole, consistent batch. Never panics.
    fn for_each(&mut self, encoded: &[u8], sink: &mut impl FnMut(&Record<'_>)) -> Option<()> {
        let records = encoded.strip_prefix(BATCH_MAGIC)?;
        // First make sure all of it is sound, so a damaged batch changes nothing.
        self.walk(records, &mut |_| {})?;
        self.walk(records, sink)
    }

    fn walk(&mut self, records: &[u8], sink: &mut impl FnMut(&Record<'_>)) -> Option<()> {
        let mut input = Bytes(records);
        while !input.0.is_empty() {
            let [row, blank_lines_before, start, end, bad] = [(); 5].map(|()| input.u64());
            let open_quote = match input.take(1)? {
                [0] => false,
                [1] => true,
                _ => return None,
            };
            let fields = input.u32()? as usize;
            let len = input.u32()? as usize;
            let mut ends = Bytes(input.take(fields.checked_mul(4)?)?);
            self.ends.clear();
            let mut last = 0;
            for _ in 0..fields {
                let end = ends.u32()? as usize;
                if end < last || end > len {
                    return None;
                }
                self.ends.push(end);
                last = end;
            }
            sink(&Record {
                row: row?,
                blank_lines_before: blank_lines_before?,
                start: start?,
                end: end?,
                first_bad_byte: bad.filter(|&b| b != u64::MAX),
                open_quote,
                bytes: input.take(len)?,
                ends: &self.ends,
            });
        }
        Some(())
    }
}

/// A cursor over encoded bytes.
struct Bytes<'a>(&'a [u8]);

impl<'a> Bytes<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        Some(head)
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample;
    use chrono::NaiveDate;
    use proptest::prelude::*;

    fn as_of() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default()
    }

    fn options() -> Options {
        Options::new(as_of())
    }

    /// The report of `input` checked in halves, cut into `chunk`-byte pieces.
    fn split_report(input: &[u8], chunk: usize) -> Report {
        let mut parser = Parser::new();
        let mut checker = Checker::new(&sample::config(), options());
        let mut batch = Vec::new();
        for piece in input.chunks(chunk.max(1)) {
            parser.feed(piece, &mut batch);
            checker.check(&batch).expect("a parser's batch");
        }
        parser.finish(&mut batch);
        checker.check(&batch).expect("a parser's batch");
        checker.finish()
    }

    fn whole_report(input: &[u8]) -> Report {
        let mut validator = crate::Validator::new(&sample::config(), options());
        validator.feed(input);
        validator.finish()
    }

    #[test]
    fn damaged_batches_are_refused_and_change_nothing() {
        let input = b"Email,First name,Last name\njan@example.nl,Jan,Jansen\n";
        let mut parser = Parser::new();
        let mut batch = Vec::new();
        parser.feed(input, &mut batch);
        let mut checker = Checker::new(&sample::config(), options());
        for damaged in [
            &b""[..],
            // The format before: it had no byte for the open quote.
            b"ARB1",
            &batch[..batch.len() - 1],
            &[batch.clone(), vec![0]].concat(),
        ] {
            assert!(matches!(checker.check(damaged), Err(Error::Batch)));
        }
        checker.check(&batch).expect("the whole batch");
        let report = checker.finish();
        assert_eq!(report.rows, 1);
        assert!(report.valid());
    }

    proptest! {
        #[test]
        fn halves_give_the_validators_report(seed in any::<u64>(), rows in 0usize..200, chunk in 1usize..300, noise in "[a-z@,\"\r\n]{0,40}") {
            let mut input = Vec::new();
            sample::write(&mut input, rows, seed, as_of()).expect("writing to memory");
            let at = (seed as usize) % (input.len() + 1);
            input.splice(at..at, noise.bytes());
            let split = serde_json::to_value(split_report(&input, chunk)).expect("json");
            let whole = serde_json::to_value(whole_report(&input)).expect("json");
            prop_assert_eq!(split, whole);
        }

        #[test]
        fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
            let mut checker = Checker::new(&sample::config(), options());
            let _ = checker.check(&bytes);
            let mut batch = BATCH_MAGIC.to_vec();
            batch.extend_from_slice(&bytes);
            let _ = checker.check(&batch);
            let _ = checker.finish();
        }
    }
}
