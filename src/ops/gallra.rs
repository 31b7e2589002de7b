//! `kontakt gallra`: culling client files under the retention rule. A client's file (personakt)
//! is culled five years after its last entry, by the end of the following year (old SoL 12 kap.
//! 1 §). What pay must keep is never touched: agreements and attendance reports are the basis of
//! payments (accounting records), name the client by id only, and stay; so do the pay runs.

use std::collections::HashMap;
use std::path::PathBuf;

use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;

use crate::model::culled::{self, Culled, CulledClient};
use crate::model::{Assignment, Client, Id, Kind, Report, SCHEMA};
use crate::store::{Changeset, Store};
use crate::{Error, Result};

/// How long after the last entry a client's file is kept.
pub const KEEP_YEARS: u32 = 5;

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

/// The latest date anything was entered about the client: the file itself, its assignments and
/// their reports.
pub fn last_entry(c: &Client, assignments: &[&Assignment], reports: &[&Report]) -> NaiveDate {
    let mut dates = vec![c.applied];
    for d in &c.decisions {
        dates.extend([Some(d.decided), d.guardian_consent].into_iter().flatten());
        dates.extend(d.followed_up.iter().copied());
    }
    dates.extend(c.history.iter().map(|e| e.date));
    for a in assignments {
        dates.push(a.proposed);
        dates.extend(a.declined.as_ref().map(|d| d.date));
        dates.extend(a.ended.as_ref().map(|e| e.date));
        if let Some(ag) = &a.agreement {
            dates.extend(
                [Some(ag.start), ag.end, ag.signed, ag.confidentiality_signed]
                    .into_iter()
                    .flatten(),
            );
            dates.extend(ag.terms.iter().map(|t| t.from));
        }
        dates.extend(a.history.iter().map(|e| e.date));
    }
    for r in reports {
        dates.push(r.reported);
        dates.extend(r.approved.as_ref().map(|a| a.date));
        dates.extend(r.corrections.iter().map(|c| c.date));
        dates.extend(r.meetings.iter().copied());
    }
    dates.into_iter().max().unwrap_or(c.applied)
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
        if asgs.iter().any(|a| a.is_open(today)) {
            continue;
        }
        let grant_runs = c.decisions.iter().any(|d| {
            d.outcome == crate::model::Outcome::Granted && d.last_day().is_some_and(|t| t >= today)
        });
        if grant_runs {
            continue;
        }
        let reps: Vec<&Report> = asgs
            .iter()
            .flat_map(|a| by_assignment.get(&a.id).cloned().unwrap_or_default())
            .collect();
        let last = last_entry(c, &asgs, &reps);
        let Some(from) = last.checked_add_months(Months::new(KEEP_YEARS * 12)) else {
            continue;
        };
        if from > today {
            continue;
        }
        let deadline = NaiveDate::from_ymd_opt(from.year() + 1, 12, 31).unwrap_or(from);
        let mut files = vec![Store::rel_path(Kind::Client, &c.id)];
        files.extend(
            asgs.iter()
                .filter(|a| a.agreement.is_none())
                .map(|a| Store::rel_path(Kind::Assignment, &a.id)),
        );
        out.push(Due {
            client: c.id.clone(),
            last_entry: last,
            from,
            deadline,
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
            id: d.client.clone(),
            last_entry: d.last_entry,
            culled: today,
        });
    }
    store.stage_at(&mut changes, std::path::Path::new(culled::FILE), &registry)?;
    store.commit(&lock, &changes)?;
    Ok(due)
}
