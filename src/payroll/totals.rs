//! What a run pays each volunteer: the fee (arvode), the expense allowance
//! (omkostnadsersättning) and corrections, summed with checked arithmetic. The pay table and
//! the run's summary page show these; they are never summed anywhere else.

use std::collections::BTreeMap;

use crate::model::money::Overflow;
use crate::model::payline::{LineKind, PayLine};
use crate::model::{Id, Money};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VolunteerTotal {
    pub volunteer: Id,
    /// The assignments paid, in the order the lines name them.
    pub assignments: Vec<Id>,
    pub fee: Money,
    pub expense: Money,
    pub correction: Money,
    /// Mileage, travel allowance and outlays paid back.
    pub travel: Money,
}

impl VolunteerTotal {
    pub fn total(&self) -> Result<Money, Overflow> {
        self.fee
            .checked_add(self.expense)?
            .checked_add(self.correction)?
            .checked_add(self.travel)
    }
}

/// Each volunteer's totals, by volunteer id.
pub fn by_volunteer(lines: &[PayLine]) -> Result<Vec<VolunteerTotal>, Overflow> {
    let mut by: BTreeMap<&Id, VolunteerTotal> = BTreeMap::new();
    for l in lines {
        let t = by.entry(&l.volunteer).or_insert_with(|| VolunteerTotal {
            volunteer: l.volunteer,
            assignments: Vec::new(),
            fee: Money::ZERO,
            expense: Money::ZERO,
            correction: Money::ZERO,
            travel: Money::ZERO,
        });
        if !t.assignments.contains(&l.assignment) {
            t.assignments.push(l.assignment);
        }
        match l.kind {
            LineKind::Fee => t.fee.add_to(l.amount)?,
            LineKind::Expense => t.expense.add_to(l.amount)?,
            LineKind::Correction => t.correction.add_to(l.amount)?,
            LineKind::Mileage | LineKind::MileageTaxable | LineKind::Travel | LineKind::Receipt => {
                t.travel.add_to(l.amount)?
            }
        }
    }
    Ok(by.into_values().collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn line(volunteer: usize, assignment: usize, kind: LineKind, ore: i64) -> PayLine {
        let id = |k: char, n: usize| Id::parse(&format!("{k}-{:0>6}", n)).unwrap();
        PayLine {
            assignment: id('A', assignment),
            volunteer: id('V', volunteer),
            period: "2026-10".parse().unwrap(),
            from: "2026-10-01".parse().unwrap(),
            to: "2026-10-31".parse().unwrap(),
            days: 31,
            kind,
            corrects: None,
            wage_type: "1".into(),
            amount: Money(ore),
            cost_center: None,
            revision: 0,
            quantity: None,
        }
    }

    proptest! {
        /// The volunteers' totals add up to the lines' sum, kind by kind.
        #[test]
        fn totals_add_up_to_the_lines(
            raw in proptest::collection::vec((0usize..4, 0usize..6, 0u8..7, -100_000i64..1_000_000), 0..40)
        ) {
            let kinds = [
                LineKind::Fee,
                LineKind::Expense,
                LineKind::Correction,
                LineKind::Mileage,
                LineKind::MileageTaxable,
                LineKind::Travel,
                LineKind::Receipt,
            ];
            let lines: Vec<PayLine> = raw
                .iter()
                .map(|(v, a, k, ore)| line(*v, *a, kinds[usize::from(*k)], *ore))
                .collect();
            let totals = by_volunteer(&lines).unwrap();
            let all: i64 = totals.iter().map(|t| t.total().unwrap().ore()).sum();
            prop_assert_eq!(all, lines.iter().map(|l| l.amount.ore()).sum::<i64>());
            for kind in kinds {
                let of = |t: &VolunteerTotal| match kind {
                    LineKind::Fee => t.fee,
                    LineKind::Expense => t.expense,
                    LineKind::Correction => t.correction,
                    _ => t.travel,
                };
                let same = |k: LineKind| k == kind || (k.is_travel() && kind.is_travel());
                let expected: i64 = lines.iter().filter(|l| same(l.kind)).map(|l| l.amount.ore()).sum();
                prop_assert_eq!(totals.iter().map(|t| of(t).ore()).sum::<i64>(), expected);
            }
            let distinct: std::collections::BTreeSet<_> = lines.iter().map(|l| &l.volunteer).collect();
            prop_assert_eq!(totals.len(), distinct.len());
        }
    }

    #[test]
    fn an_overflow_is_an_error() {
        let lines = [
            line(1, 1, LineKind::Fee, i64::MAX),
            line(1, 1, LineKind::Fee, 1),
        ];
        assert!(by_volunteer(&lines).is_err());
    }
}
