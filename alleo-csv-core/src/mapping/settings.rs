//! The `[input]` and `[custom_fields]` settings read from an export's values.

use super::as_toml::quoted;
use super::values::{DATE_FORMATS, Stats, swapped};
use super::words::Notes;
use super::{ColumnSuggestion, Setting};
use crate::config::{Config, CustomType, Target};
use crate::input::{DateFormat, Delimiter, Encoding};
use crate::messages::Lang;

/// `[input]`: the delimiter and encoding when not Alleo's, the date format the
/// values read in (written commented out, with both readings, when the values
/// read as well day first as month first), decimal commas.
pub(super) fn input(
    preview: &crate::transform::Preview,
    stats: &[Stats],
    columns: &[ColumnSuggestion],
    lang: Lang,
) -> Vec<Setting> {
    let t = Notes::of(lang);
    let mut out = Vec::new();
    if let Some(d) = preview.delimiter.filter(|&d| d != Delimiter::COMMA) {
        out.push(setting(
            "delimiter",
            quoted(d.name()),
            t.delimiter.to_owned(),
            true,
        ));
    }
    if let Some(e) = preview.encoding.filter(|&e| e != Encoding::UTF_8) {
        out.push(setting(
            "encoding",
            quoted(e.name()),
            (t.encoding)(e.name()),
            true,
        ));
    }
    let date_columns: Vec<&Stats> = stats
        .iter()
        .zip(columns)
        .filter(|(s, c)| {
            let date_field = matches!(&c.target, Some(Target::Field(f)) if f.is_date());
            let sent = c.leave_out.is_none();
            sent && (date_field || (s.all_dates() && s.iso < s.filled))
        })
        .map(|(s, _)| s)
        .collect();
    let reads = |format: &str| -> usize {
        let f = DATE_FORMATS.iter().position(|x| *x == format).unwrap_or(0);
        date_columns.iter().map(|s| s.by_format[f]).sum()
    };
    let best = DATE_FORMATS
        .iter()
        .copied()
        .map(|f| (reads(f), f))
        .filter(|&(n, _)| n > 0)
        .fold(None, |best: Option<(usize, &str)>, (n, f)| match best {
            Some((b, _)) if b >= n => best,
            _ => Some((n, f)),
        });
    if let Some((read, format)) = best {
        let display = |f: &str| DateFormat::new(f).map(|f| f.display()).unwrap_or_default();
        match swapped(format).filter(|&twin| reads(twin) == read) {
            // Every value reads as well day first as month first: never guessed.
            Some(twin) => {
                for f in [format, twin] {
                    let note = (t.either_way)(read, &display(format), &display(twin));
                    out.push(setting("date_format", quoted(f), note, false));
                }
            }
            None => out.push(setting(
                "date_format",
                quoted(format),
                (t.dates)(read, &display(format)),
                true,
            )),
        }
    }
    let commas: usize = stats.iter().map(|s| s.comma_decimals).sum();
    if commas > 0 {
        let example = stats
            .iter()
            .find_map(|s| s.comma_example.clone())
            .unwrap_or_default();
        out.push(setting(
            "decimal_comma",
            "true".to_owned(),
            (t.commas)(commas, &example),
            true,
        ));
    }
    out
}

/// `[custom_fields]`: a type for each custom field whose values are all of one kind.
pub(super) fn custom_fields(
    columns: &[ColumnSuggestion],
    stats: &[Stats],
    config: &Config,
    lang: Lang,
) -> Vec<Setting> {
    let t = Notes::of(lang);
    let mut out = Vec::new();
    for (c, s) in columns.iter().zip(stats) {
        let Some(Target::Custom(name)) = &c.target else {
            continue;
        };
        if s.filled == 0 || config.custom_fields.0.keys().any(|k| k.as_str() == name) {
            continue;
        }
        let ty = if s.integers == s.filled {
            CustomType::Integer
        } else if s.dates == s.filled {
            CustomType::Date
        } else if s.decimals == s.filled {
            CustomType::Decimal
        } else {
            continue;
        };
        let word = match ty {
            CustomType::Integer => t.integers,
            CustomType::Date => t.dates_word,
            _ => t.decimals,
        };
        let apply = !c.needed || c.apply();
        out.push(Setting {
            column: Some(c.position),
            ..setting(
                name,
                quoted(ty.as_str()),
                (t.all_values)(s.filled, word),
                apply,
            )
        });
    }
    out
}

fn setting(key: &str, value: String, note: String, apply: bool) -> Setting {
    Setting {
        key: key.to_owned(),
        value,
        note,
        apply,
        column: None,
    }
}
