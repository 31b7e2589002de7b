//! Retention (gallring): which personal files may be culled, and which are kept and why.
//!
//! - A client's file (personakt) is culled five years after its last entry, by the end of the
//!   following year (old SoL 12 kap. 1 §), once nothing is open and no grant runs.
//! - Files of people born on the 5th, 15th or 25th of a month are kept for research
//!   (socialtjänstförordningen 7 kap. 2 §); some municipalities keep every file.
//! - LSS files have rules of their own (several municipalities archive those of children): kept
//!   unless `kontakt.toml` says they are culled like SoL files.
//! - A volunteer's screening file is a personal file too: culled only when `kontakt.toml` gives
//!   its years, and never while she has an assignment running.
//! - A child's file may be kept until an age (prop. 2025/26:12 proposes 30 for some documents).
//!
//! The figures are `[retention]` in `kontakt.toml`; the defaults keep what the rules do not
//! clearly allow to be culled. `kontakt gallra` culls what this says; `--dry-run` says for every
//! file whether it goes, stays or is kept for the archive, and why.

use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;

use crate::model::config::{LssFiles, RetentionRules};
use crate::model::{Assignment, Basis, Client, Date, Outcome, Pnr, Report, Volunteer};

/// How long after the last entry a client's file is kept by default.
pub const KEEP_YEARS: u32 = 5;

/// The latest date anything was entered about the client: the file itself, its assignments and
/// their reports.
pub fn last_entry(c: &Client, assignments: &[&Assignment], reports: &[&Report]) -> NaiveDate {
    let mut dates = vec![c.applied];
    for d in &c.decisions {
        let decided = [Some(d.decided), d.guardian_consent].into_iter().flatten();
        dates.extend(decided.chain(d.followed_up.iter().copied()).map(Date));
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
    dates.into_iter().max().unwrap_or(c.applied).get()
}

/// When a file may and must be culled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Window {
    pub last_entry: NaiveDate,
    /// The first day it may be culled (the years after the last entry)...
    pub from: NaiveDate,
    /// ...and the day by which it must be (the end of the following year).
    pub deadline: NaiveDate,
}

/// Why a file stays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "why")]
pub enum Kept {
    /// Something is open: an assignment, a grant that runs, a volunteer not yet leaving.
    InUse,
    /// Not yet: the years since the last entry run out on `from`.
    NotYet {
        last_entry: NaiveDate,
        from: NaiveDate,
    },
    /// Born on a research day (SoF 7 kap. 2 §): kept, for the archive.
    Research { day: u32 },
    /// The municipality keeps every file (`keep_all`): for the archive.
    KeepAll,
    /// An LSS file (`lss = "keep"`): for the archive.
    Lss,
    /// A child's file, kept until the person is `age`, on `until`.
    Child { age: u32, until: NaiveDate },
    /// A volunteer's file, with no years for them in `kontakt.toml`.
    NoVolunteerRule,
}

impl Kept {
    /// Kept for the archive (never culled), as opposed to kept for now.
    pub fn archive(self) -> bool {
        matches!(self, Kept::Research { .. } | Kept::KeepAll | Kept::Lss)
    }
}

/// A file's fate on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "verdict")]
pub enum Verdict {
    Cull(Window),
    Keep(Kept),
}

/// The rules that keep a person's file whatever its dates: research days, a municipality that
/// keeps everything, a child's file until an age.
fn kept_for_person(pnr: &Pnr, rules: &RetentionRules, today: NaiveDate) -> Option<Kept> {
    if rules.keep_all {
        return Some(Kept::KeepAll);
    }
    let day = pnr.birth_date().day();
    if rules.research_days.contains(&day) {
        return Some(Kept::Research { day });
    }
    let age = rules.child_until_age?;
    let until = pnr.birth_date().checked_add_months(Months::new(age * 12))?;
    (today < until).then_some(Kept::Child { age, until })
}

fn window(last_entry: NaiveDate, years: u32, today: NaiveDate) -> Verdict {
    let Some(from) = last_entry.checked_add_months(Months::new(years.saturating_mul(12))) else {
        return Verdict::Keep(Kept::InUse);
    };
    if from > today {
        return Verdict::Keep(Kept::NotYet { last_entry, from });
    }
    let deadline = NaiveDate::from_ymd_opt(from.year() + 1, 12, 31).unwrap_or(from);
    Verdict::Cull(Window {
        last_entry,
        from,
        deadline,
    })
}

