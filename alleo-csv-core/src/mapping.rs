//! Suggesting a `[mapping]` (and `[input]`, `[custom_fields]`) for an export.
//!
//! A suggestion is never applied by itself: it is text for the user to check and
//! put in `alleo.toml`. Each comes with a confidence and the reason, from the header
//! (English, Dutch and German names of Alleo's fields) and from the values under it:
//! an "Email consent" column holds yes and no, not addresses, so it is not offered
//! as the email. Lines the suggestion is unsure of are written commented out.

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::config::{Config, CustomType, Target};
use crate::field::{FieldKey, normalize_header};
use crate::input::{DateFormat, Delimiter, Encoding};
use crate::messages::Lang;
use crate::naming::{is_custom_name, suggest_custom_name};
use crate::rules::date::Ymd;
use crate::rules::email::check_email;
use crate::rules::language::language_code;
use crate::rules::number::{is_decimal, is_integer};
use crate::suggest::edit_distance;
use crate::transform::{Preview, decimal_from_comma};

/// How sure a suggestion is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    /// Only a hint: written commented out.
    Low,
    /// Likely: a near spelling of a known name, or values that fit.
    Medium,
    /// A known name of the field, with values that fit (when there are any).
    High,
}

/// Why a column is suggested for a target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Reason {
    /// The header is already Alleo's name: no mapping is needed.
    AlleoName,
    /// The header is in the configuration's `[mapping]` already.
    AlreadyMapped,
    /// The header is a known name of the target in a language.
    Synonym {
        /// The language of the name.
        language: Lang,
    },
    /// The header is spelled close to a known name of the target.
    Similar {
        /// The known name.
        to: String,
    },
    /// A word of the header is a known name of the target.
    Contains {
        /// The word.
        word: String,
    },
    /// Nothing in the header names a target, but the values are of the target's
    /// kind (email addresses).
    ValuesOnly,
    /// No Alleo field matches: a custom field, if Alleo should have the column at
    /// all.
    Custom,
    /// Another column is the better match for the same target.
    Taken {
        /// That column's header.
        by: String,
    },
}

/// What the values under a header say about a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Evidence {
    /// Values of the expected kind.
    pub matching: usize,
    /// Non-empty values looked at.
    pub of: usize,
    /// The expected kind.
    pub kind: ValueKind,
}

/// A kind of value a column may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ValueKind {
    /// Email addresses.
    Email,
    /// Dates, in any common format.
    Date,
    /// Language names or codes.
    Language,
    /// Whole numbers.
    Integer,
    /// Decimals, with a dot or a comma.
    Decimal,
}

impl Evidence {
    fn share(self) -> f64 {
        if self.of == 0 {
            return 0.0;
        }
        #[allow(clippy::cast_precision_loss)] // counts of a preview: small
        let share = self.matching as f64 / self.of as f64;
        share
    }
}

/// The suggestion for one column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ColumnSuggestion {
    /// 1-based column position.
    pub position: usize,
    /// The header as written.
    pub header: String,
    /// The suggested target, if any.
    pub target: Option<Target>,
    /// How sure the suggestion is.
    pub confidence: Confidence,
    /// Why.
    pub reason: Reason,
    /// What the values say, when they were looked at.
    pub evidence: Option<Evidence>,
    /// Whether `[mapping]` needs a line for it (false for Alleo's own names).
    pub needed: bool,
}

impl ColumnSuggestion {
    /// Whether the line is suggested as is; false: written commented out, for the
    /// user to decide.
    pub fn apply(&self) -> bool {
        self.needed && self.target.is_some() && self.confidence > Confidence::Low
    }
}

/// A suggested setting of `[input]` or `[custom_fields]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Setting {
    /// The key.
    pub key: String,
    /// The value, written as TOML.
    pub value: String,
    /// Why, in the words of [`Suggestions::to_toml`]'s language.
    pub note: String,
    /// Whether it is suggested as is (false: commented out).
    pub apply: bool,
}

