//! What a month's pay run pays: for each assignment and each period in the retroactive window,
//! what the records say is earned, less what earlier runs paid. Pure: the records and the ledger
//! come in, lines and exclusions go out.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::prorate::{PaidDays, prorate};
use super::settlement::Now;
use super::{LineKind, PayLine};

use crate::model::assignment::{PaidPer, Terms};
use crate::model::config::{PayrollRules, Tariffs};
use crate::model::money::Overflow;
use crate::model::payline::Quantity;
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

/// What earlier runs paid for one assignment and period, by what they paid for: by kind, and
/// summed into the taxable (`fee`) and the tax-free (`expense`) as [`Now`] is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PaidPeriod {
    pub fee: Money,
    pub expense: Money,
    pub kinds: BTreeMap<LineKind, Money>,
    /// The highest report revision any of those lines was computed from.
    pub revision: u32,
}

impl PaidPeriod {
    /// Adds a ledger line (corrections count towards what they correct; one from before
    /// corrections named it, towards the fee).
    pub fn add(&mut self, line: &PayLine) -> Result<(), Overflow> {
        let kind = match line.corrects.unwrap_or(line.kind) {
            LineKind::Correction => LineKind::Fee,
            k => k,
        };
        self.add_kind(kind, line.amount)?;
        self.revision = self.revision.max(line.revision);
        Ok(())
    }

    /// Adds an amount paid for `kind`.
    pub fn add_kind(&mut self, kind: LineKind, amount: Money) -> Result<(), Overflow> {
        self.kinds
            .entry(kind)
            .or_insert(Money::ZERO)
            .add_to(amount)?;
        if kind.taxable() {
            self.fee.add_to(amount)
        } else {
            self.expense.add_to(amount)
        }
    }

    /// One kind's amount.
    pub fn get(&self, kind: LineKind) -> Money {
        self.kinds.get(&kind).copied().unwrap_or(Money::ZERO)
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
    /// Rates the terms need and the configuration lacks, as messages; a run refuses.
    #[serde(skip)]
    pub missing_rates: Vec<String>,
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

/// One kind of pay a period earns: the amount, the days it covers and what it counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub amount: Money,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub days: u32,
    pub quantity: Option<Quantity>,
}

impl Part {
    fn of(p: super::prorate::Prorated, quantity: Option<Quantity>) -> Part {
        Part {
            amount: p.amount,
            from: p.from,
            to: p.to,
            days: p.days,
            quantity,
        }
    }
}

/// What the records say an assignment earns in a period, per kind, before the ledger.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Earned {
    pub parts: BTreeMap<LineKind, Part>,
    pub cost_center: Option<String>,
    /// Why the period earns less than it might, for the listing (`1 meeting: level 1 of
    /// tariff lss needs 2`), when it earns nothing for that reason.
    pub note: Option<String>,
}

/// What a period earns of one kind by the records, zero when it earns nothing at all (the
/// amount a settled or paid line is compared against).
pub fn earned_amount(earned: Result<Earned, NotEarned>, kind: LineKind) -> Money {
    earned.map_or(Money::ZERO, |e| e.amount(kind))
}

impl Earned {
    /// One kind's amount (zero when it earns none).
    pub fn amount(&self, kind: LineKind) -> Money {
        self.parts.get(&kind).map_or(Money::ZERO, |p| p.amount)
    }

    /// The taxable pay and the tax-free, summed.
    pub fn taxable_and_free(&self) -> Result<(Money, Money), Overflow> {
        let mut out = (Money::ZERO, Money::ZERO);
        for (k, p) in &self.parts {
            if k.taxable() {
                out.0.add_to(p.amount)?;
            } else {
                out.1.add_to(p.amount)?;
            }
        }
        Ok(out)
    }

    fn put(&mut self, kind: LineKind, part: Option<Part>) {
        if let Some(p) = part.filter(|p| p.amount != Money::ZERO) {
            self.parts.insert(kind, p);
        }
    }
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
    /// The configuration lacks the rates the terms need (a year's kontaktfamilj rates, a
    /// meeting tariff, a mileage rate): refused like a missing prisbasbelopp, with the message.
    NoRates(String),
    /// An amount out of range (an absurd hand edit): an error, never a number.
    Overflow,
}

