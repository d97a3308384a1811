//! What the rules find in a row, apart from storing it: a pure function of the row,
//! so that either thread of a check can work it out. The checking thread stores
//! what was found (issues, addresses for uniqueness, value counts); the reading
//! thread finds it ahead: `validate`'s for a whole batch when the checking thread
//! falls behind, the transform's for each row as it repairs it.

use std::borrow::Cow;

use super::cells::{RowDates, Rules};
use crate::field::FieldKey;
use crate::header::{Columns, Slot};
use crate::issue::Detail;
#[cfg(not(target_family = "wasm"))]
use crate::read::RecordBatch;
use crate::rules::sensitive::ValueCounts;
use crate::unique::hash_of;

/// One thing the rules found in a row, in the order a row's cells are read.
#[derive(Debug)]
pub(crate) enum Finding {
    /// An issue with the cell in this column.
    Issue { column: usize, detail: Detail },
    /// A valid address in this column, with the hash uniqueness keeps of it.
    Email { column: usize, hash: u128 },
}

/// The rules of a file's rows, once its header is known: everything finding
/// needs, and nothing that changes as rows are read.
#[derive(Debug)]
pub(crate) struct Finder {
    rules: Rules,
    slots: Vec<Slot>,
    watched: Vec<bool>,
}

impl Finder {
    pub(super) fn new(rules: &Rules, columns: &Columns) -> Finder {
        Finder {
            rules: rules.clone(),
            slots: columns.slots.clone(),
            watched: columns.watched.clone(),
        }
    }

    /// The kind of each column.
    #[cfg(not(target_family = "wasm"))]
    pub(crate) fn slots(&self) -> &[Slot] {
        &self.slots
    }

    /// The number of columns a row must have.
    #[cfg(not(target_family = "wasm"))]
    pub(crate) fn len(&self) -> usize {
        self.slots.len()
    }

    /// Appends to `found` what the rules find in a row of [`Finder::len`] values
    /// (`field(i)` is the value of column `i`), and counts the values of the
    /// watched columns into `values`.
    pub(super) fn row<'a>(
        &self,
        field: impl Fn(usize) -> Cow<'a, str>,
        values: &mut [ValueCounts],
        found: &mut Vec<Finding>,
    ) {
        let mut dates = RowDates::default();
        for (column, &slot) in self.slots.iter().enumerate() {
            let watched = self.watched[column];
            if slot == Slot::Skip && !watched {
                continue;
            }
            // Read once: a cell is both counted (sensitive numbers) and checked.
            let value = field(column);
            if watched && let Some(counts) = values.get_mut(column) {
                counts.add(&value);
            }
            if slot == Slot::Skip {
                continue;
            }
            match self.rules.cell(slot, &value, column, &mut dates) {
                Some(detail) => found.push(Finding::Issue { column, detail }),
                None if slot == Slot::Field(FieldKey::Email) => found.push(Finding::Email {
                    column,
                    hash: hash_of(&value),
                }),
                None => {}
            }
        }
        if let (Some(onboarding), Some((offboarding, column))) =
            (dates.onboarding, dates.offboarding)
            && offboarding <= onboarding
        {
            let detail = Detail::OffboardingBeforeOnboarding {
                onboarding: onboarding.date(),
            };
            found.push(Finding::Issue { column, detail });
        }
    }
}

/// What was found ahead in the rows of one batch of records: by the reading
/// thread of a check, or of a transform (in the rows as repaired).
#[cfg(not(target_family = "wasm"))]
#[derive(Debug, Default)]
pub(crate) struct Ahead {
    /// For each record of the batch, in order: where its findings lie in
    /// `found`, or `None` for one not looked at (a blank row, a row of the wrong
    /// length, one with a quote never closed: the checker reads those itself).
    /// Empty: nothing was found ahead.
    spans: Vec<Option<(usize, usize)>>,
    found: Vec<Finding>,
    /// The counts of the watched columns' values in the rows looked at.
    values: Vec<ValueCounts>,
}

#[cfg(not(target_family = "wasm"))]
impl Ahead {
    /// Forgets what was found, keeping the memory.
    pub(crate) fn clear(&mut self) {
        self.spans.clear();
        self.found.clear();
        self.values.clear();
    }

    /// Finds what the rules find in each record of `batch`, which all come after
    /// the header `finder` was made from.
    pub(super) fn find(&mut self, finder: &Finder, batch: &RecordBatch) {
        self.begin(finder);
        batch.for_each(&mut |r| {
            let looked = r.len() == finder.len() && !r.open_quote && !super::is_blank_record(r);
            let decoded = looked.then(|| r.decoded());
            let field = decoded
                .as_ref()
                .map(|decoded| |i: usize| Cow::Borrowed(decoded.field(i)));
            self.push(finder, field);
        });
    }

    /// Forgets what was found, to find it in a new batch of rows after the
    /// header `finder` was made from.
    pub(crate) fn begin(&mut self, finder: &Finder) {
        self.clear();
        self.values.resize(finder.len(), ValueCounts::default());
    }

    /// Finds what the rules find in the next record of the batch, a row of
    /// [`Finder::len`] values that `field` gives, or leaves it to the checker
    /// (`None`: a blank row, a row of the wrong length).
    pub(crate) fn push<'a>(
        &mut self,
        finder: &Finder,
        field: Option<impl Fn(usize) -> Cow<'a, str>>,
    ) {
        let span = field.map(|field| {
            let start = self.found.len();
            finder.row(field, &mut self.values, &mut self.found);
            (start, self.found.len())
        });
        self.spans.push(span);
    }

    /// The hashes of the valid addresses found, for the uniqueness check.
    pub(crate) fn email_hashes(&self) -> impl Iterator<Item = u128> + '_ {
        self.found.iter().filter_map(|f| match *f {
            Finding::Email { hash, .. } => Some(hash),
            Finding::Issue { .. } => None,
        })
    }

    /// Whether anything was found ahead.
    pub(crate) fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// What was found in the `index`th record of the batch, if it was looked at.
    pub(crate) fn of(&self, index: usize) -> Option<&[Finding]> {
        let (start, end) = (*self.spans.get(index)?)?;
        self.found.get(start..end)
    }

    /// The value counts of the rows looked at.
    pub(crate) fn values(&self) -> &[ValueCounts] {
        &self.values
    }
}
