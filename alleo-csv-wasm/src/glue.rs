//! JavaScript values to the core's types and back.

use alleo_csv_core::{Config, Lang, Options};
use chrono::Utc;
use wasm_bindgen::prelude::*;

/// The core's options from `{ asOf, lang, name, showValues, allowDeactivations }`
/// (`undefined` or `null`: every default).
pub fn options_of(value: JsValue) -> Result<Options, JsError> {
    let json = if value.is_undefined() || value.is_null() {
        "{}".to_owned()
    } else {
        stringify(&value, "options")?
    };
    Options::from_shape(&mut serde_json::Deserializer::from_str(&json), Utc::now()).map_err(error)
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
