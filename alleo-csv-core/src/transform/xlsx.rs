//! Reading `.xlsx` workbooks (feature `xlsx`, with calamine): typed cells as values.
//!
//! A workbook holds values, not text: a date cell is a date, a number cell a number.
//! So a date cell is read as its `YYYY-MM-DD` date (with the time of day when it has
//! one), a number as a dot decimal with no exponent (`0.8`, `40`), a text cell
//! exactly as typed, leading zeros and all (`0012`). These are readings, not
//! repairs: the change log has no "before" text to show for them. The repairs after
//! that are those of a CSV export.

use std::io::{Read, Seek};

use calamine::{Data, Reader, Xlsx};

use super::{Outputs, Preview, Rows, TransformOptions, Transformed};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::input::Input;

/// Transforms the first worksheet of a workbook (or `[input] sheet`) like
/// [`transform`](super::transform) does a CSV export. Rows are the sheet's rows.
///
/// # Errors
/// [`Error::Workbook`] when the bytes are not a workbook calamine reads,
/// [`Error::Config`] when `[input] sheet` names a sheet the workbook does not have,
/// [`Error::Write`] when an output fails.
pub fn transform_workbook<RS: Read + Seek>(
    workbook: RS,
    config: &Config,
    options: TransformOptions,
    outputs: Outputs<'_>,
) -> Result<Transformed> {
    let (name, range) = open(workbook, &config.input)?;
    let mut rows = Rows::new(config, options, outputs);
    rows.summary.sheet = Some(name);
    let top = range.start().map_or(0, |(row, _)| u64::from(row));
    for (i, cells) in range.rows().enumerate() {
        let texts: Vec<String> = cells.iter().map(cell_text).collect();
        let fields: Vec<&str> = texts.iter().map(String::as_str).collect();
        let row = top + i as u64 + 1;
        rows.row(row, if i == 0 { top } else { 0 }, &fields);
        if let Some(e) = rows.failed.take() {
            return Err(Error::Write(e));
        }
    }
    rows.finish()
}

/// Reads the header and up to `limit` rows of a workbook's sheet, like
/// [`preview`](super::preview) does a CSV export.
///
/// # Errors
/// As [`transform_workbook`].
pub fn preview_workbook<RS: Read + Seek>(
    workbook: RS,
    input: &Input,
    limit: usize,
) -> Result<Preview> {
    let (name, range) = open(workbook, input)?;
    let mut out = Preview {
        sheet: Some(name),
        ..Preview::default()
    };
    let top = range.start().map_or(0, |(row, _)| u64::from(row));
    for (i, cells) in range.rows().enumerate() {
        let texts: Vec<String> = cells.iter().map(cell_text).collect();
        let fields: Vec<&str> = texts.iter().map(String::as_str).collect();
        if !out.take(top + i as u64 + 1, &fields, limit) {
            break;
        }
    }
    Ok(out)
}

/// The sheet to read (`[input] sheet`, else the first) and its cells.
fn open<RS: Read + Seek>(workbook: RS, input: &Input) -> Result<(String, calamine::Range<Data>)> {
    let mut sheets: Xlsx<RS> = Xlsx::new(workbook).map_err(|e| Error::Workbook(e.to_string()))?;
    let names = sheets.sheet_names();
    let name = match &input.sheet {
        Some(wanted) => names
            .iter()
            .find(|n| *n == wanted)
            .cloned()
            .ok_or_else(|| {
                Error::Config(format!(
                    "[input] sheet = \"{wanted}\", but the workbook's sheets are {}",
                    names
                        .iter()
                        .map(|n| format!("\"{n}\""))
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
            })?,
        None => names
            .first()
            .cloned()
            .ok_or_else(|| Error::Workbook("it has no worksheet".to_owned()))?,
    };
    let range = sheets
        .worksheet_range(&name)
        .map_err(|e| Error::Workbook(format!("sheet \"{name}\": {e}")))?;
    Ok((name, range))
}

/// The text a cell's value is written as.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number(*f),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, hh, mm, ss, _) = dt.to_ymd_hms_milli();
            if (hh, mm, ss) == (0, 0, 0) {
                format!("{y:04}-{m:02}-{d:02}")
            } else {
                format!("{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}")
            }
        }
        Data::DateTime(dt) => number(dt.as_f64()),
        Data::Error(e) => e.to_string(),
    }
}

