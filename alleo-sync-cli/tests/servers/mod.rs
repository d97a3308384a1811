//! Real servers for the delivery tests, on 127.0.0.1 only: an OpenSSH `sshd` per
//! test, with its own configuration, host key and log, and a TCP proxy that breaks
//! connections on purpose. `scripts/setup-test-servers.sh` installs what they need;
//! without it a test fails and says so (never a skip).
#![allow(dead_code)]

use std::fs;
use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant};

/// The test user and its password (scripts/setup-test-servers.sh).
pub const USER: &str = "alleo-push-test";
pub const PASSWORD: &str = "alleo-push-test-pw";

fn prerequisites() {
    let ok = Path::new("/usr/sbin/sshd").exists()
        && Command::new("id")
            .arg(USER)
            .output()
            .is_ok_and(|o| o.status.success())
        && Command::new("id")
            .arg("-u")
            .output()
            .is_ok_and(|o| o.stdout == b"0\n");
    assert!(
        ok,
        "the delivery tests run sshd as root with the user {USER}: run scripts/setup-test-servers.sh as root first"
    );
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// An `sshd` on 127.0.0.1 that lets [`USER`] in with [`PASSWORD`], and a folder of
/// the test user's own for uploads. Stopped when dropped.
pub struct Sshd {
    pub port: u16,
    dir: tempfile::TempDir,
    child: Child,
    /// The test's folder in the user's home, as the server sees it (absolute).
    pub folder: PathBuf,
}

impl Sshd {
    pub fn start() -> Sshd {
        prerequisites();
        let dir = tempfile::tempdir().unwrap();
        let key = dir.path().join("host_ed25519");
        let made = Command::new("ssh-keygen")
            .args(["-q", "-t", "ed25519", "-N", "", "-f"])
            .arg(&key)
            .status()
            .unwrap();
        assert!(made.success());
        let (port, child) = loop {
            if let Some(started) = Sshd::spawn(dir.path(), &key) {
                break started;
            }
        };
        let home = PathBuf::from(format!("/home/{USER}"));
        let folder = home.join(format!("upload-{port}"));
        let _ = fs::remove_dir_all(&folder);
        fs::create_dir_all(&folder).unwrap();
        chown(&folder);
        Sshd {
            port,
            dir,
            child,
            folder,
        }
    }

    /// Starts sshd on a free port; `None` when another process took the port
    /// first (sshd then logs that it cannot bind, and the caller tries another).
    fn spawn(dir: &Path, key: &Path) -> Option<(u16, Child)> {
        let port = free_port();
        let config = dir.join("sshd_config");
        fs::write(
            &config,
            format!(
                "ListenAddress 127.0.0.1\nPort {port}\nHostKey {key}\nPidFile {pid}\n\
                 PasswordAuthentication yes\nKbdInteractiveAuthentication no\nPubkeyAuthentication no\n\
                 UsePAM yes\nAllowUsers {USER}\nSubsystem sftp internal-sftp\nLogLevel VERBOSE\n\
                 MaxStartups 100\nMaxAuthTries 3\n",
                key = key.display(),
                pid = dir.join("sshd.pid").display()
            ),
        )
        .unwrap();
        let log_path = dir.join("sshd.log");
        let log = fs::File::create(&log_path).unwrap();
        let mut child = Command::new("/usr/sbin/sshd")
            .args(["-D", "-e", "-f"])
            .arg(&config)
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .unwrap();
        // Listening is certain once sshd says so in its own log.
        let listening = format!("Server listening on 127.0.0.1 port {port}");
        let start = Instant::now();
        loop {
            let logged = fs::read_to_string(&log_path).unwrap_or_default();
            if logged.contains(&listening) {
                return Some((port, child));
            }
            if child.try_wait().unwrap().is_some() {
                return None;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "sshd did not start:\n{logged}"
            );
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// `SHA256:...` of the host key, as `ssh-keygen -l` shows it.
    pub fn fingerprint(&self) -> String {
        let out = Command::new("ssh-keygen")
            .arg("-lf")
            .arg(self.dir.path().join("host_ed25519.pub"))
            .output()
            .unwrap();
        String::from_utf8(out.stdout)
            .unwrap()
            .split_whitespace()
            .nth(1)
            .unwrap()
            .to_owned()
    }

    /// A `known_hosts` line for this server at `port` (a proxy's, or its own).
    pub fn known_hosts_line(&self, port: u16) -> String {
        let public = fs::read_to_string(self.dir.path().join("host_ed25519.pub")).unwrap();
        let mut parts = public.split_whitespace();
        format!(
            "[127.0.0.1]:{port} {} {}\n",
            parts.next().unwrap(),
            parts.next().unwrap()
        )
    }

    /// What sshd logged so far.
    pub fn log(&self) -> String {
        fs::read_to_string(self.dir.path().join("sshd.log")).unwrap_or_default()
    }

    /// The names in the upload folder, sorted.
    pub fn files(&self) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(&self.folder)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    /// Puts a file in the upload folder, owned by the test user.
    pub fn put(&self, name: &str, bytes: &[u8]) {
        let path = self.folder.join(name);
        fs::write(&path, bytes).unwrap();
        chown(&path);
    }
}

impl Drop for Sshd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = fs::remove_dir_all(&self.folder);
    }
}

pub fn chown(path: &Path) {
    let done = Command::new("chown")
        .arg(format!("{USER}:{USER}"))
        .arg(path)
        .status()
        .unwrap();
    assert!(done.success());
}

/// Makes `path` readable but not writable by the test user (root's, 755).
pub fn read_only(path: &Path) {
    Command::new("chown")
        .arg("root:root")
        .arg(path)
        .status()
        .unwrap();
    fs::set_permissions(path, fs::Permissions::from_mode(0o755)).unwrap();
}

/// What the proxy does with a connection.
#[derive(Debug, Clone, Copy)]
pub enum Fault {
    /// Cuts the connection once the client has sent this many bytes.
    CutAfter(usize),
    /// Accepts and never forwards or answers.
    BlackHole,
    /// Closes the first `n` connections at once, then forwards.
    RefuseFirst(usize),
}

/// A TCP proxy on 127.0.0.1 in front of `upstream`, breaking connections as told.
pub struct Proxy {
    pub port: u16,
    pub connections: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
}

impl Proxy {
    pub fn start(upstream: u16, fault: Fault) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let connections = Arc::new(AtomicUsize::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let (count, stopped) = (Arc::clone(&connections), Arc::clone(&stop));
        thread::spawn(move || {
            for client in listener.incoming() {
                if stopped.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(client) = client else { continue };
                let n = count.fetch_add(1, Ordering::SeqCst) + 1;
                thread::spawn(move || serve(client, upstream, fault, n));
            }
        });
        Proxy {
            port,
            connections,
            stop,
        }
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

fn serve(client: TcpStream, upstream: u16, fault: Fault, n: usize) {
    match fault {
        Fault::BlackHole => {
            // Hold the connection open, silent, until the client gives up.
            let mut client = client;
            let mut sink = [0; 4096];
            while matches!(client.read(&mut sink), Ok(k) if k > 0) {}
        }
        Fault::RefuseFirst(first) if n <= first => {
            let _ = client.shutdown(Shutdown::Both);
        }
        Fault::RefuseFirst(_) => forward(&client, upstream, usize::MAX),
        Fault::CutAfter(limit) => forward(&client, upstream, limit),
    }
}

/// Copies both ways; cuts both connections once `limit` bytes went upstream.
fn forward(client: &TcpStream, upstream: u16, limit: usize) {
    let Ok(server) = TcpStream::connect(("127.0.0.1", upstream)) else {
        return;
    };
    let (mut c_read, mut s_write) = (client.try_clone().unwrap(), server.try_clone().unwrap());
    let (mut s_read, mut c_write) = (server.try_clone().unwrap(), client.try_clone().unwrap());
    let back = thread::spawn(move || {
        let mut buf = [0; 16384];
        while let Ok(k) = s_read.read(&mut buf) {
            if k == 0 || c_write.write_all(&buf[..k]).is_err() {
                break;
            }
        }
        let _ = c_write.shutdown(Shutdown::Both);
    });
    let mut sent = 0;
    let mut buf = [0; 16384];
    while let Ok(k) = c_read.read(&mut buf) {
        if k == 0 {
            break;
        }
        let k = k.min(limit - sent);
        if s_write.write_all(&buf[..k]).is_err() {
            break;
        }
        sent += k;
        if sent >= limit {
            break;
        }
    }
    let _ = client.shutdown(Shutdown::Both);
    let _ = server.shutdown(Shutdown::Both);
    let _ = back.join();
}

/// An FTP server (pyftpdlib, from scripts/setup-test-servers.sh) on 127.0.0.1,
/// serving a folder of its own to [`USER`]. With `cut_after`, every upload's data
/// connection is reset after that many bytes. Stopped when dropped.
pub struct Ftpd {
    pub port: u16,
    child: Child,
    root: tempfile::TempDir,
    /// With TLS: the folder holding the authority's certificate, `ca.pem`.
    tls: Option<tempfile::TempDir>,
}

impl Ftpd {
    pub fn start(cut_after: Option<usize>) -> Ftpd {
        Ftpd::spawn(cut_after.map(|n| ("--cut-after", n)), false)
    }

    /// A server that stops reading every upload after `bytes`, leaving the data
    /// connection open and silent.
    pub fn start_stalling(bytes: usize) -> Ftpd {
        Ftpd::spawn(Some(("--stall-after", bytes)), false)
    }

    /// A server that requires explicit TLS, with a certificate for 127.0.0.1 from
    /// an authority of its own ([`Ftpd::authority`]).
    pub fn start_tls() -> Ftpd {
        Ftpd::spawn(None, true)
    }

    /// The PEM file of the TLS server's authority.
    pub fn authority(&self) -> PathBuf {
        self.tls
            .as_ref()
            .expect("a TLS server")
            .path()
            .join("ca.pem")
    }

    fn spawn(fault: Option<(&str, usize)>, tls: bool) -> Ftpd {
        let python = Path::new(env!("CARGO_MANIFEST_DIR")).join("../.venv/ftp-server/bin/python");
        assert!(
            python.exists(),
            "the FTP tests need pyftpdlib in .venv/ftp-server: run scripts/setup-test-servers.sh first"
        );
        let root = tempfile::tempdir().unwrap();
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/servers/ftp_server.py");
        let mut command = Command::new(python);
        command
            .arg(script)
            .arg(root.path())
            .args([USER, PASSWORD])
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        if let Some((flag, bytes)) = fault {
            command.args([flag, &bytes.to_string()]);
        }
        let tls = tls.then(|| tempfile::tempdir().unwrap());
        if let Some(dir) = &tls {
            command.arg("--tls").arg(dir.path());
        }
        let mut child = command.spawn().unwrap();
        // The server binds a free port itself and says which: no race for it.
        let mut line = String::new();
        std::io::BufRead::read_line(
            &mut std::io::BufReader::new(child.stdout.take().unwrap()),
            &mut line,
        )
        .unwrap();
        let port = line
            .strip_prefix("ready ")
            .and_then(|p| p.trim().parse().ok())
            .unwrap_or_else(|| panic!("the FTP server did not start: {line:?}"));
        Ftpd {
            port,
            child,
            root,
            tls,
        }
    }

    /// The served folder.
    pub fn folder(&self) -> &Path {
        self.root.path()
    }

    /// The names in the served folder, sorted.
    pub fn files(&self) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(self.root.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

impl Drop for Ftpd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
