//! Turning a customer's export into the canonical Alleo file, never silently.
//!
//! The export is read as `[input]` and `[mapping]` describe it (SPEC section 6):
//! any delimiter, UTF-8, Windows-1252 or UTF-16, dates in the export's format,
//! decimal commas. What is written is the canonical file: Alleo's headers in the
//! spec's order with custom fields after them, UTF-8 without a byte order mark,
//! commas, `YYYY-MM-DD` dates, dot decimals, trimmed values, language codes.
//!
//! Every repair is counted by [`Rule`] in the [`Summary`] and, when asked for,
//! written to the change log (row, column, field, old value, new value, rule). Every row is checked with the same
//! rules as [`validate`](crate::validate) after its repairs: a row that would still
//! be invalid is never written to the output. It goes to the rejects file, with the
//! reason, when there is one; without one the run is not [`usable`](Transformed::usable).
//!
//! ```
//! use alleo_csv_core::{Config, transform::{transform, Outputs, TransformOptions}};
//!
//! let export = "E-mailadres;Voornaam;Achternaam;Geboortedatum;Taal\r\n\
//!               j.devries@example.nl;Jan;de Vries;17-05-1990;Nederlands\r\n";
//! let config: Config = toml::from_str(r#"
//!     [mapping]
//!     "E-mailadres" = "email"
//!     "Voornaam" = "first_name"
//!     "Achternaam" = "last_name"
//!     "Geboortedatum" = "birthday"
//!     "Taal" = "language"
//!     [input]
//!     date_format = "%d-%m-%Y"
//! "#).unwrap();
//! let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
//! let mut out = Vec::new();
//! let done = transform(export.as_bytes(), &config, TransformOptions::new(as_of), Outputs::new(&mut out))?;
//!
//! assert!(done.usable());
//! assert_eq!(String::from_utf8(out).unwrap(), "\
//! Email,First name,Last name,Birthday,Language
//! j.devries@example.nl,Jan,de Vries,1990-05-17,nl
//! ");
//! # Ok::<(), alleo_csv_core::Error>(())
//! ```

#[cfg(not(target_family = "wasm"))]
mod beside;
mod change;
mod decode;
mod fix;
mod line;
mod preview;
mod records;
mod rows;
mod summary;
#[cfg(feature = "xlsx")]
mod xlsx;

use std::io::{Read, Write};

use chrono::NaiveDate;

pub use self::change::Rule;
pub use self::decode::detect_encoding;
pub use self::fix::decimal_from_comma;
pub use self::preview::{Preview, preview};
pub use self::summary::Summary;
#[cfg(feature = "xlsx")]
pub use self::xlsx::{preview_workbook, transform_workbook};

use self::records::ExportReader;
use self::rows::Rows;
use crate::config::Config;
use crate::error::{Error, Result};
use crate::input::Encoding;
use crate::issue::Detail;
use crate::messages::Lang;
use crate::report::Report;

/// How to run a transform. Build it with [`TransformOptions::new`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TransformOptions {
    /// The pickup date the rules call "today" (see [`Options::as_of`](crate::Options::as_of)).
    pub as_of: NaiveDate,
    /// The language of messages and of the reasons in the rejects file.
    pub lang: Lang,
    /// The encoding [`detect_encoding`] found, used when `[input] encoding` is not
    /// set. Defaults to `None`: UTF-8 (a byte order mark still decides).
    pub detected_encoding: Option<Encoding>,
}

impl TransformOptions {
    /// Options for `as_of`, with every other setting at its default.
    pub fn new(as_of: NaiveDate) -> TransformOptions {
        TransformOptions {
            as_of,
            lang: Lang::En,
            detected_encoding: None,
        }
    }
}

