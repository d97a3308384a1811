//! Known names of Alleo's fields: as people write them in English, Dutch and
//! German, and as the HR and payroll systems of Dutch, Belgian and German customers
//! write them in their employee exports. Each system's table names where its
//! headers were read; many systems let the customer choose or rename columns, so
//! these are names to recognise, never a fixed layout.

use super::{Confidence, Reason};
use crate::config::Target;
use crate::did_you_mean::edit_distance;
use crate::field::{FieldKey, normalize_header};
use crate::messages::Lang;

/// A column known to hold something that is not for Alleo (a private email
/// address: Alleo's identity is the work address).
pub(super) const NOT_FOR_ALLEO: &str = "-";

/// Names of Alleo's fields and of common custom fields, as people write them.
const COMMON: &[(&str, &str, Lang)] = &[
    ("e-mailadres", "email", Lang::Nl),
    ("emailadres", "email", Lang::Nl),
    ("e-mail adres", "email", Lang::Nl),
    ("zakelijk e-mailadres", "email", Lang::Nl),
    ("e-mailadres werk", "email", Lang::Nl),
    ("e-mail", "email", Lang::En),
    ("mail", "email", Lang::En),
    ("email address", "email", Lang::En),
    ("e-mail address", "email", Lang::En),
    ("work email", "email", Lang::En),
    ("business email", "email", Lang::En),
    ("e-mail-adresse", "email", Lang::De),
    ("e-mail adresse", "email", Lang::De),
    ("emailadresse", "email", Lang::De),
    ("geschäftliche e-mail", "email", Lang::De),
    ("private email", NOT_FOR_ALLEO, Lang::En),
    ("personal email", NOT_FOR_ALLEO, Lang::En),
    ("home email", NOT_FOR_ALLEO, Lang::En),
    ("e-mailadres privé", NOT_FOR_ALLEO, Lang::Nl),
    ("privé e-mailadres", NOT_FOR_ALLEO, Lang::Nl),
    ("private e-mail", NOT_FOR_ALLEO, Lang::De),
    ("voornaam", "first_name", Lang::Nl),
    ("roepnaam", "first_name", Lang::Nl),
    ("firstname", "first_name", Lang::En),
    ("given name", "first_name", Lang::En),
    ("forename", "first_name", Lang::En),
    ("vorname", "first_name", Lang::De),
    ("rufname", "first_name", Lang::De),
    ("achternaam", "last_name", Lang::Nl),
    ("familienaam", "last_name", Lang::Nl),
    ("geslachtsnaam", "last_name", Lang::Nl),
    ("lastname", "last_name", Lang::En),
    ("surname", "last_name", Lang::En),
    ("family name", "last_name", Lang::En),
    ("nachname", "last_name", Lang::De),
    ("familienname", "last_name", Lang::De),
    ("tussenvoegsel", "prefix", Lang::Nl),
    ("tussenvoegsels", "prefix", Lang::Nl),
    ("voorvoegsel", "prefix", Lang::Nl),
    ("infix", "prefix", Lang::En),
    ("name prefix", "prefix", Lang::En),
    ("namenszusatz", "prefix", Lang::De),
    ("namensvorsatz", "prefix", Lang::De),
    ("startdatum", "onboarding_date", Lang::Nl),
    ("startdatum account", "onboarding_date", Lang::Nl),
    ("start date", "onboarding_date", Lang::En),
    ("startdatum mitarbeiter", "onboarding_date", Lang::De),
    ("uitdienstdatum", "offboarding_date", Lang::Nl),
    ("datum uit dienst", "offboarding_date", Lang::Nl),
    ("einddatum dienstverband", "offboarding_date", Lang::Nl),
    ("end date", "offboarding_date", Lang::En),
    ("termination date", "offboarding_date", Lang::En),
    ("leaving date", "offboarding_date", Lang::En),
    ("austrittsdatum", "offboarding_date", Lang::De),
    ("geboortedatum", "birthday", Lang::Nl),
    ("verjaardag", "birthday", Lang::Nl),
    ("date of birth", "birthday", Lang::En),
    ("birth date", "birthday", Lang::En),
    ("birthdate", "birthday", Lang::En),
    ("dob", "birthday", Lang::En),
    ("geburtsdatum", "birthday", Lang::De),
    ("geburtstag", "birthday", Lang::De),
    ("datum in dienst", "work_anniversary", Lang::Nl),
    ("in dienst", "work_anniversary", Lang::Nl),
    ("indienstdatum", "work_anniversary", Lang::Nl),
    ("hire date", "work_anniversary", Lang::En),
    ("hiredate", "work_anniversary", Lang::En),
    ("date of hire", "work_anniversary", Lang::En),
    ("anniversary", "work_anniversary", Lang::En),
    ("eintrittsdatum", "work_anniversary", Lang::De),
    ("taal", "language", Lang::Nl),
    ("voorkeurstaal", "language", Lang::Nl),
    ("preferred language", "language", Lang::En),
    ("locale", "language", Lang::En),
    ("sprache", "language", Lang::De),
    ("bevorzugte sprache", "language", Lang::De),
    ("afdeling", "company_group", Lang::Nl),
    ("groep", "company_group", Lang::Nl),
    ("bedrijfsonderdeel", "company_group", Lang::Nl),
    ("divisie", "company_group", Lang::Nl),
    ("department", "company_group", Lang::En),
    ("group", "company_group", Lang::En),
    ("team", "company_group", Lang::En),
    ("division", "company_group", Lang::En),
    ("business unit", "company_group", Lang::En),
    ("abteilung", "company_group", Lang::De),
    ("gruppe", "company_group", Lang::De),
    ("bereich", "company_group", Lang::De),
    ("personeelsnummer", "custom_employee_id", Lang::Nl),
    ("personeelsnr", "custom_employee_id", Lang::Nl),
    ("medewerkernummer", "custom_employee_id", Lang::Nl),
    ("employee id", "custom_employee_id", Lang::En),
    ("employee number", "custom_employee_id", Lang::En),
    ("staff number", "custom_employee_id", Lang::En),
    ("personalnummer", "custom_employee_id", Lang::De),
    ("mitarbeiternummer", "custom_employee_id", Lang::De),
    ("einde contract", "custom_contract_end", Lang::Nl),
    ("einddatum contract", "custom_contract_end", Lang::Nl),
    ("contract end", "custom_contract_end", Lang::En),
    ("contract end date", "custom_contract_end", Lang::En),
    ("vertragsende", "custom_contract_end", Lang::De),
    ("fte", "custom_fte", Lang::En),
    ("deeltijdfactor", "custom_fte", Lang::Nl),
    ("beschäftigungsgrad", "custom_fte", Lang::De),
];

