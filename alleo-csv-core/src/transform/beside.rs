//! The transform on two threads, and the written file checked again as it is
//! written, on a third.
//!
//! Reading, decoding and splitting the export into records takes a thread of its
//! own, and so, once the header is accepted (the calling thread sends its rules
//! back, the kind of each column among them), do the repairs and what the rules
//! find in the repaired rows: for those rows the calling thread, which holds the
//! outputs, only stores what was found (the report, the addresses for
//! uniqueness) and writes them. It repairs and checks the rest itself: the
//! header's batch, the few read before the rules arrived, and rows of another
//! length. Every byte written to
//! the output also goes to a check of its own (errors only): a row the
//! transform's checks passed that fails there would be a fault in this program,
//! and the run then ends in [`Error::SelfCheck`] instead of handing over a file
//! that Alleo would refuse.

use std::borrow::Cow;
use std::io::{self, Read, Write};
use std::sync::{Arc, mpsc};

use super::fix::{Fixer, Repairs};
use super::records::ExportReader;
use super::rows::blank;
use super::{Outputs, Rows, TransformOptions, Transformed};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::input::{Delimiter, Encoding};
use crate::issue::Detail;
use crate::options::Options;
use crate::read::{CHUNK, RecordBatch, RecordReader, feed_chunks};
use crate::validate::{Ahead, Checker, Finder};

/// One chunk's records, what the reading thread made of them once the header is
/// known, and what the reader knew after it.
struct Load {
    batch: RecordBatch,
    /// The rows' repairs, once the header is known.
    repairs: Option<Repairs>,
    /// What the rules find in the rows as repaired, once the header is known.
    found: Ahead,
    delimiter: Option<Delimiter>,
    encoding: Encoding,
    /// The first byte that is not text in the export's encoding.
    malformed: Option<u64>,
}

/// A load's memory, handed back to be filled again.
type Emptied = (RecordBatch, Option<Repairs>, Ahead);

/// How many loads may wait for the rows' side, and chunks of the output for the
/// check of what is written: enough that a thread the processor sets aside a
/// moment (three threads share two cores) does not leave the others idle. At
/// 16 rather than 4, the 1,000,000-row exports took about 5% less time, in about
/// 10 MB more memory; it stays bounded, whatever the export's size.
const QUEUE: usize = 16;

/// [`transform`](super::transform) on three threads (see the module documentation).
pub(super) fn transform<R: Read + Send>(
    reader: R,
    config: &Config,
    options: TransformOptions,
    outputs: Outputs<'_>,
) -> Result<Transformed> {
    let encoding = config
        .input
        .encoding
        .or(options.detected_encoding)
        .unwrap_or(Encoding::UTF_8);
    let records = ExportReader::new(encoding, config.input.delimiter);
    let mut check = Options::new(options.as_of);
    check.lang = options.lang;
    let checker = Checker::new(config, check).errors_only();
    std::thread::scope(|scope| {
        let (written, chunks) = mpsc::sync_channel::<Vec<u8>>(QUEUE);
        let checking = scope.spawn(move || check_again(&chunks, checker));
        let Outputs {
            output,
            rejects,
            changes,
            keep_invalid,
        } = outputs;
        let mut tee = Tee {
            inner: output,
            gathered: Vec::with_capacity(CHUNK), // gathered before the second check sees them
            to: Some(written),
        };
        let outputs = Outputs {
            output: &mut tee,
            rejects: rejects.map(shorter),
            changes: changes.map(shorter),
            keep_invalid,
        };
        let mut rows = Rows::new(config, options, outputs);
        rows.summary.encoding_detected = config.input.encoding.is_none();
        rows.summary.delimiter_detected = config.input.delimiter.is_none();
        let (full, loads) = mpsc::sync_channel::<Load>(QUEUE);
        let (spare, emptied) = mpsc::channel::<Emptied>();
        // The rules of the rows (the kind of each column among them), once the
        // rows' side has accepted the header: from then on the reading thread
        // repairs the rows and finds what the rules find in them too, which
        // balances the threads.
        let (accepted, rules) = mpsc::channel::<Arc<Finder>>();
        let reading_side = Reading {
            records,
            fixer: Fixer::new(config),
            logging: rows.log.is_written(),
            rules,
            full,
            emptied,
        };
        let reading = scope.spawn(move || reading_side.run(reader));
        let mut told = false;
        for load in loads {
            let emptied = take(&mut rows, load);
            if !told
                && rows.layout.is_some()
                && let Some(finder) = rows.checker.finder()
            {
                told = true;
                let _ = accepted.send(Arc::clone(finder));
            }
            let _ = spare.send(emptied);
            if rows.failed.is_some() {
                break;
            }
        }
        let read = reading
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        if let Some(e) = rows.failed.take() {
            return Err(Error::Write(e));
        }
        read?;
        let done = rows.finish()?;
        tee.done().map_err(Error::Write)?;
        let again = checking
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        checked_again(done.usable(), &done.kept_rows, &again)?;
        Ok(done)
    })
}

