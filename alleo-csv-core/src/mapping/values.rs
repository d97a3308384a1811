//! What the values under a header are, counted from an export's first rows: the
//! evidence a suggestion is checked against, and the `[input]` settings read from.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::config::Target;
use crate::field::FieldKey;
use crate::rules::date::Ymd;
use crate::rules::email::check_email;
use crate::rules::language::language_code;
use crate::rules::number::{is_decimal, is_integer};
use crate::rules::sensitive::ValueCounts;
use crate::transform::decimal_from_comma;

/// The date formats values are tried with: day first before month first, each
/// with its day-and-month swapped twin next to it, then the others.
pub(super) const DATE_FORMATS: [&str; 13] = [
    "%d-%m-%Y",
    "%m-%d-%Y",
    "%d/%m/%Y",
    "%m/%d/%Y",
    "%d.%m.%Y",
    "%m.%d.%Y",
    "%Y/%m/%d",
    "%Y%m%d",
    "%d-%m-%y",
    "%d.%m.%y",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d %H:%M:%S",
    "%d-%m-%Y %H:%M:%S",
];

/// The format reading the same values the other way round (day and month
/// swapped), if there is one.
pub(super) fn swapped(format: &str) -> Option<&'static str> {
    let twin = if format.contains("%d") && format.find("%d") < format.find("%m") {
        format
            .replacen("%d", "%X", 1)
            .replacen("%m", "%d", 1)
            .replacen("%X", "%m", 1)
    } else {
        format
            .replacen("%m", "%X", 1)
            .replacen("%d", "%m", 1)
            .replacen("%X", "%d", 1)
    };
    DATE_FORMATS
        .iter()
        .copied()
        .find(|f| *f == twin && *f != format)
}

/// What the values say about a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Evidence {
    /// Values of the expected kind.
    pub matching: usize,
    /// Non-empty values looked at.
    pub of: usize,
    /// The expected kind.
    pub kind: ValueKind,
}

/// A kind of value a column may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ValueKind {
    /// Email addresses.
    Email,
    /// Dates, in any common format.
    Date,
    /// Language names or codes.
    Language,
    /// Whole numbers.
    Integer,
    /// Decimals, with a dot or a comma.
    Decimal,
}

impl Evidence {
    pub(super) fn share(self) -> f64 {
        if self.of == 0 {
            return 0.0;
        }
        #[allow(clippy::cast_precision_loss)] // counts of a preview: small
        let share = self.matching as f64 / self.of as f64;
        share
    }
}

/// What a column's values are, counted.
#[derive(Debug, Default)]
pub(super) struct Stats {
    pub filled: usize,
    pub emails: usize,
    pub dates: usize,
    pub iso: usize,
    /// Values each of [`DATE_FORMATS`] reads.
    pub by_format: [usize; DATE_FORMATS.len()],
    /// `0000-00-00`: "no date" (BambooHR writes it), read as empty.
    pub no_dates: usize,
    /// Whole numbers a spreadsheet writes for a date in a cell without a date
    /// format (days since 1899-12-30; 20000-80000 is 1954-2119).
    pub day_numbers: usize,
    pub languages: usize,
    pub integers: usize,
    pub decimals: usize,
    pub comma_decimals: usize,
    pub comma_example: Option<String>,
    /// National ID numbers, bank accounts.
    pub sensitive: ValueCounts,
}

impl Stats {
    pub(super) fn of<'a>(values: impl Iterator<Item = &'a str>) -> Stats {
        let mut s = Stats::default();
        for value in values.map(str::trim).filter(|v| !v.is_empty()) {
            if value == "0000-00-00" {
                s.no_dates += 1;
                continue;
            }
            s.filled += 1;
            s.sensitive.add(value);
            s.emails += usize::from(value.contains('@') && check_email(value).is_ok());
            s.languages += usize::from(language_code(value).is_some());
            s.integers += usize::from(is_integer(value));
            if value.len() == 5
                && value
                    .parse::<u32>()
                    .is_ok_and(|n| (20_000..=80_000).contains(&n))
            {
                s.day_numbers += 1;
            }
            let comma = !value.contains('.') && decimal_from_comma(value).is_some();
            s.decimals += usize::from(is_decimal(value) || comma);
            if comma {
                s.comma_decimals += 1;
                s.comma_example.get_or_insert_with(|| value.to_owned());
            }
            let mut date = Ymd::parse(value).ok().map(Ymd::date);
            s.iso += usize::from(date.is_some());
            for (f, format) in DATE_FORMATS.iter().enumerate() {
                if let Ok(d) = NaiveDate::parse_from_str(value, format)
                    && (1900..=2200).contains(&d.year())
                {
                    s.by_format[f] += 1;
                    date.get_or_insert(d);
                }
            }
            s.dates += usize::from(date.is_some());
        }
        s
    }

    /// Whether the values look like dates of some kind (every one of them).
    pub(super) fn all_dates(&self) -> bool {
        self.filled > 0 && (self.dates == self.filled || self.day_numbers == self.filled)
    }

    /// What the values say about `target`, for the targets whose values have a kind.
    pub(super) fn evidence_for(&self, target: &Target) -> Option<Evidence> {
        let (matching, kind) = match target {
            Target::Field(FieldKey::Email) => (self.emails, ValueKind::Email),
            Target::Field(FieldKey::Language) => (self.languages, ValueKind::Language),
            Target::Field(f) if f.is_date() => (self.dates.max(self.day_numbers), ValueKind::Date),
            _ => return None,
        };
        (self.filled > 0).then_some(Evidence {
            matching,
            of: self.filled,
            kind,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twins_swap_day_and_month() {
        assert_eq!(swapped("%d-%m-%Y"), Some("%m-%d-%Y"));
        assert_eq!(swapped("%m/%d/%Y"), Some("%d/%m/%Y"));
        assert_eq!(swapped("%Y%m%d"), None);
        for f in DATE_FORMATS {
            assert!(crate::input::DateFormat::new(f).is_ok(), "{f}");
        }
    }

    #[test]
    fn quirks_of_exports_are_counted() {
        let s = Stats::of(["0000-00-00", "45292", "45293", "1996-09-17T00:00:00"].into_iter());
        assert_eq!((s.no_dates, s.filled, s.day_numbers), (1, 3, 2));
        assert_eq!(s.by_format[10], 1, "a date with a time of day");
        let day_first = Stats::of(["1-5-1990", "17-05-1990"].into_iter());
        assert_eq!((day_first.by_format[0], day_first.by_format[1]), (2, 1));
    }
}
