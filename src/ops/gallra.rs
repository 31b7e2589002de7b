//! `kontakt gallra`: culling the client files the retention rule (`rules::retention`) says are
//! due. What pay must keep is never touched: agreements and attendance reports are the basis of
//! payments (accounting records), name the client by id only, and stay; so do the pay runs.

use std::collections::HashMap;
use std::path::PathBuf;

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::culled::{self, Culled, CulledClient};
use crate::model::{Assignment, Client, Id, Kind, Report, SCHEMA};
use crate::rules::retention;
use crate::store::{Changeset, Store};
use crate::{Error, Result};

/// A client file due for culling.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Due {
    pub client: Id,
    pub last_entry: NaiveDate,
    /// The first day it may be culled (five years after the last entry)...
    pub from: NaiveDate,
    /// ...and the day by which it must be (the end of the following year).
    pub deadline: NaiveDate,
    /// The files that go: the client's, and proposals that never became agreements.
    pub files: Vec<PathBuf>,
}

/// Clients whose files are due for culling on `today`: nothing open, no grant running, and five
/// years since the last entry.
pub fn due(store: &Store, today: NaiveDate) -> Result<Vec<Due>> {
    let clients: Vec<Client> = store.load_all()?;
    let assignments: Vec<Assignment> = store.load_all()?;
    let reports = store.load_reports()?;
    let mut by_client: HashMap<&Id, Vec<&Assignment>> = HashMap::new();
    for a in &assignments {
        by_client.entry(&a.client).or_default().push(a);
    }
    let mut by_assignment: HashMap<&Id, Vec<&Report>> = HashMap::new();
    for r in &reports {
        by_assignment.entry(&r.assignment).or_default().push(r);
    }
    let mut out = Vec::new();
    for c in &clients {
        let asgs = by_client.get(&c.id).cloned().unwrap_or_default();
        let reps: Vec<&Report> = asgs
            .iter()
            .flat_map(|a| by_assignment.get(&a.id).cloned().unwrap_or_default())
            .collect();
        let Some(w) = retention::cullable(c, &asgs, &reps, today) else {
            continue;
        };
        let mut files = vec![Store::rel_path(Kind::Client, &c.id)];
        files.extend(
            asgs.iter()
                .filter(|a| a.agreement.is_none())
                .map(|a| Store::rel_path(Kind::Assignment, &a.id)),
        );
        out.push(Due {
            client: c.id,
            last_entry: w.last_entry,
            from: w.from,
            deadline: w.deadline,
            files,
        });
    }
    out.sort_by(|a, b| (a.deadline, &a.client).cmp(&(b.deadline, &b.client)));
    Ok(out)
}

/// Culls every due client file in one transaction and records the ids in `culled.toml`.
pub fn cull(store: &Store, today: NaiveDate) -> Result<Vec<Due>> {
    let lock = store.lock()?;
    let due = due(store, today)?;
    if due.is_empty() {
        return Ok(due);
    }
    let mut registry: Culled = match store.read_text(std::path::Path::new(culled::FILE)) {
        Ok(text) => crate::store::parse::parse(std::path::Path::new(culled::FILE), &text)?,
        Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => Culled {
            schema: SCHEMA,
            clients: Vec::new(),
        },
        Err(e) => return Err(e),
    };
    let mut changes = Changeset::new();
    for d in &due {
        for f in &d.files {
            changes.remove(f);
        }
        registry.clients.push(CulledClient {
            id: d.client,
            last_entry: d.last_entry,
            culled: today,
        });
    }
    store.stage_at(&mut changes, std::path::Path::new(culled::FILE), &registry)?;
    store.commit(&lock, &changes)?;
    Ok(due)
}
