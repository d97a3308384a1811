//! `alleo-sync push` and `alleo-sync check-connection`: deliver the file to the
//! folder Alleo picks it up from, whole, alone and private (SPEC section 7).
//!
//! A push checks the file first (with the previous state, when there is one) and
//! sends nothing if it is invalid. Then: connect, check the host key before the
//! password is sent, log in, refuse if other `alleo_employees_*.csv` files wait in
//! the folder (unless `--replace`), upload under a temporary name Alleo ignores,
//! check the size, rename over the final name, and only then keep the file as the
//! previous state. Transient failures are retried with a growing pause.

pub mod args;
pub mod error;
mod ftp;
pub mod history;
pub mod notify;
mod password;
mod progress;
pub mod record;
mod remote;
pub mod settings;
mod sftp;
pub mod state;
pub mod sync;
pub mod units;

use std::fs::File;
use std::hash::{BuildHasher, RandomState};
use std::io::{self, Read, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use alleo_csv_core::lifecycle::Counts;
use alleo_csv_core::schedule::next_pickup;
use alleo_csv_core::text::delivery::{
    self, Delivered, write_connection, write_counts, write_delivery, write_refused,
};
use alleo_csv_core::{Lang, Report};
use chrono::Utc;
use serde::Serialize;

use crate::config_file::{self, Loaded};
use crate::error::{CliError, Usage};
use crate::push::error::DeliveryError;
use crate::validate_cmd::{self, exit_code};
use alleo_csv_core::naming::is_picked_up;
use args::{CheckConnectionArgs, PushArgs, PushFormat};
use password::Password;
use progress::Progress;
use record::{ErrorFacts, FileFacts, Outcome, Run};
use remote::{Remote, Renamed};
use settings::{Protocol, Settings};
use state::StateDir;

/// Delivers the file; exit 0 when it is in place, 1 when the check refused it.
/// With `--format json`, a failure is one JSON object too.
pub fn run(args: &PushArgs) -> Result<ExitCode, CliError> {
    let mut stage = Stage::Configuration;
    let result = push(args, &mut stage);
    failed_as_json(result, stage, args.deliver.json())
}

fn push(args: &PushArgs, stage: &mut Stage) -> Result<ExitCode, CliError> {
    let loaded = config_file::load(args.check.config.as_deref())?;
    let settings = settings_of(&loaded)?;
    *stage = Stage::Lock;
    let _lock = loaded.state.as_ref().map(StateDir::lock).transpose()?;
    let mut run = Run::new("push", Utc::now(), Outcome::Failed);
    let result = (|| {
        *stage = Stage::Check;
        let checked = check(args, &loaded)?;
        let job = Job {
            payload: Payload::File(Path::new(&args.file)),
            dry_run: args.deliver.dry_run,
            replace: args.deliver.replace,
            strict: args.check.strict,
            lang: args.check.lang,
            json: args.deliver.json(),
        };
        deliver_checked(&job, &loaded, &settings, &checked, stage, &mut run)
    })();
    notify::record(&loaded, run, &result, args.deliver.dry_run)?;
    result
}

/// Where a run stopped, for its JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Stage {
    /// Reading `alleo.toml`.
    Configuration,
    /// Taking the state folder's lock.
    Lock,
    /// Finding and reading the HR export (`sync`).
    Export,
    /// Transforming the export (`sync`).
    Transform,
    /// Checking the file against the rules and the previous state.
    Check,
    /// Connecting, logging in, uploading.
    Delivery,
    /// Recording the delivery in the state folder.
    Record,
}

/// A run's failure as the one JSON object `--format json` promises (exit 2);
/// without JSON, the error goes on to `main`, which prints it.
pub(crate) fn failed_as_json(
    result: Result<ExitCode, CliError>,
    stage: Stage,
    json: bool,
) -> Result<ExitCode, CliError> {
    match result {
        Err(e) if json && !matches!(e, CliError::BrokenPipe) => {
            #[derive(Serialize)]
            struct Failure {
                outcome: Outcome,
                stage: Stage,
                reason: String,
                exit_code: u8,
            }
            print_json(&Failure {
                outcome: Outcome::Failed,
                stage,
                reason: e.to_string(),
                exit_code: 2,
            })?;
            Ok(ExitCode::from(2))
        }
        other => other,
    }
}

