//! Whether a volunteer takes new clients: a volunteer on a break (uppehåll: a new job, parental
//! leave) or leaving (slutar) is never suggested or matched, whatever her screening says. A
//! break is also a record's claim about dates, judged here whether `kontakt pause` wrote it or
//! a person did.

use chrono::NaiveDate;

use super::{Flaw, Key, Problem};
use crate::model::Volunteer;
use crate::model::volunteer::{Leaving, Pause};
use crate::tr;

/// The break `v` is on on `day`, if any.
pub fn paused_on(v: &Volunteer, day: NaiveDate) -> Option<&Pause> {
    v.pauses
        .iter()
        .find(|p| p.from <= day && p.until.is_none_or(|u| day < u))
}

/// The break that is open-ended or not yet over on `day`: what `kontakt resume` ends.
pub fn current_or_next(v: &Volunteer, day: NaiveDate) -> Option<usize> {
    v.pauses
        .iter()
        .rposition(|p| p.until.is_none_or(|u| day < u))
}

/// Has `v` said she is leaving? From the day it is recorded she takes no new client.
pub fn leaving(v: &Volunteer) -> Option<&Leaving> {
    v.leaving.as_ref()
}

/// Why `v` may not begin a break now, if she may not: once she is leaving, none is recorded
/// (`kontakt pause`; `check` names a break in a file that begins after her last day).
pub fn new_break_problem(v: &Volunteer) -> Option<String> {
    v.leaving.as_ref().map(|l| {
        tr!(
            "{} is leaving on {}; a break is not needed",
            "{} slutar {}; ett uppehåll behövs inte",
            v.id,
            l.date
        )
    })
}

/// What `kontakt resume` on `back` does to the break [`current_or_next`] finds: ends it, or
/// cancels it when she is back on or before its first day (it never happens).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resume {
    End(usize),
    Cancel(usize),
}

/// What resuming on `back` does; `None` when no break runs on it or lies ahead.
pub fn resume(v: &Volunteer, back: NaiveDate) -> Option<Resume> {
    let i = current_or_next(v, back)?;
    Some(match v.pauses[i].from >= back {
        true => Resume::Cancel(i),
        false => Resume::End(i),
    })
}

/// The breaks a volunteer leaving on `last_day` no longer takes: those that would begin after
/// it (she is gone by then). A break under way on her last day stays as it is, the history of
/// her last weeks. `end V` drops these, so a leaving volunteer's file never holds a break
/// [`problems`] finds after her last day.
pub fn dropped_by_leaving(v: &Volunteer, last_day: NaiveDate) -> Vec<usize> {
    v.pauses
        .iter()
        .enumerate()
        .filter(|(_, p)| begins_after(p, last_day))
        .map(|(i, _)| i)
        .collect()
}

/// Would `p` begin after a leaving volunteer's `last_day`?
fn begins_after(p: &Pause, last_day: NaiveDate) -> bool {
    p.from > last_day
}

