//! Messages in English, Dutch and German. Every message says what is wrong and how
//! to fix it; codes never change with the language.
//!
//! Each language is one module with one `match` over [`Detail`], so the compiler
//! proves that every code has a message in every language.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

#[cfg(doc)]
use crate::issue::Detail;
use crate::issue::IssueRef;

mod de;
mod en;
mod nl;

/// The language of messages.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English (the default).
    #[default]
    En,
    /// Dutch.
    Nl,
    /// German.
    De,
}

impl Lang {
    /// Every language.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Nl, Lang::De];

    /// A count written as people of this language read it: `1,204` in English,
    /// `1.204` in Dutch and German.
    ///
    /// ```
    /// use alleo_csv_core::Lang;
    /// assert_eq!(Lang::En.number(1_204_000), "1,204,000");
    /// assert_eq!(Lang::De.number(999), "999");
    /// ```
    pub fn number(self, n: u64) -> String {
        let sep = if self == Lang::En { ',' } else { '.' };
        let digits = n.to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(sep);
            }
            out.push(c);
        }
        out
    }

    /// `x` with `places` decimals, the decimal mark as the language writes it.
    ///
    /// ```
    /// use alleo_csv_core::Lang;
    /// assert_eq!(Lang::En.decimal(0.42, 1), "0.4");
    /// assert_eq!(Lang::Nl.decimal(12.25, 2), "12,25");
    /// ```
    pub fn decimal(self, x: f64, places: usize) -> String {
        let text = format!("{x:.places$}");
        if self == Lang::En {
            text
        } else {
            text.replace('.', ",")
        }
    }

    /// The code: `en`, `nl` or `de`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Nl => "nl",
            Lang::De => "de",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "en" => Ok(Lang::En),
            "nl" => Ok(Lang::Nl),
            "de" => Ok(Lang::De),
            other => Err(format!(
                "`{other}` is not a message language; use en, nl or de"
            )),
        }
    }
}

/// Renders `issue`'s message in `lang`.
pub(crate) fn render(issue: &IssueRef<'_>, lang: Lang, show_values: bool) -> String {
    let parts = Parts::new(issue, show_values);
    match lang {
        Lang::En => en::message(issue, &parts),
        Lang::Nl => nl::message(issue, &parts),
        Lang::De => de::message(issue, &parts),
    }
}

/// What issues with `code` mean and why they matter, in `lang`: one sentence, for
/// a list that shows a code once for many rows.
pub(crate) fn about(code: crate::code::Code, lang: Lang) -> &'static str {
    match lang {
        Lang::En => en::about(code),
        Lang::Nl => nl::about(code),
        Lang::De => de::about(code),
    }
}

/// The pieces every language needs.
struct Parts<'a> {
    /// The column as written (or the field).
    col: &'a str,
    /// ` <value>` when values are shown, else empty: "Birthday{v} is ...".
    v: String,
    /// Whether values (and hints derived from them) may appear.
    show: bool,
}

