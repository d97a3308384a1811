//! Why a delivery failed, in English, Dutch or German: the parts of the message
//! (what was asked of the server, what was waited for, why a key or a password
//! is not usable) and the sentences they go in. The core delivers nothing; the
//! front that does names what failed with these types, and what the server or
//! its library said is passed on as it was said.
//!
//! ```
//! use alleo_csv_core::Lang;
//! use alleo_csv_core::text::refusal::{Request, Why, refused};
//! let rename = Request::RenameTo("/upload/alleo_employees_acme.csv".into());
//! let why = Why::PermissionDenied;
//! assert_eq!(refused(Lang::En, "acme@sftp:22", &rename, &why),
//!     "acme@sftp:22 could not rename the upload to /upload/alleo_employees_acme.csv: permission denied");
//! assert_eq!(refused(Lang::Nl, "acme@sftp:22", &rename, &why),
//!     "acme@sftp:22: de upload hernoemen naar /upload/alleo_employees_acme.csv is mislukt: toegang geweigerd");
//! ```

use crate::messages::Lang;

/// A request a delivery makes of its server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// Open the connection.
    Connect,
    /// Log in.
    LogIn,
    /// Switch an FTP session to binary transfers.
    Binary,
    /// Start SFTP in the login folder.
    StartSftp,
    /// List a folder (its path).
    List(String),
    /// Write the upload (its remote path).
    Write(String),
    /// Read a file's size (its remote path).
    Size(String),
    /// Rename the upload to its final name (that remote path).
    RenameTo(String),
    /// Remove a file (its remote path).
    Remove(String),
    /// Look for a file (its remote path).
    LookFor(String),
}

impl Request {
    /// The request in `lang`, as a verb phrase (English: after "could not").
    pub fn said(&self, lang: Lang) -> String {
        use Request as R;
        match lang {
            Lang::En => match self {
                R::Connect => "connect to the server".into(),
                R::LogIn => "log in to the server".into(),
                R::Binary => "choose binary transfers on the server".into(),
                R::StartSftp => "start SFTP in the login folder".into(),
                R::List(p) => format!("list the folder {p}"),
                R::Write(p) => format!("write {p}"),
                R::Size(p) => format!("check the size of {p}"),
                R::RenameTo(p) => format!("rename the upload to {p}"),
                R::Remove(p) => format!("remove {p}"),
                R::LookFor(p) => format!("look for {p}"),
            },
            Lang::Nl => match self {
                R::Connect => "verbinden met de server".into(),
                R::LogIn => "inloggen op de server".into(),
                R::Binary => "overschakelen op binaire overdracht".into(),
                R::StartSftp => "SFTP starten in de inlogmap".into(),
                R::List(p) => format!("de inhoud van map {p} opvragen"),
                R::Write(p) => format!("{p} schrijven"),
                R::Size(p) => format!("de grootte van {p} opvragen"),
                R::RenameTo(p) => format!("de upload hernoemen naar {p}"),
                R::Remove(p) => format!("{p} verwijderen"),
                R::LookFor(p) => format!("zoeken naar {p}"),
            },
            Lang::De => match self {
                R::Connect => "Verbinden mit dem Server".into(),
                R::LogIn => "Anmelden am Server".into(),
                R::Binary => "Umschalten auf binäre Übertragung".into(),
                R::StartSftp => "Starten von SFTP im Anmeldeordner".into(),
                R::List(p) => format!("Auflisten des Ordners {p}"),
                R::Write(p) => format!("Schreiben von {p}"),
                R::Size(p) => format!("Abfragen der Größe von {p}"),
                R::RenameTo(p) => format!("Umbenennen des Uploads in {p}"),
                R::Remove(p) => format!("Entfernen von {p}"),
                R::LookFor(p) => format!("Suchen nach {p}"),
            },
        }
    }
}

/// What a delivery waited for when its time ran out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// The connection.
    Connecting,
    /// SSH's key exchange.
    ExchangingKeys,
    /// The login.
    LoggingIn,
    /// SFTP's start.
    OpeningSftp,
    /// The server's answer to a request.
    Answer(Request),
}