/// Everything suggested for one export.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suggestions {
    /// One per column, in the export's order.
    pub columns: Vec<ColumnSuggestion>,
    /// `[input]` settings that differ from the defaults.
    pub input: Vec<Setting>,
    /// `[custom_fields]` types for the custom fields suggested.
    pub custom_fields: Vec<Setting>,
}

/// Known names of Alleo's fields and of common custom fields, as written in
/// exports, with their language.
const SYNONYMS: &[(&str, &str, Lang)] = &[
    ("e-mailadres", "email", Lang::Nl),
    ("emailadres", "email", Lang::Nl),
    ("e-mail adres", "email", Lang::Nl),
    ("zakelijk e-mailadres", "email", Lang::Nl),
    ("e-mailadres werk", "email", Lang::Nl),
    ("e-mail", "email", Lang::En),
    ("mail", "email", Lang::En),
    ("email address", "email", Lang::En),
    ("e-mail address", "email", Lang::En),
    ("work email", "email", Lang::En),
    ("business email", "email", Lang::En),
    ("e-mail-adresse", "email", Lang::De),
    ("e-mail adresse", "email", Lang::De),
    ("emailadresse", "email", Lang::De),
    ("geschäftliche e-mail", "email", Lang::De),
    ("voornaam", "first_name", Lang::Nl),
    ("roepnaam", "first_name", Lang::Nl),
    ("firstname", "first_name", Lang::En),
    ("given name", "first_name", Lang::En),
    ("forename", "first_name", Lang::En),
    ("vorname", "first_name", Lang::De),
    ("rufname", "first_name", Lang::De),
    ("achternaam", "last_name", Lang::Nl),
    ("familienaam", "last_name", Lang::Nl),
    ("geslachtsnaam", "last_name", Lang::Nl),
    ("lastname", "last_name", Lang::En),
    ("surname", "last_name", Lang::En),
    ("family name", "last_name", Lang::En),
    ("nachname", "last_name", Lang::De),
    ("familienname", "last_name", Lang::De),
    ("tussenvoegsel", "prefix", Lang::Nl),
    ("tussenvoegsels", "prefix", Lang::Nl),
    ("voorvoegsel", "prefix", Lang::Nl),
    ("infix", "prefix", Lang::En),
    ("name prefix", "prefix", Lang::En),
    ("namenszusatz", "prefix", Lang::De),
    ("namensvorsatz", "prefix", Lang::De),
    ("startdatum", "onboarding_date", Lang::Nl),
    ("startdatum account", "onboarding_date", Lang::Nl),
    ("start date", "onboarding_date", Lang::En),
    ("startdatum mitarbeiter", "onboarding_date", Lang::De),
    ("uitdienstdatum", "offboarding_date", Lang::Nl),
    ("datum uit dienst", "offboarding_date", Lang::Nl),
    ("einddatum dienstverband", "offboarding_date", Lang::Nl),
    ("end date", "offboarding_date", Lang::En),
    ("termination date", "offboarding_date", Lang::En),
    ("leaving date", "offboarding_date", Lang::En),
    ("austrittsdatum", "offboarding_date", Lang::De),
    ("geboortedatum", "birthday", Lang::Nl),
    ("verjaardag", "birthday", Lang::Nl),
    ("date of birth", "birthday", Lang::En),
    ("birth date", "birthday", Lang::En),
    ("birthdate", "birthday", Lang::En),
    ("dob", "birthday", Lang::En),
    ("geburtsdatum", "birthday", Lang::De),
    ("geburtstag", "birthday", Lang::De),
    ("datum in dienst", "work_anniversary", Lang::Nl),
    ("in dienst", "work_anniversary", Lang::Nl),
    ("indienstdatum", "work_anniversary", Lang::Nl),
    ("hire date", "work_anniversary", Lang::En),
    ("date of hire", "work_anniversary", Lang::En),
    ("anniversary", "work_anniversary", Lang::En),
    ("eintrittsdatum", "work_anniversary", Lang::De),
    ("taal", "language", Lang::Nl),
    ("voorkeurstaal", "language", Lang::Nl),
    ("preferred language", "language", Lang::En),
    ("locale", "language", Lang::En),
    ("sprache", "language", Lang::De),
    ("bevorzugte sprache", "language", Lang::De),
    ("afdeling", "company_group", Lang::Nl),
    ("groep", "company_group", Lang::Nl),
    ("bedrijfsonderdeel", "company_group", Lang::Nl),
    ("divisie", "company_group", Lang::Nl),
    ("department", "company_group", Lang::En),
    ("group", "company_group", Lang::En),
    ("team", "company_group", Lang::En),
    ("division", "company_group", Lang::En),
    ("business unit", "company_group", Lang::En),
    ("abteilung", "company_group", Lang::De),
    ("gruppe", "company_group", Lang::De),
    ("bereich", "company_group", Lang::De),
    ("personeelsnummer", "custom_employee_id", Lang::Nl),
    ("personeelsnr", "custom_employee_id", Lang::Nl),
    ("medewerkernummer", "custom_employee_id", Lang::Nl),
    ("employee id", "custom_employee_id", Lang::En),
    ("employee number", "custom_employee_id", Lang::En),
    ("staff number", "custom_employee_id", Lang::En),
    ("personalnummer", "custom_employee_id", Lang::De),
    ("mitarbeiternummer", "custom_employee_id", Lang::De),
    ("einde contract", "custom_contract_end", Lang::Nl),
    ("einddatum contract", "custom_contract_end", Lang::Nl),
    ("contract end", "custom_contract_end", Lang::En),
    ("contract end date", "custom_contract_end", Lang::En),
    ("vertragsende", "custom_contract_end", Lang::De),
    ("fte", "custom_fte", Lang::En),
    ("deeltijdfactor", "custom_fte", Lang::Nl),
    ("beschäftigungsgrad", "custom_fte", Lang::De),
];

