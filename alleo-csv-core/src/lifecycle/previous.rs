//! The previous state: what Alleo was last told, held compactly.

use std::io::{ErrorKind, Read};

use crate::config::{Config, Target};
use crate::error::{Error, Result};
use crate::field::{FieldKey, normalize_header};
use crate::naming::{is_custom_name, upload_name};
use crate::read::{Record, RecordReader};
use crate::unique::EmailIndex;

/// The employees of the last file sent, or of an Alleo reporting export.
///
/// Both are read through the same header rules as the file itself (Alleo's fields
/// in any spelling, `[mapping]`, `custom_` fields), and a reporting export's
/// `alleo_custom_*` columns are read as the `custom_*` fields they were uploaded as.
/// Columns that are none of these (a reporting export has more) are left out.
///
/// Memory: every value of an employee back to back in one buffer, each after its
/// length, plus 8 bytes for where the employee starts and 32 for the address
/// table: about the size of the file, and no allocation per employee.
///
/// ```
/// use alleo_csv_core::{Config, lifecycle::Previous};
/// let export = "Email,First name,Last name,alleo_custom_employee_id,Status\n\
///               jan@example.nl,Jan,Jansen,0012,active\n";
/// let previous = Previous::read(export.as_bytes(), &Config::default()).unwrap();
/// assert_eq!(previous.len(), 1);
/// assert_eq!(previous.value_of("JAN@example.nl", "custom_employee_id"), Some("0012"));
/// ```
#[derive(Debug)]
pub struct Previous {
    /// What each kept column holds.
    targets: Vec<Target>,
    /// Where the email is among `targets`.
    email: usize,
    /// The kept values of every employee: for each, per target, a LEB128 length
    /// and the bytes.
    values: Vec<u8>,
    /// Where each employee starts in `values`.
    starts: Vec<usize>,
    /// Address -> employee.
    index: EmailIndex,
    /// Rows that repeated an address already read (the first one counts).
    repeated: u64,
}

impl Previous {
    /// Reads a previous state (UTF-8, comma-separated, as sent to Alleo or exported
    /// from its reporting).
    ///
    /// # Errors
    /// [`Error::Read`] when `reader` fails; [`Error::Previous`] when the file has no
    /// Email column.
    pub fn read<R: Read>(mut reader: R, config: &Config) -> Result<Previous> {
        let mut builder = Builder {
            config,
            previous: Previous {
                targets: Vec::new(),
                email: 0,
                values: Vec::new(),
                starts: Vec::new(),
                index: EmailIndex::default(),
                repeated: 0,
            },
            columns: None,
        };
        let mut records = RecordReader::new();
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            match reader.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => records.feed(&buf[..n], &mut |r| builder.record(r)),
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(e) => return Err(Error::Read(e)),
            }
        }
        records.finish(&mut |r| builder.record(r));
        match builder.columns {
            Some(_) => Ok(builder.previous),
            None => Err(Error::Previous(
                "it has no Email column (or no header at all): give the file last sent to Alleo, or an export of Alleo's reporting".to_owned(),
            )),
        }
    }

    /// Employees in the previous state.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// Whether the previous state has no employees.
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// Rows left out because they repeated an address read before.
    pub fn repeated(&self) -> u64 {
        self.repeated
    }

    /// The fields and custom fields the previous state has, in its column order.
    pub fn targets(&self) -> &[Target] {
        &self.targets
    }

    /// The value of `field` (a field key or custom name) for the employee with
    /// `email`, if both are known.
    pub fn value_of(&self, email: &str, field: &str) -> Option<&str> {
        let employee = self.find(email)?;
        let column = self.targets.iter().position(|t| t.name() == field)?;
        Some(self.value(employee, column))
    }

    /// The employee with `email` (case-insensitive), if any.
    pub(crate) fn find(&self, email: &str) -> Option<usize> {
        self.index.get(email).map(|i| i as usize)
    }

    /// The address of `employee`, as written.
    pub(crate) fn email(&self, employee: usize) -> &str {
        self.value(employee, self.email)
    }

    /// Value `column` (an index into [`Previous::targets`]) of `employee`.
    pub(crate) fn value(&self, employee: usize, column: usize) -> &str {
        let mut at = self.starts[employee];
        let mut value = "";
        for _ in 0..=column {
            let (len, used) = read_len(&self.values[at..]);
            at += used;
            value = std::str::from_utf8(&self.values[at..at + len]).unwrap_or_default();
            at += len;
        }
        value
    }

    /// The column of `field`, if the previous state has it.
    pub(crate) fn column_of(&self, field: FieldKey) -> Option<usize> {
        self.targets.iter().position(|t| *t == Target::Field(field))
    }
}

/// Reads the records into a [`Previous`].
struct Builder<'c> {
    config: &'c Config,
    previous: Previous,
    /// For each column of the file, where its value goes among the targets.
    columns: Option<Vec<Option<usize>>>,
}

