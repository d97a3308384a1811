//! The `[sftp]` section of `alleo.toml` (SPEC section 6): where and how a file is
//! delivered.

use alleo_csv_core::text::refusal::PasswordFrom;
use std::path::{Path, PathBuf};
use std::time::Duration;

use alleo_csv_core::naming::upload_file_name;
use serde::Deserialize;

/// How files travel to the server.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Protocol {
    /// SFTP over SSH, with a password (the vendor's method).
    #[default]
    Sftp,
    /// Plain FTP, or FTPS with `ftp_tls`.
    Ftp,
}

/// Which side opens FTP's data connections.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FtpMode {
    /// The client connects to the server (works through most firewalls).
    #[default]
    Passive,
    /// The server connects back to the client.
    Active,
}

/// `[sftp]` as written in `alleo.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SftpSection {
    #[serde(default)]
    protocol: Protocol,
    host: String,
    port: Option<u16>,
    user: String,
    #[serde(default)]
    directory: Option<String>,
    file_id: String,
    password_env: Option<String>,
    password_file: Option<PathBuf>,
    host_key: Option<String>,
    known_hosts: Option<PathBuf>,
    #[serde(default)]
    ftp_mode: FtpMode,
    #[serde(default)]
    ftp_tls: bool,
    /// A PEM file of the authorities that may sign the FTP server's certificate
    /// (an addition to SPEC section 6; default: the system's).
    ftp_ca_file: Option<PathBuf>,
    /// Seconds any one network wait may take (an addition to SPEC section 6).
    timeout_secs: Option<u64>,
    /// Attempts after a transient failure (an addition to SPEC section 6).
    retries: Option<u32>,
}

/// Where the password comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PasswordSource {
    /// The named environment variable.
    Env(String),
    /// A file readable by its owner only.
    File(PathBuf),
    /// Asked for on the terminal.
    Prompt,
}

impl PasswordSource {
    /// Where the password came from, for a message (never the password).
    pub fn describe(&self) -> PasswordFrom {
        match self {
            PasswordSource::Env(var) => PasswordFrom::Env(var.clone()),
            PasswordSource::File(path) => PasswordFrom::File(path.display().to_string()),
            PasswordSource::Prompt => PasswordFrom::Typed,
        }
    }
}

/// How the server's identity is checked before the password is sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HostKeyCheck {
    /// A pinned `SHA256:` fingerprint.
    Pinned(String),
    /// An OpenSSH `known_hosts` file.
    KnownHosts(PathBuf),
}

/// The delivery settings, checked.
#[derive(Debug, Clone)]
pub struct Settings {
    pub protocol: Protocol,
    pub host: String,
    pub port: u16,
    pub user: String,
    /// The remote folder; `None` is the folder the login starts in.
    pub directory: Option<String>,
    pub file_id: String,
    pub password: PasswordSource,
    pub host_key: HostKeyCheck,
    pub ftp_mode: FtpMode,
    pub ftp_tls: bool,
    /// Trusted authorities for `ftp_tls` (`None`: the system's).
    pub ftp_ca_file: Option<PathBuf>,
    pub timeout: Duration,
    pub retries: u32,
}

/// Any one network wait, unless `timeout_secs` says otherwise.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// Attempts after a transient failure, unless `retries` says otherwise.
const DEFAULT_RETRIES: u32 = 3;

