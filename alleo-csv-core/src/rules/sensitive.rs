//! Data Alleo must never receive (SPEC section 6b): national ID numbers, bank
//! accounts and salaries. A column is recognised by its header, in English, Dutch
//! and German in any case and spacing, or by its values: Dutch citizen service
//! numbers (BSN, the 11-test), IBANs (ISO 13616, mod 97) and German tax IDs
//! (Steuer-IdNr, ISO 7064 MOD 11,10), when at least 90% of a column's values (and
//! at least three) are such numbers. Each checksum is a small pure function.

use serde::Serialize;

/// Why a column counts as sensitive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Sensitive {
    /// Its header names a national ID number (BSN, SSN, Steuer-ID, ...).
    NationalIdHeader,
    /// Its header names a bank account (IBAN, rekeningnummer, ...).
    BankAccountHeader,
    /// Its header names pay (salary, salaris, loon, Gehalt, ...).
    PayHeader,
    /// Its values are Dutch citizen service numbers (BSN).
    BsnValues,
    /// Its values are IBANs.
    IbanValues,
    /// Its values are German tax identification numbers.
    TaxIdValues,
}

/// Header words that name sensitive data wherever they stand in the header,
/// compounds included (`bankrekeningnummer`, `Bruttogehalt`, `Uurloon`), matched
/// in the header folded to lowercase letters and digits.
const PARTS: [(&str, Sensitive); 17] = [
    ("burgerservicenummer", Sensitive::NationalIdHeader),
    ("bsnnummer", Sensitive::NationalIdHeader),
    ("sofinummer", Sensitive::NationalIdHeader),
    ("socialsecurity", Sensitive::NationalIdHeader),
    ("sozialversicherung", Sensitive::NationalIdHeader),
    ("steueridentifikation", Sensitive::NationalIdHeader),
    ("steuerid", Sensitive::NationalIdHeader),
    ("nationalid", Sensitive::NationalIdHeader),
    ("taxid", Sensitive::NationalIdHeader),
    ("rekeningnummer", Sensitive::BankAccountHeader),
    ("bankrekening", Sensitive::BankAccountHeader),
    ("bankaccount", Sensitive::BankAccountHeader),
    ("bankverbindung", Sensitive::BankAccountHeader),
    ("salar", Sensitive::PayHeader),
    ("gehalt", Sensitive::PayHeader),
    ("loon", Sensitive::PayHeader),
    ("payrate", Sensitive::PayHeader),
];

/// Short header words that name sensitive data only as words of their own (so
/// that `Business name` is not read as `ssn`).
const WORDS: [(&str, Sensitive); 6] = [
    ("bsn", Sensitive::NationalIdHeader),
    ("ssn", Sensitive::NationalIdHeader),
    ("tin", Sensitive::NationalIdHeader),
    ("iban", Sensitive::BankAccountHeader),
    ("wage", Sensitive::PayHeader),
    ("wages", Sensitive::PayHeader),
];

/// Whether a header names sensitive data, and which kind.
///
/// ```
/// use alleo_csv_core::rules::sensitive::{sensitive_header, Sensitive};
/// assert_eq!(sensitive_header("BSN"), Some(Sensitive::NationalIdHeader));
/// assert_eq!(sensitive_header("Burger service nummer"), Some(Sensitive::NationalIdHeader));
/// assert_eq!(sensitive_header("Steuer-ID"), Some(Sensitive::NationalIdHeader));
/// assert_eq!(sensitive_header("IBAN werknemer"), Some(Sensitive::BankAccountHeader));
/// assert_eq!(sensitive_header("Bruttogehalt"), Some(Sensitive::PayHeader));
/// assert_eq!(sensitive_header("Business name"), None);
/// assert_eq!(sensitive_header("E-mailadres"), None);
/// ```
pub fn sensitive_header(header: &str) -> Option<Sensitive> {
    let lower = header.to_lowercase();
    // Words: runs of letters and digits; the compact form: all of them together.
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let compact: String = words.concat();
    let by_word = WORDS.iter().find(|(w, _)| words.contains(w));
    let by_part = PARTS.iter().find(|(p, _)| compact.contains(p));
    by_word.or(by_part).map(|&(_, kind)| kind)
}

