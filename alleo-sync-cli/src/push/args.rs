//! The command line of the delivery commands: `push` and `check-connection`.

use std::path::PathBuf;

use alleo_csv_core::Lang;
use clap::ValueEnum;

use crate::args::{CheckArgs, Format, PreviousArgs, parse_lang};

/// How `push` and `check-connection` report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PushFormat {
    /// For people.
    Text,
    /// One JSON object, for scripts.
    Json,
}

/// `alleo-sync push`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  alleo-sync check-connection                 # first: the key, the login, the folder
  alleo-sync push alleo_employees_acme.csv --dry-run
  alleo-sync push alleo_employees_acme.csv
  alleo-sync push alleo_employees_acme.csv --replace --format json

Where to: the [sftp] section of alleo.toml (host, port, user, directory, file_id,
password_env or password_file, host_key or known_hosts; protocol = \"ftp\" for FTP).
The remote name is alleo_employees_<file_id>.csv. The password comes from the
environment variable or file named there, or is asked for on a terminal; it is never
an argument.

What a push does: checks the file as validate does (with the last delivered file as
the previous state) and sends nothing if it is invalid or would deactivate too many
people; checks the server's host key before sending the password; refuses if other
alleo_employees_*.csv files wait in the folder (Alleo would process them too), unless
--replace; uploads under a temporary name Alleo ignores, checks its size, and renames
it over the final name; keeps the file as the previous state. Connection failures are
retried (retries in [sftp], default 3); a refused login or an unknown key is not.

Exit codes: 0 delivered (or the dry run passed), 1 the file is invalid (nothing
sent), 2 could not deliver (nothing under the final name).")]
pub struct PushArgs {
    /// The employee file to deliver.
    pub file: String,

    #[command(flatten)]
    pub check: CheckArgs,

    #[command(flatten)]
    pub previous: PreviousArgs,

    #[command(flatten)]
    pub deliver: DeliverArgs,
}

/// How `push` and `sync` deliver and report.
#[derive(Debug, clap::Args)]
pub struct DeliverArgs {
    /// Check the file and the connection, and say what would be sent; send nothing
    /// and record nothing.
    #[arg(long)]
    pub dry_run: bool,

    /// Remove other alleo_employees_*.csv files from the folder, once the new file
    /// is in place.
    #[arg(long)]
    pub replace: bool,

    /// How to report.
    #[arg(long, value_enum, default_value_t = PushFormat::Text)]
    pub format: PushFormat,
}

impl DeliverArgs {
    /// Whether the report is JSON.
    pub fn json(&self) -> bool {
        self.format == PushFormat::Json
    }
}

/// `alleo-sync check-connection`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Connects to the server in alleo.toml's [sftp], checks its host key, logs in, checks
that the folder exists and can be written to (a temporary file is created and
removed), and lists the alleo_employees_*.csv files waiting there.

Exit codes: 0 all good, 2 something failed (the message says what and how to fix it).")]
pub struct CheckConnectionArgs {
    // Help text as an attribute: rustdoc would read "[sftp]" as a link.
    #[arg(
        long,
        short,
        value_name = "FILE",
        help = "The configuration with the [sftp] section. Defaults to ./alleo.toml."
    )]
    pub config: Option<PathBuf>,

    /// How to report.
    #[arg(long, value_enum, default_value_t = PushFormat::Text)]
    pub format: PushFormat,

    /// Language of the output.
    #[arg(long, value_parser = parse_lang, default_value = "en", value_name = "en|nl|de")]
    pub lang: Lang,
}

/// `alleo-sync sync`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  alleo-sync sync --dry-run                      # the newest export matching [sync] export
  alleo-sync sync /srv/hr/out/medewerkers.csv
  alleo-sync sync --format json                  # for cron, systemd and monitoring
  alleo-sync sync --dry-run --previous reporting_export.csv   # a first run

