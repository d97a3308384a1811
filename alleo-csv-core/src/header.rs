//! The header row: which column holds which field (SPEC section 2).

use std::collections::HashMap;

use serde::Serialize;

use crate::config::{Config, CustomType, Target};
use crate::did_you_mean::closest;
use crate::field::{FieldKey, normalize_header};
use crate::issue::{Detail, Issue};
use crate::issues::Cell;
use crate::naming::{is_custom_name, reporting_name, suggest_custom_name, upload_name};
use crate::rules::sensitive::{ValueCounts, sensitive_header};

/// What one column of the file was understood to be, for the column summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ColumnSummary {
    /// 1-based column position.
    pub position: usize,
    /// The header as written.
    pub header: String,
    /// The field key or custom field name it holds; `None` when the column is not
    /// used (unknown, duplicate or badly named).
    pub target: Option<String>,
    /// The declared type, for custom fields.
    pub custom_type: Option<CustomType>,
    /// The name Alleo's reporting shows, for custom fields (`alleo_custom_...`).
    pub reporting_name: Option<String>,
    /// Whether the column was matched through `[mapping]`.
    pub mapped: bool,
    /// Whether the column is left out of the file sent (`[input] ignore`; only
    /// when an export is transformed).
    pub ignored: bool,
}

impl ColumnSummary {
    /// The column at index `i`, not used (the fields of a used one are set over it).
    fn unused(i: usize, header: &str) -> ColumnSummary {
        ColumnSummary {
            position: i + 1,
            header: header.to_owned(),
            target: None,
            custom_type: None,
            reporting_name: None,
            mapped: false,
            ignored: false,
        }
    }
}

/// How a column's values are checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Slot {
    Field(FieldKey),
    Custom(CustomType),
    /// Not checked: the header already has an issue.
    Skip,
}

/// The resolved header.
#[derive(Debug, Default)]
pub(crate) struct Columns {
    pub slots: Vec<Slot>,
    pub summaries: Vec<ColumnSummary>,
    /// Column index of each Alleo field, by `FieldKey as usize`.
    pub field_index: [Option<usize>; FieldKey::ALL.len()],
    /// Whether the values of each column are counted, to tell whether it holds
    /// sensitive numbers: the columns not left out (sent ones and unknown ones),
    /// neither found sensitive by their name already nor allowed (`[safety]
    /// allow_sensitive`).
    pub watched: Vec<bool>,
}

impl Columns {
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    /// Column `i` of spreadsheet row `row`, for locating an issue.
    pub fn cell(&self, row: u64, i: usize) -> Cell<'_> {
        let s = &self.summaries[i];
        Cell {
            row,
            position: i,
            header: &s.header,
            field: s.target.as_deref(),
        }
    }

    /// The `sensitive-data` issue of column `i`, when `counts` (its values) say
    /// it holds national ID numbers, bank accounts or tax IDs nearly throughout.
    pub fn sensitive_issue(&self, i: usize, counts: &ValueCounts) -> Option<Issue> {
        let reason = counts.verdict()?;
        let s = &self.summaries[i];
        let issue = Issue::new(Detail::SensitiveData { reason });
        Some(issue.in_column(i, &s.header, s.target.as_deref()))
    }
}

/// The mapping with its keys folded like headers, built once per run, and the
/// columns left out (`[input] ignore`) when an export is read.
#[derive(Debug, Default)]
pub(crate) struct HeaderMap {
    targets: HashMap<String, Target>,
    ignored: Vec<String>,
    /// An export is read: a column without a header is left out (while it holds
    /// no values; the transform checks that).
    export: bool,
}

impl HeaderMap {
    /// The mapping of a file to send: `[input] ignore` does not apply to it.
    pub fn new(config: &Config) -> HeaderMap {
        HeaderMap {
            targets: config
                .mapping
                .0
                .iter()
                .map(|(k, t)| (normalize_header(k), t.clone()))
                .collect(),
            ignored: Vec::new(),
            export: false,
        }
    }

