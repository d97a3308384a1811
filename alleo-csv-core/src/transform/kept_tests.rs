//! Rows still invalid kept in the output to be fixed (`Outputs::keep_invalid`):
//! written as the valid ones are, numbered as a check of the output numbers them.

use super::tests::{DUTCH_EXPORT, DUTCH_MAPPING, as_of, config};
use super::*;
use crate::code::Code;
use crate::validate;

/// `export` transformed under `config`, the rows still invalid kept in the output
/// when `keep`: what it did, and the output.
fn run_keeping(export: &str, config: &Config, keep: bool) -> (Transformed, Vec<u8>) {
    let mut out = Vec::new();
    let outputs = Outputs::new(&mut out);
    let outputs = if keep {
        outputs.keeping_invalid()
    } else {
        outputs
    };
    let done = transform(
        export.as_bytes(),
        config,
        TransformOptions::new(as_of()),
        outputs,
    )
    .unwrap();
    (done, out)
}

/// The errors of a whole check of `file`, as (row, code).
fn errors_in(file: &[u8], config: &Config) -> Vec<(Option<u64>, Code)> {
    let report = validate(file, config, crate::Options::new(as_of())).unwrap();
    let errors = report
        .issues
        .iter()
        .filter(|i| i.severity == crate::Severity::Error);
    errors.map(|i| (i.row, i.code())).collect()
}

/// A value with a line break is still one row: the kept rows after it are
/// numbered as a check of the output numbers them.
#[test]
fn a_kept_row_after_a_value_with_a_line_break_has_its_own_row() {
    let config = config("[custom_fields]\ncustom_note = \"text\"\n");
    let export = "Email,First name,Last name,custom_note\r\n\
        an@example.com,An,Jansen,\"Kantoor\r\nUtrecht\"\r\n\
        bo-at-example.com,Bo,Visser,x\r\n";
    let (done, out) = run_keeping(export, &config, true);
    assert!(done.usable() && done.kept_invalid());
    assert_eq!(done.kept_rows, [3]);
    assert_eq!(errors_in(&out, &config), [(Some(3), Code::EmailFormat)]);
}

/// Kept to be fixed, an invalid row is written as the valid ones are (and still
/// counted as rejected); the output then fails its check on that row alone, and
/// the second check on its own thread accepts that.
#[test]
fn invalid_rows_can_stay_in_the_output_to_be_fixed() {
    let config = config(&format!(
        "{DUTCH_MAPPING}\n[input]\ndate_format = \"%d-%m-%Y\"\ndecimal_comma = true\n"
    ));
    let export =
        DUTCH_EXPORT.replace("j.devries@example.nl", "j.devries@") + "0014;a@example.nl;An\r\n";
    for keep in [false, true] {
        let (done, out) = run_keeping(&export, &config, keep);
        assert_eq!((done.summary.written, done.summary.rejected), (1, 2));
        assert_eq!(
            done.usable(),
            keep,
            "without a place for invalid rows the run is not usable"
        );
        if keep {
            let text = String::from_utf8(out.clone()).unwrap();
            assert_eq!(
                text.lines().nth(1),
                Some("j.devries@,Jan,Vries,de,1990-05-17,nl,Engineering,0012,0.8")
            );
            assert_eq!(
                text.lines().nth(3),
                Some("0014,a@example.nl,An"),
                "a short row as the export has it"
            );
            assert_eq!(
                errors_in(&out, &config),
                [(Some(2), Code::EmailFormat), (Some(4), Code::RowLength)]
            );
        }
    }
}

/// A short row kept to be fixed does not make a later row with its address a
/// duplicate (neither check compares a row of the wrong length), and the second
/// check, which knows which rows were kept, finds no fault.
#[test]
fn a_short_row_kept_to_be_fixed_is_not_taken_for_a_later_rows_address() {
    let config = config(&format!(
        "{DUTCH_MAPPING}\n[input]\ndate_format = \"%d-%m-%Y\"\n"
    ));
    let header = DUTCH_EXPORT.lines().next().unwrap();
    let export =
        format!("{header}\r\n0012;x@example.nl;An\r\n0013;x@example.nl;Bo;;Visser;;;;\r\n");
    let (done, out) = run_keeping(&export, &config, true);
    let kept = (
        done.summary.written,
        done.summary.rejected,
        done.kept_rows.as_slice(),
    );
    assert_eq!(kept, (1, 1, &[2][..]));
    assert_eq!(errors_in(&out, &config), [(Some(2), Code::RowLength)]);
}
