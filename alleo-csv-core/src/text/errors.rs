//! What stops a run, in English, Dutch or German: the CLI's errors, its refusals
//! of a command line ([`Usage`](super::usage::Usage)) and the core's [`Error`] (a failed delivery's are
//! in [`refusal`](super::refusal)). A detail passed on as it was given (what the
//! OS or a TOML parser said, a setting's own message) stays in its own words.
//!
//! ```
//! use alleo_csv_core::{Error, Lang, text::errors::{ErrorWords, core_error}};
//! let t = ErrorWords::of(Lang::Nl);
//! assert_eq!(t.prefix, "fout");
//! assert_eq!((t.cannot_read)("export.csv", "het bestaat niet"),
//!     "kan export.csv niet lezen: het bestaat niet");
//! assert_eq!(core_error(&Error::NoHeader, Lang::De),
//!     "der Export hat keine Kopfzeile, für die sich eine Zuordnung vorschlagen ließe");
//! ```

use std::io;

use crate::error::Error;
use crate::messages::Lang;
use crate::transform::Kind;

/// The words of what stops a run, in one language. Each function takes the
/// details in the order its field's documentation names them.
#[derive(Debug)]
#[non_exhaustive]
pub struct ErrorWords {
    /// Before the message: `error: ...`.
    pub prefix: &'static str,
    /// A file that cannot be read (path, reason).
    pub cannot_read: fn(&str, &str) -> String,
    /// The configuration file cannot be read (path, reason).
    pub cannot_read_config: fn(&str, &str) -> String,
    /// The configuration file is not valid (path, what is wrong).
    pub config_invalid: fn(&str, &str) -> String,
    /// An output file cannot be written (path, reason).
    pub cannot_write: fn(&str, &str) -> String,
    /// A file cannot be the previous state (path, why).
    pub not_previous: fn(&str, &str) -> String,
    /// A fault in this program (what happened).
    pub internal: fn(&str) -> String,
    /// No file can be made in a folder (folder, why).
    pub cannot_create_in: fn(&str, &str) -> String,
    /// The output (standard output) cannot be written (reason).
    pub cannot_write_output: fn(&str) -> String,
    /// `sync` found no export (the pattern).
    pub no_export: fn(&str) -> String,
    /// Another run holds the state folder (holder, folder).
    pub busy: fn(&str, &str) -> String,
    /// The folder named does not exist.
    pub folder_not_found: &'static str,
    /// `--keep-invalid` with an upload name (the name, a name to use instead).
    pub keep_invalid_name: fn(&str, &str) -> String,
    /// A file not to send given a name Alleo picks up (the option, the name, a
    /// name to use instead).
    pub picked_up: fn(&str, &str, &str) -> String,
    /// An output that is a folder (the option, the path, an example file in it).
    pub output_is_folder: fn(&str, &str, &str) -> String,
    /// An output given as `-`, standard output (the option, an example name).
    pub output_is_stdout: fn(&str, &str) -> String,
    /// An output that is the input (the option, the path).
    pub output_is_input: fn(&str, &str) -> String,
    /// Two outputs given one file (the option, the path, the other option).
    pub outputs_share: fn(&str, &str, &str) -> String,
    /// `diff` given too few or too many files.
    pub diff_files: &'static str,
    /// `diff` without a previous state (the file; the state file not made yet).
    pub diff_needs_previous: fn(&str, Option<&str>) -> String,
    /// No state folder for `history`.
    pub no_history: &'static str,
    /// No kept delivery of that name (the name, the kept ones).
    pub no_kept: fn(&str, &str) -> String,
    /// A name that fits several kept deliveries (the name, how many, which).
    pub many_kept: fn(&str, usize, &str) -> String,
    /// No state folder for `sync`.
    pub sync_no_state: &'static str,
    /// `sync` without an export.
    pub sync_no_export: &'static str,
    /// A pattern with a wildcard in its folder (the pattern).
    pub pattern_folder: fn(&str) -> String,
    /// `push` without `[sftp]` (the alleo.toml used, if one was found).
    pub push_needs_sftp: fn(Option<&str>) -> String,
    /// The core's errors (see [`core_error`]).
    core: &'static CoreWords,
}

