//! `kontakt ivo --quarter Q`: the quarter's individual reports to IVO of decisions not put into
//! effect, and the anonymous summary for the council and the auditors. The rules are
//! `rules::ivo_delay` and `rules::ivo_code`; this loads the records and keeps the codes.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::model::pnr::Sex;
use crate::model::{Assignment, Client, Event, Frequency, Id, Quarter};
use crate::rules::ivo_code;
use crate::rules::ivo_delay::{self, Began, ClosedWhy, Ended, Offer, Row, Standing, Summary};
use crate::store::{Changeset, Store};
use crate::tr;

/// One individual report (individrapport), as it goes to IVO: the person only by the code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IvoRow {
    /// The pseudonymous code (`ÅÅÅÅMMDD-T123`), never the personnummer.
    pub code: String,
    /// The client's id in these records, to find the case (not sent to IVO).
    pub client: Id,
    pub standing: Standing,
    pub sex: Sex,
    pub law: &'static str,
    pub paragraph: &'static str,
    pub insats: &'static str,
    /// The meetings granted, and what the agreements give when only partly in effect.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meetings: Option<Frequency>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partly: Option<Frequency>,
    pub decided: NaiveDate,
    pub began: Began,
    /// The first day without the insats after an interruption (avbrott).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interrupted: Option<NaiveDate>,
    /// Three months after the decision or the interruption.
    pub reportable_from: NaiveDate,
    pub days: i64,
    pub offers: Vec<Offer>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delay_reason: Option<String>,
    /// The first day an agreement put the decision into effect.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_effect: Option<NaiveDate>,
    /// The last day the decision was in force, when it closed without being put into effect.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub closed: Option<NaiveDate>,
    /// Why: `period_ended`, `new_decision`, or the reason staff recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub closed_why: Option<String>,
}

/// A quarter's individual reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IvoReport {
    pub quarter: Quarter,
    /// The day the report is made as of: the quarter's last day, or today while it runs.
    pub as_of: NaiveDate,
    pub preliminary: bool,
    pub rows: Vec<IvoRow>,
    /// Codes given for the first time by this run (the cases' first report).
    pub codes_assigned: usize,
}

fn quarter_begun(q: Quarter, today: NaiveDate) -> Result<()> {
    if q.first_day() > today {
        return Err(Error::arg(
            "--quarter",
            tr!(
                "{q} has not begun (today is {today})",
                "{q} har inte börjat (i dag är det {today})"
            ),
        ));
    }
    Ok(())
}

/// Every client's rows for the quarter, with the client.
fn rows(store: &Store, q: Quarter, today: NaiveDate) -> Result<Vec<(Client, Row)>> {
    let clients: Vec<Client> = store.load_all()?;
    let assignments: Vec<Assignment> = store.load_all()?;
    let mut by_client: HashMap<&Id, Vec<&Assignment>> = HashMap::new();
    for a in &assignments {
        by_client.entry(&a.client).or_default().push(a);
    }
    let mut out = Vec::new();
    for c in clients {
        let mine = by_client.get(&c.id).map(Vec::as_slice).unwrap_or(&[]);
        for r in ivo_delay::quarter_rows(&c, mine, q, today) {
            out.push((c.clone(), r));
        }
    }
    Ok(out)
}

/// The quarter's individual reports. A person reported for the first time is given a code,
/// kept on their record (committed under the lock), so every later report uses the same.
pub fn report(store: &Store, q: Quarter, today: NaiveDate) -> Result<IvoReport> {
    quarter_begun(q, today)?;
    let mut rows = rows(store, q, today)?;
    let mut assigned = 0;
    if rows.iter().any(|(c, _)| c.ivo_code.is_none()) {
        let lock = store.lock()?;
        let all: Vec<Client> = store.load_all()?;
        let mut taken: Vec<String> = all.iter().filter_map(|c| c.ivo_code.clone()).collect();
        let mut coded: HashMap<Id, String> = all
            .iter()
            .filter_map(|c| c.ivo_code.clone().map(|k| (c.id, k)))
            .collect();
        let mut changes = Changeset::new();
        for (c, _) in &rows {
            if coded.contains_key(&c.id) {
                continue;
            }
            let mut rec: Client = store.load(&c.id)?;
            let refs: Vec<&str> = taken.iter().map(String::as_str).collect();
            let code = ivo_code::assign(&rec.pnr, &rec.id, &refs).ok_or_else(|| {
                Error::refused(vec![tr!(
                    "{}: every IVO code for this birth date and sex is taken",
                    "{}: alla IVO-koder för detta födelsedatum och kön är tagna",
                    c.id
                )])
            })?;
            rec.ivo_code = Some(code.clone());
            rec.history.push(Event::new(today, "IVO code assigned"));
            store.stage(&mut changes, &rec)?;
            taken.push(code.clone());
            coded.insert(c.id, code);
            assigned += 1;
        }
        if assigned > 0 {
            store.commit(&lock, &changes)?;
        }
        for (c, _) in rows.iter_mut() {
            c.ivo_code = coded.get(&c.id).cloned();
        }
    }
    let mut out: Vec<IvoRow> = rows
        .into_iter()
        .map(|(c, r)| {
            let (in_effect, closed, closed_why) = match &r.case.ended {
                Some(Ended::InEffect(d)) => (Some(*d), None, None),
                Some(Ended::Closed { last_day, why }) => (
                    None,
                    Some(*last_day),
                    Some(match why {
                        ClosedWhy::PeriodEnded => "period_ended".to_string(),
                        ClosedWhy::NewDecision => "new_decision".to_string(),
                        ClosedWhy::Closed(reason) => reason.clone(),
                    }),
                ),
                None => (None, None, None),
            };
            IvoRow {
                code: c.ivo_code.clone().unwrap_or_default(),
                client: c.id,
                standing: r.standing,
                sex: r.sex,
                law: r.law,
                paragraph: r.paragraph,
                insats: r.insats,
                meetings: r.case.granted,
                partly: r.case.partly,
                decided: r.case.decided,
                began: r.case.began,
                interrupted: (r.case.began == Began::Interruption).then_some(r.case.since),
                reportable_from: r.case.reportable_from,
                days: r.days,
                offers: r.offers,
                delay_reason: r.delay_reason,
                in_effect,
                closed,
                closed_why,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        (a.standing, a.reportable_from, &a.code).cmp(&(b.standing, b.reportable_from, &b.code))
    });
    Ok(IvoReport {
        quarter: q,
        as_of: ivo_delay::as_of(q, today),
        preliminary: ivo_delay::preliminary(q, today),
        rows: out,
        codes_assigned: assigned,
    })
}

/// The summary for the council and the auditors: counts only; nothing is written.
pub fn council(store: &Store, q: Quarter, today: NaiveDate) -> Result<Summary> {
    quarter_begun(q, today)?;
    let rows: Vec<Row> = rows(store, q, today)?.into_iter().map(|(_, r)| r).collect();
    Ok(ivo_delay::summary(q, today, &rows))
}
