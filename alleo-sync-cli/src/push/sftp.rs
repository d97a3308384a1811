//! SFTP through `russh` and `russh-sftp`. The server's key is checked during the
//! key exchange, before the password is sent; every network wait has a timeout.

use std::io::Read;
use std::sync::{Arc, Mutex, PoisonError};

use alleo_csv_core::text::refusal::{Broken, Request, Step, Untrusted, Why};
use russh::client::{self, Handle};
use russh::keys::{HashAlg, PublicKeyOrCertificate, check_known_hosts_path};
use russh_sftp::client::error::Error as SftpError;
use russh_sftp::client::{RawSftpSession, SftpSession};
use russh_sftp::protocol::{Packet, StatusCode};
use tokio::io::AsyncWriteExt;
use tokio::runtime::Runtime;

use super::password::Password;
use super::remote::{Remote, Renamed};
use super::settings::{HostKeyCheck, Settings};
use crate::error::CliError;
use crate::push::error::DeliveryError;

const POSIX_RENAME: &str = "posix-rename@openssh.com";
/// Bytes read from the local file per write.
const CHUNK: usize = 256 * 1024;

/// What the key check saw.
#[derive(Debug, Clone)]
enum Verdict {
    Trusted,
    Unknown(Untrusted),
    Changed(Untrusted),
}

/// A path as said in a message.
fn shown(path: &std::path::Path) -> String {
    path.display().to_string()
}

/// The key check, run by russh during the key exchange.
#[derive(Debug)]
struct KeyCheck {
    check: HostKeyCheck,
    host: String,
    port: u16,
    seen: Arc<Mutex<Option<(String, Verdict)>>>,
}

impl client::Handler for KeyCheck {
    type Error = russh::Error;

    async fn check_server_key(
        &mut self,
        key: &PublicKeyOrCertificate,
    ) -> Result<bool, Self::Error> {
        let PublicKeyOrCertificate::PublicKey { key, .. } = key else {
            let seen = (
                "a certificate".to_owned(),
                Verdict::Unknown(Untrusted::Certificate),
            );
            *self.seen.lock().unwrap_or_else(PoisonError::into_inner) = Some(seen);
            return Ok(false);
        };
        let fingerprint = key.fingerprint(HashAlg::Sha256).to_string();
        let verdict = match &self.check {
            HostKeyCheck::Pinned(pin) if *pin == fingerprint => Verdict::Trusted,
            HostKeyCheck::Pinned(pin) => Verdict::Changed(Untrusted::Pinned(pin.clone())),
            HostKeyCheck::KnownHosts(path) => {
                match check_known_hosts_path(&self.host, self.port, key, path) {
                    Ok(true) => Verdict::Trusted,
                    Ok(false) => Verdict::Unknown(Untrusted::NotKnown(shown(path))),
                    Err(russh::keys::Error::KeyChanged { line }) => {
                        Verdict::Changed(Untrusted::Recorded(shown(path), line))
                    }
                    Err(e) => Verdict::Unknown(Untrusted::Unreadable(shown(path), e.to_string())),
                }
            }
        };
        let trusted = matches!(verdict, Verdict::Trusted);
        *self.seen.lock().unwrap_or_else(PoisonError::into_inner) = Some((fingerprint, verdict));
        Ok(trusted)
    }
}

/// A logged-in SFTP session in the delivery folder.
pub struct Sftp {
    runtime: Runtime,
    // Kept for the connection's lifetime; dropping it disconnects.
    _ssh: Handle<KeyCheck>,
    session: SftpSession,
    /// A second channel for the requests `SftpSession` does not offer.
    raw: RawSftpSession,
    posix_rename: bool,
    fingerprint: String,
    settings: Settings,
}

impl std::fmt::Debug for Sftp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sftp")
            .field("server", &self.settings.server())
            .finish_non_exhaustive()
    }
}

impl Sftp {
    /// Connects, checks the host key, logs in and opens the SFTP channels.
    ///
    /// # Errors
    /// Unreachable server or timeout (transient), unknown or changed host key,
    /// refused login.
    pub fn connect(settings: &Settings, password: &Password) -> Result<Sftp, CliError> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| CliError::Internal(format!("cannot start the network runtime: {e}")))?;
        let (ssh, fingerprint, sftp, raw, posix_rename) =
            runtime.block_on(open(settings, password))?;
        Ok(Sftp {
            runtime,
            _ssh: ssh,
            session: sftp,
            raw,
            posix_rename,
            fingerprint,
            settings: settings.clone(),
        })
    }

    /// The error of a failed `request` (made of the remote path of `name`).
    fn failed<'a>(
        &'a self,
        request: fn(String) -> Request,
        name: &'a str,
    ) -> impl Fn(SftpError) -> CliError + 'a {
        move |e| sftp_error(&self.settings, request(self.settings.remote_path(name)), e).into()
    }
}

