//! Turning a customer's export into the canonical Alleo file, never silently.
//!
//! The export is read as `[input]` and `[mapping]` describe it (SPEC section 6):
//! any delimiter, UTF-8, Windows-1252 or UTF-16, dates in the export's format,
//! decimal commas. What is written is the canonical file: Alleo's headers in the
//! spec's order with custom fields after them, UTF-8 without a byte order mark,
//! commas, `YYYY-MM-DD` dates, dot decimals, trimmed values, language codes.
//!
//! Every repair is counted by [`Rule`] in the [`Summary`] and, when asked for,
//! written to the change log (row, column, field, old value, new value, rule). Every row is checked with the same
//! rules as [`validate`](crate::validate) after its repairs: a row that would still
//! be invalid is never written to the output. It goes to the rejects file, with the
//! reason, when there is one; without one the run is not [`usable`](Transformed::usable).
//!
//! ```
//! use alleo_csv_core::{Config, transform::{transform, Outputs, TransformOptions}};
//!
//! let export = "E-mailadres;Voornaam;Achternaam;Geboortedatum;Taal\r\n\
//!               j.devries@example.nl;Jan;de Vries;17-05-1990;Nederlands\r\n";
//! let config: Config = toml::from_str(r#"
//!     [mapping]
//!     "E-mailadres" = "email"
//!     "Voornaam" = "first_name"
//!     "Achternaam" = "last_name"
//!     "Geboortedatum" = "birthday"
//!     "Taal" = "language"
//!     [input]
//!     date_format = "%d-%m-%Y"
//! "#).unwrap();
//! let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
//! let mut out = Vec::new();
//! let done = transform(export.as_bytes(), &config, TransformOptions::new(as_of), Outputs::new(&mut out))?;
//!
//! assert!(done.usable());
//! assert_eq!(String::from_utf8(out).unwrap(), "\
//! Email,First name,Last name,Birthday,Language
//! j.devries@example.nl,Jan,de Vries,1990-05-17,nl
//! ");
//! # Ok::<(), alleo_csv_core::Error>(())
//! ```

#[cfg(not(target_family = "wasm"))]
mod beside;
mod change;
mod decode;
mod fix;
mod preview;
mod records;
mod summary;
#[cfg(feature = "xlsx")]
mod xlsx;

use std::borrow::Cow;
use std::io::{self, Read, Write};

use chrono::NaiveDate;

pub use self::change::Rule;
pub use self::decode::detect_encoding;
pub use self::fix::decimal_from_comma;
pub use self::preview::{Preview, preview};
pub use self::summary::Summary;
#[cfg(feature = "xlsx")]
pub use self::xlsx::{preview_workbook, transform_workbook};

use self::change::{CHANGE_HEADER, ChangeLog, PendingChange};
use self::fix::Fixer;
use self::records::ExportReader;
use crate::code::{Code, Severity};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::header::Slot;
use crate::input::{DateFormat, Delimiter, Encoding};
use crate::issue::{Detail, Issue};
use crate::messages::Lang;
use crate::options::Options;
use crate::read::Record;
use crate::report::Report;
use crate::validate::Checker;

/// How to run a transform. Build it with [`TransformOptions::new`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TransformOptions {
    /// The pickup date the rules call "today" (see [`Options::as_of`]).
    pub as_of: NaiveDate,
    /// The language of messages and of the reasons in the rejects file.
    pub lang: Lang,
    /// The encoding [`detect_encoding`] found, used when `[input] encoding` is not
    /// set. Defaults to `None`: UTF-8 (a byte order mark still decides).
    pub detected_encoding: Option<Encoding>,
}

impl TransformOptions {
    /// Options for `as_of`, with every other setting at its default.
    pub fn new(as_of: NaiveDate) -> TransformOptions {
        TransformOptions {
            as_of,
            lang: Lang::En,
            detected_encoding: None,
        }
    }
}

