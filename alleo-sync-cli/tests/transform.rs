//! `alleo-sync transform` end to end: the Dutch example as CSV and as a workbook,
//! rejects, the change log, and everything that must not be written.

use std::fs;
use std::path::Path;

use serde_json::Value;

mod common;
use common::{alleo_sync, alleo_sync_in, example, root, stderr, stdout};

const AS_OF: &str = "2026-11-26";

fn dutch(file: &str) -> String {
    example(&format!("dutch-export/{file}"))
}

/// `transform` run in `dir` with the Dutch example's config.
fn transform_in(dir: &Path, input: &str, extra: &[&str]) -> std::process::Output {
    let config = dutch("alleo.toml");
    let mut args = vec!["transform", input, "--config", &config, "--as-of", AS_OF];
    args.extend_from_slice(extra);
    alleo_sync_in(dir, &args, None)
}

/// Names of the files in `dir`, sorted.
fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn the_dutch_export_as_csv_and_as_workbook_gives_one_valid_file() {
    let dir = tempfile::tempdir().unwrap();
    let from_csv = transform_in(
        dir.path(),
        &dutch("export.csv"),
        &["-o", "alleo_employees_acme.csv"],
    );
    assert_eq!(
        from_csv.status.code(),
        Some(0),
        "{}{}",
        stdout(&from_csv),
        stderr(&from_csv)
    );
    let text = stdout(&from_csv);
    assert!(
        text.contains("Read: windows-1252, delimiter \";\", dates DD-MM-YYYY"),
        "{text}"
    );
    assert!(text.contains("Rows: 12 read, 12 valid"), "{text}");
    assert!(
        text.contains("converted 27 dates from DD-MM-YYYY; 7 decimals from comma to dot"),
        "{text}"
    );
    assert!(
        text.contains("✓ Wrote alleo_employees_acme.csv (12 rows)"),
        "{text}"
    );

    let from_book = transform_in(dir.path(), &dutch("export.xlsx"), &["-o", "from_book.csv"]);
    assert_eq!(from_book.status.code(), Some(0), "{}", stdout(&from_book));
    assert!(stdout(&from_book).contains("sheet \"Medewerkers\""));
    let written = fs::read(dir.path().join("alleo_employees_acme.csv")).unwrap();
    assert_eq!(written, fs::read(dir.path().join("from_book.csv")).unwrap());
    assert!(written.starts_with(b"Email,First name,Last name,Prefix,Birthday,"));
    assert!(String::from_utf8(written).unwrap().contains(
        "\nlukas.mueller@example.de,Lukas,Müller,,1988-11-02,2021-04-15,de,Engineering,0014,1,\n"
    ));

    // The output passes validate with the same configuration.
    let config = dutch("alleo.toml");
    let check = alleo_sync_in(
        dir.path(),
        &[
            "validate",
            "alleo_employees_acme.csv",
            "--config",
            &config,
            "--as-of",
            AS_OF,
        ],
        None,
    );
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
    assert_eq!(
        files(dir.path()),
        ["alleo_employees_acme.csv", "from_book.csv"]
    );
}

/// The Dutch example with one bad row added (an address without @).
fn export_with_a_bad_row(dir: &Path) -> String {
    let mut bytes = fs::read(dutch("export.csv")).unwrap();
    bytes.extend_from_slice(b"0099;not-an-address;Bad;;Row;01-01-1980;01-01-2020;NL;Sales;1;\r\n");
    let path = dir.join("export.csv");
    fs::write(&path, bytes).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn an_invalid_row_writes_nothing_and_keeps_the_old_output() {
    let dir = tempfile::tempdir().unwrap();
    let input = export_with_a_bad_row(dir.path());
    fs::write(
        dir.path().join("alleo_employees_acme.csv"),
        "yesterday's file",
    )
    .unwrap();
    let o = transform_in(
        dir.path(),
        &input,
        &["-o", "alleo_employees_acme.csv", "--changes", "changes.csv"],
    );
    assert_eq!(o.status.code(), Some(1));
    let text = stdout(&o);
    assert!(text.contains("Row 15\n  error    email-format"), "{text}");
    assert!(
        text.contains("Nothing was written: 1 row would be invalid"),
        "{text}"
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("alleo_employees_acme.csv")).unwrap(),
        "yesterday's file"
    );
    assert_eq!(
        files(dir.path()),
        ["alleo_employees_acme.csv", "export.csv"]
    );
}