/// The core's own errors' frames, and the reasons an input cannot be used: all
/// a front needs that says only the core's errors (the page's WebAssembly links
/// these, not the CLI's words).
#[derive(Debug)]
struct CoreWords {
    /// Reasons for the usual failures to open, read or make a file.
    not_found: &'static str,
    /// A file cannot be written: the folder it would go in does not exist.
    no_folder: &'static str,
    /// No permission.
    permission_denied: &'static str,
    /// A read-only disk.
    read_only: &'static str,
    /// A folder given where a file was expected.
    is_a_folder: &'static str,
    /// An export without a header row, given to suggest a mapping for.
    no_header_row: &'static str,
    /// An old `.xls` workbook, and what to save it as.
    old_workbook: &'static str,
    read: fn(&str) -> String,
    write: fn(&str) -> String,
    previous: fn(&str) -> String,
    unreadable: fn(&str) -> String,
    no_header: &'static str,
    workbook: fn(&str) -> String,
    config: fn(&str) -> String,
    options: fn(&str) -> String,
    batch: &'static str,
    self_check: fn(&str) -> String,
}

impl ErrorWords {
    /// The words in `lang`.
    pub fn of(lang: Lang) -> &'static ErrorWords {
        match lang {
            Lang::En => &EN,
            Lang::Nl => &NL,
            Lang::De => &DE,
        }
    }

    /// Why a file could not be written, in these words when it is a usual
    /// reason (a missing folder, for one), else as the operating system said it.
    pub fn write_reason(&self, e: &io::Error) -> String {
        self.core.write_reason(e)
    }

    /// Why a file could not be opened, read or made, in these words when it is a
    /// usual reason, else as the operating system said it.
    pub fn io_reason(&self, e: &io::Error) -> String {
        self.core.io_reason(e)
    }
}

impl CoreWords {
    fn of(lang: Lang) -> &'static CoreWords {
        match lang {
            Lang::En => &CORE_EN,
            Lang::Nl => &CORE_NL,
            Lang::De => &CORE_DE,
        }
    }

    fn write_reason(&self, e: &io::Error) -> String {
        match e.kind() {
            io::ErrorKind::NotFound => self.no_folder.to_owned(),
            _ => self.io_reason(e),
        }
    }

    fn io_reason(&self, e: &io::Error) -> String {
        match e.kind() {
            io::ErrorKind::NotFound => self.not_found.to_owned(),
            io::ErrorKind::PermissionDenied => self.permission_denied.to_owned(),
            io::ErrorKind::ReadOnlyFilesystem => self.read_only.to_owned(),
            io::ErrorKind::IsADirectory => self.is_a_folder.to_owned(),
            _ => e.to_string(),
        }
    }
}

/// Why an input cannot be used, said in `lang` after its name (`cannot read X:
/// ...`): for the core's errors about what a file is or holds; any other error
/// whole, as [`core_error`] says it.
pub fn input_reason(e: &Error, lang: Lang) -> String {
    let t = CoreWords::of(lang);
    match e {
        Error::Read(e) => t.io_reason(e),
        Error::NoHeader => t.no_header_row.to_owned(),
        Error::Unreadable(Kind::OldWorkbook) => t.old_workbook.to_owned(),
        Error::Unreadable(kind) => kind.unreadable().unwrap_or_default().to_owned(),
        Error::Workbook(why) => why.clone(),
        other => core_error(other, lang),
    }
}

/// The core's [`Error`] said in `lang` (its `Display` is the English, but for
/// the usual reasons a file cannot be read or written, said here in words).
pub fn core_error(e: &Error, lang: Lang) -> String {
    let t = CoreWords::of(lang);
    match e {
        Error::Read(e) => (t.read)(&t.io_reason(e)),
        Error::Write(e) => (t.write)(&t.write_reason(e)),
        Error::Previous(why) => (t.previous)(why),
        Error::Unreadable(_) => (t.unreadable)(&input_reason(e, lang)),
        Error::NoHeader => t.no_header.to_owned(),
        Error::Workbook(why) => (t.workbook)(why),
        Error::Config(why) => (t.config)(why),
        Error::Options(why) => (t.options)(why),
        Error::Batch => t.batch.to_owned(),
        Error::SelfCheck(what) => (t.self_check)(what),
    }
}

