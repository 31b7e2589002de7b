//! `kontakt apply`: a client applies for a kontaktperson, or a volunteer applies to become one.

use crate::tr;
use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::model::common::{AgeRange, ChildAges, Insats};
use crate::model::{
    Availability, Basis, Client, Event, Frequency, GenderWish, Id, Pnr, SCHEMA, Volunteer,
};
use crate::rules::{contact, screening, status};
use crate::store::{Changeset, Lock, Record, Store};

/// A client's application as typed on the command line or read from a CSV row (raw strings are
/// validated here, so both paths refuse the same things with the same words).
#[derive(Debug, Clone, Default)]
pub struct ClientApplication {
    pub name: String,
    pub pnr: String,
    pub area: Option<String>,
    pub interests: Vec<String>,
    pub languages: Vec<String>,
    pub wants_gender: GenderWish,
    pub wants_age: Option<AgeRange>,
    pub availability: Vec<Availability>,
    pub basis: Basis,
    pub applied: Option<NaiveDate>,
    pub note: Option<String>,
    /// The responsible handläggare.
    pub handler: Option<String>,
    /// A child's guardians, by name.
    pub guardians: Vec<String>,
    /// What is applied for: the insats, and how often to meet.
    pub insats: Insats,
    pub meetings: Option<Frequency>,
}

#[derive(Debug, Clone, Default)]
pub struct VolunteerApplication {
    pub name: String,
    pub pnr: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub area: Option<String>,
    pub interests: Vec<String>,
    pub languages: Vec<String>,
    pub availability: Vec<Availability>,
    pub capacity: u32,
    pub applied: Option<NaiveDate>,
    /// What she offers to be; a kontaktperson when empty.
    pub offers: Vec<Insats>,
    /// A kontaktfamilj's: the children's ages the family takes.
    pub takes_ages: Option<ChildAges>,
}

use crate::model::volunteer::MAX_CAPACITY;

fn check_name(name: &str) -> Result<String> {
    let n = name.trim();
    if let Some(why) = crate::rules::bounds::name_problem(n) {
        return Err(Error::arg("--name", why));
    }
    Ok(n.to_string())
}

fn check_applied(applied: Option<NaiveDate>, today: NaiveDate) -> Result<NaiveDate> {
    let d = applied.unwrap_or(today);
    if d > today {
        return Err(Error::arg(
            "--applied",
            tr!(
                "{d} is after today ({today})",
                "{d} är efter i dag ({today})"
            ),
        ));
    }
    Ok(d)
}

fn check_pnr(raw: &str, today: NaiveDate) -> Result<Pnr> {
    Pnr::parse(raw, today).map_err(|e| Error::arg("--pnr", e.to_string()))
}

/// The languages as codes (`svenska` is `sv`: `rules::contact`), Swedish when none is given.
pub(super) fn language_codes(l: Vec<String>) -> Result<Vec<String>> {
    if l.is_empty() {
        return Ok(vec!["sv".to_string()]);
    }
    let mut out: Vec<String> = Vec::new();
    for typed in l {
        let code = contact::language_code(&typed).map_err(|m| Error::arg("--languages", m))?;
        if !out.contains(&code) {
            out.push(code);
        }
    }
    Ok(out)
}

/// An e-mail address as typed, none when blank, refused when it is no address.
pub(super) fn email_of(e: Option<String>) -> Result<Option<String>> {
    let Some(e) = e.map(|e| e.trim().to_string()).filter(|e| !e.is_empty()) else {
        return Ok(None);
    };
    match contact::email_problem(&e) {
        Some(p) => Err(Error::arg("--email", p)),
        None => Ok(Some(e)),
    }
}

impl ClientApplication {
    fn into_client(self, id: Id, today: NaiveDate) -> Result<Client> {
        let applied = check_applied(self.applied, today)?;
        Ok(Client {
            schema: SCHEMA,
            id,
            name: check_name(&self.name)?,
            pnr: check_pnr(&self.pnr, today)?,
            applied: applied.into(),
            basis: self.basis,
            applied_insats: self.insats,
            applied_meetings: self.meetings,
            area: self.area.filter(|a| !a.trim().is_empty()),
            interests: self.interests,
            languages: language_codes(self.languages)?,
            wants_gender: self.wants_gender,
            wants_age: self.wants_age,
            availability: self.availability,
            note: self.note.filter(|n| !n.trim().is_empty()),
            guardians: self
                .guardians
                .iter()
                .map(|g| g.trim().to_string())
                .filter(|g| !g.is_empty())
                .collect(),
            handler: self
                .handler
                .map(|h| h.trim().to_string())
                .filter(|h| !h.is_empty()),
            ivo_code: None,
            decisions: Vec::new(),
            history: vec![Event::new(applied, "applied")],
        })
    }
}

impl VolunteerApplication {
    fn into_volunteer(self, id: Id, today: NaiveDate) -> Result<Volunteer> {
        let applied = check_applied(self.applied, today)?;
        if !(1..=MAX_CAPACITY).contains(&self.capacity) {
            return Err(Error::arg(
                "--capacity",
                tr!(
                    "expected 1 to {MAX_CAPACITY}",
                    "1 till {MAX_CAPACITY} väntades"
                ),
            ));
        }
        let mut offers = self.offers;
        crate::model::volunteer::tidy_offers(&mut offers);
        if offers.is_empty() {
            offers.push(Insats::Kontaktperson);
        }
        if self.takes_ages.is_some() && !offers.contains(&Insats::Kontaktfamilj) {
            return Err(Error::arg(
                "--takes-ages",
                tr!(
                    "is a kontaktfamilj's: give --offers kontaktfamilj too",
                    "gäller en kontaktfamilj: ange också --offers kontaktfamilj"
                ),
            ));
        }
        Ok(Volunteer {
            schema: SCHEMA,
            id,
            name: check_name(&self.name)?,
            pnr: check_pnr(&self.pnr, today)?,
            applied: applied.into(),
            email: email_of(self.email)?,
            phone: self.phone.filter(|s| !s.trim().is_empty()),
            area: self.area.filter(|a| !a.trim().is_empty()),
            interests: self.interests,
            languages: language_codes(self.languages)?,
            availability: self.availability,
            capacity: self.capacity,
            employee_number: None,
            screening: Default::default(),
            household: (offers.contains(&Insats::Kontaktfamilj) || self.takes_ages.is_some()).then(
                || crate::model::volunteer::Household {
                    takes_ages: self.takes_ages,
                    ..Default::default()
                },
            ),
            offers,
            pauses: vec![],
            leaving: None,
            support: vec![],
            history: vec![Event::new(applied, "applied")],
        })
    }
}

