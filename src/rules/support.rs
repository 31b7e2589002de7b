//! Support to volunteers (handledning, group meetings, phone check-ins): the municipality
//! supports the kontaktperson it has engaged, more closely in her first year (SKR's guidance on
//! kontaktpersoner; municipal routines). A volunteer with an assignment in force is due for a
//! contact when none was recorded for `support_days` (`support_days_first_year` during her
//! first year as a kontaktperson), counted from her last contact or her first assignment's start.

use chrono::{Days, Months, NaiveDate};

use super::in_force::in_force;
use super::{Flaw, Key, Problem};
use crate::model::config::VolunteerRules;
use crate::model::{Assignment, Volunteer};
use crate::tr;

/// What is wrong with a support contact's date, if anything: a contact is recorded once it has
/// taken place, and with a volunteer who has applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactDate {
    AfterToday,
    BeforeApplication,
}

impl ContactDate {
    /// The sentence, about `day`, a contact with `v`.
    pub fn message(self, v: &Volunteer, day: NaiveDate) -> String {
        match self {
            ContactDate::AfterToday => tr!("{day} is after today", "{day} är efter i dag"),
            ContactDate::BeforeApplication => tr!(
                "{day} is before {} applied ({})",
                "{day} är före ansökan från {} ({})",
                v.id,
                v.applied
            ),
        }
    }
}

/// Can a support contact with `v` be dated `day`, on `today`? `kontakt support` refuses such a
/// day and `check` names one typed into a file ([`contact_problems`]), by this one rule.
pub fn contact_date(v: &Volunteer, day: NaiveDate, today: NaiveDate) -> Option<ContactDate> {
    if day > today {
        Some(ContactDate::AfterToday)
    } else if day < v.applied.get() {
        Some(ContactDate::BeforeApplication)
    } else {
        None
    }
}

/// Every recorded support contact of `v` dated after `today` or before her application (E006).
pub fn contact_problems(v: &Volunteer, today: NaiveDate) -> Vec<Problem> {
    v.support
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            let wrong = contact_date(v, s.date.get(), today)?;
            Some(Problem::new(
                Flaw::ImpossibleDates,
                &[Key::name("support"), Key::Index(i), Key::name("date")],
                tr!(
                    "support contact: {}",
                    "stödkontakt: {}",
                    wrong.message(v, s.date.get())
                ),
            ))
        })
        .collect()
}

/// When `v` is due for a support contact, given her assignments; `None` when she has no
/// assignment in force on `today`.
pub fn contact_due(
    v: &Volunteer,
    hers: &[&Assignment],
    rules: &VolunteerRules,
    today: NaiveDate,
) -> Option<NaiveDate> {
    if !hers.iter().any(|a| in_force(a, today)) {
        return None;
    }
    let began = hers
        .iter()
        .filter_map(|a| a.agreement.as_ref().map(|g| g.start))
        .min()?;
    let last = v.support.iter().map(|s| s.date).max().unwrap_or(began);
    let first_year_ends = began.checked_add_months(Months::new(12))?;
    let days = if last < first_year_ends {
        rules.support_days_first_year
    } else {
        rules.support_days
    };
    let due = last.checked_add_days(Days::new(u64::from(days)))?;
    // In the first year the next contact is due at the stricter interval, but never past the
    // day the ordinary one would be.
    Some(due.min(last.checked_add_days(Days::new(u64::from(rules.support_days)))?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assignment(start: &str) -> Assignment {
        toml::from_str(&format!(
            "schema = 1\nid = \"A-7Q2K9M\"\nclient = \"C-7Q2K9M\"\nvolunteer = \"V-7Q2K9M\"\n\
             proposed = \"2025-12-01\"\n[agreement]\nstart = \"{start}\"\nsigned = \"2025-12-20\"\n\
             confidentiality_signed = \"2025-12-20\"\n[[agreement.terms]]\nfrom = \"{start}\"\n\
             meetings = \"1/week\"\n[agreement.terms.fee]\nlevel = 1\npercent_hundredths = 2000\n\
             [agreement.terms.expense]\nlevel = 1\npercent_hundredths = 1000\n"
        ))
        .unwrap()
    }

    fn volunteer(support: &[&str]) -> Volunteer {
        let mut t = "schema = 1\nid = \"V-7Q2K9M\"\nname = \"Test\"\npnr = \"198301012384\"\n\
                     applied = \"2025-10-10\"\n"
            .to_string();
        for d in support {
            t.push_str(&format!("[[support]]\ndate = \"{d}\"\nkind = \"phone\"\n"));
        }
        toml::from_str(&t).unwrap()
    }

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_contact_is_dated_between_the_application_and_today() {
        let v = volunteer(&["2025-10-10", "2025-10-09", "2026-03-02"]);
        let today = d("2026-03-01");
        assert_eq!(contact_date(&v, d("2026-03-01"), today), None);
        assert_eq!(contact_date(&v, d("2025-10-10"), today), None);
        assert_eq!(
            contact_date(&v, d("2026-03-02"), today),
            Some(ContactDate::AfterToday)
        );
        assert_eq!(
            contact_date(&v, d("2025-10-09"), today),
            Some(ContactDate::BeforeApplication)
        );
        let fields: Vec<String> = contact_problems(&v, today)
            .iter()
            .map(Problem::field)
            .collect();
        assert_eq!(fields, ["support[1].date", "support[2].date"]);
        assert!(
            contact_problems(&v, d("2026-03-02"))[0]
                .message
                .contains("before V-7Q2K9M applied (2025-10-10)")
        );
    }

    #[test]
    fn closer_in_the_first_year_then_at_the_ordinary_interval() {
        let rules = VolunteerRules::default();
        let a = assignment("2026-01-01");
        let due = |v: &Volunteer, today| contact_due(v, &[&a], &rules, d(today));
        // No contact yet: 30 days from the start.
        assert_eq!(due(&volunteer(&[]), "2026-03-01"), Some(d("2026-01-31")));
        assert_eq!(
            due(&volunteer(&["2026-02-10"]), "2026-03-01"),
            Some(d("2026-03-12"))
        );
        // After the first year: 90 days.
        assert_eq!(
            due(&volunteer(&["2027-02-01"]), "2027-03-01"),
            Some(d("2027-05-02"))
        );
        // No assignment in force: nothing due.
        assert_eq!(due(&volunteer(&[]), "2025-12-01"), None);
    }
}