/// The date formats a preview is tried with, day first before month first.
const DATE_FORMATS: [&str; 8] = [
    "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%m/%d/%Y", "%m-%d-%Y", "%Y/%m/%d", "%d-%m-%y", "%d.%m.%y",
];

/// Suggests a mapping for headers alone (no values to look at).
///
/// ```
/// use alleo_csv_core::{Config, mapping::{suggest_headers, Confidence}};
/// let s = suggest_headers(&["E-mailadres".into(), "Email consent".into()], &Config::default());
/// assert_eq!(s[0].target.as_ref().unwrap().name(), "email");
/// assert_eq!(s[0].confidence, Confidence::High);
/// assert!(!s[1].apply());
/// ```
pub fn suggest_headers(headers: &[String], config: &Config) -> Vec<ColumnSuggestion> {
    let preview = Preview {
        headers: headers.to_vec(),
        ..Preview::default()
    };
    suggest(&preview, config, Lang::En).columns
}

/// Suggests the `[mapping]`, `[input]` and `[custom_fields]` for an export from its
/// header and first rows (see [`preview`](crate::transform::preview)). Notes are
/// written in `lang`.
pub fn suggest(preview: &Preview, config: &Config, lang: Lang) -> Suggestions {
    let stats: Vec<Stats> = (0..preview.headers.len())
        .map(|i| {
            Stats::of(
                preview
                    .rows
                    .iter()
                    .filter_map(|r| r.get(i).map(String::as_str)),
            )
        })
        .collect();
    let mut columns: Vec<ColumnSuggestion> = preview
        .headers
        .iter()
        .zip(&stats)
        .enumerate()
        .map(|(i, (header, stats))| column(i, header, stats, config))
        .collect();
    settle_conflicts(&mut columns);
    let input = input_settings(preview, &stats, &columns, lang);
    let custom_fields = custom_settings(&columns, &stats, config, lang);
    Suggestions {
        columns,
        input,
        custom_fields,
    }
}

