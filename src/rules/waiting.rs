//! Who is waiting. Staff ask two questions and each has one answer here:
//! - **needs a volunteer** (`match`): the latest decision grants the service and has not run
//!   out, and no assignment is open for the client (a proposal or an unsigned agreement means
//!   someone is already on it);
//! - **waiting on a day** (`stats`' waiting list over time): the client had applied and been
//!   granted the service by that day, and no agreement was in force for her that day
//!   ([`super::in_force`]). The IVO clock (`ivo_delay`) counts the same days, from the decision.

use chrono::NaiveDate;

use super::in_force::in_force;
use super::status::{ClientStatus, client_status};
use crate::model::{Assignment, Client};

/// Does `c` need a volunteer on `today`? `has_open_assignment`: whether any of her assignments
/// is open (`Assignment::is_open`) that day.
/// A decision closed early (`kontakt end C-…`) still grants its last day, but from that day the
/// need is over: she is not waiting for anyone.
pub fn needs_volunteer(c: &Client, has_open_assignment: bool, today: NaiveDate) -> bool {
    client_status(c, today) == ClientStatus::Granted && !has_open_assignment && !closed_by(c, today)
}

/// Was the grant in force on `today` closed early, on or before `today`?
fn closed_by(c: &Client, today: NaiveDate) -> bool {
    c.grant_in_force(today)
        .and_then(|d| d.closed.as_ref())
        .is_some_and(|cl| cl.date <= today)
}

/// Was `c` waiting for the service on `day`, given her assignments?
pub fn waiting_on(c: &Client, hers: &[&Assignment], day: NaiveDate) -> bool {
    c.applied <= day
        && c.decisions.iter().any(|d| d.decided <= day)
        && c.granted_on(day)
        && !hers.iter().any(|a| in_force(a, day))
}
