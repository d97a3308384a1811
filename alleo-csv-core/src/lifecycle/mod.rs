//! Previous state + new file = a plan of onboardings, updates and deactivations
//! (SPEC section 4), and the previous-state column of SPEC section 3.
//!
//! ```
//! use alleo_csv_core::{Config, Options, lifecycle::{diff, ActionKind, Previous}};
//! let before = "Email,First name,Last name,Offboarding date\n\
//!               jan@example.nl,Jan,Jansen,\n\
//!               piet@example.nl,Piet,Smit,\n";
//! let now = "Email,First name,Last name,Offboarding date\n\
//!            jan@example.nl,Jan,Jansen,2027-03-31\n\
//!            anna@example.nl,Anna,Bakker,\n";
//! let config = Config::default();
//! let previous = Previous::read(before.as_bytes(), &config)?;
//! let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
//! let plan = diff(&previous, now.as_bytes(), &config, Options::new(as_of), None)?;
//! let kinds: Vec<ActionKind> = plan.actions.iter().map(|a| a.kind).collect();
//! assert_eq!(kinds, [ActionKind::Deactivate, ActionKind::Onboard, ActionKind::Absent]);
//! assert_eq!(plan.actions[0].effective.unwrap().to_string(), "2027-03-31T23:00:00Z");
//! assert_eq!(plan.report.issues[0].code().as_str(), "absent");
//! # Ok::<(), alleo_csv_core::Error>(())
//! ```

mod plan;
mod previous;

use std::collections::HashMap;
use std::io::Read;

use chrono::NaiveDate;

pub use self::plan::{Action, ActionKind, Counts, Effective, FieldChange, Plan};
pub use self::previous::Previous;
use crate::code::{Code, Severity};
use crate::config::{Config, Safety};
#[cfg(target_family = "wasm")]
use crate::error::Error;
use crate::error::Result;
use crate::field::FieldKey;
use crate::issue::{Detail, Issue};
use crate::read::{Record, RecordReader};
use crate::rules::date::parse_date;
use crate::schedule::{Pickup, PickupSlot, deactivation_at, is_deactivated};
use crate::validate::{Checker, Options};

/// Reads the file in `reader` against `previous` in one streaming pass, and returns
/// the plan. `allow` is the run's `--allow-deactivations`: the number of
/// deactivations it accepts beyond `[safety] max_deactivations`.
///
/// # Errors
/// [`Error::Read`](crate::Error::Read) when `reader` fails. Problems in the file are issues in the
/// plan's report.
pub fn diff<R: Read>(
    previous: &Previous,
    reader: R,
    config: &Config,
    options: Options,
    allow: Option<u64>,
) -> Result<Plan> {
    let differ = Differ::new(previous, config, options, allow);
    // Parsing on this thread overlaps checking and diffing on another.
    #[cfg(not(target_family = "wasm"))]
    {
        let Differ { records, state } = differ;
        crate::validate::beside(reader, records, state, State::batch).map(State::finish)
    }
    #[cfg(target_family = "wasm")]
    {
        let mut differ = differ;
        let mut reader = reader;
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            match reader.read(&mut buf) {
                Ok(0) => return Ok(differ.finish()),
                Ok(n) => differ.feed(&buf[..n]),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(Error::Read(e)),
            }
        }
    }
}

/// A diff fed in chunks (a browser stream); the plan does not depend on where the
/// chunks are cut.
#[derive(Debug)]
pub struct Differ<'p> {
    records: RecordReader,
    state: State<'p>,
}

