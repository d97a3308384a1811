//! The Alleo fields (SPEC section 2) and how headers are matched to them.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

/// One of the fields Alleo knows, in the order of SPEC section 2 (which is also
/// the column order `transform` writes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldKey {
    /// `Email`: the employee's identity; required.
    Email,
    /// `First name`: required.
    FirstName,
    /// `Last name`: required.
    LastName,
    /// `Prefix`, e.g. `van der`.
    Prefix,
    /// `Onboarding date`.
    OnboardingDate,
    /// `Offboarding date`.
    OffboardingDate,
    /// `Birthday`.
    Birthday,
    /// `Work anniversary`.
    WorkAnniversary,
    /// `Language`: `en`, `nl` or `de`.
    Language,
    /// `Company group`.
    CompanyGroup,
}

impl FieldKey {
    /// Every field, in the order of SPEC section 2.
    pub const ALL: [FieldKey; 10] = [
        FieldKey::Email,
        FieldKey::FirstName,
        FieldKey::LastName,
        FieldKey::Prefix,
        FieldKey::OnboardingDate,
        FieldKey::OffboardingDate,
        FieldKey::Birthday,
        FieldKey::WorkAnniversary,
        FieldKey::Language,
        FieldKey::CompanyGroup,
    ];

    /// The canonical key, e.g. `first_name`, as used in reports and `[mapping]`.
    pub fn key(self) -> &'static str {
        match self {
            FieldKey::Email => "email",
            FieldKey::FirstName => "first_name",
            FieldKey::LastName => "last_name",
            FieldKey::Prefix => "prefix",
            FieldKey::OnboardingDate => "onboarding_date",
            FieldKey::OffboardingDate => "offboarding_date",
            FieldKey::Birthday => "birthday",
            FieldKey::WorkAnniversary => "work_anniversary",
            FieldKey::Language => "language",
            FieldKey::CompanyGroup => "company_group",
        }
    }

    /// The header Alleo documents, e.g. `First name`.
    pub fn label(self) -> &'static str {
        match self {
            FieldKey::Email => "Email",
            FieldKey::FirstName => "First name",
            FieldKey::LastName => "Last name",
            FieldKey::Prefix => "Prefix",
            FieldKey::OnboardingDate => "Onboarding date",
            FieldKey::OffboardingDate => "Offboarding date",
            FieldKey::Birthday => "Birthday",
            FieldKey::WorkAnniversary => "Work anniversary",
            FieldKey::Language => "Language",
            FieldKey::CompanyGroup => "Company group",
        }
    }

    /// Whether every row needs a value (also on update, SPEC section 2).
    pub fn is_required(self) -> bool {
        matches!(
            self,
            FieldKey::Email | FieldKey::FirstName | FieldKey::LastName
        )
    }

    /// Whether the field holds a `YYYY-MM-DD` date.
    pub fn is_date(self) -> bool {
        matches!(
            self,
            FieldKey::OnboardingDate
                | FieldKey::OffboardingDate
                | FieldKey::Birthday
                | FieldKey::WorkAnniversary
        )
    }

    /// The field whose normalised header or key is `name` (see [`normalize_header`]).
    pub fn from_header(name: &str) -> Option<FieldKey> {
        let normalized = normalize_header(name);
        FieldKey::ALL.into_iter().find(|f| f.key() == normalized)
    }
}

impl fmt::Display for FieldKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl FromStr for FieldKey {
    type Err = ();

    /// Parses a key or a header in any of the spellings [`normalize_header`] folds.
    fn from_str(s: &str) -> Result<Self, ()> {
        FieldKey::from_header(s).ok_or(())
    }
}

/// `value` without white space at either end, as [`str::trim`] gives it, at the
/// cost of two byte tests for the usual cell, which starts and ends with a
/// visible character (this runs for every value of every row).
pub(crate) fn trim(value: &str) -> &str {
    match value.as_bytes() {
        [first, .., last] if first.is_ascii_graphic() && last.is_ascii_graphic() => value,
        [only] if only.is_ascii_graphic() => value,
        _ => value.trim(),
    }
}

/// Folds a header for matching: trimmed, lowercase, with runs of space, `_` and
/// `-` turned into one `_` (`First name`, `first_name` and `FIRST-NAME` all give
/// `first_name`).
///
/// ```
/// use alleo_csv_core::normalize_header;
/// assert_eq!(normalize_header("  FIRST-NAME "), "first_name");
/// assert_eq!(normalize_header("Work  anniversary"), "work_anniversary");
/// ```
pub fn normalize_header(header: &str) -> String {
    let mut out = String::with_capacity(header.len());
    let mut pending_sep = false;
    for ch in header.trim().chars() {
        // Any white space: a non-breaking space from Excel counts as a space.
        if ch.is_whitespace() || ch == '_' || ch == '-' {
            pending_sep = true;
            continue;
        }
        if pending_sep && !out.is_empty() {
            out.push('_');
        }
        pending_sep = false;
        out.extend(ch.to_lowercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_spellings_fold_to_one_key() {
        for h in [
            "First name",
            "first_name",
            "FIRST-NAME",
            " first  name ",
            "First_-Name",
        ] {
            assert_eq!(FieldKey::from_header(h), Some(FieldKey::FirstName), "{h}");
        }
        assert_eq!(FieldKey::from_header("E-mail"), None);
        assert_eq!(FieldKey::from_header("Email"), Some(FieldKey::Email));
    }

    #[test]
    fn keys_and_labels_agree() {
        for f in FieldKey::ALL {
            assert_eq!(FieldKey::from_header(f.label()), Some(f));
            assert_eq!(FieldKey::from_header(f.key()), Some(f));
        }
    }
}