impl Step {
    fn said(&self, lang: Lang) -> String {
        match (lang, self) {
            (Lang::En, Step::Connecting) => "connecting".into(),
            (Lang::En, Step::ExchangingKeys) => "exchanging keys".into(),
            (Lang::En, Step::LoggingIn) => "logging in".into(),
            (Lang::En, Step::OpeningSftp) => "opening SFTP".into(),
            (Lang::En, Step::Answer(r)) => format!("waiting to {}", r.said(lang)),
            (Lang::Nl, Step::Connecting) => "bij het verbinden".into(),
            (Lang::Nl, Step::ExchangingKeys) => "bij het uitwisselen van sleutels".into(),
            (Lang::Nl, Step::LoggingIn) => "bij het inloggen".into(),
            (Lang::Nl, Step::OpeningSftp) => "bij het openen van SFTP".into(),
            (Lang::Nl, Step::Answer(r)) => format!("in afwachting van: {}", r.said(lang)),
            (Lang::De, Step::Connecting) => "beim Verbinden".into(),
            (Lang::De, Step::ExchangingKeys) => "beim Schlüsselaustausch".into(),
            (Lang::De, Step::LoggingIn) => "beim Anmelden".into(),
            (Lang::De, Step::OpeningSftp) => "beim Öffnen von SFTP".into(),
            (Lang::De, Step::Answer(r)) => format!("beim Warten auf: {}", r.said(lang)),
        }
    }
}

/// What failed when a connection could not be made, or broke.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Broken {
    /// The connection could not be opened.
    Connect,
    /// The host name has no address (the name).
    Resolve(String),
    /// The connection's time limits could not be set.
    Timeouts,
    /// SSH's secure channel.
    Secure,
    /// The login exchange.
    Login,
    /// The server offers no SFTP.
    NoSftp,
    /// The server refuses a second SFTP channel.
    NoSecondChannel,
    /// The connection broke during a request.
    During(Request),
    /// The server refused a request for now (FTP's 4xx replies).
    NotNow(Request),
}

impl Broken {
    fn said(&self, lang: Lang) -> String {
        use Broken as B;
        match lang {
            Lang::En => match self {
                B::Connect => "cannot connect".into(),
                B::Resolve(host) => format!("the name {host} cannot be resolved"),
                B::Timeouts => "cannot set the connection's timeouts".into(),
                B::Secure => "the secure connection failed".into(),
                B::Login => "the login failed".into(),
                B::NoSftp => "the server offers no SFTP".into(),
                B::NoSecondChannel => "the server offers no second SFTP channel".into(),
                B::During(r) => format!("the connection broke while trying to {}", r.said(lang)),
                B::NotNow(r) => format!("could not {}", r.said(lang)),
            },
            Lang::Nl => match self {
                B::Connect => "kan geen verbinding maken".into(),
                B::Resolve(host) => format!("de naam {host} is niet te vinden"),
                B::Timeouts => "kan de tijdslimieten van de verbinding niet instellen".into(),
                B::Secure => "de beveiligde verbinding is mislukt".into(),
                B::Login => "het inloggen is mislukt".into(),
                B::NoSftp => "de server biedt geen SFTP".into(),
                B::NoSecondChannel => "de server biedt geen tweede SFTP-kanaal".into(),
                B::During(r) => format!("de verbinding brak af bij: {}", r.said(lang)),
                B::NotNow(r) => format!("{} is mislukt", r.said(lang)),
            },
            Lang::De => match self {
                B::Connect => "keine Verbindung möglich".into(),
                B::Resolve(host) => format!("der Name {host} ist nicht auflösbar"),
                B::Timeouts => "die Zeitlimits der Verbindung lassen sich nicht setzen".into(),
                B::Secure => "die sichere Verbindung ist fehlgeschlagen".into(),
                B::Login => "die Anmeldung ist fehlgeschlagen".into(),
                B::NoSftp => "der Server bietet kein SFTP".into(),
                B::NoSecondChannel => "der Server bietet keinen zweiten SFTP-Kanal".into(),
                B::During(r) => format!("die Verbindung brach ab beim {}", r.said(lang)),
                B::NotNow(r) => format!("{} ist fehlgeschlagen", r.said(lang)),
            },
        }
    }
}

