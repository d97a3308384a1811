//! `alleo-csv-wasm`: the core in the browser, for the offline pre-upload checker.
//!
//! Glue only: every job is one call of the core's `job` layer. Configurations
//! arrive as JavaScript objects shaped like `alleo.toml`, the options of a run as
//! `{ asOf, lang, name, showValues, allowDeactivations }` (every key optional),
//! files as bytes, whole or pushed in chunks, and results leave as plain objects
//! equal to the CLI's `--format json`. Nothing is read from or sent to anywhere.

// Exported functions take what JavaScript hands over, owned (wasm-bindgen's boundary).
#![allow(clippy::needless_pass_by_value)]

mod glue;
mod report;
mod sheet;

pub use report::Report;
pub use sheet::{Checked, Sheet};

use alleo_csv_core::job::{self, Checking};
use alleo_csv_core::lifecycle::{Previous, diff as core_diff};
use alleo_csv_core::text::Plain;
use alleo_csv_core::text::page::page_words;
use alleo_csv_core::text::transform::{Files, write_transform};
use alleo_csv_core::transform::Outputs;
use alleo_csv_core::{Lang, Schema, mapping, naming, schedule, split};
use chrono::Utc;
use wasm_bindgen::prelude::*;

use crate::glue::{choices_of, config_of, error, lang_of, run_of, to_js, with_sections};

/// Checks a whole file and returns the report of SPEC section 5 as a plain object.
///
/// # Errors
/// A JavaScript `Error` for a configuration or options that cannot be used.
#[wasm_bindgen]
pub fn validate(bytes: &[u8], config: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let (config, options) = run_of(config, options)?;
    let lang = options.lang;
    let checked = job::check(bytes, &config, options, None).map_err(error(lang))?;
    to_js(&checked.report)
}

/// A check fed in chunks (`File.stream()`), so a large file is never copied whole
/// into WASM memory. The report does not depend on where the chunks are cut.
#[wasm_bindgen]
#[derive(Debug)]
pub struct Validator {
    inner: Checking<'static>,
}

