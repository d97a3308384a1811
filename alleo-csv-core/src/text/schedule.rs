//! The pickup schedule for people (`alleo-sync schedule`): the next pickups, and
//! when an offboarding date takes effect, in English, Dutch or German.

use std::io::{self, Write};

use chrono::{DateTime, Datelike, NaiveDate, Utc};

use crate::messages::Lang;
use crate::schedule::{deactivation_at, last_pickup_before_deactivation, pickups_after};

/// Writes the next `count` pickups after `now` and, for an offboarding date, when
/// the account is deactivated and the last pickup that can still change it.
///
/// ```
/// use alleo_csv_core::{Lang, text::schedule::write_schedule};
/// use chrono::{NaiveDate, TimeZone, Utc};
/// let now = Utc.with_ymd_and_hms(2026, 11, 25, 21, 0, 0).unwrap();
/// let mut out = Vec::new();
/// write_schedule(&mut out, now, 2, NaiveDate::from_ymd_opt(2026, 12, 31), Lang::Nl)?;
/// let text = String::from_utf8(out)?;
/// assert!(text.contains("do 2026-11-26 02:45 UTC   over 5u 45m"), "{text}");
/// assert!(text.contains("Uitdienstdatum 2026-12-31: het account wordt gedeactiveerd op do 2026-12-31 23:00 UTC."), "{text}");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// Whatever `out` returns.
pub fn write_schedule(
    out: &mut dyn Write,
    now: DateTime<Utc>,
    count: usize,
    offboarding: Option<NaiveDate>,
    lang: Lang,
) -> io::Result<()> {
    let t = ScheduleWords::of(lang);
    writeln!(out, "{}", t.daily)?;
    writeln!(out, "{}", (t.next_after)(&when(lang, now)))?;
    let pickups: Vec<_> = pickups_after(now).take(count.max(1)).collect();
    for p in &pickups {
        let wait = p.at - now;
        let wait = (t.wait)(wait.num_hours(), wait.num_minutes() % 60);
        writeln!(out, "  {}   {wait}", when(lang, p.at))?;
    }
    if let Some(first) = pickups.first() {
        let read = (t.read_at)(&when(lang, first.at), &first.date().to_string());
        writeln!(out, "{read}")?;
    }
    if let Some(date) = offboarding {
        let at = deactivation_at(date);
        writeln!(
            out,
            "\n{}",
            (t.deactivated)(&date.to_string(), &when(lang, at))
        )?;
        if let Some(last) = last_pickup_before_deactivation(date) {
            writeln!(out, "{}", (t.last_change)(&when(lang, last.at)))?;
        }
        if at <= now {
            writeln!(out, "{}", t.passed)?;
        }
    }
    Ok(())
}

/// `Thu 2026-11-26 02:45 UTC`, with the weekday in `lang`.
pub fn when(lang: Lang, at: DateTime<Utc>) -> String {
    let day = at.weekday().num_days_from_monday() as usize;
    let weekday = ScheduleWords::of(lang).weekdays[day];
    format!("{weekday} {}", at.format("%Y-%m-%d %H:%M UTC"))
}

/// The words of the schedule in one language.
struct ScheduleWords {
    weekdays: [&'static str; 7],
    daily: &'static str,
    next_after: fn(&str) -> String,
    wait: fn(i64, i64) -> String,
    read_at: fn(&str, &str) -> String,
    deactivated: fn(&str, &str) -> String,
    last_change: fn(&str) -> String,
    passed: &'static str,
}

impl ScheduleWords {
    fn of(lang: Lang) -> &'static ScheduleWords {
        match lang {
            Lang::En => &EN,
            Lang::Nl => &NL,
            Lang::De => &DE,
        }
    }
}

static EN: ScheduleWords = ScheduleWords {
    weekdays: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    daily: "Alleo picks up the file at 02:45 and 20:00 UTC every day.",
    next_after: |now| format!("Next pickups after {now}:"),
    wait: |h, m| format!("in {h}h {m:02}m"),
    read_at: |at, date| {
        format!("A file uploaded now is read at {at}; the rules that say \"today\" use {date}.")
    },
    deactivated: |date, at| format!("Offboarding date {date}: the account is deactivated at {at}."),
    last_change: |at| format!("The last pickup that can still change that date is {at}."),
    passed: "That moment has passed: the account is already deactivated.",
};

static NL: ScheduleWords = ScheduleWords {
    weekdays: ["ma", "di", "wo", "do", "vr", "za", "zo"],
    daily: "Alleo haalt het bestand elke dag op om 02:45 en 20:00 UTC.",
    next_after: |now| format!("Volgende ophaalmomenten na {now}:"),
    wait: |h, m| format!("over {h}u {m:02}m"),
    read_at: |at, date| {
        format!(
            "Een bestand dat nu wordt geüpload, wordt gelezen op {at}; de regels die \"vandaag\" zeggen gebruiken {date}."
        )
    },
    deactivated: |date, at| {
        format!("Uitdienstdatum {date}: het account wordt gedeactiveerd op {at}.")
    },
    last_change: |at| format!("Het laatste ophaalmoment dat die datum nog kan wijzigen is {at}."),
    passed: "Dat moment is voorbij: het account is al gedeactiveerd.",
};

static DE: ScheduleWords = ScheduleWords {
    weekdays: ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"],
    daily: "Alleo holt die Datei jeden Tag um 02:45 und 20:00 UTC ab.",
    next_after: |now| format!("Nächste Abholungen nach {now}:"),
    wait: |h, m| format!("in {h} Std. {m:02} Min."),
    read_at: |at, date| {
        format!(
            "Eine jetzt hochgeladene Datei wird am {at} gelesen; die Regeln, die \"heute\" sagen, verwenden {date}."
        )
    },
    deactivated: |date, at| format!("Austrittsdatum {date}: Das Konto wird am {at} deaktiviert."),
    last_change: |at| {
        format!("Die letzte Abholung, die dieses Datum noch ändern kann, ist am {at}.")
    },
    passed: "Dieser Zeitpunkt ist vorbei: Das Konto ist bereits deaktiviert.",
};
