//! A report arranged for a person to read: what must be fixed first, and each
//! warning that repeats on many rows shown once.
//!
//! A customer's first file lists the whole workforce, so nearly every row has an
//! `onboarding-past` warning: ten thousand rows give ten thousand lines that all
//! say the same thing, and the two hundred errors that matter are lost among them.
//! The digest keeps every error, and folds each warning code found on more than
//! [`FEW`] rows into one [`Group`]: its count and its first rows. The text report
//! and the browser page both show it; the JSON and CSV stay complete.

use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};

use crate::code::{Code, Severity};
use crate::issue::IssueRef;
use crate::report::Report;

/// A warning code on more rows than this is shown once, as a [`Group`].
pub const FEW: usize = 5;

/// A report arranged for a person: see the [module](self) documentation.
///
/// ```
/// use alleo_csv_core::{validate, Code, Config, Options};
/// let mut file = String::from("Email,First name,Last name,Onboarding date\nnot-an-address,A,B,\n");
/// for i in 0..20 {
///     file.push_str(&format!("p{i}@example.nl,A,B,2020-01-01\n"));
/// }
/// let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
/// let report = validate(file.as_bytes(), &Config::default(), Options::new(as_of))?;
/// let digest = report.digest(false);
/// assert_eq!(digest.errors().count(), 1);
/// let group = &digest.groups()[0];
/// assert_eq!((group.code, group.issues, group.rows), (Code::OnboardingPast, 20, 20));
/// assert_eq!(group.first.iter().map(|i| i.row.unwrap()).collect::<Vec<_>>(), [3, 4, 5, 6, 7]);
/// assert_eq!(digest.listed_warnings().count(), 0);
/// assert!(digest.needs_previous_state());
/// // Everything, one by one:
/// assert_eq!(report.digest(true).listed_warnings().count(), 20);
/// # Ok::<(), alleo_csv_core::Error>(())
/// ```
#[derive(Debug)]
pub struct Digest<'r> {
    report: &'r Report,
    groups: Vec<Group<'r>>,
    /// Which codes are shown as groups, by `Code as usize`.
    grouped: [bool; Code::ALL.len()],
    error_rows: usize,
    file_errors: usize,
}

/// One warning code shown once for the many rows it is on.
#[derive(Debug, Clone)]
pub struct Group<'r> {
    /// The code.
    pub code: Code,
    /// How many issues have it.
    pub issues: usize,
    /// On how many rows (issues without a row, such as `absent`, count one each).
    pub rows: usize,
    /// The first [`FEW`] of them, in report order.
    pub first: Vec<IssueRef<'r>>,
}

impl Report {
    /// The report arranged for a person (see [`Digest`]); with `all`, nothing is
    /// folded into groups.
    pub fn digest(&self, all: bool) -> Digest<'_> {
        let mut groups: Vec<Group<'_>> = Vec::new();
        let (mut error_rows, mut file_errors) = (0, 0);
        let mut last_error_row = None;
        // The row each code was last counted on, so a row counts once per code.
        let mut last_row: [Option<Option<u64>>; Code::ALL.len()] = [None; Code::ALL.len()];
        for issue in &self.issues {
            if issue.severity == Severity::Error {
                match issue.row {
                    None => file_errors += 1,
                    Some(row) if last_error_row != Some(row) => error_rows += 1,
                    Some(_) => {}
                }
                last_error_row = issue.row.or(last_error_row);
                continue;
            }
            let code = issue.code();
            let at = groups
                .iter()
                .position(|g| g.code == code)
                .unwrap_or_else(|| {
                    groups.push(Group {
                        code,
                        issues: 0,
                        rows: 0,
                        first: Vec::new(),
                    });
                    groups.len() - 1
                });
            let group = &mut groups[at];
            group.issues += 1;
            let seen = &mut last_row[code as usize];
            if issue.row.is_none() || *seen != Some(issue.row) {
                group.rows += 1;
                if group.first.len() < FEW {
                    group.first.push(issue);
                }
            }
            *seen = Some(issue.row);
        }
        groups.retain(|g| !all && g.rows > FEW);
        let mut grouped = [false; Code::ALL.len()];
        for g in &groups {
            grouped[g.code as usize] = true;
        }
        Digest {
            report: self,
            groups,
            grouped,
            error_rows,
            file_errors,
        }
    }
}

