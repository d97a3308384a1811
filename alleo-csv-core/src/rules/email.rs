//! Email addresses: the employee's identity (SPEC section 2).

/// What is wrong with an email address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EmailProblem {
    /// It contains a space or another white-space character.
    Space,
    /// It has no `@`.
    NoAt,
    /// It has more than one `@` (often two addresses in one cell).
    ManyAt,
    /// Nothing before the `@`.
    EmptyLocal,
    /// Nothing after the `@`.
    EmptyDomain,
    /// The part after the `@` has no dot (`jan@example`).
    DomainNoDot,
    /// A dot at the start or end of a part, or two dots in a row.
    Dots,
    /// A character that cannot be in an address.
    BadChar(char),
    /// A part of the domain starts or ends with a hyphen (`jan@-acme.nl`).
    HyphenEdge,
    /// The domain ending (after the last dot) is not at least two letters.
    BadEnding,
    /// Longer than 254 characters, or more than 64 before the `@`.
    TooLong,
}

/// Checks one address (already trimmed). Conservative: what passes here is an
/// address any mail system and Alleo accept; internationalised letters are allowed.
///
/// ```
/// use alleo_csv_core::rules::email::{check_email, EmailProblem};
/// assert_eq!(check_email("j.devries@example.nl"), Ok(()));
/// assert_eq!(check_email("j.devries@example"), Err(EmailProblem::DomainNoDot));
/// assert_eq!(check_email("a@b.nl;c@d.nl"), Err(EmailProblem::ManyAt));
/// ```
///
/// # Errors
/// The first problem found, in the order of [`EmailProblem`].
pub fn check_email(email: &str) -> Result<(), EmailProblem> {
    if plain_ascii_address(email.as_bytes()) {
        return Ok(());
    }
    full_check(email)
}

/// Every rule, character by character, naming the first problem.
fn full_check(email: &str) -> Result<(), EmailProblem> {
    if email.chars().any(char::is_whitespace) {
        return Err(EmailProblem::Space);
    }
    let mut parts = email.split('@');
    let (Some(local), Some(domain)) = (parts.next(), parts.next()) else {
        return Err(EmailProblem::NoAt);
    };
    if parts.next().is_some() {
        return Err(EmailProblem::ManyAt);
    }
    if local.is_empty() {
        return Err(EmailProblem::EmptyLocal);
    }
    if domain.is_empty() {
        return Err(EmailProblem::EmptyDomain);
    }
    if email.len() > 254 || local.len() > 64 {
        return Err(EmailProblem::TooLong);
    }
    if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return Err(EmailProblem::Dots);
    }
    if let Some(c) = local.chars().find(|&c| !is_local_char(c)) {
        return Err(EmailProblem::BadChar(c));
    }
    if !domain.contains('.') {
        return Err(EmailProblem::DomainNoDot);
    }
    let labels: Vec<&str> = domain.split('.').collect();
    if labels.iter().any(|l| l.is_empty()) {
        return Err(EmailProblem::Dots);
    }
    for label in &labels {
        if let Some(c) = label.chars().find(|&c| !(c.is_alphanumeric() || c == '-')) {
            return Err(EmailProblem::BadChar(c));
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err(EmailProblem::HyphenEdge);
        }
    }
    let ending = labels.last().copied().unwrap_or_default();
    if ending.chars().count() < 2 || !ending.chars().all(char::is_alphabetic) {
        return Err(EmailProblem::BadEnding);
    }
    Ok(())
}

/// Byte classes for the fast path: letters, digits and `-` may stand anywhere; the
/// other `LOCAL` characters only before the `@`.
const OTHER: u8 = 0;
const DOT: u8 = 1;
const DOMAIN: u8 = 2;
const LOCAL: u8 = 3;
const CLASS: [u8; 256] = {
    let mut table = [OTHER; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if c == b'.' {
            DOT
        } else if c.is_ascii_alphanumeric() || c == b'-' {
            DOMAIN
        } else if matches!(
            c,
            b'!' | b'#'
                | b'$'
                | b'%'
                | b'&'
                | b'\''
                | b'*'
                | b'+'
                | b'/'
                | b'='
                | b'?'
                | b'^'
                | b'_'
                | b'`'
                | b'{'
                | b'|'
                | b'}'
                | b'~'
        ) {
            LOCAL
        } else {
            OTHER
        };
        b += 1;
    }
    table
};

