//! `alleo-sync sync`: the daily job in one command (SPEC section 8). The export is
//! transformed in memory, checked against the state folder's previous state, and
//! delivered and recorded exactly as `push` delivers, holding the state folder's
//! lock from before the previous state is read until the state is written.

use std::fs::{self, File};
use std::io::{self, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::SystemTime;

use alleo_csv_core::text::transform::{Files, write_transform};
use alleo_csv_core::transform::Outputs;
use alleo_csv_core::{Lang, job};
use serde::{Deserialize, Serialize};

use super::args::SyncArgs;
use super::record::{ErrorFacts, FileFacts, Outcome, Run};
use super::settings::Settings;
use super::{
    Checked, Job, Payload, Stage, deliver_checked, failed_as_json, notify, print_json, settings_of,
};
use crate::args::PreviousArgs;
use crate::config_file::{self, Loaded};
use crate::error::{CliError, Usage};
use crate::previous;
use crate::text::Ansi;
use crate::validate_cmd;
use alleo_csv_core::text::delivery::{self, write_counts};
use chrono::Utc;

/// The `[sync]` section: where the unattended job finds the export.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SyncSection {
    /// A path whose file name may hold `*` and `?`: the newest matching file is
    /// the export. Relative to the configuration file's folder.
    pub export: Option<String>,
}

/// Runs the job; exit codes as `push`.
pub fn run(args: &SyncArgs) -> Result<ExitCode, CliError> {
    let mut stage = Stage::Configuration;
    let result = sync(args, &mut stage);
    failed_as_json(result, stage, args.deliver.json())
}

fn sync(args: &SyncArgs, stage: &mut Stage) -> Result<ExitCode, CliError> {
    let loaded = config_file::load(args.check.config.as_deref())?;
    let settings = settings_of(&loaded)?;
    let Some(folder) = &loaded.state else {
        return Err(CliError::Usage(Usage::SyncNoState));
    };
    *stage = Stage::Lock;
    let _lock = folder.lock()?;
    let mut run = Run::new("sync", Utc::now(), Outcome::Failed);
    let result = transform_and_deliver(args, stage, &loaded, &settings, &mut run);
    notify::record(&loaded, run, &result, args.deliver.dry_run)?;
    result
}

/// From the export to the delivery, holding the lock; what happens goes into `run`.
fn transform_and_deliver(
    args: &SyncArgs,
    stage: &mut Stage,
    loaded: &Loaded,
    settings: &Settings,
    run: &mut Run,
) -> Result<ExitCode, CliError> {
    let json = args.deliver.json();
    *stage = Stage::Export;
    let path = match &args.export {
        Some(path) => PathBuf::from(path),
        None => newest_export(loaded)?,
    };
    // The history names the export so that it can be found again.
    let path = std::path::absolute(&path).unwrap_or(path);
    let shown = path.display().to_string();
    let unreadable = |source| CliError::Input {
        path: shown.clone(),
        source,
    };
    let mut export = File::open(&path).map_err(unreadable)?;
    run.export = Some(FileFacts::of(&shown, &mut export).map_err(unreadable)?);
    export.seek(SeekFrom::Start(0)).map_err(unreadable)?;

    *stage = Stage::Transform;
    let (as_of, mut options) = args.check.options();
    let mut bytes = Vec::new();
    let done = job::transform_export(export, &loaded.config, &options, Outputs::new(&mut bytes))
        .map_err(CliError::reading(&shown))?;
    let remote_name = settings.remote_name();
    if !done.usable() {
        let reason = format!(
            "the export cannot be made into the Alleo file: {}",
            super::refusal(&done.report, false)
        );
        run.outcome = Outcome::Refused;
        run.rows = done.summary.rows;
        run.reason = Some(reason.clone());
        run.first_errors = ErrorFacts::first(&done.report, super::FIRST_ERRORS);
        if json {
            #[derive(Serialize)]
            struct Refused<'a> {
                outcome: Outcome,
                stage: Stage,
                reason: &'a str,
                exit_code: u8,
                summary: &'a alleo_csv_core::transform::Summary,
                report: &'a alleo_csv_core::Report,
            }
            print_json(&Refused {
                outcome: Outcome::Refused,
                stage: Stage::Transform,
                reason: &reason,
                exit_code: 1,
                summary: &done.summary,
                report: &done.report,
            })?;
        } else {
            let files = Files {
                input: Some(&shown),
                output: &remote_name,
                rejects: None,
                changes: None,
            };
            let mut out = anstream::AutoStream::auto(io::stdout().lock());
            write_transform(&mut out, &done, &files, false, &Ansi::default())
                .map_err(CliError::output)?;
        }
        return Ok(ExitCode::from(1));
    }

    *stage = Stage::Check;
    let given = &args.previous;
    let chosen = previous::choose(given.previous.as_deref(), given.no_previous, loaded)?;
    run.previous_given = given_instead(given, &chosen, args.check.lang);
    options.file_name = Some(remote_name.clone());
    let checked = job::check(
        &bytes[..],
        &loaded.config,
        options,
        chosen.previous.as_ref(),
    )?;
    let checking = validate_cmd::Run {
        file: &remote_name,
        as_of,
        chosen,
        checked,
    };
    if !json {
        let mut out = anstream::AutoStream::auto(io::stdout().lock());
        checking
            .write_text(&mut out, loaded, false)
            .map_err(CliError::output)?;
        if let Some(c) = &checking.checked.counts {
            write_counts(&mut out, c, args.check.lang).map_err(CliError::output)?;
        }
    }
    let checked = Checked {
        report: checking.checked.report,
        plan: checking.checked.counts,
    };
    let job = Job {
        payload: Payload::Bytes(&bytes),
        dry_run: args.deliver.dry_run,
        replace: args.deliver.replace,
        strict: args.check.strict,
        lang: args.check.lang,
        json,
    };
    deliver_checked(&job, loaded, settings, &checked, stage, run)
}

