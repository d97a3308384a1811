//! `alleo-csv-wasm`: the core in the browser, for the offline pre-upload checker.
//!
//! Glue only: configurations arrive as JavaScript objects shaped like `alleo.toml`
//! (passed through JSON, so a wrong shape is an `Error` naming the key), files as
//! bytes, whole or pushed in chunks, and results leave as plain objects equal to the
//! CLI's `--format json`. Nothing is read from or sent to anywhere.

// Exported functions take what JavaScript hands over, owned (wasm-bindgen's boundary).
#![allow(clippy::needless_pass_by_value)]

mod report;

pub use report::Report;

use alleo_csv_core::lifecycle::{Previous, diff as core_diff};
use alleo_csv_core::mapping::suggest_headers;
use alleo_csv_core::{Config, ConfigFile, CustomType, FieldKey, Lang, Options, schedule, split};
use chrono::{NaiveDate, Utc};
use wasm_bindgen::prelude::*;

/// Checks a whole file and returns the report of SPEC section 5 as a plain object.
///
/// # Errors
/// A JavaScript `Error` for a configuration, date or language that cannot be used.
#[wasm_bindgen]
pub fn validate(
    bytes: &[u8],
    config: JsValue,
    #[wasm_bindgen(js_name = asOf)] as_of: Option<String>,
    lang: Option<String>,
) -> Result<JsValue, JsError> {
    let config = config_of(config)?;
    let mut validator =
        alleo_csv_core::Validator::new(&config, options(as_of.as_deref(), lang.as_deref())?);
    validator.feed(bytes);
    to_js(&validator.finish())
}

/// A check fed in chunks (`File.stream()`), so a large file is never copied whole
/// into WASM memory. The report does not depend on where the chunks are cut.
#[wasm_bindgen]
#[derive(Debug)]
pub struct Validator {
    inner: alleo_csv_core::Validator,
}

#[wasm_bindgen]
impl Validator {
    /// A check under `config` (an object shaped like `alleo.toml`), for `asOf`
    /// (`YYYY-MM-DD`, default the next pickup), with messages in `lang`.
    ///
    /// # Errors
    /// A JavaScript `Error` for a configuration, date or language that cannot be used.
    #[wasm_bindgen(constructor)]
    pub fn new(
        config: JsValue,
        as_of: Option<String>,
        lang: Option<String>,
    ) -> Result<Validator, JsError> {
        let config = config_of(config)?;
        Ok(Validator {
            inner: alleo_csv_core::Validator::new(
                &config,
                options(as_of.as_deref(), lang.as_deref())?,
            ),
        })
    }

    /// Checks the next piece of the file.
    pub fn push(&mut self, chunk: &[u8]) {
        self.inner.feed(chunk);
    }

    /// Ends the file and returns the report.
    ///
    /// # Errors
    /// Only if the report cannot be made into an object (never, in practice).
    pub fn finish(self) -> Result<JsValue, JsError> {
        to_js(&self.inner.finish())
    }

    /// Ends the file and returns `{ report, csv }`: the report, and the issues as
    /// the CSV `alleo-sync validate --format csv` writes (for Excel: UTF-8 with a
    /// byte order mark), so that a page offers the same download.
    ///
    /// # Errors
    /// Only if the report cannot be written (never, in practice).
    #[wasm_bindgen(js_name = finishWithCsv)]
    pub fn finish_with_csv(self) -> Result<JsValue, JsError> {
        with_csv(&self.inner.finish())
    }

    /// Ends the file and keeps its report here (see [`Checker::finish_report`]).
    #[wasm_bindgen(js_name = finishReport)]
    pub fn finish_report(self) -> Report {
        Report::new(self.inner.finish())
    }
}

/// The first half of a check split over two Web Workers: parses the file's chunks
/// into batches of records (bytes, to transfer to the worker holding a [`Checker`]).
/// Together they give the report [`Validator`] gives, in about half the time.
#[wasm_bindgen]
#[derive(Debug, Default)]
pub struct Parser {
    inner: split::Parser,
}

