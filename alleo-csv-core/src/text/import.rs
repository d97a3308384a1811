//! The words of the checker page's importer (an HR export in, the Alleo file out),
//! in English, Dutch and German; part of [`page_words`](super::page::page_words).

use serde::Serialize;

use crate::messages::Lang;

/// The importer's words in `lang`.
pub(super) fn import_words(lang: Lang) -> &'static ImportWords {
    match lang {
        Lang::En => &EN,
        Lang::Nl => &NL,
        Lang::De => &DE,
    }
}

/// The importer's own words (JSON keys in camelCase).
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportWords {
    /// The heading of the mapping step.
    import_heading: &'static str,
    /// What the mapping step is for.
    import_help: &'static str,
    /// The column of the export.
    column: &'static str,
    /// Its first value.
    example: &'static str,
    /// What it becomes.
    becomes: &'static str,
    /// Left out of the Alleo file.
    leave_out: &'static str,
    /// How sure the suggestion is, and why.
    why: &'static str,
    /// A column left out because it holds sensitive data.
    sensitive: &'static str,
    /// The delimiter field.
    delimiter: &'static str,
    /// The encoding field.
    encoding: &'static str,
    /// The date format field.
    date_format: &'static str,
    /// The Alleo file ID field.
    file_id: &'static str,
    /// What the file ID is.
    file_id_help: &'static str,
    /// Makes the Alleo file.
    make: &'static str,
    /// Downloads the Alleo file.
    get_file: &'static str,
    /// Downloads the change log.
    get_changes: &'static str,
    /// Downloads the rejected rows.
    get_rejects: &'static str,
    /// Downloads the configuration.
    get_toml: &'static str,
    /// Why the Alleo file is not offered.
    not_final: &'static str,
    /// What the downloaded alleo.toml is for.
    toml_help: &'static str,
    /// The previous file's picker.
    previous_file: &'static str,
    /// The heading of the plan.
    plan_heading: &'static str,
    /// The plan's counts (`{onboard}`, `{update}`, `{deactivate}`, `{unchanged}`,
    /// `{absent}`).
    plan_counts: &'static str,
    /// Before the deactivations and their times.
    deactivations: &'static str,
    /// The heading (and name) of the grid of the Alleo file.
    grid_heading: &'static str,
    /// How to move and edit in the grid.
    grid_help: &'static str,
    /// The grid's row filter.
    show_rows: &'static str,
    /// Every row.
    all_rows: &'static str,
    /// The rows with an error.
    error_rows: &'static str,
    /// The rows with an error or a warning.
    problem_rows: &'static str,
    /// The grid's column of each row's problems.
    problems: &'static str,
    /// The grid's counts (`{errors}`, `{warnings}`, `{rows}`, `{shown}`), worded
    /// so that one and many read alike.
    grid_counts: &'static str,
    /// Opens a checked Alleo file in the grid.
    fix_in_grid: &'static str,
    /// Downloads the Alleo file as fixed in the grid.
    get_fixed: &'static str,
    /// Asks before a new check (new settings) undoes the grid's `{edits}` changes.
    undo_edits: &'static str,
}

static EN: ImportWords = ImportWords {
    import_heading: "An HR export: choose what each column becomes",
    import_help: "Each column's suggestion comes from its name and values. Columns left out are not in the Alleo file; sensitive ones are left out unless you choose otherwise.",
    column: "Column in the export",
    example: "First value",
    becomes: "Becomes",
    leave_out: "Leave out",
    why: "How sure, and why",
    sensitive: "sensitive: left out",
    delimiter: "Delimiter",
    encoding: "Encoding",
    date_format: "Date format",
    file_id: "Your Alleo file ID",
    file_id_help: "The file is named alleo_employees_<ID>.csv; Alleo gave you the ID.",
    make: "Make the Alleo file",
    get_file: "Download the Alleo file",
    get_changes: "Download the change log (CSV)",
    get_rejects: "Download the rejected rows (CSV)",
    get_toml: "Download alleo.toml",
    not_final: "The Alleo file is offered once it has no error: fix the cells marked in the grid below (or the export, and make it again).",
    toml_help: "alleo.toml makes the nightly alleo-sync sync do the same from now on.",
    previous_file: "The file last sent to Alleo, or Alleo's reporting export (optional): the plan",
    plan_heading: "What Alleo will do with this file",
    plan_counts: "{onboard} to onboard, {update} to update, {deactivate} to deactivate, {unchanged} unchanged, {absent} not in the file (they stay active).",
    deactivations: "Deactivated (at 23:00 UTC on the offboarding date):",
    grid_heading: "The Alleo file: fix what is marked",
    grid_help: "Arrow keys move between cells; Enter, F2 or typing edits a cell and Enter saves it; Escape cancels. Each change is checked at once.",
    show_rows: "Show",
    all_rows: "every row",
    error_rows: "rows with an error",
    problem_rows: "rows with an error or a warning",
    problems: "Problems",
    grid_counts: "Errors: {errors} · Warnings: {warnings} · Rows: {rows}, {shown} shown",
    fix_in_grid: "Fix it in the grid",
    get_fixed: "Download the file as fixed",
    undo_edits: "Checking the file again under the changed settings undoes what was changed in the grid (cells changed: {edits}). Check it again now? Cancel keeps the grid as it is, checked as it was opened; the settings as they are now apply to the next check.",
};

