//! The report every front gives (SPEC section 5).

use std::io::Write;

use chrono::NaiveDate;
use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};

use crate::code::Severity;
use crate::error::{Error, Result};
use crate::header::ColumnSummary;
use crate::issue::IssueRef;
use crate::issues::{Issues, push_number};
use crate::messages::Lang;

/// The result of checking a file: what was read and every issue found.
///
/// Serialises (with serde) to exactly the JSON of SPEC section 5, with messages in
/// [`Report::lang`] and, when [`Report::show_values`] is false, with `value` null and
/// no cell value in any message:
///
/// ```json
/// {"valid": false, "as_of": "2026-11-25", "rows": 1204, "errors": 2, "warnings": 1,
///  "issues": [{"severity": "error", "code": "email-duplicate", "row": 14,
///              "column": "E-mailadres", "field": "email", "value": "j.devries@example.nl",
///              "message": "Email j.devries@example.nl is used again; first on row 9. ..."}]}
/// ```
///
/// Issues are ordered by row (file-level issues first), then column position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// The pickup date the rules were checked against.
    pub as_of: NaiveDate,
    /// Employee rows read (blank rows and the header not counted).
    pub rows: u64,
    /// Every issue, in report order, held compactly.
    pub issues: Issues,
    /// What each column of the file was understood to be (not part of the JSON).
    pub columns: Vec<ColumnSummary>,
    /// The language messages are rendered in. Defaults to English.
    pub lang: Lang,
    /// Whether cell values appear in `value` and in messages. Defaults to true;
    /// turn it off with [`Report::without_values`] for logs and support tickets.
    pub show_values: bool,
}

impl Report {
    pub(crate) fn new(as_of: NaiveDate, lang: Lang) -> Report {
        Report {
            as_of,
            rows: 0,
            issues: Issues::default(),
            columns: Vec::new(),
            lang,
            show_values: true,
        }
    }

    /// True when there is no error (warnings do not make a file invalid).
    pub fn valid(&self) -> bool {
        self.errors() == 0
    }

    /// The number of errors.
    pub fn errors(&self) -> usize {
        self.issues.count(Severity::Error)
    }

    /// The number of warnings.
    pub fn warnings(&self) -> usize {
        self.issues.count(Severity::Warning)
    }

    /// The same report with messages in `lang`.
    #[must_use]
    pub fn with_lang(mut self, lang: Lang) -> Report {
        self.lang = lang;
        self
    }

    /// The same report without cell values (personal data): `value` is null and
    /// messages leave values out.
    #[must_use]
    pub fn without_values(mut self) -> Report {
        self.show_values = false;
        self
    }

    /// An issue's `value` as this report shows it.
    pub fn value_of<'a>(&self, issue: IssueRef<'a>) -> Option<&'a str> {
        issue.value.filter(|_| self.show_values)
    }

    /// An issue's message as this report shows it.
    pub fn message_of(&self, issue: IssueRef<'_>) -> String {
        issue.message(self.lang, self.show_values)
    }

    /// Writes the issues as CSV for Excel: UTF-8 with a byte-order mark (so Excel
    /// reads accents right), one issue per line, columns
    /// `severity,code,row,column,field,value,message`.
    ///
    /// # Errors
    /// [`Error::Write`] when `out` fails.
    pub fn write_csv<W: Write>(&self, mut out: W) -> Result<()> {
        out.write_all(b"\xEF\xBB\xBF").map_err(Error::Write)?;
        out.write_all(b"severity,code,row,column,field,value,message\n")
            .map_err(Error::Write)?;
        let encode = |issue: IssueRef<'_>, buf: &mut Vec<u8>| self.encode_csv(issue, buf);
        let frame = |_: bool, row: Option<u64>, head: &[u8], tail: &[u8], out: &mut Vec<u8>| {
            out.extend_from_slice(head);
            if let Some(row) = row {
                push_number(out, row);
            }
            out.extend_from_slice(tail);
        };
        self.issues
            .write_encoded(&mut out, &encode, &frame)
            .and_then(|()| out.flush())
            .map_err(Error::Write)
    }

    /// Appends `issue` as one line of the CSV but its row, and returns how many of
    /// the bytes come before the row: the csv crate's quoting, a record to a line.
    fn encode_csv(&self, issue: IssueRef<'_>, buf: &mut Vec<u8>) -> usize {
        let (severity, code) = (issue.severity.as_str(), issue.code().as_str());
        let message = self.message_of(issue);
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(std::mem::take(buf));
        // A Vec takes every write: the record cannot fail.
        let _ = w.write_record([
            severity,
            code,
            "",
            issue.column.unwrap_or_default(),
            issue.field.unwrap_or_default(),
            self.value_of(issue).unwrap_or_default(),
            &message,
        ]);
        *buf = w.into_inner().unwrap_or_default();
        // The severity and code never need quotes: `error,date-format,`.
        severity.len() + code.len() + 2
    }

    /// Puts issues in report order: file-level first, then by row and column.
    pub(crate) fn sort(&mut self) {
        self.issues.sort();
    }
}

