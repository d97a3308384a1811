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
            return Err(EmailProblem::BadChar('-'));
        }
    }
    let ending = labels.last().copied().unwrap_or_default();
    if ending.chars().count() < 2 || !ending.chars().all(char::is_alphabetic) {
        return Err(EmailProblem::BadEnding);
    }
    Ok(())
}

fn is_local_char(c: char) -> bool {
    c.is_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c)
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
            ("jan@-example.nl", BadChar('-')),
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