impl<'a> Parts<'a> {
    fn new(issue: &IssueRef<'a>, show: bool) -> Parts<'a> {
        let v = match (issue.value, show) {
            (Some(value), true) => format!(" {}", shown(value)),
            _ => String::new(),
        };
        Parts {
            col: issue.column_name(),
            v,
            show,
        }
    }
}

/// A value as it appears in a message: empty shows as `""`, surrounding spaces stay
/// visible inside quotes.
fn shown(value: &str) -> String {
    if value.is_empty() || value.trim() != value || value.contains(' ') {
        format!("\"{value}\"")
    } else {
        value.to_owned()
    }
}

fn delimiter_name(c: char, names: [&str; 3]) -> String {
    match c {
        '\t' => names[0].to_owned(),
        '|' => format!("{} (|)", names[1]),
        other => format!("{} ({other})", names[2]),
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::field::FieldKey;
    use crate::issue::{Detail, Issue};
    use crate::rules::date::{DateHint, DateProblem};
    use crate::rules::email::EmailProblem;

    /// One sample issue per code, with a value a redacted message must not show.
    fn samples() -> Vec<Issue> {
        let d = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let details = vec![
            Detail::EmptyFile,
            Detail::Encoding {
                row: Some(4),
                byte: 120,
                utf16: false,
            },
            Detail::NotText { workbook: true },
            Detail::NotText { workbook: false },
            Detail::Delimiter { found: ';' },
            Detail::SepLine { found: ';' },
            Detail::FileName {
                name: "employees.csv".into(),
            },
            Detail::MissingColumn {
                field: FieldKey::Email,
            },
            Detail::DuplicateColumn {
                first: "Email".into(),
            },
            Detail::UnknownColumn {
                position: 3,
                suggestion: Some("First name".into()),
            },
            Detail::CustomFieldName {
                suggestion: Some("custom_fte".into()),
                reporting: false,
            },
            Detail::RowLength {
                expected: 5,
                found: 6,
            },
            Detail::UnclosedQuote,
            Detail::BlankRow,
            Detail::Required,
            Detail::ExcelError,
            Detail::EmailFormat(EmailProblem::DomainNoDot),
            Detail::EmailDuplicate { first_row: 9 },
            Detail::DateFormat(DateProblem::Format(Some(DateHint::Write(d)))),
            Detail::DecimalFormat {
                hint: Some("0.8".into()),
            },
            Detail::IntegerFormat { hint: None },
            Detail::Language {
                suggestion: Some("nl"),
            },
            Detail::CompanyGroup {
                suggestion: Some("Sales".into()),
            },
            Detail::OnboardingPast {
                as_of: d,
                new_employee: false,
            },
            Detail::OnboardingPast {
                as_of: d,
                new_employee: true,
            },
            Detail::OffboardingNotFuture {
                as_of: d,
                changed: false,
            },
            Detail::OffboardingNotFuture {
                as_of: d,
                changed: true,
            },
            Detail::OffboardingShortNotice { days: 5 },
            Detail::OffboardingBeforeOnboarding { onboarding: d },
            Detail::BirthdayImplausible { future: true },
            Detail::OnboardingDateLocked {
                previous: "SECRET-PREVIOUS".into(),
            },
            Detail::OffboardingRemoved {
                previous: "SECRET-PREVIOUS".into(),
            },
            Detail::ReactivationRequired { deactivated: d },
            Detail::Absent,
            Detail::EmailChangeSuspected {
                previous_email: "SECRET-PREVIOUS".into(),
            },
            Detail::MassDeactivation {
                count: 12,
                limit: 5,
                previous: 40,
            },
            Detail::SensitiveData {
                reason: crate::rules::sensitive::Sensitive::BsnValues,
            },
        ];
        details
            .into_iter()
            .map(|detail| {
                let mut i = Issue::new(detail).at_row(7).with_value("SECRET-VALUE");
                i.column = Some("Kolom".into());
                i
            })
            .collect()
    }

    #[test]
    fn every_code_has_a_message_in_every_language() {
        let samples = samples();
        let codes: Vec<_> = samples.iter().map(Issue::code).collect();
        for code in crate::Code::ALL {
            assert!(codes.contains(code), "no sample for {code}");
        }
        for issue in &samples {
            let texts: Vec<String> = Lang::ALL.iter().map(|&l| issue.message(l, true)).collect();
            for t in &texts {
                assert!(t.len() > 15, "{}: {t}", issue.code());
                assert!(!t.contains("{}"), "{t}");
            }
            // A translation is not the English text again.
            assert_ne!(texts[0], texts[1], "{}", issue.code());
            assert_ne!(texts[0], texts[2], "{}", issue.code());
        }
    }

    #[test]
    fn redacted_messages_hide_values() {
        for issue in samples() {
            for lang in Lang::ALL {
                let text = issue.message(lang, false);
                assert!(!text.contains("SECRET"), "{lang} {}: {text}", issue.code());
                assert!(
                    !text.contains("2026-11-26")
                        || matches!(
                            issue.detail,
                            Detail::OnboardingPast { .. } | Detail::OffboardingNotFuture { .. }
                        ),
                    "{lang} {}: {text}",
                    issue.code()
                );
            }
        }
    }

    #[test]
    fn the_issue_example_reads_as_promised() {
        let mut i = Issue::new(Detail::DateFormat(DateProblem::Format(Some(
            DateHint::Write(NaiveDate::from_ymd_opt(1990, 5, 17).unwrap()),
        ))))
        .with_value("17-05-1990");
        i.column = Some("Birthday".into());
        assert_eq!(
            i.message(Lang::En, true),
            "Birthday 17-05-1990 is not a date in the form YYYY-MM-DD; write 1990-05-17."
        );
    }

    /// An onboarding date set where the previous file had none: said so, never
    /// "was  and is now".
    #[test]
    fn an_onboarding_date_set_after_the_fact_says_it_was_empty() {
        let mut i = Issue::new(Detail::OnboardingDateLocked {
            previous: String::new(),
        })
        .with_value("2026-01-05");
        i.column = Some("Onboarding date".into());
        for (lang, empty) in [
            (Lang::En, "was empty"),
            (Lang::Nl, "was leeg"),
            (Lang::De, "war in der vorigen Datei leer"),
        ] {
            let message = i.message(lang, true);
            assert!(
                message.contains(empty) && message.contains("2026-01-05"),
                "{message}"
            );
            assert!(!message.contains("  "), "{message}");
        }
    }
}