/// One HR system's employee-export headers: the header, what it holds, and how
/// sure that is (`Medium` where the system has a better column for the same
/// field, such as legal first names beside the name in use).
pub(super) struct System {
    /// The system's name, for the reason of a suggestion.
    pub name: &'static str,
    /// Header, target (or [`NOT_FOR_ALLEO`]), confidence.
    pub headers: &'static [(&'static str, &'static str, Confidence)],
}

const H: Confidence = Confidence::High;
const M: Confidence = Confidence::Medium;
const L: Confidence = Confidence::Low;

/// The systems whose exports are recognised, each with its source.
pub(super) const SYSTEMS: &[System] = &[
    // AFAS Profit. GetConnector field ids (captions with `_` for spaces; `-` and
    // `.` kept) and the captions themselves: Tools4everBV/
    // HelloID-Conn-Prov-Source-AFAS-Profit @ 1be5f2f (mapping.json, persons.ps1 and
    // the GetConnector definitions T4E_HelloID_*_v2.gcn: fields U019 "Medewerker",
    // U027 E-mail_werk, U006 "Geboortenaam voorvoegsel", U017
    // Begindatum_contract); E-mail_prive and Datum_in_dienst / Datum_uit_dienst
    // from code reading AFAS exports.
    System {
        name: "AFAS Profit",
        headers: &[
            ("Medewerker", "custom_employee_id", H),
            ("E-mail_werk", "email", H),
            ("Email_werk", "email", H),
            ("E-mail werk", "email", H),
            ("E-mail_prive", NOT_FOR_ALLEO, H),
            ("E-mail privé", NOT_FOR_ALLEO, H),
            ("Roepnaam", "first_name", H),
            ("Voornamen", "first_name", M),
            ("Geboortenaam", "last_name", H),
            ("Voorvoegsel", "prefix", H),
            ("Geboortenaam voorvoegsel", "prefix", H),
            ("Geboortedatum", "birthday", H),
            ("Datum_in_dienst", "work_anniversary", H),
            ("Datum_uit_dienst", "offboarding_date", H),
            ("Einddatum_contract", "custom_contract_end", H),
            ("Organisatorische_eenheid_omschrijving", "company_group", H),
        ],
    },
    // Nmbrs. The import/export sheet, tab Werknemers: support.nmbrs.nl article
    // 204052926 ("Importsheet tab Werknemers"); dates dd-mm-jjjj.
    System {
        name: "Nmbrs",
        headers: &[
            ("Persnr", "custom_employee_id", H),
            // Elsewhere "Naam" is the whole name: offered, never applied.
            ("Naam", "last_name", L),
            ("Roepnaam", "first_name", H),
            ("Voornamen", "first_name", M),
            ("Voorvoegsels", "prefix", H),
            ("EmailWerk", "email", H),
            ("EmailPrive", NOT_FOR_ALLEO, H),
            ("Geboortedatum", "birthday", H),
        ],
    },
    // Visma Raet (Youforce, HR Core) CSV files, headers in square brackets:
    // Tools4everBV/HelloID-Conn-Prov-Source-RAET-HR-CORE-Education-CSV @ 8c3b57b
    // (persons.ps1): Medewerker.csv and Aanstellingen.csv; dates yyyyMMdd, `|`.
    System {
        name: "Visma Raet",
        headers: &[
            ("[Personeelsnummer]", "custom_employee_id", H),
            ("[Roepnaam]", "first_name", H),
            ("[Voornaam]", "first_name", M),
            ("[Eigen naam]", "last_name", H),
            ("[Tussenvoegsel]", "prefix", H),
            ("[Geboortedatum]", "birthday", H),
            ("[Begindatum]", "work_anniversary", H),
            ("[Einddatum]", "offboarding_date", H),
        ],
    },
    // Loket.nl. The employee API's names (the import file's header is an
    // attachment not public): Tools4everBV/HelloID-Conn-Prov-Source-Loket @ 13c3028
    // (personMapping.json, contractMapping.json); helpdesk.loket.nl article
    // 205729488 for BSN / Sofinummer.
    System {
        name: "Loket.nl",
        headers: &[
            ("employeeNumber", "custom_employee_id", H),
            ("emailAddress", "email", H),
            ("dateOfBirth", "birthday", H),
            ("startDate", "onboarding_date", H),
            ("endDate", "offboarding_date", H),
        ],
    },
    // Personio. Attribute labels in English and German: support.personio.de
    // article 115002699585 (en and de); "Personnel number" from its payroll best
    // practice (article 115003457645).
    System {
        name: "Personio",
        headers: &[
            ("Personnel number", "custom_employee_id", H),
            ("Preferred name", "first_name", M),
            ("Bevorzugter Name", "first_name", M),
            ("Hire date", "work_anniversary", H),
            ("Anstelldatum", "work_anniversary", H),
            ("End of employment", "offboarding_date", H),
            ("Ende des Arbeitsverhältnisses", "offboarding_date", H),
            ("Contract end date", "custom_contract_end", H),
            ("Birthday", "birthday", H),
        ],
    },
    // HiBob. Field ids (category.field) and report names: apidocs.hibob.com
    // (fields metadata, create employee); lyft/cartography tests/data/hibob.
    System {
        name: "HiBob",
        headers: &[
            ("root.email", "email", H),
            ("root.firstName", "first_name", H),
            ("root.surname", "last_name", H),
            ("work.employeeIdInCompany", "custom_employee_id", H),
            ("work.startDate", "onboarding_date", H),
            ("internal.terminationDate", "offboarding_date", H),
            ("personal.birthDate", "birthday", H),
            ("work.department", "company_group", H),
            ("home.privateEmail", NOT_FOR_ALLEO, H),
        ],
    },
    // BambooHR. API field names and their labels: documentation.bamboohr.com
    // "List of field names"; Tools4everBV/Tools4everBV-HelloID-Conn-Prov-Source-
    // BambooHR @ d43f078 (personMapping.json); dates yyyy-mm-dd, 0000-00-00 for
    // none.
    System {
        name: "BambooHR",
        headers: &[
            ("employeeNumber", "custom_employee_id", H),
            ("Employee #", "custom_employee_id", H),
            ("workEmail", "email", H),
            ("Work Email", "email", H),
            ("homeEmail", NOT_FOR_ALLEO, H),
            ("Home Email", NOT_FOR_ALLEO, H),
            ("preferredName", "first_name", M),
            ("hireDate", "work_anniversary", H),
            ("Hire Date", "work_anniversary", H),
            ("terminationDate", "offboarding_date", H),
            ("Termination Date", "offboarding_date", H),
            ("dateOfBirth", "birthday", H),
        ],
    },
    // Workday. Custom report (RaaS) aliases as tenants use them:
    // faros-ai/airbyte-connectors sources/workday-source (README).
    System {
        name: "Workday",
        headers: &[
            ("Employee_ID", "custom_employee_id", H),
            ("Preferred_Name", "first_name", M),
            ("Email_Address", "email", H),
            ("Hire_Date", "work_anniversary", H),
            ("Original_Hire_Date", "work_anniversary", M),
            ("Termination_Date", "offboarding_date", H),
        ],
    },
    // SAP SuccessFactors. The user data file's system keys (row 1):
    // learning.sap.com "Managing User Data"; SAP KBA 2087504.
    System {
        name: "SAP SuccessFactors",
        headers: &[
            ("USERID", "custom_employee_id", M),
            ("EMPID", "custom_employee_id", H),
            ("FIRSTNAME", "first_name", H),
            ("LASTNAME", "last_name", H),
            ("EMAIL", "email", H),
            ("HIREDATE", "work_anniversary", H),
            ("DEPARTMENT", "company_group", H),
            ("DEFAULT_LOCALE", "language", H),
        ],
    },
];