impl<'r> Digest<'r> {
    /// The report this digest arranges.
    pub fn report(&self) -> &'r Report {
        self.report
    }

    /// Every error, in report order: all of them must be fixed.
    pub fn errors(&self) -> impl Iterator<Item = IssueRef<'r>> + '_ {
        self.report
            .issues
            .iter()
            .filter(|i| i.severity == Severity::Error)
    }

    /// The number of rows with an error (the header row among them).
    pub fn error_rows(&self) -> usize {
        self.error_rows
    }

    /// The number of errors about the file or a column as a whole, on no row.
    pub fn file_errors(&self) -> usize {
        self.file_errors
    }

    /// The warning codes shown once for many rows, in the order they first occur.
    pub fn groups(&self) -> &[Group<'r>] {
        &self.groups
    }

    /// The warnings shown one by one (those of codes on few rows), in report order.
    pub fn listed_warnings(&self) -> impl Iterator<Item = IssueRef<'r>> + '_ {
        self.report
            .issues
            .iter()
            .filter(|i| i.severity == Severity::Warning && !self.grouped[i.code() as usize])
    }

    /// Whether some warnings would be exact with the previous state (SPEC section
    /// 3): the report should say how to give it.
    pub fn needs_previous_state(&self) -> bool {
        self.report
            .issues
            .iter()
            .any(|i| i.severity == Severity::Warning && i.code().needs_previous_state())
    }

    /// Whether some issues are not shown one by one.
    pub fn folded(&self) -> bool {
        !self.groups.is_empty()
    }
}

/// Some of a report's issues, picked for a page (see [`Digest::select`]).
#[derive(Debug, Clone)]
pub struct Selection<'r> {
    report: &'r Report,
    /// How many issues matched.
    pub total: usize,
    /// The first of them, in report order.
    pub issues: Vec<IssueRef<'r>>,
}

impl<'r> Digest<'r> {
    /// Up to `max` issues in report order: those of `severity` (or every one) and
    /// `code` (or every one). Without a code, the warnings this digest folds into
    /// groups are left out, as the text report leaves them out (they are shown
    /// once). `total` counts every issue that matched.
    ///
    /// ```
    /// use alleo_csv_core::{validate, Code, Config, Options};
    /// let mut file = String::from("Email,First name,Last name,Onboarding date\nnot-an-address,A,B,\n");
    /// for i in 0..20 {
    ///     file.push_str(&format!("p{i}@example.nl,A,B,2020-01-01\n"));
    /// }
    /// let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    /// let report = validate(file.as_bytes(), &Config::default(), Options::new(as_of))?;
    /// let listed = report.digest(false).select(None, None, 10);
    /// assert_eq!((listed.total, listed.issues[0].code()), (1, Code::EmailFormat));
    /// let past = report.digest(false).select(None, Some(Code::OnboardingPast), 3);
    /// assert_eq!((past.total, past.issues.len()), (20, 3));
    /// # Ok::<(), alleo_csv_core::Error>(())
    /// ```
    pub fn select(
        &self,
        severity: Option<Severity>,
        code: Option<Code>,
        max: usize,
    ) -> Selection<'r> {
        let mut selection = Selection {
            report: self.report,
            total: 0,
            issues: Vec::new(),
        };
        let shown = |i: &IssueRef<'_>| match code {
            Some(c) => i.code() == c,
            None => i.severity == Severity::Error || !self.grouped[i.code() as usize],
        };
        for issue in self.report.issues.iter() {
            if severity.is_none_or(|s| issue.severity == s) && shown(&issue) {
                selection.total += 1;
                if selection.issues.len() < max {
                    selection.issues.push(issue);
                }
            }
        }
        selection
    }
}

impl Serialize for Selection<'_> {
    /// `{"total", "issues"}`, each issue as the JSON report has it.
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let issues: Vec<_> = self
            .issues
            .iter()
            .map(|i| self.report.issue_json(*i))
            .collect();
        let mut s = serializer.serialize_struct("Selection", 2)?;
        s.serialize_field("total", &self.total)?;
        s.serialize_field("issues", &issues)?;
        s.end()
    }
}

/// A report's counts, and every code found in SPEC section 5b's order: what a page
/// shows first and offers as a filter.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    /// No errors.
    pub valid: bool,
    /// The date checked for, `YYYY-MM-DD`.
    pub as_of: String,
    /// Employee rows.
    pub rows: u64,
    /// Errors.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// The codes found.
    pub codes: Vec<&'static str>,
    /// The counts as the text report words them ("25 rows, 13 errors, 2 warnings").
    pub counts: String,
    /// The verdict as the text report words it, without its mark.
    pub verdict: String,
}