/// The Alleo file a run delivers: a file on disk (`push`) or made in memory
/// (`sync`).
#[derive(Debug, Clone, Copy)]
pub(crate) enum Payload<'a> {
    File(&'a Path),
    Bytes(&'a [u8]),
}

impl Payload<'_> {
    /// A failed read of the payload during an upload, said with the file's name
    /// (the remote side only knows its temporary name).
    fn named(&self, e: CliError) -> CliError {
        match (e, self) {
            (CliError::Input { source, .. }, Payload::File(path)) => CliError::Input {
                path: path.display().to_string(),
                source,
            },
            (other, _) => other,
        }
    }

    fn open(&self) -> Result<Box<dyn Read + '_>, CliError> {
        match self {
            Payload::File(path) => Ok(Box::new(File::open(path).map_err(|source| {
                CliError::Input {
                    path: path.display().to_string(),
                    source,
                }
            })?)),
            Payload::Bytes(bytes) => Ok(Box::new(*bytes)),
        }
    }

    fn len(&self) -> Result<u64, CliError> {
        match self {
            Payload::File(path) => Ok(std::fs::metadata(path)
                .map_err(|source| CliError::Input {
                    path: path.display().to_string(),
                    source,
                })?
                .len()),
            Payload::Bytes(bytes) => Ok(bytes.len() as u64),
        }
    }
}

/// Errors a notification with `[notify] values = true` shows.
const FIRST_ERRORS: usize = 20;

/// What a delivering run (`push`, `sync`) delivers, and how.
// The bools are the command line's flags, each on its own.
#[allow(clippy::struct_excessive_bools)]
pub(crate) struct Job<'a> {
    pub payload: Payload<'a>,
    pub dry_run: bool,
    pub replace: bool,
    pub strict: bool,
    pub lang: Lang,
    pub json: bool,
}

/// The delivery after the check: refused (exit 1) or sent, and kept in the state
/// folder (as the previous state, and in `delivered/`) unless it is a dry run.
/// What happened goes into `run`, for the history.
pub(crate) fn deliver_checked(
    job: &Job<'_>,
    loaded: &Loaded,
    settings: &Settings,
    checked: &Checked,
    stage: &mut Stage,
    run: &mut Run,
) -> Result<ExitCode, CliError> {
    let remote_name = settings.remote_name();
    let sent = FileFacts::of(&remote_name, &mut job.payload.open()?).map_err(|source| {
        CliError::Input {
            path: remote_name.clone(),
            source,
        }
    })?;
    run.sent = Some(sent);
    run.rows = checked.report.rows;
    run.plan = checked.plan;
    run.first_errors = ErrorFacts::first(&checked.report, FIRST_ERRORS);
    let refused = exit_code(&checked.report, job.strict);
    if refused != ExitCode::SUCCESS {
        run.outcome = Outcome::Refused;
        run.reason = Some(refusal(&checked.report, job.strict));
        if job.json {
            print_json(&Said::new(checked, None))?;
        } else {
            write_refused(&mut io::stdout().lock(), checked.report.valid(), job.lang)
                .map_err(CliError::output)?;
        }
        return Ok(refused);
    }
    *stage = Stage::Delivery;
    let password = password::read(settings, job.lang)?;
    let mut bar = Progress::new(job.payload.len()?, !job.json);
    let delivered = deliver(settings, &password, job, &mut |sent| bar.update(sent));
    bar.finish();
    let delivered = delivered?;
    run.outcome = Outcome::Delivered;
    run.remote_path = Some(delivered.remote_path.clone());
    run.host_key.clone_from(&delivered.host_key);
    run.attempts = delivered.attempts;
    *stage = Stage::Record;
    let mut kept = None;
    if let Some(state) = loaded.state.as_ref().filter(|_| !job.dry_run) {
        state.record_delivery(&mut job.payload.open()?)?;
        run.kept = state.keep(
            &mut job.payload.open()?,
            &remote_name,
            run.started,
            loaded.keep,
        )?;
        kept = Some(state.last_delivered());
    }
    if job.json {
        print_json(&Said::new(checked, Some(&delivered)))?;
    } else {
        let kept = kept.map(|p| p.display().to_string());
        let text = Delivered {
            dry_run: delivered.dry_run,
            server: &delivered.server,
            folder: settings.directory.as_deref(),
            remote_path: &delivered.remote_path,
            host_key: delivered.host_key.as_deref(),
            bytes: delivered.bytes,
            seconds: delivered.seconds,
            removed_first: delivered.renamed == Some(Renamed::RemovedFirst),
            replaced: &delivered.replaced,
            not_removed: &delivered.not_removed,
            waiting: &delivered.waiting,
            pickup: next_pickup(Utc::now()),
            kept: kept.as_deref(),
        };
        write_delivery(&mut io::stdout().lock(), &text, job.lang).map_err(CliError::output)?;
    }
    Ok(if delivered.not_removed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    })
}