type Opened = (Handle<KeyCheck>, String, SftpSession, RawSftpSession, bool);

async fn open(settings: &Settings, password: &Password) -> Result<Opened, CliError> {
    let server = settings.server();
    let wait = settings.timeout;
    let timeout = |step: Step| DeliveryError::Timeout {
        server: server.clone(),
        secs: wait.as_secs(),
        step,
    };
    let broken = |what: Broken, e: &dyn std::fmt::Display| DeliveryError::Connect {
        server: server.clone(),
        what,
        detail: Some(e.to_string()),
    };
    let tcp = tokio::time::timeout(
        wait,
        tokio::net::TcpStream::connect((settings.host.as_str(), settings.port)),
    )
    .await
    .map_err(|_| timeout(Step::Connecting))?
    .map_err(|e| broken(Broken::Connect, &e))?;
    let config = ssh_config(wait);
    let seen = Arc::new(Mutex::new(None));
    let check = KeyCheck {
        check: settings.host_key.clone(),
        host: settings.host.clone(),
        port: settings.port,
        seen: Arc::clone(&seen),
    };
    let connected = tokio::time::timeout(wait, client::connect_stream(config, tcp, check))
        .await
        .map_err(|_| timeout(Step::ExchangingKeys))?;
    let seen = seen.lock().unwrap_or_else(PoisonError::into_inner).clone();
    let (mut ssh, fingerprint) = match (connected, seen) {
        (Ok(ssh), Some((fingerprint, Verdict::Trusted))) => (ssh, fingerprint),
        (_, Some((fingerprint, Verdict::Unknown(why)))) => {
            return Err(DeliveryError::HostKeyUnknown {
                server,
                fingerprint,
                why,
            }
            .into());
        }
        (_, Some((fingerprint, Verdict::Changed(expected)))) => {
            return Err(DeliveryError::HostKeyChanged {
                server,
                fingerprint,
                expected,
            }
            .into());
        }
        (Err(e), _) => return Err(broken(Broken::Secure, &e).into()),
        (Ok(_), _) => return Err(CliError::Internal("the host key was never checked".into())),
    };
    let login = tokio::time::timeout(
        wait,
        ssh.authenticate_password(&settings.user, password.expose()),
    )
    .await
    .map_err(|_| timeout(Step::LoggingIn))?
    .map_err(|e| broken(Broken::Login, &e))?;
    if !login.success() {
        return Err(DeliveryError::Login {
            server,
            from: settings.password.describe(),
        }
        .into());
    }
    let config = russh_sftp::client::Config {
        request_timeout_secs: wait.as_secs(),
        max_concurrent_writes: 64,
        // OpenSSH's sftp-server takes writes of up to 255 KiB (limits@openssh.com).
        max_write_packet_len: 255 * 1024,
        ..russh_sftp::client::Config::default()
    };
    let stream = tokio::time::timeout(wait, sftp_channel(&ssh))
        .await
        .map_err(|_| timeout(Step::OpeningSftp))?
        .map_err(|e| broken(Broken::NoSftp, &e))?;
    let sftp = SftpSession::new_with_config(stream, config)
        .await
        .map_err(|e| sftp_error(settings, Request::StartSftp, e))?;
    let stream = tokio::time::timeout(wait, sftp_channel(&ssh))
        .await
        .map_err(|_| timeout(Step::OpeningSftp))?
        .map_err(|e| broken(Broken::NoSecondChannel, &e))?;
    let raw = RawSftpSession::new(stream);
    raw.set_timeout(wait.as_secs());
    let version = raw
        .init()
        .await
        .map_err(|e| sftp_error(settings, Request::StartSftp, e))?;
    let posix_rename = version
        .extensions
        .get(POSIX_RENAME)
        .is_some_and(|v| v == "1");
    Ok((ssh, fingerprint, sftp, raw, posix_rename))
}

/// The SSH settings: `wait` as the inactivity limit, and AES-GCM first: with the
/// processor's AES instructions it outruns ChaCha20-Poly1305, russh's first choice
/// (and OpenSSH's).
fn ssh_config(wait: std::time::Duration) -> Arc<client::Config> {
    let mut preferred = russh::Preferred::default();
    let mut ciphers = vec![russh::cipher::AES_256_GCM];
    ciphers.extend(
        preferred
            .cipher
            .iter()
            .copied()
            .filter(|c| *c != russh::cipher::AES_256_GCM),
    );
    preferred.cipher = std::borrow::Cow::Owned(ciphers);
    Arc::new(client::Config {
        inactivity_timeout: Some(wait),
        preferred,
        ..client::Config::default()
    })
}

/// A new channel running the SFTP subsystem.
async fn sftp_channel(
    ssh: &Handle<KeyCheck>,
) -> Result<russh::ChannelStream<client::Msg>, russh::Error> {
    let channel = ssh.channel_open_session().await?;
    channel.request_subsystem(true, "sftp").await?;
    Ok(channel.into_stream())
}

