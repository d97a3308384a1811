//! What the state folder records of the runs that deliver (SPEC section 8): one run
//! at a time (the lock), what each run did (`history.jsonl`), and the files sent
//! (`delivered/`).

use std::fmt::Write as _;
use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use alleo_csv_core::lifecycle::Counts;
use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::state::StateDir;
use crate::atomic::Pending;
use crate::error::CliError;

/// Delivered files kept when `[state] keep` is not set.
pub const KEEP: usize = 30;

/// The lock file in the state folder.
pub const LOCK: &str = "lock";
/// The history of runs in the state folder, one JSON object per line.
pub const HISTORY: &str = "history.jsonl";
/// The folder of the files sent, in the state folder.
pub const DELIVERED: &str = "delivered";

/// The state folder held by this run: no other `sync` or `push` may read the
/// previous state or deliver until it is dropped (or the process dies: the lock
/// is the operating system's, on the open file).
#[derive(Debug)]
pub struct Lock {
    _file: File,
}

impl StateDir {
    /// Takes the state folder's lock, creating the folder when needed.
    ///
    /// # Errors
    /// [`CliError::Busy`] when another run holds it (naming that process and
    /// since when), or the folder cannot be written.
    pub fn lock(&self) -> Result<Lock, CliError> {
        let path = self.0.join(LOCK);
        let unwritable = |source| CliError::OutputFile {
            path: path.clone(),
            source,
        };
        fs::create_dir_all(&self.0).map_err(unwritable)?;
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(unwritable)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let mut holder = String::new();
                let _ = file.read_to_string(&mut holder);
                return Err(CliError::Busy {
                    folder: self.0.clone(),
                    holder: holder.trim().to_owned(),
                });
            }
            Err(TryLockError::Error(source)) => return Err(unwritable(source)),
        }
        // Who holds it, for a second run to say.
        let holder = format!(
            "process {} since {}",
            std::process::id(),
            Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true)
        );
        file.set_len(0)
            .and_then(|()| file.write_all(holder.as_bytes()))
            .map_err(unwritable)?;
        Ok(Lock { _file: file })
    }

    /// Appends `run` to the history: one line, written at once, never rewritten.
    ///
    /// # Errors
    /// The history cannot be written.
    pub fn append(&self, run: &Run) -> Result<(), CliError> {
        let path = self.0.join(HISTORY);
        let error = |source| CliError::OutputFile {
            path: path.clone(),
            source,
        };
        let mut line = serde_json::to_vec(run).map_err(|e| error(e.into()))?;
        line.push(b'\n');
        let mut options = OpenOptions::new();
        options.append(true).create(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        options
            .open(&path)
            .and_then(|mut file| file.write_all(&line))
            .map_err(error)
    }

    /// The runs recorded, oldest first; a line that is not a run is skipped.
    ///
    /// # Errors
    /// The history exists but cannot be read.
    pub fn history(&self) -> Result<Vec<Run>, CliError> {
        let path = self.0.join(HISTORY);
        match fs::read_to_string(&path) {
            Ok(text) => Ok(text
                .lines()
                .filter_map(|line| serde_json::from_str(line).ok())
                .collect()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Vec::new()),
            Err(source) => Err(CliError::Input {
                path: path.display().to_string(),
                source,
            }),
        }
    }

    /// Keeps `bytes`, the file just delivered as `name`, as
    /// `delivered/<UTC time>_<name>` (only its owner may read it), and removes all
    /// but the newest `keep`. Returns the kept file's path (`None` when `keep` is 0).
    ///
    /// # Errors
    /// The folder cannot be written.
    pub fn keep(
        &self,
        bytes: &mut dyn Read,
        name: &str,
        at: DateTime<Utc>,
        keep: usize,
    ) -> Result<Option<PathBuf>, CliError> {
        let folder = self.0.join(DELIVERED);
        let unwritable = |source| CliError::OutputFile {
            path: folder.clone(),
            source,
        };
        fs::create_dir_all(&folder).map_err(unwritable)?;
        let mut kept = None;
        if keep > 0 {
            let path = folder.join(format!("{}_{name}", at.format("%Y%m%dT%H%M%S%.3fZ")));
            let mut pending = Pending::create(&path)?;
            io::copy(bytes, &mut pending).map_err(|source| CliError::OutputFile {
                path: path.clone(),
                source,
            })?;
            pending.commit()?;
            kept = Some(std::path::absolute(&path).unwrap_or(path));
        }
        let mut all = self.kept()?;
        let surplus = all.len().saturating_sub(keep);
        for old in all.drain(..surplus) {
            fs::remove_file(&old).map_err(unwritable)?;
        }
        Ok(kept)
    }

    /// The delivered files kept, oldest first.
    ///
    /// # Errors
    /// The folder exists but cannot be read.
    pub fn kept(&self) -> Result<Vec<PathBuf>, CliError> {
        let folder = self.0.join(DELIVERED);
        let entries = match fs::read_dir(&folder) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(source) => {
                return Err(CliError::Input {
                    path: folder.display().to_string(),
                    source,
                });
            }
        };
        let mut all: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "csv"))
            .collect();
        // The names start with the time, so they sort as the deliveries were made.
        all.sort();
        Ok(all)
    }
}

