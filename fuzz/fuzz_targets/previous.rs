//! The previous-state reader: any bytes as the file last sent to Alleo, then
//! diffed against the same bytes as the new file (every employee unchanged),
//! and, when the input holds [`NEXT`], the part before it as the previous
//! state and the part after it as the new file (updates, deactivations, absent
//! employees). Diffed whole (two threads) and in chunks (one thread), the plan
//! must be the same (unless `FUZZ_NO_COMPARE=1`); both must render as CSV,
//! JSON and text.
#![no_main]

mod common;

use std::sync::LazyLock;

use alleo_csv_core::lifecycle::{Differ, Plan, PlanJson, Previous, diff};
use alleo_csv_core::text::{self, AsOf, Context, Plain, PlanActions, PreviousState};
use alleo_csv_core::{Config, Error, Options, sample};
use libfuzzer_sys::fuzz_target;

static CONFIG: LazyLock<Config> = LazyLock::new(sample::config);

/// Between the previous state and the new file, in an input that gives both.
const NEXT: &[u8] = b"\n#next-file#\n";

fn check(before: &[u8], now: &[u8]) {
    let previous = match Previous::read(before, &CONFIG) {
        Ok(previous) => previous,
        // No Email column: said, not a panic.
        Err(Error::Previous(_)) => return,
        Err(e) => panic!("Previous::read failed with in-memory IO: {e}"),
    };
    let _ = (previous.len(), previous.is_empty(), previous.repeated());
    let options = Options::new(common::as_of());
    let plan = diff(&previous, now, &CONFIG, options.clone())
        .expect("diff of an in-memory file cannot fail");

    let mut differ = Differ::new(&previous, &CONFIG, options);
    for chunk in common::chunks(now) {
        differ.feed(chunk);
    }
    let chunked = differ.finish();
    render(&plan, previous.len());
    render(&chunked, previous.len());
    if common::compare() {
        assert_eq!(plan.report, chunked.report, "reports differ");
        assert_eq!(plan.summary, chunked.summary, "counts differ");
        assert_eq!(plan.previous, chunked.previous, "previous sizes differ");
        if !chunked.actions.is_empty() {
            assert_eq!(plan.actions, chunked.actions, "actions differ");
        }
    }
}

fn render(plan: &Plan, employees: usize) {
    plan.write_csv(&mut Vec::new())
        .expect("writing CSV to memory cannot fail");
    let mut json = PlanJson::new(Vec::new());
    for action in &plan.actions {
        json.action(action);
    }
    json.finish(plan)
        .expect("writing JSON to memory cannot fail");
    let mut ctx = Context::new(None, AsOf::Given(common::as_of()));
    ctx.previous = Some(PreviousState::Given("previous.csv", employees));
    for all in [false, true] {
        let mut actions = PlanActions::new(all);
        for action in &plan.actions {
            actions.push(action.clone());
        }
        ctx.all = all;
        text::write_plan(&mut Vec::new(), plan, &actions, &ctx, &Plain)
            .expect("writing text to memory cannot fail");
    }
    common::render(&plan.report);
}

fuzz_target!(|data: &[u8]| {
    check(data, data);
    if let Some(at) = data.windows(NEXT.len()).position(|w| w == NEXT) {
        check(&data[..at], &data[at + NEXT.len()..]);
    }
});
