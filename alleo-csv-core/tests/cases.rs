//! The shared fixture corpus `tests/cases/<name>/`: every case's report from the
//! core's one call ([`job::check`]) must equal its `report.json` (checked against
//! `previous.csv` when the case has one, and then its plan must equal `plan.json`;
//! as the file named in `file-name` when it has one). `BLESS=1` writes the reports instead (read
//! them before committing: they are the expectation every front is held to).

use std::fs;
use std::path::{Path, PathBuf};

use alleo_csv_core::lifecycle::{PlanJson, Previous, diff, diff_each};
use alleo_csv_core::transform::Outputs;
use alleo_csv_core::{Config, Options, Report, job};
use chrono::NaiveDate;
use serde_json::Value;

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/cases")
}

fn run_case(dir: &Path, expected: &Value) -> Value {
    let as_of: NaiveDate = expected["as_of"]
        .as_str()
        .expect("report.json has as_of")
        .parse()
        .expect("as_of is a date");
    let config: Config = match fs::read_to_string(dir.join("alleo.toml")) {
        Ok(text) => toml::from_str(&text).expect("alleo.toml is valid"),
        Err(_) => Config::default(),
    };
    let input = fs::read(dir.join("input.csv")).expect("input.csv");
    let mut options = Options::new(as_of);
    options.file_name = fs::read_to_string(dir.join("file-name"))
        .ok()
        .map(|name| name.trim().to_owned());
    let previous = fs::read(dir.join("previous.csv")).ok().map(|previous| {
        Previous::read(&previous[..], &config).expect("previous.csv is a previous state")
    });
    let checked = job::check(&input[..], &config, options.clone(), previous.as_ref())
        .expect("reading from memory cannot fail");
    let report = checked.report;
    if let Some(previous) = &previous {
        let plan = diff(previous, &input[..], &config, options.clone())
            .expect("reading from memory cannot fail");
        assert_eq!(plan.report.issues, report.issues);
        same_plan_json(previous, &input, &config, options, &plan);
        // The plan itself is a case too: every front's diff gives plan.json.
        let path = dir.join("plan.json");
        let actual = serde_json::to_value(&plan).expect("a plan serialises");
        if std::env::var_os("BLESS").is_some() {
            let text = serde_json::to_string_pretty(&actual).expect("JSON") + "\n";
            fs::write(&path, text).expect("write plan.json");
        } else {
            let expected: Value =
                serde_json::from_str(&fs::read_to_string(&path).expect("plan.json"))
                    .expect("plan.json is JSON");
            assert_eq!(actual, expected, "{}", path.display());
        }
    }
    same_json(&report);
    serde_json::to_value(&report).expect("a report serialises")
}

/// The report's own JSON writer gives serde's pretty JSON, byte for byte, in
/// every language and without values.
fn same_json(report: &Report) {
    for lang in alleo_csv_core::Lang::ALL {
        for report in [
            report.clone().with_lang(lang),
            report.clone().with_lang(lang).without_values(),
        ] {
            let mut written = Vec::new();
            report.write_json(&mut written).expect("writing to memory");
            let serde = serde_json::to_string_pretty(&report).expect("JSON") + "\n";
            assert_eq!(String::from_utf8(written).expect("UTF-8"), serde);
        }
    }
}

/// The streamed plan JSON holds what serde gives for the plan, and each action
/// line is serde's compact JSON of the action.
fn same_plan_json(
    previous: &Previous,
    input: &[u8],
    config: &Config,
    options: Options,
    plan: &alleo_csv_core::lifecycle::Plan,
) {
    let mut json = PlanJson::new(Vec::new());
    let streamed = diff_each(previous, input, config, options, &mut |a| {
        json.action(&a);
    })
    .expect("reading from memory cannot fail");
    let text = String::from_utf8(json.finish(&streamed).expect("in memory")).expect("UTF-8");
    let lines: Vec<&str> = text.lines().skip(2).take(plan.actions.len()).collect();
    for (line, action) in lines.iter().zip(&plan.actions) {
        let compact = serde_json::to_string(action).expect("JSON");
        assert_eq!(line.trim().trim_end_matches(','), compact);
    }
    let written: Value = serde_json::from_str(&text).expect("the plan's JSON parses");
    assert_eq!(written, serde_json::to_value(plan).expect("JSON"));
}

