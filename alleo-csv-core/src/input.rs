//! How a customer's export is written: the `[input]` section of `alleo.toml` (SPEC
//! section 6), read by [`transform`](crate::transform).
//!
//! Every setting may be left out: the delimiter is then detected from the header
//! line, the encoding from a byte order mark or the bytes themselves, dates must
//! already be `YYYY-MM-DD` and decimals must already use a dot.

use std::fmt;

use chrono::NaiveDate;
use chrono::format::{Fixed, Item, Numeric, StrftimeItems};
use serde::{Deserialize, Serialize};

/// The `[input]` section.
///
/// ```
/// use alleo_csv_core::Config;
/// let config: Config = toml::from_str(r#"
///     [input]
///     delimiter = ";"
///     date_format = "%d-%m-%Y"
///     decimal_comma = true
///     encoding = "windows-1252"
/// "#).unwrap();
/// assert_eq!(config.input.delimiter.map(|d| d.byte()), Some(b';'));
/// assert_eq!(config.input.encoding.map(|e| e.name()), Some("windows-1252"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct Input {
    /// The field separator. Defaults to detecting it from the header line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delimiter: Option<Delimiter>,
    /// The character encoding. Defaults to detecting it: a byte order mark decides,
    /// else UTF-8 when every byte fits, else Windows-1252. A byte order mark always
    /// wins over this setting, as it does in browsers and Excel.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding: Option<Encoding>,
    /// How dates are written (`%d-%m-%Y`). Defaults to none: dates must already be
    /// `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_format: Option<DateFormat>,
    /// Whether decimals use a comma (`0,8`). Defaults to false.
    #[serde(skip_serializing_if = "crate::config::is_default")]
    pub decimal_comma: bool,
    /// The worksheet to read from a workbook. Defaults to the first one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// Export columns `transform` leaves out of the Alleo file (SPEC section 6b),
    /// matched as `[mapping]` keys are: in any case, with space, `_` and `-` alike.
    /// Defaults to none: a column that is neither an Alleo field, mapped, nor a
    /// `custom_` field stops the run, since a new column is a decision.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ignore: Vec<String>,
}

impl Input {
    /// Whether the export column `header` is to be left out (`[input] ignore`).
    ///
    /// ```
    /// use alleo_csv_core::Config;
    /// let config: Config = toml::from_str("[input]\nignore = [\"BSN\", \"Bruto salaris\"]").unwrap();
    /// assert!(config.input.ignores("bsn"));
    /// assert!(config.input.ignores("BRUTO_SALARIS"));
    /// assert!(!config.input.ignores("Email"));
    /// ```
    pub fn ignores(&self, header: &str) -> bool {
        let header = crate::field::normalize_header(header);
        !header.is_empty()
            && self
                .ignore
                .iter()
                .any(|ignored| crate::field::normalize_header(ignored) == header)
    }
}

/// A field separator: `,`, `;`, tab or `|`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(try_from = "String", into = "String")]
pub struct Delimiter(u8);

impl Delimiter {
    /// The comma, Alleo's own separator.
    pub const COMMA: Delimiter = Delimiter(b',');
    /// Every separator an export may use, comma first.
    pub const ALL: [Delimiter; 4] = [
        Delimiter(b','),
        Delimiter(b';'),
        Delimiter(b'\t'),
        Delimiter(b'|'),
    ];

    /// Reads `,`, `;`, `|`, a tab character, or the words `tab` / `comma` /
    /// `semicolon` / `pipe`.
    ///
    /// # Errors
    /// A message listing what is accepted.
    pub fn parse(value: &str) -> Result<Delimiter, String> {
        let byte = match value.to_ascii_lowercase().as_str() {
            "," | "comma" => b',',
            ";" | "semicolon" => b';',
            "\t" | "tab" | "\\t" => b'\t',
            "|" | "pipe" => b'|',
            _ => {
                return Err(format!(
                    "`{value}` is not a delimiter alleo-sync reads: use \",\", \";\", \"|\" or \"tab\""
                ));
            }
        };
        Ok(Delimiter(byte))
    }

    /// The separator byte.
    pub fn byte(self) -> u8 {
        self.0
    }

