//! `alleo-sync diff`: what Alleo will do with the file, before it is sent.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use alleo_csv_core::lifecycle::{Action, ActionCsv, PlanJson, diff_each};
use alleo_csv_core::text::PlanActions;

use crate::args::{DiffArgs, Format};
use crate::config_file;
use crate::error::{CliError, Usage, verdict};
use crate::previous::{self, Origin};
use crate::text::{self, Ansi};
use crate::validate_cmd::{self, exit_code};

/// Prints the plan; the exit code says whether the file is valid.
pub fn run(args: &DiffArgs) -> Result<ExitCode, CliError> {
    let (given, file) = match args.files.as_slice() {
        [file] => (None, file),
        [previous, file] => (Some(Path::new(previous)), file),
        _ => return Err(CliError::Usage(Usage::DiffFiles)),
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
    let name = args.checked_as.as_ref().unwrap_or(file);
    let input = validate_cmd::open(file, name, &mut options)?;
    let config = &loaded.config;
    let reading = CliError::reading(file);
    let (plan, written) = match args.format {
        Format::Text => {
            let mut actions = PlanActions::new(args.all);
            let plan = diff_each(prev, input, config, options, &mut |a| actions.push(a))
                .map_err(reading)?;
            let mut out = io::BufWriter::new(anstream::AutoStream::auto(io::stdout().lock()));
            let written = text::with_context(file, as_of, &loaded, &chosen, args.all, |context| {
                text::write_plan(&mut out, &plan, &actions, context, &Ansi::default())
            });
            let written = written.and_then(|()| out.flush()).map_err(CliError::output);
            (plan, written)
        }
        Format::Json => {
            // Each action written as it is planned: a million are never held.
            let mut json = PlanJson::new(io::stdout());
            let plan = diff_each(prev, input, config, options, &mut |a| json.action(&a));
            let plan = plan.map_err(reading)?;
            let written = json.finish(&plan).map(drop).map_err(CliError::output);
            (plan, written)
        }
        Format::Csv => {
            let mut csv = ActionCsv::new(io::BufWriter::new(io::stdout()))?;
            let mut failed = None;
            let mut write = |a: Action| {
                if let (Err(e), None) = (csv.write(&a), &failed) {
                    failed = Some(e);
                }
            };
            let plan = diff_each(prev, input, config, options, &mut write).map_err(reading)?;
            let written = failed.map_or_else(|| csv.finish().map(drop), Err);
            (plan, written.map_err(CliError::from))
        }
    };
    verdict(written, exit_code(&plan.report, args.check.strict))
}
