//! Pay by the hour: a court-ordered kontaktperson at access visits (umgänge) does work of a
//! professional character, which SKR says may be paid an hourly wage. The hours reported in
//! the month (in tenths) at the agreed rate per hour, rounded once.

use crate::model::Money;
use crate::model::layout::Rounding;
use crate::model::money::Overflow;

/// `tenths` / 10 hours at `per_hour`.
pub fn hourly(per_hour: Money, tenths: u32, rounding: Rounding) -> Result<Money, Overflow> {
    rounding.apply(i128::from(per_hour.ore()) * i128::from(tenths), 10)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn hours_at_the_rate() {
        assert_eq!(
            hourly(Money(25_000), 45, Rounding::OreHalfUp),
            Ok(Money(112_500))
        );
        assert_eq!(
            hourly(Money(19_999), 5, Rounding::OreHalfUp),
            Ok(Money(10_000))
        );
        assert_eq!(
            hourly(Money(19_999), 5, Rounding::KronaHalfUp),
            Ok(Money(10_000))
        );
        assert_eq!(
            hourly(Money(i64::MAX), 20, Rounding::OreHalfUp),
            Err(Overflow)
        );
    }

    proptest! {
        /// Whole hours pay the rate times the hours exactly.
        #[test]
        fn whole_hours(rate in 0i64..10_000_000, h in 0u32..300) {
            prop_assert_eq!(hourly(Money(rate), h * 10, Rounding::OreHalfUp), Ok(Money(rate * i64::from(h))));
        }
    }
}
