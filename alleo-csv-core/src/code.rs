//! The stable issue codes of SPEC section 5b and their severities.

use std::fmt;

use serde::Serialize;

/// How serious an [`Issue`](crate::Issue) is.
///
/// An error makes the file invalid (Alleo would refuse it or do the wrong thing);
/// a warning is worth reading but the file may still be sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth a look; the file stays valid.
    Warning,
    /// The file is invalid until this is fixed.
    Error,
}

impl std::str::FromStr for Severity {
    type Err = String;

    /// `error` or `warning`.
    fn from_str(s: &str) -> Result<Severity, String> {
        match s {
            "error" => Ok(Severity::Error),
            "warning" => Ok(Severity::Warning),
            other => Err(format!("`{other}` is not a severity: use error or warning")),
        }
    }
}

impl Severity {
    /// The lowercase name used in reports: `error` or `warning`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What an issue is about, as SPEC section 5b's scope column says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// The whole file (`row` is null).
    File,
    /// The header row.
    Header,
    /// A whole row.
    Row,
    /// One cell.
    Cell,
    /// A whole column (`row` is null; `column` names it).
    Column,
}

macro_rules! codes {
    ($( $(#[$doc:meta])* $variant:ident = $name:literal, $severity:ident, $scope:ident; )*) => {
        /// A stable, machine-readable issue code, serialised in kebab-case exactly as
        /// SPEC section 5b lists it. Codes never change with the message language.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[non_exhaustive]
        pub enum Code {
            $( $(#[$doc])* #[serde(rename = $name)] $variant, )*
        }

        impl Code {
            /// Every code, in the order of SPEC section 5b.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The code as written in reports, e.g. `email-duplicate`.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $name,)* }
            }

            /// The severity this code has unless the rule says otherwise (the
            /// previous-state rules of SPEC section 3 change some of them).
            pub fn default_severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity,)* }
            }

            /// What issues with this code are about.
            pub fn scope(self) -> Scope {
                match self { $(Code::$variant => Scope::$scope,)* }
            }
        }

        impl std::str::FromStr for Code {
            type Err = ();

            fn from_str(s: &str) -> Result<Self, ()> {
                match s { $($name => Ok(Code::$variant),)* _ => Err(()) }
            }
        }
    };
}