/// `--keep-invalid`: the bad row stays in the file, where `validate` names it,
/// and the run still exits 1.
#[test]
fn invalid_rows_can_be_kept_in_the_output_to_fix_them() {
    let dir = tempfile::tempdir().unwrap();
    let input = export_with_a_bad_row(dir.path());
    // Never under a name Alleo picks up: such a file is not one to send.
    for name in [
        "alleo_employees_acme.csv",
        "alleo_employees_acme.to-fix.csv",
    ] {
        let refused = transform_in(dir.path(), &input, &["-o", name, "--keep-invalid"]);
        assert_eq!(refused.status.code(), Some(2));
        assert!(
            stderr(&refused).contains("e.g. to-fix_alleo_employees_acme"),
            "{}",
            stderr(&refused)
        );
    }
    assert_eq!(files(dir.path()), ["export.csv"], "nothing written");
    let o = transform_in(
        dir.path(),
        &input,
        &["-o", "to-fix_alleo_employees_acme.csv", "--keep-invalid"],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let text = stdout(&o);
    assert!(
        text.contains("! Wrote to-fix_alleo_employees_acme.csv (13 rows)"),
        "{text}"
    );
    assert!(
        text.contains("1 row of them still invalid (see above), kept to be fixed there"),
        "{text}"
    );
    let written = fs::read_to_string(dir.path().join("to-fix_alleo_employees_acme.csv")).unwrap();
    assert!(written.contains("\nnot-an-address,Bad,"), "{written}");
    let check = alleo_sync_in(
        dir.path(),
        &[
            "validate",
            "to-fix_alleo_employees_acme.csv",
            "--as-of",
            AS_OF,
            "--format",
            "json",
            "--no-previous",
        ],
        None,
    );
    let report: Value = serde_json::from_str(&stdout(&check)).unwrap();
    let errors: Vec<&str> = report["issues"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["severity"] == "error")
        .map(|i| i["code"].as_str().unwrap())
        .collect();
    assert_eq!(errors, ["email-format"]);
}

#[test]
fn rejects_and_changes_files() {
    let dir = tempfile::tempdir().unwrap();
    let input = export_with_a_bad_row(dir.path());
    let o = transform_in(
        dir.path(),
        &input,
        &[
            "-o",
            "out.csv",
            "--rejects",
            "rejects.csv",
            "--changes",
            "changes.csv",
            "--lang",
            "nl",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "rows were rejected");
    let text = stdout(&o);
    assert!(
        text.contains("Apart gezet in rejects.csv, elk met de reden: 1 rij ongeldig."),
        "{text}"
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("out.csv"))
            .unwrap()
            .lines()
            .count(),
        13
    );
    let rejects = fs::read_to_string(dir.path().join("rejects.csv")).unwrap();
    let lines: Vec<&str> = rejects.lines().collect();
    assert_eq!(lines.len(), 2);
    assert!(
        lines[0].starts_with("\u{feff}Personeelsnummer;E-mailadres;")
            && lines[0].ends_with(";reden")
    );
    assert!(
        lines[1].starts_with("0099;not-an-address;")
            && lines[1].contains("geen geldig e-mailadres")
    );
    let changes = fs::read_to_string(dir.path().join("changes.csv")).unwrap();
    assert!(changes.starts_with("\u{feff}row,column,field,old,new,rule\n"));
    assert!(
        changes.contains("\n2,Geboortedatum,birthday,12-03-1984,1984-03-12,date\n"),
        "{changes}"
    );
    assert!(changes.contains("\n3,Afdeling,company_group,sales,Sales,company-group\n"));
    assert!(changes.contains("\n14,,,,,blank-row\n"));
    // Fixed by hand and transformed again, the rejects file passes on its own.
    let fixed = rejects.replace("not-an-address", "bad.row@example.nl");
    let fixed: String = fixed
        .lines()
        .map(|l| l.rsplit_once(';').unwrap().0.to_owned() + "\r\n")
        .collect();
    fs::write(dir.path().join("fixed.csv"), fixed).unwrap();
    let again = transform_in(dir.path(), "fixed.csv", &["-o", "fixed_out.csv"]);
    assert_eq!(again.status.code(), Some(0), "{}", stdout(&again));
}

/// Rejects and a change log are not files to send: Alleo picks up every
/// `alleo_employees_*.csv`, so such a name for them is refused, with one it does
/// not pick up.
#[test]
fn rejects_and_changes_are_never_named_as_files_alleo_picks_up() {
    let dir = tempfile::tempdir().unwrap();
    let input = export_with_a_bad_row(dir.path());
    for (flag, name, other) in [
        (
            "--rejects",
            "alleo_employees_acme-rejects.csv",
            "out-rejects",
        ),
        (
            "--changes",
            "alleo_employees_acme.changes.CSV",
            "out-changes",
        ),
    ] {
        let o = transform_in(dir.path(), &input, &["-o", "out.csv", flag, name]);
        assert_eq!(o.status.code(), Some(2), "{}", stdout(&o));
        let said = stderr(&o);
        assert!(
            said.contains(&format!("{flag} {name}: Alleo picks up")),
            "{said}"
        );
        assert!(said.contains(&format!("e.g. {other}.csv")), "{said}");
    }
    let dutch = transform_in(
        dir.path(),
        &input,
        &[
            "-o",
            "alleo_employees_x.csv",
            "--rejects",
            "alleo_employees_x-rejects.csv",
            "--lang",
            "nl",
        ],
    );
    assert!(
        stderr(&dutch).contains("noem het bijv. rejects_alleo_employees_x.csv"),
        "{}",
        stderr(&dutch)
    );
    assert_eq!(files(dir.path()), ["export.csv"], "nothing written");
}

#[test]
fn refuses_to_overwrite_the_input_or_to_write_two_outputs_to_one_file() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("export.csv");
    fs::copy(dutch("export.csv"), &input).unwrap();
    let before = fs::read(&input).unwrap();
    for extra in [
        vec!["-o", "export.csv"],
        vec!["-o", "./export.csv"],
        vec!["-o", "out.csv", "--rejects", "export.csv"],
        vec!["-o", "out.csv", "--changes", "out.csv"],
    ] {
        let o = transform_in(dir.path(), "export.csv", &extra);
        assert_eq!(o.status.code(), Some(2), "{extra:?}");
        assert!(
            stderr(&o).contains("give each file its own name"),
            "{}",
            stderr(&o)
        );
    }
    assert_eq!(fs::read(&input).unwrap(), before);
    assert_eq!(files(dir.path()), ["export.csv"]);
}