impl Builder<'_> {
    fn record(&mut self, r: &Record<'_>) {
        let text = String::from_utf8_lossy(r.bytes);
        let field = |i: usize| text.get(r.bounds(i)).unwrap_or_default();
        if (0..r.len()).all(|i| field(i).trim().is_empty()) {
            return;
        }
        let Some(columns) = &self.columns else {
            self.header((0..r.len()).map(field).collect());
            return;
        };
        let p = &mut self.previous;
        let Some(email_column) = columns.iter().position(|c| *c == Some(p.email)) else {
            return;
        };
        let email = field(email_column).trim();
        let employee = u32::try_from(p.starts.len()).unwrap_or(u32::MAX);
        if email.is_empty() || p.index.insert(email, employee).is_some() {
            p.repeated += u64::from(!email.is_empty());
            return;
        }
        let mut values: Vec<&str> = vec![""; p.targets.len()];
        for (i, target) in columns.iter().enumerate() {
            if let (Some(t), true) = (target, i < r.len()) {
                values[*t] = field(i).trim();
            }
        }
        p.starts.push(p.values.len());
        for value in values {
            write_len(&mut p.values, value.len());
            p.values.extend_from_slice(value.as_bytes());
        }
    }

    /// Keeps the columns that hold a field or custom field; needs the Email.
    fn header(&mut self, headers: Vec<&str>) {
        let mapping: Vec<(String, &Target)> = self
            .config
            .mapping
            .0
            .iter()
            .map(|(k, t)| (normalize_header(k), t))
            .collect();
        let mut columns = Vec::with_capacity(headers.len());
        for header in headers {
            let folded = normalize_header(header);
            let target = mapping
                .iter()
                .find(|(k, _)| *k == folded)
                .map(|(_, t)| (*t).clone())
                .or_else(|| FieldKey::from_header(header).map(Target::Field))
                .or_else(|| {
                    let trimmed = header.trim();
                    if is_custom_name(trimmed) {
                        return Some(Target::Custom(trimmed.to_owned()));
                    }
                    upload_name(trimmed).map(|name| Target::Custom(name.to_owned()))
                });
            let targets = &mut self.previous.targets;
            columns.push(target.and_then(|t| {
                if targets.contains(&t) {
                    return None; // a second column for one field: the first counts
                }
                targets.push(t);
                Some(targets.len() - 1)
            }));
        }
        if let Some(email) = self.previous.column_of(FieldKey::Email) {
            self.previous.email = email;
            self.columns = Some(columns);
        } else {
            self.previous.targets.clear();
        }
    }
}

/// Appends `len` as LEB128.
fn write_len(out: &mut Vec<u8>, mut len: usize) {
    while len >= 0x80 {
        out.push((len as u8) | 0x80);
        len >>= 7;
    }
    out.push(len as u8);
}

/// Reads a LEB128 length; returns it and the bytes it took.
fn read_len(bytes: &[u8]) -> (usize, usize) {
    let mut len = 0usize;
    for (i, &b) in bytes.iter().enumerate() {
        len |= usize::from(b & 0x7F) << (7 * i);
        if b < 0x80 {
            return (len, i + 1);
        }
    }
    (len, bytes.len())
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use proptest::prelude::*;

    use super::*;

    #[test]
    fn a_reporting_export_reads_like_the_file() {
        let sent =
            "Email,First name,Last name,custom_employee_id\nJan@example.nl,Jan,Jansen,0012\n";
        let export = "Status,email,FIRST NAME,Last name,alleo_custom_employee_id,Created\nactive,jan@example.nl,Jan,Jansen,0012,2025-01-01\n";
        let config = Config::default();
        let a = Previous::read(sent.as_bytes(), &config).unwrap();
        let b = Previous::read(export.as_bytes(), &config).unwrap();
        for field in ["email", "first_name", "last_name", "custom_employee_id"] {
            assert_eq!(
                a.value_of("jan@example.nl", field).map(str::to_lowercase),
                b.value_of("JAN@example.nl", field).map(str::to_lowercase),
                "{field}"
            );
        }
        assert_eq!(b.value_of("jan@example.nl", "Status"), None);
    }

    #[test]
    fn no_email_column_is_an_error_that_says_what_to_give() {
        let e = Previous::read("Name\nJan\n".as_bytes(), &Config::default()).unwrap_err();
        assert!(e.to_string().contains("no Email column"), "{e}");
        assert!(Previous::read(&b""[..], &Config::default()).is_err());
    }

    #[test]
    fn repeated_addresses_keep_the_first() {
        let file = "Email,First name\na@x.nl,First\nA@X.NL,Second\n\n,Nobody\n";
        let p = Previous::read(file.as_bytes(), &Config::default()).unwrap();
        assert_eq!((p.len(), p.repeated()), (1, 1));
        assert_eq!(p.value_of("a@x.nl", "first_name"), Some("First"));
    }

    proptest! {
        #[test]
        fn values_come_back_as_stored(rows in prop::collection::vec(("[a-z]{1,8}", "\\PC{0,200}"), 1..20)) {
            let mut file = String::from("Email,custom_note\n");
            for (i, (name, note)) in rows.iter().enumerate() {
                let note = note.replace('"', "\"\"");
                writeln!(file, "{name}{i}@x.nl,\"{note}\"").unwrap();
            }
            let p = Previous::read(file.as_bytes(), &Config::default()).unwrap();
            for (i, (name, note)) in rows.iter().enumerate() {
                let got = p.value_of(&format!("{name}{i}@x.nl"), "custom_note").map(str::to_owned);
                prop_assert_eq!(got.as_deref(), Some(note.trim()));
            }
        }
    }
}
