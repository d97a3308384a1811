//! One test per rule and code, each a tiny file read as data.

use proptest::prelude::*;

use super::*;
use crate::code::{Code, Severity};
use crate::error::Error;
use crate::messages::Lang;
use crate::sample;

const HEAD: &str = "Email,First name,Last name";

pub(super) fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// The pickup date every test checks against.
pub(super) fn as_of() -> NaiveDate {
    day("2026-11-26")
}

pub(super) fn check_with(input: &[u8], config: &Config) -> Report {
    validate(input, config, Options::new(as_of())).unwrap()
}

pub(super) fn check(input: &str) -> Report {
    check_with(input.as_bytes(), &Config::default())
}

/// (code, row, column) of every issue.
pub(super) fn found(report: &Report) -> Vec<(&'static str, Option<u64>, Option<&str>)> {
    report
        .issues
        .iter()
        .map(|i| (i.code().as_str(), i.row, i.column))
        .collect()
}

pub(super) fn config(toml_text: &str) -> Config {
    toml::from_str(toml_text).unwrap()
}

#[test]
fn a_clean_file_is_valid() {
    let r = check(
        "Email,First name,Last name,Prefix\njan@example.nl,Jan,Vries,de\nanna@example.de,Anna,Müller,\n",
    );
    assert!(r.valid(), "{:?}", found(&r));
    assert_eq!((r.rows, r.errors(), r.warnings()), (2, 0, 0));
}

#[test]
fn empty_file() {
    for input in ["", "\u{feff}", "\n\n\r\n", " , \n"] {
        let r = check(input);
        assert_eq!(found(&r), [("empty-file", None, None)], "{input:?}");
    }
    // A header without rows is a valid (if pointless) file.
    assert!(check(HEAD).valid());
}

#[test]
fn encoding_names_row_and_byte() {
    let mut input = format!("{HEAD}\njan@example.nl,Jan,Vries\n").into_bytes();
    let bad_at = input.len() + "piet@example.nl,Piet,M".len();
    input.extend_from_slice(b"piet@example.nl,Piet,M\xFCller\n");
    let r = check_with(&input, &Config::default());
    assert_eq!(found(&r), [("encoding", None, None)]);
    assert_eq!(
        *r.issues.get(0).unwrap().detail,
        Detail::Encoding {
            row: Some(3),
            byte: bad_at as u64,
            utf16: false
        }
    );
    assert_eq!(r.rows, 2);
}

#[test]
fn utf16_is_refused_once() {
    let text = format!("{HEAD}\njan@example.nl,Jan,Vries\n");
    let mut input = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        input.extend_from_slice(&unit.to_le_bytes());
    }
    let r = check_with(&input, &Config::default());
    assert_eq!(found(&r), [("encoding", None, None)]);
    assert!(matches!(
        *r.issues.get(0).unwrap().detail,
        Detail::Encoding { utf16: true, .. }
    ));
}

/// A workbook, an archive, text without a byte order mark in UTF-16: each
/// refused once, as what it is, not as UTF-16.
#[test]
fn a_file_that_is_not_text_is_told_by_what_it_is() {
    let utf16 = |text: &str| {
        text.encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect::<Vec<u8>>()
    };
    let cases: [(Vec<u8>, Option<bool>); 5] = [
        (
            b"PK\x03\x04\x14\x00\x06\x00[Content_Types].xml".to_vec(),
            Some(true),
        ),
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00".to_vec(),
            Some(true),
        ),
        (
            b"\x1F\x8B\x08\x08abc\nEmail,First name\n".to_vec(),
            Some(false),
        ),
        (
            utf16(&format!("{HEAD}\njan@example.nl,Jan,Vries\n")),
            Some(false),
        ),
        // Not the first bytes: a workbook's sign inside a value is only text.
        (
            format!("{HEAD}\nPK\u{3}\u{4}@example.nl,Jan,Vries\n").into_bytes(),
            None,
        ),
    ];
    for (input, workbook) in cases {
        let r = check_with(&input, &Config::default());
        let told = r.issues.iter().find_map(|i| match *i.detail {
            Detail::NotText { workbook } => Some(workbook),
            _ => None,
        });
        assert_eq!(told, workbook, "{:?}", String::from_utf8_lossy(&input));
        if workbook.is_some() {
            assert_eq!(found(&r), [("encoding", None, None)]);
        }
    }
}

