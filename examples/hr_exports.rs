//! Writes `exports/<system>/export.*`: an employee export of five HR and payroll
//! systems, each in that system's own dialect, from one seeded list of fake
//! people (nobody here exists; every BSN, IBAN and tax number is made up, with a
//! valid check digit so the checks recognise them).
//!
//! - AFAS Profit: `;`, Windows-1252, DD-MM-YYYY, GetConnector names, BSN and IBAN
//!   columns, one employee twice (two contracts).
//! - Nmbrs: Excel's `sep=;` line, `;`, Windows-1252, unpadded day-month-year, the
//!   import sheet's names (`Naam` is the surname), BSN.
//! - Personio: an `.xlsx` workbook with German labels, date cells, an end date
//!   written as plain day numbers, tax IDs, IBAN and salary.
//! - BambooHR: UTF-8 with a byte order mark, ISO dates, `0000-00-00` for no date,
//!   a pay rate.
//! - Workday: a custom report with dates and a time of day.
//!
//! Each folder's `alleo.toml` is what `alleo-sync mapping suggest` proposes for
//! its export (a test holds them equal, and transforms every export with it):
//!
//! ```sh
//! cargo run -p alleo-csv-examples --example hr_exports
//! cargo run -p alleo-sync-cli -- mapping suggest examples/exports/afas/export.csv
//! ```
//!
//! With a number of people and a folder, it writes exports of that size there
//! instead (for the benchmarks), of every system or of one:
//! `hr_exports 1000000 bench-data/exports-1000000 afas`.

use std::error::Error;
use std::fs;
use std::path::{Path, PathBuf};

use alleo_csv_core::sample::SplitMix;
use chrono::{Datelike, Days, NaiveDate};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};

const FIRST: [&str; 16] = [
    "Jan", "Anna", "Pieter", "Sanne", "Daan", "Lotte", "Bram", "Femke", "Lukas", "Leonie",
    "Jürgen", "Sophie", "Noor", "Finn", "Mia", "Zoë",
];
const LAST: [&str; 14] = [
    "Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "Boer", "Müller", "Schmidt",
    "Weber", "Wagner", "Brink", "Groot",
];
const PREFIXES: [&str; 5] = ["", "", "de", "van", "van der"];
const DEPARTMENTS: [&str; 4] = ["Engineering", "Sales", "Operations", "Finance"];
const PEOPLE: usize = 30;

/// One fake employee.
struct Person {
    number: u32,
    first: &'static str,
    prefix: &'static str,
    last: &'static str,
    email: String,
    private: String,
    birthday: NaiveDate,
    hired: NaiveDate,
    left: Option<NaiveDate>,
    department: &'static str,
    bsn: String,
    iban: String,
    tax_id: String,
    salary: u32,
}

fn people(seed: u64, count: usize) -> Vec<Person> {
    let mut rng = SplitMix(seed);
    let day = |base: NaiveDate, span: u64, rng: &mut SplitMix| {
        base.checked_add_days(Days::new(rng.below(span)))
            .unwrap_or(base)
    };
    let start = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
    (0..count)
        .map(|i| {
            let (first, last, prefix) = (rng.pick(&FIRST), rng.pick(&LAST), rng.pick(&PREFIXES));
            let local: String = format!("{first}.{prefix}{last}")
                .to_lowercase()
                .replace(' ', "")
                .replace('ü', "u")
                .replace('ë', "e");
            let hired = day(start(2008, 1, 1), 16 * 365, &mut rng);
            Person {
                number: 1001 + i as u32,
                first,
                prefix,
                last,
                email: format!("{local}.{i}@example.nl"),
                private: format!("{local}{i}@mail.example"),
                birthday: day(start(1962, 1, 1), 40 * 365, &mut rng),
                hired,
                left: (i % 7 == 3).then(|| day(start(2026, 6, 1), 400, &mut rng)),
                department: rng.pick(&DEPARTMENTS),
                bsn: bsn(&mut rng),
                iban: iban(&mut rng),
                tax_id: tax_id(&mut rng),
                salary: 3000 + 50 * rng.below(60) as u32,
            }
        })
        .collect()
}

/// A made-up citizen service number that passes the 11-test.
fn bsn(rng: &mut SplitMix) -> String {
    loop {
        let digits: Vec<u64> = (0..8).map(|_| rng.below(10)).collect();
        let sum: u64 = digits.iter().zip((2..=9).rev()).map(|(d, w)| d * w).sum();
        let last = sum % 11;
        if last < 10 && digits[0] != 0 {
            return digits.iter().chain([&last]).map(u64::to_string).collect();
        }
    }
}

