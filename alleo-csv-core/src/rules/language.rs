//! The `Language` field: `en`, `nl` or `de` (SPEC section 2).

/// The language codes Alleo accepts.
pub const LANGUAGES: [&str; 3] = ["en", "nl", "de"];

/// Checks a (non-empty) language value. On a miss, returns the code the user most
/// likely meant (`NL`, `Nederlands`, `Dutch`, `nl-NL` -> `nl`), if any.
///
/// ```
/// use alleo_csv_core::rules::language::check_language;
/// assert_eq!(check_language("nl"), Ok(()));
/// assert_eq!(check_language("Nederlands"), Err(Some("nl")));
/// assert_eq!(check_language("fr"), Err(None));
/// ```
///
/// # Errors
/// `Err(Some(code))` with the likely meant code, or `Err(None)`.
pub fn check_language(value: &str) -> Result<(), Option<&'static str>> {
    if LANGUAGES.contains(&value) {
        return Ok(());
    }
    Err(language_code(value))
}

/// The language code for a name or code in any common spelling, or `None`.
pub fn language_code(value: &str) -> Option<&'static str> {
    let folded = value.trim().to_lowercase();
    // `nl-NL`, `en_GB`, `de-AT`: the region does not matter to Alleo.
    let base = folded.split(['-', '_']).next().unwrap_or_default();
    let code = match base {
        "en" | "eng" | "english" | "engels" | "englisch" | "anglais" => "en",
        "nl" | "nld" | "dut" | "dutch" | "nederlands" | "niederländisch" | "niederlaendisch"
        | "hollands" | "flemish" | "vlaams" => "nl",
        "de" | "deu" | "ger" | "german" | "deutsch" | "duits" | "allemand" => "de",
        _ => return None,
    };
    Some(code)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn suggestions() {
        for (input, code) in [
            ("NL", "nl"),
            ("En", "en"),
            (" de ", "de"),
            ("Deutsch", "de"),
            ("Duits", "de"),
            ("English", "en"),
            ("nl-NL", "nl"),
            ("en_GB", "en"),
            ("Niederländisch", "nl"),
        ] {
            assert_eq!(check_language(input), Err(Some(code)), "{input}");
        }
        assert_eq!(check_language("français"), Err(None));
    }

    proptest! {
        #[test]
        fn only_the_three_codes_pass(s in "\\PC{0,12}") {
            prop_assert_eq!(check_language(&s).is_ok(), LANGUAGES.contains(&s.as_str()));
        }
    }
}
