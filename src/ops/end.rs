//! `kontakt end ID --date DATE --reason R`: something ends on its last day; nothing is deleted.
//! - an **assignment** (A-…): the volunteer's place frees; when the reason ends the need (the
//!   goal reached, the client moved: `rules::ending`) the client's decision closes the same day,
//!   otherwise it is an interruption (avbrott) and she waits again, with priority;
//! - a **client's decision** (C-…), ended early: the goal is reached, she moves, she declines
//!   the service. Her running assignments end with it, and she waits for no one;
//! - a **volunteer** (V-…) leaving: never matched again, her running assignments end that day
//!   (each an interruption for its client, who waits again with priority).
//!
//! One commit holds everything an ending changes, with the corrections an ending dated back
//! makes to reports already approved (`report::correct_after_ending`).

use chrono::NaiveDate;

use super::report::correct_after_ending;
use super::screen::stage_close;
use crate::model::assignment::{EndReason, Ending};
use crate::model::common::word;
use crate::model::volunteer::Leaving;
use crate::model::{Assignment, Client, Event, Id, Kind, Volunteer};
use crate::rules::closure::runs_after;
use crate::rules::ending;
use crate::store::{Changeset, Store};
use crate::{Error, Result, tr};

/// One assignment ended, and the reports it corrected (an ending before reported meetings, or
/// before months already paid), each with what it means for pay.
#[derive(Debug)]
pub struct Ended {
    pub assignment: Assignment,
    pub corrected: Vec<String>,
    /// An interruption (avbrott): her decision runs on, and the client waits again from this
    /// day, with priority. Recorded in the client's history too.
    pub waits_again_from: Option<NaiveDate>,
}

/// What `end` did.
#[derive(Debug)]
pub struct Done {
    /// The record named: an assignment, a client or a volunteer.
    pub id: Id,
    pub date: NaiveDate,
    pub reason: EndReason,
    /// Every assignment that ended.
    pub assignments: Vec<Ended>,
    /// The client whose decision closed on `date`, if one did.
    pub decision_closed: Option<Id>,
    /// A volunteer now leaving.
    pub leaving: Option<Id>,
    /// Assignments that had not begun by the day the decision closed: they never will, and are
    /// recorded as declined (a proposal, or an agreement whose start is later).
    pub cancelled: Vec<Id>,
    /// The first days of a leaving volunteer's breaks that would have begun after her last
    /// day: dropped.
    pub breaks_dropped: Vec<NaiveDate>,
}

/// What an ending is given.
pub struct Request {
    pub date: NaiveDate,
    pub reason: EndReason,
    pub note: Option<String>,
    /// Who ends it: needed when the ending corrects approved reports.
    pub by: Option<String>,
}

impl Request {
    /// The reason as a closure or a leaving records it: the word, and the note if any.
    fn text(&self) -> String {
        match self
            .note
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
        {
            Some(n) => format!("{}: {n}", word(&self.reason)),
            None => word(&self.reason),
        }
    }
}

/// Refuses a reason the kind of ending does not take (`rules::ending`), naming those it does.
fn reason_for(reason: EndReason, allowed: &[EndReason], what: &str) -> Result<()> {
    if allowed.contains(&reason) {
        return Ok(());
    }
    let lang = crate::lang::current();
    let words: Vec<String> = allowed.iter().map(|r| lang.word(&word(r))).collect();
    Err(Error::arg(
        "--reason",
        match what {
            "decision" => tr!(
                "a decision is not ended early for {}: give one of {}",
                "ett beslut avslutas inte i förtid av skälet {}: ange ett av {}",
                lang.word(&word(&reason)),
                words.join(", ")
            ),
            _ => tr!(
                "a volunteer does not leave for {}: give one of {}",
                "en kontaktperson slutar inte av skälet {}: ange ett av {}",
                lang.word(&word(&reason)),
                words.join(", ")
            ),
        },
    ))
}

