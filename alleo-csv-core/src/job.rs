//! One call per job. The fronts (the CLI, Python, WebAssembly) call these and
//! nothing else to check, transform or suggest: what stays in a front is reading
//! its arguments, its language's types and writing its output. So every front
//! gives the same report for the same file.
//!
//! - [`check`] (and [`Checking`], fed in chunks): a file, with the previous state
//!   when there is one (then the previous-state rules of SPEC sections 3 and 4 and
//!   the deactivation guard apply), else without.
//! - [`transform_export`]: an export of any kind (CSV in any encoding, or a
//!   workbook), told by its bytes, repaired into the Alleo file and checked twice.
//! - [`suggest_mapping`]: the `alleo.toml` sections an export needs, from its
//!   header and the values of its first rows.
//!
//! ```
//! use alleo_csv_core::{job, Config, Options};
//! let file = "Email,First name,Last name\njan@example.nl,Jan,Jansen\n";
//! let mut options = Options::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap());
//! options.file_name = Some("export.csv".into());
//! let checked = job::check(file.as_bytes(), &Config::default(), options, None)?;
//! assert_eq!(checked.report.issues.get(0).unwrap().code().as_str(), "file-name");
//! assert!(checked.counts.is_none(), "no previous state, no plan");
//! # Ok::<(), alleo_csv_core::Error>(())
//! ```

use std::io::{Read, Seek, SeekFrom};

use crate::config::Config;
use crate::error::{Error, Result};
use crate::lifecycle::{Counts, Differ, Previous, diff_each};
use crate::mapping::{Suggestions, suggest};
use crate::messages::Lang;
use crate::options::Options;
use crate::report::Report;
use crate::transform::{
    Kind, Outputs, TransformOptions, Transformed, detect_encoding, preview, transform,
};
use crate::validate::{Validator, validate};

/// Rows a suggestion looks at for the values under each header.
pub const PREVIEW_ROWS: usize = 200;

/// What a check found.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The report.
    pub report: Report,
    /// What Alleo will do, counted, when the check had a previous state.
    pub counts: Option<Counts>,
}

/// Checks the file in `reader` in one streaming pass: against `previous` when
/// given (as `validate --previous` and `push` do), else on its own.
///
/// # Errors
/// [`Error::Read`] when `reader` fails. Problems in the file are issues.
pub fn check<R: Read>(
    reader: R,
    config: &Config,
    options: Options,
    previous: Option<&Previous>,
) -> Result<Checked> {
    Ok(match previous {
        Some(previous) => {
            let plan = diff_each(previous, reader, config, options, &mut |_| {})?;
            Checked {
                report: plan.report,
                counts: Some(plan.summary),
            }
        }
        None => Checked {
            report: validate(reader, config, options)?,
            counts: None,
        },
    })
}

/// [`check`] fed in chunks, for a front that is handed the file piece by piece (a
/// browser stream). The report does not depend on where the chunks are cut.
#[derive(Debug)]
pub enum Checking<'p> {
    /// Without a previous state.
    Alone(Box<Validator>),
    /// Against a previous state.
    Against(Box<Differ<'p>>),
}

