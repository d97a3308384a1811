//! The configuration a person's choices make of a suggestion: what the page's
//! mapping step saves as `alleo.toml`, made by the same rules as the lines the
//! CLI's `mapping suggest` writes as they are.

use serde::{Deserialize, Serialize};

use super::{Setting, Suggestions};
use crate::config::{Config, CustomType, Target};
use crate::error::{Error, Result};
use crate::field::normalize_header;

/// What a person chose in a mapping step: for each column of the suggestion, in
/// its order, what it becomes (an Alleo field key or label, or a custom field
/// name; `None`: left out), and the export's dialect (`None`: detected).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Choices {
    /// One per column.
    pub targets: Vec<Option<String>>,
    /// `[input] delimiter`.
    pub delimiter: Option<String>,
    /// `[input] encoding`.
    pub encoding: Option<String>,
    /// `[input] date_format`.
    pub date_format: Option<String>,
}

impl Suggestions {
    /// The choices as suggested, for a mapping step to start from: each column's
    /// target unless it is left out, and the dialect settings suggested as they
    /// are; where the export's values decide none (headers alone, dates that read
    /// as well day first as month first), the one the configuration suggested
    /// under sets, so that a saved choice is not lost. Under a configuration with
    /// no dialect, [`config`](Suggestions::config) makes of them what the TOML of
    /// [`to_toml`](Suggestions::to_toml) says.
    pub fn choices(&self) -> Choices {
        let setting = |key: &str| {
            let applied = self.input.iter().find(|s| s.apply && s.key == key);
            applied.map(|s| unquoted(&s.value))
        };
        let [delimiter, encoding, date_format] = &self.saved;
        Choices {
            targets: (self.columns.iter())
                .map(|c| c.target.as_ref().filter(|_| c.leave_out.is_none()))
                .map(|t| t.map(|t| t.name().to_owned()))
                .collect(),
            delimiter: setting("delimiter").or_else(|| delimiter.clone()),
            encoding: setting("encoding").or_else(|| encoding.clone()),
            date_format: setting("date_format").or_else(|| date_format.clone()),
        }
    }

