//! `alleo-sync history`: what the delivering runs recorded in the state folder,
//! and the plan between two kept deliveries (through `diff`, not a copy of it).

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use alleo_csv_core::text::delivery::{HistoryLine, write_history};

use super::args::{HistoryArgs, HistoryCommand, HistoryDiffArgs, PushFormat};
use super::print_json;
use super::state::StateDir;
use crate::args::DiffArgs;
use crate::config_file;
use crate::diff_cmd;
use crate::error::{CliError, Usage};

/// Lists the runs, or shows a diff of two kept deliveries.
pub fn run(args: &HistoryArgs) -> Result<ExitCode, CliError> {
    if let Some(HistoryCommand::Diff(diff)) = &args.command {
        return between(diff);
    }
    let loaded = config_file::load(args.config.as_deref())?;
    let state = state_of(loaded.state)?;
    let runs = state.history()?;
    if args.format == PushFormat::Json {
        print_json(&runs)?;
    } else {
        let sent: Vec<Option<String>> = runs
            .iter()
            .map(|r| {
                r.remote_path
                    .clone()
                    .or_else(|| r.sent.as_ref().map(|s| s.name.clone()))
            })
            .collect();
        let kept: Vec<Option<String>> = runs
            .iter()
            .map(|r| r.kept.as_ref().map(|p| p.display().to_string()))
            .collect();
        let given: Vec<Option<String>> = runs
            .iter()
            .map(|r| r.previous_given.as_ref().map(|p| p.display().to_string()))
            .collect();
        let lines: Vec<HistoryLine<'_>> = runs
            .iter()
            .zip(sent.iter().zip(kept.iter().zip(&given)))
            .map(|(r, (sent, (kept, given)))| HistoryLine {
                at: r.started,
                command: &r.command,
                outcome: match r.outcome {
                    super::record::Outcome::Delivered => "delivered",
                    super::record::Outcome::Refused => "refused",
                    super::record::Outcome::Failed => "failed",
                },
                file: sent.as_deref(),
                rows: r.rows,
                plan: r.plan,
                reason: r.reason.as_deref(),
                kept: kept.as_deref(),
                previous_given: given.as_deref(),
            })
            .collect();
        let mut out = io::stdout().lock();
        write_history(&mut out, &lines, args.lang)
            .and_then(|()| out.flush())
            .map_err(CliError::output)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The plan between two kept deliveries, as `alleo-sync diff` shows it.
fn between(args: &HistoryDiffArgs) -> Result<ExitCode, CliError> {
    let loaded = config_file::load(args.check.config.as_deref())?;
    let state = state_of(loaded.state)?;
    let kept = state.kept()?;
    let a = find(&args.a, &kept)?;
    let b = find(&args.b, &kept)?;
    diff_cmd::run(&DiffArgs {
        files: vec![a.display().to_string(), b.display().to_string()],
        check: args.check.clone(),
        format: args.format,
        all: args.all,
        // Kept as `<time>_<name>`, it was sent as `<name>`.
        checked_as: b.file_name().and_then(|n| {
            n.to_string_lossy()
                .split_once('_')
                .map(|(_, sent)| sent.to_owned())
        }),
    })
}

fn state_of(state: Option<StateDir>) -> Result<StateDir, CliError> {
    state.ok_or(CliError::Usage(Usage::NoHistory))
}

/// `wanted`: a path, or a kept delivery's name or the start of one (its time).
fn find(wanted: &str, kept: &[PathBuf]) -> Result<PathBuf, CliError> {
    if Path::new(wanted).is_file() {
        return Ok(PathBuf::from(wanted));
    }
    let names = |p: &&PathBuf| {
        p.file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with(wanted))
    };
    let found: Vec<&PathBuf> = kept.iter().filter(names).collect();
    match found.as_slice() {
        [one] => Ok((*one).clone()),
        [] => Err(CliError::Usage(Usage::NoKept {
            wanted: wanted.to_owned(),
            kept: list(kept),
        })),
        many => Err(CliError::Usage(Usage::ManyKept {
            wanted: wanted.to_owned(),
            names: many.iter().map(|p| name(p)).collect(),
        })),
    }
}

fn list(kept: &[PathBuf]) -> String {
    if kept.is_empty() {
        "none (see [state] keep)".to_owned()
    } else {
        kept.iter().map(|p| name(p)).collect::<Vec<_>>().join(", ")
    }
}

fn name(path: &Path) -> String {
    super::record::file_name(path)
}
