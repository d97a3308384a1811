//! Dutch messages (Nederlands).

use super::{Parts, delimiter_name};
use crate::code::Code;
use crate::issue::{Detail, IssueRef};
use crate::rules::date::{DateHint, DateProblem};
use crate::rules::email::EmailProblem;
use crate::rules::sensitive::Sensitive;

const SAVE_UTF8: &str =
    "sla het op als \"CSV UTF-8 (door komma's gescheiden)\" (in Excel: Bestand > Opslaan als)";

// One arm per detail, so that the compiler proves every code has a message.
#[allow(clippy::too_many_lines)]
pub(super) fn message(i: &IssueRef<'_>, p: &Parts<'_>) -> String {
    let Parts { col, v, show } = p;
    match i.detail {
        Detail::EmptyFile => "Het bestand is leeg: het heeft een kopregel nodig (Email, First name, Last name, ...) en één regel per medewerker.".into(),
        Detail::NotText { workbook: true } => format!("Het bestand is een Excel-werkmap, geen CSV-bestand, dus Alleo kan het niet lezen; {SAVE_UTF8}, of laat alleo-sync transform er het Alleo-bestand van maken."),
        Detail::NotText { workbook: false } => format!("Het bestand is geen tekst die Alleo kan lezen (er staan NUL-bytes in, zoals in een werkmap, een archief of een UTF-16-bestand); {SAVE_UTF8}."),
        Detail::Encoding { utf16: true, .. } => format!("Het bestand is opgeslagen als UTF-16, dat Alleo niet kan lezen; {SAVE_UTF8}."),
        Detail::Encoding { row: r, byte, .. } => {
            let at = r.map(|r| format!("rij {r}, ")).unwrap_or_default();
            format!("Het bestand is geen UTF-8 (eerste foute byte: {at}byte {byte}, geteld vanaf 0), dus namen met accenten komen verminkt aan; {SAVE_UTF8}.")
        }
        Detail::SepLine { found } => format!(
            "Het bestand begint met de regel sep={}, die Excel voor zichzelf schrijft; Alleo zou hem als kopregel lezen. Verwijder die regel (alleo-sync transform laat hem weg) en sla het bestand op als \"CSV UTF-8 (door komma's gescheiden)\".",
            if *found == '\t' { "\\t".to_owned() } else { found.to_string() }
        ),
        Detail::Delimiter { found } => format!(
            "De kolommen zijn gescheiden door {} in plaats van komma's; Alleo accepteert alleen komma's. Sla het bestand op als \"CSV UTF-8 (door komma's gescheiden)\".",
            delimiter_name(*found, ["tabs", "verticale strepen", "puntkomma's"])
        ),
        Detail::FileName { name } => format!(
            "De bestandsnaam {name} volgt niet Alleo's conventie alleo_employees_<ID>.csv (bijvoorbeeld alleo_employees_acme.csv); Alleo haalt alleen bestanden met zo'n naam op."
        ),
        Detail::MissingColumn { field } => format!(
            "De verplichte kolom {} ontbreekt. Voeg hem toe, of koppel uw kolom aan {} in de sectie [mapping] van alleo.toml.",
            field.label(),
            field.key()
        ),
        Detail::DuplicateColumn { first } => format!(
            "Kolom {col} bevat hetzelfde veld als kolom {first}; houd er één van over."
        ),
        Detail::UnknownColumn { position, .. } if col.trim().is_empty() => {
            format!("Kolom {position} heeft geen kopnaam. Geef hem een naam, of verwijder de kolom.")
        }
        Detail::UnknownColumn { suggestion, .. } => {
            let hint = suggestion.as_ref().map(|s| format!(" Bedoelt u {s}?")).unwrap_or_default();
            format!("Kolom {col} is geen veld van Alleo.{hint} Hernoem hem, koppel hem in de sectie [mapping] van alleo.toml, of noem hem custom_<naam> om hem als eigen veld te uploaden.")
        }
        Detail::CustomFieldName { suggestion: Some(s), reporting: true } => format!(
            "Kolom {col} is de naam uit Alleo's rapportage; in het uploadbestand heet het eigen veld {s}."
        ),
        Detail::CustomFieldName { suggestion, .. } => {
            let hint = suggestion.as_ref().map(|s| format!("; schrijf {s}")).unwrap_or_default();
            format!("Eigen veld {col} moet heten: custom_ gevolgd door kleine letters, cijfers en _{hint}.")
        }
        Detail::RowLength { expected, found } => format!(
            "Deze rij heeft {found} velden, maar de kopregel heeft er {expected}, dus de rij is niet verder gecontroleerd. Een waarde met een komma erin moet tussen dubbele aanhalingstekens staan."
        ),
        Detail::UnclosedQuote => "Een dubbel aanhalingsteken dat in deze rij wordt geopend, wordt nooit gesloten: de rijen erna zijn als één waarde gelezen en ontbreken. Sluit het aanhalingsteken of haal het weg.".into(),
        Detail::BlankRow => "Lege rij; verwijder hem.".into(),
        Detail::Required => format!("{col} is leeg; elke rij heeft dit nodig, ook als een medewerker alleen wordt bijgewerkt."),
        Detail::ExcelError => format!("{col}{v} is een Excel-fout, geen waarde: een formule in de export is mislukt. Herstel die, of maak de cel leeg."),
        Detail::EmailFormat(problem) => format!("{col}{v} is geen geldig e-mailadres: {}.", email_reason(*problem)),
        Detail::EmailDuplicate { first_row } if *show => format!(
            "E-mailadres{v} komt nogmaals voor; voor het eerst op rij {first_row}. Elke medewerker heeft een eigen adres nodig."
        ),
        Detail::EmailDuplicate { first_row } => format!(
            "Dit e-mailadres komt nogmaals voor; voor het eerst op rij {first_row}. Elke medewerker heeft een eigen adres nodig."
        ),
        Detail::DateFormat(DateProblem::NoSuchDay) => format!("{col}{v} is geen echte datum: die dag bestaat niet in de kalender."),
        Detail::DateFormat(DateProblem::Format(hint)) => {
            let fix = match hint {
                Some(DateHint::Write(d)) if *show => format!("schrijf {d}"),
                Some(DateHint::Either(d, m)) if *show => format!("schrijf {d} (dag eerst) of {m} (maand eerst)"),
                Some(DateHint::Serial(d)) if *show => format!("dit lijkt een dagnummer uit een spreadsheet: maak de kolom een datumkolom, of schrijf {d}"),
                _ => "schrijf hem bijvoorbeeld als 2026-12-31".into(),
            };
            format!("{col}{v} is geen datum in de vorm JJJJ-MM-DD (YYYY-MM-DD); {fix}.")
        }
        Detail::DecimalFormat { hint } => {
            let fix = match hint {
                Some(h) if *show => format!("schrijf {h}"),
                _ => "gebruik cijfers met een punt en zonder scheidingsteken voor duizendtallen, zoals 1234.5".into(),
            };
            format!("{col}{v} is geen getal met een decimale punt; {fix}.")
        }
        Detail::IntegerFormat { hint } => {
            let fix = match hint {
                Some(h) if *show => format!("schrijf {h}"),
                _ => "gebruik alleen cijfers, zoals 42".into(),
            };
            format!("{col}{v} is geen geheel getal; {fix}.")
        }
        Detail::Language { suggestion } => {
            let hint = suggestion.map(|s| format!(" Bedoelt u {s}?")).unwrap_or_default();
            format!("{col}{v} is geen taal die Alleo kent.{hint} Gebruik en, nl of de, of laat het leeg voor de standaardtaal van het bedrijf.")
        }
        Detail::CompanyGroup { suggestion } => {
            let hint = suggestion.as_ref().map(|s| format!(" Bedoelt u {s}?")).unwrap_or_default();
            format!("{col}{v} is geen groep van het bedrijf.{hint} De waarde moet precies gelijk zijn aan een groep in Alleo (zie [company] groups in alleo.toml).")
        }
        Detail::OnboardingPast { as_of, new_employee: true } => format!(
            "{col}{v} ligt vóór de ophaaldatum {as_of}, en deze medewerker is nieuw: Alleo weigert een nieuwe medewerker met een onboardingdatum in het verleden. Gebruik {as_of} of later, of laat het leeg."
        ),
        Detail::OnboardingPast { as_of, .. } => format!(
            "{col}{v} ligt vóór de ophaaldatum {as_of}: goed voor medewerkers die al in Alleo staan, maar een nieuwe medewerker met deze datum wordt geweigerd. Gebruik voor een nieuwe medewerker {as_of} of later, of laat het leeg."
        ),
        Detail::OffboardingNotFuture { as_of, changed: true } => format!(
            "{col}{v} ligt niet na de ophaaldatum {as_of}: een offboardingdatum die nieuw is of gewijzigd moet in de toekomst liggen."
        ),
        Detail::OffboardingNotFuture { as_of, .. } => format!(
            "{col}{v} ligt niet na de ophaaldatum {as_of}: goed voor een account dat al is gedeactiveerd, maar een actief account heeft een datum in de toekomst nodig."
        ),
        Detail::OffboardingShortNotice { days } => format!(
            "{col}{v} ligt maar {days} dagen na de ophaaldatum; Alleo vraagt uitdiensttredingen minstens 30 dagen vooruit door te geven."
        ),
        Detail::OffboardingBeforeOnboarding { onboarding } if *show => format!(
            "{col}{v} ligt niet na de indiensttredingsdatum {onboarding}; de uitdienstdatum moet later zijn."
        ),
        Detail::OffboardingBeforeOnboarding { .. } => format!(
            "{col} ligt niet na de indiensttredingsdatum van deze rij; de uitdienstdatum moet later zijn."
        ),
        Detail::BirthdayImplausible { future: true } => format!("{col}{v} ligt in de toekomst; controleer het jaar."),
        Detail::BirthdayImplausible { future: false } => format!("{col}{v} is meer dan 120 jaar geleden; controleer het jaar."),
        Detail::OnboardingDateLocked { previous } if *show && previous.trim().is_empty() => format!(
            "{col} was leeg in het vorige bestand en is nu{v}: de onboardingdatum van een medewerker kan niet meer worden ingevuld of veranderd zodra die in Alleo staat. Laat het leeg; moet het toch worden ingevuld, vraag het admin-support@alleo.nl."
        ),
        Detail::OnboardingDateLocked { previous } if *show => format!(
            "{col} was {previous} en is nu{v}: de onboardingdatum van een medewerker kan niet meer veranderen zodra die in Alleo staat. Zet {previous} terug; moet het toch anders, vraag het admin-support@alleo.nl."
        ),
        Detail::OnboardingDateLocked { .. } => format!(
            "{col} wijkt af van het vorige bestand: de onboardingdatum van een medewerker kan niet meer veranderen zodra die in Alleo staat. Zet de eerdere datum terug; moet het toch anders, vraag het admin-support@alleo.nl."
        ),
        Detail::OffboardingRemoved { previous } if *show => format!(
            "{col} was {previous} en is nu leeg: een offboardingdatum kan niet worden verwijderd als die eenmaal is ingesteld. Zet {previous} terug; om de medewerker te houden, neem contact op met admin-support@alleo.nl."
        ),
        Detail::OffboardingRemoved { .. } => format!(
            "{col} stond in het vorige bestand en is nu leeg: een offboardingdatum kan niet worden verwijderd als die eenmaal is ingesteld. Zet hem terug; om de medewerker te houden, neem contact op met admin-support@alleo.nl."
        ),
        Detail::ReactivationRequired { deactivated } if *show => format!(
            "Het account van deze medewerker is op {deactivated} gedeactiveerd (de offboardingdatum in het vorige bestand), en {col} is gewijzigd: Alleo wijzigt of heractiveert een gedeactiveerd account niet via het bestand. Neem voor heractivering contact op met admin-support@alleo.nl; zet anders de rij terug zoals hij was."
        ),
        Detail::ReactivationRequired { .. } => format!(
            "Het account van deze medewerker is gedeactiveerd (door de offboardingdatum in het vorige bestand), en {col} is gewijzigd: Alleo wijzigt of heractiveert een gedeactiveerd account niet via het bestand. Neem voor heractivering contact op met admin-support@alleo.nl; zet anders de rij terug zoals hij was."
        ),
        Detail::Absent => {
            let who = if *show { i.value.unwrap_or_default().to_owned() } else { "Een medewerker".to_owned() };
            format!("{who} stond in het vorige bestand maar niet in dit bestand. Alleo deactiveert geen medewerkers die ontbreken; alleen een offboardingdatum doet dat. Laat de rij staan en vul een offboardingdatum in om te deactiveren. Is het e-mailadres veranderd: zonder extern id maakt Alleo een tweede account en blijft dit account actief; e-mailwijzigingen gaan naar admin-support@alleo.nl.")
        }
        Detail::EmailChangeSuspected { previous_email } => {
            let old = if *show { format!(" ({previous_email})") } else { String::new() };
            format!("{col}{v} is nieuw, en een medewerker met dezelfde naam{old} ontbreekt in dit bestand: als dit een e-mailwijziging is, maakt Alleo een tweede account en blijft het oude actief, want er is geen extern id. E-mailwijzigingen gaan naar admin-support@alleo.nl.")
        }
        Detail::MassDeactivation { count, limit, previous } => format!(
            "Dit bestand plant {count} deactiveringen, meer dan de toegestane {limit} ([safety] max_deactivations in alleo.toml; de vorige stand heeft {previous} medewerkers). Een vergissing hier deactiveert mensen; is het zo bedoeld, voer het dan opnieuw uit met --allow-deactivations {count}."
        ),
        Detail::SensitiveData { reason } => {
            let what = match reason {
                Sensitive::NationalIdHeader => "nationale identificatienummers (de naam zegt het)",
                Sensitive::BankAccountHeader => "bankrekeningnummers (de naam zegt het)",
                Sensitive::PayHeader => "salarisgegevens (de naam zegt het)",
                Sensitive::BsnValues => "burgerservicenummers (bijna al zijn waarden doorstaan de BSN-controle)",
                Sensitive::IbanValues => "bankrekeningnummers (bijna al zijn waarden doorstaan de IBAN-controle)",
                Sensitive::TaxIdValues => "Duitse fiscale identificatienummers (bijna al zijn waarden doorstaan hun controle)",
            };
            format!("Kolom {col} bevat {what}: Alleo heeft die niet nodig en mag ze niet ontvangen. Laat de kolom weg: zet hem in [input] ignore in alleo.toml (transform laat hem dan weg), of haal hem uit de export. Moet hij toch mee, noem hem dan in [safety] allow_sensitive.")
        }
    }
}