/// The newest file matching `[sync] export`.
fn newest_export(loaded: &Loaded) -> Result<PathBuf, CliError> {
    let Some(pattern) = &loaded.sync.export else {
        return Err(CliError::Usage(Usage::SyncNoExport));
    };
    let pattern_path = match loaded.path.as_deref().and_then(Path::parent) {
        Some(base) if Path::new(pattern).is_relative() => base.join(pattern),
        _ => PathBuf::from(pattern),
    };
    let folder = pattern_path.parent().unwrap_or(Path::new("."));
    let wanted = pattern_path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if folder.to_string_lossy().contains(['*', '?']) {
        let pattern = pattern.clone();
        return Err(CliError::Usage(Usage::PatternFolder { pattern }));
    }
    let none = || CliError::NoExport {
        pattern: pattern_path.display().to_string(),
    };
    let entries = fs::read_dir(if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    })
    .map_err(|_| none())?;
    let mut best: Option<(SystemTime, PathBuf)> = None;
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Ok(meta) = entry.metadata() else { continue };
        if !meta.is_file() || !matches(&wanted, &name) {
            continue;
        }
        let modified = meta.modified().unwrap_or(SystemTime::UNIX_EPOCH);
        let candidate = (modified, entry.path());
        if best.as_ref().is_none_or(|b| candidate > *b) {
            best = Some(candidate);
        }
    }
    best.map(|(_, path)| path).ok_or_else(none)
}

/// Whether `name` matches `pattern`, where `*` is any run of characters and `?`
/// one character.
fn matches(pattern: &str, name: &str) -> bool {
    let (p, n): (Vec<char>, Vec<char>) = (pattern.chars().collect(), name.chars().collect());
    // The classic two-pointer match, backtracking to the last star.
    let (mut i, mut j, mut star, mut mark) = (0, 0, None, 0);
    while j < n.len() {
        if i < p.len() && (p[i] == '?' || p[i] == n[j]) {
            i += 1;
            j += 1;
        } else if i < p.len() && p[i] == '*' {
            star = Some(i);
            mark = j;
            i += 1;
        } else if let Some(s) = star {
            i = s + 1;
            mark += 1;
            j = mark;
        } else {
            return false;
        }
    }
    p[i..].iter().all(|&c| c == '*')
}

/// Says on stderr when `--previous` replaces the last delivery, and returns the
/// file given then, for the history: it is meant for a first run, so it is said on
/// every run, and a cron line left with it is noticed.
fn given_instead(given: &PreviousArgs, chosen: &previous::Chosen, lang: Lang) -> Option<PathBuf> {
    let (file, last) = (given.previous.as_ref()?, chosen.instead_of.as_ref()?);
    let (shown, last) = (file.display().to_string(), last.display().to_string());
    eprintln!("{}", delivery::previous_given(lang, &shown, &last));
    Some(file.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards_match_as_a_shell_matches_file_names() {
        assert!(matches("medewerkers_*.csv", "medewerkers_2026-11-28.csv"));
        assert!(matches("medewerkers_*.csv", "medewerkers_.csv"));
        assert!(matches("export?.xlsx", "export1.xlsx"));
        assert!(matches("*", "anything"));
        assert!(matches("a*b*c", "aXXbYYc"));
        assert!(!matches("medewerkers_*.csv", "medewerkers_2026.csv.bak"));
        assert!(!matches("export?.xlsx", "export12.xlsx"));
        assert!(!matches("a*b*c", "aXXbYY"));
    }
}
