//! Reconciling a paid period with its records: do the records still give what was paid, and
//! when they do not, is the change recorded? The one reading both `check` (E013, every paid
//! period against the whole ledger) and `pay --verify` (the periods of one run against the
//! ledger up to it) make, so the two cannot disagree about a period.

use crate::model::config::{PayrollRules, Tariffs};
use crate::model::{Month, Report};

use super::compute::{self, Case, NotEarned, PaidPeriod};
use super::settlement::{self, Now, Settlement, Unrecorded};

/// How one paid period stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reconciled {
    /// The report says it was settled outside kontakt (`report --settled-outside`): there is
    /// nothing to compare.
    SettledOutside,
    /// What the records give cannot be worked out now (a year without prisbasbelopp, rates the
    /// configuration lacks, an amount out of range).
    Unknown(NotEarned),
    /// What the records give now, and how it stands against what was paid.
    Compared { now: Now, settlement: Settlement },
}

impl Reconciled {
    /// The records give what was paid, or a recorded correction covers the change (the next
    /// run pays it), or it was settled outside kontakt.
    pub fn accounted_for(&self) -> bool {
        matches!(
            self.verdict(),
            Verdict::Holds | Verdict::Pending | Verdict::SettledOutside
        )
    }

    /// What this reading means for the period: the one interpretation `check` (E013),
    /// `pay --verify` and `agree`'s warning share.
    pub fn verdict(&self) -> Verdict<'_> {
        match self {
            Reconciled::SettledOutside => Verdict::SettledOutside,
            Reconciled::Unknown(why) => Verdict::Unknown(why),
            Reconciled::Compared { settlement, now } => match settlement {
                Settlement::Unchanged => Verdict::Holds,
                Settlement::Recorded => Verdict::Pending,
                Settlement::Unrecorded(why) => Verdict::Changed { now, why },
            },
        }
    }
}

/// How a paid period stands, read one way by every caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict<'a> {
    /// The records give what was paid.
    Holds,
    /// Settled outside kontakt: nothing to compare.
    SettledOutside,
    /// A correction recorded after the payment covers the change; the next run pays the
    /// difference. Not a fault.
    Pending,
    /// What the records give cannot be worked out now. `check` reports the cause under its own
    /// finding (a missing prisbasbelopp, an amount out of range) rather than as E013; a run
    /// that paid the period cannot be verified until it is mended.
    Unknown(&'a NotEarned),
    /// The records now give other amounts and no correction records it: E013, a difference
    /// for `pay --verify`, `agree`'s warning.
    Changed { now: &'a Now, why: &'a Unrecorded },
}

/// Reconciles what was `paid` for `period` with what the records give now. `case` is `None`
/// when the assignment or one of its people is gone: the records then give nothing.
pub fn reconcile(
    case: Option<Case>,
    period: Month,
    report: Option<&Report>,
    paid: &PaidPeriod,
    tariffs: &Tariffs,
    rules: &PayrollRules,
) -> Reconciled {
    if report.is_some_and(Report::settled_outside) {
        return Reconciled::SettledOutside;
    }
    let now = match case {
        None => Now::default(),
        Some(case) => {
            let earned = compute::earned(case, period, report, tariffs, rules);
            match Now::of(&earned) {
                Ok(now) => now,
                Err(why) => return Reconciled::Unknown(why.clone()),
            }
        }
    };
    let settlement = settlement::settle(report, paid, &now);
    Reconciled::Compared { now, settlement }
}
/// Does a line paid twice (`rules::ledger::paid_twice`) still stand as the records read now?
/// Not once the report was revised after it, nor when a correction after it left the period
/// earning just what the doubled lines paid: what it earns now is worked out here, by the
/// rules pay runs by, for `check` (E017) and `pay` (which refuses) alike. `case` is the
/// assignment with its people, when all are on file.
pub fn paid_twice_stands(
    t: &crate::rules::ledger::PaidTwice,
    report: Option<&Report>,
    case: Option<Case>,
    tariffs: &Tariffs,
    rules: &PayrollRules,
) -> bool {
    let earned = case.filter(|_| t.corrected_after).map(|c| {
        compute::earned_amount(compute::earned(c, t.period, report, tariffs, rules), t.kind)
    });
    t.stands(report.map(Report::revision), earned)
}