#[wasm_bindgen]
impl Parser {
    /// A parser of one file.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Parser {
        Parser::default()
    }

    /// Parses the next piece of the file; returns the records it completes, as one
    /// batch for [`Checker::check`].
    pub fn push(&mut self, chunk: &[u8]) -> Vec<u8> {
        let mut batch = Vec::new();
        self.inner.feed(chunk, &mut batch);
        batch
    }

    /// Ends the file; returns the last batch.
    pub fn finish(mut self) -> Vec<u8> {
        let mut batch = Vec::new();
        self.inner.finish(&mut batch);
        batch
    }
}

/// The second half of a split check: applies the rules to the batches of a
/// [`Parser`], handed over in order.
#[wasm_bindgen]
#[derive(Debug)]
pub struct Checker {
    inner: split::Checker,
}

#[wasm_bindgen]
impl Checker {
    /// A check under `config` (an object shaped like `alleo.toml`), for `asOf`
    /// (`YYYY-MM-DD`, default the next pickup), with messages in `lang`.
    ///
    /// # Errors
    /// A JavaScript `Error` for a configuration, date or language that cannot be used.
    #[wasm_bindgen(constructor)]
    pub fn new(
        config: JsValue,
        as_of: Option<String>,
        lang: Option<String>,
    ) -> Result<Checker, JsError> {
        let config = config_of(config)?;
        Ok(Checker {
            inner: split::Checker::new(&config, options(as_of.as_deref(), lang.as_deref())?),
        })
    }

    /// Checks one batch from [`Parser::push`] or [`Parser::finish`].
    ///
    /// # Errors
    /// A JavaScript `Error` for bytes that are not a parser's batch.
    pub fn check(&mut self, batch: &[u8]) -> Result<(), JsError> {
        self.inner
            .check(batch)
            .map_err(|e| JsError::new(&e.to_string()))
    }

    /// Ends the check and returns `{ report, csv }`, as [`Validator::finish_with_csv`].
    ///
    /// # Errors
    /// Only if the report cannot be written (never, in practice).
    #[wasm_bindgen(js_name = finishWithCsv)]
    pub fn finish_with_csv(self) -> Result<JsValue, JsError> {
        with_csv(&self.inner.finish())
    }

    /// Ends the check and keeps its report here, for a page to ask what it shows
    /// (a million issues never become a million objects).
    #[wasm_bindgen(js_name = finishReport)]
    pub fn finish_report(self) -> Report {
        Report::new(self.inner.finish())
    }
}

/// `{ report, csv }`: the report as an object, and the issues as the CSV
/// `alleo-sync validate --format csv` writes.
fn with_csv(report: &alleo_csv_core::Report) -> Result<JsValue, JsError> {
    let mut csv = Vec::new();
    report
        .write_csv(&mut csv)
        .map_err(|e| JsError::new(&e.to_string()))?;
    let result = js_sys::Object::new();
    js_sys::Reflect::set(&result, &"report".into(), &to_js(report)?)
        .map_err(|_| JsError::new("the result could not be made"))?;
    js_sys::Reflect::set(
        &result,
        &"csv".into(),
        &js_sys::Uint8Array::from(&csv[..]).into(),
    )
    .map_err(|_| JsError::new("the result could not be made"))?;
    Ok(result.into())
}

/// What Alleo will do with `bytes` given the previous state: the plan, as
/// `alleo-sync diff --format json` gives it.
///
/// # Errors
/// A JavaScript `Error` for a configuration, date or language that cannot be
/// used, or a previous state without an Email column.
#[wasm_bindgen]
pub fn diff(
    previous: &[u8],
    bytes: &[u8],
    config: JsValue,
    #[wasm_bindgen(js_name = asOf)] as_of: Option<String>,
    lang: Option<String>,
    #[wasm_bindgen(js_name = allowDeactivations)] allow: Option<u32>,
) -> Result<JsValue, JsError> {
    let config = config_of(config)?;
    let previous = Previous::read(previous, &config).map_err(|e| JsError::new(&e.to_string()))?;
    let plan = core_diff(
        &previous,
        bytes,
        &config,
        options(as_of.as_deref(), lang.as_deref())?,
        allow.map(u64::from),
    )
    .map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&plan)
}