pub fn end(store: &Store, prefix: &str, req: Request, today: NaiveDate) -> Result<Done> {
    let lock = store.lock()?;
    let id = store.resolve(prefix, &[Kind::Assignment, Kind::Client, Kind::Volunteer])?;
    let mut changes = Changeset::new();
    let mut done = Done {
        id,
        date: req.date,
        reason: req.reason,
        assignments: Vec::new(),
        decision_closed: None,
        leaving: None,
        cancelled: Vec::new(),
        breaks_dropped: Vec::new(),
    };
    match id.kind() {
        Kind::Assignment => {
            let a: Assignment = store.load(&id)?;
            let client = a.client;
            done.assignments
                .push(stage_end(store, &mut changes, a, &req, id, today)?);
            // Only a reason that ends the need reads the client's file.
            if ending::ends_decision(req.reason) {
                let mut c: Client = store.load(&client)?;
                if ending::closes_decision(req.reason, &c, req.date) {
                    if req.date > today {
                        return Err(Error::refused(vec![tr!(
                            "--reason {} ends {client}'s decision too, and a decision is closed on the day, not ahead: end {id} then, or ahead with another reason",
                            "--reason {} avslutar också beslutet för {client}, och ett beslut avslutas på dagen, inte i förväg: avsluta {id} då, eller i förväg med ett annat skäl",
                            crate::lang::current().word(&word(&req.reason))
                        )]));
                    }
                    let others =
                        end_hers(store, &mut changes, &mut done, &req, today, true, |x| {
                            x.client == client && x.id != id
                        })?;
                    stage_close(&mut c, "--date", req.date, req.text(), &others, today)?;
                    store.stage(&mut changes, &c)?;
                    done.decision_closed = Some(client);
                }
            }
        }
        Kind::Client => {
            reason_for(
                req.reason,
                &crate::rules::ending::CLOSING_REASONS,
                "decision",
            )?;
            let mut c: Client = store.load(&id)?;
            let not_started = end_hers(store, &mut changes, &mut done, &req, today, true, |x| {
                x.client == id
            })?;
            stage_close(&mut c, "--date", req.date, req.text(), &not_started, today)?;
            store.stage(&mut changes, &c)?;
            done.decision_closed = Some(id);
        }
        Kind::Volunteer => {
            reason_for(
                req.reason,
                &crate::rules::ending::LEAVING_REASONS,
                "volunteer",
            )?;
            let mut v: Volunteer = store.load(&id)?;
            if let Some(l) = &v.leaving {
                return Err(Error::refused(vec![tr!(
                    "{id} is already leaving, on {}",
                    "{id} slutar redan, den {}",
                    l.date
                )]));
            }
            let not_started = end_hers(store, &mut changes, &mut done, &req, today, false, |x| {
                x.volunteer == id
            })?;
            refuse_not_started(&not_started)?;
            // Breaks that would begin after her last day are not taken (`rules::pause`).
            let dropped = crate::rules::pause::dropped_by_leaving(&v, req.date);
            for i in dropped.into_iter().rev() {
                let p = v.pauses.remove(i);
                v.history.push(Event::new(
                    today,
                    format!("break from {} dropped: leaving {}", p.from, req.date),
                ));
                done.breaks_dropped.push(p.from.get());
            }
            done.breaks_dropped.sort();
            v.leaving = Some(Leaving {
                date: req.date.into(),
                reason: req.text(),
            });
            v.history.push(
                Event::new(today, format!("leaving {}", req.date)).with_note(req.note.clone()),
            );
            store.stage(&mut changes, &v)?;
            done.leaving = Some(id);
        }
        Kind::PayRun => {
            // Not among the kinds resolved above.
            return Err(Error::refused(vec![tr!(
                "{id} is a pay run, which never ends",
                "{id} är en lönekörning, som inte avslutas"
            )]));
        }
    }
    note_interruptions(store, &mut changes, &mut done, today)?;
    store.commit(&lock, &changes)?;
    Ok(done)
}

