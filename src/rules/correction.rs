//! A report's lifecycle: filed (and replaced while not attested), approved (attesteras), then
//! changed only by a **correction** with its reason, which keeps what it does not name; or
//! settled outside kontakt (paid by hand, older than the retroactive limit), which approves it
//! too. `report` judges what is asked with [`problems`] and writes what [`filed`],
//! [`corrected`] or [`settled`] give, so the rules are one place, tested here.

use chrono::NaiveDate;

use crate::model::report::{Approval, Correction, Receipt, Settled, Stay, Trip};
use crate::model::{Assignment, Money, Month, Report};
use crate::tr;

/// What a person asks of a month's report: the values given (a correction keeps each one not
/// given), and how it is asked.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Change {
    pub meetings: Vec<NaiveDate>,
    /// A kontaktfamilj's stays that begin in the month.
    pub stays: Vec<Stay>,
    /// Trips in one's own car, for mileage.
    pub trips: Vec<Trip>,
    /// Outlays with receipts.
    pub receipts: Vec<Receipt>,
    pub hours_tenths: Option<u32>,
    pub activity: Option<String>,
    pub expenses: Option<Money>,
    pub note: Option<String>,
    /// A correction's reason (`--correct`).
    pub correct: Option<String>,
    /// Who makes the correction (or records the settlement).
    pub by: Option<String>,
    /// With `correct`: the month had no meetings after all (`--no-meetings`).
    pub no_meetings: bool,
    /// Settled outside kontakt, with the reason (`--settled-outside`).
    pub settled_outside: Option<String>,
}

/// Why `change` cannot be made to `a`'s report for `month`, given the report on file: no report
/// without an agreement (first, so the way on can be added to it); `--no-meetings` only for a
/// correction naming no meeting; settling needs a report on file and a reason; an approved
/// report changes only by a correction, and a correction is only of an approved one, with a
/// reason. Dates ahead of today are `rules::report::future_problems`'.
pub fn problems(
    a: &Assignment,
    month: Month,
    change: &Change,
    existing: Option<&Report>,
) -> Vec<String> {
    let mut out = Vec::new();
    if a.agreement.is_none() {
        out.push(tr!(
            "{} has no agreement yet",
            "{} har inget avtal än",
            a.id
        ));
    }
    let approved = existing.is_some_and(|r| r.approved.is_some());
    if change.no_meetings && (change.correct.is_none() || !change.meetings.is_empty()) {
        out.push(tr!(
            "--no-meetings is for a correction (--correct REASON) that names no meeting",
            "--no-meetings gäller en rättelse (--correct SKÄL) utan träffar"
        ));
    }
    if let Some(reason) = &change.settled_outside {
        if existing.is_none() {
            out.push(tr!(
                "{} has no report for {month} to settle",
                "{} har ingen rapport för {month} att reglera",
                a.id
            ));
        }
        if reason.trim().is_empty() {
            out.push(tr!(
                "--settled-outside needs a reason",
                "--settled-outside behöver ett skäl"
            ));
        }
        return out;
    }
    match &change.correct {
        None if approved => out.push(tr!(
            "the report of {} for {month} is already approved; change it with --correct REASON",
            "rapporten för {} {month} är redan attesterad; ändra den med --correct SKÄL",
            a.id
        )),
        Some(_) if !approved => out.push(tr!(
            "--correct is for approved reports; report {month} again to replace it",
            "--correct gäller attesterade rapporter; rapportera {month} igen för att ersätta den"
        )),
        Some(reason) if reason.trim().is_empty() => out.push(tr!(
            "--correct needs a reason",
            "--correct behöver ett skäl"
        )),
        _ => {}
    }
    out
}

/// What a report lists (stays, trips, receipts): a correction that gives none keeps those of the
/// report it corrects; one that gives some replaces them.
fn list<T: Clone>(given: Vec<T>, old: &[T]) -> Vec<T> {
    match given.is_empty() {
        true => old.to_vec(),
        false => given,
    }
}