/// Why a server's host key is not trusted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Untrusted {
    /// It is a certificate, which is not supported.
    Certificate,
    /// It is not in the known-hosts file (its path).
    NotKnown(String),
    /// The known-hosts file could not be read (its path, why).
    Unreadable(String, String),
    /// Another key is pinned (the pinned one).
    Pinned(String),
    /// The known-hosts file records another key (its path, the line).
    Recorded(String, usize),
}

impl Untrusted {
    /// What follows "its host key `SHA256:...`" (for an unknown key), or what was
    /// expected (for a changed one).
    fn said(&self, lang: Lang) -> String {
        use Untrusted as U;
        match lang {
            Lang::En => match self {
                U::Certificate => "is a certificate, which is not supported".into(),
                U::NotKnown(path) => format!("is not in {path}"),
                U::Unreadable(path, e) => format!("cannot be checked against {path}: {e}"),
                U::Pinned(pin) => format!("the pinned host_key is {pin}"),
                U::Recorded(path, line) => format!("{path} line {line} records another key for it"),
            },
            Lang::Nl => match self {
                U::Certificate => "is een certificaat, en dat wordt niet ondersteund".into(),
                U::NotKnown(path) => format!("staat niet in {path}"),
                U::Unreadable(path, e) => format!("kan niet worden vergeleken met {path}: {e}"),
                U::Pinned(pin) => format!("de vastgelegde host_key is {pin}"),
                U::Recorded(path, line) => {
                    format!("{path} regel {line} noemt er een andere sleutel voor")
                }
            },
            Lang::De => match self {
                U::Certificate => "ist ein Zertifikat, und das wird nicht unterstützt".into(),
                U::NotKnown(path) => format!("steht nicht in {path}"),
                U::Unreadable(path, e) => format!("kann nicht mit {path} verglichen werden: {e}"),
                U::Pinned(pin) => format!("der festgelegte host_key ist {pin}"),
                U::Recorded(path, line) => {
                    format!("{path} Zeile {line} nennt einen anderen Schlüssel dafür")
                }
            },
        }
    }
}

/// Where a delivery's password comes from (never the password).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PasswordFrom {
    /// An environment variable (its name).
    Env(String),
    /// A file (its path).
    File(String),
    /// Typed at the terminal.
    Typed,
}

impl PasswordFrom {
    fn said(&self, lang: Lang) -> String {
        match (lang, self) {
            (Lang::En, PasswordFrom::Env(v)) => {
                format!("the environment variable {v} (password_env)")
            }
            (Lang::En, PasswordFrom::File(p)) => format!("the file {p} (password_file)"),
            (Lang::En, PasswordFrom::Typed) => "the password typed".into(),
            (Lang::Nl, PasswordFrom::Env(v)) => format!("de omgevingsvariabele {v} (password_env)"),
            (Lang::Nl, PasswordFrom::File(p)) => format!("het bestand {p} (password_file)"),
            (Lang::Nl, PasswordFrom::Typed) => "het getypte wachtwoord".into(),
            (Lang::De, PasswordFrom::Env(v)) => format!("der Umgebungsvariable {v} (password_env)"),
            (Lang::De, PasswordFrom::File(p)) => format!("der Datei {p} (password_file)"),
            (Lang::De, PasswordFrom::Typed) => "dem eingegebenen Passwort".into(),
        }
    }
}

/// Why a delivery has no password.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoPassword {
    /// The environment variable is not set (its name).
    Unset(String),
    /// The password file cannot be read (its path, why).
    Unreadable(String, String),
    /// Others can read the password file (its path, its mode).
    Open(String, u32),
    /// The password file is empty (its path).
    Empty(String),
    /// No terminal to ask on.
    NoTerminal,
    /// The terminal could not be read (why).
    Terminal(String),
}