/// The rows' side of a load: its rows checked and written, in order, with what
/// the reading thread found in them; returns the load's memory to fill again.
fn take(rows: &mut Rows<'_>, load: Load) -> Emptied {
    let Load {
        mut batch,
        repairs,
        found,
        delimiter,
        encoding,
        malformed,
    } = load;
    if let Some(d) = delimiter {
        rows.summary.delimiter = Some(d);
    }
    if found.is_empty() {
        rows.checker.touch_emails(&batch);
    } else {
        rows.checker.touch_found(&found);
    }
    // Rows are left alone once the run stopped: so are their values then. A
    // run stops between batches (a byte not in the export's encoding), or at a
    // refused header, whose batch has nothing found ahead.
    if !rows.stopped && !found.is_empty() {
        rows.checker.add_values(found.values());
    }
    let mut i = 0;
    batch.for_each(&mut |r| {
        let row = repairs.as_ref().map(|repairs| {
            let mut row = repairs.row(i);
            row.found = found.of(i);
            row
        });
        rows.record(r, row);
        i += 1;
    });
    rows.summary.encoding = Some(encoding);
    if let Some(byte) = malformed {
        rows.stop(Detail::Encoding {
            row: None,
            byte,
            utf16: false,
        });
    }
    batch.clear();
    (batch, repairs, found)
}

/// The reading thread: reads, decodes and splits the export into records, and,
/// once the rows' side has sent the rules of the header it accepted, repairs them
/// and finds what the rules find in them too.
struct Reading {
    records: ExportReader,
    fixer: Fixer,
    /// The changes' old and new values are kept for a change log.
    logging: bool,
    rules: mpsc::Receiver<Arc<Finder>>,
    full: mpsc::SyncSender<Load>,
    /// Batches the rows' side is done with, to fill again.
    emptied: mpsc::Receiver<Emptied>,
}

impl Reading {
    fn run<R: Read>(mut self, reader: R) -> Result<()> {
        let mut accepted = None;
        feed_chunks(reader, |chunk, last| {
            self.hand_over(chunk, last, &mut accepted)
        })
    }

