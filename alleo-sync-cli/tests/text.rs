//! Snapshots of the readable output of every command, in each language: a change
//! of wording or layout is a diff to review (`cargo insta review`, or
//! `INSTA_UPDATE=always cargo test` and `git diff`), never a surprise. Run in the
//! repository, with fixed dates, so the text does not depend on the machine.

use insta::assert_snapshot;

mod common;
use common::{alleo_sync_in, root, stderr, stdout};

const AS_OF: &str = "2026-11-26";

/// The readable output of `args`, run in the repository.
fn text(args: &[&str]) -> String {
    let o = alleo_sync_in(&root(), args, None);
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "{args:?}: {}",
        stderr(&o)
    );
    stdout(&o)
}

#[test]
fn validate_the_demo_file_in_three_languages() {
    for lang in ["en", "nl", "de"] {
        let out = text(&[
            "validate",
            "examples/alleo_employees_demo.csv",
            "--config",
            "examples/alleo.toml",
            "--as-of",
            AS_OF,
            "--no-previous",
            "--lang",
            lang,
        ]);
        assert_snapshot!(format!("validate_demo_{lang}"), out);
    }
}

#[test]
fn validate_a_first_run_folds_the_warnings() {
    let out = text(&[
        "validate",
        "examples/first-run/alleo_employees_acme.csv",
        "--as-of",
        AS_OF,
        "--no-previous",
    ]);
    assert_snapshot!(out);
}

#[test]
fn diff_the_lifecycle_example() {
    for lang in ["en", "nl"] {
        let out = text(&[
            "diff",
            "examples/lifecycle/previous.csv",
            "examples/lifecycle/alleo_employees_acme.csv",
            "--as-of",
            AS_OF,
            "--lang",
            lang,
        ]);
        assert_snapshot!(format!("diff_lifecycle_{lang}"), out);
    }
}

#[test]
fn transform_the_afas_export() {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("alleo_employees_acme.csv");
    for lang in ["en", "de"] {
        let o = alleo_sync_in(
            &root(),
            &[
                "transform",
                "examples/exports/afas/export.csv",
                "-o",
                &output.to_string_lossy(),
                "--config",
                "examples/exports/afas/alleo.toml",
                "--as-of",
                AS_OF,
                "--lang",
                lang,
            ],
            None,
        );
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let out = stdout(&o).replace(&dir.path().display().to_string(), "[out]");
        assert_snapshot!(format!("transform_afas_{lang}"), out);
    }
}

#[test]
fn transform_refuses_an_export_with_sensitive_data() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("alleo.toml");
    let suggested =
        std::fs::read_to_string(root().join("examples/exports/afas/alleo.toml")).unwrap();
    std::fs::write(&config, suggested.replace("    \"BSN\",", "")).unwrap();
    let output = dir.path().join("alleo_employees_acme.csv");
    let out = text(&[
        "transform",
        "examples/exports/afas/export.csv",
        "-o",
        &output.to_string_lossy(),
        "--config",
        &config.to_string_lossy(),
        "--as-of",
        AS_OF,
    ]);
    assert!(!output.exists());
    let out = out.replace(&dir.path().display().to_string(), "[out]");
    assert_snapshot!(out);
}

#[test]
fn schedule_in_three_languages() {
    for lang in ["en", "nl", "de"] {
        let out = text(&[
            "schedule",
            "--at",
            "2026-11-25T21:00:00Z",
            "--offboarding",
            "2026-12-31",
            "--lang",
            lang,
        ]);
        assert_snapshot!(format!("schedule_{lang}"), out);
    }
}

/// What stops a command, as its stderr says it (exit code 2).
fn error(args: &[&str]) -> String {
    let o = alleo_sync_in(&root(), args, None);
    assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stdout(&o));
    stderr(&o)
}

#[test]
fn errors_speak_the_language_asked_for() {
    // A state folder where nothing was delivered yet.
    let dir = root().join("target/errors-test");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("alleo.toml"), "[state]\ndir = \"state\"\n").unwrap();
    for lang in ["en", "nl", "de"] {
        let mut out = String::new();
        for args in [
            // A file that is not there; a configuration that is not there.
            &["validate", "target/no-such-file.csv"][..],
            &[
                "validate",
                "examples/alleo_employees_demo.csv",
                "--config",
                "target/no-such.toml",
            ],
            // A folder as the output; diff without a previous state.
            &[
                "transform",
                "examples/exports/afas/export.csv",
                "-o",
                "examples",
            ],
            // Standard output as a file not to send: never written there.
            &[
                "transform",
                "examples/exports/afas/export.csv",
                "-o",
                "target/errors-test/alleo_employees_acme.csv",
                "--changes",
                "-",
            ],
            &[
                "diff",
                "examples/alleo_employees_demo.csv",
                "--config",
                "target/errors-test/alleo.toml",
            ],
            // An output in a folder that does not exist.
            &[
                "transform",
                "examples/exports/afas/export.csv",
                "--config",
                "examples/exports/afas/alleo.toml",
                "-o",
                "target/no-such-folder/alleo_employees_acme.csv",
            ],
            // The core's own error: an export with nothing in it to suggest from.
            &["mapping", "suggest", "tests/cases/empty-file/input.csv"],
        ] {
            out += &error(&[args, &["--lang", lang]].concat());
        }
        assert_snapshot!(format!("errors_{lang}"), out);
    }
}
