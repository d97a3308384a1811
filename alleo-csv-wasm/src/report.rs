//! A finished check, kept in WebAssembly memory: the page asks for what it shows
//! (the counts, the digest, a page of issues) and for the CSV when it is
//! downloaded, instead of receiving a million issues as objects.

use alleo_csv_core::{Code, Lang, Severity};
use wasm_bindgen::prelude::*;

use crate::glue::{error, to_js};

/// A finished check (see [`Checker::finish_report`](crate::Checker::finish_report)).
#[wasm_bindgen]
#[derive(Debug)]
pub struct Report {
    inner: alleo_csv_core::Report,
}

impl Report {
    pub(crate) fn new(inner: alleo_csv_core::Report) -> Report {
        Report { inner }
    }
}

#[wasm_bindgen]
impl Report {
    /// `{ valid, as_of, rows, errors, warnings, codes }`: the counts, and every
    /// code found (in SPEC section 5b's order), for a page's filter.
    ///
    /// # Errors
    /// Only if the object cannot be made (never, in practice).
    pub fn summary(&self) -> Result<JsValue, JsError> {
        to_js(&self.inner.summary())
    }

    /// The report arranged for a person, as the text report shows it: `{
    /// error_rows, file_errors, needs_previous_state, folded, groups: [{ code, about, issues,
    /// rows, first: [{ row, value }] }] }`; with `all`, no warning is folded.
    ///
    /// # Errors
    /// Only if the object cannot be made (never, in practice).
    pub fn digest(&self, all: bool) -> Result<JsValue, JsError> {
        to_js(&self.inner.digest(all))
    }

    /// Up to `max` issues, as the JSON report has them, in report order: those of
    /// `severity` (`"error"`, `"warning"`, or every one) and `code` (or every
    /// one). Without a code and without `all`, the warnings the digest folds are
    /// left out (they are shown once). Returns `{ total, issues }`, `total`
    /// counting every issue that matched.
    ///
    /// # Errors
    /// A JavaScript `Error` for a severity or code that does not exist.
    pub fn issues(
        &self,
        severity: Option<String>,
        code: Option<String>,
        all: bool,
        max: usize,
    ) -> Result<JsValue, JsError> {
        let severity = match severity.as_deref() {
            None | Some("") => None,
            Some(s) => Some(s.parse::<Severity>().map_err(|e| JsError::new(&e))?),
        };
        let code = match code.as_deref() {
            None | Some("") => None,
            Some(c) => Some(
                c.parse::<Code>()
                    .map_err(|()| JsError::new(&format!("`{c}` is not an issue code")))?,
            ),
        };
        to_js(&self.inner.digest(all).select(severity, code, max))
    }

    /// The report as `alleo-sync validate --format json` writes it.
    ///
    /// # Errors
    /// Only if the report cannot be written (never, in practice).
    pub fn json(&self) -> Result<String, JsError> {
        let mut out = Vec::new();
        self.inner
            .write_json(&mut out)
            .map_err(|e| JsError::new(&e.to_string()))?;
        String::from_utf8(out).map_err(|e| JsError::new(&e.to_string()))
    }

    /// The issues as `alleo-sync validate --format csv` writes them (for Excel:
    /// UTF-8 with a byte order mark).
    ///
    /// # Errors
    /// Only if the CSV cannot be written (never, in practice).
    pub fn csv(&self) -> Result<Vec<u8>, JsError> {
        let mut out = Vec::new();
        self.inner.write_csv(&mut out).map_err(error(Lang::En))?;
        Ok(out)
    }
}
