//! Suggesting the `alleo.toml` for an export: its `[mapping]`, `[input]` (with the
//! columns to leave out) and `[custom_fields]`.
//!
//! A suggestion is never applied by itself: it is text for the user to check and
//! put in `alleo.toml`. Each comes with a confidence and the reason, from the header
//! (English, Dutch and German names of Alleo's fields, and the headers of the HR
//! systems customers export from; see `names.rs`) and from the values under it: an
//! "Email consent" column holds yes and no, not addresses, so it is not offered as
//! the email. Every column ends up either mapped or left out (`[input] ignore`):
//! used as it stands, the suggestion transforms the export it was made from. A
//! column holding data Alleo must not receive is always left out, never offered as
//! a custom field; a column the suggestion is unsure of is left out, with the line
//! that would send it written commented out.

mod as_toml;
mod chosen;
mod names;
mod settings;
mod values;
mod words;

use serde::Serialize;

pub use self::chosen::Choices;
use self::values::Stats;
pub use self::values::{Evidence, ValueKind};
use crate::config::{Config, Target};
use crate::field::{FieldKey, normalize_header};
use crate::messages::Lang;
use crate::naming::{is_custom_name, suggest_custom_name};
use crate::rules::sensitive::{Sensitive, sensitive_header};
use crate::transform::Preview;

/// How sure a suggestion is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    /// Only a hint: written commented out.
    Low,
    /// Likely: a near spelling of a known name, or values that fit.
    Medium,
    /// A known name of the field, with values that fit (when there are any).
    High,
}

/// Why a column is suggested for a target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Reason {
    /// The header is already Alleo's name: no mapping is needed.
    AlleoName,
    /// The header is in the configuration's `[mapping]` already.
    AlreadyMapped,
    /// The header is a known name of the target in a language.
    Synonym {
        /// The language of the name.
        language: Lang,
    },
    /// The header is the target's name in an HR system's export.
    HrSystem {
        /// The system.
        system: String,
    },
    /// The header is spelled close to a known name of the target.
    Similar {
        /// The known name.
        to: String,
    },
    /// A word of the header is a known name of the target.
    Contains {
        /// The word.
        word: String,
    },
    /// Nothing in the header names a target, but the values are of the target's
    /// kind (email addresses).
    ValuesOnly,
    /// No Alleo field matches: a custom field, if Alleo should have the column at
    /// all.
    Custom,
    /// Another column is the better match for the same target.
    Taken {
        /// That column's header.
        by: String,
    },
}

/// Why a column is suggested to be left out of the file sent (`[input] ignore`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum LeaveOut {
    /// It holds data Alleo must not receive.
    Sensitive {
        /// What makes it sensitive.
        reason: Sensitive,
    },
    /// It is a known column that is not for Alleo (a private email address).
    NotForAlleo,
    /// No Alleo field matches it: sending it would be a decision (the line that
    /// would, as a custom field, is written commented out).
    NoMatch,
    /// What it holds is unsure, or another column is the better match: it is left
    /// out until decided (the line that would send it is written commented out).
    Undecided,
}

/// The suggestion for one column. Its JSON has `apply` beside the fields, so that
/// every front says alike which lines are suggested as they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnSuggestion {
    /// 1-based column position.
    pub position: usize,
    /// The header as written.
    pub header: String,
    /// The suggested target, if any (for a column left out: the target it would
    /// have, written commented out).
    pub target: Option<Target>,
    /// How sure the suggestion is.
    pub confidence: Confidence,
    /// Why.
    pub reason: Reason,
    /// What the values say, when they were looked at.
    pub evidence: Option<Evidence>,
    /// Whether `[mapping]` needs a line for it (false for Alleo's own names).
    pub needed: bool,
    /// Why it is left out of the file sent, when it is.
    pub leave_out: Option<LeaveOut>,
}

impl Serialize for ColumnSuggestion {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("ColumnSuggestion", 9)?;
        s.serialize_field("position", &self.position)?;
        s.serialize_field("header", &self.header)?;
        s.serialize_field("target", &self.target)?;
        s.serialize_field("confidence", &self.confidence)?;
        s.serialize_field("reason", &self.reason)?;
        s.serialize_field("evidence", &self.evidence)?;
        s.serialize_field("needed", &self.needed)?;
        s.serialize_field("leave_out", &self.leave_out)?;
        s.serialize_field("apply", &self.apply())?;
        s.end()
    }
}

impl ColumnSuggestion {
    /// Whether the mapping line is suggested as is; false: written commented out,
    /// for the user to decide (the column is then left out).
    pub fn apply(&self) -> bool {
        self.needed
            && self.target.is_some()
            && self.confidence > Confidence::Low
            && self.leave_out.is_none()
    }
}

