use std::collections::HashSet;
use std::fmt::Write as _;

use proptest::prelude::*;

use super::*;
use crate::code::Severity;
use crate::sample;
use chrono::NaiveDate;

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

const HEADER: &str =
    "Email,First name,Last name,Onboarding date,Offboarding date,Birthday,custom_team";

fn plan_with(before: &str, now: &str, config: &Config, allow: Option<u64>) -> Plan {
    let previous = Previous::read(before.as_bytes(), config).unwrap();
    let mut options = Options::new(as_of());
    options.allow_deactivations = allow;
    diff(&previous, now.as_bytes(), config, options).unwrap()
}

/// The plan for two files of `HEADER`'s columns, given as rows.
fn plan(before: &[&str], now: &[&str]) -> Plan {
    let file = |rows: &[&str]| format!("{HEADER}\n{}\n", rows.join("\n"));
    plan_with(&file(before), &file(now), &Config::default(), None)
}

fn kinds(p: &Plan) -> Vec<ActionKind> {
    p.actions.iter().map(|a| a.kind).collect()
}

/// (code, severity, row) of every issue.
fn issues(p: &Plan) -> Vec<(Code, Severity, Option<u64>)> {
    p.report
        .issues
        .iter()
        .map(|i| (i.code(), i.severity, i.row))
        .collect()
}

const JAN: &str = "jan@example.nl,Jan,Jansen,2026-01-05,,1990-05-17,Blue";

#[test]
fn a_new_address_is_an_onboarding_on_its_date_or_as_of() {
    let p = plan(
        &[JAN],
        &[
            JAN,
            "anna@example.nl,Anna,Bakker,2026-12-01,,,",
            "piet@example.nl,Piet,Smit,,,,",
        ],
    );
    assert_eq!(
        kinds(&p),
        [
            ActionKind::Unchanged,
            ActionKind::Onboard,
            ActionKind::Onboard
        ]
    );
    assert_eq!(p.actions[1].effective.unwrap().to_string(), "2026-12-01");
    assert_eq!(p.actions[2].effective.unwrap().to_string(), "2026-11-26");
    assert_eq!(p.actions[1].row, Some(3));
    assert!(p.report.issues.is_empty(), "{:?}", issues(&p));
}

#[test]
fn changed_fields_are_an_update_listing_each() {
    let p = plan(
        &[JAN],
        &["JAN@example.nl,Jan,Jansen-Smit,2026-01-05,,1990-05-17,Red"],
    );
    assert_eq!(kinds(&p), [ActionKind::Update]);
    let changes: Vec<(&str, &str, &str)> = p.actions[0]
        .changes
        .iter()
        .map(|c| (c.field.as_str(), c.old.as_str(), c.new.as_str()))
        .collect();
    assert_eq!(
        changes,
        [
            ("last_name", "Jansen", "Jansen-Smit"),
            ("custom_team", "Blue", "Red")
        ]
    );
    assert!(
        p.report.issues.is_empty(),
        "the case of an address is no change"
    );
}

#[test]
fn the_same_file_is_all_unchanged_without_issues() {
    let p = plan(
        &[JAN, "anna@example.nl,Anna,Bakker,,2027-06-30,,"],
        &[JAN, "anna@example.nl,Anna,Bakker,,2027-06-30,,"],
    );
    assert_eq!(kinds(&p), [ActionKind::Unchanged, ActionKind::Unchanged]);
    assert!(p.report.issues.is_empty(), "{:?}", issues(&p));
}

#[test]
fn a_newly_set_offboarding_date_is_a_deactivation_at_23_utc() {
    let p = plan(
        &[JAN],
        &["jan@example.nl,Jan,Jansen,2026-01-05,2027-01-31,1990-05-17,Blue"],
    );
    assert_eq!(kinds(&p), [ActionKind::Deactivate]);
    assert_eq!(
        p.actions[0].effective.unwrap().to_string(),
        "2027-01-31T23:00:00Z"
    );
    assert_eq!(p.summary.deactivate, 1);
    assert!(p.report.issues.is_empty(), "{:?}", issues(&p));
}

