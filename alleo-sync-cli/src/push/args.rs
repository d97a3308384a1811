//! The command line of the delivery commands: `push` and `check-connection`.

use std::path::PathBuf;

use alleo_csv_core::Lang;
use clap::ValueEnum;

use crate::args::{CheckArgs, PreviousArgs, parse_lang};

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

    /// Check the file and the connection, and say what would be sent; send nothing.
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
