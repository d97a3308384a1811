//! The export a command reads: a file, or standard input. The core tells its kind
//! (CSV or workbook) and encoding from its bytes, which takes reading it twice, so
//! standard input is read whole first.

use std::fs::File;
use std::io::{self, Cursor, Read, Seek};

use crate::error::CliError;

/// An export, readable from its start again.
pub trait Export: Read + Seek + Send {}

impl<T: Read + Seek + Send> Export for T {}

/// Opens `input` (`-`: standard input, held in memory).
///
/// # Errors
/// A file or standard input that cannot be read.
pub fn open(input: &str) -> Result<Box<dyn Export>, CliError> {
    let error = |source| CliError::Input {
        path: input.to_owned(),
        source,
    };
    if input == "-" {
        let mut all = Vec::new();
        io::stdin().lock().read_to_end(&mut all).map_err(error)?;
        return Ok(Box::new(Cursor::new(all)));
    }
    Ok(Box::new(File::open(input).map_err(error)?))
}
