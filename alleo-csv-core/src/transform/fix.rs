//! The repairs of one cell, each recorded.

use std::ops::Range;

use chrono::Datelike;

use crate::config::{Config, CustomType};
use crate::field::FieldKey;
use crate::header::Slot;
use crate::input::DateFormat;
use crate::rules::date::Ymd;
use crate::rules::language::check_language;
use crate::rules::number::is_decimal;
use crate::transform::change::{PendingChange, Rule};
use crate::validate::Finding;

/// Converted dates outside these years are left as they are, for the checks to
/// refuse: `%Y` also reads `25-11-26` as the year 26.
const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// What the repairs need, fixed for a run.
#[derive(Debug)]
pub(crate) struct Fixer {
    date_format: Option<DateFormat>,
    decimal_comma: bool,
    groups: Vec<String>,
}

impl Fixer {
    pub fn new(config: &Config) -> Fixer {
        Fixer {
            date_format: config.input.date_format.clone(),
            decimal_comma: config.input.decimal_comma,
            groups: config.company.groups.clone(),
        }
    }

    /// The value to write for `value` in a column of kind `slot`: the cell as read
    /// (trimmed), or a repaired value written at the end of `scratch`, the row's
    /// repairs (no allocation per cell). `log` is called with each repair made, in
    /// order, as (rule, before, after).
    pub fn cell(
        &self,
        slot: Slot,
        value: &str,
        scratch: &mut String,
        log: &mut impl FnMut(Rule, &str, &str),
    ) -> Fixed {
        let kept = trim(value);
        let trimmed = &value[kept.clone()];
        if trimmed.len() != value.len() {
            log(Rule::Trim, value, trimmed);
        }
        if trimmed.is_empty() {
            return Fixed::Cell(kept);
        }
        let start = scratch.len();
        let repaired = match slot {
            Slot::Field(f) if f.is_date() => self.date(trimmed, scratch),
            Slot::Custom(CustomType::Date) => self.date(trimmed, scratch),
            Slot::Custom(CustomType::Decimal) if self.decimal_comma => {
                decimal_into(trimmed, scratch).then_some(Rule::DecimalComma)
            }
            Slot::Field(FieldKey::Language) => match check_language(trimmed) {
                Err(Some(code)) => {
                    scratch.push_str(code);
                    Some(Rule::Language)
                }
                _ => None,
            },
            Slot::Field(FieldKey::CompanyGroup) => self.group(trimmed).map(|group| {
                scratch.push_str(group);
                Rule::CompanyGroup
            }),
            Slot::Field(_) | Slot::Custom(_) | Slot::Skip => None,
        };
        if let Some(rule) = repaired {
            log(rule, trimmed, &scratch[start..]);
            Fixed::New(start..scratch.len())
        } else {
            scratch.truncate(start);
            Fixed::Cell(kept)
        }
    }

    /// A date in the export's format, written to `out` as `YYYY-MM-DD`. Values
    /// that already are ISO dates stay as they are (`None`).
    fn date(&self, value: &str, out: &mut String) -> Option<Rule> {
        if Ymd::is_date(value) {
            return None;
        }
        // "No date", as BambooHR writes it.
        if value == "0000-00-00" {
            return Some(Rule::EmptyDate);
        }
        // A spreadsheet's day number (a date cell without a date format): days
        // since 1899-12-30; 20000-80000 is 1954-2119.
        if value.len() == 5
            && let Ok(days) = value.parse::<u64>()
            && (20_000..=80_000).contains(&days)
            && let Some(date) = chrono::NaiveDate::from_ymd_opt(1899, 12, 30)
                .and_then(|epoch| epoch.checked_add_days(chrono::Days::new(days)))
        {
            iso(date, out);
            return Some(Rule::DayNumber);
        }
        let date = self.date_format.as_ref()?.parse(value)?;
        PLAUSIBLE_YEARS.contains(&date.year()).then(|| {
            iso(date, out);
            Rule::Date
        })
    }

