//! Push-based reading of CSV records with spreadsheet row numbers.
//!
//! Bytes arrive in chunks of any size (a 64 KiB read buffer, a browser stream, one
//! byte at a time) and the records and rows that come out do not depend on where the
//! chunks were cut. Rows are counted as a spreadsheet shows them: every line break
//! outside quotes ends a row (CRLF counts once), blank lines are rows, and a record
//! whose quoted fields hold newlines is still one row.

use std::borrow::Cow;

use csv_core::{ReadRecordResult, Reader, ReaderBuilder};

mod chunks;
pub(crate) use chunks::{CHUNK, feed_chunks, read_chunks};

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// One record as parsed, borrowed from the reader's buffers.
#[derive(Debug)]
pub(crate) struct Record<'a> {
    /// Spreadsheet row (1-based).
    pub row: u64,
    /// Blank lines right before this record (rows `row - n .. row`).
    pub blank_lines_before: u64,
    /// Byte offset of the record's first byte in the file.
    pub start: u64,
    /// Byte offset just past the record's last byte.
    pub end: u64,
    /// The first byte in the file that is not UTF-8, if one has been seen by now
    /// (all bytes of this record have been checked).
    pub first_bad_byte: Option<u64>,
    /// The unquoted field contents, back to back.
    pub bytes: &'a [u8],
    /// End offset in `bytes` of each field.
    pub ends: &'a [usize],
}

impl Record<'_> {
    /// The number of fields.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Where field `i` lies in `bytes`.
    pub fn bounds(&self, i: usize) -> std::ops::Range<usize> {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        start..self.ends[i]
    }

    /// Field `i` as text, bytes that are not UTF-8 replaced by U+FFFD: what
    /// [`Record::decoded`] gives for it, for a caller that reads a few fields.
    pub fn text(&self, i: usize) -> Cow<'_, str> {
        let bytes = &self.bytes[self.bounds(i)];
        match std::str::from_utf8(bytes) {
            Ok(text) => Cow::Borrowed(text),
            Err(_) => String::from_utf8_lossy(bytes),
        }
    }

    /// The record as text, each field's place in it recounted when bytes that
    /// are not UTF-8 had to be replaced (by U+FFFD, one field at a time): the
    /// raw [`Record::bounds`] do not fit a replaced text.
    pub fn decoded(&self) -> Decoded<'_> {
        match std::str::from_utf8(self.bytes) {
            // A character cut between two fields is not text in either.
            Ok(text) if self.ends.iter().all(|&end| text.is_char_boundary(end)) => Decoded {
                text: Cow::Borrowed(text),
                ends: Cow::Borrowed(self.ends),
            },
            _ => {
                let mut text = String::with_capacity(self.bytes.len() + 8);
                let mut ends = Vec::with_capacity(self.ends.len());
                for i in 0..self.len() {
                    text.push_str(&String::from_utf8_lossy(&self.bytes[self.bounds(i)]));
                    ends.push(text.len());
                }
                Decoded {
                    text: Cow::Owned(text),
                    ends: Cow::Owned(ends),
                }
            }
        }
    }

    /// The raw bytes of field `i`.
    #[cfg(test)]
    pub fn field(&self, i: usize) -> &[u8] {
        &self.bytes[self.bounds(i)]
    }
}

/// A record as text: [`Record::decoded`].
#[derive(Debug)]
pub(crate) struct Decoded<'a> {
    /// The fields' text, back to back.
    pub text: Cow<'a, str>,
    /// End offset in `text` of each field.
    pub ends: Cow<'a, [usize]>,
}

impl Decoded<'_> {
    /// The number of fields.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Field `i` (empty when the record is shorter).
    pub fn field(&self, i: usize) -> &str {
        let Some(&end) = self.ends.get(i) else {
            return "";
        };
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.text[start..end]
    }

    /// Every field, in order.
    pub fn fields(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).map(|i| self.field(i))
    }
}

