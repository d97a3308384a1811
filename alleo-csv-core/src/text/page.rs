//! The words of the checker page (`examples/web-checker/`), in English, Dutch and
//! German: the page asks for them through the WebAssembly package, so every word it
//! shows lives here, beside the report's own. The words the text report also uses
//! (row, file, error, warning, the counts and the verdict) are the text report's.

use serde::Serialize;

use super::Words;
use crate::messages::Lang;

/// The page's words in one language, with the text report's shared ones; as JSON,
/// an object keyed in camelCase (`groupsHeading`, ...).
///
/// ```
/// use alleo_csv_core::{Lang, text::page::page_words};
/// let json = serde_json::to_value(page_words(Lang::De)).unwrap();
/// assert_eq!(json["title"], "Alleo-Dateiprüfung");
/// assert_eq!(json["row"], "Zeile");
/// ```
pub fn page_words(lang: Lang) -> PageWordsJson {
    let t = Words::of(lang);
    PageWordsJson {
        page: match lang {
            Lang::En => &EN,
            Lang::Nl => &NL,
            Lang::De => &DE,
        },
        import: super::import::import_words(lang),
        row: t.row,
        file: t.file,
        error: t.error,
        warning: t.warning,
    }
}

/// [`page_words`]: the page's own words and the text report's shared ones.
#[derive(Debug, Clone, Serialize)]
pub struct PageWordsJson {
    #[serde(flatten)]
    page: &'static PageWords,
    #[serde(flatten)]
    import: &'static super::import::ImportWords,
    row: &'static str,
    file: &'static str,
    error: &'static str,
    warning: &'static str,
}

/// The page's own words.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct PageWords {
    /// The heading of the warnings shown once.
    groups_heading: &'static str,
    /// How to list a folded warning's rows.
    groups_help: &'static str,
    /// What a first run without a previous state cannot tell.
    first_run: &'static str,
    /// The page's title.
    title: &'static str,
    /// That the file never leaves the computer.
    privacy: &'static str,
    /// The language switch.
    language: &'static str,
    /// The drop zone.
    drop: &'static str,
    /// The file picker.
    choose: &'static str,
    /// The severity filter.
    show_severity: &'static str,
    /// Every severity.
    all_severities: &'static str,
    /// Errors only.
    errors_only: &'static str,
    /// Warnings only.
    warnings_only: &'static str,
    /// The code filter.
    show_code: &'static str,
    /// Every code.
    all_codes: &'static str,
    /// The download of the issues.
    download: &'static str,
    /// The severity column.
    severity: &'static str,
    /// The code column.
    code: &'static str,
    /// The message column.
    message: &'static str,
    /// Before the date checked for.
    checked_for: &'static str,
    /// How many issues are drawn of how many (`{shown}`, `{total}`).
    shown: &'static str,
    /// The settings heading.
    settings: &'static str,
    /// What the settings are.
    settings_help: &'static str,
    /// The company groups field.
    groups: &'static str,
    /// The mapping heading.
    mapping: &'static str,
    /// What a mapping line is.
    mapping_help: &'static str,
    /// A header in the file.
    header: &'static str,
    /// The Alleo field.
    target: &'static str,
    /// Adds a mapping line.
    add_mapping: &'static str,
    /// The custom field types heading.
    custom_fields: &'static str,
    /// A custom field's name.
    custom_name: &'static str,
    /// Its type.
    custom_type: &'static str,
    /// Adds a custom field.
    add_custom: &'static str,
    /// Removes a line.
    remove: &'static str,
    /// The alleo.toml field.
    toml: &'static str,
    /// Saves and checks again.
    save: &'static str,
    /// Forgets the settings.
    forget: &'static str,
    /// Saved.
    saved: &'static str,
    /// Forgotten.
    forgotten: &'static str,
    /// alleo.toml cannot be read.
    unreadable: &'static str,
    /// The settings are not usable.
    unusable: &'static str,
    /// The check used the saved settings.
    with_settings: &'static str,
}

static EN: PageWords = PageWords {
    groups_heading: "Warnings found on many rows",
    groups_help: "Choose a code above to list all its rows; the download holds every issue.",
    first_run: "On a first run the onboarding and offboarding warnings cannot be exact: without the file last sent to Alleo there is no telling new employees from those already in Alleo. Check the file with alleo-sync validate --previous FILE, giving that file or an export of Alleo's own reporting.",
    title: "Alleo file checker",
    privacy: "Your file is checked in this browser and never leaves your computer.",
    language: "Language",
    drop: "Drop the employee file here, or choose it:",
    choose: "Choose a file",
    show_severity: "Show",
    all_severities: "errors and warnings",
    errors_only: "errors",
    warnings_only: "warnings",
    show_code: "Code",
    all_codes: "all",
    download: "Download the issues (CSV)",
    severity: "Severity",
    code: "Code",
    message: "Message",
    checked_for: "Checked for",
    shown: "Showing the first {shown} of {total} issues; the download holds them all.",
    settings: "Settings",
    settings_help: "What your alleo.toml says about the file. Kept in this browser only.",
    groups: "Company groups (one per line)",
    mapping: "Header mapping",
    mapping_help: "A header in your file, and the Alleo field (or custom_ name) it holds.",
    header: "Header in your file",
    target: "Alleo field",
    add_mapping: "Add a header",
    custom_fields: "Custom field types",
    custom_name: "Custom field (custom_…)",
    custom_type: "Type",
    add_custom: "Add a custom field",
    remove: "Remove",
    toml: "alleo.toml (paste yours here, or fill in the form above)",
    save: "Save and check again",
    forget: "Forget the settings",
    saved: "Saved in this browser.",
    forgotten: "The settings are removed from this browser.",
    unreadable: "alleo.toml cannot be read:",
    unusable: "The settings are not usable:",
    with_settings: "With your saved settings.",
};