/// The suggestion for one header, before conflicts are settled.
fn column(i: usize, header: &str, stats: &Stats, config: &Config) -> ColumnSuggestion {
    let mut s = ColumnSuggestion {
        position: i + 1,
        header: header.to_owned(),
        target: None,
        confidence: Confidence::Low,
        reason: Reason::Custom,
        evidence: None,
        needed: true,
    };
    let folded = normalize_header(header);
    if folded.is_empty() {
        return s;
    }
    if let Some(t) = config
        .mapping
        .0
        .iter()
        .find(|(k, _)| normalize_header(k) == folded)
        .map(|(_, t)| t.clone())
    {
        s.evidence = stats.evidence_for(&t);
        (s.target, s.confidence, s.reason) = (Some(t), Confidence::High, Reason::AlreadyMapped);
        return s;
    }
    if let Some(f) = FieldKey::from_header(header) {
        s.evidence = stats.evidence_for(&Target::Field(f));
        (s.target, s.confidence, s.reason) =
            (Some(Target::Field(f)), Confidence::High, Reason::AlleoName);
        s.needed = false;
        return s;
    }
    if is_custom_name(header.trim()) {
        (s.target, s.confidence, s.reason) = (
            Some(Target::Custom(header.trim().to_owned())),
            Confidence::High,
            Reason::AlleoName,
        );
        s.needed = false;
        return s;
    }
    let (target, confidence, reason) = by_name(&folded).unwrap_or_else(|| {
        if stats.emails > 0 && stats.emails * 10 >= stats.filled * 9 {
            (
                Target::Field(FieldKey::Email),
                Confidence::Medium,
                Reason::ValuesOnly,
            )
        } else {
            let custom = suggest_custom_name(header).unwrap_or_else(|| "custom_column".to_owned());
            (Target::Custom(custom), Confidence::Low, Reason::Custom)
        }
    });
    s.evidence = stats.evidence_for(&target);
    s.confidence = match (s.evidence.map(Evidence::share), &reason) {
        (_, Reason::Custom) => Confidence::Low,
        (Some(share), _) if share < 0.5 => Confidence::Low,
        (Some(share), Reason::Similar { .. }) if share >= 0.9 => Confidence::High,
        _ => confidence,
    };
    (s.target, s.reason) = (Some(target), reason);
    s
}

/// The target a (folded) header names: a known name, a near spelling of one, or a
/// known name as one of its words.
fn by_name(folded: &str) -> Option<(Target, Confidence, Reason)> {
    let target = |name: &str| Target::parse(name).ok();
    let known = SYNONYMS
        .iter()
        .map(|&(s, t, l)| (normalize_header(s), t, l));
    if let Some((_, t, language)) = known.clone().find(|(s, ..)| s == folded) {
        return Some((target(t)?, Confidence::High, Reason::Synonym { language }));
    }
    let near = |s: &str| {
        let limit = if s.chars().count() <= 6 { 1 } else { 2 };
        edit_distance(s, folded) <= limit
    };
    let labels = FieldKey::ALL.map(|f| (normalize_header(f.label()), f.key(), f.label()));
    if let Some((_, key, label)) = labels.iter().find(|(s, ..)| near(s)) {
        return Some((
            target(key)?,
            Confidence::Medium,
            Reason::Similar {
                to: (*label).to_owned(),
            },
        ));
    }
    if let Some((s, t, _)) = known.clone().find(|(s, ..)| s.len() > 3 && near(s)) {
        let to = SYNONYMS
            .iter()
            .find(|(k, ..)| normalize_header(k) == s)
            .map_or(s.clone(), |(k, ..)| (*k).to_owned());
        return Some((target(t)?, Confidence::Medium, Reason::Similar { to }));
    }
    let words: Vec<&str> = folded.split('_').collect();
    let single = labels
        .iter()
        .map(|(s, key, _)| (s.clone(), *key))
        .chain(known.map(|(s, t, _)| (s, t)))
        .filter(|(s, _)| !s.contains('_'));
    for (word, t) in single {
        if words.contains(&word.as_str()) {
            return Some((target(t)?, Confidence::Low, Reason::Contains { word }));
        }
    }
    None
}