    /// The mapping of an export to transform: `[input] ignore` leaves columns out.
    pub fn of_export(config: &Config) -> HeaderMap {
        HeaderMap {
            ignored: config
                .input
                .ignore
                .iter()
                .map(|h| normalize_header(h))
                .filter(|h| !h.is_empty())
                .collect(),
            export: true,
            ..HeaderMap::new(config)
        }
    }
}

/// Resolves the header row (`row` is its spreadsheet row) into columns and the
/// header issues: unknown, badly named and duplicate columns, missing required ones.
pub(crate) fn resolve(
    headers: &[String],
    map: &HeaderMap,
    config: &Config,
    row: u64,
) -> (Columns, Vec<Issue>) {
    let mut columns = Columns::default();
    let mut issues = Vec::new();
    let mut first_with: HashMap<String, usize> = HashMap::new();
    for (i, header) in headers.iter().enumerate() {
        let folded = normalize_header(header);
        if map.ignored.contains(&folded) || (map.export && folded.is_empty()) {
            columns.summaries.push(ColumnSummary {
                ignored: true,
                ..ColumnSummary::unused(i, header)
            });
            columns.slots.push(Slot::Skip);
            columns.watched.push(false);
            continue;
        }
        let (target, mapped) = match map.targets.get(&folded) {
            Some(t) => (Some(t.clone()), true),
            None => (target_of(header), false),
        };
        let at = |detail| Issue::new(detail).at_row(row).in_column(i, header, None);
        let mut named_sensitive = false;
        let slot = match &target {
            // A column that names sensitive data: what matters is that it is never
            // sent, not how it could be named.
            None if !config.safety.allows_sensitive(header)
                && let Some(reason) = sensitive_header(header) =>
            {
                issues
                    .push(Issue::new(Detail::SensitiveData { reason }).in_column(i, header, None));
                named_sensitive = true;
                Slot::Skip
            }
            None => {
                issues.push(at(header_problem(header, i)));
                Slot::Skip
            }
            Some(t) => {
                if let Some(&first) = first_with.get(t.name()) {
                    issues.push(at(Detail::DuplicateColumn {
                        first: headers[first].clone(),
                    }));
                    Slot::Skip
                } else {
                    first_with.insert(t.name().to_owned(), i);
                    match t {
                        Target::Field(f) => {
                            columns.field_index[*f as usize] = Some(i);
                            Slot::Field(*f)
                        }
                        Target::Custom(name) => Slot::Custom(config.custom_fields.type_of(name)),
                    }
                }
            }
        };
        let used = slot != Slot::Skip;
        let sent = target.as_ref().map_or(header.as_str(), Target::name);
        let allowed =
            config.safety.allows_sensitive(header) || config.safety.allows_sensitive(sent);
        let by_name = (used && !allowed)
            .then(|| sensitive_header(header).or_else(|| sensitive_header(sent)))
            .flatten();
        if let Some(reason) = by_name {
            issues.push(Issue::new(Detail::SensitiveData { reason }).in_column(
                i,
                header,
                Some(sent),
            ));
        }
        // Values are looked at in every column that is not left out, unknown ones
        // too: "holds citizen service numbers" is what the user must hear there,
        // not only "rename it custom_".
        columns
            .watched
            .push(!allowed && !named_sensitive && by_name.is_none());
        columns.summaries.push(match (&target, slot) {
            (Some(t), Slot::Field(_) | Slot::Custom(_)) => ColumnSummary {
                target: Some(t.name().to_owned()),
                custom_type: match slot {
                    Slot::Custom(ty) => Some(ty),
                    _ => None,
                },
                reporting_name: match t {
                    Target::Custom(name) => reporting_name(name),
                    Target::Field(_) => None,
                },
                mapped,
                ..ColumnSummary::unused(i, header)
            },
            _ => ColumnSummary {
                mapped,
                ..ColumnSummary::unused(i, header)
            },
        });
        columns.slots.push(slot);
    }
    for field in FieldKey::ALL.into_iter().filter(|f| f.is_required()) {
        if columns.field_index[field as usize].is_none() {
            let mut issue = Issue::new(Detail::MissingColumn { field });
            issue.field = Some(field.key().to_owned());
            issues.push(issue);
        }
    }
    (columns, issues)
}

