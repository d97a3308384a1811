//! `alleo-sync transform`: an HR export in, the Alleo file out, never silently.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use alleo_csv_core::naming::{Companion, companion_name, is_picked_up};
use alleo_csv_core::text::transform::{Files, write_transform};
use alleo_csv_core::transform::{Outputs, Transformed};
use alleo_csv_core::{Options, job};
use chrono::Utc;

use crate::args::{SummaryFormat, TransformArgs};
use crate::atomic::{Pending, resolve};
use crate::config_file;
use crate::error::{CliError, Usage, verdict};
use crate::export;
use crate::text::Ansi;

/// Transforms the export, writes the files it should, and prints what it did.
pub fn run(args: &TransformArgs) -> Result<ExitCode, CliError> {
    let loaded = config_file::load(args.config.as_deref())?;
    check_targets(args)?;
    let export = export::open(&args.input)?;
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
    outputs.keep_invalid = args.keep_invalid;
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

    let said = match args.format {
        SummaryFormat::Text => {
            let mut out = anstream::AutoStream::auto(io::stdout().lock());
            write_text(&mut out, &done, args, written)
        }
        SummaryFormat::Json => write_json(&done, args, written),
    };
    let code = ExitCode::from(u8::from(!written || done.summary.rejected > 0));
    verdict(said.map_err(CliError::output), code)
}

/// `{"written", "output", "summary", "report"}`, pretty-printed; the report (a
/// million issues, for a whole workforce) is written as it is rendered.
fn write_json(done: &Transformed, args: &TransformArgs, written: bool) -> io::Result<()> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    // The small parts through serde, indented one level as parts of the object.
    let nested = |json: serde_json::Result<String>| -> io::Result<String> {
        Ok(json?.replace('\n', "\n  "))
    };
    let output = nested(serde_json::to_string_pretty(
        &written.then(|| args.output.display().to_string()),
    ))?;
    let summary = nested(serde_json::to_string_pretty(&done.summary))?;
    write!(
        out,
        "{{\n  \"written\": {written},\n  \"kept_invalid\": {},\n  \"output\": {output},\n  \"summary\": {summary},\n  \"report\": ",
        done.kept_invalid()
    )?;
    done.report.write_json_at(&mut out, 1)?;
    out.write_all(b"\n}\n")?;
    out.flush()
}

/// Refuses to write over the input, two outputs to one file, or a file not to
/// send (kept invalid rows, rejects, a change log) under a name Alleo picks up.
fn check_targets(args: &TransformArgs) -> Result<(), CliError> {
    // A name Alleo picks up, and one beside the output that it does not.
    let output = args.output.file_name().map(|n| n.to_string_lossy());
    let picked_up = |path: Option<&PathBuf>, kind| {
        let name = path?.file_name()?.to_string_lossy().into_owned();
        let other = companion_name(output.as_deref().unwrap_or("export.csv"), kind);
        is_picked_up(&name).then_some((name, other))
    };
    let kept = picked_up(args.keep_invalid.then_some(&args.output), Companion::ToFix);
    if let Some((name, other)) = kept {
        return Err(CliError::Usage(Usage::KeepInvalidName { name, other }));
    }
    let not_to_send = [
        ("--rejects", args.rejects.as_ref(), Companion::Rejects),
        ("--changes", args.changes.as_ref(), Companion::Changes),
    ];
    for (flag, path, kind) in not_to_send {
        if let Some((name, other)) = picked_up(path, kind) {
            return Err(CliError::Usage(Usage::PickedUp { flag, name, other }));
        }
    }
    // Each file taken, and by which option (`None`: the input).
    let mut taken: Vec<(PathBuf, Option<&'static str>)> = Vec::new();
    if args.input != "-" {
        let input = Path::new(&args.input);
        if let Ok(path) = resolve(input) {
            taken.push((path, None));
        }
    }
    let targets = [
        ("--output", Some(&args.output)),
        ("--rejects", args.rejects.as_ref()),
        ("--changes", args.changes.as_ref()),
    ];
    for (flag, path) in targets {
        let Some(path) = path else { continue };
        if path.as_os_str() == "-" {
            return Err(CliError::Usage(Usage::OutputIsStdout { flag }));
        }
        if path.is_dir() {
            let path = path.clone();
            return Err(CliError::Usage(Usage::OutputIsFolder { flag, path }));
        }
        let resolved = resolve(path).map_err(|source| CliError::OutputFile {
            path: path.clone(),
            source,
        })?;
        if let Some(&(_, by)) = taken.iter().find(|(p, _)| *p == resolved) {
            let path = path.clone();
            return Err(CliError::Usage(match by {
                None => Usage::OutputIsInput { flag, path },
                Some(other) => Usage::OutputsShare { flag, path, other },
            }));
        }
        taken.push((resolved, Some(flag)));
    }
    Ok(())
}

/// The summary, in the core's words.
fn write_text(
    out: &mut impl Write,
    done: &Transformed,
    args: &TransformArgs,
    written: bool,
) -> io::Result<()> {
    let shown = |p: &Path| p.display().to_string();
    let rejects = args.rejects.as_deref().map(shown);
    let changes = args.changes.as_deref().map(shown);
    let files = Files {
        input: (args.input != "-").then_some(args.input.as_str()),
        output: &shown(&args.output),
        rejects: rejects.as_deref(),
        changes: changes.as_deref(),
    };
    write_transform(out, done, &files, written, &Ansi::default())
}
