//! A kontaktfamilj is screened as a household (SKR's recommendations for kontaktfamiljer;
//! Socialstyrelsen's handbook on kontaktperson and kontaktfamilj): every adult who lives in the
//! home is checked in the police register and the social services' own register (and, where the
//! municipality asks, Kronofogden's and Försäkringskassan's), and staff visit the home
//! (hembesök). The family may not be approved until every adult is cleared and the visit made;
//! and it is matched only while every adult's police extract is young enough.

use chrono::NaiveDate;

use crate::model::Volunteer;
use crate::model::common::Insats;
use crate::model::config::{FamilyRegister, VolunteerRules};
use crate::model::volunteer::{Adult, Screening};
use crate::rules::screening::extract_valid_on;
use crate::tr;

/// Is she screened as a household: does she offer to be a kontaktfamilj?
pub fn is_family(v: &Volunteer) -> bool {
    v.offers.contains(&Insats::Kontaktfamilj)
}

/// The register checks of one adult, whoever holds them: the applicant's own screening or
/// another adult of the household.
#[derive(Debug, Clone, Copy)]
struct Checks<'a> {
    /// `None` for the applicant herself.
    name: Option<&'a str>,
    police_extract: Option<NaiveDate>,
    social_register: Option<NaiveDate>,
    kronofogden: Option<NaiveDate>,
    forsakringskassan: Option<NaiveDate>,
}

impl<'a> Checks<'a> {
    fn of_applicant(s: &Screening) -> Checks<'a> {
        Checks {
            name: None,
            police_extract: s.police_extract.map(Into::into),
            social_register: s.social_register.map(Into::into),
            kronofogden: s.kronofogden.map(Into::into),
            forsakringskassan: s.forsakringskassan.map(Into::into),
        }
    }

    fn of_adult(a: &'a Adult) -> Checks<'a> {
        Checks {
            name: Some(a.name.as_str()),
            police_extract: a.police_extract.map(Into::into),
            social_register: a.social_register.map(Into::into),
            kronofogden: a.kronofogden.map(Into::into),
            forsakringskassan: a.forsakringskassan.map(Into::into),
        }
    }

    fn register(&self, r: FamilyRegister) -> Option<NaiveDate> {
        match r {
            FamilyRegister::Kronofogden => self.kronofogden,
            FamilyRegister::Forsakringskassan => self.forsakringskassan,
        }
    }
}

fn adults(v: &Volunteer) -> &[Adult] {
    v.household.as_ref().map_or(&[], |h| h.adults.as_slice())
}

/// What the household still lacks before a kontaktfamilj may be approved on `today`, beyond the
/// applicant's own screening (`rules::screening`): the home visit, and each other adult's
/// register checks. Empty for a volunteer who is not a family.
pub fn missing_for_approval(
    v: &Volunteer,
    rules: &VolunteerRules,
    today: NaiveDate,
) -> Vec<String> {
    if !is_family(v) {
        return Vec::new();
    }
    let mut out = Vec::new();
    if v.household.as_ref().and_then(|h| h.home_visit).is_none() {
        out.push(tr!(
            "no home visit recorded for the kontaktfamilj (--home-visit DATE)",
            "inget hembesök registrerat för kontaktfamiljen (--home-visit DATUM)"
        ));
    }
    let applicant = Checks::of_applicant(&v.screening);
    for c in std::iter::once(applicant).chain(adults(v).iter().map(Checks::of_adult)) {
        if let Some(name) = c.name {
            // The applicant's own police and social checks are `rules::screening`'s.
            let flag = format!("--adult \"{name}\"");
            match c.police_extract {
                None => out.push(tr!(
                    "{name}: no police-register extract recorded ({flag} --police-extract DATE)",
                    "{name}: inget utdrag ur belastningsregistret registrerat ({flag} --police-extract DATUM)"
                )),
                Some(d) if !extract_valid_on(d, today, rules) => out.push(tr!(
                    "{name}: the police-register extract of {d} is older than {} months",
                    "{name}: utdraget ur belastningsregistret från {d} är äldre än {} månader",
                    rules.police_extract_max_months
                )),
                Some(_) => {}
            }
            if c.social_register.is_none() {
                out.push(tr!(
                    "{name}: the social register check is not recorded ({flag} --social-register DATE)",
                    "{name}: kontrollen i socialregistret är inte registrerad ({flag} --social-register DATUM)"
                ));
            }
        }
        for r in &rules.family_registers {
            if c.register(*r).is_none() {
                let (en, sv, opt) = match r {
                    FamilyRegister::Kronofogden => (
                        "Kronofogden's register",
                        "Kronofogdens register",
                        "--kronofogden",
                    ),
                    FamilyRegister::Forsakringskassan => (
                        "Försäkringskassan's register",
                        "Försäkringskassans register",
                        "--forsakringskassan",
                    ),
                };
                out.push(match c.name {
                    Some(name) => tr!(
                        "{name}: {en} is not checked (--adult \"{name}\" {opt} DATE)",
                        "{name}: {sv} är inte kontrollerat (--adult \"{name}\" {opt} DATUM)"
                    ),
                    None => tr!(
                        "{en} is not checked ({opt} DATE)",
                        "{sv} är inte kontrollerat ({opt} DATUM)"
                    ),
                });
            }
        }
    }
    out
}

