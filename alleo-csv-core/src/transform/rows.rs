//! The row stage of a transform, shared by CSV and workbooks: the header
//! resolved into the Alleo file's columns, each row repaired, checked and written
//! (or set aside, or left out as a blank row or the same person again).

use std::borrow::Cow;
use std::io::{self, Write};

use super::change::{CHANGE_HEADER, ChangeLog};
use super::fix::{Fixer, Repairs, RowRepairs};
use super::line::Line;
use super::{Outputs, Rule, Summary, TransformOptions, Transformed};
use crate::code::{Code, Severity};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::header::Slot;
use crate::input::{DateFormat, Delimiter};
use crate::issue::{Detail, Issue};
use crate::messages::Lang;
use crate::options::Options;
use crate::read::Record;
use crate::report::Report;
use crate::validate::Checker;

/// The row stage: header, repairs, checks, writing. Shared by CSV and workbooks.
pub(super) struct Rows<'o> {
    pub(super) checker: Checker,
    pub(super) fixer: Fixer,
    pub(super) summary: Summary,
    pub(super) output: io::BufWriter<&'o mut dyn Write>,
    pub(super) rejects_raw: Option<&'o mut dyn Write>,
    pub(super) rejects: Option<csv::Writer<&'o mut dyn Write>>,
    pub(super) log: ChangeLog<'o>,
    /// Invalid rows go to a rejects file or stay in the output: none is lost.
    pub(super) invalid_kept: bool,
    /// Invalid rows are written to the output too ([`Outputs::keep_invalid`]).
    pub(super) keep_invalid: bool,
    /// Set once the header has been read and accepted.
    pub(super) layout: Option<Columns>,
    /// The first row with a value in a column without a header, if any: such a
    /// column is left out only while it is empty.
    pub(super) unnamed_value: Option<(u64, usize)>,
    /// A hash of each row written, by spreadsheet row, to tell the same person
    /// twice (two contracts, identical in everything sent) from two people.
    pub(super) written: Vec<u64>,
    /// The spreadsheet row of the last row written to the output (1: the header).
    pub(super) output_row: u64,
    /// The output's rows kept although invalid ([`Outputs::keep_invalid`]).
    pub(super) kept: Vec<u64>,
    /// The row being written, reused from row to row.
    pub(super) line: Line,
    /// The repairs of a row made here (not on the reading thread), reused.
    pub(super) own: Repairs,
    /// The row of the record being read, when it opened a quote that is never
    /// closed (the file's last).
    pub(super) open_quote: Option<u64>,
    pub(super) stopped: bool,
    /// The first write error, handed back by the next `feed`.
    pub(super) failed: Option<io::Error>,
}

impl std::fmt::Debug for Rows<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rows")
            .field("summary", &self.summary)
            .field("stopped", &self.stopped)
            .finish_non_exhaustive()
    }
}

/// The export's columns and where each goes in the Alleo file.
#[derive(Debug)]
pub(super) struct Columns {
    pub(super) headers: Vec<String>,
    /// The Alleo field or custom field of each column.
    pub(super) targets: Vec<String>,
    pub(super) slots: Vec<Slot>,
    /// Export column of each output column, in output order.
    pub(super) order: Vec<usize>,
    /// The columns without a header, left out while they hold no values.
    pub(super) unnamed: Vec<usize>,
    /// The header's spreadsheet row.
    pub(super) row: u64,
}

