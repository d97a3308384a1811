//! The password: from the environment variable or file `[sftp]` names, or asked for
//! on the terminal. Never from the command line, never printed.

use std::fmt;
use std::io::IsTerminal;
use std::path::Path;

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
pub fn read(settings: &Settings) -> Result<Password, DeliveryError> {
    let server = settings.server();
    let missing = |how: String| DeliveryError::Password {
        server: server.clone(),
        how,
    };
    match &settings.password {
        PasswordSource::Env(var) => match std::env::var(var) {
            Ok(value) if !value.is_empty() => Ok(Password(value)),
            _ => Err(missing(format!(
                "the environment variable {var} (password_env) is not set; set it in the environment of this command"
            ))),
        },
        PasswordSource::File(path) => from_file(path).map_err(missing),
        PasswordSource::Prompt => {
            if !std::io::stdin().is_terminal() {
                return Err(missing(
                    "there is no terminal to ask on; set password_env or password_file in [sftp]"
                        .into(),
                ));
            }
            rpassword::prompt_password(format!("Password for {server}: "))
                .map(Password)
                .map_err(|e| missing(format!("it could not be read from the terminal: {e}")))
        }
    }
}

/// The first line of `path`, which only its owner may read.
fn from_file(path: &Path) -> Result<Password, String> {
    let shown = path.display();
    let meta = std::fs::metadata(path)
        .map_err(|e| format!("the password file {shown} cannot be read: {e}"))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = meta.permissions().mode();
        if mode & 0o077 != 0 {
            return Err(format!(
                "the password file {shown} can be read by others (mode {:o}); make it private: chmod 600 {shown}",
                mode & 0o777
            ));
        }
    }
    #[cfg(not(unix))]
    let _ = meta;
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("the password file {shown} cannot be read: {e}"))?;
    let line = text.lines().next().unwrap_or_default();
    if line.is_empty() {
        return Err(format!("the password file {shown} is empty"));
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
        assert!(e.contains("chmod 600"), "{e}");
        assert!(!e.contains("s3cret"));
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        assert_eq!(from_file(&path).unwrap().expose(), "s3cret");
        assert_eq!(
            format!("{:?}", from_file(&path).unwrap()),
            "Password(<hidden>)"
        );
        std::fs::write(&path, "\n").unwrap();
        assert!(from_file(&path).unwrap_err().contains("empty"));
    }
}
