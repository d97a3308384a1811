//! The `alleo-sync` binary end to end: the shared fixture corpus through stdin,
//! exit codes, every output format, configuration errors and the schedule.

use std::fmt::Write as _;
use std::fs;
use std::io::{BufRead, BufReader, Read};

use serde_json::Value;

mod common;
use common::{alleo_sync, alleo_sync_in, example, root, spawn_in, stderr, stdout};

const DEMO_ARGS: [&str; 2] = ["--as-of", "2026-11-26"];

// --- The shared corpus: the CLI's JSON equals the report every front must give.

#[test]
fn corpus_json_equals_every_expected_report() {
    let mut checked = 0;
    for entry in fs::read_dir(root().join("tests/cases")).unwrap() {
        let dir = entry.unwrap().path();
        if !dir.join("report.json").exists() {
            continue;
        }
        let expected: Value =
            serde_json::from_str(&fs::read_to_string(dir.join("report.json")).unwrap()).unwrap();
        let as_of = expected["as_of"].as_str().unwrap().to_owned();
        let config = dir.join("alleo.toml");
        let config = config.to_string_lossy().into_owned();
        let previous = dir.join("previous.csv");
        let previous = previous.to_string_lossy().into_owned();
        let input = fs::read(dir.join("input.csv")).unwrap();
        // A case with a file name is checked as a file of that name, else on stdin.
        let named = tempfile::tempdir().unwrap();
        let file = match fs::read_to_string(dir.join("file-name")) {
            Ok(name) => {
                let path = named.path().join(name.trim());
                fs::write(&path, &input).unwrap();
                path.to_string_lossy().into_owned()
            }
            Err(_) => "-".to_owned(),
        };
        let mut args = vec!["validate", &file, "--format", "json", "--as-of", &as_of];
        if dir.join("alleo.toml").exists() {
            args.extend(["--config", &config]);
        }
        if dir.join("previous.csv").exists() {
            args.extend(["--previous", &previous]);
        }
        let out = alleo_sync(&args, (file == "-").then_some(&input[..]));
        let actual: Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{}: {e}: {}", dir.display(), stderr(&out)));
        assert_eq!(actual, expected, "{}", dir.display());
        let want_code = i32::from(expected["valid"] != Value::Bool(true));
        assert_eq!(out.status.code(), Some(want_code), "{}", dir.display());
        if dir.join("previous.csv").exists() {
            // The plan: diff's JSON is the case's plan.json.
            let mut args = vec![
                "diff", &previous, "-", "--format", "json", "--as-of", &as_of,
            ];
            if dir.join("alleo.toml").exists() {
                args.extend(["--config", &config]);
            }
            let out = alleo_sync(&args, Some(&input));
            let plan: Value = serde_json::from_slice(&out.stdout)
                .unwrap_or_else(|e| panic!("{}: {e}: {}", dir.display(), stderr(&out)));
            let want: Value =
                serde_json::from_str(&fs::read_to_string(dir.join("plan.json")).unwrap()).unwrap();
            assert_eq!(plan, want, "{}: plan.json", dir.display());
        }
        checked += 1;
    }
    assert!(checked >= 15);
}