impl Report {
    /// The counts, and every code found (see [`Summary`]).
    pub fn summary(&self) -> Summary {
        let mut found = [false; Code::ALL.len()];
        for issue in &self.issues {
            found[issue.code() as usize] = true;
        }
        Summary {
            valid: self.valid(),
            as_of: self.as_of.to_string(),
            rows: self.rows,
            errors: self.errors(),
            warnings: self.warnings(),
            codes: Code::ALL
                .iter()
                .filter(|c| found[**c as usize])
                .map(|c| c.as_str())
                .collect(),
            counts: crate::text::counts(self, crate::text::Words::of(self.lang)),
            verdict: crate::text::verdict(self),
        }
    }
}

impl Serialize for Digest<'_> {
    /// `{"error_rows", "file_errors", "needs_previous_state", "folded", "groups": [{"code",
    /// "about", "issues", "rows", "first": [{"row", "value"}], "line"}]}`, `line`
    /// being the text report's ("on 30 rows: 3, 4, 5, 6, 7 and 25 more"), with `about` in
    /// the report's language and values only when the report shows them: what a
    /// page needs to show the digest.
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        struct Groups<'d, 'r>(&'d Digest<'r>);
        impl Serialize for Groups<'_, '_> {
            fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
                let report = self.0.report;
                s.collect_seq(self.0.groups.iter().map(|g| {
                    GroupJson {
                        code: g.code.as_str(),
                        about: g.code.about(report.lang),
                        issues: g.issues,
                        rows: g.rows,
                        first: g
                            .first
                            .iter()
                            .map(|i| FirstJson {
                                row: i.row,
                                value: report.value_of(*i),
                            })
                            .collect(),
                        line: crate::text::group_line(report, g),
                    }
                }))
            }
        }
        let mut s = serializer.serialize_struct("Digest", 5)?;
        s.serialize_field("error_rows", &self.error_rows)?;
        s.serialize_field("file_errors", &self.file_errors)?;
        s.serialize_field("needs_previous_state", &self.needs_previous_state())?;
        s.serialize_field("folded", &self.folded())?;
        s.serialize_field("groups", &Groups(self))?;
        s.end()
    }
}

#[derive(Serialize)]
struct GroupJson<'a> {
    code: &'a str,
    about: &'a str,
    issues: usize,
    rows: usize,
    first: Vec<FirstJson<'a>>,
    line: String,
}

#[derive(Serialize)]
struct FirstJson<'a> {
    row: Option<u64>,
    value: Option<&'a str>,
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use crate::{Code, Config, Options, validate};

    fn report(file: &str) -> crate::Report {
        let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        validate(file.as_bytes(), &Config::default(), Options::new(as_of)).unwrap()
    }

    #[test]
    fn a_code_on_few_rows_is_listed_and_on_many_is_grouped() {
        let mut file =
            String::from("Email,First name,Last name,Onboarding date,Offboarding date\n");
        for i in 0..5 {
            let _ = writeln!(file, "a{i}@example.nl,A,B,2027-01-01,2026-12-01");
        }
        for i in 0..6 {
            let _ = writeln!(file, "b{i}@example.nl,A,B,2020-01-01,");
        }
        let r = report(&file);
        let d = r.digest(false);
        let codes: Vec<Code> = d.groups().iter().map(|g| g.code).collect();
        assert_eq!(codes, [Code::OnboardingPast]);
        assert_eq!(d.listed_warnings().count(), 5, "five short-notice warnings");
        assert!(
            d.listed_warnings()
                .all(|i| i.code() == Code::OffboardingShortNotice)
        );
        assert!(d.folded());
    }

    #[test]
    fn errors_are_counted_by_row_and_never_grouped() {
        let mut file = String::from("Email,First name,Last name,Birthday\n");
        for i in 0..30 {
            let _ = writeln!(file, "x{i},,B,31-12-1990");
        }
        let r = report(&file);
        let d = r.digest(false);
        assert_eq!(d.errors().count(), 90);
        assert_eq!((d.error_rows(), d.file_errors()), (30, 0));
        assert!(d.groups().is_empty());
        let r = report("Email,First name,Last name,BSN\nx,A,B,\n");
        let d = r.digest(false);
        assert_eq!(
            (d.errors().count(), d.error_rows(), d.file_errors()),
            (2, 1, 1)
        );
        assert!(!d.needs_previous_state());
    }
}