/// A file a transform case writes, by name; `None` when it is not written.
type Written = (&'static str, Option<Vec<u8>>);

/// What a transform case gives: `{"as_of", "usable", "summary", "report"}`, and the
/// files written. A run that is not usable writes no file at all: the fronts keep
/// what is on disk rather than leave a half-made set.
fn run_transform_case(dir: &Path, expected: &Value) -> (Value, Vec<Written>) {
    let as_of: NaiveDate = expected["as_of"]
        .as_str()
        .expect("transform.json has as_of")
        .parse()
        .expect("as_of is a date");
    let config: Config = match fs::read_to_string(dir.join("alleo.toml")) {
        Ok(text) => toml::from_str(&text).expect("alleo.toml is valid"),
        Err(_) => Config::default(),
    };
    let export = fs::read(dir.join("export.csv")).expect("export.csv");
    let (mut out, mut rejects, mut changes) = (Vec::new(), Vec::new(), Vec::new());
    let outputs = Outputs::new(&mut out)
        .rejects(&mut rejects)
        .changes(&mut changes);
    let export = std::io::Cursor::new(export);
    let done =
        job::transform_export(export, &config, &Options::new(as_of), outputs).expect("in memory");
    let value = serde_json::json!({
        "as_of": as_of.to_string(),
        "usable": done.usable(),
        "summary": done.summary,
        "report": done.report,
    });
    let usable = done.usable();
    let files = vec![
        ("output.csv", usable.then_some(out)),
        ("rejects.csv", usable.then_some(rejects)),
        ("changes.csv", usable.then_some(changes)),
    ];
    (value, files)
}

#[test]
fn every_transform_case_gives_its_files_and_summary() {
    let bless = std::env::var_os("BLESS").is_some();
    let mut checked = 0;
    for entry in fs::read_dir(cases_dir()).expect("tests/cases exists") {
        let dir = entry.expect("entry").path();
        if !dir.join("export.csv").exists() {
            continue;
        }
        let path = dir.join("transform.json");
        let expected: Value =
            serde_json::from_str(&fs::read_to_string(&path).expect("transform.json"))
                .expect("transform.json is JSON");
        let (actual, files) = run_transform_case(&dir, &expected);
        if bless {
            fs::write(
                &path,
                serde_json::to_string_pretty(&actual).expect("JSON") + "\n",
            )
            .expect("write");
            for (name, bytes) in &files {
                match bytes {
                    Some(bytes) => fs::write(dir.join(name), bytes).expect("write"),
                    None => drop(fs::remove_file(dir.join(name))),
                }
            }
            continue;
        }
        assert_eq!(actual, expected, "{}", dir.display());
        for (name, bytes) in files {
            let want = fs::read(dir.join(name)).ok();
            assert_eq!(bytes, want, "{}: {name}", dir.display());
        }
        checked += 1;
    }
    assert!(bless || checked >= 2, "{checked} transform cases");
}

#[test]
fn every_case_gives_its_report() {
    let bless = std::env::var_os("BLESS").is_some();
    let mut names: Vec<PathBuf> = fs::read_dir(cases_dir())
        .expect("tests/cases exists")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir() && p.join("report.json").exists())
        .collect();
    names.sort();
    assert!(names.len() >= 15, "the corpus has {} cases", names.len());
    let mut failures = Vec::new();
    for dir in &names {
        let path = dir.join("report.json");
        let expected: Value =
            serde_json::from_str(&fs::read_to_string(&path).expect("report.json"))
                .expect("report.json is JSON");
        let actual = run_case(dir, &expected);
        if bless {
            fs::write(
                &path,
                serde_json::to_string_pretty(&actual).expect("JSON") + "\n",
            )
            .expect("write report.json");
        } else if actual != expected {
            failures.push(format!(
                "{}:\n  expected {}\n  actual   {}",
                dir.display(),
                serde_json::to_string(&expected).unwrap_or_default(),
                serde_json::to_string(&actual).unwrap_or_default()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} case(s) differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
