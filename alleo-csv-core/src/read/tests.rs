//! The record reader's tests: rows, offsets, chunking, and plain lines read apart.

use proptest::prelude::*;

use super::*;

/// Every record (as its `Debug`: row, offsets, bytes, ends), read with plain
/// lines read apart or not, fed in chunks of `chunk` bytes.
fn records_of(input: &[u8], delimiter: u8, plain: bool, chunk: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut reader = RecordReader::with_delimiter(delimiter);
    if !plain {
        reader.plain = Plain::Never;
    }
    let mut sink = |r: &Record<'_>| out.push(format!("{r:?}"));
    for c in input.chunks(chunk.max(1)) {
        reader.feed(c, &mut sink);
    }
    reader.finish(&mut sink);
    out
}

/// (row, fields, whether the file ended inside one of its quoted values) of every
/// record, fed in chunks of `chunk` bytes.
fn read_all(input: &[u8], chunk: usize) -> Vec<(u64, Vec<String>, bool)> {
    let mut out = Vec::new();
    let mut reader = RecordReader::new();
    let mut sink = |r: &Record<'_>| {
        let fields = (0..r.len())
            .map(|i| String::from_utf8_lossy(r.field(i)).into_owned())
            .collect();
        out.push((r.row, fields, r.open_quote));
    };
    for c in input.chunks(chunk.max(1)) {
        reader.feed(c, &mut sink);
    }
    reader.finish(&mut sink);
    out
}

/// (row, fields) of every record, fed in chunks of `chunk` bytes.
fn rows(input: &[u8], chunk: usize) -> Vec<(u64, Vec<String>)> {
    let read = read_all(input, chunk).into_iter();
    read.map(|(row, fields, _)| (row, fields)).collect()
}

fn row_numbers(input: &str) -> Vec<u64> {
    rows(input.as_bytes(), 1 << 16)
        .into_iter()
        .map(|(r, _)| r)
        .collect()
}

#[test]
fn rows_count_like_a_spreadsheet() {
    assert_eq!(row_numbers("a\nb\nc"), [1, 2, 3]);
    assert_eq!(row_numbers("a\r\nb\r\nc\r\n"), [1, 2, 3]);
    assert_eq!(row_numbers("a\n\nb\n\n\nc\n\n"), [1, 3, 6]);
    assert_eq!(row_numbers("a\r\n\r\nb\r\n"), [1, 3]);
    assert_eq!(row_numbers("\n\na\nb"), [3, 4]);
    assert_eq!(row_numbers("a\rb\r\rc"), [1, 2, 4]);
    assert_eq!(row_numbers("h\n\"two\nlines\",x\nnext"), [1, 2, 3]);
    assert_eq!(
        row_numbers("h\r\n\"two\r\n\r\nlines\"\r\n\r\nnext"),
        [1, 2, 4]
    );
}

#[test]
fn bom_is_dropped_and_offsets_stay_file_offsets() {
    let rows = rows(b"\xEF\xBB\xBFEmail\nx", 1);
    assert_eq!(rows[0].1, ["Email"]);
    let mut starts = Vec::new();
    let mut reader = RecordReader::new();
    let mut sink = |r: &Record<'_>| starts.push((r.start, r.end));
    reader.feed(b"\xEF\xBB\xBFab\ncd", &mut sink);
    reader.finish(&mut sink);
    assert_eq!(starts, [(3, 6), (6, 8)]);
    // A file that is only part of a BOM is still read.
    assert_eq!(super::tests::rows(b"\xEF\xBB", 1)[0].0, 1);
}

#[test]
fn plain_lines_read_apart_keep_csv_cores_byte_order_mark_rule() {
    // csv-core takes a byte order mark off only the first record it reads (here
    // the file's second, after ours was taken off): a later line's is data.
    for input in [
        &b"\xEF\xBB\xBFa\r\xEF\xBB\xBFb\n\xEF\xBB\xBFc"[..],
        b"\r\xC3\r\xEF\xBB\xBF",
    ] {
        for chunk in [1, 1 << 16] {
            assert_eq!(
                records_of(input, b',', true, chunk),
                records_of(input, b',', false, chunk)
            );
        }
    }
}

