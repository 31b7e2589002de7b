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

/// The breaks' dates: each ends after it begins, and they do not overlap (two breaks at once
/// would leave "back on" ambiguous).
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