#[wasm_bindgen]
impl Validator {
    /// A check under `config` (an object shaped like `alleo.toml`) with `options`.
    ///
    /// # Errors
    /// A JavaScript `Error` for a configuration or options that cannot be used.
    #[wasm_bindgen(constructor)]
    pub fn new(config: JsValue, options: JsValue) -> Result<Validator, JsError> {
        let (config, options) = run_of(config, options)?;
        Ok(Validator {
            inner: Checking::new(&config, options, None),
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
        to_js(&self.inner.finish().report)
    }

    /// Ends the file and keeps its report here (see [`Checker::finish_report`]).
    #[wasm_bindgen(js_name = finishReport)]
    pub fn finish_report(self) -> Report {
        Report::new(self.inner.finish().report)
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
    lang: Lang,
}

#[wasm_bindgen]
impl Checker {
    /// A check under `config` (an object shaped like `alleo.toml`) with `options`.
    ///
    /// # Errors
    /// A JavaScript `Error` for a configuration or options that cannot be used.
    #[wasm_bindgen(constructor)]
    pub fn new(config: JsValue, options: JsValue) -> Result<Checker, JsError> {
        let (config, options) = run_of(config, options)?;
        let lang = options.lang;
        Ok(Checker {
            inner: split::Checker::new(&config, options),
            lang,
        })
    }

    /// Checks one batch from [`Parser::push`] or [`Parser::finish`].
    ///
    /// # Errors
    /// A JavaScript `Error` for bytes that are not a parser's batch.
    pub fn check(&mut self, batch: &[u8]) -> Result<(), JsError> {
        self.inner.check(batch).map_err(error(self.lang))
    }

    /// Ends the check and keeps its report here, for a page to ask what it shows
    /// (a million issues never become a million objects).
    #[wasm_bindgen(js_name = finishReport)]
    pub fn finish_report(self) -> Report {
        Report::new(self.inner.finish())
    }
}

/// What Alleo will do with `bytes` given the previous state: the plan, as
/// `alleo-sync diff --format json` gives it.
///
/// # Errors
/// A JavaScript `Error` for a configuration or options that cannot be used, or a
/// previous state without an Email column.
#[wasm_bindgen]
pub fn diff(
    previous: &[u8],
    bytes: &[u8],
    config: JsValue,
    options: JsValue,
) -> Result<JsValue, JsError> {
    let (config, options) = run_of(config, options)?;
    let lang = options.lang;
    let previous = Previous::read(previous, &config).map_err(error(lang))?;
    let plan = core_diff(&previous, bytes, &config, options).map_err(error(lang))?;
    to_js(&plan)
}

/// The `alleo.toml` sections an export needs, as `alleo-sync mapping suggest
/// --format json` gives them, read from the export's bytes (header and values), or
/// from a list of headers alone; with `toml`, the text the CLI prints.
///
/// # Errors
/// A JavaScript `Error` for a configuration or language that cannot be used, or
/// an export that cannot be read (a workbook: save it as CSV).
#[wasm_bindgen(js_name = suggestMapping)]
pub fn suggest_mapping(
    export: JsValue,
    config: JsValue,
    lang: Option<String>,
) -> Result<JsValue, JsError> {
    let lang = lang_of(lang.as_deref())?;
    let config = config_of(config, lang)?;
    let suggestions = match export.dyn_into::<js_sys::Array>() {
        Ok(headers) => {
            let headers: Vec<String> = headers.iter().filter_map(|h| h.as_string()).collect();
            mapping::suggest_headers(&headers, &config, lang)
        }
        Err(bytes) => {
            let bytes = js_sys::Uint8Array::new(&bytes).to_vec();
            // As a slice, as `transform` reads it: the workbook reader is compiled once.
            job::suggest_mapping(std::io::Cursor::new(bytes.as_slice()), &config, lang)
                .map_err(error(lang))?
        }
    };
    to_js(&suggestions.with_toml("-", lang))
}

/// The configuration a mapping step's `choices` make for `export` (its bytes):
/// `{ targets: [one per column: a field key or custom field name, or null to
/// leave it out], delimiter, encoding, date_format }` (a suggestion's `choices`
/// are those it suggests), applied to `base`, the settings saved (its other
/// sections, such as `sftp`, kept).
///
/// # Errors
/// A JavaScript `Error` for a configuration or choices that cannot be used
/// (the message names the column or setting), or an export that cannot be read.
#[wasm_bindgen(js_name = chosenConfig)]
pub fn chosen_config(
    export: &[u8],
    base: JsValue,
    choices: JsValue,
    lang: Option<String>,
) -> Result<JsValue, JsError> {
    let lang = lang_of(lang.as_deref())?;
    let config = config_of(base.clone(), lang)?;
    let choices = choices_of(&choices)?;
    let suggestions =
        job::suggest_mapping(std::io::Cursor::new(export), &config, lang).map_err(error(lang))?;
    with_sections(
        &base,
        &suggestions.config(&config, &choices).map_err(error(lang))?,
    )
}

/// Transforms an export (CSV in any encoding and delimiter, or an `.xlsx`
/// workbook, told by its bytes) into the Alleo file, as `alleo-sync transform
/// --rejects --changes` does: the same file, byte for byte. With `keepInvalid`,
/// as `--keep-invalid` does: the rows still invalid stay in the file too, to be
/// fixed in a [`Sheet`].
///
/// # Errors
/// A JavaScript `Error` for a configuration or options that cannot be used, or an
/// export that cannot be read (an old `.xls` workbook).
#[wasm_bindgen]
pub fn transform(
    bytes: &[u8],
    config: JsValue,
    options: JsValue,
    keep_invalid: Option<bool>,
) -> Result<Transformed, JsError> {
    let (config, options) = run_of(config, options)?;
    let lang = options.lang;
    let (mut output, mut rejects, mut changes) = (Vec::new(), Vec::new(), Vec::new());
    let mut outputs = Outputs::new(&mut output)
        .rejects(&mut rejects)
        .changes(&mut changes);
    if keep_invalid == Some(true) {
        outputs = outputs.keeping_invalid();
    }
    let export = std::io::Cursor::new(bytes);
    let done = job::transform_export(export, &config, &options, outputs).map_err(error(lang))?;
    Ok(Transformed {
        files: done.usable().then_some([output, rejects, changes]),
        done,
        input: options.file_name,
    })
}

/// A finished transform: the files it wrote (only when the run is usable: no
/// half-made set), its summary and the re-check's report.
#[wasm_bindgen]
#[derive(Debug)]
pub struct Transformed {
    done: alleo_csv_core::transform::Transformed,
    files: Option<[Vec<u8>; 3]>,
    input: Option<String>,
}

#[wasm_bindgen]
impl Transformed {
    /// Whether the files were written: every row valid, or set aside as a reject.
    #[wasm_bindgen(getter)]
    pub fn usable(&self) -> bool {
        self.files.is_some()
    }

    /// What was read, repaired, written and left out, as the CLI's `summary`.
    ///
    /// # Errors
    /// Only if the object cannot be made (never, in practice).
    #[wasm_bindgen(getter)]
    pub fn summary(&self) -> Result<JsValue, JsError> {
        to_js(&self.done.summary)
    }

    /// The Alleo file (`undefined` when the run is not usable).
    pub fn output(&self) -> Option<Vec<u8>> {
        self.files.as_ref().map(|f| f[0].clone())
    }

    /// The rows set aside, as the export had them, with the reason.
    pub fn rejects(&self) -> Option<Vec<u8>> {
        self.files.as_ref().map(|f| f[1].clone())
    }

    /// Every change made, as CSV.
    pub fn changes(&self) -> Option<Vec<u8>> {
        self.files.as_ref().map(|f| f[2].clone())
    }

    /// The Alleo file made, as a [`Sheet`] to edit in the grid (it is not copied
    /// out of WebAssembly memory and back); `options` as for [`transform`], with
    /// the Alleo file's `name`.
    ///
    /// # Errors
    /// A JavaScript `Error` when nothing was written (the run is not usable), or
    /// for a configuration or options that cannot be used.
    pub fn sheet(self, config: JsValue, options: JsValue) -> Result<Sheet, JsError> {
        let [output, ..] = self.files.ok_or_else(|| {
            JsError::new("nothing was written: the export could not be transformed")
        })?;
        Sheet::new(output, config, options)
    }

    /// The report of the re-check, kept in WebAssembly memory.
    pub fn report(&self) -> Report {
        Report::new(self.done.report.clone())
    }

    /// What `alleo-sync transform` prints of it, the Alleo file named `output`.
    pub fn text(&self, output: &str) -> String {
        let files = Files {
            input: self.input.as_deref(),
            output,
            rejects: None,
            changes: None,
        };
        let mut out = Vec::new();
        let _ = write_transform(&mut out, &self.done, &files, self.usable(), &Plain);
        String::from_utf8_lossy(&out).into_owned()
    }
}

/// What settings can name, for a settings form: `{ fields: [{ key, label }],
/// customTypes: ["text", ...] }`, the Alleo fields a `[mapping]` can target and the
/// types a `[custom_fields]` entry can declare.
///
/// # Errors
/// Only if the lists cannot be made into objects (never, in practice).
#[wasm_bindgen]
pub fn schema() -> Result<JsValue, JsError> {
    to_js(&Schema::new())
}

/// Every word the checker page shows in `lang` (`en`, `nl` or `de`), as an object
/// keyed in camelCase: the core's, as the CLI's are.
///
/// # Errors
/// A JavaScript `Error` for a language that does not exist.
#[wasm_bindgen]
pub fn words(lang: Option<String>) -> Result<JsValue, JsError> {
    to_js(&page_words(lang_of(lang.as_deref())?))
}

/// Checks settings without a file: returns nothing for a usable configuration
/// (an object shaped like `alleo.toml`).
///
/// # Errors
/// A JavaScript `Error` with the core's message in `lang` (default English),
/// naming the key, for one that is not usable.
#[wasm_bindgen(js_name = checkConfig)]
pub fn check_config(config: JsValue, lang: Option<String>) -> Result<(), JsError> {
    config_of(config, lang_of(lang.as_deref())?).map(drop)
}

/// The name of a file made beside `name` that is not to be sent (`kind`: `to-fix`,
/// `rejects`, `changes` or `issues`), one Alleo never picks up: `<name>-<kind>.csv`,
/// or `<kind>_<name>.csv` for an `alleo_employees_*.csv`.
///
/// # Errors
/// A JavaScript `Error` for another `kind`.
#[wasm_bindgen(js_name = companionName)]
pub fn companion_name(name: &str, kind: &str) -> Result<String, JsError> {
    let kind = naming::Companion::ALL
        .into_iter()
        .find(|k| k.as_str() == kind)
        .ok_or_else(|| JsError::new(&format!("no such companion file: {kind}")))?;
    Ok(naming::companion_name(name, kind))
}

/// The next pickup (02:45 or 20:00 UTC) after now, as `YYYY-MM-DDTHH:MM:SSZ`.
#[wasm_bindgen(js_name = nextPickup)]
pub fn next_pickup() -> String {
    let at = schedule::next_pickup(Utc::now()).at;
    format!("{}T{}Z", at.date_naive(), at.time())
}
