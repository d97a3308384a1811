use proptest::prelude::*;

use super::*;
use crate::code::Code;
use crate::input::Delimiter;
use crate::{sample, validate};

pub(super) fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

pub(super) fn config(toml_text: &str) -> Config {
    toml::from_str(toml_text).unwrap()
}

/// The Dutch export's settings, without `[input]` (tests add what they test).
pub(super) const DUTCH_MAPPING: &str = r#"
[company]
groups = ["Engineering", "Sales"]
[mapping]
"E-mailadres" = "email"
"Voornaam" = "first_name"
"Tussenvoegsel" = "prefix"
"Achternaam" = "last_name"
"Geboortedatum" = "birthday"
"Taal" = "language"
"Afdeling" = "company_group"
"Personeelsnummer" = "custom_employee_id"
"FTE" = "custom_fte"
[custom_fields]
custom_employee_id = "integer"
custom_fte = "decimal"
"#;

pub(super) const DUTCH_EXPORT: &str = "Personeelsnummer;E-mailadres;Voornaam;Tussenvoegsel;Achternaam;Geboortedatum;Taal;Afdeling;FTE\r\n\
0012;j.devries@example.nl;Jan;de;Vries;17-05-1990;Nederlands;engineering;0,8\r\n\
0013; s.muller@example.de ;Sören;;Müller;1-2-1985;DE;Sales;1\r\n";

const CANONICAL: &str = "Email,First name,Last name,Prefix,Birthday,Language,Company group,custom_employee_id,custom_fte\n\
j.devries@example.nl,Jan,Vries,de,1990-05-17,nl,Engineering,0012,0.8\n\
s.muller@example.de,Sören,Müller,,1985-02-01,de,Sales,0013,1\n";

pub(super) struct Run {
    pub(super) out: String,
    pub(super) rejects: String,
    pub(super) changes: String,
    pub(super) done: Transformed,
}

pub(super) fn run_bytes(
    input: &[u8],
    config: &Config,
    options: TransformOptions,
    chunk: usize,
) -> Run {
    let (mut out, mut rejects, mut changes) = (Vec::new(), Vec::new(), Vec::new());
    let outputs = Outputs::new(&mut out)
        .rejects(&mut rejects)
        .changes(&mut changes);
    let mut t = Transformer::new(config, options, outputs);
    for c in input.chunks(chunk.max(1)) {
        t.feed(c).unwrap();
    }
    let done = t.finish().unwrap();
    Run {
        out: String::from_utf8(out).unwrap(),
        rejects: String::from_utf8(rejects).unwrap(),
        changes: String::from_utf8(changes).unwrap(),
        done,
    }
}

pub(super) fn run(input: &[u8], config: &Config) -> Run {
    let mut options = TransformOptions::new(as_of());
    options.detected_encoding = Some(detect_encoding(input).unwrap());
    run_bytes(input, config, options, 1 << 16)
}

pub(super) fn windows_1252(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!unmappable);
    bytes.into_owned()
}

pub(super) fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let bom: [u8; 2] = if big_endian {
        [0xFE, 0xFF]
    } else {
        [0xFF, 0xFE]
    };
    bom.into_iter()
        .chain(text.encode_utf16().flat_map(move |u| {
            if big_endian {
                u.to_be_bytes()
            } else {
                u.to_le_bytes()
            }
        }))
        .collect()
}

pub(super) fn dutch_config() -> Config {
    config(&format!(
        "{DUTCH_MAPPING}\n[input]\ndate_format = \"%d-%m-%Y\"\ndecimal_comma = true\n"
    ))
}