/// Is every other adult of the household cleared on `day`: a police extract young enough, the
/// social register checked, and the registers `family_registers` names? What a family needs to
/// be matched with a child, also for an adult who moved in after the approval. Always so for a
/// volunteer who is not a family; the applicant's own checks are `rules::screening`'s.
pub fn adults_cleared_on(v: &Volunteer, day: NaiveDate, rules: &VolunteerRules) -> bool {
    !is_family(v)
        || adults(v).iter().all(|a| {
            let c = Checks::of_adult(a);
            a.police_extract
                .is_some_and(|d| extract_valid_on(d.get(), day, rules))
                && a.social_register.is_some()
                && rules
                    .family_registers
                    .iter()
                    .all(|r| c.register(*r).is_some())
        })
}

/// The other adults of a family's home who lack a register check altogether: one who moved in
/// after the family was approved, say. The family is not matched meanwhile
/// (`adults_cleared_on`), and `due` says so for a family with a child placed.
pub fn unchecked_adults<'a>(v: &'a Volunteer, rules: &VolunteerRules) -> Vec<&'a str> {
    if !is_family(v) {
        return Vec::new();
    }
    adults(v)
        .iter()
        .filter(|a| {
            let c = Checks::of_adult(a);
            a.police_extract.is_none()
                || a.social_register.is_none()
                || rules
                    .family_registers
                    .iter()
                    .any(|r| c.register(*r).is_none())
        })
        .map(|a| a.name.as_str())
        .collect()
}

/// The other adult whose police extract is the first to grow too old, and the last day it is
/// young enough, for a family: what `due` warns of beside the applicant's own.
pub fn first_extract_expiry<'a>(
    v: &'a Volunteer,
    rules: &VolunteerRules,
) -> Option<(&'a str, NaiveDate)> {
    if !is_family(v) {
        return None;
    }
    adults(v)
        .iter()
        .filter_map(|a| {
            let last = crate::rules::screening::extract_last_day(a.police_extract?.get(), rules)?;
            Some((a.name.as_str(), last))
        })
        .min_by_key(|(_, last)| *last)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::volunteer::Household;

    fn d(s: &str) -> NaiveDate {
        crate::model::date::parse(s).unwrap()
    }

    fn family(adults: Vec<Adult>, visit: Option<&str>) -> Volunteer {
        let text = r#"
schema = 1
id = "V-7XK2P9"
name = "Helena Lund"
pnr = "198001022386"
applied = 2026-01-10
offers = ["kontaktfamilj"]
"#;
        let mut v: Volunteer = toml::from_str(text).unwrap();
        v.household = Some(Household {
            home_visit: visit.map(d).map(Into::into),
            takes_ages: None,
            adults,
        });
        v
    }

    fn adult(name: &str, extract: Option<&str>, social: Option<&str>) -> Adult {
        Adult {
            name: name.into(),
            police_extract: extract.map(d).map(Into::into),
            social_register: social.map(d).map(Into::into),
            ..Default::default()
        }
    }

    /// SKR: every adult in the household is checked, and the home visited, before approval.
    #[test]
    fn every_adult_and_the_home_visit_are_needed() {
        let rules = VolunteerRules::default();
        let today = d("2026-03-01");
        let v = family(vec![adult("Per Lund", None, Some("2026-02-01"))], None);
        let missing = missing_for_approval(&v, &rules, today);
        assert_eq!(missing.len(), 2, "{missing:?}");
        assert!(missing[0].contains("home visit"), "{missing:?}");
        assert!(
            missing[1].starts_with("Per Lund: no police-register extract"),
            "{missing:?}"
        );

        let cleared = family(
            vec![adult("Per Lund", Some("2026-02-01"), Some("2026-02-01"))],
            Some("2026-02-10"),
        );
        assert_eq!(
            missing_for_approval(&cleared, &rules, today),
            Vec::<String>::new()
        );
        // A year and a day later, Per's extract is too old.
        let late = d("2027-02-02");
        assert!(!adults_cleared_on(&cleared, late, &rules));
        assert!(adults_cleared_on(&cleared, today, &rules));
        let mut unchecked = cleared.clone();
        unchecked.household.as_mut().unwrap().adults[0].social_register = None;
        assert!(
            !adults_cleared_on(&unchecked, today, &rules),
            "an adult who moved in unchecked"
        );
        assert!(missing_for_approval(&cleared, &rules, late)[0].contains("older than 12 months"));
        assert_eq!(
            first_extract_expiry(&cleared, &rules),
            Some(("Per Lund", d("2027-02-01")))
        );
    }

    #[test]
    fn the_municipality_may_ask_for_more_registers_of_everyone() {
        let rules = VolunteerRules {
            family_registers: vec![FamilyRegister::Kronofogden],
            ..Default::default()
        };
        let mut v = family(
            vec![adult("Per Lund", Some("2026-02-01"), Some("2026-02-01"))],
            Some("2026-02-10"),
        );
        let missing = missing_for_approval(&v, &rules, d("2026-03-01"));
        assert_eq!(missing.len(), 2, "{missing:?}");
        assert!(
            missing[0].starts_with("Kronofogden's register"),
            "{missing:?}"
        );
        assert!(
            missing[1].starts_with("Per Lund: Kronofogden's"),
            "{missing:?}"
        );
        v.screening.kronofogden = Some(d("2026-02-01").into());
        v.household.as_mut().unwrap().adults[0].kronofogden = Some(d("2026-02-01").into());
        assert!(missing_for_approval(&v, &rules, d("2026-03-01")).is_empty());
    }

    #[test]
    fn a_kontaktperson_is_not_screened_as_a_household() {
        let mut v = family(vec![adult("Per Lund", None, None)], None);
        v.offers = vec![Insats::Kontaktperson];
        let rules = VolunteerRules::default();
        assert!(missing_for_approval(&v, &rules, d("2026-03-01")).is_empty());
        assert!(adults_cleared_on(&v, d("2026-03-01"), &rules));
    }
}
