//! The words around the messages of the text report, in English, Dutch and German.

use chrono::NaiveDate;

use crate::lifecycle::ActionKind;
use crate::messages::Lang;

/// The words of the text report in one language; [`Words::of`] gives them.
#[allow(missing_debug_implementations)] // a table of words and small functions
pub struct Words {
    /// "25 rows, 13 errors, 2 warnings" from its three counted nouns.
    pub counts: fn(&str, &str, &str) -> String,
    /// The date checked for, and the next pickup it is the date of.
    pub next_pickup: fn(NaiveDate, &str) -> String,
    /// The date checked for, given with `--as-of`.
    pub given: fn(NaiveDate) -> String,
    /// The verdict of a valid file, from its counted rows and warnings.
    pub valid: fn(&str, &str) -> String,
    /// The verdict of an invalid file, from its counted errors.
    pub invalid: fn(&str) -> String,
    /// Singular and plural of row, error, warning.
    pub nouns: [(&'static str, &'static str); 3],
    /// The name of standard input.
    pub stdin: &'static str,
    /// "Configuration:".
    pub config: &'static str,
    /// What "Configuration:" says when there is none.
    pub no_config: &'static str,
    /// The heading of the columns.
    pub columns: &'static str,
    /// A column that is not used.
    pub not_used: &'static str,
    /// Before a custom field's name in Alleo's reports.
    pub reporting: &'static str,
    /// The heading of file-level issues.
    pub file: &'static str,
    /// "Row", as a heading.
    pub row: &'static str,
    /// "row", inside a line.
    pub row_lower: &'static str,
    /// After the header's row number.
    pub header: &'static str,
    /// The word for an error.
    pub error: &'static str,
    /// The word for a warning.
    pub warning: &'static str,
    /// "Previous state:".
    pub previous: &'static str,
    /// A previous state given, with its number of employees.
    pub previous_given: fn(&str, &str) -> String,
    /// The last file delivered, with its number of employees.
    pub previous_delivered: fn(&str, &str) -> String,
    /// Nothing delivered yet, from this file.
    pub previous_not_yet: fn(&str) -> String,
    /// `--no-previous`.
    pub previous_ignored: &'static str,
    /// No state folder.
    pub previous_no_folder: &'static str,
    /// "Errors: 205 on 198 rows": the errors heading: how many, on how many rows (and whether that is one),
    /// and whether some are about the file or a column as a whole.
    pub errors_heading: fn(&str, Option<(&str, bool)>, bool) -> String,
    /// "Warnings: 10,988".
    pub warnings_heading: fn(&str) -> String,
    /// A warning code shown once: its count, whether it counts rows (else
    /// employees), its first rows (or addresses) and how many more.
    pub group: fn(&str, bool, &str, Option<&str>) -> String,
    /// How to make the warnings that need the previous state exact.
    pub first_run: &'static str,
    /// How to see every issue.
    pub see_all: &'static str,
    /// The heading of a kind of action.
    pub action_heading: fn(ActionKind) -> &'static str,
    /// "12 to onboard", "1 update", ... (the last argument: exactly one).
    pub action_count: fn(ActionKind, &str, bool) -> String,
    /// An onboarding's date.
    pub active_from: fn(&str) -> String,
    /// A deactivation's time.
    pub deactivated_at: fn(&str) -> String,
    /// The last pickup that can change a deactivation.
    pub last_pickup: fn(&str) -> String,
    /// What happens to an absent employee.
    pub absent: &'static str,
    /// The count of unchanged employees.
    pub unchanged: fn(&str) -> String,
    /// After the first actions of a long list: how many more, and how to see them.
    pub more_actions: fn(&str) -> String,
}

impl Words {
    /// The words in `lang`.
    #[allow(clippy::too_many_lines)] // three languages of one table
    pub fn of(lang: Lang) -> &'static Words {
        match lang {
            Lang::En => &EN,
            Lang::Nl => &NL,
            Lang::De => &DE,
        }
    }
}

