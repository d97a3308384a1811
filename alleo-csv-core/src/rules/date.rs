//! Dates: exactly `YYYY-MM-DD` and a real calendar day (SPEC section 1), with a
//! suggestion of what to write when the value is a date in another form.

use chrono::{Datelike, Days, NaiveDate};

/// Why a value is not an Alleo date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateProblem {
    /// Not in the form `YYYY-MM-DD`; with what to write instead when the value is
    /// recognisably a date in another form.
    Format(Option<DateHint>),
    /// No such day exists in the calendar: in the form `YYYY-MM-DD` (`2026-02-30`,
    /// `2026-13-01`) or written day-month-year or year/month/day (`29-02-2023`).
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
    Ymd::parse(value).map(Ymd::date)
}

/// A calendar day as the number `yyyymmdd`: read straight from the text, ordered
/// like the days, and compared without building a [`NaiveDate`] (checking a
/// million rows reads five million dates; a `NaiveDate` is made only for a message).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ymd(i64);

impl Ymd {
    /// Reads a date in exactly the form `YYYY-MM-DD` that exists in the calendar.
    ///
    /// ```
    /// use alleo_csv_core::rules::date::{Ymd, DateProblem};
    /// assert!(Ymd::parse("2024-02-29").unwrap() < Ymd::parse("2024-03-01").unwrap());
    /// assert_eq!(Ymd::parse("2023-02-29"), Err(DateProblem::NoSuchDay));
    /// ```
    ///
    /// # Errors
    /// As [`parse_date`].
    pub fn parse(value: &str) -> Result<Ymd, DateProblem> {
        read(value).map_err(|problem| match problem {
            Misread::OtherForm => other_form(value),
            Misread::NoSuchDay => DateProblem::NoSuchDay,
        })
    }

    /// Whether `value` is a real date written `YYYY-MM-DD`: [`Ymd::parse`]
    /// without looking for a hint when it is not.
    pub fn is_date(value: &str) -> bool {
        read(value).is_ok()
    }

    /// The same day as a [`NaiveDate`].
    pub fn date(self) -> NaiveDate {
        let (year, rest) = (self.0.div_euclid(10_000), self.0.rem_euclid(10_000));
        let year = i32::try_from(year).unwrap_or_default();
        let (month, day) = (u32::try_from(rest / 100), u32::try_from(rest % 100));
        match (month, day) {
            (Ok(month), Ok(day)) => NaiveDate::from_ymd_opt(year, month, day).unwrap_or_default(),
            _ => NaiveDate::default(),
        }
    }
}

impl From<NaiveDate> for Ymd {
    fn from(d: NaiveDate) -> Ymd {
        Ymd(i64::from(d.year()) * 10_000 + i64::from(d.month() * 100 + d.day()))
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Why a value is not read as a day, before any hint is looked for.
enum Misread {
    OtherForm,
    NoSuchDay,
}

/// Reads exactly `YYYY-MM-DD`, a day that exists.
fn read(value: &str) -> Result<Ymd, Misread> {
    let b = value.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return Err(Misread::OtherForm);
    }
    let (Some(year), Some(month), Some(day)) =
        (digits(&b[0..4]), digits(&b[5..7]), digits(&b[8..10]))
    else {
        return Err(Misread::OtherForm);
    };
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return Err(Misread::NoSuchDay);
    }
    Ok(Ymd(i64::from(year) * 10_000 + i64::from(month * 100 + day)))
}

fn digits(b: &[u8]) -> Option<u32> {
    b.iter().try_fold(0u32, |acc, &c| {
        c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
    })
}

/// What is wrong with a date not written `YYYY-MM-DD`: a day in another form
/// (with what to write instead, when that can be told), or, for a date written
/// day-month-year or year-month-day that no reading makes a day of the calendar
/// (`29-02-2023`), no such day.
fn other_form(value: &str) -> DateProblem {
    match hint(value) {
        Some(hint) => DateProblem::Format(Some(hint)),
        None if date_shaped(value.trim()) => DateProblem::NoSuchDay,
        None => DateProblem::Format(None),
    }
}

/// Three numbers parted by one of `-`, `/` or `.`: a year of four digits first
/// or last, and a day or month of one or two digits between.
fn date_shaped(text: &str) -> bool {
    let Some(sep) = text.chars().find(|c| matches!(c, '-' | '/' | '.')) else {
        return false;
    };
    let parts: Vec<&str> = text.split(sep).collect();
    let number = |p: &str| (1..=4).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [a, b, c] => {
            [a, b, c].iter().all(|p| number(p)) && b.len() <= 2 && (a.len() == 4) != (c.len() == 4)
        }
        _ => false,
    }
}

fn hint(value: &str) -> Option<DateHint> {
    let text = value.trim();
    if let Ok(ymd) = read(text) {
        return Some(DateHint::Write(ymd.date()));
    }
    // `1990-05-17 00:00:00`, `1990-05-17T00:00:00Z`: a date-time from a spreadsheet.
    if text.len() > 10
        && text.is_char_boundary(10)
        && matches!(text.as_bytes()[10], b' ' | b'T')
        && let Ok(ymd) = read(&text[..10])
    {
        return Some(DateHint::Write(ymd.date()));
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
        // A day written another way that is in no calendar: no such day, not
        // "write it as YYYY-MM-DD".
        for no_day in ["29-02-2023", "31.04.2026", "2023/02/30", "30-13-2026"] {
            assert_eq!(parse_date(no_day), Err(DateProblem::NoSuchDay), "{no_day}");
        }
        for other in [
            "1-2-3",
            "12-2026-05",
            "2026-05",
            "2026-05-17-01",
            "29-02-2023x",
        ] {
            assert!(
                matches!(parse_date(other), Err(DateProblem::Format(_))),
                "{other}"
            );
        }
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
        assert_eq!(parse_date("31-02-1990"), Err(DateProblem::NoSuchDay));
        assert_eq!(hint_of("next monday"), None);
    }

    #[test]
    fn ages() {
        assert_eq!(years_between(d(1990, 5, 17), d(2026, 5, 16)), 35);
        assert_eq!(years_between(d(1990, 5, 17), d(2026, 5, 17)), 36);
    }

    proptest! {
        #[test]
        fn ymd_agrees_with_chrono(y in 0u32..10_000, m in 0u32..14, day in 0u32..33) {
            let text = format!("{y:04}-{m:02}-{day:02}");
            let chrono = NaiveDate::from_ymd_opt(y.cast_signed(), m, day);
            prop_assert_eq!(Ymd::parse(&text).ok().map(Ymd::date), chrono);
            if let Some(d) = chrono {
                prop_assert_eq!(Ymd::from(d), Ymd::parse(&text).unwrap());
            }
        }

        #[test]
        fn ymd_orders_like_dates(a in 0u64..3_000_000, b in 0u64..3_000_000) {
            let base = d(1, 1, 1);
            let (x, y) = (base.checked_add_days(Days::new(a)).unwrap(), base.checked_add_days(Days::new(b)).unwrap());
            prop_assert_eq!(Ymd::from(x).cmp(&Ymd::from(y)), x.cmp(&y));
        }

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