impl Report {
    /// One issue as the JSON of SPEC section 5 has it (`severity`, `code`, `row`,
    /// `column`, `field`, `value`, `message`), in this report's language and with
    /// values as it shows them: for a front that lists a few of many issues.
    pub fn issue_json<'a>(&'a self, issue: IssueRef<'a>) -> impl Serialize + 'a {
        IssueJson {
            severity: issue.severity,
            code: issue.code().as_str(),
            row: issue.row,
            column: issue.column,
            field: issue.field,
            value: self.value_of(issue),
            message: self.message_of(issue),
        }
    }

    /// The issues as the JSON of SPEC section 5 has them, each message rendered
    /// only as it is written: a report may hold a million issues.
    pub(crate) fn issues_json(&self) -> IssuesJson<'_> {
        IssuesJson(self)
    }
}

/// The issues of a report, serialised one at a time.
pub(crate) struct IssuesJson<'a>(&'a Report);

impl Serialize for IssuesJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let report = self.0;
        serializer.collect_seq(report.issues.iter().map(|i| report.issue_json(i)))
    }
}

impl Serialize for Report {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Report", 6)?;
        s.serialize_field("valid", &self.valid())?;
        s.serialize_field("as_of", &self.as_of.to_string())?;
        s.serialize_field("rows", &self.rows)?;
        s.serialize_field("errors", &self.errors())?;
        s.serialize_field("warnings", &self.warnings())?;
        s.serialize_field("issues", &self.issues_json())?;
        s.end()
    }
}

/// One issue in the JSON of SPEC section 5.
#[derive(Serialize)]
struct IssueJson<'a> {
    severity: Severity,
    code: &'a str,
    row: Option<u64>,
    column: Option<&'a str>,
    field: Option<&'a str>,
    value: Option<&'a str>,
    message: String,
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use crate::{Config, Options, validate};

    /// The CSV as the csv crate writes the issues one record at a time.
    fn reference_csv(report: &super::Report) -> Vec<u8> {
        let mut out = b"\xEF\xBB\xBF".to_vec();
        let mut w = csv::Writer::from_writer(&mut out);
        w.write_record([
            "severity", "code", "row", "column", "field", "value", "message",
        ])
        .unwrap();
        for i in &report.issues {
            let row = i.row.map(|r| r.to_string()).unwrap_or_default();
            w.write_record([
                i.severity.as_str(),
                i.code().as_str(),
                &row,
                i.column.unwrap_or_default(),
                i.field.unwrap_or_default(),
                report.value_of(i).unwrap_or_default(),
                &report.message_of(i),
            ])
            .unwrap();
        }
        drop(w);
        out
    }

    #[test]
    fn a_roster_s_csv_is_what_the_csv_crate_writes() {
        let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let mut file = Vec::new();
        crate::sample::write_roster(&mut file, 20_000, 5, as_of).unwrap();
        let report = validate(&file[..], &crate::sample::config(), Options::new(as_of)).unwrap();
        // Six blocks of issues (see `Issues::write_encoded`), the last one short.
        assert!((5 * 4096 + 1..6 * 4096).contains(&report.issues.len()));
        let mut written = Vec::new();
        report.write_csv(&mut written).unwrap();
        assert!(written == reference_csv(&report));
    }

    proptest! {
        #[test]
        fn the_csv_is_what_the_csv_crate_writes(cells in proptest::collection::vec("[a-z@.\"\\\\ ,\n\r;é-]{0,12}", 0..40), values in any::<bool>()) {
            let mut file = String::from("Email,First name,Last name,Onboarding date,Language\n");
            for row in cells.chunks(5) {
                let quoted: Vec<String> = row.iter().map(|c| format!("\"{}\"", c.replace('"', "\"\""))).collect();
                file.push_str(&quoted.join(","));
                file.push('\n');
            }
            let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
            let mut report = validate(file.as_bytes(), &Config::default(), Options::new(as_of)).unwrap();
            if !values {
                report = report.without_values();
            }
            let mut written = Vec::new();
            report.write_csv(&mut written).unwrap();
            prop_assert_eq!(String::from_utf8(written).unwrap(), String::from_utf8(reference_csv(&report)).unwrap());
        }
    }
}
