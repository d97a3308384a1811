//! The configuration the rules need (SPEC section 6): company groups, header
//! mapping, declared custom field types, and how an export to transform is written.
//!
//! Every front builds a [`Config`] from its own format: TOML in the CLI, a dict in
//! Python, a JS object in the browser. Values are checked while they are read, so a
//! bad setting is reported with the key (and, from TOML, the line) it came from.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::did_you_mean::closest;
use crate::field::{FieldKey, normalize_header};
use crate::input::Input;
use crate::naming::{is_custom_name, suggest_custom_name, upload_name};

/// What the rules need to know about the company and its file.
///
/// ```
/// use alleo_csv_core::Config;
/// let config: Config = toml::from_str(r#"
///     [company]
///     groups = ["Engineering", "Sales"]
///     [mapping]
///     "E-mailadres" = "email"
///     "Personeelsnummer" = "custom_employee_id"
///     [custom_fields]
///     custom_fte = "decimal"
/// "#).unwrap();
/// assert_eq!(config.company.groups.len(), 2);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// The `[company]` section. Defaults to no known groups.
    #[serde(skip_serializing_if = "is_default")]
    pub company: Company,
    /// The `[mapping]` section: header in your file -> Alleo field. Defaults to
    /// empty (headers must be Alleo's own names or `custom_` fields).
    #[serde(skip_serializing_if = "is_default")]
    pub mapping: Mapping,
    /// The `[custom_fields]` section: declared types. Defaults to empty (every
    /// custom field is text).
    #[serde(skip_serializing_if = "is_default")]
    pub custom_fields: CustomFields,
    /// The `[input]` section: how a customer's export is written, for
    /// [`transform`](crate::transform). Defaults to detecting what can be detected.
    #[serde(skip_serializing_if = "is_default")]
    pub input: Input,
    /// The `[safety]` section: the mass-deactivation guard of the
    /// [`lifecycle`](crate::lifecycle) plan.
    #[serde(skip_serializing_if = "is_default")]
    pub safety: Safety,
}

/// Whether a setting is its default, left out when a configuration is written:
/// what a configuration writes is only what it sets.
pub(crate) fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

/// The whole `alleo.toml`, as every front reads it: the sections the rules use,
/// and those of the CLI's unattended jobs (`[state]`, `[sync]`, `[notify]`,
/// `[sftp]`), accepted and left to the CLI, so that one file serves every front.
/// An unknown section is an error: this is the one list of sections.
///
/// ```
/// use alleo_csv_core::{Config, ConfigFile};
/// let file: ConfigFile = toml::from_str("[company]\ngroups = [\"Sales\"]\n[sftp]\nhost = \"x\"").unwrap();
/// assert_eq!(Config::from(file).company.groups, ["Sales"]);
/// assert!(toml::from_str::<ConfigFile>("[compnay]\ngroups = []").is_err());
/// ```
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ConfigFile {
    company: Company,
    mapping: Mapping,
    custom_fields: CustomFields,
    input: Input,
    safety: Safety,
    state: Option<serde::de::IgnoredAny>,
    sync: Option<serde::de::IgnoredAny>,
    notify: Option<serde::de::IgnoredAny>,
    sftp: Option<serde::de::IgnoredAny>,
}

/// What a configuration can name, for a settings form: the Alleo fields a
/// `[mapping]` can target (`{"key", "label"}`) and the types a `[custom_fields]`
/// entry can declare. Its JSON keys are `fields` and `customTypes`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Schema {
    /// Every Alleo field, in the spec's order.
    pub fields: Vec<SchemaField>,
    /// Every custom field type.
    pub custom_types: [CustomType; 4],
}

/// One field of a [`Schema`].
#[derive(Debug, Clone, Serialize)]
pub struct SchemaField {
    /// The key, as `[mapping]` names it (`first_name`).
    pub key: &'static str,
    /// The header Alleo writes (`First name`).
    pub label: &'static str,
}

impl Schema {
    /// The schema of SPEC sections 2 and 6.
    pub fn new() -> Schema {
        Schema {
            fields: FieldKey::ALL
                .iter()
                .map(|f| SchemaField {
                    key: f.key(),
                    label: f.label(),
                })
                .collect(),
            custom_types: CustomType::ALL,
        }
    }
}

impl Default for Schema {
    fn default() -> Schema {
        Schema::new()
    }
}

