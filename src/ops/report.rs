//! `kontakt report`: monthly attendance reports, their approval (attestation), and `end`.

use chrono::NaiveDate;

use crate::model::assignment::{EndReason, Ending};
use crate::model::report::Approval;
use crate::model::{Assignment, Event, Id, Kind, Money, Month, Report, SCHEMA};
use crate::store::{Changeset, Store};
use crate::{Error, Result};

#[derive(Debug, Clone, Default)]
pub struct ReportInput {
    pub meetings: Vec<NaiveDate>,
    pub hours_tenths: Option<u32>,
    pub activity: Option<String>,
    pub expenses: Option<Money>,
    pub note: Option<String>,
}

/// Why a meeting day cannot be reported for this assignment, if it cannot.
fn day_problem(a: &Assignment, month: Month, day: NaiveDate, today: NaiveDate) -> Option<String> {
    if !month.contains(day) {
        return Some(format!("{day} is not in {month}"));
    }
    if day > today {
        return Some(format!("{day} has not happened yet"));
    }
    let signed = a
        .agreement
        .as_ref()
        .is_some_and(|g| g.signed.is_some() && g.confidentiality_signed.is_some());
    if !signed || a.terms_on(day).is_none() {
        return Some(format!("{day} is not an active day of {}", a.id));
    }
    None
}

/// Files (or replaces, until approved) the month's report for one assignment.
pub fn report(
    store: &Store,
    prefix: &str,
    month: Month,
    input: ReportInput,
    today: NaiveDate,
) -> Result<Report> {
    let lock = store.lock()?;
    let id = store.resolve(prefix, &[Kind::Assignment])?;
    let a: Assignment = store.load(&id)?;
    let mut problems: Vec<String> = input
        .meetings
        .iter()
        .filter_map(|d| day_problem(&a, month, *d, today))
        .collect();
    if a.agreement.is_none() {
        problems.insert(0, format!("{id} has no agreement yet (`kontakt agree`)"));
    }
    if let Some(old) = store.load_report(month, &id)?
        && old.approved.is_some()
    {
        problems.push(format!(
            "the report for {month} is already approved; it cannot be replaced"
        ));
    }
    if month.first_day() > today {
        problems.push(format!("{month} has not begun"));
    }
    if !problems.is_empty() {
        problems.dedup();
        return Err(Error::refused(problems));
    }
    let mut meetings = input.meetings;
    meetings.sort();
    meetings.dedup();
    let rep = Report {
        schema: SCHEMA,
        assignment: id,
        month,
        meetings,
        hours_tenths: input.hours_tenths,
        activity: input.activity.filter(|s| !s.trim().is_empty()),
        expenses_ore: input.expenses,
        note: input.note.filter(|s| !s.trim().is_empty()),
        reported: today,
        approved: None,
    };
    let mut changes = Changeset::new();
    store.stage_at(
        &mut changes,
        &Report::rel_path(month, &rep.assignment),
        &rep,
    )?;
    store.commit(&lock, &changes)?;
    Ok(rep)
}

/// Approves one assignment's report, or (with `assignment` None) every unapproved one of the month.
pub fn approve(
    store: &Store,
    prefix: Option<&str>,
    month: Month,
    by: Option<String>,
    today: NaiveDate,
) -> Result<Vec<Id>> {
    let lock = store.lock()?;
    let mut targets = Vec::new();
    match prefix {
        Some(p) => {
            let id = store.resolve(p, &[Kind::Assignment])?;
            let rep = store
                .load_report(month, &id)?
                .ok_or_else(|| Error::refused(vec![format!("{id} has no report for {month}")]))?;
            if rep.approved.is_some() {
                return Err(Error::refused(vec![format!(
                    "the report of {id} for {month} is already approved"
                )]));
            }
            targets.push(rep);
        }
        None => {
            targets.extend(
                store
                    .load_reports()?
                    .into_iter()
                    .filter(|r| r.month == month && r.approved.is_none()),
            );
        }
    }
    let mut changes = Changeset::new();
    let mut ids = Vec::new();
    for mut rep in targets {
        rep.approved = Some(Approval {
            date: today,
            by: by.clone().filter(|b| !b.trim().is_empty()),
        });
        store.stage_at(
            &mut changes,
            &Report::rel_path(month, &rep.assignment),
            &rep,
        )?;
        ids.push(rep.assignment);
    }
    store.commit(&lock, &changes)?;
    Ok(ids)
}

/// Ends an assignment (it is never deleted): the client waits again if the decision runs on,
/// and the volunteer's place frees.
pub fn end(
    store: &Store,
    prefix: &str,
    date: NaiveDate,
    reason: EndReason,
    note: Option<String>,
    today: NaiveDate,
) -> Result<Assignment> {
    let lock = store.lock()?;
    let id = store.resolve(prefix, &[Kind::Assignment])?;
    let mut a: Assignment = store.load(&id)?;
    if a.ended.is_some() {
        return Err(Error::refused(vec![format!("{id} has already ended")]));
    }
    if a.declined.is_some() {
        return Err(Error::refused(vec![format!(
            "{id} was declined; there is nothing to end"
        )]));
    }
    if let Some(ag) = &a.agreement
        && date < ag.start
    {
        return Err(Error::refused(vec![format!(
            "--date {date} is before the start {}",
            ag.start
        )]));
    }
    if date < a.proposed {
        return Err(Error::refused(vec![format!(
            "--date {date} is before the proposal {}",
            a.proposed
        )]));
    }
    a.ended = Some(Ending {
        date,
        reason,
        note: note.clone().filter(|n| !n.trim().is_empty()),
    });
    a.history
        .push(Event::new(today, format!("ends {date}")).with_note(note));
    let mut changes = Changeset::new();
    store.stage(&mut changes, &a)?;
    store.commit(&lock, &changes)?;
    Ok(a)
}
