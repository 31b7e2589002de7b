//! `kontakt pause V` and `kontakt resume V`: a volunteer's break (uppehåll) begins or ends.
//! Her running assignments are left alone (staff agree with the client what happens
//! meanwhile); she is not suggested or matched while it runs (`rules::pause`).

use chrono::NaiveDate;

use crate::model::volunteer::Pause;
use crate::model::{Event, Id, Kind, Volunteer};
use crate::rules::pause;
use crate::store::{Changeset, Store};
use crate::{Error, Result, tr};

/// A break recorded: for whom, the break, and her assignments that run on during it (left
/// alone, but staff are to agree with each client what happens meanwhile).
#[derive(Debug)]
pub struct Paused {
    pub volunteer: Volunteer,
    pub pause: Pause,
    /// Her assignments running during the break, each with its client.
    pub running: Vec<(Id, Id)>,
}

/// A break ended, or cancelled when she is back before it began.
#[derive(Debug)]
pub struct Resumed {
    pub volunteer: Volunteer,
    pub back: NaiveDate,
    /// The break that never happened, when `back` is on or before its first day.
    pub cancelled: Option<Pause>,
}

/// Records a break from `from` (to the day before `until`, or open-ended).
pub fn pause(
    store: &Store,
    prefix: &str,
    from: NaiveDate,
    until: Option<NaiveDate>,
    reason: &str,
    today: NaiveDate,
) -> Result<Paused> {
    let lock = store.lock()?;
    let id = store.resolve(prefix, &[Kind::Volunteer])?;
    let mut v: Volunteer = store.load(&id)?;
    if let Some(p) = pause::new_break_problem(&v) {
        return Err(Error::refused(vec![p]));
    }
    let p = Pause {
        from: from.into(),
        until: until.map(Into::into),
        reason: reason.trim().to_string(),
    };
    v.pauses.push(p.clone());
    refuse_problems(&v)?;
    let what = match until {
        Some(u) => format!("paused from {from}, back {u}"),
        None => format!("paused from {from}"),
    };
    v.history
        .push(Event::new(today, what).with_note(Some(p.reason.clone())));
    let running = store
        .assignments_of(&id)?
        .iter()
        .filter(|a| crate::rules::in_force::runs_during(a, from, until))
        .map(|a| (a.id, a.client))
        .collect();
    let mut changes = Changeset::new();
    store.stage(&mut changes, &v)?;
    store.commit(&lock, &changes)?;
    Ok(Paused {
        volunteer: v,
        pause: p,
        running,
    })
}

/// Ends the break running on `date` (or the next one, which is then cancelled): she is back
/// from `date`.
pub fn resume(store: &Store, prefix: &str, date: NaiveDate, today: NaiveDate) -> Result<Resumed> {
    let lock = store.lock()?;
    let id = store.resolve(prefix, &[Kind::Volunteer])?;
    let mut v: Volunteer = store.load(&id)?;
    let cancelled = match pause::resume(&v, date) {
        None => {
            return Err(Error::refused(vec![tr!(
                "{id} has no break running on {date}",
                "{id} har inget uppehåll den {date}"
            )]));
        }
        // Back before it began: the break never happens.
        Some(pause::Resume::Cancel(i)) => Some(v.pauses.remove(i)),
        Some(pause::Resume::End(i)) => {
            v.pauses[i].until = Some(date.into());
            None
        }
    };
    refuse_problems(&v)?;
    v.history.push(match &cancelled {
        Some(p) => Event::new(today, format!("break from {} cancelled", p.from)),
        None => Event::new(today, format!("back {date}")),
    });
    let mut changes = Changeset::new();
    store.stage(&mut changes, &v)?;
    store.commit(&lock, &changes)?;
    Ok(Resumed {
        volunteer: v,
        back: date,
        cancelled,
    })
}

/// The breaks judged as `check` judges a hand-edited file.
fn refuse_problems(v: &Volunteer) -> Result<()> {
    let problems = pause::problems(v);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Error::refused(
            problems.into_iter().map(|p| p.message).collect(),
        ))
    }
}
