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

mod checks;
mod layout;
mod plan;
mod planner;
mod previous;
mod verdict;

use std::collections::{HashMap, VecDeque};
use std::io::Read;

use self::checks::Checks;
#[cfg(not(target_family = "wasm"))]
use self::layout::Layout;
pub use self::plan::{Action, ActionCsv, ActionKind, Counts, Effective, FieldChange, Plan};
use self::planner::{ActionSink, Planner};
pub use self::previous::Previous;
use crate::code::Code;
use crate::config::Config;
use crate::error::Result;
#[cfg(not(target_family = "wasm"))]
use crate::issue::Issue;
use crate::issues::Issues;
pub use crate::json::PlanJson;
use crate::options::Options;
use crate::read::{Record, RecordReader};
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
        checks,
        mut planner,
    } = Differ::new(previous, config, options);
    planner.each = Some(ActionSink(each));
    #[cfg(not(target_family = "wasm"))]
    {
        let (checks, planner) = two_threads(reader, records, checks, planner)?;
        Ok(planner.finish(checks.checker))
    }
    #[cfg(target_family = "wasm")]
    {
        let mut differ = Differ {
            records,
            checks,
            planner,
        };
        crate::read::read_chunks(reader, |chunk| {
            differ.feed(chunk);
            std::ops::ControlFlow::Continue(())
        })?;
        Ok(differ.finish())
    }
}

/// Parses and checks on this thread (the checks), and looks up, compares and plans
/// on a second one (the planner): each row crosses once, in a batch per chunk, through
/// a channel of at most four batches.
#[cfg(not(target_family = "wasm"))]
fn two_threads<'p, R: Read>(
    reader: R,
    mut records: RecordReader,
    mut checks: Checks<'p>,
    mut planner: Planner<'p>,
) -> Result<(Checks<'p>, Planner<'p>)> {
    use std::sync::mpsc;

    use crate::read::RecordBatch;

    /// One chunk's rows for the planner, their issues that wait for the previous
    /// state's verdict, and the layout when the header was in this chunk.
    type Load = (RecordBatch, Vec<Issue>, Option<Layout>);
    let (full, loads) = mpsc::sync_channel::<Load>(4);
    let (spare, emptied) = mpsc::channel::<RecordBatch>();
    std::thread::scope(|scope| {
        let planning = scope.spawn(move || {
            for (mut batch, held, layout) in loads {
                if layout.is_some() {
                    planner.columns = layout;
                }
                planner.held.extend(held);
                planner.batch(&batch);
                batch.clear();
                let _ = spare.send(batch);
            }
            planner
        });
        let mut batch = RecordBatch::default();
        let mut layout = None;
        let mut held = Vec::new();
        let mut take = |r: &Record<'_>,
                        batch: &mut RecordBatch,
                        held: &mut Vec<Issue>,
                        layout: &mut Option<Layout>| {
            let taken = checks.take(r);
            checks.checker.move_held(held);
            if taken.layout.is_some() {
                *layout = taken.layout;
            }
            if taken.forward {
                batch.push(r);
            }
        };
        // What a chunk (or the end) completed, to the planning thread.
        let hand_over =
            |batch: &mut RecordBatch, held: &mut Vec<Issue>, layout: &mut Option<Layout>| {
                if !batch.is_empty() || layout.is_some() {
                    let next = emptied.try_recv().unwrap_or_default();
                    let load = (
                        std::mem::replace(batch, next),
                        std::mem::take(held),
                        layout.take(),
                    );
                    // Fails only if the planner is gone; join() says why.
                    let _ = full.send(load);
                }
            };
        let read = crate::read::read_chunks(reader, |chunk| {
            records.feed(chunk, &mut |r| take(r, &mut batch, &mut held, &mut layout));
            hand_over(&mut batch, &mut held, &mut layout);
            std::ops::ControlFlow::Continue(())
        });
        if read.is_ok() {
            records.finish(&mut |r| take(r, &mut batch, &mut held, &mut layout));
            hand_over(&mut batch, &mut held, &mut layout);
        }
        drop(full);
        let planner = planning
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        read.map(|()| (checks, planner))
    })
}

/// A diff fed in chunks (a browser stream); the plan does not depend on where the
/// chunks are cut.
#[derive(Debug)]
pub struct Differ<'p> {
    records: RecordReader,
    checks: Checks<'p>,
    planner: Planner<'p>,
}

impl<'p> Differ<'p> {
    /// A diff of one file against `previous` (see [`diff`]).
    pub fn new(previous: &'p Previous, config: &Config, options: Options) -> Differ<'p> {
        let (as_of, allow) = (options.as_of, options.allow_deactivations);
        Differ {
            records: RecordReader::new(),
            checks: Checks {
                previous,
                checker: Checker::new(config, options).holding_back(Code::needs_previous_state),
                laid_out: false,
            },
            planner: Planner {
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
            checks,
            planner,
        } = self;
        records.feed(chunk, &mut |r| one_record(checks, planner, r));
    }

    /// Ends the file and returns the plan.
    pub fn finish(mut self) -> Plan {
        let Differ {
            records,
            checks,
            planner,
        } = &mut self;
        records.finish(&mut |r| one_record(checks, planner, r));
        self.planner.finish(self.checks.checker)
    }
}

/// A record through both halves, on one thread.
fn one_record(checks: &mut Checks<'_>, planner: &mut Planner<'_>, r: &Record<'_>) {
    let taken = checks.take(r);
    if taken.layout.is_some() {
        planner.columns = taken.layout;
    }
    let mut held = Vec::new();
    checks.checker.move_held(&mut held);
    planner.held.extend(held);
    if taken.forward {
        planner.record(r);
    }
}

#[cfg(test)]
mod tests;
