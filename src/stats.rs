//! `kontakt stats`: the figures a manager asks for: the waiting list and how long people wait,
//! matches, assignments and how many of the agreed meetings take place, the volunteers and their
//! screening, and what the service costs per month and cost centre, with the employer's
//! contributions and a forecast for the rest of the year. Pure: `ops::stats` reads the records,
//! `cli/stats.rs` and `documents/stats.rs` render.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use serde::Serialize;

use crate::lang::Lang;
use crate::model::config::{PayrollRules, Tariffs};
use crate::model::money::Overflow;
use crate::model::{Assignment, Client, Id, Money, Month, PayRun, Report, Volunteer};
use crate::payroll::compute::{self, NotEarned};
use crate::payroll::{LineKind, contributions};
use crate::rules::in_force::in_force;
use crate::rules::status::{self, VolunteerStatus};
use crate::rules::waiting::waiting_on;

/// What the figures are computed from.
pub struct Inputs<'a> {
    pub clients: &'a [Client],
    pub volunteers: &'a [Volunteer],
    pub assignments: &'a [Assignment],
    pub reports: &'a [Report],
    pub runs: &'a [PayRun],
    pub tariffs: &'a Tariffs,
    pub payroll: &'a PayrollRules,
    pub today: NaiveDate,
    pub from: Month,
    pub to: Month,
}

/// A duration in days over many cases.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Spread {
    pub count: usize,
    pub median_days: Option<i64>,
    pub p90_days: Option<i64>,
}

impl Spread {
    fn of(mut days: Vec<i64>) -> Spread {
        days.sort_unstable();
        // Nearest rank: the smallest value with at least p % of the cases at or below it.
        let rank = |p: usize| -> Option<i64> {
            if days.is_empty() {
                return None;
            }
            let k = (p * days.len()).div_ceil(100).max(1);
            days.get(k - 1).copied()
        };
        Spread {
            count: days.len(),
            median_days: rank(50),
            p90_days: rank(90),
        }
    }
}

