use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;
use crate::{Code, validate};

fn options() -> Options {
    Options::new(NaiveDate::from_ymd_opt(2026, 11, 26).unwrap())
}

const HEADER: &str = "Email,First name,Last name,Birthday\n";

/// Each line's issues as a whole check of `bytes` gives them.
fn checked_whole(bytes: &[u8], sheet: &Sheet) -> (Vec<Vec<Issue>>, (usize, usize)) {
    let report = validate(bytes, &Config::default(), options()).unwrap();
    let by_line = (0..sheet.len())
        .map(|n| {
            let row = sheet.row_number(n);
            report
                .issues
                .iter()
                .filter(|i| i.row == row)
                .map(|i| i.to_issue())
                .collect()
        })
        .collect();
    (by_line, (report.errors(), report.warnings()))
}

#[test]
fn nothing_edited_writes_the_file_as_read() {
    let file = "\u{FEFF}Email,First name,Last name\r\n\"a@example.com\",An,\"Jansen, de\"\r\n\r\nb@example.com,Bo,Visser";
    let sheet = Sheet::new(file.as_bytes().to_vec(), &Config::default(), options());
    assert_eq!(sheet.write_to(Vec::new()).unwrap(), file.as_bytes());
    assert_eq!(sheet.len(), 2);
    assert_eq!(sheet.values(0), ["a@example.com", "An", "Jansen, de"]);
    assert_eq!(sheet.row_number(1), Some(4), "after a blank row");
}

#[test]
fn an_edit_is_written_in_its_place_quoted_where_it_must_be() {
    let file = "Email,First name,Last name\r\nbad,An,Jansen\r\nb@example.com,Bo,Visser\r\n";
    let mut sheet = Sheet::new(file.as_bytes().to_vec(), &Config::default(), options());
    assert_eq!(sheet.counts().0, 1);
    assert_eq!(sheet.rows_with(Having::Errors), [0]);
    assert_eq!(sheet.edit(0, 0, "a@example.com"), [0]);
    sheet.edit(0, 2, "Jansen, de");
    let written = String::from_utf8(sheet.write_to(Vec::new()).unwrap()).unwrap();
    assert_eq!(
        written,
        "Email,First name,Last name\r\na@example.com,An,\"Jansen, de\"\r\nb@example.com,Bo,Visser\r\n"
    );
    assert_eq!(
        (sheet.counts(), sheet.rows_with(Having::Errors)),
        ((0, 0), vec![])
    );
    assert_eq!(sheet.edit(5, 0, "x"), Vec::<usize>::new(), "no such line");
}

#[test]
fn uniqueness_follows_the_edits_across_the_file() {
    let file = format!("{HEADER}a@example.com,An,J,\nA@example.com,Bo,V,\nc@example.com,Cas,W,\n");
    let mut sheet = Sheet::new(file.into_bytes(), &Config::default(), options());
    assert_eq!(
        sheet.rows_with(Having::Errors),
        [1],
        "the same address, another case"
    );
    // The first use changes: the second is now the first, and nothing is duplicated.
    assert_eq!(sheet.edit(0, 0, "d@example.com"), [0, 1]);
    assert_eq!(sheet.counts(), (0, 0));
    // Now the third takes the second's address: the third is the duplicate.
    assert_eq!(sheet.edit(2, 0, "a@EXAMPLE.com"), [1, 2]);
    assert_eq!(sheet.rows_with(Having::Errors), [2]);
    let issue = &sheet.issues(2)[0];
    assert_eq!(
        (issue.code().as_str(), issue.row),
        ("email-duplicate", Some(4))
    );
    assert!(
        issue.message(crate::Lang::En, true).contains("row 3"),
        "{}",
        issue.message(crate::Lang::En, true)
    );
}

#[test]
fn a_row_of_the_wrong_length_is_not_compared_and_an_edit_gives_it_the_headers_length() {
    let file =
        format!("{HEADER}a@example.com,An\na@example.com,Bo,V,\nb@example.com,Cas,W,,extra\n");
    let mut sheet = Sheet::new(file.into_bytes(), &Config::default(), options());
    assert_eq!(
        sheet.rows_with(Having::Errors),
        [0, 2],
        "row-length only: no duplicate"
    );
    sheet.edit(1, 1, "Bob");
    assert!(
        sheet.issues(1).is_empty(),
        "the short row's address is not compared"
    );
    sheet.edit(2, 2, "Wit");
    assert_eq!(
        sheet.values(2),
        ["b@example.com", "Cas", "Wit", ""],
        "the extra value is dropped"
    );
    assert!(sheet.issues(2).is_empty());
    let written = sheet.write_to(Vec::new()).unwrap();
    let (expected, counts) = checked_whole(&written, &sheet);
    assert_eq!(
        (sheet.issues(0), sheet.counts()),
        (expected[0].clone(), counts)
    );
}

