//! `alleo-sync push` and `check-connection` against a real OpenSSH server and a
//! real FTP server on 127.0.0.1 (see servers/mod.rs), with faults from a TCP proxy
//! and from inside the FTP server.

mod common;
mod servers;

use std::fmt::Write as _;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use common::{example, stderr, stdout};
use servers::{Fault, Ftpd, PASSWORD, Proxy, Sshd, USER, read_only};

/// A test's own folder: alleo.toml, the file, and the state folder.
struct Setup {
    dir: tempfile::TempDir,
}

impl Setup {
    /// `[sftp]` for `port` (the server's or a proxy's), with `extra` lines.
    fn new(port: u16, folder: &Path, extra: &str) -> Setup {
        let dir = tempfile::tempdir().unwrap();
        // The example's settings, which the example file needs, and where to deliver.
        let example_toml = fs::read_to_string(example("alleo.toml")).unwrap();
        fs::write(
            dir.path().join("alleo.toml"),
            format!(
                "{example_toml}\n[state]\ndir = \"state\"\n\n[sftp]\nhost = \"127.0.0.1\"\nport = {port}\nuser = \"{USER}\"\n\
                 directory = \"{}\"\nfile_id = \"acme\"\npassword_env = \"ALLEO_TEST_PASSWORD\"\n\
                 timeout_secs = 5\nretries = 1\n{extra}",
                folder.display()
            ),
        )
        .unwrap();
        fs::copy(
            example("alleo_employees_clean.csv"),
            dir.path().join("alleo_employees_acme.csv"),
        )
        .unwrap();
        Setup { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn run(&self, args: &[&str], password: &str) -> Output {
        Command::new(env!("CARGO_BIN_EXE_alleo-sync"))
            .args(args)
            .current_dir(self.dir.path())
            .env("NO_COLOR", "1")
            .env("ALLEO_TEST_PASSWORD", password)
            .env("XDG_STATE_HOME", self.dir.path().join(".xdg"))
            .stdin(Stdio::null())
            .output()
            .unwrap()
    }

    fn push(&self, extra: &[&str]) -> Output {
        let mut args = vec!["push", "alleo_employees_acme.csv", "--as-of", "2026-11-26"];
        args.extend_from_slice(extra);
        self.run(&args, PASSWORD)
    }

    /// Replaces `from` with `to` in the test's alleo.toml.
    fn edit_config(&self, from: &str, to: &str) {
        let toml = fs::read_to_string(self.path("alleo.toml")).unwrap();
        assert!(toml.contains(from), "{from} is not in alleo.toml");
        fs::write(self.path("alleo.toml"), toml.replace(from, to)).unwrap();
    }

    fn state(&self) -> Option<Vec<u8>> {
        fs::read(self.path("state/last-delivered.csv")).ok()
    }
}

/// A valid file of `n` generated employees.
fn employees(n: usize) -> String {
    let mut file = String::from("Email,First name,Last name\n");
    for i in 0..n {
        writeln!(file, "employee.{i}@example.nl,Employee,Number {i}").unwrap();
    }
    file
}

/// Checks a push that failed after retrying and left nothing behind: exit 2, a
/// retry announced, no file in the folder (final or temporary), the state as it
/// was. Returns what it printed on stderr.
fn failed_leaving_nothing(out: &Output, files: &[String], setup: &Setup) -> String {
    assert_eq!(out.status.code(), Some(2), "{}{}", stdout(out), stderr(out));
    let err = stderr(out);
    assert!(
        err.contains("trying again"),
        "a broken connection is retried: {err}"
    );
    assert!(
        files.is_empty(),
        "no final file and no temporary one: {files:?}\n{err}"
    );
    assert_eq!(setup.state(), None);
    err
}

fn pin(sshd: &Sshd) -> String {
    format!("host_key = \"{}\"\n", sshd.fingerprint())
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(o)))
}

