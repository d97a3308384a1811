//! `alleo-sync diff`: what Alleo will do with the file, before it is sent.

use std::fs::File;
use std::io::{self, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use alleo_csv_core::lifecycle::{
    Action, ActionCsv, ActionKind, Effective, Plan, PlanJson, Previous, diff_each,
};
use alleo_csv_core::schedule::last_pickup_before_deactivation;
use alleo_csv_core::{Lang, Options};

use crate::args::{DiffArgs, Format};
use crate::config_file;
use crate::error::CliError;
use crate::previous::{self, Source};
use crate::text::{self, BOLD, Context, DIM};
use crate::validate_cmd::exit_code;

/// Prints the plan; the exit code says whether the file is valid.
pub fn run(args: &DiffArgs) -> Result<ExitCode, CliError> {
    let (given, file) = match args.files.as_slice() {
        [file] => (None, file),
        [previous, file] => (Some(Path::new(previous)), file),
        _ => {
            return Err(CliError::Usage(
                "give the previous state and the file: alleo-sync diff PREV FILE".into(),
            ));
        }
    };
    let loaded = config_file::load(args.check.config.as_deref())?;
    let chosen = previous::choose(given, false, &loaded)?;
    let Some(prev) = &chosen.previous else {
        let place = match &chosen.source {
            Source::NotYet(path) => format!(
                " (nothing was delivered from this machine yet: {} does not exist)",
                path.display()
            ),
            _ => String::new(),
        };
        return Err(CliError::Usage(format!(
            "diff needs a previous state{place}: give it first, as in alleo-sync diff last_sent.csv {file}"
        )));
    };
    let (as_of, mut options) = args.check.options();
    let input: Box<dyn Read> = if file == "-" {
        Box::new(io::stdin().lock())
    } else {
        options.file_name = Some(file.clone());
        Box::new(File::open(file).map_err(|source| CliError::Input {
            path: file.clone(),
            source,
        })?)
    };
    let (config, allow) = (&loaded.config, args.check.allow_deactivations);
    let reading = CliError::reading(file);
    let plan = match args.format {
        Format::Text => {
            // Unchanged employees are counted, not listed: only the others are kept.
            let mut listed = Vec::new();
            let mut keep = |a: Action| {
                if a.kind != ActionKind::Unchanged {
                    listed.push(a);
                }
            };
            let plan =
                diff_each(prev, input, config, options, allow, &mut keep).map_err(reading)?;
            let context = Context {
                file,
                as_of,
                config: loaded.path.as_deref(),
                previous: Some((&chosen.source, Some(prev.len()))),
            };
            let mut out = anstream::AutoStream::auto(io::stdout().lock());
            write_text(&mut out, &plan, &listed, &context).map_err(CliError::output)?;
            plan
        }
        Format::Json => write_json(prev, input, config, options, allow, &reading)?,
        Format::Csv => {
            let mut csv = ActionCsv::new(io::BufWriter::new(io::stdout()))?;
            let mut failed = None;
            let mut write = |a: Action| {
                if let (Err(e), None) = (csv.write(&a), &failed) {
                    failed = Some(e);
                }
            };
            let plan =
                diff_each(prev, input, config, options, allow, &mut write).map_err(reading)?;
            if let Some(e) = failed {
                return Err(e.into());
            }
            csv.finish()?;
            plan
        }
    };
    Ok(exit_code(&plan.report, args.check.strict))
}

/// The plan as JSON, each action written as it is planned (on the diffing thread):
/// a million of them are never held in memory.
fn write_json(
    prev: &Previous,
    input: Box<dyn Read>,
    config: &alleo_csv_core::Config,
    options: Options,
    allow: Option<u64>,
    reading: &impl Fn(alleo_csv_core::Error) -> CliError,
) -> Result<Plan, CliError> {
    let mut json = PlanJson::new(io::stdout());
    let plan = diff_each(prev, input, config, options, allow, &mut |a| {
        json.action(&a);
    })
    .map_err(reading)?;
    json.finish(&plan).map_err(CliError::output)?;
    Ok(plan)
}

/// The plan readably: the summary, then each action that changes something
/// (`listed`), the issues, and the verdict.
fn write_text(
    out: &mut impl Write,
    plan: &Plan,
    listed: &[Action],
    ctx: &Context<'_>,
) -> io::Result<()> {
    let lang = plan.report.lang;
    let t = Words::of(lang);
    let file = if ctx.file == "-" { t.stdin } else { ctx.file };
    writeln!(out, "{BOLD}{file}{BOLD:#}: {}", summary(plan, lang))?;
    text::write_context(out, lang, ctx)?;
    let width = listed
        .iter()
        .map(|a| a.email.chars().count())
        .max()
        .unwrap_or(0)
        .min(40);
    for kind in [
        ActionKind::Onboard,
        ActionKind::Update,
        ActionKind::Deactivate,
        ActionKind::Absent,
    ] {
        let actions: Vec<&Action> = listed.iter().filter(|a| a.kind == kind).collect();
        if actions.is_empty() {
            continue;
        }
        writeln!(
            out,
            "\n{BOLD}{} ({}){BOLD:#}",
            (t.heading)(kind),
            lang.number(actions.len() as u64)
        )?;
        for a in actions {
            let row = a
                .row
                .map_or_else(|| "-".to_owned(), |r| format!("{} {r}", t.row));
            writeln!(
                out,
                "  {DIM}{row:<9}{DIM:#} {:<width$}  {}",
                a.email,
                detail(a, &t)
            )?;
        }
    }
    if plan.summary.unchanged > 0 {
        writeln!(
            out,
            "\n{}",
            (t.unchanged)(&lang.number(plan.summary.unchanged))
        )?;
    }
    text::write_issues(out, &plan.report)?;
    writeln!(out)?;
    text::write_verdict(out, &plan.report)
}

/// "12 to onboard, 40 updates, 3 deactivations scheduled, 1 absent, 1,100 unchanged"
fn summary(plan: &Plan, lang: Lang) -> String {
    let t = Words::of(lang);
    ActionKind::ALL
        .iter()
        .map(|&kind| {
            let n = plan.summary.of(kind);
            (t.count)(kind, &lang.number(n), n == 1)
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// What the action does, with its dates in UTC.
fn detail(a: &Action, t: &Words) -> String {
    let changes = a.changes_text();
    match (a.kind, a.effective) {
        (ActionKind::Onboard, Some(Effective::Date(d))) => (t.active_from)(&d.to_string()),
        (ActionKind::Deactivate, Some(Effective::Instant(at))) => {
            let last = last_pickup_before_deactivation(at.date_naive())
                .map(|p| (t.last_pickup)(&p.to_string()))
                .unwrap_or_default();
            let others = a
                .changes
                .iter()
                .filter(|c| c.field != "offboarding_date")
                .count();
            let also = if others > 0 {
                format!("; {changes}")
            } else {
                String::new()
            };
            format!(
                "{}{last}{also}",
                (t.deactivated_at)(&at.format("%Y-%m-%d %H:%M UTC").to_string())
            )
        }
        (ActionKind::Absent, _) => t.absent.to_owned(),
        _ => changes,
    }
}

/// The words of the plan, in the report's language.
struct Words {
    stdin: &'static str,
    row: &'static str,
    heading: fn(ActionKind) -> &'static str,
    count: fn(ActionKind, &str, bool) -> String,
    active_from: fn(&str) -> String,
    deactivated_at: fn(&str) -> String,
    last_pickup: fn(&str) -> String,
    absent: &'static str,
    unchanged: fn(&str) -> String,
}

impl Words {
    fn of(lang: Lang) -> Words {
        match lang {
            Lang::En => Words {
                stdin: "(standard input)",
                row: "row",
                heading: |k| match k {
                    ActionKind::Onboard => "Onboard",
                    ActionKind::Update => "Update",
                    ActionKind::Deactivate => "Deactivate",
                    ActionKind::Unchanged => "Unchanged",
                    ActionKind::Absent => "Absent",
                },
                count: |k, n, one| match k {
                    ActionKind::Onboard => format!("{n} to onboard"),
                    ActionKind::Update => format!("{n} {}", if one { "update" } else { "updates" }),
                    ActionKind::Deactivate => format!(
                        "{n} {} scheduled",
                        if one { "deactivation" } else { "deactivations" }
                    ),
                    ActionKind::Unchanged => format!("{n} unchanged"),
                    ActionKind::Absent => format!("{n} absent"),
                },
                active_from: |d| format!("active from {d}"),
                deactivated_at: |at| format!("deactivated at {at}"),
                last_pickup: |p| format!(" (the last pickup that can change it: {p})"),
                absent: "not in the file: stays active (only an offboarding date deactivates)",
                unchanged: |n| format!("Unchanged: {n} (listed with --format csv or json)"),
            },
            Lang::Nl => Words {
                stdin: "(standaardinvoer)",
                row: "rij",
                heading: |k| match k {
                    ActionKind::Onboard => "Onboarden",
                    ActionKind::Update => "Bijwerken",
                    ActionKind::Deactivate => "Deactiveren",
                    ActionKind::Unchanged => "Ongewijzigd",
                    ActionKind::Absent => "Ontbreekt",
                },
                count: |k, n, one| match k {
                    ActionKind::Onboard => format!("{n} te onboarden"),
                    ActionKind::Update => {
                        format!("{n} {}", if one { "wijziging" } else { "wijzigingen" })
                    }
                    ActionKind::Deactivate => format!(
                        "{n} {} gepland",
                        if one {
                            "deactivering"
                        } else {
                            "deactiveringen"
                        }
                    ),
                    ActionKind::Unchanged => format!("{n} ongewijzigd"),
                    ActionKind::Absent => format!("{n} ontbreekt"),
                },
                active_from: |d| format!("actief vanaf {d}"),
                deactivated_at: |at| format!("gedeactiveerd op {at}"),
                last_pickup: |p| format!(" (de laatste ophaalronde die het kan wijzigen: {p})"),
                absent: "niet in het bestand: blijft actief (alleen een offboardingdatum deactiveert)",
                unchanged: |n| format!("Ongewijzigd: {n} (opgesomd met --format csv of json)"),
            },
            Lang::De => Words {
                stdin: "(Standardeingabe)",
                row: "Zeile",
                heading: |k| match k {
                    ActionKind::Onboard => "Onboarding",
                    ActionKind::Update => "Aktualisieren",
                    ActionKind::Deactivate => "Deaktivieren",
                    ActionKind::Unchanged => "Unverändert",
                    ActionKind::Absent => "Fehlt",
                },
                count: |k, n, one| match k {
                    ActionKind::Onboard => format!("{n} zu onboarden"),
                    ActionKind::Update => {
                        format!("{n} {}", if one { "Änderung" } else { "Änderungen" })
                    }
                    ActionKind::Deactivate => format!(
                        "{n} {} geplant",
                        if one {
                            "Deaktivierung"
                        } else {
                            "Deaktivierungen"
                        }
                    ),
                    ActionKind::Unchanged => format!("{n} unverändert"),
                    ActionKind::Absent => format!("{n} fehlen"),
                },
                active_from: |d| format!("aktiv ab {d}"),
                deactivated_at: |at| format!("deaktiviert am {at}"),
                last_pickup: |p| format!(" (die letzte Abholung, die es ändern kann: {p})"),
                absent: "nicht in der Datei: bleibt aktiv (nur ein Offboarding-Datum deaktiviert)",
                unchanged: |n| format!("Unverändert: {n} (aufgeführt mit --format csv oder json)"),
            },
        }
    }
}
