//! German messages (Deutsch).

use super::{Parts, delimiter_name};
use crate::code::Code;
use crate::issue::{Detail, IssueRef};
use crate::rules::date::{DateHint, DateProblem};
use crate::rules::email::EmailProblem;
use crate::rules::sensitive::Sensitive;

const SAVE_UTF8: &str = "speichern Sie sie als \"CSV UTF-8 (durch Trennzeichen getrennt)\" (in Excel: Datei > Speichern unter)";

// One arm per detail, so that the compiler proves every code has a message.
#[allow(clippy::too_many_lines)]
pub(super) fn message(i: &IssueRef<'_>, p: &Parts<'_>) -> String {
    let Parts { col, v, show } = p;
    match i.detail {
        Detail::EmptyFile => "Die Datei ist leer: Sie braucht eine Kopfzeile (Email, First name, Last name, ...) und eine Zeile pro Mitarbeiter.".into(),
        Detail::NotText { workbook: true } => format!("Die Datei ist eine Excel-Arbeitsmappe, keine CSV-Datei, daher kann Alleo sie nicht lesen; {SAVE_UTF8}, oder lassen Sie alleo-sync transform daraus die Alleo-Datei machen."),
        Detail::NotText { workbook: false } => format!("Die Datei ist kein Text, den Alleo lesen kann (sie enthält NUL-Bytes, wie eine Arbeitsmappe, ein Archiv oder eine UTF-16-Datei); {SAVE_UTF8}."),
        Detail::Encoding { utf16: true, .. } => format!("Die Datei ist als UTF-16 gespeichert, das Alleo nicht lesen kann; {SAVE_UTF8}."),
        Detail::Encoding { row: r, byte, .. } => {
            let at = r.map(|r| format!("Zeile {r}, ")).unwrap_or_default();
            format!("Die Datei ist nicht UTF-8 (erstes fehlerhaftes Byte: {at}Byte {byte}, gezählt ab 0), daher kämen Namen mit Umlauten verstümmelt an; {SAVE_UTF8}.")
        }
        Detail::SepLine { found } => format!(
            "Die Datei beginnt mit der Zeile sep={}, die Excel für sich selbst schreibt; Alleo würde sie als Kopfzeile lesen. Entfernen Sie diese Zeile (alleo-sync transform lässt sie weg) und speichern Sie die Datei als \"CSV UTF-8 (durch Trennzeichen getrennt)\".",
            if *found == '\t' { "\\t".to_owned() } else { found.to_string() }
        ),
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
        Detail::UnclosedQuote => "Ein doppeltes Anführungszeichen, das in dieser Zeile geöffnet wird, wird nie geschlossen: die Zeilen danach wurden als ein Wert gelesen und fehlen. Schließen Sie das Anführungszeichen oder entfernen Sie es.".into(),
        Detail::BlankRow => "Leere Zeile; entfernen Sie sie.".into(),
        Detail::Required => format!("{col} ist leer; jede Zeile braucht diesen Wert, auch wenn ein Mitarbeiter nur aktualisiert wird."),
        Detail::ExcelError => format!("{col}{v} ist ein Excel-Fehler, kein Wert: eine Formel im Export ist fehlgeschlagen. Beheben Sie sie, oder leeren Sie die Zelle."),
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
        Detail::OnboardingPast { as_of, new_employee: true } => format!(
            "{col}{v} liegt vor dem Abholdatum {as_of}, und dieser Mitarbeiter ist neu: Alleo lehnt neue Mitarbeiter mit einem Onboarding-Datum in der Vergangenheit ab. Verwenden Sie {as_of} oder später, oder lassen Sie das Feld leer."
        ),
        Detail::OnboardingPast { as_of, .. } => format!(
            "{col}{v} liegt vor dem Abholdatum {as_of}: in Ordnung für Mitarbeiter, die schon in Alleo sind, aber ein neuer Mitarbeiter mit diesem Datum wird abgelehnt. Verwenden Sie für neue Mitarbeiter {as_of} oder später, oder lassen Sie das Feld leer."
        ),
        Detail::OffboardingNotFuture { as_of, changed: true } => format!(
            "{col}{v} liegt nicht nach dem Abholdatum {as_of}: ein neu gesetztes oder geändertes Offboarding-Datum muss in der Zukunft liegen."
        ),
        Detail::OffboardingNotFuture { as_of, .. } => format!(
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
        Detail::OnboardingDateLocked { previous } if *show && previous.trim().is_empty() => format!(
            "{col} war in der vorigen Datei leer und ist jetzt{v}: Das Onboarding-Datum eines Mitarbeiters kann nicht mehr gesetzt oder geändert werden, sobald er in Alleo ist. Lassen Sie es leer; muss es gesetzt werden, fragen Sie admin-support@alleo.nl."
        ),
        Detail::OnboardingDateLocked { previous } if *show => format!(
            "{col} war {previous} und ist jetzt{v}: Das Onboarding-Datum eines Mitarbeiters kann nicht mehr geändert werden, sobald er in Alleo ist. Setzen Sie {previous} wieder ein; muss es sich ändern, fragen Sie admin-support@alleo.nl."
        ),
        Detail::OnboardingDateLocked { .. } => format!(
            "{col} weicht von der vorigen Datei ab: Das Onboarding-Datum eines Mitarbeiters kann nicht mehr geändert werden, sobald er in Alleo ist. Setzen Sie das frühere Datum wieder ein; muss es sich ändern, fragen Sie admin-support@alleo.nl."
        ),
        Detail::OffboardingRemoved { previous } if *show => format!(
            "{col} war {previous} und ist jetzt leer: Ein gesetztes Offboarding-Datum kann nicht entfernt werden. Setzen Sie {previous} wieder ein; um den Mitarbeiter zu behalten, wenden Sie sich an admin-support@alleo.nl."
        ),
        Detail::OffboardingRemoved { .. } => format!(
            "{col} war in der vorigen Datei gesetzt und ist jetzt leer: Ein gesetztes Offboarding-Datum kann nicht entfernt werden. Setzen Sie es wieder ein; um den Mitarbeiter zu behalten, wenden Sie sich an admin-support@alleo.nl."
        ),
        Detail::ReactivationRequired { deactivated } if *show => format!(
            "Das Konto dieses Mitarbeiters wurde am {deactivated} deaktiviert (das Offboarding-Datum der vorigen Datei), und {col} hat sich geändert: Alleo ändert oder reaktiviert ein deaktiviertes Konto nicht über die Datei. Zur Reaktivierung wenden Sie sich an admin-support@alleo.nl; sonst stellen Sie die Zeile wieder her."
        ),
        Detail::ReactivationRequired { .. } => format!(
            "Das Konto dieses Mitarbeiters ist deaktiviert (durch das Offboarding-Datum der vorigen Datei), und {col} hat sich geändert: Alleo ändert oder reaktiviert ein deaktiviertes Konto nicht über die Datei. Zur Reaktivierung wenden Sie sich an admin-support@alleo.nl; sonst stellen Sie die Zeile wieder her."
        ),
        Detail::Absent => {
            let who = if *show { i.value.unwrap_or_default().to_owned() } else { "Ein Mitarbeiter".to_owned() };
            format!("{who} war in der vorigen Datei, fehlt aber in dieser. Alleo deaktiviert keine Mitarbeiter, die fehlen; das tut nur ein Offboarding-Datum. Zum Deaktivieren behalten Sie die Zeile und setzen ein Offboarding-Datum. Hat sich die E-Mail-Adresse geändert: Ohne externe ID legt Alleo ein zweites Konto an und dieses bleibt aktiv; E-Mail-Änderungen gehen an admin-support@alleo.nl.")
        }
        Detail::EmailChangeSuspected { previous_email } => {
            let old = if *show { format!(" ({previous_email})") } else { String::new() };
            format!("{col}{v} ist neu, und ein Mitarbeiter mit demselben Namen{old} fehlt in dieser Datei: Ist das eine E-Mail-Änderung, legt Alleo ein zweites Konto an und das alte bleibt aktiv, da es keine externe ID gibt. E-Mail-Änderungen gehen an admin-support@alleo.nl.")
        }
        Detail::MassDeactivation { count, limit, previous } => format!(
            "Diese Datei plant {count} Deaktivierungen, mehr als die erlaubten {limit} ([safety] max_deactivations in alleo.toml; der vorige Stand hat {previous} Mitarbeiter). Ein Fehler hier deaktiviert Menschen; ist es so gewollt, führen Sie den Befehl erneut mit --allow-deactivations {count} aus."
        ),
        Detail::SensitiveData { reason } => {
            let what = match reason {
                Sensitive::NationalIdHeader => "nationale Identifikationsnummern (der Name sagt es)",
                Sensitive::BankAccountHeader => "Bankverbindungen (der Name sagt es)",
                Sensitive::PayHeader => "Gehaltsangaben (der Name sagt es)",
                Sensitive::BsnValues => "niederländische Bürgerservicenummern (fast alle Werte bestehen die BSN-Prüfung)",
                Sensitive::IbanValues => "Bankverbindungen (fast alle Werte bestehen die IBAN-Prüfung)",
                Sensitive::TaxIdValues => "steuerliche Identifikationsnummern (fast alle Werte bestehen deren Prüfung)",
            };
            format!("Spalte {col} enthält {what}: Alleo braucht sie nicht und darf sie nicht erhalten. Lassen Sie die Spalte weg: tragen Sie sie in [input] ignore in alleo.toml ein (transform lässt sie dann weg), oder entfernen Sie sie aus dem Export. Muss sie doch gesendet werden, nennen Sie sie in [safety] allow_sensitive.")
        }
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
        EmailProblem::HyphenEdge => {
            "ein Teil nach dem @ beginnt oder endet mit einem Bindestrich".into()
        }
        EmailProblem::BadEnding => {
            "sie muss auf zwei oder mehr Buchstaben nach dem letzten Punkt enden, wie .de oder .com"
                .into()
        }
        EmailProblem::TooLong => "sie ist länger, als eine Adresse sein kann".into(),
    }
}

/// Was Meldungen mit `code` bedeuten und warum sie wichtig sind.
pub(super) fn about(code: Code) -> &'static str {
    match code {
        Code::EmptyFile => {
            "Die Datei hat keine Kopfzeile oder ist ganz leer: Alleo liest nichts daraus."
        }
        Code::Encoding => "Die Datei ist nicht in UTF-8: Namen mit Akzenten kämen verstümmelt an.",
        Code::Delimiter => {
            "Die Spalten sind nicht durch Kommas getrennt, daher kann Alleo die Datei nicht lesen."
        }
        Code::FileName => "Alleo holt nur Dateien mit dem Namen alleo_employees_<ID>.csv ab.",
        Code::MissingColumn => "Eine Pflichtspalte fehlt: ohne sie ist keine Zeile lesbar.",
        Code::DuplicateColumn => {
            "Zwei Spalten enthalten dasselbe Feld: Alleo kann nicht wissen, welche gilt."
        }
        Code::UnknownColumn => {
            "Eine Spalte, die kein Alleo-Feld ist: ordnen Sie sie zu, nennen Sie sie custom_<Name> oder entfernen Sie sie."
        }
        Code::CustomFieldName => {
            "Der Name eines eigenen Feldes muss custom_ sein, gefolgt von Kleinbuchstaben, Ziffern und _."
        }
        Code::RowLength => {
            "Zeilen mit mehr oder weniger Feldern als die Kopfzeile: meist ein Wert mit Komma, aber ohne Anführungszeichen."
        }
        Code::UnclosedQuote => "Ein nie geschlossenes Anführungszeichen: die Zeilen danach fehlen.",
        Code::BlankRow => {
            "Leere Zeilen zwischen Mitarbeitern: Alleo überspringt sie; entfernen Sie sie."
        }
        Code::Required => {
            "E-Mail, Vorname und Nachname sind in jeder Zeile nötig: eine solche Zeile wird abgelehnt."
        }
        Code::ExcelError => "Excel-Fehler wie #NV statt Werten.",
        Code::EmailFormat => {
            "Ungültige Adressen: der Mitarbeiter kann nicht angelegt oder gefunden werden."
        }
        Code::EmailDuplicate => {
            "Eine Adresse, die zweimal vorkommt: jeder Mitarbeiter braucht eine eigene, sie ist seine Identität in Alleo."
        }
        Code::DateFormat => {
            "Daten müssen als JJJJ-MM-TT geschrieben sein und im Kalender existieren: die Zeile wird abgelehnt."
        }
        Code::DecimalFormat => {
            "Ein dezimales eigenes Feld braucht einen Punkt und kein Tausendertrennzeichen, etwa 1234.5."
        }
        Code::IntegerFormat => "Ein ganzzahliges eigenes Feld braucht eine ganze Zahl.",
        Code::Language => {
            "Die Sprache muss en, nl oder de sein, oder leer für die Standardsprache des Unternehmens."
        }
        Code::CompanyGroup => {
            "Unternehmensgruppen müssen genau wie die Gruppen des Unternehmens geschrieben sein."
        }
        Code::OnboardingPast => {
            "Onboarding-Daten vor dem Abholdatum: in Ordnung für Mitarbeiter, die schon in Alleo sind, aber ein neuer Mitarbeiter mit einem solchen Datum wird abgelehnt."
        }
        Code::OffboardingNotFuture => {
            "Offboarding-Daten am oder vor dem Abholdatum: in Ordnung für bereits deaktivierte Konten, aber ein aktives Konto braucht ein Datum in der Zukunft."
        }
        Code::OffboardingShortNotice => {
            "Offboarding-Daten weniger als 30 Tage voraus: Alleo bittet um mindestens 30 Tage Vorlauf."
        }
        Code::OffboardingBeforeOnboarding => {
            "Offboarding-Daten, die nicht nach dem Onboarding-Datum liegen: die Zeile wird abgelehnt."
        }
        Code::BirthdayImplausible => {
            "Geburtstage in der Zukunft oder vor mehr als 120 Jahren: fast immer ein Tippfehler."
        }
        Code::OnboardingDateLocked => {
            "Das Onboarding-Datum eines Mitarbeiters, der schon in Alleo ist, lässt sich nicht über die Datei ändern; wenden Sie sich an admin-support@alleo.nl."
        }
        Code::OffboardingRemoved => {
            "Ein gesetztes Offboarding-Datum kann nicht entfernt werden; wenden Sie sich an admin-support@alleo.nl, um den Mitarbeiter zu behalten."
        }
        Code::ReactivationRequired => {
            "Ein deaktiviertes Konto wird über die Datei weder geändert noch reaktiviert; wenden Sie sich an admin-support@alleo.nl."
        }
        Code::Absent => {
            "Mitarbeiter, die in der vorigen Datei standen, aber nicht in dieser: Alleo lässt sie aktiv; nur ein Offboarding-Datum deaktiviert."
        }
        Code::EmailChangeSuspected => {
            "Eine neue Adresse, während ein Mitarbeiter mit demselben Namen fehlt: hat sich die Adresse geändert, legt Alleo ein zweites Konto an."
        }
        Code::MassDeactivation => {
            "Mehr Deaktivierungen als die Sicherheitsgrenze erlaubt: ein Fehler hier deaktiviert Menschen."
        }
        Code::SensitiveData => {
            "Eine Spalte enthält Identifikationsnummern, Bankverbindungen oder Gehälter, die Alleo nicht erhalten darf: lassen Sie sie mit [input] ignore weg."
        }
    }
}