/// A formula that failed in the export (`#N/A` from a lookup, in any of Excel's
/// three languages here) is an error in whatever column it stands, also where
/// any text would do; a value that only starts with `#` is not.
#[test]
fn excel_errors_are_errors_in_every_column() {
    let r = check(
        "Email,First name,Last name,Prefix,Birthday,custom_team\n\
         #N/A,Jan,Vries,,,\n\
         b@example.nl, #VERW! ,Bakker,#WERT!,#DIV/0!,\n\
         c@example.nl,Cees,Dijk,#1,,#N/B\n",
    );
    assert_eq!(
        found(&r),
        [
            ("excel-error", Some(2), Some("Email")),
            ("excel-error", Some(3), Some("First name")),
            ("excel-error", Some(3), Some("Prefix")),
            ("excel-error", Some(3), Some("Birthday")),
            ("excel-error", Some(4), Some("custom_team")),
        ]
    );
}

#[test]
fn delimiter_names_the_one_found() {
    for (sep, found_char) in [(";", ';'), ("\t", '\t'), ("|", '|')] {
        let input =
            format!("Email{sep}First name{sep}Last name\njan@example.nl{sep}Jan{sep}Vries\n");
        let r = check(&input);
        assert_eq!(found(&r), [("delimiter", None, None)]);
        assert_eq!(
            *r.issues.get(0).unwrap().detail,
            Detail::Delimiter { found: found_char }
        );
        assert_eq!(r.rows, 1);
    }
    // Semicolons inside a comma file are just text.
    assert!(check("Email,First name,Last name,Prefix\njan@example.nl,Jan;Piet,Vries,\n").valid());
}

#[test]
fn file_name() {
    let mut options = Options::new(as_of());
    options.file_name = Some("/tmp/exports/employees.csv".into());
    let r = validate(HEAD.as_bytes(), &Config::default(), options.clone()).unwrap();
    assert_eq!(found(&r), [("file-name", None, None)]);
    assert_eq!(r.issues.get(0).unwrap().severity, Severity::Warning);
    assert!(r.valid());
    options.file_name = Some("C:\\exports\\alleo_employees_acme.csv".into());
    assert!(
        validate(HEAD.as_bytes(), &Config::default(), options)
            .unwrap()
            .issues
            .is_empty()
    );
}

#[test]
fn header_issues_come_first_and_on_row_one() {
    let r = check("Emial,First name,First_name,custom_FTE,alleo_custom_id,Foo\nx,y,z,1,2,3\n");
    assert_eq!(
        found(&r),
        [
            ("missing-column", None, None),
            ("missing-column", None, None),
            ("unknown-column", Some(1), Some("Emial")),
            ("duplicate-column", Some(1), Some("First_name")),
            ("custom-field-name", Some(1), Some("custom_FTE")),
            ("custom-field-name", Some(1), Some("alleo_custom_id")),
            ("unknown-column", Some(1), Some("Foo")),
        ]
    );
    assert_eq!(
        *r.issues.get(2).unwrap().detail,
        Detail::UnknownColumn {
            position: 1,
            suggestion: Some("Email".into())
        }
    );
}

#[test]
fn mapping_config_maps_dutch_headers() {
    let c = config(
        "[mapping]\n\"E-mailadres\" = \"email\"\nVoornaam = \"first_name\"\nAchternaam = \"last_name\"\nPersoneelsnummer = \"custom_employee_id\"",
    );
    let r = check_with(
        "E-mailadres,Voornaam,Achternaam,Personeelsnummer\njan@example.nl,Jan,Vries,0012\n"
            .as_bytes(),
        &c,
    );
    assert!(r.valid(), "{:?}", found(&r));
    assert_eq!(
        r.columns[3].reporting_name.as_deref(),
        Some("alleo_custom_employee_id")
    );
}

