//! When a volunteer may be approved: interview done, enough good references, a police-register
//! extract young enough, the social register checked, and old enough.

use crate::tr;
use chrono::{Months, NaiveDate};

use crate::model::config::VolunteerRules;
use crate::model::{Verdict, Volunteer};

/// Is the police-register extract taken on `extract` still young enough on `day`?
pub fn extract_valid_on(extract: NaiveDate, day: NaiveDate, rules: &VolunteerRules) -> bool {
    extract <= day
        && extract
            .checked_add_months(Months::new(rules.police_extract_max_months))
            .is_some_and(|limit| day <= limit)
}

/// The last day the volunteer's police extract is young enough, if there is one.
pub fn extract_expires(v: &Volunteer, rules: &VolunteerRules) -> Option<NaiveDate> {
    v.screening
        .police_extract
        .and_then(|d| d.checked_add_months(Months::new(rules.police_extract_max_months)))
}

/// Everything still missing before `v` can be approved on `today`; empty when approval may go ahead.
pub fn missing_for_approval(
    v: &Volunteer,
    rules: &VolunteerRules,
    today: NaiveDate,
) -> Vec<String> {
    let s = &v.screening;
    let mut missing = Vec::new();
    if s.rejected.is_some() {
        missing.push(tr!(
            "the volunteer was rejected",
            "kontaktpersonen har fått avslag"
        ));
    }
    if s.interview.is_none() {
        missing.push(tr!(
            "no interview recorded (--interview DATE)",
            "ingen intervju registrerad (--interview DATUM)"
        ));
    }
    let ok = s
        .references
        .iter()
        .filter(|r| r.verdict == Verdict::Ok)
        .count() as u32;
    if ok < rules.references_required {
        missing.push(tr!(
            "{ok} of {} references are ok (--reference \"NAME:ok\")",
            "{ok} av {} referenser är ok (--reference \"NAMN:ok\")",
            rules.references_required
        ));
    }
    match s.police_extract {
        None => missing.push(tr!(
            "no police-register extract recorded (--police-extract DATE)",
            "inget utdrag ur belastningsregistret registrerat (--police-extract DATUM)"
        )),
        Some(d) if !extract_valid_on(d, today, rules) => missing.push(tr!(
            "the police-register extract of {d} is older than {} months",
            "utdraget ur belastningsregistret från {d} är äldre än {} månader",
            rules.police_extract_max_months
        )),
        Some(_) => {}
    }
    if s.social_register.is_none() {
        missing.push(tr!(
            "the social register check is not recorded (--social-register DATE)",
            "kontrollen i socialregistret är inte registrerad (--social-register DATUM)"
        ));
    }
    let age = v.pnr.age_on(today);
    if age < rules.min_age {
        missing.push(tr!(
            "the volunteer is {age}, under the minimum age of {}",
            "kontaktpersonen är {age} år, under lägsta åldern {}",
            rules.min_age
        ));
    }
    missing
}
