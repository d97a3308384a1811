//! Checking a file in one streaming pass: every rule of SPEC sections 1-3 that needs
//! no previous state.

use std::borrow::Cow;
use std::io::Read;
#[cfg(target_family = "wasm")]
use std::ops::ControlFlow;
use std::sync::Arc;

use chrono::{Days, Months, NaiveDate};

use crate::code::{Code, Severity};
use crate::config::Config;
use crate::error::Result;
use crate::field::FieldKey;
use crate::header::{self, Columns, HeaderMap, Slot};
use crate::issue::{Detail, Issue};
use crate::naming::is_upload_file_name;
use crate::options::Options;
#[cfg(target_family = "wasm")]
use crate::read::read_chunks;
use crate::read::{Record, RecordReader};
use crate::report::Report;
use crate::rules::date::Ymd;
use crate::rules::sensitive::ValueCounts;
use crate::unique::EmailIndex;

/// Days of notice Alleo asks for before an offboarding date.
pub const NOTICE_DAYS: i64 = 30;
/// A birthday further back than this many years is implausible.
pub const MAX_AGE_YEARS: u32 = 120;

/// Reads an employee file from `reader` in one pass and returns the report.
///
/// Memory stays flat however large the file is, apart from 16 bytes per distinct
/// email address (for uniqueness) and the issues found.
///
/// ```
/// use alleo_csv_core::{validate, Config, Options};
/// let file = "Email,First name,Last name\nj.devries@example.nl,Jan,de Vries\nJ.DeVries@example.nl,Jan,de Vries\n";
/// let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
/// let report = validate(file.as_bytes(), &Config::default(), Options::new(as_of)).unwrap();
/// assert!(!report.valid());
/// assert_eq!(report.issues.get(0).unwrap().code().as_str(), "email-duplicate");
/// assert_eq!(report.issues.get(0).unwrap().row, Some(3));
/// ```
///
/// # Errors
/// [`Error::Read`](crate::Error::Read) when `reader` fails. Problems in the file itself are never
/// errors: they are issues in the report.
pub fn validate<R: Read>(reader: R, config: &Config, options: Options) -> Result<Report> {
    let validator = Validator::new(config, options);
    #[cfg(not(target_family = "wasm"))]
    return validator.check_beside(reader, threads::AHEAD_FROM);
    #[cfg(target_family = "wasm")]
    {
        let mut validator = validator;
        read_chunks(reader, |chunk| {
            validator.feed(chunk);
            ControlFlow::Continue(())
        })?;
        Ok(validator.finish())
    }
}

/// A check fed in chunks, for callers that receive the file piece by piece (a
/// browser stream, a network upload). The report does not depend on where the
/// chunks are cut.
///
/// ```
/// use alleo_csv_core::{Config, Options, Validator};
/// let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
/// let mut v = Validator::new(&Config::default(), Options::new(as_of));
/// v.feed(b"Email,First name,Last name\njan@exa");
/// v.feed(b"mple.nl,Jan,Jansen\n");
/// assert!(v.finish().valid());
/// ```
#[derive(Debug)]
pub struct Validator {
    reader: RecordReader,
    checker: Checker,
}

impl Validator {
    /// A check of one file under `config`.
    pub fn new(config: &Config, options: Options) -> Validator {
        Validator {
            reader: RecordReader::new(),
            checker: Checker::new(config, options),
        }
    }

    /// Checks the next piece of the file.
    pub fn feed(&mut self, chunk: &[u8]) {
        let checker = &mut self.checker;
        self.reader.feed(chunk, &mut |r| checker.record(r));
    }

    /// Ends the file and returns the report.
    pub fn finish(mut self) -> Report {
        let checker = &mut self.checker;
        self.reader.finish(&mut |r| checker.record(r));
        self.checker.into_report()
    }
}