    /// How the separator is written in messages and in `alleo.toml`.
    pub fn name(self) -> &'static str {
        match self.0 {
            b';' => ";",
            b'\t' => "tab",
            b'|' => "|",
            _ => ",",
        }
    }
}

impl fmt::Display for Delimiter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl TryFrom<String> for Delimiter {
    type Error = String;

    fn try_from(value: String) -> Result<Self, String> {
        Delimiter::parse(&value)
    }
}

impl From<Delimiter> for String {
    fn from(d: Delimiter) -> String {
        d.name().to_owned()
    }
}

/// A character encoding an export may be written in: UTF-8, Windows-1252 (which
/// covers Latin-1) or UTF-16. Decoding is done by `encoding_rs`, the decoder of
/// Firefox, with the WHATWG definitions that browsers and Excel follow.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(try_from = "String", into = "String")]
pub struct Encoding(&'static encoding_rs::Encoding);

impl Encoding {
    /// UTF-8.
    pub const UTF_8: Encoding = Encoding(encoding_rs::UTF_8);
    /// Windows-1252, the encoding of "ANSI" exports from Windows in Western Europe.
    pub const WINDOWS_1252: Encoding = Encoding(encoding_rs::WINDOWS_1252);
    /// UTF-16, little-endian (what Excel's "Unicode text" writes).
    pub const UTF_16LE: Encoding = Encoding(encoding_rs::UTF_16LE);
    /// UTF-16, big-endian.
    pub const UTF_16BE: Encoding = Encoding(encoding_rs::UTF_16BE);

    /// Reads an encoding name: `utf-8`, `windows-1252`, `cp1252`, `latin-1`,
    /// `iso-8859-1`, `utf-16`, `utf-16le`, `utf-16be` (case does not matter).
    ///
    /// ```
    /// use alleo_csv_core::input::Encoding;
    /// assert_eq!(Encoding::parse("Latin-1"), Ok(Encoding::WINDOWS_1252));
    /// assert!(Encoding::parse("shift_jis").unwrap_err().contains("windows-1252"));
    /// ```
    ///
    /// # Errors
    /// A message listing what is accepted.
    pub fn parse(value: &str) -> Result<Encoding, String> {
        let label = value.trim().to_ascii_lowercase();
        let found = match label.as_str() {
            // Names people write that the WHATWG list spells differently.
            "latin-1" | "latin_1" | "ansi" => Some(encoding_rs::WINDOWS_1252),
            "utf-16" | "utf16" | "ucs-2" => Some(encoding_rs::UTF_16LE),
            _ => encoding_rs::Encoding::for_label(label.as_bytes()),
        };
        match found {
            Some(e)
                if [
                    encoding_rs::UTF_8,
                    encoding_rs::WINDOWS_1252,
                    encoding_rs::UTF_16LE,
                    encoding_rs::UTF_16BE,
                ]
                .contains(&e) =>
            {
                Ok(Encoding(e))
            }
            _ => Err(format!(
                "`{value}` is not an encoding alleo-sync reads: use \"utf-8\", \"windows-1252\" (also for Latin-1) or \"utf-16\""
            )),
        }
    }

    /// The encoding a byte order mark at the start of `bytes` announces.
    pub fn from_bom(bytes: &[u8]) -> Option<Encoding> {
        encoding_rs::Encoding::for_bom(bytes).map(|(e, _)| Encoding(e))
    }

    /// The canonical name (`utf-8`, `windows-1252`, `utf-16le`, `utf-16be`).
    pub fn name(self) -> &'static str {
        match self.0.name() {
            "UTF-8" => "utf-8",
            "windows-1252" => "windows-1252",
            "UTF-16LE" => "utf-16le",
            _ => "utf-16be",
        }
    }

    pub(crate) fn inner(self) -> &'static encoding_rs::Encoding {
        self.0
    }

    /// Wraps an encoding a byte order mark named (one of the four above).
    pub(crate) fn from_inner(inner: &'static encoding_rs::Encoding) -> Encoding {
        Encoding(inner)
    }
}

