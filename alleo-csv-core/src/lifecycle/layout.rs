//! Where the fields the lifecycle rules read are, in the file and in the previous
//! state.

use super::Previous;
use crate::field::FieldKey;
use crate::issues::Cell;

impl Layout {
    /// Column `i` of spreadsheet row `row`, for locating an issue.
    pub(super) fn cell(&self, row: u64, i: usize) -> Cell<'_> {
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
    pub(super) fn of(columns: &crate::header::Columns, previous: &Previous) -> Option<Layout> {
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
pub(super) struct Layout {
    /// The header and field of each column, for locating issues.
    pub(super) names: Vec<(String, Option<String>)>,
    /// For each column of the file: the same field's column in the previous state.
    pub(super) previous: Vec<Option<usize>>,
    /// The previous state has the file's columns, in the file's order: a row that
    /// is byte for byte the previous one is unchanged.
    pub(super) unchanged_columns: bool,
    /// The file's column of each of: email, first name, last name, birthday,
    /// onboarding date, offboarding date.
    pub(super) email: usize,
    pub(super) first_name: Option<usize>,
    pub(super) last_name: Option<usize>,
    pub(super) birthday: Option<usize>,
    pub(super) onboarding: Option<usize>,
    pub(super) offboarding: Option<usize>,
}
