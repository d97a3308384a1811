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
mod plain;
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
    /// The file ended inside a quoted value of this record: a quote opened in it
    /// was never closed, and the rest of the file was read into it.
    pub open_quote: bool,
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
    open_quote: bool,
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
            open_quote: record.open_quote,
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
                open_quote: m.open_quote,
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

/// When plain lines are read without csv-core.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Plain {
    /// Once csv-core has read: it takes a byte order mark off its first input
    /// only, so the first record is always its own (a plain line read apart
    /// before would leave it to take one off a later record).
    AfterFirst,
    /// From now on.
    Now,
    /// Never: for a delimiter that is a quote or a line break (only csv-core
    /// knows what that reads as), and in a test of what csv-core alone reads.
    Never,
}

/// Reads records from pushed chunks. Call [`RecordReader::feed`] for each chunk and
/// [`RecordReader::finish`] once at the end.
#[derive(Debug)]
pub(crate) struct RecordReader {
    csv: Reader,
    delimiter: u8,
    /// Whether plain lines are read without csv-core ([`plain`]).
    plain: Plain,
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
            delimiter,
            plain: if matches!(delimiter, b'"' | b'\n' | b'\r') {
                Plain::Never
            } else {
                Plain::AfterFirst
            },
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
        if let Some(open_quote) = self.end_last_record() {
            let end = self.offset;
            self.emit_record(end, open_quote, sink);
        }
    }

    /// Ends a last record without a line break, if there is one: `Some(true)`
    /// when the file ended inside one of its quoted values (a quote opened in it
    /// was never closed). Apart from [`RecordReader::finish`], so that it is made
    /// once, not for every sink.
    fn end_last_record(&mut self) -> Option<bool> {
        if self.between {
            return None;
        }
        // A line break given now ends the record as the end of the file would,
        // unless the file ended inside a quoted value: then it is read into the
        // value (and taken off again), and a quote was never closed.
        let mut open_quote = false;
        let mut input: &[u8] = b"\n";
        loop {
            let (res, nin, nout, nend) = self.csv.read_record(
                input,
                &mut self.buf[self.nout..],
                &mut self.ends[self.nend..],
            );
            input = &input[nin..];
            self.nout += nout;
            self.nend += nend;
            match res {
                ReadRecordResult::OutputEndsFull => self.ends.resize(self.ends.len() * 2, 0),
                ReadRecordResult::OutputFull => self.buf.resize(self.buf.len() * 2, 0),
                ReadRecordResult::InputEmpty if !open_quote => open_quote = true,
                ReadRecordResult::Record => {
                    if open_quote && self.nend > 0 {
                        self.nout -= 1;
                        self.ends[self.nend - 1] -= 1;
                    }
                    return Some(open_quote);
                }
                ReadRecordResult::InputEmpty | ReadRecordResult::End => return None,
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
                if self.plain == Plain::Now
                    && let Some((read, nout, nend)) = plain::plain_record(
                        &input[pos..],
                        self.delimiter,
                        &mut self.buf,
                        &mut self.ends,
                    )
                {
                    (self.nout, self.nend) = (nout, nend);
                    pos += read;
                    self.after_cr = input[pos - 1] == b'\r';
                    self.emit_at(self.offset + pos as u64, sink);
                    continue;
                }
            }
            if self.plain == Plain::AfterFirst {
                self.plain = Plain::Now;
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

    fn emit_at(&mut self, end: u64, sink: &mut impl FnMut(&Record<'_>)) {
        self.emit_record(end, false, sink);
    }

    fn emit_record(&mut self, end: u64, open_quote: bool, sink: &mut impl FnMut(&Record<'_>)) {
        self.row += self.blank_lines + 1;
        let record = Record {
            row: self.row,
            blank_lines_before: self.blank_lines,
            start: self.record_start,
            end,
            first_bad_byte: self.utf8.first_bad,
            open_quote,
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
mod tests;