codes! {
    /// The file has no bytes, or no header row.
    EmptyFile = "empty-file", Error, File;
    /// The file is not UTF-8.
    Encoding = "encoding", Error, File;
    /// The file uses `;`, tab or `|` instead of a comma.
    Delimiter = "delimiter", Error, File;
    /// The file name is not `alleo_employees_<ID>.csv`.
    FileName = "file-name", Warning, File;
    /// A required column (Email, First name, Last name) is missing.
    MissingColumn = "missing-column", Error, Header;
    /// Two headers name the same field.
    DuplicateColumn = "duplicate-column", Error, Header;
    /// A header is neither an Alleo field, a mapped name nor a `custom_` field.
    UnknownColumn = "unknown-column", Error, Header;
    /// A custom field's name breaks the `custom_<lowercase>` convention.
    CustomFieldName = "custom-field-name", Error, Header;
    /// A row has more or fewer fields than the header.
    RowLength = "row-length", Error, Row;
    /// A quote opened in a row is never closed: the rest of the file was read
    /// into one value.
    UnclosedQuote = "unclosed-quote", Error, Row;
    /// A blank line between rows.
    BlankRow = "blank-row", Warning, Row;
    /// A required value (Email, First name, Last name) is empty.
    Required = "required", Error, Cell;
    /// A value is an Excel error (`#N/A`, `#REF!`, ...): a formula in the export
    /// failed.
    ExcelError = "excel-error", Error, Cell;
    /// An email address is not valid.
    EmailFormat = "email-format", Error, Cell;
    /// An email address is used a second time.
    EmailDuplicate = "email-duplicate", Error, Cell;
    /// A date is not a real `YYYY-MM-DD` date.
    DateFormat = "date-format", Error, Cell;
    /// A declared decimal custom field is not a dot decimal.
    DecimalFormat = "decimal-format", Error, Cell;
    /// A declared integer custom field is not a whole number.
    IntegerFormat = "integer-format", Error, Cell;
    /// Language is not `en`, `nl` or `de`.
    Language = "language", Error, Cell;
    /// Company group is not one of the company's groups.
    CompanyGroup = "company-group", Error, Cell;
    /// Onboarding date is before the pickup date.
    OnboardingPast = "onboarding-past", Warning, Cell;
    /// Offboarding date is on or before the pickup date.
    OffboardingNotFuture = "offboarding-not-future", Warning, Cell;
    /// Offboarding date is less than 30 days ahead.
    OffboardingShortNotice = "offboarding-short-notice", Warning, Cell;
    /// Offboarding date is not after the onboarding date.
    OffboardingBeforeOnboarding = "offboarding-before-onboarding", Error, Cell;
    /// Birthday is in the future or more than 120 years ago.
    BirthdayImplausible = "birthday-implausible", Error, Cell;
    /// The onboarding date of an employee already in Alleo was changed.
    OnboardingDateLocked = "onboarding-date-locked", Error, Cell;
    /// An offboarding date that was set has been removed.
    OffboardingRemoved = "offboarding-removed", Error, Cell;
    /// A deactivated employee's row changed; only Alleo's support can reactivate.
    ReactivationRequired = "reactivation-required", Error, Cell;
    /// An employee of the previous state is not in the file (`row` is null).
    Absent = "absent", Warning, File;
    /// One employee absent and a new one with the same name: likely an email change.
    EmailChangeSuspected = "email-change-suspected", Warning, Cell;
    /// More deactivations than `[safety] max_deactivations` allows.
    MassDeactivation = "mass-deactivation", Error, File;
    /// A column to be sent holds data Alleo must not receive: national ID numbers,
    /// bank accounts, pay (SPEC section 6b).
    SensitiveData = "sensitive-data", Error, Column;
}

impl Code {
    /// What issues with this code mean and why they matter, in `lang`: one
    /// sentence, for a list that shows a code once for many rows.
    ///
    /// ```
    /// use alleo_csv_core::{Code, Lang};
    /// assert!(Code::OnboardingPast.about(Lang::En).starts_with("Onboarding dates before the pickup date"));
    /// ```
    pub fn about(self, lang: crate::Lang) -> &'static str {
        crate::messages::about(self, lang)
    }

    /// Whether, without the previous state, issues with this code are warnings
    /// that the previous state would make exact (SPEC section 3): the checker
    /// cannot tell a new employee from one already in Alleo.
    pub fn needs_previous_state(self) -> bool {
        matches!(
            self,
            Code::OnboardingPast | Code::OffboardingNotFuture | Code::OffboardingShortNotice
        )
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_in_kebab_case_and_round_trips() {
        for &code in Code::ALL {
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
            assert_eq!(code.as_str().parse::<Code>(), Ok(code));
        }
    }

    #[test]
    fn spec_scopes() {
        assert_eq!(Code::Encoding.scope(), Scope::File);
        assert_eq!(Code::UnknownColumn.scope(), Scope::Header);
        assert_eq!(Code::BlankRow.scope(), Scope::Row);
        assert_eq!(Code::EmailDuplicate.scope(), Scope::Cell);
    }

    #[test]
    fn spec_severities() {
        assert_eq!(Code::FileName.default_severity(), Severity::Warning);
        assert_eq!(Code::BlankRow.default_severity(), Severity::Warning);
        assert_eq!(Code::EmailDuplicate.default_severity(), Severity::Error);
        assert_eq!(
            Code::OffboardingShortNotice.default_severity(),
            Severity::Warning
        );
    }
}
