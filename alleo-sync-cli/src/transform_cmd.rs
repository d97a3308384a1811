//! `alleo-sync transform`: an HR export in, the Alleo file out, never silently.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use alleo_csv_core::naming::is_upload_file_name;
use alleo_csv_core::transform::{Outputs, Transformed};
use alleo_csv_core::{Code, Lang, Options, job};
use chrono::Utc;

use crate::args::{SummaryFormat, TransformArgs};
use crate::atomic::{Pending, resolve};
use crate::config_file;
use crate::error::CliError;
use crate::export::Export;
use crate::text::{self, Ansi, AsOf, BOLD, Context, ERROR, OK};

/// Transforms the export, writes the files it should, and prints what it did.
pub fn run(args: &TransformArgs) -> Result<ExitCode, CliError> {
    let loaded = config_file::load(args.config.as_deref())?;
    let export = Export::open(&args.input)?;
    check_targets(args)?;
    let mut output = Pending::create(&args.output)?;
    let mut rejects = args.rejects.as_deref().map(Pending::create).transpose()?;
    let mut changes = args.changes.as_deref().map(Pending::create).transpose()?;

    let mut options = Options::for_next_pickup(args.as_of, Utc::now());
    options.lang = args.lang;
    let mut outputs = Outputs::new(&mut output);
    if let Some(r) = rejects.as_mut() {
        outputs = outputs.rejects(r);
    }
    if let Some(c) = changes.as_mut() {
        outputs = outputs.changes(c);
    }
    let done = job::transform_export(export, &loaded.config, &options, outputs)
        .map_err(CliError::reading(&args.input))?;

    let written = done.usable();
    if written {
        output.flush().map_err(|source| CliError::OutputFile {
            path: args.output.clone(),
            source,
        })?;
        for file in [rejects, changes].into_iter().flatten() {
            file.commit()?;
        }
        output.commit()?;
    }

    let stdout = io::stdout();
    match args.format {
        SummaryFormat::Text => {
            let mut out = anstream::AutoStream::auto(stdout.lock());
            write_text(&mut out, &done, args, written).map_err(CliError::output)?;
        }
        SummaryFormat::Json => write_json(&done, args, written).map_err(CliError::output)?,
    }
    Ok(if written && done.summary.rejected == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// `{"written", "output", "summary", "report"}`, pretty-printed; the report (a
/// million issues, for a whole workforce) is written as it is rendered.
fn write_json(done: &Transformed, args: &TransformArgs, written: bool) -> io::Result<()> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    // The small parts through serde, indented one level as parts of the object.
    let nested = |json: serde_json::Result<String>| {
        json.map(|j| j.replace('\n', "\n  "))
            .map_err(io::Error::from)
    };
    let output = nested(serde_json::to_string_pretty(
        &written.then(|| args.output.display().to_string()),
    ))?;
    let summary = nested(serde_json::to_string_pretty(&done.summary))?;
    write!(
        out,
        "{{\n  \"written\": {written},\n  \"output\": {output},\n  \"summary\": {summary},\n  \"report\": "
    )?;
    done.report.write_json_at(&mut out, 1)?;
    out.write_all(b"\n}\n")?;
    out.flush()
}

/// Refuses to write over the input, or two outputs to one file.
fn check_targets(args: &TransformArgs) -> Result<(), CliError> {
    let mut taken: Vec<(PathBuf, String)> = Vec::new();
    if args.input != "-" {
        let input = Path::new(&args.input);
        if let Ok(path) = resolve(input) {
            taken.push((
                path,
                "the input, which transform never overwrites".to_owned(),
            ));
        }
    }
    let targets = [
        ("--output", Some(&args.output)),
        ("--rejects", args.rejects.as_ref()),
        ("--changes", args.changes.as_ref()),
    ];
    for (flag, path) in targets {
        let Some(path) = path else { continue };
        if path.is_dir() {
            return Err(CliError::Usage(format!(
                "{flag} {} is a folder; give a file name, e.g. {}",
                path.display(),
                path.join("alleo_employees_acme.csv").display()
            )));
        }
        let resolved = resolve(path).map_err(|source| CliError::OutputFile {
            path: path.clone(),
            source,
        })?;
        if let Some((_, other)) = taken.iter().find(|(p, _)| *p == resolved) {
            return Err(CliError::Usage(format!(
                "{flag} {} is {other}: give each file its own name",
                path.display()
            )));
        }
        taken.push((resolved, format!("the file given to {flag}")));
    }
    Ok(())
}

fn write_text(
    out: &mut impl Write,
    done: &Transformed,
    args: &TransformArgs,
    written: bool,
) -> io::Result<()> {
    let t = Words::of(args.lang);
    let s = &done.summary;
    let n = |count: u64| args.lang.number(count);
    let input = if args.input == "-" {
        t.stdin
    } else {
        &args.input
    };
    writeln!(out, "{BOLD}{input}{BOLD:#} → {}", args.output.display())?;
    let mut read = Vec::new();
    if let Some(sheet) = &s.sheet {
        read.push(format!("{} \"{sheet}\"", t.sheet));
    }
    if let Some(encoding) = s.encoding {
        read.push(format!(
            "{encoding}{}",
            if s.encoding_detected { t.detected } else { "" }
        ));
    }
    if let Some(d) = s.delimiter {
        read.push(format!(
            "{} \"{}\"{}",
            t.delimiter,
            d.name(),
            if s.delimiter_detected { t.detected } else { "" }
        ));
    }
    if let Some(format) = &s.date_format {
        read.push(format!("{} {format}", t.dates));
    }
    writeln!(out, "{} {}", t.read, read.join(", "))?;
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
    let described = s
        .describe(args.lang)
        .unwrap_or_else(|| t.no_changes.to_owned());
    writeln!(out, "{} {described}", t.changes)?;
    let context = Context::new(Some(input), AsOf::Given(done.report.as_of));
    text::write_issues(out, &done.report, &context, &Ansi::default())?;
    writeln!(out)?;
    write_verdict(out, done, args, written)
}

/// The last lines: what was written, or why nothing was.
fn write_verdict(
    out: &mut impl Write,
    done: &Transformed,
    args: &TransformArgs,
    written: bool,
) -> io::Result<()> {
    let t = Words::of(args.lang);
    let s = &done.summary;
    let rows_of = |count: u64| {
        let (one, many) = t.row_nouns;
        format!(
            "{} {}",
            args.lang.number(count),
            if count == 1 { one } else { many }
        )
    };
    let output = args.output.display().to_string();
    if written {
        writeln!(
            out,
            "{OK}✓{OK:#} {}",
            (t.wrote)(&output, &rows_of(s.written))
        )?;
        if let (Some(path), true) = (&args.rejects, s.rejected > 0) {
            writeln!(
                out,
                "  {}",
                (t.set_aside)(&rows_of(s.rejected), &path.display().to_string())
            )?;
        }
        if let Some(path) = &args.changes {
            writeln!(out, "  {} {}", t.change_log, path.display())?;
        }
        let name = args
            .output
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default();
        if !is_upload_file_name(&name) {
            writeln!(out, "  {}", t.name_hint)?;
        }
    } else if done.stopped {
        writeln!(out, "{ERROR}✗{ERROR:#} {}", t.stopped)?;
        let unknown = done
            .report
            .issues
            .iter()
            .any(|i| matches!(i.code(), Code::UnknownColumn | Code::MissingColumn));
        if unknown {
            writeln!(out, "  {}", (t.suggest)(&args.input))?;
        }
        if done
            .report
            .issues
            .iter()
            .any(|i| i.code() == Code::Encoding)
        {
            writeln!(out, "  {}", t.encoding_hint)?;
        }
    } else {
        writeln!(
            out,
            "{ERROR}✗{ERROR:#} {}",
            (t.invalid_rows)(&rows_of(s.rejected))
        )?;
    }
    Ok(())
}

/// The words of the summary, in the chosen language.
struct Words {
    /// Singular and plural of "row".
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
    suggest: fn(&str) -> String,
}

impl Words {
    fn of(lang: Lang) -> Words {
        match lang {
            Lang::En => Words {
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
                wrote: |o, n| {
                    format!("Wrote {o} ({n}). Check it any time with: alleo-sync validate {o}")
                },
                set_aside: |n, r| {
                    format!("Set aside in {r}, each with the reason: {n} that would be invalid.")
                },
                invalid_rows: |n| {
                    format!(
                        "Nothing was written: {n} would be invalid (see above). Fix them in the export, or pass --rejects FILE to write the valid rows and set the others aside."
                    )
                },
                suggest: |i| {
                    format!("For a [mapping] to start from, run: alleo-sync mapping suggest {i}")
                },
            },
            Lang::Nl => Words {
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
                    format!(
                        "{o} geschreven ({n}). Controleer het altijd met: alleo-sync validate {o}"
                    )
                },
                set_aside: |n, r| format!("Apart gezet in {r}, elk met de reden: {n} ongeldig."),
                invalid_rows: |n| {
                    format!(
                        "Er is niets geschreven, want niet alle rijen zijn geldig ({n} ongeldig, zie boven). Herstel ze in de export, of geef --rejects BESTAND om de geldige rijen te schrijven en de andere apart te zetten."
                    )
                },
                suggest: |i| {
                    format!("Voor een [mapping] om mee te beginnen: alleo-sync mapping suggest {i}")
                },
            },
            Lang::De => Words {
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
                wrote: |o, n| {
                    format!("{o} geschrieben ({n}). Jederzeit prüfen mit: alleo-sync validate {o}")
                },
                set_aside: |n, r| format!("Mit dem Grund beiseitegelegt in {r}: {n} ungültig."),
                invalid_rows: |n| {
                    format!(
                        "Es wurde nichts geschrieben, da nicht alle Zeilen gültig sind ({n} ungültig, siehe oben). Beheben Sie sie im Export, oder geben Sie --rejects DATEI an, um die gültigen Zeilen zu schreiben und die anderen beiseitezulegen."
                    )
                },
                suggest: |i| {
                    format!("Für ein [mapping] als Ausgangspunkt: alleo-sync mapping suggest {i}")
                },
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_its_words() {
        for lang in Lang::ALL {
            let t = Words::of(lang);
            assert!((t.wrote)("a.csv", "3").contains("a.csv"));
            assert!((t.invalid_rows)("3").contains("--rejects"));
            assert!((t.suggest)("x.csv").contains("mapping suggest x.csv"));
        }
    }
}
