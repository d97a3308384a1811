//! What a transform says it did: what it read, the rows, the repairs, the issues,
//! and what was written (or why nothing was), in English, Dutch or German.

use std::io::{self, Write};

use super::{AsOf, Context, Paint, Tone, toned, write_issues};
use crate::code::Code;
use crate::messages::Lang;
use crate::naming::is_upload_file_name;
use crate::transform::Transformed;

/// The files around a transform, as the person named them.
#[derive(Debug, Clone, Copy)]
pub struct Files<'a> {
    /// The export (`None`: standard input).
    pub input: Option<&'a str>,
    /// The Alleo file.
    pub output: &'a str,
    /// The rejects file, when asked for.
    pub rejects: Option<&'a str>,
    /// The change log, when asked for.
    pub changes: Option<&'a str>,
}

/// Writes the summary of a transform: read, rows, changes, the issues and the
/// verdict. `written` says whether the files were put in place.
///
/// ```
/// use alleo_csv_core::text::{Plain, transform::{Files, write_transform}};
/// use alleo_csv_core::{job, Config, Options};
/// use alleo_csv_core::transform::Outputs;
/// let export = "E-mail;Voornaam;Achternaam\nj@example.nl;Jan;Jansen\n";
/// let config: Config = toml::from_str("[mapping]\nE-mail = \"email\"\nVoornaam = \"first_name\"\nAchternaam = \"last_name\"")?;
/// let options = Options::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap());
/// let mut out = Vec::new();
/// let done = job::transform_export(std::io::Cursor::new(export), &config, &options, Outputs::new(&mut out))?;
/// let files = Files { input: Some("export.csv"), output: "alleo_employees_acme.csv", rejects: None, changes: None };
/// let mut text = Vec::new();
/// write_transform(&mut text, &done, &files, done.usable(), &Plain)?;
/// let text = String::from_utf8(text)?;
/// assert!(text.starts_with("export.csv → alleo_employees_acme.csv\nRead: utf-8 (detected), delimiter \";\" (detected)\n"), "{text}");
/// assert!(text.ends_with("✓ Wrote alleo_employees_acme.csv (1 row). Check it any time with: alleo-sync validate alleo_employees_acme.csv\n"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// Whatever `out` returns.
pub fn write_transform(
    out: &mut dyn Write,
    done: &Transformed,
    files: &Files<'_>,
    written: bool,
    paint: &dyn Paint,
) -> io::Result<()> {
    let lang = done.report.lang;
    let t = TransformWords::of(lang);
    let s = &done.summary;
    let input = files.input.unwrap_or(t.stdin);
    writeln!(
        out,
        "{} → {}",
        toned(paint, Tone::Bold, input),
        files.output
    )?;
    let mut read = Vec::new();
    if let Some(sheet) = &s.sheet {
        read.push(format!("{} \"{sheet}\"", t.sheet));
    }
    if let Some(encoding) = s.encoding {
        let detected = if s.encoding_detected { t.detected } else { "" };
        read.push(format!("{encoding}{detected}"));
    }
    if let Some(d) = s.delimiter {
        let detected = if s.delimiter_detected { t.detected } else { "" };
        read.push(format!("{} \"{}\"{detected}", t.delimiter, d.name()));
    }
    if let Some(format) = &s.date_format {
        read.push(format!("{} {format}", t.dates));
    }
    writeln!(out, "{} {}", t.read, read.join(", "))?;
    let n = |count: u64| lang.number(count);
    let mut rows = format!(
        "{} {}, {} {}",
        n(s.rows),
        t.rows_read,
        n(s.written),
        t.rows_valid
    );
    if s.rejected > 0 {
        rows = format!("{rows}, {} {}", n(s.rejected), t.rows_rejected);
    }
    writeln!(out, "{} {rows}", t.rows)?;
    let described = s.describe(lang).unwrap_or_else(|| t.no_changes.to_owned());
    writeln!(out, "{} {described}", t.changes)?;
    let context = Context::new(Some(input), AsOf::Given(done.report.as_of));
    write_issues(out, &done.report, &context, paint)?;
    writeln!(out)?;
    write_outcome(out, done, files, written, paint)
}