impl Config {
    /// The sections of `alleo.toml` a `Config` holds, as it writes them; the
    /// others (`[state]`, `[sync]`, `[notify]`, `[sftp]`) are the CLI's.
    ///
    /// ```
    /// use alleo_csv_core::Config;
    /// for section in Config::SECTIONS {
    ///     let json = format!("{{\"{section}\": {{}}}}");
    ///     assert!(Config::from_shape(&mut serde_json::Deserializer::from_str(&json)).is_ok());
    /// }
    /// ```
    pub const SECTIONS: [&'static str; 5] =
        ["company", "mapping", "custom_fields", "input", "safety"];

    /// Reads a configuration shaped like `alleo.toml` from any serde format (a
    /// Python dict or a JavaScript object, through JSON), naming the key that is
    /// wrong when it cannot be used.
    ///
    /// ```
    /// use alleo_csv_core::Config;
    /// let json = r#"{"company": {"grups": ["Sales"]}}"#;
    /// let err = Config::from_shape(&mut serde_json::Deserializer::from_str(json)).unwrap_err();
    /// assert!(err.to_string().starts_with("the configuration is not usable: company.grups: unknown field `grups`"), "{err}");
    /// ```
    ///
    /// # Errors
    /// [`Error::Config`](crate::Error::Config) with the key's path and what is wrong.
    pub fn from_shape<'de, D: serde::Deserializer<'de>>(shape: D) -> crate::Result<Config> {
        let file: ConfigFile = serde_path_to_error::deserialize(shape).map_err(|e| {
            let path = e.path().to_string();
            let message = e.into_inner().to_string();
            // A format's own position ("at line 1 column 9" in JSON) is in text the
            // user never wrote; the key is what helps.
            let message = message.split(" at line ").next().unwrap_or(&message);
            crate::Error::Config(format!("{path}: {message}"))
        })?;
        Ok(file.into())
    }
}

impl From<ConfigFile> for Config {
    fn from(file: ConfigFile) -> Config {
        Config {
            company: file.company,
            mapping: file.mapping,
            custom_fields: file.custom_fields,
            input: file.input,
            safety: file.safety,
        }
    }
}

/// The `[safety]` section.
///
/// ```
/// use alleo_csv_core::Config;
/// let c: Config = toml::from_str("[safety]\nmax_deactivations = \"20%\"").unwrap();
/// assert_eq!(c.safety.limit(1000), 200);
/// let c: Config = toml::from_str("[safety]\nmax_deactivations = 3").unwrap();
/// assert_eq!(c.safety.limit(1000), 3);
/// assert_eq!(Config::default().safety.limit(1000), 100);
/// assert_eq!(Config::default().safety.limit(20), 5);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Safety {
    /// The most deactivations one file may schedule: a count (`25`) or a share of
    /// the previous state (`"10%"`). Defaults to 10% of the previous state, and at
    /// least 5.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_deactivations: Option<Limit>,
    /// Columns to send even though they look sensitive (SPEC section 6b), named as
    /// in the file sent (`custom_iban`) and matched in any case and spacing.
    /// Defaults to none: every sensitive column is a `sensitive-data` error.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub allow_sensitive: Vec<String>,
}

impl Safety {
    /// Whether the column `name` (as the file sent names it) may be sent even
    /// though it looks sensitive.
    pub fn allows_sensitive(&self, name: &str) -> bool {
        let name = normalize_header(name);
        self.allow_sensitive
            .iter()
            .any(|allowed| normalize_header(allowed) == name)
    }

    /// The most deactivations allowed against a previous state of `previous`
    /// employees.
    pub fn limit(&self, previous: u64) -> u64 {
        match self.max_deactivations {
            Some(Limit::Count(n)) => n,
            Some(Limit::Percent(p)) => previous * u64::from(p) / 100,
            None => (previous / 10).max(5),
        }
    }
}

/// A limit: a count, or a percentage of the previous state (rounded down).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(into = "LimitText")]
pub enum Limit {
    /// At most this many.
    Count(u64),
    /// At most this percentage (0-100).
    Percent(u8),
}

/// A limit as TOML writes it: a number or a text such as `"10%"`.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
enum LimitText {
    Count(u64),
    Text(String),
}

/// Read from a count (`25`) or a text (`"25"`, `"10%"`); anything else is refused
/// with what to write instead.
impl<'de> Deserialize<'de> for Limit {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Limit, D::Error> {
        use serde::de::{Error, Unexpected, Visitor};
        struct Read;
        impl Visitor<'_> for Read {
            type Value = Limit;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a count such as 25, or a share of the previous state such as \"10%\"")
            }
            fn visit_u64<E: Error>(self, n: u64) -> Result<Limit, E> {
                Ok(Limit::Count(n))
            }
            fn visit_i64<E: Error>(self, n: i64) -> Result<Limit, E> {
                let count =
                    u64::try_from(n).map_err(|_| E::invalid_value(Unexpected::Signed(n), &self))?;
                Ok(Limit::Count(count))
            }
            fn visit_str<E: Error>(self, text: &str) -> Result<Limit, E> {
                limit_of(text).map_err(E::custom)
            }
        }
        d.deserialize_any(Read)
    }
}

