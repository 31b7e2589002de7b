//! `kontakt agree`: the assignment agreement (uppdragsavtal) and its terms over time.

use crate::tr;
use chrono::NaiveDate;

use crate::documents::agreement::{AgreementDoc, Rule, TermsLine};
use crate::model::assignment::{Agreement, Compensation, PaidPer, Terms};
use crate::model::{Assignment, Client, Event, Frequency, Kind, Money, Volunteer};
use crate::rules::agreement;
use crate::store::{Changeset, Store};
use crate::{Error, Result};

/// How the fee (arvode) is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeeSpec {
    /// SKR category 1-3 and a per cent of the prisbasbelopp (in hundredths).
    Category {
        category: u8,
        percent_hundredths: u32,
    },
    /// A plain monthly amount.
    Plain(Money),
}

/// How the expense allowance (omkostnadsersättning) is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExpenseSpec {
    Level(u8),
    Plain(Money),
}

#[derive(Debug, Clone, Default)]
pub struct AgreeInput {
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub meetings: Option<Frequency>,
    pub fee: Option<FeeSpec>,
    pub expense: Option<ExpenseSpec>,
    pub cost_center: Option<String>,
    pub signed: Option<NaiveDate>,
    pub confidentiality_signed: Option<NaiveDate>,
    pub reason: Option<String>,
    pub change_from: Option<NaiveDate>,
    /// How the month is paid, when not by the month (`--paid-per`).
    pub pay: PayInput,
}

/// How the terms pay, beyond the fee and the allowance: what `agree --paid-per`, `--tiers`,
/// `--hourly`, `--mileage`, `--travel-monthly` and `--individual-basis` give.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PayInput {
    pub paid_per: Option<PaidPer>,
    pub tiers: Option<String>,
    pub hourly: Option<Money>,
    pub mileage: Option<bool>,
    pub travel_monthly: Option<Money>,
    pub individual_basis: Option<String>,
}

impl PayInput {
    fn given(&self) -> bool {
        *self != PayInput::default()
    }
}

impl AgreeInput {
    /// Signature dates and nothing else.
    fn only_signatures(&self) -> bool {
        let AgreeInput {
            start,
            end,
            meetings,
            fee,
            expense,
            cost_center,
            signed,
            confidentiality_signed,
            reason,
            change_from,
            pay,
        } = self;
        (signed.is_some() || confidentiality_signed.is_some())
            && start.is_none()
            && end.is_none()
            && meetings.is_none()
            && fee.is_none()
            && expense.is_none()
            && cost_center.is_none()
            && reason.is_none()
            && change_from.is_none()
            && !pay.given()
    }
}

/// Parses a per cent as typed (`20`, `22.5`, `22,5`) into hundredths.
pub fn parse_percent(s: &str) -> std::result::Result<u32, String> {
    let t = s.trim().trim_end_matches('%').replace(',', ".");
    let (w, f) = t.split_once('.').unwrap_or((&t, ""));
    let bad = || {
        tr!(
            "expected a per cent like 20 or 22.5, found `{s}`",
            "en procentsats som 20 eller 22,5 väntades, `{s}` hittades"
        )
    };
    if w.is_empty() || f.len() > 2 || !w.chars().chain(f.chars()).all(|c| c.is_ascii_digit()) {
        return Err(bad());
    }
    let whole: u32 = w.parse().map_err(|_| bad())?;
    let frac: u32 = format!("{f:0<2}").parse().map_err(|_| bad())?;
    if whole > 100 {
        return Err(tr!(
            "at most 100 per cent, found {whole}",
            "högst 100 procent, {whole} hittades"
        ));
    }
    Ok(whole * 100 + frac)
}

/// `terms` with what `pay` gives in place of what they had; whether the result holds together
/// (a tariff named for meeting levels, no fee beside a rate per hour) is `rules::terms`' to say.
fn with_pay(mut terms: Terms, pay: &PayInput) -> Terms {
    if let Some(p) = pay.paid_per {
        terms.paid_per = p;
    }
    if pay.tiers.is_some() {
        terms.tiers = pay.tiers.clone();
    }
    if pay.hourly.is_some() {
        terms.hourly_ore = pay.hourly;
    }
    if let Some(m) = pay.mileage {
        terms.mileage = m;
    }
    if pay.travel_monthly.is_some() {
        terms.travel_monthly_ore = pay.travel_monthly.filter(|m| *m != Money::ZERO);
    }
    if let Some(b) = &pay.individual_basis {
        terms.individual_basis = Some(b.trim().to_string()).filter(|b| !b.is_empty());
    }
    // What another way of paying does not use is not carried into it.
    crate::rules::terms::only_what_it_states(terms)
}

