//! Exports as HR systems and Excel write them: columns left out, sensitive data,
//! Excel's habits, dates with a time of day, the same person twice.

use super::tests::{config, run};
use super::*;
use crate::code::Code;
use crate::input::Delimiter;

/// An export as payroll writes it: the Alleo fields and three columns Alleo must
/// never receive.
const PAYROLL: &str = "E-mailadres;Voornaam;Achternaam;BSN;Salaris;IBAN\r\n\
j.devries@example.nl;Jan;Vries;111222333;4100,00;NL91ABNA0417164300\r\n\
s.bakker@example.nl;Sanne;Bakker;123456782;3900,00;DE89370400440532013000\r\n";

fn payroll_config(extra: &str) -> Config {
    config(&format!(
        "[mapping]\n\"E-mailadres\" = \"email\"\n\"Voornaam\" = \"first_name\"\n\"Achternaam\" = \"last_name\"\n{extra}"
    ))
}

#[test]
fn ignored_columns_are_left_out_and_said_never_their_values() {
    let config = payroll_config("[input]\nignore = [\"BSN\", \"salaris\", \"iban\"]\n");
    let r = run(PAYROLL.as_bytes(), &config);
    assert!(r.done.usable(), "{:?}", r.done.report.issues);
    assert_eq!(
        r.out,
        "Email,First name,Last name\nj.devries@example.nl,Jan,Vries\ns.bakker@example.nl,Sanne,Bakker\n"
    );
    assert_eq!(r.done.summary.left_out, ["BSN", "Salaris", "IBAN"]);
    assert_eq!(r.done.summary.count(Rule::LeftOut), 3);
    assert_eq!(
        r.done.summary.describe(Lang::En).unwrap(),
        "left out 3 columns (BSN, Salaris, IBAN); renamed 3 columns"
    );
    let left_out: Vec<&str> = r
        .changes
        .lines()
        .filter(|l| l.ends_with(",left-out"))
        .collect();
    assert_eq!(
        left_out,
        [
            "1,BSN,,,,left-out",
            "1,Salaris,,,,left-out",
            "1,IBAN,,,,left-out"
        ]
    );
    for value in ["111222333", "4100", "NL91"] {
        assert!(
            !r.changes.contains(value) && !r.out.contains(value),
            "{value}"
        );
        let summary = serde_json::to_string(&r.done.summary).unwrap();
        assert!(!summary.contains(value), "{summary}");
    }
}

#[test]
fn a_column_neither_mapped_ignored_nor_custom_still_stops_the_run() {
    let config = payroll_config("[input]\nignore = [\"BSN\", \"Salaris\"]\n");
    let r = run(PAYROLL.as_bytes(), &config);
    assert!(r.done.stopped && !r.done.usable());
    let codes: Vec<Code> = r.done.report.issues.iter().map(|i| i.code()).collect();
    assert_eq!(codes, [Code::SensitiveData], "IBAN, by its name");
}

#[test]
fn a_sensitive_column_found_by_its_values_stops_the_run_unless_allowed() {
    // Mapped to a harmless name, but the values are BSNs.
    let export = "Email;First name;Last name;Nummer\na@example.nl;A;B;111222333\nb@example.nl;C;D;123456782\nc@example.nl;E;F;010000008\n";
    let mapped = config("[mapping]\n\"Nummer\" = \"custom_nummer\"\n");
    let r = run(export.as_bytes(), &mapped);
    assert!(r.done.stopped && !r.done.usable(), "nothing may be used");
    let issue = r
        .done
        .report
        .issues
        .iter()
        .find(|i| i.code() == Code::SensitiveData)
        .unwrap();
    assert_eq!(
        (issue.row, issue.column, issue.field),
        (None, Some("Nummer"), Some("custom_nummer"))
    );
    let message = r.done.report.message_of(issue);
    assert!(
        message.contains("citizen service numbers") && !message.contains("111222333"),
        "{message}"
    );
    let allowed = config(
        "[mapping]\n\"Nummer\" = \"custom_nummer\"\n[safety]\nallow_sensitive = [\"custom_nummer\"]\n",
    );
    assert!(run(export.as_bytes(), &allowed).done.usable());
}

