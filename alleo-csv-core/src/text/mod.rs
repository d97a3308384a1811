//! The report for people: the text `alleo-sync validate` and `diff` print, in
//! English, Dutch or German.
//!
//! It leads with what must be fixed: every error, under the row it is on. A warning
//! code found on many rows is shown once (see [`Digest`]): what it means, how many
//! rows, the first of them, and how to see them all. On a first run, when the
//! warnings that need the previous state are there, it says how to give one. The
//! JSON and CSV are the complete record; this is the readable one.
//!
//! ```
//! use alleo_csv_core::text::{self, AsOf, Context, Plain};
//! use alleo_csv_core::{validate, Config, Options};
//! let file = "Email,First name,Last name\njan@example,Jan,Jansen\n";
//! let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
//! let report = validate(file.as_bytes(), &Config::default(), Options::new(as_of))?;
//! let context = Context::new(Some("alleo_employees_acme.csv"), AsOf::Given(as_of));
//! let mut out = Vec::new();
//! text::write_report(&mut out, &report, &context, &Plain)?;
//! let out = String::from_utf8(out).unwrap();
//! assert!(out.starts_with("alleo_employees_acme.csv: 1 row, 1 error, 0 warnings\n"));
//! assert!(out.contains("\nRow 2\n  error    email-format"));
//! assert!(out.ends_with("✗ Not valid: 1 error. Fix them before sending the file.\n"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod delivery;
pub mod errors;
mod import;
pub mod page;
pub mod refusal;
pub mod schedule;
pub mod transform;
pub mod usage;
mod words;

use std::io::{self, Write};

use chrono::{NaiveDate, Timelike};

use crate::code::{Scope, Severity};
use crate::config::CustomType;
use crate::digest::{Digest, FEW, Group};
use crate::issue::IssueRef;
use crate::lifecycle::{Action, ActionKind, Effective, Plan};
use crate::messages::Lang;
use crate::report::Report;
use crate::schedule::{Pickup, last_pickup_before_deactivation};

pub use self::words::Words;

/// A kind of action with more than this many is shown by its first [`SHOWN`].
pub const LISTED: usize = 25;
/// How many actions of a long list are shown.
pub const SHOWN: usize = 10;

/// What the report does not know by itself: the run around it.
#[derive(Debug, Clone)]
pub struct Context<'a> {
    /// The file's name as given; `None` for standard input.
    pub file: Option<&'a str>,
    /// Which "today" the rules were checked against.
    pub as_of: AsOf,
    /// The configuration file used, if any.
    pub config: Option<&'a str>,
    /// The previous state, for a command that looks for one; `None` for one that
    /// does not.
    pub previous: Option<PreviousState<'a>>,
    /// List every issue and action one by one (`--all`). Defaults to false.
    pub all: bool,
}

impl<'a> Context<'a> {
    /// The context of a check of `file` against `as_of`: no configuration, no
    /// previous state, warnings folded.
    pub fn new(file: Option<&'a str>, as_of: AsOf) -> Context<'a> {
        Context {
            file,
            as_of,
            config: None,
            previous: None,
            all: false,
        }
    }
}

/// Which "today" the rules were checked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AsOf {
    /// The date of the next pickup after now (the default of every front).
    NextPickup(Pickup),
    /// Given by the person (`--as-of`).
    Given(NaiveDate),
}

impl AsOf {
    /// The date itself.
    pub fn date(self) -> NaiveDate {
        match self {
            AsOf::NextPickup(p) => p.date(),
            AsOf::Given(d) => d,
        }
    }
}