/// Why the check refused a file, for the history.
fn refusal(report: &Report, strict: bool) -> String {
    if report.valid() && strict {
        format!("{} warnings, and --strict", report.warnings())
    } else {
        let mut codes: Vec<&str> = report
            .issues
            .iter()
            .filter(|i| i.severity == alleo_csv_core::Severity::Error)
            .map(|i| i.code().as_str())
            .collect();
        codes.sort_unstable();
        codes.dedup();
        format!("{} errors: {}", report.errors(), codes.join(", "))
    }
}

/// Connects, checks the key, logs in, and checks the folder: that it exists, can be
/// written, and which files wait in it. Uploads nothing that stays.
pub fn check_connection(args: &CheckConnectionArgs) -> Result<ExitCode, CliError> {
    let loaded = config_file::load(args.config.as_deref())?;
    let settings = settings_of(&loaded)?;
    let password = password::read(&settings, args.lang)?;
    let (mut remote, attempts) = retrying(&settings, args.lang, |_| connect(&settings, &password))?;
    let names = remote.list()?;
    probe(remote.as_mut())?;
    let waiting: Vec<String> = names.into_iter().filter(|n| is_picked_up(n)).collect();
    if args.format == PushFormat::Json {
        #[derive(Serialize)]
        struct Checked<'a> {
            server: String,
            folder: String,
            host_key: Option<String>,
            writable: bool,
            waiting: &'a [String],
            attempts: u32,
        }
        print_json(&Checked {
            server: settings.server(),
            folder: folder(&settings),
            host_key: remote.host_key(),
            writable: true,
            waiting: &waiting,
            attempts,
        })?;
    } else {
        let key = remote.host_key();
        let (server, lang) = (settings.server(), args.lang);
        let folder = settings.directory.as_deref();
        write_connection(
            &mut io::stdout().lock(),
            &server,
            key.as_deref(),
            folder,
            &waiting,
            lang,
        )
        .map_err(CliError::output)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `[sftp]`, checked.
fn settings_of(loaded: &Loaded) -> Result<Settings, CliError> {
    let Some(section) = loaded.sftp.clone() else {
        let config = loaded.path.clone();
        return Err(CliError::Usage(Usage::PushNeedsSftp { config }));
    };
    let home = std::env::var_os("HOME").map(std::path::PathBuf::from);
    Settings::from_section(section, home.as_deref()).map_err(|message| CliError::Config {
        path: loaded.path.clone().unwrap_or_default(),
        message,
    })
}

/// The check of the file before anything is sent.
pub(crate) struct Checked {
    report: Report,
    plan: Option<Counts>,
}

/// Checks the file as `validate` does (with the previous state when there is one),
/// printing the report as text unless JSON is wanted.
fn check(args: &PushArgs, loaded: &Loaded) -> Result<Checked, CliError> {
    let run = validate_cmd::check(&args.file, &args.check, &args.previous, loaded, |_| {})?;
    if !args.deliver.json() {
        let mut out = anstream::AutoStream::auto(io::stdout().lock());
        run.write_text(&mut out, loaded, false)
            .map_err(CliError::output)?;
        if let Some(c) = &run.checked.counts {
            write_counts(&mut out, c, args.check.lang).map_err(CliError::output)?;
        }
    }
    Ok(Checked {
        report: run.checked.report,
        plan: run.checked.counts,
    })
}

/// What a push did.
#[derive(Debug, Default, Serialize)]
struct Delivery {
    dry_run: bool,
    server: String,
    remote_path: String,
    bytes: u64,
    seconds: f64,
    host_key: Option<String>,
    /// How the final name was taken (`None` in a dry run).
    renamed: Option<Renamed>,
    /// Other pickup files removed after the new one was in place (`--replace`).
    replaced: Vec<String>,
    /// Other pickup files `--replace` could not remove, with why.
    not_removed: Vec<String>,
    /// Pickup files found in the folder before the push.
    waiting: Vec<String>,
    attempts: u32,
}

/// The push's result for `--format json`.
#[derive(Serialize)]
struct Said<'a> {
    sent: bool,
    valid: bool,
    rows: u64,
    errors: usize,
    warnings: usize,
    plan: Option<&'a Counts>,
    delivery: Option<&'a Delivery>,
}

