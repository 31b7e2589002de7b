//! When a paid month's records change: is the difference paid? A paid period is never paid
//! again as it stands. When its records now give other amounts, for whatever reason (a
//! corrected report, an ending moved back, a decision that no longer covers it, new terms, a
//! hand edit), the difference is paid (as `correction` lines, negative when too much was paid)
//! only once a person has recorded the change: a correction (`kontakt report A MONTH --correct
//! REASON`) made after the run, which noted the amounts the records gave then. A change nobody
//! recorded, or one made after the last correction (so that it expected other amounts), is not
//! paid but listed, every run and by `check` (E013), until it is recorded.

use std::collections::BTreeMap;

use crate::model::payline::LineKind;
use crate::model::{Money, Report};

use super::compute::{Earned, NotEarned, PaidPeriod};

/// What the records give for a period now: by kind of pay, and summed into the taxable pay
/// (`fee`: the arvode and what is taxed as it) and the tax-free (`expense`: the allowance,
/// tax-free mileage, outlays), the two sums a correction notes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Now {
    pub fee: Money,
    pub expense: Money,
    pub kinds: BTreeMap<LineKind, Money>,
}

impl Now {
    /// A fee and an expense allowance and nothing else.
    pub fn two(fee: Money, expense: Money) -> Now {
        Now::of_kinds([(LineKind::Fee, fee), (LineKind::Expense, expense)]).unwrap_or_default()
    }

    /// The amounts by kind, summed (checked) into the taxable and the tax-free.
    pub fn of_kinds(
        kinds: impl IntoIterator<Item = (LineKind, Money)>,
    ) -> Result<Now, crate::model::money::Overflow> {
        let mut now = Now::default();
        for (k, m) in kinds {
            if m == Money::ZERO {
                continue;
            }
            now.kinds.entry(k).or_insert(Money::ZERO).add_to(m)?;
            if k.taxable() {
                now.fee.add_to(m)?;
            } else {
                now.expense.add_to(m)?;
            }
        }
        Ok(now)
    }

    /// One kind's amount.
    pub fn get(&self, kind: LineKind) -> Money {
        self.kinds.get(&kind).copied().unwrap_or(Money::ZERO)
    }

    /// What `compute::earned` says the period gives: its amounts, or nothing when it earns
    /// nothing (not in force, not approved, not covered by the decision). `Err` when it cannot
    /// be worked out (a year without prisbasbelopp, an amount out of range).
    pub fn of(earned: &Result<Earned, NotEarned>) -> Result<Now, &NotEarned> {
        match earned {
            Ok(e) => Now::of_kinds(e.parts.iter().map(|(k, p)| (*k, p.amount)))
                .map_err(|_| &NotEarned::Overflow),
            Err(NotEarned::NotInForce | NotEarned::Because(_)) => Ok(Now::default()),
            Err(e) => Err(e),
        }
    }

    pub fn total(&self) -> Result<Money, crate::model::money::Overflow> {
        self.fee.checked_add(self.expense)
    }

    /// Was exactly this paid, kind by kind?
    pub fn same_as(&self, paid: &PaidPeriod) -> bool {
        LineKind::EARNED
            .iter()
            .all(|k| self.get(*k) == paid.get(*k))
    }
}

/// How a paid period stands against its records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Settlement {
    /// The records give what was paid.
    Unchanged,
    /// A correction recorded since the run covers the change: pay the difference.
    Recorded,
    /// Changed since it was paid, and no correction covers it: why, for the listing.
    Unrecorded(Unrecorded),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unrecorded {
    /// No correction was recorded since the run.
    NoCorrection,
    /// The last correction (of this date) settled other amounts: something changed after it.
    AfterCorrection {
        date: chrono::NaiveDate,
        fee: Money,
        expense: Money,
    },
}

/// Does a correction recorded since the period was paid cover what the records give now?
pub fn settle(report: Option<&Report>, paid: &PaidPeriod, now: &Now) -> Settlement {
    if now.same_as(paid) {
        return Settlement::Unchanged;
    }
    let Some(r) = report.filter(|r| r.revision() > paid.revision) else {
        return Settlement::Unrecorded(Unrecorded::NoCorrection);
    };
    let Some(last) = r.corrections.last() else {
        return Settlement::Unrecorded(Unrecorded::NoCorrection);
    };
    match (last.fee_ore, last.expense_ore) {
        (Some(fee), Some(expense)) if (fee, expense) != (now.fee, now.expense) => {
            Settlement::Unrecorded(Unrecorded::AfterCorrection {
                date: last.date.get(),
                fee,
                expense,
            })
        }
        // A correction from before kontakt noted amounts is taken at its word.
        _ => Settlement::Recorded,
    }
}