#[test]
fn a_changed_onboarding_date_is_locked() {
    let p = plan(
        &[JAN],
        &["jan@example.nl,Jan,Jansen,2026-12-05,,1990-05-17,Blue"],
    );
    assert_eq!(
        issues(&p),
        [(Code::OnboardingDateLocked, Severity::Error, Some(2))]
    );
    let message = p.report.message_of(p.report.issues.get(0).unwrap());
    assert!(
        message.contains("was 2026-01-05") && message.contains("admin-support@alleo.nl"),
        "{message}"
    );
}

#[test]
fn a_removed_offboarding_date_is_refused() {
    let before = "jan@example.nl,Jan,Jansen,2026-01-05,2027-01-31,1990-05-17,Blue";
    let p = plan(&[before], &[JAN]);
    assert_eq!(
        issues(&p),
        [(Code::OffboardingRemoved, Severity::Error, Some(2))]
    );
}

#[test]
fn a_changed_offboarding_date_of_an_active_account_is_an_update_that_must_be_future() {
    let before = "jan@example.nl,Jan,Jansen,2026-01-05,2027-01-31,1990-05-17,Blue";
    let later = plan(
        &[before],
        &["jan@example.nl,Jan,Jansen,2026-01-05,2027-02-28,1990-05-17,Blue"],
    );
    assert_eq!(kinds(&later), [ActionKind::Update]);
    assert!(later.report.issues.is_empty(), "{:?}", issues(&later));
    let past = plan(
        &[before],
        &["jan@example.nl,Jan,Jansen,2026-01-05,2026-11-20,1990-05-17,Blue"],
    );
    assert_eq!(
        issues(&past),
        [(Code::OffboardingNotFuture, Severity::Error, Some(2))]
    );
    let soon = plan(
        &[before],
        &["jan@example.nl,Jan,Jansen,2026-01-05,2026-12-10,1990-05-17,Blue"],
    );
    assert_eq!(
        issues(&soon),
        [(Code::OffboardingShortNotice, Severity::Warning, Some(2))]
    );
}

#[test]
fn a_deactivated_account_cannot_be_changed_from_the_file() {
    let before = "jan@example.nl,Jan,Jansen,2026-01-05,2026-10-31,1990-05-17,Blue";
    // Offboarding date changed after the deactivation.
    let moved = plan(
        &[before],
        &["jan@example.nl,Jan,Jansen,2026-01-05,2027-10-31,1990-05-17,Blue"],
    );
    assert_eq!(
        issues(&moved),
        [(Code::ReactivationRequired, Severity::Error, Some(2))]
    );
    // Another field of a deactivated employee changed.
    let renamed = plan(
        &[before],
        &["jan@example.nl,Jan,Janssen,2026-01-05,2026-10-31,1990-05-17,Blue"],
    );
    assert_eq!(
        issues(&renamed),
        [(Code::ReactivationRequired, Severity::Error, Some(2))]
    );
    assert_eq!(
        renamed.report.issues.get(0).unwrap().column,
        Some("Last name")
    );
    // Unchanged, the past offboarding date of a deactivated account is fine.
    let same = plan(&[before], &[before]);
    assert!(same.report.issues.is_empty(), "{:?}", issues(&same));
}

#[test]
fn an_absent_employee_is_a_warning_not_a_deactivation() {
    let p = plan(&[JAN, "piet@example.nl,Piet,Smit,,,,"], &[JAN]);
    assert_eq!(kinds(&p), [ActionKind::Unchanged, ActionKind::Absent]);
    assert_eq!(p.actions[1].row, None);
    assert_eq!(issues(&p), [(Code::Absent, Severity::Warning, None)]);
    let message = p.report.message_of(p.report.issues.get(0).unwrap());
    assert!(
        message.starts_with("piet@example.nl was in the previous file"),
        "{message}"
    );
    assert!(
        message.contains("only an offboarding date") && message.contains("second account"),
        "{message}"
    );
    assert_eq!(p.summary.deactivate, 0);
}