/// The fee as the agreement records it; whether it is allowed is `rules::terms`' to say.
fn compensation_of_fee(fee: FeeSpec) -> Compensation {
    match fee {
        FeeSpec::Category {
            category,
            percent_hundredths,
        } => Compensation::Percent {
            level: Some(category),
            hundredths: percent_hundredths,
        },
        FeeSpec::Plain(m) => Compensation::Amount(m),
    }
}

/// The expense allowance as the agreement records it: a level's per cent of the configuration.
/// A level kontakt.toml lacks gets no per cent (0), which `rules::terms` refuses by the level
/// before anything is written.
fn compensation_of_expense(e: ExpenseSpec, store: &Store) -> Compensation {
    match e {
        ExpenseSpec::Level(level) => Compensation::Percent {
            level: Some(level),
            hundredths: crate::rules::terms::expense_level_hundredths(
                &store.config.compensation,
                level,
            )
            .unwrap_or(0),
        },
        ExpenseSpec::Plain(m) => Compensation::Amount(m),
    }
}

/// What `rules::terms` finds wrong with terms about to be recorded, as `agree` says it.
fn terms_messages(t: &Terms, store: &Store) -> Vec<String> {
    crate::rules::terms::terms_problems(t, &store.config.compensation, &[])
        .into_iter()
        .map(|p| p.message)
        .collect()
}

/// What the agreement's terms give beyond the client's decision (more meetings than granted),
/// for `agree` to warn of: it needs a new decision (`rules::decision::meetings_beyond_grant`).
pub fn beyond_grant(store: &Store, a: &Assignment) -> Result<Vec<String>> {
    let Some(ag) = &a.agreement else {
        return Ok(Vec::new());
    };
    let c: Client = store.load(&a.client)?;
    Ok(ag
        .terms
        .iter()
        .filter_map(|t| crate::rules::decision::meetings_beyond_grant(&c, t.from.get(), t.meetings))
        .collect())
}