impl NoPassword {
    fn said(&self, lang: Lang) -> String {
        use NoPassword as N;
        match lang {
            Lang::En => match self {
                N::Unset(v) => format!("the environment variable {v} (password_env) is not set; set it in the environment of this command"),
                N::Unreadable(p, e) => format!("the password file {p} cannot be read: {e}"),
                N::Open(p, mode) => format!("the password file {p} can be read by others (mode {mode:o}); make it private: chmod 600 {p}"),
                N::Empty(p) => format!("the password file {p} is empty"),
                N::NoTerminal => "there is no terminal to ask on; set password_env or password_file in [sftp]".into(),
                N::Terminal(e) => format!("it could not be read from the terminal: {e}"),
            },
            Lang::Nl => match self {
                N::Unset(v) => format!("de omgevingsvariabele {v} (password_env) is niet ingesteld; stel hem in de omgeving van dit commando in"),
                N::Unreadable(p, e) => format!("het wachtwoordbestand {p} kan niet worden gelezen: {e}"),
                N::Open(p, mode) => format!("het wachtwoordbestand {p} is door anderen te lezen (modus {mode:o}); maak het privé: chmod 600 {p}"),
                N::Empty(p) => format!("het wachtwoordbestand {p} is leeg"),
                N::NoTerminal => "er is geen terminal om het te vragen; stel password_env of password_file in [sftp] in".into(),
                N::Terminal(e) => format!("het kon niet van de terminal worden gelezen: {e}"),
            },
            Lang::De => match self {
                N::Unset(v) => format!("die Umgebungsvariable {v} (password_env) ist nicht gesetzt; setzen Sie sie in der Umgebung dieses Befehls"),
                N::Unreadable(p, e) => format!("die Passwortdatei {p} kann nicht gelesen werden: {e}"),
                N::Open(p, mode) => format!("die Passwortdatei {p} ist für andere lesbar (Modus {mode:o}); machen Sie sie privat: chmod 600 {p}"),
                N::Empty(p) => format!("die Passwortdatei {p} ist leer"),
                N::NoTerminal => "es gibt kein Terminal, um danach zu fragen; setzen Sie password_env oder password_file in [sftp]".into(),
                N::Terminal(e) => format!("es konnte nicht vom Terminal gelesen werden: {e}"),
            },
        }
    }
}

/// Why the server refused a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    /// No such file or folder.
    NoSuchFile,
    /// No permission.
    PermissionDenied,
    /// What the server said.
    Said(String),
}

impl Why {
    fn said(&self, lang: Lang) -> String {
        match (lang, self) {
            (_, Why::Said(text)) => text.clone(),
            (Lang::En, Why::NoSuchFile) => "no such file or folder".into(),
            (Lang::En, Why::PermissionDenied) => "permission denied".into(),
            (Lang::Nl, Why::NoSuchFile) => "bestand of map bestaat niet".into(),
            (Lang::Nl, Why::PermissionDenied) => "toegang geweigerd".into(),
            (Lang::De, Why::NoSuchFile) => "Datei oder Ordner existiert nicht".into(),
            (Lang::De, Why::PermissionDenied) => "keine Berechtigung".into(),
        }
    }
}

/// Why FTP's TLS could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TlsWhy {
    /// What the TLS library said.
    Said(String),
    /// `ftp_ca_file` cannot be used (its path, why).
    CaFile(String, String),
    /// `ftp_ca_file` holds no PEM certificate (its path).
    CaFileEmpty(String),
}

impl TlsWhy {
    fn said(&self, lang: Lang) -> String {
        match (lang, self) {
            (_, TlsWhy::Said(text)) => text.clone(),
            (Lang::En, TlsWhy::CaFile(p, e)) => format!("ftp_ca_file {p} cannot be used: {e}"),
            (Lang::En, TlsWhy::CaFileEmpty(p)) => {
                format!("ftp_ca_file {p} cannot be used: it holds no PEM certificate")
            }
            (Lang::Nl, TlsWhy::CaFile(p, e)) => format!("ftp_ca_file {p} is niet bruikbaar: {e}"),
            (Lang::Nl, TlsWhy::CaFileEmpty(p)) => {
                format!("ftp_ca_file {p} is niet bruikbaar: het bevat geen PEM-certificaat")
            }
            (Lang::De, TlsWhy::CaFile(p, e)) => {
                format!("ftp_ca_file {p} ist nicht verwendbar: {e}")
            }
            (Lang::De, TlsWhy::CaFileEmpty(p)) => {
                format!("ftp_ca_file {p} ist nicht verwendbar: sie enthält kein PEM-Zertifikat")
            }
        }
    }
}

