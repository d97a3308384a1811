//! The JSON of SPEC section 5, written directly to an output.
//!
//! A whole workforce's first file has a warning on nearly every row: a million
//! issues, half a gigabyte of JSON. Each issue is written straight into an output
//! buffer, and its message is rendered once per distinct (column, value, detail):
//! a million `onboarding-past` warnings over twenty years of dates render some
//! seven thousand messages. The layout is serde_json's pretty printer's, byte for
//! byte (a test holds the two equal), so every front gives the same text.

use std::io::{self, Write};

use crate::issue::IssueRef;
use crate::issues::push_number;
use crate::lifecycle::{Action, Plan};
use crate::report::Report;

/// Bytes gathered before they are handed to the output.
const FLUSH_AT: usize = 1 << 16;

/// Pretty-printed JSON, written to `W` in large pieces.
pub(crate) struct JsonOut<W: Write> {
    out: W,
    buf: Vec<u8>,
}

impl<W: Write> JsonOut<W> {
    pub(crate) fn new(out: W) -> JsonOut<W> {
        JsonOut {
            out,
            buf: Vec::with_capacity(FLUSH_AT + 4096),
        }
    }

    fn raw(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
    }

    fn string(&mut self, s: &str) {
        escaped(&mut self.buf, s);
    }

    fn number(&mut self, n: u64) {
        push_number(&mut self.buf, n);
    }

    /// A `"key": ` at `depth` levels of indentation, after a `,` unless `first`.
    fn key(&mut self, depth: usize, key: &str, first: bool) {
        if !first {
            self.buf.push(b',');
        }
        self.newline(depth);
        // Keys are this module's own words: nothing in them needs escaping.
        self.buf.push(b'"');
        self.buf.extend_from_slice(key.as_bytes());
        self.buf.extend_from_slice(b"\": ");
    }

    fn newline(&mut self, depth: usize) {
        self.buf.push(b'\n');
        for _ in 0..depth {
            self.buf.extend_from_slice(b"  ");
        }
    }

    fn optional_string(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.string(s),
            None => self.raw(b"null"),
        }
    }

    fn maybe_flush(&mut self) -> io::Result<()> {
        if self.buf.len() >= FLUSH_AT {
            self.out.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }

    pub(crate) fn finish(mut self) -> io::Result<W> {
        self.out.write_all(&self.buf)?;
        self.out.flush()?;
        Ok(self.out)
    }

    /// The fields a report and a plan share, from `"valid"` to `"warnings"`, at
    /// `depth`; `previous` is the plan's count of employees in the previous state.
    fn head(&mut self, depth: usize, report: &Report, previous: Option<u64>, first: bool) {
        self.key(depth, "valid", first);
        self.raw(if report.valid() { b"true" } else { b"false" });
        self.key(depth, "as_of", false);
        self.string(&report.as_of.to_string());
        self.key(depth, "rows", false);
        self.number(report.rows);
        if let Some(previous) = previous {
            self.key(depth, "previous", false);
            self.number(previous);
        }
        self.key(depth, "errors", false);
        self.number(report.errors() as u64);
        self.key(depth, "warnings", false);
        self.number(report.warnings() as u64);
    }

    /// `"issues": [...]` at `depth`.
    fn issues(&mut self, depth: usize, report: &Report) -> io::Result<()> {
        self.key(depth, "issues", false);
        if report.issues.is_empty() {
            self.raw(b"[]");
            return Ok(());
        }
        self.raw(b"[");
        self.out.write_all(&self.buf)?;
        self.buf.clear();
        let encode =
            |issue: IssueRef<'_>, buf: &mut Vec<u8>| encode_issue(report, issue, depth + 1, buf);
        let frame = |first: bool, row: Option<u64>, head: &[u8], tail: &[u8], out: &mut Vec<u8>| {
            if !first {
                out.push(b',');
            }
            out.extend_from_slice(head);
            match row {
                Some(row) => push_number(out, row),
                None => out.extend_from_slice(b"null"),
            }
            out.extend_from_slice(tail);
        };
        report
            .issues
            .write_encoded(&mut self.out, &encode, &frame)?;
        self.newline(depth);
        self.raw(b"]");
        Ok(())
    }
}