pub fn agree(
    store: &Store,
    prefix: &str,
    input: AgreeInput,
    today: NaiveDate,
) -> Result<Assignment> {
    let lock = store.lock()?;
    let id = store.resolve(prefix, &[Kind::Assignment])?;
    let mut a: Assignment = store.load(&id)?;
    if let Some(why) = agreement::recordable(
        &id,
        a.status(today),
        a.agreement.is_some(),
        input.only_signatures(),
    ) {
        return Err(Error::refused(vec![why]));
    }
    let c: Client = store.load(&a.client)?;
    let v: Volunteer = store.load(&a.volunteer)?;
    let reason = input
        .reason
        .as_deref()
        .is_some_and(|r| !r.trim().is_empty());
    let mut problems = Vec::new();
    let mut events = Vec::new();
    let terms_given = input.meetings.is_some()
        || input.fee.is_some()
        || input.expense.is_some()
        || input.pay.given();
    match (&mut a.agreement, input.change_from) {
        (None, Some(_)) => {
            return Err(Error::arg(
                "--change-from",
                tr!(
                    "there are no terms to change yet; agree first with --start",
                    "det finns inga villkor att ändra ännu; avtala först med --start"
                ),
            ));
        }
        (None, None) => {
            let mut missing: Vec<String> = Vec::new();
            if input.start.is_none() {
                missing.push(tr!("--start DATE", "--start DATUM"));
            }
            if input.meetings.is_none() {
                missing.push(tr!(
                    "--meetings N/week|N/month",
                    "--meetings N/vecka|N/månad"
                ));
            }
            // What this way of paying states (`rules::terms::stated`), asked for by its option.
            let needs = crate::rules::terms::stated(input.pay.paid_per.unwrap_or_default());
            let required = crate::rules::terms::Need::Required;
            if needs.fee == required && input.fee.is_none() {
                missing.push(tr!(
                    "--fee-category with --fee-percent, or --fee",
                    "--fee-category med --fee-percent, eller --fee"
                ));
            }
            if needs.expense == required && input.expense.is_none() {
                missing.push(tr!(
                    "--expense-level or --expense",
                    "--expense-level eller --expense"
                ));
            }
            if needs.tiers == required && input.pay.tiers.is_none() {
                missing.push(tr!("--tiers NAME", "--tiers NAMN"));
            }
            if needs.hourly == required && input.pay.hourly.is_none() {
                missing.push("--hourly KR".into());
            }
            if !missing.is_empty() {
                return Err(Error::arg(
                    "agree",
                    tr!(
                        "a new agreement needs {}",
                        "ett nytt avtal behöver {}",
                        missing.join(", ")
                    ),
                ));
            }
            let (Some(start), Some(meetings)) = (input.start, input.meetings) else {
                unreachable!("checked above");
            };
            problems.extend(agreement::start_problems(
                &c,
                &v,
                start,
                &store.config.volunteers,
            ));
            problems.extend(agreement::end_problem(start, input.end, true));
            let terms = with_pay(
                Terms {
                    from: start.into(),
                    meetings,
                    paid_per: PaidPer::Month,
                    fee: input.fee.map(compensation_of_fee).unwrap_or_default(),
                    expense: input
                        .expense
                        .map(|e| compensation_of_expense(e, store))
                        .unwrap_or_default(),
                    tiers: None,
                    hourly_ore: None,
                    mileage: false,
                    travel_monthly_ore: None,
                    individual_basis: None,
                    reason: input.reason.clone().filter(|_| reason),
                },
                &input.pay,
            );
            problems.extend(terms_messages(&terms, store));
            a.agreement = Some(Agreement {
                start: start.into(),
                end: input.end.map(Into::into),
                signed: input.signed.map(Into::into),
                confidentiality_signed: input.confidentiality_signed.map(Into::into),
                cost_center: input.cost_center.clone(),
                terms: vec![terms],
            });
            events.push(Event::new(today, format!("agreement from {start}")));
        }
        (Some(ag), Some(from)) => {
            if !terms_given {
                return Err(Error::arg(
                    "--change-from",
                    tr!(
                        "give the terms that change: --meetings, --fee..., --expense...",
                        "ange villkoren som ändras: --meetings, --fee..., --expense..."
                    ),
                ));
            }
            let last = ag.terms.last().cloned().ok_or_else(|| {
                Error::arg(
                    "--change-from",
                    tr!("the agreement has no terms", "avtalet har inga villkor"),
                )
            })?;
            problems.extend(agreement::change_problems(ag, &c, from));
            // What is not given carries over, and with it the reason it needed.
            let carried = input.fee.is_none() || input.expense.is_none();
            let terms = with_pay(
                Terms {
                    from: from.into(),
                    meetings: input.meetings.unwrap_or(last.meetings),
                    fee: input.fee.map_or(last.fee, compensation_of_fee),
                    expense: input
                        .expense
                        .map_or(last.expense, |e| compensation_of_expense(e, store)),
                    reason: input
                        .reason
                        .clone()
                        .filter(|_| reason)
                        .or_else(|| last.reason.clone().filter(|_| carried)),
                    ..last.clone()
                },
                &input.pay,
            );
            problems.extend(terms_messages(&terms, store));
            ag.terms.push(terms);
            events.push(Event::new(today, format!("terms changed from {from}")));
        }
        (Some(ag), None) => {
            if terms_given || input.start.is_some_and(|s| s != ag.start) {
                return Err(Error::arg(
                    "agree",
                    tr!(
                        "the terms are set; change them from a date with --change-from DATE",
                        "villkoren är satta; ändra dem från ett datum med --change-from DATUM"
                    ),
                ));
            }
            problems.extend(agreement::end_problem(ag.start.get(), input.end, false));
        }
    }
    if let Some(ag) = &mut a.agreement {
        if let Some(d) = input.signed {
            ag.signed = Some(d.into());
            events.push(Event::new(today, "agreement signed"));
        }
        if let Some(d) = input.confidentiality_signed {
            ag.confidentiality_signed = Some(d.into());
            events.push(Event::new(today, "confidentiality undertaking signed"));
        }
        if let Some(cc) = input.cost_center.filter(|c| !c.trim().is_empty()) {
            ag.cost_center = Some(cc);
        }
        if let Some(e) = input.end {
            ag.end = Some(e.into());
        }
    }
    if !problems.is_empty() {
        return Err(Error::refused(problems));
    }
    if events.is_empty() && input.end.is_none() {
        return Err(Error::arg(
            "agree",
            tr!("nothing to record", "inget att registrera"),
        ));
    }
    a.history.extend(events);
    let mut changes = Changeset::new();
    store.stage(&mut changes, &a)?;
    store.commit(&lock, &changes)?;
    Ok(a)
}