The daily job in one command: the HR export is transformed in memory as [input]
and [mapping] in alleo.toml say, checked against the last file delivered (the state
folder), and delivered as push delivers. Nothing is sent when the export has an
error, when sensitive data is found, or when too many people would be
deactivated. One run at a time: a second run exits 2 at once. Every run that gets
to the check is a line in history.jsonl in the state folder (see `alleo-sync
history`), and the file sent is kept in delivered/ ([state] keep, default 30).
With [notify] url, the run's summary is posted there.

Run it 30 minutes before each pickup: `alleo-sync schedule --cron` or --systemd
prints the lines.

Exit codes: 0 delivered (or the dry run passed), 1 refused (nothing sent), 2 could
not run or deliver (nothing under the final name).")]
pub struct SyncArgs {
    /// The HR export (CSV or .xlsx). Defaults to the newest file matching
    /// `[sync] export`.
    pub export: Option<String>,

    #[command(flatten)]
    pub check: CheckArgs,

    /// On a first run, give the previous state here: the file last sent to Alleo,
    /// or an export of Alleo's reporting.
    #[command(flatten)]
    pub previous: PreviousArgs,

    #[command(flatten)]
    pub deliver: DeliverArgs,
}

/// `alleo-sync history`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  alleo-sync history                             # every run, newest last
  alleo-sync history --format json
  alleo-sync history diff 20261127T021500Z 20261128T021500Z

Lists what each sync and push recorded in history.jsonl in the state folder: when,
the outcome (delivered, refused, failed) and why, the file sent, its rows and
plan. `history diff A B` shows the plan between two kept deliveries (A as the
previous state, B as the new file), as `alleo-sync diff` shows it; A and B are
names in the state folder's delivered/ (or the start of one, such as its time),
or paths.")]
pub struct HistoryArgs {
    #[command(subcommand)]
    pub command: Option<HistoryCommand>,

    // Help text as an attribute: rustdoc would read "[state]" as a link.
    #[arg(
        long,
        short,
        value_name = "FILE",
        help = "The configuration whose [state] dir holds the history. Defaults to ./alleo.toml."
    )]
    pub config: Option<PathBuf>,

    /// How to list the runs.
    #[arg(long, value_enum, default_value_t = PushFormat::Text)]
    pub format: PushFormat,

    /// Language of the output.
    #[arg(long, value_parser = parse_lang, default_value = "en", value_name = "en|nl|de")]
    pub lang: Lang,
}

/// `alleo-sync history ...`.
#[derive(Debug, clap::Subcommand)]
pub enum HistoryCommand {
    /// Show the plan between two kept deliveries.
    Diff(HistoryDiffArgs),
}

/// `alleo-sync history diff`.
#[derive(Debug, clap::Args)]
pub struct HistoryDiffArgs {
    /// The earlier delivery (the previous state).
    pub a: String,
    /// The later delivery.
    pub b: String,

    #[command(flatten)]
    pub check: CheckArgs,

    /// Output format, as `alleo-sync diff`'s.
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// List every action one by one.
    #[arg(long)]
    pub all: bool,
}

/// `alleo-sync schedule --cron | --systemd`: what runs `sync` before each pickup.
#[derive(Debug, clap::Args)]
pub struct UnitsArgs {
    /// Print crontab lines that run `sync` 30 minutes before each pickup.
    #[arg(long, conflicts_with = "systemd")]
    pub cron: bool,

    /// Print a systemd service and timer that run `sync` 30 minutes before each
    /// pickup.
    #[arg(long)]
    pub systemd: bool,

    /// The configuration the scheduled `sync` uses (with --cron or --systemd).
    /// Defaults to ./alleo.toml when it exists, else /etc/alleo-sync/alleo.toml.
    #[arg(long, short, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// The alleo-sync the scheduled job runs. Defaults to this one.
    #[arg(long, value_name = "PATH")]
    pub binary: Option<PathBuf>,
}