/// The breaks' dates: each ends after it begins, they do not overlap (two breaks at once
/// would leave "back on" ambiguous), and none begins after her last day when she is leaving.
pub fn problems(v: &Volunteer) -> Vec<Problem> {
    let mut out = Vec::new();
    let at = |i: usize, f: &str| vec![Key::name("pauses"), Key::Index(i), Key::name(f)];
    for (i, p) in v.pauses.iter().enumerate() {
        if let Some(u) = p.until.filter(|u| *u <= p.from) {
            out.push(Problem::new(
                Flaw::ImpossibleDates,
                &at(i, "until"),
                tr!(
                    "the break is back on {u}, not after it begins on {}",
                    "uppehållet slutar {u}, inte efter att det börjar {}",
                    p.from
                ),
            ));
        }
        if p.reason.trim().is_empty() {
            out.push(Problem::new(
                Flaw::BadValue,
                &at(i, "reason"),
                tr!("a break needs its reason", "ett uppehåll behöver sitt skäl"),
            ));
        }
        let overlaps = v.pauses[..i]
            .iter()
            .any(|q| q.until.is_none_or(|u| p.from < u) && p.until.is_none_or(|u| q.from < u));
        if let Some(l) = &v.leaving
            && begins_after(p, l.date.get())
        {
            out.push(Problem::new(
                Flaw::ImpossibleDates,
                &at(i, "from"),
                tr!(
                    "the break from {} begins after her last day ({}): she is leaving",
                    "uppehållet från {} börjar efter hennes sista dag ({}): hon slutar",
                    p.from,
                    l.date
                ),
            ));
        }
        if overlaps {
            out.push(Problem::new(
                Flaw::ImpossibleDates,
                &at(i, "from"),
                tr!(
                    "the break from {} overlaps an earlier one",
                    "uppehållet från {} överlappar ett tidigare",
                    p.from
                ),
            ));
        }
    }
    if let Some(l) = &v.leaving
        && l.reason.trim().is_empty()
    {
        out.push(Problem::new(
            Flaw::BadValue,
            &[Key::name("leaving"), Key::name("reason")],
            tr!("leaving needs its reason", "ett avslut behöver sitt skäl"),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::parse;

    fn volunteer(pauses: &str) -> Volunteer {
        toml::from_str(&format!(
            "schema = 1\nid = \"V-7Q2K9M\"\nname = \"Test\"\npnr = \"198301012384\"\n\
             applied = \"2026-01-10\"\n{pauses}"
        ))
        .unwrap()
    }

    #[test]
    fn a_break_covers_from_its_first_day_to_the_day_before_she_is_back() {
        let v = volunteer(
            "[[pauses]]\nfrom = \"2026-03-01\"\nuntil = \"2026-04-01\"\nreason = \"new job\"\n",
        );
        let on = |d| paused_on(&v, parse(d).unwrap()).is_some();
        assert!(!on("2026-02-28"));
        assert!(on("2026-03-01"));
        assert!(on("2026-03-31"));
        assert!(!on("2026-04-01"));
        assert!(problems(&v).is_empty());
    }

    #[test]
    fn an_open_break_runs_until_she_resumes() {
        let v = volunteer("[[pauses]]\nfrom = \"2026-03-01\"\nreason = \"parental leave\"\n");
        assert!(paused_on(&v, parse("2030-01-01").unwrap()).is_some());
        assert_eq!(current_or_next(&v, parse("2026-02-01").unwrap()), Some(0));
    }

    #[test]
    fn no_break_begins_after_she_leaves() {
        let v = volunteer(
            "[leaving]\ndate = \"2026-05-31\"\nreason = \"volunteer_request\"\n\
             [[pauses]]\nfrom = \"2026-03-01\"\nuntil = \"2026-04-01\"\nreason = \"new job\"\n\
             [[pauses]]\nfrom = \"2026-06-01\"\nuntil = \"2026-07-01\"\nreason = \"x\"\n",
        );
        // The break before her last day stands (she may have been away when she decided).
        let fields: Vec<String> = problems(&v).iter().map(Problem::field).collect();
        assert_eq!(fields, ["pauses[1].from"]);
        assert!(
            new_break_problem(&v)
                .unwrap()
                .contains("is leaving on 2026-05-31")
        );
        assert_eq!(new_break_problem(&volunteer("")), None);
    }

    #[test]
    fn back_before_a_break_begins_cancels_it() {
        let v = volunteer(
            "[[pauses]]\nfrom = \"2026-03-01\"\nuntil = \"2026-04-01\"\nreason = \"new job\"\n",
        );
        let on = |s| resume(&v, parse(s).unwrap());
        assert_eq!(on("2026-02-01"), Some(Resume::Cancel(0)));
        assert_eq!(on("2026-03-01"), Some(Resume::Cancel(0)));
        assert_eq!(on("2026-03-02"), Some(Resume::End(0)));
        assert_eq!(on("2026-04-01"), None);
    }

    #[test]
    fn backwards_and_overlapping_breaks_are_problems() {
        let v = volunteer(
            "[[pauses]]\nfrom = \"2026-03-01\"\nuntil = \"2026-03-01\"\nreason = \"x\"\n\
             [[pauses]]\nfrom = \"2026-02-01\"\nreason = \" \"\n",
        );
        let fields: Vec<String> = problems(&v).iter().map(Problem::field).collect();
        assert_eq!(
            fields,
            ["pauses[0].until", "pauses[1].reason", "pauses[1].from"]
        );
    }
}
