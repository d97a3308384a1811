//! Writes a generated employee file for benchmarks: `generate ROWS OUT [SEED]
//! [--dutch]`. The canonical file is valid under `alleo_csv_core::sample::config`;
//! with `--dutch`, the same employees are written as a Dutch Excel export
//! (`sample::write_dutch`: `;`, Windows-1252, DD-MM-YYYY, decimal commas), which
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
    args.retain(|a| a != "--dutch");
    let (Some(rows), Some(out)) = (
        args.first().and_then(|r| r.parse::<usize>().ok()),
        args.get(1),
    ) else {
        eprintln!("usage: generate ROWS OUT [SEED] [--dutch]   (dates valid for --as-of {AS_OF})");
        return ExitCode::from(2);
    };
    let seed = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1);
    let as_of = AS_OF.parse().unwrap_or_default();
    let (write, config): (fn(File, usize, u64, _) -> _, _) = if dutch {
        (sample::write_dutch, sample::dutch_config())
    } else {
        (sample::write, sample::config())
    };
    let written = File::create(out)
        .and_then(|f| write(f, rows, seed, as_of))
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