/// The corpus's transform cases: the files written, and `--format json`'s summary
/// and report, equal those every front must give.
#[test]
fn corpus_transforms_give_every_expected_file() {
    let mut checked = 0;
    for entry in fs::read_dir(root().join("tests/cases")).unwrap() {
        let dir = entry.unwrap().path();
        if !dir.join("export.csv").exists() {
            continue;
        }
        let expected: Value =
            serde_json::from_str(&fs::read_to_string(dir.join("transform.json")).unwrap()).unwrap();
        let out = tempfile::tempdir().unwrap();
        let path = |name: &str| out.path().join(name).to_string_lossy().into_owned();
        let (export, config) = (dir.join("export.csv"), dir.join("alleo.toml"));
        let (export, config) = (export.to_string_lossy(), config.to_string_lossy());
        let (output, rejects, changes) =
            (path("output.csv"), path("rejects.csv"), path("changes.csv"));
        let as_of = expected["as_of"].as_str().unwrap();
        let mut args = vec![
            "transform",
            &export,
            "-o",
            &output,
            "--rejects",
            &rejects,
            "--changes",
            &changes,
            "--format",
            "json",
            "--as-of",
            as_of,
        ];
        if dir.join("alleo.toml").exists() {
            args.extend(["--config", &config]);
        }
        let o = alleo_sync(&args, None);
        let json: Value = serde_json::from_slice(&o.stdout)
            .unwrap_or_else(|e| panic!("{}: {e}: {}", dir.display(), stderr(&o)));
        let usable = expected["usable"] == Value::Bool(true);
        assert_eq!(json["written"], Value::Bool(usable), "{}", dir.display());
        assert_eq!(json["summary"], expected["summary"], "{}", dir.display());
        assert_eq!(json["report"], expected["report"], "{}", dir.display());
        for name in ["output.csv", "rejects.csv", "changes.csv"] {
            let want = fs::read(dir.join(name)).ok();
            let got = fs::read(out.path().join(name)).ok();
            assert_eq!(got, want, "{}: {name}", dir.display());
        }
        checked += 1;
    }
    assert!(checked >= 2);
}

// --- Exit codes.

#[test]
fn clean_example_is_valid() {
    let out = alleo_sync(
        &[
            "validate",
            &example("alleo_employees_clean.csv"),
            "--config",
            &example("alleo.toml"),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains("Valid: 6 rows without errors"));
}

#[test]
fn demo_example_is_invalid_and_reads_well() {
    let (demo, config) = (example("alleo_employees_demo.csv"), example("alleo.toml"));
    let mut args = vec!["validate", demo.as_str(), "--config", config.as_str()];
    args.extend(DEMO_ARGS);
    let out = alleo_sync(&args, None);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        !text.contains('\u{1b}'),
        "NO_COLOR must mean no escape codes"
    );
    for expected in [
        "25 rows, 13 errors, 2 warnings",
        "Checked for 2026-11-26 (given with --as-of)",
        "Personeelsnummer     custom_employee_id (integer; in Alleo's reports: alleo_custom_employee_id) [mapping]",
        "Row 8\n  error    date-format",
        "Birthday 17-05-1990 is not a date in the form YYYY-MM-DD; write 1990-05-17.",
        "Email Jan.DeVries@Example.nl is used again; first on row 2.",
        "Not valid: 13 errors.",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
}

/// On a terminal (forced here with `CLICOLOR_FORCE`) each tone has its colour:
/// errors red, warnings yellow, the valid verdict green, codes dim, headings bold.
#[test]
fn a_terminal_gets_each_tone_in_its_colour() {
    let coloured = |file: &str| {
        let (file, config) = (example(file), example("alleo.toml"));
        let mut args = vec!["validate", &file, "--config", &config, "--no-previous"];
        args.extend(DEMO_ARGS);
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_alleo-sync"))
            .args(args)
            .env_remove("NO_COLOR")
            .env("CLICOLOR_FORCE", "1")
            .output()
            .unwrap();
        stdout(&out)
    };
    let demo = coloured("alleo_employees_demo.csv");
    for toned in [
        "\u{1b}[1m\u{1b}[31merror   \u{1b}[0m",
        "\u{1b}[1m\u{1b}[33mwarning \u{1b}[0m",
        "\u{1b}[2mdate-format ",
        "\u{1b}[1mRow 8\u{1b}[0m",
    ] {
        assert!(demo.contains(toned), "missing {toned:?} in:\n{demo}");
    }
    let clean = coloured("alleo_employees_clean.csv");
    assert!(clean.contains("\u{1b}[1m\u{1b}[32m"), "{clean}");
}

/// A reader that stops early (`| head`) leaves the verdict: a file with errors
/// still exits 1, never 0 as if it were valid, in every format and command that
/// checks it.
#[test]
fn a_reader_that_stops_early_leaves_the_verdict() {
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).to_str().unwrap().to_owned();
    let (file, previous, out) = (
        path("alleo_employees_bad.csv"),
        path("prev.csv"),
        path("out.csv"),
    );
    let mut text = String::from("Email,First name,Last name\n");
    for i in 0..5000 {
        let _ = writeln!(text, "not-an-address-{i},A,B");
    }
    fs::write(&file, text).unwrap();
    fs::write(&previous, "Email,First name,Last name\na@example.nl,A,B\n").unwrap();
    // Every output here is far longer than a pipe holds (the readable ones with
    // --all, which lists every issue and action).
    let no_previous = ["validate", &file, "--no-previous"];
    let runs: [Vec<&str>; 7] = [
        [&no_previous[..], &["--all"]].concat(),
        [&no_previous[..], &["--format", "json"]].concat(),
        [&no_previous[..], &["--format", "csv"]].concat(),
        vec!["diff", &previous, &file, "--all"],
        vec!["diff", &previous, &file, "--format", "json"],
        vec!["diff", &previous, &file, "--format", "csv"],
        vec!["transform", &file, "-o", &out, "--format", "json"],
    ];
    for args in runs {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_alleo-sync"))
            .args(&args)
            .current_dir(dir.path())
            .env("XDG_STATE_HOME", dir.path())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // A few bytes read, then the pipe closed: the rest cannot be written.
        let mut first = [0; 16];
        child.stdout.take().unwrap().read_exact(&mut first).unwrap();
        let done = child.wait_with_output().unwrap();
        assert_eq!(done.status.code(), Some(1), "{args:?}: {}", stderr(&done));
    }
}

