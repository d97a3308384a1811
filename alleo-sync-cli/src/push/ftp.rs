//! FTP through `suppaftp`: passive by default, active on request; explicit TLS
//! (`AUTH TLS`, rustls) with `ftp_tls`; binary transfers; timeouts on the control
//! socket and on every data connection (without them a reset data connection can
//! hang the control socket for ever).

use std::io::Read;
use std::net::{SocketAddr, TcpStream, ToSocketAddrs};
use std::sync::Arc;
use std::time::Duration;

use alleo_csv_core::text::refusal::{Broken, Request, Step, TlsWhy, Why};
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;
use suppaftp::types::FileType;
use suppaftp::{FtpError, RustlsConnector, RustlsFtpStream, Status};

use super::password::Password;
use super::remote::{Remote, Renamed};
use super::settings::{FtpMode, Settings};
use crate::error::CliError;
use crate::push::error::DeliveryError;

/// A logged-in FTP session in the delivery folder.
pub struct Ftp {
    stream: RustlsFtpStream,
    settings: Settings,
}

impl std::fmt::Debug for Ftp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ftp")
            .field("server", &self.settings.server())
            .finish_non_exhaustive()
    }
}

impl Ftp {
    /// Connects, logs in, and chooses binary transfers in the configured mode.
    ///
    /// # Errors
    /// Unreachable server or timeout (transient), refused login, or a server that
    /// wants TLS when `ftp_tls` is off.
    pub fn connect(settings: &Settings, password: &Password) -> Result<Ftp, CliError> {
        let server = settings.server();
        let wait = settings.timeout;
        let address = resolve(settings)?;
        let mut stream = RustlsFtpStream::connect_timeout(address, wait)
            .map_err(|e| ftp_error(settings, Request::Connect, e))?;
        {
            let control = stream.get_ref();
            control
                .set_read_timeout(Some(wait))
                .and_then(|()| control.set_write_timeout(Some(wait)))
                .map_err(|e| DeliveryError::Connect {
                    server: server.clone(),
                    what: Broken::Timeouts,
                    detail: Some(e.to_string()),
                })?;
        }
        if settings.ftp_tls {
            let tls = tls_config(settings)?;
            stream = stream
                .into_secure(RustlsConnector::from(tls), &settings.host)
                .map_err(|e| DeliveryError::Tls {
                    server: server.clone(),
                    why: TlsWhy::Said(e.to_string()),
                })?;
        }
        stream = match settings.ftp_mode {
            FtpMode::Passive => {
                stream.passive_stream_builder(move |address| data_connection(address, wait))
            }
            FtpMode::Active => stream.active_mode(wait),
        };
        stream
            .login(settings.user.as_str(), password.expose())
            .map_err(|e| match e {
                FtpError::UnexpectedResponse(r) if r.status == Status::NotLoggedIn => {
                    DeliveryError::Login {
                        server: server.clone(),
                        from: settings.password.describe(),
                    }
                }
                other => ftp_error(settings, Request::LogIn, other),
            })?;
        stream
            .transfer_type(FileType::Binary)
            .map_err(|e| ftp_error(settings, Request::Binary, e))?;
        Ok(Ftp {
            stream,
            settings: settings.clone(),
        })
    }

    /// The error of a failed `request` (made of the remote path of `name`).
    fn failed<'a>(
        &'a self,
        request: fn(String) -> Request,
        name: &'a str,
    ) -> impl Fn(FtpError) -> CliError + 'a {
        move |e| ftp_error(&self.settings, request(self.settings.remote_path(name)), e).into()
    }
}

/// TLS that trusts `ftp_ca_file`'s authorities, or the system's.
fn tls_config(settings: &Settings) -> Result<Arc<rustls::ClientConfig>, CliError> {
    let server = settings.server();
    let mut roots = rustls::RootCertStore::empty();
    match &settings.ftp_ca_file {
        Some(path) => {
            let shown = path.display().to_string();
            let unusable = |reason: String| DeliveryError::Tls {
                server: server.clone(),
                why: TlsWhy::CaFile(shown.clone(), reason),
            };
            let certs = CertificateDer::pem_file_iter(path)
                .map_err(|e| unusable(e.to_string()))?
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| unusable(e.to_string()))?;
            if certs.is_empty() {
                let why = TlsWhy::CaFileEmpty(shown);
                return Err(DeliveryError::Tls { server, why }.into());
            }
            for cert in certs {
                roots.add(cert).map_err(|e| unusable(e.to_string()))?;
            }
        }
        None => {
            for cert in rustls_native_certs::load_native_certs().certs {
                // A system certificate rustls cannot read is one less authority.
                let _ = roots.add(cert);
            }
        }
    }
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| DeliveryError::Tls {
            server,
            why: TlsWhy::Said(e.to_string()),
        })?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(Arc::new(config))
}

