//! How many dygn a kontaktfamilj's stays make. A dygn is a day and a night; SKR's
//! recommendation for kontaktfamiljer counts a stay from Friday to Sunday as 2½ dygn. Read as
//! a rule of days: the day the child comes counts ½ (they come in the afternoon), every later
//! day of the stay counts 1, so a stay over `n` calendar days is `n - ½` dygn, and a day visit
//! is ½. Times, when reported, move the halves: coming before noon makes the first day whole,
//! leaving at or before noon makes the last day a half.
//!
//! Stays that overlap or touch (one begins on the day another ends) are one continuous stay:
//! each day is counted once, and the days are numbered from the first, since the arvode is
//! doubled on weekends and holidays only within a continuous stay's first 14 days
//! (`payroll::stay_pay`). A stay that runs into the next month is reported once, in the month
//! it begins.

use chrono::NaiveDate;

use crate::model::report::{ClockTime, Stay};

/// One day of a continuous stay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StayDay {
    pub date: NaiveDate,
    /// The day's weight in halves of a dygn: 1 or 2.
    pub halves: u32,
    /// Its place in the continuous stay: 1 for the first day.
    pub nth: u32,
}

pub use crate::model::report::MAX_STAY_DAYS;

/// The days of `stays`, in date order, each counted once.
pub fn days_of(stays: &[Stay]) -> Vec<StayDay> {
    // Every (date, halves) a stay gives; a day two stays share takes the larger weight.
    let mut weights: Vec<(NaiveDate, u32)> = Vec::new();
    for s in stays {
        let span = (s.to - s.from).num_days();
        if !(0..MAX_STAY_DAYS).contains(&span) {
            continue;
        }
        for (i, date) in s.from.iter_days().take(span as usize + 1).enumerate() {
            let first = i == 0;
            let last = date == s.to;
            let halves = if first && last {
                // A day visit, however long: no night.
                1
            } else if first {
                if s.arrived.is_some_and(|t| t < ClockTime::NOON) {
                    2
                } else {
                    1
                }
            } else if last && s.left.is_some_and(|t| t <= ClockTime::NOON) {
                1
            } else {
                2
            };
            weights.push((date, halves));
        }
    }
    weights.sort();
    let mut out: Vec<StayDay> = Vec::new();
    for (date, halves) in weights {
        match out.last_mut() {
            Some(prev) if prev.date == date => prev.halves = prev.halves.max(halves),
            Some(prev) if prev.date.succ_opt() == Some(date) && continues(stays, date) => {
                let nth = prev.nth + 1;
                out.push(StayDay { date, halves, nth })
            }
            _ => out.push(StayDay {
                date,
                halves,
                nth: 1,
            }),
        }
    }
    out
}

/// Is `date` a day after the first of some stay (so the stay goes on from the day before)?
fn continues(stays: &[Stay], date: NaiveDate) -> bool {
    stays.iter().any(|s| s.from < date && date <= s.to)
}

/// The dygn of `days`, in halves.
pub fn halves(days: &[StayDay]) -> u32 {
    days.iter().map(|d| d.halves).sum()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use proptest::prelude::*;

    pub(crate) fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// A stay from one day to another, with no times.
    pub(crate) fn stay(from: &str, to: &str) -> Stay {
        Stay {
            from: d(from).into(),
            to: d(to).into(),
            arrived: None,
            left: None,
        }
    }

    /// SKR (as familjehemmet.se summarises its kontaktfamilj recommendation): Friday to Sunday
    /// is 2½ dygn.
    #[test]
    fn friday_to_sunday_is_two_and_a_half_dygn() {
        let days = days_of(&[stay("2026-10-09", "2026-10-11")]);
        assert_eq!(halves(&days), 5);
        assert_eq!(
            days.iter().map(|x| (x.halves, x.nth)).collect::<Vec<_>>(),
            [(1, 1), (2, 2), (2, 3)]
        );
    }

    #[test]
    fn times_move_the_halves() {
        let mut s = stay("2026-10-09", "2026-10-11");
        s.arrived = Some("10:00".parse().unwrap());
        assert_eq!(halves(&days_of(&[s.clone()])), 6);
        s.left = Some("11:30".parse().unwrap());
        assert_eq!(halves(&days_of(&[s.clone()])), 5);
        s.arrived = Some("17:00".parse().unwrap());
        assert_eq!(halves(&days_of(&[s])), 4);
        assert_eq!(halves(&days_of(&[stay("2026-10-09", "2026-10-09")])), 1);
    }

    #[test]
    fn touching_stays_are_one_and_a_night_at_home_parts_them() {
        let one = days_of(&[
            stay("2026-07-01", "2026-07-05"),
            stay("2026-07-05", "2026-07-08"),
        ]);
        assert_eq!(one.last().map(|x| x.nth), Some(8));
        assert_eq!(halves(&one), 15);
        let two = days_of(&[
            stay("2026-07-01", "2026-07-05"),
            stay("2026-07-06", "2026-07-08"),
        ]);
        assert_eq!(two.last().map(|x| x.nth), Some(3));
        assert_eq!(halves(&two), 9 + 5);
    }

    proptest! {
        /// A plain restatement: without times and without overlaps a stay over `n` days is
        /// `2n - 1` halves, and the days are numbered 1..=n.
        #[test]
        fn a_stay_of_n_days_is_n_minus_a_half(start in 0u32..3000, n in 1i64..60) {
            let from = d("2024-01-01") + chrono::Days::new(u64::from(start));
            let to = from + chrono::Duration::days(n - 1);
            let days = days_of(&[Stay { from: from.into(), to: to.into(), arrived: None, left: None }]);
            prop_assert_eq!(i64::from(halves(&days)), 2 * n - 1);
            prop_assert_eq!(days.iter().map(|x| i64::from(x.nth)).collect::<Vec<_>>(), (1..=n).collect::<Vec<_>>());
        }

        /// However stays overlap, each date is counted once and weighs one or two halves.
        #[test]
        fn each_day_once(raw in proptest::collection::vec((0u32..60, 0i64..10), 0..6)) {
            let stays: Vec<Stay> = raw.iter().map(|(s, n)| {
                let from = d("2026-06-01") + chrono::Days::new(u64::from(*s));
                Stay { from: from.into(), to: (from + chrono::Duration::days(*n)).into(), arrived: None, left: None }
            }).collect();
            let days = days_of(&stays);
            for w in days.windows(2) {
                prop_assert!(w[0].date < w[1].date);
            }
            prop_assert!(days.iter().all(|x| (1..=2).contains(&x.halves) && x.nth >= 1));
            let covered: std::collections::BTreeSet<_> = stays.iter().flat_map(|s| s.from.iter_days().take_while(move |x| *x <= s.to)).collect();
            prop_assert_eq!(days.len(), covered.len());
        }
    }
}
