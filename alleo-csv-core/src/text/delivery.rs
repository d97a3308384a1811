//! What a delivery says (`alleo-sync push` and `check-connection`), in English,
//! Dutch or German. The core delivers nothing; the front that does describes what
//! happened in a [`Delivered`] and these words tell it.

use std::io::{self, Write};

use crate::lifecycle::Counts;
use crate::messages::Lang;
use crate::schedule::Pickup;
use crate::text::schedule::when;

/// What a push did, for its last lines.
#[derive(Debug, Clone)]
pub struct Delivered<'a> {
    /// Only checked the file and the connection.
    pub dry_run: bool,
    /// `user@host:port`.
    pub server: &'a str,
    /// The remote folder (`None`: the login folder).
    pub folder: Option<&'a str>,
    /// Where the file is now (or would be).
    pub remote_path: &'a str,
    /// The server's host key, `SHA256:...`, when it has one (SFTP).
    pub host_key: Option<&'a str>,
    /// Bytes sent (or that would be).
    pub bytes: u64,
    /// How long it took.
    pub seconds: f64,
    /// The server could not rename over a file: the old one was removed first.
    pub removed_first: bool,
    /// Other pickup files removed after the new one was in place.
    pub replaced: &'a [String],
    /// Other pickup files that could not be removed, with why.
    pub not_removed: &'a [String],
    /// Pickup files found in the folder (for a dry run).
    pub waiting: &'a [String],
    /// The pickup that reads the file.
    pub pickup: Pickup,
    /// Where the file was kept as the previous state.
    pub kept: Option<&'a str>,
}

/// Writes what a push did.
///
/// ```
/// use alleo_csv_core::{Lang, schedule::next_pickup, text::delivery::{Delivered, write_delivery}};
/// use chrono::{TimeZone, Utc};
/// let pickup = next_pickup(Utc.with_ymd_and_hms(2026, 11, 25, 21, 0, 0).unwrap());
/// let d = Delivered {
///     dry_run: false, server: "acme@sftp.example.com:22", folder: Some("/upload"),
///     remote_path: "/upload/alleo_employees_acme.csv", host_key: None, bytes: 1200,
///     seconds: 0.4, removed_first: false, replaced: &[], not_removed: &[], waiting: &[],
///     pickup, kept: None,
/// };
/// let mut out = Vec::new();
/// write_delivery(&mut out, &d, Lang::Nl)?;
/// let text = String::from_utf8(out)?;
/// assert!(text.contains("/upload/alleo_employees_acme.csv afgeleverd bij acme@sftp.example.com:22: 1.200 bytes in 0,4 s."), "{text}");
/// assert!(text.contains("Alleo haalt het op op do 2026-11-26 02:45 UTC."), "{text}");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// Whatever `out` returns.
pub fn write_delivery(out: &mut dyn Write, d: &Delivered<'_>, lang: Lang) -> io::Result<()> {
    let t = DeliveryWords::of(lang);
    let key = d.host_key.map(|k| (t.host_key)(k)).unwrap_or_default();
    let server = format!("{}{key}", d.server);
    let folder = d.folder.unwrap_or(t.login_folder);
    writeln!(out)?;
    if d.dry_run {
        writeln!(out, "{}", (t.dry_run)(&server, folder))?;
        writeln!(
            out,
            "{}",
            (t.would_send)(&lang.number(d.bytes), d.remote_path)
        )?;
        if !d.waiting.is_empty() {
            writeln!(out, "{}", (t.waiting)(&d.waiting.join(", ")))?;
        }
        return Ok(());
    }
    let seconds = lang.decimal(d.seconds, 1);
    let bytes = lang.number(d.bytes);
    writeln!(
        out,
        "{}",
        (t.delivered)(d.remote_path, &server, &bytes, &seconds)
    )?;
    if d.removed_first {
        writeln!(out, "{}", t.removed_first)?;
    }
    if !d.replaced.is_empty() {
        writeln!(out, "{}", (t.replaced)(&d.replaced.join(", ")))?;
    }
    if !d.not_removed.is_empty() {
        writeln!(out, "{}", (t.not_removed)(&d.not_removed.join("; ")))?;
    }
    writeln!(out, "{}", (t.picked_up)(&when(lang, d.pickup.at)))?;
    if let Some(path) = d.kept {
        writeln!(out, "{}", (t.kept)(path))?;
    }
    Ok(())
}

