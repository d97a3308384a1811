//! What kind of export a command was given: standard input, a CSV file or a
//! workbook, told by its first bytes rather than its name.

use std::fs::File;
use std::io::{self, Read};
use std::path::PathBuf;

use alleo_csv_core::transform::Kind;

use crate::error::CliError;

/// An export to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// `-`: standard input, read as CSV.
    Stdin,
    /// A text file, read as CSV.
    Csv(PathBuf),
    /// An `.xlsx` workbook (a zip file).
    Workbook(PathBuf),
}

impl Source {
    /// Opens `input` far enough to tell what it is.
    ///
    /// # Errors
    /// A file that cannot be read, or an old binary `.xls` workbook (with how to
    /// save it as something readable).
    pub fn open(input: &str) -> Result<Source, CliError> {
        if input == "-" {
            return Ok(Source::Stdin);
        }
        let error = |source| CliError::Input {
            path: input.to_owned(),
            source,
        };
        let mut head = [0u8; 4];
        let mut file = File::open(input).map_err(error)?;
        let n = read_up_to(&mut file, &mut head).map_err(error)?;
        let path = PathBuf::from(input);
        let kind = Kind::of(&head[..n]);
        if let Some(why) = kind.unreadable() {
            return Err(error(io::Error::new(io::ErrorKind::InvalidData, why)));
        }
        Ok(if kind == Kind::Workbook {
            Source::Workbook(path)
        } else {
            Source::Csv(path)
        })
    }
}

/// Reads until `buf` is full or the file ends; returns how much was read.
fn read_up_to(reader: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match reader.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn told_by_the_first_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let at = |name: &str, bytes: &[u8]| {
            let p = dir.path().join(name);
            std::fs::write(&p, bytes).unwrap();
            p.to_string_lossy().into_owned()
        };
        let csv = at("export.xlsx", b"Email\n");
        assert_eq!(Source::open(&csv).unwrap(), Source::Csv(csv.clone().into()));
        let book = at("export.csv", b"PK\x03\x04rest");
        assert_eq!(
            Source::open(&book).unwrap(),
            Source::Workbook(book.clone().into())
        );
        let old = at("old.xls", b"\xD0\xCF\x11\xE0rest");
        assert!(
            Source::open(&old)
                .unwrap_err()
                .to_string()
                .contains(".xlsx")
        );
        let empty = at("empty.csv", b"");
        assert_eq!(
            Source::open(&empty).unwrap(),
            Source::Csv(empty.clone().into())
        );
        assert_eq!(Source::open("-").unwrap(), Source::Stdin);
    }
}
