//! Pay by meetings held: a tariff (`[[compensation.tiers.NAME]]`) sets levels, each paid when
//! at least its number of meetings was held in the month, at its per cent of the prisbasbelopp
//! a year for the fee and the allowance (Värnamo LSS: level 1 for 2-3 meetings, arvode 7.5 %
//! and omkostnad 15 %; level 2 for four or more, 15 % and 20 %). The meetings choose the
//! highest level they reach; fewer than the lowest level asks earn nothing that month.

use crate::model::config::Tier;

/// The level `meetings` reach in `tiers` (1-based, counted in the order of their minimums),
/// or `None` below the lowest.
pub fn level(tiers: &[Tier], meetings: u32) -> Option<(u8, &Tier)> {
    let mut by_min: Vec<&Tier> = tiers.iter().collect();
    by_min.sort_by_key(|t| t.min_meetings);
    by_min
        .iter()
        .enumerate()
        .rev()
        .find(|(_, t)| t.min_meetings <= meetings)
        .map(|(i, t)| (u8::try_from(i + 1).unwrap_or(u8::MAX), *t))
}

/// The fewest meetings any level pays for.
pub fn lowest(tiers: &[Tier]) -> Option<u32> {
    tiers.iter().map(|t| t.min_meetings).min()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Värnamo kommun, kontaktperson LSS (2024): nivå 1 for 2-3 meetings a month, nivå 2 for
    /// at least four.
    fn varnamo() -> Vec<Tier> {
        vec![
            Tier {
                min_meetings: 4,
                fee_percent_hundredths: 1500,
                expense_percent_hundredths: 2000,
            },
            Tier {
                min_meetings: 2,
                fee_percent_hundredths: 750,
                expense_percent_hundredths: 1500,
            },
        ]
    }

    #[test]
    fn the_meetings_choose_the_level() {
        let t = varnamo();
        let lv = |n| level(&t, n).map(|(l, t)| (l, t.fee_percent_hundredths));
        assert_eq!(lv(0), None);
        assert_eq!(lv(1), None);
        assert_eq!(lv(2), Some((1, 750)));
        assert_eq!(lv(3), Some((1, 750)));
        assert_eq!(lv(4), Some((2, 1500)));
        assert_eq!(lv(9), Some((2, 1500)));
        assert_eq!(lowest(&t), Some(2));
    }
}