/// Where a run's previous state came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PreviousState<'a> {
    /// Given by the person (`--previous`, or `diff`'s first file), with its number
    /// of employees.
    Given(&'a str, usize),
    /// The last file delivered from this machine (the state folder).
    Delivered(&'a str, usize),
    /// Nothing delivered from this machine yet: this file does not exist.
    NotYet(&'a str),
    /// Left out on purpose (`--no-previous`).
    Ignored,
    /// There is no state folder to look in.
    NoFolder,
}

impl PreviousState<'_> {
    /// Whether a previous state was used.
    pub fn used(self) -> bool {
        matches!(
            self,
            PreviousState::Given(..) | PreviousState::Delivered(..)
        )
    }
}

/// A tone of the text, which a terminal may show in colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Errors and the "not valid" verdict.
    Error,
    /// Warnings.
    Warning,
    /// The "valid" verdict.
    Ok,
    /// What is there to be read past: codes, row numbers.
    Dim,
    /// Headings.
    Bold,
}

/// How tones are marked: the marks written before and after a toned piece of text.
pub trait Paint {
    /// The marks around text of `tone`: `("", "")` for plain text.
    fn marks(&self, tone: Tone) -> (&str, &str);
}

/// Plain text: no marks.
#[derive(Debug, Clone, Copy, Default)]
pub struct Plain;

impl Paint for Plain {
    fn marks(&self, _: Tone) -> (&str, &str) {
        ("", "")
    }
}

/// `text` in `tone`.
fn toned(paint: &dyn Paint, tone: Tone, text: &str) -> String {
    let (start, end) = paint.marks(tone);
    format!("{start}{text}{end}")
}

/// Writes the readable report of a check.
///
/// # Errors
/// Whatever `out` returns.
pub fn write_report(
    out: &mut dyn Write,
    report: &Report,
    ctx: &Context<'_>,
    paint: &dyn Paint,
) -> io::Result<()> {
    let t = Words::of(report.lang);
    writeln!(
        out,
        "{}: {}",
        toned(paint, Tone::Bold, file_name(ctx, t)),
        counts(report, t)
    )?;
    write_context(out, report.lang, ctx)?;
    write_columns(out, report, paint)?;
    write_issues(out, report, ctx, paint)?;
    writeln!(out)?;
    write_verdict(out, report, paint)
}

/// Writes the readable plan of a diff: the summary, each kind of action (the
/// first of a long list), the issues as [`write_report`] has them, the verdict.
///
/// # Errors
/// Whatever `out` returns.
pub fn write_plan(
    out: &mut dyn Write,
    plan: &Plan,
    actions: &PlanActions,
    ctx: &Context<'_>,
    paint: &dyn Paint,
) -> io::Result<()> {
    let lang = plan.report.lang;
    let t = Words::of(lang);
    let summary: Vec<String> = ActionKind::ALL
        .iter()
        .map(|&kind| {
            let n = plan.summary.of(kind);
            (t.action_count)(kind, &lang.number(n), n == 1)
        })
        .collect();
    writeln!(
        out,
        "{}: {}",
        toned(paint, Tone::Bold, file_name(ctx, t)),
        summary.join(", ")
    )?;
    write_context(out, lang, ctx)?;
    let width = actions
        .kept
        .iter()
        .map(|a| a.email.chars().count())
        .max()
        .unwrap_or(0)
        .min(40);
    for kind in ActionKind::ALL {
        let count = plan.summary.of(kind);
        if kind == ActionKind::Unchanged || count == 0 {
            continue;
        }
        let heading = format!("{} ({})", (t.action_heading)(kind), lang.number(count));
        writeln!(out, "\n{}", toned(paint, Tone::Bold, &heading))?;
        let mut shown = 0u64;
        for a in actions.kept.iter().filter(|a| a.kind == kind) {
            let row = a
                .row
                .map_or_else(|| "-".to_owned(), |r| format!("{} {r}", t.row_lower));
            let row = toned(paint, Tone::Dim, &format!("{row:<9}"));
            writeln!(
                out,
                "  {row} {:<width$}  {}",
                a.email,
                action_detail(a, lang)
            )?;
            shown += 1;
        }
        if shown < count {
            let more = lang.number(count - shown);
            writeln!(
                out,
                "  {}",
                toned(paint, Tone::Dim, &(t.more_actions)(&more))
            )?;
        }
    }
    if plan.summary.unchanged > 0 {
        let n = lang.number(plan.summary.unchanged);
        writeln!(out, "\n{}", (t.unchanged)(&n))?;
    }
    write_issues(out, &plan.report, ctx, paint)?;
    writeln!(out)?;
    write_verdict(out, &plan.report, paint)
}