impl<'p> Checking<'p> {
    /// A check of one file (see [`check`]).
    pub fn new(config: &Config, options: Options, previous: Option<&'p Previous>) -> Checking<'p> {
        match previous {
            Some(previous) => Checking::Against(Box::new(Differ::new(previous, config, options))),
            None => Checking::Alone(Box::new(Validator::new(config, options))),
        }
    }

    /// Checks the next piece of the file.
    pub fn feed(&mut self, chunk: &[u8]) {
        match self {
            Checking::Alone(v) => v.feed(chunk),
            Checking::Against(d) => d.feed(chunk),
        }
    }

    /// Ends the file.
    pub fn finish(self) -> Checked {
        match self {
            Checking::Alone(v) => Checked {
                report: v.finish(),
                counts: None,
            },
            Checking::Against(d) => {
                let plan = d.finish();
                Checked {
                    report: plan.report,
                    counts: Some(plan.summary),
                }
            }
        }
    }
}

/// Transforms an export of any kind into the canonical Alleo file: a workbook or
/// CSV is told by the first bytes (not a name), a CSV's encoding is detected when
/// `[input] encoding` does not set it, and what is written is checked again as it
/// is written (see [`transform`]).
///
/// # Errors
/// [`Error::Unreadable`] for an export no front reads (an old `.xls` workbook),
/// [`Error::Workbook`] for a workbook that cannot be opened (or in a build without
/// the `xlsx` feature), and those of [`transform`].
pub fn transform_export<R: Read + Seek + Send>(
    mut export: R,
    config: &Config,
    options: &Options,
    outputs: Outputs<'_>,
) -> Result<Transformed> {
    let kind = kind_of(&mut export)?;
    let mut transform_options = TransformOptions::new(options.as_of);
    transform_options.lang = options.lang;
    if kind == Kind::Workbook {
        return transform_workbook(export, config, transform_options, outputs);
    }
    if config.input.encoding.is_none() {
        transform_options.detected_encoding = Some(detect_encoding(&mut export)?);
        rewind(&mut export)?;
    }
    transform(export, config, transform_options, outputs)
}

/// Suggests the `[input]`, `[mapping]` and `[custom_fields]` an export needs, from
/// its header and up to [`PREVIEW_ROWS`] rows (an export of any kind, as for
/// [`transform_export`]), with notes in `lang`.
///
/// # Errors
/// [`Error::NoHeader`] for an export without a header row, and those of
/// [`transform_export`] for an export that cannot be read.
pub fn suggest_mapping<R: Read + Seek>(
    mut export: R,
    config: &Config,
    lang: Lang,
) -> Result<Suggestions> {
    let input = &config.input;
    let preview = if kind_of(&mut export)? == Kind::Workbook {
        preview_workbook(export, input)?
    } else {
        let detected = if input.encoding.is_none() {
            let found = detect_encoding(&mut export)?;
            rewind(&mut export)?;
            Some(found)
        } else {
            None
        };
        preview(export, input, detected, PREVIEW_ROWS)?
    };
    if preview.headers.is_empty() {
        return Err(Error::NoHeader);
    }
    Ok(suggest(&preview, config, lang))
}

/// The kind of an export, read from its first bytes; the reader is left at its
/// start.
fn kind_of<R: Read + Seek>(export: &mut R) -> Result<Kind> {
    let mut head = [0u8; 8];
    let mut filled = 0;
    while filled < head.len() {
        match export.read(&mut head[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(Error::Read(e)),
        }
    }
    rewind(export)?;
    let kind = Kind::of(&head[..filled]);
    match kind.unreadable() {
        Some(_) => Err(Error::Unreadable(kind)),
        None => Ok(kind),
    }
}

fn rewind<R: Seek>(export: &mut R) -> Result<()> {
    export
        .seek(SeekFrom::Start(0))
        .map(drop)
        .map_err(Error::Read)
}

#[cfg(feature = "xlsx")]
fn transform_workbook<R: Read + Seek>(
    export: R,
    config: &Config,
    options: TransformOptions,
    outputs: Outputs<'_>,
) -> Result<Transformed> {
    crate::transform::transform_workbook(export, config, options, outputs)
}

#[cfg(not(feature = "xlsx"))]
fn transform_workbook<R: Read + Seek>(
    _: R,
    _: &Config,
    _: TransformOptions,
    _: Outputs<'_>,
) -> Result<Transformed> {
    Err(no_workbooks())
}

#[cfg(feature = "xlsx")]
fn preview_workbook<R: Read + Seek>(
    export: R,
    input: &crate::input::Input,
) -> Result<crate::transform::Preview> {
    crate::transform::preview_workbook(export, input, PREVIEW_ROWS)
}

#[cfg(not(feature = "xlsx"))]
fn preview_workbook<R: Read + Seek>(
    _: R,
    _: &crate::input::Input,
) -> Result<crate::transform::Preview> {
    Err(no_workbooks())
}

#[cfg(not(feature = "xlsx"))]
fn no_workbooks() -> Error {
    Error::Workbook(
        "this build reads no workbooks; save the sheet as \"CSV UTF-8\" and give that".to_owned(),
    )
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use chrono::NaiveDate;

    use super::*;

    fn options() -> Options {
        Options::new(NaiveDate::from_ymd_opt(2026, 11, 26).expect("a date"))
    }

    #[test]
    fn a_check_with_a_previous_state_counts_the_plan() {
        let config = Config::default();
        let before = "Email,First name,Last name\na@example.nl,A,B\nb@example.nl,C,D\n";
        let previous = Previous::read(before.as_bytes(), &config).expect("a previous state");
        let now = "Email,First name,Last name\na@example.nl,A,B\nc@example.nl,E,F\n";
        let checked = check(now.as_bytes(), &config, options(), Some(&previous)).expect("read");
        let counts = checked.counts.expect("counts");
        assert_eq!((counts.onboard, counts.unchanged, counts.absent), (1, 1, 1));
        let mut chunked = Checking::new(&config, options(), Some(&previous));
        for piece in now.as_bytes().chunks(7) {
            chunked.feed(piece);
        }
        let chunked = chunked.finish();
        assert_eq!(
            serde_json_like(&chunked.report),
            serde_json_like(&checked.report)
        );
    }

    /// A report compared as its JSON.
    fn serde_json_like(report: &Report) -> Vec<u8> {
        let mut out = Vec::new();
        report.write_json(&mut out).expect("in memory");
        out
    }

    #[test]
    fn values_are_left_out_when_asked() {
        let mut hidden = options();
        hidden.show_values = false;
        let file = "Email,First name,Last name,Birthday\njan@example.nl,Jan,J,17-05-1990\n";
        let r = check(file.as_bytes(), &Config::default(), hidden, None).expect("read");
        let json = String::from_utf8(serde_json_like(&r.report)).expect("UTF-8");
        assert!(
            json.contains("date-format") && !json.contains("17-05-1990"),
            "{json}"
        );
    }

    #[test]
    fn an_export_is_told_by_its_bytes_and_its_encoding_detected() {
        let export = b"E-mail;Voornaam;Achternaam\nj@example.nl;J\xFCrgen;M\n".to_vec();
        let config = Config {
            mapping: toml_mapping(),
            ..Config::default()
        };
        let mut out = Vec::new();
        let done = transform_export(
            Cursor::new(&export),
            &config,
            &options(),
            Outputs::new(&mut out),
        )
        .expect("transformed");
        assert!(done.usable(), "{:?}", done.report);
        assert_eq!(
            out,
            "Email,First name,Last name\nj@example.nl,Jürgen,M\n".as_bytes()
        );
        let old = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest".to_vec();
        let err = transform_export(
            Cursor::new(&old),
            &config,
            &options(),
            Outputs::new(&mut Vec::new()),
        )
        .expect_err("an old workbook");
        assert!(err.to_string().contains(".xlsx"), "{err}");
        let suggested =
            suggest_mapping(Cursor::new(&export), &Config::default(), Lang::En).expect("suggested");
        assert_eq!(suggested.columns.len(), 3);
        assert!(matches!(
            suggest_mapping(Cursor::new(b""), &Config::default(), Lang::En),
            Err(Error::NoHeader)
        ));
    }

    fn toml_mapping() -> crate::config::Mapping {
        let pairs = [
            ("E-mail", "email"),
            ("Voornaam", "first_name"),
            ("Achternaam", "last_name"),
        ];
        crate::config::Mapping(
            pairs
                .into_iter()
                .map(|(h, t)| {
                    (
                        h.to_owned(),
                        crate::config::Target::parse(t).expect("a target"),
                    )
                })
                .collect(),
        )
    }
}