/// A connection that could not be made or broke (`detail`: what the library said).
pub fn broken(lang: Lang, server: &str, what: &Broken, detail: Option<&str>) -> String {
    let detail = detail.map(|d| format!(": {d}")).unwrap_or_default();
    format!("{server}: {}{detail}", what.said(lang))
}

/// A wait that took longer than `[sftp] timeout_secs`.
pub fn timeout(lang: Lang, server: &str, secs: u64, step: &Step) -> String {
    let step = step.said(lang);
    match lang {
        Lang::En => format!(
            "{server} did not answer within {secs} s ({step}); check the host and port, and that a firewall lets this machine through"
        ),
        Lang::Nl => format!(
            "{server} antwoordde niet binnen {secs} s ({step}); controleer host en poort, en of een firewall deze machine doorlaat"
        ),
        Lang::De => format!(
            "{server} hat nicht innerhalb von {secs} s geantwortet ({step}); prüfen Sie Host und Port, und ob eine Firewall diesen Rechner durchlässt"
        ),
    }
}

/// A host key that is not known: nothing was sent. (A certificate has no key to
/// pin: it is said so, without that advice.)
pub fn key_unknown(lang: Lang, server: &str, key: &str, why: &Untrusted) -> String {
    if *why == Untrusted::Certificate {
        return match lang {
            Lang::En => format!(
                "{server} presented a host certificate, which alleo-sync cannot check. Nothing was sent (no password either). Ask the server's administrator for its plain host key, and pin its SHA256 fingerprint as host_key in [sftp]"
            ),
            Lang::Nl => format!(
                "{server} toonde een hostcertificaat, en dat kan alleo-sync niet controleren. Er is niets verstuurd (ook geen wachtwoord). Vraag de beheerder van de server om de gewone hostsleutel, en leg de SHA256-vingerafdruk daarvan vast als host_key in [sftp]"
            ),
            Lang::De => format!(
                "{server} zeigte ein Host-Zertifikat, und das kann alleo-sync nicht prüfen. Es wurde nichts gesendet (auch kein Passwort). Fragen Sie den Administrator des Servers nach dem einfachen Host-Schlüssel, und legen Sie dessen SHA256-Fingerabdruck als host_key in [sftp] fest"
            ),
        };
    }
    let why = why.said(lang);
    match lang {
        Lang::En => format!(
            "{server} is not a known server: its host key {key} {why}. Nothing was sent (no password either).\nIf this is the server's key (confirm it with the server's administrator), pin it in alleo.toml:\n\n  [sftp]\n  host_key = \"{key}\""
        ),
        Lang::Nl => format!(
            "{server} is geen bekende server: de hostsleutel {key} {why}. Er is niets verstuurd (ook geen wachtwoord).\nAls dit de sleutel van de server is (laat de beheerder van de server dat bevestigen), leg hem vast in alleo.toml:\n\n  [sftp]\n  host_key = \"{key}\""
        ),
        Lang::De => format!(
            "{server} ist kein bekannter Server: sein Host-Schlüssel {key} {why}. Es wurde nichts gesendet (auch kein Passwort).\nWenn das der Schlüssel des Servers ist (lassen Sie es sich vom Administrator des Servers bestätigen), legen Sie ihn in alleo.toml fest:\n\n  [sftp]\n  host_key = \"{key}\""
        ),
    }
}

