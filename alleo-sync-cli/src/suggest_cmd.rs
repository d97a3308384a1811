//! `alleo-sync mapping suggest`: the sections of `alleo.toml` an export needs.

use std::io::{self, Write};
use std::process::ExitCode;

use alleo_csv_core::job;

use crate::args::{SuggestArgs, SuggestFormat};
use crate::config_file;
use crate::error::CliError;
use crate::export;

/// Prints the suggested sections.
pub fn run(args: &SuggestArgs) -> Result<ExitCode, CliError> {
    let loaded = config_file::load(args.config.as_deref())?;
    let export = export::open(&args.input)?;
    let suggestions = job::suggest_mapping(export, &loaded.config, args.lang)
        .map_err(CliError::reading(&args.input))?;
    let mut out = io::stdout().lock();
    let name = &args.input;
    match args.format {
        SuggestFormat::Toml => {
            out.write_all(suggestions.to_toml(name, args.lang).as_bytes())
                .map_err(CliError::output)?;
        }
        SuggestFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &suggestions.with_toml(name, args.lang))
                .map_err(|e| CliError::output(e.into()))?;
            writeln!(out).map_err(CliError::output)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
