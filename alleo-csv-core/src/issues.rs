//! Every issue of a report, held compactly: a whole workforce's first file has a
//! warning on nearly every row, and a million issues must not cost a million sets
//! of strings.
//!
//! Each issue is one 24-byte entry: its row, its severity and three numbers, for
//! where it is (the column's header, field and position), its value and its
//! [`Detail`]. Each of those is kept once, however many issues share it: a million
//! `onboarding-past` warnings hold one detail, one place per column, and each
//! distinct date once. Messages are not kept at all; they are rendered as they are
//! written ([`IssueRef::message`]).

use std::num::NonZeroU64;

use self::intern::{Interner, Texts};
use crate::code::{Code, Severity};
use crate::issue::{Detail, Issue, IssueRef};

/// Every issue of a report, in report order once the report is finished: file-level
/// issues first, then by row and column.
///
/// ```
/// # use alleo_csv_core::{validate, Config, Options};
/// let file = "Email,First name,Last name\nnot-an-address,Jan,Jansen\n";
/// let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
/// let report = validate(file.as_bytes(), &Config::default(), Options::new(as_of))?;
/// let issue = report.issues.get(0).unwrap();
/// assert_eq!((issue.code().as_str(), issue.row, issue.value), ("email-format", Some(2), Some("not-an-address")));
/// assert_eq!(report.issues.iter().count(), report.issues.len());
/// # Ok::<(), alleo_csv_core::Error>(())
/// ```
#[derive(Clone)]
pub struct Issues {
    entries: Vec<Entry>,
    places: Interner<Place>,
    details: Interner<Detail>,
    texts: Texts,
    /// The place last used at each column position, so that a cell's issue finds
    /// its place without hashing.
    by_position: Vec<u32>,
    /// The detail last used for each code, for the same reason: a million
    /// `onboarding-past` warnings share one.
    by_code: [u32; Code::ALL.len()],
}

impl std::fmt::Debug for Issues {
    /// The issues, as a list.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Default for Issues {
    fn default() -> Issues {
        Issues {
            entries: Vec::new(),
            places: Interner::default(),
            details: Interner::default(),
            texts: Texts::default(),
            by_position: Vec::new(),
            by_code: [NONE; Code::ALL.len()],
        }
    }
}

/// One issue: 24 bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Entry {
    row: Option<NonZeroU64>,
    place: u32,
    value: u32,
    detail: u32,
    severity: Severity,
}

/// Where an issue is: the column's position, its header as written and its field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Place {
    position: Option<usize>,
    column: u32,
    field: u32,
}

/// A text number that stands for no text.
const NONE: u32 = u32::MAX;

