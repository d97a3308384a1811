//! English messages.

use super::{Parts, delimiter_name};
use crate::code::Code;
use crate::issue::{Detail, IssueRef};
use crate::rules::date::{DateHint, DateProblem};
use crate::rules::email::EmailProblem;
use crate::rules::sensitive::Sensitive;

const SAVE_UTF8: &str = "save it as \"CSV UTF-8 (comma delimited)\" (in Excel: File > Save As)";

// One arm per detail, so that the compiler proves every code has a message.
#[allow(clippy::too_many_lines)]
pub(super) fn message(i: &IssueRef<'_>, p: &Parts<'_>) -> String {
    let Parts { col, v, show } = p;
    match i.detail {
        Detail::EmptyFile => "The file is empty: it needs a header row (Email, First name, Last name, ...) and one row per employee.".into(),
        Detail::NotText { workbook: true } => format!("The file is an Excel workbook, not a CSV file, so Alleo cannot read it; {SAVE_UTF8}, or let alleo-sync transform make the Alleo file from it."),
        Detail::NotText { workbook: false } => format!("The file is not text Alleo can read (it holds NUL bytes, as a workbook, an archive or a UTF-16 file does); {SAVE_UTF8}."),
        Detail::Encoding { utf16: true, .. } => format!("The file is saved as UTF-16, which Alleo cannot read; {SAVE_UTF8}."),
        Detail::Encoding { row: r, byte, .. } => {
            let at = r.map(|r| format!("row {r}, ")).unwrap_or_default();
            format!("The file is not UTF-8 (first bad byte: {at}byte {byte}, counting from 0), so names with accents would arrive garbled; {SAVE_UTF8}.")
        }
        Detail::SepLine { found } => format!(
            "The file starts with the line sep={}, which Excel writes for itself; Alleo would read it as the header. Remove that line (alleo-sync transform leaves it out) and save the file as \"CSV UTF-8 (comma delimited)\".",
            if *found == '\t' { "\\t".to_owned() } else { found.to_string() }
        ),
        Detail::Delimiter { found } => format!(
            "Columns are separated by {} instead of commas; Alleo only accepts commas. Save the file as \"CSV UTF-8 (comma delimited)\".",
            delimiter_name(*found, ["tabs", "pipes", "semicolons"])
        ),
        Detail::FileName { name } => format!(
            "The file name {name} does not follow Alleo's convention alleo_employees_<ID>.csv (for example alleo_employees_acme.csv); Alleo only picks up files named that way."
        ),
        Detail::MissingColumn { field } => format!(
            "The required column {} is missing. Add it, or map your column to {} in the [mapping] section of alleo.toml.",
            field.label(),
            field.key()
        ),
        Detail::DuplicateColumn { first } => format!(
            "Column {col} holds the same field as column {first}; keep only one of them."
        ),
        Detail::UnknownColumn { position, .. } if col.trim().is_empty() => {
            format!("Column {position} has no header. Give it a name, or remove the column.")
        }
        Detail::UnknownColumn { suggestion, .. } => {
            let hint = suggestion.as_ref().map(|s| format!(" Did you mean {s}?")).unwrap_or_default();
            format!("Column {col} is not an Alleo field.{hint} Rename it, map it in the [mapping] section of alleo.toml, or name it custom_<name> to upload it as a custom field.")
        }
        Detail::CustomFieldName { suggestion: Some(s), reporting: true } => format!(
            "Column {col} is the name Alleo's reporting uses; in the upload file the custom field is called {s}."
        ),
        Detail::CustomFieldName { suggestion, .. } => {
            let hint = suggestion.as_ref().map(|s| format!("; write {s}")).unwrap_or_default();
            format!("Custom field {col} must be named custom_ followed by lowercase letters, digits and _{hint}.")
        }
        Detail::RowLength { expected, found } => format!(
            "This row has {found} fields but the header has {expected}, so the row was not checked further. A value that contains a comma needs double quotes around it."
        ),
        Detail::UnclosedQuote => "A double quote opened in this row is never closed, so the rows after it were read into one value and are missing. Close the quote or remove it.".into(),
        Detail::BlankRow => "Blank row; remove it.".into(),
        Detail::Required => format!("{col} is empty; every row needs it, also when only updating an employee."),
        Detail::ExcelError => format!("{col}{v} is an Excel error, not a value: a formula in the export failed. Fix it there, or clear the cell."),
        Detail::EmailFormat(problem) => format!("{col}{v} is not a valid email address: {}.", email_reason(*problem)),
        Detail::EmailDuplicate { first_row } if *show => format!(
            "Email{v} is used again; first on row {first_row}. Each employee needs their own address."
        ),
        Detail::EmailDuplicate { first_row } => format!(
            "This email address is used again; first on row {first_row}. Each employee needs their own address."
        ),
        Detail::DateFormat(DateProblem::NoSuchDay) => format!("{col}{v} is not a real date: that day does not exist in the calendar."),
        Detail::DateFormat(DateProblem::Format(hint)) => {
            let fix = match hint {
                Some(DateHint::Write(d)) if *show => format!("write {d}"),
                Some(DateHint::Either(d, m)) if *show => format!("write {d} (day first) or {m} (month first)"),
                Some(DateHint::Serial(d)) if *show => format!("it looks like a spreadsheet day number: format the column as a date, or write {d}"),
                _ => "write it like 2026-12-31".into(),
            };
            format!("{col}{v} is not a date in the form YYYY-MM-DD; {fix}.")
        }
        Detail::DecimalFormat { hint } => {
            let fix = match hint {
                Some(h) if *show => format!("write {h}"),
                _ => "use digits with a dot and no thousands separator, like 1234.5".into(),
            };
            format!("{col}{v} is not a number with a decimal dot; {fix}.")
        }
        Detail::IntegerFormat { hint } => {
            let fix = match hint {
                Some(h) if *show => format!("write {h}"),
                _ => "use digits only, like 42".into(),
            };
            format!("{col}{v} is not a whole number; {fix}.")
        }
        Detail::Language { suggestion } => {
            let hint = suggestion.map(|s| format!(" Did you mean {s}?")).unwrap_or_default();
            format!("{col}{v} is not a language Alleo knows.{hint} Use en, nl or de, or leave it empty for the company's default.")
        }
        Detail::CompanyGroup { suggestion } => {
            let hint = suggestion.as_ref().map(|s| format!(" Did you mean {s}?")).unwrap_or_default();
            format!("{col}{v} is not one of the company's groups.{hint} The value must match a group set up in Alleo exactly (see [company] groups in alleo.toml).")
        }
        Detail::OnboardingPast { as_of, new_employee: false } => format!(
            "{col}{v} is before the pickup date {as_of}: fine for employees already in Alleo, but a new employee with this date is refused. For a new employee use {as_of} or later, or leave it empty."
        ),
        Detail::OnboardingPast { as_of, new_employee: true } => format!(
            "{col}{v} is before the pickup date {as_of}, and this employee is new: Alleo refuses a new employee with a past onboarding date. Use {as_of} or later, or leave it empty."
        ),
        Detail::OffboardingNotFuture { as_of, changed: false } => format!(
            "{col}{v} is not after the pickup date {as_of}: fine for an account that is already deactivated, but an active account needs a future date."
        ),
        Detail::OffboardingNotFuture { as_of, changed: true } => format!(
            "{col}{v} is not after the pickup date {as_of}: an offboarding date that is newly set or changed must be in the future."
        ),
        Detail::OffboardingShortNotice { days } => format!(
            "{col}{v} is only {days} days after the pickup date; Alleo asks for offboarding dates to be set at least 30 days ahead."
        ),
        Detail::OffboardingBeforeOnboarding { onboarding } if *show => format!(
            "{col}{v} is not after the onboarding date {onboarding}; the offboarding date must come later."
        ),
        Detail::OffboardingBeforeOnboarding { .. } => format!(
            "{col} is not after the onboarding date of this row; the offboarding date must come later."
        ),
        Detail::BirthdayImplausible { future: true } => format!("{col}{v} is in the future; check the year."),
        Detail::BirthdayImplausible { future: false } => format!("{col}{v} is more than 120 years ago; check the year."),
        Detail::OnboardingDateLocked { previous } if *show && previous.trim().is_empty() => format!(
            "{col} was empty in the previous file and is now{v}: an employee's onboarding date cannot be set or changed once they are in Alleo. Leave it empty; if it must be set, ask admin-support@alleo.nl."
        ),
        Detail::OnboardingDateLocked { previous } if *show => format!(
            "{col} was {previous} and is now{v}: an employee's onboarding date cannot be changed once they are in Alleo. Put back {previous}; if it must change, ask admin-support@alleo.nl."
        ),
        Detail::OnboardingDateLocked { .. } => format!(
            "{col} differs from the previous file: an employee's onboarding date cannot be changed once they are in Alleo. Put back the earlier date; if it must change, ask admin-support@alleo.nl."
        ),
        Detail::OffboardingRemoved { previous } if *show => format!(
            "{col} was {previous} and is now empty: an offboarding date cannot be removed once set. Put back {previous}; to keep the employee, contact admin-support@alleo.nl."
        ),
        Detail::OffboardingRemoved { .. } => format!(
            "{col} was set in the previous file and is now empty: an offboarding date cannot be removed once set. Put it back; to keep the employee, contact admin-support@alleo.nl."
        ),
        Detail::ReactivationRequired { deactivated } if *show => format!(
            "This employee's account was deactivated on {deactivated} (the offboarding date in the previous file), and {col} changed: Alleo does not change or reactivate a deactivated account from the file. To reactivate, contact admin-support@alleo.nl; otherwise put the row back as it was."
        ),
        Detail::ReactivationRequired { .. } => format!(
            "This employee's account is deactivated (by the offboarding date in the previous file), and {col} changed: Alleo does not change or reactivate a deactivated account from the file. To reactivate, contact admin-support@alleo.nl; otherwise put the row back as it was."
        ),
        Detail::Absent => {
            let who = if *show { i.value.unwrap_or_default().to_owned() } else { "An employee".to_owned() };
            format!("{who} was in the previous file but is not in this one. Alleo does not deactivate employees who are left out; only an offboarding date does. To deactivate, keep the row and set an offboarding date. If the email address changed: without an external id Alleo creates a second account and this one stays active; email changes go to admin-support@alleo.nl.")
        }
        Detail::EmailChangeSuspected { previous_email } => {
            let old = if *show { format!(" ({previous_email})") } else { String::new() };
            format!("{col}{v} is new, and an employee with the same name{old} is absent from this file: if this is an email change, Alleo creates a second account and the old one stays active, since there is no external id. Email changes go to admin-support@alleo.nl.")
        }
        Detail::MassDeactivation { count, limit, previous } => format!(
            "This file schedules {count} deactivations, more than the {limit} allowed ([safety] max_deactivations in alleo.toml; the previous state has {previous} employees). A mistake here deactivates people; if it is intended, run again with --allow-deactivations {count}."
        ),
        Detail::SensitiveData { reason } => {
            let what = match reason {
                Sensitive::NationalIdHeader => "national ID numbers (its name says so)",
                Sensitive::BankAccountHeader => "bank account numbers (its name says so)",
                Sensitive::PayHeader => "pay (its name says so)",
                Sensitive::BsnValues => "Dutch citizen service numbers (nearly all its values pass the BSN check)",
                Sensitive::IbanValues => "bank account numbers (nearly all its values pass the IBAN check)",
                Sensitive::TaxIdValues => "German tax identification numbers (nearly all its values pass their check)",
            };
            format!("Column {col} holds {what}: Alleo has no use for it and must not receive it. Leave the column out: list it in [input] ignore in alleo.toml (transform then leaves it out), or remove it from the export. If it must be sent after all, name it in [safety] allow_sensitive.")
        }
    }
}

