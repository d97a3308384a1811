//! Writes a generated employee file for benchmarks: `generate ROWS OUT [SEED]
//! [--roster] [--dutch]`. The canonical file is valid under
//! `alleo_csv_core::sample::config`, new hires only (`sample::Profile::Clean`); with
//! `--roster` it is a whole workforce as a customer's first file is
//! (`sample::Profile::Roster`: past onboarding dates, some offboardings, about 2% of
//! rows with a real error). With `--dutch`, the same employees are written as a
//! Dutch Excel export (`;`, Windows-1252, DD-MM-YYYY, decimal commas), which
//! `alleo-sync transform` turns back into the canonical file. The configuration
//! for either goes to `OUT.toml`.

use std::fs::{self, File};
use std::process::ExitCode;

use alleo_csv_core::sample;

/// The `as_of` the generated dates are valid for (pass the same to `--as-of`).
const AS_OF: &str = "2026-11-26";

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let dutch = args.iter().any(|a| a == "--dutch");
    let profile = if args.iter().any(|a| a == "--roster") {
        sample::Profile::Roster
    } else {
        sample::Profile::Clean
    };
    args.retain(|a| a != "--dutch" && a != "--roster");
    let (Some(rows), Some(out)) = (
        args.first().and_then(|r| r.parse::<usize>().ok()),
        args.get(1),
    ) else {
        eprintln!(
            "usage: generate ROWS OUT [SEED] [--roster] [--dutch]   (dates for --as-of {AS_OF})"
        );
        return ExitCode::from(2);
    };
    let seed = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1);
    let as_of = AS_OF.parse().unwrap_or_default();
    let config = if dutch {
        sample::dutch_config()
    } else {
        sample::config()
    };
    let written = File::create(out)
        .and_then(|f| {
            if dutch {
                profile.write_dutch(f, rows, seed, as_of)
            } else {
                profile.write(f, rows, seed, as_of)
            }
        })
        .and_then(|()| {
            let config = toml::to_string(&config).map_err(std::io::Error::other)?;
            fs::write(format!("{out}.toml"), config)
        });
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: cannot write {out}: {e}");
            ExitCode::from(2)
        }
    }
}
