//! Why a delivery failed: what the server, the login, the folder or the upload
//! said, in words that say what to do. Part of [`CliError`](crate::error::CliError)
//! (exit code 2).

/// Why a delivery could not be made. Nothing is under the final name.
#[derive(Debug, thiserror::Error)]
pub enum DeliveryError {
    /// The server could not be reached, or the connection broke: worth another try.
    #[error("{server}: {reason}")]
    Connect {
        /// `user@host:port`.
        server: String,
        /// What failed.
        reason: String,
    },
    /// A network wait took longer than `[sftp] timeout_secs`: worth another try.
    #[error(
        "{server} did not answer within {secs} s ({doing}); check the host and port, and that a firewall lets this machine through"
    )]
    Timeout {
        /// `user@host:port`.
        server: String,
        /// The limit.
        secs: u64,
        /// What was waited for.
        doing: String,
    },
    /// The server's host key is not known: nothing was sent.
    #[error("{server} is not a known server: its host key {fingerprint} {why}. Nothing was sent (no password either).
If this is the server's key (confirm it with the server's administrator), pin it in alleo.toml:

  [sftp]
  host_key = \"{fingerprint}\"")]
    HostKeyUnknown {
        /// `user@host:port`.
        server: String,
        /// The key seen, `SHA256:...`.
        fingerprint: String,
        /// Why it is not trusted.
        why: String,
    },
    /// The server's host key is not the expected one: nothing was sent.
    #[error("{server} presented a host key that is not the one expected: it is {fingerprint}, but {expected}. Nothing was sent (no password either).
The server may have been reinstalled, or someone may be between you and it: do not push until its administrator confirms the new key; then pin it as host_key in [sftp].")]
    HostKeyChanged {
        /// `user@host:port`.
        server: String,
        /// The key seen, `SHA256:...`.
        fingerprint: String,
        /// What was expected instead.
        expected: String,
    },
    /// The server refused the login.
    #[error(
        "{server} refused the login: the user or the password is wrong. Check [sftp] user, and the password in {from}"
    )]
    Login {
        /// `user@host:port`.
        server: String,
        /// Where the password came from (never the password).
        from: String,
    },
    /// No password could be had.
    #[error("no password for {server}: {how}")]
    Password {
        /// `user@host:port`.
        server: String,
        /// Why, and how to give one.
        how: String,
    },
    /// The server refused a request.
    #[error("{server} could not {action} {path}: {reason}")]
    Remote {
        /// `user@host:port`.
        server: String,
        /// What was asked, as a verb.
        action: String,
        /// The remote path.
        path: String,
        /// The server's reason.
        reason: String,
    },
    /// Other files Alleo would pick up wait in the folder.
    #[error("the folder {folder} on {server} already holds {}: Alleo processes every alleo_employees_*.csv file at each pickup, so this push would deliver them too. Nothing was sent. Remove them, or push with --replace to remove them once the new file is in place", names.join(", "))]
    OtherFiles {
        /// `user@host:port`.
        server: String,
        /// The remote folder.
        folder: String,
        /// The files found.
        names: Vec<String>,
    },
    /// The FTP server's TLS cannot be trusted or started: nothing was sent.
    #[error(
        "{server}: the encrypted connection (ftp_tls) failed: {reason}. Nothing was sent (no password either). If the server's certificate comes from your own authority, give its PEM file as ftp_ca_file in [sftp]"
    )]
    Tls {
        /// `user@host:port`.
        server: String,
        /// What failed.
        reason: String,
    },
    /// The uploaded file is not whole on the server: worth another try.
    #[error(
        "{server} holds {found} bytes of {path} after {sent} were sent: the upload is incomplete"
    )]
    Incomplete {
        /// `user@host:port`.
        server: String,
        /// The remote path.
        path: String,
        /// Bytes sent.
        sent: u64,
        /// Bytes found.
        found: u64,
    },
}

impl DeliveryError {
    /// Whether another attempt may succeed: an unreachable server, a broken
    /// connection, a timeout, an upload cut short. Not a refused login or an
    /// untrusted host key.
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            DeliveryError::Connect { .. }
                | DeliveryError::Timeout { .. }
                | DeliveryError::Incomplete { .. }
        )
    }
}
