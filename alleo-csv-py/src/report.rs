//! The report and its issues, as Python objects.

use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::NaiveDate;
use pyo3::exceptions::PyIndexError;
use pyo3::prelude::*;
use pyo3::types::{PyList, PySlice};

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

    /// Every issue, in report order: a sequence that makes each `Issue` only when
    /// it is read, so a million issues cost no million Python objects.
    #[getter]
    fn issues(slf: &Bound<'_, Self>) -> Issues {
        Issues {
            report: slf.clone().unbind(),
        }
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

impl Report {
    /// The issue at `index` of the core's report, as a Python object.
    fn issue(&self, index: usize) -> Option<Issue> {
        let report = &self.inner;
        report.issues.get(index).map(|i| Issue {
            severity: i.severity.as_str().to_owned(),
            code: i.code().as_str().to_owned(),
            row: i.row,
            column: i.column.map(str::to_owned),
            field: i.field.map(str::to_owned),
            value: report.value_of(i).map(str::to_owned),
            message: report.message_of(i),
        })
    }
}

/// A report's issues: a read-only sequence (`len`, indexing, slicing, iteration)
/// whose `Issue` objects are made as they are read.
#[derive(Debug)]
#[pyclass(frozen, sequence, module = "alleo_csv")]
pub struct Issues {
    report: Py<Report>,
}

#[pymethods]
impl Issues {
    fn __len__(&self) -> usize {
        self.report.get().inner.issues.len()
    }

    fn __getitem__(&self, py: Python<'_>, index: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        let report = self.report.get();
        let len = report.inner.issues.len();
        if let Ok(slice) = index.cast::<PySlice>() {
            let range = slice.indices(isize::try_from(len).unwrap_or(isize::MAX))?;
            let mut items = Vec::with_capacity(range.slicelength);
            let mut i = range.start;
            for _ in 0..range.slicelength {
                if let Some(issue) = usize::try_from(i).ok().and_then(|i| report.issue(i)) {
                    items.push(issue);
                }
                i += range.step;
            }
            return Ok(PyList::new(py, items)?.into_any().unbind());
        }
        let i: isize = index.extract()?;
        let at = if i < 0 {
            len.checked_sub(i.unsigned_abs())
        } else {
            usize::try_from(i).ok()
        };
        match at.and_then(|i| report.issue(i)) {
            Some(issue) => Ok(Py::new(py, issue)?.into_any()),
            None => Err(PyIndexError::new_err("issue index out of range")),
        }
    }

    fn __iter__(&self, py: Python<'_>) -> IssueIter {
        IssueIter {
            report: self.report.clone_ref(py),
            next: AtomicUsize::new(0),
        }
    }

    fn __repr__(&self) -> String {
        format!("<Issues: {}>", self.__len__())
    }
}

/// Iterates over a report's issues, making each as it is reached.
#[derive(Debug)]
#[pyclass(frozen, module = "alleo_csv")]
pub struct IssueIter {
    report: Py<Report>,
    next: AtomicUsize,
}

#[pymethods]
impl IssueIter {
    fn __iter__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    fn __next__(&self) -> Option<Issue> {
        let i = self.next.fetch_add(1, Ordering::Relaxed);
        self.report.get().issue(i)
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
