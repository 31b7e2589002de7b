//! Mileage (milersättning) for trips in one's own car: the kilometres reported at what the
//! municipality pays per mil (10 km), of which Skatteverket's rate (25 kr per mil from
//! 2023-01-01) is tax-free and the rest taxable pay (SKR's FAQ on kontaktperson), so a month's
//! mileage is two lines with their own lönearter. Each rate is in force from its year
//! (`[compensation.mileage]`); a trip takes the rates of its own year.

use chrono::Datelike;

use crate::model::Money;
use crate::model::config::{MileageRates, rate_from_year};
use crate::model::layout::Rounding;
use crate::model::money::Overflow;
use crate::model::report::Trip;

/// A month's mileage: the tax-free part and the taxable part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Mileage {
    pub km: u32,
    pub tax_free: Money,
    pub taxable: Money,
}

/// Why mileage cannot be paid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MileageError {
    /// No rate in force in this year.
    NoRate(i32),
    Overflow,
}

impl From<Overflow> for MileageError {
    fn from(_: Overflow) -> Self {
        MileageError::Overflow
    }
}

/// The mileage of `trips`.
pub fn mileage(
    trips: &[Trip],
    rates: &MileageRates,
    rounding: Rounding,
) -> Result<Mileage, MileageError> {
    // In tenths of an öre per km (a mil's rate / 10 km): exact until rounded per line.
    let mut paid: i128 = 0;
    let mut free: i128 = 0;
    let mut km: u32 = 0;
    for t in trips {
        let year = t.date.year();
        let per_mil =
            rate_from_year(&rates.paid_per_mil_ore, year).ok_or(MileageError::NoRate(year))?;
        let tax_free_per_mil =
            rate_from_year(&rates.tax_free_per_mil_ore, year).ok_or(MileageError::NoRate(year))?;
        paid += i128::from(per_mil) * i128::from(t.km);
        free += i128::from(per_mil.min(tax_free_per_mil)) * i128::from(t.km);
        km = km.checked_add(t.km).ok_or(Overflow)?;
    }
    let total = rounding.apply(paid, 10)?;
    let tax_free = rounding.apply(free, 10)?;
    Ok(Mileage {
        km,
        tax_free,
        taxable: total.checked_sub(tax_free)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn rates(paid: i64) -> MileageRates {
        MileageRates {
            tax_free_per_mil_ore: [("2023".to_string(), 2_500)].into_iter().collect(),
            paid_per_mil_ore: [("2023".to_string(), paid)].into_iter().collect(),
        }
    }

    fn trip(km: u32) -> Trip {
        Trip {
            date: "2026-10-12".parse().unwrap(),
            km,
            note: None,
        }
    }

    /// Skatteverket: 25 kr per mil tax-free from 2023-01-01. Paying 30 kr per mil for 86 km
    /// is 258 kr: 215 kr tax-free, 43 kr taxable.
    #[test]
    fn the_excess_over_the_tax_free_rate_is_taxable() {
        let m = mileage(&[trip(40), trip(46)], &rates(3_000), Rounding::OreHalfUp).unwrap();
        assert_eq!(
            (m.km, m.tax_free, m.taxable),
            (86, Money(21_500), Money(4_300))
        );
        let at_rate = mileage(&[trip(86)], &rates(2_500), Rounding::OreHalfUp).unwrap();
        assert_eq!(at_rate.taxable, Money::ZERO);
        let below = mileage(&[trip(86)], &rates(1_850), Rounding::OreHalfUp).unwrap();
        assert_eq!(
            (below.tax_free, below.taxable),
            (Money(15_910), Money::ZERO)
        );
        let before = Trip {
            date: "2022-12-31".parse().unwrap(),
            km: 10,
            note: None,
        };
        assert_eq!(
            mileage(&[before], &rates(2_500), Rounding::OreHalfUp),
            Err(MileageError::NoRate(2022))
        );
    }

    proptest! {
        /// The two parts add up to the km at the paid rate, and the tax-free part never passes
        /// Skatteverket's rate.
        #[test]
        fn the_parts_add_up(kms in proptest::collection::vec(0u32..500, 0..10), paid in 0i64..10_000) {
            let trips: Vec<Trip> = kms.iter().map(|k| trip(*k)).collect();
            let m = mileage(&trips, &rates(paid), Rounding::OreHalfUp).unwrap();
            let km: i64 = kms.iter().map(|k| i64::from(*k)).sum();
            let whole = |x: i64| (x + 5) / 10;
            prop_assert_eq!(m.tax_free.ore() + m.taxable.ore(), whole(km * paid));
            prop_assert_eq!(m.tax_free.ore(), whole(km * paid.min(2_500)));
        }
    }
}
