//! Which previous state a run uses: `--previous FILE`, else the last file delivered
//! from this machine (the state folder), unless `--no-previous`.

use std::fs::File;
use std::path::{Path, PathBuf};

use alleo_csv_core::lifecycle::Previous;

use crate::config_file::Loaded;
use crate::error::CliError;
use crate::push::state::StateDir;

/// Where the previous state came from, for the report to say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Given with `--previous` (or as `diff`'s first file).
    Given(PathBuf),
    /// The last file delivered, from the state folder.
    Delivered(PathBuf),
    /// Nothing delivered yet: the state folder has no file.
    NotYet(PathBuf),
    /// `--no-previous`.
    Ignored,
    /// No state folder (no home folder and no `[state] dir`).
    NoFolder,
}

/// The previous state of a run, if any, and where it came from.
#[derive(Debug)]
pub struct Chosen {
    pub origin: Origin,
    pub previous: Option<Previous>,
    /// The last file delivered, when `--previous` was given in its place.
    pub instead_of: Option<PathBuf>,
}

/// Chooses and reads the previous state.
///
/// # Errors
/// A file that cannot be read or is not a previous state (no Email column).
pub fn choose(explicit: Option<&Path>, ignore: bool, loaded: &Loaded) -> Result<Chosen, CliError> {
    // The last file delivered, and whether there is one.
    let delivered =
        (loaded.state.as_ref().map(StateDir::last_delivered)).map(|path| (path.is_file(), path));
    let mut instead_of = None;
    let origin = match (explicit, ignore, delivered) {
        (Some(path), _, last) => {
            instead_of = last.filter(|(exists, _)| *exists).map(|(_, last)| last);
            Origin::Given(path.to_path_buf())
        }
        (None, true, _) => Origin::Ignored,
        (None, false, None) => Origin::NoFolder,
        (None, false, Some((true, path))) => Origin::Delivered(path),
        (None, false, Some((false, path))) => Origin::NotYet(path),
    };
    let previous = match &origin {
        Origin::Given(path) | Origin::Delivered(path) => Some(read(path, loaded)?),
        _ => None,
    };
    Ok(Chosen {
        origin,
        previous,
        instead_of,
    })
}

fn read(path: &Path, loaded: &Loaded) -> Result<Previous, CliError> {
    let file = File::open(path).map_err(|source| CliError::Input {
        path: path.display().to_string(),
        source,
    })?;
    Previous::read(file, &loaded.config).map_err(|e| match e {
        alleo_csv_core::Error::Previous(message) => CliError::Previous {
            path: path.to_path_buf(),
            message,
        },
        other => CliError::reading(&path.display().to_string())(other),
    })
}