#[test]
fn a_dutch_excel_export_becomes_the_canonical_file() {
    let r = run(&windows_1252(DUTCH_EXPORT), &dutch_config());
    assert!(r.done.usable(), "{:?}", r.done.report.issues);
    assert_eq!(r.out, CANONICAL);
    let s = &r.done.summary;
    assert_eq!((s.rows, s.written, s.rejected), (2, 2, 0));
    assert_eq!(s.encoding, Some(Encoding::WINDOWS_1252));
    assert_eq!(s.delimiter.map(Delimiter::byte), Some(b';'));
    assert!(s.encoding_detected && s.delimiter_detected);
    for (rule, n) in [
        (Rule::Header, 9),
        (Rule::Date, 2),
        (Rule::DecimalComma, 1),
        (Rule::Language, 2),
        (Rule::CompanyGroup, 1),
        (Rule::Trim, 1),
    ] {
        assert_eq!(s.count(rule), n, "{rule}");
    }
    assert_eq!(
        s.describe(Lang::En).unwrap(),
        "renamed 9 columns; converted 2 dates from DD-MM-YYYY; 1 decimal from comma to dot; \
         wrote 2 languages as a code; corrected the case of 1 company group; trimmed 1 value"
    );
    let log: Vec<&str> = r.changes.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(log[0], "row,column,field,old,new,rule");
    assert!(log.contains(&"1,E-mailadres,email,E-mailadres,Email,header"));
    assert!(log.contains(&"2,Geboortedatum,birthday,17-05-1990,1990-05-17,date"));
    assert!(log.contains(&"2,FTE,custom_fte,\"0,8\",0.8,decimal-comma"));
    assert!(log.contains(&"3,E-mailadres,email, s.muller@example.de ,s.muller@example.de,trim"));
    assert_eq!(log.len(), 1 + 16);
}

#[test]
fn every_encoding_gives_the_same_file() {
    let config = dutch_config();
    for (name, bytes) in [
        ("utf-8", DUTCH_EXPORT.as_bytes().to_vec()),
        (
            "utf-8 bom",
            [b"\xEF\xBB\xBF", DUTCH_EXPORT.as_bytes()].concat(),
        ),
        ("windows-1252", windows_1252(DUTCH_EXPORT)),
        ("utf-16le", utf16(DUTCH_EXPORT, false)),
        ("utf-16be", utf16(DUTCH_EXPORT, true)),
    ] {
        let r = run(&bytes, &config);
        assert_eq!(r.out, CANONICAL, "{name}");
    }
    // Set explicitly, and with a BOM that overrides the setting.
    let latin1 = config_with(&config, |i| i.encoding = Encoding::parse("latin-1").ok());
    let options = TransformOptions::new(as_of());
    assert_eq!(
        run_bytes(&windows_1252(DUTCH_EXPORT), &latin1, options, 3).out,
        CANONICAL
    );
    assert_eq!(
        run_bytes(&utf16(DUTCH_EXPORT, false), &latin1, options, 5).out,
        CANONICAL
    );
}

#[test]
fn a_byte_that_is_not_in_the_set_encoding_stops_the_run() {
    let utf8 = config_with(&dutch_config(), |i| i.encoding = Some(Encoding::UTF_8));
    let export = windows_1252(DUTCH_EXPORT);
    let r = run_bytes(&export, &utf8, TransformOptions::new(as_of()), 7);
    assert!(r.done.stopped && !r.done.usable());
    let issue = r
        .done
        .report
        .issues
        .iter()
        .find(|i| i.code() == Code::Encoding)
        .unwrap();
    let first_bad = export.iter().position(|&b| b >= 0x80).unwrap() as u64;
    assert_eq!(
        *issue.detail,
        Detail::Encoding {
            row: None,
            byte: first_bad,
            utf16: false
        }
    );
}

pub(super) fn config_with(base: &Config, edit: impl FnOnce(&mut crate::input::Input)) -> Config {
    let mut c = base.clone();
    edit(&mut c.input);
    c
}

#[test]
fn every_delimiter_detected_or_set() {
    for d in Delimiter::ALL {
        let sep = if d.byte() == b'\t' { "\t" } else { d.name() };
        let export = DUTCH_EXPORT.replace(';', sep);
        // Values with a comma are quoted in a comma-separated export.
        let export = if d == Delimiter::COMMA {
            export.replace("0,8", "\"0,8\"")
        } else {
            export
        };
        let detected = run(export.as_bytes(), &dutch_config());
        assert_eq!(detected.out, CANONICAL, "detected {d}");
        assert_eq!(detected.done.summary.delimiter, Some(d));
        let set = config_with(&dutch_config(), |i| i.delimiter = Some(d));
        assert_eq!(run(export.as_bytes(), &set).out, CANONICAL, "set {d}");
    }
}

