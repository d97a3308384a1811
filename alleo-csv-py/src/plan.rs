//! The lifecycle plan as Python objects.

use pyo3::prelude::*;

use crate::errors::AlleoCsvError;
use crate::report::{Report, loads};

/// What Alleo will do with a file, employee by employee (SPEC section 4).
#[derive(Debug)]
#[pyclass(frozen, module = "alleo_csv")]
pub struct Plan {
    inner: alleo_csv_core::lifecycle::Plan,
}

impl Plan {
    pub fn new(inner: alleo_csv_core::lifecycle::Plan) -> Plan {
        Plan { inner }
    }
}

#[pymethods]
impl Plan {
    /// True when there is no error.
    #[getter]
    fn valid(&self) -> bool {
        self.inner.valid()
    }

    /// How many employees each action concerns: `onboard`, `update`, `deactivate`,
    /// `unchanged`, `absent`.
    #[getter]
    fn summary(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let json = serde_json::to_string(&self.inner.summary)
            .map_err(|e| AlleoCsvError::new_err(e.to_string()))?;
        loads(py, &json)
    }

    /// One action per employee: the file's rows in order, then the absent ones.
    #[getter]
    fn actions(&self) -> Vec<Action> {
        self.inner
            .actions
            .iter()
            .map(|a| Action {
                kind: a.kind.as_str().to_owned(),
                email: a.email.to_string(),
                row: a.row,
                changes: a
                    .changes
                    .iter()
                    .map(|c| (c.field.clone(), c.old.clone(), c.new.clone()))
                    .collect(),
                effective: a.effective.map(|e| e.to_string()),
            })
            .collect()
    }

    /// The report: every issue, with the previous-state rules applied.
    #[getter]
    fn report(&self) -> Report {
        Report::new(self.inner.report.clone())
    }

    /// Employees in the previous state.
    #[getter]
    fn previous(&self) -> u64 {
        self.inner.previous
    }

    /// The plan as JSON, as `alleo-sync diff --format json` gives it.
    fn to_json(&self) -> PyResult<String> {
        serde_json::to_string_pretty(&self.inner).map_err(|e| AlleoCsvError::new_err(e.to_string()))
    }

    /// The plan as a dict, equal to the CLI's JSON.
    fn to_dict(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        loads(py, &self.to_json()?)
    }

    fn __repr__(&self) -> String {
        let s = &self.inner.summary;
        format!(
            "<Plan valid={} onboard={} update={} deactivate={} unchanged={} absent={}>",
            if self.inner.valid() { "True" } else { "False" },
            s.onboard,
            s.update,
            s.deactivate,
            s.unchanged,
            s.absent
        )
    }
}

/// What happens to one employee.
#[derive(Debug)]
#[pyclass(frozen, module = "alleo_csv")]
pub struct Action {
    /// `"onboard"`, `"update"`, `"deactivate"`, `"unchanged"` or `"absent"`.
    #[pyo3(get, name = "action")]
    kind: String,
    /// The address, as the file (or, when absent, the previous state) has it.
    #[pyo3(get)]
    email: String,
    /// The row in the file; `None` when absent.
    #[pyo3(get)]
    row: Option<u64>,
    /// The fields that change, as (field, old, new).
    #[pyo3(get)]
    changes: Vec<(String, String, String)>,
    /// `YYYY-MM-DD` for an onboarding, `YYYY-MM-DDT23:00:00Z` for a deactivation.
    #[pyo3(get)]
    effective: Option<String>,
}

#[pymethods]
impl Action {
    fn __repr__(&self) -> String {
        let row = self.row.map_or_else(|| "-".to_owned(), |r| r.to_string());
        format!("<Action {} {} row={row}>", self.kind, self.email)
    }
}