/// Gathers the agreement document of an assignment: the terms in force during `year` (by
/// default the year the agreement is in force today, or its first year if it has not begun),
/// with that year's amounts in kronor.
pub fn document(
    store: &Store,
    prefix: &str,
    year: Option<i32>,
    official: Option<String>,
    show_pnr: bool,
    today: NaiveDate,
) -> Result<AgreementDoc> {
    use chrono::Datelike;
    let (id, a, ag, c, v) = agreed(store, prefix)?;
    let ag = &ag;
    let year = year.unwrap_or_else(|| today.max(ag.start.get()).year());
    let tariffs = &store.config.compensation;
    let (first, last) = (
        NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(ag.start.get()),
        NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(ag.start.get()),
    );
    let mut terms = Vec::new();
    for (i, t) in ag.terms.iter().enumerate() {
        let until = ag.terms.get(i + 1).map(|n| n.from);
        let overlaps = t.from <= last && until.is_none_or(|u| u > first);
        if !overlaps {
            continue;
        }
        let missing = || Error::refused(vec![crate::rules::prisbasbelopp::missing_message(year)]);
        let rule = |c: &Compensation| match *c {
            Compensation::Unstated => Rule::None,
            Compensation::Percent { level, hundredths } => Rule::Skr {
                level,
                percent_hundredths: hundredths,
            },
            Compensation::Amount(_) => Rule::Plain,
        };
        let way = document_way(t, &c, t.from.get().max(first), year, tariffs)?;
        terms.push(TermsLine {
            from: t.from.get().max(first),
            meetings: t.meetings,
            fee: t.fee.monthly(tariffs, year)?.ok_or_else(missing)?,
            expense: t.expense.monthly(tariffs, year)?.ok_or_else(missing)?,
            fee_rule: rule(&t.fee),
            expense_rule: rule(&t.expense),
            reason: t.reason.clone(),
            way,
            mileage_per_mil: t
                .mileage
                .then(|| {
                    crate::model::config::rate_from_year(&tariffs.mileage.paid_per_mil_ore, year)
                })
                .flatten()
                .map(Money),
            travel_monthly: t.travel_monthly_ore,
        });
    }
    if terms.is_empty() {
        return Err(Error::refused(vec![tr!(
            "the agreement of {id} is not in force during {year}",
            "avtalet för {id} gäller inte under {year}"
        )]));
    }
    Ok(AgreementDoc {
        municipality: store.config.municipality.clone(),
        assignment: id,
        volunteer: v.name.clone(),
        volunteer_pnr: shown(&v.pnr, show_pnr),
        // A child's guardians sign too (a blank line when none are on file).
        guardians: agreement::guardians_sign(&c, ag.start.get()).then(|| c.guardians.clone()),
        client_initials: crate::documents::initials(&c.name),
        basis: c.basis,
        official: official.filter(|o| !o.trim().is_empty()),
        start: ag.start.get(),
        end: a.last_day(),
        cost_center: ag.cost_center.clone(),
        year,
        terms,
    })
}