/// Where a transform writes.
pub struct Outputs<'o> {
    /// The canonical Alleo file.
    pub output: &'o mut dyn Write,
    /// Rows that would still be invalid, as the export has them, with a `reason`
    /// column; UTF-8 with a byte order mark, the export's delimiter, for Excel.
    pub rejects: Option<&'o mut dyn Write>,
    /// The change log: one line per change, `row,column,field,old,new,rule`.
    pub changes: Option<&'o mut dyn Write>,
    /// Rows that are still invalid are written to the output too, for a person to
    /// fix them there (the page's grid, or a spreadsheet): the output is then not a
    /// file to send until it is checked again and has no error.
    pub keep_invalid: bool,
}

impl<'o> Outputs<'o> {
    /// Only the output: a row that would be invalid makes the run unusable.
    pub fn new(output: &'o mut dyn Write) -> Outputs<'o> {
        Outputs {
            output,
            rejects: None,
            changes: None,
            keep_invalid: false,
        }
    }

    /// Also write invalid rows to `rejects`.
    #[must_use]
    pub fn rejects(mut self, rejects: &'o mut dyn Write) -> Outputs<'o> {
        self.rejects = Some(rejects);
        self
    }

    /// Also write the change log to `changes`.
    #[must_use]
    pub fn changes(mut self, changes: &'o mut dyn Write) -> Outputs<'o> {
        self.changes = Some(changes);
        self
    }

    /// Also write the rows that are still invalid to the output (see
    /// [`Outputs::keep_invalid`]).
    #[must_use]
    pub fn keeping_invalid(mut self) -> Outputs<'o> {
        self.keep_invalid = true;
        self
    }
}

impl std::fmt::Debug for Outputs<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Outputs")
            .field("rejects", &self.rejects.is_some())
            .field("changes", &self.changes.is_some())
            .field("keep_invalid", &self.keep_invalid)
            .finish_non_exhaustive()
    }
}

/// What kind of file an export is, told by its first bytes (not its name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Text: read as CSV.
    Csv,
    /// A zip file: an `.xlsx` workbook.
    Workbook,
    /// An old binary `.xls` workbook, which no front reads: save it as `.xlsx` or CSV.
    OldWorkbook,
}

impl Kind {
    /// The kind of an export that starts with `head` (its first four bytes suffice).
    ///
    /// ```
    /// use alleo_csv_core::transform::Kind;
    /// assert_eq!(Kind::of(b"PK\x03\x04..."), Kind::Workbook);
    /// assert_eq!(Kind::of(b"Email,First name"), Kind::Csv);
    /// ```
    pub fn of(head: &[u8]) -> Kind {
        if head.starts_with(b"PK\x03\x04") {
            Kind::Workbook
        } else if head.starts_with(b"\xD0\xCF\x11\xE0") {
            Kind::OldWorkbook
        } else {
            Kind::Csv
        }
    }

    /// Why a file of this kind cannot be read, and what to do instead; `None` for
    /// the kinds that can.
    ///
    /// ```
    /// use alleo_csv_core::transform::Kind;
    /// assert!(Kind::OldWorkbook.unreadable().unwrap().contains(".xlsx"));
    /// assert_eq!(Kind::Csv.unreadable(), None);
    /// ```
    pub fn unreadable(self) -> Option<&'static str> {
        match self {
            Kind::OldWorkbook => Some(
                "it is an old Excel .xls workbook; open it in Excel and save it as .xlsx or as \"CSV UTF-8\"",
            ),
            Kind::Csv | Kind::Workbook => None,
        }
    }
}

/// What a transform did.
#[derive(Debug, Clone)]
pub struct Transformed {
    /// Every issue, about the export's rows (after their repairs) and header.
    pub report: Report,
    /// What was read, written, rejected and repaired.
    pub summary: Summary,
    /// A problem with the whole export (its encoding, its header) stopped the run.
    pub stopped: bool,
    /// Every invalid row went somewhere a person sees it: the rejects file, or
    /// the output itself ([`Outputs::keep_invalid`]).
    invalid_kept: bool,
    /// The output's rows kept although invalid, in order.
    pub(crate) kept_rows: Vec<u64>,
}

impl Transformed {
    /// Whether the rows still invalid were written to the output too, to be fixed
    /// there ([`Outputs::keep_invalid`]): then `summary.rejected` of its rows have
    /// errors.
    pub fn kept_invalid(&self) -> bool {
        !self.kept_rows.is_empty()
    }