/// Would a correction from `old` to `new` change nothing: the report says the same, and the
/// month would be paid what it was (or, never paid, what the last correction settled, or what
/// it gives now)? Such a correction is refused: it would only switch off "changed after it was
/// paid" for a later change nobody recorded.
pub fn changes_nothing(old: &Report, new: &Report, paid: Option<&PaidPeriod>, now: &Now) -> bool {
    if !old.same_content(new) {
        return false;
    }
    match paid {
        Some(p) => now.same_as(p),
        None => true,
    }
}

/// The reason a run and `check` give for an unrecorded change, with the command that records it.
pub fn message(
    assignment: &crate::model::Id,
    period: crate::model::Month,
    paid: &PaidPeriod,
    now: &Now,
    why: &Unrecorded,
) -> String {
    let total = |f: Money, e: Money| {
        f.checked_add(e)
            .map_or_else(|e| e.to_string(), |m| m.to_string())
    };
    let said = match why {
        Unrecorded::NoCorrection => format!(
            "paid {} kr, the records now give {} kr",
            total(paid.fee, paid.expense),
            total(now.fee, now.expense)
        ),
        Unrecorded::AfterCorrection { date, fee, expense } => format!(
            "the correction of {date} settled {} kr, the records now give {} kr",
            total(*fee, *expense),
            total(now.fee, now.expense)
        ),
    };
    format!(
        "changed after it was paid ({said}): record the change with `kontakt report {assignment} {period} --correct REASON`"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::report::Correction;

    fn report(corrections: Vec<(Option<i64>, Option<i64>)>) -> Report {
        let month: crate::model::Month = "2026-03".parse().unwrap();
        Report {
            schema: 1,
            assignment: crate::model::Id::parse("A-7Q2K9M").unwrap(),
            month,
            meetings: vec![],
            hours_tenths: None,
            activity: None,
            expenses_ore: None,
            stays: vec![],
            trips: vec![],
            receipts: vec![],
            note: None,
            reported: month.first_day().into(),
            approved: None,
            corrections: corrections
                .into_iter()
                .map(|(f, e)| Correction {
                    date: month.last_day().into(),
                    reason: "r".into(),
                    by: None,
                    fee_ore: f.map(Money),
                    expense_ore: e.map(Money),
                })
                .collect(),
            settled_outside: None,
        }
    }

    fn paid(fee: i64, expense: i64, revision: u32) -> PaidPeriod {
        let mut p = PaidPeriod::default();
        for (kind, ore) in [(LineKind::Fee, fee), (LineKind::Expense, expense)] {
            p.add_kind(kind, Money(ore)).unwrap();
        }
        p.revision = revision;
        p
    }

    fn now(fee: i64, expense: i64) -> Now {
        Now::two(Money(fee), Money(expense))
    }

    #[test]
    fn only_a_correction_that_settled_these_amounts_opens_the_gate() {
        let p = paid(100, 50, 0);
        assert_eq!(settle(None, &p, &now(100, 50)), Settlement::Unchanged);
        assert_eq!(
            settle(None, &p, &now(0, 0)),
            Settlement::Unrecorded(Unrecorded::NoCorrection)
        );
        // Corrected before the run (revision not above what was paid): not recorded since.
        assert_eq!(
            settle(
                Some(&report(vec![(Some(0), Some(0))])),
                &paid(100, 50, 1),
                &now(0, 0)
            ),
            Settlement::Unrecorded(Unrecorded::NoCorrection)
        );
        let settled_zero = report(vec![(Some(0), Some(0))]);
        assert_eq!(
            settle(Some(&settled_zero), &p, &now(0, 0)),
            Settlement::Recorded
        );
        // A correction that changed nothing does not cover a later change of terms.
        let no_op = report(vec![(Some(100), Some(50))]);
        assert!(matches!(
            settle(Some(&no_op), &p, &now(120, 60)),
            Settlement::Unrecorded(Unrecorded::AfterCorrection { .. })
        ));
        // A legacy correction without amounts is taken at its word.
        assert_eq!(
            settle(Some(&report(vec![(None, None)])), &p, &now(7, 7)),
            Settlement::Recorded
        );
    }
}
