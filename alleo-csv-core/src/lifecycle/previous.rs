//! The previous state: what Alleo was last told, held compactly.

use std::io::Read;

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
/// Columns that are none of these (a reporting export has more) are not used.
///
/// Memory: each employee's record as text, back to back, 2 bytes per field for
/// where it ends, 16 bytes for where the record starts and 32 for the address
/// table: about the size of the file plus 75 bytes per employee (of 13 fields),
/// with no allocation per employee.
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
    /// What each used column holds.
    targets: Vec<Target>,
    /// The file column each target is read from.
    columns: Vec<usize>,
    /// Where the email is among `targets`.
    email: usize,
    /// Every employee's record as text, fields back to back.
    text: String,
    /// The end of each field, from the start of its record in `text`.
    ends: Ends,
    /// Where each record starts: in `text`, and in `ends`.
    starts: Vec<(usize, usize)>,
    /// Address -> record.
    index: EmailIndex,
    /// Records that repeat an address read before (the first one counts).
    repeats: Vec<bool>,
    repeated: u64,
}

impl Previous {
    /// Reads a previous state (UTF-8, comma-separated, as sent to Alleo or exported
    /// from its reporting).
    ///
    /// # Errors
    /// [`Error::Read`] when `reader` fails; [`Error::Previous`] when the file has no
    /// Email column.
    pub fn read<R: Read>(reader: R, config: &Config) -> Result<Previous> {
        #[cfg_attr(not(target_family = "wasm"), allow(unused_mut))]
        let mut builder = Builder {
            config,
            previous: Previous {
                targets: Vec::new(),
                columns: Vec::new(),
                email: 0,
                text: String::new(),
                ends: Ends::Short(Vec::new()),
                starts: Vec::new(),
                index: EmailIndex::default(),
                repeats: Vec::new(),
                repeated: 0,
            },
            header: false,
            email_column: 0,
        };
        // Parsing on this thread overlaps storing on another.
        #[cfg(not(target_family = "wasm"))]
        let builder = crate::validate::beside(
            reader,
            RecordReader::new(),
            builder,
            |_, (): &mut (), _| {},
            |b, batch, ()| batch.for_each(&mut |r| b.record(r)),
        )?;
        #[cfg(target_family = "wasm")]
        {
            let mut records = RecordReader::new();
            crate::read::read_chunks(reader, |chunk| {
                records.feed(chunk, &mut |r| builder.record(r));
                std::ops::ControlFlow::Continue(())
            })?;
            records.finish(&mut |r| builder.record(r));
        }
        if !builder.header {
            return Err(Error::Previous(
                "it has no Email column (or no header at all): give the file last sent to Alleo, or an export of Alleo's reporting".to_owned(),
            ));
        }
        let mut p = builder.previous;
        p.settle();
        Ok(p)
    }

    /// Employees in the previous state.
    pub fn len(&self) -> usize {
        self.starts.len() - self.repeated as usize
    }

    /// Whether the previous state has no employees.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
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

    /// The employee whose address has this hash (see [`Previous::touch`]).
    pub(crate) fn find_hashed(&self, hash: u128) -> Option<usize> {
        self.index.get_hashed(hash).map(|i| i as usize)
    }

    /// Reads the table slots of these address hashes together, so that the lookups
    /// that follow do not wait for memory one by one.
    #[cfg(not(target_family = "wasm"))]
    pub(crate) fn touch(&self, hashes: impl Iterator<Item = u128>) {
        self.index.touch(hashes);
    }

