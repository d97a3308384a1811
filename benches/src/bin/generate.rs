//! Writes a generated employee file (valid under `alleo_csv_core::sample::config`)
//! for benchmarks: `generate ROWS OUT [SEED]`. The config goes to `OUT.toml`.

use std::fs::{self, File};
use std::process::ExitCode;

use alleo_csv_core::sample;

/// The `as_of` the generated dates are valid for (pass the same to `--as-of`).
const AS_OF: &str = "2026-11-26";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(rows), Some(out)) = (
        args.first().and_then(|r| r.parse::<usize>().ok()),
        args.get(1),
    ) else {
        eprintln!("usage: generate ROWS OUT [SEED]   (dates valid for --as-of {AS_OF})");
        return ExitCode::from(2);
    };
    let seed = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1);
    let as_of = AS_OF.parse().unwrap_or_default();
    let written = File::create(out)
        .and_then(|f| sample::write(f, rows, seed, as_of))
        .and_then(|()| {
            let config = toml::to_string(&sample::config()).map_err(std::io::Error::other)?;
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