/// A file as the history records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileFacts {
    /// Its name (the export's path as given, or the remote name of the file sent).
    pub name: String,
    /// Its size in bytes.
    pub size: u64,
    /// Its SHA-256, in hex.
    pub sha256: String,
}

impl FileFacts {
    /// The facts of `bytes`, read through once.
    ///
    /// # Errors
    /// `bytes` cannot be read.
    pub fn of(name: &str, bytes: &mut dyn Read) -> io::Result<FileFacts> {
        let mut hash = Sha256::new();
        let mut size = 0;
        let mut buf = vec![0; 1 << 16];
        loop {
            let n = match bytes.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            hash.update(&buf[..n]);
            size += n as u64;
        }
        let mut sha256 = String::with_capacity(64);
        for byte in hash.finalize() {
            let _ = write!(sha256, "{byte:02x}");
        }
        Ok(FileFacts {
            name: name.to_owned(),
            size,
            sha256,
        })
    }
}

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// The file is in place under its final name (or, in a dry run, would be).
    Delivered,
    /// The check refused the file: nothing was sent.
    Refused,
    /// The run could not deliver: nothing is under the final name.
    Failed,
}

/// One line of `history.jsonl`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Run {
    /// The command: `sync` or `push`.
    pub command: String,
    /// When the run started and ended (UTC).
    pub started: DateTime<Utc>,
    pub finished: DateTime<Utc>,
    /// The HR export read (`sync`).
    pub export: Option<FileFacts>,
    /// The Alleo file sent (or that would have been).
    pub sent: Option<FileFacts>,
    /// Employee rows in the file.
    pub rows: u64,
    /// The plan's counts, when there was a previous state.
    pub plan: Option<Counts>,
    /// The file `--previous` gave, when it replaced the last delivery as the
    /// previous state (meant for a first run; a cron line left with it shows here).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_given: Option<PathBuf>,
    pub outcome: Outcome,
    /// Why it was refused or failed.
    pub reason: Option<String>,
    /// Where the file went on the server.
    pub remote_path: Option<String>,
    /// The server's host key fingerprint (SFTP).
    pub host_key: Option<String>,
    /// Connection attempts.
    pub attempts: u32,
    /// The kept copy of the file sent, in the state folder.
    pub kept: Option<PathBuf>,
    /// The first errors, with their cells: only for `[notify] values = true`,
    /// never in the history.
    #[serde(skip)]
    pub first_errors: Vec<ErrorFacts>,
    /// Why the `[notify]` post failed, when it did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notify_error: Option<String>,
}

