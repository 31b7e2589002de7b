//! Where a client or volunteer stands, derived from the facts on file (never stored, so it can
//! never disagree with them).

use crate::tr;
use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{Client, Outcome, Volunteer};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ClientStatus {
    /// Applied; no decision yet.
    Applied,
    /// The latest decision grants the service and has not run out.
    Granted,
    /// The latest decision denies the service.
    Denied,
    /// The latest decision granted the service, but its period has ended (or it was closed).
    Expired,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum VolunteerStatus {
    /// Applied; no screening step recorded yet.
    Applied,
    /// Screening under way.
    Screening,
    Approved,
    Rejected,
    /// Approved, and on a break today (`rules::pause`): takes no new client until back.
    OnBreak,
    /// Approved, and has left (`kontakt end V-…`): from the day after her last day.
    Left,
}

pub fn client_status(c: &Client, today: NaiveDate) -> ClientStatus {
    match c.latest_decision() {
        None => ClientStatus::Applied,
        Some(d) if d.outcome() == Outcome::Denied => ClientStatus::Denied,
        Some(d) if d.last_day().is_some_and(|t| t < today) => ClientStatus::Expired,
        Some(_) => ClientStatus::Granted,
    }
}

/// Where `v` stands on `today`, as staff read it in lists, `find` and `show`: her screening's
/// outcome ([`volunteer_status`]), and for an approved volunteer whether she is on a break or
/// has left. Matching and agreements ask the screening and `rules::pause` apart.
pub fn volunteer_status_on(v: &Volunteer, today: NaiveDate) -> VolunteerStatus {
    match volunteer_status(v) {
        VolunteerStatus::Approved if v.leaving.as_ref().is_some_and(|l| l.date < today) => {
            VolunteerStatus::Left
        }
        VolunteerStatus::Approved if super::pause::paused_on(v, today).is_some() => {
            VolunteerStatus::OnBreak
        }
        s => s,
    }
}

/// The outcome of `v`'s screening: applied, under way, approved or rejected.
pub fn volunteer_status(v: &Volunteer) -> VolunteerStatus {
    let s = &v.screening;
    if s.rejected.is_some() {
        VolunteerStatus::Rejected
    } else if s.approved.is_some() {
        VolunteerStatus::Approved
    } else if s.is_empty() {
        VolunteerStatus::Applied
    } else {
        VolunteerStatus::Screening
    }
}

/// An application still being handled or in force: the same person cannot apply again meanwhile.
pub fn client_is_open(c: &Client, today: NaiveDate) -> bool {
    matches!(
        client_status(c, today),
        ClientStatus::Applied | ClientStatus::Granted
    )
}

pub fn volunteer_is_open(v: &Volunteer) -> bool {
    volunteer_status(v) != VolunteerStatus::Rejected
}

impl ClientStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ClientStatus::Applied => "applied",
            ClientStatus::Granted => "granted",
            ClientStatus::Denied => "denied",
            ClientStatus::Expired => "expired",
        }
    }
}

impl VolunteerStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            VolunteerStatus::Applied => "applied",
            VolunteerStatus::Screening => "screening",
            VolunteerStatus::Approved => "approved",
            VolunteerStatus::Rejected => "rejected",
            VolunteerStatus::OnBreak => "on_break",
            VolunteerStatus::Left => "left",
        }
    }
}

/// A status as staff type it: the English word of `--json` and the records, or the Swedish word
/// `list` shows (`beviljad`, `under utredning`), in any case.
fn typed<T: Copy>(s: &str, all: &[T], name: fn(T) -> &'static str, sv: &[(&str, T)]) -> Option<T> {
    let s = s.trim().to_lowercase();
    all.iter()
        .copied()
        .find(|v| name(*v) == s)
        .or_else(|| sv.iter().find(|(w, _)| *w == s).map(|(_, v)| *v))
}

impl std::str::FromStr for ClientStatus {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        use ClientStatus::*;
        let sv = [
            ("ansökt", Applied),
            ("ansökan", Applied),
            ("beviljad", Granted),
            ("beviljat", Granted),
            ("avslag", Denied),
            ("avslagen", Denied),
            ("upphört", Expired),
            ("upphörd", Expired),
        ];
        typed(s, &[Applied, Granted, Denied, Expired], Self::as_str, &sv).ok_or_else(|| {
            tr!(
                "expected one of applied, granted, denied, expired",
                "väntade ett av ansökt, beviljad, avslag, upphört"
            )
        })
    }
}

impl std::str::FromStr for VolunteerStatus {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        use VolunteerStatus::*;
        let sv = [
            ("ansökt", Applied),
            ("ansökan", Applied),
            ("under utredning", Screening),
            ("utredning", Screening),
            ("godkänd", Approved),
            ("godkända", Approved),
            ("avslagen", Rejected),
            ("avslagna", Rejected),
            ("uppehåll", OnBreak),
            ("på uppehåll", OnBreak),
            ("slutat", Left),
            ("slutade", Left),
        ];
        typed(
            s,
            &[Applied, Screening, Approved, Rejected, OnBreak, Left],
            Self::as_str,
            &sv,
        )
        .ok_or_else(|| {
            tr!(
                "expected one of applied, screening, approved, rejected, on_break, left",
                "väntade ett av ansökt, under utredning, godkänd, avslagen, uppehåll, slutat"
            )
        })
    }
}
