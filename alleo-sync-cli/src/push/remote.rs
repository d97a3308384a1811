//! What a push needs of a server, whatever the protocol.

use std::io::Read;

use crate::error::CliError;

/// How a finished upload took the final name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Renamed {
    /// In one step, over any file of that name (`posix-rename@openssh.com`, or
    /// FTP's RNFR/RNTO): at every moment the name held a whole file.
    Atomic,
    /// No file had the name: a plain rename.
    Plain,
    /// The server cannot rename over a file: the old one was removed first, so for
    /// a moment the name held nothing (never a partial file).
    RemovedFirst,
}

/// A logged-in connection to the delivery folder. Names are relative to it.
pub trait Remote {
    /// The server's host key, as a `SHA256:` fingerprint (SFTP only).
    fn host_key(&self) -> Option<String>;

    /// The names in the folder.
    ///
    /// # Errors
    /// A missing or unreadable folder, or a broken connection.
    fn list(&mut self) -> Result<Vec<String>, CliError>;

    /// Writes `file` to `name`, calling `progress` with the bytes sent so far.
    /// Returns the bytes sent.
    ///
    /// # Errors
    /// The server refused, or the connection broke.
    fn upload(
        &mut self,
        name: &str,
        file: &mut dyn Read,
        progress: &mut dyn FnMut(u64),
    ) -> Result<u64, CliError>;

    /// The size of `name` on the server.
    ///
    /// # Errors
    /// No such file, or a broken connection.
    fn size(&mut self, name: &str) -> Result<u64, CliError>;

    /// Renames `from` to `to`, replacing a file named `to`, atomically where the
    /// server can.
    ///
    /// # Errors
    /// The server refused, or the connection broke.
    fn rename_over(&mut self, from: &str, to: &str) -> Result<Renamed, CliError>;

    /// Removes `name`.
    ///
    /// # Errors
    /// The server refused, or the connection broke.
    fn remove(&mut self, name: &str) -> Result<(), CliError>;
}
