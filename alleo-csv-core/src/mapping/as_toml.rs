//! The suggestions written as `alleo.toml` sections, each line with its confidence
//! and reason as a comment.

use std::fmt::Write as _;

use super::values::ValueKind;
use super::words::Notes;
use super::{ColumnSuggestion, Confidence, LeaveOut, Reason, Setting, Suggestions};
use crate::config::Target;
use crate::field::normalize_header;
use crate::messages::Lang;

/// A TOML basic string.
pub(super) fn quoted(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

impl Suggestions {
    /// The suggestions as `alleo.toml` sections, each line with its confidence and
    /// reason as a comment; lines to decide on are commented out. `source` names the
    /// export in the heading.
    ///
    /// ```
    /// use alleo_csv_core::{Config, Lang, mapping::suggest, transform::preview, Input};
    /// let export = "E-mailadres;Voornaam;Achternaam;Email consent\nj@example.nl;Jan;Jansen;ja\n";
    /// let p = preview(export.as_bytes(), &Input::default(), None, 100).unwrap();
    /// let toml = suggest(&p, &Config::default(), Lang::En).to_toml("export.csv", Lang::En);
    /// assert!(toml.contains("\n\"E-mailadres\" = \"email\""));
    /// assert!(toml.contains("\n# \"Email consent\" = "));
    /// assert!(toml.contains("\ndelimiter = \";\""));
    /// ```
    pub fn to_toml(&self, source: &str, lang: Lang) -> String {
        let t = Notes::of(lang);
        let mut out = (t.heading)(source);
        let settings = |list: &[Setting]| {
            list.iter()
                .map(|s| (s.apply, format!("{} = {}", s.key, s.value), s.note.clone()))
                .collect::<Vec<_>>()
        };
        section(&mut out, "input", settings(&self.input));
        self.write_ignore(&mut out, &t);
        let mut seen = std::collections::HashSet::new();
        let mapping = self
            .columns
            .iter()
            .filter(|c| c.needed && seen.insert(normalize_header(&c.header)))
            .filter(|c| {
                !matches!(
                    c.leave_out,
                    Some(LeaveOut::Sensitive { .. } | LeaveOut::NotForAlleo)
                )
            })
            .filter_map(|c| {
                let target = c.target.as_ref()?;
                let line = format!("{} = {}", quoted(&c.header), quoted(target.name()));
                Some((c.apply(), line, note(c, &t)))
            })
            .collect();
        section(&mut out, "mapping", mapping);
        section(&mut out, "custom_fields", settings(&self.custom_fields));
        let own: Vec<&str> = self
            .columns
            .iter()
            .filter(|c| !c.needed)
            .map(|c| c.header.as_str())
            .collect();
        if !own.is_empty() {
            let _ = write!(out, "\n# {}: {}\n", t.own_names, own.join(", "));
        }
        let unnamed: Vec<String> = self
            .columns
            .iter()
            .filter(|c| c.target.is_none() && c.leave_out.is_none())
            .map(|c| c.position.to_string())
            .collect();
        if !unnamed.is_empty() {
            let _ = write!(out, "\n# {}: {}\n", t.unnamed, unnamed.join(", "));
        }
        out
    }

    /// Each column's note in `lang`, in column order: why it is left out, or the
    /// comment its `[mapping]` line has (confidence, reason, evidence).
    pub fn notes(&self, lang: Lang) -> Vec<String> {
        let t = Notes::of(lang);
        self.columns
            .iter()
            .map(|c| match c.leave_out {
                Some(why) => left_out(why, &t),
                None => note(c, &t),
            })
            .collect()
    }

    /// The columns left out, as `ignore = [...]` under `[input]` (opening the
    /// section when the settings did not), each with why.
    fn write_ignore(&self, out: &mut String, t: &Notes) {
        let left: Vec<(&str, String)> = self
            .columns
            .iter()
            .filter_map(|c| Some((c.header.as_str(), left_out(c.leave_out?, t))))
            .collect();
        if left.is_empty() {
            return;
        }
        if self.input.is_empty() {
            out.push_str("\n[input]\n");
        }
        let items: Vec<String> = left
            .iter()
            .map(|(h, _)| format!("{},", quoted(h)))
            .collect();
        let width = items.iter().map(|i| i.chars().count()).max().unwrap_or(0);
        out.push_str("ignore = [\n");
        for (item, (_, why)) in items.iter().zip(&left) {
            let pad = width - item.chars().count();
            let _ = writeln!(out, "    {item}{:pad$}  # {why}", "");
        }
        out.push_str("]\n");
    }
}

/// Why a column is left out, in words.
fn left_out(why: LeaveOut, t: &Notes) -> String {
    match why {
        LeaveOut::Sensitive { reason } => t.why_sensitive(reason).to_owned(),
        LeaveOut::NotForAlleo => t.not_for_alleo.to_owned(),
        LeaveOut::NoMatch => t.no_match.to_owned(),
        LeaveOut::Undecided => t.undecided.to_owned(),
    }
}

/// A section of `lines` (applied or not, the line, its note), the notes aligned;
/// nothing when there are none.
fn section(out: &mut String, name: &str, lines: Vec<(bool, String, String)>) {
    if lines.is_empty() {
        return;
    }
    let _ = write!(out, "\n[{name}]\n");
    let width = lines
        .iter()
        .map(|(_, l, _)| l.chars().count())
        .max()
        .unwrap_or(0);
    for (apply, line, note) in lines {
        let hash = if apply { "" } else { "# " };
        let pad = width - line.chars().count();
        let _ = writeln!(out, "{hash}{line}{:pad$}  # {note}", "");
    }
}

/// The comment after a mapping line: confidence, reason, evidence.
fn note(c: &ColumnSuggestion, t: &Notes) -> String {
    let confidence = match c.confidence {
        Confidence::High => t.high,
        Confidence::Medium => t.medium,
        Confidence::Low => t.low,
    };
    let target = c.target.as_ref().map_or("", Target::name);
    let label = match c.target {
        Some(Target::Field(f)) => format!("\"{}\"", f.label()),
        _ => format!(
            "\"{}\" ({})",
            target.trim_start_matches("custom_").replace('_', " "),
            t.custom_field
        ),
    };
    let mut reason = match &c.reason {
        Reason::AlleoName => t.alleo_name.to_owned(),
        Reason::AlreadyMapped => t.mapped.to_owned(),
        Reason::Synonym { language } => (t.synonym)(*language, &label),
        Reason::HrSystem { system } => (t.hr_system)(system, &label),
        Reason::Similar { to } => (t.similar)(to),
        Reason::Contains { word } => (t.contains)(word),
        Reason::ValuesOnly => t.values_only.to_owned(),
        Reason::Custom => t.custom.to_owned(),
        Reason::Taken { by } => (t.taken)(by),
    };
    if let Some(e) = c.evidence {
        let kind = match e.kind {
            ValueKind::Email => t.kinds[0],
            ValueKind::Date => t.kinds[1],
            ValueKind::Language => t.kinds[2],
            ValueKind::Integer => t.integers,
            ValueKind::Decimal => t.decimals,
        };
        let _ = write!(reason, "; {}", (t.evidence)(e.matching, e.of, kind));
    }
    format!("{confidence}: {reason}")
}