/// A header folded for comparison: as headers are matched, and without the square
/// brackets Visma Raet puts around each.
pub(super) fn fold(header: &str) -> String {
    let trimmed = header.trim();
    let unbracketed = trimmed
        .strip_prefix('[')
        .and_then(|h| h.strip_suffix(']'))
        .unwrap_or(trimmed);
    normalize_header(unbracketed)
}

/// What a header names, if it is known: `Ok` a target, `Err(())` a column known
/// not to be for Alleo. The confidence and the reason come with it.
pub(super) type Known = (Result<Target, ()>, Confidence, Reason);

/// The system an export comes from: the one at least three of its headers are
/// known in, the most when several are. A header every export in its language has
/// (`Geboortedatum`) tells no system apart, so only the others count.
pub(super) fn system_of(headers: &[String]) -> Option<&'static System> {
    let distinctive: Vec<String> = headers
        .iter()
        .map(|h| fold(h))
        .filter(|h| !COMMON.iter().any(|&(s, ..)| normalize_header(s) == *h))
        .collect();
    SYSTEMS
        .iter()
        .map(|system| {
            let known = distinctive
                .iter()
                .filter(|h| system.headers.iter().any(|(k, ..)| fold(k) == **h))
                .count();
            (known, system)
        })
        .filter(|&(known, _)| known >= 3)
        .max_by_key(|&(known, _)| known)
        .map(|(_, system)| system)
}

