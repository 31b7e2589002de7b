//! Arbetsgivaravgifter: the employer's contributions payroll adds on top of the arvode. They are
//! not in the export (payroll computes them) but they are part of what the service costs, so
//! `stats` forecasts them. Rates for 2025 and 2026 (`../shared/DOMAIN.md`); later years use
//! 2026's until someone adds theirs.

use chrono::{Datelike, NaiveDate};

use crate::model::money::Overflow;
use crate::model::{Money, Month};

/// No contributions while a person's pay from the employer in a year stays under 1 000 kr.
pub const YEARLY_THRESHOLD: Money = Money(100_000);

/// The youth rate applies to pay up to this much a month.
const YOUTH_CAP: Money = Money(2_500_000);

/// Rates in hundredths of a per cent (`3142` = 31.42 %).
const GENERAL: u32 = 3142;
const OLDER: u32 = 1021;
const YOUTH: u32 = 2081;

/// The rate for pay in `month` to a person born on `born`, in hundredths of a per cent, and the
/// monthly pay it is limited to (the rest at the general rate), if any.
pub fn rate(born: NaiveDate, month: Month) -> (u32, Option<Money>) {
    let year = month.year();
    if born.year() <= 1937 {
        return (0, None);
    }
    // The reduced rate for older people: those who turned 66 by the start of 2025 (born
    // 1938-1957), and in 2026 those born 1938-1958.
    let older_until = if year <= 2025 { 1957 } else { 1958 };
    if born.year() <= older_until {
        return (OLDER, None);
    }
    // 2026-04-01 to 2027-09-30: people aged 18-22 at the start of the year.
    let youth_from = Month::new(2026, 4).expect("a valid month");
    let youth_to = Month::new(2027, 9).expect("a valid month");
    if month >= youth_from && month <= youth_to {
        let start = NaiveDate::from_ymd_opt(year, 1, 1).expect("a valid date");
        let age = start.years_since(born).unwrap_or(0);
        if (18..=22).contains(&age) {
            return (YOUTH, Some(YOUTH_CAP));
        }
    }
    (GENERAL, None)
}

/// The contributions on `fee` paid in `month` to a person born on `born`, whose fees in the year
/// come to `year_total`: nothing under the yearly threshold.
pub fn on(fee: Money, born: NaiveDate, month: Month, year_total: Money) -> Result<Money, Overflow> {
    if year_total < YEARLY_THRESHOLD || fee <= Money::ZERO {
        return Ok(Money::ZERO);
    }
    let (r, cap) = rate(born, month);
    let (low, high) = match cap {
        Some(cap) if fee > cap => (cap, fee.checked_sub(cap)?),
        _ => (fee, Money::ZERO),
    };
    let part = |amount: Money, rate: u32| -> Result<Money, Overflow> {
        // Rounded to the nearest öre, halves away from zero; in i128, so only the result can
        // be out of range.
        let x = i128::from(amount.ore()) * i128::from(rate);
        i64::try_from((x + 5_000) / 10_000)
            .map(Money)
            .map_err(|_| Overflow)
    };
    part(low, r)?.checked_add(part(high, GENERAL)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }
    fn m(y: i32, mo: u32) -> Month {
        Month::new(y, mo).unwrap()
    }

    #[test]
    fn rates_follow_birth_year_and_date() {
        assert_eq!(rate(d(1937, 12, 31), m(2026, 5)).0, 0);
        assert_eq!(rate(d(1938, 1, 1), m(2026, 5)).0, 1021);
        assert_eq!(rate(d(1958, 6, 1), m(2026, 5)).0, 1021);
        assert_eq!(rate(d(1958, 6, 1), m(2025, 5)).0, 3142);
        assert_eq!(rate(d(1980, 6, 1), m(2026, 5)).0, 3142);
        // Aged 20 at the start of 2026: the youth rate from April, not before.
        assert_eq!(rate(d(2005, 6, 1), m(2026, 3)).0, 3142);
        assert_eq!(rate(d(2005, 6, 1), m(2026, 4)), (2081, Some(YOUTH_CAP)));
        assert_eq!(rate(d(2005, 6, 1), m(2027, 10)).0, 3142);
        // 23 at the start of the year: too old for it.
        assert_eq!(rate(d(2002, 6, 1), m(2026, 6)).0, 3142);
    }

    #[test]
    fn nothing_under_the_yearly_threshold() {
        let fee = Money(98_700);
        let born = d(1980, 1, 1);
        assert_eq!(on(fee, born, m(2026, 5), Money(99_999)), Ok(Money::ZERO));
        assert_eq!(
            on(fee, born, m(2026, 5), Money(100_000)),
            Ok(Money(31_012)) // 987 kr * 31.42 % = 310.1154 kr
        );
    }

    #[test]
    fn the_youth_rate_stops_at_its_cap() {
        let fee = Money(3_000_000);
        let c = on(fee, d(2005, 6, 1), m(2026, 6), fee).unwrap();
        // 25 000 kr at 20.81 % and 5 000 kr at 31.42 %.
        assert_eq!(c, Money(520_250 + 157_100));
    }

    proptest! {
        #[test]
        fn never_more_than_the_general_rate_nor_negative(
            ore in 0i64..10_000_000, year in 1930i32..2010, month in 1u32..=12, total in 0i64..20_000_000
        ) {
            let fee = Money(ore);
            let c = on(fee, d(year, 6, 15), m(2026, month), Money(total)).unwrap();
            prop_assert!(c >= Money::ZERO);
            prop_assert!(c.ore() <= (ore * 3142 + 5_000) / 10_000);
        }

        #[test]
        fn an_absurd_fee_is_an_error_never_a_wrapped_number(ore in (i64::MAX / 3000)..i64::MAX) {
            let r = on(Money(ore), d(1980, 6, 15), m(2026, 5), Money(ore));
            // 31.42 % of it fits an i64 only below about 2.9e18 öre.
            match r {
                Ok(c) => prop_assert!(c.ore() > 0 && c.ore() <= ore),
                Err(e) => prop_assert_eq!(e, Overflow),
            }
        }
    }
}
