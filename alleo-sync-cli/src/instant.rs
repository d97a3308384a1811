//! Reading dates and instants from the command line (always UTC).

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};

/// Parses `YYYY-MM-DD` (exactly, like the file's dates).
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    alleo_csv_core::rules::date::parse_date(s.trim())
        .map_err(|_| format!("`{s}` is not a date in the form YYYY-MM-DD, like 2026-12-31"))
}

/// Parses an instant in UTC: RFC 3339 (`2026-11-25T21:00:00Z`, `...+01:00`),
/// `YYYY-MM-DDTHH:MM[:SS]` or `YYYY-MM-DD HH:MM[:SS]` (taken as UTC), or a date
/// (midnight UTC).
pub fn parse_instant(s: &str) -> Result<DateTime<Utc>, String> {
    let s = s.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Ok(t.with_timezone(&Utc));
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, format) {
            return Ok(Utc.from_utc_datetime(&t));
        }
    }
    if let Ok(d) = parse_date(s) {
        return Ok(Utc.from_utc_datetime(&d.and_time(NaiveTime::MIN)));
    }
    Err(format!(
        "`{s}` is not an instant; write it like 2026-11-25T21:00:00Z, 2026-11-25 21:00 (UTC) or 2026-11-25"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants() {
        let want = Utc.with_ymd_and_hms(2026, 11, 25, 21, 0, 0).unwrap();
        for s in [
            "2026-11-25T21:00:00Z",
            "2026-11-25T22:00:00+01:00",
            "2026-11-25 21:00",
            "2026-11-25T21:00",
        ] {
            assert_eq!(parse_instant(s), Ok(want), "{s}");
        }
        assert_eq!(
            parse_instant("2026-11-25").unwrap().to_rfc3339(),
            "2026-11-25T00:00:00+00:00"
        );
        let said = parse_instant("tomorrow").unwrap_err();
        assert!(said.contains("2026-11-25T21:00:00Z"), "{said}");
        assert!(parse_date("25-11-2026").is_err());
    }
}
