//! `alleo_csv`: the Python face of `alleo-csv-core`, for HR import scripts.
//!
//! Glue only: every rule is the core's. Sources (a path, `bytes`, or a binary file
//! object read in chunks) and configurations (a dict shaped like `alleo.toml`, or
//! its path) are turned into the core's types, the core runs with the GIL released,
//! and its results come back as small typed classes whose `to_dict()` equals the
//! CLI's `--format json`.

// pyo3's generated code trips these pedantic lints; the functions below are the API.
#![allow(clippy::needless_pass_by_value, clippy::used_underscore_binding)]

mod config;
mod errors;
mod plan;
mod report;
mod source;
mod transform;

use alleo_csv_core::lifecycle::{Differ, Previous, diff as core_diff};
use alleo_csv_core::mapping::suggest_headers;
use alleo_csv_core::schedule;
use alleo_csv_core::{Lang, Options, Validator, naming, validate as core_validate};
use chrono::{DateTime, NaiveDate, Utc};
use pyo3::prelude::*;
use pyo3::types::PyList;

use crate::errors::{AlleoCsvError, ConfigError, InputError, core_error};
use crate::plan::{Action, Plan};
use crate::report::{Issue, Report};
use crate::source::Source;

/// Checks an employee file against every rule Alleo applies and returns the
/// report.
#[pyfunction]
#[pyo3(signature = (source, *, config = None, as_of = None, previous = None, lang = "en", allow_deactivations = None))]
fn validate(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    config: Option<&Bound<'_, PyAny>>,
    as_of: Option<NaiveDate>,
    previous: Option<&Bound<'_, PyAny>>,
    lang: &str,
    allow_deactivations: Option<u64>,
) -> PyResult<Report> {
    let config = config::load(py, config)?;
    let mut options = options(as_of, lang)?;
    let source = Source::of(source)?;
    if let Source::Path(path) = &source {
        // As the CLI does: a file's name is checked against alleo_employees_<ID>.csv.
        options.file_name = Some(path.display().to_string());
    }
    let report = match previous {
        Some(previous) => {
            let previous = read_previous(py, previous, &config)?;
            run_diff(py, &previous, source, &config, options, allow_deactivations)?.report
        }
        None => match source {
            Source::Path(path) => py.detach(|| {
                let file = std::fs::File::open(&path).map_err(|e| source::open_error(&path, e))?;
                core_validate(file, &config, options).map_err(core_error)
            })?,
            Source::Bytes(bytes) => py
                .detach(|| core_validate(&bytes[..], &config, options))
                .map_err(core_error)?,
            Source::File(file) => {
                let mut validator = Validator::new(&config, options);
                source::read_chunks(py, &file, |py, chunk| py.detach(|| validator.feed(chunk)))?;
                py.detach(|| validator.finish())
            }
        },
    };
    Ok(Report::new(report))
}

/// What Alleo will do with a file, given the previous state: who is onboarded,
/// updated, deactivated, and who is absent.
#[pyfunction]
#[pyo3(signature = (previous, source, *, config = None, as_of = None, lang = "en", allow_deactivations = None))]
fn diff(
    py: Python<'_>,
    previous: &Bound<'_, PyAny>,
    source: &Bound<'_, PyAny>,
    config: Option<&Bound<'_, PyAny>>,
    as_of: Option<NaiveDate>,
    lang: &str,
    allow_deactivations: Option<u64>,
) -> PyResult<Plan> {
    let config = config::load(py, config)?;
    let mut options = options(as_of, lang)?;
    let previous = read_previous(py, previous, &config)?;
    let source = Source::of(source)?;
    if let Source::Path(path) = &source {
        options.file_name = Some(path.display().to_string());
    }
    Ok(Plan::new(run_diff(
        py,
        &previous,
        source,
        &config,
        options,
        allow_deactivations,
    )?))
}

fn run_diff(
    py: Python<'_>,
    previous: &Previous,
    source: Source,
    config: &alleo_csv_core::Config,
    options: Options,
    allow: Option<u64>,
) -> PyResult<alleo_csv_core::lifecycle::Plan> {
    match source {
        Source::Path(path) => py.detach(|| {
            let file = std::fs::File::open(&path).map_err(|e| source::open_error(&path, e))?;
            core_diff(previous, file, config, options, allow).map_err(core_error)
        }),
        Source::Bytes(bytes) => py
            .detach(|| core_diff(previous, &bytes[..], config, options, allow))
            .map_err(core_error),
        Source::File(file) => {
            let mut differ = Differ::new(previous, config, options, allow);
            source::read_chunks(py, &file, |py, chunk| py.detach(|| differ.feed(chunk)))?;
            Ok(py.detach(|| differ.finish()))
        }
    }
}

