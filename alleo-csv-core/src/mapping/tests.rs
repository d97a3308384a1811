use proptest::prelude::*;

use super::*;
use crate::input::Input;
use crate::transform::{Outputs, TransformOptions, detect_encoding, preview, transform};

fn headers(list: &[&str]) -> Vec<ColumnSuggestion> {
    let owned: Vec<String> = list.iter().map(|&h| h.to_owned()).collect();
    suggest_headers(&owned, &Config::default(), Lang::En).columns
}

fn target(c: &ColumnSuggestion) -> &str {
    c.target.as_ref().map_or("", Target::name)
}

#[test]
fn dutch_german_and_english_names() {
    let exports: [&[(&str, &str)]; 3] = [
        &[
            ("E-mailadres", "email"),
            ("Voornaam", "first_name"),
            ("Tussenvoegsel", "prefix"),
            ("Achternaam", "last_name"),
            ("Geboortedatum", "birthday"),
            ("Taal", "language"),
            ("Afdeling", "company_group"),
            ("Personeelsnummer", "custom_employee_id"),
            ("Datum in dienst", "work_anniversary"),
        ],
        &[
            ("E-Mail-Adresse", "email"),
            ("Vorname", "first_name"),
            ("Nachname", "last_name"),
            ("Geburtsdatum", "birthday"),
            ("Austrittsdatum", "offboarding_date"),
            ("Abteilung", "company_group"),
            ("Personalnummer", "custom_employee_id"),
        ],
        &[
            ("Work e-mail", "email"),
            ("Given name", "first_name"),
            ("Surname", "last_name"),
            ("Date of birth", "birthday"),
            ("Department", "company_group"),
            ("Preferred language", "language"),
            ("Employee ID", "custom_employee_id"),
        ],
    ];
    for list in exports {
        let names: Vec<&str> = list.iter().map(|(h, _)| *h).collect();
        for (c, (header, expected)) in headers(&names).iter().zip(list) {
            assert_eq!(target(c), *expected, "{header}");
            assert!(c.apply(), "{header}: {c:?}");
        }
    }
    let s = headers(&["Voornaam"]);
    assert_eq!(s[0].reason, Reason::Synonym { language: Lang::Nl });
    assert_eq!(s[0].confidence, Confidence::High);
}

#[test]
fn an_export_s_own_system_is_told_by_its_own_names_only() {
    let bamboo = [
        "Employee #",
        "First Name",
        "Work Email",
        "Home Email",
        "Hire Date",
    ];
    let s = headers(&bamboo);
    let workday = Reason::HrSystem {
        system: "Workday".to_owned(),
    };
    assert_ne!(s[4].reason, workday, "{:?}", s[4]);
    assert_eq!(target(&s[4]), "work_anniversary");
    // Three headers any Dutch export has are no sign of Visma Raet, whose
    // "Voornaam" would only be medium (its first name is "Roepnaam").
    let dutch = [
        "Personeelsnummer",
        "Voornaam",
        "Tussenvoegsel",
        "Geboortedatum",
    ];
    let s = headers(&dutch);
    assert_eq!(s[1].reason, Reason::Synonym { language: Lang::Nl });
    assert_eq!(s[1].confidence, Confidence::High);
    let raet = [
        "[Personeelsnummer]",
        "[Roepnaam]",
        "[Voornaam]",
        "[Eigen naam]",
        "[Einddatum]",
    ];
    let s = headers(&raet);
    assert_eq!((target(&s[1]), target(&s[2])), ("first_name", "first_name"));
    assert!(s[1].apply() && !s[2].apply(), "{s:?}");
}

#[test]
fn near_spellings_are_medium() {
    let s = headers(&["Voornam", "Emial", "Geburtsdatm"]);
    assert_eq!(
        s.iter()
            .map(|c| (target(c), c.confidence))
            .collect::<Vec<_>>(),
        [
            ("first_name", Confidence::Medium),
            ("email", Confidence::Medium),
            ("birthday", Confidence::Medium)
        ]
    );
}

