//! `match suggest|auto|propose|decline`: the pool is read from the store, the matching library
//! decides, and new or declined proposals are written as assignments.

use crate::tr;
use chrono::NaiveDate;

use crate::error::Next;
use crate::matching::auto::{self, Objective, Plan, Suggestions};
use crate::matching::{Exclusion, Pool};
use crate::model::assignment::{Declined, Party};
use crate::model::{Assignment, Client, Event, Id, Kind, SCHEMA, Volunteer};
use crate::rules::ending::Declining;
use crate::store::{Changeset, Lock, Store};
use crate::{Error, Result};

/// Everything matching needs from the records directory.
pub fn load_pool(store: &Store, today: NaiveDate) -> Result<Pool<'_>> {
    let assignments: Vec<Assignment> = store.load_all()?;
    Ok(Pool::new(
        &store.config,
        today,
        store.load_all()?,
        store.load_all()?,
        &assignments,
    ))
}

fn waiting_client<'p>(pool: &'p Pool, id: &Id) -> Result<&'p Client> {
    let c = pool
        .client(id)
        .ok_or_else(|| Error::refused(vec![tr!("{id} is not on file", "{id} finns inte")]))?;
    if !pool.is_waiting(c) {
        return Err(Error::refused(vec![tr!(
            "{id} is not waiting: it needs a granted decision in force and no open assignment",
            "{id} väntar inte: det krävs ett gällande beviljat beslut och inget öppet uppdrag"
        )]));
    }
    Ok(c)
}

/// The best volunteers for one client, and the files that could not be read: a suggestion only
/// advises, so it is made from the records that read (proposing and `match auto`, which write,
/// refuse on a broken file).
pub fn suggest(
    store: &Store,
    client: &str,
    top: usize,
    today: NaiveDate,
) -> Result<(Suggestions, Vec<Error>)> {
    let id = store.resolve(client, &[Kind::Client])?;
    let (assignments, mut broken) = store.load_readable::<Assignment>()?;
    let (clients, bad) = store.load_readable::<Client>()?;
    broken.extend(bad);
    let (volunteers, bad) = store.load_readable::<Volunteer>()?;
    broken.extend(bad);
    let pool = Pool::new(&store.config, today, clients, volunteers, &assignments);
    let c = waiting_client(&pool, &id)?;
    Ok((auto::suggest(&pool, c, top), broken))
}

/// Which hard rules keep `volunteer` from `client` (empty: none).
pub fn why_not(
    store: &Store,
    client: &str,
    volunteer: &str,
    today: NaiveDate,
) -> Result<(Id, Vec<Exclusion>)> {
    let cid = store.resolve(client, &[Kind::Client])?;
    let vid = store.resolve(volunteer, &[Kind::Volunteer])?;
    let pool = load_pool(store, today)?;
    let (Some(c), Some(v)) = (pool.client(&cid), pool.volunteer(&vid)) else {
        return Err(Error::refused(vec![tr!(
            "{cid} or {vid} is not on file",
            "{cid} eller {vid} finns inte"
        )]));
    };
    Ok((vid, pool.exclusions(c, v)))
}

/// A new proposal for a pair; `how` goes into its history.
fn new_proposal(
    id: Id,
    (client, volunteer): (&Client, &Volunteer),
    score: i64,
    note: Option<String>,
    today: NaiveDate,
    how: &str,
) -> Assignment {
    Assignment {
        schema: SCHEMA,
        id,
        client: client.id,
        volunteer: volunteer.id,
        proposed: today.into(),
        note: note.filter(|n| !n.trim().is_empty()),
        score: Some(score),
        declined: None,
        agreement: None,
        ended: None,
        plan: None,
        history: vec![Event::new(today, how)],
    }
}

/// What `auto` planned: the plan, the proposals created (none on a dry run), and the names of
/// the people in it, for showing beside their ids.
pub struct Planned {
    pub plan: Plan,
    pub created: Vec<Id>,
    pub names: std::collections::HashMap<Id, String>,
}

