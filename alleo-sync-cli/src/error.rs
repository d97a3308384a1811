//! What stops a command (exit code 2). Problems in the employee file are not errors:
//! they are issues in the report.

use std::io;
use std::path::PathBuf;

/// Why a command could not run.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The employee file could not be opened or read.
    #[error("cannot read {path}: {source}")]
    Input {
        /// The file as given.
        path: String,
        #[source]
        /// The reason.
        source: io::Error,
    },
    /// The configuration file could not be read.
    #[error("cannot read the configuration file {}: {source}", path.display())]
    ConfigRead {
        /// The file.
        path: PathBuf,
        #[source]
        /// The reason.
        source: io::Error,
    },
    /// The configuration file is not valid; the message has the line.
    #[error("the configuration file {} is not valid:\n{message}", path.display())]
    Config {
        /// The file.
        path: PathBuf,
        /// What is wrong, where, and how to fix it.
        message: String,
    },
    /// An output file could not be created or written.
    #[error("cannot write {}: {source}", path.display())]
    OutputFile {
        /// The file.
        path: PathBuf,
        #[source]
        /// The reason.
        source: io::Error,
    },
    /// The previous state cannot be used.
    #[error("{} cannot be used as the previous state: {message}", path.display())]
    Previous {
        /// The file.
        path: PathBuf,
        /// Why, and what to give instead.
        message: String,
    },
    /// Something that should not happen did; the message says what.
    #[error("internal error: {0}")]
    Internal(String),
    /// No file can be created in an output's folder.
    #[error("cannot create a file in the folder {}: {}; choose a folder you can write to", folder.display(), folder_problem(*kind))]
    OutputFolder {
        /// The folder.
        folder: PathBuf,
        /// What went wrong.
        kind: io::ErrorKind,
    },
    /// The command line asks for something that cannot be done.
    #[error("{0}")]
    Usage(String),
    /// Output could not be written.
    #[error("cannot write the output: {0}")]
    Output(#[source] io::Error),
    /// Anything else the core could not do.
    #[error(transparent)]
    Core(alleo_csv_core::Error),
    /// The delivery failed: the server, the login, the folder or the upload.
    #[error(transparent)]
    Delivery(#[from] crate::push::error::DeliveryError),
    /// `sync` found no export.
    #[error(
        "no export matches {pattern}: check [sync] export in alleo.toml, and that the HR system wrote its file there"
    )]
    NoExport {
        /// The pattern, as a path.
        pattern: String,
    },
    /// Another run holds the state folder.
    #[error("another alleo-sync run ({holder}) is using the state folder {}: this run stops, so that the two do not read the same previous state and deliver twice. Try again when it has ended (the lock ends with its process)", folder.display())]
    Busy {
        /// The state folder.
        folder: PathBuf,
        /// Which process holds it, and since when.
        holder: String,
    },
    /// The reader of our output went away (`| head`): not an error worth a word.
    #[error("broken pipe")]
    BrokenPipe,
}

/// Why a folder cannot take a new file, in words.
fn folder_problem(kind: io::ErrorKind) -> String {
    match kind {
        io::ErrorKind::NotFound => "it does not exist".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        io::ErrorKind::ReadOnlyFilesystem => "it is on a read-only disk".to_owned(),
        other => other.to_string(),
    }
}

impl CliError {
    /// Turns the core's error while reading the input `path` into one that names
    /// the file: a read failure, a workbook or an export that cannot be read.
    pub fn reading(path: &str) -> impl Fn(alleo_csv_core::Error) -> CliError + '_ {
        move |e| {
            let input = |source| CliError::Input {
                path: path.to_owned(),
                source,
            };
            let invalid = |why: String| input(io::Error::new(io::ErrorKind::InvalidData, why));
            match e {
                alleo_csv_core::Error::Read(source) => input(source),
                alleo_csv_core::Error::Workbook(message) => invalid(message),
                alleo_csv_core::Error::Unreadable(why) => invalid(why.to_owned()),
                alleo_csv_core::Error::NoHeader => {
                    invalid("it has no header row to suggest a mapping for".to_owned())
                }
                other => CliError::from(other),
            }
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

impl From<alleo_csv_core::Error> for CliError {
    fn from(e: alleo_csv_core::Error) -> CliError {
        match e {
            alleo_csv_core::Error::Write(io) => CliError::output(io),
            other => CliError::Core(other),
        }
    }
}
