//! Is an attendance report (närvarorapport) sound enough to pay: every meeting a day of its
//! month on which the agreement is in force, each day once, and the reported expenses and hours
//! within reason. `report` judges what it records with this, `check` every report, and `pay`
//! every report it pays (a report `check` flags is never paid as it stands).

use std::collections::HashSet;

use chrono::NaiveDate;

use crate::model::{Assignment, Month, Report};
use crate::tr;

use super::bounds;
use super::{Flaw, Problem, keys};

/// At most this many tenths of an hour in a month: every hour of every day.
fn max_hours_tenths(r: &Report) -> u32 {
    r.month.days() * 24 * 10
}

/// Why `day` cannot be a meeting of `a`'s report for `month`, if it cannot: the day is not in
/// the month, or the service is not delivered on it (`rules::in_force`: the agreement signed,
/// its terms covering the day). `report` refuses such a day as it is typed and `check` names
/// one typed into a file, by this one rule.
pub fn meeting_day_problem(a: &Assignment, month: Month, day: NaiveDate) -> Option<String> {
    if !month.contains(day) {
        return Some(tr!(
            "{day} is not in {month}",
            "{day} ligger inte i {month}"
        ));
    }
    if !super::in_force::in_force(a, day) {
        return Some(tr!(
            "{day} is not an active day of {}",
            "{day} är inte en aktiv dag i {}",
            a.id
        ));
    }
    None
}

/// Why `day`, a meeting of `month`, cannot be reported on `today`: it has not happened yet.
pub fn meeting_not_yet(month: Month, day: NaiveDate, today: NaiveDate) -> Option<String> {
    (month.contains(day) && day > today)
        .then(|| tr!("{day} has not happened yet", "{day} har inte hänt än"))
}

/// What `r` reports ahead of `today`: a month not begun, a meeting or a trip that has not
/// happened yet, a stay that has not ended. `report` refuses it as it is typed and `check`
/// (E006) names it in a file, by this one rule.
pub fn future_problems(r: &Report, today: NaiveDate) -> Vec<Problem> {
    let mut out = Vec::new();
    if r.month.first_day() > today {
        out.push(Problem {
            flaw: Flaw::ImpossibleDates,
            at: keys(&["month"]),
            message: tr!("{} has not begun", "{} har inte börjat", r.month),
        });
    }
    for d in &r.meetings {
        if let Some(p) = meeting_not_yet(r.month, d.get(), today) {
            out.push(Problem {
                flaw: Flaw::ImpossibleDates,
                at: keys(&["meetings"]),
                message: tr!("meeting {p}", "träff {p}"),
            });
        }
    }
    if let Some(s) = r.stays.iter().find(|s| s.to > today) {
        out.push(Problem {
            flaw: Flaw::ImpossibleDates,
            at: keys(&["stays"]),
            message: tr!(
                "the stay from {} ends {}, which has not happened yet",
                "vistelsen från {} slutar {}, som inte har hänt än",
                s.from,
                s.to
            ),
        });
    }
    for t in r.trips.iter().filter(|t| t.date > today) {
        out.push(Problem {
            flaw: Flaw::ImpossibleDates,
            at: keys(&["trips"]),
            message: tr!("{} has not happened yet", "{} har inte hänt än", t.date),
        });
    }
    out
}

/// Every problem with `r`; `a` is its assignment (None when it is not on file: `check` says so
/// on its own).
pub fn report_problems(r: &Report, a: Option<&Assignment>) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for d in &r.meetings {
        if !seen.insert(*d) {
            out.push(Problem {
                flaw: Flaw::BadValue,
                at: keys(&["meetings"]),
                message: tr!(
                    "meeting {d} is listed more than once",
                    "träffen {d} står med mer än en gång"
                ),
            });
            continue;
        }
        let problem = match a {
            Some(a) => meeting_day_problem(a, r.month, d.get()),
            // Without its assignment only the month can be judged.
            None if !r.month.contains(d.get()) => {
                Some(tr!("{d} is not in {}", "{d} ligger inte i {}", r.month))
            }
            None => None,
        };
        if let Some(p) = problem {
            out.push(Problem {
                flaw: Flaw::ImpossibleDates,
                at: keys(&["meetings"]),
                message: tr!("meeting {p}", "träff {p}"),
            });
        }
    }
    if let Some(e) = r.expenses_ore
        && !bounds::amount_ok(e)
    {
        out.push(Problem {
            flaw: Flaw::BadValue,
            at: keys(&["expenses_ore"]),
            message: tr!(
                "expenses are from 0 to {}, found {} kr",
                "utlägg är från 0 till {}, {} kr hittades",
                bounds::max_amount_text(),
                e.swedish()
            ),
        });
    }
    out.extend(delivery_problems(r, a));
    if let Some(h) = r.hours_tenths
        && h > max_hours_tenths(r)
    {
        out.push(Problem {
            flaw: Flaw::BadValue,
            at: keys(&["hours_tenths"]),
            message: tr!(
                "more hours than {} has ({} tenths of an hour at most)",
                "fler timmar än {} har (högst {} tiondels timmar)",
                r.month,
                max_hours_tenths(r)
            ),
        });
    }
    out
}

/// The longest trip a report takes, in km (there and back, in a day).
pub const MAX_TRIP_KM: u32 = 2_000;

