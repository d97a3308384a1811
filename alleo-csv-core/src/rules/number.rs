//! Declared `decimal` and `integer` custom fields: a dot for decimals, no thousands
//! separator (SPEC section 1).

/// Whether `value` is a dot decimal: optional `-`, digits, optionally `.` and
/// digits (`-12.5`, `0.8`, `40`).
///
/// ```
/// use alleo_csv_core::rules::number::is_decimal;
/// assert!(is_decimal("123456.71123"));
/// assert!(!is_decimal("0,8"));
/// assert!(!is_decimal(".5"));
/// ```
pub fn is_decimal(value: &str) -> bool {
    let v = value.strip_prefix('-').unwrap_or(value);
    match v.split_once('.') {
        Some((int, frac)) => all_digits(int) && all_digits(frac),
        None => all_digits(v),
    }
}

/// Whether `value` is a whole number: optional `-` and digits (leading zeros are
/// kept: `0012`).
///
/// ```
/// use alleo_csv_core::rules::number::is_integer;
/// assert!(is_integer("-3"));
/// assert!(!is_integer("3.0"));
/// ```
pub fn is_integer(value: &str) -> bool {
    all_digits(value.strip_prefix('-').unwrap_or(value))
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// What a number written another way most likely is as a dot decimal
/// (`0,8` -> `0.8`, `1.234,5` -> `1234.5`, `1,234.5` -> `1234.5`, ` 5 ` -> `5`,
/// `.5` -> `0.5`), or `None`.
///
/// ```
/// use alleo_csv_core::rules::number::decimal_hint;
/// assert_eq!(decimal_hint("1.234,56").as_deref(), Some("1234.56"));
/// assert_eq!(decimal_hint("ten"), None);
/// ```
pub fn decimal_hint(value: &str) -> Option<String> {
    let v: String = value
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\'' | '_'))
        .collect();
    let (sign, v) = match v.strip_prefix('-').or_else(|| v.strip_prefix('+')) {
        Some(rest) => (if v.starts_with('-') { "-" } else { "" }, rest.to_owned()),
        None => ("", v),
    };
    // The separator that comes last is the decimal one; the other groups thousands.
    let comma_is_decimal = match (v.rfind('.'), v.rfind(',')) {
        (Some(dot), Some(comma)) => comma > dot,
        (None, Some(_)) => true,
        _ => false,
    };
    let (decimal, thousands) = if comma_is_decimal {
        (',', '.')
    } else {
        ('.', ',')
    };
    let mut out: String = v
        .chars()
        .filter(|&c| c != thousands)
        .map(|c| if c == decimal { '.' } else { c })
        .collect();
    if out.starts_with('.') {
        out.insert(0, '0');
    }
    let out = format!("{sign}{out}");
    (is_decimal(&out) && out != value).then_some(out)
}

/// What a number written another way most likely is as a whole number
/// (`12.0` -> `12`, `1.000` -> `1000` only with a thousands pattern), or `None`.
///
/// ```
/// use alleo_csv_core::rules::number::integer_hint;
/// assert_eq!(integer_hint("12,00").as_deref(), Some("12"));
/// assert_eq!(integer_hint("12.5"), None);
/// ```
pub fn integer_hint(value: &str) -> Option<String> {
    let decimal = if is_decimal(value) {
        value.to_owned()
    } else {
        decimal_hint(value)?
    };
    let (int, frac) = decimal.split_once('.').unwrap_or((&decimal, ""));
    (frac.bytes().all(|b| b == b'0') && is_integer(int) && int != value).then(|| int.to_owned())
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn decimals() {
        for ok in ["0", "-0.5", "123456.71123", "0012"] {
            assert!(is_decimal(ok), "{ok}");
        }
        for bad in ["", "-", "1.", ".5", "1.2.3", "1,5", "1e5", "+1", " 1"] {
            assert!(!is_decimal(bad), "{bad}");
        }
    }

    #[test]
    fn hints() {
        assert_eq!(decimal_hint("0,8").as_deref(), Some("0.8"));
        assert_eq!(decimal_hint("1,234.5").as_deref(), Some("1234.5"));
        assert_eq!(decimal_hint(" 5 ").as_deref(), Some("5"));
        assert_eq!(decimal_hint(".5").as_deref(), Some("0.5"));
        assert_eq!(decimal_hint("-1.234,5").as_deref(), Some("-1234.5"));
        assert_eq!(decimal_hint("n/a"), None);
        assert_eq!(integer_hint("12.0").as_deref(), Some("12"));
        assert_eq!(integer_hint(" 7").as_deref(), Some("7"));
        assert_eq!(integer_hint("seven"), None);
    }

    proptest! {
        #[test]
        fn hints_are_valid_and_never_the_input(s in "\\PC{0,16}") {
            if let Some(h) = decimal_hint(&s) {
                prop_assert!(is_decimal(&h));
                prop_assert_ne!(h, s.clone());
            }
            if let Some(h) = integer_hint(&s) {
                prop_assert!(is_integer(&h));
            }
        }

        #[test]
        fn dutch_decimals_convert(int in 0u32..1_000_000, frac in 0u32..1000) {
            let dutch = format!("{int},{frac:03}");
            prop_assert_eq!(decimal_hint(&dutch), Some(format!("{int}.{frac:03}")));
        }
    }
}
