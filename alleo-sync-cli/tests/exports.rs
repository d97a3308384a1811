//! The example exports of five HR systems (`examples/exports/<system>/`, written by
//! `cargo run -p alleo-csv-examples --example hr_exports`): each folder's
//! `alleo.toml` is exactly what `mapping suggest` proposes for its export, and,
//! used as it stands, it transforms the export into a file `validate` passes,
//! with no column and no value Alleo must not receive.

use std::fs;
use std::path::Path;

use serde_json::Value;

mod common;
use common::{alleo_sync_in, root, stderr, stdout};

const SYSTEMS: [&str; 5] = ["afas", "nmbrs", "personio", "bamboohr", "workday"];

/// The export of a system's folder, as a path relative to the repository.
fn export_of(system: &str) -> String {
    let dir = root().join("examples/exports").join(system);
    let name = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .find(|n| n.starts_with("export."))
        .unwrap();
    format!("examples/exports/{system}/{name}")
}

#[test]
fn each_suggestion_is_the_committed_alleo_toml_and_transforms_its_export() {
    let root = root();
    let out = tempfile::tempdir().unwrap();
    for system in SYSTEMS {
        let export = export_of(system);
        let suggested = alleo_sync_in(&root, &["mapping", "suggest", &export], None);
        assert_eq!(
            suggested.status.code(),
            Some(0),
            "{system}: {}",
            stderr(&suggested)
        );
        let toml = format!("examples/exports/{system}/alleo.toml");
        assert_eq!(
            stdout(&suggested),
            fs::read_to_string(root.join(&toml)).unwrap(),
            "{system}: the committed alleo.toml is not what mapping suggest proposes; if the new suggestion is right, write it there"
        );
        let written = out.path().join(format!("alleo_employees_{system}.csv"));
        let written = written.to_string_lossy();
        let args = [
            "transform",
            &export,
            "-o",
            &written,
            "--config",
            &toml,
            "--as-of",
            "2026-11-26",
        ];
        let t = alleo_sync_in(&root, &args, None);
        assert_eq!(
            t.status.code(),
            Some(0),
            "{system}: {}\n{}",
            stdout(&t),
            stderr(&t)
        );
        let check = alleo_sync_in(
            &root,
            &[
                "validate",
                &written,
                "--as-of",
                "2026-11-26",
                "--format",
                "json",
                "--no-previous",
            ],
            None,
        );
        let report: Value = serde_json::from_slice(&check.stdout).unwrap();
        assert_eq!(report["errors"], 0, "{system}: {report}");
        assert_eq!(report["rows"], 30, "{system}: every person once");
        let sent = fs::read_to_string(Path::new(written.as_ref())).unwrap();
        let header = sent.lines().next().unwrap();
        for never in [
            "BSN",
            "IBAN",
            "Steuer",
            "Gehalt",
            "Pay",
            "Home Email",
            "EmailPrive",
            "E-mail_prive",
        ] {
            assert!(!header.contains(never), "{system}: {header}");
        }
        assert!(
            !sent.contains("XXXX") && !sent.contains("mail.example"),
            "{system}: a value that must not be sent"
        );
    }
}
