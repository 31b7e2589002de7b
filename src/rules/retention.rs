//! Retention (gallring): a client's file (personakt) is culled five years after its last
//! entry, by the end of the following year (old SoL 12 kap. 1 §), once nothing is open and no
//! grant runs. `kontakt gallra` culls what this says; `due` lists it.

use chrono::{Datelike, Months, NaiveDate};

use crate::model::{Assignment, Client, Outcome, Report};

/// How long after the last entry a client's file is kept.
pub const KEEP_YEARS: u32 = 5;

/// The latest date anything was entered about the client: the file itself, its assignments and
/// their reports.
pub fn last_entry(c: &Client, assignments: &[&Assignment], reports: &[&Report]) -> NaiveDate {
    let mut dates = vec![c.applied];
    for d in &c.decisions {
        dates.extend([Some(d.decided), d.guardian_consent].into_iter().flatten());
        dates.extend(d.followed_up.iter().copied());
    }
    dates.extend(c.history.iter().map(|e| e.date));
    for a in assignments {
        dates.push(a.proposed);
        dates.extend(a.declined.as_ref().map(|d| d.date));
        dates.extend(a.ended.as_ref().map(|e| e.date));
        if let Some(ag) = &a.agreement {
            dates.extend(
                [Some(ag.start), ag.end, ag.signed, ag.confidentiality_signed]
                    .into_iter()
                    .flatten(),
            );
            dates.extend(ag.terms.iter().map(|t| t.from));
        }
        dates.extend(a.history.iter().map(|e| e.date));
    }
    for r in reports {
        dates.push(r.reported);
        dates.extend(r.approved.as_ref().map(|a| a.date));
        dates.extend(r.corrections.iter().map(|c| c.date));
        dates.extend(r.meetings.iter().copied());
    }
    dates.into_iter().max().unwrap_or(c.applied)
}

/// When `c`'s file may and must be culled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub last_entry: NaiveDate,
    /// The first day it may be culled (five years after the last entry)...
    pub from: NaiveDate,
    /// ...and the day by which it must be (the end of the following year).
    pub deadline: NaiveDate,
}

/// `Some` when `c`'s file is due for culling on `today`: no assignment open, no grant running,
/// and five years since the last entry (in the file, its assignments and their reports).
pub fn cullable(
    c: &Client,
    assignments: &[&Assignment],
    reports: &[&Report],
    today: NaiveDate,
) -> Option<Window> {
    if assignments.iter().any(|a| a.is_open(today)) {
        return None;
    }
    let grant_runs = c
        .decisions
        .iter()
        .any(|d| d.outcome == Outcome::Granted && d.last_day().is_some_and(|t| t >= today));
    if grant_runs {
        return None;
    }
    let last_entry = last_entry(c, assignments, reports);
    let from = last_entry.checked_add_months(Months::new(KEEP_YEARS * 12))?;
    if from > today {
        return None;
    }
    let deadline = NaiveDate::from_ymd_opt(from.year() + 1, 12, 31).unwrap_or(from);
    Some(Window {
        last_entry,
        from,
        deadline,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn client(decisions: &str) -> Client {
        toml::from_str(&format!(
            "schema = 1\nid = \"C-7Q2K9M\"\nname = \"Test\"\npnr = \"201201022397\"\n\
             applied = \"2020-03-01\"\n{decisions}"
        ))
        .unwrap()
    }

    #[test]
    fn a_file_is_cullable_five_years_after_its_last_entry_and_must_go_by_the_next_year_end() {
        let c = client(
            "[[decisions]]\ndecided = \"2020-04-01\"\noutcome = \"granted\"\nfrom = \"2020-04-01\"\nto = \"2021-03-31\"\n",
        );
        assert_eq!(last_entry(&c, &[], &[]), d("2020-04-01"));
        assert_eq!(cullable(&c, &[], &[], d("2025-03-31")), None);
        assert_eq!(
            cullable(&c, &[], &[], d("2025-04-01")),
            Some(Window {
                last_entry: d("2020-04-01"),
                from: d("2025-04-01"),
                deadline: d("2026-12-31"),
            })
        );
    }

    #[test]
    fn a_running_grant_keeps_the_file() {
        let c = client(
            "[[decisions]]\ndecided = \"2020-04-01\"\noutcome = \"granted\"\nfrom = \"2020-04-01\"\nto = \"2030-03-31\"\n",
        );
        assert_eq!(cullable(&c, &[], &[], d("2026-01-01")), None);
    }
}
