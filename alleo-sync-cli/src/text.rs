//! The readable report: a summary, the pickup the check is for, the columns, then
//! the issues grouped by row. Colour only on a terminal, and never with `NO_COLOR`
//! (the caller's `anstream` stream strips it).

use std::io::{self, Write};
use std::path::Path;

use alleo_csv_core::schedule::Pickup;
use alleo_csv_core::{Lang, Report, Scope, Severity};

use crate::previous::Source;
use anstyle::{AnsiColor, Style};
use chrono::NaiveDate;

/// Which "today" the rules were checked against.
#[derive(Debug, Clone, Copy)]
pub enum AsOf {
    /// The date of the next pickup after now.
    NextPickup(Pickup),
    /// Given with `--as-of`.
    Given(NaiveDate),
}

impl AsOf {
    /// The date itself.
    pub fn date(self) -> NaiveDate {
        match self {
            AsOf::NextPickup(p) => p.date(),
            AsOf::Given(d) => d,
        }
    }
}

/// What the report does not know by itself.
#[derive(Debug)]
pub struct Context<'a> {
    pub file: &'a str,
    pub as_of: AsOf,
    pub config: Option<&'a Path>,
    /// The previous state and its number of employees, when the command has one.
    pub previous: Option<(&'a Source, Option<usize>)>,
}

pub const ERROR: Style = AnsiColor::Red.on_default().bold();
pub const WARNING: Style = AnsiColor::Yellow.on_default().bold();
pub const OK: Style = AnsiColor::Green.on_default().bold();
pub const DIM: Style = Style::new().dimmed();
pub const BOLD: Style = Style::new().bold();

/// Writes the readable report.
pub fn write(out: &mut impl Write, report: &Report, ctx: &Context<'_>) -> io::Result<()> {
    let t = Words::of(report.lang);
    let file = if ctx.file == "-" { t.stdin } else { ctx.file };
    let counted = |count: usize, (one, many): (&str, &str)| {
        format!("{count} {}", if count == 1 { one } else { many })
    };
    let [row_noun, error_noun, warning_noun] = t.nouns;
    let rows = counted(usize::try_from(report.rows).unwrap_or(usize::MAX), row_noun);
    let errors = counted(report.errors(), error_noun);
    let warnings = counted(report.warnings(), warning_noun);
    writeln!(
        out,
        "{BOLD}{file}{BOLD:#}: {}",
        (t.counts)(&rows, &errors, &warnings)
    )?;
    write_context(out, report.lang, ctx)?;
    if !report.columns.is_empty() {
        writeln!(out, "\n{BOLD}{}{BOLD:#}", t.columns)?;
        let width = report
            .columns
            .iter()
            .map(|c| c.header.chars().count())
            .max()
            .unwrap_or(0)
            .min(32);
        for c in &report.columns {
            let target = match (&c.target, &c.reporting_name) {
                (None, _) => format!("{DIM}{}{DIM:#}", t.not_used),
                (Some(name), Some(reporting)) => {
                    let ty = c
                        .custom_type
                        .map(|ty| format!("{ty:?}").to_lowercase())
                        .unwrap_or_default();
                    format!("{name} ({ty}; {} {reporting})", t.reporting)
                }
                (Some(name), None) => name.clone(),
            };
            let mapped = if c.mapped {
                format!(" {DIM}[mapping]{DIM:#}")
            } else {
                String::new()
            };
            writeln!(
                out,
                "  {:>3}  {:<width$}  {target}{mapped}",
                c.position, c.header
            )?;
        }
    }
    write_issues(out, report)?;
    writeln!(out)?;
    write_verdict(out, report)
}

/// The last line: valid (with the counts) or not.
pub fn write_verdict(out: &mut impl Write, report: &Report) -> io::Result<()> {
    let t = Words::of(report.lang);
    let counted = |count: usize, (one, many): (&str, &str)| {
        format!("{count} {}", if count == 1 { one } else { many })
    };
    let [row_noun, error_noun, warning_noun] = t.nouns;
    let rows = counted(usize::try_from(report.rows).unwrap_or(usize::MAX), row_noun);
    let errors = counted(report.errors(), error_noun);
    let warnings = counted(report.warnings(), warning_noun);
    if report.valid() {
        writeln!(out, "{OK}✓{OK:#} {}", (t.valid)(&rows, &warnings))
    } else {
        writeln!(out, "{ERROR}✗{ERROR:#} {}", (t.invalid)(&errors))
    }
}