/// The rules, applied to records as they come: by [`Validator`] to the records of
/// a file, by the transform to the rows it is about to write.
#[derive(Debug)]
pub(crate) struct Checker {
    header_map: HeaderMap,
    rules: Rules,
    report: Report,
    /// `None` until the header row has been read.
    columns: Option<Columns>,
    /// The file cannot be read as an Alleo file (wrong delimiter, UTF-16): rows are
    /// still counted, nothing else is checked.
    halted: bool,
    /// Blank rows not reported yet: trailing ones stay silent.
    pending_blank: Vec<(u64, u64)>,
    emails: EmailIndex,
    encoding_reported: bool,
    /// Codes whose issues are held back for the caller (see
    /// [`Checker::holding_back`]) instead of reported.
    hold: Option<fn(Code) -> bool>,
    /// The issues held back, in row order.
    held: Vec<Issue>,
    /// Only errors are kept: cell warnings are not (a check that only asks
    /// whether a file is valid).
    errors_only: bool,
    /// What the values of each column were, to tell sensitive columns (see
    /// [`Columns::watched`]).
    values: Vec<ValueCounts>,
    /// The rules of the rows, once the header is known.
    finder: Option<Arc<Finder>>,
    /// What the rules found in the row being checked.
    found: Vec<Finding>,
}

impl Checker {
    pub(crate) fn new(config: &Config, options: Options) -> Checker {
        let Options {
            as_of,
            lang,
            file_name,
            show_values,
            allow_deactivations: _,
        } = options;
        let mut report = Report::new(as_of, lang);
        report.show_values = show_values;
        if let Some(name) = &file_name {
            let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
            if !is_upload_file_name(base) {
                report.issues.push(Issue::new(Detail::FileName {
                    name: base.to_owned(),
                }));
            }
        }
        Checker {
            header_map: HeaderMap::new(config),
            rules: Rules {
                config: config.clone(),
                as_of,
                today: Ymd::from(as_of),
                notice_from: Ymd::from(
                    as_of
                        .checked_add_days(Days::new(NOTICE_DAYS.unsigned_abs()))
                        .unwrap_or(NaiveDate::MAX),
                ),
                oldest_birthday: Ymd::from(
                    as_of
                        .checked_sub_months(Months::new(12 * MAX_AGE_YEARS))
                        .unwrap_or(NaiveDate::MIN),
                ),
            },
            report,
            columns: None,
            halted: false,
            pending_blank: Vec::new(),
            emails: EmailIndex::default(),
            encoding_reported: false,
            hold: None,
            held: Vec::new(),
            errors_only: false,
            values: Vec::new(),
            finder: None,
            found: Vec::new(),
        }
    }

    /// The same checker, keeping only errors: for a check that only asks whether
    /// a file is valid, such as the transform's check of what it wrote.
    #[cfg(not(target_family = "wasm"))]
    pub(crate) fn errors_only(mut self) -> Checker {
        self.errors_only = true;
        self
    }

    /// The same checker, holding back the cell issues whose code `hold` picks
    /// instead of reporting them: the lifecycle decides those with the previous
    /// state ([`Checker::move_held`] hands them over).
    pub(crate) fn holding_back(mut self, hold: fn(Code) -> bool) -> Checker {
        self.hold = Some(hold);
        self
    }

    /// The same checker, reading an export to transform: the columns of `[input]
    /// ignore` are left out, not reported.
    pub(crate) fn reading_export(mut self) -> Checker {
        self.header_map = HeaderMap::of_export(&self.rules.config);
        self
    }

    /// Moves the issues held back since the last call to the end of `into`.
    pub(crate) fn move_held(&mut self, into: &mut Vec<Issue>) {
        into.append(&mut self.held);
    }

    /// The resolved header, once it has been read.
    pub(crate) fn columns(&self) -> Option<&Columns> {
        self.columns.as_ref()
    }

    /// Reads where the addresses of the coming `records` would be kept, all
    /// together, so that checking them one row at a time ([`Checker::row_now`])
    /// does not wait for memory once per row. Changes nothing.
    #[cfg(not(target_family = "wasm"))]
    pub(crate) fn touch_emails(&self, records: &crate::read::RecordBatch) {
        let Some(i) = self
            .columns
            .as_ref()
            .and_then(|c| c.field_index[FieldKey::Email as usize])
        else {
            return;
        };
        let mut hashes = Vec::new();
        records.for_each(&mut |r| {
            if i < r.len()
                && let Ok(email) = std::str::from_utf8(&r.bytes[r.bounds(i)])
            {
                hashes.push(crate::unique::hash_of(email));
            }
        });
        self.emails.touch(hashes.into_iter());
    }