/// The actions a plan's text shows, kept as [`diff_each`](crate::lifecycle::diff_each)
/// hands them over: every action that changes something, but of a kind with more
/// than [`LISTED`] only the first [`SHOWN`] (unless `all`). Unchanged employees
/// are counted, not listed. A plan of a million onboardings keeps ten.
#[derive(Debug, Default)]
pub struct PlanActions {
    kept: Vec<Action>,
    /// Actions seen of each kind, by `ActionKind as usize`.
    seen: [usize; ActionKind::ALL.len()],
    all: bool,
}

impl PlanActions {
    /// Keeps the actions the text will show; with `all`, every one that changes
    /// something.
    pub fn new(all: bool) -> PlanActions {
        PlanActions {
            all,
            ..PlanActions::default()
        }
    }

    /// Takes the next action.
    pub fn push(&mut self, action: Action) {
        let kind = action.kind;
        if kind == ActionKind::Unchanged {
            return;
        }
        let seen = &mut self.seen[kind as usize];
        *seen += 1;
        if self.all || *seen <= LISTED {
            self.kept.push(action);
        } else if *seen == LISTED + 1 {
            // A long list: only its first few are shown.
            let mut n = 0;
            self.kept.retain(|a| {
                n += usize::from(a.kind == kind);
                a.kind != kind || n <= SHOWN
            });
        }
    }
}

fn file_name<'a>(ctx: &Context<'a>, t: &'a Words) -> &'a str {
    ctx.file.unwrap_or(t.stdin)
}

/// "25 rows, 13 errors, 2 warnings", with numbers as the language writes them.
pub(crate) fn counts(report: &Report, t: &Words) -> String {
    let lang = report.lang;
    let counted = |count: u64, (one, many): (&str, &str)| {
        format!(
            "{} {}",
            lang.number(count),
            if count == 1 { one } else { many }
        )
    };
    let [row, error, warning] = t.nouns;
    (t.counts)(
        &counted(report.rows, row),
        &counted(report.errors() as u64, error),
        &counted(report.warnings() as u64, warning),
    )
}

/// The lines under the heading: the date checked for, the configuration and the
/// previous state.
///
/// # Errors
/// Whatever `out` returns.
pub fn write_context(out: &mut dyn Write, lang: Lang, ctx: &Context<'_>) -> io::Result<()> {
    let t = Words::of(lang);
    match ctx.as_of {
        AsOf::NextPickup(p) => {
            writeln!(
                out,
                "{}",
                (t.next_pickup)(p.date(), &schedule::when(lang, p.at))
            )?;
        }
        AsOf::Given(d) => writeln!(out, "{}", (t.given)(d))?,
    }
    writeln!(out, "{} {}", t.config, ctx.config.unwrap_or(t.no_config))?;
    if let Some(previous) = ctx.previous {
        let described = match previous {
            PreviousState::Given(path, n) => (t.previous_given)(path, &lang.number(n as u64)),
            PreviousState::Delivered(path, n) => {
                (t.previous_delivered)(path, &lang.number(n as u64))
            }
            PreviousState::NotYet(path) => (t.previous_not_yet)(path),
            PreviousState::Ignored => t.previous_ignored.to_owned(),
            PreviousState::NoFolder => t.previous_no_folder.to_owned(),
        };
        writeln!(out, "{} {described}", t.previous)?;
    }
    Ok(())
}