impl<'p> Differ<'p> {
    /// A diff of one file against `previous` (see [`diff`]).
    pub fn new(
        previous: &'p Previous,
        config: &Config,
        options: Options,
        allow: Option<u64>,
    ) -> Differ<'p> {
        Differ {
            records: RecordReader::new(),
            state: State {
                previous,
                as_of: options.as_of,
                checker: Checker::new(config, options),
                safety: config.safety.clone(),
                allow,
                columns: None,
                seen: vec![false; previous.capacity()],
                actions: Vec::new(),
                summary: Counts::default(),
                new_names: HashMap::new(),
                dropped: Vec::new(),
                hashes: std::collections::VecDeque::new(),
                deactivations: 0,
            },
        }
    }

    /// Reads the next piece of the file.
    pub fn feed(&mut self, chunk: &[u8]) {
        let state = &mut self.state;
        self.records.feed(chunk, &mut |r| state.record(r));
    }

    /// Ends the file and returns the plan.
    pub fn finish(mut self) -> Plan {
        let state = &mut self.state;
        self.records.finish(&mut |r| state.record(r));
        self.state.finish()
    }
}

/// Where the fields the lifecycle rules read are, in the file and the previous state.
#[derive(Debug)]
struct Layout {
    /// For each column of the file: the same field's column in the previous state.
    previous: Vec<Option<usize>>,
    /// The previous state has the file's columns, in the file's order: a row that
    /// is byte for byte the previous one is unchanged.
    unchanged_columns: bool,
    /// The file's column of each of: email, first name, last name, birthday,
    /// onboarding date, offboarding date.
    email: usize,
    first_name: Option<usize>,
    last_name: Option<usize>,
    birthday: Option<usize>,
    onboarding: Option<usize>,
    offboarding: Option<usize>,
}

#[derive(Debug)]
struct State<'p> {
    previous: &'p Previous,
    as_of: NaiveDate,
    checker: Checker,
    safety: Safety,
    allow: Option<u64>,
    /// Set once the header is read and has an Email column.
    columns: Option<Layout>,
    /// Which employees of the previous state the file has.
    seen: Vec<bool>,
    actions: Vec<Action>,
    summary: Counts,
    /// New employees by lower-cased (first name, last name), for spotting email
    /// changes: their actions and birthdays.
    new_names: HashMap<(String, String), Vec<(usize, String)>>,
    /// Issues the previous state made moot, by index in the report.
    dropped: Vec<usize>,
    /// The address hashes of the batch being read, by row, looked up together.
    hashes: std::collections::VecDeque<(u64, u128)>,
    deactivations: u64,
}

