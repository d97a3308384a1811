//! `alleo-sync sync` and `history`, and what every delivering run shares (the lock,
//! the history, the JSON of a failure, notifications), against the real OpenSSH
//! and FTP servers of the delivery tests (servers/mod.rs) and a local HTTP server.

mod common;
mod servers;

use std::fs;
use std::io::{Read, Write};
use std::net::TcpListener;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant, SystemTime};

use common::{example, stderr, stdout};
use servers::{Fault, Ftpd, PASSWORD, Proxy, Sshd, USER};
use sha2::{Digest, Sha256};

/// A customer's folder: alleo.toml (the Dutch example's mapping, a state folder,
/// `[sync] export`, `[sftp]`), and the HR system's exports in exports/.
struct Setup {
    dir: tempfile::TempDir,
}

impl Setup {
    fn new(port: u16, folder: &Path, extra: &str) -> Setup {
        let dir = tempfile::tempdir().unwrap();
        let mapping = fs::read_to_string(example("dutch-export/alleo.toml")).unwrap();
        fs::write(
            dir.path().join("alleo.toml"),
            format!(
                "{mapping}\n[state]\ndir = \"state\"\n\n[sync]\nexport = \"exports/medewerkers_*.csv\"\n\n\
                 [sftp]\nhost = \"127.0.0.1\"\nport = {port}\nuser = \"{USER}\"\ndirectory = \"{}\"\n\
                 file_id = \"acme\"\npassword_env = \"ALLEO_TEST_PASSWORD\"\ntimeout_secs = 5\nretries = 1\n{extra}",
                folder.display()
            ),
        )
        .unwrap();
        fs::create_dir(dir.path().join("exports")).unwrap();
        Setup { dir }
    }

    fn sshd(sshd: &Sshd) -> Setup {
        Setup::new(
            sshd.port,
            &sshd.folder,
            &format!("host_key = \"{}\"\n", sshd.fingerprint()),
        )
    }