static CORE_EN: CoreWords = CoreWords {
    not_found: "it does not exist",
    no_folder: "the folder it would go in does not exist",
    permission_denied: "permission denied",
    read_only: "it is on a read-only disk",
    is_a_folder: "it is a folder, not a file",
    no_header_row: "it has no header row to suggest a mapping for",
    old_workbook: "it is an old Excel .xls workbook; open it in Excel and save it as .xlsx or as \"CSV UTF-8\"",
    read: |why| format!("could not read the file: {why}"),
    write: |why| format!("could not write the report: {why}"),
    previous: |why| format!("the previous state cannot be used: {why}"),
    unreadable: |why| format!("the export cannot be read: {why}"),
    no_header: "the export has no header row to suggest a mapping for",
    workbook: |why| format!("the workbook could not be read: {why}"),
    config: |why| format!("the configuration is not usable: {why}"),
    options: |why| format!("the options are not usable: {why}"),
    batch: "the check's records arrived damaged between its two halves; this is a fault in the checking program, not in the file: please report it",
    self_check: |what| {
        format!(
            "the file written did not pass the check again ({what}); this is a fault in the program, not in the export: the file must not be used; please report it"
        )
    },
};

static EN: ErrorWords = ErrorWords {
    prefix: "error",
    cannot_read: |path, why| format!("cannot read {path}: {why}"),
    cannot_read_config: |path, why| format!("cannot read the configuration file {path}: {why}"),
    config_invalid: |path, what| format!("the configuration file {path} is not valid:\n{what}"),
    cannot_write: |path, why| format!("cannot write {path}: {why}"),
    not_previous: |path, why| format!("{path} cannot be used as the previous state: {why}"),
    internal: |what| format!("internal error: {what}"),
    cannot_create_in: |folder, why| {
        format!(
            "cannot create a file in the folder {folder}: {why}; choose a folder you can write to"
        )
    },
    cannot_write_output: |why| format!("cannot write the output: {why}"),
    no_export: |pattern| {
        format!(
            "no export matches {pattern}: check [sync] export in alleo.toml, and that the HR system wrote its file there"
        )
    },
    busy: |holder, folder| {
        format!(
            "another alleo-sync run ({holder}) is using the state folder {folder}: this run stops, so that the two do not read the same previous state and deliver twice. Try again when it has ended (the lock ends with its process)"
        )
    },
    folder_not_found: "it does not exist",
    keep_invalid_name: |name, other| {
        format!(
            "--keep-invalid keeps invalid rows in the file, and Alleo picks up every file named alleo_employees_*.csv: name it e.g. {other} instead of {name}, so that it is never sent as it is"
        )
    },
    picked_up: |flag, name, other| {
        format!(
            "{flag} {name}: Alleo picks up every file named alleo_employees_*.csv, and this file is not one to send: name it e.g. {other}"
        )
    },
    output_is_folder: |flag, path, example| {
        format!("{flag} {path} is a folder; give a file name, e.g. {example}")
    },
    output_is_stdout: |flag, example| {
        format!(
            "{flag} -: transform hands a file over only once it is complete and checked, so it does not write to standard output; give a file name, e.g. {example}"
        )
    },
    output_is_input: |flag, path| {
        format!(
            "{flag} {path} is the input, which transform never overwrites: give each file its own name"
        )
    },
    outputs_share: |flag, path, other| {
        format!("{flag} {path} is the file given to {other}: give each file its own name")
    },
    diff_files: "give the previous state and the file: alleo-sync diff PREV FILE",
    diff_needs_previous: |file, not_yet| {
        let place = not_yet
            .map(|p| format!(" (nothing was delivered from this machine yet: {p} does not exist)"))
            .unwrap_or_default();
        format!(
            "diff needs a previous state{place}: give it first, as in alleo-sync diff last_sent.csv {file}"
        )
    },
    no_history: "there is no state folder (no home folder and no [state] dir in alleo.toml), so no history",
    no_kept: |wanted, kept| format!("no kept delivery is named {wanted}; kept: {kept}"),
    many_kept: |wanted, n, names| {
        format!("{wanted} names {n} kept deliveries: {names}; give more of the name")
    },
    sync_no_state: "sync keeps its state (the previous state, the lock, the history) in a folder, and none was found: set [state] dir in alleo.toml",
    sync_no_export: "sync needs the export: give it as an argument, or set [sync] export in alleo.toml, e.g.\n\n  [sync]\n  export = \"/srv/hr/out/medewerkers_*.csv\"",
    pattern_folder: |pattern| {
        format!("[sync] export = \"{pattern}\": only the file name may hold * or ?, not the folder")
    },
    push_needs_sftp: |place| {
        let place = place.unwrap_or("an alleo.toml (none was found)");
        format!(
            "pushing needs an [sftp] section in {place}, for example:\n\n  [sftp]\n  host = \"sftp.example.com\"\n  user = \"acme\"\n  directory = \"/upload\"\n  file_id = \"acme\"\n  password_env = \"ALLEO_SFTP_PASSWORD\"\n  host_key = \"SHA256:...\""
        )
    },
    core: &CORE_EN,
};

