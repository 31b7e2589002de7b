//! `kontakt support V`: a support contact with a volunteer is recorded (`rules::support`).

use chrono::NaiveDate;

use crate::model::volunteer::{Support, SupportKind};
use crate::model::{Event, Id, Kind, Volunteer};
use crate::store::{Changeset, Store};
use crate::{Error, Result, tr};

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
    if date > today {
        return Err(Error::arg(
            "--date",
            tr!("{date} is after today", "{date} är efter i dag"),
        ));
    }
    let lock = store.lock()?;
    let id = store.resolve(prefix, &[Kind::Volunteer])?;
    let mut v: Volunteer = store.load(&id)?;
    if date < v.applied {
        return Err(Error::refused(vec![tr!(
            "{date} is before {id} applied ({})",
            "{date} är före ansökan från {id} ({})",
            v.applied
        )]));
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
