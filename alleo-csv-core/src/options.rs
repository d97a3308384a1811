//! What a job needs besides the file and the configuration: the one options type
//! every front fills in and every job (see [`job`](crate::job)) takes.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Deserialize;

use crate::messages::Lang;
use crate::schedule::next_pickup;

/// How to run a job. Build it with [`Options::new`] (or
/// [`Options::for_next_pickup`]) and set what differs.
///
/// ```
/// use alleo_csv_core::Options;
/// use chrono::{NaiveDate, TimeZone, Utc};
/// // A front with no --as-of checks for the next pickup after now.
/// let now = Utc.with_ymd_and_hms(2026, 11, 25, 21, 0, 0).unwrap();
/// let options = Options::for_next_pickup(None, now);
/// assert_eq!(options.as_of, NaiveDate::from_ymd_opt(2026, 11, 26).unwrap());
/// assert!(options.show_values && options.file_name.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The pickup date the rules call "today". The core never reads the clock; the
    /// fronts default it to the date of the next pickup
    /// ([`Options::for_next_pickup`]).
    pub as_of: NaiveDate,
    /// The language of messages. Defaults to English.
    pub lang: Lang,
    /// The file's name, to check it against `alleo_employees_<ID>.csv`. Defaults to
    /// `None`: no name, no check (a stream from stdin has none). Every front that
    /// knows a name passes it, so every front reports `file-name` alike.
    pub file_name: Option<String>,
    /// Whether reports show cell values (in `value` and in messages). Defaults to
    /// true; false for a report to share without personal data.
    pub show_values: bool,
    /// How many deactivations this run accepts in all (`--allow-deactivations N`),
    /// when more than `[safety] max_deactivations` allows are scheduled: the
    /// `mass-deactivation` guard passes when the count is at most `N`. Defaults to
    /// `None`: the limit holds.
    pub allow_deactivations: Option<u64>,
}

impl Options {
    /// Options for checking against `as_of`, with every other setting at its default.
    pub fn new(as_of: NaiveDate) -> Options {
        Options {
            as_of,
            lang: Lang::En,
            file_name: None,
            show_values: true,
            allow_deactivations: None,
        }
    }

    /// Options for `as_of` when given, else for the date of the next pickup after
    /// `now` (02:45 or 20:00 UTC): what every front does without `--as-of`.
    pub fn for_next_pickup(as_of: Option<NaiveDate>, now: DateTime<Utc>) -> Options {
        Options::new(as_of.unwrap_or_else(|| next_pickup(now).date()))
    }
}

/// The options of a run as data, for a front that receives them as an object
/// (the browser): `{"asOf", "lang", "name", "showValues", "allowDeactivations"}`,
/// every key optional, an unknown one an error.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "camelCase")]
struct Shape {
    as_of: Option<String>,
    lang: Option<String>,
    name: Option<String>,
    show_values: Option<bool>,
    allow_deactivations: Option<u64>,
}

impl Options {
    /// Reads the options of a run from any serde format shaped like `{"asOf",
    /// "lang", "name", "showValues", "allowDeactivations"}` (every key optional:
    /// without `asOf`, the next pickup after `now`).
    ///
    /// ```
    /// use alleo_csv_core::{Lang, Options};
    /// let now = chrono::Utc::now();
    /// let json = r#"{"asOf": "2026-11-26", "lang": "nl", "name": "export.csv"}"#;
    /// let o = Options::from_shape(&mut serde_json::Deserializer::from_str(json), now)?;
    /// assert_eq!((o.as_of.to_string(), o.lang, o.file_name.as_deref()), ("2026-11-26".into(), Lang::Nl, Some("export.csv")));
    /// let wrong = r#"{"as_of": "2026-11-26"}"#;
    /// let err = Options::from_shape(&mut serde_json::Deserializer::from_str(wrong), now).unwrap_err();
    /// assert!(err.to_string().contains("unknown field `as_of`"), "{err}");
    /// # Ok::<(), alleo_csv_core::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Options`](crate::Error::Options): an unknown key, a date not in the
    /// form `YYYY-MM-DD`, a language other than `en`, `nl` or `de`.
    pub fn from_shape<'de, D: serde::Deserializer<'de>>(
        shape: D,
        now: DateTime<Utc>,
    ) -> crate::Result<Options> {
        let wrong = |message: String| crate::Error::Options(message);
        let shape = Shape::deserialize(shape).map_err(|e| {
            let message = e.to_string();
            wrong(
                message
                    .split(" at line ")
                    .next()
                    .unwrap_or(&message)
                    .to_owned(),
            )
        })?;
        let as_of = match shape.as_of.as_deref() {
            Some(text) => Some(text.parse::<NaiveDate>().map_err(|_| {
                wrong(format!(
                    "asOf `{text}` is not a date in the form YYYY-MM-DD"
                ))
            })?),
            None => None,
        };
        let mut options = Options::for_next_pickup(as_of, now);
        if let Some(lang) = shape.lang.as_deref() {
            options.lang = lang.parse().map_err(wrong)?;
        }
        options.file_name = shape.name;
        options.show_values = shape.show_values.unwrap_or(true);
        options.allow_deactivations = shape.allow_deactivations;
        Ok(options)
    }
}