/// A number as a dot decimal: whole numbers without `.0`, no exponent.
fn number(f: f64) -> String {
    // Rust writes the shortest text that reads back as the same number, and never
    // with an exponent; a whole number gets no fraction.
    let text = f.to_string();
    text.strip_suffix(".0").map_or(text.clone(), str::to_owned)
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use chrono::NaiveDate;
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

    use super::*;
    use crate::transform::Rule;

    fn as_of() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    /// A workbook like an HR system's export: typed cells, the table starting on
    /// row 3, a second sheet.
    fn workbook() -> Vec<u8> {
        let mut book = Workbook::new();
        let sheet = book.add_worksheet().set_name("Medewerkers").unwrap();
        let date = Format::new().set_num_format("dd-mm-yyyy");
        let zeros = Format::new().set_num_format("0000");
        for (col, header) in [
            "Personeelsnummer",
            "E-mailadres",
            "Voornaam",
            "Achternaam",
            "Geboortedatum",
            "FTE",
            "Taal",
            "Nummer",
        ]
        .iter()
        .enumerate()
        {
            sheet.write_string(2, col as u16, *header).unwrap();
        }
        sheet.write_string(3, 0, "0012").unwrap();
        sheet.write_string(3, 1, "j.devries@example.nl ").unwrap();
        sheet.write_string(3, 2, "Jan").unwrap();
        sheet.write_string(3, 3, "de Vries").unwrap();
        let birthday = ExcelDateTime::from_ymd(1990, 5, 17).unwrap();
        sheet
            .write_datetime_with_format(3, 4, &birthday, &date)
            .unwrap();
        sheet.write_number(3, 5, 0.8).unwrap();
        sheet.write_string(3, 6, "Nederlands").unwrap();
        sheet.write_number_with_format(3, 7, 12.0, &zeros).unwrap();
        sheet.write_string(4, 0, "0013").unwrap();
        sheet.write_string(4, 1, "s.muller@example.de").unwrap();
        sheet.write_string(4, 2, "Sören").unwrap();
        sheet.write_string(4, 3, "Müller").unwrap();
        sheet.write_string(4, 4, "01-02-1985").unwrap();
        sheet.write_number(4, 5, 1.0).unwrap();
        sheet.write_boolean(4, 7, true).unwrap();
        book.add_worksheet()
            .set_name("Notes")
            .unwrap()
            .write_string(0, 0, "x")
            .unwrap();
        book.save_to_buffer().unwrap()
    }

    fn config(extra: &str) -> Config {
        toml::from_str(&format!(
            r#"
            [mapping]
            "Personeelsnummer" = "custom_employee_id"
            "E-mailadres" = "email"
            "Voornaam" = "first_name"
            "Achternaam" = "last_name"
            "Geboortedatum" = "birthday"
            "FTE" = "custom_fte"
            "Taal" = "language"
            "Nummer" = "custom_number"
            [custom_fields]
            custom_fte = "decimal"
            [input]
            date_format = "%d-%m-%Y"
            {extra}
            "#
        ))
        .unwrap()
    }

    fn run(book: Vec<u8>, config: &Config) -> Result<(String, Transformed)> {
        let mut out = Vec::new();
        let done = transform_workbook(
            Cursor::new(book),
            config,
            TransformOptions::new(as_of()),
            Outputs::new(&mut out),
        )?;
        Ok((String::from_utf8(out).unwrap(), done))
    }

    #[test]
    fn typed_cells_become_canonical_values() {
        let (out, done) = run(workbook(), &config("")).unwrap();
        assert!(done.usable(), "{:?}", done.report.issues);
        assert_eq!(
            out,
            "Email,First name,Last name,Birthday,Language,custom_employee_id,custom_fte,custom_number\n\
             j.devries@example.nl,Jan,de Vries,1990-05-17,nl,0012,0.8,12\n\
             s.muller@example.de,Sören,Müller,1985-02-01,,0013,1,TRUE\n"
        );
        let s = &done.summary;
        assert_eq!(
            (s.rows, s.written, s.sheet.as_deref()),
            (2, 2, Some("Medewerkers"))
        );
        assert_eq!((s.encoding, s.delimiter), (None, None));
        // The date typed as text is converted; the date cell was read as a date.
        assert_eq!((s.count(Rule::Date), s.count(Rule::Trim)), (1, 1));
        assert!(done.report.issues.is_empty());
        // The sheet's rows: the header is row 3.
        let mut log = Vec::new();
        let mut out = Vec::new();
        let outputs = Outputs::new(&mut out).changes(&mut log);
        transform_workbook(
            Cursor::new(workbook()),
            &config(""),
            TransformOptions::new(as_of()),
            outputs,
        )
        .unwrap();
        let log = String::from_utf8(log).unwrap();
        assert!(
            log.contains("\n3,E-mailadres,email,E-mailadres,Email,header\n"),
            "{log}"
        );
        assert!(
            log.contains("\n5,Geboortedatum,birthday,01-02-1985,1985-02-01,date\n"),
            "{log}"
        );
    }

    #[test]
    fn a_sheet_by_name_and_errors_that_say_what_to_do() {
        let e = run(workbook(), &config("sheet = \"Personeel\"")).unwrap_err();
        assert!(e.to_string().contains("\"Medewerkers\", \"Notes\""), "{e}");
        let (_, done) = run(workbook(), &config("sheet = \"Notes\"")).unwrap();
        assert!(done.stopped);
        let e = run(b"Email,First name\n".to_vec(), &config("")).unwrap_err();
        assert!(matches!(e, Error::Workbook(_)), "{e}");
    }

    #[test]
    fn numbers_read_as_people_typed_them() {
        assert_eq!(number(40.0), "40");
        assert_eq!(number(0.8), "0.8");
        assert_eq!(number(-12.5), "-12.5");
        assert_eq!(number(1e21), "1000000000000000000000");
        assert_eq!(number(0.000_000_1), "0.0000001");
    }
}

