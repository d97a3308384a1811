//! An export's bytes -> records: decoded to UTF-8, split with the export's
//! delimiter (set, or detected from the header line).

use crate::input::{Delimiter, Encoding};
use crate::read::{Record, RecordReader};
use crate::transform::decode::Decoder;

/// The header line is looked for in this many decoded bytes at most.
const HEAD_LIMIT: usize = 1 << 20;

/// Reads an export pushed in chunks.
#[derive(Debug)]
pub(crate) struct ExportReader {
    decoder: Decoder,
    /// Decoded bytes until the header line is complete, to find the delimiter.
    head: Option<Vec<u8>>,
    /// The delimiter set in `[input]`, if any.
    configured: Option<Delimiter>,
    /// Set once the delimiter is known.
    reader: Option<(RecordReader, Delimiter)>,
    /// The delimiter Excel's own first line (`sep=;`) names, once read.
    sep: Option<Delimiter>,
}

impl ExportReader {
    pub fn new(encoding: Encoding, delimiter: Option<Delimiter>) -> ExportReader {
        ExportReader {
            decoder: Decoder::new(encoding),
            head: Some(Vec::new()),
            configured: delimiter,
            reader: None,
            sep: None,
        }
    }

    /// Reads `chunk` (`last`: nothing follows), calling `sink` with each record
    /// completed and the delimiter in use.
    pub fn push(
        &mut self,
        chunk: &[u8],
        last: bool,
        sink: &mut impl FnMut(&Record<'_>, Delimiter),
    ) {
        let text = self.decoder.feed(chunk, last);
        if let Some(mut buffered) = self.head.take() {
            buffered.extend_from_slice(text);
            // Excel's own first line, `sep=;`: it names the delimiter, and Excel
            // shows no row for it.
            if self.sep.is_none()
                && let Some((sep, rest)) = sep_line(&buffered)
            {
                self.sep = Some(sep);
                buffered.drain(..rest);
            }
            if !last && !has_header_line(&buffered) && buffered.len() < HEAD_LIMIT {
                self.head = Some(buffered);
                return;
            }
            let delimiter = self
                .configured
                .or(self.sep)
                .unwrap_or_else(|| detect_delimiter(&buffered));
            let mut records = RecordReader::with_delimiter(delimiter.byte());
            records.feed(&buffered, &mut |r| sink(r, delimiter));
            self.reader = Some((records, delimiter));
        } else if let Some((records, delimiter)) = &mut self.reader {
            let delimiter = *delimiter;
            records.feed(text, &mut |r| sink(r, delimiter));
        }
        if last && let Some((records, delimiter)) = &mut self.reader {
            let delimiter = *delimiter;
            records.finish(&mut |r| sink(r, delimiter));
        }
    }

    /// The encoding in use (a byte order mark may have overridden the one set).
    pub fn encoding(&self) -> Encoding {
        self.decoder.encoding()
    }

    /// The delimiter, once known.
    pub fn delimiter(&self) -> Option<Delimiter> {
        self.reader.as_ref().map(|(_, d)| *d)
    }

    /// Where the first byte that is not valid in the encoding is, if one was seen.
    pub fn malformed(&self) -> Option<u64> {
        self.decoder.malformed()
    }
}

/// The delimiter a first line `sep=X` names (as Excel writes it, any case), and
/// where the line ends.
fn sep_line(head: &[u8]) -> Option<(Delimiter, usize)> {
    let end = head.iter().position(|&b| b == b'\n')?;
    let line = head[..end].strip_suffix(b"\r").unwrap_or(&head[..end]);
    let rest = line
        .strip_prefix(b"sep=")
        .or_else(|| line.strip_prefix(b"SEP="))?;
    let sep = std::str::from_utf8(rest).ok()?;
    let delimiter = Delimiter::parse(if sep == "\t" { "tab" } else { sep }).ok()?;
    Some((delimiter, end + 1))
}

/// Whether `head` holds the whole header line: a line break outside quotes after
/// something other than white space, as [`detect_delimiter`] reads it.
fn has_header_line(head: &[u8]) -> bool {
    let mut line = header_line(head);
    line.any(|b| b == b'\n')
}

/// The bytes of the first non-blank line (its line break included, when
/// `head` holds it) outside quotes, within the first [`HEAD_LIMIT`] bytes: what
/// the delimiter is detected from, the same however the bytes came in chunks.
fn header_line(head: &[u8]) -> impl Iterator<Item = u8> + '_ {
    let head = &head[..head.len().min(HEAD_LIMIT)];
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let mut quoted = false;
    let mut ended = false;
    head[start..].iter().filter_map(move |&b| {
        if ended {
            return None;
        }
        match b {
            b'"' => {
                quoted = !quoted;
                None
            }
            b'\n' if !quoted => {
                ended = true;
                Some(b)
            }
            _ if quoted => None,
            _ => Some(b),
        }
    })
}