fn preview_of(export: &str) -> Preview {
    preview(export.as_bytes(), &Input::default(), None, 200).unwrap()
}

#[test]
fn email_consent_does_not_become_the_email() {
    let export =
        "Email consent;Naam;E-mailadres\nja;Jan;jan@example.nl\nnee;Piet;piet@example.nl\n";
    let s = suggest(&preview_of(export), &Config::default(), Lang::En);
    let consent = &s.columns[0];
    assert_eq!(consent.confidence, Confidence::Low);
    assert!(!consent.apply());
    assert_eq!(
        consent.evidence,
        Some(Evidence {
            matching: 0,
            of: 2,
            kind: ValueKind::Email
        })
    );
    assert!(s.columns[2].apply());
    // Alone, it is still not applied: its values say no.
    let alone = suggest(
        &preview_of("Email consent\nja\nnee\n"),
        &Config::default(),
        Lang::En,
    );
    assert!(!alone.columns[0].apply());
}

#[test]
fn values_speak_when_the_header_does_not() {
    let s = suggest(
        &preview_of("Werkadres;Salaris\nj@example.nl;4000\np@example.nl;4100\n"),
        &Config::default(),
        Lang::En,
    );
    assert_eq!(
        (target(&s.columns[0]), s.columns[0].reason.clone()),
        ("email", Reason::ValuesOnly)
    );
    assert!(s.columns[0].apply());
    // Pay is left out, never offered as a custom field.
    assert_eq!(target(&s.columns[1]), "");
    assert_eq!(
        s.columns[1].leave_out,
        Some(LeaveOut::Sensitive {
            reason: crate::rules::sensitive::Sensitive::PayHeader
        })
    );
    assert!(s.custom_fields.is_empty());
    // An unknown column is left out, and offered as a custom field commented out.
    let s = suggest(
        &preview_of("Werkadres;Kostenplaats\nj@example.nl;4000\np@example.nl;4100\n"),
        &Config::default(),
        Lang::En,
    );
    assert_eq!(target(&s.columns[1]), "custom_kostenplaats");
    assert!(!s.columns[1].apply());
    assert_eq!(s.columns[1].leave_out, Some(LeaveOut::NoMatch));
    assert_eq!(s.custom_fields[0].key, "custom_kostenplaats");
    assert!(!s.custom_fields[0].apply);
    let toml = s.to_toml("export.csv", Lang::En);
    assert!(
        toml.contains("\nignore = [\n    \"Kostenplaats\",  # no Alleo field matches"),
        "{toml}"
    );
    assert!(
        toml.contains("\n# \"Kostenplaats\" = \"custom_kostenplaats\""),
        "{toml}"
    );
}

#[test]
fn one_column_per_field() {
    let s = headers(&["Voornaam", "Roepnaam"]);
    assert!(s[0].apply());
    assert_eq!(
        s[1].reason,
        Reason::Taken {
            by: "Voornaam".into()
        }
    );
    assert!(!s[1].apply());
}

#[test]
fn alleo_names_and_mapped_headers() {
    let config: Config = toml::from_str("[mapping]\n\"Mail werk\" = \"email\"").unwrap();
    let owned: Vec<String> = ["First name", "custom_x", "Mail werk"]
        .map(String::from)
        .to_vec();
    let s = suggest_headers(&owned, &config, Lang::En).columns;
    assert!(!s[0].needed && !s[1].needed);
    assert_eq!(s[2].reason, Reason::AlreadyMapped);
    assert!(s[2].apply());
}

fn dutch_export() -> Vec<u8> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/dutch-export/export.csv"
    );
    std::fs::read(path).unwrap()
}