#[cfg(test)]
mod day_numbers {
    use std::io::Cursor;

    use rust_xlsxwriter::Workbook;

    use super::*;
    use crate::transform::{Outputs, Rule, TransformOptions};

    #[test]
    fn a_date_column_of_plain_numbers_is_read_as_dates() {
        // Exported without a date format on the cells: 45292 is 2024-01-01.
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        for (col, header) in ["Email", "First name", "Last name", "Onboarding date"]
            .iter()
            .enumerate()
        {
            sheet.write_string(0, col as u16, *header).unwrap();
        }
        sheet.write_string(1, 0, "a@example.nl").unwrap();
        sheet.write_string(1, 1, "Anna").unwrap();
        sheet.write_string(1, 2, "Smit").unwrap();
        sheet.write_number(1, 3, 45292.0).unwrap();
        let bytes = book.save_to_buffer().unwrap();
        let mut out = Vec::new();
        let as_of = chrono::NaiveDate::from_ymd_opt(2023, 12, 1).unwrap();
        let done = transform_workbook(
            Cursor::new(bytes),
            &crate::Config::default(),
            TransformOptions::new(as_of),
            Outputs::new(&mut out),
        )
        .unwrap();
        assert!(done.usable(), "{:?}", done.report.issues);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "Email,First name,Last name,Onboarding date\na@example.nl,Anna,Smit,2024-01-01\n"
        );
        assert_eq!(done.summary.count(Rule::DayNumber), 1);
    }
}