    /// The company's group that a value differs from only in case.
    fn group(&self, value: &str) -> Option<&str> {
        if self.groups.is_empty() || self.groups.iter().any(|g| g == value) {
            return None;
        }
        let folded = value.to_lowercase();
        let mut same = self.groups.iter().filter(|g| g.to_lowercase() == folded);
        match (same.next(), same.next()) {
            (Some(group), None) => Some(group),
            _ => None,
        }
    }
}

/// Where a cell's value to write is (see [`Fixer::cell`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Fixed {
    /// `value[range]`: the cell as read, trimmed.
    Cell(Range<usize>),
    /// `scratch[range]`: a repaired value.
    New(Range<usize>),
}

impl Fixed {
    /// The text: a part of the cell `value`, or of the row's `scratch`.
    pub fn get<'a>(&self, value: &'a str, scratch: &'a str) -> &'a str {
        match self {
            Fixed::Cell(range) => value.get(range.clone()).unwrap_or_default(),
            Fixed::New(range) => scratch.get(range.clone()).unwrap_or_default(),
        }
    }
}

/// The repairs of rows, in order: where each value to write is, the repaired
/// text, and the changes made. Made for one row as it is written, or for a whole
/// batch on the reading thread (see `beside.rs`), which then only hands them over.
#[derive(Debug, Default)]
pub(crate) struct Repairs {
    cells: Vec<Fixed>,
    scratch: String,
    changes: Vec<PendingChange>,
    /// Per row: its `cells` and its `changes` (no cells for a row of another
    /// length than the header: it cannot be put in columns).
    rows: Vec<(Range<usize>, Range<usize>)>,
}

impl Repairs {
    /// Forgets every row, keeping the memory.
    pub fn clear(&mut self) {
        self.cells.clear();
        self.scratch.clear();
        self.changes.clear();
        self.rows.clear();
    }

    /// Repairs the next row, of `len` fields (`field(i)`) in columns of kinds
    /// `slots`; `logging`: the changes' old and new values are kept for a change log.
    pub fn add<'f>(
        &mut self,
        fixer: &Fixer,
        slots: &[Slot],
        len: usize,
        field: impl Fn(usize) -> &'f str,
        logging: bool,
    ) {
        let (cells, changes) = (self.cells.len(), self.changes.len());
        if len == slots.len() {
            for (i, &slot) in slots.iter().enumerate() {
                let pending = &mut self.changes;
                let cell = fixer.cell(slot, field(i), &mut self.scratch, &mut |rule, old, new| {
                    // Without a change log only the count is needed.
                    let (old, new) = if logging {
                        (old.to_owned(), new.to_owned())
                    } else {
                        (String::new(), String::new())
                    };
                    pending.push(PendingChange {
                        column: i,
                        rule,
                        old,
                        new,
                    });
                });
                self.cells.push(cell);
            }
        }
        self.rows
            .push((cells..self.cells.len(), changes..self.changes.len()));
    }

    /// The repairs of the `i`th row added.
    pub fn row(&self, i: usize) -> RowRepairs<'_> {
        debug_assert!(
            i < self.rows.len(),
            "the repairs follow the batch's records"
        );
        let (cells, changes) = self.rows.get(i).cloned().unwrap_or_default();
        RowRepairs {
            cells: self.cells.get(cells).unwrap_or_default(),
            scratch: &self.scratch,
            changes: self.changes.get(changes).unwrap_or_default(),
            found: None,
        }
    }

    /// The repairs of the last row added.
    #[cfg(not(target_family = "wasm"))]
    pub fn last(&self) -> RowRepairs<'_> {
        self.row(self.rows.len().saturating_sub(1))
    }
}

/// The repairs of one row (see [`Repairs::row`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct RowRepairs<'a> {
    cells: &'a [Fixed],
    scratch: &'a str,
    /// The changes made, in order.
    pub changes: &'a [PendingChange],
    /// What the rules find in the row as repaired, when the reading thread found
    /// it ahead (see `beside.rs`).
    pub found: Option<&'a [Finding]>,
}

impl<'a> RowRepairs<'a> {
    /// Whether the row was put in columns (it has the header's length).
    pub fn in_columns(&self) -> bool {
        !self.cells.is_empty()
    }

