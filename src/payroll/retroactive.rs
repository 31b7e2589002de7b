//! How far back a run pays: the retroactive limit (`[payroll] retroactive_months`, N). A period
//! is paid by kontakt only while it is at most N months before the run's month **and** at most
//! N months before the last month that had ended on the day of the payout. So a run made on
//! time (the month after) pays N months back, and a run for an old month made late pays no
//! more than a run made that day would: `pay 2026-03` on 2026-10-09 pays nothing older than
//! June. What is owed and falls out of the window is never forgotten: it is listed by every run
//! (and by `due`) until it is settled, by paying it outside kontakt (`kontakt report A MONTH
//! --settled-outside REASON`) or by raising the limit.

use chrono::NaiveDate;

use crate::model::Month;

/// `n` months before `m` (at the earliest, the first month a record can speak of).
pub fn back(m: Month, n: u32) -> Month {
    m.back(n)
}

/// The oldest period a run for `month` made on `payout` may pay.
pub fn oldest_payable(month: Month, payout: NaiveDate, n: u32) -> Month {
    back(month, n).max(back(Month::of(payout).prev(), n))
}

/// The oldest period a payout made on `today` may pay at all (its run for the last month that
/// is over): what is older can only be settled outside kontakt.
pub fn oldest_payable_today(today: NaiveDate, n: u32) -> Month {
    oldest_payable(super::month_over::last_ended(today), today, n)
}

/// Is `month` older than a payout made on `today` may pay (limit `n`)? Then kontakt cannot pay
/// it: `report --correct` and `report approve` refuse it (it would be owed and never paid), and
/// `check` (E013) and every run say to settle it outside kontakt ([`too_old`]).
pub fn too_old_today(month: Month, today: NaiveDate, n: u32) -> bool {
    month < oldest_payable_today(today, n)
}

/// The periods a run for `month` made on `payout` pays, oldest first (none when `month` itself
/// is older than the limit).
pub fn window(month: Month, payout: NaiveDate, n: u32) -> Vec<Month> {
    let mut v = Vec::new();
    let mut m = oldest_payable(month, payout, n);
    while m <= month {
        v.push(m);
        m = m.next();
    }
    v
}

/// The reason a run gives for what is owed on `assignment`'s `period` but older than the limit.
pub fn too_old(n: u32, assignment: &crate::model::Id, period: Month) -> String {
    format!(
        "older than the retroactive limit ({n} months): pay it outside kontakt and record that with `kontakt report {assignment} {period} --settled-outside REASON`, or raise `retroactive_months` in kontakt.toml"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Month {
        s.parse().unwrap()
    }
    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_window_counts_from_the_payout_as_well_as_the_month() {
        // On time: the month and three before it.
        assert_eq!(
            window(m("2026-10"), d("2026-11-05"), 3),
            vec![m("2026-07"), m("2026-08"), m("2026-09"), m("2026-10")]
        );
        // Late: nothing older than three months before the last ended month.
        assert_eq!(
            window(m("2026-07"), d("2026-10-09"), 3),
            vec![m("2026-06"), m("2026-07")]
        );
        assert!(window(m("2026-03"), d("2026-10-09"), 3).is_empty());
        assert_eq!(
            oldest_payable(m("2026-03"), d("2026-10-09"), 3),
            m("2026-06")
        );
        // Across a year.
        assert_eq!(
            oldest_payable(m("2027-01"), d("2027-02-01"), 3),
            m("2026-10")
        );
    }

    #[test]
    fn too_old_today_is_what_a_run_made_today_no_longer_pays() {
        // On 2026-11-05 the last month over is October: July is the oldest paid, June is not.
        assert!(!too_old_today(m("2026-07"), d("2026-11-05"), 3));
        assert!(too_old_today(m("2026-06"), d("2026-11-05"), 3));
        // Still on the first of the month: October is not over until November has begun.
        assert!(!too_old_today(m("2026-06"), d("2026-10-31"), 3));
        assert!(too_old_today(m("2026-06"), d("2026-11-01"), 3));
        // A limit of none: only the last month over.
        assert!(too_old_today(m("2026-09"), d("2026-11-05"), 0));
        assert!(!too_old_today(m("2026-10"), d("2026-11-05"), 0));
        // A month not yet over is never too old.
        assert!(!too_old_today(m("2026-12"), d("2026-11-05"), 3));
    }
}
