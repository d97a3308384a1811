//! What a transform did, counted, and said in a sentence.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::input::{Delimiter, Encoding};
use crate::messages::Lang;
use crate::transform::change::Rule;

/// The counts of a transform: what was read, written and rejected, and how often
/// each repair was made (in rows that were written).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// The encoding a CSV export was read in (`None` for a workbook).
    pub encoding: Option<Encoding>,
    /// Whether the encoding was detected rather than set in `[input]`.
    pub encoding_detected: bool,
    /// The field separator a CSV export was read with (`None` for a workbook).
    pub delimiter: Option<Delimiter>,
    /// Whether the separator was detected rather than set in `[input]`.
    pub delimiter_detected: bool,
    /// The worksheet a workbook was read from.
    pub sheet: Option<String>,
    /// How dates were read (`DD-MM-YYYY`), when `[input] date_format` is set.
    pub date_format: Option<String>,
    /// Employee rows read (the header and blank rows not counted).
    pub rows: u64,
    /// Rows written to the output.
    pub written: u64,
    /// Rows left out because they would still be invalid.
    pub rejected: u64,
    /// How many times each repair was made.
    pub changes: BTreeMap<Rule, u64>,
    /// The export's columns left out of the Alleo file, as the export names them
    /// (never their values).
    pub left_out: Vec<String>,
}

impl Summary {
    pub(crate) fn new() -> Summary {
        Summary {
            encoding: None,
            encoding_detected: false,
            delimiter: None,
            delimiter_detected: false,
            sheet: None,
            date_format: None,
            rows: 0,
            written: 0,
            rejected: 0,
            changes: BTreeMap::new(),
            left_out: Vec::new(),
        }
    }

    /// How often `rule` was applied.
    pub fn count(&self, rule: Rule) -> u64 {
        self.changes.get(&rule).copied().unwrap_or(0)
    }

    /// The repairs in one line: "converted 1,204 dates from DD-MM-YYYY; trimmed
    /// 12 values". `None` when nothing was changed.
    ///
    /// ```
    /// # use alleo_csv_core::{Config, Lang, transform::{transform, Outputs, TransformOptions}};
    /// let export = "Email;First name;Last name;Birthday\n a@example.nl;Ann;Smit;17-05-1990\n";
    /// let config: Config = toml::from_str("[input]\ndate_format = \"%d-%m-%Y\"").unwrap();
    /// let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    /// let mut out = Vec::new();
    /// let done = transform(export.as_bytes(), &config, TransformOptions::new(as_of), Outputs::new(&mut out)).unwrap();
    /// assert_eq!(done.summary.describe(Lang::En).unwrap(), "converted 1 date from DD-MM-YYYY; trimmed 1 value");
    /// assert_eq!(done.summary.describe(Lang::Nl).unwrap(), "1 datum omgezet van DD-MM-YYYY; 1 waarde bijgesneden");
    /// ```
    pub fn describe(&self, lang: Lang) -> Option<String> {
        let parts: Vec<String> = Rule::ALL
            .into_iter()
            .filter_map(|rule| {
                let n = self.count(rule);
                (n > 0).then(|| {
                    let phrase = phrase(rule, n, self.date_format.as_deref().unwrap_or("?"), lang);
                    if rule == Rule::LeftOut {
                        format!("{phrase} ({})", self.left_out.join(", "))
                    } else {
                        phrase
                    }
                })
            })
            .collect();
        (!parts.is_empty()).then(|| parts.join("; "))
    }
}