#[test]
fn row_length_skips_the_row() {
    let r = check(&format!(
        "{HEAD}\njan@example.nl,Jan,Vries,extra\nnot-an-email,Piet\n"
    ));
    assert_eq!(
        found(&r),
        [("row-length", Some(2), None), ("row-length", Some(3), None)]
    );
    assert_eq!(
        *r.issues.get(0).unwrap().detail,
        Detail::RowLength {
            expected: 3,
            found: 4
        }
    );
}

#[test]
fn blank_rows_warn_but_trailing_ones_are_silent() {
    let r = check(&format!(
        "{HEAD}\n\njan@example.nl,Jan,Vries\r\n,,\r\npiet@example.nl,Piet,Smit\n\n\n,,\n"
    ));
    assert_eq!(
        found(&r),
        [("blank-row", Some(2), None), ("blank-row", Some(4), None)]
    );
    assert_eq!(r.rows, 2);
    assert!(r.valid());
}

#[test]
fn required_values() {
    let r = check(&format!(
        "{HEAD}\n,Jan,Vries\npiet@example.nl,  ,Smit\nkees@example.nl,Kees,\n"
    ));
    assert_eq!(
        found(&r),
        [
            ("required", Some(2), Some("Email")),
            ("required", Some(3), Some("First name")),
            ("required", Some(4), Some("Last name"))
        ]
    );
}

#[test]
fn email_format_and_duplicates() {
    let r = check(&format!(
        "{HEAD}\njan@example,Jan,Vries\nj.devries@example.nl,Jan,Vries\nJ.DeVries@Example.NL,Jan,Vries\n"
    ));
    assert_eq!(
        found(&r),
        [
            ("email-format", Some(2), Some("Email")),
            ("email-duplicate", Some(4), Some("Email"))
        ]
    );
    assert_eq!(
        *r.issues.get(1).unwrap().detail,
        Detail::EmailDuplicate { first_row: 3 }
    );
    assert_eq!(r.issues.get(1).unwrap().field, Some("email"));
    assert_eq!(r.issues.get(1).unwrap().value, Some("J.DeVries@Example.NL"));
}

#[test]
fn date_rules_against_as_of() {
    let head =
        "Email,First name,Last name,Onboarding date,Offboarding date,Birthday,Work anniversary";
    let r = check(&format!(
        "{head}
a@example.nl,A,A,2026-11-25,,,
b@example.nl,B,B,,2026-11-26,,
c@example.nl,C,C,,2026-12-10,,
d@example.nl,D,D,2027-03-01,2027-02-01,,
e@example.nl,E,E,,,2026-11-27,
f@example.nl,F,F,,,1906-11-25,
g@example.nl,G,G,,,1906-11-26,2026-02-30
h@example.nl,H,H,2026-11-26,2026-12-26,17-05-1990,
"
    ));
    assert_eq!(
        found(&r),
        [
            ("onboarding-past", Some(2), Some("Onboarding date")),
            ("offboarding-not-future", Some(3), Some("Offboarding date")),
            (
                "offboarding-short-notice",
                Some(4),
                Some("Offboarding date")
            ),
            (
                "offboarding-before-onboarding",
                Some(5),
                Some("Offboarding date")
            ),
            ("birthday-implausible", Some(6), Some("Birthday")),
            ("birthday-implausible", Some(7), Some("Birthday")),
            ("date-format", Some(8), Some("Work anniversary")),
            ("date-format", Some(9), Some("Birthday")),
        ]
    );
    let severities: Vec<Severity> = r.issues.iter().map(|i| i.severity).collect();
    let (w, e) = (Severity::Warning, Severity::Error);
    assert_eq!(severities, [w, w, w, e, e, e, e, e]);
    assert_eq!(
        *r.issues.get(2).unwrap().detail,
        Detail::OffboardingShortNotice { days: 14 }
    );
    assert_eq!(
        *r.issues.get(4).unwrap().detail,
        Detail::BirthdayImplausible { future: true }
    );
    // Row 9: exactly 30 days of notice is enough; onboarding on as_of is not past.
}