/// Writes why nothing was sent: the file is not valid, or (`valid`) it has
/// warnings and `--strict` was given.
///
/// # Errors
/// Whatever `out` returns.
pub fn write_refused(out: &mut dyn Write, valid: bool, lang: Lang) -> io::Result<()> {
    let t = DeliveryWords::of(lang);
    writeln!(
        out,
        "\n{}",
        if valid {
            t.refused_strict
        } else {
            t.refused_invalid
        }
    )
}

/// Writes what the plan of a checked file counts.
///
/// # Errors
/// Whatever `out` returns.
pub fn write_counts(out: &mut dyn Write, c: &Counts, lang: Lang) -> io::Result<()> {
    let n = |count: u64| lang.number(count);
    let t = DeliveryWords::of(lang);
    let line = (t.plan)(
        &n(c.onboard),
        &n(c.update),
        &n(c.deactivate),
        &n(c.unchanged),
    );
    writeln!(out, "{line}")
}

/// Writes what `check-connection` found: the server (and its key), the folder,
/// the pickup files waiting there.
///
/// # Errors
/// Whatever `out` returns.
pub fn write_connection(
    out: &mut dyn Write,
    server: &str,
    host_key: Option<&str>,
    folder: Option<&str>,
    waiting: &[String],
    lang: Lang,
) -> io::Result<()> {
    let t = DeliveryWords::of(lang);
    let key = host_key.map(|k| (t.key_trusted)(k)).unwrap_or_default();
    writeln!(out, "{}", (t.connected)(&format!("{server}{key}")))?;
    writeln!(out, "{}", (t.writable)(folder.unwrap_or(t.login_folder)))?;
    if waiting.is_empty() {
        writeln!(out, "{}", t.none_waiting)
    } else {
        writeln!(out, "{}", (t.waiting_pickup)(&waiting.join(", ")))
    }
}

/// The warning before another attempt: what failed, and when the next one is.
pub fn retrying(lang: Lang, failure: &str, pause_secs: u64, attempt: u32, of: u32) -> String {
    (DeliveryWords::of(lang).retrying)(failure, pause_secs, attempt, of)
}

/// The warning about a partial upload left on the server: `still` when it is
/// known to be there, else when it may be.
pub fn partial_left(lang: Lang, paths: &str, failure: &str, still: bool) -> String {
    let t = DeliveryWords::of(lang);
    if still {
        (t.partial_still)(paths, failure)
    } else {
        (t.partial_maybe)(paths, failure)
    }
}

/// The note that a run checks against the file `--previous` gave (`given`), not
/// against the last delivery (`last`): meant for a first run, so said on every run.
pub fn previous_given(lang: Lang, given: &str, last: &str) -> String {
    (DeliveryWords::of(lang).previous_given)(given, last)
}

/// One run of a delivering job's history (`alleo-sync history`).
#[derive(Debug, Clone)]
pub struct HistoryLine<'a> {
    /// When it started (UTC).
    pub at: chrono::DateTime<chrono::Utc>,
    /// `sync` or `push`.
    pub command: &'a str,
    /// How it ended: `delivered`, `refused` or `failed`.
    pub outcome: &'a str,
    /// The file sent (or that would have been), and where.
    pub file: Option<&'a str>,
    /// Employee rows in it.
    pub rows: u64,
    /// The plan, when there was a previous state.
    pub plan: Option<Counts>,
    /// Why it was refused or failed.
    pub reason: Option<&'a str>,
    /// The kept copy of the file sent.
    pub kept: Option<&'a str>,
    /// The file `--previous` gave in place of the last delivery, if one did.
    pub previous_given: Option<&'a str>,
}