/// Where a transform writes.
pub struct Outputs<'o> {
    /// The canonical Alleo file.
    pub output: &'o mut dyn Write,
    /// Rows that would still be invalid, as the export has them, with a `reason`
    /// column; UTF-8 with a byte order mark, the export's delimiter, for Excel.
    pub rejects: Option<&'o mut dyn Write>,
    /// The change log: one line per change, `row,column,field,old,new,rule`.
    pub changes: Option<&'o mut dyn Write>,
}

impl<'o> Outputs<'o> {
    /// Only the output: a row that would be invalid makes the run unusable.
    pub fn new(output: &'o mut dyn Write) -> Outputs<'o> {
        Outputs {
            output,
            rejects: None,
            changes: None,
        }
    }

    /// Also write invalid rows to `rejects`.
    #[must_use]
    pub fn rejects(mut self, rejects: &'o mut dyn Write) -> Outputs<'o> {
        self.rejects = Some(rejects);
        self
    }

    /// Also write the change log to `changes`.
    #[must_use]
    pub fn changes(mut self, changes: &'o mut dyn Write) -> Outputs<'o> {
        self.changes = Some(changes);
        self
    }
}

impl std::fmt::Debug for Outputs<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Outputs")
            .field("rejects", &self.rejects.is_some())
            .field("changes", &self.changes.is_some())
            .finish_non_exhaustive()
    }
}

/// What kind of file an export is, told by its first bytes (not its name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Text: read as CSV.
    Csv,
    /// A zip file: an `.xlsx` workbook.
    Workbook,
    /// An old binary `.xls` workbook, which no front reads: save it as `.xlsx` or CSV.
    OldWorkbook,
}

impl Kind {
    /// The kind of an export that starts with `head` (its first four bytes suffice).
    ///
    /// ```
    /// use alleo_csv_core::transform::Kind;
    /// assert_eq!(Kind::of(b"PK\x03\x04..."), Kind::Workbook);
    /// assert_eq!(Kind::of(b"Email,First name"), Kind::Csv);
    /// ```
    pub fn of(head: &[u8]) -> Kind {
        if head.starts_with(b"PK\x03\x04") {
            Kind::Workbook
        } else if head.starts_with(b"\xD0\xCF\x11\xE0") {
            Kind::OldWorkbook
        } else {
            Kind::Csv
        }
    }

    /// Why a file of this kind cannot be read, and what to do instead; `None` for
    /// the kinds that can.
    ///
    /// ```
    /// use alleo_csv_core::transform::Kind;
    /// assert!(Kind::OldWorkbook.unreadable().unwrap().contains(".xlsx"));
    /// assert_eq!(Kind::Csv.unreadable(), None);
    /// ```
    pub fn unreadable(self) -> Option<&'static str> {
        match self {
            Kind::OldWorkbook => Some(
                "it is an old Excel .xls workbook; open it in Excel and save it as .xlsx or as \"CSV UTF-8\"",
            ),
            Kind::Csv | Kind::Workbook => None,
        }
    }
}

/// What a transform did.
#[derive(Debug, Clone)]
pub struct Transformed {
    /// Every issue, about the export's rows (after their repairs) and header.
    pub report: Report,
    /// What was read, written, rejected and repaired.
    pub summary: Summary,
    /// A problem with the whole export (its encoding, its header) stopped the run.
    pub stopped: bool,
    rejects_kept: bool,
}

impl Transformed {
    /// Whether the output can be used: nothing stopped the run, and every row was
    /// written or went to the rejects file. When false, discard the output.
    pub fn usable(&self) -> bool {
        !self.stopped && (self.summary.rejected == 0 || self.rejects_kept)
    }
}

/// Transforms the export in `reader` into the canonical file, in one streaming
/// pass: read on one thread, repaired, checked and written on this one, and what
/// is written checked once more, as it is written, on a third (not on
/// WebAssembly, which runs one thread and does not check twice).
///
/// # Errors
/// [`Error::Read`] when `reader` fails, [`Error::Write`] when an output does,
/// [`Error::SelfCheck`] when the file written fails the second check (a fault in
/// this program). Problems in the export are issues in the report, never errors.
pub fn transform<R: Read + Send>(
    reader: R,
    config: &Config,
    options: TransformOptions,
    outputs: Outputs<'_>,
) -> Result<Transformed> {
    #[cfg(not(target_family = "wasm"))]
    return beside::transform(reader, config, options, outputs);
    #[cfg(target_family = "wasm")]
    transform_here(reader, config, options, outputs)
}

