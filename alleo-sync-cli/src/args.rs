//! The command line.

use std::path::PathBuf;

use alleo_csv_core::Lang;
use chrono::{DateTime, NaiveDate, Utc};
use clap::{Parser, Subcommand, ValueEnum};

use crate::instant::{parse_date, parse_instant};

/// Check the Alleo employee file before it is sent, and see when Alleo picks it up.
///
/// Alleo reads `alleo_employees_<ID>.csv` from your SFTP folder at 02:45 and 20:00
/// UTC. A wrong file means people who cannot log in, or people deactivated by
/// mistake: check it first.
#[derive(Debug, Parser)]
#[command(
    name = "alleo-sync",
    version,
    propagate_version = true,
    arg_required_else_help = true
)]
#[command(
    after_help = "Exit codes: 0 valid (warnings allowed), 1 invalid, 2 could not run.\n\nStart with:\n  alleo-sync validate alleo_employees_acme.csv"
)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check an employee file against every rule Alleo applies.
    Validate(ValidateArgs),
    /// Show Alleo's next pickups, and when an offboarding date deactivates an account.
    Schedule(ScheduleArgs),
}

/// `alleo-sync validate`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  alleo-sync validate alleo_employees_acme.csv
  alleo-sync validate export.csv --config alleo.toml --lang nl
  alleo-sync validate alleo_employees_acme.csv --format json > report.json
  alleo-sync validate alleo_employees_acme.csv --format csv --no-values > issues.csv
  cat alleo_employees_acme.csv | alleo-sync validate -

The rules that say \"today\" use the date of the next pickup (02:45 or 20:00 UTC):
a file sent at 21:00 UTC is read at 02:45 UTC the next day. Use --as-of to check
against another date.

Exit codes: 0 valid (warnings allowed), 1 invalid (or warnings with --strict),
2 could not run (unreadable file, bad configuration).")]
pub struct ValidateArgs {
    /// The employee file to check, or `-` to read standard input.
    pub file: String,

    /// The configuration: company groups, header mapping, custom field types.
    /// Defaults to ./alleo.toml when that file exists.
    #[arg(long, short, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// The date the rules treat as today (YYYY-MM-DD). Defaults to the date of the
    /// next pickup.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,

    /// Output format: a readable report, the JSON report, or one issue per line
    /// as CSV for Excel.
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Language of the messages.
    #[arg(long, value_parser = parse_lang, default_value = "en", value_name = "en|nl|de")]
    pub lang: Lang,

    /// Treat warnings as failures (exit code 1).
    #[arg(long)]
    pub strict: bool,

    /// Leave cell values (personal data) out of the output, for logs and support
    /// tickets.
    #[arg(long)]
    pub no_values: bool,
}

/// `alleo-sync schedule`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  alleo-sync schedule
  alleo-sync schedule --at 2026-11-25T21:00:00Z
  alleo-sync schedule --offboarding 2026-12-31")]
pub struct ScheduleArgs {
    /// The moment to start from, in UTC (2026-11-25T21:00:00Z, 2026-11-25 21:00 or
    /// 2026-11-25). Defaults to now.
    #[arg(long, value_name = "INSTANT", value_parser = parse_instant)]
    pub at: Option<DateTime<Utc>>,

    /// An offboarding date (YYYY-MM-DD): shows when the account is deactivated and
    /// the last pickup that can still change the date.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub offboarding: Option<NaiveDate>,

    /// How many pickups to list.
    #[arg(long, default_value_t = 4, value_name = "N")]
    pub count: usize,
}

/// Output formats of `validate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A readable report, grouped by row.
    Text,
    /// The JSON report (the same every alleo-csv front gives).
    Json,
    /// One issue per line, for Excel.
    Csv,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    s.parse()
}