#[test]
fn excel_habits_are_repaired_or_refused() {
    // Excel's `sep=;` line, trailing empty columns without a header, a byte order
    // mark, non-breaking spaces in a header and a value, "no date", a day number.
    let export = "\u{feff}sep=;\r\nEmail;First\u{a0}name;Last name;Birthday;Onboarding date;;;\r\n\
                  a@example.nl;Anna\u{a0};Smit;0000-00-00;45292;;;\r\n\
                  b@example.nl;Bram;Bos;1990-05-17;;;;\r\n";
    let r = run(export.as_bytes(), &Config::default());
    assert!(r.done.usable(), "{:?}", r.done.report.issues);
    assert_eq!(
        r.out,
        "Email,First name,Last name,Onboarding date,Birthday\na@example.nl,Anna,Smit,2024-01-01,\nb@example.nl,Bram,Bos,,1990-05-17\n"
    );
    let s = &r.done.summary;
    assert_eq!(
        (
            s.count(Rule::EmptyDate),
            s.count(Rule::DayNumber),
            s.count(Rule::Trim)
        ),
        (1, 1, 1)
    );
    assert_eq!(s.delimiter.map(Delimiter::name), Some(";"));
    assert!(
        s.left_out.is_empty(),
        "unnamed empty columns are not listed: {:?}",
        s.left_out
    );
    // A value in a column without a header stops the run: it is a decision.
    let valued = "Email;First name;Last name;\na@example.nl;A;B;\nb@example.nl;C;D;x\n";
    let r = run(valued.as_bytes(), &Config::default());
    assert!(!r.done.usable());
    let issue = r
        .done
        .report
        .issues
        .iter()
        .find(|i| i.code() == Code::UnknownColumn)
        .unwrap();
    assert_eq!((issue.row, issue.column), (Some(1), Some("")));
    assert!(
        r.done
            .report
            .message_of(issue)
            .contains("Column 4 has no header")
    );
}

#[test]
fn dates_as_hr_systems_write_them() {
    for (format, written) in [
        ("%d.%m.%Y", "17.05.1990"),
        ("%d-%m-%Y", "1-5-1990"),
        ("%m/%d/%Y", "05/17/1990"),
        ("%Y%m%d", "19900517"),
        ("%Y-%m-%dT%H:%M:%S", "1990-05-17T00:00:00"),
    ] {
        let export = format!("Email;First name;Last name;Birthday\na@example.nl;A;B;{written}\n");
        let config = config(&format!("[input]\ndate_format = \"{format}\"\n"));
        let r = run(export.as_bytes(), &config);
        let want = if written == "1-5-1990" {
            "1990-05-01"
        } else {
            "1990-05-17"
        };
        assert!(
            r.out.ends_with(&format!(",{want}\n")),
            "{format}: {}",
            r.out
        );
    }
}

#[test]
fn the_same_person_twice_is_kept_once_and_two_people_with_one_address_are_refused() {
    // One person with two contracts: the rows sent are identical.
    let export = "Email;First name;Last name;Contract\na@example.nl;Anna;Smit;1\nb@example.nl;Bram;Bos;1\na@example.nl;Anna;Smit;2\n";
    let ignore = config("[input]\nignore = [\"Contract\"]\n");
    let r = run(export.as_bytes(), &ignore);
    assert!(r.done.usable(), "{:?}", r.done.report.issues);
    assert_eq!(
        r.out,
        "Email,First name,Last name\na@example.nl,Anna,Smit\nb@example.nl,Bram,Bos\n"
    );
    assert_eq!(r.done.summary.count(Rule::DuplicateRow), 1);
    assert!(
        r.changes.contains("\n4,,,2,,duplicate-row\n"),
        "{}",
        r.changes
    );
    assert!(
        r.done
            .report
            .issues
            .iter()
            .all(|i| i.code() != Code::EmailDuplicate)
    );
    // Differing in a field sent: two people, one address.
    let differing = "Email;First name;Last name\na@example.nl;Anna;Smit\na@example.nl;Anne;Smit\n";
    let r = run(differing.as_bytes(), &Config::default());
    assert_eq!(
        r.done.summary.rejected, 1,
        "set aside, as the rejects are asked for"
    );
    assert!(
        r.rejects.contains("a@example.nl;Anne;Smit;"),
        "{}",
        r.rejects
    );
    assert!(
        r.done
            .report
            .issues
            .iter()
            .any(|i| i.code() == Code::EmailDuplicate)
    );
}
