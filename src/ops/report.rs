//! `kontakt report`: monthly attendance reports, their approval (attestation), and `end`.

use crate::tr;
use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;

use super::csv_rows::{MeetingRow, Rows};
use crate::model::assignment::{EndReason, Ending};
use crate::model::report::{Approval, Correction};
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
    /// Correct an approved (perhaps paid) report, with the reason; the next pay run pays the
    /// difference.
    pub correct: Option<String>,
    /// Who makes the correction.
    pub by: Option<String>,
}

/// Why a meeting day cannot be reported for this assignment, if it cannot.
fn day_problem(a: &Assignment, month: Month, day: NaiveDate, today: NaiveDate) -> Option<String> {
    if !month.contains(day) {
        return Some(tr!(
            "{day} is not in {month}",
            "{day} ligger inte i {month}"
        ));
    }
    if day > today {
        return Some(tr!("{day} has not happened yet", "{day} har inte hänt än"));
    }
    let signed = a
        .agreement
        .as_ref()
        .is_some_and(|g| g.signed.is_some() && g.confidentiality_signed.is_some());
    if !signed || a.terms_on(day).is_none() {
        return Some(tr!(
            "{day} is not an active day of {}",
            "{day} är inte en aktiv dag i {}",
            a.id
        ));
    }
    None
}

/// Why `input` cannot be the month's report of `a`, given the report on file (if any).
fn report_problems(
    a: &Assignment,
    month: Month,
    input: &ReportInput,
    existing: Option<&Report>,
    today: NaiveDate,
) -> Vec<String> {
    let mut problems: Vec<String> = input
        .meetings
        .iter()
        .filter_map(|d| day_problem(a, month, *d, today))
        .collect();
    if a.agreement.is_none() {
        problems.insert(
            0,
            tr!(
                "{} has no agreement yet (`kontakt agree`)",
                "{} har inget avtal än (`kontakt agree`)",
                a.id
            ),
        );
    }
    let approved = existing.is_some_and(|r| r.approved.is_some());
    match &input.correct {
        None if approved => problems.push(format!(
            "the report of {} for {month} is already approved; change it with --correct REASON",
            a.id
        )),
        Some(_) if !approved => problems.push(format!(
            "--correct is for approved reports; report {month} again to replace it"
        )),
        Some(reason) if reason.trim().is_empty() => {
            problems.push("--correct needs a reason".to_string())
        }
        _ => {}
    }
    if month.first_day() > today {
        problems.push(tr!("{month} has not begun", "{month} har inte börjat"));
    }
    problems.dedup();
    problems
}

fn build(
    a: &Assignment,
    month: Month,
    input: ReportInput,
    existing: Option<&Report>,
    today: NaiveDate,
) -> Report {
    let mut meetings = input.meetings;
    meetings.sort();
    meetings.dedup();
    // A correction keeps the attestation and adds to the list of corrections.
    let (approved, corrections) = match (input.correct, existing) {
        (Some(reason), Some(old)) => {
            let mut list = old.corrections.clone();
            list.push(Correction {
                date: today,
                reason,
                by: input.by.filter(|b| !b.trim().is_empty()),
            });
            (old.approved.clone(), list)
        }
        _ => (None, Vec::new()),
    };
    Report {
        schema: SCHEMA,
        assignment: a.id.clone(),
        month,
        meetings,
        hours_tenths: input.hours_tenths,
        activity: input.activity.filter(|s| !s.trim().is_empty()),
        expenses_ore: input.expenses,
        note: input.note.filter(|s| !s.trim().is_empty()),
        reported: today,
        approved,
        corrections,
    }
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
    let existing = store.load_report(month, &id)?;
    let problems = report_problems(&a, month, &input, existing.as_ref(), today);
    if !problems.is_empty() {
        return Err(Error::refused(problems));
    }
    let rep = build(&a, month, input, existing.as_ref(), today);
    let mut changes = Changeset::new();
    store.stage_at(
        &mut changes,
        &Report::rel_path(month, &rep.assignment),
        &rep,
    )?;
    store.commit(&lock, &changes)?;
    Ok(rep)
}

/// What `report import` did with one assignment's month.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Imported {
    pub assignment: Id,
    pub month: Month,
    pub meetings: usize,
    /// False when the report on file already says exactly this (a re-run of the same file).
    pub written: bool,
}

/// Does the report on file say what this import says (so a re-run changes nothing)?
fn same_content(old: &Report, new: &Report) -> bool {
    old.meetings == new.meetings
        && old.hours_tenths == new.hours_tenths
        && old.activity == new.activity
        && old.expenses_ore == new.expenses_ore
        && old.note == new.note
}

/// Joins the distinct non-empty texts of a month's rows (`fika; bio`).
fn joined(texts: impl Iterator<Item = Option<String>>) -> Option<String> {
    let mut seen: Vec<String> = Vec::new();
    for t in texts.flatten() {
        if !seen.contains(&t) {
            seen.push(t);
        }
    }
    (!seen.is_empty()).then(|| seen.join("; "))
}

