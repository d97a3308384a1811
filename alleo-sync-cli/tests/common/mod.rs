//! Running the `alleo-sync` binary from integration tests.
// Each test crate uses a part of these.
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

pub fn example(name: &str) -> String {
    root()
        .join("examples")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

/// `alleo-sync` run in an empty directory (so no stray ./alleo.toml is picked up),
/// without colour.
pub fn alleo_sync(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let dir = tempfile::tempdir().unwrap();
    alleo_sync_in(dir.path(), args, stdin)
}

pub fn alleo_sync_in(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    spawn_in(dir, args, stdin).wait_with_output().unwrap()
}

/// `alleo-sync` started in `dir`, without colour; `stdin` is written and closed.
pub fn spawn_in(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Child {
    let mut child = Command::new(env!("CARGO_BIN_EXE_alleo-sync"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        // The state folder of the test's own folder, never the user's.
        .env("XDG_STATE_HOME", dir.join(".state"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let bytes = stdin.unwrap_or_default().to_vec();
    // A run that stops early (a bad config, a closed pipe) may not read all its input.
    std::thread::spawn(move || {
        let _ = input.write_all(&bytes);
    });
    child
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}
