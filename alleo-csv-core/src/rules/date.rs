//! Dates: exactly `YYYY-MM-DD` and a real calendar day (SPEC section 1), with a
//! suggestion of what to write when the value is a date in another form.

use chrono::{Datelike, Days, NaiveDate};

/// Why a value is not an Alleo date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateProblem {
    /// Not in the form `YYYY-MM-DD`; with what to write instead when the value is
    /// recognisably a date in another form.
    Format(Option<DateHint>),
    /// In the form `YYYY-MM-DD`, but no such day exists (`2026-02-30`, `2026-13-01`).
    NoSuchDay,
}

/// What a date in another form most likely means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateHint {
    /// One reading: write this date.
    Write(NaiveDate),
    /// Day and month could be either way round (`05/06/1990`): the day-first
    /// reading, then the month-first one.
    Either(NaiveDate, NaiveDate),
    /// A spreadsheet serial day number (`44927`) for this date: the cell was
    /// formatted as a number.
    Serial(NaiveDate),
}

/// Parses a date in exactly the form `YYYY-MM-DD`.
///
/// ```
/// use alleo_csv_core::rules::date::{parse_date, DateHint, DateProblem};
/// use chrono::NaiveDate;
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// assert_eq!(parse_date("1990-05-17"), Ok(d(1990, 5, 17)));
/// assert_eq!(parse_date("17-05-1990"), Err(DateProblem::Format(Some(DateHint::Write(d(1990, 5, 17))))));
/// assert_eq!(parse_date("2026-02-30"), Err(DateProblem::NoSuchDay));
/// ```
///
/// # Errors
/// [`DateProblem`] says why, with a [`DateHint`] where the value can be read as a
/// date in another form.
pub fn parse_date(value: &str) -> Result<NaiveDate, DateProblem> {
    match strict(value) {
        Strict::Day(date) => Ok(date),
        Strict::NoSuchDay => Err(DateProblem::NoSuchDay),
        Strict::OtherForm => Err(DateProblem::Format(hint(value))),
    }
}

/// A value read strictly as `YYYY-MM-DD`.
enum Strict {
    Day(NaiveDate),
    NoSuchDay,
    OtherForm,
}

fn strict(value: &str) -> Strict {
    let b = value.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return Strict::OtherForm;
    }
    match (digits(&b[0..4]), digits(&b[5..7]), digits(&b[8..10])) {
        (Some(year), Some(month), Some(day)) => {
            NaiveDate::from_ymd_opt(year.cast_signed(), month, day)
                .map_or(Strict::NoSuchDay, Strict::Day)
        }
        _ => Strict::OtherForm,
    }
}

fn digits(b: &[u8]) -> Option<u32> {
    b.iter().try_fold(0u32, |acc, &c| {
        c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
    })
}

fn hint(value: &str) -> Option<DateHint> {
    let text = value.trim();
    if let Strict::Day(d) = strict(text) {
        return Some(DateHint::Write(d));
    }
    // `1990-05-17 00:00:00`, `1990-05-17T00:00:00Z`: a date-time from a spreadsheet.
    if text.len() > 10
        && text.is_char_boundary(10)
        && matches!(text.as_bytes()[10], b' ' | b'T')
        && let Strict::Day(d) = strict(&text[..10])
    {
        return Some(DateHint::Write(d));
    }
    if text.len() == 8 && text.bytes().all(|c| c.is_ascii_digit()) {
        let (y, m, d) = (
            digits(&text.as_bytes()[0..4])?,
            digits(&text.as_bytes()[4..6])?,
            digits(&text.as_bytes()[6..8])?,
        );
        return NaiveDate::from_ymd_opt(y.cast_signed(), m, d).map(DateHint::Write);
    }
    if (4..=6).contains(&text.len()) && text.bytes().all(|c| c.is_ascii_digit()) {
        // Spreadsheet day numbers count from 1899-12-30; 20000..=80000 covers 1954-2119.
        let n: u64 = text.parse().ok()?;
        if (20_000..=80_000).contains(&n) {
            let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?;
            return epoch.checked_add_days(Days::new(n)).map(DateHint::Serial);
        }
        return None;
    }
    let sep = text.chars().find(|c| matches!(c, '-' | '/' | '.'))?;
    let parts: Vec<&str> = text.split(sep).collect();
    let [first, second, third] = parts.as_slice() else {
        return None;
    };
    let num = |s: &str| {
        (!s.is_empty() && s.len() <= 4)
            .then(|| digits(s.as_bytes()))
            .flatten()
    };
    let (first_n, second_n, third_n) = (num(first)?, num(second)?, num(third)?);
    if first.len() == 4 {
        // 1990/05/17, 1990.5.17
        return NaiveDate::from_ymd_opt(first_n.cast_signed(), second_n, third_n)
            .map(DateHint::Write);
    }
    if third.len() != 4 {
        return None;
    }
    let year = third_n.cast_signed();
    let day_first = NaiveDate::from_ymd_opt(year, second_n, first_n);
    let month_first = NaiveDate::from_ymd_opt(year, first_n, second_n);
    match (day_first, month_first) {
        (Some(d), Some(m)) if d == m => Some(DateHint::Write(d)),
        // Dashes and dots are the Dutch and German day-first forms; a slash is also
        // the American month-first form, so both readings are offered.
        (Some(d), Some(m)) if sep == '/' => Some(DateHint::Either(d, m)),
        (Some(d), _) => Some(DateHint::Write(d)),
        (None, Some(m)) => Some(DateHint::Write(m)),
        (None, None) => None,
    }
}