impl NotEarned {
    /// Why, in words, for a listing.
    pub fn reason(&self) -> String {
        match self {
            NotEarned::NotInForce => crate::tr!(
                "the agreement does not cover the period",
                "avtalet gäller inte perioden"
            ),
            NotEarned::Because(why) | NotEarned::NoRates(why) => why.clone(),
            NotEarned::NoPrisbasbelopp(year) => crate::rules::prisbasbelopp::missing_message(*year),
            NotEarned::Overflow => Overflow.to_string(),
        }
    }
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
    let cost_center = ag.cost_center.clone();
    let by_the_hour = valid.iter().any(|(_, t)| t.paid_per == PaidPer::Hour);
    if !report.delivered(by_the_hour) && !rules.pay_without_meetings {
        return Ok(Earned {
            cost_center,
            ..Earned::default()
        });
    }
    let meetings = u32::try_from(report.meetings.len()).unwrap_or(u32::MAX);
    let mut out = monthly_parts(period, &valid, meetings, tariffs, rules)?;
    out.cost_center = cost_center;
    delivered_parts(&mut out, case, report, &valid, tariffs, rules)?;
    Ok(out)
}

/// Are any of `a`'s terms paid by the hour (so that hours reported are what is delivered)?
fn paid_by_the_hour(a: &Assignment) -> bool {
    a.agreement
        .as_ref()
        .is_some_and(|g| g.terms.iter().any(|t| t.paid_per == PaidPer::Hour))
}

/// What `a` would earn in `period` if it goes on as agreed (a report with the agreed meetings
/// approved): the days the agreement is in force and the client's decision valid, by the same
/// proration and rounding as a run. `stats`' forecast is this, so it agrees with what `pay`
/// will pay. Stays, hours, trips and receipts are paid as delivered and are not forecast.
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
    // The meetings the last terms agree on, in a month (a week's taken as 52/12 of a month).
    let meetings = valid.last().map_or(0, |(_, t)| match t.meetings.per {
        crate::model::common::Per::Month => t.meetings.times,
        crate::model::common::Per::Week => t.meetings.times * 52 / 12,
    });
    let mut out = monthly_parts(period, &valid, meetings, tariffs, rules)?;
    out.cost_center = a.agreement.as_ref().and_then(|g| g.cost_center.clone());
    Ok(out)
}

/// The monthly amounts of each day's terms, as a fee and an allowance for the month: by the
/// month, or at the level the month's meetings reach; hourly terms give their allowance here
/// and their fee by the hours (`delivered_parts`); terms per dygn give nothing here. The days
/// given each earn 1/(days in the month) of the amounts in force that day, and an allowance
/// above SKR's highest level is split for tax (`payroll::expense_tax_split`).
fn monthly_parts(
    period: Month,
    valid: &[(NaiveDate, &Terms)],
    meetings: u32,
    tariffs: &Tariffs,
    rules: &PayrollRules,
) -> Result<Earned, NotEarned> {
    let mut fee = PaidDays::default();
    let mut expense = PaidDays::default();
    let mut out = Earned::default();
    let mut level_reached: Option<u8> = None;
    // The monthly amounts change only with the terms or the year: worked out once for each.
    let mut last: Option<(&Terms, i32, Money, Money)> = None;
    for (d, t) in valid {
        if t.paid_per == PaidPer::Dygn {
            continue;
        }
        let year = d.year();
        let (f, e) = match last {
            Some((lt, ly, f, e)) if std::ptr::eq(lt, *t) && ly == year => (f, e),
            _ => {
                let missing = || NotEarned::NoPrisbasbelopp(year);
                let (f, e) = match t.paid_per {
                    PaidPer::Meetings => {
                        let name = t.tiers.as_deref().unwrap_or_default();
                        let tiers = tariffs.tiers.get(name).ok_or_else(|| {
                            NotEarned::NoRates(format!(
                                "kontakt.toml has no meeting tariff [compensation.tiers.{name}]"
                            ))
                        })?;
                        match super::meeting_tiers::level(tiers, meetings) {
                            Some((level, tier)) => {
                                level_reached = Some(level);
                                let f = tariffs.monthly(year, tier.fee_percent_hundredths)?;
                                let e = tariffs.monthly(year, tier.expense_percent_hundredths)?;
                                (f.ok_or_else(missing)?, e.ok_or_else(missing)?)
                            }
                            None => {
                                out.note = Some(format!(
                                    "{meetings} {}: below the lowest level of tariff {name} ({} meetings)",
                                    if meetings == 1 { "meeting" } else { "meetings" },
                                    super::meeting_tiers::lowest(tiers).unwrap_or_default()
                                ));
                                (Money::ZERO, Money::ZERO)
                            }
                        }
                    }
                    PaidPer::Hour => (
                        Money::ZERO,
                        t.expense.monthly(tariffs, year)?.ok_or_else(missing)?,
                    ),
                    _ => (
                        t.fee.monthly(tariffs, year)?.ok_or_else(missing)?,
                        t.expense.monthly(tariffs, year)?.ok_or_else(missing)?,
                    ),
                };
                let highest = tariffs.expense_levels.iter().max().copied().unwrap_or(0);
                let cap = tariffs
                    .monthly(year, highest.saturating_mul(100))?
                    .ok_or_else(missing)?;
                let (e, excess) =
                    super::expense_tax_split::split(e, cap, t.individual_basis.is_some())?;
                let f = f.checked_add(excess)?;
                last = Some((t, year, f, e));
                (f, e)
            }
        };
        fee.days.push((*d, f));
        expense.days.push((*d, e));
    }
    let quantity = level_reached.map(|level| Quantity::Meetings {
        count: meetings,
        level,
    });
    out.put(
        LineKind::Fee,
        prorate(period, &fee, rules.rounding)?.map(|p| Part::of(p, quantity)),
    );
    out.put(
        LineKind::Expense,
        prorate(period, &expense, rules.rounding)?.map(|p| Part::of(p, quantity)),
    );
    Ok(out)
}