/// A host key that is not the one expected: nothing was sent.
pub fn key_changed(lang: Lang, server: &str, key: &str, expected: &Untrusted) -> String {
    let expected = expected.said(lang);
    match lang {
        Lang::En => format!(
            "{server} presented a host key that is not the one expected: it is {key}, but {expected}. Nothing was sent (no password either).\nThe server may have been reinstalled, or someone may be between you and it: do not push until its administrator confirms the new key; then pin it as host_key in [sftp]."
        ),
        Lang::Nl => format!(
            "{server} toonde een andere hostsleutel dan verwacht: het is {key}, maar {expected}. Er is niets verstuurd (ook geen wachtwoord).\nDe server kan opnieuw zijn geïnstalleerd, of iemand zit tussen u en de server: lever niets af tot de beheerder de nieuwe sleutel bevestigt; leg hem dan vast als host_key in [sftp]."
        ),
        Lang::De => format!(
            "{server} zeigte einen anderen Host-Schlüssel als erwartet: er ist {key}, aber {expected}. Es wurde nichts gesendet (auch kein Passwort).\nDer Server kann neu installiert worden sein, oder jemand steht zwischen Ihnen und ihm: liefern Sie nichts, bis sein Administrator den neuen Schlüssel bestätigt; legen Sie ihn dann als host_key in [sftp] fest."
        ),
    }
}

/// A refused login.
pub fn login_refused(lang: Lang, server: &str, from: &PasswordFrom) -> String {
    let from = from.said(lang);
    match lang {
        Lang::En => format!(
            "{server} refused the login: the user or the password is wrong. Check [sftp] user, and the password in {from}"
        ),
        Lang::Nl => format!(
            "{server} weigerde de login: de gebruiker of het wachtwoord klopt niet. Controleer [sftp] user, en het wachtwoord in {from}"
        ),
        Lang::De => format!(
            "{server} hat die Anmeldung abgelehnt: Benutzer oder Passwort sind falsch. Prüfen Sie [sftp] user, und das Passwort in {from}"
        ),
    }
}

/// No password to log in with.
pub fn no_password(lang: Lang, server: &str, why: &NoPassword) -> String {
    let why = why.said(lang);
    match lang {
        Lang::En => format!("no password for {server}: {why}"),
        Lang::Nl => format!("geen wachtwoord voor {server}: {why}"),
        Lang::De => format!("kein Passwort für {server}: {why}"),
    }
}

/// A request the server refused.
pub fn refused(lang: Lang, server: &str, request: &Request, why: &Why) -> String {
    let (request, why) = (request.said(lang), why.said(lang));
    match lang {
        Lang::En => format!("{server} could not {request}: {why}"),
        Lang::Nl => format!("{server}: {request} is mislukt: {why}"),
        Lang::De => format!("{server}: {request} ist fehlgeschlagen: {why}"),
    }
}

/// Other pickup files wait in the folder: nothing was sent.
pub fn other_files(lang: Lang, server: &str, folder: &str, names: &str) -> String {
    match lang {
        Lang::En => format!(
            "the folder {folder} on {server} already holds {names}: Alleo processes every alleo_employees_*.csv file at each pickup, so this push would deliver them too. Nothing was sent. Remove them, or push with --replace to remove them once the new file is in place"
        ),
        Lang::Nl => format!(
            "de map {folder} op {server} bevat al {names}: Alleo verwerkt bij elke ophaalronde elk alleo_employees_*.csv-bestand, dus deze levering zou die ook afleveren. Er is niets verstuurd. Verwijder ze, of lever af met --replace om ze te verwijderen zodra het nieuwe bestand op zijn plaats staat"
        ),
        Lang::De => format!(
            "der Ordner {folder} auf {server} enthält schon {names}: Alleo verarbeitet bei jeder Abholung jede alleo_employees_*.csv-Datei, diese Lieferung würde sie also mitliefern. Es wurde nichts gesendet. Entfernen Sie sie, oder liefern Sie mit --replace, um sie zu entfernen, sobald die neue Datei an ihrem Platz ist"
        ),
    }
}