/// Whole years from `earlier` to `later` (a birthday's age on `later`).
pub fn years_between(earlier: NaiveDate, later: NaiveDate) -> i32 {
    let mut years = later.year() - earlier.year();
    if (later.month(), later.day()) < (earlier.month(), earlier.day()) {
        years -= 1;
    }
    years
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::DateHint::*;
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn hint_of(v: &str) -> Option<DateHint> {
        match parse_date(v) {
            Err(DateProblem::Format(h)) => h,
            other => panic!("{v}: {other:?}"),
        }
    }

    #[test]
    fn strict_form_only() {
        assert_eq!(parse_date("2024-02-29"), Ok(d(2024, 2, 29)));
        assert_eq!(parse_date("2023-02-29"), Err(DateProblem::NoSuchDay));
        assert_eq!(parse_date("2026-13-01"), Err(DateProblem::NoSuchDay));
        assert_eq!(
            parse_date("2026-1-01"),
            Err(DateProblem::Format(Some(DateHint::Write(d(2026, 1, 1)))))
        );
        assert_eq!(parse_date("26-01-01"), Err(DateProblem::Format(None)));
    }

    #[test]
    fn hints() {
        assert_eq!(hint_of("17-05-1990"), Some(Write(d(1990, 5, 17))));
        assert_eq!(hint_of("17.5.1990"), Some(Write(d(1990, 5, 17))));
        assert_eq!(hint_of("05-06-1990"), Some(Write(d(1990, 6, 5))));
        assert_eq!(
            hint_of("05/06/1990"),
            Some(Either(d(1990, 6, 5), d(1990, 5, 6)))
        );
        assert_eq!(hint_of("12/31/1990"), Some(Write(d(1990, 12, 31))));
        assert_eq!(hint_of("1990/05/17"), Some(Write(d(1990, 5, 17))));
        assert_eq!(hint_of("19900517"), Some(Write(d(1990, 5, 17))));
        assert_eq!(hint_of(" 1990-05-17"), Some(Write(d(1990, 5, 17))));
        assert_eq!(hint_of("1990-05-17 00:00:00"), Some(Write(d(1990, 5, 17))));
        assert_eq!(hint_of("44927"), Some(Serial(d(2023, 1, 1))));
        assert_eq!(hint_of("31-02-1990"), None);
        assert_eq!(hint_of("next monday"), None);
    }

    #[test]
    fn ages() {
        assert_eq!(years_between(d(1990, 5, 17), d(2026, 5, 16)), 35);
        assert_eq!(years_between(d(1990, 5, 17), d(2026, 5, 17)), 36);
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,24}") {
            let _ = parse_date(&s);
        }

        #[test]
        fn every_real_day_round_trips(days in 0u64..80_000) {
            let date = d(1900, 1, 1).checked_add_days(Days::new(days)).unwrap();
            prop_assert_eq!(parse_date(&date.format("%Y-%m-%d").to_string()), Ok(date));
            // The Dutch form always suggests the same day.
            let dutch = date.format("%d-%m-%Y").to_string();
            prop_assert_eq!(hint_of(&dutch), Some(Write(date)));
        }
    }
}