/// Each assignment ended while its client's decision runs on is an interruption: the client's
/// history says so (she waits again, with priority), and `done` tells the day she waits from.
fn note_interruptions(
    store: &Store,
    changes: &mut Changeset,
    done: &mut Done,
    today: NaiveDate,
) -> Result<()> {
    let mut clients: Vec<Client> = Vec::new();
    for e in done
        .assignments
        .iter_mut()
        .filter(|e| done.decision_closed != Some(e.assignment.client))
    {
        let id = e.assignment.client;
        if !clients.iter().any(|c| c.id == id) {
            clients.push(store.load(&id)?);
        }
        let Some(c) = clients.iter_mut().find(|c| c.id == id) else {
            continue;
        };
        if let Some(from) = ending::waits_again_from(c, done.date) {
            e.waits_again_from = Some(from);
            c.history.push(Event::new(
                today,
                format!(
                    "interruption: {} ended {}, waiting again from {from}",
                    e.assignment.id, done.date
                ),
            ));
        }
    }
    for c in clients.iter().filter(|c| {
        done.assignments
            .iter()
            .any(|e| e.assignment.client == c.id && e.waits_again_from.is_some())
    }) {
        store.stage(changes, c)?;
    }
    Ok(())
}

/// Ends on `req.date` every assignment `which` picks that still runs after it, an ending
/// already set for a later day included (it moves to `req.date`). One that has not begun by
/// then is declined when `cancel` (a decision closing: it will never begin), else returned (a
/// volunteer leaving: staff decline it first).
#[allow(clippy::too_many_arguments)]
fn end_hers(
    store: &Store,
    changes: &mut Changeset,
    done: &mut Done,
    req: &Request,
    today: NaiveDate,
    cancel: bool,
    which: impl Fn(&Assignment) -> bool,
) -> Result<Vec<Id>> {
    let all: Vec<Assignment> = store.load_all()?;
    let mut not_started = Vec::new();
    for mut a in all
        .into_iter()
        .filter(|a| which(a) && a.declined.is_none())
        .filter(|a| a.ended.as_ref().is_none_or(|e| e.date > req.date))
        .filter(|a| a.ended.is_some() || runs_after(a, req.date, today))
    {
        if ending::not_begun_by(&a, req.date) {
            if !cancel {
                not_started.push(a.id);
                continue;
            }
            let why = format!("never began: {}", req.text());
            a.ended = None;
            a.declined = Some(crate::model::assignment::Declined {
                date: today.into(),
                by: crate::model::assignment::Party::Staff,
                reason: why.clone(),
            });
            a.history
                .push(Event::new(today, "declined").with_note(Some(why)));
            store.stage(changes, &a)?;
            done.cancelled.push(a.id);
            continue;
        }
        // An ending set for later moves to the earlier day, with its reason.
        a.ended = None;
        let ended = done.id;
        done.assignments
            .push(stage_end(store, changes, a, req, ended, today)?);
    }
    Ok(not_started)
}

fn refuse_not_started(ids: &[Id]) -> Result<()> {
    if ids.is_empty() {
        return Ok(());
    }
    let shown: Vec<String> = ids.iter().map(Id::to_string).collect();
    Err(Error::refused_then(
        vec![tr!(
            "{} starts after that day, so it cannot end on it",
            "{} börjar efter den dagen och kan därför inte avslutas då",
            shown.join(", ")
        )],
        crate::error::Next::Decline(ids.to_vec()),
    ))
}

/// Ends one assignment on `req.date`, in memory and staged, with the corrections it makes.
fn stage_end(
    store: &Store,
    changes: &mut Changeset,
    mut a: Assignment,
    req: &Request,
    ended: Id,
    today: NaiveDate,
) -> Result<Ended> {
    let date = req.date;
    if let Some(problem) = ending::end_problem(&a, date) {
        return Err(Error::refused(vec![problem]));
    }
    let note = req.note.clone().filter(|n| !n.trim().is_empty());
    a.ended = Some(Ending {
        date: date.into(),
        reason: req.reason,
        note: note.clone(),
    });
    a.history
        .push(Event::new(today, format!("ends {date}")).with_note(note));
    store.stage(changes, &a)?;
    let corrected = correct_after_ending(store, changes, &a, date, req.by.clone(), ended, today)?;
    Ok(Ended {
        assignment: a,
        corrected,
        waits_again_from: None,
    })
}
