//! The workbook reader (`.xlsx`, calamine): any bytes as a workbook, under the
//! Dutch mapping. Not a workbook is an error, never a panic.
//!
//! Random bytes seldom get past a zip's checksums to the cells, so an input that
//! is not a zip file is taken as the parts of a workbook instead: the shared
//! strings, the first sheet and the styles, separated by [`PART`], zipped here
//! (stored, with correct checksums) with the other parts of
//! `examples/dutch-export/export.xlsx`. scripts/fuzz.sh seeds both kinds.
#![no_main]

mod common;

use std::io::{Cursor, Read, Write};
use std::sync::LazyLock;

use alleo_csv_core::transform::{Outputs, TransformOptions, preview_workbook, transform_workbook};
use alleo_csv_core::{Config, Error, sample};
use libfuzzer_sys::fuzz_target;
use zip::write::SimpleFileOptions;

static CONFIG: LazyLock<Config> = LazyLock::new(sample::dutch_config);

/// Between two parts of a workbook given as its parts.
const PART: &[u8] = b"\n<!--part-->\n";
/// The parts an input gives, in order.
const FUZZED: [&str; 3] = [
    "xl/sharedStrings.xml",
    "xl/worksheets/sheet1.xml",
    "xl/styles.xml",
];

/// The other parts of the example workbook, by name.
static REST: LazyLock<Vec<(String, Vec<u8>)>> = LazyLock::new(|| {
    let bytes: &[u8] = include_bytes!("../../examples/dutch-export/export.xlsx");
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("the example is a workbook");
    let mut parts = Vec::new();
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).expect("a part of the example");
        let name = file.name().expect("a part name").into_owned();
        if FUZZED.contains(&name.as_str()) {
            continue;
        }
        let mut body = Vec::new();
        file.read_to_end(&mut body).expect("a readable part");
        parts.push((name, body));
    }
    parts
});

/// A workbook whose fuzzed parts are those of `data`.
fn workbook_of(data: &[u8]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut given = split(data, PART);
    for name in FUZZED {
        // A part not given is left out (a workbook may have no shared strings).
        if let Some(body) = given.next() {
            zip.start_file(name, stored).expect("zipping in memory");
            zip.write_all(body).expect("zipping in memory");
        }
    }
    for (name, body) in REST.iter() {
        zip.start_file(name.as_str(), stored)
            .expect("zipping in memory");
        zip.write_all(body).expect("zipping in memory");
    }
    zip.finish().expect("zipping in memory").into_inner()
}

fn split<'a>(mut data: &'a [u8], sep: &'a [u8]) -> impl Iterator<Item = &'a [u8]> + 'a {
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        if let Some(at) = data.windows(sep.len()).position(|w| w == sep) {
            let head = &data[..at];
            data = &data[at + sep.len()..];
            Some(head)
        } else {
            done = true;
            Some(data)
        }
    })
}

fn check(workbook: &[u8]) {
    let (mut out, mut rejects, mut changes) = (Vec::new(), Vec::new(), Vec::new());
    let outputs = Outputs::new(&mut out)
        .rejects(&mut rejects)
        .changes(&mut changes);
    let options = TransformOptions::new(common::as_of());
    match transform_workbook(Cursor::new(workbook), &CONFIG, options, outputs) {
        Ok(done) => common::render(&done.report),
        // Not a workbook, or no such sheet: said, not a panic.
        Err(Error::Workbook(_) | Error::Config(_)) => {}
        Err(Error::SelfCheck(why)) => panic!("the self-check failed: {why}"),
        Err(e) => panic!("transform_workbook failed with in-memory IO: {e}"),
    }
    match preview_workbook(Cursor::new(workbook), &CONFIG.input, 20) {
        Ok(_) | Err(Error::Workbook(_) | Error::Config(_)) => {}
        Err(e) => panic!("preview_workbook failed with in-memory IO: {e}"),
    }
}

fuzz_target!(|data: &[u8]| {
    if data.starts_with(b"PK") {
        check(data);
    } else {
        check(&workbook_of(data));
    }
});