    /// Every employee, by the index [`Previous::find`] gives, in file order.
    pub(crate) fn employees(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.starts.len()).filter(|&e| !self.repeats[e])
    }

    /// One more than the largest employee index.
    pub(crate) fn capacity(&self) -> usize {
        self.starts.len()
    }

    /// The address of `employee`, as written.
    pub(crate) fn email(&self, employee: usize) -> &str {
        self.value(employee, self.email)
    }

    /// Value `target` (an index into [`Previous::targets`]) of `employee`, trimmed.
    pub(crate) fn value(&self, employee: usize, target: usize) -> &str {
        let (text, ends) = self.record(employee);
        self.field(text, ends, self.columns[target])
    }

    /// Every value of `employee`, in the order of [`Previous::targets`].
    pub(crate) fn values(&self, employee: usize) -> Vec<&str> {
        let (text, ends) = self.record(employee);
        self.columns
            .iter()
            .map(|&c| self.field(text, ends.clone(), c))
            .collect()
    }

    /// Whether the record of `employee` is, as read, the one with this text and
    /// field ends.
    pub(crate) fn same_record(&self, employee: usize, now: &str, now_ends: &[usize]) -> bool {
        let (text, ends) = self.record(employee);
        text == now
            && ends.len() == now_ends.len()
            && ends
                .zip(now_ends)
                .all(|(a, &b)| self.ends.get(a) as usize == b)
    }

    /// Field `column` of a record (empty when the record is shorter), trimmed.
    fn field<'t>(&self, text: &'t str, ends: std::ops::Range<usize>, column: usize) -> &'t str {
        if column >= ends.len() {
            return "";
        }
        let end = self.ends.get(ends.start + column) as usize;
        let start = if column == 0 {
            0
        } else {
            self.ends.get(ends.start + column - 1) as usize
        };
        text.get(start..end).unwrap_or_default().trim()
    }

    /// The target of `field`, if the previous state has it.
    pub(crate) fn column_of(&self, field: FieldKey) -> Option<usize> {
        self.targets.iter().position(|t| *t == Target::Field(field))
    }

    /// Whether a file whose columns hold `targets` (per column, an index into
    /// [`Previous::targets`]) has exactly the previous state's columns, in order.
    pub(crate) fn reads_columns(&self, targets: &[Option<usize>]) -> bool {
        self.columns.len() == targets.len()
            && targets
                .iter()
                .enumerate()
                .all(|(i, t)| t.is_some_and(|t| self.columns[t] == i))
    }

    /// The text of one record, and where its field ends are in `ends`.
    fn record(&self, employee: usize) -> (&str, std::ops::Range<usize>) {
        let (text_start, ends_start) = self.starts[employee];
        let (text_end, ends_end) = self
            .starts
            .get(employee + 1)
            .copied()
            .unwrap_or((self.text.len(), self.ends.len()));
        (&self.text[text_start..text_end], ends_start..ends_end)
    }

    /// Looks up the queued addresses; the later of two with one address is left out.
    fn settle(&mut self) {
        self.repeats.resize(self.starts.len(), false);
        let repeats = &mut self.repeats;
        let repeated = &mut self.repeated;
        self.index.flush(|d| {
            repeats[d.row as usize] = true;
            *repeated += 1;
        });
    }
}

/// Field ends: two bytes each while every record is under 64 KiB (all but
/// pathological files), four once one is not.
#[derive(Debug)]
enum Ends {
    Short(Vec<u16>),
    Long(Vec<u32>),
}

impl Ends {
    fn len(&self) -> usize {
        match self {
            Ends::Short(v) => v.len(),
            Ends::Long(v) => v.len(),
        }
    }

    fn get(&self, i: usize) -> u32 {
        match self {
            Ends::Short(v) => u32::from(v[i]),
            Ends::Long(v) => v[i],
        }
    }

    fn push(&mut self, end: usize) {
        let end = u32::try_from(end).unwrap_or(u32::MAX);
        if let Ends::Short(v) = self {
            match u16::try_from(end) {
                Ok(short) => {
                    v.push(short);
                    return;
                }
                Err(_) => *self = Ends::Long(v.iter().map(|&e| u32::from(e)).collect()),
            }
        }
        if let Ends::Long(v) = self {
            v.push(end);
        }
    }
}

/// Reads the records into a [`Previous`].
struct Builder<'c> {
    config: &'c Config,
    previous: Previous,
    /// Whether a header with an Email column has been read.
    header: bool,
    email_column: usize,
}

impl Builder<'_> {
    fn record(&mut self, r: &Record<'_>) {
        if r.bytes.iter().all(u8::is_ascii_whitespace) {
            return; // a blank row
        }
        let record = r.decoded();
        if !self.header {
            self.header(record.fields().collect());
            return;
        }
        let p = &mut self.previous;
        // A row too short to reach the Email column has no email: not an employee.
        let email = record.field(self.email_column).trim();
        if email.is_empty() {
            return;
        }
        let employee = p.starts.len() as u64;
        p.starts.push((p.text.len(), p.ends.len()));
        p.text.push_str(&record.text);
        for &end in record.ends.iter() {
            p.ends.push(end);
        }
        if p.index.push(email, employee) {
            p.settle();
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
        let p = &mut self.previous;
        for (i, header) in headers.into_iter().enumerate() {
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
            // A second column for one field: the first counts.
            if let Some(t) = target.filter(|t| !p.targets.contains(t)) {
                p.targets.push(t);
                p.columns.push(i);
            }
        }
        if let Some(email) = p.column_of(FieldKey::Email) {
            p.email = email;
            self.email_column = p.columns[email];
            self.header = true;
        } else {
            p.targets.clear();
            p.columns.clear();
        }
    }
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

    #[test]
    fn a_record_longer_than_64_kib_widens_the_ends() {
        let long = "x".repeat(70_000);
        let file =
            format!("Email,custom_note,First name\na@x.nl,short,A\nb@x.nl,{long},B\nc@x.nl,n,C\n");
        let p = Previous::read(file.as_bytes(), &Config::default()).unwrap();
        assert!(matches!(p.ends, Ends::Long(_)));
        assert_eq!(p.value_of("a@x.nl", "custom_note"), Some("short"));
        assert_eq!(
            p.value_of("b@x.nl", "custom_note").map(str::len),
            Some(70_000)
        );
        assert_eq!(p.value_of("b@x.nl", "first_name"), Some("B"));
        assert_eq!(p.value_of("c@x.nl", "first_name"), Some("C"));
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