/// One column per target: the most confident keeps it (then the one whose values
/// fit best, then the first); the others are marked taken.
fn settle_conflicts(columns: &mut [ColumnSuggestion]) {
    for i in 0..columns.len() {
        let Some(target) = columns[i].target.clone() else {
            continue;
        };
        let rank = |c: &ColumnSuggestion| {
            (
                c.confidence,
                c.evidence.map_or(0, |e| e.matching),
                std::cmp::Reverse(c.position),
            )
        };
        let best = columns
            .iter()
            .filter(|c| c.target.as_ref() == Some(&target))
            .max_by_key(|c| rank(c))
            .map(|c| (c.position, c.header.clone()));
        if let Some((position, by)) = best
            && position != columns[i].position
        {
            columns[i].confidence = Confidence::Low;
            columns[i].reason = Reason::Taken { by };
        }
    }
}

/// `[input]`: the delimiter and encoding when not Alleo's, the date format the
/// values read in, decimal commas.
fn input_settings(
    preview: &Preview,
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
            date_field || (s.filled > 0 && s.dates == s.filled && s.iso < s.filled)
        })
        .map(|(s, _)| s)
        .collect();
    let mut best: Option<(usize, usize, &str)> = None; // (read, ambiguous, format)
    for (f, format) in DATE_FORMATS.iter().enumerate() {
        let read: usize = date_columns.iter().map(|s| s.by_format[f]).sum();
        if read > 0 && best.is_none_or(|(r, ..)| read > r) {
            let ambiguous = date_columns.iter().map(|s| s.day_month_ambiguous).sum();
            best = Some((read, ambiguous, format));
        }
    }
    if let Some((read, ambiguous, format)) = best {
        let display = DateFormat::new(format)
            .map(|f| f.display())
            .unwrap_or_default();
        let mut note = (t.dates)(read, &display);
        if ambiguous == read {
            note.push_str(t.month_first);
        }
        out.push(setting("date_format", quoted(format), note, true));
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
fn custom_settings(
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
        let value = quoted(&format!("{ty:?}").to_lowercase());
        let apply = !c.needed || c.apply();
        out.push(setting(name, value, (t.all_values)(s.filled, word), apply));
    }
    out
}

fn setting(key: &str, value: String, note: String, apply: bool) -> Setting {
    Setting {
        key: key.to_owned(),
        value,
        note,
        apply,
    }
}

/// What a column's values are, counted.
#[derive(Debug, Default)]
struct Stats {
    filled: usize,
    emails: usize,
    dates: usize,
    iso: usize,
    /// Values each of [`DATE_FORMATS`] reads.
    by_format: [usize; DATE_FORMATS.len()],
    /// Dates whose day and month could be read either way (both at most 12).
    day_month_ambiguous: usize,
    languages: usize,
    integers: usize,
    decimals: usize,
    comma_decimals: usize,
    comma_example: Option<String>,
}

impl Stats {
    fn of<'a>(values: impl Iterator<Item = &'a str>) -> Stats {
        let mut s = Stats::default();
        for value in values.map(str::trim).filter(|v| !v.is_empty()) {
            s.filled += 1;
            s.emails += usize::from(value.contains('@') && check_email(value).is_ok());
            s.languages += usize::from(language_code(value).is_some());
            s.integers += usize::from(is_integer(value));
            let comma = !value.contains('.') && decimal_from_comma(value).is_some();
            s.decimals += usize::from(is_decimal(value) || comma);
            if comma {
                s.comma_decimals += 1;
                s.comma_example.get_or_insert_with(|| value.to_owned());
            }
            let mut date = None;
            if Ymd::parse(value).is_ok() {
                s.iso += 1;
                date = NaiveDate::parse_from_str(value, "%Y-%m-%d").ok();
            }
            for (f, format) in DATE_FORMATS.iter().enumerate() {
                if let Ok(d) = NaiveDate::parse_from_str(value, format)
                    && (1900..=2200).contains(&d.year())
                {
                    s.by_format[f] += 1;
                    date.get_or_insert(d);
                }
            }
            if let Some(d) = date {
                s.dates += 1;
                s.day_month_ambiguous += usize::from(d.day() <= 12 && d.day() != d.month());
            }
        }
        s
    }

    /// What the values say about `target`, for the targets whose values have a kind.
    fn evidence_for(&self, target: &Target) -> Option<Evidence> {
        let (matching, kind) = match target {
            Target::Field(FieldKey::Email) => (self.emails, ValueKind::Email),
            Target::Field(FieldKey::Language) => (self.languages, ValueKind::Language),
            Target::Field(f) if f.is_date() => (self.dates, ValueKind::Date),
            _ => return None,
        };
        (self.filled > 0).then_some(Evidence {
            matching,
            of: self.filled,
            kind,
        })
    }
}