/// What a failed SFTP request means for the push.
fn sftp_error(settings: &Settings, request: Request, e: SftpError) -> DeliveryError {
    let server = settings.server();
    match e {
        SftpError::Status(status) => {
            let why = match status.status_code {
                StatusCode::NoSuchFile => Why::NoSuchFile,
                StatusCode::PermissionDenied => Why::PermissionDenied,
                _ if !status.error_message.is_empty() => Why::Said(status.error_message),
                code => Why::Said(code.to_string()),
            };
            DeliveryError::Remote {
                server,
                request,
                why,
            }
        }
        SftpError::Timeout => DeliveryError::Timeout {
            server,
            secs: settings.timeout.as_secs(),
            step: Step::Answer(request),
        },
        other => DeliveryError::Connect {
            server,
            what: Broken::During(request),
            detail: Some(other.to_string()),
        },
    }
}

/// `SSH_FXP_EXTENDED` data: each string as a `u32` length and its bytes.
fn ssh_strings(parts: &[&str]) -> Vec<u8> {
    let mut out = Vec::new();
    for part in parts {
        let len = u32::try_from(part.len()).unwrap_or(u32::MAX);
        out.extend_from_slice(&len.to_be_bytes());
        out.extend_from_slice(part.as_bytes());
    }
    out
}

impl Remote for Sftp {
    fn host_key(&self) -> Option<String> {
        Some(self.fingerprint.clone())
    }

    fn list(&mut self) -> Result<Vec<String>, CliError> {
        let dir = self
            .settings
            .directory
            .clone()
            .unwrap_or_else(|| ".".into());
        let entries = self
            .runtime
            .block_on(self.session.read_dir(dir.clone()))
            .map_err(|e| sftp_error(&self.settings, Request::List(dir.clone()), e))?;
        Ok(entries.map(|e| e.file_name()).collect())
    }

    fn upload(
        &mut self,
        name: &str,
        file: &mut dyn Read,
        progress: &mut dyn FnMut(u64),
    ) -> Result<u64, CliError> {
        let path = self.settings.remote_path(name);
        let failed = |e| sftp_error(&self.settings, Request::Write(path.clone()), e);
        // Named by the caller, which knows the local file.
        let local = |e: std::io::Error| CliError::Input {
            path: name.to_owned(),
            source: e,
        };
        self.runtime.block_on(async {
            let mut remote = self.session.create(path.clone()).await.map_err(failed)?;
            let mut buf = vec![0; CHUNK];
            let mut sent = 0u64;
            loop {
                let n = file.read(&mut buf).map_err(local)?;
                if n == 0 {
                    break;
                }
                remote
                    .write_all(&buf[..n])
                    .await
                    .map_err(|e| failed(e.into()))?;
                sent += n as u64;
                progress(sent);
            }
            remote.shutdown().await.map_err(|e| failed(e.into()))?;
            Ok(sent)
        })
    }

    fn size(&mut self, name: &str) -> Result<u64, CliError> {
        let path = self.settings.remote_path(name);
        let meta = self
            .runtime
            .block_on(self.session.metadata(path.clone()))
            .map_err(self.failed(Request::Size, name))?;
        Ok(meta.len())
    }

    fn rename_over(&mut self, from: &str, to: &str) -> Result<Renamed, CliError> {
        let (from_path, to_path) = (
            self.settings.remote_path(from),
            self.settings.remote_path(to),
        );
        if self.posix_rename {
            let reply = self
                .runtime
                .block_on(
                    self.raw
                        .extended(POSIX_RENAME, ssh_strings(&[&from_path, &to_path])),
                )
                .map_err(self.failed(Request::RenameTo, to))?;
            return match reply {
                Packet::Status(s) if s.status_code == StatusCode::Ok => Ok(Renamed::Atomic),
                Packet::Status(s) => Err(sftp_error(
                    &self.settings,
                    Request::RenameTo(to_path.clone()),
                    SftpError::Status(s),
                )
                .into()),
                _ => Err(sftp_error(
                    &self.settings,
                    Request::RenameTo(to_path.clone()),
                    SftpError::UnexpectedPacket,
                )
                .into()),
            };
        }
        let exists = self
            .runtime
            .block_on(self.session.try_exists(to_path.clone()))
            .map_err(self.failed(Request::LookFor, to))?;
        if exists {
            self.remove(to)?;
        }
        self.runtime
            .block_on(self.session.rename(from_path, to_path))
            .map_err(self.failed(Request::RenameTo, to))?;
        Ok(if exists {
            Renamed::RemovedFirst
        } else {
            Renamed::Plain
        })
    }

    fn remove(&mut self, name: &str) -> Result<(), CliError> {
        let path = self.settings.remote_path(name);
        self.runtime
            .block_on(self.session.remove_file(path))
            .map_err(self.failed(Request::Remove, name))
    }
}