fn email_reason(p: EmailProblem) -> String {
    match p {
        EmailProblem::Space => "it contains a space".into(),
        EmailProblem::NoAt => "it has no @".into(),
        EmailProblem::ManyAt => "it has more than one @ (put one address per row)".into(),
        EmailProblem::EmptyLocal => "there is nothing before the @".into(),
        EmailProblem::EmptyDomain => "there is nothing after the @".into(),
        EmailProblem::DomainNoDot => "the part after the @ needs a dot, like example.nl".into(),
        EmailProblem::Dots => {
            "it has a dot at the start or end of a part, or two dots in a row".into()
        }
        EmailProblem::BadChar(c) => format!("it contains the character {c:?}"),
        EmailProblem::HyphenEdge => "a part after the @ starts or ends with a hyphen".into(),
        EmailProblem::BadEnding => {
            "it must end in two or more letters after the last dot, like .nl or .com".into()
        }
        EmailProblem::TooLong => "it is longer than an address can be".into(),
    }
}

/// What issues with `code` mean and why they matter, for a list that shows a code
/// once for many rows.
pub(super) fn about(code: Code) -> &'static str {
    match code {
        Code::EmptyFile => {
            "The file has no header row or no bytes at all: Alleo reads nothing from it."
        }
        Code::Encoding => "The file is not UTF-8: names with accents would arrive garbled.",
        Code::Delimiter => "Columns are not separated by commas, so Alleo cannot read the file.",
        Code::FileName => "Alleo only picks up files named alleo_employees_<ID>.csv.",
        Code::MissingColumn => "A required column is missing: without it no row can be read.",
        Code::DuplicateColumn => {
            "Two columns hold the same field: Alleo cannot tell which one counts."
        }
        Code::UnknownColumn => {
            "A column that is not an Alleo field: map it, name it custom_<name>, or remove it."
        }
        Code::CustomFieldName => {
            "A custom field's name must be custom_ followed by lowercase letters, digits and _."
        }
        Code::RowLength => {
            "Rows with more or fewer fields than the header: usually a value with a comma but no quotes."
        }
        Code::UnclosedQuote => "A quote never closed: the rows after it are missing.",
        Code::BlankRow => "Blank rows between employees: Alleo skips them; remove them.",
        Code::Required => {
            "Email, first name and last name are needed on every row: such a row is refused."
        }
        Code::ExcelError => "Excel errors such as #N/A instead of values.",
        Code::EmailFormat => {
            "Addresses that are not valid: the employee cannot be created or found."
        }
        Code::EmailDuplicate => {
            "An address used twice: each employee needs their own, as it is their identity in Alleo."
        }
        Code::DateFormat => {
            "Dates must be written YYYY-MM-DD and exist in the calendar: the row is refused."
        }
        Code::DecimalFormat => {
            "A decimal custom field needs a dot and no thousands separator, like 1234.5."
        }
        Code::IntegerFormat => "An integer custom field needs a whole number.",
        Code::Language => "Language must be en, nl or de, or empty for the company's default.",
        Code::CompanyGroup => "Company groups must be written exactly as the company's groups are.",
        Code::OnboardingPast => {
            "Onboarding dates before the pickup date: fine for employees already in Alleo, but a new employee with such a date is refused."
        }
        Code::OffboardingNotFuture => {
            "Offboarding dates on or before the pickup date: fine for accounts already deactivated, but an active account needs a future date."
        }
        Code::OffboardingShortNotice => {
            "Offboarding dates less than 30 days ahead: Alleo asks for at least 30 days' notice."
        }
        Code::OffboardingBeforeOnboarding => {
            "Offboarding dates that are not after the onboarding date: the row is refused."
        }
        Code::BirthdayImplausible => {
            "Birthdays in the future or more than 120 years ago: almost always a typing error."
        }
        Code::OnboardingDateLocked => {
            "The onboarding date of an employee already in Alleo cannot be changed from the file; contact admin-support@alleo.nl."
        }
        Code::OffboardingRemoved => {
            "An offboarding date cannot be removed once set; contact admin-support@alleo.nl to keep the employee."
        }
        Code::ReactivationRequired => {
            "A deactivated account is not changed or reactivated from the file; contact admin-support@alleo.nl."
        }
        Code::Absent => {
            "Employees in the previous file but not in this one: Alleo leaves them active; only an offboarding date deactivates."
        }
        Code::EmailChangeSuspected => {
            "A new address where an employee with the same name is absent: if the address changed, Alleo creates a second account."
        }
        Code::MassDeactivation => {
            "More deactivations than the safety limit allows: a mistake here deactivates people."
        }
        Code::SensitiveData => {
            "A column holds national ID numbers, bank accounts or pay, which Alleo must not receive: leave it out with [input] ignore."
        }
    }
}