/// A limit written as text: a count (`"25"`) or a share (`"10%"`).
fn limit_of(text: &str) -> Result<Limit, String> {
    let trimmed = text.trim();
    let bad = || {
        format!(
            "`{text}` is not a limit: write a count such as 25, or a share of the previous state such as \"10%\""
        )
    };
    match trimmed.strip_suffix('%') {
        Some(p) => p
            .trim()
            .parse::<u8>()
            .ok()
            .filter(|&p| p <= 100)
            .map(Limit::Percent)
            .ok_or_else(bad),
        None => trimmed.parse().map(Limit::Count).map_err(|_| bad()),
    }
}

impl From<Limit> for LimitText {
    fn from(l: Limit) -> LimitText {
        match l {
            Limit::Count(n) => LimitText::Count(n),
            Limit::Percent(p) => LimitText::Text(format!("{p}%")),
        }
    }
}

/// The `[company]` section.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Company {
    /// The company groups set up in Alleo. When empty (the default), `Company group`
    /// values are not checked, since the list is not known.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<String>,
}

/// The `[mapping]` section: header as written in your file -> the Alleo field or
/// `custom_` name it holds. Headers are matched like Alleo's own (case, spaces,
/// `_` and `-` do not matter).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(transparent)]
pub struct Mapping(pub BTreeMap<String, Target>);

/// Where a column's values go in Alleo.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(try_from = "String", into = "String")]
pub enum Target {
    /// One of Alleo's own fields.
    Field(FieldKey),
    /// A custom field, by its upload name (`custom_...`).
    Custom(String),
}

impl Target {
    /// Reads a mapping target: a field key or label (`email`, `First name`), or a
    /// custom field name (`custom_employee_id`).
    ///
    /// # Errors
    /// A message that names the value and the names that are allowed.
    pub fn parse(value: &str) -> Result<Target, String> {
        if let Some(field) = FieldKey::from_header(value) {
            return Ok(Target::Field(field));
        }
        if is_custom_name(value) {
            return Ok(Target::Custom(value.to_owned()));
        }
        if let Some(upload) = upload_name(value) {
            return Err(format!(
                "`{value}` is the name Alleo's reporting uses; map to the upload name `{upload}`"
            ));
        }
        let trimmed = value.trim();
        if trimmed.to_ascii_lowercase().starts_with("custom") {
            let hint = suggest_custom_name(trimmed)
                .map(|s| format!(" (did you mean `{s}`?)"))
                .unwrap_or_default();
            return Err(format!(
                "`{value}` is not a valid custom field name: write `custom_` followed by lowercase letters, digits and `_`{hint}"
            ));
        }
        let keys = FieldKey::ALL.map(FieldKey::key);
        let hint = closest(value, keys)
            .map(|s| format!(" Did you mean `{s}`?"))
            .unwrap_or_default();
        Err(format!(
            "`{value}` is not an Alleo field. Use one of {}, or a custom field name such as `custom_employee_id`.{hint}",
            keys.join(", ")
        ))
    }