#[test]
fn a_push_delivers_the_file_whole_and_alone_and_keeps_the_state() {
    let sshd = Sshd::start();
    let setup = Setup::new(sshd.port, &sshd.folder, &pin(&sshd));
    let out = setup.push(&["--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    assert_eq!(
        sshd.files(),
        ["alleo_employees_acme.csv"],
        "nothing else is left"
    );
    let sent = fs::read(setup.path("alleo_employees_acme.csv")).unwrap();
    assert_eq!(
        fs::read(sshd.folder.join("alleo_employees_acme.csv")).unwrap(),
        sent
    );
    assert_eq!(
        setup.state(),
        Some(sent.clone()),
        "the delivered file is the previous state"
    );
    let result = json(&out);
    assert_eq!(result["sent"], true);
    let delivery = &result["delivery"];
    assert_eq!(delivery["bytes"], sent.len());
    assert_eq!(delivery["host_key"], sshd.fingerprint());
    assert_eq!(delivery["renamed"], "atomic");
    assert_eq!(delivery["attempts"], 1);
    assert_eq!(
        delivery["remote_path"],
        format!("{}/alleo_employees_acme.csv", sshd.folder.display())
    );
    assert!(delivery["seconds"].as_f64().unwrap() > 0.0);

    // Pushed again: the plan is against what was delivered, and the file under the
    // final name is replaced in one step.
    let fewer: Vec<&[u8]> = sent.split_inclusive(|&b| b == b'\n').take(5).collect();
    let fewer = fewer.concat();
    fs::write(setup.path("alleo_employees_acme.csv"), &fewer).unwrap();
    let again = setup.push(&["--format", "json"]);
    assert_eq!(
        again.status.code(),
        Some(0),
        "{}{}",
        stdout(&again),
        stderr(&again)
    );
    let again = json(&again);
    assert_eq!(again["delivery"]["renamed"], "atomic");
    assert!(again["plan"]["unchanged"].as_u64().unwrap() > 0, "{again}");
    assert_eq!(sshd.files(), ["alleo_employees_acme.csv"]);
    assert_eq!(
        fs::read(sshd.folder.join("alleo_employees_acme.csv")).unwrap(),
        fewer
    );
}

#[test]
fn the_text_output_says_what_was_delivered_where() {
    let sshd = Sshd::start();
    let setup = Setup::new(sshd.port, &sshd.folder, &pin(&sshd));
    let out = setup.push(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("Delivered "), "{text}");
    assert!(text.contains(&sshd.fingerprint()), "{text}");
    assert!(text.contains("Kept as the previous state"), "{text}");
    assert!(!text.contains(PASSWORD) && !stderr(&out).contains(PASSWORD));
    // In Dutch (and German) the whole push speaks the language: the report, the
    // plan against the state just kept, and the delivery.
    let out = setup.push(&["--lang", "nl"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    for dutch in [
        "Gecontroleerd voor",
        "Plan: 0 onboarden",
        "afgeleverd bij",
        "Alleo haalt het op op",
        "Bewaard als vorige stand",
    ] {
        assert!(text.contains(dutch), "{dutch}: {text}");
    }
    let out = setup.run(&["check-connection", "--lang", "de"], PASSWORD);
    assert!(stdout(&out).contains("angemeldet"), "{}", stdout(&out));
}

#[test]
fn a_wrong_password_is_not_retried_and_changes_nothing() {
    let sshd = Sshd::start();
    let setup = Setup::new(sshd.port, &sshd.folder, &pin(&sshd));
    let out = setup.run(
        &["push", "alleo_employees_acme.csv", "--as-of", "2026-11-26"],
        "wrong-password",
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("refused the login"), "{err}");
    assert!(
        err.contains("ALLEO_TEST_PASSWORD"),
        "names where the password came from: {err}"
    );
    assert!(!err.contains("trying again"), "{err}");
    assert!(!err.contains("wrong-password"));
    assert!(sshd.files().is_empty());
    assert_eq!(setup.state(), None);
    // In the language asked for, every word of it.
    let out = setup.run(
        &[
            "push",
            "alleo_employees_acme.csv",
            "--as-of",
            "2026-11-26",
            "--lang",
            "nl",
        ],
        "wrong-password",
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.starts_with("fout: "), "{err}");
    assert!(
        err.contains("weigerde de login: de gebruiker of het wachtwoord klopt niet. Controleer [sftp] user, en het wachtwoord in de omgevingsvariabele ALLEO_TEST_PASSWORD (password_env)"),
        "{err}"
    );
}

#[test]
fn a_wrong_host_key_stops_before_the_password_is_sent() {
    let sshd = Sshd::start();
    let other = "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    let setup = Setup::new(
        sshd.port,
        &sshd.folder,
        &format!("host_key = \"{other}\"\n"),
    );
    let out = setup.push(&[]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("not the one expected"), "{err}");
    assert!(
        err.contains(&sshd.fingerprint()),
        "shows the key seen: {err}"
    );
    assert!(err.contains(other), "{err}");
    assert!(!err.contains("trying again"), "{err}");
    let log = sshd.log();
    assert!(
        !log.contains("Failed password") && !log.contains("Accepted password"),
        "no password reached the server:\n{log}"
    );
    assert!(sshd.files().is_empty());
}

#[test]
fn an_unknown_host_says_how_to_pin_it() {
    let sshd = Sshd::start();
    let setup = Setup::new(sshd.port, &sshd.folder, "known_hosts = \"known_hosts\"\n");
    fs::write(setup.path("known_hosts"), "").unwrap();
    let out = setup.push(&[]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("is not a known server"), "{err}");
    assert!(
        err.contains(&format!("host_key = \"{}\"", sshd.fingerprint())),
        "{err}"
    );
    let out = setup.push(&["--lang", "de"]);
    let err = stderr(&out);
    assert!(
        err.contains("ist kein bekannter Server: sein Host-Schlüssel"),
        "{err}"
    );
    assert!(err.contains("steht nicht in"), "{err}");
    assert!(!sshd.log().contains("password for"), "{}", sshd.log());

    // Once in known_hosts, it is trusted.
    fs::write(setup.path("known_hosts"), sshd.known_hosts_line(sshd.port)).unwrap();
    let out = setup.push(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn a_missing_folder_and_a_read_only_folder_are_explained() {
    let sshd = Sshd::start();
    let missing = sshd.folder.join("no-such-folder");
    let setup = Setup::new(sshd.port, &missing, &pin(&sshd));
    let out = setup.push(&[]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("could not list the folder") && err.contains("no such file"),
        "{err}"
    );

    let locked = sshd.folder.join("locked");
    fs::create_dir(&locked).unwrap();
    read_only(&locked);
    let setup = Setup::new(sshd.port, &locked, &pin(&sshd));
    let out = setup.push(&[]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("permission denied"), "{err}");
    assert_eq!(fs::read_dir(&locked).unwrap().count(), 0);
    assert_eq!(setup.state(), None);
}

#[test]
fn another_waiting_file_is_refused_unless_replace() {
    let sshd = Sshd::start();
    sshd.put("alleo_employees_old.csv", b"Email\nold@example.nl\n");
    sshd.put("notes.txt", b"not a pickup file");
    let setup = Setup::new(sshd.port, &sshd.folder, &pin(&sshd));
    let out = setup.push(&[]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("alleo_employees_old.csv") && err.contains("--replace"),
        "{err}"
    );
    assert_eq!(
        sshd.files(),
        ["alleo_employees_old.csv", "notes.txt"],
        "untouched"
    );
    assert_eq!(
        fs::read(sshd.folder.join("alleo_employees_old.csv")).unwrap(),
        b"Email\nold@example.nl\n"
    );

    let out = setup.push(&["--replace", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        json(&out)["delivery"]["replaced"],
        serde_json::json!(["alleo_employees_old.csv"])
    );
    assert_eq!(sshd.files(), ["alleo_employees_acme.csv", "notes.txt"]);
}

#[test]
fn a_connection_cut_mid_upload_leaves_no_file_and_no_state() {
    let sshd = Sshd::start();
    // Every connection is cut after 300 KB from the client: the uploads never
    // finish, while the small clean-up connection gets through.
    let proxy = Proxy::start(sshd.port, Fault::CutAfter(300_000));
    let setup = Setup::new(proxy.port, &sshd.folder, &pin(&sshd));
    let file = employees(60_000);
    assert!(file.len() > 2_000_000);
    fs::write(setup.path("alleo_employees_acme.csv"), &file).unwrap();
    let out = setup.push(&["--no-previous"]);
    failed_leaving_nothing(&out, &sshd.files(), &setup);
    assert!(proxy.connections.load(std::sync::atomic::Ordering::SeqCst) >= 3);
}

#[test]
fn a_black_holed_connection_times_out_and_is_retried() {
    let sshd = Sshd::start();
    let proxy = Proxy::start(sshd.port, Fault::BlackHole);
    let setup = Setup::new(proxy.port, &sshd.folder, &pin(&sshd));
    setup.edit_config("timeout_secs = 5", "timeout_secs = 1");
    let started = std::time::Instant::now();
    let out = setup.push(&[]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("did not answer within 1 s"), "{err}");
    assert!(err.contains("trying again"), "{err}");
    assert_eq!(
        proxy.connections.load(std::sync::atomic::Ordering::SeqCst),
        2,
        "one retry"
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
}

#[test]
fn a_refused_connection_is_retried_and_then_succeeds() {
    let sshd = Sshd::start();
    let proxy = Proxy::start(sshd.port, Fault::RefuseFirst(1));
    let setup = Setup::new(proxy.port, &sshd.folder, &pin(&sshd));
    let out = setup.push(&["--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("trying again"));
    assert_eq!(json(&out)["delivery"]["attempts"], 2);
    assert_eq!(sshd.files(), ["alleo_employees_acme.csv"]);
}

#[test]
fn the_password_appears_nowhere() {
    let sshd = Sshd::start();
    let setup = Setup::new(sshd.port, &sshd.folder, &pin(&sshd));
    let out = setup.push(&["--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let check = setup.run(&["check-connection"], PASSWORD);
    for text in [
        stdout(&out),
        stderr(&out),
        stdout(&check),
        stderr(&check),
        sshd.log(),
    ] {
        assert!(!text.contains(PASSWORD), "{text}");
    }
    // It is not an option: clap refuses it.
    let refused = setup.run(
        &["push", "alleo_employees_acme.csv", "--password", PASSWORD],
        PASSWORD,
    );
    assert_eq!(refused.status.code(), Some(2));
    // A password file others can read is refused, without showing its content.
    let file = setup.path("pw");
    fs::write(&file, PASSWORD).unwrap();
    setup.edit_config(
        "password_env = \"ALLEO_TEST_PASSWORD\"",
        "password_file = \"pw\"",
    );
    fs::set_permissions(&file, fs::Permissions::from_mode(0o644)).unwrap();
    let out = setup.push(&[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("chmod 600"), "{}", stderr(&out));
    assert!(!stderr(&out).contains(PASSWORD));
}

#[test]
fn without_password_env_or_file_the_password_is_asked_on_the_terminal() {
    let sshd = Sshd::start();
    let setup = Setup::new(sshd.port, &sshd.folder, &pin(&sshd));
    setup.edit_config("password_env = \"ALLEO_TEST_PASSWORD\"\n", "");
    // Without a terminal: refused, saying how to give one.
    let out = setup.push(&[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("password_env or password_file"),
        "{}",
        stderr(&out)
    );
    // On a terminal (util-linux's `script` gives it one): asked, never echoed.
    let command = format!(
        "{} push alleo_employees_acme.csv --as-of 2026-11-26",
        env!("CARGO_BIN_EXE_alleo-sync")
    );
    let mut child = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .current_dir(setup.path(""))
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("util-linux's script");
    // The password is typed only once the prompt shows, so echo is off by then.
    let mut output = child.stdout.take().unwrap();
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let reader = {
        let seen = std::sync::Arc::clone(&seen);
        std::thread::spawn(move || {
            let mut buf = [0; 1024];
            while let Ok(n) = std::io::Read::read(&mut output, &mut buf) {
                if n == 0 {
                    break;
                }
                seen.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        })
    };
    let started = std::time::Instant::now();
    while !String::from_utf8_lossy(&seen.lock().unwrap()).contains("Password for") {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(30),
            "no prompt"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    std::thread::sleep(std::time::Duration::from_millis(100));
    {
        use std::io::Write as _;
        let mut input = child.stdin.take().unwrap();
        input.write_all(format!("{PASSWORD}\n").as_bytes()).unwrap();
    }
    let status = child.wait().unwrap();
    reader.join().unwrap();
    let text = String::from_utf8_lossy(&seen.lock().unwrap()).into_owned();
    assert_eq!(status.code(), Some(0), "{text}");
    assert!(
        text.contains(&format!("Password for {USER}@127.0.0.1:{}", sshd.port)),
        "{text}"
    );
    assert!(!text.contains(PASSWORD), "{text}");
    assert_eq!(sshd.files(), ["alleo_employees_acme.csv"]);
}

#[test]
fn an_invalid_file_is_never_sent() {
    let sshd = Sshd::start();
    let setup = Setup::new(sshd.port, &sshd.folder, &pin(&sshd));
    fs::copy(
        example("alleo_employees_demo.csv"),
        setup.path("alleo_employees_acme.csv"),
    )
    .unwrap();
    let out = setup.push(&[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("Nothing was sent"),
        "{}",
        stdout(&out)
    );
    assert!(
        !sshd.log().contains(USER),
        "no connection was made:\n{}",
        sshd.log()
    );
    assert!(sshd.files().is_empty());
}

#[test]
fn a_file_with_sensitive_data_is_never_sent_unless_allowed() {
    let sshd = Sshd::start();
    let setup = Setup::new(sshd.port, &sshd.folder, &pin(&sshd));
    // Valid in every other way: citizen service numbers under a custom name.
    let file = "Email,First name,Last name,custom_number\n\
                a@example.nl,Anna,Bakker,111222333\n\
                b@example.nl,Bram,Smit,123456782\n\
                c@example.nl,Cas,Jansen,010000008\n";
    fs::write(setup.path("alleo_employees_acme.csv"), file).unwrap();
    let out = setup.push(&[]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains("sensitive-data") && text.contains("Nothing was sent"),
        "{text}"
    );
    assert!(!text.contains("111222333"), "{text}");
    assert!(
        !sshd.log().contains(USER),
        "no connection was made:\n{}",
        sshd.log()
    );
    assert!(sshd.files().is_empty());

    let toml = fs::read_to_string(setup.path("alleo.toml")).unwrap();
    let allowed = format!("[safety]\nallow_sensitive = [\"custom_number\"]\n\n{toml}");
    fs::write(setup.path("alleo.toml"), allowed).unwrap();
    let out = setup.push(&[]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    assert_eq!(sshd.files().len(), 1);
}

#[test]
fn with_strict_a_file_with_warnings_is_not_sent() {
    let sshd = Sshd::start();
    let setup = Setup::new(sshd.port, &sshd.folder, &pin(&sshd));
    // A blank line between employees: a warning, not an error.
    let mut file = employees(3);
    file.insert(file.find('\n').unwrap() + 1, '\n');
    fs::write(setup.path("alleo_employees_acme.csv"), &file).unwrap();
    let out = setup.push(&["--strict"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("--strict treats them as failures"),
        "{}",
        stdout(&out)
    );
    assert!(sshd.files().is_empty());
    let out = setup.push(&[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(sshd.files(), ["alleo_employees_acme.csv"]);
}

#[test]
fn a_tripped_mass_deactivation_guard_sends_nothing_until_allowed() {
    let sshd = Sshd::start();
    let setup = Setup::new(sshd.port, &sshd.folder, &pin(&sshd));
    let people = |offboarded: usize| {
        let mut file = String::from("Email,First name,Last name,Offboarding date\n");
        for i in 0..20 {
            let end = if i < offboarded { "2027-01-31" } else { "" };
            writeln!(file, "person.{i}@example.nl,Person,Number {i},{end}").unwrap();
        }
        file
    };
    // The last delivery: twenty people; now eight of them leave, more than the
    // default limit (10%, at least 5).
    fs::create_dir_all(setup.path("state")).unwrap();
    fs::write(setup.path("state/last-delivered.csv"), people(0)).unwrap();
    fs::write(setup.path("alleo_employees_acme.csv"), people(8)).unwrap();
    let out = setup.push(&["--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let refused = json(&out);
    assert_eq!(refused["sent"], false);
    assert_eq!(refused["plan"]["deactivate"], 8);
    assert_eq!(refused["delivery"], serde_json::Value::Null);
    assert!(sshd.files().is_empty());
    assert!(!sshd.log().contains(USER), "no connection was made");

    let out = setup.push(&["--allow-deactivations", "8"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    assert!(stdout(&out).contains("8 to deactivate"), "{}", stdout(&out));
    assert_eq!(
        fs::read(setup.path("state/last-delivered.csv")).unwrap(),
        people(8).as_bytes()
    );
}

#[test]
fn a_dry_run_and_check_connection_send_nothing() {
    let sshd = Sshd::start();
    sshd.put("alleo_employees_acme.csv", b"Email\nwaiting@example.nl\n");
    let setup = Setup::new(sshd.port, &sshd.folder, &pin(&sshd));
    let out = setup.push(&["--dry-run"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("A push would send") && text.contains("alleo_employees_acme.csv"),
        "{text}"
    );
    assert_eq!(sshd.files(), ["alleo_employees_acme.csv"]);
    assert_eq!(
        fs::read(sshd.folder.join("alleo_employees_acme.csv")).unwrap(),
        b"Email\nwaiting@example.nl\n"
    );
    assert_eq!(setup.state(), None);

    let out = setup.run(&["check-connection", "--format", "json"], PASSWORD);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let checked = json(&out);
    assert_eq!(
        checked["waiting"],
        serde_json::json!(["alleo_employees_acme.csv"])
    );
    assert_eq!(checked["writable"], true);
    assert_eq!(checked["host_key"], sshd.fingerprint());
    assert_eq!(
        sshd.files(),
        ["alleo_employees_acme.csv"],
        "the probe file is gone"
    );
}

/// `[sftp]` for the FTP server, in `mode`.
fn ftp_setup(ftpd: &Ftpd, mode: &str) -> Setup {
    // The FTP server's root is the login folder: no directory.
    let setup = Setup::new(
        ftpd.port,
        Path::new("/"),
        &format!("protocol = \"ftp\"\nftp_mode = \"{mode}\"\n"),
    );
    setup.edit_config("directory = \"/\"\n", "");
    setup
}

#[test]
fn ftp_passive_and_active_deliver_the_file_whole() {
    for mode in ["passive", "active"] {
        let ftpd = Ftpd::start(None);
        fs::write(
            ftpd.folder().join("alleo_employees_acme.csv"),
            b"Email\nolder@example.nl\n",
        )
        .unwrap();
        let setup = ftp_setup(&ftpd, mode);
        let out = setup.push(&["--format", "json"]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{mode}: {}{}",
            stdout(&out),
            stderr(&out)
        );
        let sent = fs::read(setup.path("alleo_employees_acme.csv")).unwrap();
        assert_eq!(ftpd.files(), ["alleo_employees_acme.csv"], "{mode}");
        assert_eq!(
            fs::read(ftpd.folder().join("alleo_employees_acme.csv")).unwrap(),
            sent,
            "{mode}: byte for byte"
        );
        let result = json(&out);
        assert_eq!(result["delivery"]["bytes"], sent.len());
        assert_eq!(result["delivery"]["host_key"], serde_json::Value::Null);
        assert_eq!(result["delivery"]["renamed"], "atomic");
        assert_eq!(setup.state(), Some(sent));

        let out = setup.run(&["check-connection"], PASSWORD);
        assert_eq!(out.status.code(), Some(0), "{mode}: {}", stderr(&out));
        assert!(
            stdout(&out).contains("alleo_employees_acme.csv"),
            "{}",
            stdout(&out)
        );
        assert_eq!(ftpd.files(), ["alleo_employees_acme.csv"]);
    }
}

#[test]
fn ftp_refuses_other_files_and_a_wrong_password() {
    let ftpd = Ftpd::start(None);
    fs::write(ftpd.folder().join("alleo_employees_old.csv"), b"Email\n").unwrap();
    let setup = ftp_setup(&ftpd, "passive");
    let out = setup.push(&[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("alleo_employees_old.csv"),
        "{}",
        stderr(&out)
    );
    let out = setup.run(
        &["push", "alleo_employees_acme.csv", "--as-of", "2026-11-26"],
        "wrong",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("refused the login"),
        "{}",
        stderr(&out)
    );
    assert!(!stderr(&out).contains("trying again"));
    assert_eq!(ftpd.files(), ["alleo_employees_old.csv"]);
}

#[test]
fn a_cut_ftp_data_connection_leaves_no_file_and_no_state() {
    let ftpd = Ftpd::start(Some(100_000));
    let setup = ftp_setup(&ftpd, "passive");
    let file = employees(20_000);
    fs::write(setup.path("alleo_employees_acme.csv"), &file).unwrap();
    let out = setup.push(&["--no-previous"]);
    failed_leaving_nothing(&out, &ftpd.files(), &setup);
}

#[test]
fn a_stalled_ftp_data_connection_times_out() {
    let ftpd = Ftpd::start_stalling(100_000);
    let setup = ftp_setup(&ftpd, "active");
    setup.edit_config("timeout_secs = 5", "timeout_secs = 1");
    let file = employees(200_000);
    fs::write(setup.path("alleo_employees_acme.csv"), &file).unwrap();
    let started = std::time::Instant::now();
    let out = setup.push(&["--no-previous"]);
    let err = failed_leaving_nothing(&out, &ftpd.files(), &setup);
    assert!(err.contains("did not answer within 1 s"), "{err}");
    assert!(started.elapsed() < std::time::Duration::from_secs(30));
}

#[test]
fn ftps_delivers_to_a_server_its_authority_vouches_for_and_no_other() {
    let ftpd = Ftpd::start_tls();
    let setup = ftp_setup(&ftpd, "passive");
    let toml = fs::read_to_string(setup.path("alleo.toml")).unwrap();
    // The system's authorities do not know this server: refused before the login.
    fs::write(setup.path("alleo.toml"), format!("{toml}ftp_tls = true\n")).unwrap();
    let out = setup.push(&[]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("ftp_tls") && err.contains("ftp_ca_file"),
        "{err}"
    );
    assert!(!err.contains("trying again"), "{err}");
    assert!(ftpd.files().is_empty());

    let ca = ftpd.authority();
    fs::write(
        setup.path("alleo.toml"),
        format!("{toml}ftp_tls = true\nftp_ca_file = \"{}\"\n", ca.display()),
    )
    .unwrap();
    let out = setup.push(&[]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    let sent = fs::read(setup.path("alleo_employees_acme.csv")).unwrap();
    assert_eq!(ftpd.files(), ["alleo_employees_acme.csv"]);
    assert_eq!(
        fs::read(ftpd.folder().join("alleo_employees_acme.csv")).unwrap(),
        sent
    );

    // Plain FTP to a server that requires TLS is refused, and says so.
    fs::write(setup.path("alleo.toml"), &toml).unwrap();
    let out = setup.push(&[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("SSL/TLS required"),
        "the server's reason: {}",
        stderr(&out)
    );
}
