//! Realistic, seeded employee files for tests, benchmarks and demos.
//!
//! The same `(rows, seed, as_of)` always gives the same bytes, so tests, criterion
//! benches and whole-process comparisons all read the same data. Every generated
//! file is valid under [`config`]: all columns filled, three typed custom fields.
//! [`write_dutch`] writes the same employees as a Dutch Excel export, which
//! [`transform`](crate::transform) under [`dutch_config`] turns back into exactly
//! the file [`write()`] gives.

use std::io::{self, Write};

use chrono::{Days, NaiveDate};

use crate::config::{Company, Config, CustomFields, CustomName, CustomType};

/// The header of a generated file.
pub const HEADER: &str = "Email,First name,Last name,Prefix,Onboarding date,Offboarding date,Birthday,Work anniversary,Language,Company group,custom_employee_id,custom_fte,custom_contract_end";

const GROUPS: [&str; 5] = ["Engineering", "Sales", "Operations", "Finance", "People"];
const FIRST: [&str; 24] = [
    "Jan",
    "Anna",
    "Pieter",
    "Sanne",
    "Daan",
    "Lotte",
    "Bram",
    "Femke",
    "Lukas",
    "Leonie",
    "Jürgen",
    "Sophie",
    "Ömer",
    "Noor",
    "Finn",
    "Mia",
    "Thijs",
    "Julia",
    "Ruben",
    "Hannah",
    "Maximilian",
    "Emma",
    "Sem",
    "Zoë",
];
const LAST: [&str; 20] = [
    "Vries",
    "Jansen",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "Mulder",
    "Boer",
    "Dijk",
    "Berg",
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weber",
    "Wagner",
    "Becker",
    "Hoffmann",
    "Brink",
    "Groot",
];
const PREFIXES: [&str; 6] = ["", "", "", "de", "van", "van der"];
const DOMAINS: [&str; 3] = ["example.nl", "example.de", "example.com"];

/// The configuration generated files are valid under: the company groups and the
/// three declared custom fields (`custom_employee_id` integer, `custom_fte`
/// decimal, `custom_contract_end` date).
pub fn config() -> Config {
    let mut custom = CustomFields::default();
    for (name, ty) in [
        ("custom_employee_id", CustomType::Integer),
        ("custom_fte", CustomType::Decimal),
        ("custom_contract_end", CustomType::Date),
    ] {
        if let Ok(name) = CustomName::new(name) {
            custom.0.insert(name, ty);
        }
    }
    Config {
        company: Company {
            groups: GROUPS.map(str::to_owned).to_vec(),
        },
        custom_fields: custom,
        ..Config::default()
    }
}

/// What a generated file looks like.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Profile {
    /// New hires only: every row valid on `as_of`, with no warning either (every
    /// onboarding date ahead). The file of the first benchmarks; see [`write()`].
    #[default]
    Clean,
    /// A whole workforce, as a customer's first file is (see [`write_roster`]):
    /// nearly every onboarding date in the past, some offboardings, and about 2% of
    /// rows with a real error.
    Roster,
}

impl Profile {
    /// Writes a file of `rows` employees of this profile to `out`.
    ///
    /// # Errors
    /// Whatever `out` returns.
    pub fn write<W: Write>(
        self,
        out: W,
        rows: usize,
        seed: u64,
        as_of: NaiveDate,
    ) -> io::Result<()> {
        let mut out = io::BufWriter::with_capacity(1 << 16, out);
        let mut people = People {
            rng: SplitMix(seed),
            as_of,
            last_email: String::new(),
        };
        writeln!(out, "{HEADER}")?;
        for i in 0..rows {
            let employee = match self {
                Profile::Clean => people.new_hire(i),
                Profile::Roster => people.on_the_roster(i),
            };
            employee.write_line(&mut out)?;
        }
        out.flush()
    }

    /// Writes the employees of [`Profile::write`] as a Dutch Excel export (see
    /// [`write_dutch`]).
    ///
    /// # Errors
    /// Whatever `out` returns.
    pub fn write_dutch<W: Write>(
        self,
        out: W,
        rows: usize,
        seed: u64,
        as_of: NaiveDate,
    ) -> io::Result<()> {
        let mut dutch = Dutch {
            out: io::BufWriter::with_capacity(1 << 16, out),
            line: Vec::new(),
            row: 0,
        };
        self.write(&mut dutch, rows, seed, as_of)?;
        dutch.out.flush()
    }
}

