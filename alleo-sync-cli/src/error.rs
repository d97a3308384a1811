//! What stops a command (exit code 2). Problems in the employee file are not errors:
//! they are issues in the report.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use alleo_csv_core::Lang;
use alleo_csv_core::text::errors::{ErrorWords, core_error, input_reason};
pub use alleo_csv_core::text::usage::Usage;

/// Why a command could not run.
#[derive(Debug)]
pub enum CliError {
    /// The employee file could not be opened or read.
    Input {
        /// The file as given.
        path: String,
        /// The reason.
        source: io::Error,
    },
    /// An input that is not what it must be: an old workbook, a broken one, an
    /// export without a header row.
    Unusable {
        /// The file as given.
        path: String,
        /// What the core found.
        why: alleo_csv_core::Error,
    },
    /// The configuration file could not be read.
    ConfigRead {
        /// The file.
        path: PathBuf,
        /// The reason.
        source: io::Error,
    },
    /// The configuration file is not valid; the message has the line.
    Config {
        /// The file.
        path: PathBuf,
        /// What is wrong, where, and how to fix it.
        message: String,
    },
    /// An output file could not be created or written.
    OutputFile {
        /// The file.
        path: PathBuf,
        /// The reason.
        source: io::Error,
    },
    /// The previous state cannot be used.
    Previous {
        /// The file.
        path: PathBuf,
        /// Why, and what to give instead.
        message: String,
    },
    /// Something that should not happen did; the message says what.
    Internal(String),
    /// No file can be created in an output's folder.
    OutputFolder {
        /// The folder.
        folder: PathBuf,
        /// What went wrong.
        kind: io::ErrorKind,
    },
    /// The command line (or `alleo.toml`) asks for something that cannot be done.
    Usage(Usage),
    /// Output could not be written.
    Output(io::Error),
    /// Anything else the core could not do.
    Core(alleo_csv_core::Error),
    /// The delivery failed: the server, the login, the folder or the upload.
    Delivery(crate::push::error::DeliveryError),
    /// `sync` found no export.
    NoExport {
        /// The pattern, as a path.
        pattern: String,
    },
    /// Another run holds the state folder.
    Busy {
        /// The state folder.
        folder: PathBuf,
        /// Which process holds it, and since when.
        holder: String,
    },
    /// The reader of our output went away (`| head`): the command did not finish.
    BrokenPipe,
}

impl CliError {
    /// What stopped the command, in `lang` (the core's words; what the operating
    /// system, a server or the TOML parser said stays as it was said).
    pub fn say(&self, lang: Lang) -> String {
        let t = ErrorWords::of(lang);
        let shown = |path: &Path| path.display().to_string();
        match self {
            CliError::Input { path, source } => (t.cannot_read)(path, &t.io_reason(source)),
            CliError::Unusable { path, why } => (t.cannot_read)(path, &input_reason(why, lang)),
            CliError::ConfigRead { path, source } => {
                (t.cannot_read_config)(&shown(path), &t.io_reason(source))
            }
            CliError::Config { path, message } => (t.config_invalid)(&shown(path), message),
            CliError::OutputFile { path, source } => {
                (t.cannot_write)(&shown(path), &t.write_reason(source))
            }
            CliError::Previous { path, message } => (t.not_previous)(&shown(path), message),
            CliError::Internal(what) => (t.internal)(what),
            CliError::OutputFolder { folder, kind } => {
                let why = match kind {
                    io::ErrorKind::NotFound => t.folder_not_found.to_owned(),
                    kind => t.io_reason(&io::Error::from(*kind)),
                };
                (t.cannot_create_in)(&shown(folder), &why)
            }
            CliError::Usage(usage) => usage.said(lang),
            CliError::Output(e) => (t.cannot_write_output)(&t.write_reason(e)),
            CliError::Core(e) => core_error(e, lang),
            CliError::Delivery(e) => e.say(lang),
            CliError::NoExport { pattern } => (t.no_export)(pattern),
            CliError::Busy { folder, holder } => (t.busy)(holder, &shown(folder)),
            CliError::BrokenPipe => "broken pipe".to_owned(),
        }
    }
}

/// In English: logs and the run history keep this.
impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(Lang::En))
    }
}

impl std::error::Error for CliError {}

impl From<crate::push::error::DeliveryError> for CliError {
    fn from(e: crate::push::error::DeliveryError) -> CliError {
        CliError::Delivery(e)
    }
}

impl CliError {
    /// Turns the core's error while reading the input `path` into one that names
    /// the file: a read failure, a workbook or an export that cannot be read.
    pub fn reading(path: &str) -> impl Fn(alleo_csv_core::Error) -> CliError + '_ {
        move |e| match e {
            alleo_csv_core::Error::Read(source) => CliError::Input {
                path: path.to_owned(),
                source,
            },
            why @ (alleo_csv_core::Error::Workbook(_)
            | alleo_csv_core::Error::Unreadable(_)
            | alleo_csv_core::Error::NoHeader) => CliError::Unusable {
                path: path.to_owned(),
                why,
            },
            other => CliError::from(other),
        }
    }

    /// Whether another attempt may succeed: an unreachable server, a broken
    /// connection, a timeout. Not a refused login or an untrusted host key.
    pub fn is_transient(&self) -> bool {
        matches!(self, CliError::Delivery(e) if e.is_transient())
    }

    /// Classifies a failed write to stdout.
    pub fn output(e: io::Error) -> CliError {
        if e.kind() == io::ErrorKind::BrokenPipe {
            CliError::BrokenPipe
        } else {
            CliError::Output(e)
        }
    }
}

/// `code` once the output is written: a reader gone (`| head`) leaves the verdict.
pub fn verdict(written: Result<(), CliError>, code: ExitCode) -> Result<ExitCode, CliError> {
    match written {
        Ok(()) | Err(CliError::BrokenPipe) => Ok(code),
        Err(e) => Err(e),
    }
}

impl From<alleo_csv_core::Error> for CliError {
    fn from(e: alleo_csv_core::Error) -> CliError {
        match e {
            alleo_csv_core::Error::Write(io) => CliError::output(io),
            other => CliError::Core(other),
        }
    }
}