/// A suggested setting of `[input]` or `[custom_fields]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Setting {
    /// The key.
    pub key: String,
    /// The value, written as TOML.
    pub value: String,
    /// Why, in the words of [`Suggestions::to_toml`]'s language.
    pub note: String,
    /// Whether it is suggested as is (false: commented out).
    pub apply: bool,
    /// The column (1-based) whose values it was read from, for a
    /// `[custom_fields]` type: it holds for that column only.
    #[serde(skip)]
    pub column: Option<usize>,
}

/// Everything suggested for one export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suggestions {
    /// One per column, in the export's order.
    pub columns: Vec<ColumnSuggestion>,
    /// `[input]` settings that differ from the defaults (the columns to leave out
    /// are in `columns`).
    pub input: Vec<Setting>,
    /// `[custom_fields]` types for the custom fields suggested.
    pub custom_fields: Vec<Setting>,
    /// The dialect the configuration suggested under sets (delimiter, encoding,
    /// date format), as `alleo.toml` writes it: a choice the export's values do
    /// not decide keeps it (see [`Suggestions::choices`]). Not in the JSON: it
    /// is in `choices`.
    #[serde(skip)]
    saved: [Option<String>; 3],
}

/// Suggests a mapping for headers alone (no values to look at).
///
/// ```
/// use alleo_csv_core::{Config, Lang, mapping::{suggest_headers, Confidence}};
/// let headers = ["E-mailadres".into(), "Email consent".into(), "BSN".into()];
/// let s = suggest_headers(&headers, &Config::default(), Lang::En).columns;
/// assert_eq!(s[0].target.as_ref().unwrap().name(), "email");
/// assert_eq!(s[0].confidence, Confidence::High);
/// assert!(!s[1].apply() && s[1].leave_out.is_some());
/// assert!(s[2].target.is_none() && s[2].leave_out.is_some(), "never a custom field");
/// ```
pub fn suggest_headers(headers: &[String], config: &Config, lang: Lang) -> Suggestions {
    let preview = Preview {
        headers: headers.to_vec(),
        ..Preview::default()
    };
    suggest(&preview, config, lang)
}

/// [`Suggestions`] with the TOML [`Suggestions::to_toml`] writes: what every front
/// gives as the suggestion's JSON (`columns`, `input`, `custom_fields`, `toml`).
#[derive(Debug, Clone, Serialize)]
pub struct Suggested<'s> {
    #[serde(flatten)]
    suggestions: &'s Suggestions,
    /// The sections as `alleo.toml` text.
    toml: String,
    /// Each column's note, in column order (see [`Suggestions::notes`]).
    notes: Vec<String>,
    /// Whether the file is an HR export to transform rather than an Alleo file
    /// to check (see [`Suggestions::is_export`]).
    export: bool,
    /// The choices as suggested, for a mapping step (see [`Suggestions::choices`]).
    choices: Choices,
}

impl Suggestions {
    /// The suggestions with their TOML, for the export named `source` (`-`: none).
    pub fn with_toml(&self, source: &str, lang: Lang) -> Suggested<'_> {
        Suggested {
            suggestions: self,
            toml: self.to_toml(source, lang),
            notes: self.notes(lang),
            export: self.is_export(),
            choices: self.choices(),
        }
    }

    /// Whether the file these suggestions are for is an HR export to transform,
    /// not an Alleo file to check: its delimiter or encoding is not Alleo's, or
    /// most of its columns need a `[mapping]` line or are left out. (A date or a
    /// decimal written another way is a mistake in an Alleo file, to report.)
    pub fn is_export(&self) -> bool {
        let dialect = self
            .input
            .iter()
            .any(|s| s.apply && (s.key == "delimiter" || s.key == "encoding"));
        let mapped = self
            .columns
            .iter()
            .filter(|c| c.apply() || c.leave_out.is_some())
            .count();
        dialect || mapped * 2 > self.columns.len()
    }
}

/// Suggests the `[mapping]`, `[input]` and `[custom_fields]` for an export from its
/// header and first rows (see [`preview`](crate::transform::preview)). Notes are
/// written in `lang`.
pub fn suggest(preview: &Preview, config: &Config, lang: Lang) -> Suggestions {
    let stats: Vec<Stats> = (0..preview.headers.len())
        .map(|i| {
            Stats::of(
                preview
                    .rows
                    .iter()
                    .filter_map(|r| r.get(i).map(String::as_str)),
            )
        })
        .collect();
    let system = names::system_of(&preview.headers);
    let mut columns: Vec<ColumnSuggestion> = preview
        .headers
        .iter()
        .zip(&stats)
        .enumerate()
        .map(|(i, (header, stats))| column(i, header, stats, config, system))
        .collect();
    settle_conflicts(&mut columns);
    for c in &mut columns {
        let sent = !c.needed || c.apply();
        if !sent && c.leave_out.is_none() && c.target.is_some() {
            c.leave_out = Some(if c.reason == Reason::Custom {
                LeaveOut::NoMatch
            } else {
                LeaveOut::Undecided
            });
        }
    }
    let input = settings::input(preview, &stats, &columns, lang);
    let custom_fields = settings::custom_fields(&columns, &stats, config, lang);
    let saved = &config.input;
    Suggestions {
        columns,
        input,
        custom_fields,
        saved: [
            saved.delimiter.map(String::from),
            saved.encoding.map(|e| e.name().to_owned()),
            saved.date_format.as_ref().map(|f| f.pattern().to_owned()),
        ],
    }
}