/// Appends one issue of the `"issues"` array (the object at `depth`) but its row,
/// and returns how many of the bytes appended come before the row.
fn encode_issue(report: &Report, i: IssueRef<'_>, depth: usize, buf: &mut Vec<u8>) -> usize {
    let start = buf.len();
    let mut j = JsonOut {
        out: io::sink(),
        buf: std::mem::take(buf),
    };
    j.newline(depth);
    j.raw(b"{");
    j.key(depth + 1, "severity", true);
    j.string(i.severity.as_str());
    j.key(depth + 1, "code", false);
    j.string(i.code().as_str());
    j.key(depth + 1, "row", false);
    let split = j.buf.len() - start;
    j.key(depth + 1, "column", false);
    j.optional_string(i.column);
    j.key(depth + 1, "field", false);
    j.optional_string(i.field);
    j.key(depth + 1, "value", false);
    j.optional_string(report.value_of(i));
    j.key(depth + 1, "message", false);
    j.string(&report.message_of(i));
    j.newline(depth);
    j.raw(b"}");
    *buf = j.buf;
    split
}

impl Report {
    /// Writes the report as the JSON of SPEC section 5, pretty-printed (two spaces
    /// of indentation, as `serde_json::to_writer_pretty` gives for the report's
    /// `Serialize`), and a final newline; messages are in [`Report::lang`], values
    /// shown as [`Report::show_values`] says. Issues are rendered as they are
    /// written: memory does not grow with the output.
    ///
    /// ```
    /// # use alleo_csv_core::{validate, Config, Options};
    /// let file = "Email,First name,Last name\njan@example,Jan,Jansen\n";
    /// let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    /// let report = validate(file.as_bytes(), &Config::default(), Options::new(as_of))?;
    /// let mut json = Vec::new();
    /// report.write_json(&mut json)?;
    /// assert!(String::from_utf8(json)?.starts_with("{\n  \"valid\": false,\n  \"as_of\": \"2026-11-26\","));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// Whatever `out` returns.
    pub fn write_json<W: Write>(&self, out: W) -> io::Result<()> {
        let mut out = out;
        self.write_json_at(&mut out, 0)?;
        out.write_all(b"\n")?;
        out.flush()
    }

    /// Writes the report's JSON as [`Report::write_json`] does, as a value nested
    /// `depth` levels deep in a larger pretty-printed object: from its `{` to its
    /// `}`, with no newline after it.
    ///
    /// ```
    /// # use alleo_csv_core::{validate, Config, Options};
    /// # let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    /// # let report = validate(&b"Email,First name,Last name\n"[..], &Config::default(), Options::new(as_of))?;
    /// let mut json = b"{\n  \"report\": ".to_vec();
    /// report.write_json_at(&mut json, 1)?;
    /// json.extend_from_slice(b"\n}");
    /// let value: serde_json::Value = serde_json::from_slice(&json)?;
    /// assert_eq!(value["report"]["rows"], 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// Whatever `out` returns.
    pub fn write_json_at<W: Write>(&self, out: W, depth: usize) -> io::Result<()> {
        let mut json = JsonOut::new(out);
        json.raw(b"{");
        json.head(depth + 1, self, None, true);
        json.issues(depth + 1, self)?;
        json.newline(depth);
        json.raw(b"}");
        json.finish().map(drop)
    }
}