/// FTP's TLS failed: nothing was sent.
pub fn tls(lang: Lang, server: &str, why: &TlsWhy) -> String {
    let why = why.said(lang);
    match lang {
        Lang::En => format!(
            "{server}: the encrypted connection (ftp_tls) failed: {why}. Nothing was sent (no password either). If the server's certificate comes from your own authority, give its PEM file as ftp_ca_file in [sftp]"
        ),
        Lang::Nl => format!(
            "{server}: de versleutelde verbinding (ftp_tls) is mislukt: {why}. Er is niets verstuurd (ook geen wachtwoord). Komt het certificaat van de server van uw eigen certificaatautoriteit, geef dan het PEM-bestand op als ftp_ca_file in [sftp]"
        ),
        Lang::De => format!(
            "{server}: die verschlüsselte Verbindung (ftp_tls) ist fehlgeschlagen: {why}. Es wurde nichts gesendet (auch kein Passwort). Stammt das Zertifikat des Servers von Ihrer eigenen Zertifizierungsstelle, geben Sie deren PEM-Datei als ftp_ca_file in [sftp] an"
        ),
    }
}

/// An upload that is not whole on the server.
pub fn incomplete(lang: Lang, server: &str, path: &str, sent: u64, found: u64) -> String {
    let (sent, found) = (lang.number(sent), lang.number(found));
    match lang {
        Lang::En => format!(
            "{server} holds {found} bytes of {path} after {sent} were sent: the upload is incomplete"
        ),
        Lang::Nl => format!(
            "{server} heeft {found} bytes van {path} nadat er {sent} zijn verstuurd: de upload is onvolledig"
        ),
        Lang::De => format!(
            "{server} hat {found} Bytes von {path}, nachdem {sent} gesendet wurden: der Upload ist unvollständig"
        ),
    }
}

/// The question for the password, at the terminal.
pub fn password_prompt(lang: Lang, server: &str) -> String {
    match lang {
        Lang::En => format!("Password for {server}: "),
        Lang::Nl => format!("Wachtwoord voor {server}: "),
        Lang::De => format!("Passwort für {server}: "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_part_is_said_in_every_language() {
        let requests = [
            Request::Connect,
            Request::LogIn,
            Request::Binary,
            Request::StartSftp,
            Request::List("/in".into()),
            Request::Write("/in/x".into()),
            Request::Size("/in/x".into()),
            Request::RenameTo("/in/y".into()),
            Request::Remove("/in/z".into()),
            Request::LookFor("/in/y".into()),
        ];
        for lang in [Lang::En, Lang::Nl, Lang::De] {
            let mut seen = std::collections::HashSet::new();
            for r in &requests {
                let said = refused(lang, "s", r, &Why::NoSuchFile);
                assert!(seen.insert(said.clone()), "{said} said twice");
                // What was asked is said in the frame, in the language.
                let during = broken(lang, "s", &Broken::During(r.clone()), Some("reset"));
                assert!(during.ends_with(": reset"), "{during}");
                let waited = timeout(lang, "s", 5, &Step::Answer(r.clone()));
                assert!(waited.contains(" 5 s"), "{waited}");
                if lang != Lang::En {
                    let english = broken(Lang::En, "s", &Broken::During(r.clone()), Some("reset"));
                    assert_ne!(during, english, "{during}");
                    let english = timeout(Lang::En, "s", 5, &Step::Answer(r.clone()));
                    assert_ne!(waited, english, "{waited}");
                }
                assert!(seen.insert(during.clone()), "{during} said twice");
                assert!(seen.insert(waited.clone()), "{waited} said twice");
            }
            let key = key_unknown(lang, "s", "SHA256:k", &Untrusted::NotKnown("/kh".into()));
            assert!(
                key.contains("/kh") && key.contains("host_key = \"SHA256:k\""),
                "{key}"
            );
            let certificate = key_unknown(lang, "s", "-", &Untrusted::Certificate);
            assert!(
                !certificate.contains("host_key ="),
                "no key to pin: {certificate}"
            );
            let open = no_password(lang, "s", &NoPassword::Open("/p".into(), 0o644));
            assert!(
                open.contains("644") && open.contains("chmod 600 /p"),
                "{open}"
            );
        }
    }
}
