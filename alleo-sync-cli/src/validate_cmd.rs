//! `alleo-sync validate`, and the check `push` makes before it sends.

use std::fs::File;
use std::io::{self, Read, Write};
use std::process::ExitCode;

use alleo_csv_core::job::{self, Checked};
use alleo_csv_core::{Options, Report};

use crate::args::{CheckArgs, Format, PreviousArgs, ValidateArgs};
use crate::config_file::{self, Loaded};
use crate::error::{CliError, verdict};
use crate::previous::{self, Chosen};
use crate::text::{self, Ansi, AsOf};

/// Checks the file and prints the report; the exit code says whether it is valid.
pub fn run(args: &ValidateArgs) -> Result<ExitCode, CliError> {
    let loaded = config_file::load(args.check.config.as_deref())?;
    let run = check(&args.file, &args.check, &args.previous, &loaded, |o| {
        o.show_values = !args.no_values;
    })?;
    let report = &run.checked.report;
    let stdout = io::stdout();
    let written = match args.format {
        Format::Text => {
            let mut out = io::BufWriter::new(anstream::AutoStream::auto(stdout.lock()));
            run.write_text(&mut out, &loaded, args.all)
                .and_then(|()| out.flush())
                .map_err(CliError::output)
        }
        Format::Json => report.write_json(stdout.lock()).map_err(CliError::output),
        Format::Csv => report
            .write_csv(io::BufWriter::new(stdout.lock()))
            .map_err(CliError::from),
    };
    verdict(written, exit_code(report, args.check.strict))
}

/// A check of one file, and what its report says it was checked with.
pub struct Run<'a> {
    /// The file as given (`-`: standard input).
    pub file: &'a str,
    /// The date checked for, and why.
    pub as_of: AsOf,
    /// The previous state, and where it came from.
    pub chosen: Chosen,
    /// What the core found.
    pub checked: Checked,
}

/// Checks `file` (`-`: standard input) as `validate` does: with the previous state
/// the arguments choose, under the loaded configuration; `adjust` sets what the
/// command adds to the options.
///
/// # Errors
/// A file, previous state or configuration that cannot be read.
pub fn check<'a>(
    file: &'a str,
    check: &CheckArgs,
    previous: &PreviousArgs,
    loaded: &Loaded,
    adjust: impl FnOnce(&mut Options),
) -> Result<Run<'a>, CliError> {
    let chosen = previous::choose(previous.previous.as_deref(), previous.no_previous, loaded)?;
    let (as_of, mut options) = check.options();
    adjust(&mut options);
    let input = open(file, file, &mut options)?;
    let checked = job::check(input, &loaded.config, options, chosen.previous.as_ref())
        .map_err(CliError::reading(file))?;
    Ok(Run {
        file,
        as_of,
        chosen,
        checked,
    })
}

/// Opens `file` (`-`: standard input), to be checked under the name `name`: the
/// file-name rule reads it from `options`.
///
/// # Errors
/// A file that cannot be opened.
pub fn open(file: &str, name: &str, options: &mut Options) -> Result<Box<dyn Read>, CliError> {
    if file == "-" {
        return Ok(Box::new(io::stdin().lock()));
    }
    options.file_name = Some(name.to_owned());
    let opened = File::open(file).map_err(|source| CliError::Input {
        path: file.to_owned(),
        source,
    })?;
    Ok(Box::new(opened))
}

impl Run<'_> {
    /// The readable report, headed by what the file was checked with.
    pub fn write_text(&self, out: &mut dyn Write, loaded: &Loaded, all: bool) -> io::Result<()> {
        let (file, report) = (self.file, &self.checked.report);
        text::with_context(file, self.as_of, loaded, &self.chosen, all, |context| {
            text::write_report(out, report, context, &Ansi::default())
        })
    }
}

/// 0 valid, 1 invalid (or warnings when `strict`).
pub fn exit_code(report: &Report, strict: bool) -> ExitCode {
    if !report.valid() || (strict && report.warnings() > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
