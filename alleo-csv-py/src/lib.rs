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

use alleo_csv_core::lifecycle::{self, Previous};
use alleo_csv_core::mapping;
use alleo_csv_core::schedule;
use alleo_csv_core::{Lang, Options, job, naming};
use chrono::{DateTime, NaiveDate, Utc};
use pyo3::prelude::*;

use crate::errors::{AlleoCsvError, ConfigError, InputError, core_error, lang_of};
use crate::plan::{Action, Plan};
use crate::report::{Issue, Report};
use crate::source::Source;

/// Checks an employee file against every rule Alleo applies and returns the
/// report.
#[pyfunction]
#[pyo3(signature = (source, *, config = None, as_of = None, previous = None, lang = "en", allow_deactivations = None, values = true))]
#[allow(clippy::too_many_arguments)] // keyword arguments, as Python callers expect
fn validate(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    config: Option<&Bound<'_, PyAny>>,
    as_of: Option<NaiveDate>,
    previous: Option<&Bound<'_, PyAny>>,
    lang: &str,
    allow_deactivations: Option<u64>,
    values: bool,
) -> PyResult<Report> {
    let lang = lang_of(lang)?;
    let config = config::load(config, lang)?;
    let source = Source::of(source)?;
    let mut options = options(as_of, lang, &source);
    options.allow_deactivations = allow_deactivations;
    options.show_values = values;
    let previous = previous
        .map(|p| read_previous(py, p, &config, lang))
        .transpose()?;
    let reader = source.reader(lang)?;
    let checked = py
        .detach(|| job::check(reader, &config, options, previous.as_ref()))
        .map_err(core_error(lang))?;
    Ok(Report::new(checked.report))
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
    let lang = lang_of(lang)?;
    let config = config::load(config, lang)?;
    let previous = read_previous(py, previous, &config, lang)?;
    let source = Source::of(source)?;
    let mut options = options(as_of, lang, &source);
    options.allow_deactivations = allow_deactivations;
    let reader = source.reader(lang)?;
    let plan = py
        .detach(|| lifecycle::diff(&previous, reader, &config, options))
        .map_err(core_error(lang))?;
    Ok(Plan::new(plan))
}

/// Reads a previous state from a path, bytes or a binary file object.
fn read_previous(
    py: Python<'_>,
    previous: &Bound<'_, PyAny>,
    config: &alleo_csv_core::Config,
    lang: Lang,
) -> PyResult<Previous> {
    let reader = Source::of(previous)?.reader(lang)?;
    py.detach(|| Previous::read(reader, config))
        .map_err(core_error(lang))
}

/// The options of a run: `as_of` (default: the date of the next pickup), the
/// message language, and the source's name (checked as the CLI checks it).
fn options(as_of: Option<NaiveDate>, lang: Lang, source: &Source) -> Options {
    let mut options = Options::for_next_pickup(as_of, Utc::now());
    options.lang = lang;
    options.file_name = source.name();
    options
}

/// Suggests the `alleo.toml` sections an export needs, as `alleo-sync mapping
/// suggest` does: from its header and the values of its first rows (an export as a
/// path, bytes or a binary file object: CSV in any encoding or an .xlsx workbook),
/// or from a list of headers alone. Returns `{"columns", "input", "custom_fields",
/// "toml", "notes", "export", "choices"}`: the CLI's `--format json`, with the
/// TOML it prints, each column's note and the choices as suggested.
#[pyfunction]
#[pyo3(signature = (export, *, config = None, lang = "en"))]
fn suggest_mapping(
    py: Python<'_>,
    export: &Bound<'_, PyAny>,
    config: Option<&Bound<'_, PyAny>>,
    lang: &str,
) -> PyResult<Py<PyAny>> {
    let lang = lang_of(lang)?;
    let config = config::load(config, lang)?;
    let (suggestions, name) = match export.extract::<Vec<String>>() {
        Ok(headers) if !export.is_instance_of::<pyo3::types::PyString>() => (
            mapping::suggest_headers(&headers, &config, lang),
            "-".to_owned(),
        ),
        _ => {
            let source = Source::of(export)?;
            let name = source.name().unwrap_or_else(|| "-".to_owned());
            let bytes = std::io::Cursor::new(source.read_all(py, lang)?);
            let found = py.detach(|| job::suggest_mapping(bytes, &config, lang));
            (found.map_err(core_error(lang))?, name)
        }
    };
    let json = serde_json::to_string(&suggestions.with_toml(&name, lang))
        .map_err(|e| AlleoCsvError::new_err(e.to_string()))?;
    report::loads(py, &json)
}

/// The configuration a mapping step's `choices` make of `config` (the saved
/// settings) for `export`, as the checker page's importer makes it: `choices`
/// is `{"targets": [one per column: a field key or custom field name, or None
/// to leave it out], "delimiter", "encoding", "date_format"}` (a suggestion's
/// `"choices"` are those it suggests). Returns the whole configuration as a dict
/// shaped like `alleo.toml`: `config`'s sections the rules do not read (such as
/// `sftp`) kept, the others as the choices make them.
#[pyfunction]
#[pyo3(signature = (export, choices, *, config = None, lang = "en"))]
fn chosen_config(
    py: Python<'_>,
    export: &Bound<'_, PyAny>,
    choices: &Bound<'_, PyAny>,
    config: Option<&Bound<'_, PyAny>>,
    lang: &str,
) -> PyResult<Py<PyAny>> {
    let lang = lang_of(lang)?;
    let (base, whole) = config::load_whole(py, config, lang)?;
    let json = py.import("json")?;
    let choices: String = json.call_method1("dumps", (choices,))?.extract()?;
    let choices: mapping::Choices = serde_json::from_str(&choices)
        .map_err(|e| ConfigError::new_err(format!("choices: {e}")))?;
    let bytes = std::io::Cursor::new(Source::of(export)?.read_all(py, lang)?);
    let made = py
        .detach(|| {
            let suggestions = job::suggest_mapping(bytes, &base, lang)?;
            suggestions.config(&base, &choices)
        })
        .map_err(core_error(lang))?;
    let whole = whole.bind(py).cast::<pyo3::types::PyDict>()?;
    for section in alleo_csv_core::Config::SECTIONS {
        if whole.contains(section)? {
            whole.del_item(section)?;
        }
    }
    let made = serde_json::to_string(&made).map_err(|e| AlleoCsvError::new_err(e.to_string()))?;
    whole.update(
        report::loads(py, &made)?
            .bind(py)
            .cast::<pyo3::types::PyMapping>()?,
    )?;
    Ok(whole.clone().into_any().unbind())
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
    m.add_function(wrap_pyfunction!(chosen_config, m)?)?;
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