#[test]
fn a_folder_that_cannot_be_written_is_a_clear_error_and_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("locked");
    fs::create_dir(&locked).unwrap();
    let mut perms = fs::metadata(&locked).unwrap().permissions();
    perms.set_readonly(true);
    fs::set_permissions(&locked, perms).unwrap();
    // Root may write into a read-only folder; /sys refuses even root.
    let target = if fs::write(locked.join("probe"), "x").is_ok() {
        Path::new("/sys").join("alleo_employees_acme.csv")
    } else {
        locked.join("alleo_employees_acme.csv")
    };
    let _ = fs::remove_file(locked.join("probe"));
    let target = target.to_string_lossy().into_owned();
    let o = transform_in(dir.path(), &dutch("export.csv"), &["-o", &target]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("cannot create a file in the folder")
            && err.contains("choose a folder you can write to"),
        "{err}"
    );
    assert!(stdout(&o).is_empty(), "nothing was done");
    assert!(!Path::new(&target).exists());
    assert_eq!(fs::read_dir(&locked).unwrap().count(), 0);

    let missing = transform_in(
        dir.path(),
        &dutch("export.csv"),
        &["-o", "no/such/folder/out.csv"],
    );
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains("does not exist") || stderr(&missing).contains("No such file"),
        "{}",
        stderr(&missing)
    );
}

#[test]
fn standard_input_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let export = "E-mailadres;Voornaam;Achternaam;Taal\nj@example.nl;Jan;Jansen;Nederlands\n";
    fs::write(dir.path().join("alleo.toml"), "[mapping]\n\"E-mailadres\" = \"email\"\n\"Voornaam\" = \"first_name\"\n\"Achternaam\" = \"last_name\"\n\"Taal\" = \"language\"\n").unwrap();
    let o = alleo_sync_in(
        dir.path(),
        &[
            "transform",
            "-",
            "-o",
            "alleo_employees_x.csv",
            "--format",
            "json",
            "--as-of",
            AS_OF,
        ],
        Some(export.as_bytes()),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let json: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(json["written"], true);
    assert_eq!(json["summary"]["rows"], 1);
    assert_eq!(json["summary"]["delimiter"], ";");
    assert_eq!(json["summary"]["delimiter_detected"], true);
    assert_eq!(json["summary"]["changes"]["language"], 1);
    assert_eq!(json["report"]["valid"], true);
    assert_eq!(
        fs::read_to_string(dir.path().join("alleo_employees_x.csv")).unwrap(),
        "Email,First name,Last name,Language\nj@example.nl,Jan,Jansen,nl\n"
    );
}

#[test]
fn unknown_headers_stop_the_run_and_point_to_mapping_suggest() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("export.csv"),
        "E-mailadres;Voornaam;Achternaam\na@example.nl;A;B\n",
    )
    .unwrap();
    let o = alleo_sync_in(
        dir.path(),
        &["transform", "export.csv", "-o", "out.csv"],
        None,
    );
    assert_eq!(o.status.code(), Some(1));
    let text = stdout(&o);
    assert!(text.contains("unknown-column"), "{text}");
    assert!(
        text.contains("Nothing was written: the export cannot be read as it is"),
        "{text}"
    );
    assert!(
        text.contains("alleo-sync mapping suggest export.csv"),
        "{text}"
    );
    assert_eq!(files(dir.path()), ["export.csv"]);
}