/// Problems with what a report says was delivered besides meetings: stays (each beginning in
/// the month, ending on or after it begins, at most `model::report::MAX_STAY_DAYS` long, on
/// days the agreement is in force), trips (in the month, on active days, of a sane length) and
/// receipts (an amount within bounds and a reference).
pub fn delivery_problems(r: &Report, a: Option<&Assignment>) -> Vec<Problem> {
    let mut out = Vec::new();
    let bad = |at: &str, flaw: Flaw, message: String| Problem {
        flaw,
        at: keys(&[at]),
        message,
    };
    for s in &r.stays {
        let span = (s.to - s.from).num_days();
        if !r.month.contains(s.from.get()) {
            out.push(bad(
                "stays",
                Flaw::ImpossibleDates,
                tr!(
                    "the stay from {} does not begin in {} (a stay is reported in the month it begins)",
                    "vistelsen från {} börjar inte i {} (en vistelse rapporteras den månad den börjar)",
                    s.from,
                    r.month
                ),
            ));
        } else if span < 0 {
            out.push(bad(
                "stays",
                Flaw::ImpossibleDates,
                tr!(
                    "the stay from {} ends before it begins ({})",
                    "vistelsen från {} slutar innan den börjar ({})",
                    s.from,
                    s.to
                ),
            ));
        } else if span >= crate::model::report::MAX_STAY_DAYS {
            out.push(bad(
                "stays",
                Flaw::BadValue,
                tr!(
                    "the stay from {} is {} days long; a stay is at most {} days",
                    "vistelsen från {} är {} dagar lång; en vistelse är högst {} dagar",
                    s.from,
                    span + 1,
                    crate::model::report::MAX_STAY_DAYS
                ),
            ));
        } else if a.is_some_and(|a| a.terms_on(s.from.get()).is_none()) {
            out.push(bad(
                "stays",
                Flaw::ImpossibleDates,
                tr!(
                    "the stay from {} begins outside the assignment's active days",
                    "vistelsen från {} börjar utanför uppdragets aktiva dagar",
                    s.from
                ),
            ));
        } else if a
            .and_then(|a| a.terms_on(s.from.get()))
            .is_some_and(|t| t.paid_per != crate::model::assignment::PaidPer::Dygn)
        {
            // Nothing would pay it: a stay is a kontaktfamilj's, paid per dygn.
            out.push(bad(
                "stays",
                Flaw::BadValue,
                tr!(
                    "the stay from {} is on terms not paid per dygn: stays are a kontaktfamilj's (`kontakt agree --paid-per dygn`), meetings a kontaktperson's",
                    "vistelsen från {} ligger på villkor som inte betalas per dygn: vistelser hör till en kontaktfamilj (`kontakt agree --paid-per dygn`), träffar till en kontaktperson",
                    s.from
                ),
            ));
        }
    }
    for t in &r.trips {
        let outside = !r.month.contains(t.date.get())
            || a.is_some_and(|a| a.terms_on(t.date.get()).is_none());
        if outside {
            out.push(bad(
                "trips",
                Flaw::ImpossibleDates,
                tr!(
                    "the trip of {} is outside {} or the assignment's active days",
                    "resan den {} ligger utanför {} eller uppdragets aktiva dagar",
                    t.date,
                    r.month
                ),
            ));
        }
        if !outside
            && a.and_then(|a| a.terms_on(t.date.get()))
                .is_some_and(|terms| !terms.mileage)
        {
            // Nothing would pay it: mileage is paid only where the agreement says so.
            out.push(bad(
                "trips",
                Flaw::BadValue,
                tr!(
                    "the trip of {} is on terms that pay no mileage (`kontakt agree A --change-from DATE --mileage` pays it)",
                    "resan den {} ligger på villkor utan milersättning (`kontakt agree A --change-from DATUM --mileage` ger den)",
                    t.date
                ),
            ));
        }
        if t.km == 0 || t.km > MAX_TRIP_KM {
            out.push(bad(
                "trips",
                Flaw::BadValue,
                tr!(
                    "a trip is 1 to {MAX_TRIP_KM} km, found {} km on {}",
                    "en resa är 1 till {MAX_TRIP_KM} km, {} km hittades den {}",
                    t.km,
                    t.date
                ),
            ));
        }
    }
    for rc in &r.receipts {
        if !bounds::amount_ok(rc.amount) || rc.amount == crate::model::Money::ZERO {
            out.push(bad(
                "receipts",
                Flaw::BadValue,
                tr!(
                    "a receipt is above 0 and at most {}, found {} kr",
                    "ett kvitto är över 0 och högst {}, {} kr hittades",
                    bounds::max_amount_text(),
                    rc.amount.swedish()
                ),
            ));
        }
        if rc.reference.trim().is_empty() {
            out.push(bad(
                "receipts",
                Flaw::BadValue,
                tr!(
                    "a receipt needs a reference (its number, or what it was for)",
                    "ett kvitto behöver en referens (dess nummer, eller vad det gällde)"
                ),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(extra: &str) -> Report {
        toml::from_str(&format!(
            "schema = 1\nassignment = \"A-7Q2K9M\"\nmonth = \"2026-03\"\nreported = \"2026-03-10\"\n{extra}"
        ))
        .unwrap()
    }

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn nothing_is_reported_ahead_of_today() {
        let r = report("meetings = [\"2026-03-05\", \"2026-03-12\"]\n");
        assert!(future_problems(&r, d("2026-03-12")).is_empty());
        let ahead = future_problems(&r, d("2026-03-11"));
        assert_eq!(ahead.len(), 1);
        assert_eq!(ahead[0].field(), "meetings");
        assert!(ahead[0].message.contains("2026-03-12 has not happened yet"));
        // Before the month begins: the month, and each meeting of it.
        let fields: Vec<String> = future_problems(&r, d("2026-02-28"))
            .iter()
            .map(Problem::field)
            .collect();
        assert_eq!(fields, ["month", "meetings", "meetings"]);
        assert_eq!(
            meeting_not_yet(r.month, d("2026-04-01"), d("2026-03-01")),
            None
        );
    }
}
