//! `alleo-sync schedule --cron | --systemd`: what runs `sync` before each pickup
//! (SPEC section 8), from the pickup times the core knows.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use alleo_csv_core::schedule::PickupSlot;
use chrono::{NaiveTime, TimeDelta};

use super::args::UnitsArgs;
use crate::error::CliError;

/// How long before a pickup the job runs: time for retries, and for a person to
/// act on a refusal before the next pickup.
pub const BEFORE: TimeDelta = TimeDelta::minutes(30);

/// The times (UTC) the job runs: 30 minutes before each pickup.
pub fn run_times() -> Vec<NaiveTime> {
    PickupSlot::ALL
        .iter()
        .map(|slot| slot.time() - BEFORE)
        .collect()
}

/// Prints the crontab lines or the systemd units.
pub fn run(args: &UnitsArgs) -> Result<ExitCode, CliError> {
    let binary = match &args.binary {
        Some(path) => path.clone(),
        None => std::env::current_exe().map_err(|e| CliError::Internal(e.to_string()))?,
    };
    let config = match &args.config {
        Some(path) => std::path::absolute(path).unwrap_or_else(|_| path.clone()),
        None if Path::new("alleo.toml").is_file() => {
            std::path::absolute("alleo.toml").unwrap_or_else(|_| PathBuf::from("alleo.toml"))
        }
        None => PathBuf::from("/etc/alleo-sync/alleo.toml"),
    };
    let command = format!(
        "{} sync --config {} --format json",
        quoted(&binary),
        quoted(&config)
    );
    let mut out = io::stdout().lock();
    if args.cron {
        write_cron(&mut out, &command)
    } else {
        write_systemd(&mut out, &command, &config)
    }
    .map_err(CliError::output)?;
    Ok(ExitCode::SUCCESS)
}

/// A path as a shell word (single-quoted when it needs to be).
fn quoted(path: &Path) -> String {
    let text = path.display().to_string();
    if text
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "/._-+:@".contains(c))
    {
        text
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

fn write_cron(out: &mut dyn Write, command: &str) -> io::Result<()> {
    writeln!(
        out,
        "# alleo-sync: deliver the employee file to Alleo 30 minutes before each pickup\n\
         # (02:45 and 20:00 UTC). Add these lines with `crontab -e` as the user who owns\n\
         # the state folder. Each run is recorded in the state folder's history.jsonl\n\
         # (`alleo-sync history`); cron mails what a run prints.\n\
         CRON_TZ=UTC"
    )?;
    for at in run_times() {
        writeln!(
            out,
            "{} {} * * * {command}",
            at.format("%-M"),
            at.format("%-H")
        )?;
    }
    Ok(())
}

fn write_systemd(out: &mut dyn Write, command: &str, config: &Path) -> io::Result<()> {
    let folder = config.parent().unwrap_or(Path::new("/etc/alleo-sync"));
    let calendar: Vec<String> = run_times()
        .iter()
        .map(|at| format!("OnCalendar=*-*-* {} UTC", at.format("%H:%M:%S")))
        .collect();
    write!(
        out,
        "\
# /etc/systemd/system/alleo-sync.service
# In {config}, keep the state where systemd gives the service its own folder,
# and read the password from the credential systemd hands over:
#   [state]
#   dir = \"/var/lib/alleo-sync\"
#   [sftp]
#   password_file = \"/run/credentials/alleo-sync.service/sftp-password\"
# Put the password (one line) in {folder}/sftp-password, readable by root only.
[Unit]
Description=Deliver the employee file to Alleo (alleo-sync sync)
Wants=network-online.target
After=network-online.target

[Service]
Type=oneshot
ExecStart={command}
DynamicUser=yes
StateDirectory=alleo-sync
StateDirectoryMode=0700
LoadCredential=sftp-password:{folder}/sftp-password
UMask=0077
NoNewPrivileges=yes
CapabilityBoundingSet=
ProtectSystem=strict
ProtectHome=read-only
PrivateTmp=yes
PrivateDevices=yes
ProtectKernelTunables=yes
ProtectKernelModules=yes
ProtectKernelLogs=yes
ProtectControlGroups=yes
ProtectClock=yes
ProtectHostname=yes
RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX
RestrictNamespaces=yes
RestrictRealtime=yes
RestrictSUIDSGID=yes
LockPersonality=yes
MemoryDenyWriteExecute=yes
SystemCallArchitectures=native
SystemCallFilter=@system-service

# /etc/systemd/system/alleo-sync.timer
# Then: systemctl daemon-reload && systemctl enable --now alleo-sync.timer
[Unit]
Description=Run alleo-sync 30 minutes before each Alleo pickup (02:45 and 20:00 UTC)

[Timer]
{calendar}
AccuracySec=1min
Persistent=true

[Install]
WantedBy=timers.target
",
        config = config.display(),
        folder = folder.display(),
        calendar = calendar.join("\n"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_job_runs_half_an_hour_before_each_pickup() {
        let times: Vec<String> = run_times()
            .iter()
            .map(|t| t.format("%H:%M").to_string())
            .collect();
        assert_eq!(times, ["02:15", "19:30"]);
    }

    #[test]
    fn paths_are_shell_words() {
        assert_eq!(
            quoted(Path::new("/usr/local/bin/alleo-sync")),
            "/usr/local/bin/alleo-sync"
        );
        assert_eq!(
            quoted(Path::new("/opt/my tools/it's")),
            r"'/opt/my tools/it'\''s'"
        );
    }
}