/// The kind of sensitive number `value` is, if it is one: a BSN, an IBAN or a
/// German tax ID (surrounding and inner spaces ignored).
///
/// ```
/// use alleo_csv_core::rules::sensitive::{sensitive_value, Sensitive};
/// assert_eq!(sensitive_value("111222333"), Some(Sensitive::BsnValues));
/// assert_eq!(sensitive_value("NL91 ABNA 0417 1643 00"), Some(Sensitive::IbanValues));
/// assert_eq!(sensitive_value("36574261809"), Some(Sensitive::TaxIdValues));
/// assert_eq!(sensitive_value("123456789"), None);
/// assert_eq!(sensitive_value("Jansen"), None);
/// ```
pub fn sensitive_value(value: &str) -> Option<Sensitive> {
    let value = crate::field::trim(value);
    let first = *value.as_bytes().first()?;
    if first.is_ascii_digit() {
        // Checked for every value of every column sent, so nothing is allocated.
        let (digits, len) = digits(value)?;
        let digits = &digits[..len];
        match len {
            8 | 9 if is_bsn(digits) => Some(Sensitive::BsnValues),
            11 if is_tax_id(digits) => Some(Sensitive::TaxIdValues),
            _ => None,
        }
    } else if first.is_ascii_alphabetic() && is_iban(value) {
        Some(Sensitive::IbanValues)
    } else {
        None
    }
}

/// The digits of a value made of digits and spaces only, and how many there are;
/// `None` for any other character, or for more digits than a tax ID has.
fn digits(value: &str) -> Option<([u8; 11], usize)> {
    let mut out = [0; 11];
    let mut len = 0;
    for b in value.bytes() {
        match b {
            b'0'..=b'9' => {
                *out.get_mut(len)? = b - b'0';
                len += 1;
            }
            b' ' => {}
            _ => return None,
        }
    }
    Some((out, len))
}

/// The Dutch 11-test of a citizen service number: 9 digits (8 when a spreadsheet
/// dropped the leading zero), weighted 9, 8, ..., 2 and -1, summing to a multiple
/// of 11; never all zeros.
///
/// ```
/// use alleo_csv_core::rules::sensitive::is_bsn;
/// assert!(is_bsn(&[1, 1, 1, 2, 2, 2, 3, 3, 3]));
/// assert!(!is_bsn(&[1, 1, 1, 2, 2, 2, 3, 3, 4]));
/// ```
pub fn is_bsn(digits: &[u8]) -> bool {
    let mut padded = [0u8; 9];
    match digits.len() {
        9 => padded.copy_from_slice(digits),
        8 => padded[1..].copy_from_slice(digits),
        _ => return false,
    }
    if padded.iter().all(|&d| d == 0) || padded.iter().any(|&d| d > 9) {
        return false;
    }
    let sum: i64 = padded
        .iter()
        .zip([9, 8, 7, 6, 5, 4, 3, 2, -1])
        .map(|(&d, w)| i64::from(d) * w)
        .sum();
    sum % 11 == 0
}

/// The ISO 13616 check of an IBAN: two letters (the country), two check digits and
/// 11 to 30 letters and digits (spaces ignored), whose number read with the first
/// four characters moved to the end and letters as 10..35 leaves 1 divided by 97.
///
/// ```
/// use alleo_csv_core::rules::sensitive::is_iban;
/// assert!(is_iban("NL91ABNA0417164300"));
/// assert!(is_iban("DE89 3704 0044 0532 0130 00"));
/// assert!(!is_iban("NL91ABNA0417164301"));
/// ```
pub fn is_iban(value: &str) -> bool {
    // Read twice rather than collected: most values looked at are email addresses,
    // turned down by their third character.
    let chars = || {
        value
            .bytes()
            .filter(|&b| b != b' ')
            .map(|b| b.to_ascii_uppercase())
    };
    let mut len = 0;
    for (i, c) in chars().enumerate() {
        let fits = match i {
            0 | 1 => c.is_ascii_uppercase(),
            2 | 3 => c.is_ascii_digit(),
            4..34 => c.is_ascii_alphanumeric(),
            _ => false,
        };
        if !fits {
            return false;
        }
        len = i + 1;
    }
    if len < 15 {
        return false;
    }
    let remainder = chars().skip(4).chain(chars().take(4)).fold(0u32, |r, c| {
        if c.is_ascii_digit() {
            (r * 10 + u32::from(c - b'0')) % 97
        } else {
            (r * 100 + u32::from(c - b'A' + 10)) % 97
        }
    });
    remainder == 1
}