#[test]
fn every_date_format() {
    for (format, birthday) in [
        ("%d-%m-%Y", "17-05-1990"),
        ("%d/%m/%Y", "17/05/1990"),
        ("%d.%m.%Y", "17.05.1990"),
        ("%m/%d/%Y", "05/17/1990"),
        ("%Y%m%d", "19900517"),
        ("%d %b %Y", "17 May 1990"),
    ] {
        let config = config(&format!("[input]\ndate_format = \"{format}\""));
        let export = format!("Email,First name,Last name,Birthday\na@example.nl,A,B,{birthday}\n");
        let r = run(export.as_bytes(), &config);
        assert!(r.out.ends_with(",1990-05-17\n"), "{format}: {}", r.out);
    }
}

#[test]
fn invalid_rows_go_to_the_rejects_file_with_the_reason() {
    let export = "E-mailadres;Voornaam;Achternaam;Geboortedatum\r\n\
                  a@example.nl;Ann;Smit;17-05-1990\r\n\
                  not-an-email;Bob;Smit;01-01-1980\r\n\
                  A@example.nl;Ann;Smit;17-05-1990\r\n\
                  c@example.nl;;Smit;31-02-1990\r\n\
                  d@example.nl;Dirk;Smit\r\n";
    let config = dutch_config();
    let r = run(export.as_bytes(), &config);
    let s = &r.done.summary;
    assert_eq!((s.rows, s.written, s.rejected), (5, 1, 4));
    assert!(r.done.usable());
    assert_eq!(
        r.out,
        "Email,First name,Last name,Birthday\na@example.nl,Ann,Smit,1990-05-17\n"
    );
    let rejects: Vec<&str> = r.rejects.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(
        rejects[0],
        "E-mailadres;Voornaam;Achternaam;Geboortedatum;reason"
    );
    assert!(
        rejects[1].starts_with("not-an-email;Bob;Smit;01-01-1980;"),
        "{}",
        rejects[1]
    );
    assert!(rejects[2].contains("first on row 2"), "{}", rejects[2]);
    assert!(
        rejects[3].contains("Voornaam") && rejects[3].contains(" | "),
        "{}",
        rejects[3]
    );
    assert!(
        rejects[4].starts_with("d@example.nl;Dirk;Smit;;"),
        "{}",
        rejects[4]
    );
    let codes: Vec<(Option<u64>, Code)> = r
        .done
        .report
        .issues
        .iter()
        .map(|i| (i.row, i.code()))
        .collect();
    assert_eq!(
        codes,
        [
            (Some(3), Code::EmailFormat),
            (Some(4), Code::EmailDuplicate),
            (Some(5), Code::Required),
            (Some(5), Code::DateFormat),
            (Some(6), Code::RowLength),
        ]
    );
    // The rejected rows' repairs are not in the log: the rows were not written.
    assert!(!r.changes.contains("31-02-1990"));

    // Without a rejects file the run is not usable.
    let mut out = Vec::new();
    let done = transform(
        export.as_bytes(),
        &config,
        TransformOptions::new(as_of()),
        Outputs::new(&mut out),
    )
    .unwrap();
    assert!(!done.usable() && !done.stopped);
}

#[test]
fn header_problems_stop_the_run() {
    for (export, code) in [
        (
            "Email;First name;Last name;Afdelingscode\na@b.nl;A;B;100\n",
            Code::UnknownColumn,
        ),
        (
            "Email;First name;Last name;Salaris\na@b.nl;A;B;100\n",
            Code::SensitiveData,
        ),
        ("Email;First name\na@b.nl;A\n", Code::MissingColumn),
        ("Email;Email;First name;Last name\n", Code::DuplicateColumn),
        ("", Code::EmptyFile),
        ("\n\n;;;\n", Code::EmptyFile),
    ] {
        let r = run(export.as_bytes(), &Config::default());
        assert!(r.done.stopped && !r.done.usable(), "{export}");
        assert!(
            r.done.report.issues.iter().any(|i| i.code() == code),
            "{export}"
        );
        assert_eq!(r.done.summary.rows, 0);
    }
}

