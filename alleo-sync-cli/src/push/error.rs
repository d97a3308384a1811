//! Why a delivery failed: what the server, the login, the folder or the upload
//! said, in words that say what to do, in the language asked for (the words are
//! the core's, `text::refusal`). Part of [`CliError`](crate::error::CliError)
//! (exit code 2).

use std::fmt;

use alleo_csv_core::Lang;
use alleo_csv_core::text::refusal::{
    self, Broken, NoPassword, PasswordFrom, Request, Step, TlsWhy, Untrusted, Why,
};

/// Why a delivery could not be made. Nothing is under the final name. Each
/// `server` is `user@host:port`.
#[derive(Debug)]
pub enum DeliveryError {
    /// The server could not be reached, or the connection broke: worth another try.
    Connect {
        server: String,
        /// What failed.
        what: Broken,
        /// What the library said, if anything.
        detail: Option<String>,
    },
    /// A network wait took longer than `[sftp] timeout_secs`: worth another try.
    Timeout {
        server: String,
        /// The limit.
        secs: u64,
        /// What was waited for.
        step: Step,
    },
    /// The server's host key is not known: nothing was sent.
    HostKeyUnknown {
        server: String,
        /// The key seen, `SHA256:...`.
        fingerprint: String,
        /// Why it is not trusted.
        why: Untrusted,
    },
    /// The server's host key is not the expected one: nothing was sent.
    HostKeyChanged {
        server: String,
        /// The key seen, `SHA256:...`.
        fingerprint: String,
        /// What was expected instead.
        expected: Untrusted,
    },
    /// The server refused the login.
    Login {
        server: String,
        /// Where the password came from (never the password).
        from: PasswordFrom,
    },
    /// No password could be had.
    Password {
        server: String,
        /// Why, and how to give one.
        why: NoPassword,
    },
    /// The server refused a request.
    Remote {
        server: String,
        /// What was asked.
        request: Request,
        /// The server's reason.
        why: Why,
    },
    /// Other files Alleo would pick up wait in the folder.
    OtherFiles {
        server: String,
        /// The remote folder.
        folder: String,
        /// The files found.
        names: Vec<String>,
    },
    /// The FTP server's TLS cannot be trusted or started: nothing was sent.
    Tls {
        server: String,
        /// What failed.
        why: TlsWhy,
    },
    /// The uploaded file is not whole on the server: worth another try.
    Incomplete {
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

    /// What failed, in `lang`.
    pub fn say(&self, lang: Lang) -> String {
        match self {
            DeliveryError::Connect {
                server,
                what,
                detail,
            } => refusal::broken(lang, server, what, detail.as_deref()),
            DeliveryError::Timeout { server, secs, step } => {
                refusal::timeout(lang, server, *secs, step)
            }
            DeliveryError::HostKeyUnknown {
                server,
                fingerprint,
                why,
            } => refusal::key_unknown(lang, server, fingerprint, why),
            DeliveryError::HostKeyChanged {
                server,
                fingerprint,
                expected,
            } => refusal::key_changed(lang, server, fingerprint, expected),
            DeliveryError::Login { server, from } => refusal::login_refused(lang, server, from),
            DeliveryError::Password { server, why } => refusal::no_password(lang, server, why),
            DeliveryError::Remote {
                server,
                request,
                why,
            } => refusal::refused(lang, server, request, why),
            DeliveryError::OtherFiles {
                server,
                folder,
                names,
            } => refusal::other_files(lang, server, folder, &names.join(", ")),
            DeliveryError::Tls { server, why } => refusal::tls(lang, server, why),
            DeliveryError::Incomplete {
                server,
                path,
                sent,
                found,
            } => refusal::incomplete(lang, server, path, *sent, *found),
        }
    }
}

/// In English: logs and the run history keep this.
impl fmt::Display for DeliveryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.say(Lang::En))
    }
}

impl std::error::Error for DeliveryError {}
