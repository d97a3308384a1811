//! The record of what a transform changed, cell by cell: counted by rule, and
//! written to the change log when there is one.

use std::collections::BTreeMap;
use std::fmt;
use std::io::{self, Write};

use serde::Serialize;

/// A repair the transform makes. Each has a stable kebab-case name, used in the
/// change log and in the JSON summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    /// A header renamed to Alleo's name through `[mapping]` or to its canonical
    /// spelling (`first_name` -> `First name`).
    Header,
    /// White space removed from the start or end of a value.
    Trim,
    /// A date rewritten from the export's `date_format` to `YYYY-MM-DD`.
    Date,
    /// A decimal rewritten from a comma to a dot (`0,8` -> `0.8`, `1.234,5` ->
    /// `1234.5`).
    DecimalComma,
    /// A language name or code written as Alleo's code (`Nederlands` -> `nl`).
    Language,
    /// A company group written as the company spells it (`sales` -> `Sales`).
    CompanyGroup,
    /// A row without any value left out.
    BlankRow,
    /// A column of the export left out of the Alleo file (`[input] ignore`, or a
    /// column without a header or a value).
    LeftOut,
    /// A date written to mean "no date" (`0000-00-00`) left empty.
    EmptyDate,
    /// A spreadsheet day number in a date column (a cell without a date format)
    /// written as its date (`45292` -> `2024-01-01`).
    DayNumber,
    /// A row identical to an earlier one in everything sent (one person with two
    /// contracts) left out.
    DuplicateRow,
}

impl Rule {
    /// Every rule, in the order summaries list them.
    pub const ALL: [Rule; 11] = [
        Rule::LeftOut,
        Rule::Header,
        Rule::Date,
        Rule::DayNumber,
        Rule::EmptyDate,
        Rule::DecimalComma,
        Rule::Language,
        Rule::CompanyGroup,
        Rule::Trim,
        Rule::BlankRow,
        Rule::DuplicateRow,
    ];

    /// The stable name: `header`, `trim`, `date`, `decimal-comma`, `language`,
    /// `company-group`, `blank-row`, `left-out`, `empty-date`, `day-number`,
    /// `duplicate-row`.
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::Header => "header",
            Rule::Trim => "trim",
            Rule::Date => "date",
            Rule::DecimalComma => "decimal-comma",
            Rule::Language => "language",
            Rule::CompanyGroup => "company-group",
            Rule::BlankRow => "blank-row",
            Rule::LeftOut => "left-out",
            Rule::EmptyDate => "empty-date",
            Rule::DayNumber => "day-number",
            Rule::DuplicateRow => "duplicate-row",
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A repair of the row being transformed; it is counted and logged only if the
/// row is written.
#[derive(Debug)]
pub(crate) struct PendingChange {
    /// The export's column.
    pub column: usize,
    pub rule: Rule,
    /// Empty when no change log is written.
    pub old: String,
    pub new: String,
}

/// The change log's columns, in the order written.
pub(crate) const CHANGE_HEADER: [&str; 6] = ["row", "column", "field", "old", "new", "rule"];

/// Counts changes by rule and writes each to the change log, if there is one:
/// `row,column,field,old,new,rule`, where `column` is the export's header, `field`
/// the Alleo field, and both are empty for a blank row.
pub(crate) struct ChangeLog<'o> {
    writer: Option<csv::Writer<&'o mut dyn Write>>,
    counts: [u64; Rule::ALL.len()],
}

impl<'o> ChangeLog<'o> {
    pub fn new(writer: Option<csv::Writer<&'o mut dyn Write>>) -> ChangeLog<'o> {
        ChangeLog {
            writer,
            counts: [0; Rule::ALL.len()],
        }
    }

    /// Whether the changes are written, not only counted.
    pub fn is_written(&self) -> bool {
        self.writer.is_some()
    }

    /// Counts one change and writes it.
    pub fn record(
        &mut self,
        row: u64,
        column: &str,
        field: &str,
        old: &str,
        new: &str,
        rule: Rule,
    ) -> csv::Result<()> {
        self.counts[rule as usize] += 1;
        match &mut self.writer {
            Some(w) => w.write_record([&*row.to_string(), column, field, old, new, rule.as_str()]),
            None => Ok(()),
        }
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.writer.as_mut().map_or(Ok(()), csv::Writer::flush)
    }

    /// How many times each rule was applied (rules never applied left out).
    pub fn counts(&self) -> BTreeMap<Rule, u64> {
        Rule::ALL
            .into_iter()
            .filter(|&r| self.counts[r as usize] > 0)
            .map(|r| (r, self.counts[r as usize]))
            .collect()
    }
}

impl fmt::Debug for ChangeLog<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ChangeLog")
            .field("written", &self.is_written())
            .field("counts", &self.counts)
            .finish()
    }
}