static EN: Words = Words {
    counts: |r, e, w| format!("{r}, {e}, {w}"),
    next_pickup: |d, p| format!("Checked for {d}: the date of the next pickup ({p})."),
    given: |d| {
        format!("Checked for {d} (given with --as-of); Alleo picks up at 02:45 and 20:00 UTC.")
    },
    valid: |r, w| format!("Valid: {r} without errors ({w}). The file can be sent."),
    invalid: |e| format!("Not valid: {e}. Fix them before sending the file."),
    nouns: [
        ("row", "rows"),
        ("error", "errors"),
        ("warning", "warnings"),
    ],
    stdin: "(standard input)",
    config: "Configuration:",
    no_config: "none (no alleo.toml found; company groups are not checked)",
    columns: "Columns",
    not_used: "not used",
    reporting: "in Alleo's reports:",
    file: "File",
    row: "Row",
    row_lower: "row",
    header: "(header)",
    error: "error",
    warning: "warning",
    previous: "Previous state:",
    previous_given: |p, n| format!("{p} ({n} employees)"),
    previous_delivered: |p, n| format!("{p}, the last file delivered ({n} employees)"),
    previous_not_yet: |p| {
        format!(
            "none yet: nothing was delivered from this machine ({p}); the rules that need one are warnings. Give one with --previous FILE."
        )
    },
    previous_ignored: "not used (--no-previous); the rules that need one are warnings.",
    previous_no_folder: "none (no state folder: set [state] dir); the rules that need one are warnings.",
    errors_heading: |n, rows, file| match (rows, file) {
        (None, _) => format!("Errors: {n}, in the file as a whole"),
        (Some((rows, one)), file) => format!(
            "Errors: {n} on {rows} {}{}",
            if one { "row" } else { "rows" },
            if file {
                " and in the file as a whole"
            } else {
                ""
            }
        ),
    },
    warnings_heading: |n| format!("Warnings: {n}"),
    group: |n, rows, first, more| {
        let more = more.map(|m| format!(" and {m} more")).unwrap_or_default();
        if rows {
            format!("on {n} rows: {first}{more}")
        } else {
            format!("{n} employees: {first}{more}")
        }
    },
    first_run: "On a first run the onboarding and offboarding warnings cannot be exact: without the previous state there is no telling new employees from those already in Alleo. Give the file last sent to Alleo, or an export of Alleo's own reporting, with --previous FILE.",
    see_all: "Each warning one by one: --all. Every issue, for a spreadsheet or a program: --format csv or --format json.",
    action_heading: |k| match k {
        ActionKind::Onboard => "Onboard",
        ActionKind::Update => "Update",
        ActionKind::Deactivate => "Deactivate",
        ActionKind::Unchanged => "Unchanged",
        ActionKind::Absent => "Absent",
    },
    action_count: |k, n, one| match k {
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
    more_actions: |n| {
        format!("... and {n} more (--all lists them; --format csv or json gives every action)")
    },
};

static NL: Words = Words {
    counts: |r, e, w| format!("{r}, {e}, {w}"),
    next_pickup: |d, p| {
        format!("Gecontroleerd voor {d}: de datum van de volgende ophaalronde ({p}).")
    },
    given: |d| {
        format!(
            "Gecontroleerd voor {d} (opgegeven met --as-of); Alleo haalt op om 02:45 en 20:00 UTC."
        )
    },
    valid: |r, w| format!("Geldig: {r} zonder fouten ({w}). Het bestand kan worden verstuurd."),
    invalid: |e| format!("Niet geldig: {e}. Herstel ze voordat u het bestand verstuurt."),
    nouns: [
        ("rij", "rijen"),
        ("fout", "fouten"),
        ("waarschuwing", "waarschuwingen"),
    ],
    stdin: "(standaardinvoer)",
    config: "Configuratie:",
    no_config: "geen (geen alleo.toml gevonden; bedrijfsgroepen worden niet gecontroleerd)",
    columns: "Kolommen",
    not_used: "niet gebruikt",
    reporting: "in Alleo's rapportage:",
    file: "Bestand",
    row: "Rij",
    row_lower: "rij",
    header: "(kopregel)",
    error: "fout",
    warning: "let op",
    previous: "Vorige stand:",
    previous_given: |p, n| format!("{p} ({n} medewerkers)"),
    previous_delivered: |p, n| format!("{p}, het laatst geleverde bestand ({n} medewerkers)"),
    previous_not_yet: |p| {
        format!(
            "nog geen: vanaf deze machine is nog niets geleverd ({p}); de regels die hem nodig hebben zijn waarschuwingen. Geef er een met --previous BESTAND."
        )
    },
    previous_ignored: "niet gebruikt (--no-previous); de regels die hem nodig hebben zijn waarschuwingen.",
    previous_no_folder: "geen (geen statusmap: stel [state] dir in); de regels die hem nodig hebben zijn waarschuwingen.",
    errors_heading: |n, rows, file| match (rows, file) {
        (None, _) => format!("Fouten: {n}, in het bestand als geheel"),
        (Some((rows, one)), file) => format!(
            "Fouten: {n} op {rows} {}{}",
            if one { "rij" } else { "rijen" },
            if file {
                " en in het bestand als geheel"
            } else {
                ""
            }
        ),
    },
    warnings_heading: |n| format!("Waarschuwingen: {n}"),
    group: |n, rows, first, more| {
        let more = more.map(|m| format!(" en nog {m}")).unwrap_or_default();
        if rows {
            format!("op {n} rijen: {first}{more}")
        } else {
            format!("{n} medewerkers: {first}{more}")
        }
    },
    first_run: "Bij een eerste run kunnen de waarschuwingen over onboarding- en offboardingdatums niet exact zijn: zonder de vorige stand zijn nieuwe medewerkers niet te onderscheiden van medewerkers die al in Alleo staan. Geef het laatst naar Alleo verstuurde bestand, of een export uit Alleo's eigen rapportage, met --previous BESTAND.",
    see_all: "Elke waarschuwing afzonderlijk: --all. Alle issues, voor een spreadsheet of een programma: --format csv of --format json.",
    action_heading: |k| match k {
        ActionKind::Onboard => "Onboarden",
        ActionKind::Update => "Bijwerken",
        ActionKind::Deactivate => "Deactiveren",
        ActionKind::Unchanged => "Ongewijzigd",
        ActionKind::Absent => "Ontbreekt",
    },
    action_count: |k, n, one| match k {
        ActionKind::Onboard => format!("{n} te onboarden"),
        ActionKind::Update => format!("{n} {}", if one { "wijziging" } else { "wijzigingen" }),
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
    more_actions: |n| {
        format!("... en nog {n} (--all toont ze; --format csv of json geeft elke actie)")
    },
};

static DE: Words = Words {
    counts: |r, e, w| format!("{r}, {e}, {w}"),
    next_pickup: |d, p| format!("Geprüft für {d}: das Datum der nächsten Abholung ({p})."),
    given: |d| {
        format!("Geprüft für {d} (mit --as-of angegeben); Alleo holt um 02:45 und 20:00 UTC ab.")
    },
    valid: |r, w| format!("Gültig: {r} ohne Fehler ({w}). Die Datei kann gesendet werden."),
    invalid: |e| format!("Ungültig: {e}. Beheben Sie sie, bevor Sie die Datei senden."),
    nouns: [
        ("Zeile", "Zeilen"),
        ("Fehler", "Fehler"),
        ("Warnung", "Warnungen"),
    ],
    stdin: "(Standardeingabe)",
    config: "Konfiguration:",
    no_config: "keine (keine alleo.toml gefunden; Unternehmensgruppen werden nicht geprüft)",
    columns: "Spalten",
    not_used: "nicht verwendet",
    reporting: "in Alleos Berichten:",
    file: "Datei",
    row: "Zeile",
    row_lower: "Zeile",
    header: "(Kopfzeile)",
    error: "Fehler",
    warning: "Warnung",
    previous: "Vorheriger Stand:",
    previous_given: |p, n| format!("{p} ({n} Mitarbeiter)"),
    previous_delivered: |p, n| format!("{p}, die zuletzt gelieferte Datei ({n} Mitarbeiter)"),
    previous_not_yet: |p| {
        format!(
            "noch keiner: von diesem Rechner wurde noch nichts geliefert ({p}); die Regeln, die ihn brauchen, sind Warnungen. Geben Sie einen mit --previous DATEI an."
        )
    },
    previous_ignored: "nicht verwendet (--no-previous); die Regeln, die ihn brauchen, sind Warnungen.",
    previous_no_folder: "keiner (kein Statusordner: setzen Sie [state] dir); die Regeln, die ihn brauchen, sind Warnungen.",
    errors_heading: |n, rows, file| match (rows, file) {
        (None, _) => format!("Fehler: {n}, in der Datei als Ganzes"),
        (Some((rows, one)), file) => format!(
            "Fehler: {n} in {rows} {}{}",
            if one { "Zeile" } else { "Zeilen" },
            if file {
                " und in der Datei als Ganzes"
            } else {
                ""
            }
        ),
    },
    warnings_heading: |n| format!("Warnungen: {n}"),
    group: |n, rows, first, more| {
        let more = more
            .map(|m| format!(" und {m} weitere"))
            .unwrap_or_default();
        if rows {
            format!("in {n} Zeilen: {first}{more}")
        } else {
            format!("{n} Mitarbeiter: {first}{more}")
        }
    },
    first_run: "Beim ersten Lauf können die Warnungen zu Onboarding- und Offboarding-Daten nicht genau sein: ohne den vorherigen Stand sind neue Mitarbeiter nicht von denen zu unterscheiden, die schon in Alleo sind. Geben Sie die zuletzt an Alleo gesendete Datei oder einen Export aus Alleos eigenen Berichten mit --previous DATEI an.",
    see_all: "Jede Warnung einzeln: --all. Alle Meldungen, für eine Tabelle oder ein Programm: --format csv oder --format json.",
    action_heading: |k| match k {
        ActionKind::Onboard => "Onboarding",
        ActionKind::Update => "Aktualisieren",
        ActionKind::Deactivate => "Deaktivieren",
        ActionKind::Unchanged => "Unverändert",
        ActionKind::Absent => "Fehlt",
    },
    action_count: |k, n, one| match k {
        ActionKind::Onboard => format!("{n} zu onboarden"),
        ActionKind::Update => format!("{n} {}", if one { "Änderung" } else { "Änderungen" }),
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
    more_actions: |n| {
        format!(
            "... und {n} weitere (--all listet sie auf; --format csv oder json gibt jede Aktion)"
        )
    },
};
