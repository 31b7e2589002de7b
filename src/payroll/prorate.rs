//! What part of a month's amounts a month pays: every day on which the agreement is in force and
//! the decision is valid earns 1/(days in the month) of the monthly amount in force that day.
//! A full month pays the monthly amount exactly; a partial month pays its days. Exact integer
//! arithmetic, rounded once per line.

use chrono::NaiveDate;

use crate::model::layout::Rounding;
use crate::model::money::Overflow;
use crate::model::{Money, Month};

impl Rounding {
    /// `numerator / denominator` öre, rounded half away from zero (half up for the
    /// non-negative amounts pay works with). Worked in i128, so only a result beyond an i64 of
    /// öre is an overflow; a denominator of zero or below is one too (never a panic).
    pub fn apply(self, numerator: i128, denominator: i128) -> Result<Money, Overflow> {
        let unit: i128 = match self {
            Rounding::KronaHalfUp => 100,
            Rounding::OreHalfUp => 1,
        };
        if denominator <= 0 {
            return Err(Overflow);
        }
        let d = denominator * unit;
        let half = if numerator < 0 { -(d / 2) } else { d / 2 };
        let rounded = (numerator + half) / d * unit;
        i64::try_from(rounded).map(Money).map_err(|_| Overflow)
    }
}

/// The days of a month that pay, with the monthly amount in force on each.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PaidDays {
    /// (day, monthly amount in force that day)
    pub days: Vec<(NaiveDate, Money)>,
}

/// One prorated amount for a month: the days it covers and what they earn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prorated {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub days: u32,
    pub amount: Money,
}

/// The amount `days` earn in `month`, or `None` when no day pays.
pub fn prorate(
    month: Month,
    days: &PaidDays,
    rounding: Rounding,
) -> Result<Option<Prorated>, Overflow> {
    let (Some(first), Some(last)) = (
        days.days.iter().map(|(d, _)| *d).min(),
        days.days.iter().map(|(d, _)| *d).max(),
    ) else {
        return Ok(None);
    };
    // At most 31 amounts of an i64 each: an i128 cannot overflow.
    let numerator: i128 = days.days.iter().map(|(_, m)| i128::from(m.ore())).sum();
    Ok(Some(Prorated {
        from: first,
        to: last,
        days: days.days.len() as u32,
        amount: rounding.apply(numerator, i128::from(month.days()))?,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn month() -> impl Strategy<Value = Month> {
        (2024i32..2030, 1u32..=12).prop_map(|(y, m)| Month::new(y, m).unwrap())
    }

    fn all_days(m: Month, amount: Money) -> PaidDays {
        PaidDays {
            days: m.dates().map(|d| (d, amount)).collect(),
        }
    }

    #[test]
    fn rounding_is_half_up() {
        assert_eq!(Rounding::KronaHalfUp.apply(4_950, 100), Ok(Money(0)));
        assert_eq!(Rounding::KronaHalfUp.apply(5_000, 100), Ok(Money(100)));
        assert_eq!(Rounding::OreHalfUp.apply(5, 10), Ok(Money(1)));
        assert_eq!(Rounding::OreHalfUp.apply(4, 10), Ok(Money(0)));
    }

    #[test]
    fn half_of_october_at_a_1233_kronor_fee() {
        let m: Month = "2026-10".parse().unwrap();
        let days = PaidDays {
            days: m
                .dates()
                .filter(|d| *d >= NaiveDate::from_ymd_opt(2026, 10, 16).unwrap())
                .map(|d| (d, Money(123_300)))
                .collect(),
        };
        let p = prorate(m, &days, Rounding::KronaHalfUp).unwrap().unwrap();
        // 16 of 31 days: 1233 * 16 / 31 = 636.39 kr, rounded to 636 kr.
        assert_eq!((p.days, p.amount), (16, Money(63_600)));
        assert_eq!(p.from, NaiveDate::from_ymd_opt(2026, 10, 16).unwrap());
    }

    proptest! {
        #[test]
        fn a_full_month_pays_the_monthly_amount_exactly(m in month(), kr in 0i64..100_000) {
            let p = prorate(m, &all_days(m, Money(kr * 100)), Rounding::KronaHalfUp).unwrap().unwrap();
            prop_assert_eq!(p.amount, Money(kr * 100));
            prop_assert_eq!(p.days, m.days());
        }

        #[test]
        fn any_split_of_a_month_pays_within_rounding_of_the_whole(
            m in month(), ore in 0i64..10_000_000, cuts in proptest::collection::vec(1u32..31, 0..5), ore_rounding in any::<bool>()
        ) {
            let rounding = if ore_rounding { Rounding::OreHalfUp } else { Rounding::KronaHalfUp };
            let whole = prorate(m, &all_days(m, Money(ore)), rounding).unwrap().unwrap().amount;
            let mut cuts: Vec<u32> = cuts.into_iter().filter(|c| *c < m.days()).collect();
            cuts.sort();
            cuts.dedup();
            let mut bounds = vec![0u32];
            bounds.extend(cuts);
            bounds.push(m.days());
            let parts: Vec<Money> = bounds.windows(2).map(|w| {
                let days = PaidDays { days: m.dates().skip(w[0] as usize).take((w[1] - w[0]) as usize).map(|d| (d, Money(ore))).collect() };
                prorate(m, &days, rounding).unwrap().unwrap().amount
            }).collect();
            let sum = Money::sum(parts.iter().copied()).unwrap();
            let unit = if ore_rounding { 1 } else { 100 };
            // each part is off by at most half a unit
            prop_assert!((sum.ore() - whole.ore()).abs() <= unit * parts.len() as i64 / 2 + unit, "{sum:?} vs {whole:?}");
            prop_assert!(parts.iter().all(|p| p.ore() >= 0));
        }

        #[test]
        fn more_days_never_pay_less(m in month(), ore in 0i64..10_000_000, n in 1u32..31) {
            let n = n.min(m.days() - 1);
            let part = |k: u32| PaidDays { days: m.dates().take(k as usize).map(|d| (d, Money(ore))).collect() };
            let a = prorate(m, &part(n), Rounding::KronaHalfUp).unwrap().unwrap().amount;
            let b = prorate(m, &part(n + 1), Rounding::KronaHalfUp).unwrap().unwrap().amount;
            prop_assert!(a <= b);
        }
    }
}