impl Issues {
    /// The number of issues.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there is no issue.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The issue at `index`, in report order.
    pub fn get(&self, index: usize) -> Option<IssueRef<'_>> {
        self.entries.get(index).map(|e| self.view(e))
    }

    /// Every issue, in report order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = IssueRef<'_>> + ExactSizeIterator {
        self.entries.iter().map(|e| self.view(e))
    }

    /// The issues from `index` on (none when `index` is past the end).
    pub fn since(&self, index: usize) -> impl Iterator<Item = IssueRef<'_>> {
        self.entries
            .get(index..)
            .unwrap_or_default()
            .iter()
            .map(|e| self.view(e))
    }

    /// The errors from `index` on: the warnings passed over without being
    /// looked at (a whole workforce has one on nearly every row).
    pub(crate) fn errors_since(&self, index: usize) -> impl Iterator<Item = IssueRef<'_>> {
        self.entries
            .get(index..)
            .unwrap_or_default()
            .iter()
            .filter(|e| e.severity == Severity::Error)
            .map(|e| self.view(e))
    }

    /// The number of issues of this severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.entries
            .iter()
            .filter(|e| e.severity == severity)
            .count()
    }

    /// Adds an issue at the end.
    pub fn push(&mut self, issue: Issue) {
        let Issue {
            severity,
            row,
            column,
            field,
            value,
            detail,
            position,
        } = issue;
        let place = Place {
            position,
            column: column.map_or(NONE, |c| self.texts.add(&c)),
            field: field.map_or(NONE, |f| self.texts.add(&f)),
        };
        let entry = Entry {
            row: row.and_then(NonZeroU64::new),
            place: self.places.add(place),
            value: value.map_or(NONE, |v| self.texts.add(&v)),
            detail: self.details.add(detail),
            severity,
        };
        self.entries.push(entry);
    }

    /// Adds an issue about a cell: the fast path of the rules, which allocates
    /// nothing for a place, detail or value already held.
    pub(crate) fn push_cell(&mut self, cell: Cell<'_>, detail: &Detail, value: &str) {
        let code = detail.code();
        let entry = Entry {
            row: NonZeroU64::new(cell.row),
            place: self.place_of(cell),
            value: self.texts.add(value),
            severity: code.default_severity(),
            detail: self.detail_of(code, detail),
        };
        self.entries.push(entry);
    }

    /// The number of `cell`'s place: the one last used at its position when that
    /// is the same column.
    fn place_of(&mut self, cell: Cell<'_>) -> u32 {
        let known = self.by_position.get(cell.position).copied().unwrap_or(NONE);
        if known != NONE {
            let p = self.places.get(known);
            if self.texts.get(p.column) == Some(cell.header)
                && self.texts.get(p.field) == cell.field
            {
                return known;
            }
        }
        let place = Place {
            position: Some(cell.position),
            column: self.texts.add(cell.header),
            field: cell.field.map_or(NONE, |f| self.texts.add(f)),
        };
        let n = self.places.add(place);
        if self.by_position.len() <= cell.position {
            self.by_position.resize(cell.position + 1, NONE);
        }
        self.by_position[cell.position] = n;
        n
    }

    /// The number of `detail`: the one last used for its code when it is equal.
    fn detail_of(&mut self, code: Code, detail: &Detail) -> u32 {
        let slot = &mut self.by_code[code as usize];
        if *slot != NONE && self.details.get(*slot) == detail {
            return *slot;
        }
        *slot = self.details.add(detail.clone());
        *slot
    }

    /// Keeps the first `len` issues (in the order added), drops the rest.
    pub(crate) fn truncate(&mut self, len: usize) {
        self.entries.truncate(len);
    }

    /// Adds every issue of `other` at the end.
    pub(crate) fn append(&mut self, other: &Issues) {
        self.entries.reserve(other.len());
        for issue in other.iter() {
            self.push(issue.to_issue());
        }
    }

    /// Puts the issues in report order: file-level first, then by row and column,
    /// and in one cell by code (SPEC section 5b's order: a date's own issue before
    /// `offboarding-before-onboarding`, before the previous state's). Issues that
    /// tie, file-level ones among them, keep the order they were found in.
    ///
    /// The rules find nearly every issue in report order already; the few that
    /// come late (a reused email, found a batch later; a check across a row's
    /// dates; a column's sensitive values, found at the end) are taken out, sorted
    /// on their own and merged back in one pass, rather than sorting a million.
    pub(crate) fn sort(&mut self) {
        let (places, details) = (&self.places.items, &self.details.items);
        let key = |e: &Entry| {
            let position = places[e.place as usize].position;
            let code = position.map(|_| details[e.detail as usize].code());
            (e.row.is_some(), e.row, position.is_some(), position, code)
        };
        // Those in order stay at the front, in the order found; the rest go.
        let mut late = Vec::new();
        let mut kept = 0;
        let mut last = None;
        for i in 0..self.entries.len() {
            let e = self.entries[i];
            let k = Some(key(&e));
            if k < last {
                late.push(e);
            } else {
                self.entries[kept] = e;
                kept += 1;
                last = k;
            }
        }
        if late.is_empty() {
            return;
        }
        late.sort_by_key(key);
        // Merge from the back. An issue kept ties with a late one only if it was
        // found first (it would have come late itself otherwise), so on a tie the
        // kept issue goes first: the order found.
        let mut write = self.entries.len();
        let mut front = kept;
        while let Some(last) = late.pop() {
            while front > 0 && key(&self.entries[front - 1]) > key(&last) {
                write -= 1;
                front -= 1;
                self.entries[write] = self.entries[front];
            }
            write -= 1;
            self.entries[write] = last;
        }
    }

    fn view<'a>(&'a self, e: &Entry) -> IssueRef<'a> {
        view(e, &self.places, &self.details, &self.texts)
    }
}

/// A cell an issue is about, for [`Issues::push_cell`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cell<'a> {
    /// Spreadsheet row.
    pub row: u64,
    /// 0-based column position.
    pub position: usize,
    /// The header as written.
    pub header: &'a str,
    /// The field it holds, if any.
    pub field: Option<&'a str>,
}

fn view<'a>(
    e: &Entry,
    places: &'a Interner<Place>,
    details: &'a Interner<Detail>,
    texts: &'a Texts,
) -> IssueRef<'a> {
    let place = places.get(e.place);
    IssueRef {
        severity: e.severity,
        row: e.row.map(NonZeroU64::get),
        column: texts.get(place.column),
        field: texts.get(place.field),
        value: texts.get(e.value),
        detail: details.get(e.detail),
        position: place.position,
    }
}

impl PartialEq for Issues {
    fn eq(&self, other: &Issues) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl Eq for Issues {}

impl<'a> IntoIterator for &'a Issues {
    type Item = IssueRef<'a>;
    type IntoIter = Box<dyn DoubleEndedIterator<Item = IssueRef<'a>> + 'a>;

    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

impl FromIterator<Issue> for Issues {
    fn from_iter<I: IntoIterator<Item = Issue>>(iter: I) -> Issues {
        let mut issues = Issues::default();
        for issue in iter {
            issues.push(issue);
        }
        issues
    }
}

impl Extend<Issue> for Issues {
    fn extend<I: IntoIterator<Item = Issue>>(&mut self, iter: I) {
        for issue in iter {
            self.push(issue);
        }
    }
}

mod encoded;
mod intern;

pub(crate) use self::encoded::push_number;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::code::Code;

