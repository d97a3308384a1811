//! The second half of a diff: each employee row looked up in the previous state
//! and planned (SPEC section 4), the held date issues restated, the absent
//! employees, suspected email changes and the mass-deactivation guard.

use std::collections::{HashMap, VecDeque};

use chrono::NaiveDate;

use super::layout::Layout;
use super::verdict::{PreviousSays, Restated};
use super::{Action, ActionKind, Counts, Effective, FieldChange, Plan, Previous};
use crate::code::Severity;
use crate::config::Safety;
use crate::field::FieldKey;
use crate::issue::{Detail, Issue};
use crate::issues::Issues;
use crate::read::Record;
use crate::rules::date::parse_date;
use crate::schedule::{Pickup, PickupSlot, deactivation_at, is_deactivated};
use crate::validate::Checker;

/// Where [`diff_each`] hands each action.
pub(super) struct ActionSink<'p>(pub(super) &'p mut (dyn FnMut(Action) + Send));

impl std::fmt::Debug for ActionSink<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ActionSink(..)")
    }
}

/// A new employee, for spotting an email change.
#[derive(Debug)]
pub(super) struct NewEmployee {
    pub(super) row: u64,
    pub(super) email: Box<str>,
    pub(super) birthday: String,
}

/// The planner half: looks up each row in the previous state and plans it.
#[derive(Debug)]
pub(super) struct Planner<'p> {
    pub(super) previous: &'p Previous,
    pub(super) as_of: NaiveDate,
    pub(super) safety: Safety,
    pub(super) allow: Option<u64>,
    /// Set once the header is read and has an Email column.
    pub(super) columns: Option<Layout>,
    /// Which employees of the previous state the file has.
    pub(super) seen: Vec<bool>,
    /// The actions, when they are kept (see [`Planner::each`]).
    pub(super) actions: Vec<Action>,
    /// Where each action goes as soon as it is planned; `None`: kept in `actions`.
    pub(super) each: Option<ActionSink<'p>>,
    pub(super) summary: Counts,
    /// New employees by lower-cased (first name, last name), for spotting email
    /// changes: their row, address and birthday.
    pub(super) new_names: HashMap<(String, String), Vec<NewEmployee>>,
    /// Date issues that wait for the previous state's verdict on their row, in
    /// row order (see [`Planner::restate`]).
    pub(super) held: VecDeque<Issue>,
    /// The previous-state issues found.
    pub(super) issues: Issues,
    /// The address hashes of the batch being read, by row, looked up together.
    pub(super) hashes: VecDeque<(u64, u128)>,
    pub(super) deactivations: u64,
}