#[test]
fn a_short_row_is_filled_out_when_edited() {
    let file = format!("{HEADER}a@example.com,An\n");
    let mut sheet = Sheet::new(file.into_bytes(), &Config::default(), options());
    assert_eq!(sheet.issues(0)[0].code().as_str(), "row-length");
    sheet.edit(0, 2, "Jansen");
    assert_eq!(sheet.values(0), ["a@example.com", "An", "Jansen", ""]);
    assert_eq!(sheet.counts(), (0, 0));
}

proptest! {
    /// After any edits, every row has the issues a whole check of the file
    /// written gives it, and the counts are that check's.
    #[test]
    fn edits_are_checked_as_a_whole_check_would(
        rows in prop::collection::vec((0usize..6, 0usize..3, 0usize..4, 0usize..8), 1..12),
        edits in prop::collection::vec((0usize..12, 0usize..4, 0usize..10), 0..16),
    ) {
        const EMAILS: [&str; 6] = ["a@example.com", "b@example.com", "A@Example.com", "not an address", "", "c@example.com"];
        const NAMES: [&str; 3] = ["An", "", "Zoë, \"Z\""];
        const BIRTHDAYS: [&str; 4] = ["", "1990-05-17", "17-05-1990", "2030-01-01"];
        const VALUES: [&str; 10] = ["a@example.com", "b@example.com", "", "x", "1985-02-01", "Jo", "c@example.com", "2026-13-01", "111222333", "123456782"];
        let mut file = String::from(HEADER);
        for (e, n, b, width) in rows {
            let mut line = [EMAILS[e], &csv_field(NAMES[n]), "Visser", BIRTHDAYS[b]].join(",");
            // Now and then a row of the wrong length: one value short, or one more.
            match width {
                0 => line.truncate(line.rfind(',').unwrap_or(0)),
                1 => line.push_str(",more"),
                _ => {}
            }
            file.push_str(&line);
            file.push('\n');
        }
        let mut sheet = Sheet::new(file.into_bytes(), &Config::default(), options());
        for (line, column, value) in edits {
            sheet.edit(line % sheet.len(), column, VALUES[value]);
            let written = sheet.write_to(Vec::new()).unwrap();
            let (expected, counts) = checked_whole(&written, &sheet);
            for (n, issues) in expected.iter().enumerate() {
                prop_assert_eq!(&sheet.issues(n), issues, "line {}", n);
            }
            prop_assert_eq!(sheet.counts(), counts);
        }
    }
}

fn csv_field(value: &str) -> String {
    if value.contains([',', '"']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_owned()
    }
}

/// A column is sensitive as a whole (nine in ten values, and at least three, are
/// BSNs): an edit can make it so, and undo it, and the counts follow a whole check.
#[test]
fn a_column_made_sensitive_by_an_edit_is_counted_as_a_whole_check_counts_it() {
    let file = "Email,First name,Last name,custom_ref\na@example.com,An,J,111222333\n\
                b@example.com,Bo,V,123456782\nc@example.com,Cas,W,010000008\nd@example.com,Di,B,x\n";
    let mut sheet = Sheet::new(file.as_bytes().to_vec(), &Config::default(), options());
    let whole = |sheet: &Sheet| checked_whole(&sheet.write_to(Vec::new()).unwrap(), sheet).1;
    assert_eq!(sheet.counts(), (0, 0));
    sheet.edit(3, 3, "111222333");
    assert_eq!(sheet.counts(), whole(&sheet));
    assert_eq!(sheet.counts().0, 1, "the column holds BSNs");
    let file = sheet.file_issues();
    assert_eq!(
        (
            file.len(),
            file[0].code().as_str(),
            file[0].column.as_deref()
        ),
        (1, "sensitive-data", Some("custom_ref"))
    );
    sheet.edit(0, 3, "x");
    sheet.edit(1, 3, "");
    assert_eq!(sheet.counts(), whole(&sheet));
    assert_eq!(sheet.counts().0, 0, "no longer");
    assert!(sheet.file_issues().is_empty());
}