/// The last lines: what was written, or why nothing was.
fn write_outcome(
    out: &mut dyn Write,
    done: &Transformed,
    files: &Files<'_>,
    written: bool,
    paint: &dyn Paint,
) -> io::Result<()> {
    let lang = done.report.lang;
    let t = TransformWords::of(lang);
    let s = &done.summary;
    let rows_of = |count: u64| {
        let (one, many) = t.row_nouns;
        let noun = if count == 1 { one } else { many };
        format!("{} {noun}", lang.number(count))
    };
    if written && done.kept_invalid() {
        // Written to be fixed (`--keep-invalid`): not a file to send yet.
        let wrote = (t.wrote)(files.output, &rows_of(s.written + s.rejected));
        writeln!(out, "{} {wrote}", toned(paint, Tone::Warning, "!"))?;
        writeln!(out, "  {}", (t.kept_invalid)(&rows_of(s.rejected)))?;
    } else if written {
        let wrote = (t.wrote)(files.output, &rows_of(s.written));
        writeln!(out, "{} {wrote}", toned(paint, Tone::Ok, "✓"))?;
    }
    if written {
        if let (Some(path), true) = (files.rejects, s.rejected > 0) {
            writeln!(out, "  {}", (t.set_aside)(&rows_of(s.rejected), path))?;
        }
        if let Some(path) = files.changes {
            writeln!(out, "  {} {path}", t.change_log)?;
        }
        let name = files.output.rsplit(['/', '\\']).next().unwrap_or_default();
        if !is_upload_file_name(name) {
            writeln!(out, "  {}", t.name_hint)?;
        }
        return Ok(());
    }
    let cross = toned(paint, Tone::Error, "✗");
    if !done.stopped {
        return writeln!(out, "{cross} {}", (t.invalid_rows)(&rows_of(s.rejected)));
    }
    writeln!(out, "{cross} {}", t.stopped)?;
    let found = |codes: &[Code]| done.report.issues.iter().any(|i| codes.contains(&i.code()));
    if found(&[Code::UnknownColumn, Code::MissingColumn]) {
        let input = files.input.unwrap_or("-");
        writeln!(out, "  {}", (t.suggest)(input))?;
    }
    if found(&[Code::Encoding]) {
        writeln!(out, "  {}", t.encoding_hint)?;
    }
    Ok(())
}

/// The words of a transform's summary in one language.
#[allow(missing_debug_implementations)] // a table of words and small functions
struct TransformWords {
    row_nouns: (&'static str, &'static str),
    stdin: &'static str,
    sheet: &'static str,
    detected: &'static str,
    delimiter: &'static str,
    dates: &'static str,
    read: &'static str,
    rows: &'static str,
    rows_read: &'static str,
    rows_valid: &'static str,
    rows_rejected: &'static str,
    changes: &'static str,
    no_changes: &'static str,
    change_log: &'static str,
    name_hint: &'static str,
    encoding_hint: &'static str,
    stopped: &'static str,
    wrote: fn(&str, &str) -> String,
    set_aside: fn(&str, &str) -> String,
    invalid_rows: fn(&str) -> String,
    kept_invalid: fn(&str) -> String,
    suggest: fn(&str) -> String,
}

impl TransformWords {
    fn of(lang: Lang) -> &'static TransformWords {
        match lang {
            Lang::En => &EN,
            Lang::Nl => &NL,
            Lang::De => &DE,
        }
    }
}

static EN: TransformWords = TransformWords {
    row_nouns: ("row", "rows"),
    stdin: "(standard input)",
    sheet: "sheet",
    detected: " (detected)",
    delimiter: "delimiter",
    dates: "dates",
    read: "Read:",
    rows: "Rows:",
    rows_read: "read",
    rows_valid: "valid",
    rows_rejected: "rejected",
    changes: "Changes:",
    no_changes: "none",
    change_log: "Every change is listed in",
    name_hint: "Note: Alleo picks up only files named alleo_employees_<ID>.csv.",
    encoding_hint: "Set the export's encoding in alleo.toml, e.g. [input] encoding = \"windows-1252\", or remove the setting so that it is detected.",
    stopped: "Nothing was written: the export cannot be read as it is (see above).",
    wrote: |o, n| format!("Wrote {o} ({n}). Check it any time with: alleo-sync validate {o}"),
    set_aside: |n, r| format!("Set aside in {r}, each with the reason: {n} that would be invalid."),
    kept_invalid: |n| {
        format!(
            "{n} of them still invalid (see above), kept to be fixed there: do not send the file until it has no error."
        )
    },
    invalid_rows: |n| {
        format!(
            "Nothing was written: {n} would be invalid (see above). Fix them in the export, or pass --rejects FILE to write the valid rows and set the others aside."
        )
    },
    suggest: |i| format!("For a [mapping] to start from, run: alleo-sync mapping suggest {i}"),
};

