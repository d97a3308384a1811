//! `alleo-sync mapping suggest`: the sections of `alleo.toml` an export needs.

use std::fs::File;
use std::io::{self, BufReader, Write};
use std::process::ExitCode;

use alleo_csv_core::mapping::suggest;
use alleo_csv_core::transform::{detect_encoding, preview, preview_workbook};

use crate::args::{SuggestArgs, SuggestFormat};
use crate::config_file;
use crate::error::CliError;
use crate::source::Source;

/// Rows looked at for the values under each header.
const PREVIEW_ROWS: usize = 200;

/// Prints the suggested sections.
pub fn run(args: &SuggestArgs) -> Result<ExitCode, CliError> {
    let loaded = config_file::load(args.config.as_deref())?;
    let input = &loaded.config.input;
    let input_error = |source| CliError::Input {
        path: args.input.clone(),
        source,
    };
    let core_error = CliError::reading(&args.input);
    let preview = match Source::open(&args.input)? {
        Source::Stdin => preview(io::stdin().lock(), input, None, PREVIEW_ROWS),
        Source::Csv(path) => {
            let detected = match input.encoding {
                Some(_) => None,
                None => Some(
                    detect_encoding(File::open(&path).map_err(input_error)?)
                        .map_err(&core_error)?,
                ),
            };
            preview(
                File::open(&path).map_err(input_error)?,
                input,
                detected,
                PREVIEW_ROWS,
            )
        }
        Source::Workbook(path) => {
            let file = BufReader::new(File::open(&path).map_err(input_error)?);
            preview_workbook(file, input, PREVIEW_ROWS)
        }
    }
    .map_err(core_error)?;
    if preview.headers.is_empty() {
        return Err(input_error(io::Error::new(
            io::ErrorKind::InvalidData,
            "it has no header row to suggest a mapping for",
        )));
    }
    let suggestions = suggest(&preview, &loaded.config, args.lang);
    let mut out = io::stdout().lock();
    match args.format {
        SuggestFormat::Toml => {
            let name = if args.input == "-" { "-" } else { &args.input };
            out.write_all(suggestions.to_toml(name, args.lang).as_bytes())
                .map_err(CliError::output)?;
        }
        SuggestFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &suggestions)
                .map_err(|e| CliError::output(e.into()))?;
            writeln!(out).map_err(CliError::output)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
