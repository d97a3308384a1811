//! Inputs that once crashed a fuzz target (`fuzz/regressions/<target>/`), run
//! through the same calls as the target on every `cargo test`: nothing panics,
//! and a file fed in chunks on one thread gives what the whole file gives.
//!
//! The workbook finds are not here: they are overflows in calamine's parser of
//! cell references, which panic only in builds with overflow checks (these
//! tests) and wrap in the release builds that ship; `scripts/fuzz.sh` replays
//! them as the release build reads them (see `fuzz/README.md`).

use std::fs;
use std::path::{Path, PathBuf};

use alleo_csv_core::lifecycle::{Differ, Previous, diff};
use alleo_csv_core::transform::{
    Outputs, TransformOptions, Transformer, detect_encoding, transform,
};
use alleo_csv_core::{Error, Options, sample};
use chrono::NaiveDate;

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).expect("a date")
}

fn finds(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fuzz/regressions")
        .join(target);
    let mut found: Vec<_> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a folder entry").path())
        .map(|path| {
            let bytes = fs::read(&path).expect("a readable file");
            (path, bytes)
        })
        .collect();
    found.sort();
    assert!(!found.is_empty(), "no inputs in {}", dir.display());
    found
}

/// The cuts the fuzz targets make, in a few fixed sizes: one byte, a few bytes,
/// and the whole with an empty chunk before it.
fn cuts(data: &[u8]) -> Vec<Vec<&[u8]>> {
    let mut all: Vec<Vec<&[u8]>> = [1, 3, 7, 64]
        .iter()
        .map(|&size| data.chunks(size).collect())
        .collect();
    all.push(vec![&[], data]);
    all
}

#[test]
fn previous_state_finds_read_and_diff_the_same_in_chunks() {
    let config = sample::config();
    for (path, data) in finds("previous") {
        let halves = data
            .windows(13)
            .position(|w| w == b"\n#next-file#\n")
            .map_or((&data[..], &data[..]), |at| (&data[..at], &data[at + 13..]));
        for (before, now) in [(&data[..], &data[..]), halves] {
            let previous = match Previous::read(before, &config) {
                Ok(previous) => previous,
                Err(Error::Previous(_)) => continue,
                Err(e) => panic!("{}: {e}", path.display()),
            };
            let whole = diff(&previous, now, &config, Options::new(as_of())).expect("in memory");
            for chunks in cuts(now) {
                let mut differ = Differ::new(&previous, &config, Options::new(as_of()));
                for chunk in chunks {
                    differ.feed(chunk);
                }
                let fed = differ.finish();
                assert_eq!(whole.report, fed.report, "{}", path.display());
                assert_eq!(whole.actions, fed.actions, "{}", path.display());
            }
        }
    }
}

#[test]
fn export_finds_transform_the_same_in_chunks() {
    for (path, data) in finds("transform") {
        // The configuration the fuzz target's first byte picks.
        let config = sample::dutch_config_variant(data.first().copied().unwrap_or(0));
        let mut options = TransformOptions::new(as_of());
        if config.input.encoding.is_none() {
            options.detected_encoding = Some(detect_encoding(&data[..]).expect("in memory"));
        }
        let mut out = Vec::new();
        let whole =
            transform(&data[..], &config, options, Outputs::new(&mut out)).expect("in memory");
        for chunks in cuts(&data) {
            let mut fed_out = Vec::new();
            let mut transformer = Transformer::new(&config, options, Outputs::new(&mut fed_out));
            for chunk in chunks {
                transformer.feed(chunk).expect("in memory");
            }
            let fed = transformer.finish().expect("in memory");
            assert_eq!(whole.report, fed.report, "{}", path.display());
            assert_eq!(whole.summary, fed.summary, "{}", path.display());
            assert!(out == fed_out, "{}: the outputs differ", path.display());
        }
    }
}