    /// Hands what a chunk (or the end, `last`) completes to the rows' side,
    /// repaired and looked at by the rules once the header is `accepted`; false
    /// when that side stopped on a failed write.
    fn hand_over(&mut self, chunk: &[u8], last: bool, accepted: &mut Option<Arc<Finder>>) -> bool {
        let (mut batch, used, mut found) = self.emptied.try_recv().unwrap_or_default();
        let mut delimiter = None;
        self.records.push(chunk, last, &mut |r, d| {
            delimiter = Some(d);
            batch.push(r);
        });
        if accepted.is_none() {
            *accepted = self.rules.try_recv().ok();
        }
        found.clear();
        let repairs = accepted.as_deref().map(|finder| {
            let mut repairs = used.unwrap_or_default();
            repairs.clear();
            found.begin(finder);
            batch.for_each(&mut |r| {
                let record = r.decoded();
                let field = |i| record.field(i);
                repairs.add(
                    &self.fixer,
                    finder.slots(),
                    record.len(),
                    field,
                    self.logging,
                );
                // The rows the rows' side checks with the header's rules: those
                // put in columns, but for one with a quote never closed, which
                // is set aside unchecked. (A blank row is not checked; looking
                // at it would only be work lost: its repaired values are empty.)
                let row = repairs.last();
                let looked = row.in_columns() && !r.open_quote && !blank(record.fields());
                let value = |i| Cow::Borrowed(row.value(i, record.field(i)));
                found.push(finder, looked.then_some(value));
            });
            repairs
        });
        self.full
            .send(Load {
                batch,
                repairs,
                found,
                delimiter,
                encoding: self.records.encoding(),
                malformed: self.records.malformed(),
            })
            .is_ok()
    }
}

/// The second check's verdict on a usable output: every row written must pass,
/// but for the `kept` rows (the output's rows the transform found invalid and kept
/// to be fixed, in order); nothing about the whole file or its header may fail.
fn checked_again(usable: bool, kept: &[u64], again: &crate::Report) -> Result<()> {
    let fault = again.issues.iter().find(|i| {
        i.severity == crate::Severity::Error
            && i.row.is_none_or(|row| kept.binary_search(&row).is_err())
    });
    match fault {
        Some(i) if usable => Err(Error::SelfCheck(format!(
            "row {}: {}",
            i.row.unwrap_or_default(),
            i.code()
        ))),
        _ => Ok(()),
    }
}

/// Checks the bytes written, chunk after chunk, as `validate` will.
fn check_again(chunks: &mpsc::Receiver<Vec<u8>>, mut checker: Checker) -> crate::Report {
    let mut records = RecordReader::new();
    for chunk in chunks {
        records.feed(&chunk, &mut |r| checker.record(r));
    }
    records.finish(&mut |r| checker.record(r));
    checker.into_report()
}

/// An output borrowed for the scope of the threads.
fn shorter<'s>(w: &'s mut (dyn Write + '_)) -> &'s mut dyn Write {
    w
}

/// The output, with every byte written also sent to the second check.
struct Tee<'a> {
    inner: &'a mut dyn Write,
    gathered: Vec<u8>,
    /// `None` once done.
    to: Option<mpsc::SyncSender<Vec<u8>>>,
}

impl Tee<'_> {
    fn send(&mut self) {
        if let Some(to) = &self.to
            && !self.gathered.is_empty()
        {
            // The check ends only after `done`; a send can fail only if it panicked,
            // which its join() reports.
            let _ = to.send(std::mem::replace(
                &mut self.gathered,
                Vec::with_capacity(CHUNK),
            ));
        }
    }

    /// Sends the last bytes and ends the check's input.
    fn done(&mut self) -> io::Result<()> {
        self.send();
        self.to = None;
        self.inner.flush()
    }
}