/// The check of a German tax identification number (Steuer-IdNr): 11 digits, the
/// first not 0, the last the ISO 7064 MOD 11,10 check digit of the other ten.
///
/// ```
/// use alleo_csv_core::rules::sensitive::is_tax_id;
/// assert!(is_tax_id(&[3, 6, 5, 7, 4, 2, 6, 1, 8, 0, 9]));
/// assert!(!is_tax_id(&[3, 6, 5, 7, 4, 2, 6, 1, 8, 0, 8]));
/// ```
pub fn is_tax_id(digits: &[u8]) -> bool {
    let [first, .., check] = digits else {
        return false;
    };
    if digits.len() != 11 || *first == 0 || digits.iter().any(|&d| d > 9) {
        return false;
    }
    let mut product = 10u8;
    for &d in &digits[..10] {
        let mut sum = (d + product) % 10;
        if sum == 0 {
            sum = 10;
        }
        product = (sum * 2) % 11;
    }
    let expected = match 11 - product {
        10 => 0,
        n => n,
    };
    expected == *check
}

/// What the values of one column were, counted as they come, to tell at the end
/// whether the column holds sensitive numbers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ValueCounts {
    /// Non-empty values.
    pub values: u64,
    /// BSNs among them.
    pub bsn: u64,
    /// IBANs among them.
    pub iban: u64,
    /// German tax IDs among them.
    pub tax_id: u64,
}

impl ValueCounts {
    /// Counts one value. Cheap for the usual cell: a name, a date, an address.
    pub fn add(&mut self, value: &str) {
        self.count(value, true);
    }

    /// Adds the counts of other values of the same column.
    pub fn add_counts(&mut self, other: &ValueCounts) {
        self.values += other.values;
        self.bsn += other.bsn;
        self.iban += other.iban;
        self.tax_id += other.tax_id;
    }

    /// Takes back a value [`ValueCounts::add`] counted (a cell edited).
    pub fn remove(&mut self, value: &str) {
        self.count(value, false);
    }

    fn count(&mut self, value: &str, add: bool) {
        let Some(&first) = value.as_bytes().first() else {
            return;
        };
        if first == b' ' && value.trim().is_empty() {
            return;
        }
        let step = |n: &mut u64| *n = if add { *n + 1 } else { n.saturating_sub(1) };
        step(&mut self.values);
        let len = value.len();
        if (first.is_ascii_digit() && (8..=14).contains(&len))
            || (first.is_ascii_alphabetic() && (15..=42).contains(&len))
            || first == b' '
        {
            match sensitive_value(value) {
                Some(Sensitive::BsnValues) => step(&mut self.bsn),
                Some(Sensitive::IbanValues) => step(&mut self.iban),
                Some(Sensitive::TaxIdValues) => step(&mut self.tax_id),
                _ => {}
            }
        }
    }