/// Suggestions for a `[mapping]` of these headers (see `alleo-sync mapping suggest`).
///
/// # Errors
/// Only if the suggestions cannot be made into objects (never, in practice).
#[wasm_bindgen(js_name = suggestMapping)]
pub fn suggest_mapping(headers: Vec<String>) -> Result<JsValue, JsError> {
    to_js(&suggest_headers(&headers, &Config::default()))
}

/// What settings can name, for a settings form: `{ fields: [{ key, label }],
/// customTypes: ["text", ...] }`, the Alleo fields a `[mapping]` can target and the
/// types a `[custom_fields]` entry can declare.
///
/// # Errors
/// Only if the lists cannot be made into objects (never, in practice).
#[wasm_bindgen]
pub fn schema() -> Result<JsValue, JsError> {
    #[derive(serde::Serialize)]
    struct Field {
        key: &'static str,
        label: &'static str,
    }
    #[derive(serde::Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Schema {
        fields: Vec<Field>,
        custom_types: [CustomType; 4],
    }
    to_js(&Schema {
        fields: FieldKey::ALL
            .iter()
            .map(|f| Field {
                key: f.key(),
                label: f.label(),
            })
            .collect(),
        custom_types: CustomType::ALL,
    })
}

/// Checks settings without a file: returns nothing for a usable configuration
/// (an object shaped like `alleo.toml`).
///
/// # Errors
/// A JavaScript `Error` with the core's message, naming the key, for one that is
/// not usable.
#[wasm_bindgen(js_name = checkConfig)]
pub fn check_config(config: JsValue) -> Result<(), JsError> {
    config_of(config).map(drop)
}

/// The next pickup (02:45 or 20:00 UTC) after now, as `YYYY-MM-DDTHH:MM:SSZ`.
#[wasm_bindgen(js_name = nextPickup)]
pub fn next_pickup() -> String {
    let at = schedule::next_pickup(Utc::now()).at;
    format!("{}T{}Z", at.date_naive(), at.time())
}

/// The options of a run.
fn options(as_of: Option<&str>, lang: Option<&str>) -> Result<Options, JsError> {
    let as_of = match as_of {
        Some(text) => text.parse::<NaiveDate>().map_err(|_| {
            JsError::new(&format!(
                "asOf `{text}` is not a date in the form YYYY-MM-DD"
            ))
        })?,
        None => schedule::next_pickup(Utc::now()).date(),
    };
    let mut options = Options::new(as_of);
    if let Some(lang) = lang {
        options.lang = lang.parse::<Lang>().map_err(|e| JsError::new(&e))?;
    }
    Ok(options)
}

/// A configuration from a JavaScript object (`undefined` or `null`: the defaults).
fn config_of(value: JsValue) -> Result<Config, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(Config::default());
    }
    let json: String = js_sys::JSON::stringify(&value)
        .map_err(|_| {
            JsError::new("the configuration must be a plain object shaped like alleo.toml")
        })?
        .into();
    let mut deserializer = serde_json::Deserializer::from_str(&json);
    let file: ConfigFile = serde_path_to_error::deserialize(&mut deserializer).map_err(|e| {
        let path = e.path().to_string();
        let message = e.into_inner().to_string();
        let message = message
            .split(" at line ")
            .next()
            .unwrap_or(&message)
            .to_owned();
        JsError::new(&format!(
            "the configuration is not usable: {path}: {message}"
        ))
    })?;
    Ok(file.into())
}

/// A result as a plain object, through the JSON every front gives.
pub(crate) fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsError> {
    let json = serde_json::to_string(value).map_err(|e| JsError::new(&e.to_string()))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("the result could not be read as JSON"))
}
