//! An Alleo file held for editing, cell by cell: the page's grid.
//!
//! The file is checked once, whole, as [`validate`](crate::validate) checks it.
//! Each edit is then checked at once, with the same rules: the edited row again,
//! and every row whose email the edit made, or stopped being, used twice (a
//! uniqueness rule looks at the whole file). The rows keep their place in the
//! bytes: a million rows cost the file, a few numbers per row and the report, not
//! a string per cell. What is written back is the file as read, byte for byte,
//! with the edited rows in its place.
//!
//! ```
//! use alleo_csv_core::{sheet::Sheet, validate, Config, Options};
//! let file = "Email,First name,Last name\na@example.com,An,Jansen\na@example.com,Bo,Visser\n";
//! let options = Options::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap());
//! let mut sheet = Sheet::new(file.as_bytes().to_vec(), &Config::default(), options.clone());
//! assert_eq!(sheet.counts(), (1, 0), "the second a@example.com");
//! let touched = sheet.edit(1, 0, "bo@example.com");
//! assert_eq!((touched, sheet.counts()), (vec![0, 1], (0, 0)), "both used the address");
//! let written = sheet.write_to(Vec::new()).expect("a Vec takes every byte");
//! assert!(validate(&written[..], &Config::default(), options)?.valid());
//! # Ok::<(), alleo_csv_core::Error>(())
//! ```

use std::collections::HashMap;
use std::io::{self, Write};

use crate::code::Severity;
use crate::config::Config;
use crate::issue::{Detail, Issue, IssueRef};
use crate::options::Options;
use crate::read::{Record, RecordReader};
use crate::report::Report;
use crate::rules::sensitive::{Sensitive, ValueCounts};
use crate::validate::Checker;

/// An Alleo file being edited (see the [module](self)).
#[derive(Debug)]
pub struct Sheet {
    bytes: Vec<u8>,
    header: Vec<String>,
    /// Spreadsheet row of the header.
    header_row: u64,
    lines: Vec<Line>,
    /// The rows edited, by line, with all their values.
    edited: HashMap<usize, Vec<String>>,
    /// The whole check of the file as read.
    report: Report,
    /// Index in `report.issues` of the first issue of each line and after.
    first_issue: Vec<usize>,
    /// The issues of the lines checked again since, by line.
    rechecked: HashMap<usize, Vec<Issue>>,
    /// What the uniqueness rule keeps of each line's email (0: not compared).
    emails: Vec<u128>,
    /// What each line has: [`ERRORS`], [`WARNINGS`].
    flags: Vec<u8>,
    /// The rules, after the header, for one row at a time.
    rules: Checker,
    /// Which columns have their values counted for sensitive numbers, the
    /// counts, and whether each column holds them: a column-wide rule, which an
    /// edit can change.
    watched: Vec<bool>,
    value_counts: Vec<ValueCounts>,
    errors: usize,
    warnings: usize,
    /// What the whole file is checked under again before it is saved.
    config: Config,
    options: Options,
}

/// One employee row of the file: where its bytes are, and its spreadsheet row.
#[derive(Debug, Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
    row: u64,
    /// It opened a quote that is never closed (the file's last line): what was
    /// read into it is not the row as written, so it is not edited (written whole,
    /// its quotes closed, it would lose the rows it swallowed without a word).
    open_quote: bool,
}

/// A line has an error.
const ERRORS: u8 = 1;
/// A line has a warning.
const WARNINGS: u8 = 2;

/// Which rows [`Sheet::rows_with`] lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Having {
    /// Every row.
    Anything,
    /// The rows with an error.
    Errors,
    /// The rows with an error or a warning.
    Problems,
}