impl<'a> Said<'a> {
    fn new(checked: &'a Checked, delivery: Option<&'a Delivery>) -> Said<'a> {
        Said {
            sent: delivery.is_some_and(|d| !d.dry_run),
            valid: checked.report.valid(),
            rows: checked.report.rows,
            errors: checked.report.errors(),
            warnings: checked.report.warnings(),
            plan: checked.plan.as_ref(),
            delivery,
        }
    }
}

/// Pushes with retries; a temporary file left by a broken attempt is removed by the
/// next one, or after the last by a connection of its own.
fn deliver(
    settings: &Settings,
    password: &Password,
    job: &Job<'_>,
    progress: &mut dyn FnMut(u64),
) -> Result<Delivery, CliError> {
    let mut left: Vec<String> = Vec::new();
    let started = Instant::now();
    let lang = job.lang;
    let result = retrying(settings, lang, |_| {
        let mut remote = connect(settings, password)?;
        for temp in std::mem::take(&mut left) {
            if remote.remove(&temp).is_err() {
                left.push(temp);
            }
        }
        once(settings, remote.as_mut(), job, &mut left, progress)
    });
    match result {
        Ok((mut delivery, attempts)) => {
            delivery.attempts = attempts;
            delivery.seconds = started.elapsed().as_secs_f64();
            Ok(delivery)
        }
        Err(e) => {
            if !left.is_empty() {
                clean_up(settings, password, &left, lang);
            }
            Err(e)
        }
    }
}

/// One attempt on an open connection. `left` gets the temporary file's name while
/// it may exist on the server.
fn once(
    settings: &Settings,
    remote: &mut dyn Remote,
    job: &Job<'_>,
    left: &mut Vec<String>,
    progress: &mut dyn FnMut(u64),
) -> Result<Delivery, CliError> {
    let final_name = settings.remote_name();
    let waiting: Vec<String> = remote
        .list()?
        .into_iter()
        .filter(|n| is_picked_up(n))
        .collect();
    let others: Vec<String> = waiting
        .iter()
        .filter(|n| **n != final_name)
        .cloned()
        .collect();
    if !others.is_empty() && !job.replace {
        return Err(DeliveryError::OtherFiles {
            server: settings.server(),
            folder: folder(settings),
            names: others,
        }
        .into());
    }
    let mut delivery = Delivery {
        dry_run: job.dry_run,
        server: settings.server(),
        remote_path: settings.remote_path(&final_name),
        host_key: remote.host_key(),
        waiting,
        ..Delivery::default()
    };
    if job.dry_run {
        probe(remote)?;
        delivery.bytes = job.payload.len()?;
        return Ok(delivery);
    }
    let temp = temp_name();
    left.push(temp.clone());
    let uploaded = (|| {
        let mut input = job.payload.open()?;
        let sent =
            (remote.upload(&temp, &mut input, progress)).map_err(|e| job.payload.named(e))?;
        let found = remote.size(&temp)?;
        if found != sent {
            return Err(DeliveryError::Incomplete {
                server: settings.server(),
                path: settings.remote_path(&temp),
                sent,
                found,
            }
            .into());
        }
        let renamed = remote.rename_over(&temp, &final_name)?;
        Ok((sent, renamed))
    })();
    let (sent, renamed) = match uploaded {
        Ok(done) => done,
        Err(e) => {
            if remote.remove(&temp).is_ok() {
                left.retain(|t| *t != temp);
            }
            return Err(e);
        }
    };
    left.retain(|t| *t != temp);
    delivery.bytes = sent;
    delivery.renamed = Some(renamed);
    for other in others {
        match remote.remove(&other) {
            Ok(()) => delivery.replaced.push(other),
            Err(e) => delivery.not_removed.push(format!("{other} ({e})")),
        }
    }
    Ok(delivery)
}