/// The optimal plan for the waiting list; unless `dry_run`, each pair becomes a proposal.
pub fn auto(
    store: &Store,
    objective: Objective,
    dry_run: bool,
    today: NaiveDate,
) -> Result<Planned> {
    // Held while planning, so no one else proposes in between and capacities stay true.
    let lock = if dry_run { None } else { Some(store.lock()?) };
    let pool = load_pool(store, today)?;
    let plan = auto::auto(&pool, objective)?;
    let mut names = std::collections::HashMap::new();
    for p in &plan.pairs {
        names.extend(pool.client(&p.client).map(|c| (c.id, c.name.clone())));
        names.extend(pool.volunteer(&p.volunteer).map(|v| (v.id, v.name.clone())));
    }
    for u in &plan.unmatched {
        names.extend(pool.client(&u.client).map(|c| (c.id, c.name.clone())));
    }
    let Some(lock) = lock else {
        return Ok(Planned {
            plan,
            created: Vec::new(),
            names,
        });
    };
    let mut changes = Changeset::new();
    let mut ids = Vec::new();
    for p in &plan.pairs {
        let (Some(c), Some(v)) = (pool.client(&p.client), pool.volunteer(&p.volunteer)) else {
            continue;
        };
        let id = store.new_id(Kind::Assignment, &ids);
        let a = new_proposal(id, (c, v), p.score, None, today, "proposed by match auto");
        store.stage(&mut changes, &a)?;
        ids.push(a.id);
    }
    store.commit(&lock, &changes)?;
    Ok(Planned {
        plan,
        created: ids,
        names,
    })
}

/// A proposal for one pair chosen by staff; refused if a hard rule excludes it. A pair declined
/// before is proposed again only with `again`, the reason it may work now (kept in its history).
pub fn propose(
    store: &Store,
    client: &str,
    volunteer: &str,
    note: Option<String>,
    again: Option<&str>,
    today: NaiveDate,
) -> Result<Assignment> {
    let lock = store.lock()?;
    let cid = store.resolve(client, &[Kind::Client])?;
    let vid = store.resolve(volunteer, &[Kind::Volunteer])?;
    let pool = load_pool(store, today)?;
    let c = waiting_client(&pool, &cid)?;
    let v = pool
        .volunteer(&vid)
        .ok_or_else(|| Error::refused(vec![tr!("{vid} is not on file", "{vid} finns inte")]))?;
    let again = again.map(str::trim).filter(|r| !r.is_empty());
    let ex: Vec<Exclusion> = pool
        .exclusions(c, v)
        .into_iter()
        .filter(|e| !(*e == Exclusion::DeclinedBefore && again.is_some()))
        .collect();
    if !ex.is_empty() {
        // `--again` answers a pair declined before, and nothing else that stands in the way.
        let declined_before = ex == [Exclusion::DeclinedBefore];
        let e = Error::refused(ex.iter().map(|e| e.describe().to_string()).collect());
        return Err(if declined_before {
            e.then(Next::ProposeAgain(cid, vid))
        } else {
            e
        });
    }
    let score = pool.score(c, v).total;
    let id = store.new_id(Kind::Assignment, &[]);
    let mut a = new_proposal(id, (c, v), score, note, today, "proposed");
    if let Some(reason) = again {
        let broken_off = pool.declined.contains(&(cid, vid))
            && store.assignments_of(&cid)?.iter().any(|o| {
                o.volunteer == vid
                    && o.declined.is_none()
                    && o.ended
                        .as_ref()
                        .is_some_and(|e| crate::rules::ending::parts_the_pair(e.reason))
            });
        let what = if broken_off {
            "proposed again after an interruption"
        } else {
            "proposed again after a decline"
        };
        a.history = vec![Event::new(today, what).with_note(Some(reason.to_string()))];
    }
    write(store, &lock, &a)?;
    Ok(a)
}

/// Ends a proposal: the pair is never suggested again and the client waits again.
pub fn decline(
    store: &Store,
    assignment: &str,
    by: Party,
    reason: &str,
    today: NaiveDate,
) -> Result<Assignment> {
    if reason.trim().is_empty() {
        return Err(Error::arg(
            "--reason",
            tr!("a decline needs a reason", "ett nej behöver ett skäl"),
        ));
    }
    let lock = store.lock()?;
    let id = store.resolve(assignment, &[Kind::Assignment])?;
    let mut a: Assignment = store.load(&id)?;
    let may = crate::rules::ending::declining(&a, today);
    if may != Declining::May {
        let refusal = Error::refused(vec![tr!(
            "{id} is {}; only a proposal or an agreement not yet begun can be declined",
            "{id} har status {}; bara ett förslag eller ett avtal som inte har börjat kan avböjas",
            crate::lang::current().word(&crate::model::common::word(&a.status(today)))
        )]);
        return Err(match may {
            Declining::EndInstead => refusal.then(crate::error::Next::End(id)),
            _ => refusal,
        });
    }
    a.declined = Some(Declined {
        date: today.into(),
        by,
        reason: reason.trim().to_string(),
    });
    a.history
        .push(Event::new(today, "declined").with_note(Some(reason.trim().to_string())));
    write(store, &lock, &a)?;
    Ok(a)
}

fn write(store: &Store, lock: &Lock, a: &Assignment) -> Result<()> {
    let mut changes = Changeset::new();
    store.stage(&mut changes, a)?;
    store.commit(lock, &changes)
}
