//! `alleo-sync diff` and `validate --previous` end to end: the worked example,
//! every output format, the state folder and the mass-deactivation guard.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use serde_json::Value;

mod common;
use common::{alleo_sync, alleo_sync_in, example, stderr, stdout};

const AS_OF: &str = "2026-11-26";

fn lifecycle(file: &str) -> String {
    example(&format!("lifecycle/{file}"))
}

/// `diff PREV FILE` of the worked example, with `extra` arguments.
fn diff_example(extra: &[&str]) -> std::process::Output {
    let (previous, file, config) = (
        lifecycle("previous.csv"),
        lifecycle("alleo_employees_acme.csv"),
        example("alleo.toml"),
    );
    let mut args = vec![
        "diff", &previous, &file, "--config", &config, "--as-of", AS_OF,
    ];
    args.extend_from_slice(extra);
    alleo_sync(&args, None)
}

#[test]
fn the_worked_example_reads_as_a_plan() {
    let o = diff_example(&[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    for needle in [
        "2 to onboard, 1 update, 1 deactivation scheduled, 4 unchanged, 2 absent",
        "Checked for 2026-11-26 (given with --as-of)",
        "previous.csv (8 employees)",
        "row 9     chloe.dubois@example.com  active from 2026-12-01",
        "company_group: Sales -> Operations",
        "deactivated at 2027-01-31 23:00 UTC (the last pickup that can change it: Sun 2027-01-31 20:00 UTC)",
        "noor.elamrani@example.nl  not in the file: stays active",
        "email-change-suspected",
        "Unchanged: 4",
    ] {
        assert!(text.contains(needle), "{needle}\n{text}");
    }
    let dutch = stdout(&diff_example(&["--lang", "nl"]));
    assert!(
        dutch.contains("2 te onboarden, 1 wijziging, 1 deactivering gepland"),
        "{dutch}"
    );
}

#[test]
fn json_and_csv_plans() {
    let json: Value = serde_json::from_slice(&diff_example(&["--format", "json"]).stdout).unwrap();
    assert_eq!(json["summary"]["onboard"], 2);
    assert_eq!(json["summary"]["deactivate"], 1);
    assert_eq!(json["summary"]["absent"], 2);
    assert_eq!(json["valid"], true);
    let actions = json["actions"].as_array().unwrap();
    assert_eq!(actions.len(), 10);
    let deactivate = actions
        .iter()
        .find(|a| a["action"] == "deactivate")
        .unwrap();
    assert_eq!(deactivate["email"], "lukas.mueller@example.de");
    assert_eq!(deactivate["row"], 4);
    assert_eq!(deactivate["effective"], "2027-01-31T23:00:00Z");
    assert_eq!(
        deactivate["changes"][0],
        serde_json::json!({"field": "offboarding_date", "old": "", "new": "2027-01-31"})
    );
    let absent = actions.iter().find(|a| a["action"] == "absent").unwrap();
    assert_eq!(absent["row"], Value::Null);
    assert_eq!(json["issues"][0]["code"], "absent");

    let csv = stdout(&diff_example(&["--format", "csv"]));
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "\u{feff}action,email,row,effective,changes");
    assert_eq!(lines.len(), 11, "one line per employee");
    assert!(
        lines.contains(&"update,sanne.bakker@example.nl,3,,company_group: Sales -> Operations")
    );
}

#[test]
fn validate_with_a_previous_state_gives_the_plans_issues() {
    let (previous, file, config) = (
        lifecycle("previous.csv"),
        lifecycle("alleo_employees_acme.csv"),
        example("alleo.toml"),
    );
    let o = alleo_sync(
        &[
            "validate",
            &file,
            "--previous",
            &previous,
            "--config",
            &config,
            "--as-of",
            AS_OF,
            "--format",
            "json",
        ],
        None,
    );
    let report: Value = serde_json::from_slice(&o.stdout).unwrap();
    let plan: Value = serde_json::from_slice(&diff_example(&["--format", "json"]).stdout).unwrap();
    assert_eq!(report["issues"], plan["issues"]);
    assert_eq!(report["warnings"], 3);
    // Without it, every past onboarding date is a warning, since nothing says who
    // is new; with it, the known employees' dates are theirs.
    let alone = alleo_sync(
        &[
            "validate",
            &file,
            "--no-previous",
            "--config",
            &config,
            "--as-of",
            AS_OF,
            "--format",
            "json",
        ],
        None,
    );
    let alone: Value = serde_json::from_slice(&alone.stdout).unwrap();
    let codes: Vec<&str> = alone["issues"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["onboarding-past"; 6]);
}

#[test]
fn the_state_folder_is_the_default_previous_state() {
    let dir = tempfile::tempdir().unwrap();
    let file = lifecycle("alleo_employees_acme.csv");
    let config = example("alleo.toml");
    let args = ["validate", &file, "--config", &config, "--as-of", AS_OF];
    // Nothing delivered yet: said so, and `diff FILE` cannot run.
    let first = stdout(&alleo_sync_in(dir.path(), &args, None));
    assert!(
        first.contains("Previous state: none yet: nothing was delivered from this machine"),
        "{first}"
    );
    let no_state = alleo_sync_in(dir.path(), &["diff", &file, "--config", &config], None);
    assert_eq!(no_state.status.code(), Some(2));
    assert!(
        stderr(&no_state).contains("diff needs a previous state"),
        "{}",
        stderr(&no_state)
    );
    // A delivered file is used by both, and said to be.
    let state = dir.path().join(".state/alleo-sync");
    fs::create_dir_all(&state).unwrap();
    fs::copy(lifecycle("previous.csv"), state.join("last-delivered.csv")).unwrap();
    let second = stdout(&alleo_sync_in(dir.path(), &args, None));
    assert!(
        second.contains("last-delivered.csv, the last file delivered (8 employees)"),
        "{second}"
    );
    assert!(second.contains("email-change-suspected"), "{second}");
    let plan = stdout(&alleo_sync_in(
        dir.path(),
        &["diff", &file, "--config", &config, "--as-of", AS_OF],
        None,
    ));
    assert!(plan.contains("2 to onboard"), "{plan}");
    // --no-previous ignores it.
    let mut ignored = args.to_vec();
    ignored.push("--no-previous");
    let third = stdout(&alleo_sync_in(dir.path(), &ignored, None));
    assert!(
        third.contains("Previous state: not used (--no-previous)"),
        "{third}"
    );
    assert!(!third.contains("email-change-suspected"));
    // [state] dir in alleo.toml, relative to the configuration file.
    let own = dir.path().join("acme");
    fs::create_dir_all(own.join("state")).unwrap();
    fs::write(own.join("alleo.toml"), "[state]\ndir = \"state\"\n").unwrap();
    fs::copy(
        lifecycle("previous.csv"),
        own.join("state/last-delivered.csv"),
    )
    .unwrap();
    let toml = own.join("alleo.toml");
    let fourth = stdout(&alleo_sync(
        &[
            "validate",
            &file,
            "--config",
            &toml.to_string_lossy(),
            "--as-of",
            AS_OF,
        ],
        None,
    ));
    assert!(
        fourth.contains("acme/state/last-delivered.csv, the last file delivered"),
        "{fourth}"
    );
}

/// A previous state of `n` employees and a file that gives `leaving` of them an
/// offboarding date.
fn leavers(dir: &Path, n: usize, leaving: usize) -> (String, String) {
    let mut before = String::from("Email,First name,Last name,Offboarding date\n");
    let mut now = before.clone();
    for i in 0..n {
        writeln!(before, "e{i}@example.nl,E,{i},").unwrap();
        let off = if i < leaving { "2027-06-30" } else { "" };
        writeln!(now, "e{i}@example.nl,E,{i},{off}").unwrap();
    }
    let (p, f) = (dir.join("previous.csv"), dir.join("alleo_employees_x.csv"));
    fs::write(&p, before).unwrap();
    fs::write(&f, now).unwrap();
    (
        p.to_string_lossy().into_owned(),
        f.to_string_lossy().into_owned(),
    )
}

#[test]
fn the_mass_deactivation_guard_and_its_override() {
    let dir = tempfile::tempdir().unwrap();
    let (previous, file) = leavers(dir.path(), 40, 9);
    let o = alleo_sync_in(
        dir.path(),
        &["diff", &previous, &file, "--as-of", AS_OF],
        None,
    );
    assert_eq!(o.status.code(), Some(1));
    let text = stdout(&o);
    assert!(text.contains("9 deactivations scheduled"), "{text}");
    assert!(
        text.contains("mass-deactivation")
            && text.contains("more than the 5 allowed")
            && text.contains("--allow-deactivations 9"),
        "{text}"
    );
    let allowed = alleo_sync_in(
        dir.path(),
        &[
            "diff",
            &previous,
            &file,
            "--as-of",
            AS_OF,
            "--allow-deactivations",
            "9",
        ],
        None,
    );
    assert_eq!(allowed.status.code(), Some(0), "{}", stdout(&allowed));
    let validate = alleo_sync_in(
        dir.path(),
        &[
            "validate",
            &file,
            "--previous",
            &previous,
            "--as-of",
            AS_OF,
            "--allow-deactivations",
            "8",
        ],
        None,
    );
    assert_eq!(validate.status.code(), Some(1));
    fs::write(
        dir.path().join("alleo.toml"),
        "[safety]\nmax_deactivations = \"25%\"\n",
    )
    .unwrap();
    let configured = alleo_sync_in(
        dir.path(),
        &["diff", &previous, &file, "--as-of", AS_OF],
        None,
    );
    assert_eq!(configured.status.code(), Some(0), "{}", stdout(&configured));
}

#[test]
fn a_previous_state_without_emails_is_exit_2_and_says_what_to_give() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("old.csv"), "Name\nJan\n").unwrap();
    let o = alleo_sync_in(
        dir.path(),
        &["diff", "old.csv", &lifecycle("alleo_employees_acme.csv")],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("old.csv cannot be used as the previous state")
            && err.contains("Alleo's reporting"),
        "{err}"
    );
    let help = stdout(&alleo_sync(&["diff", "--help"], None));
    assert!(
        help.contains("absent") && help.contains("alleo_custom_"),
        "{help}"
    );
}