impl<'o> Rows<'o> {
    pub(super) fn new(
        config: &Config,
        options: TransformOptions,
        outputs: Outputs<'o>,
    ) -> Rows<'o> {
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
            output: io::BufWriter::with_capacity(32 * 1024, outputs.output),
            invalid_kept: outputs.rejects.is_some() || outputs.keep_invalid,
            keep_invalid: outputs.keep_invalid,
            rejects_raw: outputs.rejects,
            rejects: None,
            log: ChangeLog::new(changes),
            layout: None,
            unnamed_value: None,
            written: Vec::new(),
            output_row: 1,
            kept: Vec::new(),
            line: Line::default(),
            own: Repairs::default(),
            open_quote: None,
            stopped: false,
            failed,
        }
    }

    pub(super) fn record(&mut self, r: &Record<'_>, repairs: Option<RowRepairs<'_>>) {
        if self.stopped {
            return;
        }
        // Decoded exports are UTF-8 already; the lossy path is for a workbook's odd cell.
        let record = r.decoded();
        let (row, blank_before) = (r.row, r.blank_lines_before);
        self.open_quote = r.open_quote.then_some(row);
        gathered(
            record.len(),
            |i| record.field(i),
            |fields| {
                self.row(row, blank_before, fields, repairs);
            },
        );
    }

    /// One row of the export (`row` is its spreadsheet row), after
    /// `blank_before` blank rows.
    pub(super) fn row(
        &mut self,
        row: u64,
        blank_before: u64,
        fields: &[&str],
        repairs: Option<RowRepairs<'_>>,
    ) {
        if self.stopped {
            return;
        }
        for blank in row - blank_before..row {
            self.blank_row(blank);
        }
        if blank(fields.iter().copied()) {
            self.blank_row(row);
        } else if self.layout.is_none() {
            self.header(row, fields);
        } else {
            self.employee(row, fields, repairs);
        }
    }

    pub(super) fn blank_row(&mut self, row: u64) {
        let logged = self.log.record(row, "", "", "", "", Rule::BlankRow);
        self.keep(logged);
    }

    pub(super) fn header(&mut self, row: u64, fields: &[&str]) {
        if self.open_quote.take() == Some(row) {
            self.checker.unclosed_quote(row);
        }
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
        let layout = Columns {
            slots: columns.slots.clone(),
            headers,
            targets,
            order,
            unnamed,
            row,
        };
        self.line.clear();
        for &i in &layout.order {
            self.line.push(names[i].as_bytes());
        }
        let written = self.output.write_all(self.line.ended());
        self.keep(written);
        if let Some(raw) = self.rejects_raw.take() {
            let bom = raw.write_all(b"\xEF\xBB\xBF");
            self.keep(bom);
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

    /// An employee's row, repaired here unless `repairs` were made already (on
    /// the reading thread).
    pub(super) fn employee(&mut self, row: u64, fields: &[&str], repairs: Option<RowRepairs<'_>>) {
        let Some(layout) = &self.layout else {
            return;
        };
        if let Some(repairs) = repairs {
            self.write(row, fields, repairs);
        } else {
            let mut own = std::mem::take(&mut self.own);
            own.clear();
            let logging = self.log.is_written();
            own.add(
                &self.fixer,
                &layout.slots,
                fields.len(),
                |i| fields[i],
                logging,
            );
            self.write(row, fields, own.row(0));
            self.own = own;
        }
    }

    /// Checks a repaired row and writes it to the output, or to the rejects.
    fn write(&mut self, row: u64, fields: &[&str], repairs: RowRepairs<'_>) {
        let Some(layout) = &self.layout else {
            return;
        };
        self.summary.rows += 1;
        let before = self.checker.report().issues.len();
        // Set aside unchecked: what was read into it is not the row as written.
        if self.open_quote == Some(row) {
            self.checker.unclosed_quote(row);
        }
        let in_columns = repairs.in_columns();
        if in_columns
            && self.unnamed_value.is_none()
            && let Some(&i) = layout
                .unnamed
                .iter()
                .find(|&&i| !fields[i].trim().is_empty())
        {
            self.unnamed_value = Some((row, i));
        }
        // The values to write, by column.
        gathered(
            fields.len(),
            |i| repairs.get(fields, i),
            |cells| {
                self.decide(row, fields, cells, repairs, before, in_columns);
            },
        );
    }

    /// Checks a repaired row by the values it would write (`cells`), and writes
    /// it, sets it aside, or leaves it out as the same person again.
    fn decide(
        &mut self,
        row: u64,
        fields: &[&str],
        cells: &[&str],
        repairs: RowRepairs<'_>,
        before: usize,
        in_columns: bool,
    ) {
        let Rows {
            checker,
            log,
            layout: Some(layout),
            open_quote,
            ..
        } = self
        else {
            return;
        };
        let cell = |i: usize| cells.get(i).copied().unwrap_or_default();
        if open_quote.take() == Some(row) {
            checker.unchecked_row();
        } else {
            checker.row_now(row, cells.len(), |i| Cow::Borrowed(cell(i)), repairs.found);
        }
        let report = checker.report();
        let reasons: Vec<String> = report
            .issues
            .errors_since(before)
            .map(|i| report.message_of(i))
            .collect();
        // The row as it would be written: what a row of the same person again
        // is told by.
        let line = &mut self.line;
        line.clear();
        if in_columns {
            for &i in &layout.order {
                line.push(cell(i).as_bytes());
            }
        }
        let sent = in_columns.then(|| line.hash());
        if let Some(first) = same_person_again(report, before, sent, &self.written) {
            // The same person twice (two contracts): kept once.
            checker.report_mut().issues.truncate(before);
            let logged = log.record(row, "", "", &first.to_string(), "", Rule::DuplicateRow);
            keep(&mut self.failed, logged);
        } else if reasons.is_empty() || self.keep_invalid {
            // A row of the wrong length is kept (to be fixed) as the export has
            // it: its values cannot be put in columns, and it stays the wrong length.
            if !in_columns {
                for v in fields {
                    line.push(v.as_bytes());
                }
            }
            // Its spreadsheet row in the output (a value with a line break is
            // still one row).
            self.output_row += 1;
            if !reasons.is_empty() {
                self.kept.push(self.output_row);
            }
            let written = self.output.write_all(line.ended());
            keep(&mut self.failed, written);
            for c in repairs.changes {
                let (column, field) = (&layout.headers[c.column], &layout.targets[c.column]);
                let logged = self.log.record(row, column, field, &c.old, &c.new, c.rule);
                keep(&mut self.failed, logged);
            }
            if reasons.is_empty() {
                self.summary.written += 1;
                if let Some(hash) = sent {
                    let at = usize::try_from(row).unwrap_or(usize::MAX);
                    if self.written.len() <= at {
                        self.written.resize(at.saturating_add(1), 0);
                    }
                    self.written[at] = hash;
                }
            } else {
                self.summary.rejected += 1;
                self.reject(fields, &reasons);
            }
        } else {
            self.summary.rejected += 1;
            self.reject(fields, &reasons);
        }
    }

    /// Writes a row that is still invalid to the rejects file, if there is one, as
    /// the export had it, with the `reasons`.
    fn reject(&mut self, fields: &[&str], reasons: &[String]) {
        let (Some(rejects), Some(layout)) = (&mut self.rejects, &self.layout) else {
            return;
        };
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

    /// Remembers the first write error.
    pub(super) fn keep<E: Into<io::Error>>(&mut self, result: std::result::Result<(), E>) {
        keep(&mut self.failed, result);
    }

    /// Stops on a problem with the whole export.
    pub(super) fn stop(&mut self, detail: Detail) {
        if !self.stopped {
            self.stopped = true;
            self.checker.report_mut().issues.push(Issue::new(detail));
        }
    }

    pub(super) fn finish(mut self) -> Result<Transformed> {
        for result in [
            self.output.flush(),
            self.rejects.as_mut().map_or(Ok(()), csv::Writer::flush),
            self.log.flush(),
        ] {
            self.keep(result);
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
            invalid_kept: self.invalid_kept,
            kept_rows: self.kept,
        })
    }
}

/// The first row of the same person, when the only errors of this row (its issues
/// from `before` on) say its address was used before, on a row that was written
/// and sent exactly these values (`sent`): one person with two contracts.
pub(super) fn same_person_again(
    report: &Report,
    before: usize,
    sent: Option<u64>,
    written: &[u64],
) -> Option<u64> {
    let sent = sent?;
    let mut errors = report.issues.errors_since(before);
    let first = match errors.next()?.detail {
        Detail::EmailDuplicate { first_row } => *first_row,
        _ => return None,
    };
    let same = written.get(usize::try_from(first).ok()?) == Some(&sent);
    (errors.next().is_none() && same && sent != 0).then_some(first)
}

/// Whether a row of these values is a blank row: white space at most.
pub(super) fn blank<'a>(mut values: impl Iterator<Item = &'a str>) -> bool {
    values.all(|v| v.trim().is_empty())
}