impl Spread {
    /// `48 / 204 (7 cases)`, or a dash when there are none.
    pub fn describe(&self, lang: Lang) -> String {
        match (self.median_days, self.p90_days) {
            (Some(m), Some(p)) => {
                format!("{m} / {p} ({} {})", self.count, lang.pick("cases", "fall"))
            }
            _ => "–".into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Matches {
    pub proposed: usize,
    pub declined: usize,
    pub agreed: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stage {
    pub stage: &'static str,
    pub days: Spread,
}

/// One month: the waiting list at its end, assignments, meetings and cost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MonthFigures {
    pub month: Month,
    /// Granted clients without an agreement in force, on the month's last day (today for this
    /// month; none for months ahead).
    pub waiting: Option<usize>,
    /// Assignments with an agreement in force on at least one day of the month.
    pub active: usize,
    pub meetings_reported: u32,
    /// Meetings the terms in force call for, in tenths (prorated by days).
    pub meetings_agreed_tenths: u32,
    /// Reported against agreed, in tenths of a per cent (`1052` = 105.2 %).
    pub fulfilment_permille: Option<u32>,
    pub fee_ore: Money,
    pub expense_ore: Money,
    /// Arbetsgivaravgifter on the fee (`payroll::contributions`).
    pub contributions_ore: Money,
    /// Worked out from the agreements in force rather than taken from the ledger: the months
    /// after the last one paid.
    pub forecast: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CentreCost {
    pub cost_center: String,
    pub fee_ore: Money,
    pub expense_ore: Money,
    pub contributions_ore: Money,
    pub total_ore: Money,
}

/// Cost and delivery by how the assignments are paid (`model::assignment::PaidPer`): by the
/// month, by meeting level, by the hour, per dygn (kontaktfamilj), in the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KindFigures {
    /// `month`, `meetings`, `hour` or `dygn`.
    pub paid_per: &'static str,
    /// Assignments with such terms in force on some day of the period.
    pub assignments: usize,
    /// Delivered in the period's reports: meetings, hours (tenths), dygn (halves).
    pub meetings: u32,
    pub hours_tenths: u32,
    pub dygn_halves: u32,
    pub fee_ore: Money,
    pub expense_ore: Money,
    /// Mileage, travel allowance and receipts.
    pub travel_ore: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatusCount {
    pub status: &'static str,
    pub count: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub from: Month,
    pub to: Month,
    pub today: NaiveDate,
    pub waiting_now: usize,
    /// From application to the start of the agreement, for agreements started in the period.
    pub waiting_time: Spread,
    /// Proposed, declined and signed in the period.
    pub matches: Matches,
    pub volunteers: Vec<StatusCount>,
    /// Approved volunteers with an agreement in force today.
    pub volunteers_in_assignments: usize,
    /// Volunteers on a break today (`rules::pause`).
    pub volunteers_on_break: usize,
    /// Volunteers whose referee voiced a concern, not (yet) approved; and those approved
    /// despite one, with the reason on file (`rules::screening::concerns`).
    pub concerns_open: usize,
    pub approved_despite_concern: usize,
    pub screening: Vec<Stage>,
    pub months: Vec<MonthFigures>,
    pub cost_centres: Vec<CentreCost>,
    /// By way of paying, what was paid and delivered in the period (from the ledger and the
    /// reports; no forecast).
    pub kinds: Vec<KindFigures>,
    /// This year's cost: paid so far, forecast for the rest, and the whole year.
    pub year: YearCost,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct YearCost {
    pub year: i32,
    pub paid_ore: Money,
    pub forecast_ore: Money,
    pub total_ore: Money,
}

impl Stats {
    /// The figures a reader sees first (the terminal's summary, the page's cards), labelled in
    /// `lang`.
    pub fn key_figures(&self, lang: Lang) -> Vec<(String, String)> {
        let l = |en: &str, sv: &str| lang.pick(en, sv).to_string();
        vec![
            (
                l("period", "period"),
                format!("{} – {}", self.from, self.to),
            ),
            (l("waiting now", "väntar nu"), self.waiting_now.to_string()),
            (
                l(
                    "wait to agreement, median / 90 %, days",
                    "väntetid till avtal, median / 90 %, dagar",
                ),
                self.waiting_time.describe(lang),
            ),
            (
                l(
                    "matches proposed / declined / agreed",
                    "matchningar föreslagna / avböjda / avtalade",
                ),
                format!(
                    "{} / {} / {}",
                    self.matches.proposed, self.matches.declined, self.matches.agreed
                ),
            ),
            (
                l("volunteers in assignments", "kontaktpersoner i uppdrag"),
                self.volunteers_in_assignments.to_string(),
            ),
            (
                l("volunteers on a break", "kontaktpersoner med uppehåll"),
                self.volunteers_on_break.to_string(),
            ),
            (
                l(
                    "referees' concerns open / approved despite one",
                    "referensers oro obesvarad / godkänd trots oro",
                ),
                format!("{} / {}", self.concerns_open, self.approved_despite_concern),
            ),
            (
                format!("{} {}", l("cost", "kostnad"), self.year.year),
                format!(
                    "{} ({} {}, {} {})",
                    self.year.total_ore.localized(lang),
                    self.year.paid_ore.localized(lang),
                    l("paid", "utbetalt"),
                    self.year.forecast_ore.localized(lang),
                    l("forecast", "prognos")
                ),
            ),
        ]
    }
}

/// Figures laid out as a table for people: a header and rows, in the reader's language. The
/// terminal and the page draw the same tables.
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Stats {
    /// A row per month; months after the last one paid are a forecast (`MonthFigures::forecast`).
    pub fn month_table(&self, lang: Lang) -> Table {
        let l = |en: &str, sv: &str| lang.pick(en, sv).to_string();
        Table {
            header: vec![
                l("month", "månad"),
                l("waiting", "väntar"),
                l("assignments", "uppdrag"),
                l("meetings reported", "rapporterade träffar"),
                l("meetings agreed", "avtalade träffar"),
                l("fulfilment", "uppfyllelse"),
                l("fee", "arvode"),
                l("expenses", "omkostnader"),
                l("employer's contributions", "arbetsgivaravgifter"),
            ],
            rows: self
                .months
                .iter()
                .map(|m| {
                    vec![
                        m.month.to_string(),
                        m.waiting.map(|w| w.to_string()).unwrap_or_default(),
                        m.active.to_string(),
                        m.meetings_reported.to_string(),
                        lang.tenths(m.meetings_agreed_tenths),
                        m.fulfilment_permille
                            .map(|p| format!("{} %", lang.tenths(p)))
                            .unwrap_or_default(),
                        m.fee_ore.localized(lang),
                        m.expense_ore.localized(lang),
                        m.contributions_ore.localized(lang),
                    ]
                })
                .collect(),
        }
    }

    pub fn cost_centre_table(&self, lang: Lang) -> Table {
        let l = |en: &str, sv: &str| lang.pick(en, sv).to_string();
        Table {
            header: vec![
                l("cost centre", "kostnadsställe"),
                l("fee", "arvode"),
                l("expenses", "omkostnader"),
                l("employer's contributions", "arbetsgivaravgifter"),
                l("total", "summa"),
            ],
            rows: self
                .cost_centres
                .iter()
                .map(|c| {
                    vec![
                        c.cost_center.clone(),
                        c.fee_ore.localized(lang),
                        c.expense_ore.localized(lang),
                        c.contributions_ore.localized(lang),
                        c.total_ore.localized(lang),
                    ]
                })
                .collect(),
        }
    }

    /// Cost and delivery by way of paying; empty when every assignment is paid by the month
    /// (the cost centre table says it all).
    pub fn kind_table(&self, lang: Lang) -> Table {
        let l = |en: &str, sv: &str| lang.pick(en, sv).to_string();
        let tenths = |t: u32, halves: bool| {
            let (w, f) = if halves {
                (t / 2, (t % 2) * 5)
            } else {
                (t / 10, t % 10)
            };
            if f == 0 {
                w.to_string()
            } else {
                format!("{w}{}{f}", lang.pick(".", ","))
            }
        };
        let only_month = self.kinds.iter().all(|k| k.paid_per == "month");
        Table {
            header: vec![
                l("paid per", "betalas per"),
                l("assignments", "uppdrag"),
                l("meetings", "träffar"),
                l("hours", "timmar"),
                l("dygn", "dygn"),
                // What the ledger paid: a month reported but not yet in a run counts its
                // meetings here, and its pay once a run pays it.
                l("fee paid", "utbetalt arvode"),
                l("expenses paid", "utbetalda omkostnader"),
                l("travel and outlays paid", "utbetalda resor och utlägg"),
            ],
            rows: if only_month {
                Vec::new()
            } else {
                self.kinds
                    .iter()
                    .map(|k| {
                        vec![
                            match k.paid_per {
                                "month" => l("month", "månad"),
                                "meetings" => l("meeting level", "träffnivå"),
                                "hour" => l("hour", "timme"),
                                _ => l("dygn (kontaktfamilj)", "dygn (kontaktfamilj)"),
                            },
                            k.assignments.to_string(),
                            k.meetings.to_string(),
                            tenths(k.hours_tenths, false),
                            tenths(k.dygn_halves, true),
                            k.fee_ore.localized(lang),
                            k.expense_ore.localized(lang),
                            k.travel_ore.localized(lang),
                        ]
                    })
                    .collect()
            },
        }
    }

    /// Volunteers by status now, then how long each step of screening takes.
    pub fn volunteer_table(&self, lang: Lang) -> Table {
        let l = |en: &str, sv: &str| lang.pick(en, sv).to_string();
        let mut rows: Vec<Vec<String>> = self
            .volunteers
            .iter()
            .map(|v| vec![lang.word(v.status), v.count.to_string(), String::new()])
            .collect();
        rows.extend(self.screening.iter().map(|g| {
            vec![
                stage_word(g.stage, lang).to_string(),
                String::new(),
                g.days.describe(lang),
            ]
        }));
        Table {
            header: vec![
                l("volunteers and screening", "kontaktpersoner och utredning"),
                l("now", "nu"),
                l("days, median / 90 %", "dagar, median / 90 %"),
            ],
            rows,
        }
    }
}

fn months(from: Month, to: Month) -> Vec<Month> {
    let mut v = Vec::new();
    let mut m = from;
    while m <= to {
        v.push(m);
        m = m.next();
    }
    v
}

/// How `a` is paid in `m` (`rules::in_force::terms_of_month`).
fn way_in(a: &Assignment, m: Month) -> Option<crate::model::assignment::PaidPer> {
    crate::rules::in_force::terms_of_month(a, m).map(|t| t.paid_per)
}

/// [`KindFigures`] for the period, from the ledger's lines and the reports.
fn kind_figures(i: &Inputs) -> Result<Vec<KindFigures>, Overflow> {
    fn get<'f>(
        figures: &'f mut BTreeMap<u8, KindFigures>,
        p: crate::model::assignment::PaidPer,
        word: &'static str,
    ) -> &'f mut KindFigures {
        figures.entry(p as u8).or_insert_with(|| KindFigures {
            paid_per: word,
            assignments: 0,
            meetings: 0,
            hours_tenths: 0,
            dygn_halves: 0,
            fee_ore: Money::ZERO,
            expense_ore: Money::ZERO,
            travel_ore: Money::ZERO,
        })
    }
    use crate::model::assignment::PaidPer;
    let word = |p: PaidPer| match p {
        PaidPer::Month => "month",
        PaidPer::Meetings => "meetings",
        PaidPer::Hour => "hour",
        PaidPer::Dygn => "dygn",
    };
    let by_id: HashMap<&Id, &Assignment> = i.assignments.iter().map(|a| (&a.id, a)).collect();
    let within = |m: Month| m >= i.from && m <= i.to;
    let mut figures: BTreeMap<u8, KindFigures> = BTreeMap::new();
    for a in i.assignments {
        let ways: std::collections::BTreeSet<u8> = months(i.from, i.to)
            .into_iter()
            .filter(|m| m.dates().any(|d| in_force(a, d)))
            .filter_map(|m| way_in(a, m))
            .map(|p| p as u8)
            .collect();
        for w in ways {
            let p = [
                PaidPer::Month,
                PaidPer::Meetings,
                PaidPer::Hour,
                PaidPer::Dygn,
            ]
            .into_iter()
            .find(|p| *p as u8 == w)
            .unwrap_or_default();
            get(&mut figures, p, word(p)).assignments += 1;
        }
    }
    for r in i.reports.iter().filter(|r| within(r.month)) {
        let Some(p) = by_id.get(&r.assignment).and_then(|a| way_in(a, r.month)) else {
            continue;
        };
        let k = get(&mut figures, p, word(p));
        k.meetings = k.meetings.saturating_add(r.meetings.len() as u32);
        if p == PaidPer::Hour {
            k.hours_tenths = k.hours_tenths.saturating_add(r.hours_tenths.unwrap_or(0));
        }
        if p == PaidPer::Dygn {
            let halves = crate::payroll::dygn::halves(&crate::payroll::dygn::days_of(&r.stays));
            k.dygn_halves = k.dygn_halves.saturating_add(halves);
        }
    }
    for run in i.runs {
        for l in run.lines.iter().filter(|l| within(l.period)) {
            let Some(p) = by_id.get(&l.assignment).and_then(|a| way_in(a, l.period)) else {
                continue;
            };
            let k = get(&mut figures, p, word(p));
            let kind = l.corrects.unwrap_or(l.kind);
            if kind.is_travel() {
                k.travel_ore.add_to(l.amount)?;
            } else if kind.taxable() || kind == LineKind::Correction {
                k.fee_ore.add_to(l.amount)?;
            } else {
                k.expense_ore.add_to(l.amount)?;
            }
        }
    }
    Ok(figures.into_values().collect())
}

pub fn compute(i: &Inputs) -> Result<Stats, Overflow> {
    let this_month = Month::of(i.today);
    let mut by_client: HashMap<&Id, Vec<&Assignment>> = HashMap::new();
    for a in i.assignments {
        by_client.entry(&a.client).or_default().push(a);
    }
    let none: Vec<&Assignment> = Vec::new();
    let mine = |c: &Client| by_client.get(&c.id).unwrap_or(&none);
    let waiting_count = |day: NaiveDate| {
        i.clients
            .iter()
            .filter(|c| waiting_on(c, mine(c), day))
            .count()
    };
    let in_period = |d: NaiveDate| Month::of(d) >= i.from && Month::of(d) <= i.to;
    let client_by_id: HashMap<&Id, &Client> = i.clients.iter().map(|c| (&c.id, c)).collect();

    // Waiting time: application to the start of the agreement.
    let waits: Vec<i64> = i
        .assignments
        .iter()
        .filter_map(|a| {
            let ag = a.agreement.as_ref().filter(|g| g.is_signed())?;
            let c = client_by_id.get(&a.client)?;
            in_period(ag.start.get()).then(|| (ag.start - c.applied).num_days())
        })
        .collect();
    let matches = Matches {
        proposed: i
            .assignments
            .iter()
            .filter(|a| in_period(a.proposed.get()))
            .count(),
        declined: i
            .assignments
            .iter()
            .filter(|a| a.declined.as_ref().is_some_and(|d| in_period(d.date.get())))
            .count(),
        agreed: i
            .assignments
            .iter()
            .filter(|a| {
                a.agreement
                    .as_ref()
                    .and_then(|ag| ag.signed_on())
                    .is_some_and(in_period)
            })
            .count(),
    };

    // Volunteers now, and how long screening takes.
    let statuses = [
        VolunteerStatus::Applied,
        VolunteerStatus::Screening,
        VolunteerStatus::Approved,
        VolunteerStatus::OnBreak,
        VolunteerStatus::Left,
        VolunteerStatus::Rejected,
    ];
    let volunteers = statuses
        .iter()
        .map(|s| StatusCount {
            status: s.as_str(),
            count: i
                .volunteers
                .iter()
                .filter(|v| status::volunteer_status_on(v, i.today) == *s)
                .count(),
        })
        .collect();
    let serving: std::collections::HashSet<&Id> = i
        .assignments
        .iter()
        .filter(|a| in_force(a, i.today))
        .map(|a| &a.volunteer)
        .collect();
    let spread = |f: &dyn Fn(&Volunteer) -> Option<i64>| {
        Spread::of(i.volunteers.iter().filter_map(f).collect())
    };
    let screening = vec![
        Stage {
            stage: "application to interview",
            days: spread(&|v| Some((v.screening.interview? - v.applied).num_days())),
        },
        Stage {
            stage: "interview to approval",
            days: spread(&|v| Some((v.screening.approved? - v.screening.interview?).num_days())),
        },
        Stage {
            stage: "application to approval",
            days: spread(&|v| Some((v.screening.approved? - v.applied).num_days())),
        },
        Stage {
            stage: "application to rejection",
            days: spread(&|v| Some((v.screening.rejected? - v.applied).num_days())),
        },
    ];

    // Cost: the ledger up to the last month paid, a forecast after it.
    let paid_through = i
        .runs
        .iter()
        .flat_map(|r| r.lines.iter().map(|l| l.period))
        .max();
    let is_forecast = |m: Month| paid_through.is_none_or(|p| m > p);
    let shown = months(i.from, i.to);
    let year = this_month.year();
    let mut span: Vec<Month> = shown.clone();
    // The contributions' threshold is yearly: every month of the years shown counts.
    let first_year = i.from.year().min(year);
    let last_year = i.to.year().max(year);
    span.extend(months(
        Month::new(first_year, 1).unwrap_or(i.from),
        Month::new(last_year, 12).unwrap_or(i.to),
    ));
    span.sort();
    span.dedup();
    let volunteer_by_id: HashMap<&Id, &Volunteer> =
        i.volunteers.iter().map(|v| (&v.id, v)).collect();
    // (volunteer, month) -> (fee, expense, cost centre of each part)
    type Parts = Vec<(Option<String>, Money, Money)>;
    let mut cost: HashMap<(Id, Month), Parts> = HashMap::new();
    for run in i.runs {
        for l in &run.lines {
            let kind = l.corrects.unwrap_or(l.kind);
            let (fee, expense) = if kind.taxable() || kind == LineKind::Correction {
                (l.amount, Money::ZERO)
            } else {
                (Money::ZERO, l.amount)
            };
            cost.entry((l.volunteer, l.period)).or_default().push((
                l.cost_center.clone(),
                fee,
                expense,
            ));
        }
    }
    for m in span.iter().filter(|m| is_forecast(**m)) {
        for a in i.assignments {
            let (fee, expense) =
                forecast(a, client_by_id.get(&a.client), *m, i.tariffs, i.payroll)?;
            if fee != Money::ZERO || expense != Money::ZERO {
                let cc = a.agreement.as_ref().and_then(|ag| ag.cost_center.clone());
                cost.entry((a.volunteer, *m))
                    .or_default()
                    .push((cc, fee, expense));
            }
        }
    }
    let mut year_fee: HashMap<(&Id, i32), Money> = HashMap::new();
    for ((v, m), parts) in &cost {
        let sum = Money::sum(parts.iter().map(|p| p.1))?;
        year_fee.entry((v, m.year())).or_default().add_to(sum)?;
    }
    // Per month and per cost centre, contributions shared over the parts by their fee.
    let mut month_cost: HashMap<Month, (Money, Money, Money)> = HashMap::new();
    let mut centres: BTreeMap<String, (Money, Money, Money)> = BTreeMap::new();
    for ((v, m), parts) in &cost {
        let born = volunteer_by_id.get(v).map(|v| v.pnr.birth_date());
        for (cc, fee, expense) in parts {
            let c = match born {
                Some(b) => contributions::on(*fee, b, *m, year_fee[&(v, m.year())])?,
                None => Money::ZERO,
            };
            let e = month_cost.entry(*m).or_default();
            e.0.add_to(*fee)?;
            e.1.add_to(*expense)?;
            e.2.add_to(c)?;
            if *m >= i.from && *m <= i.to {
                let e = centres
                    .entry(cc.clone().unwrap_or_else(|| "-".into()))
                    .or_default();
                e.0.add_to(*fee)?;
                e.1.add_to(*expense)?;
                e.2.add_to(c)?;
            }
        }
    }

    // Meetings per month.
    let mut reported: HashMap<Month, u32> = HashMap::new();
    for r in i.reports {
        // Saturating: a figure for the manager, from files a person may have typed.
        let n = reported.entry(r.month).or_default();
        *n = n.saturating_add(u32::try_from(r.meetings.len()).unwrap_or(u32::MAX));
    }
    let month_figures = shown
        .iter()
        .map(|&m| {
            let end = m.last_day().min(i.today);
            let waiting = (m <= this_month).then(|| waiting_count(end));
            let active = i
                .assignments
                .iter()
                .filter(|a| m.dates().any(|d| in_force(a, d)))
                .count();
            let agreed: u64 = i
                .assignments
                .iter()
                .map(|a| crate::rules::agreed_meetings::exact(a, m, |_| true))
                .fold(0, u64::saturating_add);
            let agreed_tenths =
                u32::try_from(crate::rules::agreed_meetings::tenths(agreed, m)).unwrap_or(u32::MAX);
            let meetings_reported = if m <= this_month {
                reported.get(&m).copied().unwrap_or(0)
            } else {
                0
            };
            let (fee, expense, contributions) = month_cost.get(&m).copied().unwrap_or_default();
            MonthFigures {
                month: m,
                waiting,
                active,
                meetings_reported,
                meetings_agreed_tenths: agreed_tenths,
                fulfilment_permille: (m < this_month && agreed_tenths > 0).then(|| {
                    // reported / (agreed_tenths / 10) * 1000, rounded
                    ((u64::from(meetings_reported) * 10_000 + u64::from(agreed_tenths) / 2)
                        / u64::from(agreed_tenths)) as u32
                }),
                fee_ore: fee,
                expense_ore: expense,
                contributions_ore: contributions,
                forecast: is_forecast(m),
            }
        })
        .collect();
    let cost_centres = centres
        .into_iter()
        .map(|(cc, (f, e, c))| {
            Ok(CentreCost {
                cost_center: cc,
                fee_ore: f,
                expense_ore: e,
                contributions_ore: c,
                total_ore: Money::sum([f, e, c])?,
            })
        })
        .collect::<Result<_, Overflow>>()?;
    let kinds = kind_figures(i)?;
    let (mut paid, mut ahead) = (Money::ZERO, Money::ZERO);
    for (m, (f, e, c)) in &month_cost {
        if m.year() == year {
            let month = Money::sum([*f, *e, *c])?;
            if !is_forecast(*m) {
                paid.add_to(month)?;
            } else {
                ahead.add_to(month)?;
            }
        }
    }
    Ok(Stats {
        from: i.from,
        to: i.to,
        today: i.today,
        waiting_now: waiting_count(i.today),
        waiting_time: Spread::of(waits),
        matches,
        volunteers,
        volunteers_in_assignments: serving.len(),
        volunteers_on_break: i
            .volunteers
            .iter()
            .filter(|v| crate::rules::pause::paused_on(v, i.today).is_some())
            .count(),
        concerns_open: i
            .volunteers
            .iter()
            .filter(|v| v.screening.approved.is_none() && v.screening.rejected.is_none())
            .filter(|v| !crate::rules::screening::concerns(v).is_empty())
            .count(),
        approved_despite_concern: i
            .volunteers
            .iter()
            .filter(|v| v.screening.approved.is_some() && v.screening.approved_despite.is_some())
            .count(),
        screening,
        months: month_figures,
        cost_centres,
        kinds,
        year: YearCost {
            year,
            paid_ore: paid,
            forecast_ore: ahead,
            total_ore: paid.checked_add(ahead)?,
        },
    })
}

/// What an assignment will earn in `m` if it goes on as agreed: what a run would pay
/// (`payroll::compute::as_agreed`, the same proration and rounding).
fn forecast(
    a: &Assignment,
    client: Option<&&Client>,
    m: Month,
    tariffs: &Tariffs,
    rules: &PayrollRules,
) -> Result<(Money, Money), Overflow> {
    let Some(client) = client else {
        return Ok((Money::ZERO, Money::ZERO));
    };
    match compute::as_agreed(a, client, m, tariffs, rules) {
        Ok(e) => e.taxable_and_free(),
        Err(NotEarned::Overflow) => Err(Overflow),
        // A year without its prisbasbelopp forecasts nothing (`pay` refuses such a run).
        Err(_) => Ok((Money::ZERO, Money::ZERO)),
    }
}

/// A screening stage as staff call it.
pub fn stage_word(stage: &'static str, lang: crate::lang::Lang) -> &'static str {
    match stage {
        "application to interview" => lang.pick(stage, "ansökan till intervju"),
        "interview to approval" => lang.pick(stage, "intervju till godkännande"),
        "application to approval" => lang.pick(stage, "ansökan till godkännande"),
        "application to rejection" => lang.pick(stage, "ansökan till avslag"),
        other => other,
    }
}