    /// Whether the output can be used: nothing stopped the run, and every row was
    /// written or went to the rejects file (or, with [`Outputs::keep_invalid`],
    /// stayed in the output to be fixed). When false, discard the output.
    pub fn usable(&self) -> bool {
        !self.stopped && (self.summary.rejected == 0 || self.invalid_kept)
    }
}

/// Transforms the export in `reader` into the canonical file, in one streaming
/// pass: read on one thread, repaired, checked and written on this one, and what
/// is written checked once more, as it is written, on a third (not on
/// WebAssembly, which runs one thread and does not check twice).
///
/// # Errors
/// [`Error::Read`] when `reader` fails, [`Error::Write`] when an output does,
/// [`Error::SelfCheck`] when the file written fails the second check (a fault in
/// this program). Problems in the export are issues in the report, never errors.
pub fn transform<R: Read + Send>(
    reader: R,
    config: &Config,
    options: TransformOptions,
    outputs: Outputs<'_>,
) -> Result<Transformed> {
    #[cfg(not(target_family = "wasm"))]
    return beside::transform(reader, config, options, outputs);
    #[cfg(target_family = "wasm")]
    transform_here(reader, config, options, outputs)
}

/// [`transform`] on this thread alone.
#[cfg(target_family = "wasm")]
fn transform_here<R: Read>(
    reader: R,
    config: &Config,
    options: TransformOptions,
    outputs: Outputs<'_>,
) -> Result<Transformed> {
    let mut transformer = Transformer::new(config, options, outputs);
    let mut failed = None;
    crate::read::read_chunks(reader, |chunk| match transformer.feed(chunk) {
        Ok(()) => std::ops::ControlFlow::Continue(()),
        Err(e) => {
            failed = Some(e);
            std::ops::ControlFlow::Break(())
        }
    })?;
    match failed {
        Some(e) => Err(e),
        None => transformer.finish(),
    }
}

/// A transform fed in chunks (a browser stream, a Python file object).
#[derive(Debug)]
pub struct Transformer<'o> {
    records: ExportReader,
    rows: Rows<'o>,
}

impl<'o> Transformer<'o> {
    /// A transform of one export under `config`.
    pub fn new(
        config: &Config,
        options: TransformOptions,
        outputs: Outputs<'o>,
    ) -> Transformer<'o> {
        let encoding = config
            .input
            .encoding
            .or(options.detected_encoding)
            .unwrap_or(Encoding::UTF_8);
        let mut rows = Rows::new(config, options, outputs);
        rows.summary.encoding_detected = config.input.encoding.is_none();
        rows.summary.delimiter_detected = config.input.delimiter.is_none();
        Transformer {
            records: ExportReader::new(encoding, config.input.delimiter),
            rows,
        }
    }

    /// Transforms the next piece of the export.
    ///
    /// # Errors
    /// [`Error::Write`] when an output fails.
    pub fn feed(&mut self, chunk: &[u8]) -> Result<()> {
        self.push(chunk, false)
    }

    /// Ends the export and says what was done.
    ///
    /// # Errors
    /// [`Error::Write`] when an output fails.
    pub fn finish(mut self) -> Result<Transformed> {
        self.push(&[], true)?;
        self.rows.finish()
    }

    fn push(&mut self, chunk: &[u8], last: bool) -> Result<()> {
        let Transformer { records, rows } = self;
        records.push(chunk, last, &mut |r, delimiter| {
            rows.summary.delimiter = Some(delimiter);
            rows.record(r, None);
        });
        rows.summary.encoding = Some(records.encoding());
        if let Some(byte) = records.malformed() {
            rows.stop(Detail::Encoding {
                row: None,
                byte,
                utf16: false,
            });
        }
        rows.failed.take().map_or(Ok(()), |e| Err(Error::Write(e)))
    }
}

#[cfg(test)]
mod export_tests;
#[cfg(test)]
mod kept_tests;
#[cfg(test)]
mod tests;
