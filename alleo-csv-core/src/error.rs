//! The one error type: what stops a run. Problems *in* the employee file are never
//! errors; they are [`Issue`](crate::Issue)s in the [`Report`](crate::Report).

use std::io;

/// Why a run could not be completed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The employee file (or another input) could not be read.
    #[error("could not read the file: {0}")]
    Read(#[source] io::Error),
    /// A report could not be written.
    #[error("could not write the report: {0}")]
    Write(#[source] io::Error),
    /// The previous state cannot be used; the message says why and what to give.
    #[error("the previous state cannot be used: {0}")]
    Previous(String),
    /// The export is of a kind no front reads; the message says what to save it as.
    #[error("the export cannot be read: {}", .0.unreadable().unwrap_or_default())]
    Unreadable(crate::transform::Kind),
    /// The export has no header row (it is empty): there is nothing to suggest a
    /// mapping for.
    #[error("the export has no header row to suggest a mapping for")]
    NoHeader,
    /// A workbook could not be opened or read as one.
    #[error("the workbook could not be read: {0}")]
    Workbook(String),
    /// The configuration is not usable; the message names the setting and how to
    /// fix it.
    #[error("the configuration is not usable: {0}")]
    Config(String),
    /// The options of a run, given as data, are not usable; the message says which.
    #[error("the options are not usable: {0}")]
    Options(String),
    /// Records handed between the two halves of a check ([`crate::split`]) arrived
    /// damaged: a fault in the program running the check, not in the file.
    #[error(
        "the check's records arrived damaged between its two halves; this is a fault in the checking program, not in the file: please report it"
    )]
    Batch,
    /// The file a transform wrote did not pass the checks again: a fault in the
    /// program, not in the export. The output must not be used.
    #[error(
        "the file written did not pass the check again ({0}); this is a fault in the program, not in the export: the file must not be used; please report it"
    )]
    SelfCheck(String),
}

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
