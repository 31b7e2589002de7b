//! Sweden's public holidays: the allmänna helgdagar of lag (1989:253) om allmänna helgdagar.
//!
//! Thirteen named days a year. Fixed: nyårsdagen (1 January), trettondedag jul (6 January),
//! första maj (1 May), Sveriges nationaldag (6 June), juldagen (25 December) and annandag jul
//! (26 December). Moving with Easter: långfredagen (the Friday before), påskdagen, annandag påsk
//! (the Monday after), Kristi himmelsfärdsdag (39 days after) and pingstdagen (49 days after).
//! On a Saturday: midsommardagen (the Saturday 20–26 June) and alla helgons dag (the Saturday
//! 31 October – 6 November). Easter Sunday is the Gregorian computus (the anonymous Gregorian
//! algorithm, Meeus/Jones/Butcher), so years are only known from 1583 to 9999; outside that range
//! there are no holidays here, only weekends.
//!
//! The law also makes every Sunday a helgdag; [`holidays`] lists the named days only, and
//! [`is_weekend_or_holiday`] is what counts every Sunday. The eves (julafton, nyårsafton,
//! midsommarafton, påskafton) are not helgdagar in the law, however many people have them off,
//! so they are not here.
//!
//! The current law is applied to every year: Sveriges nationaldag has been a public holiday
//! since 2005, when annandag pingst stopped being one, and a past year gets what today's law
//! would give it, not what was kept then.
//!
//! Pay needs this because a kontaktfamilj's arvode is doubled for Saturdays, Sundays and public
//! holidays within the first 14 days of a stay, so it must tell a "red day" from a weekday:
//! [`is_weekend_or_holiday`]. That is called per day, so it allocates nothing: it works out the
//! day's year's thirteen dates on the stack and compares.

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// The years [`easter_sunday`] knows: from the first whole year of the Gregorian calendar.
const YEARS: std::ops::RangeInclusive<i32> = 1583..=9999;

/// Easter Sunday of `year` in the Gregorian calendar (the anonymous Gregorian algorithm, as in
/// Meeus, *Astronomical Algorithms*). `None` outside 1583..=9999.
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    if !YEARS.contains(&year) {
        return None;
    }
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let n = h + l - 7 * m + 114;
    let month = u32::try_from(n / 31).ok()?;
    let day = u32::try_from(n % 31 + 1).ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// The year's public holidays with their Swedish names, sorted by date. Two can fall on one
/// date (Kristi himmelsfärdsdag on första maj, as in 2008; pingstdagen on Sveriges nationaldag,
/// as in 2049): then both are listed, första maj before Kristi himmelsfärdsdag and pingstdagen
/// before Sveriges nationaldag. Empty when [`easter_sunday`] is `None`.
pub fn holidays(year: i32) -> Vec<(NaiveDate, &'static str)> {
    let Some(days) = table(year) else {
        return Vec::new();
    };
    let mut v = days.to_vec();
    // Stable: days on one date keep the table's order, which `holiday_name` also follows.
    v.sort_by_key(|(d, _)| *d);
    v
}

/// Whether `d` is one of the named public holidays of [`holidays`] (a Sunday as such is not:
/// see [`is_weekend_or_holiday`]).
pub fn is_public_holiday(d: NaiveDate) -> bool {
    holiday_name(d).is_some()
}

/// The Swedish name of the public holiday on `d`, if it is one; when two fall on the date, the
/// one [`holidays`] lists first.
pub fn holiday_name(d: NaiveDate) -> Option<&'static str> {
    table(d.year())?
        .iter()
        .find(|(day, _)| *day == d)
        .map(|(_, name)| *name)
}

/// Saturday, Sunday or a public holiday (a "red day").
pub fn is_weekend_or_holiday(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun) || is_public_holiday(d)
}

