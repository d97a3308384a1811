//! What a function was given to read: a path, `bytes`, or a binary file object,
//! each made a reader the core reads with the GIL released.

use std::fs::File;
use std::io::{self, Cursor, Read};
use std::path::PathBuf;

use alleo_csv_core::Lang;
use alleo_csv_core::text::errors::ErrorWords;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedBytes;
use pyo3::types::{PyBytes, PyString};

use crate::errors::InputError;

/// Bytes read from a file object at a time.
const CHUNK: usize = 64 * 1024;

/// A source of bytes.
pub enum Source {
    /// A `str` or `os.PathLike`.
    Path(PathBuf),
    /// `bytes` or `bytearray`, borrowed, not copied.
    Bytes(PyBackedBytes),
    /// Anything with a binary `read(n)`, and its `name` when it has one.
    File(Py<PyAny>, Option<String>),
}

impl Source {
    /// Tells what `obj` is.
    pub fn of(obj: &Bound<'_, PyAny>) -> PyResult<Source> {
        if let Ok(bytes) = obj.extract::<PyBackedBytes>() {
            return Ok(Source::Bytes(bytes));
        }
        if obj.is_instance_of::<PyString>() || obj.hasattr("__fspath__")? {
            let path = obj.extract::<PathBuf>()?;
            // A str is a path; one with a line break is the file's text itself.
            if path.to_str().is_some_and(|p| p.contains('\n')) {
                return Err(pyo3::exceptions::PyTypeError::new_err(
                    "a str is read as a path, and this one holds a line break: to check the text itself, pass it as bytes (text.encode())",
                ));
            }
            return Ok(Source::Path(path));
        }
        if obj.hasattr("read")? {
            // open(path, "rb").name is the path; io.BytesIO has no name.
            let name = obj
                .getattr("name")
                .ok()
                .and_then(|n| n.extract::<String>().ok());
            return Ok(Source::File(obj.clone().unbind(), name));
        }
        Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "expected a path, bytes or a binary file object, not {}",
            obj.get_type().name()?
        )))
    }

    /// The file's name, as the CLI would be given it: checked against
    /// `alleo_employees_<ID>.csv` (bytes have none).
    pub fn name(&self) -> Option<String> {
        match self {
            Source::Path(path) => Some(path.display().to_string()),
            Source::Bytes(_) => None,
            Source::File(_, name) => name.clone(),
        }
    }

    /// A reader of every byte, for the core (a file object is read in chunks, the
    /// GIL taken for each).
    pub fn reader(self, lang: Lang) -> PyResult<Box<dyn Read + Send>> {
        Ok(match self {
            Source::Path(path) => {
                Box::new(File::open(&path).map_err(|e| open_error(&path, &e, lang))?)
            }
            Source::Bytes(bytes) => Box::new(Cursor::new(bytes)),
            Source::File(file, _) => Box::new(PyReader { file }),
        })
    }

    /// Every byte, for the jobs that need to read an export twice.
    pub fn read_all(self, py: Python<'_>, lang: Lang) -> PyResult<Vec<u8>> {
        let path = match &self {
            Source::Path(path) => Some(path.clone()),
            _ => None,
        };
        let mut reader = self.reader(lang)?;
        let mut all = Vec::new();
        py.detach(|| reader.read_to_end(&mut all))
            .map_err(|e| read_error(path.as_ref(), &e, lang))?;
        Ok(all)
    }
}

/// A binary file object as a reader.
struct PyReader {
    file: Py<PyAny>,
}

impl Read for PyReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        Python::attach(|py| {
            let chunk = self
                .file
                .bind(py)
                .call_method1("read", (buf.len().min(CHUNK),))
                .map_err(|e| io::Error::other(format!("its read() failed: {e}")))?;
            if chunk.is_instance_of::<PyString>() {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    "the file object is open in text mode: open it in binary mode, as in open(path, \"rb\")",
                ));
            }
            let bytes = chunk.cast::<PyBytes>().map_err(|_| {
                io::Error::new(
                    io::ErrorKind::InvalidData,
                    "the file object's read() did not return bytes: give a binary file object",
                )
            })?;
            let bytes = bytes.as_bytes();
            // A read() that returns more than asked for is not a file object's.
            let n = bytes.len().min(buf.len());
            buf[..n].copy_from_slice(&bytes[..n]);
            Ok(n)
        })
    }
}

/// A file that could not be opened, said with its path, in `lang`.
pub fn open_error(path: &std::path::Path, e: &io::Error, lang: Lang) -> PyErr {
    let t = ErrorWords::of(lang);
    InputError::new_err((t.cannot_read)(
        &path.display().to_string(),
        &t.io_reason(e),
    ))
}

/// A source that could not be read, said with its path when it has one.
pub fn read_error(path: Option<&PathBuf>, e: &io::Error, lang: Lang) -> PyErr {
    match path {
        Some(path) => open_error(path, e, lang),
        None => InputError::new_err(e.to_string()),
    }
}
