//! A month's amount in SKR's model: a fee (arvode) or expense allowance
//! (omkostnadsersättning) is a per cent of the year's prisbasbelopp a year, so a month is
//! `prisbasbelopp × per cent / 12`, rounded by `[compensation] rounding`; or a plain monthly
//! amount the agreement states. The one place an agreement's terms become kronor: `pay`,
//! `stats`' forecast, the agreement document and `show` all read it.

use crate::model::Money;
use crate::model::assignment::Compensation;
use crate::model::config::Tariffs;
use crate::model::money::Overflow;

impl Tariffs {
    /// A month's amount for `percent_hundredths` of the year's prisbasbelopp: `Ok(None)` when
    /// the configuration lacks the year.
    pub fn monthly(&self, year: i32, percent_hundredths: u32) -> Result<Option<Money>, Overflow> {
        let Some(pbb) = self.pbb_ore(year) else {
            return Ok(None);
        };
        self.rounding
            .apply(
                i128::from(pbb) * i128::from(percent_hundredths),
                10_000 * 12,
            )
            .map(Some)
    }
}

impl Compensation {
    /// The monthly amount in `year`: the plain amount, or the percentage of that year's
    /// prisbasbelopp. `Ok(None)` when the configuration lacks the year's prisbasbelopp.
    pub fn monthly(&self, tariffs: &Tariffs, year: i32) -> Result<Option<Money>, Overflow> {
        match *self {
            Compensation::Amount(m) => Ok(Some(m)),
            Compensation::Percent { hundredths, .. } => tariffs.monthly(year, hundredths),
            Compensation::Unstated => Ok(Some(Money(0))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 20 % of 2026's prisbasbelopp (59 200 kr) a year is 986.67 kr a month, to whole kronor 987.
    #[test]
    fn a_per_cent_of_the_prisbasbelopp_a_year_by_the_month() {
        use crate::model::layout::Rounding;
        let ore = Tariffs {
            rounding: Rounding::OreHalfUp,
            ..Tariffs::default()
        };
        assert_eq!(ore.monthly(2026, 2000), Ok(Some(Money(98_667))));
        let t = Tariffs {
            rounding: Rounding::KronaHalfUp,
            ..Tariffs::default()
        };
        assert_eq!(t.monthly(2026, 2000), Ok(Some(Money(98_700))));
        assert_eq!(t.monthly(1999, 2000), Ok(None));
        let plain = Compensation::Amount(Money(50_000));
        assert_eq!(plain.monthly(&t, 1999), Ok(Some(Money(50_000))));
    }
}
