//! The command line.

use std::path::PathBuf;

use alleo_csv_core::schedule::next_pickup;
use alleo_csv_core::{Lang, Options};
use chrono::{DateTime, NaiveDate, Utc};
use clap::{Parser, Subcommand, ValueEnum};

use crate::instant::{parse_date, parse_instant};
use crate::push::args::{CheckConnectionArgs, HistoryArgs, PushArgs, SyncArgs, UnitsArgs};
use crate::text::AsOf;

/// Check the Alleo employee file before it is sent, turn an HR export into it, and
/// see when Alleo picks it up.
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
    after_help = "Exit codes: 0 valid (warnings allowed), 1 invalid, 2 could not run.\n\nStart with:\n  alleo-sync validate alleo_employees_acme.csv\n  alleo-sync transform export.csv -o alleo_employees_acme.csv"
)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
}

impl Args {
    /// The language the command speaks (`--lang`), for its errors too.
    pub fn lang(&self) -> Lang {
        match &self.command {
            Command::Validate(a) => a.check.lang,
            Command::Diff(a) => a.check.lang,
            Command::Transform(a) => a.lang,
            Command::Mapping(MappingCommand::Suggest(a)) => a.lang,
            Command::Schedule(a) => a.lang,
            Command::Push(a) => a.check.lang,
            Command::CheckConnection(a) => a.lang,
            Command::Sync(a) => a.check.lang,
            Command::History(a) => a.lang,
        }
    }
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check an employee file against every rule Alleo applies.
    Validate(ValidateArgs),
    /// Show what Alleo will do with a file: who is onboarded, updated, deactivated.
    Diff(DiffArgs),
    /// Turn an HR export (CSV in any encoding and delimiter, or .xlsx) into the
    /// Alleo file, repairing what is safe to repair and recording every change.
    Transform(TransformArgs),
    // Help text as an attribute: rustdoc would read "[mapping]" as a link.
    /// Suggest the mapping of an export's headers, for alleo.toml.
    #[command(
        subcommand,
        about = "Suggest a [mapping] for an export's headers, to paste into alleo.toml."
    )]
    Mapping(MappingCommand),
    /// Show Alleo's next pickups, and when an offboarding date deactivates an account.
    Schedule(ScheduleArgs),
    /// Check the file, then deliver it to the SFTP (or FTP) folder Alleo picks it up
    /// from: whole, alone, and only to the server whose key you pinned.
    Push(PushArgs),
    /// Connect to the delivery server, check its key, log in, and check the folder,
    /// without delivering anything.
    CheckConnection(CheckConnectionArgs),
    /// The daily job: transform the HR export, check it against the last delivery,
    /// deliver it, and record the run; one run at a time.
    Sync(SyncArgs),
    /// List the runs of sync and push recorded in the state folder, or show the
    /// plan between two kept deliveries.
    History(HistoryArgs),
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

    #[command(flatten)]
    pub check: CheckArgs,

    /// Output format: a readable report, the JSON report, or one issue per line
    /// as CSV for Excel.
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Leave cell values (personal data) out of the output, for logs and support
    /// tickets.
    #[arg(long)]
    pub no_values: bool,

    /// List every warning one by one in the readable report (a warning found on
    /// many rows is otherwise shown once, with its first rows).
    #[arg(long)]
    pub all: bool,

    #[command(flatten)]
    pub previous: PreviousArgs,
}

/// What `validate` and `diff` check with.
#[derive(Debug, Clone, clap::Args)]
pub struct CheckArgs {
    /// The configuration: company groups, header mapping, custom field types,
    /// `[safety]`. Defaults to ./alleo.toml when that file exists.
    #[arg(long, short, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// The date the rules treat as today (YYYY-MM-DD). Defaults to the date of the
    /// next pickup.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,

    /// Language of the messages.
    #[arg(long, value_parser = parse_lang, default_value = "en", value_name = "en|nl|de")]
    pub lang: Lang,

    /// Treat warnings as failures (exit code 1).
    #[arg(long)]
    pub strict: bool,

    /// Accept up to N deactivations in this run, when that is more than `[safety]
    /// max_deactivations` allows (default: 10% of the previous state, at least 5):
    /// the count the `mass-deactivation` error names.
    #[arg(long, value_name = "N")]
    pub allow_deactivations: Option<u64>,
}