/// Gathers the papers of an assignment (`documents::papers`): the confidentiality undertaking
/// and the appointment. `show_pnr`: the volunteer's personnummer in full (for the signed copy).
pub fn papers(
    store: &Store,
    prefix: &str,
    official: Option<String>,
    show_pnr: bool,
) -> Result<crate::documents::papers::Papers> {
    let (id, a, ag, c, v) = agreed(store, prefix)?;
    let ag = &ag;
    // The appointment rests on the decision in force the day the agreement starts (an
    // agreement starts only on a day a grant covers: `rules::agreement`).
    let grant = c.grant_in_force(ag.start.get());
    let basis = grant.map_or(c.basis, |d| crate::rules::legal_basis::basis(&c, d));
    let decided = grant.map_or(ag.start, |d| d.decided.into());
    let insats = grant.map_or(c.applied_insats, |d| c.insats_of(d));
    Ok(crate::documents::papers::Papers {
        municipality: store.config.municipality.clone(),
        assignment: id,
        volunteer: v.name.clone(),
        volunteer_pnr: shown(&v.pnr, show_pnr),
        client_initials: crate::documents::initials(&c.name),
        basis,
        paragraph: crate::rules::legal_basis::paragraph(basis, insats, decided.get())
            .1
            .to_string(),
        insats,
        start: ag.start.get(),
        end: a.last_day(),
        official: official.filter(|o| !o.trim().is_empty()),
    })
}

/// A personnummer as a printed paper shows it: masked unless asked for.
fn shown(p: &crate::model::Pnr, full: bool) -> String {
    if full { p.full() } else { p.masked() }
}

/// The assignment `prefix` names, with its client and volunteer, refused unless it has an
/// agreement: what every printed paper of an assignment starts from.
fn agreed(
    store: &Store,
    prefix: &str,
) -> Result<(crate::model::Id, Assignment, Agreement, Client, Volunteer)> {
    let id = store.resolve(prefix, &[Kind::Assignment])?;
    let a: Assignment = store.load(&id)?;
    let Some(ag) = a.agreement.clone() else {
        return Err(Error::refused_then(
            vec![tr!("{id} has no agreement yet", "{id} har inget avtal än")],
            crate::error::Next::Agree(id),
        ));
    };
    let c: Client = store.load(&a.client)?;
    let v: Volunteer = store.load(&a.volunteer)?;
    Ok((id, a, ag, c, v))
}

/// How `t` is paid in `year`, as the agreement document states it: the meeting tariff's levels
/// in kronor, the hourly rate, or the kontaktfamilj's rates for the child's age band on `day`.
fn document_way(
    t: &Terms,
    c: &Client,
    day: NaiveDate,
    year: i32,
    tariffs: &crate::model::config::Tariffs,
) -> Result<crate::documents::agreement::Way> {
    use crate::documents::agreement::Way;
    let missing = || Error::refused(vec![crate::rules::prisbasbelopp::missing_message(year)]);
    Ok(match t.paid_per {
        PaidPer::Month => Way::Month,
        PaidPer::Hour => Way::Hour {
            rate: t.hourly_ore.unwrap_or(Money::ZERO),
        },
        PaidPer::Meetings => {
            let tiers = t
                .tiers
                .as_deref()
                .and_then(|n| tariffs.tiers.get(n))
                .map(Vec::as_slice)
                .unwrap_or_default();
            let mut levels = Vec::new();
            for tier in tiers {
                let f = tariffs.monthly(year, tier.fee_percent_hundredths)?;
                let e = tariffs.monthly(year, tier.expense_percent_hundredths)?;
                levels.push((
                    tier.min_meetings,
                    f.ok_or_else(missing)?,
                    e.ok_or_else(missing)?,
                ));
            }
            Way::Meetings { levels }
        }
        PaidPer::Dygn => {
            use crate::payroll::age_band::AgeBand;
            use crate::payroll::stay_pay::{StayPayError, expense_per_dygn, fee_per_dygn};
            let band = AgeBand::of_age(c.pnr.age_on(day));
            let refused = |e: StayPayError| match e {
                StayPayError::NoPrisbasbelopp(_) => missing(),
                StayPayError::NoRates(y) => Error::refused(vec![
                    crate::lang::current().phrases(&crate::payroll::stay_pay::no_rates_message(y)),
                ]),
                StayPayError::Overflow => crate::model::money::Overflow.into(),
            };
            Way::Dygn {
                band: band.span().to_string(),
                fee_per_dygn: fee_per_dygn(tariffs, year, band).map_err(refused)?,
                expense_per_dygn: expense_per_dygn(tariffs, year, band).map_err(refused)?,
            }
        }
    })
}