impl Settings {
    /// Checks the section; `home` expands a leading `~/` in paths.
    ///
    /// # Errors
    /// What is wrong and how to write it instead.
    pub fn from_section(s: SftpSection, home: Option<&Path>) -> Result<Settings, String> {
        let expand = |p: PathBuf| match (p.strip_prefix("~"), home) {
            (Ok(rest), Some(home)) => home.join(rest),
            _ => p,
        };
        if s.host.trim().is_empty() {
            return Err("[sftp] host is empty: give the server's name or address".into());
        }
        if s.user.trim().is_empty() {
            return Err("[sftp] user is empty: give the login name Alleo gave you".into());
        }
        if upload_file_name(&s.file_id).is_none() {
            return Err(format!(
                "[sftp] file_id `{}` cannot be used: the remote name is alleo_employees_<file_id>.csv, so use letters, digits, - and _ only (for example \"acme\")",
                s.file_id
            ));
        }
        let password = match (s.password_env, s.password_file) {
            (Some(_), Some(_)) => {
                return Err("[sftp] has both password_env and password_file: keep one".into());
            }
            (Some(var), None) => PasswordSource::Env(var),
            (None, Some(path)) => PasswordSource::File(expand(path)),
            (None, None) => PasswordSource::Prompt,
        };
        let host_key = match (s.host_key, s.known_hosts) {
            (Some(_), Some(_)) => {
                return Err("[sftp] has both host_key and known_hosts: keep one".into());
            }
            (Some(pin), None) => {
                let pin = pin.trim().to_owned();
                if !pin.starts_with("SHA256:") || pin.len() < 20 {
                    return Err(format!(
                        "[sftp] host_key `{pin}` is not a SHA256 fingerprint: it looks like SHA256:AbC...= (ssh-keygen -lf <key>.pub shows it)"
                    ));
                }
                HostKeyCheck::Pinned(pin)
            }
            (None, Some(path)) => HostKeyCheck::KnownHosts(expand(path)),
            (None, None) => match home {
                Some(home) => HostKeyCheck::KnownHosts(home.join(".ssh").join("known_hosts")),
                None => {
                    return Err(
                        "[sftp] needs host_key (the server's SHA256 fingerprint) or known_hosts: there is no home folder to find ~/.ssh/known_hosts in".into(),
                    );
                }
            },
        };
        let port = s.port.unwrap_or(match s.protocol {
            Protocol::Sftp => 22,
            Protocol::Ftp => 21,
        });
        Ok(Settings {
            protocol: s.protocol,
            host: s.host.trim().to_owned(),
            port,
            user: s.user,
            directory: s.directory.filter(|d| !d.is_empty()),
            file_id: s.file_id,
            password,
            host_key,
            ftp_mode: s.ftp_mode,
            ftp_tls: s.ftp_tls,
            ftp_ca_file: s.ftp_ca_file.map(expand),
            timeout: s
                .timeout_secs
                .map_or(DEFAULT_TIMEOUT, |t| Duration::from_secs(t.max(1))),
            retries: s.retries.unwrap_or(DEFAULT_RETRIES),
        })
    }

    /// `alleo_employees_<file_id>.csv`.
    pub fn remote_name(&self) -> String {
        // `from_section` made sure the name is valid.
        upload_file_name(&self.file_id).unwrap_or_default()
    }

    /// Where a name in the folder lives on the server.
    pub fn remote_path(&self, name: &str) -> String {
        match &self.directory {
            Some(dir) => format!("{}/{name}", dir.trim_end_matches('/')),
            None => name.to_owned(),
        }
    }

    /// `user@host:port`, for messages.
    pub fn server(&self) -> String {
        format!("{}@{}:{}", self.user, self.host, self.port)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(toml_text: &str) -> Result<Settings, String> {
        let section: SftpSection = toml::from_str(toml_text).map_err(|e| e.to_string())?;
        Settings::from_section(section, Some(Path::new("/home/hr")))
    }

    const BASE: &str = "host = \"sftp.example.com\"\nuser = \"acme\"\nfile_id = \"acme\"\n";

    #[test]
    fn defaults() {
        let s = settings(BASE).unwrap();
        assert_eq!(s.port, 22);
        assert_eq!(s.password, PasswordSource::Prompt);
        assert_eq!(
            s.host_key,
            HostKeyCheck::KnownHosts(PathBuf::from("/home/hr/.ssh/known_hosts"))
        );
        assert_eq!(s.remote_name(), "alleo_employees_acme.csv");
        assert_eq!(s.remote_path("x.csv"), "x.csv");
        assert_eq!(s.timeout, DEFAULT_TIMEOUT);
        let ftp = settings(&format!(
            "{BASE}protocol = \"ftp\"\ndirectory = \"/upload/\"\n"
        ))
        .unwrap();
        assert_eq!(ftp.port, 21);
        assert_eq!(ftp.remote_path("x.csv"), "/upload/x.csv");
    }

    #[test]
    fn mistakes_are_explained() {
        for (extra, says) in [
            ("password_env = \"A\"\npassword_file = \"b\"\n", "keep one"),
            ("host_key = \"abc\"\n", "SHA256"),
            ("password = \"hunter2\"\n", "unknown field"),
            ("protocol = \"scp\"\n", "sftp"),
        ] {
            let e = settings(&format!("{BASE}{extra}")).unwrap_err();
            assert!(e.contains(says), "{extra}: {e}");
        }
        let e = settings("host = \"h\"\nuser = \"u\"\nfile_id = \"acme corp\"\n").unwrap_err();
        assert!(e.contains("letters, digits"), "{e}");
    }

    #[test]
    fn paths_expand_home() {
        let s = settings(&format!("{BASE}password_file = \"~/.alleo-pass\"\n")).unwrap();
        assert_eq!(
            s.password,
            PasswordSource::File(PathBuf::from("/home/hr/.alleo-pass"))
        );
    }
}
