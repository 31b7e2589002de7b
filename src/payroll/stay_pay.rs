//! What a kontaktfamilj earns for its stays: per dygn and per child (each child has its own
//! assignment), by the child's age band on the day (`payroll::age_band`), at the year's rates
//! (`[compensation.kontaktfamilj.YEAR]`), following SKR's recommendation for kontaktfamiljer
//! (circulars 22:42 SoL and 22:43 LSS, as summarised by familjehemmet.se):
//!
//! - arvode: the band's amount per dygn, **doubled on Saturdays, Sundays and public holidays**
//!   (`rules::public_holidays`), but only within the first 14 days of a continuous stay;
//! - omkostnad: the band's per cent of the prisbasbelopp a year, divided by 365, per dygn. The
//!   rate per dygn is rounded as `[compensation] rounding` says (SKR publishes it in whole
//!   kronor: 105 % of 2023's 52 500 kr is 151 kr), then counted by the dygn.
//!
//! Half a dygn earns half of each. Exact integer arithmetic, rounded once per line.

use chrono::{Datelike, NaiveDate};

use super::age_band::AgeBand;
use super::dygn::StayDay;
use crate::model::Money;
use crate::model::config::Tariffs;
use crate::model::money::Overflow;
use crate::rules::public_holidays;

/// Days of a continuous stay on which a weekend or holiday doubles the arvode.
pub const DOUBLED_DAYS: u32 = 14;

/// What the stays earn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StayPay {
    pub fee: Money,
    pub expense: Money,
    /// The dygn paid, in halves.
    pub halves: u32,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Calendar days paid.
    pub days: u32,
}

/// Why the stays cannot be paid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StayPayError {
    /// kontakt.toml has no `[compensation.kontaktfamilj.YEAR]` for this year.
    NoRates(i32),
    NoPrisbasbelopp(i32),
    Overflow,
}

impl From<Overflow> for StayPayError {
    fn from(_: Overflow) -> Self {
        StayPayError::Overflow
    }
}

/// Is the arvode doubled on this day of a stay?
pub fn doubled(day: &StayDay) -> bool {
    day.nth <= DOUBLED_DAYS && public_holidays::is_weekend_or_holiday(day.date)
}

/// The arvode of one plain (not doubled) dygn in `year` for `band`.
pub fn fee_per_dygn(tariffs: &Tariffs, year: i32, band: AgeBand) -> Result<Money, StayPayError> {
    let kr = rates(tariffs, year)?.fee_per_dygn[band.index()];
    Ok(Money(kr.checked_mul(100).ok_or(StayPayError::Overflow)?))
}

/// What a run or a document says when `year`'s rates are missing (English: the plan keeps
/// English for scripts; the edge renders it).
pub fn no_rates_message(year: i32) -> String {
    format!(
        "kontakt.toml has no kontaktfamilj rates for {year} ([compensation.kontaktfamilj.{year}])"
    )
}

/// The omkostnad of one dygn in `year` for `band`, rounded as the tariffs say.
pub fn expense_per_dygn(
    tariffs: &Tariffs,
    year: i32,
    band: AgeBand,
) -> Result<Money, StayPayError> {
    let rates = rates(tariffs, year)?;
    let pbb = tariffs
        .pbb_ore(year)
        .ok_or(StayPayError::NoPrisbasbelopp(year))?;
    let pct = rates.expense_percent[band.index()];
    Ok(tariffs
        .rounding
        .apply(i128::from(pbb) * i128::from(pct), 100 * 365)?)
}

fn rates(tariffs: &Tariffs, year: i32) -> Result<&crate::model::config::DygnRates, StayPayError> {
    tariffs
        .kontaktfamilj
        .iter()
        .find(|(k, _)| k.parse::<i32>().ok() == Some(year))
        .map(|(_, r)| r)
        .ok_or(StayPayError::NoRates(year))
}