/// A first file of a whole workforce: a past onboarding date on each of 40 rows,
/// and one address without an @.
fn first_roster() -> Vec<u8> {
    let mut file =
        String::from("Email,First name,Last name,Onboarding date\nnot-an-address,A,B,\n");
    for i in 0..40 {
        let _ = writeln!(file, "p{i}@example.nl,Anna,Smit,2020-01-{:02}", i % 28 + 1);
    }
    file.into_bytes()
}

#[test]
fn a_warning_on_many_rows_is_shown_once_and_all_lists_each() {
    let file = first_roster();
    let text = stdout(&alleo_sync(
        &["validate", "-", "--as-of", "2026-11-26"],
        Some(&file),
    ));
    for expected in [
        "Errors: 1 on 1 row\nRow 2\n  error    email-format",
        "Warnings: 40\n  warning  onboarding-past                on 40 rows: 3, 4, 5, 6, 7 and 35 more\n",
        "Onboarding dates before the pickup date",
        "Give the file last sent to Alleo, or an export of Alleo's own reporting, with --previous FILE.",
        "Each warning one by one: --all.",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    assert!(
        !text.contains("Row 3\n"),
        "a row with only a repeated warning is not listed:\n{text}"
    );
    let all = stdout(&alleo_sync(
        &["validate", "-", "--as-of", "2026-11-26", "--all"],
        Some(&file),
    ));
    assert_eq!(
        all.matches("  warning  onboarding-past").count(),
        40,
        "{all}"
    );
    assert!(all.contains("Row 42\n  warning  onboarding-past"));
    // With the previous state the warnings are exact: no first-run hint.
    let dir = tempfile::tempdir().unwrap();
    let previous = dir.path().join("previous.csv");
    fs::write(&previous, &file).unwrap();
    let previous = previous.to_string_lossy().into_owned();
    let text = stdout(&alleo_sync(
        &[
            "validate",
            "-",
            "--as-of",
            "2026-11-26",
            "--previous",
            &previous,
        ],
        Some(&file),
    ));
    assert!(!text.contains("--previous FILE"), "{text}");
}

#[test]
fn header_issues_are_headed_as_the_header_row_wherever_it_is() {
    let text = stdout(&alleo_sync(
        &["validate", "-"],
        Some(b"\n\nEmial,First name,Last name\nx,y,z\n"),
    ));
    assert!(
        text.contains("Row 3 (header)\n  error    unknown-column"),
        "{text}"
    );
    assert!(text.contains("Row 1\n  warning  blank-row"), "{text}");
}

#[test]
fn strict_fails_on_warnings() {
    let input = b"Email,First name,Last name\n\njan@example.nl,Jan,Vries\n";
    let lenient = alleo_sync(&["validate", "-"], Some(input));
    assert_eq!(lenient.status.code(), Some(0));
    assert!(
        stdout(&lenient).contains("1 row, 0 errors, 1 warning\n"),
        "{}",
        stdout(&lenient)
    );
    assert_eq!(
        alleo_sync(&["validate", "-", "--strict"], Some(input))
            .status
            .code(),
        Some(1)
    );
}

#[test]
fn unreadable_input_is_exit_2_and_names_the_file() {
    let out = alleo_sync(&["validate", "/nonexistent/alleo_employees_x.csv"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("cannot read /nonexistent/alleo_employees_x.csv"),
        "{}",
        stderr(&out)
    );
    let dir = tempfile::tempdir().unwrap();
    let out = alleo_sync(&["validate", dir.path().to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn bad_config_is_exit_2_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "[company]\ngroups = [\"Sales\"]\n[mapping]\n\"Mail\" = \"emial\"\n",
            "line 4",
            "Did you mean `email`?",
        ),
        ("[compnay]\ngroups = []\n", "line 1", "compnay"),
        (
            "[custom_fields]\ncustom_fte = \"float\"\n",
            "line 2",
            "decimal",
        ),
        ("[company\n", "line 1", "TOML"),
    ];
    for (text, line, hint) in cases {
        let path = dir.path().join("alleo.toml");
        fs::write(&path, text).unwrap();
        let out = alleo_sync(
            &["validate", "-", "--config", path.to_str().unwrap()],
            Some(b"Email,First name,Last name\n"),
        );
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(
            err.contains(path.to_str().unwrap()) && err.contains(line) && err.contains(hint),
            "{text}: {err}"
        );
    }
    let out = alleo_sync(
        &["validate", "-", "--config", "/nonexistent/alleo.toml"],
        Some(b""),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("/nonexistent/alleo.toml"));
}

#[test]
fn usage_errors_are_exit_2() {
    assert_eq!(
        alleo_sync(&["validate", "-", "--as-of", "26-11-2026"], Some(b""))
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        alleo_sync(&["validate", "-", "--lang", "fr"], Some(b""))
            .status
            .code(),
        Some(2)
    );
    assert_eq!(alleo_sync(&["validate"], None).status.code(), Some(2));
}

#[test]
fn alleo_toml_in_the_current_directory_is_used() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("alleo.toml"),
        "[company]\ngroups = [\"Sales\"]\n",
    )
    .unwrap();
    let input = b"Email,First name,Last name,Company group\nj@example.nl,J,V,Salse\n";
    let out = alleo_sync_in(
        dir.path(),
        &["validate", "-", "--format", "json"],
        Some(input),
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["issues"][0]["code"], "company-group");
    assert!(
        report["issues"][0]["message"]
            .as_str()
            .unwrap()
            .contains("Did you mean Sales?")
    );
}

