//! A record read without csv-core when it can be: a whole line without a quote.
//!
//! Nearly every line of an employee file is one: values split at the delimiter,
//! ended by a line break. csv-core reads such a line byte by byte through its
//! state machine; here the line is split and copied eight bytes at a time, which
//! gives what csv-core gives for it (a property test holds the two equal, whole and
//! in chunks). A line with a quote, or one not whole in the bytes at hand, is
//! left to csv-core.

use crate::swar::{equal_bytes, word};

/// How far a plain line is looked for, as much as one read brings: a longer one
/// is left to csv-core, so that `buf` never grows past this for a caller that
/// hands over a whole file.
const LOOK_AHEAD: usize = super::CHUNK;

/// Reads the record at the start of `input` when it is a plain line: whole (its
/// line break is in `input`) and without a quote. Its values go to `buf` back to
/// back and their ends to `ends`, as csv-core writes them (both grown as needed);
/// returns the number of bytes read (the line and its line break, an LF or a CR:
/// a CR's LF is read as the next record's first blank byte, as after csv-core),
/// the length in `buf` and the number of values, or `None` for a line left to
/// csv-core.
pub(super) fn plain_record(
    input: &[u8],
    delimiter: u8,
    buf: &mut Vec<u8>,
    ends: &mut Vec<usize>,
) -> Option<(usize, usize, usize)> {
    let input = &input[..input.len().min(LOOK_AHEAD)];
    // Eight bytes are written at a time: room for the line and eight more.
    if buf.len() < input.len() + 8 {
        buf.resize(input.len() + 8, 0);
    }
    let (mut nout, mut nend) = (0, 0);
    let mut words = input.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut words {
        // Room for the ends of eight values more.
        if ends.len() < nend + 9 {
            ends.resize(ends.len() * 2 + 9, 0);
        }
        let word = word(chunk);
        let mut delimiters = equal_bytes(word, delimiter);
        let stops = equal_bytes(word, b'"') | equal_bytes(word, b'\n') | equal_bytes(word, b'\r');
        // The bytes of the word before the first quote or line break, if any.
        let (kept, stop) = if stops == 0 {
            (8, None)
        } else {
            let first = (stops.trailing_zeros() / 8) as usize;
            delimiters &= !(u64::MAX << (first * 8));
            (first, Some(chunk[first]))
        };
        // The bytes of the word from `from` on, up to the next delimiter.
        let mut from = 0;
        while delimiters != 0 {
            let i = (delimiters.trailing_zeros() / 8) as usize;
            put(buf, nout, word >> (from * 8));
            nout += i - from;
            ends[nend] = nout;
            nend += 1;
            from = i + 1;
            delimiters &= delimiters - 1;
        }
        if from < kept {
            put(buf, nout, word >> (from * 8));
            nout += kept - from;
        }
        match stop {
            None => at += 8,
            Some(b'"') => return None,
            Some(_) => {
                ends[nend] = nout;
                return Some((at + kept + 1, nout, nend + 1));
            }
        }
    }
    if ends.len() < nend + 9 {
        ends.resize(ends.len() * 2 + 9, 0);
    }
    for (i, &b) in words.remainder().iter().enumerate() {
        match b {
            b'"' => return None,
            b'\n' | b'\r' => {
                ends[nend] = nout;
                return Some((at + i + 1, nout, nend + 1));
            }
            b if b == delimiter => {
                ends[nend] = nout;
                nend += 1;
            }
            b => {
                buf[nout] = b;
                nout += 1;
            }
        }
    }
    None
}

/// Writes the eight bytes of `word` at `buf[at..]` (of which the caller keeps
/// only as many as it counts).
fn put(buf: &mut [u8], at: usize, word: u64) {
    if let Some(out) = buf.get_mut(at..at + 8) {
        out.copy_from_slice(&word.to_le_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(input: &[u8], delimiter: u8) -> Option<(usize, Vec<String>)> {
        let (mut buf, mut ends) = (Vec::new(), Vec::new());
        let (read, nout, nend) = plain_record(input, delimiter, &mut buf, &mut ends)?;
        let mut start = 0;
        let values = ends[..nend]
            .iter()
            .map(|&end| {
                let value = String::from_utf8_lossy(&buf[start..end]).into_owned();
                start = end;
                value
            })
            .collect();
        assert_eq!(start, nout);
        Some((read, values))
    }

    #[test]
    fn a_plain_line_is_split_at_its_delimiter() {
        assert_eq!(
            read(b"a,b,,c\nnext", b','),
            Some((7, vec!["a".into(), "b".into(), String::new(), "c".into()]))
        );
        assert_eq!(
            read(b"a;b,c\r\n", b';'),
            Some((6, vec!["a".into(), "b,c".into()]))
        );
        assert_eq!(
            read(b"long value of many words,x\r", b','),
            Some((27, vec!["long value of many words".into(), "x".into()]))
        );
        assert_eq!(
            read(b",\n", b','),
            Some((2, vec![String::new(), String::new()]))
        );
    }

    #[test]
    fn a_quote_or_an_unended_line_is_left_to_csv_core() {
        assert_eq!(read(b"a,\"b\"\n", b','), None);
        assert_eq!(
            read(b"abcdefgh\"ijk\n", b','),
            None,
            "a quote in the first eight bytes"
        );
        assert_eq!(read(b"a,b", b','), None, "no line break yet");
        assert_eq!(read(b"", b','), None);
        // A quote after the line break is the next line's.
        assert_eq!(read(b"a\n\"b\"", b','), Some((2, vec!["a".into()])));
    }
}
