//! A finished check, kept in WebAssembly memory: the page asks for what it shows
//! (the counts, the digest, a page of issues) and for the CSV when it is
//! downloaded, instead of receiving a million issues as objects.

use alleo_csv_core::{Code, Severity};
use wasm_bindgen::prelude::*;

use crate::to_js;

/// A page of issues: how many matched, and the first of them.
#[derive(serde::Serialize)]
struct Page<T> {
    total: usize,
    issues: Vec<T>,
}

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
        #[derive(serde::Serialize)]
        struct Summary {
            valid: bool,
            as_of: String,
            rows: u64,
            errors: usize,
            warnings: usize,
            codes: Vec<&'static str>,
        }
        let r = &self.inner;
        let found: std::collections::BTreeSet<Code> = r.issues.iter().map(|i| i.code()).collect();
        to_js(&Summary {
            valid: r.valid(),
            as_of: r.as_of.to_string(),
            rows: r.rows,
            errors: r.errors(),
            warnings: r.warnings(),
            codes: found.into_iter().map(Code::as_str).collect(),
        })
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
            Some("error") => Some(Severity::Error),
            Some("warning") => Some(Severity::Warning),
            Some(other) => return Err(JsError::new(&format!("`{other}` is not a severity"))),
        };
        let code = match code.as_deref() {
            None | Some("") => None,
            Some(c) => Some(
                c.parse::<Code>()
                    .map_err(|()| JsError::new(&format!("`{c}` is not an issue code")))?,
            ),
        };
        let r = &self.inner;
        let digest = r.digest(all);
        let folded: Vec<Code> = digest.groups().iter().map(|g| g.code).collect();
        let mut total = 0;
        let mut shown = Vec::new();
        for issue in r.issues.iter().filter(|i| {
            severity.is_none_or(|s| i.severity == s)
                && code.map_or(
                    !folded.contains(&i.code()) || i.severity == Severity::Error,
                    |c| i.code() == c,
                )
        }) {
            total += 1;
            if shown.len() < max {
                shown.push(r.issue_json(issue));
            }
        }
        to_js(&Page {
            total,
            issues: shown,
        })
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
        self.inner
            .write_csv(&mut out)
            .map_err(|e| JsError::new(&e.to_string()))?;
        Ok(out)
    }
}
