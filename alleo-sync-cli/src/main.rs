//! `alleo-sync`: check the Alleo employee file before it is sent, turn an HR export
//! into it, and show when Alleo picks it up.
//!
//! Exit codes: 0 valid (warnings allowed), 1 invalid (or warnings with `--strict`),
//! 2 could not run (usage, unreadable file, bad configuration).

mod args;
mod atomic;
mod config_file;
mod diff_cmd;
mod error;
mod export;
mod instant;
mod previous;
mod push;
mod schedule_cmd;
mod suggest_cmd;
mod text;
mod transform_cmd;
mod validate_cmd;

use std::io::{self, Write};
use std::process::ExitCode;

use alleo_csv_core::text::errors::ErrorWords;
use clap::Parser;

use crate::args::{Args, Command, MappingCommand};
use crate::error::CliError;

fn main() -> ExitCode {
    let args = Args::parse();
    let lang = args.lang();
    match run(args) {
        Ok(code) => code,
        // Unfinished, as if stopped by SIGPIPE (validate, diff, transform: their verdict).
        Err(CliError::BrokenPipe) => ExitCode::from(141),
        Err(e) => {
            let prefix = ErrorWords::of(lang).prefix;
            let _ = writeln!(io::stderr(), "{prefix}: {}", e.say(lang));
            ExitCode::from(2)
        }
    }
}

fn run(args: Args) -> Result<ExitCode, CliError> {
    match args.command {
        Command::Validate(a) => validate_cmd::run(&a),
        Command::Schedule(a) => schedule_cmd::run(&a),
        Command::Diff(a) => diff_cmd::run(&a),
        Command::Transform(a) => transform_cmd::run(&a),
        Command::Mapping(MappingCommand::Suggest(a)) => suggest_cmd::run(&a),
        Command::Push(a) => push::run(&a),
        Command::CheckConnection(a) => push::check_connection(&a),
        Command::Sync(a) => push::sync::run(&a),
        Command::History(a) => push::history::run(&a),
    }
}
