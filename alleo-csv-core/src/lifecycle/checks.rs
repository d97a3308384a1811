//! The first half of a diff: the stateless checks of every record (those of
//! `validate`), and the layout once the header is read.

use super::Previous;
use super::layout::Layout;
use crate::read::Record;
use crate::validate::Checker;

/// What the checks makes of a record.
pub(super) struct Checked {
    /// The layout, when this record was the header.
    pub(super) layout: Option<Layout>,
    /// An employee row for the planner to plan.
    pub(super) forward: bool,
}

/// The checks half: the stateless checks of every record.
#[derive(Debug)]
pub(super) struct Checks<'p> {
    pub(super) previous: &'p Previous,
    pub(super) checker: Checker,
    /// The layout has been made (from the header).
    pub(super) laid_out: bool,
}

impl Checks<'_> {
    pub(super) fn take(&mut self, r: &Record<'_>) -> Checked {
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
        Checked { layout, forward }
    }
}
