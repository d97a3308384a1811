//! German messages (Deutsch).

use super::{Parts, delimiter_name};
use crate::issue::{Detail, Issue};
use crate::rules::date::{DateHint, DateProblem};
use crate::rules::email::EmailProblem;

const SAVE_UTF8: &str = "speichern Sie sie als \"CSV UTF-8 (durch Trennzeichen getrennt)\" (in Excel: Datei > Speichern unter)";

pub(super) fn message(i: &Issue, p: &Parts<'_>) -> String {
    let Parts { col, v, show } = p;
    match &i.detail {
        Detail::EmptyFile => "Die Datei ist leer: Sie braucht eine Kopfzeile (Email, First name, Last name, ...) und eine Zeile pro Mitarbeiter.".into(),
        Detail::Encoding { utf16: true, .. } => format!("Die Datei ist als UTF-16 gespeichert, das Alleo nicht lesen kann; {SAVE_UTF8}."),
        Detail::Encoding { row: r, byte, .. } => {
            let at = r.map(|r| format!("Zeile {r}, ")).unwrap_or_default();
            format!("Die Datei ist nicht UTF-8 (erstes fehlerhaftes Byte: {at}Byte {byte}, gezählt ab 0), daher kämen Namen mit Umlauten verstümmelt an; {SAVE_UTF8}.")
        }
        Detail::Delimiter { found } => format!(
            "Die Spalten sind durch {} statt durch Kommas getrennt; Alleo akzeptiert nur Kommas. Speichern Sie die Datei als \"CSV UTF-8 (durch Trennzeichen getrennt)\" mit Komma.",
            delimiter_name(*found, ["Tabulatoren", "senkrechte Striche", "Semikolons"])
        ),
        Detail::FileName { name } => format!(
            "Der Dateiname {name} folgt nicht Alleos Konvention alleo_employees_<ID>.csv (zum Beispiel alleo_employees_acme.csv); Alleo holt nur so benannte Dateien ab."
        ),
        Detail::MissingColumn { field } => format!(
            "Die Pflichtspalte {} fehlt. Fügen Sie sie hinzu, oder ordnen Sie Ihre Spalte im Abschnitt [mapping] von alleo.toml {} zu.",
            field.label(),
            field.key()
        ),
        Detail::DuplicateColumn { first } => format!(
            "Spalte {col} enthält dasselbe Feld wie Spalte {first}; behalten Sie nur eine davon."
        ),
        Detail::UnknownColumn { position, .. } if col.trim().is_empty() => {
            format!("Spalte {position} hat keine Überschrift. Geben Sie ihr einen Namen, oder entfernen Sie die Spalte.")
        }
        Detail::UnknownColumn { suggestion, .. } => {
            let hint = suggestion.as_ref().map(|s| format!(" Meinten Sie {s}?")).unwrap_or_default();
            format!("Spalte {col} ist kein Alleo-Feld.{hint} Benennen Sie sie um, ordnen Sie sie im Abschnitt [mapping] von alleo.toml zu, oder nennen Sie sie custom_<name>, um sie als eigenes Feld hochzuladen.")
        }
        Detail::CustomFieldName { suggestion: Some(s), reporting: true } => format!(
            "Spalte {col} ist der Name aus Alleos Berichten; in der Upload-Datei heißt das eigene Feld {s}."
        ),
        Detail::CustomFieldName { suggestion, .. } => {
            let hint = suggestion.as_ref().map(|s| format!("; schreiben Sie {s}")).unwrap_or_default();
            format!("Das eigene Feld {col} muss custom_ gefolgt von Kleinbuchstaben, Ziffern und _ heißen{hint}.")
        }
        Detail::RowLength { expected, found } => format!(
            "Diese Zeile hat {found} Felder, die Kopfzeile aber {expected}, daher wurde die Zeile nicht weiter geprüft. Ein Wert mit einem Komma muss in doppelten Anführungszeichen stehen."
        ),
        Detail::BlankRow => "Leere Zeile; entfernen Sie sie.".into(),
        Detail::Required => format!("{col} ist leer; jede Zeile braucht diesen Wert, auch wenn ein Mitarbeiter nur aktualisiert wird."),
        Detail::EmailFormat(problem) => format!("{col}{v} ist keine gültige E-Mail-Adresse: {}.", email_reason(*problem)),
        Detail::EmailDuplicate { first_row } if *show => format!(
            "E-Mail-Adresse{v} wird erneut verwendet; zuerst in Zeile {first_row}. Jeder Mitarbeiter braucht eine eigene Adresse."
        ),
        Detail::EmailDuplicate { first_row } => format!(
            "Diese E-Mail-Adresse wird erneut verwendet; zuerst in Zeile {first_row}. Jeder Mitarbeiter braucht eine eigene Adresse."
        ),
        Detail::DateFormat(DateProblem::NoSuchDay) => format!("{col}{v} ist kein echtes Datum: Diesen Tag gibt es im Kalender nicht."),
        Detail::DateFormat(DateProblem::Format(hint)) => {
            let fix = match hint {
                Some(DateHint::Write(d)) if *show => format!("schreiben Sie {d}"),
                Some(DateHint::Either(d, m)) if *show => format!("schreiben Sie {d} (Tag zuerst) oder {m} (Monat zuerst)"),
                Some(DateHint::Serial(d)) if *show => format!("das sieht nach einer Tageszahl aus einer Tabelle aus: Formatieren Sie die Spalte als Datum, oder schreiben Sie {d}"),
                _ => "schreiben Sie es wie 2026-12-31".into(),
            };
            format!("{col}{v} ist kein Datum in der Form JJJJ-MM-TT (YYYY-MM-DD); {fix}.")
        }
        Detail::DecimalFormat { hint } => {
            let fix = match hint {
                Some(h) if *show => format!("schreiben Sie {h}"),
                _ => "verwenden Sie Ziffern mit Punkt und ohne Tausendertrennzeichen, wie 1234.5".into(),
            };
            format!("{col}{v} ist keine Zahl mit Dezimalpunkt; {fix}.")
        }
        Detail::IntegerFormat { hint } => {
            let fix = match hint {
                Some(h) if *show => format!("schreiben Sie {h}"),
                _ => "verwenden Sie nur Ziffern, wie 42".into(),
            };
            format!("{col}{v} ist keine ganze Zahl; {fix}.")
        }
        Detail::Language { suggestion } => {
            let hint = suggestion.map(|s| format!(" Meinten Sie {s}?")).unwrap_or_default();
            format!("{col}{v} ist keine Sprache, die Alleo kennt.{hint} Verwenden Sie en, nl oder de, oder lassen Sie das Feld leer für die Standardsprache des Unternehmens.")
        }
        Detail::CompanyGroup { suggestion } => {
            let hint = suggestion.as_ref().map(|s| format!(" Meinten Sie {s}?")).unwrap_or_default();
            format!("{col}{v} ist keine Gruppe des Unternehmens.{hint} Der Wert muss genau einer in Alleo eingerichteten Gruppe entsprechen (siehe [company] groups in alleo.toml).")
        }
        Detail::OnboardingPast { as_of } => format!(
            "{col}{v} liegt vor dem Abholdatum {as_of}: in Ordnung für Mitarbeiter, die schon in Alleo sind, aber ein neuer Mitarbeiter mit diesem Datum wird abgelehnt. Verwenden Sie für neue Mitarbeiter {as_of} oder später, oder lassen Sie das Feld leer."
        ),
        Detail::OffboardingNotFuture { as_of } => format!(
            "{col}{v} liegt nicht nach dem Abholdatum {as_of}: in Ordnung für ein bereits deaktiviertes Konto, aber ein aktives Konto braucht ein Datum in der Zukunft."
        ),
        Detail::OffboardingShortNotice { days } => format!(
            "{col}{v} liegt nur {days} Tage nach dem Abholdatum; Alleo bittet, Austrittsdaten mindestens 30 Tage im Voraus zu setzen."
        ),
        Detail::OffboardingBeforeOnboarding { onboarding } if *show => format!(
            "{col}{v} liegt nicht nach dem Eintrittsdatum {onboarding}; das Austrittsdatum muss später sein."
        ),
        Detail::OffboardingBeforeOnboarding { .. } => format!(
            "{col} liegt nicht nach dem Eintrittsdatum dieser Zeile; das Austrittsdatum muss später sein."
        ),
        Detail::BirthdayImplausible { future: true } => format!("{col}{v} liegt in der Zukunft; prüfen Sie das Jahr."),
        Detail::BirthdayImplausible { future: false } => format!("{col}{v} liegt mehr als 120 Jahre zurück; prüfen Sie das Jahr."),
    }
}

fn email_reason(p: EmailProblem) -> String {
    match p {
        EmailProblem::Space => "sie enthält ein Leerzeichen".into(),
        EmailProblem::NoAt => "sie enthält kein @".into(),
        EmailProblem::ManyAt => "sie enthält mehr als ein @ (eine Adresse pro Zeile)".into(),
        EmailProblem::EmptyLocal => "vor dem @ steht nichts".into(),
        EmailProblem::EmptyDomain => "nach dem @ steht nichts".into(),
        EmailProblem::DomainNoDot => {
            "der Teil nach dem @ braucht einen Punkt, wie beispiel.de".into()
        }
        EmailProblem::Dots => {
            "ein Punkt steht am Anfang oder Ende eines Teils, oder zwei Punkte folgen aufeinander"
                .into()
        }
        EmailProblem::BadChar(c) => format!("sie enthält das Zeichen {c:?}"),
        EmailProblem::BadEnding => "sie muss auf Buchstaben enden, wie .de oder .com".into(),
        EmailProblem::TooLong => "sie ist länger, als eine Adresse sein kann".into(),
    }
}
