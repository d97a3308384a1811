//! Writing files so that they are whole or absent: into a temporary file beside the
//! target, renamed over it only once everything is written.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use crate::error::CliError;

/// A file being written; it appears under its name only on [`Pending::commit`].
/// Dropped without a commit, it leaves nothing behind.
#[derive(Debug)]
pub struct Pending {
    target: PathBuf,
    file: BufWriter<NamedTempFile>,
}

impl Pending {
    /// Starts writing `target`: creates the temporary file in its folder, so that
    /// a folder that cannot be written to is found before any work is done.
    pub fn create(target: &Path) -> Result<Pending, CliError> {
        let dir = folder_of(target);
        let temp = tempfile::Builder::new()
            .prefix(".alleo-sync-")
            .suffix(".tmp")
            .tempfile_in(dir)
            .map_err(|e| CliError::OutputFolder {
                folder: dir.to_path_buf(),
                kind: e.kind(),
            })?;
        Ok(Pending {
            target: target.to_path_buf(),
            file: BufWriter::with_capacity(1 << 16, temp),
        })
    }

    /// Flushes the data to disk and renames the file into place.
    pub fn commit(self) -> Result<(), CliError> {
        let target = self.target;
        let error = |source| CliError::OutputFile {
            path: target.clone(),
            source,
        };
        let temp = self.file.into_inner().map_err(|e| error(e.into_error()))?;
        temp.as_file().sync_all().map_err(error)?;
        temp.persist(&target).map_err(|e| error(e.error))?;
        Ok(())
    }
}

impl Write for Pending {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.file.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

/// The folder a file is in (`.` for a bare name).
pub fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Where `path` is, absolutely, with links resolved: the file itself when it
/// exists, else its folder joined with its name.
pub fn resolve(path: &Path) -> io::Result<PathBuf> {
    if let Ok(p) = fs::canonicalize(path) {
        return Ok(p);
    }
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file name"))?;
    Ok(fs::canonicalize(folder_of(path))?.join(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_appears_without_a_commit() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.csv");
        let mut p = Pending::create(&target).unwrap();
        p.write_all(b"half").unwrap();
        drop(p);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
        let mut p = Pending::create(&target).unwrap();
        p.write_all(b"whole").unwrap();
        p.commit().unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"whole");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn resolve_finds_one_file_under_two_names() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.csv");
        fs::write(&file, "x").unwrap();
        let other = dir.path().join(".").join("a.csv");
        assert_eq!(resolve(&file).unwrap(), resolve(&other).unwrap());
        assert_eq!(
            resolve(&dir.path().join("new.csv")).unwrap(),
            resolve(dir.path()).unwrap().join("new.csv")
        );
    }
}