/// Writes a file of `rows` newly hired employees to `out`, valid when checked on
/// `as_of`, without a warning ([`Profile::Clean`]).
///
/// ```
/// use alleo_csv_core::{sample, validate, Options};
/// let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
/// let mut file = Vec::new();
/// sample::write(&mut file, 100, 7, as_of).unwrap();
/// let report = validate(&file[..], &sample::config(), Options::new(as_of)).unwrap();
/// assert_eq!((report.rows, report.errors(), report.warnings()), (100, 0, 0));
/// ```
///
/// # Errors
/// Whatever `out` returns.
pub fn write<W: Write>(out: W, rows: usize, seed: u64, as_of: NaiveDate) -> io::Result<()> {
    Profile::Clean.write(out, rows, seed, as_of)
}

/// Writes a whole workforce of `rows` employees to `out` ([`Profile::Roster`]), as
/// a customer's first file looks: onboarding dates up to 20 years back (1% of the
/// rows are hires still to start), 3% already offboarded, 2% leaving within 30 days
/// and 4% later, and one row in 50 with a real error (an address without `@`, an
/// address used on the row before, a day-first birthday, a misspelt company group,
/// a language name, an empty first name, a decimal comma, an offboarding date
/// before the onboarding date).
///
/// ```
/// use alleo_csv_core::{sample, validate, Code, Options};
/// let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
/// let mut file = Vec::new();
/// sample::write_roster(&mut file, 10_000, 1, as_of).unwrap();
/// let report = validate(&file[..], &sample::config(), Options::new(as_of)).unwrap();
/// let erroneous: std::collections::BTreeSet<u64> = report
///     .issues
///     .iter()
///     .filter(|i| i.severity == alleo_csv_core::Severity::Error)
///     .filter_map(|i| i.row)
///     .collect();
/// assert!((150..250).contains(&erroneous.len()), "{}", erroneous.len());
/// let past = report.issues.iter().filter(|i| i.code() == Code::OnboardingPast).count();
/// assert!(past > 9_500, "{past}");
/// ```
///
/// # Errors
/// Whatever `out` returns.
pub fn write_roster<W: Write>(out: W, rows: usize, seed: u64, as_of: NaiveDate) -> io::Result<()> {
    Profile::Roster.write(out, rows, seed, as_of)
}

/// One generated employee, as the canonical file writes it.
struct Employee {
    email: String,
    first: String,
    last: &'static str,
    prefix: &'static str,
    onboarding: String,
    offboarding: String,
    birthday: String,
    anniversary: NaiveDate,
    lang: &'static str,
    group: &'static str,
    id: usize,
    fte: String,
    contract_end: NaiveDate,
}

impl Employee {
    fn write_line(&self, out: &mut impl Write) -> io::Result<()> {
        let Employee {
            email,
            first,
            last,
            prefix,
            onboarding,
            offboarding,
            birthday,
            anniversary,
            lang,
            group,
            id,
            fte,
            contract_end,
        } = self;
        writeln!(
            out,
            "{email},{first},{last},{prefix},{onboarding},{offboarding},{birthday},{anniversary},{lang},{group},{id:07},{fte},{contract_end}"
        )
    }
}

/// The generator behind both profiles: one seeded stream of people.
struct People {
    rng: SplitMix,
    as_of: NaiveDate,
    /// The address of the row before, for a roster's reused address.
    last_email: String,
}

impl People {
    fn ahead(&self, days: u64) -> NaiveDate {
        self.as_of
            .checked_add_days(Days::new(days))
            .unwrap_or(self.as_of)
    }

    fn back(&self, days: u64) -> NaiveDate {
        self.as_of
            .checked_sub_days(Days::new(days))
            .unwrap_or(self.as_of)
    }

    /// Someone starting within 60 days, leaving in one to six years: valid, no
    /// warning.
    fn new_hire(&mut self, i: usize) -> Employee {
        let rng = &mut self.rng;
        let first = rng.pick(&FIRST);
        let last = rng.pick(&LAST);
        let prefix = rng.pick(&PREFIXES);
        let onboarding = self
            .as_of
            .checked_add_days(Days::new(rng.below(60)))
            .unwrap_or(self.as_of);
        let offboarding = onboarding
            .checked_add_days(Days::new(400 + rng.below(2000)))
            .unwrap_or(onboarding);
        let birthday = self.back_from(18 * 365, 45 * 365);
        let anniversary = self.back_from(0, 20 * 365);
        let rng = &mut self.rng;
        let lang = rng.pick(&["en", "nl", "de"]);
        let group = rng.pick(&GROUPS);
        let fte = rng.below(11);
        let contract_end = self
            .as_of
            .checked_add_days(Days::new(rng.below(1500)))
            .unwrap_or(self.as_of);
        let domain = rng.pick(&DOMAINS);
        Employee {
            email: format!("{}.{i}@{domain}", ascii_local(first, prefix, last)),
            first: first.to_owned(),
            last,
            prefix,
            onboarding: onboarding.to_string(),
            offboarding: offboarding.to_string(),
            birthday: birthday.to_string(),
            anniversary,
            lang,
            group,
            id: i + 1,
            fte: format!("{}.{}", fte / 10, fte % 10),
            contract_end,
        }
    }