static CORE_NL: CoreWords = CoreWords {
    not_found: "het bestaat niet",
    no_folder: "de map waarin het moet komen bestaat niet",
    permission_denied: "toegang geweigerd",
    read_only: "het staat op een schijf die alleen gelezen kan worden",
    is_a_folder: "het is een map, geen bestand",
    no_header_row: "het heeft geen kopregel waarvoor een koppeling kan worden voorgesteld",
    old_workbook: "het is een oude Excel-werkmap (.xls); open het in Excel en sla het op als .xlsx of als \"CSV UTF-8\"",
    read: |why| format!("kon het bestand niet lezen: {why}"),
    write: |why| format!("kon het rapport niet schrijven: {why}"),
    previous: |why| format!("de vorige stand is niet bruikbaar: {why}"),
    unreadable: |why| format!("de export kan niet worden gelezen: {why}"),
    no_header: "de export heeft geen kopregel waarvoor een koppeling kan worden voorgesteld",
    workbook: |why| format!("de werkmap kon niet worden gelezen: {why}"),
    config: |why| format!("de configuratie is niet bruikbaar: {why}"),
    options: |why| format!("de opties zijn niet bruikbaar: {why}"),
    batch: "de records van de controle kwamen beschadigd aan tussen de twee helften; dit is een fout in het controleprogramma, niet in het bestand: meld het alstublieft",
    self_check: |what| {
        format!(
            "het geschreven bestand doorstond de controle niet opnieuw ({what}); dit is een fout in het programma, niet in de export: het bestand mag niet worden gebruikt; meld het alstublieft"
        )
    },
};