/// The separator of the first non-blank line: the one used most outside quotes
/// (a comma when none is, or on a tie with a comma).
fn detect_delimiter(head: &[u8]) -> Delimiter {
    let mut counts = [0usize; Delimiter::ALL.len()];
    for b in header_line(head) {
        if let Some(i) = Delimiter::ALL.iter().position(|d| d.byte() == b) {
            counts[i] += 1;
        }
    }
    let (best, _) = counts.iter().enumerate().fold(
        (0, 0),
        |(bi, bn), (i, &n)| if n > bn { (i, n) } else { (bi, bn) },
    );
    Delimiter::ALL[best]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_s_sep_line_names_the_delimiter_and_is_no_row() {
        for (text, chunk) in [
            ("sep=;\r\nEmail;Naam\r\na@x.nl;A\r\n", 100),
            ("SEP=|\nEmail|Naam\na@x.nl|A\n", 2),
        ] {
            let mut reader = ExportReader::new(Encoding::UTF_8, None);
            let mut rows = Vec::new();
            let bytes = text.as_bytes();
            for (i, c) in bytes.chunks(chunk).enumerate() {
                let last = (i + 1) * chunk >= bytes.len();
                reader.push(c, last, &mut |r, d| rows.push((r.row, r.len(), d)));
            }
            let sep = Delimiter::parse(&text[4..5]).unwrap();
            assert_eq!(rows, [(1, 2, sep), (2, 2, sep)], "{text:?}");
        }
        assert_eq!(sep_line(b"sep=x\n"), None);
        assert_eq!(sep_line(b"Email;sep=;\n"), None);
    }

    #[test]
    fn delimiter_detection() {
        assert_eq!(
            detect_delimiter(b"a;b;c\nx,y"),
            Delimiter::parse(";").unwrap()
        );
        assert_eq!(
            detect_delimiter(b"\n\n a|b|c"),
            Delimiter::parse("|").unwrap()
        );
        assert_eq!(
            detect_delimiter(b"a\tb\tc"),
            Delimiter::parse("tab").unwrap()
        );
        assert_eq!(detect_delimiter(b"\"a;b\",c"), Delimiter::COMMA);
        assert_eq!(detect_delimiter(b"a;b,c"), Delimiter::COMMA);
        assert_eq!(detect_delimiter(b"Email"), Delimiter::COMMA);
    }

    #[test]
    fn a_header_split_over_chunks_is_waited_for() {
        let mut reader = ExportReader::new(Encoding::UTF_8, None);
        let mut seen = Vec::new();
        for chunk in [
            &b"\r\n Email;First"[..],
            b" name;Last name",
            b"\r\na;b;c\r\n",
        ] {
            reader.push(chunk, false, &mut |r, d| {
                seen.push((r.row, r.len(), d.byte()));
            });
        }
        reader.push(&[], true, &mut |r, d| seen.push((r.row, r.len(), d.byte())));
        assert_eq!(seen, [(2, 3, b';'), (3, 3, b';')]);
        assert_eq!(reader.delimiter().map(Delimiter::byte), Some(b';'));
    }

    /// Found by fuzzing: a quote in the header line hid its line break from the
    /// delimiter's detection but not from the wait for the header, so where the
    /// chunks were cut decided the delimiter.
    #[test]
    fn a_quote_in_the_header_line_is_waited_past_wherever_the_chunks_are_cut() {
        let export = b"Ema\"il;x\nJan;Vries\"\tNaam\tTaal\na\tb\tc\n";
        let delimiter_at = |cut: usize| {
            let mut reader = ExportReader::new(Encoding::UTF_8, None);
            reader.push(&export[..cut], false, &mut |_, _| {});
            reader.push(&export[cut..], true, &mut |_, _| {});
            reader.delimiter().map(Delimiter::byte)
        };
        for cut in 0..=export.len() {
            assert_eq!(delimiter_at(cut), Some(b'\t'), "cut at {cut}");
        }
        assert_eq!(detect_delimiter(b"a;\"b\n,,,\"\n").byte(), b';');
    }
}
