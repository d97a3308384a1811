//! The header and first rows of an export, read as `[input]` says or as detected:
//! what a mapping is suggested from.

use std::io::Read;

use crate::error::Result;
use crate::input::{Delimiter, Encoding, Input};
use crate::read::feed_chunks;
use crate::transform::records::ExportReader;

/// The start of an export.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Preview {
    /// The header row as written (empty when the export has no rows at all).
    pub headers: Vec<String>,
    /// The header's spreadsheet row.
    pub header_row: u64,
    /// Up to the asked number of non-blank rows after the header.
    pub rows: Vec<Vec<String>>,
    /// The encoding a CSV export was read in.
    pub encoding: Option<Encoding>,
    /// The delimiter a CSV export was read with.
    pub delimiter: Option<Delimiter>,
    /// The worksheet a workbook was read from.
    pub sheet: Option<String>,
}

impl Preview {
    /// Takes one row; returns false once `limit` rows are in.
    pub(crate) fn take(&mut self, row: u64, fields: &[&str], limit: usize) -> bool {
        if self.rows.len() >= limit {
            return false;
        }
        if fields.iter().all(|f| f.trim().is_empty()) {
            return true;
        }
        let owned = fields.iter().map(|&f| f.to_owned()).collect();
        if self.headers.is_empty() {
            self.headers = owned;
            self.header_row = row;
        } else {
            self.rows.push(owned);
        }
        self.rows.len() < limit
    }
}

/// Reads the header and up to `limit` rows of a CSV export. The encoding is
/// `input.encoding`, else `detected` (see [`detect_encoding`](super::detect_encoding)),
/// else UTF-8; the delimiter `input.delimiter`, else the one the header uses most.
///
/// ```
/// use alleo_csv_core::{Input, transform::preview};
/// let p = preview("Naam;E-mailadres\nJan;jan@example.nl\n".as_bytes(), &Input::default(), None, 10).unwrap();
/// assert_eq!(p.headers, ["Naam", "E-mailadres"]);
/// assert_eq!(p.rows, [["Jan", "jan@example.nl"]]);
/// assert_eq!(p.delimiter.unwrap().name(), ";");
/// ```
///
/// # Errors
/// [`Error::Read`](crate::Error::Read) when `reader` fails.
pub fn preview<R: Read>(
    reader: R,
    input: &Input,
    detected: Option<Encoding>,
    limit: usize,
) -> Result<Preview> {
    let encoding = input.encoding.or(detected).unwrap_or(Encoding::UTF_8);
    let mut records = ExportReader::new(encoding, input.delimiter);
    let mut out = Preview::default();
    let mut more = true;
    let mut take = |r: &crate::read::Record<'_>, more: &mut bool| {
        if *more {
            let record = r.decoded();
            let fields: Vec<&str> = record.fields().collect();
            *more = out.take(r.row, &fields, limit);
        }
    };
    feed_chunks(reader, |chunk, last| {
        records.push(chunk, last, &mut |r, _| take(r, &mut more));
        more
    })?;
    out.encoding = Some(records.encoding());
    out.delimiter = records.delimiter();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use super::*;

    #[test]
    fn stops_after_the_rows_asked_for() {
        let mut export = String::from("\r\nA;B\r\n");
        for i in 0..100_000 {
            write!(export, "{i};x\r\n;\r\n").unwrap();
        }
        let p = preview(export.as_bytes(), &Input::default(), None, 3).unwrap();
        assert_eq!((p.header_row, p.rows.len()), (2, 3));
        assert_eq!(p.rows[2], ["2", "x"]);
        let empty = preview(&b""[..], &Input::default(), None, 3).unwrap();
        assert!(empty.headers.is_empty() && empty.rows.is_empty());
    }
}
