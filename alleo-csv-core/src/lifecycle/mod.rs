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
//! let plan = diff(&previous, now.as_bytes(), &config, Options::new(as_of))?;
//! let kinds: Vec<ActionKind> = plan.actions.iter().map(|a| a.kind).collect();
//! assert_eq!(kinds, [ActionKind::Deactivate, ActionKind::Onboard, ActionKind::Absent]);
//! assert_eq!(plan.actions[0].effective.unwrap().to_string(), "2027-03-31T23:00:00Z");
//! assert_eq!(plan.report.issues.get(0).unwrap().code().as_str(), "absent");
//! # Ok::<(), alleo_csv_core::Error>(())
//! ```

mod plan;
mod previous;

use std::collections::{HashMap, VecDeque};
use std::io::Read;

use chrono::NaiveDate;

pub use self::plan::{Action, ActionCsv, ActionKind, Counts, Effective, FieldChange, Plan};
pub use self::previous::Previous;
use crate::code::{Code, Severity};
use crate::config::{Config, Safety};
#[cfg(target_family = "wasm")]
use crate::error::Error;
use crate::error::Result;
use crate::field::FieldKey;
use crate::issue::{Detail, Issue};
use crate::issues::{Cell, Issues};
pub use crate::json::PlanJson;
use crate::options::Options;
use crate::read::{Record, RecordReader};
use crate::rules::date::parse_date;
use crate::schedule::{Pickup, PickupSlot, deactivation_at, is_deactivated};
use crate::validate::Checker;

/// Reads the file in `reader` against `previous` in one streaming pass, and returns
/// the plan. [`Options::allow_deactivations`] is the run's
/// `--allow-deactivations`.
///
/// # Errors
/// [`Error::Read`](crate::Error::Read) when `reader` fails. Problems in the file
/// are issues in the plan's report.
pub fn diff<R: Read>(
    previous: &Previous,
    reader: R,
    config: &Config,
    options: Options,
) -> Result<Plan> {
    let mut actions = Vec::new();
    let mut plan = diff_each(previous, reader, config, options, &mut |a| {
        actions.push(a);
    })?;
    plan.actions = actions;
    Ok(plan)
}

