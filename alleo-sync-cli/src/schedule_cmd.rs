//! `alleo-sync schedule`.

use std::io;
use std::process::ExitCode;

use alleo_csv_core::text::schedule::write_schedule;
use chrono::Utc;

use crate::args::ScheduleArgs;
use crate::error::CliError;

/// Prints the next pickups and, for an offboarding date, when it takes effect.
pub fn run(args: &ScheduleArgs) -> Result<ExitCode, CliError> {
    if args.units.cron || args.units.systemd {
        return crate::push::units::run(&args.units);
    }
    let now = args.at.unwrap_or_else(Utc::now);
    let mut out = io::stdout().lock();
    let count = args.count.into();
    write_schedule(&mut out, now, count, args.offboarding, args.lang).map_err(CliError::output)?;
    Ok(ExitCode::SUCCESS)
}
