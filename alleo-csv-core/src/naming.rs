//! Custom field names: `custom_<name>` in the upload file, `alleo_custom_<name>`
//! in Alleo's reporting (SPEC section 2).

/// The prefix every custom field in the upload file carries.
pub const CUSTOM_PREFIX: &str = "custom_";
/// The prefix Alleo's reporting adds in front of [`CUSTOM_PREFIX`].
pub const REPORTING_PREFIX: &str = "alleo_";

/// Whether `name` is a valid custom field name: `custom_` followed by one or more
/// lowercase ASCII letters, digits and `_`.
///
/// ```
/// use alleo_csv_core::is_custom_name;
/// assert!(is_custom_name("custom_employee_id"));
/// assert!(!is_custom_name("custom_Employee_ID"));
/// assert!(!is_custom_name("custom_"));
/// ```
pub fn is_custom_name(name: &str) -> bool {
    name.strip_prefix(CUSTOM_PREFIX).is_some_and(|rest| {
        !rest.is_empty()
            && rest
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    })
}

/// The name Alleo's reporting uses for an upload custom field, or `None` when
/// `upload` is not a valid custom field name.
///
/// ```
/// use alleo_csv_core::reporting_name;
/// assert_eq!(reporting_name("custom_employee_id").as_deref(), Some("alleo_custom_employee_id"));
/// assert_eq!(reporting_name("Employee ID"), None);
/// ```
pub fn reporting_name(upload: &str) -> Option<String> {
    is_custom_name(upload).then(|| format!("{REPORTING_PREFIX}{upload}"))
}

/// The upload name of a reporting custom field (`alleo_custom_x` -> `custom_x`), or
/// `None` when `reporting` is not one.
///
/// ```
/// use alleo_csv_core::upload_name;
/// assert_eq!(upload_name("alleo_custom_employee_id"), Some("custom_employee_id"));
/// assert_eq!(upload_name("custom_employee_id"), None);
/// ```
pub fn upload_name(reporting: &str) -> Option<&str> {
    reporting
        .strip_prefix(REPORTING_PREFIX)
        .filter(|rest| is_custom_name(rest))
}

/// A valid custom field name suggested for a header that is almost one
/// (`Custom Employee-ID` -> `custom_employee_id`), or `None` when nothing sensible
/// can be made of it.
///
/// ```
/// use alleo_csv_core::naming::suggest_custom_name;
/// assert_eq!(suggest_custom_name("Custom Employee-ID").as_deref(), Some("custom_employee_id"));
/// ```
pub fn suggest_custom_name(header: &str) -> Option<String> {
    let mut out = String::with_capacity(header.len());
    let mut pending_sep = false;
    for ch in header.trim().chars() {
        if ch.is_ascii_alphanumeric() {
            if pending_sep && !out.is_empty() {
                out.push('_');
            }
            pending_sep = false;
            out.push(ch.to_ascii_lowercase());
        } else {
            pending_sep = true;
        }
    }
    let name = match out.strip_prefix("alleo_") {
        Some(rest) if rest.starts_with(CUSTOM_PREFIX) => rest.to_owned(),
        _ if out.starts_with(CUSTOM_PREFIX) => out,
        _ => format!("{CUSTOM_PREFIX}{out}"),
    };
    is_custom_name(&name).then_some(name)
}

/// Whether `name` follows the upload convention `alleo_employees_<ID>.csv`, `<ID>`
/// being one or more of `A-Z a-z 0-9 _ -` (SPEC section 1).
///
/// ```
/// use alleo_csv_core::naming::is_upload_file_name;
/// assert!(is_upload_file_name("alleo_employees_acme-01.csv"));
/// assert!(!is_upload_file_name("alleo_employees_.csv"));
/// assert!(!is_upload_file_name("employees.csv"));
/// ```
pub fn is_upload_file_name(name: &str) -> bool {
    name.strip_prefix("alleo_employees_")
        .and_then(|rest| rest.strip_suffix(".csv"))
        .is_some_and(|id| {
            !id.is_empty()
                && id
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        })
}

/// The name a file for `file_id` is uploaded under, `alleo_employees_<file_id>.csv`;
/// `None` when `file_id` would not give a valid name ([`is_upload_file_name`]).
///
/// ```
/// use alleo_csv_core::naming::upload_file_name;
/// assert_eq!(upload_file_name("acme").as_deref(), Some("alleo_employees_acme.csv"));
/// assert_eq!(upload_file_name("acme corp"), None);
/// ```
pub fn upload_file_name(file_id: &str) -> Option<String> {
    let name = format!("alleo_employees_{file_id}.csv");
    is_upload_file_name(&name).then_some(name)
}

/// Whether Alleo's pickup processes a file of this name: it takes every file
/// matching `alleo_employees_*.csv` (SPEC section 7), `*` matching nothing too.
/// `.CSV` in any case counts, in case the pickup ignores case: for a check of
/// what waits in the folder, a file too many is safer than one missed.
///
/// ```
/// use alleo_csv_core::naming::is_picked_up;
/// assert!(is_picked_up("alleo_employees_old copy.csv"));
/// assert!(is_picked_up("alleo_employees_OLD.CSV"));
/// assert!(!is_picked_up(".alleo-upload-1f2e.part"));
/// assert!(!is_picked_up("alleo_employees_acme.csv.bak"));
/// ```
pub fn is_picked_up(name: &str) -> bool {
    name.strip_prefix("alleo_employees_").is_some_and(|rest| {
        let bytes = rest.as_bytes();
        bytes.len() >= 4 && bytes[bytes.len() - 4..].eq_ignore_ascii_case(b".csv")
    })
}

