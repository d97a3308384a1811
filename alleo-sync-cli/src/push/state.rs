//! The state folder: the last file delivered to Alleo, which is the previous state
//! of the next `validate` and `diff`.

use std::io::{self, Read};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::atomic::Pending;
use crate::error::CliError;

/// The name of the last delivered file in the state folder.
pub const LAST_DELIVERED: &str = "last-delivered.csv";

/// The `[state]` section of `alleo.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StateSection {
    /// The folder; `~` is the home folder, and a relative path is taken from the
    /// configuration file's folder.
    pub dir: Option<String>,
    /// How many delivered files to keep in `delivered/` (default 30; 0 keeps none).
    pub keep: Option<usize>,
}

/// Where the state is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateDir(pub PathBuf);

impl StateDir {
    /// `[state] dir`, else `$XDG_STATE_HOME/alleo-sync`, else
    /// `~/.local/state/alleo-sync`; `None` when there is no home folder either.
    pub fn locate(section: &StateSection, config_dir: Option<&Path>) -> Option<StateDir> {
        let home = std::env::var_os("HOME")
            .filter(|h| !h.is_empty())
            .map(PathBuf::from);
        if let Some(dir) = &section.dir {
            let path = match dir.strip_prefix("~/") {
                Some(rest) => home?.join(rest),
                None if dir == "~" => home?,
                None => PathBuf::from(dir),
            };
            let path = match config_dir {
                Some(base) if path.is_relative() => base.join(path),
                _ => path,
            };
            return Some(StateDir(path));
        }
        let state_home = std::env::var_os("XDG_STATE_HOME")
            .filter(|s| !s.is_empty())
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
            .or_else(|| home.map(|h| h.join(".local/state")))?;
        Some(StateDir(state_home.join("alleo-sync")))
    }

    /// The last delivered file (it may not exist yet).
    pub fn last_delivered(&self) -> PathBuf {
        self.0.join(LAST_DELIVERED)
    }

    /// Keeps `delivered` as the last delivered file: copied into a temporary file
    /// in the folder and renamed over the old one, so a failure leaves the old
    /// state whole. Only a confirmed delivery may call this.
    pub fn record_delivery(&self, delivered: &mut dyn Read) -> Result<(), CliError> {
        std::fs::create_dir_all(&self.0).map_err(|source| CliError::OutputFile {
            path: self.0.clone(),
            source,
        })?;
        let mut pending = Pending::create(&self.last_delivered())?;
        io::copy(delivered, &mut pending).map_err(|source| CliError::OutputFile {
            path: self.last_delivered(),
            source,
        })?;
        pending.commit()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_delivery_replaces_the_state_whole() {
        let dir = tempfile::tempdir().unwrap();
        let state = StateDir(dir.path().join("state"));
        state.record_delivery(&mut &b"Email\na@x.nl\n"[..]).unwrap();
        assert_eq!(
            std::fs::read(state.last_delivered()).unwrap(),
            b"Email\na@x.nl\n"
        );
        let mut broken = std::io::repeat(b'x').take(10).chain(Broken);
        assert!(state.record_delivery(&mut broken).is_err());
        assert_eq!(
            std::fs::read(state.last_delivered()).unwrap(),
            b"Email\na@x.nl\n"
        );
        assert_eq!(
            std::fs::read_dir(&state.0).unwrap().count(),
            1,
            "no temporary file left"
        );
    }

    /// A reader that fails, like a file on a disk that goes away.
    struct Broken;

    impl Read for Broken {
        fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
            Err(io::Error::other("the disk went away"))
        }
    }

    #[test]
    fn the_folder_is_found_like_other_tools_find_theirs() {
        let section = StateSection {
            dir: Some("state".into()),
            keep: None,
        };
        assert_eq!(
            StateDir::locate(&section, Some(Path::new("/etc/acme"))),
            Some(StateDir(PathBuf::from("/etc/acme/state")))
        );
        let absolute = StateSection {
            dir: Some("/var/lib/alleo".into()),
            keep: None,
        };
        assert_eq!(
            StateDir::locate(&absolute, Some(Path::new("/etc/acme"))),
            Some(StateDir(PathBuf::from("/var/lib/alleo")))
        );
    }
}
