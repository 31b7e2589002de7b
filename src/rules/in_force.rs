//! When an assignment delivers the service: on a day its agreement is **signed** and its terms
//! cover the day. Signed means both papers are on file, the assignment agreement (uppdragsavtal,
//! by the volunteer and the responsible official) and the confidentiality undertaking
//! (sekretessförbindelse); see `Agreement::signed_on`. A signature dated after the start
//! still puts the days from the start in force (they are paid once it is on file), so `pay`,
//! `report`, `stats`, `due` and the IVO clock agree on every day.

use chrono::NaiveDate;

use crate::model::Assignment;
use crate::model::assignment::Terms;

/// The terms in force on `day`, if the assignment is signed and its agreement covers the day.
pub fn terms_in_force(a: &Assignment, day: NaiveDate) -> Option<&Terms> {
    a.agreement
        .as_ref()
        .filter(|g| g.is_signed())
        .and_then(|_| a.terms_on(day))
}

/// Is the service delivered on `day`?
pub fn in_force(a: &Assignment, day: NaiveDate) -> bool {
    terms_in_force(a, day).is_some()
}

/// Does `a` run during a break from `from` to the day before `until` (open-ended: `None`)? A
/// proposal or an agreement that is open on `from`, has not ended before it, and begins before
/// she is back: what `kontakt pause` names, for staff to agree with each client what happens.
pub fn runs_during(a: &Assignment, from: NaiveDate, until: Option<NaiveDate>) -> bool {
    a.is_open(from)
        && a.last_day().is_none_or(|l| l >= from)
        && a.agreement
            .as_ref()
            .is_none_or(|g| until.is_none_or(|u| g.start < u))
}

/// The terms a month is counted under, signed or not: those from the latest change on or
/// before the month's last day, else the first. What `stats` sorts a month's pay and delivery by
/// (the way of paying), where a line already paid needs a kind even if its terms changed later.
pub fn terms_of_month(a: &Assignment, m: crate::model::Month) -> Option<&Terms> {
    let terms = &a.agreement.as_ref()?.terms;
    let last = m.last_day();
    terms
        .iter()
        .rev()
        .find(|t| t.from <= last)
        .or(terms.first())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assignment(signed: &str, confidentiality: &str) -> Assignment {
        toml::from_str(&format!(
            "schema = 1\nid = \"A-7Q2K9M\"\nclient = \"C-7Q2K9M\"\nvolunteer = \"V-7Q2K9M\"\n\
             proposed = \"2026-01-10\"\n[agreement]\nstart = \"2026-02-01\"\n{signed}{confidentiality}\
             [[agreement.terms]]\nfrom = \"2026-02-01\"\nmeetings = \"1/week\"\n\
             fee = {{ percent_hundredths = 2000 }}\nexpense = {{ percent_hundredths = 1000 }}\n"
        ))
        .unwrap()
    }

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn an_assignment_runs_during_a_break_that_meets_its_days() {
        let a = assignment("", "");
        // The agreement begins 2026-02-01 and runs on.
        assert!(runs_during(&a, d("2026-03-01"), None));
        assert!(runs_during(&a, d("2026-01-01"), Some(d("2026-02-02"))));
        // Back on the first day: the break is over before it begins.
        assert!(!runs_during(&a, d("2026-01-01"), Some(d("2026-02-01"))));
        let mut ended = a.clone();
        ended.ended = Some(crate::model::assignment::Ending {
            date: d("2026-03-31").into(),
            reason: crate::model::assignment::EndReason::ClientRequest,
            note: None,
        });
        assert!(runs_during(&ended, d("2026-03-31"), None));
        assert!(!runs_during(&ended, d("2026-04-01"), None));
    }

    #[test]
    fn both_papers_are_needed_and_a_late_signature_covers_the_days_from_the_start() {
        let both = assignment(
            "signed = \"2026-02-20\"\n",
            "confidentiality_signed = \"2026-02-10\"\n",
        );
        assert!(in_force(&both, d("2026-02-01")));
        assert!(!in_force(&both, d("2026-01-31")));
        assert_eq!(
            both.agreement.as_ref().unwrap().signed_on(),
            Some(d("2026-02-20"))
        );
        for one in [
            assignment("signed = \"2026-02-01\"\n", ""),
            assignment("", "confidentiality_signed = \"2026-02-01\"\n"),
            assignment("", ""),
        ] {
            assert!(!in_force(&one, d("2026-03-01")));
            assert_eq!(one.agreement.as_ref().unwrap().signed_on(), None);
        }
    }
}