/// A plan as JSON, written as it is made: [`PlanJson::action`] writes each
/// action as [`diff_each`](crate::lifecycle::diff_each) hands it over, one per
/// line, and [`PlanJson::finish`] the rest of the plan, known only at the end:
/// `{"actions": [...], "valid", "as_of", "rows", "previous", "errors",
/// "warnings", "summary", "issues"}`. A plan of a million employees is never held.
///
/// ```
/// use alleo_csv_core::{Config, Options, lifecycle::{diff_each, PlanJson, Previous}};
/// let previous = Previous::read("Email,First name,Last name\njan@example.nl,Jan,Jansen\n".as_bytes(), &Config::default())?;
/// let file = "Email,First name,Last name\njan@example.nl,Jan,Jansen-Smit\n";
/// let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
/// let mut json = PlanJson::new(Vec::new());
/// let plan = diff_each(&previous, file.as_bytes(), &Config::default(), Options::new(as_of), &mut |a| json.action(&a))?;
/// let text = String::from_utf8(json.finish(&plan)?).unwrap();
/// assert!(text.starts_with("{\n  \"actions\": [\n    {\"action\":\"update\",\"email\":\"jan@example.nl\",\"row\":2,"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct PlanJson<W: Write> {
    json: JsonOut<W>,
    actions: usize,
    failed: Option<io::Error>,
}

impl<W: Write> std::fmt::Debug for PlanJson<W> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PlanJson")
            .field("actions", &self.actions)
            .finish_non_exhaustive()
    }
}

impl<W: Write> PlanJson<W> {
    /// Starts the plan in `out`.
    pub fn new(out: W) -> PlanJson<W> {
        let mut json = JsonOut::new(out);
        json.raw(b"{");
        json.key(1, "actions", true);
        json.raw(b"[");
        PlanJson {
            json,
            actions: 0,
            failed: None,
        }
    }

    /// Writes one action, on a line of its own, as serde_json writes an
    /// [`Action`] compactly. A failure of the output is kept for
    /// [`PlanJson::finish`], so this can be called from a `diff_each` callback.
    pub fn action(&mut self, a: &Action) {
        if self.failed.is_some() {
            return;
        }
        let j = &mut self.json;
        if self.actions > 0 {
            j.raw(b",");
        }
        self.actions += 1;
        j.newline(2);
        j.raw(b"{\"action\":");
        j.string(a.kind.as_str());
        j.raw(b",\"email\":");
        j.string(&a.email);
        j.raw(b",\"row\":");
        match a.row {
            Some(row) => j.number(row),
            None => j.raw(b"null"),
        }
        j.raw(b",\"changes\":[");
        for (n, c) in a.changes.iter().enumerate() {
            if n > 0 {
                j.raw(b",");
            }
            j.raw(b"{\"field\":");
            j.string(&c.field);
            j.raw(b",\"old\":");
            j.string(&c.old);
            j.raw(b",\"new\":");
            j.string(&c.new);
            j.raw(b"}");
        }
        j.raw(b"],\"effective\":");
        match a.effective {
            Some(e) => j.string(&e.to_string()),
            None => j.raw(b"null"),
        }
        j.raw(b"}");
        if let Err(e) = j.maybe_flush() {
            self.failed = Some(e);
        }
    }

    /// Writes the rest of `plan` and returns the output.
    ///
    /// # Errors
    /// The first failure of the output, here or in an earlier
    /// [`PlanJson::action`].
    pub fn finish(self, plan: &Plan) -> io::Result<W> {
        let PlanJson {
            mut json,
            actions,
            failed,
        } = self;
        if let Some(e) = failed {
            return Err(e);
        }
        if actions > 0 {
            json.newline(1);
        }
        json.raw(b"]");
        json.head(1, &plan.report, Some(plan.previous), false);
        json.key(1, "summary", false);
        json.raw(b"{");
        let s = &plan.summary;
        for (n, (name, count)) in [
            ("onboard", s.onboard),
            ("update", s.update),
            ("deactivate", s.deactivate),
            ("unchanged", s.unchanged),
            ("absent", s.absent),
        ]
        .into_iter()
        .enumerate()
        {
            json.key(2, name, n == 0);
            json.number(count);
        }
        json.newline(1);
        json.raw(b"}");
        json.issues(1, &plan.report)?;
        json.raw(b"\n}\n");
        json.finish()
    }
}

