//! "Did you mean": the closest of a few known words to a near miss.

/// The candidate closest to `input`, if it is close enough to be a likely typo:
/// equal ignoring case, or within an edit distance of a third of its length
/// (at most 3). Ties go to the earlier candidate.
///
/// ```
/// use alleo_csv_core::did_you_mean::closest;
/// assert_eq!(closest("Enginering", ["Engineering", "Sales"]), Some("Engineering"));
/// assert_eq!(closest("marketing", ["Engineering", "Sales"]), None);
/// ```
pub fn closest<'a, I>(input: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let needle = input.trim().to_lowercase();
    if needle.is_empty() {
        return None;
    }
    let mut best: Option<(usize, &'a str)> = None;
    for candidate in candidates {
        let folded = candidate.to_lowercase();
        let distance = if folded == needle {
            0
        } else {
            edit_distance(&needle, &folded)
        };
        let limit = (folded.chars().count() / 3).clamp(1, 3);
        if distance <= limit && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// Levenshtein distance between two strings, counted in characters, with an
/// adjacent swap counting as one edit (optimal string alignment).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut rows = vec![0usize; (a.len() + 1) * width];
    for (j, cell) in rows.iter_mut().enumerate().take(width) {
        *cell = j;
    }
    for i in 1..=a.len() {
        rows[i * width] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[(i - 1) * width + j] + 1)
                .min(rows[i * width + j - 1] + 1)
                .min(rows[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[(i - 2) * width + j - 2] + 1);
            }
            rows[i * width + j] = d;
        }
    }
    rows[a.len() * width + b.len()]
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn distances() {
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("sales", "sales"), 0);
        assert_eq!(edit_distance("slaes", "sales"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn case_only_differences_win() {
        assert_eq!(closest("sales", ["Sale", "Sales"]), Some("Sales"));
        assert_eq!(closest("  ", ["Sales"]), None);
    }

    proptest! {
        #[test]
        fn distance_is_symmetric_and_bounded(a in "\\PC{0,12}", b in "\\PC{0,12}") {
            let d = edit_distance(&a, &b);
            prop_assert_eq!(d, edit_distance(&b, &a));
            prop_assert!(d <= a.chars().count().max(b.chars().count()));
            prop_assert_eq!(edit_distance(&a, &a), 0);
        }
    }
}