/// A made-up Dutch IBAN with correct check digits (bank code XXXX: no bank).
fn iban(rng: &mut SplitMix) -> String {
    let account: String = (0..10).map(|_| rng.below(10).to_string()).collect();
    let bban = format!("XXXX{account}");
    let mut remainder = 0u64;
    for c in format!("{bban}NL00").chars() {
        let n = c.to_digit(36).map_or(0, u64::from);
        remainder = if n >= 10 {
            (remainder * 100 + n) % 97
        } else {
            (remainder * 10 + n) % 97
        };
    }
    format!("NL{:02}{bban}", 98 - remainder)
}

/// A made-up German tax identification number with its check digit.
fn tax_id(rng: &mut SplitMix) -> String {
    let mut digits: Vec<u64> = (0..10).map(|_| rng.below(10)).collect();
    digits[0] = 1 + rng.below(9);
    let mut product = 10;
    for &d in &digits {
        let mut sum = (d + product) % 10;
        if sum == 0 {
            sum = 10;
        }
        product = (sum * 2) % 11;
    }
    digits.push(match 11 - product {
        10 => 0,
        n => n,
    });
    digits.iter().map(u64::to_string).collect()
}

fn dmy(d: NaiveDate) -> String {
    format!("{:02}-{:02}-{}", d.day(), d.month(), d.year())
}

fn csv_line(fields: &[String], sep: char) -> String {
    let quoted: Vec<String> = fields
        .iter()
        .map(|f| {
            if f.contains(sep) || f.contains('"') {
                format!("\"{}\"", f.replace('"', "\"\""))
            } else {
                f.clone()
            }
        })
        .collect();
    quoted.join(&sep.to_string())
}

fn windows_1252(text: &str) -> Vec<u8> {
    encoding_rs::WINDOWS_1252.encode(text).0.into_owned()
}

fn afas(people: &[Person]) -> Vec<u8> {
    let header = "Medewerker;Roepnaam;Voorvoegsel;Geboortenaam;E-mail_werk;E-mail_prive;BSN;IBAN;Geboortedatum;Datum_in_dienst;Datum_uit_dienst;Organisatorische_eenheid_omschrijving;Kostenplaats_omschrijving";
    let mut text = format!("{header}\r\n");
    for (i, p) in people.iter().enumerate() {
        let mut row = vec![
            p.number.to_string(),
            p.first.to_owned(),
            p.prefix.to_owned(),
            p.last.to_owned(),
            p.email.clone(),
            p.private.clone(),
            p.bsn.clone(),
            p.iban.clone(),
            dmy(p.birthday),
            dmy(p.hired),
            p.left.map(dmy).unwrap_or_default(),
            p.department.to_owned(),
            format!("KP {}", 100 + i % 3),
        ];
        text.push_str(&csv_line(&row, ';'));
        text.push_str("\r\n");
        // One row per contract: the fifth employee has two.
        if i == 4 {
            "KP 900".clone_into(&mut row[12]);
            text.push_str(&csv_line(&row, ';'));
            text.push_str("\r\n");
        }
    }
    windows_1252(&text)
}

fn nmbrs(people: &[Person]) -> Vec<u8> {
    let mut text = "sep=;\r\nPersnr;Naam;Voorletters;Roepnaam;Voorvoegsels;EmailWerk;EmailPrive;BSN;Geslacht;Geboortedatum\r\n".to_owned();
    for p in people {
        let birthday = format!(
            "{}-{}-{}",
            p.birthday.day(),
            p.birthday.month(),
            p.birthday.year()
        );
        let row = [
            p.number.to_string(),
            p.last.to_owned(),
            format!("{}.", p.first.chars().next().unwrap_or('X')),
            p.first.to_owned(),
            p.prefix.to_owned(),
            p.email.clone(),
            p.private.clone(),
            p.bsn.clone(),
            ["1", "2"][p.number as usize % 2].to_owned(),
            birthday,
        ];
        text.push_str(&csv_line(&row, ';'));
        text.push_str("\r\n");
    }
    windows_1252(&text)
}

