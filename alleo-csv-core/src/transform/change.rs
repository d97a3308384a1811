//! The record of what a transform changed, cell by cell.

use std::fmt;

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
}

impl Rule {
    /// Every rule, in the order summaries list them.
    pub const ALL: [Rule; 7] = [
        Rule::Header,
        Rule::Date,
        Rule::DecimalComma,
        Rule::Language,
        Rule::CompanyGroup,
        Rule::Trim,
        Rule::BlankRow,
    ];

    /// The stable name: `header`, `trim`, `date`, `decimal-comma`, `language`,
    /// `company-group`, `blank-row`.
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::Header => "header",
            Rule::Trim => "trim",
            Rule::Date => "date",
            Rule::DecimalComma => "decimal-comma",
            Rule::Language => "language",
            Rule::CompanyGroup => "company-group",
            Rule::BlankRow => "blank-row",
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One change to one cell (or header, or blank row).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// The row in the export, as a spreadsheet shows it (the header is row 1).
    pub row: u64,
    /// The header in the export; empty for a blank row.
    pub column: String,
    /// The Alleo field or custom field; empty for a blank row.
    pub field: String,
    /// The value as the export has it.
    pub old: String,
    /// The value written.
    pub new: String,
    /// Which repair it was.
    pub rule: Rule,
}

/// The change log's columns, in the order written.
pub(crate) const CHANGE_HEADER: [&str; 6] = ["row", "column", "field", "old", "new", "rule"];
