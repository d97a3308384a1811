use std::fmt::Write as _;

use chrono::NaiveDate;

use super::*;
use crate::lifecycle::{Previous, diff_each};
use crate::{Config, Options, sample, validate};

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

fn text_of(report: &Report, ctx: &Context<'_>) -> String {
    let mut out = Vec::new();
    write_report(&mut out, report, ctx, &Plain).unwrap();
    String::from_utf8(out).unwrap()
}

fn roster(rows: usize) -> Report {
    let mut file = Vec::new();
    sample::write_roster(&mut file, rows, 1, as_of()).unwrap();
    validate(&file[..], &sample::config(), Options::new(as_of())).unwrap()
}

fn first_run() -> Context<'static> {
    Context {
        previous: Some(PreviousState::NotYet(
            "~/.local/state/alleo-sync/last-delivered.csv",
        )),
        ..Context::new(Some("alleo_employees_acme.csv"), AsOf::Given(as_of()))
    }
}

#[test]
fn a_first_roster_reads_in_under_a_thousand_lines_naming_every_error_row() {
    let report = roster(10_000);
    let text = text_of(&report, &first_run());
    let lines = text.lines().count();
    assert!(lines < 1000, "{lines} lines");
    assert!(report.warnings() > 10_000, "{} warnings", report.warnings());
    let error_rows: std::collections::BTreeSet<u64> = report
        .issues
        .iter()
        .filter(|i| i.severity == Severity::Error)
        .filter_map(|i| i.row)
        .collect();
    assert!(error_rows.len() > 150);
    for row in &error_rows {
        assert!(
            text.contains(&format!("\nRow {row}\n")),
            "row {row} is not named"
        );
    }
    // Each error in full, with its message.
    for issue in report
        .issues
        .iter()
        .filter(|i| i.severity == Severity::Error)
    {
        assert!(text.contains(&report.message_of(issue)));
    }
}

#[test]
fn a_warning_on_many_rows_is_shown_once_with_its_count_first_rows_and_meaning() {
    let report = roster(2_000);
    let text = text_of(&report, &first_run());
    let past = report
        .issues
        .iter()
        .filter(|i| i.code() == crate::Code::OnboardingPast)
        .count();
    let line = text
        .lines()
        .find(|l| l.contains("onboarding-past"))
        .expect("a line for onboarding-past");
    assert!(
        line.contains(&format!("on {} rows: 2, ", Lang::En.number(past as u64))),
        "{line}"
    );
    assert!(line.contains(" more"), "{line}");
    assert_eq!(text.matches("onboarding-past").count(), 1);
    assert!(text.contains(crate::Code::OnboardingPast.about(Lang::En)));
    assert!(text.contains("--all"));
    assert!(
        text.contains("--previous FILE"),
        "the first run says how to give the previous state"
    );
}

#[test]
fn all_lists_every_issue_and_the_previous_state_silences_the_first_run_hint() {
    let report = roster(500);
    let ctx = Context {
        all: true,
        previous: Some(PreviousState::Given("last_sent.csv", 500)),
        ..first_run()
    };
    let text = text_of(&report, &ctx);
    let listed = text
        .lines()
        .filter(|l| l.starts_with("  error ") || l.starts_with("  warning "))
        .count();
    assert_eq!(listed, report.issues.len());
    assert!(!text.contains("--previous FILE"));
    assert!(!text.contains("Each warning one by one"));
}

#[test]
fn the_report_speaks_the_report_s_language() {
    let report = roster(300);
    for (lang, errors, warnings) in [
        (Lang::Nl, "Fouten: ", "Waarschuwingen: "),
        (Lang::De, "Fehler: ", "Warnungen: "),
    ] {
        let text = text_of(&report.clone().with_lang(lang), &first_run());
        assert!(text.contains(errors) && text.contains(warnings), "{text}");
        assert!(text.contains(crate::Code::OnboardingPast.about(lang)));
        assert!(!text.contains("Errors: ") && !text.contains("Warnings: "));
    }
}

#[test]
fn a_long_list_of_actions_shows_its_first_and_says_how_many_more() {
    let as_of = as_of();
    let previous =
        Previous::read(&b"Email,First name,Last name\n"[..], &Config::default()).unwrap();
    let mut file = String::from("Email,First name,Last name\n");
    for i in 0..40 {
        let _ = writeln!(file, "p{i}@example.nl,Anna,Smit");
    }
    for all in [false, true] {
        let mut actions = PlanActions::new(all);
        let plan = diff_each(
            &previous,
            file.as_bytes(),
            &Config::default(),
            Options::new(as_of),
            &mut |a| actions.push(a),
        )
        .unwrap();
        let ctx = Context {
            all,
            ..Context::new(Some("alleo_employees_acme.csv"), AsOf::Given(as_of))
        };
        let mut out = Vec::new();
        write_plan(&mut out, &plan, &actions, &ctx, &Plain).unwrap();
        let text = String::from_utf8(out).unwrap();
        let listed = text.lines().filter(|l| l.contains("active from")).count();
        if all {
            assert_eq!(listed, 40);
        } else {
            assert_eq!(listed, SHOWN);
            assert!(text.contains("... and 30 more"), "{text}");
        }
        assert!(text.starts_with("alleo_employees_acme.csv: 40 to onboard, "));
    }
}