/// Records copied out of a [`RecordReader`]'s buffers, so they can be checked on
/// another thread while the next chunk is parsed (not on WebAssembly, which runs
/// one thread).
#[cfg(not(target_family = "wasm"))]
#[derive(Debug, Default)]
pub(crate) struct RecordBatch {
    bytes: Vec<u8>,
    ends: Vec<usize>,
    records: Vec<Meta>,
}

/// A record's place in a [`RecordBatch`].
#[cfg(not(target_family = "wasm"))]
#[derive(Debug, Clone, Copy)]
struct Meta {
    row: u64,
    blank_lines_before: u64,
    start: u64,
    end: u64,
    first_bad_byte: Option<u64>,
    bytes_end: usize,
    ends_end: usize,
}

#[cfg(not(target_family = "wasm"))]
impl RecordBatch {
    /// Copies `record` in.
    pub fn push(&mut self, record: &Record<'_>) {
        self.bytes.extend_from_slice(record.bytes);
        self.ends.extend_from_slice(record.ends);
        self.records.push(Meta {
            row: record.row,
            blank_lines_before: record.blank_lines_before,
            start: record.start,
            end: record.end,
            first_bad_byte: record.first_bad_byte,
            bytes_end: self.bytes.len(),
            ends_end: self.ends.len(),
        });
    }

    /// Whether no record was pushed since the last clear.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// Calls `sink` for each record, in the order pushed.
    pub fn for_each(&self, sink: &mut impl FnMut(&Record<'_>)) {
        let (mut bytes_start, mut ends_start) = (0, 0);
        for m in &self.records {
            sink(&Record {
                row: m.row,
                blank_lines_before: m.blank_lines_before,
                start: m.start,
                end: m.end,
                first_bad_byte: m.first_bad_byte,
                bytes: &self.bytes[bytes_start..m.bytes_end],
                ends: &self.ends[ends_start..m.ends_end],
            });
            (bytes_start, ends_start) = (m.bytes_end, m.ends_end);
        }
    }

    /// Empties the batch, keeping its memory.
    pub fn clear(&mut self) {
        self.bytes.clear();
        self.ends.clear();
        self.records.clear();
    }
}

/// Reads records from pushed chunks. Call [`RecordReader::feed`] for each chunk and
/// [`RecordReader::finish`] once at the end.
#[derive(Debug)]
pub(crate) struct RecordReader {
    csv: Reader,
    /// Bytes of a possible BOM at the start, until we know whether it is one.
    bom: Option<Vec<u8>>,
    /// Bytes consumed so far (file offset of the next byte).
    offset: u64,
    utf8: Utf8Check,
    /// Between records: line breaks are counted here, not given to csv-core.
    between: bool,
    /// The last byte seen between (or ending) records was a CR, so an LF now
    /// completes a CRLF rather than ending a blank line.
    after_cr: bool,
    blank_lines: u64,
    row: u64,
    record_start: u64,
    buf: Vec<u8>,
    ends: Vec<usize>,
    nout: usize,
    nend: usize,
}

impl RecordReader {
    /// A reader of comma-separated records, as Alleo reads them.
    pub fn new() -> RecordReader {
        RecordReader::with_delimiter(b',')
    }

    /// A reader of records separated by `delimiter` (an export to transform).
    pub fn with_delimiter(delimiter: u8) -> RecordReader {
        RecordReader {
            csv: ReaderBuilder::new().delimiter(delimiter).build(),
            bom: Some(Vec::with_capacity(3)),
            offset: 0,
            utf8: Utf8Check::default(),
            between: true,
            after_cr: false,
            blank_lines: 0,
            row: 0,
            record_start: 0,
            buf: vec![0; 4096],
            ends: vec![0; 64],
            nout: 0,
            nend: 0,
        }
    }