#[test]
fn language_and_company_group() {
    let c = config("[company]\ngroups = [\"Engineering\", \"Sales\"]");
    let input = "Email,First name,Last name,Language,Company group\na@example.nl,A,A,NL,Enginering\nb@example.nl,B,B,nl,Sales\nc@example.nl,C,C,fr,Marketing\nd@example.nl,D,D,,\n";
    let r = check_with(input.as_bytes(), &c);
    assert_eq!(
        found(&r),
        [
            ("language", Some(2), Some("Language")),
            ("company-group", Some(2), Some("Company group")),
            ("language", Some(4), Some("Language")),
            ("company-group", Some(4), Some("Company group")),
        ]
    );
    assert_eq!(
        *r.issues.get(0).unwrap().detail,
        Detail::Language {
            suggestion: Some("nl")
        }
    );
    assert_eq!(
        *r.issues.get(1).unwrap().detail,
        Detail::CompanyGroup {
            suggestion: Some("Engineering".into())
        }
    );
    assert_eq!(
        *r.issues.get(3).unwrap().detail,
        Detail::CompanyGroup { suggestion: None }
    );
    // Without a known list, any group passes.
    assert!(
        check(input)
            .issues
            .iter()
            .all(|i| i.code() != Code::CompanyGroup)
    );
}

#[test]
fn typed_custom_fields() {
    let c = config(
        "[custom_fields]\ncustom_fte = \"decimal\"\ncustom_hours = \"integer\"\ncustom_end = \"date\"\ncustom_note = \"text\"",
    );
    let input = "Email,First name,Last name,custom_fte,custom_hours,custom_end,custom_note\na@example.nl,A,A,0.8,40,2027-01-31,anything\nb@example.nl,B,B,\"0,8\",40.0,31-01-2027,\nc@example.nl,C,C,,,,\n";
    let r = check_with(input.as_bytes(), &c);
    assert_eq!(
        found(&r),
        [
            ("decimal-format", Some(3), Some("custom_fte")),
            ("integer-format", Some(3), Some("custom_hours")),
            ("date-format", Some(3), Some("custom_end")),
        ]
    );
    assert_eq!(
        *r.issues.get(0).unwrap().detail,
        Detail::DecimalFormat {
            hint: Some("0.8".into())
        }
    );
    assert_eq!(
        *r.issues.get(1).unwrap().detail,
        Detail::IntegerFormat {
            hint: Some("40".into())
        }
    );
}

#[test]
fn rows_stay_right_with_quoted_newlines_crlf_and_blank_lines() {
    let input = "Email,First name,Last name,Prefix\r\n\"a@example.nl\",\"Line\r\nbreak\",A,\r\n\r\nb@example,B,B,\r\n\"c@example.nl\",C,\"Two\nlines\nhere\",\r\nd@example,D,D,\r\n";
    let r = check(input);
    assert_eq!(
        found(&r),
        [
            ("blank-row", Some(3), None),
            ("email-format", Some(4), Some("Email")),
            ("email-format", Some(6), Some("Email"))
        ]
    );
}

#[test]
fn issues_are_ordered_by_row_then_column() {
    let r = check("Last name,First name,Email\n,,\n,,x\nVries,,jan@example.nl\n");
    let order: Vec<_> = r.issues.iter().map(|i| (i.row, i.column)).collect();
    assert_eq!(
        order,
        [
            (Some(2), None),
            (Some(3), Some("Last name")),
            (Some(3), Some("First name")),
            (Some(3), Some("Email")),
            (Some(4), Some("First name"))
        ]
    );
}

#[test]
fn json_is_exactly_the_spec_shape() {
    let r = check(&format!(
        "{HEAD}\nj.devries@example.nl,Jan,Vries\nJ.devries@example.nl,Jan,Vries\n"
    ));
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "valid": false, "as_of": "2026-11-26", "rows": 2, "errors": 1, "warnings": 0,
            "issues": [{
                "severity": "error", "code": "email-duplicate", "row": 3, "column": "Email", "field": "email",
                "value": "J.devries@example.nl",
                "message": "Email J.devries@example.nl is used again; first on row 2. Each employee needs their own address."
            }]
        })
    );
    let hidden = serde_json::to_value(r.without_values().with_lang(Lang::Nl)).unwrap();
    assert_eq!(hidden["issues"][0]["value"], serde_json::Value::Null);
    assert_eq!(
        hidden["issues"][0]["message"],
        "Dit e-mailadres komt nogmaals voor; voor het eerst op rij 2. Elke medewerker heeft een eigen adres nodig."
    );
}

