//! What an ending (avslut) on a day does to the attendance reports of its month and after:
//! what they date after the last day was not delivered under the agreement, so it is taken
//! out. Meetings and trips after it, and stays that begin after it; a stay that began before
//! and runs past it stays, since pay counts its dygn only while the agreement is in force
//! (`payroll::compute`).
//!
//! A report not yet attested is simply what the ending leaves of it. An attested one is never
//! rewritten without a correction: it is corrected (a `Correction` by a named person) when something was taken out
//! or what it earns changed, and the next pay run settles the difference.

use chrono::NaiveDate;

use crate::model::Report;

/// A report with what the ending takes out of it, and how many of each kind that was.
#[derive(Debug, Clone, PartialEq)]
pub struct Trimmed {
    pub report: Report,
    pub meetings: usize,
    pub trips: usize,
    pub stays: usize,
}

impl Trimmed {
    /// How many things were taken out in all.
    pub fn removed(&self) -> usize {
        self.meetings + self.trips + self.stays
    }
}

/// `r` as an ending on `last_day` leaves it.
pub fn trimmed(r: &Report, last_day: NaiveDate) -> Trimmed {
    let mut report = r.clone();
    report.meetings.retain(|d| *d <= last_day);
    report.trips.retain(|t| t.date <= last_day);
    report.stays.retain(|s| s.from <= last_day);
    Trimmed {
        meetings: r.meetings.len() - report.meetings.len(),
        trips: r.trips.len() - report.trips.len(),
        stays: r.stays.len() - report.stays.len(),
        report,
    }
}

/// What the ending does to one report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Nothing of it is after the ending, and it earns what was paid.
    None,
    /// Not attested yet: write what the ending leaves of it.
    Rewrite,
    /// Attested: record a correction (it needs a named person), and pay the difference.
    Correct,
}

/// What to do with a report the ending took `removed` things out of; `earns_otherwise` when
/// what it earns now is not what was paid for it.
pub fn change(r: &Report, removed: usize, earns_otherwise: bool) -> Change {
    match (r.approved.is_some(), removed > 0) {
        (false, true) => Change::Rewrite,
        (false, false) => Change::None,
        (true, _) if removed > 0 || earns_otherwise => Change::Correct,
        (true, _) => Change::None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        crate::model::date::parse(s).unwrap()
    }

    fn report(approved: bool) -> Report {
        let approval = if approved {
            "[approved]\ndate = \"2026-04-02\"\nby = \"H\"\n"
        } else {
            ""
        };
        toml::from_str(&format!(
            "schema = 1\nassignment = \"A-7Q2K9M\"\nmonth = \"2026-03\"\nreported = \"2026-04-01\"\n\
             meetings = [\"2026-03-05\", \"2026-03-12\", \"2026-03-19\"]\n\
             [[trips]]\ndate = \"2026-03-12\"\nkm = 10\n[[trips]]\ndate = \"2026-03-13\"\nkm = 10\n\
             [[stays]]\nfrom = \"2026-03-10\"\nto = \"2026-03-14\"\n[[stays]]\nfrom = \"2026-03-13\"\nto = \"2026-03-14\"\n{approval}"
        ))
        .unwrap()
    }

    #[test]
    fn what_is_dated_after_the_last_day_is_taken_out_and_the_day_itself_stays() {
        let r = report(false);
        let t = trimmed(&r, d("2026-03-12"));
        assert_eq!((t.meetings, t.trips, t.stays), (1, 1, 1));
        assert_eq!(t.report.meetings.len(), 2);
        assert_eq!(t.report.trips.len(), 1);
        assert_eq!(
            t.report.stays.len(),
            1,
            "the stay that began before it stays"
        );
        assert_eq!(trimmed(&r, d("2026-03-31")).removed(), 0);
        assert_eq!(trimmed(&r, d("2026-03-01")).removed(), 7);
    }

    #[test]
    fn an_attested_report_is_corrected_and_one_not_attested_rewritten() {
        let open = report(false);
        assert_eq!(change(&open, 2, false), Change::Rewrite);
        assert_eq!(change(&open, 0, true), Change::None);
        let attested = report(true);
        assert_eq!(change(&attested, 1, false), Change::Correct);
        assert_eq!(change(&attested, 0, true), Change::Correct);
        assert_eq!(change(&attested, 0, false), Change::None);
    }
}
