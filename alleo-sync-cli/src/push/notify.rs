//! The end of a delivering run: its line in the history, and the `[notify]` post
//! (SPEC section 8). A notification that cannot be sent is said on stderr and in
//! the history, and never changes the exit code.

use std::io::Write;
use std::net::IpAddr;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use serde::{Deserialize, Serialize};

use super::record::{ErrorFacts, Outcome, Run};
use crate::config_file::Loaded;
use crate::error::CliError;

/// The `[notify]` section: where a run's summary is posted.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotifySection {
    /// HTTPS (or HTTP to a loopback address) URL that receives the JSON by POST.
    pub url: String,
    /// `failure` (default) or `always`.
    #[serde(default)]
    pub on: NotifyOn,
    /// Whether cell values may be in the summary (default false).
    #[serde(default)]
    pub values: bool,
    /// Seconds to wait for the receiver (default 10).
    #[serde(default)]
    pub timeout_secs: Option<u64>,
}

/// When to notify.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NotifyOn {
    /// After a run that was refused or failed.
    #[default]
    Failure,
    /// After every run.
    Always,
}

/// Records `run`, which ended with `result`: notifies when `[notify]` asks, then
/// appends it to the history (not for a dry run).
///
/// # Errors
/// The history cannot be written.
pub fn record(
    loaded: &Loaded,
    mut run: Run,
    result: &Result<ExitCode, CliError>,
    dry_run: bool,
) -> Result<(), CliError> {
    if let Err(e) = result {
        if matches!(e, CliError::BrokenPipe) {
            return Ok(());
        }
        run.outcome = Outcome::Failed;
        run.reason = Some(e.to_string());
    }
    run.finished = Utc::now();
    if let Some(notify) = &loaded.notify
        && (notify.on == NotifyOn::Always || run.outcome != Outcome::Delivered)
        && let Err(why) = send(notify, &run, dry_run)
    {
        let said = format!(
            "the notification to {} could not be sent: {why}",
            notify.url
        );
        let _ = writeln!(std::io::stderr(), "warning: {said}");
        run.notify_error = Some(said);
    }
    match &loaded.state {
        Some(state) if !dry_run => state.append(&run),
        _ => Ok(()),
    }
}

/// What a notification says: the run as the history records it (which holds no
/// cell values), and with `[notify] values = true` its first errors, cells and all.
#[derive(Serialize)]
struct Notification<'a> {
    source: &'static str,
    version: &'static str,
    dry_run: bool,
    run: &'a Run,
    #[serde(skip_serializing_if = "Option::is_none")]
    errors: Option<&'a [ErrorFacts]>,
}

/// Posts the run's summary to `[notify] url`.
fn send(notify: &NotifySection, run: &Run, dry_run: bool) -> Result<(), String> {
    allowed(&notify.url)?;
    let body = serde_json::to_string(&Notification {
        source: "alleo-sync",
        version: env!("CARGO_PKG_VERSION"),
        dry_run,
        run,
        errors: notify.values.then_some(run.first_errors.as_slice()),
    })
    .map_err(|e| e.to_string())?;
    let mut roots = Vec::new();
    for cert in rustls_native_certs::load_native_certs().certs {
        roots.push(ureq::tls::Certificate::from_der(&cert).to_owned());
    }
    let tls = ureq::tls::TlsConfig::builder()
        .provider(ureq::tls::TlsProvider::Rustls)
        .unversioned_rustls_crypto_provider(Arc::new(rustls::crypto::aws_lc_rs::default_provider()))
        .root_certs(ureq::tls::RootCerts::from(roots))
        .build();
    let agent = ureq::Agent::config_builder()
        .tls_config(tls)
        .timeout_global(Some(Duration::from_secs(notify.timeout_secs.unwrap_or(10))))
        .build()
        .new_agent();
    agent
        .post(&notify.url)
        .header("Content-Type", "application/json")
        .send(body)
        .map(drop)
        .map_err(|e| e.to_string())
}

/// HTTPS, or HTTP to this machine only: a summary of who joins and leaves is not
/// sent in the clear.
fn allowed(url: &str) -> Result<(), String> {
    if url.starts_with("https://") {
        return Ok(());
    }
    let Some(rest) = url.strip_prefix("http://") else {
        return Err("[notify] url must start with https://".to_owned());
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = match authority.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or_default(),
        None => authority.rsplit_once(':').map_or(authority, |(h, _)| h),
    };
    let loopback = host == "localhost" || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback());
    if loopback {
        Ok(())
    } else {
        Err(format!(
            "[notify] url must be https:// (plain http:// only to this machine, not to {host})"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_https_or_loopback_http_is_allowed() {
        for ok in [
            "https://hooks.example.com/x",
            "http://127.0.0.1:8080/hook",
            "http://localhost/hook",
            "http://[::1]:9000/",
        ] {
            assert!(allowed(ok).is_ok(), "{ok}");
        }
        for no in [
            "http://hooks.example.com/x",
            "http://10.0.0.1/",
            "ftp://example.com",
            "hooks.example.com",
        ] {
            assert!(allowed(no).is_err(), "{no}");
        }
    }
}