/// How each column was understood.
fn write_columns(out: &mut dyn Write, report: &Report, paint: &dyn Paint) -> io::Result<()> {
    if report.columns.is_empty() {
        return Ok(());
    }
    let t = Words::of(report.lang);
    writeln!(out, "\n{}", toned(paint, Tone::Bold, t.columns))?;
    let width = report
        .columns
        .iter()
        .map(|c| c.header.chars().count())
        .max()
        .unwrap_or(0)
        .min(32);
    for c in &report.columns {
        let target = match (&c.target, &c.reporting_name) {
            (None, _) => toned(paint, Tone::Dim, t.not_used),
            (Some(name), Some(reporting)) => {
                let ty = c.custom_type.map(CustomType::as_str).unwrap_or_default();
                format!("{name} ({ty}; {} {reporting})", t.reporting)
            }
            (Some(name), None) => name.clone(),
        };
        let mapped = if c.mapped {
            format!(" {}", toned(paint, Tone::Dim, "[mapping]"))
        } else {
            String::new()
        };
        writeln!(
            out,
            "  {:>3}  {:<width$}  {target}{mapped}",
            c.position, c.header
        )?;
    }
    Ok(())
}

/// Writes the issues of a report: the errors, every one under its row; then the
/// warnings, each code on many rows once and the others under their rows; then
/// how to see everything, and, for a command that looks for a previous state but
/// has none, how to make the warnings exact.
///
/// # Errors
/// Whatever `out` returns.
pub fn write_issues(
    out: &mut dyn Write,
    report: &Report,
    ctx: &Context<'_>,
    paint: &dyn Paint,
) -> io::Result<()> {
    let lang = report.lang;
    let t = Words::of(lang);
    let digest = report.digest(ctx.all);
    let errors = report.errors() as u64;
    if errors > 0 {
        let rows = lang.number(digest.error_rows() as u64);
        let heading = (t.errors_heading)(
            &lang.number(errors),
            (digest.error_rows() > 0).then_some((rows.as_str(), digest.error_rows() == 1)),
            digest.file_errors() > 0,
        );
        writeln!(out, "\n{}", toned(paint, Tone::Bold, &heading))?;
        write_by_row(out, report, digest.errors(), paint)?;
    }
    let warnings = report.warnings() as u64;
    if warnings > 0 {
        let heading = (t.warnings_heading)(&lang.number(warnings));
        writeln!(out, "\n{}", toned(paint, Tone::Bold, &heading))?;
        write_groups(out, report, &digest, paint)?;
        write_by_row(out, report, digest.listed_warnings(), paint)?;
    }
    let previous_missing = ctx.previous.is_some_and(|p| !p.used());
    let hints: Vec<&str> = [
        (
            digest.needs_previous_state() && previous_missing,
            t.first_run,
        ),
        (digest.folded(), t.see_all),
    ]
    .into_iter()
    .filter_map(|(show, hint)| show.then_some(hint))
    .collect();
    if !hints.is_empty() {
        writeln!(out)?;
        for hint in hints {
            writeln!(out, "{hint}")?;
        }
    }
    Ok(())
}

/// Each warning code on many rows: its count and first rows, and what it means.
fn write_groups(
    out: &mut dyn Write,
    report: &Report,
    digest: &Digest<'_>,
    paint: &dyn Paint,
) -> io::Result<()> {
    let lang = report.lang;
    let t = Words::of(lang);
    for group in digest.groups() {
        let rows = group_line(report, group);
        let code = toned(paint, Tone::Dim, &format!("{:<30}", group.code.as_str()));
        let word = toned(paint, Tone::Warning, &format!("{:<8}", t.warning));
        writeln!(out, "  {word} {code} {rows}")?;
        writeln!(out, "  {:<8} {:<30} {}", "", "", group.code.about(lang))?;
    }
    Ok(())
}

