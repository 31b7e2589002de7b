//! `kontakt update ID`: a person's details change (phone, e-mail, area, interests, languages,
//! availability, capacity, gender wish, note), each change named in the record's history. The
//! record is judged afterwards by the same parse a hand-edited file gets, so a value refused in
//! a file is refused here too; a person's comments and layout in the file are kept.

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::model::{Availability, Client, Event, GenderWish, Id, Kind, Volunteer};
use crate::store::{Changeset, Record, Store};
use crate::tr;

/// What is to change; `None` leaves a detail as it is, `Some("")` clears an optional one.
#[derive(Debug, Clone, Default)]
pub struct Changes {
    pub phone: Option<String>,
    pub email: Option<String>,
    pub area: Option<String>,
    pub interests: Option<Vec<String>>,
    pub languages: Option<Vec<String>>,
    pub availability: Option<Vec<Availability>>,
    /// Volunteers only.
    pub capacity: Option<u32>,
    /// Clients only.
    pub wants_gender: Option<GenderWish>,
    /// Clients only.
    pub note: Option<String>,
}

fn text(v: &str) -> Option<String> {
    Some(v.trim().to_string()).filter(|s| !s.is_empty())
}

/// Applies `changes` to the client or volunteer `prefix` names; returns its id and the fields
/// changed (none: nothing is written).
pub fn update(
    store: &Store,
    prefix: &str,
    changes: Changes,
    by: Option<String>,
    today: NaiveDate,
) -> Result<(Id, Vec<&'static str>)> {
    let lock = store.lock()?;
    let id = store.resolve(prefix, &[Kind::Client, Kind::Volunteer])?;
    let only = |field: &'static str, kind: &str| {
        Error::arg(field, tr!("is for {kind}s only", "gäller bara {kind}"))
    };
    let mut changed = Vec::new();
    let mut changes_set = Changeset::new();
    match id.kind() {
        Kind::Volunteer => {
            if changes.wants_gender.is_some() {
                return Err(only("--wants-gender", "client"));
            }
            if changes.note.is_some() {
                return Err(only("--note", "client"));
            }
            let mut v: Volunteer = store.load(&id)?;
            let before = v.clone();
            if let Some(p) = &changes.phone {
                v.phone = text(p);
            }
            if let Some(e) = &changes.email {
                v.email = text(e);
            }
            if let Some(a) = &changes.area {
                v.area = text(a);
            }
            if let Some(i) = changes.interests {
                v.interests = i;
            }
            if let Some(l) = changes.languages {
                v.languages = l;
            }
            if let Some(t) = changes.availability {
                v.availability = t;
            }
            if let Some(c) = changes.capacity {
                v.capacity = c;
            }
            for (field, differs) in [
                ("phone", v.phone != before.phone),
                ("email", v.email != before.email),
                ("area", v.area != before.area),
                ("interests", v.interests != before.interests),
                ("languages", v.languages != before.languages),
                ("availability", v.availability != before.availability),
                ("capacity", v.capacity != before.capacity),
            ] {
                if differs {
                    changed.push(field);
                }
            }
            if changed.is_empty() {
                return Ok((id, changed));
            }
            v.history.push(Event {
                by: by.clone(),
                ..Event::new(today, format!("updated {}", changed.join(", ")))
            });
            judge(&v)?;
            store.stage(&mut changes_set, &v)?;
        }
        _ => {
            if changes.capacity.is_some() {
                return Err(only("--capacity", "volunteer"));
            }
            if changes.phone.is_some() || changes.email.is_some() {
                return Err(only("--phone/--email", "volunteer"));
            }
            let mut c: Client = store.load(&id)?;
            let before = c.clone();
            if let Some(a) = &changes.area {
                c.area = text(a);
            }
            if let Some(i) = changes.interests {
                c.interests = i;
            }
            if let Some(l) = changes.languages {
                c.languages = l;
            }
            if let Some(t) = changes.availability {
                c.availability = t;
            }
            if let Some(g) = changes.wants_gender {
                c.wants_gender = g;
            }
            if let Some(n) = &changes.note {
                c.note = text(n);
            }
            for (field, differs) in [
                ("area", c.area != before.area),
                ("interests", c.interests != before.interests),
                ("languages", c.languages != before.languages),
                ("availability", c.availability != before.availability),
                ("wants gender", c.wants_gender != before.wants_gender),
                ("note", c.note != before.note),
            ] {
                if differs {
                    changed.push(field);
                }
            }
            if changed.is_empty() {
                return Ok((id, changed));
            }
            c.history.push(Event {
                by: by.clone(),
                ..Event::new(today, format!("updated {}", changed.join(", ")))
            });
            judge(&c)?;
            store.stage(&mut changes_set, &c)?;
        }
    }
    store.commit(&lock, &changes_set)?;
    Ok((id, changed))
}

/// The record as a file would hold it, read back by the parse every file gets: the same bounds
/// (a capacity of 0 or 11, an e-mail that is not one) whoever wrote the value.
fn judge<T: Record>(rec: &T) -> Result<()> {
    let rel = rec.rel_path();
    let text = crate::store::to_toml(rec, &rel)?;
    crate::store::parse::parse::<T>(&rel, &text).map(|_| ())
}