/// One repair's part of the summary sentence.
fn phrase(rule: Rule, n: u64, format: &str, lang: Lang) -> String {
    let count = lang.number(n);
    let one = n == 1;
    let pick = |singular: &'static str, plural: &'static str| if one { singular } else { plural };
    match lang {
        Lang::En => match rule {
            Rule::Header => format!("renamed {count} {}", pick("column", "columns")),
            Rule::Date => format!("converted {count} {} from {format}", pick("date", "dates")),
            Rule::DecimalComma => {
                format!("{count} {} from comma to dot", pick("decimal", "decimals"))
            }
            Rule::Language => format!("wrote {count} {} as a code", pick("language", "languages")),
            Rule::CompanyGroup => format!(
                "corrected the case of {count} company {}",
                pick("group", "groups")
            ),
            Rule::Trim => format!("trimmed {count} {}", pick("value", "values")),
            Rule::BlankRow => format!("left out {count} blank {}", pick("row", "rows")),
            Rule::LeftOut => format!("left out {count} {}", pick("column", "columns")),
            Rule::EmptyDate => format!(
                "left {count} {} meaning \"no date\" empty",
                pick("date", "dates")
            ),
            Rule::DayNumber => format!(
                "wrote {count} spreadsheet day {} as dates",
                pick("number", "numbers")
            ),
            Rule::DuplicateRow => format!(
                "left out {count} {} identical to an earlier one",
                pick("row", "rows")
            ),
        },
        Lang::Nl => match rule {
            Rule::Header => format!("{count} {} hernoemd", pick("kolom", "kolommen")),
            Rule::Date => format!("{count} {} omgezet van {format}", pick("datum", "datums")),
            Rule::DecimalComma => format!(
                "{count} {} van komma naar punt",
                pick("decimaal getal", "decimale getallen")
            ),
            Rule::Language => format!("{count} {} als code geschreven", pick("taal", "talen")),
            Rule::CompanyGroup => format!(
                "hoofdletters van {count} {} gecorrigeerd",
                pick("bedrijfsgroep", "bedrijfsgroepen")
            ),
            Rule::Trim => format!("{count} {} bijgesneden", pick("waarde", "waarden")),
            Rule::BlankRow => format!("{count} {} weggelaten", pick("lege rij", "lege rijen")),
            Rule::LeftOut => format!("{count} {} weggelaten", pick("kolom", "kolommen")),
            Rule::EmptyDate => format!(
                "{count} {} voor \"geen datum\" leeg gelaten",
                pick("datum", "datums")
            ),
            Rule::DayNumber => format!(
                "{count} {} als datum geschreven",
                pick(
                    "dagnummer uit een spreadsheet",
                    "dagnummers uit een spreadsheet"
                )
            ),
            Rule::DuplicateRow => format!(
                "{count} {} gelijk aan een eerdere weggelaten",
                pick("rij", "rijen")
            ),
        },
        Lang::De => match rule {
            Rule::Header => format!("{count} {} umbenannt", pick("Spalte", "Spalten")),
            Rule::Date => format!(
                "{count} {} aus {format} umgewandelt",
                pick("Datum", "Datumsangaben")
            ),
            Rule::DecimalComma => format!(
                "{count} {} von Komma auf Punkt",
                pick("Dezimalzahl", "Dezimalzahlen")
            ),
            Rule::Language => format!(
                "{count} {} als Code geschrieben",
                pick("Sprache", "Sprachen")
            ),
            Rule::CompanyGroup => format!(
                "Schreibweise von {count} {} korrigiert",
                pick("Unternehmensgruppe", "Unternehmensgruppen")
            ),
            Rule::Trim => format!("{count} {} von Leerzeichen befreit", pick("Wert", "Werte")),
            Rule::BlankRow => format!(
                "{count} {} ausgelassen",
                pick("leere Zeile", "leere Zeilen")
            ),
            Rule::LeftOut => format!("{count} {} ausgelassen", pick("Spalte", "Spalten")),
            Rule::EmptyDate => format!(
                "{count} {} für \"kein Datum\" leer gelassen",
                pick("Datum", "Datumsangaben")
            ),
            Rule::DayNumber => format!(
                "{count} {} als Datum geschrieben",
                pick("Tageszahl einer Tabelle", "Tageszahlen einer Tabelle")
            ),
            Rule::DuplicateRow => format!(
                "{count} {} gleich einer früheren ausgelassen",
                pick("Zeile", "Zeilen")
            ),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped_by_language() {
        assert_eq!(Lang::En.number(0), "0");
        assert_eq!(Lang::En.number(999), "999");
        assert_eq!(Lang::En.number(1204), "1,204");
        assert_eq!(Lang::Nl.number(1_000_000), "1.000.000");
    }

    #[test]
    fn every_rule_has_a_phrase_in_every_language() {
        for lang in Lang::ALL {
            for rule in Rule::ALL {
                let one = phrase(rule, 1, "DD-MM-YYYY", lang);
                let many = phrase(rule, 1204, "DD-MM-YYYY", lang);
                assert!(
                    one.contains('1') && many.contains('1') && one != many,
                    "{rule} {lang}"
                );
            }
        }
    }
}