    /// The configuration `choices` make of `base` (the rest of `alleo.toml`: the
    /// company groups, the guard): a `[mapping]` line for each column chosen to
    /// become something other than what its header already names, every other
    /// column in `[input] ignore`, the suggested `[input]` settings and the
    /// custom field types of the custom fields sent, and the dialect as chosen.
    ///
    /// ```
    /// use alleo_csv_core::{Config, Lang, mapping::{suggest_headers, Choices}};
    /// let headers = ["E-mailadres".into(), "Voornaam".into(), "Achternaam".into(), "BSN".into()];
    /// let s = suggest_headers(&headers, &Config::default(), Lang::En);
    /// let choices = Choices {
    ///     targets: vec![Some("email".into()), Some("first_name".into()), Some("last_name".into()), None],
    ///     delimiter: Some(";".into()),
    ///     ..Choices::default()
    /// };
    /// let config = s.config(&Config::default(), &choices)?;
    /// assert_eq!(config.mapping.0.len(), 3);
    /// assert_eq!(config.input.ignore, ["BSN"]);
    /// assert_eq!(config.input.delimiter.map(|d| d.byte()), Some(b';'));
    /// # Ok::<(), alleo_csv_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Config`] for choices of another number of columns than the
    /// suggestion has, a target that is not a field or custom field name, or a
    /// dialect setting that cannot be used; the message names it.
    pub fn config(&self, base: &Config, choices: &Choices) -> Result<Config> {
        if choices.targets.len() != self.columns.len() {
            return Err(Error::Config(format!(
                "choices: {} targets given for {} columns",
                choices.targets.len(),
                self.columns.len()
            )));
        }
        let mut config = base.clone();
        // The choice for each header, as `[mapping]` and `ignore` match headers:
        // two columns of one name cannot be told apart there.
        // (A list: an export has tens of columns, and the page's WebAssembly is
        // kept small.)
        let mut seen: Vec<(String, usize, Option<&str>)> = Vec::new();
        let mut sent = Vec::new();
        // The base's lines about headers this export has are the choices'; those
        // about others (a column only some exports have) stay.
        let here = |h: &str| {
            (self.columns.iter()).any(|c| normalize_header(&c.header) == normalize_header(h))
        };
        config.input.ignore.retain(|h| !here(h));
        for (column, chosen) in self.columns.iter().zip(&choices.targets) {
            let header = &column.header;
            let chosen = chosen.as_deref().filter(|c| !c.trim().is_empty());
            let key = normalize_header(header);
            let earlier = seen.iter().find(|(k, ..)| !key.is_empty() && *k == key);
            if let Some(&(_, first, before)) = earlier {
                if before != chosen {
                    return Err(Error::Config(format!(
                        "columns {first} and {} are both named \"{header}\": give them the same choice, or rename one in the export",
                        column.position
                    )));
                }
                continue;
            }
            seen.push((key.clone(), column.position, chosen));
            config.mapping.0.retain(|k, _| normalize_header(k) != key);
            let Some(chosen) = chosen else {
                if !key.is_empty() {
                    config.input.ignore.push(header.clone());
                }
                continue;
            };
            let target = Target::parse(chosen.trim())
                .map_err(|why| Error::Config(format!("mapping.\"{header}\": {why}")))?;
            // A header that names its target already needs no line.
            if column.needed || column.target.as_ref() != Some(&target) {
                config.mapping.0.insert(header.clone(), target.clone());
            }
            sent.push((column.position, target));
        }
        // The dialect is the choices' (a form shows it); the one [input] setting
        // it does not show, decimal commas, is taken as suggested.
        let commas = |s: &Setting| s.apply && s.key == "decimal_comma" && s.value == "true";
        if self.input.iter().any(commas) {
            config.input.decimal_comma = true;
        }
        config.input.delimiter = dialect("delimiter", choices.delimiter.as_deref())?;
        config.input.encoding = dialect("encoding", choices.encoding.as_deref())?;
        config.input.date_format = dialect("date_format", choices.date_format.as_deref())?;
        // A suggested type holds for the column it was read from, when it is sent
        // under the name suggested (even one the TOML leaves for the user to
        // decide: choosing it decides), never for another column given that name.
        for setting in &self.custom_fields {
            let is_sent = (sent.iter())
                .any(|(position, t)| Some(*position) == setting.column && t.name() == setting.key);
            let custom = &mut config.custom_fields.0;
            if is_sent && !custom.keys().any(|k| k.as_str() == setting.key) {
                let path = format!("custom_fields.{}", setting.key);
                let value = unquoted(&setting.value);
                let ty = CustomType::ALL.into_iter().find(|t| t.as_str() == value);
                let ty = ty.ok_or_else(|| Error::Config(format!("{path}: no type {value}")))?;
                custom.insert(read(&path, &setting.key)?, ty);
            }
        }
        Ok(config)
    }
}

/// A dialect setting as chosen (`None`, or only spaces: detected), or an error
/// naming it.
fn dialect<T: TryFrom<String, Error = String>>(
    key: &str,
    value: Option<&str>,
) -> Result<Option<T>> {
    // Spaces around are not meant; a tab is a delimiter.
    let value = value.map(|v| v.trim_matches(' ')).filter(|v| !v.is_empty());
    value.map(|v| read(&format!("input.{key}"), v)).transpose()
}

/// A setting read from its text as `alleo.toml` reads it, or an error naming it.
fn read<T: TryFrom<String, Error = String>>(path: &str, value: &str) -> Result<T> {
    T::try_from(value.to_owned()).map_err(|why| Error::Config(format!("{path}: {why}")))
}