impl fmt::Debug for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Encoding({})", self.name())
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl TryFrom<String> for Encoding {
    type Error = String;

    fn try_from(value: String) -> Result<Self, String> {
        Encoding::parse(&value)
    }
}

impl From<Encoding> for String {
    fn from(e: Encoding) -> String {
        e.name().to_owned()
    }
}

/// How an export writes dates, as a `strftime` pattern with a day, a month and a
/// year: `%d-%m-%Y` (25-11-2026), `%d/%m/%Y`, `%d.%m.%Y`, `%m/%d/%Y`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(try_from = "String", into = "String")]
pub struct DateFormat {
    pattern: String,
    /// The pattern as parts, when it is only numbers and one-byte separators:
    /// read without chrono's general parser, which reads the pattern again for
    /// every value (a million rows have five million dates).
    fast: Option<Vec<Part>>,
}

/// A piece of a numeric date pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Part {
    Day,
    Month,
    Year,
    Literal(u8),
}

impl DateFormat {
    /// Checks a pattern: it must name a day, a month and a year; a time of day
    /// (`%H:%M:%S`, an offset) may follow and is left out.
    ///
    /// ```
    /// use alleo_csv_core::input::DateFormat;
    /// assert!(DateFormat::new("%d-%m-%Y").is_ok());
    /// assert!(DateFormat::new("%d-%m").unwrap_err().contains("year"));
    /// let with_time = DateFormat::new("%Y-%m-%dT%H:%M:%S").unwrap();
    /// assert_eq!(with_time.parse("1996-09-17T00:00:00").unwrap().to_string(), "1996-09-17");
    /// assert!(DateFormat::new("DD-MM-YYYY").unwrap_err().contains("%d-%m-%Y"));
    /// ```
    ///
    /// # Errors
    /// A message that says what is missing, with an example.
    pub fn new(pattern: &str) -> Result<DateFormat, String> {
        let example =
            "write it with %d (day), %m (month) and %Y (year), e.g. \"%d-%m-%Y\" for 25-11-2026";
        let (mut day, mut month, mut year) = (false, false, false);
        for item in StrftimeItems::new(pattern) {
            match item {
                Item::Error => {
                    return Err(format!("`{pattern}` is not a date pattern: {example}"));
                }
                Item::Numeric(Numeric::Day, _) => day = true,
                Item::Numeric(Numeric::Month, _)
                | Item::Fixed(Fixed::ShortMonthName | Fixed::LongMonthName) => month = true,
                Item::Numeric(Numeric::Year | Numeric::YearMod100, _) => year = true,
                // A time of day after the date is read and left out: exports
                // write `1996-09-17T00:00:00` for a date.
                Item::Numeric(
                    Numeric::Hour
                    | Numeric::Hour12
                    | Numeric::Minute
                    | Numeric::Second
                    | Numeric::Nanosecond,
                    _,
                )
                | Item::Fixed(
                    Fixed::TimezoneOffset
                    | Fixed::TimezoneOffsetColon
                    | Fixed::TimezoneOffsetColonZ
                    | Fixed::TimezoneOffsetZ
                    | Fixed::Nanosecond
                    | Fixed::Nanosecond3
                    | Fixed::Nanosecond6
                    | Fixed::Nanosecond9
                    | Fixed::UpperAmPm
                    | Fixed::LowerAmPm,
                )
                | Item::Literal(_)
                | Item::OwnedLiteral(_)
                | Item::Space(_)
                | Item::OwnedSpace(_) => {}
                Item::Numeric(..) | Item::Fixed(_) => {
                    return Err(format!(
                        "`{pattern}` has more than a day, a month and a year: {example}"
                    ));
                }
            }
        }
        let missing: Vec<&str> = [(day, "day"), (month, "month"), (year, "year")]
            .into_iter()
            .filter(|(has, _)| !has)
            .map(|(_, name)| name)
            .collect();
        if !missing.is_empty() {
            return Err(format!(
                "`{pattern}` has no {}: {example}",
                missing.join(" and no ")
            ));
        }
        Ok(DateFormat {
            pattern: pattern.to_owned(),
            fast: fast_parts(pattern),
        })
    }