/// A TOML basic string.
fn quoted(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

impl Suggestions {
    /// The suggestions as `alleo.toml` sections, each line with its confidence and
    /// reason as a comment; lines to decide on are commented out. `source` names the
    /// export in the heading.
    ///
    /// ```
    /// use alleo_csv_core::{Config, Lang, mapping::suggest, transform::preview, Input};
    /// let export = "E-mailadres;Voornaam;Achternaam;Email consent\nj@example.nl;Jan;Jansen;ja\n";
    /// let p = preview(export.as_bytes(), &Input::default(), None, 100).unwrap();
    /// let toml = suggest(&p, &Config::default(), Lang::En).to_toml("export.csv", Lang::En);
    /// assert!(toml.contains("\n\"E-mailadres\" = \"email\""));
    /// assert!(toml.contains("\n# \"Email consent\" = "));
    /// assert!(toml.contains("\ndelimiter = \";\""));
    /// ```
    pub fn to_toml(&self, source: &str, lang: Lang) -> String {
        let t = Notes::of(lang);
        let mut out = (t.heading)(source);
        let mut section = |name: &str, lines: Vec<(bool, String, String)>| {
            if lines.is_empty() {
                return;
            }
            let _ = write!(out, "\n[{name}]\n");
            let width = lines
                .iter()
                .map(|(_, l, _)| l.chars().count())
                .max()
                .unwrap_or(0);
            for (apply, line, note) in lines {
                let hash = if apply { "" } else { "# " };
                let pad = width - line.chars().count();
                let _ = writeln!(out, "{hash}{line}{:pad$}  # {note}", "");
            }
        };
        let settings = |list: &[Setting]| {
            list.iter()
                .map(|s| (s.apply, format!("{} = {}", s.key, s.value), s.note.clone()))
                .collect::<Vec<_>>()
        };
        section("input", settings(&self.input));
        let mut seen = std::collections::HashSet::new();
        let mapping = self
            .columns
            .iter()
            .filter(|c| c.needed && seen.insert(normalize_header(&c.header)))
            .filter_map(|c| {
                let target = c.target.as_ref()?;
                let line = format!("{} = {}", quoted(&c.header), quoted(target.name()));
                Some((c.apply(), line, note(c, &t)))
            })
            .collect();
        section("mapping", mapping);
        section("custom_fields", settings(&self.custom_fields));
        let own: Vec<&str> = self
            .columns
            .iter()
            .filter(|c| !c.needed)
            .map(|c| c.header.as_str())
            .collect();
        if !own.is_empty() {
            let _ = write!(out, "\n# {}: {}\n", t.own_names, own.join(", "));
        }
        let unnamed: Vec<String> = self
            .columns
            .iter()
            .filter(|c| c.target.is_none())
            .map(|c| c.position.to_string())
            .collect();
        if !unnamed.is_empty() {
            let _ = write!(out, "\n# {}: {}\n", t.unnamed, unnamed.join(", "));
        }
        out
    }
}

/// The comment after a mapping line: confidence, reason, evidence.
fn note(c: &ColumnSuggestion, t: &Notes) -> String {
    let confidence = match c.confidence {
        Confidence::High => t.high,
        Confidence::Medium => t.medium,
        Confidence::Low => t.low,
    };
    let target = c.target.as_ref().map_or("", Target::name);
    let label = match c.target {
        Some(Target::Field(f)) => format!("\"{}\"", f.label()),
        _ => format!(
            "\"{}\" ({})",
            target.trim_start_matches("custom_").replace('_', " "),
            t.custom_field
        ),
    };
    let mut reason = match &c.reason {
        Reason::AlleoName => t.alleo_name.to_owned(),
        Reason::AlreadyMapped => t.mapped.to_owned(),
        Reason::Synonym { language } => (t.synonym)(*language, &label),
        Reason::Similar { to } => (t.similar)(to),
        Reason::Contains { word } => (t.contains)(word),
        Reason::ValuesOnly => t.values_only.to_owned(),
        Reason::Custom => t.custom.to_owned(),
        Reason::Taken { by } => (t.taken)(by),
    };
    if let Some(e) = c.evidence {
        let kind = match e.kind {
            ValueKind::Email => t.kinds[0],
            ValueKind::Date => t.kinds[1],
            ValueKind::Language => t.kinds[2],
            ValueKind::Integer => t.integers,
            ValueKind::Decimal => t.decimals,
        };
        let _ = write!(reason, "; {}", (t.evidence)(e.matching, e.of, kind));
    }
    format!("{confidence}: {reason}")
}

/// The words of the suggestions, per language.
struct Notes {
    heading: fn(&str) -> String,
    high: &'static str,
    medium: &'static str,
    low: &'static str,
    alleo_name: &'static str,
    mapped: &'static str,
    synonym: fn(Lang, &str) -> String,
    similar: fn(&str) -> String,
    contains: fn(&str) -> String,
    values_only: &'static str,
    custom: &'static str,
    taken: fn(&str) -> String,
    evidence: fn(usize, usize, &str) -> String,
    /// Plural nouns: email addresses, dates, languages.
    kinds: [&'static str; 3],
    integers: &'static str,
    decimals: &'static str,
    dates_word: &'static str,
    all_values: fn(usize, &str) -> String,
    delimiter: &'static str,
    encoding: fn(&str) -> String,
    dates: fn(usize, &str) -> String,
    month_first: &'static str,
    commas: fn(usize, &str) -> String,
    own_names: &'static str,
    custom_field: &'static str,
    unnamed: &'static str,
}

impl Notes {
    #[allow(clippy::too_many_lines)] // three languages of one table
    fn of(lang: Lang) -> Notes {
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
                month_first: "; each could also be month first: check",
                commas: |n, e| format!("{n} decimals written with a comma, such as \"{e}\""),
                own_names: "Already Alleo's names, no mapping needed",
                custom_field: "a custom field",
                unnamed: "Columns without a header (give them one, or leave them out of the export)",
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
                month_first: "; elk kan ook maand-eerst zijn: controleer",
                commas: |n, e| format!("{n} decimale getallen met een komma, zoals \"{e}\""),
                own_names: "Al namen van Alleo, geen mapping nodig",
                custom_field: "een eigen veld",
                unnamed: "Kolommen zonder kopregel (geef ze een naam, of laat ze weg uit de export)",
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
                month_first: "; jede könnte auch Monat-zuerst sein: prüfen",
                commas: |n, e| format!("{n} Dezimalzahlen mit Komma, wie \"{e}\""),
                own_names: "Schon Namen von Alleo, kein Mapping nötig",
                custom_field: "ein eigenes Feld",
                unnamed: "Spalten ohne Überschrift (geben Sie ihnen einen Namen, oder lassen Sie sie im Export weg)",
            },
        }
    }
}

fn lang_index(l: Lang) -> usize {
    match l {
        Lang::En => 0,
        Lang::Nl => 1,
        Lang::De => 2,
    }
}

#[cfg(test)]
mod tests;