    /// [`Checker::touch_emails`] for rows whose addresses were found ahead: their
    /// hashes are made already.
    #[cfg(not(target_family = "wasm"))]
    pub(crate) fn touch_found(&self, found: &Ahead) {
        self.emails.touch(found.email_hashes());
    }

    /// The report so far.
    pub(crate) fn report(&self) -> &Report {
        &self.report
    }

    /// The report so far, for issues found outside the rules (an encoding).
    pub(crate) fn report_mut(&mut self) -> &mut Report {
        &mut self.report
    }

    /// Checks one employee row (`field(i)` is the value of column `i`) and reports
    /// a reused email at once, rather than in the next batch of lookups: the caller
    /// decides on this row before it reads the next. `found`: what the rules find
    /// in it, when that was found ahead (see [`Ahead`]) for a row of the header's
    /// length (no other is looked at ahead); its value counts are the caller's to
    /// add ([`Checker::add_values`]).
    pub(crate) fn row_now<'a>(
        &mut self,
        row: u64,
        len: usize,
        field: impl Fn(usize) -> Cow<'a, str>,
        found: Option<&[Finding]>,
    ) {
        self.report.rows += 1;
        match found {
            Some(found) => {
                debug_assert_eq!(Some(len), self.columns.as_ref().map(Columns::len));
                self.store(row, field, found);
            }
            None => self.row(row, len, field),
        }
        if let Some(columns) = &self.columns {
            flush_emails(&mut self.emails, columns, &mut self.report);
        }
    }

    /// The issues of one employee row on its own, as a whole check reports them,
    /// but for a reused email: a [`Sheet`](crate::sheet::Sheet) being edited knows
    /// the other rows and adds that itself ([`Checker::duplicate_of`]).
    pub(crate) fn row_alone(&mut self, row: u64, fields: &[&str]) -> Vec<Issue> {
        if self.halted {
            // Not read as an Alleo file at all: no row has issues of its own.
            return Vec::new();
        }
        let start = self.report.issues.len();
        self.row(row, fields.len(), |i| Cow::Borrowed(fields[i]));
        self.emails.forget_queued();
        let issues = self
            .report
            .issues
            .since(start)
            .map(|i| i.to_issue())
            .collect();
        self.report.issues.truncate(start);
        issues
    }

    /// What the uniqueness rule keeps of `email` (the value of the Email column):
    /// its hash, or `None` for an address the rules already reject, which is not
    /// compared with the others.
    pub(crate) fn email_key(&self, email: &str) -> Option<u128> {
        let i = self.columns.as_ref()?.field_index[FieldKey::Email as usize]?;
        let slot = Slot::Field(FieldKey::Email);
        let found = self.rules.cell(slot, email, i, &mut RowDates::default());
        found.is_none().then(|| crate::unique::hash_of(email))
    }

    /// The issue of an email on `row` first used on `first_row`.
    pub(crate) fn duplicate_of(&self, row: u64, first_row: u64, email: &str) -> Option<Issue> {
        let columns = self.columns.as_ref()?;
        let i = columns.field_index[FieldKey::Email as usize]?;
        let detail = Detail::EmailDuplicate { first_row };
        Some(Issue::at(columns.cell(row, i), detail, email))
    }

    /// What the values of each column were so far, and which columns are counted
    /// (see [`Columns::watched`]); empty before the header, or when the file is not
    /// read as an Alleo file.
    pub(crate) fn value_counts(&self) -> (Vec<bool>, Vec<ValueCounts>) {
        match &self.columns {
            Some(columns) if !self.halted => (columns.watched.clone(), self.values.clone()),
            _ => (Vec::new(), Vec::new()),
        }
    }

    /// The report, once every record has been seen.
    pub(crate) fn into_report(mut self) -> Report {
        if let Some(columns) = &self.columns {
            flush_emails(&mut self.emails, columns, &mut self.report);
            for (i, counts) in self.values.iter().enumerate() {
                self.report
                    .issues
                    .extend(columns.sensitive_issue(i, counts));
            }
        }
        if self.columns.is_none() && !self.halted {
            self.report.issues.push(Issue::new(Detail::EmptyFile));
        }
        self.report.sort();
        self.report
    }

    /// Checks one record: the header, a blank row or an employee row.
    pub(crate) fn record(&mut self, r: &Record<'_>) {
        self.record_found(r, None);
    }

    /// Checks one record as [`Checker::record`] does, with what the rules find
    /// in it, when that was found ahead (see [`Ahead`]).
    fn record_found(&mut self, r: &Record<'_>, ahead: Option<&[Finding]>) {
        if r.blank_lines_before > 0 {
            self.pending_blank
                .push((r.row - r.blank_lines_before, r.row));
        }
        if is_blank_record(r) {
            self.pending_blank.push((r.row, r.row + 1));
            return;
        }
        self.flush_blank_rows();
        let header = self.columns.is_none() && !self.halted;
        if header && let Some(kind) = not_text(r) {
            self.encoding_reported = true;
            self.halt(match kind {
                NotText::Utf16 => Detail::Encoding {
                    row: Some(r.row),
                    byte: r.start,
                    utf16: true,
                },
                NotText::Workbook => Detail::NotText { workbook: true },
                NotText::Binary => Detail::NotText { workbook: false },
            });
            self.columns = Some(Columns::default());
            return;
        }
        if let Some(byte) = r
            .first_bad_byte
            .filter(|&b| b < r.end && !self.encoding_reported)
        {
            self.encoding_reported = true;
            self.report.issues.push(Issue::new(Detail::Encoding {
                row: Some(r.row),
                byte,
                utf16: false,
            }));
        }
        if r.open_quote && !self.halted {
            self.unclosed_quote(r.row);
        }
        // A value that is not UTF-8 is read with U+FFFD in place of what is not.
        if header {
            let decoded = r.decoded();
            let headers: Vec<String> = (0..r.len()).map(|i| decoded.field(i).to_owned()).collect();
            self.header(&headers, r.row);
            return;
        }
        if self.columns.is_none() {
            return;
        }
        self.report.rows += 1;
        // What was read into a record with an open quote is not the row as
        // written: it is not checked.
        if self.halted || r.open_quote {
            return;
        }
        if let Some(found) = ahead {
            // Only the values of issues and addresses are read.
            self.store(r.row, |i| r.text(i), found);
        } else {
            let decoded = r.decoded();
            self.row(r.row, r.len(), |i| Cow::Borrowed(decoded.field(i)));
        }
    }

    /// Reports that a quote opened in row `row` is never closed.
    pub(crate) fn unclosed_quote(&mut self, row: u64) {
        let issue = Issue::new(Detail::UnclosedQuote).at_row(row);
        self.report.issues.push(issue);
    }

    /// Counts an employee row that is not checked (what was read into it is not
    /// the row as written), as [`Checker::row_now`] counts those it checks.
    pub(crate) fn unchecked_row(&mut self) {
        self.report.rows += 1;
    }

    /// Adds the value counts of rows whose findings were found ahead.
    #[cfg(not(target_family = "wasm"))]
    pub(crate) fn add_values(&mut self, counts: &[ValueCounts]) {
        for (mine, more) in self.values.iter_mut().zip(counts) {
            mine.add_counts(more);
        }
    }

    /// The rules of the rows, once the header has been read: for finding ahead,
    /// on another thread, what they find.
    #[cfg(not(target_family = "wasm"))]
    pub(crate) fn finder(&self) -> Option<&Arc<Finder>> {
        self.finder.as_ref()
    }

    /// Whether the file cannot be read as an Alleo file at all (wrong delimiter).
    pub(crate) fn halted(&self) -> bool {
        self.halted
    }

    fn halt(&mut self, detail: Detail) {
        self.report.issues.push(Issue::new(detail));
        self.halted = true;
    }

    fn flush_blank_rows(&mut self) {
        for (start, end) in self.pending_blank.drain(..) {
            for row in start..end {
                self.report
                    .issues
                    .push(Issue::new(Detail::BlankRow).at_row(row));
            }
        }
    }

    /// Resolves the header row; `row` is its spreadsheet row.
    pub(crate) fn header(&mut self, headers: &[String], row: u64) {
        if let Some(found) = sep_line(headers) {
            self.halt(Detail::SepLine { found });
            self.columns = Some(Columns::default());
            return;
        }
        if let Some(found) = foreign_delimiter(headers) {
            self.halt(Detail::Delimiter { found });
            self.columns = Some(Columns::default());
            return;
        }
        let (columns, issues) = header::resolve(headers, &self.header_map, &self.rules.config, row);
        self.report.columns.clone_from(&columns.summaries);
        self.report.issues.extend(issues);
        self.values = vec![ValueCounts::default(); columns.len()];
        self.finder = Some(Arc::new(Finder::new(&self.rules, &columns)));
        self.columns = Some(columns);
    }

    fn row<'a>(&mut self, row: u64, len: usize, field: impl Fn(usize) -> Cow<'a, str>) {
        let Some(columns) = &self.columns else {
            return;
        };
        if len != columns.len() {
            self.report.issues.push(
                Issue::new(Detail::RowLength {
                    expected: columns.len(),
                    found: len,
                })
                .at_row(row),
            );
            return;
        }
        let Some(finder) = &self.finder else {
            return;
        };
        let mut found = std::mem::take(&mut self.found);
        finder.row(&field, &mut self.values, &mut found);
        self.store(row, field, &found);
        found.clear();
        self.found = found;
    }

    /// Reports what the rules found in one row (`field(i)` is the value of column
    /// `i`), and queues its address for the uniqueness check.
    fn store<'a>(&mut self, row: u64, field: impl Fn(usize) -> Cow<'a, str>, found: &[Finding]) {
        let Checker {
            columns: Some(columns),
            report,
            emails,
            hold,
            held,
            errors_only,
            ..
        } = self
        else {
            return;
        };
        for finding in found {
            match *finding {
                Finding::Issue { column, ref detail } => {
                    let code = detail.code();
                    if *errors_only && code.default_severity() == Severity::Warning {
                        continue;
                    }
                    let cell = columns.cell(row, column);
                    if hold.is_some_and(|hold| hold(code)) {
                        held.push(Issue::at(cell, detail.clone(), &field(column)));
                    } else {
                        report.issues.push_cell(cell, detail, &field(column));
                    }
                }
                Finding::Email { column, hash } => {
                    if emails.push_hashed(hash, &field(column), row) {
                        flush_emails(emails, columns, report);
                    }
                }
            }
        }
    }
}

/// Whether a record holds nothing but white space: a blank row.
fn is_blank_record(r: &Record<'_>) -> bool {
    r.bytes.iter().all(u8::is_ascii_whitespace)
}

/// Looks up the queued emails and reports those used before.
fn flush_emails(emails: &mut EmailIndex, columns: &Columns, report: &mut Report) {
    let Some(i) = columns.field_index[FieldKey::Email as usize] else {
        return;
    };
    emails.flush(|d| {
        let detail = Detail::EmailDuplicate {
            first_row: d.first_row,
        };
        report
            .issues
            .push_cell(columns.cell(d.row, i), &detail, d.value);
    });
}

mod cells;
mod found;
mod signs;
#[cfg(not(target_family = "wasm"))]
mod threads;

use self::cells::{RowDates, Rules};
#[cfg(not(target_family = "wasm"))]
pub(crate) use self::found::Ahead;
pub(crate) use self::found::{Finder, Finding};
use self::signs::{NotText, foreign_delimiter, not_text, sep_line};
#[cfg(not(target_family = "wasm"))]
pub(crate) use self::threads::beside;

#[cfg(test)]
mod export_tests;
#[cfg(test)]
mod tests;
