//! `kontakt gallra`: culling the personal files the retention rules (`rules::retention`) say
//! are due, clients' and volunteers'. What pay must keep is never touched: agreements and
//! attendance reports are the basis of payments (accounting records), name people by id only,
//! and stay; so do the pay runs.

use std::collections::HashMap;
use std::path::PathBuf;

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::culled::{self, Culled, CulledClient};
use crate::model::{Assignment, Client, Id, Kind, Report, SCHEMA, Volunteer};
use crate::rules::retention::{self, Kept, Verdict};
use crate::store::{Changeset, Store};
use crate::{Error, Result};

/// A file due for culling.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Due {
    pub id: Id,
    pub name: String,
    pub last_entry: NaiveDate,
    /// The first day it may be culled (the years after the last entry)...
    pub from: NaiveDate,
    /// ...and the day by which it must be (the end of the following year).
    pub deadline: NaiveDate,
    /// The files that go: the person's, and (for a client) proposals that never became
    /// agreements.
    pub files: Vec<PathBuf>,
}

/// A file that stays, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stays {
    pub id: Id,
    pub name: String,
    pub file: PathBuf,
    /// Kept for the archive (never culled), not only for now.
    pub archive: bool,
    #[serde(flatten)]
    pub kept: Kept,
}

/// What the retention rules say of every personal file on a day.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Plan {
    pub clients: Vec<Due>,
    pub volunteers: Vec<Due>,
    pub kept: Vec<Stays>,
}

impl Plan {
    pub fn is_empty(&self) -> bool {
        self.clients.is_empty() && self.volunteers.is_empty()
    }
}

/// Every client's and volunteer's file, culled or kept, on `today`.
pub fn plan(store: &Store, today: NaiveDate) -> Result<Plan> {
    let rules = &store.config.retention;
    let clients: Vec<Client> = store.load_all()?;
    let volunteers: Vec<Volunteer> = store.load_all()?;
    let assignments: Vec<Assignment> = store.load_all()?;
    let reports = store.load_reports()?;
    let mut by_client: HashMap<&Id, Vec<&Assignment>> = HashMap::new();
    let mut by_volunteer: HashMap<&Id, Vec<&Assignment>> = HashMap::new();
    for a in &assignments {
        by_client.entry(&a.client).or_default().push(a);
        by_volunteer.entry(&a.volunteer).or_default().push(a);
    }
    let mut by_assignment: HashMap<&Id, Vec<&Report>> = HashMap::new();
    for r in &reports {
        by_assignment.entry(&r.assignment).or_default().push(r);
    }
    let mut out = Plan::default();
    for c in &clients {
        let asgs = by_client.get(&c.id).cloned().unwrap_or_default();
        let reps: Vec<&Report> = asgs
            .iter()
            .flat_map(|a| by_assignment.get(&a.id).cloned().unwrap_or_default())
            .collect();
        let file = Store::rel_path(Kind::Client, &c.id);
        match retention::client_verdict(c, &asgs, &reps, rules, today) {
            Verdict::Cull(w) => {
                let mut files = vec![file];
                files.extend(
                    retention::culled_with(&asgs)
                        .iter()
                        .map(|a| Store::rel_path(Kind::Assignment, &a.id)),
                );
                out.clients.push(Due {
                    id: c.id,
                    name: c.name.clone(),
                    last_entry: w.last_entry,
                    from: w.from,
                    deadline: w.deadline,
                    files,
                });
            }
            Verdict::Keep(kept) => out.kept.push(Stays {
                id: c.id,
                name: c.name.clone(),
                file,
                archive: kept.archive(),
                kept,
            }),
        }
    }
    for v in &volunteers {
        let his = by_volunteer.get(&v.id).cloned().unwrap_or_default();
        let file = Store::rel_path(Kind::Volunteer, &v.id);
        match retention::volunteer_verdict(v, &his, rules, today) {
            Verdict::Cull(w) => out.volunteers.push(Due {
                id: v.id,
                name: v.name.clone(),
                last_entry: w.last_entry,
                from: w.from,
                deadline: w.deadline,
                files: vec![file],
            }),
            Verdict::Keep(kept) => out.kept.push(Stays {
                id: v.id,
                name: v.name.clone(),
                file,
                archive: kept.archive(),
                kept,
            }),
        }
    }
    let order = |d: &Due| (d.deadline, d.id);
    out.clients.sort_by_key(order);
    out.volunteers.sort_by_key(order);
    out.kept.sort_by_key(|k| k.id);
    Ok(out)
}

/// Culls every due file in one transaction and records the ids in `culled.toml`. The derived
/// data that holds people (the parse cache, the personnummer index) goes with the files in the
/// same commit, whatever becomes of the process (`Store::commit`).
pub fn cull(store: &Store, today: NaiveDate) -> Result<Plan> {
    let lock = store.lock()?;
    let plan = plan(store, today)?;
    if plan.is_empty() {
        return Ok(plan);
    }
    let mut registry: Culled = match store.read_text(std::path::Path::new(culled::FILE)) {
        Ok(text) => crate::store::parse::parse(std::path::Path::new(culled::FILE), &text)?,
        Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => Culled {
            schema: SCHEMA,
            clients: Vec::new(),
            volunteers: Vec::new(),
        },
        Err(e) => return Err(e),
    };
    let mut changes = Changeset::new();
    for (list, to) in [
        (&plan.clients, &mut registry.clients),
        (&plan.volunteers, &mut registry.volunteers),
    ] {
        for d in list {
            for f in &d.files {
                changes.remove(f);
            }
            to.push(CulledClient {
                id: d.id,
                last_entry: d.last_entry.into(),
                culled: today.into(),
            });
        }
    }
    store.stage_at(&mut changes, std::path::Path::new(culled::FILE), &registry)?;
    store.commit(&lock, &changes)?;
    Ok(plan)
}
