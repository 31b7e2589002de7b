//! What a month's pay run pays: for each assignment and each period in the retroactive window,
//! what the records say is earned, less what earlier runs paid. Pure: the records and the ledger
//! come in, lines and exclusions go out.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::prorate::{PaidDays, prorate};
use super::{LineKind, PayLine};

use crate::model::assignment::Terms;
use crate::model::config::{PayrollRules, Tariffs};
use crate::model::money::Overflow;
use crate::model::payrun::Excluded;
use crate::model::{Assignment, Client, Id, Money, Month, Report, Volunteer};
use crate::rules::in_force;

/// One assignment with what pay needs to know about it.
#[derive(Debug, Clone, Copy)]
pub struct Case<'a> {
    pub assignment: &'a Assignment,
    pub client: &'a Client,
    pub volunteer: &'a Volunteer,
}

/// What earlier runs paid for one assignment and period, by what they paid for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PaidPeriod {
    pub fee: Money,
    pub expense: Money,
    /// The highest report revision any of those lines was computed from.
    pub revision: u32,
}

impl PaidPeriod {
    /// Adds a ledger line (corrections count towards what they correct).
    pub fn add(&mut self, line: &PayLine) -> Result<(), Overflow> {
        match line.corrects.unwrap_or(line.kind) {
            LineKind::Expense => self.expense.add_to(line.amount)?,
            _ => self.fee.add_to(line.amount)?,
        }
        self.revision = self.revision.max(line.revision);
        Ok(())
    }

    /// Fee and expenses together.
    pub fn total(&self) -> Result<Money, Overflow> {
        self.fee.checked_add(self.expense)
    }
}

/// The ledger, summed: what was paid per assignment and period.
pub type Paid = HashMap<(Id, Month), PaidPeriod>;

/// Sums ledger lines into [`Paid`].
pub fn paid_of<'a>(lines: impl Iterator<Item = &'a PayLine>) -> Result<Paid, Overflow> {
    let mut paid = Paid::new();
    for l in lines {
        paid.entry((l.assignment, l.period)).or_default().add(l)?;
    }
    Ok(paid)
}

/// What the run pays and what it leaves out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Plan {
    pub month: Month,
    pub lines: Vec<PayLine>,
    pub excluded: Vec<Excluded>,
    /// Years whose prisbasbelopp a line needed and the configuration lacks; a run refuses.
    #[serde(skip)]
    pub missing_prisbasbelopp: Vec<i32>,
    /// The sum of the lines, added up (checked) once by [`plan`].
    pub total_ore: Money,
    /// What is owed but older than the retroactive limit (also in `excluded`): the run's
    /// ledger entry keeps it, so that every later run lists it until it is settled.
    #[serde(skip)]
    pub owed: Vec<Excluded>,
    /// The names of the volunteers the plan pays or leaves out, by id, for what people read
    /// beside the ids (a script reads the ids).
    #[serde(skip)]
    pub names: BTreeMap<Id, String>,
}

impl Plan {
    pub fn total(&self) -> Money {
        self.total_ore
    }
}

/// What the records say an assignment earns in a period, per kind, before the ledger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Earned {
    pub fee: Option<super::prorate::Prorated>,
    pub expense: Option<super::prorate::Prorated>,
    pub cost_center: Option<String>,
}

/// Why a period earns nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotEarned {
    /// The agreement does not touch the period: nothing to say.
    NotInForce,
    /// It would pay, but cannot: the reason is shown to staff.
    Because(String),
    /// The configuration lacks this year's prisbasbelopp: nobody's percentage can be paid, so
    /// the run is refused rather than paying nothing (`rules::prisbasbelopp`).
    NoPrisbasbelopp(i32),
    /// An amount out of range (an absurd hand edit): an error, never a number.
    Overflow,
}

impl From<Overflow> for NotEarned {
    fn from(_: Overflow) -> Self {
        NotEarned::Overflow
    }
}

impl From<&str> for NotEarned {
    fn from(s: &str) -> Self {
        NotEarned::Because(s.to_string())
    }
}

impl From<String> for NotEarned {
    fn from(s: String) -> Self {
        NotEarned::Because(s)
    }
}