#[test]
fn blank_rows_are_left_out_and_logged() {
    let export = "\r\nEmail;First name;Last name\r\n\r\na@example.nl;A;B\r\n;;\r\n \r\nb@example.nl;C;D\r\n;;\r\n";
    let r = run(export.as_bytes(), &Config::default());
    assert_eq!(
        r.out,
        "Email,First name,Last name\na@example.nl,A,B\nb@example.nl,C,D\n"
    );
    assert_eq!(r.done.summary.count(Rule::BlankRow), 5);
    assert_eq!(r.done.summary.rows, 2);
    assert!(r.changes.contains("\n5,,,,,blank-row\n"), "{}", r.changes);
}

#[test]
fn leading_zeros_and_text_are_kept() {
    let export = "Email,First name,Last name,custom_id,custom_code\na@example.nl,A,B,0012,007\n";
    let config = config("[custom_fields]\ncustom_id = \"integer\"");
    assert_eq!(run(export.as_bytes(), &config).out, export);
}

#[test]
fn values_that_need_quotes_keep_them() {
    let export = "Email;First name;Last name;custom_note\na@example.nl;\"Anna, Maria\";B;\"two\nlines \"\"quoted\"\"\"\n";
    let r = run(export.as_bytes(), &Config::default());
    assert_eq!(
        r.out,
        "Email,First name,Last name,custom_note\na@example.nl,\"Anna, Maria\",B,\"two\nlines \"\"quoted\"\"\"\n"
    );
}

#[test]
fn reasons_follow_the_language() {
    let mut options = TransformOptions::new(as_of());
    options.lang = Lang::Nl;
    let r = run_bytes(
        b"Email;Voornaam;Achternaam\nx;A;B\n",
        &dutch_config(),
        options,
        64,
    );
    assert!(r.rejects.contains(";reden\n"), "{}", r.rejects);
}

pub(super) fn sample_file(rows: usize, seed: u64) -> Vec<u8> {
    let mut file = Vec::new();
    sample::write(&mut file, rows, seed, as_of()).unwrap();
    file
}

fn sample_dutch(rows: usize, seed: u64) -> Vec<u8> {
    let mut file = Vec::new();
    sample::write_dutch(&mut file, rows, seed, as_of()).unwrap();
    file
}

#[test]
fn the_dutch_version_of_a_sample_comes_back_to_the_sample() {
    let r = run(&sample_dutch(300, 11), &sample::dutch_config());
    assert!(r.done.usable());
    assert_eq!(r.out.as_bytes(), sample_file(300, 11).as_slice());
    let s = &r.done.summary;
    assert_eq!((s.count(Rule::Header), s.count(Rule::Date)), (13, 1500));
    assert_eq!((s.count(Rule::Language), s.count(Rule::Trim)), (100, 60));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn a_canonical_file_survives_unchanged(rows in 0usize..40, seed in any::<u64>(), bom in any::<bool>(), chunk in 1usize..200) {
        let canonical = sample_file(rows, seed);
        let input = if bom { [b"\xEF\xBB\xBF".as_slice(), &canonical].concat() } else { canonical.clone() };
        let r = run_bytes(&input, &sample::config(), TransformOptions::new(as_of()), chunk);
        prop_assert!(r.done.usable());
        prop_assert_eq!(r.out.as_bytes(), canonical.as_slice());
        prop_assert!(r.done.summary.changes.is_empty());
    }

    #[test]
    fn output_validates_and_no_row_is_lost(
        rows in 1usize..30,
        seed in any::<u64>(),
        edits in prop::collection::vec((0usize..30, 0usize..13, "[ a-zA-Z0-9@.,;\\-]{0,12}"), 0..12),
        chunk in 1usize..300,
    ) {
        // A Dutch export with random cells overwritten: some rows become invalid.
        let bytes = sample_dutch(rows, seed);
        let (dutch, _, _) = encoding_rs::WINDOWS_1252.decode(&bytes);
        let mut lines: Vec<Vec<String>> = dutch.lines().map(|l| l.split(';').map(str::to_owned).collect()).collect();
        for (row, col, value) in edits {
            if let Some(line) = lines.get_mut(1 + row % rows) {
                line[col] = value.replace(';', "");
            }
        }
        let text: String = lines.iter().map(|l| l.join(";") + "\n").collect();
        let config = sample::dutch_config();
        let r = run_bytes(&windows_1252(&text), &config, {
            let mut o = TransformOptions::new(as_of());
            o.detected_encoding = Some(Encoding::WINDOWS_1252);
            o
        }, chunk);
        let s = &r.done.summary;
        prop_assert!(r.done.usable());
        prop_assert_eq!(s.written + s.rejected + s.count(Rule::DuplicateRow), s.rows);
        prop_assert_eq!(s.rows, rows as u64 - s.count(Rule::BlankRow));
        let rejected_lines = r.rejects.lines().count() as u64 - 1;
        prop_assert_eq!(rejected_lines, s.rejected);
        let check = validate(r.out.as_bytes(), &config, crate::Options::new(as_of())).unwrap();
        prop_assert_eq!(check.errors(), 0, "{:?}", check.issues);
        prop_assert_eq!(check.rows, s.written);
    }
}