    /// The value to write in column `i`, of the row's `fields`.
    pub fn get<'f>(&self, fields: &[&'f str], i: usize) -> &'f str
    where
        'a: 'f,
    {
        self.value(i, fields.get(i).copied().unwrap_or_default())
    }

    /// The value to write in column `i`, whose value in the export is `field`.
    pub fn value<'f>(&self, i: usize, field: &'f str) -> &'f str
    where
        'a: 'f,
    {
        match self.cells.get(i) {
            Some(fixed) => fixed.get(field, self.scratch),
            None => field,
        }
    }
}

/// Where `value` is without white space at either end ([`crate::field::trim`]).
fn trim(value: &str) -> Range<usize> {
    let kept = crate::field::trim(value);
    let start = kept.as_ptr() as usize - value.as_ptr() as usize;
    start..start + kept.len()
}

/// Writes `YYYY-MM-DD` for a date of a four-digit year to `out`, without the
/// formatting machinery (this runs for every converted date).
fn iso(date: chrono::NaiveDate, out: &mut String) {
    let year = date.year().unsigned_abs();
    for n in [year / 1000, year / 100 % 10, year / 10 % 10, year % 10] {
        out.push(char::from_digit(n, 10).unwrap_or('0'));
    }
    for n in [date.month(), date.day()] {
        out.push('-');
        out.push(char::from_digit(n / 10, 10).unwrap_or('0'));
        out.push(char::from_digit(n % 10, 10).unwrap_or('0'));
    }
}

/// `0,8` -> `0.8`, `-1.234,50` -> `-1234.50`: a decimal written with a comma (and
/// dots between groups of three digits). Anything else, including a value without
/// a comma, is left alone: `1.250` could mean either.
///
/// ```
/// # use alleo_csv_core::transform::decimal_from_comma;
/// assert_eq!(decimal_from_comma("0,8").as_deref(), Some("0.8"));
/// assert_eq!(decimal_from_comma("-1.234.567,5").as_deref(), Some("-1234567.5"));
/// assert_eq!(decimal_from_comma("1.250"), None);
/// assert_eq!(decimal_from_comma("12.34,5"), None);
/// ```
pub fn decimal_from_comma(value: &str) -> Option<String> {
    let mut out = String::with_capacity(value.len());
    decimal_into(value, &mut out).then_some(out)
}