impl Run {
    /// A run of `command` started at `started` that ended as `outcome`, now, with
    /// nothing else known yet.
    pub fn new(command: &str, started: DateTime<Utc>, outcome: Outcome) -> Run {
        Run {
            command: command.to_owned(),
            started,
            finished: Utc::now(),
            export: None,
            sent: None,
            rows: 0,
            plan: None,
            previous_given: None,
            outcome,
            reason: None,
            remote_path: None,
            host_key: None,
            attempts: 0,
            kept: None,
            first_errors: Vec::new(),
            notify_error: None,
        }
    }
}

/// An error of the check, with its cell, for a notification that may hold values.
#[derive(Debug, Clone, Serialize)]
pub struct ErrorFacts {
    pub code: &'static str,
    pub row: Option<u64>,
    pub column: Option<String>,
    pub value: Option<String>,
    pub message: String,
}

impl ErrorFacts {
    /// The first `n` errors of `report`.
    pub fn first(report: &alleo_csv_core::Report, n: usize) -> Vec<ErrorFacts> {
        report
            .issues
            .iter()
            .filter(|i| i.severity == alleo_csv_core::Severity::Error)
            .take(n)
            .map(|i| ErrorFacts {
                code: i.code().as_str(),
                row: i.row,
                column: i.column.map(str::to_owned),
                value: report.value_of(i).map(str::to_owned),
                message: report.message_of(i),
            })
            .collect()
    }
}

/// The file's name in a path, for the history.
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_is_refused_and_names_the_holder_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let state = StateDir(dir.path().join("state"));
        let held = state.lock().unwrap();
        match state.lock() {
            Err(CliError::Busy { holder, .. }) => {
                assert!(
                    holder.starts_with(&format!("process {} since ", std::process::id())),
                    "{holder}"
                );
            }
            other => panic!("expected Busy, got {other:?}"),
        }
        drop(held);
        state.lock().unwrap();
    }

    #[test]
    fn the_history_appends_whole_lines_and_reads_them_back() {
        let dir = tempfile::tempdir().unwrap();
        let state = StateDir(dir.path().to_path_buf());
        let now = Utc::now();
        let run = Run {
            sent: Some(FileFacts::of("a.csv", &mut &b"Email\n"[..]).unwrap()),
            reason: Some("invalid".into()),
            ..Run::new("sync", now, Outcome::Refused)
        };
        state.append(&run).unwrap();
        state.append(&run).unwrap();
        let text = fs::read_to_string(dir.path().join(HISTORY)).unwrap();
        assert_eq!(text.lines().count(), 2);
        let back = state.history().unwrap();
        assert_eq!(back.len(), 2);
        assert_eq!(back[0].outcome, Outcome::Refused);
        // SHA-256 of "Email\n".
        assert_eq!(
            back[0].sent.as_ref().unwrap().sha256,
            "87d70217b3527f067e6e6388d1599c47eff4d6844b4e5da99d16425a640fbe38"
        );
    }

    #[test]
    fn only_the_newest_deliveries_are_kept_and_only_their_owner_reads_them() {
        let dir = tempfile::tempdir().unwrap();
        let state = StateDir(dir.path().to_path_buf());
        let start = DateTime::parse_from_rfc3339("2026-11-28T02:15:00Z")
            .unwrap()
            .with_timezone(&Utc);
        for i in 0..4 {
            let at = start + chrono::Duration::hours(i);
            state
                .keep(&mut &b"Email\n"[..], "alleo_employees_acme.csv", at, 2)
                .unwrap();
        }
        let kept = state.kept().unwrap();
        let names: Vec<String> = kept.iter().map(|p| file_name(p)).collect();
        assert_eq!(
            names,
            [
                "20261128T041500.000Z_alleo_employees_acme.csv",
                "20261128T051500.000Z_alleo_employees_acme.csv"
            ]
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&kept[0]).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
        assert_eq!(state.keep(&mut &b"x"[..], "a.csv", start, 0).unwrap(), None);
        assert!(state.kept().unwrap().is_empty(), "keep = 0 keeps none");
    }
}
