//! What a function was given to read: a path, `bytes`, or a binary file object.

use std::path::{Path, PathBuf};

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
    /// Anything with a binary `read(n)`.
    File(Py<PyAny>),
}

impl Source {
    /// Tells what `obj` is.
    pub fn of(obj: &Bound<'_, PyAny>) -> PyResult<Source> {
        if let Ok(bytes) = obj.extract::<PyBackedBytes>() {
            return Ok(Source::Bytes(bytes));
        }
        if obj.is_instance_of::<PyString>() || obj.hasattr("__fspath__")? {
            return Ok(Source::Path(obj.extract::<PathBuf>()?));
        }
        if obj.hasattr("read")? {
            return Ok(Source::File(obj.clone().unbind()));
        }
        Err(pyo3::exceptions::PyTypeError::new_err(format!(
            "expected a path, bytes or a binary file object, not {}",
            obj.get_type().name()?
        )))
    }

    /// Every byte, for the functions that need the whole file.
    pub fn read_all(self, py: Python<'_>) -> PyResult<Vec<u8>> {
        match self {
            Source::Path(path) => {
                py.detach(|| std::fs::read(&path).map_err(|e| open_error(&path, e)))
            }
            Source::Bytes(bytes) => Ok(bytes.to_vec()),
            Source::File(file) => {
                let mut all = Vec::new();
                read_chunks(py, &file, |_, chunk| all.extend_from_slice(chunk))?;
                Ok(all)
            }
        }
    }
}

/// Reads a binary file object to its end in chunks, handing each to `each`.
pub fn read_chunks(
    py: Python<'_>,
    file: &Py<PyAny>,
    mut each: impl FnMut(Python<'_>, &[u8]),
) -> PyResult<()> {
    let file = file.bind(py);
    loop {
        let chunk = file.call_method1("read", (CHUNK,))?;
        if chunk.is_instance_of::<PyString>() {
            return Err(InputError::new_err(
                "the file object is open in text mode: open it in binary mode, as in open(path, \"rb\")",
            ));
        }
        let bytes = chunk.cast::<PyBytes>().map_err(|_| {
            InputError::new_err(
                "the file object's read() did not return bytes: give a binary file object",
            )
        })?;
        let bytes = bytes.as_bytes();
        if bytes.is_empty() {
            return Ok(());
        }
        each(py, bytes);
    }
}

/// A file that could not be opened or read, said with its path.
pub fn open_error(path: &Path, e: std::io::Error) -> PyErr {
    InputError::new_err(format!("cannot read {}: {e}", path.display()))
}
