//! A configuration from a dict shaped like `alleo.toml` (SPEC section 6), or from
//! the path of an `alleo.toml`.

use alleo_csv_core::text::errors::ErrorWords;
use alleo_csv_core::{Config, ConfigFile, Lang};
use pyo3::prelude::*;

use crate::errors::{ConfigError, InputError, core_error};

/// `None`: the defaults; a dict: read like `alleo.toml`; a path: the file.
pub fn load(py: Python<'_>, config: Option<&Bound<'_, PyAny>>, lang: Lang) -> PyResult<Config> {
    let Some(config) = config else {
        return Ok(Config::default());
    };
    if config.is_instance_of::<pyo3::types::PyDict>() {
        let json = py
            .import("json")?
            .call_method1("dumps", (config,))
            .map_err(|e| {
                ConfigError::new_err(format!(
                    "the configuration must hold only text, numbers, booleans, lists and dicts: {e}"
                ))
            })?;
        let json: String = json.extract()?;
        return Config::from_shape(&mut serde_json::Deserializer::from_str(&json))
            .map_err(core_error(lang));
    }
    let path: std::path::PathBuf = config.extract().map_err(|_| {
        ConfigError::new_err(
            "config must be a dict shaped like alleo.toml, or the path of an alleo.toml",
        )
    })?;
    let (t, shown) = (ErrorWords::of(lang), path.display().to_string());
    let text = std::fs::read_to_string(&path)
        .map_err(|e| InputError::new_err((t.cannot_read_config)(&shown, &t.io_reason(&e))))?;
    let file: ConfigFile = toml::from_str(&text)
        .map_err(|e| ConfigError::new_err((t.config_invalid)(&shown, &e.to_string())))?;
    Ok(file.into())
}

/// The whole of `config` as a dict (every section, the CLI's too): a copy of the
/// dict given, or the `alleo.toml` at the path read; `None`: empty.
pub fn whole(py: Python<'_>, config: Option<&Bound<'_, PyAny>>) -> PyResult<Py<PyAny>> {
    let json = py.import("json")?;
    let Some(config) = config else {
        return Ok(pyo3::types::PyDict::new(py).into_any().unbind());
    };
    if config.is_instance_of::<pyo3::types::PyDict>() {
        return Ok(json
            .call_method1("loads", (json.call_method1("dumps", (config,))?,))?
            .unbind());
    }
    let path: std::path::PathBuf = config.extract()?;
    let text = std::fs::read_to_string(&path).map_err(|e| InputError::new_err(e.to_string()))?;
    let table: toml::Table =
        toml::from_str(&text).map_err(|e| ConfigError::new_err(e.to_string()))?;
    let text = serde_json::to_string(&table).map_err(|e| ConfigError::new_err(e.to_string()))?;
    Ok(json.call_method1("loads", (text,))?.unbind())
}
