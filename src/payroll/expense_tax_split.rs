//! The tax on an expense allowance: an omkostnadsersättning within SKR's levels is paid
//! without tax; what exceeds the highest level is taxable arvode unless the agreement records
//! an individual basis for it (Skatteverket's position of 2018-06-19 on omkostnadsersättning
//! to kontaktpersoner). So without a basis the excess moves to the fee, on the fee's löneart.

use crate::model::Money;
use crate::model::money::Overflow;

/// A month's allowance split into (tax-free, taxable), given the highest level's amount for
/// the same month.
pub fn split(
    allowance: Money,
    highest_level: Money,
    individual_basis: bool,
) -> Result<(Money, Money), Overflow> {
    if individual_basis || allowance <= highest_level {
        return Ok((allowance, Money::ZERO));
    }
    Ok((highest_level, allowance.checked_sub(highest_level)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2026: the highest SKR level (40 %) is 1 973 kr a month; an allowance of 2 500 kr pays
    /// 527 kr as arvode unless a basis is recorded.
    #[test]
    fn the_excess_is_taxable_without_a_basis() {
        let (h, a) = (Money(197_300), Money(250_000));
        assert_eq!(split(a, h, false), Ok((h, Money(52_700))));
        assert_eq!(split(a, h, true), Ok((a, Money::ZERO)));
        assert_eq!(split(h, h, false), Ok((h, Money::ZERO)));
    }
}