impl Planner<'_> {
    /// A batch of records: their addresses are looked up together first.
    #[cfg(not(target_family = "wasm"))]
    pub(super) fn batch(&mut self, batch: &crate::read::RecordBatch) {
        if let Some(columns) = &self.columns {
            let email = columns.email;
            batch.for_each(&mut |r| {
                // The address as `Record::decoded` reads it (field by field).
                if email < r.len() {
                    let address = String::from_utf8_lossy(&r.bytes[r.bounds(email)]);
                    self.hashes
                        .push_back((r.row, crate::unique::hash_of(&address)));
                }
            });
            self.previous.touch(self.hashes.iter().map(|&(_, h)| h));
        }
        batch.for_each(&mut |r| self.record(r));
        self.hashes.clear();
    }

    /// The employee with `email`, the address of `r`: by the hash computed for
    /// its batch when there is one.
    pub(super) fn find(&mut self, r: &Record<'_>, email: &str) -> Option<usize> {
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

    /// One employee row that passed the checks.
    pub(super) fn record(&mut self, r: &Record<'_>) {
        let Some(columns) = &self.columns else { return };
        let (width, same_layout) = (columns.previous.len(), columns.unchanged_columns);
        let record = r.decoded();
        let email = record.field(columns.email).trim();
        let known = self.find(r, email);
        if r.len() != width || r.open_quote {
            // `row-length` or `unclosed-quote` makes the file invalid, and what
            // was read is not the row: nothing is planned, the employee is not
            // absent.
            if let Some(employee) = known {
                self.seen[employee] = true;
            }
            return;
        }
        // The usual row: the same as last time, byte for byte.
        if let Some(employee) = known
            && same_layout
            && !self.seen[employee]
            && self
                .previous
                .same_record(employee, &record.text, &record.ends)
        {
            self.seen[employee] = true;
            self.restate(
                r.row,
                PreviousSays::Known {
                    offboarding_changed: false,
                },
            );
            self.push(Action {
                kind: ActionKind::Unchanged,
                email: email.into(),
                row: Some(r.row),
                changes: Box::default(),
                effective: None,
            });
            return;
        }
        let fields: Vec<&str> = record.fields().map(str::trim).collect();
        self.row(r.row, &fields);
    }

    /// One employee row (values trimmed).
    pub(super) fn row(&mut self, row: u64, fields: &[&str]) {
        if let Some(columns) = self.columns.take() {
            self.employee(&columns, row, fields);
            self.columns = Some(columns);
        }
    }

    pub(super) fn employee(&mut self, c: &Layout, row: u64, fields: &[&str]) {
        let email = fields[c.email];
        let Some(employee) = self.previous.find(email) else {
            self.onboard(c, row, fields);
            return;
        };
        if std::mem::replace(&mut self.seen[employee], true) {
            return; // the same address again: `email-duplicate` says so
        }
        let p = self.previous;
        let before = p.values(employee);
        let value = |col: Option<usize>| col.map_or("", |i| fields[i]);
        let old = |field: FieldKey| p.column_of(field).map_or("", |i| before[i]);
        let (changes, first_changed) = Self::changes(c, &before, fields);
        // A column the file does not have is not changed by it.
        let had = |col: Option<usize>| col.is_some_and(|i| c.previous[i].is_some());
        let onboarding_changed =
            had(c.onboarding) && old(FieldKey::OnboardingDate) != value(c.onboarding);
        let (off_before, off_now) = (old(FieldKey::OffboardingDate), value(c.offboarding));
        let offboarding_changed = had(c.offboarding) && off_before != off_now;
        // Known: a past onboarding date is theirs (a change is `onboarding-date-locked`);
        // the offboarding rules hold only for a date newly set or changed.
        self.restate(
            row,
            PreviousSays::Known {
                offboarding_changed,
            },
        );
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
            self.issue(
                c,
                row,
                i,
                fields,
                &Detail::ReactivationRequired { deactivated },
            );
        } else {
            if onboarding_changed && let Some(i) = c.onboarding {
                let previous = old(FieldKey::OnboardingDate).to_owned();
                self.issue(
                    c,
                    row,
                    i,
                    fields,
                    &Detail::OnboardingDateLocked { previous },
                );
            }
            if offboarding_changed && let Some(i) = c.offboarding {
                if off_now.is_empty() {
                    let previous = off_before.to_owned();
                    self.issue(c, row, i, fields, &Detail::OffboardingRemoved { previous });
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
    pub(super) fn onboard(&mut self, c: &Layout, row: u64, fields: &[&str]) {
        let value = |col: Option<usize>| col.map_or("", |i| fields[i]);
        self.restate(row, PreviousSays::New);
        let effective = parse_date(value(c.onboarding)).unwrap_or(self.as_of);
        let name = (
            value(c.first_name).to_lowercase(),
            value(c.last_name).to_lowercase(),
        );
        let birthday = value(c.birthday).to_owned();
        self.new_names.entry(name).or_default().push(NewEmployee {
            row,
            email: fields[c.email].into(),
            birthday,
        });
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
    pub(super) fn changes(
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
                let name = c.names[i].1.as_deref().unwrap_or_default();
                changes.push(FieldChange {
                    field: name.to_owned(),
                    old: before.to_owned(),
                    new: now.to_owned(),
                });
            }
        }
        (changes, first_changed)
    }

    /// Decides the held date issues of `row` as the previous state says: dropped
    /// when moot, kept, or made an error with the definitive message. Issues held
    /// for earlier rows that were never planned (a row of the wrong length) stay
    /// as they are.
    pub(super) fn restate(&mut self, row: u64, verdict: PreviousSays) {
        while let Some(issue) = self.held.front() {
            let held_row = issue.row.unwrap_or(0);
            if held_row > row {
                return;
            }
            let Some(mut issue) = self.held.pop_front() else {
                return;
            };
            if held_row == row {
                match verdict.restate(issue.code()) {
                    Restated::Moot => continue,
                    Restated::AsIs => {}
                    Restated::Definitive => {
                        match &mut issue.detail {
                            Detail::OnboardingPast { new_employee, .. } => *new_employee = true,
                            Detail::OffboardingNotFuture { changed, .. } => *changed = true,
                            _ => {}
                        }
                        issue.severity = Severity::Error;
                    }
                }
            }
            self.issues.push(issue);
        }
    }

    /// Adds a previous-state issue about column `i` of this row.
    pub(super) fn issue(
        &mut self,
        c: &Layout,
        row: u64,
        i: usize,
        fields: &[&str],
        detail: &Detail,
    ) {
        self.issues.push_cell(c.cell(row, i), detail, fields[i]);
    }

    pub(super) fn push(&mut self, action: Action) {
        self.summary.add(action.kind);
        match &mut self.each {
            Some(ActionSink(each)) => each(action),
            None => self.actions.push(action),
        }
    }

    /// The plan: the checks's report with the verdicts applied and the planner's
    /// issues added, absent employees, and the guard.
    pub(super) fn finish(mut self, mut checker: Checker) -> Plan {
        let p = self.previous;
        let absent: Vec<usize> = p.employees().filter(|&e| !self.seen[e]).collect();
        for employee in absent {
            let email = p.email(employee).to_owned();
            let mut absent = Issue::new(Detail::Absent).with_value(&email);
            absent.field = Some(FieldKey::Email.key().to_owned());
            self.issues.push(absent);
            self.suspect_email_change(employee);
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
            self.issues.push(Issue::new(guard));
        }
        // Held issues of rows never planned stay as they are.
        self.issues.extend(self.held.drain(..));
        checker.report_mut().issues.append(&self.issues);
        Plan {
            report: checker.into_report(),
            actions: self.actions,
            summary: self.summary,
            previous: p.len() as u64,
        }
    }

    /// An absent employee and a new one with the same first and last name (and
    /// birthday, when both have one): probably an email change.
    pub(super) fn suspect_email_change(&mut self, employee: usize) {
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
        let Some(columns) = &self.columns else {
            return;
        };
        let birthday = value(FieldKey::Birthday);
        for new in candidates {
            if !birthday.is_empty() && !new.birthday.is_empty() && birthday != new.birthday {
                continue;
            }
            let detail = Detail::EmailChangeSuspected {
                previous_email: p.email(employee).to_owned(),
            };
            let cell = columns.cell(new.row, columns.email);
            self.issues.push_cell(cell, &detail, &new.email);
        }
    }
}