#[test]
fn the_suggestion_for_the_dutch_example_transforms_it() {
    let bytes = dutch_export();
    let encoding = detect_encoding(&bytes[..]).unwrap();
    let p = preview(&bytes[..], &Input::default(), Some(encoding), 200).unwrap();
    let mut config: Config = toml::from_str(
        r#"[company]
groups = ["Engineering", "Sales", "Operations", "Finance", "People"]"#,
    )
    .unwrap();
    let s = suggest(&p, &config, Lang::En);
    let text = s.to_toml("export.csv", Lang::En);
    for line in [
        "\ndelimiter = \";\"",
        "\nencoding = \"windows-1252\"",
        "\ndate_format = \"%d-%m-%Y\"",
        "\ndecimal_comma = true",
        "\n\"E-mailadres\" = \"email\"",
        "\n\"Personeelsnummer\" = \"custom_employee_id\"",
        "\ncustom_employee_id = \"integer\"",
        "\ncustom_fte = \"decimal\"",
        "\ncustom_contract_end = \"date\"",
    ] {
        assert!(text.contains(line), "{line}\n{text}");
    }
    // Every line is applied: the example's own alleo.toml is this suggestion.
    assert!(!text.contains("\n# \""), "{text}");
    let suggested: Config = toml::from_str(&text).unwrap();
    let example: Config = toml::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../examples/dutch-export/alleo.toml"
        ))
        .unwrap(),
    )
    .unwrap();
    assert_eq!(suggested.mapping, example.mapping);
    assert_eq!(suggested.custom_fields, example.custom_fields);
    assert_eq!(suggested.input, example.input);
    config.mapping = suggested.mapping;
    config.custom_fields = suggested.custom_fields;
    config.input = suggested.input;
    let mut out = Vec::new();
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    let done = transform(
        &bytes[..],
        &config,
        TransformOptions::new(as_of),
        Outputs::new(&mut out),
    )
    .unwrap();
    assert!(done.usable(), "{:?}", done.report.issues);
    assert_eq!(done.summary.written, 12);
}

#[test]
fn notes_exist_in_every_language() {
    let p = preview_of("E-mailadres;Geboortedatum;FTE\nj@example.nl;01-02-1990;0,8\n");
    for lang in Lang::ALL {
        let text = suggest(&p, &Config::default(), lang).to_toml("x.csv", lang);
        assert!(
            text.contains("\"E-mailadres\"") && text.contains("date_format"),
            "{lang}: {text}"
        );
        let parsed: Result<Config, _> = toml::from_str(&text);
        assert!(parsed.is_ok(), "{lang}: {text}");
    }
}

proptest! {
    #[test]
    fn the_suggestion_is_always_a_valid_config(
        heads in prop::collection::vec("[ -~äöüéß\"\\\\]{0,16}", 1..8),
        values in prop::collection::vec("[ -~]{0,10}", 0..8),
    ) {
        let preview = Preview {
            headers: heads.clone(),
            rows: vec![values],
            ..Preview::default()
        };
        let text = suggest(&preview, &Config::default(), Lang::En).to_toml("x", Lang::En);
        let parsed: Result<Config, _> = toml::from_str(&text);
        prop_assert!(parsed.is_ok(), "{}\n{:?}", text, parsed.err());
        // Uncommented, every line is still valid.
        let all = text.lines().map(|l| l.strip_prefix("# \"").map_or(l.to_owned(), |r| format!("\"{r}"))).collect::<Vec<_>>().join("\n");
        let parsed: Result<toml::Table, _> = toml::from_str(&all);
        prop_assert!(parsed.is_ok(), "{}\n{:?}", all, parsed.err());
    }
}

#[test]
fn an_export_is_told_from_an_alleo_file_by_its_dialect_or_its_columns() {
    let suggested = |file: &str| {
        let p = crate::transform::preview(file.as_bytes(), &Config::default().input, None, 100)
            .unwrap();
        suggest(&p, &Config::default(), Lang::En).is_export()
    };
    // Alleo's own columns, one date written the Dutch way: a file to check.
    assert!(!suggested(
        "Email,First name,Last name,Birthday\na@x.nl,A,B,17-05-1990\n"
    ));
    // Another delimiter: an export.
    assert!(suggested("Email;First name;Last name\na@x.nl;A;B\n"));
    // Most columns named another way: an export.
    assert!(suggested("E-mailadres,Voornaam,Achternaam\na@x.nl,A,B\n"));
}
