//! Who may take which insats: a client granted a kontaktfamilj is matched only with a family
//! that offers to be one and takes children of her age; a client granted a kontaktperson only
//! with a volunteer who offers to be one. The family's capacity (`capacity`) is the children it
//! takes at a time, siblings each counting once, as a kontaktperson's is her clients.

use crate::model::Volunteer;
use crate::model::common::Insats;

/// Does `v` offer the insats `wanted`?
pub fn offers(v: &Volunteer, wanted: Insats) -> bool {
    v.offers.contains(&wanted)
}

/// Does the family take a child of `age`? A kontaktperson has no age band, and a family that
/// has not said takes any age.
pub fn takes_age(v: &Volunteer, wanted: Insats, age: u32) -> bool {
    wanted != Insats::Kontaktfamilj
        || v.household
            .as_ref()
            .and_then(|h| h.takes_ages)
            .is_none_or(|ages| ages.contains(age))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::volunteer::Household;

    fn volunteer(offers: &str, ages: Option<&str>) -> Volunteer {
        let text = format!(
            "schema = 1\nid = \"V-7XK2P9\"\nname = \"Helena Lund\"\npnr = \"198001022386\"\napplied = 2026-01-10\noffers = {offers}\n"
        );
        let mut v: Volunteer = toml::from_str(&text).unwrap();
        v.household = ages.map(|a| Household {
            takes_ages: Some(a.parse().unwrap()),
            ..Default::default()
        });
        v
    }

    #[test]
    fn a_family_takes_the_ages_it_said() {
        let v = volunteer(r#"["kontaktfamilj"]"#, Some("0-12"));
        assert!(offers(&v, Insats::Kontaktfamilj));
        assert!(!offers(&v, Insats::Kontaktperson));
        assert!(takes_age(&v, Insats::Kontaktfamilj, 12));
        assert!(!takes_age(&v, Insats::Kontaktfamilj, 13));
        // The age band is a family's: as a kontaktperson any age is hers to meet.
        assert!(takes_age(&v, Insats::Kontaktperson, 40));
        let any = volunteer(r#"["kontaktperson", "kontaktfamilj"]"#, None);
        assert!(offers(&any, Insats::Kontaktperson) && offers(&any, Insats::Kontaktfamilj));
        assert!(takes_age(&any, Insats::Kontaktfamilj, 16));
    }

    #[test]
    fn a_volunteer_offers_at_least_one_insats() {
        let text = "schema = 1\nid = \"V-7XK2P9\"\nname = \"Helena Lund\"\npnr = \"198001022386\"\napplied = 2026-01-10\noffers = []\n";
        let err = toml::from_str::<Volunteer>(text).unwrap_err().to_string();
        assert!(
            err.contains("at least one of kontaktperson, kontaktfamilj"),
            "{err}"
        );
        let default: Volunteer = toml::from_str(&text.replace("offers = []\n", "")).unwrap();
        assert_eq!(default.offers, [Insats::Kontaktperson]);
    }
}
