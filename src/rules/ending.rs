//! What an ending means. An assignment ends (avslut) for a reason, and the reason says whether
//! the need ends with it:
//! - the goal is reached or the client moves away: the decision (beslut) ends the same day, so
//!   the client does not wait for a new volunteer and no IVO clock starts;
//! - anything else (the client or the volunteer asked to stop, the volunteer leaves, another
//!   reason) while the decision is still in force is an **interruption (avbrott)**: the client
//!   waits again from the day after, with priority in matching over those who have not yet had
//!   a kontaktperson, and the IVO clock runs from that day (`ivo_delay`).
//!
//! A decision ended early (`kontakt end C-…`) ends her assignments with it.

use crate::tr;
use chrono::NaiveDate;

use super::in_force::in_force;
use crate::model::assignment::EndReason;
use crate::model::{Assignment, Client};

/// Does an assignment ended for `reason` end the decision it carries out, too?
pub fn ends_decision(reason: EndReason) -> bool {
    matches!(reason, EndReason::GoalReached | EndReason::Moved)
}

/// Does ending an assignment on `date` for `reason` close `c`'s decision too: the reason ends
/// the need, and the decision still grants the days after?
pub fn closes_decision(reason: EndReason, c: &Client, date: NaiveDate) -> bool {
    ends_decision(reason) && c.granted_on(date.succ_opt().unwrap_or(date))
}

/// The day `c` waits again from when an assignment of hers ends on `date` and the decision
/// does not end with it: the day after, if the decision still grants it (an interruption,
/// avbrott); none when the decision has run out by then.
pub fn waits_again_from(c: &Client, date: NaiveDate) -> Option<NaiveDate> {
    let next = date.succ_opt()?;
    c.granted_on(next).then_some(next)
}

/// Has `a` not begun by `date` (its agreement starts later, or it was proposed later)? Such an
/// assignment is not ended when its decision is closed: it is declined, since it never will
/// begin.
pub fn not_begun_by(a: &Assignment, date: NaiveDate) -> bool {
    a.agreement.as_ref().is_some_and(|ag| date < ag.start) || date < a.proposed
}

/// May `a` be declined (called off) on `today`? A proposal may, and so may an agreement that has
/// not begun: it never delivered anything. One that has begun is ended instead (`Declining::
/// EndInstead`); one declined or ended already is over.
pub fn declining(a: &Assignment, today: NaiveDate) -> Declining {
    if a.declined.is_some() || a.ended.is_some() {
        Declining::Over
    } else if a.agreement.as_ref().is_some_and(|ag| ag.start <= today) {
        Declining::EndInstead
    } else {
        Declining::May
    }
}

/// What [`declining`] says of an assignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Declining {
    May,
    EndInstead,
    Over,
}

/// Why `a` cannot be ended on `date`, if it cannot: it ended or was declined already, or the
/// day is before it began.
pub fn end_problem(a: &Assignment, date: NaiveDate) -> Option<String> {
    let id = a.id;
    if a.ended.is_some() {
        return Some(tr!("{id} has already ended", "{id} har redan avslutats"));
    }
    if a.declined.is_some() {
        return Some(tr!(
            "{id} was declined; there is nothing to end",
            "{id} avböjdes; det finns inget att avsluta"
        ));
    }
    if let Some(ag) = &a.agreement
        && date < ag.start
    {
        return Some(tr!(
            "--date {date} is before the start {}",
            "--date {date} är före starten {}",
            ag.start
        ));
    }
    if date < a.proposed {
        return Some(tr!(
            "--date {date} is before the proposal {}",
            "--date {date} är före förslaget {}",
            a.proposed
        ));
    }
    None
}

/// Does an assignment ended for `reason` part its client and volunteer, so that matching does
/// not put them together again unless staff say why it may work now (`match propose --again`)?
/// An interruption does (one of them asked to stop, or something else broke it off while the
/// need went on); an ending because the need ended or the decision ran out does not, so a new
/// decision may bring back the kontaktperson the client knows.
pub fn parts_the_pair(reason: EndReason) -> bool {
    !ends_decision(reason) && reason != EndReason::DecisionExpired
}

