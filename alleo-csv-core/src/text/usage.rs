//! What the command line (or `alleo.toml`) asks that cannot be done, said in
//! English, Dutch or German with the words of [`ErrorWords`].

use std::path::{Path, PathBuf};

use super::errors::ErrorWords;
use crate::messages::Lang;
use crate::naming::{Companion, companion_name};

/// What the command line (or `alleo.toml`) asks that cannot be done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Usage {
    /// `--keep-invalid` with a name Alleo picks up.
    KeepInvalidName {
        /// The name given.
        name: String,
        /// A name to use instead.
        other: String,
    },
    /// A file not to send (`--rejects`, `--changes`) given a name Alleo picks up.
    PickedUp {
        /// The option.
        flag: &'static str,
        /// The name given.
        name: String,
        /// A name to use instead.
        other: String,
    },
    /// An output option given a folder.
    OutputIsFolder {
        /// The option.
        flag: &'static str,
        /// The folder.
        path: PathBuf,
    },
    /// An output option given `-`: standard output, which cannot wait until the
    /// file is complete and checked.
    OutputIsStdout {
        /// The option.
        flag: &'static str,
    },
    /// An output option given the input.
    OutputIsInput {
        /// The option.
        flag: &'static str,
        /// The input.
        path: PathBuf,
    },
    /// Two output options given one file.
    OutputsShare {
        /// The option.
        flag: &'static str,
        /// The file.
        path: PathBuf,
        /// The option that has it already.
        other: &'static str,
    },
    /// `diff` given too few or too many files.
    DiffFiles,
    /// `diff` without a previous state.
    DiffNeedsPrevious {
        /// The file to compare.
        file: String,
        /// The state file, when nothing was delivered yet.
        not_yet: Option<PathBuf>,
    },
    /// `history` without a state folder.
    NoHistory,
    /// No kept delivery of that name.
    NoKept {
        /// The name asked for.
        wanted: String,
        /// The names kept.
        kept: String,
    },
    /// A name that fits several kept deliveries.
    ManyKept {
        /// The name asked for.
        wanted: String,
        /// The deliveries it fits.
        names: Vec<String>,
    },
    /// `sync` without a state folder.
    SyncNoState,
    /// `sync` without an export.
    SyncNoExport,
    /// `[sync] export` with a wildcard in its folder.
    PatternFolder {
        /// The pattern.
        pattern: String,
    },
    /// `push` without `[sftp]`.
    PushNeedsSftp {
        /// The alleo.toml used, if one was found.
        config: Option<PathBuf>,
    },
}

impl Usage {
    /// The message in `lang`.
    pub fn said(&self, lang: Lang) -> String {
        let t = ErrorWords::of(lang);
        let shown = |path: &Path| path.display().to_string();
        match self {
            Usage::KeepInvalidName { name, other } => (t.keep_invalid_name)(name, other),
            Usage::PickedUp { flag, name, other } => (t.picked_up)(flag, name, other),
            Usage::OutputIsFolder { flag, path } => {
                let example = shown(&path.join("alleo_employees_acme.csv"));
                (t.output_is_folder)(flag, &shown(path), &example)
            }
            Usage::OutputIsStdout { flag } => {
                let example = "alleo_employees_acme.csv";
                let example = match *flag {
                    "--rejects" => companion_name(example, Companion::Rejects),
                    "--changes" => companion_name(example, Companion::Changes),
                    _ => example.to_owned(),
                };
                (t.output_is_stdout)(flag, &example)
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