/// What `case` earns in `period` by the records (the report given), or why it earns nothing.
pub fn earned(
    case: Case,
    period: Month,
    report: Option<&Report>,
    tariffs: &Tariffs,
    rules: &PayrollRules,
) -> Result<Earned, NotEarned> {
    let a = case.assignment;
    let ag = a.agreement.as_ref().ok_or(NotEarned::NotInForce)?;
    let in_force: Vec<_> = period
        .dates()
        .filter_map(|d| a.terms_on(d).map(|t| (d, t)))
        .collect();
    if in_force.is_empty() {
        return Err(NotEarned::NotInForce);
    }
    if !ag.is_signed() {
        return Err("the agreement is not signed".into());
    }
    let report = report.ok_or("report missing")?;
    if report.approved.is_none() {
        return Err("report not approved".into());
    }
    let valid: Vec<_> = in_force
        .into_iter()
        .filter(|(d, _)| case.client.granted_on(*d))
        .collect();
    if valid.is_empty() {
        return Err(format!("the client's decision does not cover {period}").into());
    }
    if report.meetings.is_empty() && !rules.pay_without_meetings {
        return Ok(Earned {
            fee: None,
            expense: None,
            cost_center: ag.cost_center.clone(),
        });
    }
    prorated(period, &valid, tariffs, rules, ag.cost_center.clone())
}

/// What `a` would earn in `period` if it goes on as agreed (a report with meetings approved):
/// the days the agreement is in force and the client's decision valid, by the same proration
/// and rounding as a run. `stats`' forecast is this, so it agrees with what `pay` will pay.
pub fn as_agreed(
    a: &Assignment,
    client: &Client,
    period: Month,
    tariffs: &Tariffs,
    rules: &PayrollRules,
) -> Result<Earned, NotEarned> {
    let valid: Vec<(NaiveDate, &Terms)> = period
        .dates()
        .filter(|d| client.granted_on(*d))
        .filter_map(|d| in_force::terms_in_force(a, d).map(|t| (d, t)))
        .collect();
    let cost_center = a.agreement.as_ref().and_then(|g| g.cost_center.clone());
    prorated(period, &valid, tariffs, rules, cost_center)
}

/// The days given, each earning 1/(days in the month) of the monthly amounts of its terms.
fn prorated(
    period: Month,
    valid: &[(NaiveDate, &Terms)],
    tariffs: &Tariffs,
    rules: &PayrollRules,
    cost_center: Option<String>,
) -> Result<Earned, NotEarned> {
    let mut fee = PaidDays::default();
    let mut expense = PaidDays::default();
    // The monthly amounts change only with the terms or the year: worked out once for each.
    let mut last: Option<(&Terms, i32, Money, Money)> = None;
    for (d, t) in valid {
        let year = d.year();
        let (f, e) = match last {
            Some((lt, ly, f, e)) if std::ptr::eq(lt, *t) && ly == year => (f, e),
            _ => {
                let missing = || NotEarned::NoPrisbasbelopp(year);
                let f = t.fee.monthly(tariffs, year)?.ok_or_else(missing)?;
                let e = t.expense.monthly(tariffs, year)?.ok_or_else(missing)?;
                last = Some((t, year, f, e));
                (f, e)
            }
        };
        fee.days.push((*d, f));
        expense.days.push((*d, e));
    }
    Ok(Earned {
        fee: prorate(period, &fee, rules.rounding)?,
        expense: prorate(period, &expense, rules.rounding)?,
        cost_center,
    })
}