    fn cell(row: u64, position: usize) -> Cell<'static> {
        Cell {
            row,
            position,
            header: "Onboarding date",
            field: Some("onboarding_date"),
        }
    }

    fn past() -> Detail {
        Detail::OnboardingPast {
            as_of: chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default(),
            new_employee: false,
        }
    }

    #[test]
    fn an_entry_is_24_bytes() {
        assert_eq!(std::mem::size_of::<Entry>(), 24);
    }

    #[test]
    fn shared_parts_are_kept_once() {
        let mut issues = Issues::default();
        for row in 2..1002 {
            issues.push_cell(
                cell(row, 4),
                &past(),
                ["2020-01-01", "2021-02-02"][(row % 2) as usize],
            );
        }
        assert_eq!(issues.len(), 1000);
        assert_eq!(issues.details.items.len(), 1);
        assert_eq!(issues.places.items.len(), 1);
        assert_eq!(issues.texts.ends.len(), 4, "header, field and two values");
        let i = issues.get(1).unwrap();
        assert_eq!(
            (i.row, i.column, i.field, i.value, i.code()),
            (
                Some(3),
                Some("Onboarding date"),
                Some("onboarding_date"),
                Some("2021-02-02"),
                Code::OnboardingPast
            )
        );
    }

    #[test]
    fn errors_since_passes_over_warnings_and_earlier_issues() {
        let mut issues = Issues::default();
        issues.push_cell(cell(2, 4), &Detail::Required, "");
        issues.push_cell(cell(3, 4), &past(), "2020-01-01");
        issues.push_cell(cell(3, 5), &Detail::Required, "");
        issues.push_cell(cell(4, 4), &past(), "2020-01-02");
        let rows = |from| {
            let found: Vec<_> = issues
                .errors_since(from)
                .map(|i| (i.row, i.code()))
                .collect();
            found
        };
        assert_eq!(
            rows(0),
            [(Some(2), Code::Required), (Some(3), Code::Required)]
        );
        assert_eq!(rows(1), [(Some(3), Code::Required)]);
        assert_eq!(rows(3), []);
        assert_eq!(rows(99), []);
    }

    #[test]
    fn an_issue_comes_back_as_it_was_pushed() {
        let issue = Issue::new(Detail::EmailDuplicate { first_row: 9 })
            .at_row(14)
            .in_column(0, "E-mailadres", Some("email"))
            .with_value("j.devries@example.nl");
        let issues: Issues = [issue.clone(), Issue::new(Detail::EmptyFile)]
            .into_iter()
            .collect();
        assert_eq!(issues.get(0).unwrap().to_issue(), issue);
        assert_eq!(
            issues.get(1).unwrap().to_issue(),
            Issue::new(Detail::EmptyFile)
        );
        assert!(issues.get(2).is_none());
    }

    proptest::proptest! {
        /// Sorting by taking the late issues out and merging them back gives what
        /// a stable sort of them all gives.
        #[test]
        fn sorting_is_a_stable_sort(found in proptest::collection::vec((0u64..6, 0usize..4, 0u8..4), 0..60)) {
            let mut issues = Issues::default();
            for (n, &(row, position, kind)) in found.iter().enumerate() {
                let value = n.to_string();
                match kind {
                    0 => issues.push(Issue::new(Detail::EmptyFile).with_value(&value)),
                    1 => issues.push(Issue::new(Detail::BlankRow).at_row(row + 2).with_value(&value)),
                    2 => issues.push_cell(cell(row + 2, position), &past(), &value),
                    _ => issues.push_cell(cell(row + 2, position), &Detail::Required, &value),
                }
            }
            let mut expected: Vec<Issue> = issues.iter().map(|i| i.to_issue()).collect();
            expected.sort_by_key(|i| (i.row.is_some(), i.row, i.position.is_some(), i.position, i.position.map(|_| i.code())));
            issues.sort();
            let sorted: Vec<Issue> = issues.iter().map(|i| i.to_issue()).collect();
            proptest::prop_assert_eq!(sorted, expected);
        }
    }

    #[test]
    fn sorting_puts_file_issues_first_and_keeps_ties_in_order() {
        let mut issues = Issues::default();
        issues.push_cell(cell(5, 2), &past(), "b");
        issues.push_cell(cell(3, 4), &past(), "c");
        issues.push(Issue::new(Detail::Absent).with_value("x@example.nl"));
        issues.push_cell(cell(3, 1), &past(), "d");
        issues.push(Issue::new(Detail::EmptyFile));
        issues.sort();
        let order: Vec<_> = issues.iter().map(|i| (i.row, i.value)).collect();
        assert_eq!(
            order,
            [
                (None, Some("x@example.nl")),
                (None, None),
                (Some(3), Some("d")),
                (Some(3), Some("c")),
                (Some(5), Some("b")),
            ]
        );
    }
}
