//! The report and its issues, as Python objects.

use chrono::NaiveDate;
use pyo3::prelude::*;

use crate::errors::AlleoCsvError;

/// The result of a check: what was read and every issue found (SPEC section 5).
#[derive(Debug)]
#[pyclass(frozen, module = "alleo_csv")]
pub struct Report {
    pub(crate) inner: alleo_csv_core::Report,
}

impl Report {
    pub fn new(inner: alleo_csv_core::Report) -> Report {
        Report { inner }
    }
}

#[pymethods]
impl Report {
    /// True when there is no error (warnings do not make a file invalid).
    #[getter]
    fn valid(&self) -> bool {
        self.inner.valid()
    }

    /// The number of errors.
    #[getter]
    fn errors(&self) -> usize {
        self.inner.errors()
    }

    /// The number of warnings.
    #[getter]
    fn warnings(&self) -> usize {
        self.inner.warnings()
    }

    /// Employee rows read.
    #[getter]
    fn rows(&self) -> u64 {
        self.inner.rows
    }

    /// The pickup date the rules were checked against.
    #[getter]
    fn as_of(&self) -> NaiveDate {
        self.inner.as_of
    }

    /// Every issue, in report order.
    #[getter]
    fn issues(&self) -> Vec<Issue> {
        self.inner
            .issues
            .iter()
            .map(|i| Issue {
                severity: i.severity.as_str().to_owned(),
                code: i.code().as_str().to_owned(),
                row: i.row,
                column: i.column.clone(),
                field: i.field.clone(),
                value: self.inner.value_of(i).map(str::to_owned),
                message: self.inner.message_of(i),
            })
            .collect()
    }

    /// The report as JSON, exactly as `alleo-sync validate --format json` writes it.
    fn to_json(&self) -> PyResult<String> {
        serde_json::to_string_pretty(&self.inner).map_err(|e| AlleoCsvError::new_err(e.to_string()))
    }

    /// The report as a dict, equal to the CLI's JSON.
    fn to_dict(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        loads(py, &self.to_json()?)
    }

    fn __repr__(&self) -> String {
        let r = &self.inner;
        format!(
            "<Report valid={} rows={} errors={} warnings={} as_of={}>",
            if r.valid() { "True" } else { "False" },
            r.rows,
            r.errors(),
            r.warnings(),
            r.as_of
        )
    }
}

/// One problem in the employee file.
#[derive(Debug)]
#[pyclass(frozen, get_all, module = "alleo_csv")]
pub struct Issue {
    /// `"error"` or `"warning"`.
    severity: String,
    /// The stable code, e.g. `"email-duplicate"`.
    code: String,
    /// The spreadsheet row (the header is row 1), or `None` for the whole file.
    row: Option<u64>,
    /// The header as written in the file.
    column: Option<String>,
    /// The field key or custom field name.
    field: Option<String>,
    /// The cell value.
    value: Option<String>,
    /// What is wrong and how to fix it.
    message: String,
}

#[pymethods]
impl Issue {
    fn __repr__(&self) -> String {
        let at = self.row.map(|r| format!(" row={r}")).unwrap_or_default();
        format!(
            "<Issue {} {}{at}: {}>",
            self.severity, self.code, self.message
        )
    }
}

/// JSON text as the Python value `json.loads` gives (keys in the text's order).
pub fn loads(py: Python<'_>, json: &str) -> PyResult<Py<PyAny>> {
    Ok(py.import("json")?.call_method1("loads", (json,))?.unbind())
}
