//! Signs in the header row that the file is not what Alleo reads: Excel's `sep=`
//! line, another delimiter, UTF-16, a workbook.

use crate::read::Record;
use crate::transform::Kind;

/// The delimiter Excel's own first line `sep=X` names, when the "header" is that
/// line (read with commas: `sep=,` is two fields, the second empty).
pub(super) fn sep_line(headers: &[String]) -> Option<char> {
    let first = headers.first()?.trim();
    let rest = first
        .strip_prefix("sep=")
        .or_else(|| first.strip_prefix("SEP="))?;
    let mut chars = rest.chars();
    match (chars.next(), chars.next(), headers.len()) {
        (None, None, 2) if headers[1].is_empty() => Some(','),
        (Some(c), None, 1) if matches!(c, ';' | '\t' | '|') => Some(c),
        _ => None,
    }
}

/// A header written with `;`, tab or `|` instead of commas: the separator that
/// occurs more often than commas do.
pub(super) fn foreign_delimiter(headers: &[String]) -> Option<char> {
    let commas = headers.len() - 1;
    [';', '\t', '|']
        .into_iter()
        .map(|c| {
            (
                headers.iter().map(|h| h.matches(c).count()).sum::<usize>(),
                c,
            )
        })
        .filter(|&(n, _)| n > commas)
        .max_by_key(|&(n, _)| n)
        .map(|(_, c)| c)
}

/// What a first row that is not text says the file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum NotText {
    /// Text saved as UTF-16: it starts with UTF-16's byte order mark.
    Utf16,
    /// An Excel workbook, `.xlsx` or old `.xls`, told as `transform` tells one
    /// ([`Kind::of`]).
    Workbook,
    /// Anything else with NUL bytes (an archive, a picture, UTF-16 without a
    /// mark), or a gzip archive.
    Binary,
}

/// What the file is, when its first row `r` shows it is not text.
pub(super) fn not_text(r: &Record<'_>) -> Option<NotText> {
    // The signs stand at the start of the file.
    let head = if r.start == 0 { r.bytes } else { &[] };
    if head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF") {
        Some(NotText::Utf16)
    } else if Kind::of(head) != Kind::Csv {
        Some(NotText::Workbook)
    } else {
        (head.starts_with(b"\x1F\x8B") || r.bytes.contains(&0)).then_some(NotText::Binary)
    }
}