/// Imports reports from the e-service: one row per meeting, grouped into one report per
/// assignment and month. The file is validated whole; if any row is bad nothing is written and
/// every bad row is named. Months whose report on file already says the same are left alone, so
/// running the same file again changes nothing.
pub fn import(
    store: &Store,
    path: &Path,
    rows: Rows<MeetingRow>,
    today: NaiveDate,
) -> Result<Vec<Imported>> {
    let lock = store.lock()?;
    let mut problems = rows.bad;
    let mut groups: BTreeMap<(Id, Month), Vec<(usize, MeetingRow)>> = BTreeMap::new();
    for (line, row) in rows.good {
        match store.resolve(&row.assignment, &[Kind::Assignment]) {
            Ok(id) => groups
                .entry((id, Month::of(row.date)))
                .or_default()
                .push((line, row)),
            Err(e) => problems.push((
                line,
                tr!(
                    "line {line}: column `assignment`: {e}",
                    "rad {line}: kolumnen `assignment`: {e}"
                ),
            )),
        }
    }
    let mut changes = Changeset::new();
    let mut done = Vec::new();
    for ((id, month), rows) in groups {
        let a: Assignment = store.load(&id)?;
        let numbers: Vec<String> = rows.iter().map(|(l, _)| l.to_string()).collect();
        let lines = match numbers.len() {
            1 => tr!("line {}", "rad {}", numbers[0]),
            _ => tr!("lines {}", "rader {}", numbers.join(", ")),
        };
        let mut seen = BTreeMap::new();
        for (line, r) in &rows {
            if let Some(first) = seen.insert(r.date, *line) {
                problems.push((
                    *line,
                    tr!(
                        "line {line}: {id} on {} is already on line {first}",
                        "rad {line}: {id} den {} finns redan på rad {first}",
                        r.date
                    ),
                ));
            } else if let Some(p) = day_problem(&a, month, r.date, today) {
                problems.push((*line, tr!("line {line}: {p}", "rad {line}: {p}")));
            }
        }
        let sum = |f: fn(&MeetingRow) -> Option<i64>| -> Option<i64> {
            rows.iter().filter_map(|(_, r)| f(r)).reduce(|x, y| x + y)
        };
        let input = ReportInput {
            meetings: rows.iter().map(|(_, r)| r.date).collect(),
            hours_tenths: sum(|r| r.hours_tenths.map(i64::from)).map(|h| h as u32),
            activity: joined(rows.iter().map(|(_, r)| r.activity.clone())),
            expenses: sum(|r| r.expenses.map(Money::ore)).map(Money),
            note: joined(rows.iter().map(|(_, r)| r.note.clone())),
            correct: None,
            by: None,
        };
        let existing = store.load_report(month, &id)?;
        let rep = build(&a, month, input.clone(), existing.as_ref(), today);
        if let Some(old) = &existing
            && same_content(old, &rep)
        {
            done.push(Imported {
                assignment: id,
                month,
                meetings: rep.meetings.len(),
                written: false,
            });
            continue;
        }
        // Meeting days were named per line above; the rest concern the whole month.
        let input_without_days = ReportInput {
            meetings: Vec::new(),
            ..input
        };
        for p in report_problems(&a, month, &input_without_days, existing.as_ref(), today) {
            problems.push((rows[0].0, format!("{lines}: {p}")));
        }
        store.stage_at(&mut changes, &Report::rel_path(month, &id), &rep)?;
        done.push(Imported {
            assignment: id,
            month,
            meetings: rep.meetings.len(),
            written: true,
        });
    }
    if !problems.is_empty() {
        problems.sort();
        return Err(Error::BadBatch {
            path: path.to_path_buf(),
            problems: problems.into_iter().map(|(_, p)| p).collect(),
        });
    }
    store.commit(&lock, &changes)?;
    Ok(done)
}

/// Approves one assignment's report, or (with `assignment` None) every unapproved one of the month.
pub fn approve(
    store: &Store,
    prefix: Option<&str>,
    month: Month,
    by: String,
    today: NaiveDate,
) -> Result<Vec<Id>> {
    if by.trim().is_empty() {
        return Err(Error::refused(vec![tr!(
            "an approval needs the approver's name",
            "en attest behöver attestantens namn"
        )]));
    }
    let lock = store.lock()?;
    let mut targets = Vec::new();
    match prefix {
        Some(p) => {
            let id = store.resolve(p, &[Kind::Assignment])?;
            let rep = store.load_report(month, &id)?.ok_or_else(|| {
                Error::refused(vec![tr!(
                    "{id} has no report for {month}",
                    "{id} har ingen rapport för {month}"
                )])
            })?;
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
            by: Some(by.trim().to_string()),
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
        return Err(Error::refused(vec![tr!(
            "{id} has already ended",
            "{id} har redan avslutats"
        )]));
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
