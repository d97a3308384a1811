//! The rules of one cell (SPEC sections 1 and 2), and those across a row's dates.

use chrono::NaiveDate;

use crate::config::{Config, CustomType};
use crate::did_you_mean::closest;
use crate::field::FieldKey;
use crate::header::Slot;
use crate::issue::Detail;
use crate::rules::date::Ymd;
use crate::rules::email::check_email;
use crate::rules::language::check_language;
use crate::rules::number::{decimal_hint, integer_hint, is_decimal, is_integer};

/// The dates of one row that rules across cells need.
#[derive(Debug, Default)]
pub(super) struct RowDates {
    pub(super) onboarding: Option<Ymd>,
    /// The offboarding date and its column.
    pub(super) offboarding: Option<(Ymd, usize)>,
}

/// What the cell rules need, fixed for a run.
#[derive(Debug, Clone)]
pub(super) struct Rules {
    pub(super) config: Config,
    pub(super) as_of: NaiveDate,
    /// `as_of` as a [`Ymd`], to compare dates read from the file with.
    pub(super) today: Ymd,
    /// Offboarding dates before this give less than [`NOTICE_DAYS`] of notice.
    pub(super) notice_from: Ymd,
    /// Birthdays before this are implausible.
    pub(super) oldest_birthday: Ymd,
}

impl Rules {
    /// What is wrong with one cell, if anything (uniqueness of valid emails is
    /// checked by the caller, across rows).
    pub(super) fn cell(
        &self,
        slot: Slot,
        value: &str,
        column: usize,
        dates: &mut RowDates,
    ) -> Option<Detail> {
        if is_excel_error(value) {
            return Some(Detail::ExcelError);
        }
        let blank = is_blank(value);
        match slot {
            Slot::Field(f) if f.is_required() && blank => Some(Detail::Required),
            Slot::Field(FieldKey::Email) => match check_email(value) {
                Err(problem) => Some(Detail::EmailFormat(problem)),
                Ok(()) => None,
            },
            Slot::Field(f) if f.is_date() && !blank => match Ymd::parse(value) {
                Err(problem) => Some(Detail::DateFormat(problem)),
                Ok(date) => self.date(f, date, column, dates),
            },
            Slot::Field(FieldKey::Language) if !blank => check_language(value)
                .err()
                .map(|suggestion| Detail::Language { suggestion }),
            Slot::Field(FieldKey::CompanyGroup) if !blank => {
                let groups = &self.config.company.groups;
                (!groups.is_empty() && !groups.iter().any(|g| g == value)).then(|| {
                    Detail::CompanyGroup {
                        suggestion: closest(value, groups.iter().map(String::as_str))
                            .map(str::to_owned),
                    }
                })
            }
            Slot::Custom(CustomType::Decimal) if !blank && !is_decimal(value) => {
                Some(Detail::DecimalFormat {
                    hint: decimal_hint(value),
                })
            }
            Slot::Custom(CustomType::Integer) if !blank && !is_integer(value) => {
                Some(Detail::IntegerFormat {
                    hint: integer_hint(value),
                })
            }
            Slot::Custom(CustomType::Date) if !blank => {
                Ymd::parse(value).err().map(Detail::DateFormat)
            }
            Slot::Field(_) | Slot::Custom(_) | Slot::Skip => None,
        }
    }

    /// The rules of a valid date in an Alleo date field, against `as_of`.
    pub(super) fn date(
        &self,
        field: FieldKey,
        date: Ymd,
        column: usize,
        dates: &mut RowDates,
    ) -> Option<Detail> {
        let as_of = self.as_of;
        match field {
            FieldKey::OnboardingDate => {
                dates.onboarding = Some(date);
                (date < self.today).then_some(Detail::OnboardingPast {
                    as_of,
                    new_employee: false,
                })
            }
            FieldKey::OffboardingDate => {
                dates.offboarding = Some((date, column));
                if date <= self.today {
                    Some(Detail::OffboardingNotFuture {
                        as_of,
                        changed: false,
                    })
                } else {
                    (date < self.notice_from).then(|| Detail::OffboardingShortNotice {
                        days: (date.date() - as_of).num_days(),
                    })
                }
            }
            FieldKey::Birthday if date > self.today => {
                Some(Detail::BirthdayImplausible { future: true })
            }
            FieldKey::Birthday if date < self.oldest_birthday => {
                Some(Detail::BirthdayImplausible { future: false })
            }
            _ => None,
        }
    }
}

/// Whether a value is empty or only white space; cheap for the usual cell, which
/// starts with a visible character.
pub(super) fn is_blank(value: &str) -> bool {
    match value.as_bytes().first() {
        None => true,
        Some(b) if b.is_ascii_graphic() => false,
        Some(_) => value.trim().is_empty(),
    }
}

/// Whether `value` is what Excel writes for a formula that failed (`#N/A`,
/// `#REF!`, ...), in English, Dutch or German.
fn is_excel_error(value: &str) -> bool {
    const ERRORS: [&str; 21] = [
        // English (German writes #DIV/0!, #NAME? and #NULL! too)
        "#N/A",
        "#REF!",
        "#VALUE!",
        "#DIV/0!",
        "#NAME?",
        "#NUM!",
        "#NULL!",
        "#SPILL!",
        "#CALC!",
        "#GETTING_DATA",
        // Dutch
        "#N/B",
        "#VERW!",
        "#WAARDE!",
        "#DEEL/0!",
        "#NAAM?",
        "#GETAL!",
        "#LEEG!",
        // German
        "#NV",
        "#BEZUG!",
        "#WERT!",
        "#ZAHL!",
    ];
    // Nearly every value is told by its first byte, without trimming it (this
    // runs on every cell).
    if !matches!(value.as_bytes().first(), Some(b'#' | b' ')) {
        return false;
    }
    let value = value.trim();
    value.starts_with('#') && ERRORS.contains(&value)
}
