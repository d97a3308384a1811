//! JavaScript values to the core's types and back.

use alleo_csv_core::mapping::Choices;
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
    Options::from_shape(&mut serde_json::Deserializer::from_str(&json), Utc::now())
        .map_err(error(Lang::En))
}

/// A run's configuration and options, from what JavaScript hands over (the
/// options first: a configuration that cannot be used is said in their
/// language).
pub fn run_of(config: JsValue, options: JsValue) -> Result<(Config, Options), JsError> {
    let options = options_of(options)?;
    Ok((config_of(config, options.lang)?, options))
}

/// A language (`None`: English).
pub fn lang_of(lang: Option<&str>) -> Result<Lang, JsError> {
    lang.map_or(Ok(Lang::En), |l| {
        l.parse::<Lang>().map_err(|e| JsError::new(&e))
    })
}

/// A configuration from a JavaScript object (`undefined` or `null`: the
/// defaults); one that cannot be used is an error in `lang`.
pub fn config_of(value: JsValue, lang: Lang) -> Result<Config, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(Config::default());
    }
    let json = stringify(&value, "configuration")?;
    Config::from_shape(&mut serde_json::Deserializer::from_str(&json)).map_err(error(lang))
}

/// A mapping step's choices from `{ targets, delimiter, encoding, date_format }`
/// (read key by key: serde's reader of them costs the page kilobytes). A value
/// is text, or `null`/`undefined` for none; anything else is refused.
pub fn choices_of(value: &JsValue) -> Result<Choices, JsError> {
    let get = |key: &str| js_sys::Reflect::get(value, &JsValue::from_str(key)).unwrap_or_default();
    let refused = |what: &str| JsError::new(&format!("choices.{what}: text or null"));
    let text =
        |v: JsValue| (v.is_null() || v.is_undefined() || v.is_string()).then(|| v.as_string());
    let targets = get("targets");
    if !js_sys::Array::is_array(&targets) {
        return Err(JsError::new("choices.targets: a list, one per column"));
    }
    let targets = (js_sys::Array::from(&targets).iter())
        .map(text)
        .collect::<Option<Vec<_>>>()
        .ok_or_else(|| refused("targets"))?;
    let setting = |key: &str| text(get(key)).ok_or_else(|| refused(key));
    Ok(Choices {
        targets,
        delimiter: setting("delimiter")?,
        encoding: setting("encoding")?,
        date_format: setting("date_format")?,
    })
}

/// `base` (an object shaped like `alleo.toml`) with the sections a [`Config`]
/// holds replaced by `config`'s: the others (`sftp`, ...) kept as they are.
pub fn with_sections(base: &JsValue, config: &Config) -> Result<JsValue, JsError> {
    let whole = js_sys::Object::new();
    if base.is_object() {
        js_sys::Object::assign(&whole, base.unchecked_ref());
    }
    let made = to_js(config)?;
    for section in Config::SECTIONS {
        let key = JsValue::from_str(section);
        let value = js_sys::Reflect::get(&made, &key).unwrap_or(JsValue::UNDEFINED);
        let _ = js_sys::Reflect::delete_property(&whole, &key);
        if !value.is_undefined() {
            let _ = js_sys::Reflect::set(&whole, &key, &value);
        }
    }
    Ok(whole.into())
}

/// A plain object as JSON text.
fn stringify(value: &JsValue, what: &str) -> Result<String, JsError> {
    js_sys::JSON::stringify(value)
        .map(String::from)
        .map_err(|_| JsError::new(&format!("the {what} must be a plain object")))
}

/// The core's error as a JavaScript `Error`, said in `lang` as the CLI says it.
pub fn error(lang: Lang) -> impl Fn(alleo_csv_core::Error) -> JsError {
    move |e| JsError::new(&alleo_csv_core::text::errors::core_error(&e, lang))
}

/// A result as a plain object, through the JSON every front gives.
pub fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsError> {
    let json = serde_json::to_string(value).map_err(|e| JsError::new(&e.to_string()))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("the result could not be read as JSON"))
}
