//! The exceptions: one base for what stops a run, a subclass for configurations and
//! one for input. Rule violations are never exceptions: they are report issues.

use alleo_csv_core::Lang;
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

/// The core's error as the exception that fits it, said in `lang`.
pub fn core_error(lang: Lang) -> impl Fn(alleo_csv_core::Error) -> PyErr {
    move |e| {
        let message = alleo_csv_core::text::errors::core_error(&e, lang);
        match e {
            alleo_csv_core::Error::Config(_) => ConfigError::new_err(message),
            alleo_csv_core::Error::Read(_)
            | alleo_csv_core::Error::Workbook(_)
            | alleo_csv_core::Error::Unreadable(_)
            | alleo_csv_core::Error::NoHeader
            | alleo_csv_core::Error::Previous(_) => InputError::new_err(message),
            _ => AlleoCsvError::new_err(message),
        }
    }
}

/// A language from its code, or Python's `ValueError`.
pub fn lang_of(lang: &str) -> PyResult<Lang> {
    lang.parse()
        .map_err(|e: String| pyo3::exceptions::PyValueError::new_err(e))
}
