//! `kontakt pause V` and `kontakt resume V`: a volunteer's break (uppehåll) begins or ends.
//! Her running assignments are left alone (staff agree with the client what happens
//! meanwhile); she is not suggested or matched while it runs (`rules::pause`).

use chrono::NaiveDate;

use crate::model::volunteer::Pause;
use crate::model::{Event, Id, Kind, Volunteer};
use crate::rules::pause;
use crate::store::{Changeset, Store};
use crate::{Error, Result, tr};

/// Records a break from `from` (to the day before `until`, or open-ended).
pub fn pause(
    store: &Store,
    prefix: &str,
    from: NaiveDate,
    until: Option<NaiveDate>,
    reason: &str,
    today: NaiveDate,
) -> Result<(Id, Pause)> {
    let lock = store.lock()?;
    let id = store.resolve(prefix, &[Kind::Volunteer])?;
    let mut v: Volunteer = store.load(&id)?;
    if let Some(l) = &v.leaving {
        return Err(Error::refused(vec![tr!(
            "{id} is leaving on {}; a break is not needed",
            "{id} slutar {}; ett uppehåll behövs inte",
            l.date
        )]));
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
    let mut changes = Changeset::new();
    store.stage(&mut changes, &v)?;
    store.commit(&lock, &changes)?;
    Ok((id, p))
}

/// Ends the break running on `date` (or the next one, which is then cancelled): she is back
/// from `date`.
pub fn resume(store: &Store, prefix: &str, date: NaiveDate, today: NaiveDate) -> Result<Id> {
    let lock = store.lock()?;
    let id = store.resolve(prefix, &[Kind::Volunteer])?;
    let mut v: Volunteer = store.load(&id)?;
    let Some(i) = pause::current_or_next(&v, date) else {
        return Err(Error::refused(vec![tr!(
            "{id} has no break running on {date}",
            "{id} har inget uppehåll den {date}"
        )]));
    };
    if v.pauses[i].from >= date {
        // Back before it began: the break never happens.
        v.pauses.remove(i);
    } else {
        v.pauses[i].until = Some(date.into());
    }
    refuse_problems(&v)?;
    v.history.push(Event::new(today, format!("back {date}")));
    let mut changes = Changeset::new();
    store.stage(&mut changes, &v)?;
    store.commit(&lock, &changes)?;
    Ok(id)
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