    /// The kind of sensitive numbers the column holds: at least 90% of its values,
    /// and at least three, are of one kind.
    ///
    /// ```
    /// use alleo_csv_core::rules::sensitive::{Sensitive, ValueCounts};
    /// let mut bsn = ValueCounts::default();
    /// for v in ["111222333", "123456782", "", "010000008"] { bsn.add(v); }
    /// assert_eq!(bsn.verdict(), Some(Sensitive::BsnValues));
    /// let mut ids = ValueCounts::default();
    /// for n in 100_000_000..100_000_100u64 { ids.add(&n.to_string()); }
    /// assert_eq!(ids.verdict(), None, "sequential employee numbers are not BSNs");
    /// ```
    pub fn verdict(&self) -> Option<Sensitive> {
        [
            (self.bsn, Sensitive::BsnValues),
            (self.iban, Sensitive::IbanValues),
            (self.tax_id, Sensitive::TaxIdValues),
        ]
        .into_iter()
        .find(|&(n, _)| n >= 3 && n * 10 >= self.values * 9)
        .map(|(_, kind)| kind)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// A valid BSN from eight random digits: the ninth makes the 11-test pass, and
    /// digits for which none does are skipped.
    fn bsn_from(eight: [u8; 8]) -> Option<Vec<u8>> {
        let sum: i64 = eight
            .iter()
            .zip([9, 8, 7, 6, 5, 4, 3, 2])
            .map(|(&d, w)| i64::from(d) * w)
            .sum();
        let last = sum % 11;
        (last < 10 && eight.iter().any(|&d| d != 0)).then(|| {
            let mut v = eight.to_vec();
            v.push(u8::try_from(last).unwrap());
            v
        })
    }

    /// An IBAN of `country` and `bban`, with its check digits computed.
    fn iban_from(country: &str, bban: &str) -> String {
        let mut remainder: u32 = 0;
        for c in format!("{bban}{country}00").bytes() {
            let n = u32::from(if c.is_ascii_digit() {
                c - b'0'
            } else {
                c - b'A' + 10
            });
            remainder = if n >= 10 {
                (remainder * 100 + n) % 97
            } else {
                (remainder * 10 + n) % 97
            };
        }
        format!("{country}{:02}{bban}", 98 - remainder)
    }

    #[test]
    fn known_numbers() {
        // Examples in common use: BSNs and a Steuer-IdNr of python-stdnum's tests
        // (36574261809 valid, 36574261808 not), IBANs of the ISO 13616 registry's
        // examples.
        for bsn in ["111222333", "123456782", "010000008"] {
            assert_eq!(sensitive_value(bsn), Some(Sensitive::BsnValues), "{bsn}");
        }
        assert_eq!(
            sensitive_value("10000008"),
            Some(Sensitive::BsnValues),
            "a dropped leading zero"
        );
        for iban in [
            "NL91ABNA0417164300",
            "DE89370400440532013000",
            "BE68539007547034",
            "GB29 NWBK 6016 1331 9268 19",
        ] {
            assert_eq!(sensitive_value(iban), Some(Sensitive::IbanValues), "{iban}");
        }
        assert_eq!(sensitive_value("36574261809"), Some(Sensitive::TaxIdValues));
        for not in [
            "000000000",
            "123456789",
            "NL91ABNA0417164301",
            "36574261808",
            "06123456789",
            "2026-11-26",
            "0,8",
            "  ",
        ] {
            assert_eq!(sensitive_value(not), None, "{not}");
        }
    }

    #[test]
    fn headers_in_three_languages_any_case_and_spacing() {
        for (header, kind) in [
            ("BSN", Sensitive::NationalIdHeader),
            ("bsn nummer", Sensitive::NationalIdHeader),
            ("Burgerservicenummer", Sensitive::NationalIdHeader),
            ("SOFI-NUMMER", Sensitive::NationalIdHeader),
            ("Social Security Number", Sensitive::NationalIdHeader),
            ("SSN", Sensitive::NationalIdHeader),
            ("Sozialversicherungsnummer", Sensitive::NationalIdHeader),
            ("Steueridentifikationsnummer", Sensitive::NationalIdHeader),
            ("Tax ID", Sensitive::NationalIdHeader),
            ("[BSN]", Sensitive::NationalIdHeader),
            ("IBAN", Sensitive::BankAccountHeader),
            ("Bank account", Sensitive::BankAccountHeader),
            ("Rekeningnummer", Sensitive::BankAccountHeader),
            ("Salaris", Sensitive::PayHeader),
            ("Fix salary", Sensitive::PayHeader),
            ("Bruto loon", Sensitive::PayHeader),
            ("Uurloon", Sensitive::PayHeader),
            ("Gehalt", Sensitive::PayHeader),
            ("Wage", Sensitive::PayHeader),
        ] {
            assert_eq!(sensitive_header(header), Some(kind), "{header}");
        }
        for header in [
            "Email",
            "E-mailadres",
            "Voornaam",
            "Achternaam",
            "Business name",
            "Personeelsnummer",
            "Employee #",
            "Geboortedatum",
            "Afdeling",
            "Standort",
            "custom_employee_id",
            "Datum in dienst",
            "Tinus",
            "Martin",
        ] {
            assert_eq!(sensitive_header(header), None, "{header}");
        }
    }

    /// ISO 13616 as written down: the characters collected, moved and read as
    /// one number.
    fn iban_by_the_book(value: &str) -> bool {
        let chars: Vec<u8> = value
            .bytes()
            .filter(|&b| b != b' ')
            .map(|b| b.to_ascii_uppercase())
            .collect();
        if !(15..=34).contains(&chars.len())
            || !chars[..2].iter().all(u8::is_ascii_uppercase)
            || !chars[2..4].iter().all(u8::is_ascii_digit)
            || !chars[4..].iter().all(u8::is_ascii_alphanumeric)
        {
            return false;
        }
        let moved: String = chars[4..]
            .iter()
            .chain(&chars[..4])
            .map(|&c| match c {
                b'0'..=b'9' => char::from(c).to_string(),
                _ => (u32::from(c - b'A') + 10).to_string(),
            })
            .collect();
        moved
            .bytes()
            .fold(0u32, |r, d| (r * 10 + u32::from(d - b'0')) % 97)
            == 1
    }

    proptest! {
        /// The check, done without collecting, agrees with the book on any value,
        /// and on every IBAN made valid.
        #[test]
        fn iban_check_as_the_book_says(value in "[A-Za-z]{2}[0-9 ]{2,3}[A-Za-z0-9 ]{8,34}|[a-z.@ ]{10,40}", country in "[A-Z]{2}", bban in "[0-9A-Z]{11,30}") {
            prop_assert_eq!(is_iban(&value), iban_by_the_book(&value));
            let check = (2..=98).map(|c| format!("{country}{c:02}{bban}")).find(|v| iban_by_the_book(v));
            if let Some(valid) = check {
                prop_assert!(is_iban(&valid), "{}", valid);
            }
        }

        #[test]
        fn a_one_digit_change_breaks_a_bsn(eight in proptest::array::uniform8(0u8..10), at in 0usize..9, by in 1u8..10) {
            if let Some(bsn) = bsn_from(eight) {
                prop_assert!(is_bsn(&bsn));
                let mut changed = bsn.clone();
                changed[at] = (changed[at] + by) % 10;
                prop_assert!(!is_bsn(&changed), "{bsn:?} -> {changed:?}");
            }
        }

        #[test]
        fn a_one_character_change_breaks_an_iban(bban in "[0-9A-Z]{11,28}", country in "[A-Z]{2}", at in 0usize..40, by in 1u8..36) {
            let iban = iban_from(&country, &bban);
            prop_assert!(is_iban(&iban), "{iban}");
            let mut bytes = iban.clone().into_bytes();
            let at = 2 + at % (bytes.len() - 2);
            // Another character of the same kind (a digit stays a digit).
            let c = bytes[at];
            bytes[at] = if c.is_ascii_digit() {
                b'0' + (c - b'0' + by % 10).max(1) % 10
            } else {
                b'A' + (c - b'A' + by % 26).max(1) % 26
            };
            if bytes[at] != c {
                let changed = String::from_utf8(bytes).unwrap();
                prop_assert!(!is_iban(&changed), "{iban} -> {changed}");
            }
        }

        #[test]
        fn sequential_nine_digit_numbers_are_not_bsns(start in 100_000_000u64..899_999_000, n in 3u64..500) {
            let mut counts = ValueCounts::default();
            for i in start..start + n {
                counts.add(&i.to_string());
            }
            prop_assert_eq!(counts.verdict(), None);
        }

        #[test]
        fn a_column_of_bsns_is_found_among_a_few_other_values(seeds in proptest::collection::vec(proptest::array::uniform8(0u8..10), 20..60), blanks in 0usize..10) {
            let mut counts = ValueCounts::default();
            for bsn in seeds.into_iter().filter_map(bsn_from) {
                counts.add(&bsn.iter().map(|d| char::from(b'0' + d)).collect::<String>());
            }
            for _ in 0..blanks {
                counts.add("");
            }
            if counts.bsn >= 3 {
                prop_assert_eq!(counts.verdict(), Some(Sensitive::BsnValues));
            }
            counts.add("onbekend");
            counts.values += counts.bsn / 5;
            prop_assert_eq!(counts.verdict(), None, "under 90%");
        }

        #[test]
        fn checksums_never_panic(s in "\\PC{0,40}") {
            let _ = sensitive_value(&s);
            let _ = sensitive_header(&s);
            let _ = is_iban(&s);
        }
    }
}