#[test]
fn a_long_plan_shows_the_first_of_each_list_and_all_shows_every_one() {
    let dir = tempfile::tempdir().unwrap();
    let previous = dir.path().join("previous.csv");
    fs::write(
        &previous,
        "Email,First name,Last name\nkeep@example.nl,Kees,Kok\n",
    )
    .unwrap();
    let mut file = String::from("Email,First name,Last name\nkeep@example.nl,Kees,Kok\n");
    for i in 0..60 {
        writeln!(file, "new{i}@example.nl,Anna,Smit").unwrap();
    }
    let path = dir.path().join("alleo_employees_acme.csv");
    fs::write(&path, &file).unwrap();
    let (previous, path) = (previous.to_string_lossy(), path.to_string_lossy());
    let args = ["diff", &previous, &path, "--as-of", AS_OF];
    let text = stdout(&alleo_sync(&args, None));
    assert!(text.contains("Onboard (60)\n"), "{text}");
    assert_eq!(text.matches("active from 2026-11-26").count(), 10, "{text}");
    assert!(
        text.contains("... and 50 more (--all lists them;"),
        "{text}"
    );
    let all = stdout(&alleo_sync(&[&args[..], &["--all"]].concat(), None));
    assert_eq!(all.matches("active from 2026-11-26").count(), 60, "{all}");
    assert!(!all.contains("more (--all"));
}

