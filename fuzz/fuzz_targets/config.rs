//! `alleo.toml`: any bytes (as UTF-8, lossily) as the configuration file. When it
//! parses, the configuration is used for a small check, transform and diff of
//! fixed files: a setting the parser accepts must not make the rules panic.
#![no_main]

mod common;

use alleo_csv_core::lifecycle::{Previous, diff};
use alleo_csv_core::transform::{Outputs, TransformOptions, detect_encoding, preview, transform};
use alleo_csv_core::{Config, ConfigFile, Error, Options, validate};
use libfuzzer_sys::fuzz_target;

/// A canonical file with a few problems.
const CANONICAL: &[u8] = b"Email,First name,Last name,Birthday,Language,Company group,custom_employee_id,custom_fte,custom_contract_end,Offboarding date\n\
j.devries@example.nl,Jan,de Vries,1990-05-17,nl,Sales,0012,0.8,2027-03-31,\n\
a.muller@example.de,Anna,M\xC3\xBCller,17-05-1990,NL,Engineering,x,1,5,2026-12-01\n\
j.devries@example.nl,,Jansen,,de,Unknown,12,0,8,,\n";
/// The Dutch export of the examples.
const EXPORT: &[u8] = include_bytes!("../../examples/dutch-export/export.csv");

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(file) = toml::from_str::<ConfigFile>(&text) else {
        return;
    };
    let config = Config::from(file);
    // What the library fronts that take a `Config` (not the whole file) read.
    let _ = toml::from_str::<Config>(&text);

    let as_of = common::as_of();
    for bytes in [CANONICAL, EXPORT] {
        let report = validate(bytes, &config, Options::new(as_of))
            .expect("validate of an in-memory file cannot fail");
        common::render(&report);

        let mut options = TransformOptions::new(as_of);
        options.detected_encoding = Some(detect_encoding(bytes).expect("reading memory"));
        let (mut out, mut rejects, mut changes) = (Vec::new(), Vec::new(), Vec::new());
        let outputs = Outputs::new(&mut out)
            .rejects(&mut rejects)
            .changes(&mut changes);
        match transform(bytes, &config, options, outputs) {
            Ok(done) => common::render(&done.report),
            Err(Error::SelfCheck(why)) => panic!("the self-check failed: {why}"),
            Err(e) => panic!("transform failed with in-memory IO: {e}"),
        }
        preview(bytes, &config.input, options.detected_encoding, 5).expect("reading memory");

        match Previous::read(bytes, &config) {
            Ok(previous) => {
                let plan = diff(&previous, CANONICAL, &config, Options::new(as_of))
                    .expect("diff of an in-memory file cannot fail");
                plan.write_csv(&mut Vec::new()).expect("writing to memory");
            }
            Err(Error::Previous(_)) => {}
            Err(e) => panic!("Previous::read failed with in-memory IO: {e}"),
        }
    }
});