/// The text of a TOML basic string as [`quoted`](super::as_toml::quoted) writes
/// it (the value itself, when it is not quoted).
fn unquoted(value: &str) -> String {
    let Some(inner) = value.strip_prefix('"').and_then(|v| v.strip_suffix('"')) else {
        return value.to_owned();
    };
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('u') => {
                let hex: String = chars.by_ref().take(4).collect();
                out.extend(u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32));
            }
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::super::as_toml::quoted;
    use super::*;
    use crate::messages::Lang;

    /// The suggestion for one of the example exports, under `base`.
    fn suggested(path: &str, base: &Config) -> Suggestions {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/");
        let bytes = std::fs::read(format!("{root}{path}")).expect("the example exists");
        crate::job::suggest_mapping(std::io::Cursor::new(bytes), base, Lang::En)
            .expect("a CSV export")
    }

    /// The suggestion for an export given as text.
    fn suggested_text(export: &str) -> Suggestions {
        let input = &Config::default().input;
        let preview = crate::transform::preview(export.as_bytes(), input, None, 100).unwrap();
        super::super::suggest(&preview, &Config::default(), Lang::En)
    }

    /// A dialect the export's values do not decide (headers alone; dates that
    /// read as well day first as month first) is the saved one: taking the
    /// choices as suggested loses nothing the configuration had.
    #[test]
    fn the_saved_dialect_is_chosen_where_the_values_do_not_decide() {
        let base: Config = toml::from_str(
            "[input]\ndelimiter = \";\"\nencoding = \"windows-1252\"\ndate_format = \"%d-%m-%Y\"",
        )
        .unwrap();
        let headers = ["E-mailadres".to_owned(), "Datum in dienst".to_owned()];
        let s = super::super::suggest_headers(&headers, &base, Lang::En);
        let choices = s.choices();
        let dialect = [&choices.delimiter, &choices.encoding, &choices.date_format];
        assert_eq!(
            dialect.map(Option::as_deref),
            [Some(";"), Some("windows-1252"), Some("%d-%m-%Y")]
        );
        assert_eq!(s.config(&base, &choices).unwrap().input, base.input);
        // Dates that read either way: the saved format, not none.
        let export =
            "E-mailadres;Datum in dienst\njan@example.nl;01-02-2020\npiet@example.nl;03-04-2021\n";
        let preview = crate::transform::preview(export.as_bytes(), &base.input, None, 100).unwrap();
        let s = super::super::suggest(&preview, &base, Lang::En);
        assert!(
            s.input.iter().any(|i| i.key == "date_format" && !i.apply),
            "{:?}",
            s.input
        );
        assert_eq!(s.choices().date_format.as_deref(), Some("%d-%m-%Y"));
        // What the dialect was saved as is in the choices, not a key of its own.
        let json = serde_json::to_value(s.with_toml("-", Lang::En)).unwrap();
        let keys: Vec<&str> = json
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let expected = [
            "choices",
            "columns",
            "custom_fields",
            "export",
            "input",
            "notes",
            "toml",
        ];
        assert_eq!(keys, expected);
        // Without a saved dialect, none is made up.
        let s = suggested_text("Email,Start date\njan@example.nl,01-02-2020\n");
        assert_eq!(
            (s.choices().delimiter, s.choices().date_format),
            (None, None)
        );
    }

    /// Taken as suggested, the choices make what the TOML the CLI prints says:
    /// the page's alleo.toml and `mapping suggest`'s are one configuration.
    #[test]
    fn the_choices_as_suggested_make_the_toml_the_cli_prints() {
        for path in [
            "dutch-export/export.csv",
            "exports/afas/export.csv",
            "exports/bamboohr/export.csv",
            "exports/nmbrs/export.csv",
            "exports/workday/export.csv",
        ] {
            let s = suggested(path, &Config::default());
            let from_toml: Config = toml::from_str(&s.to_toml(path, Lang::En)).unwrap();
            let chosen = s.config(&Config::default(), &s.choices()).unwrap();
            assert_eq!(chosen, from_toml, "{path}");
            let left_out = s.columns.iter().any(|c| c.leave_out.is_some());
            assert_eq!(!chosen.input.ignore.is_empty(), left_out, "{path}");
        }
    }

    /// A configuration written (as the page saves the one its choices make) is
    /// only what it sets, and reads back as itself.
    #[test]
    fn a_configuration_written_reads_back_as_itself() {
        assert_eq!(serde_json::to_string(&Config::default()).unwrap(), "{}");
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/");
        for system in ["afas", "bamboohr", "nmbrs", "personio", "workday"] {
            let text =
                std::fs::read_to_string(format!("{root}exports/{system}/alleo.toml")).unwrap();
            let config: Config = toml::from_str(&text).unwrap();
            let json = serde_json::to_string(&config).unwrap();
            let back = Config::from_shape(&mut serde_json::Deserializer::from_str(&json)).unwrap();
            assert_eq!(back, config, "{system}: {json}");
            assert!(
                !json.contains("null") && !json.contains("[]"),
                "{system}: {json}"
            );
        }
    }

    /// A suggested type holds for the column it was read from only; two
    /// columns of one name must be given one choice; a tab delimiter is one.
    #[test]
    fn types_follow_their_column_and_one_name_is_one_choice() {
        let s = suggested_text(
            "E-mailadres;Voornaam;Achternaam;Code;Kenmerk\na@example.nl;An;Jansen;12;x1\nb@example.nl;Bo;Visser;34;x2\n",
        );
        let mut choices = s.choices();
        choices.targets[3] = Some("custom_code".into());
        choices.targets[4] = None;
        let typed = s.config(&Config::default(), &choices).unwrap();
        // "Code" holds whole numbers: sent under the name suggested, it is typed.
        assert_eq!(
            s.columns[3].target.as_ref().map(Target::name),
            Some("custom_code")
        );
        assert_eq!(
            typed.custom_fields.type_of("custom_code"),
            CustomType::Integer
        );
        // The other column, given that name, does not take the first one's type.
        choices.targets[3] = None;
        choices.targets[4] = Some("custom_code".into());
        let other = s.config(&Config::default(), &choices).unwrap();
        assert_eq!(other.custom_fields.type_of("custom_code"), CustomType::Text);

        let s = suggested_text(
            "Email;Email;First name;Last name\na@example.nl;b@example.nl;An;Jansen\n",
        );
        let mut choices = s.choices();
        choices.targets[0] = Some("email".into());
        choices.targets[1] = None;
        let Err(Error::Config(m)) = s.config(&Config::default(), &choices) else {
            panic!("refused")
        };
        assert!(
            m.starts_with("columns 1 and 2 are both named \"Email\""),
            "{m}"
        );
        choices.targets[1] = Some("email".into());
        choices.delimiter = Some("\t".into());
        let config = s.config(&Config::default(), &choices).unwrap();
        assert_eq!(
            config.input.delimiter.map(crate::input::Delimiter::byte),
            Some(b'\t')
        );
    }

    /// What the base has is kept; a column left out is no longer mapped; a
    /// header that names its target already gets no line; a dialect cleared is
    /// detected again; a custom field sent gets its suggested type unless the
    /// base declares one.
    #[test]
    fn choices_change_the_base_as_chosen() {
        let base: Config = toml::from_str(
            "[company]\ngroups = [\"Sales\"]\n[mapping]\n\"Voornaam\" = \"first_name\"\n[input]\ndelimiter = \";\"\nignore = [\"Old\"]",
        )
        .unwrap();
        let s = suggested("dutch-export/export.csv", &base);
        let mut choices = s.choices();
        let first = s
            .columns
            .iter()
            .position(|c| c.header == "Voornaam")
            .unwrap();
        choices.targets[first] = None;
        choices.delimiter = Some(" ".into());
        let config = s.config(&base, &choices).unwrap();
        assert_eq!(config.company.groups, ["Sales"]);
        assert!(!config.mapping.0.contains_key("Voornaam"));
        assert!(config.input.ignore.iter().any(|h| h == "Voornaam"));
        assert!(
            config.input.ignore.iter().any(|h| h == "Old"),
            "a column this export has not stays left out"
        );
        assert_eq!(config.input.delimiter, None, "cleared: detected");
        let wrong = Choices {
            targets: vec![None],
            ..Choices::default()
        };
        assert!(
            matches!(s.config(&base, &wrong), Err(Error::Config(m)) if m.contains("1 targets given"))
        );
        let mut bad = s.choices();
        bad.targets[0] = Some("emial".into());
        let Err(Error::Config(m)) = s.config(&base, &bad) else {
            panic!("refused")
        };
        assert!(
            m.starts_with(&format!("mapping.\"{}\": ", s.columns[0].header)),
            "{m}"
        );
        bad = s.choices();
        bad.encoding = Some("klingon".into());
        assert!(
            matches!(s.config(&base, &bad), Err(Error::Config(m)) if m.starts_with("input.encoding: "))
        );
    }

    proptest! {
        #[test]
        fn unquoted_reads_what_quoted_writes(value in "\\PC{0,20}|[\\t\\u{1}\"\\\\]{0,5}") {
            prop_assert_eq!(unquoted(&quoted(&value)), value);
        }
    }
}