impl State<'_> {
    /// A batch of records: their addresses are looked up together first.
    #[cfg(not(target_family = "wasm"))]
    fn batch(&mut self, batch: &crate::read::RecordBatch) {
        if let Some(columns) = &self.columns {
            let email = columns.email;
            batch.for_each(&mut |r| {
                if email < r.len() {
                    let hash = crate::unique::hash_of(&previous::utf8(&r.bytes[r.bounds(email)]));
                    self.hashes.push_back((r.row, hash));
                }
            });
            self.previous.touch(self.hashes.iter().map(|&(_, h)| h));
        }
        batch.for_each(&mut |r| self.record(r));
        self.hashes.clear();
    }

    /// The employee with `email`, the address of `r`: by the hash computed for
    /// its batch when there is one.
    fn find(&mut self, r: &Record<'_>, email: &str) -> Option<usize> {
        while let Some(&(row, hash)) = self.hashes.front() {
            if row > r.row {
                break;
            }
            self.hashes.pop_front();
            if row == r.row {
                return self.previous.find_hashed(hash);
            }
        }
        self.previous.find(email)
    }

    fn record(&mut self, r: &Record<'_>) {
        let rows = self.checker.report().rows;
        let first_issue = self.checker.report().issues.len();
        self.checker.record(r);
        if self.columns.is_none() && self.checker.columns().is_some() {
            self.columns = self.layout();
        }
        let is_row = self.checker.report().rows > rows;
        let Some(columns) = &self.columns else { return };
        if !is_row || self.checker.halted() {
            return;
        }
        let (width, same_layout) = (columns.previous.len(), columns.unchanged_columns);
        let text = previous::utf8(r.bytes);
        let email = text.get(r.bounds(columns.email)).unwrap_or_default().trim();
        let known = self.find(r, email);
        if r.len() != width {
            // `row-length` makes the file invalid; the employee is not absent.
            if let Some(employee) = known {
                self.seen[employee] = true;
            }
            return;
        }
        // The usual row: the same as last time, byte for byte.
        if let Some(employee) = known
            && same_layout
            && !self.seen[employee]
            && same_record(self.previous.record(employee), &text, r.ends)
        {
            self.seen[employee] = true;
            self.restate(r.row, first_issue, |code| match code {
                Code::OnboardingPast
                | Code::OffboardingNotFuture
                | Code::OffboardingShortNotice => None,
                _ => Some(false),
            });
            self.push(Action {
                kind: ActionKind::Unchanged,
                email: email.into(),
                row: Some(r.row),
                changes: Box::default(),
                effective: None,
            });
            return;
        }
        let fields: Vec<&str> = (0..r.len())
            .map(|i| text.get(r.bounds(i)).unwrap_or_default().trim())
            .collect();
        self.row(r.row, &fields, first_issue);
    }

    /// Matches the file's columns with the previous state's.
    fn layout(&self) -> Option<Layout> {
        let columns = self.checker.columns()?;
        let field = |f: FieldKey| columns.field_index[f as usize];
        let targets = self.previous.targets();
        let previous: Vec<Option<usize>> = columns
            .summaries
            .iter()
            .map(|s| {
                let name = s.target.as_deref()?;
                targets.iter().position(|t| t.name() == name)
            })
            .collect();
        Some(Layout {
            unchanged_columns: self.previous.reads_columns(&previous),
            previous,
            email: field(FieldKey::Email)?,
            first_name: field(FieldKey::FirstName),
            last_name: field(FieldKey::LastName),
            birthday: field(FieldKey::Birthday),
            onboarding: field(FieldKey::OnboardingDate),
            offboarding: field(FieldKey::OffboardingDate),
        })
    }

    /// One employee row (values trimmed); `first_issue` is where this row's
    /// issues start in the report.
    fn row(&mut self, row: u64, fields: &[&str], first_issue: usize) {
        if let Some(columns) = self.columns.take() {
            self.employee(&columns, row, fields, first_issue);
            self.columns = Some(columns);
        }
    }

    fn employee(&mut self, c: &Layout, row: u64, fields: &[&str], first_issue: usize) {
        let email = fields[c.email];
        let Some(employee) = self.previous.find(email) else {
            self.onboard(c, row, fields, first_issue);
            return;
        };
        if std::mem::replace(&mut self.seen[employee], true) {
            return; // the same address again: `email-duplicate` says so
        }
        let p = self.previous;
        let before = p.values(employee);
        let value = |col: Option<usize>| col.map_or("", |i| fields[i]);
        let old = |field: FieldKey| p.column_of(field).map_or("", |i| before[i]);
        let (changes, first_changed) = self.changes(c, &before, fields);
        // A column the file does not have is not changed by it.
        let had = |col: Option<usize>| col.is_some_and(|i| c.previous[i].is_some());
        let onboarding_changed =
            had(c.onboarding) && old(FieldKey::OnboardingDate) != value(c.onboarding);
        let (off_before, off_now) = (old(FieldKey::OffboardingDate), value(c.offboarding));
        let offboarding_changed = had(c.offboarding) && off_before != off_now;
        // Known: a past onboarding date is theirs (a change is `onboarding-date-locked`);
        // the offboarding rules hold only for a date newly set or changed.
        self.restate(row, first_issue, |code| match code {
            Code::OffboardingNotFuture if offboarding_changed => Some(true),
            Code::OffboardingShortNotice if offboarding_changed => Some(false),
            Code::OnboardingPast | Code::OffboardingNotFuture | Code::OffboardingShortNotice => {
                None
            }
            _ => Some(false),
        });
        let deactivated = parse_date(off_before)
            .ok()
            .filter(|&d| is_deactivated(d, Pickup::on(self.as_of, PickupSlot::Night)));
        let mut kind = if changes.is_empty() {
            ActionKind::Unchanged
        } else {
            ActionKind::Update
        };
        let mut effective = None;
        if let (Some(deactivated), Some(i)) = (deactivated, first_changed) {
            self.issue(row, i, fields, Detail::ReactivationRequired { deactivated });
        } else {
            if onboarding_changed && let Some(i) = c.onboarding {
                let previous = old(FieldKey::OnboardingDate).to_owned();
                self.issue(row, i, fields, Detail::OnboardingDateLocked { previous });
            }
            if offboarding_changed && let Some(i) = c.offboarding {
                if off_now.is_empty() {
                    let previous = off_before.to_owned();
                    self.issue(row, i, fields, Detail::OffboardingRemoved { previous });
                } else if off_before.is_empty()
                    && let Ok(date) = parse_date(off_now)
                {
                    kind = ActionKind::Deactivate;
                    effective = Some(Effective::Instant(deactivation_at(date)));
                    self.deactivations += 1;
                }
            }
        }
        self.push(Action {
            kind,
            email: email.into(),
            row: Some(row),
            changes: changes.into_boxed_slice(),
            effective,
        });
    }

    /// A new employee: a past onboarding date is refused, an offboarding date is
    /// newly set.
    fn onboard(&mut self, c: &Layout, row: u64, fields: &[&str], first_issue: usize) {
        let value = |col: Option<usize>| col.map_or("", |i| fields[i]);
        self.restate(row, first_issue, |code| match code {
            Code::OnboardingPast | Code::OffboardingNotFuture => Some(true),
            _ => Some(false),
        });
        let effective = parse_date(value(c.onboarding)).unwrap_or(self.as_of);
        let name = (
            value(c.first_name).to_lowercase(),
            value(c.last_name).to_lowercase(),
        );
        let birthday = value(c.birthday).to_owned();
        self.new_names
            .entry(name)
            .or_default()
            .push((self.actions.len(), birthday));
        self.push(Action {
            kind: ActionKind::Onboard,
            email: fields[c.email].into(),
            row: Some(row),
            changes: Box::default(),
            effective: Some(Effective::Date(effective)),
        });
    }

    /// The fields that change from `previous` (an employee's values in the
    /// previous state) to `fields`, and the first changed column.
    fn changes(
        &self,
        c: &Layout,
        previous: &[&str],
        fields: &[&str],
    ) -> (Vec<FieldChange>, Option<usize>) {
        let mut changes = Vec::new();
        let mut first_changed = None;
        for (i, column) in c.previous.iter().enumerate() {
            let Some(pi) = *column else { continue };
            let (before, now) = (previous[pi], fields[i]);
            if i != c.email && before != now {
                first_changed.get_or_insert(i);
                let name = self
                    .checker
                    .columns()
                    .and_then(|cols| cols.locate(i).1)
                    .unwrap_or_default();
                changes.push(FieldChange {
                    field: name.to_owned(),
                    old: before.to_owned(),
                    new: now.to_owned(),
                });
            }
        }
        (changes, first_changed)
    }

    /// Re-decides this row's stateless date issues now that it is known whether the
    /// employee is new or the date changed: `decide(code)` gives `Some(true)` to make
    /// it an error with the definitive message, `Some(false)` to leave it, `None`
    /// to drop it as moot.
    fn restate(&mut self, row: u64, first_issue: usize, decide: impl Fn(Code) -> Option<bool>) {
        let report = self.checker.report_mut();
        for (index, issue) in report.issues.iter_mut().enumerate().skip(first_issue) {
            if issue.row != Some(row) {
                continue;
            }
            let code = issue.code();
            if !matches!(
                code,
                Code::OnboardingPast | Code::OffboardingNotFuture | Code::OffboardingShortNotice
            ) {
                continue;
            }
            match decide(code) {
                None => self.dropped.push(index),
                Some(false) => {}
                Some(true) => match &mut issue.detail {
                    Detail::OnboardingPast { new_employee, .. } => {
                        *new_employee = true;
                        issue.severity = Severity::Error;
                    }
                    Detail::OffboardingNotFuture { changed, .. } => {
                        *changed = true;
                        issue.severity = Severity::Error;
                    }
                    _ => {}
                },
            }
        }
    }

    /// Adds a previous-state issue about column `i` of this row.
    fn issue(&mut self, row: u64, i: usize, fields: &[&str], detail: Detail) {
        let Some(columns) = self.checker.columns() else {
            return;
        };
        let (header, field) = columns.locate(i);
        let issue = Issue::new(detail)
            .at_row(row)
            .in_column(i, header, field)
            .with_value(fields[i]);
        self.checker.report_mut().issues.push(issue);
    }

    fn push(&mut self, action: Action) {
        self.summary.add(action.kind);
        self.actions.push(action);
    }

    fn finish(mut self) -> Plan {
        let p = self.previous;
        let email_column = self.columns.as_ref().map(|c| c.email);
        let absent: Vec<usize> = p.employees().filter(|&e| !self.seen[e]).collect();
        for employee in absent {
            let email = p.email(employee).to_owned();
            let mut absent = Issue::new(Detail::Absent).with_value(&email);
            absent.field = Some(FieldKey::Email.key().to_owned());
            self.checker.report_mut().issues.push(absent);
            self.suspect_email_change(employee, email_column);
            self.push(Action {
                kind: ActionKind::Absent,
                email: email.into(),
                row: None,
                changes: Box::default(),
                effective: None,
            });
        }
        let limit = self.safety.limit(p.len() as u64);
        let count = self.deactivations;
        if count > limit && self.allow.is_none_or(|allowed| allowed < count) {
            let guard = Detail::MassDeactivation {
                count,
                limit,
                previous: p.len() as u64,
            };
            self.checker.report_mut().issues.push(Issue::new(guard));
        }
        let mut dropped = std::mem::take(&mut self.dropped);
        dropped.sort_unstable();
        let report = self.checker.report_mut();
        let mut index = 0;
        report.issues.retain(|_| {
            index += 1;
            dropped.binary_search(&(index - 1)).is_err()
        });
        Plan {
            report: self.checker.into_report(),
            actions: self.actions,
            summary: self.summary,
            previous: p.len() as u64,
        }
    }

    /// An absent employee and a new one with the same first and last name (and
    /// birthday, when both have one): probably an email change.
    fn suspect_email_change(&mut self, employee: usize, email_column: Option<usize>) {
        let p = self.previous;
        let value = |f: FieldKey| p.column_of(f).map_or("", |i| p.value(employee, i));
        let name = (
            value(FieldKey::FirstName).to_lowercase(),
            value(FieldKey::LastName).to_lowercase(),
        );
        if name.0.is_empty() && name.1.is_empty() {
            return;
        }
        let Some(candidates) = self.new_names.get(&name) else {
            return;
        };
        let (Some(columns), Some(email_column)) = (self.checker.columns(), email_column) else {
            return;
        };
        let (header, field) = columns.locate(email_column);
        let birthday = value(FieldKey::Birthday);
        let mut found = Vec::new();
        for (a, new_birthday) in candidates {
            if !birthday.is_empty() && !new_birthday.is_empty() && birthday != new_birthday {
                continue;
            }
            let action = &self.actions[*a];
            found.push(
                Issue::new(Detail::EmailChangeSuspected {
                    previous_email: p.email(employee).to_owned(),
                })
                .at_row(action.row.unwrap_or_default())
                .in_column(email_column, header, field)
                .with_value(&action.email),
            );
        }
        self.checker.report_mut().issues.extend(found);
    }
}

/// Whether a record of the previous state (text, field ends) is the one read now.
fn same_record((text, ends): (&str, &[u32]), now: &str, now_ends: &[usize]) -> bool {
    text == now
        && ends.len() == now_ends.len()
        && ends.iter().zip(now_ends).all(|(&a, &b)| a as usize == b)
}

#[cfg(test)]
mod tests;