// --- Formats, languages, personal data.

#[test]
fn csv_format_is_one_issue_per_line_for_excel() {
    let out = alleo_sync(
        &["validate", "-", "--format", "csv"],
        Some(b"Email,First name,Last name\n\"a,b@example.nl\",Jan,Vries\n,Piet,Smit\n"),
    );
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "\u{feff}severity,code,row,column,field,value,message"
    );
    assert!(
        lines[1].starts_with("error,email-format,2,Email,email,\"a,b@example.nl\","),
        "{}",
        lines[1]
    );
    assert!(
        lines[2].starts_with("error,required,3,Email,email,,"),
        "{}",
        lines[2]
    );
    assert_eq!(lines.len(), 3);
}

#[test]
fn no_values_hides_personal_data_in_every_format() {
    let input = b"Email,First name,Last name,Birthday\nj.devries@example.nl,Jan,Vries,17-05-1990\nJ.DEVRIES@example.nl,Jan,Vries,1990-05-17\n";
    for format in ["text", "json", "csv"] {
        let out = alleo_sync(
            &["validate", "-", "--no-values", "--format", format],
            Some(input),
        );
        let text = stdout(&out).to_lowercase();
        assert_eq!(out.status.code(), Some(1));
        assert!(
            !text.contains("devries") && !text.contains("1990"),
            "{format}: {text}"
        );
        assert!(text.contains("email-duplicate"), "{format}: {text}");
    }
}