    /// A date `min..min + span` days before `as_of`.
    fn back_from(&mut self, min: u64, span: u64) -> NaiveDate {
        let days = min + self.rng.below(span);
        self.back(days)
    }

    /// Someone on a workforce's roster (see [`write_roster`]).
    fn on_the_roster(&mut self, i: usize) -> Employee {
        let mut e = self.new_hire(i);
        let hired = if self.rng.below(100) == 0 {
            let days = self.rng.below(60);
            self.ahead(days)
        } else {
            self.back_from(1, 20 * 365)
        };
        e.onboarding = hired.to_string();
        e.anniversary = hired;
        let since = (self.as_of - hired).num_days().max(0).unsigned_abs();
        let leaving = match self.rng.below(100) {
            // Left already: a date after the onboarding date, on or before as_of.
            0..=2 if since > 1 => Some(self.as_of - Days::new(self.rng.below(since - 1))),
            3..=4 => Some(self.as_of + Days::new(1 + self.rng.below(29))),
            5..=8 => Some(self.as_of + Days::new(30 + self.rng.below(400))),
            _ => None,
        };
        e.offboarding = leaving.map(|d| d.to_string()).unwrap_or_default();
        if self.rng.below(50) == 0 {
            self.spoil(&mut e, hired);
        }
        self.last_email.clone_from(&e.email);
        e
    }

    /// One real error, of the kinds found in first files.
    fn spoil(&mut self, e: &mut Employee, hired: NaiveDate) {
        match self.rng.below(8) {
            0 => e.email = e.email.replace('@', "."),
            1 if !self.last_email.is_empty() => e.email.clone_from(&self.last_email),
            2 => {
                if let Ok(b) = NaiveDate::parse_from_str(&e.birthday, "%Y-%m-%d") {
                    e.birthday = b.format("%d-%m-%Y").to_string();
                }
            }
            3 => e.group = "Enginering",
            4 => e.lang = "Nederlands",
            5 => e.first = String::new(),
            // Excel quotes a value with a comma in a comma-separated file.
            6 => e.fte = format!("\"{}\"", e.fte.replace('.', ",")),
            _ => {
                let before = hired.checked_sub_days(Days::new(10)).unwrap_or(hired);
                e.offboarding = before.to_string();
            }
        }
    }
}

/// The header of a Dutch export: the columns of [`HEADER`], in its order.
pub const DUTCH_HEADER: &str = "E-mailadres;Voornaam;Achternaam;Tussenvoegsel;Startdatum;Uitdienstdatum;Geboortedatum;Datum in dienst;Taal;Afdeling;Personeelsnummer;FTE;Einde contract";

/// [`dutch_config`] read another way, chosen by `selector`: among its first 250
/// values every combination of encoding (detected, UTF-8, Windows-1252, UTF-16LE
/// or BE), delimiter (detected, `,`, `;`, tab, `|`), date format (none and four
/// others) and decimal comma. For the fuzz target of the export reader and the
/// test that replays what it found.
pub fn dutch_config_variant(selector: u8) -> Config {
    use crate::input::{DateFormat, Delimiter, Encoding};
    const ENCODINGS: [Option<Encoding>; 5] = [
        None,
        Some(Encoding::UTF_8),
        Some(Encoding::WINDOWS_1252),
        Some(Encoding::UTF_16LE),
        Some(Encoding::UTF_16BE),
    ];
    const DELIMITERS: [Option<&str>; 5] = [None, Some(","), Some(";"), Some("tab"), Some("|")];
    const DATE_FORMATS: [Option<&str>; 5] = [
        None,
        Some("%d-%m-%Y"),
        Some("%m/%d/%y"),
        Some("%d %b %Y"),
        Some("%Y.%m.%d"),
    ];
    let s = usize::from(selector);
    let mut config = dutch_config();
    config.input.encoding = ENCODINGS[s % 5];
    config.input.delimiter = DELIMITERS[(s / 5) % 5].and_then(|d| Delimiter::parse(d).ok());
    config.input.date_format = DATE_FORMATS[(s / 25) % 5].and_then(|f| DateFormat::new(f).ok());
    config.input.decimal_comma = s >= 125;
    config
}