static NL: ImportWords = ImportWords {
    import_heading: "Een HR-export: kies wat elke kolom wordt",
    import_help: "De suggestie per kolom komt van de naam en de waarden. Weggelaten kolommen staan niet in het Alleo-bestand; gevoelige worden weggelaten tenzij u anders kiest.",
    column: "Kolom in de export",
    example: "Eerste waarde",
    becomes: "Wordt",
    leave_out: "Weglaten",
    why: "Hoe zeker, en waarom",
    sensitive: "gevoelig: weggelaten",
    delimiter: "Scheidingsteken",
    encoding: "Codering",
    date_format: "Datumnotatie",
    file_id: "Uw Alleo-bestands-ID",
    file_id_help: "Het bestand heet alleo_employees_<ID>.csv; Alleo heeft u de ID gegeven.",
    make: "Maak het Alleo-bestand",
    get_file: "Download het Alleo-bestand",
    get_changes: "Download het wijzigingslog (CSV)",
    get_rejects: "Download de geweigerde rijen (CSV)",
    get_toml: "Download alleo.toml",
    not_final: "Het Alleo-bestand wordt aangeboden zodra het geen fouten heeft: verbeter de gemarkeerde cellen in het raster hieronder (of de export, en maak het opnieuw).",
    toml_help: "Met alleo.toml doet de nachtelijke alleo-sync sync voortaan hetzelfde.",
    previous_file: "Het laatst naar Alleo verstuurde bestand, of de rapportage-export van Alleo (optioneel): het plan",
    plan_heading: "Wat Alleo met dit bestand doet",
    plan_counts: "{onboard} onboarden, {update} bijwerken, {deactivate} deactiveren, {unchanged} ongewijzigd, {absent} niet in het bestand (zij blijven actief).",
    deactivations: "Gedeactiveerd (om 23:00 UTC op de offboardingdatum):",
    grid_heading: "Het Alleo-bestand: verbeter wat gemarkeerd is",
    grid_help: "Pijltjestoetsen gaan van cel naar cel; Enter, F2 of typen bewerkt een cel en Enter bewaart; Escape annuleert. Elke wijziging wordt meteen gecontroleerd.",
    show_rows: "Toon",
    all_rows: "alle rijen",
    error_rows: "rijen met een fout",
    problem_rows: "rijen met een fout of waarschuwing",
    problems: "Problemen",
    grid_counts: "Fouten: {errors} · Waarschuwingen: {warnings} · Rijen: {rows}, {shown} getoond",
    fix_in_grid: "Verbeter het in het raster",
    get_fixed: "Download het verbeterde bestand",
    undo_edits: "Het bestand opnieuw controleren met de gewijzigde instellingen maakt de wijzigingen in het raster ongedaan (gewijzigde cellen: {edits}). Nu opnieuw controleren? Annuleren laat het raster zoals het is, gecontroleerd zoals het werd geopend; de instellingen zoals ze nu zijn gelden bij de volgende controle.",
};

static DE: ImportWords = ImportWords {
    import_heading: "Ein HR-Export: Wählen Sie, was aus jeder Spalte wird",
    import_help: "Der Vorschlag je Spalte kommt aus ihrem Namen und ihren Werten. Weggelassene Spalten sind nicht in der Alleo-Datei; sensible werden weggelassen, außer Sie wählen es anders.",
    column: "Spalte im Export",
    example: "Erster Wert",
    becomes: "Wird",
    leave_out: "Weglassen",
    why: "Wie sicher, und warum",
    sensitive: "sensibel: weggelassen",
    delimiter: "Trennzeichen",
    encoding: "Kodierung",
    date_format: "Datumsformat",
    file_id: "Ihre Alleo-Datei-ID",
    file_id_help: "Die Datei heißt alleo_employees_<ID>.csv; Alleo hat Ihnen die ID gegeben.",
    make: "Alleo-Datei erstellen",
    get_file: "Alleo-Datei herunterladen",
    get_changes: "Änderungsprotokoll herunterladen (CSV)",
    get_rejects: "Abgelehnte Zeilen herunterladen (CSV)",
    get_toml: "alleo.toml herunterladen",
    not_final: "Die Alleo-Datei wird angeboten, sobald sie keinen Fehler hat: Korrigieren Sie die markierten Zellen in der Tabelle unten (oder den Export, und erstellen Sie sie erneut).",
    toml_help: "Mit alleo.toml macht das nächtliche alleo-sync sync ab jetzt dasselbe.",
    previous_file: "Die zuletzt an Alleo gesendete Datei oder Alleos Berichtsexport (optional): der Plan",
    plan_heading: "Was Alleo mit dieser Datei tut",
    plan_counts: "{onboard} zum Onboarding, {update} zu aktualisieren, {deactivate} zu deaktivieren, {unchanged} unverändert, {absent} nicht in der Datei (sie bleiben aktiv).",
    deactivations: "Deaktiviert (um 23:00 UTC am Offboarding-Datum):",
    grid_heading: "Die Alleo-Datei: Markiertes korrigieren",
    grid_help: "Pfeiltasten wechseln die Zelle; Enter, F2 oder Tippen bearbeitet eine Zelle, Enter speichert; Escape bricht ab. Jede Änderung wird sofort geprüft.",
    show_rows: "Zeigen",
    all_rows: "alle Zeilen",
    error_rows: "Zeilen mit einem Fehler",
    problem_rows: "Zeilen mit einem Fehler oder einer Warnung",
    problems: "Probleme",
    grid_counts: "Fehler: {errors} · Warnungen: {warnings} · Zeilen: {rows}, {shown} angezeigt",
    fix_in_grid: "In der Tabelle korrigieren",
    get_fixed: "Korrigierte Datei herunterladen",
    undo_edits: "Eine neue Prüfung mit den geänderten Einstellungen macht die Änderungen in der Tabelle rückgängig (geänderte Zellen: {edits}). Jetzt erneut prüfen? Abbrechen lässt die Tabelle, wie sie ist, geprüft wie beim Öffnen; die Einstellungen, wie sie jetzt sind, gelten bei der nächsten Prüfung.",
};
