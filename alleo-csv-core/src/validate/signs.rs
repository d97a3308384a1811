//! Signs in the header row that the file is not what Alleo reads: Excel's `sep=`
//! line, another delimiter, UTF-16.

use crate::read::Record;

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

pub(super) fn looks_like_utf16(r: &Record<'_>) -> bool {
    (r.start == 0 && (r.bytes.starts_with(b"\xFF\xFE") || r.bytes.starts_with(b"\xFE\xFF")))
        || r.bytes.contains(&0)
}
