//! `alleo-sync diff`: what Alleo will do with the file, before it is sent.

use std::fs::File;
use std::io::{self, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use alleo_csv_core::Options;
use alleo_csv_core::lifecycle::{Action, ActionCsv, Plan, PlanJson, Previous, diff_each};
use alleo_csv_core::text::PlanActions;

use crate::args::{DiffArgs, Format};
use crate::config_file;
use crate::error::{CliError, Usage};
use crate::previous::{self, Origin};
use crate::text::{self, Ansi, Context};
use crate::validate_cmd::exit_code;

/// Prints the plan; the exit code says whether the file is valid.
pub fn run(args: &DiffArgs) -> Result<ExitCode, CliError> {
    let (given, file) = match args.files.as_slice() {
        [file] => (None, file),
        [previous, file] => (Some(Path::new(previous)), file),
        _ => {
            return Err(CliError::Usage(Usage::DiffFiles));
        }
    };
    let loaded = config_file::load(args.check.config.as_deref())?;
    let chosen = previous::choose(given, false, &loaded)?;
    let Some(prev) = &chosen.previous else {
        let not_yet = match &chosen.origin {
            Origin::NotYet(path) => Some(path.clone()),
            _ => None,
        };
        let file = file.clone();
        return Err(CliError::Usage(Usage::DiffNeedsPrevious { file, not_yet }));
    };
    let (as_of, mut options) = args.check.options();
    let input: Box<dyn Read> = if file == "-" {
        Box::new(io::stdin().lock())
    } else {
        options.file_name = Some(args.checked_as.clone().unwrap_or_else(|| file.clone()));
        Box::new(File::open(file).map_err(|source| CliError::Input {
            path: file.clone(),
            source,
        })?)
    };
    let config = &loaded.config;
    let reading = CliError::reading(file);
    let plan = match args.format {
        Format::Text => {
            let mut actions = PlanActions::new(args.all);
            let plan = diff_each(prev, input, config, options, &mut |a| {
                actions.push(a);
            })
            .map_err(reading)?;
            let (mut path, config) = (
                String::new(),
                loaded.path.as_ref().map(|p| p.display().to_string()),
            );
            let context = Context {
                file: (file != "-").then_some(file.as_str()),
                as_of,
                config: config.as_deref(),
                previous: Some(text::previous_state(
                    &chosen.origin,
                    Some(prev.len()),
                    &mut path,
                )),
                all: args.all,
            };
            let mut out = io::BufWriter::new(anstream::AutoStream::auto(io::stdout().lock()));
            text::write_plan(&mut out, &plan, &actions, &context, &Ansi::default())
                .and_then(|()| out.flush())
                .map_err(CliError::output)?;
            plan
        }
        Format::Json => write_json(prev, input, config, options, &reading)?,
        Format::Csv => {
            let mut csv = ActionCsv::new(io::BufWriter::new(io::stdout()))?;
            let mut failed = None;
            let mut write = |a: Action| {
                if let (Err(e), None) = (csv.write(&a), &failed) {
                    failed = Some(e);
                }
            };
            let plan = diff_each(prev, input, config, options, &mut write).map_err(reading)?;
            if let Some(e) = failed {
                return Err(e.into());
            }
            csv.finish()?;
            plan
        }
    };
    Ok(exit_code(&plan.report, args.check.strict))
}

/// The plan as JSON, each action written as it is planned (on the diffing thread):
/// a million of them are never held in memory.
fn write_json(
    prev: &Previous,
    input: Box<dyn Read>,
    config: &alleo_csv_core::Config,
    options: Options,
    reading: &impl Fn(alleo_csv_core::Error) -> CliError,
) -> Result<Plan, CliError> {
    let mut json = PlanJson::new(io::stdout());
    let plan = diff_each(prev, input, config, options, &mut |a| {
        json.action(&a);
    })
    .map_err(reading)?;
    json.finish(&plan).map_err(CliError::output)?;
    Ok(plan)
}
