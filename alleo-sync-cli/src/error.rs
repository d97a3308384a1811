//! What stops a command (exit code 2). Problems in the employee file are not errors:
//! they are issues in the report.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use alleo_csv_core::Lang;
use alleo_csv_core::text::errors::{ErrorWords, core_error};

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
    /// An export without a header row, given to suggest a mapping for.
    NoHeader {
        /// The file as given.
        path: String,
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
    /// The reader of our output went away (`| head`): not an error worth a word.
    BrokenPipe,
}

/// What the command line (or `alleo.toml`) asks that cannot be done.
#[derive(Debug)]
pub enum Usage {
    /// `--keep-invalid` with an upload name, and a name to use instead.
    KeepInvalidName { name: String, other: String },
    /// An output option given a folder.
    OutputIsFolder { flag: &'static str, path: PathBuf },
    /// An output option given the input.
    OutputIsInput { flag: &'static str, path: PathBuf },
    /// Two output options given one file.
    OutputsShare {
        flag: &'static str,
        path: PathBuf,
        other: &'static str,
    },
    /// `diff` given too few or too many files.
    DiffFiles,
    /// `diff` without a previous state; the state file, when it is not made yet.
    DiffNeedsPrevious {
        file: String,
        not_yet: Option<PathBuf>,
    },
    /// `history` without a state folder.
    NoHistory,
    /// No kept delivery of that name; the names kept.
    NoKept { wanted: String, kept: String },
    /// A name that fits several kept deliveries.
    ManyKept { wanted: String, names: Vec<String> },
    /// `sync` without a state folder.
    SyncNoState,
    /// `sync` without an export.
    SyncNoExport,
    /// `[sync] export` with a wildcard in its folder.
    PatternFolder { pattern: String },
    /// `push` without `[sftp]`; the alleo.toml used, if one was found.
    PushNeedsSftp { config: Option<PathBuf> },
}

impl Usage {
    /// The message, in the words `t`.
    fn say(&self, t: &ErrorWords) -> String {
        let shown = |path: &Path| path.display().to_string();
        match self {
            Usage::KeepInvalidName { name, other } => (t.keep_invalid_name)(name, other),
            Usage::OutputIsFolder { flag, path } => {
                let example = shown(&path.join("alleo_employees_acme.csv"));
                (t.output_is_folder)(flag, &shown(path), &example)
            }
            Usage::OutputIsInput { flag, path } => (t.output_is_input)(flag, &shown(path)),
            Usage::OutputsShare { flag, path, other } => {
                (t.outputs_share)(flag, &shown(path), other)
            }
            Usage::DiffFiles => t.diff_files.to_owned(),
            Usage::DiffNeedsPrevious { file, not_yet } => {
                (t.diff_needs_previous)(file, not_yet.as_deref().map(shown).as_deref())
            }
            Usage::NoHistory => t.no_history.to_owned(),
            Usage::NoKept { wanted, kept } => (t.no_kept)(wanted, kept),
            Usage::ManyKept { wanted, names } => {
                (t.many_kept)(wanted, names.len(), &names.join(", "))
            }
            Usage::SyncNoState => t.sync_no_state.to_owned(),
            Usage::SyncNoExport => t.sync_no_export.to_owned(),
            Usage::PatternFolder { pattern } => (t.pattern_folder)(pattern),
            Usage::PushNeedsSftp { config } => {
                (t.push_needs_sftp)(config.as_deref().map(shown).as_deref())
            }
        }
    }
}

impl CliError {
    /// What stopped the command, in `lang` (the core's words; what the operating
    /// system, a server or the TOML parser said stays as it was said).
    pub fn say(&self, lang: Lang) -> String {
        let t = ErrorWords::of(lang);
        let shown = |path: &Path| path.display().to_string();
        match self {
            CliError::Input { path, source } => (t.cannot_read)(path, &t.io_reason(source)),
            CliError::NoHeader { path } => (t.cannot_read)(path, t.no_header_row),
            CliError::ConfigRead { path, source } => {
                (t.cannot_read_config)(&shown(path), &t.io_reason(source))
            }
            CliError::Config { path, message } => (t.config_invalid)(&shown(path), message),
            CliError::OutputFile { path, source } => {
                (t.cannot_write)(&shown(path), &t.io_reason(source))
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
            CliError::Usage(usage) => usage.say(t),
            CliError::Output(e) => (t.cannot_write_output)(&t.io_reason(e)),
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

impl std::error::Error for CliError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            CliError::Input { source, .. }
            | CliError::ConfigRead { source, .. }
            | CliError::OutputFile { source, .. }
            | CliError::Output(source) => Some(source),
            CliError::Core(e) => Some(e),
            CliError::Delivery(e) => Some(e),
            _ => None,
        }
    }
}

impl From<crate::push::error::DeliveryError> for CliError {
    fn from(e: crate::push::error::DeliveryError) -> CliError {
        CliError::Delivery(e)
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
                alleo_csv_core::Error::NoHeader => CliError::NoHeader {
                    path: path.to_owned(),
                },
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
