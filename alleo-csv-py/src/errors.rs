//! The exceptions: one base for what stops a run, a subclass for configurations and
//! one for input. Rule violations are never exceptions: they are report issues.

use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;

create_exception!(
    alleo_csv,
    AlleoCsvError,
    PyException,
    "Something stopped the run (not a problem in the employee file: those are report issues)."
);
create_exception!(
    alleo_csv,
    ConfigError,
    AlleoCsvError,
    "The configuration is not usable; the message names the key and how to fix it."
);
create_exception!(
    alleo_csv,
    InputError,
    AlleoCsvError,
    "A file could not be read, or is not what was expected (a text-mode file object, a broken workbook)."
);

/// The core's error as the exception that fits it.
pub fn core_error(e: alleo_csv_core::Error) -> PyErr {
    match e {
        alleo_csv_core::Error::Config(message) => ConfigError::new_err(message),
        alleo_csv_core::Error::Read(_)
        | alleo_csv_core::Error::Workbook(_)
        | alleo_csv_core::Error::Unreadable(_)
        | alleo_csv_core::Error::NoHeader
        | alleo_csv_core::Error::Previous(_) => InputError::new_err(e.to_string()),
        other => AlleoCsvError::new_err(other.to_string()),
    }
}
