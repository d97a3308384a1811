//! Check the bundled demo file with the core library, as an import script would.
//!
//! ```sh
//! cargo run -p alleo-csv-examples --example validate [FILE] [alleo.toml]
//! ```

use std::fs::{self, File};
use std::process::ExitCode;

use alleo_csv_core::schedule::next_pickup;
use alleo_csv_core::{Config, Options, validate};

fn main() -> ExitCode {
    let dir = env!("CARGO_MANIFEST_DIR");
    let mut args = std::env::args().skip(1);
    let file = args
        .next()
        .unwrap_or_else(|| format!("{dir}/alleo_employees_demo.csv"));
    let config_path = args.next().unwrap_or_else(|| format!("{dir}/alleo.toml"));

    let config: Config = match fs::read_to_string(&config_path).map(|t| toml::from_str(&t)) {
        Ok(Ok(config)) => config,
        Ok(Err(e)) => return fail(&format!("{config_path} is not valid: {e}")),
        Err(e) => return fail(&format!("cannot read {config_path}: {e}")),
    };
    // The rules' "today" is the day of the next pickup, as in the CLI.
    let pickup = next_pickup(chrono::Utc::now());
    let mut options = Options::new(pickup.date());
    options.file_name = Some(file.clone());

    let report = match File::open(&file)
        .map_err(alleo_csv_core::Error::Read)
        .and_then(|f| validate(f, &config, options))
    {
        Ok(report) => report,
        Err(e) => return fail(&format!("{file}: {e}")),
    };
    println!(
        "{file}: {} rows, {} errors, {} warnings (for the pickup of {pickup})",
        report.rows,
        report.errors(),
        report.warnings()
    );
    for issue in &report.issues {
        let row = issue
            .row
            .map_or_else(|| "file".to_owned(), |r| format!("row {r}"));
        println!(
            "  {row:>8}  {:<26} {}",
            issue.code(),
            report.message_of(issue)
        );
    }
    if report.valid() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(2)
}
