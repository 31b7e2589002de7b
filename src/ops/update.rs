//! `kontakt update ID`: a person's details change (phone, e-mail, area, interests, languages,
//! availability, capacity, gender wish, note, handläggare), each change named in the record's history. The
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
    /// Clients only: the responsible handläggare.
    pub handler: Option<String>,
    /// Clients only: a child's guardians, replacing those on file.
    pub guardians: Option<Vec<String>>,
}

/// Puts `new` (when given) into `field`, naming it in `changed` when that changes the value.
fn set<T: PartialEq>(
    changed: &mut Vec<&'static str>,
    name: &'static str,
    field: &mut T,
    new: Option<T>,
) {
    if let Some(new) = new
        && *field != new
    {
        *field = new;
        changed.push(name);
    }
}

fn text(v: &str) -> Option<String> {
    Some(v.trim().to_string()).filter(|s| !s.is_empty())
}

/// What `update` did: the fields changed (none: nothing was written), and what staff should
/// know of the new values though they stop nothing.
#[derive(Debug)]
pub struct Updated {
    pub id: Id,
    pub changed: Vec<&'static str>,
    pub warnings: Vec<String>,
}

/// Applies `changes` to the client or volunteer `prefix` names; returns its id and the fields
/// changed (none: nothing is written).
pub fn update(
    store: &Store,
    prefix: &str,
    changes: Changes,
    by: Option<String>,
    today: NaiveDate,
) -> Result<Updated> {
    let lock = store.lock()?;
    let id = store.resolve(prefix, &[Kind::Client, Kind::Volunteer])?;
    let only = |field: &'static str, kind: &str| {
        Error::arg(
            field,
            match kind {
                "client" => tr!("is for clients only", "gäller bara klienter"),
                _ => tr!("is for volunteers only", "gäller bara kontaktpersoner"),
            },
        )
    };
    let mut changed = Vec::new();
    let mut warnings = Vec::new();
    let mut changes_set = Changeset::new();
    match id.kind() {
        Kind::Volunteer => {
            if changes.wants_gender.is_some() {
                return Err(only("--wants-gender", "client"));
            }
            if changes.note.is_some() {
                return Err(only("--note", "client"));
            }
            if changes.handler.is_some() {
                return Err(only("--handler", "client"));
            }
            if changes.guardians.is_some() {
                return Err(only("--guardians", "client"));
            }
            let mut v: Volunteer = store.load(&id)?;
            set(
                &mut changed,
                "phone",
                &mut v.phone,
                changes.phone.as_deref().map(text),
            );
            set(
                &mut changed,
                "email",
                &mut v.email,
                match changes.email {
                    Some(e) => Some(super::apply::email_of(Some(e))?),
                    None => None,
                },
            );
            set(
                &mut changed,
                "area",
                &mut v.area,
                changes.area.as_deref().map(text),
            );
            set(
                &mut changed,
                "interests",
                &mut v.interests,
                changes.interests,
            );
            set(
                &mut changed,
                "languages",
                &mut v.languages,
                changes
                    .languages
                    .map(super::apply::language_codes)
                    .transpose()?,
            );
            set(
                &mut changed,
                "availability",
                &mut v.availability,
                changes.availability,
            );
            set(&mut changed, "capacity", &mut v.capacity, changes.capacity);
            if changed.is_empty() {
                return Ok(Updated {
                    id,
                    changed,
                    warnings,
                });
            }
            if changed.contains(&"capacity") {
                // Fewer places than assignments running: none is ended, she takes no new one.
                let open = crate::rules::capacity::places_taken(&store.assignments_of(&id)?, today)
                    .get(&id)
                    .copied()
                    .unwrap_or(0);
                if crate::rules::capacity::over_capacity(&v, open) {
                    warnings.push(tr!(
                        "{id} has {open} assignments running, more than {} now given: none is ended, and she is matched with no one new until fewer run",
                        "{id} har {open} pågående uppdrag, fler än {} som nu anges: inget avslutas, och hon matchas inte med någon ny förrän färre pågår",
                        crate::lang::count(
                            u64::from(v.capacity),
                            ["place", "places"],
                            ["plats", "platser"]
                        )
                    ));
                }
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
            set(
                &mut changed,
                "area",
                &mut c.area,
                changes.area.as_deref().map(text),
            );
            set(
                &mut changed,
                "interests",
                &mut c.interests,
                changes.interests,
            );
            set(
                &mut changed,
                "languages",
                &mut c.languages,
                changes
                    .languages
                    .map(super::apply::language_codes)
                    .transpose()?,
            );
            set(
                &mut changed,
                "availability",
                &mut c.availability,
                changes.availability,
            );
            set(
                &mut changed,
                "wants gender",
                &mut c.wants_gender,
                changes.wants_gender,
            );
            set(
                &mut changed,
                "note",
                &mut c.note,
                changes.note.as_deref().map(text),
            );
            set(
                &mut changed,
                "handler",
                &mut c.handler,
                changes.handler.as_deref().map(text),
            );
            set(
                &mut changed,
                "guardians",
                &mut c.guardians,
                changes.guardians,
            );
            if changed.is_empty() {
                return Ok(Updated {
                    id,
                    changed,
                    warnings,
                });
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
    Ok(Updated {
        id,
        changed,
        warnings,
    })
}

/// The record as a file would hold it, read back by the parse every file gets: the same bounds
/// (a capacity of 0 or 11, an e-mail that is not one) whoever wrote the value.
/// The record as changed, judged by the rule a hand-edited file is (the record's own parse). A
/// value refused there is told as the option that gave it (`--capacity`), not as a line of a
/// file that was never written.
fn judge<T: Record>(rec: &T) -> Result<()> {
    let rel = rec.rel_path();
    let text = crate::store::to_toml(rec, &rel)?;
    crate::store::parse::parse::<T>(&rel, &text)
        .map(|_| ())
        .map_err(|e| match e {
            Error::Record {
                field: Some(field),
                message,
                ..
            } => Error::BadArgument {
                option: format!("--{}", field.replace('_', "-")),
                message,
            },
            e => e,
        })
}