static NL: ErrorWords = ErrorWords {
    prefix: "fout",
    cannot_read: |path, why| format!("kan {path} niet lezen: {why}"),
    cannot_read_config: |path, why| format!("kan het configuratiebestand {path} niet lezen: {why}"),
    config_invalid: |path, what| format!("het configuratiebestand {path} is niet geldig:\n{what}"),
    cannot_write: |path, why| format!("kan {path} niet schrijven: {why}"),
    not_previous: |path, why| format!("{path} kan niet als vorige stand dienen: {why}"),
    internal: |what| format!("interne fout: {what}"),
    cannot_create_in: |folder, why| {
        format!(
            "kan geen bestand maken in de map {folder}: {why}; kies een map waarin u mag schrijven"
        )
    },
    cannot_write_output: |why| format!("kan de uitvoer niet schrijven: {why}"),
    no_export: |pattern| {
        format!(
            "geen export past bij {pattern}: controleer [sync] export in alleo.toml, en of het HR-systeem zijn bestand daar heeft neergezet"
        )
    },
    busy: |holder, folder| {
        format!(
            "een andere alleo-sync-run ({holder}) gebruikt de statusmap {folder}: deze run stopt, zodat de twee niet dezelfde vorige stand lezen en dubbel afleveren. Probeer het opnieuw als die klaar is (de vergrendeling eindigt met het proces)"
        )
    },
    folder_not_found: "de map bestaat niet",
    keep_invalid_name: |name, other| {
        format!(
            "--keep-invalid laat ongeldige rijen in het bestand staan, en Alleo haalt elk bestand met de naam alleo_employees_*.csv op: noem het bijv. {other} in plaats van {name}, zodat het nooit zo wordt verstuurd"
        )
    },
    picked_up: |flag, name, other| {
        format!(
            "{flag} {name}: Alleo haalt elk bestand met de naam alleo_employees_*.csv op, en dit bestand is niet om te versturen: noem het bijv. {other}"
        )
    },
    output_is_folder: |flag, path, example| {
        format!("{flag} {path} is een map; geef een bestandsnaam, bijv. {example}")
    },
    output_is_stdout: |flag, example| {
        format!(
            "{flag} -: transform geeft een bestand pas door als het compleet en gecontroleerd is, en schrijft daarom niet naar standaarduitvoer; geef een bestandsnaam, bijv. {example}"
        )
    },
    output_is_input: |flag, path| {
        format!(
            "{flag} {path} is de invoer, die transform nooit overschrijft: geef elk bestand een eigen naam"
        )
    },
    outputs_share: |flag, path, other| {
        format!(
            "{flag} {path} is het bestand dat al bij {other} is opgegeven: geef elk bestand een eigen naam"
        )
    },
    diff_files: "geef de vorige stand en het bestand: alleo-sync diff VORIGE BESTAND",
    diff_needs_previous: |file, not_yet| {
        let place = not_yet
            .map(|p| format!(" (vanaf deze machine is nog niets afgeleverd: {p} bestaat niet)"))
            .unwrap_or_default();
        format!(
            "diff heeft een vorige stand nodig{place}: geef die eerst op, zoals in alleo-sync diff laatst_verstuurd.csv {file}"
        )
    },
    no_history: "er is geen statusmap (geen thuismap en geen [state] dir in alleo.toml), dus geen geschiedenis",
    no_kept: |wanted, kept| format!("geen bewaarde levering heet {wanted}; bewaard: {kept}"),
    many_kept: |wanted, n, names| {
        format!("{wanted} past bij {n} bewaarde leveringen: {names}; geef meer van de naam")
    },
    sync_no_state: "sync bewaart zijn stand (de vorige stand, de vergrendeling, de geschiedenis) in een map, en die is niet gevonden: stel [state] dir in alleo.toml in",
    sync_no_export: "sync heeft de export nodig: geef die als argument, of stel [sync] export in alleo.toml in, bijv.\n\n  [sync]\n  export = \"/srv/hr/out/medewerkers_*.csv\"",
    pattern_folder: |pattern| {
        format!(
            "[sync] export = \"{pattern}\": alleen de bestandsnaam mag * of ? bevatten, de map niet"
        )
    },
    push_needs_sftp: |place| {
        let place = place.unwrap_or("een alleo.toml (er is er geen gevonden)");
        format!(
            "afleveren vraagt een [sftp]-sectie in {place}, bijvoorbeeld:\n\n  [sftp]\n  host = \"sftp.example.com\"\n  user = \"acme\"\n  directory = \"/upload\"\n  file_id = \"acme\"\n  password_env = \"ALLEO_SFTP_PASSWORD\"\n  host_key = \"SHA256:...\""
        )
    },
    core: &CORE_NL,
};

