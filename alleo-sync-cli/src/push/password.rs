//! The password: from the environment variable or file `[sftp]` names, or asked for
//! on the terminal. Never from the command line, never printed.

use std::fmt;
use std::io::IsTerminal;
use std::path::Path;

use alleo_csv_core::Lang;
use alleo_csv_core::text::refusal::{NoPassword, password_prompt};

use super::settings::{PasswordSource, Settings};
use crate::push::error::DeliveryError;

/// A password, kept out of `Debug` output and logs.
pub struct Password(String);

impl Password {
    /// The password itself, for the login only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(<hidden>)")
    }
}

/// Reads the password from where the settings say.
///
/// # Errors
/// An unset variable, an unreadable or unsafe file, or no terminal to ask on.
pub fn read(settings: &Settings, lang: Lang) -> Result<Password, DeliveryError> {
    let server = settings.server();
    let missing = |why: NoPassword| DeliveryError::Password {
        server: server.clone(),
        why,
    };
    match &settings.password {
        PasswordSource::Env(var) => match std::env::var(var) {
            Ok(value) if !value.is_empty() => Ok(Password(value)),
            _ => Err(missing(NoPassword::Unset(var.clone()))),
        },
        PasswordSource::File(path) => from_file(path).map_err(missing),
        PasswordSource::Prompt => {
            if !std::io::stdin().is_terminal() {
                return Err(missing(NoPassword::NoTerminal));
            }
            rpassword::prompt_password(password_prompt(lang, &server))
                .map(Password)
                .map_err(|e| missing(NoPassword::Terminal(e.to_string())))
        }
    }
}

/// The first line of `path`, which only its owner may read.
fn from_file(path: &Path) -> Result<Password, NoPassword> {
    let shown = || path.display().to_string();
    let unreadable = |e: std::io::Error| NoPassword::Unreadable(shown(), e.to_string());
    let meta = std::fs::metadata(path).map_err(unreadable)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = meta.permissions().mode();
        if mode & 0o077 != 0 {
            return Err(NoPassword::Open(shown(), mode & 0o777));
        }
    }
    #[cfg(not(unix))]
    let _ = meta;
    let text = std::fs::read_to_string(path).map_err(unreadable)?;
    let line = text.lines().next().unwrap_or_default();
    if line.is_empty() {
        return Err(NoPassword::Empty(shown()));
    }
    Ok(Password(line.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_file_must_be_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pass");
        std::fs::write(&path, "s3cret\n").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let e = from_file(&path).unwrap_err();
        assert_eq!(e, NoPassword::Open(path.display().to_string(), 0o644));
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        assert_eq!(from_file(&path).unwrap().expose(), "s3cret");
        assert_eq!(
            format!("{:?}", from_file(&path).unwrap()),
            "Password(<hidden>)"
        );
        std::fs::write(&path, "\n").unwrap();
        assert_eq!(
            from_file(&path).unwrap_err(),
            NoPassword::Empty(path.display().to_string())
        );
    }
}