/// A new report (or one replacing a report not yet attested): what `change` gives, nothing kept.
pub fn filed(a: &Assignment, month: Month, change: Change, today: NaiveDate) -> Report {
    let mut meetings: Vec<_> = change.meetings.into_iter().map(Into::into).collect();
    meetings.sort();
    meetings.dedup();
    Report {
        meetings,
        hours_tenths: change.hours_tenths,
        activity: change.activity.filter(|s| !s.trim().is_empty()),
        expenses_ore: change.expenses,
        stays: change.stays,
        trips: change.trips,
        receipts: change.receipts,
        note: change.note.filter(|s| !s.trim().is_empty()),
        ..Report::empty(a.id, month, today)
    }
}

/// `old` corrected by `change` on `today` (its reason `change.correct`, by `change.by`): a correction
/// changes what it names and keeps the rest as reported: the meetings unless others are given
/// (or `no_meetings`), each other field and list unless given, the day it was reported and the
/// attestation; it adds itself to the list of corrections (the amounts it earns are noted by
/// the caller, who works them out).
pub fn corrected(old: &Report, change: Change, today: NaiveDate) -> Report {
    let mut meetings = match change.meetings.is_empty() && !change.no_meetings {
        true => old.meetings.clone(),
        false => change.meetings.into_iter().map(Into::into).collect(),
    };
    meetings.sort();
    meetings.dedup();
    let text = |given: Option<String>, old: &Option<String>| {
        given.or(old.clone()).filter(|s| !s.trim().is_empty())
    };
    let mut corrections = old.corrections.clone();
    corrections.push(Correction {
        date: today.into(),
        reason: change.correct.unwrap_or_default(),
        by: change.by.filter(|b| !b.trim().is_empty()),
        fee_ore: None,
        expense_ore: None,
    });
    Report {
        meetings,
        hours_tenths: change.hours_tenths.or(old.hours_tenths),
        activity: text(change.activity, &old.activity),
        expenses_ore: change.expenses.or(old.expenses_ore),
        stays: list(change.stays, &old.stays),
        trips: list(change.trips, &old.trips),
        receipts: list(change.receipts, &old.receipts),
        note: text(change.note, &old.note),
        corrections,
        settled_outside: None,
        ..old.clone()
    }
}

