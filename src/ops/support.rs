//! `kontakt support V`: a support contact with a volunteer is recorded (`rules::support`).

use chrono::NaiveDate;

use crate::model::volunteer::{Support, SupportKind};
use crate::model::{Event, Id, Kind, Volunteer};
use crate::rules::support::{self, ContactDate};
use crate::store::{Changeset, Store};
use crate::{Error, Result};

/// Records a contact of `kind` on `date` with the volunteer `prefix` names.
pub fn support(
    store: &Store,
    prefix: &str,
    date: NaiveDate,
    kind: SupportKind,
    note: Option<String>,
    by: Option<String>,
    today: NaiveDate,
) -> Result<(Id, Support)> {
    let lock = store.lock()?;
    let id = store.resolve(prefix, &[Kind::Volunteer])?;
    let mut v: Volunteer = store.load(&id)?;
    match support::contact_date(&v, date, today) {
        Some(w @ ContactDate::AfterToday) => return Err(Error::arg("--date", w.message(&v, date))),
        Some(w) => return Err(Error::refused(vec![w.message(&v, date)])),
        None => {}
    }
    let clean = |s: Option<String>| s.map(|x| x.trim().to_string()).filter(|x| !x.is_empty());
    let s = Support {
        date: date.into(),
        kind,
        note: clean(note),
        by: clean(by),
    };
    // Kept in date order, whatever order they are entered in.
    let at = v.support.partition_point(|x| x.date <= date);
    v.support.insert(at, s.clone());
    v.history
        .push(Event::new(today, format!("support contact {date}")).with_by(s.by.clone()));
    let mut changes = Changeset::new();
    store.stage(&mut changes, &v)?;
    store.commit(&lock, &changes)?;
    Ok((id, s))
}