/// Writes the history of runs, one paragraph each, newest last; says so when
/// there is none.
///
/// # Errors
/// Whatever `out` returns.
pub fn write_history(out: &mut dyn Write, runs: &[HistoryLine<'_>], lang: Lang) -> io::Result<()> {
    let t = DeliveryWords::of(lang);
    if runs.is_empty() {
        return writeln!(out, "{}", t.no_runs);
    }
    for run in runs {
        let outcome = match run.outcome {
            "delivered" => t.outcomes[0],
            "refused" => t.outcomes[1],
            _ => t.outcomes[2],
        };
        let at = run.at.format("%Y-%m-%d %H:%M:%S UTC");
        let file = run.file.unwrap_or("-");
        let rows = (t.rows)(&lang.number(run.rows));
        writeln!(out, "{at}  {}  {outcome}  {file}  {rows}", run.command)?;
        if let Some(c) = &run.plan {
            write!(out, "  ")?;
            write_counts(out, c, lang)?;
        }
        if let Some(reason) = run.reason {
            writeln!(out, "  {reason}")?;
        }
        if let Some(given) = run.previous_given {
            writeln!(out, "  {}", (t.checked_against)(given))?;
        }
        if let Some(kept) = run.kept {
            writeln!(out, "  {}", (t.kept_copy)(kept))?;
        }
    }
    Ok(())
}

/// The words of a delivery in one language.
struct DeliveryWords {
    host_key: fn(&str) -> String,
    key_trusted: fn(&str) -> String,
    login_folder: &'static str,
    dry_run: fn(&str, &str) -> String,
    would_send: fn(&str, &str) -> String,
    waiting: fn(&str) -> String,
    delivered: fn(&str, &str, &str, &str) -> String,
    removed_first: &'static str,
    replaced: fn(&str) -> String,
    not_removed: fn(&str) -> String,
    picked_up: fn(&str) -> String,
    kept: fn(&str) -> String,
    refused_invalid: &'static str,
    refused_strict: &'static str,
    plan: fn(&str, &str, &str, &str) -> String,
    connected: fn(&str) -> String,
    writable: fn(&str) -> String,
    none_waiting: &'static str,
    waiting_pickup: fn(&str) -> String,
    retrying: fn(&str, u64, u32, u32) -> String,
    partial_still: fn(&str, &str) -> String,
    partial_maybe: fn(&str, &str) -> String,
    previous_given: fn(&str, &str) -> String,
    no_runs: &'static str,
    outcomes: [&'static str; 3],
    rows: fn(&str) -> String,
    kept_copy: fn(&str) -> String,
    checked_against: fn(&str) -> String,
}

impl DeliveryWords {
    fn of(lang: Lang) -> &'static DeliveryWords {
        match lang {
            Lang::En => &EN,
            Lang::Nl => &NL,
            Lang::De => &DE,
        }
    }
}

static EN: DeliveryWords = DeliveryWords {
    host_key: |k| format!(" (host key {k})"),
    key_trusted: |k| format!(", host key {k} trusted"),
    login_folder: "(the login folder)",
    dry_run: |s, f| {
        format!("Dry run: connected to {s}, logged in, and the folder {f} can be written to.")
    },
    would_send: |b, p| format!("A push would send {b} bytes as {p}."),
    waiting: |w| format!("Waiting there now: {w}."),
    delivered: |p, s, b, t| format!("Delivered {p} to {s}: {b} bytes in {t} s."),
    removed_first: "The server cannot rename over a file: the old one was removed just before.",
    replaced: |r| format!("Removed the other files: {r}."),
    not_removed: |r| {
        format!("Could not remove: {r}. Alleo will process them too: remove them now.")
    },
    picked_up: |at| format!("Alleo picks it up at {at}."),
    kept: |p| format!("Kept as the previous state for the next check: {p}."),
    refused_invalid: "Nothing was sent: the file is not valid.",
    refused_strict: "Nothing was sent: it has warnings, and --strict treats them as failures.",
    plan: |o, u, d, n| {
        format!("Plan: {o} to onboard, {u} to update, {d} to deactivate, {n} unchanged.")
    },
    connected: |s| format!("Connected to {s}; logged in."),
    writable: |f| format!("The folder {f} exists and can be written to."),
    none_waiting: "No alleo_employees_*.csv file waits there.",
    waiting_pickup: |w| format!("Waiting for the pickup: {w}."),
    retrying: |e, p, a, of| format!("warning: {e}\n  trying again in {p} s (attempt {a} of {of})"),
    partial_still: |p, e| {
        format!(
            "warning: the partial upload {p} is still on the server ({e}); Alleo ignores it, but remove it when you can"
        )
    },
    partial_maybe: |p, e| {
        format!(
            "warning: the partial upload {p} may still be on the server ({e}); Alleo ignores it, and the next push removes it if it can"
        )
    },
    previous_given: |given, last| {
        format!("note: the previous state is {given} (--previous), not the last delivery {last}")
    },
    no_runs: "No run has been recorded in this state folder yet.",
    outcomes: ["delivered", "refused", "failed"],
    rows: |n| format!("{n} rows"),
    kept_copy: |p| format!("kept as {p}"),
    checked_against: |p| format!("checked against {p} (--previous), not the last delivery"),
};

static NL: DeliveryWords = DeliveryWords {
    host_key: |k| format!(" (hostsleutel {k})"),
    key_trusted: |k| format!(", hostsleutel {k} vertrouwd"),
    login_folder: "(de map na het inloggen)",
    dry_run: |s, f| {
        format!("Proefrun: verbonden met {s}, ingelogd, en in de map {f} kan worden geschreven.")
    },
    would_send: |b, p| format!("Een push zou {b} bytes versturen als {p}."),
    waiting: |w| format!("Daar wacht nu: {w}."),
    delivered: |p, s, b, t| format!("{p} afgeleverd bij {s}: {b} bytes in {t} s."),
    removed_first: "De server kan niet over een bestand heen hernoemen: het oude is vlak daarvoor verwijderd.",
    replaced: |r| format!("De andere bestanden verwijderd: {r}."),
    not_removed: |r| format!("Kon niet verwijderen: {r}. Alleo verwerkt ze ook: verwijder ze nu."),
    picked_up: |at| format!("Alleo haalt het op op {at}."),
    kept: |p| format!("Bewaard als vorige stand voor de volgende controle: {p}."),
    refused_invalid: "Er is niets verstuurd: het bestand is niet geldig.",
    refused_strict: "Er is niets verstuurd: het heeft waarschuwingen, en --strict telt die als fouten.",
    plan: |o, u, d, n| {
        format!("Plan: {o} onboarden, {u} bijwerken, {d} deactiveren, {n} ongewijzigd.")
    },
    connected: |s| format!("Verbonden met {s}; ingelogd."),
    writable: |f| format!("De map {f} bestaat en er kan in worden geschreven."),
    none_waiting: "Daar wacht geen alleo_employees_*.csv-bestand.",
    waiting_pickup: |w| format!("Wacht op het ophalen: {w}."),
    retrying: |e, p, a, of| {
        format!("waarschuwing: {e}\n  nieuwe poging over {p} s (poging {a} van {of})")
    },
    partial_still: |p, e| {
        format!(
            "waarschuwing: de onvolledige upload {p} staat nog op de server ({e}); Alleo negeert hem, maar verwijder hem zodra u kunt"
        )
    },
    partial_maybe: |p, e| {
        format!(
            "waarschuwing: de onvolledige upload {p} staat misschien nog op de server ({e}); Alleo negeert hem, en de volgende push verwijdert hem als dat kan"
        )
    },
    previous_given: |given, last| {
        format!("let op: de vorige stand is {given} (--previous), niet de laatste levering {last}")
    },
    no_runs: "In deze statusmap is nog geen run vastgelegd.",
    outcomes: ["afgeleverd", "geweigerd", "mislukt"],
    rows: |n| format!("{n} rijen"),
    kept_copy: |p| format!("bewaard als {p}"),
    checked_against: |p| format!("vergeleken met {p} (--previous), niet met de laatste levering"),
};

static DE: DeliveryWords = DeliveryWords {
    host_key: |k| format!(" (Host-Schlüssel {k})"),
    key_trusted: |k| format!(", Host-Schlüssel {k} vertraut"),
    login_folder: "(der Ordner nach der Anmeldung)",
    dry_run: |s, f| {
        format!(
            "Probelauf: mit {s} verbunden, angemeldet, und in den Ordner {f} kann geschrieben werden."
        )
    },
    would_send: |b, p| format!("Ein Push würde {b} Bytes als {p} senden."),
    waiting: |w| format!("Dort wartet jetzt: {w}."),
    delivered: |p, s, b, t| format!("{p} an {s} geliefert: {b} Bytes in {t} s."),
    removed_first: "Der Server kann nicht über eine Datei umbenennen: Die alte wurde kurz zuvor entfernt.",
    replaced: |r| format!("Die anderen Dateien entfernt: {r}."),
    not_removed: |r| {
        format!("Konnte nicht entfernen: {r}. Alleo verarbeitet sie auch: Entfernen Sie sie jetzt.")
    },
    picked_up: |at| format!("Alleo holt sie am {at} ab."),
    kept: |p| format!("Als vorheriger Stand für die nächste Prüfung behalten: {p}."),
    refused_invalid: "Es wurde nichts gesendet: Die Datei ist nicht gültig.",
    refused_strict: "Es wurde nichts gesendet: Sie hat Warnungen, und --strict wertet sie als Fehler.",
    plan: |o, u, d, n| {
        format!(
            "Plan: {o} zum Onboarding, {u} zu aktualisieren, {d} zu deaktivieren, {n} unverändert."
        )
    },
    connected: |s| format!("Mit {s} verbunden; angemeldet."),
    writable: |f| format!("Der Ordner {f} existiert, und es kann in ihn geschrieben werden."),
    none_waiting: "Dort wartet keine alleo_employees_*.csv-Datei.",
    waiting_pickup: |w| format!("Wartet auf die Abholung: {w}."),
    retrying: |e, p, a, of| {
        format!("Warnung: {e}\n  neuer Versuch in {p} s (Versuch {a} von {of})")
    },
    partial_still: |p, e| {
        format!(
            "Warnung: Der unvollständige Upload {p} liegt noch auf dem Server ({e}); Alleo ignoriert ihn, aber entfernen Sie ihn, sobald Sie können"
        )
    },
    partial_maybe: |p, e| {
        format!(
            "Warnung: Der unvollständige Upload {p} liegt vielleicht noch auf dem Server ({e}); Alleo ignoriert ihn, und der nächste Push entfernt ihn, wenn er kann"
        )
    },
    previous_given: |given, last| {
        format!(
            "Hinweis: Der vorherige Stand ist {given} (--previous), nicht die letzte Lieferung {last}"
        )
    },
    no_runs: "In diesem Statusordner ist noch kein Lauf verzeichnet.",
    outcomes: ["geliefert", "abgelehnt", "fehlgeschlagen"],
    rows: |n| format!("{n} Zeilen"),
    kept_copy: |p| format!("behalten als {p}"),
    checked_against: |p| {
        format!("verglichen mit {p} (--previous), nicht mit der letzten Lieferung")
    },
};