impl CheckArgs {
    /// The date the rules treat as today (`--as-of`, else the next pickup's), and
    /// the options of a check on that date in `--lang`.
    pub fn options(&self) -> (AsOf, Options) {
        let as_of = match self.as_of {
            Some(date) => AsOf::Given(date),
            None => AsOf::NextPickup(next_pickup(Utc::now())),
        };
        let mut options = Options::new(as_of.date());
        options.lang = self.lang;
        options.allow_deactivations = self.allow_deactivations;
        (as_of, options)
    }
}

/// How a command finds the previous state.
#[derive(Debug, clap::Args)]
pub struct PreviousArgs {
    /// The previous state: the file last sent to Alleo, or an export of Alleo's
    /// reporting. Defaults to the last file delivered from this machine (the
    /// state folder, `[state] dir`).
    #[arg(long, value_name = "FILE", conflicts_with = "no_previous")]
    pub previous: Option<PathBuf>,

    /// Check without a previous state, even when one was delivered.
    #[arg(long)]
    pub no_previous: bool,
}

/// `alleo-sync diff`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  alleo-sync diff last_sent.csv alleo_employees_acme.csv
  alleo-sync diff alleo_employees_acme.csv          # against the last file delivered
  alleo-sync diff reporting_export.csv alleo_employees_acme.csv --format csv > dry-run.csv
  alleo-sync diff old.csv new.csv --allow-deactivations 40

The previous state is the file last sent to Alleo, or an export of Alleo's
reporting (its alleo_custom_ columns are read as the custom_ fields). Employees
are matched by email, case-insensitively. Alleo deactivates only through an
offboarding date: an employee left out of the file stays active (`absent`).

Exit codes: 0 valid (warnings allowed), 1 invalid (or warnings with --strict),
2 could not run.")]
pub struct DiffArgs {
    /// `PREV FILE`, or just `FILE` to compare with the last file delivered from
    /// this machine.
    #[arg(num_args = 1..=2, required = true, value_name = "[PREV] FILE")]
    pub files: Vec<String>,

    #[command(flatten)]
    pub check: CheckArgs,

    /// Output format: text (the plan readably), json, or csv: one action per line
    /// like Alleo's dry-run report (its issues: `validate --previous ... -f csv`).
    #[arg(long, short, value_enum, default_value_t = Format::Text, hide_possible_values = true)]
    pub format: Format,

    /// List every action and warning one by one in the readable plan (a long
    /// list is otherwise shown by its first lines).
    #[arg(long)]
    pub all: bool,

    /// The name the file is checked as, when it is not its own (a kept delivery
    /// was sent under another): not a flag, set by `history diff`.
    #[arg(skip)]
    pub checked_as: Option<String>,
}

/// `alleo-sync transform`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  alleo-sync transform export.csv -o alleo_employees_acme.csv
  alleo-sync transform export.xlsx -o alleo_employees_acme.csv --config alleo.toml
  alleo-sync transform export.csv -o alleo_employees_acme.csv --rejects rejects.csv --changes changes.csv

How the export is written goes in the [input] section of alleo.toml:
  [input]
  delimiter = \";\"            # detected from the header when left out
  encoding = \"windows-1252\"  # detected when left out: UTF-8, else Windows-1252
  date_format = \"%d-%m-%Y\"   # dates as 25-11-2026; left out: YYYY-MM-DD only
  decimal_comma = true
Headers that are not Alleo's go in [mapping]; `alleo-sync mapping suggest FILE`
proposes one.

Nothing is written unless every row is valid after its repairs; with --rejects,
valid rows are written and the others go to the rejects file with the reason.
The input is never changed, and the output appears whole or not at all.

Exit codes: 0 every row written, 1 rows rejected or nothing written (the report
says why), 2 could not run (unreadable file, bad configuration, unwritable folder).")]
pub struct TransformArgs {
    /// The export to read: a CSV file, an .xlsx workbook, or `-` for standard input.
    pub input: String,

    /// The Alleo file to write (name it `alleo_employees_<ID>.csv` for Alleo to
    /// pick it up). Replaced only once it is complete and checked, so never `-`.
    #[arg(long, short, value_name = "FILE")]
    pub output: PathBuf,