#[test]
fn a_batch_gives_back_the_records_pushed() {
    let input = b"h1,h2\r\n\n\"a\nb\",c\nd,\xFF\n";
    let mut direct = Vec::new();
    let mut batch = RecordBatch::default();
    let mut reader = RecordReader::new();
    let mut sink = |r: &Record<'_>| {
        direct.push(format!("{r:?}"));
        batch.push(r);
    };
    reader.feed(input, &mut sink);
    reader.finish(&mut sink);
    let mut replayed = Vec::new();
    batch.for_each(&mut |r| replayed.push(format!("{r:?}")));
    assert_eq!(replayed, direct);
    assert_eq!(replayed.len(), 3);
    batch.clear();
    assert!(batch.is_empty());
}

#[test]
fn first_bad_byte() {
    let mut u = Utf8Check::default();
    u.feed("é".as_bytes().get(..1).unwrap());
    u.feed(b"x");
    assert_eq!(u.first_bad, Some(0));
    let mut u = Utf8Check::default();
    u.feed(b"ab\xC3");
    u.finish();
    assert_eq!(u.first_bad, Some(2));
}

fn lines() -> impl Strategy<Value = String> {
    let field = prop_oneof!["[a-z ]{0,4}", "\"[a-z,\r\n]{0,5}\"",];
    let record = prop::collection::vec(field, 1..4).prop_map(|f| f.join(","));
    let sep = prop_oneof![Just("\n"), Just("\r\n"), Just("\n\n"), Just("\r\n\r\n\r\n")];
    prop::collection::vec((record, sep), 0..8)
        .prop_map(|v| v.into_iter().flat_map(|(r, s)| [r, s.to_owned()]).collect())
}