impl Sheet {
    /// Reads and checks the whole of `bytes` (an Alleo file) under `config`.
    pub fn new(bytes: Vec<u8>, config: &Config, options: Options) -> Sheet {
        let mut rules_options = options.clone();
        rules_options.file_name = None;
        let mut checker = Checker::new(config, options.clone());
        let mut header = None;
        let mut lines = Vec::new();
        let mut emails = Vec::new();
        let mut email_column = None;
        let mut take = |r: &Record<'_>, checker: &mut Checker| {
            checker.record(r);
            if r.bytes.iter().all(u8::is_ascii_whitespace) {
                return;
            }
            let fields = r.decoded();
            if header.is_none() {
                let names: Vec<String> = fields.fields().map(str::to_owned).collect();
                header = Some((names, r.row));
                email_column = checker
                    .columns()
                    .and_then(|c| c.field_index[crate::FieldKey::Email as usize]);
                return;
            }
            // A row of the wrong length is not compared (a whole check skips it).
            let width = header.as_ref().map_or(0, |(names, _)| names.len());
            let key = email_column
                .filter(|_| fields.len() == width && !r.open_quote)
                .and_then(|i| checker.email_key(fields.field(i)));
            emails.push(key.unwrap_or(0));
            lines.push(Line {
                start: usize::try_from(r.start).unwrap_or(usize::MAX),
                end: usize::try_from(r.end).unwrap_or(usize::MAX),
                row: r.row,
                open_quote: r.open_quote,
            });
        };
        let mut reader = RecordReader::new();
        reader.feed(&bytes, &mut |r| take(r, &mut checker));
        reader.finish(&mut |r| take(r, &mut checker));
        let (watched, value_counts) = checker.value_counts();
        let report = checker.into_report();
        let (header, header_row) = header.unwrap_or_default();
        let mut rules = Checker::new(config, rules_options);
        rules.header(&header, header_row);
        let mut sheet = Sheet {
            first_issue: Vec::with_capacity(lines.len() + 1),
            flags: vec![0; lines.len()],
            errors: report.errors(),
            warnings: report.warnings(),
            bytes,
            header,
            header_row,
            lines,
            edited: HashMap::new(),
            report,
            rechecked: HashMap::new(),
            emails,
            rules,
            watched,
            value_counts,
            config: config.clone(),
            options,
        };
        sheet.index_issues();
        sheet
    }

    /// Finds each line's issues in the report, and what they are.
    fn index_issues(&mut self) {
        let issues = &self.report.issues;
        let mut at = issues
            .iter()
            .position(|i| i.row.is_some_and(|r| r > self.header_row))
            .unwrap_or(issues.len());
        for (n, line) in self.lines.iter().enumerate() {
            while issues.get(at).is_some_and(|i| i.row < Some(line.row)) {
                at += 1;
            }
            self.first_issue.push(at);
            while let Some(i) = issues.get(at).filter(|i| i.row == Some(line.row)) {
                self.flags[n] |= flag(i.severity);
                at += 1;
            }
        }
        self.first_issue.push(at);
    }

    /// The header, as written.
    pub fn header(&self) -> &[String] {
        &self.header
    }

    /// The number of employee rows.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    /// Whether the file has no employee row.
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The whole check of the file as it was read (before any edit). Of its
    /// file-level issues, [`Sheet::counts`] follows the edits for `sensitive-data`
    /// (a column's values counted again); the others (the header, the encoding,
    /// blank lines between rows) are as read: a whole check of [`Sheet::write_to`]'s
    /// file is the last word before it is sent.
    pub fn first_report(&self) -> &Report {
        &self.report
    }

    /// The issues about the whole file and its header as it is now: as read, but
    /// for the columns that hold sensitive numbers, counted again after the edits
    /// (in the order a whole check gives them, those last).
    pub fn file_issues(&self) -> Vec<Issue> {
        let by_values = |d: &Detail| {
            matches!(
                d,
                Detail::SensitiveData {
                    reason: Sensitive::BsnValues | Sensitive::IbanValues | Sensitive::TaxIdValues
                }
            )
        };
        let mut issues: Vec<Issue> = (self.report.issues.iter())
            .filter(|i| i.row.is_none_or(|r| r <= self.header_row) && !by_values(i.detail))
            .map(|i| i.to_issue())
            .collect();
        if let Some(columns) = self.rules.columns() {
            for (i, counts) in self.value_counts.iter().enumerate() {
                if self.watched[i] {
                    issues.extend(columns.sensitive_issue(i, counts));
                }
            }
        }
        issues
    }

    /// The errors and warnings of the file as it is now.
    pub fn counts(&self) -> (usize, usize) {
        (self.errors, self.warnings)
    }

    /// The spreadsheet row of line `line` (0 for the first employee row), if it exists.
    pub fn row_number(&self, line: usize) -> Option<u64> {
        self.lines.get(line).map(|l| l.row)
    }

    /// The values of line `line` (empty if it does not exist).
    pub fn values(&self, line: usize) -> Vec<String> {
        if let Some(values) = self.edited.get(&line) {
            return values.clone();
        }
        let Some(l) = self.lines.get(line) else {
            return Vec::new();
        };
        let mut values = Vec::new();
        let mut reader = RecordReader::new();
        let mut take = |r: &Record<'_>| {
            if values.is_empty() {
                values = r.decoded().fields().map(str::to_owned).collect();
            }
        };
        reader.feed(&self.bytes[l.start..l.end], &mut take);
        reader.finish(&mut take);
        values
    }

    /// The issues of line `line` as they are now, in report order.
    pub fn issues(&self, line: usize) -> Vec<Issue> {
        self.each_issue(line, |i| i.to_issue())
    }

    /// The lines that have what `having` asks for, in order.
    pub fn rows_with(&self, having: Having) -> Vec<u32> {
        (0..self.lines.len())
            .filter(|&n| self.has(n, having))
            .map(|n| n as u32)
            .collect()
    }

    /// Whether line `line` has what `having` asks for (for a filter to take in
    /// the lines an [`edit`](Sheet::edit) touched, without a look at every line).
    pub fn has(&self, line: usize, having: Having) -> bool {
        let wanted = match having {
            Having::Anything => return line < self.lines.len(),
            Having::Errors => ERRORS,
            Having::Problems => ERRORS | WARNINGS,
        };
        self.flags.get(line).is_some_and(|f| f & wanted != 0)
    }

    /// Sets column `column` of line `line` to `value` and checks again what that
    /// changes. Returns the lines whose issues may have changed: this one, and
    /// those that shared its old or new email. The row then has the header's
    /// length (values beyond it, never sent, are dropped). A line or column that
    /// does not exist changes nothing, nor does an edit of a line that opened a
    /// quote never closed (its `unclosed-quote` error says to fix the file).
    pub fn edit(&mut self, line: usize, column: usize, value: &str) -> Vec<usize> {
        let open = |l: &Line| l.open_quote;
        if column >= self.header.len() || self.lines.get(line).is_none_or(open) {
            return Vec::new();
        }
        // An edited row has the header's length: filled out, or (a row with more
        // values than columns) cut to it, as the grid shows it.
        let before = self.values(line);
        let mut values = before.clone();
        values.resize(self.header.len(), String::new());
        value.clone_into(&mut values[column]);
        self.recount(&before, &values);
        let email = self.email_column().map(|i| values[i].as_str());
        let key = email.and_then(|e| self.rules.email_key(e)).unwrap_or(0);
        self.edited.insert(line, values);
        let old = std::mem::replace(&mut self.emails[line], key);
        // The lines that share the old or the new address, each list in order:
        // its first line is the address's first use.
        let mut touched = vec![line];
        let mut first_use = Vec::with_capacity(2);
        for key in [old, key] {
            if key == 0 || first_use.iter().any(|&(k, _)| k == key) {
                continue;
            }
            let sharing = (self.emails.iter().enumerate()).filter(|&(_, &k)| k == key);
            let start = touched.len();
            touched.extend(sharing.map(|(n, _)| n));
            if let Some(&first) = touched.get(start) {
                first_use.push((key, first));
            }
        }
        // A row left blank is a blank row, reported unless only blank rows follow:
        // the blank rows before it may change with it.
        let mut previous = line;
        while previous > 0 && self.is_blank(previous - 1) {
            previous -= 1;
            touched.push(previous);
        }
        touched.sort_unstable();
        touched.dedup();
        for &n in &touched {
            let key = self.emails[n];
            let first = first_use.iter().find(|&&(k, _)| k == key).map(|&(_, f)| f);
            self.check_again(n, first);
        }
        touched
    }

    /// Checks line `n` again, on its own and against the other emails: `first` is
    /// the first line with its address, if it has one that is compared.
    fn check_again(&mut self, n: usize, first: Option<usize>) {
        let values = self.values(n);
        let row = self.lines[n].row;
        let fields: Vec<&str> = values.iter().map(String::as_str).collect();
        let mut issues = if fields.iter().all(|f| is_blank(f)) {
            let trailing = (n + 1..self.lines.len()).all(|m| self.is_blank(m));
            let blank = Issue::new(crate::issue::Detail::BlankRow).at_row(row);
            if trailing { Vec::new() } else { vec![blank] }
        } else {
            self.rules.row_alone(row, &fields)
        };
        if let Some(first) = first.filter(|&f| f != n)
            && let Some(i) = self.email_column()
            && let Some(issue) = self
                .rules
                .duplicate_of(row, self.lines[first].row, fields[i])
        {
            issues.push(issue);
        }
        // As a whole report orders them: by column, then by code.
        issues.sort_by_key(|i| (i.position, i.code()));
        let before = self.each_issue(n, |i| i.severity);
        self.tally(&before, false);
        self.tally(&issues.iter().map(|i| i.severity).collect::<Vec<_>>(), true);
        self.flags[n] = issues.iter().fold(0, |f, i| f | flag(i.severity));
        self.rechecked.insert(n, issues);
    }

    /// Counts a row's values again for the column-wide rule on sensitive numbers
    /// (`before` the edit, and now), as a whole check counts them: the values of
    /// a row that is neither blank nor of the wrong length.
    fn recount(&mut self, before: &[String], now: &[String]) {
        let counted = |values: &[String]| {
            values.len() == self.header.len() && !values.iter().all(|v| is_blank(v))
        };
        let (before, now) = (
            counted(before).then_some(before),
            counted(now).then_some(now),
        );
        for (i, counts) in self.value_counts.iter_mut().enumerate() {
            if !self.watched.get(i).copied().unwrap_or(false) {
                continue;
            }
            let was = counts.verdict().is_some();
            if let Some(value) = before.and_then(|b| b.get(i)) {
                counts.remove(value);
            }
            if let Some(value) = now.and_then(|n| n.get(i)) {
                counts.add(value);
            }
            // One `sensitive-data` error for each column that holds such numbers.
            match (was, counts.verdict().is_some()) {
                (false, true) => self.errors += 1,
                (true, false) => self.errors = self.errors.saturating_sub(1),
                _ => {}
            }
        }
    }

    /// Whether line `n` is blank (nothing but spaces), as a whole check sees it.
    fn is_blank(&self, n: usize) -> bool {
        self.values(n).iter().all(|v| is_blank(v))
    }

    /// Adds (or takes away) issues of these severities to the counts.
    fn tally(&mut self, severities: &[Severity], add: bool) {
        for severity in severities {
            let count = match severity {
                Severity::Error => &mut self.errors,
                Severity::Warning => &mut self.warnings,
            };
            *count = if add {
                *count + 1
            } else {
                count.saturating_sub(1)
            };
        }
    }

    /// Calls `each` on every issue line `n` has now.
    fn each_issue<T>(&self, n: usize, mut each: impl FnMut(IssueRef<'_>) -> T) -> Vec<T> {
        if let Some(issues) = self.rechecked.get(&n) {
            return issues.iter().map(|i| each(i.view())).collect();
        }
        let (Some(&from), Some(&to)) = (self.first_issue.get(n), self.first_issue.get(n + 1))
        else {
            return Vec::new();
        };
        let row = self.lines[n].row;
        (from..to)
            .filter_map(|i| self.report.issues.get(i))
            .filter(|i| i.row == Some(row))
            .map(each)
            .collect()
    }

    fn email_column(&self) -> Option<usize> {
        self.rules
            .columns()
            .and_then(|c| c.field_index[crate::FieldKey::Email as usize])
    }

    /// The file as it is now, and a whole check of it as [`validate`] checks the
    /// file: only this says it may be sent. (The counts kept as cells are edited
    /// say the same, but a file about to be sent is checked from its bytes.)
    ///
    /// [`validate`]: crate::validate()
    pub fn check_whole(&self) -> (Vec<u8>, Report) {
        let mut bytes = Vec::with_capacity(self.bytes.len());
        // A Vec takes every byte, and a row is always one csv can write.
        let _ = self.write_to(&mut bytes);
        let mut validator = crate::Validator::new(&self.config, self.options.clone());
        validator.feed(&bytes);
        (bytes, validator.finish())
    }

    /// Writes the file as it is now to `out` and hands `out` back: the bytes as
    /// read, each edited row written in its place (quoted only where it must be).
    ///
    /// # Errors
    /// When `out` fails.
    pub fn write_to<W: Write>(&self, mut out: W) -> io::Result<W> {
        let mut edited: Vec<usize> = self.edited.keys().copied().collect();
        edited.sort_unstable();
        let mut at = 0;
        for n in edited {
            let line = self.lines[n];
            // The line break is the file's own: kept as it is.
            let mut end = line.end;
            while end > line.start && matches!(self.bytes[end - 1], b'\r' | b'\n') {
                end -= 1;
            }
            out.write_all(&self.bytes[at..line.start])?;
            let mut record = csv::WriterBuilder::new()
                .terminator(csv::Terminator::Any(b'\n'))
                .from_writer(Vec::new());
            record.write_record(&self.edited[&n])?;
            let record = record
                .into_inner()
                .map_err(csv::IntoInnerError::into_error)?;
            out.write_all(record.strip_suffix(b"\n").unwrap_or(&record))?;
            at = end;
        }
        out.write_all(&self.bytes[at..])?;
        Ok(out)
    }
}

/// Nothing but spaces, as a whole check tells a blank row.
fn is_blank(value: &str) -> bool {
    value.bytes().all(|b| b.is_ascii_whitespace())
}

fn flag(severity: Severity) -> u8 {
    match severity {
        Severity::Error => ERRORS,
        Severity::Warning => WARNINGS,
    }
}

#[cfg(test)]
mod tests;