/// [`transform`] on this thread alone.
#[cfg(target_family = "wasm")]
fn transform_here<R: Read>(
    reader: R,
    config: &Config,
    options: TransformOptions,
    outputs: Outputs<'_>,
) -> Result<Transformed> {
    let mut transformer = Transformer::new(config, options, outputs);
    let mut failed = None;
    crate::read::read_chunks(reader, |chunk| match transformer.feed(chunk) {
        Ok(()) => std::ops::ControlFlow::Continue(()),
        Err(e) => {
            failed = Some(e);
            std::ops::ControlFlow::Break(())
        }
    })?;
    match failed {
        Some(e) => Err(e),
        None => transformer.finish(),
    }
}

/// A transform fed in chunks (a browser stream, a Python file object).
#[derive(Debug)]
pub struct Transformer<'o> {
    records: ExportReader,
    rows: Rows<'o>,
}

impl<'o> Transformer<'o> {
    /// A transform of one export under `config`.
    pub fn new(
        config: &Config,
        options: TransformOptions,
        outputs: Outputs<'o>,
    ) -> Transformer<'o> {
        let encoding = config
            .input
            .encoding
            .or(options.detected_encoding)
            .unwrap_or(Encoding::UTF_8);
        let mut rows = Rows::new(config, options, outputs);
        rows.summary.encoding_detected = config.input.encoding.is_none();
        rows.summary.delimiter_detected = config.input.delimiter.is_none();
        Transformer {
            records: ExportReader::new(encoding, config.input.delimiter),
            rows,
        }
    }

    /// Transforms the next piece of the export.
    ///
    /// # Errors
    /// [`Error::Write`] when an output fails.
    pub fn feed(&mut self, chunk: &[u8]) -> Result<()> {
        self.push(chunk, false)
    }

    /// Ends the export and says what was done.
    ///
    /// # Errors
    /// [`Error::Write`] when an output fails.
    pub fn finish(mut self) -> Result<Transformed> {
        self.push(&[], true)?;
        self.rows.finish()
    }

    fn push(&mut self, chunk: &[u8], last: bool) -> Result<()> {
        let Transformer { records, rows } = self;
        records.push(chunk, last, &mut |r, delimiter| {
            rows.summary.delimiter = Some(delimiter);
            rows.record(r);
        });
        rows.summary.encoding = Some(records.encoding());
        if let Some(byte) = records.malformed() {
            rows.stop(Detail::Encoding {
                row: None,
                byte,
                utf16: false,
            });
        }
        rows.failed.take().map_or(Ok(()), |e| Err(Error::Write(e)))
    }
}

/// The row stage: header, repairs, checks, writing. Shared by CSV and workbooks.
struct Rows<'o> {
    checker: Checker,
    fixer: Fixer,
    summary: Summary,
    output: csv::Writer<&'o mut dyn Write>,
    rejects_raw: Option<&'o mut dyn Write>,
    rejects: Option<csv::Writer<&'o mut dyn Write>>,
    log: ChangeLog<'o>,
    rejects_kept: bool,
    /// Set once the header has been read and accepted.
    layout: Option<Layout>,
    /// Changes of the current row, counted and logged only if the row is written.
    pending: Vec<PendingChange>,
    /// The first row with a value in a column without a header, if any: such a
    /// column is left out only while it is empty.
    unnamed_value: Option<(u64, usize)>,
    /// A hash of each row written, by spreadsheet row, to tell the same person
    /// twice (two contracts, identical in everything sent) from two people.
    written: Vec<u64>,
    stopped: bool,
    /// The first write error, handed back by the next `feed`.
    failed: Option<io::Error>,
}

impl std::fmt::Debug for Rows<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rows")
            .field("summary", &self.summary)
            .field("stopped", &self.stopped)
            .finish_non_exhaustive()
    }
}