/// The run for `month` over `periods` (its retroactive window, `payroll::retroactive`): new
/// lines for what no run paid, and for a paid period whose records now give another amount
/// (whatever changed: a report, an ending, a decision, the terms) the difference, once a
/// correction records it (`payroll::settlement`); every period left out is listed with its
/// reason. `reports` holds the window's reports by (assignment, period); `paid` sums the ledger.
pub fn plan(
    month: Month,
    periods: &[Month],
    cases: &[Case],
    reports: &BTreeMap<(Id, Month), Report>,
    paid: &Paid,
    tariffs: &Tariffs,
    rules: &PayrollRules,
) -> Result<Plan, Overflow> {
    use super::settlement::{self, Now, Settlement};
    let mut out = Plan {
        month,
        lines: Vec::new(),
        excluded: Vec::new(),
        missing_prisbasbelopp: Vec::new(),
        total_ore: Money::ZERO,
        owed: Vec::new(),
        names: BTreeMap::new(),
    };
    for case in cases {
        let a = case.assignment;
        out.names
            .entry(case.volunteer.id)
            .or_insert_with(|| case.volunteer.name.clone());
        for &period in periods {
            let key = (a.id, period);
            let report = reports.get(&key);
            let before = paid.get(&key);
            let exclude = |reason: String| Excluded {
                assignment: a.id,
                volunteer: a.volunteer,
                period,
                reason,
            };
            if let Some(s) = report.and_then(|r| r.settled_outside.as_ref())
                && report.is_some_and(Report::settled_outside)
            {
                out.excluded.push(exclude(format!(
                    "settled outside kontakt on {} by {}: {}",
                    s.date, s.by, s.reason
                )));
                continue;
            }
            // What the records give now; a paid period that now earns nothing (an ending moved
            // back, a decision that no longer covers it) gives nothing, and is settled as such.
            let earned = match earned(*case, period, report, tariffs, rules) {
                Ok(e) => Some(e),
                // Nothing to say about months the agreement does not touch and nobody was paid.
                Err(NotEarned::NotInForce) if before.is_none() => continue,
                Err(NotEarned::Because(reason)) if before.is_none() => {
                    out.excluded.push(exclude(reason));
                    continue;
                }
                Err(NotEarned::NotInForce | NotEarned::Because(_)) => None,
                Err(NotEarned::NoPrisbasbelopp(year)) => {
                    if !out.missing_prisbasbelopp.contains(&year) {
                        out.missing_prisbasbelopp.push(year);
                    }
                    out.excluded
                        .push(exclude(crate::rules::prisbasbelopp::missing_message(year)));
                    continue;
                }
                Err(NotEarned::Overflow) => return Err(Overflow),
            };
            let part = |kind: LineKind| {
                earned.as_ref().and_then(|e| match kind {
                    LineKind::Expense => e.expense.as_ref(),
                    _ => e.fee.as_ref(),
                })
            };
            let due = |kind| part(kind).map_or(Money::ZERO, |p| p.amount);
            let now = Now {
                fee: due(LineKind::Fee),
                expense: due(LineKind::Expense),
            };
            if let Some(b) = before {
                match settlement::settle(report, b, now) {
                    Settlement::Unchanged => continue,
                    Settlement::Recorded => {}
                    Settlement::Unrecorded(why) => {
                        out.excluded
                            .push(exclude(settlement::message(&a.id, period, b, now, &why)));
                        continue;
                    }
                }
            }
            let revision = report.map_or(0, Report::revision);
            let cost_center = match &earned {
                Some(e) => e.cost_center.clone(),
                None => a.agreement.as_ref().and_then(|g| g.cost_center.clone()),
            };
            let mut lines = Vec::new();
            for (kind, wage_type) in [
                (LineKind::Fee, &rules.fee_wage_type),
                (LineKind::Expense, &rules.expense_wage_type),
            ] {
                let (from, to, days) = part(kind)
                    .map_or((period.first_day(), period.last_day(), 0), |p| {
                        (p.from, p.to, p.days)
                    });
                let already = before.map_or(Money::ZERO, |b| match kind {
                    LineKind::Expense => b.expense,
                    _ => b.fee,
                });
                let diff = due(kind).checked_sub(already)?;
                if diff == Money::ZERO {
                    continue;
                }
                let correction = before.is_some();
                lines.push(PayLine {
                    assignment: a.id,
                    volunteer: a.volunteer,
                    period,
                    from,
                    to,
                    days,
                    kind: if correction {
                        LineKind::Correction
                    } else {
                        kind
                    },
                    corrects: correction.then_some(kind),
                    wage_type: wage_type.clone(),
                    amount: diff,
                    cost_center: cost_center.clone(),
                    revision,
                });
            }
            if lines.is_empty() {
                if before.is_none() && report.is_some_and(|r| r.meetings.is_empty()) {
                    out.excluded.push(exclude("no meetings reported".into()));
                }
                continue;
            }
            if rules.require_employee_number && case.volunteer.employee_number.is_none() {
                out.excluded
                    .push(exclude(format!("{} has no employee number", a.volunteer)));
                continue;
            }
            out.lines.extend(lines);
        }
    }
    out.lines.sort_by(|x, y| {
        (&x.volunteer, &x.assignment, x.period, x.kind).cmp(&(
            &y.volunteer,
            &y.assignment,
            y.period,
            y.kind,
        ))
    });
    out.excluded.sort_by(|x, y| {
        (&x.volunteer, &x.assignment, x.period).cmp(&(&y.volunteer, &y.assignment, y.period))
    });
    out.total_ore = Money::sum(out.lines.iter().map(|l| l.amount))?;
    Ok(out)
}
