//! When an assignment agreement (uppdragsavtal) may start, and who signs it: the agreement
//! puts a volunteer with a client, so on its first day (and on the first day of new terms) the
//! client must be granted the service and the volunteer approved with a valid register
//! extract; a child's guardians sign beside the volunteer and the official.

use crate::tr;
use chrono::NaiveDate;

use crate::model::config::VolunteerRules;
use crate::model::{Client, Volunteer};

use super::screening;
use super::status::{self, VolunteerStatus};

/// The age of majority (myndighetsålder, föräldrabalken 9 kap. 1 §): below it a client's
/// guardians sign her agreement.
pub const MAJORITY: u32 = 18;

/// What must hold on the day an agreement (or new terms) starts: the client's decision covers
/// the day, the volunteer is approved, and her police-register extract is valid that day
/// (checked before she meets a client, and young enough).
pub fn start_problems(
    c: &Client,
    v: &Volunteer,
    day: NaiveDate,
    rules: &VolunteerRules,
) -> Vec<String> {
    let mut p = Vec::new();
    if !c.granted_on(day) {
        p.push(tr!(
            "the client's decision does not cover {day}",
            "klientens beslut omfattar inte {day}"
        ));
    }
    if status::volunteer_status(v) != VolunteerStatus::Approved {
        p.push(tr!(
            "the volunteer is not approved",
            "kontaktpersonen är inte godkänd"
        ));
    }
    match v.screening.police_extract {
        Some(d) if screening::extract_valid_on(d.get(), day, rules) => {}
        Some(d) if d > day => p.push(tr!(
            "the police-register extract is dated {d}, after {day}: the register is checked before the volunteer meets a client",
            "utdraget ur belastningsregistret är daterat {d}, efter {day}: registret kontrolleras innan kontaktpersonen träffar en klient"
        )),
        Some(d) => p.push(tr!(
            "the police-register extract of {d} is too old on {day}",
            "utdraget ur belastningsregistret från {d} är för gammalt den {day}"
        )),
        None => p.push(tr!(
            "no police-register extract on file",
            "inget utdrag ur belastningsregistret finns"
        )),
    }
    p
}

/// Do `c`'s guardians sign the agreement starting on `start` (she is a child that day)?
pub fn guardians_sign(c: &Client, start: NaiveDate) -> bool {
    c.pnr.age_on(start) < MAJORITY
}
