//! Outlays (utlägg): what the volunteer paid for the client's activities and shows receipts
//! for (Skellefteå takes them with the month's report) is paid back as it is, once the report
//! is approved, on its own löneart. Not taxable: it is the volunteer's own money coming back.

use crate::model::Money;
use crate::model::money::Overflow;
use crate::model::report::Receipt;

/// What the receipts add up to.
pub fn paid_back(receipts: &[Receipt]) -> Result<Money, Overflow> {
    Money::sum(receipts.iter().map(|r| r.amount))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn receipts_add_up_and_overflow_is_an_error() {
        let r = |ore| Receipt {
            amount: Money(ore),
            reference: "kvitto".into(),
        };
        assert_eq!(paid_back(&[r(12_000), r(8_550)]), Ok(Money(20_550)));
        assert_eq!(paid_back(&[]), Ok(Money::ZERO));
        assert_eq!(paid_back(&[r(i64::MAX), r(1)]), Err(Overflow));
    }
}