#[test]
fn a_new_address_with_an_absent_name_is_a_suspected_email_change() {
    let p = plan(
        &[JAN],
        &["jan.jansen@example.nl,Jan,Jansen,,,1990-05-17,Blue"],
    );
    assert_eq!(kinds(&p), [ActionKind::Onboard, ActionKind::Absent]);
    assert_eq!(
        issues(&p),
        [
            (Code::Absent, Severity::Warning, None),
            (Code::EmailChangeSuspected, Severity::Warning, Some(2))
        ]
    );
    let message = p.report.message_of(p.report.issues.get(1).unwrap());
    assert!(
        message.contains("(jan@example.nl)") && message.contains("second account"),
        "{message}"
    );
    // Another birthday: another person.
    let other = plan(
        &[JAN],
        &["jan.jansen@example.nl,Jan,Jansen,,,1991-01-01,Blue"],
    );
    assert_eq!(issues(&other), [(Code::Absent, Severity::Warning, None)]);
}

#[test]
fn the_stateless_warnings_become_exact() {
    // Without a previous state, a past onboarding date is a warning.
    let row = "new@example.nl,New,Person,2026-11-01,,,";
    let alone = crate::validate(
        format!("{HEADER}\n{row}\n").as_bytes(),
        &Config::default(),
        Options::new(as_of()),
    )
    .unwrap();
    assert_eq!(alone.issues.get(0).unwrap().severity, Severity::Warning);
    // With one: an error for a new employee, nothing for a known one whose date is unchanged.
    let new = plan(&[JAN], &[JAN, row]);
    assert_eq!(
        issues(&new),
        [
            (Code::Absent, Severity::Warning, None),
            (Code::OnboardingPast, Severity::Error, Some(3))
        ]
        .into_iter()
        .filter(|(c, ..)| *c != Code::Absent)
        .collect::<Vec<_>>()
    );
    assert!(
        new.report
            .message_of(new.report.issues.get(0).unwrap())
            .contains("this employee is new")
    );
    let known = plan(&[JAN, row], &[JAN, row]);
    assert!(known.report.issues.is_empty(), "{:?}", issues(&known));
    // A new employee's offboarding date in the past is newly set: an error.
    let gone = plan(&[], &["x@example.nl,X,Y,,2026-11-20,,"]);
    assert_eq!(
        issues(&gone),
        [(Code::OffboardingNotFuture, Severity::Error, Some(2))]
    );
}

/// `n` employees who all get an offboarding date.
fn leavers(previous: usize, leaving: usize) -> (String, String) {
    let mut before = format!("{HEADER}\n");
    let mut now = format!("{HEADER}\n");
    for i in 0..previous {
        writeln!(before, "e{i}@example.nl,E,{i},,,,").unwrap();
        let off = if i < leaving { "2027-06-30" } else { "" };
        writeln!(now, "e{i}@example.nl,E,{i},,{off},,").unwrap();
    }
    (before, now)
}

#[test]
fn the_mass_deactivation_guard_trips_just_above_its_limit() {
    let config = Config::default();
    // 100 employees: 10% = 10 may leave.
    for (leaving, tripped) in [(10, false), (11, true)] {
        let (before, now) = leavers(100, leaving);
        let p = plan_with(&before, &now, &config, None);
        let guard = p
            .report
            .issues
            .iter()
            .any(|i| i.code() == Code::MassDeactivation);
        assert_eq!(guard, tripped, "{leaving} leaving");
        assert_eq!(p.summary.deactivate, leaving as u64);
    }
    // At least 5, however small the company.
    let (before, now) = leavers(8, 5);
    assert!(plan_with(&before, &now, &config, None).valid());
    let (before, now) = leavers(8, 6);
    let p = plan_with(&before, &now, &config, None);
    assert_eq!(
        issues(&p),
        [(Code::MassDeactivation, Severity::Error, None)]
    );
    assert!(
        p.report
            .message_of(p.report.issues.get(0).unwrap())
            .contains("--allow-deactivations 6")
    );
    // --allow-deactivations N lets N through, not N + 1.
    assert!(plan_with(&before, &now, &config, Some(6)).valid());
    assert!(!plan_with(&before, &now, &config, Some(5)).valid());
    // [safety] max_deactivations.
    let strict: Config = toml::from_str("[safety]\nmax_deactivations = 2").unwrap();
    let (before, now) = leavers(100, 3);
    assert!(!plan_with(&before, &now, &strict, None).valid());
}