    /// The configuration. Defaults to ./alleo.toml when that file exists.
    #[arg(
        long,
        short,
        value_name = "FILE",
        help = "The configuration: [input], [mapping], custom field types, company groups. Defaults to ./alleo.toml when that file exists."
    )]
    pub config: Option<PathBuf>,

    /// Write rows that would still be invalid here, as the export has them, with a
    /// reason column, and write the valid rows to the output.
    #[arg(long, value_name = "FILE")]
    pub rejects: Option<PathBuf>,

    /// Write every change (row, column, field, old, new, rule) here, as CSV.
    #[arg(long, value_name = "FILE")]
    pub changes: Option<PathBuf>,

    /// Keep the rows still invalid in the output too, to fix them there (in a
    /// spreadsheet, or the checker page's grid): not a file to send until
    /// `alleo-sync validate` finds no error in it. Exits 1 while such rows remain.
    #[arg(long)]
    pub keep_invalid: bool,

    /// The date the rules treat as today (YYYY-MM-DD). Defaults to the date of the
    /// next pickup.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,

    /// Output format of the summary: readable text, or JSON with the summary and
    /// the report.
    #[arg(long, short, value_enum, default_value_t = SummaryFormat::Text)]
    pub format: SummaryFormat,

    /// Language of the messages and of the reasons in the rejects file.
    #[arg(long, value_parser = parse_lang, default_value = "en", value_name = "en|nl|de")]
    pub lang: Lang,
}

/// `alleo-sync mapping ...`.
#[derive(Debug, Subcommand)]
pub enum MappingCommand {
    /// Print the sections of alleo.toml an export needs.
    #[command(
        about = "Print a [mapping] (and [input], [custom_fields]) for an export's headers, with a confidence and a reason per line, to check and paste into alleo.toml."
    )]
    Suggest(SuggestArgs),
}

/// `alleo-sync mapping suggest`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  alleo-sync mapping suggest export.csv
  alleo-sync mapping suggest export.xlsx >> alleo.toml

Suggestions are never applied by themselves: check each line (an \"Email consent\"
column must not become the email), then put the table in alleo.toml. Lines the
tool is unsure of are commented out.")]
pub struct SuggestArgs {
    /// The export whose headers to map: a CSV file, an .xlsx workbook, or `-`.
    pub input: String,

    /// The configuration to start from. Defaults to ./alleo.toml when it exists.
    #[arg(
        long,
        short,
        value_name = "FILE",
        help = "The configuration whose [input] and [mapping] to start from. Defaults to ./alleo.toml when that file exists."
    )]
    pub config: Option<PathBuf>,

    /// Output format: alleo.toml sections with comments, or JSON for programs.
    #[arg(long, short, value_enum, default_value_t = SuggestFormat::Toml)]
    pub format: SuggestFormat,

    /// Language of the comments.
    #[arg(long, value_parser = parse_lang, default_value = "en", value_name = "en|nl|de")]
    pub lang: Lang,
}

/// Output formats of `mapping suggest`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SuggestFormat {
    /// `[input]`, `[mapping]` and `[custom_fields]` with a comment per line.
    Toml,
    /// Every suggestion with its confidence, reason and evidence.
    Json,
}

/// `alleo-sync schedule`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  alleo-sync schedule
  alleo-sync schedule --at 2026-11-25T21:00:00Z
  alleo-sync schedule --offboarding 2026-12-31 --lang nl
  alleo-sync schedule --cron >> mycrontab
  alleo-sync schedule --systemd --config /etc/alleo-sync/alleo.toml

--cron and --systemd print what runs `alleo-sync sync` 30 minutes before each
pickup (02:15 and 19:30 UTC): crontab lines, or a hardened systemd service and
timer (the README's \"Running it every day\" shows how to install them).")]
pub struct ScheduleArgs {
    /// The moment to start from, in UTC (2026-11-25T21:00:00Z, 2026-11-25 21:00 or
    /// 2026-11-25). Defaults to now.
    #[arg(long, value_name = "INSTANT", value_parser = parse_instant)]
    pub at: Option<DateTime<Utc>>,

    /// An offboarding date (YYYY-MM-DD): shows when the account is deactivated and
    /// the last pickup that can still change the date.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub offboarding: Option<NaiveDate>,

    /// How many pickups to list (1 to 1000).
    #[arg(long, default_value_t = 4, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=1000))]
    pub count: u16,

    #[command(flatten)]
    pub units: UnitsArgs,

    /// Language of the output.
    #[arg(long, value_parser = parse_lang, default_value = "en", value_name = "en|nl|de")]
    pub lang: Lang,
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

/// Output formats of `transform`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SummaryFormat {
    /// What was done, and the issues, readably.
    Text,
    /// `{"summary": ..., "report": ..., "written": ...}`.
    Json,
}

pub(crate) fn parse_lang(s: &str) -> Result<Lang, String> {
    s.parse()
}
