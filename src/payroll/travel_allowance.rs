//! A **flat travel allowance** (reseersättning), a fixed sum a month instead of mileage:
//! Värnamo pays 100 kr a month when the volunteer's trip to the client is at least 1 mil
//! (10 km). Whether the trip is that long is known when the agreement is made, so staff state
//! the sum in the terms (`agree --travel-monthly KR`, `travel_monthly_ore`) only for such a
//! pair; kontakt does not measure the trip. The sum is paid for a month that earns pay (an
//! arvode or an omkostnadsersättning), not for one in which nothing was delivered.

use crate::model::Money;

/// What the flat allowance `flat` (from the terms, if any) pays for a month whose fee and
/// allowance are `fee` and `expense`.
pub fn flat_for_month(flat: Option<Money>, fee: Money, expense: Money) -> Option<Money> {
    flat.filter(|_| fee != Money::ZERO || expense != Money::ZERO)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paid_for_a_month_that_earns_pay_and_not_for_one_that_does_not() {
        let flat = Some(Money(10_000));
        assert_eq!(flat_for_month(flat, Money(98_700), Money::ZERO), flat);
        assert_eq!(flat_for_month(flat, Money::ZERO, Money(49_300)), flat);
        assert_eq!(flat_for_month(flat, Money::ZERO, Money::ZERO), None);
        assert_eq!(flat_for_month(None, Money(98_700), Money(49_300)), None);
    }
}