    /// The pattern as given.
    pub fn pattern(&self) -> &str {
        &self.pattern
    }

    /// Reads a date written in this format, as chrono's `parse_from_str` does.
    pub fn parse(&self, value: &str) -> Option<NaiveDate> {
        self.fast
            .as_deref()
            .and_then(|parts| parse_fast(parts, value.as_bytes()))
            .or_else(|| NaiveDate::parse_from_str(value, &self.pattern).ok())
    }

    /// The pattern as people write it: `%d-%m-%Y` is `DD-MM-YYYY`.
    pub fn display(&self) -> String {
        let mut out = String::new();
        let mut chars = self.pattern.chars();
        while let Some(c) = chars.next() {
            if c != '%' {
                out.push(c);
                continue;
            }
            let mut spec = chars.next();
            // Padding modifiers (`%-d`, `%0d`, `%_d`) read the same to a person.
            if matches!(spec, Some('-' | '0' | '_')) {
                spec = chars.next();
            }
            out.push_str(match spec {
                Some('d' | 'e') => "DD",
                Some('m') => "MM",
                Some('Y') => "YYYY",
                Some('y') => "YY",
                Some('b' | 'h') => "Mon",
                Some('B') => "Month",
                Some('H' | 'I') => "hh",
                Some('M') => "mm",
                Some('S') => "ss",
                Some('z') => "+hhmm",
                Some('%') => "%",
                _ => "?",
            });
        }
        out
    }
}

impl fmt::Display for DateFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.pattern)
    }
}

/// The parts of a pattern made of `%d`, `%m`, `%Y` (any padding) and ASCII
/// separators; `None` for anything else.
fn fast_parts(pattern: &str) -> Option<Vec<Part>> {
    let mut parts = Vec::new();
    for item in StrftimeItems::new(pattern) {
        match item {
            Item::Numeric(Numeric::Day, _) => parts.push(Part::Day),
            Item::Numeric(Numeric::Month, _) => parts.push(Part::Month),
            Item::Numeric(Numeric::Year, _) => parts.push(Part::Year),
            Item::Literal(text) if text.is_ascii() && !text.contains(char::is_whitespace) => {
                parts.extend(text.bytes().map(Part::Literal));
            }
            _ => return None,
        }
    }
    Some(parts)
}

/// Reads `value` against numeric parts: a day or month of one or two digits, a
/// year of four. `None` when anything differs (chrono then decides).
fn parse_fast(parts: &[Part], value: &[u8]) -> Option<NaiveDate> {
    let (mut day, mut month, mut year) = (0u32, 0u32, 0i32);
    let mut at = 0;
    let digits = |at: &mut usize, max: usize| -> Option<u32> {
        let start = *at;
        let mut n = 0u32;
        while *at < value.len() && *at - start < max && value[*at].is_ascii_digit() {
            n = n * 10 + u32::from(value[*at] - b'0');
            *at += 1;
        }
        (*at > start).then_some(n)
    };
    for part in parts {
        match *part {
            Part::Day => day = digits(&mut at, 2)?,
            Part::Month => month = digits(&mut at, 2)?,
            Part::Year => {
                let start = at;
                year = i32::try_from(digits(&mut at, 4)?).ok()?;
                if at - start != 4 {
                    return None;
                }
            }
            Part::Literal(b) => {
                if value.get(at) != Some(&b) {
                    return None;
                }
                at += 1;
            }
        }
    }
    // A digit right after a number would have been read by chrono too.
    if at != value.len() {
        return None;
    }
    NaiveDate::from_ymd_opt(year, month, day)
}

impl TryFrom<String> for DateFormat {
    type Error = String;

    fn try_from(value: String) -> Result<Self, String> {
        DateFormat::new(&value)
    }
}