/// A warning shown once, after its code: "on 30 rows: 3, 4, 5, 6, 7 and 25 more"
/// (addresses instead of rows for a warning about employees absent from the file).
pub(crate) fn group_line(report: &Report, group: &Group<'_>) -> String {
    let lang = report.lang;
    let t = Words::of(lang);
    let first: Vec<String> = group
        .first
        .iter()
        .map(|i| match (i.row, report.value_of(*i)) {
            (Some(row), _) => row.to_string(),
            (None, Some(value)) => value.to_owned(),
            (None, None) => "-".to_owned(),
        })
        .collect();
    let more = (group.rows > FEW).then(|| lang.number((group.rows - FEW) as u64));
    let by_row = group.first.iter().all(|i| i.row.is_some());
    let count = lang.number(group.rows as u64);
    (t.group)(&count, by_row, &first.join(", "), more.as_deref())
}

/// Issues under a heading per row (issues come in row order).
fn write_by_row<'r>(
    out: &mut dyn Write,
    report: &Report,
    issues: impl Iterator<Item = IssueRef<'r>>,
    paint: &dyn Paint,
) -> io::Result<()> {
    let t = Words::of(report.lang);
    let mut current: Option<Option<u64>> = None;
    for issue in issues {
        if current != Some(issue.row) {
            current = Some(issue.row);
            let heading = match issue.row {
                None => t.file.to_owned(),
                Some(r) if issue.code().scope() == Scope::Header => {
                    format!("{} {r} {}", t.row, t.header)
                }
                Some(r) => format!("{} {r}", t.row),
            };
            writeln!(out, "{}", toned(paint, Tone::Bold, &heading))?;
        }
        let (tone, word) = match issue.severity {
            Severity::Error => (Tone::Error, t.error),
            Severity::Warning => (Tone::Warning, t.warning),
        };
        writeln!(
            out,
            "  {} {} {}",
            toned(paint, tone, &format!("{word:<8}")),
            toned(paint, Tone::Dim, &format!("{:<30}", issue.code().as_str())),
            report.message_of(issue)
        )?;
    }
    Ok(())
}

/// The last line: valid (with the counts) or not.
///
/// # Errors
/// Whatever `out` returns.
pub fn write_verdict(out: &mut dyn Write, report: &Report, paint: &dyn Paint) -> io::Result<()> {
    let (tone, mark) = if report.valid() {
        (Tone::Ok, "✓")
    } else {
        (Tone::Error, "✗")
    };
    writeln!(out, "{} {}", toned(paint, tone, mark), verdict(report))
}

/// The verdict without its mark: "Valid: 6 rows without errors" or "Not valid: 1
/// error. Fix them before sending the file."
pub(crate) fn verdict(report: &Report) -> String {
    let t = Words::of(report.lang);
    let lang = report.lang;
    let counted = |count: u64, (one, many): (&str, &str)| {
        format!(
            "{} {}",
            lang.number(count),
            if count == 1 { one } else { many }
        )
    };
    let [row, error, warning] = t.nouns;
    if report.valid() {
        (t.valid)(
            &counted(report.rows, row),
            &counted(report.warnings() as u64, warning),
        )
    } else {
        (t.invalid)(&counted(report.errors() as u64, error))
    }
}

/// What an action does, with its dates in UTC.
fn action_detail(a: &Action, lang: Lang) -> String {
    let t = Words::of(lang);
    let changes = a.changes_text();
    match (a.kind, a.effective) {
        (ActionKind::Onboard, Some(Effective::Date(d))) => (t.active_from)(&d.to_string()),
        (ActionKind::Deactivate, Some(Effective::Instant(at))) => {
            let last = last_pickup_before_deactivation(at.date_naive())
                .map(|p| (t.last_pickup)(&schedule::when(lang, p.at)))
                .unwrap_or_default();
            let others = a
                .changes
                .iter()
                .filter(|c| c.field != "offboarding_date")
                .count();
            let also = if others > 0 {
                format!("; {changes}")
            } else {
                String::new()
            };
            let at = format!(
                "{} {:02}:{:02} UTC",
                at.date_naive(),
                at.hour(),
                at.minute()
            );
            format!("{}{last}{also}", (t.deactivated_at)(&at))
        }
        (ActionKind::Absent, _) => t.absent.to_owned(),
        _ => changes,
    }
}

#[cfg(test)]
mod tests;
