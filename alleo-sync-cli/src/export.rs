//! The export a command reads: a file, or standard input. The core tells its kind
//! (CSV or workbook) and encoding from its bytes, which takes reading it twice, so
//! standard input is read whole first.

use std::fs::File;
use std::io::{self, Cursor, Read, Seek, SeekFrom};

use crate::error::CliError;

/// An export, readable from its start again.
#[derive(Debug)]
pub enum Export {
    /// A file given by name.
    File(File),
    /// Standard input (`-`), held in memory.
    Stdin(Cursor<Vec<u8>>),
}

impl Export {
    /// Opens `input` (`-`: standard input).
    ///
    /// # Errors
    /// A file or standard input that cannot be read.
    pub fn open(input: &str) -> Result<Export, CliError> {
        let error = |source| CliError::Input {
            path: input.to_owned(),
            source,
        };
        if input == "-" {
            let mut all = Vec::new();
            io::stdin().lock().read_to_end(&mut all).map_err(error)?;
            return Ok(Export::Stdin(Cursor::new(all)));
        }
        File::open(input).map(Export::File).map_err(error)
    }
}

impl Read for Export {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            Export::File(f) => f.read(buf),
            Export::Stdin(c) => c.read(buf),
        }
    }
}

impl Seek for Export {
    fn seek(&mut self, pos: SeekFrom) -> io::Result<u64> {
        match self {
            Export::File(f) => f.seek(pos),
            Export::Stdin(c) => c.seek(pos),
        }
    }
}
