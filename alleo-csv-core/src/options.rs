//! What a job needs besides the file and the configuration: the one options type
//! every front fills in and every job (see [`job`](crate::job)) takes.

use chrono::{DateTime, NaiveDate, Utc};

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