#[test]
fn a_reporting_export_as_previous_state() {
    let sent = format!("{HEADER}\n{JAN}\n");
    let export = "Status,Email,First name,Last name,Onboarding date,Offboarding date,Birthday,alleo_custom_team,Last login\n\
                  active,jan@example.nl,Jan,Jansen,2026-01-05,,1990-05-17,Blue,2026-11-01\n";
    let now = format!("{HEADER}\njan@example.nl,Jan,Jansen,2026-01-05,,1990-05-17,Red\n");
    let a = plan_with(&sent, &now, &Config::default(), None);
    let b = plan_with(export, &now, &Config::default(), None);
    assert_eq!(a.actions, b.actions);
    assert_eq!(a.actions[0].changes[0].field, "custom_team");
}

#[test]
fn the_plan_serialises_as_the_issue_asks() {
    let p = plan(
        &[JAN],
        &[
            "jan@example.nl,Jan,Jansen,2026-01-05,2027-01-31,1990-05-17,Blue",
            "anna@example.nl,Anna,Bakker,,,,",
        ],
    );
    let json: serde_json::Value = serde_json::to_value(&p).unwrap();
    assert_eq!(json["summary"]["deactivate"], 1);
    assert_eq!(json["summary"]["onboard"], 1);
    assert_eq!(json["actions"][0]["action"], "deactivate");
    assert_eq!(json["actions"][0]["effective"], "2027-01-31T23:00:00Z");
    assert_eq!(
        json["actions"][0]["changes"][0]["field"],
        "offboarding_date"
    );
    assert_eq!(json["actions"][0]["changes"][0]["old"], "");
    assert_eq!(json["actions"][1]["effective"], "2026-11-26");
    assert_eq!(json["valid"], true);
    let keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    for key in ["as_of", "summary", "actions", "issues", "valid"] {
        assert!(keys.contains(&key), "{key}");
    }
    let mut csv = Vec::new();
    p.write_csv(&mut csv).unwrap();
    let csv = String::from_utf8(csv).unwrap();
    assert!(csv.contains("\ndeactivate,jan@example.nl,2,2027-01-31T23:00:00Z,\"offboarding_date: \"\"\"\" -> 2027-01-31\"\n"), "{csv}");
}

fn sample_file(rows: usize, seed: u64) -> String {
    let mut file = Vec::new();
    sample::write(&mut file, rows, seed, as_of()).unwrap();
    String::from_utf8(file).unwrap()
}

