//! The words of the suggestions, in English, Dutch and German.

use crate::messages::Lang;
use crate::rules::sensitive::Sensitive;

/// The words of the suggestions, per language.
pub(super) struct Notes {
    pub(super) heading: fn(&str) -> String,
    pub(super) high: &'static str,
    pub(super) medium: &'static str,
    pub(super) low: &'static str,
    pub(super) alleo_name: &'static str,
    pub(super) mapped: &'static str,
    pub(super) synonym: fn(Lang, &str) -> String,
    pub(super) similar: fn(&str) -> String,
    pub(super) contains: fn(&str) -> String,
    pub(super) values_only: &'static str,
    pub(super) custom: &'static str,
    pub(super) taken: fn(&str) -> String,
    pub(super) evidence: fn(usize, usize, &str) -> String,
    /// Plural nouns: email addresses, dates, languages.
    pub(super) kinds: [&'static str; 3],
    pub(super) integers: &'static str,
    pub(super) decimals: &'static str,
    pub(super) dates_word: &'static str,
    pub(super) all_values: fn(usize, &str) -> String,
    pub(super) delimiter: &'static str,
    pub(super) encoding: fn(&str) -> String,
    pub(super) dates: fn(usize, &str) -> String,
    pub(super) commas: fn(usize, &str) -> String,
    pub(super) own_names: &'static str,
    pub(super) custom_field: &'static str,
    pub(super) unnamed: &'static str,
    pub(super) hr_system: fn(&str, &str) -> String,
    pub(super) either_way: fn(usize, &str, &str) -> String,
    /// Why a column is left out: national IDs, bank accounts, pay (by name), then
    /// BSNs, IBANs, tax IDs (by values).
    pub(super) sensitive: [&'static str; 6],
    pub(super) not_for_alleo: &'static str,
    pub(super) no_match: &'static str,
    pub(super) undecided: &'static str,
}

impl Notes {
    /// Why a column is sensitive, in these words.
    pub(super) fn why_sensitive(&self, reason: Sensitive) -> &'static str {
        self.sensitive[match reason {
            Sensitive::NationalIdHeader => 0,
            Sensitive::BankAccountHeader => 1,
            Sensitive::PayHeader => 2,
            Sensitive::BsnValues => 3,
            Sensitive::IbanValues => 4,
            Sensitive::TaxIdValues => 5,
        }]
    }
}

impl Notes {
    #[allow(clippy::too_many_lines)] // three languages of one table
    pub(super) fn of(lang: Lang) -> Notes {
        match lang {
            Lang::En => Notes {
                heading: |s| {
                    format!(
                        "# Suggested by `alleo-sync mapping suggest {s}`. Check every line before you use it:\n# nothing here is applied until it is in alleo.toml. Lines to decide on are commented out.\n"
                    )
                },
                high: "high",
                medium: "medium",
                low: "low",
                alleo_name: "Alleo's own name",
                mapped: "already in your alleo.toml",
                synonym: |l, label| {
                    format!(
                        "{} for {label}",
                        ["English", "Dutch", "German"][lang_index(l)]
                    )
                },
                similar: |to| format!("spelled like \"{to}\""),
                contains: |w| format!("contains \"{w}\"; check that the column holds that"),
                values_only: "the header says nothing, but the values are email addresses",
                custom: "no Alleo field matches: a custom field, only if Alleo should have this column; else leave it out of the export",
                taken: |by| format!("column \"{by}\" is the better match"),
                evidence: |m, n, k| format!("{m} of {n} values are {k}"),
                kinds: ["email addresses", "dates", "languages"],
                integers: "whole numbers",
                decimals: "decimals",
                dates_word: "dates",
                all_values: |n, k| format!("all {n} values are {k}"),
                delimiter: "detected from the header",
                encoding: |e| format!("the file is not UTF-8; read as {e}"),
                dates: |n, f| format!("{n} dates read as {f}"),
                commas: |n, e| format!("{n} decimals written with a comma, such as \"{e}\""),
                own_names: "Already Alleo's names, no mapping needed",
                custom_field: "a custom field",
                unnamed: "Columns without a header: left out while they hold no values; a value in one stops the transform",
                hr_system: |s, label| format!("{s}'s name for {label}"),
                either_way: |n, a, b| {
                    format!(
                        "{n} dates read as {a}, and as many as {b} (no day above 12): keep the line of the order your system writes"
                    )
                },
                sensitive: [
                    "national ID numbers: Alleo must not receive them",
                    "bank account numbers: Alleo must not receive them",
                    "pay: Alleo must not receive it",
                    "the values are citizen service numbers (BSN): Alleo must not receive them",
                    "the values are IBANs: Alleo must not receive them",
                    "the values are tax identification numbers: Alleo must not receive them",
                ],
                not_for_alleo: "a private email address: Alleo uses the work address",
                no_match: "no Alleo field matches; to send it after all, use its commented line in [mapping]",
                undecided: "what it holds is unsure; its commented line in [mapping] would send it",
            },
            Lang::Nl => Notes {
                heading: |s| {
                    format!(
                        "# Voorgesteld door `alleo-sync mapping suggest {s}`. Controleer elke regel:\n# niets hiervan geldt voordat het in alleo.toml staat. Regels om over te beslissen staan uitgeschakeld.\n"
                    )
                },
                high: "hoog",
                medium: "middel",
                low: "laag",
                alleo_name: "de naam die Alleo gebruikt",
                mapped: "staat al in uw alleo.toml",
                synonym: |l, label| {
                    format!(
                        "{} voor {label}",
                        ["Engels", "Nederlands", "Duits"][lang_index(l)]
                    )
                },
                similar: |to| format!("gespeld als \"{to}\""),
                contains: |w| format!("bevat \"{w}\"; controleer of de kolom dat bevat"),
                values_only: "de kopregel zegt niets, maar de waarden zijn e-mailadressen",
                custom: "geen Alleo-veld past: een eigen veld, alleen als Alleo deze kolom moet krijgen; laat hem anders weg uit de export",
                taken: |by| format!("kolom \"{by}\" past beter"),
                evidence: |m, n, k| format!("{m} van {n} waarden zijn {k}"),
                kinds: ["e-mailadressen", "datums", "talen"],
                integers: "gehele getallen",
                decimals: "decimale getallen",
                dates_word: "datums",
                all_values: |n, k| format!("alle {n} waarden zijn {k}"),
                delimiter: "herkend in de kopregel",
                encoding: |e| format!("het bestand is geen UTF-8; gelezen als {e}"),
                dates: |n, f| format!("{n} datums gelezen als {f}"),
                commas: |n, e| format!("{n} decimale getallen met een komma, zoals \"{e}\""),
                own_names: "Al namen van Alleo, geen mapping nodig",
                custom_field: "een eigen veld",
                unnamed: "Kolommen zonder kopregel: weggelaten zolang ze leeg zijn; een waarde in een ervan stopt de transform",
                hr_system: |s, label| format!("de naam in {s} voor {label}"),
                either_way: |n, a, b| {
                    format!(
                        "{n} datums gelezen als {a}, en evenveel als {b} (geen dag boven 12): houd de regel van de volgorde die uw systeem schrijft"
                    )
                },
                sensitive: [
                    "nationale identificatienummers: Alleo mag ze niet ontvangen",
                    "bankrekeningnummers: Alleo mag ze niet ontvangen",
                    "salarisgegevens: Alleo mag ze niet ontvangen",
                    "de waarden zijn burgerservicenummers (BSN): Alleo mag ze niet ontvangen",
                    "de waarden zijn IBAN's: Alleo mag ze niet ontvangen",
                    "de waarden zijn fiscale identificatienummers: Alleo mag ze niet ontvangen",
                ],
                not_for_alleo: "een privé-e-mailadres: Alleo gebruikt het werkadres",
                no_match: "geen Alleo-veld past; om hem toch te versturen, gebruik zijn uitgeschakelde regel in [mapping]",
                undecided: "onzeker wat hij bevat; zijn uitgeschakelde regel in [mapping] zou hem versturen",
            },
            Lang::De => Notes {
                heading: |s| {
                    format!(
                        "# Vorgeschlagen von `alleo-sync mapping suggest {s}`. Prüfen Sie jede Zeile:\n# nichts davon gilt, bevor es in alleo.toml steht. Zeilen zum Entscheiden sind auskommentiert.\n"
                    )
                },
                high: "hoch",
                medium: "mittel",
                low: "niedrig",
                alleo_name: "der Name, den Alleo verwendet",
                mapped: "steht schon in Ihrer alleo.toml",
                synonym: |l, label| {
                    format!(
                        "{} für {label}",
                        ["Englisch", "Niederländisch", "Deutsch"][lang_index(l)]
                    )
                },
                similar: |to| format!("geschrieben wie \"{to}\""),
                contains: |w| format!("enthält \"{w}\"; prüfen Sie, ob die Spalte das enthält"),
                values_only: "die Kopfzeile sagt nichts, aber die Werte sind E-Mail-Adressen",
                custom: "kein Alleo-Feld passt: ein eigenes Feld, nur wenn Alleo diese Spalte bekommen soll; sonst lassen Sie sie im Export weg",
                taken: |by| format!("Spalte \"{by}\" passt besser"),
                evidence: |m, n, k| format!("{m} von {n} Werten sind {k}"),
                kinds: ["E-Mail-Adressen", "Datumsangaben", "Sprachen"],
                integers: "ganze Zahlen",
                decimals: "Dezimalzahlen",
                dates_word: "Datumsangaben",
                all_values: |n, k| format!("alle {n} Werte sind {k}"),
                delimiter: "in der Kopfzeile erkannt",
                encoding: |e| format!("die Datei ist kein UTF-8; gelesen als {e}"),
                dates: |n, f| format!("{n} Datumsangaben gelesen als {f}"),
                commas: |n, e| format!("{n} Dezimalzahlen mit Komma, wie \"{e}\""),
                own_names: "Schon Namen von Alleo, kein Mapping nötig",
                custom_field: "ein eigenes Feld",
                unnamed: "Spalten ohne Überschrift: ausgelassen, solange sie leer sind; ein Wert in einer davon stoppt die Umwandlung",
                hr_system: |s, label| format!("der Name in {s} für {label}"),
                either_way: |n, a, b| {
                    format!(
                        "{n} Datumsangaben gelesen als {a}, und ebenso viele als {b} (kein Tag über 12): behalten Sie die Zeile der Reihenfolge, die Ihr System schreibt"
                    )
                },
                sensitive: [
                    "nationale Identifikationsnummern: Alleo darf sie nicht erhalten",
                    "Bankverbindungen: Alleo darf sie nicht erhalten",
                    "Gehaltsangaben: Alleo darf sie nicht erhalten",
                    "die Werte sind niederländische Bürgerservicenummern (BSN): Alleo darf sie nicht erhalten",
                    "die Werte sind IBANs: Alleo darf sie nicht erhalten",
                    "die Werte sind steuerliche Identifikationsnummern: Alleo darf sie nicht erhalten",
                ],
                not_for_alleo: "eine private E-Mail-Adresse: Alleo verwendet die geschäftliche",
                no_match: "kein Alleo-Feld passt; um sie doch zu senden, nutzen Sie ihre auskommentierte Zeile in [mapping]",
                undecided: "unsicher, was sie enthält; ihre auskommentierte Zeile in [mapping] würde sie senden",
            },
        }
    }
}

pub(super) fn lang_index(l: Lang) -> usize {
    match l {
        Lang::En => 0,
        Lang::Nl => 1,
        Lang::De => 2,
    }
}