static CORE_DE: CoreWords = CoreWords {
    not_found: "es existiert nicht",
    no_folder: "der Ordner dafür existiert nicht",
    permission_denied: "keine Berechtigung",
    read_only: "auf einem schreibgeschützten Datenträger",
    is_a_folder: "das ist ein Ordner, keine Datei",
    no_header_row: "sie hat keine Kopfzeile, für die sich eine Zuordnung vorschlagen ließe",
    old_workbook: "es ist eine alte Excel-Arbeitsmappe (.xls); öffnen Sie sie in Excel und speichern Sie sie als .xlsx oder als \"CSV UTF-8\"",
    read: |why| format!("die Datei konnte nicht gelesen werden: {why}"),
    write: |why| format!("der Bericht konnte nicht geschrieben werden: {why}"),
    previous: |why| format!("der vorherige Stand ist nicht verwendbar: {why}"),
    unreadable: |why| format!("der Export kann nicht gelesen werden: {why}"),
    no_header: "der Export hat keine Kopfzeile, für die sich eine Zuordnung vorschlagen ließe",
    workbook: |why| format!("die Arbeitsmappe konnte nicht gelesen werden: {why}"),
    config: |why| format!("die Konfiguration ist nicht verwendbar: {why}"),
    options: |why| format!("die Optionen sind nicht verwendbar: {why}"),
    batch: "die Datensätze der Prüfung kamen zwischen ihren beiden Hälften beschädigt an; das ist ein Fehler im Prüfprogramm, nicht in der Datei: bitte melden Sie ihn",
    self_check: |what| {
        format!(
            "die geschriebene Datei hat die Prüfung nicht erneut bestanden ({what}); das ist ein Fehler im Programm, nicht im Export: die Datei darf nicht verwendet werden; bitte melden Sie ihn"
        )
    },
};