fn email_reason(p: EmailProblem) -> String {
    match p {
        EmailProblem::Space => "er staat een spatie in".into(),
        EmailProblem::NoAt => "er staat geen @ in".into(),
        EmailProblem::ManyAt => "er staat meer dan één @ in (zet één adres per rij)".into(),
        EmailProblem::EmptyLocal => "er staat niets vóór de @".into(),
        EmailProblem::EmptyDomain => "er staat niets na de @".into(),
        EmailProblem::DomainNoDot => {
            "het deel na de @ heeft een punt nodig, zoals voorbeeld.nl".into()
        }
        EmailProblem::Dots => {
            "er staat een punt aan het begin of eind van een deel, of twee punten achter elkaar"
                .into()
        }
        EmailProblem::BadChar(c) => format!("het teken {c:?} mag er niet in staan"),
        EmailProblem::HyphenEdge => "een deel na de @ begint of eindigt met een koppelteken".into(),
        EmailProblem::BadEnding => {
            "het moet eindigen op twee of meer letters na de laatste punt, zoals .nl of .com".into()
        }
        EmailProblem::TooLong => "het is langer dan een adres kan zijn".into(),
    }
}

/// Wat issues met `code` betekenen en waarom ze ertoe doen.
pub(super) fn about(code: Code) -> &'static str {
    match code {
        Code::EmptyFile => {
            "Het bestand heeft geen kopregel of is helemaal leeg: Alleo leest er niets uit."
        }
        Code::Encoding => "Het bestand is niet in UTF-8: namen met accenten komen verminkt aan.",
        Code::Delimiter => {
            "De kolommen zijn niet met komma's gescheiden, dus Alleo kan het bestand niet lezen."
        }
        Code::FileName => "Alleo haalt alleen bestanden op die alleo_employees_<ID>.csv heten.",
        Code::MissingColumn => {
            "Er ontbreekt een verplichte kolom: zonder die kolom is geen rij te lezen."
        }
        Code::DuplicateColumn => {
            "Twee kolommen bevatten hetzelfde veld: Alleo kan niet weten welke telt."
        }
        Code::UnknownColumn => {
            "Een kolom die geen Alleo-veld is: koppel hem, noem hem custom_<naam>, of verwijder hem."
        }
        Code::CustomFieldName => {
            "De naam van een eigen veld moet custom_ zijn, gevolgd door kleine letters, cijfers en _."
        }
        Code::RowLength => {
            "Rijen met meer of minder velden dan de kopregel: meestal een waarde met een komma maar zonder aanhalingstekens."
        }
        Code::UnclosedQuote => "Een aanhalingsteken dat nooit sluit: de rijen erna ontbreken.",
        Code::BlankRow => "Lege rijen tussen medewerkers: Alleo slaat ze over; verwijder ze.",
        Code::Required => {
            "E-mail, voornaam en achternaam zijn op elke rij nodig: zo'n rij wordt geweigerd."
        }
        Code::ExcelError => "Excel-fouten zoals #N/B in plaats van waarden.",
        Code::EmailFormat => {
            "Ongeldige adressen: de medewerker kan niet worden aangemaakt of gevonden."
        }
        Code::EmailDuplicate => {
            "Een adres dat twee keer voorkomt: elke medewerker heeft een eigen adres nodig, het is zijn identiteit in Alleo."
        }
        Code::DateFormat => {
            "Datums moeten als JJJJ-MM-DD geschreven zijn en in de kalender bestaan: de rij wordt geweigerd."
        }
        Code::DecimalFormat => {
            "Een decimaal eigen veld heeft een punt nodig en geen scheidingsteken voor duizendtallen, zoals 1234.5."
        }
        Code::IntegerFormat => "Een geheel-getal eigen veld heeft een geheel getal nodig.",
        Code::Language => {
            "De taal moet en, nl of de zijn, of leeg voor de standaardtaal van het bedrijf."
        }
        Code::CompanyGroup => {
            "Bedrijfsgroepen moeten precies zo geschreven zijn als de groepen van het bedrijf."
        }
        Code::OnboardingPast => {
            "Onboardingdatums vóór de ophaaldatum: goed voor medewerkers die al in Alleo staan, maar een nieuwe medewerker met zo'n datum wordt geweigerd."
        }
        Code::OffboardingNotFuture => {
            "Offboardingdatums op of vóór de ophaaldatum: goed voor accounts die al gedeactiveerd zijn, maar een actief account heeft een datum in de toekomst nodig."
        }
        Code::OffboardingShortNotice => {
            "Offboardingdatums minder dan 30 dagen vooruit: Alleo vraagt om minstens 30 dagen."
        }
        Code::OffboardingBeforeOnboarding => {
            "Offboardingdatums die niet na de onboardingdatum liggen: de rij wordt geweigerd."
        }
        Code::BirthdayImplausible => {
            "Verjaardagen in de toekomst of meer dan 120 jaar geleden: bijna altijd een tikfout."
        }
        Code::OnboardingDateLocked => {
            "De onboardingdatum van een medewerker die al in Alleo staat kan niet via het bestand worden gewijzigd; neem contact op met admin-support@alleo.nl."
        }
        Code::OffboardingRemoved => {
            "Een offboardingdatum kan niet worden verwijderd als hij eenmaal is gezet; neem contact op met admin-support@alleo.nl om de medewerker te houden."
        }
        Code::ReactivationRequired => {
            "Een gedeactiveerd account wordt niet via het bestand gewijzigd of geheractiveerd; neem contact op met admin-support@alleo.nl."
        }
        Code::Absent => {
            "Medewerkers die in het vorige bestand stonden maar niet in dit bestand: Alleo laat ze actief; alleen een offboardingdatum deactiveert."
        }
        Code::EmailChangeSuspected => {
            "Een nieuw adres terwijl een medewerker met dezelfde naam ontbreekt: als het adres veranderd is, maakt Alleo een tweede account aan."
        }
        Code::MassDeactivation => {
            "Meer deactiveringen dan de veiligheidsgrens toestaat: een vergissing hier deactiveert mensen."
        }
        Code::SensitiveData => {
            "Een kolom bevat identificatienummers, bankrekeningen of salarisgegevens, die Alleo niet mag ontvangen: laat hem weg met [input] ignore."
        }
    }
}
