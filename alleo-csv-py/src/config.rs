//! A configuration from a dict shaped like `alleo.toml` (SPEC section 6), or from
//! the path of an `alleo.toml`.

use alleo_csv_core::{Config, ConfigFile};
use pyo3::prelude::*;

use crate::errors::{ConfigError, InputError};

/// `None`: the defaults; a dict: read like `alleo.toml`; a path: the file.
pub fn load(py: Python<'_>, config: Option<&Bound<'_, PyAny>>) -> PyResult<Config> {
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
        let mut deserializer = serde_json::Deserializer::from_str(&json);
        let file: ConfigFile =
            serde_path_to_error::deserialize(&mut deserializer).map_err(|e| {
                let path = e.path().to_string();
                let inner = e.into_inner();
                // serde_json adds where in its own text the error is; the key is what helps.
                let message = inner.to_string();
                let message = message.split(" at line ").next().unwrap_or(&message);
                ConfigError::new_err(format!("{path}: {message}"))
            })?;
        return Ok(file.into());
    }
    let path: std::path::PathBuf = config.extract().map_err(|_| {
        ConfigError::new_err(
            "config must be a dict shaped like alleo.toml, or the path of an alleo.toml",
        )
    })?;
    let text = std::fs::read_to_string(&path)
        .map_err(|e| InputError::new_err(format!("cannot read {}: {e}", path.display())))?;
    let file: ConfigFile = toml::from_str(&text)
        .map_err(|e| ConfigError::new_err(format!("{} is not valid:\n{e}", path.display())))?;
    Ok(file.into())
}