    fn ftpd(ftpd: &Ftpd) -> Setup {
        let setup = Setup::new(ftpd.port, Path::new("/"), "protocol = \"ftp\"\n");
        setup.edit_config("directory = \"/\"\n", "");
        setup
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn edit_config(&self, from: &str, to: &str) {
        let toml = fs::read_to_string(self.path("alleo.toml")).unwrap();
        assert!(toml.contains(from), "{from} is not in alleo.toml");
        fs::write(self.path("alleo.toml"), toml.replace(from, to)).unwrap();
    }

    /// Writes an export into exports/, `age` old.
    fn export(&self, name: &str, bytes: &[u8], age: Duration) -> PathBuf {
        let path = self.path("exports").join(name);
        fs::write(&path, bytes).unwrap();
        let file = fs::File::options().write(true).open(&path).unwrap();
        file.set_modified(SystemTime::now() - age).unwrap();
        path
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_alleo-sync"));
        command
            .args(args)
            .current_dir(self.dir.path())
            .env("NO_COLOR", "1")
            .env("ALLEO_TEST_PASSWORD", PASSWORD)
            .env("XDG_STATE_HOME", self.dir.path().join(".xdg"))
            .stdin(Stdio::null());
        command
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().unwrap()
    }

    fn spawn(&self, args: &[&str]) -> Child {
        self.command(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    }

    fn sync(&self, extra: &[&str]) -> Output {
        let mut args = vec!["sync", "--as-of", "2026-11-26"];
        args.extend_from_slice(extra);
        self.run(&args)
    }

    fn history(&self) -> Vec<serde_json::Value> {
        fs::read_to_string(self.path("state/history.jsonl"))
            .unwrap_or_default()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }
}

fn the_export() -> Vec<u8> {
    fs::read(example("dutch-export/export.csv")).unwrap()
}

/// The Alleo file `transform` makes of `export`, as the CLI writes it.
fn transformed(setup: &Setup, export: &Path) -> Vec<u8> {
    let out = setup.run(&[
        "transform",
        &export.display().to_string(),
        "-o",
        "expected.csv",
        "--as-of",
        "2026-11-26",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    let bytes = fs::read(setup.path("expected.csv")).unwrap();
    fs::remove_file(setup.path("expected.csv")).unwrap();
    bytes
}

fn sha256(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    Sha256::digest(bytes)
        .iter()
        .fold(String::new(), |mut hex, b| {
            let _ = write!(hex, "{b:02x}");
            hex
        })
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}{}", stdout(o), stderr(o)))
}

fn ok(out: &Output) {
    assert_eq!(out.status.code(), Some(0), "{}{}", stdout(out), stderr(out));
}

/// Waits (at most 20 s) for `done`.
fn wait_for(what: &str, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "waited in vain for {what}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_sync_delivers_the_newest_export_and_records_it_and_history_shows_it() {
    let sshd = Sshd::start();
    let setup = Setup::sshd(&sshd);
    // An older export that is not even an export: the newest one is taken.
    setup.export(
        "medewerkers_2026-11-26.csv",
        b"not;an;export\n",
        Duration::from_secs(86_400),
    );
    let export = setup.export("medewerkers_2026-11-27.csv", &the_export(), Duration::ZERO);
    let expected = transformed(&setup, &export);

    let out = setup.sync(&["--format", "json"]);
    ok(&out);
    let said = json(&out);
    assert_eq!(said["sent"], true, "{said}");
    assert_eq!(sshd.files(), ["alleo_employees_acme.csv"]);
    let delivered = fs::read(sshd.folder.join("alleo_employees_acme.csv")).unwrap();
    assert!(
        delivered == expected,
        "sync sends what transform writes, byte for byte"
    );
    assert!(fs::read(setup.path("state/last-delivered.csv")).unwrap() == expected);

    let history = setup.history();
    assert_eq!(history.len(), 1);
    let run = &history[0];
    assert_eq!(run["command"], "sync");
    assert_eq!(run["outcome"], "delivered");
    assert_eq!(run["export"]["name"], export.display().to_string());
    assert_eq!(run["export"]["sha256"], sha256(&the_export()));
    assert_eq!(run["sent"]["name"], "alleo_employees_acme.csv");
    assert_eq!(run["sent"]["sha256"], sha256(&expected));
    assert_eq!(run["sent"]["size"], expected.len());
    assert_eq!(run["rows"], 12);
    assert_eq!(run["host_key"], sshd.fingerprint());
    assert_eq!(run["attempts"], 1);
    assert_eq!(
        run["remote_path"],
        format!("{}/alleo_employees_acme.csv", sshd.folder.display())
    );
    let kept = PathBuf::from(run["kept"].as_str().unwrap());
    assert!(fs::read(&kept).unwrap() == expected);
    assert_eq!(
        fs::metadata(&kept).unwrap().permissions().mode() & 0o777,
        0o600
    );

    // The next day's export: one person is no longer in it, one has a new last name.
    let next: Vec<u8> = the_export()
        .split_inclusive(|&b| b == b'\n')
        .filter(|line| !line.windows(10).any(|w| w == b"zoe.dejong"))
        .flat_map(|line| {
            let at = line.windows(5).position(|w| w == b"Vries");
            match at {
                Some(at) => [&line[..at], b"Vries-Bakker", &line[at + 5..]].concat(),
                None => line.to_vec(),
            }
        })
        .collect();
    setup.export("medewerkers_2026-11-28.csv", &next, Duration::ZERO);
    let out = setup.sync(&[]);
    ok(&out);
    let text = stdout(&out);
    assert!(text.contains("Plan: 0 to onboard, 1 to update"), "{text}");
    assert_eq!(setup.history().len(), 2);

    history_lists_the_runs_and_diffs_the_deliveries(&setup);
}

/// `history` and `history diff` after two deliveries: one update, one absent.
fn history_lists_the_runs_and_diffs_the_deliveries(setup: &Setup) {
    let out = setup.run(&["history"]);
    ok(&out);
    let listed = stdout(&out);
    assert_eq!(listed.matches("  sync  delivered  ").count(), 2, "{listed}");
    let out = setup.run(&["history", "--format", "json", "--lang", "nl"]);
    ok(&out);
    assert_eq!(json(&out).as_array().unwrap().len(), 2);

    // The plan between the two kept deliveries, as `diff` gives it.
    let names: Vec<String> = setup
        .history()
        .iter()
        .map(|r| {
            Path::new(r["kept"].as_str().unwrap())
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    let out = setup.run(&[
        "history",
        "diff",
        &names[0],
        &names[1],
        "--format",
        "json",
        "--as-of",
        "2026-11-26",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    let plan = json(&out);
    assert_eq!(plan["summary"]["update"], 1, "{plan}");
    assert_eq!(plan["summary"]["absent"], 1, "{plan}");
    let out = setup.run(&["history", "diff", "1999", &names[1]]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no kept delivery is named 1999"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn no_export_exits_2_naming_the_pattern_and_as_one_json_object() {
    let sshd = Sshd::start();
    let setup = Setup::sshd(&sshd);
    let out = setup.sync(&[]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("no export matches") && err.contains("exports/medewerkers_*.csv"),
        "{err}"
    );

    let out = setup.sync(&["--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
    let failure = json(&out);
    assert_eq!(failure["outcome"], "failed");
    assert_eq!(failure["stage"], "export");
    assert_eq!(failure["exit_code"], 2);
    assert!(
        failure["reason"]
            .as_str()
            .unwrap()
            .contains("medewerkers_*.csv")
    );
    // Recorded, so that a failing night is seen.
    let history = setup.history();
    assert_eq!(history.len(), 2);
    assert_eq!(history[1]["outcome"], "failed");
    assert!(sshd.files().is_empty());
}

#[test]
fn a_push_that_cannot_deliver_prints_one_json_object_too() {
    let unused = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = unused.local_addr().unwrap().port();
    drop(unused);
    let setup = Setup::new(
        port,
        Path::new("/upload"),
        "host_key = \"SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"\nretries = 0\n",
    );
    setup.edit_config("retries = 1\n", "");
    fs::copy(
        example("alleo_employees_clean.csv"),
        setup.path("alleo_employees_acme.csv"),
    )
    .unwrap();
    // The example's own configuration (the file needs it), and where to deliver.
    let toml = fs::read_to_string(setup.path("alleo.toml")).unwrap();
    let sections = &toml[toml.find("[state]").unwrap()..];
    let example_toml = fs::read_to_string(example("alleo.toml")).unwrap();
    fs::write(
        setup.path("push.toml"),
        format!("{example_toml}\n{sections}"),
    )
    .unwrap();
    let out = setup.run(&[
        "push",
        "alleo_employees_acme.csv",
        "--as-of",
        "2026-11-26",
        "--config",
        "push.toml",
        "--format",
        "json",
    ]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    let failure = json(&out);
    assert_eq!(failure["outcome"], "failed", "{failure}");
    assert_eq!(failure["stage"], "delivery", "{failure}");
    assert_eq!(failure["exit_code"], 2);
    assert!(
        failure["reason"].as_str().unwrap().contains("127.0.0.1"),
        "{failure}"
    );
    let history = setup.history();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0]["command"], "push");
    assert_eq!(history[0]["outcome"], "failed");
}

#[test]
fn a_second_run_exits_2_at_once_while_the_first_holds_the_lock() {
    let sshd = Sshd::start();
    // A server that accepts and never answers: the first run waits on it.
    let proxy = Proxy::start(sshd.port, Fault::BlackHole);
    let setup = Setup::sshd(&sshd);
    setup.edit_config(
        &format!("port = {}", sshd.port),
        &format!("port = {}", proxy.port),
    );
    setup.export("medewerkers_1.csv", &the_export(), Duration::ZERO);
    let mut first = setup.spawn(&["sync", "--as-of", "2026-11-26"]);
    wait_for("the first run to connect", || {
        proxy.connections.load(std::sync::atomic::Ordering::SeqCst) > 0
    });

    let started = Instant::now();
    let second = setup.sync(&["--format", "json"]);
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "the second run does not wait"
    );
    assert_eq!(second.status.code(), Some(2));
    let failure = json(&second);
    assert_eq!(failure["stage"], "lock");
    let reason = failure["reason"].as_str().unwrap();
    assert!(
        reason.contains(&format!(
            "another alleo-sync run (process {} since ",
            first.id()
        )),
        "{reason}"
    );
    first.kill().unwrap();
    first.wait().unwrap();
    assert!(sshd.files().is_empty());
}

#[test]
fn a_run_killed_mid_upload_leaves_the_final_name_and_the_state_alone_and_the_next_run_delivers() {
    // A server that stops reading every upload after 100 bytes.
    let stalling = Ftpd::start_stalling(100);
    let setup = Setup::ftpd(&stalling);
    setup.edit_config("timeout_secs = 5", "timeout_secs = 60");
    setup.export("medewerkers_1.csv", &the_export(), Duration::ZERO);
    let mut run = setup.spawn(&["sync", "--as-of", "2026-11-26"]);
    let uploading = || {
        fs::read_dir(stalling.folder())
            .unwrap()
            .filter_map(Result::ok)
            .any(|e| e.file_name().to_string_lossy().ends_with(".part"))
    };
    wait_for("the upload to start", uploading);
    std::thread::sleep(Duration::from_millis(300));
    run.kill().unwrap(); // SIGKILL: no chance to clean up
    run.wait().unwrap();

    assert!(
        !stalling.folder().join("alleo_employees_acme.csv").exists(),
        "nothing under the final name"
    );
    assert!(
        !setup.path("state/last-delivered.csv").exists(),
        "the state is unchanged"
    );

    // The lock died with the process: the next run, to a working server, delivers.
    let ftpd = Ftpd::start(None);
    setup.edit_config(
        &format!("port = {}", stalling.port),
        &format!("port = {}", ftpd.port),
    );
    let out = setup.sync(&[]);
    ok(&out);
    assert_eq!(ftpd.files(), ["alleo_employees_acme.csv"]);
    assert!(setup.path("state/last-delivered.csv").exists());
}

/// A local HTTP server that answers `status` to each request and hands over
/// each request's body.
fn hook(status: u16) -> (u16, mpsc::Receiver<String>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut request = Vec::new();
            let mut buf = [0; 4096];
            // Headers, then as many body bytes as Content-Length says.
            let body = loop {
                let n = stream.read(&mut buf).unwrap_or(0);
                if n == 0 {
                    break String::new();
                }
                request.extend_from_slice(&buf[..n]);
                let text = String::from_utf8_lossy(&request).into_owned();
                if let Some(end) = text.find("\r\n\r\n") {
                    let length: usize = text[..end]
                        .lines()
                        .find_map(|l| {
                            l.to_ascii_lowercase()
                                .strip_prefix("content-length:")
                                .map(|v| v.trim().parse().unwrap())
                        })
                        .unwrap_or(0);
                    if request.len() >= end + 4 + length {
                        break text[end + 4..end + 4 + length].to_owned();
                    }
                }
            };
            let _ = write!(
                stream,
                "HTTP/1.1 {status} X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
            let _ = tx.send(body);
        }
    });
    (port, rx)
}

#[test]
fn a_notification_is_posted_and_one_that_fails_changes_no_exit_code() {
    let sshd = Sshd::start();
    let (port, bodies) = hook(200);
    let setup = Setup::sshd(&sshd);
    let toml = fs::read_to_string(setup.path("alleo.toml")).unwrap();
    fs::write(
        setup.path("alleo.toml"),
        format!("{toml}\n[notify]\nurl = \"http://127.0.0.1:{port}/hook\"\non = \"always\"\n"),
    )
    .unwrap();
    setup.export("medewerkers_1.csv", &the_export(), Duration::ZERO);
    ok(&setup.sync(&[]));
    let body: serde_json::Value =
        serde_json::from_str(&bodies.recv_timeout(Duration::from_secs(10)).unwrap()).unwrap();
    assert_eq!(body["source"], "alleo-sync");
    assert_eq!(body["run"]["outcome"], "delivered");
    assert_eq!(body["run"]["rows"], 12);
    assert!(
        body.get("errors").is_none(),
        "no cells unless values = true"
    );
    assert!(
        !body.to_string().contains("@example"),
        "no addresses: {body}"
    );

    // A receiver that fails: said, recorded, and the run still succeeds.
    let (failing, _) = hook(500);
    setup.edit_config(
        &format!("127.0.0.1:{port}"),
        &format!("127.0.0.1:{failing}"),
    );
    let out = setup.sync(&[]);
    ok(&out);
    assert!(
        stderr(&out).contains("the notification to http://127.0.0.1:"),
        "{}",
        stderr(&out)
    );
    let history = setup.history();
    assert!(
        history[1]["notify_error"].as_str().unwrap().contains("500"),
        "{}",
        history[1]
    );

    // Only on failure (the default): a delivered run posts nothing.
    setup.edit_config("on = \"always\"", "on = \"failure\"");
    setup.edit_config(
        &format!("127.0.0.1:{failing}"),
        &format!("127.0.0.1:{port}"),
    );
    ok(&setup.sync(&[]));
    assert!(bodies.recv_timeout(Duration::from_millis(500)).is_err());
    // An invalid export is refused, and that is posted, with its cells when asked.
    fs::write(
        setup.path("exports/medewerkers_1.csv"),
        b"E-mailadres;Voornaam;Achternaam\nnot-an-address;Jan;Smit\n",
    )
    .unwrap();
    let toml = fs::read_to_string(setup.path("alleo.toml")).unwrap();
    fs::write(setup.path("alleo.toml"), format!("{toml}values = true\n")).unwrap();
    let out = setup.sync(&[]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    let body: serde_json::Value =
        serde_json::from_str(&bodies.recv_timeout(Duration::from_secs(10)).unwrap()).unwrap();
    assert_eq!(body["run"]["outcome"], "refused");
    assert_eq!(body["errors"][0]["value"], "not-an-address", "{body}");
}

#[test]
fn schedule_prints_crontab_lines_and_systemd_units_that_run_sync_before_each_pickup() {
    let dir = tempfile::tempdir().unwrap();
    let schedule = |kind: &str| {
        let out = common::alleo_sync_in(
            dir.path(),
            &[
                "schedule",
                kind,
                "--binary",
                "/bin/true",
                "--config",
                "/etc/alleo-sync/alleo.toml",
            ],
            None,
        );
        ok(&out);
        stdout(&out)
    };
    let cron = schedule("--cron");
    let lines: Vec<&str> = cron.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(
        lines,
        [
            "CRON_TZ=UTC",
            "15 2 * * * /bin/true sync --config /etc/alleo-sync/alleo.toml --format json",
            "30 19 * * * /bin/true sync --config /etc/alleo-sync/alleo.toml --format json",
        ]
    );

    let units = schedule("--systemd");
    let at = units
        .find("# /etc/systemd/system/alleo-sync.timer")
        .unwrap();
    let (service, timer) = units.split_at(at);
    for needed in [
        "ExecStart=/bin/true sync --config /etc/alleo-sync/alleo.toml --format json",
        "StateDirectory=alleo-sync",
        "LoadCredential=sftp-password:/etc/alleo-sync/sftp-password",
        "password_file = \"/run/credentials/alleo-sync.service/sftp-password\"",
        "NoNewPrivileges=yes",
        "ProtectSystem=strict",
    ] {
        assert!(service.contains(needed), "{needed}\n{service}");
    }
    assert!(
        timer.contains("OnCalendar=*-*-* 02:15:00 UTC\nOnCalendar=*-*-* 19:30:00 UTC"),
        "{timer}"
    );

    // systemd itself reads them without a complaint.
    let Some(analyze) = tool("systemd-analyze") else {
        return;
    };
    fs::write(dir.path().join("alleo-sync.service"), service).unwrap();
    fs::write(dir.path().join("alleo-sync.timer"), timer).unwrap();
    let out = Command::new(&analyze)
        .args(["verify", "alleo-sync.service", "alleo-sync.timer"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success() && out.stderr.is_empty(),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    // And would say so of a mistake.
    fs::write(
        dir.path().join("alleo-sync.timer"),
        timer.replace("02:15:00 UTC", "02:75:00 UTC"),
    )
    .unwrap();
    let out = Command::new(&analyze)
        .args(["verify", "alleo-sync.timer"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(stderr(&out).contains("calendar"), "{}", stderr(&out));
}

/// `name` on the PATH; under CI a missing tool fails the test, elsewhere it is
/// said and the check that needs it is left out.
fn tool(name: &str) -> Option<PathBuf> {
    let found = std::env::var_os("PATH")
        .iter()
        .flat_map(std::env::split_paths)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file());
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "{name} is needed under CI (apt install systemd)"
        );
        eprintln!("note: {name} is not installed: the units were not verified by systemd");
    }
    found
}

#[test]
fn an_export_that_is_already_an_alleo_file_passes_through_unchanged() {
    let sshd = Sshd::start();
    let setup = Setup::sshd(&sshd);
    // The example's own configuration: no [input] that forces another dialect.
    let toml = fs::read_to_string(setup.path("alleo.toml")).unwrap();
    let sections = &toml[toml.find("[state]").unwrap()..];
    let example_toml = fs::read_to_string(example("alleo.toml")).unwrap();
    fs::write(
        setup.path("alleo.toml"),
        format!("{example_toml}\n{sections}"),
    )
    .unwrap();
    // The example file with its columns under Alleo's own names, as transform makes it.
    let canonical = transformed(&setup, Path::new(&example("alleo_employees_clean.csv")));
    setup.export("medewerkers_1.csv", &canonical, Duration::ZERO);
    ok(&setup.sync(&[]));
    assert!(fs::read(sshd.folder.join("alleo_employees_acme.csv")).unwrap() == canonical);
}

/// A first run has no delivery of its own to compare with: `--previous` gives one
/// (here the file the export makes, as Alleo's reporting would list the same
/// people), and the plan then knows everyone.
#[test]
fn a_first_sync_takes_its_previous_state_from_the_command_line() {
    let sshd = Sshd::start();
    let setup = Setup::sshd(&sshd);
    let export = setup.export("medewerkers_1.csv", &the_export(), Duration::ZERO);
    let first = setup.sync(&["--dry-run", "--format", "json"]);
    let alone = json(&first);
    assert!(
        alone["plan"].is_null(),
        "no previous state, no plan: {alone}"
    );
    fs::write(setup.path("sent.csv"), transformed(&setup, &export)).unwrap();
    let with = setup.sync(&["--dry-run", "--format", "json", "--previous", "sent.csv"]);
    let plan = json(&with);
    assert_eq!(plan["plan"]["onboard"], 0, "{plan}");
    assert!(plan["plan"]["unchanged"].as_u64().unwrap() > 0, "{plan}");
    assert!(
        !setup.path("state/history.jsonl").exists()
            || setup.history().iter().all(|h| h["outcome"] != "delivered")
    );
    assert!(
        !String::from_utf8_lossy(&with.stderr).contains("note:"),
        "nothing delivered yet: no note"
    );
    // Once there is a delivery, --previous still wins, and says so on every run.
    ok(&setup.sync(&[]));
    let later = setup.sync(&["--dry-run", "--previous", "sent.csv"]);
    let note = String::from_utf8_lossy(&later.stderr).into_owned();
    assert!(
        note.contains("note: the previous state is sent.csv (--previous), not the last delivery"),
        "{note}"
    );
    let dutch = setup.sync(&["--dry-run", "--previous", "sent.csv", "--lang", "nl"]);
    let note = String::from_utf8_lossy(&dutch.stderr).into_owned();
    assert!(
        note.contains("let op: de vorige stand is sent.csv (--previous), niet de laatste levering"),
        "{note}"
    );
    // A run that delivers with it records it in the history; one without does not.
    ok(&setup.sync(&["--previous", "sent.csv"]));
    let history = setup.history();
    let last = history.last().unwrap();
    assert_eq!(last["outcome"], "delivered", "{last}");
    assert_eq!(last["previous_given"], "sent.csv", "{last}");
    assert!(
        history[..history.len() - 1]
            .iter()
            .all(|h| h.get("previous_given").is_none()),
        "only the run given --previous over a delivery: {history:?}"
    );
    let listed = String::from_utf8_lossy(&setup.run(&["history"]).stdout).into_owned();
    assert!(
        listed.contains("checked against sent.csv (--previous), not the last delivery"),
        "{listed}"
    );
}
