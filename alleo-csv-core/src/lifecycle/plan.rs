//! The plan: what Alleo will do with the file, employee by employee.

use std::fmt;
use std::io::Write;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};

use crate::error::{Error, Result};
use crate::report::Report;

/// What happens to one employee.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ActionKind {
    /// New: an account is created, active from `effective`.
    Onboard,
    /// Known, and some fields change.
    Update,
    /// Known, and an offboarding date is newly set: deactivated at 23:00 UTC on it.
    Deactivate,
    /// Known, and nothing changes.
    Unchanged,
    /// In the previous state but not in the file: Alleo does nothing (only an
    /// offboarding date deactivates).
    Absent,
}

impl ActionKind {
    /// Every kind, in the order summaries list them.
    pub const ALL: [ActionKind; 5] = [
        ActionKind::Onboard,
        ActionKind::Update,
        ActionKind::Deactivate,
        ActionKind::Unchanged,
        ActionKind::Absent,
    ];

    /// `onboard`, `update`, `deactivate`, `unchanged` or `absent`.
    pub fn as_str(self) -> &'static str {
        match self {
            ActionKind::Onboard => "onboard",
            ActionKind::Update => "update",
            ActionKind::Deactivate => "deactivate",
            ActionKind::Unchanged => "unchanged",
            ActionKind::Absent => "absent",
        }
    }
}

impl fmt::Display for ActionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// When an action takes effect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effective {
    /// An onboarding: the account is active, with login from this date.
    Date(NaiveDate),
    /// A deactivation: 23:00 UTC on the offboarding date.
    Instant(DateTime<Utc>),
}

impl fmt::Display for Effective {
    /// `YYYY-MM-DD` for a date, `YYYY-MM-DDT23:00:00Z` for an instant.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Effective::Date(d) => write!(f, "{d}"),
            Effective::Instant(t) => write!(f, "{}T{}Z", t.date_naive(), t.time()),
        }
    }
}

impl Serialize for Effective {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// One field that changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    /// The field key or custom field name.
    pub field: String,
    /// The value in the previous state.
    pub old: String,
    /// The value in the file.
    pub new: String,
}

impl Action {
    /// The changes in one line: `last_name: Jansen -> Jansen-Smit; ...`.
    pub fn changes_text(&self) -> String {
        self.changes
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; ")
    }
}

impl fmt::Display for FieldChange {
    /// `last_name: Jansen -> Jansen-Smit`, with an empty value as `""`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} -> {}",
            self.field,
            shown(&self.old),
            shown(&self.new)
        )
    }
}

/// What happens to one employee. Boxed rather than growable fields: a plan has an
/// action per employee, a million of them for a large company.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Action {
    /// What happens.
    #[serde(rename = "action")]
    pub kind: ActionKind,
    /// The employee's address as the file (or, when absent, the previous state)
    /// has it.
    pub email: Box<str>,
    /// The row in the file; `None` when absent.
    pub row: Option<u64>,
    /// The fields that change (for updates and deactivations).
    pub changes: Box<[FieldChange]>,
    /// When it takes effect (onboardings and deactivations).
    pub effective: Option<Effective>,
}

/// How many employees each kind of action concerns.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Counts {
    /// New employees.
    pub onboard: u64,
    /// Employees with changed fields.
    pub update: u64,
    /// Deactivations newly scheduled.
    pub deactivate: u64,
    /// Employees without changes.
    pub unchanged: u64,
    /// Employees of the previous state not in the file.
    pub absent: u64,
}

impl Counts {
    /// The count of one kind.
    pub fn of(&self, kind: ActionKind) -> u64 {
        match kind {
            ActionKind::Onboard => self.onboard,
            ActionKind::Update => self.update,
            ActionKind::Deactivate => self.deactivate,
            ActionKind::Unchanged => self.unchanged,
            ActionKind::Absent => self.absent,
        }
    }

    pub(crate) fn add(&mut self, kind: ActionKind) {
        let n = match kind {
            ActionKind::Onboard => &mut self.onboard,
            ActionKind::Update => &mut self.update,
            ActionKind::Deactivate => &mut self.deactivate,
            ActionKind::Unchanged => &mut self.unchanged,
            ActionKind::Absent => &mut self.absent,
        };
        *n += 1;
    }
}

/// Previous state + file = what Alleo will do, and every issue (SPEC section 5,
/// with the previous-state rules of sections 3 and 4 applied).
///
/// Serialises to `{"valid", "as_of", "rows", "previous", "errors", "warnings",
/// "summary": {"onboard", "update", "deactivate", "unchanged", "absent"},
/// "actions": [{"action", "email", "row", "changes": [{"field", "old", "new"}],
/// "effective"}], "issues": [...]}`.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The report: rows, issues, language.
    pub report: Report,
    /// One action per employee: the file's rows in order, then the absent ones in
    /// the previous state's order.
    pub actions: Vec<Action>,
    /// How many of each.
    pub summary: Counts,
    /// Employees in the previous state.
    pub previous: u64,
}