/// The export's columns and where they go.
#[derive(Debug)]
struct Layout {
    headers: Vec<String>,
    /// The Alleo field or custom field of each column.
    targets: Vec<String>,
    slots: Vec<Slot>,
    /// Export column of each output column, in output order.
    order: Vec<usize>,
    /// The columns without a header, left out while they hold no values.
    unnamed: Vec<usize>,
    /// The header's spreadsheet row.
    row: u64,
}

impl<'o> Rows<'o> {
    fn new(config: &Config, options: TransformOptions, outputs: Outputs<'o>) -> Rows<'o> {
        let mut failed = None;
        let changes = outputs.changes.map(|w| {
            // A byte order mark, so that Excel reads the log as UTF-8.
            if let Err(e) = w.write_all(b"\xEF\xBB\xBF") {
                failed = Some(e);
            }
            let mut log = csv::Writer::from_writer(w);
            if let Err(e) = log.write_record(CHANGE_HEADER) {
                failed.get_or_insert(io::Error::from(e));
            }
            log
        });
        let mut check = Options::new(options.as_of);
        check.lang = options.lang;
        let mut summary = Summary::new();
        summary.date_format = config.input.date_format.as_ref().map(DateFormat::display);
        Rows {
            checker: Checker::new(config, check).reading_export(),
            fixer: Fixer::new(config),
            summary,
            output: csv::WriterBuilder::new()
                .terminator(csv::Terminator::Any(b'\n'))
                .from_writer(outputs.output),
            rejects_kept: outputs.rejects.is_some(),
            rejects_raw: outputs.rejects,
            rejects: None,
            log: ChangeLog::new(changes),
            layout: None,
            pending: Vec::new(),
            unnamed_value: None,
            written: Vec::new(),
            stopped: false,
            failed,
        }
    }

    fn record(&mut self, r: &Record<'_>) {
        if self.stopped {
            return;
        }
        // Decoded exports are UTF-8 already; the lossy path is for a workbook's odd cell.
        let text = std::str::from_utf8(r.bytes)
            .map_or_else(|_| String::from_utf8_lossy(r.bytes), Cow::Borrowed);
        let fields: Vec<&str> = (0..r.len())
            .map(|i| text.get(r.bounds(i)).unwrap_or_default())
            .collect();
        self.row(r.row, r.blank_lines_before, &fields);
    }

    /// One row of the export (`row` is its spreadsheet row), after
    /// `blank_before` blank rows.
    fn row(&mut self, row: u64, blank_before: u64, fields: &[&str]) {
        if self.stopped {
            return;
        }
        for blank in row - blank_before..row {
            self.blank_row(blank);
        }
        if fields.iter().all(|f| f.trim().is_empty()) {
            self.blank_row(row);
        } else if self.layout.is_none() {
            self.header(row, fields);
        } else {
            self.employee(row, fields);
        }
    }

    fn blank_row(&mut self, row: u64) {
        let logged = self.log.record(row, "", "", "", "", Rule::BlankRow);
        self.keep(logged);
    }

    fn header(&mut self, row: u64, fields: &[&str]) {
        let headers: Vec<String> = fields.iter().map(|&h| h.to_owned()).collect();
        self.checker.header(&headers, row);
        let report = self.checker.report();
        let refused = report.issues.iter().any(|i| i.severity == Severity::Error);
        let (Some(columns), false, false) =
            (self.checker.columns(), refused, self.checker.halted())
        else {
            self.stopped = true;
            return;
        };
        let targets: Vec<String> = columns
            .summaries
            .iter()
            .map(|s| s.target.clone().unwrap_or_default())
            .collect();
        // The columns sent: every one but those left out (`[input] ignore`).
        let mut order: Vec<usize> = (0..headers.len())
            .filter(|&i| columns.slots[i] != Slot::Skip)
            .collect();
        let left_out: Vec<usize> = (0..headers.len())
            .filter(|&i| columns.summaries[i].ignored && !headers[i].trim().is_empty())
            .collect();
        let unnamed: Vec<usize> = (0..headers.len())
            .filter(|&i| headers[i].trim().is_empty())
            .collect();
        order.sort_by_key(|&i| match columns.slots[i] {
            Slot::Field(f) => (0, f as usize),
            Slot::Custom(_) | Slot::Skip => (1, i),
        });
        let names: Vec<String> = targets
            .iter()
            .zip(&columns.slots)
            .map(|(target, slot)| match slot {
                Slot::Field(f) => f.label().to_owned(),
                Slot::Custom(_) | Slot::Skip => target.clone(),
            })
            .collect();
        let layout = Layout {
            slots: columns.slots.clone(),
            headers,
            targets,
            order,
            unnamed,
            row,
        };
        let written = self
            .output
            .write_record(layout.order.iter().map(|&i| &names[i]));
        self.keep(written);
        if let Some(raw) = self.rejects_raw.take() {
            let bom = raw.write_all(b"\xEF\xBB\xBF");
            self.keep(bom.map_err(csv::Error::from));
            let delimiter = self.summary.delimiter.unwrap_or(Delimiter::COMMA).byte();
            let mut rejects = csv::WriterBuilder::new()
                .delimiter(delimiter)
                .flexible(true)
                .from_writer(raw);
            let reason = match self.checker.report().lang {
                Lang::En => "reason",
                Lang::Nl => "reden",
                Lang::De => "Grund",
            };
            let written =
                rejects.write_record(layout.headers.iter().map(String::as_str).chain([reason]));
            self.keep(written);
            self.rejects = Some(rejects);
        }
        for &i in &left_out {
            let header = &layout.headers[i];
            let logged = self.log.record(row, header, "", "", "", Rule::LeftOut);
            self.keep(logged);
            self.summary.left_out.push(header.clone());
        }
        for (i, header) in layout.headers.iter().enumerate() {
            if *header != names[i] && !left_out.contains(&i) {
                let field = &layout.targets[i];
                let logged = self
                    .log
                    .record(row, header, field, header, &names[i], Rule::Header);
                self.keep(logged);
            }
        }
        self.layout = Some(layout);
    }

    fn employee(&mut self, row: u64, fields: &[&str]) {
        let Rows {
            checker,
            fixer,
            pending,
            log,
            layout: Some(layout),
            ..
        } = self
        else {
            return;
        };
        let logging = log.is_written();
        self.summary.rows += 1;
        pending.clear();
        let before = checker.report().issues.len();
        let fixed: Vec<Cow<'_, str>> = if fields.len() == layout.slots.len() {
            let fixed: Vec<Cow<'_, str>> = fields
                .iter()
                .enumerate()
                .map(|(i, value)| {
                    fixer.cell(layout.slots[i], value, &mut |rule, old, new| {
                        // Without a change log only the count is needed.
                        let (old, new) = if logging {
                            (old.to_owned(), new.to_owned())
                        } else {
                            (String::new(), String::new())
                        };
                        pending.push(PendingChange {
                            column: i,
                            rule,
                            old,
                            new,
                        });
                    })
                })
                .collect();
            checker.row_now(row, fixed.len(), |i| Cow::Borrowed(&*fixed[i]));
            if self.unnamed_value.is_none()
                && let Some(&i) = layout
                    .unnamed
                    .iter()
                    .find(|&&i| !fields[i].trim().is_empty())
            {
                self.unnamed_value = Some((row, i));
            }
            fixed
        } else {
            checker.row_now(row, fields.len(), |i| Cow::Borrowed(fields[i]));
            Vec::new()
        };
        let report = checker.report();
        let reasons: Vec<String> = report
            .issues
            .since(before)
            .filter(|i| i.severity == Severity::Error)
            .map(|i| report.message_of(i))
            .collect();
        let sent = (!fixed.is_empty()).then(|| row_hash(layout.order.iter().map(|&i| &*fixed[i])));
        if let Some(first) = same_person_again(report, before, sent, &self.written) {
            // The same person twice (two contracts): kept once.
            checker.report_mut().issues.truncate(before);
            let logged = log.record(row, "", "", &first.to_string(), "", Rule::DuplicateRow);
            keep(&mut self.failed, logged);
        } else if reasons.is_empty() {
            self.summary.written += 1;
            if let Some(hash) = sent {
                let at = usize::try_from(row).unwrap_or(usize::MAX);
                if self.written.len() <= at {
                    self.written.resize(at.saturating_add(1), 0);
                }
                self.written[at] = hash;
            }
            let written = self
                .output
                .write_record(layout.order.iter().map(|&i| fixed[i].as_bytes()));
            keep(&mut self.failed, written);
            for c in &self.pending {
                let (column, field) = (&layout.headers[c.column], &layout.targets[c.column]);
                let logged = self.log.record(row, column, field, &c.old, &c.new, c.rule);
                keep(&mut self.failed, logged);
            }
        } else {
            self.summary.rejected += 1;
            if let Some(rejects) = &mut self.rejects {
                // A short row is padded, so that the reason is in its column.
                let padding = layout.headers.len().saturating_sub(fields.len());
                let reason = reasons.join(" | ");
                let written = rejects.write_record(
                    fields
                        .iter()
                        .copied()
                        .chain(std::iter::repeat_n("", padding))
                        .chain([reason.as_str()]),
                );
                keep(&mut self.failed, written);
            }
        }
    }