/// `transform` (three threads) with every output, as text.
pub(super) fn run_threaded(input: &[u8], config: &Config, options: TransformOptions) -> Run {
    let (mut out, mut rejects, mut changes) = (Vec::new(), Vec::new(), Vec::new());
    let outputs = Outputs::new(&mut out)
        .rejects(&mut rejects)
        .changes(&mut changes);
    let done = transform(input, config, options, outputs).unwrap();
    Run {
        out: String::from_utf8(out).unwrap(),
        rejects: String::from_utf8(rejects).unwrap(),
        changes: String::from_utf8(changes).unwrap(),
        done,
    }
}

proptest! {
    // Each case transforms thousands of rows, so fewer cases cover plenty.
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    #[test]
    fn three_threads_give_what_one_gives(rows in 0usize..3000, seed in any::<u64>(), roster in any::<bool>(), noise in "[a-z@;\"\r\n\u{e9}]{0,30}") {
        let profile = if roster { sample::Profile::Roster } else { sample::Profile::Clean };
        let mut input = Vec::new();
        profile.write_dutch(&mut input, rows, seed, as_of()).unwrap();
        input.extend_from_slice(&windows_1252(&noise));
        let config = sample::dutch_config();
        let options = TransformOptions::new(as_of());
        let threaded = run_threaded(&input, &config, options);
        let one = run_bytes(&input, &config, options, 1 << 16);
        prop_assert_eq!(&threaded.out, &one.out);
        prop_assert_eq!(&threaded.rejects, &one.rejects);
        prop_assert_eq!(&threaded.changes, &one.changes);
        prop_assert_eq!(&threaded.done.summary, &one.done.summary);
        prop_assert_eq!(&threaded.done.report, &one.done.report);
    }
}

/// Large enough that the reading thread gets the header's columns while most
/// of the export is still to come: most batches are repaired on the reading
/// thread (the property test above, with up to 3,000 rows, seldom gets there).
#[test]
fn rows_prepared_on_the_reading_thread_give_what_one_thread_gives() {
    for (profile, seed) in [(sample::Profile::Roster, 3), (sample::Profile::Clean, 4)] {
        let mut input = Vec::new();
        profile
            .write_dutch(&mut input, 20_000, seed, as_of())
            .unwrap();
        let config = sample::dutch_config();
        let options = TransformOptions::new(as_of());
        let threaded = run_threaded(&input, &config, options);
        let one = run_bytes(&input, &config, options, 1 << 16);
        assert!(threaded.out == one.out && threaded.rejects == one.rejects);
        assert!(threaded.changes == one.changes);
        assert_eq!(threaded.done.summary, one.done.summary);
        assert_eq!(threaded.done.report, one.done.report);
    }
}

#[test]
fn a_malformed_byte_stops_the_threaded_run_as_it_stops_one_thread() {
    let mut utf8 = Vec::new();
    sample::write(&mut utf8, 3000, 9, as_of()).unwrap();
    let at = utf8.len() / 2;
    utf8.splice(at..at, [0xFF]);
    let config = sample::config();
    let threaded = run_threaded(&utf8, &config, TransformOptions::new(as_of()));
    let one = run_bytes(&utf8, &config, TransformOptions::new(as_of()), 1 << 16);
    assert!(threaded.done.stopped && !threaded.done.usable());
    assert_eq!(threaded.done.report, one.done.report);
    assert_eq!(threaded.done.summary, one.done.summary);
}