#[test]
fn the_first_run_example_reads_as_the_readme_shows() {
    let (file, export, config) = (
        example("first-run/alleo_employees_acme.csv"),
        example("first-run/reporting_export.csv"),
        example("alleo.toml"),
    );
    let first = alleo_sync(
        &["validate", &file, "--config", &config, "--as-of", AS_OF],
        None,
    );
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let text = stdout(&first);
    for needle in [
        "8 rows, 0 errors, 8 warnings",
        "Warnings: 8\n  warning  onboarding-past                on 8 rows: 2, 3, 4, 5, 6 and 3 more\n",
        "with --previous FILE.",
    ] {
        assert!(text.contains(needle), "{needle}\n{text}");
    }
    let exact = alleo_sync(
        &[
            "validate",
            &file,
            "--config",
            &config,
            "--as-of",
            AS_OF,
            "--previous",
            &export,
        ],
        None,
    );
    assert_eq!(exact.status.code(), Some(1));
    let text = stdout(&exact);
    for needle in [
        "8 rows, 1 error, 0 warnings",
        "reporting_export.csv (7 employees)",
        "Errors: 1 on 1 row\nRow 9\n  error    onboarding-past                Onboarding date 2026-11-02 is before the pickup date 2026-11-26, and this employee is new",
    ] {
        assert!(text.contains(needle), "{needle}\n{text}");
    }
    assert!(!text.contains("--previous FILE"));
}