/// The year's thirteen holidays in a fixed order, a usual year's (not sorted: [`holidays`] sorts);
/// `None` when Easter is not known for the year.
fn table(year: i32) -> Option<[(NaiveDate, &'static str); 13]> {
    let easter = easter_sunday(year)?;
    let on = |month, day| NaiveDate::from_ymd_opt(year, month, day);
    let after_easter = |days| easter.checked_add_days(Days::new(days));
    Some([
        (on(1, 1)?, "Nyårsdagen"),
        (on(1, 6)?, "Trettondedag jul"),
        (easter.checked_sub_days(Days::new(2))?, "Långfredagen"),
        (easter, "Påskdagen"),
        (after_easter(1)?, "Annandag påsk"),
        (on(5, 1)?, "Första maj"),
        (after_easter(39)?, "Kristi himmelsfärdsdag"),
        (after_easter(49)?, "Pingstdagen"),
        (on(6, 6)?, "Sveriges nationaldag"),
        (saturday_from(on(6, 20)?)?, "Midsommardagen"),
        (saturday_from(on(10, 31)?)?, "Alla helgons dag"),
        (on(12, 25)?, "Juldagen"),
        (on(12, 26)?, "Annandag jul"),
    ])
}

/// The first Saturday on or after `d`.
fn saturday_from(d: NaiveDate) -> Option<NaiveDate> {
    let saturday = Weekday::Sat.num_days_from_monday();
    let ahead = (saturday + 7 - d.weekday().num_days_from_monday()) % 7;
    d.checked_add_days(Days::new(u64::from(ahead)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::{BTreeMap, BTreeSet};

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn easter_on_known_dates() {
        for (year, date) in [
            (1583, "1583-04-10"),
            (1818, "1818-03-22"), // the earliest possible
            (1943, "1943-04-25"), // the latest possible
            (2000, "2000-04-23"),
            (2008, "2008-03-23"),
            (2024, "2024-03-31"),
            (2025, "2025-04-20"),
            (2026, "2026-04-05"),
            (2027, "2027-03-28"),
            (2038, "2038-04-25"),
            (2285, "2285-03-22"),
        ] {
            assert_eq!(easter_sunday(year), Some(day(date)), "{year}");
        }
    }

    #[test]
    fn no_easter_outside_the_gregorian_years() {
        for year in [i32::MIN, -1, 0, 1582, 10_000, i32::MAX] {
            assert_eq!(easter_sunday(year), None, "{year}");
            assert!(holidays(year).is_empty(), "{year}");
        }
        assert!(easter_sunday(9999).is_some());
        assert_eq!(holidays(9999).len(), 13);
    }

    #[test]
    fn the_holidays_of_2026() {
        let want = [
            ("2026-01-01", "Nyårsdagen"),
            ("2026-01-06", "Trettondedag jul"),
            ("2026-04-03", "Långfredagen"),
            ("2026-04-05", "Påskdagen"),
            ("2026-04-06", "Annandag påsk"),
            ("2026-05-01", "Första maj"),
            ("2026-05-14", "Kristi himmelsfärdsdag"),
            ("2026-05-24", "Pingstdagen"),
            ("2026-06-06", "Sveriges nationaldag"),
            ("2026-06-20", "Midsommardagen"),
            ("2026-10-31", "Alla helgons dag"),
            ("2026-12-25", "Juldagen"),
            ("2026-12-26", "Annandag jul"),
        ];
        let want: Vec<(NaiveDate, &str)> = want.iter().map(|(d, n)| (day(d), *n)).collect();
        assert_eq!(holidays(2026), want);
        for (d, n) in want {
            assert!(is_public_holiday(d), "{d}");
            assert_eq!(holiday_name(d), Some(n));
            assert!(is_weekend_or_holiday(d), "{d}");
        }
    }

    #[test]
    fn midsommardagen_and_alla_helgons_dag_are_saturdays() {
        assert_eq!(holiday_name(day("2026-06-20")), Some("Midsommardagen"));
        assert_eq!(holiday_name(day("2026-10-31")), Some("Alla helgons dag"));
        assert_eq!(holiday_name(day("2025-06-21")), Some("Midsommardagen"));
        assert_eq!(holiday_name(day("2025-11-01")), Some("Alla helgons dag"));
        assert_eq!(holiday_name(day("2027-11-06")), Some("Alla helgons dag"));
        assert_eq!(holiday_name(day("2026-06-24")), None);
        assert_eq!(holiday_name(day("2026-11-01")), None);
    }

    #[test]
    fn eves_and_annandag_pingst_are_not_holidays() {
        // Midsommarafton, julafton, nyårsafton (Fridays and a Thursday in 2026), annandag pingst.
        for d in ["2026-06-19", "2026-12-24", "2026-12-31", "2026-05-25"] {
            assert!(!is_public_holiday(day(d)), "{d}");
            assert!(!is_weekend_or_holiday(day(d)), "{d}");
            assert_eq!(holiday_name(day(d)), None);
        }
        // Påskafton is a Saturday: red, but as a weekend day.
        assert!(!is_public_holiday(day("2026-04-04")));
        assert!(is_weekend_or_holiday(day("2026-04-04")));
    }

    #[test]
    fn weekends_are_red_and_weekdays_are_not() {
        assert!(is_weekend_or_holiday(day("2026-03-07"))); // Saturday
        assert!(is_weekend_or_holiday(day("2026-03-08"))); // Sunday
        assert!(!is_public_holiday(day("2026-03-08")));
        assert!(!is_weekend_or_holiday(day("2026-03-09"))); // Monday
        assert!(is_weekend_or_holiday(day("2026-04-06"))); // Annandag påsk, a Monday
        assert!(is_weekend_or_holiday(day("2026-05-14"))); // Kristi himmelsfärdsdag, a Thursday
    }

    #[test]
    fn two_holidays_on_one_date_are_both_listed() {
        let y2008 = holidays(2008);
        assert_eq!(y2008.len(), 13);
        let may_first: Vec<&str> = y2008
            .iter()
            .filter(|(d, _)| *d == day("2008-05-01"))
            .map(|(_, n)| *n)
            .collect();
        assert_eq!(may_first, ["Första maj", "Kristi himmelsfärdsdag"]);
        assert_eq!(holiday_name(day("2008-05-01")), Some("Första maj"));

        let y2049 = holidays(2049);
        let june_sixth: Vec<&str> = y2049
            .iter()
            .filter(|(d, _)| *d == day("2049-06-06"))
            .map(|(_, n)| *n)
            .collect();
        assert_eq!(june_sixth, ["Pingstdagen", "Sveriges nationaldag"]);
        assert_eq!(holiday_name(day("2049-06-06")), Some("Pingstdagen"));
    }

    #[test]
    fn chronos_extremes_do_not_panic() {
        for d in [
            NaiveDate::MIN,
            NaiveDate::MAX,
            day("1582-12-31"),
            day("1583-01-01"),
            day("9999-12-31"),
            NaiveDate::from_ymd_opt(10_000, 1, 1).unwrap(),
        ] {
            let _ = is_weekend_or_holiday(d);
            let _ = holiday_name(d);
            assert_eq!(
                is_public_holiday(d),
                holidays(d.year()).iter().any(|(x, _)| *x == d)
            );
        }
        assert!(holidays(NaiveDate::MIN.year()).is_empty());
        assert!(holidays(NaiveDate::MAX.year()).is_empty());
        assert!(is_public_holiday(day("1583-01-01")));
        assert!(is_public_holiday(day("9999-12-26")));
    }

    /// The fixture is made by scripts/gen-public-holidays-fixture.py from python-dateutil's
    /// Easter and Python's `datetime`: an implementation independent of this one.
    #[test]
    fn matches_the_independent_fixture_1900_to_2100() {
        let text = include_str!("../../tests/fixtures/public_holidays_sv.txt");
        let mut by_year: BTreeMap<i32, Vec<(NaiveDate, &str)>> = BTreeMap::new();
        for (i, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let (date, name) = line
                .split_once('\t')
                .unwrap_or_else(|| panic!("fixture line {}: no tab: {line:?}", i + 1));
            let date: NaiveDate = date
                .parse()
                .unwrap_or_else(|e| panic!("fixture line {}: {e}: {line:?}", i + 1));
            by_year.entry(date.year()).or_default().push((date, name));
        }
        let years: Vec<i32> = by_year.keys().copied().collect();
        assert_eq!(years, (1900..=2100).collect::<Vec<_>>());
        for (year, want) in by_year {
            assert_eq!(holidays(year), want, "{year}");
            for (d, _) in &want {
                assert!(is_public_holiday(*d), "{d}");
            }
        }
    }

    fn any_date() -> impl Strategy<Value = NaiveDate> {
        (NaiveDate::MIN.num_days_from_ce()..=NaiveDate::MAX.num_days_from_ce())
            .prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap())
    }

    fn date_in(year: i32) -> impl Strategy<Value = NaiveDate> {
        (0u64..366).prop_map(move |n| {
            let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap();
            first
                .checked_add_days(Days::new(n))
                .filter(|d| d.year() == year)
                .unwrap_or(first)
        })
    }

    proptest! {
        #[test]
        fn easter_is_a_sunday_from_march_22_to_april_25(year in 1583i32..=9999) {
            let e = easter_sunday(year).unwrap();
            prop_assert_eq!(e.weekday(), Weekday::Sun);
            prop_assert_eq!(e.year(), year);
            prop_assert!(e >= NaiveDate::from_ymd_opt(year, 3, 22).unwrap(), "{}", e);
            prop_assert!(e <= NaiveDate::from_ymd_opt(year, 4, 25).unwrap(), "{}", e);
        }

        #[test]
        fn thirteen_sorted_holidays_in_the_year(year in 1583i32..=9999) {
            let h = holidays(year);
            prop_assert_eq!(h.len(), 13);
            prop_assert!(h.iter().all(|(d, _)| d.year() == year));
            prop_assert!(h.windows(2).all(|w| w[0].0 <= w[1].0), "{:?}", h);
            let names: BTreeSet<&str> = h.iter().map(|(_, n)| *n).collect();
            prop_assert_eq!(names.len(), 13);
            // Distinct dates, but for the two pairs that can share one.
            let named = |name: &str| h.iter().find(|(_, n)| *n == name).map(|(d, _)| *d);
            let shared = usize::from(named("Kristi himmelsfärdsdag") == named("Första maj"))
                + usize::from(named("Pingstdagen") == named("Sveriges nationaldag"));
            let dates: BTreeSet<NaiveDate> = h.iter().map(|(d, _)| *d).collect();
            prop_assert_eq!(dates.len(), 13 - shared);
            for (d, n) in &h {
                let weekday = match *n {
                    "Långfredagen" => Some(Weekday::Fri),
                    "Påskdagen" | "Pingstdagen" => Some(Weekday::Sun),
                    "Annandag påsk" => Some(Weekday::Mon),
                    "Kristi himmelsfärdsdag" => Some(Weekday::Thu),
                    "Midsommardagen" | "Alla helgons dag" => Some(Weekday::Sat),
                    _ => None,
                };
                if let Some(w) = weekday {
                    prop_assert_eq!(d.weekday(), w, "{} {}", d, n);
                }
            }
        }

        #[test]
        fn the_predicates_agree_with_the_list(d in any_date()) {
            let listed = holidays(d.year());
            let first = listed.iter().find(|(x, _)| *x == d).map(|(_, n)| *n);
            prop_assert_eq!(holiday_name(d), first);
            prop_assert_eq!(is_public_holiday(d), first.is_some());
            let weekend = matches!(d.weekday(), Weekday::Sat | Weekday::Sun);
            prop_assert_eq!(is_weekend_or_holiday(d), weekend || first.is_some());
        }

        #[test]
        fn the_predicates_agree_with_the_list_in_known_years(
            d in (1583i32..=9999).prop_flat_map(date_in)
        ) {
            let listed = holidays(d.year());
            let first = listed.iter().find(|(x, _)| *x == d).map(|(_, n)| *n);
            prop_assert_eq!(holiday_name(d), first);
            prop_assert_eq!(is_public_holiday(d), first.is_some());
        }
    }
}
