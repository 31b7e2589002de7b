//! Is an attendance report (närvarorapport) sound enough to pay: every meeting a day of its
//! month on which the agreement is in force, each day once, and the reported expenses and hours
//! within reason. `report` judges what it records with this, `check` every report, and `pay`
//! every report it pays (a report `check` flags is never paid as it stands).

use std::collections::HashSet;

use crate::model::{Assignment, Report};
use crate::tr;

use super::bounds;
use super::{Flaw, Problem, keys};

/// At most this many tenths of an hour in a month: every hour of every day.
fn max_hours_tenths(r: &Report) -> u32 {
    r.month.days() * 24 * 10
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
        let outside = !r.month.contains(*d) || a.is_some_and(|a| a.terms_on(*d).is_none());
        if outside {
            out.push(Problem {
                flaw: Flaw::ImpossibleDates,
                at: keys(&["meetings"]),
                message: tr!(
                    "meeting {d} is outside {} or the assignment's active days",
                    "träffen {d} ligger utanför {} eller uppdragets aktiva dagar",
                    r.month
                ),
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