/// Remembers the first write error in `failed`.
pub(super) fn keep<E: Into<io::Error>>(
    failed: &mut Option<io::Error>,
    result: std::result::Result<(), E>,
) {
    if let Err(e) = result {
        failed.get_or_insert(e.into());
    }
}

/// Hands `f` the `n` values `get` gives, as a slice: on the stack for a row of up
/// to 64 columns, so that a million rows allocate nothing.
fn gathered<'a, R>(n: usize, get: impl Fn(usize) -> &'a str, f: impl FnOnce(&[&'a str]) -> R) -> R {
    const ON_STACK: usize = 64;
    if n > ON_STACK {
        let values: Vec<&str> = (0..n).map(get).collect();
        return f(&values);
    }
    let mut values = [""; ON_STACK];
    for (i, value) in values.iter_mut().enumerate().take(n) {
        *value = get(i);
    }
    f(&values[..n])
}

#[cfg(test)]
mod tests {
    use super::gathered;

    #[test]
    fn values_are_gathered_in_order_on_the_stack_or_not() {
        for n in [0, 1, 13, 64, 65, 200] {
            let names: Vec<String> = (0..n).map(|i| format!("v{i}")).collect();
            let got = gathered(n, |i| names[i].as_str(), |values| values.join(","));
            assert_eq!(got, names.join(","), "{n} values");
        }
    }
}