/// A file as Alleo's reporting exports it: `alleo_custom_` names, extra columns
/// in front and behind.
fn as_reporting_export(file: &str) -> String {
    let mut lines = file.lines();
    let header = lines.next().unwrap_or_default();
    let header = header
        .split(',')
        .map(|h| {
            if h.starts_with("custom_") {
                format!("alleo_{h}")
            } else {
                h.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(",");
    let mut out = format!("Status,{header},Last login\n");
    for line in lines {
        writeln!(out, "active,{line},2026-11-01").unwrap();
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn a_file_against_itself_is_all_unchanged(rows in 0usize..60, seed in any::<u64>()) {
        let file = sample_file(rows, seed);
        let p = plan_with(&file, &file, &sample::config(), None);
        prop_assert_eq!(p.summary.unchanged, rows as u64);
        prop_assert_eq!(p.actions.len(), rows);
        prop_assert!(p.report.issues.is_empty(), "{:?}", issues(&p));
    }

    #[test]
    fn the_counts_add_up_to_both_files(
        rows in 1usize..50,
        seed in any::<u64>(),
        keep in prop::collection::vec(any::<bool>(), 50),
        added in 0usize..10,
    ) {
        // The new file: some previous rows dropped, some rows of another sample added.
        let before = sample_file(rows, seed);
        let extra = sample_file(added, seed ^ 0x5555);
        let mut now: Vec<&str> = before.lines().take(1).collect();
        now.extend(before.lines().skip(1).zip(&keep).filter(|(_, k)| **k).map(|(l, _)| l));
        now.extend(extra.lines().skip(1).filter(|l| !before.contains(l.split(',').next().unwrap_or_default())));
        let now = now.join("\n") + "\n";
        let email = |l: &str| l.split(',').next().unwrap_or_default().to_lowercase();
        let old: HashSet<String> = before.lines().skip(1).map(email).collect();
        let new: HashSet<String> = now.lines().skip(1).map(email).collect();
        let p = plan_with(&before, &now, &sample::config(), None);
        let s = p.summary;
        prop_assert_eq!(s.onboard + s.update + s.deactivate + s.unchanged, new.len() as u64);
        prop_assert_eq!(s.absent, old.difference(&new).count() as u64);
        prop_assert_eq!(p.actions.len(), old.union(&new).count());
        prop_assert_eq!(s.onboard, new.difference(&old).count() as u64);
    }

    #[test]
    fn a_reporting_export_gives_the_plan_of_the_file(rows in 1usize..40, seed in any::<u64>(), other in any::<u64>()) {
        let before = sample_file(rows, seed);
        // The new file: the same employees, other values (another seed, same addresses).
        let now = sample_file(rows, other);
        let config = sample::config();
        let from_file = plan_with(&before, &now, &config, None);
        let from_export = plan_with(&as_reporting_export(&before), &now, &config, None);
        prop_assert_eq!(&from_file.actions, &from_export.actions);
        prop_assert_eq!(&from_file.report.issues, &from_export.report.issues);
    }

    #[test]
    fn streamed_actions_are_the_plans(rows in 1usize..30, seed in any::<u64>()) {
        let before = sample_file(rows, seed);
        let now = sample_file(rows, seed.wrapping_add(3));
        let config = sample::config();
        let previous = Previous::read(before.as_bytes(), &config).unwrap();
        let whole = diff(&previous, now.as_bytes(), &config, Options::new(as_of())).unwrap();
        let mut handed = Vec::new();
        let streamed = diff_each(&previous, now.as_bytes(), &config, Options::new(as_of()), &mut |a| handed.push(a)).unwrap();
        prop_assert!(streamed.actions.is_empty());
        prop_assert_eq!(handed, whole.actions);
        prop_assert_eq!(streamed.summary, whole.summary);
        prop_assert_eq!(streamed.report.issues, whole.report.issues);
    }

    #[test]
    fn chunks_do_not_change_the_plan(rows in 1usize..30, seed in any::<u64>(), chunk in 1usize..200) {
        let before = sample_file(rows, seed);
        let now = sample_file(rows, seed.wrapping_add(1));
        let config = sample::config();
        let previous = Previous::read(before.as_bytes(), &config).unwrap();
        let whole = diff(&previous, now.as_bytes(), &config, Options::new(as_of())).unwrap();
        let mut differ = Differ::new(&previous, &config, Options::new(as_of()));
        for c in now.as_bytes().chunks(chunk) {
            differ.feed(c);
        }
        let fed = differ.finish();
        prop_assert_eq!(whole.actions, fed.actions);
        prop_assert_eq!(whole.report.issues, fed.report.issues);
    }
}

/// Found by fuzzing (fuzz/artifacts/previous): a row of the previous state too short
/// to reach its Email column panicked while the state was read.
#[test]
fn a_previous_row_short_of_the_email_column_is_no_employee() {
    let config = sample::config();
    let before = "First name,Last name,Email\nAnn,Smit,a@example.nl\nBob\n\nCas,Smit\n";
    let previous = Previous::read(before.as_bytes(), &config).unwrap();
    assert_eq!(previous.len(), 1);
    assert_eq!(previous.value_of("a@example.nl", "first_name"), Some("Ann"));
}

/// Found by fuzzing: a diff fed an empty chunk first, then the whole file, must
/// plan what a diff of the whole file plans, bytes that are not UTF-8 included.
#[test]
fn an_empty_chunk_changes_nothing() {
    let config = sample::config();
    let file: &[u8] = b"\xEF\xBB\xBFEmail,First name,Last\n \rmen\xFCajan@example.nl,Jcer\r\n";
    let previous = Previous::read(file, &config).unwrap();
    let whole = diff(&previous, file, &config, Options::new(as_of())).unwrap();
    for cut in [0, 1, 3, 20, file.len()] {
        let mut differ = Differ::new(&previous, &config, Options::new(as_of()));
        differ.feed(&file[..cut]);
        differ.feed(&[]);
        differ.feed(&file[cut..]);
        let fed = differ.finish();
        assert_eq!(whole.report.issues, fed.report.issues, "cut at {cut}");
        assert_eq!(whole.actions, fed.actions, "cut at {cut}");
    }
}