/// The person's open application of this kind, if any, so that one person cannot apply twice
/// meanwhile; found through the personnummer index, checked against the records themselves.
fn open_application<R: Record + Send>(
    store: &Store,
    pnr: &Pnr,
    is_open: impl Fn(&R) -> bool,
) -> Result<Option<Id>> {
    Ok(store
        .people_with::<R>(pnr)?
        .into_iter()
        .find(|r| is_open(r))
        .map(|r| *r.id()))
}

/// Where a set of applications came from: the command line (one) or a batch file (line numbers).
pub enum Source<'a> {
    Args,
    Batch(&'a Path),
}

/// Validates every application, refuses them all if any is bad (naming each bad row), else writes
/// them in one transaction.
fn register<A, R: Record>(
    store: &Store,
    lock: &Lock,
    rows: Vec<(usize, A)>,
    source: Source,
    mut existing: impl FnMut(&Pnr) -> Result<Option<Id>>,
    build: impl Fn(A, Id) -> Result<R>,
    pnr_of: impl Fn(&R) -> &Pnr,
) -> Result<Vec<Id>> {
    // Applications in this batch, so that a file naming one person twice is refused too.
    let mut open: HashMap<Pnr, Id> = HashMap::new();
    let mut changes = Changeset::new();
    let mut ids = Vec::new();
    let mut problems = Vec::new();
    for (line, app) in rows {
        let id = store.new_id(R::KIND, &ids);
        let rec = match build(app, id) {
            Ok(r) => r,
            Err(e) => {
                problems.push((line, e));
                continue;
            }
        };
        let on_file = match open.get(pnr_of(&rec)) {
            Some(id) => Some(*id),
            None => existing(pnr_of(&rec))?,
        };
        if let Some(existing) = on_file {
            let msg = tr!(
                "this person already has an open {} application: {existing}",
                "personen har redan en öppen ansökan som {}: {existing}",
                crate::lang::current().word(R::KIND.noun())
            );
            problems.push((line, Error::refused(vec![msg])));
            continue;
        }
        open.insert(pnr_of(&rec).clone(), id);
        store.stage(&mut changes, &rec)?;
        ids.push(id);
    }
    match source {
        Source::Args => {
            if let Some((_, e)) = problems.into_iter().next() {
                return Err(e);
            }
        }
        Source::Batch(path) if !problems.is_empty() => {
            return Err(Error::BadBatch {
                path: path.to_path_buf(),
                problems: problems
                    .into_iter()
                    .map(|(l, e)| tr!("line {l}: {e}", "rad {l}: {e}"))
                    .collect(),
            });
        }
        Source::Batch(_) => {}
    }
    store.commit(lock, &changes)?;
    Ok(ids)
}

/// Applications registered, and what staff should know about them (`rules::screening`): too
/// young to be approved yet, the same person on file in the other role.
#[derive(Debug)]
pub struct Applied {
    pub ids: Vec<Id>,
    pub warnings: Vec<String>,
}

/// Registers clients' applications; all are validated before any is written.
pub fn apply_clients(
    store: &Store,
    rows: Vec<(usize, ClientApplication)>,
    source: Source,
    today: NaiveDate,
) -> Result<Applied> {
    let lock = store.lock()?;
    let ids = register(
        store,
        &lock,
        rows,
        source,
        |p| open_application(store, p, |c: &Client| status::client_is_open(c, today)),
        |a, id| a.into_client(id, today),
        |c: &Client| &c.pnr,
    )?;
    let mut warnings = Vec::new();
    for id in &ids {
        let c: Client = store.load(id)?;
        let other: Vec<Id> = store
            .people_with::<Volunteer>(&c.pnr)?
            .iter()
            .map(|v| v.id)
            .collect();
        warnings.extend(screening::both_roles(&other).map(|w| format!("{id}: {w}")));
    }
    Ok(Applied { ids, warnings })
}

pub fn apply_volunteers(
    store: &Store,
    rows: Vec<(usize, VolunteerApplication)>,
    source: Source,
    today: NaiveDate,
) -> Result<Applied> {
    let lock = store.lock()?;
    let ids = register(
        store,
        &lock,
        rows,
        source,
        |p| open_application(store, p, status::volunteer_is_open),
        |a, id| a.into_volunteer(id, today),
        |v: &Volunteer| &v.pnr,
    )?;
    let mut warnings = Vec::new();
    for id in &ids {
        let v: Volunteer = store.load(id)?;
        warnings.extend(screening::warnings(&v, &store.config.volunteers, today));
        let other: Vec<Id> = store
            .people_with::<Client>(&v.pnr)?
            .iter()
            .map(|c| c.id)
            .collect();
        warnings.extend(screening::both_roles(&other).map(|w| format!("{id}: {w}")));
    }
    Ok(Applied { ids, warnings })
}
