//! `alleo-sync validate`.

use std::fs::File;
use std::io::{self, Read};
use std::process::ExitCode;

use alleo_csv_core::lifecycle::{Previous, diff};
use alleo_csv_core::{Report, validate};

use crate::args::{Format, ValidateArgs};
use crate::config_file;
use crate::error::CliError;
use crate::previous;
use crate::text::{self, Context};

/// Checks the file and prints the report; the exit code says whether it is valid.
pub fn run(args: &ValidateArgs) -> Result<ExitCode, CliError> {
    let loaded = config_file::load(args.check.config.as_deref())?;
    let chosen = previous::choose(
        args.previous.previous.as_deref(),
        args.previous.no_previous,
        &loaded,
    )?;
    let (as_of, mut options) = args.check.options();
    let input: Box<dyn Read> = if args.file == "-" {
        Box::new(io::stdin().lock())
    } else {
        options.file_name = Some(args.file.clone());
        Box::new(File::open(&args.file).map_err(|source| CliError::Input {
            path: args.file.clone(),
            source,
        })?)
    };
    let report = match &chosen.previous {
        Some(previous) => {
            let allow = args.check.allow_deactivations;
            diff(previous, input, &loaded.config, options, allow).map(|plan| plan.report)
        }
        None => validate(input, &loaded.config, options),
    }
    .map_err(CliError::reading(&args.file))?;
    let report = if args.no_values {
        report.without_values()
    } else {
        report
    };

    let stdout = io::stdout();
    match args.format {
        Format::Text => {
            let context = Context {
                file: &args.file,
                as_of,
                config: loaded.path.as_deref(),
                previous: Some((&chosen.source, chosen.previous.as_ref().map(Previous::len))),
            };
            let mut out = anstream::AutoStream::auto(stdout.lock());
            text::write(&mut out, &report, &context).map_err(CliError::output)?;
        }
        Format::Json => report.write_json(stdout.lock()).map_err(CliError::output)?,
        Format::Csv => report.write_csv(io::BufWriter::new(stdout.lock()))?,
    }
    Ok(exit_code(&report, args.check.strict))
}

/// 0 valid, 1 invalid (or warnings when `strict`).
pub fn exit_code(report: &Report, strict: bool) -> ExitCode {
    if !report.valid() || (strict && report.warnings() > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