/// Appends `s` as a JSON string, escaped as serde_json escapes it: `"` and `\`,
/// and control characters (`\b \t \n \f \r`, else `\u00XX`); everything else as is.
pub(crate) fn escaped(buf: &mut Vec<u8>, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    buf.push(b'"');
    let bytes = s.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b >= 0x20 && b != b'"' && b != b'\\' {
            continue;
        }
        buf.extend_from_slice(&bytes[start..i]);
        match b {
            b'"' => buf.extend_from_slice(b"\\\""),
            b'\\' => buf.extend_from_slice(b"\\\\"),
            0x08 => buf.extend_from_slice(b"\\b"),
            b'\t' => buf.extend_from_slice(b"\\t"),
            b'\n' => buf.extend_from_slice(b"\\n"),
            0x0C => buf.extend_from_slice(b"\\f"),
            b'\r' => buf.extend_from_slice(b"\\r"),
            _ => buf.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(b >> 4)],
                HEX[usize::from(b & 0xF)],
            ]),
        }
        start = i + 1;
    }
    buf.extend_from_slice(&bytes[start..]);
    buf.push(b'"');
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::{Config, Lang, Options, sample, validate};

    fn as_of() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    fn written(report: &Report) -> String {
        let mut out = Vec::new();
        report.write_json(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    proptest! {
        #[test]
        fn strings_are_escaped_as_serde_escapes_them(s in any::<String>()) {
            let mut buf = Vec::new();
            escaped(&mut buf, &s);
            prop_assert_eq!(String::from_utf8(buf).unwrap(), serde_json::to_string(&s).unwrap());
        }

        #[test]
        fn any_file_s_report_is_serde_s_json(cells in proptest::collection::vec("[a-z@.\"\\\\ ,\n\t\u{1}é-]{0,12}", 0..40)) {
            let mut file = String::from("Email,First name,Last name,Onboarding date,Language\n");
            for row in cells.chunks(5) {
                let quoted: Vec<String> = row.iter().map(|c| format!("\"{}\"", c.replace('"', "\"\""))).collect();
                file.push_str(&quoted.join(","));
                file.push('\n');
            }
            let report = validate(file.as_bytes(), &Config::default(), Options::new(as_of())).unwrap();
            for lang in Lang::ALL {
                let report = report.clone().with_lang(lang);
                prop_assert_eq!(written(&report), serde_json::to_string_pretty(&report).unwrap() + "\n");
            }
        }
    }

    /// Takes `room` bytes, then fails.
    struct Full {
        room: usize,
    }

    impl std::io::Write for Full {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if buf.len() > self.room {
                return Err(std::io::Error::other("disk full"));
            }
            self.room -= buf.len();
            Ok(buf.len())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_failed_write_stops_the_report_whichever_block_it_falls_in() {
        let mut file = Vec::new();
        sample::write_roster(&mut file, 20_000, 5, as_of()).unwrap();
        let report = validate(&file[..], &sample::config(), Options::new(as_of())).unwrap();
        let size = written(&report).len();
        for room in [0, 100, size / 3, size / 2, size - 2] {
            let failed = report.write_json(Full { room });
            assert_eq!(
                failed.map_err(|e| e.to_string()),
                Err("disk full".to_owned())
            );
        }
        assert!(report.write_json(Full { room: size }).is_ok());
    }

    #[test]
    fn a_roster_s_report_is_serde_s_json() {
        let mut file = Vec::new();
        // Blocks of 4096 issues, every other one made on a second thread: six of
        // them, the last one short.
        sample::write_roster(&mut file, 20_000, 5, as_of()).unwrap();
        let report = validate(&file[..], &sample::config(), Options::new(as_of())).unwrap();
        assert!((5 * 4096 + 1..6 * 4096).contains(&report.issues.len()));
        assert_eq!(
            written(&report),
            serde_json::to_string_pretty(&report).unwrap() + "\n"
        );
        let hidden = report.without_values();
        assert_eq!(
            written(&hidden),
            serde_json::to_string_pretty(&hidden).unwrap() + "\n"
        );
    }
}