impl From<DateFormat> for String {
    fn from(d: DateFormat) -> String {
        d.pattern
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn delimiters() {
        for (text, byte) in [
            (",", b','),
            (";", b';'),
            ("\t", b'\t'),
            ("tab", b'\t'),
            ("TAB", b'\t'),
            ("|", b'|'),
        ] {
            assert_eq!(Delimiter::parse(text).map(Delimiter::byte), Ok(byte));
        }
        assert!(Delimiter::parse(":").unwrap_err().contains("\"tab\""));
        for d in Delimiter::ALL {
            assert_eq!(Delimiter::parse(d.name()), Ok(d));
        }
    }

    #[test]
    fn encodings() {
        for (label, expected) in [
            ("utf-8", Encoding::UTF_8),
            ("UTF8", Encoding::UTF_8),
            ("windows-1252", Encoding::WINDOWS_1252),
            ("cp1252", Encoding::WINDOWS_1252),
            ("iso-8859-1", Encoding::WINDOWS_1252),
            ("latin1", Encoding::WINDOWS_1252),
            ("latin-1", Encoding::WINDOWS_1252),
            ("utf-16", Encoding::UTF_16LE),
            ("utf-16be", Encoding::UTF_16BE),
        ] {
            assert_eq!(Encoding::parse(label), Ok(expected), "{label}");
            assert_eq!(Encoding::parse(expected.name()), Ok(expected));
        }
        assert!(Encoding::parse("koi8-r").is_err());
        assert_eq!(Encoding::from_bom(b"\xFF\xFEa\0"), Some(Encoding::UTF_16LE));
        assert_eq!(Encoding::from_bom(b"\xEF\xBB\xBFa"), Some(Encoding::UTF_8));
        assert_eq!(Encoding::from_bom(b"abc"), None);
    }

    #[test]
    fn date_formats() {
        let d = DateFormat::new("%d-%m-%Y").unwrap();
        assert_eq!(d.parse("25-11-2026"), NaiveDate::from_ymd_opt(2026, 11, 25));
        assert_eq!(d.parse("5-1-2026"), NaiveDate::from_ymd_opt(2026, 1, 5));
        assert_eq!(d.parse("2026-11-25"), None);
        assert_eq!(d.parse("31-02-2026"), None);
        assert_eq!(d.display(), "DD-MM-YYYY");
        assert_eq!(DateFormat::new("%-d.%-m.%y").unwrap().display(), "DD.MM.YY");
        let timed = DateFormat::new("%d-%m-%Y %H:%M").unwrap();
        assert_eq!(
            timed.parse("25-11-2026 13:45"),
            NaiveDate::from_ymd_opt(2026, 11, 25)
        );
        assert!(
            DateFormat::new("%d-%m-%Y %A")
                .unwrap_err()
                .contains("more than")
        );
        assert!(DateFormat::new("%m-%Y").unwrap_err().contains("no day"));
        assert!(DateFormat::new("%Q").is_err());
    }

    proptest! {
        #[test]
        fn the_fast_reading_agrees_with_chrono(
            value in prop_oneof![
                "[0-9]{0,5}[-/.]?[0-9]{0,5}[-/.]?[0-9]{0,5}",
                (0u32..40, 0u32..15, 0u32..3000, 0usize..3, any::<bool>()).prop_map(|(d, m, y, sep, pad)| {
                    let sep = ["-", "/", "."][sep];
                    if pad { format!("{d:02}{sep}{m:02}{sep}{y:04}") } else { format!("{d}{sep}{m}{sep}{y}") }
                }),
            ],
            which in 0usize..6,
        ) {
            let patterns = ["%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%m/%d/%Y", "%Y%m%d", "%-d-%-m-%Y"];
            let format = DateFormat::new(patterns[which]).unwrap();
            prop_assert!(format.fast.is_some());
            let chrono = NaiveDate::parse_from_str(&value, patterns[which]).ok();
            prop_assert_eq!(format.parse(&value), chrono);
            if let Some(fast) = parse_fast(format.fast.as_deref().unwrap(), value.as_bytes()) {
                prop_assert_eq!(Some(fast), chrono);
            }
        }

        #[test]
        fn a_format_reads_what_it_writes(days in 0i64..80_000, which in 0usize..5) {
            let patterns = ["%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%m/%d/%Y", "%Y%m%d"];
            let format = DateFormat::new(patterns[which]).unwrap();
            let date = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + chrono::Duration::days(days);
            let text = date.format(format.pattern()).to_string();
            prop_assert_eq!(format.parse(&text), Some(date));
        }
    }
}
