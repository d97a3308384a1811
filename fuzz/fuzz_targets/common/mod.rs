//! What the fuzz targets share: the date they check against, and cutting the input
//! into chunks whose sizes the input itself decides.

#![allow(dead_code)]

use std::sync::LazyLock;

use chrono::NaiveDate;

/// Whether to compare a chunked, one-thread run with the whole, threaded one
/// (the default). `FUZZ_NO_COMPARE=1` turns the comparisons off, to keep fuzzing
/// for panics past a known difference that would otherwise stop every run.
pub fn compare() -> bool {
    static COMPARE: LazyLock<bool> = LazyLock::new(|| {
        std::env::var_os("FUZZ_NO_COMPARE").is_none_or(|v| v.is_empty() || v == "0")
    });
    *COMPARE
}

/// The pickup date every target checks against (the one of `tests/cases`).
pub fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).expect("a real date")
}

/// `data` cut into chunks. Their sizes come from the first byte (the chunks still
/// cover all of `data`, the first byte too): one-byte chunks, small and uneven
/// ones, or larger ones, so that a record, a quote, a CRLF, a multi-byte
/// character or a byte order mark is cut everywhere it can be.
pub fn chunks(data: &[u8]) -> Vec<&[u8]> {
    let seed = data.first().copied().unwrap_or(0);
    let most: u32 = match seed % 6 {
        0 => 1,
        1 => 2,
        2 => 3,
        3 => 7,
        4 => 64,
        _ => 4096,
    };
    let mut state = u32::from(seed).wrapping_mul(2_654_435_761) | 1;
    let mut out = Vec::new();
    let mut rest = data;
    while !rest.is_empty() {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        let size = (1 + state % most) as usize;
        let (head, tail) = rest.split_at(size.min(rest.len()));
        out.push(head);
        rest = tail;
    }
    // An empty chunk is allowed too, and must change nothing.
    if seed & 0x40 != 0 {
        out.insert(out.len() / 2, &[]);
    }
    out
}

/// Renders `report` every way the fronts do: JSON, CSV, and the readable text in
/// each language, with and without values, all issues listed.
pub fn render(report: &alleo_csv_core::Report) {
    use alleo_csv_core::Lang;
    use alleo_csv_core::text::{self, AsOf, Context, Plain};

    report
        .write_json(&mut Vec::new())
        .expect("writing JSON to memory cannot fail");
    report
        .write_csv(&mut Vec::new())
        .expect("writing CSV to memory cannot fail");
    let mut ctx = Context::new(None, AsOf::Given(as_of()));
    text::write_report(&mut Vec::new(), report, &ctx, &Plain)
        .expect("writing text to memory cannot fail");
    ctx.all = true;
    for (lang, values) in [(Lang::Nl, true), (Lang::De, false)] {
        let mut other = report.clone().with_lang(lang);
        if !values {
            other = other.without_values();
        }
        text::write_report(&mut Vec::new(), &other, &ctx, &Plain)
            .expect("writing text to memory cannot fail");
        other
            .write_json(&mut Vec::new())
            .expect("writing JSON to memory cannot fail");
    }
}