/// The target a header names: a known name of the export's own system (which
/// then settles a name that elsewhere means something else, such as Nmbrs'
/// "Naam"), a known name in a language or in another HR system's export, a near
/// spelling of one, or a known name as one of its words.
pub(super) fn by_name(header: &str, own: Option<&System>) -> Option<Known> {
    let folded = fold(header);
    let target = |name: &str| -> Option<Result<Target, ()>> {
        if name == NOT_FOR_ALLEO {
            Some(Err(()))
        } else {
            Target::parse(name).ok().map(Ok)
        }
    };
    if let Some(system) = own
        && let Some(&(_, t, confidence)) = system.headers.iter().find(|(h, ..)| fold(h) == folded)
    {
        let reason = Reason::HrSystem {
            system: system.name.to_owned(),
        };
        return Some((target(t)?, confidence.max(Confidence::Medium), reason));
    }
    let common = COMMON.iter().map(|&(s, t, l)| (normalize_header(s), t, l));
    if let Some((_, t, language)) = common.clone().find(|(s, ..)| *s == folded) {
        return Some((target(t)?, Confidence::High, Reason::Synonym { language }));
    }
    for system in SYSTEMS {
        if let Some(&(_, t, confidence)) = system.headers.iter().find(|(h, ..)| fold(h) == folded) {
            let reason = Reason::HrSystem {
                system: system.name.to_owned(),
            };
            return Some((target(t)?, confidence, reason));
        }
    }
    let near = |s: &str| {
        let limit = if s.chars().count() <= 6 { 1 } else { 2 };
        edit_distance(s, &folded) <= limit
    };
    let labels = FieldKey::ALL.map(|f| (normalize_header(f.label()), f.key(), f.label()));
    if let Some((_, key, label)) = labels.iter().find(|(s, ..)| near(s)) {
        let to = (*label).to_owned();
        return Some((target(key)?, Confidence::Medium, Reason::Similar { to }));
    }
    if let Some((s, t, _)) = common.clone().find(|(s, ..)| s.len() > 3 && near(s)) {
        let to = COMMON
            .iter()
            .find(|(k, ..)| normalize_header(k) == s)
            .map_or(s.clone(), |(k, ..)| (*k).to_owned());
        return Some((target(t)?, Confidence::Medium, Reason::Similar { to }));
    }
    let words: Vec<&str> = folded.split('_').collect();
    let single = labels
        .iter()
        .map(|(s, key, _)| (s.clone(), *key))
        .chain(common.map(|(s, t, _)| (s, t)))
        .filter(|(s, t)| !s.contains('_') && *t != NOT_FOR_ALLEO);
    for (word, t) in single {
        if words.contains(&word.as_str()) {
            return Some((target(t)?, Confidence::Low, Reason::Contains { word }));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_names_real_targets() {
        let all = COMMON.iter().map(|&(_, t, _)| t).chain(
            SYSTEMS
                .iter()
                .flat_map(|s| s.headers.iter().map(|&(_, t, _)| t)),
        );
        for t in all {
            assert!(t == NOT_FOR_ALLEO || Target::parse(t).is_ok(), "{t}");
        }
    }

    #[test]
    fn each_system_s_headers_are_recognised() {
        for system in SYSTEMS {
            for &(header, t, _) in system.headers {
                let (found, ..) = by_name(header, None).unwrap_or_else(|| panic!("{header}"));
                let name = found.as_ref().map_or(NOT_FOR_ALLEO, Target::name);
                assert_eq!(name, t, "{} {header}", system.name);
            }
        }
    }
}
