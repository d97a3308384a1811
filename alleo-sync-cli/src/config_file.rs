//! Reading `alleo.toml` into the core's [`Config`].

use std::fs;
use std::path::{Path, PathBuf};

use alleo_csv_core::{Config, ConfigFile};
use serde::Deserialize;

use crate::error::CliError;
use crate::push::notify::NotifySection;
use crate::push::record::KEEP;
use crate::push::settings::SftpSection;
use crate::push::state::{StateDir, StateSection};
use crate::push::sync::SyncSection;

/// The default configuration file, looked for in the current directory.
pub const DEFAULT: &str = "alleo.toml";

/// The sections of `alleo.toml` the CLI reads itself (SPEC section 6); the core's
/// [`ConfigFile`] reads the others, and is the one list of sections: an unknown
/// one is an error there.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct CliSections {
    state: StateSection,
    sftp: Option<SftpSection>,
    sync: SyncSection,
    notify: Option<NotifySection>,
}

/// The configuration to use and where it came from (`None`: built-in defaults).
#[derive(Debug)]
pub struct Loaded {
    pub config: Config,
    pub path: Option<PathBuf>,
    /// The state folder (`[state] dir` or the default), if there is one.
    pub state: Option<StateDir>,
    /// `[sftp]`, for the commands that deliver.
    pub sftp: Option<SftpSection>,
    /// `[state] keep`: delivered files kept.
    pub keep: usize,
    /// `[sync]`.
    pub sync: SyncSection,
    /// `[notify]`.
    pub notify: Option<NotifySection>,
}

/// Loads `explicit`, else `./alleo.toml` when it exists, else the defaults.
///
/// # Errors
/// A file that cannot be read, or is not valid (the message has the line).
pub fn load(explicit: Option<&Path>) -> Result<Loaded, CliError> {
    let path = match explicit {
        Some(p) => Some(p.to_path_buf()),
        None => Path::new(DEFAULT).is_file().then(|| PathBuf::from(DEFAULT)),
    };
    let (config, file) = match &path {
        None => (Config::default(), CliSections::default()),
        Some(path) => {
            let text = fs::read_to_string(path).map_err(|source| CliError::ConfigRead {
                path: path.clone(),
                source,
            })?;
            let invalid = |e: toml::de::Error| CliError::Config {
                path: path.clone(),
                message: e.to_string(),
            };
            let config = toml::from_str::<ConfigFile>(&text).map_err(invalid)?;
            (config.into(), toml::from_str(&text).map_err(invalid)?)
        }
    };
    let state = StateDir::locate(&file.state, path.as_deref().and_then(Path::parent));
    Ok(Loaded {
        config,
        path,
        state,
        sftp: file.sftp,
        keep: file.state.keep.unwrap_or(KEEP),
        sync: file.sync,
        notify: file.notify,
    })
}
