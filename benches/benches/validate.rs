//! Criterion benchmarks of the core on generated files (`alleo_csv_core::sample`),
//! named by dataset, with throughput in bytes.

use alleo_csv_core::{Options, Validator, sample, validate};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

fn as_of() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default()
}

fn file(rows: usize) -> Vec<u8> {
    let mut out = Vec::new();
    sample::write(&mut out, rows, 1, as_of()).expect("writing to memory");
    out
}

fn bench_validate(c: &mut Criterion) {
    let config = sample::config();
    let mut group = c.benchmark_group("validate");
    for rows in [10_000, 100_000] {
        let data = file(rows);
        group.throughput(Throughput::Bytes(data.len() as u64));
        group.bench_with_input(BenchmarkId::new("generated", rows), &data, |b, data| {
            b.iter(|| validate(&data[..], &config, Options::new(as_of())).expect("in memory"));
        });
        group.bench_with_input(
            BenchmarkId::new("bare-csv-count", rows),
            &data,
            |b, data| {
                b.iter(|| {
                    let mut r = csv::Reader::from_reader(&data[..]);
                    let mut rec = csv::ByteRecord::new();
                    let mut n = 0u64;
                    while r.read_byte_record(&mut rec).expect("in memory") {
                        n += 1;
                    }
                    n
                });
            },
        );
    }
    let data = file(100_000);
    group.throughput(Throughput::Bytes(data.len() as u64));
    // `validate` checks on a second thread; `Validator::feed` is the one-thread path
    // (the browser's), here in the chunk sizes a reader and a browser stream give.
    for chunk_size in [64 * 1024, 4096] {
        let name = format!(
            "generated-100000-one-thread-{}KiB-chunks",
            chunk_size / 1024
        );
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut v = Validator::new(&config, Options::new(as_of()));
                for chunk in data.chunks(chunk_size) {
                    v.feed(chunk);
                }
                v.finish()
            });
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench_validate
}
criterion_main!(benches);
