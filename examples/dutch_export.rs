//! Writes the Dutch HR export example, `dutch-export/export.csv` and the same data
//! as `dutch-export/export.xlsx`, as a payroll system and Excel on a Dutch Windows
//! machine would: semicolons, DD-MM-YYYY dates, decimal commas, Windows-1252,
//! Dutch headers, a stray space and an empty row; in the workbook, real date and
//! number cells and employee numbers as text.
//!
//! ```sh
//! cargo run -p alleo-csv-examples --example dutch_export
//! cargo run -p alleo-sync-cli -- transform examples/dutch-export/export.csv \
//!     -o alleo_employees_acme.csv --config examples/dutch-export/alleo.toml
//! ```

use std::error::Error;
use std::fs;
use std::path::Path;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};

const HEADER: [&str; 11] = [
    "Personeelsnummer",
    "E-mailadres",
    "Voornaam",
    "Tussenvoegsel",
    "Achternaam",
    "Geboortedatum",
    "Datum in dienst",
    "Taal",
    "Afdeling",
    "FTE",
    "Einde contract",
];

/// Personeelsnummer, email, first name, prefix, last name, birthday, start, language,
/// department, FTE, contract end (dates as (day, month, year)).
type Employee = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    (u8, u8, u16),
    (u8, u8, u16),
    &'static str,
    &'static str,
    f64,
    Option<(u8, u8, u16)>,
);

const EMPLOYEES: [Employee; 12] = [
    (
        "0012",
        "jan.devries@example.nl",
        "Jan",
        "de",
        "Vries",
        (12, 3, 1984),
        (1, 9, 2015),
        "Nederlands",
        "Engineering",
        1.0,
        None,
    ),
    (
        "0013",
        "sanne.bakker@example.nl",
        "Sanne",
        "",
        "Bakker",
        (23, 7, 1991),
        (1, 2, 2019),
        "Nederlands",
        "sales",
        0.8,
        Some((30, 6, 2031)),
    ),
    (
        "0014",
        "lukas.mueller@example.de",
        "Lukas",
        "",
        "Müller",
        (2, 11, 1988),
        (15, 4, 2021),
        "Duits",
        "Engineering",
        1.0,
        None,
    ),
    (
        "0015",
        "femke.vandijk@example.nl",
        "Femke",
        "van",
        "Dijk",
        (30, 1, 1995),
        (1, 10, 2022),
        "Engels",
        "People",
        0.6,
        None,
    ),
    (
        "0016",
        "omer.yilmaz@example.nl",
        "Ömer",
        "",
        "Yilmaz",
        (5, 5, 1990),
        (1, 3, 2020),
        "NL",
        "Operations",
        1.0,
        None,
    ),
    (
        "0017",
        "chloe.dubois@example.com",
        "Chloé",
        "",
        "Dubois",
        (14, 2, 1993),
        (1, 6, 2023),
        "EN",
        "Sales",
        0.9,
        Some((31, 5, 2027)),
    ),
    (
        "0018",
        "pieter.vandenberg@example.nl",
        "Pieter",
        "van den",
        "Berg",
        (8, 8, 1979),
        (1, 1, 2010),
        "Nederlands",
        "Finance",
        1.0,
        None,
    ),
    (
        "0019",
        "jurgen.schmidt@example.de",
        "Jürgen",
        "",
        "Schmidt",
        (19, 12, 1975),
        (1, 7, 2012),
        "Deutsch",
        "Operations",
        0.5,
        None,
    ),
    (
        "0020",
        "noor.elamrani@example.nl",
        "Noor",
        "el",
        "Amrani",
        (27, 4, 1998),
        (1, 9, 2024),
        "Nederlands",
        "people",
        0.8,
        None,
    ),
    (
        "0021",
        "emma.visser@example.nl",
        "Emma",
        "",
        "Visser",
        (3, 6, 1986),
        (1, 11, 2016),
        "Engels",
        "Finance",
        1.0,
        None,
    ),
    (
        "0022",
        "thijs.mulder@example.nl",
        "Thijs",
        "",
        "Mulder",
        (11, 10, 1992),
        (1, 4, 2018),
        "Nederlands",
        "Engineering",
        0.7,
        None,
    ),
    (
        "0023",
        "zoe.dejong@example.nl",
        "Zoë",
        "de",
        "Jong",
        (22, 9, 2000),
        (1, 2, 2025),
        "Nederlands",
        "Sales",
        0.4,
        Some((31, 1, 2027)),
    ),
];

fn main() -> Result<(), Box<dyn Error>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("dutch-export");
    fs::write(dir.join("export.csv"), csv())?;
    workbook()?.save(dir.join("export.xlsx"))?;
    println!("wrote {}/export.csv and export.xlsx", dir.display());
    Ok(())
}

fn dmy((d, m, y): (u8, u8, u16)) -> String {
    format!("{d:02}-{m:02}-{y}")
}

/// The export as Excel saves "CSV (puntkomma-gescheiden)": Windows-1252.
fn csv() -> Vec<u8> {
    let mut text = HEADER.join(";") + "\r\n";
    for (i, e) in EMPLOYEES.iter().enumerate() {
        let (id, email, first, prefix, last, birthday, start, lang, group, fte, end) = *e;
        // A copy-paste left a space after one address.
        let email = if i == 3 {
            format!("{email} ")
        } else {
            email.to_owned()
        };
        let fte = fte.to_string().replace('.', ",");
        let end = end.map(dmy).unwrap_or_default();
        let row = [
            id,
            &email,
            first,
            prefix,
            last,
            &dmy(birthday),
            &dmy(start),
            lang,
            group,
            &fte,
            &end,
        ];
        text.push_str(&row.join(";"));
        text.push_str("\r\n");
    }
    // Excel keeps a formatted but empty row as separators only.
    text.push_str(";;;;;;;;;;\r\n");
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text);
    assert!(!unmappable, "the example must fit Windows-1252");
    bytes.into_owned()
}

/// The same data as a workbook with typed cells.
fn workbook() -> Result<Workbook, Box<dyn Error>> {
    let mut book = Workbook::new();
    // A fixed creation time, so the same people give the same bytes.
    let created = ExcelDateTime::from_ymd(2026, 11, 26)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let sheet = book.add_worksheet().set_name("Medewerkers")?;
    let date = Format::new().set_num_format("dd-mm-yyyy");
    let bold = Format::new().set_bold();
    for (col, h) in HEADER.iter().enumerate() {
        sheet.write_string_with_format(0, u16::try_from(col)?, *h, &bold)?;
    }
    let as_date = |(d, m, y): (u8, u8, u16)| ExcelDateTime::from_ymd(y, m, d);
    for (i, e) in EMPLOYEES.iter().enumerate() {
        let row = u32::try_from(i)? + 1;
        let (id, email, first, prefix, last, birthday, start, lang, group, fte, end) = *e;
        for (col, text) in [
            (0, id),
            (1, email),
            (2, first),
            (3, prefix),
            (4, last),
            (7, lang),
            (8, group),
        ] {
            if !text.is_empty() {
                sheet.write_string(row, col, text)?;
            }
        }
        sheet.write_datetime_with_format(row, 5, &as_date(birthday)?, &date)?;
        sheet.write_datetime_with_format(row, 6, &as_date(start)?, &date)?;
        sheet.write_number(row, 9, fte)?;
        if let Some(end) = end {
            sheet.write_datetime_with_format(row, 10, &as_date(end)?, &date)?;
        }
    }
    sheet.autofit();
    Ok(book)
}