    /// Remembers the first write error.
    fn keep(&mut self, result: csv::Result<()>) {
        keep(&mut self.failed, result);
    }

    /// Stops on a problem with the whole export.
    fn stop(&mut self, detail: Detail) {
        if !self.stopped {
            self.stopped = true;
            self.checker.report_mut().issues.push(Issue::new(detail));
        }
    }

    fn finish(mut self) -> Result<Transformed> {
        for result in [
            self.output.flush(),
            self.rejects.as_mut().map_or(Ok(()), csv::Writer::flush),
            self.log.flush(),
        ] {
            self.keep(result.map_err(csv::Error::from));
        }
        if let Some(e) = self.failed.take() {
            return Err(Error::Write(e));
        }
        self.summary.changes = self.log.counts();
        if let (Some((_, i)), Some(layout)) = (self.unnamed_value, &self.layout) {
            // A column without a header holds values: it is a decision to make.
            let unnamed = Detail::UnknownColumn {
                position: i + 1,
                suggestion: None,
            };
            let issue = Issue::new(unnamed)
                .at_row(layout.row)
                .in_column(i, "", None);
            self.checker.report_mut().issues.push(issue);
            self.stopped = true;
        }
        let report = self.checker.into_report();
        // A sensitive column found by its values at the end: nothing may be sent.
        let sensitive = report
            .issues
            .iter()
            .any(|i| i.code() == Code::SensitiveData);
        let stopped = self.stopped || self.layout.is_none() || sensitive;
        Ok(Transformed {
            report,
            summary: self.summary,
            stopped,
            rejects_kept: self.rejects_kept,
        })
    }
}

/// A hash of the values a row sends, to tell a row identical to an earlier one.
fn row_hash<'a>(values: impl Iterator<Item = &'a str>) -> u64 {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let mut h = DefaultHasher::new();
    for v in values {
        v.hash(&mut h);
    }
    h.finish()
}

/// The first row of the same person, when the only errors of this row (its issues
/// from `before` on) say its address was used before, on a row that was written
/// and sent exactly these values (`sent`): one person with two contracts.
fn same_person_again(
    report: &Report,
    before: usize,
    sent: Option<u64>,
    written: &[u64],
) -> Option<u64> {
    let sent = sent?;
    let mut errors = report
        .issues
        .since(before)
        .filter(|i| i.severity == Severity::Error);
    let first = match errors.next()?.detail {
        Detail::EmailDuplicate { first_row } => *first_row,
        _ => return None,
    };
    let same = written.get(usize::try_from(first).ok()?) == Some(&sent);
    (errors.next().is_none() && same && sent != 0).then_some(first)
}

/// Remembers the first write error in `failed`.
fn keep(failed: &mut Option<io::Error>, result: csv::Result<()>) {
    if let Err(e) = result {
        failed.get_or_insert(io::Error::from(e));
    }
}

#[cfg(test)]
mod tests;
