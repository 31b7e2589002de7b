//! A month is paid once it is over: its run can be made from the first day of the next month
//! (a report for a month can be attested only when the meetings are known, and payroll pays in
//! arrears). `pay` refuses an earlier run; `--dry-run` may look ahead.

use chrono::NaiveDate;

use crate::model::Month;

/// The first day a run for `month` may be made.
pub fn payable_from(month: Month) -> NaiveDate {
    month.next().first_day()
}

/// Is `month` over on `today`?
pub fn is_over(month: Month, today: NaiveDate) -> bool {
    today >= payable_from(month)
}

/// The last month that is over on `today`: the newest a run made today may be for.
pub fn last_ended(today: NaiveDate) -> Month {
    Month::of(today).prev()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_month_is_over_on_the_first_of_the_next() {
        let m: Month = "2026-10".parse().unwrap();
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert!(!is_over(m, d("2026-10-31")));
        assert!(is_over(m, d("2026-11-01")));
        let december: Month = "2026-12".parse().unwrap();
        assert_eq!(payable_from(december), d("2027-01-01"));
        assert_eq!(last_ended(d("2027-01-01")), december);
        assert_eq!(last_ended(d("2026-12-31")), "2026-11".parse().unwrap());
    }
}
