//! `kontakt due`: reads the records, has `rules::due` say what needs attention, and adds what
//! pay owes but may no longer pay (`ops::pay::owed`, until it is settled).

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::lang::Lang;
use crate::model::{Assignment, Client, Id, Kind, Volunteer};
pub use crate::rules::due::Due;
use crate::rules::due::{self, Records};
use crate::store::Store;
use crate::{Error, Result};

/// One thing due, with the name of the person it is about (for an assignment "client /
/// volunteer"), when on file: staff work with names.
#[derive(Debug, Clone, Serialize)]
pub struct Item {
    #[serde(flatten)]
    pub due: Due,
    pub name: Option<String>,
}

/// Everything falling due by `today + within` days, overdue first, from every record that
/// reads; the errors of the files that do not (one broken file does not hide the rest).
pub fn due(
    store: &Store,
    today: NaiveDate,
    within: u32,
    lang: Lang,
) -> Result<(Vec<Item>, Vec<Error>)> {
    // Each kind through the parse cache, on both cores.
    let ((clients, volunteers), (assignments, reports)) = rayon::join(
        || {
            rayon::join(
                || store.load_readable::<Client>(),
                || store.load_readable::<Volunteer>(),
            )
        },
        || {
            rayon::join(
                || store.load_readable::<Assignment>(),
                || store.load_reports_readable(),
            )
        },
    );
    let (clients, mut broken) = clients?;
    let (volunteers, more) = volunteers?;
    broken.extend(more);
    let (assignments, more) = assignments?;
    broken.extend(more);
    let (reports, more) = reports?;
    broken.extend(more);
    let records = Records {
        clients: &clients,
        volunteers: &volunteers,
        assignments: &assignments,
        reports: &reports,
    };
    let horizon = due::horizon(today, within);
    // The rules and what pay owes, one on each core (each is about a second nationally).
    // Pay reads strictly, so with a broken file what it owes waits until the file is mended.
    let (mut out, owed) = rayon::join(
        || due::due(&records, &store.config, today, horizon, lang),
        || {
            if !broken.is_empty() {
                return Ok(Vec::new());
            }
            let loaded = super::pay::Loaded {
                clients: &clients,
                volunteers: &volunteers,
                assignments: &assignments,
                reports: &reports,
            };
            super::pay::owed(store, today, Some(&loaded))
        },
    );
    // What pay owes but may no longer pay (older than the retroactive limit), until settled.
    let owed = owed?;
    out.extend(
        owed.iter()
            .map(|o| due::pay_owed(o.assignment, o.period, &o.reason, lang)),
    );
    out.sort();
    let mut names: HashMap<Id, &str> = clients.iter().map(|c| (c.id, c.name.as_str())).collect();
    names.extend(volunteers.iter().map(|v| (v.id, v.name.as_str())));
    let pair_of: HashMap<Id, (Id, Id)> = assignments
        .iter()
        .map(|a| (a.id, (a.client, a.volunteer)))
        .collect();
    let name = |id: &Id| match id.kind() {
        Kind::Assignment => {
            let (client, volunteer) = pair_of.get(id)?;
            match (names.get(client), names.get(volunteer)) {
                (Some(c), Some(v)) => Some(format!("{c} / {v}")),
                (c, v) => c.or(v).map(|n| n.to_string()),
            }
        }
        _ => names.get(id).map(|n| n.to_string()),
    };
    let items = out
        .into_iter()
        .map(|due| Item {
            name: name(&due.id),
            due,
        })
        .collect();
    Ok((items, broken))
}