/// `old` settled outside kontakt on `today` (`reason`, by `by`): what this revision owes is
/// paid by hand, so no run pays or lists it; a report not yet attested is approved by it.
pub fn settled(mut old: Report, reason: &str, by: String, today: NaiveDate) -> Report {
    if old.approved.is_none() {
        old.approved = Some(Approval {
            date: today.into(),
            by: Some(by.clone()),
        });
    }
    old.settled_outside = Some(Settled {
        date: today.into(),
        reason: reason.trim().to_string(),
        by,
        revision: old.revision(),
    });
    old
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn assignment(agreed: bool) -> Assignment {
        let agreement = match agreed {
            true => {
                "[agreement]\nstart = \"2026-03-01\"\n[[agreement.terms]]\nfrom = \"2026-03-01\"\n\
                     meetings = \"1/week\"\nfee = { percent_hundredths = 2000 }\n\
                     expense = { percent_hundredths = 1000 }\n"
            }
            false => "",
        };
        toml::from_str(&format!(
            "schema = 1\nid = \"A-7Q2K9M\"\nclient = \"C-7Q2K9M\"\nvolunteer = \"V-7Q2K9M\"\n\
             proposed = \"2026-02-10\"\n{agreement}"
        ))
        .unwrap()
    }

    fn approved() -> Report {
        let mut r = filed(
            &assignment(true),
            "2026-03".parse().unwrap(),
            Change {
                meetings: vec![d("2026-03-12"), d("2026-03-05"), d("2026-03-05")],
                hours_tenths: Some(40),
                activity: Some("fika".into()),
                note: Some("  ".into()),
                ..Change::default()
            },
            d("2026-04-02"),
        );
        r.approved = Some(Approval {
            date: d("2026-04-03").into(),
            by: Some("Anna".into()),
        });
        r
    }

    #[test]
    fn a_filed_report_is_what_was_given_in_order_once() {
        let r = approved();
        assert_eq!(r.meetings.len(), 2);
        assert!(r.meetings[0] < r.meetings[1]);
        assert_eq!(r.note, None, "a blank note is none");
        assert_eq!(r.activity.as_deref(), Some("fika"));
    }

    #[test]
    fn a_correction_changes_what_it_names_and_keeps_the_rest() {
        let old = approved();
        let change = Change {
            hours_tenths: Some(55),
            correct: Some("wrong hours".into()),
            by: Some("Per".into()),
            ..Change::default()
        };
        let new = corrected(&old, change, d("2026-05-01"));
        assert_eq!(new.meetings, old.meetings, "meetings kept when none given");
        assert_eq!(new.hours_tenths, Some(55));
        assert_eq!(new.activity, old.activity);
        assert_eq!(new.reported, old.reported);
        assert_eq!(new.approved, old.approved, "the attestation stands");
        assert_eq!(new.corrections.len(), 1);
        assert_eq!(new.corrections[0].reason, "wrong hours");
        assert_eq!(new.corrections[0].by.as_deref(), Some("Per"));
        // A second keeps the first; --no-meetings empties the meetings.
        let none = Change {
            no_meetings: true,
            correct: Some("never met".into()),
            by: Some(" ".into()),
            ..Change::default()
        };
        let again = corrected(&new, none, d("2026-05-02"));
        assert!(again.meetings.is_empty());
        assert_eq!(again.corrections.len(), 2);
        assert_eq!(again.corrections[1].by, None, "a blank name is none");
        // Meetings given replace them.
        let other = Change {
            meetings: vec![d("2026-03-19")],
            correct: Some("x".into()),
            ..Change::default()
        };
        assert_eq!(corrected(&old, other, d("2026-05-01")).meetings.len(), 1);
    }

    #[test]
    fn settling_outside_approves_and_names_the_revision() {
        let mut open = approved();
        open.approved = None;
        let s = settled(open, " paid by hand ", "Anna".into(), d("2026-11-05"));
        assert_eq!(s.approved.as_ref().unwrap().by.as_deref(), Some("Anna"));
        let how = s.settled_outside.unwrap();
        assert_eq!((how.reason.as_str(), how.revision), ("paid by hand", 0));
        let kept = settled(approved(), "x", "Per".into(), d("2026-11-05"));
        assert_eq!(kept.approved, approved().approved, "an attestation is kept");
    }

    #[test]
    fn an_approved_report_changes_only_by_a_correction_with_a_reason() {
        let a = assignment(true);
        let m: Month = "2026-03".parse().unwrap();
        let ask = |correct: Option<&str>| Change {
            correct: correct.map(Into::into),
            ..Change::default()
        };
        let old = approved();
        assert!(problems(&a, m, &ask(None), Some(&old))[0].contains("already approved"));
        assert!(problems(&a, m, &ask(Some("x")), Some(&old)).is_empty());
        assert!(problems(&a, m, &ask(Some(" ")), Some(&old))[0].contains("needs a reason"));
        assert!(problems(&a, m, &ask(Some("x")), None)[0].contains("for approved reports"));
        assert!(problems(&a, m, &ask(None), None).is_empty());
        let settle = Change {
            settled_outside: Some(" ".into()),
            ..Change::default()
        };
        assert_eq!(problems(&a, m, &settle, None).len(), 2);
        let lone = Change {
            no_meetings: true,
            ..Change::default()
        };
        assert!(problems(&a, m, &lone, None)[0].contains("--no-meetings"));
        // No report without an agreement, said first.
        assert!(problems(&assignment(false), m, &ask(Some("x")), None)[0].contains("no agreement"));
    }
}