    /// Reads `chunk`, calling `sink` for each record it completes.
    pub fn feed(&mut self, mut chunk: &[u8], sink: &mut impl FnMut(&Record<'_>)) {
        self.utf8.feed(chunk);
        if let Some(mut head) = self.bom.take() {
            while head.len() < BOM.len() && !chunk.is_empty() && BOM.starts_with(&head) {
                head.push(chunk[0]);
                chunk = &chunk[1..];
            }
            if head.len() < BOM.len() && BOM.starts_with(&head) {
                // Not enough bytes yet to tell.
                self.bom = Some(head);
                return;
            }
            if head == BOM {
                self.offset += BOM.len() as u64;
            } else {
                self.parse(&head, sink);
            }
        }
        self.parse(chunk, sink);
    }

    /// Ends the input, calling `sink` for a last record without a line break.
    pub fn finish(&mut self, sink: &mut impl FnMut(&Record<'_>)) {
        self.utf8.finish();
        if let Some(head) = self.bom.take() {
            self.parse(&head, sink);
        }
        if self.between {
            return;
        }
        loop {
            let (res, _, nout, nend) =
                self.csv
                    .read_record(&[], &mut self.buf[self.nout..], &mut self.ends[self.nend..]);
            self.nout += nout;
            self.nend += nend;
            match res {
                ReadRecordResult::OutputEndsFull => self.ends.resize(self.ends.len() * 2, 0),
                ReadRecordResult::OutputFull => self.buf.resize(self.buf.len() * 2, 0),
                ReadRecordResult::Record => {
                    self.emit(sink);
                    return;
                }
                ReadRecordResult::InputEmpty | ReadRecordResult::End => return,
            }
        }
    }

    fn parse(&mut self, input: &[u8], sink: &mut impl FnMut(&Record<'_>)) {
        let mut pos = 0;
        while pos < input.len() {
            if self.between {
                while let Some(&b) = input.get(pos) {
                    match b {
                        b'\n' if self.after_cr => self.after_cr = false,
                        b'\n' => self.blank_lines += 1,
                        b'\r' => {
                            self.blank_lines += 1;
                            self.after_cr = true;
                        }
                        _ => break,
                    }
                    pos += 1;
                }
                if pos == input.len() {
                    break;
                }
                self.between = false;
                self.after_cr = false;
                self.record_start = self.offset + pos as u64;
            }
            let (res, nin, nout, nend) = self.csv.read_record(
                &input[pos..],
                &mut self.buf[self.nout..],
                &mut self.ends[self.nend..],
            );
            pos += nin;
            self.nout += nout;
            self.nend += nend;
            match res {
                ReadRecordResult::OutputFull => self.buf.resize(self.buf.len() * 2, 0),
                ReadRecordResult::OutputEndsFull => self.ends.resize(self.ends.len() * 2, 0),
                ReadRecordResult::Record => {
                    // The record ended on its line break (consumed) or at a CR whose
                    // LF may follow.
                    self.after_cr = pos > 0 && input[pos - 1] == b'\r';
                    let end = self.offset + pos as u64;
                    self.emit_at(end, sink);
                }
                ReadRecordResult::InputEmpty | ReadRecordResult::End => break,
            }
        }
        self.offset += input.len() as u64;
    }

    fn emit(&mut self, sink: &mut impl FnMut(&Record<'_>)) {
        let end = self.offset;
        self.emit_at(end, sink);
    }

    fn emit_at(&mut self, end: u64, sink: &mut impl FnMut(&Record<'_>)) {
        self.row += self.blank_lines + 1;
        let record = Record {
            row: self.row,
            blank_lines_before: self.blank_lines,
            start: self.record_start,
            end,
            first_bad_byte: self.utf8.first_bad,
            bytes: &self.buf[..self.nout],
            ends: &self.ends[..self.nend],
        };
        sink(&record);
        self.blank_lines = 0;
        self.between = true;
        self.nout = 0;
        self.nend = 0;
    }
}

/// Finds the offset of the first byte that is not UTF-8 in a stream of chunks, as
/// one `std::str::from_utf8` over the whole stream would.
#[derive(Debug, Default)]
struct Utf8Check {
    /// Bytes known to be valid (the offset of `carry`'s first byte).
    checked: u64,
    /// An incomplete sequence at the end of the last chunk.
    carry: Vec<u8>,
    first_bad: Option<u64>,
}

impl Utf8Check {
    fn feed(&mut self, mut chunk: &[u8]) {
        if self.first_bad.is_some() {
            return;
        }
        if !self.carry.is_empty() {
            let need = sequence_len(self.carry[0]);
            while self.carry.len() < need && !chunk.is_empty() {
                self.carry.push(chunk[0]);
                chunk = &chunk[1..];
                // A byte that cannot continue the sequence ends it early.
                if std::str::from_utf8(&self.carry).is_err_and(|e| e.error_len().is_some()) {
                    self.first_bad = Some(self.checked);
                    return;
                }
            }
            if self.carry.len() < need {
                return;
            }
            self.checked += self.carry.len() as u64;
            self.carry.clear();
        }
        match std::str::from_utf8(chunk) {
            Ok(_) => self.checked += chunk.len() as u64,
            Err(e) => {
                let valid = e.valid_up_to();
                if e.error_len().is_some() {
                    self.first_bad = Some(self.checked + valid as u64);
                } else {
                    self.checked += valid as u64;
                    self.carry.extend_from_slice(&chunk[valid..]);
                }
            }
        }
    }

    fn finish(&mut self) {
        if self.first_bad.is_none() && !self.carry.is_empty() {
            self.first_bad = Some(self.checked);
        }
    }
}

/// The length of the UTF-8 sequence a lead byte starts (only called for a prefix
/// that `from_utf8` called incomplete, so the lead byte is valid).
fn sequence_len(lead: u8) -> usize {
    match lead {
        0xF0..=0xF7 => 4,
        0xE0..=0xEF => 3,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// (row, fields) of every record, fed in chunks of `chunk` bytes.
    fn rows(input: &[u8], chunk: usize) -> Vec<(u64, Vec<String>)> {
        let mut out = Vec::new();
        let mut reader = RecordReader::new();
        let mut sink = |r: &Record<'_>| {
            let fields = (0..r.len())
                .map(|i| String::from_utf8_lossy(r.field(i)).into_owned())
                .collect();
            out.push((r.row, fields));
        };
        for c in input.chunks(chunk.max(1)) {
            reader.feed(c, &mut sink);
        }
        reader.finish(&mut sink);
        out
    }

    fn row_numbers(input: &str) -> Vec<u64> {
        rows(input.as_bytes(), 1 << 16)
            .into_iter()
            .map(|(r, _)| r)
            .collect()
    }

    #[test]
    fn rows_count_like_a_spreadsheet() {
        assert_eq!(row_numbers("a\nb\nc"), [1, 2, 3]);
        assert_eq!(row_numbers("a\r\nb\r\nc\r\n"), [1, 2, 3]);
        assert_eq!(row_numbers("a\n\nb\n\n\nc\n\n"), [1, 3, 6]);
        assert_eq!(row_numbers("a\r\n\r\nb\r\n"), [1, 3]);
        assert_eq!(row_numbers("\n\na\nb"), [3, 4]);
        assert_eq!(row_numbers("a\rb\r\rc"), [1, 2, 4]);
        assert_eq!(row_numbers("h\n\"two\nlines\",x\nnext"), [1, 2, 3]);
        assert_eq!(
            row_numbers("h\r\n\"two\r\n\r\nlines\"\r\n\r\nnext"),
            [1, 2, 4]
        );
    }

    #[test]
    fn bom_is_dropped_and_offsets_stay_file_offsets() {
        let rows = rows(b"\xEF\xBB\xBFEmail\nx", 1);
        assert_eq!(rows[0].1, ["Email"]);
        let mut starts = Vec::new();
        let mut reader = RecordReader::new();
        let mut sink = |r: &Record<'_>| starts.push((r.start, r.end));
        reader.feed(b"\xEF\xBB\xBFab\ncd", &mut sink);
        reader.finish(&mut sink);
        assert_eq!(starts, [(3, 6), (6, 8)]);
        // A file that is only part of a BOM is still read.
        assert_eq!(super::tests::rows(b"\xEF\xBB", 1)[0].0, 1);
    }

    #[test]
    fn a_batch_gives_back_the_records_pushed() {
        let input = b"h1,h2\r\n\n\"a\nb\",c\nd,\xFF\n";
        let mut direct = Vec::new();
        let mut batch = RecordBatch::default();
        let mut reader = RecordReader::new();
        let mut sink = |r: &Record<'_>| {
            direct.push(format!("{r:?}"));
            batch.push(r);
        };
        reader.feed(input, &mut sink);
        reader.finish(&mut sink);
        let mut replayed = Vec::new();
        batch.for_each(&mut |r| replayed.push(format!("{r:?}")));
        assert_eq!(replayed, direct);
        assert_eq!(replayed.len(), 3);
        batch.clear();
        assert!(batch.is_empty());
    }

    #[test]
    fn first_bad_byte() {
        let mut u = Utf8Check::default();
        u.feed("é".as_bytes().get(..1).unwrap());
        u.feed(b"x");
        assert_eq!(u.first_bad, Some(0));
        let mut u = Utf8Check::default();
        u.feed(b"ab\xC3");
        u.finish();
        assert_eq!(u.first_bad, Some(2));
    }

    fn lines() -> impl Strategy<Value = String> {
        let field = prop_oneof!["[a-z ]{0,4}", "\"[a-z,\r\n]{0,5}\"",];
        let record = prop::collection::vec(field, 1..4).prop_map(|f| f.join(","));
        let sep = prop_oneof![Just("\n"), Just("\r\n"), Just("\n\n"), Just("\r\n\r\n\r\n")];
        prop::collection::vec((record, sep), 0..8)
            .prop_map(|v| v.into_iter().flat_map(|(r, s)| [r, s.to_owned()]).collect())
    }

    proptest! {
        /// Found by fuzzing: the fields of a record that is not UTF-8 were cut
        /// out of the replaced text by the raw bounds. Each decoded field is its
        /// own bytes, decoded, whatever they hold (a character split between two
        /// fields included).
        #[test]
        fn decoded_fields_are_each_fields_bytes(fields in prop::collection::vec(prop::collection::vec(any::<u8>(), 0..6), 1..6)) {
            let bytes: Vec<u8> = fields.concat();
            let ends: Vec<usize> = fields.iter().scan(0, |end, f| { *end += f.len(); Some(*end) }).collect();
            let record = Record { row: 1, blank_lines_before: 0, start: 0, end: 0, first_bad_byte: None, bytes: &bytes, ends: &ends };
            let decoded = record.decoded();
            prop_assert_eq!(decoded.len(), fields.len());
            for (i, field) in fields.iter().enumerate() {
                prop_assert_eq!(decoded.field(i), String::from_utf8_lossy(field));
                prop_assert_eq!(record.text(i), decoded.field(i));
            }
            prop_assert_eq!(decoded.field(fields.len()), "");
        }

        #[test]
        fn chunking_never_changes_records(input in lines(), chunk in 1usize..9) {
            prop_assert_eq!(rows(input.as_bytes(), chunk), rows(input.as_bytes(), 1 << 16));
        }

        #[test]
        fn rows_are_physical_lines_minus_quoted_breaks(input in lines()) {
            // Row of the last record = line breaks before its start, outside quotes, + 1.
            let recs = rows(input.as_bytes(), 1 << 16);
            if let Some((last_row, _)) = recs.last() {
                // Quoted parts become a marker, so their line breaks do not count.
                let unquoted = input.split('"').step_by(2).collect::<Vec<_>>().join("Q");
                let trimmed_end = unquoted.trim_end_matches(['\r', '\n']);
                // Count breaks before the last record's start: CRLF once.
                let last_start = trimmed_end.rfind(['\r', '\n']).map_or(0, |i| i + 1);
                let breaks = trimmed_end[..last_start].replace("\r\n", "\n").chars().filter(|&c| c == '\n' || c == '\r').count();
                prop_assert_eq!(*last_row, breaks as u64 + 1);
            }
        }

        #[test]
        fn utf8_check_matches_from_utf8(bytes in prop::collection::vec(any::<u8>(), 0..40), chunk in 1usize..6) {
            let mut u = Utf8Check::default();
            for c in bytes.chunks(chunk) {
                u.feed(c);
            }
            u.finish();
            let expected = std::str::from_utf8(&bytes).err().map(|e| e.valid_up_to() as u64);
            prop_assert_eq!(u.first_bad, expected);
        }
    }
}