/// What the report says was delivered: hours, stays, trips and receipts, and a flat travel
/// allowance for a month that earns pay, added to `out`.
fn delivered_parts(
    out: &mut Earned,
    case: Case,
    report: &Report,
    valid: &[(NaiveDate, &Terms)],
    tariffs: &Tariffs,
    rules: &PayrollRules,
) -> Result<(), NotEarned> {
    let (Some((first, _)), Some((last_day, last))) = (valid.first(), valid.last()) else {
        return Ok(());
    };
    let span = |amount: Money, quantity: Option<Quantity>| Part {
        amount,
        from: *first,
        to: *last_day,
        days: valid.len() as u32,
        quantity,
    };
    let add = |out: &mut Earned, kind: LineKind, part: Part| -> Result<(), NotEarned> {
        match out.parts.get_mut(&kind) {
            Some(p) => {
                p.amount.add_to(part.amount)?;
                p.quantity = part.quantity.or(p.quantity);
            }
            None => out.put(kind, Some(part)),
        }
        Ok(())
    };
    // By the hour: the month's hours at the rate of the last hourly terms in force.
    if let Some(rate) = valid
        .iter()
        .rev()
        .find(|(_, t)| t.paid_per == PaidPer::Hour)
        .and_then(|(_, t)| t.hourly_ore)
    {
        let tenths = report.hours_tenths.unwrap_or(0);
        let fee = super::hourly::hourly(rate, tenths, rules.rounding)?;
        add(
            out,
            LineKind::Fee,
            span(fee, Some(Quantity::Hours { tenths })),
        )?;
    }
    // Per dygn: the stays' days the agreement (on dygn terms) and the decision cover, which
    // may run on past the month.
    if valid.iter().any(|(_, t)| t.paid_per == PaidPer::Dygn) {
        let a = case.assignment;
        let days: Vec<_> = super::dygn::days_of(&report.stays)
            .into_iter()
            .filter(|d| {
                a.terms_on(d.date)
                    .is_some_and(|t| t.paid_per == PaidPer::Dygn)
                    && case.client.granted_on(d.date)
            })
            .collect();
        let pnr = &case.client.pnr;
        let band = |d: NaiveDate| super::age_band::AgeBand::of_age(pnr.age_on(d));
        match super::stay_pay::stay_pay(&days, band, tariffs) {
            Ok(Some(p)) => {
                let q = Some(Quantity::Dygn { halves: p.halves });
                let part = |amount| Part {
                    amount,
                    from: p.from,
                    to: p.to,
                    days: p.days,
                    quantity: q,
                };
                add(out, LineKind::Fee, part(p.fee))?;
                add(out, LineKind::Expense, part(p.expense))?;
            }
            Ok(None) => {}
            Err(super::stay_pay::StayPayError::NoRates(y)) => {
                return Err(NotEarned::NoRates(super::stay_pay::no_rates_message(y)));
            }
            Err(super::stay_pay::StayPayError::NoPrisbasbelopp(y)) => {
                return Err(NotEarned::NoPrisbasbelopp(y));
            }
            Err(super::stay_pay::StayPayError::Overflow) => return Err(NotEarned::Overflow),
        }
    }
    // Mileage for the trips on days the terms pay it.
    let trips: Vec<_> = report
        .trips
        .iter()
        .filter(|trip| valid.iter().any(|(d, t)| *d == trip.date && t.mileage))
        .cloned()
        .collect();
    if !trips.is_empty() {
        use super::mileage::{MileageError, mileage};
        let m = mileage(&trips, &tariffs.mileage, rules.rounding).map_err(|e| match e {
            MileageError::NoRate(y) => NotEarned::NoRates(format!(
                "kontakt.toml has no mileage rate in force in {y} ([compensation.mileage])"
            )),
            MileageError::Overflow => NotEarned::Overflow,
        })?;
        let q = Some(Quantity::Km { km: m.km });
        add(out, LineKind::Mileage, span(m.tax_free, q))?;
        add(out, LineKind::MileageTaxable, span(m.taxable, q))?;
    }
    // A flat travel allowance, for a month that earns pay (`payroll::travel_allowance`).
    if let Some(flat) = super::travel_allowance::flat_for_month(
        last.travel_monthly_ore,
        out.amount(LineKind::Fee),
        out.amount(LineKind::Expense),
    ) {
        add(out, LineKind::Travel, span(flat, None))?;
    }
    if !report.receipts.is_empty() {
        let count = u32::try_from(report.receipts.len()).unwrap_or(u32::MAX);
        let back = super::receipts::paid_back(&report.receipts)?;
        add(
            out,
            LineKind::Receipt,
            span(back, Some(Quantity::Receipts { count })),
        )?;
    }
    Ok(())
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
    use super::settlement::{self, Settlement};
    let mut out = Plan {
        month,
        lines: Vec::new(),
        excluded: Vec::new(),
        missing_prisbasbelopp: Vec::new(),
        missing_rates: Vec::new(),
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
                Err(NotEarned::NoRates(message)) => {
                    if !out.missing_rates.contains(&message) {
                        out.missing_rates.push(message.clone());
                    }
                    out.excluded.push(exclude(message));
                    continue;
                }
                Err(NotEarned::Overflow) => return Err(Overflow),
            };
            let now = match &earned {
                Some(e) => Now::of_kinds(e.parts.iter().map(|(k, p)| (*k, p.amount)))?,
                None => Now::default(),
            };
            if let Some(b) = before {
                match settlement::settle(report, b, &now) {
                    Settlement::Unchanged => continue,
                    Settlement::Recorded => {}
                    Settlement::Unrecorded(why) => {
                        out.excluded
                            .push(exclude(settlement::message(&a.id, period, b, &now, &why)));
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
            for kind in LineKind::EARNED {
                let part = earned.as_ref().and_then(|e| e.parts.get(&kind));
                let (from, to, days, quantity) = part
                    .map_or((period.first_day(), period.last_day(), 0, None), |p| {
                        (p.from, p.to, p.days, p.quantity)
                    });
                let already = before.map_or(Money::ZERO, |b| b.get(kind));
                let diff = now.get(kind).checked_sub(already)?;
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
                    wage_type: rules.wage_type(kind).to_string(),
                    amount: diff,
                    cost_center: cost_center.clone(),
                    revision,
                    quantity,
                });
            }
            if lines.is_empty() {
                if before.is_none() {
                    if let Some(note) = earned.as_ref().and_then(|e| e.note.clone()) {
                        out.excluded.push(exclude(note));
                    } else if report.is_some_and(|r| !r.delivered(paid_by_the_hour(a))) {
                        out.excluded.push(exclude("no meetings reported".into()));
                    }
                }
                continue;
            }
            if rules.require_employee_number && case.volunteer.employee_number.is_none() {
                out.excluded
                    .push(exclude(format!("{} has no employee number", a.volunteer)));
                continue;
            }
            // One typed into the file by hand would go into the payroll file as it stands.
            if case
                .volunteer
                .employee_number
                .as_deref()
                .is_some_and(|n| crate::rules::screening::employee_number_problem(n).is_some())
            {
                out.excluded.push(exclude(format!(
                    "{}'s employee number is not one payroll can take (`kontakt check` names it)",
                    a.volunteer
                )));
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
