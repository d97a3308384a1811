//! Alleo's pickup schedule (SPEC section 3) as pure functions of an instant.
//!
//! Alleo picks the file up at 02:45 and 20:00 UTC every day, and deactivates an
//! offboarded employee at 23:00 UTC on the offboarding date. Nothing here reads the
//! clock: every function takes the instant it reasons about.

use std::fmt;

use chrono::{DateTime, Days, NaiveDate, NaiveTime, TimeZone, Utc};

/// The two daily pickups, in UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PickupSlot {
    /// 02:45 UTC.
    Night,
    /// 20:00 UTC.
    Evening,
}

impl PickupSlot {
    /// Both slots, earliest first.
    pub const ALL: [PickupSlot; 2] = [PickupSlot::Night, PickupSlot::Evening];

    /// The slot's time of day in UTC.
    pub fn time(self) -> NaiveTime {
        match self {
            PickupSlot::Night => NaiveTime::from_hms_opt(2, 45, 0),
            PickupSlot::Evening => NaiveTime::from_hms_opt(20, 0, 0),
        }
        .unwrap_or(NaiveTime::MIN)
    }
}

/// One pickup: the moment Alleo reads the folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pickup {
    /// When the pickup happens.
    pub at: DateTime<Utc>,
    /// Which of the two daily pickups it is.
    pub slot: PickupSlot,
}

impl Pickup {
    /// The UTC date of the pickup: the "today" the rules are checked against.
    pub fn date(&self) -> NaiveDate {
        self.at.date_naive()
    }

    /// The pickup on `date` in `slot`.
    pub fn on(date: NaiveDate, slot: PickupSlot) -> Pickup {
        Pickup {
            at: Utc.from_utc_datetime(&date.and_time(slot.time())),
            slot,
        }
    }
}

impl fmt::Display for Pickup {
    /// `Thu 2026-11-26 02:45 UTC`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.at.format("%a %Y-%m-%d %H:%M UTC"))
    }
}

/// The first pickup strictly after `now`.
///
/// A file uploaded at 21:00 UTC is read at 02:45 UTC the next day, so the rules
/// that say "today" mean that next day:
///
/// ```
/// use alleo_csv_core::schedule::next_pickup;
/// use chrono::{TimeZone, Utc};
/// let p = next_pickup(Utc.with_ymd_and_hms(2026, 11, 25, 21, 0, 0).unwrap());
/// assert_eq!(p.at, Utc.with_ymd_and_hms(2026, 11, 26, 2, 45, 0).unwrap());
/// assert_eq!(p.date().to_string(), "2026-11-26");
/// ```
pub fn next_pickup(now: DateTime<Utc>) -> Pickup {
    pickups_after(now)
        .next()
        .unwrap_or_else(|| Pickup::on(NaiveDate::MAX, PickupSlot::Night))
}

/// Every pickup strictly after `now`, in order (an endless iterator; take what you
/// need).
///
/// ```
/// use alleo_csv_core::schedule::pickups_after;
/// use chrono::{TimeZone, Utc};
/// let next: Vec<String> = pickups_after(Utc.with_ymd_and_hms(2026, 11, 25, 12, 0, 0).unwrap())
///     .take(3).map(|p| p.to_string()).collect();
/// assert_eq!(next, ["Wed 2026-11-25 20:00 UTC", "Thu 2026-11-26 02:45 UTC", "Thu 2026-11-26 20:00 UTC"]);
/// ```
pub fn pickups_after(now: DateTime<Utc>) -> impl Iterator<Item = Pickup> {
    let first_day = now.date_naive();
    (0u64..)
        .map_while(move |d| first_day.checked_add_days(Days::new(d)))
        .flat_map(|day| PickupSlot::ALL.map(|slot| Pickup::on(day, slot)))
        .filter(move |p| p.at > now)
}

/// The moment an employee with this offboarding date is deactivated: 23:00 UTC on
/// that date.
///
/// ```
/// use alleo_csv_core::schedule::deactivation_at;
/// let d = chrono::NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
/// assert_eq!(deactivation_at(d).to_rfc3339(), "2026-12-31T23:00:00+00:00");
/// ```
pub fn deactivation_at(offboarding: NaiveDate) -> DateTime<Utc> {
    let eleven = NaiveTime::from_hms_opt(23, 0, 0).unwrap_or(NaiveTime::MIN);
    Utc.from_utc_datetime(&offboarding.and_time(eleven))
}

/// The last pickup that still happens before the deactivation, i.e. the last chance
/// for a file to change the offboarding date while the account is active. `None`
/// when there is no pickup before it (never, with this schedule).
pub fn last_pickup_before_deactivation(offboarding: NaiveDate) -> Option<Pickup> {
    let deadline = deactivation_at(offboarding);
    PickupSlot::ALL
        .iter()
        .rev()
        .map(|&slot| Pickup::on(offboarding, slot))
        .find(|p| p.at < deadline)
}

/// Whether an account with this offboarding date is already deactivated when the
/// file is read on `as_of`: its offboarding date is before `as_of`, or equal to it
/// with the pickup at or after 23:00 UTC (never, with today's schedule).
pub fn is_deactivated(offboarding: NaiveDate, as_of: Pickup) -> bool {
    deactivation_at(offboarding) <= as_of.at
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
    }

    #[test]
    fn next_pickup_around_the_clock() {
        assert_eq!(
            next_pickup(at(2026, 11, 25, 0, 0)).at,
            at(2026, 11, 25, 2, 45)
        );
        assert_eq!(
            next_pickup(at(2026, 11, 25, 2, 45)).at,
            at(2026, 11, 25, 20, 0)
        );
        assert_eq!(
            next_pickup(at(2026, 11, 25, 19, 59)).slot,
            PickupSlot::Evening
        );
        assert_eq!(
            next_pickup(at(2026, 12, 31, 20, 0)).at,
            at(2027, 1, 1, 2, 45)
        );
    }

    #[test]
    fn deactivation() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let p = last_pickup_before_deactivation(d).unwrap();
        assert_eq!(p.at, at(2026, 12, 1, 20, 0));
        assert!(!is_deactivated(d, Pickup::on(d, PickupSlot::Evening)));
        assert!(is_deactivated(
            d,
            Pickup::on(d.succ_opt().unwrap(), PickupSlot::Night)
        ));
    }

    proptest! {
        #[test]
        fn next_pickup_is_after_now_and_within_a_day(secs in 0i64..4_000_000_000) {
            let now = DateTime::from_timestamp(secs, 0).unwrap();
            let p = next_pickup(now);
            prop_assert!(p.at > now);
            prop_assert!(p.at - now <= chrono::Duration::hours(19));
            // No pickup lies between now and the one returned.
            prop_assert!(pickups_after(now).take_while(|q| q.at < p.at).next().is_none());
        }
    }
}