/// The server's address (the first the name resolves to).
fn resolve(settings: &Settings) -> Result<SocketAddr, DeliveryError> {
    (settings.host.as_str(), settings.port)
        .to_socket_addrs()
        .ok()
        .and_then(|mut all| all.next())
        .ok_or_else(|| DeliveryError::Connect {
            server: settings.server(),
            what: Broken::Resolve(settings.host.clone()),
            detail: None,
        })
}

/// A passive data connection, with the same timeouts as the control connection.
fn data_connection(address: SocketAddr, wait: Duration) -> Result<TcpStream, FtpError> {
    let stream = TcpStream::connect_timeout(&address, wait).map_err(FtpError::ConnectionError)?;
    stream
        .set_read_timeout(Some(wait))
        .and_then(|()| stream.set_write_timeout(Some(wait)))
        .map_err(FtpError::ConnectionError)?;
    Ok(stream)
}

/// What a failed FTP command means for the push.
fn ftp_error(settings: &Settings, request: Request, e: FtpError) -> DeliveryError {
    let server = settings.server();
    match e {
        FtpError::ConnectionError(io)
            if matches!(
                io.kind(),
                std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock
            ) =>
        {
            DeliveryError::Timeout {
                server,
                secs: settings.timeout.as_secs(),
                step: Step::Answer(request),
            }
        }
        FtpError::ConnectionError(io) => DeliveryError::Connect {
            server,
            what: Broken::During(request),
            detail: Some(io.to_string()),
        },
        FtpError::UnexpectedResponse(response) => {
            let text = response.as_string().unwrap_or_default();
            let said = text.trim().to_owned();
            // 4xx replies are transient by definition (RFC 959): a cut data
            // connection is 426.
            if (400..500).contains(&(response.status as u32)) {
                DeliveryError::Connect {
                    server,
                    what: Broken::NotNow(request),
                    detail: Some(said),
                }
            } else {
                DeliveryError::Remote {
                    server,
                    request,
                    why: Why::Said(said),
                }
            }
        }
        other => DeliveryError::Connect {
            server,
            what: Broken::NotNow(request),
            detail: Some(other.to_string()),
        },
    }
}

impl Remote for Ftp {
    fn host_key(&self) -> Option<String> {
        None
    }

    fn list(&mut self) -> Result<Vec<String>, CliError> {
        let folder = self.settings.directory.clone();
        let names = self.stream.nlst(folder.as_deref()).map_err(|e| {
            let folder = folder.clone().unwrap_or_else(|| ".".to_owned());
            ftp_error(&self.settings, Request::List(folder), e)
        })?;
        // Some servers answer NLST with paths: keep the names.
        Ok(names
            .into_iter()
            .map(|n| n.rsplit('/').next().unwrap_or_default().to_owned())
            .filter(|n| !n.is_empty())
            .collect())
    }

    fn upload(
        &mut self,
        name: &str,
        file: &mut dyn Read,
        progress: &mut dyn FnMut(u64),
    ) -> Result<u64, CliError> {
        let path = self.settings.remote_path(name);
        let failed = |e| ftp_error(&self.settings, Request::Write(path.clone()), e);
        let mut data = self.stream.put_with_stream(path.as_str()).map_err(failed)?;
        // Passive or active, the data connection gets the control's timeouts, so a
        // stalled transfer ends.
        let socket = data.get_ref().get_ref();
        let wait = Some(self.settings.timeout);
        socket
            .set_write_timeout(wait)
            .and_then(|()| socket.set_read_timeout(wait))
            .map_err(|e| failed(FtpError::ConnectionError(e)))?;
        let mut counted = Counted {
            inner: file,
            sent: 0,
            progress,
        };
        let sent = std::io::copy(&mut counted, &mut data)
            .map_err(|e| failed(FtpError::ConnectionError(e)))?;
        data.finish().map_err(failed)?;
        Ok(sent)
    }

    fn size(&mut self, name: &str) -> Result<u64, CliError> {
        let path = self.settings.remote_path(name);
        let size = self
            .stream
            .size(path.as_str())
            .map_err(self.failed(Request::Size, name))?;
        Ok(size as u64)
    }

    fn rename_over(&mut self, from: &str, to: &str) -> Result<Renamed, CliError> {
        let (from_path, to_path) = (
            self.settings.remote_path(from),
            self.settings.remote_path(to),
        );
        // RNFR/RNTO replaces an existing file in one step on common servers
        // (vsftpd, pyftpdlib, ProFTPD); a server that refuses is told.
        self.stream
            .rename(from_path.as_str(), to_path.as_str())
            .map_err(self.failed(Request::RenameTo, to))?;
        Ok(Renamed::Atomic)
    }

    fn remove(&mut self, name: &str) -> Result<(), CliError> {
        let path = self.settings.remote_path(name);
        self.stream
            .rm(path.as_str())
            .map_err(self.failed(Request::Remove, name))
    }
}

/// Reads through, counting the bytes for the progress bar.
struct Counted<'a> {
    inner: &'a mut dyn Read,
    sent: u64,
    progress: &'a mut dyn FnMut(u64),
}

impl Read for Counted<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.sent += n as u64;
        (self.progress)(self.sent);
        Ok(n)
    }
}