/// The reasons a volunteer's leaving may give: her own wish, a move, or another reason. A
/// client's request or a reached goal ends an assignment, not a volunteer's engagement, and a
/// decision's expiry is the client's.
pub const LEAVING_REASONS: [EndReason; 3] = [
    EndReason::VolunteerRequest,
    EndReason::Moved,
    EndReason::Other,
];

/// The reasons a decision may be ended early for (`kontakt end C-…`): the client's wish, the
/// goal reached, a move, or another reason. A volunteer's wish ends an assignment, not the
/// decision, and a decision that runs out is not ended early.
pub const CLOSING_REASONS: [EndReason; 4] = [
    EndReason::ClientRequest,
    EndReason::GoalReached,
    EndReason::Moved,
    EndReason::Other,
];

/// The day `c` began to wait again after an interruption, if her wait on `today` is one: the
/// day after the latest assignment in force for her ended, when the service was still granted
/// that day. `None` for a client who has not had a kontaktperson under her grant.
pub fn interrupted_since(c: &Client, hers: &[&Assignment], today: NaiveDate) -> Option<NaiveDate> {
    hers.iter()
        .filter(|a| a.declined.is_none())
        .filter_map(|a| {
            let end = a.ended.as_ref()?.date;
            let next = end.succ_opt()?;
            (next <= today && in_force(a, end.get()) && c.granted_on(next)).then_some(next)
        })
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_interruption_parts_the_pair_and_an_ended_need_does_not() {
        use EndReason::*;
        for r in [ClientRequest, VolunteerRequest, Other] {
            assert!(parts_the_pair(r), "{r:?}");
        }
        for r in [GoalReached, Moved, DecisionExpired] {
            assert!(!parts_the_pair(r), "{r:?}");
        }
    }

    #[test]
    fn a_volunteer_leaves_and_a_decision_closes_for_their_own_reasons() {
        assert!(!LEAVING_REASONS.contains(&EndReason::ClientRequest));
        assert!(!LEAVING_REASONS.contains(&EndReason::GoalReached));
        assert!(!CLOSING_REASONS.contains(&EndReason::VolunteerRequest));
        assert!(!CLOSING_REASONS.contains(&EndReason::DecisionExpired));
    }

    #[test]
    fn only_a_reached_goal_or_a_move_ends_the_need() {
        assert!(ends_decision(EndReason::GoalReached));
        assert!(ends_decision(EndReason::Moved));
        for r in [
            EndReason::ClientRequest,
            EndReason::VolunteerRequest,
            EndReason::DecisionExpired,
            EndReason::Other,
        ] {
            assert!(!ends_decision(r), "{r:?}");
        }
    }

    fn assignment(extra: &str) -> Assignment {
        toml::from_str(&format!(
            "schema = 1\nid = \"A-7Q2K9M\"\nclient = \"C-7Q2K9M\"\nvolunteer = \"V-7Q2K9M\"\nproposed = \"2026-02-10\"\n{extra}"
        ))
        .unwrap()
    }

    #[test]
    fn a_proposal_or_an_agreement_not_begun_is_declined_and_one_begun_ended() {
        let day = |s: &str| crate::model::date::parse(s).unwrap();
        let agreed = "[agreement]\nstart = \"2026-03-01\"\n[[agreement.terms]]\nfrom = \"2026-03-01\"\nmeetings = \"1/week\"\nfee = { monthly_ore = 1 }\nexpense = { monthly_ore = 1 }\nreason = \"r\"\n";
        assert_eq!(
            declining(&assignment(""), day("2026-06-01")),
            Declining::May
        );
        let a = assignment(agreed);
        assert_eq!(declining(&a, day("2026-02-28")), Declining::May);
        assert_eq!(declining(&a, day("2026-03-01")), Declining::EndInstead);
        let declined =
            assignment("[declined]\ndate = \"2026-02-12\"\nby = \"client\"\nreason = \"r\"\n");
        assert_eq!(declining(&declined, day("2026-02-20")), Declining::Over);
        let ended = assignment(&format!(
            "[ended]\ndate = \"2026-04-01\"\nreason = \"other\"\n{agreed}"
        ));
        assert_eq!(declining(&ended, day("2026-05-01")), Declining::Over);
    }
}