/// [`config`] with the `[mapping]` and `[input]` of a file from [`write_dutch`].
pub fn dutch_config() -> Config {
    let mut config = config();
    for (dutch, canonical) in DUTCH_HEADER.split(';').zip(HEADER.split(',')) {
        if let Ok(target) = crate::config::Target::parse(canonical) {
            config.mapping.0.insert(dutch.to_owned(), target);
        }
    }
    config.input = crate::input::Input {
        delimiter: crate::input::Delimiter::parse(";").ok(),
        encoding: Some(crate::input::Encoding::WINDOWS_1252),
        date_format: crate::input::DateFormat::new("%d-%m-%Y").ok(),
        decimal_comma: true,
        ..crate::input::Input::default()
    };
    config
}

/// Writes the employees of [`write()`] as a Dutch Excel export: Dutch headers,
/// semicolons, CRLF, Windows-1252, `DD-MM-YYYY` dates, decimal commas, language
/// names in every third row, and a first name padded with spaces in every fifth.
///
/// ```
/// use alleo_csv_core::{sample, transform::{transform, Outputs, TransformOptions}};
/// let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
/// let (mut canonical, mut dutch, mut out) = (Vec::new(), Vec::new(), Vec::new());
/// sample::write(&mut canonical, 50, 3, as_of).unwrap();
/// sample::write_dutch(&mut dutch, 50, 3, as_of).unwrap();
/// transform(&dutch[..], &sample::dutch_config(), TransformOptions::new(as_of), Outputs::new(&mut out)).unwrap();
/// assert_eq!(out, canonical);
/// ```
///
/// # Errors
/// Whatever `out` returns.
pub fn write_dutch<W: Write>(out: W, rows: usize, seed: u64, as_of: NaiveDate) -> io::Result<()> {
    Profile::Clean.write_dutch(out, rows, seed, as_of)
}

/// Rewrites the lines of a canonical file as a Dutch export, one at a time.
struct Dutch<W: Write> {
    out: io::BufWriter<W>,
    line: Vec<u8>,
    row: usize,
}

impl<W: Write> Dutch<W> {
    fn convert(&mut self) -> io::Result<()> {
        let line = String::from_utf8_lossy(&self.line).into_owned();
        let text = if self.row == 0 {
            DUTCH_HEADER.to_owned()
        } else {
            let row = self.row;
            fields(line.trim_end())
                .iter()
                .map(String::as_str)
                .enumerate()
                .map(|(i, f)| match i {
                    4..=7 | 12 => NaiveDate::parse_from_str(f, "%Y-%m-%d")
                        .map_or_else(|_| f.to_owned(), |d| d.format("%d-%m-%Y").to_string()),
                    8 if row.is_multiple_of(3) => match f {
                        "en" => "Engels",
                        "nl" => "Nederlands",
                        _ => "Duits",
                    }
                    .to_owned(),
                    11 => f.replace('.', ","),
                    1 if row.is_multiple_of(5) => format!(" {f} "),
                    _ => f.to_owned(),
                })
                .collect::<Vec<_>>()
                .join(";")
        };
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
        self.out.write_all(&bytes)?;
        self.out.write_all(b"\r\n")?;
        self.line.clear();
        self.row += 1;
        Ok(())
    }
}

impl<W: Write> Write for Dutch<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        for &b in buf {
            if b == b'\n' {
                self.convert()?;
            } else {
                self.line.push(b);
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The fields of one generated line: split at commas outside double quotes, and
/// unquoted (a generated value never holds a quote itself).
fn fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(String::new()),
            c => {
                if let Some(field) = fields.last_mut() {
                    field.push(c);
                }
            }
        }
    }
    fields
}

/// `jan.devries` from `Jan`, `de`, `Vries` (accents folded).
fn ascii_local(first: &str, prefix: &str, last: &str) -> String {
    let fold = |s: &str| -> String {
        s.chars()
            .filter_map(|c| match c {
                'ü' => Some('u'),
                'Ö' | 'ö' => Some('o'),
                'ë' => Some('e'),
                ' ' => None,
                c => Some(c.to_ascii_lowercase()),
            })
            .collect()
    };
    format!("{}.{}{}", fold(first), fold(prefix), fold(last))
}

/// A small, fast, seeded generator (SplitMix64); not for anything secret.
#[derive(Debug, Clone)]
pub struct SplitMix(pub u64);

impl SplitMix {
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T: ?Sized>(&mut self, items: &[&'a T]) -> &'a T {
        items[self.below(items.len() as u64) as usize]
    }
}
