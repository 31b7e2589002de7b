//! `kontakt find TEXT`: the clients and volunteers matching what staff typed
//! (`rules::search`), each with the people they are matched with now.

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{Assignment, Client, Id, Kind, Pnr, Volunteer};
use crate::rules::search::Query;
use crate::rules::status;
use crate::store::Store;
use crate::{Error, Result};

/// One person found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hit {
    pub id: Id,
    /// `client` or `volunteer`.
    pub kind: &'static str,
    pub name: String,
    #[serde(skip)]
    pub pnr: Pnr,
    pub area: Option<String>,
    /// The application's status (`rules::status`), as its English word.
    pub status: String,
    /// Open assignments (proposed, agreed or active), current first: the assignment and the
    /// person on the other side.
    pub with: Vec<With>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct With {
    pub assignment: Id,
    pub id: Id,
    pub name: String,
    pub status: String,
}

/// Everyone matching `text` on `today`, clients first, each by name; and the files that could
/// not be read (a search looks through the rest: one broken file does not hide everyone).
pub fn find(store: &Store, text: &str, today: NaiveDate) -> Result<(Vec<Hit>, Vec<Error>)> {
    let q = Query::parse(text, today);
    if q.is_empty() {
        return Ok((Vec::new(), Vec::new()));
    }
    let (clients, mut broken) = store.load_readable::<Client>()?;
    let (volunteers, bad) = store.load_readable::<Volunteer>()?;
    broken.extend(bad);
    let (assignments, bad) = store.load_readable::<Assignment>()?;
    broken.extend(bad);
    let name_of = |id: &Id| -> String {
        match id.kind() {
            Kind::Client => clients.iter().find(|c| &c.id == id).map(|c| c.name.clone()),
            _ => volunteers
                .iter()
                .find(|v| &v.id == id)
                .map(|v| v.name.clone()),
        }
        .unwrap_or_default()
    };
    let with = |id: &Id| -> Vec<With> {
        let mut open: Vec<&Assignment> = assignments
            .iter()
            .filter(|a| (&a.client == id || &a.volunteer == id) && a.is_open(today))
            .collect();
        // Current first: the latest proposal first.
        open.sort_by_key(|a| std::cmp::Reverse(a.proposed));
        open.into_iter()
            .map(|a| {
                let other = if &a.client == id {
                    &a.volunteer
                } else {
                    &a.client
                };
                With {
                    assignment: a.id,
                    id: *other,
                    name: name_of(other),
                    status: crate::model::common::word(&a.status(today)),
                }
            })
            .collect()
    };
    let mut hits = Vec::new();
    for c in &clients {
        if q.matches(&c.name, &c.pnr, &[c.area.as_deref()]) {
            hits.push(Hit {
                id: c.id,
                kind: "client",
                name: c.name.clone(),
                pnr: c.pnr.clone(),
                area: c.area.clone(),
                status: crate::model::common::word(&status::client_status(c, today)),
                with: with(&c.id),
            });
        }
    }
    for v in &volunteers {
        if q.matches(
            &v.name,
            &v.pnr,
            &[v.area.as_deref(), v.phone.as_deref(), v.email.as_deref()],
        ) {
            hits.push(Hit {
                id: v.id,
                kind: "volunteer",
                name: v.name.clone(),
                pnr: v.pnr.clone(),
                area: v.area.clone(),
                status: crate::model::common::word(&status::volunteer_status_on(v, today)),
                with: with(&v.id),
            });
        }
    }
    hits.sort_by(|x, y| (x.kind, &x.name, &x.id).cmp(&(y.kind, &y.name, &y.id)));
    Ok((hits, broken))
}