/// What `days` (the stay days the agreement and the decision cover) earn, for a child whose
/// age band on a day is `band_on(day)`. `None` when no day pays.
pub fn stay_pay(
    days: &[StayDay],
    band_on: impl Fn(NaiveDate) -> AgeBand,
    tariffs: &Tariffs,
) -> Result<Option<StayPay>, StayPayError> {
    let (Some(first), Some(last)) = (days.first(), days.last()) else {
        return Ok(None);
    };
    // In halves of an öre: a half dygn of an odd number of öre is exact.
    let mut fee2: i128 = 0;
    let mut expense2: i128 = 0;
    for day in days {
        let year = day.date.year();
        let band = band_on(day.date);
        let fee_kr = rates(tariffs, year)?.fee_per_dygn[band.index()];
        let fee_ore = fee_kr.checked_mul(100).ok_or(Overflow)?;
        let factor = if doubled(day) { 2 } else { 1 };
        fee2 += i128::from(fee_ore) * i128::from(day.halves) * factor;
        expense2 +=
            i128::from(expense_per_dygn(tariffs, year, band)?.ore()) * i128::from(day.halves);
    }
    Ok(Some(StayPay {
        fee: tariffs.rounding.apply(fee2, 2)?,
        expense: tariffs.rounding.apply(expense2, 2)?,
        halves: super::dygn::halves(days),
        from: first.date,
        to: last.date,
        days: days.len() as u32,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::config::DygnRates;
    use crate::model::layout::Rounding;
    use crate::model::report::Stay;
    use crate::payroll::dygn::days_of;
    use proptest::prelude::*;

    fn tariffs() -> Tariffs {
        let mut t = Tariffs {
            rounding: Rounding::KronaHalfUp,
            ..Tariffs::default()
        };
        t.prisbasbelopp.insert("2023".into(), 52_500);
        for y in ["2023", "2026"] {
            t.kontaktfamilj.insert(
                y.into(),
                DygnRates {
                    fee_per_dygn: [225, 292, 359],
                    expense_percent: [105, 120, 120],
                },
            );
        }
        t
    }

    use crate::payroll::dygn::tests::{d, stay};

    /// SKR 2023 (familjehemmet.se): 105 % of the prisbasbelopp (52 500 kr) / 365 is 151 kr a
    /// dygn for a child up to 12; 120 % is 173 kr from 13 and for adults.
    #[test]
    fn the_omkostnad_per_dygn_of_2023() {
        let t = tariffs();
        assert_eq!(
            expense_per_dygn(&t, 2023, AgeBand::Child),
            Ok(Money(15_100))
        );
        assert_eq!(
            expense_per_dygn(&t, 2023, AgeBand::Youth),
            Ok(Money(17_300))
        );
        assert_eq!(
            expense_per_dygn(&t, 2023, AgeBand::Adult),
            Ok(Money(17_300))
        );
        assert_eq!(
            expense_per_dygn(&t, 2024, AgeBand::Child),
            Err(StayPayError::NoRates(2024))
        );
    }

    /// A weekend stay in 2023 for a child of 8: Friday ½ at 225, Saturday and Sunday doubled
    /// (450 each): 1 012.50 kr arvode, 2½ x 151 = 377.50 kr omkostnad (rounded to kronor).
    #[test]
    fn a_weekend_doubles_the_arvode() {
        let days = days_of(&[stay("2023-10-06", "2023-10-08")]);
        let p = stay_pay(&days, |_| AgeBand::Child, &tariffs())
            .unwrap()
            .unwrap();
        assert_eq!(
            (p.fee, p.expense, p.halves),
            (Money(101_300), Money(37_800), 5)
        );
    }

    /// Easter 2026: Långfredagen (3 April) to Annandag påsk (6 April), all red days: ½ + 1 +
    /// 1 + 1 dygn, all doubled.
    #[test]
    fn holidays_double_too() {
        let days = days_of(&[stay("2026-04-03", "2026-04-06")]);
        let p = stay_pay(&days, |_| AgeBand::Youth, &tariffs())
            .unwrap()
            .unwrap();
        assert_eq!(p.fee, Money(292 * 2 * 350));
    }

    /// Doubling stops after the 14th day: a summer stay from Monday 29 June 2026 (day 1) for
    /// 21 days has weekends on days 6-7, 13-14 and 20-21; the last two are not doubled.
    #[test]
    fn only_the_first_14_days_are_doubled() {
        let days = days_of(&[stay("2026-06-29", "2026-07-19")]);
        let doubled_days: Vec<u32> = days.iter().filter(|x| doubled(x)).map(|x| x.nth).collect();
        assert_eq!(doubled_days, [6, 7, 13, 14]);
    }

    proptest! {
        /// A plain restatement of the rule, day by day in halves of a krona, against the
        /// function: arvode x (2 on a red day among the first 14, else 1) x weight, plus the
        /// rounded omkostnad x weight.
        #[test]
        fn as_the_rule_says(start in 0u32..1000, n in 1i64..40, age in 0u32..30) {
            let t = tariffs();
            let from = d("2026-01-01") + chrono::Days::new(u64::from(start % 300));
            let to = from + chrono::Duration::days(n - 1);
            let days = days_of(&[Stay { from: from.into(), to: to.into(), arrived: None, left: None }]);
            let band = AgeBand::of_age(age);
            let p = stay_pay(&days, |_| band, &t).unwrap().unwrap();
            let fee = [225i64, 292, 359][band.index()];
            // 59 200 kr x per cent / 365, to whole kronor.
            let per_dygn = [(59_200i64 * 105 * 10 / 36_500 + 5) / 10, (59_200 * 120 * 10 / 36_500 + 5) / 10][usize::from(band != AgeBand::Child)];
            let mut fee_half_kr = 0i64;
            let mut exp_half_kr = 0i64;
            for (i, date) in from.iter_days().take(n as usize).enumerate() {
                let w = if i == 0 { 1 } else { 2 };
                let red = date.weekday().number_from_monday() >= 6 || public_holidays::is_public_holiday(date);
                let x = if red && i < 14 { 2 } else { 1 };
                fee_half_kr += fee * w * x;
                exp_half_kr += per_dygn * w;
            }
            // Half kronor rounded half up to kronor.
            prop_assert_eq!(p.fee.ore(), (fee_half_kr + 1) / 2 * 100);
            prop_assert_eq!(p.expense.ore(), (exp_half_kr + 1) / 2 * 100);
        }
    }
}