/// Reads a previous state from a path, bytes or a binary file object.
fn read_previous(
    py: Python<'_>,
    previous: &Bound<'_, PyAny>,
    config: &alleo_csv_core::Config,
) -> PyResult<Previous> {
    let bytes = Source::of(previous)?.read_all(py)?;
    py.detach(|| Previous::read(&bytes[..], config))
        .map_err(core_error)
}

/// The options of a run: `as_of` (default: the date of the next pickup) and the
/// message language.
fn options(as_of: Option<NaiveDate>, lang: &str) -> PyResult<Options> {
    let lang: Lang = lang
        .parse()
        .map_err(|e: String| pyo3::exceptions::PyValueError::new_err(e))?;
    let mut options =
        Options::new(as_of.unwrap_or_else(|| schedule::next_pickup(Utc::now()).date()));
    options.lang = lang;
    Ok(options)
}

/// Suggests a `[mapping]` for an export's headers: one dict per header with
/// `position`, `header`, `target`, `confidence`, `reason`, `evidence`, `needed`,
/// `leave_out` (why the column goes into `[input] ignore`, when it does) and
/// `apply` (whether the line is suggested as is).
#[pyfunction]
#[pyo3(signature = (headers, *, config = None))]
fn suggest_mapping(
    py: Python<'_>,
    headers: Vec<String>,
    config: Option<&Bound<'_, PyAny>>,
) -> PyResult<Py<PyList>> {
    let config = config::load(py, config)?;
    let suggestions = suggest_headers(&headers, &config);
    let list = PyList::empty(py);
    for s in &suggestions {
        let json = serde_json::to_string(s).map_err(|e| AlleoCsvError::new_err(e.to_string()))?;
        let dict = report::loads(py, &json)?;
        dict.bind(py).set_item("apply", s.apply())?;
        list.append(dict)?;
    }
    Ok(list.unbind())
}

/// The name Alleo's reporting gives a custom field: `custom_x` -> `alleo_custom_x`;
/// `None` when the name is not a valid custom field name.
#[pyfunction]
fn reporting_name(name: &str) -> Option<String> {
    naming::reporting_name(name)
}

/// The upload name of a reporting column: `alleo_custom_x` -> `custom_x`; `None`
/// when it is not one.
#[pyfunction]
fn upload_name(name: &str) -> Option<String> {
    naming::upload_name(name).map(str::to_owned)
}

/// The next pickup (02:45 or 20:00 UTC) after `at` (default: now), as an aware UTC
/// datetime.
#[pyfunction]
#[pyo3(signature = (at = None))]
fn next_pickup(at: Option<DateTime<Utc>>) -> DateTime<Utc> {
    schedule::next_pickup(at.unwrap_or_else(Utc::now)).at
}

/// Check, repair and plan the Alleo employee file before it is sent.
#[pymodule]
fn alleo_csv(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(validate, m)?)?;
    m.add_function(wrap_pyfunction!(diff, m)?)?;
    m.add_function(wrap_pyfunction!(transform::transform, m)?)?;
    m.add_function(wrap_pyfunction!(suggest_mapping, m)?)?;
    m.add_function(wrap_pyfunction!(reporting_name, m)?)?;
    m.add_function(wrap_pyfunction!(upload_name, m)?)?;
    m.add_function(wrap_pyfunction!(next_pickup, m)?)?;
    m.add_class::<Report>()?;
    m.add_class::<Issue>()?;
    m.add_class::<report::Issues>()?;
    m.add_class::<report::IssueIter>()?;
    // `report.issues` is a sequence in Python's own sense too (isinstance, Sequence's
    // index and count).
    m.py()
        .import("collections.abc")?
        .getattr("Sequence")?
        .call_method1("register", (m.getattr("Issues")?,))?;
    m.add_class::<Plan>()?;
    m.add_class::<Action>()?;
    m.add_class::<transform::Transformed>()?;
    let py = m.py();
    m.add("AlleoCsvError", py.get_type::<AlleoCsvError>())?;
    m.add("ConfigError", py.get_type::<ConfigError>())?;
    m.add("InputError", py.get_type::<InputError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