proptest! {
    /// Found by fuzzing: the fields of a record that is not UTF-8 were cut
    /// out of the replaced text by the raw bounds. Each decoded field is its
    /// own bytes, decoded, whatever they hold (a character split between two
    /// fields included).
    #[test]
    fn decoded_fields_are_each_fields_bytes(fields in prop::collection::vec(prop::collection::vec(any::<u8>(), 0..6), 1..6)) {
        let bytes: Vec<u8> = fields.concat();
        let ends: Vec<usize> = fields.iter().scan(0, |end, f| { *end += f.len(); Some(*end) }).collect();
        let record = Record { row: 1, blank_lines_before: 0, start: 0, end: 0, first_bad_byte: None, open_quote: false, bytes: &bytes, ends: &ends };
        let decoded = record.decoded();
        prop_assert_eq!(decoded.len(), fields.len());
        for (i, field) in fields.iter().enumerate() {
            prop_assert_eq!(decoded.field(i), String::from_utf8_lossy(field));
            prop_assert_eq!(record.text(i), decoded.field(i));
        }
        prop_assert_eq!(decoded.field(fields.len()), "");
    }

    /// Plain lines read apart give what csv-core gives, whatever the bytes
    /// and wherever the chunks are cut.
    #[test]
    fn plain_lines_read_as_csv_core_reads_them(
        input in prop::collection::vec(prop::sample::select(b"ab ,;\"\r\n\xC3\xA9\xEF\xBB\xBF".to_vec()), 0..60),
        semicolon in any::<bool>(),
        chunk in prop_oneof![1usize..9, Just(1 << 16)],
    ) {
        let delimiter = if semicolon { b';' } else { b',' };
        prop_assert_eq!(
            records_of(&input, delimiter, true, chunk),
            records_of(&input, delimiter, false, chunk)
        );
    }

    /// The same for files of longer values, as an export has them, a value
    /// quoted now and then.
    #[test]
    fn plain_records_read_as_csv_core_reads_them(
        records in prop::collection::vec(
            (prop::collection::vec(prop_oneof![9 => "[a-zé0-9 .@-]{0,20}", 1 => "\"[a-z;,\n]{0,4}\""], 1..8),
             prop_oneof![Just("\n"), Just("\r\n"), Just("\r"), Just("\n\n")]),
            0..12,
        ),
        semicolon in any::<bool>(),
        chunk in prop_oneof![1usize..40, Just(1 << 16)],
    ) {
        let delimiter = if semicolon { ";" } else { "," };
        let input: String = records.iter().map(|(values, end)| values.join(delimiter) + end).collect();
        let delimiter = delimiter.as_bytes()[0];
        prop_assert_eq!(
            records_of(input.as_bytes(), delimiter, true, chunk),
            records_of(input.as_bytes(), delimiter, false, chunk)
        );
    }

    #[test]
    fn chunking_never_changes_records(input in lines(), chunk in 1usize..9) {
        prop_assert_eq!(rows(input.as_bytes(), chunk), rows(input.as_bytes(), 1 << 16));
    }

    #[test]
    fn rows_are_physical_lines_minus_quoted_breaks(input in lines()) {
        // Row of the last record = line breaks before its start, outside quotes, + 1.
        let recs = rows(input.as_bytes(), 1 << 16);
        if let Some((last_row, _)) = recs.last() {
            // Quoted parts become a marker, so their line breaks do not count.
            let unquoted = input.split('"').step_by(2).collect::<Vec<_>>().join("Q");
            let trimmed_end = unquoted.trim_end_matches(['\r', '\n']);
            // Count breaks before the last record's start: CRLF once.
            let last_start = trimmed_end.rfind(['\r', '\n']).map_or(0, |i| i + 1);
            let breaks = trimmed_end[..last_start].replace("\r\n", "\n").chars().filter(|&c| c == '\n' || c == '\r').count();
            prop_assert_eq!(*last_row, breaks as u64 + 1);
        }
    }

    #[test]
    fn utf8_check_matches_from_utf8(bytes in prop::collection::vec(any::<u8>(), 0..40), chunk in 1usize..6) {
        let mut u = Utf8Check::default();
        for c in bytes.chunks(chunk) {
            u.feed(c);
        }
        u.finish();
        let expected = std::str::from_utf8(&bytes).err().map(|e| e.valid_up_to() as u64);
        prop_assert_eq!(u.first_bad, expected);
    }
}

/// A quote opened and never closed: the file's last record says so, holds what
/// was read into it (not the line break that tells it), and the records before
/// it do not; wherever the chunks are cut.
#[test]
fn a_quote_never_closed_is_told_on_the_last_record() {
    type Read = Vec<(u64, Vec<String>, bool)>;
    let header = (1, vec!["E".to_owned(), "F".to_owned()], false);
    let last = |fields: &[&str], open| (2, fields.iter().map(|&f| f.to_owned()).collect(), open);
    let cases: [(&[u8], Read); 7] = [
        (
            b"E,F\na,\"J\nb,c\n",
            vec![header.clone(), last(&["a", "J\nb,c\n"], true)],
        ),
        (
            b"E,F\na,\"J\nb,c",
            vec![header.clone(), last(&["a", "J\nb,c"], true)],
        ),
        (b"E,F\na,\"", vec![header.clone(), last(&["a", ""], true)]),
        (
            b"E,F\na,\"J\"\"",
            vec![header.clone(), last(&["a", "J\""], true)],
        ),
        (
            b"E,F\na,\"J\"",
            vec![header.clone(), last(&["a", "J"], false)],
        ),
        (
            b"E,F\r\na,\"J\r\nK\"\r\n",
            vec![header.clone(), last(&["a", "J\r\nK"], false)],
        ),
        (
            b"\"E,F\na,b\n",
            vec![(1, vec!["E,F\na,b\n".to_owned()], true)],
        ),
    ];
    for (input, want) in cases {
        for chunk in 1..=input.len() {
            assert_eq!(
                read_all(input, chunk),
                want,
                "{:?} in chunks of {chunk}",
                String::from_utf8_lossy(input)
            );
        }
    }
}
