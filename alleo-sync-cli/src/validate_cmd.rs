//! `alleo-sync validate`.

use std::fs::File;
use std::io::{self, Read, Write};
use std::process::ExitCode;

use alleo_csv_core::lifecycle::{Previous, diff};
use alleo_csv_core::{Report, validate};

use crate::args::{Format, ValidateArgs};
use crate::config_file;
use crate::error::CliError;
use crate::previous;
use crate::text::{self, Ansi, Context};

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
            let (mut path, config) = (
                String::new(),
                loaded.path.as_ref().map(|p| p.display().to_string()),
            );
            let employees = chosen.previous.as_ref().map(Previous::len);
            let context = Context {
                file: (args.file != "-").then_some(args.file.as_str()),
                as_of,
                config: config.as_deref(),
                previous: Some(text::previous_state(&chosen.source, employees, &mut path)),
                all: args.all,
            };
            let mut out = io::BufWriter::new(anstream::AutoStream::auto(stdout.lock()));
            text::write_report(&mut out, &report, &context, &Ansi::default())
                .and_then(|()| out.flush())
                .map_err(CliError::output)?;
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