/// [`diff`], handing each action to `each` as soon as it is planned (the file's
/// rows in order, then the absent employees) instead of keeping them: a plan of a
/// million employees then streams to its output in flat memory. The plan returned
/// has no actions; its summary counts them.
///
/// # Errors
/// As [`diff`].
pub fn diff_each<'p, R: Read>(
    previous: &'p Previous,
    reader: R,
    config: &Config,
    options: Options,
    each: &'p mut (dyn FnMut(Action) + Send),
) -> Result<Plan> {
    let Differ {
        records,
        front,
        mut back,
    } = Differ::new(previous, config, options);
    back.each = Some(Each(each));
    #[cfg(not(target_family = "wasm"))]
    {
        let (front, back) = two_threads(reader, records, front, back)?;
        Ok(back.finish(front.checker))
    }
    #[cfg(target_family = "wasm")]
    {
        let mut differ = Differ {
            records,
            front,
            back,
        };
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

/// Parses and checks on this thread (the front), and looks up, compares and plans
/// on a second one (the back): each row crosses once, in a batch per chunk, through
/// a channel of at most four batches.
#[cfg(not(target_family = "wasm"))]
fn two_threads<'p, R: Read>(
    mut reader: R,
    mut records: RecordReader,
    mut front: Front<'p>,
    mut back: Back<'p>,
) -> Result<(Front<'p>, Back<'p>)> {
    use std::sync::mpsc;

    use crate::read::RecordBatch;

    /// One chunk's rows for the back, their issues that wait for the previous
    /// state's verdict, and the layout when the header was in this chunk.
    type Load = (RecordBatch, Vec<Issue>, Option<Layout>);
    let (full, loads) = mpsc::sync_channel::<Load>(4);
    let (spare, emptied) = mpsc::channel::<RecordBatch>();
    std::thread::scope(|scope| {
        let planning = scope.spawn(move || {
            for (mut batch, held, layout) in loads {
                if layout.is_some() {
                    back.columns = layout;
                }
                back.held.extend(held);
                back.batch(&batch);
                batch.clear();
                let _ = spare.send(batch);
            }
            back
        });
        let mut batch = RecordBatch::default();
        let mut layout = None;
        let mut buf = vec![0u8; 64 * 1024];
        let mut held = Vec::new();
        let mut take = |r: &Record<'_>,
                        batch: &mut RecordBatch,
                        held: &mut Vec<Issue>,
                        layout: &mut Option<Layout>| {
            let taken = front.take(r);
            front.checker.move_held(held);
            if taken.layout.is_some() {
                *layout = taken.layout;
            }
            if taken.forward {
                batch.push(r);
            }
        };
        let read = loop {
            let n = match reader.read(&mut buf) {
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => break Err(crate::error::Error::Read(e)),
            };
            if n == 0 {
                records.finish(&mut |r| take(r, &mut batch, &mut held, &mut layout));
            } else {
                records.feed(&buf[..n], &mut |r| {
                    take(r, &mut batch, &mut held, &mut layout);
                });
            }
            if !batch.is_empty() || layout.is_some() {
                let next = emptied.try_recv().unwrap_or_default();
                let load = (
                    std::mem::replace(&mut batch, next),
                    std::mem::take(&mut held),
                    layout.take(),
                );
                // Fails only if the back is gone; join() says why.
                let _ = full.send(load);
            }
            if n == 0 {
                break Ok(());
            }
        };
        drop(full);
        let back = planning
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        read.map(|()| (front, back))
    })
}

/// A diff fed in chunks (a browser stream); the plan does not depend on where the
/// chunks are cut.
#[derive(Debug)]
pub struct Differ<'p> {
    records: RecordReader,
    front: Front<'p>,
    back: Back<'p>,
}

impl<'p> Differ<'p> {
    /// A diff of one file against `previous` (see [`diff`]).
    pub fn new(previous: &'p Previous, config: &Config, options: Options) -> Differ<'p> {
        let (as_of, allow) = (options.as_of, options.allow_deactivations);
        Differ {
            records: RecordReader::new(),
            front: Front {
                previous,
                checker: Checker::new(config, options).holding_back(Code::needs_previous_state),
                laid_out: false,
            },
            back: Back {
                previous,
                as_of,
                safety: config.safety.clone(),
                allow,
                columns: None,
                seen: vec![false; previous.capacity()],
                actions: Vec::new(),
                each: None,
                summary: Counts::default(),
                new_names: HashMap::new(),
                held: VecDeque::new(),
                issues: Issues::default(),
                hashes: VecDeque::new(),
                deactivations: 0,
            },
        }
    }

    /// Reads the next piece of the file.
    pub fn feed(&mut self, chunk: &[u8]) {
        let Differ {
            records,
            front,
            back,
        } = self;
        records.feed(chunk, &mut |r| one_record(front, back, r));
    }

    /// Ends the file and returns the plan.
    pub fn finish(mut self) -> Plan {
        let Differ {
            records,
            front,
            back,
        } = &mut self;
        records.finish(&mut |r| one_record(front, back, r));
        self.back.finish(self.front.checker)
    }
}

/// A record through both halves, on one thread.
fn one_record(front: &mut Front<'_>, back: &mut Back<'_>, r: &Record<'_>) {
    let taken = front.take(r);
    if taken.layout.is_some() {
        back.columns = taken.layout;
    }
    let mut held = Vec::new();
    front.checker.move_held(&mut held);
    back.held.extend(held);
    if taken.forward {
        back.record(r);
    }
}

/// What the front makes of a record.
struct Taken {
    /// The layout, when this record was the header.
    layout: Option<Layout>,
    /// An employee row for the back to plan.
    forward: bool,
}

/// The front half: the stateless checks of every record.
#[derive(Debug)]
struct Front<'p> {
    previous: &'p Previous,
    checker: Checker,
    /// The layout has been made (from the header).
    laid_out: bool,
}