/// The whole check before saving is `validate` of the bytes written, under the
/// sheet's own configuration and options (the file's name included).
#[test]
fn the_whole_check_is_validate_of_the_file_as_it_is_now() {
    let file = format!(
        "{HEADER}a@example.com,An,Jansen,1990-01-01\nnot-an-address,Bo,Visser,1991-02-02\n"
    );
    let mut named = options();
    named.file_name = Some("employees.csv".to_owned());
    let mut sheet = Sheet::new(file.into_bytes(), &Config::default(), named.clone());
    let (bytes, before) = sheet.check_whole();
    assert_eq!(
        (before.errors(), before.warnings()),
        (1, 1),
        "the address; the name"
    );
    sheet.edit(1, 0, "bo@example.com");
    let (bytes_after, after) = sheet.check_whole();
    assert_ne!(bytes, bytes_after);
    assert_eq!(bytes_after, sheet.write_to(Vec::new()).unwrap());
    let expected = validate(&bytes_after[..], &Config::default(), named).unwrap();
    assert_eq!(after, expected);
    let codes: Vec<&str> = after.issues.iter().map(|i| i.code().as_str()).collect();
    assert_eq!(codes, ["file-name"]);
}

/// `has` agrees with `rows_with` for every line and filter, before and after an
/// edit, and a line that does not exist has nothing.
#[test]
fn has_is_rows_with_for_one_line() {
    let file = format!(
        "{HEADER}a@example.com,An,Jansen,1990-01-01\nb@example.com,Bo,Visser,31-12-1991\nc@example.com,Cas,Smit,\n"
    );
    let mut sheet = Sheet::new(file.into_bytes(), &Config::default(), options());
    let agree = |sheet: &Sheet| {
        for having in [Having::Anything, Having::Errors, Having::Problems] {
            let each: Vec<u32> = (0..sheet.len() + 2)
                .filter(|&n| sheet.has(n, having))
                .map(|n| n as u32)
                .collect();
            assert_eq!(each, sheet.rows_with(having), "{having:?}");
        }
    };
    agree(&sheet);
    assert!(sheet.has(1, Having::Errors) && !sheet.has(0, Having::Problems));
    assert!(!sheet.has(2, Having::Errors));
    sheet.edit(2, 0, "b@example.com");
    agree(&sheet);
    assert!(sheet.has(2, Having::Errors), "now sharing b's address");
}

/// A quote never closed swallows the rows after it: in the grid the line stays
/// an error whatever is edited elsewhere, and is not edited itself (written whole,
/// its quotes closed, it would lose the swallowed rows without a word), so the
/// whole check before saving says so too.
#[test]
fn a_quote_never_closed_stays_an_error_whatever_is_edited() {
    let file = "Email,First name,Last name\na@x.nl,A,B\nb@x.nl,C,\"D\nc@x.nl,E,F\n";
    let mut sheet = Sheet::new(file.as_bytes().to_vec(), &Config::default(), options());
    let codes = |sheet: &Sheet, n| sheet.issues(n).iter().map(Issue::code).collect::<Vec<_>>();
    assert_eq!(codes(&sheet, 1), [Code::UnclosedQuote]);
    // Its address is not compared: what was read into the line is not the row.
    sheet.edit(0, 0, "b@x.nl");
    assert_eq!(codes(&sheet, 0), []);
    assert_eq!(codes(&sheet, 1), [Code::UnclosedQuote]);
    sheet.edit(0, 0, "a@x.nl");
    for edit in ["D", "Dijk"] {
        assert!(sheet.edit(1, 2, edit).is_empty(), "{edit}");
        assert_eq!(sheet.values(1)[2], "D\nc@x.nl,E,F\n");
        assert_eq!(codes(&sheet, 1), [Code::UnclosedQuote], "{edit}");
        let (bytes, report) = sheet.check_whole();
        assert_eq!(bytes, file.as_bytes());
        let whole: Vec<_> = report.issues.iter().map(|i| (i.row, i.code())).collect();
        assert_eq!(whole, [(Some(3), Code::UnclosedQuote)], "{edit}");
    }
}
