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

/// Writes a file of `rows` employees to `out`, valid when checked on `as_of`.
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
    let mut out = io::BufWriter::with_capacity(1 << 16, out);
    let mut rng = SplitMix(seed);
    let day = |offset: u64| as_of.checked_add_days(Days::new(offset)).unwrap_or(as_of);
    let back = |offset: u64| as_of.checked_sub_days(Days::new(offset)).unwrap_or(as_of);
    writeln!(out, "{HEADER}")?;
    for i in 0..rows {
        let first = rng.pick(&FIRST);
        let last = rng.pick(&LAST);
        let prefix = rng.pick(&PREFIXES);
        let onboarding = day(rng.below(60));
        let offboarding = onboarding
            .checked_add_days(Days::new(400 + rng.below(2000)))
            .unwrap_or(onboarding);
        let birthday = back(18 * 365 + rng.below(45 * 365));
        let anniversary = back(rng.below(20 * 365));
        let lang = rng.pick(&["en", "nl", "de"]);
        let group = rng.pick(&GROUPS);
        let fte = rng.below(11);
        let contract_end = day(rng.below(1500));
        let local = ascii_local(first, prefix, last);
        writeln!(
            out,
            "{local}.{i}@{domain},{first},{last},{prefix},{onboarding},{offboarding},{birthday},{anniversary},{lang},{group},{id:07},{fte_int}.{fte_frac},{contract_end}",
            domain = rng.pick(&DOMAINS),
            id = i + 1,
            fte_int = fte / 10,
            fte_frac = fte % 10,
        )?;
    }
    out.flush()
}

/// The header of a Dutch export: the columns of [`HEADER`], in its order.
pub const DUTCH_HEADER: &str = "E-mailadres;Voornaam;Achternaam;Tussenvoegsel;Startdatum;Uitdienstdatum;Geboortedatum;Datum in dienst;Taal;Afdeling;Personeelsnummer;FTE;Einde contract";

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
        sheet: None,
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
    let mut dutch = Dutch {
        out: io::BufWriter::with_capacity(1 << 16, out),
        line: Vec::new(),
        row: 0,
    };
    write(&mut dutch, rows, seed, as_of)?;
    dutch.out.flush()
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
            line.trim_end()
                .split(',')
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