/// A file made beside an employee file that is never to be sent: kept invalid
/// rows, rejects, a change log, a list of issues.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Companion {
    /// The output of `transform --keep-invalid`, to fix before it is sent.
    ToFix,
    /// The rows a transform set aside.
    Rejects,
    /// A transform's change log.
    Changes,
    /// A report's issues as CSV.
    Issues,
}

impl Companion {
    /// Every kind.
    pub const ALL: [Companion; 4] = [
        Companion::ToFix,
        Companion::Rejects,
        Companion::Changes,
        Companion::Issues,
    ];

    /// The word in its name: `to-fix`, `rejects`, `changes`, `issues`.
    pub fn as_str(self) -> &'static str {
        match self {
            Companion::ToFix => "to-fix",
            Companion::Rejects => "rejects",
            Companion::Changes => "changes",
            Companion::Issues => "issues",
        }
    }
}

/// The name of a `kind` of file made beside `name`, one Alleo never picks up
/// ([`is_picked_up`]), so that it cannot be sent by mistake when it is saved in
/// the upload folder: `<name>-<kind>.csv`, or `<kind>_<name>.csv` when that
/// would be picked up. Given a path, the companion goes in the same folder.
///
/// ```
/// use alleo_csv_core::naming::{Companion, companion_name};
/// assert_eq!(companion_name("export.csv", Companion::Rejects), "export-rejects.csv");
/// assert_eq!(companion_name("alleo_employees_acme.csv", Companion::ToFix),
///     "to-fix_alleo_employees_acme.csv");
/// assert_eq!(companion_name("out/alleo_employees_acme.csv", Companion::Changes),
///     "out/changes_alleo_employees_acme.csv");
/// assert_eq!(companion_name("alleo_employees_acme.to-fix.csv", Companion::ToFix),
///     "to-fix_alleo_employees_acme.csv");
/// ```
pub fn companion_name(name: &str, kind: Companion) -> String {
    let kind = kind.as_str();
    // Beside it: in its folder, if a path is given.
    let (folder, name) = name
        .rfind(['/', '\\'])
        .map_or(("", name), |at| name.split_at(at + 1));
    let stem = match name.len().checked_sub(4) {
        Some(at) if name.is_char_boundary(at) && name[at..].eq_ignore_ascii_case(".csv") => {
            &name[..at]
        }
        _ => name,
    };
    // A name that says its kind already (`alleo_employees_acme.to-fix.csv`)
    // does not say it twice.
    let stem = (stem.strip_suffix(kind))
        .and_then(|s| s.strip_suffix(['.', '-', '_']))
        .filter(|s| !s.is_empty())
        .unwrap_or(stem);
    let beside = format!("{stem}-{kind}.csv");
    if is_picked_up(&beside) {
        format!("{folder}{kind}_{stem}.csv")
    } else {
        format!("{folder}{beside}")
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn names() {
        assert!(is_custom_name("custom_fte"));
        assert!(is_custom_name("custom_2nd_id"));
        assert!(!is_custom_name("custom_fte "));
        assert!(!is_custom_name("custom_é"));
        assert!(!is_custom_name("alleo_custom_fte"));
        assert_eq!(upload_name("alleo_custom_"), None);
        assert_eq!(
            suggest_custom_name("alleo_custom_Fte").as_deref(),
            Some("custom_fte")
        );
        assert_eq!(suggest_custom_name("  "), None);
    }

    proptest! {
        #[test]
        fn every_upload_name_is_picked_up(id in "[A-Za-z0-9_-]{1,20}", other in "\\PC{0,20}") {
            let name = upload_file_name(&id).unwrap();
            prop_assert!(is_upload_file_name(&name));
            prop_assert!(is_picked_up(&name));
            let named = format!("alleo_employees_{other}.csv");
            prop_assert_eq!(upload_file_name(&other).is_some(), is_upload_file_name(&named));
            let hidden = format!(".{other}");
            prop_assert!(!is_picked_up(&hidden));
        }

        #[test]
        fn a_companion_is_never_picked_up(
            folder in "(/?[a-z]{1,5}[/\\\\])?",
            // Names Alleo picks up too, so that both ways of naming are taken.
            name in "(alleo_employees_)?[^/\\\\\\pC]{0,30}(\\.(csv|CSV))?",
        ) {
            for kind in Companion::ALL {
                let made = companion_name(&format!("{folder}{name}"), kind);
                let (in_folder, made) = made.split_at(folder.len());
                prop_assert_eq!(in_folder, folder.as_str());
                prop_assert!(!is_picked_up(made), "{}", made);
                prop_assert!(made.contains(kind.as_str()), "{}", made);
            }
        }

        #[test]
        fn reporting_and_upload_names_round_trip(rest in "[a-z0-9_]{1,20}") {
            let upload = format!("custom_{rest}");
            let reporting = reporting_name(&upload).unwrap();
            prop_assert_eq!(upload_name(&reporting), Some(upload.as_str()));
        }

        #[test]
        fn suggestions_are_valid_names(header in "\\PC{0,30}") {
            if let Some(name) = suggest_custom_name(&header) {
                prop_assert!(is_custom_name(&name));
            }
        }
    }
}
