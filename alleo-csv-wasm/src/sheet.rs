//! The page's grid: an Alleo file kept in WebAssembly memory, edited cell by cell
//! and checked at once (the core's [`sheet`](alleo_csv_core::sheet)). The page asks
//! for the rows it shows; a million rows never become a million objects.

use alleo_csv_core::sheet::{self, Having};
use alleo_csv_core::{Issue, Lang};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::Report;
use crate::glue::{run_of, to_js};

/// An Alleo file being edited.
#[wasm_bindgen]
#[derive(Debug)]
pub struct Sheet {
    inner: sheet::Sheet,
    lang: Lang,
    show_values: bool,
}

/// One row as the grid shows it.
#[derive(Serialize)]
struct GridRow {
    line: usize,
    row: Option<u64>,
    values: Vec<String>,
    issues: Vec<Shown>,
}

/// One issue of a row: its column (none for the whole row) and message.
#[derive(Serialize)]
struct Shown {
    column: Option<usize>,
    severity: &'static str,
    code: &'static str,
    message: String,
}

impl Sheet {
    fn shown(&self, issue: &Issue) -> Shown {
        Shown {
            column: issue.position(),
            severity: issue.severity.as_str(),
            code: issue.code().as_str(),
            message: issue.message(self.lang, self.show_values),
        }
    }
}

/// A grid's filter: `"errors"`, `"problems"`, or every line.
fn having_of(having: Option<&str>) -> Having {
    match having {
        Some("errors") => Having::Errors,
        Some("problems") => Having::Problems,
        _ => Having::Anything,
    }
}

#[wasm_bindgen]
impl Sheet {
    /// Reads and checks `bytes` (an Alleo file) under `config` with `options`.
    ///
    /// # Errors
    /// A JavaScript `Error` for a configuration or options that cannot be used.
    #[wasm_bindgen(constructor)]
    pub fn new(bytes: Vec<u8>, config: JsValue, options: JsValue) -> Result<Sheet, JsError> {
        let (config, options) = run_of(config, options)?;
        let (lang, show_values) = (options.lang, options.show_values);
        Ok(Sheet {
            inner: sheet::Sheet::new(bytes, &config, options),
            lang,
            show_values,
        })
    }

    /// The header, as written.
    pub fn header(&self) -> Vec<String> {
        self.inner.header().to_vec()
    }

    /// The number of employee rows.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        self.inner.len()
    }

    /// The errors of the file as it is now.
    #[wasm_bindgen(getter)]
    pub fn errors(&self) -> usize {
        self.inner.counts().0
    }

    /// The warnings of the file as it is now.
    #[wasm_bindgen(getter)]
    pub fn warnings(&self) -> usize {
        self.inner.counts().1
    }

    /// The lines (0 for the first employee row) with `"errors"`, with
    /// `"problems"` (errors or warnings), or every line.
    #[wasm_bindgen(js_name = rowsWith)]
    pub fn rows_with(&self, having: Option<String>) -> Vec<u32> {
        self.inner.rows_with(having_of(having.as_deref()))
    }

    /// The rows of `lines`: `[{ line, row, values, issues: [{ column, severity,
    /// code, message }] }]`, `column` counted from 0 and absent for the row.
    ///
    /// # Errors
    /// Only if the objects cannot be made (never, in practice).
    pub fn rows(&self, lines: &[u32]) -> Result<JsValue, JsError> {
        let rows: Vec<GridRow> = lines
            .iter()
            .map(|&line| {
                let line = line as usize;
                GridRow {
                    line,
                    row: self.inner.row_number(line),
                    values: self.inner.values(line),
                    issues: self
                        .inner
                        .issues(line)
                        .iter()
                        .map(|i| self.shown(i))
                        .collect(),
                }
            })
            .collect();
        to_js(&rows)
    }

    /// The issues about the whole file and its header as it is now: `[{ column,
    /// severity, code, message }]` (see [`sheet::Sheet::file_issues`]).
    ///
    /// # Errors
    /// Only if the objects cannot be made (never, in practice).
    #[wasm_bindgen(js_name = fileIssues)]
    pub fn file_issues(&self) -> Result<JsValue, JsError> {
        let issues: Vec<Shown> = self
            .inner
            .file_issues()
            .iter()
            .map(|i| self.shown(i))
            .collect();
        to_js(&issues)
    }

    /// Sets column `column` of line `line` to `value` and checks again what that
    /// changes; returns, of the lines checked again, those with `having` (as
    /// for [`Sheet::rows_with`]), for a filter to take in.
    pub fn edit(
        &mut self,
        line: usize,
        column: usize,
        value: &str,
        having: Option<String>,
    ) -> Vec<u32> {
        let having = having_of(having.as_deref());
        let touched = self.inner.edit(line, column, value);
        touched
            .into_iter()
            .filter(|&n| self.inner.has(n, having))
            .map(|n| n as u32)
            .collect()
    }

    /// The file as it is now, and a whole check of it (see
    /// [`sheet::Sheet::check_whole`]): only that says it may be sent.
    #[wasm_bindgen(js_name = checkWhole)]
    pub fn check_whole(&self) -> Checked {
        let (bytes, report) = self.inner.check_whole();
        Checked { bytes, report }
    }
}

/// A sheet's file about to be saved, and its whole check.
#[wasm_bindgen]
#[derive(Debug)]
pub struct Checked {
    bytes: Vec<u8>,
    report: alleo_csv_core::Report,
}

#[wasm_bindgen]
impl Checked {
    /// The file's bytes, handed over (not copied in WebAssembly memory first).
    #[wasm_bindgen(js_name = takeBytes)]
    pub fn take_bytes(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.bytes)
    }

    /// The report of the whole check, kept in WebAssembly memory; this ends the
    /// `Checked` (a million issues are not copied).
    #[wasm_bindgen(js_name = intoReport)]
    pub fn into_report(self) -> Report {
        Report::new(self.report)
    }
}