#[test]
fn csv_output_for_excel() {
    let r = check(&format!("{HEAD}\n\"a,b@example.nl\",Jan,Vries\n"));
    let mut out = Vec::new();
    r.write_csv(&mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with("\u{feff}severity,code,row,column,field,value,message\n"));
    assert!(
        text.contains("error,email-format,2,Email,email,\"a,b@example.nl\","),
        "{text}"
    );
}

#[test]
fn a_generated_file_is_valid() {
    let mut file = Vec::new();
    sample::write(&mut file, 2000, 42, as_of()).unwrap();
    let r = check_with(&file, &sample::config());
    assert_eq!(
        (r.rows, r.errors(), r.warnings()),
        (2000, 0, 0),
        "{:?}",
        found(&r).first()
    );
}

/// A reader that gives `good` bytes and then fails.
struct FailingReader {
    good: Vec<u8>,
}

impl std::io::Read for FailingReader {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.good.is_empty() {
            return Err(std::io::Error::other("disk gone"));
        }
        let n = buf.len().min(self.good.len());
        buf[..n].copy_from_slice(&self.good[..n]);
        self.good.drain(..n);
        Ok(n)
    }
}

#[test]
fn a_read_error_midway_is_an_error_not_a_report() {
    let mut good = Vec::new();
    sample::write(&mut good, 5000, 3, as_of()).unwrap();
    let result = validate(
        FailingReader { good },
        &sample::config(),
        Options::new(as_of()),
    );
    match result {
        Err(Error::Read(e)) => assert_eq!(e.to_string(), "disk gone"),
        other => panic!("expected a read error, got {other:?}"),
    }
}

pub(super) fn report_json(input: &[u8], chunk: usize) -> serde_json::Value {
    let mut v = Validator::new(&sample::config(), Options::new(as_of()));
    for c in input.chunks(chunk.max(1)) {
        v.feed(c);
    }
    serde_json::to_value(v.finish()).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let r = check_with(&bytes, &Config::default());
        prop_assert_eq!(r.valid(), r.errors() == 0);
    }

    #[test]
    fn never_panics_on_csv_like_text(text in "[a-zA-Z@.,;\"\r\n 0-9-]{0,200}") {
        let mut input = format!("{HEAD},Birthday,Language\n");
        input.push_str(&text);
        let _ = check(&input);
    }

    #[test]
    fn chunk_boundaries_never_change_the_report(seed in any::<u64>(), chunk in 1usize..50, noise in "[a-z,\"\r\n]{0,40}") {
        let mut file = Vec::new();
        sample::write(&mut file, 8, seed, as_of()).unwrap();
        file.extend_from_slice(noise.as_bytes());
        prop_assert_eq!(report_json(&file, chunk), report_json(&file, 1 << 16));
    }

    #[test]
    fn generated_files_have_no_errors(seed in any::<u64>(), rows in 0usize..40) {
        let mut file = Vec::new();
        sample::write(&mut file, rows, seed, as_of()).unwrap();
        let r = check_with(&file, &sample::config());
        prop_assert_eq!((r.rows, r.errors()), (rows as u64, 0));
    }

    #[test]
    fn quoted_newlines_and_crlf_keep_rows(names in prop::collection::vec("[A-Za-z]{1,5}(\r?\n[A-Za-z]{1,5}){0,2}", 1..10), crlf in any::<bool>()) {
        // Every row gets a bad email, so the report lists each row number once.
        let eol = if crlf { "\r\n" } else { "\n" };
        let rows: String = names.iter().map(|name| ["bad,\"", name, "\",X", eol].concat()).collect();
        let input = format!("{HEAD}{eol}{rows}");
        let r = check(&input);
        let rows: Vec<u64> = r.issues.iter().filter_map(|i| i.row).collect();
        let expected: Vec<u64> = (2..2 + names.len() as u64).collect();
        prop_assert_eq!(rows, expected);
    }
}