/// The suggestion for one header, before conflicts are settled.
fn column(
    i: usize,
    header: &str,
    stats: &Stats,
    config: &Config,
    system: Option<&names::System>,
) -> ColumnSuggestion {
    let mut s = ColumnSuggestion {
        position: i + 1,
        header: header.to_owned(),
        target: None,
        confidence: Confidence::Low,
        reason: Reason::Custom,
        evidence: None,
        needed: true,
        leave_out: None,
    };
    let folded = normalize_header(header);
    if folded.is_empty() {
        // No header: left out by the transform while it holds no values.
        return s;
    }
    if let Some(t) = config
        .mapping
        .0
        .iter()
        .find(|(k, _)| normalize_header(k) == folded)
        .map(|(_, t)| t.clone())
    {
        s.evidence = stats.evidence_for(&t);
        (s.target, s.confidence, s.reason) = (Some(t), Confidence::High, Reason::AlreadyMapped);
        return s;
    }
    let allowed = config.safety.allows_sensitive(header);
    if let Some(reason) = sensitive_header(header).filter(|_| !allowed) {
        s.leave_out = Some(LeaveOut::Sensitive { reason });
        return s;
    }
    if let Some(f) = FieldKey::from_header(header) {
        s.evidence = stats.evidence_for(&Target::Field(f));
        (s.target, s.confidence, s.reason) =
            (Some(Target::Field(f)), Confidence::High, Reason::AlleoName);
        s.needed = false;
        return s;
    }
    if is_custom_name(header.trim()) {
        (s.target, s.confidence, s.reason) = (
            Some(Target::Custom(header.trim().to_owned())),
            Confidence::High,
            Reason::AlleoName,
        );
        s.needed = false;
        return s;
    }
    if let Some(reason) = stats.sensitive.verdict().filter(|_| !allowed) {
        s.leave_out = Some(LeaveOut::Sensitive { reason });
        return s;
    }
    let known = names::by_name(header, system);
    if let Some((Err(()), confidence, reason)) = &known {
        (s.confidence, s.reason) = (*confidence, reason.clone());
        s.leave_out = Some(LeaveOut::NotForAlleo);
        return s;
    }
    let (target, confidence, reason) = match known {
        Some((Ok(target), confidence, reason)) => (target, confidence, reason),
        _ if stats.emails > 0 && stats.emails * 10 >= stats.filled * 9 => (
            Target::Field(FieldKey::Email),
            Confidence::Medium,
            Reason::ValuesOnly,
        ),
        _ => {
            let custom = suggest_custom_name(header).unwrap_or_else(|| "custom_column".to_owned());
            (Target::Custom(custom), Confidence::Low, Reason::Custom)
        }
    };
    s.evidence = stats.evidence_for(&target);
    s.confidence = match (s.evidence.map(Evidence::share), &reason) {
        (_, Reason::Custom) => Confidence::Low,
        (Some(share), _) if share < 0.5 => Confidence::Low,
        (Some(share), Reason::Similar { .. }) if share >= 0.9 => Confidence::High,
        _ => confidence,
    };
    (s.target, s.reason) = (Some(target), reason);
    s
}

/// One column per target: the most confident keeps it (then the one whose values
/// fit best, then the first); the others are marked taken.
fn settle_conflicts(columns: &mut [ColumnSuggestion]) {
    for i in 0..columns.len() {
        let Some(target) = columns[i].target.clone() else {
            continue;
        };
        let rank = |c: &ColumnSuggestion| {
            (
                c.confidence,
                c.evidence.map_or(0, |e| e.matching),
                std::cmp::Reverse(c.position),
            )
        };
        let best = columns
            .iter()
            .filter(|c| c.target.as_ref() == Some(&target))
            .max_by_key(|c| rank(c))
            .map(|c| (c.position, c.header.clone()));
        if let Some((position, by)) = best
            && position != columns[i].position
        {
            columns[i].confidence = Confidence::Low;
            columns[i].reason = Reason::Taken { by };
        }
    }
}

#[cfg(test)]
mod tests;