/// The fast path for the common case, one pass over the bytes: true only for an
/// ASCII address that [`check_email`]'s full rules accept. Anything else (including
/// every invalid address) goes through the full rules, which name the problem.
fn plain_ascii_address(email: &[u8]) -> bool {
    let Some(at) = email.iter().position(|&b| b == b'@') else {
        return false;
    };
    let (local, domain) = (&email[..at], &email[at + 1..]);
    if local.is_empty() || local.len() > 64 || email.len() > 254 {
        return false;
    }
    let mut after_dot = true;
    for &b in local {
        match CLASS[usize::from(b)] {
            DOT if after_dot => return false,
            DOT => after_dot = true,
            LOCAL | DOMAIN => after_dot = false,
            _ => return false,
        }
    }
    if after_dot {
        return false;
    }
    let label_ok =
        |l: &[u8]| l.first().is_some_and(|&b| b != b'-') && l.last().is_some_and(|&b| b != b'-');
    let mut label_start = 0;
    for (i, &b) in domain.iter().enumerate() {
        match CLASS[usize::from(b)] {
            DOT if !label_ok(&domain[label_start..i]) => return false,
            DOT => label_start = i + 1,
            DOMAIN => {}
            _ => return false,
        }
    }
    let ending = &domain[label_start..];
    label_start > 0 && ending.len() >= 2 && ending.iter().all(u8::is_ascii_alphabetic)
}

fn is_local_char(c: char) -> bool {
    c.is_alphanumeric() || (c.is_ascii() && CLASS[c as usize] != OTHER)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::EmailProblem::*;
    use super::*;

    #[test]
    fn valid_addresses() {
        for e in [
            "jan@example.nl",
            "j.de-vries+hr@mail.example.co.uk",
            "müller@beispiel.de",
            "o'brien@example.com",
            "x@xn--bcher-kva.example",
        ] {
            assert_eq!(check_email(e), Ok(()), "{e}");
        }
    }

    #[test]
    fn each_problem() {
        let cases = [
            ("jan @example.nl", Space),
            ("jan.example.nl", NoAt),
            ("jan@@example.nl", ManyAt),
            ("@example.nl", EmptyLocal),
            ("jan@", EmptyDomain),
            ("jan@example", DomainNoDot),
            (".jan@example.nl", Dots),
            ("jan..x@example.nl", Dots),
            ("jan@example..nl", Dots),
            ("jan,piet@example.nl", BadChar(',')),
            ("jan@exa_mple.nl", BadChar('_')),
            ("jan@-example.nl", HyphenEdge),
            ("jan@example-.nl", HyphenEdge),
            ("jan@example.n", BadEnding),
            ("jan@example.123", BadEnding),
        ];
        for (input, problem) in cases {
            assert_eq!(check_email(input), Err(problem), "{input}");
        }
        assert_eq!(
            check_email(&format!("{}@example.nl", "a".repeat(65))),
            Err(TooLong)
        );
    }

    proptest! {
        #[test]
        fn fast_path_agrees_with_the_full_rules_on_ascii(s in "[a-zA-Z0-9.@_+' -]{0,30}") {
            prop_assert_eq!(plain_ascii_address(s.as_bytes()), full_check(&s).is_ok(), "{}", s);
        }

        #[test]
        fn fast_path_agrees_on_plausible_addresses(local in "[a-z.-]{1,8}", domain in "[a-z0-9.-]{1,12}") {
            let s = format!("{local}@{domain}");
            prop_assert_eq!(plain_ascii_address(s.as_bytes()), full_check(&s).is_ok(), "{}", s);
        }

        #[test]
        fn never_panics(s in "\\PC{0,80}") {
            let _ = check_email(&s);
        }

        #[test]
        fn plain_addresses_pass(local in "[a-z][a-z0-9._-]{0,20}[a-z0-9]", domain in "[a-z][a-z0-9-]{0,10}[a-z]", tld in "[a-z]{2,6}") {
            prop_assume!(!local.contains(".."));
            prop_assert_eq!(check_email(&format!("{local}@{domain}.{tld}")), Ok(()));
        }
    }
}