#[test]
fn messages_follow_lang_but_codes_do_not() {
    let input = b"Email,First name,Last name\n,Jan,Vries\n";
    let de = alleo_sync(
        &["validate", "-", "--lang", "de", "--format", "json"],
        Some(input),
    );
    let report: Value = serde_json::from_slice(&de.stdout).unwrap();
    assert_eq!(report["issues"][0]["code"], "required");
    assert!(
        report["issues"][0]["message"]
            .as_str()
            .unwrap()
            .contains("ist leer")
    );
    let nl = stdout(&alleo_sync(&["validate", "-", "--lang", "nl"], Some(input)));
    assert!(
        nl.contains("Rij 2") && nl.contains("is leeg") && nl.contains("Niet geldig"),
        "{nl}"
    );
}

#[test]
fn file_name_is_checked_for_files_not_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("employees.csv");
    fs::write(
        &path,
        "Email,First name,Last name\njan@example.nl,Jan,Vries\n",
    )
    .unwrap();
    let out = alleo_sync(
        &["validate", path.to_str().unwrap(), "--format", "json"],
        None,
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "a file-name warning does not make the file invalid"
    );
    assert_eq!(report["issues"][0]["code"], "file-name");
    assert_eq!(report["warnings"], 1);
}

#[test]
fn next_pickup_is_the_default_as_of() {
    let out = alleo_sync(&["validate", "-"], Some(b"Email,First name,Last name\n"));
    let text = stdout(&out);
    assert!(text.contains("the date of the next pickup ("), "{text}");
    assert!(text.contains(" UTC)."), "{text}");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let rows: String = (0..20_000)
        .map(|i| ["bad-", &i.to_string(), ",Jan,Vries\n"].concat())
        .collect();
    let big = format!("Email,First name,Last name\n{rows}");
    let dir = tempfile::tempdir().unwrap();
    let mut child = spawn_in(
        dir.path(),
        &["validate", "-", "--format", "csv"],
        Some(big.as_bytes()),
    );
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.contains("severity"));
    let out = child.wait_with_output().unwrap();
    assert_eq!(stderr(&out), "", "no noise on a closed pipe");
    assert_ne!(out.status.code(), Some(2));
}

// --- schedule and help.

#[test]
fn schedule_lists_pickups_and_deactivation() {
    let out = alleo_sync(
        &[
            "schedule",
            "--at",
            "2026-11-25T21:00:00Z",
            "--offboarding",
            "2026-12-31",
            "--count",
            "2",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout(&out),
        "Alleo picks up the file at 02:45 and 20:00 UTC every day.
Next pickups after Wed 2026-11-25 21:00 UTC:
  Thu 2026-11-26 02:45 UTC   in 5h 45m
  Thu 2026-11-26 20:00 UTC   in 23h 00m
A file uploaded now is read at Thu 2026-11-26 02:45 UTC; the rules that say \"today\" use 2026-11-26.

Offboarding date 2026-12-31: the account is deactivated at Thu 2026-12-31 23:00 UTC.
The last pickup that can still change that date is Thu 2026-12-31 20:00 UTC.
"
    );
    assert_eq!(
        alleo_sync(&["schedule", "--at", "soon"], None)
            .status
            .code(),
        Some(2)
    );
    // No pickups, or so many that listing them would not end: refused.
    for count in ["0", "1001"] {
        let refused = alleo_sync(&["schedule", "--count", count], None);
        assert_eq!(refused.status.code(), Some(2), "{count}");
        assert!(
            stderr(&refused).contains("1..=1000"),
            "{}",
            stderr(&refused)
        );
    }
}

#[test]
fn help_teaches_with_examples() {
    for sub in ["validate", "schedule"] {
        let out = alleo_sync(&[sub, "--help"], None);
        assert_eq!(out.status.code(), Some(0));
        assert!(stdout(&out).contains("Examples:"), "{sub}");
    }
    assert!(stdout(&alleo_sync(&["--help"], None)).contains("Exit codes"));
}
