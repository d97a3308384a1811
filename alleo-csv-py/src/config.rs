//! A configuration from a dict shaped like `alleo.toml` (SPEC section 6), or from
//! the path of an `alleo.toml`.

use alleo_csv_core::text::errors::ErrorWords;
use alleo_csv_core::{Config, ConfigFile, Lang};
use pyo3::prelude::*;

use crate::errors::{ConfigError, InputError, core_error};

/// `None`: the defaults; a dict: read like `alleo.toml`; a path: the file.
pub fn load(config: Option<&Bound<'_, PyAny>>, lang: Lang) -> PyResult<Config> {
    match config {
        Some(path) if !path.is_instance_of::<pyo3::types::PyDict>() => {
            let (path, text) = read(path, lang)?;
            Ok(parse::<ConfigFile>(&path, &text, lang)?.into())
        }
        Some(dict) => from_json(&dumps(dict)?, lang),
        None => Ok(Config::default()),
    }
}

/// The configuration as [`load`] reads it, and the whole of it as a dict (every
/// section, the CLI's too): a copy of the dict given, or the `alleo.toml` at the
/// path, read once; `None`: the defaults and an empty dict.
pub fn load_whole(
    py: Python<'_>,
    config: Option<&Bound<'_, PyAny>>,
    lang: Lang,
) -> PyResult<(Config, Py<PyAny>)> {
    let json = py.import("json")?;
    match config {
        Some(path) if !path.is_instance_of::<pyo3::types::PyDict>() => {
            let (path, text) = read(path, lang)?;
            let file: ConfigFile = parse(&path, &text, lang)?;
            let table: toml::Table = parse(&path, &text, lang)?;
            let text =
                serde_json::to_string(&table).map_err(|e| ConfigError::new_err(e.to_string()))?;
            Ok((file.into(), json.call_method1("loads", (text,))?.unbind()))
        }
        Some(dict) => {
            // One JSON text makes both the configuration and the copy.
            let text = dumps(dict)?;
            let config = from_json(&text, lang)?;
            Ok((config, json.call_method1("loads", (text,))?.unbind()))
        }
        None => Ok((
            Config::default(),
            pyo3::types::PyDict::new(py).into_any().unbind(),
        )),
    }
}

/// A dict shaped like `alleo.toml` as JSON text.
fn dumps(dict: &Bound<'_, PyAny>) -> PyResult<String> {
    let json = dict
        .py()
        .import("json")?
        .call_method1("dumps", (dict,))
        .map_err(|e| {
            ConfigError::new_err(format!(
                "the configuration must hold only text, numbers, booleans, lists and dicts: {e}"
            ))
        })?;
    json.extract()
}

/// A configuration from the JSON text of a dict shaped like `alleo.toml`.
fn from_json(json: &str, lang: Lang) -> PyResult<Config> {
    Config::from_shape(&mut serde_json::Deserializer::from_str(json)).map_err(core_error(lang))
}

/// The path `config` names and the text of the file there.
fn read(config: &Bound<'_, PyAny>, lang: Lang) -> PyResult<(String, String)> {
    let path: std::path::PathBuf = config.extract().map_err(|_| {
        ConfigError::new_err(
            "config must be a dict shaped like alleo.toml, or the path of an alleo.toml",
        )
    })?;
    let (t, shown) = (ErrorWords::of(lang), path.display().to_string());
    let text = std::fs::read_to_string(&path)
        .map_err(|e| InputError::new_err((t.cannot_read_config)(&shown, &t.io_reason(&e))))?;
    Ok((shown, text))
}

/// `text`, the `alleo.toml` at `shown`, read as TOML into `T`.
fn parse<T: serde::de::DeserializeOwned>(shown: &str, text: &str, lang: Lang) -> PyResult<T> {
    let t = ErrorWords::of(lang);
    toml::from_str(text)
        .map_err(|e| ConfigError::new_err((t.config_invalid)(shown, &e.to_string())))
}