impl Front<'_> {
    fn take(&mut self, r: &Record<'_>) -> Taken {
        let rows = self.checker.report().rows;
        self.checker.record(r);
        let mut layout = None;
        if !self.laid_out
            && let Some(columns) = self.checker.columns()
        {
            self.laid_out = true;
            // No Email column: `missing-column` says so, and nothing is planned.
            layout = Layout::of(columns, self.previous);
        }
        let forward = self.checker.report().rows > rows && !self.checker.halted();
        Taken { layout, forward }
    }
}

/// Where [`diff_each`] hands each action.
struct Each<'p>(&'p mut (dyn FnMut(Action) + Send));

impl std::fmt::Debug for Each<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Each(..)")
    }
}

/// A new employee, for spotting an email change.
#[derive(Debug)]
struct NewEmployee {
    row: u64,
    email: Box<str>,
    birthday: String,
}

/// What the previous state says about a row's date issues.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    /// A new employee: a past onboarding date is refused; an offboarding date is
    /// newly set.
    New,
    /// A known employee: a past onboarding date is theirs; the offboarding rules
    /// hold only when the date is newly set or changed.
    Known { offboarding_changed: bool },
}

impl Verdict {
    /// `Some(true)`: an error with the definitive message; `Some(false)`: as it
    /// is; `None`: moot, dropped.
    fn decide(self, code: Code) -> Option<bool> {
        let upgrade = match self {
            Verdict::New => matches!(code, Code::OnboardingPast | Code::OffboardingNotFuture),
            Verdict::Known {
                offboarding_changed,
            } => offboarding_changed && code == Code::OffboardingNotFuture,
        };
        let moot = match self {
            Verdict::New => false,
            Verdict::Known {
                offboarding_changed,
            } => {
                code == Code::OnboardingPast
                    || (!offboarding_changed
                        && matches!(
                            code,
                            Code::OffboardingNotFuture | Code::OffboardingShortNotice
                        ))
            }
        };
        if moot { None } else { Some(upgrade) }
    }
}

impl Layout {
    /// Column `i` of spreadsheet row `row`, for locating an issue.
    fn cell(&self, row: u64, i: usize) -> Cell<'_> {
        let (header, field) = &self.names[i];
        Cell {
            row,
            position: i,
            header,
            field: field.as_deref(),
        }
    }

    /// Matches the file's resolved columns with the previous state's; `None`
    /// without an Email column.
    fn of(columns: &crate::header::Columns, previous: &Previous) -> Option<Layout> {
        let field = |f: FieldKey| columns.field_index[f as usize];
        let targets = previous.targets();
        let matched: Vec<Option<usize>> = columns
            .summaries
            .iter()
            .map(|s| {
                let name = s.target.as_deref()?;
                targets.iter().position(|t| t.name() == name)
            })
            .collect();
        Some(Layout {
            names: columns
                .summaries
                .iter()
                .map(|s| (s.header.clone(), s.target.clone()))
                .collect(),
            unchanged_columns: previous.reads_columns(&matched),
            previous: matched,
            email: field(FieldKey::Email)?,
            first_name: field(FieldKey::FirstName),
            last_name: field(FieldKey::LastName),
            birthday: field(FieldKey::Birthday),
            onboarding: field(FieldKey::OnboardingDate),
            offboarding: field(FieldKey::OffboardingDate),
        })
    }
}