static DE: ErrorWords = ErrorWords {
    prefix: "Fehler",
    cannot_read: |path, why| format!("{path} kann nicht gelesen werden: {why}"),
    cannot_read_config: |path, why| {
        format!("die Konfigurationsdatei {path} kann nicht gelesen werden: {why}")
    },
    config_invalid: |path, what| {
        format!("die Konfigurationsdatei {path} ist nicht gültig:\n{what}")
    },
    cannot_write: |path, why| format!("{path} kann nicht geschrieben werden: {why}"),
    not_previous: |path, why| format!("{path} kann nicht als vorheriger Stand dienen: {why}"),
    internal: |what| format!("interner Fehler: {what}"),
    cannot_create_in: |folder, why| {
        format!(
            "im Ordner {folder} kann keine Datei angelegt werden: {why}; wählen Sie einen Ordner, in den Sie schreiben dürfen"
        )
    },
    cannot_write_output: |why| format!("die Ausgabe kann nicht geschrieben werden: {why}"),
    no_export: |pattern| {
        format!(
            "kein Export passt zu {pattern}: prüfen Sie [sync] export in alleo.toml, und ob das HR-System seine Datei dort abgelegt hat"
        )
    },
    busy: |holder, folder| {
        format!(
            "ein anderer alleo-sync-Lauf ({holder}) verwendet den Statusordner {folder}: dieser Lauf endet, damit nicht beide denselben vorherigen Stand lesen und doppelt liefern. Versuchen Sie es erneut, wenn er beendet ist (die Sperre endet mit seinem Prozess)"
        )
    },
    folder_not_found: "der Ordner existiert nicht",
    keep_invalid_name: |name, other| {
        format!(
            "--keep-invalid lässt ungültige Zeilen in der Datei, und Alleo holt jede Datei namens alleo_employees_*.csv ab: nennen Sie sie z. B. {other} statt {name}, damit sie nie so gesendet wird"
        )
    },
    picked_up: |flag, name, other| {
        format!(
            "{flag} {name}: Alleo holt jede Datei namens alleo_employees_*.csv ab, und diese Datei ist nicht zum Senden: nennen Sie sie z. B. {other}"
        )
    },
    output_is_folder: |flag, path, example| {
        format!("{flag} {path} ist ein Ordner; geben Sie einen Dateinamen an, z. B. {example}")
    },
    output_is_stdout: |flag, example| {
        format!(
            "{flag} -: transform gibt eine Datei erst weiter, wenn sie vollständig und geprüft ist, und kann daher nicht auf die Standardausgabe schreiben; geben Sie einen Dateinamen an, z. B. {example}"
        )
    },
    output_is_input: |flag, path| {
        format!(
            "{flag} {path} ist die Eingabe, die transform nie überschreibt: geben Sie jeder Datei einen eigenen Namen"
        )
    },
    outputs_share: |flag, path, other| {
        format!(
            "{flag} {path} ist die Datei, die schon bei {other} angegeben ist: geben Sie jeder Datei einen eigenen Namen"
        )
    },
    diff_files: "geben Sie den vorherigen Stand und die Datei an: alleo-sync diff VORHER DATEI",
    diff_needs_previous: |file, not_yet| {
        let place = not_yet
            .map(|p| {
                format!(" (von diesem Rechner wurde noch nichts geliefert: {p} existiert nicht)")
            })
            .unwrap_or_default();
        format!(
            "diff braucht einen vorherigen Stand{place}: geben Sie ihn zuerst an, wie in alleo-sync diff zuletzt_gesendet.csv {file}"
        )
    },
    no_history: "es gibt keinen Statusordner (keinen Benutzerordner und kein [state] dir in alleo.toml), also keinen Verlauf",
    no_kept: |wanted, kept| {
        format!("keine aufbewahrte Lieferung heißt {wanted}; aufbewahrt: {kept}")
    },
    many_kept: |wanted, n, names| {
        format!(
            "{wanted} passt zu {n} aufbewahrten Lieferungen: {names}; geben Sie mehr vom Namen an"
        )
    },
    sync_no_state: "sync hält seinen Stand (den vorherigen Stand, die Sperre, den Verlauf) in einem Ordner, und keiner wurde gefunden: setzen Sie [state] dir in alleo.toml",
    sync_no_export: "sync braucht den Export: geben Sie ihn als Argument an, oder setzen Sie [sync] export in alleo.toml, z. B.\n\n  [sync]\n  export = \"/srv/hr/out/medewerkers_*.csv\"",
    pattern_folder: |pattern| {
        format!(
            "[sync] export = \"{pattern}\": nur der Dateiname darf * oder ? enthalten, nicht der Ordner"
        )
    },
    push_needs_sftp: |place| {
        let place = place.unwrap_or("einer alleo.toml (keine gefunden)");
        format!(
            "Liefern braucht einen Abschnitt [sftp] in {place}, zum Beispiel:\n\n  [sftp]\n  host = \"sftp.example.com\"\n  user = \"acme\"\n  directory = \"/upload\"\n  file_id = \"acme\"\n  password_env = \"ALLEO_SFTP_PASSWORD\"\n  host_key = \"SHA256:...\""
        )
    },
    core: &CORE_DE,
};

#[cfg(test)]
mod tests {
    use super::*;

    /// The English words are the `Display` of the errors they say.
    #[test]
    fn the_english_core_errors_are_their_display() {
        let errors = [
            Error::Read(io::Error::other("disk on fire")),
            Error::Previous("no Email column".into()),
            Error::Unreadable(Kind::OldWorkbook),
            Error::NoHeader,
            Error::Workbook("broken".into()),
            Error::Config("`x` is unknown".into()),
            Error::Options("bad".into()),
            Error::Batch,
            Error::SelfCheck("row 2".into()),
        ];
        for e in &errors {
            assert_eq!(core_error(e, Lang::En), e.to_string());
        }
    }

    #[test]
    fn usual_reasons_are_said_in_the_language() {
        let gone = io::Error::from(io::ErrorKind::NotFound);
        assert_eq!(
            ErrorWords::of(Lang::Nl).io_reason(&gone),
            "het bestaat niet"
        );
        assert_eq!(
            ErrorWords::of(Lang::Nl).write_reason(&gone),
            "de map waarin het moet komen bestaat niet"
        );
        assert_eq!(
            core_error(&Error::Read(gone), Lang::De),
            "die Datei konnte nicht gelesen werden: es existiert nicht"
        );
        let other = io::Error::other("the disk is on fire");
        assert_eq!(
            ErrorWords::of(Lang::Nl).io_reason(&other),
            "the disk is on fire"
        );
    }
}