/// The target a header names by itself: an Alleo field or a valid custom name.
fn target_of(header: &str) -> Option<Target> {
    if let Some(f) = FieldKey::from_header(header) {
        return Some(Target::Field(f));
    }
    let trimmed = header.trim();
    is_custom_name(trimmed).then(|| Target::Custom(trimmed.to_owned()))
}

/// Why a header that names nothing is wrong.
fn header_problem(header: &str, i: usize) -> Detail {
    let trimmed = header.trim();
    if let Some(upload) = upload_name(trimmed) {
        return Detail::CustomFieldName {
            suggestion: Some(upload.to_owned()),
            reporting: true,
        };
    }
    let folded = normalize_header(trimmed);
    if folded.starts_with("custom") || folded.starts_with("alleo_custom") {
        return Detail::CustomFieldName {
            suggestion: suggest_custom_name(trimmed),
            reporting: false,
        };
    }
    let labels = FieldKey::ALL.map(FieldKey::label);
    let suggestion = closest(trimmed, labels)
        .or_else(|| {
            closest(&folded, FieldKey::ALL.map(FieldKey::key))
                .and_then(|k| FieldKey::from_header(k).map(FieldKey::label))
        })
        .map(str::to_owned);
    Detail::UnknownColumn {
        position: i + 1,
        suggestion,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::code::Code;

    fn resolve_str(header: &str, config: &Config) -> (Columns, Vec<(Code, Option<String>)>) {
        let headers: Vec<String> = header.split(',').map(str::to_owned).collect();
        let (cols, issues) = resolve(&headers, &HeaderMap::new(config), config, 1);
        (
            cols,
            issues.into_iter().map(|i| (i.code(), i.column)).collect(),
        )
    }

    #[test]
    fn canonical_headers_resolve() {
        let (cols, issues) = resolve_str(
            "Email,First name,last_name,PREFIX,custom_fte",
            &Config::default(),
        );
        assert!(issues.is_empty(), "{issues:?}");
        assert_eq!(cols.field_index[FieldKey::LastName as usize], Some(2));
        assert_eq!(
            cols.summaries[4].reporting_name.as_deref(),
            Some("alleo_custom_fte")
        );
    }

    #[test]
    fn header_problems() {
        let (_, issues) = resolve_str(
            "Emial,First name,First_Name,custom_FTE,alleo_custom_id,",
            &Config::default(),
        );
        let codes: Vec<Code> = issues.iter().map(|(c, _)| *c).collect();
        assert_eq!(
            codes,
            [
                Code::UnknownColumn,
                Code::DuplicateColumn,
                Code::CustomFieldName,
                Code::CustomFieldName,
                Code::UnknownColumn,
                Code::MissingColumn,
                Code::MissingColumn
            ]
        );
    }

    #[test]
    fn mapping_wins_and_counts_for_duplicates() {
        let config: Config = toml::from_str(
            "[mapping]\n\"E-mailadres\" = \"email\"\n\"Personeelsnummer\" = \"custom_employee_id\"",
        )
        .unwrap();
        let (cols, issues) = resolve_str(
            "E-mailadres,Voornaam,Last name,Personeelsnummer,Email",
            &config,
        );
        let codes: Vec<Code> = issues.iter().map(|(c, _)| *c).collect();
        assert_eq!(
            codes,
            [
                Code::UnknownColumn,
                Code::DuplicateColumn,
                Code::MissingColumn
            ]
        );
        assert!(cols.summaries[0].mapped);
        assert_eq!(
            cols.summaries[3].target.as_deref(),
            Some("custom_employee_id")
        );
    }
}
