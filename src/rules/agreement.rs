//! When an assignment agreement (uppdragsavtal) may start, and who signs it: the agreement
//! puts a volunteer with a client, so on its first day (and on the first day of new terms) the
//! client must be granted the service and the volunteer approved with a valid register
//! extract; a child's guardians sign beside the volunteer and the official.

use crate::tr;
use chrono::NaiveDate;

use crate::model::assignment::Agreement;
use crate::model::config::VolunteerRules;
use crate::model::{AssignmentStatus, Client, Id, Volunteer};

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

/// May an assignment in `status` take what `agree` is asked to record? A declined proposal takes
/// nothing; an ended one only its agreement's late signatures, the fix pay names for "the
/// agreement is not signed", so that its months can still be paid.
pub fn recordable(
    id: &Id,
    status: AssignmentStatus,
    has_agreement: bool,
    only_signatures: bool,
) -> Option<String> {
    match status {
        AssignmentStatus::Declined => Some(tr!(
            "{id} is {}; it cannot be agreed",
            "{id} har status {}; det kan inte avtalas",
            crate::lang::current().word(&crate::model::common::word(&status))
        )),
        AssignmentStatus::Ended if !(has_agreement && only_signatures) => Some(tr!(
            "{id} is ended: only its agreement's signatures can still be recorded (--signed, --confidentiality-signed)",
            "{id} är avslutat: bara avtalets underskrifter kan fortfarande registreras (--signed, --confidentiality-signed)"
        )),
        _ => None,
    }
}

/// What must hold for new terms from `from` (`agree --change-from`): terms are only appended,
/// so they start after the latest; within the agreement; and on a day the client's decision
/// covers. (`check` judges the terms' order, `terms::agreement_problems`; that a decision covers
/// a hand-typed terms date it does not judge yet.)
pub fn change_problems(ag: &Agreement, c: &Client, from: NaiveDate) -> Vec<String> {
    let mut p = Vec::new();
    if let Some(last) = ag.terms.last().filter(|t| from <= t.from.get()) {
        p.push(tr!(
            "--change-from {from} must be after the latest terms' date {}",
            "--change-from {from} måste vara efter de senaste villkorens datum {}",
            last.from
        ));
    }
    if ag.end.is_some_and(|e| from > e.get()) {
        p.push(tr!(
            "--change-from {from} is after the agreement's end",
            "--change-from {from} är efter avtalets slut"
        ));
    }
    if !c.granted_on(from) {
        p.push(tr!(
            "the client's decision does not cover {from}",
            "klientens beslut omfattar inte {from}"
        ));
    }
    p
}

/// An agreement may not end before it starts (`terms::agreement_problems` says the same of a
/// file; this is `agree --end`'s wording, naming the option).
pub fn end_problem(start: NaiveDate, end: Option<NaiveDate>, new: bool) -> Option<String> {
    end.filter(|e| *e < start).map(|_| {
        if new {
            tr!("--end is before --start", "--end är före --start")
        } else {
            tr!("--end is before the start", "--end är före starten")
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Assignment;

    fn d(s: &str) -> NaiveDate {
        crate::model::date::parse(s).unwrap()
    }

    /// A client (a Skatteverket test number) granted 2026-02-01 to 2026-12-31.
    fn client() -> Client {
        toml::from_str(
            "schema = 1\nid = \"C-7Q2K9M\"\nname = \"X\"\npnr = \"201201022389\"\napplied = \"2026-01-01\"\n\
             [[decisions]]\ndecided = \"2026-01-20\"\noutcome = \"granted\"\nfrom = \"2026-02-01\"\nto = \"2026-12-31\"\nmeetings = \"1/week\"\n",
        )
        .unwrap()
    }

    /// An agreement from 2026-03-01, new terms from 2026-06-01, ending on `end`.
    fn agreement(end: Option<&str>) -> Agreement {
        let end = end.map_or(String::new(), |e| format!("end = \"{e}\"\n"));
        let terms = |from: &str| {
            format!(
                "[[agreement.terms]]\nfrom = \"{from}\"\nmeetings = \"1/week\"\n\
                 fee = {{ monthly_ore = 100000 }}\nexpense = {{ monthly_ore = 50000 }}\nreason = \"r\"\n"
            )
        };
        let a: Assignment = toml::from_str(&format!(
            "schema = 1\nid = \"A-7Q2K9M\"\nclient = \"C-7Q2K9M\"\nvolunteer = \"V-7Q2K9M\"\nproposed = \"2026-02-10\"\n\
             [agreement]\nstart = \"2026-03-01\"\n{end}{}{}",
            terms("2026-03-01"),
            terms("2026-06-01")
        ))
        .unwrap();
        a.agreement.unwrap()
    }

    #[test]
    fn new_terms_follow_the_latest_within_the_agreement_and_the_decision() {
        let c = client();
        let open = agreement(None);
        assert!(change_problems(&open, &c, d("2026-06-02")).is_empty());
        for day in ["2026-06-01", "2026-04-01", "2026-03-01"] {
            let p = change_problems(&open, &c, d(day));
            assert!(
                p.len() == 1 && p[0].contains("after the latest"),
                "{day}: {p:?}"
            );
        }
        let p = change_problems(&open, &c, d("2027-01-05"));
        assert!(p.len() == 1 && p[0].contains("does not cover"), "{p:?}");
        let ending = agreement(Some("2026-09-30"));
        assert!(change_problems(&ending, &c, d("2026-09-30")).is_empty());
        let p = change_problems(&ending, &c, d("2026-10-01"));
        assert!(
            p.len() == 1 && p[0].contains("after the agreement's end"),
            "{p:?}"
        );
    }

    #[test]
    fn a_declined_proposal_takes_nothing_and_an_ended_one_only_signatures() {
        let id = Id::parse("A-7Q2K9M").unwrap();
        assert!(recordable(&id, AssignmentStatus::Declined, false, true).is_some());
        assert!(recordable(&id, AssignmentStatus::Ended, true, true).is_none());
        assert!(recordable(&id, AssignmentStatus::Ended, true, false).is_some());
        assert!(recordable(&id, AssignmentStatus::Ended, false, true).is_some());
        assert!(recordable(&id, AssignmentStatus::Active, true, false).is_none());
    }

    #[test]
    fn an_agreement_ends_on_or_after_its_start() {
        let start = d("2026-03-01");
        assert!(end_problem(start, Some(start), true).is_none());
        assert!(end_problem(start, None, false).is_none());
        assert!(end_problem(start, Some(d("2026-02-28")), true).is_some());
    }
}