/// Creates and removes a temporary file: the folder can be written to.
fn probe(remote: &mut dyn Remote) -> Result<(), CliError> {
    let name = temp_name();
    remote.upload(&name, &mut io::empty(), &mut |_| {})?;
    remote.remove(&name)
}

/// Runs `attempt` until it succeeds, fails for good, or `[sftp] retries` transient
/// failures have been retried; pauses 1, 2, 4 ... (at most 30) seconds between.
/// Returns the result and the attempts made.
fn retrying<T>(
    settings: &Settings,
    lang: Lang,
    mut attempt: impl FnMut(u32) -> Result<T, CliError>,
) -> Result<(T, u32), CliError> {
    let mut n = 1;
    loop {
        match attempt(n) {
            Ok(value) => return Ok((value, n)),
            Err(e) if e.is_transient() && n <= settings.retries => {
                let pause = Duration::from_secs((1u64 << (n - 1).min(5)).min(30));
                let failure = e.say(lang);
                let said = delivery::retrying(
                    lang,
                    &failure,
                    pause.as_secs(),
                    n + 1,
                    settings.retries + 1,
                );
                let _ = writeln!(io::stderr(), "{said}");
                std::thread::sleep(pause);
                n += 1;
            }
            Err(e) => return Err(e),
        }
    }
}

/// Removes temporary files a broken upload left, over a connection of its own.
fn clean_up(settings: &Settings, password: &Password, left: &[String], lang: Lang) {
    let mut stderr = io::stderr();
    match connect(settings, password) {
        Ok(mut remote) => {
            for temp in left {
                if let Err(e) = remote.remove(temp) {
                    let path = settings.remote_path(temp);
                    let said = delivery::partial_left(lang, &path, &e.say(lang), true);
                    let _ = writeln!(stderr, "{said}");
                }
            }
        }
        Err(e) => {
            let paths: Vec<String> = left.iter().map(|t| settings.remote_path(t)).collect();
            let said = delivery::partial_left(lang, &paths.join(", "), &e.say(lang), false);
            let _ = writeln!(stderr, "{said}");
        }
    }
}

/// Connects with the protocol the settings name.
fn connect(settings: &Settings, password: &Password) -> Result<Box<dyn Remote>, CliError> {
    match settings.protocol {
        Protocol::Sftp => Ok(Box::new(sftp::Sftp::connect(settings, password)?)),
        Protocol::Ftp => Ok(Box::new(ftp::Ftp::connect(settings, password)?)),
    }
}

/// A name for the upload that Alleo's pickup ignores: `.alleo-upload-<random>.part`.
fn temp_name() -> String {
    let random = RandomState::new().hash_one((std::process::id(), Instant::now()));
    format!(".alleo-upload-{random:016x}.part")
}

/// The remote folder, in words.
fn folder(settings: &Settings) -> String {
    settings
        .directory
        .clone()
        .unwrap_or_else(|| "(the login folder)".to_owned())
}

fn print_json(value: &impl Serialize) -> Result<(), CliError> {
    let mut out = io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, value).map_err(|e| CliError::output(e.into()))?;
    writeln!(out).map_err(CliError::output)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_names_are_never_picked_up_and_differ() {
        let (a, b) = (temp_name(), temp_name());
        assert_ne!(a, b);
        for name in [a, b] {
            assert!(!is_picked_up(&name), "{name}");
            assert!(name.starts_with(".alleo-upload-"), "{name}");
            assert_eq!(name.rsplit('.').next(), Some("part"));
        }
    }
}
