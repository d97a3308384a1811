//! JavaScript values to the core's types and back.

use alleo_csv_core::{Config, Lang, Options};
use chrono::{NaiveDate, Utc};
use wasm_bindgen::prelude::*;

/// The options of a run as JavaScript gives them; every key may be left out.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "camelCase")]
struct JsOptions {
    /// `YYYY-MM-DD`; default: the date of the next pickup.
    as_of: Option<String>,
    /// `en`, `nl` or `de`; default `en`.
    lang: Option<String>,
    /// The file's name, checked against `alleo_employees_<ID>.csv` as the CLI does.
    name: Option<String>,
    /// Default true; false leaves cell values out of the report.
    show_values: Option<bool>,
    /// The run's `--allow-deactivations`.
    allow_deactivations: Option<u64>,
}

/// The core's options from `{ asOf, lang, name, showValues, allowDeactivations }`
/// (`undefined` or `null`: every default).
pub fn options_of(value: JsValue) -> Result<Options, JsError> {
    let js: JsOptions = if value.is_undefined() || value.is_null() {
        JsOptions::default()
    } else {
        serde_json::from_str(&stringify(&value, "options")?)
            .map_err(|e| JsError::new(&format!("the options are not usable: {e}")))?
    };
    let as_of = match js.as_of.as_deref() {
        Some(text) => Some(text.parse::<NaiveDate>().map_err(|_| {
            JsError::new(&format!(
                "asOf `{text}` is not a date in the form YYYY-MM-DD"
            ))
        })?),
        None => None,
    };
    let mut options = Options::for_next_pickup(as_of, Utc::now());
    options.lang = lang_of(js.lang.as_deref())?;
    options.file_name = js.name;
    options.show_values = js.show_values.unwrap_or(true);
    options.allow_deactivations = js.allow_deactivations;
    Ok(options)
}

/// A language (`None`: English).
pub fn lang_of(lang: Option<&str>) -> Result<Lang, JsError> {
    lang.map_or(Ok(Lang::En), |l| {
        l.parse::<Lang>().map_err(|e| JsError::new(&e))
    })
}

/// A configuration from a JavaScript object (`undefined` or `null`: the defaults).
pub fn config_of(value: JsValue) -> Result<Config, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(Config::default());
    }
    let json = stringify(&value, "configuration")?;
    Config::from_shape(&mut serde_json::Deserializer::from_str(&json)).map_err(error)
}

/// A plain object as JSON text.
fn stringify(value: &JsValue, what: &str) -> Result<String, JsError> {
    js_sys::JSON::stringify(value)
        .map(String::from)
        .map_err(|_| JsError::new(&format!("the {what} must be a plain object")))
}

/// The core's error as a JavaScript `Error`.
pub fn error(e: alleo_csv_core::Error) -> JsError {
    JsError::new(&e.to_string())
}

/// A result as a plain object, through the JSON every front gives.
pub fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsError> {
    let json = serde_json::to_string(value).map_err(|e| JsError::new(&e.to_string()))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("the result could not be read as JSON"))
}
