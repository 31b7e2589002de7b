//! The prisbasbelopp (the price base amount the government sets for each year; SKR's fee and
//! expense model is a per cent of it) that `kontakt.toml` must hold before pay can use it.
//!
//! A missing year is never "nothing to pay": `pay` refuses, and `check`, `due` and `agree
//! --print` say so in advance, from November, when the next year's amount is known (it is
//! decided in the autumn) and the January run is weeks away.

use chrono::{Datelike, NaiveDate};

use crate::model::config::Tariffs;
use crate::tr;

/// From this month on, next year's prisbasbelopp is expected in the configuration.
pub const WARN_FROM_MONTH: u32 = 11;

/// The years pay will soon need whose prisbasbelopp the configuration lacks: this year always,
/// and next year from [`WARN_FROM_MONTH`].
pub fn missing_soon(tariffs: &Tariffs, today: NaiveDate) -> Vec<i32> {
    let mut years = vec![today.year()];
    if today.month() >= WARN_FROM_MONTH {
        years.push(today.year() + 1);
    }
    years.retain(|y| tariffs.pbb_ore(*y).is_none());
    years
}

/// What to do about a missing year, in the process's language.
pub fn missing_message(year: i32) -> String {
    tr!(
        "kontakt.toml has no prisbasbelopp for {year}: add it under [compensation], as in `prisbasbelopp = {{ …, \"{year}\" = KRONOR }}`",
        "kontakt.toml har inget prisbasbelopp för {year}: lägg till det under [compensation], som i `prisbasbelopp = {{ …, \"{year}\" = KRONOR }}`"
    )
}

/// The warning `check` and `due` print for each year [`missing_soon`] finds.
pub fn warnings(tariffs: &Tariffs, today: NaiveDate) -> Vec<String> {
    missing_soon(tariffs, today)
        .into_iter()
        .map(|year| {
            if year > today.year() {
                tr!(
                    "{}; the pay run for January {year} needs it",
                    "{}; lönekörningen för januari {year} behöver det",
                    missing_message(year)
                )
            } else {
                missing_message(year)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn next_year_is_wanted_from_november_and_this_year_always() {
        let t = Tariffs::default(); // 2024 to 2026
        assert_eq!(missing_soon(&t, day("2026-10-31")), Vec::<i32>::new());
        assert_eq!(missing_soon(&t, day("2026-11-01")), vec![2027]);
        assert_eq!(missing_soon(&t, day("2027-02-01")), vec![2027]);
        let mut t2 = t.clone();
        t2.prisbasbelopp.insert("2027".into(), 60_000);
        assert_eq!(missing_soon(&t2, day("2026-12-31")), Vec::<i32>::new());
    }
}