/// The lines under the heading: the date checked for, the configuration and the
/// previous state.
pub fn write_context(out: &mut impl Write, lang: Lang, ctx: &Context<'_>) -> io::Result<()> {
    let t = Words::of(lang);
    match ctx.as_of {
        AsOf::NextPickup(p) => writeln!(out, "{}", (t.next_pickup)(p.date(), &p.to_string()))?,
        AsOf::Given(d) => writeln!(out, "{}", (t.given)(d))?,
    }
    match ctx.config {
        Some(path) => writeln!(out, "{} {}", t.config, path.display())?,
        None => writeln!(out, "{} {}", t.config, t.no_config)?,
    }
    if let Some((source, employees)) = ctx.previous {
        let n = employees.unwrap_or(0);
        let described = match source {
            Source::Given(path) => (t.previous_given)(&path.display().to_string(), n),
            Source::Delivered(path) => (t.previous_delivered)(&path.display().to_string(), n),
            Source::NotYet(path) => (t.previous_not_yet)(&path.display().to_string()),
            Source::Ignored => t.previous_ignored.to_owned(),
            Source::NoFolder => t.previous_no_folder.to_owned(),
        };
        writeln!(out, "{} {described}", t.previous)?;
    }
    Ok(())
}

/// Writes the issues, grouped by row under a heading per row.
pub fn write_issues(out: &mut impl Write, report: &Report) -> io::Result<()> {
    let t = Words::of(report.lang);
    let mut current: Option<Option<u64>> = None;
    for issue in &report.issues {
        if current != Some(issue.row) {
            current = Some(issue.row);
            let heading = match issue.row {
                None => t.file.to_owned(),
                Some(r) if issue.code().scope() == Scope::Header => {
                    format!("{} {r} {}", t.row, t.header)
                }
                Some(r) => format!("{} {r}", t.row),
            };
            writeln!(out, "\n{BOLD}{heading}{BOLD:#}")?;
        }
        let (style, word) = match issue.severity {
            Severity::Error => (ERROR, t.error),
            Severity::Warning => (WARNING, t.warning),
        };
        writeln!(
            out,
            "  {style}{word:<8}{style:#} {DIM}{:<30}{DIM:#} {}",
            issue.code().as_str(),
            report.message_of(issue)
        )?;
    }
    Ok(())
}

/// The words around the messages, in the report's language.
struct Words {
    counts: fn(&str, &str, &str) -> String,
    next_pickup: fn(NaiveDate, &str) -> String,
    given: fn(NaiveDate) -> String,
    valid: fn(&str, &str) -> String,
    invalid: fn(&str) -> String,
    /// Singular and plural of row, error, warning.
    nouns: [(&'static str, &'static str); 3],
    stdin: &'static str,
    config: &'static str,
    no_config: &'static str,
    columns: &'static str,
    not_used: &'static str,
    reporting: &'static str,
    file: &'static str,
    row: &'static str,
    header: &'static str,
    error: &'static str,
    warning: &'static str,
    previous: &'static str,
    previous_given: fn(&str, usize) -> String,
    previous_delivered: fn(&str, usize) -> String,
    previous_not_yet: fn(&str) -> String,
    previous_ignored: &'static str,
    previous_no_folder: &'static str,
}

