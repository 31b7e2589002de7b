//! How many meetings an agreement's terms agree to in a month: each day the terms are in force
//! (`rules::in_force`: signed, and covering the day) counts its share of their frequency, one
//! seventh of `N/week`, one month's-days-th of `N/month`, so a month the agreement starts, ends
//! or changes in counts what those days agree to. `stats` (meetings agreed and held) and the
//! shortfall warning (`rules::meeting_shortfall`) count by this one rule, exactly, in integers:
//! 1/week in a 30-day month is 30/7 = 4.29 meetings, shown 4.3.

use crate::model::assignment::Terms;
use crate::model::common::Per;
use crate::model::{Assignment, Month};

use super::in_force::terms_in_force;

/// The meetings `a`'s terms agree to in `m`, counting only terms `counted` accepts, as a
/// multiple of 1/(7 × the month's days): the exact sum, to be added over assignments and
/// turned into tenths once ([`tenths`]).
pub fn exact(a: &Assignment, m: Month, counted: impl Fn(&Terms) -> bool) -> u64 {
    let days = u64::from(m.days());
    m.dates()
        .filter_map(|d| terms_in_force(a, d))
        .filter(|t| counted(t))
        .map(|t| {
            let times = u64::from(t.meetings.times);
            match t.meetings.per {
                Per::Week => times * days,
                Per::Month => times * 7,
            }
        })
        .sum()
}

/// An [`exact`] sum for `m` in tenths of a meeting, rounded to the nearest (half up).
pub fn tenths(exact: u64, m: Month) -> u64 {
    let whole = 7 * u64::from(m.days());
    (exact * 10 + whole / 2) / whole
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_week_in_a_thirty_day_month_is_four_point_three() {
        let m: Month = "2026-11".parse().unwrap();
        // 1/week on every day of November: 30 × 30 over 7 × 30.
        assert_eq!(tenths(30 * 30, m), 43);
        // 2/month on every day: 30 × 2 × 7 over 7 × 30.
        assert_eq!(tenths(30 * 2 * 7, m), 20);
        // 1/week for half of it.
        assert_eq!(tenths(15 * 30, m), 21);
        assert_eq!(tenths(0, m), 0);
    }
}