/// Where the fields the lifecycle rules read are, in the file and the previous state.
#[derive(Debug)]
struct Layout {
    /// The header and field of each column, for locating issues.
    names: Vec<(String, Option<String>)>,
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

/// The back half: looks up each row in the previous state and plans it.
#[derive(Debug)]
struct Back<'p> {
    previous: &'p Previous,
    as_of: NaiveDate,
    safety: Safety,
    allow: Option<u64>,
    /// Set once the header is read and has an Email column.
    columns: Option<Layout>,
    /// Which employees of the previous state the file has.
    seen: Vec<bool>,
    /// The actions, when they are kept (see [`Back::each`]).
    actions: Vec<Action>,
    /// Where each action goes as soon as it is planned; `None`: kept in `actions`.
    each: Option<Each<'p>>,
    summary: Counts,
    /// New employees by lower-cased (first name, last name), for spotting email
    /// changes: their row, address and birthday.
    new_names: HashMap<(String, String), Vec<NewEmployee>>,
    /// Date issues that wait for the previous state's verdict on their row, in
    /// row order (see [`Back::restate`]).
    held: VecDeque<Issue>,
    /// The previous-state issues found.
    issues: Issues,
    /// The address hashes of the batch being read, by row, looked up together.
    hashes: VecDeque<(u64, u128)>,
    deactivations: u64,
}

impl Back<'_> {
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

    /// One employee row that passed the front.
    fn record(&mut self, r: &Record<'_>) {
        let Some(columns) = &self.columns else { return };
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
            && self.previous.same_record(employee, &text, r.ends)
        {
            self.seen[employee] = true;
            self.restate(
                r.row,
                Verdict::Known {
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
        let fields: Vec<&str> = (0..r.len())
            .map(|i| text.get(r.bounds(i)).unwrap_or_default().trim())
            .collect();
        self.row(r.row, &fields);
    }

    /// One employee row (values trimmed).
    fn row(&mut self, row: u64, fields: &[&str]) {
        if let Some(columns) = self.columns.take() {
            self.employee(&columns, row, fields);
            self.columns = Some(columns);
        }
    }

    fn employee(&mut self, c: &Layout, row: u64, fields: &[&str]) {
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
            Verdict::Known {
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
                Detail::ReactivationRequired { deactivated },
            );
        } else {
            if onboarding_changed && let Some(i) = c.onboarding {
                let previous = old(FieldKey::OnboardingDate).to_owned();
                self.issue(c, row, i, fields, Detail::OnboardingDateLocked { previous });
            }
            if offboarding_changed && let Some(i) = c.offboarding {
                if off_now.is_empty() {
                    let previous = off_before.to_owned();
                    self.issue(c, row, i, fields, Detail::OffboardingRemoved { previous });
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
    fn onboard(&mut self, c: &Layout, row: u64, fields: &[&str]) {
        let value = |col: Option<usize>| col.map_or("", |i| fields[i]);
        self.restate(row, Verdict::New);
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
    fn changes(
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
    fn restate(&mut self, row: u64, verdict: Verdict) {
        while let Some(issue) = self.held.front() {
            let held_row = issue.row.unwrap_or(0);
            if held_row > row {
                return;
            }
            let Some(mut issue) = self.held.pop_front() else {
                return;
            };
            if held_row == row {
                match verdict.decide(issue.code()) {
                    None => continue,
                    Some(false) => {}
                    Some(true) => {
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
    fn issue(&mut self, c: &Layout, row: u64, i: usize, fields: &[&str], detail: Detail) {
        self.issues.push_cell(c.cell(row, i), detail, fields[i]);
    }

    fn push(&mut self, action: Action) {
        self.summary.add(action.kind);
        match &mut self.each {
            Some(Each(each)) => each(action),
            None => self.actions.push(action),
        }
    }

    /// The plan: the front's report with the verdicts applied and the back's
    /// issues added, absent employees, and the guard.
    fn finish(mut self, mut checker: Checker) -> Plan {
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
    fn suspect_email_change(&mut self, employee: usize) {
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
            self.issues.push_cell(cell, detail, &new.email);
        }
    }
}

#[cfg(test)]
mod tests;