#[test]
fn an_old_xls_workbook_is_refused_with_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("old.xls"),
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
    )
    .unwrap();
    let o = alleo_sync_in(dir.path(), &["transform", "old.xls", "-o", "out.csv"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("save it as .xlsx"), "{}", stderr(&o));
}

#[test]
fn help_teaches_the_input_section() {
    let o = alleo_sync(&["transform", "--help"], None);
    let help = stdout(&o);
    for needle in [
        "[input]",
        "date_format",
        "--rejects",
        "mapping suggest",
        "Exit codes",
    ] {
        assert!(help.contains(needle), "{needle}");
    }
    assert!(root().join("examples/dutch-export/export.xlsx").exists());
}

#[test]
fn mapping_suggest_gives_a_config_that_transforms_the_export() {
    let dir = tempfile::tempdir().unwrap();
    let o = alleo_sync_in(
        dir.path(),
        &["mapping", "suggest", &dutch("export.csv")],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let suggested = stdout(&o);
    for line in [
        "\n[input]\ndelimiter = \";\"",
        "\n\"E-mailadres\" = \"email\"",
        "# high: Dutch for \"Email\"; 12 of 12 values are email addresses",
        "\ncustom_fte = \"decimal\"",
    ] {
        assert!(suggested.contains(line), "{line}\n{suggested}");
    }
    let config = format!(
        "[company]\ngroups = [\"Engineering\", \"Sales\", \"Operations\", \"Finance\", \"People\"]\n{suggested}"
    );
    fs::write(dir.path().join("alleo.toml"), config).unwrap();
    let t = alleo_sync_in(
        dir.path(),
        &[
            "transform",
            &dutch("export.xlsx"),
            "-o",
            "alleo_employees_acme.csv",
            "--as-of",
            AS_OF,
        ],
        None,
    );
    assert_eq!(t.status.code(), Some(0), "{}", stdout(&t));
}

#[test]
fn mapping_suggest_never_applies_a_doubtful_line() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("export.csv"),
        "Email consent,E-mailadres,Naam,Salaris\nyes,a@example.nl,Ann,4000\nno,b@example.nl,Bob,4100\n",
    )
    .unwrap();
    let o = alleo_sync_in(
        dir.path(),
        &["mapping", "suggest", "export.csv", "--format", "json"],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let json: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let consent = &json["columns"][0];
    assert_eq!(consent["confidence"], "low");
    assert_eq!(consent["evidence"]["matching"], 0);
    assert_eq!(json["columns"][1]["target"], "email");
    let text = stdout(&alleo_sync_in(
        dir.path(),
        &["mapping", "suggest", "export.csv", "--lang", "de"],
        None,
    ));
    assert!(text.contains("\n# \"Email consent\" = \"email\""), "{text}");
    // Every column not sent is left out; pay never becomes a custom field.
    assert!(
        text.contains("\nignore = [\n    \"Email consent\","),
        "{text}"
    );
    assert!(
        text.contains("    \"Salaris\",        # Gehaltsangaben: Alleo darf sie nicht erhalten\n"),
        "{text}"
    );
    assert!(!text.contains("custom_salaris"), "{text}");
}

#[test]
fn mapping_suggest_needs_a_header() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("empty.csv"), "\n\n").unwrap();
    let o = alleo_sync_in(dir.path(), &["mapping", "suggest", "empty.csv"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no header row"), "{}", stderr(&o));
    let help = stdout(&alleo_sync(&["mapping", "suggest", "--help"], None));
    assert!(help.contains("Email consent"), "{help}");
}

#[test]
fn the_encoding_is_detected_on_standard_input_too_and_a_wrong_one_explained() {
    let bytes = fs::read(dutch("export.csv")).unwrap();
    let config = dutch("alleo.toml");
    let dir = tempfile::tempdir().unwrap();
    let text = fs::read_to_string(&config).unwrap();
    let unset = text.replace("encoding = \"windows-1252\"\n", "");
    fs::write(dir.path().join("alleo.toml"), unset).unwrap();
    let o = alleo_sync_in(
        dir.path(),
        &["transform", "-", "-o", "out.csv"],
        Some(&bytes),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(
        stdout(&o).contains("windows-1252 (detected)"),
        "{}",
        stdout(&o)
    );
    fs::remove_file(dir.path().join("out.csv")).unwrap();
    // Set wrongly, the setting wins, and the run says how to put it right.
    let wrong = text.replace("encoding = \"windows-1252\"", "encoding = \"utf-8\"");
    fs::write(dir.path().join("alleo.toml"), wrong).unwrap();
    let o = alleo_sync_in(
        dir.path(),
        &["transform", "-", "-o", "out.csv"],
        Some(&bytes),
    );
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(
        out.contains("encoding") && out.contains("[input] encoding = \"windows-1252\""),
        "{out}"
    );
    assert_eq!(files(dir.path()), ["alleo.toml"]);
}
