//! When a granted decision may be closed early (the goal is reached, the client moves or
//! declines): on a day inside its period, not after today, with a reason, once, and only when
//! none of her assignments runs on past that day. `kontakt screen client --close`, `kontakt end
//! C-…` and `check` (for a closure typed by hand) judge by these same functions.

use crate::tr;
use chrono::NaiveDate;

use crate::model::{Assignment, Decision, Id};

/// Is `date` outside what a closure of `d` can mean: before the decision was made, or on or
/// after its last day (the decision ends then anyway: closing it changes nothing)?
pub fn outside_period(d: &Decision, date: NaiveDate) -> bool {
    date < d.decided || d.to().is_some_and(|t| date >= t)
}

/// Does `a` still run, or run again, after `date`: what a closure on `date` must end first.
pub fn runs_after(a: &Assignment, date: NaiveDate, today: NaiveDate) -> bool {
    let after = date.succ_opt().unwrap_or(date);
    a.is_open(today) && a.last_day().is_none_or(|l| l > date) || a.terms_on(after).is_some()
}

/// Why `d` may not be closed on `date` with `reason`, given `open` (her assignments still
/// running after `date`); empty when it may. `flag` is the option that gave the date
/// (`--close`, or `--date` of `kontakt end`).
pub fn problems(
    d: &Decision,
    flag: &str,
    date: NaiveDate,
    reason: &str,
    open: &[Id],
    today: NaiveDate,
) -> Vec<String> {
    let mut problems = Vec::new();
    if reason.trim().is_empty() {
        problems.push(tr!(
            "a closure needs its reason (--note TEXT)",
            "ett avslut behöver sitt skäl (--note TEXT)"
        ));
    }
    if date > today {
        problems.push(tr!(
            "{flag} {date} is after today",
            "{flag} {date} är efter i dag"
        ));
    }
    if outside_period(d, date) {
        problems.push(tr!(
            "{flag} {date} is outside the decision's period (decided {}, to {})",
            "{flag} {date} ligger utanför beslutets period (beslutat {}, till {})",
            d.decided,
            d.to().map_or(String::new(), |t| t.to_string())
        ));
    }
    if let Some(cl) = &d.closed {
        problems.push(tr!(
            "the decision was already closed on {}",
            "beslutet avslutades redan den {}",
            cl.date
        ));
    }
    if !open.is_empty() {
        let open: Vec<String> = open.iter().map(Id::to_string).collect();
        problems.push(tr!(
            "{} still runs after that day: the decision can close once it has ended or been declined",
            "{} pågår fortfarande efter den dagen: beslutet kan avslutas först när uppdraget har avslutats eller avböjts",
            open.join(", ")
        ));
    }
    problems
}