    /// The name reports use for this target: the field key or the custom name.
    pub fn name(&self) -> &str {
        match self {
            Target::Field(f) => f.key(),
            Target::Custom(name) => name,
        }
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl TryFrom<String> for Target {
    type Error = String;

    fn try_from(value: String) -> Result<Self, String> {
        Target::parse(&value)
    }
}

impl From<Target> for String {
    fn from(t: Target) -> String {
        t.name().to_owned()
    }
}

/// The `[custom_fields]` section: the declared type of each custom field, by its
/// upload name. Undeclared custom fields are text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(transparent)]
pub struct CustomFields(pub BTreeMap<CustomName, CustomType>);

impl CustomFields {
    /// The declared type of `name`; [`CustomType::Text`] when undeclared.
    pub fn type_of(&self, name: &str) -> CustomType {
        self.0
            .iter()
            .find(|(k, _)| k.as_str() == name)
            .map_or(CustomType::Text, |(_, t)| *t)
    }
}

/// A valid custom field name (`custom_` + lowercase letters, digits, `_`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(try_from = "String", into = "String")]
pub struct CustomName(String);

impl CustomName {
    /// Checks and wraps a custom field name.
    ///
    /// # Errors
    /// A message saying what a valid name looks like, with a suggestion.
    pub fn new(name: &str) -> Result<CustomName, String> {
        if is_custom_name(name) {
            return Ok(CustomName(name.to_owned()));
        }
        let hint = upload_name(name)
            .map(str::to_owned)
            .or_else(|| suggest_custom_name(name))
            .map(|s| format!(" (did you mean `{s}`?)"))
            .unwrap_or_default();
        Err(format!(
            "`{name}` is not a valid custom field name: write `custom_` followed by lowercase letters, digits and `_`{hint}"
        ))
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for CustomName {
    type Error = String;

    fn try_from(value: String) -> Result<Self, String> {
        CustomName::new(&value)
    }
}

impl From<CustomName> for String {
    fn from(n: CustomName) -> String {
        n.0
    }
}

/// The declared type of a custom field's values.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CustomType {
    /// Free text (the default).
    #[default]
    Text,
    /// A dot decimal: `-12.5`, `0.8`, `40`.
    Decimal,
    /// A whole number: `-3`, `0012`.
    Integer,
    /// A `YYYY-MM-DD` date.
    Date,
}

impl CustomType {
    /// Every type, as `[custom_fields]` names them (`text`, `decimal`, ...).
    pub const ALL: [CustomType; 4] = [
        CustomType::Text,
        CustomType::Decimal,
        CustomType::Integer,
        CustomType::Date,
    ];

    /// The type as `[custom_fields]` writes it: `text`, `decimal`, `integer` or
    /// `date`.
    pub fn as_str(self) -> &'static str {
        match self {
            CustomType::Text => "text",
            CustomType::Decimal => "decimal",
            CustomType::Integer => "integer",
            CustomType::Date => "date",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(toml: &str) -> Result<Config, String> {
        toml::from_str(toml).map_err(|e| e.to_string())
    }

    #[test]
    fn full_section_six_config() {
        let c = parse(
            r#"
            [company]
            groups = ["Engineering", "Sales", "Operations"]
            [mapping]
            "E-mailadres" = "email"
            "Voornaam" = "First name"
            "Personeelsnummer" = "custom_employee_id"
            [custom_fields]
            custom_fte = "decimal"
            custom_employee_id = "text"
            "#,
        )
        .unwrap();
        assert_eq!(c.mapping.0["Voornaam"], Target::Field(FieldKey::FirstName));
        assert_eq!(c.custom_fields.type_of("custom_fte"), CustomType::Decimal);
        assert_eq!(c.custom_fields.type_of("custom_other"), CustomType::Text);
    }

    #[test]
    fn bad_values_name_the_line_and_the_fix() {
        let e = parse("[mapping]\n\"Mail\" = \"emial\"\n").unwrap_err();
        assert!(e.contains("line 2"), "{e}");
        assert!(e.contains("Did you mean `email`?"), "{e}");

        let e = parse("[custom_fields]\ncustom_FTE = \"decimal\"\n").unwrap_err();
        assert!(e.contains("did you mean `custom_fte`?"), "{e}");

        let e = parse("[custom_fields]\ncustom_fte = \"float\"\n").unwrap_err();
        assert!(e.contains("decimal"), "{e}");

        let e = parse("[company]\ngroups = \"Sales\"\n").unwrap_err();
        assert!(e.contains("line 2"), "{e}");

        let e = parse("[compnay]\ngroups = []\n").unwrap_err();
        assert!(e.contains("compnay"), "{e}");

        let e = parse("[mapping]\nId = \"alleo_custom_id\"\n").unwrap_err();
        assert!(e.contains("`custom_id`"), "{e}");

        let e = parse("[safety]\nmax_deactivations = \"ten\"\n").unwrap_err();
        assert!(e.contains("\"10%\"") && e.contains("line 2"), "{e}");
        let e = parse("[safety]\nmax_deactivations = \"150%\"\n").unwrap_err();
        assert!(e.contains("not a limit"), "{e}");
        // A number or a switch that is not a count says what to write too.
        for value in ["-3", "0.1", "true"] {
            let e = parse(&format!("[safety]\nmax_deactivations = {value}\n")).unwrap_err();
            assert!(e.contains(value) && e.contains("a count such as 25"), "{e}");
        }
        let limit = |toml: &str| parse(toml).unwrap().safety.max_deactivations;
        assert_eq!(
            limit("[safety]\nmax_deactivations = 25\n"),
            Some(Limit::Count(25))
        );
        assert_eq!(
            limit("[safety]\nmax_deactivations = \"25\"\n"),
            Some(Limit::Count(25))
        );
        assert_eq!(
            limit("[safety]\nmax_deactivations = \"10%\"\n"),
            Some(Limit::Percent(10))
        );
    }
}