/// The fate of `c`'s file on `today`, given her assignments and their reports.
pub fn client_verdict(
    c: &Client,
    assignments: &[&Assignment],
    reports: &[&Report],
    rules: &RetentionRules,
    today: NaiveDate,
) -> Verdict {
    let grant_runs = c
        .decisions
        .iter()
        .any(|d| d.outcome() == Outcome::Granted && d.last_day().is_some_and(|t| t >= today));
    if grant_runs || assignments.iter().any(|a| a.is_open(today)) {
        return Verdict::Keep(Kept::InUse);
    }
    if let Some(k) = kept_for_person(&c.pnr, rules, today) {
        return Verdict::Keep(k);
    }
    let lss = c.basis == Basis::Lss || c.decisions.iter().any(|d| d.basis == Some(Basis::Lss));
    if lss && rules.lss == LssFiles::Keep {
        return Verdict::Keep(Kept::Lss);
    }
    window(last_entry(c, assignments, reports), rules.years, today)
}

/// The assignments culled with their client's file: the proposals that never became an
/// agreement. An agreed assignment's file stays, with its attendance reports: they are the
/// basis of payments (accounting records) and name people by id only.
pub fn culled_with<'a>(assignments: &[&'a Assignment]) -> Vec<&'a Assignment> {
    assignments
        .iter()
        .copied()
        .filter(|a| a.agreement.is_none())
        .collect()
}

/// `Some` when `c`'s file is due for culling on `today` (`client_verdict` says cull).
pub fn cullable(
    c: &Client,
    assignments: &[&Assignment],
    reports: &[&Report],
    rules: &RetentionRules,
    today: NaiveDate,
) -> Option<Window> {
    match client_verdict(c, assignments, reports, rules, today) {
        Verdict::Cull(w) => Some(w),
        Verdict::Keep(_) => None,
    }
}

/// The latest date anything was entered about the volunteer: her file and her assignments.
pub fn volunteer_last_entry(v: &Volunteer, assignments: &[&Assignment]) -> NaiveDate {
    let s = &v.screening;
    let mut dates = vec![v.applied];
    dates.extend(
        [
            s.interview,
            s.police_extract,
            s.social_register,
            s.approved,
            s.rejected,
        ]
        .into_iter()
        .flatten(),
    );
    dates.extend(s.references.iter().map(|r| r.date));
    dates.extend(v.history.iter().map(|e| e.date));
    dates.extend(v.leaving.as_ref().map(|l| l.date));
    for a in assignments {
        dates.push(a.proposed);
        dates.extend(a.last_day().map(Date));
        dates.extend(a.history.iter().map(|e| e.date));
    }
    dates.into_iter().max().unwrap_or(v.applied).get()
}

/// The fate of `v`'s file on `today`, given her assignments: kept while she serves (approved
/// and not leaving, or an assignment open), and without years for volunteers in the rules.
pub fn volunteer_verdict(
    v: &Volunteer,
    assignments: &[&Assignment],
    rules: &RetentionRules,
    today: NaiveDate,
) -> Verdict {
    let serving = v.screening.approved.is_some()
        && v.screening.rejected.is_none()
        && v.leaving.as_ref().is_none_or(|l| l.date >= today);
    if serving || assignments.iter().any(|a| a.is_open(today)) {
        return Verdict::Keep(Kept::InUse);
    }
    if let Some(k) = kept_for_person(&v.pnr, rules, today) {
        return Verdict::Keep(k);
    }
    let Some(years) = rules.volunteer_years else {
        return Verdict::Keep(Kept::NoVolunteerRule);
    };
    window(volunteer_last_entry(v, assignments), years, today)
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
        assert_eq!(
            cullable(&c, &[], &[], &RetentionRules::default(), d("2025-03-31")),
            None
        );
        assert_eq!(
            cullable(&c, &[], &[], &RetentionRules::default(), d("2025-04-01")),
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
        assert_eq!(
            cullable(&c, &[], &[], &RetentionRules::default(), d("2026-01-01")),
            None
        );
    }

    /// A client's file goes with the proposals that never became agreements; an agreed
    /// assignment stays with its reports, the basis of payments.
    #[test]
    fn only_proposals_never_agreed_go_with_the_client() {
        let asg = |id: &str, agreed: bool| -> Assignment {
            let agreement = if agreed {
                "[agreement]\nstart = \"2026-02-01\"\nsigned = \"2026-02-01\"\nconfidentiality_signed = \"2026-02-01\"\n[[agreement.terms]]\nfrom = \"2026-02-01\"\nmeetings = \"1/week\"\nfee = { percent_hundredths = 2000 }\nexpense = { percent_hundredths = 1000 }\n"
            } else {
                ""
            };
            toml::from_str(&format!(
                "schema = 1\nid = \"{id}\"\nclient = \"C-7Q2K9M\"\nvolunteer = \"V-7Q2K9M\"\nproposed = \"2026-01-20\"\n{agreement}"
            ))
            .unwrap()
        };
        let (proposal, agreed) = (asg("A-7Q2K9M", false), asg("A-8Q2K9M", true));
        let culled: Vec<String> = culled_with(&[&proposal, &agreed])
            .iter()
            .map(|a| a.id.to_string())
            .collect();
        assert_eq!(culled, ["A-7Q2K9M"]);
    }
}
