//! `transform`: an HR export in, the canonical Alleo file out, in memory.

use std::io::Cursor;

use alleo_csv_core::job;
use alleo_csv_core::transform::Outputs;
use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::errors::{AlleoCsvError, core_error, lang_of};
use crate::report::{Report, loads};
use crate::source::Source;

/// What a transform did: the files it wrote (as bytes), the summary and the report.
#[derive(Debug)]
#[pyclass(frozen, module = "alleo_csv")]
pub struct Transformed {
    output: Option<Vec<u8>>,
    rejects: Option<Vec<u8>>,
    changes: Option<Vec<u8>>,
    summary: String,
    report: alleo_csv_core::Report,
    usable: bool,
}

#[pymethods]
impl Transformed {
    /// The canonical Alleo file; `None` when the run is not usable.
    #[getter]
    fn output<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyBytes>> {
        self.output.as_ref().map(|o| PyBytes::new(py, o))
    }

    /// Rows that would still be invalid, with a reason column (when asked for and
    /// the run is usable, as the CLI writes it).
    #[getter]
    fn rejects<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyBytes>> {
        self.rejects.as_ref().map(|o| PyBytes::new(py, o))
    }

    /// The change log as CSV (when asked for and the run is usable).
    #[getter]
    fn changes<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyBytes>> {
        self.changes.as_ref().map(|o| PyBytes::new(py, o))
    }

    /// The counts: rows, written, rejected, changes by rule, encoding, delimiter.
    #[getter]
    fn summary(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        loads(py, &self.summary)
    }

    /// The report about the export's rows.
    #[getter]
    fn report(&self) -> Report {
        Report::new(self.report.clone())
    }

    /// Whether `output` can be used: every row was written, or the others went to
    /// `rejects`.
    #[getter]
    fn usable(&self) -> bool {
        self.usable
    }

    fn __repr__(&self) -> String {
        format!(
            "<Transformed usable={} rows={}>",
            if self.usable { "True" } else { "False" },
            self.report.rows
        )
    }
}

/// Turns an HR export (CSV in any delimiter and encoding, or an .xlsx workbook)
/// into the canonical Alleo file, as `alleo-sync transform` does. With
/// `rejects=True`, rows that would still be invalid are set aside instead of making
/// the run unusable; with `keep_invalid=True` (`--keep-invalid`) they stay in the
/// output too, to be fixed there.
#[pyfunction]
#[pyo3(signature = (source, *, config = None, as_of = None, lang = "en", rejects = false, changes = false, keep_invalid = false))]
#[allow(clippy::fn_params_excessive_bools, clippy::too_many_arguments)] // keyword arguments, as Python callers expect
pub fn transform(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    config: Option<&Bound<'_, PyAny>>,
    as_of: Option<NaiveDate>,
    lang: &str,
    rejects: bool,
    changes: bool,
    keep_invalid: bool,
) -> PyResult<Transformed> {
    let lang = lang_of(lang)?;
    let config = crate::config::load(config, lang)?;
    let source = Source::of(source)?;
    let options = crate::options(as_of, lang, &source);
    let export = Cursor::new(source.read_all(py, lang)?);
    py.detach(|| {
        let (mut out, mut rejected, mut log) = (Vec::new(), Vec::new(), Vec::new());
        let mut outputs = Outputs::new(&mut out);
        if rejects {
            outputs = outputs.rejects(&mut rejected);
        }
        if changes {
            outputs = outputs.changes(&mut log);
        }
        if keep_invalid {
            outputs = outputs.keeping_invalid();
        }
        let done =
            job::transform_export(export, &config, &options, outputs).map_err(core_error(lang))?;
        let summary = serde_json::to_string(&done.summary)
            .map_err(|e| AlleoCsvError::new_err(e.to_string()))?;
        let usable = done.usable();
        Ok(Transformed {
            output: usable.then_some(out),
            rejects: (usable && rejects).then_some(rejected),
            changes: (usable && changes).then_some(log),
            summary,
            report: done.report,
            usable,
        })
    })
}