fn personio(people: &[Person]) -> Result<Vec<u8>, Box<dyn Error>> {
    let mut book = Workbook::new();
    // A fixed creation time, so the same people give the same bytes.
    let created = ExcelDateTime::from_ymd(2026, 11, 26)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let sheet = book.add_worksheet().set_name("Mitarbeiter")?;
    let date = Format::new().set_num_format("dd.mm.yyyy");
    let header = [
        "Personalnummer",
        "Vorname",
        "Nachname",
        "E-Mail",
        "Geburtsdatum",
        "Anstelldatum",
        "Ende des Arbeitsverhältnisses",
        "Abteilung",
        "Standort",
        "Steueridentifikationsnummer",
        "IBAN",
        "Gehalt",
    ];
    for (col, h) in header.iter().enumerate() {
        sheet.write_string(0, u16::try_from(col)?, *h)?;
    }
    let excel = |d: NaiveDate| -> Result<ExcelDateTime, Box<dyn Error>> {
        let year = u16::try_from(d.year())?;
        Ok(ExcelDateTime::from_ymd(
            year,
            u8::try_from(d.month())?,
            u8::try_from(d.day())?,
        )?)
    };
    for (i, p) in people.iter().enumerate() {
        let r = u32::try_from(i + 1)?;
        sheet.write_string(r, 0, p.number.to_string())?;
        sheet.write_string(r, 1, p.first)?;
        sheet.write_string(r, 2, format!("{} {}", p.prefix, p.last).trim())?;
        sheet.write_string(r, 3, &p.email)?;
        sheet.write_datetime_with_format(r, 4, &excel(p.birthday)?, &date)?;
        sheet.write_datetime_with_format(r, 5, &excel(p.hired)?, &date)?;
        if let Some(left) = p.left {
            // Exported without a date format: the cell holds the day number.
            let days =
                (left - NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default()).num_days();
            sheet.write_number(r, 6, f64::from(u32::try_from(days)?))?;
        }
        sheet.write_string(r, 7, p.department)?;
        sheet.write_string(r, 8, ["Berlin", "Utrecht"][i % 2])?;
        sheet.write_string(r, 9, &p.tax_id)?;
        sheet.write_string(r, 10, &p.iban)?;
        sheet.write_number(r, 11, f64::from(p.salary))?;
    }
    Ok(book.save_to_buffer()?)
}

fn bamboohr(people: &[Person]) -> Vec<u8> {
    let mut text = "\u{feff}Employee #,First Name,Last Name,Preferred Name,Work Email,Home Email,Hire Date,Termination Date,Department,Location,Pay Rate\r\n".to_owned();
    for p in people {
        let row = [
            p.number.to_string(),
            p.first.to_owned(),
            format!("{} {}", p.prefix, p.last).trim().to_owned(),
            p.first.to_owned(),
            p.email.clone(),
            p.private.clone(),
            p.hired.to_string(),
            p.left
                .map_or_else(|| "0000-00-00".to_owned(), |d| d.to_string()),
            p.department.to_owned(),
            "Amsterdam".to_owned(),
            format!("{}.00 EUR", p.salary),
        ];
        text.push_str(&csv_line(&row, ','));
        text.push_str("\r\n");
    }
    text.into_bytes()
}

fn workday(people: &[Person]) -> Vec<u8> {
    let mut text = "Employee_ID,First_Name,Last_Name,Email_Address,Birth_Date,Hire_Date,Termination_Date,Company,Cost_Center\n".to_owned();
    let timed = |d: NaiveDate| format!("{d}T00:00:00");
    for p in people {
        let row = [
            format!("W{:06}", p.number),
            p.first.to_owned(),
            format!("{} {}", p.prefix, p.last).trim().to_owned(),
            p.email.clone(),
            timed(p.birthday),
            timed(p.hired),
            p.left.map(timed).unwrap_or_default(),
            "Acme B.V.".to_owned(),
            format!("CC-{}", p.department),
        ];
        text.push_str(&csv_line(&row, ','));
        text.push('\n');
    }
    text.into_bytes()
}

/// Writes one system's export of a list of people.
type Writer = fn(&[Person]) -> Result<Vec<u8>, Box<dyn Error>>;

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let (count, root) = match (args.next(), args.next()) {
        (Some(count), Some(dir)) => (count.parse()?, PathBuf::from(dir)),
        _ => (
            PEOPLE,
            Path::new(env!("CARGO_MANIFEST_DIR")).join("exports"),
        ),
    };
    let only = args.next();
    let people = people(2026, count);
    let files: [(&str, &str, Writer); 5] = [
        ("afas", "export.csv", |p| Ok(afas(p))),
        ("nmbrs", "export.csv", |p| Ok(nmbrs(p))),
        ("personio", "export.xlsx", personio),
        ("bamboohr", "export.csv", |p| Ok(bamboohr(p))),
        ("workday", "export.csv", |p| Ok(workday(p))),
    ];
    for (system, name, write) in files {
        if only.as_deref().is_some_and(|o| o != system) {
            continue;
        }
        let bytes = write(&people)?;
        let dir = root.join(system);
        fs::create_dir_all(&dir)?;
        fs::write(dir.join(name), bytes)?;
        println!("wrote {}", dir.join(name).display());
    }
    Ok(())
}