/// [`decimal_from_comma`] written at the end of `out`; false (and `out` as it
/// was) when the value is not such a decimal.
fn decimal_into(value: &str, out: &mut String) -> bool {
    let Some((int, frac)) = value.split_once(',') else {
        return false;
    };
    let (sign, digits) = match int.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", int),
    };
    let mut groups = digits.split('.');
    let first = groups.next().unwrap_or_default();
    let grouped_right = (1..=3).contains(&first.len()) || !digits.contains('.');
    if !grouped_right || groups.any(|g| g.len() != 3) {
        return false;
    }
    let start = out.len();
    out.push_str(sign);
    out.extend(digits.chars().filter(|&c| c != '.'));
    out.push('.');
    out.push_str(frac);
    let decimal = is_decimal(&out[start..]);
    if !decimal {
        out.truncate(start);
    }
    decimal
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::input::Input;

    fn fixer(date_format: &str, decimal_comma: bool) -> Fixer {
        let mut config = Config {
            input: Input {
                date_format: DateFormat::new(date_format).ok(),
                decimal_comma,
                ..Input::default()
            },
            ..Config::default()
        };
        config.company.groups = vec!["Sales".into(), "R&D".into()];
        Fixer::new(&config)
    }

    fn fix(f: &Fixer, slot: Slot, value: &str) -> (String, Vec<(Rule, String, String)>) {
        let mut log = Vec::new();
        // Repairs go after what the row's earlier cells wrote.
        let mut scratch = String::from("earlier");
        let out = f.cell(slot, value, &mut scratch, &mut |r, a, b| {
            log.push((r, a.into(), b.into()));
        });
        assert!(scratch.starts_with("earlier"));
        (out.get(value, &scratch).to_owned(), log)
    }

    #[test]
    fn each_repair_is_logged() {
        let f = fixer("%d-%m-%Y", true);
        let birthday = Slot::Field(FieldKey::Birthday);
        assert_eq!(
            fix(&f, birthday, " 17-05-1990 "),
            (
                "1990-05-17".into(),
                vec![
                    (Rule::Trim, " 17-05-1990 ".into(), "17-05-1990".into()),
                    (Rule::Date, "17-05-1990".into(), "1990-05-17".into())
                ]
            )
        );
        assert_eq!(
            fix(&f, birthday, "1990-05-17"),
            ("1990-05-17".into(), vec![])
        );
        assert_eq!(fix(&f, birthday, "31-02-1990").0, "31-02-1990");
        assert_eq!(fix(&f, birthday, "17-05-90").0, "17-05-90");
        assert_eq!(
            fix(&f, Slot::Custom(CustomType::Date), "1-2-2027").0,
            "2027-02-01"
        );
        assert_eq!(fix(&f, Slot::Custom(CustomType::Decimal), "0,8").0, "0.8");
        assert_eq!(fix(&f, Slot::Custom(CustomType::Text), "0,8").0, "0,8");
        assert_eq!(fix(&f, Slot::Custom(CustomType::Integer), "0012").0, "0012");
        let lang = Slot::Field(FieldKey::Language);
        assert_eq!(fix(&f, lang, "Nederlands").1[0].0, Rule::Language);
        assert_eq!(fix(&f, lang, "EN").0, "en");
        assert_eq!(fix(&f, lang, "fr").0, "fr");
        let group = Slot::Field(FieldKey::CompanyGroup);
        assert_eq!(fix(&f, group, "sales").0, "Sales");
        assert_eq!(fix(&f, group, "r&d").0, "R&D");
        assert_eq!(fix(&f, group, "Marketing").0, "Marketing");
        assert_eq!(
            fix(&f, Slot::Field(FieldKey::Email), " a@b.nl\t").0,
            "a@b.nl"
        );
    }

    #[test]
    fn without_settings_only_safe_repairs() {
        let f = fixer("", false);
        assert_eq!(
            fix(&f, Slot::Field(FieldKey::Birthday), "17-05-1990").0,
            "17-05-1990"
        );
        assert_eq!(fix(&f, Slot::Custom(CustomType::Decimal), "0,8").0, "0,8");
    }

    proptest! {
        #[test]
        fn iso_dates_are_chronos(days in 0i64..110_000) {
            let date = chrono::NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + chrono::Duration::days(days);
            let mut out = String::from("before ");
            iso(date, &mut out);
            prop_assert_eq!(out, format!("before {}", date.format("%Y-%m-%d")));
        }

        #[test]
        fn repairs_are_idempotent(value in "[ 0-9a-zA-Z,.\\-]{0,12}", which in 0usize..6) {
            let f = fixer("%d-%m-%Y", true);
            let slot = [
                Slot::Field(FieldKey::Birthday),
                Slot::Custom(CustomType::Decimal),
                Slot::Field(FieldKey::Language),
                Slot::Field(FieldKey::CompanyGroup),
                Slot::Field(FieldKey::FirstName),
                Slot::Custom(CustomType::Integer),
            ][which];
            let (once, _) = fix(&f, slot, &value);
            let (twice, log) = fix(&f, slot, &once);
            prop_assert_eq!(&twice, &once);
            prop_assert!(log.is_empty());
        }

        #[test]
        fn trim_is_strs(value in "[ \t\u{a0}\u{2003}a-zé,]{0,6}") {
            prop_assert_eq!(&value[trim(&value)], value.trim());
        }

        #[test]
        fn comma_decimals_keep_their_value(int in -99_999i64..99_999, frac in 0u32..1000) {
            let dutch = format!("{int},{frac:03}");
            let converted = decimal_from_comma(&dutch).unwrap();
            prop_assert_eq!(converted, format!("{int}.{frac:03}"));
        }
    }
}
