//! The export reader: any bytes as a customer's export, read as UTF-8,
//! Windows-1252, UTF-16 (LE or BE) or a detected encoding, with a set or detected
//! delimiter, a date format and decimal commas, all chosen by the first byte, under
//! the Dutch mapping of `sample::dutch_config`. A failed self-check is a fault in
//! the program; the chunked `Transformer` must write the same as `transform`.
#![no_main]

mod common;

use alleo_csv_core::transform::{
    Outputs, TransformOptions, Transformed, Transformer, detect_encoding, preview, transform,
};
use alleo_csv_core::{Error, sample};
use libfuzzer_sys::fuzz_target;

struct Written {
    done: Transformed,
    out: Vec<u8>,
    rejects: Vec<u8>,
    changes: Vec<u8>,
}

fuzz_target!(|data: &[u8]| {
    let config = sample::dutch_config_variant(data.first().copied().unwrap_or(0));
    let mut options = TransformOptions::new(common::as_of());
    if config.input.encoding.is_none() {
        options.detected_encoding =
            Some(detect_encoding(data).expect("reading memory cannot fail"));
    }

    let (mut out, mut rejects, mut changes) = (Vec::new(), Vec::new(), Vec::new());
    let outputs = Outputs::new(&mut out)
        .rejects(&mut rejects)
        .changes(&mut changes);
    let done = match transform(data, &config, options, outputs) {
        Ok(done) => done,
        Err(Error::SelfCheck(why)) => panic!("the self-check failed: {why}"),
        Err(e) => panic!("transform failed with in-memory IO: {e}"),
    };
    let whole = Written {
        done,
        out,
        rejects,
        changes,
    };

    common::render(&whole.done.report);
    preview(data, &config.input, options.detected_encoding, 20)
        .expect("previewing memory cannot fail");

    if !common::compare() {
        return;
    }
    // The same export fed in chunks, on one thread.
    let (mut out, mut rejects, mut changes) = (Vec::new(), Vec::new(), Vec::new());
    let outputs = Outputs::new(&mut out)
        .rejects(&mut rejects)
        .changes(&mut changes);
    let mut transformer = Transformer::new(&config, options, outputs);
    for chunk in common::chunks(data) {
        transformer
            .feed(chunk)
            .expect("writing to memory cannot fail");
    }
    let done = transformer.finish().expect("writing to memory cannot fail");
    let chunked = Written {
        done,
        out,
        rejects,
        changes,
    };
    assert_eq!(whole.done.report, chunked.done.report, "reports differ");
    assert_eq!(whole.done.summary, chunked.done.summary, "summaries differ");
    assert_eq!(
        whole.done.stopped, chunked.done.stopped,
        "`stopped` differs"
    );
    assert_eq!(
        whole.done.usable(),
        chunked.done.usable(),
        "`usable` differs"
    );
    assert!(whole.out == chunked.out, "outputs differ");
    assert!(whole.rejects == chunked.rejects, "rejects files differ");
    assert!(whole.changes == chunked.changes, "change logs differ");
});
