//! The rules for exports as HR systems and Excel write them: sensitive data,
//! Excel's `sep=` line.

use super::tests::{check, check_with, config};
use super::*;
use crate::code::Code;
use crate::messages::Lang;

#[test]
fn sensitive_columns_by_name_or_by_values_in_every_language() {
    let file = "Email,First name,Last name,custom_bank,custom_personnel_number,Salaris\n\
                a@example.nl,A,B,NL91ABNA0417164300,100000001,1\n\
                b@example.nl,C,D,DE89370400440532013000,100000002,2\n\
                c@example.nl,E,F,BE68539007547034,100000003,3\n";
    let r = check(file);
    let found: Vec<(&str, Option<&str>)> = r
        .issues
        .iter()
        .filter(|i| i.code() == Code::SensitiveData)
        .map(|i| (i.column.unwrap_or_default(), i.field))
        .collect();
    // Column issues in column order, after the file's own.
    assert_eq!(
        found,
        [("custom_bank", Some("custom_bank")), ("Salaris", None)]
    );
    assert!(!r.valid());
    for lang in [Lang::En, Lang::Nl, Lang::De] {
        for issue in r.issues.iter().filter(|i| i.code() == Code::SensitiveData) {
            let message = issue.message(lang, true);
            assert!(
                message.contains(issue.column.unwrap_or_default()),
                "{message}"
            );
            assert!(
                !message.contains("NL91") && !message.contains("100000001"),
                "{message}"
            );
        }
    }
    let allowed = config("[safety]\nallow_sensitive = [\"custom bank\", \"salaris\"]\n");
    let r = check_with(file.as_bytes(), &allowed);
    assert!(
        r.issues.iter().all(|i| i.code() != Code::SensitiveData),
        "{found:?}"
    );
}

#[test]
fn an_unknown_column_of_citizen_service_numbers_is_named_for_what_it_holds() {
    // "Rename it custom_..." alone would lead the user to send the numbers.
    let file = "Email,First name,Last name,Nummer\n\
                a@example.nl,A,B,111222333\n\
                b@example.nl,C,D,123456782\n\
                c@example.nl,E,F,010000008\n";
    let r = check(file);
    let codes: Vec<(&str, Option<&str>)> = r
        .issues
        .iter()
        .map(|i| (i.code().as_str(), i.column))
        .collect();
    assert!(
        codes.contains(&("unknown-column", Some("Nummer"))),
        "{codes:?}"
    );
    assert!(
        codes.contains(&("sensitive-data", Some("Nummer"))),
        "{codes:?}"
    );
    // Sequential employee numbers in the same place are not.
    let numbers = "Email,First name,Last name,Nummer\n\
                   a@example.nl,A,B,100000001\n\
                   b@example.nl,C,D,100000002\n\
                   c@example.nl,E,F,100000003\n";
    let r = check(numbers);
    assert!(r.issues.iter().all(|i| i.code() != Code::SensitiveData));
}

#[test]
fn excel_s_sep_line_is_named_not_read_as_the_header() {
    for (file, found) in [
        ("sep=,\nEmail,First name,Last name\n", ','),
        ("sep=;\r\nEmail;First name\r\n", ';'),
    ] {
        let r = check(file);
        let codes: Vec<&str> = r.issues.iter().map(|i| i.code().as_str()).collect();
        assert_eq!(codes, ["delimiter"], "{file}");
        assert_eq!(*r.issues.get(0).unwrap().detail, Detail::SepLine { found });
        assert!(
            r.issues
                .get(0)
                .unwrap()
                .message(Lang::En, true)
                .contains(&format!("sep={found}"))
        );
    }
}
