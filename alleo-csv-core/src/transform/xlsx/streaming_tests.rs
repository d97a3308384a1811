//! Reading a sheet row by row: the same rows as a read of the whole sheet, and a
//! damaged workbook refused.

use std::io::Cursor;

use proptest::prelude::*;
use rust_xlsxwriter::Workbook;

use super::*;

/// The rows a dense read of the whole sheet gives, as `each_row` hands them.
fn dense(book: &[u8]) -> Vec<(u64, u64, Vec<String>)> {
    let mut sheets: Xlsx<_> = Xlsx::new(Cursor::new(book)).unwrap();
    let name = sheets.sheet_names()[0].clone();
    let range = sheets.worksheet_range(&name).unwrap();
    let top = range.start().map_or(0, |(row, _)| u64::from(row));
    range
        .rows()
        .enumerate()
        .map(|(i, cells)| {
            let blank = if i == 0 { top } else { 0 };
            (
                top + i as u64 + 1,
                blank,
                cells.iter().map(cell_text).collect(),
            )
        })
        .collect()
}

fn streamed(book: &[u8]) -> Vec<(u64, u64, Vec<String>)> {
    let mut out = Vec::new();
    each_row(
        Cursor::new(book),
        &Input::default(),
        |row, blank, fields| {
            out.push((row, blank, fields.iter().map(|f| (*f).to_owned()).collect()));
            ControlFlow::Continue(())
        },
    )
    .unwrap();
    out
}

/// `book` with its shared strings part's text changed by `edit`.
fn with_shared_strings(book: &[u8], edit: impl Fn(&str) -> String) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipArchive::new(Cursor::new(book)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).unwrap();
        let name = part.name().unwrap().into_owned();
        let mut bytes = Vec::new();
        part.read_to_end(&mut bytes).unwrap();
        if name.ends_with("sharedStrings.xml") {
            bytes = edit(&String::from_utf8(bytes).unwrap()).into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&bytes).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// Found by fuzzing: calamine reserved room for as many texts as the part
/// claimed (`uniqueCount`), and a huge count aborted the process.
#[test]
fn a_workbook_claiming_more_texts_than_it_holds_is_refused_as_damaged() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "Email").unwrap();
    sheet.write_string(1, 0, "a@example.nl").unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let unique = |text: &str, count: &str| {
        let at = text.find("uniqueCount=\"").unwrap() + "uniqueCount=\"".len();
        let end = at + text[at..].find('"').unwrap();
        format!("{}{count}{}", &text[..at], &text[end..])
    };
    let damaged = with_shared_strings(&bytes, |t| unique(t, "18266666666666666"));
    match each_row(Cursor::new(&damaged), &Input::default(), |_, _, _| {
        ControlFlow::Continue(())
    }) {
        Err(Error::Workbook(why)) => assert!(why.contains("damaged"), "{why}"),
        other => panic!("expected a damaged workbook, got {other:?}"),
    }
    // A count that fits (what Excel writes) reads as ever.
    let fine = with_shared_strings(&bytes, |t| unique(t, "2"));
    assert_eq!(streamed(&fine), streamed(&bytes));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    /// Read row by row, a sheet gives the rows a read of the whole sheet
    /// gives: the same columns (from the leftmost used one), empty rows
    /// between, blank rows above the first.
    #[test]
    fn rows_streamed_are_the_rows_of_the_whole_sheet(
        cells in prop::collection::btree_map((0u32..40, 0u16..12), "[a-z0-9]{0,3}", 0..60),
    ) {
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        for ((row, col), text) in &cells {
            sheet.write_string(*row, *col, text).unwrap();
        }
        let bytes = book.save_to_buffer().unwrap();
        prop_assert_eq!(streamed(&bytes), dense(&bytes));
    }
}