static NL: PageWords = PageWords {
    groups_heading: "Waarschuwingen op veel rijen",
    groups_help: "Kies hierboven een code om al zijn rijen te tonen; de download bevat elke melding.",
    first_run: "Bij een eerste run kunnen de waarschuwingen over onboarding- en offboardingdatums niet exact zijn: zonder het laatst naar Alleo verstuurde bestand zijn nieuwe medewerkers niet te onderscheiden van medewerkers die al in Alleo staan. Controleer het bestand met alleo-sync validate --previous BESTAND, met dat bestand of een export uit Alleo's eigen rapportage.",
    title: "Alleo-bestandscontrole",
    privacy: "Uw bestand wordt in deze browser gecontroleerd en verlaat uw computer nooit.",
    language: "Taal",
    drop: "Sleep het medewerkersbestand hierheen, of kies het:",
    choose: "Kies een bestand",
    show_severity: "Toon",
    all_severities: "fouten en waarschuwingen",
    errors_only: "fouten",
    warnings_only: "waarschuwingen",
    show_code: "Code",
    all_codes: "alle",
    download: "Download de meldingen (CSV)",
    severity: "Ernst",
    code: "Code",
    message: "Melding",
    checked_for: "Gecontroleerd voor",
    shown: "De eerste {shown} van {total} meldingen; de download bevat ze allemaal.",
    settings: "Instellingen",
    settings_help: "Wat uw alleo.toml over het bestand zegt. Alleen in deze browser bewaard.",
    groups: "Bedrijfsgroepen (één per regel)",
    mapping: "Kolomkoppeling",
    mapping_help: "Een kolomnaam in uw bestand, en het Alleo-veld (of custom_-naam) dat erin staat.",
    header: "Kolomnaam in uw bestand",
    target: "Alleo-veld",
    add_mapping: "Kolom toevoegen",
    custom_fields: "Typen van eigen velden",
    custom_name: "Eigen veld (custom_…)",
    custom_type: "Type",
    add_custom: "Eigen veld toevoegen",
    remove: "Verwijderen",
    toml: "alleo.toml (plak de uwe hier, of vul het formulier hierboven in)",
    save: "Opslaan en opnieuw controleren",
    forget: "Instellingen vergeten",
    saved: "Opgeslagen in deze browser.",
    forgotten: "De instellingen zijn uit deze browser verwijderd.",
    unreadable: "alleo.toml kan niet worden gelezen:",
    unusable: "De instellingen zijn niet bruikbaar:",
    with_settings: "Met uw opgeslagen instellingen.",
};

static DE: PageWords = PageWords {
    groups_heading: "Warnungen in vielen Zeilen",
    groups_help: "Wählen Sie oben einen Code, um alle seine Zeilen zu sehen; der Download enthält jede Meldung.",
    first_run: "Beim ersten Lauf können die Warnungen zu Onboarding- und Offboarding-Daten nicht genau sein: ohne die zuletzt an Alleo gesendete Datei sind neue Mitarbeiter nicht von denen zu unterscheiden, die schon in Alleo sind. Prüfen Sie die Datei mit alleo-sync validate --previous DATEI, mit dieser Datei oder einem Export aus Alleos eigenen Berichten.",
    title: "Alleo-Dateiprüfung",
    privacy: "Ihre Datei wird in diesem Browser geprüft und verlässt Ihren Computer nie.",
    language: "Sprache",
    drop: "Ziehen Sie die Mitarbeiterdatei hierher, oder wählen Sie sie:",
    choose: "Datei wählen",
    show_severity: "Zeige",
    all_severities: "Fehler und Warnungen",
    errors_only: "Fehler",
    warnings_only: "Warnungen",
    show_code: "Code",
    all_codes: "alle",
    download: "Meldungen herunterladen (CSV)",
    severity: "Schwere",
    code: "Code",
    message: "Meldung",
    checked_for: "Geprüft für",
    shown: "Die ersten {shown} von {total} Meldungen; der Download enthält alle.",
    settings: "Einstellungen",
    settings_help: "Was Ihre alleo.toml über die Datei sagt. Nur in diesem Browser gespeichert.",
    groups: "Unternehmensgruppen (eine pro Zeile)",
    mapping: "Spaltenzuordnung",
    mapping_help: "Ein Spaltenname in Ihrer Datei und das Alleo-Feld (oder der custom_-Name), das er enthält.",
    header: "Spaltenname in Ihrer Datei",
    target: "Alleo-Feld",
    add_mapping: "Spalte hinzufügen",
    custom_fields: "Typen eigener Felder",
    custom_name: "Eigenes Feld (custom_…)",
    custom_type: "Typ",
    add_custom: "Eigenes Feld hinzufügen",
    remove: "Entfernen",
    toml: "alleo.toml (fügen Sie Ihre hier ein, oder füllen Sie das Formular oben aus)",
    save: "Speichern und erneut prüfen",
    forget: "Einstellungen vergessen",
    saved: "In diesem Browser gespeichert.",
    forgotten: "Die Einstellungen sind aus diesem Browser entfernt.",
    unreadable: "alleo.toml kann nicht gelesen werden:",
    unusable: "Die Einstellungen sind nicht verwendbar:",
    with_settings: "Mit Ihren gespeicherten Einstellungen.",
};
