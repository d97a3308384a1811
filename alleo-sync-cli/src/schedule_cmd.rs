//! `alleo-sync schedule`.

use std::io::{self, Write};
use std::process::ExitCode;

use alleo_csv_core::schedule::{deactivation_at, last_pickup_before_deactivation, pickups_after};
use chrono::Utc;

use crate::args::ScheduleArgs;
use crate::error::CliError;

/// Prints the next pickups and, for an offboarding date, when it takes effect.
pub fn run(args: &ScheduleArgs) -> Result<ExitCode, CliError> {
    let now = args.at.unwrap_or_else(Utc::now);
    let mut out = io::stdout().lock();
    write(&mut out, now, args).map_err(CliError::output)?;
    Ok(ExitCode::SUCCESS)
}

fn write(out: &mut impl Write, now: chrono::DateTime<Utc>, args: &ScheduleArgs) -> io::Result<()> {
    writeln!(
        out,
        "Alleo picks up the file at 02:45 and 20:00 UTC every day."
    )?;
    writeln!(
        out,
        "Next pickups after {}:",
        now.format("%a %Y-%m-%d %H:%M UTC")
    )?;
    let pickups: Vec<_> = pickups_after(now).take(args.count.max(1)).collect();
    for p in &pickups {
        let wait = p.at - now;
        writeln!(
            out,
            "  {p}   in {}h {:02}m",
            wait.num_hours(),
            wait.num_minutes() % 60
        )?;
    }
    if let Some(first) = pickups.first() {
        writeln!(
            out,
            "A file uploaded now is read at {first}; the rules that say \"today\" use {}.",
            first.date()
        )?;
    }
    if let Some(date) = args.offboarding {
        let at = deactivation_at(date);
        writeln!(
            out,
            "\nOffboarding date {date}: the account is deactivated at {}.",
            at.format("%a %Y-%m-%d %H:%M UTC")
        )?;
        if let Some(last) = last_pickup_before_deactivation(date) {
            writeln!(
                out,
                "The last pickup that can still change that date is {last}."
            )?;
        }
        if at <= now {
            writeln!(
                out,
                "That moment has passed: the account is already deactivated."
            )?;
        }
    }
    Ok(())
}