impl Write for Tee<'_> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(bytes)?;
        self.gathered.extend_from_slice(&bytes[..n]);
        if self.gathered.len() >= CHUNK {
            self.send();
        }
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{as_of, run_bytes, run_threaded};
    use super::*;
    use crate::{Config, Options, validate};

    #[test]
    fn a_written_file_that_fails_again_is_a_fault_not_a_file() {
        let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default();
        let bad = validate(
            &b"Email,First name,Last name\nx,A,B\n"[..],
            &Config::default(),
            Options::new(as_of),
        )
        .unwrap();
        let good = validate(
            &b"Email,First name,Last name\na@example.nl,A,B\n"[..],
            &Config::default(),
            Options::new(as_of),
        )
        .unwrap();
        let fault = checked_again(true, &[], &bad).unwrap_err();
        assert!(fault.to_string().contains("row 2: email-format"), "{fault}");
        assert!(fault.to_string().contains("must not be used"));
        assert!(
            checked_again(false, &[], &bad).is_ok(),
            "an unusable run is not handed over anyway"
        );
        assert!(checked_again(true, &[], &good).is_ok());
        assert!(
            checked_again(true, &[2], &bad).is_ok(),
            "one row kept invalid to be fixed may fail"
        );
    }

    /// Large enough that most batches are repaired on the reading thread (it starts
    /// once the header is accepted, up to [`QUEUE`] batches on), with a change log.
    #[test]
    fn rows_repaired_on_the_reading_thread_are_those_one_thread_repairs() {
        let mut input = Vec::new();
        crate::sample::Profile::Roster
            .write_dutch(&mut input, 40_000, 7, as_of())
            .unwrap();
        let config = crate::sample::dutch_config();
        let options = TransformOptions::new(as_of());
        let threaded = run_threaded(&input, &config, options);
        let one = run_bytes(&input, &config, options, 1 << 16);
        assert!(
            threaded.changes.lines().count() > 20_000,
            "repairs were logged"
        );
        assert_eq!(threaded.out, one.out);
        assert_eq!(threaded.rejects, one.rejects);
        assert_eq!(threaded.changes, one.changes);
        assert_eq!(threaded.done.summary, one.done.summary);
        assert_eq!(threaded.done.report, one.done.report);
    }

    /// An export of 100,000 rows whose `Nummer` column holds citizen service
    /// numbers only from row 80,000 on (past 2 MB), after `before` at that row:
    /// rows the reading thread looks at ahead. Every tenth of them is blank, and every
    /// tenth another is of the wrong length (were its value counted, it would
    /// count as no number, and the numbers would be too few for the verdict).
    fn numbers_late(before: &[u8]) -> Vec<u8> {
        let mut export = b"Email;First name;Last name;Nummer\n".to_vec();
        for row in 0..100_000 {
            let line = match (row, row % 10) {
                (..80_000, _) => format!("p{row}@example.nl;A;B;\n"),
                (_, 0) => "\t;\t;\t;\t\n".to_owned(),
                (_, 5) => format!("p{row}@example.nl;A;B;x;y\n"),
                _ => {
                    let number = ["111222333", "123456782", "010000008"][row % 3];
                    format!("p{row}@example.nl;A;B;{number}\n")
                }
            };
            if row == 80_000 {
                export.extend_from_slice(before);
            }
            export.extend_from_slice(line.as_bytes());
        }
        export
    }

    /// What a threaded transform of `export` reports, which must be what one
    /// thread reports, and whether it found the column sensitive.
    fn found_sensitive(export: &[u8]) -> bool {
        let config = super::super::tests::config("[mapping]\n\"Nummer\" = \"custom_nummer\"\n");
        let options = TransformOptions::new(as_of());
        let threaded = run_threaded(export, &config, options);
        let one = run_bytes(export, &config, options, 1 << 16);
        assert_eq!(threaded.done.report, one.done.report);
        assert_eq!(threaded.out, one.out);
        assert!(threaded.done.stopped);
        let codes: Vec<_> = threaded
            .done
            .report
            .issues
            .iter()
            .map(|i| i.code())
            .collect();
        codes.contains(&crate::Code::SensitiveData)
    }

    /// The rows' side adds the value counts of rows found ahead, and only of
    /// those it checks: one thread finds the same sensitive column.
    #[test]
    fn values_looked_at_ahead_are_counted_as_one_thread_counts_them() {
        assert!(
            found_sensitive(&numbers_late(b"")),
            "the numbers were found"
        );
    }

    /// A run stopped by a byte that is not UTF-8 leaves the rows after it alone,
    /// their numbers uncounted, as one thread does. (The reader gives no record
    /// after such a byte today; were it to, the rows' side would still not add
    /// the counts of the rows it leaves alone.)
    #[test]
    fn values_after_a_stop_are_not_counted() {
        assert!(!found_sensitive(&numbers_late(b"x@example.nl;A;B;\xff\n")));
    }
}