impl Words {
    #[allow(clippy::too_many_lines)] // three languages of one table
    fn of(lang: Lang) -> Words {
        match lang {
            Lang::Nl => Words {
                counts: |r, e, w| format!("{r}, {e}, {w}"),
                next_pickup: |d, p| {
                    format!("Gecontroleerd voor {d}: de datum van de volgende ophaalronde ({p}).")
                },
                given: |d| {
                    format!(
                        "Gecontroleerd voor {d} (opgegeven met --as-of); Alleo haalt op om 02:45 en 20:00 UTC."
                    )
                },
                valid: |r, w| {
                    format!("Geldig: {r} zonder fouten ({w}). Het bestand kan worden verstuurd.")
                },
                invalid: |e| {
                    format!("Niet geldig: {e}. Herstel ze voordat u het bestand verstuurt.")
                },
                nouns: [
                    ("rij", "rijen"),
                    ("fout", "fouten"),
                    ("waarschuwing", "waarschuwingen"),
                ],
                stdin: "(standaardinvoer)",
                config: "Configuratie:",
                no_config: "geen (geen alleo.toml gevonden; bedrijfsgroepen worden niet gecontroleerd)",
                columns: "Kolommen",
                not_used: "niet gebruikt",
                reporting: "in Alleo's rapportage:",
                file: "Bestand",
                row: "Rij",
                header: "(kopregel)",
                error: "fout",
                warning: "let op",
                previous: "Vorige stand:",
                previous_given: |p, n| format!("{p} ({n} medewerkers)"),
                previous_delivered: |p, n| {
                    format!("{p}, het laatst geleverde bestand ({n} medewerkers)")
                },
                previous_not_yet: |p| {
                    format!(
                        "nog geen: vanaf deze machine is nog niets geleverd ({p}); de regels die hem nodig hebben zijn waarschuwingen. Geef er een met --previous BESTAND."
                    )
                },
                previous_ignored: "niet gebruikt (--no-previous); de regels die hem nodig hebben zijn waarschuwingen.",
                previous_no_folder: "geen (geen statusmap: stel [state] dir in); de regels die hem nodig hebben zijn waarschuwingen.",
            },
            Lang::De => Words {
                counts: |r, e, w| format!("{r}, {e}, {w}"),
                next_pickup: |d, p| {
                    format!("Geprüft für {d}: das Datum der nächsten Abholung ({p}).")
                },
                given: |d| {
                    format!(
                        "Geprüft für {d} (mit --as-of angegeben); Alleo holt um 02:45 und 20:00 UTC ab."
                    )
                },
                valid: |r, w| {
                    format!("Gültig: {r} ohne Fehler ({w}). Die Datei kann gesendet werden.")
                },
                invalid: |e| format!("Ungültig: {e}. Beheben Sie sie, bevor Sie die Datei senden."),
                nouns: [
                    ("Zeile", "Zeilen"),
                    ("Fehler", "Fehler"),
                    ("Warnung", "Warnungen"),
                ],
                stdin: "(Standardeingabe)",
                config: "Konfiguration:",
                no_config: "keine (keine alleo.toml gefunden; Unternehmensgruppen werden nicht geprüft)",
                columns: "Spalten",
                not_used: "nicht verwendet",
                reporting: "in Alleos Berichten:",
                file: "Datei",
                row: "Zeile",
                header: "(Kopfzeile)",
                error: "Fehler",
                warning: "Warnung",
                previous: "Vorheriger Stand:",
                previous_given: |p, n| format!("{p} ({n} Mitarbeiter)"),
                previous_delivered: |p, n| {
                    format!("{p}, die zuletzt gelieferte Datei ({n} Mitarbeiter)")
                },
                previous_not_yet: |p| {
                    format!(
                        "noch keiner: von diesem Rechner wurde noch nichts geliefert ({p}); die Regeln, die ihn brauchen, sind Warnungen. Geben Sie einen mit --previous DATEI an."
                    )
                },
                previous_ignored: "nicht verwendet (--no-previous); die Regeln, die ihn brauchen, sind Warnungen.",
                previous_no_folder: "keiner (kein Statusordner: setzen Sie [state] dir); die Regeln, die ihn brauchen, sind Warnungen.",
            },
            Lang::En => Words {
                counts: |r, e, w| format!("{r}, {e}, {w}"),
                next_pickup: |d, p| format!("Checked for {d}: the date of the next pickup ({p})."),
                given: |d| {
                    format!(
                        "Checked for {d} (given with --as-of); Alleo picks up at 02:45 and 20:00 UTC."
                    )
                },
                valid: |r, w| format!("Valid: {r} without errors ({w}). The file can be sent."),
                invalid: |e| format!("Not valid: {e}. Fix them before sending the file."),
                nouns: [
                    ("row", "rows"),
                    ("error", "errors"),
                    ("warning", "warnings"),
                ],
                stdin: "(standard input)",
                config: "Configuration:",
                no_config: "none (no alleo.toml found; company groups are not checked)",
                columns: "Columns",
                not_used: "not used",
                reporting: "in Alleo's reports:",
                file: "File",
                row: "Row",
                header: "(header)",
                error: "error",
                warning: "warning",
                previous: "Previous state:",
                previous_given: |p, n| format!("{p} ({n} employees)"),
                previous_delivered: |p, n| format!("{p}, the last file delivered ({n} employees)"),
                previous_not_yet: |p| {
                    format!(
                        "none yet: nothing was delivered from this machine ({p}); the rules that need one are warnings. Give one with --previous FILE."
                    )
                },
                previous_ignored: "not used (--no-previous); the rules that need one are warnings.",
                previous_no_folder: "none (no state folder: set [state] dir); the rules that need one are warnings.",
            },
        }
    }
}