impl Plan {
    /// True when there is no error.
    pub fn valid(&self) -> bool {
        self.report.valid()
    }

    /// Writes one action per line, as Alleo's own dry-run report does (see
    /// [`ActionCsv`]).
    ///
    /// # Errors
    /// [`Error::Write`] when `out` fails.
    pub fn write_csv<W: Write>(&self, out: W) -> Result<()> {
        let mut csv = ActionCsv::new(out)?;
        for action in &self.actions {
            csv.write(action)?;
        }
        csv.finish()
    }
}

/// Actions as CSV, one per line, as Alleo's own dry-run report has them:
/// `action,email,row,effective,changes` (changes as `field: old -> new; ...`),
/// UTF-8 with a byte order mark for Excel. Written as they come, for
/// [`diff_each`](super::diff_each).
pub struct ActionCsv<W: Write> {
    csv: csv::Writer<W>,
}

impl<W: Write> std::fmt::Debug for ActionCsv<W> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ActionCsv")
    }
}

impl<W: Write> ActionCsv<W> {
    /// Starts the file: the byte order mark and the header.
    ///
    /// # Errors
    /// [`Error::Write`] when `out` fails.
    pub fn new(mut out: W) -> Result<ActionCsv<W>> {
        out.write_all(b"\xEF\xBB\xBF").map_err(Error::Write)?;
        let mut csv = csv::Writer::from_writer(out);
        csv.write_record(["action", "email", "row", "effective", "changes"])
            .map_err(fail)?;
        Ok(ActionCsv { csv })
    }

    /// Writes one action.
    ///
    /// # Errors
    /// [`Error::Write`] when the output fails.
    pub fn write(&mut self, a: &Action) -> Result<()> {
        let row = a.row.map(|r| r.to_string()).unwrap_or_default();
        let effective = a.effective.map(|e| e.to_string()).unwrap_or_default();
        self.csv
            .write_record([
                a.kind.as_str(),
                &a.email,
                &row,
                &effective,
                &a.changes_text(),
            ])
            .map_err(fail)
    }

    /// Flushes the output.
    ///
    /// # Errors
    /// [`Error::Write`] when the output fails.
    pub fn finish(mut self) -> Result<()> {
        self.csv.flush().map_err(Error::Write)
    }
}

/// The writer's error as the output's own, so that a reader gone away (`| head`)
/// is still told as one. (The csv writer fails only when its output does: the
/// rows it is given are all of one length.)
fn fail(e: csv::Error) -> Error {
    Error::Write(match e.into_kind() {
        csv::ErrorKind::Io(io) => io,
        _ => std::io::ErrorKind::InvalidData.into(),
    })
}

/// An empty value as `""`, so that a removal reads as one.
fn shown(value: &str) -> &str {
    if value.is_empty() { "\"\"" } else { value }
}

impl Plan {
    /// The plan as JSON without its actions (for a front that streamed them):
    /// `{"valid", "as_of", "rows", "previous", "errors", "warnings", "summary",
    /// "issues"}`.
    pub fn without_actions(&self) -> impl Serialize + '_ {
        PlanTail(self)
    }
}

/// [`Plan`] but its actions, serialised.
struct PlanTail<'a>(&'a Plan);

impl Serialize for PlanTail<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let p = self.0;
        let r = &p.report;
        let mut s = serializer.serialize_struct("Plan", 8)?;
        s.serialize_field("valid", &p.valid())?;
        s.serialize_field("as_of", &r.as_of.to_string())?;
        s.serialize_field("rows", &r.rows)?;
        s.serialize_field("previous", &p.previous)?;
        s.serialize_field("errors", &r.errors())?;
        s.serialize_field("warnings", &r.warnings())?;
        s.serialize_field("summary", &p.summary)?;
        s.serialize_field("issues", &r.issues_json())?;
        s.end()
    }
}

impl Serialize for Plan {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let r = &self.report;
        let mut s = serializer.serialize_struct("Plan", 9)?;
        s.serialize_field("valid", &self.valid())?;
        s.serialize_field("as_of", &r.as_of.to_string())?;
        s.serialize_field("rows", &r.rows)?;
        s.serialize_field("previous", &self.previous)?;
        s.serialize_field("errors", &r.errors())?;
        s.serialize_field("warnings", &r.warnings())?;
        s.serialize_field("summary", &self.summary)?;
        s.serialize_field("actions", &self.actions)?;
        s.serialize_field("issues", &r.issues_json())?;
        s.end()
    }
}