static NL: TransformWords = TransformWords {
    row_nouns: ("rij", "rijen"),
    stdin: "(standaardinvoer)",
    sheet: "werkblad",
    detected: " (herkend)",
    delimiter: "scheidingsteken",
    dates: "datums",
    read: "Gelezen:",
    rows: "Rijen:",
    rows_read: "gelezen",
    rows_valid: "geldig",
    rows_rejected: "afgewezen",
    changes: "Wijzigingen:",
    no_changes: "geen",
    change_log: "Elke wijziging staat in",
    name_hint: "Let op: Alleo haalt alleen bestanden op met de naam alleo_employees_<ID>.csv.",
    encoding_hint: "Geef de codering van de export op in alleo.toml, bijv. [input] encoding = \"windows-1252\", of haal de instelling weg zodat die wordt herkend.",
    stopped: "Er is niets geschreven: de export kan zo niet worden gelezen (zie boven).",
    wrote: |o, n| {
        format!("{o} geschreven ({n}). Controleer het altijd met: alleo-sync validate {o}")
    },
    set_aside: |n, r| format!("Apart gezet in {r}, elk met de reden: {n} ongeldig."),
    kept_invalid: |n| {
        format!(
            "Daarvan nog {n} ongeldig (zie boven), bewaard om ze daar te herstellen: verstuur het bestand pas als het geen fouten meer heeft."
        )
    },
    invalid_rows: |n| {
        format!(
            "Er is niets geschreven, want niet alle rijen zijn geldig ({n} ongeldig, zie boven). Herstel ze in de export, of geef --rejects BESTAND om de geldige rijen te schrijven en de andere apart te zetten."
        )
    },
    suggest: |i| format!("Voor een [mapping] om mee te beginnen: alleo-sync mapping suggest {i}"),
};

static DE: TransformWords = TransformWords {
    row_nouns: ("Zeile", "Zeilen"),
    stdin: "(Standardeingabe)",
    sheet: "Tabellenblatt",
    detected: " (erkannt)",
    delimiter: "Trennzeichen",
    dates: "Datumsangaben",
    read: "Gelesen:",
    rows: "Zeilen:",
    rows_read: "gelesen",
    rows_valid: "gültig",
    rows_rejected: "abgelehnt",
    changes: "Änderungen:",
    no_changes: "keine",
    change_log: "Jede Änderung steht in",
    name_hint: "Hinweis: Alleo holt nur Dateien mit dem Namen alleo_employees_<ID>.csv ab.",
    encoding_hint: "Geben Sie die Kodierung des Exports in alleo.toml an, z. B. [input] encoding = \"windows-1252\", oder entfernen Sie die Einstellung, damit sie erkannt wird.",
    stopped: "Es wurde nichts geschrieben: Der Export kann so nicht gelesen werden (siehe oben).",
    wrote: |o, n| format!("{o} geschrieben ({n}). Jederzeit prüfen mit: alleo-sync validate {o}"),
    set_aside: |n, r| format!("Mit dem Grund beiseitegelegt in {r}: {n} ungültig."),
    kept_invalid: |n| {
        format!(
            "Davon noch {n} ungültig (siehe oben), zum Korrigieren dort behalten: Senden Sie die Datei erst, wenn sie keinen Fehler mehr hat."
        )
    },
    invalid_rows: |n| {
        format!(
            "Es wurde nichts geschrieben, da nicht alle Zeilen gültig sind ({n} ungültig, siehe oben). Beheben Sie sie im Export, oder geben Sie --rejects DATEI an, um die gültigen Zeilen zu schreiben und die anderen beiseitezulegen."
        )
    },
    suggest: |i| format!("Für ein [mapping] als Ausgangspunkt: alleo-sync mapping suggest {i}"),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_its_words() {
        for lang in Lang::ALL {
            let t = TransformWords::of(lang);
            assert!((t.wrote)("a.csv", "3").contains("a.csv"));
            assert!((t.invalid_rows)("3").contains("--rejects"));
            assert!((t.suggest)("x.csv").contains("mapping suggest x.csv"));
            assert!(t.encoding_hint.contains("[input] encoding"));
        }
    }
}
