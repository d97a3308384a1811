//! The validator: any bytes as an employee file, under a configuration with
//! company groups and typed custom fields. Fed in chunks and read whole (on two
//! threads), the report must be the same; it must render as JSON, CSV and text.
#![no_main]

mod common;

use std::sync::LazyLock;

use alleo_csv_core::{Config, Options, Validator, sample, validate};
use libfuzzer_sys::fuzz_target;

static CONFIG: LazyLock<Config> = LazyLock::new(sample::config);

fuzz_target!(|data: &[u8]| {
    let as_of = common::as_of();
    let whole = validate(data, &CONFIG, Options::new(as_of))
        .expect("validate of an in-memory file cannot fail");
    let mut validator = Validator::new(&CONFIG, Options::new(as_of));
    for chunk in common::chunks(data) {
        validator.feed(chunk);
    }
    let chunked = validator.finish();
    if common::compare() {
        assert_eq!(
            whole, chunked,
            "the report depends on the chunking or on the threads"
        );
    }
    common::render(&chunked);
    common::render(&whole);
});
