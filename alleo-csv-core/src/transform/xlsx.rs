//! Reading `.xlsx` workbooks (feature `xlsx`, with calamine): typed cells as values.
//!
//! A workbook holds values, not text: a date cell is a date, a number cell a number.
//! So a date cell is read as its `YYYY-MM-DD` date (with the time of day when it has
//! one), a number as a dot decimal with no exponent (`0.8`, `40`), a text cell
//! exactly as typed, leading zeros and all (`0012`). These are readings, not
//! repairs: the change log has no "before" text to show for them. The repairs after
//! that are those of a CSV export.

use std::io::{Read, Seek};
use std::ops::ControlFlow;

use calamine::{Data, DataRef, Reader, Xlsx};

use super::{Outputs, Preview, Rows, TransformOptions, Transformed};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::input::Input;

/// Excel's own limits: a cell beyond them is in no workbook Excel wrote.
const MAX_ROWS: u32 = 1_048_576;
const MAX_COLUMNS: u32 = 16_384;

/// The most cells a sheet whose cells are out of order may span: such a sheet is
/// read whole (Excel writes cells in order, so this is for other writers).
const MAX_UNORDERED_CELLS: u64 = 20_000_000;

/// Transforms the first worksheet of a workbook (or `[input] sheet`) like
/// [`transform`](super::transform) does a CSV export. Rows are the sheet's rows.
///
/// The sheet is read row by row, so memory does not grow with it (except for a
/// sheet whose cells are out of order, which is read whole).
///
/// # Errors
/// [`Error::Workbook`] when the bytes are not a workbook calamine reads, or a cell
/// lies beyond Excel's limits, [`Error::Config`] when `[input] sheet` names a sheet
/// the workbook does not have, [`Error::Write`] when an output fails.
pub fn transform_workbook<RS: Read + Seek>(
    workbook: RS,
    config: &Config,
    options: TransformOptions,
    outputs: Outputs<'_>,
) -> Result<Transformed> {
    let mut rows = Rows::new(config, options, outputs);
    let mut failed = None;
    let name = each_row(workbook, &config.input, |row, blank_before, fields| {
        rows.row(row, blank_before, fields, None);
        failed = rows.failed.take();
        if failed.is_some() {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    })?;
    if let Some(e) = failed {
        return Err(Error::Write(e));
    }
    rows.summary.sheet = Some(name);
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
    let mut out = Preview::default();
    let name = each_row(workbook, input, |row, _, fields| {
        if out.take(row, fields, limit) {
            ControlFlow::Continue(())
        } else {
            ControlFlow::Break(())
        }
    })?;
    out.sheet = Some(name);
    Ok(out)
}

/// Hands each row of the sheet to read (`[input] sheet`, else the first) to
/// `take`: its spreadsheet row, the blank rows before it (above the first), and
/// its cells' text, from the sheet's leftmost to its rightmost used column, as
/// calamine's `worksheet_range` would give them. Returns the sheet's name.
fn each_row<RS: Read + Seek>(
    workbook: RS,
    input: &Input,
    mut take: impl FnMut(u64, u64, &[&str]) -> ControlFlow<()>,
) -> Result<String> {
    let workbook = shared_strings_fit(workbook)?;
    let mut sheets: Xlsx<RS> = Xlsx::new(workbook).map_err(|e| Error::Workbook(e.to_string()))?;
    let name = sheet_name(&sheets, input)?;
    let damaged = |e: calamine::XlsxError| Error::Workbook(format!("sheet \"{name}\": {e}"));
    let Some(bounds) = bounds(&mut sheets, &name).map_err(damaged)? else {
        return Ok(name);
    };
    let width = (bounds.right - bounds.left + 1) as usize;
    if !bounds.in_order {
        let range = sheets.worksheet_range(&name).map_err(damaged)?;
        let top = range.start().map_or(0, |(row, _)| u64::from(row));
        for (i, cells) in range.rows().enumerate() {
            let texts: Vec<String> = cells.iter().map(cell_text).collect();
            let fields: Vec<&str> = texts.iter().map(String::as_str).collect();
            if take(top + i as u64 + 1, if i == 0 { top } else { 0 }, &fields).is_break() {
                break;
            }
        }
        return Ok(name);
    }
    let mut cells = sheets.worksheet_cells_reader(&name).map_err(damaged)?;
    let empty = vec![""; width];
    let mut texts = vec![String::new(); width];
    // The row being filled (0-based), and the next row to hand over.
    let (mut filling, mut next) = (bounds.top, bounds.top);
    let mut hand_over = |upto: u32, texts: &mut Vec<String>| -> ControlFlow<()> {
        // The rows between the last one and `upto` have no cells.
        while next < upto {
            take(u64::from(next) + 1, 0, &empty)?;
            next += 1;
        }
        let fields: Vec<&str> = texts.iter().map(String::as_str).collect();
        let blank_before = if upto == bounds.top {
            u64::from(upto)
        } else {
            0
        };
        take(u64::from(upto) + 1, blank_before, &fields)?;
        texts.iter_mut().for_each(String::clear);
        next = upto + 1;
        ControlFlow::Continue(())
    };
    while let Some(cell) = cells.next_cell().map_err(damaged)? {
        let (row, column) = cell.get_position();
        if matches!(cell.get_value(), DataRef::Empty) {
            continue;
        }
        if row != filling {
            if hand_over(filling, &mut texts).is_break() {
                return Ok(name);
            }
            filling = row;
        }
        texts[(column - bounds.left) as usize] = cell_text(&Data::from(cell.get_value().clone()));
    }
    let _ = hand_over(filling, &mut texts);
    Ok(name)
}

/// The fewest bytes one shared string takes (`<si><t/></si>`).
const SHARED_STRING_BYTES: u64 = 13;

/// Refuses a workbook whose shared strings part claims more strings than it could
/// hold: calamine reserves room for the `uniqueCount` it states before reading
/// one, so a damaged (or crafted) count would ask for more memory than there is
/// and abort the process (found by fuzzing). The reader is left at its start.
fn shared_strings_fit<RS: Read + Seek>(workbook: RS) -> Result<RS> {
    // The archive is over `RS` itself, as calamine's is, so no second copy of the
    // zip reader is compiled (the WebAssembly package is held under 1 MB). No such
    // part, or an unreadable one: calamine says what is wrong, if anything.
    // The message calamine gives for a file that is not a zip.
    let mut zip =
        zip::ZipArchive::new(workbook).map_err(|e| Error::Workbook(format!("Zip error: {e}")))?;
    let claimed = (|| {
        let index = (0..zip.len()).find(|&i| {
            zip.name_for_index(i)
                .and_then(std::result::Result::ok)
                .is_some_and(|n| n.to_ascii_lowercase().ends_with("sharedstrings.xml"))
        })?;
        let part = zip.by_index(index).ok()?;
        let size = part.size();
        let mut head = Vec::with_capacity(4096);
        part.take(4096).read_to_end(&mut head).ok()?;
        let text = String::from_utf8_lossy(&head);
        let at = text.find("uniqueCount=")? + "uniqueCount=".len();
        let digits: String = text[at..]
            .chars()
            .skip(1)
            .take_while(char::is_ascii_digit)
            .collect();
        Some((digits.parse::<u64>().unwrap_or(u64::MAX), size))
    })();
    if let Some((count, size)) = claimed
        && count > size / SHARED_STRING_BYTES + 1
    {
        return Err(Error::Workbook(format!(
            "the file is damaged: it claims {count} texts in a part of {size} bytes; open it in Excel and save it again"
        )));
    }
    let mut workbook = zip.into_inner();
    workbook
        .seek(std::io::SeekFrom::Start(0))
        .map_err(Error::Read)?;
    Ok(workbook)
}

/// The sheet to read: `[input] sheet`, else the first.
fn sheet_name<RS: Read + Seek>(sheets: &Xlsx<RS>, input: &Input) -> Result<String> {
    let names = sheets.sheet_names();
    match &input.sheet {
        Some(wanted) => names.iter().find(|n| *n == wanted).cloned().ok_or_else(|| {
            Error::Config(format!(
                "[input] sheet = \"{wanted}\", but the workbook's sheets are {}",
                names
                    .iter()
                    .map(|n| format!("\"{n}\""))
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
        }),
        None => names
            .first()
            .cloned()
            .ok_or_else(|| Error::Workbook("it has no worksheet".to_owned())),
    }
}

/// Where a sheet's cells with a value lie (0-based), and whether they come row
/// by row, left to right.
#[derive(Debug, Clone, Copy)]
struct Bounds {
    top: u32,
    left: u32,
    right: u32,
    in_order: bool,
}

/// The [`Bounds`] of a sheet's cells (`None` when it has none), read once
/// through; refuses a cell beyond Excel's limits, and a sheet out of order that
/// would not fit in memory.
fn bounds<RS: Read + Seek>(
    sheets: &mut Xlsx<RS>,
    name: &str,
) -> std::result::Result<Option<Bounds>, calamine::XlsxError> {
    let beyond = |(row, column): (u32, u32)| {
        calamine::XlsxError::Unexpected(if row >= MAX_ROWS {
            "it has a cell below Excel's last row (1,048,576): the file is damaged"
        } else if column >= MAX_COLUMNS {
            "it has a cell right of Excel's last column (XFD): the file is damaged"
        } else {
            "its cells are out of order and span more than 20,000,000 cells: open it in Excel and save it again"
        })
    };
    let mut cells = sheets.worksheet_cells_reader(name)?;
    let mut found: Option<(Bounds, (u32, u32), u32)> = None;
    while let Some(cell) = cells.next_cell()? {
        if matches!(cell.get_value(), DataRef::Empty) {
            continue;
        }
        let at = cell.get_position();
        if at.0 >= MAX_ROWS || at.1 >= MAX_COLUMNS {
            return Err(beyond(at));
        }
        match &mut found {
            None => {
                let b = Bounds {
                    top: at.0,
                    left: at.1,
                    right: at.1,
                    in_order: true,
                };
                found = Some((b, at, at.0));
            }
            Some((b, last, bottom)) => {
                b.in_order &= at > *last;
                b.top = b.top.min(at.0);
                b.left = b.left.min(at.1);
                b.right = b.right.max(at.1);
                *bottom = (*bottom).max(at.0);
                *last = at;
            }
        }
    }
    let Some((b, _, bottom)) = found else {
        return Ok(None);
    };
    let span = u64::from(bottom - b.top + 1) * u64::from(b.right - b.left + 1);
    if !b.in_order && span > MAX_UNORDERED_CELLS {
        return Err(beyond((0, 0)));
    }
    Ok(Some(b))
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

#[cfg(test)]
mod streaming_tests;
